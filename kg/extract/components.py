"""kg's spaCy components, registered by name so a pipeline config can use them."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.coref import resolve
from kg.extract.mentions import find_mentions
from kg.extract.parse_repairs import relabel_amounts, repair_two_currency_amounts
from kg.extract.places import gazetteer
from kg.extract.relations import RelationFinder

for _name in ("kg_mentions", "kg_resolution", "kg_facts"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("kg_paragraphs_v1")
def make_paragraphs(nlp: Language, name: str):  # noqa: ANN201
    """Start a sentence after every line break, so evidence never spans two paragraphs."""

    def component(doc: Doc) -> Doc:
        line_start = 0
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                tok.is_sent_start = True
                line_start = tok.i
            elif tok.i - line_start <= 12 and prev.text in _DATELINE_DASHES and prev.i > 0 \
                    and doc[prev.i - 1].whitespace_ and _is_dateline(doc[line_start : prev.i]):
                # "MADRID, Dec 10 — Acme and Bolt will ...": the story starts after the dateline,
                # and the parser reads it better as a sentence of its own
                tok.is_sent_start = True
        return doc

    return component


_DATELINE_DASHES = frozenset({"—", "–", "--", "-"})


def _is_dateline(span) -> bool:  # noqa: ANN001
    """'MADRID, Dec 10', 'ULSAN, Nov. 13 (KNS)', 'RAYONG, Thailand': a place in capitals first."""
    place = []
    for t in span:
        if t.is_punct:
            break
        place.append(t)
    return bool(place) and all(t.is_upper for t in place if t.is_alpha) \
        and sum(c.isalpha() for t in place for c in t.text) >= 3


@Language.factory("kg_parse_repairs_v1")
def make_parse_repairs(nlp: Language, name: str):  # noqa: ANN201
    """Repair parses news phrasing reliably breaks (an amount with its conversion in brackets,
    'per cent' read as money)."""

    def component(doc: Doc) -> Doc:
        return relabel_amounts(repair_two_currency_amounts(doc))

    return component


@Language.factory("kg_entities_v1")
def make_entities(nlp: Language, name: str):  # noqa: ANN201
    """Repair and type named-entity mentions (Doc._.kg_mentions)."""
    gaz = gazetteer()

    def component(doc: Doc) -> Doc:
        doc._.kg_mentions = find_mentions(doc, gaz)
        return doc

    return component


@Language.factory("kg_coref_v1")
def make_coref(nlp: Language, name: str):  # noqa: ANN201
    """Cluster mentions and resolve pronouns and descriptions (Doc._.kg_resolution)."""

    def component(doc: Doc) -> Doc:
        doc._.kg_resolution = resolve(doc, doc._.kg_mentions or [])
        return doc

    return component


@Language.factory("kg_relations_v1")
def make_relations(nlp: Language, name: str):  # noqa: ANN201
    """Find relation facts with dependency rules (Doc._.kg_facts)."""
    gaz = gazetteer()

    def component(doc: Doc) -> Doc:
        doc._.kg_facts = RelationFinder(doc, doc._.kg_resolution, gaz).run()
        return doc

    return component
