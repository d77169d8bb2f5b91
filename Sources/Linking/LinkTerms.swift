/// The content words of a text as stems, for comparing articles and event sentences:
/// `Freilassung`, `Freilassungen`, `freigelassen` → `freilass`; `Todes`, `Tod` → `tod`.
///
/// The stemmer is CISTEM (Weissweiler & Fraser 2017, the German stemmer with the best balance of
/// over- and under-stemming in their comparison), case-insensitive, with two steps more for event
/// words: a noun's `-ung` is dropped, and a participle's `ge` after a separable particle
/// (`frei|ge|lassen`, `fest|ge|nommen`).
public enum LinkTerms {
    /// Stems of the words of the scalars, in order (repeats kept): letters only, lower-cased; function
    /// words and words under three letters left out.
    public static func terms(_ scalars: ArraySlice<Unicode.Scalar>) -> [String] {
        var result: [String] = []
        var word: [Unicode.Scalar] = []
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.count >= 3 else { return }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: word)
            let lower = String(text).lowercased()
            guard !stopwords.contains(lower) else { return }
            let stemmed = stem(lower)
            if stemmed.unicodeScalars.count >= 3 { result.append(stemmed) }
        }
        for scalar in scalars {
            if scalar.properties.isAlphabetic {
                word.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// The stem of a lower-cased word.
    public static func stem(_ lower: String) -> String {
        var chars: [Character] = []
        chars.reserveCapacity(lower.count)
        for character in lower {
            switch character {
            case "ä": chars.append("a")
            case "ö": chars.append("o")
            case "ü": chars.append("u")
            case "ß": chars.append("s"); chars.append("s")
            default: chars.append(character)
            }
        }
        if chars.count >= 6, chars[0] == "g", chars[1] == "e" { chars.removeFirst(2) }
        for particle in particles where chars.count >= particle.count + 6 && chars.starts(with: particle) {
            let rest = particle.count
            if chars[rest] == "g", chars[rest + 1] == "e" { chars.removeSubrange(rest..<rest + 2) }
            break
        }
        // Placeholders keep digraphs whole (as in CISTEM): $ sch, % ei, & ie, * a doubled letter.
        var coded: [Character] = []
        var index = 0
        while index < chars.count {
            if index + 2 < chars.count, chars[index] == "s", chars[index + 1] == "c", chars[index + 2] == "h" {
                coded.append("$"); index += 3; continue
            }
            if index + 1 < chars.count, chars[index] == "e", chars[index + 1] == "i" { coded.append("%"); index += 2; continue }
            if index + 1 < chars.count, chars[index] == "i", chars[index + 1] == "e" { coded.append("&"); index += 2; continue }
            if let last = coded.last, last == chars[index] { coded.append("*"); index += 1; continue }
            coded.append(chars[index])
            index += 1
        }
        if coded.count > 6, coded.suffix(3) == ["u", "n", "g"] { coded.removeLast(3) }
        if coded.count > 7, coded.suffix(5) == ["u", "n", "g", "e", "n"] { coded.removeLast(5) }
        while coded.count > 3 {
            if coded.count > 5, coded[coded.count - 2] == "e", coded.last == "m" || coded.last == "r" {
                coded.removeLast(2); continue
            }
            if coded.count > 5, coded[coded.count - 2] == "n", coded.last == "d" { coded.removeLast(2); continue }
            if coded.last == "t" { coded.removeLast(); continue }
            if let last = coded.last, last == "e" || last == "s" || last == "n" { coded.removeLast(); continue }
            break
        }
        var result = ""
        for (position, character) in coded.enumerated() {
            switch character {
            case "$": result += "sch"
            case "%": result += "ei"
            case "&": result += "ie"
            case "*": result += resolved(coded, position)
            default: result.append(character)
            }
        }
        return result
    }

    /// What a `*` (a doubled letter) stands for: the letter before it, digraph placeholders resolved.
    private static func resolved(_ coded: [Character], _ position: Int) -> String {
        switch coded[position - 1] {
        case "$": return "sch"
        case "%": return "ei"
        case "&": return "ie"
        default: return String(coded[position - 1])
        }
    }

    /// Separable particles whose participles put `ge` inside (`freigelassen`, `festgenommen`).
    static let particles: [[Character]] = ["frei", "fest", "zurück", "zuruck", "an", "auf", "aus", "ein", "ab", "vor",
                                           "nach", "mit", "weg", "bei", "zusammen", "hin", "her", "los"].map { Array($0) }

    /// German function words, auxiliaries and the most common adverbs: they say nothing about a story.
    static let stopwords: Set<String> = Set("""
    aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf aus bei beim bereits
    bin bis bisher bist da dabei dadurch dafür dagegen daher damit dann darauf darin darüber das dass dem den denen denn
    der deren derer des deshalb dessen die dies diese diesem diesen dieser dieses doch dort du durch eben ein eine einem
    einen einer eines einige einigen einmal er es etwa etwas euch für gab gegen gibt habe haben hat hatte hatten heute
    hier hin ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in ins ist ja jede jedem jeden jeder jedoch
    jetzt kann kein keine keinem keinen keiner können könne könnte man mehr mit muss musste nach nachdem neben nicht
    nichts noch nun nur ob oder ohne schon sehr sei seien sein seine seinem seinen seiner seines seit seitdem sich sie
    sind so soll sollen sollte sowie statt über um und uns unter vom von vor war waren warum was weil weiter weitere
    welche welchem welchen welcher wenn wer werde werden wie wieder will wir wird wo wollen worden wurde wurden zu zum
    zur zwar zwischen laut sagte sagten sagt erklärte teilte mitteilte heißt hieß demnach zudem dazu sowohl jedoch
    zwei drei vier fünf sechs sieben acht neun zehn elf zwölf hundert tausend erste ersten erster erstes letzte letzten
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september
    oktober november dezember jahr jahre jahren jahres monat monate monaten woche wochen tag tage tagen uhr
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
