/// The timeline: every event of the library by date; linked events as a cluster with its articles.
enum TimelineView {
    static func render(_ state: AppState, _ geometry: ScreenGeometry, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let entries = state.timeline.entries
        let clusters = state.events.clusters.count
        RootView.renderTitleBar("Timeline · \(state.library.root)", right: "\(clusters) linked across articles",
                                theme: theme, rect: geometry.titleBar, into: &buffer)
        let body = geometry.body
        buffer.fill(Rect(x: body.x, y: body.y, width: body.width, height: 1), style: theme.heading)
        buffer.put(" Date        Event", x: body.x, y: body.y, limit: body.maxX, style: theme.heading)
        for row in 0..<(body.height - 1) {
            let index = state.timeline.cursor.top + row
            guard index < entries.count else { break }
            let entry = entries[index]
            let y = body.y + 1 + row
            let selected = index == state.timeline.cursor.index
            var style: Style = entry.isCluster ? theme.title : .plain
            if selected {
                style = theme.selection
                buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: style)
            }
            let date = entry.isMember ? "" : (entry.date ?? "undated")
            let lead = entry.isMember ? "    └ " : (entry.isCluster ? "⇄ " : "  ")
            let text = " " + date + String(repeating: " ", count: max(0, 11 - date.count)) + " " + lead + entry.text
            buffer.put(WordWrap.truncate(text, width: body.width - 1), x: body.x, y: y, style: style)
        }
    }
}
