"""Named works: mines, projects and plants that carry a name of their own ('the Olaroz
operation', 'the Jadar project', 'Northvolt Ett, the flagship gigafactory in Skellefteå')."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.lexicon import FACILITY_NOUNS
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import CONSTRUCTION, PLACE
from kg.extract.spans import Mention
from kg.model import Kind

# Head nouns of works that are named like places ("the Whabouchi mine", "the Mt. Holland site").
WORKS_NOUNS = FACILITY_NOUNS | {"mine", "project", "operation", "site", "smelter", "deposit", "dam"}
# Kinds of works that end a name of their own ("the Belvidere Assembly Plant").
_TITLED_WORKS = frozenset({"plant", "factory", "gigafactory", "refinery", "mine", "smelter", "works"})
# Words of a works' description that are not part of its name.
_DESCRIBING = {"first", "second", "third", "new", "own", "flagship", "former", "planned", "proposed", "existing"}


class WorksRules(FinderBase):
    """Works with names of their own become facility entities, placed where the text says."""

    def name_works(self) -> None:
        """'the Fénix brine operation at the Salar del Hombre Muerto', 'the Jadar project in
        Serbia', 'Northvolt Labs, the research site in Västerås', 'a brine project, Sal de Vida'."""
        for tok in self.doc:
            if tok.lower_ in _TITLED_WORKS and tok.text[:1].isupper() and tok.pos_ == "PROPN":
                site = self.titled_works(tok)
            elif tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in WORKS_NOUNS:
                continue
            else:
                site = self.compound_works(tok) or self.apposed_works(tok)
            if site is None:
                continue
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in CONSTRUCTION:
                # "Acme will build its Moravel mine": built, not merely owned
                for s in self.subjects(tok.head):
                    if s[0].type == Kind.ORGANIZATION:
                        self.add(s, "builds", (site, tok), tok.head, "works:builder", 0.8, (Kind.ORGANIZATION,), (Kind.PLACE,))
                continue
            owners = [a for c in tok.children if c.dep_ == "poss" for a in self.args(c)] or self.name_owner(site, tok)
            for o in owners:
                self.owned_sites.setdefault(site.id, []).append((o, tok))
            for place in self.prep_places(tok.children)[:1]:
                if place[0].id != site.id:
                    self.add((site, tok), "locatedIn", place, tok, "works:in-place", 0.8, (Kind.PLACE,), PLACE)

    def titled_works(self, noun: Token) -> Cluster | None:
        """'its Belvidere Assembly Plant', 'the Tarvo Copper Mine': a name NER took for a company
        that ends in the kind of works it is."""
        c = self.cluster(noun)
        m = next((m for m in c.mentions if m.kind == "name" and m.end == noun.i + 1), None) if c is not None else None
        if m is None or c.type != Kind.ORGANIZATION or m.end - m.start < 2:
            return None
        return self.works_cluster(m.start, m.end, m.text, {c.id})

    def compound_works(self, noun: Token) -> Cluster | None:
        """'the Pampa Blanca iodine operation': a name of its own before the kind of works."""
        owner = {t.i for c in noun.children if c.dep_ in ("det", "poss", "predet") for t in c.subtree}
        mods = [t for t in noun.subtree if t.i < noun.i and t.i not in owner
                and not (t.dep_ == "amod" and t.lower_ in _DESCRIBING)]
        if not mods or any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in noun.lefts):
            return None  # "a Rivane factory": some plant of Rivane's, not one named so
        start = mods[0].i
        span = self.doc[start : noun.i + 1]
        first = span[0]
        if not first.text[:1].isupper() or first.is_sent_start or first.pos_ not in ("PROPN", "ADJ", "NOUN") \
                or any(t.dep_ in ("det", "poss") for t in span[1:]):
            return None
        if first.ent_type_ in ("ORDINAL", "CARDINAL", "DATE", "MONEY", "PERCENT") or self.gaz.demonym(first.text):
            return None  # "the Chinese plant": a nationality is no name
        named = {self.res.token_cluster.get(t.i) for t in span} - {None}
        if any(not self.only_here(self.res.clusters[c], span.start, span.end) for c in named):
            return None  # "the Acme plant", "the Ulsan plant": an owner or a town, named elsewhere too
        if any(self.res.clusters[c].type in (Kind.COUNTRY, Kind.CITY) or self.known_place(self.res.clusters[c].label)
               for c in named):
            return None  # "the Nevada operation": a state's works, not a works named Nevada
        if noun.lemma_.lower() in FACILITY_NOUNS and (first.pos_ != "PROPN" or any(t.ent_type_ in ("ORG", "GPE", "LOC") for t in span) or any(
                self.res.clusters[c].type != Kind.PERSON for c in named)):
            # "a Rivian factory", "the Hansalpur plant": a plant is named from its owner and town
            # (sites.py); only a name of its own ("the Belvidere Assembly Plant") is one here
            return None
        # "the Fénix brine operation", "the Galaxy hard-rock project": what a mine or project
        # digs or processes is no part of its name (the Fénix operation)
        label = span.text
        if noun.lemma_.lower() in ("mine", "operation", "project", "deposit"):
            last = max(t.i for t in span[:-1] if t.text[:1].isupper() or t.like_num)
            label = " ".join([self.doc[span.start : last + 1].text, noun.text])
        return self.works_cluster(span.start, span.end, label, named)

    def apposed_works(self, noun: Token) -> Cluster | None:
        """'Northvolt Ett, the flagship gigafactory in P' and 'a brine project, Sal de Vida':
        a name set beside the works' description."""
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            name = noun.head
        else:
            name = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is None or not any(t.dep_ in ("det", "poss") for t in noun.lefts):
            return None
        cid = self.res.token_cluster.get(name.i)
        c = self.res.clusters.get(cid) if cid is not None else None
        if c is None or c.type not in (Kind.PERSON, Kind.ORGANIZATION, Kind.PLACE, Kind.REGION) or self.is_facility(c):
            return None
        if c.type == Kind.ORGANIZATION and any(m.kind != "name" for m in c.mentions):
            return None  # "Acme, the company's new plant"?: an organisation the story refers back to
        first = min(m.start for m in c.mentions)
        last = max(m.end for m in c.mentions)
        if not self.only_here(c, first, last) or len({m.text for m in c.mentions}) > 1:
            return None
        m = next(x for x in c.mentions if x.start <= name.i < x.end)
        site = self.works_cluster(m.start, m.end, c.label, {c.id})
        # the description is the same works ("the flagship gigafactory"), no second one
        start = min([t.i for t in noun.lefts] + [noun.i])
        site.mentions.append(Mention(start, noun.i + 1, self.doc[start : noun.i + 1].text, Kind.PLACE,
                                     "description", cluster=site.id))
        for i in range(start, noun.i + 1):
            self.res.token_cluster.setdefault(i, site.id)
        return site

    def name_owner(self, site: Cluster, tok: Token) -> list[tuple[Cluster, Token]]:
        """'Northvolt Ett' is Northvolt's: a company whose name begins the works' name."""
        for c in self.res.clusters.values():
            if c.type == Kind.ORGANIZATION and c.id != site.id and any(
                    site.label.startswith(m.text + " ") for m in c.mentions if m.kind == "name"):
                return [(c, tok)]
        return []

    def known_place(self, text: str) -> bool:
        """Whether the gazetteer knows a name as a country, state or region (not as a town:
        some town somewhere shares the name of many a mine)."""
        return any(f(text) for f in (self.gaz.country, self.gaz.us_state, self.gaz.subdivision, self.gaz.region))

    def only_here(self, c: Cluster, start: int, end: int) -> bool:
        """Whether every mention of an entity lies in this phrase or names it the same way
        (a works named twice keeps its name; a company named elsewhere is an owner)."""
        inside = [m for m in c.mentions if start <= m.start and m.end <= end]
        return bool(inside) and all(m.text == inside[0].text for m in c.mentions)

    def works_cluster(self, start: int, end: int, label: str, named: set[int]) -> Cluster:
        """The named entities of the phrase become one facility, with the phrase as its name."""
        m = Mention(start, end, self.doc[start:end].text, Kind.PLACE, "facility", label)
        if not named:
            return self.new_cluster(m)
        keep = self.res.clusters[min(named)]
        keep.type, keep.label = Kind.PLACE, label
        m.cluster = keep.id
        keep.mentions.append(m)
        keep.reasons.setdefault(m.text, "a works named in the text")
        for other in named - {keep.id}:
            gone = self.res.clusters.pop(other)
            keep.mentions.extend(gone.mentions)
        for i in range(start, end):
            self.res.token_cluster[i] = keep.id
        for i, cid in list(self.res.token_cluster.items()):
            if cid in named:
                self.res.token_cluster[i] = keep.id
        return keep
