import GRDB

/// Why the library's database cannot be used (or written), in words for the status line.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// Another program holds a lock longer than the busy timeout.
    case locked(String)
    /// The file or its folder cannot be written: annotations can be read, not saved.
    case readOnly(String)
    /// The file is not a SQLite database, or it is damaged. It is left untouched.
    case corrupt(String)
    /// The database was written by a newer Glossa (migrations this version does not know).
    case newerVersion(String)
    /// The path holds something that is not a database of any Glossa. It is left untouched.
    case notADatabase(String, Unusable)
    /// Another Glossa changed or deleted the annotation since this one read it.
    case conflict(String)
    case other(String, String)

    /// What is at a database's path instead of a Glossa database.
    public enum Unusable: Equatable, Sendable {
        case folder, empty, otherProgram

        var phrase: String {
            switch self {
            case .folder: return "a folder"
            case .empty: return "an empty file (0 bytes)"
            case .otherProgram: return "another program's database"
            }
        }
    }

    public var description: String {
        switch self {
        case .locked(let path):
            return "the database \(path) is locked by another program; try again when it is done"
        case .readOnly(let path):
            return "the database \(path) is read-only: annotations are shown but cannot be saved"
        case .corrupt(let path):
            return "the database \(path) is damaged or not a Glossa database; it was left untouched (annotations are off)"
        case .newerVersion(let path):
            return "the database \(path) was written by a newer Glossa; update Glossa to change it (it was left untouched)"
        case .notADatabase(let path, let what):
            return "\(path) is \(what.phrase), not a Glossa database; it was left untouched (annotations are off)"
        case .conflict:
            return "another Glossa changed this annotation meanwhile; it has been reloaded, try again"
        case .other(let path, let reason):
            return "the database \(path) cannot be used: \(reason)"
        }
    }

    /// Classifies a GRDB error by its SQLite result code.
    static func from(_ error: Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return .other(path, String(describing: error)) }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path)
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path)
        case .SQLITE_CANTOPEN: return .other(path, "it cannot be opened (does its folder exist and allow writing?)")
        case .SQLITE_FULL: return .other(path, "the disk is full")
        default: return .other(path, error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }
}
