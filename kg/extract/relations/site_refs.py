"""Which plant a clause speaks of when it does not name one: the one the sentence before is
about, the one named last, the one a relative clause or an amount hangs from."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.lexicon import FACILITY_NOUNS
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import CONSTRUCTION, PHASE_NOUNS, SPEND_VERBS
from kg.model import Kind


# Nouns of what a works costs ("the cost of the plant", "total investment").
COST_NOUNS = frozenset({"investment", "cost", "value", "price", "capex"})


class SiteReferences(FinderBase):
    """Which plant a clause speaks of when it does not name one."""

    def previous_subject_site(self, verb: Token) -> tuple[Cluster, Token] | None:
        """The plant the previous sentence is about, when it is its subject."""
        start = verb.sent.start
        if start == 0:
            return None
        root = self.doc[start - 1].sent.root
        # "The factory will produce N, the ministry said": the reported clause's subject
        clauses = [root, *(c for c in root.children if c.dep_ == "ccomp")]
        return next((s for v in clauses for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                     for s in [self.facility_at(c)] if s), None)

    def latest_site(self, before: int) -> tuple[Cluster, Token] | None:
        """The plant named last before a sentence start, within the three sentences before it."""
        # walk back sentence by sentence: listing every sentence before would make long stories quadratic
        end = before
        for _ in range(3):
            if end <= 0:
                break
            sent = self.doc[end - 1].sent
            for tok in reversed(self.doc[sent.start : end]):
                site = self.facility_at(tok)
                if site is not None:
                    return site
            end = sent.start
        return None

    def relative_site(self, clause: Token) -> tuple[Cluster, Token] | None:
        """'a plant in Antofagasta, which will make N': the parser hangs the relative clause
        from the town, but the town's phrase belongs to the plant the clause is about."""
        place = clause.head
        if clause.dep_ == "relcl" and self.facility_at(place):
            return self.facility_at(place)  # "a plant that will recycle N"
        # "a factory in Jinhua, in Zhejiang province, which ...": up through the place phrases
        for _ in range(3):
            if clause.dep_ != "relcl" or place.dep_ not in ("pobj", "appos") or place.head.dep_ not in ("prep", "pobj"):
                return None
            up = place.head.head if place.dep_ == "pobj" else place.head
            site = self.facility_at(up)
            if up.pos_ in ("VERB", "AUX"):
                # "built at its factory in P, in Q province, which ...": the place phrase hangs off
                # the verb beside the plant's own
                site = next((f for p in up.children if p.dep_ == "prep" for g in p.children
                             if g.dep_ == "pobj" and g.i < clause.i for f in [self.facility_at(g)] if f), None)
                return site
            if site is not None:
                return site
            place = up if up.dep_ in ("pobj", "appos") else place.head
        return None

    def costed_site(self, cost: Token) -> tuple[Cluster, Token] | None:
        """The works an investment or cost noun is of ('the cost of the plant'); with no such
        phrase ('total investment is put at X'), the works the story has just spoken of."""
        preps = [p for p in cost.children if p.dep_ == "prep" and p.lower_ in ("in", "of", "for")]
        for prep in preps:
            site = next((s for g in prep.children for s in [self.facility_at(g)] if s), None)
            if site is not None:
                return site
        if preps or any(c.dep_ == "poss" for c in cost.children):
            return None  # "the cost of the deal", "its investment": not the works'
        return self.latest_site(cost.i)

    def funded_site(self, money_root: Token) -> tuple[Cluster, Token] | None:
        """The facility an amount pays for: a modifier of its noun ('a $2-billion plant'), or
        the object of the spending ('spend / invest / put $2 billion on / in / into the plant'),
        or the subject of 'cost'."""
        head = money_root.head
        if money_root.dep_ in ("nmod", "compound", "amod", "nummod") and head.lemma_.lower() in FACILITY_NOUNS | {
                "project", "mine", "operation"}:
            return self.facility_at(head)  # "the $780 million project", when it is a works of the story
        if money_root.dep_ == "npadvmod" and head.lower_ == "worth" and head.dep_ in ("amod", "acomp"):
            # "the project, worth 1.5 billion euros,"
            return self.facility_at(head.head)
        if money_root.dep_ == "appos" and any(c.lower_ == "worth" for c in money_root.children):
            return self.facility_at(head)  # the same, parsed as an apposition
        if money_root.dep_ == "pobj" and head.lower_ == "at" and head.head.lemma_.lower() in (
                "put", "estimate", "value", "peg", "set"):
            # "total investment in the plant is put at X", "put the cost of the plant at X"
            for cost in head.head.children:
                if cost.dep_ in ("nsubjpass", "dobj") and cost.lemma_.lower() in COST_NOUNS:
                    return self.costed_site(cost)
        if money_root.dep_ == "dobj" and head.lemma_.lower() in ("total", "reach", "amount", "exceed"):
            # "investment in the plant will total X", "total investment will reach X"
            return next((self.costed_site(c) for c in head.children if c.dep_ == "nsubj"
                         and c.lemma_.lower() in COST_NOUNS), None)
        cost = head.head if money_root.dep_ == "pobj" and head.lower_ == "of" else None
        if cost is not None and cost.lemma_.lower() in ("cost", "price", "investment") and cost.dep_ == "pobj" \
                and cost.head.lower_ in ("at", "with") and cost.head.head.lemma_.lower() in CONSTRUCTION:
            # "will build a plant in Ohio at a cost of about $1.5 billion", "... with an investment of X"
            return next((f for o in cost.head.head.children if o.dep_ == "dobj" for f in [self.facility_at(o)] if f), None)
        if cost is not None and cost.lemma_.lower() in ("investment", "outlay") and cost.dep_ == "dobj" \
                and cost.head.lemma_.lower() in ("require", "need", "involve", "entail", "call"):
            # "the plant will require an investment of $1.1 billion"
            return next((s for n in cost.head.children if n.dep_ == "nsubj" for s in [self.facility_at(n)] if s), None)
        if money_root.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in CONSTRUCTION \
                and head.head.tag_ == "VBN":
            # "the plant was built for $X", "a factory, which was built for $X in its first phase"
            built = head.head
            if built.dep_ == "relcl":
                return self.relative_site(built)
            return next((s for n in built.children if n.dep_ == "nsubjpass" for s in [self.facility_at(n)] if s), None)
        verb = next((t for t in [money_root, *money_root.ancestors][:3] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or money_root.dep_ not in ("dobj", "nsubjpass", "attr", "npadvmod"):
            return None
        if verb.lemma_.lower() == "cost":
            # "the plant cost $X", "the plant, which cost about $X,"
            return next((s for n in verb.children if n.dep_ == "nsubj" for s in [
                self.relative_site(verb) if n.lower_ in ("which", "that") and verb.dep_ == "relcl" else self.facility_at(n)]
                if s), None)
        if verb.lemma_.lower() in SPEND_VERBS:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "into", "on"):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and self.facility_at(pobj):
                            return self.facility_at(pobj)
                        # "invest $X in the first phase of the plant": the plant's investment
                        site = next((f for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of"
                                     for g in p.children for f in [self.facility_at(g)] if f), None) \
                            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in PHASE_NOUNS else None
                        if site is not None:
                            return site
            # "will spend $3.5 billion to build a battery plant in P": the plant it is for
            for purpose in verb.children:
                if purpose.dep_ in ("xcomp", "advcl") and purpose.lemma_.lower() in CONSTRUCTION:
                    # ("build a lithium iron phosphate (LFP) battery plant": the parser may
                    # make the plant an apposition of the first noun)
                    for o in (w for d in purpose.children if d.dep_ == "dobj"
                              for w in (d, *(a for a in d.children if a.dep_ == "appos"))):
                        if self.facility_at(o):
                            return self.facility_at(o)
        return None

    def placed_later(self, noun: Token, town: str) -> Cluster | None:
        """'Acme will build a plant in Hungary. The factory in Ivancsa will ...': a definite works
        phrase with a town is the story's one works placed only in a country so far; the works
        is named after the town from then on, as news names it."""
        if not any(t.lower_ == "the" for t in noun.lefts):
            return None
        found = []
        for c in self.res.clusters.values():
            if not self.is_facility(c) or not any(m.start < noun.i for m in c.mentions):
                continue
            places = [self.res.clusters[f.o] for f in self.facts if f.p == "locatedIn" and f.s == c.id and isinstance(f.o, int)]
            if places and all(p.type == Kind.COUNTRY for p in places) and places[0].label in c.label:
                found.append((c, places[0].label))
        if len(found) != 1:
            return None
        site, country = found[0]
        self.renamed_sites[site.id] = (country, town)  # renamed once the rules are done
        return site
