import Foundation
import GlossaCore

/// A known actor: canonical id, type, German display name and the surface forms that name it.
public struct GazetteerEntry: Sendable, Equatable {
    public var id: String
    public var type: ActorType
    public var name: String
    public var aliases: [String]

    public init(id: String, type: ActorType, name: String, aliases: [String]) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
    }
}

/// Names from lists: cities and towns (GeoNames), countries and regions (iso-codes, CLDR),
/// organizations and people (a curated list), and the user's own actors. Aliases are matched on tagger tokens, longest first.
public struct Gazetteer: Sendable {
    public private(set) var entries: [GazetteerEntry] = []
    /// First token's exact hash → aliases starting with it (token hashes, entry index), longest first.
    private var aliases: [UInt64: [(tokens: [UInt64], entry: Int)]] = [:]
    /// Lower-case hashes of alias texts → entry, for ids and part lookups.
    private var byText: [String: Int] = [:]
    private var byID: [String: Int] = [:]
    package private(set) var firstNames: Set<UInt64> = []
    package private(set) var firstNameList: [String] = []
    /// Common German words (OpenThesaurus): nouns as written, other words in lower case.
    package private(set) var lexicon: Set<UInt64> = []

    public init() {}

    /// The lists shipped with Glossa (`Resources/gazetteer.tsv`, `Resources/first_names.txt`).
    public static let standard: Gazetteer = {
        var gazetteer = Gazetteer()
        for name in ["cities", "gazetteer"] {
            if let url = Bundle.module.url(forResource: name, withExtension: "tsv"),
               let text = try? String(contentsOf: url, encoding: .utf8) {
                gazetteer.add(tsv: text)
            }
        }
        if let url = Bundle.module.url(forResource: "first_names", withExtension: "txt"),
           let text = try? String(contentsOf: url, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let name = line.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty {
                    gazetteer.firstNames.insert(ScalarHash.of(name))
                    gazetteer.firstNameList.append(name)
                }
            }
        }
        if let url = Bundle.module.url(forResource: "lexicon", withExtension: "txt"),
           let text = try? String(contentsOf: url, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                gazetteer.lexicon.insert(ScalarHash.of(String(line)))
            }
        }
        return gazetteer
    }()

    /// Lines `id<TAB>type<TAB>name<TAB>alias|alias|...`; `#` starts a comment.
    public mutating func add(tsv text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, let type = ActorType(code: fields[1]) else { continue }
            let aliases = fields.count > 3 ? fields[3].split(separator: "|").map(String.init) : []
            add(GazetteerEntry(id: fields[0], type: type, name: fields[2], aliases: aliases))
        }
    }

    /// Adds an entry, or widens the entry with the same id. A later alias wins over an earlier one.
    public mutating func add(_ entry: GazetteerEntry) {
        let index: Int
        if let existing = byID[entry.id] {
            index = existing
            entries[index].type = entry.type
            entries[index].name = entry.name
            entries[index].aliases += entry.aliases
        } else {
            index = entries.count
            entries.append(entry)
            byID[entry.id] = index
        }
        for alias in entry.aliases + [entry.name] {
            let scalars = ScalarClass.scalars(of: alias)
            let tokens = NERTokenizer.tokens(scalars, from: Tokenizer.tokenize(scalars, in: 0..<scalars.count)).map(\.exact)
            guard let first = tokens.first else { continue }
            var list = aliases[first, default: []]
            list.removeAll { $0.tokens == tokens }
            list.append((tokens, index))
            list.sort { $0.tokens.count > $1.tokens.count }
            aliases[first] = list
            byText[alias] = index
        }
    }

    public func entry(id: String) -> GazetteerEntry? {
        byID[id].map { entries[$0] }
    }

    /// The entry an exact surface form names.
    public func entry(alias: String) -> GazetteerEntry? {
        byText[alias].map { entries[$0] }
    }

    package func entryIndex(alias: String) -> Int? { byText[alias] }

    /// The longest alias that starts at `tokens[index]`: its length in tokens and its entry.
    package func match(_ tokens: [NERToken], at index: Int, limit: Int) -> (length: Int, entry: Int)? {
        guard let candidates = aliases[tokens[index].exact] else { return nil }
        for candidate in candidates where index + candidate.tokens.count <= limit {
            var same = true
            for offset in 1..<max(1, candidate.tokens.count) where tokens[index + offset].exact != candidate.tokens[offset] {
                same = false
                break
            }
            if same { return (candidate.tokens.count, candidate.entry) }
        }
        return nil
    }

    /// The entry of a one-token alias with this exact hash.
    package func single(_ hash: UInt64) -> Int? {
        aliases[hash]?.first { $0.tokens.count == 1 }?.entry
    }

    /// Marks the tokens of `range` that the lists name with BIO labels, and first names.
    package func annotate(_ tokens: inout [NERToken], _ range: Range<Int>) {
        var index = range.lowerBound
        if !lexicon.isEmpty {
            for position in range {
                var flags: UInt8 = 0
                let token = tokens[position]
                if lexicon.contains(token.exact) { flags |= 1 }
                if token.length > 4, lexicon.contains(token.stem1) || lexicon.contains(token.stem2) { flags |= 2 }
                if lexicon.contains(token.lower) { flags |= 4 }
                tokens[position].lexicon = flags
            }
        }
        while index < range.upperBound {
            if firstNames.contains(tokens[index].exact) { tokens[index].flags.insert(.firstName) }
            if let (length, entry) = match(tokens, at: index, limit: range.upperBound) {
                let type = entries[entry].type
                tokens[index].gazetteer = NERLabel.begin(type).rawValue
                for offset in 1..<max(1, length) {
                    tokens[index + offset].gazetteer = NERLabel.inside(type).rawValue
                    if firstNames.contains(tokens[index + offset].exact) { tokens[index + offset].flags.insert(.firstName) }
                }
                index += length
            } else {
                index += 1
            }
        }
    }
}
