import Extraction
import GlossaCore
import XCTest

final class NumberRecognizerTests: XCTestCase {
    /// (text, kind, value, unit, qualifier) of every number found.
    private func numbers(_ text: String, date: String? = "2020-09") -> [String] {
        Extractor.extract(text: text, reference: date.flatMap { ArticleDate(iso: $0) }).numbers.map { number in
            var parts = [number.text, number.kind.rawValue]
            switch number.value {
            case .number(let value): parts.append(value == value.rounded() ? String(Int64(value)) : String(value))
            case .text(let text): parts.append(text)
            case .none: parts.append("nil")
            }
            if let unit = number.unit { parts.append(unit) }
            if let qualifier = number.qualifier { parts.append(qualifier.rawValue) }
            return parts.joined(separator: "|")
        }
    }

    func testMoneyWithScalesAndCurrencies() {
        XCTAssertEqual(numbers("Kredite in Höhe von 1,5 Milliarden Dollar (1,3 Milliarden Euro) wurden zugesagt."),
                       ["1,5 Milliarden Dollar|money|1500000000|USD", "1,3 Milliarden Euro|money|1300000000|EUR"])
        XCTAssertEqual(numbers("Es geht um 70 Millionen US-Dollar und 2,5 Mio. Euro."),
                       ["70 Millionen US-Dollar|money|70000000|USD", "2,5 Mio. Euro|money|2500000|EUR"])
        XCTAssertEqual(numbers("Das kostet $5 oder 3 Mrd. Rubel."), ["$5|money|5|USD", "3 Mrd. Rubel|money|3000000000|RUB"])
        XCTAssertEqual(numbers("Sie zahlte eine Million Euro."), ["eine Million Euro|money|1000000|EUR"])
    }

    func testGermanSeparatorsPercentAndCounts() {
        XCTAssertEqual(numbers("Er erhielt 51,8 Prozent, 1.200 Menschen und 14 000 Soldaten."),
                       ["51,8 Prozent|percent|51.8", "1.200|count|1200", "14 000|count|14000"])
        XCTAssertEqual(numbers("Die Inflation lag bei 7 %."), ["7 %|percent|7"])
    }

    func testNumberWordsAndVaguePlurals() {
        XCTAssertEqual(numbers("Drei Männer, vierhundertzwanzig Frauen und hunderttausend Menschen kamen."),
                       ["Drei|count|3", "vierhundertzwanzig|count|420", "hunderttausend|count|100000"])
        XCTAssertEqual(numbers("Dutzende Gefangene und zehntausende Menschen"), ["Dutzende|count|nil", "zehntausende|count|nil"])
        XCTAssertEqual(numbers("Er traf einen Mann, der einer Meinung war."), [])
    }

    func testQualifiers() {
        XCTAssertEqual(numbers("Es waren mehr als 250, bis zu 5000, rund 30 und knapp drei Jahren."),
                       ["250|count|250|more_than", "5000|count|5000|up_to", "30|count|30|about", "drei Jahren|duration|3|year|about"])
        XCTAssertEqual(numbers("über 400 Demonstranten, mindestens die Hälfte, Keine 72 Stunden"),
                       ["400|count|400|more_than", "Hälfte|fraction|0.5|at_least", "72 Stunden|duration|72|hour|less_than"])
    }

    func testDatesAndTimes() {
        XCTAssertEqual(numbers("Am 15. Februar 2025 und am 9. August, um 20:07 Uhr."),
                       ["15. Februar 2025|date|2025-02-15", "9. August|date|2020-08-09", "20:07 Uhr|time|20:07"])
        XCTAssertEqual(numbers("14.11.2025, 20:07 Uhr"), ["14.11.2025|date|2025-11-14", "20:07 Uhr|time|20:07"])
        XCTAssertEqual(numbers("im Juni 2024 und im Jahr 2020, seit 2022."),
                       ["Juni 2024|date|2024-06", "2020|year|2020", "2022|year|2022"])
        XCTAssertEqual(numbers("in der zweiten Hälfte der 2000er Jahre"), ["zweiten|ordinal|2", "2000er Jahre|year|2000s"])
    }

    func testDurationsAgesOrdinalsFractionsMultipliers() {
        XCTAssertEqual(numbers("Der 68-Jährige sprach im vierstündigen Gespräch über 72 Stunden."),
                       ["68-Jährige|duration|68|year", "vierstündigen|duration|4|hour", "72 Stunden|duration|72|hour|more_than"])
        XCTAssertEqual(numbers("Er kam auf den 16. Platz, seine siebte Amtszeit, Platz zwei."),
                       ["16.|ordinal|16", "siebte|ordinal|7", "zwei|ordinal|2"])
        XCTAssertEqual(numbers("Belarus kontrolliert ein Fünftel, jeder fünfte Litauer, das 14-fache."),
                       ["ein Fünftel|fraction|0.2", "jeder fünfte|fraction|0.2", "14-fache|multiplier|14"])
        XCTAssertEqual(numbers("nach einem halben Jahrzehnt"), ["einem halben Jahrzehnt|duration|0.5|decade"])
    }

    func testErstIsAnOrdinalOnlyWhenItRanks() {
        XCTAssertEqual(numbers("Es war Lukaschenkos erste Auslandsreise und ein erstes Treffen."),
                       ["erste|ordinal|1", "erstes|ordinal|1"])
        XCTAssertEqual(numbers("Auf den ersten Blick. Nach ersten Informationen. Erste Taten folgten."), [])
    }

    func testNotNumbers() {
        XCTAssertEqual(numbers("Am Montag, Ende Januar, diese Woche: einige, mehrere, beide, einfach, Milliardenkredit."), [])
    }

    func testSpansMatchTheirTextInScalarOffsets() {
        let text = "👍🏽 Ä „1,5 Milliarden Dollar“ – am 9. August"
        let scalars = Array(text.unicodeScalars)
        for number in Extractor.extract(text: text, reference: ArticleDate(iso: "2020")).numbers {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[number.span.start..<number.span.end])), number.text)
        }
    }
}

final class RelativeDateTests: XCTestCase {
    func testRelativeDatesOnlyWhenAskedAndResolvedWhereTheyCanBe() {
        let text = "Gestern Abend und am Montag, nächste Woche zu Weihnachten: 3 Tage."
        let reference = ArticleDate(iso: "2020-03-01")
        XCTAssertEqual(Extractor.extract(text: text, reference: reference).numbers.map(\.text), ["3 Tage"])
        let numbers = Extractor.extract(text: text, reference: reference, options: ExtractionOptions(relativeDates: true)).numbers
        XCTAssertEqual(numbers.map(\.text), ["Gestern Abend", "Montag", "nächste Woche", "Weihnachten", "3 Tage"])
        XCTAssertEqual(numbers[0].value, .text("2020-02-29"))
        XCTAssertEqual(numbers[1].value, NumberValue.none)
        XCTAssertEqual(numbers[1].kind, .date)
    }
}
