"""Places named after prepositions: towns, states, estates and areas that stand for them."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.lexicon import AREA_NOUNS, EDGE_NOUNS, ESTATE_NOUNS, SUBDIVISION_NOUNS
from kg.extract.relations.lexicon import PLACE
from kg.extract.spans import Mention
from kg.model import Kind

# Plots a works is put on ("a greenfield site near P", "200 acres of land in P").
LAND_NOUNS = frozenset({"site", "land", "plot", "parcel", "acre", "hectare"})


class PlaceArgs:
    """The place arguments of prepositions, for the finders (mixed into FinderBase)."""

    def prep_places(self, tokens: Iterable[Token], words: tuple[str, ...] = ("in", "at", "near", "on")
                    ) -> list[tuple[Cluster, Token]]:
        """Places named after the place prepositions among tokens: 'a plant in Gdansk' -> Gdansk."""
        return [a for p in tokens if p.dep_ == "prep" and p.lower_ in words
                for g in p.children if g.dep_ == "pobj" for a in self.place_args(g)]

    def place_args(self, pobj: Token) -> list[tuple[Cluster, Token]]:
        """Places a preposition's object names: 'Gdansk', 'Hidalgo state', 'the city of Gdansk'."""
        found = [a for a in self.args(pobj) if a[0].type in PLACE]
        if found:
            return found
        if pobj.lemma_.lower() in ESTATE_NOUNS | LAND_NOUNS and self.cluster(pobj) is None:
            # "an industrial zone in P", "the P free economic zone", "a greenfield site near P",
            # "the Lordstown area of Ohio": the estate's place
            named = [a for t in pobj.subtree if t.i < pobj.i and t.dep_ in ("compound", "npadvmod", "nmod")
                     for a in self.args(t) if a[0].type in PLACE]
            return named[:1] or [a for c in pobj.children if c.dep_ == "prep" and c.lower_ in (
                "in", "near", "outside", "of") for g in c.children if g.dep_ == "pobj" for a in self.place_args(g)][:1]
        if pobj.lemma_.lower() in EDGE_NOUNS or pobj.lower_ in EDGE_NOUNS:
            return [a for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj" for a in self.place_args(g)][:1]
        if pobj.lemma_.lower() in AREA_NOUNS:
            for c in pobj.children:
                if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == pobj.i - 1:
                    for a in self.args(c):
                        if a[0].type == Kind.CITY and pobj.lemma_.lower() in SUBDIVISION_NOUNS:
                            # "Hidalgo state" is the state, not a homonymous city.
                            m = Mention(c.i, c.i + 1, c.text, Kind.REGION, "name", c.text)
                            a = (self.new_cluster(m), c)
                        if a[0].type in PLACE:
                            found.append(a)
                if c.dep_ == "prep" and c.lower_ == "of":
                    named = [a for g in c.children if g.dep_ == "pobj" for a in self.args(g) if a[0].type in PLACE]
                    if named:
                        return named  # "the U.S. state of Georgia": Georgia, not the country around it
        return found

    @staticmethod
    def most_specific(places: list[tuple[Cluster, Token]]) -> tuple[Cluster, Token] | None:
        """The place that names a works among several ('a plant in Zaragoza, in northeastern
        Spain'): a town, else a region, else any place, else the last one given."""
        return next((f for kind in (Kind.CITY, Kind.REGION, Kind.PLACE) for f in places if f[0].type == kind),
                    places[-1] if places else None)
