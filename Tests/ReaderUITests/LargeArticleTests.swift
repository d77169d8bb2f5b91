import Extraction
import GlossaCore
import Linking
@testable import ReaderUI
import XCTest

/// Articles of many megabytes on one line: glyphs stored compactly, prepared off the event loop,
/// keys answered meanwhile, opened where they were asked for.
final class LargeArticleTests: XCTestCase {
    /// The glyphs as they were made before the compact store: one `Character` at a time.
    private func referenceGlyphs(_ text: String, from start: Int) -> [Glyph] {
        var glyphs: [Glyph] = []
        var offset = 0
        for character in text {
            let length = character.unicodeScalars.count
            defer { offset += length }
            guard offset >= start else { continue }
            if character.isNewline {
                glyphs.append(Glyph(text: "", width: 0, kind: .lineBreak, offset: offset))
            } else if character == "\t" || (character.isWhitespace && character.unicodeScalars.allSatisfy({ $0.value >= 0x20 })) {
                glyphs.append(Glyph(text: " ", width: 1, kind: .space, offset: offset))
            } else {
                let cell = DisplayText.cell(for: character)
                glyphs.append(Glyph(text: cell.text, width: UInt8(cell.width), kind: .visible, offset: offset))
            }
        }
        return glyphs
    }

    /// Given texts with everything the ASCII fast path must hand on (CR LF, an accent after an ASCII
    /// letter, emoji sequences, controls, tabs, wide and zero-width scalars), then the compact glyphs
    /// are the ones a grapheme-by-grapheme walk makes.
    func testCompactGlyphsAreTheGraphemes() {
        let texts = [
            "Titel\r\nZeile e\u{301}ins\tzwei  drei\u{00A0}vier.\n",
            "Ampel 👩‍👩‍👧 und 🇩🇪, Flagge; Steuer\u{1B}[31m rot \u{202E}umgekehrt\u{7F}!",
            "明斯克 Minsk\u{200B}Wort a\u{0308}b Ende",
            "x\u{301}", "\u{301}am Anfang", "", "\n\n", "Schluss ohne Zeilenende e",
        ]
        for text in texts {
            for start in [0, 3] {
                let (store, end) = Document.glyphs(of: text, from: start)
                XCTAssertEqual(Array(store), referenceGlyphs(text, from: start), "\(text.debugDescription) from \(start)")
                XCTAssertEqual(end, text.unicodeScalars.count)
            }
        }
    }

    /// Search keys: case folded per glyph, white space as one space, as the per-glyph keys were.
    func testSearchIgnoresCaseAcrossTheStore() {
        let document = Document(article: Article(path: "a.txt", text: "Titel\n\nDie EU und die Ämter: ÄMTER, eu."))
        let rows = document.matches(of: "ämter").map { $0.map { document.glyphs[$0].text }.joined() }
        XCTAssertEqual(rows, ["Ämter", "ÄMTER"])
        XCTAssertEqual(document.matches(of: "eu und").count, 1)
    }

    /// A state whose library has one article of more than `preparedInBackground` bytes.
    private func largeState(sentences: Int = 20_000) -> (AppState, Article) {
        let text = "Ein langer Bericht\n\n" + (0..<sentences).map { "Satz \($0) sagt Olaf Scholz in Berlin." }.joined(separator: " ")
        XCTAssertGreaterThan(text.utf8.count, Reducer.preparedInBackground)
        let article = Article(path: "gross.txt", text: text)
        let library = Library(root: "lib", articles: [article])
        let state = AppState(library: library, size: Size(width: 120, height: 40),
                             actorIndex: ActorIndex(articles: [ArticleActors()]))
        return (state, article)
    }

    /// Given a large article, when Enter is pressed, then the reader says it is preparing it and asks
    /// the runtime to (nothing is extracted on the event loop); keys are answered meanwhile; when the
    /// prepared document arrives, it opens at its first sentence with its annotations asked for.
    func testALargeArticleIsPreparedOffTheEventLoopAndKeysAreAnswered() throws {
        var (state, article) = largeState()
        let effects = Harness.press(&state, .enter)
        XCTAssertNil(state.reader)
        XCTAssertEqual(state.screen, .reader)
        let preparing = try XCTUnwrap(state.preparing)
        XCTAssertEqual(effects.count, 1)
        guard case .prepareDocument(let request) = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(request.generation, preparing.generation)
        XCTAssertEqual(request.article.path, "gross.txt")
        XCTAssertTrue(state.message?.text.hasPrefix("Preparing gross.txt (") ?? false, "\(String(describing: state.message))")
        XCTAssertTrue(RootView.render(state).rowText(2).contains("Preparing gross.txt"))
        // A key while it is prepared is answered, and asks for nothing more.
        XCTAssertEqual(Harness.press(&state, .char("j")), [])
        XCTAssertTrue(state.message?.text.hasPrefix("Still preparing gross.txt") ?? false)
        // The answer arrives.
        let answered = Reducer.reduce(&state, request.prepare())
        XCTAssertEqual(answered, [.loadAnnotations(article)])
        XCTAssertNil(state.preparing)
        XCTAssertEqual(state.reader?.cursor, 0)
        XCTAssertEqual(Harness.currentSentence(state), "Ein langer Bericht")
        XCTAssertGreaterThan(state.reader?.document.sentences.count ?? 0, 20_000)
    }

    /// Given a large article being prepared, when q is pressed, then the library comes back and the
    /// late answer is dropped; a second Enter asks again, and only the newest answer opens it.
    func testGoingBackWhilePreparingDropsTheAnswer() throws {
        var (state, _) = largeState()
        guard case .prepareDocument(let first) = Harness.press(&state, .enter).first else { return XCTFail() }
        Harness.press(&state, .char("q"))
        XCTAssertEqual(state.screen, .library)
        XCTAssertNil(state.preparing)
        XCTAssertEqual(Reducer.reduce(&state, first.prepare()), [])
        XCTAssertNil(state.reader)
        XCTAssertEqual(state.screen, .library)
        guard case .prepareDocument(let second) = Harness.press(&state, .enter).first else { return XCTFail() }
        XCTAssertNotEqual(first.generation, second.generation)
        XCTAssertEqual(Reducer.reduce(&state, first.prepare()), [], "an older answer does not open it")
        XCTAssertNil(state.reader)
        _ = Reducer.reduce(&state, second.prepare())
        XCTAssertNotNil(state.reader)
    }

    /// Given a jump to a sentence of a large article (a link, a mention, a search result), then the
    /// article opens there once it is prepared.
    func testAJumpIntoALargeArticleLandsWhereItAimedOnceReady() throws {
        var (state, _) = largeState()
        Navigation.go(to: Location(article: 0, sentence: 5_000), &state)
        let request = try XCTUnwrap(Navigation.documentRequest(state))
        XCTAssertEqual(state.preparing?.sentence, 5_000)
        _ = Reducer.reduce(&state, request.prepare())
        XCTAssertEqual(state.reader?.cursor, 5_000)
        XCTAssertTrue(Harness.currentSentence(state).hasPrefix("Satz 4999 sagt"), Harness.currentSentence(state))
        let layout = try XCTUnwrap(state.reader?.layout)
        let top = try XCTUnwrap(state.reader?.top)
        XCTAssertGreaterThan(top, 0, "scrolled to the sentence")
        XCTAssertLessThan(top, layout.lines.count)
    }

    /// Small articles still open at once, as before.
    func testASmallArticleOpensAtOnce() {
        var state = Harness.state()
        XCTAssertEqual(Harness.press(&state, .enter).filter { if case .prepareDocument = $0 { return true } else { return false } }, [])
        XCTAssertNotNil(state.reader)
        XCTAssertNil(state.preparing)
    }

    /// Given a large article being prepared, when the folder is read again and a new file comes before
    /// it, then it is asked for again at its new place (the old answer is dropped) and opens; when it
    /// is gone from the folder, the library comes back and says so.
    func testALibraryReloadWhilePreparingFollowsTheArticle() throws {
        var (state, article) = largeState()
        guard case .prepareDocument(let first) = Harness.press(&state, .enter).first else { return XCTFail() }
        let newcomer = Article(path: "a-neu.txt", text: "Neu\n\nEin kurzer Text.")
        let reloaded = Library(root: "lib", articles: [newcomer, article])
        let effects = Reducer.reduce(&state, .libraryReloaded(reloaded, ActorIndex(articles: [ArticleActors(), ArticleActors()]),
                                                              LibraryEvents(), message: "1 new article"))
        guard case .prepareDocument(let second) = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(second.article.path, "gross.txt")
        XCTAssertEqual(state.preparing?.article, reloaded.positions["gross.txt"])
        XCTAssertEqual(Reducer.reduce(&state, first.prepare()), [], "the answer to the old request is dropped")
        XCTAssertNil(state.reader)
        _ = Reducer.reduce(&state, second.prepare())
        XCTAssertEqual(state.reader.map { state.library.articles[$0.articleIndex].path }, "gross.txt")

        var (gone, _) = largeState()
        Harness.press(&gone, .enter)
        _ = Reducer.reduce(&gone, .libraryReloaded(Library(root: "lib", articles: [newcomer]), ActorIndex(articles: [ArticleActors()]),
                                                   LibraryEvents(), message: "1 removed"))
        XCTAssertNil(gone.preparing)
        XCTAssertEqual(gone.screen, .library)
        XCTAssertEqual(gone.message?.text, "1 removed; gross.txt is gone from the folder.")
    }

    /// Given an article asked for before it was read, when another article is opened meanwhile,
    /// then the late read does not take the reader over.
    func testALateReadDoesNotReplaceTheArticleOpenedMeanwhile() throws {
        var state = Harness.state()
        let unread = state.library.articles[1]
        _ = state.library.replace(Article(placeholder: unread.path, metadata: unread.metadata, wordCount: 0))
        state.libraryScreen.cursor.index = state.libraryScreen.listing.firstIndex { $0.article == 1 }!
        XCTAssertEqual(Harness.press(&state, .enter), [.readArticle(path: unread.path)])
        state.libraryScreen.cursor.index = state.libraryScreen.listing.firstIndex { $0.article == 0 }!
        Harness.press(&state, .enter)
        XCTAssertEqual(state.reader?.articleIndex, 0)
        _ = Reducer.reduce(&state, .articleRead(unread))
        XCTAssertEqual(state.reader?.articleIndex, 0, "the article opened meanwhile stays")
    }
}
