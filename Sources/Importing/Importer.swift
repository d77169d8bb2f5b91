import Foundation
import GlossaCore

/// What became of one article (or of a source that gave none).
package struct ImportOutcome: Equatable, Sendable {
    /// The source as the user gave it, or the feed item's address.
    package var source: String
    /// The file in the library folder, when one was written or found.
    package var file: String?
    package var status: WriteStatus?
    package var title: String?
    package var date: String?
    /// Why nothing was imported, one line.
    package var error: String?
    /// A note on how it was imported (`from the feed's text: …`).
    package var note: String?
}

/// Takes pages and feeds into a library folder: each page's article text, title and date; each
/// feed item's page, or its text in the feed when the page cannot be had.
package struct Importer {
    package let loader: any SourceLoader
    package let writer: LibraryWriter
    /// Articles with less running text than this are not articles (a page of links, an error page).
    package static let minimumText = 80

    package init(loader: any SourceLoader, writer: LibraryWriter) {
        self.loader = loader
        self.writer = writer
    }

    /// One article to import: a loaded page, or a feed's item.
    enum Job {
        case page(LoadedSource, given: String)
        case item(Feed.Item, feed: URL)
    }

    /// Where a run is: reading the sources (pages, feeds), then importing their articles.
    package enum Progress: Equatable {
        case reading(Int, of: Int)
        case importing(Int, of: Int)
        case done
    }

    /// Imports every source. `progress` is called before each source is read and before each article
    /// is imported; `finished` after each article (or failed source).
    package func run(_ sources: [String], progress: (Progress) -> Void = { _ in },
                     finished: (ImportOutcome) -> Void = { _ in }) -> [ImportOutcome] {
        var outcomes: [ImportOutcome] = []
        var jobs: [Job] = []
        for (number, given) in sources.enumerated() {
            progress(.reading(number, of: sources.count))
            do {
                jobs += try expand(given)
            } catch {
                let outcome = ImportOutcome(source: given, error: "\(error)")
                outcomes.append(outcome)
                finished(outcome)
            }
        }
        for (number, job) in jobs.enumerated() {
            progress(.importing(number, of: jobs.count))
            let outcome = run(job)
            outcomes.append(outcome)
            finished(outcome)
        }
        progress(.done)
        return outcomes
    }

    /// A source's jobs: a page is one, a feed one per item.
    func expand(_ given: String) throws -> [Job] {
        let url = Self.url(given)
        let loaded = try loader.load(url)
        guard try Self.kind(loaded) == .xml else { return [.page(loaded, given: given)] }
        let document: MarkupDocument
        do {
            document = try MarkupDocument(xml: loaded.data, url: loaded.url.absoluteString)
        } catch {
            throw LoadError("not a valid feed: \(error)")
        }
        // The nodes live as long as their document.
        return try withExtendedLifetime(document) {
            guard let root = document.root else { throw LoadError("an empty XML document") }
            if root.name == "html" { return [.page(loaded, given: given)] }
            guard var feed = Feed(root, base: loaded.url) else {
                throw LoadError("not an RSS or Atom feed (its root element is <\(root.name)>)")
            }
            guard !feed.items.isEmpty else { throw LoadError("a feed with no items") }
            // A feed from the web does not lead to files on this machine.
            if !loaded.url.isFileURL {
                for index in feed.items.indices where feed.items[index].link.map({ !["http", "https"].contains($0.scheme?.lowercased() ?? "") }) ?? false {
                    feed.items[index].link = nil
                }
            }
            return feed.items.map { .item($0, feed: loaded.url) }
        }
    }

    enum Kind { case html, xml }

    /// HTML or XML, by the server's word, else by the first bytes, else by the file's extension.
    static func kind(_ loaded: LoadedSource) throws -> Kind {
        let type = loaded.contentType?.lowercased() ?? ""
        if type.contains("html") { return .html }
        if type.contains("xml") || type.contains("rss") || type.contains("atom") { return .xml }
        let head = String(decoding: loaded.data.prefix(1024), as: UTF8.self)
            .trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))).lowercased()
        if head.hasPrefix("<?xml") || head.hasPrefix("<rss") || head.hasPrefix("<feed") || head.hasPrefix("<rdf") { return .xml }
        if head.hasPrefix("<!doctype html") || head.contains("<html") || head.contains("<body") || head.contains("<p>") { return .html }
        let suffix = loaded.url.pathExtension.lowercased()
        if ["xml", "rss", "atom"].contains(suffix) { return .xml }
        if ["html", "htm", "xhtml"].contains(suffix) { return .html }
        throw LoadError("not an HTML page or a feed")
    }

    /// A URL as given, or a file path made absolute.
    static func url(_ given: String) -> URL {
        if let url = URL(string: given), let scheme = url.scheme, scheme.count > 1 { return url }
        return URL(fileURLWithPath: given).standardizedFileURL
    }

    func run(_ job: Job) -> ImportOutcome {
        switch job {
        case .page(let loaded, let given):
            var outcome = ImportOutcome(source: given)
            do {
                let article = try Self.article(loaded, fallback: nil)
                return save(article, into: &outcome)
            } catch {
                outcome.error = "\(error)"
                return outcome
            }
        case .item(let item, let feed):
            let source = Self.source(item, feed: feed) ?? item.title ?? feed.absoluteString
            var outcome = ImportOutcome(source: source)
            var why: String?
            if let link = item.link {
                do {
                    return save(try Self.article(try loader.load(link), fallback: item), into: &outcome)
                } catch {
                    why = "\(error)"
                }
            }
            // The page cannot be had: the feed's own text of the item, when it has one.
            if let article = Self.article(item, feed: feed) {
                outcome.note = why.map { "from the feed's text; the page: \($0)" } ?? "from the feed's text"
                return save(article, into: &outcome)
            }
            outcome.error = why ?? "the item has neither a page nor a text"
            return outcome
        }
    }

    func save(_ article: ImportedArticle, into outcome: inout ImportOutcome) -> ImportOutcome {
        outcome.title = article.title
        outcome.date = article.date
        do {
            let written = try writer.write(article)
            outcome.file = written.file
            outcome.status = written.status
        } catch {
            outcome.error = "\(error)"
        }
        return outcome
    }

    /// A page's article: metadata first (the page's own statements), then the text. An XHTML page
    /// (XML whose root is `html`) is read as HTML too.
    package static func article(_ loaded: LoadedSource, fallback item: Feed.Item?) throws -> ImportedArticle {
        if try kind(loaded) == .xml {
            let document = try? MarkupDocument(xml: loaded.data, url: loaded.url.absoluteString)
            guard withExtendedLifetime(document, { document?.root?.name == "html" }) else { throw LoadError("not an HTML page") }
        }
        let document = try MarkupDocument(html: loaded.data, encoding: loaded.charset, url: loaded.url.absoluteString)
        // The nodes live as long as their document.
        return try withExtendedLifetime(document) {
            guard let root = document.root else { throw LoadError("not an HTML page") }
            let metadata = PageMetadata.read(root, host: loaded.url.host)
            let paragraphs = ArticleBody.paragraphs(root)
            guard paragraphs.reduce(0, { $0 + $1.count }) >= minimumText else { throw LoadError("no article text found on the page") }
            // A dateline is looked for once the page's boilerplate (teasers' and footers' dates) is gone,
            // and only when neither the page nor its feed gives a date.
            let date = metadata.date ?? item?.date ?? datelineDate(root)
            let title = metadata.title ?? item?.title ?? loaded.url.deletingPathExtension().lastPathComponent
            return ImportedArticle(title: title, date: date, author: metadata.author ?? item?.author,
                                   source: metadata.canonical ?? loaded.url.absoluteString, link: item?.link?.absoluteString,
                                   paragraphs: paragraphs.filter { $0 != title })
        }
    }

    /// A feed item's own text as an article (when its page cannot be fetched).
    package static func article(_ item: Feed.Item, feed: URL) -> ImportedArticle? {
        guard let content = item.content, !content.isEmpty else { return nil }
        let html = Data(("<html><body><article>" + (content.contains("<") ? content : "<p>\(content)</p>") + "</article></body></html>").utf8)
        guard let document = try? MarkupDocument(html: html, encoding: "UTF-8", url: feed.absoluteString) else { return nil }
        let paragraphs = withExtendedLifetime(document) { document.root.map(ArticleBody.paragraphs) ?? [] }
        guard !paragraphs.isEmpty else { return nil }
        let title = item.title ?? String(paragraphs[0].prefix(80))
        return ImportedArticle(title: title, date: item.date, author: item.author, source: source(item, feed: feed),
                               paragraphs: paragraphs.filter { $0 != title })
    }

    /// An item's address: its page, else its id within the feed (`…/feed.rss#meldung-4711`).
    static func source(_ item: Feed.Item, feed: URL) -> String? {
        if let link = item.link { return link.absoluteString }
        guard let id = item.id, !id.isEmpty else { return nil }
        return id.contains(":") ? id : feed.absoluteString + "#" + id
    }

    /// A German dateline (`13.12.2025, 10:00 Uhr`) in the page's short text lines.
    static func datelineDate(_ root: MarkupNode) -> String? {
        for node in root.descendants where ["time", "span", "p", "div", "small"].contains(node.name) {
            let text = PageMetadata.clean(node.text)
            guard text.count <= 60, let date = DatelineParser.date(in: text) else { continue }
            return date.iso
        }
        return nil
    }
}
