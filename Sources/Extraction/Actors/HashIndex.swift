/// An open-addressing hash map from 64-bit hashes to small integers: the hot lookups of the actor
/// tagger (names, first names, common words) without `Hasher`'s cost. Keys are already hashes.
/// Each key sits next to its value, so that a lookup in a large table touches one cache line.
package struct HashIndex: Sendable {
    private struct Slot {
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    package private(set) var count = 0
    package var isEmpty: Bool { count == 0 }

    package init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(key: 0, value: 0), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// Adds or replaces a value.
    package mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let key = Self.stored(key)
        let mask = slots.count - 1
        var index = slot(key)
        while slots[index].key != 0, slots[index].key != key { index = (index + 1) & mask }
        if slots[index].key == 0 { count += 1 }
        slots[index] = Slot(key: key, value: value)
    }

    @inline(__always)
    package func find(_ key: UInt64) -> Int32? {
        let key = Self.stored(key)
        return slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var index = slot(key)
            while true {
                let found = table[index]
                if found.key == key { return found.value }
                if found.key == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }

    @inline(__always)
    package func contains(_ key: UInt64) -> Bool { find(key) != nil }

    /// A set of words, by the hash of each as written (`NERToken.exact`; lower-case words also match `lower`).
    package init(words: some Sequence<String>) {
        self.init(capacity: 64)
        for word in words { insert(ScalarHash.of(word), 1) }
    }

    private mutating func grow() {
        var bigger = HashIndex(capacity: slots.count)
        for slot in slots where slot.key != 0 { bigger.insert(slot.key, slot.value) }
        self = bigger
    }
}
