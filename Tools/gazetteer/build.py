#!/usr/bin/env python3
"""Builds Sources/Extraction/Resources/gazetteer.tsv (Python 3 standard library only).

Inputs:
  * Debian iso-codes: ISO 3166-1 (countries) and ISO 3166-3 (former countries), German names
    from the gettext catalogues (LGPL-2.1-or-later).
  * Unicode CLDR (Debian unicode-cldr-core): German territory and region names and German
    exemplar cities of time zones from common/main/de.xml, English names from en.xml for ids.
  * Tools/gazetteer/curated.tsv: the project's own list, merged over the generated data.

Output lines: id<TAB>type<TAB>display name<TAB>alias|alias|...  (UTF-8, NFC, LF, sorted by id).
Every entry gets derived surface forms (see `inflect`): the genitive in -s for people and places
(not for names ending in s, ß, x, z, nor for feminine or plural place names), and the inflected
forms of names that start with adjectives ("Europäische Union" -> "Europäischen Union").
No alias appears under two ids: a conflict keeps the more important entry (country, then
curated, then CLDR region or former country, then CLDR city) and prints a warning.

Usage: python3 Tools/gazetteer/build.py [--check] [--verbose]
  --check: build and check in memory, write nothing; --verbose: also list the zone cities whose
  names went to their country ("Luxemburg", "Singapur").
"""

import gettext
import json
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CURATED = HERE / "curated.tsv"
OUTPUT = ROOT / "Sources/Extraction/Resources/gazetteer.tsv"
FIRST_NAMES = ROOT / "Sources/Extraction/Resources/first_names.txt"

ISO_JSON = Path("/usr/share/iso-codes/json")
ISO_MO = Path("/usr/share/locale/de/LC_MESSAGES")
CLDR_CANDIDATES = [Path("/usr/share/unicode/cldr/common"), Path("/usr/share/unicode-cldr/common")]

TYPES = ("PER", "ORG", "LOC")

# Ranks: lower wins an alias that two ids claim.
RANK_COUNTRY, RANK_CURATED, RANK_REGION, RANK_CITY = 0, 1, 2, 3
VERBOSE = "--verbose" in sys.argv[1:]

# ---------------------------------------------------------------------------------------------
# Ids

# ISO 3166-1 alpha-2 -> natural English id (everything else: snake_case of the English name).
COUNTRY_IDS = {
    "US": "usa", "GB": "uk", "RU": "russia", "KR": "south_korea", "KP": "north_korea",
    "IR": "iran", "SY": "syria", "VN": "vietnam", "LA": "laos", "MD": "moldova", "BO": "bolivia",
    "VE": "venezuela", "TZ": "tanzania", "TW": "taiwan", "FM": "micronesia", "PS": "palestine",
    "VA": "vatican", "CD": "dr_congo", "CG": "congo", "CZ": "czechia", "TR": "turkey",
    "CI": "ivory_coast", "CV": "cape_verde", "MK": "north_macedonia", "BN": "brunei",
    "HK": "hong_kong", "MO": "macau", "AX": "aland_islands", "FK": "falkland_islands",
    "MF": "saint_martin", "SX": "sint_maarten", "BQ": "caribbean_netherlands",
    "SH": "saint_helena", "UM": "us_minor_outlying_islands", "VG": "british_virgin_islands",
    "VI": "us_virgin_islands", "GS": "south_georgia", "TL": "east_timor", "AE": "uae",
    "CC": "cocos_islands", "PN": "pitcairn_islands", "IO": "british_indian_ocean_territory",
}

# CLDR territories that iso-codes does not have (or that are not countries).
CLDR_EXTRA = {  # code -> (id, type, rank)
    "XK": ("kosovo", "LOC", RANK_COUNTRY),
    "IC": ("canary_islands", "LOC", RANK_REGION),
    "EA": ("ceuta_and_melilla", "LOC", RANK_REGION),
    "AC": ("ascension_island", "LOC", RANK_REGION),
    "TA": ("tristan_da_cunha", "LOC", RANK_REGION),
    "DG": ("diego_garcia", "LOC", RANK_REGION),
    "CP": ("clipperton_island", "LOC", RANK_REGION),
    "EU": ("eu", "ORG", RANK_REGION),
    "UN": ("un", "ORG", RANK_REGION),
    "EZ": ("eurozone", "LOC", RANK_REGION),
}
CLDR_SKIP_REGIONS = {"001", "QO", "XA", "XB", "ZZ"}  # "Welt" is a common noun

# ISO 3166-3 former countries: alpha-4 -> id (None: left out).
FORMER_IDS = {
    "SUHH": "soviet_union", "DDDE": "gdr", "YUCS": "yugoslavia", "CSHH": "czechoslovakia",
    "CSXX": "serbia_and_montenegro", "BYAA": "byelorussian_ssr",
    "ZRCD": "zaire", "HVBF": "upper_volta", "DYBJ": "dahomey", "RHZW": "southern_rhodesia",
    "ANHH": "netherlands_antilles",
    "AIDJ": "french_afars_and_issas", "NHVU": "new_hebrides", "GEHH": "gilbert_and_ellice_islands",
    "PZPA": "panama_canal_zone", "SKIN": "sikkim", "CTKI": "canton_and_enderbury_islands",
    "JTUM": "johnston_island", "MIUM": "midway_islands", "NQAQ": "queen_maud_land",
    "BQAQ": "british_antarctic_territory",
    # Left out: France, Metropolitan; Neutral Zone; the trust and US Pacific islands; Wake (an
    # English word); French Southern and Antarctic Territories (= TF); Burma and East Timor (the
    # names of today's countries); North Vietnam and South Yemen (named "Vietnam" and "Jemen"
    # here; curated.tsv has Nordvietnam and Südjemen).
    "FXFR": None, "NTHH": None, "PCHH": None, "PUUM": None, "WKUM": None, "FQHH": None,
    "BUMM": None, "TPTL": None, "VDVN": None, "YDYE": None,
}

# Time zone -> city id where the zone name is an old spelling or the place has an entry already.
ZONE_IDS = {
    "Europe/Kiev": "kyiv", "Asia/Calcutta": "kolkata", "Asia/Saigon": "ho_chi_minh_city",
    "Asia/Rangoon": "yangon", "Asia/Katmandu": "kathmandu", "Africa/Asmera": "asmara",
    "Pacific/Truk": "chuuk", "Pacific/Ponape": "pohnpei", "America/Godthab": "nuuk",
    "Europe/Zaporozhye": "zaporizhzhia", "Europe/Uzhgorod": "uzhhorod",
    "America/Coral_Harbour": "atikokan", "Asia/Hovd": "khovd", "Asia/Ulaanbaatar": "ulaanbaatar",
    "Atlantic/Canary": "canary_islands", "Atlantic/Azores": "azores", "Pacific/Easter": "easter_island",
    "Pacific/Galapagos": "galapagos_islands", "Europe/Vatican": "vatican",
    "America/Argentina/Tucuman": "tucuman", "Asia/Aqtobe": "aktobe", "Asia/Qostanay": "kostanay",
    "Asia/Qyzylorda": "kyzylorda", "Asia/Aqtau": "aktau", "Asia/Ashgabat": "ashgabat",
    "Asia/Choibalsan": "choibalsan", "Asia/Tbilisi": "tbilisi", "Asia/Yerevan": "yerevan",
    "Africa/Ndjamena": "ndjamena", "Asia/Urumqi": "urumqi",
}
# Zones whose id is a country id but which are the country itself (merge rather than "_city").
ZONE_MERGE = {"Atlantic/South_Georgia": "south_georgia", "Europe/Vatican": "vatican"}

# Zone cities left out: research stations, tiny places, and names that are common words,
# first names or surnames in German news ("Troll", "Regina", "Darwin", "Stanley", "Oral"...).
ZONE_SKIP_PREFIXES = ("Antarctica/", "Etc/")
ZONE_SKIP = {
    "America/Santa_Isabel", "Asia/Oral", "America/Nome", "America/Resolute", "America/Regina",
    "Australia/Darwin", "Australia/Lindeman", "Australia/Currie", "Australia/Eucla",
    "Australia/Broken_Hill", "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Gambier",
    "Pacific/Wake", "Pacific/Midway", "Pacific/Johnston", "Pacific/Wallis", "Pacific/Norfolk",
    "Pacific/Enderbury", "Pacific/Marquesas", "Atlantic/Stanley", "America/Thule",
    "America/Dawson", "America/Creston", "America/Mendoza", "America/Cayenne",
    "America/Menominee", "America/Boise", "America/Phoenix", "America/Bahia", "Indian/Cocos",
    "Indian/Christmas", "Indian/Chagos", "Indian/Mahe", "America/Rainy_River",
    "America/Swift_Current", "America/Glace_Bay", "America/Goose_Bay", "America/Cambridge_Bay",
    "America/Rankin_Inlet", "America/Fort_Nelson", "America/Dawson_Creek", "America/Inuvik",
    "America/Nipigon", "America/Pangnirtung", "America/Coral_Harbour", "America/Yakutat",
    "America/Metlakatla", "America/Adak", "America/Sitka", "America/Danmarkshavn",
    "America/Scoresbysund", "America/Noronha", "America/Eirunepe", "America/Ojinaga",
    "America/Matamoros", "America/Bahia_Banderas", "America/Lower_Princes", "America/Marigot",
    "America/Kralendijk", "America/Blanc-Sablon", "America/Araguaina", "America/Santarem",
    "America/Punta_Arenas", "Pacific/Kosrae", "Pacific/Fakaofo", "Pacific/Kwajalein",
    "Pacific/Efate", "Pacific/Bougainville", "Asia/Khandyga", "Asia/Ust-Nera",
    "Asia/Srednekolymsk", "Asia/Choibalsan", "Asia/Pontianak", "Asia/Jayapura", "Asia/Kuching",
    "Asia/Famagusta", "America/Argentina/San_Luis", "America/Argentina/La_Rioja",
    "America/Argentina/San_Juan", "America/Catamarca", "America/Jujuy", "America/Argentina/Salta",
    "America/Argentina/Tucuman", "America/Argentina/Rio_Gallegos", "America/Argentina/Ushuaia",
    "America/Merida", "America/Cordoba", "America/Santiago", "Europe/Busingen",
}


def fold(text):
    """ASCII snake_case id from a (possibly accented) English name."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ").replace("'", "").replace("’", "")
    text = re.sub(r"\(.*?\)", " ", text)
    text = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower()
    return text


def clean(text):
    """NFC, no soft hyphens, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def usable(name, max_words=4):
    """A generated name worth matching: no inverted 'Korea, Republik', no parentheses."""
    return bool(name) and not re.search(r"[(),;/]", name) and len(name.split(" ")) <= max_words


# ---------------------------------------------------------------------------------------------
# Inflection

# Place names that are feminine or plural: no genitive -s ("der Ukraine", "der USA").
NO_GENITIVE = {
    "Ukraine", "Ostukraine", "Westukraine", "Südukraine", "Nordukraine", "Zentralukraine",
    "Türkei", "Slowakei", "Mongolei", "Tschechoslowakei", "Walachei", "Lombardei",
    "Elfenbeinküste", "Niederlande", "Philippinen", "Malediven", "Seychellen", "Komoren",
    "Salomonen", "Bahamas", "Färöer", "Kanaren", "Azoren", "Antillen", "Marianen",
    "Westsahara", "Sahara", "Karibik", "Krim", "Sowjetunion", "Eurozone", "Toskana",
    "Normandie", "Bretagne", "Provence", "Champagne", "Uckermark", "Altmark", "Steiermark",
    "Ostsee", "Nordsee", "Barentssee", "Donau", "Elbe", "Oder", "Wolga", "Spree", "Weichsel",
    "Themse", "Seine", "Newa", "Memel", "Dobrudscha", "Bukowina", "Golanhöhen", "Dardanellen",
    "Alpen", "Karpaten", "Pyrenäen", "Vogesen", "Arktis", "Antarktis", "Westbank", "Taiga",
    "Tundra", "Sinai-Halbinsel", "Halbinsel Krim", "Arabische Halbinsel", "Suwalki-Lücke",
    "Oblast", "Region", "Ägäis", "Adria", "Levante", "Ostfront", "Front", "Kapverden",
}
NO_GENITIVE_SUFFIXES = (
    "ei", "küste", "insel", "inseln", "zone", "region", "republik", "union", "föderation",
    "staaten", "gebiete", "straße", "meerenge", "halbinsel", "lücke", "mark", "see", "höhen",
    "brücke",
)
ENGLISH_HEADS = {"City", "Base", "Beach", "Bay", "Bank", "Island", "Islands"}  # "Gaza City"
HEAD_WORDS = {  # a multi-word name starting with one of these is a phrase: no genitive
    "Republik", "Bundesrepublik", "Volksrepublik", "Königreich", "Fürstentum", "Großherzogtum",
    "Staat", "Sultanat", "Commonwealth", "Sonderverwaltungsregion", "Insel", "Oblast",
    "Region", "Provinz", "Kanton", "Stadt", "Gebiet", "Vereinigung", "Föderation", "Freistaat",
    "Lutherstadt", "Halbinsel", "AKW", "Atomkraftwerk", "Kernkraftwerk",
}
ADJECTIVE = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß-]*(?:sch|lich|ig|igt|al|ußer)|Weiß|Groß)(?:e|es|er)$")
PLURAL_HEAD = re.compile(r"(ate|ete|iete)$")


def takes_genitive(name, type_):
    if not name or not name[-1].isalpha() or not name[-1].islower() or re.search(r"[/()]", name):
        return False  # acronyms (USA, UdSSR), "Leo XIV.", "Washington, D.C.", "Frankfurt/Main"
    if name[-1] in "sßxzšśžź":
        return False
    if type_ == "PER":
        return True
    if type_ != "LOC":
        return False
    if name in NO_GENITIVE:
        return False
    words = name.split(" ")
    last = words[-1]
    if last in NO_GENITIVE or last.lower().endswith(NO_GENITIVE_SUFFIXES) or last in ENGLISH_HEADS:
        return False
    if last.endswith("ie") and not last.endswith("ien"):
        return False  # Normandie, Pikardie
    if len(words) > 1:
        if len(words) > 3 or words[0] in HEAD_WORDS or words[0].lower().endswith("republik"):
            return False
        if words[0].isupper():
            return False  # "VR China", "DR Kongo": the genitive is "der VR China"
        if any(not w[:1].isupper() for w in words):
            return False  # "Rio de Janeiro", "Bosnien und Herzegowina"
        if any(re.search(r"(e|er|es|en)$", w) for w in words[:-1]):
            return False  # "Naher Osten", "Den Haag": adjectives and articles inflect instead
    return True


def adjective_forms(name):
    """Inflected variants of a name that starts with adjectives ("Vereinigte Staaten")."""
    words = name.split(" ")
    count = 0
    while count < len(words) - 1 and ADJECTIVE.match(words[count]):
        count += 1
    if count == 0:
        return []
    adjectives, rest = words[:count], words[count:]
    if len(rest) > 1 and re.search(r"(e|es|er)$", rest[0]):
        return []  # another adjective this pattern does not know: "Deutsches Rotes Kreuz"
    stems, endings = [], set()
    for word in adjectives:
        match = re.match(r"^(.*?)(es|er|e)$", word)
        stems.append(match.group(1))
        endings.add(match.group(2))
    if len(endings) != 1:
        return []
    ending = endings.pop()

    def with_ending(suffix, head=None):
        return " ".join([s + suffix for s in stems] + ([head] if head else []) + rest[1 if head else 0:])

    forms = [with_ending("en")]  # genitive/dative feminine, weak plural, dative neuter/masculine
    if ending == "e" and len(rest) == 1 and PLURAL_HEAD.search(rest[0]):
        forms.append(with_ending("en", rest[0] + "n"))  # "Vereinigten Arabischen Emiraten"
    if ending in ("es", "er"):  # strong neuter/masculine: "Weißes Haus", "Persischer Golf"
        forms.append(with_ending("e"))
        if len(rest) == 1:
            head = rest[0]
            if re.search(r"(ss|ß|x|z|sch|aus|us)$", head):
                head_gen = head + "es"  # Hauses, Kreuzes
            elif head.endswith("s"):
                head_gen = head  # Fonds
            else:
                head_gen = head + "s"
            forms.append(with_ending("en", head_gen))
    return forms


def inflect(alias, type_):
    forms = adjective_forms(alias)
    if not forms and takes_genitive(alias, type_):
        forms.append(alias + "s")
    # the other apostrophe: "Côte d’Ivoire" / "Côte d'Ivoire"
    for form in [alias] + forms:
        if "’" in form:
            forms.append(form.replace("’", "'"))
        elif "'" in form:
            forms.append(form.replace("'", "’"))
    return forms


# ---------------------------------------------------------------------------------------------
# Entries

class Entry:
    def __init__(self, id_, type_, display, rank, source):
        self.id, self.type, self.display, self.rank, self.source = id_, type_, display, rank, source
        self.aliases = {}  # alias -> source ("curated" wins conflicts inside the same rank)

    def add(self, alias, source):
        alias = clean(alias)
        if alias and (alias not in self.aliases or source == "curated"):
            self.aliases[alias] = source


class Builder:
    def __init__(self):
        self.entries = {}
        self.warnings = []

    def entry(self, id_, type_, display, rank, source):
        entry = self.entries.get(id_)
        if entry is None:
            entry = self.entries[id_] = Entry(id_, type_, clean(display), rank, source)
        else:
            entry.rank = min(entry.rank, rank)
        return entry

    def warn(self, text):
        self.warnings.append(text)


def dpkg_version(package):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                             capture_output=True, text=True, check=False).stdout.strip()
        return out or "unknown version"
    except OSError:
        return "unknown version"


def cldr_root():
    for path in CLDR_CANDIDATES:
        if (path / "main/de.xml").exists():
            return path
    sys.exit("CLDR not found: apt-get install -y unicode-cldr-core")


def territories(path):
    """code -> {None: name, 'short': name, 'variant': name}"""
    names = {}
    for el in ET.parse(path).getroot().iter("territory"):
        names.setdefault(el.get("type"), {})[el.get("alt")] = clean(el.text or "")
    return names


def load_iso(builder, cldr_de):
    data = json.loads((ISO_JSON / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]
    with open(ISO_MO / "iso_3166-1.mo", "rb") as f:
        de = gettext.GNUTranslations(f)
    country_ids = {}
    for item in data:
        code = item["alpha_2"]
        english = item.get("common_name") or item["name"]
        id_ = COUNTRY_IDS.get(code) or fold(english.split(",")[0])
        cldr = cldr_de.get(code, {})
        display = cldr.get("short") or cldr.get(None) or de.gettext(english)
        entry = builder.entry(id_, "LOC", display, RANK_COUNTRY, "iso")
        entry.add(display, "iso")
        for key in ("name", "common_name"):
            if key in item and usable(de.gettext(item[key])):
                entry.add(de.gettext(item[key]), "iso")
        if "official_name" in item:
            official = de.gettext(item["official_name"])
            if usable(official, 3):
                entry.add(official, "iso")
        for name in cldr.values():
            if usable(name):
                entry.add(name, "cldr")
        country_ids[code] = id_
    return country_ids


def load_former(builder):
    data = json.loads((ISO_JSON / "iso_3166-3.json").read_text(encoding="utf-8"))["3166-3"]
    with open(ISO_MO / "iso_3166-3.mo", "rb") as f:
        de = gettext.GNUTranslations(f)
    for item in data:
        code = item["alpha_4"]
        id_ = FORMER_IDS.get(code, fold(item["name"].split(",")[0]))
        if id_ is None:
            continue
        name = clean(de.gettext(item["name"]).split(",")[0])  # "Zaire, Republik" -> "Zaire"
        if usable(name):
            builder.entry(id_, "LOC", name, RANK_REGION, "iso").add(name, "iso")


def load_cldr_regions(builder, cldr_de, cldr_en, country_codes):
    for code, names in sorted(cldr_de.items()):
        if code in country_codes or code in CLDR_SKIP_REGIONS:
            continue
        if code in CLDR_EXTRA:
            id_, type_, rank = CLDR_EXTRA[code]
        elif code.isdigit():
            id_, type_, rank = fold(cldr_en[code][None]), "LOC", RANK_REGION
        else:
            builder.warn(f"CLDR territory {code} ({names.get(None)}) has no id; left out")
            continue
        display = names.get(None)
        entry = builder.entry(id_, type_, display, rank, "cldr")
        for name in names.values():
            if usable(name):
                entry.add(name, "cldr")


def load_cldr_cities(builder, root, country_ids):
    country_id_set = set(country_ids.values())
    for zone in ET.parse(root / "main/de.xml").getroot().iter("zone"):
        zone_id = zone.get("type")
        city = zone.find("exemplarCity")
        if city is None or city.get("alt") or zone_id.startswith(ZONE_SKIP_PREFIXES) or zone_id in ZONE_SKIP:
            continue
        name = clean(city.text or "")
        if not usable(name, 3):
            continue
        id_ = ZONE_MERGE.get(zone_id) or ZONE_IDS.get(zone_id) or fold(zone_id.split("/")[-1])
        if id_ in country_id_set and zone_id not in ZONE_MERGE:
            id_ += "_city"  # Luxemburg, Singapur, Kuwait: the name goes to the country
        existing = builder.entries.get(id_)
        rank = existing.rank if existing else RANK_CITY
        builder.entry(id_, "LOC", name, rank, "cldr").add(name, "cldr")


def load_curated(builder, path):
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            sys.exit(f"{path.name}:{number}: expected 4 tab-separated fields, got {len(fields)}")
        id_, type_, display, aliases = (clean(f) for f in fields)
        if type_ not in TYPES or not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", id_):
            sys.exit(f"{path.name}:{number}: bad id or type: {id_!r} {type_!r}")
        entry = builder.entries.get(id_)
        if entry is None:
            entry = builder.entry(id_, type_, display, RANK_CURATED, "curated")
        elif entry.source == "curated":
            builder.warn(f"{path.name}:{number}: id {id_} appears twice; aliases merged")
        # curated wins: type, display name; the rank stays a country's where it is one
        entry.type, entry.display, entry.source = type_, display, "curated"
        entry.rank = min(entry.rank, RANK_CURATED)
        entry.add(display, "curated")
        for alias in aliases.split("|"):
            entry.add(alias, "curated")


def finish(builder):
    """Adds inflected forms, resolves conflicts; returns sorted entries."""
    for entry in builder.entries.values():
        for alias, source in list(entry.aliases.items()):
            for form in inflect(alias, entry.type):
                entry.add(form, source + "-derived")
        for alias in list(entry.aliases):
            if "\t" in alias or "|" in alias:
                sys.exit(f"alias with a tab or '|' under {entry.id}: {alias!r}")

    claims = {}
    for entry in builder.entries.values():
        for alias, source in entry.aliases.items():
            claims.setdefault(alias, []).append((entry, source))

    silent = 0
    for alias, owners in sorted(claims.items()):
        if len(owners) < 2:
            continue
        # country first, then curated, regions, cities; a curated alias beats a generated one
        owners.sort(key=lambda o: (o[0].rank, o[1] != "curated", o[1].endswith("derived"), o[0].id))
        winner = owners[0][0]
        for loser, source in owners[1:]:
            del loser.aliases[alias]
            if loser.rank == RANK_CITY and winner.rank <= RANK_REGION and source.startswith("cldr"):
                silent += 1  # city-states and capitals named like their country
                if VERBOSE:
                    print(f"note: alias {alias!r}: kept under {winner.id}, dropped from {loser.id}")
                continue
            builder.warn(f"alias {alias!r}: kept under {winner.id} ({winner.type}), "
                         f"dropped from {loser.id} ({loser.type}, {source})")

    result = []
    for entry in sorted(builder.entries.values(), key=lambda e: e.id):
        if not entry.aliases:
            if not (entry.rank == RANK_CITY and entry.source == "cldr"):
                builder.warn(f"entry {entry.id} ({entry.display}) lost all aliases; left out")
            continue
        if entry.display not in entry.aliases:
            new = next(a for a in entry.aliases if entry.aliases[a] in ("curated", "iso", "cldr"))
            builder.warn(f"entry {entry.id}: display name {entry.display!r} went to another id; "
                         f"now {new!r}")
            entry.display = new
        result.append(entry)
    return result, silent


def render(entries, versions):
    iso_version, cldr_version = versions
    lines = [
        "# Glossa gazetteer: id<TAB>type<TAB>display name<TAB>alias|alias|... (types PER, ORG, LOC).",
        "# Sources and licences:",
        f"#   iso-codes {iso_version} (Debian; ISO 3166-1 and 3166-3 names, German translations): "
        "LGPL-2.1-or-later.",
        f"#   Unicode CLDR {cldr_version} (Debian unicode-cldr-core; common/main/de.xml territories and "
        "exemplar cities, en.xml for ids): Unicode License (Unicode-DFS-2016 for this release; "
        "Unicode License v3 from CLDR 44), Copyright (c) 1991-2022 Unicode, Inc.",
        "#   Tools/gazetteer/curated.tsv: the Glossa project's own hand-curated list.",
        "# Generated by `python3 Tools/gazetteer/build.py`; do not edit by hand.",
    ]
    for entry in entries:
        rest = sorted((a for a in entry.aliases if a != entry.display), key=lambda a: (a.casefold(), a))
        lines.append("\t".join([entry.id, entry.type, entry.display, "|".join([entry.display] + rest)]))
    text = "\n".join(lines) + "\n"
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------------
# Checks

EXPECTED = {
    "Belarus": "belarus", "Weißrussland": "belarus", "Weißrusslands": "belarus", "USA": "usa",
    "US": "usa", "Vereinigten Staaten": "usa", "Kreml": "kremlin", "Kremls": "kremlin",
    "Moskau": "moscow", "Moskaus": "moscow", "Minsk": "minsk", "Europa": "europe",
    "Europas": "europe", "Sowjetunion": "soviet_union", "EU": "eu", "Nato": "nato",
    "NATO": "nato", "OVKS": "csto", "Russland": "russia", "Russlands": "russia", "Kiew": "kyiv",
    "Putins": "putin", "Europäischen Union": "eu", "Weißen Hauses": "white_house",
    "Osteuropa": "eastern_europe", "Vereinigte Staaten von Amerika": "usa",
}


def check(entries, first_names_path):
    index = {}
    problems = []
    for entry in entries:
        if not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", entry.id):
            problems.append(f"bad id {entry.id!r}")
        if entry.type not in TYPES:
            problems.append(f"bad type {entry.type!r} for {entry.id}")
        for alias in entry.aliases:
            if alias in index:
                problems.append(f"alias {alias!r} under {index[alias]} and {entry.id}")
            index[alias] = entry.id
    for alias, id_ in EXPECTED.items():
        got = index.get(alias)
        status = "ok" if got == id_ else "FAIL"
        if got != id_:
            problems.append(f"{alias!r} -> {got}, expected {id_}")
        print(f"  check {status}: {alias} -> {got}")
    if first_names_path.exists():
        names = [line.strip() for line in first_names_path.read_text(encoding="utf-8").split("\n")
                 if line.strip() and not line.startswith("#")]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            problems.append(f"first_names.txt duplicates: {', '.join(dup)}")
        bad = [n for n in names if unicodedata.normalize("NFC", n) != n or " " in n]
        if bad:
            problems.append(f"first_names.txt not NFC or with spaces: {bad}")
        shared = sorted(n for n in names if n in index)
        print(f"  first_names.txt: {len(names)} names; also gazetteer aliases: "
              f"{', '.join(f'{n} ({index[n]})' for n in shared) or 'none'}")
    return problems


def main():
    only_check = "--check" in sys.argv[1:]
    root = cldr_root()
    cldr_de = territories(root / "main/de.xml")
    cldr_en = territories(root / "main/en.xml")
    builder = Builder()
    country_ids = load_iso(builder, cldr_de)
    load_cldr_regions(builder, cldr_de, cldr_en, set(country_ids))
    load_former(builder)
    load_cldr_cities(builder, root, country_ids)
    load_curated(builder, CURATED)
    entries, silent = finish(builder)

    for warning in builder.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    counts = {t: sum(1 for e in entries if e.type == t) for t in TYPES}
    aliases = sum(len(e.aliases) for e in entries)
    print(f"{len(entries)} entries ({', '.join(f'{t} {n}' for t, n in counts.items())}), "
          f"{aliases} aliases; {len(builder.warnings)} warnings; "
          f"{silent} city names left to their country")
    problems = check(entries, FIRST_NAMES)
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        sys.exit(1)
    if not only_check:
        text = render(entries, (dpkg_version("iso-codes"), dpkg_version("unicode-cldr-core")))
        OUTPUT.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
