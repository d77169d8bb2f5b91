extension Event {
    /// The key under which a figure identifies events (`1500000000 USD`), as `amounts` holds them; nil
    /// for figures that do not identify an event (dates, percentages, single items).
    public static func figureKey(_ number: NumberMention) -> String? {
        EventRecognizer.amount(number)?.key
    }
}
