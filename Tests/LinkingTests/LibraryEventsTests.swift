import Extraction
import Foundation
import GlossaCore
import Linking
import TestSupport
import XCTest

/// A decision about a link finds its events again when an edited article numbers them anew.
final class LibraryEventsTests: XCTestCase {
    func extract(_ articles: [Article]) -> LibraryEvents {
        LibraryEvents(articles.map { (article: $0, extraction: Extractor.extract($0, options: ExtractionOptions())) })
    }

    func testARemovedLinkStaysRemovedWhenTheEventIsRenumbered() throws {
        let seeds = try Fixtures.seedLibrary().articles.filter { $0.path.hasPrefix("000") || $0.path.hasPrefix("003") }
        let events = extract(seeds)
        let loan = try XCTUnwrap(events.clusters.first { $0.members.contains { events.event($0)?.category == .loan } })
        let (a, b) = (loan.members[0], loan.members[1])
        func text(_ reference: EventReference) -> String { seeds.first { $0.path == reference.article }?.text ?? "" }
        let removed = LinkDecision(a, b, kind: .removed, quotes: (events.quote(of: a, text: text(a)), events.quote(of: b, text: text(b))))
        XCTAssertFalse(removed.firstQuote.isEmpty)
        XCTAssertFalse(removed.firstQuote.contains("\n"), "white space collapsed")
        // The Sochi report gets a new first paragraph with another loan: its loan is now loan-2.
        let sochi = try XCTUnwrap(seeds.first { $0.path.hasPrefix("003") })
        let header = sochi.text.prefix { $0 != "\n" } + "\n"
        let edited = Article(path: sochi.path, text: header + "Russland gewährte Armenien im März 2019 einen Kredit über 300 Millionen Euro.\n\n"
                             + sochi.text.dropFirst(header.count))
        var after = extract(seeds.map { $0.path == sochi.path ? edited : $0 })
        let sochiLoans = after.events[sochi.path]?.filter { $0.category == .loan }.map(\.id) ?? []
        XCTAssertGreaterThan(sochiLoans.count, 1, "the new loan comes first")
        XCTAssertTrue(after.clusters.contains { $0.members.contains(a) || $0.members.contains(b) }, "linked before the decision")
        after.relink(decisions: [removed])
        // The Sochi loan under its new id: the loan of the edited article that starts with the remembered sentence.
        let (other, sochiQuote) = a.article == sochi.path ? (b, removed.firstQuote) : (a, removed.secondQuote)
        let sochiLoan = try XCTUnwrap(after.events[sochi.path]?.first { event in
            event.category == .loan && after.quote(of: EventReference(article: sochi.path, event: event.id), text: edited.text) == sochiQuote
        })
        XCTAssertNotEqual(sochiLoan.id, a.article == sochi.path ? a.event : b.event, "renumbered")
        XCTAssertFalse(after.clusters.contains { cluster in
            cluster.members.contains(other) && cluster.members.contains(EventReference(article: sochi.path, event: sochiLoan.id))
        }, "the removed link is not back under the new ids")
    }
}
