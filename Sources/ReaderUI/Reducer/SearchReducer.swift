import GlossaCore

/// Search: the `/` prompt (`AppState.prompt`) and the search it leaves (`AppState.search`). In the
/// reader it finds the query in the article as it is typed; in the library it asks for full-text
/// results (`LibraryScreenState.results`). `n` and `N` go through the places found.
enum SearchReducer {
    static func startSearch(_ state: inout AppState) {
        if state.screen == .library { state.libraryScreen.resultsOrigin = state.libraryScreen.results }
        let cursor = state.reader?.cursor ?? state.libraryScreen.cursor.index
        let top = state.reader?.top ?? state.libraryScreen.cursor.top
        state.search.prompt = SearchPrompt(query: "", originCursor: cursor, originTop: top, previous: state.search.result)
    }

    /// Keys typed at the `/` prompt: text edits the query, Enter keeps the search, Esc restores.
    static func promptKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var prompt = state.search.prompt else { return [] }
        switch key {
        case .ctrl("c"):
            state.isRunning = false
            return [.quit]
        case .escape:
            state.search.prompt = nil
            if state.screen == .library {
                state.libraryScreen.searchGeneration += 1
                LibraryReducer.setResults(state.libraryScreen.resultsOrigin, &state)
                restoreOrigin(prompt, &state)
                return []
            }
            restoreOrigin(prompt, &state)
            state.search.result = prompt.previous
            return []
        case .enter:
            state.search.prompt = nil
            if state.screen == .library {
                if SearchFolding.matchExpression(prompt.query) == nil {
                    state.libraryScreen.searchGeneration += 1
                    LibraryReducer.setResults(nil, &state)
                } else if let results = state.libraryScreen.results {
                    state.message = librarySummary(results, state)
                }
                return []
            }
            if prompt.query.isEmpty {
                state.search.result = prompt.previous
            } else {
                state.message = matchSummary(state.search.result, places: Set(matchPositions(state)).count, query: prompt.query)
            }
            return []
        case .backspace:
            if prompt.query.isEmpty {
                return promptKey(&state, .escape)
            }
            prompt.query.removeLast()
        case .ctrl("u"):
            prompt.query = ""
        case .char(let character):
            prompt.query.append(character)
        default:
            return []
        }
        state.search.prompt = prompt
        if state.screen == .library { return updateLibrarySearch(prompt, &state) }
        updateIncrementalSearch(prompt, &state)
        return []
    }

    /// What the status line says about library results.
    static func librarySummary(_ results: LibraryResults, _ state: AppState) -> StatusMessage {
        let count = results.hits.count
        guard count > 0 else { return StatusMessage("No article has “\(results.query)”.", level: .warning) }
        let listed = state.libraryScreen.listing.count
        let shown = listed < count ? " (\(listed) through the filters)" : ""
        let more = count >= LibraryResults.limit ? "The best \(count)" : "\(count)"
        let keys = state.keyMap
        return StatusMessage("\(more) \(count == 1 ? "article has" : "articles have") “\(results.query)”\(shown); "
            + "\(keys.hint(.open, on: .library, preferring: .enter)) opens at the sentence, \(keys.hint(.clearFilters, on: .library, preferring: .escape)) goes back.")
    }

    /// `places` counts the sentences (or articles) with a match: n and N step through those.
    static func matchSummary(_ search: SearchMatches?, places: Int, query: String) -> StatusMessage {
        let count = search?.matches.count ?? 0
        switch count {
        case 0: return StatusMessage("No match for “\(query)”.", level: .warning)
        case 1: return StatusMessage("1 match for “\(query)”.")
        default:
            let spread = places < count ? " in \(places) places" : ""
            return StatusMessage("\(count) matches for “\(query)”\(spread); n and N go through them.")
        }
    }

    static func restoreOrigin(_ prompt: SearchPrompt, _ state: inout AppState) {
        if var reader = state.reader {
            reader.cursor = prompt.originCursor
            reader.top = prompt.originTop
            state.reader = reader
        } else {
            state.libraryScreen.cursor = ListCursor(index: prompt.originCursor, top: prompt.originTop)
        }
    }

    /// `/` typed on the library: each change asks for results; they arrive as `librarySearched`.
    static func updateLibrarySearch(_ prompt: SearchPrompt, _ state: inout AppState) -> [Effect] {
        state.libraryScreen.searchGeneration += 1
        guard SearchFolding.matchExpression(prompt.query) != nil else {
            LibraryReducer.setResults(state.libraryScreen.resultsOrigin, &state)
            return []
        }
        return [.searchLibrary(query: prompt.query, generation: state.libraryScreen.searchGeneration)]
    }

    /// Finds the matches of the query so far and moves to the first one at or after the origin.
    static func updateIncrementalSearch(_ prompt: SearchPrompt, _ state: inout AppState) {
        restoreOrigin(prompt, &state)
        guard !prompt.query.isEmpty else {
            state.search.result = nil
            return
        }
        state.search.result = SearchMatches(query: prompt.query, matches: findMatches(prompt.query, state))
        let positions = matchPositions(state)
        if let target = positions.first(where: { $0 >= prompt.originCursor }) ?? positions.first {
            moveToPosition(target, &state)
        }
    }

    static func findMatches(_ query: String, _ state: AppState) -> [Range<Int>] {
        if let reader = state.reader { return reader.document.matches(of: query) }
        let needle = query.lowercased()
        return state.library.articles.indices.compactMap { index in
            let article = state.library.articles[index]
            let haystack = (article.title + " " + article.path).lowercased()
            return haystack.contains(needle) ? index..<index + 1 : nil
        }
    }

    /// For each match, the sentence (reader) or article (library) it is in, in text order.
    static func matchPositions(_ state: AppState) -> [Int] {
        guard let search = state.search.result else { return [] }
        guard let reader = state.reader else { return search.matches.map(\.lowerBound) }
        return search.matches.compactMap { range in
            reader.document.sentenceIndex(containing: reader.document.glyphs.offset(range.lowerBound))
        }
    }

    static func moveToPosition(_ position: Int, _ state: inout AppState) {
        if var reader = state.reader {
            reader.cursor = position
            ReaderReducer.keepCursorVisible(&reader, state.geometry)
            state.reader = reader
        } else {
            state.libraryScreen.cursor.index = position
            LibraryReducer.clamp(&state.libraryScreen, state.geometry)
        }
    }

    /// n / N: the next or previous match outside the current sentence (article), wrapping around.
    static func jumpToMatch(forward: Bool, _ state: inout AppState) {
        guard let search = state.search.result, !search.query.isEmpty else {
            state.message = StatusMessage("No search yet: press / to search.")
            return
        }
        let positions = Array(Set(matchPositions(state))).sorted()
        guard !positions.isEmpty else {
            state.message = StatusMessage("No match for “\(search.query)”.", level: .warning)
            return
        }
        let current = state.reader?.cursor ?? state.libraryScreen.cursor.index
        var target: Int
        var wrapped = false
        if forward {
            if let next = positions.first(where: { $0 > current }) { target = next } else {
                target = positions[0]
                wrapped = true
            }
        } else {
            if let previous = positions.last(where: { $0 < current }) { target = previous } else {
                target = positions[positions.count - 1]
                wrapped = true
            }
        }
        moveToPosition(target, &state)
        let number = (positions.firstIndex(of: target) ?? 0) + 1
        let suffix = wrapped ? (forward ? " (wrapped to the top)" : " (wrapped to the bottom)") : ""
        state.message = StatusMessage("“\(search.query)”: match \(number) of \(positions.count)\(suffix)")
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
            ReaderReducer.keepCursorVisible(&reader, state.geometry)
            state.reader = reader
        }
        var matches: [Range<Int>] = []
        for sentence in reader.document.sentences {
            for range in matcher.hits(in: scalars, span: sentence).ranges {
                let glyphs = reader.document.glyphIndex(atOffset: range.start)..<reader.document.glyphIndex(atOffset: range.end)
                if !glyphs.isEmpty { matches.append(glyphs) }
            }
        }
        state.search.result = matches.isEmpty ? nil : SearchMatches(query: query, matches: matches)
        // As the article's own search says it: matches, and the places n and N go through.
        state.message = matches.isEmpty ? StatusMessage("“\(query)” is not in the text as it is now.")
            : matchSummary(state.search.result, places: Set(matchPositions(state)).count, query: query)
    }
}
