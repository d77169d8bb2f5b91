import Foundation
import GlossaCore

/// Deictic time expressions without a number: `gestern`, `am Montag`, `nächste Woche`, `Weihnachten`.
/// The gold guidelines do not count them as numbers, so `glossa extract` reports them only with
/// `--relative-dates`; `heute`, `gestern`, `morgen` and the like resolve against the reference date.
struct RelativeDateRecognizer {
    static let dayOffsets: WordTable<Int> = [
        "heute": 0, "gestern": -1, "morgen": 1, "übermorgen": 2, "vorgestern": -2, "vorvorgestern": -3,
    ]
    static let now: WordSet = ["jetzt", "derzeit", "momentan"]
    static let weekdays: WordSet = [
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags",
    ]
    static let weekdayAbbreviations: WordSet = ["mo", "di", "mi", "do", "fr", "sa", "so"]
    static let modifiers: WordSet = [
        "nächste", "nächsten", "nächstes", "nächster", "letzte", "letzten", "letztes", "letzter", "übernächste",
        "übernächsten", "übernächstes", "kommende", "kommenden", "kommendes", "diese", "diesen", "dieses", "dieser",
        "vergangene", "vergangenen", "vergangenes", "vorige", "vorigen", "voriges",
    ]
    static let periods: WordSet = [
        "woche", "monat", "jahr", "quartal", "wochenende", "sommer", "winter", "frühling", "frühjahr", "herbst",
        "halbjahr", "zeit", "tag", "tages", "wochen", "monats", "jahres",
    ]
    static let partsOfDay: WordSet = [
        "abend", "abends", "morgen", "morgens", "mittag", "mittags", "nachmittag", "nachmittags", "vormittag",
        "vormittags", "nacht", "nachts", "früh",
    ]
    static let holidays: WordSet = [
        "weihnachten", "weihnachtstag", "heiligabend", "silvester", "neujahr", "neujahrstag", "ostern", "ostersonntag",
        "ostermontag", "karfreitag", "pfingsten", "pfingstmontag", "valentinstag", "muttertag", "vatertag", "halloween",
        "allerheiligen", "nikolaus", "nikolaustag", "fasching", "karneval", "rosenmontag", "aschermittwoch",
        "himmelfahrt", "fronleichnam", "reformationstag", "buß-", "erntedank",
    ]

    let recognizer: NumberRecognizer

    func run() -> [NumberMention] {
        var mentions: [NumberMention] = []
        let tokens = recognizer.tokens
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .word, let end = match(at: index) else {
                index += 1
                continue
            }
            let span = TextSpan(start: tokens[index].start, end: tokens[end - 1].end)
            mentions.append(NumberMention(span: span, text: ScalarClass.string(recognizer.scalars[span.start..<span.end]),
                                          kind: .date, value: value(at: index)))
            index = end
        }
        return mentions
    }

    /// The end (exclusive token index) of a relative date starting at `index`.
    func match(at index: Int) -> Int? {
        guard let word = recognizer.word(index) else { return nil }
        var end: Int
        if Self.dayOffsets[word] != nil || Self.now.contains(word) || Self.holidays.contains(word) {
            end = index + 1
        } else if Self.weekdays.contains(word) {
            end = index + 1
        } else if Self.weekdayAbbreviations.contains(word), recognizer.isPunct(index + 1, "."), index > 0,
                  recognizer.isPunct(index - 1, ",") || index == 0 || recognizer.tokens[index].afterLineBreak {
            end = index + 2
        } else if Self.modifiers.contains(word), let next = recognizer.word(index + 1),
                  Self.periods.contains(next) || Self.weekdays.contains(next) || NumberWords.months[next] != nil {
            end = index + 2
        } else {
            return nil
        }
        if let next = recognizer.word(end), Self.partsOfDay.contains(next) { end += 1 }
        return end
    }

    /// `heute` → the reference day; other expressions keep no value.
    func value(at index: Int) -> NumberValue {
        guard let word = recognizer.word(index), let offset = Self.dayOffsets[word],
              let reference = recognizer.reference, let month = reference.month, let day = reference.day else { return .none }
        var components = DateComponents()
        components.year = reference.year
        components.month = month
        components.day = day + offset
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return .none }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let result = ArticleDate(year: parts.year!, month: parts.month, day: parts.day) else { return .none }
        return .text(result.iso)
    }
}
