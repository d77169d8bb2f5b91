import GlossaCore

/// What kind of real-world event a text reports (the categories of the gold guidelines).
public enum EventCategory: String, CaseIterable, Sendable, Codable {
    case meeting, loan, election, protest, release, sanctions, appointment, deal, mutiny, treaty, deployment
    case military, war, statement, report, planned, negotiation, accession, arrest, award, crisis, incident
    case border, relations, policy, annexation, independence, death, verdict, travel
    case supportPledge = "support_pledge"

    /// A short German name for labels: `Kredit`, `Treffen`, `Wahl`.
    public var title: String {
        switch self {
        case .meeting: return "Treffen"
        case .loan: return "Kredit"
        case .election: return "Wahl"
        case .protest: return "Proteste"
        case .release: return "Freilassung"
        case .sanctions: return "Sanktionen"
        case .appointment: return "Ernennung"
        case .deal: return "Deal"
        case .mutiny: return "Aufstand"
        case .treaty: return "Abkommen"
        case .deployment: return "Stationierung"
        case .military: return "Militäraktion"
        case .war: return "Krieg"
        case .statement: return "Erklärung"
        case .report: return "Bericht"
        case .planned: return "Vorhaben"
        case .negotiation: return "Verhandlungen"
        case .accession: return "Beitritt"
        case .arrest: return "Festnahmen"
        case .award: return "Auszeichnung"
        case .crisis: return "Krise"
        case .incident: return "Zwischenfall"
        case .border: return "Grenze"
        case .relations: return "Beziehungen"
        case .policy: return "Politik"
        case .annexation: return "Annexion"
        case .independence: return "Unabhängigkeit"
        case .supportPledge: return "Unterstützungszusage"
        case .death: return "Tod"
        case .verdict: return "Urteil"
        case .travel: return "Rückkehr"
        }
    }

    /// Statements and reports frame other events; they count only where a sentence reports nothing else.
    public var isFraming: Bool { self == .statement || self == .report }

    /// The categories in declaration order (`allCases` builds a new array on every call).
    static let ordered = allCases

    /// The position of this category in `ordered`.
    var index: Int { Self.ordered.firstIndex(of: self)! }

    /// The bit of this category in a category mask.
    var bit: UInt32 { 1 << UInt32(index) }
}

/// One real-world event of an article: the sentences that report it, its date, actors and figures.
public struct Event: Equatable, Sendable {
    /// Stable within the article: the category and its ordinal (`loan-1`, `meeting-2`).
    public var id: String
    public var category: EventCategory
    /// The sentences that report it, in text order.
    public var mentions: [TextSpan]
    /// ISO date as precise as the text allows (`2020-09-14`, `2020-09`, `2020`), or nil.
    public var date: String?
    /// Actor ids (`ActorMention.actor`) of its mentions, most mentioned first.
    public var actors: [String]
    /// Normalised identifying figures of its mentions: `1500000000 USD`, `400`.
    public var amounts: [String]
    /// Short German label for the reader: `Kredit · Putin, Lukaschenko · 1,5 Milliarden Dollar`.
    public var label: String
    /// Which of several it is, as its first sentence says: 1 the first (`im ersten Wahlgang`), 2 a
    /// later one (`im zweiten Wahlgang`, `weitere Sanktionen`), 0 not said.
    public var sequence: Int

    public init(id: String, category: EventCategory, mentions: [TextSpan], date: String? = nil,
                actors: [String] = [], amounts: [String] = [], label: String = "", sequence: Int = 0) {
        self.sequence = sequence
        self.id = id
        self.category = category
        self.mentions = mentions
        self.date = date
        self.actors = actors
        self.amounts = amounts
        self.label = label
    }
}
