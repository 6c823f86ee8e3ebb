"""One type per name in a story: a cue, a place or the majority decides for every mention."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from kg.extract.lexicon import FACILITY_NOUNS, ORG_NOUNS, PLACE_NOUNS
from kg.extract.places import Gazetteer, fold
from kg.extract.spans import Mention
from kg.model import Kind

# Types that come from NER alone (places typed from the gazetteer are not voted on).
NER_TYPES = frozenset({Kind.ORGANIZATION, Kind.PERSON, Kind.PLACE, Kind.PRODUCT, Kind.EVENT})


def vote_types(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Settle each name's type from what the story says of it, then one type per name."""
    mentions[:] = [m for m in mentions if m.text.upper() not in _AGREEMENT_ABBREVIATIONS]  # "the MoU" is no company
    company_nouns_inside_names(doc, mentions)
    names_that_begin_company_names(doc, mentions, gaz)
    surnames_read_as_companies(mentions)
    lone_names_acting_as_companies(doc, mentions)
    venture_partners(doc, mentions)
    states_before_government(doc, mentions, gaz)
    for m in mentions:
        if m.kind == "name" and m.type == Kind.PLACE and not m.cue and gaz.us_state(m.text) and not gaz.country(m.text) \
                and not gaz.city(m.text) and m.text not in _STATE_CITY_NAMES:
            m.type, m.label = Kind.REGION, gaz.us_state(m.text)  # "Marshall, Michigan": NER said a place
    propagate_types(mentions)


# Short forms of kinds of agreement that taggers read as company names ("The MoU was signed").
_AGREEMENT_ABBREVIATIONS = frozenset({"MOU", "MOUS", "MOA", "LOI", "FTA", "JV"})


def company_nouns_inside_names(doc: Doc, mentions: list[Mention]) -> None:
    """'Carmaker Zhenhua will face ...' read as one person: a sentence-opening company noun is
    the name's descriptor, and the name a company's."""
    for m in mentions:
        first = doc[m.start]
        if m.kind == "name" and not m.cue and m.end - m.start > 1 and m.type in (Kind.PERSON, Kind.ORGANIZATION) \
                and first.is_sent_start and first.lower_ in ORG_NOUNS and first.lower_ not in ("group", "brand"):
            m.start, m.text = m.start + 1, doc[m.start + 1 : m.end].text
            m.type, m.cue = Kind.ORGANIZATION, f"descriptor:{first.lower_}"


def names_that_begin_company_names(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> None:
    """'Rio Tinto' read as a person beside 'Rio Tinto Lithium' and 'Rio Tinto BM Subsidiary':
    a "person" whose name begins companies' names in the story is their parent company, or
    the company's short name ('Nordwind' for 'Nordwind Motors'). So is a "place" no gazetteer
    knows, named after the company it begins, unless the sentence uses it as a place ('in
    Nordwind province')."""
    named = [(m.start, fold(m.text).split()) for m in mentions if m.type == Kind.ORGANIZATION and m.kind == "name"]
    orgs = [o for _, o in named]
    people = [fold(m.text).split() for m in mentions if m.type == Kind.PERSON and m.kind == "name"]
    for m in mentions:
        if m.type not in (Kind.PERSON, Kind.PLACE) or m.kind != "name" or m.cue:
            continue
        words = fold(m.text).split()
        if m.type == Kind.PLACE and (gaz.subdivision(m.text) or gaz.us_state(m.text) or gaz.city(m.text)
                                     or m.start > 0 and doc[m.start - 1].lower_ in ("in", "near", "at", "from", "to", ",")
                                     or m.end < len(doc) and doc[m.end].lower_ in PLACE_NOUNS
                                     or not any(s < m.start and len(o) > len(words) and o[: len(words)] == words
                                                for s, o in named)):
            continue
        if not any(len(o) > len(words) and o[: len(words)] == words for o in orgs):
            continue
        # one word ("Nordwind's chief executive") only when no person of the story bears it
        if len(words) >= 2 or not any(len(p) > 1 and words[0] in p for p in people):
            m.type, m.cue = Kind.ORGANIZATION, "begins a company's name"


def surnames_read_as_companies(mentions: list[Mention]) -> None:
    """'Arce told the audience' after 'President Luis Arce': a lone word NER typed an
    organisation is the surname of the story's person, unless a company bears that word too."""
    # the first word too: "Xi" for Xi Jinping, "Rosan" for Rosan Roeslani
    surnames = {fold(m.text).split()[i] for m in mentions if m.type == Kind.PERSON and m.kind == "name"
                and len(m.text.split()) >= 2 for i in (0, -1)}
    company_words = {w for m in mentions if m.type == Kind.ORGANIZATION and m.kind == "name"
                     and len(m.text.split()) >= 2 for w in fold(m.text).split()}
    for m in mentions:
        key = fold(m.text)
        if m.type == Kind.ORGANIZATION and m.kind == "name" and not m.cue and " " not in key \
                and key in surnames and key not in company_words:
            m.type, m.cue = Kind.PERSON, "surname of a person of the story"


# What companies do and people in news do not: "Velmar will invest $300 million", "Tarsk
# produces lithium", "Korvo opened a cathode factory".
COMPANY_VERBS = frozenset("invest produce manufacture export import employ acquire supply ship".split())
_WORKS_VERBS = frozenset("build open operate run own construct".split())


def lone_names_acting_as_companies(doc: Doc, mentions: list[Mention]) -> None:
    """A one-word "person" that invests, produces or builds a works, or owns one ("Velmar's
    plant"), is a company NER did not know, unless it is a surname of a person of the story
    or a title names it."""
    people = {w for m in mentions if m.type == Kind.PERSON and m.kind == "name" and len(m.text.split()) > 1
              for w in fold(m.text).split()}
    for m in mentions:
        if m.type != Kind.PERSON or m.kind != "name" or m.cue or m.end - m.start != 1 or fold(m.text) in people:
            continue
        tok = doc[m.start]
        verb = tok.head
        acts = tok.dep_ == "nsubj" and verb.pos_ == "VERB" and (
            verb.lemma_.lower() in COMPANY_VERBS or verb.lemma_.lower() in _WORKS_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in FACILITY_NOUNS for c in verb.children))
        owns = tok.dep_ == "poss" and verb.lemma_.lower() in FACILITY_NOUNS
        if acts or owns:
            m.type, m.cue = Kind.ORGANIZATION, "acts as a company"


def states_before_government(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> None:
    """'the Tamil Nadu government', 'the Bahia state government': a state or province NER
    typed an organisation is the region whose government it names."""
    for m in mentions:
        after = doc[m.end] if m.end < len(doc) else None
        if m.kind == "name" and not m.cue and m.type == Kind.ORGANIZATION and after is not None \
                and after.lower_ in ("government", "state", "province", "administration") and gaz.subdivision(m.text):
            m.type, m.label, m.cue = Kind.REGION, gaz.subdivision(m.text), "state before its government"


_VENTURE_NOUNS = frozenset({"venture", "consortium"})
# U.S. states that share their name with a city news means more often.
_STATE_CITY_NAMES = frozenset({"New York", "Washington"})


def venture_partners(doc: Doc, mentions: list[Mention]) -> None:
    """'a joint venture of Japan's Marumo and Kessel', 'a venture between A and B': the
    partners of a venture are companies (or bodies), whatever NER made of unfamiliar names."""
    for m in mentions:
        if m.kind != "name" or m.cue or m.type not in NER_TYPES or m.type == Kind.ORGANIZATION:
            continue
        tok = doc[m.start : m.end].root
        while tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head
        prep = tok.head
        if tok.dep_ == "pobj" and prep.lower_ in ("of", "between") and prep.head.lemma_.lower() in _VENTURE_NOUNS:
            m.type, m.cue = Kind.ORGANIZATION, "partner in a venture"


def propagate_types(mentions: list[Mention]) -> None:
    """Give every mention of the same name the type a cue established for one of them."""
    # a name the story gives as a place once is that place where NER typed it a product or event
    places = {fold(m.text): m for m in mentions if m.kind == "name" and m.type in (Kind.CITY, Kind.REGION, Kind.COUNTRY)}
    for m in (m for m in mentions if m.kind == "name" and not m.cue and m.type in (Kind.PRODUCT, Kind.EVENT)):
        if fold(m.text) in places:
            m.type, m.label, m.cue = places[fold(m.text)].type, places[fold(m.text)].label, "same name as a place"
    cued: dict[str, str] = {}
    for m in mentions:
        if m.cue and m.kind == "name":
            cued.setdefault(fold(m.text), m.type)
    for m in mentions:
        if m.kind == "name" and not m.cue and fold(m.text) in cued:
            m.type = cued[fold(m.text)]
            m.cue = "same name elsewhere"
    # NER types each occurrence of a name on its own; one name in one article is one thing,
    # so disagreeing occurrences (ORG twice, FAC once) take the most frequent type.
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.kind == "name" and not m.cue and m.type in NER_TYPES:
            votes[fold(m.text)][m.type] += 1
    for m in mentions:
        counts = votes.get(fold(m.text))
        if m.kind == "name" and not m.cue and counts and len(counts) > 1 and m.type in NER_TYPES:
            top = max(counts.values())
            # on a tie an organisation wins: company names are what NER most often mistypes
            best = Kind.ORGANIZATION if counts[Kind.ORGANIZATION] == top else counts.most_common(1)[0][0]
            if counts[best] >= counts[m.type] and best != m.type:
                m.type, m.cue = best, "most frequent type of the name"
    # Majority type inside one coordinated list ("X, Y and Z" are of one kind).
    # Done by callers with the parse; see relations.list_members.
