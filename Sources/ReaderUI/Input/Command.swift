/// What the user intends. The raw values are stable: `glossa keys`, help and user bindings use them.
public enum Command: String, CaseIterable, Sendable, Codable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case moveFirst = "move-first"
    case moveLast = "move-last"
    case open = "open"
    case close = "close"
    case quit = "quit"
    case search = "search"
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case toggleFocus = "toggle-focus"
    case togglePane = "toggle-pane"
    case paneWider = "pane-wider"
    case paneNarrower = "pane-narrower"
    case help = "help"
    case redraw = "redraw"
    case actors = "actors"
    case nextMention = "next-mention"
    case previousMention = "previous-mention"
    case selectActor = "select-actor"
}

/// The screens a command can act on.
public enum ScreenKind: String, CaseIterable, Sendable, Codable, Comparable {
    case library, reader, actors, help

    public static func < (lhs: ScreenKind, rhs: ScreenKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
