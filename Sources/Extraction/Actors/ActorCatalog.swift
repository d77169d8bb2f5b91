import Foundation
import TOMLKit

/// The user's own actors, from `actors.toml` in the library folder:
///
/// ```toml
/// ignore = ["Westen"]                    # never an actor
///
/// [[actor]]
/// id = "tsikhanouskaya"                  # optional: made from the name
/// name = "Swetlana Tichanowskaja"        # display name (renames an existing id)
/// type = "person"                        # person | organization | place
/// aliases = ["Tichanowskaja", "Tsikhanouskaya"]
/// merge = ["tichanowskaja"]              # other ids folded into this actor
/// ```
public struct ActorCatalog: Sendable, Equatable {
    public static let fileName = "actors.toml"

    package private(set) var gazetteer = Gazetteer()
    /// Automatic id → the user's id.
    public private(set) var merges: [String: String] = [:]
    /// Surface forms that are never actors.
    public private(set) var ignored: Set<String> = []
    /// Where the catalog came from (for equality and messages).
    public private(set) var source: String = ""

    public init() {}

    public var isEmpty: Bool { gazetteer.entries.isEmpty && merges.isEmpty && ignored.isEmpty }
    public var actors: [GazetteerEntry] { gazetteer.entries }

    public static func == (lhs: ActorCatalog, rhs: ActorCatalog) -> Bool { lhs.source == rhs.source }

    /// An error in the file, with the line it is on.
    public struct FileError: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var line: Int
        public var message: String
        public var description: String { "\(path):\(line): \(message)" }
    }

    /// Reads `DIR/actors.toml`; an absent file is an empty catalog.
    public static func load(directory: String) throws -> ActorCatalog {
        try loadWithText(directory: directory).catalog
    }

    /// The folder's catalog and the text it was read from (nil: there is none), read once.
    public static func loadWithText(directory: String) throws -> (catalog: ActorCatalog, text: String?) {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return (ActorCatalog(), nil) }
        let text = try read(path: path)
        return (try parse(text, path: path), text)
    }

    public static func load(path: String) throws -> ActorCatalog {
        try parse(read(path: path), path: path)
    }

    private static func read(path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(path: path, line: 0, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileError(path: path, line: 0, message: "is not UTF-8")
        }
        return text
    }

    public static func parse(_ text: String, path: String = fileName) throws -> ActorCatalog {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw FileError(path: path, line: error.source.begin.line, message: error.description)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(ofKey key: String, after start: Int = 0) -> Int {
            for index in start..<lines.count {
                let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
                if index > start, trimmed.hasPrefix("[") { break }
                if trimmed.hasPrefix(key), trimmed.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") {
                    return index + 1
                }
            }
            return start + 1
        }
        let headers = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("[[actor]]") }

        var catalog = ActorCatalog()
        catalog.source = text
        for key in table.keys where key != "actor" && key != "ignore" {
            throw FileError(path: path, line: line(ofKey: key), message: "unknown key \"\(key)\" (expected [[actor]] tables and ignore = [...])")
        }
        if let ignore = table["ignore"] {
            guard let array = ignore.array, let names = strings(array) else {
                throw FileError(path: path, line: line(ofKey: "ignore"), message: "ignore must be a list of strings")
            }
            catalog.ignored = Set(names)
        }
        guard let actorsValue = table["actor"] else { return catalog }
        guard let actors = actorsValue.array else {
            throw FileError(path: path, line: line(ofKey: "actor"), message: "write actors as [[actor]] tables")
        }
        for (number, value) in actors.enumerated() {
            let header = number < headers.count ? headers[number] : 0
            func fail(_ key: String?, _ message: String) -> FileError {
                FileError(path: path, line: key.map { line(ofKey: $0, after: header) } ?? header + 1, message: message)
            }
            guard let actor = value.table else { throw fail(nil, "an actor must be a table") }
            for key in actor.keys where !["id", "name", "type", "aliases", "merge"].contains(key) {
                throw fail(key, "unknown key \"\(key)\" in [[actor]] (expected id, name, type, aliases, merge)")
            }
            guard let name = actor["name"]?.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail(actor["name"] == nil ? nil : "name", "[[actor]] needs a name = \"...\"")
            }
            var id = ActorResolver.slug(name)
            if let idValue = actor["id"] {
                guard let given = idValue.string, !given.isEmpty else { throw fail("id", "id must be a non-empty string") }
                id = given
            }
            let type: ActorType
            if let typeValue = actor["type"] {
                guard let typeName = typeValue.string, let parsed = ActorType(rawValue: typeName) ?? ActorType(code: typeName) else {
                    throw fail("type", "type must be \"person\", \"organization\" or \"place\"")
                }
                type = parsed
            } else if let known = Gazetteer.standard.entry(id: id) {
                type = known.type
            } else {
                throw fail(nil, "[[actor]] \"\(name)\" needs a type (person, organization or place)")
            }
            var aliases: [String] = []
            if let aliasValue = actor["aliases"] {
                guard let array = aliasValue.array, let list = strings(array) else {
                    throw fail("aliases", "aliases must be a list of strings")
                }
                aliases = list
            }
            if let mergeValue = actor["merge"] {
                guard let array = mergeValue.array, let list = strings(array) else {
                    throw fail("merge", "merge must be a list of actor ids")
                }
                for other in list { catalog.merges[other] = id }
            }
            catalog.gazetteer.add(GazetteerEntry(id: id, type: type, name: name, aliases: aliases + [name]))
        }
        return catalog
    }

    private static func strings(_ array: TOMLArray) -> [String]? {
        var result: [String] = []
        for value in array {
            guard let text = value.string else { return nil }
            result.append(text)
        }
        return result
    }
}
