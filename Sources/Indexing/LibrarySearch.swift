import Foundation
import GlossaCore
import Store

/// The library's full-text search: SQLite FTS5 ranks the articles (bm25), then each of the best
/// ones is read to find its best sentence, shown as the result's snippet.
public struct LibrarySearch: Sendable {
    public let root: String
    public let database: AppDatabase
    /// Results that get a snippet (the others show their title only, and open at their best sentence).
    public var snippets = 100

    public init(root: String, database: AppDatabase) {
        self.root = root
        self.database = database
    }

    /// The best articles for a query, best first; an empty list for a query without words.
    public func run(_ query: String, limit: Int = LibraryHit.limit) throws -> [LibraryHit] {
        guard let expression = SearchFolding.matchExpression(query) else { return [] }
        let hits = try database.search(expression, limit: limit)
        let matcher = SearchMatcher(query: query)
        return hits.enumerated().map { index, hit in
            // A file that cannot be read now (removed since it was indexed) is listed by its title only.
            guard index < snippets, let text = try? ArticleFile.text(root + "/" + hit.path).text else { return LibraryHit(path: hit.path) }
            let scalars = ScalarClass.scalars(of: text)
            let article = Article(path: hit.path, text: text, scalars: scalars)
            guard let best = matcher.bestSentence(scalars, sentences: article.sentences) else { return LibraryHit(path: hit.path) }
            let (snippet, highlights) = Self.snippet(scalars, article.sentences[best.index], ranges: best.ranges)
            return LibraryHit(path: hit.path, sentence: best.index, snippet: snippet, highlights: highlights)
        }
    }

    /// A sentence on one line (white space collapsed) and its highlighted words as character
    /// ranges; a long sentence starts a little before its first highlight.
    static func snippet(_ scalars: [Unicode.Scalar], _ sentence: TextSpan, ranges: [TextSpan], lead: Int = 24) -> (String, [Range<Int>]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[sentence.start..<sentence.end])
        var characters: [Character] = []
        var offsets: [Int] = []   // the scalar offset each character starts at
        var offset = sentence.start
        var lastWasSpace = false
        for character in String(view) {
            if character.isWhitespace {
                if !lastWasSpace, !characters.isEmpty {
                    characters.append(" ")
                    offsets.append(offset)
                }
                lastWasSpace = true
            } else {
                characters.append(character)
                offsets.append(offset)
                lastWasSpace = false
            }
            offset += character.unicodeScalars.count
        }
        var highlights: [Range<Int>] = ranges.compactMap { range in
            var low = 0
            while low < offsets.count, offsets[low] < range.start { low += 1 }
            var high = low
            while high < offsets.count, offsets[high] < range.end { high += 1 }
            return low < high ? low..<high : nil
        }
        if let first = highlights.first?.lowerBound, first > lead + 8 {
            var cut = first - lead
            // Start at a word.
            while cut < first, characters[cut - 1] != " " { cut += 1 }
            characters = ["…"] + characters[cut...]
            highlights = highlights.map { ($0.lowerBound - cut + 1)..<($0.upperBound - cut + 1) }
        }
        return (String(characters), highlights)
    }
}
