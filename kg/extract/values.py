"""Re-export of kg.values, where the value parsers live (shared with eval, below spaCy), and
dates only the article's own date can place."""

import re

from kg.model import Value
from kg.values import (  # noqa: F401
    parse_date,
    parse_money,
    parse_number,
    parse_percent,
    parse_quantity,
    parse_rank,
)

_RELATIVE = re.compile(r"(?i)\b(last|this|next) year\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")


def undated(text: str) -> Value | None:
    """A date a sentence gives without its year ('last year', 'in April'): kept as text, for
    the extractor to place by the article's date (or to leave out if the article has none)."""
    return Value(text=text, kind="date") if _RELATIVE.search(text) else None


def unit_name(text: str) -> str:
    """A short unit name: 'gigawatt-hours' or 'gigawatt hours' -> 'GWh', 'megawatt-hours' -> 'MWh'."""
    low = text.casefold().replace(" ", "").replace("watthour", "watt-hour")
    for prefix, short in (("kilo", "k"), ("mega", "M"), ("giga", "G"), ("tera", "T")):
        if low.startswith(prefix + "watt-hour") or low.startswith(prefix + "watthour"):
            return short + "Wh"
        if low.startswith(prefix + "watt"):
            return short + "W"
    return text
