import Foundation
import GlossaCore

/// Paths and data shared by the test targets.
public enum Fixtures {
    /// The package root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var articlesDirectory: String { repositoryRoot.appendingPathComponent("Articles").path }

    /// The five German seed articles, as the reader loads them.
    public static func seedLibrary() throws -> Library {
        try LibraryLoader.load(directory: articlesDirectory)
    }

    /// A fresh temporary folder, removed by the caller with `removeItem`.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes files (relative path → bytes) into a new temporary folder.
    public static func library(_ files: [String: Data]) throws -> URL {
        let root = try temporaryDirectory()
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    /// Every entry below a folder with its bytes (a folder as an empty entry with a trailing slash):
    /// two snapshots are equal when nothing on disk changed.
    public static func snapshot(of folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let full = (folder as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
            result[isFolder.boolValue ? relative + "/" : relative] = isFolder.boolValue ? Data() : try Data(contentsOf: URL(fileURLWithPath: full))
        }
        return result
    }
}
