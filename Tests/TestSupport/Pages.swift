import Foundation

/// Web pages and feeds for the import tests (written for them; no real site's text): a German news
/// page with navigation, teasers and a cookie banner around the article, a page in windows-1252,
/// pages that feed items link to, an RSS and an Atom feed, and a "feed" that is not XML.
public enum Pages {
    public static func url(_ name: String) -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Pages") else {
            fatalError("no test page \(name)")
        }
        return url
    }

    public static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// Every page's name.
    public static var names: [String] {
        let folder = url("feed.rss").deletingLastPathComponent()
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}
