import GlossaCore
@testable import ReaderUI
import XCTest

final class DisplayTextTests: XCTestCase {
    func testWidthsPerGrapheme() {
        XCTAssertEqual(DisplayText.width(of: "Weißrussland"), 12)
        XCTAssertEqual(DisplayText.width(of: "„Zitat“ – …"), 11)
        XCTAssertEqual(DisplayText.width(of: "e\u{301}"), 1)
        XCTAssertEqual(DisplayText.width(of: "明斯克"), 6)
        XCTAssertEqual(DisplayText.width(of: "👍🏽"), 2)
        XCTAssertEqual(DisplayText.cell(for: "👍🏽").text, "👍")
        XCTAssertEqual(DisplayText.width(of: "🇧🇾"), 2)
        XCTAssertEqual(DisplayText.width(of: "a\u{AD}b"), 2)
    }

    func testDecomposedTextIsShownAsNFC() {
        XCTAssertEqual(DisplayText.cell(for: "u\u{308}").text, "ü")
        XCTAssertEqual(DisplayText.cell(for: "u\u{308}").text.unicodeScalars.count, 1)
    }

    func testControlsAndBidiOverridesBecomePlaceholders() {
        XCTAssertEqual(DisplayText.cell(for: "\u{1B}").text, "␛")
        XCTAssertEqual(DisplayText.cell(for: "\u{7}").text, "␇")
        XCTAssertEqual(DisplayText.cell(for: "\u{7F}").text, "␡")
        XCTAssertEqual(DisplayText.cell(for: "\u{9B}").text, DisplayText.placeholder)
        XCTAssertEqual(DisplayText.cell(for: "\u{202E}").text, DisplayText.placeholder)
        XCTAssertEqual(DisplayText.cell(for: "\u{2067}").text, DisplayText.placeholder)
    }

    func testEscapeSequencesInAnArticleNeverReachTheScreen() {
        // Given an article with a terminal escape sequence, a C1 CSI and a bidi override
        let text = "Titel\nEr sagte \u{1B}[2J\u{1B}]0;pwned\u{7}laut \u{9B}31m und \u{202E}gnirts.\r\nEnde."
        let library = Library(root: "x", articles: [Article(path: "evil.txt", text: text)])
        var state = AppState(library: library, size: Size(width: 80, height: 24))
        _ = Reducer.reduce(&state, .keyPressed(.enter))
        // When the reader renders it
        let buffer = RootView.render(state)
        // Then no cell holds a control character, and the placeholders are visible
        for cell in buffer.cells {
            for scalar in cell.text.unicodeScalars {
                XCTAssertFalse(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value),
                               "control U+\(String(scalar.value, radix: 16)) reached the screen")
            }
        }
        let screen = (0..<buffer.height).map { buffer.rowText($0) }.joined(separator: "\n")
        XCTAssertTrue(screen.contains("␛[2J␛]0;pwned␇laut"))
    }
}
