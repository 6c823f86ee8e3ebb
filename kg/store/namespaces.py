"""RDF namespaces of the kg ontology and the prefixes predeclared for every query."""

from __future__ import annotations

import re

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kg/ontology#")
DEFAULT_BASE = "https://w3id.org/kg/id/"
# rdflib's SDO uses https; schema.org accepts both, we pick https consistently.
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "owl": str(OWL),
    "dcterms": str(DCTERMS),
    "wd": str(WD),
    "wdt": str(WDT),
}

# A PREFIX declaration anywhere in the text (the name may be empty: "PREFIX : <...>").
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)


def with_prefixes(sparql: str) -> str:
    """The query or update with PREFIX lines for the kg prefixes it does not declare itself.

    For engines that take no predeclared prefixes (the oxigraph server behind kg serve); a
    prefix the text declares keeps its own meaning."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(sparql)}
    lines = [f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items() if name not in declared]
    return "\n".join([*lines, sparql]) if lines else sparql


__all__ = [
    "DCTERMS",
    "DEFAULT_BASE",
    "KG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "WD",
    "WDT",
    "XSD",
    "with_prefixes",
]
