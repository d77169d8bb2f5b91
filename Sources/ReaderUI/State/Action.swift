/// What happened: the only way the state changes.
public enum Action: Equatable, Sendable {
    case keyPressed(Key)
    case resized(Size)
}

/// Work for the runtime that the reducer must not do itself.
public enum Effect: Equatable, Sendable {
    /// Leave the event loop and restore the terminal.
    case quit
    /// Repaint every cell (the screen may have been disturbed).
    case redrawAll
}
