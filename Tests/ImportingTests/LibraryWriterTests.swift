import Foundation
import GlossaCore
@testable import Importing
import TestSupport
import XCTest

/// Files of imported articles: readable names, front matter the parser reads back, never twice.
final class LibraryWriterTests: XCTestCase {
    var folder: URL!
    let article = ImportedArticle(title: "Merkel: \"Wir schaffen das\" \\ Rückblick", date: "2025-12-13T10:15:00+01:00",
                                  author: "Anna Beispiel", source: "https://x.example/a", paragraphs: ["Erster Absatz.", "Zweiter Absatz."])

    override func setUpWithError() throws {
        folder = try Fixtures.library([:])
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func writer() throws -> LibraryWriter {
        try LibraryWriter(directory: folder, now: { Date(timeIntervalSince1970: 1_765_000_000) })
    }

    func testNamesAreTheDayAndTheTitleInPlainLetters() {
        XCTAssertEqual(LibraryWriter.slug("Grüße aus Köln: Ärger über Straßenbau!"), "gruesse-aus-koeln-aerger-ueber-strassenbau")
        XCTAssertEqual(LibraryWriter.slug("Señora Pérez – Łódź 2025"), "senora-perez-odz-2025")
        XCTAssertEqual(LibraryWriter.slug(String(repeating: "Wort ", count: 30)).count, 59)
        XCTAssertEqual(LibraryWriter.fileName(article), "2025-12-13-merkel-wir-schaffen-das-rueckblick.md")
        var undated = article
        undated.date = nil
        XCTAssertEqual(LibraryWriter.fileName(undated), "merkel-wir-schaffen-das-rueckblick.md")
    }

    func testTheFileReadsBackAsTheArticle() throws {
        let written = try writer().write(article)
        XCTAssertEqual(written.status, .new)
        let text = try String(contentsOf: folder.appendingPathComponent(written.file), encoding: .utf8)
        XCTAssertEqual(text, """
        ---
        title: "Merkel: \\"Wir schaffen das\\" \\\\ Rückblick"
        date: 2025-12-13T10:15:00+01:00
        source: https://x.example/a
        author: "Anna Beispiel"
        imported: 2025-12-06T05:46:40Z
        ---

        Merkel: "Wir schaffen das" \\ Rückblick

        Erster Absatz.

        Zweiter Absatz.

        """)
        let metadata = ArticleParser.parse(Array(text.unicodeScalars))
        XCTAssertEqual(metadata.title, article.title)
        XCTAssertEqual(metadata.date?.iso, "2025-12-13")
        XCTAssertEqual(metadata.source, "https://x.example/a")
    }

    func testNeverTwiceAndAChangedPageUpdatesItsFile() throws {
        let first = try writer().write(article)
        // A new run (a new writer reads the folder): the same article is there.
        XCTAssertEqual(try writer().write(article).status, .unchanged)
        // The same text from another address is there too.
        var elsewhere = article
        elsewhere.source = "https://mirror.example/a"
        XCTAssertEqual(try writer().write(elsewhere).file, first.file)
        XCTAssertEqual(try writer().write(elsewhere).status, .unchanged)
        // The page changed: its file is rewritten, under its name.
        var changed = article
        changed.paragraphs[1] = "Zweiter Absatz, korrigiert."
        XCTAssertEqual(try writer().write(changed).status, .updated)
        let text = try String(contentsOf: folder.appendingPathComponent(first.file), encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("Zweiter Absatz, korrigiert.\n"))
        // Another article with the same title and day gets a name of its own.
        var other = article
        other.source = "https://x.example/b"
        other.paragraphs = ["Ganz anderer Text."]
        let second = try writer().write(other)
        XCTAssertEqual(second.status, .new)
        XCTAssertEqual(second.file, "2025-12-13-merkel-wir-schaffen-das-rueckblick-2.md")
        // Nothing is left aside.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), [first.file, second.file].sorted())
    }
}
