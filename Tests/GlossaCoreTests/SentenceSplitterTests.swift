import GlossaCore
import XCTest

/// The sentences of a text, as strings.
private func sentences(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return SentenceSplitter.split(scalars, in: TextSpan(start: 0, end: scalars.count)).map {
        String(String.UnicodeScalarView(scalars[$0.start..<$0.end]))
    }
}

final class SentenceSplitterTests: XCTestCase {
    func testSplitsAtStopsAndLineBreaks() {
        XCTAssertEqual(sentences("Er kam. Sie ging! Warum?\nNeue Zeile"),
                       ["Er kam.", "Sie ging!", "Warum?", "Neue Zeile"])
    }

    func testKeepsAbbreviationsOrdinalsAndInitials() {
        XCTAssertEqual(sentences("Das gilt z. B. für Dr. Müller. Am 24. Februar 2022 begann der Krieg."),
                       ["Das gilt z. B. für Dr. Müller.", "Am 24. Februar 2022 begann der Krieg."])
        XCTAssertEqual(sentences("Christopher W. Smith traf ihn. Er sprach."),
                       ["Christopher W. Smith traf ihn.", "Er sprach."])
        XCTAssertEqual(sentences("Es kostet 2,5 Mio. Euro. Das ist viel."), ["Es kostet 2,5 Mio. Euro.", "Das ist viel."])
    }

    func testYearAtTheEndEndsTheSentence() {
        XCTAssertEqual(sentences("Das war 2020. Danach kam mehr."), ["Das war 2020.", "Danach kam mehr."])
    }

    func testClosingQuotesStayWithTheSentence() {
        XCTAssertEqual(sentences("Er sagte: „Wir kommen.“ Dann ging er."), ["Er sagte: „Wir kommen.“", "Dann ging er."])
        XCTAssertEqual(sentences("Sie fragte \"Warum?\" und schwieg."), ["Sie fragte \"Warum?\" und schwieg."])
    }

    func testNoSplitInsideDomainsAndNumbers() {
        XCTAssertEqual(sentences("Er sprach mit ntv.de über 3.5 Prozent."), ["Er sprach mit ntv.de über 3.5 Prozent."])
    }

    func testOffsetsCountScalars() {
        let text = "Ä 👍🏽 ok. Zweiter."
        let scalars = Array(text.unicodeScalars)
        let spans = SentenceSplitter.split(scalars, in: TextSpan(start: 0, end: scalars.count))
        XCTAssertEqual(spans, [TextSpan(start: 0, end: 8), TextSpan(start: 9, end: 17)])
    }
}

final class NewsLineTests: XCTestCase {
    func testDatelineCreditAndParenthesesAreNotPartOfSentences() {
        XCTAssertEqual(sentences("Moskau (AFP) - Der Präsident sprach. Er ging.\nLukaschenko in Sotschi © AFP\n(Bild: Name/Agentur.com)"),
                       ["Der Präsident sprach.", "Er ging.", "Lukaschenko in Sotschi", "Bild: Name/Agentur.com"])
        XCTAssertEqual(sentences("BERLIN (dpa/AFP) – Die Regierung tagt."), ["Die Regierung tagt."])
    }

    func testInterviewSpeakerLabelsAreNotPartOfTheAnswer() {
        XCTAssertEqual(sentences("ntv.de: Was wollen die USA?\nAlexander Friedman: Die Amerikaner wollen Frieden."),
                       ["Was wollen die USA?", "Die Amerikaner wollen Frieden."])
        XCTAssertEqual(sentences("Belarus: Lukaschenkos geheimer Tanz\nEs klingt wie eine Räuberpistole: In geheimer Mission."),
                       ["Belarus: Lukaschenkos geheimer Tanz", "Es klingt wie eine Räuberpistole: In geheimer Mission."])
    }

    func testMissingSpaceAfterAStop() {
        XCTAssertEqual(sentences("Botschaften nach Russland.Die USA sehen das. Siehe ntv.de und U.S.A."),
                       ["Botschaften nach Russland.", "Die USA sehen das.", "Siehe ntv.de und U.S.A."])
    }

    /// Given a line of 10,000 characters without a stop, then it is cut into pieces of at most
    /// `maxLength` at white space, which together hold every word in order.
    func testATextWithoutStopsIsCutAtWhiteSpace() {
        var words: [String] = []
        while words.joined(separator: " ").count < 10_000 { words.append("Wort\(words.count)") }
        let text = words.joined(separator: " ")
        let pieces = sentences(text)
        XCTAssertGreaterThan(pieces.count, 4)
        XCTAssertTrue(pieces.allSatisfy { $0.unicodeScalars.count <= SentenceSplitter.maxLength }, "\(pieces.map(\.count))")
        XCTAssertTrue(pieces.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
        XCTAssertEqual(pieces.joined(separator: " "), text, "no word is cut or lost")
    }

    /// Given one "word" of 5,000 letters with a combining accent at each cut, then it is cut at the
    /// length, never between a letter and its accent.
    func testAWordLongerThanTheLimitIsCutWithoutSplittingACharacter() {
        let text = String(repeating: "e\u{301}", count: 2_500)
        let pieces = sentences(text)
        XCTAssertEqual(pieces.joined(), text)
        XCTAssertTrue(pieces.allSatisfy { $0.unicodeScalars.count <= SentenceSplitter.maxLength })
        XCTAssertTrue(pieces.allSatisfy { $0.unicodeScalars.first != "\u{301}" }, "a piece starts with a lone accent")
    }

    /// Given a run of emoji sequences (five scalars joined by ZWJ each) longer than the limit, then
    /// no cut falls inside a sequence.
    func testACutNeverFallsInsideAnEmojiSequence() {
        let family = "👩\u{200D}👩\u{200D}👧"
        let text = String(repeating: family, count: 1_000)
        let pieces = sentences(text)
        XCTAssertEqual(pieces.joined(), text)
        XCTAssertGreaterThan(pieces.count, 2)
        for piece in pieces {
            XCTAssertLessThanOrEqual(piece.unicodeScalars.count, SentenceSplitter.maxLength)
            XCTAssertEqual(piece.unicodeScalars.count % 5, 0, "a piece of \(piece.unicodeScalars.count) scalars")
        }
    }

    /// Sentences of news are never cut: the longest real ones are half the limit.
    func testOrdinaryLongSentencesAreKept() {
        let long = Array(repeating: "und die Regierung beschloss weitere Maßnahmen", count: 20).joined(separator: ", ") + "."
        XCTAssertLessThan(long.count, SentenceSplitter.maxLength)
        XCTAssertEqual(sentences(long + " Danach kam mehr."), [long, "Danach kam mehr."])
    }
}
