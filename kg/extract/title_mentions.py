"""Titles before names: 'Industry Minister Jane Doe' becomes a Role mention and a Person mention."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.lexicon import ORG_NAME_WORDS, PORTFOLIO_WORDS, STATE_WORDS, TITLE_ABBREVIATIONS, TITLE_WORDS
from kg.extract.roles import title_case
from kg.extract.spans import Mention
from kg.model import Kind

# Titles that only a person holds ("Chancellor X", "Prime Minister X").
PERSONAL_TITLES = frozenset("minister president chancellor premier governor mayor senator ambassador".split())
GOVERNMENT_TITLES = frozenset(
    "minister secretary premier chancellor ambassador governor mayor senator envoy commissioner gov. sen.".split()
)


def split_titles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Turn 'Industry Minister Jane Doe' into a Role mention plus a Person mention."""
    roles: list[Mention] = []
    employers: list[Mention] = []
    # "Trade Representative X", "Finance Secretary X": a portfolio NER took for a company is
    # part of the title after it
    mentions = [m for m in mentions if not (
        m.type == Kind.ORGANIZATION and m.kind == "name" and m.end < len(doc) and doc[m.end].lower_ in TITLE_WORDS
        and all(t.lower_ in PORTFOLIO_WORDS for t in doc[m.start : m.end]))]
    for m in mentions:
        if m.type == Kind.ORGANIZATION and not m.cue and m.kind == "name" and m.start > 0 \
                and doc[m.start - 1].lower_ in PERSONAL_TITLES and doc[m.start - 1].text[:1].isupper() \
                and 2 <= m.end - m.start <= 3 and all(t.pos_ == "PROPN" and t.lower_ not in ORG_NAME_WORDS
                                                      for t in doc[m.start : m.end]):
            # "German Chancellor Olaf Lenz": a state title before a two-word name names a person
            m.type, m.cue = Kind.PERSON, "title before the name"
        elif m.type == Kind.ORGANIZATION and not m.cue and m.kind == "name" and m.start > 1 \
                and doc[m.start - 1].lower_ in ("officer", "executive") and doc[m.start - 2].lower_ in (
                    "chief", "financial", "operating", "technology", "executive", "commercial") \
                and m.end - m.start == 2 and all(t.is_title and t.is_alpha and t.lower_ not in ORG_NAME_WORDS
                                                 for t in doc[m.start : m.end]):
            # "chief financial officer Rosa Quintana": a company officer's title before a
            # first and last name names a person, whatever NER said
            m.type, m.cue = Kind.PERSON, "title before the name"
        if m.type != Kind.PERSON:
            continue
        # The title words may be inside the PERSON span ("Minister Jane Doe").
        start = m.start
        while start < m.end - 1 and doc[start].lower_ in TITLE_WORDS:
            start += 1
        if start > m.start:
            m.start, m.text = start, doc[start : m.end].text
        i = m.start - 1
        office = _office_of(doc, i)
        if office is not None:
            # "Minister of Foreign Affairs and Trade Jane Doe": the office with its portfolio
            roles.append(Mention(office, i + 1, doc[office : i + 1].text, Kind.ROLE, "role"))
            m.descriptors.append(doc[office].lower_)
            continue
        if i < 0 or doc[i].lower_ not in TITLE_WORDS:
            continue
        left = i
        people = {j for p in mentions if p.type == Kind.PERSON and p is not m for j in range(p.start, p.end)}
        while left - 1 >= 0:
            tok = doc[left - 1]
            if tok.text == "," and left - 2 >= 0 and doc[left - 2].lower_ in TITLE_WORDS and any(
                    t.lower_ in ("and", "&") for t in doc[left:i]):
                left -= 1  # "founder, chairman and chief executive Jane Doe": one list of titles
                continue
            if tok.text == "-" and not tok.whitespace_ and left >= 2 and not doc[left - 2].whitespace_ \
                    and doc[left - 2].lower_ in ("non", "co", "vice"):
                left -= 2  # "non-executive director": the prefix is the title's
                continue
            if tok.is_punct or tok.is_sent_start and tok.i != left - 1:
                break
            if tok.i in people:
                break  # "Chancellor Jane Roe and state premier John Doe": another title's holder
            if doc[i].text[:1].isupper() and not doc[i].text.isupper() and tok.text[:1].islower() \
                    and tok.lower_ not in ("and", "&"):
                break  # "a deal President X": a capitalised title does not take lowercase words
                # (an acronym does: "president and CEO Jane Doe")
            if tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.lower_ in ("and", "&") or tok.lower_ in TITLE_WORDS:
                left -= 1
            else:
                break
            if tok.is_sent_start:
                break
        while left <= i and doc[left].lower_ in ("and", "of", "&"):
            left += 1
        for org in mentions:
            # NER often runs a company name into the title ("Acme Group Executive | Chair"):
            # title words at the end of a name before a title belong to the title
            if org.type == Kind.ORGANIZATION and left < org.end <= i + 1 and org.start >= left:
                while org.end - 1 > org.start and doc[org.end - 1].lower_ in TITLE_WORDS:
                    org.end -= 1
                org.text = doc[org.start : org.end].text
        if doc[i].lower_ not in GOVERNMENT_TITLES:
            # "Acme Motors chief executive Jane Doe": the company is the employer, not part
            # of the title ("Trade Minister" keeps its portfolio words).
            found = False
            for org in mentions:
                if org.type == Kind.ORGANIZATION and left <= org.start and org.end <= i:
                    longer = _employer_named_elsewhere(doc, mentions, org.start, i)
                    if longer is not None and longer.end > org.end:
                        # "Samsung SDI chief executive" where NER kept only "Samsung" here
                        org.end, org.text = longer.end, longer.text
                    left = org.end + (1 if org.end < i and doc[org.end].tag_ == "POS" else 0)
                    found = True
            employer = None if found else _employer_named_elsewhere(doc, mentions, left, i)
            if employer is not None:
                employers.append(employer)
                left = employer.end
        if left > i:
            continue
        text = doc[left : i + 1].text
        # "Gov." is the Governor
        label = title_case(text) if any(t.lower_ in TITLE_ABBREVIATIONS for t in doc[left : i + 1]) else ""
        roles.append(Mention(left, i + 1, text, Kind.ROLE, "role", label))
        m.descriptors.extend(t.lower_ for t in doc[left : i + 1] if t.pos_ != "PROPN" or t.lower_ in TITLE_WORDS)
    mentions = [m for m in mentions if not _portfolio(doc, m)]
    if not roles:
        return mentions
    kept = [
        m
        for m in mentions
        if not any(r.start <= m.start and m.end <= r.end and m.type != Kind.COUNTRY for r in roles)
    ]
    return kept + employers + roles


# Words that rank an office within its kind ("First Vice Minister", "Coordinating Minister").
_RANK_WORDS = frozenset("first second vice deputy senior coordinating acting interim chief state".split())


def _office_of(doc: Doc, i: int) -> int | None:
    """Where 'Minister of Foreign Affairs and Trade' starts when its last word is token i."""
    if i < 2 or not doc[i].text[:1].isupper() or doc[i].lower_ in TITLE_WORDS:
        return None
    j = i
    while j > max(0, i - 8) and (doc[j].text[:1].isupper() or doc[j].lower_ in ("and", "&", ",")):
        if doc[j].ent_type_ == "PERSON" or doc[j].lower_ in TITLE_WORDS:
            return None  # another titled name ends here: "Minister of Industry Anna Berg and Mayor Per Dahl"
        j -= 1
    if doc[j].lower_ not in ("of", "for") or j < 1:
        return None
    title = doc[j - 1]
    if title.lower_ not in GOVERNMENT_TITLES or not title.text[:1].isupper():
        return None
    start = j - 1
    # "First Vice Minister of ...", "Coordinating Minister for ...": the rank words belong to it
    while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ in _RANK_WORDS:
        start -= 1
    return start


def _portfolio(doc: Doc, m: Mention) -> bool:
    """'Minister of Foreign Affairs and Trade': the words after a title's 'of' are its
    portfolio, not organisations (a 'Ministry of Trade' is one)."""
    if m.type != Kind.ORGANIZATION or m.end <= m.start:
        return False
    root = doc[m.start : m.end].root
    while root.dep_ == "conj":
        root = root.head
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in GOVERNMENT_TITLES \
        and prep.head.text[:1].isupper()


def _employer_named_elsewhere(doc: Doc, mentions: list[Mention], left: int, title: int) -> Mention | None:
    """The company opening "Stellantis chief executive", when NER missed it here but named it elsewhere.

    The tagger often reads a company name before a title as an adjective; the same words
    recognised as an organisation elsewhere in the article settle what they are.
    """
    orgs = [m for m in mentions if m.type == Kind.ORGANIZATION and m.kind == "name"]
    names = {m.text for m in orgs}
    # "Rivian executive" after "Rivian Automotive": the company's short name
    short = {" ".join(m.text.split()[:k]) for m in orgs for k in range(1, len(m.text.split()))
             if not any(w.casefold() in STATE_WORDS for w in m.text.split())}
    for end in range(title, left, -1):  # longest first
        words = doc[left:end]
        if any(t.lower_ in TITLE_WORDS for t in words):
            continue
        # the tagger may read the short name as an adjective ("Hanvel chief executive")
        if words.text in names or (words.text in short and all(t.tag_ == "NNP" or t.tag_ == "JJ" and t.is_title
                                                                for t in words)):
            return Mention(left, end, words.text, Kind.ORGANIZATION, "name", cue="title:employer")
    return None


# Words of a state body's name: "Finance Ministry" does not make "Finance" a company.
