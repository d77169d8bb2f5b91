/// Word-wraps short UI strings (pane entries, help) by display width.
public enum WordWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var wordWidth = DisplayText.width(of: word)
            if lineWidth > 0, lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > width {
                let (head, tail) = split(word, at: width)
                if !line.isEmpty { lines.append(line) }
                lines.append(head)
                line = ""
                lineWidth = 0
                word = tail
                wordWidth = DisplayText.width(of: word)
            }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Cuts a string so that the head fits in `width` columns.
    public static func split(_ text: String, at width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let cellWidth = DisplayText.cell(for: text[index]).width
            if used + cellWidth > width, used > 0 { break }
            head.append(text[index])
            used += cellWidth
            index = text.index(after: index)
        }
        return (head, String(text[index...]))
    }

    /// Fits a string into `width` columns, ending in `…` when cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayText.width(of: text) > width else { return text }
        return split(text, at: width - 1).0 + "…"
    }
}
