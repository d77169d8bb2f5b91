import Extraction
import Foundation
import GlossaCore
import Indexing
@testable import ReaderApp
import ReaderUI
import TestSupport
import XCTest

final class ReaderSessionTests: XCTestCase {
    /// A session on a copy of the seeds, read to the end in the background.
    func indexedSession(_ folder: URL) throws -> ReaderSession {
        let launch = try LibraryLaunch.open(directory: folder.path, databasePath: folder.appendingPathComponent(".glossa/glossa.sqlite").path,
                                            cacheVersion: Extractor.version)
        let session = ReaderSession(launch: launch, terminal: FakeTerminal(size: Size(width: 120, height: 40)), theme: .monochrome,
                                    options: ExtractionOptions(), cacheVersion: Extractor.version, services: .unavailable)
        session.startIndexing()
        session.indexer.wait()
        // The indexer has reported everything; the reader takes it from its mailbox.
        try Deadline.poll("the background reading is done", seconds: 30, {
            session.runtime.deliverMail()
            return session.runtime.state.indexing
        }, until: { $0 == nil })
        return session
    }

    func seedFolder() throws -> URL {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.articlesDirectory) where name.hasSuffix(".txt") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: Fixtures.articlesDirectory).appendingPathComponent(name))
        }
        return try Fixtures.library(files)
    }

    func testTheIndexersReportsBecomeTheReadersActions() throws {
        let folder = try seedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try indexedSession(folder)
        let state = session.runtime.state
        XCTAssertTrue(state.library.articles.allSatisfy(\.isLoaded), "articlesRead reached the reader")
        XCTAssertNotNil(state.actorIndex.summary(of: "belarus"), "actorsIndexed reached the reader")
        XCTAssertFalse(state.events.clusters.isEmpty, "eventsLinked reached the reader")
    }

    func testAnOpenedArticleTakesItsExtractionFromTheIndexNotFromTheExtractor() throws {
        let folder = try seedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try indexedSession(folder)
        let state = session.runtime.state
        let article = state.library.articles[0]
        // The cache answers with what the indexer stored, which is what extraction finds.
        let cached = try XCTUnwrap(state.extractionCache.lookup(article), "the index has the article's extraction")
        let extracted = Extractor.extract(article, options: ExtractionOptions())
        XCTAssertEqual(cached.numbers, extracted.numbers)
        XCTAssertEqual(cached.actors, extracted.actors)
        XCTAssertEqual(cached.sentences, extracted.sentences)
        // A changed text is not in the cache.
        XCTAssertNil(state.extractionCache.lookup(Article(path: article.path, text: article.text + " Neu.")))

        // The reader shows what the cache holds: a cache that answers with one number only is used as is.
        var marked = state
        let only = NumberMention(span: cached.numbers[0].span, text: cached.numbers[0].text, kind: cached.numbers[0].kind, value: cached.numbers[0].value)
        marked.extractionCache = ExtractionCache { _ in ArticleExtraction(sentences: cached.sentences, numbers: [only], actors: []) }
        let runtime = Runtime(state: marked, terminal: FakeTerminal(size: Size(width: 120, height: 40)))
        runtime.send(.keyPressed(.enter))
        XCTAssertEqual(runtime.state.reader?.document.numbers, [only])
        XCTAssertEqual(runtime.state.reader?.document.actors, [])
    }
}
