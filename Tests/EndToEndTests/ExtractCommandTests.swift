import Foundation
import TestSupport
import XCTest

/// `glossa extract` as scripts and score.py call it: good inputs processed, bad ones named on stderr.
final class ExtractCommandTests: XCTestCase {
    func testFilesInOrderWithBadInputsReportedAndExitCode1() throws {
        var invalid = Data("Titel\nGr".utf8)
        invalid.append(contentsOf: [0xFF, 0xFE])
        let root = try Fixtures.library([
            "good.txt": Data(" date 2020-09\nKredit über 1,5 Milliarden Dollar.".utf8),
            "invalid.txt": invalid,
            "binary.txt": Data([0x41, 0x00, 0x42]),
            "huge.txt": Data(repeating: UInt8(ascii: "a"), count: 11 * 1024 * 1024),
            "second.md": Data("Zweiter Text mit 3 Prozent.".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let paths = ["good.txt", "invalid.txt", "missing.txt", "binary.txt", "huge.txt", "second.md"].map {
            root.appendingPathComponent($0).path
        }
        let result = try ChildProcess.run(TmuxSession.binary, ["extract"] + paths)
        XCTAssertEqual(result.status, 1)
        let lines = result.output.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let objects = try lines.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(objects.map { $0["file"] as? String }, [paths[0], paths[5]])
        XCTAssertEqual(objects[0]["date"] as? String, "2020-09")
        let errors = result.errors.split(separator: "\n").map(String.init)
        XCTAssertEqual(errors.count, 4, result.errors)
        XCTAssertTrue(errors[0].hasPrefix("glossa: \(paths[1]): not valid UTF-8"))
        XCTAssertEqual(errors[1], "glossa: \(paths[2]): no such file")
        XCTAssertEqual(errors[2], "glossa: \(paths[3]): binary file (NUL bytes), not text")
        XCTAssertEqual(errors[3], "glossa: \(paths[4]): a line is longer than 10 MB")
    }

    func testActorsAndTheUsersActorFile() throws {
        let root = try Fixtures.library([
            "a.txt": Data("Tichanowskaja traf Wladimir Putin nicht.".utf8),
            "actors.toml": Data("[[actor]]\nname = \"Swiatlana Zichanouskaja\"\ntype = \"person\"\naliases = [\"Tichanowskaja\"]\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("a.txt").path
        let result = try ChildProcess.run(TmuxSession.binary, ["extract", file])
        XCTAssertEqual(result.status, 0, result.errors)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let actors = try XCTUnwrap(object["actors"] as? [[String: Any]])
        XCTAssertEqual(actors.map { $0["text"] as? String }, ["Tichanowskaja", "Wladimir Putin"])
        XCTAssertEqual(actors.first?["name"] as? String, "Swiatlana Zichanouskaja")
        XCTAssertEqual(actors.first?["type"] as? String, "person")

        // A broken actor file is named with its line, and nothing is printed.
        try Data("[[actor]]\nname = \"X\"\ntype = \"firm\"\n".utf8).write(to: root.appendingPathComponent("actors.toml"))
        let broken = try ChildProcess.run(TmuxSession.binary, ["extract", file])
        XCTAssertEqual(broken.status, 2)
        XCTAssertEqual(broken.output, "")
        XCTAssertTrue(broken.errors.contains("actors.toml:3: type must be"), broken.errors)
    }

    func testStdinJSONLinesWithBadLines() throws {
        let input = """
        {"id": "a", "text": "Am 9. August kamen 400 Menschen.", "date": "2020-09-14"}
        {"id": "b", "text": 
        {"id": 3, "text": "ein Fünftel"}
        {"text": "ohne id"}
        {"id": "d", "text": "x", "date": "gestern"}
        """
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("in.jsonl")
        try Data(input.utf8).write(to: file)
        let result = try ChildProcess.run("/bin/sh", ["-c", "'\(TmuxSession.binary)' extract --stdin < '\(file.path)'"])
        XCTAssertEqual(result.status, 1)
        let objects = try result.output.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(objects.map { $0["id"] as? String }, ["a", "3"])
        let numbers = try XCTUnwrap(objects[0]["numbers"] as? [[String: Any]])
        XCTAssertEqual(numbers.map { $0["text"] as? String }, ["9. August", "400"])
        XCTAssertEqual(numbers[0]["value"] as? String, "2020-08-09")
        XCTAssertEqual(result.errors, """
        glossa: stdin line 2: bad JSON (expected {"id", "text", "date"?})
        glossa: stdin line 4: no "id"
        glossa: stdin line 5: id d: "date" is not an ISO date: gestern

        """)
    }
}
