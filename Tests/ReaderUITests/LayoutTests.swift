import GlossaCore
@testable import ReaderUI
import XCTest

final class LayoutTests: XCTestCase {
    func testWrappedLinesNeverExceedTheWidth() throws {
        for article in Harness.seeds.articles {
            let document = Document(article: article)
            for width in [1, 7, 20, 48, 83, 150] {
                let layout = TextLayout(document: document, width: width)
                for line in layout.lines {
                    let columns = line.glyphs.reduce(0) { $0 + Int(document.glyphs[$1].width) }
                    XCTAssertLessThanOrEqual(columns, width, "\(article.path) at \(width)")
                }
            }
        }
    }

    func testParagraphsGetOneBlankLineAndLongWordsAreCut() {
        let article = Article(path: "a.txt", text: "Titel\n\n\n\nEin Donaudampfschifffahrtsgesellschaftskapitän kam.\nZweiter")
        let document = Document(article: article)
        let layout = TextLayout(document: document, width: 12)
        let rows = layout.lines.map { line in line.glyphs.map { document.glyphs[$0].text }.joined() }
        XCTAssertEqual(rows, ["Titel", "", "Ein", "Donaudampfsc", "hifffahrtsge", "sellschaftsk", "apitän kam.", "", "Zweiter"])
    }

    func testLineContainingAnOffset() {
        let article = Article(path: "a.txt", text: "Titel\n\nEins zwei drei vier fünf.")
        let layout = TextLayout(document: Document(article: article), width: 10)
        XCTAssertEqual(layout.line(containing: 0), 0)
        XCTAssertEqual(layout.line(containing: 7), 2)
        XCTAssertEqual(layout.line(containing: 22), 3)
    }

    func testWideGraphemeAtTheEdgeIsNotSplit() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        let end = buffer.put("a明斯", x: 0, y: 0, style: .plain)
        XCTAssertEqual(end, 3)
        XCTAssertEqual(buffer.rowText(0), "a明")
        var narrow = ScreenBuffer(width: 2, height: 1)
        narrow.put("a明", x: 0, y: 0, style: .plain)
        XCTAssertEqual(narrow.rowText(0), "a ")
    }

    func testGeometryHidesThePaneWhenTooNarrow() {
        let wide = ScreenGeometry(size: Size(width: 120, height: 40), pane: PaneSettings())
        XCTAssertEqual(wide.pane?.width, 36)
        XCTAssertEqual(wide.text.width, 120 - 36 - 1 - 3 - 1)
        let narrow = ScreenGeometry(size: Size(width: 50, height: 20), pane: PaneSettings())
        XCTAssertNil(narrow.pane)
        XCTAssertEqual(narrow.text.width, 46)
        XCTAssertTrue(ScreenGeometry(size: Size(width: 39, height: 20), pane: PaneSettings()).isTooSmall)
    }
}
