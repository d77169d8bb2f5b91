import GlossaCore
import Linking

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
