import Foundation
import GlossaCore

/// The main text of a news page as paragraphs: the article body, without menus, footers, teasers,
/// cookie banners, scripts, captions or "Lesen Sie auch" links. A simplified form of the readability
/// method: boilerplate is removed by element and by class, then the element holding the most running
/// text (long paragraphs with commas, few links) is taken, or the page's own `articleBody`/`<article>`.
package enum ArticleBody {
    /// Elements that never hold the article's running text.
    static let dropped: Set<String> = ["script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select",
                                       "input", "textarea", "label", "figure", "figcaption", "picture", "video", "audio",
                                       "object", "embed", "dialog", "menu", "head"]
    /// Elements that hold boilerplate on most pages, but on some wrap the article itself (a site that
    /// puts its story in an `<aside>`): dropped unless they hold most of the page's running text.
    static let structural: Set<String> = ["nav", "footer", "aside", "form"]
    /// Words in a class, id or role that mark boilerplate (matched inside a name: `article__teaser`).
    static let boilerplateWords = ["cookie", "consent", "gdpr", "privacy", "banner", "teaser", "related", "recommend",
                                   "newsletter", "social", "share", "sharing", "breadcrumb", "sidebar", "comment", "promo",
                                   "advert", "anzeige", "sponsor", "paywall", "subscribe", "abo-", "readmore", "read-more",
                                   "lesen-sie-auch", "lesensieauch", "mehr-zum-thema", "caption", "bildunterschrift",
                                   "copyright", "credit", "navigation", "toolbar", "tags", "pagination", "popup", "modal",
                                   "overlay", "skiplink", "byline", "author-box", "meta-info"]
    /// The words that mark boilerplate even on a paragraph or heading.
    static let blockBoilerplateWords = ["cookie", "consent", "gdpr", "newsletter", "paywall", "subscribe", "advert", "anzeige",
                                        "sponsor", "promo", "social", "share", "sharing", "abo-", "copyright", "caption",
                                        "bildunterschrift", "credit", "byline"]
    /// Whole names (split at `-`, `_` and spaces) that mark boilerplate.
    static let boilerplateNames: Set<String> = ["ad", "ads", "nav", "menu", "footer", "header", "aside", "hidden", "print",
                                                "more", "links", "widget", "box", "infobox", "info-box"]
    static let roles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu"]
    /// Paragraphs that point elsewhere rather than report.
    static let pointerOpenings = ["lesen sie auch", "lesen sie mehr", "lesen sie hier", "mehr zum thema", "mehr dazu",
                                  "auch interessant", "das könnte sie auch interessieren", "das könnte sie interessieren",
                                  "zum thema", "weitere artikel", "weiterlesen", "hier lesen sie", "hören sie", "sehen sie",
                                  "anzeige", "foto:", "bild:", "quelle:", "©", "mehr zu", "alle infos", "jetzt abonnieren",
                                  "folgen sie uns", "teilen:", "zur startseite", "empfohlener redaktioneller inhalt"]
    static let blocks: Set<String> = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd"]

    /// The paragraphs of the page's article; the page is changed (boilerplate removed).
    package static func paragraphs(_ root: MarkupNode) -> [String] {
        guard let body = root.first("body") ?? Optional(root) else { return [] }
        let total = max(1, runningText(body))
        removeBoilerplate(body, total: total)
        return articleContainers(body).flatMap(blockTexts)
    }

    // MARK: Boilerplate

    static func removeBoilerplate(_ body: MarkupNode, total: Int) {
        var removed: [MarkupNode] = []
        func visit(_ node: MarkupNode) {
            for child in node.elements {
                if isBoilerplate(child, total: total) {
                    removed.append(child)
                } else {
                    visit(child)
                }
            }
        }
        visit(body)
        removed.forEach { $0.remove() }
    }

    static func isBoilerplate(_ node: MarkupNode, total: Int) -> Bool {
        let name = node.name
        if dropped.contains(name) { return true }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        if let style = node.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""), style.contains("display:none") { return true }
        var marked = structural.contains(name) || (name == "header" && node.parent?.name == "body")
        if let role = node.attribute("role")?.lowercased(), roles.contains(role) { marked = true }
        let names = [node.attribute("class"), node.attribute("id")].compactMap { $0?.lowercased() }.joined(separator: " ")
        if !names.isEmpty, !["article", "main", "body", "h1"].contains(name) {
            if blocks.contains(name) {
                // A paragraph's or heading's class rarely marks boilerplate (`<p class="teaser">` is often
                // the lead, `<h3 id="nav_…">` a heading a table of contents links to), unless it says so.
                marked = marked || blockBoilerplateWords.contains { names.contains($0) }
            } else {
                marked = marked || boilerplateWords.contains { names.contains($0) }
                    || names.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).contains { boilerplateNames.contains(String($0)) }
            }
        }
        // A box that holds most of the page's running text is the article after all
        // (`<div class="content has-comments">`, a story inside an `<aside>`).
        return marked && runningText(node) * 2 < total
    }

    // MARK: The article's element

    /// The page's `articleBody`, else its `<article>` or `<main>` when that holds most of the text, else
    /// the best-scored element with those of its siblings that hold running text too (a lead before it).
    static func articleContainers(_ body: MarkupNode) -> [MarkupNode] {
        let all = body.descendants
        if let marked = all.first(where: { $0.attribute("itemprop")?.lowercased() == "articlebody" }), runningText(marked) > 0 {
            return [marked]
        }
        let articles = all.filter { $0.name == "article" || $0.name == "main" }.map { ($0, runningText($0)) }
        if let best = articles.max(by: { $0.1 < $1.1 }), best.1 * 10 >= runningText(body) * 6, best.1 > 0 {
            return [best.0]
        }
        // Readability's scoring: each paragraph gives its parent a score by its length and commas,
        // its grandparent half; a container's score is cut by its share of link text.
        var scores: [MarkupNode: Double] = [:]
        for paragraph in all where isParagraph(paragraph) {
            let text = PageMetadata.clean(paragraph.text)
            guard text.count >= 25, let parent = paragraph.parent else { continue }
            let score = 1 + Double(text.filter { $0 == "," }.count) + min(Double(text.count) / 100, 3)
            scores[parent, default: 0] += score
            if let grandparent = parent.parent { scores[grandparent, default: 0] += score / 2 }
        }
        let ranked = scores.map { node, score in (node, score * (1 - linkDensity(node))) }
        guard let (best, top) = ranked.max(by: { $0.1 < $1.1 }) else { return [body] }
        guard let parent = best.parent else { return [best] }
        let final = Dictionary(ranked, uniquingKeysWith: { first, _ in first })
        return parent.elements.filter { sibling in
            if sibling == best { return true }
            if let score = final[sibling], score >= max(10, top * 0.2) { return true }
            let text = PageMetadata.clean(sibling.text)
            return isParagraph(sibling) && text.count >= 80 && linkDensity(sibling) < 0.25
        }
    }

    /// Block names that make an element a container rather than a paragraph.
    static let containers: Set<String> = ["div", "p", "section", "article", "main", "ul", "ol", "table", "h1", "h2", "h3",
                                          "h4", "h5", "h6", "blockquote", "pre", "dl", "header", "footer", "nav", "aside", "form"]

    /// A paragraph of running text: a `p`, or a `div` (or `section`, `td`) holding text and no blocks,
    /// as pages that write paragraphs as `<div class="absatz">` do.
    static func isParagraph(_ node: MarkupNode) -> Bool {
        switch node.name {
        case "p", "pre", "blockquote": return true
        case "div", "section", "td": return !node.elements.contains { containers.contains($0.name) }
        default: return false
        }
    }

    /// Characters of text in paragraphs that are not links.
    static func runningText(_ node: MarkupNode) -> Int {
        var count = 0
        for paragraph in node.descendants where isParagraph(paragraph) {
            let text = PageMetadata.clean(paragraph.text).count
            count += max(0, text - linkText(paragraph))
        }
        return count
    }

    static func linkText(_ node: MarkupNode) -> Int {
        node.descendants(named: ["a"]).reduce(0) { $0 + PageMetadata.clean($1.text).count }
    }

    static func linkDensity(_ node: MarkupNode) -> Double {
        let text = PageMetadata.clean(node.text).count
        return text == 0 ? 1 : Double(linkText(node)) / Double(text)
    }

    // MARK: Paragraphs

    /// The texts of the container's blocks in order; text directly in a `div` counts as a block, and
    /// two `<br>` in a row end a paragraph.
    static func blockTexts(_ container: MarkupNode) -> [String] {
        var result: [String] = []
        var pending = ""
        func flush() {
            let text = PageMetadata.clean(pending)
            pending = ""
            guard !text.isEmpty, !isDateline(text) else { return }
            result.append(text)
        }
        func visit(_ node: MarkupNode) {
            for child in node.children {
                if child.isText {
                    pending += child.text
                } else if child.isElement {
                    if child.name == "br" {
                        if pending.hasSuffix("\n") { flush() } else { pending += "\n" }
                    } else if blocks.contains(child.name) {
                        flush()
                        if let text = blockText(child) { result.append(text) }
                    } else if ["div", "section", "article", "main", "ul", "ol", "table", "tr", "td", "header", "dl"].contains(child.name) {
                        flush()
                        visit(child)
                        flush()
                    } else if child.name == "h1" {
                        flush() // The title is in the front matter.
                    } else {
                        pending += inlineText(child)
                    }
                }
            }
        }
        visit(container)
        flush()
        return result
    }

    /// A block's text, or nil when it is a pointer elsewhere (mostly links, or "Lesen Sie auch …").
    static func blockText(_ block: MarkupNode) -> String? {
        // A line break inside a paragraph is a space (`Frage?<br>Antwort`), not nothing.
        let text = PageMetadata.clean(inlineText(block))
        guard !text.isEmpty else { return nil }
        if text.count < 300, Double(linkText(block)) > Double(text.count) * 0.5 { return nil }
        let lower = text.lowercased()
        if pointerOpenings.contains(where: { lower.hasPrefix($0) }) || isDateline(text) { return nil }
        return text
    }

    /// A short line that only says where and when (`Berlin, 28.11.2025`, `13.12.2025, 10:15 Uhr`):
    /// the date goes to the front matter, not into the text.
    static func isDateline(_ text: String) -> Bool {
        text.count <= 40 && DatelineParser.date(in: text) != nil
    }

    static func inlineText(_ node: MarkupNode) -> String {
        node.children.map { $0.isText ? $0.text : ($0.name == "br" ? "\n" : inlineText($0)) }.joined()
    }
}
