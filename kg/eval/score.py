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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from kg.errors import KGError
from kg.eval.gold import (
    VALUE_TOLERANCE,
    _close,
    _country_index,
    is_name,
    load_gold,
    normalize_name,
    parse_number,
    validate_gold,
)
from kg.model import RELATIONS, SYMMETRIC_RELATIONS, Kind
from kg.values import UNITS, parse_unit, parse_year


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
                e.unit = next((u for u in map(parse_unit, labels) if u), None)
            elif e.type == "Date":
                e.year = next(y for y in map(parse_year, labels) if y)
            self.entities[name] = e
            self.canonical.setdefault(normalize_name(name), name)
            for label in labels[1:]:
                if is_name(label, self.names):
                    self.alias.setdefault(normalize_name(label), set()).add(name)
            if e.type == Kind.COUNTRY:
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
        if type_ == "Date" and parse_year(str(int(value))):
            years.append(str(int(value)))
        else:
            numbers.append(float(value))
    elif isinstance(value, str) and parse_year(value):
        years.append(parse_year(value))  # type: ignore[arg-type]
    else:  # no usable o_value: parse the label, as far as the predicted type allows
        if type_ in (None, "", "Quantity", "Text"):
            number = parse_number(label)
            if number is not None:
                numbers.append(number)
        if type_ in (None, "", "Date", "Text"):
            year = parse_year(label)
            if year:
                years.append(year)
    if not numbers and not years:
        return frozenset()
    pred_unit = unit if unit in UNITS else parse_unit(label)
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
    found = {i for pred in preds for i in (*pred.s.ids, *pred.o.ids)}
    missed = []
    for i, t in enumerate(triples):
        if i in t_match:
            continue
        item = _gold_summary(t)
        near = sorted({pred.p for pred in preds
                       if any(_pair_ok(pred, (s, o)) for s, _, o in _forms(t))})
        if near:
            item["predicted_relations_for_pair"] = near
        item["miss"] = _miss_class(t, near, found)
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


MISS_CLASSES = ("other_relation", "entities_unlinked", "one_entity_missing", "both_missing")


def _miss_class(t: dict, near: list[str], found: set[str]) -> str:
    """Why a gold fact was missed: pair found with another relation, or which entities lacked."""
    if near:
        return "other_relation"
    present = [any(form[k] in found for form in (t, *(t.get("alternatives") or [])))
               for k in ("s", "o")]
    return ("entities_unlinked", "one_entity_missing", "both_missing")[2 - sum(present)]


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
