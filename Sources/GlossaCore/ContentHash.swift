/// A 64-bit FNV-1a hash of a text's UTF-8, as 16 hex digits: tells whether an article changed.
public enum ContentHash {
    public static func of(_ text: String) -> String {
        let digits = String(value(of: text.utf8), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// FNV-1a 64 of bytes: the same in every run.
    public static func value(of bytes: some Sequence<UInt8>) -> UInt64 { FNV1a.hash(bytes) }
}
