import Foundation
import XCTest

/// Compares a text snapshot with the file `Snapshots/NAME.txt` next to the calling test file.
/// A missing or different snapshot fails; `RECORD_SNAPSHOTS=1` writes the new one on purpose.
public func assertSnapshot(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = directory.appendingPathComponent(name + ".txt")
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    if recording {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("No snapshot \(name).txt; record it on purpose with RECORD_SNAPSHOTS=1", file: file, line: line)
        return
    }
    guard expected != actual else { return }
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    var report: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
        let old = index < expectedLines.count ? expectedLines[index] : "<none>"
        let new = index < actualLines.count ? actualLines[index] : "<none>"
        if old != new { report.append("line \(index + 1):\n- \(old)\n+ \(new)") }
        if report.count == 8 { break }
    }
    XCTFail("Snapshot \(name) differs (RECORD_SNAPSHOTS=1 to accept):\n" + report.joined(separator: "\n"), file: file, line: line)
}
