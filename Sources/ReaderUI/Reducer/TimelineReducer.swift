import Extraction
import GlossaCore
import Linking

/// The timeline screen (`TimelineState`): every event of the library by date, linked ones grouped.
enum TimelineReducer {
    /// Opens the timeline, or goes back to where it was opened from.
    static func toggle(_ state: inout AppState) {
        if state.screen == .timeline {
            state.screen = state.timeline.returnTo
            return
        }
        guard !state.events.events.isEmpty else {
            state.message = StatusMessage("No events found in this library.")
            return
        }
        state.timeline.returnTo = state.screen
        state.screen = .timeline
        refresh(&state)
    }

    static func reduce(_ command: Command, _ state: inout AppState) -> [Effect] {
        if state.timeline.cursor.move(command, count: state.timeline.entries.count, rows: rows(state.geometry)) { return [] }
        switch command {
        case .close, .timeline:
            state.screen = state.timeline.returnTo
            clamp(&state.timeline, state.geometry)
        case .open:
            let entries = state.timeline.entries
            guard entries.indices.contains(state.timeline.cursor.index) else { return [] }
            Navigation.follow(entries[state.timeline.cursor.index].target, &state)
        default:
            break
        }
        return []
    }

    static func rows(_ geometry: ScreenGeometry) -> Int { geometry.body.height - 1 }

    static func clamp(_ timeline: inout TimelineState, _ geometry: ScreenGeometry) {
        timeline.cursor.clamp(count: timeline.entries.count, rows: rows(geometry))
    }

    /// Builds the entries again (the timeline opened, or the links changed).
    static func refresh(_ state: inout AppState) {
        state.timeline.entries = entries(state)
        clamp(&state.timeline, state.geometry)
    }

    /// Every event of the library by date (undated last): a linked event once, as its cluster with
    /// the articles that report it beneath; the others alone.
    static func entries(_ state: AppState) -> [TimelineEntry] {
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
}
