import FlyingFox
import Foundation
import TestSupport
import XCTest

/// `glossa import` against pages and feeds served on 127.0.0.1 by a server the test starts (nothing
/// leaves the machine): the exact text, title and date in the files, one line per failure, exit code 1,
/// and a second import that changes nothing.
final class ImportCommandTests: XCTestCase {
    /// A page whose text the test changes between two imports.
    final class ChangingPage: @unchecked Sendable {
        private let lock = NSLock()
        private var text = "Der Stadtrat hat am Montag den Bau einer neuen Brücke beschlossen. Sie soll 2028 fertig sein und 40 Millionen Euro kosten."
        func set(_ value: String) { lock.withLock { text = value } }
        var page: Data {
            lock.withLock {
                Data("<html><head><title>Neue Brücke</title><meta property=\"article:published_time\" content=\"2025-10-06\"></head><body><article><p>\(text)</p></article></body></html>".utf8)
            }
        }
    }

    var server: HTTPServer!
    var serverTask: Task<Void, any Error>!
    var base = ""
    let changing = ChangingPage()

    override func setUp() async throws {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        self.server = server
        func serve(_ path: String, _ name: String, _ type: String) async {
            await server.appendRoute(HTTPRoute("GET \(path)")) { _ in
                HTTPResponse(statusCode: .ok, headers: [.contentType: type], body: try Pages.data(name))
            }
        }
        await serve("/artikel.html", "artikel.html", "text/html; charset=utf-8")
        for page in ["bahnstreik.html", "niederlande.html", "klimagipfel.html"] {
            await serve("/seiten/\(page)", page, "text/html")
        }
        await serve("/feed.rss", "feed.rss", "application/rss+xml")
        await serve("/atom.xml", "atom.xml", "application/atom+xml; charset=utf-8")
        await serve("/kaputt.rss", "kaputt.rss", "application/rss+xml")
        // The windows-1252 page, its charset said by the header alone.
        let latin = String(decoding: try Pages.data("artikel.html"), as: UTF8.self)
            .replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
            .replacingOccurrences(of: "belarus-100", with: "belarus-latin")
            .replacingOccurrences(of: "Düngemittelhersteller der Welt", with: "Düngemittelhersteller der Welt (Umsatz: 3 Mrd. €)")
        let latinData = try XCTUnwrap(latin.data(using: .windowsCP1252))
        await server.appendRoute("GET /latin.html") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=windows-1252"], body: latinData)
        }
        let changing = self.changing
        await server.appendRoute("GET /bruecke.html") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: changing.page)
        }
        serverTask = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        let address = await server.listeningAddress
        guard case .ip4(_, let port) = try XCTUnwrap(address) else { return XCTFail("not on IPv4") }
        base = "http://127.0.0.1:\(port)"
    }

    override func tearDown() async throws {
        await server.stop(timeout: 1)
        serverTask.cancel()
    }

    /// Runs glossa on its own thread, so that the server's tasks go on while it waits.
    func glossa(_ arguments: [String]) async throws -> ChildProcess.Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try ChildProcess.run(TmuxSession.binary, arguments) })
            }
        }
    }

    func testPagesAndFeedsOverHTTP() async throws {
        let folder = try Fixtures.library([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = ["\(base)/artikel.html", "\(base)/latin.html", "\(base)/feed.rss", "\(base)/atom.xml",
                       "\(base)/fehlt.html", "\(base)/kaputt.rss"]
        let first = try await glossa(["import", "--into", folder.path] + sources)
        XCTAssertEqual(first.status, 1, first.errors)
        let errors = first.errors.split(separator: "\n").map(String.init)
        XCTAssertEqual(errors.filter { $0.hasPrefix("glossa: ") }, [
            "glossa: \(base)/fehlt.html: HTTP 404 Not Found",
            "glossa: \(base)/kaputt.rss: not a valid feed: not well-formed XML (line 1: Start tag expected, '<' not found)",
        ])
        XCTAssertEqual(errors.last, "Imported into \(folder.path): 7 new, 0 updated, 0 already there, 2 failed")

        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files, [
            "2025-11-20-gletscher-schmelzen-schneller.md",
            "2025-11-22-klimagipfel-endet-mit-kompromiss.md",
            "2025-12-01-kurz-gemeldet-lufthansa-erhoeht-ticketpreise.md",
            "2025-12-02-neue-regierung-in-den-haag-vereidigt.md",
            "2025-12-05-bahnstreik-legt-fernverkehr-lahm.md",
            "2025-12-13-usa-heben-sanktionen-gegen-belarus-auf-2.md",
            "2025-12-13-usa-heben-sanktionen-gegen-belarus-auf.md",
        ])
        func read(_ name: String) throws -> String {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            // The import time is the one line that differs between runs.
            return text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("imported: ") }.joined(separator: "\n")
        }
        XCTAssertEqual(try read("2025-12-13-usa-heben-sanktionen-gegen-belarus-auf.md"), """
        ---
        title: "USA heben Sanktionen gegen Belarus auf"
        date: 2025-12-13T10:15:00+01:00
        source: https://nachrichten.example/ausland/usa-sanktionen-belarus-100.html
        author: "Anna Beispiel"
        ---

        USA heben Sanktionen gegen Belarus auf

        Die USA lockern ihre Sanktionen gegen Belarus. Im Gegenzug kommen 123 politische Gefangene frei, darunter die Oppositionelle Maria Kalesnikawa.

        Der US-Sondergesandte John Coale sagte am Samstag in Minsk, Washington werde die Strafmaßnahmen gegen den belarussischen Kalikonzern Belaruskali aufheben. Das Unternehmen ist einer der größten Düngemittelhersteller der Welt.

        Machthaber Alexander Lukaschenko ließ nach Angaben der Menschenrechtsorganisation Wjasna seit dem Sommer mehr als 400 Häftlinge frei.

        Kritik aus der EU

        Die Europäische Union hält an ihren eigenen Sanktionen fest. Eine Sprecherin der EU-Kommission sagte, die Lage der Menschenrechte habe sich nicht grundlegend verändert.

        """)
        // The windows-1252 page (the same title on the same day: a name of its own).
        let latin = try read("2025-12-13-usa-heben-sanktionen-gegen-belarus-auf-2.md")
        XCTAssertTrue(latin.contains("Düngemittelhersteller der Welt (Umsatz: 3 Mrd. €)."), latin)
        XCTAssertTrue(try read("2025-12-02-neue-regierung-in-den-haag-vereidigt.md").hasPrefix("""
        ---
        title: "Neue Regierung in Den Haag vereidigt"
        date: 2025-12-02
        source: \(base)/seiten/niederlande.html
        author: "Jan de Vries"
        ---

        Neue Regierung in Den Haag vereidigt

        König Willem-Alexander hat am Dienstag das neue Kabinett vereidigt.
        """))
        // An Atom entry whose page is missing: the entry's own text.
        XCTAssertEqual(try read("2025-11-20-gletscher-schmelzen-schneller.md"), """
        ---
        title: "Gletscher schmelzen schneller"
        date: 2025-11-20T08:00:00+01:00
        source: \(base)/seiten/gletscher.html
        ---

        Gletscher schmelzen schneller

        Die Gletscher der Alpen haben im vergangenen Jahr drei Prozent ihres Volumens verloren, berichtet die Schweizer Akademie der Naturwissenschaften.

        """)
        // A page without a date of its own takes its feed entry's.
        XCTAssertTrue(try read("2025-11-22-klimagipfel-endet-mit-kompromiss.md").contains("date: 2025-11-22T18:00:00Z\n"))

        // Importing again changes nothing.
        let before = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        let second = try await glossa(["import", "--into", folder.path, "--json"] + sources)
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), files)
        XCTAssertEqual(try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }, before)
        let written = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(second.output.utf8)) as? [[String: Any]])
        XCTAssertEqual(written.count, 7)
        XCTAssertEqual(Set(written.compactMap { $0["status"] as? String }), ["unchanged"])
        XCTAssertEqual(written.first?["file"] as? String, "2025-12-13-usa-heben-sanktionen-gegen-belarus-auf.md")
    }

    func testAChangedPageUpdatesItsFile() async throws {
        let folder = try Fixtures.library([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try await glossa(["import", "--into", folder.path, "\(base)/bruecke.html"])
        XCTAssertEqual(first.status, 0, first.errors)
        XCTAssertEqual(first.output, "new       2025-10-06-neue-bruecke.md  Neue Brücke\n")
        changing.set("Der Stadtrat hat am Montag den Bau einer neuen Brücke beschlossen. Sie soll 2029 fertig sein und 55 Millionen Euro kosten.")
        let second = try await glossa(["import", "--into", folder.path, "\(base)/bruecke.html"])
        XCTAssertEqual(second.output, "updated   2025-10-06-neue-bruecke.md  Neue Brücke\n")
        let text = try String(contentsOf: folder.appendingPathComponent("2025-10-06-neue-bruecke.md"), encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("Sie soll 2029 fertig sein und 55 Millionen Euro kosten.\n"), text)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["2025-10-06-neue-bruecke.md"])
    }

    func testAnUnreachableHostAndAMissingFolder() async throws {
        let folder = try Fixtures.library([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        // A port nobody listens on: the server's, after it stopped.
        await server.stop(timeout: 1)
        let refused = try await glossa(["import", "--into", folder.path, "\(base)/artikel.html"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.errors.split(separator: "\n").first.map(String.init), "glossa: \(base)/artikel.html: cannot connect to 127.0.0.1")
        let missing = try await glossa(["import", "--into", folder.appendingPathComponent("nirgends").path, Pages.url("artikel.html").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.errors, "glossa: \(folder.appendingPathComponent("nirgends").path): no such folder\n")
    }
}
