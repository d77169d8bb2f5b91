/// What a news line carries around its sentences: datelines, speaker labels, credits, parentheses.
enum LinePrefixes {
    /// The part of a trimmed line that holds sentences.
    /// `lastCopyright` is the offset of the line's last `©`, or -1 (the caller's scan for the line end finds it).
    static func trim(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int, lastCopyright: Int) -> (Int, Int) {
        var lower = lower, upper = upper
        if let credit = creditStart(scalars, lower, upper, lastCopyright: lastCopyright) { upper = credit }
        if upper - lower >= 2, scalars[lower] == "(", scalars[upper - 1] == ")",
           !scalars[(lower + 1)..<(upper - 1)].contains("(") {
            lower += 1
            upper -= 1
        }
        if let afterDateline = datelineEnd(scalars, lower, upper) {
            lower = afterDateline
        } else if let afterLabel = speakerLabelEnd(scalars, lower, upper) {
            lower = afterLabel
        }
        while lower < upper, SentenceSplitter.isSpace(scalars[lower]) { lower += 1 }
        while upper > lower, SentenceSplitter.isSpace(scalars[upper - 1]) { upper -= 1 }
        return (lower, upper)
    }

    /// `… in Sotschi © AFP`: a credit after the last `©` that follows a space.
    /// The line's last `©` is the one that counts; one at `lower` starts no credit.
    static func creditStart(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int, lastCopyright index: Int) -> Int? {
        guard index > lower, index < upper else { return nil }
        return SentenceSplitter.isSpace(scalars[index - 1]) && upper - index <= 60 ? index : nil
    }

    /// `Moskau (AFP) - `, `BERLIN (dpa) – `: up to three words, an agency in parentheses, a dash.
    static func datelineEnd(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int) -> Int? {
        guard let open = (lower..<min(upper, lower + 40)).first(where: { scalars[$0] == "(" }), open > lower,
              let close = (open..<min(upper, open + 20)).first(where: { scalars[$0] == ")" }) else { return nil }
        let place = scalars[lower..<open]
        guard place.allSatisfy({ ScalarClass.isLetter($0) || $0 == " " || $0 == "-" || $0 == "." }),
              place.filter({ $0 == " " }).count <= 3, ScalarClass.isLetter(scalars[lower]),
              !ScalarClass.isLowercase(scalars[lower]) else { return nil }
        let agency = ScalarClass.string(scalars[(open + 1)..<close])
        guard agency.split(separator: "/").allSatisfy({ SentenceSplitter.agencies.contains(String($0)) }) else { return nil }
        var index = close + 1
        while index < upper, scalars[index] == " " { index += 1 }
        guard index < upper, scalars[index] == "-" || scalars[index] == "–" || scalars[index] == "—" else { return nil }
        return index + 1
    }

    /// `Alexander Friedman: ` or `ntv.de: ` opening an interview turn: two to four capitalised
    /// words, or one name with a dot (a medium), then a colon and a capitalised word.
    static func speakerLabelEnd(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int) -> Int? {
        guard let colon = (lower..<min(upper, lower + 50)).first(where: { scalars[$0] == ":" }),
              colon + 2 < upper, scalars[colon + 1] == " " else { return nil }
        let next = scalars[colon + 2]
        guard ScalarClass.isLetter(next) && !ScalarClass.isLowercase(next) || next == "„" || next == "\"" else { return nil }
        let words = ScalarClass.string(scalars[lower..<colon]).split(separator: " ")
        let isMedium = words.count == 1 && words[0].contains(".") && words[0].first?.isLetter == true
        let isName = (2...4).contains(words.count) && words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.dropFirst().allSatisfy { $0.isLetter || $0 == "-" || $0 == "." }
        }
        return isMedium || isName ? colon + 1 : nil
    }
}
