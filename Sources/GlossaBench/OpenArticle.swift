import Extraction
import Foundation
import GlossaCore
import Indexing
import ReaderApp
import ReaderUI

/// Opening an article of about 70,000 characters in a real reader session: the time from `Enter` to
/// the article drawn (reduce, render, diff) at 200x60, with its extraction in the index's cache and
/// without (an article not read yet: extracted when it is opened). The median of 15 openings each.
enum OpenArticle {
    static let characters = 70_000

    /// The seeds one after another, with a title and a date line, until the text has `characters` scalars.
    static func text(seeds: [String]) -> String {
        var text = "Ein langer Bericht\n\n5. Dezember 2026\n\n"
        var index = 0
        while text.unicodeScalars.count < characters {
            text += seeds[index % seeds.count] + "\n\n"
            index += 1
        }
        return text
    }

    static func figures(seeds: [String]) -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-bench-open-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = self.text(seeds: seeds)
        do {
            try? FileManager.default.removeItem(atPath: folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/long.txt"))
        } catch {
            FileHandle.standardError.write(Data("glossa-bench: \(error)\n".utf8))
            exit(1)
        }
        guard let launch = try? LibraryLaunch.open(directory: folder, databasePath: folder + "/.glossa/glossa.sqlite",
                                                   cacheVersion: Extractor.version) else {
            FileHandle.standardError.write(Data("glossa-bench: the library at \(folder) cannot be opened\n".utf8))
            exit(1)
        }
        let terminal = FakeTerminal(size: Size(width: 200, height: 60))
        let session = ReaderSession(launch: launch, terminal: terminal, theme: .color, options: ExtractionOptions(),
                                    cacheVersion: Extractor.version, services: .unavailable)
        session.startIndexing()
        session.indexer.wait()
        let deadline = now() + 60
        while session.runtime.state.indexing != nil, now() < deadline {
            if !session.runtime.deliverMail() { usleep(1000) }
        }
        let cached = median(openings(session.runtime))
        // The same reader before the library is read: no cache, no actor index.
        var state = session.runtime.state
        state.extractionCache = .none
        state.actorIndex = ActorIndex(articles: [])
        let uncached = median(openings(Runtime(state: state, terminal: FakeTerminal(size: terminal.size))))
        print("open article: \(text.unicodeScalars.count) characters")
        return [
            report("open_article_ms", cached, "70k-character article, Enter to drawn, extraction cached, median (ms)", digits: 3),
            report("open_article_uncached_ms", uncached, "70k-character article, Enter to drawn, extracted on opening, median (ms)", digits: 3),
        ]
    }

    /// Opens the article (the library's only one) 15 times, going back to the list between.
    static func openings(_ runtime: Runtime) -> [Double] {
        (0..<15).map { _ in
            let start = now()
            runtime.send(.keyPressed(.enter))
            let time = (now() - start) * 1000
            if runtime.state.reader == nil {
                FileHandle.standardError.write(Data("glossa-bench: the article did not open\n".utf8))
                exit(1)
            }
            runtime.send(.keyPressed(.char("q")))
            return time
        }
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }
}
