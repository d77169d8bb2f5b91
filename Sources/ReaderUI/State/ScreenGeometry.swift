/// Where each part of the screen goes for a terminal size: shared by the reducer (page sizes,
/// wrapping width) and the views, so both agree.
public struct ScreenGeometry: Equatable, Sendable {
    public static let minimumSize = Size(width: 40, height: 8)
    public static let gutterWidth = 3
    /// The text column never gets narrower than this to make room for the pane.
    public static let minimumTextWidth = 36
    public static let minimumPaneWidth = 20

    public let size: Size
    public let titleBar: Rect
    public let body: Rect
    public let statusBar: Rect
    /// The gutter left of the text (markers for the current sentence, later badges).
    public let gutter: Rect
    public let text: Rect
    public let pane: Rect?
    public let separatorX: Int?

    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    public init(size: Size, pane settings: PaneSettings) {
        self.size = size
        titleBar = Rect(x: 0, y: 0, width: size.width, height: 1)
        statusBar = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: 1)
        body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        var textWidth = size.width
        var paneRect: Rect?
        var separator: Int?
        if settings.visible {
            let paneWidth = Self.clampPaneWidth(settings.width ?? Self.defaultPaneWidth(for: size.width), totalWidth: size.width)
            if let paneWidth {
                textWidth = size.width - paneWidth - 1
                separator = textWidth
                paneRect = Rect(x: textWidth + 1, y: body.y, width: paneWidth, height: body.height)
            }
        }
        pane = paneRect
        separatorX = separator
        gutter = Rect(x: 0, y: body.y, width: Self.gutterWidth, height: body.height)
        text = Rect(x: Self.gutterWidth, y: body.y, width: min(textWidth - Self.gutterWidth - 1, settings.wrapWidth ?? .max), height: body.height)
    }

    public static func defaultPaneWidth(for totalWidth: Int) -> Int {
        min(48, max(28, totalWidth * 3 / 10))
    }

    /// The pane width that fits next to a readable text column, or nil when none does.
    public static func clampPaneWidth(_ width: Int, totalWidth: Int) -> Int? {
        let widest = totalWidth - 1 - minimumTextWidth - gutterWidth - 1
        guard widest >= minimumPaneWidth else { return nil }
        return min(max(width, minimumPaneWidth), widest)
    }
}
