import Foundation

/// Where an article's date was found.
public enum DateSource: String, Sendable, Equatable {
    case header, frontMatter = "front-matter", dateline
}

/// What the first lines of an article say about it.
public struct ArticleMetadata: Sendable, Equatable {
    public var title: String
    public var date: ArticleDate?
    public var dateSource: DateSource?
    public var source: String?
    /// Scalar offset where the article's own text starts (after a date header or front matter).
    public var contentStart: Int
    /// The title line inside the text, when the first line is short enough to be a headline.
    public var titleSpan: TextSpan?

    public init(title: String, date: ArticleDate? = nil, dateSource: DateSource? = nil, source: String? = nil,
                contentStart: Int = 0, titleSpan: TextSpan? = nil) {
        self.title = title
        self.date = date
        self.dateSource = dateSource
        self.source = source
        self.contentStart = contentStart
        self.titleSpan = titleSpan
    }
}

/// Reads the metadata of an article: a ` date YYYY-MM[-DD]` header, Markdown front matter,
/// the title (first non-empty line) and a dateline such as `14.11.2025, 20:07 Uhr`.
public enum ArticleParser {
    /// Titles longer than this are cut at their first sentence, then at a word.
    public static let maxTitleLength = 120
    /// Metadata is read from this many scalars at the start of the text.
    static let headLength = 16_384

    public static func parse(_ text: String) -> ArticleMetadata {
        parse(ScalarClass.scalars(of: text))
    }

    /// Parses from the text's scalars (lines are looked for in the first `headLength` only).
    public static func parse(_ scalars: [Unicode.Scalar]) -> ArticleMetadata {
        var position = scalars.first == "\u{FEFF}" ? 1 : 0
        var metadata = ArticleMetadata(title: "", date: nil, dateSource: nil, source: nil,
                                       contentStart: position, titleSpan: nil)
        var frontMatterTitle: String?

        if let header = parseDateHeader(scalars, from: position) {
            metadata.date = header.date
            metadata.dateSource = .header
            position = header.end
        } else if let front = parseFrontMatter(scalars, from: position) {
            frontMatterTitle = front.fields["title"].flatMap { $0.isEmpty ? nil : $0 }
            metadata.source = front.fields["source"].flatMap { $0.isEmpty ? nil : $0 }
            if let raw = front.fields["date"], let date = ArticleDate(iso: raw.prefix(10)) ?? ArticleDate(iso: raw.prefix(7)) {
                metadata.date = date
                metadata.dateSource = .frontMatter
            }
            position = front.end
        }
        position = skipWhitespace(scalars, from: position)
        metadata.contentStart = position

        let lines = LineScanner.lines(scalars, from: position, limit: 12)
        if let first = lines.first {
            if first.length <= maxTitleLength { metadata.titleSpan = first }
            metadata.title = shortTitle(scalars, first)
        }
        if let frontMatterTitle { metadata.title = frontMatterTitle }
        if metadata.date == nil {
            for line in lines.prefix(8) where line.length <= 80 {
                let lineText = ScalarClass.string(scalars[line.start..<line.end])
                if let date = DatelineParser.date(in: lineText) {
                    metadata.date = date
                    metadata.dateSource = .dateline
                    break
                }
            }
        }
        return metadata
    }

    /// ` date 2025-07` (leading spaces allowed) at the very start; the text may go on on the same line.
    static func parseDateHeader(_ scalars: [Unicode.Scalar], from start: Int) -> (date: ArticleDate, end: Int)? {
        var index = start
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        let keyword: [Unicode.Scalar] = ["d", "a", "t", "e"]
        guard index + 5 <= scalars.count, Array(scalars[index..<index + 4]) == keyword,
              scalars[index + 4] == " " || scalars[index + 4] == "\t" else { return nil }
        index = skipSpaces(scalars, from: index + 4)
        var end = index
        while end < scalars.count, scalars[end].properties.numericType != nil || scalars[end] == "-" { end += 1 }
        guard let date = ArticleDate(iso: ScalarClass.string(scalars[index..<end])) else { return nil }
        return (date, end)
    }

    /// `---` on the first line, `key: value` lines, `---` (or `...`) closing within 40 lines.
    public static func parseFrontMatter(_ scalars: [Unicode.Scalar], from start: Int) -> (fields: [String: String], end: Int)? {
        // Most articles have none: their first line alone tells.
        guard let first = LineScanner.rawLines(scalars, from: start, limit: 1).first, text(scalars, first.span) == "---" else { return nil }
        let lines = LineScanner.rawLines(scalars, from: start, limit: 42)
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            let content = text(scalars, line.span)
            if content == "---" || content == "..." { return (fields, line.next) }
            guard let colon = content.firstIndex(of: ":") else { continue }
            let key = content[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
                // YAML's escapes in double quotes (`glossa import` writes `\"` and `\\`); doubled single quotes.
                value = quote == "'" ? value.replacingOccurrences(of: "''", with: "'") : unescaped(value)
            }
            fields[key] = value
        }
        return nil
    }

    /// `\"` → `"`, `\\` → `\`; other escapes as written.
    static func unescaped(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                if character != "\"" && character != "\\" { result.append("\\") }
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }

    /// The title from the first line: the line itself, or its first sentence, or a cut at a word.
    static func shortTitle(_ scalars: [Unicode.Scalar], _ line: TextSpan) -> String {
        guard line.length > maxTitleLength else { return ScalarClass.string(scalars[line.start..<line.end]) }
        let limited = TextSpan(start: line.start, end: min(line.end, line.start + maxTitleLength * 2))
        if let first = SentenceSplitter.split(scalars, in: limited).first, first.length <= maxTitleLength {
            return ScalarClass.string(scalars[first.start..<first.end])
        }
        var cut = ScalarClass.string(scalars[line.start..<line.start + maxTitleLength - 1])
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + "…"
    }

    static func text(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> String {
        ScalarClass.string(scalars[span.start..<span.end]).trimmingCharacters(in: .whitespaces)
    }

    static func skipSpaces(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        return index
    }

    static func skipWhitespace(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, ScalarClass.isSpace(scalars[index]) { index += 1 }
        return index
    }
}
