import Export
import Extraction
import GlossaCore
import XCTest

/// Articles and annotations for the export tests.
enum ExportFixtures {
    /// An annotation on the first occurrence of `quote` in the article (a test fails if it is not there).
    static func annotation(_ id: String, _ quote: String, in article: Article, claim: Bool = true, verdict: Verdict? = nil,
                           note: String = "", tags: [String] = [], orphan: Bool = false,
                           file: StaticString = #filePath, line: UInt = #line) -> Annotation {
        let scalars = Array(article.text.unicodeScalars)
        let needle = Array(quote.unicodeScalars)
        let start = scalars.indices.first { scalars[$0...].starts(with: needle) }
        XCTAssertNotNil(start, "quote not in article: \(quote)", file: file, line: line)
        let span = TextSpan(start: start ?? 0, end: (start ?? 0) + needle.count)
        return Annotation(id: id, article: article.path, span: span, quote: Anchoring.selector(for: span, in: scalars),
                          textHash: ContentHash.of(article.text), isClaim: claim, verdict: verdict, note: note,
                          tags: tags, isOrphan: orphan)
    }

    /// Annotations with the article's extraction (the shipped actor model).
    static func notes(_ article: Article, _ annotations: [Annotation]) -> ArticleNotes {
        ArticleNotes(article: article, annotations: annotations, extraction: Extractor.extract(article, options: ExtractionOptions()))
    }

    /// A list shuffled reproducibly.
    static func shuffled<T>(_ list: [T], seed: UInt64) -> [T] {
        var generator = SplitMix64(state: seed)
        return list.shuffled(using: &generator)
    }
}
