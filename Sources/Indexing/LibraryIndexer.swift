import Dispatch
import Extraction
import Foundation
import GlossaCore
import Linking
import Store

/// What the indexer keeps of an article between runs (for the actor index, links and rescans).
struct IndexedArticle: Sendable {
    var file: ScannedFile
    var article: Article
    var actors: ArticleActors
    var events: ArticleEvents?
}

/// Reads the library in the background on all cores: each file is read, its extraction taken from
/// the database's cache (same content hash and extractor version) or made anew, and stored with its
/// text for full-text search. Results are reported as `IndexEvent`s through `report`, in batches, so
/// that the list fills in while the user reads. One run at a time (a serial queue).
public final class LibraryIndexer: @unchecked Sendable {
    public let root: String
    /// Where the cache and the search index live; nil: neither (the reader still works).
    let database: AppDatabase?
    let options: ExtractionOptions
    /// `Extractor.version` combined with the user's actor list: a new list invalidates the cache.
    public let cacheVersion: Int
    /// The user's link decisions, read when events are linked.
    let decisions: @Sendable () -> [LinkDecision]
    /// Where the annotations are: once the articles are read, they are placed in their texts.
    public var annotations: AppDatabase?
    let report: @Sendable ([IndexEvent]) -> Void
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Articles per batch reported and per database transaction.
    public var batchSize = 200
    /// A start quicker than this says nothing when done (the status line keeps the reader's place).
    public var quietUnder = 1.0

    private let queue = DispatchQueue(label: "glossa.indexer")
    private let lock = NSLock()
    /// Guarded by `lock` while workers run; otherwise touched only on `queue`.
    private var known: [String: IndexedArticle] = [:]
    private var order: [String] = []

    public init(root: String, database: AppDatabase?, options: ExtractionOptions, cacheVersion: Int,
                decisions: @escaping @Sendable () -> [LinkDecision], report: @escaping @Sendable ([IndexEvent]) -> Void) {
        self.root = root
        self.database = database
        self.options = options
        self.cacheVersion = cacheVersion
        self.decisions = decisions
        self.report = report
    }

    /// The cache key for the extractor and an actor list's text.
    public static func cacheVersion(catalogText: String?) -> Int {
        guard let catalogText else { return Extractor.version }
        let hash = ContentHash.of(catalogText)
        return Extractor.version | Int(UInt32(hash.prefix(8), radix: 16) ?? 0) << 16
    }

    /// Reads every article of a library just opened (placeholders), in list order.
    public func start(library: Library, files: [ScannedFile], cached: [String: IndexedFile]) {
        queue.async { [self] in
            let started = DispatchTime.now()
            let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            let list = library.articles.compactMap { byPath[$0.path] }
            order = library.articles.map(\.path)
            let run = index(list, cached: cached, postArticles: true)
            finish(run, started: started, library: library, reloaded: nil)
        }
    }

    /// Reads the folder again: new and changed files are indexed, removed ones forgotten, and the
    /// reader gets the new library. Nothing happens (but a message) when nothing changed.
    public func rescan() {
        queue.async { [self] in
            let started = DispatchTime.now()
            let scanned: [ScannedFile]
            do {
                scanned = try LibraryFiles.scan(root)
            } catch {
                report([.finished(message: "The folder cannot be read: \(error)")])
                return
            }
            let changed = scanned.filter { known[$0.path]?.file != $0 }
            let present = Set(scanned.map(\.path))
            let removed = known.keys.filter { !present.contains($0) }
            guard !changed.isEmpty || !removed.isEmpty else {
                report([.finished(message: "No new, changed or removed files in \(root).")])
                return
            }
            let added = changed.filter { known[$0.path] == nil }.count
            report([.progressed(IndexProgress(done: 0, total: changed.count), problems: [])])
            // Without the index's list, every changed file is extracted anew: slower, the same result.
            let cached = (try? database?.indexedFiles()) ?? [:]
            for path in removed { known[path] = nil }
            var removalProblem: String?
            do {
                try database?.removeFromIndex(removed)
            } catch {
                removalProblem = "\(error)"
            }
            var run = index(changed, cached: cached, postArticles: false)
            if run.storeProblem == nil { run.storeProblem = removalProblem }
            let articles = scanned.map { file in
                known[file.path]?.article ?? Article(placeholder: file.path, metadata: LibraryFiles.headMetadata(root, file.path))
            }
            let library = Library(root: root, articles: articles, problems: run.problems)
            order = library.articles.map(\.path)
            var parts: [String] = []
            if added > 0 { parts.append("\(added) new") }
            if changed.count - added > 0 { parts.append("\(changed.count - added) changed") }
            if !removed.isEmpty { parts.append("\(removed.count) removed") }
            let noun = changed.count + removed.count == 1 ? "article" : "articles"
            finish(run, started: started, library: library, reloaded: "Read the folder again: \(parts.joined(separator: ", ")) \(noun).")
        }
    }

    /// Blocks until the current run is done (tests and the benchmark).
    public func wait() {
        queue.sync {}
    }

    // MARK: - A run

    struct Run {
        var total = 0
        var fromCache = 0
        var extracted = 0
        var problems: [String] = []
        var storeProblem: String?
    }

    /// The mutable part of a run, shared by the workers under `lock`.
    private final class Shared: @unchecked Sendable {
        var run: Run
        var next = 0
        var done = 0
        var pendingArticles: [Article] = []
        var pendingEntries: [IndexEntry] = []
        var lastPost = DispatchTime.now().uptimeNanoseconds

        init(total: Int) { run = Run(total: total) }
    }

    /// Indexes files on all cores; reports the articles in batches when `postArticles`.
    private func index(_ files: [ScannedFile], cached: [String: IndexedFile], postArticles: Bool) -> Run {
        let shared = Shared(total: files.count)
        guard !files.isEmpty else { return shared.run }
        let writer = DispatchQueue(label: "glossa.indexer.writer")
        let writes = DispatchGroup()
        // At most a few batches wait for the database: workers slow down rather than fill memory.
        let backlog = DispatchSemaphore(value: 3)
        let database = self.database
        let lock = self.lock
        let chunk = max(1, min(16, files.count / (workers * 8)))

        // Database writes go to their own queue, in batches, so that workers do not wait for them.
        @Sendable func store(_ entries: [IndexEntry]) {
            guard let database, !entries.isEmpty else { return }
            backlog.wait()
            writer.async(group: writes) {
                defer { backlog.signal() }
                do {
                    try database.storeIndex(entries)
                } catch {
                    lock.lock()
                    if shared.run.storeProblem == nil { shared.run.storeProblem = "\(error)" }
                    lock.unlock()
                }
            }
        }

        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var interner = Interner()
            while true {
                lock.lock()
                let start = shared.next
                shared.next += chunk
                lock.unlock()
                guard start < files.count else { break }
                var results: [(IndexedArticle, IndexEntry?, Bool)] = []
                var failed: [String] = []
                for file in files[start..<min(files.count, start + chunk)] {
                    do {
                        results.append(try process(file, cached: cached[file.path], hasCache: !cached.isEmpty, interner: &interner))
                    } catch {
                        failed.append("\(file.path): \(error)")
                    }
                }
                lock.lock()
                for (indexed, entry, fromCache) in results {
                    known[indexed.file.path] = indexed
                    if postArticles { shared.pendingArticles.append(indexed.article) }
                    if let entry { shared.pendingEntries.append(entry) }
                    if fromCache { shared.run.fromCache += 1 } else { shared.run.extracted += 1 }
                    if indexed.article.hadInvalidUTF8 { shared.run.problems.append("\(indexed.file.path): invalid UTF-8 replaced by �") }
                }
                shared.run.problems += failed
                shared.done += results.count + failed.count
                var full: [IndexEntry] = []
                if shared.pendingEntries.count >= batchSize {
                    full = shared.pendingEntries
                    shared.pendingEntries = []
                }
                let now = DispatchTime.now().uptimeNanoseconds
                if now - shared.lastPost > 100_000_000 || shared.done == files.count {
                    shared.lastPost = now
                    let progress = IndexProgress(done: shared.done, total: files.count)
                    report(postArticles ? [.articlesRead(shared.pendingArticles, progress)] : [.progressed(progress, problems: [])])
                    shared.pendingArticles = []
                }
                lock.unlock()
                store(full)
            }
        }
        if !shared.pendingArticles.isEmpty {
            report([.articlesRead(shared.pendingArticles, IndexProgress(done: shared.done, total: files.count))])
        }
        store(shared.pendingEntries)
        writes.wait()
        return shared.run
    }

    /// Reads one file: its extraction from the cache when its text is the same, else extracted now.
    /// Returns what to keep, what to store (nil: the database already has it) and whether it was cached.
    private func process(_ file: ScannedFile, cached row: IndexedFile?, hasCache: Bool,
                         interner: inout Interner) throws(ArticleFileError) -> (IndexedArticle, IndexEntry?, Bool) {
        let decoded = try ArticleFile.text(root + "/" + file.path)
        let text = decoded.text
        let hash = ContentHash.of(text)
        let scalars = ScalarClass.scalars(of: text)
        var article: Article
        var extraction: ArticleExtraction
        var fromCache = false
        // A cache that cannot be read is no loss: the article is extracted anew, with the same result.
        if let database, hasCache, let blob = try? database.cachedExtraction(path: file.path, hash: hash, version: cacheVersion),
           let stored = ExtractionCodec.decode(blob) {
            extraction = stored
            article = Article(path: file.path, text: text, scalars: scalars, sentences: stored.sentences, hadInvalidUTF8: decoded.hadInvalidBytes)
            fromCache = true
        } else {
            (article, extraction) = Extractor.article(path: file.path, text: text, scalars: scalars, hadInvalidUTF8: decoded.hadInvalidBytes,
                                                      options: options)
        }
        // Actor ids and names repeat across thousands of articles: one copy each.
        let actors = ArticleActors(extraction.actors) { interner.intern($0) }
        let indexed = IndexedArticle(file: file, article: article, actors: actors,
                                     events: LibraryEvents.articleEvents(article, extraction, scalars: scalars))
        let sameText = row?.hash == hash
        // Nothing to store when the row is current and its extraction was read (an unreadable one is replaced).
        if fromCache, sameText, row?.version == cacheVersion, row?.size == file.size, row?.modified == file.modified {
            return (indexed, nil, true)
        }
        let details = IndexedFile(path: file.path, size: file.size, modified: file.modified, hash: hash, version: cacheVersion,
                                  title: article.metadata.title, date: article.date?.iso, words: article.wordCount,
                                  invalidUTF8: decoded.hadInvalidBytes)
        let entry = IndexEntry(file: details, extraction: ExtractionCodec.encode(extraction),
                               searchText: sameText ? nil : SearchFolding.indexText(text))
        return (indexed, entry, fromCache)
    }

    /// Builds the actor index and links events, and tells the reader.
    private func finish(_ run: Run, started: DispatchTime, library: Library, reloaded: String?) {
        let actors = ActorIndex(articles: library.articles.map { known[$0.path]?.actors ?? ArticleActors() })
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        // A quick start says nothing (the status line keeps showing where the reader is).
        var message = reloaded ?? (seconds < quietUnder ? "" : Self.summary(run, seconds: seconds))
        let read = Library(root: root, articles: library.articles.compactMap { known[$0.path]?.article })
        if let annotations {
            do {
                if let summary = try annotations.loadAnnotations(for: read).summary {
                    message = [summary, message].filter { !$0.isEmpty }.joined(separator: " ")
                }
            } catch {
                message = ["Your annotations could not be placed in the articles read (\(error)).", message]
                    .filter { !$0.isEmpty }.joined(separator: " ")
            }
        }
        if let problem = run.storeProblem { message += " The index could not be saved (\(problem)): the next start reads everything again." }
        if !run.problems.isEmpty {
            message += " \(run.problems.count) \(run.problems.count == 1 ? "file has" : "files have") problems: \(run.problems[0])"
        }
        if reloaded == nil {
            report([.progressed(IndexProgress(phase: .linking, done: run.total, total: run.total), problems: run.problems),
                  .actorsIndexed(actors)])
        }
        let events = LibraryEvents(library.articles.compactMap { known[$0.path]?.events }, decisions: decisions())
        if reloaded != nil {
            report([.libraryReloaded(library, actors, events, message: message), .finished(message: message)])
        } else {
            report([.eventsLinked(events), .finished(message: message)])
        }
    }

    static func summary(_ run: Run, seconds: Double) -> String {
        let time = String(format: "%.1f s", seconds)
        let noun = run.total == 1 ? "article" : "articles"
        if run.extracted == 0 { return "Read \(run.total.grouped) \(noun) in \(time), all from the index." }
        if run.fromCache == 0 { return "Read and indexed \(run.total.grouped) \(noun) in \(time)." }
        return "Read \(run.total.grouped) \(noun) in \(time): \(run.extracted.grouped) new or changed, the rest from the index."
    }
}

/// Keeps one copy of each string (strings longer than 15 bytes are stored on the heap, once per copy).
struct Interner {
    private var strings: [String: String] = [:]

    mutating func intern(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        if let known = strings[text] { return known }
        strings[text] = text
        return text
    }
}
