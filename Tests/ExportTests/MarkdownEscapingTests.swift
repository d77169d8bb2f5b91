import Export
import XCTest

final class MarkdownEscapingTests: XCTestCase {
    func testInlineTextIsEscapedCleanedAndOnOneLine() {
        XCTAssertEqual(MarkdownEscaping.inline("  *a*\t\tb\n\n# c\u{1B}[0m \u{202E}d  "), "\\*a\\* b \\# c\u{FFFD}\\[0m \u{FFFD}d")
        XCTAssertEqual(MarkdownEscaping.inline("Größe 🤔 „x“"), "Größe 🤔 „x“")
        XCTAssertEqual(MarkdownEscaping.inline("Sagte er: 1,5 Mrd. (laut AFP)? Ja!"), "Sagte er: 1,5 Mrd. (laut AFP)? Ja!",
                       "plain punctuation stays readable")
    }

    func testLineStartsThatWouldBeListsRulesOrHeadingsAreEscaped() {
        XCTAssertEqual(MarkdownEscaping.blockLines("- a\n+ b\n=== c\n12. d\n3) e\n2025 war"), ["\\- a", "\\+ b", "\\=== c", "12\\. d", "3\\) e", "2025 war"])
    }

    func testLinesKeepOneParagraphBreakAndNoneAtTheEnds() {
        XCTAssertEqual(MarkdownEscaping.normalizedLines("\n\n a \r\n\r\n\n\tb\r c \n \n"), ["a", "", "b", "c"])
        XCTAssertEqual(MarkdownEscaping.normalizedLines(" \t\n"), [])
    }

    func testLinkDestinationsArePercentEncoded() {
        XCTAssertEqual(MarkdownEscaping.linkDestination("../a b/(1) <ü>#x.txt"), "../a%20b/%281%29%20%3C%C3%BC%3E%23x.txt")
    }

    func testRelativePathsBetweenFolders() {
        XCTAssertEqual(RelativePath.from("/home/u/notes", to: "/home/u/news"), "../news")
        XCTAssertEqual(RelativePath.from("/home/u/news/", to: "/home/u/news"), ".")
        XCTAssertEqual(RelativePath.from("/home/u", to: "/home/u/news/./2025"), "news/2025")
        XCTAssertEqual(RelativePath.from("/a/b/c", to: "/x"), "../../../x")
    }
}
