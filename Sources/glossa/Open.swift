import ArgumentParser
import Extraction
import Foundation
import GlossaCore
import ReaderUI
import Store
import Terminal

/// `glossa [DIR]`: the full-screen reader.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the reader on a folder of articles (the default command).")

    @Argument(help: "The library: a folder of .txt and .md articles.")
    var directory: String = "."

    @Flag(name: .customLong("no-color"), help: "Use no colours (as does a non-empty NO_COLOR).")
    var noColor = false

    @Option(name: .customLong("db"), help: "The annotation database (default: DIR/.glossa/glossa.sqlite).")
    var database: String?

    func run() throws {
        let library = try loadLibrary(directory)
        var options = ExtractionOptions()
        var warning: String?
        do {
            options.catalog = try ActorCatalog.load(directory: directory)
        } catch {
            warning = "\(error) (actors.toml ignored)"
            printError(warning!)
        }
        if library.articles.count > 200 {
            FileHandle.standardError.write(Data("glossa: finding actors in \(library.articles.count) articles …\n".utf8))
        }
        let index = ActorIndex(library: library, options: options)
        let store = LibraryStore(path: database ?? AppDatabase.defaultPath(library: directory), library: library)
        if let notice = store.notice, store.database == nil { printError(notice) }
        let colorAllowed = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal(allowColor: colorAllowed)
        } catch let error as TerminalSetupError {
            printError(error.description)
            throw ExitCode(2)
        }
        defer { terminal.restore() }
        var state = AppState(library: library, size: terminal.size, theme: terminal.hasColors ? .color : .monochrome,
                             actorIndex: index, extractionOptions: options)
        state.annotations = store.annotations
        state.storeProblem = store.problem
        if let notice = store.notice { state.message = StatusMessage(notice, level: .warning) }
        if let warning { state.message = StatusMessage(warning, level: .warning) }
        let services = store.services(library: library, export: ReaderExport(directory: directory, library: library, options: options))
        let signal = Runtime(state: state, terminal: terminal, services: services).run()
        terminal.restore()
        if let signal { throw ExitCode(128 + signal) }
    }
}
