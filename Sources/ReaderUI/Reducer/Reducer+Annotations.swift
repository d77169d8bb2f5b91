import GlossaCore

extension Reducer {
    /// The open article's annotations in reading order (orphans last in the pane, but here in place).
    static func articleAnnotations(_ state: AppState) -> [Annotation] {
        guard let reader = state.reader else { return [] }
        return state.annotations[state.library.articles[reader.articleIndex].path] ?? []
    }

    /// The placed annotations that overlap a sentence.
    static func annotations(inSentence index: Int, _ state: AppState) -> [Annotation] {
        guard let reader = state.reader, reader.document.sentences.indices.contains(index) else { return [] }
        let sentence = reader.document.sentences[index]
        return articleAnnotations(state).filter { !$0.isOrphan && $0.span.overlaps(sentence) }
    }

    /// What annotation keys act on: the note selected in the focused pane, else the current
    /// sentence's annotation (the one that covers exactly the sentence first).
    static func currentAnnotation(_ state: AppState) -> Annotation? {
        guard let reader = state.reader else { return nil }
        if state.focus == .pane {
            let items = paneItems(state)
            guard items.indices.contains(reader.paneSelection), case .note(let note) = items[reader.paneSelection] else { return nil }
            return note
        }
        let here = annotations(inSentence: reader.cursor, state)
        let sentence = reader.document.sentences.indices.contains(reader.cursor) ? reader.document.sentences[reader.cursor] : nil
        return here.first { $0.span == sentence } ?? here.first
    }

    /// The pane's list of the article's notes: placed ones in reading order, then orphans.
    static func paneNotes(_ state: AppState) -> [Annotation] {
        let all = articleAnnotations(state)
        return all.filter { !$0.isOrphan } + all.filter(\.isOrphan)
    }

    static func annotationCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let reader = state.reader else { return [] }
        if command == .undo { return undo(&state) }
        if let problem = state.storeProblem {
            state.message = StatusMessage("Annotations cannot be saved: \(problem)", level: .warning)
            return []
        }
        guard reader.document.sentences.indices.contains(reader.cursor) else {
            state.message = StatusMessage("This article has no sentence to annotate.")
            return []
        }
        let existing = currentAnnotation(state)
        if let existing, existing.isOrphan, command != .deleteAnnotation {
            state.message = StatusMessage("This annotation lost its place in the changed text; d deletes it.", level: .warning)
            return []
        }
        var target = existing ?? newAnnotation(span: reader.document.sentences[reader.cursor], &state)
        switch command {
        case .claim:
            if target.isClaim {
                target.isClaim = false
                target.verdict = nil
                return change(existing, target.isEmpty ? nil : target, target.isEmpty ? "Claim removed." : "No longer a claim; its note stays.")
            }
            target.isClaim = true
            return change(existing, target, "Marked as a claim. Verdict: \(verdictKeys(state)).")
        case .deleteAnnotation:
            guard let existing else {
                state.message = StatusMessage("Nothing to delete here.")
                return []
            }
            return change(existing, nil, "Deleted the \(kind(existing)); \(state.keyMap.hint(.undo, on: .reader)) undoes.")
        case .note, .tag:
            let purpose: EditorState.Purpose = command == .note ? .note : .tags
            let text = purpose == .note ? target.note : target.tags.joined(separator: ", ")
            state.editor = EditorState(purpose: purpose, line: LineEditor(text), target: target, exists: existing != nil)
            return []
        case .adjustClaim:
            target.isClaim = true
            state.spanEdit = SpanEditState(span: target.span, original: existing, target: target)
            state.message = StatusMessage("Claim span: h/l end by a word · H/L start · j/k by sentence · Enter saves · Esc cancels")
            return []
        default:
            guard let verdict = command.verdict else { return [] }
            if target.verdict == verdict {
                target.verdict = nil
                return change(existing, target, "Verdict removed.")
            }
            target.verdict = verdict
            target.isClaim = true
            return change(existing, target, "Verdict: \(verdict.label).")
        }
    }

    /// A new annotation on a span of the open article (not stored yet).
    static func newAnnotation(span: TextSpan, _ state: inout AppState) -> Annotation {
        let reader = state.reader!
        let article = state.library.articles[reader.articleIndex]
        return Annotation(id: state.annotationIDs.next(), article: article.path, span: span,
                          quote: Anchoring.selector(for: span, in: ScalarClass.scalars(of: article.text)),
                          textHash: reader.document.textHash, isClaim: false)
    }

    /// The effect that stores a change (nil before: new; nil after: deleted).
    static func change(_ before: Annotation?, _ after: Annotation?, _ message: String) -> [Effect] {
        if before == nil && after == nil { return [] }
        if let before, let after, before == after { return [] }
        return [.storeChange(AnnotationChange(before: before, after: after, message: message))]
    }

    /// Undoes the last stored change; it leaves the stack only once the store has committed the undo.
    static func undo(_ state: inout AppState) -> [Effect] {
        guard let last = state.undoStack.last else {
            state.message = StatusMessage("Nothing to undo.")
            return []
        }
        if let problem = state.storeProblem {
            state.message = StatusMessage("Annotations cannot be saved: \(problem)", level: .warning)
            return []
        }
        // The restored annotation replaces the stored one, so it carries the stored revision.
        var restored = last.before
        restored?.revision = last.after?.revision ?? 0
        let what = last.message.prefix { $0 != "." && $0 != ";" }
        var message = "Undone: " + what.prefix(1).lowercased() + what.dropFirst() + "."
        if let article = last.article, article != state.reader.map({ state.library.articles[$0.articleIndex].path }) {
            message += " (in \(article))"
        }
        return [.storeChange(AnnotationChange(before: last.after, after: restored, isUndo: true, message: message))]
    }

    /// A change the store committed: the state follows it, and it can be undone.
    static func applyStored(_ change: AnnotationChange, _ state: inout AppState) {
        guard let article = change.article else { return }
        var list = state.annotations[article] ?? []
        if let before = change.before { list.removeAll { $0.id == before.id } }
        if let after = change.after {
            list.removeAll { $0.id == after.id }
            list.append(after)
        }
        list.sort(by: Annotation.readingOrder)
        state.annotations[article] = list.isEmpty ? nil : list
        if change.isUndo {
            state.undoStack.removeLast()
        } else {
            state.undoStack.append(change)
            if state.undoStack.count > 500 { state.undoStack.removeFirst() }
        }
        state.savingEditor = nil
        state.message = StatusMessage(change.message)
        clampNoteSelection(&state)
    }

    static func kind(_ annotation: Annotation) -> String { annotation.isClaim ? "claim" : "note" }

    static func verdictKeys(_ state: AppState) -> String {
        let commands: [Command] = [.verdictSupported, .verdictDisputed, .verdictFalse, .verdictNeedsSource, .verdictOpinion]
        return commands.map { "\(state.keyMap.hint($0, on: .reader)) \($0.verdict!.label)" }.joined(separator: ", ")
    }

    // MARK: - The pane's note list

    static func clampNoteSelection(_ state: inout AppState) {
        guard var reader = state.reader else { return }
        reader.paneSelection = min(max(0, reader.paneSelection), max(0, paneItems(state).count - 1))
        state.reader = reader
    }

    static func moveNoteSelection(_ command: Command, _ state: inout AppState) {
        guard var reader = state.reader else { return }
        let count = paneItems(state).count
        switch command {
        case .moveDown: reader.paneSelection += 1
        case .moveUp: reader.paneSelection -= 1
        case .moveFirst: reader.paneSelection = 0
        case .moveLast: reader.paneSelection = count - 1
        default: return
        }
        reader.paneSelection = min(max(0, reader.paneSelection), max(0, count - 1))
        state.reader = reader
        keepNoteVisible(&state)
    }

    /// Scrolls the pane so that the selected note's line shows.
    static func keepNoteVisible(_ state: inout AppState) {
        guard var reader = state.reader, let pane = ScreenGeometry(size: state.size, pane: state.pane).pane else { return }
        let lines = PaneView.lines(for: state, width: pane.width)
        guard let row = lines.firstIndex(where: { $0.item == reader.paneSelection }) else { return }
        let visible = max(1, pane.height - 1)
        if row < reader.paneScroll { reader.paneScroll = row }
        if row >= reader.paneScroll + visible { reader.paneScroll = row - visible + 1 }
        reader.paneScroll = min(max(0, reader.paneScroll), max(0, lines.count - visible))
        state.reader = reader
    }

    /// Enter in the pane: follows the selected link, or goes to the selected note's sentence.
    static func openSelectedNote(_ state: inout AppState) {
        guard var reader = state.reader else { return }
        guard state.focus == .pane else {
            state.message = StatusMessage("Enter goes to the link or note selected in the pane: press \(state.keyMap.hint(.toggleFocus, on: .reader)) first.")
            return
        }
        let items = paneItems(state)
        guard items.indices.contains(reader.paneSelection) else {
            state.message = StatusMessage("This sentence has no linked events and the article no notes yet.")
            return
        }
        let note: Annotation
        switch items[reader.paneSelection] {
        case .link(let target):
            follow(target, &state)
            return
        case .note(let selected):
            note = selected
        }
        guard !note.isOrphan, let sentence = reader.document.sentenceIndex(containing: note.span.start) else {
            state.message = StatusMessage("This annotation could not be placed in the changed text; its quote is in the pane.", level: .warning)
            return
        }
        reader.cursor = sentence
        state.reader = reader
        state.focus = .text
        keepCursorVisible(&state)
    }
}
