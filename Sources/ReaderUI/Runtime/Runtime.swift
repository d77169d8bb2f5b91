/// The event loop: events become actions, the reducer updates the state, effects run, the view
/// renders into a buffer, the terminal shows its difference.
public final class Runtime {
    public private(set) var state: AppState
    private let terminal: TerminalDevice

    public init(state: AppState, terminal: TerminalDevice) {
        self.state = state
        self.terminal = terminal
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
        let effects = Reducer.reduce(&state, action)
        for effect in effects {
            switch effect {
            case .quit: state.isRunning = false
            case .redrawAll: terminal.invalidate()
            }
        }
        if state.isRunning { terminal.present(RootView.render(state)) }
    }
}
