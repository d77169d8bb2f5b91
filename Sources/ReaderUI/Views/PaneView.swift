import GlossaCore

/// One line of the annotation pane.
public struct PaneLine: Equatable, Sendable {
    public enum Role: Equatable, Sendable { case heading, label, text, faint, blank }
    public var text: String
    public var role: Role
}

/// The annotation pane: for now the current sentence's position and the article's metadata.
public enum PaneView {
    static func render(_ state: AppState, in rect: Rect, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let focused = state.focus == .pane
        let header = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(header, style: focused ? theme.headingFocused : theme.heading)
        buffer.put(" Annotations" + (focused ? " (focus)" : ""), x: rect.x, y: rect.y, limit: rect.maxX,
                   style: focused ? theme.headingFocused : theme.heading)
        let lines = self.lines(for: state, width: rect.width)
        let scroll = state.reader?.paneScroll ?? 0
        for row in 0..<(rect.height - 1) {
            let index = scroll + row
            guard index < lines.count else { break }
            let line = lines[index]
            let style: Style
            switch line.role {
            case .heading: style = theme.heading
            case .label: style = theme.label
            case .faint: style = theme.faint
            case .text, .blank: style = .plain
            }
            buffer.put(line.text, x: rect.x + 1, y: rect.y + 1 + row, limit: rect.maxX, style: style)
        }
    }

    /// The pane's content wrapped to its width (one column of padding on the left).
    public static func lines(for state: AppState, width: Int) -> [PaneLine] {
        guard let reader = state.reader else { return [] }
        let article = state.library.articles[reader.articleIndex]
        let inner = max(1, width - 2)
        var lines: [PaneLine] = []
        func add(_ text: String, _ role: PaneLine.Role) {
            for wrapped in WordWrap.wrap(text, width: inner) { lines.append(PaneLine(text: wrapped, role: role)) }
        }
        func field(_ label: String, _ value: String) {
            let labelText = label.padding(toLength: 10, withPad: " ", startingAt: 0)
            let valueLines = WordWrap.wrap(value, width: max(1, inner - 10))
            for (index, valueLine) in valueLines.enumerated() {
                lines.append(PaneLine(text: (index == 0 ? labelText : String(repeating: " ", count: 10)) + valueLine, role: .text))
            }
        }
        let count = reader.document.sentences.count
        add("Sentence", .heading)
        if count == 0 {
            add("This article has no text.", .faint)
        } else {
            let span = reader.document.sentences[reader.cursor]
            field("Position", "\(reader.cursor + 1) of \(count)")
            field("Offsets", "\(span.start)–\(span.end)")
            lines.append(PaneLine(text: "", role: .blank))
            add("Numbers", .heading)
            let numbers = reader.document.numbers(inSentence: reader.cursor)
            if numbers.isEmpty { add("none in this sentence", .faint) }
            for number in numbers {
                add(number.text, .text)
                var details = number.kind.rawValue
                if let qualifier = number.qualifier { details += ", " + qualifier.rawValue.replacingOccurrences(of: "_", with: " ") }
                add("  → " + number.displayValue.replacingOccurrences(of: " ", with: "\u{A0}") + " (\(details))", .label)
            }
        }
        lines.append(PaneLine(text: "", role: .blank))
        add("Article", .heading)
        add(article.title, .text)
        field("Date", dateText(article))
        if let source = article.metadata.source { field("Source", source) }
        field("File", article.path)
        field("Words", String(article.wordCount))
        field("Sentences", String(count))
        if article.hadInvalidUTF8 {
            lines.append(PaneLine(text: "", role: .blank))
            add("Invalid UTF-8 in this file was replaced by �.", .faint)
        }
        return lines
    }

    static func dateText(_ article: Article) -> String {
        guard let date = article.date else { return "none found" }
        switch article.metadata.dateSource {
        case .header: return date.iso + " (header)"
        case .frontMatter: return date.iso + " (front matter)"
        case .dateline: return date.iso + " (dateline)"
        case nil: return date.iso
        }
    }
}
