/// Finds a dateline such as `14.11.2025, 20:07 Uhr` or `14. November 2025` in one line.
public enum DatelineParser {
    static let months = ["januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
                         "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12]

    public static func date(in line: String) -> ArticleDate? {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count <= 80 else { return nil }
        var index = 0
        while index < scalars.count {
            guard ScalarClass.isDigit(scalars[index]), index == 0 || !ScalarClass.isDigit(scalars[index - 1]) else {
                index += 1
                continue
            }
            if let date = date(at: index, in: scalars) { return date }
            index += 1
        }
        return nil
    }

    /// `D[D].[ ]M[M].[ ]YYYY` or `D[D]. Monat YYYY` starting at `start`.
    static func date(at start: Int, in scalars: [Unicode.Scalar]) -> ArticleDate? {
        var index = start
        guard let day = digits(scalars, &index, max: 2), index < scalars.count, scalars[index] == "." else { return nil }
        index += 1
        skipSpaces(scalars, &index)
        if let month = digits(scalars, &index, max: 2) {
            guard index < scalars.count, scalars[index] == "." else { return nil }
            index += 1
            skipSpaces(scalars, &index)
            guard let year = digits(scalars, &index, max: 4, exactly: true) else { return nil }
            return ArticleDate(year: year, month: month, day: day)
        }
        var nameEnd = index
        while nameEnd < scalars.count, ScalarClass.isLetter(scalars[nameEnd]) { nameEnd += 1 }
        guard nameEnd > index, let month = months[ScalarClass.string(scalars[index..<nameEnd], lowercased: true)] else { return nil }
        index = nameEnd
        guard index < scalars.count, ScalarClass.isSpace(scalars[index]) else { return nil }
        skipSpaces(scalars, &index)
        guard let year = digits(scalars, &index, max: 4, exactly: true) else { return nil }
        return ArticleDate(year: year, month: month, day: day)
    }

    /// Reads up to `max` digits (exactly `max` when asked) not followed by another digit.
    static func digits(_ scalars: [Unicode.Scalar], _ index: inout Int, max: Int, exactly: Bool = false) -> Int? {
        var value = 0
        var count = 0
        while index < scalars.count, ScalarClass.isDigit(scalars[index]), count < max {
            value = value * 10 + Int(scalars[index].value - 48)
            count += 1
            index += 1
        }
        if count == 0 || (exactly && count != max) { return nil }
        if index < scalars.count, ScalarClass.isDigit(scalars[index]) { return nil }
        return value
    }

    static func skipSpaces(_ scalars: [Unicode.Scalar], _ index: inout Int) {
        if index < scalars.count, scalars[index] == " " { index += 1 }
    }
}
