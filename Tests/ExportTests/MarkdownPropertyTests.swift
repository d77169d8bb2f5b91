import Export
import Extraction
import GlossaCore
import TestSupport
import XCTest

/// Random texts heavy in Markdown syntax never change the structure of the notes, and read back as written.
final class MarkdownPropertyTests: XCTestCase {
    static let alphabet: [String] = [
        "*", "_", "[", "]", "(", ")", "<", ">", "#", "`", "\\", "|", "&", ";", "!", "-", "+", "=", ".", ":",
        "~", "\"", "'", "{", "}", "$", "%", "^", "/", "?", ",", "@", "1", "9", " ", " ", " ", "  ", "\t",
        "\n", "\n", "\n\n", "\r", "\r\n", "a", "b", "Z", "ä", "ß", "€", "😀", "\u{0}", "\u{1B}", "\u{7F}",
        "\u{85}", "\u{9B}", "\u{202E}", "\u{2067}", "\u{A0}", "\u{2028}", "\u{301}", "\u{FEFF}",
    ]

    static func randomText(_ generator: inout SplitMix64) -> String {
        (0..<generator.below(40)).map { _ in alphabet[generator.below(alphabet.count)] }.joined()
    }

    func testRandomQuotesAndNotesRoundTrip() throws {
        var generator = SplitMix64(state: 0x6C05_5A)
        for run in 0..<200 {
            // Given a random quote, note, tag and path
            let quote = Self.randomText(&generator), note = Self.randomText(&generator)
            let tag = Self.randomText(&generator), path = Self.randomText(&generator) + ".txt"
            let article = Article(path: path, text: "Titel\n\n" + quote)
            let span = TextSpan(start: 7, end: 7 + quote.unicodeScalars.count)
            let annotation = Annotation(id: "r\(run)", article: path, span: span,
                                        quote: TextQuoteSelector(exact: quote, prefix: "", suffix: ""),
                                        textHash: "", isClaim: run % 2 == 0, note: note, tags: [tag])
            let notes = ArticleNotes(article: article, annotations: [annotation], extraction: ArticleExtraction(sentences: [], numbers: []))
            // When
            let markdown = MarkdownExporter.render(label: "lib", articles: [notes], missing: [:], linkBase: ".")
            let document = try CommonMark.parse(markdown)
            // Then: title, summary, article heading and line, then one heading, block quote and list
            let context = "run \(run): \(markdown.debugDescription)"
            XCTAssertEqual(document.children.map(\.name),
                           ["heading", "paragraph", "heading", "paragraph", "heading", "block_quote", "list"], context)
            guard document.children.count == 7 else { continue }
            XCTAssertEqual(document.children[4].text, run % 2 == 0 ? "Claim 1" : "Note 1", context)
            XCTAssertEqual(document.children[5].text, MarkdownEscaping.normalizedLines(quote).joined(separator: "\n"), context)
            let items = document.children[6].children.map(\.text)
            let noteLines = MarkdownEscaping.normalizedLines(note)
            let tagText = MarkdownEscaping.normalizedLines(tag).filter { !$0.isEmpty }.joined(separator: " ")
            let pathText = MarkdownEscaping.normalizedLines(path).filter { !$0.isEmpty }.joined(separator: " ")
            var expected = run % 2 == 0 ? ["Verdict: none yet"] : []
            if !noteLines.isEmpty { expected.append("Note: " + noteLines.joined(separator: "\n")) }
            if !tagText.isEmpty { expected.append("Tags: " + tagText) }
            expected.append("Source: \(pathText), line 3")
            XCTAssertEqual(items, expected, context)
            let links = document.descendants.filter { $0.name == "link" }.compactMap { $0.attributes["destination"] }
            let destination = MarkdownEscaping.linkDestination(path)
            XCTAssertEqual(links, [destination, destination + "#L3"], context)
            XCTAssertEqual(Self.percentDecoded(destination), path, context)
        }
    }

    /// The bytes of `%XX` escapes and of the other characters, as UTF-8 (Foundation's decoder drops a leading BOM).
    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: "%"), let value = UInt8(String(text.utf8[text.utf8.index(after: index)...].prefix(2))!, radix: 16) {
                bytes.append(value)
                index = text.utf8.index(index, offsetBy: 3)
            } else {
                bytes.append(byte)
                index = text.utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
