import Extraction
import Foundation
import GlossaCore
import Indexing
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
    public init(launch: LibraryLaunch, terminal: TerminalDevice, theme: Theme, keyMap: KeyMap = .standard, layout: PaneSettings = PaneSettings(),
                options: ExtractionOptions, cacheVersion: Int, services: Services, notices: [String] = []) {
        self.launch = launch
        let mailbox = Mailbox()
        let database = launch.database
        indexer = LibraryIndexer(root: launch.directory, database: launch.indexDatabase, options: options, cacheVersion: cacheVersion,
                                 decisions: { Self.decisions(database, mailbox) }, report: { mailbox.post($0.map(Action.init)) })
        indexer.annotations = database
        let library = launch.library
        var state = AppState(library: library, size: terminal.size, theme: theme, keyMap: keyMap,
                             actorIndex: ActorIndex(articles: Array(repeating: ArticleActors(), count: library.articles.count)),
                             extractionOptions: options)
        state.pane = layout
        state.extractionCache = Self.extractionCache(launch.indexDatabase, version: cacheVersion)
        state.notes.annotations = launch.annotations
        state.notes.storeProblem = launch.problem
        if !library.articles.isEmpty { state.indexing = IndexProgress(done: 0, total: library.articles.count) }
        let all = notices + [launch.notice].compactMap { $0 }
        if !all.isEmpty { state.message = StatusMessage(all.joined(separator: "; "), level: .warning) }
        var services = services
        let root = launch.directory
        services.read = { path in
            do throws(ArticleFileError) {
                return try ArticleFile.article(path, in: root)
            } catch {
                throw ServiceError(error.reason)
            }
        }
        // A file whose size cannot be read is read on the event loop, where its read error is reported.
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

    /// The index's extractions, for opening an article without extracting it again.
    static func extractionCache(_ index: AppDatabase, version: Int) -> ExtractionCache {
        ExtractionCache { article in
            // A cache that cannot be read (or holds an older format) is no loss: the article is
            // extracted, with the same result.
            guard let blob = try? index.cachedExtraction(path: article.path, hash: ContentHash.of(article.text), version: version) else {
                return nil
            }
            return ExtractionCodec.decode(blob)
        }
    }

    /// The user's link decisions for the linker. When they cannot be read, events are linked
    /// without them and the status line says so (the decisions stay in the database).
    private static func decisions(_ database: AppDatabase?, _ mailbox: Mailbox) -> [LinkDecision] {
        guard let database else { return [] }
        do {
            return try database.linkDecisions()
        } catch {
            mailbox.post([.backgroundFailed("Your link decisions could not be read (\(error)); links are shown without them.")])
            return []
        }
    }

    /// Starts reading the library in the background.
    public func startIndexing() {
        indexer.start(library: launch.library, files: launch.files, cached: launch.cached)
    }
}

extension Action {
    /// The reader's action for what the indexer reports.
    init(_ event: IndexEvent) {
        switch event {
        case .articlesRead(let articles, let progress): self = .articlesRead(articles, progress)
        case .progressed(let progress, let problems): self = .indexProgressed(progress, problems: problems)
        case .actorsIndexed(let index): self = .actorsIndexed(index)
        case .eventsLinked(let events): self = .eventsLinked(events)
        case .libraryReloaded(let library, let actors, let events, let message): self = .libraryReloaded(library, actors, events, message: message)
        case .finished(let message): self = .indexFinished(message: message)
        }
    }
}
