"""Counterparts: "President X hosted his Vietnamese counterpart Y" gives Y the same office of
Vietnam, and X's bare office the story's other country."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.relations.base import FinderBase
from kg.extract.roles import role_label
from kg.extract.spans import Mention
from kg.model import Kind


class CounterpartRules(FinderBase):
    """Offices read from "his Vietnamese counterpart", as diplomatic news names them."""

    def counterpart_country(self, noun: Token) -> Cluster | None:
        """The country a 'counterpart' noun is qualified by ('his Vietnamese counterpart')."""
        if noun.lemma_.lower() != "counterpart":
            return None
        return next((c for a in noun.children if a.dep_ in ("amod", "compound", "poss") and a.i < noun.i
                     for c in [self.cluster(a)] if c is not None and c.type == Kind.COUNTRY), None)

    def counterpart_state(self, i: int) -> str | None:
        """The state of a bare national title in a sentence that names the other side's
        counterpart: the one other country of the sentence, else of the paragraph, else of
        the story, else the capital the sentence names ("met his Malaysian counterpart in
        Bangkok")."""
        sent = self.doc[i].sent
        other = next((c for t in sent for c in [self.counterpart_country(t)] if c is not None), None)
        if other is None:
            return None
        para = sent.start
        while para > 0 and "\n" not in self.doc[para - 1].whitespace_ + self.doc[para - 1].text:
            para -= 1
        for tokens in (sent, self.doc[para : sent.end], self.doc):
            found = {c.label for t in tokens for c in [self.cluster(t)]
                     if c is not None and c.type == Kind.COUNTRY and c.id != other.id}
            if len(found) == 1:
                return found.pop()
            if found:
                break
        capitals = {self.gaz.capital_of(c.label) for t in sent for c in [self.cluster(t)]
                    if c is not None and c.type == Kind.CITY} - {None, other.label}
        return capitals.pop() if len(capitals) == 1 else None

    def counterpart_rules(self) -> None:
        """'X met his Vietnamese counterpart Y': Y holds X's office, of Vietnam."""
        for noun in self.doc:
            country = self.counterpart_country(noun)
            if country is None:
                continue
            # the counterpart's name beside the noun ("counterpart Y", "counterpart, Y,")
            # (or the name it is a compound of: "counterpart Tran Van Minh" parsed as one noun)
            near = [t for t in noun.children if t.dep_ in ("appos", "compound", "npadvmod") or t.i == noun.i + 1]
            near += [noun.head] if noun.head.i == noun.i + 1 else []
            named = [a for t in near for a in self.args(t) if a[0].type == Kind.PERSON]
            # the host: whose counterpart ("his" resolved, else the clause's subject)
            verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
            hosts = [a for a in (self.subjects(verb) if verb is not None else []) if a[0].type == Kind.PERSON]
            titles = {f.o for f in self.facts if f.p == "holdsPosition" and any(f.s == h[0].id for h in hosts)}
            offices = {self.res.clusters[o].label.split(" of ")[0] for o in titles if isinstance(o, int)}
            if len(offices) != 1 or not named:
                continue
            label = role_label(offices.pop(), country.label, Kind.COUNTRY)
            role = self.new_cluster(Mention(noun.i, noun.i + 1, noun.text, Kind.ROLE, "role", label))
            for person in {p[0].id: p for p in named}.values():
                self.add(person, "holdsPosition", (role, noun), noun, "title:counterpart", 0.75,
                         (Kind.PERSON,), (Kind.ROLE,))
