/// A calendar date as precise as its source: a year, a month or a day.
public struct ArticleDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Returns nil unless the parts form a real date (a month needs 1...12, a day must exist in it).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1000...2999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...ArticleDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init?(iso: some StringProtocol) {
        // `YYYY`, `YYYY-MM`, `YYYY-MM-DD` in ASCII digits, read directly; anything else as below.
        let utf8 = iso.utf8
        if utf8.count == 4 || utf8.count == 7 || utf8.count == 10 {
            var year = 0, month = 0, day = 0, part = 0, digits = 0, plain = true
            for byte in utf8 {
                if byte == UInt8(ascii: "-") {
                    if digits != (part == 0 ? 4 : 2) || part == 2 { plain = false; break }
                    part += 1
                    digits = 0
                } else if byte >= 48, byte <= 57 {
                    let digit = Int(byte - 48)
                    switch part {
                    case 0: year = year * 10 + digit
                    case 1: month = month * 10 + digit
                    default: day = day * 10 + digit
                    }
                    digits += 1
                } else {
                    plain = false
                    break
                }
            }
            if plain, digits == (part == 0 ? 4 : 2) {
                self.init(year: year, month: part >= 1 ? month : nil, day: part >= 2 ? day : nil)
                return
            }
        }
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let year = Int(parts[0]) else { return nil }
        let numbers = parts.dropFirst().map { Int($0) }
        if numbers.contains(where: { $0 == nil }) { return nil }
        self.init(year: year, month: numbers.first ?? nil, day: numbers.count > 1 ? numbers[1] : nil)
    }

    /// ISO 8601 text, as precise as the date: `2025`, `2025-07`, `2025-07-14`.
    public var iso: String {
        var text = String(year)
        if let month { text += "-" + Self.twoDigits(month) }
        if let day { text += "-" + Self.twoDigits(day) }
        return text
    }

    public var description: String { iso }

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
