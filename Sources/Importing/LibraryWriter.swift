import Foundation
import GlossaCore

/// An article taken from the web, ready to be written as a library file.
package struct ImportedArticle: Equatable, Sendable {
    package var title: String
    /// ISO 8601 as the page stated it, or nil.
    package var date: String?
    package var author: String?
    /// The article's address: the page's canonical one, else where it was loaded from.
    package var source: String?
    /// The feed item's link, when it is not the source (a tracking address, or the page's canonical
    /// differs): an article is also known by it, so that the feed's text and the page are one article.
    package var link: String?
    package var paragraphs: [String]

    package init(title: String, date: String?, author: String?, source: String?, link: String? = nil, paragraphs: [String]) {
        self.title = title
        self.date = date
        self.author = author
        self.source = source
        self.link = link == source ? nil : link
        self.paragraphs = paragraphs
    }

    /// The file's text after its front matter: the title line, then the paragraphs, a blank line apart.
    package var body: String { ([title] + paragraphs).joined(separator: "\n\n") + "\n" }
}

/// What writing an article did.
package enum WriteStatus: String, Codable, Sendable {
    /// A new file.
    case new
    /// The same source's file, with a changed text: rewritten (its annotations re-anchor).
    case updated
    /// Already there (the same source and text, or the same text from elsewhere): nothing written.
    case unchanged
}

/// Writes imported articles into a library folder as Markdown files with front matter, one per
/// article, never twice: an article is known by its source address (or its feed link) and by its
/// text. Only files that an import wrote (front matter with `imported:`) are ever rewritten. Each file
/// appears whole or not at all (written aside, then renamed).
package final class LibraryWriter {
    package let directory: URL
    /// Address → file (a path relative to the folder), for the imported files.
    private var byAddress: [String: String] = [:]
    /// Text → file, for every Markdown and text file of the library.
    private var byBody: [UInt64: String] = [:]
    private var names: Set<String> = []
    /// Addresses written in this run: a second article with one of them is another article.
    private var writtenNow: Set<String> = []
    private let now: () -> Date

    /// Reads the front matter of the library's files (in subfolders too) to know what is there.
    package init(directory: URL, now: @escaping () -> Date = Date.init) throws {
        self.directory = directory
        self.now = now
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError("\(directory.path): no such folder")
        }
        names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path).map { $0.lowercased() })
        for path in Self.articleFiles(in: directory) {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8) else { continue }
            guard let split = Self.frontMatter(text) else {
                byBody[Self.hash(text)] = path
                continue
            }
            byBody[Self.hash(split.body)] = path
            guard split.fields["imported"] != nil else { continue }
            for key in ["source", "link"] {
                if let address = split.fields[key], !address.isEmpty { byAddress[address] = path }
            }
        }
    }

    /// Writes the article, or finds it already there. Returns the file's path in the folder.
    package func write(_ article: ImportedArticle) throws -> (file: String, status: WriteStatus) {
        let hash = Self.hash(article.body)
        let addresses = [article.source, article.link].compactMap { $0 }
        if let existing = addresses.lazy.compactMap({ self.byAddress[$0] }).first,
           !addresses.contains(where: writtenNow.contains) {
            if byBody[hash] == existing { return (existing, .unchanged) }
            try place(document(article), as: existing)
            remember(article, as: existing, hash: hash)
            return (existing, .updated)
        }
        if let existing = byBody[hash] { return (existing, .unchanged) }
        let name = freeName(Self.fileName(article))
        try place(document(article), as: name)
        names.insert(name.lowercased())
        remember(article, as: name, hash: hash)
        return (name, .new)
    }

    private func remember(_ article: ImportedArticle, as path: String, hash: UInt64) {
        for address in [article.source, article.link].compactMap({ $0 }) {
            byAddress[address] = path
            writtenNow.insert(address)
        }
        byBody[hash] = path
    }

    /// The text as it is compared: without a BOM, with `\n` line ends, without trailing blank lines.
    static func hash(_ text: String) -> UInt64 {
        var text = normalized(text)
        while text.hasSuffix("\n\n") { text.removeLast() }
        return FNV1a.hash(text.utf8)
    }

    /// Without a BOM, with `\n` line ends.
    static func normalized(_ text: String) -> String {
        (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The library's `.md` and `.txt` files, relative to the folder; hidden files and folders skipped.
    static func articleFiles(in directory: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil,
                                                          options: [.skipsHiddenFiles]) else { return [] }
        let base = directory.standardizedFileURL.path
        var result: [String] = []
        for case let url as URL in walker where ["md", "txt"].contains(url.pathExtension.lowercased()) {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            result.append(String(path.dropFirst(base.count + 1)))
        }
        return result.sorted()
    }

    /// Front matter (`title`, `date`, `source`, `author`, `imported`), then the body.
    package func document(_ article: ImportedArticle) -> String {
        var lines = ["---", "title: \(Self.quoted(article.title))"]
        if let date = article.date { lines.append("date: \(date)") }
        if let source = article.source { lines.append("source: \(source)") }
        if let link = article.link { lines.append("link: \(link)") }
        if let author = article.author { lines.append("author: \(Self.quoted(author))") }
        let stamp = ISO8601DateFormatter()
        stamp.formatOptions = [.withInternetDateTime]
        lines.append("imported: \(stamp.string(from: now()))")
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + article.body
    }

    /// A YAML double-quoted string (`ArticleParser` reads it back).
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Writes beside the target under a hidden name, then renames: a reader never sees half a file.
    func place(_ text: String, as name: String) throws {
        let target = directory.appendingPathComponent(name)
        let aside = target.deletingLastPathComponent().appendingPathComponent(".glossa-import-\(getpid())-\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: aside)
            if rename(aside.path, target.path) != 0 { throw LoadError(String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(at: aside)
            throw LoadError("\(target.path): cannot be written (\(error))")
        }
    }

    /// `2025-12-13-usa-heben-sanktionen-auf.md`: the day, then the title in plain letters.
    package static func fileName(_ article: ImportedArticle) -> String {
        let day = article.date.flatMap { ArticleDate(iso: $0.prefix(10)) != nil ? String($0.prefix(10)) : nil }
        let slug = slug(article.title)
        return [day, slug.isEmpty ? "artikel" : slug].compactMap { $0 }.joined(separator: "-") + ".md"
    }

    /// Lower case, umlauts spelled out, other letters without accents, words joined by `-`, at most 60.
    package static func slug(_ title: String) -> String {
        let folded = spelledOut(title.lowercased()).folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? String(word) : slug + "-" + word
            if next.count > 60 { break }
            slug = next
        }
        return slug.isEmpty ? String(words.first?.prefix(60) ?? "") : slug
    }

    /// The name, or with `-2`, `-3` … when a different article has it.
    func freeName(_ name: String) -> String {
        guard names.contains(name.lowercased()) else { return name }
        let stem = String(name.dropLast(3))
        var number = 2
        while names.contains("\(stem)-\(number).md".lowercased()) { number += 1 }
        return "\(stem)-\(number).md"
    }

    /// The front matter's fields and the text after it.
    static func frontMatter(_ text: String) -> (fields: [String: String], body: String)? {
        let text = normalized(text)
        guard text.hasPrefix("---\n") else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard let front = ArticleParser.parseFrontMatter(scalars, from: 0) else { return nil }
        var start = front.end
        if start < scalars.count, scalars[start] == "\n" { start += 1 }
        return (front.fields, ScalarClass.string(scalars[start...]))
    }
}

/// German umlauts and ß as plain letters (`Süddeutsche` → `Sueddeutsche`), for names in addresses and files.
func spelledOut(_ text: String) -> String {
    var spelled = ""
    for character in text {
        switch character {
        case "ä": spelled += "ae"
        case "ö": spelled += "oe"
        case "ü": spelled += "ue"
        case "ß": spelled += "ss"
        case "Ä": spelled += "Ae"
        case "Ö": spelled += "Oe"
        case "Ü": spelled += "Ue"
        default: spelled.append(character)
        }
    }
    return spelled
}
