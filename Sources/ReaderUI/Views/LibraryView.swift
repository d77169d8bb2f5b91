import GlossaCore

/// The article list: date, words and title, newest first.
enum LibraryView {
    static let dateWidth = 10
    static let wordsWidth = 6
    static let notesWidth = 5

    static func render(_ state: AppState, _ geometry: ScreenGeometry, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let articles = state.library.articles
        let noun = articles.count == 1 ? "article" : "articles"
        var title = "Library · \(state.library.root)"
        var right = "\(articles.count.grouped) \(noun)"
        if let results = state.libraryScreen.results {
            title = "Search · “\(results.query)”"
            right = "\(state.libraryScreen.listing.count.grouped) of \(articles.count.grouped) \(noun)"
        } else if state.libraryScreen.filter.isActive {
            right = "\(state.libraryScreen.listing.count.grouped) of \(articles.count.grouped) \(noun)"
        }
        if state.libraryScreen.filter.isActive { title += " · " + state.libraryScreen.filter.summary }
        RootView.renderTitleBar(title, right: right, theme: theme, rect: geometry.titleBar, into: &buffer)
        let body = geometry.body
        let header = Rect(x: body.x, y: body.y, width: body.width, height: 1)
        buffer.fill(header, style: theme.heading)
        let headerText = state.libraryScreen.results == nil ? row(date: "Date", words: "Words", notes: "Notes", title: "Title")
            : row(date: "Date", title: "Title", width: titleWidth(body.width)) + "Sentence"
        buffer.put(headerText, x: 0, y: header.y, limit: body.maxX, style: theme.heading)
        guard !state.libraryScreen.listing.isEmpty else {
            renderEmpty(state, body, into: &buffer)
            return
        }
        for row in 0..<(body.height - 1) {
            let index = state.libraryScreen.cursor.top + row
            guard index < state.libraryScreen.listing.count else { break }
            let entry = state.libraryScreen.listing[index]
            let article = articles[entry.article]
            let y = body.y + 1 + row
            let selected = index == state.libraryScreen.cursor.index
            let style = selected ? theme.selection : .plain
            if selected { buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: style) }
            if let hitIndex = entry.hit, let hit = state.libraryScreen.results?.hits[hitIndex] {
                renderHit(hit, article, selected: selected, theme: theme, x: body.x, y: y, width: body.width, into: &buffer)
                continue
            }
            let notes = state.notes.annotations[article.path]?.count ?? 0
            let words = article.isLoaded || article.wordCount > 0 ? String(article.wordCount) : "…"
            let text = self.row(date: article.date?.iso ?? "—", words: words, notes: notes == 0 ? "·" : String(notes), title: article.title)
            buffer.put(WordWrap.truncate(text, width: body.width - 1), x: body.x, y: y, style: style)
        }
    }

    static func renderEmpty(_ state: AppState, _ body: Rect, into buffer: inout ScreenBuffer) {
        let lines: [String]
        if state.library.articles.isEmpty {
            lines = ["No articles in \(state.library.root).", "Glossa reads .txt and .md files (in subfolders too)."]
        } else if let results = state.libraryScreen.results {
            let reading = state.indexing.map { " The library is still being read (\($0.percent)%): more may come." } ?? ""
            lines = ["No article has “\(results.query)”" + (state.libraryScreen.filter.isActive ? " through the filters." : ".") + reading,
                     "Every word must appear; a word also finds longer ones (Wahl → Wahlen). "
                        + "\(state.keyMap.hint(.clearFilters, on: .library, preferring: .escape)) goes back."]
        } else {
            lines = ["No article matches the filters (\(state.libraryScreen.filter.summary)).",
                     "\(state.keyMap.hint(.clearFilters, on: .library)) clears them."]
        }
        for (index, line) in lines.enumerated() {
            buffer.put(WordWrap.truncate(line, width: body.width - 4), x: 2, y: body.y + 2 + index, style: index == 0 ? state.theme.title : .plain)
        }
    }

    /// Columns for the title in a results row: about a third of the width.
    static func titleWidth(_ width: Int) -> Int { max(12, min(48, (width - dateWidth - 4) / 3)) }

    /// A search result: date, title, and the matching sentence with the query's words highlighted.
    static func renderHit(_ hit: LibraryHit, _ article: Article, selected: Bool, theme: Theme, x: Int, y: Int, width: Int,
                          into buffer: inout ScreenBuffer) {
        let style = selected ? theme.selection : Style.plain
        let head = row(date: article.date?.iso ?? "—", title: WordWrap.truncate(article.title, width: titleWidth(width)), width: titleWidth(width))
        var column = buffer.put(head, x: x, y: y, limit: x + width, style: style)
        let characters = Array(hit.snippet)
        var highlight = theme.searchMatch
        if selected { highlight = ReaderView.highlight(highlight, with: theme.selection) }
        var index = 0
        for range in hit.highlights + [characters.count..<characters.count] {
            guard range.lowerBound >= index, range.upperBound <= characters.count else { continue }
            column = buffer.put(String(characters[index..<range.lowerBound]), x: column, y: y, limit: x + width - 1, style: style)
            column = buffer.put(String(characters[range]), x: column, y: y, limit: x + width - 1, style: highlight)
            index = range.upperBound
        }
    }

    static func row(date: String, title: String, width: Int) -> String {
        let datePad = String(repeating: " ", count: max(0, dateWidth - DisplayText.width(of: date)))
        let titlePad = String(repeating: " ", count: max(0, width - DisplayText.width(of: title)))
        return " " + date + datePad + "  " + title + titlePad + "  "
    }

    static func row(date: String, words: String, notes: String, title: String) -> String {
        let datePad = String(repeating: " ", count: max(0, dateWidth - DisplayText.width(of: date)))
        return " " + date + datePad + "  " + words.leftPadded(wordsWidth) + "  " + notes.leftPadded(notesWidth) + "  " + title
    }
}
