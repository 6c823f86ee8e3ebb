"""Extraction: text -> typed entities and provenance-carrying triples (spaCy + rules)."""

from __future__ import annotations

import re

from spacy.language import Language

from kg.extract.coref import Cluster, Resolution
from kg.extract.loader import available_models, default_model, load_pipeline
from kg.extract.relations import Fact
from kg.model import Document, Entity, Triple, Value

__all__ = ["Extractor", "available_models", "default_model", "load_pipeline"]

# "by Jane Doe" on a line of its own at the top of a wire story.
_BYLINE = re.compile(r"^\s*by\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*$", re.M)
# "ANKARA, Jan. 5 (Xinhua) --" : the agency in brackets after the dateline.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^\n(]{0,40}\(([A-Z][\w .&-]{1,40})\)\s*(?:--|—|–)", re.M)
# The byline line and the "CITY, Month Day (Agency) --" lead-in before the first sentence:
# parsed with it, the first sentence's subject is lost, so the parser starts after it.
_LEAD_IN = re.compile(
    r"\A\s*(?:by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}[ \t]*\n)?"
    r"(?:\s*[A-Z][A-Z .'-]+,[^\n]{0,40}?(?:--|—|–)[ \t]*)?"
)


class Extractor:
    """Runs the spaCy pipeline with kg's components and builds model triples."""

    def __init__(self, model: str | None = None, nlp: Language | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline(model)

    def extract(self, document: Document) -> Document:
        """Fill a document's entities, triples and merge decisions from its body."""
        lead = _LEAD_IN.match(document.body)
        skip = lead.end() if lead else 0
        doc = self.nlp(document.body[skip:])
        res: Resolution = doc._.kg_resolution
        facts: list[Fact] = list(doc._.kg_facts or [])
        entities = {cid: _entity(c) for cid, c in res.clusters.items()}
        offset = document.body_start + skip
        best: dict[tuple, Triple] = {}
        for f in facts:
            subject = entities[f.s]
            obj = f.o if isinstance(f.o, Value) else entities[f.o]
            sent = f.sent
            triple = Triple(
                subject=subject,
                predicate=f.p,
                object=obj,
                evidence=sent.text,
                start=offset + sent.start_char,
                end=offset + sent.end_char,
                confidence=f.confidence,
                rule=f.rule,
                doc_id=document.id,
                qualifiers=tuple(sorted(f.qualifiers.items())),
                hedge=f.hedge,
                subject_span=_char_span(doc, f.s_tok, offset),
                object_span=_char_span(doc, f.o_tok, offset),
            )
            kept = best.get(triple.key)
            if kept is None or triple.confidence > kept.confidence:
                best[triple.key] = triple
        for triple in self._byline(document, entities.values()):
            best.setdefault(triple.key, triple)
        document.triples = sorted(best.values(), key=lambda t: (t.start, t.predicate))
        used = {t.subject.key for t in document.triples} | {
            t.object.key for t in document.triples if isinstance(t.object, Entity)
        }
        document.entities = sorted(
            {e.key: e for e in entities.values() if e.key in used or e.type != "Role"}.values(),
            key=lambda e: (e.type, e.label),
        )
        document.merges = res.merges()
        return document

    def _byline(self, document: Document, entities) -> list[Triple]:  # noqa: ANN001
        """worksFor(author, agency) from a byline and an agency dateline."""
        head = document.body[:400]
        by, dl = _BYLINE.search(head), _DATELINE.search(head)
        author = by.group(1) if by else document.author
        agency = dl.group(1).strip() if dl else None
        if not author or not agency:
            return []
        lookup = {e.label.casefold(): e for e in entities}
        person = lookup.get(author.casefold(), Entity(author, "Person", (author,)))
        org = lookup.get(agency.casefold(), Entity(agency, "Organization", (agency,)))
        end = (dl.end() if dl else by.end()) if by else dl.end()
        start = by.start(1) if by else dl.start()
        return [
            Triple(person, "worksFor", org, document.body[start:end].strip(),
                   document.body_start + start, document.body_start + end, 0.9,
                   "byline:agency", document.id)
        ]


def _entity(c: Cluster) -> Entity:
    aliases = sorted({m.text for m in c.mentions if m.kind in ("name", "demonym", "facility", "role")}
                     - {c.label})
    return Entity(label=c.label, type=c.type, aliases=tuple(aliases))


def _char_span(doc, tok_span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:  # noqa: ANN001
    if tok_span is None:
        return None
    span = doc[tok_span[0] : tok_span[1]]
    return (offset + span.start_char, offset + span.end_char)
