import ArgumentParser
import Configuration
import Extraction
import Foundation
import GlossaCore
import Indexing
import ReaderApp
import Linking
import ReaderUI
import Store
import Terminal

/// `glossa [DIR]`: the full-screen reader. The list shows at once (titles and dates from the index,
/// or from each file's first lines); the articles are read and indexed in the background.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the reader on a folder of articles (the default command).")

    @OptionGroup var folder: LibraryFolder

    @Flag(name: .customLong("no-color"), help: "Use no colours (as does a non-empty NO_COLOR).")
    var noColor = false

    @OptionGroup var database: DatabaseOption

    @OptionGroup var config: ConfigOption

    func run() throws {
        let directory = folder.directory
        // The folder is checked before the terminal is taken over, so that a wrong path is one line.
        do {
            try LibraryFiles.check(directory)
        } catch let error as LibraryError {
            printError(error.description)
            throw ExitCode(1)
        }
        // The configuration: what is wrong in it is left at its default and said in the status line.
        let configuration = config.load()
        var options = ExtractionOptions()
        var warning: String?
        var catalogText: String?
        do {
            (options.catalog, catalogText) = try ActorCatalog.loadWithText(directory: directory)
        } catch {
            warning = "\(error) (actors.toml ignored)"
            printError(warning!)
        }
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
        let cacheVersion = LibraryIndexer.cacheVersion(catalogText: catalogText)
        let launch: LibraryLaunch
        do {
            launch = try LibraryLaunch.open(directory: directory, databasePath: database.path(library: directory),
                                            cacheVersion: cacheVersion)
        } catch {
            terminal.restore()
            printError("\(error)")
            throw ExitCode(1)
        }
        let store = LibraryStore(launch: launch)
        let services = store.services(export: ReaderExport(directory: directory, options: options))
        let session = ReaderSession(launch: launch, terminal: terminal, theme: configuration.theme(color: terminal.hasColors),
                                    keyMap: configuration.keyMap, layout: configuration.layout,
                                    options: options, cacheVersion: cacheVersion, services: services,
                                    notices: [configuration.notice, warning].compactMap { $0 })
        session.startIndexing()
        let signal = session.runtime.run()
        terminal.restore()
        if let signal { throw ExitCode(128 + signal) }
    }
}
