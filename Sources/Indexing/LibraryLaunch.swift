import Dispatch
import Foundation
import GlossaCore
import Linking
import Store

/// What the reader needs for its first screen, found without reading the articles: the folder's
/// files, their titles and dates from the index (or from each file's first bytes when it is new
/// or changed), and the stored annotations. Everything else comes from `LibraryIndexer`.
public struct LibraryLaunch: Sendable {
    public let directory: String
    /// The articles as placeholders, in list order.
    public let library: Library
    public let files: [ScannedFile]
    /// The index's rows, by path.
    public let cached: [String: IndexedFile]
    /// The library's database; nil when it cannot be opened (the reader says why and still works).
    public let database: AppDatabase?
    /// Where the index is kept: the library's database, or one in memory when that cannot be written.
    public let indexDatabase: AppDatabase
    /// Stored annotations by article (placed in their texts when an article is opened).
    public let annotations: [String: [Annotation]]
    /// Why annotations cannot be saved (nil: they can).
    public let problem: String?
    /// What the status line should say at start.
    public let notice: String?

    /// Lists the folder and opens its database. Throws `LibraryError` when the folder cannot be read.
    public static func open(directory: String, databasePath: String, cacheVersion: Int) throws -> LibraryLaunch {
        let files = try LibraryFiles.scan(directory)
        var database: AppDatabase?
        var problem: String?
        var notice: String?
        var annotations: [String: [Annotation]] = [:]
        var cached: [String: IndexedFile] = [:]
        do {
            let opened = try AppDatabase.open(path: databasePath)
            database = opened
            annotations = try opened.allAnnotations()
            cached = try opened.indexedFiles()
            if !opened.isWritable {
                problem = StoreError.readOnly(databasePath).description
                notice = problem
            }
        } catch {
            problem = error.description
            notice = error.description
        }
        let indexDatabase = database.flatMap { $0.isWritable ? $0 : nil } ?? AppDatabase.inMemory()
        // Titles and dates: from the index when the file is as it was, else from its first bytes
        // (in parallel: a new library of 10,000 files is listed in a fraction of a second).
        var metadata = [ArticleMetadata?](repeating: nil, count: files.count)
        var words = [Int](repeating: 0, count: files.count)
        var missingList: [Int] = []
        for (index, file) in files.enumerated() {
            if let row = cached[file.path], row.size == file.size, row.modified == file.modified {
                metadata[index] = ArticleMetadata(title: row.title, date: row.date.flatMap { ArticleDate(iso: $0) })
                words[index] = row.words
            } else {
                missingList.append(index)
            }
        }
        let missing = missingList
        let heads = UnsafeMutableBufferPointer<ArticleMetadata?>.allocate(capacity: missing.count)
        heads.initialize(repeating: nil)
        defer { heads.deallocate() }
        nonisolated(unsafe) let results = heads
        DispatchQueue.concurrentPerform(iterations: missing.isEmpty ? 0 : min(8, missing.count)) { part in
            var index = part
            while index < missing.count {
                results[index] = LibraryFiles.headMetadata(directory, files[missing[index]].path)
                index += min(8, missing.count)
            }
        }
        for (slot, index) in missing.enumerated() { metadata[index] = heads[slot] }
        let articles = files.enumerated().map { index, file in
            Article(placeholder: file.path, metadata: metadata[index] ?? ArticleMetadata(title: file.path), wordCount: words[index])
        }
        return LibraryLaunch(directory: directory, library: Library(root: directory, articles: articles), files: files, cached: cached,
                             database: database, indexDatabase: indexDatabase, annotations: annotations, problem: problem, notice: notice)
    }
}
