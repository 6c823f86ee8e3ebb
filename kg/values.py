"""Parse amounts of money, quantities, percentages, ranks and dates from text (extraction and eval)."""

from __future__ import annotations

import re

from kg.model import Value

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bil": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # Indian numbering
}
_PERCENT = r"%|\bper\s*cent\b|\bpercent(?:age points?)?\b|\bpct\b"
# (pattern, ISO code), tried in order on casefolded text; the first that matches wins.
# Words and codes stand alone ("country" is not lira (TRY), "Europe" not euros) but may touch
# digits ("THB2.3bn", "RM32 billion"): _bounded() adds that to every pattern.
_CURRENCIES = [
    (r"u\.?s\.?\s*dollars?|us\$|usd|american dollars?", "USD"),
    (r"euros?|eur|€", "EUR"),
    (r"yuan|renminbi|rmb|cny", "CNY"),
    (r"(?:turkish\s+)?liras?|try|₺", "TRY"),
    (r"pounds?(?:\s+sterling)?|gbp|£", "GBP"),
    (r"yen|jpy|¥", "JPY"),
    (r"won|krw|₩", "KRW"),
    (r"rupees?|inr|₹|rs\.?(?=\s*\d)", "INR"),
    (r"ringgit|myr|rm(?=\s*\d)", "MYR"),
    (r"rupiah|idr", "IDR"),
    (r"forints?|huf", "HUF"),
    (r"baht|thb", "THB"),
    (r"pesos?|mxn", "MXN"),
    # other dollars before the plain one
    (r"australian dollars?|a\$|aud", "AUD"),
    (r"canadian dollars?|c\$|cad", "CAD"),
    (r"hong kong dollars?|hk\$|hkd", "HKD"),
    (r"singapore dollars?|s\$|sgd", "SGD"),
    (r"new zealand dollars?|nz\$|nzd", "NZD"),
    (r"taiwan(?:ese)? dollars?|nt\$|twd", "TWD"),
    (r"swiss francs?|chf", "CHF"),
    (r"reais|brl|r\$", "BRL"),
    (r"rand|zar", "ZAR"),
    (r"riyals?|sar", "SAR"),
    (r"moroccan\s+dirhams?|mad", "MAD"),
    (r"dirhams?|aed", "AED"),
    (r"norwegian\s+(?:crowns?|kroner|krone)|nok", "NOK"),
    (r"swedish\s+(?:crowns?|kronor|krona)|sek", "SEK"),
    (r"danish\s+(?:crowns?|kroner|krone)|dkk", "DKK"),
    (r"czech\s+(?:crowns?|korunas?)|czk", "CZK"),
    (r"zlotys?|pln", "PLN"),
    (r"dollars?|\$", "USD"),
]


def _bounded(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{pattern})(?![a-z])")


_CURRENCIES = [(_bounded(pattern), code) for pattern, code in _CURRENCIES]
# Every unit parse_unit can return: percent and the currency codes.
UNITS = frozenset({"%", *(code for _, code in _CURRENCIES)})
_ORDINALS = {
    word: i + 1
    for i, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
}
_ORDINALS.update({"largest": 1, "biggest": 1, "top": 1, "leading": 1, "best": 1})  # rank 1 without a number
_WORD_NUMBERS = {
    word: i
    for i, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                      "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
                      "dozen": 12, "a dozen": 12})
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"]
    )
}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")


def parse_number(text: str) -> float | None:
    """The numeric value of '38.55 billion', '1,200', 'eight', '2.4bn', or None."""
    low = text.casefold().replace("\u00a0", " ")
    m = _NUMBER.search(low)
    if m:
        whole = m.group(1).replace(",", "")
        value = float(whole + ("." + m.group(2) if m.group(2) else ""))
        rest = low[m.end():].lstrip(" -")  # "$2-billion", "₹7,300-crore"
        scale = re.match(r"([a-z]+)", rest)
        if scale and scale.group(1) in _SCALES:
            value *= _SCALES[scale.group(1)]
        return value
    for word, value in sorted(_WORD_NUMBERS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{word}\b", low):
            scale = re.search(rf"\b{word}\s+(thousand|million|billion|trillion)\b", low)
            return float(value) * (_SCALES[scale.group(1)] if scale else 1)
    return None


def parse_number_or_rank(text: str) -> float | None:
    """parse_number, else the rank: '$1.2 bn' -> 1.2e9, 'third-largest' -> 3."""
    number = parse_number(text)
    if number is not None:
        return number
    rank = parse_rank(text)
    return rank.number if rank is not None else None


def parse_currency(text: str) -> str | None:
    """The ISO code of the currency text names ('RM32 billion' -> 'MYR'), or None."""
    low = text.casefold()
    for pattern, code in _CURRENCIES:
        if pattern.search(low):
            return code
    return None


def parse_unit(text: str) -> str | None:
    """'%' for a percentage, else the currency's ISO code, else None."""
    if re.search(_PERCENT, text, re.IGNORECASE):
        return "%"
    return parse_currency(text)


_MONEY_PREFIX = r"(?:US\$|C\$|A\$|HK\$|S\$|NZ\$|NT\$|R\$|RM|Rs\.?|₹|€|£|¥|₩|\$)"
_MONEY_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY_SCALE = r"(?:[\s-](?:thousand|million|billion|trillion|crore|lakh)|\s?(?:mln|bln|bn|tn))"
_MONEY_WORD = (r"(?:won|yuan|euros?|reais|rupees?|ringgit|rupiah|forints?|baht|pesos?|(?:moroccan\s+)?dirhams?"
               r"|riyals?|rand|yen|pounds?|liras?|(?:u\.s\.[\s-]*)?dollars?|francs?"
               r"|(?:norwegian|swedish|danish|czech)\s+(?:crowns?|kroner|krone|kronor|krona|korunas?)|zlotys?)")
_MONEY = re.compile(
    rf"(?<![\w$])(?:{_MONEY_PREFIX}\s?(?:{_MONEY_NUMBER}){_MONEY_SCALE}?(?:[\s-]{_MONEY_WORD})?"
    rf"|(?:{_MONEY_NUMBER}){_MONEY_SCALE}?[\s-]{_MONEY_WORD})(?![\w])",
    re.IGNORECASE,
)


_QUANTITY = re.compile(
    rf"(?<![\w$])(?:{_MONEY_NUMBER}){_MONEY_SCALE}?[\s-](?:(?:giga|mega|kilo)watt[\s-]hours?|[GMk]Wh"
    r"|(?:metric\s+)?(?:tonnes|tons))(?![\w])",
    re.IGNORECASE,
)


def find_quantities(text: str) -> list[tuple[int, int]]:
    """Character spans of energy and mass amounts ('25 gigawatt hours', '120,000 metric tons')."""
    return [m.span() for m in _QUANTITY.finditer(text)]


def find_money(text: str) -> list[tuple[int, int]]:
    """Character spans of amounts of money in text ('2 trillion won', 'RM32 billion',
    '₹7,300-crore', 'C$15 billion'), for the amounts a tagger does not mark."""
    return [m.span() for m in _MONEY.finditer(text) if parse_currency(m.group(0))]


def parse_money(text: str) -> Value | None:
    """A money Value with ISO currency, e.g. '38.55 billion U.S. dollars' -> 3.855e10 USD."""
    number = parse_number(text)
    if number is None:
        return None
    return Value(text=text, kind="money", number=number, unit=parse_currency(text))


def parse_percent(text: str) -> Value | None:
    """A percent Value from '45 percent' or '10.5%'."""
    number = parse_number(text)
    if number is None:
        return None
    return Value(text=text, kind="percent", number=number, unit="%")


def parse_quantity(text: str, unit: str | None = None) -> Value | None:
    """A counted quantity, e.g. '300,000 vehicles' with unit 'vehicles'."""
    number = parse_number(text)
    if number is None:
        return None
    return Value(text=text, kind="quantity", number=number, unit=unit)


def parse_rank(text: str) -> Value | None:
    """A rank such as 'third-largest trading partner' -> 3."""
    low = text.casefold()
    m = re.search(r"\b(\d+)(?:st|nd|rd|th)\b", low)
    if m:
        return Value(text=text, kind="rank", number=float(m.group(1)))
    # The first rank word wins: "third-largest" is 3, a bare "largest" is 1.
    for word in re.findall(r"[a-z]+", low):
        if word in _ORDINALS:
            return Value(text=text, kind="rank", number=float(_ORDINALS[word]))
    return None


# A year in a value's label: 1800-2199, kept apart from other digits but not from letters
# ("FY2023", "the 1990s" and "2023-24" each name one). parse_date reads running text and
# asks more (1900-2099, a word of its own); widening it would change what is extracted.
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[0-1]\d\d)(?!\d)")


def parse_year(text: str) -> str | None:
    """The first year named in text ('FY2023' -> '2023', 'founded 1886' -> '1886'), or None."""
    match = _YEAR.search(text)
    return match.group(1) if match else None


def parse_date(text: str, reference_year: int | None = None) -> Value | None:
    """An ISO date prefix from 'December 2023', 'Jan. 5', 'in 2022', 'last year'."""
    low = text.casefold().replace(".", " ")
    year_m = re.search(r"\b(19\d\d|20\d\d)\b", low)
    year = int(year_m.group(1)) if year_m else None
    if year is None and reference_year is not None:
        if re.search(r"\blast year\b", low):
            year = reference_year - 1
        elif re.search(r"\b(this year|next year)\b", low):
            year = reference_year + (1 if "next" in low else 0)
    month = None
    for word in re.findall(r"[a-z]+", low):
        if word in _MONTHS:
            month = _MONTHS[word]
            break
    if year is None and month is not None and reference_year is not None:
        year = reference_year  # "in April", in an article of that year
    if year is None:
        return None
    iso = f"{year:04d}"
    if month:
        iso += f"-{month:02d}"
        day = re.search(r"\b(\d{1,2})\b(?!\d)", re.sub(r"\b(19|20)\d\d\b", "", low))
        if day and 1 <= int(day.group(1)) <= 31:
            iso += f"-{int(day.group(1)):02d}"
    return Value(text=text, kind="date", date=iso)
