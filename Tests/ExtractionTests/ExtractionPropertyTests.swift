import Extraction
import GlossaCore
import XCTest

/// On arbitrary Unicode input, extraction never crashes and every span is inside the text,
/// ordered and non-overlapping.
final class ExtractionPropertyTests: XCTestCase {
    /// Pieces that stress the recogniser: digits, separators, number words, units, controls, emoji.
    static let pieces = [
        "1", "12", "2020", "1,5", "1.200", "14.11.", "20:07", ".", ",", ":", "-", "–", " ", "\n", "\r\n", "%", "€", "$",
        "Milliarden", "Mio.", "Dollar", "Euro", "Prozent", "drei", "vierhundertzwanzig", "erste", "Hälfte", "jeder",
        "fünfte", "ein", "eine", "halben", "Jahren", "Stunden", "-Jährige", "fache", "er", "Jahre", "Februar", "um",
        "halb", "viertel", "nach", "Putin", "Lukaschenkos", "US-", "Kreml-Chef", "Vereinigten", "Staaten", "Moskau", "mehr", "als", "bis", "zu", "Uhr", "Platz", "z. B.", "Dr.", "„", "“", "\"", "(",
        ")", "ä", "ß", "e\u{301}", "👍🏽", "明", "\u{1B}", "\u{0}", "\u{202E}", "\u{FEFF}", "\u{2028}", "\u{AD}", "\t",
    ]

    func randomText(_ generator: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<generator.below(60) {
            if generator.below(10) == 0 {
                text.unicodeScalars.append(Unicode.Scalar(UInt32(generator.below(0xD7FF)))!)
            } else {
                text += Self.pieces[generator.below(Self.pieces.count)]
            }
        }
        return text
    }

    func testSpansAreInsideOrderedAndDisjointOnRandomInput() {
        var generator = SplitMix64(state: 20_261_121)
        for iteration in 0..<3000 {
            let text = randomText(&generator)
            let count = text.unicodeScalars.count
            let extraction = Extractor.extract(text: text, reference: iteration % 2 == 0 ? ArticleDate(iso: "2020-09") : nil)
            for spans in [extraction.sentences, extraction.numbers.map(\.span), extraction.actors.map(\.span)] {
                var previousEnd = 0
                for span in spans {
                    XCTAssertTrue(span.start >= previousEnd && span.start < span.end && span.end <= count,
                                  "bad span \(span) in \(text.debugDescription)")
                    previousEnd = span.end
                }
            }
            let scalars = Array(text.unicodeScalars)
            for number in extraction.numbers {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[number.span.start..<number.span.end])), number.text)
            }
        }
    }

    func testArticlesWithHeadersKeepSpansAfterTheHeader() {
        var generator = SplitMix64(state: 7)
        for _ in 0..<500 {
            let text = " date 2025-07 " + randomText(&generator)
            let (article, extraction) = Extractor.article(path: "x.txt", text: text)
            for span in extraction.sentences + extraction.numbers.map(\.span) {
                XCTAssertGreaterThanOrEqual(span.start, article.metadata.contentStart)
            }
        }
    }
}
