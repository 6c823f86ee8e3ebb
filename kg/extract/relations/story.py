"""What a story is about when a sentence does not say: its company, its country, the state a
speaker speaks for, the ministry named last."""

from __future__ import annotations

import re

from kg.extract.coref import Cluster
from kg.extract.lexicon import PORTFOLIO_WORDS, TITLE_WORDS
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import SPEECH_VERBS
from kg.model import Kind


class StoryContext(FinderBase):
    """What a story is about when a sentence does not say it."""

    def spoken_for_state(self, i: int) -> str | None:
        """The state a speaker's reported clause is about ('Canada will impose X, minister Y
        said'): the one country that is that clause's subject, itself or as its government
        ('the government will cut tariffs' in a story where 'the government' is a state's)."""
        if i >= len(self.doc):
            return None
        name = self.doc[i]
        while name.dep_ == "compound" and name.head != name:
            name = name.head
        verb = name.head
        if name.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS:
            return None
        states = {c.label.removeprefix("Government of ").removeprefix("the ") for clause in verb.children
                  if clause.dep_ == "ccomp" for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                  for c in [a[0] for a in self.args(s)][:1]
                  if c.type == Kind.COUNTRY or c.label.startswith("Government of ")}
        return states.pop() if len(states) == 1 else None

    def story_company(self, before: int) -> Cluster | None:
        """The company a bare company title belongs to: the one company of the paragraph so far,
        else, when the paragraph names none, the one the story is about."""
        para = before
        while para > 0 and "\n" not in self.doc[para - 1].whitespace_ + self.doc[para - 1].text:
            para -= 1
        near = {c.id: c for t in self.doc[para:before] for c in [self.cluster(t)]
                if c is not None and c.type == Kind.ORGANIZATION}
        return next(iter(near.values())) if len(near) == 1 else self.doc_org() if not near else None

    def doc_org(self) -> Cluster | None:
        """The company a story is about: named clearly more often than any other (or None)."""
        if not hasattr(self, "_doc_org"):
            counts = sorted(((sum(m.kind in ("name", "pronoun", "description") for m in c.mentions), c.id)
                             for c in self.res.clusters.values() if c.type == Kind.ORGANIZATION), reverse=True)
            top = counts[0] if counts else (0, None)
            second = counts[1][0] if len(counts) > 1 else 0
            self._doc_org = self.res.clusters[top[1]] if top[0] >= 3 and top[0] >= 2 * second else None
        return self._doc_org

    def doc_country(self) -> str | None:
        """The country an article is about: named clearly more often than any other (or None)."""
        if not hasattr(self, "_doc_country"):
            counts = sorted(((len(c.mentions), c.label) for c in self.res.clusters.values()
                             if c.type == Kind.COUNTRY), reverse=True)
            top = counts[0] if counts else (0, None)
            second = counts[1][0] if len(counts) > 1 else 0
            self._doc_country = top[1] if top[0] >= 3 and top[0] >= 2 * second else None
        return self._doc_country

    def ministry_before(self, i: int) -> Cluster | None:
        """The ministry named last before a token ('Ministry of Energy of Kazakhstan')."""
        found = [(max(m.start for m in c.mentions if m.start < i), c) for c in self.res.clusters.values()
                 if c.type == Kind.ORGANIZATION and c.label.startswith("Ministry of") and any(m.start < i for m in c.mentions)]
        return max(found, key=lambda x: x[0])[1] if found else None

    def local_office(self, start: int, end: int) -> bool:
        """A title of a state's or province's government: 'Chief Minister', 'Governor',
        'Premier', or one the text calls the state's ('state Industries Minister')."""
        words = [t.lower_ for t in self.doc[start:end]]
        before = self.doc[start - 1].lower_ if start > 0 else ""
        if any(t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS | PORTFOLIO_WORDS
               and re.sub(r"ies$", "y", t.lower_).removesuffix("s") not in PORTFOLIO_WORDS for t in self.doc[start:end]):
            return False  # "South Jeolla Governor" names its province itself
        return bool(words) and ("chief" in words and words[-1] == "minister" or words[-1] in ("governor", "premier")
                                or before in ("state", "provincial") and words[-1] in ("minister", "secretary"))

    def doc_region(self) -> str | None:
        """The state or province a story is about: its only one, or one named clearly more
        often than any other."""
        counts = sorted(((len(c.mentions), c.label) for c in self.res.clusters.values()
                         if c.type in (Kind.REGION, Kind.PLACE) and not any(m.kind == "facility" for m in c.mentions)
                         and (self.gaz.subdivision(c.label) or self.gaz.us_state(c.label))), reverse=True)
        if len(counts) == 1 or len(counts) > 1 and counts[0][0] >= 2 * counts[1][0]:
            return counts[0][1]
        return None
