import GlossaCore
@testable import ReaderUI
import TestSupport
import XCTest

/// Claims, verdicts, notes, tags, spans, delete and undo, through the reducer; every store effect is
/// committed as the runtime does with a working store.
final class AnnotationTests: XCTestCase {
    let sochi = "003_7688eaeaed71ff5d.txt"

    @discardableResult
    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        Harness.pressCommitting(&state, keys)
    }

    func type(_ state: inout AppState, _ text: String) {
        for character in text { press(&state, .char(character)) }
    }

    func notes(_ state: AppState) -> [Annotation] { state.notes.annotations[sochi] ?? [] }

    func testClaimKeyMarksTheSentenceWithAW3CAnchor() throws {
        var state = Harness.reader(sochi)
        Harness.press(&state, .char("j"), .char("j"))
        let effects = Reducer.reduce(&state, .keyPressed(.char("c")))
        let sentence = state.reader!.document.sentences[2]
        let article = state.library.articles[state.reader!.articleIndex]
        guard case .storeChange(let change)? = effects.first, effects.count == 1 else { return XCTFail("\(effects)") }
        XCTAssertNil(change.before)
        let claim = try XCTUnwrap(change.after)
        XCTAssertEqual(claim.span, sentence)
        XCTAssertTrue(claim.isClaim)
        XCTAssertNil(claim.verdict)
        XCTAssertEqual(claim.quote.exact, Harness.currentSentence(state))
        XCTAssertEqual(claim.quote.prefix.unicodeScalars.count, Anchoring.contextLength)
        XCTAssertEqual(claim.textHash, ContentHash.of(article.text))
        XCTAssertEqual(claim.article, sochi)
        XCTAssertTrue(state.notes.annotations.isEmpty, "nothing changes before the store commits")
        _ = Reducer.reduce(&state, .changeStored(change))
        XCTAssertEqual(notes(state), [claim])
        XCTAssertTrue(state.message!.text.hasPrefix("Marked as a claim."))
    }

    func testVerdictKeysSetToggleAndCreateAClaim() {
        var state = Harness.reader(sochi)
        press(&state, .char("2"))
        XCTAssertEqual(notes(state).map(\.verdict), [.disputed], "a verdict on a bare sentence makes a claim")
        XCTAssertTrue(notes(state)[0].isClaim)
        press(&state, .char("3"))
        XCTAssertEqual(notes(state).map(\.verdict), [.false])
        press(&state, .char("3"))
        XCTAssertEqual(notes(state).map(\.verdict), [nil])
        XCTAssertEqual(state.message?.text, "Verdict removed.")
        press(&state, .char("4"))
        XCTAssertEqual(notes(state).map(\.verdict), [.needsSource])
        XCTAssertEqual(notes(state).count, 1)
    }

    func testNoteEditorEditsUmlautsWithCursorKeysAndSavesOnEnter() {
        var state = Harness.reader(sochi)
        press(&state, .char("i"))
        XCTAssertNotNil(state.notes.editor)
        type(&state, "Zahl prüfn")
        press(&state, .backspace, .char("e"), .char("n"), .home, .delete, .char("z"))
        XCTAssertEqual(state.notes.editor?.line.text, "zahl prüfen")
        press(&state, .end)
        type(&state, ": Größe?")
        press(&state, .enter)
        XCTAssertNil(state.notes.editor)
        XCTAssertEqual(notes(state).map(\.note), ["zahl prüfen: Größe?"])
        XCTAssertEqual(notes(state).map(\.isClaim), [false], "a note alone is not a claim")
        XCTAssertEqual(state.message?.text, "Note saved.")
    }

    func testEscapeCancelsTheEditorAndStoresNothing() {
        var state = Harness.reader(sochi)
        press(&state, .char("i"))
        type(&state, "verworfen")
        let effects = press(&state, .escape)
        XCTAssertEqual(effects, [])
        XCTAssertNil(state.notes.editor)
        XCTAssertTrue(state.notes.annotations.isEmpty)
        XCTAssertEqual(state.screen, .reader, "Esc in the editor does not close the article")
    }

    func testTagsAreSplitTrimmedAndDeduplicated() {
        var state = Harness.reader(sochi)
        press(&state, .char("c"), .char("t"))
        type(&state, " Kredit, Belarus ,, kredit,Sotschi ")
        press(&state, .enter)
        XCTAssertEqual(notes(state).map(\.tags), [["Kredit", "Belarus", "Sotschi"]])
        XCTAssertEqual(notes(state).map(\.isClaim), [true])
    }

    func testDeleteAndUndoRestoreTheSameAnnotation() {
        var state = Harness.reader(sochi)
        press(&state, .char("c"), .char("1"))
        let saved = notes(state)
        press(&state, .char("d"))
        XCTAssertTrue(notes(state).isEmpty)
        XCTAssertTrue(state.message!.text.contains("u undoes"))
        press(&state, .char("u"))
        XCTAssertEqual(notes(state), saved, "undo brings back the same id, verdict and creation time")
        press(&state, .char("u"))
        XCTAssertEqual(notes(state).map(\.verdict), [nil], "then the verdict is undone")
        press(&state, .char("u"))
        XCTAssertTrue(notes(state).isEmpty)
        press(&state, .char("u"))
        XCTAssertEqual(state.message?.text, "Nothing to undo.")
    }

    func testClaimKeyAgainUnmarksAndKeepsTheNote() {
        var state = Harness.reader(sochi)
        press(&state, .char("c"), .char("i"))
        type(&state, "Quelle?")
        press(&state, .enter, .char("c"))
        XCTAssertEqual(notes(state).map(\.isClaim), [false])
        XCTAssertEqual(notes(state).map(\.note), ["Quelle?"])
    }

    func testAClaimWidenedToTwoSentencesAndNarrowedToWords() throws {
        var state = Harness.reader(sochi)
        Harness.press(&state, .char("j"), .char("j"))
        let sentences = state.reader!.document.sentences
        press(&state, .char("v"))
        XCTAssertEqual(state.activeScreen, .span)
        press(&state, .char("j"), .enter)
        XCTAssertEqual(notes(state).map(\.span), [TextSpan(start: sentences[2].start, end: sentences[3].end)])
        XCTAssertEqual(state.message?.text, "Claim now covers 2 sentences.")
        // Narrow: drop the second sentence, then two words from the end and one from the start.
        press(&state, .char("v"), .char("k"), .char("h"), .char("h"), .char("L"), .enter)
        let claim = try XCTUnwrap(notes(state).first)
        XCTAssertEqual(notes(state).count, 1)
        let sentence = Harness.currentSentence(state)
        let words = sentence.split(separator: " ")
        XCTAssertEqual(claim.quote.exact, words.dropFirst().dropLast(2).joined(separator: " "))
        XCTAssertTrue(state.message!.text.hasPrefix("Claim now covers part of a sentence"))
        // Esc leaves it as it was.
        press(&state, .char("v"), .char("l"), .escape)
        XCTAssertEqual(notes(state).first, claim)
        XCTAssertNil(state.notes.spanEdit)
    }

    func testUndoingAWidenedNoteRestoresThePlainNote() {
        var state = Harness.reader(sochi)
        press(&state, .char("i"))
        type(&state, "nur eine Notiz")
        press(&state, .enter, .char("v"), .char("j"), .enter)
        XCTAssertEqual(notes(state).map(\.isClaim), [true], "widening makes it a claim")
        press(&state, .char("u"))
        XCTAssertEqual(notes(state).map(\.isClaim), [false])
        XCTAssertEqual(notes(state).map(\.span), [state.reader!.document.sentences[0]])
    }

    func testThePaneListsTheNotesAndEnterGoesToOne() {
        var state = Harness.reader(sochi)
        press(&state, .char("c"))
        for _ in 0..<5 { Harness.press(&state, .char("j")) }
        press(&state, .char("i"))
        type(&state, "zweite Notiz")
        press(&state, .enter, .char("g"))
        XCTAssertEqual(state.reader?.cursor, 0)
        press(&state, .tab, .char("j"), .enter)
        XCTAssertEqual(state.reader?.cursor, 5, "Enter on the second note goes to its sentence")
        XCTAssertEqual(state.focus, .text)
        let lines = state.paneLines(width: 40).map(\.text)
        XCTAssertTrue(lines.contains("Notes in this article (2)"), "\(lines)")
    }

    func testOpeningAnArticleAsksTheStoreForItsAnnotations() {
        var state = Harness.state()
        let effects = Harness.press(&state, .enter)
        XCTAssertEqual(effects, [.loadAnnotations(state.library.articles[0])])
        Harness.press(&state, .char("j"))
        XCTAssertEqual(Harness.press(&state, .char("j")), [], "moving within the article asks nothing")
    }

    func testWithoutAStoreAnnotationKeysSayWhyAndDoNothing() {
        var state = Harness.reader(sochi)
        state.notes.storeProblem = "the database x is read-only"
        XCTAssertEqual(press(&state, .char("c")), [])
        XCTAssertEqual(state.message, StatusMessage("Annotations cannot be saved: the database x is read-only", level: .warning))
    }

    /// A store that commits until told to fail, and counts loads.
    final class FlakyStore: @unchecked Sendable {
        var failing: ServiceError?
        var rows: [String: Annotation] = [:]
        var loads = 0

        var services: Services {
            Services(store: { change in
                if let failing = self.failing { throw failing }
                if let after = change.after {
                    var saved = after
                    saved.revision += 1
                    self.rows[saved.id] = saved
                    return saved
                }
                self.rows[change.before!.id] = nil
                return nil
            }, load: { article in
                self.loads += 1
                return self.rows.values.filter { $0.article == article.path }.sorted(by: Annotation.readingOrder)
            }, exportMarkdown: { "" })
        }
    }

    func testAFailedWriteKeepsTheTypedNoteAndTheUndoStack() {
        let store = FlakyStore()
        let terminal = FakeTerminal(size: Size(width: 120, height: 40))
        let runtime = Runtime(state: Harness.reader(sochi), terminal: terminal, services: store.services)
        runtime.send(.keyPressed(.char("c")))
        XCTAssertEqual(runtime.state.notes.undoStack.count, 1)
        store.failing = ServiceError("the database is locked")
        // The note cannot be saved: the editor comes back with the text.
        runtime.send(.keyPressed(.char("i")))
        for character in "Größe?" { runtime.send(.keyPressed(.char(character))) }
        runtime.send(.keyPressed(.enter))
        XCTAssertEqual(runtime.state.notes.editor?.line.text, "Größe?")
        XCTAssertEqual(runtime.state.message?.level, .warning)
        XCTAssertTrue(runtime.state.message!.text.contains("the database is locked"))
        XCTAssertEqual(runtime.state.notes.annotations[sochi]?.map(\.note), [""])
        runtime.send(.keyPressed(.escape))
        // Undo fails too: the change stays undoable.
        runtime.send(.keyPressed(.char("u")))
        XCTAssertEqual(runtime.state.notes.undoStack.count, 1)
        XCTAssertEqual(runtime.state.notes.annotations[sochi]?.count, 1)
        store.failing = nil
        runtime.send(.keyPressed(.char("u")))
        XCTAssertTrue(runtime.state.notes.undoStack.isEmpty)
        XCTAssertNil(runtime.state.notes.annotations[sochi])
        XCTAssertTrue(store.rows.isEmpty)
    }

    func testAConflictReloadsTheArticlesAnnotations() {
        let store = FlakyStore()
        let runtime = Runtime(state: Harness.reader(sochi), terminal: FakeTerminal(size: Size(width: 120, height: 40)), services: store.services)
        runtime.send(.keyPressed(.char("c")))
        // Another Glossa gives it a note meanwhile.
        var other = store.rows.values.first!
        other.note = "von nebenan"
        other.revision += 1
        store.rows[other.id] = other
        store.failing = ServiceError("another Glossa changed this annotation meanwhile", reload: true)
        let loads = store.loads
        runtime.send(.keyPressed(.char("2")))
        XCTAssertEqual(store.loads, loads + 1)
        XCTAssertEqual(runtime.state.notes.annotations[sochi]?.map(\.note), ["von nebenan"], "the reader shows the other change")
        XCTAssertEqual(runtime.state.message?.level, .warning)
    }

    func testAnOrphanIsListedWithItsQuoteAndCannotBeOpened() {
        var state = Harness.reader(sochi)
        let orphan = Annotation(id: "o", article: sochi, span: TextSpan(start: 9_000, end: 9_020),
                                quote: TextQuoteSelector(exact: "Ein gestrichener Satz.", prefix: "", suffix: ""),
                                textHash: "old", isOrphan: true)
        _ = Reducer.reduce(&state, .annotationsLoaded(article: sochi, [orphan]))
        let lines = state.paneLines(width: 60).map(\.text)
        XCTAssertTrue(lines.contains { $0.contains("orphan “Ein gestrichener Satz.”") }, "\(lines)")
        press(&state, .tab, .enter)
        XCTAssertEqual(state.message?.level, .warning)
        XCTAssertEqual(state.reader?.cursor, 0)
    }

    func testTheLibraryCountsNotesPerArticle() {
        var state = Harness.reader(sochi)
        press(&state, .char("c"), .char("j"), .char("i"))
        type(&state, "n")
        press(&state, .enter, .char("q"))
        let row = RootView.render(state).rowText(state.libraryScreen.cursor.index - state.libraryScreen.cursor.top + 2)
        XCTAssertTrue(row.contains("      2  Russischer Präsident"), row)
    }
}
