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

    /// The byte offset of the first invalid UTF-8 sequence, or nil when all of it is valid.
    public static func firstInvalidOffset(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lowest: UInt8 = 0x80, highest: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let (low, high) = offset == 1 ? (lowest, highest) : (UInt8(0x80), UInt8(0xBF))
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }
}
