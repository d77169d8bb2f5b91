import Extraction
import GlossaCore

/// The actors screen: every actor of the library with its mentions per article; or, after Enter,
/// one actor's mentions with the sentence around each.
enum ActorsView {
    static func render(_ state: AppState, _ geometry: ScreenGeometry, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let index = state.actorIndex
        let screen = state.actorsScreen
        let body = geometry.body
        let header = Rect(x: body.x, y: body.y, width: body.width, height: 1)
        buffer.fill(header, style: theme.heading)
        if let selected = screen.selected, let actor = index.summary(of: selected) {
            let noun = actor.mentions == 1 ? "mention" : "mentions"
            RootView.renderTitleBar("Actor · \(actor.name) (\(actor.type.rawValue), \(actor.id))",
                                    right: "\(actor.mentions) \(noun)", theme: theme, rect: geometry.titleBar, into: &buffer)
            buffer.put(" Article" + String(repeating: " ", count: 27) + "Sentence", x: body.x, y: header.y, limit: body.maxX, style: theme.heading)
            let rows = max(0, body.height - 1)
            let mentions = index.mentions(of: selected, in: screen.mentions.top..<screen.mentions.top + rows)
            var scalars: [Int: [Unicode.Scalar]] = [:]   // each article decoded once per screen
            for row in 0..<rows {
                let position = screen.mentions.top + row
                guard row < mentions.count else { break }
                let (article, mention) = mentions[row]
                let y = body.y + 1 + row
                let isSelected = position == screen.mentions.index
                if isSelected { buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: theme.selection) }
                let base = isSelected ? theme.selection : Style.plain
                let title = state.library.articles[article].title
                var x = buffer.put(" " + pad(WordWrap.truncate(title, width: 32), 33) + " ", x: body.x, y: y, limit: body.maxX, style: base)
                if scalars[article] == nil { scalars[article] = Array(state.library.articles[article].text.unicodeScalars) }
                let (before, name, after) = context(scalars[article]!, mention, width: max(10, body.maxX - x - 1))
                x = buffer.put(before, x: x, y: y, limit: body.maxX, style: base)
                var nameStyle = ReaderView.actorStyle(mention.type, theme)
                if isSelected { nameStyle = ReaderView.highlight(nameStyle, with: theme.selection) }
                x = buffer.put(name, x: x, y: y, limit: body.maxX, style: nameStyle)
                buffer.put(after, x: x, y: y, limit: body.maxX, style: base)
            }
            return
        }
        let count = index.actors.count
        RootView.renderTitleBar("Actors · \(state.library.root)", right: "\(count) \(count == 1 ? "actor" : "actors")",
                                theme: theme, rect: geometry.titleBar, into: &buffer)
        buffer.put(row(type: "Type", mentions: "Named", articles: "Articles", name: "Actor"), x: body.x, y: header.y,
                   limit: body.maxX, style: theme.heading)
        if count == 0, let progress = state.indexing {
            let line = "The actors are listed once the library has been read (\(progress.percent)% so far)."
            buffer.put(WordWrap.truncate(line, width: body.width - 4), x: body.x + 2, y: body.y + 2, style: theme.title)
        }
        for row in 0..<max(0, body.height - 1) {
            let position = screen.list.top + row
            guard position < count else { break }
            let actor = index.actors[position]
            let y = body.y + 1 + row
            let isSelected = position == screen.list.index
            if isSelected { buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: theme.selection) }
            let base = isSelected ? theme.selection : Style.plain
            // As many articles as the row can show (an actor of a large library is in thousands).
            var perArticle = ""
            for entry in actor.articles {
                if perArticle.count > body.width { break }
                if !perArticle.isEmpty { perArticle += ", " }
                perArticle += "\(shortName(state.library.articles[entry.article].path)) ×\(entry.count)"
            }
            var x = buffer.put(self.row(type: actor.type.rawValue, mentions: String(actor.mentions),
                                        articles: String(actor.articles.count), name: ""),
                               x: body.x, y: y, limit: body.maxX, style: base)
            var nameStyle = ReaderView.actorStyle(actor.type, theme)
            if isSelected { nameStyle = ReaderView.highlight(nameStyle, with: theme.selection) }
            x = buffer.put(WordWrap.truncate(actor.name, width: 30), x: x, y: y, limit: body.maxX, style: nameStyle)
            buffer.put("  " + perArticle, x: x, y: y, limit: body.maxX - 1, style: isSelected ? base : theme.faint)
        }
    }

    static func row(type: String, mentions: String, articles: String, name: String) -> String {
        " " + pad(type, 13) + String(repeating: " ", count: max(0, 5 - mentions.count)) + mentions
            + "  " + String(repeating: " ", count: max(0, 8 - articles.count)) + articles + "  " + name
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayText.width(of: text)))
    }

    static func shortName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.count > 14 ? String(file.prefix(12)) + "…" : file
    }

    /// The text around a mention on one line: some words before, the name, the rest of the room after.
    static func context(_ scalars: [Unicode.Scalar], _ mention: ActorMention, width: Int) -> (String, String, String) {
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range])).split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        let start = max(0, min(mention.span.start, scalars.count))
        let end = max(start, min(mention.span.end, scalars.count))
        let name = text(start..<end)
        let lead = max(0, min(30, (width - name.count) / 3))
        var before = text(max(0, start - lead)..<start)
        if start - lead > 0 { before = "…" + before.drop { $0 != " " } }
        let room = max(0, width - DisplayText.width(of: before) - DisplayText.width(of: name))
        let after = WordWrap.truncate(text(end..<min(scalars.count, end + room + 1)), width: room)
        return (before, name, after)
    }
}
