import Foundation

/// Paths from one folder to another, for links that keep working when the export is moved with its library.
public enum RelativePath {
    /// The path from `folder` to `target` (both made absolute against the current directory and
    /// standardized), with `/` separators: `../articles`, or `.` when they are the same.
    public static func from(_ folder: String, to target: String) -> String {
        let base = components(folder)
        let destination = components(target)
        var common = 0
        while common < base.count, common < destination.count, base[common] == destination[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + destination[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    private static func components(_ path: String) -> [String] {
        URL(fileURLWithPath: path).standardizedFileURL.path.split(separator: "/").map(String.init)
    }
}
