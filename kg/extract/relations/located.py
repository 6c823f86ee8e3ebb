"""Places inside places: "Szeged, Hungary", "X, in northern Y", "the province of Y"."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import (
    CONTINENTS,
    PLACE,
)
from kg.extract.spans import Mention
from kg.model import Kind


# Nouns for a kind of place that describe a named one ("a city in P", "the X region of P").
_PLACE_KIND_NOUNS = frozenset("city town port province state region district county area".split())


class PlaceRules(FinderBase):
    """Places inside places: "Szeged, Hungary", "X, in northern Y", "the province of Y"."""

    def place_rules(self) -> None:
        """'Szeged, Hungary' and 'the Hungarian city of Szeged' -> locatedIn(Szeged, Hungary)."""
        for c in list(self.res.clusters.values()):
            if c.type not in (Kind.CITY, Kind.REGION, Kind.PLACE):
                continue
            for m in c.mentions:
                if m.kind != "name":
                    continue
                tok = self.doc[m.start]
                country = None
                if m.end + 1 < len(self.doc) and self.doc[m.end].text == ",":
                    nxt = self.doc[m.end + 1]
                    cc = self.cluster(nxt)
                    if cc is not None and cc.type == Kind.COUNTRY and nxt.dep_ == "appos":
                        country, rule = (cc, nxt), "appos:place-country"
                    elif cc is not None and cc.type in PLACE and cc.id != c.id and self.holds_place(m, nxt, cc):
                        country, rule = (cc, nxt), "place:comma-place"
                if country is None:
                    # "Zaragoza, in northeastern Spain"; "Ningde in the eastern province of Fujian"
                    country, rule = self.place_in_place(tok), "place:in-place"
                    if country is None or country[0].id == c.id:
                        country = None
                head = tok.head if tok.dep_ == "compound" else tok
                if country is None and head.dep_ == "pobj" and head.head.lower_ == "of":
                    noun = head.head.head  # "the Hungarian city of Szeged"
                    if noun.lemma_.lower() in ("city", "town", "province", "state", "region", "port"):
                        for a in noun.children:
                            name = self.gaz.demonym(a.text) if a.dep_ == "amod" else None
                            cc = self.cluster(a)
                            if name and cc is not None and cc.type == Kind.COUNTRY:
                                country, rule = (cc, a), "place:demonym-city-of"
                if country is not None and country[0].id != c.id and self.may_contain(country[0], c):
                    self.add((c, tok), "locatedIn", country, tok, rule, 0.85, PLACE, PLACE)

    def may_contain(self, outer: Cluster, inner: Cluster) -> bool:
        """A country holds towns and regions, never another country or a continent."""
        if inner.label in CONTINENTS or inner.type == Kind.COUNTRY:
            return False
        return not (outer.type == Kind.CITY and inner.type in (Kind.REGION, Kind.COUNTRY))

    def holds_place(self, m: Mention, nxt: Token, outer: Cluster) -> bool:
        """Whether 'A, B' names a place within a place rather than two items of a list."""
        end = max(i for i, cid in self.res.token_cluster.items() if cid == outer.id and i >= nxt.i
                  and all(self.res.token_cluster.get(j) == outer.id for j in range(nxt.i, i + 1))) + 1
        after = self.doc[end : end + 2]
        if len(after) and after[0].tag_ == "POS":
            return False  # "UzAuto, Uzbekistan's largest carmaker": B owns what follows
        if outer.type != Kind.COUNTRY and (self.gaz.us_state(m.text) or self.gaz.subdivision(m.text)
                                           and not self.gaz.city(m.text)):
            return False  # "plants in Ohio, Tennessee and Michigan": states side by side
        if outer.type == Kind.COUNTRY or self.gaz.us_state(outer.label) or self.gaz.subdivision(outer.label):
            return True
        before = self.doc[max(0, m.start - 2) : m.start]
        listed = any(t.lower_ in (",", "and", "or") for t in after[:1]) and any(
            (self.cluster(t) is not None and self.cluster(t).type in PLACE) or t.pos_ == "PROPN" for t in after[1:])
        listed |= any(t.lower_ in (",", "and") for t in before[-1:]) and any(
            self.cluster(t) is not None and self.cluster(t).type in PLACE for t in before)
        return not listed

    def place_in_place(self, tok: Token) -> tuple[Cluster, Token] | None:
        """The larger place a place is said to be in: 'X, in (northern) Y', 'X in the province of Y'."""
        preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "in"]
        # "Jinhua, a city in Zhejiang province": the place phrase of the describing noun
        preps += [p for a in tok.children if a.dep_ == "appos" and a.lemma_.lower() in _PLACE_KIND_NOUNS
                  for p in a.children if p.dep_ == "prep" and p.lower_ == "in"]
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in _PLACE_KIND_NOUNS:
            # "the Pilbara region of Western Australia"
            found = [a for of in tok.head.children if of.dep_ == "prep" and of.lower_ == "of"
                     for g in of.children if g.dep_ == "pobj" for a in self.args(g) if a[0].type in PLACE]
            if found:
                return found[0]
        start, end = self.mention_span(tok)
        if end + 1 < len(self.doc) and self.doc[end].text == "," and self.doc[end + 1].lower_ == "in":
            preps.append(self.doc[end + 1])  # "Zaragoza, in northeastern Spain" wherever it attaches
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                # "in China's Anhui province": the province its name gives, not the country before it
                found = [a for a in self.place_args(pobj) if a[0].type in (Kind.COUNTRY, Kind.REGION, Kind.PLACE)]
                if not found and pobj.lemma_.lower() in ("province", "state", "region", "department",
                                                         "county", "prefecture"):
                    found = [a for of in pobj.children if of.dep_ == "prep" and of.lower_ == "of"
                             for g in of.children if g.dep_ == "pobj" for a in self.args(g)
                             if a[0].type in PLACE]
                if found:
                    return found[0]
        return None
