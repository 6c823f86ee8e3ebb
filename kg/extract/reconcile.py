"""Cross-document entity resolution: map a new document's entities onto known ones.

Known entities come from the store (label, type, every alias a past merge added), so a
merge decided once is reused by every later ingest: "Fararis" stored as an alias of
"Farasis" makes a later "Fararis" the same entity, with one IRI.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from rapidfuzz import fuzz

from kg.extract.coref import _acronym, _strip_suffix
from kg.extract.places import fold
from kg.identity import SAME_KEY_REASON, identity_key
from kg.model import Document, Entity, Kind, Merge, Triple

# Across documents there is less context than inside one, so demand closer spellings.
CROSS_DOC_THRESHOLD = 90.0
_PLACE_TYPES = {Kind.COUNTRY, Kind.CITY, Kind.REGION}  # already canonical from place data


class KnownEntities:
    """An index of known entities by type and identity key, growing as documents are added."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.by_name: dict[tuple[str, str], Entity] = {}
        self.by_type: dict[str, list[Entity]] = {}
        for e in entities:
            self.add(e)

    def add(self, entity: Entity) -> None:
        """Index an entity under its label and aliases (the first entity to claim a name keeps it)."""
        if entity.key not in self.by_name:
            self.by_type.setdefault(entity.type, []).append(entity)
        for name in (entity.label, *entity.aliases):
            self.by_name.setdefault((entity.type, identity_key(name)), entity)

    def match(self, entity: Entity) -> tuple[Entity, str] | None:
        """The known entity this one is, and why; None if it is new."""
        for name in (entity.label, *entity.aliases):
            known = self.by_name.get((entity.type, identity_key(name)))
            if known is not None:
                if name == known.label:
                    return known, "same name as a stored entity"
                if identity_key(name) == identity_key(known.label):
                    return known, f"stored entity {known.label!r}: {SAME_KEY_REASON}"
                return known, f"stored alias {name!r}"
        across = self.match_other_type(entity)
        if across is not None:
            return across
        if entity.type in _PLACE_TYPES:
            return None
        key = fold(entity.label)
        for known in self.by_type.get(entity.type, []):
            other = fold(known.label)
            if entity.type == Kind.ORGANIZATION:
                if _strip_suffix(key) == _strip_suffix(other):
                    return known, "organisation suffix"
                if _core_name(key) == _core_name(other) and len(self._same_core(key)) == 1:
                    return known, "same name but for a descriptor word ('Energy', 'Technology')"
                if entity.label.isupper() and _acronym(known.label) == entity.label:
                    return known, "acronym of a stored entity"
            if entity.type == Kind.PERSON and _name_subset(key, other):
                return known, "same person, fuller name stored"
            if min(len(key), len(other)) >= 5 and key[:1] == other[:1]:
                score = fuzz.ratio(key, other)
                if score >= CROSS_DOC_THRESHOLD:
                    return known, f"spelling variant of a stored entity (similarity {score:.0f})"
        return None


    def _same_core(self, key: str) -> list[Entity]:
        core = _core_name(key)
        return [k for k in self.by_type.get(Kind.ORGANIZATION, []) if _core_name(fold(k.label)) == core]

    def match_other_type(self, entity: Entity) -> tuple[Entity, str] | None:
        """The same name stored under a more reliable type: a place from the gazetteer over an
        organisation ('the Ningde-based group' made 'Ningde' one), an organisation over a person
        (NER often calls a company a person, rarely the reverse)."""
        key = identity_key(entity.label)
        for stored, weaker in _TYPE_PRECEDENCE:
            if entity.type in weaker:
                known = self.by_name.get((stored, key))
                if known is not None and identity_key(known.label) == key:
                    return known, f"same name stored as {stored}"
        return None


# (stored type, new types it absorbs): a name seen as the stored type keeps it.
_TYPE_PRECEDENCE = (
    (Kind.COUNTRY, {Kind.ORGANIZATION, Kind.PERSON, Kind.PLACE, Kind.CITY, Kind.REGION}),
    (Kind.CITY, {Kind.ORGANIZATION, Kind.PERSON, Kind.PLACE}),
    (Kind.REGION, {Kind.ORGANIZATION, Kind.PERSON, Kind.PLACE}),
    (Kind.ORGANIZATION, {Kind.PERSON}),
)


# Words that describe a company without telling two companies apart ("Farasis Energy" is
# Farasis); business lines such as "Motors" or "Steel" do tell them apart ("Tata Motors").
_DESCRIPTOR_WORDS = frozenset("""energy technology technologies international global new
    group holding holdings""".split())


def _core_name(key: str) -> str:
    words = _strip_suffix(key).split()
    while len(words) > 1 and words[-1] in _DESCRIPTOR_WORDS:
        words.pop()
    return " ".join(words)


def _name_subset(a: str, b: str) -> bool:
    """'fatih kacir' and 'mehmet fatih kacir': one name's words are the end of the other's."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or wa == wb:
        return False
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return long_[-len(short):] == short


def reconcile(doc: Document, known: KnownEntities) -> Document:
    """Rename the document's entities to the known ones they match, recording each merge."""
    mapping: dict[tuple[str, str], Entity] = {}
    merges: list[Merge] = []
    for entity in doc.entities:
        found = known.match(entity)
        if found is None:
            continue
        target, reason = found
        aliases = set(entity.aliases) | ({entity.label} - {target.label})
        mapping[entity.key] = Entity(target.label, target.type, tuple(sorted(aliases - {target.label})))
        if entity.label != target.label or entity.type != target.type:
            merges.append(Merge(entity.label, target.label, target.type, reason))

    def swap(e):  # noqa: ANN001, ANN202
        return mapping.get(e.key, e) if isinstance(e, Entity) else e

    if mapping:
        doc.entities = sorted({swap(e).key: swap(e) for e in doc.entities}.values(),
                              key=lambda e: (e.type, e.label))
        triples: dict[tuple, Triple] = {}
        for t in doc.triples:
            new = dataclasses.replace(t, subject=swap(t.subject), object=swap(t.object))
            if new.subject.key != _key(new.object):
                triples.setdefault(new.key, new)
        doc.triples = list(triples.values())
        renamed = {m.alias: m.canonical for m in merges}
        doc.merges = [dataclasses.replace(m, canonical=renamed.get(m.canonical, m.canonical))
                      for m in doc.merges] + merges
    for entity in doc.entities:
        known.add(entity)
    return doc


def _key(obj: object) -> object:
    return obj.key if isinstance(obj, Entity) else None
