import Foundation
import GlossaCore
#if canImport(Glibc)
import Glibc
#endif

/// One article file as the folder lists it.
public struct ScannedFile: Equatable, Sendable {
    /// Relative to the library folder.
    public var path: String
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
}

/// Lists and reads the library's files with plain system calls: a folder of 10,000 articles is
/// listed in milliseconds, before anything is read.
public enum LibraryFiles {
    /// The `.txt` and `.md` files below `directory` (hidden files and folders skipped), by path.
    /// Throws `LibraryError` when the folder itself cannot be read.
    public static func scan(_ directory: String) throws -> [ScannedFile] {
        try check(directory)
        var files: [ScannedFile] = []
        var visited = Set<UInt64>()
        walk(directory, prefix: "", into: &files, visited: &visited)
        return files.sorted { $0.path < $1.path }
    }

    /// Throws `LibraryError` unless `directory` is a folder that can be listed.
    public static func check(_ directory: String) throws {
        var info = stat()
        guard stat(directory, &info) == 0 else { throw LibraryError.notFound(directory) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw LibraryError.notADirectory(directory) }
        guard let handle = opendir(directory) else {
            throw LibraryError.unreadable(directory, String(cString: strerror(errno)))
        }
        closedir(handle)
    }

    private static func walk(_ folder: String, prefix: String, into files: inout [ScannedFile], visited: inout Set<UInt64>) {
        guard let handle = opendir(folder) else { return }
        defer { closedir(handle) }
        var folderInfo = stat()
        if stat(folder, &folderInfo) == 0 {
            // A symbolic link back up the tree is followed once only.
            guard visited.insert(UInt64(folderInfo.st_dev) << 40 ^ UInt64(folderInfo.st_ino)).inserted else { return }
        }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let full = folder + "/" + name
            var info = stat()
            guard stat(full, &info) == 0 else { continue }
            let relative = prefix + name
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(full, prefix: relative + "/", into: &files, visited: &visited)
            case S_IFREG:
                let dot = name.lastIndex(of: ".")
                guard let dot, LibraryLoader.extensions.contains(name[name.index(after: dot)...].lowercased()) else { continue }
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                files.append(ScannedFile(path: relative, size: Int64(info.st_size), modified: modified))
            default:
                continue
            }
        }
    }

    /// The title and date from a file's first bytes, for the list shown before the file is read.
    public static func headMetadata(_ directory: String, _ path: String, bytes: Int = 2048) -> ArticleMetadata {
        let fallback = ArticleMetadata(title: path)
        let descriptor = open(directory + "/" + path, O_RDONLY)
        guard descriptor >= 0 else { return fallback }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: bytes)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, bytes) }
        guard count > 0 else { return fallback }
        var head = Array(buffer[0..<count])
        if count == bytes {
            // Do not cut a character in two.
            while let last = head.last, last & 0xC0 == 0x80 { head.removeLast() }
            if let last = head.last, last >= 0xC0 { head.removeLast() }
        }
        return ArticleParser.parse(String(decoding: head, as: UTF8.self))
    }
}
