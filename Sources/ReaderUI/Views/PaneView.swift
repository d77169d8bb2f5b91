import Extraction
import GlossaCore

/// One line of the annotation pane.
public struct PaneLine: Equatable, Sendable {
    public enum Role: Equatable, Sendable { case heading, label, text, faint, blank }
    public var text: String
    public var role: Role
}

/// The annotation pane: the current sentence (its actors and numbers), the article's actors with
/// their counts, and the article's metadata.
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
            add("Actors", .heading)
            let actors = reader.document.actors(inSentence: reader.cursor)
            if actors.isEmpty { add("none in this sentence", .faint) }
            let selected = Reducer.selectedActor(state)?.span
            for actor in actors {
                let marker = actor.span == selected ? "▸ " : "  "
                let text = actor.text == actor.name ? actor.name : "\(actor.text) → \(actor.name)"
                let kind = actor.type.rawValue + (actor.part ? ", in a compound" : "")
                for (index, line) in WordWrap.wrap(text + " (" + kind + ")", width: max(1, inner - 2)).enumerated() {
                    lines.append(PaneLine(text: (index == 0 ? marker : "  ") + line, role: actor.span == selected ? .label : .text))
                }
            }
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
        add("Actors in this article", .heading)
        let counts = articleActors(reader.document.actors)
        if counts.isEmpty { add("none found", .faint) }
        for (name, type, count) in counts {
            lines.append(PaneLine(text: WordWrap.truncate("\(String(count).leftPadded(3)) \(name) (\(type.code))", width: inner), role: .text))
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

    /// The article's actors with their mention counts, most named first.
    static func articleActors(_ mentions: [ActorMention]) -> [(String, ActorType, Int)] {
        var counts: [String: (String, ActorType, Int)] = [:]
        var order: [String] = []
        for mention in mentions {
            if counts[mention.actor] == nil { order.append(mention.actor) }
            var entry = counts[mention.actor] ?? (mention.name, mention.type, 0)
            entry.2 += 1
            counts[mention.actor] = entry
        }
        return order.compactMap { counts[$0] }.enumerated().sorted { ($0.element.2, -$0.offset) > ($1.element.2, -$1.offset) }.map(\.element)
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

extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
