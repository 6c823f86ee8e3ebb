"""How sure a sentence is of what it says: the hedge on a fact's trigger ('plans to', 'may',
'denied', 'in talks to'), read from the trigger and the words its clause hangs from."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import DENIALS, HEDGES

# Dependencies that keep a word inside its trigger's clause: an "as ..." or "that ..." clause
# above the trigger does not hedge it.
CLAUSE_INTERNAL = {"xcomp", "pobj", "prep", "dobj", "attr", "compound", "amod", "pcomp", "nsubj", "nsubjpass"}
# Nouns whose clause is only intended: "in talks to buy X", "a bid to take over X".
HEDGE_NOUNS = {"talk": "considered", "plan": "planned", "bid": "planned", "offer": "planned",
               "proposal": "planned", "attempt": "planned", "option": "considered", "intention": "planned"}


def hedge_of(tok: Token) -> str | None:
    """A hedge on the trigger or the words above it in its clause, or None."""
    t = tok
    for _ in range(4):
        for child in t.children:
            if child.dep_ == "neg":
                return "denied"
            if child.dep_ in ("aux", "advmod") and child.lower_ in HEDGES:
                return HEDGES[child.lower_]
        if t.lemma_.lower() in DENIALS:
            return "denied"
        if t != tok and t.lemma_.lower() in HEDGES and t.pos_ == "VERB":
            return HEDGES[t.lemma_.lower()]
        if (t.dep_ in ("acl", "xcomp") or t.dep_ == "relcl" and any(c.lower_ == "to" for c in t.children)) \
                and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in HEDGE_NOUNS:
            return HEDGE_NOUNS[t.head.lemma_.lower()]  # "in talks to buy X"
        if t.head == t or t.dep_ not in CLAUSE_INTERNAL:
            break
        t = t.head
    return None
