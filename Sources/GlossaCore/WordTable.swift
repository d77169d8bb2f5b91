import Foundation

/// Which UTF-8 lengths and first bytes a set of words has: most words that are not in a small word
/// list are refused by two bit tests, without `Hasher` (which costs more than the rest of a lookup).
///
/// The refusal is exact. Swift compares strings by canonical equivalence; the keys are checked to be
/// in NFC, and a word whose scalars are all below U+0300 (no UTF-8 byte of 0xCC or more) is in NFC too,
/// so it can only equal a key byte for byte. Words with other scalars are never refused here.
struct WordFilter: Sendable {
    /// Bit `n`: a key of `n` bytes (63: 63 or more).
    private var lengths: UInt64 = 0
    private var firstBytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// False when some key is not in NFC: then every word goes to the table.
    private var usable = true

    init(_ keys: some Sequence<String>) {
        for key in keys {
            if key.precomposedStringWithCanonicalMapping.utf8.elementsEqual(key.utf8) == false { usable = false }
            guard let first = key.utf8.first else { continue }
            lengths |= 1 << UInt64(min(key.utf8.count, 63))
            switch first >> 6 {
            case 0: firstBytes.0 |= 1 << UInt64(first & 63)
            case 1: firstBytes.1 |= 1 << UInt64(first & 63)
            case 2: firstBytes.2 |= 1 << UInt64(first & 63)
            default: firstBytes.3 |= 1 << UInt64(first & 63)
            }
        }
    }

    @inline(__always)
    func mayContain(_ word: String) -> Bool {
        guard usable else { return true }
        var word = word
        return word.withUTF8 { bytes in
            guard let first = bytes.first else { return true }
            let firsts: UInt64
            switch first >> 6 {
            case 0: firsts = firstBytes.0
            case 1: firsts = firstBytes.1
            case 2: firsts = firstBytes.2
            default: firsts = firstBytes.3
            }
            if lengths & (1 << UInt64(min(bytes.count, 63))) != 0, firsts & (1 << UInt64(first & 63)) != 0 { return true }
            // Refused by the bits; only a word with a scalar from U+0300 on could still equal a key.
            for byte in bytes where byte >= 0xCC { return true }
            return false
        }
    }
}

/// A constant dictionary from words to values, looked up as a `[String: Value]` is (the same answers),
/// with `WordFilter` in front.
package struct WordTable<Value: Sendable>: ExpressibleByDictionaryLiteral, Sendable {
    package let dictionary: [String: Value]
    private let filter: WordFilter

    package init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        filter = WordFilter(dictionary.keys)
    }

    package init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { $1 }))
    }

    @inline(__always)
    package subscript(word: String) -> Value? {
        filter.mayContain(word) ? dictionary[word] : nil
    }

    package var keys: Dictionary<String, Value>.Keys { dictionary.keys }
}

/// A constant set of words, with `WordFilter` in front of `Set.contains`.
package struct WordSet: ExpressibleByArrayLiteral, Sequence, Sendable {
    package let set: Set<String>
    private let filter: WordFilter

    package init(_ set: Set<String>) {
        self.set = set
        filter = WordFilter(set)
    }

    package init(arrayLiteral elements: String...) {
        self.init(Set(elements))
    }

    @inline(__always)
    package func contains(_ word: String) -> Bool {
        filter.mayContain(word) && set.contains(word)
    }

    package func makeIterator() -> Set<String>.Iterator { set.makeIterator() }
}
