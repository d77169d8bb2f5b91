@testable import Extraction
import GlossaCore
import XCTest

/// Actor mentions: spans and types as the gold guidelines draw them, canonical ids, parts of compounds.
final class ActorRecognizerTests: XCTestCase {
    func actors(_ text: String) -> [(String, ActorType, String, Bool)] {
        Extractor.extract(text: text, reference: nil).actors.map { ($0.text, $0.type, $0.actor, $0.part) }
    }

    func assertActors(_ text: String, _ expected: [(String, ActorType, String, Bool)], file: StaticString = #filePath, line: UInt = #line) {
        let found = actors(text)
        XCTAssertEqual(found.map(\.0), expected.map(\.0), text, file: file, line: line)
        XCTAssertEqual(found.map(\.1), expected.map(\.1), text, file: file, line: line)
        XCTAssertEqual(found.map(\.2), expected.map(\.2), text, file: file, line: line)
        XCTAssertEqual(found.map(\.3), expected.map(\.3), text, file: file, line: line)
    }

    func testPeopleWithFullNamesAndPlaces() {
        assertActors("Der russische Präsident Wladimir Putin hat seinem Kollegen Alexander Lukaschenko in Sotschi einen Kredit zugesagt.", [
            ("Wladimir Putin", .person, "putin", false),
            ("Alexander Lukaschenko", .person, "lukashenko", false),
            ("Sotschi", .place, "sochi", false),
        ])
    }

    func testNamesNoListKnows() {
        let found = actors("Der neue Sondergesandte Tomasz Wrzesniewski traf sich in Grodno mit Vertretern des Menschenrechtszentrums Viasna.")
        XCTAssertEqual(found.first?.0, "Tomasz Wrzesniewski")
        XCTAssertEqual(found.first?.1, .person)
        XCTAssertTrue(found.contains { $0.0 == "Grodno" && $0.1 == .place })
    }

    func testAliasesShareOneActor() {
        let text = "Belarus, auch Weißrussland genannt, und die USA. Die Vereinigten Staaten und Weißrusslands Präsident Lukaschenko. Lukaschenkos Kritiker."
        let found = actors(text)
        let ids = Dictionary(found.map { ($0.0, $0.2) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(ids["Belarus"], ids["Weißrussland"])
        XCTAssertEqual(ids["Belarus"], ids["Weißrusslands"])
        XCTAssertEqual(ids["USA"], ids["Vereinigten Staaten"])
        XCTAssertEqual(ids["Lukaschenko"], ids["Lukaschenkos"])
        XCTAssertNotEqual(ids["Belarus"], ids["USA"])
    }

    func testUnknownSurnameWithGenitiveGroupsWithItsFullName() {
        let found = Extractor.extract(text: "Die Ministerin Katarzyna Nowakowska reiste ab. Nowakowskas Sprecher schwieg.", reference: nil).actors
        let people = found.filter { $0.type == .person }
        XCTAssertEqual(people.map(\.text), ["Katarzyna Nowakowska", "Nowakowskas"])
        XCTAssertEqual(Set(people.map(\.actor)).count, 1)
        XCTAssertEqual(people.last?.name, "Katarzyna Nowakowska")
    }

    func testNamePartsOfHyphenatedCompounds() {
        assertActors("Der US-Diplomat sprach mit dem Kreml-Chef über die Nato-Erweiterung.", [
            ("US", .place, "usa", true),
            ("Kreml", .organization, "kremlin", true),
            ("Nato", .organization, "nato", true),
        ])
        // A part only when it is a name: no part in Druschba-Ölpipeline, Regime-Change.
        XCTAssertTrue(actors("Die Druschba-Ölpipeline und der Regime-Change.").isEmpty)
    }

    /// Clubs after their prefix, bodies named by what they are for or by a place's adjective, and
    /// compounds whose last part is a body; a compound that begins with a listed name stays a part.
    func testOrganizationsTheTaggerCutsShort() {
        func organizations(_ text: String) -> [String] {
            Extractor.extract(text: text, reference: nil).actors.filter { $0.type == .organization && !$0.part }.map(\.text)
        }
        XCTAssertEqual(organizations("Der FC Carl Zeiss Jena verlor gegen den 1. FC Köln und die SG 01 Höchst."),
                       ["FC Carl Zeiss Jena", "1. FC Köln", "SG 01 Höchst"])
        XCTAssertEqual(organizations("Das Bundesamt für Gesundheit widersprach dem Deutschen Institut für Wirtschaftsforschung."),
                       ["Bundesamt für Gesundheit", "Deutschen Institut für Wirtschaftsforschung"])
        XCTAssertEqual(organizations("Der Hamburger Mieterverein und der Chor des Otto-Schott-Gymnasiums sammeln Spenden."),
                       ["Hamburger Mieterverein", "Otto-Schott-Gymnasiums"])
        let parts = Extractor.extract(text: "Ein US-Institut widersprach.", reference: nil).actors
        XCTAssertEqual(parts.map(\.text), ["US"])
        XCTAssertEqual(parts.first?.part, true)
    }

    /// A word no dictionary or list knows, said to speak, is a person.
    func testASpeakerNoListKnows() {
        let found = Extractor.extract(text: "„Wir sind zufrieden“, so Ketterer. Die Lage sei ernst, erklärte Blaszkiewitz.", reference: nil).actors
        XCTAssertEqual(found.map(\.text), ["Ketterer", "Blaszkiewitz"])
        XCTAssertEqual(found.map(\.type), [.person, .person])
        XCTAssertEqual(Extractor.extract(text: "Das sei wichtig, sagte Lehrerin.", reference: nil).actors.map(\.text), [])
    }

    /// Names with particles are one person's name; `von der` before a word that is no person's is not.
    func testNamesWithParticles() {
        func people(_ text: String) -> [String] {
            Extractor.extract(text: text, reference: nil).actors.filter { $0.type == .person }.map(\.text)
        }
        XCTAssertEqual(people("Ursula von der Leyen reiste nach Kiew."), ["Ursula von der Leyen"])
        XCTAssertEqual(people("Der Trainer lobte van der Vaart."), ["van der Vaart"])
        XCTAssertEqual(people("Das sagte Richard von Weizsäcker in Bonn."), ["Richard von Weizsäcker"])
        XCTAssertEqual(people("Das Boot fuhr von der Saine bis zur Mündung."), [])
    }

    func testAdjectivesAndDescriptionsAreNotActors() {
        XCTAssertTrue(actors("Der russische Präsident und die belarussische Regierung trafen sich gestern.").isEmpty)
    }

    func testSpansMatchTheirTextAfterAHeader() {
        let text = " date 2020-09\nPutin empfängt Lukaschenko in Sotschi.\nMoskau (AFP) - Der Kreml bestätigte das Treffen."
        let (article, extraction) = Extractor.article(path: "a.txt", text: text)
        let scalars = Array(article.text.unicodeScalars)
        XCTAssertFalse(extraction.actors.isEmpty)
        for actor in extraction.actors {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[actor.span.start..<actor.span.end])), actor.text)
            XCTAssertGreaterThanOrEqual(actor.span.start, article.metadata.contentStart)
        }
        // The dateline outside any sentence is still read: Moskau and AFP.
        XCTAssertTrue(extraction.actors.contains { $0.text == "Moskau" && $0.type == .place })
        XCTAssertTrue(extraction.actors.contains { $0.text == "AFP" && $0.type == .organization })
    }

    func testJSONLineCarriesActors() throws {
        let extraction = Extractor.extract(text: "Putin traf Lukaschenko in Minsk.", reference: nil)
        let line = JSONWriter.line(key: "id", name: "1", title: nil, date: nil, extraction: extraction)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let actors = try XCTUnwrap(object["actors"] as? [[String: Any]])
        XCTAssertEqual(actors.map { $0["text"] as? String }, ["Putin", "Lukaschenko", "Minsk"])
        XCTAssertEqual(actors.map { $0["type"] as? String }, ["person", "person", "place"])
        XCTAssertEqual(actors[2]["actor"] as? String, "minsk")
        XCTAssertEqual(actors[0]["name"] as? String, "Wladimir Putin")
        XCTAssertEqual(actors[0]["start"] as? Int, 0)
        XCTAssertEqual(actors[0]["end"] as? Int, 5)
    }

    func testActorsCanBeTurnedOff() {
        XCTAssertTrue(Extractor.extract(text: "Putin traf Lukaschenko.", reference: nil, options: ExtractionOptions(actors: false)).actors.isEmpty)
    }

    func testARoleBeforeANameIsNeitherPartOfTheNameNorItsType() {
        // A compound whose head is a role noun (feminine, or a compound of a listed noun) is cut off
        // the name that follows; the name is a person's.
        assertActors("Die UN-Menschenrechtskommissarin Michelle Bachelet verlangte am Montag eine Untersuchung.", [
            ("UN", .organization, "un", true),
            ("Michelle Bachelet", .person, "bachelet", false),
        ])
        let gazetteer = Gazetteer.standard
        func noun(_ word: String) -> Bool {
            let scalars = Array(word.unicodeScalars)
            return gazetteer.isCommonNoun(scalars, 0..<scalars.count)
        }
        XCTAssertTrue(noun("Kommissarin"), "the feminine form of a listed noun")
        XCTAssertTrue(noun("Menschenrechtskommissarin"), "a compound whose last part is listed")
        XCTAssertFalse(noun("Bachelet"))
        XCTAssertFalse(noun("Lukaschenko"))
    }

    func testTheDecoderOnlyGivesValidLabelSequences() throws {
        // Viterbi over BIO: an inside label only after a label of its type, and a word that cannot
        // begin a name (lower case, no list match) is outside after outside.
        let model = try XCTUnwrap(TaggerModel.standard, "the shipped model loads")
        let extractor = FeatureExtractor(bits: model.bits)
        let text = "Der Kreml-Sprecher Dmitri Peskow sagte, die Organisation des Vertrags über kollektive Sicherheit tage in Minsk. "
            + "laut dpa und nach Angaben von van der Bellen kamen 300 Menschen; Angela Merkel schwieg."
        let scalars = ScalarClass.scalars(of: text)
        var tokens = NERTokenizer.tokens(scalars, from: Tokenizer.tokenize(scalars, in: 0..<scalars.count))
        let segment = 0..<tokens.count
        Gazetteer.standard.annotate(&tokens, segment)
        let labels = model.decode(tokens, segment, extractor: extractor)
        XCTAssertEqual(labels.count, tokens.count)
        var previous = NERLabel.outside
        for (token, label) in zip(tokens, labels) {
            if !label.isBegin, label != .outside { XCTAssertEqual(previous.type, label.type, "I- follows its own type") }
            if previous == .outside, !TaggerModel.canBegin(token) { XCTAssertEqual(label, .outside) }
            previous = label
        }
        XCTAssertTrue(labels.contains(.beginPerson), "Dmitri Peskow or Angela Merkel is found")
    }

    func testAModelKeepsItsStrongestRows() {
        var model = TaggerModel(bits: 10)
        for bucket in 0..<8 { model.weights[bucket] = SIMD8<Float>(repeating: Float(bucket + 1) * (bucket % 2 == 0 ? 1 : -1)) }
        model.keepStrongestRows(3)
        let kept = model.weights.indices.filter { model.weights[$0] != SIMD8<Float>(repeating: 0) }
        XCTAssertEqual(kept, [5, 6, 7], "the three largest by magnitude, whatever their sign")
    }
}
