import GlossaCore
@testable import ReaderUI
import XCTest

final class SearchTests: XCTestCase {
    func testIncrementalSearchMovesToTheFirstMatchAndEscRestores() {
        // Given the Sochi article at its first sentence
        var state = Harness.reader("003_7688eaeaed71ff5d.txt")
        // When "/verfassung" is typed
        Harness.press(&state, .char("/"))
        Harness.type(&state, "verfassung")
        // Then the cursor is on the first sentence that contains it, case-insensitively
        XCTAssertEqual(state.search.prompt?.query, "verfassung")
        XCTAssertTrue(Harness.currentSentence(state).contains("Verfassungsreform"))
        XCTAssertEqual(state.search.result?.matches.count, 3)
        // When Esc is pressed, everything is as before
        Harness.press(&state, .escape)
        XCTAssertNil(state.search.prompt)
        XCTAssertNil(state.search.result)
        XCTAssertEqual(state.reader?.cursor, 0)
    }

    func testEnterKeepsTheSearchAndNGoesThroughMatchesWrapping() {
        var state = Harness.reader("003_7688eaeaed71ff5d.txt")
        Harness.press(&state, .char("/"))
        Harness.type(&state, "Sotschi")
        Harness.press(&state, .enter)
        XCTAssertNil(state.search.prompt)
        XCTAssertEqual(state.message?.text, "5 matches for “Sotschi”; n and N go through them.")
        XCTAssertEqual(state.reader?.cursor, 0)
        var visited: [Int] = []
        for _ in 0..<5 {
            Harness.press(&state, .char("n"))
            visited.append(state.reader!.cursor)
            XCTAssertTrue(Harness.currentSentence(state).contains("Sotschi"))
        }
        XCTAssertEqual(visited.last, 0)
        XCTAssertEqual(state.message?.text, "“Sotschi”: match 1 of 5 (wrapped to the top)")
        Harness.press(&state, .char("N"))
        XCTAssertEqual(state.reader?.cursor, visited[visited.count - 2])
    }

    func testBackspaceEditsAndOnEmptyCancels() {
        var state = Harness.reader("003_7688eaeaed71ff5d.txt")
        Harness.press(&state, .char("/"))
        Harness.type(&state, "xq")
        XCTAssertEqual(state.search.result?.matches, [])
        XCTAssertEqual(state.reader?.cursor, 0)
        Harness.press(&state, .backspace, .backspace)
        XCTAssertEqual(state.search.prompt?.query, "")
        Harness.press(&state, .backspace)
        XCTAssertNil(state.search.prompt)
    }

    func testNoMatchAndNoSearchMessages() {
        var state = Harness.reader("003_7688eaeaed71ff5d.txt")
        Harness.press(&state, .char("n"))
        XCTAssertEqual(state.message?.text, "No search yet: press / to search.")
        Harness.press(&state, .char("/"))
        Harness.type(&state, "Zebra")
        Harness.press(&state, .enter)
        XCTAssertEqual(state.message, StatusMessage("No match for “Zebra”.", level: .warning))
    }

    func testSearchMatchesAcrossLineBreaksAndUmlauts() {
        let article = Article(path: "a.txt", text: "Titel\nDie Straßenproteste in WEISSRUSSLAND.\nÄrger über Weißrussland.")
        let document = Document(article: article)
        XCTAssertEqual(document.matches(of: "ärger").count, 1)
        XCTAssertEqual(document.matches(of: "weißrussland").count, 1)
        XCTAssertEqual(document.matches(of: "weissrussland").count, 1)
        XCTAssertEqual(document.matches(of: "titel die").count, 1)
    }

}
final class SearchPlacesTests: XCTestCase {
    func testTwoMatchesInOneSentenceCountAsOnePlaceForNAndN() {
        // Given an article where one sentence holds "Litauen" twice
        let text = "Titel\nLitauen und Litauen. Dazwischen.\nWieder Litauen."
        var state = AppState(library: Library(root: "x", articles: [Article(path: "a.txt", text: text)]),
                             size: Size(width: 80, height: 24))
        Harness.press(&state, .enter, .char("/"))
        Harness.type(&state, "Litauen")
        Harness.press(&state, .enter)
        XCTAssertEqual(state.message?.text, "3 matches for “Litauen” in 2 places; n and N go through them.")
        // When n, n and N are pressed, they alternate between the two sentences
        Harness.press(&state, .char("n"))
        XCTAssertEqual(state.message?.text, "“Litauen”: match 2 of 2")
        Harness.press(&state, .char("n"))
        XCTAssertEqual(state.message?.text, "“Litauen”: match 1 of 2 (wrapped to the top)")
        Harness.press(&state, .char("N"))
        XCTAssertEqual(state.message?.text, "“Litauen”: match 2 of 2 (wrapped to the bottom)")
    }
}
