"""Works a sentence lists by place: "a plant near Lyon, and another near Kiel", "two
complexes, one at Uyuni and another at Coipasa": one facility per place."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.facilities import facility_mention
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import BODY, PLACE
from kg.extract.spans import Mention
from kg.model import Kind

# Words that stand for one more works of the kind just named.
_MEMBERS = frozenset({"one", "another", "other", "second"})


class SiteLists(FinderBase):
    """One facility per place a sentence lists for the works a verb builds."""

    def listed_sites(self, trigger: Token, obj: Token, rule: str) -> None:
        """'is building a plant near Lyon, and another near Kiel', 'will build two plants, one
        in Lyon and another in Kiel': each member with its own place is a works of its own."""
        # "a plant near A, and another near B": the parser joins "another" to the verb, the
        # plant or the last place; it stands alone, with no other verb between
        members = [c for c in obj.conjuncts if c.i > obj.i and c.lower_ in _MEMBERS]
        members += [t for t in self.doc[obj.i + 1 : obj.sent.end] if t.lower_ == "another" and t.dep_ == "conj"
                    and t not in members and not any(v.pos_ == "VERB" for v in self.doc[obj.i : t.i])]
        members += [m for a in obj.children if a.dep_ == "appos" and a.lower_ in _MEMBERS
                    for m in (a, *(c for c in a.conjuncts if c.lower_ in _MEMBERS))]
        if not members:
            return
        subs = [s for s in self.subjects(trigger) if s[0].type in BODY]
        names = self.site_owners([s for s in subs if s[0].type == Kind.ORGANIZATION])
        for member in members:
            # "..., one at A and another at B": the last phrase may hang off the verb
            preps = [p for p in member.children if p.dep_ == "prep"] or [
                p for p in trigger.children if p.dep_ == "prep" and p.i == member.i + 1]
            places = [f[0] for p in preps if p.lower_ in ("in", "at", "near") for g in p.children
                      if g.dep_ == "pobj" for f in [self.place_args(g)] if f and f[0][0].type in PLACE]
            place = self.most_specific(places)
            if place is None or not names:
                continue
            kind = facility_mention(self.doc, obj, place[0].label, owners=names, city=self.place_text(place))
            if kind is None:
                continue
            label = kind.label.removesuffix("s") if obj.tag_ == "NNS" else kind.label  # "two plants" -> each "plant"
            site = (self.facility_cluster(Mention(member.i, member.i + 1, member.text, Kind.PLACE, "facility", label)),
                    member)
            for s in subs:
                self.add(s, "builds", site, trigger, f"{rule}:listed", 0.75, BODY, (Kind.PLACE,))
            self.add(site, "locatedIn", place, trigger, "facility:listed-place", 0.8, (Kind.PLACE,), PLACE)
            for s in subs:
                self.add(s, "hasFacilityIn", place, trigger, "facility:owner-place", 0.7, BODY, PLACE)
