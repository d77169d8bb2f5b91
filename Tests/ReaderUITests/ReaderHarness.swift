import Foundation
import Extraction
import GlossaCore
import Linking
@testable import ReaderUI
import TestSupport
import XCTest

/// Builds states on the seed library and sends keys through the reducer.
enum Harness {
    /// The seeds, shown under the name `Articles` wherever the checkout is (snapshots hold no machine paths).
    static let seeds: Library = {
        let loaded = try! Fixtures.seedLibrary()
        return Library(root: "Articles", articles: loaded.articles, problems: loaded.problems)
    }()

    /// The seeds' events and links, found once.
    static let seedEvents = LibraryEvents(seeds.articles.map { (article: $0, extraction: Extractor.extract($0, options: ExtractionOptions())) })

    /// The seeds' actors, as the background reading indexes them.
    static let seedActors = ActorIndex(library: seeds)

    static func state(_ width: Int = 120, _ height: Int = 40, library: Library = seeds) -> AppState {
        var state = AppState(library: library, size: Size(width: width, height: height),
                             actorIndex: library == seeds ? seedActors : ActorIndex(library: library))
        if library == seeds { state.events = seedEvents }
        return state
    }

    /// The state with the article at `path` open.
    static func reader(_ path: String, _ width: Int = 120, _ height: Int = 40) -> AppState {
        var state = self.state(width, height)
        state.libraryScreen.cursor.index = state.library.articles.firstIndex { $0.path == path }!
        _ = Reducer.reduce(&state, .keyPressed(.enter))
        return state
    }

    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .keyPressed($0)) }
    }

    /// Presses keys and commits every store effect, as the runtime does with a working store.
    @discardableResult
    static func pressCommitting(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        var all: [Effect] = []
        for key in keys {
            let effects = Reducer.reduce(&state, .keyPressed(key))
            all += effects
            for case .storeChange(var change) in effects {
                change.after?.created = change.before?.created ?? Date(timeIntervalSince1970: 1)
                _ = Reducer.reduce(&state, .changeStored(change))
            }
        }
        return all
    }

    static func type(_ state: inout AppState, _ text: String) {
        for character in text { _ = Reducer.reduce(&state, .keyPressed(.char(character))) }
    }

    /// The current sentence's text.
    static func currentSentence(_ state: AppState) -> String {
        let reader = state.reader!
        let article = state.library.articles[reader.articleIndex]
        let span = reader.document.sentences[reader.cursor]
        let scalars = Array(article.text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[span.start..<span.end]))
    }

    /// Whether the current sentence's first line is on screen.
    static func cursorIsVisible(_ state: AppState) -> Bool {
        let reader = state.reader!
        let height = ScreenGeometry(size: state.size, pane: state.pane).text.height
        let line = reader.layout.line(containing: reader.document.sentences[reader.cursor].start)
        return line >= reader.top && line < reader.top + height
    }
}
