import Foundation
import GlossaCore

/// The library screen: the list as shown (every article, or the search results, through the
/// filters), its cursor, and the search and filter being typed.
public struct LibraryScreenState: Equatable, Sendable {
    public var cursor = ListCursor()
    public var listing: [ListingRow] = []
    public var filter = LibraryFilter()
    /// The full-text search results shown in the library, and the latest search asked for.
    public var results: LibraryResults?
    public var searchGeneration = 0
    /// The results to go back to when a new search is cancelled.
    var resultsOrigin: LibraryResults?
    /// The actor or date filter being typed.
    public var filterPrompt: FilterPrompt?
    /// An article being read from disk, to open when it arrives.
    public var pendingOpen: PendingOpen?

    /// The article of the row under the cursor.
    public var currentArticle: Int? { listing.indices.contains(cursor.index) ? listing[cursor.index].article : nil }
}

/// The library list's filters: by actor, by date range, by having notes.
public struct LibraryFilter: Equatable, Sendable {
    /// An actor id, and the name to show.
    public var actor: String?
    public var actorName: String?
    /// Inclusive bounds, each as precise as typed (`2020`, `2020-03`, `2020-03-14`).
    public var from: ArticleDate?
    public var to: ArticleDate?
    public var withNotes = false

    public init(actor: String? = nil, actorName: String? = nil, from: ArticleDate? = nil, to: ArticleDate? = nil, withNotes: Bool = false) {
        self.actor = actor
        self.actorName = actorName
        self.from = from
        self.to = to
        self.withNotes = withNotes
    }

    public var isActive: Bool { actor != nil || from != nil || to != nil || withNotes }
    public var hasDates: Bool { from != nil || to != nil }

    /// What the title bar says: `actor Lukaschenko · 2020-03…2020-06 · with notes`.
    public var summary: String {
        var parts: [String] = []
        if let actorName { parts.append("actor \(actorName)") }
        if hasDates { parts.append(Self.describe(from: from, to: to)) }
        if withNotes { parts.append("with notes") }
        return parts.joined(separator: " · ")
    }

    static func describe(from: ArticleDate?, to: ArticleDate?) -> String {
        if let from, let to, from == to { return from.iso }
        return (from?.iso ?? "") + "…" + (to?.iso ?? "")
    }

    /// Whether a date falls in the range: the date's span (a whole month for `2020-03`) overlaps it.
    /// An undated article is outside any range.
    public func accepts(date: ArticleDate?) -> Bool {
        guard hasDates else { return true }
        guard let date else { return false }
        if let from, Self.last(date) < Self.first(from) { return false }
        if let to, Self.first(date) > Self.last(to) { return false }
        return true
    }

    static func first(_ date: ArticleDate) -> (Int, Int, Int) { (date.year, date.month ?? 1, date.day ?? 1) }
    static func last(_ date: ArticleDate) -> (Int, Int, Int) { (date.year, date.month ?? 12, date.day ?? 31) }

    /// Parses what the user typed for a date range: `2020`, `2020-03..2020-06`, `2021..`, `..2019-12`
    /// (also with `-` between two dates, `…` or ` bis `). Nil bounds both: the range is cleared.
    public static func parseRange(_ text: String) -> Result<(ArticleDate?, ArticleDate?), RangeError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .success((nil, nil)) }
        var parts: [String]
        if let separator = ["..", "…", " bis ", " - ", " to "].first(where: { trimmed.contains($0) }) {
            parts = trimmed.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
        } else {
            parts = [trimmed]
        }
        guard parts.count <= 2 else { return .failure(RangeError(text: text)) }
        func date(_ part: String) -> ArticleDate?? {
            if part.isEmpty { return .some(nil) }
            guard let parsed = ArticleDate(iso: part) else { return nil }
            return .some(parsed)
        }
        guard let lower = date(parts[0]) else { return .failure(RangeError(text: text)) }
        if parts.count == 1 { return .success((lower, lower)) }
        guard let upper = date(parts[1]) else { return .failure(RangeError(text: text)) }
        if let low = lower, let high = upper, Self.first(low) > Self.last(high) { return .failure(RangeError(text: text)) }
        return .success((lower, upper))
    }

    public struct RangeError: Error, Equatable {
        public let text: String
    }
}

/// The results of a full-text search over the library, best first.
public struct LibraryResults: Equatable, Sendable {
    /// At most this many articles are listed (the best ones).
    public static let limit = LibraryHit.limit
    public var query: String
    public var hits: [LibraryHit]
    /// Which request they answer: only the latest one is shown.
    public var generation: Int
    /// Set when the search itself failed (the message says why).
    public var problem: String?

    public init(query: String, hits: [LibraryHit], generation: Int, problem: String? = nil) {
        self.query = query
        self.hits = hits
        self.generation = generation
        self.problem = problem
    }
}

/// An article to open once it has been read from disk (it was still a placeholder).
public struct PendingOpen: Equatable, Sendable {
    public var path: String
    /// The search whose best sentence to open at.
    public var query: String?
    public var sentence: Int?
}

/// A large article being prepared for the reader off the event loop (`Effect.prepareDocument`):
/// the reader shows "Preparing …" and keys keep working; where to open it is kept here.
public struct Preparation: Equatable, Sendable {
    public var article: Int
    public var path: String
    public var generation: Int
    /// Open at this sentence, at the sentence of this scalar offset, or at the best match of this search.
    public var sentence: Int?
    public var offset: Int?
    public var query: String?
}

/// The line typed for a library filter (`@` actor, `D` dates).
public struct FilterPrompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case actor, dates }
    public var kind: Kind
    public var line: LineEditor

    public var label: String {
        switch kind {
        case .actor: return "Articles naming: "
        case .dates: return "Dates (2020, 2020-03..2020-06, 2021.., ..2019): "
        }
    }
}

/// One row of the library list: an article, and the search result it stands for (when searching).
public struct ListingRow: Equatable, Sendable {
    public var article: Int
    public var hit: Int?
}
