import Export
import Foundation
import GlossaCore
import XCTest

/// The W3C Web Annotation collection, read back with JSONSerialization.
final class WebAnnotationExporterTests: XCTestCase {
    func testCollectionItemsBodiesAndSelectors() throws {
        // Given a claim with verdict, note and tags, a plain note, and an orphan
        let article = MarkdownExporterTests.smallArticle
        var claim = ExportFixtures.annotation("11111111-2222-3333-4444-555555555555", "Wladimir Putin", in: article,
                                              verdict: .needsSource, note: "Quelle?\nZweite Zeile", tags: ["russland", "kredit"])
        claim.created = Date(timeIntervalSince1970: 1_700_000_000)
        claim.modified = Date(timeIntervalSince1970: 1_700_000_060.75)
        let note = ExportFixtures.annotation("n", "das Regime", in: article, claim: false)
        let orphan = ExportFixtures.annotation("o", "Krediten", in: article, note: "alt", orphan: true)
        let library = Library(root: "/tmp/news", articles: [article])
        // When
        let json = NotesExport.json(library: library, annotations: [article.path: [orphan, note, claim]], missing: [:])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        // Then
        XCTAssertEqual(object["@context"] as? String, "http://www.w3.org/ns/anno.jsonld")
        XCTAssertEqual(object["type"] as? String, "AnnotationCollection")
        XCTAssertEqual(object["label"] as? String, "Glossa notes: news")
        XCTAssertEqual(object["total"] as? Int, 3)
        let page = try XCTUnwrap(object["first"] as? [String: Any])
        XCTAssertEqual(page["type"] as? String, "AnnotationPage")
        XCTAssertEqual(page["startIndex"] as? Int, 0)
        let items = try XCTUnwrap(page["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["id"] as? String },
                       ["urn:uuid:11111111-2222-3333-4444-555555555555", "urn:uuid:n", "urn:uuid:o"])
        XCTAssertEqual(items.map { $0["type"] as? String }, ["Annotation", "Annotation", "Annotation"])
        XCTAssertEqual(items.map { $0["motivation"] as? String }, ["assessing", "commenting", "assessing"])
        XCTAssertEqual(items[0]["created"] as? String, "2023-11-14T22:13:20Z")
        XCTAssertEqual(items[0]["modified"] as? String, "2023-11-14T22:14:20Z")
        XCTAssertNil(items[1]["created"])
        XCTAssertNil(items[1]["body"])

        let body = try XCTUnwrap(items[0]["body"] as? [[String: String]])
        XCTAssertEqual(body, [
            ["type": "TextualBody", "purpose": "assessing", "value": "needs-source"],
            ["type": "TextualBody", "purpose": "commenting", "value": "Quelle?\nZweite Zeile", "format": "text/plain"],
            ["type": "TextualBody", "purpose": "tagging", "value": "russland"],
            ["type": "TextualBody", "purpose": "tagging", "value": "kredit"],
        ])
        let target = try XCTUnwrap(items[0]["target"] as? [String: Any])
        XCTAssertEqual(target["source"] as? String, "belarus/kredit.txt")
        let selectors = try XCTUnwrap(target["selector"] as? [[String: Any]])
        XCTAssertEqual(selectors.count, 2)
        XCTAssertEqual(selectors[0]["type"] as? String, "TextQuoteSelector")
        XCTAssertEqual(selectors[0]["exact"] as? String, "Wladimir Putin")
        XCTAssertEqual(selectors[0]["prefix"] as? String, claim.quote.prefix)
        XCTAssertEqual(selectors[0]["suffix"] as? String, claim.quote.suffix)
        XCTAssertEqual(selectors[1]["type"] as? String, "TextPositionSelector")
        XCTAssertEqual(selectors[1]["start"] as? Int, claim.span.start)
        XCTAssertEqual(selectors[1]["end"] as? Int, claim.span.end)
        // An orphan keeps only its quote.
        let orphanSelectors = try XCTUnwrap((items[2]["target"] as? [String: Any])?["selector"] as? [[String: Any]])
        XCTAssertEqual(orphanSelectors.map { $0["type"] as? String }, ["TextQuoteSelector"])
        XCTAssertFalse(json.contains("\\/"))
    }

    func testSameAnnotationsInAnyOrderGiveTheSameBytesAndMissingArticlesComeLast() throws {
        let article = MarkdownExporterTests.smallArticle
        let annotations = ["Mit", "Krediten", "Putin", "Regime", "Leben"].map {
            ExportFixtures.annotation($0, $0, in: article, tags: ["t"])
        }
        var gone = ExportFixtures.annotation("gone", "Putin", in: article)
        gone.article = "alt weg.txt"
        let library = Library(root: "news", articles: [article])
        let outputs = (1...4).map { seed in
            NotesExport.json(library: library, annotations: [article.path: ExportFixtures.shuffled(annotations, seed: seed)],
                             missing: ["alt weg.txt": [gone]])
        }
        XCTAssertEqual(Set(outputs).count, 1)
        let items = try XCTUnwrap(((JSONSerialization.jsonObject(with: Data(outputs[0].utf8)) as? [String: Any])?["first"]
            as? [String: Any])?["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["id"] as? String }, ["Putin", "Mit", "Krediten", "Regime", "Leben", "gone"].map { "urn:uuid:" + $0 })
        XCTAssertEqual((items.last?["target"] as? [String: Any])?["source"] as? String, "alt%20weg.txt")
    }
}
