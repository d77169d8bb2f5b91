import Extraction
import GlossaCore
import Linking
@testable import ReaderUI
import TestSupport
import XCTest

/// The library as it fills in from the background, its full-text search, filters and rescans.
final class LibraryIndexTests: XCTestCase {
    /// The seeds as the first screen has them: placeholders with titles and dates only.
    func placeholderState() -> AppState {
        let placeholders = Harness.seeds.articles.map { Article(placeholder: $0.path, metadata: $0.metadata) }
        var state = AppState(library: Library(root: "Articles", articles: placeholders), size: Size(width: 120, height: 40),
                             actorIndex: ActorIndex(mentions: Array(repeating: [], count: placeholders.count)))
        state.indexing = IndexProgress(done: 0, total: placeholders.count)
        return state
    }

    func testTheListFillsInWithoutMovingAndShowsProgress() {
        var state = placeholderState()
        let order = state.library.articles.map(\.path)
        var screen = RootView.render(state).text
        XCTAssertTrue(screen.contains("Reading 0/5 (0%)"), screen)
        XCTAssertTrue(screen.contains("2025-11-14       …      ·  Trump auf Kuschelkurs mit Minsk"), screen)
        let first = Array(Harness.seeds.articles.prefix(2))
        _ = Reducer.reduce(&state, .articlesRead(first, IndexProgress(done: 2, total: 5)))
        XCTAssertEqual(state.library.articles.map(\.path), order, "the order does not change")
        XCTAssertEqual(state.library.articles.filter(\.isLoaded).count, 2)
        screen = RootView.render(state).text
        XCTAssertTrue(screen.contains("Reading 2/5 (40%)"), screen)
        XCTAssertTrue(screen.contains("2025-11-14    1379      ·  Trump auf Kuschelkurs mit Minsk"), screen)
        _ = Reducer.reduce(&state, .indexProgressed(IndexProgress(phase: .linking, done: 5, total: 5), problems: []))
        XCTAssertTrue(RootView.render(state).text.contains("Linking events …"))
        _ = Reducer.reduce(&state, .indexFinished(message: "Read and indexed 5 articles in 1.2 s."))
        XCTAssertNil(state.indexing)
        XCTAssertEqual(state.message?.text, "Read and indexed 5 articles in 1.2 s.")
    }

    func testOpeningAnArticleNotReadYetReadsItFirst() {
        var state = placeholderState()
        let effects = Harness.press(&state, .char("j"), .enter)
        let path = state.library.articles[1].path
        XCTAssertEqual(effects, [.readArticle(path: path)])
        XCTAssertEqual(state.screen, .library)
        XCTAssertEqual(state.libraryScreen.pendingOpen?.path, path)
        let loaded = Harness.seeds.articles[Harness.seeds.positions[path]!]
        let after = Reducer.reduce(&state, .articleRead(loaded))
        XCTAssertEqual(state.screen, .reader)
        XCTAssertEqual(state.reader?.articleIndex, 1)
        XCTAssertEqual(after, [.loadAnnotations(loaded)])
        XCTAssertNil(state.libraryScreen.pendingOpen)
        // A file that cannot be read: a message, and the library stays.
        Harness.press(&state, .char("q"), .char("j"), .enter)
        _ = Reducer.reduce(&state, .articleReadFailed(path: state.library.articles[2].path, reason: "the file cannot be read"))
        XCTAssertEqual(state.screen, .library)
        XCTAssertEqual(state.message?.level, .warning)
        XCTAssertNil(state.libraryScreen.pendingOpen)
    }

    func testSearchAsksInTheBackgroundAndKeepsOnlyTheLatestAnswer() throws {
        var state = Harness.state()
        XCTAssertEqual(Harness.press(&state, .char("/"), .char("w"), .char("a"), .char("h")).last, .searchLibrary(query: "wah", generation: 3))
        XCTAssertEqual(Harness.press(&state, .char("l")), [.searchLibrary(query: "wahl", generation: 4)])
        let sochi = "003_7688eaeaed71ff5d.txt", election = "004_2b58a65905f16bd6.txt"
        // An answer to an older request is dropped.
        _ = Reducer.reduce(&state, .librarySearched(LibraryResults(query: "wah", hits: [LibraryHit(path: sochi)], generation: 3)))
        XCTAssertNil(state.libraryScreen.results)
        let hits = [LibraryHit(path: election, sentence: 3, snippet: "Die Wahl war gefälscht.", highlights: [4..<8]), LibraryHit(path: sochi)]
        _ = Reducer.reduce(&state, .librarySearched(LibraryResults(query: "wahl", hits: hits, generation: 4)))
        XCTAssertEqual(state.libraryScreen.listing.map { state.library.articles[$0.article].path }, [election, sochi])
        let screen = RootView.render(state).text
        XCTAssertTrue(screen.contains("Search · “wahl”"), screen)
        XCTAssertTrue(screen.contains("Die Wahl war gefälscht."), screen)
        XCTAssertTrue(screen.contains("2 of 5 articles"), screen)
        Harness.press(&state, .enter)
        XCTAssertEqual(state.message?.text, "2 articles have “wahl”; Enter opens at the sentence, Esc goes back.")
        // Enter opens the article at the sentence that best matches, with the words highlighted.
        Harness.press(&state, .char("j"), .enter)
        XCTAssertEqual(state.screen, .reader)
        let reader = try XCTUnwrap(state.reader)
        XCTAssertEqual(state.library.articles[reader.articleIndex].path, sochi)
        let sentence = reader.document.sentences[reader.cursor]
        let text = String(String.UnicodeScalarView(Array(state.library.articles[reader.articleIndex].text.unicodeScalars)[sentence.start..<sentence.end]))
        XCTAssertTrue(text.lowercased().contains("wahl"), text)
        XCTAssertFalse(state.search.result?.matches.isEmpty ?? true)
        // Back in the library, the results are still there; Esc clears them.
        Harness.press(&state, .char("q"))
        XCTAssertEqual(state.libraryScreen.listing.count, 2)
        XCTAssertEqual(state.libraryScreen.cursor.index, 1)
        Harness.press(&state, .escape)
        XCTAssertNil(state.libraryScreen.results)
        XCTAssertEqual(state.libraryScreen.listing.count, 5)
    }

    func testEscapeWhileTypingRestoresTheEarlierResults() {
        var state = Harness.state()
        Harness.press(&state, .char("/"), .char("x"))
        _ = Reducer.reduce(&state, .librarySearched(LibraryResults(query: "x", hits: [LibraryHit(path: "003_7688eaeaed71ff5d.txt")], generation: 1)))
        Harness.press(&state, .enter, .char("/"), .char("y"))
        _ = Reducer.reduce(&state, .librarySearched(LibraryResults(query: "y", hits: [], generation: 2)))
        XCTAssertTrue(RootView.render(state).text.contains("No article has “y”."))
        Harness.press(&state, .escape)
        XCTAssertEqual(state.libraryScreen.results?.query, "x")
        XCTAssertEqual(state.libraryScreen.listing.count, 1)
    }

    func testFiltersByDatesNotesAndActor() {
        var state = Harness.state()
        state.actorIndex = ActorIndex(library: state.library)
        Harness.press(&state, .char("D"))
        Harness.type(&state, "2020")
        Harness.press(&state, .enter)
        XCTAssertEqual(state.libraryScreen.listing.map { state.library.articles[$0.article].date?.iso }, ["2020-09"])
        XCTAssertEqual(state.message?.text, "1 of 5 articles: 2020.")
        XCTAssertTrue(RootView.render(state).text.contains("Library · Articles · 2020"))
        Harness.press(&state, .char("D"))
        Harness.press(&state, .ctrl("u"))
        Harness.type(&state, "2023-01..")
        Harness.press(&state, .enter)
        XCTAssertTrue(state.libraryScreen.listing.allSatisfy { (state.library.articles[$0.article].date?.year ?? 0) >= 2023 })
        XCTAssertEqual(state.libraryScreen.listing.count, 2)
        // Not a range: said so, nothing changes.
        Harness.press(&state, .char("D"), .ctrl("u"))
        Harness.type(&state, "im Sommer")
        Harness.press(&state, .enter)
        XCTAssertEqual(state.message?.level, .warning)
        XCTAssertEqual(state.libraryScreen.listing.count, 2)
        // Notes: only articles with an annotation.
        Harness.press(&state, .char("x"), .char("*"))
        XCTAssertEqual(state.libraryScreen.listing.count, 0)
        XCTAssertTrue(RootView.render(state).text.contains("No article matches the filters (with notes)."))
        let path = state.library.articles[3].path
        state.notes.annotations[path] = [Annotation(id: "a", article: path, span: TextSpan(start: 0, end: 4),
                                              quote: TextQuoteSelector(exact: "Test", prefix: "", suffix: ""), textHash: "", isClaim: true)]
        _ = Reducer.reduce(&state, .annotationsLoaded(article: path, state.notes.annotations[path]!))
        XCTAssertEqual(state.libraryScreen.listing.map(\.article), [3])
        // Actor: by a part of the name, umlauts and case ignored; the most named wins.
        Harness.press(&state, .char("*"), .char("F"))
        Harness.type(&state, "lukaschenko")
        Harness.press(&state, .enter)
        XCTAssertEqual(state.libraryScreen.filter.actorName, "Alexander Lukaschenko")
        XCTAssertEqual(state.libraryScreen.listing.count, 5)
        let rare = state.actorIndex.actors.last!
        Harness.press(&state, .char("F"), .ctrl("u"))
        Harness.type(&state, rare.name)
        Harness.press(&state, .enter)
        XCTAssertEqual(state.libraryScreen.listing.map(\.article), rare.articles.map(\.article))
        Harness.press(&state, .char("F"), .ctrl("u"))
        Harness.type(&state, "Quastenflosser")
        Harness.press(&state, .enter)
        XCTAssertEqual(state.message?.text, "No actor named “Quastenflosser”.")
        Harness.press(&state, .char("x"))
        XCTAssertEqual(state.libraryScreen.listing.count, 5)
        XCTAssertFalse(state.libraryScreen.filter.isActive)
    }

    func testDateRanges() {
        func parse(_ text: String) -> String? {
            guard case .success(let (from, to)) = LibraryFilter.parseRange(text) else { return nil }
            return "\(from?.iso ?? "")…\(to?.iso ?? "")"
        }
        XCTAssertEqual(parse("2020"), "2020…2020")
        XCTAssertEqual(parse("2020-03..2020-06"), "2020-03…2020-06")
        XCTAssertEqual(parse("2021.."), "2021…")
        XCTAssertEqual(parse("..2019-12"), "…2019-12")
        XCTAssertEqual(parse("2020-03 bis 2020-04-15"), "2020-03…2020-04-15")
        XCTAssertEqual(parse(""), "…")
        XCTAssertNil(parse("2021..2020"))
        XCTAssertNil(parse("März"))
        let range = LibraryFilter(from: ArticleDate(year: 2020, month: 3), to: ArticleDate(year: 2020, month: 6))
        XCTAssertTrue(range.accepts(date: ArticleDate(year: 2020, month: 6, day: 30)))
        XCTAssertTrue(range.accepts(date: ArticleDate(year: 2020)), "a year overlaps the range")
        XCTAssertFalse(range.accepts(date: ArticleDate(year: 2020, month: 7, day: 1)))
        XCTAssertFalse(range.accepts(date: nil))
    }

    func testAReloadedLibraryKeepsTheOpenArticleAndTheCursorByPath() {
        var state = Harness.reader("003_7688eaeaed71ff5d.txt")
        Harness.press(&state, .char("j"), .char("j"))
        let extra = Article(path: "000-new.txt", text: " date 2030-01\nNeu\n\nEin neuer Artikel.\n")
        let library = Library(root: "Articles", articles: Harness.seeds.articles + [extra])
        _ = Reducer.reduce(&state, .libraryReloaded(library, ActorIndex(library: library), LibraryEvents(), message: "Read the folder again: 1 new article."))
        XCTAssertEqual(state.library.articles.first?.path, "000-new.txt")
        XCTAssertEqual(state.library.articles[state.reader!.articleIndex].path, "003_7688eaeaed71ff5d.txt")
        XCTAssertEqual(state.reader?.cursor, 2)
        XCTAssertEqual(state.message?.text, "Read the folder again: 1 new article.")
        Harness.press(&state, .char("q"))
        XCTAssertEqual(state.library.articles[state.libraryScreen.listing[state.libraryScreen.cursor.index].article].path, "003_7688eaeaed71ff5d.txt")
        XCTAssertEqual(Harness.press(&state, .char("R")), [.rescanLibrary])
    }
}

extension ScreenBuffer {
    /// Every row, one per line (for `contains` checks).
    var text: String { (0..<height).map(rowText).joined(separator: "\n") }
}
