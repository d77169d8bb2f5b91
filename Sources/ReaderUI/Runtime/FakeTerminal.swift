/// A terminal for tests and benchmarks: scripted events in, the last presented buffer out.
public final class FakeTerminal: TerminalDevice {
    public private(set) var size: Size
    public private(set) var screen: ScreenBuffer
    public private(set) var presentCount = 0
    /// Cells written by the last `present` (what a real terminal would have to redraw).
    public private(set) var lastChangedCells = 0
    private var events: [TerminalEvent]
    private var previous: ScreenBuffer?

    public init(size: Size, events: [TerminalEvent] = []) {
        self.size = size
        self.events = events
        screen = ScreenBuffer(width: size.width, height: size.height)
    }

    public func enqueue(_ event: TerminalEvent) {
        if case .resized(let newSize) = event { size = newSize }
        events.append(event)
    }

    public func nextEvent() -> TerminalEvent? {
        guard !events.isEmpty else { return .endOfInput }
        let event = events.removeFirst()
        if case .resized(let newSize) = event { size = newSize }
        return event
    }

    public func present(_ buffer: ScreenBuffer) {
        if let previous, previous.width == buffer.width, previous.height == buffer.height {
            lastChangedCells = zip(previous.cells, buffer.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
        } else {
            lastChangedCells = buffer.cells.count
        }
        previous = buffer
        screen = buffer
        presentCount += 1
    }

    public func invalidate() {
        previous = nil
    }
}
