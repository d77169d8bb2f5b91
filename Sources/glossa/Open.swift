import ArgumentParser
import Extraction
import Foundation
import GlossaCore
import Linking
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
            FileHandle.standardError.write(Data("glossa: finding actors and events in \(library.articles.count) articles …\n".utf8))
        }
        let extractions = library.articles.map { (article: $0, extraction: Extractor.extract($0, options: options)) }
        let index = ActorIndex(mentions: extractions.map(\.extraction.actors))
        let colorAllowed = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal(allowColor: colorAllowed)
        } catch let error as TerminalSetupError {
            printError(error.description)
            throw ExitCode(2)
        }
        defer { terminal.restore() }
        // After the terminal check: a run that cannot show anything does not touch the database.
        let store = LibraryStore(path: database ?? AppDatabase.defaultPath(library: directory), library: library)
        var state = AppState(library: library, size: terminal.size, theme: terminal.hasColors ? .color : .monochrome,
                             actorIndex: index, extractionOptions: options)
        state.annotations = store.annotations
        state.events = LibraryEvents(extractions, decisions: store.decisions)
        state.storeProblem = store.problem
        let notices = [warning, store.notice].compactMap { $0 }
        if !notices.isEmpty { state.message = StatusMessage(notices.joined(separator: "; "), level: .warning) }
        let services = store.services(library: library, export: ReaderExport(directory: directory, library: library, options: options))
        let signal = Runtime(state: state, terminal: terminal, services: services).run()
        terminal.restore()
        if let signal { throw ExitCode(128 + signal) }
    }
}
