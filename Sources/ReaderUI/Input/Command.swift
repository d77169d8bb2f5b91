import GlossaCore

/// What the user intends. The raw values are stable: `glossa keys`, help and user bindings use them.
public enum Command: String, CaseIterable, Sendable, Codable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case moveFirst = "move-first"
    case moveLast = "move-last"
    case open = "open"
    case close = "close"
    case quit = "quit"
    case search = "search"
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case toggleFocus = "toggle-focus"
    case togglePane = "toggle-pane"
    case paneWider = "pane-wider"
    case paneNarrower = "pane-narrower"
    case help = "help"
    case redraw = "redraw"
    case actors = "actors"
    case nextMention = "next-mention"
    case previousMention = "previous-mention"
    case selectActor = "select-actor"
    case claim = "claim"
    case verdictSupported = "verdict-supported"
    case verdictDisputed = "verdict-disputed"
    case verdictFalse = "verdict-false"
    case verdictNeedsSource = "verdict-needs-source"
    case verdictOpinion = "verdict-opinion"
    case note = "note"
    case tag = "tag"
    case deleteAnnotation = "delete-annotation"
    case undo = "undo"
    case exportMarkdown = "export-markdown"
    case adjustClaim = "adjust-claim"
    case spanEndLater = "span-end-later"
    case spanEndEarlier = "span-end-earlier"
    case spanStartEarlier = "span-start-earlier"
    case spanStartLater = "span-start-later"
    case spanNextSentence = "span-next-sentence"
    case spanPreviousSentence = "span-previous-sentence"
    case spanSave = "span-save"
    case followLink = "follow-link"
    case back = "back"
    case forward = "forward"
    case nextEvent = "next-event"
    case previousEvent = "previous-event"
    case timeline = "timeline"
    case confirmLink = "confirm-link"
    case removeLink = "remove-link"
    case addLink = "add-link"
    case filterActor = "filter-actor"
    case filterDates = "filter-dates"
    case filterNotes = "filter-notes"
    case clearFilters = "clear-filters"
    case rescan = "rescan"

    /// The verdict a verdict command gives.
    public var verdict: Verdict? {
        switch self {
        case .verdictSupported: return .supported
        case .verdictDisputed: return .disputed
        case .verdictFalse: return .false
        case .verdictNeedsSource: return .needsSource
        case .verdictOpinion: return .opinion
        default: return nil
        }
    }
}

/// The screens a command can act on.
public enum ScreenKind: String, CaseIterable, Sendable, Codable, Comparable {
    case library, reader, actors, timeline, span, help

    public static func < (lhs: ScreenKind, rhs: ScreenKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
