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
        RootView.renderTitleBar("Library · \(state.library.root)", right: "\(articles.count) \(noun)",
                                theme: theme, rect: geometry.titleBar, into: &buffer)
        let body = geometry.body
        let header = Rect(x: body.x, y: body.y, width: body.width, height: 1)
        buffer.fill(header, style: theme.heading)
        buffer.put(row(date: "Date", words: "Words", notes: "Notes", title: "Title"), x: 0, y: header.y, limit: body.maxX, style: theme.heading)
        guard !articles.isEmpty else {
            let lines = ["No articles in \(state.library.root).", "Glossa reads .txt and .md files (in subfolders too)."]
            for (index, line) in lines.enumerated() {
                buffer.put(WordWrap.truncate(line, width: body.width - 4), x: 2, y: body.y + 2 + index, style: index == 0 ? theme.title : .plain)
            }
            return
        }
        let matched = Set(state.search?.matches.map(\.lowerBound) ?? [])
        for row in 0..<(body.height - 1) {
            let index = state.libraryTop + row
            guard index < articles.count else { break }
            let article = articles[index]
            let y = body.y + 1 + row
            let selected = index == state.libraryCursor
            let style = selected ? theme.selection : .plain
            if selected { buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: style) }
            let notes = state.annotations[article.path]?.count ?? 0
            let text = self.row(date: article.date?.iso ?? "—", words: String(article.wordCount),
                                notes: notes == 0 ? "·" : String(notes), title: article.title)
            buffer.put(WordWrap.truncate(text, width: body.width - 1), x: body.x, y: y, style: style)
            if matched.contains(index), !selected {
                buffer.restyle(Rect(x: body.x + 1 + dateWidth + 2 + wordsWidth + 2 + notesWidth + 2, y: y, width: DisplayText.width(of: article.title), height: 1)) {
                    $0 = theme.searchMatch
                }
            }
        }
    }

    static func row(date: String, words: String, notes: String, title: String) -> String {
        let datePad = String(repeating: " ", count: max(0, dateWidth - DisplayText.width(of: date)))
        return " " + date + datePad + "  " + words.leftPadded(wordsWidth) + "  " + notes.leftPadded(notesWidth) + "  " + title
    }
}
