import GlossaCore
@testable import ReaderUI
import XCTest

final class ReducerTests: XCTestCase {
    let sochi = "003_7688eaeaed71ff5d.txt"

    func testQOnTheLibraryQuits() {
        var state = Harness.state()
        XCTAssertEqual(Harness.press(&state, .char("q")), [.quit])
        XCTAssertFalse(state.isRunning)
    }

    func testCtrlCQuitsFromTheReader() {
        var state = Harness.reader(sochi)
        XCTAssertEqual(Harness.press(&state, .ctrl("c")), [.quit])
    }

    func testLibraryMovementClampsAtTheEnds() {
        var state = Harness.state()
        Harness.press(&state, .up)
        XCTAssertEqual(state.libraryScreen.cursor.index, 0)
        Harness.press(&state, .char("j"), .char("j"), .down, .down, .down, .down)
        XCTAssertEqual(state.libraryScreen.cursor.index, 4)
        Harness.press(&state, .char("g"))
        XCTAssertEqual(state.libraryScreen.cursor.index, 0)
        Harness.press(&state, .end)
        XCTAssertEqual(state.libraryScreen.cursor.index, 4)
    }

    func testEnterOpensTheSelectedArticleAndQGoesBack() {
        // Given the library with the Sochi article selected
        var state = Harness.reader(sochi)
        // Then the reader shows it from its first sentence
        XCTAssertEqual(state.screen, .reader)
        XCTAssertEqual(Harness.currentSentence(state), "Russischer Präsident empfängt belarussischen Kollegen in Sotschi")
        // When q is pressed, the library comes back with the same article selected
        XCTAssertEqual(Harness.press(&state, .char("q")), [])
        XCTAssertEqual(state.screen, .library)
        XCTAssertNil(state.reader)
        XCTAssertEqual(state.library.articles[state.libraryScreen.cursor.index].path, sochi)
    }

    func testSentenceMovement() {
        var state = Harness.reader(sochi)
        Harness.press(&state, .char("j"))
        XCTAssertEqual(Harness.currentSentence(state), "Putin sagt Lukaschenko Milliardenkredit zu")
        Harness.press(&state, .down)
        XCTAssertTrue(Harness.currentSentence(state).hasPrefix("Der russische Präsident Wladimir Putin hat"))
        Harness.press(&state, .char("k"))
        XCTAssertEqual(state.reader?.cursor, 1)
        Harness.press(&state, .char("G"))
        XCTAssertEqual(state.reader?.cursor, state.reader!.document.sentences.count - 1)
        XCTAssertTrue(Harness.cursorIsVisible(state))
        Harness.press(&state, .down)
        XCTAssertEqual(state.reader?.cursor, state.reader!.document.sentences.count - 1)
        Harness.press(&state, .home, .up)
        XCTAssertEqual(state.reader?.cursor, 0)
        XCTAssertEqual(state.reader?.top, 0)
    }

    func testPagingScrollsAndKeepsTheCursorOnScreen() {
        var state = Harness.reader("004_2b58a65905f16bd6.txt", 80, 24)
        Harness.press(&state, .char(" "))
        XCTAssertEqual(state.reader?.top, 19)
        XCTAssertTrue(Harness.cursorIsVisible(state))
        XCTAssertGreaterThan(state.reader!.cursor, 0)
        Harness.press(&state, .pageDown, .pageDown)
        XCTAssertTrue(Harness.cursorIsVisible(state))
        let cursorBefore = state.reader!.cursor
        Harness.press(&state, .char("b"))
        XCTAssertLessThan(state.reader!.cursor, cursorBefore)
        XCTAssertTrue(Harness.cursorIsVisible(state))
        for _ in 0..<40 { Harness.press(&state, .pageDown) }
        XCTAssertEqual(state.reader?.cursor, state.reader!.document.sentences.count - 1)
    }

    func testMovingDownScrollsTheViewWithTheCursor() {
        var state = Harness.reader("004_2b58a65905f16bd6.txt", 80, 24)
        for _ in 0..<30 {
            Harness.press(&state, .char("j"))
            XCTAssertTrue(Harness.cursorIsVisible(state))
        }
        XCTAssertGreaterThan(state.reader!.top, 0)
    }

    func testResizeReflowsAndKeepsTheSentenceInView() {
        var state = Harness.reader("002_945e9911ce4e8915.txt", 120, 40)
        for _ in 0..<40 { Harness.press(&state, .char("j")) }
        let sentence = Harness.currentSentence(state)
        for size in [Size(width: 80, height: 24), Size(width: 50, height: 10), Size(width: 200, height: 60)] {
            _ = Reducer.reduce(&state, .resized(size))
            XCTAssertEqual(Harness.currentSentence(state), sentence)
            XCTAssertEqual(state.reader?.layout.width, ScreenGeometry(size: size, pane: state.pane).text.width)
            XCTAssertTrue(Harness.cursorIsVisible(state), "cursor hidden at \(size)")
        }
    }

    func testPaneToggleWidenAndNarrow() {
        var state = Harness.reader(sochi, 120, 40)
        let narrowText = state.reader!.layout.width
        Harness.press(&state, .char("p"))
        XCTAssertFalse(state.pane.visible)
        XCTAssertEqual(state.reader?.layout.width, 120 - ScreenGeometry.gutterWidth - 1)
        XCTAssertGreaterThan(state.reader!.layout.width, narrowText)
        Harness.press(&state, .char("p"), .char("<"))
        XCTAssertEqual(state.pane.width, 40)
        XCTAssertEqual(state.reader?.layout.width, narrowText - 4)
        for _ in 0..<20 { Harness.press(&state, .char(">")) }
        XCTAssertEqual(state.pane.width, ScreenGeometry.minimumPaneWidth)
        XCTAssertEqual(state.message?.text, "The pane is as narrow as it can be.")
    }

    func testTabMovesFocusAndJScrollsThePane() {
        var state = Harness.reader(sochi, 80, 10)
        Harness.press(&state, .tab)
        XCTAssertEqual(state.focus, .pane)
        Harness.press(&state, .char("j"), .char("j"))
        XCTAssertEqual(state.reader?.cursor, 0)
        XCTAssertEqual(state.reader?.pane.scroll.offset, 2)
        Harness.press(&state, .char("G"))
        let lines = state.paneLines(width: ScreenGeometry(size: state.size, pane: state.pane).pane!.width)
        XCTAssertEqual(state.reader?.pane.scroll.offset, lines.count - 7)
        Harness.press(&state, .tab, .char("j"))
        XCTAssertEqual(state.focus, .text)
        XCTAssertEqual(state.reader?.cursor, 1)
    }

    func testHelpOpensForTheScreenScrollsAndCloses() {
        var state = Harness.reader(sochi, 80, 12)
        Harness.press(&state, .char("?"))
        XCTAssertEqual(state.help, HelpState(screen: .reader))
        Harness.press(&state, .char("j"), .char("j"))
        XCTAssertEqual(state.help?.scroll.offset, 2)
        XCTAssertEqual(state.reader?.cursor, 0)
        Harness.press(&state, .escape)
        XCTAssertNil(state.help)
        XCTAssertEqual(state.screen, .reader)
        Harness.press(&state, .char("?"), .char("?"))
        XCTAssertNil(state.help)
    }

    func testUnknownKeySaysSoAndNextKeyClearsIt() {
        var state = Harness.state()
        Harness.press(&state, .char("z"))
        XCTAssertEqual(state.message?.text, "Key z does nothing here. Press ? for help.")
        Harness.press(&state, .down)
        XCTAssertNil(state.message)
    }

    func testOpeningInAnEmptyLibraryWarns() {
        var state = Harness.state(library: Library(root: "Leer", articles: []))
        Harness.press(&state, .enter)
        XCTAssertEqual(state.screen, .library)
        XCTAssertEqual(state.message?.level, .warning)
    }

    func testLibraryProblemsAreReportedOnceAtStart() {
        var state = Harness.state(library: Library(root: "x", articles: [], problems: ["a.txt: invalid UTF-8 replaced by �"]))
        XCTAssertEqual(state.message, StatusMessage("a.txt: invalid UTF-8 replaced by �", level: .warning))
        Harness.press(&state, .down)
        XCTAssertNil(state.message)
    }
}
