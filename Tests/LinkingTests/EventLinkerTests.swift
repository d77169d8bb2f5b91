@testable import Linking
import XCTest

final class EventLinkerTests: XCTestCase {
    let names = ["putin": "Putin", "lukashenko": "Lukaschenko", "1500000000 USD": "1,5 Milliarden Dollar"]

    func event(_ article: String, _ id: String, _ category: String, _ date: String?, _ actors: [String], _ amounts: [String] = []) -> LinkableEvent {
        LinkableEvent(article: article, id: id, category: category, date: date, actors: actors, amounts: amounts, names: names)
    }

    func testTheSameLoanInTwoArticlesIsOneClusterWithItsReasons() {
        let events = [
            event("a.txt", "loan-1", "loan", "2020", ["kremlin", "putin", "lukashenko", "belarus"], ["1500000000 USD"]),
            event("b.txt", "loan-1", "loan", "2020-09", ["putin", "lukashenko", "russia", "belarus"], ["1500000000 USD"]),
            event("b.txt", "meeting-1", "meeting", "2020-09", ["putin", "lukashenko"]),
        ]
        let clusters = EventLinker().clusters(events)
        XCTAssertEqual(clusters.count, 1)
        XCTAssertEqual(clusters[0].members, [EventReference(article: "a.txt", event: "loan-1"), EventReference(article: "b.txt", event: "loan-1")])
        XCTAssertEqual(clusters[0].reasons, ["1,5 Milliarden Dollar", "Putin", "Lukaschenko", "belarus", "2020"])
        XCTAssertGreaterThan(clusters[0].confidence, 0.8)
        XCTAssertTrue(clusters[0].id.hasPrefix("loan-"))
    }

    func testKindsAndDatesMustAgree() {
        let linker = EventLinker()
        XCTAssertTrue(linker.clusters([event("a", "1", "loan", "2020", ["putin", "lukashenko"], ["1500000000 USD"]),
                                       event("b", "1", "meeting", "2020", ["putin", "lukashenko"], ["1500000000 USD"])]).isEmpty,
                      "a loan is not a meeting")
        XCTAssertTrue(linker.clusters([event("a", "1", "release", "2024-06", ["lukashenko", "belarus"]),
                                       event("b", "1", "release", "2025-09", ["lukashenko", "belarus"])]).isEmpty,
                      "two releases in different months are two events")
        XCTAssertEqual(linker.clusters([event("a", "1", "election", "2020", ["lukashenko", "belarus"]),
                                        event("b", "1", "election", "2020-08-09", ["lukashenko", "belarus"])]).count, 1,
                       "a year and a day in it agree")
    }

    func testACommonActorAloneIsNotEnough() {
        var events: [LinkableEvent] = []
        for index in 0..<50 { events.append(event("x\(index)", "s", "statement", "2025-0\(index % 9 + 1)", ["belarus"])) }
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

    func testManyEventsOnOneActorAreComparedWithinAWindowOnly() {
        // 5,000 meetings of the same two actors over ten years: each is compared with a window only.
        var events: [LinkableEvent] = []
        for index in 0..<5_000 {
            events.append(event("a\(index)", "m", "meeting", String(format: "%04d-%02d", 2015 + index % 10, index % 12 + 1), ["putin", "lukashenko"]))
        }
        var comparisons = 0
        let linker = EventLinker()
        _ = linker.links(events, comparisons: &comparisons)
        // Two keys per event (one per actor), each compared with at most `window` neighbours.
        XCTAssertLessThanOrEqual(comparisons, events.count * linker.window * 2)
        XCTAssertLessThan(comparisons, events.count * (events.count - 1) / 20, "far fewer than all pairs")
    }
}
