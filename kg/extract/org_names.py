"""Repairs of organisation names NER cuts or misses: a legal form before the name, a list of
portfolios, a bracketed country or acronym tail, a country word inside the name, the same
name typed otherwise elsewhere in the story."""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from kg.extract.lexicon import ORG_PREFIXES, ORG_SUFFIXES
from kg.extract.places import Gazetteer
from kg.extract.spans import Mention, trim
from kg.model import Kind


def names_cut_at_a_country(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """'its unit CNGR Morocco New Energy': NER starts a company's name at the country word in
    it; the name words before it that hang on the name belong to it."""
    for m in [m for m in mentions if m.type == Kind.ORGANIZATION and m.kind == "name"]:
        if m.start == 0 or not gaz.country(doc[m.start].text):
            continue
        start = m.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in range(m.start, m.end):
            start -= 1
        if start < m.start:
            mentions = [o for o in mentions if not (start <= o.start and o.end <= m.start)]
            m.start, m.text = start, doc[start : m.end].text
            m.label = m.text if m.label else m.label
    return mentions


def portfolios_listed(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'Ministry of Investments, Industry and Trade': NER ends a ministry at the comma of its
    list of portfolios and makes the rest a second organisation; the list is the ministry's."""
    starts = {m.start: m for m in mentions}
    for m in list(mentions):
        words = m.text.split()
        rest = starts.get(m.end + 1)
        if len(words) < 3 or words[0] not in ("Ministry", "Department", "Minister") or words[1] != "of" \
                or m.end >= len(doc) or doc[m.end].text != "," or rest is None or m.type != rest.type \
                or not all(t.text[:1].isupper() or t.lower_ in ("and", "&", ",") for t in doc[rest.start : rest.end]) \
                or "and" not in rest.text.split():
            continue
        m.end, m.text = rest.end, doc[m.start : rest.end].text
        if m.label:
            m.label = m.text
        mentions.remove(rest)
    return mentions


def names_after_a_legal_form(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'PT Acme Indonesia Green Power (AIG Power)': NER cuts a name after a legal form into
    pieces; the capitalised words after the form are one company, the bracketed name its alias."""
    for t in doc:
        if t.text not in ORG_PREFIXES or t.i + 1 >= len(doc) or not doc[t.i + 1].text[:1].isupper():
            continue
        end = t.i + 1
        while end < len(doc) and doc[end].text[:1].isupper() and (doc[end].is_alpha or "-" in doc[end].text):
            end += 1
        if end - t.i < 2 or any(m.start < t.i < m.end or m.start < end < m.end for m in mentions):
            continue  # a name of its own that merely holds the letters ("the PT Cruiser"), or a longer one
        name = doc[t.i : end].text
        kept = [m for m in mentions if not t.i <= m.start < end]
        kept.append(Mention(t.i, end, name, Kind.ORGANIZATION, "name", cue="legal form"))
        if end + 2 < len(doc) and doc[end].text == "(":
            close = next((j for j in range(end + 1, min(end + 8, len(doc))) if doc[j].text == ")"), None)
            inner = doc[end + 1 : close] if close else None
            if inner and all(w.text[:1].isupper() for w in inner) and (
                    {w.lower_ for w in inner} & {w.lower() for w in name.split()[1:]}):
                kept = [m for m in kept if not end < m.start < close]
                kept.append(Mention(inner.start, inner.end, inner.text, Kind.ORGANIZATION, "name", name,
                                    cue="bracketed acronym"))
        mentions = kept
    return mentions


def extend_with_acronym_tails(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> None:
    """'Samsung SDI', 'BMW AG': NER often stops before an upper-case word that ends the name."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.type != Kind.ORGANIZATION or m.kind != "name":
            continue
        end = m.end
        if end + 3 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and doc[end + 3].lower_ in ORG_SUFFIXES and (gaz.country(doc[end + 1].text) or doc[end + 1].is_title):
            # "Aion Automobile Manufacturing (Thailand) Co Ltd": a local company's country in brackets
            end += 4
            while end < len(doc) and doc[end].lower_.rstrip(".") in ORG_SUFFIXES | {"ltd", "co", "pvt", "bhd", "sdn"}:
                end += 1
        while end < len(doc) and end not in covered and doc[end].pos_ == "PROPN" and doc[end].is_upper \
                and len(doc[end]) >= 2 and doc[end].is_alpha and not gaz.country(doc[end].text):
            end += 1
        if end > m.end:
            m.end, m.text = end, doc[m.start : end].text
            if m.label:
                m.label = m.text
            covered.update(range(m.start, end))


def org_names_read_as_groups(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """'Rivian' tagged as a nationality (NORP) after 'Rivian Automotive': the company again."""
    orgs = [m.text for m in mentions if m.type == Kind.ORGANIZATION and m.kind == "name"]
    if not orgs:
        return []
    known = set(orgs) | {m.split()[0] for m in orgs if len(m.split()) > 1}
    found = []
    for ent in doc.ents:
        span = trim(ent)
        if ent.label_ == "NORP" and len(span) and not gaz.demonym(span.text) and span.text in known:
            found.append(Mention(span.start, span.end, span.text, Kind.ORGANIZATION, cue="same name elsewhere"))
    return found


def org_names_missed_elsewhere(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'Vale' recognised in 'Brazilian miner Vale' but not in 'Vale, headquartered in Rio,'.

    NER decides each occurrence on its own context; an organisation's exact name, standing
    alone (no capitalised word glued to either side), is the organisation wherever it recurs.
    """
    names = {tuple(m.text.split()) for m in mentions if m.type == Kind.ORGANIZATION and m.kind == "name"}
    if not names:
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    words = [t.text for t in doc]
    starts: dict[str, list[int]] = defaultdict(list)  # first word -> where it occurs
    for i, w in enumerate(words):
        starts[w].append(i)
    for name in names:
        k = len(name)
        for i in starts.get(name[0], ()):
            if tuple(words[i : i + k]) != name or any(j in covered for j in range(i, i + k)):
                continue
            before = doc[i - 1] if i > 0 else None
            after = doc[i + k] if i + k < len(doc) else None
            if (before is not None and before.text[:1].isupper() and before.pos_ == "PROPN") or (
                    after is not None and after.text[:1].isupper() and after.pos_ == "PROPN"):
                continue  # part of a longer name ("Vale Base Metals")
            found.append(Mention(i, i + k, doc[i : i + k].text, Kind.ORGANIZATION, cue="same name elsewhere"))
            covered.update(range(i, i + k))
    return found
