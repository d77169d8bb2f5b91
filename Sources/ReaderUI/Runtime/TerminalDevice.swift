/// Something the terminal reports.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resized(Size)
    /// SIGTERM, SIGINT, SIGHUP: leave at once, restoring the terminal.
    case signal(Int32)
    /// Input ended (a closed terminal, or a test script that ran out).
    case endOfInput
}

/// The one interface between the app and a terminal: ncurses in the program, a fake in tests.
public protocol TerminalDevice: AnyObject {
    var size: Size { get }
    /// Waits for the next event; nil when nothing happened within the device's poll interval.
    func nextEvent() -> TerminalEvent?
    /// Shows a buffer, writing only the cells that changed since the last one.
    func present(_ buffer: ScreenBuffer)
    /// Forgets what is on screen so that the next `present` writes every cell.
    func invalidate()
}
