import GlossaCore

/// Finds the figures of German news text: digits and number words with their scales, currencies,
/// units, dates, times, durations, ordinals, fractions and multipliers (see the gold guidelines).
struct NumberRecognizer {
    /// A recognised expression over tokens `first..<end`.
    struct Match {
        var first: Int
        var end: Int
        var kind: NumberKind
        var value: NumberValue
        var unit: String?
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let reference: ArticleDate?
    /// The tokens' texts, built on first use: the recognizer asks for the same neighbours again and again.
    let texts: TokenTexts

    init(scalars: [Unicode.Scalar], tokens: [Token], reference: ArticleDate?) {
        self.scalars = scalars
        self.tokens = tokens
        self.reference = reference
        texts = TokenTexts(count: tokens.count)
    }

    static func recognize(_ scalars: [Unicode.Scalar], tokens: [Token], reference: ArticleDate?) -> [NumberMention] {
        NumberRecognizer(scalars: scalars, tokens: tokens, reference: reference).run()
    }

    func run() -> [NumberMention] {
        var mentions: [NumberMention] = []
        var index = 0
        while index < tokens.count {
            guard let match = match(at: index), match.end > match.first else {
                index += 1
                continue
            }
            let start = tokens[match.first].start
            let end = tokens[match.end - 1].end
            let text = ScalarClass.string(scalars[start..<end])
            mentions.append(NumberMention(span: TextSpan(start: start, end: end), text: text, kind: match.kind,
                                          value: match.value, unit: match.unit, qualifier: qualifier(before: match.first, kind: match.kind)))
            index = match.end
        }
        return mentions
    }

    func match(at index: Int) -> Match? {
        switch tokens[index].kind {
        case .number: return matchNumber(index)
        case .word: return matchWord(index)
        case .punctuation: return matchCurrencySymbol(index)
        }
    }

    // MARK: Digits

    func matchNumber(_ index: Int) -> Match? {
        let token = tokens[index]
        if let date = matchNumericDate(index) ?? matchDayMonth(index) { return date }
        if let time = matchTime(index) { return time }
        if let ordinal = matchOrdinalDot(index) { return ordinal }
        if token.plainDigits, token.digitCount <= 2, let time = matchClockAfterUm(index, hour: Int(token.value)) { return time }
        if token.plainDigits, token.digitCount <= 2, let suffix = word(index + 1), adjacent(index, index + 1),
           Context.ordinalSuffixes.contains(suffix) {
            return Match(first: index, end: index + 2, kind: .ordinal, value: .number(token.value), unit: nil)
        }
        var value = token.value
        var next = index + 1
        // `14 000`: thousands grouped by a space
        while tokens[next - 1].plainDigits, tokens[next - 1].digitCount <= 3, isNumber(next), tokens[next].plainDigits,
              tokens[next].digitCount == 3, tokens[next].start == tokens[next - 1].end + 1, !tokens[next].afterLineBreak,
              value < 1e15 {
            value = value * 1000 + tokens[next].value
            next += 1
        }
        if let suffix = matchFusedSuffix(index, after: next, value: value) { return suffix }
        return classify(first: index, coreEnd: next, value: value, yearCandidate: next == index + 1)
    }

    /// `14.11.2025`, `14.11.`: day, month and optional year joined by dots.
    func matchNumericDate(_ index: Int) -> Match? {
        let day = tokens[index]
        guard day.plainDigits, day.digitCount <= 2, isPunct(index + 1, "."), adjacent(index, index + 1),
              isNumber(index + 2), adjacent(index + 1, index + 2), tokens[index + 2].plainDigits,
              tokens[index + 2].digitCount <= 2 else { return nil }
        let month = Int(tokens[index + 2].value)
        var end = index + 3
        var year: Int?
        if isPunct(index + 3, "."), adjacent(index + 2, index + 3) {
            end = index + 4
            if isNumber(index + 4), adjacent(index + 3, index + 4), tokens[index + 4].plainDigits,
               tokens[index + 4].digitCount == 4 || tokens[index + 4].digitCount == 2 {
                let raw = Int(tokens[index + 4].value)
                year = raw < 100 ? 2000 + raw : raw
                end = index + 5
            }
        } else if word(index - 1) == "um" || word(index + 3) == "uhr" || scaleWord(at: index + 3) != nil || unit(at: index + 3) != nil {
            return nil
        }
        guard let date = makeDate(day: Int(day.value), month: month, year: year) else { return nil }
        return Match(first: index, end: end, kind: .date, value: date, unit: nil)
    }

    /// `15. Februar 2025`, `9. August`, `14 april 2015`, `15te februar`.
    func matchDayMonth(_ index: Int) -> Match? {
        let day = tokens[index]
        guard day.plainDigits, day.digitCount <= 2, (1...31).contains(Int(day.value)) else { return nil }
        var monthIndex = index + 1
        if isPunct(monthIndex, "."), adjacent(index, monthIndex) {
            monthIndex += 1
        } else if let suffix = word(monthIndex), adjacent(index, monthIndex), Context.ordinalSuffixes.contains(suffix) {
            monthIndex += 1
        }
        guard let name = word(monthIndex), let month = monthNumber(name, at: monthIndex) else { return nil }
        return finishDate(first: index, day: Int(day.value), month: month, monthIndex: monthIndex)
    }

    /// Adds a following year to a day and month and builds the date match.
    func finishDate(first: Int, day: Int, month: Int, monthIndex: Int) -> Match? {
        var end = monthIndex + 1
        var year: Int?
        if isNumber(end), tokens[end].plainDigits, tokens[end].digitCount == 4, !tokens[end].afterLineBreak {
            year = Int(tokens[end].value)
            end += 1
        }
        guard let date = makeDate(day: day, month: month, year: year) else { return nil }
        return Match(first: first, end: end, kind: .date, value: date, unit: nil)
    }

    /// `20:07 Uhr`, `14.30 Uhr`, `14 Uhr`, `14h`.
    func matchTime(_ index: Int) -> Match? {
        let hour = tokens[index]
        guard hour.plainDigits, hour.digitCount <= 2, hour.value <= 24 else { return nil }
        if isPunct(index + 1, ":") || isPunct(index + 1, "."), adjacent(index, index + 1), isNumber(index + 2),
           adjacent(index + 1, index + 2), tokens[index + 2].plainDigits, tokens[index + 2].digitCount == 2,
           tokens[index + 2].value < 60 {
            let hasUhr = word(index + 3).map { $0 == "uhr" || $0 == "h" } ?? false
            guard isPunct(index + 1, ":") || hasUhr else { return nil }
            let text = twoDigits(Int(hour.value)) + ":" + twoDigits(Int(tokens[index + 2].value))
            return Match(first: index, end: index + (hasUhr ? 4 : 3), kind: .time, value: .text(text), unit: nil)
        }
        if let next = word(index + 1), next == "uhr" || (next == "h" && adjacent(index, index + 1)) {
            return Match(first: index, end: index + 2, kind: .time, value: .text(twoDigits(Int(hour.value)) + ":00"), unit: nil)
        }
        return nil
    }

    /// `16.` in `16. Platz`: an ordinal written with digits and a dot.
    func matchOrdinalDot(_ index: Int) -> Match? {
        let number = tokens[index]
        guard number.plainDigits, number.digitCount <= 3, isPunct(index + 1, "."), adjacent(index, index + 1),
              let next = word(index + 2), !tokens[index + 2].afterLineBreak, tokens[index + 2].start == tokens[index + 1].end + 1 else { return nil }
        if tokens[index + 2].capitalized, Context.sentenceStarters.contains(next) { return nil }
        return Match(first: index, end: index + 2, kind: .ordinal, value: .number(number.value), unit: nil)
    }

    /// `68-Jährige`, `14-fache`, `2000er Jahre`, `3km`, `vier-stündigen`.
    func matchFusedSuffix(_ index: Int, after next: Int, value: Double) -> Match? {
        var wordIndex = next
        if isPunct(next, "-"), adjacent(next - 1, next) { wordIndex = next + 1 }
        guard let suffix = word(wordIndex), adjacent(wordIndex - 1, wordIndex) else { return nil }
        if let unit = Context.durationUnit(ofAdjective: suffix) {
            return Match(first: index, end: wordIndex + 1, kind: .duration, value: .number(value), unit: unit)
        }
        if Context.isMultiplierSuffix(suffix) {
            return Match(first: index, end: wordIndex + 1, kind: .multiplier, value: .number(value), unit: nil)
        }
        if suffix == "er" || suffix == "er-jahre" || suffix == "er-jahren", tokens[index].digitCount == 4 {
            var end = wordIndex + 1
            if suffix == "er", let following = word(end), following == "jahre" || following == "jahren" { end += 1 }
            return Match(first: index, end: end, kind: .year, value: .text(text(index) + "s"), unit: nil)
        }
        if wordIndex == next, let unit = Units.measures[suffix] {
            return Match(first: index, end: wordIndex + 1, kind: .quantity, value: .number(value), unit: unit)
        }
        if wordIndex == next, let unit = Units.time[suffix], suffix.count <= 3 {
            return Match(first: index, end: wordIndex + 1, kind: .duration, value: .number(value), unit: unit)
        }
        return nil
    }

    /// `$5`, `€ 1,5 Mrd.`: a currency symbol before the number.
    func matchCurrencySymbol(_ index: Int) -> Match? {
        guard let currency = Units.currencies[text(index)], isNumber(index + 1),
              tokens[index + 1].start - tokens[index].end <= 1 else { return nil }
        var value = tokens[index + 1].value
        var end = index + 2
        if let (scale, scaleEnd) = scaleWord(at: end) {
            value *= scale
            end = scaleEnd
        }
        return Match(first: index, end: end, kind: .money, value: .number(value), unit: currency)
    }
}

/// A per-text cache of token texts (lower-cased for words), indexed by token; most texts never need
/// one, so the slots are made on first use and only the built texts are kept.
final class TokenTexts {
    private let count: Int
    /// Per token: the position + 1 in `texts` of its text, 0 while not built.
    @exclusivity(unchecked) private var slots: [Int32] = []
    @exclusivity(unchecked) private var texts: [String] = []

    init(count: Int) {
        self.count = count
    }

    @inline(__always)
    func text(_ index: Int, build: () -> String) -> String {
        if slots.isEmpty { slots = [Int32](repeating: 0, count: count) }
        let slot = slots[index]
        if slot > 0 { return texts[Int(slot) - 1] }
        let text = build()
        texts.append(text)
        slots[index] = Int32(texts.count)
        return text
    }
}
