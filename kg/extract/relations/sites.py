"""Facilities: plants named from owner and town, what they are built for, where they are."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.facilities import facility_mention
from kg.extract.lexicon import FACILITY_NOUNS, ORG_PREFIXES, ORG_SUFFIXES
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import (
    BODY,
    CONSTRUCTION,
    CONSTRUCTION_NOUNS,
    CONTINENTS,
    OPENING_VERBS,
    PHASE_NOUNS,
    PLACE,
    SITING_VERBS,
    SPEND_VERBS,
)
from kg.extract.spans import Mention
from kg.model import Kind

# Nouns that, bare and definite, refer back to a plant the story named ("the project will
# create 9,000 jobs"), though they name no plant themselves.
SITE_REFERENCES = frozenset({"project", "site"})
# Words that set a plant apart from the one a story is about ("the neighbouring plant").
_NOT_NEW = frozenset("first second third other neighbouring neighboring existing former".split())


class SiteRules(FinderBase):
    """Facilities: plants named from owner and town, what they are built for, where they are."""

    def link_facilities(self) -> None:
        """Create facility entities first, then point 'the plant' / 'the factory' to the latest.

        Facilities come from construction triggers ("X will build a battery plant in Y");
        a later definite facility noun with no place of its own refers to the last one.
        """
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and lemma in CONSTRUCTION and tok.dep_ == "relcl" and tok.tag_ != "VBN" \
                    and tok.head.lemma_.lower() in FACILITY_NOUNS and tok.head.pos_ == "NOUN" and not any(
                        c.dep_ == "dobj" and c.lower_ not in ("that", "which") for c in tok.children):
                # "a refinery (that) it is building at P": the works is what the clause builds
                self.build_rule(tok, tok.head, f"verb:{lemma}:facility")
            if tok.pos_ in ("VERB", "AUX") and lemma in CONSTRUCTION:
                for o in tok.children:
                    if o.dep_ == "dobj":
                        # "build an assembly plant in P and a battery plant next to it": each one
                        # "build a lithium iron phosphate (LFP) battery plant": the parser may
                        # make the plant an apposition of the first noun
                        misread = [c for c in o.children if c.dep_ == "appos" and c.i > o.i
                                   and c.lemma_.lower() in FACILITY_NOUNS and o.lemma_.lower() not in FACILITY_NOUNS
                                   and o.pos_ == "NOUN" and any(t.text == "(" for t in self.doc[o.i:c.i])]
                        for obj in (o, *(c for c in o.conjuncts if c.lemma_.lower() in FACILITY_NOUNS), *misread):
                            self.build_rule(tok, obj, f"verb:{lemma}:facility")
                        self.listed_sites(tok, o, f"verb:{lemma}:facility")
                if tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
                    # "a refinery built by X in P", "the plant will be built by X", "a plant to be
                    # built (that will be built) by X at its mine"
                    done = [tok.head] if tok.dep_ in ("acl", "relcl") else [c for c in tok.children if c.dep_ == "nsubjpass"]
                    for obj in (o for o in done if o.lemma_.lower() in FACILITY_NOUNS and o.pos_ == "NOUN"):
                        self.build_rule(tok, obj, f"verb:{lemma}:passive")
            elif tok.pos_ == "VERB" and lemma in SITING_VERBS | SPEND_VERBS:
                # "put its first factory in P": choosing where a plant goes is building it;
                # "spend $X on a new plant": so is paying for one
                sited = [o for o in tok.children if o.dep_ == "dobj" and o.lemma_.lower() in FACILITY_NOUNS
                         and lemma in SITING_VERBS and self.prep_places(c for c in tok.children if c.i > o.i)]
                paid = [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "in", "into")
                        for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in FACILITY_NOUNS
                        and lemma in SPEND_VERBS and any(t.lower_ in ("a", "an", "new") for t in g.lefts)]
                for obj in sited + paid:
                    self.build_rule(tok, obj, f"verb:{lemma}:facility")
            if tok.pos_ == "NOUN" and lemma in CONSTRUCTION_NOUNS:
                # "construction of its plant in P"
                for o in (g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"):
                    self.build_rule(tok, o, f"noun:{lemma}:facility")
        for tok in self.doc:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in FACILITY_NOUNS and self.cluster(tok) is None:
                self.site_rule(tok)
        facilities = sorted(
            (m.start, c) for c in self.res.clusters.values() for m in c.mentions if m.kind == "facility"
        )
        for tok in self.doc:
            if tok.i in self.res.token_cluster or tok.pos_ != "NOUN" or tok.tag_ != "NN":
                continue
            if tok.lemma_.lower() not in FACILITY_NOUNS and tok.lemma_.lower() not in SITE_REFERENCES:
                continue
            dets = [c for c in tok.children if c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")]
            # "the $780 million project": what it cost does not set it apart
            lefts = [t for t in tok.lefts if not all(x.ent_type_ == "MONEY" for x in t.subtree)]
            if tok.lemma_.lower() in SITE_REFERENCES and (len(lefts) != 1 or dets[:1] != lefts):
                continue  # only a bare "the project": "the Jadar project", "its lithium project" name others
            if not dets or any(c.dep_ == "prep" and c.lower_ in ("in", "at", "near") for c in tok.children):
                continue
            earlier = [c for start, c in facilities if start < tok.i]
            if not earlier:
                self.venture_site(tok)  # "The plant" of a story about one venture, before any other
                continue
            # the latest plant of the same kind of works ("the factory" is a plant, "the
            # complex" a complex), else the latest of any kind
            head = "plant" if tok.lemma_.lower() == "factory" else tok.lemma_.lower()
            same = [c for c in earlier if c.label.split()[-1].lower() == head]
            kind = {t.lower_ for t in tok.lefts if t.dep_ in ("compound", "amod")}
            fits = [c for c in same if kind and kind <= {w for x in c.mentions for w in x.text.lower().split()}
                    | set(c.label.lower().split())]
            same = fits or same  # "the assembly plant": the plant described as an assembly plant
            if tok.lemma_.lower() in SITE_REFERENCES:
                same = earlier[:1]  # "the project" is the story's first plant, the one it is about
            c = (same or earlier)[-1]
            start = min(d.i for d in dets)
            m = Mention(start, tok.i + 1, self.doc[start : tok.i + 1].text, c.type, "description", cluster=c.id)
            c.mentions.append(m)
            for i in range(start, tok.i + 1):
                self.res.token_cluster.setdefault(i, c.id)

    def name_sites_by_town(self) -> None:
        """A plant named before the story says where it is, or only its country ('The factory
        will be in Kassel') takes the town into its name once a fact places it."""
        for fact in self.facts:
            site = self.unplaced_sites.get(fact.s) if fact.p == "locatedIn" else None
            town = self.res.clusters.get(fact.o) if site is not None and isinstance(fact.o, int) else None
            if town is None or town.type != Kind.CITY:
                continue
            noun, owners, label = site
            m = facility_mention(self.doc, noun, None, owners=owners, city=town.label)
            if m is not None and owners and self.res.clusters[fact.s].label == label:
                self.res.clusters[fact.s].label = m.label
            del self.unplaced_sites[fact.s]
        for cid, (country, town) in self.renamed_sites.items():
            self.res.clusters[cid].label = self.res.clusters[cid].label.replace(country, town, 1)

    def place_text(self, place: tuple[Cluster, Token]) -> str:
        """A place as this article spells it ('Tanjung Malim', not the gazetteer's 'Tanjong'), and
        as a plant is named after it."""
        start, end = self.mention_span(place[1])
        text = self.doc[start:end].text if end > start else place[0].label
        text = text.split(",")[0].removeprefix("the ").strip()
        # a span cut short by a nested place ("Park of" in "Park of Debrecen") is the label
        text = place[0].label if place[0].label.startswith(text + " ") else text
        inner = re.search(r" of (.+)$", text)
        # "the Southern Industrial Park of Debrecen": the town names a plant
        text = inner.group(1) if inner and self.gaz.city(inner.group(1)) else text
        if self.is_facility(place[0]) and len(text.split()) > 1 and text.split()[-1].lower() in FACILITY_NOUNS | {
                "mine", "project", "operation", "site"}:
            text = text.rsplit(" ", 1)[0]  # "a plant at its Bikita mine": the Bikita plant
        return text

    def site_rule(self, noun: Token) -> None:
        """A plant with an owner or a place becomes an entity named from both: 'its cell plant
        in Karawang', 'Acme's Lyon factory', 'the plant of Acme in P', 'Acme runs a plant in P',
        'the Acme plant in P', 'its Polish factory'."""
        if noun.tag_ == "NNS" or noun.dep_ == "attr":
            # "plants in Europe" are many, not one site; "X will be Acme's first plant in P"
            # describes X, it does not name another plant
            return
        head = self.facility_at(noun.head) if noun.dep_ == "appos" else None
        if head is not None:
            # "its first factory, a car and battery complex in P": one site, described twice
            start = min([t.i for t in noun.lefts if t.dep_ == "det"] + [noun.i])
            head[0].mentions.append(Mention(start, noun.i + 1, self.doc[start : noun.i + 1].text, head[0].type,
                                            "description", cluster=head[0].id))
            for i in range(start, noun.i + 1):
                self.res.token_cluster.setdefault(i, head[0].id)
            return
        # the operator named inside the phrase first: "Volkswagen's PowerCo factory" is PowerCo's
        inner = [a for c in noun.lefts if c.dep_ in ("compound", "nmod", "amod") for a in self.args(c)]
        owned = [a for a in inner if a[1].dep_ != "amod"]  # "its European plant" is nobody's
        owned += [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
        owned += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" for a in self.args(p)]
        owned = [o for o in owned if o[0].type == Kind.ORGANIZATION]
        # "Acme's Ulsan complex": a town that NER took for a company names the place, not an owner
        misread_towns = [o for o in owned if len(owned) > 1 and o[1].dep_ == "compound" and self.gaz.city(o[0].label)]
        owned = [o for o in owned if o not in misread_towns]
        owners, builders, verb = list(owned), [], None
        if noun.dep_ in ("dobj", "pobj"):
            verb = noun.head if noun.dep_ == "dobj" else noun.head.head
            if verb.pos_ == "NOUN" and verb.lemma_.lower() in ("work", "construction", "ground"):
                verb = verb.head  # "started work on its plant"
        if verb is not None and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in (
                "have", "own", "operate", "run", "break", "inaugurate", "complete", "start", "open", "begin"):
            subs = [a for a in self.subjects(verb) if a[0].type == Kind.ORGANIZATION]
            owners = owners or subs
            # "has a gigafactory in P with Y": the partner owns it too
            owners += [a for w in [*noun.children, *verb.children] if w.dep_ == "prep" and w.lower_ == "with"
                       for g in w.children if g.dep_ == "pobj" for a in self.args(g)
                       if a[0].type == Kind.ORGANIZATION] if owners else []
            if verb.lemma_.lower() in ("break", "complete") or verb.lemma_.lower() in ("start", "begin") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ("work", "construction") for c in verb.children):
                builders = subs  # breaking ground on a plant, starting work on it: building it
        # "a plant in P", "its factory, a complex in P", "a plant covering 200 hectares in P"
        around = [noun, *(c for c in noun.children if c.dep_ == "appos" or c.dep_ == "acl" and c.tag_ in ("VBG", "VBN"))]
        # "the plant of Acme (AC) in P": the parser hangs the place off the owner of the of-phrase
        around += [o[1] for o in owned if o[1].dep_ == "pobj" and o[1].head.lower_ == "of" and o[1].head.head.i == noun.i]
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in PHASE_NOUNS:
            around.append(noun.head.head)  # "the first phase of its plant in P": the place hangs off the phase
        places = [p for t in around for p in self.prep_places(t.children) if p[0].label not in CONTINENTS]
        if not places and noun.dep_ != "conj":
            # "an EV assembly plant and a battery plant in Alliston": the place is both plants'
            places = [p for c in noun.conjuncts if c.i > noun.i and c.lemma_.lower() in FACILITY_NOUNS
                      for p in self.prep_places(c.children) if p[0].label not in CONTINENTS][:1]
        named_in = self.named_places(noun)
        if not owners:
            # the organisation the clause is about: "Acme will invest ... to build ... a plant in P"
            for anc in noun.ancestors:
                if anc.pos_ in ("VERB", "AUX"):
                    # (not a funder: "the Department of Energy will award $X to A to fund a plant")
                    owners = [a for a in self.subjects(anc) if a[0].type == Kind.ORGANIZATION
                              and not self.is_public_body(a[0])][:1]
                    if owners:
                        break
        # a plant is named after its town rather than the park or province it stands in
        town = next((p for p in [*named_in, *places] if p[0].type == Kind.CITY),
                    next((p for p in [*named_in, *places] if p[0].type != Kind.COUNTRY), None))
        country = next((p for p in [*named_in, *places] if p[0].type == Kind.COUNTRY), None)
        city = None
        if town is not None:
            city = self.place_text(town)
        venture = self.story_venture(noun) if not owners else None
        if venture is not None and (city or country):
            # in a story about one venture, a new "factory in P" that the story gives no one
            # else is the venture's
            unowned = facility_mention(self.doc, noun, None, city=city or country[0].label)
            if unowned is None or self.known_facility(unowned) is None:
                owners = [venture]
            else:
                venture = None
        else:
            venture = None
        if town is None and country is not None and owners and not self.ranked(noun):
            city = country[0].label  # "its plant in Hungary" -> "Acme Hungary plant"
        elif town is None and misread_towns:
            city = misread_towns[0][0].label
        if city is None and not (owned and any(t.dep_ == "poss" or t.lower_ == "the" for t in noun.lefts)):
            return  # a plant neither placed nor owned in the phrase ("a CATL factory") is no one site
        earlier = self.placed_later(noun, city) if town is not None and city and not owned and places else None
        if earlier is not None:
            # "The factory in Ivancsa" after "a plant in Hungary": that plant, now with its town
            start = min([t.i for t in noun.lefts if t.dep_ == "det"] + [noun.i])
            earlier.mentions.append(Mention(start, noun.i + 1, self.doc[start : noun.i + 1].text, earlier.type,
                                            "description", cluster=earlier.id))
            for i in range(start, noun.i + 1):
                self.res.token_cluster.setdefault(i, earlier.id)
            self.add((earlier, noun), "locatedIn", self.region_cluster(places[0][1], places[0][0]), noun,
                     "site:in-place", 0.8, (Kind.PLACE,), PLACE)
            return
        names = self.site_owners(owners)
        m = facility_mention(self.doc, noun, None, owners=names, city=city)
        if m is None:
            return
        fac = (self.facility_cluster(m), noun)
        if city is None and fac[0].label == m.label:
            self.unplaced_sites[fac[0].id] = (noun, names, m.label)
        if venture is not None:
            self.add(venture, "builds", fac, noun, "site:venture-plant", 0.7, BODY, (Kind.PLACE,))
        for place in places[:1]:
            self.add(fac, "locatedIn", self.region_cluster(place[1], place[0]), noun, "site:in-place", 0.8,
                     (Kind.PLACE,), PLACE)
        if not places and (town is not None or country is not None and owned):
            # "the Ulsan plant", "its Polish factory": in the town, or the country, it is named for
            # ("the Hungarian plant" with no owner in the phrase may be any plant there)
            self.add(fac, "locatedIn", town or country, noun, "site:named-place", 0.75, (Kind.PLACE,), PLACE)
        for b in builders:
            self.add(b, "builds", fac, verb, "site:builder", 0.8, BODY, (Kind.PLACE,))
            for place in places[:1]:
                # "broke ground on a plant in P": the builder has a works there, as "builds a plant in P" says
                self.add(b, "hasFacilityIn", self.region_cluster(place[1], place[0]), verb, "facility:owner-place", 0.7,
                         BODY, PLACE)

    def venture_site(self, noun: Token) -> None:
        """'The plant will make ...' in a story about one joint venture that has named no plant
        yet: the venture's plant, placed when the story says where it is."""
        venture = self.story_venture(noun) if self.cluster(noun) is None else None
        if venture is None or noun.lemma_.lower() not in FACILITY_NOUNS:
            return
        names = self.site_owners([venture])
        m = facility_mention(self.doc, noun, None, owners=names)
        if m is None:
            return
        fac = self.facility_cluster(m)
        self.unplaced_sites[fac.id] = (noun, names, m.label)
        self.add(venture, "builds", (fac, noun), noun, "site:venture-plant", 0.7, BODY, (Kind.PLACE,))

    def story_venture(self, noun: Token) -> tuple[Cluster, Token] | None:
        """The one joint venture a story has named or described before a plant noun, if it has
        exactly one and the plant is a new one: the plant of a story about a venture is the
        venture's, but not "the first plant" of several nor "the neighbouring (existing,
        former) plant"."""
        if any(t.ent_type_ == "ORDINAL" or t.lower_ in _NOT_NEW for t in noun.lefts):
            return None
        ids = {f.s for f in self.facts if f.p == "jointVentureOf" and isinstance(f.s, int)}
        found = [(m.start, c) for c in (self.res.clusters[i] for i in ids if i in self.res.clusters)
                 for m in [min(c.mentions, key=lambda m: m.start)] if m.start < noun.i]
        return (found[0][1], self.doc[found[0][0]]) if len(found) == 1 else None

    def named_places(self, noun: Token) -> list[tuple[Cluster, Token]]:
        """Places named inside a plant's phrase: 'the Ulsan plant', 'its Polish factory'; not
        'its European plant' (a continent is no site)."""
        return [a for c in noun.lefts if c.dep_ in ("compound", "nmod", "amod") for a in self.args(c)
                if a[0].type in PLACE and a[0].label not in CONTINENTS
                and (a[1].dep_ == "compound" or a[0].type == Kind.COUNTRY)]

    @staticmethod
    def ranked(noun: Token) -> bool:
        """'the first battery plant in P': an ordinal sets the plant apart within its country,
        and the phrase itself is how the story names it; 'its first plant in P' is still the
        owner's plant in P, and named so."""
        return any(t.ent_type_ == "ORDINAL" or t.lower_ in ("first", "second", "third") for t in noun.lefts) \
            and not any(t.dep_ == "poss" for t in noun.lefts)

    def site_owners(self, owners: list[tuple[Cluster, Token]]) -> list[str]:
        """The owners as a plant's name gives them, each once ('Acme-LGES Lyon plant' for Acme
        and LG Energy Solution (LGES))."""
        return [self.site_owner(c, tok) for c, tok in {c.id: (c, tok) for c, tok in owners}.values()]

    @staticmethod
    def strip_suffix(name: str) -> str:
        """'Hyundai Motor Company' -> 'Hyundai Motor': plant names drop the company's legal form."""
        words = name.split()
        while len(words) > 1 and words[-1].lower().rstrip(",") in ORG_SUFFIXES - {"group"}:
            words.pop()
        if len(words) > 1 and words[0] in ORG_PREFIXES:
            words.pop(0)  # "PT Acme Baterai" -> "Acme Baterai"
        return " ".join(words)

    def site_owner(self, c: Cluster, tok: Token) -> str:
        """An owner as plant names use it: the name as written, without 'Company' or 'Inc.'
        ('Hyundai Motor Company' -> 'Hyundai Motor Ulsan plant')."""
        # an unnamed venture's plant goes by its parents: "Acme-Bolt Lyon plant"
        name = self.holder_name(c, tok).removesuffix(" joint venture")
        forms = [m.text for m in c.mentions if m.kind == "name" and m.text[:1].isupper() and len(m.text) > 1]
        if forms and not c.label.endswith(" joint venture"):
            # the story's shortest name for it ("GM" for General Motors, "Hyundai" for Hyundai
            # Motor Company), as news and registries name plants
            name = min(forms, key=len)
        return self.strip_suffix(name)

    def owned_sites_part_of(self) -> None:
        """'its Belvidere Assembly Plant', "Pilbara's Pilgangoora operation": a site the story
        gives an owner, and does not have anyone build, is part of that owner."""
        built = {f.o for f in self.facts if f.p in ("builds", "launched")}
        for site_id, owners in self.owned_sites.items():
            site = self.res.clusters.get(site_id)
            if site is None or site_id in built or not self.is_facility(site):
                continue
            for owner, noun in owners[:1]:
                if self.is_public_body(owner[0]):
                    continue  # "the Energy Department earmarked $X to retool its plant": a funder's "its"
                if owner[0].type == Kind.ORGANIZATION and owner[0].id != site_id:
                    self.add((site, noun), "partOf", owner, noun, "site:owned", 0.7, (Kind.PLACE,), (Kind.ORGANIZATION,))

    def build_rule(self, trigger: Token, obj: Token, rule: str) -> None:
        """X builds a facility; the facility is located where the text says."""
        place = None
        place_arg = None
        preps = [c for c in obj.children if c.dep_ == "prep"]
        # "its first factory, in the city of P,": the place phrase in apposition.
        preps += [g for c in obj.children if c.dep_ == "appos" for g in c.children if g.dep_ == "prep"]
        # "a plant covering 221 hectares in P", "a plant, to be built in P"
        preps += [g for c in obj.children if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBG", "VBN", "VB")
                  and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
                  for g in c.children if g.dep_ == "prep"]
        if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("AUX", "VERB") and trigger.dep_ in ("nsubj", "nsubjpass"):
            # "construction of its factory, in the city of P, is on schedule"
            preps += [c for c in trigger.head.children if c.dep_ == "prep"]
        if trigger is obj and obj.dep_ == "dobj" and obj.head.pos_ == "VERB":
            # "Acme plans a plant in P": the place phrase hangs off the planning verb
            preps += [c for c in obj.head.children if c.dep_ == "prep" and c.i > obj.i]
        if trigger.pos_ == "NOUN":
            preps += [c for c in trigger.children if c.dep_ == "prep" and c.lower_ != "of"]
        if trigger.pos_ in ("VERB", "AUX"):
            # "build a plant in P": parsers attach the place phrase to the verb as often as to the noun
            preps += [c for c in trigger.children if c.dep_ == "prep" and c.i > obj.i]
        # "opened the plant of Acme (AC) in P": the owner the phrase names, with the place the
        # parser hangs off it
        of_owners = [(p, a) for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj" for a in self.args(p) if a[0].type == Kind.ORGANIZATION]
        preps += [g for p, _ in of_owners for g in p.children if g.dep_ == "prep"]
        # "a refinery built by X in P": the parser hangs the place off the builder's name
        preps += [g for c in trigger.children if c.dep_ == "agent" for p in c.children for g in p.children
                  if g.dep_ == "prep"]
        partners = [p for w in preps if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
        # "a plant with Y in P": the place phrase often hangs off the partner's name
        preps += [g for p in partners for g in p.children if g.dep_ == "prep"]
        found = [(f[0], prep.lower_) for prep in preps if prep.lower_ in ("in", "at", "near", "on") for pobj in prep.children
                 for f in [self.place_args(pobj)] if f and f[0][0].type in PLACE]
        # a continent is no site ("in Hungary, its first site in Europe"), nor a city it is near
        found = [f for f, w in found if f[0].label not in CONTINENTS and (w != "near" or all(
            x == "near" or g[0].type == Kind.COUNTRY for g, x in found))] or [f for f, _ in found]
        if not found and obj.dep_ != "conj":
            # "build a car plant and a battery plant in P": the place is both plants'
            found = [f[0] for c in obj.conjuncts if c.i > obj.i and c.lemma_.lower() in FACILITY_NOUNS
                     for prep in c.children if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near")
                     for pobj in prep.children for f in [self.place_args(pobj)] if f and f[0][0].type in PLACE][:1]
        # "a plant in Zaragoza, in northeastern Spain", "in the U.S. state of Georgia"
        place_arg = self.most_specific(found)
        if place_arg is not None:
            place = self.place_label(place_arg[1], place_arg[0])
        if place_arg is None:
            place_arg = next(iter(self.named_places(obj)), None)  # "opened its Porto plant"
            place = place_arg[0].label if place_arg is not None else None
        by = [a for p in self.slot(trigger, "prep:by") for a in self.args(p)] if trigger.tag_ == "VBN" else []
        subs = by or (self.subjects(trigger) if trigger.pos_ in ("VERB", "AUX") else self.governor_subjects(trigger))
        if not subs:
            # "construction of its factory", "plans to open its factory": the facility's possessor
            # builds it, when the verb's own subject is out of reach
            subs = [a for c in obj.children if c.dep_ == "poss" for a in self.args(c)
                    if a[0].type == Kind.ORGANIZATION or trigger.pos_ == "NOUN"]  # not "Pakistan's first plant"
        owners = [a for _, a in of_owners] or [s for s in subs if s[0].type == Kind.ORGANIZATION] or [
            a for c in obj.children if c.dep_ == "poss" for a in self.args(c) if a[0].type == Kind.ORGANIZATION]
        # "build a gigafactory in P with Y": a plant built with a partner is both builders'
        owners += [a for p in partners for a in self.args(p) if a[0].type == Kind.ORGANIZATION] if owners else []
        # a plant is named after its town; one placed only in a country keeps its description
        city = self.place_text(place_arg) if place_arg is not None and place_arg[0].type != Kind.COUNTRY else None
        if place_arg is not None and city is None and owners and not self.ranked(obj):
            city = place_arg[0].label  # "a plant in Hungary" -> "Acme Hungary plant"
        elif place_arg is not None and city is None:
            owners = []  # "the first battery plant in Hungary": the description names it
        if obj.tag_ == "NNS":
            return  # "building plants in P": many sites, no one entity
        names = self.site_owners(owners)
        m = facility_mention(self.doc, obj, place, owners=names, city=city)
        if m is None:
            return
        fac = self.facility_cluster(m)
        if city is None and place is None and fac.label == m.label:
            self.unplaced_sites[fac.id] = (obj, names, m.label)
        fac_arg = (fac, obj)
        for s in subs if trigger.lemma_.lower() not in OPENING_VERBS else []:  # opening is launching
            self.add(s, "builds", fac_arg, trigger, rule, 0.8, BODY, (Kind.PLACE,))
        # "X will build a plant with Y": the builders are partners.
        for partner in (a for p in partners for a in self.args(p)):
            for s in subs:
                self.add(s, "partnersWith", partner, trigger, "facility:build-with", 0.75,
                         (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))
        if place_arg is not None:
            region = self.region_cluster(place_arg[1], place_arg[0])
            self.add(fac_arg, "locatedIn", region, trigger, "facility:in-place", 0.85, (Kind.PLACE,), PLACE)
            for s in [a for _, a in of_owners] or subs:
                self.add(s, "hasFacilityIn", region, trigger, "facility:owner-place", 0.7, BODY, PLACE)

    def place_label(self, tok: Token, c: Cluster) -> str:
        """'northwest Türkiye' when a compass word qualifies the place, else its label."""
        compass = [a.text for a in tok.children if a.dep_ in ("amod", "compound") and a.lower_.rstrip("ern") in (
            "north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast", "central")]
        if compass and c.label.lower().startswith(compass[0].lower()[:4]):
            return c.label  # "South Korea", "North Carolina": the compass word is the name's
        return f"{compass[0]} {c.label}" if compass else c.label

    def region_cluster(self, tok: Token, c: Cluster) -> tuple[Cluster, Token]:
        """A Region cluster for 'northwest Türkiye', or the place itself."""
        label = self.place_label(tok, c)
        if label == c.label:
            return (c, tok)
        start = min([a.i for a in tok.children if a.dep_ in ("amod", "compound")] + [tok.i])
        m = Mention(start, tok.i + 1, self.doc[start : tok.i + 1].text, Kind.REGION, "name", label)
        return (self.new_cluster(m), tok)

    def facility_cluster(self, m: Mention) -> Cluster:
        """The facility a mention names: a known one whose name holds all of this name's words
        or whose words this name holds ('the Hansalpur plant' after 'Acme's Hansalpur plant'),
        the latest on a tie; else a new one. The fuller name becomes the label."""
        c = self.known_facility(m)
        if c is None:
            return self.new_cluster(m)
        if len(set(m.label.lower().split())) > len(c.label.split()):
            c.label = m.label
        m.cluster = c.id
        c.mentions.append(m)
        c.reasons.setdefault(m.text, "a facility of the same owner, place and kind")
        for i in range(m.start, m.end):
            self.res.token_cluster.setdefault(i, c.id)
        return c

    def known_facility(self, m: Mention) -> Cluster | None:
        """The facility of the story a mention names, if any (see facility_cluster)."""
        words = set(m.label.lower().split())
        known = [c for c in self.res.clusters.values() if c.type == Kind.PLACE
                 and any(x.kind == "facility" for x in c.mentions)
                 and c.label.split()[-1].lower() == m.label.split()[-1].lower()]
        # the words a plant has been called by: its name and every description of it
        # ("the assembly plant" after "a new EV assembly plant in Alliston")
        said = {c.id: set(c.label.lower().split()) | {w for x in c.mentions for w in x.text.lower().split()}
                for c in known}
        same = [c for c in known if words <= said[c.id] or set(c.label.lower().split()) <= words]
        # the latest one the text named before this mention ("our plant" is not a plant named after it)
        before = [c for c in same if any(x.start < m.start for x in c.mentions)]
        return max(before, key=lambda c: max(x.start for x in c.mentions if x.start < m.start)) if before else \
            max(same, key=lambda c: max(x.start for x in c.mentions)) if same else None
