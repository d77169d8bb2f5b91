import ReaderUI

/// `glossa config --default`: a commented file with every setting at its default.
public enum DefaultConfiguration {
    public static var text: String {
        var lines = [
            "# Glossa's configuration: $XDG_CONFIG_HOME/glossa/config.toml (default ~/.config/glossa/config.toml;",
            "# --config FILE or GLOSSA_CONFIG name another). Every setting below is at its default (but the two",
            "# layout examples): remove the `#` of a line to change it. glossa config --check says what is wrong.",
            "",
            "[keys]",
            "# A command's keys, on every screen where it works: one key or a list, written as `glossa keys` writes",
            "# them (j, Space, Enter, Esc, Tab, Ctrl-O, PgDn, F1). The command loses its other keys. A key that",
            "# another command has on the same screen is an error; free it first with unbind.",
            "# unbind = []",
        ]
        let standard = KeyMap.standard
        var perScreen: [ScreenKind: [KeyBinding]] = [:]
        var seen = Set<Command>()
        for binding in standard.bindings where !seen.contains(binding.command) {
            seen.insert(binding.command)
            let rows = standard.bindings(for: binding.command)
            if Set(rows.map(\.keys)).count == 1 {
                lines.append("# \(binding.command.rawValue) = \(list(binding.keys))".padded(to: 44) + "# \(binding.help)")
            } else {
                for row in rows { for screen in row.screens { perScreen[screen, default: []].append(row) } }
            }
        }
        lines += ["", "# Where a command has other keys on other screens: per screen. The screens actors, timeline and",
                  "# help are also commands, so their sections are written [keys.actors-screen] and so on."]
        for screen in ScreenKind.allCases {
            guard let rows = perScreen[screen] else { continue }
            let section = Command(rawValue: screen.rawValue) == nil ? screen.rawValue : screen.rawValue + "-screen"
            lines += ["", "# [keys.\(section)]"]
            for row in rows {
                lines.append("# \(row.command.rawValue) = \(list(row.keys))".padded(to: 44) + "# \(row.help)")
            }
        }
        lines += ["", "[theme]",
                  "# Colours: black, red, green, yellow, blue, magenta, cyan, white, or a number of the 256-colour",
                  "# palette (0–255; the nearest of the eight on terminals that have no more). NO_COLOR wins."]
        for setting in ThemeColors.settings {
            let value = setting.read(.color).map { "\"\($0.name)\"" } ?? "\"default\""
            lines.append("# \(setting.name) = \(value)".padded(to: 44) + "# \(setting.help)")
        }
        lines += ["", "[layout]",
                  "# pane = true".padded(to: 44) + "# the annotation pane is shown when an article opens",
                  "# pane-width and wrap-width follow the terminal by default; these are examples:",
                  "# pane-width = 40".padded(to: 44) + "# columns (default: 30 % of the terminal, 28 to 48)",
                  "# wrap-width = 100".padded(to: 44) + "# the text is wrapped at most this wide (default: as wide as it fits)"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func list(_ keys: [Key]) -> String {
        keys.count == 1 ? "\"\(keys[0].name)\"" : "[" + keys.map { "\"\($0.name)\"" }.joined(separator: ", ") + "]"
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
