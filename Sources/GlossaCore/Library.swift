import Foundation

/// A folder of articles, sorted newest first (undated last, then by title).
public struct Library: Sendable, Equatable {
    /// The folder as given by the user.
    public let root: String
    public private(set) var articles: [Article]
    /// Files that could not be read, or were read with replaced bytes: one line each.
    public var problems: [String]
    /// Each article's index in `articles`, by path.
    public let positions: [String: Int]

    public init(root: String, articles: [Article], problems: [String] = []) {
        self.root = root
        self.articles = articles.sorted(by: Library.order)
        self.problems = problems
        positions = Dictionary(self.articles.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Puts the article read from disk in place of its placeholder (or older version), keeping the
    /// order: the list does not jump while it fills in. Returns false when the path is not listed.
    @discardableResult
    public mutating func replace(_ article: Article) -> Bool {
        guard let index = positions[article.path] else { return false }
        articles[index] = article
        return true
    }

    /// Whether every article has been read (none is a placeholder).
    public var isComplete: Bool { articles.allSatisfy(\.isLoaded) }

    /// Newest first; undated articles last; ties by title, then path.
    public static func order(_ lhs: Article, _ rhs: Article) -> Bool {
        switch (lhs.date, rhs.date) {
        case let (left?, right?) where left != right: return left > right
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            let titles = lhs.title.localizedStandardCompare(rhs.title)
            return titles == .orderedSame ? lhs.path < rhs.path : titles == .orderedAscending
        }
    }
}

/// Why a library could not be opened at all.
public enum LibraryError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case notADirectory(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .notFound(let path): return "no such folder: \(path)"
        case .notADirectory(let path): return "not a folder: \(path) (give the folder that holds the articles)"
        case .unreadable(let path, let reason): return "cannot read folder \(path): \(reason)"
        }
    }
}

/// Loads every `.txt` and `.md` file below a folder (hidden files and folders skipped).
public enum LibraryLoader {
    public static let extensions: Set<String> = ["txt", "md"]

    public static func load(directory: String) throws -> Library {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw LibraryError.notFound(directory)
        }
        guard isDirectory.boolValue else { throw LibraryError.notADirectory(directory) }
        let paths: [String]
        do {
            paths = try articlePaths(in: directory)
        } catch {
            throw LibraryError.unreadable(directory, error.localizedDescription)
        }
        var articles: [Article] = []
        var problems: [String] = []
        for relative in paths {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(relative)
            guard let data = try? Data(contentsOf: url) else {
                problems.append("\(relative): cannot be read")
                continue
            }
            let decoded = TextDecoding.decode(data)
            if decoded.hadInvalidBytes { problems.append("\(relative): invalid UTF-8 replaced by �") }
            articles.append(Article(path: relative, text: decoded.text, hadInvalidUTF8: decoded.hadInvalidBytes))
        }
        return Library(root: directory, articles: articles, problems: problems)
    }

    /// Relative paths of the article files, sorted, searched recursively.
    static func articlePaths(in directory: String) throws -> [String] {
        let manager = FileManager.default
        _ = try manager.contentsOfDirectory(atPath: directory)
        guard let enumerator = manager.enumerator(
            at: URL(fileURLWithPath: directory),
            includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles]
        ) else { return [] }
        let rootPath = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        var result: [String] = []
        for case let url as URL in enumerator {
            guard extensions.contains(url.pathExtension.lowercased()),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = full.hasPrefix(rootPath + "/") ? String(full.dropFirst(rootPath.count + 1)) : url.lastPathComponent
            result.append(relative)
        }
        return result.sorted()
    }
}
