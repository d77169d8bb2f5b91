import Foundation
@testable import Importing
import TestSupport
import XCTest

/// RSS and Atom items: links resolved against the feed, dates in ISO 8601 with their offset.
final class FeedTests: XCTestCase {
    func feed(_ name: String, base: String) throws -> Feed {
        let document = try MarkupDocument(xml: try Pages.data(name), url: base)
        return try XCTUnwrap(document.root.flatMap { Feed($0, base: URL(string: base)) })
    }

    func testRSSItems() throws {
        let feed = try feed("feed.rss", base: "https://nachrichten.example/feed.rss")
        XCTAssertEqual(feed.title, "Beispiel-Nachrichten")
        XCTAssertEqual(feed.items.map(\.title), ["Bahnstreik legt Fernverkehr lahm", "Neue Regierung in Den Haag",
                                                 "Kurz gemeldet: Lufthansa erhöht Ticketpreise"])
        XCTAssertEqual(feed.items.map { $0.link?.absoluteString }, ["https://nachrichten.example/seiten/bahnstreik.html",
                                                                   "https://nachrichten.example/seiten/niederlande.html", nil])
        XCTAssertEqual(feed.items.map(\.date), ["2025-12-05T07:30:00+01:00", "2025-12-02T16:00:00+01:00", "2025-12-01T12:00:00Z"])
        XCTAssertEqual(feed.items[1].author, "Jan de Vries")
        XCTAssertEqual(feed.items[2].id, "meldung-4711")
        XCTAssertTrue(feed.items[2].content?.hasPrefix("<p>Die Lufthansa erhöht") == true)
    }

    func testAtomEntries() throws {
        let feed = try feed("atom.xml", base: "https://nachrichten.example/klima/atom.xml")
        XCTAssertEqual(feed.items.map { $0.link?.absoluteString }, ["https://nachrichten.example/seiten/klimagipfel.html",
                                                                   "https://nachrichten.example/seiten/gletscher.html"])
        // `published` is the date, even after `updated`.
        XCTAssertEqual(feed.items.map(\.date), ["2025-11-22T18:00:00Z", "2025-11-20T08:00:00+01:00"])
        XCTAssertEqual(feed.items[0].author, "Clara Klima")
        XCTAssertNil(feed.items[0].content)
        XCTAssertTrue(feed.items[1].content?.contains("drei Prozent ihres Volumens") == true)
    }

    func testMalformedFeedSaysWhereItBreaks() {
        XCTAssertThrowsError(try MarkupDocument(xml: Data("<rss><channel><item></channel></rss>".utf8), url: "x")) { error in
            XCTAssertTrue("\(error)".hasPrefix("not well-formed XML (line 1: "), "\(error)")
        }
    }

    func testRFC822Dates() {
        XCTAssertEqual(RFC822.iso("Sat, 13 Dec 2025 23:30:00 +0100"), "2025-12-13T23:30:00+01:00")
        XCTAssertEqual(RFC822.iso("13 Dec 2025 08:00 GMT"), "2025-12-13T08:00:00Z")
        XCTAssertEqual(RFC822.iso("Mon, 1 Dec 25 12:00:00 CET"), "2025-12-01T12:00:00+01:00")
        XCTAssertEqual(RFC822.iso("Tue, 02 Dec 2025"), "2025-12-02")
        XCTAssertNil(RFC822.iso("gestern"))
        XCTAssertNil(RFC822.iso("Tue, 31 Feb 2025 10:00:00 +0100"))
    }
}
