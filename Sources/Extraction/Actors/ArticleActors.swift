import GlossaCore

/// One article's actor mentions, kept compactly for a library of thousands: each distinct string
/// (text, actor id, display name) once, and each mention as offsets and indices into them
/// (24 bytes a mention instead of about 80 with three strings).
public struct ArticleActors: Equatable, Sendable, RandomAccessCollection {
    private struct Packed: Equatable, Sendable {
        var start: Int32
        var end: Int32
        var text: UInt32
        var actor: UInt32
        var name: UInt32
        var type: UInt8
        var part: Bool
    }

    private var strings: [String] = []
    private var packed: [Packed] = []

    public init() {}

    /// The mentions, with each string passed through `intern` once (to share it across articles).
    public init(_ mentions: [ActorMention], intern: (String) -> String = { $0 }) {
        var slots: [String: UInt32] = [:]
        func slot(_ string: String) -> UInt32 {
            if let known = slots[string] { return known }
            let index = UInt32(strings.count)
            strings.append(intern(string))
            slots[string] = index
            return index
        }
        packed.reserveCapacity(mentions.count)
        for mention in mentions {
            guard let start = Int32(exactly: mention.span.start), let end = Int32(exactly: mention.span.end) else { continue }
            let type: UInt8 = switch mention.type { case .person: 0; case .organization: 1; case .place: 2 }
            packed.append(Packed(start: start, end: end, text: slot(mention.text), actor: slot(mention.actor), name: slot(mention.name),
                                 type: type, part: mention.part))
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { packed.count }

    public subscript(position: Int) -> ActorMention {
        let mention = packed[position]
        let type: ActorType = switch mention.type { case 0: .person; case 1: .organization; default: .place }
        return ActorMention(span: TextSpan(start: Int(mention.start), end: Int(mention.end)), text: strings[Int(mention.text)],
                            type: type, actor: strings[Int(mention.actor)], name: strings[Int(mention.name)], part: mention.part)
    }

    /// The actor id of a mention, without building the mention.
    public func actor(at position: Int) -> String { strings[Int(packed[position].actor)] }

    /// The positions of the mentions of an actor, in text order.
    public func positions(naming actor: String) -> [Int] {
        guard let slot = strings.firstIndex(of: actor).map(UInt32.init) else { return [] }
        return packed.indices.filter { packed[$0].actor == slot }
    }
}
