import Foundation
@testable import Importing
import TestSupport
import XCTest

/// What a review found: XHTML, files an import did not write, two articles of one address in a run,
/// CRLF and BOM, subfolders, a feed's text later replaced by its page, other namespaces, spacing.
final class ImportEdgeCaseTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.library([:]) }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    let sentence = "Der Stadtrat hat am Montag, nach langer Debatte, den Bau einer neuen Brücke über den Fluss beschlossen."

    func page(_ body: String, head: String = "") -> Data {
        Data("<html><head>\(head)</head><body><article>\(body)</article></body></html>".utf8)
    }

    func testAnXHTMLPageIsAPage() throws {
        let xhtml = Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Brücke</title></head>
        <body><article><p>\(sentence)</p></article></body></html>
        """.utf8)
        let loaded = LoadedSource(data: xhtml, contentType: "application/xml", url: URL(string: "https://x.example/a.xhtml")!)
        XCTAssertEqual(try Importer.article(loaded, fallback: nil).paragraphs, [sentence])
    }

    func testSpacesAfterInlineElementsAndNoControlCharacters() throws {
        let loaded = LoadedSource(data: page("<p>Die CO<sub>2</sub> <a href='#'>Emissionen</a> sinken, sagt das Amt, und zwar deutlich und messbar in allen Bereichen.</p>",
                                             head: "<title>Klima\u{1B}[31m rot</title>"),
                                  contentType: "text/html", url: URL(string: "https://x.example/a")!)
        let article = try Importer.article(loaded, fallback: nil)
        XCTAssertEqual(article.paragraphs, ["Die CO2 Emissionen sinken, sagt das Amt, und zwar deutlich und messbar in allen Bereichen."])
        XCTAssertFalse(article.title.unicodeScalars.contains { $0.value < 0x20 }, article.title)
        XCTAssertEqual(PageMetadata.clean("Titel\u{1B}]0;pwned\u{07} und\u{9B}mehr"), "Titel ]0;pwned und mehr")
    }

    func testAUsersOwnFileWithTheSameSourceIsNotOverwritten() throws {
        let notes = "---\ntitle: Meine Notizen\nsource: https://x.example/a\n---\n\nMeine eigenen Gedanken.\n"
        try Data(notes.utf8).write(to: folder.appendingPathComponent("notizen.md"))
        let article = ImportedArticle(title: "Brücke", date: "2025-10-06", author: nil, source: "https://x.example/a", paragraphs: [sentence])
        let written = try LibraryWriter(directory: folder).write(article)
        XCTAssertEqual(written.status, .new)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("notizen.md"), encoding: .utf8), notes)
    }

    func testTwoArticlesOfOneAddressInARunAreTwoFiles() throws {
        let writer = try LibraryWriter(directory: folder)
        let first = ImportedArticle(title: "Brücke", date: "2025-10-06", author: nil, source: "https://x.example/ressort", paragraphs: [sentence])
        var second = first
        second.paragraphs = ["Ein ganz anderer Artikel, der auf dieselbe Adresse zeigt, weil die Seite es so will."]
        XCTAssertEqual(try writer.write(first).status, .new)
        let other = try writer.write(second)
        XCTAssertEqual(other.status, .new)
        XCTAssertEqual(other.file, "2025-10-06-bruecke-2.md")
    }

    func testAFileInASubfolderWithCRLFAndBOMIsKnown() throws {
        let article = ImportedArticle(title: "Brücke", date: "2025-10-06", author: nil, source: "https://x.example/a", paragraphs: [sentence])
        let written = try LibraryWriter(directory: folder, now: { Date(timeIntervalSince1970: 0) }).write(article)
        let text = try String(contentsOf: folder.appendingPathComponent(written.file), encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Archiv"), withIntermediateDirectories: true)
        try Data(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8).write(to: folder.appendingPathComponent("Archiv/brücke.md"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent(written.file))
        let again = try LibraryWriter(directory: folder).write(article)
        XCTAssertEqual(again.status, .unchanged)
        XCTAssertEqual(again.file, "Archiv/brücke.md")
    }

    func testTheFeedsTextIsReplacedByThePageLater() throws {
        let item = Feed.Item(title: "Brücke", link: URL(string: "https://x.example/a?utm_source=rss"), id: nil,
                             date: "2025-10-06", author: nil, content: "<p>Kurz: Die Brücke kommt.</p>")
        let short = try XCTUnwrap(Importer.article(item, feed: URL(string: "https://x.example/feed.rss")!))
        let first = try LibraryWriter(directory: folder).write(short)
        // The page, next time: its canonical address is not the item's link, but it is the same article.
        let loaded = LoadedSource(data: page("<p>\(sentence)</p>", head: "<link rel='canonical' href='https://x.example/a'>"),
                                  contentType: "text/html", url: URL(string: "https://x.example/a?utm_source=rss")!)
        let full = try Importer.article(loaded, fallback: item)
        XCTAssertEqual(full.source, "https://x.example/a")
        XCTAssertEqual(full.link, "https://x.example/a?utm_source=rss")
        let second = try LibraryWriter(directory: folder).write(full)
        XCTAssertEqual(second.status, .updated)
        XCTAssertEqual(second.file, first.file)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [first.file])
    }

    func testOtherNamespacesDoNotReplaceTheItemsTitle() throws {
        let rss = """
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>F</title>
        <item><title>Der Titel</title><media:title>Bildtitel</media:title><link>https://x.example/a</link>
        <description>Text</description><media:description>Bildtext</media:description></item></channel></rss>
        """
        let document = try MarkupDocument(xml: Data(rss.utf8), url: "https://x.example/feed")
        let feed = try XCTUnwrap(withExtendedLifetime(document) { document.root.flatMap { Feed($0, base: nil) } })
        XCTAssertEqual(feed.items.first?.title, "Der Titel")
        XCTAssertEqual(feed.items.first?.content, "Text")
    }

    func testDatesWithColonOffsetsAndUnknownZones() {
        XCTAssertEqual(RFC822.iso("Sat, 13 Dec 2025 10:00:00 +01:00"), "2025-12-13T10:00:00+01:00")
        XCTAssertEqual(RFC822.iso("Sat, 13 Dec 2025 10:00:00 MESZ"), "2025-12-13T10:00:00+02:00")
        XCTAssertEqual(RFC822.iso("Sat, 13 Dec 2025 10:00:00 XYZ"), "2025-12-13T10:00:00")
    }
}
