"""Descriptions and pronouns resolved to the entity they refer to ("the minister", "its",
"the Chinese carmaker"): the most recent fitting cluster, never across a paragraph break
unless the earlier paragraph leaves no doubt."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from kg.extract.lexicon import (
    COMPANY_TITLES,
    FACILITY_NOUNS,
    ORG_NOUNS,
    ORG_POSSESSIONS,
    PERSON_NOUNS,
    PRONOUNS_PERSON,
    PRONOUNS_THING,
    PUBLIC_BODY_NOUNS,
)
from kg.extract.places import fold
from kg.extract.spans import Mention
from kg.model import Kind

if TYPE_CHECKING:
    from kg.extract.coref import Cluster

# How many earlier mentions a reference looks back over (long documents stay linear).
MAX_LOOKBACK = 2000


def _paragraph_starts(doc: Doc) -> list[int]:
    starts = [0]
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            starts.append(tok.i + 1)
    return starts


def resolve_references(
    doc: Doc, clusters: dict[int, Cluster], token_cluster: dict[int, int]
) -> list[Mention]:
    """Point pronouns and definite descriptions to the most recent fitting cluster."""
    starts = _paragraph_starts(doc)

    def paragraph(i: int) -> int:
        return bisect_right(starts, i) - 1

    history: list[tuple[int, int, bool]] = []  # (token index, cluster id, was subject)
    extra: list[Mention] = []
    seen_mention_tokens = set(token_cluster)
    for tok in doc:
        if tok.i in seen_mention_tokens:
            cid = token_cluster[tok.i]
            # The outlet a quote is told to is not what "the company" later refers to.
            outlet = tok.dep_ in ("dobj", "dative") and tok.head.lemma_ == "tell"
            if (tok.i == 0 or token_cluster.get(tok.i - 1) != cid) and not outlet:
                # A multi-word name's first token is a compound of the subject head.
                head = tok
                while head.dep_ == "compound" and token_cluster.get(head.head.i) == cid and head.head != head:
                    head = head.head
                history.append((tok.i, cid, head.dep_ in ("nsubj", "nsubjpass")))
            continue
        if tok.lower_ in _WE and tok.pos_ == "PRON" and _quoted(tok):
            cid = _story_company(clusters)  # "'We will open a second line,' said Orlan's X": Orlan
            if cid is not None:
                m = Mention(tok.i, tok.i + 1, tok.text, Kind.ORGANIZATION, "pronoun", cluster=cid)
                clusters[cid].mentions.append(m)
                extra.append(m)
                token_cluster.setdefault(tok.i, cid)
            continue
        wanted = _reference_kind(tok)
        if wanted is None:
            continue
        types, noun = wanted
        cid = _named_by(tok, token_cluster)  # "the venture, named X," is X, whatever came before
        apposed = cid is not None
        if cid is None and noun is None and types != (Kind.PERSON,) and (
                _continues_unnamed_subject(tok, token_cluster) or _main_subject_of_other_kind(tok, types, token_cluster, clusters)):
            continue
        if cid is None and noun is None:
            cid = _listed_owner(tok, types, token_cluster, clusters)
        if cid is None:
            cid = _own_subject(tok, types, token_cluster, clusters) if noun is None else None
        if cid is None:
            cid = _antecedent(tok, types, noun, history, clusters, paragraph,
                              _clause_subject(tok, token_cluster, noun is not None),
                              _demonym_of(tok) if noun is not None else None)
        if cid is None:
            continue
        start = tok.i
        if noun is not None:
            start = min([c.i for c in tok.lefts if c.dep_ in ("det", "amod", "compound")] + [tok.i])
        m = Mention(start, tok.i + 1, doc[start : tok.i + 1].text, clusters[cid].type,
                    "pronoun" if noun is None else "description", cluster=cid)
        if apposed and noun is not None:
            m.descriptors.append(noun)  # "COBCO, the joint venture formed by ...": COBCO is a venture
        clusters[cid].mentions.append(m)
        extra.append(m)
        for i in range(start, tok.i + 1):
            token_cluster.setdefault(i, cid)
        history.append((tok.i, cid, tok.dep_ in ("nsubj", "nsubjpass")))
    return extra


def _listed_owner(tok, types, token_cluster: dict[int, int], clusters) -> int | None:  # noqa: ANN001
    """'a group made up of Acme, its recycling arm Bolt and ...': a possessive pronoun in a list
    item is the item just before it, not the clause's subject."""
    if tok.dep_ != "poss" or tok.head.dep_ not in ("conj", "appos"):
        return None
    before = tok.head.head
    cid = token_cluster.get(before.i)
    if cid is None or before.i > tok.i or clusters[cid].type not in types:
        return None
    return cid


def _own_subject(tok, types, token_cluster: dict[int, int], clusters) -> int | None:  # noqa: ANN001
    """'X met Y during his trip to China': a possessive pronoun in its clause's adjunct is the
    clause's subject (the one who travels), not the latest name (Y)."""
    if tok.dep_ != "poss":
        return None
    cid = _subject_of_clause(tok, token_cluster)
    if cid is not None and token_cluster.get(tok.head.i + 1) == cid:
        return None  # "its unit Bolt would invest": not the name its own noun introduces
    return cid if cid is not None and clusters[cid].type in types else None


def _continues_unnamed_subject(tok, token_cluster: dict[int, int]) -> bool:  # noqa: ANN001
    """'The plant will ... . It is expected to ...': a sentence-opening subject 'it'
    continues the previous sentence's subject; when that is a thing no name stands for,
    the nearest organisation is the wrong referent, so the pronoun stays unresolved."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.sent.start == 0:
        return False
    if any(i in token_cluster for i in range(tok.sent.start, tok.i)):
        return False  # a name earlier in the same sentence is the likelier referent
    previous = tok.doc[tok.sent.start - 1].sent
    subjects = [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        s.pos_ == "NOUN" and s.i not in token_cluster and _named_by(s, token_cluster) is None for s in subjects
    )


def _main_subject_of_other_kind(tok, types, token_cluster: dict[int, int], clusters) -> bool:  # noqa: ANN001
    """'The mine is expected to produce X once it starts operating': the subject 'it' of a
    clause that qualifies a main clause is that clause's subject; when that is a works or
    another thing no company or country stands for, the pronoun stays unresolved."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "advcl":
        return False
    main = verb.head
    while main.dep_ in ("xcomp", "ccomp") and main.head != main and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in main.children):
        main = main.head  # "is expected to produce ... once it starts": the subject of "is"
    subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        clusters[token_cluster[s.i]].type not in types if s.i in token_cluster
        else s.pos_ == "NOUN" and _named_by(s, token_cluster) is None for s in subjects)


def _named_by(tok, token_cluster: dict[int, int]) -> int | None:  # noqa: ANN001
    """The cluster a description names in a participle clause ('the venture, named X'), or the
    name it is set beside ('COBCO, the joint venture formed by A and B, ...')."""
    doc = tok.doc
    start = min([c.i for c in tok.lefts] + [tok.i])
    end = max(t.i for t in tok.subtree) + 1
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].i in token_cluster \
            and doc[start].lower_ in ("the", "a", "an") and end < len(doc) and doc[end].text == "," \
            and tok.dep_ in ("appos", "nsubj", "nsubjpass"):
        # set off by commas right after the name (the parser may read it as the subject)
        return token_cluster[doc[start - 2].i]
    for acl in tok.children:
        if acl.dep_ in ("acl", "relcl") and acl.lemma_.lower() in ("name", "call", "dub", "brand"):
            for o in acl.children:
                if o.dep_ in ("oprd", "dobj", "attr") and o.i in token_cluster:
                    return token_cluster[o.i]
    return None


# Nouns for what happened, which "it is the first ..." speaks of rather than a company.
_EVENT_LIKE = frozenset("""visit trip time step move deal agreement investment decision announcement
    ceremony meeting event plan project""".split())


def _reference_kind(tok) -> tuple[tuple[str, ...], str | None] | None:  # noqa: ANN001
    """What a token refers to: (allowed types, describing noun or None for pronouns)."""
    low = tok.lower_
    if tok.pos_ == "PRON":
        if low in PRONOUNS_PERSON:
            return (Kind.PERSON,), None
        if low == "it" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and any(
                c.dep_ == "attr" and c.lemma_.lower() in _EVENT_LIKE for c in tok.head.children):
            return None  # "It is the first state visit by ...": the visit, no company or country
        if low in PRONOUNS_THING:
            if tok.dep_ == "poss" and (tok.head.lemma_.lower() in ORG_POSSESSIONS | FACILITY_NOUNS | {"venture"} or (
                    tok.head.lower_ in COMPANY_TITLES and any(c.lower_ == "chief" for c in tok.head.lefts))):
                # "its joint venture", "its board", "its chief executive": a company's
                return (Kind.ORGANIZATION,), None
            return (Kind.ORGANIZATION, Kind.COUNTRY), None
        return None
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NN",):
        return None
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    ranked = any(c.dep_ == "poss" and c.lower_ == "world" for c in tok.children) and any(
        c.tag_ == "JJS" or c.dep_ == "amod" and c.lower_.endswith(("largest", "biggest")) for c in tok.children)
    if (not dets or dets[0] not in ("the", "this", "that")) and not ranked:
        return None  # ("the world's second-largest lithium producer" speaks of one known company)
    # "the company's chief executive Jane Doe" names its own referent; skip such nouns.
    # ("the U.S. carmaker": a country beside the noun is its nationality, not its name)
    if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.ent_type_ != "GPE" for c in tok.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    if lemma in PERSON_NOUNS:
        return (Kind.PERSON,), lemma
    if lemma in ORG_NOUNS:
        return (Kind.ORGANIZATION,), lemma
    if lemma == "country":
        return (Kind.COUNTRY,), lemma
    if lemma == "city":
        return (Kind.CITY,), lemma
    return None


_WE = frozenset({"we", "our", "us", "ours"})


def _quoted(tok) -> bool:  # noqa: ANN001
    """Whether a token stands inside quotation marks in its paragraph (or in a Q&A answer)."""
    doc, i = tok.doc, tok.i
    start = i
    while start > 0 and "\n" not in doc[start - 1].text + doc[start - 1].whitespace_:
        start -= 1
    before = doc[start:i]
    marks = sum(t.text in ('"', "“", "”") for t in before)
    return marks % 2 == 1 or (len(doc) > start + 1 and doc[start].text == "A" and doc[start + 1].text == ":")


def _story_company(clusters: dict[int, Cluster]) -> int | None:
    """The company a story is about, by its name: named clearly more often than any other."""
    counts = sorted(((sum(m.kind == "name" for m in c.mentions), c.id) for c in clusters.values()
                     if c.type == Kind.ORGANIZATION), reverse=True)
    if counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
        return counts[0][1]
    return None


def _clause_subject(tok, token_cluster: dict[int, int], description: bool) -> int | None:  # noqa: ANN001
    """The cluster that is the subject of the clause a non-subject reference sits in.

    'Stellantis holds a stake in the Chinese company': an object description (or pronoun) is not
    its clause's subject ("itself"); a possessive pronoun is ("Acme said its plant"), a
    possessive description is not ("it will supply the French carmaker's models")."""
    if tok.dep_ in ("nsubj", "nsubjpass") and description and tok.head.dep_ == "conj":
        # "X owns 82% and the Perth-based miner holds the rest": another than X
        first = tok.head.head
        return next((token_cluster[s.i] for s in first.children if s.dep_ in ("nsubj", "nsubjpass")
                     and s.i in token_cluster), None)
    if tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "poss" and not description):
        return None
    if any(a.dep_ == "appos" for a in list(tok.ancestors)[:3]):
        return None  # "X delivered N cars, a record for the company": an aside about the subject
    return _subject_of_clause(tok, token_cluster)


def _subject_of_clause(tok, token_cluster: dict[int, int]) -> int | None:  # noqa: ANN001
    """The cluster of the subject of the nearest verb above a token, if it names one."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    for s in verb.children:
        if s.dep_ in ("nsubj", "nsubjpass") and s.i in token_cluster:
            return token_cluster[s.i]
        if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            return token_cluster.get(verb.head.i)  # "X, which owns a stake in the company": X
    return None


def _demonym_of(tok) -> str | None:  # noqa: ANN001
    """'the Chinese company' -> 'chinese' (a nationality word NER marks as NORP), 'the U.S.
    company' -> 'u.s.'."""
    return next((c.lower_ for c in tok.children if c.dep_ == "amod" and c.ent_type_ == "NORP"
                 or c.dep_ in ("compound", "nmod") and c.ent_type_ == "GPE"), None)


def _demonyms_before_names(c: Cluster, doc) -> set[str]:  # noqa: ANN001
    """Nationality words just before a cluster's names: 'Chinese electric carmaker Leapmotor',
    'China's BYD', 'U.S. carmaker Tesla'."""
    return {doc[j].lower_ for m in c.mentions if m.kind == "name"
            for j in range(max(0, m.start - 4), m.start) if doc[j].ent_type_ == "NORP" or doc[j].ent_type_ == "GPE"
            and (doc[j + 1].tag_ == "POS" or j + 2 >= m.start)}


def _speakers(tok) -> set[int]:  # noqa: ANN001
    """Token indices of the subject of the speech verb a reference's clause reports."""
    verb = next((v for v in tok.ancestors if v.dep_ in ("ccomp", "ROOT")), tok)
    said = verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ("say", "announce", "tell", "add") else None
    return {t.i for s in (said.children if said is not None else []) if s.dep_ == "nsubj" for t in s.subtree}


def _antecedent(tok, types, noun, history, clusters, paragraph, exclude=None, demonym=None):  # noqa: ANN001, ANN202
    """Most recent fitting cluster (not the own clause's subject); across a paragraph break only if unambiguous.

    A description with a nationality ("the Chinese company") prefers an entity introduced
    with that nationality and skips one introduced with another.
    """
    here, own = paragraph(tok.i), {t.i for t in tok.subtree}
    described = next((a.head for a in [tok, *tok.ancestors] if a.dep_ == "appos"), None)
    if described is not None:
        # "X, the group's battery arm,": the description beside a name is not that name
        own |= {t.i for t in described.subtree if t.i <= described.i}
    if noun in ("venture", "consortium"):
        own |= _speakers(tok)  # "X said the venture would ...": X speaks of the venture, it is not it
    candidates = []
    nearest = None  # paragraph of the most recent candidate
    for back, (i, cid, subj) in enumerate(reversed(history)):
        if back > MAX_LOOKBACK:
            break
        # Only the current paragraph and the latest one with a candidate can decide, so
        # the scan stops there: long documents stay linear.
        if nearest is not None and paragraph(i) < nearest:
            break
        c = clusters[cid]
        if c.type not in types or cid == exclude or i in own:
            continue  # (nor a name inside the description itself: "the ASX-listed miner")
        if noun is not None and c.type == Kind.PERSON and noun not in c.descriptors:
            if not any(noun in fold(m.text) for m in c.mentions if m.kind == "role"):
                continue
        candidates.append((i, cid, subj))
        if nearest is None:
            nearest = paragraph(i)
    if noun in ("venture", "consortium"):  # the venture the story called so, if any, not a parent
        called = [c for c in candidates if noun in clusters[c[1]].descriptors]
        if not called:
            # "COBCO, the joint venture formed by A and B, ..." paragraphs before "CNGR holds 50
            # percent of the venture": the one venture of the story, however far back
            earlier = {cid for i, cid, _ in history if noun in clusters[cid].descriptors and i not in own}
            if len(earlier) == 1:
                return earlier.pop()
        candidates = called or candidates
    if noun == "group" and described is not None:
        # "X, the group's battery arm": a group the story named or called so, else none
        candidates = [c for c in candidates if "group" in clusters[c[1]].descriptors
                      or fold(clusters[c[1]].label).endswith(("group", "holding", "holdings"))]
    elif noun in ORG_NOUNS and noun not in ("company", "firm") and described is not None:
        # "X, the carmaker's EV unit": a company the story called a carmaker, else none (the
        # latest company named may be any other)
        candidates = [c for c in candidates if noun in clusters[c[1]].descriptors]
    if demonym and candidates:
        known = {cid: _demonyms_before_names(clusters[cid], tok.doc) for _, cid, _ in candidates}
        fitting = [c for c in candidates if demonym in known[c[1]]]
        candidates = fitting or [c for c in candidates if not known[c[1]]]
    if not candidates:
        return None
    same = [c for c in candidates if paragraph(c[0]) == here]
    if same:
        # a pronoun, or a description standing as subject ("The company builds..."), continues
        # the entity the text is about: the latest subject, not the latest name ("listed on Nasdaq")
        if (noun is None or tok.dep_ in ("nsubj", "nsubjpass")) and types != (Kind.PERSON,):
            subjects = [c for c in same if c[2]]
            if subjects:
                return subjects[0][1]
        return same[0][1]
    last_para = paragraph(candidates[0][0])
    in_last = {cid for i, cid, _ in candidates if paragraph(i) == last_para}
    if len(in_last) == 1:
        return candidates[0][1]
    # "The company will spend ..." opening a paragraph continues the one subject of the last
    subjects = {cid for i, cid, subj in candidates if paragraph(i) == last_para and subj}
    if noun is not None and noun not in PUBLIC_BODY_NOUNS | {"group"} and tok.dep_ in ("nsubj", "nsubjpass") \
            and types == (Kind.ORGANIZATION,) and len(subjects) == 1:
        return subjects.pop()
    return None
