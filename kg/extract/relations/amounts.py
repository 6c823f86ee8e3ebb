"""Amounts in context: investment, trade, tariffs, sales, capacity, jobs."""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Span, Token

from kg.extract.coref import Cluster
from kg.extract.lexicon import FACILITY_NOUNS, ORG_NOUNS
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import (
    ANY,
    BODY,
    CAPACITY_WORDS,
    FUND_NOUNS,
    FUND_VERBS,
    GOAL_VERBS,
    INVEST_WORDS,
    JOB_CUT_VERBS,
    JOBS_WORDS,
    MEASURE_UNITS,
    OUTPUT_WORDS,
    RATE_VERBS,
    SALES_NOUNS,
    SALES_WORDS,
    SPEND_VERBS,
    TARIFF_WORDS,
    TRADE_WORDS,
)
from kg.extract.values import parse_date, parse_money, parse_percent, parse_quantity, unit_name
from kg.model import Kind, Value

# Verbs by which a rate starts, moves or stands at a level ("start at 12%", "doubles to 50%").
_RATE_MOVES = {"start", "begin", "climb", "rise", "go", "double", "triple", "reach", "increase", "jump",
               "stand", "hit", "total", "fall", "drop"}

# Verbs that take a capacity to a new level ("double capacity to 20 GWh").
_RAISE_VERBS = frozenset("double triple lift raise increase expand boost bring take".split())


class AmountRules(FinderBase):
    """Amounts in context: investment, trade, tariffs, sales, capacity, jobs."""

    def amount_rules(self) -> None:
        """Money and counts in context: trade values, investments, sales, capacity, jobs."""
        for ent in self.ents:
            if ent.label_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
                continue
            root = ent.root
            context = [root, *root.ancestors][:6]
            lemmas = {t.lemma_.lower() for t in context} | {t.lower_ for t in context}
            lemmas |= {"duty" for t in context if import_tax(t)}  # "its import tax on EVs" is a duty
            verb = next((t for t in context if t.pos_ in ("VERB", "AUX") and (t.dep_ in ("ROOT", "conj", "ccomp") or (
                t.dep_ == "relcl" and any(c.lower_ in ("which", "that") and c.dep_ in ("nsubj", "nsubjpass") for c in t.children))
                # "..., while Canada announced a 100% surtax": a clause with a subject of its own
                or t.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" for c in t.children))),
                None)
            subs = self.subjects(verb) if verb is not None else []
            if not subs and verb is not None:
                subs = [a for n in verb.children if n.dep_ == "nsubj"
                        for p in n.children if p.dep_ == "poss" for a in self.args(p)]
            year = self.year_in(ent)
            if ent.label_ == "MONEY":
                value = self.local_currency(parse_money(self.amount_text(ent)))
                if value is None or self.restated_money(ent) or self.range_floor(ent):
                    continue
                site = self.funded_site(root)
                if site is not None:
                    # "a $290-million cathode plant", "will spend $2 billion on its plant in P":
                    # the amount is the site's
                    self.add(site, "investmentValue", value, root, "amount:site-investment", 0.8,
                             (Kind.PLACE,), ANY, as_of=year)
                elif not self.sentence_mentions_trade(ent) and self.funding_rule(root, value, year):
                    pass  # read as money given or set aside; in a sentence about trade it is trade (below)
                elif lemmas & INVEST_WORDS:
                    investors = self.investors(root)
                    for s in investors or subs:
                        self.add(s, "investmentValue", value, root, "amount:investment", 0.75, BODY, ANY,
                                 in_=self.invest_target(root), as_of=year)
                elif lemmas & TRADE_WORDS or self.sentence_mentions_trade(ent):
                    countries = self.sent_countries(ent.sent)
                    if not subs and verb is not None:
                        # "Chinese exports of EVs were worth $X", "China's exports rose to $X"
                        subs = [a for n in verb.children if n.dep_ == "nsubj" and n.lemma_.lower() in TRADE_WORDS
                                for a in [*self.origins(n), *(a for c in n.children if c.dep_ == "poss"
                                                               for a in self.args(c) if a[0].type == Kind.COUNTRY)]]
                    if len(countries) < 2 and verb is not None and self.between_the_two_countries(verb):
                        # "... between the two countries reached $X, Indonesia's ministry said"
                        countries = self.recent_named(ent.sent.start, 2)
                    if not subs and verb is not None and len(countries) == 2 and any(
                            n.dep_ == "nsubj" and n.lemma_.lower() == "trade" and any(
                                a.lower_ in ("bilateral", "between") for a in n.children)
                            for n in verb.children):
                        # "Bilateral trade reached $X" / "Trade between A and B reached $X":
                        # the trade of the sentence's two countries.
                        subs = countries[:1]
                        self.add(countries[0], "tradesWith", countries[1], root, "amount:bilateral-trade", 0.7,
                                 BODY, BODY)
                    partners = [c for c in countries if not any(c[0].id == s[0].id for s in subs)]
                    for s in subs:
                        self.add(s, "tradeValue", value, root, "amount:trade", 0.75, BODY, ANY,
                                 year=year, with_=partners[0][0].label if partners else "")
            elif ent.label_ == "PERCENT" and (lemmas | self.object_lemmas(context)) & TARIFF_WORDS \
                    and not (root.dep_ == "pobj" and root.head.lower_ == "from"):  # "from 15 percent": the old rate
                value = parse_percent(ent.text)
                if verb is None:
                    # "raise duties on cars made in X to 50 percent": the clause verb is further up.
                    verb = next((t for t in [root, *root.ancestors][:10] if t.pos_ in ("VERB", "AUX")
                                 and t.dep_ in ("ROOT", "conj", "ccomp")), None)
                    subs = self.subjects(verb) if verb is not None else []
                subs = [a for a in subs if a[0].type in BODY and self.is_tariff_body(a[0])]
                tariff = next((t for t in [root, *root.ancestors][:4] if t.lemma_.lower() in TARIFF_WORDS or import_tax(t)),
                              root)
                owned = [a for c in tariff.children if c.dep_ == "poss" for a in self.args(c) if self.is_tariff_body(a[0])]
                if owned:
                    subs = owned[:1]  # "the Commission opened a probe, on top of the EU's 10% duty": the EU's
                if not subs:
                    subs = self.tariff_imposer(tariff)
                    # "vehicles made in China ... face a 27.5% duty": the goods' origin is targeted
                    goods = [n for n in (verb.children if verb is not None else []) if n.dep_ in ("nsubj", "nsubjpass")]
                    for origin in (a for g in goods for a in self.origins(g)):
                        for s in subs:
                            if s[0].id != origin[0].id:
                                self.add(s, "imposesTariffOn", origin, root, "amount:tariff-on-origin", 0.7,
                                         BODY, (Kind.COUNTRY,))
                for s in subs:
                    if value is not None:
                        self.add(s, "tariffRate", value, root, "amount:tariff", 0.75, BODY, ANY)
            elif ent.label_ == "PERCENT" and self.rate_moves(root, ent):
                # in a story about one state's tariffs, "Plug-in hybrids start at 12% and climb
                # through 20%", "the duty doubles to 50%": that state's rates
                # "through 20% to 35%" is one span to the tagger and two levels of the tariff
                parts = re.findall(r"\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)", ent.text)
                for value in (v for v in map(parse_percent, parts or [ent.text]) if v is not None):
                    for s in self.doc_imposer():
                        self.add(s, "tariffRate", value, root, "amount:rate-moves", 0.65, BODY, ANY)
            elif ent.label_ == "PERCENT" and self.rate_paid(root):
                # in a story about one state's tariffs, "BYD will pay an additional 17.0%",
                # "Geely was set at 18.8%", "Tesla obtained a rate of 7.8%": that state's rate
                # ("makers that cooperated face 20.7%, the Commission said": the speaker's)
                value = parse_percent(ent.text)
                for s in (self.doc_imposer() or self.tariff_speaker(root)) if value is not None else []:
                    self.add(s, "tariffRate", value, root, "amount:rate-paid", 0.65, BODY, ANY,
                             payer=" ".join(a[0].label for a in self.subjects(self.rate_paid(root))))
            elif ent.label_ in ("CARDINAL", "QUANTITY"):
                if ent.end < len(self.doc) and self.doc[ent.end].text == "-" and not self.doc[ent.end - 1].whitespace_:
                    continue  # "two-wheeler", "a three-year deal": a word, not an amount
                # "2.6 lakh scooters": the parser may make the scale word a compound of the unit
                unit_tok = root.head if root.dep_ == "nummod" or root.dep_ == "compound" and root.lower_ in (
                    "lakh", "crore", "million", "billion") else None
                if unit_tok is None and ent.label_ == "QUANTITY" and root.i != ent.start and (
                        root.lemma_.lower() in MEASURE_UNITS or root.lower_ in MEASURE_UNITS):
                    # "48.6 gigawatt-hours", "20 GWh": NER keeps the unit inside the span.
                    unit_tok = root
                    unit_text = root.text
                    if root.i - 2 >= ent.start and self.doc[root.i - 1].text == "-":
                        unit_text = self.doc[root.i - 2 : root.i + 1].text  # "gigawatt-hours"
                    elif root.i - 1 >= ent.start and self.doc[root.i - 1].lower_.endswith("watt"):
                        unit_text = self.doc[root.i - 1 : root.i + 1].text  # "gigawatt hours"
                    value = parse_quantity(self.amount_text(ent), unit_name(unit_text))
                elif unit_tok is not None:
                    value = parse_quantity(self.amount_text(ent) + " " + unit_tok.text, unit_tok.text)
                else:
                    self.counted_sales(ent, verb)
                    continue
                unit = unit_tok.lemma_.lower()
                if value is None:
                    continue
                raised = self.raised_capacity(root, unit_tok)
                if raised is not None:
                    # "a second phase will double capacity to 20 GWh": the works' capacity to be
                    self.add(raised, "capacity", value, root, "amount:capacity-raised-to", 0.7,
                             (Kind.PLACE, Kind.ORGANIZATION), ANY)
                    continue
                works = self.facility_at(unit_tok.head) if unit_tok.dep_ in ("compound", "nmod", "amod", "nummod") \
                    and unit_tok.head.lemma_.lower() in FACILITY_NOUNS and unit in MEASURE_UNITS - JOBS_WORDS \
                    and value.unit and not any(ch.isdigit() for ch in value.unit) else None
                if works is not None:
                    # "a 10 GWh cell factory", "a 100,000-tonne refinery": the works' capacity
                    self.add(works, "capacity", value, root, "amount:capacity-of-works", 0.7, (Kind.PLACE,), ANY)
                    continue
                ctx = {t.lemma_.lower() for t in [unit_tok, *unit_tok.ancestors][:5]}
                if verb is not None:
                    # "its shipments rose to 48.6 GWh": the subject noun says what was counted.
                    ctx |= {n.lemma_.lower() for n in verb.children if n.dep_ in ("nsubj", "nsubjpass")}
                if unit in JOBS_WORDS and ctx & JOB_CUT_VERBS:
                    continue
                if unit in JOBS_WORDS and ctx & {"employ", "create", "hire", "job"}:
                    rel = "employs"
                elif ctx & SALES_WORDS and not ctx & GOAL_VERBS and not (
                        self.per_year(ent) and any(self.is_facility(x[0]) for x in subs)):
                    # not "aims to sell 700,000 cars this year", a goal; a works that "could
                    # deliver 310,000 tonnes a year" states its capacity (below)
                    rel = "salesVolume"
                elif (ctx & CAPACITY_WORDS or ctx & SALES_WORDS) and unit in MEASURE_UNITS and not ctx & GOAL_VERBS and (
                        ctx & OUTPUT_WORDS or self.per_year(ent)):
                    # "produced 650,000 tonnes", "can turn out 50,000 cars a year"; not "has
                    # turned out 10,000 cars" (a tally) nor "wants to build 20,000 cars" (a goal)
                    rel = "capacity"
                else:
                    continue
                site = self.site_of_clause(root, verb) or self.capacity_holder(verb or root.sent.root)
                if site is not None and rel in ("capacity", "employs"):
                    subs = [site]  # "opened a plant in P with a capacity of N": the plant's
                if rel in ("capacity", "employs"):
                    # a company or a plant makes and employs; a province or a country "with a
                    # capacity" is a parsing slip ("a factory in Jinhua, in Zhejiang, which can ...")
                    subs = [x for x in subs if x[0].type == Kind.ORGANIZATION or self.is_facility(x[0])]
                for s in subs:
                    self.add(s, rel, value, root, f"amount:{rel}", 0.7, BODY + (Kind.PLACE,), ANY, year=year)

    def local_currency(self, value: Value | None) -> Value | None:
        """'20 billion dirhams' in a story about Morocco is Moroccan dirhams, not the UAE's."""
        if value is None or value.unit != "AED" or "aed" in value.text.lower() or "emirat" in value.text.lower():
            return value
        countries = {c.label for c in self.res.clusters.values() if c.type == Kind.COUNTRY}
        if "Morocco" in countries and "United Arab Emirates" not in countries:
            return dataclasses.replace(value, unit="MAD")
        return value

    def amount_text(self, ent: Span) -> str:
        """An amount with the lower end of its range ('30,000 to 35,000', 'between $750 million
        and $800 million'): a range is read as its lower end, as the gold and the store read it."""
        i = ent.start - 1
        if i >= 1 and self.doc[i].lower_ in ("to", "and") and self.range_floor_at(i - 1):
            start = next(e.start for e in [*self.ents, ent] if e.end == i or e.start <= i - 1 < e.end) \
                if any(e.end == i for e in self.ents) else i - 1
            return self.doc[start : ent.end].text
        return ent.text

    def range_floor_at(self, i: int) -> bool:
        """Whether token i ends a number that opens a range ('30,000 | to 35,000')."""
        tok = self.doc[i]
        if not (tok.like_num or tok.lower_ in ("million", "billion", "trillion", "crore", "lakh")):
            return False
        return self.doc[i + 1].lower_ == "to" or any(t.lower_ == "between" for t in self.doc[max(0, i - 5) : i])

    def range_floor(self, ent: Span) -> bool:
        """Whether an amount is the lower end of a range the next amount completes."""
        after = ent.end
        return after + 1 < len(self.doc) and self.doc[after].lower_ in ("to", "and") and \
            self.range_floor_at(after - 1) and any(e.start == after + 1 and e.label_ == ent.label_ for e in self.ents)

    def funding_rule(self, root: Token, value: Value, year: str | None) -> bool:
        """Money given for something: to the works or company it goes to ('earmarked $X to
        retool its plant', 'offered a loan of $X to Acme'), else the giver's ('Acme has set
        aside $X for the first phase', 'capital spending of $X'). Whether it was read so."""
        noun = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
        if noun is not None and (noun.lemma_.lower() not in FUND_NOUNS or noun.lemma_.lower() == "spending" and not any(
                t.lower_ == "capital" for t in noun.lefts)):
            return False
        holder = noun if noun is not None else root
        verb = holder.head if holder.dep_ in ("dobj", "nsubjpass") else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return False
        lemma = verb.lemma_.lower()
        aside = any(c.dep_ in ("prt", "advmod") and c.lower_ == "aside" for c in verb.children)  # "set aside $X"
        if noun is None and lemma not in FUND_VERBS and not (lemma == "set" and aside):
            return False
        # the recipient: "to Acme", "for its plant", or the works the money is to build or retool
        preps = [g for t in (verb, holder) for p in t.children if p.dep_ in ("prep", "dative") and p.lower_ in (
            "to", "for", "into", "on") for g in p.children if g.dep_ == "pobj"]
        purposes = [o for x in verb.children if x.dep_ in ("xcomp", "advcl") for o in x.children if o.dep_ == "dobj"]
        # money one spends or puts into something stays the spender's unless it pays for a works;
        # money one grants, lends or earmarks is the recipient's
        spent = noun is None and (lemma in SPEND_VERBS - {"commit", "allocate"} or aside)
        for g in preps + purposes:
            site = self.facility_at(g)
            takers = [site] if site else [] if spent else [a for a in self.args(g) if a[0].type == Kind.ORGANIZATION]
            if takers:
                for t in takers:
                    self.add(t, "investmentValue", value, root, "amount:funding-for", 0.7, BODY + (Kind.PLACE,), ANY,
                             as_of=year)
                return True
        givers = [s for s in self.subjects(verb) if s[0].type in BODY]
        for s in givers:
            self.add(s, "investmentValue", value, root, "amount:funding", 0.7, BODY, ANY, as_of=year)
        return bool(givers)

    def restated_money(self, ent: Span) -> bool:
        """'C$15 billion ($11 billion)', '7.34 billion euros, or some 3,000 billion forints':
        the same amount in another currency is no second amount."""
        prev = next((e for e in reversed(self.ents) if e.end <= ent.start), None)
        if prev is None or prev.label_ != "MONEY" or ent.start - prev.end > 3:
            return False
        between = {t.lower_ for t in self.doc[prev.end : ent.start]}
        return "(" in between or "or" in between

    def raised_capacity(self, root: Token, unit_tok: Token) -> tuple[Cluster, Token] | None:
        """The works whose capacity a clause raises to an amount ('double capacity to 20 GWh',
        'lift capacity to 100,000 vehicles'): a works named as subject, else the story's latest."""
        if unit_tok.lemma_.lower() not in MEASURE_UNITS - JOBS_WORDS:
            return None
        prep = root.head if root.dep_ == "pobj" else unit_tok.head if unit_tok.dep_ == "pobj" else None
        verb = prep.head if prep is not None and prep.lower_ == "to" else None
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _RAISE_VERBS or not any(
                c.dep_ == "dobj" and c.lemma_.lower() in CAPACITY_WORDS for c in verb.children):
            return None
        named = [f for s in self.subjects(verb) for f in [self.facility_at(s[1])] if f]
        return named[0] if named else self.latest_site(verb.sent.start + 1)

    def capacity_holder(self, verb: Token) -> tuple[Cluster, Token] | None:
        """The plant a clause about output speaks of when its subject does not name one:
        'a plant in P, which can turn out N' (the relative clause hangs from the town),
        'It could reach a capacity of N' after a sentence about the plant, 'Annual capacity is
        N' in a story about a plant."""
        clause = verb
        while clause.dep_ in ("xcomp", "conj", "advcl") and clause.head != clause:
            clause = clause.head
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if clause.dep_ == "relcl" and any(s.lower_ in ("which", "that") for s in subjects):
            return self.relative_site(clause)
        subject = subjects[0] if subjects else None
        if subject is not None and subject.lower_ == "it":
            return self.previous_subject_site(clause)
        if subject is not None and subject.lemma_.lower() in CAPACITY_WORDS and not any(
                c.dep_ in ("poss", "prep") for c in subject.children):
            return self.latest_site(clause.sent.start)
        if subject is None and clause.dep_ == "ROOT" and clause.lemma_.lower() in CAPACITY_WORDS and clause.pos_ == "NOUN":
            return self.latest_site(clause.sent.start)  # "Capacity: 50,000 vehicles a year"
        return None

    def rate_moves(self, root: Token, ent: Span) -> bool:
        """Whether a percentage is where a tariff starts, goes or stands ('start at 12%', 'climb
        through 20%', 'doubles to 50%', 'reaches 45.3%'), in a sentence or after one about tariffs."""
        if root.dep_ == "dobj":
            verb = root.head
        elif root.dep_ == "pobj" and root.head.lower_ in ("at", "to", "through"):
            # "climb through 20% to 35%": the second phrase may hang from the first amount
            verb = root.head.head
            while verb.pos_ != "VERB" and verb.dep_ in ("pobj", "prep") and verb.head != verb:
                verb = verb.head
        else:
            return False
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _RATE_MOVES:
            return False
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children) or any(
                c.dep_ in ("nsubj", "nsubjpass") and (c.lemma_.lower() in SALES_NOUNS | {"sale", "share", "market", "price"})
                for c in verb.children):
            return False  # "sales climbed to 12% of the market": a share, not a tariff
        sents = [ent.sent] + ([self.doc[ent.sent.start - 1].sent] if ent.sent.start > 0 else [])
        return any(t.lemma_.lower() in TARIFF_WORDS for s in sents for t in s)

    def rate_paid(self, root: Token) -> Token | None:
        """The verb by which a company pays or is given a percentage rate ('will pay 17%', 'was
        set at 18.8%', 'obtained a rate of 7.8%', 'face 20.7%'), if the percentage is one."""
        tok = root
        for _ in range(4):
            if tok.pos_ in ("VERB", "AUX"):
                break
            if tok.head == tok:
                return None
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in RATE_VERBS:
            return None
        if root.dep_ == "pobj" and root.head.lower_ in ("from", "by", "of") and root.head.head == tok:
            return None  # "cut from 30%", "rose by 12%": a change, not the rate
        payers = [a for a in self.subjects(tok) if a[0].type == Kind.ORGANIZATION]
        # "Chinese producers that cooperated face 20.7%": makers named by their kind
        makers = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NNS", "NNPS")
                  and c.lemma_.lower() in ORG_NOUNS]
        return tok if payers or makers else None

    def per_year(self, ent: Span) -> bool:
        """Whether a count is given per year ('50,000 cars a year', 'annually', 'annual')."""
        window = self.doc[max(ent.sent.start, ent.start - 4) : min(ent.sent.end, ent.end + 6)]
        return any(t.lower_ in ("annually", "annual", "yearly") or t.lower_ == "year" and t.i > 0
                   and self.doc[t.i - 1].lower_ in ("a", "per", "each", "every") for t in window)

    def site_of_clause(self, root: Token, verb: Token | None) -> tuple[Cluster, Token] | None:
        """The facility an amount's phrase hangs from ('a plant with a capacity of N'), or the
        facility the clause's verb builds or opens ('opened a plant ... with a capacity of N')."""
        for anc in [root, *root.ancestors][:5]:
            if anc.pos_ == "NOUN" and anc is not root and self.facility_at(anc):
                return self.facility_at(anc)
            if anc == verb:
                break
        if verb is not None:
            for o in verb.children:
                if o.dep_ == "dobj" and self.facility_at(o):
                    return self.facility_at(o)
            # "will create 2,500 jobs at its plant in Lyon": the works the amount is at
            for p in [*verb.children, *root.children]:
                if p.dep_ == "prep" and p.lower_ == "at":
                    site = next((f for g in p.children if g.dep_ == "pobj" for f in [self.facility_at(g)] if f), None)
                    if site is not None:
                        return site
        return None

    def counted_sales(self, ent: Span, verb: Token | None) -> None:
        """'Tesla's deliveries totalled 1.81 million', 'BYD's sales rose to 1.57 million': a bare
        count whose clause subject is a sales noun is the possessor's sales volume."""
        if verb is None or ent.root.dep_ not in ("dobj", "pobj", "attr", "npadvmod", "advmod") or (
                ent.root.dep_ == "pobj" and ent.root.head.lower_ not in ("to", "at", "of")):
            return
        if any(t.text in ("%",) or t.lower_ in ("percent", "per") for t in ent):
            return
        for noun in verb.children:
            if noun.dep_ != "nsubj" or noun.lemma_.lower() not in SALES_NOUNS:
                continue
            owners = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
            value = parse_quantity(ent.text, noun.text)
            for o in owners:
                if o[0].type in BODY and value is not None:
                    self.add(o, "salesVolume", value, ent.root, "amount:sales-count", 0.75, BODY, ANY,
                             year=self.year_in(ent))

    def investors(self, money_root: Token) -> list[tuple[Cluster, Token]]:
        for t in money_root.ancestors:
            if t.lemma_.lower() == "investment":
                return self.governor_subjects(t)
            if t.lemma_.lower() == "invest" and t.pos_ == "VERB":
                return self.subjects(t)
        return []

    def invest_target(self, money_root: Token) -> str:
        for t in money_root.ancestors:
            if t.lemma_.lower() in INVEST_WORDS:
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ == "in":
                        for pobj in prep.children:
                            found = self.args(pobj)
                            if found:
                                return found[0][0].label
        return ""

    def object_lemmas(self, context: list[Token]) -> set[str]:
        """Lemmas of the direct objects of the verbs in a context ('raise duties ... to 50 percent')."""
        return {"duty" if import_tax(o) else o.lemma_.lower() for t in context if t.pos_ in ("VERB", "AUX")
                for o in t.children if o.dep_ in ("dobj", "nsubjpass")}

    def year_in(self, ent: Span) -> str:
        """The date of a date entity just after the amount ("$2 billion in 2023"), or ""."""
        for other in self.sent_ents(ent.sent):
            if other.label_ in ("DATE", "CARDINAL") and other.start >= ent.end and other.start - ent.end <= 5:
                v = parse_date(other.text)
                if v is not None:
                    return v.date or ""
        return ""

    def sentence_mentions_trade(self, ent: Span) -> bool:
        """Whether the amount's sentence speaks of trade, exports or imports."""
        return any(t.lemma_.lower() in ("trade", "export", "import") for t in ent.sent)

    def sent_countries(self, sent: Span) -> list[tuple[Cluster, Token]]:
        """The countries a sentence names, each once, in order."""
        out = []
        for t in sent:
            c = self.cluster(t)
            if c is not None and c.type == Kind.COUNTRY and all(c.id != o[0].id for o in out):
                out.append((c, t))
        return out


def import_tax(tok: Token) -> bool:
    """'import tax', 'customs tax': a tax on goods crossing a border is a duty."""
    return tok.lemma_.lower() in ("tax", "taxis") and any(
        c.dep_ in ("compound", "amod") and c.lower_ in ("import", "customs", "border") for c in tok.children)
