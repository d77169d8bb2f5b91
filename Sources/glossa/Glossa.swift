import ArgumentParser
import Foundation
import GlossaCore

@main
struct Glossa: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossa",
        abstract: "Read and annotate German-language news in the terminal.",
        subcommands: [Open.self, List.self, Keys.self, Extract.self, Events.self, ExportCommand.self, Import.self, ConfigCommand.self],
        defaultSubcommand: Open.self
    )
}

/// Prints one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("glossa: " + message + "\n").utf8))
}

/// Loads a library or exits with a clear message (exit code 1).
func loadLibrary(_ directory: String) throws -> Library {
    do {
        return try LibraryLoader.load(directory: directory)
    } catch let error as LibraryError {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// Prints a value as pretty, stable JSON (sorted keys) for scripts.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
