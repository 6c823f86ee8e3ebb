"""SPARQL text the store needs before running it: is it an update, are the bindings safe,
and the support-count queries."""

from __future__ import annotations

import re
from typing import Any, Mapping

from rdflib import BNode, Literal
from rdflib.term import Identifier

from kg.errors import QueryError
from kg.model import SYMMETRIC_RELATIONS

from .rdf import predicate_iri

__all__ = ["SUPPORT", "SUPPORT_COUNTS", "SUPPORT_HISTOGRAM", "UPDATE_KEYWORDS", "query_bindings", "is_update", "operation"]

# Prologue = BASE / PREFIX declarations and comments; the keyword after it decides
# whether the text is a query or an update. Strings cannot occur in a prologue, so a
# keyword inside a literal further on is never mistaken for the operation.
_PROLOGUE = re.compile(
    r"(?:\s+|\#[^\n]*(?:\n|$)|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*",
    re.IGNORECASE,
)
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def operation(sparql: str) -> str:
    """Return the upper-cased first keyword after the prologue ('' when there is none)."""
    text = sparql.lstrip("\ufeff")
    rest = text[_PROLOGUE.match(text).end() :]  # type: ignore[union-attr]
    word = re.match(r"[A-Za-z]+", rest)
    return word.group(0).upper() if word else ""


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL Update rather than a query."""
    return operation(sparql) in UPDATE_KEYWORDS


def _term(value: Any) -> Identifier:
    if isinstance(value, BNode):
        raise QueryError("blank nodes cannot be bound in a query")
    if isinstance(value, Identifier):
        return value
    if isinstance(value, (str, bool, int, float)):
        return Literal(value)
    raise QueryError(f"cannot bind a {type(value).__name__} in a query; use str, number or an RDF term")


def query_bindings(values: Mapping[str, Any] | None) -> dict[str, Identifier]:
    """Variable name -> RDF term for a query's bindings; QueryError for a bad name or value."""
    init: dict[str, Identifier] = {}
    for name, value in (values or {}).items():
        var = name.lstrip("?$")
        # The remote store writes names into a VALUES clause: only plain names pass.
        if not _VARIABLE.fullmatch(var):
            raise QueryError(f"invalid variable name in bindings: {name!r}")
        init[var] = _term(value)
    return init


# Documents supporting each fact: the distinct named graphs holding an assertion of it.
# A symmetric relation counts once whichever direction a document gave it.
_SYMMETRIC = ", ".join(predicate_iri(r).n3() for r in sorted(SYMMETRIC_RELATIONS))
SUPPORT_COUNTS = f"""
SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {{
  GRAPH ?g {{ ?a a kg:Assertion ; rdf:subject ?s0 ; rdf:predicate ?p ; rdf:object ?o0 }}
  BIND(?p IN ({_SYMMETRIC}) && isIRI(?o0) && STR(?o0) < STR(?s0) AS ?swap)
  BIND(IF(?swap, ?o0, ?s0) AS ?s)
  BIND(IF(?swap, ?s0, ?o0) AS ?o)
}}
GROUP BY ?s ?p ?o
"""
# Labels come from the documents stating the fact (each document graph labels every entity
# it names): a label looked up in the union of all graphs would be joined once per
# document naming the entity, which makes the query quadratic in the number of documents.
SUPPORT = f"""
SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) (SAMPLE(?sl) AS ?s_label) (SAMPLE(?ol) AS ?o_label)
       (SAMPLE(?kind) AS ?o_kind) (SAMPLE(?unit) AS ?o_unit) WHERE {{
  GRAPH ?g {{ ?a a kg:Assertion ; rdf:subject ?s0 ; rdf:predicate ?p ; rdf:object ?o0 }}
  OPTIONAL {{ GRAPH ?g {{ ?s0 rdfs:label ?sl0 }} }}
  OPTIONAL {{ GRAPH ?g {{ ?o0 rdfs:label ?ol0 }} }}
  OPTIONAL {{ GRAPH ?g {{ ?a kg:valueKind ?kind }} }}
  OPTIONAL {{ GRAPH ?g {{ ?a kg:unit ?unit }} }}
  BIND(?p IN ({_SYMMETRIC}) && isIRI(?o0) && STR(?o0) < STR(?s0) AS ?swap)
  BIND(IF(?swap, ?o0, ?s0) AS ?s)
  BIND(IF(?swap, ?s0, ?o0) AS ?o)
  BIND(IF(?swap, ?ol0, ?sl0) AS ?sl)
  BIND(IF(?swap, ?sl0, ?ol0) AS ?ol)
}}
GROUP BY ?s ?p ?o
"""
SUPPORT_HISTOGRAM = f"""
SELECT ?n (COUNT(*) AS ?facts) WHERE {{ {{ {SUPPORT_COUNTS} }} }} GROUP BY ?n
"""
