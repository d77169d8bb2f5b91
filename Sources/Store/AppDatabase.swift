import Foundation
import GlossaCore
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The library's database: migrations, and intent-named reads and writes. Every write is its own
/// transaction, committed before the method returns: there is no save step.
public final class AppDatabase: Sendable {
    /// Where the database lives unless `--db` says otherwise.
    /// Relative when the library is (messages then name it as the user did).
    public static func defaultPath(library: String) -> String {
        var base = library
        while base.hasSuffix("/") { base.removeLast() }
        return base == "." || library.isEmpty ? ".glossa/glossa.sqlite" : base + "/.glossa/glossa.sqlite"
    }

    /// The file, or ":memory:".
    public let path: String
    /// False when the file can only be read (see `StoreError.readOnly`).
    public let isWritable: Bool
    let writer: any DatabaseWriter

    /// Opens (creating it and its folder if needed) and migrates the database at `path`.
    /// A file that cannot be written (or `readOnly`) is opened read-only; `isWritable` tells.
    /// A write waits up to `busyTimeout` seconds for another program's lock.
    ///
    /// Any number of Glossas may open the same database at once: they take turns (`FolderLock`),
    /// so a new database is created and migrated exactly once. A new database appears complete or
    /// not at all. A file that is not a Glossa database (a folder, an empty file, another program's
    /// database, random bytes) is refused with a `StoreError` that says so, and left as it was.
    public static func open(path: String, readOnly: Bool = false, busyTimeout: TimeInterval = 5) throws(StoreError) -> AppDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if isFolder.boolValue { throw StoreError.notADatabase(path, .folder) }
        if !exists && !readOnly {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.other(path, "its folder \(folder) cannot be made (is the library read-only?); annotations are off")
            }
        }
        let folderWritable = FileManager.default.isWritableFile(atPath: folder)
        let writable = !readOnly && (!exists || FileManager.default.isWritableFile(atPath: path)) && folderWritable
        guard writable || exists else { throw StoreError.readOnly(path) }
        let deadline = Date().addingTimeInterval(busyTimeout)
        return try FolderLock.holding(folder, exclusive: writable, deadline: deadline, path: path) { () throws(StoreError) in
            // Looked at under the lock: another Glossa may have created it meanwhile.
            if !FileManager.default.fileExists(atPath: path) {
                guard writable else { throw StoreError.readOnly(path) }
                try create(path, busyTimeout: busyTimeout)
            }
            // Created by a Glossa that lost the race to put its new database in place: look at it too.
            try inspect(path, busyTimeout: busyTimeout)
            do {
                if writable {
                    let pool = try DatabasePool(path: path, configuration: configuration(readonly: false, busyTimeout: busyTimeout))
                    return try AppDatabase(path: path, writer: pool, isWritable: true)
                }
                let location = folderWritable || hasWAL(path) ? path : immutableLocation(path)
                let queue = try DatabaseQueue(path: location, configuration: configuration(readonly: true, busyTimeout: busyTimeout))
                return try AppDatabase(path: path, writer: queue, isWritable: false)
            } catch {
                throw StoreError.from(error, path: path)
            }
        }
    }

    /// Makes and migrates a new database beside `path` (a draft of this process), then links it into
    /// place, so that a Glossa killed while creating it leaves no half-made database behind. Should
    /// another Glossa have put one there meanwhile (only where the folder cannot be locked), its
    /// database is kept and the draft dropped.
    private static func create(_ path: String, busyTimeout: TimeInterval) throws(StoreError) {
        removeStaleDrafts(of: path)
        // A -wal or -shm without its database is left from a database that was deleted: a new file
        // must not be read with it. One that cannot be removed makes the database's creation below fail,
        // and that error is reported.
        for leftover in [path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: leftover) }
        let draft = path + ".new-\(getpid())"
        // Once linked into place the draft is only a second name; one left behind is removed by the next start.
        defer { for file in [draft, draft + "-wal", draft + "-shm"] { try? FileManager.default.removeItem(atPath: file) } }
        do {
            let pool = try DatabasePool(path: draft, configuration: configuration(readonly: false, busyTimeout: busyTimeout))
            try migrator.migrate(pool)
            // The last connection's close moves the WAL into the file and removes it.
            try pool.close()
        } catch {
            throw StoreError.from(error, path: path)
        }
        guard link(draft, path) == 0 || errno == EEXIST else {
            throw StoreError.other(path, "a new database could not be put in place (\(String(cString: strerror(errno))))")
        }
    }

    /// Drafts (`PATH.new-PID`) of Glossas that died while creating the database.
    private static func removeStaleDrafts(of path: String) {
        let url = URL(fileURLWithPath: path)
        let prefix = url.lastPathComponent + ".new-"
        let folder = url.deletingLastPathComponent().path
        // Tidying only: a folder that cannot be listed, or a draft that cannot be removed, harms nothing
        // (drafts are never opened as the database).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = pid_t(pid), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// Whether the database has a write-ahead log or its index beside it: someone has it open, or a
    /// Glossa died before moving the log into the file. Else the file holds everything, and nobody
    /// is writing to it.
    private static func hasWAL(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "-wal") || FileManager.default.fileExists(atPath: path + "-shm")
    }

    /// The database opened as a file nobody changes (`immutable`): for a folder Glossa cannot write
    /// (SQLite cannot make the WAL's `-shm` file there, and without it would not read the file at
    /// all), and for looking at a file without leaving a `-wal` or `-shm` beside it. Only when it has
    /// no write-ahead log (`hasWAL`). Debian's SQLite reads `file:` names as URIs.
    private static func immutableLocation(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(escaped)?mode=ro&immutable=1"
    }

    /// Refuses, without writing to it, a file that is not a database of this or an older Glossa.
    /// A SQLite file with no tables at all (an older Glossa stopped before its first migration)
    /// holds nothing of anyone's, and is migrated.
    private static func inspect(_ path: String, busyTimeout: TimeInterval) throws(StoreError) {
        try checkHeader(path)
        do {
            let location = hasWAL(path) ? path : immutableLocation(path)
            let queue = try DatabaseQueue(path: location, configuration: configuration(readonly: true, busyTimeout: busyTimeout))
            // A read-only connection has nothing to write back when it closes.
            defer { try? queue.close() }
            try queue.read { db in
                // Every Glossa database has this table: GRDB writes it with the first migration.
                guard try db.tableExists("grdb_migrations") else {
                    let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    if objects == 0 { return }
                    throw StoreError.notADatabase(path, .otherProgram)
                }
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerVersion(path) }
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// An empty database in memory, for tests.
    public static func inMemory() -> AppDatabase {
        // Migrating a new in-memory database cannot fail.
        try! AppDatabase(path: ":memory:", writer: DatabaseQueue(configuration: configuration(readonly: false)), isWritable: true)
    }

    /// Runs the migrations (under the caller's `FolderLock`), or checks that a read-only file has them all.
    private init(path: String, writer: any DatabaseWriter, isWritable: Bool) throws {
        self.path = path
        self.writer = writer
        self.isWritable = isWritable
        let migrator = Self.migrator
        if isWritable {
            try migrator.migrate(writer)
        } else {
            let complete = try writer.read { db in try migrator.hasCompletedMigrations(db) }
            if !complete { throw StoreError.readOnly(path) }
        }
    }

    private static func configuration(readonly: Bool, busyTimeout: TimeInterval = 5) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "glossa"
        if !readonly { configuration.journalMode = .wal }
        configuration.prepareDatabase { db in
            // FULL: a commit is synced to disk before the write returns (WAL already survives a killed process).
            if !readonly { try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        return configuration
    }

    /// A file that does not start with SQLite's magic string is not opened at all.
    private static func checkHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }   // closing a file only read cannot lose anything
        // A header that cannot be read counts as empty: the file is then refused, with that reason.
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { throw StoreError.notADatabase(path, .empty) }
        if header != Data("SQLite format 3\u{0}".utf8) { throw StoreError.corrupt(path) }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: annotations") { db in
            try db.create(table: "annotation") { table in
                table.primaryKey("id", .text)
                table.column("article", .text).notNull().indexed()
                table.column("start", .integer).notNull()
                table.column("end", .integer).notNull()
                table.column("exact", .text).notNull()
                table.column("prefix", .text).notNull()
                table.column("suffix", .text).notNull()
                table.column("textHash", .text).notNull()
                table.column("isClaim", .boolean).notNull()
                table.column("verdict", .text)
                table.column("note", .text).notNull()
                table.column("tags", .text).notNull()
                table.column("isOrphan", .boolean).notNull()
                table.column("created", .datetime).notNull()
                table.column("modified", .datetime).notNull()
                table.column("revision", .integer).notNull()
            }
        }
        migrator.registerMigration("v2: link decisions") { db in
            try db.create(table: "linkDecision") { table in
                table.column("firstArticle", .text).notNull()
                table.column("firstEvent", .text).notNull()
                table.column("secondArticle", .text).notNull()
                table.column("secondEvent", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("firstQuote", .text).notNull()
                table.column("secondQuote", .text).notNull()
                table.primaryKey(["firstArticle", "firstEvent", "secondArticle", "secondEvent"])
            }
        }
        migrator.registerMigration("v3: article index") { db in
            // What extraction found in each file, keyed by its content hash and the extractor's version.
            try db.create(table: "articleIndex") { table in
                table.primaryKey("path", .text)
                // The full-text row of the file's current text (older rows of a changed file are skipped).
                table.column("doc", .integer).notNull().unique()
                table.column("size", .integer).notNull()
                table.column("modified", .integer).notNull()
                table.column("hash", .text).notNull().indexed()
                table.column("version", .integer).notNull()
                table.column("title", .text).notNull()
                table.column("date", .text)
                table.column("words", .integer).notNull()
                table.column("invalidUTF8", .boolean).notNull()
                table.column("extraction", .blob).notNull()
            }
            // Contentless: the text is in the files; ß is spelled ss before it goes in (see SearchFolding).
            try db.execute(sql: "CREATE VIRTUAL TABLE articleText USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2')")
        }
        migrator.registerMigration("v4: fewer search index merges") { db in
            // Merge the full-text segments when 8 of a level pile up, not 4: a third less work while a
            // large library is indexed, the same size and query times (measured on 10,000 articles).
            try db.execute(sql: "INSERT INTO articleText(articleText, rank) VALUES('automerge', 8)")
        }
        return migrator
    }

    // MARK: - Writes

    /// Inserts or updates an annotation; returns it with its times and new revision. `created` is
    /// kept if it has one. The row must still be at the annotation's revision (0: must not exist):
    /// else another Glossa changed it meanwhile, and `StoreError.conflict` says so.
    @discardableResult
    public func saveAnnotation(_ annotation: Annotation, now: Date = Date()) throws(StoreError) -> Annotation {
        let record = AnnotationRecord(annotation, created: annotation.created ?? now, modified: now, revision: annotation.revision + 1)
        try write { db in
            let stored = try Int.fetchOne(db, sql: "SELECT revision FROM annotation WHERE id = ?", arguments: [annotation.id])
            guard stored == (annotation.revision == 0 ? nil : annotation.revision) else { throw StoreError.conflict(path) }
            try record.save(db)
        }
        return record.annotation
    }

    /// Saves re-anchored places in one transaction, each only if its row is still at its revision
    /// (another Glossa may have changed it since it was read).
    public func savePlacements(_ annotations: [Annotation], now: Date = Date()) throws(StoreError) {
        guard !annotations.isEmpty else { return }
        try write { db in
            for annotation in annotations {
                let record = AnnotationRecord(annotation, created: annotation.created ?? now, modified: annotation.modified ?? now,
                                              revision: annotation.revision + 1)
                try db.execute(sql: "UPDATE annotation SET start = ?, \"end\" = ?, exact = ?, prefix = ?, suffix = ?, textHash = ?, isOrphan = ?, revision = ? WHERE id = ? AND revision = ?",
                               arguments: [record.start, record.end, record.exact, record.prefix, record.suffix, record.textHash,
                                           record.isOrphan, record.revision, record.id, annotation.revision])
            }
        }
    }

    /// Deletes an annotation if it is still at the revision the caller saw (else `conflict`).
    public func deleteAnnotation(_ annotation: Annotation) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM annotation WHERE id = ? AND revision = ?", arguments: [annotation.id, annotation.revision])
            if db.changesCount == 0, try AnnotationRecord.exists(db, key: annotation.id) { throw StoreError.conflict(path) }
        }
    }

    // MARK: - Reads

    public func storedAnnotations(forArticle path: String) throws(StoreError) -> [Annotation] {
        try read { db in
            try AnnotationRecord.filter(Column("article") == path).fetchAll(db).map(\.annotation)
        }.sorted(by: Annotation.readingOrder)
    }

    /// Every annotation, by article path, in reading order.
    public func allAnnotations() throws(StoreError) -> [String: [Annotation]] {
        let all = try read { db in try AnnotationRecord.fetchAll(db).map(\.annotation) }
        return Dictionary(grouping: all, by: \.article).mapValues { $0.sorted(by: Annotation.readingOrder) }
    }

    /// SQLite's own check of the file: "ok" when it is sound.
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }

    // MARK: -

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        guard isWritable else { throw StoreError.readOnly(path) }
        do {
            return try writer.write(body)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }
}

extension AppDatabase {
    /// Runs raw SQL in a write transaction (tests: simulating other versions and damage).
    func execute(sql: String) throws(StoreError) {
        try write { db in try db.execute(sql: sql) }
    }

    /// Holds the write lock while `body` runs (tests: another program writing).
    func holdingWriteLock(_ body: () throws -> Void) throws {
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.exclusive) {
                try body()
                return .commit
            }
        }
    }
}
