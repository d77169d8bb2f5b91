import GlossaCore

/// The annotation pane, when it has the focus: the selected link or note (`ReaderState.pane.selection`)
/// and the pane's scroll position (`ReaderState.pane.scroll`).
enum PaneReducer {
    /// Lines and page keys: with something to select, lines move the selection; else they scroll.
    static func reduce(_ command: Command, _ state: inout AppState) {
        let items = state.paneItems.count
        if [.moveDown, .moveUp, .moveFirst, .moveLast].contains(command), items > 0 {
            guard var reader = state.reader, let target = ListCursor.target(of: command, from: reader.pane.selection, count: items, page: 1) else { return }
            reader.pane.selection = target.clamped(0, items - 1)
            state.reader = reader
            keepSelectionVisible(&state)
        } else {
            scroll(command, &state)
        }
    }

    static func toggleFocus(_ state: inout AppState) {
        guard state.geometry.pane != nil else {
            state.message = StatusMessage("The pane is hidden; press \(state.keyMap.hint(.togglePane, on: .reader)) to show it.")
            return
        }
        state.focus = state.focus == .text ? .pane : .text
        if state.focus == .pane {
            clampSelection(&state)
            keepSelectionVisible(&state)
        }
    }

    static func scroll(_ command: Command, _ state: inout AppState) {
        guard var reader = state.reader, let pane = state.geometry.pane else { return }
        reader.pane.scroll.move(command, content: state.paneLines(width: pane.width).count, visible: max(1, pane.height - 1))
        state.reader = reader
    }

    /// Keeps the selection on an item (the list changes with the sentence and the notes).
    static func clampSelection(_ state: inout AppState) {
        guard var reader = state.reader else { return }
        reader.pane.selection = reader.pane.selection.clamped(0, state.paneItems.count - 1)
        state.reader = reader
    }

    /// Scrolls the pane so that the selected item's first line shows.
    static func keepSelectionVisible(_ state: inout AppState) {
        guard var reader = state.reader, let pane = state.geometry.pane else { return }
        let lines = state.paneLines(width: pane.width)
        guard let row = lines.firstIndex(where: { $0.item == reader.pane.selection }) else { return }
        reader.pane.scroll.reveal(row, content: lines.count, visible: max(1, pane.height - 1))
        state.reader = reader
    }

    /// Enter in the pane: follows the selected link, or goes to the selected note's sentence.
    static func openSelected(_ state: inout AppState) {
        guard var reader = state.reader else { return }
        guard state.focus == .pane else {
            state.message = StatusMessage("Enter goes to the link or note selected in the pane: press \(state.keyMap.hint(.toggleFocus, on: .reader)) first.")
            return
        }
        guard let item = state.selectedPaneItem else {
            state.message = StatusMessage("This sentence has no linked events and the article no notes yet.")
            return
        }
        let note: Annotation
        switch item {
        case .link(let target):
            Navigation.follow(target, &state)
            return
        case .note(let selected):
            note = selected
        }
        guard !note.isOrphan, let sentence = reader.document.sentenceIndex(containing: note.span.start) else {
            state.message = StatusMessage("This annotation could not be placed in the changed text; its quote is in the pane.", level: .warning)
            return
        }
        reader.cursor = sentence
        ReaderReducer.keepCursorVisible(&reader, state.geometry)
        state.reader = reader
        state.focus = .text
    }
}
