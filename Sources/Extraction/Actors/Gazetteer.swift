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
    /// One lookup per token: exact hash → bits 0–23 the position + 1 in `aliasLists` of the aliases
    /// that start with this token (token hashes, entry index, longest first), bit 24 a common word,
    /// bit 25 a first name.
    private var words = HashIndex()
    /// One bit per key of `words`, by the key's hash (2 Mi bits once a key is added): most stems and
    /// lower-case forms the tagger asks for are in no list and are refused here, in cache, without a
    /// miss in the large table. Exact: every key sets its bit.
    private var wordBits: [UInt64] = []
    private var aliasLists: [[(tokens: [UInt64], entry: Int)]] = []
    private static let aliasMask: Int32 = 0xFF_FFFF
    private static let commonWord: Int32 = 1 << 24
    private static let firstName: Int32 = 1 << 25
    private var byID: [String: Int] = [:]
    package private(set) var firstNameList: [String] = []
    package private(set) var hasLexicon = false

    public init() {}

    /// The lists shipped with Glossa (`Resources/gazetteer.tsv`, `Resources/first_names.txt`). They are
    /// part of the build (a missing one is a broken build, which the extraction tests catch), so a
    /// list that cannot be read is skipped rather than reported to the user.
    public static let standard: Gazetteer = {
        var gazetteer = Gazetteer()
        gazetteer.words = HashIndex(capacity: 120_000)
        for name in ["cities", "gazetteer"] {
            if let url = Bundle.module.url(forResource: name, withExtension: "tsv"),
               let text = try? String(contentsOf: url, encoding: .utf8) {
                gazetteer.add(tsv: text)
            }
        }
        if let url = Bundle.module.url(forResource: "first_names", withExtension: "txt"),
           let text = try? String(contentsOf: url, encoding: .utf8) {
            for line in text.utf8.split(separator: 10) where line.first != UInt8(ascii: "#") {
                let name = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if !name.isEmpty {
                    gazetteer.mark(ScalarHash.of(name), Self.firstName)
                    gazetteer.firstNameList.append(name)
                }
            }
        }
        if let url = Bundle.module.url(forResource: "lexicon", withExtension: "txt"),
           let text = try? String(contentsOf: url, encoding: .utf8) {
            for line in text.utf8.split(separator: 10) where line.first != UInt8(ascii: "#") {
                gazetteer.mark(ScalarHash.of(String(decoding: line, as: UTF8.self)), Self.commonWord)
            }
            gazetteer.hasLexicon = true
        }
        return gazetteer
    }()

    /// Lines `id<TAB>type<TAB>name<TAB>alias|alias|...`; `#` starts a comment.
    public mutating func add(tsv text: String) {
        for line in text.utf8.split(separator: 10) where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: 9, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count >= 3, let type = ActorType(code: fields[1]) else { continue }
            let aliases = fields.count > 3 ? fields[3].utf8.split(separator: UInt8(ascii: "|")).map { String(decoding: $0, as: UTF8.self) } : []
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
            let tokens = Self.tokenHashes(alias)
            guard let first = tokens.first else { continue }
            let value = lookup(first) ?? 0
            if value & Self.aliasMask != 0 {
                let position = Int(value & Self.aliasMask) - 1
                aliasLists[position].removeAll { $0.tokens == tokens }
                aliasLists[position].append((tokens, index))
                if aliasLists[position].count > 1 { aliasLists[position].sort { $0.tokens.count > $1.tokens.count } }
            } else {
                store(first, value | Int32(aliasLists.count + 1))
                aliasLists.append([(tokens, index)])
            }
        }
    }

    private mutating func mark(_ hash: UInt64, _ bit: Int32) {
        store(hash, (lookup(hash) ?? 0) | bit)
    }

    private mutating func store(_ key: UInt64, _ value: Int32) {
        if wordBits.isEmpty { wordBits = [UInt64](repeating: 0, count: 1 << 15) }
        let bit = Self.bit(key)
        wordBits[bit >> 6] |= 1 << UInt64(bit & 63)
        words.insert(key, value)
    }

    /// `words.find`, with `wordBits` in front.
    @inline(__always)
    private func lookup(_ key: UInt64) -> Int32? {
        guard !wordBits.isEmpty else { return nil }
        let bit = Self.bit(key)
        guard wordBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        return words.find(key)
    }

    /// 21 bits of the key as `HashIndex` stores it (0 as 1).
    @inline(__always)
    private static func bit(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key == 0 ? 1 : key) &* 0x9E37_79B9_7F4A_7C15) >> 43)
    }

    /// A common German word (OpenThesaurus) with this exact hash.
    @inline(__always)
    package func isCommonWord(_ hash: UInt64) -> Bool { (lookup(hash) ?? 0) & Self.commonWord != 0 }

    /// Whether the capitalised word `scalars[range]` is a common noun: listed, the feminine form of a
    /// listed one (`Kommissarin`, `Sprecherinnen`), or a compound whose last part is
    /// (`Menschenrechtskommissarin`). For the rare word that needs it; it hashes its endings.
    package func isCommonNoun(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        if isCommonWord(ScalarHash.of(scalars, range, lowercased: false)) { return true }
        for ending in ["innen", "in"] where range.count > ending.count + 3 {
            let tail = scalars[(end - ending.count)..<end].map { Character($0) }
            if String(tail) == ending { end -= ending.count; break }
        }
        // The word itself (without a feminine ending), then its endings of at least four letters.
        for start in range.lowerBound..<(end - 3) {
            var hash = ScalarHash.add(ScalarHash.seed, (start == range.lowerBound ? scalars[start] : ScalarClass.uppercase(scalars[start])).value)
            for index in (start + 1)..<end { hash = ScalarHash.add(hash, scalars[index].value) }
            if isCommonWord(hash) { return true }
        }
        return false
    }

    /// The tagger tokens' exact hashes of a name; one word (letters, digits, inner hyphens) is hashed directly.
    static func tokenHashes(_ alias: String) -> [UInt64] {
        var simple = !alias.isEmpty
        var previousHyphen = true
        for scalar in alias.unicodeScalars {
            if scalar == "-" {
                if previousHyphen { simple = false; break }
                previousHyphen = true
            } else if ScalarClass.isLetter(scalar) || ScalarClass.isDigit(scalar) && !previousHyphen {
                previousHyphen = false
            } else {
                simple = false
                break
            }
        }
        if simple, !previousHyphen { return [ScalarHash.of(alias)] }
        let scalars = ScalarClass.scalars(of: alias)
        return NERTokenizer.tokens(scalars, from: Tokenizer.tokenize(scalars, in: 0..<scalars.count)).map(\.exact)
    }

    public func entry(id: String) -> GazetteerEntry? {
        byID[id].map { entries[$0] }
    }

    /// The entry an exact surface form names.
    public func entry(alias: String) -> GazetteerEntry? {
        let tokens = Self.tokenHashes(alias)
        guard let first = tokens.first else { return nil }
        let value = lookup(first) ?? 0
        guard value & Self.aliasMask != 0 else { return nil }
        return aliasLists[Int(value & Self.aliasMask) - 1].first { $0.tokens == tokens }.map { entries[$0.entry] }
    }

    /// The longest alias that starts at `tokens[index]`: its length in tokens and its entry.
    package func match(_ tokens: [NERToken], at index: Int, limit: Int) -> (length: Int, entry: Int)? {
        let value = lookup(tokens[index].exact) ?? 0
        guard value & Self.aliasMask != 0 else { return nil }
        return match(tokens, at: index, limit: limit, list: Int(value & Self.aliasMask) - 1)
    }

    private func match(_ tokens: [NERToken], at index: Int, limit: Int, list: Int) -> (length: Int, entry: Int)? {
        return aliasLists.withUnsafeBufferPointer { lists in
            for candidate in lists[list] where index + candidate.tokens.count <= limit {
                var same = true
                for offset in 1..<max(1, candidate.tokens.count) where tokens[index + offset].exact != candidate.tokens[offset] {
                    same = false
                    break
                }
                if same { return (candidate.tokens.count, candidate.entry) }
            }
            return nil
        }
    }

    /// The entry of a one-token alias with this exact hash.
    package func single(_ hash: UInt64) -> Int? {
        let value = lookup(hash) ?? 0
        guard value & Self.aliasMask != 0 else { return nil }
        return aliasLists[Int(value & Self.aliasMask) - 1].first { $0.tokens.count == 1 }?.entry
    }

    /// Marks the tokens of `range` that the lists name with BIO labels, first names and common words.
    package func annotate(_ tokens: inout [NERToken], _ range: Range<Int>) {
        annotate(&tokens, segments: [range])
    }

    /// `annotate` on each segment: first every token's own lookups (independent of each other, so that
    /// their cache misses overlap), then the names, which do not cross a segment.
    package func annotate(_ tokens: inout [NERToken], segments: [Range<Int>]) {
        var values = [Int32](repeating: 0, count: tokens.count)
        for range in segments {
            for position in range {
                let token = tokens[position]
                if token.flags.contains(.punctuation) { continue }
                let value = lookup(token.exact) ?? 0
                values[position] = value
                var lexicon: UInt8 = 0
                if value & Self.commonWord != 0 { lexicon = 5 }
                if value & Self.firstName != 0 { tokens[position].flags.insert(.firstName) }
                if hasLexicon, token.flags.contains(.hasUpper) {
                    if token.length > 4, isCommonWord(token.stem1) || isCommonWord(token.stem2) { lexicon |= 2 }
                    lexicon = lexicon & ~4 | (isCommonWord(token.lower) ? 4 : 0)
                }
                tokens[position].lexicon = lexicon
            }
        }
        for range in segments {
            var matchEnd = range.lowerBound
            for position in range where values[position] & Self.aliasMask != 0 {
                guard position >= matchEnd,
                      let (length, entry) = match(tokens, at: position, limit: range.upperBound,
                                                  list: Int(values[position] & Self.aliasMask) - 1) else { continue }
                let type = entries[entry].type
                tokens[position].gazetteer = NERLabel.begin(type).rawValue
                for offset in 1..<max(1, length) { tokens[position + offset].gazetteer = NERLabel.inside(type).rawValue }
                matchEnd = position + length
            }
        }
    }
}
