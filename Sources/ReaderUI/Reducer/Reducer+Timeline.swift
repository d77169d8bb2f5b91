import Extraction
import GlossaCore
import Linking

extension Reducer {
    /// Every event of the library by date (undated last): a linked event once, as its cluster with
    /// the articles that report it beneath; the others alone.
    static func timelineEntries(_ state: AppState) -> [TimelineEntry] {
        let titles = Dictionary(state.library.articles.map { ($0.path, $0.title) }, uniquingKeysWith: { first, _ in first })
        var groups: [(date: String?, lines: [TimelineEntry])] = []
        for cluster in state.events.clusters {
            let members = cluster.members.sorted { (state.library.positions[$0.article] ?? 0) < (state.library.positions[$1.article] ?? 0) }
            let events = members.compactMap { state.events.event($0) }
            let date = clusterDate(events.compactMap(\.date))
            // Named as the member that gives the cluster its date says it (its label ends in that date).
            let label = (events.first { $0.date == date } ?? events.first)?.label ?? cluster.id
            let confidence = cluster.isManual ? "linked by hand" : String(format: "%.2f", cluster.confidence)
            var lines = [TimelineEntry(date: date, text: "\(label)  [\(members.count) articles, \(confidence)]", target: members[0],
                                       isCluster: true, isMember: false)]
            for (member, event) in zip(members, events) {
                lines.append(TimelineEntry(date: event.date, text: titles[member.article] ?? member.article, target: member, isCluster: false, isMember: true))
            }
            groups.append((date, lines))
        }
        for article in state.library.articles {
            for event in state.events.events[article.path] ?? [] {
                let reference = EventReference(article: article.path, event: event.id)
                guard state.events.cluster(of: reference) == nil else { continue }
                groups.append((event.date, [TimelineEntry(date: event.date, text: event.label + " — " + article.title, target: reference, isCluster: false, isMember: false)]))
            }
        }
        let sorted = groups.enumerated().sorted { lhs, rhs in
            switch (lhs.element.date, rhs.element.date) {
            case let (left?, right?) where left != right: return left < right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.offset < rhs.offset
            }
        }
        return sorted.flatMap(\.element.lines)
    }

    /// A cluster's date: the earliest exact date (a day) of its members; without one, the earliest of
    /// the most precise they give (`2020-09` before `2020`).
    static func clusterDate(_ dates: [String]) -> String? {
        guard let precision = dates.map({ $0.split(separator: "-").count }).max() else { return nil }
        return dates.filter { $0.split(separator: "-").count == precision }.min()
    }

    static func openTimeline(_ state: inout AppState) {
        if state.screen == .timeline {
            state.screen = state.timelineReturn
            return
        }
        guard !state.events.events.isEmpty else {
            state.message = StatusMessage("No events found in this library.")
            return
        }
        state.timelineReturn = state.screen
        state.screen = .timeline
        state.timeline.entries = timelineEntries(state)
        clampTimeline(&state)
    }

    static func timelineCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        let count = state.timeline.entries.count
        let page = max(1, ScreenGeometry(size: state.size, pane: state.pane).body.height - 1)
        switch command {
        case .close, .timeline:
            state.screen = state.timelineReturn
        case .moveDown: state.timeline.cursor += 1
        case .moveUp: state.timeline.cursor -= 1
        case .pageDown: state.timeline.cursor += page
        case .pageUp: state.timeline.cursor -= page
        case .moveFirst: state.timeline.cursor = 0
        case .moveLast: state.timeline.cursor = count - 1
        case .open:
            let entries = state.timeline.entries
            guard entries.indices.contains(state.timeline.cursor) else { return [] }
            follow(entries[state.timeline.cursor].target, &state)
            return []
        default:
            return []
        }
        clampTimeline(&state)
        return []
    }

    static func clampTimeline(_ state: inout AppState) {
        let count = state.timeline.entries.count
        let rows = max(1, ScreenGeometry(size: state.size, pane: state.pane).body.height - 1)
        state.timeline.cursor = min(max(0, state.timeline.cursor), max(0, count - 1))
        if state.timeline.cursor < state.timeline.top { state.timeline.top = state.timeline.cursor }
        if state.timeline.cursor >= state.timeline.top + rows { state.timeline.top = state.timeline.cursor - rows + 1 }
        state.timeline.top = min(max(0, state.timeline.top), max(0, count - rows))
    }
}
