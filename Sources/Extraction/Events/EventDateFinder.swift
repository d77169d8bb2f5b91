import GlossaCore

/// The dates a sentence gives: explicit figures (`9. August 2020`, `2020`), and relative expressions
/// resolved against the article's date (`am Montag`, `vor knapp drei Jahren`, `Mitte August`,
/// `Anfang dieses Jahres`, `kürzlich`), each as precise as the text allows.
struct EventDateFinder {
    /// A date found in a sentence, at a scalar offset.
    struct Found {
        var date: ArticleDate
        var offset: Int
        var explicit: Bool
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let reference: ArticleDate?
    /// The figures of the text, in text order.
    let numbers: [NumberMention]
    /// Reads `am Montag`, `letzte Woche`, `dieses Jahres` in the sentences that need a date.
    let relative: RelativeDateRecognizer

    static let approximators: WordSet = ["knapp", "gut", "rund", "fast", "etwa", "über", "mehr", "als", "ungefähr", "circa", "beinahe", "genau", "exakt"]
    static let monthAnchors: WordSet = ["anfang", "mitte", "ende", "im", "seit", "bis", "ab", "vom", "zum", "des", "monat"]
    static let relativeStart: Int32 = 100, recent: Int32 = 101, kurzem: Int32 = 102
    /// The words a date may start with, by lexicon key: full month names (1…12; abbreviations need their
    /// dot and are left out), the first words of `RelativeDateRecognizer`'s expressions, `kürzlich`.
    static let words: HashIndex = {
        var table = HashIndex(capacity: 256)
        for word in relativeStarts { table.insert(EventLexicon.key(word), relativeStart) }
        for (name, month) in fullMonths { table.insert(EventLexicon.key(name), Int32(month)) }
        for word in ["kürzlich", "jüngst", "neulich"] { table.insert(EventLexicon.key(word), recent) }
        table.insert(EventLexicon.key("kurzem"), kurzem)
        return table
    }()
    static let relativeStarts = Array(RelativeDateRecognizer.dayOffsets.keys) + RelativeDateRecognizer.now + RelativeDateRecognizer.weekdays
        + RelativeDateRecognizer.weekdayAbbreviations + RelativeDateRecognizer.modifiers + RelativeDateRecognizer.holidays
    static let fullMonths = NumberWords.months.dictionary.filter { $0.key.count >= 5 || ["mai", "juni", "juli", "märz"].contains($0.key) }
    /// All words of `words`, for the lexicon's `dateWord` marker.
    static let startWords = relativeStarts + fullMonths.keys + ["kürzlich", "jüngst", "neulich", "kurzem"]
    /// `jeden Sonntag`: a habit, not a date.
    static let every: WordSet = ["jeden", "jedem", "jeder", "jedes", "alle", "allen"]

    /// Years an event of a news article can have: from 1800 to a few years after the article (`rund
    /// 1300 Gefangene` read as a year is no date).
    static func plausibleYears(_ reference: ArticleDate?) -> ClosedRange<Double> {
        let now = Double(reference?.year ?? 2100)
        return 1800...(now + 10)
    }

    /// The dates inside a sentence spanning `tokens[range]`; `words` says where one may start.
    func dates(in sentence: TextSpan, tokens range: Range<Int>, words: EventTriggerFinder) -> [Found] {
        var found: [Found] = []
        let figures = Self.slice(numbers, in: sentence)
        for number in figures {
            switch (number.kind, number.value) {
            case (.date, .text(let iso)):
                if let date = ArticleDate(iso: iso) { found.append(Found(date: date, offset: number.span.start, explicit: true)) }
            case (.year, .number(let value)) where Self.plausibleYears(reference).contains(value) && [nil, .about].contains(number.qualifier):
                if let date = ArticleDate(year: Int(value)) { found.append(Found(date: date, offset: number.span.start, explicit: true)) }
            case (.duration, .number(let value)):
                if let date = ago(value, unit: number.unit, before: number.span.start, range: range) {
                    found.append(Found(date: date, offset: number.span.start, explicit: false))
                }
            default: break
            }
        }
        // Words are compared by their lexicon key; strings are built only for the few candidates.
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard words.isDateWord(index), let kind = Self.words.find(key(index)) else { continue }
            if kind == Self.relativeStart, let end = relative.match(at: index), end <= range.upperBound {
                if !Self.every.contains(text(index - 1)) {
                    let span = TextSpan(start: tokens[index].start, end: tokens[end - 1].end)
                    let mention = NumberMention(span: span, text: ScalarClass.string(scalars[span.start..<span.end]),
                                                kind: .date, value: relative.value(at: index))
                    if let date = resolve(mention) { found.append(Found(date: date, offset: span.start, explicit: false)) }
                }
                index = end - 1
            } else if let reference, (1...12).contains(kind), Self.monthAnchors.contains(text(index - 1)),
                      !figures.contains(where: { $0.span.contains(tokens[index].start) }),
                      let date = ArticleDate(year: reference.year, month: Int(kind)) {
                found.append(Found(date: date, offset: tokens[index].start, explicit: false))
            } else if let reference, kind == Self.recent || (kind == Self.kurzem && text(index - 1) == "vor") {
                found.append(Found(date: ArticleDate(year: reference.year)!, offset: tokens[index].start, explicit: false))
            }
        }
        return found
    }

    func key(_ index: Int) -> UInt64 {
        EventLexicon.key(scalars[tokens[index].start..<tokens[index].end])
    }

    /// `vor knapp drei Jahren` → the reference year minus three.
    func ago(_ value: Double, unit: String?, before start: Int, range: Range<Int>) -> ArticleDate? {
        guard let reference, let unit, value >= 0, value < 5000 else { return nil }
        var index = tokenIndex(at: start) - 1
        while index >= range.lowerBound, Self.approximators.contains(text(index)) { index -= 1 }
        guard index >= range.lowerBound, text(index) == "vor" else { return nil }
        let amount = Int(value)
        switch unit {
        case "year": return ArticleDate(year: reference.year - amount)
        case "month": return Self.shift(reference, months: -amount)
        case "week": return Self.shift(reference, days: -7 * amount)
        case "day": return Self.shift(reference, days: -amount, keepDay: true)
        default: return nil
        }
    }

    /// A relative date of `RelativeDateRecognizer` (`am Montag`, `letzte Woche`, `dieses Jahres`).
    func resolve(_ mention: NumberMention) -> ArticleDate? {
        if case .text(let iso) = mention.value { return ArticleDate(iso: iso) }
        guard let reference else { return nil }
        let words = mention.text.lowercased().split(separator: " ").map(String.init)
        var direction = 0
        for word in words {
            if word.hasPrefix("übernächst") { direction = 2 } else if word.hasPrefix("nächst") || word.hasPrefix("kommend") { direction = 1 }
            else if word.hasPrefix("letzt") || word.hasPrefix("vergangen") || word.hasPrefix("vorig") { direction = -1 }
        }
        for word in words {
            if let weekday = Self.weekdays[word] { return Self.weekday(weekday, near: reference, direction: direction) }
            if RelativeDateRecognizer.dayOffsets[word] != nil { return Self.truncated(reference, keepDay: false) }
            switch word {
            case "tag", "tages": return Self.shift(reference, days: direction, keepDay: true)
            case "woche", "wochenende": return Self.shift(reference, days: 7 * direction)
            case "monat", "monats": return Self.shift(reference, months: direction)
            case "jahr", "jahres", "quartal", "halbjahr", "sommer", "winter", "frühling", "frühjahr", "herbst":
                return ArticleDate(year: reference.year + direction)
            default:
                guard let month = NumberWords.months[word], word.count >= 3 else { continue }
                var year = reference.year
                if let current = reference.month {
                    if direction < 0, month >= current { year -= 1 }
                    if direction > 0, month <= current { year += 1 }
                }
                return ArticleDate(year: year, month: month)
            }
        }
        return nil
    }

    static let weekdays: WordTable<Int> = [
        "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6, "sonnabend": 6, "sonntag": 7,
    ]

    /// `am Montag`: the day itself when the reference has a day (the last such day, or the next one
    /// with `kommenden`), else the reference's month.
    static func weekday(_ weekday: Int, near reference: ArticleDate, direction: Int) -> ArticleDate? {
        guard let month = reference.month, let day = reference.day else { return truncated(reference, keepDay: false) }
        let days = CivilDate.days(year: reference.year, month: month, day: day)
        let current = CivilDate.weekday(days)
        var offset: Int
        if direction > 0 {
            offset = (weekday - current + 7) % 7
            if offset == 0 { offset = 7 }
        } else {
            offset = -((current - weekday + 7) % 7)
            if direction < 0, offset == 0 { offset = -7 }
        }
        let (year, newMonth, newDay) = CivilDate.date(days + offset)
        return ArticleDate(year: year, month: newMonth, day: newDay)
    }

    /// The reference moved by whole months, to month precision.
    static func shift(_ reference: ArticleDate, months: Int) -> ArticleDate? {
        guard let month = reference.month else { return ArticleDate(year: reference.year + months / 12) }
        let total = reference.year * 12 + month - 1 + months
        return ArticleDate(year: total / 12, month: total % 12 + 1)
    }

    /// The reference moved by days; the day is kept only when asked (`vor drei Tagen`), else the month.
    static func shift(_ reference: ArticleDate, days: Int, keepDay: Bool = false) -> ArticleDate? {
        guard let month = reference.month, let day = reference.day else { return truncated(reference, keepDay: false) }
        let (year, newMonth, newDay) = CivilDate.date(CivilDate.days(year: reference.year, month: month, day: day) + days)
        return ArticleDate(year: year, month: newMonth, day: keepDay ? newDay : nil)
    }

    /// The reference at month precision (or as given).
    static func truncated(_ reference: ArticleDate, keepDay: Bool) -> ArticleDate? {
        ArticleDate(year: reference.year, month: reference.month, day: keepDay ? reference.day : nil)
    }

    /// The mentions whose start lies in the span.
    static func slice(_ mentions: [NumberMention], in span: TextSpan) -> ArraySlice<NumberMention> {
        ArticleExtraction.starting(in: span, mentions) { $0.span.start }
    }

    /// The index of the token starting at (or containing) a scalar offset.
    func tokenIndex(at offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func text(_ index: Int) -> String {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return "" }
        return ScalarClass.string(scalars[tokens[index].start..<tokens[index].end], lowercased: true)
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithms).
enum CivilDate {
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1 = Monday … 7 = Sunday.
    static func weekday(_ days: Int) -> Int {
        ((days + 3) % 7 + 7) % 7 + 1
    }
}
