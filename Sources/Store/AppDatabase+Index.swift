import Foundation
import GlossaCore
import GRDB

/// A file of the library as the index last saw it.
public struct IndexedFile: Equatable, Sendable {
    public var path: String
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    public var hash: String
    /// The extractor's version that produced the cached extraction.
    public var version: Int
    public var title: String
    public var date: String?
    public var words: Int
    public var invalidUTF8: Bool

    public init(path: String, size: Int64, modified: Int64, hash: String, version: Int, title: String, date: String?,
                words: Int, invalidUTF8: Bool) {
        self.path = path
        self.size = size
        self.modified = modified
        self.hash = hash
        self.version = version
        self.title = title
        self.date = date
        self.words = words
        self.invalidUTF8 = invalidUTF8
    }
}

/// One file to store in the index: what is known of it, its encoded extraction, and the text to
/// search (nil: the text is the one already indexed, only the file's details changed).
public struct IndexEntry: Sendable {
    public var file: IndexedFile
    public var extraction: [UInt8]
    public var searchText: String?

    public init(file: IndexedFile, extraction: [UInt8], searchText: String?) {
        self.file = file
        self.extraction = extraction
        self.searchText = searchText
    }
}

/// A full-text hit: the article and its bm25 score (lower is better).
public struct SearchHit: Equatable, Sendable {
    public var path: String
    public var score: Double
}

/// The library's index: cached extractions and the full-text search over the articles.
extension AppDatabase {
    /// Every indexed file, without the extractions.
    public func indexedFiles() throws(StoreError) -> [String: IndexedFile] {
        try read { db in
            var files: [String: IndexedFile] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, size, modified, hash, version, title, date, words, invalidUTF8 FROM articleIndex")
            while let row = try rows.next() {
                let file = IndexedFile(path: row[0], size: row[1], modified: row[2], hash: row[3], version: row[4], title: row[5],
                                       date: row[6], words: row[7], invalidUTF8: row[8])
                files[file.path] = file
            }
            return files
        }
    }

    /// The cached extraction of a text: the file's own row, or any file with the same content
    /// (a file moved or copied), for the given extractor version.
    public func cachedExtraction(path: String, hash: String, version: Int) throws(StoreError) -> [UInt8]? {
        try read { db in
            let sql = "SELECT extraction FROM articleIndex WHERE hash = ? AND version = ? ORDER BY path = ? DESC LIMIT 1"
            return try Row.fetchOne(db, sql: sql, arguments: [hash, version, path]).map { row in
                let data: Data = row[0]
                return [UInt8](data)
            }
        }
    }

    /// Stores files in the index, in one transaction: their details, extractions and searchable text.
    public func storeIndex(_ entries: [IndexEntry]) throws(StoreError) {
        guard !entries.isEmpty else { return }
        // The index is a cache: its commits need not wait for the disk (annotations still do).
        try writeRelaxed { db in
            var next = (try Int64.fetchOne(db, sql: "SELECT max(doc) FROM articleIndex") ?? 0) + 1
            let previous = try db.cachedStatement(sql: "SELECT doc FROM articleIndex WHERE path = ?")
            let upsert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO articleIndex (path, doc, size, modified, hash, version, title, date, words, invalidUTF8, extraction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let text = try db.cachedStatement(sql: "INSERT INTO articleText (rowid, body) VALUES (?, ?)")
            for entry in entries {
                let file = entry.file
                var doc = try Int64.fetchOne(previous, arguments: [file.path])
                if let body = entry.searchText {
                    doc = next
                    next += 1
                    try text.execute(arguments: [doc, body])
                } else if doc == nil {
                    doc = next
                    next += 1
                }
                try upsert.execute(arguments: [file.path, doc, file.size, file.modified, file.hash, file.version, file.title, file.date,
                                               file.words, file.invalidUTF8, Data(entry.extraction)])
            }
        }
    }

    /// A write transaction committed without waiting for the disk (synchronous NORMAL: in WAL mode a
    /// crash of the machine may lose the last commits, never corrupt the file).
    func writeRelaxed(_ body: (Database) throws -> Void) throws(StoreError) {
        guard isWritable else { throw StoreError.readOnly(path) }
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Should this fail, the connection stays relaxed until it closes: the next writes
                // still commit, only without waiting for the disk.
                defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
                try db.inTransaction {
                    try body(db)
                    return .commit
                }
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Forgets files that are gone from the folder. (Their full-text rows stay, unreferenced.)
    public func removeFromIndex(_ paths: [String]) throws(StoreError) {
        guard !paths.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM articleIndex WHERE path = ?")
            for path in paths { try statement.execute(arguments: [path]) }
        }
    }

    /// Full-text search: the best articles for an FTS5 `MATCH` expression (see `SearchFolding`),
    /// best first. Rows of texts that changed since are skipped by the join.
    public func search(_ expression: String, limit: Int = 200) throws(StoreError) -> [SearchHit] {
        try read { db in
            let sql = """
                SELECT articleIndex.path, bm25(articleText) AS score FROM articleText
                JOIN articleIndex ON articleIndex.doc = articleText.rowid
                WHERE articleText MATCH ? ORDER BY score LIMIT ?
                """
            return try Row.fetchAll(db, sql: sql, arguments: [expression, limit]).map { SearchHit(path: $0[0], score: $0[1]) }
        }
    }
}
