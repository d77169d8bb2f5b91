import GlossaCore

/// A token as the actor tagger sees it: offsets, hashes of its surface and flags, all computed
/// once from the scalars so that features are integer mixes with no strings built.
package struct NERToken: Sendable {
    package var start: Int
    package var end: Int
    /// Hash of the exact surface (gazetteer key) and of its lower case.
    package var exact: UInt64 = 0
    package var lower: UInt64 = 0
    package var suffix2: UInt64 = 0
    package var suffix3: UInt64 = 0
    package var suffix4: UInt64 = 0
    package var prefix3: UInt64 = 0
    package var shape: UInt64 = 0
    /// Hash of the last part of a hyphenated compound (`Kommission` in `EU-Kommission`), else 0.
    package var head: UInt64 = 0
    package var flags: Flags = []
    package var lastScalar: Unicode.Scalar = " "
    /// Hashes of the surface without its last one and two scalars (`Berichts` → `Bericht`).
    package var stem1: UInt64 = 0
    package var stem2: UInt64 = 0
    /// Gazetteer label (a `NERLabel` raw value) when a list names this token, else 0.
    package var gazetteer: UInt8 = 0
    /// Common-word lexicon: 1 the word as written, 2 without an ending, 4 in lower case.
    package var lexicon: UInt8 = 0
    package var length: Int { end - start }

    package struct Flags: OptionSet, Sendable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Some letter is upper case.
        package static let hasUpper = Flags(rawValue: 1)
        /// The first scalar is an upper-case letter.
        package static let initialUpper = Flags(rawValue: 2)
        /// Every letter is upper case and there are at least two.
        package static let allCaps = Flags(rawValue: 4)
        package static let hyphen = Flags(rawValue: 8)
        package static let digit = Flags(rawValue: 16)
        package static let punctuation = Flags(rawValue: 32)
        package static let firstName = Flags(rawValue: 64)
        package static let startsLine = Flags(rawValue: 128)
    }
}

/// BIO labels over PER, ORG and LOC.
package enum NERLabel: UInt8, CaseIterable, Sendable {
    case outside = 0, beginPerson, insidePerson, beginOrganization, insideOrganization, beginPlace, insidePlace

    package static let count = 7

    package var type: ActorType? {
        switch self {
        case .outside: return nil
        case .beginPerson, .insidePerson: return .person
        case .beginOrganization, .insideOrganization: return .organization
        case .beginPlace, .insidePlace: return .place
        }
    }

    package var isBegin: Bool { self == .beginPerson || self == .beginOrganization || self == .beginPlace }

    package static func begin(_ type: ActorType) -> NERLabel {
        switch type {
        case .person: return .beginPerson
        case .organization: return .beginOrganization
        case .place: return .beginPlace
        }
    }

    package static func inside(_ type: ActorType) -> NERLabel {
        NERLabel(rawValue: begin(type).rawValue + 1)!
    }
}

/// Hashing of scalar runs (FNV-1a, 64 bit).
package enum ScalarHash {
    package static let seed = FNV1a.offsetBasis

    @inline(__always)
    package static func add(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        FNV1a.step(hash, UInt64(value))
    }

    package static func of(_ scalars: [Unicode.Scalar], _ range: Range<Int>, lowercased: Bool) -> UInt64 {
        var hash = seed
        for index in range {
            let scalar = lowercased ? ScalarClass.lowercase(scalars[index]) : scalars[index]
            hash = add(hash, scalar.value)
        }
        return hash
    }

    package static func of(_ text: some StringProtocol) -> UInt64 {
        var hash = seed
        for scalar in text.unicodeScalars { hash = add(hash, scalar.value) }
        return hash
    }
}

/// Turns the extraction tokens of a text into tagger tokens: joins `G7`, `ntv.de`, `Tricky_Shark`
/// and `AT&T` into one token each, and fills in hashes and flags.
package enum NERTokenizer {
    package static func tokens(_ scalars: [Unicode.Scalar], from source: [Token]) -> [NERToken] {
        var result: [NERToken] = []
        result.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            let first = source[index]
            var end = first.end
            var next = index + 1
            if first.kind != .punctuation {
                while next < source.count {
                    let token = source[next]
                    if token.start == end, token.kind != .punctuation {
                        end = token.end
                        next += 1
                    } else if token.start == end, token.kind == .punctuation, next + 1 < source.count,
                              source[next + 1].start == token.end, source[next + 1].kind == .word,
                              joins(token.first, after: scalars, following: source[next + 1]) {
                        end = source[next + 1].end
                        next += 2
                    } else {
                        break
                    }
                }
            }
            result.append(make(scalars, start: first.start, end: end, punctuation: first.kind == .punctuation && next == index + 1,
                               startsLine: first.afterLineBreak || index == 0))
            index = next
        }
        return result
    }

    /// `_` and `&` join words; `.` joins a lower-case top-level domain (`ntv.de`, `Shutterstock.com`).
    private static func joins(_ mark: Unicode.Scalar, after scalars: [Unicode.Scalar], following word: Token) -> Bool {
        switch mark {
        case "_", "&": return true
        case ".":
            guard word.end - word.start >= 2, word.end - word.start <= 4 else { return false }
            for offset in word.start..<word.end where !ScalarClass.isLowercase(scalars[offset]) { return false }
            return ["de", "com", "org", "net", "eu", "ru", "by", "ua", "at", "ch", "fm", "info", "tv", "io"]
                .contains(ScalarClass.string(scalars[word.start..<word.end]))
        default: return false
        }
    }

    package static func make(_ scalars: [Unicode.Scalar], start: Int, end: Int, punctuation: Bool, startsLine: Bool) -> NERToken {
        var token = NERToken(start: start, end: end)
        var exact = ScalarHash.seed, lower = ScalarHash.seed, prefix = ScalarHash.seed
        var shape = ScalarHash.seed
        var lastClass: UInt32 = 0
        var shapeLength = 0
        var letters = 0, uppers = 0
        var lastHyphen = -1
        var last1: UInt32 = 0, last2: UInt32 = 0, last3: UInt32 = 0, last4: UInt32 = 0
        let length = end - start
        scalars.withUnsafeBufferPointer { scalars in
            // The exact surface, and on the way the stems without the last two and the last scalar.
            let cut = max(start, end - 2)
            for offset in start..<cut { exact = ScalarHash.add(exact, scalars[offset].value) }
            if length >= 2 {
                token.stem2 = exact
                exact = ScalarHash.add(exact, scalars[end - 2].value)
            }
            if length >= 1 {
                token.stem1 = exact
                exact = ScalarHash.add(exact, scalars[end - 1].value)
            }
            // The lower case, the letter counts and the shape.
            for offset in start..<end {
                let scalar = scalars[offset]
                let value = scalar.value
                let lowered: UInt32
                let shapeClass: UInt32
                if value < 0x80 {
                    // ASCII, as ScalarClass answers it: A–Z lower-case to a–z.
                    if value >= 97 && value <= 122 {
                        lowered = value
                        letters += 1
                        shapeClass = 2
                    } else if value >= 65 && value <= 90 {
                        lowered = value + 32
                        letters += 1
                        uppers += 1
                        shapeClass = 1
                    } else if value >= 48 && value <= 57 {
                        lowered = value
                        shapeClass = 3
                        token.flags.insert(.digit)
                    } else if value == 45 {
                        lowered = value
                        shapeClass = 4
                        lastHyphen = offset
                    } else {
                        lowered = value
                        shapeClass = 5
                    }
                } else {
                    lowered = ScalarClass.lowercase(scalar).value
                    if ScalarClass.isLetter(scalar) {
                        letters += 1
                        if lowered != value {
                            uppers += 1
                            shapeClass = 1
                        } else {
                            shapeClass = 2
                        }
                    } else if scalar == "\u{2011}" {
                        shapeClass = 4
                        lastHyphen = offset
                    } else {
                        shapeClass = 5
                    }
                }
                lower = ScalarHash.add(lower, lowered)
                if shapeClass != lastClass, shapeLength < 6 {
                    shape = ScalarHash.add(shape, shapeClass)
                    shapeLength += 1
                }
                lastClass = shapeClass
            }
            // The first three and the last four scalars, lower-cased.
            for offset in start..<min(end, start + 3) { prefix = ScalarHash.add(prefix, ScalarClass.lowercase(scalars[offset]).value) }
            if length >= 1 { last1 = ScalarClass.lowercase(scalars[end - 1]).value }
            if length >= 2 { last2 = ScalarClass.lowercase(scalars[end - 2]).value }
            if length >= 3 { last3 = ScalarClass.lowercase(scalars[end - 3]).value }
            if length >= 4 { last4 = ScalarClass.lowercase(scalars[end - 4]).value }
        }
        token.exact = exact
        token.lower = lower
        if end > start { token.lastScalar = scalars[end - 1] }
        token.prefix3 = prefix
        token.shape = ScalarHash.add(shape, UInt32(min(end - start, 4)))
        // Suffixes of the lower-cased word: the last 2, 3 and 4 scalars (fewer in short words), then the count.
        let seed = ScalarHash.seed
        let two = length >= 2 ? ScalarHash.add(ScalarHash.add(seed, last2), last1) : ScalarHash.add(seed, last1)
        let three = length >= 3 ? ScalarHash.add(ScalarHash.add(ScalarHash.add(seed, last3), last2), last1) : two
        let four = length >= 4 ? ScalarHash.add(ScalarHash.add(ScalarHash.add(ScalarHash.add(seed, last4), last3), last2), last1) : three
        token.suffix2 = ScalarHash.add(length >= 1 ? two : seed, 2)
        token.suffix3 = ScalarHash.add(length >= 1 ? three : seed, 3)
        token.suffix4 = ScalarHash.add(length >= 1 ? four : seed, 4)
        if uppers > 0 { token.flags.insert(.hasUpper) }
        if uppers > 0, ScalarClass.isLetter(scalars[start]), !ScalarClass.isLowercase(scalars[start]) { token.flags.insert(.initialUpper) }
        if uppers >= 2, uppers == letters { token.flags.insert(.allCaps) }
        if lastHyphen >= 0 {
            token.flags.insert(.hyphen)
            token.head = ScalarHash.of(scalars, (lastHyphen + 1)..<end, lowercased: false)
        }
        if punctuation { token.flags.insert(.punctuation) }
        if startsLine { token.flags.insert(.startsLine) }
        return token
    }
}
