import Extraction
import Foundation
import GlossaCore
import Linking
import ReaderUI
import Store

/// A reader on a library: the first screen from the launch's placeholders, and the indexer that
/// fills it in from the background. `glossa` and the benchmark both start the reader through it.
public final class ReaderSession {
    public let runtime: Runtime
    public let indexer: LibraryIndexer
    private let launch: LibraryLaunch

    /// `services`: the annotation store and export (reading, searching and rescanning are added here).
    public init(launch: LibraryLaunch, terminal: TerminalDevice, theme: Theme, options: ExtractionOptions, cacheVersion: Int,
                services: Services, notices: [String] = []) {
        self.launch = launch
        let mailbox = Mailbox()
        let database = launch.database
        indexer = LibraryIndexer(root: launch.directory, database: launch.indexDatabase, options: options, cacheVersion: cacheVersion,
                                 decisions: { (try? database?.linkDecisions()) ?? [] }, post: { mailbox.post($0) })
        indexer.annotations = database
        let library = launch.library
        var state = AppState(library: library, size: terminal.size, theme: theme,
                             actorIndex: ActorIndex(articles: Array(repeating: ArticleActors(), count: library.articles.count)),
                             extractionOptions: options)
        state.annotations = launch.annotations
        state.storeProblem = launch.problem
        if !library.articles.isEmpty { state.indexing = IndexProgress(done: 0, total: library.articles.count) }
        let all = notices + [launch.notice].compactMap { $0 }
        if !all.isEmpty { state.message = StatusMessage(all.joined(separator: "; "), level: .warning) }
        var services = services
        let root = launch.directory
        services.read = { path in
            let data: Data
            do {
                data = try ArticleFile.read(root + "/" + path)
            } catch let error as ArticleFileError {
                throw ServiceError(error.reason)
            }
            let decoded = TextDecoding.decode(data)
            return Article(path: path, text: decoded.text, hadInvalidUTF8: decoded.hadInvalidBytes)
        }
        services.isLarge = { path in
            ((try? FileManager.default.attributesOfItem(atPath: root + "/" + path)[.size]) as? NSNumber)?.intValue ?? 0
                > Reducer.preparedInBackground
        }
        let search = LibrarySearch(root: root, database: launch.indexDatabase)
        services.search = { query in
            do {
                return try search.run(query)
            } catch let error as StoreError {
                throw ServiceError(error.description)
            }
        }
        let indexer = self.indexer
        services.rescan = { indexer.rescan() }
        runtime = Runtime(state: state, terminal: terminal, services: services, mailbox: mailbox)
    }

    /// Starts reading the library in the background.
    public func startIndexing() {
        indexer.start(library: launch.library, files: launch.files, cached: launch.cached)
    }
}
