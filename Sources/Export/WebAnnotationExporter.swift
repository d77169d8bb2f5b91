import Foundation
import GlossaCore

/// Renders annotations as a W3C Web Annotation collection (JSON-LD): pretty-printed, keys sorted,
/// slashes unescaped, so that the same annotations always give the same bytes.
public enum WebAnnotationExporter {
    public static let context = "http://www.w3.org/ns/anno.jsonld"

    /// - Parameters:
    ///   - label: the collection's label.
    ///   - annotations: in the order the items should have.
    public static func render(label: String, annotations: [Annotation]) -> String {
        let collection = Collection(label: label, total: annotations.count,
                                    first: Page(items: annotations.map(item)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and arrays of them cannot fail.
        return String(decoding: try! encoder.encode(collection), as: UTF8.self) + "\n"
    }

    static func item(_ annotation: Annotation) -> Item {
        var body: [Body] = []
        if let verdict = annotation.verdict { body.append(Body(purpose: "assessing", value: verdict.rawValue)) }
        if !annotation.note.isEmpty { body.append(Body(purpose: "commenting", value: annotation.note, format: "text/plain")) }
        body += annotation.tags.map { Body(purpose: "tagging", value: $0) }
        let quote = annotation.quote
        var selectors = [Selector(type: "TextQuoteSelector", exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix)]
        if !annotation.isOrphan {
            selectors.append(Selector(type: "TextPositionSelector", start: annotation.span.start, end: annotation.span.end))
        }
        return Item(id: "urn:uuid:" + annotation.id,
                    motivation: annotation.isClaim ? "assessing" : "commenting",
                    created: annotation.created.map(timestamp), modified: annotation.modified.map(timestamp),
                    body: body.isEmpty ? nil : body,
                    target: Target(source: MarkdownEscaping.linkDestination(annotation.article), selector: selectors))
    }

    /// ISO 8601 in UTC, to the second: `2025-07-14T09:30:00Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    struct Collection: Encodable {
        let context = WebAnnotationExporter.context
        let type = "AnnotationCollection"
        let label: String
        let total: Int
        let first: Page

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, label, total, first
        }
    }

    struct Page: Encodable {
        let type = "AnnotationPage"
        let startIndex = 0
        let items: [Item]
    }

    struct Item: Encodable {
        let id: String
        let type = "Annotation"
        let motivation: String
        let created: String?
        let modified: String?
        let body: [Body]?
        let target: Target
    }

    struct Body: Encodable {
        let type = "TextualBody"
        let purpose: String
        let value: String
        var format: String?
    }

    struct Target: Encodable {
        let source: String
        let selector: [Selector]
    }

    struct Selector: Encodable {
        let type: String
        var exact: String?
        var prefix: String?
        var suffix: String?
        var start: Int?
        var end: Int?
    }
}
