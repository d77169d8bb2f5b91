/// A rectangle of cells, in columns and rows.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
}

/// The size of the terminal.
public struct Size: Equatable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// One terminal cell: a grapheme with its width; `width == 0` marks the right half of a wide grapheme.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
}

/// What views draw into; the terminal adapter diffs two of them and writes the changed cells.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Paints a rectangle with blanks of a style.
    public mutating func fill(_ rect: Rect, style: Style) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x] = Cell(text: " ", width: 1, style: style) }
        }
    }

    /// Draws a string from (x, y), clipped at `limit` (exclusive column). Returns the next column.
    @discardableResult
    public mutating func put(_ string: String, x: Int, y: Int, limit: Int? = nil, style: Style) -> Int {
        var column = x
        for character in string {
            let cell = character == "\t" ? (text: " ", width: 1) : DisplayText.cell(for: character)
            guard let next = put(cell: cell.text, width: cell.width, x: column, y: y, limit: limit, style: style) else { break }
            column = next
        }
        return column
    }

    /// Draws one prepared grapheme. Returns the next column, or nil when it did not fit.
    @discardableResult
    public mutating func put(cell text: String, width cellWidth: Int, x: Int, y: Int, limit: Int? = nil, style: Style) -> Int? {
        guard cellWidth > 0 else { return x }
        let end = min(limit ?? width, width)
        guard y >= 0, y < height, x >= 0, x + cellWidth <= end else {
            if cellWidth == 2, x + 1 == end, x >= 0, y >= 0, y < height {
                cells[y * width + x] = Cell(text: " ", width: 1, style: style)
            }
            return nil
        }
        cells[y * width + x] = Cell(text: text, width: UInt8(cellWidth), style: style)
        if cellWidth == 2 { cells[y * width + x + 1] = Cell(text: "", width: 0, style: style) }
        return x + cellWidth
    }

    /// A row as plain text (wide graphemes once, their right halves skipped).
    public func rowText(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where self[x, y].width > 0 { text += self[x, y].text }
        return text
    }

    /// The readable snapshot form: each row in quotes, then the non-plain style runs per row.
    public var snapshot: String {
        var lines = ["\(width)x\(height)"]
        for y in 0..<height { lines.append("\"" + rowText(y) + "\"") }
        lines.append("styles:")
        for y in 0..<height {
            var runs: [String] = []
            var x = 0
            while x < width {
                let style = self[x, y].style
                var end = x + 1
                while end < width, self[end, y].style == style { end += 1 }
                if !style.isPlain { runs.append("\(x)-\(end - 1) \(style.summary)") }
                x = end
            }
            if !runs.isEmpty { lines.append("\(y): " + runs.joined(separator: ", ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX), y1 = min(height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
