import Foundation

/// Why an article's file was not read. The file itself is never touched.
public enum ArticleFileError: Error, Equatable, CustomStringConvertible {
    case unreadable
    case tooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .unreadable:
            return "cannot be read"
        case .tooLarge(let bytes):
            let megabytes = String(format: "%.1f", Double(bytes) / 1_048_576)
            return "is too large to read (\(megabytes) MB; Glossa reads articles up to \(ArticleFile.maxBytes >> 20) MB)"
        }
    }
}

/// Reading an article's file, with the size limit every reader of articles keeps.
public enum ArticleFile {
    /// The largest article read: preparing one for the reader takes about 35 times its size in
    /// memory for a moment (1.8 GB for 50 MB), and an article is seldom more than 100 KB.
    public static let maxBytes = 64 << 20

    /// The file's bytes; throws when it cannot be read or is larger than `maxBytes`.
    public static func read(_ path: String) throws(ArticleFileError) -> Data {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber, size.intValue > maxBytes {
            throw .tooLarge(bytes: size.intValue)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable }
        guard data.count <= maxBytes else { throw .tooLarge(bytes: data.count) }
        return data
    }
}
