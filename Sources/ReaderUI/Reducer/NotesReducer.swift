import GlossaCore

/// Annotations (`NotesState`): claims, verdicts, notes and tags by keypress, the note and tag
/// editor, adjusting a claim's span, undo, and what the store answers.
enum NotesReducer {
    /// What the store answered: a change committed, a change refused, an article's annotations.
    static func storeAction(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .changeStored(let change):
            applyStored(change, &state)
        case .storeFailed(let reason):
            state.message = StatusMessage(reason, level: .warning)
            if let editor = state.notes.savingEditor {
                // The typed text is not lost: the editor opens again with it.
                state.notes.editor = editor
                state.notes.savingEditor = nil
                state.message = StatusMessage(reason + " (your text is still in the editor)", level: .warning)
            }
        case .annotationsLoaded(let article, let list):
            state.notes.annotations[article] = list.isEmpty ? nil : list
            PaneReducer.clampSelection(&state)
            if state.libraryScreen.filter.withNotes { LibraryReducer.refreshListing(&state) }
        default:
            break
        }
        return []
    }

    static func annotationCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let reader = state.reader else { return [] }
        if command == .undo { return undo(&state) }
        if let problem = state.notes.storeProblem {
            state.message = StatusMessage("Annotations cannot be saved: \(problem)", level: .warning)
            return []
        }
        guard reader.document.sentences.indices.contains(reader.cursor) else {
            state.message = StatusMessage("This article has no sentence to annotate.")
            return []
        }
        let existing = state.currentAnnotation
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
            state.notes.editor = EditorState(purpose: purpose, line: LineEditor(text), target: target, exists: existing != nil)
            return []
        case .adjustClaim:
            target.isClaim = true
            state.notes.spanEdit = SpanEditState(span: target.span, original: existing, target: target)
            let keys = state.keyMap
            func pair(_ first: Command, _ second: Command) -> String { "\(keys.hint(first, on: .span))/\(keys.hint(second, on: .span))" }
            state.message = StatusMessage("Claim span: \(pair(.spanEndEarlier, .spanEndLater)) end by a word · \(pair(.spanStartEarlier, .spanStartLater)) start · "
                + "\(pair(.spanNextSentence, .spanPreviousSentence)) by sentence · " + savesOrCancels(state))
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
        return Annotation(id: state.notes.annotationIDs.next(), article: article.path, span: span,
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
        guard let last = state.notes.undoStack.last else {
            state.message = StatusMessage("Nothing to undo.")
            return []
        }
        if let problem = state.notes.storeProblem {
            state.message = StatusMessage("Annotations cannot be saved: \(problem)", level: .warning)
            return []
        }
        // The restored annotation replaces the stored one, so it carries the stored revision.
        var restored = last.before
        restored?.revision = last.after?.revision ?? 0
        let what = last.message.prefix { $0 != "." && $0 != ";" }
        var message = "Undone: " + what.prefix(1).lowercased() + what.dropFirst() + "."
        if let article = last.article, article != state.openArticle?.path {
            message += " (in \(article))"
        }
        return [.storeChange(AnnotationChange(before: last.after, after: restored, isUndo: true, message: message))]
    }

    /// A change the store committed: the state follows it, and it can be undone.
    static func applyStored(_ change: AnnotationChange, _ state: inout AppState) {
        guard let article = change.article else { return }
        var list = state.notes.annotations[article] ?? []
        if let before = change.before { list.removeAll { $0.id == before.id } }
        if let after = change.after {
            list.removeAll { $0.id == after.id }
            list.append(after)
        }
        list.sort(by: Annotation.readingOrder)
        state.notes.annotations[article] = list.isEmpty ? nil : list
        if change.isUndo {
            state.notes.undoStack.removeLast()
        } else {
            state.notes.undoStack.append(change)
            if state.notes.undoStack.count > 500 { state.notes.undoStack.removeFirst() }
        }
        state.notes.savingEditor = nil
        state.message = StatusMessage(change.message)
        PaneReducer.clampSelection(&state)
    }

    static func kind(_ annotation: Annotation) -> String { annotation.isClaim ? "claim" : "note" }

    static func verdictKeys(_ state: AppState) -> String {
        let commands: [Command] = [.verdictSupported, .verdictDisputed, .verdictFalse, .verdictNeedsSource, .verdictOpinion]
        return commands.map { "\(state.keyMap.hint($0, on: .reader)) \($0.verdict!.label)" }.joined(separator: ", ")
    }

    // MARK: - The note and tag editor

    /// `Enter saves · Esc cancels`, with the keys of the span screen in effect.
    static func savesOrCancels(_ state: AppState) -> String {
        "\(state.keyMap.hint(.spanSave, on: .span)) saves · \(state.keyMap.hint(.close, on: .span)) cancels"
    }

    /// Keys typed into the note or tag editor: Enter saves, Esc (or Ctrl-C) cancels, the rest edits.
    static func editorKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var editor = state.notes.editor else { return [] }
        switch key {
        case .escape, .ctrl("c"):
            state.notes.editor = nil
            state.message = StatusMessage(editor.purpose == .note ? "Note not changed." : "Tags not changed.")
            return []
        case .enter:
            state.notes.editor = nil
            state.notes.savingEditor = editor
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
            state.notes.editor = editor
            return []
        }
    }

    /// Comma-separated tags, trimmed, without empty ones or repeats, in the order typed.
    static func parseTags(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    // MARK: - A claim's span

    /// Keys while a claim's span is adjusted.
    static func spanCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard var edit = state.notes.spanEdit, var reader = state.reader else { return [] }
        let document = reader.document
        var span = edit.span
        switch command {
        case .close:
            state.notes.spanEdit = nil
            state.message = StatusMessage("The claim keeps its span.")
            return []
        case .spanSave:
            state.notes.spanEdit = nil
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
                reader.cursor = sentence
                state.reader = reader
            }
            return change(edit.original, target, "Claim now covers " + document.describe(span) + ".")
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
        state.notes.spanEdit = edit
        ReaderReducer.keepOffsetVisible(span.end - 1, &reader, state.geometry)
        state.reader = reader
        if state.message == nil { state.message = StatusMessage("Claim span: " + document.describe(span) + " · " + savesOrCancels(state)) }
        return []
    }
}
