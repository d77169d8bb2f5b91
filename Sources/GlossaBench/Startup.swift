import Extraction
import Foundation
import GlossaCore
import Indexing
import ReaderApp
import ReaderUI
import Store

/// The reader's start, measured in a child process (so that its peak memory is its own): the time
/// to the first screen, until every article is indexed, and until events are linked. Times are
/// CLOCK_MONOTONIC readings, which the parent compares with the moment it started the child.
enum StartupChild {
    static func run(directory: String, database: String) -> Never {
        let launch: LibraryLaunch
        do {
            launch = try LibraryLaunch.open(directory: directory, databasePath: database, cacheVersion: Extractor.version)
        } catch {
            FileHandle.standardError.write(Data("glossa-bench: \(error)\n".utf8))
            exit(1)
        }
        let terminal = FakeTerminal(size: Size(width: 200, height: 60))
        let session = ReaderSession(launch: launch, terminal: terminal, theme: .color, options: ExtractionOptions(),
                                    cacheVersion: Extractor.version, services: .unavailable)
        session.runtime.send(.resized(terminal.size))   // renders and presents the first screen
        let firstPaint = now()
        let trace = ProcessInfo.processInfo.environment["GLOSSA_BENCH_TRACE"] != nil
        if trace { FileHandle.standardError.write(Data("rss at first paint: \(residentMB()) MB\n".utf8)) }
        session.startIndexing()
        var indexed: Double?
        while session.runtime.state.indexing != nil {
            if !session.runtime.deliverMail() { usleep(1000) }
            if indexed == nil, session.runtime.state.indexing?.phase == .linking || session.runtime.state.indexing == nil {
                indexed = now()
                if trace { FileHandle.standardError.write(Data("rss when read: \(residentMB()) MB\n".utf8)) }
            }
        }
        let finished = now()
        if trace { FileHandle.standardError.write(Data("rss when linked: \(residentMB()) MB\n".utf8)) }
        session.indexer.wait()
        print(String(format: "first_paint=%.6f indexed=%.6f finished=%.6f rss_kb=%d loaded=%d", firstPaint, indexed ?? finished, finished,
                     peakResidentKB(), session.runtime.state.library.articles.filter(\.isLoaded).count))
        exit(0)
    }
}

/// Runs the child and reads its figures.
struct StartupFigures {
    var firstPaint: Double
    var indexed: Double
    var finished: Double
    var rssMB: Double
    var loaded: Int

    static func measure(directory: String, database: String) -> StartupFigures? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        process.arguments = ["--startup", directory, database]
        let pipe = Pipe()
        process.standardOutput = pipe
        let start = now()
        do { try process.run() } catch { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var values: [String: Double] = [:]
        for pair in output.split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        guard let paint = values["first_paint"], let indexed = values["indexed"], let finished = values["finished"],
              let rss = values["rss_kb"], let loaded = values["loaded"] else { return nil }
        return StartupFigures(firstPaint: paint - start, indexed: indexed - start, finished: finished - start, rssMB: rss / 1024,
                              loaded: Int(loaded))
    }
}

/// Writes the generated corpus as files (replacing an earlier one), as a user's folder would be.
func writeCorpus(_ corpus: [String], to directory: String) throws {
    let manager = FileManager.default
    try? manager.removeItem(atPath: directory)
    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (index, text) in corpus.enumerated() {
        let folder = directory + "/" + String(format: "%02d", index % 50)
        if index < 50 { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/article-\(index).txt"))
    }
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded(.up)))]
}

/// The process's peak resident memory (kB): VmHWM from /proc. (Not getrusage's ru_maxrss: a child
/// started with posix_spawn shares its parent's memory until exec, and ru_maxrss then counts the
/// parent's peak as the child's.)
func peakResidentKB() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
}

/// The resident memory now (MB), from /proc.
func residentMB() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}
