extension Array {
    /// The first index whose element satisfies `belongsToSecondPartition`, for an array where the
    /// elements that do all come after those that do not (as swift-algorithms' `partitioningIndex`).
    /// A binary search: what is drawn or found near the end of a long article costs what it does at its start.
    @inlinable
    public func partitioningIndex(where belongsToSecondPartition: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if belongsToSecondPartition(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
