import ArgumentParser
import Configuration
import Foundation
import ReaderUI

/// `glossa keys [--json]`: the keymap in effect (the user's configuration over the standard one),
/// from the same table as the help screen.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the keymap in effect: command names, keys, screens and help.")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var config: ConfigOption

    struct Entry: Encodable {
        let command: String
        let keys: [String]
        let screens: [String]
        let help: String
    }

    func run() throws {
        let configuration = config.load()
        for problem in configuration.errors { printError(problem + " (the default is used)") }
        for warning in configuration.warnings { printError("warning: " + warning) }
        let entries = configuration.keyMap.bindings.map {
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
