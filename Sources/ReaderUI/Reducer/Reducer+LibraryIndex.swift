import Extraction
import Foundation
import GlossaCore
import Linking

/// The library as it fills in from the background, its full-text search and its filters.
extension Reducer {
    static func indexAction(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .articlesRead(let articles, let progress):
            for article in articles { state.library.replace(article) }
            state.indexing = progress
            if state.filter.hasDates || state.filter.actor != nil { refreshListing(&state) }
        case .indexProgressed(let progress, let problems):
            state.indexing = progress
            if !problems.isEmpty { state.library.problems += problems }
        case .actorsIndexed(let index):
            state.actorIndex = index
            clampActors(&state)
            if state.filter.actor != nil { refreshListing(&state) }
        case .eventsLinked(let events):
            state.events = LibraryEvents.keeping(events, decisions: state.events.decisions)
            if state.screen == .timeline {
                state.timeline.entries = timelineEntries(state)
                clampTimeline(&state)
            }
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
            guard let pending = state.pendingOpen, pending.path == article.path, let index = state.library.positions[article.path] else { return [] }
            state.pendingOpen = nil
            state.message = nil
            openArticle(index, &state)
            if let query = pending.query { goToMatch(query, &state) }
            return state.reader == nil ? [] : [.loadAnnotations(article)]
        case .articleReadFailed(let path, let reason):
            if state.pendingOpen?.path == path { state.pendingOpen = nil }
            state.message = StatusMessage("\(path) cannot be read: \(reason)", level: .warning)
        case .librarySearched(let results):
            guard results.generation == state.searchGeneration else { return [] }
            if let problem = results.problem {
                state.message = StatusMessage("Search failed: \(problem)", level: .warning)
            }
            setResults(results, &state)
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
        let cursorArticle = state.listing.indices.contains(state.libraryCursor) ? moved(state.listing[state.libraryCursor].article) : nil
        state.library = library
        state.actorIndex = actors
        state.events = LibraryEvents.keeping(events, decisions: state.events.decisions)
        state.history.back = state.history.back.compactMap { location in moved(location.article).map { Location(article: $0, sentence: location.sentence) } }
        state.history.forward = state.history.forward.compactMap { location in moved(location.article).map { Location(article: $0, sentence: location.sentence) } }
        if var reader = state.reader {
            if let index = moved(reader.articleIndex), ContentHash.of(library.articles[index].text) == reader.document.textHash {
                reader.articleIndex = index
                state.reader = reader
            } else if let index = moved(reader.articleIndex) {
                // The open article changed on disk: open it again at the same sentence.
                let cursor = reader.cursor
                openArticle(index, &state)
                go(to: Location(article: index, sentence: cursor), &state)
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
        refreshListing(&state)
        if let cursorArticle, let row = state.listing.firstIndex(where: { $0.article == cursorArticle }) {
            state.libraryCursor = row
            clampLibrary(&state)
        }
    }

    // MARK: - The list, its filters and search results

    /// Recomputes the rows of the library list, keeping the cursor on the same article.
    static func refreshListing(_ state: inout AppState) {
        let current = state.listing.indices.contains(state.libraryCursor) ? state.listing[state.libraryCursor].article : nil
        var rows: [ListingRow]
        if let results = state.results {
            rows = results.hits.enumerated().compactMap { index, hit in
                state.library.positions[hit.path].map { ListingRow(article: $0, hit: index) }
            }
        } else {
            rows = state.library.articles.indices.map { ListingRow(article: $0) }
        }
        let filter = state.filter
        if filter.isActive {
            let named: Set<Int>? = filter.actor.map { id in Set(state.actorIndex.summary(of: id)?.articles.map(\.article) ?? []) }
            rows = rows.filter { row in
                let article = state.library.articles[row.article]
                if let named, !named.contains(row.article) { return false }
                if !filter.accepts(date: article.date) { return false }
                if filter.withNotes, state.annotations[article.path]?.isEmpty ?? true { return false }
                return true
            }
        }
        state.listing = rows
        if let current, let row = rows.firstIndex(where: { $0.article == current }) {
            state.libraryCursor = row
        }
        clampLibrary(&state)
    }

    static func setResults(_ results: LibraryResults?, _ state: inout AppState) {
        state.results = results
        state.libraryCursor = 0
        state.libraryTop = 0
        refreshListing(&state)
        state.libraryCursor = 0
        clampLibrary(&state)
    }

    /// `/` typed on the library: each change asks for results; they arrive as `librarySearched`.
    static func updateLibrarySearch(_ prompt: SearchPrompt, _ state: inout AppState) -> [Effect] {
        state.searchGeneration += 1
        guard SearchFolding.matchExpression(prompt.query) != nil else {
            setResults(state.resultsOrigin, &state)
            return []
        }
        return [.searchLibrary(query: prompt.query, generation: state.searchGeneration)]
    }

    /// Opens the article of the selected row; a search result opens at its best sentence.
    static func openRow(_ state: inout AppState) -> [Effect] {
        guard state.listing.indices.contains(state.libraryCursor) else {
            if state.library.articles.isEmpty {
                state.message = StatusMessage("The library is empty: add .txt or .md files to \(state.library.root).", level: .warning)
            } else {
                state.message = StatusMessage("No article matches: \(state.keyMap.hint(.clearFilters, on: .library)) clears the filters.", level: .warning)
            }
            return []
        }
        let row = state.listing[state.libraryCursor]
        let article = state.library.articles[row.article]
        let query = row.hit == nil ? nil : state.results?.query
        state.history.forward = []
        guard article.isLoaded else {
            state.pendingOpen = PendingOpen(path: article.path, query: query)
            state.message = StatusMessage("Reading \(article.title) …")
            return [.readArticle(path: article.path)]
        }
        openArticle(row.article, &state)
        if let query { goToMatch(query, &state) }
        return []
    }

    /// Moves the open article's cursor to the sentence that best matches a search, and highlights
    /// the query's words (n and N go through them).
    static func goToMatch(_ query: String, _ state: inout AppState) {
        guard var reader = state.reader else {
            if state.preparing != nil { state.preparing?.query = query }
            return
        }
        let matcher = SearchMatcher(query: query)
        let scalars = ScalarClass.scalars(of: state.library.articles[reader.articleIndex].text)
        if let best = matcher.bestSentence(scalars, sentences: reader.document.sentences) {
            reader.cursor = best.index
            state.reader = reader
            keepCursorVisible(&state)
        }
        var matches: [Range<Int>] = []
        for sentence in reader.document.sentences {
            for range in matcher.hits(in: scalars, span: sentence).ranges {
                let glyphs = reader.document.glyphIndex(atOffset: range.start)..<reader.document.glyphIndex(atOffset: range.end)
                if !glyphs.isEmpty { matches.append(glyphs) }
            }
        }
        state.search = matches.isEmpty ? nil : SearchState(query: query, matches: matches)
        // As the article's own search says it: matches, and the places n and N go through.
        state.message = matches.isEmpty ? StatusMessage("“\(query)” is not in the text as it is now.")
            : matchSummary(state.search, places: Set(matchPositions(state)).count, query: query)
    }

    // MARK: - Filters

    static func filterCommand(_ command: Command, _ state: inout AppState) {
        switch command {
        case .filterActor:
            state.filterPrompt = FilterPrompt(kind: .actor, line: LineEditor(state.filter.actorName ?? ""))
        case .filterDates:
            let text = state.filter.hasDates ? LibraryFilter.describe(from: state.filter.from, to: state.filter.to).replacingOccurrences(of: "…", with: "..") : ""
            state.filterPrompt = FilterPrompt(kind: .dates, line: LineEditor(text))
        case .filterNotes:
            state.filter.withNotes.toggle()
            refreshListing(&state)
            state.message = StatusMessage(state.filter.withNotes ? "Only articles with notes (\(state.listing.count))." : "Articles with and without notes.")
        case .clearFilters:
            let had = state.filter.isActive || state.results != nil
            state.filter = LibraryFilter()
            state.results = nil
            state.resultsOrigin = nil
            refreshListing(&state)
            state.message = StatusMessage(had ? "Filters and search cleared: all \(state.library.articles.count) articles." : "No filter to clear.")
        default:
            break
        }
    }

    /// Keys typed into a filter prompt: Enter applies, Esc cancels, an empty line clears that filter.
    static func filterPromptKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var prompt = state.filterPrompt else { return [] }
        switch key {
        case .escape, .ctrl("c"):
            state.filterPrompt = nil
            state.message = StatusMessage("Filter not changed.")
        case .enter:
            state.filterPrompt = nil
            applyFilter(prompt.kind, prompt.line.text, &state)
        default:
            prompt.line.apply(key)
            state.filterPrompt = prompt
        }
        return []
    }

    static func applyFilter(_ kind: FilterPrompt.Kind, _ text: String, _ state: inout AppState) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .actor:
            if trimmed.isEmpty {
                state.filter.actor = nil
                state.filter.actorName = nil
            } else if let actor = bestActor(trimmed, state.actorIndex) {
                state.filter.actor = actor.id
                state.filter.actorName = actor.name
            } else {
                let waiting = state.indexing != nil ? " (the library is still being read)" : ""
                state.message = StatusMessage("No actor named “\(trimmed)”\(waiting).", level: .warning)
                return
            }
        case .dates:
            switch LibraryFilter.parseRange(trimmed) {
            case .success(let (from, to)):
                state.filter.from = from
                state.filter.to = to
            case .failure:
                state.message = StatusMessage("“\(trimmed)” is not a date range: try 2020, 2020-03..2020-06, 2021.. or ..2019-12.", level: .warning)
                return
            }
        }
        refreshListing(&state)
        let what = state.filter.isActive ? state.filter.summary : "no filter"
        state.message = StatusMessage("\(state.listing.count.grouped) of \(state.library.articles.count.grouped) articles: \(what).")
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
        state.filter.actor = actor.id
        state.filter.actorName = actor.name
        state.screen = .library
        state.reader = nil
        refreshListing(&state)
        state.libraryCursor = 0
        clampLibrary(&state)
        state.message = StatusMessage("\(state.listing.count) articles name \(actor.name); \(state.keyMap.hint(.clearFilters, on: .library)) clears the filter.")
    }
}
