import Extraction
import GlossaCore
import XCTest

/// The user's `actors.toml`: new actors and aliases, merges, renames, ignored names, errors with lines.
final class ActorCatalogTests: XCTestCase {
    func testAliasesMergesRenamesAndIgnores() throws {
        let catalog = try ActorCatalog.parse("""
        ignore = ["Sotschi"]

        [[actor]]
        id = "tsikhanouskaya"
        name = "Swiatlana Zichanouskaja"
        type = "person"
        aliases = ["Tichanowskaja", "Zichanouskaja"]

        [[actor]]
        id = "lukashenko"
        name = "Aljaksandr Lukaschenka"

        [[actor]]
        name = "Grenzkomitee"
        type = "organization"
        merge = ["grenzdienst"]
        """)
        let options = ExtractionOptions(catalog: catalog)
        let text = "Zichanouskaja und Tichanowskaja kritisierten Lukaschenko in Sotschi. Das Grenzkomitee schwieg."
        let actors = Extractor.extract(text: text, reference: nil, options: options).actors
        let byText = Dictionary(actors.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(byText["Zichanouskaja"]?.actor, "tsikhanouskaya")
        XCTAssertEqual(byText["Tichanowskaja"]?.actor, "tsikhanouskaya")
        XCTAssertEqual(byText["Tichanowskaja"]?.name, "Swiatlana Zichanouskaja")
        XCTAssertEqual(byText["Lukaschenko"]?.name, "Aljaksandr Lukaschenka", "a known id is renamed")
        XCTAssertEqual(byText["Grenzkomitee"]?.type, .organization)
        XCTAssertNil(byText["Sotschi"], "ignored")
        XCTAssertEqual(catalog.merges["grenzdienst"], "grenzkomitee")
    }

    func testErrorsNameTheLine() {
        func error(_ text: String) -> ActorCatalog.FileError? {
            do {
                _ = try ActorCatalog.parse(text, path: "actors.toml")
                return nil
            } catch {
                return error as? ActorCatalog.FileError
            }
        }
        let syntax = error("[[actor]]\nname = \"A\"\ntype = \"person\n")
        XCTAssertEqual(syntax?.line, 3)
        let type = error("# people\n\n[[actor]]\nname = \"A\"\ntype = \"firm\"\n")
        XCTAssertEqual(type?.line, 5)
        XCTAssertTrue(type?.description.hasPrefix("actors.toml:5: type must be") ?? false, type?.description ?? "")
        let noName = error("[[actor]]\ntype = \"person\"\n\n[[actor]]\ntype = \"place\"\n")
        XCTAssertEqual(noName?.line, 1)
        let unknownKey = error("[[actor]]\nname = \"A\"\ntype = \"person\"\ncolour = \"red\"\n")
        XCTAssertEqual(unknownKey?.line, 4)
        let badAliases = error("[[actor]]\nname = \"A\"\ntype = \"place\"\naliases = \"B\"\n")
        XCTAssertEqual(badAliases?.line, 4)
        let noType = error("[[actor]]\nname = \"Neue Gruppe\"\n")
        XCTAssertEqual(noType?.line, 1)
        XCTAssertTrue(noType?.message.contains("needs a type") ?? false)
    }

    func testMissingFileIsAnEmptyCatalog() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-no-actors-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        XCTAssertTrue(try ActorCatalog.load(directory: directory.path).isEmpty)
    }
}
