import GlossaCore

/// What a word does for event recognition: it may trigger a category, complete a weak trigger, or mark
/// its clause (hedged, negated, a demand, a definite determiner ...).
struct EventWord: Sendable {
    enum Case: UInt8, Sendable { case any, noun, verb }

    /// A marker that a word sets on its clause or sentence.
    struct Marker: OptionSet, Sendable {
        let rawValue: UInt16
        static let hedge = Marker(rawValue: 1)          // könnte, womöglich, erwägt: not (yet) a fact
        static let habitual = Marker(rawValue: 2)       // mehrfach, immer wieder: no single occurrence
        static let negation = Marker(rawValue: 4)       // nicht, nie, kein
        static let demand = Marker(rawValue: 8)         // forderte, verlangt: what follows is demanded
        static let definite = Marker(rawValue: 16)      // der, dem, dieses, seiner: refers back
        static let indefinite = Marker(rawValue: 32)    // ein, eine
        static let noDeterminer = Marker(rawValue: 64)  // kein, keine
        static let pluperfect = Marker(rawValue: 128)   // hatte, hatten
        static let distantPast = Marker(rawValue: 256)  // damals, einst
        static let future = Marker(rawValue: 512)       // soll, geplant, künftig
        static let recent = Marker(rawValue: 1024)      // kürzlich, vor kurzem: the article's year
        static let another = Marker(rawValue: 2048)     // weitere, neue, erneute: not the one before
        static let possible = Marker(rawValue: 4096)    // eine mögliche Einigung: not a fact
        static let considering = Marker(rawValue: 8192) // erwägt, prüft: what follows is only considered
        static let dateWord = Marker(rawValue: 16384)   // Montag, August, letzte, kürzlich: a date may start here
        static let first = Marker(rawValue: 32768)      // erste, ersten: the first of several (not the second)
    }

    var trigger: EventCategory?
    /// The trigger needs a companion of its category in its clause (`Sanktionen` + `verhängt`).
    var weak = false
    /// A statement that counts only as said at a meeting just reported (`sagte er`).
    var frameOnly = false
    var wordCase = Case.any
    /// The separable particle that must end the clause (`sicherte … zu`), or 0.
    var particle: UInt64 = 0
    /// The words that must precede, nearest first (`auf die Straße`: `die`, `auf`); 0 for none.
    var previous: (UInt64, UInt64) = (0, 0)
    /// The categories whose weak triggers this word completes.
    var companions: UInt32 = 0
    var marker: Marker = []
}

/// The trigger lexicon: German word forms per category, compound heads (`…kredit`, `…wahl`) found
/// inside longer words, and the clause markers. Looked up by a hash of the lower-cased word read
/// backwards, so that one pass over a word yields the keys of all its endings.
struct EventLexicon: Sendable {
    static let shared = EventLexicon()

    /// Whole words → a range of `variants` (start << 8 | count, and `triggerFlag` if one of them triggers).
    private(set) var words = HashIndex(capacity: 1024)
    /// Compound heads (nouns that may end a longer word) → a range of `variants`.
    private(set) var heads = HashIndex(capacity: 512)
    /// Bit filters (64 Ki bits, indexed by the top 16 bits of a key) of the whole words and of the last
    /// three letters of every head: most words miss both and cost no table lookup.
    private(set) var wordFilter = [UInt64](repeating: 0, count: 1024)
    private(set) var headEndingFilter = [UInt64](repeating: 0, count: 1024)
    /// The same filter of the heads themselves, asked before each `heads` lookup.
    private(set) var headFilter = [UInt64](repeating: 0, count: 1024)
    /// The length of the shortest trigger word (`kam … frei`).
    private(set) var shortestTrigger = Int.max
    static let triggerFlag: Int32 = 1 << 30
    /// Set in a reference when a date expression may start with the word (`Montag`, `August`).
    static let dateFlag: Int32 = 1 << 29
    private(set) var variants: [EventWord] = []

    /// Entry syntax: `+stem(,e,en)` a noun that may head a compound, `^word` a noun used whole,
    /// `word` a verb form, `~` a weak trigger, `word>zu` a separable verb, `word<die<auf` a phrase,
    /// `!word` a word that is no trigger even though it ends in one (`Auswahl`), `*word` a statement
    /// that counts only as said at a meeting just reported.
    static let triggers: [(EventCategory, String)] = [
        (.meeting, """
         +treffen(,s) +gipfel(,s,n) +besuch(,s,es,e,en) +gespräch(,s,e,en) +telefonat(,s,e,en) +konferenz(,en)
         ^zusammenkunft ^zusammenkünfte +unterredung(,en) +begegnung(,en) ^reise ^auslandsreise(,n) ^staatsreise(,n)
         ^dienstreise(,n) ^visite traf trafen trifft ~treffen ~getroffen zusammengetroffen empfängt empfing empfingen
         empfangen besuchte besuchten besucht telefonierte telefonierten telefoniert kam>zusammen kamen>zusammen
         !betreffen !zutreffen !übertreffen !eintreffen !antreffen !besucher(,s,n) !interview(,s)
         """),
        (.loan, """
         +kredit(,e,en,s,es) +darlehen(,s) ^kreditlinie(,n) ~+finanzhilfe(,n) ~+wirtschaftshilfe(,n)
         ~^hilfspaket(,e,s,en) ~^finanzspritze(,n)
         """),
        (.election, """
         +wahl(,en) +wahlgang(,s,es) +wahlgänge(,n) +referendum(,s) ^referenden +volksabstimmung(,en) ^wahlfälschung(,en) ^wahlbetrug(,s)
         ^wahlsieg(,s,es) ^urnengang(,s) gewählt wiedergewählt wählten !auswahl !wortwahl !berufswahl !partnerwahl
         !studienwahl !themenwahl !standortwahl !farbwahl
         """),
        (.protest, """
         +protest(,e,en,s,es) +demonstration(,en) +kundgebung(,en) ^demo(,s) +streik(,s,e,en) ^demonstranten
         ^demonstrantinnen demonstrierten demonstrierte demonstriert protestierten protestierte protestiert
         streikten straße<die<auf straßen<die<auf
         """),
        (.release, """
         +freilassung(,en) ^begnadigung(,en) +amnestie ^gefangenenaustausch(,s,es) ^haftentlassung(,en)
         freigelassen freigekommen begnadigt begnadigte begnadigten ließ>frei ließen>frei lässt>frei kam>frei
         kamen>frei kommt>frei
         """),
        (.sanctions, """
         ~+sanktion(,en) ~+strafmaßnahme(,n) ~+embargo(,s) +sanktionspaket(,e,s,es) +sanktionsliste(,n) sanktioniert sanktionierte
         """),
        (.appointment, """
         ernannt ernannte ernannten ernennt +ernennung(,en) berief +rücktritt(,s,e,es) zurückgetreten trat>zurück
         tritt>zurück traten>zurück vereidigt +vereidigung(,en) ^amtseinführung
         """),
        (.treaty, """
         +abkommen(,s) +vertrag(,s,es) +verträge(,n) +vereinbarung(,en) unterzeichnet unterzeichnete unterzeichneten
         unterschrieben unterschrieb ratifiziert ratifizierte +ratifizierung !arbeitsvertrag(,s,es) !mietvertrag(,s,es)
         !kaufvertrag(,s,es) !ehevertrag(,s,es) !arbeitsverträge(,n)
         """),
        (.deal, "+deal(,s) +einigung(,en) geeinigt einigten einigte"),
        (.mutiny, """
         +meuterei(,en) +aufstand(,s,es) +aufstände(,n) +putsch(,es,e) ^putschversuch(,s,e,es) +revolte(,n)
         +rebellion(,en) ^umsturz(,es) ^umsturzversuch(,s,e) meuterte meuterten rebellierte rebellierten
         putschte putschten
         """),
        (.deployment, """
         +stationierung(,en) stationiert stationierte stationierten stationieren entsandt entsandte entsandten
         entsendet +entsendung(,en) +brigade(,n) ~verlegt ~verlegte ~verlegten ~+verlegung(,en) ~verlegen
         """),
        (.military, """
         +angriff(,e,en,s,es) +offensive(,n) +manöver(,s,n) +militärübung(,en) +luftschlag(,s) +luftschläge(,n)
         +gefecht(,e,en) beschossen beschoss bombardiert bombardierte bombardierten +beschuss(,es)
         """),
        (.war, """
         +einmarsch(,es) +invasion(,en) überfiel überfielen ^kriegsbeginn ^kriegsausbruch +angriffskrieg(,s,es,e,en)
         ^krieg(,s,es) einmarschiert einmarschierten einzumarschieren marschierte>ein marschierten>ein
         """),
        (.incident, """
         +anschlag(,s,es) +anschläge(,n) +explosion(,en) +absturz(,es) abgestürzt +zwischenfall(,s) +zwischenfälle(,n)
         +vorfall(,s) +vorfälle(,n) +luftraumverletzung(,en) +sabotage +sabotageakt(,e,s) +cyberangriff(,e,en,s)
         """),
        (.arrest, """
         +festnahme(,n) festgenommen +verhaftung(,en) verhaftet verhaftete verhafteten inhaftiert inhaftierte ^haft
         ^untersuchungshaft nahm>fest nahmen>fest
         """),
        (.negotiation, """
         +verhandlung(,en) verhandelt verhandelte verhandelten verhandeln +friedensgespräch(,e,en) +sondierung(,en)
         +sondierungsgespräch(,e,en) +waffenstillstandsgespräch(,e,en) +waffenruhegespräch(,e,en)
         """),
        (.accession, "+beitritt(,s,es) beigetreten trat>bei traten>bei"),
        (.award, "verliehen +verleihung(,en)"),
        (.annexation, "+annexion(,en) annektiert annektierte annektierten ^angliederung"),
        (.border, """
         +grenzschließung(,en) ~^grenze(,n) ~^staatsgrenze(,n) ~^grenzübergang(,s,es) ~^grenzübergänge(,n)
         ~^übergang(,s,es) ~^kontrollpunkt(,s,es,e,en) ~+schließung(,en)
         """),
        (.crisis, "+krise(,n) !chefkrise"),
        (.death, """
         +tod(,es) ^todesursache ^todesfall(,s) ^leichnam(,s) gestorben starb starben verstorben verstarb
         leben<ums getötet tot
         """),
        (.verdict, """
         +urteil(,s,e,en) +haftstrafe(,n) +gefängnisstrafe(,n) ^lagerhaft ^schuldspruch(,s) ~verurteilt
         ~verurteilte ~verurteilten
         """),
        (.travel, "+rückkehr zurückgekehrt kehrte>zurück kehrten>zurück kehrt>zurück reiste reisten gereist"),
        (.supportPledge, """
         zugesagt zugesichert versprach versprachen sagte>zu sagt>zu sagten>zu sicherte>zu sicherten>zu sichert>zu
         +unterstützungszusage(,n)
         """),
        (.statement, """
         forderte forderten fordert verlangte verlangten erklärte erklärten warnte warnten warnt betonte betonten
         bekräftigte bekräftigten kritisierte kritisierten verurteilte verurteilten appellierte appellierten drohte
         drohten verkündete verkündeten angekündigt kündigte>an kündigten>an kündigt>an deutete>an angedeutet
         teilte>mit teilten>mit mitgeteilt rief>auf riefen>auf +erklärung(,en) +ankündigung(,en) +pressekonferenz(,en)
         *sagte *sagten *sprach>aus *sprachen>aus *äußerte *äußerten
         """),
        (.report, """
         +bericht(,e,en,s,es) +studie(,n) +umfrage(,n) ^gutachten veröffentlichte veröffentlichten berichtete
         berichteten !medienbericht(,e,en,s) !pressebericht(,e,en,s) !zeitungsbericht(,e,en,s)
         """),
    ]

    /// Words that complete weak triggers of a category (`Sanktionen … verhängt`, `Treffen … sich`).
    static let companions: [(EventCategory, String)] = [
        (.meeting, "sich"),
        (.loan, """
         zugesagt zugesichert gewährt gewährte gewährten bewilligt bewilligte bewilligten erhält erhielt erhielten
         erhalten bereitgestellt überwiesen ausgezahlt zusagen sagte>zu sagt>zu sagten>zu sicherte>zu sicherten>zu
         stellte>bereit
         """),
        (.sanctions, """
         verhängt verhängte verhängten verhängen beschlossen beschloss beschlossenen aufgehoben gelockert lockert
         lockerte lockerten lockern verschärft verschärfte verlängert verlängerte erlassen neue neuen weitere
         weiteren aufhebung lockerung verhängung hob>auf hoben>auf hebt>auf
         """),
        (.deployment, """
         truppen soldaten soldatinnen einheiten brigade brigaden kampfjets raketen panzer streitkräfte bataillon
         bataillone atomwaffen
         """),
        (.border, """
         sperrt sperrte sperrten gesperrt schloss schlossen geschlossen schließt schließen ausgesetzt auszusetzen
         aussetzen setzte>aus abgeriegelt riegelte>ab geöffnet öffnet wiedereröffnet
         """),
        (.sanctions, "sanktionsliste sanktionslisten gesetzt"),
        (.verdict, "gericht gerichts gerichtshof haft jahren jahre strafkolonie straflager lager haftstrafe"),
    ]

    static let markers: [(EventWord.Marker, String)] = [
        (.hedge, """
         könnte könnten könne würde würden wäre wären hätte hätten womöglich möglicherweise vielleicht eventuell
         falls sollte sollten dürfte dürften
         """),
        (.considering, "erwägt erwägen erwog erwogen prüft prüfen prüfte überlegt überlegen"),
        (.habitual, "mehrfach wiederholt stets regelmäßig oftmals wieder<immer mal<jedes"),
        (.negation, "nicht nie niemals kein keine keinen keinem keiner keines"),
        (.demand, "fordert forderte forderten fordern verlangt verlangte verlangten verlangen appellierte drängte drängt mahnte"),
        (.definite, """
         der die das dem den des im am beim zum zur vom ins diese dieser dieses diesem diesen jene jener jenes jenem
         jenen sein seine seiner seinem seinen seines ihr ihre ihrer ihrem ihren ihres dessen deren
         """),
        (.indefinite, "ein eine einen einem einer eines"),
        (.noDeterminer, "kein keine keinen keinem keiner keines"),
        (.pluperfect, "hatte hatten"),
        (.distantPast, "damals einst seinerzeit früher"),
        (.future, "soll sollen will wollen geplant plant planen künftig bald"),
        (.recent, "kürzlich jüngst neulich kurzem<vor"),
        (.possible, "mögliche möglichen möglicher mögliches etwaige etwaigen etwaiger denkbare denkbaren hypothetische hypothetischen"),
        (.first, "erste ersten erster erstes"),
        (.another, "weitere weiteren weiterer weiteres neue neuen neuer neues erneute erneuten erneuter zweite zweiten zweiter zweites"),
    ]

    init() {
        var byKey: [UInt64: [EventWord]] = [:]
        var headKeys: Set<UInt64> = []
        var blocked: Set<UInt64> = []
        func add(_ spec: String, _ fill: (inout EventWord) -> Void) {
            for token in spec.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                var text = Substring(token)
                var word = EventWord()
                fill(&word)
                var isHead = false, isBlock = false
                while let first = text.first, "~+^!*".contains(first) {
                    switch first {
                    case "~": word.weak = true
                    case "*": word.frameOnly = true
                    case "+": isHead = true; word.wordCase = .noun
                    case "^": word.wordCase = .noun
                    default: isBlock = true
                    }
                    text = text.dropFirst()
                }
                if let mark = text.firstIndex(of: ">") {
                    word.particle = Self.key(text[text.index(after: mark)...])
                    text = text[..<mark]
                }
                let phrase = text.split(separator: "<")
                let previous = phrase.dropFirst().map { Self.key($0) }
                word.previous = (previous.first ?? 0, previous.dropFirst().first ?? 0)
                if word.trigger != nil, word.wordCase == .any, previous.isEmpty { word.wordCase = .verb }
                for form in Self.forms(phrase[0]) {
                    let key = Self.key(form)
                    if isBlock { blocked.insert(key); continue }
                    byKey[key, default: []].append(word)
                    if word.trigger != nil { shortestTrigger = min(shortestTrigger, form.unicodeScalars.count) }
                    if isHead { headKeys.insert(key) }
                }
            }
        }
        for (category, spec) in Self.triggers { add(spec) { $0.trigger = category } }
        for (category, spec) in Self.companions { add(spec) { $0.companions = category.bit } }
        for (marker, spec) in Self.markers { add(spec) { $0.marker = marker } }
        add(EventDateFinder.startWords.joined(separator: " ")) { $0.marker = .dateWord }
        var table = HashIndex(capacity: byKey.count + blocked.count)
        var headTable = HashIndex(capacity: headKeys.count)
        for (key, list) in byKey.sorted(by: { $0.key < $1.key }) {
            var reference = Int32(variants.count << 8 | list.count)
            if list.contains(where: { $0.trigger != nil }) { reference |= Self.triggerFlag }
            if list.contains(where: { $0.marker.contains(.dateWord) }) { reference |= Self.dateFlag }
            variants += list
            table.insert(key, reference)
            if headKeys.contains(key) {
                headTable.insert(key, reference)
                Self.set(key, in: &headFilter)
            }
        }
        for spec in Self.triggers.map(\.1) {
            for token in spec.split(whereSeparator: { $0 == " " || $0 == "\n" }) where token.hasPrefix("+") || token.hasPrefix("~+") {
                let stem = token.drop(while: { "~+".contains($0) }).prefix(while: { $0 != "(" })
                for form in Self.forms(Substring(stem + token.drop(while: { $0 != "(" }))) {
                    Self.set(Self.key(form.suffix(3)), in: &headEndingFilter)
                }
            }
        }
        // A blocked word is known (so no head inside it is looked for) but has no variants.
        for key in blocked where table.find(key) == nil { table.insert(key, 0) }
        for key in Array(byKey.keys) + blocked { Self.set(key, in: &wordFilter) }
        words = table
        heads = headTable
    }

    /// `stem(,e,en)` → stem, steme, stemen.
    static func forms(_ text: Substring) -> [Substring] {
        guard let open = text.firstIndex(of: "("), text.last == ")" else { return [text] }
        let stem = text[..<open]
        let endings = text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: ",", omittingEmptySubsequences: false)
        return endings.map { Substring(String(stem) + $0) }
    }

    /// The indices in `variants` a table reference points to.
    func variants(_ reference: Int32) -> Range<Int> {
        let start = Int((reference & ~(Self.triggerFlag | Self.dateFlag)) >> 8)
        return start..<start + Int(reference & 0xFF)
    }
}
