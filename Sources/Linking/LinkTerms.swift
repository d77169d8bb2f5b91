import Extraction
import GlossaCore

/// The content words of a text as stems, for comparing articles and event sentences:
/// `Freilassung`, `Freilassungen`, `freigelassen` → one stem; `Todes`, `Tod` → one stem.
///
/// The stemmer is CISTEM (Weissweiler & Fraser 2017, the German stemmer with the best balance of
/// over- and under-stemming in their comparison), case-insensitive, with two steps more for event
/// words: a noun's `-ung` is dropped, and a participle's `ge` after a separable particle
/// (`frei|ge|lassen`, `fest|ge|nommen`). A stem is kept as a 32-bit hash of its bytes (a library has
/// millions of words: no string each), computed on bytes with no allocation per word.
public enum LinkTerms {
    /// Set on the hashes that follow a long word with the endings it may have as a compound
    /// (`gipfeltreffen` → `treffen`, `ltreffen` …), longest first: `EventFeatures` keeps the first
    /// one the library also uses as a word of its own.
    public static let headTag: UInt32 = 1 << 31

    /// Stems of the words of the scalars, in order (repeats kept), at most `limit`: letters only,
    /// lower-cased; function words and words under three letters left out. With `heads`, each long
    /// word is followed by its possible compound heads (tagged with `headTag`).
    public static func terms(_ scalars: ArraySlice<Unicode.Scalar>, heads: Bool = false, limit: Int = .max) -> [UInt32] {
        var result: [UInt32] = []
        var word: [UInt8] = []
        var scratch: [UInt8] = []
        word.reserveCapacity(32)
        scratch.reserveCapacity(32)
        var count = 0
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.count >= 3, count < limit, !stopwords.contains(UInt64(hash(word[...]))) else { return }
            stem(&word, scratch: &scratch)
            guard word.count >= 3 else { return }
            result.append(hash(word[...]) & ~headTag)
            count += 1
            // Heads of four to eight letters, longest first (a compound's head is a word of its own).
            if heads, word.count >= 8 {
                for start in max(3, word.count - 8)...(word.count - 4) where word[start] != doubled {
                    result.append(hash(word[start...]) | headTag)
                }
            }
        }
        for scalar in scalars {
            if count >= limit { break }
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x61 && value <= 0x7A {
                    word.append(UInt8(value))
                } else if value >= 0x41 && value <= 0x5A {
                    word.append(UInt8(value + 0x20))
                } else {
                    flush()
                }
                continue
            }
            switch value {
            case 0xE4, 0xC4: word.append(0x61)  // ä → a
            case 0xF6, 0xD6: word.append(0x6F)  // ö → o
            case 0xFC, 0xDC: word.append(0x75)  // ü → u
            case 0xDF, 0x1E9E: word.append(0x73); word.append(0x73)  // ß → ss
            default:
                if ScalarClass.isLetter(scalar) {
                    word.append(contentsOf: UTF8.encode(ScalarClass.lowercase(scalar))!)
                } else {
                    flush()
                }
            }
        }
        flush()
        // Exactly as long as it is: a library keeps millions of these.
        return result.withUnsafeBufferPointer { Array($0) }
    }

    /// The stem of a lower-cased word (for tests and tools).
    public static func stem(_ lower: String) -> UInt32 {
        terms(Array(lower.unicodeScalars)[...]).first ?? hash(Array(lower.utf8)[...])
    }

    // Placeholders that keep digraphs whole (as in CISTEM): sch, ei, ie, and a doubled letter.
    private static let sch: UInt8 = 1, ei: UInt8 = 2, ie: UInt8 = 3, doubled: UInt8 = 4
    private static let (a, d, e, g, h, i, m, n, r, s, t, u, c): (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0x61, 0x64, 0x65, 0x67, 0x68, 0x69, 0x6D, 0x6E, 0x72, 0x73, 0x74, 0x75, 0x63)

    /// CISTEM on the folded bytes of a word, in place; the result keeps its placeholders (it is hashed,
    /// never shown).
    static func stem(_ word: inout [UInt8], scratch coded: inout [UInt8]) {
        if word.count >= 6, word[0] == g, word[1] == e { word.removeFirst(2) }
        if word.count >= 8, let candidates = particles[word[0]] {
            for particle in candidates where word.count >= particle.count + 6 && word.starts(with: particle) {
                let end = particle.count
                if word[end] == g, word[end + 1] == e { word.removeSubrange(end..<end + 2) }
                break
            }
        }
        coded.removeAll(keepingCapacity: true)
        var index = 0
        while index < word.count {
            let byte = word[index]
            if byte == s, index + 2 < word.count, word[index + 1] == c, word[index + 2] == h {
                coded.append(sch); index += 3; continue
            }
            if byte == e, index + 1 < word.count, word[index + 1] == i { coded.append(ei); index += 2; continue }
            if byte == i, index + 1 < word.count, word[index + 1] == e { coded.append(ie); index += 2; continue }
            if let last = coded.last, last == byte { coded.append(doubled); index += 1; continue }
            coded.append(byte)
            index += 1
        }
        if coded.count > 6, coded.suffix(3).elementsEqual([u, n, g]) {
            coded.removeLast(3)
        } else if coded.count > 7, coded.suffix(5).elementsEqual([u, n, g, e, n]) {
            coded.removeLast(5)
        }
        while coded.count > 3 {
            let last = coded[coded.count - 1], before = coded[coded.count - 2]
            if coded.count > 5, before == e, last == m || last == r { coded.removeLast(2); continue }
            if coded.count > 5, before == n, last == d { coded.removeLast(2); continue }
            if last == t || last == e || last == s || last == n { coded.removeLast(); continue }
            break
        }
        swap(&word, &coded)
    }

    /// FNV-1a, 64 bits, folded to 32 (a library's million distinct stems collide about a hundred times:
    /// nothing a cosine notices; half the memory of 64).
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        let value = FNV1a.hash(bytes)
        return UInt32(truncatingIfNeeded: value ^ (value >> 32))
    }

    /// Separable particles whose participles put `ge` inside (`freigelassen`, `festgenommen`), folded.
    /// By first letter.
    static let particles: [UInt8: [[UInt8]]] = Dictionary(grouping: ["frei", "fest", "zuruck", "an", "auf", "aus", "ein", "ab", "vor",
                                                                     "nach", "mit", "weg", "bei", "zusammen", "hin", "her", "los"]
        .map { Array($0.utf8) }, by: { $0[0] })

    /// German function words, auxiliaries, the most common adverbs, number words and names of days and
    /// months (folded: `für` → `fur`): they say nothing about a story.
    static let stopwords: HashIndex = {
        var table = HashIndex(capacity: 256)
        for word in """
    aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf aus bei beim bereits
    bin bis bisher bist da dabei dadurch dafur dagegen daher damit dann darauf darin daruber das dass dem den denen denn
    der deren derer des deshalb dessen die dies diese diesem diesen dieser dieses doch dort du durch eben ein eine einem
    einen einer eines einige einigen einmal er es etwa etwas euch fur gab gegen gibt habe haben hat hatte hatten heute
    hier hin ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in ins ist ja jede jedem jeden jeder jedoch
    jetzt kann kein keine keinem keinen keiner konnen konne konnte man mehr mit muss musste nach nachdem neben nicht
    nichts noch nun nur ob oder ohne schon sehr sei seien sein seine seinem seinen seiner seines seit seitdem sich sie
    sind so soll sollen sollte sowie statt uber um und uns unter vom von vor war waren warum was weil weiter weitere
    welche welchem welchen welcher wenn wer werde werden wie wieder will wir wird wo wollen worden wurde wurden zu zum
    zur zwar zwischen laut sagte sagten sagt erklarte teilte mitteilte heisst hiess demnach zudem dazu sowohl
    zwei drei vier funf sechs sieben acht neun zehn elf zwolf hundert tausend erste ersten erster erstes letzte letzten
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz april mai juni juli august september
    oktober november dezember jahr jahre jahren jahres monat monate monaten woche wochen tag tage tagen uhr
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }) { table.insert(UInt64(hash(Array(word.utf8)[...])), 0) }
        return table
    }()
}
