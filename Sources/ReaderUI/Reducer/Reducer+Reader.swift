import GlossaCore

extension Reducer {
    static func readerCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let reader = state.reader else {
            guard let preparing = state.preparing else { return [] }
            if command == .close {
                state.preparing = nil
                state.linkSource = nil
                state.libraryCursor = state.listing.firstIndex { $0.article == preparing.article } ?? state.libraryCursor
                state.screen = .library
                clampLibrary(&state)
            } else {
                state.message = StatusMessage("Still preparing \(preparing.path) … \(state.keyMap.hint(.close, on: .reader)) goes back.")
            }
            return []
        }
        switch command {
        case .rescan:
            state.message = StatusMessage("Reading the folder again …")
            return [.rescanLibrary]
        case .close:
            state.linkSource = nil
            state.libraryCursor = state.listing.firstIndex { $0.article == reader.articleIndex } ?? state.libraryCursor
            state.reader = nil
            state.screen = .library
            state.search = nil
            state.focus = .text
            clampLibrary(&state)
        case .toggleFocus:
            if ScreenGeometry(size: state.size, pane: state.pane).pane == nil {
                state.message = StatusMessage("The pane is hidden; press \(state.keyMap.hint(.togglePane, on: .reader)) to show it.")
            } else {
                state.focus = state.focus == .text ? .pane : .text
                if state.focus == .pane {
                    clampNoteSelection(&state)
                    keepNoteVisible(&state)
                }
            }
        case .togglePane:
            state.pane.visible.toggle()
            if !state.pane.visible { state.focus = .text }
            if state.pane.visible, ScreenGeometry(size: state.size, pane: state.pane).pane == nil {
                state.message = StatusMessage("The terminal is too narrow for the pane.")
            }
            relayout(&state)
        case .paneWider, .paneNarrower:
            resizePane(by: command == .paneWider ? 4 : -4, &state)
        case .search:
            startSearch(&state)
        case .searchNext, .searchPrevious:
            jumpToMatch(forward: command == .searchNext, &state)
        case .actors:
            openActors(&state)
        case .selectActor:
            selectNextActor(&state)
        case .nextMention, .previousMention:
            jumpToMention(forward: command == .nextMention, &state)
        case .claim, .verdictSupported, .verdictDisputed, .verdictFalse, .verdictNeedsSource, .verdictOpinion,
             .note, .tag, .deleteAnnotation, .undo, .adjustClaim:
            return annotationCommand(command, &state)
        case .exportMarkdown:
            return [.exportMarkdown]
        case .followLink, .back, .forward, .nextEvent, .previousEvent:
            eventCommand(command, &state)
        case .timeline:
            openTimeline(&state)
        case .confirmLink, .removeLink, .addLink:
            return linkDecision(command, &state)
        case .open:
            openSelectedNote(&state)
        default:
            if state.focus == .pane {
                if [.moveDown, .moveUp, .moveFirst, .moveLast].contains(command), !paneItems(state).isEmpty {
                    moveNoteSelection(command, &state)
                } else {
                    scrollPane(command, &state)
                }
            } else {
                moveCursor(command, &state)
            }
        }
        if var moved = state.reader, moved.articleIndex == reader.articleIndex, moved.cursor != reader.cursor,
           command != .nextMention, command != .previousMention {
            moved.actorSelection = 0
            state.reader = moved
        }
        return []
    }

    static func moveCursor(_ command: Command, _ state: inout AppState) {
        guard var reader = state.reader else { return }
        let last = max(0, reader.document.sentences.count - 1)
        let height = max(1, ScreenGeometry(size: state.size, pane: state.pane).text.height)
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
        state.reader = reader
        keepCursorVisible(&state)
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
    static func keepCursorVisible(_ state: inout AppState) {
        guard var reader = state.reader else { return }
        let height = max(1, ScreenGeometry(size: state.size, pane: state.pane).text.height)
        let maxTop = max(0, reader.layout.lines.count - height)
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
        reader.top = min(max(0, reader.top), maxTop)
        state.reader = reader
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
        relayout(&state)
    }

    static func scrollPane(_ command: Command, _ state: inout AppState) {
        guard var reader = state.reader else { return }
        let geometry = ScreenGeometry(size: state.size, pane: state.pane)
        guard let pane = geometry.pane else { return }
        let contentHeight = PaneView.lines(for: state, width: pane.width).count
        let visible = max(1, pane.height - 1)
        switch command {
        case .moveDown: reader.paneScroll += 1
        case .moveUp: reader.paneScroll -= 1
        case .pageDown: reader.paneScroll += visible
        case .pageUp: reader.paneScroll -= visible
        case .moveFirst: reader.paneScroll = 0
        case .moveLast: reader.paneScroll = contentHeight
        default: return
        }
        reader.paneScroll = min(max(0, reader.paneScroll), max(0, contentHeight - visible))
        state.reader = reader
    }
}
