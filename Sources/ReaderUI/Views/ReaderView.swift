import Extraction
import GlossaCore

/// The open article: wrapped text with the current sentence highlighted, the gutter, the pane.
enum ReaderView {
    static let cursorMarker = "▌"

    static func render(_ state: AppState, _ geometry: ScreenGeometry, into buffer: inout ScreenBuffer) {
        guard let reader = state.reader else {
            renderPreparing(state, geometry, into: &buffer)
            return
        }
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

    /// A large article on its way (`state.preparing`): its title, and a line saying so.
    static func renderPreparing(_ state: AppState, _ geometry: ScreenGeometry, into buffer: inout ScreenBuffer) {
        guard let preparing = state.preparing, state.library.articles.indices.contains(preparing.article) else { return }
        let article = state.library.articles[preparing.article]
        RootView.renderTitleBar(article.title, right: article.date?.iso ?? "undated",
                                theme: state.theme, rect: geometry.titleBar, into: &buffer)
        let line = "Preparing \(article.path) (\(article.text.utf8.count.byteSize)) …"
        let text = WordWrap.truncate(line, width: geometry.body.width - 4)
        buffer.put(text, x: geometry.body.x + 2, y: geometry.body.y + 1, style: state.theme.faint)
    }

    static func renderText(_ reader: ReaderState, _ state: AppState, _ geometry: ScreenGeometry, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let document = reader.document
        let lines = reader.layout.lines
        let cursorSpan = document.sentences.indices.contains(reader.cursor) ? document.sentences[reader.cursor] : nil
        // Each list is entered where the first shown line starts: drawing the end of a long article
        // costs what drawing its start does.
        let firstGlyph = lines.indices.contains(reader.top) ? lines[reader.top].glyphs.lowerBound : 0
        let firstOffset = lines.indices.contains(reader.top) ? lines[reader.top].startOffset : 0
        let matches = state.search.result?.matches ?? []
        var matchIndex = matches.partitioningIndex { $0.upperBound > firstGlyph }
        let numbers = document.numbers
        var numberIndex = numbers.partitioningIndex { $0.span.end > firstOffset }
        let actors = document.actors
        var actorIndex = actors.partitioningIndex { $0.span.end > firstOffset }
        let selected = state.selectedActor?.span
        let placed = state.articleAnnotations.filter { !$0.isOrphan }
        let annotatedSpans = merged(placed.map(\.span))
        var annotatedIndex = 0
        let editSpan = state.notes.spanEdit?.span
        let linkedStarts = state.linkedSentences.map { reader.document.sentences[$0].start }
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
                while numberIndex < numbers.count, numbers[numberIndex].span.end <= glyph.offset { numberIndex += 1 }
                if numberIndex < numbers.count, numbers[numberIndex].span.contains(glyph.offset) {
                    style = numberStyle(numbers[numberIndex].kind, theme)
                }
                while actorIndex < actors.count, actors[actorIndex].span.end <= glyph.offset { actorIndex += 1 }
                if actorIndex < actors.count, actors[actorIndex].span.contains(glyph.offset) {
                    style = actorStyle(actors[actorIndex].type, theme)
                    if let selected, selected.contains(glyph.offset) {
                        style.underline = style.underline || theme.actorSelected.underline
                        style.reverse = style.reverse || theme.actorSelected.reverse
                    }
                }
                while annotatedIndex < annotatedSpans.count, annotatedSpans[annotatedIndex].end <= glyph.offset { annotatedIndex += 1 }
                if glyph.kind == .visible, annotatedIndex < annotatedSpans.count, annotatedSpans[annotatedIndex].contains(glyph.offset) {
                    style.underline = style.underline || theme.annotated.underline
                }
                if let cursorSpan, cursorSpan.contains(glyph.offset) {
                    style = highlight(style, with: theme.cursorSentence)
                    lineHasCursor = true
                }
                while matchIndex < matches.count, matches[matchIndex].upperBound <= glyphIndex { matchIndex += 1 }
                if matchIndex < matches.count, matches[matchIndex].contains(glyphIndex) { style = theme.searchMatch }
                if let editSpan, editSpan.contains(glyph.offset) { style = theme.spanEdit }
                guard let next = buffer.put(cell: glyph.text, width: Int(glyph.width), x: x, y: y, limit: text.maxX, style: style) else { break }
                x = next
            }
            if lineHasCursor {
                buffer.put(cursorMarker, x: geometry.gutter.x, y: y, style: theme.cursorGutter)
            }
            renderBadge(line, lineIndex, placed, reader, theme, x: geometry.gutter.x + 1, y: y, into: &buffer)
            if !line.glyphs.isEmpty, linkedStarts.contains(where: {
                $0 >= document.glyphs.offset(line.glyphs.lowerBound) && $0 < document.endOffset(ofGlyph: line.glyphs.upperBound - 1)
            }) {
                buffer.put("»", x: geometry.gutter.x + 2, y: y, style: theme.linkMarker)
            }
        }
    }

    /// The gutter sign of the annotations on a line: the badge where one starts, a bar where one goes on.
    static func renderBadge(_ line: LayoutLine, _ lineIndex: Int, _ annotations: [Annotation], _ reader: ReaderState,
                            _ theme: Theme, x: Int, y: Int, into buffer: inout ScreenBuffer) {
        guard !line.glyphs.isEmpty, !annotations.isEmpty else { return }
        let document = reader.document
        let lineSpan = TextSpan(start: document.glyphs.offset(line.glyphs.lowerBound),
                                end: document.endOffset(ofGlyph: line.glyphs.upperBound - 1))
        if let starting = annotations.first(where: { lineSpan.contains($0.span.start) }) {
            buffer.put(Badge.symbol(starting), x: x, y: y, style: Badge.style(starting, theme))
        } else if let covering = annotations.first(where: { $0.span.overlaps(lineSpan) }) {
            buffer.put("│", x: x, y: y, style: Badge.style(covering, theme))
        }
    }

    /// Spans sorted and joined where they overlap.
    static func merged(_ spans: [TextSpan]) -> [TextSpan] {
        var result: [TextSpan] = []
        for span in spans.sorted() {
            if let last = result.last, span.start <= last.end {
                result[result.count - 1].end = max(last.end, span.end)
            } else {
                result.append(span)
            }
        }
        return result
    }

    static func numberStyle(_ kind: NumberKind, _ theme: Theme) -> Style {
        switch kind.group {
        case .money: return theme.numberMoney
        case .time: return theme.numberTime
        case .quantity: return theme.numberQuantity
        }
    }

    static func actorStyle(_ type: ActorType, _ theme: Theme) -> Style {
        switch type {
        case .person: return theme.actorPerson
        case .organization: return theme.actorOrganization
        case .place: return theme.actorPlace
        }
    }

    /// The cursor's background (or reverse) over a style, keeping its own colour and attributes.
    static func highlight(_ style: Style, with cursor: Style) -> Style {
        var result = style
        result.background = cursor.background
        result.foreground = style.foreground ?? cursor.foreground
        if let foreground = style.foreground, foreground == cursor.background {
            // Blue place names on the blue cursor line: keep them apart from plain text by underlining.
            result.foreground = cursor.foreground
            result.underline = true
        }
        result.reverse = result.reverse != cursor.reverse
        result.bold = style.bold || cursor.bold
        return result
    }
}
