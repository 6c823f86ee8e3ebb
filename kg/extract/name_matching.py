"""How two names of one entity are matched: spelling variants and surnames of full names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from spacy.tokens import Doc

from kg.extract.lexicon import BUSINESS_WORDS, ORG_SUFFIXES, TITLE_WORDS
from kg.extract.places import fold
from kg.extract.spans import Mention
from kg.model import Kind

if TYPE_CHECKING:  # coref imports this module; the cluster type is only annotated here
    from kg.extract.coref import Cluster

# Last words of a parent company's name: "Acme Holdings" is no short name of "Acme Chem".
_PARENT_WORDS = (" group", " holding", " holdings")
# Similarity (rapidfuzz ratio, 0-100) above which two names of one type are one entity.
VARIANT_THRESHOLD = 85.0


def similar(a: str, b: str) -> bool:
    """Whether two names are spellings of one name ('Fararis', 'Farasis')."""
    if min(len(a), len(b)) < 5 or a[:1] != b[:1]:
        return False
    return fuzz.ratio(a, b) >= VARIANT_THRESHOLD


def long_surname_of(m: Mention, clusters: dict[int, Cluster]) -> int | None:
    """The person whose full name ends with this two-word name ('Berg Lund' of 'Olav Berg Lund')."""
    key = fold(m.text).split()
    if len(key) != 2:
        return None
    for c in clusters.values():
        if c.type == Kind.PERSON and any(
            len(p) >= 3 and p[-2:] == key for p in (fold(n).split() for n in c.names)
        ):
            return c.id
    return None


def surname_of(m: Mention, clusters: dict[int, Cluster]) -> tuple[int, str] | None:
    """The person cluster whose surname this lone word is, exactly or as a variant."""
    key = fold(m.text)
    best: tuple[int, str] | None = None
    for c in clusters.values():
        if c.type != Kind.PERSON:
            continue
        for name in c.names:
            parts = fold(name).split()
            if len(parts) < 2:
                continue
            if key == parts[-1] or key == parts[0]:
                return c.id, "surname" if key == parts[-1] else "given name"
            if best is None and similar(key, parts[-1]):
                best = (c.id, f"surname variant (similarity {fuzz.ratio(key, parts[-1]):.0f})")
    if best is not None and m.type == Kind.PLACE:
        return best  # a misspelt surname NER took for a place
    return best


def missed_surnames(doc: Doc, clusters: dict[int, Cluster], token_cluster: dict[int, int]) -> list[Mention]:
    """Surnames of people already named that NER did not tag ('Weber later said')."""
    surnames: dict[str, int] = {}
    long_surnames: dict[str, int] = {}  # "berg lund" of "Olav Berg Lund"
    for c in clusters.values():
        if c.type == Kind.PERSON:
            for name in c.names:
                parts = name.split()
                if len(parts) >= 2:
                    surnames.setdefault(fold(parts[-1]), c.id)
                if len(parts) >= 3:
                    long_surnames.setdefault(fold(" ".join(parts[-2:])), c.id)
    found = []
    skip_to = -1
    for tok in doc:
        if tok.i <= skip_to or tok.i in token_cluster or tok.pos_ != "PROPN":
            continue
        end = tok.i + 1
        cid = None
        if long_surnames and end < len(doc) and doc[end].pos_ == "PROPN" and end not in token_cluster:
            cid = long_surnames.get(fold(tok.text + " " + doc[end].text))
            if cid is not None:
                end += 1
        if cid is None:
            cid = surnames.get(fold(tok.text))
        if cid is None:
            continue
        m = Mention(tok.i, end, doc[tok.i : end].text, Kind.PERSON, "name", cluster=cid)
        clusters[cid].mentions.append(m)
        clusters[cid].reasons.setdefault(m.text, "surname")
        for i in range(tok.i, end):
            token_cluster[i] = cid
        skip_to = end - 1
        found.append(m)
    return found


def short_name_of(m: Mention, key: str, clusters: dict[int, Cluster]) -> int | None:
    """The one company whose longer name starts with this one-word name ('Sunwoda' after
    'Sunwoda Electronic'); `key` is the name without its company form."""
    if len(key) < 4 or fold(m.text).endswith(_PARENT_WORDS) or len(key.split()) > 3:
        return None
    words = key.split()
    if len(words) == 1:
        fits = {c.id for c in clusters.values() if c.type == Kind.ORGANIZATION
                and any(len(n.split()) > 1 and fold(n).split()[0] == key for n in c.names)}
    else:
        # "Southern Cross" after "Southern Cross Lithium": the name less its business word; not
        # "Acme Motor" after "Acme Motor Group" (a group and its carmaker are two companies) nor
        # "Air Lift" after "Air Lift Qudra" (a venture named after its parent)
        fits = {c.id for c in clusters.values() if c.type == Kind.ORGANIZATION
                and any(fold(n).split()[:-1] == words and fold(n).split()[-1] in BUSINESS_WORDS for n in c.names)}
    return fits.pop() if len(fits) == 1 else None


# Legal forms as the last word of a name, without their full stop ("Co.", "Ltd").
_LEGAL_FORMS = frozenset(w.rstrip(".") for w in ORG_SUFFIXES)
# First words of company names that are ordinary words too ("General Motors", "National Grid").
_COMMON_FIRST_WORDS = frozenset("""general national united new first great royal state central
    southern northern eastern western international global american european asian""".split())


def missed_company_names(doc: Doc, clusters: dict[int, Cluster], token_cluster: dict[int, int]) -> list[Mention]:
    """Company names NER did not tag where the story uses them again ('Orvane's chief
    operating officer' after 'Orvane Motors'): a one-word name of the story's company, or
    the first word of a name that ends in its business or legal form."""
    short: dict[str, set[int]] = {}
    for c in clusters.values():
        if c.type != Kind.ORGANIZATION:
            continue
        for name in c.names:
            parts = fold(name).split()
            while len(parts) > 2 and parts[-1].rstrip(".") in _LEGAL_FORMS:
                parts.pop()  # "Hanaro Motor Co" is named as "Hanaro Motor" would be
            if len(parts) == 1 and len(parts[0]) >= 3 and name[:1].isupper():
                short.setdefault(parts[0], set()).add(c.id)
            elif len(parts) == 2 and (parts[1] in BUSINESS_WORDS or parts[1] in ORG_SUFFIXES) and len(parts[0]) >= 4 \
                    and parts[0] not in _COMMON_FIRST_WORDS and parts[0] not in TITLE_WORDS:
                short.setdefault(parts[0], set()).add(c.id)
    found = []
    for tok in doc:
        ids = short.get(fold(tok.text)) if tok.pos_ == "PROPN" and tok.i not in token_cluster else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if not ids or len(ids) != 1 or tok.ent_type_ or nxt is not None and (
                nxt.pos_ == "PROPN" or nxt.text[:1].isupper() or any(ch.isdigit() for ch in nxt.text)):
            continue  # "Orvane Energy" may be another company, "Orvane X5" a model
        cid = next(iter(ids))
        m = Mention(tok.i, tok.i + 1, tok.text, Kind.ORGANIZATION, "name", cluster=cid)
        clusters[cid].mentions.append(m)
        clusters[cid].reasons.setdefault(m.text, "short name")
        token_cluster[tok.i] = cid
        found.append(m)
    return found
