import GlossaCore

/// A word of a sentence that reports an event of a category.
struct EventTrigger: Sendable {
    var category: EventCategory
    var token: Int
    /// A definite or demonstrative noun phrase (`das Treffen`, `seiner Wiederwahl`): refers back.
    var definite: Bool
    /// The markers of its clause (`hatte`, `damals`, `soll`), for the fallback date.
    var clauseMarkers: EventWord.Marker
    /// `weitere Sanktionen`, `ein neues Treffen`: another event than the one before.
    var another = false
    /// `sagte er`: a statement only as said at a meeting just reported.
    var frameOnly = false
}

/// Finds the event triggers of a sentence: looks each word up in the lexicon (whole, or by the head of
/// a compound), then drops hedged, habitual, negated and demanded ones, and framing verbs where the
/// sentence reports something else.
struct EventTriggerFinder {
    typealias Marker = EventWord.Marker

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let lexicon: EventLexicon
    /// Per token: the lexicon reference of the whole word, or of a compound head; -1 if none.
    private var references: [Int32]
    /// Scratch space of `triggers(in:)`, kept between sentences.
    private var clauses: [Range<Int>] = []
    private var markers: [Marker] = []
    private var companions: [UInt32] = []
    private var demands: [Int] = []

    static let nicht = EventLexicon.key("nicht"), nur = EventLexicon.key("nur"), wie = EventLexicon.key("wie")
    static let conjunctions: Set<UInt64> = Set(["und", "oder", "sowie", "aber"].map { EventLexicon.key($0) })

    init(scalars: [Unicode.Scalar], tokens: [Token], lexicon: EventLexicon = .shared) {
        self.scalars = scalars
        self.tokens = tokens
        self.lexicon = lexicon
        references = [Int32](repeating: -1, count: tokens.count)
    }

    /// Looks up the words of `range` (once per token). Words shorter than any trigger (`im`, `zu`) are
    /// looked up with `short` only, once a sentence has a trigger.
    mutating func classify(_ range: Range<Int>, short: Bool = false) {
        let lengths = short ? 0..<lexicon.shortestTrigger : lexicon.shortestTrigger..<Int.max
        let lexicon = lexicon
        references.withUnsafeMutableBufferPointer { references in
            scalars.withUnsafeBufferPointer { scalars in
                tokens.withUnsafeBufferPointer { tokens in
                    lexicon.wordFilter.withUnsafeBufferPointer { words in
                        lexicon.headEndingFilter.withUnsafeBufferPointer { endings in
                            lexicon.headFilter.withUnsafeBufferPointer { heads in
                                for index in range where tokens[index].kind == .word && lengths.contains(tokens[index].end - tokens[index].start) {
                                    references[index] = Self.reference(of: tokens[index], in: scalars, lexicon: lexicon,
                                                                       words: words, endings: endings, heads: heads)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The whole word's entry, else the longest compound head at its end (with at least three letters before it).
    static func reference(of token: Token, in scalars: UnsafeBufferPointer<Unicode.Scalar>, lexicon: EventLexicon,
                          words: UnsafeBufferPointer<UInt64>, endings: UnsafeBufferPointer<UInt64>,
                          heads: UnsafeBufferPointer<UInt64>) -> Int32 {
        var hash = EventLexicon.offsetBasis
        var length = 0
        var head: Int32 = -1
        var checkHeads = token.capitalized && token.end - token.start >= 6
        var index = token.end - 1
        while index >= token.start {
            let scalar = scalars[index]
            index -= 1
            if scalar.value == 0xAD { continue }
            hash = EventLexicon.step(hash, scalar)
            length += 1
            guard checkHeads, length >= 3 else { continue }
            if length == 3, !EventLexicon.mayContain(hash, endings) {
                checkHeads = false
            } else if length <= 24, index + 1 - token.start >= 3, EventLexicon.mayContain(hash, heads),
                      let found = lexicon.heads.find(hash) {
                head = found
            }
        }
        guard EventLexicon.mayContain(hash, words) else { return head }
        return lexicon.words.find(hash) ?? head
    }

    func key(_ index: Int) -> UInt64 {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return 0 }
        return EventLexicon.key(scalars[tokens[index].start..<tokens[index].end])
    }

    /// Whether a date expression may start at the word (`Montag`, `August`, `letzte`, `kürzlich`).
    func isDateWord(_ index: Int) -> Bool {
        references[index] > 0 && references[index] & EventLexicon.dateFlag != 0
    }

    /// The indices of the word's entries in `lexicon.variants`.
    func variants(_ index: Int) -> Range<Int> {
        let reference = references[index]
        return reference < 0 ? 0..<0 : lexicon.variants(reference)
    }

    static func isClauseBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", ":", "\u{2013}", "\u{2014}": return true
        default: return false
        }
    }

    /// The triggers of the sentence over tokens `range`, in text order.
    mutating func triggers(in range: Range<Int>) -> [EventTrigger] {
        guard range.contains(where: { references[$0] > 0 && references[$0] & EventLexicon.triggerFlag != 0 }) else { return [] }
        classify(range, short: true)
        clauses.removeAll(keepingCapacity: true)
        var start = range.lowerBound
        for index in range where tokens[index].kind == .punctuation && Self.isClauseBreak(tokens[index].first) {
            if index > start { clauses.append(start..<index) }
            start = index + 1
        }
        if start < range.upperBound { clauses.append(start..<range.upperBound) }

        markers.removeAll(keepingCapacity: true)
        markers.append(contentsOf: repeatElement([], count: clauses.count))
        companions.removeAll(keepingCapacity: true)
        companions.append(contentsOf: repeatElement(0, count: clauses.count))
        demands.removeAll(keepingCapacity: true)
        var considering = Int.max
        var sentenceMarkers: Marker = []
        for (number, clause) in clauses.enumerated() {
            for index in clause where references[index] >= 0 {
                for entry in variants(index) {
                    let variant = lexicon.variants[entry]
                    guard fires(variant, at: index, clause: clause) else { continue }
                    var marker = variant.marker
                    if marker.contains(.negation), key(index) == Self.nicht, key(index + 1) == Self.nur { marker.remove(.negation) }
                    markers[number].formUnion(marker)
                    sentenceMarkers.formUnion(marker)
                    if marker.contains(.demand) { demands.append(index) }
                    if marker.contains(.considering) { considering = min(considering, index) }
                    if variant.trigger == nil { companions[number] |= variant.companions }
                }
            }
        }

        var found: [(trigger: EventTrigger, clause: Int)] = []
        for (number, clause) in clauses.enumerated() {
            for index in clause where references[index] > 0 && references[index] & EventLexicon.triggerFlag != 0 {
                for entry in variants(index) {
                    let variant = lexicon.variants[entry]
                    guard let category = variant.trigger, fires(variant, at: index, clause: clause),
                          !variant.weak || companions[number] & category.bit != 0 else { continue }
                    var definite = false, another = false
                    if variant.wordCase == .noun {
                        let (kind, isAnother) = determiner(before: index, from: range.lowerBound)
                        if kind == .negated { continue }
                        definite = kind == .definite
                        another = isAnother
                    }
                    let clauseMarkers = markers[number]
                    if !definite, clauseMarkers.contains(.hedge) || sentenceMarkers.contains(.habitual) || index > considering { continue }
                    if variant.wordCase == .noun, demands.contains(where: { $0 < index || ($0 > index && $0 <= index + 3 && clause.contains($0)) }) { continue }
                    if variant.wordCase == .verb, clauseMarkers.contains(.negation) { continue }
                    if category == .report, variant.wordCase == .verb, key(clause.lowerBound) == Self.wie { continue }
                    found.append((EventTrigger(category: category, token: index, definite: definite, clauseMarkers: clauseMarkers,
                                                another: another, frameOnly: variant.frameOnly), number))
                    break
                }
            }
        }
        // A pledge verb with a loan in its clause is the loan; framing verbs count only where nothing else is reported.
        let loans = found.filter { $0.trigger.category == .loan }
        if !loans.isEmpty {
            found.removeAll { pledge in pledge.trigger.category == .supportPledge && loans.contains { $0.clause == pledge.clause } }
        }
        if found.contains(where: { !$0.trigger.category.isFraming }) { found.removeAll { $0.trigger.category.isFraming } }
        return found.map(\.trigger)
    }

    /// Whether a variant applies here: its case, the words it needs before it, its separable particle.
    func fires(_ variant: EventWord, at index: Int, clause: Range<Int>) -> Bool {
        switch variant.wordCase {
        case .noun: if !tokens[index].capitalized { return false }
        case .verb: if tokens[index].capitalized, index != clause.lowerBound { return false }
        case .any: break
        }
        if variant.previous.0 != 0, key(index - 1) != variant.previous.0 { return false }
        if variant.previous.1 != 0, key(index - 2) != variant.previous.1 { return false }
        guard variant.particle != 0 else { return true }
        for candidate in index + 1..<clause.upperBound where tokens[candidate].kind == .word {
            guard key(candidate) == variant.particle else { continue }
            let next = candidate + 1
            if next >= clause.upperBound || tokens[next].kind == .punctuation || Self.conjunctions.contains(key(next)) { return true }
        }
        return false
    }

    enum Determiner { case definite, indefinite, negated, bare }

    /// The determiner of the noun at `index`, skipping adjectives and figures (`der manipulierten Wahl`),
    /// and whether an adjective says it is another one (`weitere`, `neue`).
    func determiner(before index: Int, from start: Int) -> (Determiner, another: Bool) {
        var cursor = index - 1
        var steps = 0
        var another = false
        while cursor >= start, steps < 4 {
            let token = tokens[cursor]
            switch token.kind {
            case .word:
                let marker = variants(cursor).reduce(into: Marker()) { $0.formUnion(lexicon.variants[$1].marker) }
                if marker.contains(.noDeterminer) || marker.contains(.possible) { return (.negated, another) }
                if marker.contains(.definite) { return (.definite, another) }
                if marker.contains(.indefinite) { return (.indefinite, another) }
                if marker.contains(.another) { another = true }
                if token.capitalized { return (.bare, another) }
            case .number: break
            case .punctuation:
                if !"\"„“”»«'".unicodeScalars.contains(token.first) { return (.bare, another) }
            }
            cursor -= 1
            steps += 1
        }
        return (.bare, another)
    }
}
