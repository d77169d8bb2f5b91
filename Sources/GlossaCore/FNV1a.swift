/// FNV-1a, the one hash written here: the same on every run and machine (stored content hashes and
/// quote keys rely on it), quick, and with no allocation. Its steps are inlinable, so other modules
/// hash bytes and scalars in their own loops at full speed.
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3
    public static let offsetBasis32: UInt32 = 0x811C_9DC5
    public static let prime32: UInt32 = 0x0100_0193

    /// One step: a value (a byte, or a scalar's value) into the hash.
    @inlinable @inline(__always)
    public static func step(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        (hash ^ value) &* prime
    }

    /// The 64-bit hash of bytes.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes { hash = step(hash, UInt64(byte)) }
        return hash
    }

    /// The 32-bit hash of bytes (FNV-1a 32, not a folded 64).
    @inlinable
    public static func hash32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash = offsetBasis32
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* prime32 }
        return hash
    }
}
