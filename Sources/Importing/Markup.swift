import CLibXML2
import Foundation

/// Why a document could not be parsed.
package struct MarkupError: Error, CustomStringConvertible, Equatable {
    package let description: String
}

/// A parsed HTML page or XML feed (libxml2), freed with this object. Nodes are only valid while it lives.
package final class MarkupDocument {
    private let document: xmlDocPtr

    private static let initialised: Void = { xmlInitParser() }()

    /// An HTML page, parsed as browsers do (broken markup repaired). The character set is `encoding`
    /// when given (the HTTP header's), else what the page declares (`<meta charset>`, a BOM), else UTF-8
    /// when the bytes are valid UTF-8, else windows-1252. Nothing is fetched from the network.
    package init(html data: Data, encoding: String?, url: String) throws {
        _ = Self.initialised
        let declared = encoding ?? (Self.declaresCharset(data) ? nil : (String(data: data, encoding: .utf8) != nil ? "UTF-8" : "windows-1252"))
        // No HTML_PARSE_NOBLANKS: it drops the space after inline elements libxml2 does not know
        // (`CO<sub>2</sub> <a>Emissionen</a>`); spaces are collapsed later anyway.
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue)
        let parsed = data.withUnsafeBytes { bytes in
            htmlReadMemory(bytes.bindMemory(to: CChar.self).baseAddress, Int32(bytes.count), url, declared, options)
        }
        guard let parsed, xmlDocGetRootElement(parsed) != nil else {
            if let parsed { xmlFreeDoc(parsed) }
            throw MarkupError(description: "not an HTML page")
        }
        document = parsed
    }

    /// An XML document (a feed): well-formed or an error with its line. Its declared encoding is used.
    /// No external entities or DTDs are loaded.
    package init(xml data: Data, url: String) throws {
        _ = Self.initialised
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue)
        xmlResetLastError()
        let parsed = data.withUnsafeBytes { bytes in
            xmlReadMemory(bytes.bindMemory(to: CChar.self).baseAddress, Int32(bytes.count), url, nil, options)
        }
        guard let parsed, xmlDocGetRootElement(parsed) != nil else {
            if let parsed { xmlFreeDoc(parsed) }
            var why = "not well-formed XML"
            if let error = xmlGetLastError(), let message = error.pointee.message {
                let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
                why += " (line \(error.pointee.line): \(text))"
            }
            throw MarkupError(description: why)
        }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    package var root: MarkupNode? { xmlDocGetRootElement(document).map(MarkupNode.init) }

    /// Whether the first 2 KB declare a character set (`charset=` in a meta tag, or a BOM).
    static func declaresCharset(_ data: Data) -> Bool {
        let head = data.prefix(2048)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        return String(decoding: head, as: UTF8.self).lowercased().contains("charset=")
    }
}

/// An element or text node of a `MarkupDocument`.
package struct MarkupNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    package var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    package var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's local name in lower case (`encoded` for `content:encoded`).
    package var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The namespace prefix as written (`content`, `dc`), if any.
    package var prefix: String? {
        guard let namespace = pointer.pointee.ns, let prefix = namespace.pointee.prefix else { return nil }
        return String(cString: prefix)
    }

    package var parent: MarkupNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return MarkupNode(parent)
    }

    package var children: [MarkupNode] {
        var result: [MarkupNode] = []
        var child = pointer.pointee.children
        while let node = child {
            result.append(MarkupNode(node))
            child = node.pointee.next
        }
        return result
    }

    package var elements: [MarkupNode] { children.filter(\.isElement) }

    package func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { glossa_xml_free(value) }
        return String(cString: value)
    }

    /// The node's text with all its descendants', as written (entities resolved).
    package var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { glossa_xml_free(content) }
        return String(cString: content)
    }

    /// Every element below this one, in document order.
    package var descendants: [MarkupNode] {
        var result: [MarkupNode] = []
        func visit(_ node: MarkupNode) {
            for child in node.elements {
                result.append(child)
                visit(child)
            }
        }
        visit(self)
        return result
    }

    package func descendants(named names: Set<String>) -> [MarkupNode] { descendants.filter { names.contains($0.name) } }

    package func first(_ name: String) -> MarkupNode? { elements.first { $0.name == name } }

    /// Removes the node (and what it holds) from its document.
    package func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }
}

extension MarkupNode: Hashable {
    package static func == (left: MarkupNode, right: MarkupNode) -> Bool { left.pointer == right.pointer }
    package func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
}
