import GlossaCore

/// Writes the JSON Lines of `glossa extract` by hand: fast, stable key order, no trailing spaces.
public struct JSONWriter {
    public private(set) var output = ""

    public init() {}

    /// One result line: `{"file"|"id", "title", "date", "sentences", "numbers", "actors", "events"}`.
    public static func line(key: String, name: String, title: String?, date: ArticleDate?, extraction: ArticleExtraction) -> String {
        var writer = JSONWriter()
        writer.output.reserveCapacity(256 + extraction.sentences.count * 28 + extraction.numbers.count * 120)
        writer.raw("{")
        writer.string(key)
        writer.raw(":")
        writer.string(name)
        writer.raw(",\"title\":")
        if let title { writer.string(title) } else { writer.raw("null") }
        writer.raw(",\"date\":")
        if let date { writer.string(date.iso) } else { writer.raw("null") }
        writer.raw(",\"sentences\":[")
        for (index, sentence) in extraction.sentences.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"start\":\(sentence.start),\"end\":\(sentence.end)}")
        }
        writer.raw("],\"numbers\":[")
        for (index, number) in extraction.numbers.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.number(number)
        }
        writer.raw("],\"actors\":[")
        for (index, actor) in extraction.actors.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.actor(actor)
        }
        writer.raw("],\"events\":[")
        writer.events(extraction.events)
        writer.raw("]}")
        return writer.output
    }

    /// One object per event mention, in text order: `{"id", "start", "end", "date", "actors", "label"}`.
    mutating func events(_ events: [Event]) {
        var mentions: [(span: TextSpan, event: Int)] = []
        for (index, event) in events.enumerated() {
            mentions += event.mentions.map { ($0, index) }
        }
        mentions.sort { ($0.span.start, $0.span.end, $0.event) < ($1.span.start, $1.span.end, $1.event) }
        for (number, mention) in mentions.enumerated() {
            let event = events[mention.event]
            if number > 0 { raw(",") }
            raw("{\"id\":")
            string(event.id)
            raw(",\"start\":\(mention.span.start),\"end\":\(mention.span.end),\"date\":")
            if let date = event.date { string(date) } else { raw("null") }
            raw(",\"actors\":[")
            for (index, actor) in event.actors.enumerated() {
                if index > 0 { raw(",") }
                string(actor)
            }
            raw("],\"label\":")
            string(event.label)
            raw("}")
        }
    }

    mutating func number(_ number: NumberMention) {
        raw("{\"start\":\(number.span.start),\"end\":\(number.span.end),\"text\":")
        string(number.text)
        raw(",\"kind\":\"\(number.kind.rawValue)\",\"value\":")
        switch number.value {
        case .number(let value): raw(NumberFormatting.plain(value))
        case .text(let text): string(text)
        case .none: raw("null")
        }
        raw(",\"unit\":")
        if let unit = number.unit { string(unit) } else { raw("null") }
        raw(",\"qualifier\":")
        if let qualifier = number.qualifier { raw("\"\(qualifier.rawValue)\"") } else { raw("null") }
        raw("}")
    }

    mutating func actor(_ actor: ActorMention) {
        raw("{\"start\":\(actor.span.start),\"end\":\(actor.span.end),\"text\":")
        string(actor.text)
        raw(",\"type\":\"\(actor.type.rawValue)\",\"actor\":")
        string(actor.actor)
        raw(",\"name\":")
        string(actor.name)
        raw(",\"part\":\(actor.part)}")
    }

    mutating func raw(_ text: String) {
        output += text
    }

    /// A JSON string with the escapes RFC 8259 requires.
    public mutating func string(_ text: String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}
