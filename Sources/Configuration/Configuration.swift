import Foundation
import ReaderUI
import TOMLKit

/// The user's `config.toml`: keys, colours and layout, with what was wrong in it. What is wrong is
/// left at its default; the rest applies.
///
/// ```toml
/// [keys]
/// claim = "C"
/// follow-link = ["f", "Ctrl-J"]
/// unbind = ["Q"]
///
/// [keys.reader]
/// close = ["q", "Esc"]
///
/// [theme]
/// person = "red"          # a name or a number of the 256-colour palette
///
/// [layout]
/// pane-width = 40
/// ```
public struct Configuration: Sendable, Equatable {
    /// The file it was read from (nil: none, the defaults).
    public var path: String?
    public var keyMap = KeyMap.standard
    public var colors = ThemeColors()
    public var layout = PaneSettings()
    /// Mistakes (`config.toml:7: unknown command "clam" (did you mean "claim"?)`): ignored, defaults kept.
    public var errors: [String] = []
    /// Settings that work but may not do what was meant (a key that needs AltGr on a German keyboard).
    public var warnings: [String] = []

    public init() {}

    /// The theme: the configured colours over the standard one; `NO_COLOR` (monochrome) wins.
    public func theme(color: Bool) -> Theme {
        color ? colors.apply(to: .color) : .monochrome
    }

    /// One line for the status bar when the file had problems, else nil.
    public var notice: String? {
        guard let path, !errors.isEmpty || !warnings.isEmpty else { return nil }
        let name = (path as NSString).lastPathComponent
        if errors.isEmpty {
            return warnings.count == 1 ? warnings[0] : "\(name): \(warnings.count) warnings (glossa config --check)"
        }
        let first = errors[0]
        return errors.count == 1 ? "\(first); the default is used" : "\(first) (and \(errors.count - 1) more; glossa config --check); defaults used"
    }

    // MARK: Reading

    /// Reads a file; a missing file at the default place is no configuration, not an error.
    public static func load(_ location: ConfigLocation) -> Configuration {
        guard FileManager.default.fileExists(atPath: location.path) else {
            var configuration = Configuration()
            if location.isExplicit {
                configuration.path = location.path
                configuration.errors = ["\(location.path): no such file"]
            }
            return configuration
        }
        guard let data = FileManager.default.contents(atPath: location.path) else {
            var configuration = Configuration()
            configuration.path = location.path
            configuration.errors = ["\(location.path): cannot be read"]
            return configuration
        }
        guard let text = String(data: data, encoding: .utf8) else {
            var configuration = Configuration()
            configuration.path = location.path
            configuration.errors = ["\(location.path): is not UTF-8"]
            return configuration
        }
        return parse(text, path: location.path)
    }

    /// Parses the text of a file named `path` (messages name its last component and the line).
    public static func parse(_ text: String, path: String) -> Configuration {
        var reader = ConfigReader(text: text, path: path)
        return reader.read()
    }
}

/// The colours a user may set, each over the standard theme's.
public struct ThemeColors: Sendable, Equatable {
    /// Setting name → colour, in the file's order.
    public var values: [(String, Color)] = []

    public static func == (left: ThemeColors, right: ThemeColors) -> Bool {
        left.values.map(\.0) == right.values.map(\.0) && left.values.map(\.1) == right.values.map(\.1)
    }

    /// One colour a user may set: what it colours, where it is in the theme.
    public struct Setting: Sendable {
        public let name: String
        public let help: String
        let read: @Sendable (Theme) -> Color?
        let write: @Sendable (inout Theme, Color) -> Void
    }

    public static let settings: [Setting] = [
        Setting(name: "person", help: "people in the text", read: { $0.actorPerson.foreground }, write: { $0.actorPerson.foreground = $1 }),
        Setting(name: "organization", help: "organizations in the text", read: { $0.actorOrganization.foreground },
                write: { $0.actorOrganization.foreground = $1 }),
        Setting(name: "place", help: "places in the text", read: { $0.actorPlace.foreground }, write: { $0.actorPlace.foreground = $1 }),
        Setting(name: "money", help: "amounts and percentages", read: { $0.numberMoney.foreground }, write: { $0.numberMoney.foreground = $1 }),
        Setting(name: "time", help: "dates, times and durations", read: { $0.numberTime.foreground }, write: { $0.numberTime.foreground = $1 }),
        Setting(name: "quantity", help: "other numbers", read: { $0.numberQuantity.foreground }, write: { $0.numberQuantity.foreground = $1 }),
        Setting(name: "claim", help: "the gutter mark of a claim without verdict", read: { $0.badgeClaim.foreground },
                write: { $0.badgeClaim.foreground = $1 }),
        Setting(name: "cursor", help: "the background of the current sentence and of selections", read: { $0.cursorSentence.background },
                write: { $0.cursorSentence.background = $1; $0.selection.background = $1 }),
        Setting(name: "cursor-text", help: "the text of the current sentence and of selections", read: { $0.cursorSentence.foreground },
                write: { $0.cursorSentence.foreground = $1; $0.selection.foreground = $1 }),
        Setting(name: "pane", help: "the pane's headings and labels", read: { $0.heading.foreground },
                write: { $0.heading.foreground = $1; $0.label.foreground = $1 }),
        Setting(name: "bar", help: "the background of the title and status bars", read: { $0.bar.background }, write: {
            $0.bar.background = $1; $0.barAccent.background = $1; $0.message.background = $1; $0.headingFocused.background = $1
        }),
        Setting(name: "link", help: "the gutter mark of a sentence with a linked event", read: { $0.linkMarker.foreground },
                write: { $0.linkMarker.foreground = $1 }),
    ]

    public func apply(to theme: Theme) -> Theme {
        var theme = theme
        for (name, color) in values {
            Self.settings.first { $0.name == name }?.write(&theme, color)
        }
        return theme
    }
}
