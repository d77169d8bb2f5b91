import Foundation
import TestSupport
import XCTest

/// The library in the real binary under tmux: full-text search to the sentence, a filter, a new file
/// picked up with R, and a second start that reads the index.
final class LibrarySearchEndToEndTests: XCTestCase {
    var folder: URL!
    var library: URL { folder.appendingPathComponent("news") }

    override func setUpWithError() throws {
        guard TmuxSession.tmuxPath != nil, FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else {
            XCTFail("the end-to-end tests need tmux and a built glossa (make test)")
            throw CancellationError()
        }
        folder = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.articlesDirectory), to: library)
        try? FileManager.default.removeItem(at: library.appendingPathComponent(".glossa"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testSearchFilterRescanAndWarmStart() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try tmux.typeLine("cd '\(folder.path)' && '\(TmuxSession.binary)' news; echo GLOSSA_EXIT=$?")
        try tmux.waitFor("Library · news")
        try tmux.waitFor("2025-11-14    1379")
        // Typed without ß, found with it; Enter keeps the results, Enter opens at the sentence.
        try tmux.press("/")
        try tmux.run(["send-keys", "-t", tmux.target, "-l", "Weissrussland"])
        // The results come from a background search, after the title: wait for both.
        var screen = try tmux.waitForAll(["Search · “Weissrussland”", "Weißrussland"])
        XCTAssertTrue(screen.contains("Weißrussland"), screen)
        try tmux.press("Enter")
        try tmux.waitFor("Enter opens at the sentence")
        try tmux.press("Enter")
        screen = try tmux.waitForAll(["; n and N go through them.", "Weißrussland"])
        XCTAssertTrue(screen.contains("Weißrussland"), screen)
        // Back to the results, then all articles; a date filter.
        try tmux.press("q")
        try tmux.waitFor("Search · “Weissrussland”")
        try tmux.press("Escape")
        try tmux.waitFor("Library · news")
        try tmux.press("D")
        try tmux.run(["send-keys", "-t", tmux.target, "-l", "2020"])
        try tmux.press("Enter")
        screen = try tmux.waitForAll(["1 of 5 articles: 2020.", "Russischer Präsident empfängt"])
        XCTAssertTrue(screen.contains("Russischer Präsident empfängt"), screen)
        try tmux.press("x")
        try tmux.waitFor("Filters and search cleared")
        // A file added while Glossa runs: R picks it up.
        try Data(" date 2030-05\nQuastenflosser in Minsk gesichtet\n\nDer Quastenflosser lebt.\n".utf8)
            .write(to: library.appendingPathComponent("neu.txt"))
        try tmux.press("R")
        screen = try tmux.waitForAll(["Read the folder again: 1 new article.", "2030-05"])
        XCTAssertTrue(screen.contains("2030-05"), screen)
        try tmux.press("Q")
        try tmux.waitFor("GLOSSA_EXIT=0")
        // The second start finds the new article's words in the index at once.
        try tmux.typeLine("clear; '\(TmuxSession.binary)' news; echo GLOSSA_EXIT=$?")
        try tmux.waitFor("Library · news")
        try tmux.press("/")
        try tmux.run(["send-keys", "-t", tmux.target, "-l", "quastenflosser"])
        screen = try tmux.waitFor("Search · “quastenflosser”")
        try tmux.waitFor("1 of 6 articles")
        try tmux.press("Enter", "Q")
        try tmux.waitFor("GLOSSA_EXIT=0")
    }
}
