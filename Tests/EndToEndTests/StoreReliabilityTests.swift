import Foundation
import GlossaCore
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
            usleep(UInt32(30_000 + random.below(270_000)))
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
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 150
        for round in 0..<6 {
            let db = folder.appendingPathComponent("glossa-\(round).sqlite").path
            let pids = try ["a", "b"].map { name in
                try ChildProcess.spawn(Self.writer, ["--db", db, "--count", "\(count)", "--prefix", name],
                                       output: folder.appendingPathComponent("out-\(name)"), errors: folder.appendingPathComponent("err-\(name)"))
            }
            for (pid, name) in zip(pids, ["a", "b"]) {
                let status = ChildProcess.wait(pid)
                let errors = (try? String(contentsOf: folder.appendingPathComponent("err-\(name)"), encoding: .utf8)) ?? ""
                XCTAssertEqual(status, 0, "round \(round): \(errors)")
            }
            let database = try AppDatabase.open(path: db)
            let ids = Set(try database.allAnnotations().values.joined().map(\.id))
            XCTAssertEqual(ids.count, 2 * count, "round \(round)")
            XCTAssertEqual(try database.integrityCheck(), "ok")
        }
    }
}
