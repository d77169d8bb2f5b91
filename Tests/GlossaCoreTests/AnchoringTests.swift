import GlossaCore
import XCTest

final class AnchoringTests: XCTestCase {
    let original = "Minsk. Russland gewährt Belarus einen Kredit über 1,5 Milliarden Dollar. Putin sprach mit Lukaschenko. Danach nichts."

    func anchored(_ exact: String, in text: String) -> Annotation {
        let scalars = Array(text.unicodeScalars)
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex,
                                                 to: text.range(of: exact)!.lowerBound.samePosition(in: text.unicodeScalars)!)
        let span = TextSpan(start: start, end: start + exact.unicodeScalars.count)
        return Annotation(id: "a", article: "a.txt", span: span, quote: Anchoring.selector(for: span, in: scalars),
                          textHash: ContentHash.of(text))
    }

    func place(_ annotation: Annotation, in text: String) -> (Annotation, AnchorOutcome, String) {
        let (result, outcome) = Anchoring.reanchor(annotation, in: AnchorText(text), hash: ContentHash.of(text))
        let scalars = Array(text.unicodeScalars)
        let quoted = result.isOrphan ? "" : String(String.UnicodeScalarView(scalars[result.span.start..<result.span.end]))
        return (result, outcome, quoted)
    }

    func testSelectorKeepsContextOnBothSides() {
        let annotation = anchored("Putin sprach mit Lukaschenko.", in: original)
        XCTAssertEqual(annotation.quote.exact, "Putin sprach mit Lukaschenko.")
        XCTAssertEqual(annotation.quote.prefix, "dit über 1,5 Milliarden Dollar. ")
        XCTAssertEqual(annotation.quote.prefix.count, Anchoring.contextLength)
        XCTAssertEqual(annotation.quote.suffix, " Danach nichts.")
    }

    func testAnUnchangedTextKeepsTheAnnotation() {
        let annotation = anchored("Putin sprach mit Lukaschenko.", in: original)
        let (result, outcome, _) = place(annotation, in: original)
        XCTAssertEqual(outcome, .unchanged)
        XCTAssertEqual(result, annotation)
    }

    func testTextInsertedBeforeMovesTheAnnotationToTheExactQuote() {
        let annotation = anchored("Putin sprach mit Lukaschenko.", in: original)
        let edited = "Eilmeldung: " + original
        let (result, outcome, quoted) = place(annotation, in: edited)
        XCTAssertEqual(outcome, .moved)
        XCTAssertEqual(quoted, "Putin sprach mit Lukaschenko.")
        XCTAssertEqual(result.span.start, annotation.span.start + 12)
        XCTAssertEqual(result.textHash, ContentHash.of(edited))
    }

    func testOfTwoEqualQuotesTheContextDecides() {
        let text = "A sagt: Das stimmt nicht. B sagt: Das stimmt nicht. Ende."
        let second = Annotation(id: "b", article: "a.txt", span: TextSpan(start: 34, end: 51),
                                quote: Anchoring.selector(for: TextSpan(start: 34, end: 51), in: Array(text.unicodeScalars)),
                                textHash: ContentHash.of(text))
        XCTAssertEqual(second.quote.exact, "Das stimmt nicht.")
        let edited = "Vorab. " + text
        let (result, _, _) = place(second, in: edited)
        XCTAssertEqual(result.span.start, 41, "the second occurrence, after 'B sagt:'")
    }

    func testWhiteSpaceChangedInsideTheQuote() {
        let annotation = anchored("Russland gewährt Belarus einen Kredit über 1,5 Milliarden Dollar.", in: original)
        let edited = original.replacingOccurrences(of: "Belarus einen", with: "Belarus\n  einen")
        let (_, outcome, quoted) = place(annotation, in: edited)
        XCTAssertEqual(outcome, .whitespace)
        XCTAssertEqual(quoted, "Russland gewährt Belarus\n  einen Kredit über 1,5 Milliarden Dollar.")
    }

    func testATypoFixedInsideTheQuoteIsFoundByFuzzyMatch() {
        let typo = original.replacingOccurrences(of: "gewährt", with: "gewärht")
        let annotation = anchored("Russland gewärht Belarus einen Kredit über 1,5 Milliarden Dollar.", in: typo)
        let (result, outcome, quoted) = place(annotation, in: "Neu: " + original)
        XCTAssertEqual(outcome, .fuzzy)
        XCTAssertEqual(quoted, "Russland gewährt Belarus einen Kredit über 1,5 Milliarden Dollar.")
        XCTAssertEqual(result.quote.exact, quoted, "the quote follows the new text")
    }

    func testADeletedSentenceBecomesAnOrphanAndKeepsItsQuote() {
        let annotation = anchored("Putin sprach mit Lukaschenko.", in: original)
        let edited = original.replacingOccurrences(of: "Putin sprach mit Lukaschenko. ", with: "")
        let (result, outcome, _) = place(annotation, in: edited)
        XCTAssertEqual(outcome, .orphan)
        XCTAssertTrue(result.isOrphan)
        XCTAssertEqual(result.quote, annotation.quote)
        XCTAssertEqual(result.textHash, annotation.textHash, "an orphan keeps the hash of the text it came from")
    }

    func testAShortQuoteWhoseContextIsGoneIsNotPlacedOnAnotherOccurrence() {
        let text = "Putin kam. Dann sprach Putin lange mit Lukaschenko über Geld."
        let annotation = anchored("Putin lange", in: text)
        let edited = "Putin kam. Später gab es Putin lange nicht mehr."
        let (result, _, _) = place(annotation, in: edited)
        XCTAssertTrue(result.isOrphan, "a short quote needs its context to agree")
    }

    func testADeletedSentenceIsNotPlacedOnASimilarOneElsewhere() {
        let text = "Das teilte das Ministerium am Montag mit. Dazwischen steht viel anderer Text über etwas ganz anderes. Später: Das teilte das Ministerium am Dienstag mit."
        let annotation = anchored("Das teilte das Ministerium am Montag mit.", in: text)
        let edited = text.replacingOccurrences(of: "Das teilte das Ministerium am Montag mit. ", with: "")
        let (result, outcome, _) = place(annotation, in: edited)
        XCTAssertEqual(outcome, .orphan, "a close match needs its context too")
        XCTAssertTrue(result.isOrphan)
    }

    func testContentHashIsStableAndTellsTextsApart() {
        XCTAssertEqual(ContentHash.of("Grüße"), ContentHash.of("Grüße"))
        XCTAssertNotEqual(ContentHash.of("Grüße"), ContentHash.of("Grüsse"))
        XCTAssertEqual(ContentHash.of("").count, 16)
    }

    func testAnnotationIDsAreUUIDsThatDoNotRepeat() {
        var ids = AnnotationIDs()
        let made = (0..<1000).map { _ in ids.next() }
        XCTAssertEqual(Set(made).count, 1000)
        XCTAssertTrue(made.allSatisfy { UUID(uuidString: $0) != nil })
        var other = AnnotationIDs()
        XCTAssertNotEqual(other.next(), made[0], "another run starts from another base")
    }
}
