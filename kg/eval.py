"""Score extracted triples against a hand-made gold file (see tests/gold/README.md).

Method, in short:
- Entities match on a normalised name: case- and diacritic-insensitive, Turkish-aware
  (İ/ı fold to i), punctuation and a leading "the" ignored.  A prediction's label resolves to
  at most one gold entity: exact canonical name first, then a gold alias or variant (ties
  broken by the predicted type), then country-name equivalence from pycountry (name, official
  and common names of one country).  Pronouns and bare definite descriptions ("he", "the
  minister", "his country", "the two nations") never count as names, on either side.
- Quantities match by value within 1 % (gold labels, aliases and variants are parsed:
  "38.55 billion USD", "$1.2 billion", "45 percent", "third-largest" -> 3); two recognised
  but different units (USD vs EUR, % vs a currency) do not match.  Dates match by year.
- Relations match by vocabulary name; symmetric relations in either direction; a gold
  triple's `alternatives` (full s/p/o forms) count as that triple.
- Predictions are de-duplicated on their normalised (s, p, o) first; then gold triples and
  predictions are paired one-to-one by maximum bipartite matching, core triples first.
- A prediction equivalent to a gold fact that another prediction already took (e.g. the
  main form and an alternative both predicted) is "redundant": neither TP nor FP.  For the
  core scores, predictions matched to non-core gold facts are likewise left out: core
  precision = core TP / (core TP + predictions that match nothing).
This module imports neither spaCy nor rdflib.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from kg.errors import GoldError, KGError
from kg.model import ENTITY_TYPES, RELATIONS, SYMMETRIC_RELATIONS, VALUE_TYPES

__all__ = [
    "EvalReport",
    "Score",
    "article_body",
    "check_evidence",
    "evaluate",
    "evaluate_file",
    "format_report",
    "is_name",
    "load_gold",
    "normalize_name",
    "parse_number",
    "validate_gold",
]

VALUE_TOLERANCE = 0.01  # relative tolerance for quantities

# --------------------------------------------------------------------------- names

_PRONOUNS = frozenset(
    """i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs themselves
    this that these those who whom whose which what one ones both each all either neither
    someone somebody something anyone everyone here there""".split()
)
# A mention led by one of these is a definite description unless a capitalised word that is
# not a nationality adjective follows ("the semi-official Anadolu Agency" is a name,
# "the Turkish minister" is not).
_DETERMINERS = frozenset("the this that these those his her its their our my your".split())
# Suffixes of nationality adjectives (Turkish, Chinese, Korean, Hungarian, European, Thai,
# Dutch); a word that is also a country name in pycountry or a gold name is exempt.
_DEMONYM_RE = re.compile(r"(?:ish|ese|ian|ean|an|i|ch)$")


def _fold(text: str) -> str:
    text = text.replace("İ", "i").replace("ı", "i")
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def normalize_name(text: str) -> str:
    """Return the matching key of a name: folded, punctuation-free, without a leading 'the'."""
    text = _fold(text).replace("’", "'").replace("&", " and ")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text).replace("_", " ")
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Normalised pycountry names (name, official and common name) -> alpha-3 code."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a project dependency
        return {}
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if not name:
                continue
            index.setdefault(normalize_name(name), country.alpha_3)
            if ", " in name:  # "Korea, Republic of" -> "Republic of Korea"
                head, tail = name.split(", ", 1)
                index.setdefault(normalize_name(f"{tail} {head}"), country.alpha_3)
    return index


def _is_demonym(word: str, names: frozenset[str]) -> bool:
    key = normalize_name(word)
    if key in names or key in _country_index():
        return False
    return bool(_DEMONYM_RE.search(key))


def is_name(text: str, names: Iterable[str] = ()) -> bool:
    """Whether a mention can serve as a name (pronouns and bare definite descriptions cannot).

    `names` are normalised names known not to be nationality adjectives (gold canonicals).
    """
    words = text.split()
    if not words:
        return False
    if len(words) == 1 and normalize_name(text) in _PRONOUNS:
        return text.isupper() and len(text) > 1  # "US" is a name, "us" is not
    if normalize_name(words[0]) not in _DETERMINERS or len(words) == 1:
        return True
    known = frozenset(names)
    for word in words[1:]:
        word = word.strip("\"'“”‘’(),.;:")
        if word[:1].isupper() and not _is_demonym(word, known):
            return True
    return False


# --------------------------------------------------------------------------- values

_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12,
}
_NUMBER_RE = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
    r"(?:[\s-]*(thousand|million|billion|trillion|mln|mn|bn|tn)\b|(k|m|b)\b)?(?![\w])",
    re.IGNORECASE,
)
_ORDINAL_DIGITS_RE = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
}
_CARDINALS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_CARDINALS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                   "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12})
_WORDS_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _CARDINALS), key=len, reverse=True)) + r")"
    r"(?:\s+(thousand|million|billion|trillion))?\b",
    re.IGNORECASE,
)
_ORDINAL_WORDS_RE = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b", re.IGNORECASE)
_TOP_RE = re.compile(r"\b(largest|biggest|top|leading)\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|2[0-1]\d\d)(?!\d)")

_UNITS = (  # (pattern, unit); the first that matches wins
    (r"%|\bper\s*cent\b|\bpercent(?:age points?)?\b|\bpct\b", "%"),
    (r"€|\beuros?\b|\beur\b", "EUR"),
    (r"£|\bpounds?\b|\bgbp\b", "GBP"),
    (r"¥|\byuan\b|\brmb\b|\brenminbi\b|\bcny\b", "CNY"),
    (r"\byen\b|\bjpy\b", "JPY"),
    (r"\bwon\b|\bkrw\b", "KRW"),
    (r"\blira\b|\btry\b", "TRY"),
    (r"\bringgit\b|\bmyr\b", "MYR"),
    (r"\brupiah\b|\bidr\b", "IDR"),
    (r"\bpesos?\b|\bmxn\b", "MXN"),
    (r"\bforints?\b|\bhuf\b", "HUF"),
    (r"\$|\bdollars?\b|\busd\b", "USD"),
)
_KNOWN_UNITS = frozenset(unit for _, unit in _UNITS)


def parse_number(text: str) -> float | None:
    """Parse the first amount, count, percentage or rank in text ('$1.2 bn', 'third' -> 3)."""
    match = _NUMBER_RE.search(text)
    if match:
        whole, frac, word, abbr = match.groups()
        value = float(whole.replace(",", "") + (f".{frac}" if frac else ""))
        scale = (word or abbr or "").lower()
        return value * _SCALES.get(scale, 1.0)
    match = _ORDINAL_DIGITS_RE.search(text)
    if match:
        return float(match.group(1))
    match = _ORDINAL_WORDS_RE.search(text)
    if match:
        return float(_ORDINALS[match.group(1).lower()])
    match = _WORDS_RE.search(text)
    if match:
        value = float(_CARDINALS[match.group(1).lower()])
        if match.group(2):
            value *= _SCALES[match.group(2).lower()]
        return value
    if _TOP_RE.search(text):  # "largest trading partner" is rank 1
        return 1.0
    return None


def _parse_unit(text: str) -> str | None:
    for pattern, unit in _UNITS:
        if re.search(pattern, text, re.IGNORECASE):
            return unit
    return None


def _parse_year(text: str) -> str | None:
    match = _YEAR_RE.search(text)
    return match.group(1) if match else None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b)) or a == b


# --------------------------------------------------------------------------- gold


def article_body(text: str) -> str:
    """Return an article's body: the text after a leading 'Key: value' header block, if any."""
    head, sep, rest = text.partition("\n\n")
    lines = [line for line in head.splitlines() if line.strip()]
    if sep and lines and all(re.match(r"^[A-Z][\w -]*:\s", line) for line in lines):
        return rest
    return text


def _fail(message: str) -> GoldError:
    return GoldError(message.replace("\n", " "))


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(f"{where} must be a list of strings")
    return value


def validate_gold(gold: Any) -> None:
    """Raise GoldError with a one-line message unless gold is a well-formed gold dict."""
    if not isinstance(gold, dict):
        raise _fail("gold must be a JSON object")
    entities, triples = gold.get("entities"), gold.get("triples")
    if not isinstance(entities, dict) or not entities:
        raise _fail("gold has no 'entities' object")
    if not isinstance(triples, list) or not triples:
        raise _fail("gold has no 'triples' list")
    allowed_types = set(ENTITY_TYPES) | set(VALUE_TYPES)
    additions = gold.get("relation_additions_used") or {}
    relations = set(RELATIONS) | set(additions)
    for name, ent in entities.items():
        if not isinstance(ent, dict) or not isinstance(ent.get("type"), str):
            raise _fail(f"entity {name!r} has no 'type'")
        if ent["type"] not in allowed_types:
            raise _fail(f"entity {name!r} has unknown type {ent['type']!r}")
        labels = [name, *_strings(ent.get("aliases"), f"entity {name!r} aliases"),
                  *_strings(ent.get("variants"), f"entity {name!r} variants")]
        if ent["type"] == "Quantity" and all(parse_number(x) is None for x in labels):
            raise _fail(f"quantity {name!r} has no parseable number in its label or aliases")
        if ent["type"] == "Date" and all(_parse_year(x) is None for x in labels):
            raise _fail(f"date {name!r} has no year in its label or aliases")
    seen: set[str] = set()
    for i, t in enumerate(triples):
        if not isinstance(t, dict):
            raise _fail(f"triple {i} is not an object")
        tid = str(t.get("id", f"#{i}"))
        if tid in seen:
            raise _fail(f"duplicate triple id {tid!r}")
        seen.add(tid)
        if not isinstance(t.get("alternatives") or [], list):
            raise _fail(f"triple {tid}: 'alternatives' must be a list")
        forms = [t, *(t.get("alternatives") or [])]
        for form in forms:
            if not isinstance(form, dict):
                raise _fail(f"triple {tid}: an alternative is not an object")
            for key in ("s", "p", "o"):
                if not isinstance(form.get(key), str):
                    raise _fail(f"triple {tid}: missing {key!r}")
            for key in ("s", "o"):
                if form[key] not in entities:
                    raise _fail(f"triple {tid}: {key} {form[key]!r} is not a gold entity")
            if form["p"] not in relations:
                raise _fail(f"triple {tid}: predicate {form['p']!r} is not in the vocabulary")
        for key in ("s", "o"):
            declared = t.get(f"{key}_type")
            if declared is not None and declared != entities[t[key]]["type"]:
                raise _fail(f"triple {tid}: {key}_type {declared!r} differs from the entity's type")
        if not isinstance(t.get("core", False), bool):
            raise _fail(f"triple {tid}: 'core' must be true or false")
        if "evidence" in t and not isinstance(t["evidence"], str):
            raise _fail(f"triple {tid}: 'evidence' must be a string")
    counts = gold.get("counts")
    if isinstance(counts, dict):
        actual = {"triples": len(triples), "core": sum(bool(t.get("core")) for t in triples),
                  "entities": len(entities)}
        for key, value in actual.items():
            if key in counts and counts[key] != value:
                raise _fail(f"counts.{key} is {counts[key]} but the file has {value}")


def load_gold(path: str | Path) -> dict:
    """Read and validate a gold JSON file; raise GoldError (one line) if it is malformed."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(f"gold file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"cannot read gold file {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise _fail(f"gold file {path} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    try:
        validate_gold(gold)
    except GoldError as exc:
        raise _fail(f"{path}: {exc}") from None
    return gold


def check_evidence(gold: dict, article_text: str) -> list[str]:
    """List the gold triples whose evidence is not an exact substring of the article body."""
    body = article_body(article_text)
    return [
        f"{t.get('id', i)}: {t.get('evidence')!r}"
        for i, t in enumerate(gold["triples"])
        if not isinstance(t.get("evidence"), str) or t["evidence"] not in body
    ]


@dataclass
class _Entity:
    id: str
    type: str
    numbers: tuple[float, ...] = ()
    unit: str | None = None
    year: str | None = None


class _GoldIndex:
    """Lookup tables from normalised names, countries, values to gold entity ids."""

    def __init__(self, entities: Mapping[str, dict]) -> None:
        self.entities: dict[str, _Entity] = {}
        self.canonical: dict[str, str] = {}
        self.alias: dict[str, set[str]] = {}
        self.country: dict[str, set[str]] = {}
        self.names = frozenset(normalize_name(n) for n in entities)
        countries = _country_index()
        for name, ent in entities.items():
            labels = [name, *(ent.get("aliases") or []), *(ent.get("variants") or [])]
            e = _Entity(name, ent["type"])
            if e.type == "Quantity":
                e.numbers = tuple(dict.fromkeys(
                    n for n in map(parse_number, labels) if n is not None))
                e.unit = next((u for u in map(_parse_unit, labels) if u), None)
            elif e.type == "Date":
                e.year = next(y for y in map(_parse_year, labels) if y)
            self.entities[name] = e
            self.canonical.setdefault(normalize_name(name), name)
            for label in labels[1:]:
                if is_name(label, self.names):
                    self.alias.setdefault(normalize_name(label), set()).add(name)
            if e.type == "Country":
                for label in labels:
                    code = countries.get(normalize_name(label))
                    if code:
                        self.country.setdefault(code, set()).add(name)


@dataclass(frozen=True)
class _Resolved:
    ids: frozenset[str]
    label: str
    why: str = ""  # why nothing resolved

    @property
    def key(self) -> Any:
        return tuple(sorted(self.ids)) if self.ids else ("?", normalize_name(self.label))


def _pick(ids: set[str], index: _GoldIndex, pred_type: str | None) -> frozenset[str]:
    if len(ids) == 1:
        return frozenset(ids)
    typed = {i for i in ids if index.entities[i].type == pred_type}
    return frozenset(typed) if len(typed) == 1 else frozenset()


def _resolve(label: str, type_: str | None, value: Any, unit: str | None,
             index: _GoldIndex, fuzzy: float | None) -> _Resolved:
    label = str(label)
    name_like = is_name(label, index.names)
    key = normalize_name(label)
    if name_like and key:
        if key in index.canonical:
            return _Resolved(frozenset({index.canonical[key]}), label)
        if key in index.alias:
            ids = _pick(index.alias[key], index, type_)
            if ids:
                return _Resolved(ids, label)
            return _Resolved(frozenset(), label, "ambiguous alias")
        code = _country_index().get(key)
        if code and code in index.country:
            ids = _pick(index.country[code], index, type_)
            if ids:
                return _Resolved(ids, label)
    ids = _resolve_value(label, type_, value, unit, index)
    if ids:
        return _Resolved(ids, label)
    if name_like and key and fuzzy is not None:
        from rapidfuzz import fuzz, process

        choices = list(index.canonical) + list(index.alias)
        best = process.extract(key, choices, scorer=fuzz.token_sort_ratio, limit=2)
        if best and best[0][1] >= fuzzy and (len(best) == 1 or best[1][1] < best[0][1]):
            hit = best[0][0]
            ids = ({index.canonical[hit]} if hit in index.canonical
                   else _pick(index.alias[hit], index, type_))
            if ids:
                return _Resolved(frozenset(ids), label)
    why = "not a gold entity" if name_like else "pronoun or bare description"
    return _Resolved(frozenset(), label, why)


def _resolve_value(label: str, type_: str | None, value: Any, unit: str | None,
                   index: _GoldIndex) -> frozenset[str]:
    numbers: list[float] = []
    years: list[str] = []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if type_ == "Date" and _parse_year(str(int(value))):
            years.append(str(int(value)))
        else:
            numbers.append(float(value))
    elif isinstance(value, str) and _parse_year(value):
        years.append(_parse_year(value))  # type: ignore[arg-type]
    else:  # no usable o_value: parse the label, as far as the predicted type allows
        if type_ in (None, "", "Quantity", "Text"):
            number = parse_number(label)
            if number is not None:
                numbers.append(number)
        if type_ in (None, "", "Date", "Text"):
            year = _parse_year(label)
            if year:
                years.append(year)
    if not numbers and not years:
        return frozenset()
    pred_unit = unit if unit in _KNOWN_UNITS else _parse_unit(label)
    hits = set()
    for e in index.entities.values():
        if e.type == "Quantity" and numbers:
            if pred_unit and e.unit and pred_unit != e.unit:
                continue
            if any(_close(n, g) for n in numbers for g in e.numbers):
                hits.add(e.id)
        elif e.type == "Date" and years and e.year in years:
            hits.add(e.id)
    return frozenset(hits)


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    """True/false positives and false negatives with the derived precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 0 when the gold is empty."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Counts and rounded rates as plain JSON values."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    """Scores of one prediction list against one gold file, with the lists to read."""

    gold: str
    triples: Score
    triples_core: Score
    pairs: Score
    pairs_core: Score
    counts: dict[str, int]
    missed_core: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    unmatched: list[dict[str, Any]] = field(default_factory=list)
    redundant: list[dict[str, Any]] = field(default_factory=list)
    matches: list[dict[str, Any]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON values."""
        return {
            "gold": self.gold,
            "scores": {
                "triples": {"all": self.triples.to_dict(), "core": self.triples_core.to_dict()},
                "pairs": {"all": self.pairs.to_dict(), "core": self.pairs_core.to_dict()},
            },
            "counts": dict(self.counts),
            "missed_core": self.missed_core,
            "missed": self.missed,
            "unmatched_predictions": self.unmatched,
            "redundant_predictions": self.redundant,
            "matches": self.matches,
            "options": dict(self.options),
        }


@dataclass
class _Pred:
    raw: dict[str, Any]
    s: _Resolved
    p: str
    o: _Resolved

    @property
    def key(self) -> tuple[Any, ...]:
        s, o = self.s.key, self.o.key
        if self.p in SYMMETRIC_RELATIONS and repr(o) < repr(s):
            s, o = o, s
        return (s, self.p, o)

    @property
    def pair_key(self) -> frozenset[Any]:
        return frozenset({self.s.key, self.o.key})


def _forms(t: dict) -> list[tuple[str, str, str]]:
    return [(f["s"], f["p"], f["o"]) for f in [t, *(t.get("alternatives") or [])]]


def _triple_ok(pred: _Pred, form: tuple[str, str, str]) -> bool:
    s, p, o = form
    if pred.p != p:
        return False
    if s in pred.s.ids and o in pred.o.ids:
        return True
    return p in SYMMETRIC_RELATIONS and o in pred.s.ids and s in pred.o.ids


def _pair_ok(pred: _Pred, pair: tuple[str, str]) -> bool:
    a, b = pair
    return (a in pred.s.ids and b in pred.o.ids) or (b in pred.s.ids and a in pred.o.ids)


def _max_matching(adjacency: list[list[int]]) -> dict[int, int]:
    """Kuhn's algorithm; left vertices are tried in order and stay matched once matched."""
    owner: dict[int, int] = {}  # right -> left

    def augment(left: int, seen: set[int]) -> bool:
        for right in adjacency[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in range(len(adjacency)):
        augment(left, set())
    return {left: right for right, left in owner.items()}


def _summary(raw: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("s", "s_type", "p", "o", "o_type", "o_value", "o_unit", "evidence", "rule",
            "confidence", "start", "end", "doc")
    return {k: raw[k] for k in keys if k in raw}


def _gold_summary(t: dict) -> dict[str, Any]:
    return {k: t[k] for k in ("id", "s", "p", "o", "evidence", "core") if k in t}


def _score_units(units: list[tuple[bool, Any]], preds: list[_Pred], ok) -> tuple[
        Score, Score, dict[int, int], set[int]]:
    """Match gold units (core flag, payload) with predictions; return scores and details."""
    order = sorted(range(len(units)), key=lambda i: not units[i][0])  # core first
    adjacency = [[j for j, pred in enumerate(preds) if ok(pred, units[i][1])] for i in order]
    matched = {order[left]: right for left, right in _max_matching(adjacency).items()}
    compatible = {j for row in adjacency for j in row}
    fp = len(preds) - len(compatible)
    core_total = sum(core for core, _ in units)
    core_tp = sum(units[i][0] for i in matched)
    all_score = Score(tp=len(matched), fp=fp, fn=len(units) - len(matched))
    core_score = Score(tp=core_tp, fp=fp, fn=core_total - core_tp)
    return all_score, core_score, matched, compatible


def evaluate(gold: dict, predictions: list[dict], *, min_confidence: float = 0.0,
             include_open: bool = False, fuzzy: float | None = None) -> EvalReport:
    """Score predictions (Triple.to_dict() dicts) against a gold dict; see the module doc."""
    validate_gold(gold)
    index = _GoldIndex(gold["entities"])
    triples = gold["triples"]
    counts = {"predictions": len(predictions), "below_confidence": 0, "open_predicate": 0,
              "duplicates": 0}
    preds: list[_Pred] = []
    seen: set[tuple[Any, ...]] = set()
    for i, raw in enumerate(predictions):
        if hasattr(raw, "to_dict"):
            raw = raw.to_dict()
        if not isinstance(raw, Mapping) or not all(isinstance(raw.get(k), str) for k in "spo"):
            raise KGError(f"prediction {i} lacks a string 's', 'p' or 'o'")
        if float(raw.get("confidence", 1.0) or 0.0) < min_confidence:
            counts["below_confidence"] += 1
            continue
        if raw["p"] not in RELATIONS and not include_open:
            counts["open_predicate"] += 1
            continue
        s = _resolve(raw["s"], raw.get("s_type"), None, None, index, fuzzy)
        o = _resolve(raw["o"], raw.get("o_type"), raw.get("o_value"), raw.get("o_unit"),
                     index, fuzzy)
        pred = _Pred(dict(raw), s, raw["p"], o)
        if pred.key in seen:
            counts["duplicates"] += 1
            continue
        seen.add(pred.key)
        preds.append(pred)

    # typed triples
    t_units = [(bool(t.get("core")), _forms(t)) for t in triples]
    t_all, t_core, t_match, t_compat = _score_units(
        t_units, preds, lambda pred, forms: any(_triple_ok(pred, f) for f in forms))

    # entity pairs (unordered, relation ignored); one unit per distinct gold pair
    pair_units: dict[frozenset[str], list[Any]] = {}
    for t in triples:
        unit = pair_units.setdefault(frozenset((t["s"], t["o"])), [False, set()])
        unit[0] = unit[0] or bool(t.get("core"))
        unit[1].update((s, o) for s, _, o in _forms(t))
    pair_preds: list[_Pred] = []
    pair_seen: set[frozenset[Any]] = set()
    for pred in preds:
        if pred.pair_key not in pair_seen:
            pair_seen.add(pred.pair_key)
            pair_preds.append(pred)
    p_units = [(core, pairs) for core, pairs in pair_units.values()]
    p_all, p_core, _, _ = _score_units(
        p_units, pair_preds, lambda pred, pairs: any(_pair_ok(pred, pr) for pr in pairs))

    # the lists to read
    taken = {j: i for i, j in t_match.items()}
    matches = [{"gold": _gold_summary(triples[i]), "prediction": _summary(preds[j].raw)}
               for i, j in sorted(t_match.items())]
    missed = []
    for i, t in enumerate(triples):
        if i in t_match:
            continue
        item = _gold_summary(t)
        near = sorted({pred.p for pred in preds
                       if any(_pair_ok(pred, (s, o)) for s, _, o in _forms(t))})
        if near:
            item["predicted_relations_for_pair"] = near
        missed.append(item)
    gold_pairs: dict[frozenset[str], set[str]] = {}
    for t in triples:
        gold_pairs.setdefault(frozenset((t["s"], t["o"])), set()).add(t["p"])
    unmatched, redundant = [], []
    for j, pred in enumerate(preds):
        if j in taken:
            continue
        item = _summary(pred.raw)
        if j in t_compat:
            redundant.append(item)
            continue
        item["hint"] = _hint(pred, gold_pairs)
        unmatched.append(item)
    counts.update({
        "scored": len(preds),
        "redundant": len(redundant),
        "gold_triples": len(triples),
        "gold_core": sum(bool(t.get("core")) for t in triples),
        "gold_pairs": len(p_units),
        "gold_core_pairs": sum(core for core, _ in p_units),
        "type_agreement": sum(
            1 for i, j in t_match.items()
            if _types_agree(preds[j].raw, gold["entities"], triples[i])),
    })
    return EvalReport(
        gold=str(gold.get("file") or gold.get("article") or "gold"),
        triples=t_all, triples_core=t_core, pairs=p_all, pairs_core=p_core, counts=counts,
        missed_core=[m for m in missed if m.get("core")], missed=missed,
        unmatched=unmatched, redundant=redundant, matches=matches,
        options={"min_confidence": min_confidence, "include_open": include_open,
                 "fuzzy": fuzzy, "value_tolerance": VALUE_TOLERANCE},
    )


def _types_agree(raw: Mapping[str, Any], entities: Mapping[str, dict], t: dict) -> bool:
    return (raw.get("s_type") == entities[t["s"]]["type"]
            and raw.get("o_type") == entities[t["o"]]["type"])


def _hint(pred: _Pred, gold_pairs: Mapping[frozenset[str], set[str]]) -> str:
    problems = [f"{role} {r.label!r}: {r.why}" for role, r in (("subject", pred.s),
                                                               ("object", pred.o)) if not r.ids]
    if problems:
        return "; ".join(problems)
    rels = sorted({p for sid in pred.s.ids for oid in pred.o.ids
                   for p in gold_pairs.get(frozenset((sid, oid)), ())})
    if rels:
        return f"pair is in the gold with {', '.join(rels)}; relation or direction differs"
    return "both entities are gold, but the gold has no fact linking them"


def evaluate_file(gold_path: str | Path, predictions: list[dict], **options: Any) -> EvalReport:
    """Load a gold file and evaluate predictions against it (options as for evaluate)."""
    return evaluate(load_gold(gold_path), predictions, **options)


# --------------------------------------------------------------------------- text


def _fmt_triple(item: Mapping[str, Any]) -> str:
    return f"{item.get('s')} -{item.get('p')}-> {item.get('o')}"


def _clip(text: Any, width: int = 110) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(report: EvalReport, show_misses: bool = False) -> str:
    """Render a report as text; show_misses adds missed core facts and unmatched predictions."""
    c = report.counts
    lines = [
        f"Gold: {report.gold} ({c['gold_triples']} triples, {c['gold_core']} core; "
        f"{c['gold_pairs']} entity pairs, {c['gold_core_pairs']} core)",
        f"Predictions: {c['predictions']} read, {c['scored']} scored "
        f"({c['duplicates']} duplicates removed, {c['open_predicate']} open-predicate and "
        f"{c['below_confidence']} below-confidence set aside; {c['redundant']} redundant)",
        "",
        f"{'':16}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}",
    ]
    for name, score in (("typed triples", report.triples), ("  core", report.triples_core),
                        ("entity pairs", report.pairs), ("  core", report.pairs_core)):
        lines.append(f"{name:16}{score.precision:7.3f}{score.recall:7.3f}{score.f1:7.3f}"
                     f"{score.tp:6d}{score.fp:6d}{score.fn:6d}")
    lines.append(f"Matched triples with gold entity types: {c['type_agreement']} of "
                 f"{report.triples.tp}")
    lines.append("The gold is not exhaustive: read the unmatched predictions before quoting "
                 "precision.")
    if show_misses:
        lines += ["", f"Missed core facts ({len(report.missed_core)}):"]
        for m in report.missed_core:
            near = m.get("predicted_relations_for_pair")
            extra = f"  [pair predicted as {', '.join(near)}]" if near else ""
            lines.append(f"  {m.get('id', '')}  {_fmt_triple(m)}{extra}")
            lines.append(f"      \"{_clip(m.get('evidence'))}\"")
        lines += ["", f"Predictions that matched nothing ({len(report.unmatched)}):"]
        for u in report.unmatched:
            lines.append(f"  {_fmt_triple(u)}  [{u.get('rule', '?')}, "
                         f"{u.get('confidence', '?')}]  {u['hint']}")
            lines.append(f"      \"{_clip(u.get('evidence'))}\"")
    return "\n".join(lines)
