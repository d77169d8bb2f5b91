/// One row of the keymap: a command, its keys, where it works and what it does.
public struct KeyBinding: Equatable, Sendable {
    public let command: Command
    public var keys: [Key]
    public let screens: Set<ScreenKind>
    public let help: String
}

/// The table that maps keys to commands; help, `glossa keys` and user bindings all read it.
public struct KeyMap: Equatable, Sendable {
    public private(set) var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The command a key runs on a screen, if any. Earlier rows win.
    public func command(for key: Key, on screen: ScreenKind) -> Command? {
        bindings.first { $0.screens.contains(screen) && $0.keys.contains(key) }?.command
    }

    /// The rows of a command (a command may have different keys on different screens).
    public func bindings(for command: Command) -> [KeyBinding] {
        bindings.filter { $0.command == command }
    }

    /// The rows that work on a screen, in table order.
    public func bindings(on screen: ScreenKind) -> [KeyBinding] {
        bindings.filter { $0.screens.contains(screen) }
    }

    /// The first key of a command on a screen, for hints: `j`, `Space`; the command's name when the
    /// user has left it without a key.
    public func hint(_ command: Command, on screen: ScreenKind) -> String {
        bindings(on: screen).first { $0.command == command }?.keys.first?.name ?? command.rawValue
    }

    /// A command's key for a hint, `preferred` when the command still has it (`Esc` rather than `x`).
    public func hint(_ command: Command, on screen: ScreenKind, preferring preferred: Key) -> String {
        let keys = bindings(on: screen).first { $0.command == command }?.keys ?? []
        return keys.contains(preferred) ? preferred.name : hint(command, on: screen)
    }

    /// The screens where a command works.
    public func screens(of command: Command) -> Set<ScreenKind> {
        bindings(for: command).reduce(into: []) { $0.formUnion($1.screens) }
    }

    /// Gives a command these keys instead of its own, on every screen where it works, or on one
    /// (a row that also covers other screens is split and keeps its keys there).
    public mutating func bind(_ command: Command, to keys: [Key], on screen: ScreenKind? = nil) {
        bindings = bindings.flatMap { binding -> [KeyBinding] in
            guard binding.command == command else { return [binding] }
            return Self.split(binding, on: screen) { _ in keys }
        }
    }

    /// Takes a key from every command, on every screen or on one.
    public mutating func unbind(_ key: Key, on screen: ScreenKind? = nil) {
        bindings = bindings.flatMap { binding -> [KeyBinding] in
            guard binding.keys.contains(key) else { return [binding] }
            return Self.split(binding, on: screen) { $0.filter { $0 != key } }
        }
    }

    /// The row with its keys changed on `screen` (all of its screens when nil): one row, or two when
    /// the row's other screens keep their keys.
    private static func split(_ binding: KeyBinding, on screen: ScreenKind?, keys change: ([Key]) -> [Key]) -> [KeyBinding] {
        guard let screen else {
            var changed = binding
            changed.keys = change(binding.keys)
            return [changed]
        }
        guard binding.screens.contains(screen) else { return [binding] }
        let changed = KeyBinding(command: binding.command, keys: change(binding.keys), screens: [screen], help: binding.help)
        let others = binding.screens.subtracting([screen])
        return others.isEmpty ? [changed] : [changed, KeyBinding(command: binding.command, keys: binding.keys, screens: others, help: binding.help)]
    }

    /// Keys shared by two commands on the same screen.
    public var conflicts: [(Key, Command, Command, ScreenKind)] {
        var result: [(Key, Command, Command, ScreenKind)] = []
        for screen in ScreenKind.allCases {
            var seen: [Key: Command] = [:]
            for binding in bindings(on: screen) {
                for key in binding.keys {
                    if let other = seen[key], other != binding.command {
                        result.append((key, other, binding.command, screen))
                    }
                    seen[key] = binding.command
                }
            }
        }
        return result
    }

    public static let standard = KeyMap(bindings: [
        row(.moveDown, ["j", "Down"], [.library, .reader, .actors, .timeline, .help], "Next sentence (next article, next actor)"),
        row(.moveUp, ["k", "Up"], [.library, .reader, .actors, .timeline, .help], "Previous sentence (previous article, previous actor)"),
        row(.pageDown, ["Space", "PgDn", "Ctrl-F"], [.library, .reader, .actors, .timeline, .help], "One page down"),
        row(.pageUp, ["b", "PgUp", "Ctrl-B"], [.library, .reader, .actors, .timeline, .help], "One page up"),
        row(.moveFirst, ["g", "Home"], [.library, .reader, .actors, .timeline, .help], "First sentence / first article"),
        row(.moveLast, ["G", "End"], [.library, .reader, .actors, .timeline, .help], "Last sentence / last article"),
        row(.open, ["Enter", "Right", "l"], [.library], "Open the selected article"),
        row(.open, ["Enter", "Right", "l"], [.actors], "List the actor's mentions; on a mention, open it"),
        row(.open, ["Enter"], [.reader], "In the pane: go to the selected note"),
        row(.selectActor, ["e"], [.reader], "Select the next actor in the sentence"),
        row(.nextMention, ["m"], [.reader], "Next mention of the selected actor (then in other articles)"),
        row(.previousMention, ["M"], [.reader], "Previous mention of the selected actor"),
        row(.claim, ["c"], [.reader], "Mark the sentence as a claim (again: unmark)"),
        row(.verdictSupported, ["1"], [.reader], "Verdict: supported (again: remove)"),
        row(.verdictDisputed, ["2"], [.reader], "Verdict: disputed"),
        row(.verdictFalse, ["3"], [.reader], "Verdict: false"),
        row(.verdictNeedsSource, ["4"], [.reader], "Verdict: needs source"),
        row(.verdictOpinion, ["5"], [.reader], "Verdict: opinion"),
        row(.note, ["i"], [.reader], "Write a note on the sentence (Enter saves, Esc cancels)"),
        row(.tag, ["t"], [.reader], "Tag the sentence (comma-separated tags)"),
        row(.adjustClaim, ["v"], [.reader], "Widen or narrow the claim: to more sentences or part of one"),
        row(.deleteAnnotation, ["d"], [.reader], "Delete the sentence's annotation"),
        row(.undo, ["u"], [.reader], "Undo the last change to an annotation"),
        row(.exportMarkdown, ["E"], [.library, .reader], "Export all notes to Markdown, next to the library"),
        row(.spanEndLater, ["l", "Right"], [.span], "End of the claim one word later"),
        row(.spanEndEarlier, ["h", "Left"], [.span], "End of the claim one word earlier"),
        row(.spanStartEarlier, ["H"], [.span], "Start of the claim one word earlier"),
        row(.spanStartLater, ["L"], [.span], "Start of the claim one word later"),
        row(.spanNextSentence, ["j", "Down"], [.span], "Widen the claim to the next sentence"),
        row(.spanPreviousSentence, ["k", "Up"], [.span], "Drop the claim's last sentence"),
        row(.spanSave, ["Enter"], [.span], "Save the claim's new span"),
        row(.followLink, ["f"], [.reader], "Follow the sentence's first link to the same event in another article"),
        row(.back, ["Backspace", "Ctrl-O", "H"], [.reader], "Back to where you were before the last jump"),
        row(.forward, ["L"], [.reader], "Forward again (Ctrl-I is Tab in a terminal, which moves the focus)"),
        row(.nextEvent, ["J"], [.reader], "Next sentence with a linked event"),
        row(.previousEvent, ["K"], [.reader], "Previous sentence with a linked event"),
        row(.confirmLink, ["="], [.reader], "Confirm the link (the selected one in the pane, else the sentence's first)"),
        row(.removeLink, ["X"], [.reader], "Remove the link: these two events are not the same"),
        row(.addLink, ["+"], [.reader], "Link by hand: on one event, then again on the same event in another article"),
        row(.timeline, ["T"], [.library, .reader, .timeline], "Timeline: every event of the library by date (again: back)"),
        row(.open, ["Enter", "Right", "l"], [.timeline], "Open the article at the event's sentence"),
        row(.actors, ["a"], [.library, .reader, .actors], "Actors of the library (again: back)"),
        row(.search, ["/"], [.library], "Search every article (all words, any form: Wahl finds Wahlen, Weissrussland Weißrussland)"),
        row(.search, ["/"], [.reader], "Search this article (incremental; Enter keeps, Esc cancels)"),
        row(.filterActor, ["F"], [.library], "Show only the articles that name an actor (by name; empty: all)"),
        row(.filterActor, ["F"], [.actors], "Show the selected actor's articles in the library"),
        row(.filterDates, ["D"], [.library], "Show only articles of a date range (2020, 2020-03..2020-06, 2021..)"),
        row(.filterNotes, ["*"], [.library], "Show only articles with notes (again: all)"),
        row(.clearFilters, ["x", "Esc"], [.library], "Clear the filters and the search"),
        row(.rescan, ["R"], [.library, .reader], "Read the folder again: new, changed and removed files"),
        row(.searchNext, ["n"], [.library, .reader], "Next match"),
        row(.searchPrevious, ["N"], [.library, .reader], "Previous match"),
        row(.toggleFocus, ["Tab"], [.reader], "Move focus between text and annotation pane"),
        row(.togglePane, ["p"], [.reader], "Hide or show the annotation pane"),
        row(.paneWider, ["<"], [.reader], "Widen the annotation pane"),
        row(.paneNarrower, [">"], [.reader], "Narrow the annotation pane"),
        row(.help, ["?", "F1"], [.library, .reader, .actors, .timeline, .span, .help], "Show or hide this help"),
        row(.redraw, ["Ctrl-L"], [.library, .reader, .actors, .timeline, .span, .help], "Redraw the screen"),
        row(.close, ["q", "Esc", "Left", "h"], [.reader, .actors, .timeline, .help], "Back: close the help, the list, or the article"),
        row(.close, ["Esc", "q"], [.span], "Cancel: keep the claim as it was"),
        row(.close, ["q"], [.library], "Quit Glossa"),
        row(.quit, ["Q", "Ctrl-C"], [.library, .reader, .actors, .timeline, .span, .help], "Quit Glossa from any screen"),
    ])

    private static func row(_ command: Command, _ keys: [String], _ screens: Set<ScreenKind>, _ help: String) -> KeyBinding {
        KeyBinding(command: command, keys: keys.map { Key(name: $0)! }, screens: screens, help: help)
    }
}
