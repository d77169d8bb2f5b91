import Foundation

/// Turns the bytes of a file into text without ever failing.
public enum TextDecoding {
    /// The decoded text and whether any invalid UTF-8 had to be replaced by U+FFFD.
    public struct Result: Sendable, Equatable {
        public let text: String
        public let hadInvalidBytes: Bool
    }

    /// Decodes UTF-8, replacing invalid sequences with U+FFFD. A BOM is kept in the text
    /// (offsets count from the file's first scalar, as Python does) and skipped by the parser.
    public static func decode(_ data: Data) -> Result {
        if let valid = String(validating: data, as: UTF8.self) {
            return Result(text: valid, hadInvalidBytes: false)
        }
        return Result(text: String(decoding: data, as: UTF8.self), hadInvalidBytes: true)
    }
}
