import GlossaCore

/// Words that follow a number and say what it measures.
enum Units {
    /// Currency words and symbols → ISO 4217 code.
    static let currencies: WordTable<String> = [
        "dollar": "USD", "us-dollar": "USD", "usd": "USD", "$": "USD", "us$": "USD",
        "euro": "EUR", "eur": "EUR", "€": "EUR",
        "rubel": "RUB", "rub": "RUB", "₽": "RUB", "pfund": "GBP", "£": "GBP", "gbp": "GBP",
        "franken": "CHF", "chf": "CHF", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "¥": "JPY",
        "hrywnja": "UAH", "griwna": "UAH", "złoty": "PLN", "zloty": "PLN", "lira": "TRY",
        "rupien": "INR", "rupie": "INR", "kronen": "SEK",
    ]

    /// Percent words.
    static let percent: WordSet = ["prozent", "%", "prozentpunkte", "prozentpunkten", "prozentpunkt"]

    /// Time units → the unit name used for durations.
    static let time: WordTable<String> = [
        "sekunde": "second", "sekunden": "second", "sek": "second",
        "minute": "minute", "minuten": "minute", "min": "minute",
        "stunde": "hour", "stunden": "hour", "std": "hour", "h": "hour",
        "tag": "day", "tage": "day", "tagen": "day", "tages": "day",
        "woche": "week", "wochen": "week",
        "monat": "month", "monate": "month", "monaten": "month", "monats": "month",
        "jahr": "year", "jahre": "year", "jahren": "year", "jahres": "year",
        "jahrzehnt": "decade", "jahrzehnte": "decade", "jahrzehnten": "decade",
        "jahrhundert": "century", "jahrhunderte": "century", "jahrhunderten": "century",
    ]

    /// Measurement units → symbol.
    static let measures: WordTable<String> = [
        "kilometer": "km", "kilometern": "km", "km": "km", "meter": "m", "metern": "m", "m": "m",
        "zentimeter": "cm", "cm": "cm", "millimeter": "mm", "mm": "mm", "meilen": "mi", "meile": "mi",
        "quadratkilometer": "km2", "quadratkilometern": "km2", "km²": "km2", "quadratmeter": "m2", "qm": "m2", "m²": "m2",
        "kubikmeter": "m3", "m³": "m3", "hektar": "ha", "ha": "ha",
        "tonnen": "t", "tonne": "t", "t": "t", "kilogramm": "kg", "kilo": "kg", "kg": "kg", "gramm": "g", "g": "g",
        "liter": "l", "litern": "l", "l": "l", "milliliter": "ml", "ml": "ml", "hektoliter": "hl", "hl": "hl",
        "barrel": "bbl", "grad": "°", "°c": "°C", "°": "°", "megawatt": "MW", "mw": "MW", "gigawatt": "GW", "gw": "GW",
        "kilowatt": "kW", "kw": "kW", "kilowattstunden": "kWh", "kwh": "kWh", "terawattstunden": "TWh", "twh": "TWh",
        "zoll": "in", "fuß": "ft", "knoten": "kn", "seemeilen": "nmi", "prozentpunkte": "pp",
    ]

    /// Fused duration adjectives: `vierstündigen`, `zweijährige`, `dreitägigen`.
    static let durationAdjectives: [(suffix: String, unit: String)] = [
        ("stündig", "hour"), ("tägig", "day"), ("wöchig", "week"), ("monatig", "month"), ("jährig", "year"),
        ("minütig", "minute"), ("sekündig", "second"),
    ]
}
