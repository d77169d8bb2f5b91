import GlossaCore

/// The lexicon's keys: a hash of the lower-cased word read backwards, so that one pass over a word
/// yields the keys of all its endings (`…kredit` in `Milliardenkredit`); and bit filters over keys.
extension EventLexicon {
    /// Sets a key's bit in a filter of 64 Ki bits (the key's top 16 bits).
    static func set(_ key: UInt64, in filter: inout [UInt64]) {
        filter[Int(key >> 54)] |= 1 << (key >> 48 & 63)
    }

    /// Whether a filter may hold the key (false: it certainly does not).
    @inline(__always)
    static func mayContain(_ key: UInt64, _ filter: UnsafeBufferPointer<UInt64>) -> Bool {
        filter[Int(key >> 54)] & (1 << (key >> 48 & 63)) != 0
    }

    static let offsetBasis = FNV1a.offsetBasis

    /// One step of the backward hash (FNV-1a over lower-cased scalars, last scalar first).
    @inline(__always)
    static func step(_ hash: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
        FNV1a.step(hash, UInt64(ScalarClass.lowercase(scalar).value))
    }

    /// The key of a word: its lower-cased scalars hashed from the last to the first.
    static func key(_ text: some StringProtocol) -> UInt64 {
        var hash = offsetBasis
        for scalar in text.unicodeScalars.reversed() { hash = step(hash, scalar) }
        return hash
    }

    /// The key of a word in the text (soft hyphens skipped).
    static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash = offsetBasis
        for scalar in scalars.reversed() where scalar.value != 0xAD { hash = step(hash, scalar) }
        return hash
    }
}
