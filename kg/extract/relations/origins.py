"""Where goods come from: 'Chinese EVs', 'Chinese-made cars', 'vehicles made in China'."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.relations.base import FinderBase
from kg.model import Kind


class OriginRules(FinderBase):
    """Where goods come from, for tariffs on them and trade in them."""

    def origins(self, goods: Token) -> list[tuple[Cluster, Token]]:
        """Countries goods come from: 'Chinese EVs', 'vehicles made in China', 'imports from X'."""
        out = []
        for t in goods.subtree:
            c = self.cluster(t)
            if c is None or c.type != Kind.COUNTRY:
                continue
            if t.head == goods and t.dep_ in ("amod", "compound", "nmod"):
                out.append((c, t))
            elif t.dep_ == "npadvmod" and t.head.lemma_.lower() in ("make", "build", "produce") and t.head.head == goods:
                out.append((c, t))  # "Chinese-made electric vehicles"
            elif t.dep_ == "pobj" and t.head.lower_ in ("in", "from") and t.head.head.lemma_.lower() in (
                "make", "build", "produce", "manufacture", "import", "vehicle", "car", "ev", "good", "product"):
                out.append((c, t))
        return out
