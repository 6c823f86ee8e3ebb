"""Ownership frames: takeovers, stakes, shareholders, who founded what, and whose works are where."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.lexicon import FACILITY_NOUNS
from kg.extract.places import fold
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import ANY, BODY, CONTINENTS, PLACE
from kg.extract.values import parse_date
from kg.model import Kind

# Parts of a whole a stake may be given as ("owns about a fifth of Y").
_FRACTIONS = {"half", "third", "quarter", "fifth", "sixth", "tenth", "majority"}
# Nouns for those who hold shares in a company ("X is Y's largest shareholder").
_HOLDER_NOUNS = {"shareholder", "investor", "stakeholder", "backer"}


class OwnershipRules(FinderBase):
    """Ownership frames: takeovers, stakes, shareholders and who founded what."""

    def regional_units(self) -> None:
        """'Acme Canada', 'Acme Central Asia': a company named after another company of the story
        and a country or region is that company's unit there (partOf)."""
        orgs = [c for c in self.res.clusters.values() if c.type == Kind.ORGANIZATION]
        names = {fold(m.text): c for c in orgs for m in c.mentions if m.kind == "name"}
        for unit in orgs:
            for m in (m for m in unit.mentions if m.kind == "name"):
                words = m.text.split()
                for k in range(1, min(3, len(words))):
                    place = " ".join(words[k:])
                    parent = names.get(fold(" ".join(words[:k])))
                    if parent is None or parent.id == unit.id or not (
                            self.gaz.country(place) or self.gaz.region(place) or place in CONTINENTS | {"Central Asia"}):
                        continue
                    tok = self.doc[m.start]
                    self.add((unit, tok), "partOf", (parent, tok), tok, "name:regional-unit", 0.75,
                             (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))

    def takeover_rule(self, verb: Token, lemma: str, objects: list[Token]) -> None:
        """'X acquired miner Y', 'X, which controls carmaker Y,' -> partOf(Y, X).

        A stake, shares or assets are not the company; nor is "Acme" in "Acme's assets".
        """
        rule = "verb:control" if lemma == "control" else "verb:acquire"
        for o in (a for ob in objects if ob.lemma_.lower() not in ("stake", "share", "asset", "interest")
                  for a in self.args(ob)):
            if self.possessor(o):
                continue
            for s in self.subjects(verb):
                if s[0].id != o[0].id:
                    self.add(o, "partOf", s, verb, rule, 0.75, (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))

    def founded_rule(self, verb: Token) -> None:
        """'The company, founded in 2016,' / 'X was founded in 2016' -> founded(X, 2016); 'Jane Doe
        founded X in 2016' -> founded(X, 2016) and launched(Jane Doe, X); 'X was founded by
        Jane Doe' -> launched(Jane Doe, X)."""
        founders = [a for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                    for a in self.args(p) if a[0].type in (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY)]
        active = verb.tag_ == "VBD" and not any(c.dep_ == "auxpass" for c in verb.children)
        if active and verb.lemma_.lower() in ("found", "co-found"):
            # "Jane Doe founded X in 2016": the subject is the founder, the object the company
            founders = [a for a in self.subjects(verb) if a[0].type in (Kind.PERSON, Kind.ORGANIZATION)]
            # named, not "co-founded the company": which company a description means is a guess
            companies = [a for o in verb.children if o.dep_ == "dobj" and o.pos_ == "PROPN"
                         for a in self.args(o) if a[0].type == Kind.ORGANIZATION]
        elif active:
            return
        else:
            companies = [a for a in self.subjects(verb) if a[0].type == Kind.ORGANIZATION]
            if not companies and verb.dep_ == "acl" and verb.head.dep_ == "appos":
                companies = [a for a in self.args(verb.head.head) if a[0].type == Kind.ORGANIZATION]
        if verb.lemma_.lower() in ("found", "co-found", "establish"):
            for f in founders:
                for c in companies:
                    if f[0].id != c[0].id:
                        self.add(f, "launched", c, verb, "verb:founded-by", 0.8, (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY),
                                 (Kind.ORGANIZATION,))
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for pobj in prep.children:
                # "in 2016", "in October 2021", "at the end of 2015" (NER often calls a bare year CARDINAL)
                dated = [t for t in pobj.subtree if t.ent_type_ == "DATE" or re.fullmatch(r"(?:19|20)\d\d", t.text)]
                date = parse_date(" ".join(t.text for t in pobj.subtree)) if dated else None
                if date is None or not date.date:
                    continue
                if verb.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
                    continue
                # "Stellantis, the group created in 2021,": the name the described noun stands beside
                for s in companies:
                    self.add(s, "founded", date, verb, "verb:founded-in", 0.8, (Kind.ORGANIZATION,), ANY)

    def shareholder_rule(self, verb: Token) -> None:
        """'X is Y's largest shareholder' -> investsIn(X, Y)."""
        for attr in (c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in _HOLDER_NOUNS):
            held = [a for c in attr.children if c.dep_ == "poss" for a in self.args(c)]
            held += [a for c in attr.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                     for g in c.children if g.dep_ == "pobj" for a in self.args(g)]
            for s in self.subjects(verb):
                for h in held:
                    if s[0].type in BODY and h[0].type == Kind.ORGANIZATION and s[0].id != h[0].id:
                        self.add(s, "investsIn", h, verb, "copula:shareholder", 0.8, BODY, (Kind.ORGANIZATION,))

    def holders_listed_rule(self, verb: Token) -> None:
        """'Acme counts A and B among its shareholders', 'Acme's investors include A and B':
        each listed holder invests in the company."""
        lemma = verb.lemma_.lower()
        if lemma == "count":
            holders = [a for o in verb.children if o.dep_ == "dobj" for a in self.args(o)]
            owned = self.subjects(verb) if any(p.dep_ == "prep" and p.lower_ == "among" and any(
                g.lemma_.lower() in _HOLDER_NOUNS for g in p.children) for p in verb.children) else []
        elif lemma == "include":
            nouns = [n for n in verb.children if n.dep_ == "nsubj" and n.lemma_.lower() in _HOLDER_NOUNS]
            owned = [a for n in nouns for c in n.children if c.dep_ == "poss" for a in self.args(c)]
            holders = [a for o in verb.children if o.dep_ == "dobj" for a in self.args(o)]
        else:
            return
        for h in holders:
            for o in owned:
                if h[0].id != o[0].id:
                    self.add(h, "investsIn", o, verb, "verb:holders-listed", 0.75, BODY, (Kind.ORGANIZATION,))

    def operator_rule(self, verb: Token) -> None:
        """'the plant, run by X', 'Operated by X, the mine ...', 'the plant is managed by X':
        the works is part of the company that runs it."""
        # "by the local unit X": the name in apposition to the describing noun
        operators = [a for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                     for n in (p, *(g for g in p.children if g.dep_ == "appos")) for a in self.args(n)
                     if a[0].type == Kind.ORGANIZATION]
        clause = verb.head if verb.dep_ == "advcl" else verb  # "Run by X, the plant will ..."
        sites = [self.facility_at(verb.head)] if verb.dep_ in ("acl", "relcl") else [
            self.facility_at(c) for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        for site in (s for s in sites if s is not None):
            for operator in operators:
                self.add(site, "partOf", operator, verb, "verb:run-by", 0.75, (Kind.PLACE,), (Kind.ORGANIZATION,))

    def stake_rule(self, verb: Token, objects: list[Token]) -> None:
        """'X holds a 21 percent stake in Y', 'X owns 21 percent of Y' -> investsIn(X, Y)."""
        if verb.tag_ == "VBN" and verb.lemma_.lower() == "own":
            # "Y, which is 67 percent owned by X," -> investsIn(X, Y); wholly owned -> partOf(Y, X)
            owners = [a for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                      for a in self.args(p)]
            part = any(t.lower_ in ("percent", "%", "partly", "partially", "jointly", "majority", "minority")
                       for t in verb.subtree if t.i < verb.i)
            for owner in owners:
                for owned in self.subjects(verb):
                    if owned[0].id != owner[0].id:
                        if part:
                            self.add(owner, "investsIn", owned, verb, "verb:owned-by-part", 0.8, BODY, (Kind.ORGANIZATION,))
                        elif owned[0].type == Kind.ORGANIZATION or self.is_facility(owned[0]):
                            self.add(owned, "partOf", owner, verb, "verb:owned-by", 0.75, (Kind.ORGANIZATION, Kind.PLACE), BODY)
            return
        targets: list[tuple[Cluster, Token]] = []
        for o in objects:
            lemma = o.lemma_.lower()
            if lemma in ("stake", "share", "interest"):
                preps = [c for c in [*o.children, *verb.children] if c.dep_ == "prep" and c.lower_ == "in"]
            elif lemma in ("percent", "%") or o.lower_ == "%" or lemma in _FRACTIONS and verb.lemma_.lower() in (
                    "own", "hold", "control", "acquire", "buy"):
                # "owns 21 percent of Y", "owns about a fifth of Y"
                preps = [c for c in o.children if c.dep_ == "prep" and c.lower_ == "of"]
            else:
                continue
            targets += [a for p in preps for g in p.children if g.dep_ == "pobj" for a in self.args(g)]
        # "A agreed to sell a 49% stake in Y to B": the buyer invests, the seller does not
        buyers = [a for w in [*verb.children, *(c for o in objects for c in o.children)] if w.dep_ == "prep"
                  and w.lower_ == "to" for g in w.children if g.dep_ == "pobj" for a in self.args(g)
                  if a[0].type in BODY] if verb.lemma_.lower() == "sell" else None
        for t in targets:
            if t[0].type in (Kind.CITY, Kind.PLACE, Kind.PERSON) and not self.gaz.city(t[0].label) \
                    and not self.gaz.country(t[0].label) and len(t[0].mentions) == sum(
                        m.kind == "name" for m in t[0].mentions):
                # a stake is held in a company: a name NER took for an unknown town or a person
                t[0].type = Kind.ORGANIZATION
            for s in self.subjects(verb) if buyers is None else buyers:
                if s[0].id != t[0].id:
                    self.add(s, "investsIn", t, verb, "verb:stake-in", 0.8, BODY, (Kind.ORGANIZATION, Kind.PLACE)
                             if self.is_facility(t[0]) else (Kind.ORGANIZATION,))

    def owned_site_rule(self, noun: Token) -> None:
        """'Acme's factory in Fremont' -> hasFacilityIn(Acme, Fremont)."""
        owners = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
        owners = [o for o in owners if o[0].type == Kind.ORGANIZATION]
        if not owners:
            return
        for place in self.site_places(noun):
            for owner in owners:
                self.add(owner, "hasFacilityIn", place, noun, "facility:possessive-place", 0.75,
                         (Kind.ORGANIZATION,), PLACE)

    def site_places(self, noun: Token, verb: Token | None = None) -> list[tuple[Cluster, Token]]:
        """The places a works phrase puts its works in, every one of a list: 'plants in
        Lordstown, Ohio, and Lansing, Michigan', 'two plants in Europe, in Germany and Hungary'
        (the second phrase hangs off the verb or the region)."""
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
        if verb is not None:
            preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > noun.i]
        preps += [g for p in preps for o in p.children if o.dep_ == "pobj" for g in o.children
                  if g.dep_ == "prep" and g.lower_ == "in"]
        found = self.prep_places(preps, ("in", "at"))
        # "Lordstown, Ohio, and Lansing, Michigan": the next town hangs off the first one's state
        found += [a for p in preps for o in p.children if o.dep_ == "pobj" for ap in o.children if ap.dep_ == "appos"
                  for cj in ap.conjuncts for a in self.place_args(cj)]
        # a town's state in apposition ("Lordstown, Ohio") only says where the town is
        towns = {f[1].i for f in found}
        seen: set[int] = set()
        return [f for f in found if f[0].label not in CONTINENTS and not (f[1].dep_ == "appos" and f[1].head.i in towns)
                and not (f[0].id in seen or seen.add(f[0].id))]

    def facility_place_rule(self, trigger: Token, obj: Token) -> None:
        """'invest in a plant in Manisa' -> hasFacilityIn(investor, Manisa); 'operates plants in P and Q',
        'has operations in P' -> hasFacilityIn(operator, P), hasFacilityIn(operator, Q)."""
        if obj.lemma_.lower() not in FACILITY_NOUNS | {"operation", "site"}:
            return
        for place in self.site_places(obj, trigger if obj.tag_ == "NNS" and obj.dep_ == "dobj" else None):
            for s in self.subjects(trigger):
                rule = "facility:invest-in-plant" if trigger.lemma_.lower() == "invest" else "facility:has-plant-in"
                self.add(s, "hasFacilityIn", place, trigger, rule, 0.7, BODY, PLACE)
