"""Relation rules over the dependency parse, one module per family of phrasings.

The trigger words and frames are data (`lexicon`); each family is a mixin of the finder:
verbal frames (`verbs`), takeovers, stakes and founders (`ownership`), facilities (`sites`), works listed by place (`site_lists`) and the plant a clause speaks of (`site_refs`), works named in the text (`works`), ventures, agreements and tariffs (`ventures`),
gatherings and who attended or opened what (`events`), titles and roles (`titles`, `counterparts`), appositions and descriptors (`appositions`), places
inside places (`located`), amounts (`amounts`) and figures without a subject (`figures`). Each rule names itself in the facts it yields.
"""

from __future__ import annotations

from kg.extract.relations.amounts import AmountRules
from kg.extract.relations.appositions import AppositionRules
from kg.extract.relations.base import Fact, FinderBase
from kg.extract.relations.counterparts import CounterpartRules
from kg.extract.relations.events import EventRules
from kg.extract.relations.figures import FigureRules
from kg.extract.relations.lexicon import MEMBERSHIP_VERBS
from kg.extract.relations.located import PlaceRules
from kg.extract.relations.origins import OriginRules
from kg.extract.relations.ownership import OwnershipRules
from kg.extract.relations.production import ProductionRules
from kg.extract.relations.site_lists import SiteLists
from kg.extract.relations.site_refs import SiteReferences
from kg.extract.relations.sites import SiteRules
from kg.extract.relations.story import StoryContext
from kg.extract.relations.titles import TitleRules
from kg.extract.relations.ventures import VentureRules
from kg.extract.relations.verbs import VerbRules
from kg.extract.relations.works import WorksRules

__all__ = ["Fact", "RelationFinder"]


class RelationFinder(VerbRules, ProductionRules, OwnershipRules, SiteRules, SiteLists, SiteReferences, WorksRules, VentureRules, EventRules, TitleRules, AppositionRules,
                     CounterpartRules, PlaceRules, AmountRules, FigureRules, OriginRules, StoryContext, FinderBase):
    """Apply the rules to one parsed document whose mentions are resolved."""

    def run(self) -> list[Fact]:
        """Apply every rule to every sentence."""
        self.type_events()
        # ventures first: a plant "the venture" builds is the venture's
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "NOUN" and (lemma == "venture" or lemma in ("consortium", "group") and any(
                    a.dep_ == "acl" and a.lemma_.lower() in MEMBERSHIP_VERBS for a in tok.children)):
                self.venture_rule(tok)
        self.name_works()
        self.link_facilities()
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX"):
                self.verb_rules(tok, lemma)
            if tok.pos_ == "NOUN":
                self.noun_rules(tok, lemma)
            if tok.lower_ in ("based", "headquartered") and tok.dep_ == "amod":
                self.based_rule(tok)
        self.event_rules()
        self.title_rules()
        self.counterpart_rules()
        self.envoy_rules()
        self.apposition_rules()
        self.descriptor_rules()
        self.place_rules()
        self.amount_rules()
        self.figure_rules()
        self.goods_of_works_rule()
        self.name_sites_by_town()
        self.owned_sites_part_of()
        self.regional_units()
        return self.facts
