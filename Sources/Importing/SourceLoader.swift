import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A source's bytes as loaded, with what the server said they are.
package struct LoadedSource: Sendable {
    package var data: Data
    /// The `Content-Type` header (nil for a file).
    package var contentType: String?
    /// Where the bytes came from, after redirects.
    package var url: URL

    package init(data: Data, contentType: String?, url: URL) {
        self.data = data
        self.contentType = contentType
        self.url = url
    }

    /// The `charset` of the `Content-Type` header.
    package var charset: String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
        }
        return nil
    }
}

/// Why a source could not be loaded, as one line for the user.
package struct LoadError: Error, CustomStringConvertible, Equatable {
    package let description: String
    package init(_ description: String) { self.description = description }
}

/// Loads files and `http(s)` URLs.
package protocol SourceLoader: Sendable {
    func load(_ url: URL) throws -> LoadedSource
}

/// Files from disk, pages and feeds over HTTP(S) with Foundation's `URLSession`.
package struct WebLoader: SourceLoader {
    /// Larger bodies are refused: no news page or feed is this big.
    package static let limit = 20 * 1024 * 1024
    package var timeout: TimeInterval

    package init(timeout: TimeInterval = 30) { self.timeout = timeout }

    package func load(_ url: URL) throws -> LoadedSource {
        if url.isFileURL { return try loadFile(url) }
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw LoadError("only files and http(s) addresses can be imported")
        }
        return try fetch(url)
    }

    func loadFile(_ url: URL) throws -> LoadedSource {
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) else { throw LoadError("no such file") }
        guard !directory.boolValue else { throw LoadError("a folder, not a page or a feed") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > Self.limit { throw LoadError("larger than 20 MB") }
        do {
            return LoadedSource(data: try Data(contentsOf: url), contentType: nil, url: url)
        } catch {
            throw LoadError("cannot be read (\((error as NSError).localizedDescription))")
        }
    }

    /// One GET, waited for; redirects are followed.
    func fetch(_ url: URL) throws -> LoadedSource {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("Glossa/1.0 (news reader; +https://github.com/glossa)", forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8",
                         forHTTPHeaderField: "Accept")
        let result = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            result.set(data, response, error)
            done.signal()
        }
        task.resume()
        done.wait()
        let (data, response, error) = result.get()
        if let error {
            let code = (error as NSError).code
            switch code {
            case NSURLErrorTimedOut: throw LoadError("timed out after \(Int(timeout)) s")
            case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: throw LoadError("unknown host \(url.host ?? "")")
            case NSURLErrorCannotConnectToHost: throw LoadError("cannot connect to \(url.host ?? "the host")")
            default: throw LoadError("cannot be fetched (\((error as NSError).localizedDescription))")
            }
        }
        guard let http = response as? HTTPURLResponse else { throw LoadError("no HTTP response") }
        guard (200..<300).contains(http.statusCode) else {
            throw LoadError("HTTP \(http.statusCode) \(HTTPURLResponse.localizedString(forStatusCode: http.statusCode).capitalized)")
        }
        let body = data ?? Data()
        guard body.count <= Self.limit else { throw LoadError("larger than 20 MB") }
        return LoadedSource(data: body, contentType: http.value(forHTTPHeaderField: "Content-Type"), url: http.url ?? url)
    }

    /// The completion handler's values, handed from URLSession's queue to the waiting caller.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var values: (Data?, URLResponse?, (any Error)?) = (nil, nil, nil)
        func set(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) { lock.withLock { values = (data, response, error) } }
        func get() -> (Data?, URLResponse?, (any Error)?) { lock.withLock { values } }
    }
}
