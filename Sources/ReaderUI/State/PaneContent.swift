import Extraction
import GlossaCore
import Linking

/// One line of the annotation pane.
public struct PaneLine: Equatable, Sendable {
    public enum Role: Equatable, Sendable { case heading, label, text, faint, blank, selected }
    public var text: String
    public var role: Role
    /// The index in the pane's selectable items (`AppState.paneItems`) of what this line shows, if any.
    public var item: Int?
    /// A badge drawn in its own style at the line's second column.
    public var badge: Annotation?

    public init(text: String, role: Role, item: Int? = nil, badge: Annotation? = nil) {
        self.text = text
        self.role = role
        self.item = item
        self.badge = badge
    }
}

/// What the pane lists for selection: the current sentence's linked events, then the article's notes.
public enum PaneItem: Equatable, Sendable {
    case link(EventReference)
    case note(Annotation)
}

extension AppState {
    /// The pane's content wrapped to its width (one column of padding on the left): what the pane
    /// draws, and what the reducer scrolls through.
    public func paneLines(width: Int) -> [PaneLine] { PaneContent.lines(for: self, width: width) }
}

/// The annotation pane's content: the current sentence's annotation and linked events, its actors
/// and numbers, the article's notes, actors and metadata.
enum PaneContent {
    static func lines(for state: AppState, width: Int) -> [PaneLine] {
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
        annotationLines(state, reader, inner: inner, into: &lines)
        // Linked events right after the sentence's own annotation: differing figures are what an
        // analyst wants to see first.
        linkLines(state, reader, inner: inner, into: &lines)
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
            let selected = state.selectedActor?.span
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
        noteList(state, reader, inner: inner, into: &lines)
        lines.append(PaneLine(text: "", role: .blank))
        add("Actors in this article", .heading)
        let counts = reader.document.actorCounts
        if counts.isEmpty { add("none found", .faint) }
        for actor in counts {
            lines.append(PaneLine(text: WordWrap.truncate("\(String(actor.count).leftPadded(3)) \(actor.name) (\(actor.type.code))", width: inner), role: .text))
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

    /// The current sentence's annotations, or how to make one.
    static func annotationLines(_ state: AppState, _ reader: ReaderState, inner: Int, into lines: inout [PaneLine]) {
        func add(_ text: String, _ role: PaneLine.Role, indent: String = "  ") {
            for (index, line) in WordWrap.wrap(text, width: max(1, inner - indent.count)).enumerated() {
                lines.append(PaneLine(text: (index == 0 ? "" : indent) + line, role: role))
            }
        }
        lines.append(PaneLine(text: "Claim / note", role: .heading))
        let here = state.annotations(inSentence: reader.cursor)
        if here.isEmpty {
            let keys = state.keyMap
            add("none · \(keys.hint(.claim, on: .reader)) claim · \(keys.hint(.verdictSupported, on: .reader))–\(keys.hint(.verdictOpinion, on: .reader)) verdict · \(keys.hint(.note, on: .reader)) note · \(keys.hint(.tag, on: .reader)) tag", .faint)
        }
        for annotation in here {
            lines.append(PaneLine(text: "    " + Badge.summary(annotation), role: .label, badge: annotation))
            if let reader = state.reader {
                let sentence = reader.document.sentences[reader.cursor]
                if annotation.span != sentence {
                    add("  covers " + reader.document.describe(annotation.span) + ": “" + WordWrap.truncate(annotation.quote.exact.collapsingWhitespace, width: max(8, inner - 12)) + "”", .faint, indent: "    ")
                }
            }
            if !annotation.note.isEmpty { add("Note: " + annotation.note, .text, indent: "      ") }
            if !annotation.tags.isEmpty { add("Tags: " + annotation.tags.joined(separator: ", "), .text, indent: "      ") }
        }
        if let editor = state.notes.editor, editor.purpose == .note || editor.purpose == .tags {
            add("(editing below: Enter saves, Esc cancels)", .faint)
        }
        lines.append(PaneLine(text: "", role: .blank))
    }

    /// The sentence's linked events in other articles: what is shared, how sure, figures that differ,
    /// and each other article's title, date and sentence; selectable, Enter follows.
    static func linkLines(_ state: AppState, _ reader: ReaderState, inner: Int, into lines: inout [PaneLine]) {
        let links = state.linkedEvents
        guard !links.isEmpty else { return }
        lines.append(PaneLine(text: "Linked events (\(links.count))", role: .heading))
        let focused = state.focus == .pane
        var shown: Set<String> = []
        for (index, link) in links.enumerated() {
            if shown.insert(link.cluster.id).inserted {
                for line in WordWrap.wrap(link.event.label, width: inner) { lines.append(PaneLine(text: line, role: .label)) }
                let reasons = "shared: " + link.cluster.reasons.joined(separator: " · ") + String(format: " (%.2f)", link.cluster.confidence)
                for line in WordWrap.wrap(reasons, width: inner) { lines.append(PaneLine(text: line, role: .faint)) }
                for difference in state.events.disagreements(in: link.cluster) {
                    for line in WordWrap.wrap("⚠ " + difference, width: inner) { lines.append(PaneLine(text: line, role: .label)) }
                }
            }
            let selected = focused && index == reader.pane.selection
            let article = state.library.positions[link.target.article].map { state.library.articles[$0] }
            let other = state.events.event(link.target)
            let head = (selected ? "▸ " : "  ") + (other?.date ?? article?.date?.iso ?? "undated") + " · " + (article?.title ?? link.target.article)
            lines.append(PaneLine(text: WordWrap.truncate(head, width: inner), role: selected ? .selected : .text, item: index))
            let sentence = article.map { state.events.quote(of: link.target, text: $0.text) } ?? ""
            if !sentence.isEmpty {
                for line in WordWrap.wrap("“" + sentence + "”", width: max(1, inner - 4)).prefix(3) {
                    lines.append(PaneLine(text: "    " + line, role: .faint, item: index))
                }
            }
        }
        lines.append(PaneLine(text: "", role: .blank))
    }

    /// Every note of the article, selectable when the pane has focus; Enter goes to its sentence.
    static func noteList(_ state: AppState, _ reader: ReaderState, inner: Int, into lines: inout [PaneLine]) {
        let notes = state.paneNotes
        let first = state.linkedEvents.count
        lines.append(PaneLine(text: notes.isEmpty ? "Notes in this article" : "Notes in this article (\(notes.count))", role: .heading))
        if notes.isEmpty { lines.append(PaneLine(text: "none yet", role: .faint)) }
        let focused = state.focus == .pane
        for (index, note) in notes.enumerated() {
            let selected = focused && first + index == reader.pane.selection
            let marker = selected ? "▸ " : "  "
            let place: String
            if note.isOrphan {
                place = "orphan"
            } else {
                place = reader.document.sentenceIndex(containing: note.span.start).map { "S\($0 + 1)" } ?? ""
            }
            let body = note.note.isEmpty ? "“" + note.quote.exact.collapsingWhitespace + "”" : note.note
            let text = marker + "  " + place + " " + body
            lines.append(PaneLine(text: WordWrap.truncate(text, width: inner), role: selected ? .selected : (note.isOrphan ? .faint : .text),
                                  item: first + index, badge: note))
        }
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
    /// White space runs as one space, trimmed: a quote on one line.
    var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
