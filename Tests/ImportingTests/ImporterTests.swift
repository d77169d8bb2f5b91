import Foundation
@testable import Importing
import TestSupport
import XCTest

/// The importer over a loader that serves the test pages from memory (no network).
final class ImporterTests: XCTestCase {
    struct MemoryLoader: SourceLoader {
        let pages: [String: (String, String)]
        func load(_ url: URL) throws -> LoadedSource {
            guard let (name, type) = pages[url.path] else { throw LoadError("HTTP 404 Not Found") }
            return LoadedSource(data: try Pages.data(name), contentType: type, url: url)
        }
    }

    func testAFeedsItemsTheirPagesOrTheirTextAndFailuresOneEach() throws {
        let folder = try Fixtures.library([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loader = MemoryLoader(pages: ["/feed.rss": ("feed.rss", "application/rss+xml"),
                                          "/seiten/bahnstreik.html": ("bahnstreik.html", "text/html"),
                                          "/kaputt.rss": ("kaputt.rss", "application/rss+xml")])
        let importer = Importer(loader: loader, writer: try LibraryWriter(directory: folder))
        var steps: [Importer.Progress] = []
        let outcomes = importer.run(["https://n.example/feed.rss", "https://n.example/kaputt.rss"], progress: { steps.append($0) })
        XCTAssertEqual(steps, [.reading(0, of: 2), .reading(1, of: 2), .importing(0, of: 3), .importing(1, of: 3), .importing(2, of: 3), .done])
        XCTAssertEqual(outcomes.map(\.file), [nil, "2025-12-05-bahnstreik-legt-fernverkehr-lahm.md", nil,
                                              "2025-12-01-kurz-gemeldet-lufthansa-erhoeht-ticketpreise.md"])
        XCTAssertEqual(outcomes[0].error?.hasPrefix("not a valid feed: not well-formed XML (line 1:"), true)
        // The second item's page is missing and the feed has no text of it.
        XCTAssertEqual(outcomes[2].source, "https://n.example/seiten/niederlande.html")
        XCTAssertEqual(outcomes[2].error, "HTTP 404 Not Found")
        XCTAssertEqual(outcomes[3].note, "from the feed's text")
        XCTAssertEqual(outcomes[1].date, "2025-12-05T06:45:00+01:00", "the page's own date before the feed's")
    }
}
