"""The data model shared by every layer: documents, entities, values, triples, merges.

Plain dataclasses with no behaviour beyond small derived views; extraction produces
them, the store turns them into RDF and back, rendering never sees spaCy objects.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Union

from kg.identity import identity_key


class Kind(StrEnum):
    """An entity class of the kg ontology (aligned to schema.org in kg/ontology.ttl)."""

    # A StrEnum member is its plain string: it compares, hashes, formats and serialises
    # as "Person", so an Entity.type may hold either.
    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    CITY = "City"
    REGION = "Region"
    PLACE = "Place"
    PRODUCT = "Product"
    EVENT = "Event"
    ROLE = "Role"
    CONCEPT = "Concept"


# Plain strings, as before: a member is a str subclass, and a library that looks a value's
# type up by type() refuses it (networkx's GraphML and GEXF writers do).
ENTITY_TYPES = tuple(kind.value for kind in Kind)
# Types a literal object can have in the JSON view of a triple.
VALUE_TYPES = ("Quantity", "Date", "Text")

# Relation vocabulary (design.md); the symmetric ones hold in both directions.
RELATIONS = (
    "holdsPosition", "worksFor", "directorOf", "memberOf", "partOf", "locatedIn", "basedIn",
    "headquarteredIn", "hasFacilityIn", "nationality", "origin", "brandOf", "visited",
    "metWith", "attended", "partnersWith", "cooperatesWith", "seeksCooperationWith",
    "jointVentureOf", "investsIn", "investmentValue", "supports", "tradesWith",
    "tradingPartnerRank", "tradeValue", "salesVolume", "imposesTariffOn", "tariffRate",
    "produces", "builds", "capacity", "employs", "launched", "founded", "plannedStart",
    "goal", "said", "quotedBy", "authorOf", "publishedBy", "expertOn", "rankedAs", "near",
)
SYMMETRIC_RELATIONS = frozenset(
    {"metWith", "partnersWith", "cooperatesWith", "tradesWith", "near"}
)


def normalize_text(text: str) -> str:
    """Return text in NFC with Unix line endings and no surrounding blank space."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def document_id(text: str) -> str:
    """Return the content hash that identifies a document (hex SHA-256 of normalised text)."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entity:
    """A real-world thing named in text: a canonical label, a type and the aliases seen."""

    label: str
    type: str
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        """Identity of the entity: its type and the identity key of its label (kg.identity)."""
        return (self.type, identity_key(self.label))


@dataclass(frozen=True)
class Value:
    """A literal object: an amount of money, a quantity, a rank, a date or free text."""

    text: str
    kind: str  # money | quantity | percent | rank | date | text
    number: float | None = None
    unit: str | None = None  # ISO currency code, "%", or a counted noun
    date: str | None = None  # ISO 8601 prefix: "2022", "2023-12", "2024-01-05"

    @property
    def type(self) -> str:
        """The value's type name in the JSON view (Quantity, Date or Text)."""
        if self.kind == "date":
            return "Date"
        if self.kind == "text":
            return "Text"
        return "Quantity"

    @property
    def label(self) -> str:
        """A canonical rendering: '38.55 billion USD', '2022', 'third'."""
        if self.kind == "date" and self.date:
            return self.date
        if self.number is not None and self.kind in ("money", "quantity", "percent"):
            return _format_amount(self.number, self.unit)
        return self.text


Object = Union[Entity, Value]


def _format_amount(number: float, unit: str | None) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(number) >= scale:
            shown = f"{number / scale:.4f}".rstrip("0").rstrip(".")
            return f"{shown} {word}" + (f" {unit}" if unit else "")
    shown = f"{number:.4f}".rstrip("0").rstrip(".")
    if unit == "%":
        return f"{shown}%"
    return shown + (f" {unit}" if unit else "")


@dataclass(frozen=True)
class Triple:
    """One extracted fact with its provenance: evidence sentence, offsets, rule, confidence."""

    subject: Entity
    predicate: str
    object: Object
    evidence: str
    start: int  # offsets of the evidence sentence in the document's text
    end: int
    confidence: float
    rule: str
    doc_id: str
    qualifiers: tuple[tuple[str, str], ...] = ()
    hedge: str | None = None
    subject_span: tuple[int, int] | None = None  # offsets of the mentions, when known
    object_span: tuple[int, int] | None = None

    @property
    def key(self) -> tuple[Any, ...]:
        """What makes two triples the same fact (symmetric relations in a fixed order)."""
        s, o = _object_key(self.subject), _object_key(self.object)
        if self.predicate in SYMMETRIC_RELATIONS and o < s:
            s, o = o, s
        return (s, self.predicate, o)

    def to_dict(self) -> dict[str, Any]:
        """The JSON view used by `kg extract --json` and by evaluation."""
        obj = self.object
        out: dict[str, Any] = {
            "s": self.subject.label,
            "s_type": self.subject.type,
            "p": self.predicate,
            "o": obj.label,
            "o_type": obj.type,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "doc": self.doc_id,
        }
        if isinstance(obj, Value):
            out["o_value"] = obj.number if obj.number is not None else obj.date
            if obj.unit:
                out["o_unit"] = obj.unit
        if self.qualifiers:
            out["qualifiers"] = dict(self.qualifiers)
        if self.hedge:
            out["hedge"] = self.hedge
        return out


def _object_key(obj: Object) -> tuple[str, str]:
    if isinstance(obj, Entity):
        return obj.key
    return (obj.type, obj.label.casefold())


@dataclass(frozen=True)
class Merge:
    """A decision that a surface form names an existing entity, and why."""

    alias: str
    canonical: str
    type: str
    reason: str  # e.g. "surname", "spelling variant (similarity 0.92)", "acronym"


@dataclass
class Document:
    """A news article and everything extracted from it."""

    text: str
    id: str = ""
    source: str = ""  # path, URL or "-" for stdin
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: str | None = None
    body_start: int = 0  # offset of the body in `text` after any header block
    entities: list[Entity] = field(default_factory=list)
    triples: list[Triple] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.text)

    @property
    def body(self) -> str:
        """The article text without its header block."""
        return self.text[self.body_start :]
