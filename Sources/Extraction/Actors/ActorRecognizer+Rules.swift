import GlossaCore

/// Rules after the tagger, for names it cuts short or misses (measured in `Tools/ner/README.md`):
/// organizations (clubs, bodies), names with particles, and speakers no list knows.
extension ActorRecognizer {
    /// Two kinds of organization name that the tagger cuts short or misses: a club after its prefix
    /// (`FC Carl Zeiss Jena`, `SG 01 Höchst`, `1. FC Köln`) and a body named by what it is for
    /// (`Bundesamt für Gesundheit`, `Deutsches Institut für Wirtschaftsforschung`).
    func organizations(_ labels: inout [NERLabel], _ tokens: [NERToken], _ scalars: [Unicode.Scalar]) {
        func word(_ index: Int) -> String { ScalarClass.string(scalars[tokens[index].start..<tokens[index].end]) }
        func capitalised(_ index: Int) -> Bool {
            index < tokens.count && tokens[index].flags.contains(.initialUpper) && !tokens[index].flags.contains(.punctuation)
        }
        func mark(_ range: ClosedRange<Int>) {
            labels[range.lowerBound] = .beginOrganization
            for index in range.dropFirst() { labels[index] = .insideOrganization }
            // A name that went on past the new one is cut where it ends.
            if range.upperBound + 1 < tokens.count, labels[range.upperBound + 1].type != nil, !labels[range.upperBound + 1].isBegin {
                labels[range.upperBound + 1] = .outside
            }
        }
        /// `Hamburger`, `Berliner`: a place's name with `-er` (a listed place, or a word no dictionary has).
        func isPlaceAdjective(_ index: Int) -> Bool {
            let token = tokens[index]
            guard token.length >= 5, token.lastScalar == "r", scalars[token.end - 2] == "e" else { return false }
            if token.lexicon & 1 == 0 { return true }
            return gazetteer.single(ScalarHash.of(scalars, token.start..<(token.end - 2), lowercased: false))
                .map { gazetteer.entries[$0].type == .place } ?? false
        }
        var index = 0
        while index < tokens.count {
            if Self.clubPrefixes.contains(tokens[index].exact) {
                var end = index + 1
                if end < tokens.count, tokens[end].flags.contains(.digit), tokens[end].length <= 4 { end += 1 }
                var last = end - 1
                while last + 1 < tokens.count, last - end < 3, capitalised(last + 1), !Self.months.contains(tokens[last + 1].exact) { last += 1 }
                if last >= end {
                    // `1. FC Köln`: the number before the prefix belongs to the name.
                    var first = index
                    if index >= 2, word(index - 1) == ".", tokens[index - 2].flags.contains(.digit), tokens[index - 2].length == 1 { first = index - 2 }
                    mark(first...last)
                    index = last + 1
                    continue
                }
            }
            // `Hamburger Mieterverein`, `Europäische Zentralbank`: a place's or a known adjective before a body.
            if capitalised(index), index + 1 < tokens.count, capitalised(index + 1), labels[index + 1].type != .person,
               !tokens[index].flags.contains(.hyphen), Self.knownAdjectives.contains(tokens[index].lower) || isPlaceAdjective(index),
               Self.isBody(word(index + 1)),
               index + 2 >= tokens.count || tokens[index + 2].exact != Self.fuer {
                mark(index...(index + 1))
                index += 2
                continue
            }
            // `Otto-Schott-Gymnasium`, `intakt-Musikinstituts`: a compound whose last part is a body is a name
            // as a whole, unless it begins with a name of the lists (`US-Institut`: the part `US`, see GUIDELINES).
            if tokens[index].flags.contains(.hyphen), labels[index].type == nil || labels[index].type == .organization,
               let hyphen = (tokens[index].start..<tokens[index].end).last(where: { scalars[$0] == "-" }), hyphen + 4 < tokens[index].end,
               let first = (tokens[index].start..<tokens[index].end).first(where: { scalars[$0] == "-" }), first > tokens[index].start,
               gazetteer.single(ScalarHash.of(scalars, tokens[index].start..<first, lowercased: false)) == nil,
               Self.isBody(ScalarClass.string(scalars[(hyphen + 1)..<tokens[index].end]), genitive: true),
               index + 1 >= tokens.count || labels[index + 1].type == nil || labels[index + 1].isBegin {
                mark(index...index)
                index += 1
                continue
            }
            if capitalised(index), index + 2 < tokens.count, tokens[index + 1].exact == Self.fuer, capitalised(index + 2), Self.isBody(word(index)) {
                var last = index + 2
                while last + 2 < tokens.count, last - index < 8, ["und", ","].contains(word(last + 1)), capitalised(last + 2) { last += 2 }
                var first = index
                if index > 0, capitalised(index - 1), Self.isAdjective(word(index - 1)) { first = index - 1 }
                mark(first...last)
                index = last + 1
                continue
            }
            index += 1
        }
    }

    /// Names with particles, which the tagger cannot begin (they are lower case): `von der Leyen`,
    /// `van der Vaart`, `Richard von Weizsäcker`. The particles and the name after them are one person's
    /// name, joined to a first name or name before them; a lone `von`, `de` or `zu` only after one.
    func particles(_ labels: inout [NERLabel], _ tokens: [NERToken], _ scalars: [Unicode.Scalar]) {
        func word(_ index: Int) -> String { ScalarClass.string(scalars[tokens[index].start..<tokens[index].end]) }
        var index = 0
        while index < tokens.count {
            // Most words are no particle: one hash lookup each.
            guard Self.particleWords.contains(tokens[index].exact), let particles = Self.particleRuns.first(where: { run in
                index + run.count < tokens.count && run.indices.allSatisfy { tokens[index + $0].exact == ScalarHash.of(run[$0]) }
            }) else { index += 1; continue }
            let name = index + particles.count
            let token = tokens[name]
            let before = index > 0 && (labels[index - 1].type == .person || tokens[index - 1].flags.contains(.firstName))
            let unknown = token.lexicon == 0 && token.gazetteer == 0 && !gazetteer.isCommonWord(token.exact)
            // `van`, `van der`, `de la` begin names; `von der` and `von den` are also a preposition and an
            // article (`von der Saine`), so they need the tagger's person after them.
            let strong = particles[0] == "van" || particles == ["de", "la"]
            guard token.flags.contains(.initialUpper), !token.flags.contains(.punctuation), !token.flags.contains(.allCaps),
                  labels[name].type != .place, labels[name].type != .organization,
                  before || labels[name].type == .person && particles.count > 1 || strong && unknown else {
                index += 1
                continue
            }
            var first = index
            if before {
                first = index - 1
                while first > 0, labels[first].type == .person, !labels[first].isBegin { first -= 1 }
            }
            var last = name
            while last + 1 < tokens.count, labels[last + 1] == .insidePerson { last += 1 }
            labels[first] = .beginPerson
            for inside in (first + 1)...last { labels[inside] = .insidePerson }
            index = last + 1
        }
    }

    static let particleWords = HashIndex(words: particleRuns.joined())

    /// Longest first.
    static let particleRuns: [[String]] = [["von", "der"], ["von", "den"], ["van", "der"], ["van", "den"], ["de", "la"],
                                           ["van"], ["von"], ["de"], ["zu"], ["ter"], ["ten"], ["di"], ["da"], ["del"]]

    /// A lone capitalised word that no dictionary or list knows, said to speak (`so Ketterer.`,
    /// `erklärte Gates.`, `sagte Hendrix,`), is a person's name.
    func speakers(_ labels: inout [NERLabel], _ tokens: [NERToken], _ scalars: [Unicode.Scalar]) {
        for index in tokens.indices.dropFirst() where labels[index] == .outside {
            let token = tokens[index]
            guard token.flags.contains(.initialUpper), !token.flags.contains(.allCaps), !token.flags.contains(.hyphen),
                  !token.flags.contains(.punctuation), token.length >= 4, token.gazetteer == 0, token.lexicon == 0,
                  // Only the word as a whole: a surname may end in a common word (`Blaszkiewitz`).
                  !gazetteer.isCommonWord(token.exact), !Self.isPersonRole(token, scalars) else { continue }
            let before = ScalarClass.string(scalars[tokens[index - 1].start..<tokens[index - 1].end]).lowercased()
            let after = index + 1 < tokens.count ? ScalarClass.string(scalars[tokens[index + 1].start..<tokens[index + 1].end]) : "."
            guard Self.speechVerbs.contains(before), [".", ",", ":", ";", "!", "?", "\"", "“", "«", "»", "(", "–"].contains(after) else { continue }
            labels[index] = .beginPerson
        }
    }

    static let speechVerbs: Set<String> = ["so", "sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "meinte", "meint",
                                           "warnte", "warnt", "kritisierte", "kritisiert", "forderte", "fordert", "schrieb", "schreibt",
                                           "ergänzte", "fügte", "versicherte", "räumte", "bestätigte", "sagten", "berichtete", "erzählte"]

    /// Abbreviations that begin a club's name.
    static let clubPrefixes = HashIndex(words: ["FC", "SC", "SV", "SG", "TSV", "VfB", "VfL", "TuS", "BSC", "FSV", "SpVgg", "AS", "AC",
                                                "SSC", "TSG", "SSV", "ASV", "DJK", "KSV", "FK", "SK", "CF", "OSC", "PSV", "VfR", "SpVg"])
    /// Last parts of the names of bodies (`Bundesamt`, `Umweltbundesamt`, `Forschungszentrum`).
    static let bodies = ["amt", "ministerium", "institut", "zentrum", "agentur", "behörde", "kommission", "verband", "stiftung",
                         "anstalt", "akademie", "gesellschaft", "bundesrat", "beirat", "sachverständigenrat", "vereinigung", "bund",
                         "gewerkschaft", "kammer", "forum", "büro", "dienst", "werk", "hochschule", "universität", "verein",
                         "gymnasium", "schule", "bank", "zentralbank", "zeitung", "partei", "union", "klinik", "klinikum", "gericht"]

    static func isBody(_ word: String, genitive: Bool = false) -> Bool {
        var lower = word.lowercased()
        if genitive, lower.hasSuffix("s"), !bodies.contains(where: { lower.hasSuffix($0) }) { lower.removeLast() }
        return lower.count >= 4 && bodies.contains { lower == $0 || lower.hasSuffix($0) && lower.count > $0.count + 2 }
    }

    static let fuer = ScalarHash.of("für")

    /// Adjectives that begin the names of bodies (`Europäische Zentralbank`, `Deutsche Bank`), by the
    /// hash of their lower case (`NERToken.lower`).
    static let knownAdjectives = HashIndex(words: ["deutsche", "deutsches", "deutschen", "europäische", "europäisches", "europäischen",
                                               "statistische", "statistisches", "statistischen", "internationale", "internationaler",
                                               "internationalen", "evangelische", "katholische", "freie", "freien", "vereinte", "vereinten"])

    /// `Deutsches`, `Statistische`, `Europäischen`: a capitalised adjective before a body's name.
    static func isAdjective(_ word: String) -> Bool {
        let lower = word.lowercased()
        return lower.count >= 6 && ["ische", "isches", "ischen", "sche", "sches", "schen", "ale", "ales", "alen"].contains(where: lower.hasSuffix)
            || knownAdjectives.contains(ScalarHash.of(lower))
    }
}
