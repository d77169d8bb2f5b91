import Extraction
import Foundation
import GlossaCore
import XCTest

final class EventRecognizerTests: XCTestCase {
    /// 8 May 2024 was a Wednesday.
    let wednesday = ArticleDate(iso: "2024-05-08")

    func events(_ text: String, date: ArticleDate? = ArticleDate(iso: "2024-05-08")) -> [Event] {
        Extractor.extract(text: text, reference: date).events
    }

    func testEachMainCategoryIsRecognised() {
        let cases: [(String, EventCategory)] = [
            ("Bundeskanzler Scholz traf am Dienstag den französischen Präsidenten Macron in Paris.", .meeting),
            ("Die Außenministerin telefonierte am Abend mit ihrem chinesischen Kollegen.", .meeting),
            ("Der Internationale Währungsfonds hat der Ukraine einen Kredit über 2,2 Milliarden Dollar gewährt.", .loan),
            ("Bei der Parlamentswahl in Polen am 15. Oktober 2023 verlor die PiS ihre Mehrheit.", .election),
            ("In Tiflis demonstrierten am Wochenende Tausende gegen die Regierung.", .protest),
            ("Am Samstag gingen in Belgrad erneut Studenten auf die Straße.", .protest),
            ("Die Behörden in Minsk ließen am Freitag 18 politische Gefangene frei.", .release),
            ("Die EU verhängte neue Sanktionen gegen den Iran.", .sanctions),
            ("Der Präsident ernannte den früheren Außenminister zum Regierungschef.", .appointment),
            ("Armenien und Aserbaidschan unterzeichneten in Washington ein Friedensabkommen.", .treaty),
            ("Russland hat taktische Atomwaffen in Belarus stationiert.", .deployment),
            ("Der Putschversuch in Bolivien scheiterte nach wenigen Stunden.", .mutiny),
            ("Die Polizei hat in Istanbul mehrere Journalisten festgenommen.", .arrest),
            ("Die Regierung und die Gewerkschaften verhandelten bis in die Nacht.", .negotiation),
            ("Der Oppositionelle ist am Freitag in einem Straflager gestorben.", .death),
            ("Ein Gericht in Grodno verurteilte den Journalisten zu acht Jahren Haft.", .verdict),
            ("Nach seiner Behandlung in Berlin kehrte er nach Moskau zurück.", .travel),
            ("Russische Truppen marschierten im Februar in die Ukraine ein.", .war),
            ("Der Grenzübergang war ein Brennpunkt der Migrationskrise.", .crisis),
        ]
        for (text, category) in cases {
            let found = events(text)
            XCTAssertTrue(found.contains { $0.category == category }, "\(category) not found in: \(text) → \(found.map(\.id))")
        }
    }

    func testTheFirstBallotAndTheSecondAreTwoEvents() {
        let found = events("Merz wurde im zweiten Wahlgang zum Kanzler gewählt. Im ersten Wahlgang bei der Kanzlerwahl hatte Merz keine Mehrheit erreicht.")
        XCTAssertEqual(found.filter { $0.category == .election }.map(\.sequence), [2, 1])
    }

    func testACountIsNoYear() {
        let found = events("Minsk hat am Montag rund 1300 politische Gefangene freigelassen.", date: ArticleDate(iso: "2025-09-10"))
        XCTAssertEqual(found.first { $0.category == .release }?.date, "2025-09-08")
        XCTAssertTrue(found.allSatisfy { $0.date?.hasPrefix("1300") != true })
    }

    func testACondemnationIsNoVerdict() {
        XCTAssertFalse(events("Die Regierung verurteilte den Angriff scharf.").contains { $0.category == .verdict })
    }

    func testWeakTriggerNeedsItsCompanion() {
        // Given sanctions named without anything done to them
        // When extracting
        // Then there is no sanctions event
        XCTAssertFalse(events("Die Sanktionen gegen Russland wirken kaum.").contains { $0.category == .sanctions })
    }

    func testCompoundsAreMatchedByTheirHead() {
        let found = events("Putin sagt Tokajew Milliardenkredit zu. Die Präsidentschaftswahl fand im März statt.")
        XCTAssertEqual(found.map(\.category), [.loan, .election])
    }

    func testHypotheticalHabitualAndNegatedReportsAreExcluded() {
        let texts = [
            "Nach Einschätzung von Beobachtern könnte die EU bald neue Sanktionen verhängen.",
            "Die Regierung erwägt, Truppen an die Grenze zu verlegen.",
            "Der Minister hat mehrfach Verhandlungen angeboten.",
            "Die Opposition betont immer wieder, dass sie protestiert.",
            "Putin traf Lukaschenko nicht.",
            "Womöglich wird es ein Treffen geben.",
            "Beide Seiten sprachen über eine mögliche Einigung.",
        ]
        for text in texts {
            XCTAssertEqual(events(text).map(\.id), [], text)
        }
    }

    func testDemandedEventIsAStatementNotTheEvent() {
        let found = events("Die Bundesregierung forderte die sofortige Freilassung aller politischen Gefangenen.")
        XCTAssertEqual(found.map(\.category), [.statement])
    }

    func testDefiniteBackReferenceJoinsTheEventAndAnotherOneStartsANewOne() {
        // Given a meeting, an unrelated sentence, a back-reference and a further meeting
        let text = "Der französische Präsident Macron empfing am Montag den polnischen Regierungschef Tusk in Paris. "
            + "Das Wetter war schön. Bei dem Treffen ging es um die Ukraine. "
            + "Zwei Wochen später gab es ein weiteres Treffen in Rom."
        let extraction = Extractor.extract(text: text, reference: wednesday)
        // Then the back-reference is a second mention of the first meeting, the further meeting its own event
        XCTAssertEqual(extraction.events.map(\.id), ["meeting-1", "meeting-2"])
        XCTAssertEqual(extraction.events[0].mentions, [extraction.sentences[0], extraction.sentences[2]])
        XCTAssertEqual(extraction.events[1].mentions, [extraction.sentences[3]])
        XCTAssertEqual(extraction.events[0].actors.prefix(2), ["macron", "tusk"])
    }

    func testWhatIsSaidAtAMeetingIsAMentionOfIt() {
        // Given a meeting and a quote right after it
        let found = events("Putin empfing Lukaschenko in Sotschi. Die Lage sei schwierig, sagte er.")
        // Then the quote is a second mention of the meeting; a quote on its own is no event
        XCTAssertEqual(found.map(\.id), ["meeting-1"])
        XCTAssertEqual(found.first?.mentions.count, 2)
        XCTAssertEqual(events("Die Lage sei schwierig, sagte der Minister.").map(\.id), [])
    }

    func testTemporalAnchorIsAMentionOfTheElection() {
        let text = "Die Präsidentschaftswahl am 9. August 2020 wurde von der Opposition angefochten. Seit der Wahl protestieren Tausende."
        let found = events(text, date: ArticleDate(iso: "2020-09"))
        let election = found.first { $0.category == .election }
        XCTAssertEqual(election?.mentions.count, 2)
        XCTAssertEqual(election?.date, "2020-08-09")
    }

    func testSharedAmountJoinsMentions() {
        let text = "Russland gewährt Belarus einen Kredit über 1,5 Milliarden Dollar. Über einen Kredit von 1,5 Milliarden Dollar wurde lange spekuliert."
        let found = events(text, date: nil)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.amounts, ["1500000000 USD"])
        XCTAssertEqual(found.first?.mentions.count, 2)
        XCTAssertEqual(found.first?.label, "Kredit · Russland, Belarus · 1,5 Milliarden Dollar")
    }

    func testExplicitDate() {
        XCTAssertEqual(events("Bei der Parlamentswahl in Polen am 15. Oktober 2023 verlor die PiS ihre Mehrheit.").first?.date, "2023-10-15")
        XCTAssertEqual(events("Das Abkommen wurde im Juni 2019 unterzeichnet.", date: nil).first?.date, "2019-06")
    }

    func testRelativeDatesResolveAgainstTheArticleDate() {
        XCTAssertEqual(events("Die Außenminister trafen sich am Montag in Brüssel.").first?.date, "2024-05-06")
        XCTAssertEqual(events("Die Außenminister trafen sich am Montag in Brüssel.", date: ArticleDate(iso: "2020-09")).first?.date, "2020-09")
        XCTAssertEqual(events("Vor zwei Jahren unterzeichneten beide Länder ein Abkommen.").first?.date, "2022")
        XCTAssertEqual(events("Mitte April wurde in Kroatien ein neues Parlament gewählt.").first?.date, "2024-04")
        XCTAssertEqual(events("Letzte Woche demonstrierten Tausende in Tiflis.", date: ArticleDate(iso: "2024-05-03")).first?.date, "2024-04")
        XCTAssertEqual(events("Anfang dieses Jahres unterzeichneten beide Länder einen Vertrag.").first?.date, "2024")
    }

    func testUndatedEventsTakeTheArticleMonthOrNothing() {
        // Reported news: the article's month; what had happened before: its year; the distant past or no article date: nil
        XCTAssertEqual(events("In Berlin forderte der Regierungssprecher ein Ende der Gewalt.").first?.date, "2024-05")
        XCTAssertEqual(events("Putin hatte Lukaschenko bereits Unterstützung zugesagt.").first?.date, "2024")
        XCTAssertNil(events("Damals unterzeichneten Polen und Litauen einen Vertrag.").first?.date)
        XCTAssertNil(events("Die Außenminister trafen sich am Montag in Brüssel.", date: nil).first?.date)
    }

    func testEventsCanBeTurnedOff() {
        let options = ExtractionOptions(events: false)
        XCTAssertTrue(Extractor.extract(text: "Putin traf Lukaschenko in Sotschi.", reference: nil, options: options).events.isEmpty)
        let withoutActors = Extractor.extract(text: "Putin traf Lukaschenko in Sotschi.", reference: nil, options: ExtractionOptions(actors: false))
        XCTAssertEqual(withoutActors.events.map(\.id), ["meeting-1"])
        XCTAssertEqual(withoutActors.events.first?.actors, [])
    }

    func testJSONHasOneObjectPerMentionInTextOrder() throws {
        let text = "Putin empfing Lukaschenko am Montag in Sotschi. Dort sagte Putin ihm einen Kredit über 1,5 Milliarden Dollar zu. "
            + "Bei dem Treffen ging es auch um Gas. Damals wurde gewählt."
        let extraction = Extractor.extract(text: text, reference: ArticleDate(iso: "2020-09"))
        let line = JSONWriter.line(key: "id", name: "1", title: nil, date: ArticleDate(iso: "2020-09"), extraction: extraction)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let mentions = try XCTUnwrap(object["events"] as? [[String: Any]])
        XCTAssertEqual(mentions.map { $0["id"] as? String }, ["meeting-1", "loan-1", "meeting-1", "election-1"])
        for mention in mentions {
            XCTAssertEqual(Set(mention.keys), ["id", "start", "end", "date", "actors", "label"])
        }
        let starts = mentions.compactMap { $0["start"] as? Int }
        XCTAssertEqual(starts, starts.sorted())
        XCTAssertEqual(starts.first, 0)
        XCTAssertEqual(mentions[0]["end"] as? Int, extraction.sentences[0].end)
        XCTAssertEqual(mentions[0]["date"] as? String, "2020-09")
        XCTAssertEqual(mentions[0]["actors"] as? [String], ["putin", "lukashenko", "sochi"])
        XCTAssertEqual(mentions[1]["label"] as? String, "Kredit · Putin · 1,5 Milliarden Dollar")
        XCTAssertTrue(mentions[3]["date"] is NSNull)
    }
}
