import GlossaCore

/// A token of German text: a word, a run of digits, or one punctuation scalar.
package struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punctuation }

    let kind: Kind
    /// Scalar offsets into the text, end exclusive.
    let start: Int
    let end: Int
    /// The first scalar (for punctuation, the token itself).
    let first: Unicode.Scalar
    /// Numbers: how many scalars the number has (digits and separators).
    let digitCount: Int
    /// Words: the first letter is upper case.
    let capitalized: Bool
    /// Numbers: the value with German separators read (`1.200` = 1200, `1,5` = 1.5).
    let value: Double
    /// Numbers: only digits, no separators.
    let plainDigits: Bool
    /// A line break lies between this token and the one before it.
    let afterLineBreak: Bool

}

/// Splits text into tokens. Words may contain inner hyphens (`US-Dollar`, `Kreml-Chef`);
/// numbers take German thousands dots (`1.200`) and decimal commas (`1,5`).
package enum Tokenizer {
    package static func tokenize(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [Token] {
        scalars.withUnsafeBufferPointer { tokenize($0, in: range) }
    }

    static func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 5)
        var index = range.lowerBound
        let end = range.upperBound
        var sawLineBreak = false
        while index < end {
            let scalar = scalars[index]
            if isLetter(scalar) {
                var stop = index + 1
                while stop < end {
                    if isLetter(scalars[stop]) || isMark(scalars[stop]) {
                        stop += 1
                    } else if (scalars[stop] == "-" || scalars[stop] == "\u{2011}"), stop + 1 < end, isLetter(scalars[stop + 1]) {
                        stop += 2
                    } else {
                        break
                    }
                }
                tokens.append(Token(kind: .word, start: index, end: stop, first: scalar, digitCount: 0,
                                    capitalized: isUppercase(scalar), value: 0, plainDigits: false,
                                    afterLineBreak: sawLineBreak))
                index = stop
            } else if isDigit(scalar) {
                let (stop, value, plain) = readNumber(scalars, from: index, end: end)
                tokens.append(Token(kind: .number, start: index, end: stop, first: scalar, digitCount: stop - index,
                                    capitalized: false, value: value, plainDigits: plain, afterLineBreak: sawLineBreak))
                index = stop
            } else if isSpace(scalar) {
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" { sawLineBreak = true }
                index += 1
                continue
            } else {
                tokens.append(Token(kind: .punctuation, start: index, end: index + 1, first: scalar, digitCount: 0,
                                    capitalized: false, value: 0, plainDigits: false, afterLineBreak: sawLineBreak))
                index += 1
            }
            sawLineBreak = false
        }
        return tokens
    }

    /// Digits with German separators: `.` before exactly three digits groups thousands,
    /// `,` before digits is the decimal comma.
    static func readNumber(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, end: Int) -> (Int, Double, Bool) {
        var index = start
        var integer: Double = 0
        var plain = true
        while index < end, isDigit(scalars[index]) {
            integer = integer * 10 + Double(scalars[index].value - 48)
            index += 1
        }
        while index + 3 < end {
            guard scalars[index] == ".",
                  isDigit(scalars[index + 1]), isDigit(scalars[index + 2]), isDigit(scalars[index + 3]),
                  index + 4 >= end || !isDigit(scalars[index + 4]) else { break }
            let group = (scalars[index + 1].value - 48) * 100 + (scalars[index + 2].value - 48) * 10 + (scalars[index + 3].value - 48)
            integer = integer * 1000 + Double(group)
            index += 4
            plain = false
        }
        if index + 1 < end, scalars[index] == ",", isDigit(scalars[index + 1]) {
            var fraction: Double = 0
            var scale: Double = 1
            index += 1
            while index < end, isDigit(scalars[index]) {
                fraction = fraction * 10 + Double(scalars[index].value - 48)
                scale *= 10
                index += 1
            }
            integer += fraction / scale
            plain = false
        }
        return (index, integer, plain)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isDigit(scalar) }
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isLetter(scalar) }
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isLetter(scalar) && !ScalarClass.isLowercase(scalar) }
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isSpace(scalar) }

    /// Combining diacritics inside a word (decomposed umlauts) and soft hyphens (`Kirch\u{AD}berg`).
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && scalar.value <= 0x36F || scalar.value == 0xAD
    }
}
