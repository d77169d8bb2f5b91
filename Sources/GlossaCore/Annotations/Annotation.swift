import Foundation

/// An analyst's judgement of a claim.
public enum Verdict: String, CaseIterable, Sendable, Codable {
    case supported
    case disputed
    case `false` = "false"
    case needsSource = "needs-source"
    case opinion

    /// How the verdict reads in the pane and in reports.
    public var label: String {
        switch self {
        case .supported: return "supported"
        case .disputed: return "disputed"
        case .false: return "false"
        case .needsSource: return "needs source"
        case .opinion: return "opinion"
        }
    }
}

/// W3C Web Annotation TextQuoteSelector: the exact text with some context on either side.
public struct TextQuoteSelector: Hashable, Sendable, Codable {
    public var exact: String
    public var prefix: String
    public var suffix: String

    public init(exact: String, prefix: String, suffix: String) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }
}

/// A claim or a note on a span of an article. Its anchor follows the W3C Web Annotation model:
/// a TextQuoteSelector (`quote`) and a TextPositionSelector (`span`, Unicode scalars).
public struct Annotation: Equatable, Sendable, Identifiable {
    public var id: String
    /// The article's path relative to the library folder.
    public var article: String
    /// Where the annotation sits in the text it was last placed in (TextPositionSelector).
    public var span: TextSpan
    public var quote: TextQuoteSelector
    /// The content hash of the text `span` refers to (`ContentHash.of`).
    public var textHash: String
    /// True for a marked claim; false for a plain note.
    public var isClaim: Bool
    public var verdict: Verdict?
    public var note: String
    public var tags: [String]
    /// Set by the store when the annotation is first saved and on every change.
    public var created: Date?
    public var modified: Date?
    /// True when the article's text changed and the quote could not be found again.
    public var isOrphan: Bool
    /// How many times the store has written it (0: not stored yet). A write based on an older
    /// revision is refused, so that two Glossas on one library never overwrite each other's changes.
    public var revision: Int

    public init(id: String, article: String, span: TextSpan, quote: TextQuoteSelector, textHash: String,
                isClaim: Bool = true, verdict: Verdict? = nil, note: String = "", tags: [String] = [],
                created: Date? = nil, modified: Date? = nil, isOrphan: Bool = false, revision: Int = 0) {
        self.id = id
        self.article = article
        self.span = span
        self.quote = quote
        self.textHash = textHash
        self.isClaim = isClaim
        self.verdict = verdict
        self.note = note
        self.tags = tags
        self.created = created
        self.modified = modified
        self.isOrphan = isOrphan
        self.revision = revision
    }

    /// True when nothing but the anchor is left: no claim mark, verdict, note or tag.
    public var isEmpty: Bool { !isClaim && verdict == nil && note.isEmpty && tags.isEmpty }

    /// Annotations in reading order: by position, then by id.
    public static func readingOrder(_ lhs: Annotation, _ rhs: Annotation) -> Bool {
        (lhs.span.start, lhs.span.end, lhs.id) < (rhs.span.start, rhs.span.end, rhs.id)
    }
}

/// Makes annotation ids: UUIDs from a random base (one per run) and a counter, so that the reducer
/// stays pure and two instances never make the same id.
public struct AnnotationIDs: Equatable, Sendable {
    private let base: [UInt8]
    private var counter: UInt32 = 0

    public init(base: UUID = UUID()) {
        let uuid = base.uuid
        self.base = [uuid.0, uuid.1, uuid.2, uuid.3, uuid.4, uuid.5, uuid.6, uuid.7,
                     uuid.8, uuid.9, uuid.10, uuid.11, uuid.12, uuid.13, uuid.14, uuid.15]
    }

    public mutating func next() -> String {
        counter &+= 1
        var bytes = base
        for shift in 0..<4 { bytes[15 - shift] ^= UInt8(truncatingIfNeeded: counter >> (8 * UInt32(shift))) }
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return uuid.uuidString.lowercased()
    }
}
