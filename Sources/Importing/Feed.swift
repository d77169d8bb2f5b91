import Foundation

/// An RSS 2.0 (or RSS 1.0/RDF) or Atom feed: its items, each with what the feed says of it.
package struct Feed: Equatable {
    package struct Item: Equatable {
        package var title: String?
        /// The item's page, resolved against the feed's address.
        package var link: URL?
        /// The item's `guid` or Atom `id`.
        package var id: String?
        /// ISO 8601.
        package var date: String?
        package var author: String?
        /// The item's HTML: `content:encoded` or Atom `content`, else the description or summary.
        package var content: String?
    }

    package var title: String?
    package var items: [Item]

    /// Whether a document's root is a feed's (`rss`, `feed`, `RDF`).
    package static func isFeed(_ root: MarkupNode) -> Bool { ["rss", "feed", "rdf"].contains(root.name) }

    /// The feed of a parsed XML document; nil when its root is not a feed's.
    package init?(_ root: MarkupNode, base: URL?) {
        guard Self.isFeed(root) else { return nil }
        let channel = root.first("channel")
        title = (channel ?? root).first("title").map { PageMetadata.clean($0.text) }
        let entries = root.name == "feed" ? root.elements.filter { $0.name == "entry" }
            : ((channel?.elements ?? []) + root.elements).filter { $0.name == "item" }
        items = entries.map { Self.item($0, base: base) }
    }

    static func item(_ node: MarkupNode, base: URL?) -> Item {
        var item = Item()
        var description: String?
        var updated: String?
        // Only the feed's own elements (and Dublin Core's, `content:encoded`): `media:title` or
        // `itunes:summary` do not replace the item's title or text.
        for child in node.elements {
            let text = child.text
            switch (child.prefix, child.name) {
            case (nil, "guid"), (nil, "id"):
                item.id = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case (nil, "title"):
                item.title = PageMetadata.clean(text)
            case (nil, "link"), ("atom", "link"):
                // RSS: the link as text. Atom: `href`, the `alternate` link first.
                let relation = child.attribute("rel") ?? "alternate"
                let href = child.attribute("href") ?? text.trimmingCharacters(in: .whitespacesAndNewlines)
                if relation == "alternate", item.link == nil, !href.isEmpty { item.link = URL(string: href, relativeTo: base)?.absoluteURL }
            case ("content", "encoded"), (nil, "content"):
                item.content = text
            case (nil, "description"), (nil, "summary"):
                description = text
            case (nil, "pubdate"), (nil, "published"), ("dc", "date"):
                item.date = item.date ?? PageMetadata.isoDate(text)
            case (nil, "updated"), ("dc", "modified"):
                updated = PageMetadata.isoDate(text)
            case (nil, "author"), ("dc", "creator"):
                let name = child.first("name")?.text ?? text
                item.author = item.author ?? PageMetadata.clean(name)
            default:
                continue
            }
        }
        item.date = item.date ?? updated
        if item.content?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true { item.content = description }
        if item.link == nil, let guid = node.first("guid"), guid.attribute("isPermaLink") != "false",
           let url = URL(string: guid.text.trimmingCharacters(in: .whitespacesAndNewlines)), url.scheme?.hasPrefix("http") == true {
            item.link = url
        }
        return item
    }
}
