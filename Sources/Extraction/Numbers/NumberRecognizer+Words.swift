import GlossaCore

extension NumberRecognizer {
    func matchWord(_ index: Int) -> Match? {
        guard isCandidateWord(index) else { return nil }
        let word = text(index)
        if NumberWords.indefinite.contains(word) { return matchFraction(index) ?? matchIndefinite(index) }
        if let month = monthNumber(word, at: index), isNumber(index + 1), tokens[index + 1].plainDigits,
           tokens[index + 1].digitCount == 4, !tokens[index + 1].afterLineBreak {
            let year = Int(tokens[index + 1].value)
            return Match(first: index, end: index + 2, kind: .date, value: .text("\(year)-\(twoDigits(month))"), unit: nil)
        }
        if let day = NumberWords.ordinal(word), day <= 31, let name = self.word(index + 1),
           let month = monthNumber(name, at: index + 1), let date = finishDate(first: index, day: day, month: month, monthIndex: index + 1) {
            return date
        }
        if NumberWords.months[word] != nil, let date = matchMonthDay(index) { return date }
        if let time = matchClockWords(index) { return time }
        if let half = matchHalf(index) { return half }
        if let fraction = matchFraction(index) { return fraction }
        if word == "eineinhalb" || word == "anderthalb" {
            return classify(first: index, coreEnd: index + 1, value: 1.5, yearCandidate: false)
        }
        if let value = NumberWords.cardinal(word) {
            if let previous = self.word(index - 1), previous == "platz" || previous == "rang" {
                return Match(first: index, end: index + 1, kind: .ordinal, value: .number(Double(value)), unit: nil)
            }
            if let time = matchClockAfterUm(index, hour: value) { return time }
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
        let word = text(index)
        if let noun = self.word(index + 1), let fraction = NumberWords.fractionNouns[noun] {
            let count: Double? = NumberWords.indefinite.contains(word) ? 1 : NumberWords.cardinal(word).map(Double.init)
                ?? (isNumber(index) ? tokens[index].value : nil)
            if let count {
                return Match(first: index, end: index + 2, kind: .fraction, value: .number(count * fraction), unit: nil)
            }
        }
        if Context.everyWords.contains(word), let next = self.word(index + 1),
           let ordinal = NumberWords.ordinal(next), ordinal >= 2 {
            return Match(first: index, end: index + 2, kind: .fraction, value: .number(1 / Double(ordinal)), unit: nil)
        }
        if let fraction = NumberWords.fractionNouns[word] {
            if let previous = self.word(index - 1), NumberWords.ordinal(previous) != nil { return nil }
            return Match(first: index, end: index + 1, kind: .fraction, value: .number(fraction), unit: nil)
        }
        return nil
    }

    /// `eine Million`, `einer Milliarde Dollar`, `einem halben Jahrzehnt`, `einer Stunde`, `ein Liter`;
    /// a bare `ein` is no number, nor is `eines Tages`.
    func matchIndefinite(_ index: Int) -> Match? {
        if scaleWord(at: index + 1) != nil {
            return classify(first: index, coreEnd: index + 1, value: 1, yearCandidate: false)
        }
        if let half = matchHalf(index + 1) {
            return Match(first: index, end: half.end, kind: half.kind, value: half.value, unit: half.unit)
        }
        guard let next = word(index + 1), next != "tages", !tokens[index + 1].afterLineBreak else { return nil }
        if next.count > 1, let unit = Units.time[next], next.count > 3 {
            return Match(first: index, end: index + 2, kind: .duration, value: .number(1), unit: unit)
        }
        if next.count > 1, let unit = Units.measures[next] {
            return Match(first: index, end: index + 2, kind: .quantity, value: .number(1), unit: unit)
        }
        if let quarter = Self.quarterHours[next] {
            return Match(first: index, end: index + 2, kind: .duration, value: .number(quarter), unit: "hour")
        }
        return nil
    }

    static let halves: WordSet = ["halbe", "halben", "halbes", "halber", "halbem"]
    static let quarterHours: WordTable<Double> = [
        "viertelstunde": 0.25, "viertelstunden": 0.25, "dreiviertelstunde": 0.75, "dreiviertelstunden": 0.75,
    ]

    /// `halbe Stunde`, `halber Liter`, `Viertelstunde`, `dreiviertel Stunde`.
    func matchHalf(_ index: Int) -> Match? {
        guard let word = word(index) else { return nil }
        if let quarter = Self.quarterHours[word] {
            return Match(first: index, end: index + 1, kind: .duration, value: .number(quarter), unit: "hour")
        }
        let fraction: Double
        if Self.halves.contains(word) { fraction = 0.5 } else if word == "dreiviertel" { fraction = 0.75 } else { return nil }
        guard let next = self.word(index + 1), !tokens[index + 1].afterLineBreak else { return nil }
        if let unit = Units.time[next], next.count > 3 {
            return Match(first: index, end: index + 2, kind: .duration, value: .number(fraction), unit: unit)
        }
        if let unit = Units.measures[next], next.count > 1 {
            return Match(first: index, end: index + 2, kind: .quantity, value: .number(fraction), unit: unit)
        }
        return nil
    }

    /// `März 3`, `Aug 8`, `Februar 18 2014`: a month name and then the day.
    func matchMonthDay(_ index: Int) -> Match? {
        guard let month = NumberWords.months[text(index)], isNumber(index + 1), tokens[index + 1].plainDigits,
              tokens[index + 1].digitCount <= 2, (1...31).contains(Int(tokens[index + 1].value)),
              !tokens[index + 1].afterLineBreak, !isPunct(index + 2, ".") || !isNumber(index + 3) else { return nil }
        return finishDate(first: index, day: Int(tokens[index + 1].value), month: month, monthIndex: index + 1)
    }

    /// `halb vier`, `halb 4`, `viertel nach drei`, `viertel vor 12`: clock times in words.
    func matchClockWords(_ index: Int) -> Match? {
        let word = text(index)
        if word == "halb", let hour = hourValue(index + 1), (1...12).contains(hour) {
            return clock(first: index, end: withUhr(index + 2), hour: hour - 1, minute: 30)
        }
        if word == "viertel", let relation = self.word(index + 1), relation == "nach" || relation == "vor",
           let hour = hourValue(index + 2), (0...24).contains(hour) {
            return relation == "nach"
                ? clock(first: index, end: withUhr(index + 3), hour: hour, minute: 15)
                : clock(first: index, end: withUhr(index + 3), hour: hour - 1, minute: 45)
        }
        return nil
    }

    /// `um drei`, `um 3`, `um 20 nach 3`: a bare hour after `um` when no noun follows.
    func matchClockAfterUm(_ index: Int, hour: Int) -> Match? {
        guard word(index - 1) == "um", (0...24).contains(hour) else { return nil }
        if word(index + 1) == "nach", let base = hourValue(index + 2), hour < 60 {
            return clock(first: index, end: withUhr(index + 3), hour: base, minute: hour)
        }
        guard index + 1 >= tokens.count || tokens[index + 1].kind == .punctuation
              || Context.clockFollowers.contains(self.word(index + 1) ?? "") else { return nil }
        return clock(first: index, end: withUhr(index + 1), hour: hour, minute: 0)
    }

    func hourValue(_ index: Int) -> Int? {
        if isNumber(index), tokens[index].plainDigits, tokens[index].digitCount <= 2 { return Int(tokens[index].value) }
        return word(index).flatMap(NumberWords.cardinal)
    }

    func withUhr(_ index: Int) -> Int {
        word(index) == "uhr" ? index + 1 : index
    }

    func clock(first: Int, end: Int, hour: Int, minute: Int) -> Match {
        let hour = (hour + 24) % 24
        return Match(first: first, end: end, kind: .time, value: .text(twoDigits(hour) + ":" + twoDigits(minute)), unit: nil)
    }

    /// Ordinal words count when a determiner or a genitive name comes before them; `erst-` only then
    /// and not in idioms (`auf den ersten Blick`).
    func ordinalApplies(_ index: Int, value: Int) -> Bool {
        let previousIsDeterminer: Bool = {
            guard index > 0, tokens[index - 1].kind == .word, !tokens[index].afterLineBreak else { return false }
            let previous = tokens[index - 1]
            let previousText = text(index - 1)
            if Context.determiners.contains(previousText) { return true }
            return previous.capitalized && previousText.hasSuffix("s") && previousText.count > 3
        }()
        if let next = word(index + 1), Context.ordinalIdioms.contains(next) { return false }
        if value == 1 { return previousIsDeterminer }
        if previousIsDeterminer { return true }
        return index + 1 < tokens.count && tokens[index + 1].kind == .word && tokens[index + 1].capitalized
            && !tokens[index].capitalized
    }
}
