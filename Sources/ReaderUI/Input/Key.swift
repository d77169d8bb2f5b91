/// A key the user pressed, independent of the terminal library.
public enum Key: Hashable, Sendable {
    /// A printable character (`" "` is Space).
    case char(Character)
    /// Ctrl plus a letter, stored in lower case (`.ctrl("c")` is Ctrl-C).
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)

    /// The name shown in help and accepted in key bindings: `j`, `Space`, `Ctrl-O`, `PgDn`, `F1`.
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let character): return String(character)
        case .ctrl(let character): return "Ctrl-" + character.uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let number): return "F\(number)"
        }
    }

    /// Parses a name as `name` prints it (case-insensitive for named keys).
    public init?(name: String) {
        let named: [String: Key] = [
            "space": .char(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "shift-tab": .backTab, "backspace": .backspace, "delete": .delete, "up": .up,
            "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp,
            "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
        ]
        if name.count == 1, let character = name.first {
            self = .char(character)
        } else if let key = named[name.lowercased()] {
            self = key
        } else if name.lowercased().hasPrefix("ctrl-"), name.count == 6, let letter = name.last, letter.isLetter {
            self = .ctrl(Character(letter.lowercased()))
        } else if name.uppercased().hasPrefix("F"), let number = Int(name.dropFirst()), (1...24).contains(number) {
            self = .function(number)
        } else {
            return nil
        }
    }

    /// True for keys that a German QWERTZ keyboard cannot type without AltGr.
    public var needsAltGrOnGerman: Bool {
        guard case .char(let character) = self else { return false }
        return "[]{}\\|@~²³µ€".contains(character)
    }
}
