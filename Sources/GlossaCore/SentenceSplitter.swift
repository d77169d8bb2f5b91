/// Splits German news text into sentences: the unit of the reader's cursor and of claims.
///
/// Every line is a paragraph, so a line break ends a sentence (headlines need no stop). On each
/// line, a dateline (`Moskau (AFP) - `), an interview speaker label (`Alexander Friedman: `,
/// `ntv.de: `), parentheses around the whole line and a trailing credit (`© AFP`) are not part of
/// the sentence. Inside a line, `.` `!` `?` `…` (with closing quotes or brackets) followed by
/// white space end a sentence, unless the next word starts in lower case, or a `.` follows an
/// abbreviation, an initial or an ordinal (`z. B.`, `Dr.`, `W.`, `24. Februar`). A stop directly
/// followed by a capitalised word (`Russland.Die`) ends one too.
///
/// A "sentence" longer than `maxLength` scalars (a text without stops, a table flattened into one
/// line) is cut into pieces of at most that length, at white space where there is some: every step
/// that works sentence by sentence, from extraction to the reader's cursor, stays bounded.
public enum SentenceSplitter {
    /// Longer than any sentence of news (the longest are about 1,000 characters).
    public static let maxLength = 2_000

    static let abbreviations: WordSet = [
        "Dr", "Prof", "Nr", "St", "Str", "bzw", "vgl", "ca", "Mio", "Mrd", "Jh", "Abs", "Art", "Hr", "Fr",
        "evtl", "ggf", "inkl", "sog", "Chr", "Jan", "Feb", "Aug", "Sept", "Sep", "Okt", "Nov", "Dez",
        "Mr", "Mrs", "Ms", "Gen", "Min", "Tel", "bspw", "zB", "etc", "Bd", "Hrsg", "Dipl", "Ing", "Mag",
        "Verf", "Tsd", "Std", "Mill", "Bill", "Co", "vs", "bzgl", "insb", "ehem", "geb", "gest", "Abb",
        "Jr", "Sen", "Rep", "Gov", "Lt", "Col", "Maj", "Brig", "Bf", "Inc", "Ltd", "Kap", "Ziff",
    ]

    /// News agencies seen in datelines: `Moskau (AFP) - `.
    static let agencies: Set<String> = ["AFP", "dpa", "Reuters", "AP", "KNA", "epd", "APA", "sda", "SID", "dts", "ots",
                                        "RND", "Interfax", "TASS", "Tass", "Xinhua", "Belta", "BelTA", "ANSA", "AA", "UNIAN"]

    /// Sentence spans inside `span`, trimmed of white space, in order and non-overlapping.
    public static func split(_ scalars: [Unicode.Scalar], in span: TextSpan) -> [TextSpan] {
        var result: [TextSpan] = []
        let end = min(span.end, scalars.count)
        var lineStart = max(0, span.start)
        while lineStart < end {
            var lineEnd = lineStart
            var lastCopyright = -1
            while lineEnd < end {
                let value = scalars[lineEnd].value
                if value < 0x20 || value >= 0x80 {
                    // Printable ASCII is neither a line break nor `©`.
                    if isLineBreak(scalars[lineEnd]) { break }
                    if value == 0xA9 { lastCopyright = lineEnd }
                }
                lineEnd += 1
            }
            var lower = lineStart, upper = lineEnd
            while lower < upper, isSpace(scalars[lower]) { lower += 1 }
            while upper > lower, isSpace(scalars[upper - 1]) { upper -= 1 }
            if lower < upper {
                (lower, upper) = LinePrefixes.trim(scalars, lower, upper, lastCopyright: lastCopyright)
                splitLine(scalars, lower, upper, into: &result)
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    /// Splits one line (already trimmed) at sentence ends.
    static func splitLine(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int, into result: inout [TextSpan]) {
        var sentenceStart: Int?
        var index = lower

        func close(_ stop: Int) {
            guard let start = sentenceStart else { return }
            var last = stop
            while last > start, isSpace(scalars[last - 1]) { last -= 1 }
            if last > start { appendCapped(scalars, start, last, into: &result) }
            sentenceStart = nil
        }

        while index < upper {
            let scalar = scalars[index]
            guard sentenceStart != nil else {
                if !isSpace(scalar) { sentenceStart = index }
                index += 1
                continue
            }
            guard isTerminator(scalar) else {
                index += 1
                while index < upper, !isTerminator(scalars[index]) { index += 1 }
                continue
            }
            var after = index + 1
            while after < upper, isTerminator(scalars[after]) || isCloser(scalars[after]) { after += 1 }
            if after < upper, !isSpace(scalars[after]) {
                if scalar == ".", after == index + 1, startsCapitalizedWord(scalars, after, upper),
                   endsLowercaseWord(scalars, index, lowerBound: sentenceStart!) {
                    close(after)
                }
                index = after
                continue
            }
            var next = after
            while next < upper, isSpace(scalars[next]) { next += 1 }
            if next < upper {
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
        close(upper)
    }

    /// Appends `start..<end` (trimmed), cut into pieces of at most `maxLength` scalars: at the last
    /// white space in a piece's last quarter, else at the length (not inside a combining sequence).
    static func appendCapped(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, into result: inout [TextSpan]) {
        var start = start
        while end - start > maxLength {
            var cut = start + maxLength
            var space = cut
            while space > start + maxLength * 3 / 4, !isSpace(scalars[space]) { space -= 1 }
            if isSpace(scalars[space]) {
                cut = space
            } else {
                cut = graphemeBoundary(atOrBefore: cut, in: scalars, after: start)
            }
            var last = cut
            while last > start, isSpace(scalars[last - 1]) { last -= 1 }
            result.append(TextSpan(start: start, end: last))
            start = cut
            while start < end, isSpace(scalars[start]) { start += 1 }
        }
        if end > start { result.append(TextSpan(start: start, end: end)) }
    }

    /// The last grapheme boundary at or before `index` and after `lower` (else `index`): found by
    /// Swift's own grapheme breaking on the few scalars around it (accents, emoji sequences, flags).
    static func graphemeBoundary(atOrBefore index: Int, in scalars: [Unicode.Scalar], after lower: Int) -> Int {
        let from = max(lower, index - 32)
        var window = String.UnicodeScalarView()
        window.append(contentsOf: scalars[from..<min(scalars.count, index + 32)])
        var boundary = from
        var best = index
        for character in String(window) {
            if boundary > lower, boundary <= index { best = boundary }
            boundary += character.unicodeScalars.count
            if boundary > index { break }
        }
        return boundary == index ? index : best
    }

    /// True when the period at `periodAt` belongs to an abbreviation, an initial or an ordinal.
    static func continuesAfterPeriod(_ scalars: [Unicode.Scalar], periodAt: Int, lowerBound: Int) -> Bool {
        var start = periodAt
        while start > lowerBound, ScalarClass.isWordScalar(scalars[start - 1]) { start -= 1 }
        let word = scalars[start..<periodAt]
        guard !word.isEmpty else { return false }
        if word.allSatisfy(ScalarClass.isDigit) { return word.count <= 2 }
        if word.count == 1 { return true }
        return abbreviations.contains(ScalarClass.string(word))
    }

    /// `Die` in `Russland.Die`: an upper-case letter followed by a lower-case one.
    static func startsCapitalizedWord(_ scalars: [Unicode.Scalar], _ index: Int, _ upper: Int) -> Bool {
        index + 1 < upper && ScalarClass.isLetter(scalars[index]) && !ScalarClass.isLowercase(scalars[index])
            && ScalarClass.isLowercase(scalars[index + 1])
    }

    /// Three or more letters before `index`, the last in lower case (not an initial or a domain part).
    static func endsLowercaseWord(_ scalars: [Unicode.Scalar], _ index: Int, lowerBound: Int) -> Bool {
        var start = index
        while start > lowerBound, ScalarClass.isLetter(scalars[start - 1]) { start -= 1 }
        return index - start >= 3 && ScalarClass.isLowercase(scalars[index - 1])
            && (start == lowerBound || ScalarClass.isSpace(scalars[start - 1]))
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
