/// The event loop: events become actions, the reducer updates the state, effects run, the view
/// renders into a buffer, the terminal shows its difference.
public final class Runtime {
    public private(set) var state: AppState
    private let terminal: TerminalDevice
    private let services: Services

    public init(state: AppState, terminal: TerminalDevice, services: Services = .unavailable) {
        self.state = state
        self.terminal = terminal
        self.services = services
    }

    /// Runs until quit, a signal or the end of input; returns the signal that ended it, if any.
    @discardableResult
    public func run() -> Int32? {
        if state.size != terminal.size { _ = Reducer.reduce(&state, .resized(terminal.size)) }
        terminal.present(RootView.render(state))
        while state.isRunning {
            guard let event = terminal.nextEvent() else { continue }
            switch event {
            case .signal(let number):
                return number
            case .endOfInput:
                return nil
            case .resized(let size):
                send(.resized(size))
            case .key(let key):
                send(.keyPressed(key))
            }
        }
        return nil
    }

    /// Dispatches one action and redraws; used by the loop and by tests.
    public func send(_ action: Action) {
        var actions = [action]
        while !actions.isEmpty {
            let effects = Reducer.reduce(&state, actions.removeFirst())
            for effect in effects { actions += run(effect) }
        }
        if state.isRunning { terminal.present(RootView.render(state)) }
    }

    /// Runs one effect; what it produced comes back as an action. Store writes are synchronous:
    /// when the screen shows a change, it is committed.
    private func run(_ effect: Effect) -> [Action] {
        switch effect {
        case .quit:
            state.isRunning = false
            return []
        case .redrawAll:
            terminal.invalidate()
            return []
        case .storeChange(let change):
            do {
                var stored = change
                stored.after = try services.store(change)
                return [.changeStored(stored)]
            } catch {
                let failed = Action.storeFailed("Not saved: \(error)")
                guard (error as? ServiceError)?.reload == true, let article = change.article else { return [failed] }
                return run(.loadAnnotations(article: article)) + [failed]
            }
        case .loadAnnotations(let article):
            do {
                return [.annotationsLoaded(article: article, try services.load(article))]
            } catch {
                return [.storeFailed("Annotations not read: \(error)")]
            }
        case .storeLinkDecision(let decision, let message):
            do {
                try services.decide(decision)
                return [.linkDecisionStored(decision, message: message)]
            } catch {
                return [.storeFailed("Not saved: \(error)")]
            }
        case .exportMarkdown:
            do {
                return [.exportFinished(StatusMessage(try services.exportMarkdown()))]
            } catch {
                return [.exportFinished(StatusMessage("Export failed: \(error)", level: .warning))]
            }
        }
    }
}
