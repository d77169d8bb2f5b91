import Foundation
import GlossaCore
import GRDB
@testable import Store
import TestSupport
import XCTest

final class AppDatabaseTests: XCTestCase {
    func annotation(_ id: String, article: String = "a.txt", span: TextSpan = TextSpan(start: 0, end: 5), exact: String = "Hallo") -> Annotation {
        Annotation(id: id, article: article, span: span, quote: TextQuoteSelector(exact: exact, prefix: "", suffix: " Welt"), textHash: "h")
    }

    func testSaveUpdateDeleteAndTimes() throws {
        let database = AppDatabase.inMemory()
        let first = Date(timeIntervalSince1970: 1_000_000)
        var saved = try database.saveAnnotation(annotation("x"), now: first)
        XCTAssertEqual(saved.created, first)
        saved.verdict = .disputed
        saved.note = "Zahl prüfen: Größenordnung?"
        saved.tags = ["Kredit", "Belarus"]
        let later = first.addingTimeInterval(60)
        let updated = try database.saveAnnotation(saved, now: later)
        XCTAssertEqual(updated.created, first, "an update keeps the creation time")
        XCTAssertEqual(updated.modified, later)
        let read = try database.storedAnnotations(forArticle: "a.txt")
        XCTAssertEqual(read, [updated])
        try database.deleteAnnotation(updated)
        XCTAssertEqual(try database.storedAnnotations(forArticle: "a.txt"), [])
    }

    func testAWriteBasedOnAnOldRevisionIsRefused() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("glossa.sqlite").path
        let first = try AppDatabase.open(path: path)
        let second = try AppDatabase.open(path: path)
        let saved = try first.saveAnnotation(annotation("x"))
        // The second Glossa read it, then the first changed the note.
        var seenBySecond = try XCTUnwrap(second.storedAnnotations(forArticle: "a.txt").first)
        var changed = saved
        changed.note = "neu"
        try first.saveAnnotation(changed)
        seenBySecond.verdict = .false
        XCTAssertThrowsError(try second.saveAnnotation(seenBySecond)) { XCTAssertEqual($0 as? StoreError, .conflict(path)) }
        XCTAssertThrowsError(try second.deleteAnnotation(seenBySecond)) { XCTAssertEqual($0 as? StoreError, .conflict(path)) }
        XCTAssertThrowsError(try second.saveAnnotation(annotation("x")), "a new annotation with a taken id") { XCTAssertEqual($0 as? StoreError, .conflict(path)) }
        XCTAssertEqual(try second.storedAnnotations(forArticle: "a.txt").map(\.note), ["neu"], "the first Glossa's change stays")
    }

    func testAFileDatabaseIsInWALModeAndSurvivesReopening() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lib/.glossa/glossa.sqlite").path
        let database = try AppDatabase.open(path: path)
        try database.saveAnnotation(annotation("x"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-wal"), "WAL mode keeps a -wal file")
        let again = try AppDatabase.open(path: path)
        XCTAssertEqual(try again.storedAnnotations(forArticle: "a.txt").map(\.id), ["x"])
        XCTAssertEqual(try again.integrityCheck(), "ok")
    }

    func testADamagedFileIsReportedAndLeftUntouched() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("glossa.sqlite").path
        let garbage = Data("this is not a database, but someone's notes\n".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try AppDatabase.open(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .corrupt(path))
            XCTAssertTrue(String(describing: error).contains("left untouched"))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), garbage)
    }

    func testAFileDamagedAfterItsHeaderIsReportedNotCrashed() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("glossa.sqlite").path
        var bytes = Data("SQLite format 3\u{0}".utf8)
        bytes.append(Data(repeating: 0xA5, count: 4096))
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try AppDatabase.open(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .corrupt(path))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
    }

    /// Given something at the database's path that is not a Glossa database, then opening it (to write
    /// or only to read) throws one clear error and every byte on disk stays as it was.
    func testWhatIsNotAGlossaDatabaseIsRefusedAndLeftAsItWas() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SplitMix64(state: 7)
        let randomBytes = Data((0..<8192).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        let cases: [(String, (String) throws -> Void, StoreError.Unusable?)] = [
            ("a folder", { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: true) }, .folder),
            ("an empty file", { try Data().write(to: URL(fileURLWithPath: $0)) }, .empty),
            ("random bytes", { try randomBytes.write(to: URL(fileURLWithPath: $0)) }, nil),
            ("another program's database", { path in
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in try db.execute(sql: "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.org')") }
                try queue.close()
            }, .otherProgram),
            ("another program's database in WAL mode", { path in
                var configuration = Configuration()
                configuration.journalMode = .wal
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                try queue.write { db in try db.execute(sql: "CREATE TABLE places (name TEXT); INSERT INTO places VALUES ('Minsk')") }
                try queue.close()
            }, .otherProgram),
        ]
        for (index, (name, make, expected)) in cases.enumerated() {
            let path = folder.appendingPathComponent("\(index)/glossa.sqlite").path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try make(path)
            let before = try Fixtures.snapshot(of: (path as NSString).deletingLastPathComponent)
            for readOnly in [false, true] {
                XCTAssertThrowsError(try AppDatabase.open(path: path, readOnly: readOnly), name) { error in
                    let store = error as? StoreError
                    if let expected {
                        XCTAssertEqual(store, .notADatabase(path, expected), name)
                    } else {
                        XCTAssertEqual(store, .corrupt(path), name)
                    }
                    let sentence = String(describing: error)
                    XCTAssertTrue(sentence.contains("left untouched"), "\(name): \(sentence)")
                    XCTAssertFalse(sentence.contains("\n"), "one sentence: \(sentence)")
                }
            }
            XCTAssertEqual(try Fixtures.snapshot(of: (path as NSString).deletingLastPathComponent), before, "\(name): nothing on disk changed")
        }
    }

    /// Given a Glossa killed while it created a new database (its draft left beside it) and the WAL of
    /// a database that was deleted, then the next start makes a complete database without either.
    func testLeftoversOfAKilledFirstStartAreRemoved() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("glossa.sqlite").path
        // A process id that is not running: the highest one the kernel hands out, plus one.
        let dead = (Int((try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 4_194_304) + 1
        try Data("half".utf8).write(to: URL(fileURLWithPath: path + ".new-\(dead)"))
        try Data("old log".utf8).write(to: URL(fileURLWithPath: path + "-wal"))
        let database = try AppDatabase.open(path: path)
        try database.saveAnnotation(annotation("x"))
        XCTAssertEqual(try database.integrityCheck(), "ok")
        XCTAssertEqual(try database.storedAnnotations(forArticle: "a.txt").map(\.id), ["x"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".new-\(dead)"))
    }

    /// Given a SQLite file with no tables at all (an older Glossa stopped before its first
    /// migration), then it is migrated and used.
    func testASQLiteFileWithoutTablesIsMigrated() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("glossa.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 0; VACUUM") }
        try queue.close()
        XCTAssertGreaterThan(try Data(contentsOf: URL(fileURLWithPath: path)).count, 0)
        let database = try AppDatabase.open(path: path)
        try database.saveAnnotation(annotation("x"))
        XCTAssertEqual(try database.storedAnnotations(forArticle: "a.txt").map(\.id), ["x"])
    }

    func testADatabaseFromANewerGlossaIsRefusedAndKept() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("glossa.sqlite").path
        let database = try AppDatabase.open(path: path)
        try database.saveAnnotation(annotation("kept"))
        try database.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')")
        XCTAssertThrowsError(try AppDatabase.open(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .newerVersion(path))
        }
        XCTAssertThrowsError(try AppDatabase.open(path: path, readOnly: true))
        let ids = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT id FROM annotation") }
        XCTAssertEqual(ids, ["kept"], "the newer database keeps what it had")
    }

    func testAReadOnlyDatabaseCanBeReadNotWritten() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("glossa.sqlite").path
        try AppDatabase.open(path: path).saveAnnotation(annotation("x"))
        let database = try AppDatabase.open(path: path, readOnly: true)
        XCTAssertFalse(database.isWritable)
        XCTAssertEqual(try database.storedAnnotations(forArticle: "a.txt").map(\.id), ["x"])
        XCTAssertThrowsError(try database.saveAnnotation(annotation("y"))) { error in
            XCTAssertEqual(error as? StoreError, .readOnly(path))
        }
    }

    func testALockedDatabaseGivesAClearErrorAfterTheTimeout() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("glossa.sqlite").path
        let holder = try AppDatabase.open(path: path)
        let database = try AppDatabase.open(path: path, busyTimeout: 0.2)
        try holder.holdingWriteLock {
            XCTAssertThrowsError(try database.saveAnnotation(annotation("y"))) { error in
                XCTAssertEqual(error as? StoreError, .locked(path))
            }
        }
        try database.saveAnnotation(annotation("y"))
        XCTAssertEqual(try database.storedAnnotations(forArticle: "a.txt").map(\.id), ["y"])
    }
}

final class LinkDecisionStoreTests: XCTestCase {
    func testDecisionsAreStoredAndAReplacedOneWins() throws {
        let database = AppDatabase.inMemory()
        let a = EventReference(article: "a.txt", event: "loan-1")
        let b = EventReference(article: "b.txt", event: "loan-1")
        try database.saveLinkDecision(LinkDecision(b, a, kind: .confirmed))
        try database.saveLinkDecision(LinkDecision(a, b, kind: .removed))
        XCTAssertEqual(try database.linkDecisions(), [LinkDecision(a, b, kind: .removed)])
    }
}
