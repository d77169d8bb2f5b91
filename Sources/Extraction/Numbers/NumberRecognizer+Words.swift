import GlossaCore

extension NumberRecognizer {
    func matchWord(_ index: Int) -> Match? {
        let word = tokens[index].text
        if let month = monthNumber(word, at: index), isNumber(index + 1), tokens[index + 1].plainDigits,
           tokens[index + 1].digitCount == 4, !tokens[index + 1].afterLineBreak {
            let year = Int(tokens[index + 1].value)
            return Match(first: index, end: index + 2, kind: .date, value: .text("\(year)-\(twoDigits(month))"), unit: nil)
        }
        if let day = NumberWords.ordinal(word), day <= 31, let name = self.word(index + 1),
           let month = monthNumber(name, at: index + 1), let date = finishDate(first: index, day: day, month: month, monthIndex: index + 1) {
            return date
        }
        if let fraction = matchFraction(index) { return fraction }
        if NumberWords.indefinite.contains(word) { return matchIndefinite(index) }
        if word == "eineinhalb" || word == "anderthalb" {
            return classify(first: index, coreEnd: index + 1, value: 1.5, yearCandidate: false)
        }
        if let value = NumberWords.cardinal(word) {
            if let previous = self.word(index - 1), previous == "platz" || previous == "rang" {
                return Match(first: index, end: index + 1, kind: .ordinal, value: .number(Double(value)), unit: nil)
            }
            return classify(first: index, coreEnd: index + 1, value: Double(value), yearCandidate: false)
        }
        if NumberWords.vaguePlurals.contains(word), !isNumber(index - 1), self.word(index - 1).flatMap(NumberWords.cardinal) == nil {
            if let currency = currency(at: index + 1) {
                return Match(first: index, end: index + 2, kind: .money, value: .none, unit: currency)
            }
            return Match(first: index, end: index + 1, kind: .count, value: .none, unit: nil)
        }
        if let value = NumberWords.ordinal(word), ordinalApplies(index, value: value) {
            return Match(first: index, end: index + 1, kind: .ordinal, value: .number(Double(value)), unit: nil)
        }
        if let (value, unit) = Context.fusedDuration(word) {
            return Match(first: index, end: index + 1, kind: .duration, value: .number(value), unit: unit)
        }
        if let value = Context.multiplierWord(word) {
            return Match(first: index, end: index + 1, kind: .multiplier, value: .number(value), unit: nil)
        }
        return nil
    }

    /// `ein Fünftel`, `zwei Drittel`, `jeder fünfte`, `die Hälfte`.
    func matchFraction(_ index: Int) -> Match? {
        let word = tokens[index].text
        if let noun = self.word(index + 1), let fraction = NumberWords.fractionNouns[noun] {
            let count: Double? = NumberWords.indefinite.contains(word) ? 1 : NumberWords.cardinal(word).map(Double.init)
                ?? (isNumber(index) ? tokens[index].value : nil)
            if let count {
                return Match(first: index, end: index + 2, kind: .fraction, value: .number(count * fraction), unit: nil)
            }
        }
        if ["jeder", "jede", "jedes", "jeden", "jedem"].contains(word), let next = self.word(index + 1),
           let ordinal = NumberWords.ordinal(next), ordinal >= 2 {
            return Match(first: index, end: index + 2, kind: .fraction, value: .number(1 / Double(ordinal)), unit: nil)
        }
        if let fraction = NumberWords.fractionNouns[word] {
            if let previous = self.word(index - 1), NumberWords.ordinal(previous) != nil { return nil }
            return Match(first: index, end: index + 1, kind: .fraction, value: .number(fraction), unit: nil)
        }
        return nil
    }

    /// `eine Million`, `einer Milliarde Dollar`, `einem halben Jahrzehnt`; a bare `ein` is no number.
    func matchIndefinite(_ index: Int) -> Match? {
        if scaleWord(at: index + 1) != nil {
            return classify(first: index, coreEnd: index + 1, value: 1, yearCandidate: false)
        }
        if let half = word(index + 1), ["halbe", "halben", "halbes", "halber", "halbem"].contains(half),
           let unitWord = word(index + 2), let unit = Units.time[unitWord] {
            return Match(first: index, end: index + 3, kind: .duration, value: .number(0.5), unit: unit)
        }
        return nil
    }

    /// Ordinal words count when a determiner or a genitive name comes before them; `erst-` only then
    /// and not in idioms (`auf den ersten Blick`).
    func ordinalApplies(_ index: Int, value: Int) -> Bool {
        let previousIsDeterminer: Bool = {
            guard index > 0, tokens[index - 1].kind == .word, !tokens[index].afterLineBreak else { return false }
            let previous = tokens[index - 1]
            if Context.determiners.contains(previous.text) { return true }
            return previous.capitalized && previous.text.hasSuffix("s") && previous.text.count > 3
        }()
        if let next = word(index + 1), Context.ordinalIdioms.contains(next) { return false }
        if value == 1 { return previousIsDeterminer }
        if previousIsDeterminer { return true }
        return index + 1 < tokens.count && tokens[index + 1].kind == .word && tokens[index + 1].capitalized
            && !tokens[index].capitalized
    }
}
