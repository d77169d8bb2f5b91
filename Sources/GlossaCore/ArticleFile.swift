import Foundation

/// Why an article's file was not read. The file itself is never touched.
public enum ArticleFileError: Error, Equatable, CustomStringConvertible {
    case unreadable
    case tooLarge(bytes: Int)

    /// After the file's name: `big.txt: is too large to read (80.0 MB; …)`.
    public var description: String {
        switch self {
        case .unreadable: return "cannot be read"
        case .tooLarge: return "is too large to read (\(sizes))"
        }
    }

    /// After "cannot be read: ".
    public var reason: String {
        switch self {
        case .unreadable: return "the file cannot be read"
        case .tooLarge: return "the file is too large (\(sizes))"
        }
    }

    private var sizes: String {
        guard case .tooLarge(let bytes) = self else { return "" }
        return "\(bytes.byteSize); Glossa reads articles up to \(ArticleFile.maxBytes / 1_000_000) MB"
    }
}

/// Reading an article's file, with the size limit every reader of articles keeps.
public enum ArticleFile {
    /// The largest article read (64 MB, 1 MB = 1,000,000 bytes): preparing one for the reader takes
    /// about 35 times its size in memory for a moment (1.8 GB for 50 MB), and a news article is
    /// seldom more than 100 KB.
    public static let maxBytes = 64_000_000

    /// The file's bytes; throws when it cannot be read or is larger than `maxBytes`. The size is
    /// that of the file opened (a link is followed), and no more than `maxBytes` + 1 bytes are read
    /// (a file that grows meanwhile is refused, not read whole).
    public static func read(_ path: String) throws(ArticleFileError) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable }
        defer { try? handle.close() }   // closing a file only read cannot lose anything
        // Every failure below becomes `ArticleFileError`, which the caller reports.
        guard let size = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil else { throw .unreadable }
        if size > UInt64(maxBytes) { throw .tooLarge(bytes: Int(size)) }
        guard let data = try? handle.read(upToCount: maxBytes + 1) else {
            if size == 0 { return Data() }
            throw .unreadable
        }
        guard data.count <= maxBytes else { throw .tooLarge(bytes: data.count) }
        return data
    }

    /// A file's text, decoded as UTF-8 (invalid bytes replaced by U+FFFD, and said so).
    public static func text(_ path: String) throws(ArticleFileError) -> TextDecoding.Result {
        TextDecoding.decode(try read(path))
    }

    /// The article at `path` in the library folder `root`: the one way an article is read from disk.
    public static func article(_ path: String, in root: String) throws(ArticleFileError) -> Article {
        let decoded = try text(root + "/" + path)
        return Article(path: path, text: decoded.text, hadInvalidUTF8: decoded.hadInvalidBytes)
    }
}
