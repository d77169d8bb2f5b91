import Foundation
import GlossaCore

/// Word lists that decide how a number reads in context.
enum Context {
    /// Capitalised words that start sentences; after `250.` they mean the dot ended one.
    static let sentenceStarters: WordSet = [
        "der", "die", "das", "ein", "eine", "er", "sie", "es", "wir", "ich", "ihr", "man", "doch", "aber", "und",
        "auch", "dann", "danach", "so", "nun", "im", "in", "am", "bei", "mit", "nach", "seit", "als", "wie", "was",
        "wer", "wo", "damit", "dabei", "dies", "diese", "dieser", "denn", "zudem", "außerdem", "trotzdem", "jetzt",
        "heute", "hier", "da", "dort", "zum", "zur", "für", "auf", "an", "von", "vom", "um", "laut", "nach", "während",
        "wenn", "ob", "weil", "obwohl", "allerdings", "inzwischen", "bisher", "schon", "noch", "bereits", "zwar",
    ]

    /// Words before an ordinal that make it one (`der erste`, `seine siebte`, `keine zweite`).
    static let determiners: WordSet = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines", "einer",
        "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres",
        "unser", "unsere", "unseren", "unserem", "unserer", "dessen", "deren", "am", "im", "zum", "zur", "beim", "vom",
        "kein", "keine", "keinen", "keinem", "keiner", "diese", "dieser", "dieses", "diesen", "diesem", "jede", "jeder",
    ]

    /// Nouns after `erst-` that make an idiom, not a rank.
    static let ordinalIdioms: WordSet = ["blick", "linie", "hand", "mal", "male", "anzeichen", "schritte"]

    /// Words before a four-digit number that make it a year.
    static let yearContext: WordSet = [
        "im", "in", "seit", "bis", "ab", "von", "vom", "zwischen", "jahr", "jahre", "jahres", "jahren", "anfang", "ende",
        "mitte", "frühjahr", "sommer", "herbst", "winter", "frühling", "um", "vor", "nach", "und", "oder", "spätestens",
        "frühestens", "jahrgang", "saison", "wahl", "januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "dezember", "des", "anno",
    ]

    /// The first four letters (three for three-letter words) of every word that can start a number
    /// expression; see `NumberRecognizer.isCandidateWord`.
    static let candidatePrefixes: HashIndex = {
        let words = Array(NumberWords.units.keys) + Array(NumberWords.teens.keys) + Array(NumberWords.tens.keys)
            + Array(NumberWords.ordinalStems.keys) + Array(NumberWords.fractionNouns.keys) + Array(NumberWords.scales.keys)
            + Array(NumberWords.vaguePlurals) + Array(NumberWords.indefinite) + Array(NumberWords.months.keys)
            + ["hundert", "tausend", "halb", "halbe", "dreiviertel", "anderthalb", "eineinhalb", "jeder", "jede",
               "einundzwanzig", "einhundert", "eintausend", "viertelstunde", "dreiviertelstunde", "zwanzig", "dreißig",
               "einjährig", "einwöchig", "einmonatig", "einstündig"]
        var prefixes = HashIndex(capacity: words.count)
        for word in words where word.unicodeScalars.count >= 3 {
            var key: UInt64 = 0
            for scalar in word.unicodeScalars.prefix(4) { key = key << 21 | UInt64(scalar.value) }
            prefixes.insert(key, 1)
        }
        return prefixes
    }()

    static let adjectiveEndings: WordSet = ["", "e", "en", "er", "es", "em"]
    static let multiplierSuffixes: WordSet = ["fach", "fache", "fachen", "facher", "faches", "fachem"]
    static let everyWords: WordSet = ["jeder", "jede", "jedes", "jeden", "jedem"]
    static let ordinalSuffixes: WordSet = ["te", "ten", "ter", "tes", "tem"]
    static let clockFollowers: WordSet = ["in", "am", "nachmittags", "morgens", "abends", "früh", "uhr"]

    /// Single words before a number and what they say about it.
    static let qualifiers: WordTable<Qualifier> = [
        "rund": .about, "etwa": .about, "circa": .about, "zirka": .about, "ungefähr": .about, "knapp": .about,
        "fast": .about, "beinahe": .about, "annähernd": .about, "nahezu": .about,
        "mindestens": .atLeast, "wenigstens": .atLeast, "höchstens": .upTo, "maximal": .upTo,
    ]

    /// The unit of a fused duration adjective after a number (`-Jährige` → year), if it is one.
    static func durationUnit(ofAdjective word: String) -> String? {
        for (suffix, unit) in Units.durationAdjectives where word.hasPrefix(suffix) {
            let ending = word.dropFirst(suffix.count)
            if adjectiveEndings.contains(String(ending)) { return unit }
        }
        return nil
    }

    /// `vierstündigen` → (4, hour); `zweijährige` → (2, year).
    static func fusedDuration(_ word: String) -> (Double, String)? {
        guard word.utf8.count >= 8, word.hasSuffix("ig") || word.hasSuffix("ige") || word.hasSuffix("igen")
                || word.hasSuffix("iger") || word.hasSuffix("iges") || word.hasSuffix("igem") else { return nil }
        for (suffix, unit) in Units.durationAdjectives {
            guard let (head, ending) = NumberWords.split(word, at: suffix) else { continue }
            guard adjectiveEndings.contains(ending) else { continue }
            if head == "ein" { return (1, unit) }
            if head == "halb" { return (0.5, unit) }
            if head == "eineinhalb" || head == "anderthalb" { return (1.5, unit) }
            if let value = NumberWords.cardinal(head) { return (Double(value), unit) }
        }
        return nil
    }

    static func isMultiplierSuffix(_ word: String) -> Bool {
        multiplierSuffixes.contains(word)
    }

    /// `dreifache` → 3; `einfach` and `mehrfach` are not multipliers.
    static func multiplierWord(_ word: String) -> Double? {
        guard word.utf8.count >= 6, word.hasSuffix("fach") || word.hasSuffix("fache") || word.hasSuffix("fachen")
                || word.hasSuffix("facher") || word.hasSuffix("faches") || word.hasSuffix("fachem") else { return nil }
        guard let (head, tail) = NumberWords.split(word, at: "fach", last: true) else { return nil }
        guard isMultiplierSuffix("fach" + tail) else { return nil }
        return NumberWords.cardinal(head).map(Double.init)
    }
}
