/// The help overlay, generated from the keymap for the screen it was opened on.
enum HelpView {
    static func render(_ help: HelpState, _ state: AppState, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let size = state.size
        let rows = state.keyMap.bindings(on: help.screen)
        let width = min(76, size.width - 4)
        let height = min(rows.count + 4, size.height - 2)
        let box = Rect(x: (size.width - width) / 2, y: max(1, (size.height - height) / 2), width: width, height: height)
        buffer.fill(box, style: .plain)
        drawBorder(box, title: " Keys: \(help.screen.rawValue) ", theme: theme, into: &buffer)
        let keysWidth = min(24, (width - 4) / 3)
        let visible = box.height - 4
        for row in 0..<max(0, visible) {
            let index = help.scroll.offset + row
            guard index < rows.count else { break }
            let binding = rows[index]
            let y = box.y + 2 + row
            let keys = WordWrap.truncate(binding.keys.map(\.name).joined(separator: " "), width: keysWidth)
            buffer.put(keys, x: box.x + 2, y: y, style: theme.helpKey)
            let helpX = box.x + 3 + keysWidth
            buffer.put(WordWrap.truncate(binding.help, width: box.maxX - 2 - helpX), x: helpX, y: y, style: .plain)
        }
        let keys = state.keyMap
        let more = help.scroll.offset + visible < rows.count ? "  more: \(keys.hint(.moveDown, on: .help))/\(keys.hint(.moveUp, on: .help))  " : ""
        let footer = " \(keys.hint(.help, on: .help)) or \(keys.hint(.close, on: .help)) closes\(more.isEmpty ? " " : " ·" + more)"
        buffer.put(WordWrap.truncate(footer, width: width - 4), x: box.x + 2, y: box.maxY - 1, style: theme.helpBorder)
    }

    static func drawBorder(_ box: Rect, title: String, theme: Theme, into buffer: inout ScreenBuffer) {
        let style = theme.helpBorder
        for x in box.x..<box.maxX {
            buffer.put("─", x: x, y: box.y, style: style)
            buffer.put("─", x: x, y: box.maxY - 1, style: style)
        }
        for y in box.y..<box.maxY {
            buffer.put("│", x: box.x, y: y, style: style)
            buffer.put("│", x: box.maxX - 1, y: y, style: style)
        }
        buffer.put("┌", x: box.x, y: box.y, style: style)
        buffer.put("┐", x: box.maxX - 1, y: box.y, style: style)
        buffer.put("└", x: box.x, y: box.maxY - 1, style: style)
        buffer.put("┘", x: box.maxX - 1, y: box.maxY - 1, style: style)
        buffer.put(title, x: box.x + 2, y: box.y, style: theme.heading)
    }
}
