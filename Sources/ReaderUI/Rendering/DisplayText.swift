import Foundation

/// Turns text into terminal cells: one grapheme per cell group, its display width, and nothing
/// that a terminal would take as control (C0/C1 controls, ESC, bidi overrides become placeholders).
public enum DisplayText {
    /// Shown instead of a control or bidi override inside article text.
    public static let placeholder = "\u{FFFD}"

    /// The text to draw for a grapheme and its width in columns (0: draw nothing).
    public static func cell(for character: Character) -> (text: String, width: Int) {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first {
            if scalar.value >= 0x20 && scalar.value < 0x7F { return (String(character), 1) }
            if let picture = controlPicture(scalar) { return (picture, 1) }
            if isUnsafe(scalar) { return (placeholder, 1) }
            let width = self.width(of: scalar)
            return (width == 0 ? "" : String(character), width)
        }
        if character == "\r\n" { return (controlPicture("\n")!, 1) }
        if scalars.contains(where: { isUnsafe($0) || controlPicture($0) != nil }) { return (placeholder, 1) }
        if scalars.contains(where: { $0 == "\u{200D}" || (0x1F3FB...0x1F3FF).contains($0.value) }),
           let base = scalars.first {
            // Terminals disagree on the width of emoji sequences: draw the base emoji alone.
            return (String(base), max(1, width(of: base)))
        }
        let normalized = String(character).precomposedStringWithCanonicalMapping
        var width = 0
        for scalar in scalars {
            let scalarWidth = self.width(of: scalar)
            if scalar == "\u{FE0F}" { width = 2 }
            width = max(width, scalarWidth)
        }
        return (width == 0 ? "" : normalized, width)
    }

    /// Display columns of a string (graphemes summed).
    public static func width(of text: String) -> Int {
        text.reduce(0) { $0 + cell(for: $1).width }
    }

    /// Columns of one scalar: 0 for combining and format characters, 2 for East Asian wide and emoji.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value == 0xAD ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(value) { return 2 }
        return 1
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// `␛` for ESC, `␀` for NUL and so on: C0 controls and DEL drawn as their control pictures.
    static func controlPicture(_ scalar: Unicode.Scalar) -> String? {
        if scalar.value < 0x20 { return String(Unicode.Scalar(0x2400 + scalar.value)!) }
        if scalar.value == 0x7F { return "\u{2421}" }
        return nil
    }

    /// C1 controls, bidi embeddings, overrides and isolates, line and paragraph separators.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
            || value == 0x061C || value == 0x200E || value == 0x200F
    }
}
