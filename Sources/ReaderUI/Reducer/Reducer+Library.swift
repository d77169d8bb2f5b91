import GlossaCore

extension Reducer {
    static func libraryCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        let count = state.listing.count
        let page = max(1, libraryRows(state))
        switch command {
        case .close:
            state.isRunning = false
            return [.quit]
        case .moveDown: state.libraryCursor += 1
        case .moveUp: state.libraryCursor -= 1
        case .pageDown: state.libraryCursor += page
        case .pageUp: state.libraryCursor -= page
        case .moveFirst: state.libraryCursor = 0
        case .moveLast: state.libraryCursor = count - 1
        case .open:
            // Opening by hand starts a new path: there is nothing to go forward to.
            return openRow(&state)
        case .search:
            startSearch(&state)
            return []
        case .actors:
            openActors(&state)
            return []
        case .exportMarkdown:
            return [.exportMarkdown]
        case .timeline:
            openTimeline(&state)
            return []
        case .searchNext, .searchPrevious:
            guard state.results != nil else {
                state.message = StatusMessage("No search yet: press \(state.keyMap.hint(.search, on: .library)) to search every article.")
                return []
            }
            state.libraryCursor += command == .searchNext ? 1 : -1
        case .filterActor, .filterDates, .filterNotes, .clearFilters:
            filterCommand(command, &state)
            return []
        case .rescan:
            state.message = StatusMessage("Reading the folder again …")
            return [.rescanLibrary]
        default:
            return []
        }
        clampLibrary(&state)
        return []
    }

    /// Rows of the article list: the body less its column header.
    static func libraryRows(_ state: AppState) -> Int {
        ScreenGeometry(size: state.size, pane: state.pane).body.height - 1
    }

    static func clampLibrary(_ state: inout AppState) {
        let count = state.listing.count
        state.libraryCursor = min(max(0, state.libraryCursor), max(0, count - 1))
        let rows = max(1, libraryRows(state))
        if state.libraryCursor < state.libraryTop { state.libraryTop = state.libraryCursor }
        if state.libraryCursor >= state.libraryTop + rows { state.libraryTop = state.libraryCursor - rows + 1 }
        state.libraryTop = min(max(0, state.libraryTop), max(0, count - rows))
    }

    /// Articles of more UTF-8 bytes than this are prepared off the event loop (about 40 ms of work on
    /// this side of it; a long news article has 70,000).
    public static let preparedInBackground = 400_000

    /// Opens an article in the reader at its first sentence. A large one is prepared off the event
    /// loop: the reader says "Preparing …" until `documentPrepared` (see `state.preparing`).
    static func openArticle(_ index: Int, _ state: inout AppState) {
        guard state.library.articles.indices.contains(index) else {
            state.message = StatusMessage("The library is empty: add .txt or .md files to \(state.library.root).", level: .warning)
            return
        }
        let article = state.library.articles[index]
        guard article.isLoaded else {
            state.message = StatusMessage("\(article.title) has not been read yet.", level: .warning)
            return
        }
        // The library's actor index is complete once reading is done; before, the article finds its own.
        let known = state.indexing == nil ? state.actorIndex.mentions(inArticle: index) : nil
        let geometry = ScreenGeometry(size: state.size, pane: state.pane)
        state.screen = .reader
        state.focus = .text
        state.search = nil
        state.preparing = nil
        state.pendingOpen = nil
        guard article.text.utf8.count <= preparedInBackground else {
            state.reader = nil
            state.preparations += 1
            state.preparing = Preparation(article: index, path: article.path, generation: state.preparations)
            state.message = StatusMessage("Preparing \(article.path) (\(article.text.utf8.count.byteSize)) … \(state.keyMap.hint(.close, on: .reader)) goes back.")
            return
        }
        let document = Document(article: article, options: state.extractionOptions, actors: known, cache: state.extractionCache)
        state.reader = ReaderState(articleIndex: index, document: document,
                                   layout: TextLayout(document: document, width: geometry.text.width))
        if article.hadInvalidUTF8 {
            state.message = StatusMessage("\(article.path) has invalid UTF-8; it is shown as �.", level: .warning)
        }
    }

    /// What the runtime needs to prepare the article of `state.preparing`.
    static func documentRequest(_ state: AppState) -> DocumentRequest? {
        guard let preparing = state.preparing, state.library.articles.indices.contains(preparing.article) else { return nil }
        let known = state.indexing == nil ? state.actorIndex.mentions(inArticle: preparing.article) : nil
        return DocumentRequest(generation: preparing.generation, article: state.library.articles[preparing.article],
                               options: state.extractionOptions, actors: known,
                               width: ScreenGeometry(size: state.size, pane: state.pane).text.width, cache: state.extractionCache)
    }

    /// A prepared article arrived: it opens if it is still the one asked for, where it was asked for.
    static func documentPrepared(_ generation: Int, _ document: Document, _ layout: TextLayout, _ state: inout AppState) -> [Effect] {
        guard let preparing = state.preparing, preparing.generation == generation else { return [] }
        guard state.library.articles.indices.contains(preparing.article),
              state.library.articles[preparing.article].path == preparing.path else {
            state.preparing = nil
            if state.reader == nil, state.screen == .reader { state.screen = .library }
            return []
        }
        let article = state.library.articles[preparing.article]
        state.preparing = nil
        state.reader = ReaderState(articleIndex: preparing.article, document: document, layout: layout)
        state.screen = .reader
        state.message = article.hadInvalidUTF8
            ? StatusMessage("\(article.path) has invalid UTF-8; it is shown as �.", level: .warning) : nil
        relayout(&state)
        if let sentence = preparing.sentence ?? preparing.offset.flatMap({ document.sentenceIndex(containing: $0) }) {
            go(to: Location(article: preparing.article, sentence: sentence), &state)
        }
        if let query = preparing.query { goToMatch(query, &state) }
        return [.loadAnnotations(article)]
    }
}
