"""Events: named and described gatherings, who attended them, who opened what."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import (
    _EVENT_SKIP,
    ATTENDING_VERBS,
    EVENT_NOUNS,
    OCCASION_NOUNS,
    OPENING_VERBS,
    PHASE_NOUNS,
)
from kg.extract.spans import Mention
from kg.model import Kind

# Event nouns that end organisation and product names as often ("Auto Show" aside).
_AMBIGUOUS = {"show", "week", "fair", "dialogue"}
# Prepositions whose phrase is part of a gathering's description ("ceremony for the plant").
_DESCRIBING = {"for", "of", "in", "marking", "on"}


class EventRules(FinderBase):
    """Events: named and described gatherings, who attended them, who opened what."""

    def event_cluster(self, tok: Token) -> tuple[Cluster, Token] | None:
        """A named event a token stands for: 'the COP27 climate conference', 'the fourth Tashkent
        International Investment Forum', or a name NER typed as an organisation ending in 'Forum'."""
        c = self.cluster(tok)
        if c is not None and c.type == Kind.EVENT:
            return (c, tok)
        if c is not None and c.type in (Kind.ORGANIZATION, Kind.PLACE) and c.label.split()[-1].lower() in EVENT_NOUNS:
            c.type = Kind.EVENT  # NER often types "the X Forum" an organisation; people attend it
            return (c, tok)
        if c is not None or tok.lemma_.lower() not in EVENT_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        mods = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod", "nummod")]
        if not any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in mods):
            return None  # "a forum", "the ceremony": no name to give it
        start = min(t.i for t in mods)
        while start < tok.i and (self.doc[start].lower_ in _EVENT_SKIP or self.doc[start].ent_type_ == "ORDINAL"):
            start += 1
        while start >= 2 and self.doc[start - 1].text == "-" and not self.doc[start - 2].whitespace_ \
                and not self.doc[start - 1].whitespace_ and self.doc[start - 2].text[:1].isupper():
            start -= 2  # "the Saudi-Korean Investment Forum"
        text = self.doc[start : tok.i + 1].text
        return (self.new_cluster(Mention(start, tok.i + 1, text, Kind.EVENT, "name", text)), tok)

    def type_events(self) -> None:
        """Names ending in 'Forum', 'Summit', 'Conference' are gatherings, whatever NER said;
        their names lose an edition's ordinal ('the fourth X Forum' is the X Forum) and keep a
        hyphenated first word NER cut off ('Saudi-Korean Investment Forum')."""
        for c in self.res.clusters.values():
            if c.type in (Kind.ORGANIZATION, Kind.PLACE) and c.label.split()[-1].lower() in EVENT_NOUNS - _AMBIGUOUS \
                    and not any(m.kind == "facility" for m in c.mentions):
                c.type = Kind.EVENT
            if c.type != Kind.EVENT:
                continue
            words = c.label.split()
            while len(words) > 2 and (words[0].lower() in _EVENT_SKIP or words[0][:1].isdigit()):
                words.pop(0)
            first = min(c.mentions, key=lambda m: m.start)
            if first.start >= 2 and self.doc[first.start - 1].text == "-" and not self.doc[first.start - 2].whitespace_ \
                    and not self.doc[first.start - 1].whitespace_ and self.doc[first.start - 2].text[:1].isupper():
                words.insert(0, self.doc[first.start - 2].text + "-")
                words[:2] = ["".join(words[:2])]
            c.label = " ".join(words)

    def occasion_at(self, tok: Token) -> tuple[Cluster, Token] | None:
        """The gathering a noun stands for, named or described: 'the groundbreaking ceremony for
        the plant', 'a press conference in Hangzhou'; a bare 'the ceremony' is the story's latest."""
        named = self.event_cluster(tok)
        if named is not None:
            return named
        if self.cluster(tok) is not None or tok.pos_ != "NOUN" or tok.tag_ != "NN" \
                or tok.lemma_.lower() not in OCCASION_NOUNS:
            return None
        mods = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod", "poss")
                and not (t.dep_ == "poss" and t.pos_ == "PRON")]
        described = self.described_by(tok)
        if described is None and tok.dep_ == "dobj" and any(t.dep_ in ("compound", "amod") for t in tok.lefts):
            # "attended the signing ceremony in Ankara": the place phrase hangs off the verb
            described = next((("in", p[0], False) for p in self.prep_places(
                (c for c in tok.head.children if c.i > tok.i), ("in",)) if p[0].type in (Kind.CITY, Kind.REGION)), None)
        if described is None and not any(t.pos_ == "PROPN" for t in mods):
            # "the ceremony", "an opening ceremony": the story's latest gathering, if any; too
            # vague to be a node of its own otherwise
            earlier = [c for c in self.res.clusters.values() if c.type == Kind.EVENT
                       and any(m.start < tok.i for m in c.mentions)]
            if not earlier:
                return None
            c = max(earlier, key=lambda c: max(m.start for m in c.mentions if m.start < tok.i))
            return (c, tok)
        start = min([t.i for t in mods] + [tok.i])
        text = self.doc[start : tok.i + 1].text
        if described is not None:
            prep, entity, the = described
            text = f"{text} {prep} {'the ' if the else ''}{entity.label}"
        return (self.new_cluster(Mention(start, tok.i + 1, text, Kind.EVENT, "description", text)), tok)

    def described_by(self, tok: Token) -> tuple[str, Cluster, bool] | None:
        """The entity a gathering is of, for or in ('ceremony for the plant' -> the plant)."""
        for p in tok.rights:
            if p.dep_ != "prep" or p.lower_ not in _DESCRIBING:
                continue
            for g in p.children:
                found = self.facility_at(g) if g.dep_ == "pobj" else None
                c = found[0] if found else self.cluster(g) if g.dep_ == "pobj" else None
                if c is not None and c.type in (Kind.PLACE, Kind.ORGANIZATION, Kind.CITY, Kind.REGION, Kind.COUNTRY):
                    the = found is not None
                    return (p.lower_, c, the)
            return None
        return None

    def event_rules(self) -> None:
        """People at an event attend it: 'X spoke at the Y Forum', 'signed by A and B at a
        ceremony', 'X attended the inauguration', 'the ceremony was attended by A and B',
        'X told the ceremony', 'on the sidelines of the Y Summit'."""
        for tok in self.doc:
            if tok.dep_ == "prep" and tok.lower_ in ("at", "during"):
                self.attended_at(tok, tok.head, "event:at")
            elif tok.dep_ == "prep" and tok.lower_ == "of" and tok.head.lemma_.lower() in ("sideline", "sidelines") \
                    and tok.head.dep_ == "pobj":
                self.attended_at(tok, tok.head.head.head, "event:sidelines")
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in ATTENDING_VERBS:
                objs = list(tok.children)
                if tok.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in tok.children):
                    objs = [tok.head]  # "the forum, which Yoon attended"
                for o in objs:
                    event = self.occasion_at(o) if o.dep_ == "dobj" or o.i == tok.head.i else None
                    if event is None:
                        continue
                    # "X attended the ceremony, together with A, B and C": the list attended too
                    # ("A and B attended the forum with C": C too)
                    company = [p for w in [*tok.children, *o.children] if w.dep_ == "prep" and w.lower_ == "with"
                               for p in self.listed_from(Kind.PERSON, w.i + 1)]
                    for person in self.merge_people(self.people_of(tok), company):
                        self.add(person, "attended", event, tok, f"event:{tok.lemma_.lower()}", 0.8,
                                 (Kind.PERSON,), (Kind.EVENT,))
                if tok.lemma_.lower() in ("attend", "witness"):
                    # "the ceremony was attended (witnessed) by A, B and C"
                    for s in tok.children:
                        event = self.occasion_at(s) if s.dep_ == "nsubjpass" else None
                        for person in self.agents(tok) if event else []:
                            self.add(person, "attended", event, tok, "event:attended-by", 0.8,
                                     (Kind.PERSON,), (Kind.EVENT,))
            if tok.pos_ == "VERB" and (tok.lemma_.lower() in OPENING_VERBS or tok.lemma_.lower() == "start" and any(
                    c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)):
                self.opening_rule(tok)  # "opened the plant", "started up the mine"
            if tok.dep_ in ("appos", "npadvmod") and any(c.dep_ == "prep" and c.lower_ in ("among", "including")
                                                         for c in tok.children):
                # "300 guests attended the summit, among them A and B": the list hangs off the
                # gathering or off the verb, as the parser reads it
                verb = tok.head.head if tok.dep_ == "appos" else tok.head
                gathering = [o for o in verb.children if o.dep_ == "dobj"] if verb.lemma_.lower() == "attend" else []
                event = self.occasion_at(gathering[0]) if gathering else None
                listed = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("among", "including")
                          for p in self.listed_from(Kind.PERSON, c.i + 1)]
                people = self.merge_people([a for a in self.args(tok) if a[0].type == Kind.PERSON], listed)
                for person in people if event else []:
                    self.add(person, "attended", event, verb, "event:attended-among", 0.75,
                             (Kind.PERSON,), (Kind.EVENT,))
            if tok.lower_ == "presence" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
                self.presence_rule(tok)

    def attended_at(self, prep: Token, verb: Token, rule: str) -> None:
        """The people of the clause a place-of-event phrase hangs from attended the event."""
        events = [e for g in prep.children if g.dep_ == "pobj" for e in [self.occasion_at(g)] if e]
        if not events or verb.pos_ not in ("VERB", "AUX"):
            return
        for person in self.people_of(verb) + self.agents(verb):
            for event in events:
                self.add(person, "attended", event, verb, rule, 0.75, (Kind.PERSON,), (Kind.EVENT,))

    def presence_rule(self, presence: Token) -> None:
        """'The deal was signed at the X Forum in the presence of A': A attended the gathering
        the clause names (none named there, nothing said)."""
        verb = presence.head.head
        events = [e for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "during")
                  for g in p.children if g.dep_ == "pobj" for e in [self.occasion_at(g)] if e]
        people = [a for p in presence.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj" for a in self.args(g) if a[0].type == Kind.PERSON]
        for person in people:
            for event in events[:1]:
                self.add(person, "attended", event, presence, "event:in-presence", 0.75, (Kind.PERSON,), (Kind.EVENT,))

    def people_of(self, verb: Token) -> list[tuple[Cluster, Token]]:
        """The people a clause's subject names."""
        return [a for a in self.subjects(verb) if a[0].type == Kind.PERSON]

    def agents(self, verb: Token) -> list[tuple[Cluster, Token]]:
        """The people of a passive verb's by-phrase, and of the list it opens ('attended by A,
        chair of Acme, Industry Minister B and Mayor C')."""
        found = [a for c in verb.children if c.dep_ == "agent" for p in c.children
                 if p.dep_ == "pobj" for a in self.args(p) if a[0].type == Kind.PERSON]
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        return self.merge_people(found, self.listed_from(Kind.PERSON, by.i + 1) if by is not None else [])

    @staticmethod
    def merge_people(a: list[tuple[Cluster, Token]], b: list[tuple[Cluster, Token]]) -> list[tuple[Cluster, Token]]:
        """Both lists, each person once."""
        seen = {c.id for c, _ in a}
        return a + [x for x in b if x[0].id not in seen and not seen.add(x[0].id)]

    def opening_rule(self, verb: Token) -> None:
        """'X inaugurated / opened the plant': X launched it (a leader or the owner); 'X will
        open (plans to start up) the plant' has not (start_rule reads its date)."""
        if verb.tag_ in ("VB", "VBP", "VBZ") and (any(c.dep_ == "aux" for c in verb.children) or verb.dep_ == "xcomp"):
            return  # "will open", "plans to start up", "is set to inaugurate": not yet done
        for o in verb.children:
            site = self.facility_at(o) if o.dep_ == "dobj" else None
            if site is None and o.dep_ == "dobj" and o.lemma_.lower() in PHASE_NOUNS:
                # "inaugurated the first phase of its complex"
                site = next((f for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children for f in [self.facility_at(g)] if f), None)
            if site is None:
                continue
            for s in self.subjects(verb):
                if s[0].type in (Kind.PERSON, Kind.ORGANIZATION):
                    self.add(s, "launched", site, verb, f"verb:{verb.lemma_.lower()}:site", 0.75,
                             (Kind.PERSON, Kind.ORGANIZATION), (Kind.PLACE,))
