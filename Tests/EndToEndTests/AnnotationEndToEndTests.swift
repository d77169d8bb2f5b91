import Foundation
import GlossaCore
import Store
import TestSupport
import XCTest

/// Annotating in the real binary under tmux: keys, the database, a restart, export, two readers at
/// once, and an article edited between sessions.
final class AnnotationEndToEndTests: XCTestCase {
    var folder: URL!
    var library: URL { folder.appendingPathComponent("news") }
    var db: String { library.appendingPathComponent(".glossa/glossa.sqlite").path }

    override func setUpWithError() throws {
        guard TmuxSession.tmuxPath != nil, FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else {
            XCTFail("the end-to-end tests need tmux and a built glossa (make test)")
            throw CancellationError()
        }
        folder = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        for name in ["003_7688eaeaed71ff5d.txt", "000_710788ae8078a188.txt"] {
            try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.articlesDirectory).appendingPathComponent(name),
                                             to: library.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts the reader on a cleared screen: a restart's `quit` must not find the last run's GLOSSA_EXIT=0.
    func start(_ tmux: TmuxSession) throws {
        try tmux.typeLine("clear; cd '\(folder.path)' && '\(TmuxSession.binary)' news; echo GLOSSA_EXIT=$?")
        try tmux.waitFor("Library · news")
    }

    func quit(_ tmux: TmuxSession) throws {
        try tmux.press("Q")
        try tmux.waitFor("GLOSSA_EXIT=0")
    }

    func stored() throws -> [Annotation] {
        try AppDatabase.open(path: db).allAnnotations().values.flatMap { $0 }.sorted(by: Annotation.readingOrder)
    }

    func testAnnotateRestartAndExport() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try start(tmux)
        // The Sochi report is first (dated). Third sentence: claim, disputed, a note with umlauts.
        try tmux.press("Enter")
        try tmux.waitFor("Sentence 1 of 28")
        try tmux.press("j", "j", "c", "2", "i")
        try tmux.waitFor("Enter saves · Esc cancels")
        try tmux.run(["send-keys", "-t", tmux.target, "-l", "Größe prüfen – laut Reuters"])
        try tmux.press("Enter")
        try tmux.waitFor("Note saved.")
        try tmux.press("j", "t")
        try tmux.waitFor("Enter saves · Esc cancels")
        try tmux.run(["send-keys", "-t", tmux.target, "-l", "Kredit, Sotschi"])
        try tmux.press("Enter")
        try tmux.waitFor("Tags: Kredit, Sotschi.")
        // Every change is committed at once: the database has both while the reader still runs.
        let annotations = try stored()
        XCTAssertEqual(annotations.map(\.verdict), [.disputed, nil])
        XCTAssertEqual(annotations.map(\.note), ["Größe prüfen – laut Reuters", ""])
        XCTAssertEqual(annotations.map(\.tags), [[], ["Kredit", "Sotschi"]])
        try quit(tmux)
        // A restart shows them: the count in the library, the badge and the pane's list in the reader.
        try start(tmux)
        // The word count fills in once the article is read in the background.
        var screen = try tmux.waitFor("448      2  Russischer Präsident")
        try tmux.press("Enter")
        screen = try tmux.waitForAll(["Notes in this article (2)", "± S3 Größe prüfen"])
        XCTAssertTrue(screen.contains("± S3 Größe prüfen"), screen)
        // E exports next to the library folder and says where.
        try tmux.press("E")
        screen = try tmux.waitFor("Exported 2 annotations to")
        let notes = folder.appendingPathComponent("news-notes.md")
        let document = try CommonMark.parse(String(contentsOf: notes, encoding: .utf8))
        let quotes = document.descendants.filter { $0.name == "block_quote" }
        XCTAssertEqual(quotes.count, 2)
        XCTAssertEqual(quotes.map(\.text), annotations.map(\.quote.exact), "the quotes come through the Markdown unchanged")
        XCTAssertTrue(document.descendants.contains { $0.name == "link" && $0.attributes["destination"] == "news/003_7688eaeaed71ff5d.txt#L5" },
                      "a link back to the file and line")
        try quit(tmux)
    }

    func testTwoReadersAtOnceLoseNoWrite() throws {
        let first = try TmuxSession(width: 100, height: 30)
        let second = try TmuxSession(width: 100, height: 30)
        try start(first)
        try start(second)
        try first.press("Enter")
        try first.waitFor("Sentence 1 of 28")
        try first.press("c")
        try first.waitFor("Marked as a claim.")
        try second.press("Enter")
        try second.waitFor("Sentence 1 of 28")
        try second.press("j", "c")
        try second.waitFor("Marked as a claim.")
        try first.press("j", "j", "5")
        try first.waitFor("Verdict: opinion.")
        try quit(first)
        try quit(second)
        XCTAssertEqual(try stored().map(\.isClaim), [true, true, true])
        XCTAssertEqual(try stored().map(\.verdict), [nil, nil, .opinion])
    }

    func testAnEditedArticleKeepsItsAnnotationsOrShowsOrphans() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try start(tmux)
        try tmux.press("Enter")
        try tmux.waitFor("Sentence 1 of 28")
        try tmux.press("j", "j", "j", "1", "j", "3")
        try tmux.waitFor("Verdict: false.")
        try quit(tmux)
        // Between sessions the article gets a correction at the top and loses the fifth sentence.
        let file = library.appendingPathComponent("003_7688eaeaed71ff5d.txt")
        var text = try String(contentsOf: file, encoding: .utf8)
        let before = try stored()
        let removed = String(text.unicodeScalars.dropFirst(before[1].span.start).prefix(before[1].span.length))
        text = text.replacingOccurrences(of: removed, with: "")
        text = text.replacingOccurrences(of: "Putin sagt Lukaschenko", with: "Korrektur: Putin sagt Lukaschenko")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try start(tmux)
        try tmux.waitFor("1 annotation could not be placed in changed articles (shown as orphans)")
        try tmux.press("Enter")
        let screen = try tmux.waitForAll(["Notes in this article (2)", "✓ S4", "✗ orphan"])
        XCTAssertTrue(screen.contains("✓ S4"), screen)
        XCTAssertTrue(screen.contains("✗ orphan"), screen)
        try quit(tmux)
        let after = try stored()
        XCTAssertEqual(after.filter(\.isOrphan).map(\.id), [before[1].id])
        XCTAssertEqual(after.first { !$0.isOrphan }?.span.start, before[0].span.start + "Korrektur: ".count)
    }
}
