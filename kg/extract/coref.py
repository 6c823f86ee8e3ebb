"""Coreference and entity resolution within one document.

Name mentions are grouped into clusters (same name, surname of a full name, spelling
variant, organisation suffix, acronym); pronouns and definite descriptions ("the
minister", "this expert", "the company") then point to the most recent fitting cluster
(kg/extract/references.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Doc

from kg.extract.lexicon import (
    BUSINESS_WORDS,
    ORG_SUFFIXES,
)
from kg.extract.name_matching import (
    long_surname_of,
    missed_company_names,
    missed_surnames,
    short_name_of,
    similar,
    surname_of,
)
from kg.extract.places import fold
from kg.extract.references import resolve_references
from kg.extract.spans import Mention
from kg.model import Kind, Merge

PLACE_TYPES = (Kind.COUNTRY, Kind.CITY, Kind.REGION, Kind.PLACE)


@dataclass
class Cluster:
    """One entity of the document with all its mentions."""

    id: int
    type: str
    mentions: list[Mention] = field(default_factory=list)
    label: str = ""
    reasons: dict[str, str] = field(default_factory=dict)  # alias -> why it was merged

    @property
    def names(self) -> list[str]:
        """Surface forms of the name mentions (no pronouns or descriptions)."""
        return [m.text for m in self.mentions if m.kind in ("name", "facility")]

    @property
    def descriptors(self) -> set[str]:
        """Nouns used to describe the entity (titles, appositions, list heads)."""
        out: set[str] = set()
        for m in self.mentions:
            out.update(m.descriptors)
        return out


@dataclass
class Resolution:
    """The outcome of coreference: clusters and the token -> cluster map."""

    clusters: dict[int, Cluster]
    token_cluster: dict[int, int]
    mentions: list[Mention]

    def cluster_at(self, i: int) -> Cluster | None:
        """The cluster a token belongs to, if any."""
        cid = self.token_cluster.get(i)
        return self.clusters.get(cid) if cid is not None else None

    def merges(self) -> list[Merge]:
        """Merge decisions: every alias that differs from its cluster's label, and why."""
        out = []
        for c in self.clusters.values():
            for alias, reason in c.reasons.items():
                if alias != c.label:
                    out.append(Merge(alias=alias, canonical=c.label, type=c.type,
                                     reason=_merge_reason(alias, reason, c)))
        return out


def _merge_reason(alias: str, reason: str, c: Cluster) -> str:
    """Why `alias` names the cluster, relative to its canonical label.

    Reasons recorded while clustering compare a mention with the one it joined; when the
    alias is the cluster's first mention (or repeats it) but the label came from another
    mention or from place data, say how the alias relates to that label instead.
    """
    if reason not in ("first mention", "same name"):
        return reason
    label = c.label
    if alias.casefold() == label.casefold():
        return "case variant"
    a, b = fold(alias), fold(label)
    if a == b:
        return "diacritic variant"
    for m in c.mentions:
        if m.label == label and (m.kind == "demonym" or m.type in PLACE_TYPES and m.kind == "name"):
            return "place data"
        if m.kind == "facility" and m.label == label:
            return "facility named with its place"
    if c.type == Kind.ORGANIZATION:
        if _strip_suffix(a) == _strip_suffix(b):
            return "organisation suffix"
        if alias.isupper() and _acronym(label) == alias:
            return "acronym"
    if c.type == Kind.ROLE and a.endswith(" " + b):
        return "title without its country"
    if c.type == Kind.PERSON and set(a.split()) < set(b.split()):
        return "part of full name"
    if similar(a, b):
        return f"spelling variant (similarity {fuzz.ratio(a, b):.0f})"
    return "most used name of the entity" if reason == "first mention" else reason


def _strip_suffix(key: str) -> str:
    words = key.replace(",", " ").split()
    # "Acme Motor Group" is the parent of "Acme Motor Company", not another name for it
    while len(words) > 1 and words[-1] in ORG_SUFFIXES and words[-1] != "group":
        words.pop()
    return " ".join(words)


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def resolve(doc: Doc, mentions: list[Mention]) -> Resolution:
    """Cluster the mentions, resolve pronouns and descriptions, map tokens to clusters."""
    clusters: dict[int, Cluster] = {}
    by_key: dict[tuple[str, str], int] = {}

    def new_cluster(m: Mention, reason: str) -> None:
        cid = len(clusters)
        clusters[cid] = Cluster(cid, m.type, [m])
        clusters[cid].reasons[m.text] = reason
        m.cluster = cid
        by_key[(m.type, _key(m))] = cid

    def join(m: Mention, cid: int, reason: str) -> None:
        m.cluster = cid
        m.type = clusters[cid].type
        clusters[cid].mentions.append(m)
        clusters[cid].reasons.setdefault(m.text, reason)
        by_key.setdefault((m.type, _key(m)), cid)

    names = sorted(
        (m for m in mentions if m.kind in ("name", "demonym", "role", "facility")),
        key=lambda m: m.start,
    )
    # Pass 1: full names and everything that is not a lone capitalised word.
    pending: list[Mention] = []
    for m in names:
        key = (m.type, _key(m))
        if key in by_key:
            reason = "demonym" if m.kind == "demonym" else "same name"
            if m.cue == "bracketed acronym":
                reason = "bracketed acronym"
            join(m, by_key[key], reason)
        elif m.type in (Kind.PERSON, Kind.PLACE) and len(m.text.split()) == 1:
            pending.append(m)
        elif m.type == Kind.PERSON and (cid := long_surname_of(m, clusters)) is not None:
            join(m, cid, "surname")
        else:
            match = _variant_of(m, clusters)
            if match is not None:
                join(m, match[0], match[1])
            else:
                new_cluster(m, "first mention" if m.kind != "demonym" else "demonym")
    # Pass 2: lone words are surnames or spelling variants of someone already named.
    for m in pending:
        match = surname_of(m, clusters)
        if match is not None:
            join(m, match[0], match[1])
        elif (m.type, _key(m)) in by_key:
            join(m, by_key[(m.type, _key(m))], "same name")
        else:
            new_cluster(m, "first mention")
    for c in clusters.values():
        c.label = _canonical(c)

    token_cluster: dict[int, int] = {}
    for m in names:
        for i in range(m.start, m.end):
            token_cluster.setdefault(i, m.cluster)
    names.extend(missed_surnames(doc, clusters, token_cluster))
    names.extend(missed_company_names(doc, clusters, token_cluster))
    extra = resolve_references(doc, clusters, token_cluster)
    return Resolution(clusters, token_cluster, names + extra)


def _key(m: Mention) -> str:
    key = fold(m.label or m.text)
    if m.type == Kind.ORGANIZATION:
        key = _strip_suffix(key)
    return key


def _variant_of(m: Mention, clusters: dict[int, Cluster]) -> tuple[int, str] | None:
    """An existing cluster this multi-word or non-person name is a variant of."""
    key = _key(m)
    for c in clusters.values():
        if c.type != m.type or m.type in (Kind.COUNTRY, Kind.CITY, Kind.REGION, Kind.ROLE):
            continue
        for name in c.names:
            other = fold(name)
            if m.type == Kind.ORGANIZATION:
                other = _strip_suffix(other)
                if other == key:
                    return c.id, "organisation suffix"
                if m.text.isupper() and len(m.text) >= 2 and _acronym(name) == m.text:
                    return c.id, "acronym"
                if name.isupper() and len(name) >= 2 and _acronym(m.text) == name:
                    return c.id, "acronym"
            if similar(key, other):
                return c.id, f"spelling variant (similarity {fuzz.ratio(key, other):.0f})"
    if m.type == Kind.ORGANIZATION and (cid := short_name_of(m, key, clusters)) is not None:
        return cid, "short name"
    return None


def _canonical(c: Cluster) -> str:
    """The cluster's label: place data first, then the fullest or most used name."""
    for m in c.mentions:
        if m.kind == "demonym" or (m.type in (Kind.COUNTRY, Kind.CITY, Kind.REGION) and m.label):
            return m.label
    names = [m for m in c.mentions if m.kind in ("name", "facility", "role")]
    if not names:
        return c.mentions[0].label or c.mentions[0].text
    if c.type == Kind.PERSON:
        return max(names, key=lambda m: (len(m.text.split()), -m.start)).text
    if names[0].kind == "facility":
        return names[0].label or names[0].text
    counts: dict[str, int] = {}
    for m in names:
        counts[m.text] = counts.get(m.text, 0) + 1
    # Most used spelling; a tie goes to a mention whose type a describing noun confirmed.
    best = max(
        names,
        key=lambda m: (counts[m.text], m.cue is not None and "descriptor" in m.cue, -m.start),
    )
    # a short form used more often does not replace the full name it is short for ("Redwood"
    # for "Redwood Materials"): stories name a company in full first, then shorten it
    fuller = [m for m in names if m.text != best.text and m.text.startswith(best.text + " ") and (
        " " not in best.text or m.text[len(best.text) + 1:].lower() in BUSINESS_WORDS)]  # "Blue Ridge Motors"
    if fuller:
        best = min(fuller, key=lambda m: m.start)
    return best.label or best.text
