import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// A node of the document tree that Debian's `cmark -t xml` prints (the reference CommonMark parser).
public final class MarkdownNode {
    public let name: String
    public let attributes: [String: String]
    public internal(set) var children: [MarkdownNode] = []
    /// The characters of a `text`, `code` or `html_*` node.
    public internal(set) var literal = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The text a reader sees: inline text with soft and hard breaks as line breaks; blocks joined by a blank line.
    public var text: String {
        switch name {
        case "text", "code", "html_inline", "html_block", "code_block": return literal
        case "softbreak", "linebreak": return "\n"
        case "paragraph", "heading", "emph", "strong", "link", "image": return children.map(\.text).joined()
        default: return children.map(\.text).joined(separator: "\n\n")
        }
    }

    /// This node and every node below it, depth first.
    public var descendants: [MarkdownNode] { [self] + children.flatMap(\.descendants) }
}

/// Parses Markdown with the real CommonMark parser.
public enum CommonMark {
    static let cmark = ["/usr/bin/cmark", "/usr/local/bin/cmark"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The document node, or a test failure that says how to install cmark.
    public static func parse(_ markdown: String, file: StaticString = #filePath, line: UInt = #line) throws -> MarkdownNode {
        guard let cmark else {
            XCTFail("cmark is not installed: run  apt-get install cmark  (make setup-test does it)", file: file, line: line)
            throw CocoaError(.executableNotLoadable)
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-cmark-\(UUID().uuidString).md")
        try Data(markdown.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let result = try ChildProcess.run(cmark, ["-t", "xml", input.path])
        XCTAssertEqual(result.status, 0, result.errors, file: file, line: line)
        return try parseXML(result.output)
    }

    static func parseXML(_ xml: String) throws -> MarkdownNode {
        // The DOCTYPE names a DTD file that is not there; the parser needs none.
        let body = xml.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("<!DOCTYPE") }.joined(separator: "\n")
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(body.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: MarkdownNode?
        private var stack: [MarkdownNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = MarkdownNode(name: elementName, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.literal += string
        }
    }
}
