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
        forEachRawLine(scalars, from: start, limit: limit) { lines.append($0); return true }
        return lines
    }

    /// Calls `body` with the lines `rawLines` returns, in order, until it returns false.
    static func forEachRawLine(_ scalars: [Unicode.Scalar], from start: Int, limit: Int, _ body: (RawLine) -> Bool) {
        var count = 0
        var lineStart = start
        var index = start
        let end = min(scalars.count, start + ArticleParser.headLength)
        while index < end, count < limit {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                var next = index + 1
                if scalar == "\r", next < scalars.count, scalars[next] == "\n" { next += 1 }
                count += 1
                guard body(RawLine(span: TextSpan(start: lineStart, end: index), next: next)) else { return }
                lineStart = next
                index = next
            } else {
                index += 1
            }
        }
        if lineStart < end, count < limit {
            _ = body(RawLine(span: TextSpan(start: lineStart, end: end), next: end))
        }
    }

    /// Non-empty lines, trimmed of surrounding white space.
    static func lines(_ scalars: [Unicode.Scalar], from start: Int, limit: Int) -> [TextSpan] {
        var result: [TextSpan] = []
        // Line by line, so that the scan stops at the last line needed.
        forEachRawLine(scalars, from: start, limit: limit * 8) { line in
            var lower = line.span.start
            var upper = line.span.end
            while lower < upper, ScalarClass.isSpace(scalars[lower]) { lower += 1 }
            while upper > lower, ScalarClass.isSpace(scalars[upper - 1]) { upper -= 1 }
            if lower < upper { result.append(TextSpan(start: lower, end: upper)) }
            return result.count < limit
        }
        return result
    }
}
