import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (`flock`) on the folder that holds a database, taken by every Glossa while it
/// opens the database: creating it, switching it to WAL and running the migrations happen in one
/// process at a time, so that any number of Glossas starting at once migrate exactly once.
///
/// The folder is locked rather than a file of its own: nothing new appears on disk, and a folder can
/// be locked where nothing can be written. The kernel drops the lock when its process dies.
enum FolderLock {
    /// Runs `body` holding the lock: exclusive for a Glossa that may write, shared for one that
    /// only reads. Waits for it until `deadline`, then throws `StoreError.locked`. When the folder
    /// cannot be locked at all (a file system without `flock`), `body` runs unserialised, as
    /// SQLite alone would have it.
    static func holding<T>(_ folder: String, exclusive: Bool, deadline: Date, path: String,
                           _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        let operation = (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
        while flock(descriptor, operation) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { return try body() }
            guard Date() < deadline else { throw StoreError.locked(path) }
            // Another Glossa is opening this database, which takes milliseconds.
            usleep(2_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
