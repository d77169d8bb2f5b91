/// Finds lines in a scalar array; `\n`, `\r\n` and a lone `\r` all end a line.
enum LineScanner {
    struct RawLine {
        /// The line without its terminator.
        let span: TextSpan
        /// Where the next line starts.
        let next: Int
    }

    static func rawLines(_ scalars: [Unicode.Scalar], from start: Int, limit: Int) -> [RawLine] {
        var lines: [RawLine] = []
        var lineStart = start
        var index = start
        let end = min(scalars.count, start + ArticleParser.headLength)
        while index < end, lines.count < limit {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                var next = index + 1
                if scalar == "\r", next < scalars.count, scalars[next] == "\n" { next += 1 }
                lines.append(RawLine(span: TextSpan(start: lineStart, end: index), next: next))
                lineStart = next
                index = next
            } else {
                index += 1
            }
        }
        if lineStart < end, lines.count < limit {
            lines.append(RawLine(span: TextSpan(start: lineStart, end: end), next: end))
        }
        return lines
    }

    /// Non-empty lines, trimmed of surrounding white space.
    static func lines(_ scalars: [Unicode.Scalar], from start: Int, limit: Int) -> [TextSpan] {
        var result: [TextSpan] = []
        for line in rawLines(scalars, from: start, limit: limit * 8) {
            var lower = line.span.start
            var upper = line.span.end
            while lower < upper, ScalarClass.isSpace(scalars[lower]) { lower += 1 }
            while upper > lower, ScalarClass.isSpace(scalars[upper - 1]) { upper -= 1 }
            if lower < upper { result.append(TextSpan(start: lower, end: upper)) }
            if result.count == limit { break }
        }
        return result
    }
}
