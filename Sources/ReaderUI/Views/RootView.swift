/// Draws the whole screen for a state: pure, so tests snapshot it.
public enum RootView {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.size.width, height: state.size.height)
        let geometry = ScreenGeometry(size: state.size, pane: state.pane)
        if geometry.isTooSmall {
            renderTooSmall(state.size, into: &buffer)
            return buffer
        }
        switch state.screen {
        case .library: LibraryView.render(state, geometry, into: &buffer)
        case .reader: ReaderView.render(state, geometry, into: &buffer)
        case .actors: ActorsView.render(state, geometry, into: &buffer)
        case .timeline: TimelineView.render(state, geometry, into: &buffer)
        }
        StatusBarView.render(state, geometry, into: &buffer)
        if let help = state.help { HelpView.render(help, state, into: &buffer) }
        return buffer
    }

    /// A short message instead of a broken layout; the app recovers when the terminal grows.
    static func renderTooSmall(_ size: Size, into buffer: inout ScreenBuffer) {
        let minimum = ScreenGeometry.minimumSize
        let lines = ["Terminal too small", "(\(size.width)x\(size.height), need \(minimum.width)x\(minimum.height))"]
        let top = max(0, size.height / 2 - 1)
        for (row, line) in lines.enumerated() {
            let text = WordWrap.truncate(line, width: size.width)
            let x = max(0, (size.width - DisplayText.width(of: text)) / 2)
            buffer.put(text, x: x, y: top + row, style: Style(bold: row == 0))
        }
    }

    /// The top bar: the program, then what is open; `right` goes at the right edge.
    static func renderTitleBar(_ left: String, right: String, theme: Theme, rect: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: theme.bar)
        let next = buffer.put(" Glossa ", x: rect.x, y: rect.y, style: theme.barAccent)
        let rightWidth = DisplayText.width(of: right)
        let room = rect.width - (next - rect.x) - rightWidth - 3
        buffer.put(WordWrap.truncate(left, width: max(0, room)), x: next + 1, y: rect.y, style: theme.bar)
        if rightWidth + 1 < rect.width - (next - rect.x) {
            buffer.put(right, x: rect.maxX - rightWidth - 1, y: rect.y, style: theme.bar)
        }
    }
}
