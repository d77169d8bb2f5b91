import Foundation
import TestSupport
import XCTest

/// A user's config.toml in the real reader: rebound keys work, old ones do not, and the help screen
/// and the status line show the keys in effect; a mistake in the file is said in the status line.
final class ConfigEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        guard TmuxSession.tmuxPath != nil, FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else {
            XCTFail("the end-to-end tests need tmux and a built glossa (make test)")
            throw CancellationError()
        }
    }

    func start(_ tmux: TmuxSession, config: String) throws {
        let folder = try Fixtures.library(["config.toml": Data(config.utf8)])
        let db = folder.appendingPathComponent("glossa.sqlite").path
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let root = Fixtures.repositoryRoot.path
        try tmux.typeLine("cd '\(root)' && GLOSSA_CONFIG='\(folder.path)/config.toml' '\(TmuxSession.binary)' Articles --db '\(db)'; echo GLOSSA_EXIT=$?")
    }

    func testReboundClaimAndFollowLinkWorkAndTheHelpShowsThem() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try start(tmux, config: """
        [keys]
        claim = "C"
        follow-link = ["o", "Ctrl-J"]
        """)
        try tmux.waitFor("Library · Articles")
        // The 2020 article (third by date) reports the loan and the election that other articles report too.
        try tmux.press("j", "j", "Enter")
        try tmux.waitFor("Russischer Präsident empfängt belarussischen Kollegen in Sotschi")
        // The links are there once the background reading has linked the library (the gutter's »).
        try tmux.waitFor("»")
        try tmux.press("J")
        try tmux.waitFor("Position  2 of")
        // The old key of claim does nothing; the new one marks the claim.
        try tmux.press("c")
        try tmux.waitFor("Key c does nothing here. Press ? for help.")
        try tmux.press("C")
        try tmux.waitFor("Marked as a claim.")
        // Ctrl-J (a line feed in a terminal) follows the link, and back comes back.
        try tmux.press("C-j")
        try tmux.waitFor("Glossa  Als Alexander Lukaschenko vor knapp drei Jahren")
        try tmux.press("BSpace")
        try tmux.waitFor("Glossa  Russischer Präsident empfängt belarussischen Kollegen in Sotschi")
        // f is no longer follow-link; o is.
        try tmux.press("f")
        try tmux.waitFor("Key f does nothing here.")
        try tmux.press("o")
        try tmux.waitFor("Glossa  Als Alexander Lukaschenko vor knapp drei Jahren")
        try tmux.press("BSpace")
        try tmux.waitFor("Glossa  Russischer Präsident")
        // The help screen shows the keys in effect.
        try tmux.press("?")
        let help = try tmux.waitFor("Keys: reader")
        let claimRow = try XCTUnwrap(help.split(separator: "\n").first { $0.contains("Mark the sentence as a claim") })
        XCTAssertTrue(claimRow.contains("│ C "), String(claimRow))
        let followRow = try XCTUnwrap(help.split(separator: "\n").first { $0.contains("Follow the sentence's first link") })
        XCTAssertTrue(followRow.contains("│ o Ctrl-J "), String(followRow))
        try tmux.press("q", "q", "q")
        try tmux.waitFor("GLOSSA_EXIT=0")
    }

    func testAMistakeIsSaidInTheStatusLineAndTheRestApplies() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try start(tmux, config: """
        [keys]
        clam = "C"
        unbind = ["Q"]
        """)
        try tmux.waitFor("config.toml:2: unknown command \"clam\" (did you mean \"claim\"?); the default is used")
        try tmux.press("Q")
        try tmux.waitFor("Key Q does nothing here.")
        try tmux.press("q")
        try tmux.waitFor("GLOSSA_EXIT=0")
    }
}
