import Extraction
import Foundation
import GlossaCore
@testable import Indexing
import Linking
@testable import Store
import TestSupport
import XCTest

/// Collects what the indexer reports, for the tests to wait on.
final class PostBox: @unchecked Sendable {
    private let lock = NSLock()
    private var posted: [IndexEvent] = []

    func post(_ actions: [IndexEvent]) {
        lock.lock()
        posted += actions
        lock.unlock()
    }

    var actions: [IndexEvent] {
        lock.lock()
        defer { lock.unlock() }
        return posted
    }

    var finishedMessages: [String] {
        actions.compactMap { if case .finished(let message) = $0 { return message } else { return nil } }
    }
}

final class LibraryIndexerTests: XCTestCase {
    var folder: URL!
    var databasePath: String { folder.appendingPathComponent(".glossa/glossa.sqlite").path }

    override func setUpWithError() throws {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.articlesDirectory) where name.hasSuffix(".txt") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: Fixtures.articlesDirectory).appendingPathComponent(name))
        }
        folder = try Fixtures.library(files)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Opens the folder as the reader does and runs the indexer until it is done.
    @discardableResult
    func index(_ box: PostBox = PostBox()) throws -> (LibraryLaunch, PostBox) {
        let launch = try LibraryLaunch.open(directory: folder.path, databasePath: databasePath, cacheVersion: Extractor.version)
        let indexer = LibraryIndexer(root: folder.path, database: launch.indexDatabase, options: ExtractionOptions(),
                                     cacheVersion: Extractor.version, decisions: { [] }, report: box.post)
        indexer.quietUnder = 0
        indexer.start(library: launch.library, files: launch.files, cached: launch.cached)
        indexer.wait()
        return (launch, box)
    }

    func testFirstStartReadsEverythingAndTheSecondReadsTheCache() throws {
        let (launch, box) = try index()
        XCTAssertEqual(launch.library.articles.count, 5)
        XCTAssertTrue(launch.library.articles.allSatisfy { !$0.isLoaded }, "the first screen has placeholders")
        XCTAssertTrue(launch.library.articles.allSatisfy { !$0.title.isEmpty && $0.title != $0.path }, "titles from the files' first lines")
        let read = box.actions.flatMap { action -> [Article] in
            if case .articlesRead(let articles, _) = action { return articles } else { return [] }
        }
        XCTAssertEqual(Set(read.map(\.path)), Set(launch.library.articles.map(\.path)))
        XCTAssertTrue(read.allSatisfy(\.isLoaded))
        let expected = try Fixtures.seedLibrary()
        for article in read { XCTAssertEqual(article, expected.articles[expected.positions[article.path]!], article.path) }
        guard case .actorsIndexed(let actors)? = box.actions.first(where: { if case .actorsIndexed = $0 { return true } else { return false } }) else {
            return XCTFail("no actor index posted")
        }
        XCTAssertNotNil(actors.summary(of: "belarus"))
        XCTAssertTrue(box.finishedMessages.last?.hasPrefix("Read and indexed 5 articles") == true, "\(box.finishedMessages)")

        // The second start: titles, dates and word counts from the index; every extraction from the cache.
        let (warm, second) = try index()
        XCTAssertEqual(warm.library.articles.map(\.path), launch.library.articles.map(\.path))
        XCTAssertEqual(warm.library.articles.map(\.wordCount), expected.articles.map(\.wordCount))
        XCTAssertTrue(second.finishedMessages.last?.contains("all from the index") == true, "\(second.finishedMessages)")
    }

    /// A cached extraction that cannot be read (damaged, or of an older format) is extracted again
    /// and stored, so the start after reads it from the index.
    func testAnUnreadableCachedExtractionIsReplaced() throws {
        try index()
        try AppDatabase.open(path: databasePath).execute(sql: "UPDATE articleIndex SET extraction = x'01'")
        let (_, again) = try index()
        XCTAssertTrue(again.finishedMessages.last?.hasPrefix("Read and indexed 5 articles") == true, "\(again.finishedMessages)")
        let (_, third) = try index()
        XCTAssertTrue(third.finishedMessages.last?.contains("all from the index") == true, "\(third.finishedMessages)")
    }

    func testAChangedFileIsExtractedAloneAndItsOldTextIsNoLongerFound() throws {
        try index()
        let database = try AppDatabase.open(path: databasePath)
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".txt") })
        let url = folder.appendingPathComponent(name)
        try (try String(contentsOf: url, encoding: .utf8) + "\n\nDer Zauberlehrling Quastenflosser trat zurück.\n").write(to: url, atomically: true, encoding: .utf8)
        XCTAssertTrue(try database.search(SearchFolding.matchExpression("Quastenflosser")!).isEmpty)
        let (_, box) = try index()
        XCTAssertTrue(box.finishedMessages.last?.contains("1 new or changed") == true, "\(box.finishedMessages)")
        XCTAssertEqual(try database.search(SearchFolding.matchExpression("Quastenflosser")!).map(\.path), [name])
        // The text it replaced is still in the index's rows, but no longer points at the file.
        try Data("Nur noch ein Satz über Quallen.\n".utf8).write(to: url)
        try index()
        XCTAssertTrue(try database.search(SearchFolding.matchExpression("Quastenflosser")!).isEmpty)
        XCTAssertEqual(try database.search(SearchFolding.matchExpression("Quallen")!).map(\.path), [name])
    }

    func testSearchIsUmlautAwareRankedAndFindsTheSentence() throws {
        try Data("Weissrussland und Russland.\n\nMüller trifft Mueller in München.\n".utf8).write(to: folder.appendingPathComponent("zz-umlaut.txt"))
        let (launch, _) = try index()
        let search = LibrarySearch(root: folder.path, database: launch.indexDatabase)
        let weiss = try search.run("Weissrussland")
        XCTAssertGreaterThan(weiss.count, 2, "Weißrussland in the seeds and Weissrussland in the new file")
        XCTAssertTrue(weiss.contains { $0.path == "zz-umlaut.txt" })
        let scharf = try search.run("Weißrussland")
        XCTAssertEqual(Set(scharf.map(\.path)), Set(weiss.map(\.path)), "ß and ss find the same articles")
        for query in ["Muenchen", "München", "Munchen", "muller"] {
            XCTAssertEqual(try search.run(query).first?.path, "zz-umlaut.txt", query)
        }
        let hit = try XCTUnwrap(try search.run("Mueller München").first)
        XCTAssertEqual(hit.sentence, 1)
        XCTAssertEqual(hit.snippet, "Müller trifft Mueller in München.")
        XCTAssertEqual(hit.highlights.map { String(Array(hit.snippet)[$0]) }, ["Müller", "Mueller", "München"])
        XCTAssertTrue(try search.run("  ").isEmpty)
        XCTAssertTrue(try search.run("Quastenflosser").isEmpty)
        // Ranked: of two articles of one length, the one that names the word more often comes first.
        try Data("Quastenflosser. Quastenflosser. Quastenflosser. Quastenflosser und Fische.\n".utf8)
            .write(to: folder.appendingPathComponent("zz-often.txt"))
        try Data("Quastenflosser. Karpfen. Forellen. Hechte und Fische im See von Minsk.\n".utf8)
            .write(to: folder.appendingPathComponent("zz-once.txt"))
        let (again, _) = try index()
        XCTAssertEqual(try LibrarySearch(root: folder.path, database: again.indexDatabase).run("quastenflosser").map(\.path),
                       ["zz-often.txt", "zz-once.txt"])
    }

    func testRescanPicksUpNewChangedAndRemovedFiles() throws {
        let launch = try LibraryLaunch.open(directory: folder.path, databasePath: databasePath, cacheVersion: Extractor.version)
        let box = PostBox()
        let indexer = LibraryIndexer(root: folder.path, database: launch.indexDatabase, options: ExtractionOptions(),
                                     cacheVersion: Extractor.version, decisions: { [] }, report: box.post)
        indexer.start(library: launch.library, files: launch.files, cached: launch.cached)
        indexer.rescan()
        indexer.wait()
        XCTAssertEqual(box.finishedMessages.last, "No new, changed or removed files in \(folder.path).")
        let removed = launch.library.articles[0].path
        try FileManager.default.removeItem(at: folder.appendingPathComponent(removed))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("neu"), withIntermediateDirectories: true)
        try Data(" date 2030-01\nZukunft in Minsk\n\nAlexander Lukaschenko trat 2030 zurück.\n".utf8)
            .write(to: folder.appendingPathComponent("neu/zukunft.txt"))
        indexer.rescan()
        indexer.wait()
        guard case .libraryReloaded(let library, let actors, _, let message)? = box.actions.last(where: {
            if case .libraryReloaded = $0 { return true } else { return false }
        }) else { return XCTFail("no new library: \(box.finishedMessages)") }
        XCTAssertEqual(message, "Read the folder again: 1 new, 1 removed articles.")
        XCTAssertEqual(library.articles.first?.path, "neu/zukunft.txt", "newest first")
        XCTAssertFalse(library.articles.contains { $0.path == removed })
        XCTAssertEqual(library.articles.count, 5)
        XCTAssertTrue(library.articles.allSatisfy(\.isLoaded))
        XCTAssertEqual(actors.articles.count, 5)
        XCTAssertTrue(actors.articles[0].contains { $0.actor == "alexander lukaschenko" || $0.name.contains("Lukaschenko") })
    }

    func testAnUnreadableFolderIsOneClearError() {
        XCTAssertThrowsError(try LibraryLaunch.open(directory: folder.appendingPathComponent("missing").path, databasePath: databasePath,
                                                    cacheVersion: 1)) { error in
            XCTAssertEqual((error as? LibraryError)?.description, "no such folder: \(folder.appendingPathComponent("missing").path)")
        }
    }
}

final class SearchFoldingTests: XCTestCase {
    func testTermsCoverUmlautsAndSharpS() {
        XCTAssertEqual(SearchFolding.terms(of: "Müller"), [["muller", "mueller"]])
        XCTAssertEqual(SearchFolding.terms(of: "Mueller"), [["mueller", "muller"]])
        XCTAssertEqual(SearchFolding.terms(of: "Weißrussland"), [["weissrussland"]])
        XCTAssertEqual(SearchFolding.terms(of: "EU-Gipfel, \"Minsk\""), [["eu"], ["gipfel"], ["minsk"]])
        XCTAssertEqual(SearchFolding.matchExpression("EU Wahl"), "\"eu\" AND \"wahl\"*")
        XCTAssertNil(SearchFolding.matchExpression(" – ! "))
    }

    func testIndexTextSpellsOutSharpSOnly() {
        XCTAssertEqual(SearchFolding.indexText("Weißrussland GROẞ Straße"), "Weissrussland GROss Strasse")
        XCTAssertEqual(SearchFolding.indexText("Minsk 2020"), "Minsk 2020")
        XCTAssertEqual(SearchFolding.indexText("ß"), "ss")
    }

    func testMatcherFindsTheSentenceWithMostWords() {
        let text = "Wahlen in Minsk. Die Wahl in Weißrussland war gefälscht. Nichts."
        let scalars = Array(text.unicodeScalars)
        let sentences = [TextSpan(start: 0, end: 16), TextSpan(start: 17, end: 56), TextSpan(start: 57, end: 64)]
        let best = SearchMatcher(query: "wahl weissrussland").bestSentence(scalars, sentences: sentences)
        XCTAssertEqual(best?.index, 1)
        XCTAssertEqual(best?.ranges.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }, ["Wahl", "Weißrussland"])
        XCTAssertNil(SearchMatcher(query: "Kalium").bestSentence(scalars, sentences: sentences))
    }
}
