/// Splits text into sentences: the unit of the reader's cursor and of claims.
///
/// A line break always ends a sentence (paragraphs are lines). Inside a line, `.` `!` `?` `…`
/// (with closing quotes or brackets) followed by white space end a sentence, unless the word
/// after them starts in lower case, or a `.` follows an abbreviation, an initial or an ordinal
/// (`z. B.`, `Dr.`, `W.`, `24. Februar`).
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "Dr", "Prof", "Nr", "St", "Str", "bzw", "vgl", "ca", "Mio", "Mrd", "Jh", "Abs", "Art", "Hr", "Fr",
        "evtl", "ggf", "inkl", "sog", "Chr", "Jan", "Feb", "Aug", "Sept", "Sep", "Okt", "Nov", "Dez",
        "Mr", "Mrs", "Ms", "Gen", "Min", "Tel", "bspw", "zB", "etc", "Bd", "Hrsg", "Dipl", "Ing", "Mag",
        "Verf", "Tsd", "Std", "Mill", "Bill", "Co", "vs", "bzgl", "insb", "ehem", "geb", "gest", "Abb",
    ]

    /// Sentence spans inside `span`, trimmed of white space, in order and non-overlapping.
    public static func split(_ scalars: [Unicode.Scalar], in span: TextSpan) -> [TextSpan] {
        var result: [TextSpan] = []
        var sentenceStart: Int?
        let end = min(span.end, scalars.count)
        var index = max(0, span.start)

        func close(_ upper: Int) {
            guard let lower = sentenceStart else { return }
            var last = upper
            while last > lower, isSpace(scalars[last - 1]) { last -= 1 }
            if last > lower { result.append(TextSpan(start: lower, end: last)) }
            sentenceStart = nil
        }

        while index < end {
            let scalar = scalars[index]
            if isLineBreak(scalar) {
                close(index)
                index += 1
                continue
            }
            guard sentenceStart != nil else {
                if !isSpace(scalar) { sentenceStart = index }
                index += 1
                continue
            }
            guard isTerminator(scalar) else {
                index += 1
                continue
            }
            var after = index + 1
            while after < end, isTerminator(scalars[after]) || isCloser(scalars[after]) { after += 1 }
            if after < end, !isSpace(scalars[after]), !isLineBreak(scalars[after]) {
                index = after
                continue
            }
            var next = after
            while next < end, isSpace(scalars[next]) { next += 1 }
            if next < end, !isLineBreak(scalars[next]) {
                let following = scalars[next]
                if ScalarClass.isLowercase(following)
                    || (scalar == "." && continuesAfterPeriod(scalars, periodAt: index, lowerBound: sentenceStart!)) {
                    index = after
                    continue
                }
            }
            close(after)
            index = after
        }
        close(end)
        return result
    }

    /// True when the period at `periodAt` belongs to an abbreviation, an initial or an ordinal.
    static func continuesAfterPeriod(_ scalars: [Unicode.Scalar], periodAt: Int, lowerBound: Int) -> Bool {
        var start = periodAt
        while start > lowerBound, isWordScalar(scalars[start - 1]) { start -= 1 }
        let word = scalars[start..<periodAt]
        guard !word.isEmpty else { return false }
        if word.allSatisfy(ScalarClass.isDigit) { return word.count <= 2 }
        if word.count == 1 { return true }
        return abbreviations.contains(String(String.UnicodeScalarView(word)))
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isWordScalar(scalar)
    }

    @inline(__always)
    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == "…"
    }

    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "»", "«", "“", "”", "’", "‘": return true
        default: return false
        }
    }

    @inline(__always)
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value == 32 || value == 9 || value == 11 || value == 12 }
        return !isLineBreak(scalar) && (ScalarClass.isSpace(scalar) || scalar == "\u{FEFF}")
    }
}
