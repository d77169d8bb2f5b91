import Extraction
import GlossaCore
@testable import ReaderUI
import TestSupport
import XCTest

/// The actors screen, the selected actor, and `m`/`M` across the article and the library.
final class ActorNavigationTests: XCTestCase {
    func testActorsScreenListsTheMostNamedFirstAndOpensAMention() throws {
        var state = Harness.state()
        Harness.press(&state, .char("a"))
        XCTAssertEqual(state.screen, .actors)
        let actors = state.actorIndex.actors
        XCTAssertGreaterThan(actors.count, 10)
        XCTAssertEqual(actors.first?.id, "lukashenko")
        XCTAssertTrue(zip(actors, actors.dropFirst()).allSatisfy { $0.mentions >= $1.mentions })
        // Enter lists the mentions, Enter on the second one opens it in the reader with that actor selected.
        Harness.press(&state, .enter)
        XCTAssertEqual(state.actorsScreen.selected, "lukashenko")
        Harness.press(&state, .char("j"), .enter)
        XCTAssertEqual(state.screen, .reader)
        let target = state.actorIndex.mentions(of: "lukashenko")[1]
        XCTAssertEqual(state.reader?.articleIndex, target.article)
        XCTAssertEqual(state.selectedActor?.span, target.mention.span)
        XCTAssertTrue(Harness.cursorIsVisible(state))
        // q goes back to the mentions, then to the list, then where we came from.
        Harness.press(&state, .char("a"))
        XCTAssertEqual(state.screen, .actors)
        Harness.press(&state, .char("q"))
        XCTAssertEqual(state.screen, .reader)
    }

    func testNextMentionWalksTheArticleThenTheLibrary() throws {
        var state = Harness.reader("003_7688eaeaed71ff5d.txt")
        // The first sentence with Lukaschenko: select him.
        while !(state.reader!.document.actors(inSentence: state.reader!.cursor).contains { $0.actor == "lukashenko" }) {
            Harness.press(&state, .char("j"))
        }
        while state.selectedActor?.actor != "lukashenko" { Harness.press(&state, .char("e")) }
        let article = state.reader!.articleIndex
        let inArticle = state.reader!.document.actors.filter { $0.actor == "lukashenko" }
        let first = try XCTUnwrap(state.selectedActor)
        var seen = [first.span]
        for _ in 0..<(inArticle.count - (inArticle.firstIndex { $0.span == first.span } ?? 0) - 1) {
            Harness.press(&state, .char("m"))
            XCTAssertEqual(state.reader?.articleIndex, article)
            XCTAssertEqual(state.selectedActor?.actor, "lukashenko")
            seen.append(state.selectedActor!.span)
        }
        XCTAssertEqual(seen, seen.sorted { $0.start < $1.start }, "forward in text order")
        // Past the last mention: the next article that names him.
        Harness.press(&state, .char("m"))
        XCTAssertNotEqual(state.reader?.articleIndex, article)
        XCTAssertEqual(state.selectedActor?.actor, "lukashenko")
        XCTAssertTrue(state.message?.text.contains("Lukaschenko") ?? false, state.message?.text ?? "")
        // And back.
        Harness.press(&state, .char("M"))
        XCTAssertEqual(state.reader?.articleIndex, article)
        XCTAssertEqual(state.selectedActor?.span, inArticle.last?.span)
    }

    /// A screenful of an actor's mentions is the same slice of the whole list, across articles.
    func testMentionsInARangeAreThatSliceOfAllMentions() {
        let index = Harness.state().actorIndex
        let all = index.mentions(of: "lukashenko")
        XCTAssertEqual(all.count, index.mentionCount(of: "lukashenko"))
        XCTAssertGreaterThan(Set(all.map(\.article)).count, 2)
        for range in [0..<3, 5..<40, (all.count - 4)..<(all.count + 10), all.count..<(all.count + 1)] {
            let slice = index.mentions(of: "lukashenko", in: range)
            let expected = all[min(range.lowerBound, all.count)..<min(range.upperBound, all.count)]
            XCTAssertEqual(slice.map(\.article), expected.map(\.article), "\(range)")
            XCTAssertEqual(slice.map(\.mention), expected.map(\.mention), "\(range)")
        }
        XCTAssertTrue(index.mentions(of: "nobody", in: 0..<10).isEmpty)
    }

    func testSentenceWithoutActorsSaysSo() {
        var state = Harness.reader("003_7688eaeaed71ff5d.txt")
        var guardCount = 0
        while !(state.reader!.document.actors(inSentence: state.reader!.cursor).isEmpty), guardCount < 40 {
            Harness.press(&state, .char("j"))
            guardCount += 1
        }
        Harness.press(&state, .char("m"))
        XCTAssertTrue(state.message?.text.hasPrefix("No actor in this sentence") ?? false)
    }

    func testActorScreensSnapshot() {
        var state = Harness.state(100, 30)
        Harness.press(&state, .char("a"), .char("j"))
        assertSnapshot(RootView.render(state).snapshot, named: "actors_100x30")
        Harness.press(&state, .enter)
        assertSnapshot(RootView.render(state).snapshot, named: "actor_mentions_100x30")
    }
}
