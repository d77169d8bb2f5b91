import Foundation
import GlossaCore
import Store
import TestSupport
import XCTest

/// `glossa export` on a library with a database, as a user runs it.
final class ExportCommandTests: XCTestCase {
    static let first = " date 2023-06-26\nLukaschenko hilft Putin\n\nMit Krediten in Höhe von 1,5 Milliarden Dollar hielt Wladimir Putin das Regime am Leben.\n"
    static let second = "Zweiter *Text*\n\nDie Inflation lag bei 3 Prozent.\n"

    /// A library of two articles, with two annotations on them and one on an article that is gone.
    func makeLibrary() throws -> URL {
        let root = try Fixtures.library(["a.txt": Data(Self.first.utf8), "sub/b (2).txt": Data(Self.second.utf8)])
        let database = try AppDatabase.open(path: AppDatabase.defaultPath(library: root.path))
        for annotation in [
            annotation("c1", "1,5 Milliarden Dollar", in: Self.first, article: "a.txt", verdict: .disputed, note: "*Quelle?*"),
            annotation("n1", "3 Prozent", in: Self.second, article: "sub/b (2).txt", claim: false, tags: ["inflation"]),
            annotation("g1", "Putin", in: Self.first, article: "gone.txt"),
        ] {
            try database.saveAnnotation(annotation, now: Date(timeIntervalSince1970: 1_700_000_000))
        }
        return root
    }

    func annotation(_ id: String, _ quote: String, in text: String, article: String, claim: Bool = true,
                    verdict: Verdict? = nil, note: String = "", tags: [String] = []) -> Annotation {
        let scalars = ScalarClass.scalars(of: text)
        let needle = Array(quote.unicodeScalars)
        let start = scalars.indices.first { scalars[$0...].starts(with: needle) } ?? 0
        let span = TextSpan(start: start, end: start + needle.count)
        return Annotation(id: id, article: article, span: span, quote: Anchoring.selector(for: span, in: scalars),
                          textHash: ContentHash.of(text), isClaim: claim, verdict: verdict, note: note, tags: tags)
    }

    func testMarkdownToAFileLinksToTheArticlesFromItsFolder() throws {
        // Given a library with annotations and an output folder next to it
        let root = try makeLibrary()
        let out = try Fixtures.temporaryDirectory()
        defer { [root, out].forEach { try? FileManager.default.removeItem(at: $0) } }
        let file = out.appendingPathComponent("notes.md").path
        // When
        let result = try ChildProcess.run(TmuxSession.binary, ["export", root.path, "-o", file])
        // Then
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(result.output, "")
        XCTAssertEqual(result.errors, "glossa: wrote 3 annotations to \(file)\n")
        let document = try CommonMark.parse(try String(contentsOfFile: file, encoding: .utf8))
        let headings = document.children.filter { $0.name == "heading" }
        XCTAssertEqual(headings.map(\.text), ["Glossa notes: \(root.lastPathComponent)", "Lukaschenko hilft Putin", "Claim 1",
                                              "Zweiter *Text*", "Note 1", "Articles no longer in the library", "Claim 1"])
        XCTAssertEqual(document.children.filter { $0.name == "block_quote" }.map(\.text), ["1,5 Milliarden Dollar", "3 Prozent", "Putin"])
        let lists = document.children.filter { $0.name == "list" }.map { $0.children.map(\.text) }
        XCTAssertEqual(lists.first, ["Verdict: disputed", "Note: *Quelle?*", "Numbers: 1,5 Milliarden Dollar (money)", "Source: a.txt, line 4"])
        let base = "../" + root.lastPathComponent + "/"
        XCTAssertEqual(document.descendants.filter { $0.name == "link" }.compactMap { $0.attributes["destination"] },
                       [base + "a.txt", base + "a.txt#L4", base + "sub/b%20%282%29.txt", base + "sub/b%20%282%29.txt#L3"])
    }

    func testStandardOutputJSONAndOneArticle() throws {
        let root = try makeLibrary()
        defer { try? FileManager.default.removeItem(at: root) }
        // Markdown on stdout, from inside the library (DIR defaults to "."): links are relative to it.
        let plain = try ChildProcess.run("/bin/sh", ["-c", "cd '\(root.path)' && '\(TmuxSession.binary)' export"])
        XCTAssertEqual(plain.status, 0, plain.errors)
        XCTAssertEqual(plain.errors, "")
        let links = try CommonMark.parse(plain.output).descendants.filter { $0.name == "link" }.compactMap { $0.attributes["destination"] }
        XCTAssertEqual(links.first, "a.txt")

        // JSON-LD
        let json = try ChildProcess.run(TmuxSession.binary, ["export", root.path, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.errors)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        XCTAssertEqual(object["total"] as? Int, 3)
        let items = try XCTUnwrap((object["first"] as? [String: Any])?["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["id"] as? String }, ["urn:uuid:c1", "urn:uuid:n1", "urn:uuid:g1"])
        XCTAssertEqual(items.map { ($0["target"] as? [String: Any])?["source"] as? String }, ["a.txt", "sub/b%20%282%29.txt", "gone.txt"])
        XCTAssertEqual(items[0]["created"] as? String, "2023-11-14T22:13:20Z")

        // One article, named relative to the library or by its path: only its section, no missing ones.
        for given in ["sub/b (2).txt", root.appendingPathComponent("sub/b (2).txt").path] {
            let one = try ChildProcess.run(TmuxSession.binary, ["export", root.path, "--article", given])
            XCTAssertEqual(one.status, 0, one.errors)
            let headings = try CommonMark.parse(one.output).children.filter { $0.name == "heading" }.map(\.text)
            XCTAssertEqual(headings, ["Glossa notes: \(root.lastPathComponent)", "Zweiter *Text*", "Note 1"], given)
        }
    }

    func testUnknownArticleMissingDatabaseAndBadFormatFail() throws {
        let root = try makeLibrary()
        let empty = try Fixtures.library(["a.txt": Data(Self.first.utf8)])
        defer { [root, empty].forEach { try? FileManager.default.removeItem(at: $0) } }

        let unknown = try ChildProcess.run(TmuxSession.binary, ["export", root.path, "--article", "nope.txt"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.output, "")
        XCTAssertEqual(unknown.errors, "glossa: no article nope.txt in \(root.path)\n")

        let database = AppDatabase.defaultPath(library: empty.path)
        let missing = try ChildProcess.run(TmuxSession.binary, ["export", empty.path, "-o", empty.appendingPathComponent("x.md").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.errors, "glossa: no annotations yet: \(database) does not exist\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: empty.appendingPathComponent(".glossa").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: empty.appendingPathComponent("x.md").path))

        let format = try ChildProcess.run(TmuxSession.binary, ["export", root.path, "--format", "html"])
        XCTAssertEqual(format.status, 64)
        XCTAssertTrue(format.errors.contains("--format must be markdown or json"), format.errors)
    }
}
