import GlossaCore

/// German number words: cardinals (`vierhundertzwanzig`), ordinals (`siebte`), fractions (`Fünftel`).
enum NumberWords {
    static let units: WordTable<Int> = [
        "null": 0, "ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    ]
    static let teens: WordTable<Int> = [
        "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
        "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    ]
    static let tens: WordTable<Int> = [
        "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
        "achtzig": 80, "neunzig": 90,
    ]

    /// The value of a cardinal number word (lower case), or nil. `ein` alone is not a number here.
    static func cardinal(_ word: String) -> Int? {
        guard word.count >= 3, word != "ein" else { return nil }
        if let (head, tail) = split(word, at: "tausend") {
            let multiplier = head.isEmpty ? 1 : belowThousand(head)
            let rest = tail.isEmpty ? 0 : belowThousand(tail.hasPrefix("und") ? String(tail.dropFirst(3)) : tail)
            guard let multiplier, let rest, multiplier > 0 else { return nil }
            return multiplier * 1000 + rest
        }
        return belowThousand(word)
    }

    static func belowThousand(_ word: String) -> Int? {
        if let (head, tail) = split(word, at: "hundert") {
            let multiplier = head.isEmpty ? 1 : (units[head] ?? teens[head])
            let rest = tail.isEmpty ? 0 : belowHundred(tail.hasPrefix("und") ? String(tail.dropFirst(3)) : tail)
            guard let multiplier, let rest else { return nil }
            return multiplier * 100 + rest
        }
        return belowHundred(word)
    }

    static func belowHundred(_ word: String) -> Int? {
        if let value = units[word] ?? teens[word] ?? tens[word] { return value }
        guard let (head, tail) = split(word, at: "und") else { return nil }
        let unit = units[head]
        let ten = tens[tail]
        guard let unit, let ten else { return nil }
        return ten + unit
    }

    /// The parts of a word before and after the first (or last) occurrence of a marker.
    static func split(_ word: String, at marker: String, last: Bool = false) -> (String, String)? {
        var word = word, marker = marker
        return word.withUTF8 { bytes in
            marker.withUTF8 { needle -> (String, String)? in
                let count = bytes.count, length = needle.count
                guard count >= length else { return nil }
                var found: Int?
                var start = 0
                while start <= count - length {
                    var same = true
                    for offset in 0..<length where bytes[start + offset] != needle[offset] {
                        same = false
                        break
                    }
                    if same {
                        found = start
                        if !last { break }
                    }
                    start += 1
                }
                guard let found else { return nil }
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<found]), as: UTF8.self),
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[(found + length)...]), as: UTF8.self))
            }
        }
    }

    static let ordinalStems: WordTable<Int> = [
        "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "siebent": 7,
        "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12,
    ]

    /// The value of an inflected ordinal word (`siebte`, `ersten`, `zwanzigsten`), or nil.
    static func ordinal(_ word: String) -> Int? {
        guard let stem = stripEnding(word) else { return nil }
        if let value = ordinalStems[stem] { return value }
        if stem.hasSuffix("st"), let value = cardinal(String(stem.dropLast(2))), value >= 20 { return value }
        if stem.hasSuffix("t"), let value = cardinal(String(stem.dropLast())), (13...19).contains(value) { return value }
        return nil
    }

    /// Removes an adjective ending (`-e`, `-er`, `-en`, `-em`, `-es`).
    static func stripEnding(_ word: String) -> String? {
        let bytes = word.utf8
        guard bytes.count > 3, let last = bytes.last else { return nil }
        if last == UInt8(ascii: "e") { return String(decoding: bytes.dropLast(), as: UTF8.self) }
        let penultimate = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
        guard penultimate == UInt8(ascii: "e"), bytes.count > 4,
              [UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "m"), UInt8(ascii: "s")].contains(last) else { return nil }
        return String(decoding: bytes.dropLast(2), as: UTF8.self)
    }

    static let fractionNouns: WordTable<Double> = [
        "hälfte": 0.5, "drittel": 1.0 / 3, "viertel": 0.25, "fünftel": 0.2, "sechstel": 1.0 / 6, "siebtel": 1.0 / 7,
        "achtel": 0.125, "neuntel": 1.0 / 9, "zehntel": 0.1, "zwanzigstel": 0.05, "hundertstel": 0.01,
        "tausendstel": 0.001,
    ]

    static let scales: WordTable<Double> = [
        "tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9,
        "mrd": 1e9, "billion": 1e12, "billionen": 1e12, "bio": 1e12,
    ]

    /// Plural nouns that count without a definite number: `Dutzende`, `Tausende`, `Zehntausende`.
    static let vaguePlurals: WordSet = [
        "dutzende", "dutzenden", "hunderte", "hunderten", "tausende", "tausenden", "zehntausende", "zehntausenden",
        "hunderttausende", "hunderttausenden", "abertausende", "millionen",
    ]

    /// Forms of `ein` that make `eine Million`, `ein Fünftel`, `einem halben Jahrzehnt`.
    static let indefinite: WordSet = ["ein", "eine", "einer", "einem", "einen", "eines"]

    static let months: WordTable<Int> = [
        "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3, "mär": 3, "april": 4, "apr": 4,
        "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
        "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
    ]
}
