import Extraction
import GlossaCore

/// The annotation pane: the current sentence (its actors and numbers), the article's actors with
/// their counts, and the article's metadata.
public enum PaneView {
    static func render(_ state: AppState, in rect: Rect, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let focused = state.focus == .pane
        let header = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        buffer.fill(header, style: focused ? theme.headingFocused : theme.heading)
        buffer.put(" Annotations" + (focused ? " (focus)" : ""), x: rect.x, y: rect.y, limit: rect.maxX,
                   style: focused ? theme.headingFocused : theme.heading)
        let lines = state.paneLines(width: rect.width)
        let scroll = state.reader?.pane.scroll.offset ?? 0
        for row in 0..<(rect.height - 1) {
            let index = scroll + row
            guard index < lines.count else { break }
            let line = lines[index]
            let style: Style
            switch line.role {
            case .heading: style = theme.heading
            case .label: style = theme.label
            case .faint: style = theme.faint
            case .text, .blank: style = .plain
            case .selected: style = theme.selection
            }
            let y = rect.y + 1 + row
            if line.role == .selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            buffer.put(line.text, x: rect.x + 1, y: y, limit: rect.maxX, style: style)
            if let badge = line.badge {
                buffer.put(Badge.symbol(badge), x: rect.x + 3, y: y, style: line.role == .selected ? theme.selection : Badge.style(badge, theme))
            }
        }
    }
}
