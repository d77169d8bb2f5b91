import CNCurses
import Glibc
import ReaderUI

/// Why the reader cannot start on this terminal.
public enum TerminalSetupError: Error, CustomStringConvertible {
    case notATerminal
    case noTermVariable
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the reader needs a terminal, but standard input or output is not one (for scripts use `glossa list` or `glossa keys`)"
        case .noTermVariable:
            return "TERM is not set, so the terminal type is unknown (try TERM=xterm-256color)"
        case .unknownTerminal(let name):
            return "unknown terminal type '\(name)' in TERM (try TERM=xterm-256color)"
        }
    }
}

/// The ncurses adapter: the only code that talks to the terminal.
public final class NCursesTerminal: TerminalDevice {
    public private(set) var size: Size
    /// False for `NO_COLOR` and for terminals without colours: the app then uses the monochrome theme.
    public let hasColors: Bool
    private var screen: OpaquePointer?
    private var previous: ScreenBuffer?
    private var pairs: [PairKey: Int32] = [:]
    private var active = false

    private struct PairKey: Hashable {
        let foreground: Color?
        let background: Color?
    }

    /// Checks that this is a usable terminal before anything is drawn.
    public static func checkEnvironment() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else { throw TerminalSetupError.notATerminal }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalSetupError.noTermVariable
        }
        guard glossa_terminal_known(term) == 1 else {
            throw TerminalSetupError.unknownTerminal(term)
        }
    }

    /// Enters full-screen mode. `allowColor` is false when the user asked for no colour.
    public init(allowColor: Bool) throws {
        setlocale(LC_ALL, "")
        try Self.checkEnvironment()
        let term = String(cString: getenv("TERM"))
        guard let created = newterm(term, glossa_stdout(), glossa_stdin()) else { throw TerminalSetupError.unknownTerminal(term) }
        screen = created
        _ = set_term(created)
        active = true
        glossa_install_signal_handlers()
        glossa_install_crash_handlers()
        raw()
        noecho()
        nonl()
        keypad(glossa_stdscr(), true)
        _ = set_escdelay(25)
        wtimeout(glossa_stdscr(), 100)
        _ = curs_set(0)
        if allowColor, has_colors() {
            start_color()
            use_default_colors()
            hasColors = true
        } else {
            hasColors = false
        }
        size = Size(width: Int(glossa_cols()), height: Int(glossa_lines()))
    }

    deinit { restore() }

    /// Leaves full-screen mode and gives the terminal back as it was. Safe to call twice.
    public func restore() {
        guard active else { return }
        active = false
        _ = curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        fflush(glossa_stdout())
    }

    public func nextEvent() -> TerminalEvent? {
        if let signal = takeSignal() { return signal }
        var character: wint_t = 0
        let result = wget_wch(glossa_stdscr(), &character)
        if let signal = takeSignal() { return signal }
        if result == glossa_key_code_yes() {
            if Int32(character) == KEY_RESIZE {
                size = Size(width: Int(glossa_cols()), height: Int(glossa_lines()))
                previous = nil
                return .resized(size)
            }
            return KeyDecoder.functionKey(Int32(character)).map(TerminalEvent.key)
        }
        guard result == OK else { return nil }
        return KeyDecoder.character(UInt32(character)).map(TerminalEvent.key)
    }

    private func takeSignal() -> TerminalEvent? {
        let number = glossa_take_signal()
        return number == 0 ? nil : .signal(number)
    }

    public func invalidate() {
        previous = nil
    }

    public func present(_ buffer: ScreenBuffer) {
        let full = previous == nil || previous!.width != buffer.width || previous!.height != buffer.height
        if full { _ = clearok(glossa_stdscr(), true) }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                guard cell.width > 0 else { continue }
                if !full, let previous, previous[x, y] == cell,
                   cell.width == 1 || (x + 1 < buffer.width && previous[x + 1, y] == buffer[x + 1, y]) { continue }
                draw(cell, x: x, y: y)
            }
        }
        previous = buffer
        refresh()
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var attributes = glossa_a_normal()
        let style = cell.style
        if style.bold { attributes |= glossa_a_bold() }
        if style.underline { attributes |= glossa_a_underline() }
        if style.reverse { attributes |= glossa_a_reverse() }
        if style.dim { attributes |= glossa_a_dim() }
        _ = glossa_attr_set(attributes, pair(for: style))
        var characters = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        if characters.isEmpty { characters = [32] }
        characters.append(0)
        _ = glossa_put(Int32(y), Int32(x), characters, Int32(characters.count - 1))
    }

    /// The colour pair for a style's colours, created on first use.
    private func pair(for style: Style) -> Int32 {
        guard hasColors, style.foreground != nil || style.background != nil else { return 0 }
        let key = PairKey(foreground: style.foreground, background: style.background)
        if let existing = pairs[key] { return existing }
        let number = Int32(pairs.count + 1)
        guard number < glossa_color_pairs() else { return 0 }
        _ = init_pair(Int16(number), Self.colorNumber(style.foreground), Self.colorNumber(style.background))
        pairs[key] = number
        return number
    }

    private static func colorNumber(_ color: Color?) -> Int16 {
        guard let color else { return -1 }
        // A palette colour the terminal does not have is shown as the nearest standard one.
        return Int16(color.number < glossa_colors() ? color.number : color.standard.number)
    }
}
