import Foundation
import TestSupport
import XCTest

/// The real binary in tmux: open, move, search, resize, quit, and a clean terminal afterwards.
final class ReaderEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        guard TmuxSession.tmuxPath != nil else {
            XCTFail("tmux is not installed (apt-get install tmux); the end-to-end tests need it")
            throw CancellationError()
        }
        guard FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else {
            XCTFail("No glossa binary at \(TmuxSession.binary): run `swift build` first (make test does)")
            throw CancellationError()
        }
    }

    /// Starts the reader on the seeds, with a database of its own (not Articles/.glossa in the checkout).
    private func start(_ tmux: TmuxSession, _ command: String = "") throws {
        let root = Fixtures.repositoryRoot.path
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-e2e-\(UUID().uuidString).sqlite").path
        addTeardownBlock {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        }
        try tmux.typeLine("cd '\(root)' && \(command)'\(TmuxSession.binary)' Articles --db '\(db)'; echo GLOSSA_EXIT=$?")
    }

    /// The terminal is back to normal: main screen, cursor shown, line editing and echo on.
    private func assertTerminalIsClean(_ tmux: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "0", "still on the alternate screen", file: file, line: line)
        XCTAssertEqual(try tmux.display("#{cursor_flag}"), "1", "cursor left hidden", file: file, line: line)
        try tmux.typeLine("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo STTY_\"\"DONE")
        let screen = try tmux.waitFor("STTY_DONE", file: file, line: line)
        XCTAssertTrue(screen.contains("icanon echo STTY_DONE"), "terminal modes not restored:\n\(screen)", file: file, line: line)
        XCTAssertFalse(screen.contains("Glossa "), "the reader's screen was left behind:\n\(screen)", file: file, line: line)
    }

    func testActorsScreenMentionsAndNextMention() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try start(tmux)
        try tmux.waitFor("Library · Articles")
        // The actors screen: the most named actor first, with its mentions per article.
        try tmux.press("a")
        try tmux.waitFor("Actors · Articles")
        // It fills in once the library has been read in the background.
        var screen = try tmux.waitForAll(["Alexander Lukaschenko", "person"])
        XCTAssertTrue(screen.contains("person"), screen)
        // Enter lists his mentions; Enter on one opens the reader there.
        try tmux.press("Enter")
        try tmux.waitFor("Actor · Alexander Lukaschenko")
        try tmux.press("Enter")
        // The pane's list is drawn in the same frame as its title: wait for both, not the title alone.
        screen = try tmux.waitUntil("the reader shows the mention selected in the pane") { screen in
            screen.contains("Annotations") && (screen.contains("▸ Lukaschenko") || screen.contains("▸ Alexander Lukaschenko"))
        }
        XCTAssertTrue(screen.contains("▸ Lukaschenko") || screen.contains("▸ Alexander Lukaschenko"), screen)
        // m: the next mention of the selected actor.
        try tmux.press("m")
        try tmux.waitFor("Alexander Lukaschenko: mention 2 of")
        try tmux.press("q", "q")
        try tmux.waitFor("GLOSSA_EXIT=0")
        try assertTerminalIsClean(tmux)
    }

    func testOpenMoveSearchResizeAndQuit() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try start(tmux)
        // The library, newest first
        var screen = try tmux.waitFor("Library · Articles")
        // Word counts fill in as the articles are read in the background.
        screen = try tmux.waitFor("2025-11-14    1379      ·  Trump auf Kuschelkurs mit Minsk")
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "1")
        // Open the Sochi report (third row) and move by sentences
        try tmux.press("j", "j", "Enter")
        screen = try tmux.waitForAll(["Sentence 1 of 28", "Russischer Präsident empfängt belarussischen Kollegen in Sotschi",
                                      "Annotations"])
        XCTAssertTrue(screen.contains("Russischer Präsident empfängt belarussischen Kollegen in Sotschi"))
        XCTAssertTrue(screen.contains("Annotations"))
        try tmux.press("j", "Down")
        try tmux.waitFor("Sentence 3 of 28")
        // Incremental search, kept with Enter, next match with n
        try tmux.press("/", "V", "e", "r", "f")
        try tmux.waitFor("/Verf")
        try tmux.waitFor("3 matches")
        try tmux.press("Enter")
        try tmux.waitFor("3 matches for “Verf”")
        try tmux.press("n")
        try tmux.waitFor("“Verf”: match 2 of 3")
        // Resize: the text reflows and the sentence stays in view
        try tmux.resize(width: 80, height: 24)
        try tmux.waitUntil("the reader is redrawn at 80 columns") { screen in
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.first?.hasSuffix("2020-09") == true && rows.allSatisfy { $0.count <= 80 }
        }
        // C-l clears the match message: "Sentence 16 of 28" in its place shows that the key was handled.
        try tmux.press("C-l")
        screen = try tmux.waitForAll(["Sentence 16 of 28", "Verfassungsreform"])
        XCTAssertTrue(screen.contains("Verfassungsreform"), screen)
        // Too small, then recovered
        try tmux.resize(width: 30, height: 6)
        try tmux.waitFor("Terminal too small")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("Sentence 16 of 28")
        // Help from the keymap, closed with q
        try tmux.press("?")
        try tmux.waitFor("Keys: reader")
        try tmux.press("q")
        // The status line shows "Sentence 16 of 28" under the help too: wait for the help to be gone.
        try tmux.waitUntil("the help is closed") { $0.contains("Sentence 16 of 28") && !$0.contains("Keys: reader") }
        // q goes back, q quits
        try tmux.press("q")
        try tmux.waitFor("Article 3 of 5")
        try tmux.press("q")
        try tmux.waitFor("GLOSSA_EXIT=0")
        try assertTerminalIsClean(tmux)
    }

    func testCtrlCQuitsCleanly() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try start(tmux)
        try tmux.waitFor("Library · Articles")
        try tmux.press("Enter")
        try tmux.waitFor("Sentence 1 of")
        try tmux.press("C-c")
        try tmux.waitFor("GLOSSA_EXIT=0")
        try assertTerminalIsClean(tmux)
    }

    func testSIGTERMRestoresTheTerminal() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try start(tmux)
        try tmux.waitFor("Library · Articles")
        let pid = try XCTUnwrap(try tmux.childPID())
        kill(pid, SIGTERM)
        try tmux.waitFor("GLOSSA_EXIT=143")
        try assertTerminalIsClean(tmux)
    }

    func testUnknownOrMissingTERMIsOneClearLineAndExitCode2() throws {
        let tmux = try TmuxSession(width: 120, height: 20)
        try start(tmux, "TERM=glossa-no-such-terminal ")
        var screen = try tmux.waitFor("GLOSSA_EXIT=2")
        XCTAssertTrue(screen.contains("glossa: unknown terminal type 'glossa-no-such-terminal' in TERM"))
        try tmux.typeLine("clear")
        // Else the first run's GLOSSA_EXIT=2, still on the screen, would end the next wait at once.
        try tmux.waitUntil("the first run's output is cleared") { !$0.contains("GLOSSA_EXIT=2") }
        try start(tmux, "env -u TERM ")
        screen = try tmux.waitFor("GLOSSA_EXIT=2")
        XCTAssertTrue(screen.contains("glossa: TERM is not set"))
    }

    func testStdoutNotATerminalIsOneClearLineAndExitCode2() throws {
        let result = try ChildProcess.run(TmuxSession.binary, [Fixtures.articlesDirectory])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.output, "")
        XCTAssertEqual(result.errors.split(separator: "\n").count, 1)
        XCTAssertTrue(result.errors.hasPrefix("glossa: the reader needs a terminal"), result.errors)
    }

    func testMissingFolderIsAClearErrorWithExitCode1() throws {
        let result = try ChildProcess.run(TmuxSession.binary, ["list", "/nonexistent/glossa-library"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, "glossa: no such folder: /nonexistent/glossa-library\n")
    }
}
