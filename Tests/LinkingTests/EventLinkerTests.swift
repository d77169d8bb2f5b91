import GlossaCore
@testable import Linking
import XCTest

final class EventLinkerTests: XCTestCase {
    let names = ["putin": "Putin", "lukashenko": "Lukaschenko", "1500000000 USD": "1,5 Milliarden Dollar"]

    func event(_ article: String, _ id: String, _ category: String, _ date: String?, _ actors: [String], _ amounts: [String] = [],
               words: [UInt32] = [], context: [UInt32] = [], sequence: Int = 0) -> LinkableEvent {
        LinkableEvent(article: article, id: id, category: category, date: date, actors: actors, amounts: amounts, names: names,
                      words: words, context: context, sequence: sequence)
    }

    /// Stems as `LinkTerms` makes them, of a few German words.
    func stems(_ text: String) -> [UInt32] { LinkTerms.terms(Array(text.unicodeScalars)[...], heads: true) }

    /// A number as letters (`12` → `bc`): words are letters only.
    func letters(_ number: Int) -> String { String(String(number).map { Character(UnicodeScalar(UInt8(97 + Int(String($0))!))) }) }

    func testTheSameLoanInTwoArticlesIsOneClusterWithItsReasons() {
        let story = stems("Russland gewährt Belarus einen Kredit in Höhe von 1,5 Milliarden Dollar für Lukaschenko")
        let events = [
            event("a.txt", "loan-1", "loan", "2020", ["kremlin", "putin", "lukashenko", "belarus"], ["1500000000 USD"],
                  words: stems("Putin sagte Lukaschenko einen Kredit zu"), context: story),
            event("b.txt", "loan-1", "loan", "2020-09", ["putin", "lukashenko", "russia", "belarus"], ["1500000000 USD"],
                  words: stems("Der Kredit über 1,5 Milliarden Dollar"), context: story),
            event("b.txt", "meeting-1", "meeting", "2020-09", ["putin", "lukashenko"], words: stems("Treffen in Sotschi"), context: story),
        ]
        let clusters = EventLinker().clusters(events)
        XCTAssertEqual(clusters.count, 1)
        XCTAssertEqual(clusters[0].members, [EventReference(article: "a.txt", event: "loan-1"), EventReference(article: "b.txt", event: "loan-1")])
        XCTAssertEqual(clusters[0].reasons, ["Kredit", "1,5 Milliarden Dollar", "Putin", "Lukaschenko", "belarus"])
        XCTAssertGreaterThan(clusters[0].confidence, 0.8)
        XCTAssertTrue(clusters[0].id.hasPrefix("loan-"))
    }

    func testImpossiblePairsAreNeverLinked() {
        let linker = EventLinker()
        XCTAssertTrue(linker.clusters([event("a", "1", "election", "2020", ["lukashenko", "belarus"]),
                                       event("b", "1", "election", "2025", ["lukashenko", "belarus"])]).isEmpty,
                      "two elections five years apart")
        XCTAssertTrue(linker.clusters([event("a", "1", "election", "2025-05", ["merz"], sequence: 1),
                                       event("b", "1", "election", "2025-05", ["merz"], sequence: 2)]).isEmpty,
                      "the first ballot is not the second")
        XCTAssertTrue(linker.clusters([event("a", "1", "protest", "2020", ["minsk"]), event("b", "1", "meeting", "2020", ["sochi"])]).isEmpty,
                      "two kinds with nothing in common")
        XCTAssertEqual(linker.clusters([event("a", "1", "election", "2020", ["lukashenko", "belarus"]),
                                        event("b", "1", "election", "2020-08-09", ["lukashenko", "belarus"])]).count, 1,
                       "a year and a day in it agree")
    }

    func testACommonActorAloneIsNotEnough() {
        var events: [LinkableEvent] = []
        // Fifty statements on fifty stories (their own words) that all name Belarus.
        for index in 0..<50 {
            events.append(event("x\(index)", "s", "statement", "2025-0\(index % 9 + 1)", ["belarus"], context: stems("Geschichte\(letters(index)) Worte\(letters(index))")))
        }
        events.append(event("p", "1", "protest", "2020-09", ["minsk"]))
        events.append(event("q", "1", "protest", "2020", ["lukashenko", "belarus"]))
        XCTAssertTrue(EventLinker().clusters(events).allSatisfy { $0.members.count <= 2 && !$0.members.contains { $0.article == "p" } })
    }

    func testAClusterHoldsOneEventPerArticle() {
        let events = [
            event("a", "1", "meeting", "2020-09", ["putin", "lukashenko"]),
            event("a", "2", "meeting", "2020-09", ["putin", "lukashenko"]),
            event("b", "1", "meeting", "2020-09", ["putin", "lukashenko"]),
        ]
        let clusters = EventLinker().clusters(events)
        XCTAssertEqual(clusters.count, 1)
        XCTAssertEqual(Set(clusters[0].members.map(\.article)), ["a", "b"])
    }

    func testARemovedPairIsNotJoinedThroughAThirdArticle() {
        let a = event("a", "1", "loan", "2020-09", ["putin", "lukashenko"], ["1500000000 USD"])
        let b = event("b", "1", "loan", "2020-09", ["putin", "lukashenko"], ["1500000000 USD"])
        let c = event("c", "1", "loan", "2020-09", ["putin", "lukashenko"], ["1500000000 USD"])
        XCTAssertEqual(EventLinker().clusters([a, b, c]).map(\.members.count), [3])
        let clusters = EventLinker().clusters([a, b, c], decisions: [LinkDecision(a.reference, b.reference, kind: .removed)])
        XCTAssertFalse(clusters.contains { $0.members.contains(a.reference) && $0.members.contains(b.reference) })
    }

    func testAFigureAloneDoesNotLink() {
        XCTAssertTrue(EventLinker().clusters([event("a", "1", "protest", nil, ["minsk"], ["3"]),
                                              event("b", "1", "protest", nil, ["vilnius"], ["3"])]).isEmpty)
    }

    func testOneStrongEdgeDoesNotChainTwoEvents() {
        // a–b and b–c are likely, a–c was never compared: c joins {a, b} only if its average with
        // both reaches the threshold, (0.9 + 0) / 2 < 0.5.
        let events = [event("a", "1", "loan", nil, []), event("b", "1", "loan", nil, []), event("c", "1", "loan", nil, [])]
        let links = [EventLinker.Link(first: 0, second: 1, score: 0.95), EventLinker.Link(first: 1, second: 2, score: 0.9)]
        let clusters = EventLinker().clusters(events, links: links, decisions: [])
        XCTAssertEqual(clusters.map(\.members), [[events[0].reference, events[1].reference]])
        XCTAssertEqual(clusters.first?.confidence, 0.95)
    }

    func testClusterIdsStayWhenAnotherArticleJoins() {
        let a = event("a", "1", "loan", "2020-09", ["putin", "lukashenko"], ["1500000000 USD"])
        let b = event("b", "1", "loan", "2020-09", ["putin", "lukashenko"], ["1500000000 USD"])
        let c = event("c", "1", "loan", "2020-09-14", ["putin", "lukashenko"], ["1500000000 USD"])
        XCTAssertEqual(EventLinker().clusters([a, b]).map(\.id), EventLinker().clusters([a, b, c]).map(\.id))
    }

    func testTheUsersDecisionsWin() {
        let a = event("a", "1", "loan", "2020", ["putin", "lukashenko"], ["1500000000 USD"])
        let b = event("b", "1", "loan", "2020-09", ["putin", "lukashenko"], ["1500000000 USD"])
        let c = event("c", "1", "protest", nil, ["minsk"])
        let removed = LinkDecision(b.reference, a.reference, kind: .removed)
        XCTAssertTrue(EventLinker().clusters([a, b, c], decisions: [removed]).isEmpty)
        let confirmed = LinkDecision(a.reference, c.reference, kind: .confirmed)
        let clusters = EventLinker().clusters([a, b, c], decisions: [removed, confirmed])
        XCTAssertEqual(clusters.map(\.members), [[a.reference, c.reference]])
        XCTAssertEqual(clusters.first?.isManual, true)
        XCTAssertEqual(clusters.first?.confidence, 1)
    }

    func testEachArticleIsComparedWithItsNearestStoriesOnly() {
        // 2,000 articles of 200 stories (ten articles each, sharing their story's words): an article is
        // compared with its neighbours, not with the library.
        var events: [LinkableEvent] = []
        for index in 0..<2_000 {
            let story = index % 200
            let words = stems("Geschichte\(letters(story)) Thema\(letters(story)) Bericht\(letters(story)) Allgemeines Gemeinsames")
            events.append(event("a\(index)", "m", "meeting", "2020-0\(story % 9 + 1)", ["actor\(story)", "putin"], context: words))
        }
        var comparisons = 0
        let linker = EventLinker()
        let links = linker.links(events, comparisons: &comparisons)
        XCTAssertLessThanOrEqual(comparisons, events.count * linker.neighbours)
        XCTAssertLessThan(comparisons, events.count * (events.count - 1) / 50, "far fewer than all pairs")
        let clusters = linker.clusters(events, links: links, decisions: [])
        XCTAssertEqual(clusters.count, 200, "one cluster per story")
        XCTAssertTrue(clusters.allSatisfy { cluster in Set(cluster.members.map { Int($0.article.dropFirst())! % 200 }).count == 1 },
                      "no cluster mixes two stories")
    }

    func testTheModelHasAWeightPerFeatureAndCalibratedOutput() {
        let model = LinkerModel.trained
        XCTAssertEqual(model.weights.count, LinkerModel.names.count)
        var bias = LinkerModel.Features(repeating: 0)
        bias[.bias] = 1
        XCTAssertEqual(model.probability(bias), 1 / (1 + exp(-model.weights[0])), accuracy: 1e-12)
        XCTAssertLessThan(model.probability(bias), 0.1, "nothing in common: unlikely")
        XCTAssertGreaterThan(model.threshold, 0.2)
        XCTAssertLessThan(model.threshold, 0.9)
    }
}

final class LinkTermsTests: XCTestCase {
    func testInflectionsAndParticiplesShareAStem() {
        let stem = { (word: String) in LinkTerms.stem(word.lowercased()) }
        XCTAssertEqual(stem("Freilassung"), stem("freigelassen"))
        XCTAssertEqual(stem("Freilassungen"), stem("Freilassung"))
        XCTAssertEqual(stem("Todes"), stem("Tod"))
        XCTAssertEqual(stem("Gespräche"), stem("Gespräch"))
        XCTAssertEqual(stem("Sanktionen"), stem("Sanktion"))
        XCTAssertNotEqual(stem("Wahl"), stem("Krieg"))
    }

    func testFunctionWordsAndShortWordsAreLeftOut() {
        XCTAssertEqual(LinkTerms.terms(Array("Die EU und der Kredit, ab 2020.".unicodeScalars)[...]), [LinkTerms.stem("kredit")])
    }

    func testCompoundsAlsoCountTheirHeadWhenTheLibraryUsesIt() {
        let events = [
            LinkableEvent(article: "a", id: "1", category: "meeting", date: nil, actors: [], amounts: [],
                          words: LinkTerms.terms(Array("Das Gipfeltreffen".unicodeScalars)[...], heads: true)),
            LinkableEvent(article: "b", id: "1", category: "meeting", date: nil, actors: [], amounts: [],
                          words: LinkTerms.terms(Array("Das Treffen".unicodeScalars)[...], heads: true)),
        ]
        XCTAssertGreaterThan(EventFeatures(events).words.cosine(0, 1), 0.3)
    }
}
