"""Named SPARQL queries the command line and notebooks ask of a store.

The queries live here, beside the store, so that the CLI only calls them; each function
returns rdflib's Result (its ``vars`` name the columns).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib.query import Result

if TYPE_CHECKING:
    from .store import KGStore

__all__ = ["ENTITY_LIST", "MERGE_LIST", "MINISTER_MET", "entity_list", "merge_list", "minister_met"]

# The example question `make demo` answers: whom did a minister meet?
MINISTER_MET = """
SELECT DISTINCT ?minister ?met WHERE {
  { SELECT DISTINCT ?p WHERE {
      GRAPH ?g { ?p kg:holdsPosition ?role . ?role rdfs:label ?roleLabel }
      FILTER(CONTAINS(LCASE(STR(?roleLabel)), "minister")) } }
  GRAPH ?h {
    { ?p kg:metWith ?o } UNION { ?o kg:metWith ?p }
    ?p rdfs:label ?minister . ?o rdfs:label ?met .
  }
} ORDER BY ?met
"""

# Every entity with its type and the aliases seen for it, by type and label.
ENTITY_LIST = """SELECT ?label ?type (GROUP_CONCAT(DISTINCT ?alias; separator=" | ") AS ?aliases)
  WHERE { ?e rdfs:label ?label ; a ?cls . FILTER(STRSTARTS(STR(?cls), STR(kg:)))
          BIND(STRAFTER(STR(?cls), STR(kg:)) AS ?type) OPTIONAL { ?e skos:altLabel ?alias } }
  GROUP BY ?label ?type ORDER BY ?type ?label"""

# Every merge decision (alias -> canonical label) with its reason.
MERGE_LIST = """SELECT DISTINCT ?alias ?canonical ?type ?reason WHERE {
  ?m a kg:Merge ; kg:alias ?alias ; kg:canonicalLabel ?canonical ;
     kg:entityType ?type ; kg:reason ?reason } ORDER BY ?canonical ?alias"""


def minister_met(store: KGStore) -> Result:
    """Who met whom, where one side holds a minister's position (columns minister, met)."""
    return store.query(MINISTER_MET)


def entity_list(store: KGStore) -> Result:
    """Entities with type and aliases (columns label, type, aliases)."""
    return store.query(ENTITY_LIST)


def merge_list(store: KGStore) -> Result:
    """Merge decisions (columns alias, canonical, type, reason)."""
    return store.query(MERGE_LIST)
