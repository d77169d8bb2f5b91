import Extraction
import GlossaCore
@testable import Indexing
import TestSupport
import XCTest

final class ExtractionCodecTests: XCTestCase {
    /// Every field of every article's extraction comes back exactly.
    func testRoundTripsTheSeedArticles() throws {
        let library = try LibraryLoader.load(directory: Fixtures.articlesDirectory)
        XCTAssertFalse(library.articles.isEmpty)
        for article in library.articles {
            let extraction = Extractor.extract(article, options: ExtractionOptions())
            XCTAssertFalse(extraction.actors.isEmpty)
            let decoded = ExtractionCodec.decode(ExtractionCodec.encode(extraction))
            XCTAssertEqual(decoded, extraction, article.path)
        }
    }

    func testRejectsDamagedAndForeignBlobs() {
        let extraction = ArticleExtraction(sentences: [TextSpan(start: 0, end: 5)],
                                    numbers: [NumberMention(span: TextSpan(start: 0, end: 3), text: "1,5", kind: .count, value: .number(1.5))],
                                    actors: [ActorMention(span: TextSpan(start: 3, end: 5), text: "EU", type: .organization, actor: "eu", name: "EU", part: true)])
        let bytes = ExtractionCodec.encode(extraction)
        XCTAssertEqual(ExtractionCodec.decode(bytes), extraction)
        XCTAssertNil(ExtractionCodec.decode([]))
        XCTAssertNil(ExtractionCodec.decode([99] + bytes.dropFirst()), "another format version")
        XCTAssertNil(ExtractionCodec.decode(Array(bytes.dropLast())), "cut short")
        XCTAssertNil(ExtractionCodec.decode(bytes + [0]), "trailing bytes")
    }

    /// A name said ten times is stored once; a reference to a string never written is damage.
    func testRepeatedStringsAreStoredOnce() {
        let mentions = (0..<10).map { index in
            ActorMention(span: TextSpan(start: index * 20, end: index * 20 + 14), text: "Wladimir Putin", type: .person,
                         actor: "wladimir putin", name: "Wladimir Putin")
        }
        let extraction = ArticleExtraction(sentences: [], numbers: [], actors: mentions)
        let bytes = ExtractionCodec.encode(extraction)
        XCTAssertEqual(ExtractionCodec.decode(bytes), extraction)
        XCTAssertLessThan(bytes.count, 3 * "Wladimir Putin".utf8.count + 10 * 6, "each string once, then by number")
        // Format 2, no sentences, no numbers, one actor at 0..<1 whose text is string number 5.
        XCTAssertNil(ExtractionCodec.decode([2, 0, 0, 2, 0, 2, 10]))
    }
}
