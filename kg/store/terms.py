"""Term conversion between pyoxigraph and rdflib: the one place kg reaches into oxrdflib.

``oxrdflib._converter`` is private, but it is the converter oxrdflib itself applies to every
term it hands rdflib; using it keeps kg's terms identical to those of a Dataset over
oxrdflib (a blank node, a typed literal, an RDF-star triple) without a second copy of that
mapping. If oxrdflib moves it, only this module changes.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from oxrdflib._converter import from_ox, to_ox  # private: see the module docstring
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .namespaces import XSD

__all__ = ["TermConverter", "from_ox", "plain", "to_ox"]


class TermConverter:
    """pyoxigraph term -> rdflib term, remembering the terms it has already made."""

    def __init__(self) -> None:
        self.made: dict[Any, Node] = {}

    def __call__(self, t: Any) -> Node:
        """The rdflib term for t (made once per converter)."""
        got = self.made.get(t)
        if got is None:
            if isinstance(t, ox.NamedNode):
                got = URIRef(t.value)
            elif isinstance(t, ox.Literal):
                got = (
                    Literal(t.value, lang=t.language)
                    if t.language
                    else Literal(t.value, datatype=self(t.datatype))
                )
            elif isinstance(t, ox.BlankNode):
                got = BNode(t.value)
            else:
                got = from_ox(t)
            self.made[t] = got
        return got


def plain(term: Node) -> Node:
    """A simple literal without its xsd:string datatype, as rdflib parsers write it."""
    # Oxigraph reports simple literals as xsd:string-typed; rdflib parsers give them no
    # datatype. One spelling (none) makes quads comparable across the two.
    if isinstance(term, Literal) and term.datatype == XSD.string and term.language is None:
        return Literal(str(term))
    return term
