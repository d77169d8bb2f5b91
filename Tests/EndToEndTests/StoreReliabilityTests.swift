import Foundation
import GlossaCore
import GRDB
import Store
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The database under abuse: the writer killed with SIGKILL mid-write, two writers at once.
final class StoreReliabilityTests: XCTestCase {
    static let writer = URL(fileURLWithPath: TmuxSession.binary).deletingLastPathComponent().appendingPathComponent("StoreWriter").path

    /// Given a process saving annotations one transaction at a time and printing each id once its
    /// write returned, when it is killed with SIGKILL at a random moment, then every printed id is in
    /// the database and `PRAGMA integrity_check` says ok — over many trials on the same file.
    func testEveryReturnedWriteSurvivesSIGKILL() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("glossa.sqlite").path
        var random = SplitMix64(state: 20_261_121)
        var confirmed = Set<String>()
        var killedMidway = 0
        let trials = 30
        for trial in 0..<trials {
            let out = folder.appendingPathComponent("out-\(trial)")
            let err = folder.appendingPathComponent("err-\(trial)")
            let pid = try ChildProcess.spawn(Self.writer, ["--db", db, "--count", "100000", "--prefix", "t\(trial)"],
                                             output: out, errors: err)
            // Killed while it writes, at a random point: once 6 to 45 of its writes have returned.
            let written = 6 + random.below(40)
            try Self.waitUntil("writer \(trial) has written \(written) times", seconds: 60) {
                ((try? Data(contentsOf: out)) ?? Data()).filter { $0 == UInt8(ascii: "\n") }.count >= written
                    || ((try? Data(contentsOf: err)) ?? Data()).count > 0
            }
            kill(pid, SIGKILL)
            let status = ChildProcess.wait(pid)
            if status == 128 + SIGKILL { killedMidway += 1 }
            let printed = (try String(contentsOf: out, encoding: .utf8)).split(separator: "\n").map(String.init)
            // The last line may be cut in the middle by the kill; a whole line is a returned write.
            let text = try String(contentsOf: out, encoding: .utf8)
            let whole = text.hasSuffix("\n") ? printed : Array(printed.dropLast())
            confirmed.formUnion(whole)
            let database = try AppDatabase.open(path: db)
            XCTAssertEqual(try database.integrityCheck(), "ok", "trial \(trial)")
            let stored = Set(try database.allAnnotations().values.joined().map(\.id))
            let lost = confirmed.subtracting(stored)
            XCTAssertTrue(lost.isEmpty, "trial \(trial): \(lost.count) returned writes lost, e.g. \(lost.prefix(3))")
        }
        XCTAssertEqual(killedMidway, trials, "every writer should still have been writing when killed")
        XCTAssertGreaterThan(confirmed.count, trials * 5, "the writers should have committed something")
        print("SIGKILL trials: \(trials), returned writes checked: \(confirmed.count), lost: 0, integrity ok")
    }

    /// Given two processes starting on a new database and writing to it at once, then both migrate it
    /// without failing and no write of either is lost.
    func testTwoWritersAtOnceLoseNothing() throws {
        try race(writers: ["a", "b"], databases: 6, count: 150)
    }

    /// Given four processes starting at once on each of 20 new databases, then every one of them
    /// starts, the migrations run once (a second run would fail: its tables exist), no write is lost
    /// and the file is sound.
    func testFourProcessesOnTwentyNewDatabases() throws {
        try race(writers: ["a", "b", "c", "d"], databases: 20, count: 20)
    }

    /// Given a database of an older Glossa (only its first migration), when four processes open it at
    /// once, then exactly one upgrades it, all start, and nothing is lost.
    func testFourProcessesUpgradingAnOlderDatabaseAtOnce() throws {
        try race(writers: ["a", "b", "c", "d"], databases: 8, count: 20) { path in
            let database = try AppDatabase.open(path: path)
            try database.saveAnnotation(Annotation(id: "old", article: "old.txt", span: TextSpan(start: 0, end: 4),
                                         quote: TextQuoteSelector(exact: "Satz", prefix: "", suffix: ""), textHash: "0"))
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier NOT LIKE 'v1:%'")
                try db.execute(sql: "DROP TABLE linkDecision; DROP TABLE articleIndex; DROP TABLE articleText")
            }
            try queue.close()
        } check: { ids in
            XCTAssertTrue(ids.contains("old"), "the older database's annotation is kept")
        }
    }

    /// Given the reader's neighbours, `glossa events` and `glossa export`, started with two writers on a
    /// new library, then all of them start and exit cleanly.
    func testCommandsStartingWithWritersOnANewLibrary() throws {
        for round in 0..<4 {
            let library = try Fixtures.library(["a.txt": Data("Titel\n\nBerlin meldet 3 Prozent.\n".utf8)])
            defer { try? FileManager.default.removeItem(at: library) }
            let db = AppDatabase.defaultPath(library: library.path)
            let commands: [(String, [String])] = [
                (Self.writer, ["--db", db, "--count", "30", "--prefix", "a"]),
                (TmuxSession.binary, ["events", library.path, "--json"]),
                (Self.writer, ["--db", db, "--count", "30", "--prefix", "b"]),
                (TmuxSession.binary, ["export", library.path]),
            ]
            let pids = try commands.enumerated().map { index, command in
                try ChildProcess.spawn(command.0, command.1, output: library.appendingPathComponent(".out-\(index)"),
                                       errors: library.appendingPathComponent(".err-\(index)"))
            }
            for (index, pid) in pids.enumerated() {
                let status = ChildProcess.wait(pid)
                let errors = (try? String(contentsOf: library.appendingPathComponent(".err-\(index)"), encoding: .utf8)) ?? ""
                // `export` before any annotation exists says so and exits 1; nothing else may fail.
                if commands[index].1.first == "export" {
                    XCTAssertTrue(status == 0 || errors.contains("no annotations yet") || errors.contains("Nothing to export"),
                                  "round \(round): export: \(errors)")
                } else {
                    XCTAssertEqual(status, 0, "round \(round): \(commands[index].1.first ?? ""): \(errors)")
                }
                XCTAssertFalse(errors.contains("cannot be used") || errors.contains("damaged"), "round \(round): \(errors)")
            }
            let database = try AppDatabase.open(path: db)
            XCTAssertEqual(Set(try database.allAnnotations().values.joined().map(\.id)).count, 60, "round \(round)")
            XCTAssertEqual(try database.integrityCheck(), "ok")
        }
    }

    /// Starts one `StoreWriter` per name on each of `databases` databases at once (after `prepare`
    /// made the file, if given), waits for all, and checks that every one succeeded and every write is there.
    private func race(writers names: [String], databases: Int, count: Int,
                      prepare: ((String) throws -> Void)? = nil, check: (Set<String>) -> Void = { _ in },
                      file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<databases {
            let db = folder.appendingPathComponent("db-\(round)/glossa.sqlite").path
            if let prepare { try prepare(db) }
            let pids = try names.map { name in
                try ChildProcess.spawn(Self.writer, ["--db", db, "--count", "\(count)", "--prefix", name],
                                       output: folder.appendingPathComponent("out-\(name)"), errors: folder.appendingPathComponent("err-\(name)"))
            }
            for (pid, name) in zip(pids, names) {
                let status = ChildProcess.wait(pid)
                let errors = (try? String(contentsOf: folder.appendingPathComponent("err-\(name)"), encoding: .utf8)) ?? ""
                XCTAssertEqual(status, 0, "round \(round), writer \(name): \(errors)", file: file, line: line)
            }
            let database = try AppDatabase.open(path: db)
            let ids = Set(try database.allAnnotations().values.joined().map(\.id))
            XCTAssertEqual(ids.subtracting(["old"]).count, names.count * count, "round \(round)", file: file, line: line)
            check(ids)
            XCTAssertEqual(try database.integrityCheck(), "ok", file: file, line: line)
            let migrations = try DatabaseQueue(path: db).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
            XCTAssertEqual(migrations.count, 4, "round \(round): \(migrations)", file: file, line: line)
        }
    }

    /// Polls a condition until it holds; fails after `seconds`.
    static func waitUntil(_ what: String, seconds: Double, _ condition: () -> Bool) throws {
        do {
            try Deadline.poll(what, seconds: seconds, { condition() }, until: { $0 })
        } catch {
            XCTFail("\(error)")
            throw CancellationError()
        }
    }
}
