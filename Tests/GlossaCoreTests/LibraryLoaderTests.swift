import Foundation
import GlossaCore
import TestSupport
import XCTest

final class LibraryLoaderTests: XCTestCase {
    func testLoadsTxtAndMdRecursivelySkippingOthersAndHidden() throws {
        // Given a folder with articles in a subfolder, a JSON file and a hidden database folder
        let root = try Fixtures.library([
            "a.txt": Data(" date 2020-09\nAlt\nText.".utf8),
            "sub/b.md": Data("---\ntitle: Neu\ndate: 2025-01-02\n---\nText.".utf8),
            "c.txt": Data("Ohne Datum\nText.".utf8),
            "notes.json": Data("{}".utf8),
            ".glossa/x.txt": Data("versteckt".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        // When it is loaded
        let library = try LibraryLoader.load(directory: root.path)
        // Then the articles come newest first, undated last, with relative paths
        XCTAssertEqual(library.articles.map(\.path), ["sub/b.md", "a.txt", "c.txt"])
        XCTAssertEqual(library.articles.map(\.title), ["Neu", "Alt", "Ohne Datum"])
        XCTAssertEqual(library.problems, [])
    }

    func testInvalidUTF8IsReplacedAndReported() throws {
        var bytes = Data("Titel\nGr".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        bytes.append(Data("ße.".utf8))
        let root = try Fixtures.library(["kaputt.txt": bytes])
        defer { try? FileManager.default.removeItem(at: root) }
        let library = try LibraryLoader.load(directory: root.path)
        let article = try XCTUnwrap(library.articles.first)
        XCTAssertTrue(article.hadInvalidUTF8)
        XCTAssertTrue(article.text.contains("Gr\u{FFFD}\u{FFFD}ße."))
        XCTAssertEqual(library.problems, ["kaputt.txt: invalid UTF-8 replaced by �"])
    }

    func testMissingFolderAndFileInsteadOfFolder() throws {
        XCTAssertThrowsError(try LibraryLoader.load(directory: "/nonexistent/glossa")) {
            XCTAssertEqual($0 as? LibraryError, .notFound("/nonexistent/glossa"))
        }
        let root = try Fixtures.library(["a.txt": Data("x".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("a.txt").path
        XCTAssertThrowsError(try LibraryLoader.load(directory: file)) {
            XCTAssertEqual($0 as? LibraryError, .notADirectory(file))
        }
    }

    func testEmptyFolderIsAnEmptyLibrary() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(try LibraryLoader.load(directory: root.path).articles, [])
    }

    func testSeedArticlesHaveTheirDates() throws {
        let library = try Fixtures.seedLibrary()
        let dates = Dictionary(uniqueKeysWithValues: library.articles.map { ($0.path, $0.date?.iso) })
        XCTAssertEqual(dates["002_945e9911ce4e8915.txt"], "2025-11-14")
        XCTAssertEqual(dates["003_7688eaeaed71ff5d.txt"], "2020-09")
        XCTAssertEqual(dates["004_2b58a65905f16bd6.txt"], "2025-07")
        XCTAssertEqual(library.articles.count, 5)
        XCTAssertEqual(library.articles.first?.path, "002_945e9911ce4e8915.txt")
    }

    /// Given a file larger than `ArticleFile.maxBytes` (sparse: it takes no disk), then it is not
    /// read, the library says why in one line, the other articles load, and the file is unchanged.
    func testAFileOverTheSizeLimitIsReportedNotRead() throws {
        let root = try Fixtures.library(["klein.txt": Data("Titel\nText.".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let big = root.appendingPathComponent("riesig.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: big, contents: Data("Titel\n".utf8)))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: UInt64(ArticleFile.maxBytes + 1))
        try handle.close()
        let library = try LibraryLoader.load(directory: root.path)
        XCTAssertEqual(library.articles.map(\.path), ["klein.txt"])
        XCTAssertEqual(library.problems, ["riesig.txt: is too large to read (64.0 MB; Glossa reads articles up to 64 MB)"])
        // Through a link too: the size is that of the file it leads to.
        let link = root.appendingPathComponent("verweis.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: big)
        XCTAssertThrowsError(try ArticleFile.read(link)) { XCTAssertEqual($0 as? ArticleFileError, .tooLarge(bytes: ArticleFile.maxBytes + 1)) }
        XCTAssertEqual(try ArticleFile.read(root.appendingPathComponent("klein.txt").path), Data("Titel\nText.".utf8))
        XCTAssertThrowsError(try ArticleFile.read(big)) { XCTAssertEqual($0 as? ArticleFileError, .tooLarge(bytes: ArticleFile.maxBytes + 1)) }
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: big)[.size] as? Int, ArticleFile.maxBytes + 1)
    }
}
