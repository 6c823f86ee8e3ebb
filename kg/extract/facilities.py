"""Facility mentions: plants, factories and sites named from owner, town and kind."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kg.extract.lexicon import FACILITY_NOUNS
from kg.extract.spans import Mention
from kg.model import Kind

# Words that end a facility's modifier chain: evaluative words, and currency and scale words
# that NER left outside an amount ("a 4 billion pound battery plant", "a ₹4,000-crore plant").
FACILITY_SKIP = frozenset(
    """new this that existing planned proposed its their our pound pounds dollar dollars euro euros
    yuan yen won rupee rupees ringgit million billion trillion crore crores lakh lakhs""".split()
)

def facility_mention(doc: Doc, noun: Token, place: str | None, owners: list[str] = (),
                     city: str | None = None) -> Mention | None:
    """A facility entity for an NP headed by 'factory', 'plant', ... ('first battery factory').

    Named from its owner, place and kind when the sentence gives them ("Acme Gdansk battery
    plant"), as news and registries name plants; the description is kept as the mention.
    `city` is the place word of the name (a town, or the country when no town is given).
    """
    if noun.lemma_.lower() not in FACILITY_NOUNS or noun.pos_ != "NOUN":
        return None
    # The whole modifier chain ("electric vehicle plant", "battery cell plant"), without
    # determiners, possessives, numbers and evaluative words ("new", "first").
    left = noun.i
    while left - 1 >= 0:
        t = doc[left - 1]
        if t.dep_ in ("cc", "conj") and t.head.head.i == noun.i and _ABBREVIATIONS.fullmatch(
                doc[min(t.i, t.head.i) : noun.i].text):
            left -= 1  # "a research and development centre" is an R&D centre
        elif t.dep_ in ("compound", "amod", "nmod") and t.head.i >= left and t.head.i <= noun.i \
                and t.lower_ not in FACILITY_SKIP and t.pos_ in ("NOUN", "ADJ", "PROPN", "VERB") \
                and (t.ent_type_ not in ("CARDINAL", "MONEY", "DATE", "GPE", "NORP", "ORG", "QUANTITY", "PERCENT")
                     or t.text in _KIND_ABBREVIATIONS):
            left -= 1
        else:
            break
    if left < noun.i and left > 0 and doc[left - 1].text == "-" and not doc[left - 1].whitespace_:
        left += 1  # "joint-venture plant": the chain stops at the hyphen; drop the word it split
    acronym = []
    if left >= 3 and doc[left - 1].text == ")" and doc[left - 3].text == "(" and doc[left - 2].text.isupper() \
            and doc[left - 4].pos_ in ("NOUN", "PROPN", "ADJ"):
        # "a lithium iron phosphate (LFP) battery plant": the short form names the kind
        acronym = [doc[left - 2].text]
    span = doc[left : noun.i + 1]
    owners = list(dict.fromkeys(owners))[:3]
    pointed = any(t.dep_ == "poss" or t.lower_ in ("the", "this", "that") for t in noun.lefts)
    if len(span) < 2 and not city and not (owners and pointed):
        # a bare "the plant", or "Acme will build a plant", is too vague to be an entity of its
        # own; "its plant", "the Acme plant" are one known plant
        return None
    words = [t.text for t in span if (t.is_alpha or t.i == noun.i or "-" in t.text) and (
        t.pos_ != "ADJ" or t.lower_ in ("electric", "lithium")) and t.lower_ not in _UNNAMED]
    named = {w for part in [*owners, city or ""] for w in part.split()}
    words = [w for w in words[:-1] if w not in named] + words[-1:]  # "the Ulsan plant" names Ulsan once
    kind = acronym + _ABBREVIATIONS.sub(lambda x: _ABBREV[x.group(0).lower()], " ".join(words)).split()
    # news and registries call a works a "plant" whichever word the story used
    head = "plant" if noun.lower_ == "factory" else noun.text
    kind = [*kind[:-1], head]
    if any(w.lower() not in _PROCESS_WORDS for w in kind[:-1]):
        # "a new EV assembly plant" is the "EV plant": the process is no part of the name
        # when the kind of goods is given ("an assembly plant" stays one)
        kind = [w for w in kind[:-1] if w.lower() not in _PROCESS_WORDS] + kind[-1:]
    kind = kind[-3:]
    if not owners and not city:
        label = f"{span.text} in {place}" if place else span.text  # the story's own description
    else:
        # a plant of several builders goes by their short names joined ("Acme-Bolt Lyon plant")
        owner = ["-".join(owners)] if owners else []
        label = " ".join([*owner, *([city] if city else []), *kind])
    return Mention(span.start, span.end, span.text, Kind.PLACE, "facility", label)


# Words that describe a plant but are no part of its name ("first", "largest", "dedicated").
_UNNAMED = frozenset("""first second third fourth fifth largest biggest dedicated former own only
    main flagship""".split())
# Words for what a plant does rather than what it makes ("assembly", "processing").
_PROCESS_WORDS = frozenset({"assembly", "manufacturing", "production", "processing"})
# Short forms of kinds of works that taggers often take for names ("an EV factory").
_KIND_ABBREVIATIONS = frozenset({"EV", "EVs", "NEV", "BEV", "LFP", "NMC"})
# Usual short forms in plant names ("Acme Ulsan EV plant").
_ABBREV = {"electric vehicle": "EV", "electric-vehicle": "EV", "electric car": "EV",
           "lithium iron phosphate": "LFP", "research and development": "R&D"}
_ABBREVIATIONS = re.compile("|".join(sorted(map(re.escape, _ABBREV), key=len, reverse=True)),
                            re.IGNORECASE)
