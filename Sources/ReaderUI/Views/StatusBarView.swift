import GlossaCore

/// The bottom line: the search prompt, a message, or the position; key hints on the right.
enum StatusBarView {
    static func render(_ state: AppState, _ geometry: ScreenGeometry, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let rect = geometry.statusBar
        buffer.fill(rect, style: theme.bar)
        if let editor = state.notes.editor {
            renderEditor(editor.label, editor.line, info: "Enter saves · Esc cancels", theme, rect, into: &buffer)
            return
        }
        if let prompt = state.libraryScreen.filterPrompt {
            renderEditor(prompt.label, prompt.line, info: "Enter applies · empty clears · Esc cancels", theme, rect, into: &buffer)
            return
        }
        if let prompt = state.search.prompt {
            let count = state.screen == .library ? state.libraryScreen.listing.count : state.search.result?.matches.count ?? 0
            let noun = state.screen == .library ? (count == 1 ? "article" : "articles") : (count == 1 ? "match" : "matches")
            let info = prompt.query.isEmpty ? "Enter keeps · Esc cancels" : "\(count) \(noun)"
            let infoWidth = DisplayText.width(of: info)
            let room = rect.width - infoWidth - 4
            let queryText = WordWrap.truncate("/" + prompt.query, width: max(1, room))
            var x = buffer.put(queryText, x: rect.x + 1, y: rect.y, style: theme.bar)
            x = buffer.put(" ", x: x, y: rect.y, style: Style(reverse: !theme.bar.reverse))
            buffer.put(info, x: rect.maxX - infoWidth - 1, y: rect.y, style: theme.bar)
            return
        }
        let left: String
        var leftStyle = theme.bar
        if let message = state.message {
            left = message.text
            leftStyle = message.level == .warning ? theme.warning : theme.message
        } else {
            left = position(state)
        }
        let leftWidth = DisplayText.width(of: left)
        let progress = state.indexing.map(progressText) ?? ""
        let hints = [self.hints(state), mediumHints(state), shortHints(state), ""].map { hint in
            progress.isEmpty ? hint : (hint.isEmpty ? progress : progress + " · " + hint)
        }.first {
            leftWidth + DisplayText.width(of: $0) + 4 <= rect.width
        } ?? progress
        let hintsWidth = DisplayText.width(of: hints)
        let showHints = !hints.isEmpty
        let leftRoom = showHints ? rect.width - hintsWidth - 3 : rect.width - 2
        buffer.put(" " + WordWrap.truncate(left, width: leftRoom) + " ", x: rect.x, y: rect.y, style: leftStyle)
        if showHints {
            buffer.put(hints, x: rect.maxX - hintsWidth - 1, y: rect.y, style: theme.bar)
        }
    }

    /// The background reading: `Reading 4,210/10,000 (42%)`, then `Linking events`.
    static func progressText(_ progress: IndexProgress) -> String {
        switch progress.phase {
        case .reading: return "Reading \(progress.done.grouped)/\(progress.total.grouped) (\(progress.percent)%)"
        case .linking: return "Linking events …"
        }
    }

    /// A line being typed (note, tags, filter), scrolled so that the cursor shows, with the cursor cell reversed.
    static func renderEditor(_ label: String, _ line: LineEditor, info: String, _ theme: Theme, _ rect: Rect, into buffer: inout ScreenBuffer) {
        let infoWidth = DisplayText.width(of: info)
        var x = buffer.put(" " + label, x: rect.x, y: rect.y, style: theme.barAccent)
        let room = max(1, rect.maxX - x - (rect.width > 60 + infoWidth - 25 ? infoWidth + 3 : 1))
        let characters = line.characters
        let widths = characters.map { DisplayText.width(of: String($0)) }
        var first = 0
        while widths[first..<line.cursor].reduce(0, +) + 1 > room, first < line.cursor { first += 1 }
        var used = 0
        var index = first
        while index <= characters.count {
            let isCursor = index == line.cursor
            let cell = index < characters.count ? DisplayText.cell(for: characters[index]) : (text: " ", width: 1)
            guard used + cell.width <= room else { break }
            var style = theme.bar
            if isCursor { style.reverse = !style.reverse }
            x = buffer.put(cell.text, x: x, y: rect.y, style: style)
            used += cell.width
            index += 1
        }
        if rect.width > 60 + infoWidth - 25 { buffer.put(info, x: rect.maxX - infoWidth - 1, y: rect.y, style: theme.bar) }
    }

    static func position(_ state: AppState) -> String {
        switch state.screen {
        case .library:
            let count = state.libraryScreen.listing.count
            if state.library.articles.isEmpty { return "Empty library" }
            if state.libraryScreen.results != nil { return count == 0 ? "No result" : "Result \(state.libraryScreen.cursor.index + 1) of \(count)" }
            return count == 0 ? "No article matches" : "Article \(state.libraryScreen.cursor.index + 1) of \(count)"
        case .reader:
            guard let reader = state.reader else { return "" }
            let sentences = reader.document.sentences.count
            let lines = reader.layout.lines.count
            let height = ScreenGeometry(size: state.size, pane: state.pane).text.height
            let seen = lines == 0 ? 100 : min(100, (reader.top + height) * 100 / lines)
            let sentence = sentences == 0 ? "No sentences" : "Sentence \(reader.cursor + 1) of \(sentences)"
            let focus = state.focus == .pane ? " · pane focused" : ""
            let file = state.library.articles[reader.articleIndex].path.split(separator: "/").last.map(String.init) ?? ""
            return "\(file) · \(sentence) · \(seen)%\(focus)"
        case .actors:
            let screen = state.actorsScreen
            if let selected = screen.selected, let actor = state.actorIndex.summary(of: selected) {
                return "\(actor.name): mention \(screen.mentions.index + 1) of \(actor.mentions)"
            }
            let count = state.actorIndex.actors.count
            return count == 0 ? "No actors yet" : "Actor \(screen.list.index + 1) of \(count)"
        case .timeline:
            return "Line \(state.timeline.cursor.index + 1) of \(state.timeline.entries.count)"
        }
    }

    /// Movement, search, help and back, for 80 columns.
    static func mediumHints(_ state: AppState) -> String {
        if state.activeScreen == .library {
            let keys = state.keyMap
            return "\(keys.hint(.open, on: .library)) open · \(keys.hint(.search, on: .library)) search · "
                + "\(keys.hint(.actors, on: .library)) actors · " + shortHints(state)
        }
        guard state.activeScreen == .reader else { return shortHints(state) }
        let keys = state.keyMap
        return "\(keys.hint(.moveDown, on: .reader))/\(keys.hint(.moveUp, on: .reader)) sentence · "
            + "\(keys.hint(.search, on: .reader)) search · " + shortHints(state)
    }

    /// The two hints that matter most, for narrow terminals.
    static func shortHints(_ state: AppState) -> String {
        let screen = state.activeScreen
        let close = screen == .library ? "quit" : (screen == .help ? "close" : "back")
        return "\(state.keyMap.hint(.help, on: screen)) help · \(state.keyMap.hint(.close, on: screen)) \(close)"
    }

    /// Hints from the keymap, so that they follow user bindings.
    static func hints(_ state: AppState) -> String {
        let keys = state.keyMap
        let screen = state.activeScreen
        func key(_ command: Command) -> String { keys.hint(command, on: screen) }
        switch screen {
        case .help:
            return "\(key(.close)) close"
        case .library:
            if state.libraryScreen.results != nil || state.libraryScreen.filter.isActive {
                return "\(key(.open)) open · \(key(.search)) search · \(key(.clearFilters)) clear · \(key(.help)) help · \(key(.close)) quit"
            }
            return "\(key(.open)) open · \(key(.search)) search · \(key(.filterActor)) actor · \(key(.filterDates)) dates · \(key(.actors)) actors · \(key(.help)) help · \(key(.close)) quit"
        case .span:
            return "\(key(.spanSave)) save · \(key(.close)) cancel · \(key(.help)) help"
        case .actors:
            return "\(key(.open)) \(state.actorsScreen.selected == nil ? "mentions" : "open") · \(key(.help)) help · \(key(.close)) back"
        case .timeline:
            return "\(key(.open)) open · \(key(.help)) help · \(key(.close)) back"
        case .reader:
            return "\(key(.moveDown))/\(key(.moveUp)) sentence · \(key(.claim)) claim · \(key(.verdictSupported))–\(key(.verdictOpinion)) verdict · "
                + "\(key(.note)) note · \(key(.selectActor))/\(key(.nextMention)) actor · \(key(.help)) help · \(key(.close)) back"
        }
    }
}
