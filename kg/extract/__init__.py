"""Extraction: text -> typed entities and provenance-carrying triples (spaCy + rules)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language

from kg.extract.calibration import MIN_RULE_PRECISION, calibrated, rule_confidences
from kg.extract.coref import Cluster, Resolution
from kg.extract.loader import available_models, default_model, load_pipeline
from kg.extract.values import parse_date
from kg.model import Document, Entity, Kind, Merge, Triple, Value

__all__ = ["Extractor", "available_models", "default_model", "load_pipeline", "split_chunks"]

# Longest stretch of text parsed as one spaCy Doc (spaCy's own limit is 1,000,000 chars,
# and parser memory grows with length).
MAX_CHUNK = 100_000

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

    def __init__(self, model: str | None = None, nlp: Language | None = None,
                 calibrated: bool = True, min_precision: float = MIN_RULE_PRECISION) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        # Rule confidences measured on the gold set; the rules' priors when switched off.
        self.confidences = rule_confidences() if calibrated else {}
        # Facts of rules whose measured precision is below this are left out (0 keeps them
        # all); a hedge lowers a fact's confidence but never drops it.
        self.min_precision = min_precision

    def extract(self, document: Document) -> Document:
        """Fill a document's entities, triples and merge decisions from its body.

        A body longer than MAX_CHUNK characters is parsed in paragraph-aligned chunks
        (spaCy's memory grows with document length); entities are merged by type and
        label across chunks, offsets stay relative to the whole document.
        """
        lead = _LEAD_IN.match(document.body)
        skip = lead.end() if lead else 0
        text = document.body[skip:]
        chunks = split_chunks(text, MAX_CHUNK)
        # batch_size=1: one chunk's Doc at a time, so memory stays that of one chunk.
        docs = [self.nlp(text)] if len(chunks) == 1 else self.nlp.pipe((c for _, c in chunks), batch_size=1)
        entities_all: dict[tuple[str, str], Entity] = {}
        best: dict[tuple, Triple] = {}
        merges: dict[tuple[str, str, str], Merge] = {}
        for (chunk_start, _), doc in zip(chunks, docs):
            res: Resolution = doc._.kg_resolution
            entities = {cid: _entity(c) for cid, c in res.clusters.items()}
            for e in entities.values():
                kept = entities_all.get(e.key)
                if kept is None:
                    entities_all[e.key] = e
                elif not set(e.aliases) <= set(kept.aliases):
                    entities_all[e.key] = replace(kept, aliases=tuple(sorted({*kept.aliases, *e.aliases})))
            self._facts(document, doc, doc._.kg_facts or [], entities,
                        document.body_start + skip + chunk_start, best)
            for m in res.merges():
                merges.setdefault((m.alias, m.canonical, m.type), m)
        if len(chunks) > 1:
            # Entities of the triples become the merged ones (aliases from every chunk).
            for key, t in best.items():
                obj = t.object
                if isinstance(obj, Entity):
                    obj = entities_all[obj.key]
                best[key] = replace(t, subject=entities_all[t.subject.key], object=obj)
        for triple in self._byline(document, entities_all.values()):
            best.setdefault(triple.key, triple)
        document.triples = sorted(best.values(), key=lambda t: (t.start, t.predicate))
        used = {t.subject.key for t in document.triples} | {
            t.object.key for t in document.triples if isinstance(t.object, Entity)
        }
        document.entities = sorted(
            {e.key: e for e in entities_all.values() if e.key in used or e.type != Kind.ROLE}.values(),
            key=lambda e: (e.type, e.label),
        )
        document.merges = list(merges.values())
        return document

    def _facts(self, document: Document, doc, facts, entities, offset: int, best: dict) -> None:  # noqa: ANN001
        """Turn one parsed chunk's facts into triples, keeping the most confident per key."""
        for f in facts:
            if self.confidences.get(f.rule, 1.0) < self.min_precision:
                continue
            subject = entities[f.s]
            obj = f.o if isinstance(f.o, Value) else entities[f.o]
            if isinstance(obj, Value) and obj.kind == "date" and obj.date is None:
                # "last year", "in April": placed by the article's date, or left out without one
                year = int(document.date[:4]) if document.date and document.date[:4].isdigit() else None
                obj = parse_date(obj.text, year) if year is not None else None
                if obj is None:
                    continue
            sent = f.sent
            triple = Triple(
                subject=subject,
                predicate=f.p,
                object=obj,
                evidence=sent.text.strip(),
                start=offset + sent.start_char + _lead(sent.text),
                end=offset + sent.start_char + len(sent.text.rstrip()),
                confidence=calibrated(f.rule, f.confidence, f.hedge is not None, self.confidences),
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

    def _byline(self, document: Document, entities) -> list[Triple]:  # noqa: ANN001
        """worksFor(author, agency) from a byline and an agency dateline."""
        head = document.body[:400]
        by, dl = _BYLINE.search(head), _DATELINE.search(head)
        author = by.group(1) if by else document.author
        agency = dl.group(1).strip() if dl else None
        if not author or not agency:
            return []
        lookup = {e.label.casefold(): e for e in entities}
        person = lookup.get(author.casefold(), Entity(author, Kind.PERSON, (author,)))
        org = lookup.get(agency.casefold(), Entity(agency, Kind.ORGANIZATION, (agency,)))
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


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _char_span(doc, tok_span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:  # noqa: ANN001
    if tok_span is None:
        return None
    span = doc[tok_span[0] : tok_span[1]]
    return (offset + span.start_char, offset + span.end_char)


def split_chunks(text: str, size: int = MAX_CHUNK) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of at most `size` chars, cut at paragraph breaks when possible.

    Prefers a blank line, then a line break, then a sentence end, then a space; a chunk
    only ends mid-word when a stretch of `size` characters has no space at all.
    """
    if len(text) <= size:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            window = text[start:end]
            floor = size // 4  # never cut a tiny chunk when a bigger one fits
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut >= floor:
                    end = start + cut + len(sep)
                    break
        out.append((start, text[start:end]))
        start = end
    return out
