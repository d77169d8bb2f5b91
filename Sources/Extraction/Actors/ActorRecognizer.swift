import Foundation
import GlossaCore

/// Finds actor mentions: list matches and a learned tagger propose names, names inside hyphenated
/// compounds are added as parts, and `ActorResolver` gives every mention its canonical actor.
public struct ActorRecognizer: Sendable {
    package let model: TaggerModel?
    package let gazetteer: Gazetteer
    public let catalog: ActorCatalog

    package init(model: TaggerModel?, gazetteer: Gazetteer, catalog: ActorCatalog = ActorCatalog()) {
        self.model = model
        self.gazetteer = gazetteer
        self.catalog = catalog
    }

    /// The shipped model and lists, with the user's actors on top.
    public init(catalog: ActorCatalog = ActorCatalog()) {
        self.init(model: TaggerModel.standard, gazetteer: Gazetteer.standard, catalog: catalog)
    }

    /// A mention before resolution: span, type, whether it is a compound part, and its list entry.
    package struct Candidate {
        package var start: Int
        package var end: Int
        package var type: ActorType
        package var part: Bool
        package var entry: Int?
        package var user: Bool = false
    }

    package func recognize(_ scalars: [Unicode.Scalar], tokens source: [Token], sentences: [TextSpan]) -> [ActorMention] {
        var tokens = NERTokenizer.tokens(scalars, from: source)
        let segments = Self.segments(tokens, sentences: sentences)
        var labels = [NERLabel](repeating: .outside, count: tokens.count)
        gazetteer.annotate(&tokens, segments: segments)
        if let model {
            let extractor = FeatureExtractor(bits: model.bits)
            for segment in segments { model.tag(tokens, segment, extractor: extractor, into: &labels) }
        } else {
            for (index, token) in tokens.enumerated() { labels[index] = NERLabel(rawValue: token.gazetteer) ?? .outside }
        }
        repair(&labels, tokens, scalars)
        particles(&labels, tokens, scalars)
        organizations(&labels, tokens, scalars)
        speakers(&labels, tokens, scalars)
        propagate(&labels, tokens)
        var candidates = spans(tokens, labels: labels, scalars: scalars)
        if !catalog.isEmpty { candidates = userMatches(tokens, segments: segments, over: candidates) }
        candidates = addParts(tokens, labels: labels, scalars: scalars, to: candidates)
        return ActorResolver(scalars: scalars, gazetteer: gazetteer, catalog: catalog).resolve(candidates)
    }

    /// Runs of tokens that the tagger sees together: sentences, and outside them single lines
    /// (datelines, credits, speaker labels).
    package static func segments(_ tokens: [NERToken], sentences: [TextSpan]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var sentence = 0
        var line = 0
        var key = Int.min
        var start = 0
        for (index, token) in tokens.enumerated() {
            while sentence < sentences.count, sentences[sentence].end <= token.start { sentence += 1 }
            if token.flags.contains(.startsLine) { line += 1 }
            let inside = sentence < sentences.count && sentences[sentence].start <= token.start
            let tokenKey = inside ? sentence : -1 - line
            if tokenKey != key {
                if index > start { result.append(start..<index) }
                start = index
                key = tokenKey
            }
        }
        if tokens.count > start { result.append(start..<tokens.count) }
        return result
    }

    /// Fixes the greedy tagger's typical slips with what the lists know:
    /// a first name split from its surname (`Wladimir` `Putin`, `Dmitri` left out of `Dmitri Peskow`)
    /// is joined; a compound whose head is a common word (`Kreml-Sprecher`) is not a name as a whole
    /// (its name part is found later), nor the start of the name after it; a common noun trailing a
    /// name is cut off.
    private func repair(_ labels: inout [NERLabel], _ tokens: [NERToken], _ scalars: [Unicode.Scalar]) {
        for index in tokens.indices {
            let token = tokens[index]
            guard let type = labels[index].type else { continue }
            if labels[index].isBegin, token.flags.contains(.hyphen), token.gazetteer == 0,
               gazetteer.isCommonWord(token.head) || isCommonHead(token, scalars) {
                labels[index] = .outside
                // A role before a name (`UN-Menschenrechtskommissarin Michelle Bachelet`): the name
                // begins after it, a person's when it starts with a first name.
                var next = index + 1
                if next < tokens.count, labels[next].type == type, !labels[next].isBegin {
                    let person = tokens[next].flags.contains(.firstName) || Self.isPersonRole(token, scalars)
                    labels[next] = .begin(person ? .person : type)
                    next += 1
                    while person, next < tokens.count, labels[next].type == type, !labels[next].isBegin {
                        labels[next] = .insidePerson
                        next += 1
                    }
                }
                continue
            }
            if type == .person, labels[index].isBegin, index > 0 {
                let before = tokens[index - 1]
                if before.flags.contains(.firstName), before.end < token.start,
                   labels[index - 1] == .outside || labels[index - 1] == .beginPerson && (index < 2 || labels[index - 2].type != .person) {
                    labels[index - 1] = .beginPerson
                    labels[index] = .insidePerson
                }
            }
        }
    }

    /// Endings of nouns that name a person's role: the name after such a role is a person's
    /// (`Kreml-Sprecher Dmitri Peskow`, `UN-Kommissarin Michelle Bachelet`).
    static let personRoles = ["in", "innen", "sprecher", "chef", "präsident", "minister", "kanzler", "kommissar", "botschafter",
                              "gesandte", "gesandter", "führer", "leiter", "direktor", "trainer", "vorsitzende", "vorsitzender",
                              "experte", "analyst", "korrespondent", "abgeordnete", "abgeordneter", "politiker", "diplomat"]
        .map { Array($0.unicodeScalars) }

    static func isPersonRole(_ token: NERToken, _ scalars: [Unicode.Scalar]) -> Bool {
        let word = scalars[token.start..<token.end].map(ScalarClass.lowercase)
        return personRoles.contains { role in word.count > role.count + 2 && word.suffix(role.count).elementsEqual(role) }
    }

    /// Whether the part after a compound's last hyphen is a common noun by its feminine ending or its
    /// last part (`UN-Menschenrechtskommissarin`).
    private func isCommonHead(_ token: NERToken, _ scalars: [Unicode.Scalar]) -> Bool {
        guard let hyphen = (token.start..<token.end).last(where: { scalars[$0] == "-" }), hyphen + 4 < token.end else { return false }
        return gazetteer.isCommonNoun(scalars, (hyphen + 1)..<token.end)
    }

    /// A name the text has already given is a name again where the tagger missed it: `Nowakowska`
    /// and `Nowakowskas` after `Katarzyna Nowakowska`. Only capitalised words that are not common
    /// German words, and only one-word repeats of a name or of a person's surname.
    private func propagate(_ labels: inout [NERLabel], _ tokens: [NERToken]) {
        var known = HashIndex()   // exact hash → `code(type)`
        var index = 0
        while index < tokens.count {
            guard let type = labels[index].type, labels[index].isBegin else { index += 1; continue }
            var end = index + 1
            while end < tokens.count, labels[end].type == type, !labels[end].isBegin { end += 1 }
            let last = tokens[end - 1]
            if end - index == 1 || type == .person, !last.flags.contains(.punctuation), last.length >= 3 {
                if known.find(last.exact) == nil { known.insert(last.exact, Self.code(type)) }
            }
            index = end
        }
        guard !known.isEmpty else { return }
        for index in tokens.indices where labels[index] == .outside {
            let token = tokens[index]
            guard token.flags.contains(.initialUpper), !token.flags.contains(.hyphen), token.length >= 3,
                  token.lexicon & 1 == 0 else { continue }
            if let code = known.find(token.exact) {
                labels[index] = NERLabel.begin(Self.type(code))
            } else if token.length >= 4, let code = known.find(token.stem1), case let type = Self.type(code),
                      type == .person || type == .place, token.lastScalar == "s" {
                labels[index] = NERLabel.begin(type)
            }
        }
    }

    /// Spans from BIO labels, trimmed of punctuation at either end, typed by the lists where a
    /// list names the whole span (`Moskau` stays a place when the tagger reads a government).
    private func spans(_ tokens: [NERToken], labels: [NERLabel], scalars: [Unicode.Scalar]) -> [Candidate] {
        var result: [Candidate] = []
        var index = 0
        while index < tokens.count {
            guard let type = labels[index].type else { index += 1; continue }
            var end = index + 1
            while end < tokens.count, labels[end].type == type, !labels[end].isBegin { end += 1 }
            var first = index, last = end - 1
            while first <= last, tokens[first].flags.contains(.punctuation) { first += 1 }
            while last >= first, tokens[last].flags.contains(.punctuation) { last -= 1 }
            if first <= last, !Self.months.contains(tokens[last].exact) || last > first && tokens[first].flags.contains(.firstName) {
                var candidate = Candidate(start: tokens[first].start, end: tokens[last].end, type: type, part: false, entry: nil)
                if let (length, entry) = gazetteer.match(tokens, at: first, limit: last + 1), length == last - first + 1 {
                    candidate.entry = entry
                    candidate.type = gazetteer.entries[entry].type
                }
                result.append(candidate)
            }
            index = end
        }
        return result
    }

    /// Actor types as small integers for `HashIndex` values.
    static func code(_ type: ActorType) -> Int32 {
        switch type {
        case .person: return 0
        case .organization: return 1
        case .place: return 2
        }
    }

    static func type(_ code: Int32) -> ActorType { code == 0 ? .person : code == 1 ? .organization : .place }

    /// Month names end date phrases (`Mitte August`), not names.
    static let months: Set<UInt64> = Set(["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                                          "Oktober", "November", "Dezember"].map { ScalarHash.of($0) })

    /// The user's aliases are always mentions; they replace what they overlap.
    private func userMatches(_ tokens: [NERToken], segments: [Range<Int>], over candidates: [Candidate]) -> [Candidate] {
        var found: [Candidate] = []
        for segment in segments {
            var index = segment.lowerBound
            while index < segment.upperBound {
                if let (length, entry) = catalog.gazetteer.match(tokens, at: index, limit: segment.upperBound) {
                    let item = catalog.gazetteer.entries[entry]
                    found.append(Candidate(start: tokens[index].start, end: tokens[index + length - 1].end,
                                           type: item.type, part: false, entry: entry, user: true))
                    index += length
                } else {
                    index += 1
                }
            }
        }
        guard !found.isEmpty else { return candidates }
        let kept = candidates.filter { candidate in !found.contains { $0.start < candidate.end && candidate.start < $0.end } }
        return (kept + found).sorted { $0.start < $1.start }
    }

    /// Names inside hyphenated compounds that no span covers: `US` in `US-Diplomat`, `Kreml` in
    /// `Kreml-Chef`, `Lukaschenko` in `Lukaschenko-Regierung` when the text names him elsewhere.
    private func addParts(_ tokens: [NERToken], labels: [NERLabel], scalars: [Unicode.Scalar], to candidates: [Candidate]) -> [Candidate] {
        var known = HashIndex()   // word hash → `code(type)`
        for candidate in candidates where !candidate.part {
            var wordStart = candidate.start
            for offset in candidate.start...candidate.end where offset == candidate.end || scalars[offset] == " " {
                if offset > wordStart { known.insert(ScalarHash.of(scalars, wordStart..<offset, lowercased: false), Self.code(candidate.type)) }
                wordStart = offset + 1
            }
        }
        var parts: [Candidate] = []
        for (index, token) in tokens.enumerated() where token.flags.contains(.hyphen) && labels[index] == .outside {
            var partStart = token.start
            for offset in token.start...token.end where offset == token.end || scalars[offset] == "-" || scalars[offset] == "\u{2011}" {
                defer { partStart = offset + 1 }
                guard offset - partStart >= 2 else { continue }
                let hash = ScalarHash.of(scalars, partStart..<offset, lowercased: false)
                if let entry = gazetteer.single(hash), !gazetteer.isCommonWord(hash) {
                    parts.append(Candidate(start: partStart, end: offset, type: gazetteer.entries[entry].type, part: true, entry: entry))
                } else if let entry = catalog.gazetteer.single(hash) {
                    parts.append(Candidate(start: partStart, end: offset, type: catalog.gazetteer.entries[entry].type,
                                           part: true, entry: entry, user: true))
                } else if let code = known.find(hash) {
                    parts.append(Candidate(start: partStart, end: offset, type: Self.type(code), part: true, entry: nil))
                }
            }
        }
        guard !parts.isEmpty else { return candidates }
        let covered = parts.filter { part in !candidates.contains { $0.start < part.end && part.start < $0.end } }
        return (candidates + covered).sorted { $0.start < $1.start }
    }
}
