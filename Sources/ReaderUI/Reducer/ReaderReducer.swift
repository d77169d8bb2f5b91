import GlossaCore

/// The reader screen: the sentence cursor and scrolling of the open article (`ReaderState`), the
/// pane's width and visibility; the rest of its keys go to the reducer of what they act on.
enum ReaderReducer {
    static func reduce(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let reader = state.reader else {
            guard let preparing = state.preparing else { return [] }
            if command == .close {
                Navigation.closeArticle(&state)
            } else {
                state.message = StatusMessage("Still preparing \(preparing.path) … \(state.keyMap.hint(.close, on: .reader)) goes back.")
            }
            return []
        }
        var effects: [Effect] = []
        switch command {
        case .rescan:
            state.message = StatusMessage("Reading the folder again …")
            effects = [.rescanLibrary]
        case .close:
            Navigation.closeArticle(&state)
        case .toggleFocus:
            PaneReducer.toggleFocus(&state)
        case .togglePane:
            state.pane.visible.toggle()
            if !state.pane.visible { state.focus = .text }
            if state.pane.visible, state.geometry.pane == nil {
                state.message = StatusMessage("The terminal is too narrow for the pane.")
            }
            Reducer.relayout(&state)
        case .paneWider, .paneNarrower:
            resizePane(by: command == .paneWider ? 4 : -4, &state)
        case .search:
            SearchReducer.startSearch(&state)
        case .searchNext, .searchPrevious:
            SearchReducer.jumpToMatch(forward: command == .searchNext, &state)
        case .actors:
            ActorsReducer.open(&state)
        case .selectActor:
            ActorsReducer.selectNextActor(&state)
        case .nextMention, .previousMention:
            ActorsReducer.jumpToMention(forward: command == .nextMention, &state)
        case .claim, .verdictSupported, .verdictDisputed, .verdictFalse, .verdictNeedsSource, .verdictOpinion,
             .note, .tag, .deleteAnnotation, .undo, .adjustClaim:
            effects = NotesReducer.annotationCommand(command, &state)
        case .exportMarkdown:
            effects = [.exportMarkdown]
        case .followLink, .back, .forward, .nextEvent, .previousEvent:
            LinksReducer.eventCommand(command, &state)
        case .timeline:
            TimelineReducer.toggle(&state)
        case .confirmLink, .removeLink, .addLink:
            effects = LinksReducer.linkDecision(command, &state)
        case .open:
            PaneReducer.openSelected(&state)
        default:
            if state.focus == .pane {
                PaneReducer.reduce(command, &state)
            } else if var moved = state.reader {
                moveCursor(command, &moved, state.geometry)
                state.reader = moved
            }
        }
        // A new sentence starts with its first actor selected.
        if var moved = state.reader, moved.articleIndex == reader.articleIndex, moved.cursor != reader.cursor,
           command != .nextMention, command != .previousMention {
            moved.actorSelection = 0
            state.reader = moved
        }
        return effects
    }

    /// Lines of text shown at once.
    static func height(_ geometry: ScreenGeometry) -> Int { max(1, geometry.text.height) }

    /// Sentence by sentence, page by page (the cursor to the first sentence shown), first and last.
    static func moveCursor(_ command: Command, _ reader: inout ReaderState, _ geometry: ScreenGeometry) {
        let last = max(0, reader.document.sentences.count - 1)
        let height = height(geometry)
        let maxTop = max(0, reader.layout.lines.count - height)
        switch command {
        case .moveDown: reader.cursor = min(last, reader.cursor + 1)
        case .moveUp: reader.cursor = max(0, reader.cursor - 1)
        case .moveFirst:
            reader.cursor = 0
            reader.top = 0
        case .moveLast:
            reader.cursor = last
            reader.top = maxTop
        case .pageDown, .pageUp:
            let step = max(1, height - 2)
            let newTop = command == .pageDown ? min(maxTop, reader.top + step) : max(0, reader.top - step)
            if newTop == reader.top {
                reader.cursor = command == .pageDown ? last : 0
            } else {
                reader.top = newTop
                reader.cursor = firstSentence(visibleFrom: newTop, height: height, reader) ?? reader.cursor
            }
        default:
            return
        }
        keepCursorVisible(&reader, geometry)
    }

    /// The first sentence that starts on a visible line, else the one that covers the top line.
    static func firstSentence(visibleFrom top: Int, height: Int, _ reader: ReaderState) -> Int? {
        let lines = reader.layout.lines
        guard top < lines.count else { return nil }
        let topOffset = lines[top].startOffset
        let bottom = min(lines.count, top + height)
        let bottomOffset = bottom < lines.count ? lines[bottom].startOffset : Int.max
        let sentences = reader.document.sentences
        if let index = sentences.firstIndex(where: { $0.start >= topOffset && $0.start < bottomOffset }) {
            return index
        }
        return reader.document.sentenceIndex(containing: topOffset)
    }

    static func cursorLine(_ reader: ReaderState) -> Int {
        guard reader.document.sentences.indices.contains(reader.cursor) else { return 0 }
        return reader.layout.line(containing: reader.document.sentences[reader.cursor].start)
    }

    /// Scrolls so that the current sentence is visible, with a little context around it.
    static func keepCursorVisible(_ reader: inout ReaderState, _ geometry: ScreenGeometry) {
        let height = height(geometry)
        if reader.document.sentences.indices.contains(reader.cursor) {
            let sentence = reader.document.sentences[reader.cursor]
            let first = reader.layout.line(containing: sentence.start)
            let last = reader.layout.line(containing: max(sentence.start, sentence.end - 1))
            let margin = min(2, (height - 1) / 4)
            if first - margin < reader.top {
                reader.top = first - margin
            } else if last + margin >= reader.top + height {
                reader.top = min(first - margin, last + margin - height + 1)
            }
        }
        reader.top = reader.top.clamped(0, reader.layout.lines.count - height)
    }

    /// Scrolls the text so that the line showing an offset is on screen.
    static func keepOffsetVisible(_ offset: Int, _ reader: inout ReaderState, _ geometry: ScreenGeometry) {
        let height = height(geometry)
        let line = reader.layout.line(containing: offset)
        if line < reader.top { reader.top = line }
        if line >= reader.top + height { reader.top = line - height + 1 }
    }

    /// Wraps the text again for a new width, keeping the cursor's row where it was on screen.
    static func relayout(_ reader: inout ReaderState, _ geometry: ScreenGeometry) {
        let oldRow = cursorLine(reader) - reader.top
        if reader.layout.width != geometry.text.width {
            reader.layout = TextLayout(document: reader.document, width: geometry.text.width)
        }
        reader.top = max(0, cursorLine(reader) - max(0, oldRow))
        keepCursorVisible(&reader, geometry)
    }

    static func resizePane(by delta: Int, _ state: inout AppState) {
        guard state.pane.visible else {
            state.message = StatusMessage("The pane is hidden; press \(state.keyMap.hint(.togglePane, on: .reader)) to show it.")
            return
        }
        let current = state.pane.width ?? ScreenGeometry.defaultPaneWidth(for: state.size.width)
        guard let clamped = ScreenGeometry.clampPaneWidth(current + delta, totalWidth: state.size.width) else {
            state.message = StatusMessage("The terminal is too narrow for the pane.")
            return
        }
        if clamped == ScreenGeometry.clampPaneWidth(current, totalWidth: state.size.width) {
            state.message = StatusMessage(delta > 0 ? "The pane is as wide as it can be." : "The pane is as narrow as it can be.")
        }
        state.pane.width = clamped
        Reducer.relayout(&state)
    }
}
