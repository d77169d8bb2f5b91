import Extraction
import GlossaCore

/// The library screen: moving through the list, opening an article, its filters and search results.
/// Its state is `AppState.libraryScreen`.
enum LibraryReducer {
    static func reduce(_ command: Command, _ state: inout AppState) -> [Effect] {
        let geometry = state.geometry
        if state.libraryScreen.cursor.move(command, count: state.libraryScreen.listing.count, rows: rows(geometry)) {
            return []
        }
        switch command {
        case .close:
            state.isRunning = false
            return [.quit]
        case .open:
            return openRow(&state)
        case .search:
            SearchReducer.startSearch(&state)
        case .actors:
            ActorsReducer.open(&state)
        case .exportMarkdown:
            return [.exportMarkdown]
        case .timeline:
            TimelineReducer.toggle(&state)
        case .searchNext, .searchPrevious:
            guard state.libraryScreen.results != nil else {
                state.message = StatusMessage("No search yet: press \(state.keyMap.hint(.search, on: .library)) to search every article.")
                return []
            }
            state.libraryScreen.cursor.move(command == .searchNext ? .moveDown : .moveUp, count: state.libraryScreen.listing.count,
                                            rows: rows(geometry))
        case .filterActor, .filterDates, .filterNotes, .clearFilters:
            filterCommand(command, &state)
        case .rescan:
            state.message = StatusMessage("Reading the folder again …")
            return [.rescanLibrary]
        default:
            break
        }
        return []
    }

    /// Rows of the article list: the body less its column header.
    static func rows(_ geometry: ScreenGeometry) -> Int { geometry.body.height - 1 }

    static func clamp(_ screen: inout LibraryScreenState, _ geometry: ScreenGeometry) {
        screen.cursor.clamp(count: screen.listing.count, rows: rows(geometry))
    }

    /// Puts the cursor on an article's row, if it is listed.
    static func select(article: Int, _ state: inout AppState) {
        if let row = state.libraryScreen.listing.firstIndex(where: { $0.article == article }) {
            state.libraryScreen.cursor.index = row
        }
        clamp(&state.libraryScreen, state.geometry)
    }

    /// Back to the list from another screen, with the cursor on the article that was shown.
    static func show(article: Int?, _ state: inout AppState) {
        state.screen = .library
        if let article { select(article: article, &state) } else { clamp(&state.libraryScreen, state.geometry) }
    }

    /// Opens the article of the selected row; a search result opens at its best sentence.
    static func openRow(_ state: inout AppState) -> [Effect] {
        let screen = state.libraryScreen
        guard screen.listing.indices.contains(screen.cursor.index) else {
            if state.library.articles.isEmpty {
                state.message = StatusMessage("The library is empty: add .txt or .md files to \(state.library.root).", level: .warning)
            } else {
                state.message = StatusMessage("No article matches: \(state.keyMap.hint(.clearFilters, on: .library)) clears the filters.", level: .warning)
            }
            return []
        }
        let row = screen.listing[screen.cursor.index]
        let article = state.library.articles[row.article]
        let query = row.hit == nil ? nil : screen.results?.query
        // Opening by hand starts a new path: there is nothing to go forward to.
        state.history.forward = []
        guard article.isLoaded else {
            state.libraryScreen.pendingOpen = PendingOpen(path: article.path, query: query)
            state.message = StatusMessage("Reading \(article.title) …")
            return [.readArticle(path: article.path)]
        }
        Navigation.openArticle(row.article, &state)
        if let query { SearchReducer.goToMatch(query, &state) }
        return []
    }

    // MARK: - The list, its filters and search results

    /// Recomputes the rows of the library list, keeping the cursor on the same article.
    static func refreshListing(_ state: inout AppState) {
        let screen = state.libraryScreen
        var rows: [ListingRow]
        if let results = screen.results {
            rows = results.hits.enumerated().compactMap { index, hit in
                state.library.positions[hit.path].map { ListingRow(article: $0, hit: index) }
            }
        } else {
            rows = state.library.articles.indices.map { ListingRow(article: $0) }
        }
        let filter = screen.filter
        if filter.isActive {
            let named: Set<Int>? = filter.actor.map { id in Set(state.actorIndex.summary(of: id)?.articles.map(\.article) ?? []) }
            rows = rows.filter { row in
                let article = state.library.articles[row.article]
                if let named, !named.contains(row.article) { return false }
                if !filter.accepts(date: article.date) { return false }
                if filter.withNotes, state.notes.annotations[article.path]?.isEmpty ?? true { return false }
                return true
            }
        }
        state.libraryScreen.listing = rows
        if let current = screen.currentArticle, let row = rows.firstIndex(where: { $0.article == current }) {
            state.libraryScreen.cursor.index = row
        }
        clamp(&state.libraryScreen, state.geometry)
    }

    /// Shows search results (nil: the whole library) from their first row.
    static func setResults(_ results: LibraryResults?, _ state: inout AppState) {
        state.libraryScreen.results = results
        state.libraryScreen.cursor = ListCursor()
        refreshListing(&state)
        state.libraryScreen.cursor.index = 0
        clamp(&state.libraryScreen, state.geometry)
    }

    // MARK: - Filters

    static func filterCommand(_ command: Command, _ state: inout AppState) {
        let filter = state.libraryScreen.filter
        switch command {
        case .filterActor:
            state.libraryScreen.filterPrompt = FilterPrompt(kind: .actor, line: LineEditor(filter.actorName ?? ""))
        case .filterDates:
            let text = filter.hasDates ? LibraryFilter.describe(from: filter.from, to: filter.to).replacingOccurrences(of: "…", with: "..") : ""
            state.libraryScreen.filterPrompt = FilterPrompt(kind: .dates, line: LineEditor(text))
        case .filterNotes:
            state.libraryScreen.filter.withNotes.toggle()
            refreshListing(&state)
            state.message = StatusMessage(state.libraryScreen.filter.withNotes
                ? "Only articles with notes (\(state.libraryScreen.listing.count))." : "Articles with and without notes.")
        case .clearFilters:
            let had = filter.isActive || state.libraryScreen.results != nil
            state.libraryScreen.filter = LibraryFilter()
            state.libraryScreen.results = nil
            state.libraryScreen.resultsOrigin = nil
            refreshListing(&state)
            state.message = StatusMessage(had ? "Filters and search cleared: all \(state.library.articles.count) articles." : "No filter to clear.")
        default:
            break
        }
    }

    /// Keys typed into a filter prompt: Enter applies, Esc cancels, an empty line clears that filter.
    static func filterPromptKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var prompt = state.libraryScreen.filterPrompt else { return [] }
        switch key {
        case .escape, .ctrl("c"):
            state.libraryScreen.filterPrompt = nil
            state.message = StatusMessage("Filter not changed.")
        case .enter:
            state.libraryScreen.filterPrompt = nil
            applyFilter(prompt.kind, prompt.line.text, &state)
        default:
            prompt.line.apply(key)
            state.libraryScreen.filterPrompt = prompt
        }
        return []
    }

    static func applyFilter(_ kind: FilterPrompt.Kind, _ text: String, _ state: inout AppState) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .actor:
            if trimmed.isEmpty {
                state.libraryScreen.filter.actor = nil
                state.libraryScreen.filter.actorName = nil
            } else if let actor = bestActor(trimmed, state.actorIndex) {
                state.libraryScreen.filter.actor = actor.id
                state.libraryScreen.filter.actorName = actor.name
            } else {
                let waiting = state.indexing != nil ? " (the library is still being read)" : ""
                state.message = StatusMessage("No actor named “\(trimmed)”\(waiting).", level: .warning)
                return
            }
        case .dates:
            switch LibraryFilter.parseRange(trimmed) {
            case .success(let (from, to)):
                state.libraryScreen.filter.from = from
                state.libraryScreen.filter.to = to
            case .failure:
                state.message = StatusMessage("“\(trimmed)” is not a date range: try 2020, 2020-03..2020-06, 2021.. or ..2019-12.", level: .warning)
                return
            }
        }
        refreshListing(&state)
        let filter = state.libraryScreen.filter
        let what = filter.isActive ? filter.summary : "no filter"
        state.message = StatusMessage("\(state.libraryScreen.listing.count.grouped) of \(state.library.articles.count.grouped) articles: \(what).")
    }

    /// The actor a typed name means: an exact name or id first, then one whose name starts with
    /// it or contains it as a word (umlauts and case ignored); the most named wins.
    static func bestActor(_ text: String, _ index: ActorIndex) -> ActorSummary? {
        let wanted = SearchFolding.fold(text)
        let candidates = index.actors.filter { actor in
            let name = SearchFolding.fold(actor.name)
            return name == wanted || actor.id == wanted || name.hasPrefix(wanted)
                || SearchFolding.words(in: name).contains { $0.hasPrefix(wanted) }
        }
        return candidates.first { SearchFolding.fold($0.name) == wanted || $0.id == wanted } ?? candidates.first
    }

    /// From the actors screen: the library, showing only the articles that name the actor.
    static func filterByActor(_ actor: ActorSummary, _ state: inout AppState) {
        state.libraryScreen.filter.actor = actor.id
        state.libraryScreen.filter.actorName = actor.name
        state.screen = .library
        state.reader = nil
        refreshListing(&state)
        state.libraryScreen.cursor.index = 0
        clamp(&state.libraryScreen, state.geometry)
        state.message = StatusMessage("\(state.libraryScreen.listing.count) articles name \(actor.name); \(state.keyMap.hint(.clearFilters, on: .library)) clears the filter.")
    }
}
