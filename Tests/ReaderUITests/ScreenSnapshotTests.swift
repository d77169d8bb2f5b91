import GlossaCore
@testable import ReaderUI
import TestSupport
import XCTest

/// Whole screens on the German seeds, as rows of text plus style runs.
final class ScreenSnapshotTests: XCTestCase {
    func testLibrary() {
        assertSnapshot(RootView.render(Harness.state(80, 24)).snapshot, named: "library_80x24")
        var state = Harness.state(120, 40)
        Harness.press(&state, .char("j"), .char("j"))
        assertSnapshot(RootView.render(state).snapshot, named: "library_120x40")
    }

    func testReaderOnTheSochiReport() {
        var small = Harness.reader("003_7688eaeaed71ff5d.txt", 80, 24)
        Harness.press(&small, .char("j"), .char("j"))
        assertSnapshot(RootView.render(small).snapshot, named: "reader_003_80x24")
        var large = Harness.reader("003_7688eaeaed71ff5d.txt", 120, 40)
        Harness.press(&large, .char("j"), .char("j"), .char("j"))
        assertSnapshot(RootView.render(large).snapshot, named: "reader_003_120x40")
    }

    func testReaderWithClaimsNotesAndTheNoteEditor() {
        var state = Harness.reader("003_7688eaeaed71ff5d.txt", 120, 40)
        func chars(_ text: String) -> [Key] { text.map { Key.char($0) } }
        var keys: [Key] = chars("jjjc2i") + chars("Laut Reuters 1 Mrd.") + [.enter, .char("t")]
        keys += chars("Kredit, Zahl") + [.enter] + chars("jvj") + [.enter] + chars("1jji")
        keys += chars("Quelle fehlt") + [.enter, .tab]
        Harness.pressCommitting(&state, keys)
        assertSnapshot(RootView.render(state).snapshot, named: "reader_003_annotated_120x40")
        var small = state
        Harness.pressCommitting(&small, [.tab, .char("i")] + chars("Größe prüfen – wer zahlt?") + [.left, .left])
        _ = Reducer.reduce(&small, .resized(Size(width: 80, height: 24)))
        assertSnapshot(RootView.render(small).snapshot, named: "reader_003_note_editor_80x24")
    }

    func testReaderWithSearchPromptAndMatches() {
        var state = Harness.reader("002_945e9911ce4e8915.txt", 120, 40)
        Harness.press(&state, .char("/"))
        Harness.type(&state, "Lukaschenko")
        assertSnapshot(RootView.render(state).snapshot, named: "reader_002_search_120x40")
    }

    func testHelpOverlay() {
        var state = Harness.reader("004_2b58a65905f16bd6.txt", 80, 24)
        Harness.press(&state, .char("?"))
        assertSnapshot(RootView.render(state).snapshot, named: "reader_004_help_80x24")
    }

    func testMonochromeReaderWithHiddenPane() {
        var state = Harness.reader("000_710788ae8078a188.txt", 80, 24)
        state.theme = .monochrome
        Harness.press(&state, .char("p"), .char("j"))
        assertSnapshot(RootView.render(state).snapshot, named: "reader_000_mono_nopane_80x24")
    }

    func testTooSmallTerminalShowsAMessageAndRecovers() {
        var state = Harness.reader("003_7688eaeaed71ff5d.txt", 80, 24)
        _ = Reducer.reduce(&state, .resized(Size(width: 30, height: 6)))
        assertSnapshot(RootView.render(state).snapshot, named: "too_small_30x6")
        _ = Reducer.reduce(&state, .resized(Size(width: 80, height: 24)))
        Harness.press(&state, .char("j"), .char("j"))
        XCTAssertEqual(RootView.render(state), {
            var fresh = Harness.reader("003_7688eaeaed71ff5d.txt", 80, 24)
            Harness.press(&fresh, .char("j"), .char("j"))
            return RootView.render(fresh)
        }())
    }

    func testEmptyLibrary() {
        let state = Harness.state(80, 24, library: Library(root: "Leer", articles: []))
        assertSnapshot(RootView.render(state).snapshot, named: "library_empty_80x24")
    }
}
