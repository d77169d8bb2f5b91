/// Finds a dateline such as `14.11.2025, 20:07 Uhr` or `14. November 2025` in one line.
enum DatelineParser {
    static let months = ["januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
                         "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12]

    static func date(in line: String) -> ArticleDate? {
        guard line.unicodeScalars.count <= 80 else { return nil }
        if let match = line.firstMatch(of: /(?:^|\D)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/),
           let date = ArticleDate(year: Int(match.3)!, month: Int(match.2)!, day: Int(match.1)!) {
            return date
        }
        if let match = line.firstMatch(of: /(?:^|\D)(\d{1,2})\.\s+(\p{L}+)\s+(\d{4})(?!\d)/),
           let month = months[match.2.lowercased()],
           let date = ArticleDate(year: Int(match.3)!, month: month, day: Int(match.1)!) {
            return date
        }
        return nil
    }
}
