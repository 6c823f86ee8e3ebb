"""Pure conversion between kg.model dataclasses and RDF terms (no I/O).

Modelling (see also kg/ontology.ttl):

* One named graph per document, IRI ``{base}doc/{doc_id}``; the same IRI names the
  ``schema:NewsArticle`` node that describes the document, so ``prov:wasDerivedFrom``
  and ``kg:mentionedIn`` point at the graph itself.
* Entities: ``{base}{type}/{slug}`` typed ``kg:<Type>``, ``rdfs:label``, ``skos:altLabel``,
  ``kg:mentionedIn`` the document.
* Facts: asserted directly (``s kg:<relation> o``) and described by a ``kg:Assertion`` node
  ``{base}assertion/{sha1}`` carrying the provenance.
* Value objects are literals on the direct triple (decimal for amounts, gYear / gYearMonth /
  date for dates, plain strings otherwise); the assertion node keeps every field of the
  Value (``kg:valueText``, ``kg:valueKind``, ``kg:valueNumber``, ``kg:unit``,
  ``kg:valueDate``) so reading back is exact whatever the literal shape.
* Qualifiers are ``kg:qualifier`` nodes ``{assertion}/q/{i}`` with ``kg:name``,
  ``kg:value`` and ``kg:index``; nodes rather than ``kg:q_<name>`` properties because
  qualifier names are open and their order and repetitions must survive.
* Merges are ``kg:Merge`` nodes ``{base}merge/{sha1}``.

No blank nodes are produced: SPARQL endpoints cannot address them in updates.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import re
from decimal import Decimal
from typing import Any, Callable, Iterable, NamedTuple
from urllib.parse import quote, unquote

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import StoreError
from kg.identity import SAME_KEY_REASON, identity_key, key_slug
from kg.model import Document, Entity, Kind, Merge, Object, Triple, Value

from .namespaces import DEFAULT_BASE, KG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

Quad = tuple[Node, Node, Node, URIRef]

__all__ = [
    "Quad",
    "assertion_iri",
    "class_iri",
    "document_from_dataset",
    "document_entities",
    "document_from_graph",
    "document_graph_iri",
    "document_to_ox_quads",
    "document_to_quads",
    "entity_iri",
    "normalize_base",
    "predicate_iri",
    "relation_name",
    "slugify",
    "triples_from_dataset",
    "triples_from_graph",
    "type_name",
    "value_literal",
]

_XSD_DECIMAL, _XSD_DOUBLE, _XSD_INTEGER = str(XSD.decimal), str(XSD.double), str(XSD.integer)


def normalize_base(base: str) -> str:
    """Return the base IRI ending in '/' or '#', so that local parts can be appended."""
    return base if base.endswith(("/", "#")) else base + "/"


def slugify(label: str) -> str:
    """Return the IRI-safe key of a label: the slug of its identity key (kg.identity)."""
    return key_slug(identity_key(label))


def entity_iri(entity: Entity, base: str = DEFAULT_BASE) -> URIRef:
    """Return the deterministic IRI of an entity: ``{base}{type}/{slug of its identity key}``."""
    kind = quote(entity.type.casefold(), safe="")
    return URIRef(f"{normalize_base(base)}{kind}/{slugify(entity.label)}")


def document_graph_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """Return the IRI of a document's named graph (also the IRI of the article node)."""
    return URIRef(f"{normalize_base(base)}doc/{quote(doc_id, safe='')}")


def predicate_iri(relation: str) -> URIRef:
    """Return the kg property IRI of a relation name (open relations are percent-encoded)."""
    return KG[quote(relation, safe="")]


def class_iri(type_: str) -> URIRef:
    """Return the kg class IRI of an entity type name."""
    return KG[quote(type_, safe="")]


def relation_name(iri: Node) -> str:
    """Return the relation name of a kg property IRI (inverse of predicate_iri)."""
    text = str(iri)
    return unquote(text[len(str(KG)) :]) if text.startswith(str(KG)) else text


def type_name(iri: Node) -> str:
    """Return the type name of a kg class IRI (inverse of class_iri)."""
    return relation_name(iri)


def assertion_iri(doc_id: str, s: Node, p: Node, o: Node, start: int, base: str = DEFAULT_BASE) -> URIRef:
    """Return the deterministic IRI of the assertion node describing one fact in one document."""
    return URIRef(_assertion_iri(doc_id, s.n3(), p.n3(), o.n3(), start, base))


def _assertion_iri(doc_id: str, s_n3: str, p_n3: str, o_n3: str, start: int, base: str) -> str:
    key = "\x1f".join((doc_id, s_n3, p_n3, o_n3, str(start)))
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
    return f"{normalize_base(base)}assertion/{digest}"


def _merge_iri(doc_id: str, merge: Merge, base: str) -> URIRef:
    key = "\x1f".join((doc_id, merge.alias, merge.canonical, merge.type, merge.reason))
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
    return URIRef(f"{normalize_base(base)}merge/{digest}")


class _Lit(NamedTuple):
    """A literal before it becomes a term of some RDF library: lexical form and datatype IRI."""

    lexical: str
    datatype: str | None = None


# The mapping is written once over library-neutral terms (an IRI is a str, a literal a
# _Lit); _to_terms then builds rdflib or pyoxigraph terms from them. Building pyoxigraph
# terms directly, rather than rdflib terms converted afterwards, halves ingest time.
_Term = str | _Lit


def _number_literal(x: float) -> _Lit:
    # Oxigraph's xsd:decimal holds 18 fractional digits and about 1.7e20 in magnitude;
    # anything outside goes to xsd:double so the value survives unchanged.
    x = float(x)
    if math.isfinite(x) and (x == 0 or 1e-9 <= abs(x) < 1e17):
        return _Lit(format(Decimal(repr(x)), "f"), _XSD_DECIMAL)
    if math.isnan(x):
        return _Lit("NaN", _XSD_DOUBLE)
    if math.isinf(x):
        return _Lit("INF" if x > 0 else "-INF", _XSD_DOUBLE)
    return _Lit(repr(x), _XSD_DOUBLE)


def _date_literal(text: str) -> _Lit:
    # Only well-formed values get a date datatype: an ill-typed literal would be
    # rejected or silently kept as-is depending on the store.
    if re.fullmatch(r"\d{4}", text):
        return _Lit(text, str(XSD.gYear))
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        return _Lit(text, str(XSD.gYearMonth))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            _dt.date.fromisoformat(text)
        except ValueError:
            return _Lit(text)
        return _Lit(text, str(XSD.date))
    return _Lit(text)


def _value_term(value: Value) -> _Lit:
    if value.kind in ("money", "quantity", "percent") and value.number is not None:
        return _number_literal(value.number)
    if value.kind == "date" and value.date:
        return _date_literal(value.date)
    return _Lit(value.text)


def _rdflib_literal(lexical: str, datatype: str | None = None) -> Literal:
    return Literal(lexical, datatype=None if datatype is None else URIRef(datatype))


def value_literal(value: Value) -> Literal:
    """Return the literal used as the object of a directly asserted fact with a Value object."""
    return _rdflib_literal(*_value_term(value))


def _integer(n: int) -> _Lit:
    return _Lit(str(int(n)), _XSD_INTEGER)


def _object_term(obj: Object, base: str) -> _Term:
    return entity_iri(obj, base) if isinstance(obj, Entity) else _value_term(obj)


def _n3(term: _Term) -> str:
    # Assertion IRIs hash rdflib's N3 spelling of the terms; keeping it keeps them stable.
    return _rdflib_literal(*term).n3() if isinstance(term, _Lit) else f"<{term}>"


def document_to_quads(doc: Document, base: str = DEFAULT_BASE) -> list[Quad]:
    """Return every quad describing a document (rdflib terms), all in the document's named graph."""
    return _to_terms(_document_terms(doc, base), URIRef, _rdflib_literal, lambda s, p, o, g: (s, p, o, g))


def document_to_ox_quads(doc: Document, base: str = DEFAULT_BASE) -> list[ox.Quad]:
    """Return the same quads as document_to_quads, as pyoxigraph terms (what Oxigraph stores)."""
    datatypes: dict[str | None, ox.NamedNode | None] = {None: None}

    def literal(lexical: str, datatype: str | None = None) -> ox.Literal:
        if datatype not in datatypes:
            datatypes[datatype] = ox.NamedNode(datatype)
        return ox.Literal(lexical, datatype=datatypes[datatype])

    return _to_terms(_document_terms(doc, base), ox.NamedNode, literal, ox.Quad)


def _to_terms(
    quads: list[tuple[_Term, _Term, _Term, str]],
    iri: Callable[[str], Any],
    literal: Callable[..., Any],
    quad: Callable[[Any, Any, Any, Any], Any],
) -> list[Any]:
    made: dict[_Term, Any] = {}  # IRIs and small literals recur across a document's quads

    def term(x: _Term) -> Any:
        got = made.get(x)
        if got is None:
            got = made[x] = literal(*x) if isinstance(x, _Lit) else iri(x)
        return got

    return [quad(term(s), term(p), term(o), term(g)) for s, p, o, g in quads]


def _document_terms(doc: Document, base: str) -> list[tuple[_Term, _Term, _Term, str]]:
    g = str(document_graph_iri(doc.id, base))
    quads: list[tuple[_Term, _Term, _Term, str]] = []
    seen: set[tuple[_Term, _Term, _Term]] = set()

    def add(s: _Term, p: _Term, o: _Term) -> None:
        if (s, p, o) not in seen:
            seen.add((s, p, o))
            quads.append((s, p, o, g))

    add(g, RDF.type, SCHEMA.NewsArticle)
    add(g, RDF.type, PROV.Entity)
    add(g, KG.contentHash, _Lit(doc.id))
    add(g, KG.source, _Lit(doc.source))
    add(g, KG.text, _Lit(doc.text))
    add(g, KG.bodyStart, _integer(doc.body_start))
    if doc.title is not None:
        add(g, SCHEMA.headline, _Lit(doc.title))
    if doc.publisher is not None:
        add(g, SCHEMA.publisher, _Lit(doc.publisher))
    if doc.author is not None:
        add(g, SCHEMA.author, _Lit(doc.author))
    if doc.date is not None:
        add(g, SCHEMA.datePublished, _date_literal(doc.date))

    # Entities of the list first, then any only named in triples, so that every IRI an
    # assertion points at has a type and a label in this graph.
    labels: dict[str, str] = {}
    collapsed: list[Merge] = []  # spellings that became one node here, recorded as merges
    for entity in document_entities(doc):
        iri = str(entity_iri(entity, base))
        if iri not in labels:
            labels[iri] = entity.label
            add(iri, RDF.type, class_iri(entity.type))
            add(iri, RDFS.label, _Lit(entity.label))
            add(iri, KG.mentionedIn, g)
        elif entity.label != labels[iri]:
            # Two spellings with one identity key: one node, the other spelling an alias.
            add(iri, SKOS.altLabel, _Lit(entity.label))
            collapsed.append(Merge(entity.label, labels[iri], entity.type, SAME_KEY_REASON))
        for alias in entity.aliases:
            if alias != labels[iri]:
                add(iri, SKOS.altLabel, _Lit(alias))

    done: set[str] = set()
    for index, triple in enumerate(doc.triples):
        s = str(entity_iri(triple.subject, base))
        p = str(predicate_iri(triple.predicate))
        o = _object_term(triple.object, base)
        a = _assertion_iri(doc.id, _n3(s), _n3(p), _n3(o), triple.start, base)
        if a in done:
            continue  # the same fact from the same sentence twice: keep the first
        done.add(a)
        add(s, p, o)
        add(a, RDF.type, KG.Assertion)
        add(a, RDF.subject, s)
        add(a, RDF.predicate, p)
        add(a, RDF.object, o)
        add(a, KG.evidence, _Lit(triple.evidence))
        add(a, KG.start, _integer(triple.start))
        add(a, KG.end, _integer(triple.end))
        add(a, KG.confidence, _number_literal(triple.confidence))
        add(a, KG.rule, _Lit(triple.rule))
        add(a, KG["index"], _integer(index))
        add(a, PROV.wasDerivedFrom, g)
        if triple.hedge is not None:
            add(a, KG.hedge, _Lit(triple.hedge))
        if triple.subject_span is not None:
            add(a, KG.subjectStart, _integer(triple.subject_span[0]))
            add(a, KG.subjectEnd, _integer(triple.subject_span[1]))
        if triple.object_span is not None:
            add(a, KG.objectStart, _integer(triple.object_span[0]))
            add(a, KG.objectEnd, _integer(triple.object_span[1]))
        obj = triple.object
        if isinstance(obj, Value):
            add(a, KG.valueText, _Lit(obj.text))
            add(a, KG.valueKind, _Lit(obj.kind))
            if obj.number is not None:
                add(a, KG.valueNumber, _number_literal(obj.number))
            if obj.unit is not None:
                add(a, KG.unit, _Lit(obj.unit))
            if obj.date is not None:
                add(a, KG.valueDate, _Lit(obj.date))
        for q_index, (name, value) in enumerate(triple.qualifiers):
            q = f"{a}/q/{q_index}"
            add(a, KG.qualifier, q)
            add(q, RDF.type, KG.Qualifier)
            add(q, KG.name, _Lit(name))
            add(q, KG.value, _Lit(value))
            add(q, KG["index"], _integer(q_index))

    recorded = {(m.alias, m.canonical, m.type) for m in doc.merges}
    extra = [m for m in dict.fromkeys(collapsed) if (m.alias, m.canonical, m.type) not in recorded]
    for index, merge in enumerate([*doc.merges, *extra]):
        m = str(_merge_iri(doc.id, merge, base))
        if (m, RDF.type, KG.Merge) in seen:
            continue
        add(m, RDF.type, KG.Merge)
        add(m, KG.alias, _Lit(merge.alias))
        add(m, KG.canonical, str(entity_iri(Entity(merge.canonical, merge.type), base)))
        add(m, KG.canonicalLabel, _Lit(merge.canonical))
        add(m, KG.entityType, _Lit(merge.type))
        add(m, KG.reason, _Lit(merge.reason))
        add(m, KG["index"], _integer(index))
        add(m, PROV.wasDerivedFrom, g)
    return quads


def document_entities(doc: Document) -> Iterable[Entity]:
    """The document's entities, then those only named in its triples (repeats included)."""
    yield from doc.entities
    for triple in doc.triples:
        yield triple.subject
        if isinstance(triple.object, Entity):
            yield triple.object


# --- reading back ---------------------------------------------------------------------


def _str(graph: Graph, s: Node, p: Node) -> str | None:
    value = graph.value(s, p)
    return None if value is None else str(value)


def _int(graph: Graph, s: Node, p: Node) -> int | None:
    value = graph.value(s, p)
    return None if value is None else int(str(value))


def _float(graph: Graph, s: Node, p: Node) -> float | None:
    value = graph.value(s, p)
    return None if value is None else float(str(value))


def _entity_at(graph: Graph, iri: Node) -> Entity:
    type_ = next(
        (type_name(t) for t in graph.objects(iri, RDF.type) if str(t).startswith(str(KG))),
        Kind.CONCEPT,
    )
    labels = sorted(str(x) for x in graph.objects(iri, RDFS.label))
    label = labels[0] if labels else unquote(str(iri).rsplit("/", 1)[-1])
    aliases = tuple(sorted({str(x) for x in graph.objects(iri, SKOS.altLabel)} - {label}))
    return Entity(label=label, type=type_, aliases=aliases)


def _value_at(graph: Graph, a: Node) -> Value:
    return Value(
        text=_str(graph, a, KG.valueText) or "",
        kind=_str(graph, a, KG.valueKind) or "text",
        number=_float(graph, a, KG.valueNumber),
        unit=_str(graph, a, KG.unit),
        date=_str(graph, a, KG.valueDate),
    )


def _span(graph: Graph, a: Node, start: Node, end: Node) -> tuple[int, int] | None:
    lo, hi = _int(graph, a, start), _int(graph, a, end)
    return None if lo is None or hi is None else (lo, hi)


def _by_index(graph: Graph, nodes: Iterable[Node]) -> list[Node]:
    return sorted(nodes, key=lambda n: (_int(graph, n, KG["index"]) or 0, str(n)))


def triples_from_graph(graph: Graph, doc_id: str, base: str = DEFAULT_BASE) -> list[Triple]:
    """Return the Triples of one document from the triples of its named graph, in order."""
    entities: dict[Node, Entity] = {}

    def entity(iri: Node) -> Entity:
        if iri not in entities:
            entities[iri] = _entity_at(graph, iri)
        return entities[iri]

    out: list[Triple] = []
    for a in _by_index(graph, graph.subjects(RDF.type, KG.Assertion)):
        o_term = graph.value(a, RDF.object)
        obj: Object = entity(o_term) if isinstance(o_term, URIRef) else _value_at(graph, a)
        qualifiers = tuple(
            (_str(graph, q, KG.name) or "", _str(graph, q, KG.value) or "")
            for q in _by_index(graph, graph.objects(a, KG.qualifier))
        )
        out.append(
            Triple(
                subject=entity(graph.value(a, RDF.subject)),
                predicate=relation_name(graph.value(a, RDF.predicate)),
                object=obj,
                evidence=_str(graph, a, KG.evidence) or "",
                start=_int(graph, a, KG.start) or 0,
                end=_int(graph, a, KG.end) or 0,
                confidence=_float(graph, a, KG.confidence) or 0.0,
                rule=_str(graph, a, KG.rule) or "",
                doc_id=doc_id,
                qualifiers=qualifiers,
                hedge=_str(graph, a, KG.hedge),
                subject_span=_span(graph, a, KG.subjectStart, KG.subjectEnd),
                object_span=_span(graph, a, KG.objectStart, KG.objectEnd),
            )
        )
    return out


def document_from_graph(graph: Graph, doc_id: str, base: str = DEFAULT_BASE) -> Document:
    """Return the Document stored in a named graph's triples (entities sorted by type, label)."""
    d = document_graph_iri(doc_id, base)
    if (d, KG.contentHash, None) not in graph:
        raise StoreError(f"document {doc_id} is not in the store")
    entities = sorted(
        (_entity_at(graph, e) for e in set(graph.subjects(KG.mentionedIn, d))),
        key=lambda e: (e.type, e.label, e.aliases),
    )
    merges = [
        Merge(
            alias=_str(graph, m, KG.alias) or "",
            canonical=_str(graph, m, KG.canonicalLabel) or "",
            type=_str(graph, m, KG.entityType) or "",
            reason=_str(graph, m, KG.reason) or "",
        )
        for m in _by_index(graph, graph.subjects(RDF.type, KG.Merge))
    ]
    return Document(
        text=_str(graph, d, KG.text) or "",
        id=doc_id,
        source=_str(graph, d, KG.source) or "",
        title=_str(graph, d, SCHEMA.headline),
        publisher=_str(graph, d, SCHEMA.publisher),
        author=_str(graph, d, SCHEMA.author),
        date=_str(graph, d, SCHEMA.datePublished),
        body_start=_int(graph, d, KG.bodyStart) or 0,
        entities=entities,
        triples=triples_from_graph(graph, doc_id, base),
        merges=merges,
    )


def triples_from_dataset(ds: Dataset, doc_id: str, base: str = DEFAULT_BASE) -> list[Triple]:
    """Return the Triples of one document read from its named graph in a Dataset."""
    return triples_from_graph(ds.graph(document_graph_iri(doc_id, base)), doc_id, base)


def document_from_dataset(ds: Dataset, doc_id: str, base: str = DEFAULT_BASE) -> Document:
    """Return one Document read from its named graph in a Dataset."""
    return document_from_graph(ds.graph(document_graph_iri(doc_id, base)), doc_id, base)
