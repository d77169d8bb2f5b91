/// Fast character classes for hot loops: ASCII and Latin-1 answered directly, the rest by Unicode
/// properties (which are slow to look up).
public enum ScalarClass {
    @inlinable @inline(__always)
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value == 32 || (value >= 9 && value <= 13) }
        if value <= 0xFF { return value == 0xA0 || value == 0x85 }
        return scalar.properties.isWhitespace
    }

    @inlinable @inline(__always)
    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }

    @inlinable @inline(__always)
    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value | 0x20) >= 97 && (value | 0x20) <= 122 }
        if value <= 0xFF { return value >= 0xC0 && value != 0xD7 && value != 0xF7 || value == 0xAA || value == 0xB5 || value == 0xBA }
        return scalar.properties.isAlphabetic
    }

    /// A letter or a digit of any script.
    @inlinable @inline(__always)
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return isLetter(scalar) || isDigit(scalar) }
        return isLetter(scalar) || scalar.properties.numericType != nil
    }

    /// Lower case for the letters German uses; other scalars through Unicode.
    @inlinable @inline(__always)
    public static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value >= 65 && value <= 90 { return Unicode.Scalar(value + 32)! }
        if value < 128 { return scalar }
        if value >= 0xC0 && value <= 0xDE && value != 0xD7 { return Unicode.Scalar(value + 32)! }
        if value <= 0xFF { return scalar }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// The upper-case form of a Latin-1 letter; other scalars through Unicode's mapping.
    public static func uppercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value >= 97 && value <= 122 { return Unicode.Scalar(value - 32)! }
        if value < 128 { return scalar }
        if value >= 0xE0 && value <= 0xFE && value != 0xF7 { return Unicode.Scalar(value - 32)! }
        if value <= 0xFF { return scalar }
        let mapped = scalar.properties.uppercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : scalar
    }

    @inlinable @inline(__always)
    public static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value >= 97 && value <= 122 }
        if value <= 0xFF { return value >= 0xDF && value != 0xF7 }
        return scalar.properties.isLowercase
    }
}

extension ScalarClass {
    /// The scalars of a string, decoded from its UTF-8 in one pass (faster than `Array(unicodeScalars)`),
    /// written straight into the array's storage.
    public static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { result, initialized in
                var index = 0, written = 0
                let count = bytes.count
                while index < count {
                    let lead = UInt32(bytes[index])
                    if lead < 0x80 {
                        result.initializeElement(at: written, to: Unicode.Scalar(UInt8(lead)))
                        written += 1
                        index += 1
                        continue
                    }
                    var value: UInt32
                    if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    result.initializeElement(at: written, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    written += 1
                }
                initialized = written
            }
        }
    }
}

extension ScalarClass {
    /// A string from scalars, encoded straight into the string's own storage (much faster than
    /// `String.UnicodeScalarView`; short strings, as most words are, need no allocation at all).
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>, lowercased: Bool = false) -> String {
        var length = 0
        for scalar in scalars {
            let value = lowercased ? lowercase(scalar).value : scalar.value
            length += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { bytes in
            var index = 0
            for scalar in scalars {
                let value = lowercased ? lowercase(scalar).value : scalar.value
                if value < 0x80 {
                    bytes[index] = UInt8(value)
                    index += 1
                } else if value < 0x800 {
                    bytes[index] = UInt8(0xC0 | value >> 6)
                    bytes[index + 1] = UInt8(0x80 | value & 0x3F)
                    index += 2
                } else if value < 0x10000 {
                    bytes[index] = UInt8(0xE0 | value >> 12)
                    bytes[index + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    bytes[index + 2] = UInt8(0x80 | value & 0x3F)
                    index += 3
                } else {
                    bytes[index] = UInt8(0xF0 | value >> 18)
                    bytes[index + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    bytes[index + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    bytes[index + 3] = UInt8(0x80 | value & 0x3F)
                    index += 4
                }
            }
            return index
        }
    }
}
