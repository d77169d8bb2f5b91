import GlossaCore
import Linking

/// A place in the library: an article and a sentence.
public struct Location: Equatable, Sendable {
    public var article: Int
    public var sentence: Int

    public init(article: Int, sentence: Int) {
        self.article = article
        self.sentence = sentence
    }
}

/// Jumps made by following links, for `back` and `forward`, across articles.
public struct NavigationHistory: Equatable, Sendable {
    public var back: [Location] = []
    public var forward: [Location] = []
}

/// What the pane lists for selection: the current sentence's linked events, then the article's notes.
public enum PaneItem: Equatable, Sendable {
    case link(EventReference)
    case note(Annotation)
}

/// The timeline screen: every event of the library by date, linked ones grouped.
public struct TimelineState: Equatable, Sendable {
    public var cursor = ListCursor()
    /// The screen the timeline was opened from.
    public var returnTo: Screen = .library
    /// Built when the timeline opens (and when links change), not on every key.
    public var entries: [TimelineEntry] = []
}

/// One line of the timeline: a cluster's heading (the same event in several articles), or an event
/// of one article (under its cluster, or alone).
public struct TimelineEntry: Equatable, Sendable {
    public var date: String?
    public var text: String
    /// The event that Enter opens.
    public var target: EventReference
    /// True for a cluster's heading line.
    public var isCluster: Bool
    /// True for an event listed under its cluster.
    public var isMember: Bool
}
