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
        // Each title's sort key is made once (comparing titles with Foundation in the sort itself
        // took most of the start of a 10,000-article library).
        let keys = articles.map { Library.titleKey($0.title) }
        let order = articles.indices.sorted { left, right in
            let (lhs, rhs) = (articles[left], articles[right])
            switch (lhs.date, rhs.date) {
            case let (a?, b?) where a != b: return a > b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return keys[left] == keys[right] ? lhs.path < rhs.path : keys[left] < keys[right]
            }
        }
        self.articles = order.map { articles[$0] }
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

    /// How titles sort (newest first; undated articles last; ties by title, then path): case and
    /// accents ignored, and runs of digits by their value, so that `Teil 2` comes before `Teil 10`.
    static func titleKey(_ title: String) -> [UInt32] {
        var key: [UInt32] = []
        key.reserveCapacity(title.utf8.count)
        var digits: [UInt32] = []
        func flushDigits() {
            guard !digits.isEmpty else { return }
            while digits.count > 1, digits[0] == 0x30 { digits.removeFirst() }
            // A longer number is larger: its length first, then its digits.
            key.append(0x2F)
            key.append(UInt32(digits.count))
            key += digits
            digits = []
        }
        for scalar in title.unicodeScalars {
            var value = scalar.value
            if (0x30...0x39).contains(value) {
                digits.append(value)
                continue
            }
            flushDigits()
            if (0x41...0x5A).contains(value) { value += 0x20 }
            else if value >= 0xC0 { value = Library.foldLatin(scalar) }
            key.append(value)
        }
        flushDigits()
        return key
    }

    /// A Latin letter with its accent removed and in lower case (`Ä` → `a`); others as they are.
    static func foldLatin(_ scalar: Unicode.Scalar) -> UInt32 {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        switch lower.value {
        case 0xE0...0xE5: return 0x61
        case 0xE7: return 0x63
        case 0xE8...0xEB: return 0x65
        case 0xEC...0xEF: return 0x69
        case 0xF1: return 0x6E
        case 0xF2...0xF6, 0xF8: return 0x6F
        case 0xF9...0xFC: return 0x75
        case 0xFD, 0xFF: return 0x79
        default: return lower.value
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
            do {
                let article = try ArticleFile.article(relative, in: directory)
                if article.hadInvalidUTF8 { problems.append("\(relative): invalid UTF-8 replaced by �") }
                articles.append(article)
            } catch {
                problems.append("\(relative): \(error)")
            }
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
                  // A file whose type cannot be read has vanished since it was listed: it is no article.
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = full.hasPrefix(rootPath + "/") ? String(full.dropFirst(rootPath.count + 1)) : url.lastPathComponent
            result.append(relative)
        }
        return result.sorted()
    }
}

extension [UInt32] {
    static func < (lhs: [UInt32], rhs: [UInt32]) -> Bool { lhs.lexicographicallyPrecedes(rhs) }
}
