import GlossaCore

/// The pure core: `reduce(&state, action)` changes the state and returns effects for the runtime.
/// It never touches disk, clock or terminal.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let preparing = state.preparing?.generation
        var effects = reduceAction(&state, action)
        // An article to prepare off the event loop, whichever action asked for it.
        if let generation = state.preparing?.generation, generation != preparing, let request = documentRequest(state) {
            effects.append(.prepareDocument(request))
        }
        return effects
    }

    static func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .resized(let size):
            state.size = size
            relayout(&state)
            return []
        case .keyPressed(let key):
            state.message = nil
            state.savingEditor = nil
            let opened = state.reader?.articleIndex
            var effects: [Effect]
            if state.prompt != nil {
                effects = promptKey(&state, key)
            } else if state.filterPrompt != nil {
                effects = filterPromptKey(&state, key)
            } else if state.editor != nil {
                effects = editorKey(&state, key)
            } else if let command = state.keyMap.command(for: key, on: state.activeScreen) {
                effects = run(command, &state)
            } else {
                if case .char(let character) = key {
                    state.message = StatusMessage("Key \(character) does nothing here. Press ? for help.")
                }
                effects = []
            }
            if let reader = state.reader, reader.articleIndex != opened {
                effects.append(.loadAnnotations(state.library.articles[reader.articleIndex]))
            }
            return effects
        case .changeStored(let change):
            applyStored(change, &state)
            return []
        case .storeFailed(let reason):
            state.message = StatusMessage(reason, level: .warning)
            if let editor = state.savingEditor {
                // The typed text is not lost: the editor opens again with it.
                state.editor = editor
                state.savingEditor = nil
                state.message = StatusMessage(reason + " (your text is still in the editor)", level: .warning)
            }
            return []
        case .backgroundFailed(let reason):
            state.message = StatusMessage(reason, level: .warning)
            return []
        case .annotationsLoaded(let article, let list):
            state.annotations[article] = list.isEmpty ? nil : list
            clampNoteSelection(&state)
            if state.filter.withNotes { refreshListing(&state) }
            return []
        case .exportFinished(let message):
            state.message = message
            return []
        case .linkDecisionStored(let decision, let message):
            state.events.relink(decisions: state.events.deciding(decision))
            state.message = StatusMessage(message)
            clampNoteSelection(&state)
            return []
        case .documentPrepared(let generation, let document, let layout):
            return documentPrepared(generation, document, layout, &state)
        case .articlesRead, .indexProgressed, .actorsIndexed, .eventsLinked, .libraryReloaded, .indexFinished,
             .articleRead, .articleReadFailed, .librarySearched:
            return indexAction(action, &state)
        }
    }

    /// Runs a command on the active screen.
    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            state.isRunning = false
            return [.quit]
        case .redraw:
            return [.redrawAll]
        case .help:
            state.help = state.help == nil ? HelpState(screen: state.activeScreen) : nil
            return []
        default:
            break
        }
        if state.help != nil { return helpCommand(command, &state) }
        if state.spanEdit != nil { return spanCommand(command, &state) }
        switch state.screen {
        case .library: return libraryCommand(command, &state)
        case .reader: return readerCommand(command, &state)
        case .actors: return actorsCommand(command, &state)
        case .timeline: return timelineCommand(command, &state)
        }
    }

    static func helpCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard var help = state.help else { return [] }
        let page = max(1, state.size.height - 6)
        switch command {
        case .close: state.help = nil; return []
        case .moveDown: help.scroll += 1
        case .moveUp: help.scroll -= 1
        case .pageDown: help.scroll += page
        case .pageUp: help.scroll -= page
        case .moveFirst: help.scroll = 0
        case .moveLast: help.scroll = Int.max / 2
        default: return []
        }
        let rows = state.keyMap.bindings(on: help.screen).count
        help.scroll = min(max(0, help.scroll), max(0, rows - page))
        state.help = help
        return []
    }

    /// Recomputes what depends on the terminal size or the pane: wrapping, scroll positions.
    static func relayout(_ state: inout AppState) {
        clampLibrary(&state)
        clampActors(&state)
        guard var reader = state.reader else { return }
        let geometry = ScreenGeometry(size: state.size, pane: state.pane)
        let oldRow = cursorLine(reader) - reader.top
        if reader.layout.width != geometry.text.width {
            reader.layout = TextLayout(document: reader.document, width: geometry.text.width)
        }
        reader.top = max(0, cursorLine(reader) - max(0, oldRow))
        state.reader = reader
        keepCursorVisible(&state)
    }
}
