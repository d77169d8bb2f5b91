import Foundation
import GlossaCore
import TestSupport
import XCTest

/// The real binary on an article of a megabyte on one line, with no sentence stop.
final class LargeArticleEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        guard TmuxSession.tmuxPath != nil, FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else {
            XCTFail("the end-to-end tests need tmux and a built glossa (make test does both)")
            throw CancellationError()
        }
    }

    /// Given a library with a 1 MB one-line article, when it is opened, then the reader prepares it
    /// (off the event loop: "Preparing" is on screen unless it was already done), opens it cut into
    /// sentences, goes to its end and back to the library, and quits cleanly.
    func testAOneLineArticleOfAMegabyteOpensAndMoves() throws {
        let words = ["die", "Bundesregierung", "stellt", "weitere", "Millionen", "Euro", "bereit", "sagte", "Olaf", "Scholz",
                     "am", "Montag", "in", "Berlin", "und", "Minsk", "wegen", "der", "Ukraine", "250", "Prozent"]
        var random = SplitMix64(state: 1_000_000)
        var text = "Ein Bericht ohne Punkt"
        while text.utf8.count < 1_000_000 { text += " " + words[random.below(words.count)] }
        let library = try Fixtures.library(["lang.txt": Data(text.utf8)])
        defer { try? FileManager.default.removeItem(at: library) }
        let tmux = try TmuxSession(width: 120, height: 30)
        try tmux.typeLine("cd '\(library.path)' && '\(TmuxSession.binary)' .; echo GLOSSA_EXIT=$?")
        try tmux.waitFor("Ein Bericht ohne Punkt")
        try tmux.press("Enter")
        try tmux.waitUntil("the reader prepares or shows the article") { $0.contains("Preparing lang.txt") || $0.contains("Sentence 1 of") }
        let screen = try tmux.waitFor("Sentence 1 of", seconds: 120)
        let count = try XCTUnwrap(screen.range(of: #"Sentence 1 of (\d+)"#, options: .regularExpression)
            .map { String(screen[$0].split(separator: " ").last!) }.flatMap(Int.init))
        XCTAssertGreaterThanOrEqual(count, 1_000_000 / SentenceSplitter.maxLength, "cut into pieces of at most \(SentenceSplitter.maxLength) characters")
        try tmux.press("G")
        try tmux.waitFor("Sentence \(count) of \(count)")
        try tmux.press("q")
        try tmux.waitFor("Library · ")
        try tmux.press("Q")
        try tmux.waitFor("GLOSSA_EXIT=0")
    }
}
