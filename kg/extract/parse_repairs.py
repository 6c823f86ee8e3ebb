"""Repairs of dependency parses that news phrasing reliably breaks, made before any rule reads them.

spaCy's parser is trained on text where an amount is rarely followed by the same amount in a
second currency. In "a 4.2 billion euro ($4.5 billion) gigafactory in Slovakia" it makes the
currency word the head of the phrase and the gigafactory its modifier, so no rule sees a
gigafactory being built. The repair gives the phrase its noun back as head; the amount, its
bracketed conversion and the place phrase hang from that noun, as they would without brackets.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

# How far a bracketed conversion may run: "(about $4.5 billion)", "(Rs 16,000 crore)".
_MAX_BRACKET = 8


def repair_two_currency_amounts(doc: Doc) -> Doc:
    """'a 4.2 billion euro ($4.5 billion) plant in P': make 'plant' the head of its phrase."""
    for open_ in (t for t in doc if t.text == "(" and t.i > 0):
        close = next((t for t in doc[open_.i + 1 : open_.i + 1 + _MAX_BRACKET] if t.text == ")"), None)
        if close is None or not any(t.like_num for t in doc[open_.i + 1 : close.i]) \
                or not (doc[open_.i - 1].like_num or doc[open_.i - 1].ent_type_ == "MONEY"):
            continue
        noun = _noun_after(doc, close.i + 1)
        amount = noun.head if noun is not None else None
        if amount is None or amount.i >= open_.i or amount.ent_type_ != "MONEY" or amount.head.i == noun.i:
            continue
        _promote(noun, amount, close.i)
    return doc


_PER_CENT = re.compile(r"\bper\s?cent\b|%", re.IGNORECASE)
# Currency words inside a number NER calls a plain count ("a 620-million-euro project").
_CURRENCY = re.compile(r"\b(?:euros?|dollars?|pounds?|yuan|yen|won|rupees?|reais|real|ringgit|baht|dirhams?|pesos?"
                       r"|francs?|kronor|krona|kroner|krone|crowns?|zlotys?|forints?|rand|lira)\b|[$€£¥₹₩]", re.IGNORECASE)


def _relabelled(e: Span) -> str:
    if e.label_ == "MONEY" and _PER_CENT.search(e.text):
        return "PERCENT"
    if e.label_ == "CARDINAL" and _CURRENCY.search(e.text) and any(t.like_num for t in e):
        return "MONEY"
    return e.label_


def relabel_amounts(doc: Doc) -> Doc:
    """'a 35 per cent surtax': NER often calls the British spelling money, it is a percentage;
    'a 620-million-euro project': NER often calls a hyphenated amount a count, it is money; so
    is '120 million Norwegian crowns', which NER cuts into a count and a nationality."""
    ents = list(doc.ents)
    for k, e in enumerate(ents):
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if e is not None and e.label_ == "CARDINAL" and nxt is not None and nxt.start == e.end and nxt.label_ == "NORP" \
                and nxt.end < len(doc) and _CURRENCY.fullmatch(doc[nxt.end].text):
            ents[k], ents[k + 1] = Span(doc, e.start, nxt.end + 1, label="MONEY"), None
    ents = [e for e in ents if e is not None]
    if any(_relabelled(e) != e.label_ for e in ents) or len(ents) != len(doc.ents):
        doc.ents = [Span(doc, e.start, e.end, label=_relabelled(e)) for e in ents]
    return doc


def _noun_after(doc: Doc, start: int) -> Token | None:
    """The last noun of the modifier chain that starts right after the bracket ('battery plant')."""
    end = start
    while end < len(doc) and doc[end].tag_ in ("NN", "NNS", "JJ", "VBG", "NNP") and doc[end].ent_type_ != "MONEY" \
            and doc[end].dep_ in ("amod", "compound", "nmod", "dobj", "pobj", "nsubj", "attr", "appos"):
        end += 1
    if end == start:
        return None
    noun = doc[end - 1]
    return noun if noun.tag_ in ("NN", "NNS") or noun.dep_ == "amod" else None


def _promote(noun: Token, amount: Token, close: int) -> None:
    """Give the amount's place in the sentence to the noun, and hang the amount from it."""
    if amount.head.i == amount.i:
        noun.head, noun.dep_ = noun, "ROOT"
    else:
        noun.head, noun.dep_ = amount.head, amount.dep_
    if noun.pos_ != "NOUN":
        noun.pos_, noun.tag_ = "NOUN", "NN"
    amount.head, amount.dep_ = noun, "nmod"
    for child in list(amount.children):
        if child.i > close and child.i != noun.i or child.dep_ == "det":
            child.head = noun  # "in Slovakia" and "a" belong to the plant, not to the euro
    for t in noun.doc[close + 1 : noun.i]:
        if t.head.i == amount.i:
            t.head = noun  # the rest of the chain ("battery" in "battery plant")
