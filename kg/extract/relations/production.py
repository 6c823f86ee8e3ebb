"""What works make and when they start making it: output verbs, goods, starts of production."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.facilities import FACILITY_SKIP
from kg.extract.lexicon import FACILITY_NOUNS, MODEL_NOUNS, ORG_NOUNS
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import (
    ANY,
    BODY,
    COMPLETION_VERBS,
    COUNT_GOODS,
    GENERIC_GOODS,
    GOODS_ABBREVIATIONS,
    GOODS_NOT,
    GOODS_UNITS,
    GOODS_WORKS,
    MAKING_WORDS,
    MEASURE_UNITS,
    NOT_PRODUCT_MODS,
    NOT_PRODUCTS,
)
from kg.extract.spans import Mention
from kg.extract.values import parse_date, undated
from kg.model import Kind


# Words for a works that runs ("operational", "online").
_RUNNING = frozenset({"operational", "online", "live", "onstream"})


def goods_label(words: list[str]) -> str:
    """The name of goods from the words before a works noun: short forms spelled out, a
    count noun in the plural ('EV' -> 'electric vehicles', 'cell' -> 'cells')."""
    words = [GOODS_ABBREVIATIONS.get(w, w) for w in words]
    words = " ".join(words).split()
    head = words[-1]
    if head.lower() in COUNT_GOODS:
        head = head[:-1] + "ies" if head.endswith("y") and head[-2:-1] not in "aeiou" else \
            head + "es" if head.endswith(("s", "x", "ch", "sh")) else head + "s"
    return " ".join([*words[:-1], head])


class ProductionRules(FinderBase):
    """What works make and when they start making it: output verbs, goods, starts of production."""

    def output_rule(self, verb: Token, objects: list[Token]) -> None:
        """'X makes lithium hydroxide', 'the plant will turn out 200,000 electric vehicles a
        year', 'to produce 25,000 tonnes of lithium carbonate' -> produces(X, product)."""
        # companies and their plants; a country "producing" is usually a purpose ("to produce EVs")
        # "X builds the Y at its plant in P": the plant makes it
        makers = self.works_at(verb) or [
            a for a in self.subjects(verb) if a[0].type == Kind.ORGANIZATION or self.is_facility(a[0])]
        clause = verb
        while not makers and clause.dep_ in ("xcomp", "conj", "advcl") and clause.head != clause:
            clause = clause.head
        if not makers and clause.dep_ == "relcl":
            makers = [s for s in [self.relative_site(clause)] if s]  # "a plant in P, which will make X"
        if not makers:
            return
        # the parser sometimes hangs a bare noun object as ccomp or oprd ("make lithium hydroxide")
        objects = [*objects, *(c for c in verb.children if c.dep_ in ("ccomp", "oprd") and c.pos_ == "NOUN")]
        # "making it the world's largest EV maker": a company made into something is no product
        objects = [o for o in objects if o.lemma_.lower() not in ORG_NOUNS and o.pos_ != "PRON"]
        if self.works_at(verb):
            # "the T03 will be assembled at the Acme plant", "Model 3 cars built at its Shanghai
            # factory": what is made there is the passive subject, or the noun the participle describes
            objects += [c for c in verb.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "relcl" and any(o.lower_ in ("which", "that") for o in objects):
                objects.append(verb.head)  # "electric cars, which are built at a plant in P"
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                objects.append(verb.head)
        # "turns out 400,000 vehicles a year, including the CR-V and Civic": the models too
        objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "including"
                    for g in p.children if g.dep_ == "pobj"]
        for obj in [o for x in objects for o in (x, *x.conjuncts)]:
            noun = obj
            if obj.like_num or obj.lemma_.lower() in MEASURE_UNITS or any(
                    c.dep_ == "nummod" for c in obj.children) and obj.lemma_.lower() in MEASURE_UNITS:
                # "25,000 tonnes of lithium carbonate": the product follows "of"
                # ("120,000 tons a year of lithium": the phrase may hang from "year")
                noun = next((g for t in (obj, *(c for c in obj.children if c.dep_ == "npadvmod"))
                             for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj"), None)
                if noun is None and obj.lemma_.lower() in GOODS_UNITS:
                    noun = obj  # "turn out 200,000 electric vehicles": the unit is the goods
                if noun is not None and noun.text.isupper():
                    noun = self.spelled_out(noun) or noun  # "50,000 tons of LFP": the goods it is short for
            product = self.product_cluster(noun) if noun is not None else None
            if product is None and noun is not None and self.works_at(verb):
                named = self.cluster(noun)  # a model NER called a company: "the T03", "Model 3"
                if named is not None and named.type in (Kind.ORGANIZATION, Kind.PRODUCT) and noun.dep_ in (
                        "nsubjpass",) and len(named.label.split()) <= 3:
                    product = (named, noun)
            if product is None:
                continue
            for m in (m for m in makers if m[0].type != Kind.PERSON):  # "Jokowi assembled cells" at a ceremony
                self.add(m, "produces", product, verb, "verb:output", 0.7, (Kind.ORGANIZATION, Kind.PLACE),
                         (Kind.PRODUCT,))

    def goods_of_works_rule(self) -> None:
        """'a cell and module plant', 'its lithium hydroxide plant', 'an assembly plant for new
        energy vehicles' -> produces(works, goods): the kind of works names what it makes."""
        for tok in self.doc:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in GOODS_WORKS:
                continue
            site = self.facility_at(tok)
            if site is None:
                continue
            kinds = self.goods_words(tok)
            for kind in kinds:
                # words as written, a hyphenated word kept whole ("lithium-ion")
                text = "".join(t.text + ("" if t.text == "-" or k + 1 < len(kind) and kind[k + 1].text == "-" else " ")
                               for k, t in enumerate(kind)).strip()
                m = Mention(kind[0].i, kind[-1].i + 1, text, Kind.PRODUCT, "name", goods_label(text.split()))
                self.add(site, "produces", (self.new_cluster(m), kind[-1]), tok, "compound:goods-works", 0.7,
                         (Kind.PLACE,), (Kind.PRODUCT,))
            if kinds:
                continue
            # "a plant for electric vehicles": what the works is for, when it is goods
            for g in (g for p in tok.children if p.dep_ == "prep" and p.lower_ == "for"
                      for g in p.children if g.dep_ == "pobj" and g.tag_ == "NNS"):
                product = self.product_cluster(g)
                if product is not None and g.lemma_.lower() not in GOODS_NOT:
                    self.add(site, "produces", product, tok, "prep:works-for-goods", 0.7, (Kind.PLACE,), (Kind.PRODUCT,))

    def goods_words(self, noun: Token) -> list[list[Token]]:
        """The goods named before a works noun, one token list per conjunct ('cell and module
        plant' -> [cell], [module]); none when the works processes, tests or researches."""
        run: list[Token] = []
        i = noun.i - 1
        while i >= 0:
            t = self.doc[i]
            if run and t.text == "-" and not t.whitespace_ and i >= 1 and not self.doc[i - 1].whitespace_ \
                    and self.doc[i - 1].is_alpha:
                run[0:0] = [self.doc[i - 1], t]  # "lithium-ion battery plant": the hyphenated word is one
                i -= 2
                continue
            if t.lower_ == "and" and run or t.dep_ in ("compound", "nmod", "conj") and (
                    t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.is_lower) and t.ent_type_ not in ("MONEY", "CARDINAL", "QUANTITY") \
                    and t.lower_ not in FACILITY_SKIP and t.lower_ not in MEASURE_UNITS - GOODS_UNITS \
                    or t.text in GOODS_ABBREVIATIONS or t.lower_ in ("electric", "lithium-ion"):
                run.insert(0, t)
                i -= 1
            else:
                break
        while run and run[0].lower_ == "and":
            run = run[1:]
        if run and i >= 2 and self.doc[i].text == ")" and self.doc[i - 1].text in GOODS_ABBREVIATIONS \
                and self.doc[i - 2].text == "(":
            run.insert(0, self.doc[i - 1])  # "a lithium iron phosphate (LFP) battery plant" makes LFP batteries
        while run and run[-1].lower_ in MAKING_WORDS:
            run = run[:-1]  # "an EV assembly plant" makes EVs
        site = self.cluster(noun)
        if not run or any(t.lower_ in GOODS_NOT or t.lemma_.lower() in GOODS_NOT or self.cluster(t) not in (
                None, site) and self.cluster(t).type != Kind.PRODUCT and t.text not in GOODS_ABBREVIATIONS for t in run):
            return []
        parts: list[list[Token]] = [[]]
        for t in run:
            if t.lower_ == "and":
                parts.append([])
            else:
                parts[-1].append(t)
        # "a car plant", "a battery plant": a word for all such goods adds nothing to the plant's
        # name, and annotators of news leave it out (measured on the development corpus); "a car
        # and battery complex" says what it combines
        parts = [p for p in parts if p]
        return parts if len(parts) > 1 else [p for p in parts if not (len(p) == 1 and p[0].lemma_.lower() in GENERIC_GOODS)]

    def off_line_rule(self, verb: Token) -> None:
        """'The first Zeta X came off the line at the Lyon plant', 'the model rolls off the
        assembly line in P' -> produces(works, model): the works of the sentence, or the one
        the story is about."""
        line = next((g for p in verb.children if p.dep_ in ("prep", "prt") and p.lower_ == "off"
                     for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() == "line"), None)
        if line is None:
            return
        works = self.works_at(verb) or [f for p in line.children if p.dep_ == "prep" and p.lower_ in ("at", "in")
                                        for g in p.children if g.dep_ == "pobj" for f in [self.facility_at(g)] if f]
        works = works or [s for s in [self.latest_site(verb.sent.start)] if s]
        for subj in (s for s in verb.children if s.dep_ == "nsubj"):
            c = self.cluster(subj)
            # a model by name ("the Zeta X"), not goods in general ("the first cars")
            product = (c, subj) if c is not None and c.type == Kind.PRODUCT else None
            for site in works if product else []:
                self.add(site, "produces", product, verb, "verb:off-the-line", 0.7, (Kind.PLACE,), (Kind.PRODUCT,))

    def works_at(self, verb: Token) -> list[tuple[Cluster, Token]]:
        """The plants a verb of making names with 'at' or 'in' ('built at its plant in P'), or
        with 'there' after a sentence about a plant ('are due to be built there')."""
        found = [f for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "in")
                 for g in p.children if g.dep_ == "pobj" for f in [self.facility_at(g)] if f]
        if not found and any(c.lower_ == "there" and c.dep_ == "advmod" for c in verb.children):
            found = [s for s in [self.latest_site(verb.sent.start)] if s]
        return found

    def spelled_out(self, short: Token) -> Token | None:
        """The head of the phrase a short form stands for where the story spells it out
        ('lithium iron phosphate (LFP)' -> 'phosphate'), if it does."""
        for t in self.doc:
            if t.text == short.text and 2 <= t.i and t.i + 1 < len(self.doc) and self.doc[t.i - 1].text == "(" \
                    and self.doc[t.i + 1].text == ")" and self.doc[t.i - 2].pos_ == "NOUN" and self.doc[t.i - 2].is_lower:
                return self.doc[t.i - 2]
        return None

    def product_cluster(self, noun: Token) -> tuple[Cluster, Token] | None:
        """A product entity for an NP naming goods: 'electric vehicles', 'lithium hydroxide',
        'battery cells' (not 'a decision', 'the remarks', nor a named company or place)."""
        c = self.cluster(noun)
        if c is not None:
            return (c, noun) if c.type == Kind.PRODUCT else None
        if noun.lower_ in MODEL_NOUNS:
            # "the Lyriq electric SUV": the model named before the kind of car
            model = next(((m, t) for t in noun.lefts if t.dep_ in ("compound", "nmod")
                          for m in [self.cluster(t)] if m is not None and m.type == Kind.PRODUCT), None)
            if model is not None:
                return model
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma in NOT_PRODUCTS or lemma in FACILITY_NOUNS or lemma in MEASURE_UNITS - GOODS_UNITS:
            return None
        if any(t.ent_type_ == "ORDINAL" or t.lower_.endswith("millionth") for t in noun.subtree if t.i < noun.i):
            return None  # "rolled out its 8 millionth vehicle": a milestone, not goods
        mods = [t for t in noun.subtree if t.i < noun.i and t.dep_ in ("compound", "amod", "nmod") and t.i >= noun.i - 3
                and self.cluster(t) is None and not t.like_num and (t.lower_ not in NOT_PRODUCT_MODS or (
                    t.lower_ == "new" and self.doc[t.i + 1].lower_ == "energy"))]  # "new energy vehicles"
        if noun.tag_ != "NNS" and not mods or lemma in GOODS_UNITS and not mods:
            return None  # "make a decision": a bare singular is rarely goods; "cars" too vague
        start = min([t.i for t in mods] + [noun.i])
        while start < noun.i and (self.doc[start].pos_ in ("DET", "NUM", "PRON") or self.doc[start].like_num):
            start += 1
        if start >= 2 and self.doc[start - 1].text == "-" and not self.doc[start - 1].whitespace_ \
                and not self.doc[start - 2].whitespace_ and self.doc[start - 2].is_alpha:
            start -= 2  # "battery-grade lithium carbonate": the word before the hyphen is the grade's
        text = self.doc[start : noun.i + 1].text
        m = Mention(start, noun.i + 1, text, Kind.PRODUCT, "name", text)
        return (self.new_cluster(m), noun)

    def start_rule(self, verb: Token) -> None:
        """'X will start production in 2026' -> plannedStart(X, 2026); 'production began in
        2024' happened: launched(X, 2024)."""
        # "began", "has begun", "had started": it happened
        started = verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children)
        if started and any(c.lemma_.lower() in ("construction", "work", "building") for c in verb.children
                           if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
            return  # "construction started in 2024": building began, nothing was launched
        lemma = verb.lemma_.lower()
        if lemma in COMPLETION_VERBS and (started or any(
                c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" or c.lower_ in ("was", "were")
                for c in verb.children)):
            return  # "the plant was completed in 2023" says nothing planned
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "xcomp")]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            objs.append(verb.head)  # "with mass production slated for 2027"
        # "start production", "production is to start", "start operating"
        gov = verb.head if verb.dep_ == "xcomp" else None
        objs += [c for c in (gov.children if gov is not None else []) if c.dep_ in ("nsubj", "nsubjpass")]
        if gov is not None and gov.dep_ == "acl":
            objs.append(gov.head)  # "with production expected to start in 2026"
        # "the first cars will roll off the line in 2026": the works' first output
        rolled = verb.lemma_.lower() == "roll" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
        # "the plant is expected to be completed by 2027": the works is done, and starts
        completed = [f for o in objs for f in [self.facility_at(o)] if f] if lemma in COMPLETION_VERBS else []
        # "the plant will open in 2027", "when it opens in 2028": a works opening on its own
        opening: list[tuple[Cluster, Token]] = []
        if lemma in ("open", "start", "commission", "inaugurate") and (lemma != "start" or any(
                c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)):
            # "will open (start up) its plant next year": the works the verb opens
            opening = [f for o in verb.children if o.dep_ == "dobj" for f in [self.facility_at(o)] if f]
        if lemma == "open" and not any(c.dep_ == "dobj" for c in verb.children):
            clause = verb
            while clause.dep_ in ("xcomp", "acomp") and clause.head != clause:
                clause = clause.head  # "is due to open", "is expected to open"
            subjects = [*(o for o in objs if o.dep_ in ("nsubj", "nsubjpass")),
                        *(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c not in objs)]
            for o in subjects:
                if o.lower_ in ("which", "that") and o.head.dep_ == "relcl" or o.lower_ == "it":
                    # "a plant in P, which is due to open in 2027", "when it opens in 2028"
                    site = self.relative_site(o.head) if o.lower_ != "it" else self.latest_site(verb.i)
                else:
                    site = self.facility_at(o)
                opening += [site] if site else []
        if lemma == "open" and not opening:
            return  # "the talks opened": no start of a works' output
        producing = lemma not in COMPLETION_VERBS and any(o.lemma_.lower() in (
            "production", "operation", "operate", "construction", "delivery", "sale", "manufacturing", "output")
            for o in objs)
        if not (rolled or completed or producing or opening):
            return
        date = None
        # "as early as 2026": the phrase hangs from the adverb; "start operating in 2025" from
        # the verb of the operating
        around = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        preps = [*(c for t in around for c in t.children), *(p for t in around for a in t.children
                                                              if a.dep_ == "advmod" for p in a.children)]
        for prep in preps:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "from", "as", "for"):
                for pobj in prep.subtree:
                    if pobj.ent_type_ in ("DATE", "CARDINAL") or pobj.like_num and parse_date(pobj.text) is not None:
                        date = parse_date(pobj.text)
                        if date is None:
                            ent = next((e for e in self.sent_ents(verb.sent) if e.start <= pobj.i < e.end), None)
                            date = (parse_date(ent.text) or undated(ent.text)) if ent is not None else None
                        if date is not None:
                            break
        # "started work last year": the date phrase hangs from the verb
        date = date or next((d for t in around for c in t.children if c.dep_ == "npadvmod" and c.ent_type_ == "DATE"
                             for e in self.sent_ents(verb.sent) if e.start <= c.i < e.end
                             for d in [parse_date(e.text) or undated(e.text)] if d), None)
        if started:
            # "X began output from its Y project", "X started production at its plant": X opened it
            opened = [a for t in (verb, *(o for o in verb.children if o.dep_ == "dobj")) for p in t.children
                      if p.dep_ == "prep" and p.lower_ in ("at", "from")
                      for g in p.children if g.dep_ == "pobj" for a in [self.facility_at(g)] if a]
            for org in (a for a in self.subjects(verb) if a[0].type == Kind.ORGANIZATION):
                for site in opened:
                    self.add(org, "launched", site, verb, "verb:started-production-at", 0.75, (Kind.ORGANIZATION,),
                             (Kind.PLACE,))
        if date is None:
            return
        subs = [a for a in self.subjects(verb) if self.cluster(a[1]) is not None]
        subs = [a for a in subs if a[1].lemma_.lower() not in ("production", "output", "operation")]
        clause = verb
        while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
            clause = clause.head
        if clause.dep_ == "relcl" and any(c.lower_ in ("which", "that") for c in clause.children):
            subs = [s for s in [self.relative_site(clause)] if s]  # "a plant in P, which is to start ..."
        if rolled:
            subs = [s for s in [self.latest_site(verb.sent.start)] if s]  # the cars are not what starts
        if completed or opening:
            subs = completed or opening
        sites = [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "at"
                 for g in p.children if g.dep_ == "pobj" for a in self.args(g) if a[0].type == Kind.PLACE]
        if sites:
            subs = sites  # "begin production at the plant": the plant starts
        if not subs:
            # "build a plant in P, with production expected to start in 2026": the one plant of
            # the sentence; with none here, the last one named is often the wrong one (measured
            # on the development corpus), so nothing is said
            here = {f[0].id: f for f in (self.facility_at(t) for t in verb.sent) if f}
            if len(here) > 1:
                return
            # "Production is scheduled to start in 2028" after a sentence about the plant
            subs = list(here.values()) or [s for s in [self.latest_site(verb.sent.start)] if s]
        for s in subs:
            if started:
                self.add(s, "launched", date, verb, "verb:started-production", 0.7, (Kind.PLACE,), ANY)
            else:
                self.add(s, "plannedStart", date, verb, "verb:start-production", 0.7, BODY + (Kind.PLACE,), ANY)

    def operational_rule(self, verb: Token) -> None:
        """'The plant is expected to be operational by 2026', 'will come online in 2027', 'will
        go into operation in 2026': the works' planned start; 'became operational in 2020',
        'went into production in 2021': it started then."""
        state = any(c.dep_ in ("acomp", "advmod", "attr", "prt") and c.lower_ in _RUNNING for c in verb.children) \
            or any(c.dep_ == "prep" and c.lower_ in ("into", "in", "on") and any(
                g.lemma_.lower() in ("operation", "production", "service", "stream") for g in c.children)
                for c in verb.children)
        if not state:
            return
        clause = verb
        while clause.dep_ in ("xcomp", "conj") and clause.head != clause and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            clause = clause.head  # "is expected to be operational": the subject of "is"
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        sites = [f for o in subjects for f in [
            self.latest_site(verb.i) if o.lower_ == "it" else self.relative_site(clause)
            if o.lower_ in ("which", "that") and clause.dep_ == "relcl" else self.facility_at(o)] if f]
        # "by the end of 2026", "in 2027"
        when = next((d for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "by", "from")
                     for t in p.subtree if t.ent_type_ in ("DATE", "CARDINAL") for d in [parse_date(t.text)] if d), None)
        if not sites or when is None:
            return
        done = verb.tag_ == "VBD" and clause is verb
        for site in sites:
            self.add(site, "launched" if done else "plannedStart", when, verb, "copula:operational", 0.65,
                     (Kind.PLACE,), ANY)
