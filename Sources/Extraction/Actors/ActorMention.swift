import GlossaCore

/// What an actor is (the JSON `type`): a named person, an organization, or a place.
public enum ActorType: String, Sendable, Codable, CaseIterable, Comparable {
    case person, organization, place

    /// The NER label used by GermEval and the gold files.
    public var code: String {
        switch self {
        case .person: return "PER"
        case .organization: return "ORG"
        case .place: return "LOC"
        }
    }

    public init?(code: String) {
        switch code.uppercased() {
        case "PER", "PERSON": self = .person
        case "ORG", "ORGANIZATION", "ORGANISATION": self = .organization
        case "LOC", "PLACE", "LOCATION": self = .place
        default: return nil
        }
    }

    public static func < (lhs: ActorType, rhs: ActorType) -> Bool {
        lhs.order < rhs.order
    }

    /// The position in `allCases`.
    private var order: Int {
        switch self {
        case .person: return 0
        case .organization: return 1
        case .place: return 2
        }
    }
}

/// One mention of an actor in a text: its span, its type, and the canonical actor it names.
public struct ActorMention: Equatable, Sendable {
    public var span: TextSpan
    public var text: String
    public var type: ActorType
    /// Canonical id shared by every alias of the actor (`belarus` for Belarus and Weißrussland).
    public var actor: String
    /// Display name of the actor (`Alexander Lukaschenko` for `Lukaschenkos`).
    public var name: String
    /// A name inside a hyphenated compound (`US` in `US-Diplomat`).
    public var part: Bool

    public init(span: TextSpan, text: String, type: ActorType, actor: String, name: String, part: Bool = false) {
        self.span = span
        self.text = text
        self.type = type
        self.actor = actor
        self.name = name
        self.part = part
    }
}
