"""Mentions and the span repairs every mention goes through (determiners, possessives, brackets)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.extract.lexicon import DETERMINERS


@dataclass
class Mention:
    """A stretch of tokens that names or refers to an entity."""

    start: int  # token indices, end exclusive
    end: int
    text: str
    type: str  # kg entity type
    kind: str = "name"  # name | demonym | pronoun | description | role | facility
    label: str = ""  # canonical label suggested by place data, else the text
    cue: str | None = None  # what repaired the type, e.g. "descriptor:conglomerate"
    cluster: int = -1  # entity id, set by coreference
    descriptors: list[str] = field(default_factory=list)  # nouns describing it

    def span(self, doc: Doc) -> Span:
        """The mention's tokens as a spaCy span."""
        return doc[self.start : self.end]


# Participles a name is joined to by a hyphen ("Geely-owned Volvo", "Acme-backed Bolt").
_OWNED_WORDS = frozenset("owned backed controlled led based headquartered funded made built".split())


def trim(span: Span) -> Span:
    """Strip leading determiners, describing nouns and punctuation, trailing possessives and
    an unclosed bracket.

    "Institute for Trade (ITR" keeps only "Institute for Trade": the acronym in an
    unclosed bracket is an alias, found by `bracket_acronym`.
    """
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct or (
            # "carmaker Seres Motors": a describing noun NER took into the name
            doc[start].text.isalpha() and doc[start].text.islower() and doc[start].pos_ in ("NOUN", "ADJ")
            and start + 1 < end and doc[start + 1].text[:1].isupper())):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if end - start >= 3 and doc[end - 2].text == "-" and doc[end - 1].lower_ in _OWNED_WORDS:
        end -= 2  # "Geely-owned": the owner's name, without the participle NER took in
    opens = [t.i for t in doc[start:end] if t.text == "("]
    closes = [t.i for t in doc[start:end] if t.text == ")"]
    if len(opens) > len(closes) and opens[-1] > start:
        end = opens[-1]
        while end > start and doc[end - 1].is_punct:
            end -= 1
    return doc[start:end]


def bracket_acronym(doc: Doc, span: Span) -> Span | None:
    """The acronym in brackets right after a name: 'Institute for Trade (ITR)'."""
    i = span.end
    if i + 2 < len(doc) + 1 and i < len(doc) and doc[i].text == "(":
        j = i + 1
        if j + 1 < len(doc) and doc[j + 1].text == ")" and doc[j].text.isupper() and len(doc[j].text) >= 2:
            return doc[j : j + 1]
    return None
