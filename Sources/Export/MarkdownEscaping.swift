/// Turns untrusted text (article text, titles, paths, the user's notes and tags) into CommonMark that
/// reads as that text and nothing else: no emphasis, links, HTML, headings, lists or code blocks.
public enum MarkdownEscaping {
    /// One line of inline text: controls replaced, white space collapsed to single spaces (line breaks
    /// included), trimmed, and markup characters backslash-escaped (see `escape`).
    public static func inline(_ text: String) -> String {
        escape(collapse(sanitize(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")))
    }

    /// The lines of a multi-line text as CommonMark renders them: each line cleaned (controls replaced,
    /// spaces and tabs collapsed, trimmed), one empty string for each paragraph break, none at either end.
    /// This is the text a CommonMark reader gets back, not yet escaped.
    public static func normalizedLines(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in sanitize(text).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = collapse(String(raw))
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// A multi-line text as the lines of a block: `normalizedLines`, each escaped.
    public static func blockLines(_ text: String) -> [String] {
        normalizedLines(text).map(escape)
    }

    /// Line breaks unified to `\n`; C0 and C1 controls (but tab and line feed), DEL and bidi embeddings,
    /// overrides and isolates replaced by U+FFFD.
    public static func sanitize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0D: result.append("\n")
            case 0x0A where previousWasCR: continue
            case 0x09, 0x0A: result.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Runs of spaces and tabs made one space; leading and trailing ones dropped.
    static func collapse(_ line: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\t" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }

    /// Backslashes before the characters that could start markup, and no others, so that the notes
    /// stay readable when pasted as plain text: everywhere `\ ` * _ [ ] < > & | ~ #`; at the start of
    /// a line also `-`, `+` and `=` (lists, rules, setext headings) and the `.` or `)` of `12.` / `3)`.
    static func escape(_ line: String) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(line.unicodeScalars)
        var leadingDigits = 0
        while leadingDigits < scalars.count, leadingDigits < 10, ("0"..."9").contains(scalars[leadingDigits]) { leadingDigits += 1 }
        for (index, scalar) in scalars.enumerated() {
            let atStart = index == 0 && "-+=".unicodeScalars.contains(scalar)
            let listMarker = index == leadingDigits && leadingDigits > 0 && leadingDigits <= 9 && (scalar == "." || scalar == ")")
            if alwaysEscaped.contains(scalar) || atStart || listMarker { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }

    static let alwaysEscaped = Set("\\`*_[]<>&|~#".unicodeScalars)

    /// A path as a link destination: percent-encoded UTF-8 except unreserved characters and `/`,
    /// so it needs no angle brackets and holds no space, parenthesis or `<`.
    public static func linkDestination(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
