import Extraction
import GlossaCore
import Linking

/// What background work reports: the library filling in as it is read, its actors and links, a
/// folder read again, an article read from disk, full-text results.
enum IndexReducer {
    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .articlesRead(let articles, let progress):
            for article in articles { state.library.replace(article) }
            state.indexing = progress
            if state.libraryScreen.filter.hasDates || state.libraryScreen.filter.actor != nil { LibraryReducer.refreshListing(&state) }
        case .indexProgressed(let progress, let problems):
            state.indexing = progress
            if !problems.isEmpty { state.library.problems += problems }
        case .actorsIndexed(let index):
            state.actorIndex = index
            ActorsReducer.clamp(&state.actorsScreen, index, state.geometry)
            if state.libraryScreen.filter.actor != nil { LibraryReducer.refreshListing(&state) }
        case .eventsLinked(let events):
            state.events = LibraryEvents.keeping(events, decisions: state.events.decisions)
            if state.screen == .timeline { TimelineReducer.refresh(&state) }
        case .indexFinished(let message):
            state.indexing = nil
            // Said on the library screen only: in an article, the status line keeps the reader's place.
            if !message.isEmpty, state.screen == .library, state.message == nil || state.message?.level == .info {
                state.message = StatusMessage(message)
            }
        case .libraryReloaded(let library, let actors, let events, let message):
            state.message = nil
            replaceLibrary(library, actors: actors, events: events, &state)
            // What the reload did, then what it did to the open article, if anything.
            let warning = state.message.map { "; " + $0.text } ?? ""
            state.message = StatusMessage(message + warning, level: warning.isEmpty ? .info : .warning)
        case .articleRead(let article):
            state.library.replace(article)
            guard let pending = state.libraryScreen.pendingOpen, pending.path == article.path,
                  let index = state.library.positions[article.path] else { return [] }
            state.libraryScreen.pendingOpen = nil
            state.message = nil
            Navigation.openArticle(index, &state)
            if let query = pending.query { SearchReducer.goToMatch(query, &state) }
            return state.reader == nil ? [] : [.loadAnnotations(article)]
        case .articleReadFailed(let path, let reason):
            if state.libraryScreen.pendingOpen?.path == path { state.libraryScreen.pendingOpen = nil }
            state.message = StatusMessage("\(path) cannot be read: \(reason)", level: .warning)
        case .librarySearched(let results):
            guard results.generation == state.libraryScreen.searchGeneration else { return [] }
            if let problem = results.problem {
                state.message = StatusMessage("Search failed: \(problem)", level: .warning)
            }
            LibraryReducer.setResults(results, &state)
        default:
            break
        }
        return []
    }

    /// Replaces the whole library (after the folder was read again): what pointed into the old
    /// list by index is moved by path, or dropped when its article is gone.
    static func replaceLibrary(_ library: Library, actors: ActorIndex, events: LibraryEvents, _ state: inout AppState) {
        let old = state.library
        func moved(_ index: Int) -> Int? {
            old.articles.indices.contains(index) ? library.positions[old.articles[index].path] : nil
        }
        func movedLocation(_ location: Location) -> Location? {
            moved(location.article).map { Location(article: $0, sentence: location.sentence) }
        }
        let cursorArticle = state.libraryScreen.currentArticle.flatMap(moved)
        state.library = library
        state.actorIndex = actors
        state.events = LibraryEvents.keeping(events, decisions: state.events.decisions)
        state.history.back = state.history.back.compactMap(movedLocation)
        state.history.forward = state.history.forward.compactMap(movedLocation)
        if var reader = state.reader {
            if let index = moved(reader.articleIndex), ContentHash.of(library.articles[index].text) == reader.document.textHash {
                reader.articleIndex = index
                state.reader = reader
            } else if let index = moved(reader.articleIndex) {
                // The open article changed on disk: open it again at the same sentence.
                let cursor = reader.cursor
                Navigation.openArticle(index, &state)
                Navigation.go(to: Location(article: index, sentence: cursor), &state)
            } else {
                state.reader = nil
                if state.screen == .reader { state.screen = .library }
                state.message = StatusMessage("The article you were reading is gone from the folder.", level: .warning)
            }
        }
        if let preparing = state.preparing, state.reader == nil {
            if let index = library.positions[preparing.path] {
                // Asked again (the text may have changed); the answer to the old request is dropped.
                state.preparations += 1
                state.preparing?.article = index
                state.preparing?.generation = state.preparations
            } else {
                state.preparing = nil
                if state.screen == .reader { state.screen = .library }
                state.message = StatusMessage("\(preparing.path) is gone from the folder.", level: .warning)
            }
        }
        state.timeline = TimelineState()
        if state.screen == .timeline { state.screen = .library }
        LibraryReducer.refreshListing(&state)
        if let cursorArticle, let row = state.libraryScreen.listing.firstIndex(where: { $0.article == cursorArticle }) {
            state.libraryScreen.cursor.index = row
            LibraryReducer.clamp(&state.libraryScreen, state.geometry)
        }
    }
}
