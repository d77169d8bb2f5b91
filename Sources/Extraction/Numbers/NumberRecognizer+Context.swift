import GlossaCore

extension NumberRecognizer {
    /// A number's value is known up to `coreEnd`; a scale, a unit or a currency may follow.
    func classify(first: Int, coreEnd: Int, value: Double, yearCandidate: Bool) -> Match {
        var value = value
        var end = coreEnd
        var scaled = false
        if let (scale, scaleEnd) = scaleWord(at: end) {
            value *= scale
            end = scaleEnd
            scaled = true
        }
        if let (kind, unit, unitEnd) = unit(at: end) {
            return Match(first: first, end: unitEnd, kind: kind, value: .number(value), unit: unit)
        }
        if let (kind, unit) = rangeUnit(after: end) {
            return Match(first: first, end: end, kind: kind, value: .number(value), unit: unit)
        }
        if yearCandidate, !scaled, isYear(first) {
            return Match(first: first, end: end, kind: .year, value: .number(value), unit: nil)
        }
        return Match(first: first, end: end, kind: .count, value: .number(value), unit: nil)
    }

    /// What a word after a number makes of it: money, percent, a duration or a quantity.
    func unit(at index: Int) -> (NumberKind, String?, Int)? {
        if let currency = currency(at: index) { return (.money, currency, index + 1) }
        guard index < tokens.count, !tokens[index].afterLineBreak else { return nil }
        if isPunct(index, "%") { return (.percent, nil, index + 1) }
        guard let text = word(index) else { return nil }
        if Units.percent.contains(text) { return (.percent, nil, index + 1) }
        if let unit = Units.time[text], text.count > 1 || adjacent(index - 1, index) { return (.duration, unit, index + 1) }
        if let unit = Units.measures[text], text.count > 2 || tokens[index].start - tokens[index - 1].end <= 1 {
            let dotted = isPunct(index + 1, ".") && adjacent(index, index + 1) && text.count <= 3 && text != "m"
            return (.quantity, unit, index + (dotted ? 2 : 1))
        }
        return nil
    }

    /// `3 bis 5 Prozent`: the first number of a range takes the unit of the second.
    func rangeUnit(after index: Int) -> (NumberKind, String?)? {
        guard isPunct(index, "-") || isPunct(index, "–") || word(index) == "bis" else { return nil }
        var next = index + 1
        guard isNumber(next) || word(next).flatMap(NumberWords.cardinal) != nil else { return nil }
        next += 1
        if let (_, scaleEnd) = scaleWord(at: next) { next = scaleEnd }
        guard let (kind, unit, _) = unit(at: next), kind != .duration || word(index) == "bis" else { return nil }
        return (kind, unit)
    }

    func currency(at index: Int) -> String? {
        guard index < tokens.count, !tokens[index].afterLineBreak else { return nil }
        return Units.currencies[text(index)]
    }

    /// `Millionen`, `Mio.`, `Milliarden`, `Mrd.`, `tausend`: a scale word and where it ends.
    func scaleWord(at index: Int) -> (Double, Int)? {
        guard let text = word(index), !tokens[index].afterLineBreak, let scale = NumberWords.scales[text] else { return nil }
        if (text == "mio" || text == "mrd" || text == "tsd" || text == "bio"), isPunct(index + 1, "."), adjacent(index, index + 1) {
            return (scale, index + 2)
        }
        return (scale, index + 1)
    }

    /// A four-digit number read as a year: after `im`, `seit`, `Jahr` and the like, or not
    /// followed by a counted noun (`1500 Soldaten`).
    func isYear(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.plainDigits, token.digitCount == 4, (1000...2100).contains(Int(token.value)) else { return false }
        if let previous = word(index - 1), Context.yearContext.contains(previous) { return true }
        if index + 1 < tokens.count, tokens[index + 1].kind == .word, tokens[index + 1].capitalized,
           !tokens[index + 1].afterLineBreak, monthNumber(text(index + 1), at: index + 1) == nil,
           !Context.sentenceStarters.contains(text(index + 1)) {
            return false
        }
        return true
    }

    func qualifier(before first: Int, kind: NumberKind) -> Qualifier? {
        let previous = word(first - 1)
        let beforeThat = word(first - 2)
        switch (beforeThat, previous) {
        case ("mehr", "als"): return .moreThan
        case ("weniger", "als"): return .lessThan
        case ("bis", "zu"): return .upTo
        case ("um", "die"), ("um", "den"): return kind == .time ? nil : .about
        default: break
        }
        if isPunct(first - 1, "."), word(first - 2) == "ca" { return .about }
        if let previous, ["die", "der", "den", "das"].contains(previous), let beforeThat, let qualifier = Context.qualifiers[beforeThat] {
            return qualifier
        }
        guard let previous else { return nil }
        if previous == "über" { return [.date, .time, .year, .ordinal].contains(kind) ? nil : .moreThan }
        if previous == "keine" { return kind == .duration ? .lessThan : nil }
        return Context.qualifiers[previous]
    }

    // MARK: Token helpers

    func word(_ index: Int) -> String? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return nil }
        return text(index)
    }

    /// A token's text, lower-cased for words; built on demand, as only tokens near numbers need it.
    func text(_ index: Int) -> String {
        guard index >= 0, index < tokens.count else { return "" }
        return texts.text(index) {
            let token = tokens[index]
            return ScalarClass.string(scalars[token.start..<token.end], lowercased: token.kind == .word)
        }
    }

    /// Whether a word can start a number expression: its first three letters begin a number word,
    /// a month, a fraction or a vague plural. Most words are rejected here without building a string.
    func isCandidateWord(_ index: Int) -> Bool {
        let token = tokens[index]
        let length = token.end - token.start
        guard length >= 3 else { return false }
        var key: UInt64 = 0
        for offset in 0..<min(4, length) {
            key = key << 21 | UInt64(ScalarClass.lowercase(scalars[token.start + offset]).value)
        }
        return Context.candidatePrefixes.contains(key)
    }

    func isNumber(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .number
    }

    func isPunct(_ index: Int, _ text: String) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .punctuation && tokens[index].first == text.unicodeScalars.first!
    }

    /// No space between two tokens.
    func adjacent(_ left: Int, _ right: Int) -> Bool {
        left >= 0 && right < tokens.count && tokens[left].end == tokens[right].start
    }

    /// A month name; the short forms (`Feb.`) need their dot.
    func monthNumber(_ text: String, at index: Int) -> Int? {
        guard let month = NumberWords.months[text] else { return nil }
        if text.count <= 4, !["mai", "juni", "juli", "märz"].contains(text) {
            return isPunct(index + 1, ".") && adjacent(index, index + 1) ? month : nil
        }
        return month
    }

    /// An ISO date as precise as given; a missing year comes from the reference date.
    func makeDate(day: Int, month: Int, year: Int?) -> NumberValue? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        guard let year = year ?? reference?.year else { return NumberValue.none }
        guard let date = ArticleDate(year: year, month: month, day: day) else { return nil }
        return .text(date.iso)
    }

    func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
