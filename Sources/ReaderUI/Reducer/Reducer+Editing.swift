import GlossaCore

extension Reducer {
    /// Keys typed into the note or tag editor: Enter saves, Esc (or Ctrl-C) cancels, the rest edits.
    static func editorKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var editor = state.editor else { return [] }
        switch key {
        case .escape, .ctrl("c"):
            state.editor = nil
            state.message = StatusMessage(editor.purpose == .note ? "Note not changed." : "Tags not changed.")
            return []
        case .enter:
            state.editor = nil
            state.savingEditor = editor
            var target = editor.target
            let before = editor.exists ? editor.target : nil
            switch editor.purpose {
            case .note:
                target.note = editor.line.text.trimmingCharacters(in: .whitespaces)
            case .tags:
                target.tags = parseTags(editor.line.text)
            }
            if target.isEmpty { return change(before, nil, before == nil ? "Nothing saved." : "Removed the empty note.") }
            let what = editor.purpose == .note ? (target.note.isEmpty ? "Note removed." : "Note saved.")
                : (target.tags.isEmpty ? "Tags removed." : "Tags: \(target.tags.joined(separator: ", ")).")
            return change(before, target, what)
        default:
            editor.line.apply(key)
            state.editor = editor
            return []
        }
    }

    /// Comma-separated tags, trimmed, without empty ones or repeats, in the order typed.
    static func parseTags(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// Keys while a claim's span is adjusted.
    static func spanCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard var edit = state.spanEdit, let reader = state.reader else { return [] }
        let document = reader.document
        var span = edit.span
        switch command {
        case .close:
            state.spanEdit = nil
            state.message = StatusMessage("The claim keeps its span.")
            return []
        case .spanSave:
            state.spanEdit = nil
            guard span != edit.target.span || edit.original == nil else {
                state.message = StatusMessage("The claim keeps its span.")
                return []
            }
            var target = edit.target
            let article = state.library.articles[reader.articleIndex]
            target.span = span
            target.quote = Anchoring.selector(for: span, in: ScalarClass.scalars(of: article.text))
            target.textHash = document.textHash
            target.isClaim = true
            if let sentence = document.sentenceIndex(containing: span.start) {
                var moved = reader
                moved.cursor = sentence
                state.reader = moved
            }
            return change(edit.original, target, "Claim now covers " + describe(span, document) + ".")
        case .spanEndLater: span.end = document.wordEnd(after: span.end) ?? span.end
        case .spanEndEarlier: span.end = document.wordEnd(before: span.end, after: span.start) ?? span.end
        case .spanStartLater: span.start = document.wordStart(after: span.start, before: span.end) ?? span.start
        case .spanStartEarlier: span.start = document.wordStart(before: span.start) ?? span.start
        case .spanNextSentence:
            if let last = document.sentenceIndex(containing: span.end - 1), last + 1 < document.sentences.count {
                span.end = document.sentences[last + 1].end
            }
        case .spanPreviousSentence:
            if let last = document.sentenceIndex(containing: span.end - 1), last > 0, document.sentences[last - 1].end > span.start {
                span.end = document.sentences[last - 1].end
            } else {
                state.message = StatusMessage("The claim is within one sentence: h and H narrow it by words.")
            }
        default:
            return []
        }
        if span == edit.span, state.message == nil {
            state.message = StatusMessage("The claim cannot go further that way.")
        }
        edit.span = span
        state.spanEdit = edit
        keepOffsetVisible(span.end - 1, &state)
        if state.message == nil { state.message = StatusMessage("Claim span: " + describe(span, document) + " · Enter saves · Esc cancels") }
        return []
    }

    /// Scrolls the text so that the line showing an offset is on screen.
    static func keepOffsetVisible(_ offset: Int, _ state: inout AppState) {
        guard var reader = state.reader else { return }
        let height = max(1, ScreenGeometry(size: state.size, pane: state.pane).text.height)
        let line = reader.layout.line(containing: offset)
        if line < reader.top { reader.top = line }
        if line >= reader.top + height { reader.top = line - height + 1 }
        state.reader = reader
    }

    /// "2 sentences", "1 sentence", or "part of a sentence (5 words)".
    static func describe(_ span: TextSpan, _ document: Document) -> String {
        let covered = document.sentences.filter { $0.overlaps(span) }
        if covered.count == 1, covered[0] != span {
            let words = document.wordCount(in: span)
            return "part of a sentence (\(words) word\(words == 1 ? "" : "s"))"
        }
        return "\(covered.count) sentence\(covered.count == 1 ? "" : "s")"
    }
}
