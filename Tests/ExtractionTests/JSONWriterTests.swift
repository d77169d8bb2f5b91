import Extraction
import Foundation
import GlossaCore
import XCTest

final class JSONWriterTests: XCTestCase {
    func testLineIsValidJSONWithTheContractFields() throws {
        let text = " date 2020-09 Titel mit \"Zitat\"\\\nEr gab 1,5 Milliarden Dollar am 9. August.\u{1B}"
        let (article, extraction) = Extractor.article(path: "a/b.txt", text: text)
        let line = JSONWriter.line(key: "file", name: "a/b.txt", title: article.title, date: article.date, extraction: extraction)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(object["file"] as? String, "a/b.txt")
        XCTAssertEqual(object["title"] as? String, "Titel mit \"Zitat\"\\")
        XCTAssertEqual(object["date"] as? String, "2020-09")
        XCTAssertEqual((object["actors"] as? [Any])?.count, 0)
        XCTAssertEqual((object["events"] as? [Any])?.count, 0)
        let numbers = try XCTUnwrap(object["numbers"] as? [[String: Any]])
        XCTAssertEqual(numbers.count, 2)
        XCTAssertEqual(numbers[0]["value"] as? Int, 1_500_000_000)
        XCTAssertEqual(numbers[0]["unit"] as? String, "USD")
        XCTAssertTrue(numbers[0]["qualifier"] is NSNull)
        XCTAssertEqual(numbers[1]["value"] as? String, "2020-08-09")
        let sentences = try XCTUnwrap(object["sentences"] as? [[String: Int]])
        XCTAssertEqual(sentences.first?["start"], 14)
        XCTAssertFalse(line.contains("\n"))
    }

    func testValuesPrintAsIntegersOrShortDecimals() throws {
        let extraction = Extractor.extract(text: "ein Drittel, 51,8 Prozent, 2020", reference: nil)
        let line = JSONWriter.line(key: "id", name: "7", title: nil, date: nil, extraction: extraction)
        XCTAssertTrue(line.contains("\"value\":0.333333"), line)
        XCTAssertTrue(line.contains("\"value\":51.8"), line)
        XCTAssertTrue(line.contains("\"value\":2020,"), line)
        XCTAssertTrue(line.hasPrefix("{\"id\":\"7\",\"title\":null,\"date\":null,"))
    }
}
