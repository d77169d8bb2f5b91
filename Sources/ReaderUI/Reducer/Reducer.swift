import GlossaCore

/// The pure core: `reduce(&state, action)` changes the state and returns effects for the runtime.
/// It never touches disk, clock or terminal.
///
/// This root reducer only routes: an action to the part of the state it concerns, a key to the
/// prompt or editor that has it, else to the reducer of the screen shown (`LibraryReducer`,
/// `ReaderReducer`, `ActorsReducer`, `TimelineReducer`, `HelpReducer`). Those change their own state
/// (`LibraryScreenState`, `ReaderState`, `ActorsState`, `TimelineState`, `HelpState`); moving between
/// screens goes through `Navigation`.
public enum Reducer {
    /// Articles of more UTF-8 bytes than this are prepared off the event loop (about 40 ms of work on
    /// this side of it; a long news article has 70,000).
    public static let preparedInBackground = 400_000

    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let preparing = state.preparing?.generation
        var effects = reduceAction(&state, action)
        // An article to prepare off the event loop, whichever action asked for it.
        if let generation = state.preparing?.generation, generation != preparing, let request = Navigation.documentRequest(state) {
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
            return keyPressed(key, &state)
        case .changeStored, .storeFailed, .annotationsLoaded:
            return NotesReducer.storeAction(action, &state)
        case .backgroundFailed(let reason):
            state.message = StatusMessage(reason, level: .warning)
            return []
        case .exportFinished(let message):
            state.message = message
            return []
        case .linkDecisionStored(let decision, let message):
            LinksReducer.decisionStored(decision, message: message, &state)
            return []
        case .documentPrepared(let generation, let document, let layout):
            return Navigation.documentPrepared(generation, document, layout, &state)
        case .articlesRead, .indexProgressed, .actorsIndexed, .eventsLinked, .libraryReloaded, .indexFinished,
             .articleRead, .articleReadFailed, .librarySearched:
            return IndexReducer.reduce(action, &state)
        }
    }

    /// A key goes to the prompt or editor that is open, else to the command it is bound to.
    static func keyPressed(_ key: Key, _ state: inout AppState) -> [Effect] {
        var key = key
        // Ctrl-J is a line feed: Enter in a prompt or editor, and elsewhere unless the user has bound it.
        let typing = state.search.prompt != nil || state.libraryScreen.filterPrompt != nil || state.notes.editor != nil
        if key == .ctrl("j"), typing || state.keyMap.command(for: key, on: state.activeScreen) == nil { key = .enter }
        state.message = nil
        state.notes.savingEditor = nil
        let opened = state.reader?.articleIndex
        var effects: [Effect]
        if state.search.prompt != nil {
            effects = SearchReducer.promptKey(&state, key)
        } else if state.libraryScreen.filterPrompt != nil {
            effects = LibraryReducer.filterPromptKey(&state, key)
        } else if state.notes.editor != nil {
            effects = NotesReducer.editorKey(&state, key)
        } else if let command = state.keyMap.command(for: key, on: state.activeScreen) {
            effects = run(command, &state)
        } else {
            if case .char(let character) = key {
                state.message = StatusMessage("Key \(character) does nothing here. Press \(state.keyMap.hint(.help, on: state.activeScreen)) for help.")
            }
            effects = []
        }
        if let article = state.openArticle, state.reader?.articleIndex != opened {
            effects.append(.loadAnnotations(article))
        }
        return effects
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
        if state.help != nil {
            HelpReducer.reduce(command, &state)
            return []
        }
        if state.notes.spanEdit != nil { return NotesReducer.spanCommand(command, &state) }
        switch state.screen {
        case .library: return LibraryReducer.reduce(command, &state)
        case .reader: return ReaderReducer.reduce(command, &state)
        case .actors: return ActorsReducer.reduce(command, &state)
        case .timeline: return TimelineReducer.reduce(command, &state)
        }
    }

    /// Recomputes what depends on the terminal size or the pane: wrapping, scroll positions.
    static func relayout(_ state: inout AppState) {
        let geometry = state.geometry
        LibraryReducer.clamp(&state.libraryScreen, geometry)
        ActorsReducer.clamp(&state.actorsScreen, state.actorIndex, geometry)
        guard var reader = state.reader else { return }
        ReaderReducer.relayout(&reader, geometry)
        state.reader = reader
    }
}

/// The help overlay: its scroll position.
enum HelpReducer {
    static func reduce(_ command: Command, _ state: inout AppState) {
        guard var help = state.help else { return }
        if command == .close {
            state.help = nil
            return
        }
        help.scroll.move(command, content: state.keyMap.bindings(on: help.screen).count, visible: max(1, state.size.height - 6))
        state.help = help
    }
}
