import Foundation
import ReaderUI
import TOMLKit

/// Reads a `config.toml` into a `Configuration`, naming each mistake with its line.
struct ConfigReader {
    let path: String
    let name: String
    let lines: [String]
    let text: String
    var configuration = Configuration()

    init(text: String, path: String) {
        self.text = text
        self.path = path
        name = (path as NSString).lastPathComponent
        // `\r\n` is one Character, and a newline: CRLF files count their lines too.
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        configuration.path = path
    }

    static let sections = ["keys", "theme", "layout"]
    static let layoutSettings = ["pane-width", "pane", "wrap-width"]

    mutating func read() -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            configuration.errors.append("\(name):\(error.source.begin.line): \(error.description)")
            return configuration
        } catch {
            configuration.errors.append("\(name): \(error)")
            return configuration
        }
        for key in table.keys.sorted(by: { line(of: $0, in: nil) < line(of: $1, in: nil) }) {
            guard let value = table[key] else { continue }
            switch key {
            case "keys": readKeys(value)
            case "theme": readTheme(value)
            case "layout": readLayout(value)
            default:
                if Command(rawValue: key) != nil || key == "unbind" {
                    error(line(of: key, in: nil), "\(key) belongs under [keys] (write [keys] on a line above it)")
                } else {
                    error(line(of: key, in: nil), "unknown section [\(key)]\(suggestion(key, Self.sections)) (sections: [keys], [theme], [layout])")
                }
            }
        }
        // In the file's order.
        func number(_ message: String) -> Int { Int(message.dropFirst(name.count + 1).prefix { $0.isNumber }) ?? 0 }
        configuration.errors.sort { number($0) < number($1) }
        configuration.warnings.sort { number($0) < number($1) }
        return configuration
    }

    // MARK: [keys]

    /// One user binding: a command's keys on every screen where it works, or on one.
    struct Binding {
        let command: Command
        let keys: [Key]
        let screen: ScreenKind?
        let line: Int
    }

    mutating func readKeys(_ value: TOMLValueConvertible) {
        guard let keys = value.table else { return error(line(ofHeader: "keys"), "[keys] must be a table") }
        var unbinds: [(Key, ScreenKind?)] = []
        var bindings: [Binding] = []
        func read(_ table: TOMLTable, screen: ScreenKind?, section: String) {
            for name in table.keys.sorted(by: { line(of: $0, in: section) < line(of: $1, in: section) }) {
                guard let value = table[name] else { continue }
                let at = line(of: name, in: section)
                if let subtable = value.table {
                    guard screen == nil else { error(at, "[\(section).\(name)] is not a section"); continue }
                    // `actors`, `timeline` and `help` are commands and screens: their screens may also be
                    // written `actors-screen` (TOML cannot have `help = …` and `[keys.help]` together).
                    let screenName = name.hasSuffix("-screen") ? String(name.dropLast("-screen".count)) : name
                    guard let kind = ScreenKind(rawValue: screenName) else {
                        let names = ScreenKind.allCases.map(\.rawValue)
                        error(line(ofHeader: "keys.\(name)"), "unknown screen \"\(name)\"\(suggestion(name, names)) (screens: \(names.joined(separator: ", ")))")
                        continue
                    }
                    read(subtable, screen: kind, section: "keys.\(name)")
                    continue
                }
                guard let names = strings(value) else {
                    error(at, "\(name) must be a key or a list of keys, as glossa keys writes them (\"j\", \"Ctrl-O\", [\"f\", \"F2\"])")
                    continue
                }
                let keys = parseKeys(names, line: at)
                if name == "unbind" {
                    unbinds += keys.map { ($0, screen) }
                    continue
                }
                guard let command = Command(rawValue: name) else {
                    error(at, "unknown command \"\(name)\"\(suggestion(name, Command.allCases.map(\.rawValue)))")
                    continue
                }
                if let screen, !KeyMap.standard.screens(of: command).contains(screen) {
                    let screens = KeyMap.standard.screens(of: command).sorted().map(\.rawValue).joined(separator: ", ")
                    error(at, "\(name) does nothing on the \(screen.rawValue) screen (it works on: \(screens))")
                    continue
                }
                bindings.append(Binding(command: command, keys: keys, screen: screen, line: at))
            }
        }
        read(keys, screen: nil, section: "keys")
        apply(unbinds: unbinds, bindings: bindings)
    }

    /// Unbinds first, then each command loses its old keys where it is rebound, then the new keys are
    /// given in the file's order; a key another command has there is an error, and that command keeps
    /// its default keys (those still free).
    mutating func apply(unbinds: [(Key, ScreenKind?)], bindings given: [Binding]) {
        var map = configuration.keyMap
        for (key, screen) in unbinds { map.unbind(key, on: screen) }
        let defaults = map
        // Every screen's keys first, then one screen's: `[keys.reader]` refines `[keys]`, wherever it is in the file.
        let bindings = given.filter { $0.screen == nil } + given.filter { $0.screen != nil }
        for binding in bindings { map.bind(binding.command, to: [], on: binding.screen) }
        for binding in bindings {
            let screens = binding.screen.map { [$0] } ?? map.screens(of: binding.command)
            var conflict: String?
            for key in binding.keys {
                for screen in screens.sorted() {
                    if let other = map.command(for: key, on: screen), other != binding.command {
                        conflict = "\"\(key.name)\" is already bound to \(other.rawValue) on the \(screen.rawValue) screen"
                        break
                    }
                }
                if conflict != nil { break }
            }
            if let conflict {
                error(binding.line, conflict)
                // The command keeps its default keys where nothing else took them.
                for screen in screens.sorted() {
                    let free = defaults.bindings(on: screen).first { $0.command == binding.command }?.keys.filter { map.command(for: $0, on: screen) == nil } ?? []
                    map.bind(binding.command, to: free, on: screen)
                }
                continue
            }
            map.bind(binding.command, to: binding.keys, on: binding.screen)
        }
        // In raw mode Ctrl-C is a key like any other: a file that leaves no key to quit would lock the
        // user in. Quit then keeps its default keys (those still free).
        for screen in ScreenKind.allCases where !map.bindings(on: screen).contains(where: { $0.command == .quit && !$0.keys.isEmpty }) {
            let at = given.first { $0.command == .quit }?.line ?? line(of: "unbind", in: "keys")
            error(at, "no key would quit Glossa on the \(screen.rawValue) screen; quit keeps its keys")
            for fallback in ScreenKind.allCases {
                let free = KeyMap.standard.bindings(on: fallback).first { $0.command == .quit }?.keys.filter { map.command(for: $0, on: fallback) == nil } ?? []
                map.bind(.quit, to: free.isEmpty ? [.ctrl("c")] : free, on: fallback)
            }
            break
        }
        configuration.keyMap = map
    }

    /// Keys a terminal sends as other keys: a binding to them would never fire.
    static let sentAs: [Key: String] = [.ctrl("i"): "Tab", .ctrl("m"): "Enter", .ctrl("h"): "Backspace"]

    mutating func parseKeys(_ names: [String], line: Int) -> [Key] {
        var keys: [Key] = []
        for name in names {
            guard let key = Key(name: name) else {
                error(line, "unknown key \"\(name)\" (keys are written as glossa keys writes them: j, Space, Enter, Ctrl-O, PgDn, F1)")
                continue
            }
            if let sent = Self.sentAs[key] {
                error(line, "\(name) arrives as \(sent) in a terminal; bind \(sent) instead")
                continue
            }
            if key.needsAltGrOnGerman {
                warning(line, "\"\(name)\" needs AltGr on a German keyboard")
            }
            keys.append(key)
        }
        return keys
    }

    // MARK: [theme]

    mutating func readTheme(_ value: TOMLValueConvertible) {
        guard let table = value.table else { return error(line(ofHeader: "theme"), "[theme] must be a table") }
        let names = ThemeColors.settings.map(\.name)
        for name in table.keys.sorted(by: { line(of: $0, in: "theme") < line(of: $1, in: "theme") }) {
            let at = line(of: name, in: "theme")
            guard names.contains(name) else {
                error(at, "unknown colour setting \"\(name)\"\(suggestion(name, names)) (settings: \(names.joined(separator: ", ")))")
                continue
            }
            let given = table[name]?.string ?? table[name]?.int.map(String.init)
            guard let given, let color = Color(name: given) else {
                error(at, "\(name) must be a colour name (black, red, green, yellow, blue, magenta, cyan, white) or a number 0–255")
                continue
            }
            configuration.colors.values.append((name, color))
        }
    }

    // MARK: [layout]

    mutating func readLayout(_ value: TOMLValueConvertible) {
        guard let table = value.table else { return error(line(ofHeader: "layout"), "[layout] must be a table") }
        for name in table.keys.sorted(by: { line(of: $0, in: "layout") < line(of: $1, in: "layout") }) {
            let at = line(of: name, in: "layout")
            switch name {
            case "pane":
                guard let shown = table[name]?.bool else { error(at, "pane must be true (shown at start) or false (hidden)"); continue }
                configuration.layout.visible = shown
            case "pane-width":
                guard let width = table[name]?.int, (ScreenGeometry.minimumPaneWidth...200).contains(width) else {
                    error(at, "pane-width must be a number of columns from \(ScreenGeometry.minimumPaneWidth) to 200")
                    continue
                }
                configuration.layout.width = width
            case "wrap-width":
                guard let width = table[name]?.int, (ScreenGeometry.minimumTextWidth...1000).contains(width) else {
                    error(at, "wrap-width must be a number of columns from \(ScreenGeometry.minimumTextWidth) to 1000")
                    continue
                }
                configuration.layout.wrapWidth = width
            default:
                error(at, "unknown layout setting \"\(name)\"\(suggestion(name, Self.layoutSettings)) (settings: \(Self.layoutSettings.joined(separator: ", ")))")
            }
        }
    }

    // MARK: Helpers

    mutating func error(_ line: Int, _ message: String) { configuration.errors.append("\(name):\(line): \(message)") }
    mutating func warning(_ line: Int, _ message: String) { configuration.warnings.append("\(name):\(line): \(message)") }

    func strings(_ value: TOMLValueConvertible) -> [String]? {
        if let string = value.string { return [string] }
        guard let array = value.array else { return nil }
        var result: [String] = []
        for element in array {
            guard let string = element.string else { return nil }
            result.append(string)
        }
        return result
    }

    /// The line (1-based) of a key's assignment inside a section (`nil`: before any header), else of
    /// the section's header, else 1.
    func line(of key: String, in section: String?) -> Int {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let header = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                current = header
                if section == nil, header == key || header.hasPrefix(key + ".") { return index + 1 }
                continue
            }
            guard current == section, let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if name == key { return index + 1 }
        }
        if let section { return line(ofHeader: section) }
        return 1
    }

    func line(ofHeader header: String) -> Int {
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("["), line.dropFirst().prefix(while: { $0 != "]" }).trimmingCharacters(in: .whitespaces) == header { return index + 1 }
        }
        return 1
    }

    /// ` (did you mean "claim"?)` for a near name, else nothing.
    func suggestion(_ given: String, _ names: [String]) -> String {
        if given.count >= 3, let longer = names.first(where: { $0.hasPrefix(given.lowercased()) }) { return " (did you mean \"\(longer)\"?)" }
        let scored = names.map { ($0, Self.distance(given.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, given.count / 3) else { return "" }
        return " (did you mean \"\(best)\"?)"
    }

    /// Levenshtein distance.
    static func distance(_ left: String, _ right: String) -> Int {
        let a = Array(left), b = Array(right)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
