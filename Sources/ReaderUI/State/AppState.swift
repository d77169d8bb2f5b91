import Extraction
import GlossaCore
import Linking

/// Which main screen is showing.
public enum Screen: Equatable, Sendable {
    case library
    case reader
    case actors
    case timeline
}

/// Which side of the reader receives movement keys.
public enum Focus: Equatable, Sendable {
    case text, pane
}

/// A line for the status bar, shown until the next key.
public struct StatusMessage: Equatable, Sendable {
    public enum Level: Equatable, Sendable { case info, warning }
    public var text: String
    public var level: Level

    public init(_ text: String, level: Level = .info) {
        self.text = text
        self.level = level
    }
}

/// Where the pane of the open article is: how far it is scrolled, and the entry selected in its
/// lists (linked events, then notes) when it has the focus.
public struct PaneState: Equatable, Sendable {
    public var scroll = Scroll()
    public var selection = 0
}

/// The layout of the reader: the annotation pane's visibility and the width the user chose (with
/// `<` / `>` or in the config file), and the widest the text is wrapped.
public struct PaneSettings: Equatable, Sendable {
    public var visible = true
    /// Columns; nil means the default for the terminal's width.
    public var width: Int?
    /// The text is wrapped at most this wide (nil: as wide as the column beside the pane).
    public var wrapWidth: Int?

    public init(visible: Bool = true, width: Int? = nil, wrapWidth: Int? = nil) {
        self.visible = visible
        self.width = width
        self.wrapWidth = wrapWidth
    }
}

/// The search being typed at the `/` prompt, and where to go back to on Esc.
public struct SearchPrompt: Equatable, Sendable {
    public var query: String
    let originCursor: Int
    let originTop: Int
    let previous: SearchMatches?
}

/// Search, in the reader or the library: the prompt being typed, and the search confirmed.
public struct SearchScreenState: Equatable, Sendable {
    public var prompt: SearchPrompt?
    public var result: SearchMatches?
}

/// A confirmed or incremental search: its query and matches.
public struct SearchMatches: Equatable, Sendable {
    public var query: String
    /// Reader: glyph ranges. Library: article indices as one-element ranges.
    public var matches: [Range<Int>]
}

/// The help overlay and its scroll position.
public struct HelpState: Equatable, Sendable {
    public var screen: ScreenKind
    public var scroll = Scroll()
}

/// The open article.
public struct ReaderState: Equatable, Sendable {
    public var articleIndex: Int
    public var document: Document
    public var layout: TextLayout
    /// Index of the current sentence.
    public var cursor = 0
    /// First visible layout line.
    public var top = 0
    /// Which of the current sentence's actors is selected (for `m`/`M`).
    public var actorSelection = 0
    /// The pane beside this article: its scroll position and selection.
    public var pane = PaneState()
}

/// The whole state of the application: one value, changed only by `Reducer.reduce`.
public struct AppState: Equatable, Sendable {
    public var library: Library
    public var size: Size
    public var theme: Theme
    public var keyMap: KeyMap
    public var screen: Screen = .library
    /// The library list: its cursor, rows, filters and search results.
    public var libraryScreen = LibraryScreenState()
    public var reader: ReaderState?
    public var help: HelpState?
    /// The `/` prompt and the search it left.
    public var search = SearchScreenState()
    public var pane = PaneSettings()
    public var focus: Focus = .text
    public var message: StatusMessage?
    public var isRunning = true
    /// Every actor mention of the library (filled in by the background reading).
    public var actorIndex: ActorIndex
    public var actorsScreen = ActorsState()
    /// What extraction uses: the user's actors from `actors.toml`.
    public var extractionOptions: ExtractionOptions
    /// Extractions already made (the index's cache), used when an article is opened.
    public var extractionCache = ExtractionCache.none
    /// The user's annotations, their undo stack and the editors.
    public var notes = NotesState()
    /// The library's events and their links across articles.
    public var events = LibraryEvents()
    /// Where `back` and `forward` go.
    public var history = NavigationHistory()
    public var timeline = TimelineState()
    /// The event `+` was pressed on, waiting for the event in another article to link it to.
    public var linkSource: EventReference?
    /// The background reading of the library, while it runs.
    public var indexing: IndexProgress?
    /// A large article being prepared off the event loop, to show when it is ready.
    public var preparing: Preparation?
    /// Counts preparations, so that an answer to an older one is known and dropped.
    var preparations = 0

    public init(library: Library, size: Size, theme: Theme = .color, keyMap: KeyMap = .standard,
                actorIndex: ActorIndex? = nil, extractionOptions: ExtractionOptions = ExtractionOptions()) {
        self.library = library
        self.extractionOptions = extractionOptions
        // Nothing is extracted here: the index comes from the background reading (or the caller).
        // Until then it is empty, and an article opened finds its own actors.
        self.actorIndex = actorIndex ?? ActorIndex(articles: [])
        libraryScreen.listing = library.articles.indices.map { ListingRow(article: $0) }
        self.size = size
        self.theme = theme
        self.keyMap = keyMap
        if !library.problems.isEmpty {
            let count = library.problems.count
            let first = library.problems[0]
            let more = count > 1 ? " (and \(count - 1) more; see glossa list)" : ""
            message = StatusMessage(first + more, level: .warning)
        }
    }

    /// The screen whose keys apply now.
    public var activeScreen: ScreenKind {
        if help != nil { return .help }
        if notes.spanEdit != nil { return .span }
        switch screen {
        case .library: return .library
        case .reader: return .reader
        case .actors: return .actors
        case .timeline: return .timeline
        }
    }
}
