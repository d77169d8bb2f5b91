import Foundation

/// Word lists that decide how a number reads in context.
enum Context {
    /// Capitalised words that start sentences; after `250.` they mean the dot ended one.
    static let sentenceStarters: Set<String> = [
        "der", "die", "das", "ein", "eine", "er", "sie", "es", "wir", "ich", "ihr", "man", "doch", "aber", "und",
        "auch", "dann", "danach", "so", "nun", "im", "in", "am", "bei", "mit", "nach", "seit", "als", "wie", "was",
        "wer", "wo", "damit", "dabei", "dies", "diese", "dieser", "denn", "zudem", "außerdem", "trotzdem", "jetzt",
        "heute", "hier", "da", "dort", "zum", "zur", "für", "auf", "an", "von", "vom", "um", "laut", "nach", "während",
        "wenn", "ob", "weil", "obwohl", "allerdings", "inzwischen", "bisher", "schon", "noch", "bereits", "zwar",
    ]

    /// Words before an ordinal that make it one (`der erste`, `seine siebte`, `keine zweite`).
    static let determiners: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines", "einer",
        "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres",
        "unser", "unsere", "unseren", "unserem", "unserer", "dessen", "deren", "am", "im", "zum", "zur", "beim", "vom",
        "kein", "keine", "keinen", "keinem", "keiner", "diese", "dieser", "dieses", "diesen", "diesem", "jede", "jeder",
    ]

    /// Nouns after `erst-` that make an idiom, not a rank.
    static let ordinalIdioms: Set<String> = ["blick", "linie", "hand", "mal", "male", "anzeichen", "schritte"]

    /// Words before a four-digit number that make it a year.
    static let yearContext: Set<String> = [
        "im", "in", "seit", "bis", "ab", "von", "vom", "zwischen", "jahr", "jahre", "jahres", "jahren", "anfang", "ende",
        "mitte", "frühjahr", "sommer", "herbst", "winter", "frühling", "um", "vor", "nach", "und", "oder", "spätestens",
        "frühestens", "jahrgang", "saison", "wahl", "januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "dezember", "des", "anno",
    ]

    /// Single words before a number and what they say about it.
    static let qualifiers: [String: Qualifier] = [
        "rund": .about, "etwa": .about, "circa": .about, "zirka": .about, "ungefähr": .about, "knapp": .about,
        "fast": .about, "beinahe": .about, "annähernd": .about, "nahezu": .about,
        "mindestens": .atLeast, "wenigstens": .atLeast, "höchstens": .upTo, "maximal": .upTo,
    ]

    /// The unit of a fused duration adjective after a number (`-Jährige` → year), if it is one.
    static func durationUnit(ofAdjective word: String, prefix: String) -> String? {
        for (suffix, unit) in Units.durationAdjectives where word.hasPrefix(suffix) {
            let ending = word.dropFirst(suffix.count)
            if ["", "e", "en", "er", "es", "em"].contains(String(ending)) { return unit }
        }
        return nil
    }

    /// `vierstündigen` → (4, hour); `zweijährige` → (2, year).
    static func fusedDuration(_ word: String) -> (Double, String)? {
        for (suffix, unit) in Units.durationAdjectives {
            guard let range = word.range(of: suffix) else { continue }
            let ending = String(word[range.upperBound...])
            guard ["", "e", "en", "er", "es", "em"].contains(ending) else { continue }
            let head = String(word[..<range.lowerBound])
            if head == "ein" { return (1, unit) }
            if head == "halb" { return (0.5, unit) }
            if head == "eineinhalb" || head == "anderthalb" { return (1.5, unit) }
            if let value = NumberWords.cardinal(head) { return (Double(value), unit) }
        }
        return nil
    }

    static func isMultiplierSuffix(_ word: String) -> Bool {
        ["fach", "fache", "fachen", "facher", "faches", "fachem"].contains(word)
    }

    /// `dreifache` → 3; `einfach` and `mehrfach` are not multipliers.
    static func multiplierWord(_ word: String) -> Double? {
        guard let range = word.range(of: "fach", options: .backwards) else { return nil }
        guard isMultiplierSuffix(String(word[range.lowerBound...])) else { return nil }
        return NumberWords.cardinal(String(word[..<range.lowerBound])).map(Double.init)
    }
}
