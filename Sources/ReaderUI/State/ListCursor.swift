/// A position in a list of rows and the first row shown: the one place where up, down, page, first
/// and last become a position, and where a position is kept in its list and on screen. The library,
/// the actors, an actor's mentions and the timeline each have one.
public struct ListCursor: Equatable, Sendable {
    public var index: Int
    public var top: Int

    public init(index: Int = 0, top: Int = 0) {
        self.index = index
        self.top = top
    }

    /// Where a movement command goes from `index` in a list of `count` rows shown `page` at a time;
    /// nil for any other command. The result may lie outside the list.
    static func target(of command: Command, from index: Int, count: Int, page: Int) -> Int? {
        switch command {
        case .moveDown: return index + 1
        case .moveUp: return index - 1
        case .pageDown: return index + page
        case .pageUp: return index - page
        case .moveFirst: return 0
        case .moveLast: return count - 1
        default: return nil
        }
    }

    /// Follows a movement command, staying in the list and on screen; false for any other command.
    @discardableResult
    public mutating func move(_ command: Command, count: Int, rows: Int) -> Bool {
        guard let target = Self.target(of: command, from: index, count: count, page: max(1, rows)) else { return false }
        index = target
        clamp(count: count, rows: rows)
        return true
    }

    /// Keeps the index in the list, and its row among the `rows` shown from `top`.
    public mutating func clamp(count: Int, rows: Int) {
        let rows = max(1, rows)
        index = index.clamped(0, count - 1)
        if index < top { top = index }
        if index >= top + rows { top = index - rows + 1 }
        top = top.clamped(0, count - rows)
    }
}

/// How far content taller than its window is scrolled (the help, the pane).
public struct Scroll: Equatable, Sendable {
    public var offset = 0

    public init(offset: Int = 0) {
        self.offset = offset
    }

    /// The largest offset: the content's last line at the window's bottom.
    static func maximum(content: Int, visible: Int) -> Int { max(0, content - max(1, visible)) }

    /// Follows a movement command (a line, a window, the top, the bottom); false for any other command.
    @discardableResult
    public mutating func move(_ command: Command, content: Int, visible: Int) -> Bool {
        let last = Self.maximum(content: content, visible: visible)
        guard let target = ListCursor.target(of: command, from: offset, count: last + 1, page: max(1, visible)) else { return false }
        offset = target.clamped(0, last)
        return true
    }

    /// Keeps the offset within the content.
    public mutating func clamp(content: Int, visible: Int) {
        offset = offset.clamped(0, Self.maximum(content: content, visible: visible))
    }

    /// Scrolls just enough for a line to show.
    public mutating func reveal(_ line: Int, content: Int, visible: Int) {
        let visible = max(1, visible)
        if line < offset { offset = line }
        if line >= offset + visible { offset = line - visible + 1 }
        clamp(content: content, visible: visible)
    }
}

extension Int {
    /// The value within `low...high`; `low` when the range is empty (`high < low`).
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(low, self), Swift.max(low, high)) }
}
