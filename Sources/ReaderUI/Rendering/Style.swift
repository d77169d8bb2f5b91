/// A terminal colour: one of the eight standard ones, or one of the 256 of xterm's palette by number.
public enum Color: Sendable, Hashable {
    case black, red, green, yellow, blue, magenta, cyan, white
    /// 0–255 (0–7 are the standard colours, 8–15 their bright forms, then a 6×6×6 cube and greys).
    case indexed(UInt8)

    public static let named: [Color] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]
    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// The colour's number in the terminal's palette.
    public var number: Int {
        if case .indexed(let number) = self { return Int(number) }
        return Self.named.firstIndex(of: self)!
    }

    /// `red`, or the number of a palette colour: as snapshots print it and config files write it.
    public var name: String {
        if case .indexed(let number) = self { return String(number) }
        return Self.names[number]
    }

    /// A name (`red`) or a palette number (`0`–`255`; 0–7 are the named ones).
    public init?(name: String) {
        if let index = Self.names.firstIndex(of: name.lowercased()) {
            self = Self.named[index]
        } else if let number = UInt8(name) {
            self = number < 8 ? Self.named[Int(number)] : .indexed(number)
        } else {
            return nil
        }
    }

    /// The nearest of the eight standard colours, for terminals with no more.
    public var standard: Color {
        let number = self.number
        if number < 8 { return Self.named[number] }
        if number < 16 { return Self.named[number - 8] }
        // The cube (16–231) and the greys (232–255), by which channels are bright.
        let (red, green, blue): (Int, Int, Int)
        if number >= 232 {
            let level = number >= 244 ? 1 : 0
            (red, green, blue) = (level, level, level)
        } else {
            let cube = number - 16
            (red, green, blue) = (cube / 36 >= 3 ? 1 : 0, cube / 6 % 6 >= 3 ? 1 : 0, cube % 6 >= 3 ? 1 : 0)
        }
        return Self.named[red + green * 2 + blue * 4]
    }
}

/// How a cell looks. `nil` colours are the terminal's defaults.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    public static let plain = Style()

    public var isPlain: Bool { self == .plain }

    /// `fg:white bg:blue bold`, as snapshots print it.
    public var summary: String {
        var parts: [String] = []
        if let foreground { parts.append("fg:\(foreground.name)") }
        if let background { parts.append("bg:\(background.name)") }
        if bold { parts.append("bold") }
        if underline { parts.append("underline") }
        if reverse { parts.append("reverse") }
        if dim { parts.append("dim") }
        return parts.joined(separator: " ")
    }
}

/// The styles of every part of the screen, with a colour and a monochrome variant.
public struct Theme: Equatable, Sendable {
    public var bar: Style
    public var barAccent: Style
    public var title: Style
    public var cursorSentence: Style
    public var cursorGutter: Style
    public var searchMatch: Style
    public var selection: Style
    public var heading: Style
    public var headingFocused: Style
    public var label: Style
    public var faint: Style
    public var separator: Style
    public var message: Style
    public var warning: Style
    public var prompt: Style
    public var helpKey: Style
    public var helpBorder: Style
    /// Numbers in the text, one style per group: money and percentages, dates and times, other quantities.
    public var numberMoney: Style
    public var numberTime: Style
    public var numberQuantity: Style
    /// Actors in the text, one style per type, and the selected actor.
    public var actorPerson: Style
    public var actorOrganization: Style
    public var actorPlace: Style
    public var actorSelected: Style
    /// Text inside an annotation's span, and the span being adjusted with `v`.
    public var annotated = Style(underline: true)
    public var spanEdit = Style(reverse: true)
    /// Gutter badges: a claim without verdict, each verdict, a plain note.
    public var badgeClaim = Style(bold: true)
    public var badgeSupported = Style(bold: true)
    public var badgeDisputed = Style(bold: true)
    public var badgeFalse = Style(bold: true)
    public var badgeNeedsSource = Style(bold: true)
    public var badgeOpinion = Style(bold: true)
    public var badgeNote = Style()
    /// The gutter mark of a sentence with a linked event.
    public var linkMarker = Style(bold: true)

    /// Colours for terminals that have them.
    public static let color = Theme(
        bar: Style(foreground: .black, background: .cyan),
        barAccent: Style(foreground: .black, background: .cyan, bold: true),
        title: Style(bold: true),
        cursorSentence: Style(foreground: .white, background: .blue),
        cursorGutter: Style(foreground: .cyan, bold: true),
        searchMatch: Style(foreground: .black, background: .yellow),
        selection: Style(foreground: .white, background: .blue, bold: true),
        heading: Style(foreground: .cyan, bold: true),
        headingFocused: Style(foreground: .black, background: .cyan, bold: true),
        label: Style(foreground: .cyan),
        faint: Style(dim: true),
        separator: Style(foreground: .blue),
        message: Style(foreground: .black, background: .cyan),
        warning: Style(foreground: .white, background: .red, bold: true),
        prompt: Style(foreground: .yellow, bold: true),
        helpKey: Style(foreground: .yellow, bold: true),
        helpBorder: Style(foreground: .cyan),
        numberMoney: Style(foreground: .green, bold: true),
        numberTime: Style(foreground: .magenta, bold: true),
        numberQuantity: Style(foreground: .yellow, bold: true),
        actorPerson: Style(foreground: .red, bold: true),
        actorOrganization: Style(foreground: .cyan, bold: true),
        actorPlace: Style(foreground: .blue, bold: true),
        actorSelected: Style(underline: true),
        annotated: Style(underline: true),
        spanEdit: Style(foreground: .black, background: .green),
        badgeClaim: Style(foreground: .white, bold: true),
        badgeSupported: Style(foreground: .green, bold: true),
        badgeDisputed: Style(foreground: .yellow, bold: true),
        badgeFalse: Style(foreground: .red, bold: true),
        badgeNeedsSource: Style(foreground: .magenta, bold: true),
        badgeOpinion: Style(foreground: .cyan, bold: true),
        badgeNote: Style(foreground: .white),
        linkMarker: Style(foreground: .cyan, bold: true)
    )

    /// Attributes only, for `NO_COLOR` and terminals without colours.
    public static let monochrome = Theme(
        bar: Style(reverse: true),
        barAccent: Style(bold: true, reverse: true),
        title: Style(bold: true),
        cursorSentence: Style(reverse: true),
        cursorGutter: Style(bold: true),
        searchMatch: Style(bold: true, underline: true),
        selection: Style(reverse: true),
        heading: Style(bold: true),
        headingFocused: Style(bold: true, reverse: true),
        label: Style(bold: true),
        faint: Style(dim: true),
        separator: Style(),
        message: Style(reverse: true),
        warning: Style(bold: true, reverse: true),
        prompt: Style(bold: true),
        helpKey: Style(bold: true),
        helpBorder: Style(),
        numberMoney: Style(bold: true, underline: true),
        numberTime: Style(underline: true),
        numberQuantity: Style(underline: true),
        actorPerson: Style(bold: true),
        actorOrganization: Style(bold: true),
        actorPlace: Style(bold: true),
        actorSelected: Style(underline: true)
    )
}
