import Extraction
import GlossaCore
import Linking
@testable import ReaderUI
import TestSupport
import XCTest

/// Following linked events between the seeds: the Russian loan of 1.5 billion dollars is reported
/// in the Sochi report (003) and in the Prigozhin article (000).
final class LinkedEventTests: XCTestCase {
    let sochi = "003_7688eaeaed71ff5d.txt"
    let prigozhin = "000_710788ae8078a188.txt"

    func path(_ state: AppState) -> String? { state.reader.map { state.library.articles[$0.articleIndex].path } }

    func testTheSeedsLinkTheLoanAcrossTwoArticles() throws {
        let loan = try XCTUnwrap(Harness.seedEvents.clusters.first { $0.id.hasPrefix("loan") })
        XCTAssertEqual(Set(loan.members.map(\.article)), [sochi, prigozhin])
        XCTAssertTrue(loan.reasons.contains("1,5 Milliarden Dollar"), "\(loan.reasons)")
    }

    func testJGoesToTheNextLinkedSentenceAndFFollowsItThenBackAndForward() {
        var state = Harness.reader(sochi)
        Harness.press(&state, .char("J"))
        let start = state.reader!.cursor
        XCTAssertGreaterThan(start, 0)
        XCTAssertFalse(state.linkedEvents.isEmpty)
        XCTAssertTrue(state.paneLines(width: 40).contains { $0.text.hasPrefix("Linked events") })
        Harness.press(&state, .char("f"))
        XCTAssertEqual(path(state), prigozhin)
        XCTAssertTrue(Harness.currentSentence(state).contains("1,5 Milliarden Dollar"), Harness.currentSentence(state))
        XCTAssertTrue(state.message!.text.hasPrefix("Kredit"))
        Harness.press(&state, .backspace)
        XCTAssertEqual(path(state), sochi)
        XCTAssertEqual(state.reader?.cursor, start)
        Harness.press(&state, .char("L"))
        XCTAssertEqual(path(state), prigozhin)
        Harness.press(&state, .ctrl("o"))
        XCTAssertEqual(path(state), sochi)
        Harness.press(&state, .ctrl("o"))
        XCTAssertEqual(state.message?.text, "Nothing to go back to.")
    }

    func testEnterInThePaneFollowsTheSelectedLink() {
        var state = Harness.reader(sochi)
        Harness.press(&state, .char("J"), .tab, .enter)
        XCTAssertEqual(path(state), prigozhin)
        XCTAssertEqual(state.focus, .text)
    }

    func testFWithoutALinkSaysWhereTheNextIs() {
        var state = Harness.reader(sochi)
        Harness.press(&state, .char("G"), .char("f"))
        XCTAssertEqual(path(state), sochi)
        XCTAssertTrue(state.message!.text.contains("J goes to the next one"))
    }

    func testAClusterIsDatedByTheEarliestExactDateOfItsMembers() {
        XCTAssertEqual(TimelineReducer.clusterDate(["2020", "2020-09-14", "2020-08-09", "2020-09"]), "2020-08-09")
        XCTAssertEqual(TimelineReducer.clusterDate(["2020", "2020-09", "2020-08"]), "2020-08")
        XCTAssertNil(TimelineReducer.clusterDate([]))
    }

    func testTheTimelineListsClustersWithTheirArticlesAndOpensOne() throws {
        var state = Harness.state()
        Harness.press(&state, .char("T"))
        XCTAssertEqual(state.screen, .timeline)
        let entries = state.timeline.entries
        let dates = entries.filter { !$0.isMember }.compactMap(\.date)
        XCTAssertEqual(dates, dates.sorted(), "by date")
        let loan = try XCTUnwrap(entries.firstIndex { $0.isCluster && $0.text.hasPrefix("Kredit") })
        XCTAssertEqual(entries[loan + 1].isMember, true)
        XCTAssertEqual(entries[loan + 2].isMember, true)
        for _ in 0..<(loan + 2) { Harness.press(&state, .char("j")) }
        Harness.press(&state, .enter)
        XCTAssertEqual(state.screen, .reader)
        XCTAssertTrue(Harness.currentSentence(state).contains("Milliarden"), Harness.currentSentence(state))
        Harness.press(&state, .char("T"), .char("q"))
        XCTAssertEqual(state.screen, .reader, "q leaves the timeline for where it was opened")
    }
}

/// Confirming, removing and adding links by hand, through the runtime with a store that keeps them.
final class LinkDecisionTests: XCTestCase {
    final class Decisions: @unchecked Sendable {
        var stored: [LinkDecision] = []
    }

    func runtime(_ decisions: Decisions) -> Runtime {
        var state = Harness.reader("003_7688eaeaed71ff5d.txt")
        Harness.press(&state, .char("J"))
        let services = Services(store: { $0.after }, load: { _ in [] }, exportMarkdown: { "" },
                                decide: { decisions.stored.append($0) })
        return Runtime(state: state, terminal: FakeTerminal(size: Size(width: 120, height: 40)), services: services)
    }

    func testRemovingALinkSplitsTheClusterAndIsStored() {
        let decisions = Decisions()
        let runtime = runtime(decisions)
        XCTAssertFalse(runtime.state.linkedEvents.isEmpty)
        runtime.send(.keyPressed(.char("X")))
        XCTAssertEqual(decisions.stored.map(\.kind), [.removed])
        XCTAssertTrue(runtime.state.linkedEvents.isEmpty, "the removed link is gone")
        XCTAssertEqual(runtime.state.message?.text, "Link removed: these events are kept apart.")
        XCTAssertEqual(runtime.state.events.decisions, decisions.stored)
    }

    func testAddingALinkByHandJoinsTwoEvents() throws {
        let decisions = Decisions()
        let runtime = runtime(decisions)
        // Two events the linker left apart: the first unlinked event of a sentence in 003, and one in 000.
        runtime.send(.keyPressed(.char("g")))
        let before = runtime.state.events.clusters.count
        func firstEventHere() -> Event? {
            let reader = runtime.state.reader!
            return runtime.state.events.events(in: "003_7688eaeaed71ff5d.txt", sentence: reader.document.sentences[reader.cursor]).first
        }
        func unlinked(_ event: Event?, _ article: String) -> Bool {
            event.map { runtime.state.events.cluster(of: EventReference(article: article, event: $0.id)) == nil } ?? false
        }
        while !unlinked(firstEventHere(), "003_7688eaeaed71ff5d.txt"), runtime.state.reader!.cursor + 1 < runtime.state.reader!.document.sentences.count {
            runtime.send(.keyPressed(.char("j")))
        }
        XCTAssertTrue(unlinked(firstEventHere(), "003_7688eaeaed71ff5d.txt"))
        runtime.send(.keyPressed(.char("+")))
        XCTAssertNotNil(runtime.state.linkSource)
        // Over to the Prigozhin article: the first sentence whose first event is not linked.
        let prigozhin = try XCTUnwrap(runtime.state.library.articles.firstIndex { $0.path == "000_710788ae8078a188.txt" })
        var state = runtime.state
        Navigation.go(to: Location(article: prigozhin, sentence: 0), &state)
        let sentences = try XCTUnwrap(state.reader?.document.sentences)
        let protest = try XCTUnwrap(sentences.lazy.compactMap { sentence in
            state.events.events(in: "000_710788ae8078a188.txt", sentence: sentence).first
        }.first { unlinked($0, "000_710788ae8078a188.txt") })
        let sentence = try XCTUnwrap(state.reader?.document.sentenceIndex(containing: protest.mentions[0].start))
        let target = Runtime(state: state, terminal: FakeTerminal(size: Size(width: 120, height: 40)),
                             services: Services(store: { $0.after }, load: { _ in [] }, exportMarkdown: { "" }, decide: { decisions.stored.append($0) }))
        for _ in 0..<sentence { target.send(.keyPressed(.char("j"))) }
        target.send(.keyPressed(.char("+")))
        XCTAssertEqual(decisions.stored.map(\.kind), [.confirmed])
        XCTAssertEqual(target.state.events.clusters.count, before + 1)
        XCTAssertTrue(target.state.events.clusters.contains { $0.isManual })
    }
}
