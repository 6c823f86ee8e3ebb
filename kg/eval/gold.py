"""Gold files: name and value normalisation, validation and loading (no spaCy, no rdflib)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from kg.errors import GoldError
from kg.identity import fold, identity_key
from kg.ingest import split_header
from kg.model import ENTITY_TYPES, RELATIONS, VALUE_TYPES
from kg.values import parse_number_or_rank, parse_year

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


def normalize_name(text: str) -> str:
    """Return the matching key of a name: its identity key (kg.identity), read more loosely.

    Eval forgives what a gold file cannot foresee: a possessive 's, '&' written 'and', a
    leading 'the' ("The Boeing Company's" matches "Boeing Company").
    """
    text = re.sub(r"'s\b", "", fold(text))
    words = identity_key(text).replace("&", " and ").replace("+", " ").split()
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

# Gold and predicted values are read by the parser extraction uses (kg.values), so "2.4 bln"
# or "RM32 billion" mean the same on both sides; a gold value may also be a rank ("third").
parse_number = parse_number_or_rank


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b)) or a == b


# --------------------------------------------------------------------------- gold


def article_body(text: str) -> str:
    """Return an article's body: the text after a leading 'Key: value' header block, if any
    (the block as the ingest layer reads it)."""
    return text[split_header(text)[1]:]


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
        if ent["type"] == "Date" and all(parse_year(x) is None for x in labels):
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
