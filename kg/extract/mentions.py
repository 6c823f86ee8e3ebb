"""Entity mentions: spaCy's named entities, repaired and typed with general cues.

Repairs: drop leading determiners and trailing possessives; drop junk ORGs ("EV");
type by place data (country, city, region) and demonyms; override PERSON/GPE with an
organisation type when an organisation noun describes the name ("conglomerate X",
"X, an automaker", "companies including X, Y"); split a title off a person's name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import (
    COMPANY_TITLES,
    FACILITY_NOUNS,
    JUNK_NAMES,
    MODEL_NOUNS,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    ORG_POSSESSIONS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PLACE_OF_NOUNS,
    PORTFOLIO_WORDS,
    TITLE_WORDS,
)
from kg.extract.org_names import (
    extend_with_acronym_tails,
    names_after_a_legal_form,
    names_cut_at_a_country,
    org_names_missed_elsewhere,
    org_names_read_as_groups,
    portfolios_listed,
)
from kg.extract.places import Gazetteer, fold
from kg.extract.spans import Mention, bracket_acronym, trim
from kg.extract.title_mentions import split_titles
from kg.extract.type_votes import vote_types
from kg.model import Kind

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT"}
VALUE_LABELS = {"MONEY", "DATE", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


def _person_names_whole(doc: Doc) -> list[Span]:
    """NER spans, with person names NER cuts put back together: a hyphenated given name
    ('Cheong | In-kyo', 'Lee Sang | -deok') and a name split in two ('Yoon Suk | Yeol')."""
    out: list[Span] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and out and out[-1].label_ == "PERSON" and out[-1].end == ent.start:
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
            continue
        if ent.label_ == "PERSON":
            end = ent.end
            if end < len(doc) and doc[end - 1].text == "-" and not doc[end - 1].whitespace_ and doc[end].is_alpha \
                    and doc[end].text.islower():
                end += 1  # "Lee Jae- | won": NER kept the hyphen and dropped the syllable after it
            while end + 1 < len(doc):
                a, b = doc[end], doc[end + 1]
                if a.text == "-" and not doc[end - 1].whitespace_ and not a.whitespace_ and b.is_alpha \
                        and b.text.islower():
                    end += 2  # "Sang" + "-deok"
                elif end + 2 < len(doc) and a.is_title and a.is_alpha and doc[end - 1].whitespace_ \
                        and b.text == "-" and not a.whitespace_ and not b.whitespace_ and doc[end + 2].is_alpha \
                        and doc[end + 2].text.islower():
                    end += 3  # "Cheong" + "In-kyo"
                else:
                    break
            if end != ent.end:
                ent = Span(doc, ent.start, end, label="PERSON")
        out.append(ent)
    return out


# Words that end a portfolio ("Foreign Affairs", "Natural Resources").
_PORTFOLIO_TAILS = frozenset("affairs resources security relations cooperation communications".split())
# Words for "and" inside company names in other languages ("Química y Minera", "Saint-Gobain et Cie").
NAME_CONNECTORS = frozenset({"y", "e", "et", "und"})


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Typed name mentions of a parsed document, repaired with general cues."""
    mentions: list[Mention] = []
    covered = -1  # end of a name stretched over the next one ("Park of | Debrecen")
    for ent in _person_names_whole(doc):
        if ent.label_ not in NAME_LABELS or ent.start < covered:
            continue
        span = trim(ent)
        if ent.label_ in ("ORG", "EVENT", "FAC") and span.start >= 2 and doc[span.start - 1].text == "-" \
                and not doc[span.start - 2].whitespace_ and not doc[span.start - 1].whitespace_ \
                and doc[span.start - 2].text[:1].isupper():
            span = doc[span.start - 2 : span.end]  # "Uzbek-Korean Business Forum": NER starts after the hyphen
        if len(span) > 1 and span[-1].lower_ in ("of", "de", "del", "for") and span.end < len(doc) \
                and doc[span.end].pos_ == "PROPN":
            # NER stops before the name an "of" leads to: "the Southern Industrial Park of | Debrecen"
            end = span.end
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
            span, covered = doc[span.start : end], end
        if len(span) == 0 or fold(span.text) in JUNK_NAMES:
            continue
        label = ent.label_
        if len(span) > 1 and span[0].text in NAME_CONNECTORS and mentions and mentions[-1].end == span.start \
                and mentions[-1].kind == "name":
            # "Sociedad Química y Minera de Chile": NER splits a Spanish, Portuguese, French or
            # German company name at its "and"; the two halves are one company
            span, label = doc[mentions.pop().start : span.end], "ORG"
        if _dateline(doc, span):
            # "PERTH — ...", "JORF LASFAR (El Jadida province), June 25 —": where the story was
            # filed is a place, whatever NER called it
            name = span.text.title()
            city = gaz.city(name)
            mentions.append(Mention(span.start, span.end, span.text, Kind.CITY if city else Kind.PLACE, "name",
                                    city or name, cue="dateline"))
            continue
        if label == "GPE" and any(t.text == "," for t in span[1:-1]) or label == "ORG" and any(
                t.text == "," and doc[t.i + 1].dep_ == "conj" for t in span[1:-1]) and not any(
                t.is_lower for t in span):  # not "Ministry of Development, Industry and Trade"
            # "Windsor, Ontario" is two places, the second holding the first; "Jeep, Ram" two makes
            comma = next(t.i for t in span[1:-1] if t.text == ",")
            for part in (doc[span.start : comma], doc[comma + 1 : span.end]):
                mention = _typed(part, label, gaz) if len(part) else None
                if mention is not None:
                    mentions.append(mention)
            continue
        if _is_office(span):
            # "Minister of Trade and Industry": NER calls it an ORG; it is a position. NER may run
            # the holder's name into it ("Minister of Trade and Industry Jan Vestre")
            end = span.start + 2
            while end < span.end and (doc[end].lower_ in PORTFOLIO_WORDS | _PORTFOLIO_TAILS or doc[end].text in (
                    "and", ",", "&") and end + 1 < span.end and doc[end + 1].lower_ in PORTFOLIO_WORDS | _PORTFOLIO_TAILS):
                end += 1
            if end > span.start + 2 and span.end - end >= 2 and all(t.is_title and t.is_alpha for t in doc[end : span.end]):
                mentions.append(Mention(span.start, end, doc[span.start : end].text, Kind.ROLE, "role"))
                mentions.append(Mention(end, span.end, doc[end : span.end].text, Kind.PERSON, "name",
                                        cue="title before the name"))
                continue
            mentions.append(Mention(span.start, span.end, span.text, Kind.ROLE, "role"))
            continue
        mention = _typed(span, label, gaz)
        if mention is not None and mention.type == Kind.ORGANIZATION and len(span) == 1 and gaz.city(span.text) \
                and span.root.dep_ == "compound" and span.root.head.lemma_.lower() in FACILITY_NOUNS and not any(
                e.label_ == "ORG" and e.start != span.start and e.text.split()[0] == span.text for e in doc.ents):
            # "Acme's Ulsan plant": a town NER took for a company names where the plant is
            mention = Mention(span.start, span.end, span.text, Kind.CITY, "name", gaz.city(span.text), cue="town of a works")
        after = doc[span.end : span.end + 2]
        if mention is not None and mention.type in (Kind.ORGANIZATION, Kind.PERSON) and len(after) == 2 \
                and after[0].text == "-" and after[1].lower_ in ("based", "headquartered", "listed"):
            # "the Ningde-based group", "the Santiago-listed miner": what a company is based or
            # listed in is a place
            city = gaz.city(span.text)
            mention = Mention(span.start, span.end, span.text, Kind.CITY if city else Kind.PLACE, "name",
                              city or span.text, cue="x-based")
        prev = doc[span.start - 1] if span.start else None
        if mention is not None and mention.type in (Kind.PERSON, Kind.CITY, Kind.REGION, Kind.PLACE) and prev is not None \
                and prev.tag_ == "NN" and prev.lower_ in ORG_NOUNS:
            # "nuclear fuel group Orano", "investment fund Al Mada": a company noun names its kind
            mention = Mention(span.start, span.end, span.text, Kind.ORGANIZATION, "name",
                              cue=f"descriptor:{prev.lower_}")
        if mention is not None:
            mentions.append(mention)
            acronym = bracket_acronym(doc, span) if mention.type == Kind.ORGANIZATION else None
            if acronym is not None:
                mentions.append(Mention(acronym.start, acronym.end, acronym.text, Kind.ORGANIZATION,
                                        "name", mention.text, cue="bracketed acronym"))
    # "JORF LASFAR, June 25 --" and later "its complex at Jorf Lasfar": the place the story was
    # filed from (NER may miss the capitals), whatever NER calls it further on
    end = 0
    while end < min(len(doc), 5) and doc[end].is_alpha and doc[end].is_upper:
        end += 1
    if end and not any(m.start < end for m in mentions) and _dateline(doc, doc[0:end]):
        name = doc[0:end].text.title()
        city = gaz.city(name)
        mentions.append(Mention(0, end, doc[0:end].text, Kind.CITY if city else Kind.PLACE, "name", city or name,
                                cue="dateline"))
    filed = {fold(m.text): m for m in mentions if m.cue == "dateline"}
    for m in mentions:
        d = filed.get(fold(m.text))
        if d is not None and m is not d and m.kind == "name" and m.type in (Kind.ORGANIZATION, Kind.PERSON):
            m.type, m.label, m.cue = d.type, d.label, "dateline place"
    mentions = names_after_a_legal_form(doc, mentions)
    mentions = portfolios_listed(doc, mentions)
    extend_with_acronym_tails(doc, mentions, gaz)
    mentions = names_cut_at_a_country(doc, mentions, gaz)
    mentions.extend(org_names_read_as_groups(doc, mentions, gaz))
    mentions.extend(_unlabelled_names(doc, mentions, gaz))
    mentions = split_titles(doc, mentions)
    for m in mentions:
        if m.kind == "role":
            words = doc[m.start : m.end]
            # "Turkish Trade Minister": the demonym is the person's country, not the role.
            if len(words) > 1 and (gaz.demonym(words[0].text) or gaz.country(words[0].text)):
                m.label = words[1:].text
            else:
                m.label = m.label or m.text  # "Gov." is labelled "Governor" already
            if m.label[:1].islower():
                m.label = m.label[:1].upper() + m.label[1:]
    for m in mentions:
        _apply_cues(doc, m)
    vote_types(doc, mentions, gaz)
    _us_states_among_countries(mentions, gaz)
    _provinces_in_their_country(mentions, gaz)
    mentions.extend(org_names_missed_elsewhere(doc, mentions))  # once types are settled
    for m in mentions:
        # "the e VITARA", "the i SERIES": NER leaves out a one-letter lowercase prefix of a name
        prev = doc[m.start - 1] if m.start > 0 else None
        if m.kind == "name" and prev is not None and len(prev.text) == 1 and prev.is_lower and prev.is_alpha \
                and prev.lower_ not in ("a", "i", "o") and prev.pos_ not in ("DET", "PRON", "ADP", "CCONJ") \
                and prev.whitespace_ and (m.type == Kind.PRODUCT or prev.head.i in range(m.start, m.end)):
            m.start, m.text = prev.i, doc[prev.i : m.end].text
    return mentions


def _dateline(doc: Doc, span: Span) -> bool:
    """Whether a name is a story's dateline: capitals at the start of a line, then a dash, a
    comma or a bracket ("PERTH —", "SAO PAULO, May 2")."""
    text = span.text
    if not (text.isupper() and sum(c.isalpha() for c in text) >= 3):
        return False
    if any(t.text in (".", "!", "?") for t in doc[max(0, span.start - 300) : span.start]) or span.start > 300:
        return False  # it opens the story: "LGES, which runs plants in six countries — ..." later on is none
    at_line_start = span.start == 0 or doc[span.start - 1].is_space or "\n" in doc[span.start - 1].whitespace_ \
        or doc[span.start - 1].text.endswith("\n")
    if not at_line_start or span.end >= len(doc):
        return False
    # the dash ends the dateline: "PERTH —", "SAO PAULO, May 2 —", "JORF LASFAR (El Jadida), June 25 —";
    # "BYD, the carmaker, said" has none
    ahead = doc[span.end : span.end + 10]
    return doc[span.end].text == ":" or doc[span.end].text in ("—", "–", "--", ",", "(") and any(
        t.text in ("—", "–", "--") for t in ahead) and not any("\n" in t.text for t in ahead)  # or "CHENNAI:"


def _provinces_in_their_country(mentions: list[Mention], gaz: Gazetteer) -> None:
    """'Ontario' is a Canadian province and a Californian town: in an article that names
    Canada, or after a town ('Windsor, Ontario'), it is the province (not a U.S. state: an
    American story's "New York" is the city)."""
    named = {m.label for m in mentions if m.type == Kind.COUNTRY}
    towns_before = {m.end + 1 for m in mentions if m.type == Kind.CITY}
    for m in mentions:
        if m.type == Kind.CITY and m.kind == "name" and (gaz.subdivision_country(m.text) in named or (
                m.start in towns_before and gaz.subdivision(m.text))) \
                and gaz.capital_of(m.text) is None and gaz.us_state(m.text) is None:
            m.type, m.label = Kind.REGION, gaz.subdivision(m.text) or m.label


def _us_states_among_countries(mentions: list[Mention], gaz: Gazetteer) -> None:
    """'Georgia' is a country and a U.S. state: in an article set in the United States it is the state.

    The United States counts as the setting when the article names it or another state.
    """
    ambiguous = [m for m in mentions if m.type == Kind.COUNTRY and m.kind == "name" and gaz.us_state(m.text)]
    if not ambiguous:
        return
    american = any(
        (m.type == Kind.COUNTRY and m.label == gaz.country("United States"))
        or (m.type != Kind.COUNTRY and gaz.us_state(m.text) and not gaz.country(m.text))
        for m in mentions
    )
    if american:
        for m in ambiguous:
            m.type, m.label, m.cue = Kind.REGION, gaz.us_state(m.text) or m.text, "U.S. state in a U.S. setting"


def _is_office(span: Span) -> bool:
    """'Minister of Industry', 'Secretary of State': a title word, then 'of' and a field."""
    return (len(span) >= 3 and span[0].lower_ in TITLE_WORDS and span[1].lower_ == "of"
            and span[0].text[:1].isupper())


def _unlabelled_names(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Capitalised runs NER missed, typed by a clear neighbour.

    A run of proper nouns in apposition to a title ("Minister of Industry, Jane Doe,")
    is a person; one coordinated in a list with organisations ("X, Y and Z" where X is an
    organisation), or right after a company noun ("battery maker X"), is an organisation.
    """
    covered = {i for m in mentions for i in range(m.start, m.end)}
    kinds = {i: m for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    i = 0
    n = len(doc)
    def name_like(t: Token) -> bool:  # a proper noun, or a model code the tagger calls a noun ("X7")
        return t.pos_ == "PROPN" or t.text[:1].isupper() and any(ch.isdigit() for ch in t.text)

    while i < n:
        if not name_like(doc[i]) or i in covered or doc[i].ent_type_:
            i += 1
            continue
        j = i
        while j < n and (name_like(doc[j]) or (doc[j].text == "-" and j + 1 < n and doc[j + 1].pos_ == "PROPN")) \
                and j not in covered and not doc[j].ent_type_:
            j += 1
        span = doc[i:j]
        i = j
        if not span or not span[0].text[:1].isupper() or span[0].is_sent_start and not (
                len(span) >= 2 and span[-1].lower_ in ORG_NAME_WORDS and span[0].pos_ == "PROPN") and not (
                span.end < n and doc[span.end].text == "," and any(
                    c.dep_ == "appos" and c.lemma_.lower() in ORG_NOUNS and any(d.dep_ == "det" for d in c.children)
                    for c in span.root.children)):
            # a sentence's first word is capitalised anyway, unless the run ends like a company or
            # a company noun stands beside it ("Hydrovolt, a joint venture between A and B, ...")
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < n else None
        before = doc[span.start - 2] if span.start > 1 else None
        after = doc[span.end + 1] if span.end + 1 < n else None
        def org_at(t):  # noqa: ANN001, ANN202
            return t is not None and t.i in kinds and kinds[t.i].type == Kind.ORGANIZATION
        def role_at(t):  # noqa: ANN001, ANN202
            return t is not None and (t.lower_ in TITLE_WORDS or (t.i in kinds and kinds[t.i].kind == "role"))
        if prev is not None and prev.text == "," and before is not None and before.i in kinds \
                and kinds[before.i].type == Kind.CITY and gaz.subdivision(span.text):
            # "a plant in Krishnagiri, Tamil Nadu": the state of the town before it
            found.append(Mention(span.start, span.end, span.text, Kind.REGION, "name", gaz.subdivision(span.text),
                                 cue="town, state"))
        elif prev is not None and prev.text in (",", "and", "&") and (
            org_at(before) or (before is not None and before.text == "," and org_at(doc[before.i - 1]))
        ):
            found.append(Mention(span.start, span.end, span.text, Kind.ORGANIZATION, cue="list:organisations"))
        elif nxt is not None and nxt.text in (",", "and") and org_at(after) and prev is not None and prev.text == ",":
            found.append(Mention(span.start, span.end, span.text, Kind.ORGANIZATION, cue="list:organisations"))
        elif len(span) in (3, 4) and span[0].lower_ in PORTFOLIO_WORDS and prev is not None and prev.lower_ == "of" \
                and before is not None and before.lower_ in TITLE_WORDS:
            # "Minister of Economy Jane Doe": the portfolio ends the office, the rest is its holder
            found.append(Mention(span.start + 1, span.end, doc[span.start + 1 : span.end].text, Kind.PERSON,
                                 cue="title before the name"))
        elif len(span) >= 2 and prev is not None and prev.text == "," and role_at(before):
            found.append(Mention(span.start, span.end, span.text, Kind.PERSON, cue="appos:title"))
        elif prev is not None and prev.pos_ == "NOUN" and prev.lower_ in ORG_NOUNS and prev.tag_ == "NN":
            # "battery maker QuantumScape": a name right after a company noun is a company.
            end = span.end
            if nxt is not None and nxt.is_title and nxt.tag_ in ("IN", "RP") and (
                    after is None or not after.text[:1].isupper()):
                end += 1  # "battery maker SK On": a capitalised particle inside a name
            found.append(Mention(span.start, end, doc[span.start:end].text, Kind.ORGANIZATION,
                                 cue=f"descriptor:{prev.lower_}"))
        elif any(c.dep_ == "appos" and c.lower_ in MODEL_NOUNS for c in span.root.children) or (
                span.root.dep_ == "appos" and span.root.head.lower_ in MODEL_NOUNS):
            # "the X7, a mid-size electric SUV", "its first SUV, the X7": a model
            found.append(Mention(span.start, span.end, span.text, Kind.PRODUCT, cue="descriptor:model"))
        elif any(c.dep_ == "appos" and c.tag_ == "NN" and c.lemma_.lower() in ORG_NOUNS | {"arm", "division"}
                 and any(d.dep_ == "det" for d in c.children) for c in span.root.children) or (
                span.root.dep_ == "pobj" and span.root.head.lower_ == "of" and span.root.head.head.tag_ == "NN"
                and span.root.head.head.lemma_.lower() in {"subsidiary", "unit", "arm", "division", "affiliate"}):
            # "X, the battery arm of Y", "X, a Chinese carmaker,": a name a company noun describes,
            # and the company it is the arm of, are companies
            found.append(Mention(span.start, span.end, span.text, Kind.ORGANIZATION, cue="appos:company-noun"))
        elif prev is not None and prev.tag_ == "POS" and before is not None and before.i in kinds \
                and kinds[before.i].type == Kind.COUNTRY and not role_at(span[0]) and span.root.dep_ != "compound":
            # "owned by China's Geely": a name NER missed after a country's is its company (a
            # person or place there NER knows far better)
            found.append(Mention(span.start, span.end, span.text, Kind.ORGANIZATION, cue="country's name"))
        elif len(span) >= 2 and span[-1].lower_ in ORG_NAME_WORDS:
            # "China's Tianqi Lithium": a run of names ending like a company is one
            found.append(Mention(span.start, span.end, span.text, Kind.ORGANIZATION, cue="name ends like a company"))
    return found


# Nouns whose "of" names a place: "the city of X", "the mayor of X".


def _typed(span: Span, label: str, gaz: Gazetteer) -> Mention | None:
    text = span.text
    country = gaz.country(text)
    if label == "NORP":
        demonym = gaz.demonym(text)
        if demonym:
            return Mention(span.start, span.end, text, Kind.COUNTRY, "demonym", demonym)
        return None
    if country and label in ("GPE", "LOC", "ORG", "PERSON", "NORP"):
        return Mention(span.start, span.end, text, Kind.COUNTRY, "name", country)
    region = gaz.region(text)
    if region and label in ("LOC", "GPE"):
        return Mention(span.start, span.end, text, Kind.REGION, "name", region)
    city = gaz.city(text)
    if label in ("GPE", "LOC"):
        if city:
            return Mention(span.start, span.end, text, Kind.CITY, "name", city)
        return Mention(span.start, span.end, text, Kind.PLACE if label == "GPE" else Kind.REGION)
    prep = span.root.head
    placed = prep.lower_ in ("in", "near", "at", "from") or (
        prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_OF_NOUNS)
    if city and label in ("PERSON", "ORG", "PRODUCT") and placed:
        # "a plant in Salzgitter", "the city of Debrecen", "the mayor of Debrecen": a place.
        return Mention(span.start, span.end, text, Kind.CITY, "name", city, cue="place preposition")
    if label in ("PERSON", "ORG", "PRODUCT") and placed and gaz.subdivision(text):
        # "in the state of Minas Gerais": a state or province, whatever NER said
        return Mention(span.start, span.end, text, Kind.REGION, "name", text, cue="place preposition")
    if label == "PERSON" and len(span) > 1 and span[-1].lower_ in ORG_NAME_WORDS:
        return Mention(span.start, span.end, text, Kind.ORGANIZATION, cue="name ends like a company")
    kg_type = {
        "PERSON": Kind.PERSON,
        "ORG": Kind.ORGANIZATION,
        "FAC": Kind.PLACE,
        "PRODUCT": Kind.PRODUCT,
        "EVENT": Kind.EVENT,
    }[label]
    return Mention(span.start, span.end, text, kg_type)


# Titles of public office: the words before them name a portfolio, not an employer.
def _apply_cues(doc: Doc, m: Mention) -> None:
    """Override the NER type when a describing noun or list says otherwise."""
    if m.kind != "name" or m.type == Kind.COUNTRY:
        return
    # a gazetteer place keeps its type unless the text calls it a model ("the Solano, a sedan")
    placed = m.type in (Kind.REGION, Kind.CITY)
    before = doc[m.start - 1] if m.start > 0 else None
    if m.type == Kind.PERSON and before is not None and before.lower_ in TITLE_WORDS:
        return  # "Chancellor Olaf Lenz, whose country's carmakers ...": the title says a person
    root = doc[m.start : m.end].root
    described = []
    if before is not None and before.pos_ == "NOUN":
        described.append(before.lemma_.lower())
    if root.dep_ == "appos" and (root.head.pos_ == "NOUN" or root.head.lower_ in MODEL_NOUNS):
        described.append(root.head.lower_ if root.head.pos_ == "PROPN" else root.head.lemma_.lower())  # "its SUV, the X7"
    if root.dep_ in ("oprd", "dobj", "attr") and root.head.dep_ == "acl" and root.head.lemma_.lower() in (
            "name", "call", "dub") and root.head.head.pos_ == "NOUN":
        described.append(root.head.head.lemma_.lower())  # "a venture named X"
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ == "one":
            # "X, one of the largest makers of Y,": the plural noun describes X.
            described.extend(g.lemma_.lower() for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN")
        if child.dep_ == "appos" and (child.pos_ == "NOUN" or child.lower_ in MODEL_NOUNS):
            described.append(_hyphenated(child))
            described.extend(c.lemma_.lower() for c in child.conjuncts if c.pos_ == "NOUN")
    if root.dep_ in ("compound", "nmod") and root.head.lower_ in MODEL_NOUNS and root.head.tag_ in ("NN", "NNP") \
            and before is not None and before.lower_ == "the" and root.head.i == m.end + (
            len([t for t in doc[m.end : root.head.i] if t.dep_ in ("amod", "compound")])):
        # "the Lyriq electric SUV" is a model; "BYD passenger cars" are a brand's cars
        described.append(root.head.lower_)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in COMPANY_TITLES \
            and m.type in (Kind.PERSON, Kind.PLACE):
        described.append("company")  # "chief executive of Northvolt": NER said a person or a place
    if root.dep_ == "poss" and (root.head.lemma_.lower() in ORG_POSSESSIONS or root.head.lower_ in COMPANY_TITLES and any(
            c.lower_ == "chief" for c in root.head.lefts)) and m.type in (Kind.PERSON, Kind.PLACE):
        described.append("company")  # "Northvolt's board", "Northvolt's chief financial officer"
    if m.type in (Kind.PERSON, Kind.PLACE) and any(c.dep_ == "acl" and c.lower_ in ("based", "headquartered") and any(
            p.dep_ == "prep" and p.lower_ == "in" for p in c.children) for c in root.children):
        described.append("company")  # "X, based in Stuttgart, makes ...": NER said a person
    direct = len(described)
    list_head = _list_head(root)
    if list_head is not None:
        described.append(list_head.lemma_.lower())
    m.descriptors.extend(described)
    for n, noun in enumerate(described):
        if placed and not (noun in MODEL_NOUNS and n < direct):
            continue
        # A noun right next to the name is a stronger cue than membership of a list.
        cue = f"descriptor:{noun}" if n < direct else f"list:{noun}"
        if noun in ORG_NOUNS or noun + "s" in ORG_NOUNS:
            if m.type != Kind.ORGANIZATION:
                m.type, m.cue = Kind.ORGANIZATION, cue
            else:
                m.cue = m.cue or cue
            return
        if noun in PERSON_NOUNS and m.type in (Kind.ORGANIZATION, Kind.PLACE, Kind.PRODUCT):
            if m.type == Kind.ORGANIZATION and doc[m.end - 1].lower_ in ORG_NAME_WORDS:
                return  # "Acme Motors, the market leader,": a name ending like a company stays one
            m.type, m.cue = Kind.PERSON, cue
            return
        if noun in PLACE_NOUNS and m.type in (Kind.PERSON, Kind.ORGANIZATION):
            m.type, m.cue = Kind.PLACE, cue
            return
        if noun in MODEL_NOUNS and (n < direct or not placed):
            m.type, m.cue = Kind.PRODUCT, cue
            return


def _hyphenated(noun: Token) -> str:
    """A describing noun as written when the tokenizer split it at a hyphen ('start-up')."""
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 1].whitespace_ \
            and not doc[noun.i - 2].whitespace_:
        return f"{doc[noun.i - 2].lower_}-{noun.lower_}"
    return noun.lemma_.lower()


def _list_head(token: Token) -> Token | None:
    """The noun a list hangs from: 'companies' in 'companies, including X, Y and Z'."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    if token.dep_ in ("pobj",) and token.head.lower_ in ("including", "like", "as"):
        prep = token.head
        head = prep.head
        if prep.lower_ == "as" and head.lower_ == "such":
            head = head.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head
    if token.dep_ == "appos" and token.head.pos_ == "NOUN":
        return token.head
    return None
