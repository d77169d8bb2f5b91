import GlossaCore
@testable import ReaderUI
import XCTest

final class RuntimeTests: XCTestCase {
    func testScriptedSessionThroughTheFakeTerminal() {
        // Given the library in a fake 120x40 terminal and a script of keys
        let terminal = FakeTerminal(size: Size(width: 120, height: 40))
        let keys: [Key] = [.char("j"), .char("j"), .enter, .char("/"), .char("S"), .char("o"), .char("t"), .enter]
        for key in keys { terminal.enqueue(.key(key)) }
        terminal.enqueue(.resized(Size(width: 80, height: 24)))
        let runtime = Runtime(state: Harness.state(120, 40), terminal: terminal)
        // When it runs to the end of the script
        XCTAssertNil(runtime.run())
        // Then the reader shows the Sochi article at 80x24 with the search kept
        XCTAssertEqual(runtime.state.screen, .reader)
        XCTAssertEqual(runtime.state.size, Size(width: 80, height: 24))
        XCTAssertEqual(terminal.screen.width, 80)
        XCTAssertTrue(terminal.screen.rowText(0).contains("Russischer Präsident empfängt"))
        XCTAssertEqual(terminal.presentCount, keys.count + 2)
        XCTAssertTrue(terminal.screen.cells.contains { $0.style == Theme.color.searchMatch && $0.text == "S" })
    }

    func testMovingOneSentenceRedrawsOnlyPartOfTheScreen() {
        let terminal = FakeTerminal(size: Size(width: 120, height: 40), events: [.key(.enter), .key(.char("j"))])
        let runtime = Runtime(state: Harness.state(120, 40), terminal: terminal)
        runtime.run()
        XCTAssertGreaterThan(terminal.lastChangedCells, 0)
        XCTAssertLessThan(terminal.lastChangedCells, 120 * 40 / 4)
    }

    func testQuitAndSignalsEndTheLoop() {
        let quitting = FakeTerminal(size: Size(width: 80, height: 24), events: [.key(.char("q")), .key(.char("j"))])
        let runtime = Runtime(state: Harness.state(80, 24), terminal: quitting)
        XCTAssertNil(runtime.run())
        XCTAssertFalse(runtime.state.isRunning)
        XCTAssertEqual(runtime.state.libraryScreen.cursor.index, 0)
        let signalled = FakeTerminal(size: Size(width: 80, height: 24), events: [.signal(15), .key(.char("j"))])
        let second = Runtime(state: Harness.state(80, 24), terminal: signalled)
        XCTAssertEqual(second.run(), 15)
        XCTAssertEqual(second.state.libraryScreen.cursor.index, 0)
    }
}
