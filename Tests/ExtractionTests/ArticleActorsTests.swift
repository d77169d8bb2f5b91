import Extraction
import GlossaCore
import TestSupport
import XCTest

/// The compact per-article actor list gives back exactly the mentions it was made from.
final class ArticleActorsTests: XCTestCase {
    func testTheMentionsOfEverySeedComeBackUnchanged() throws {
        for article in try Fixtures.seedLibrary().articles {
            let mentions = Extractor.extract(article, options: ExtractionOptions()).actors
            XCTAssertFalse(mentions.isEmpty, article.path)
            let compact = ArticleActors(mentions)
            XCTAssertEqual(Array(compact), mentions, article.path)
            XCTAssertEqual(compact.indices.map { compact.actor(at: $0) }, mentions.map(\.actor))
        }
    }

    func testEachStringPassesThroughTheInternerOnce() {
        let mentions = [
            ActorMention(span: TextSpan(start: 0, end: 5), text: "Putin", type: .person, actor: "putin", name: "Wladimir Putin"),
            ActorMention(span: TextSpan(start: 40, end: 45), text: "Putin", type: .person, actor: "putin", name: "Wladimir Putin"),
            ActorMention(span: TextSpan(start: 50, end: 52), text: "US", type: .place, actor: "usa", name: "USA", part: true),
        ]
        var seen: [String] = []
        let compact = ArticleActors(mentions) { seen.append($0); return $0 }
        XCTAssertEqual(seen, ["Putin", "putin", "Wladimir Putin", "US", "usa", "USA"])
        XCTAssertEqual(Array(compact), mentions)
        XCTAssertEqual(compact[2].part, true)
        XCTAssertEqual(compact[2].type, .place)
    }
}
