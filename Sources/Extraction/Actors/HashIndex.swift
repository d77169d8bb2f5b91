/// An open-addressing hash map from 64-bit hashes to small integers: the hot lookups of the actor
/// tagger (names, first names, common words) without `Hasher`'s cost. Keys are already hashes.
package struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    package private(set) var count = 0
    package var isEmpty: Bool { count == 0 }

    package init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// Adds or replaces a value.
    package mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.stored(key)
        let mask = keys.count - 1
        var index = slot(key)
        while keys[index] != 0, keys[index] != key { index = (index + 1) & mask }
        if keys[index] == 0 { count += 1 }
        keys[index] = key
        values[index] = value
    }

    @inline(__always)
    package func find(_ key: UInt64) -> Int32? {
        let key = Self.stored(key)
        return keys.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var index = slot(key)
            while true {
                let found = table[index]
                if found == key { return values[index] }
                if found == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }

    @inline(__always)
    package func contains(_ key: UInt64) -> Bool { find(key) != nil }

    private mutating func grow() {
        var bigger = HashIndex(capacity: keys.count)
        for (index, key) in keys.enumerated() where key != 0 { bigger.insert(key, values[index]) }
        self = bigger
    }
}
