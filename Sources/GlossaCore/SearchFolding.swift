import Foundation

/// How the library search reads words: case and accents do not matter, `ß` is `ss`, and an umlaut
/// matches its transliteration: `Weissrussland` finds `Weißrussland`, `Mueller` finds `Müller`
/// and `Muller`. A query word also finds longer words that start with it (`Wahl` → `Wahlen`),
/// as German inflects and compounds.
///
/// The index side is SQLite's `unicode61 remove_diacritics 2` tokenizer (case and accents folded),
/// fed with `indexText`, which only spells out `ß`. The query side builds, for every word, the forms
/// that can stand for it in that index.
public enum SearchFolding {
    /// Query words shorter than this must match whole words (a one-letter prefix matches everything).
    public static let minimumPrefix = 3

    /// The text as it goes into the index: `ß`/`ẞ` become `ss` (the tokenizer keeps `ß` as it is).
    public static func indexText(_ text: String) -> String {
        // On UTF-8 bytes: ß is C3 9F, ẞ is E1 BA 9E (Foundation's replacing is slow on Linux).
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            var copied = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0xC3, index + 1 < count, bytes[index + 1] == 0x9F {
                    if out.isEmpty { out.reserveCapacity(count + 16) }
                    out.append(contentsOf: bytes[copied..<index])
                    out.append(0x73)
                    out.append(0x73)
                    index += 2
                    copied = index
                } else if byte == 0xE1, index + 2 < count, bytes[index + 1] == 0xBA, bytes[index + 2] == 0x9E {
                    if out.isEmpty { out.reserveCapacity(count + 16) }
                    out.append(contentsOf: bytes[copied..<index])
                    out.append(0x73)
                    out.append(0x73)
                    index += 3
                    copied = index
                } else {
                    index += 1
                }
            }
            if copied == 0 { return String(decoding: bytes, as: UTF8.self) }
            out.append(contentsOf: bytes[copied..<count])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A word as the index holds it: lower case, without accents, `ß` as `ss`.
    public static func fold(_ word: some StringProtocol) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        let spelled = String(word).replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "ẞ", with: "ss")
        return spelled.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// The words of a query, each with the folded forms that may stand for it; quotes and
    /// punctuation are ignored. `Müller` → [`muller`, `mueller`]; `Mueller` → [`mueller`, `muller`].
    public static func terms(of query: String) -> [[String]] {
        words(in: query).map { word in
            let lower = String(word).lowercased()
            var forms = [fold(lower)]
            let transliterated = lower.replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
                .replacingOccurrences(of: "ü", with: "ue")
            if transliterated != lower { forms.append(fold(transliterated)) }
            let folded = forms[0]
            let plain = folded.replacingOccurrences(of: "ae", with: "a").replacingOccurrences(of: "oe", with: "o")
                .replacingOccurrences(of: "ue", with: "u")
            if plain != folded, transliterated == lower { forms.append(plain) }
            var seen = Set<String>()
            return forms.filter { !$0.isEmpty && seen.insert($0).inserted }
        }.filter { !$0.isEmpty }
    }

    /// The FTS5 `MATCH` expression for a query: every word (in one of its forms) must occur.
    /// Nil when the query has no word.
    public static func matchExpression(_ query: String) -> String? {
        let groups = terms(of: query).map { forms in
            let alternatives = forms.map { form in
                "\"\(form)\"" + (form.count >= minimumPrefix ? "*" : "")
            }
            return alternatives.count == 1 ? alternatives[0] : "(" + alternatives.joined(separator: " OR ") + ")"
        }
        return groups.isEmpty ? nil : groups.joined(separator: " AND ")
    }

    /// Runs of letters and digits, as the tokenizer splits them.
    public static func words(in text: some StringProtocol) -> [Substring] {
        let string = String(text)
        var result: [Substring] = []
        var start: String.Index?
        var index = string.startIndex
        for scalar in string.unicodeScalars {
            let isWord = ScalarClass.isWordScalar(scalar)
            if isWord {
                if start == nil { start = index }
            } else if let begin = start {
                result.append(string[begin..<index])
                start = nil
            }
            index = string.unicodeScalars.index(after: index)
        }
        if let begin = start { result.append(string[begin..<string.endIndex]) }
        return result
    }
}

/// Which sentence of an article best matches a query, and where the query's words are in it:
/// for opening a search result at its sentence and highlighting the words.
public struct SearchMatcher: Sendable {
    public let terms: [[String]]

    public init(query: String) {
        terms = SearchFolding.terms(of: query)
    }

    /// Whether a folded word matches a query word's form (a prefix, for forms long enough).
    func matches(_ folded: String, _ form: String) -> Bool {
        form.count >= SearchFolding.minimumPrefix ? folded.hasPrefix(form) : folded == form
    }

    /// Scalar ranges (offsets into `scalars`) of the words inside `span` that match a query word,
    /// and how many of the query's words were found.
    public func hits(in scalars: [Unicode.Scalar], span: TextSpan) -> (found: Int, ranges: [TextSpan]) {
        guard !terms.isEmpty, span.start < span.end, span.end <= scalars.count else { return (0, []) }
        var found = Set<Int>()
        var ranges: [TextSpan] = []
        var start: Int?
        func close(_ end: Int) {
            guard let begin = start else { return }
            start = nil
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[begin..<end])
            let folded = SearchFolding.fold(String(view))
            var hit = false
            for (index, forms) in terms.enumerated() where forms.contains(where: { matches(folded, $0) }) {
                found.insert(index)
                hit = true
            }
            if hit { ranges.append(TextSpan(start: begin, end: end)) }
        }
        for offset in span.start..<span.end {
            let scalar = scalars[offset]
            if ScalarClass.isWordScalar(scalar) {
                if start == nil { start = offset }
            } else {
                close(offset)
            }
        }
        close(span.end)
        return (found.count, ranges)
    }

    /// The sentence with the most query words (the first of those), or nil when none has any.
    public func bestSentence(_ scalars: [Unicode.Scalar], sentences: [TextSpan]) -> (index: Int, ranges: [TextSpan])? {
        var best: (index: Int, found: Int, ranges: [TextSpan])?
        for (index, sentence) in sentences.enumerated() {
            let (found, ranges) = hits(in: scalars, span: sentence)
            if found > (best?.found ?? 0) {
                best = (index, found, ranges)
                if found == terms.count { break }
            }
        }
        return best.map { ($0.index, $0.ranges) }
    }
}
