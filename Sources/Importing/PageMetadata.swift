import Foundation
import GlossaCore

/// What a page states about itself: title, publication date, author and its own address, each from
/// the most trusted place that has it (Open Graph, then JSON-LD, then the markup).
package struct PageMetadata: Equatable {
    package var title: String?
    /// ISO 8601 as stated (`2025-12-13` or `2025-12-13T10:00:00+01:00`).
    package var date: String?
    package var author: String?
    /// `<link rel="canonical">` or `og:url`.
    package var canonical: String?

    /// Reads the page's head and structured data; call before the page is cleaned (scripts hold JSON-LD).
    /// `host`: where the page is from (`www.meedia.de`), to know a site's name in a title without `og:site_name`.
    package static func read(_ root: MarkupNode, host: String? = nil) -> PageMetadata {
        var meta: [String: String] = [:]
        var canonical: String?
        var timeElement: String?
        var heading: String?
        var titleElement: String?
        var structured: [[String: Any]] = []
        for node in root.descendants {
            switch node.name {
            case "meta":
                guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased(),
                      let content = node.attribute("content").map(clean), !content.isEmpty, meta[key] == nil else { continue }
                meta[key] = content
            case "link" where node.attribute("rel")?.lowercased() == "canonical":
                canonical = canonical ?? node.attribute("href").map(clean)
            case "time" where timeElement == nil:
                timeElement = node.attribute("datetime").map(clean)
            case "h1" where heading == nil:
                heading = clean(node.text)
            case "title" where titleElement == nil:
                titleElement = clean(node.text)
            case "script" where node.attribute("type")?.lowercased() == "application/ld+json":
                structured += articleObjects(in: node.text)
            default:
                continue
            }
        }
        let article = structured.first { object in
            let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
            return types.contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" }
        } ?? structured.first { $0["datePublished"] != nil }
        var result = PageMetadata()
        let site = meta["og:site_name"]
        // A saved page (a file) knows its site by its canonical address.
        let address = [canonical, meta["og:url"]].compactMap { $0 }.first { $0.hasPrefix("http") }
        let label = (host ?? address.flatMap { URL(string: $0)?.host }).flatMap(siteLabel)
        result.title = [meta["og:title"].map { withoutSiteName($0, site: site, label: label, anyBar: false) },
                        (article?["headline"] as? String).map(clean), heading,
                        titleElement.map { withoutSiteName($0, site: site, label: label) }]
            .compactMap { $0 }.first { !$0.isEmpty }
        result.date = [meta["article:published_time"], article?["datePublished"] as? String, timeElement,
                       meta["date"], meta["dc.date"], meta["pubdate"]]
            .compactMap { $0.flatMap(isoDate) }.first
        result.author = [meta["author"], meta["article:author"].flatMap { $0.hasPrefix("http") ? nil : $0 },
                         article.flatMap { authorName($0["author"]) }]
            .compactMap { $0 }.first { !$0.isEmpty }
        result.canonical = address
        return result
    }

    /// The objects of a JSON-LD block: one, a list, or a `@graph`.
    static func articleObjects(in json: String) -> [[String: Any]] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return [] }
        var result: [[String: Any]] = []
        func collect(_ value: Any) {
            if let list = value as? [Any] { list.forEach(collect) }
            guard let object = value as? [String: Any] else { return }
            result.append(object)
            if let graph = object["@graph"] { collect(graph) }
        }
        collect(value)
        return result
    }

    static func authorName(_ value: Any?) -> String? {
        if let name = value as? String { return clean(name) }
        if let object = value as? [String: Any] { return (object["name"] as? String).map(clean) }
        if let list = value as? [Any] {
            let names = list.compactMap(authorName).filter { !$0.isEmpty }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }

    /// `Title | Site` or `Title › Site` → `Title` when the suffix is the site's name (any case), or, with
    /// `anyBar`, whatever follows ` | ` (a `<title>`'s usual site part).
    static func withoutSiteName(_ title: String, site: String?, label: String? = nil, anyBar: Bool = true) -> String {
        for separator in [" | ", " - ", " – ", " — ", " › ", " » ", " :: ", " · "] {
            guard let range = title.range(of: separator, options: .backwards), range.lowerBound > title.startIndex else { continue }
            let suffix = String(title[range.upperBound...])
            let isSite = site.map { !$0.isEmpty && $0.lowercased() == suffix.lowercased() } ?? false
            let isHost = label.map { $0 == siteLabel(suffix) || (siteLabel(suffix)?.hasPrefix($0) ?? false) } ?? false
            if isSite || isHost { return String(title[..<range.lowerBound]) }
        }
        if anyBar, let bar = title.range(of: " | ") { return String(title[..<bar.lowerBound]) }
        return title
    }

    /// A site's name in plain lower-case letters: `www.sueddeutsche.de` → `sueddeutsche`,
    /// `Süddeutsche.de` → `sueddeutsche`, `MEEDIA` → `meedia`.
    static func siteLabel(_ name: String) -> String? {
        var host = name.lowercased()
        for prefix in ["www.", "m.", "amp."] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
        if host.contains("."), !host.contains(" ") { host = String(host.split(separator: ".").first ?? "") }
        let letters = spelledOut(host).filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return letters.count >= 3 ? letters : nil
    }

    /// A date as ISO 8601 (`2025-12-13`, with its time and offset when stated), or nil when it is none.
    package static func isoDate(_ text: String) -> String? {
        let text = clean(text)
        if ArticleDate(iso: text.prefix(10)) != nil, text.prefix(10).count == 10 { return text }
        return RFC822.iso(text)
    }

    /// Spaces collapsed and trimmed; control characters (which could drive a terminal) dropped.
    package static func clean(_ text: String) -> String {
        let visible = text.unicodeScalars.contains(where: isControl)
            ? String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) && !$0.properties.isWhitespace ? " " : $0 }))
            : text
        return visible.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

/// RSS dates (`Sat, 13 Dec 2025 10:00:00 +0100`, RFC 822 with four-digit years) as ISO 8601 with
/// the same offset, so that the day is the one the feed meant.
enum RFC822 {
    static let months = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
                         "nov": 11, "dec": 12, "mär": 3, "mai": 5, "okt": 10, "dez": 12]
    static let zones = ["gmt": 0, "ut": 0, "utc": 0, "z": 0, "cet": 60, "cest": 120, "met": 60, "mest": 120, "mez": 60, "mesz": 120,
                        "eet": 120, "eest": 180, "wet": 0, "west": 60, "bst": 60,
                        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420]

    static func iso(_ text: String) -> String? {
        var parts = text.split(separator: " ").map(String.init)
        if let first = parts.first, first.hasSuffix(",") || Int(first) == nil { parts.removeFirst() }
        guard parts.count >= 3, let day = Int(parts[0]), let month = months[String(parts[1].lowercased().prefix(3))],
              var year = Int(parts[2]) else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        guard let date = ArticleDate(year: year, month: month, day: day) else { return nil }
        guard parts.count >= 4 else { return date.iso }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2, clock[0] < 24, clock[1] < 60 else { return date.iso }
        // The offset: `+0100`, `+01:00`, or a zone's name; none, or one not known, is left out (local time).
        var offset: Int?
        if parts.count >= 5 {
            let zone = parts[4].replacingOccurrences(of: ":", with: "")
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
                offset = (value / 100 * 60 + value % 100) * (sign == "-" ? -1 : 1)
            } else {
                offset = zones[zone.lowercased()]
            }
        }
        let time = String(format: "%02d:%02d:%02d", clock[0], clock[1], clock.count > 2 ? clock[2] : 0)
        let zone = offset.map { $0 == 0 ? "Z" : String(format: "%@%02d:%02d", $0 < 0 ? "-" : "+", abs($0) / 60, abs($0) % 60) } ?? ""
        return "\(date.iso)T\(time)\(zone)"
    }
}
