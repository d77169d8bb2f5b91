import Extraction
import GlossaCore

/// The cached form of an extraction: a compact binary encoding (variable-length integers and
/// UTF-8 strings, each distinct string written once and then referred to by number: an article
/// names the same actors dozens of times), read back exactly. A blob of another format version decodes to nil, so the
/// article is simply extracted again.
public enum ExtractionCodec {
    static let format: UInt8 = 3

    public static func encode(_ extraction: ArticleExtraction) -> [UInt8] {
        var out = Writer()
        out.bytes.reserveCapacity(64 + extraction.sentences.count * 4 + extraction.actors.count * 24 + extraction.numbers.count * 24)
        out.byte(format)
        out.int(extraction.sentences.count)
        var last = 0
        for sentence in extraction.sentences {
            out.int(sentence.start - last)
            out.int(sentence.length)
            last = sentence.start
        }
        out.int(extraction.numbers.count)
        for number in extraction.numbers {
            out.span(number.span)
            out.string(number.text)
            out.byte(UInt8(NumberKind.allCases.firstIndex(of: number.kind)!))
            switch number.value {
            case .number(let value):
                out.byte(0)
                out.double(value)
            case .text(let text):
                out.byte(1)
                out.string(text)
            case .none:
                out.byte(2)
            }
            out.optionalString(number.unit)
            out.optionalString(number.qualifier?.rawValue)
        }
        out.int(extraction.actors.count)
        for actor in extraction.actors {
            out.span(actor.span)
            out.string(actor.text)
            out.byte(UInt8(ActorType.allCases.firstIndex(of: actor.type)!) | (actor.part ? 0x80 : 0))
            out.string(actor.actor)
            out.string(actor.name)
        }
        out.int(extraction.events.count)
        for event in extraction.events {
            out.string(event.id)
            out.string(event.category.rawValue)
            out.int(event.mentions.count)
            for mention in event.mentions { out.span(mention) }
            out.optionalString(event.date)
            out.strings(event.actors)
            out.strings(event.amounts)
            out.string(event.label)
            out.int(event.sequence)
        }
        return out.bytes
    }

    public static func decode(_ bytes: [UInt8]) -> ArticleExtraction? {
        var input = Reader(bytes: bytes)
        guard input.byte() == format else { return nil }
        var extraction = ArticleExtraction(sentences: [], numbers: [])
        guard let sentenceCount = input.count() else { return nil }
        extraction.sentences.reserveCapacity(sentenceCount)
        var last = 0
        for _ in 0..<sentenceCount {
            guard let delta = input.int(), let length = input.int() else { return nil }
            last += delta
            extraction.sentences.append(TextSpan(start: last, end: last + length))
        }
        guard let numberCount = input.count() else { return nil }
        extraction.numbers.reserveCapacity(numberCount)
        for _ in 0..<numberCount {
            guard let span = input.span(), let text = input.string(), let kindIndex = input.byte(),
                  Int(kindIndex) < NumberKind.allCases.count, let tag = input.byte() else { return nil }
            let value: NumberValue
            switch tag {
            case 0:
                guard let number = input.double() else { return nil }
                value = .number(number)
            case 1:
                guard let text = input.string() else { return nil }
                value = .text(text)
            case 2: value = .none
            default: return nil
            }
            guard let unit = input.optionalString(), let qualifier = input.optionalString() else { return nil }
            extraction.numbers.append(NumberMention(span: span, text: text, kind: NumberKind.allCases[Int(kindIndex)], value: value,
                                                    unit: unit, qualifier: qualifier.flatMap { Qualifier(rawValue: $0) }))
        }
        guard let actorCount = input.count() else { return nil }
        extraction.actors.reserveCapacity(actorCount)
        for _ in 0..<actorCount {
            guard let span = input.span(), let text = input.string(), let flags = input.byte(),
                  Int(flags & 0x7F) < ActorType.allCases.count, let actor = input.string(), let name = input.string() else { return nil }
            extraction.actors.append(ActorMention(span: span, text: text, type: ActorType.allCases[Int(flags & 0x7F)], actor: actor,
                                                  name: name, part: flags & 0x80 != 0))
        }
        guard let eventCount = input.count() else { return nil }
        for _ in 0..<eventCount {
            guard let id = input.string(), let category = input.string().flatMap(EventCategory.init(rawValue:)),
                  let mentionCount = input.count() else { return nil }
            var mentions: [TextSpan] = []
            for _ in 0..<mentionCount {
                guard let span = input.span() else { return nil }
                mentions.append(span)
            }
            guard let date = input.optionalString(), let actors = input.strings(), let amounts = input.strings(),
                  let label = input.string(), let sequence = input.count() else { return nil }
            extraction.events.append(Event(id: id, category: category, mentions: mentions, date: date, actors: actors,
                                           amounts: amounts, label: label, sequence: sequence))
        }
        return input.isAtEnd ? extraction : nil
    }

    struct Writer {
        var bytes: [UInt8] = []
        /// Strings written so far, by their number (from 1; 0 introduces a new one).
        var written: [String: Int] = [:]

        mutating func byte(_ value: UInt8) { bytes.append(value) }

        mutating func int(_ value: Int) {
            // Zigzag, then 7 bits per byte.
            var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func double(_ value: Double) {
            var bits = value.bitPattern
            for _ in 0..<8 {
                bytes.append(UInt8(bits & 0xFF))
                bits >>= 8
            }
        }

        mutating func span(_ span: TextSpan) {
            int(span.start)
            int(span.length)
        }

        mutating func string(_ text: String) {
            if let number = written[text] {
                int(number)
                return
            }
            written[text] = written.count + 1
            int(0)
            var text = text
            text.withUTF8 { buffer in
                int(buffer.count)
                bytes.append(contentsOf: buffer)
            }
        }

        mutating func optionalString(_ text: String?) {
            if let text {
                byte(1)
                string(text)
            } else {
                byte(0)
            }
        }

        mutating func strings(_ list: [String]) {
            int(list.count)
            for text in list { string(text) }
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var position = 0
        /// Strings read so far (one copy each, shared by every mention that names them).
        var table: [String] = []

        var isAtEnd: Bool { position == bytes.count }

        mutating func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func int() -> Int? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while let next = byte() {
                result |= UInt64(next & 0x7F) << shift
                if next < 0x80 {
                    let value = Int64(bitPattern: result)
                    return Int((value >> 1) ^ -(value & 1))
                }
                shift += 7
                if shift > 63 { return nil }
            }
            return nil
        }

        /// A count or length: not negative, and not more than the bytes left could hold.
        mutating func count() -> Int? {
            guard let value = int(), value >= 0, value <= bytes.count - position else { return nil }
            return value
        }

        mutating func double() -> Double? {
            guard position + 8 <= bytes.count else { return nil }
            var bits: UInt64 = 0
            for index in 0..<8 { bits |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
            position += 8
            return Double(bitPattern: bits)
        }

        mutating func span() -> TextSpan? {
            guard let start = int(), let length = int(), start >= 0, length >= 0 else { return nil }
            return TextSpan(start: start, end: start + length)
        }

        mutating func string() -> String? {
            guard let number = int() else { return nil }
            if number > 0 { return number <= table.count ? table[number - 1] : nil }
            guard number == 0, let length = count() else { return nil }
            defer { position += length }
            let text = String(decoding: bytes[position..<position + length], as: UTF8.self)
            table.append(text)
            return text
        }

        mutating func optionalString() -> String?? {
            switch byte() {
            case 0: return .some(nil)
            case 1: return string().map { .some($0) }
            default: return nil
            }
        }

        mutating func strings() -> [String]? {
            guard let count = count() else { return nil }
            var list: [String] = []
            for _ in 0..<count {
                guard let text = string() else { return nil }
                list.append(text)
            }
            return list
        }
    }
}
