import ArgumentParser
import Foundation
import ReaderUI

/// `glossa keys [--json]`: the keymap, from the same table as the help screen.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the keymap: command names, keys, screens and help.")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    struct Entry: Encodable {
        let command: String
        let keys: [String]
        let screens: [String]
        let help: String
    }

    func run() throws {
        let entries = KeyMap.standard.bindings.map {
            Entry(command: $0.command.rawValue, keys: $0.keys.map(\.name),
                  screens: $0.screens.sorted().map(\.rawValue), help: $0.help)
        }
        if json {
            try printJSON(entries)
            return
        }
        print(Table.format([["COMMAND", "KEYS", "SCREENS", "HELP"]] + entries.map {
            [$0.command, $0.keys.joined(separator: " "), $0.screens.joined(separator: ","), $0.help]
        }))
    }
}
