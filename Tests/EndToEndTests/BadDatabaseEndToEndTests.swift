import Foundation
import GlossaCore
import GRDB
import Store
import TestSupport
import XCTest

/// The reader on a library whose database is not usable: it says why in one sentence, opens the
/// articles all the same, quits cleanly, and leaves every byte of the database folder as it was.
final class BadDatabaseEndToEndTests: XCTestCase {
    static let article = """
        Berlin verlängert die Hilfe

        Die Bundesregierung stellt weitere 250 Millionen Euro bereit, sagte Olaf Scholz am Montag in Berlin.

        """

    override func setUpWithError() throws {
        guard TmuxSession.tmuxPath != nil, FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else {
            XCTFail("the end-to-end tests need tmux and a built glossa (make test does both)")
            throw CancellationError()
        }
    }

    func testAFolderWhereTheDatabaseShouldBe() throws {
        try assertReaderStarts(expecting: "glossa.sqlite is a folder, not a Glossa database") { path in
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Data("kept".utf8).write(to: URL(fileURLWithPath: path + "/inside.txt"))
        }
    }

    func testAZeroByteDatabase() throws {
        try assertReaderStarts(expecting: "glossa.sqlite is an empty file (0 bytes), not a Glossa database") { path in
            try Data().write(to: URL(fileURLWithPath: path))
        }
    }

    func testADatabaseOfRandomBytes() throws {
        try assertReaderStarts(expecting: "glossa.sqlite is damaged or not a Glossa database") { path in
            var random = SplitMix64(state: 14)
            try Data((0..<65_536).map { _ in UInt8(truncatingIfNeeded: random.next()) }).write(to: URL(fileURLWithPath: path))
        }
    }

    func testAnotherProgramsDatabase() throws {
        try assertReaderStarts(expecting: "glossa.sqlite is another program's database, not a Glossa database") { path in
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE places (name TEXT); INSERT INTO places VALUES ('Minsk')") }
            try queue.close()
        }
    }

    /// A library on a read-only folder (a read-only mount when the tests run as root, who may write
    /// anywhere else): its annotations are shown, and saving one says it cannot be saved.
    func testADatabaseOnAReadOnlyFolder() throws {
        try assertReaderStarts(expecting: "is read-only: annotations are shown but cannot be saved", readOnlyFolder: true,
                               then: { tmux in
            try tmux.press("c")
            try tmux.waitFor("Annotations cannot be saved")
        }) { path in
            let database = try AppDatabase.open(path: path)
            try database.saveAnnotation(Annotation(id: "kept", article: "a.txt", span: TextSpan(start: 28, end: 60),
                                         quote: TextQuoteSelector(exact: "Die Bundesregierung stellt weitere", prefix: "", suffix: ""),
                                         textHash: "0"))
        }
    }

    /// Makes a library, lets `make` put something at its database path, starts the reader in tmux,
    /// and checks the notice, the opened article, a clean exit and an unchanged database folder.
    private func assertReaderStarts(expecting notice: String, readOnlyFolder: Bool = false,
                                    then more: (TmuxSession) throws -> Void = { _ in },
                                    _ make: (String) throws -> Void,
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        let library = try Fixtures.library(["a.txt": Data(Self.article.utf8)])
        defer {
            _ = try? ChildProcess.run("/bin/chmod", ["-R", "u+w", library.path])
            try? FileManager.default.removeItem(at: library)
        }
        let folder = library.appendingPathComponent(".glossa").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try make(folder + "/glossa.sqlite")
        let before = try Fixtures.snapshot(of: folder)
        let glossa = "'\(TmuxSession.binary)' ."
        let command: String
        if !readOnlyFolder {
            command = glossa
        } else if getuid() == 0 {
            command = "unshare -m sh -c \"mount --bind . . && mount -o remount,bind,ro . && cd \(library.path) && exec \(glossa)\""
        } else {
            _ = try ChildProcess.run("/bin/chmod", ["-R", "a-w", library.path])
            command = glossa
        }
        let tmux = try TmuxSession(width: 200, height: 30)
        try tmux.typeLine("cd '\(library.path)' && \(command); echo GLOSSA_EXIT=$?")
        try tmux.waitFor(notice, file: file, line: line)
        try tmux.waitFor("Berlin verlängert die Hilfe", file: file, line: line)
        try tmux.press("Enter")
        try tmux.waitFor("Die Bundesregierung stellt weitere", file: file, line: line)
        try more(tmux)
        try tmux.press("q")
        try tmux.waitFor("Library · ", file: file, line: line)
        try tmux.press("Q")
        try tmux.waitFor("GLOSSA_EXIT=0", file: file, line: line)
        XCTAssertEqual(try Fixtures.snapshot(of: folder), before, "the database folder changed", file: file, line: line)
    }
}
