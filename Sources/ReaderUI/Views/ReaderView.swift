import GlossaCore

/// The open article: wrapped text with the current sentence highlighted, the gutter, the pane.
enum ReaderView {
    static let cursorMarker = "▌"

    static func render(_ state: AppState, _ geometry: ScreenGeometry, into buffer: inout ScreenBuffer) {
        guard let reader = state.reader else { return }
        let theme = state.theme
        let article = state.library.articles[reader.articleIndex]
        RootView.renderTitleBar(article.title, right: article.date?.iso ?? "undated",
                                theme: theme, rect: geometry.titleBar, into: &buffer)
        renderText(reader, state, geometry, into: &buffer)
        if let separator = geometry.separatorX {
            for y in geometry.body.y..<geometry.body.maxY {
                buffer.put("│", x: separator, y: y, style: theme.separator)
            }
        }
        if let pane = geometry.pane {
            PaneView.render(state, in: pane, into: &buffer)
        }
    }

    static func renderText(_ reader: ReaderState, _ state: AppState, _ geometry: ScreenGeometry, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let document = reader.document
        let lines = reader.layout.lines
        let cursorSpan = document.sentences.indices.contains(reader.cursor) ? document.sentences[reader.cursor] : nil
        let matches = state.search?.matches ?? []
        var matchIndex = 0
        let text = geometry.text
        for row in 0..<text.height {
            let lineIndex = reader.top + row
            guard lineIndex < lines.count else { break }
            let line = lines[lineIndex]
            let y = text.y + row
            var x = text.x
            var lineHasCursor = false
            for glyphIndex in line.glyphs {
                let glyph = document.glyphs[glyphIndex]
                var style = Style.plain
                if let title = document.titleSpan, title.contains(glyph.offset) { style = theme.title }
                if let cursorSpan, cursorSpan.contains(glyph.offset) {
                    style = merge(theme.cursorSentence, over: style)
                    lineHasCursor = true
                }
                while matchIndex < matches.count, matches[matchIndex].upperBound <= glyphIndex { matchIndex += 1 }
                if matchIndex < matches.count, matches[matchIndex].contains(glyphIndex) { style = theme.searchMatch }
                guard let next = buffer.put(cell: glyph.text, width: Int(glyph.width), x: x, y: y, limit: text.maxX, style: style) else { break }
                x = next
            }
            if lineHasCursor {
                buffer.put(cursorMarker, x: geometry.gutter.x, y: y, style: theme.cursorGutter)
            }
        }
    }

    /// The top style's colours and attributes, keeping bold from below.
    static func merge(_ top: Style, over bottom: Style) -> Style {
        var style = top
        style.bold = top.bold || bottom.bold
        return style
    }
}
