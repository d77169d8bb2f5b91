import Foundation
import GlossaCore
import XCTest

final class TextDecodingTests: XCTestCase {
    func testValidUTF8IsKeptExactly() {
        let result = TextDecoding.decode(Data("Weißrussland „Zitat“ 👍🏽".utf8))
        XCTAssertEqual(result.text, "Weißrussland „Zitat“ 👍🏽")
        XCTAssertFalse(result.hadInvalidBytes)
    }

    func testInvalidBytesBecomeReplacementCharacters() {
        let result = TextDecoding.decode(Data([0x41, 0xC3, 0x28, 0x42]))
        XCTAssertEqual(result.text, "A\u{FFFD}(B")
        XCTAssertTrue(result.hadInvalidBytes)
    }

    func testArticleDateParsingAndOrder() {
        XCTAssertEqual(ArticleDate(iso: "2025-07")?.iso, "2025-07")
        XCTAssertNil(ArticleDate(iso: "2025-7"))
        XCTAssertNil(ArticleDate(iso: "2023-02-29"))
        XCTAssertLessThan(ArticleDate(iso: "2025")!, ArticleDate(iso: "2025-01")!)
        XCTAssertLessThan(ArticleDate(iso: "2024-12-31")!, ArticleDate(iso: "2025-01")!)
    }
}

final class UTF8ValidationTests: XCTestCase {
    func testFirstInvalidOffset() {
        XCTAssertNil(TextDecoding.firstInvalidOffset(Data("Weißrussland 👍🏽".utf8)))
        XCTAssertEqual(TextDecoding.firstInvalidOffset(Data([0x41, 0xC3, 0x28])), 1)
        XCTAssertEqual(TextDecoding.firstInvalidOffset(Data([0x41, 0x42, 0xFF])), 2)
        XCTAssertEqual(TextDecoding.firstInvalidOffset(Data([0xE2, 0x82])), 0)
        XCTAssertEqual(TextDecoding.firstInvalidOffset(Data([0x61, 0xED, 0xA0, 0x80])), 1)
    }
}
