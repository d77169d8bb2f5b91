import Foundation
import TestSupport
import XCTest

/// `glossa events DIR --json`: the library's events and the clusters that link them.
final class EventsCommandTests: XCTestCase {
    func testTheSeedsLoanIsLinkedAcrossTwoArticles() throws {
        let result = try ChildProcess.run(TmuxSession.binary, ["events", Fixtures.articlesDirectory, "--json"])
        XCTAssertEqual(result.status, 0, result.errors)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let events = try XCTUnwrap(object["events"] as? [[String: Any]])
        let clusters = try XCTUnwrap(object["clusters"] as? [[String: Any]])
        XCTAssertFalse(events.isEmpty)
        for event in events {
            XCTAssertEqual(Set(event.keys), ["article", "id", "start", "end", "date", "actors", "label"])
            let path = Fixtures.articlesDirectory + "/" + (event["article"] as! String)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let start = event["start"] as! Int, end = event["end"] as! Int
            XCTAssertTrue(0 <= start && start < end && end <= text.unicodeScalars.count, "\(event)")
        }
        let loan = try XCTUnwrap(clusters.first { ($0["id"] as? String)?.hasPrefix("loan") == true }, "\(clusters)")
        let members = try XCTUnwrap(loan["members"] as? [[String: String]])
        XCTAssertEqual(Set(members.compactMap { $0["article"] }), ["000_710788ae8078a188.txt", "003_7688eaeaed71ff5d.txt"])
        XCTAssertTrue((loan["reasons"] as? [String])?.contains("1,5 Milliarden Dollar") == true)
        let confidence = try XCTUnwrap(loan["confidence"] as? Double)
        XCTAssertTrue(confidence > 0 && confidence <= 1)
    }

    func testAMissingFolderIsExitCode1() throws {
        let result = try ChildProcess.run(TmuxSession.binary, ["events", "/no/such/folder", "--json"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("no such folder"))
    }
}
