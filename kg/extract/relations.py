"""Relation rules over the dependency parse: verbs, nominalisations, appositions, titles.

Each rule names itself in the facts it yields; arguments are resolved through
coreference and expanded over coordination ("met X, Y and Z" gives three facts).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.calibration import HEDGE_FACTOR
from kg.extract.coref import Cluster, Resolution
from kg.extract.lexicon import (
    DENIALS,
    FACILITY_NOUNS,
    HEAD_TITLES,
    HEDGES,
    ORG_NOUNS,
    ORG_SUFFIXES,
    PERSON_NOUNS,
    TITLE_WORDS,
)
from kg.extract.mentions import GOVERNMENT_TITLES, Mention, _list_head, facility_mention
from kg.extract.places import Gazetteer
from kg.extract.roles import role_label
from kg.extract.values import parse_date, parse_money, parse_percent, parse_quantity, parse_rank
from kg.model import Value

AGENT = ("Person", "Organization", "Country", "City", "Region", "Place")
ACTOR = ("Person", "Organization", "Country")
BODY = ("Organization", "Country")
PLACE = ("Country", "City", "Region", "Place")
ANY = AGENT + ("Product", "Event", "Role")


@dataclass
class Fact:
    """A relation found in one sentence, before it becomes a model Triple."""

    s: int  # cluster id
    p: str
    o: int | Value
    sent: Span
    rule: str
    confidence: float
    s_tok: tuple[int, int] | None = None  # token span of the subject mention
    o_tok: tuple[int, int] | None = None
    qualifiers: dict[str, str] = field(default_factory=dict)
    hedge: str | None = None


# verb lemma -> [(slot, relation, subject types, object types, confidence)]
# slot: "dobj" (direct object or attribute), or "prep:<word>" (object of that preposition)
VERB_RULES: dict[str, list[tuple[str, str, tuple, tuple, float]]] = {
    "visit": [("dobj", "visited", ACTOR, PLACE + ("Organization",), 0.9)],
    "tour": [("dobj", "visited", ACTOR, PLACE + ("Organization",), 0.85)],
    "travel": [("prep:to", "visited", ("Person",), PLACE, 0.8)],
    "meet": [("dobj", "metWith", ACTOR, ACTOR, 0.85), ("prep:with", "metWith", ACTOR, ACTOR, 0.85)],
    "engage": [("prep:with", "metWith", ("Person",), ACTOR, 0.75)],
    "talk": [("prep:with", "metWith", ACTOR, ACTOR, 0.75)],
    "partner": [("prep:with", "partnersWith", BODY, BODY, 0.85)],
    "team": [("prep:with", "partnersWith", BODY, BODY, 0.8)],
    "collaborate": [("prep:with", "partnersWith", BODY, BODY, 0.8)],
    "cooperate": [("prep:with", "cooperatesWith", BODY, BODY, 0.8)],
    "ally": [("prep:with", "partnersWith", BODY, BODY, 0.75)],
    "invest": [("prep:in", "investsIn", BODY + ("Person",), BODY + PLACE, 0.85)],
    "launch": [("dobj", "launched", BODY, ("Organization", "Product", "Event"), 0.75)],
    "unveil": [("dobj", "launched", BODY, ("Organization", "Product", "Event"), 0.75)],
    "tell": [("dobj", "quotedBy", ("Person",), ("Organization",), 0.8),
             ("dative", "quotedBy", ("Person",), ("Organization",), 0.8)],
    "back": [("dobj", "supports", BODY + ("Person",), BODY, 0.75)],
    "head": [("dobj", "directorOf", ("Person",), ("Organization",), 0.8)],
    "lead": [("dobj", "directorOf", ("Person",), ("Organization",), 0.7)],
    "run": [("dobj", "directorOf", ("Person",), ("Organization",), 0.7)],
    "work": [("prep:for", "worksFor", ("Person",), ("Organization",), 0.8),
             ("prep:at", "worksFor", ("Person",), ("Organization",), 0.75)],
    "join": [("dobj", "memberOf", BODY, ("Organization",), 0.7)],
    "attend": [("dobj", "attended", ACTOR, ("Event", "Organization"), 0.8)],
    "base": [("prep:in", "basedIn", ("Organization", "Person"), PLACE, 0.85)],
    "headquarter": [("prep:in", "headquarteredIn", ("Organization",), PLACE, 0.9)],
    "locate": [("prep:in", "locatedIn", ("Organization", "Place"), PLACE, 0.8)],
    "supply": [("prep:to", "partnersWith", ("Organization",), ("Organization",), 0.6)],
    "acquire": [],
    "sign": [("prep:with", "cooperatesWith", BODY, BODY, 0.7)],
}
# noun lemma -> (preposition, relation, object types, confidence); subject from the
# noun's possessor or the clause that governs it.
NOUN_RULES: dict[str, list[tuple[str, str, tuple, float]]] = {
    "visit": [("to", "visited", PLACE + ("Organization",), 0.85)],
    "trip": [("to", "visited", PLACE, 0.8)],
    "meeting": [("with", "metWith", ACTOR, 0.75)],
    "talk": [("with", "metWith", ACTOR, 0.75)],
    "investment": [("in", "investsIn", BODY + PLACE, 0.8)],
    "launch": [("of", "launched", ("Organization", "Product", "Event"), 0.75)],
    "partnership": [("with", "partnersWith", BODY, 0.8)],
    "cooperation": [("with", "cooperatesWith", BODY, 0.75)],
    "collaboration": [("with", "cooperatesWith", BODY, 0.75)],
    "agreement": [("with", "partnersWith", BODY, 0.7)],
    "deal": [("with", "partnersWith", BODY, 0.7)],
    "memorandum": [("with", "cooperatesWith", BODY, 0.7)],
    "mou": [("with", "cooperatesWith", BODY, 0.7)],
    "venture": [("with", "partnersWith", BODY, 0.8)],
    "tariff": [("on", "imposesTariffOn", BODY, 0.8)],
    "duty": [("on", "imposesTariffOn", BODY, 0.75)],
    "surtax": [("on", "imposesTariffOn", BODY, 0.8)],
    "surcharge": [("on", "imposesTariffOn", BODY, 0.75)],
    "trade": [("with", "tradesWith", BODY, 0.75)],
}
# Verb + "hands"/"forces" or copula + cooperation nouns: the coordinated subjects partner.
PARTNERING_OBJECTS = {"hand", "force"}
PARTNERING_NOUNS = {"cooperation", "partnership", "collaboration", "talk", "alliance", "venture"}
# Binding agreements: between companies a partnership, with a public body cooperation
# (a memorandum of understanding is cooperation whoever signs it).
PACT_NOUNS = {"agreement", "deal", "contract", "pact", "accord"}
AGREEMENT_NOUNS = {"memorandum", "agreement", "deal", "pact", "accord", "treaty", "contract", "mou"}
# Words naming a body of a state: "China's Ministry of Commerce" is part of China.
STATE_BODIES = {"ministry", "department", "commission", "agency", "embassy", "parliament", "customs",
                "council", "office", "bureau", "administration", "authority", "cabinet", "senate"}
# A company that belongs to another: "Acme's battery unit X", "X, a subsidiary of Acme".
GROUP_WORDS = {"group", "holding", "holdings", "alliance", "conglomerate", "groupe", "gruppe"}
SUBSIDIARY_NOUNS = {"unit", "subsidiary", "arm", "division", "affiliate"}
CONTINENTS = {"Europe", "Asia", "Africa", "North America", "South America", "Latin America",
              "Southeast Asia", "Middle East", "Oceania"}
# Participles that name a venture's members: "formed by A and B", "made up of A, B and C".
MEMBERSHIP_VERBS = {"form", "make", "comprise", "consist", "set", "create", "establish", "own"}
# Nouns that head the name of an event ("the Tashkent International Investment Forum").
EVENT_NOUNS = {"forum", "summit", "conference", "expo", "exhibition", "fair", "congress", "show",
               "festival", "meet", "dialogue", "roundtable", "symposium", "convention", "week"}
_EVENT_SKIP = {"annual", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
               "ninth", "tenth", "this", "year", "'s"}
# Participles that date an organisation's start: "founded in 2016", "set up in 2019".
FOUNDING_VERBS = {"found", "co-found", "establish", "form", "create", "register", "incorporate", "set"}
CONSTRUCTION = {"build", "construct", "establish", "open", "erect", "set"}
CONSTRUCTION_NOUNS = {"construction", "building", "opening"}
TRADE_WORDS = {"trade", "export", "import", "exports", "imports", "traded"}
INVEST_WORDS = {"invest", "investment", "pour", "plough", "capex", "expenditure"}
SPEND_VERBS = {"invest", "spend", "put", "pour", "plough", "commit", "allocate"}
SALES_NOUNS = {"sale", "delivery", "shipment", "export", "order", "registration"}
SALES_WORDS = {"sell", "sale", "deliver", "delivery", "shipment", "ship"}
CAPACITY_WORDS = {"capacity", "produce", "manufacture", "output", "assemble", "make"}
JOBS_WORDS = {"job", "worker", "employee", "people", "staff"}
# People who stand for the body they come from when someone meets them.
DELEGATE_NOUNS = {"executive", "official", "representative", "delegation", "leader", "manager"}
START_WORDS = {"start", "begin", "commence", "launch"}
TARIFF_WORDS = {"tariff", "duty", "levy", "surtax", "surcharge"}
# Verbs whose subject sets a tariff: "Canada imposed a 100% surtax", "the EU will levy duties".
TARIFF_VERBS = {"impose", "levy", "charge", "raise", "slap", "set", "introduce", "apply", "announce",
                "plan", "hike", "increase", "double", "extend"}
SPOKES_TITLES = {"spokesperson", "spokesman", "spokeswoman"}
SPEECH_VERBS = {"say", "state", "announce", "tell", "add", "confirm", "oppose", "warn"}
# Verbs of making: "X assembles vehicles in P" -> hasFacilityIn(X, P).
PRODUCTION_VERBS = {"assemble", "produce", "manufacture", "make", "build"}
# Appositive nouns whose "of" object is what the described body makes.
MAKER_NOUNS = {"maker", "manufacturer", "producer", "supplier"}
# Units a measured quantity may carry when NER puts the number and unit in one span.
MEASURE_UNITS = {"gwh", "mwh", "kwh", "twh", "gw", "mw", "kw", "tonne", "ton", "tonnes", "tons",
                 "gigawatt-hour", "megawatt-hour", "hour", "barrel", "unit", "vehicle", "car"}


GOVERNMENT_NOUNS = frozenset({"government", "administration", "authorities", "cabinet"})
CLAUSE_INTERNAL = {"xcomp", "pobj", "prep", "dobj", "attr", "compound", "amod", "pcomp", "nsubj", "nsubjpass"}


class RelationFinder:
    """Apply the rules to one parsed document whose mentions are resolved."""

    def __init__(self, doc: Doc, res: Resolution, gaz: Gazetteer) -> None:
        self.doc, self.res, self.gaz = doc, res, gaz
        self.facts: list[Fact] = []
        # Entities by sentence start, computed once: Span.ents rebuilds doc.ents on every
        # call, which made long documents quadratic.
        self.ents = list(doc.ents)
        self._sent_ents: dict[int, list[Span]] = {}
        for ent in self.ents:
            self._sent_ents.setdefault(ent.sent.start, []).append(ent)

    def sent_ents(self, sent: Span) -> list[Span]:
        """The named entities of one sentence (cached)."""
        return self._sent_ents.get(sent.start, [])

    # ---- argument helpers -------------------------------------------------------
    def cluster(self, tok: Token) -> Cluster | None:
        """The entity a token belongs to."""
        return self.res.cluster_at(tok.i)

    def mention_span(self, tok: Token) -> tuple[int, int]:
        """Token span of the mention containing tok (or the token alone)."""
        cid = self.res.token_cluster.get(tok.i)
        start = end = tok.i
        while start - 1 >= 0 and self.res.token_cluster.get(start - 1) == cid:
            start -= 1
        while end + 1 < len(self.doc) and self.res.token_cluster.get(end + 1) == cid:
            end += 1
        return (start, end + 1)

    def args(self, tok: Token) -> list[tuple[Cluster, Token]]:
        """Entities an argument token stands for, expanded over coordination and lists."""
        out: list[tuple[Cluster, Token]] = []
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head is not tok:
            # "Jaguar Land Rover, which Tata bought": the relative pronoun stands for the noun
            return self.args(tok.head.head)
        conjuncts = list(tok.conjuncts)
        if conjuncts:
            last = max(c.i for c in conjuncts)
            window = self.doc[min(tok.i, last) : min(len(self.doc), last + 6)]
            if not any(t.lower_ in ("and", "or", "&") for t in window):
                conjuncts = []  # "with B, X," without "and": X names something beside B, not a list
        for t in [tok, *conjuncts]:
            c = self.cluster(t)
            if c is None and t.lemma_.lower() in GOVERNMENT_NOUNS:
                # "the U.S. government", "China's government": the state acts as its country.
                states = [(self.cluster(a), a) for a in t.children if a.dep_ in ("compound", "poss", "amod")
                          and self.cluster(a) is not None and self.cluster(a).type == "Country"]
                if states:
                    out.append(states[0])
                    continue
            if c is not None and c.type == "Role":
                # "the Minister of Industry, Jane Doe,": the office stands for its holder.
                holders = [(self.cluster(a), a) for a in t.children if a.dep_ == "appos"
                           and self.cluster(a) is not None and self.cluster(a).type == "Person"]
                if holders:
                    out.extend(holders)
                    continue
            if c is not None:
                out.append((c, t))
                continue
            nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
            if t.pos_ == "NOUN" and nxt is not None and (t.lower_ in ORG_NOUNS or t.lemma_.lower() in ORG_NOUNS):
                # "carmaker Leapmotor" parsed with the name hanging elsewhere: the name is the argument.
                nc = self.cluster(nxt)
                if nc is not None and nc.type == "Organization":
                    out.append((nc, nxt))
                    continue
            if t.lemma_.lower() in DELEGATE_NOUNS:
                # "executives of X and Y", "officials from X": the bodies they represent.
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                out.extend(self.args(pobj))
                # "senior Acme executives", "Acme's officials"
                for a in t.children:
                    ac = self.cluster(a) if a.dep_ in ("compound", "poss") else None
                    if ac is not None and ac.type == "Organization":
                        out.append((ac, a))
            if t.pos_ in ("NOUN", "PROPN"):
                for child in t.children:
                    # "its domestic brand, X": the name in apposition is the argument.
                    if child.dep_ == "appos" and self.cluster(child) is not None:
                        out.append((self.cluster(child), child))
                    # "companies, including X, Y and Z" / "firms such as X"
                    if child.dep_ == "prep" and child.lower_ in ("including", "like", "as"):
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                out.extend(self.args(pobj))
                    elif child.dep_ == "amod" and child.lower_ in ("such",):
                        for gc in child.children:
                            if gc.lower_ == "as":
                                for pobj in gc.children:
                                    out.extend(self.args(pobj))
        seen: set[int] = set()
        return [(c, t) for c, t in out if not (c.id in seen or seen.add(c.id))]

    def subjects(self, verb: Token, depth: int = 0) -> list[tuple[Cluster, Token]]:
        """Subject entities of a verb, inherited through coordination and control."""
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs:
            out = []
            for s in subs:
                if s.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
                    out.extend(self.args(verb.head))
                else:
                    out.extend(self.args(s))
            return out
        if depth > 4 or verb.head is verb:
            return []
        if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "pcomp", "acomp") or (
            verb.dep_ == "prep" and verb.head.pos_ in ("VERB", "AUX")
        ):
            return self.subjects(verb.head, depth + 1)
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return self.args(verb.head)
        return []

    def governor_subjects(self, noun: Token) -> list[tuple[Cluster, Token]]:
        """The actor of a nominal trigger: its possessor, or the governing clause's subject."""
        for child in noun.children:
            if child.dep_ == "poss":
                found = self.args(child)
                if found:
                    return found
        tok = noun
        for _ in range(6):
            if tok.head is tok:
                return []
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return self.subjects(tok)
        return []

    def slot(self, verb: Token, slot: str) -> list[Token]:
        """Argument tokens of a verb for a rule slot."""
        if slot == "dobj":
            return [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
        if slot == "dative":
            return [c for c in verb.children if c.dep_ == "dative"]
        word = slot.split(":", 1)[1]
        preps = [c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ == word]
        return [p for prep in preps for p in prep.children if p.dep_ == "pobj"]

    # ---- fact construction -------------------------------------------------------
    def add(self, s: tuple[Cluster, Token], p: str, o: tuple[Cluster, Token] | Value,
            trigger: Token, rule: str, conf: float, s_types=ANY, o_types=ANY,
            o_tok: tuple[int, int] | None = None, **qualifiers: str) -> None:
        """Record a fact if the types fit and it is not a self-relation."""
        sc, st = s
        if sc.type not in s_types:
            return
        if isinstance(o, Value):
            oid: int | Value = o
        else:
            oc, ot = o
            if oc.type not in o_types or oc.id == sc.id:
                return
            oid = oc.id
            o_tok = self.mention_span(ot)
        hedge = self.hedge(trigger)
        if hedge == "denied":
            return
        if hedge:
            conf *= HEDGE_FACTOR
        q = {k.rstrip("_"): v for k, v in qualifiers.items() if v}
        date = self.date_near(trigger)
        if date and "date" not in q and p not in ("founded", "plannedStart"):
            q["date"] = date
        self.facts.append(
            Fact(sc.id, p, oid, trigger.sent, rule, round(conf, 3), self.mention_span(st),
                 o_tok, q, hedge)
        )

    def hedge(self, tok: Token) -> str | None:
        """A hedge on the trigger or the verbs above it ('plans to', 'denied', 'may')."""
        t = tok
        for _ in range(4):
            for child in t.children:
                if child.dep_ == "neg":
                    return "denied"
                if child.dep_ == "aux" and child.lower_ in HEDGES:
                    return HEDGES[child.lower_]
                if child.dep_ == "advmod" and child.lower_ in HEDGES:
                    return HEDGES[child.lower_]
            if t.lemma_.lower() in DENIALS:
                return "denied"
            if t is not tok and t.lemma_.lower() in HEDGES and t.pos_ == "VERB":
                return HEDGES[t.lemma_.lower()]
            # Stay inside the trigger's clause: an "as ..." or "that ..." clause above it
            # does not hedge it.
            if t.head is t or t.dep_ not in CLAUSE_INTERNAL:
                break
            t = t.head
        return None

    def date_near(self, tok: Token) -> str | None:
        """An ISO date from a DATE entity attached to the trigger's clause."""
        sent = tok.sent
        verb = tok if tok.pos_ in ("VERB", "AUX") else next(
            (a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok
        )
        best = None
        for ent in self.sent_ents(sent):
            if ent.label_ not in ("DATE", "CARDINAL"):
                continue
            value = parse_date(ent.text)
            if value is None or (ent.label_ == "CARDINAL" and len(ent.text) != 4):
                continue
            root = ent.root
            if root.head == verb or root.head.head == verb or root.head.head == tok or root.head == tok:
                return value.date
            best = best or value.date
        return None

    # ---- rules ---------------------------------------------------------------------
    def run(self) -> list[Fact]:
        """Apply every rule to every sentence."""
        self.link_facilities()
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "NOUN" and (lemma == "venture" or lemma in ("consortium", "group") and any(
                    a.dep_ == "acl" and a.lemma_.lower() in MEMBERSHIP_VERBS for a in tok.children)):
                self.venture_rule(tok)
            if tok.pos_ in ("VERB", "AUX"):
                self.verb_rules(tok, lemma)
            if tok.pos_ == "NOUN":
                self.noun_rules(tok, lemma)
            if tok.lower_ == "based" and tok.dep_ == "amod":
                self.based_rule(tok)
        self.event_rules()
        self.title_rules()
        self.apposition_rules()
        self.descriptor_rules()
        self.place_rules()
        self.amount_rules()
        return self.facts

    def event_cluster(self, tok: Token) -> tuple[Cluster, Token] | None:
        """A named event a token stands for: 'the COP27 climate conference', 'the fourth Tashkent
        International Investment Forum', or a name NER typed as an organisation ending in 'Forum'."""
        c = self.cluster(tok)
        if c is not None and c.type == "Event":
            return (c, tok)
        if c is not None and c.type == "Organization" and c.label.split()[-1].lower() in EVENT_NOUNS:
            return (c, tok)
        if c is not None or tok.lemma_.lower() not in EVENT_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        mods = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod", "nummod")]
        if not any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in mods):
            return None  # "a forum", "the ceremony": no name to give it
        start = min(t.i for t in mods)
        while start < tok.i and (self.doc[start].lower_ in _EVENT_SKIP or self.doc[start].ent_type_ == "ORDINAL"):
            start += 1
        text = self.doc[start : tok.i + 1].text
        return (self.new_cluster(Mention(start, tok.i + 1, text, "Event", "name", text)), tok)

    def event_rules(self) -> None:
        """People at a named event attend it: 'X spoke at the Y Forum', 'signed by A and B at the
        COP27 climate conference', 'X attended the Y Summit'."""
        for prep in self.doc:
            if prep.dep_ != "prep" or prep.lower_ not in ("at", "during"):
                continue
            events = [e for g in prep.children if g.dep_ == "pobj" for e in [self.event_cluster(g)] if e]
            verb = prep.head
            if not events or verb.pos_ not in ("VERB", "AUX"):
                continue
            people = [a for a in self.subjects(verb) if a[0].type == "Person"]
            people += [a for c in verb.children if c.dep_ == "agent" for p in c.children
                       if p.dep_ == "pobj" for a in self.args(p) if a[0].type == "Person"]
            for person in people:
                for event in events:
                    self.add(person, "attended", event, verb, "event:at", 0.75, ("Person",), ("Event",))
        for verb in self.doc:
            if verb.lemma_.lower() == "attend" and verb.pos_ == "VERB":
                for o in verb.children:
                    event = self.event_cluster(o) if o.dep_ == "dobj" and self.cluster(o) is None else None
                    if event:
                        for person in self.subjects(verb):
                            self.add(person, "attended", event, verb, "event:attend", 0.8, ("Person",), ("Event",))

    def verb_rules(self, verb: Token, lemma: str) -> None:
        agents = [a for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                  for a in self.args(p)] if verb.tag_ == "VBN" else []
        for slot, rel, s_types, o_types, conf in VERB_RULES.get(lemma, []):
            if slot == "dobj" and agents:
                # "Tesla, headed by Elon Musk" / "X was visited by Y": the agent acts on the patient.
                for s in agents:
                    for o in self.subjects(verb):
                        self.add(s, rel, o, verb, f"verb:{lemma}:passive", conf, s_types, o_types)
                continue
            objs = [a for o in self.slot(verb, slot) for a in self.args(o)]
            rule = f"verb:{lemma}:{slot}"
            if rel == "visited" and all(a[0].type == "Place" for a in objs):
                # a visit to a site is a visit to its owner and its town (and to the site)
                sites = self.site_args(verb, slot)
                if sites:
                    objs, rule, conf = objs + sites, f"verb:{lemma}:site", conf - 0.1
            if not objs:
                continue
            subs = self.subjects(verb)
            if verb.tag_ == "VBN" and lemma in ("base", "headquarter", "locate"):
                subs = subs or self.args(verb.head)
            for s in subs:
                for o in objs:
                    self.add(s, rel, o, verb, rule, conf, s_types, o_types)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma in ("sign", "conclude", "reach", "ink") and any(o.lemma_.lower() in AGREEMENT_NOUNS for o in objects):
            # "Indonesia and Australia signed a memorandum": states cooperate, companies partner.
            subs = [s for s in self.subjects(verb) if s[0].type in BODY]
            for i, a in enumerate(subs):
                for b in subs[i + 1 :]:
                    states = a[0].type == "Country" and b[0].type == "Country"
                    self.add(a, "cooperatesWith" if states else "partnersWith", b, verb, "verb:sign-together", 0.8,
                             BODY, BODY)
        # "X and Y joined hands / forces" -> the coordinated subjects partner.
        if any(o.lemma_.lower() in PARTNERING_OBJECTS for o in objects):
            self.pairwise(self.subjects(verb), verb, "partnersWith", "verb:join-hands", 0.8)
        # "X and Y are in (active) cooperation"
        if lemma == "be":
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    if any(p.lemma_.lower() in PARTNERING_NOUNS for p in prep.children):
                        self.pairwise(self.subjects(verb), verb, "partnersWith", "copula:in-cooperation", 0.8)
        if lemma in ("be", "become", "remain"):
            self.copula_rules(verb)
        if lemma in CONSTRUCTION:
            for o in objects:
                self.build_rule(verb, o, f"verb:{lemma}:facility")
        if lemma in ("plan", "announce", "unveil", "propose", "consider"):
            # "BYD plans a second plant in Turkey": the plant is the trigger, so the planning
            # verb above it hedges the facts ("planned"); an announcement does not.
            for o in objects:
                if o.lemma_.lower() in FACILITY_NOUNS:
                    self.build_rule(o, o, f"verb:{lemma}:facility")
        if lemma in ("include", "comprise") and verb.dep_ == "relcl":
            # "Acme Group, which includes Acme Motors and Beta": the group's members are its parts
            groups = [a for a in self.subjects(verb) if a[0].type == "Organization"
                      and a[0].label.split()[-1].lower() in GROUP_WORDS]
            for member in (a for o in objects for a in self.args(o) if a[0].type == "Organization"):
                for g in groups:
                    if g[0].id != member[0].id:
                        self.add(member, "partOf", g, verb, "verb:group-includes", 0.8,
                                 ("Organization",), ("Organization",))
        if lemma in ("seek", "look", "want", "aim", "hope"):
            self.seek_rule(verb)
        if lemma in START_WORDS:
            self.start_rule(verb)
        if lemma == "invest":
            for o in self.slot(verb, "prep:in"):
                self.facility_place_rule(verb, o)
        if lemma in PRODUCTION_VERBS and verb.dep_ not in ("acl", "amod"):
            self.production_place_rule(verb, objects)
        if lemma in ("have", "operate", "run", "own"):
            for o in objects:
                self.facility_place_rule(verb, o)
        if lemma in FOUNDING_VERBS and verb.tag_ in ("VBN", "VBD"):
            self.founded_rule(verb)
        if lemma in ("own", "hold", "acquire", "buy", "take") and not self.hedge(verb):
            self.stake_rule(verb, objects)
        if lemma in ("acquire", "buy", "purchase", "control") and not self.hedge(verb):
            self.takeover_rule(verb, lemma, objects)

    def site_args(self, verb: Token, slot: str) -> list[tuple[Cluster, Token]]:
        """Owner and place of a site: 'toured Acme's plant in Gdansk' -> Acme, Gdansk."""
        found: list[tuple[Cluster, Token]] = []
        for o in self.slot(verb, slot):
            if o.pos_ != "NOUN":
                continue
            # the place may hang off the noun or, as parsers often attach it, off the verb
            around = [*o.children, *(v for v in verb.children if v.i > o.i)]
            for c in around:
                if c.dep_ == "poss":
                    found.extend(self.args(c))
                if c.dep_ == "prep" and c.lower_ == "of" and c.head == o:
                    # "the headquarters of battery maker Acme"
                    found.extend(a for g in c.children if g.dep_ == "pobj" for a in self.args(g))
            found.extend(self.prep_places(around, ("in", "at")))
        return found

    def prep_places(self, tokens: Iterable[Token], words: tuple[str, ...] = ("in", "at", "near")
                    ) -> list[tuple[Cluster, Token]]:
        """Places named after the place prepositions among tokens: 'a plant in Gdansk' -> Gdansk."""
        return [a for p in tokens if p.dep_ == "prep" and p.lower_ in words
                for g in p.children if g.dep_ == "pobj" for a in self.place_args(g)]

    def place_args(self, pobj: Token) -> list[tuple[Cluster, Token]]:
        """Places a preposition's object names: 'Gdansk', 'Hidalgo state', 'the city of Gdansk'."""
        found = [a for a in self.args(pobj) if a[0].type in PLACE]
        if found:
            return found
        if pobj.lemma_.lower() in ("state", "province", "region", "city", "town", "county", "district"):
            for c in pobj.children:
                if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == pobj.i - 1:
                    for a in self.args(c):
                        if a[0].type == "City" and pobj.lemma_.lower() in ("state", "province", "region", "county"):
                            # "Hidalgo state" is the state, not a homonymous city.
                            m = Mention(c.i, c.i + 1, c.text, "Region", "name", c.text)
                            a = (self.new_cluster(m), c)
                        if a[0].type in PLACE:
                            found.append(a)
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            found.extend(a for a in self.args(g) if a[0].type in PLACE)
        return found

    def production_place_rule(self, verb: Token, objects: list[Token]) -> None:
        """'X assembles vehicles in P' -> hasFacilityIn(X, P): making things somewhere."""
        if not objects or self.hedge(verb):
            return
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
        preps += [c for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for place in self.place_args(pobj):
                    for s in self.subjects(verb):
                        self.add(s, "hasFacilityIn", place, verb, "verb:produce-in-place", 0.7,
                                 ("Organization",), PLACE)

    def link_facilities(self) -> None:
        """Create facility entities first, then point 'the plant' / 'the factory' to the latest.

        Facilities come from construction triggers ("X will build a battery plant in Y");
        a later definite facility noun with no place of its own refers to the last one.
        """
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and lemma in CONSTRUCTION:
                for o in tok.children:
                    if o.dep_ == "dobj":
                        self.build_rule(tok, o, f"verb:{lemma}:facility")
        for tok in self.doc:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in FACILITY_NOUNS and self.cluster(tok) is None:
                self.site_rule(tok)
        facilities = sorted(
            (m.start, c) for c in self.res.clusters.values() for m in c.mentions if m.kind == "facility"
        )
        if not facilities:
            return
        for tok in self.doc:
            if tok.i in self.res.token_cluster or tok.pos_ != "NOUN" or tok.tag_ != "NN":
                continue
            if tok.lemma_.lower() not in FACILITY_NOUNS:
                continue
            dets = [c for c in tok.children if c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")]
            if not dets or any(c.dep_ == "prep" and c.lower_ in ("in", "at", "near") for c in tok.children):
                continue
            earlier = [c for start, c in facilities if start < tok.i]
            if not earlier:
                continue
            c = earlier[-1]
            start = min(d.i for d in dets)
            m = Mention(start, tok.i + 1, self.doc[start : tok.i + 1].text, c.type, "description", cluster=c.id)
            c.mentions.append(m)
            for i in range(start, tok.i + 1):
                self.res.token_cluster.setdefault(i, c.id)

    def place_text(self, place: tuple[Cluster, Token]) -> str:
        """A place as this article spells it ('Tanjung Malim', not the gazetteer's 'Tanjong')."""
        start, end = self.mention_span(place[1])
        text = self.doc[start:end].text if end > start else place[0].label
        return text.split(",")[0].removeprefix("the ").strip()

    def site_rule(self, noun: Token) -> None:
        """A plant with an owner or a place becomes an entity named from both: 'its cell plant
        in Karawang', 'Acme's Lyon factory', 'the plant of Acme in P', 'Acme runs a plant in P'."""
        owned = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
        owned += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" for a in self.args(p)]
        owned = [o for o in owned if o[0].type == "Organization"]
        owners, builders, verb = list(owned), [], None
        if noun.dep_ in ("dobj", "pobj"):
            verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        if verb is not None and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in (
                "have", "own", "operate", "run", "break", "inaugurate", "complete", "start"):
            subs = [a for a in self.subjects(verb) if a[0].type == "Organization"]
            owners = owners or subs
            if verb.lemma_.lower() in ("break", "inaugurate", "complete"):
                builders = subs  # breaking ground on a plant, or completing it, is building it
        if noun.tag_ == "NNS":
            return  # "plants in Europe" are many, not one site
        places = [p for p in self.prep_places(noun.children) if p[0].label not in CONTINENTS]
        if not owners:
            # the organisation the clause is about: "Acme will invest ... to build ... a plant in P"
            for anc in noun.ancestors:
                if anc.pos_ in ("VERB", "AUX"):
                    owners = [a for a in self.subjects(anc) if a[0].type == "Organization"][:1]
                    if owners:
                        break
        if not owners:
            return  # a plant nobody owns in the text cannot be named
        city = self.place_text(places[0]) if places and places[0][0].type != "Country" else None
        if places and city is None:
            return  # "a plant in Hungary": named by its town, when the text gives it
        m = facility_mention(self.doc, noun, city, owners=[self.holder_name(*o) for o in owners], city=city)
        if m is None:
            return
        fac = (self.facility_cluster(m), noun)
        if self.hedge(noun) or any(t.lower_ in ("former", "planned", "proposed") for t in noun.lefts):
            return
        for place in places[:1]:
            self.add(fac, "locatedIn", self.region_cluster(place[1], place[0]), noun, "site:in-place", 0.8,
                     ("Place",), PLACE)
        for b in builders:
            self.add(b, "builds", fac, verb, "site:builder", 0.8, BODY, ("Place",))

    def spokesperson_rule(self, person: tuple[Cluster, Token], first: Token) -> None:
        """'X said ... . Spokesperson Jane Doe said ...' -> worksFor(Jane Doe, X).

        Only when the previous sentence names exactly one organisation and it speaks there.
        """
        if first.i == 0:
            return
        prev = self.doc[first.i - 1].sent
        orgs = {}
        for t in prev:
            c = self.cluster(t)
            if c is not None and c.type == "Organization":
                orgs.setdefault(c.id, (c, t))
        if len(orgs) != 1:
            return
        org = next(iter(orgs.values()))
        speaks = any(t.lemma_.lower() in SPEECH_VERBS and any(
            a[0].id == org[0].id for a in self.subjects(t)) for t in prev if t.pos_ == "VERB")
        if speaks:
            self.add(person, "worksFor", org, first, "title:spokesperson-previous-speaker", 0.7,
                     ("Person",), ("Organization",))

    def venture_rule(self, noun: Token) -> None:
        """'A and B formed a joint venture, X' / 'the venture, named X, is owned by A and B'.

        jointVentureOf(X, parent) for each parent; the parents partner with each other.
        """
        names = [(self.cluster(c), c) for c in noun.children if c.dep_ in ("appos", "compound")
                 and self.cluster(c) is not None and self.cluster(c).type == "Organization"]
        nxt = self.doc[noun.i + 1] if noun.i + 1 < len(self.doc) else None
        if nxt is not None and self.cluster(nxt) is not None and self.cluster(nxt).type == "Organization":
            names.append((self.cluster(nxt), nxt))
        if noun.dep_ == "appos":
            # "X, a joint venture between A and B,": the name the noun stands beside
            names.extend(a for a in self.args(noun.head) if a[0].type == "Organization")
        if noun.dep_ == "attr" and noun.head.lemma_.lower() in ("be", "become", "remain"):
            # "X is a joint venture between A and B"
            names.extend(a for a in self.subjects(noun.head) if a[0].type == "Organization")
        for acl in noun.children:
            if acl.dep_ == "acl" and acl.lemma_.lower() in ("name", "call", "know"):
                for o in acl.children:
                    if o.dep_ in ("oprd", "dobj", "attr") or (o.dep_ == "prep" and o.lower_ == "as"):
                        names.extend(self.args(o) or [a for p in o.children if p.dep_ == "pobj" for a in self.args(p)])
        parents: list[tuple[Cluster, Token]] = []
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("between", "of"):
                parents.extend(a for p in prep.children if p.dep_ == "pobj" for a in self.args(p))
        for acl in noun.children:
            # "the joint venture formed by A and B", "a consortium made up of A, B and C"
            if acl.dep_ == "acl" and acl.lemma_.lower() in MEMBERSHIP_VERBS:
                for t in acl.subtree:
                    if t.dep_ in ("pobj", "dobj") and (t.head.lower_ in ("by", "of") or t.head is acl):
                        parents.extend(self.args(t))
        if any(c.dep_ == "poss" for c in noun.children) and any(
                p.dep_ == "prep" and p.lower_ == "with" for p in noun.children):
            # "its joint venture with B": the possessor and B
            parents.extend(a for c in noun.children if c.dep_ == "poss" for a in self.args(c))
            # only the partner itself: "with B, X" often parses the venture's name X as B's conjunct
            parents.extend((self.cluster(g), g) for p in noun.children if p.dep_ == "prep" and p.lower_ == "with"
                           for g in p.children if g.dep_ == "pobj" and self.cluster(g) is not None)
        if not parents and noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in ("own", "hold", "control"):
            for t in noun.head.subtree:
                if t.dep_ == "pobj" and t.head.lower_ == "by":
                    parents.extend(self.args(t))
        joint = any(c.lower_ == "joint" for c in noun.children)
        if not parents and (joint or names):
            parents = self.governor_subjects(noun)
        parents = [p for p in parents if p[0].type == "Organization" and all(p[0].id != n[0].id for n in names)]
        for name in names:
            for par in parents:
                self.add(name, "jointVentureOf", par, noun, "noun:joint-venture", 0.8,
                         ("Organization",), ("Organization",))
            # "run a plant in P through their venture X": the venture has the facility.
            gov = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if gov is not None:
                for o in gov.children:
                    if o.dep_ == "dobj" and o.lemma_.lower() in FACILITY_NOUNS:
                        for prep in o.children:
                            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                                for pobj in prep.children:
                                    for place in self.args(pobj):
                                        self.add(name, "hasFacilityIn", place, noun, "venture:facility-place",
                                                 0.7, ("Organization",), PLACE)
        if joint and len(parents) >= 2 and not names:
            # an unnamed venture links its parents directly; a named one links them through itself
            self.pairwise(parents, noun, "partnersWith", "noun:joint-venture-partners", 0.75)

    def pairwise(self, subs, trigger, rel, rule, conf) -> None:  # noqa: ANN001
        for i, a in enumerate(subs):
            for b in subs[i + 1 :]:
                self.add(a, rel, b, trigger, rule, conf, BODY + ("Person",), BODY + ("Person",))

    def noun_rules(self, noun: Token, lemma: str) -> None:
        for prep_word, rel, o_types, conf in NOUN_RULES.get(lemma, []):
            preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == prep_word]
            if lemma in ("memorandum", "agreement"):
                # "a memorandum of understanding with X": the "with" hangs off "understanding".
                preps += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                          for o in c.children for g in o.children if g.dep_ == "prep" and g.lower_ == prep_word]
            pobjs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
            objs = [a for o in pobjs for a in self.args(o)]
            if not objs and rel == "imposesTariffOn":
                objs = [a for o in pobjs for a in self.origins(o)]
            if not objs:
                continue
            subs = self.governor_subjects(noun)
            if rel == "imposesTariffOn":
                subs = [a for a in subs if a[0].type in BODY] or self.tariff_imposer(noun)
            for s in subs:
                for o in objs:
                    if s[0].id != o[0].id:
                        r = self.pact_relation(s[0], o[0]) if lemma in PACT_NOUNS else rel
                        self.add(s, r, o, noun, f"noun:{lemma}:{prep_word}", conf, ACTOR, o_types)
        if lemma in AGREEMENT_NOUNS or lemma in ("collaboration", "cooperation", "partnership"):
            # "an agreement between A and B", "the signing of a memorandum between A and B"
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ == "between":
                    parties = [a for g in prep.children if g.dep_ == "pobj" for a in self.args(g)
                               if a[0].type in BODY]
                    for i, a in enumerate(parties):
                        for b in parties[i + 1 :]:
                            if a[0].id != b[0].id:
                                rel = (self.pact_relation(a[0], b[0]) if lemma in PACT_NOUNS
                                       else "partnersWith" if lemma == "partnership" else "cooperatesWith")
                                self.add(a, rel, b, noun, f"noun:{lemma}:between", 0.75, BODY, BODY)
        if lemma in FACILITY_NOUNS:
            self.owned_site_rule(noun)
        if lemma in CONSTRUCTION_NOUNS:
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for o in prep.children:
                        if o.dep_ == "pobj":
                            self.build_rule(noun, o, f"noun:{lemma}:facility")

    def owned_site_rule(self, noun: Token) -> None:
        """'Acme's factory in Fremont' -> hasFacilityIn(Acme, Fremont)."""
        owners = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
        owners = [o for o in owners if o[0].type == "Organization"]
        if not owners or self.hedge(noun):
            return
        for place in self.prep_places(noun.children):
            for owner in owners:
                self.add(owner, "hasFacilityIn", place, noun, "facility:possessive-place", 0.75,
                         ("Organization",), PLACE)

    def origins(self, goods: Token) -> list[tuple[Cluster, Token]]:
        """Countries goods come from: 'Chinese EVs', 'vehicles made in China', 'imports from X'."""
        out = []
        for t in goods.subtree:
            c = self.cluster(t)
            if c is None or c.type != "Country":
                continue
            if t.head == goods and t.dep_ in ("amod", "compound", "nmod"):
                out.append((c, t))
            elif t.dep_ == "pobj" and t.head.lower_ in ("in", "from") and t.head.head.lemma_.lower() in (
                "make", "build", "produce", "manufacture", "import", "vehicle", "car", "ev", "good", "product"):
                out.append((c, t))
        return out

    def takeover_rule(self, verb: Token, lemma: str, objects: list[Token]) -> None:
        """'X acquired miner Y', 'X, which controls carmaker Y,' -> partOf(Y, X).

        A stake, shares or assets are not the company; nor is "Acme" in "Acme's assets".
        """
        rule = "verb:control" if lemma == "control" else "verb:acquire"
        for o in (a for ob in objects if ob.lemma_.lower() not in ("stake", "share", "asset", "interest")
                  for a in self.args(ob)):
            if self.possessor(o):
                continue
            for s in self.subjects(verb):
                if s[0].id != o[0].id:
                    self.add(o, "partOf", s, verb, rule, 0.75, ("Organization",), ("Organization",))

    def between_the_two_countries(self, verb: Token) -> bool:
        """'Trade between the two countries reached $X': the pair named just before."""
        return any(
            n.dep_ == "nsubj" and n.lemma_.lower() == "trade" and p.lower_ == "between"
            and g.lemma_.lower() == "country" and any(c.lower_ in ("two", "both") for c in g.children)
            for n in verb.children for p in n.children for g in p.children
        )

    def recent_countries(self, before: int, k: int) -> list[tuple[Cluster, Token]]:
        """The k countries named last before a token index, most recent first."""
        last: dict[int, int] = {}
        for c in self.res.clusters.values():
            if c.type == "Country":
                for m in c.mentions:
                    if m.start < before:
                        last[c.id] = max(last.get(c.id, -1), m.start)
        ids = sorted(last, key=lambda cid: -last[cid])[:k]
        if len(ids) < k:
            return []
        return [(self.res.clusters[cid], self.doc[last[cid]]) for cid in ids]

    def possessor(self, arg: tuple[Cluster, Token]) -> bool:
        """Whether the name at this argument is followed by a possessive ("Acme's", "Acme Metals'")."""
        c, tok = arg
        for m in c.mentions:
            if m.start <= tok.i < m.end:
                return m.end < len(self.doc) and self.doc[m.end].tag_ == "POS"
        return False

    def founded_rule(self, verb: Token) -> None:
        """'The company, founded in 2016,' / 'X was founded in 2016' -> founded(X, 2016)."""
        if verb.tag_ == "VBD" and not any(c.dep_ == "auxpass" for c in verb.children):
            return  # "Jane Doe founded X in 2016": the subject is the founder, not the company
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for pobj in prep.children:
                # "in 2016", "in October 2021", "at the end of 2015" (NER often calls a bare year CARDINAL)
                dated = [t for t in pobj.subtree if t.ent_type_ == "DATE" or re.fullmatch(r"(?:19|20)\d\d", t.text)]
                date = parse_date(" ".join(t.text for t in pobj.subtree)) if dated else None
                if date is None or not date.date:
                    continue
                if verb.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
                    continue
                subs = self.subjects(verb)
                if not subs and verb.dep_ == "acl" and verb.head.dep_ == "appos":
                    subs = self.args(verb.head.head)  # "Stellantis, the group created in 2021,"
                for s in subs:
                    if s[0].type == "Organization":
                        self.add(s, "founded", date, verb, "verb:founded-in", 0.8, ("Organization",), ANY)

    def stake_rule(self, verb: Token, objects: list[Token]) -> None:
        """'X holds a 21 percent stake in Y', 'X owns 21 percent of Y' -> investsIn(X, Y)."""
        if verb.tag_ == "VBN" and verb.lemma_.lower() == "own":
            # "Y, which is 67 percent owned by X," -> investsIn(X, Y); wholly owned -> partOf(Y, X)
            owners = [a for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                      for a in self.args(p)]
            part = any(t.lower_ in ("percent", "%", "partly", "partially", "jointly", "majority", "minority")
                       for t in verb.subtree if t.i < verb.i)
            for owner in owners:
                for owned in self.subjects(verb):
                    if owned[0].id != owner[0].id:
                        if part:
                            self.add(owner, "investsIn", owned, verb, "verb:owned-by-part", 0.8, BODY, ("Organization",))
                        else:
                            self.add(owned, "partOf", owner, verb, "verb:owned-by", 0.75, ("Organization",), BODY)
            return
        targets: list[tuple[Cluster, Token]] = []
        for o in objects:
            lemma = o.lemma_.lower()
            if lemma in ("stake", "share", "interest"):
                preps = [c for c in [*o.children, *verb.children] if c.dep_ == "prep" and c.lower_ == "in"]
            elif lemma in ("percent", "%") or o.lower_ == "%":
                preps = [c for c in o.children if c.dep_ == "prep" and c.lower_ == "of"]
            else:
                continue
            targets += [a for p in preps for g in p.children if g.dep_ == "pobj" for a in self.args(g)]
        for t in targets:
            for s in self.subjects(verb):
                if s[0].id != t[0].id:
                    self.add(s, "investsIn", t, verb, "verb:stake-in", 0.8, BODY, ("Organization",))

    def start_rule(self, verb: Token) -> None:
        """'X will start production in 2026' -> plannedStart(X, 2026)."""
        if verb.tag_ == "VBD":
            return  # "began production in April 2024" happened; it is not a planned start
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "xcomp")]
        # "start production", "production is to start", "start operating"
        gov = verb.head if verb.dep_ == "xcomp" else None
        objs += [c for c in (gov.children if gov is not None else []) if c.dep_ in ("nsubj", "nsubjpass")]
        if not any(o.lemma_.lower() in ("production", "operation", "operate", "construction", "delivery", "sale",
                                        "manufacturing", "output") for o in objs):
            return
        date = None
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "by", "from"):
                for pobj in prep.subtree:
                    if pobj.ent_type_ in ("DATE", "CARDINAL"):
                        date = parse_date(pobj.text)
                        if date is None:
                            ent = next((e for e in self.sent_ents(verb.sent) if e.start <= pobj.i < e.end), None)
                            date = parse_date(ent.text) if ent is not None else None
                        if date is not None:
                            break
        if date is None:
            return
        subs = [a for a in self.subjects(verb) if self.cluster(a[1]) is not None]
        subs = [a for a in subs if a[1].lemma_.lower() not in ("production", "output", "operation")]
        sites = [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "at"
                 for g in p.children if g.dep_ == "pobj" for a in self.args(g) if a[0].type == "Place"]
        if sites:
            subs = sites  # "begin production at the plant": the plant starts
        if not subs:
            # "Mass production is scheduled to start in 2026": which facility is not said here,
            # and the last one named is often the wrong one (measured on the development corpus)
            return
        for s in subs:
            self.add(s, "plannedStart", date, verb, "verb:start-production", 0.7, BODY + ("Place",), ANY)

    def build_rule(self, trigger: Token, obj: Token, rule: str) -> None:
        """X builds a facility; the facility is located where the text says."""
        place = None
        place_arg = None
        preps = [c for c in obj.children if c.dep_ == "prep"]
        # "its first factory, in the city of P,": the place phrase in apposition.
        preps += [g for c in obj.children if c.dep_ == "appos" for g in c.children if g.dep_ == "prep"]
        if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("AUX", "VERB") and trigger.dep_ in ("nsubj", "nsubjpass"):
            # "construction of its factory, in the city of P, is on schedule"
            preps += [c for c in trigger.head.children if c.dep_ == "prep"]
        if trigger.pos_ == "NOUN":
            preps += [c for c in trigger.children if c.dep_ == "prep" and c.lower_ != "of"]
        if trigger.pos_ in ("VERB", "AUX"):
            # "build a plant in P": parsers attach the place phrase to the verb as often as to the noun
            preps += [c for c in trigger.children if c.dep_ == "prep" and c.i > obj.i]
        partners = [p for w in preps if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
        # "a plant with Y in P": the place phrase often hangs off the partner's name
        preps += [g for p in partners for g in p.children if g.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ in ("in", "at", "near"):
                for pobj in prep.children:
                    found = self.place_args(pobj)
                    if found and found[0][0].type in PLACE:
                        place_arg = found[0]
                        place = self.place_label(found[0][1], found[0][0])
        subs = self.subjects(trigger) if trigger.pos_ in ("VERB", "AUX") else self.governor_subjects(trigger)
        if not subs and trigger.pos_ == "NOUN":
            # "construction of its factory": the facility's possessor builds it.
            subs = [a for c in obj.children if c.dep_ == "poss" for a in self.args(c)]
        owners = [s for s in subs if s[0].type == "Organization"]
        # a plant is named after its town; one placed only in a country keeps its description
        city = self.place_text(place_arg) if place_arg is not None and place_arg[0].type != "Country" else None
        if place_arg is not None and city is None:
            owners = []
        m = facility_mention(self.doc, obj, place, owners=[self.holder_name(*o) for o in owners], city=city)
        if m is None:
            return
        fac = self.facility_cluster(m)
        fac_arg = (fac, obj)
        for s in subs:
            self.add(s, "builds", fac_arg, trigger, rule, 0.8, BODY, ("Place",))
        # "X will build a plant with Y": the builders are partners.
        for partner in (a for p in partners for a in self.args(p)):
            for s in subs:
                self.add(s, "partnersWith", partner, trigger, "facility:build-with", 0.75,
                         ("Organization",), ("Organization",))
        if place_arg is not None:
            region = self.region_cluster(place_arg[1], place_arg[0])
            self.add(fac_arg, "locatedIn", region, trigger, "facility:in-place", 0.85, ("Place",), PLACE)
            for s in subs:
                self.add(s, "hasFacilityIn", region, trigger, "facility:owner-place", 0.7, BODY, PLACE)

    def facility_place_rule(self, trigger: Token, obj: Token) -> None:
        """'invest in a plant in Manisa' -> hasFacilityIn(investor, Manisa)."""
        if obj.lemma_.lower() not in FACILITY_NOUNS:
            return
        for place in self.prep_places(obj.children):
            for s in self.subjects(trigger):
                self.add(s, "hasFacilityIn", place, trigger, "facility:invest-in-plant", 0.7, BODY, PLACE)

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
        m = Mention(start, tok.i + 1, self.doc[start : tok.i + 1].text, "Region", "name", label)
        return (self.new_cluster(m), tok)

    def facility_cluster(self, m: Mention) -> Cluster:
        for c in self.res.clusters.values():
            if c.type == "Place" and c.label == m.label:
                return c
        return self.new_cluster(m)

    def new_cluster(self, m: Mention) -> Cluster:
        for c in self.res.clusters.values():
            if c.type == m.type and c.label == (m.label or m.text):
                return c
        cid = max(self.res.clusters, default=-1) + 1
        c = Cluster(cid, m.type, [m], m.label or m.text)
        c.reasons[m.text] = "first mention"
        m.cluster = cid
        self.res.clusters[cid] = c
        for i in range(m.start, m.end):
            self.res.token_cluster.setdefault(i, cid)
        return c

    def seek_rule(self, verb: Token) -> None:
        """'X is seeking to cooperate (and learn) from/with Y' -> seeksCooperationWith."""
        for x in verb.children:
            if x.dep_ != "xcomp" or x.lemma_.lower() not in (
                "cooperate", "partner", "collaborate", "learn", "work", "deepen", "expand", "boost", "strengthen"):
                continue
            targets = []
            for v in [x, *x.conjuncts]:
                for prep in v.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("with", "from"):
                        for pobj in prep.children:
                            found = self.args(pobj) or [
                                a for c in pobj.children if c.dep_ == "poss" for a in self.args(c)
                            ]
                            targets.extend(found)
            for s in self.subjects(verb):
                for o in targets:
                    self.add(s, "seeksCooperationWith", o, verb, "verb:seek-cooperation", 0.75, BODY, BODY)

    def copula_rules(self, verb: Token) -> None:
        """'X is part/a member of Y', 'X became Y's third-largest trading partner'."""
        subs = self.subjects(verb)
        for attr in (c for c in verb.children if c.dep_ in ("attr", "acomp")):
            lemma = attr.lemma_.lower()
            if lemma in ("part", "member"):
                if verb.dep_ == "relcl":
                    # "Y, of which X is a member": the relative pronoun stands for Y.
                    for prep in verb.children:
                        if prep.lower_ == "of" and any(p.lower_ in ("which", "whom") for p in prep.children):
                            for s in subs:
                                for o in self.args(verb.head):
                                    self.add(s, "partOf" if lemma == "part" else "memberOf", o, verb,
                                             f"copula:{lemma}-of-which", 0.8, BODY, BODY)
                for prep in attr.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for pobj in prep.children:
                            objs = self.args(pobj) or [self.np_entity(pobj)]
                            for s in subs:
                                for o in objs:
                                    if o is not None:
                                        self.add(s, "partOf" if lemma == "part" else "memberOf", o,
                                                 verb, f"copula:{lemma}-of", 0.8, BODY, BODY)
            rank = self.rank_value(attr)
            if rank is not None:
                owners = [a for c in attr.children if c.dep_ == "poss" for a in self.args(c)]
                trading = any(c.lower_ == "trading" for c in attr.children) and lemma == "partner"
                for s in subs:
                    owner = owners[0][0].label if owners else ""
                    self.add(s, "tradingPartnerRank" if trading else "rankedAs", rank, verb,
                             "copula:rank", 0.8, BODY, ANY, partner_of=owner)
                    if trading:
                        for o in owners:
                            self.add(s, "tradesWith", o, verb, "copula:trading-partner", 0.8, BODY, BODY)

    def rank_value(self, noun: Token) -> Value | None:
        """A rank Value for 'third-largest trading partner', 'largest market'."""
        mods = [t for t in noun.subtree if t.i < noun.i and t.dep_ in ("amod", "advmod", "compound")]
        if not any(t.tag_ == "JJS" or t.lower_ in ("first", "second", "third", "fourth", "fifth", "top")
                   for t in mods):
            return None
        start = min(t.i for t in mods)
        text = self.doc[start : noun.i + 1].text
        value = parse_rank(text)
        if value is None:
            return None
        if not (any(c.lower_ == "trading" for c in noun.children)):
            value = dataclasses.replace(value, text=self.rank_phrase(noun, start))
        return value

    def rank_phrase(self, noun: Token, start: int) -> str:
        """The whole ranking, as a reader quotes it: "world's largest maker of EV batteries",
        "China's top car exporter by sales" (a possessor and one of/by/in/for phrase)."""
        for c in noun.children:
            if c.dep_ == "poss" and c.i < start:
                start = min(t.i for t in c.subtree)
        end = noun.i + 1
        for c in noun.children:
            if c.dep_ == "prep" and c.i == end and c.lower_ in ("of", "by", "in", "for", "among"):
                sub = list(c.subtree)
                if not any(t.text in (",", ";", "(") or t.dep_ in ("relcl", "acl") for t in sub):
                    end = max(t.i for t in sub) + 1
                break
        while start < end and self.doc[start].lower_ in ("the", "a", "an"):
            start += 1
        return self.doc[start:end].text

    def np_entity(self, tok: Token) -> tuple[Cluster, Token] | None:
        """An organisation entity for an NP such as "the European Union's customs union"."""
        owners = [c for c in tok.children if c.dep_ == "poss" and self.cluster(c) is not None]
        if not owners or tok.pos_ != "NOUN":
            return None
        start = min(t.i for t in tok.subtree if t.i <= tok.i and t.dep_ != "det")
        text = self.doc[start : tok.i + 1].text
        m = Mention(start, tok.i + 1, text, "Organization", "name", text)
        return (self.new_cluster(m), tok)

    def based_rule(self, based: Token) -> None:
        """'the Ankara-based Centre' -> basedIn(Centre, Ankara)."""
        places = [a for c in based.children if c.dep_ in ("npadvmod", "compound", "amod") for a in self.args(c)]
        if not places:
            prev = self.doc[based.i - 2] if based.i >= 2 else None
            if prev is not None and self.cluster(prev) is not None:
                places = [(self.cluster(prev), prev)]
        owners = self.args(based.head)
        if not owners and based.head.dep_ == "compound":
            # "Frankfurt-based consultancy Acme Partners": the noun is a compound of the name
            owners = self.args(based.head.head)
        for o in owners:
            for p in places:
                self.add(o, "basedIn", p, based, "amod:x-based", 0.85, ("Organization", "Person"), PLACE)

    def title_rules(self) -> None:
        """'Trade Minister Jane Doe': holdsPosition, nationality, worksFor/directorOf."""
        for c in list(self.res.clusters.values()):
            for m in c.mentions:
                if m.kind != "role":
                    continue
                person_tok = self.doc[m.end] if m.end < len(self.doc) else None
                rule, conf = "title:before-name", 0.9
                if person_tok is not None and person_tok.text == "," and m.end + 1 < len(self.doc):
                    # "the Minister of Industry, Jane Doe,": the name in apposition.
                    person_tok, rule, conf = self.doc[m.end + 1], "title:appos-name", 0.85
                if person_tok is None:
                    continue
                pc = self.cluster(person_tok)
                if pc is None or pc.type != "Person":
                    continue
                p = (pc, person_tok)
                first = self.doc[m.start]
                possessive = m.start >= 2 and self.doc[m.start - 1].tag_ == "POS"
                # "Acme's chief executive" or "Acme chief executive": the owner stands before.
                owner = self.doc[m.start - 2] if possessive else (self.doc[m.start - 1] if m.start >= 1 else None)
                oc = self.cluster(owner) if owner is not None else None
                # "former President X" no longer holds the office
                if not any(t.lower_ in ("former", "ex", "late") for t in self.doc[max(0, m.start - 2) : m.end]):
                    for role in self.held_roles(m, c, oc, owner):
                        self.add(p, "holdsPosition", (role, first), first, rule, conf, ("Person",), ("Role",))
                if oc is not None and oc.type == "Country" and possessive:
                    # "Korea's Minister of Trade": the office holder serves that country.
                    self.add(p, "nationality", (oc, owner), first, "title:country-possessive", 0.75,
                             ("Person",), ("Country",))
                elif oc is not None and oc.type == "Organization":
                    # "Acme's chief executive Jane Doe"; "an Acme executive" only works there
                    last = self.doc[m.end - 1]
                    head = last.lower_ in HEAD_TITLES and not (
                        last.lower_ == "executive" and (m.end - 2 < m.start or self.doc[m.end - 2].lower_ != "chief"))
                    self.add(p, "directorOf" if head else "worksFor", (oc, owner), first,
                             "title:org-possessive" if possessive else "title:org-before", 0.8,
                             ("Person",), ("Organization",))
                country = self.gaz.demonym(first.text) or self.gaz.country(first.text)
                named = self.cluster(first)
                if country and named is not None and named.type in ("Region", "City", "Place"):
                    country = None  # "Georgia Governor" where Georgia is the U.S. state
                if country:
                    cc = self.cluster(first)
                    if cc is None or cc.type != "Country":
                        cc = self.new_cluster(Mention(first.i, first.i + 1, first.text, "Country", "demonym", country))
                    self.add(p, "nationality", (cc, first), first, "title:demonym", 0.8, ("Person",), ("Country",))
                has_org = oc is not None and oc.type == "Organization"
                for t in self.doc[m.start : m.end]:
                    oc = self.cluster(t)
                    if oc is not None and oc.type == "Organization":
                        has_org = True
                        head = self.doc[m.end - 1].lower_ in HEAD_TITLES
                        self.add(p, "directorOf" if head else "worksFor", (oc, t), t, "title:org", 0.8,
                                 ("Person",), ("Organization",))
                        break
                if not has_org and self.doc[m.end - 1].lower_ in SPOKES_TITLES and first.is_sent_start:
                    self.spokesperson_rule(p, first)

    def held_roles(self, m: Mention, bare: Cluster, owner: Cluster | None,
                   owner_tok: Token | None) -> list[Cluster]:
        """The roles of a title mention named with their holder: 'South Korean Trade Minister'
        -> 'Trade Minister of South Korea'; 'Acme founder and chairman' -> 'Founder of Acme',
        'Chairman of Acme'.  Without a holder, the bare title."""
        start, holder, htype = m.start, None, ""
        if owner is not None and owner_tok is not None and owner.type in (
                "Organization", "Country", "City", "Region"):
            holder, htype = self.holder_name(owner, owner_tok), owner.type
        # a country, demonym or place inside the title is its holder; words before it are
        # not part of the title ("Project | Hungarian | Foreign Minister")
        for k in range(m.start, m.end - 1):
            for end in range(m.end - 1, k, -1):
                text = self.doc[k:end].text
                country = self.gaz.demonym(text) or self.gaz.country(text)
                if country:
                    holder, htype, start = country, "Country", end
                    break
                if end == k + 1 and k == m.start and self.doc[k].pos_ == "PROPN" and (
                        self.gaz.city(text) or self.gaz.region(text)):
                    holder, htype, start = text, "City", end
                    break
            if start > m.start:
                break
        if holder is None and self.national_title(self.doc[m.start : m.end]):
            # "President Luis Arce" in an article about Bolivia: the country the article is about
            holder, htype = self.doc_country(), "Country"
        if holder is None:
            return [bare]
        roles = []
        for title in self.split_titles(self.doc[start : m.end]):
            label = role_label(title, holder, htype)
            roles.append(self.new_cluster(Mention(m.start, m.end, m.text, "Role", "role", label)))
        return roles or [bare]

    def national_title(self, span: Span) -> bool:
        """A national office named without its country: 'President', 'Prime Minister', 'the
        minister of energy' (not a chief minister, mayor or governor, whose office is local)."""
        words = [t.lower_ for t in span]
        if not words or "chief" in words or "former" in words:
            return False
        head = next((w for w in reversed(words) if w in TITLE_WORDS), words[-1])
        return head in ("president", "minister", "chancellor", "king", "prince") and not any(
            w in ("vice", "deputy") and head == "president" for w in words) and not any(
            t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS for t in span)

    def doc_country(self) -> str | None:
        """The country an article is about: named clearly more often than any other (or None)."""
        if not hasattr(self, "_doc_country"):
            counts = sorted(((len(c.mentions), c.label) for c in self.res.clusters.values()
                             if c.type == "Country"), reverse=True)
            top = counts[0] if counts else (0, None)
            second = counts[1][0] if len(counts) > 1 else 0
            self._doc_country = top[1] if top[0] >= 3 and top[0] >= 2 * second else None
        return self._doc_country

    def holder_name(self, c: Cluster, tok: Token) -> str:
        """The holder as the sentence names it ('Hyundai Motor Company'), or the entity's full
        name when the sentence shortens it ('Redwood's' -> 'Redwood Materials')."""
        if c.type != "Organization":
            return c.label
        start, end = self.mention_span(tok)
        text = self.doc[start:end].text if end > start else tok.text
        if not text[:1].isupper() or tok.pos_ in ("PRON", "DET") or tok.lower_ in (
                "the", "it", "its", "this", "that") or end - start <= 1 and c.label.startswith(text + " "):
            return c.label  # a pronoun or description ("its", "the company") or a short form
        rest = c.label[len(text):].split() if c.label.startswith(text + " ") else []
        if rest and all(w.lower().strip(".") in ORG_SUFFIXES - {"group"} for w in rest):
            return c.label  # "Hyundai Motor" for "Hyundai Motor Company"
        return text

    @staticmethod
    def split_titles(span: Span) -> list[str]:
        """'founder, chairman and chief executive' -> three titles; 'Minister of Trade,
        Industry and Energy' stays one (its parts are not titles)."""
        parts, cur = [], []
        for t in span:
            if t.lower_ in (",", "and", "&"):
                parts.append(cur)
                cur = []
            else:
                cur.append(t)
        parts.append(cur)
        parts = [p for p in parts if p]
        if len(parts) > 1 and all(p[-1].lower_ in TITLE_WORDS for p in parts):
            texts = [" ".join(t.text for t in p) for p in parts]
            # "president and chief executive", "managing director and CEO" name one office
            keys = [t.lower() for t in texts]
            for i in range(len(keys) - 1):
                if keys[i] in ("president", "managing director") and keys[i + 1] in (
                        "chief executive", "ceo", "chief executive officer"):
                    texts[i : i + 2] = [f"{texts[i]} and {texts[i + 1]}"]
                    break
            return texts
        text = span.text.strip(" ,")
        return [text] if text else []

    def apposition_rules(self) -> None:
        """'X, director of Y and a Turkish expert on Z,' -> directorOf, nationality, expertOn."""
        for tok in self.doc:
            if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and self.cluster(tok) is not None:
                # "its domestic EV brand, X": the noun describes the name after it.
                self.describe([(self.cluster(tok), tok)], tok.head)
                continue
            if tok.dep_ == "appos" and tok.lower_ == "one":
                # "X, one of China's largest makers of Y,": describe X by the plural noun.
                heads = self.args(tok.head)
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of" and heads:
                        for noun in prep.children:
                            if noun.dep_ == "pobj" and noun.pos_ == "NOUN":
                                self.describe(heads, noun)
                continue
            if tok.dep_ != "appos" or tok.pos_ != "NOUN":
                continue
            heads = self.args(tok.head)
            if not heads:
                continue
            for noun in [tok, *tok.conjuncts]:
                self.describe(heads, noun)

    def ownership(self, heads: list[tuple[Cluster, Token]], noun: Token) -> None:
        """'Acme's battery unit X', 'X, a subsidiary of Acme' -> partOf(X, Acme); brands -> brandOf;
        'Acme, the owner (parent) of X' -> partOf(X, Acme)."""
        lemma = noun.lemma_.lower()
        if lemma in ("owner", "parent") and noun.dep_ == "appos" and not any(
                t.lower_ in ("former", "co", "part", "minority") for t in noun.lefts):
            owned = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" for a in self.args(p)]
            for h in heads:
                for o in owned:
                    if h[0].type == o[0].type == "Organization" and h[0].id != o[0].id:
                        self.add(o, "partOf", h, noun, "appos:owner-of", 0.8, ("Organization",),
                                 ("Organization",))
            return
        rel = "brandOf" if lemma == "brand" else "partOf" if lemma in SUBSIDIARY_NOUNS else None
        if rel is None:
            return
        owners = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
        owners += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj" for a in self.args(p)]
        for owner in owners:
            if owner[0].type != "Organization":
                continue
            for h in heads:
                if h[0].id != owner[0].id:
                    self.add(h, rel, owner, noun, f"descriptor:{rel}", 0.8, ("Organization", "Product"),
                             ("Organization",))

    def appositive_title(self, heads: list[tuple[Cluster, Token]], noun: Token) -> None:
        """'Jane Doe, the mayor of Gdansk,' -> holdsPosition(Jane Doe, Mayor of Gdansk).

        Public offices only: "X, the chief executive of Acme," is directorOf (see describe),
        as the gold annotation has it.
        """
        people = [h for h in heads if h[0].type == "Person"]
        if noun.dep_ != "appos" or noun.lower_ not in GOVERNMENT_TITLES or not people:
            return
        if any(t.lower_ in ("former", "ex", "then", "late") for t in noun.lefts):
            return  # "a former finance minister" no longer holds the office
        # the portfolio belongs to the title: "finance minister", "prime minister"
        start = min([t.i for t in noun.lefts if t.dep_ in ("compound", "amod") and (
            t.lower_ in TITLE_WORDS or t.dep_ == "compound")] + [noun.i])
        end = noun.i + 1
        countries: list[tuple[Cluster, Token]] = []
        for prep in noun.children:
            # an office of a city or region keeps the place ("mayor of Gdansk"); of a country,
            # the country is the holder's nationality, as with "Turkish Trade Minister"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobjs = [p for p in prep.children if p.dep_ == "pobj"]
                places = self.args(pobjs[0]) if pobjs else []
                if places and all(a[0].type == "Country" for a in places):
                    countries = places
                elif places and all(a[0].type in PLACE for a in places):
                    end = max(t.i for t in pobjs[0].subtree) + 1
                elif pobjs and not places and pobjs[0].pos_ == "NOUN":
                    # "the minister of hydrocarbons and energy": the portfolio is part of the title
                    end = max(t.i for t in pobjs[0].subtree) + 1
        countries += [a for c in noun.children if c.dep_ == "poss" for a in self.args(c) if a[0].type == "Country"]
        text = self.doc[start:end].text
        label = text[:1].upper() + text[1:]
        holder = countries[0][0].label if len({c[0].id for c in countries}) == 1 else None
        if holder is None and not countries and self.national_title(self.doc[start:end]):
            holder = self.doc_country()
        if holder:
            label = role_label(text, holder, "Country")
        role = self.new_cluster(Mention(start, end, text, "Role", "role", label))
        for h in people:
            self.add(h, "holdsPosition", (role, noun), noun, "appos:title", 0.85, ("Person",), ("Role",))
            for c in countries:
                self.add(h, "nationality", c, noun, "appos:title-of-country", 0.8, ("Person",), ("Country",))

    def appositive_role(self, heads: list[tuple[Cluster, Token]], noun: Token) -> None:
        """'Jane Doe, chief executive of Acme,' / '..., Acme's president and CEO,' ->
        holdsPosition(Jane Doe, Chief Executive of Acme) (public offices: appositive_title)."""
        people = [h for h in heads if h[0].type == "Person"]
        if not people or noun.lower_ not in TITLE_WORDS or noun.lower_ in GOVERNMENT_TITLES:
            return
        if any(t.lower_ in ("former", "ex", "then", "late") for t in noun.lefts):
            return
        words = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod") and self.cluster(t) is None]
        start = min([t.i for t in words] + [noun.i])
        if any(t.lower_ in ("former", "ex", "then", "late") for t in self.doc[max(0, start - 1) : noun.i]):
            return
        end = noun.i + 1
        for conj in noun.children:  # "president and chief executive"
            if conj.dep_ == "conj" and conj.lower_ in TITLE_WORDS:
                end = conj.i + 1
        holders = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
        for tok in [noun, *[c for c in noun.children if c.dep_ == "conj"]]:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "at"):
                    holders += [a for p in prep.children if p.dep_ == "pobj" for a in self.args(p)]
        holders = [h for h in holders if h[0].type in ("Organization", "Country", "City", "Region")]
        if len({h[0].id for h in holders}) != 1:
            return
        if holders[0][0].type == "Country" and any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                                   for c in holders[0][1].children):
            return  # "of Honda Canada": a company NER did not find, not the country
        holder = self.holder_name(*holders[0])
        for title in self.split_titles(self.doc[start:end]):
            label = role_label(title, holder, holders[0][0].type)
            role = self.new_cluster(Mention(start, end, title, "Role", "role", label))
            for h in people:
                self.add(h, "holdsPosition", (role, noun), noun, "appos:title-of", 0.85, ("Person",), ("Role",))

    def describe(self, heads: list[tuple[Cluster, Token]], noun: Token) -> None:
        self.ownership(heads, noun)
        self.appositive_title(heads, noun)
        self.appositive_role(heads, noun)
        lemma = noun.lemma_.lower()
        if noun.dep_ == "appos" and lemma in ORG_NOUNS:
            # "X, the world's largest e-bike maker," -> rankedAs(X, largest e-bike maker)
            rank = self.rank_value(noun)
            if rank is not None:
                for h in heads:
                    self.add(h, "rankedAs", rank, noun, "appos:rank", 0.8, BODY, ANY)
        words = {t.lower_ for t in noun.lefts} | {lemma}
        for child in noun.children:
            if child.dep_ in ("amod", "compound"):
                country = self.gaz.demonym(child.text)
                cc = self.cluster(child)
                if country and cc is not None:
                    rel = "nationality"
                    for h in heads:
                        self.add(h, rel, (cc, child), noun, "appos:demonym", 0.75, ("Person", "Organization"), ("Country",))
            if child.dep_ == "poss":
                for owner in self.args(child):
                    if owner[0].type == "Organization" and (lemma in PERSON_NOUNS or words & HEAD_TITLES):
                        # "Jane Doe, Acme's chief executive," / "..., Acme's vice president"
                        head = (lemma in HEAD_TITLES or words & HEAD_TITLES) and not words & {"vice", "deputy"}
                        for h in heads:
                            self.add(h, "directorOf" if head else "worksFor", owner, noun,
                                     "appos:owner-role", 0.8, ("Person",), ("Organization",))
                    if owner[0].type == "Country" and (lemma in ORG_NOUNS or lemma in ("brand", "champion")):
                        for h in heads:
                            rel = "origin" if h[0].type == "Product" else "nationality"
                            self.add(h, rel, owner, noun, "appos:owner-country", 0.75, ("Organization", "Product"), ("Country",))
            if child.dep_ == "prep" and child.lower_ == "of" and lemma in MAKER_NOUNS:
                # "the maker of Peugeot and Fiat cars" -> brandOf(Peugeot, X), brandOf(Fiat, X)
                for p in child.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN":
                        for b in p.children:
                            if b.dep_ in ("compound", "nmod"):
                                for brand in self.args(b):
                                    if brand[0].type in ("Organization", "Product"):
                                        for h in heads:
                                            self.add(brand, "brandOf", h, noun, "appos:maker-of-brand", 0.75,
                                                     ("Organization", "Product"), ("Organization",))
                # "a maker of lithium-ion batteries" -> produces(X, lithium-ion batteries)
                for p in child.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN" and self.cluster(p) is None and not any(
                            t.pos_ == "PROPN" or t.dep_ in ("conj", "prep") for t in p.subtree):
                        start = min(t.i for t in p.subtree if t.i <= p.i and t.dep_ not in ("det", "poss"))
                        text = self.doc[start : p.i + 1].text
                        product = self.new_cluster(Mention(start, p.i + 1, text, "Product", "name", text))
                        for h in heads:
                            self.add(h, "produces", (product, p), noun, "appos:maker-of", 0.7,
                                     ("Organization",), ("Product",))
            if child.dep_ == "prep":
                objs = [a for p in child.children if p.dep_ == "pobj" for a in self.args(p)]
                for o in objs:
                    for h in heads:
                        if child.lower_ == "of" and (lemma in HEAD_TITLES or words & HEAD_TITLES):
                            self.add(h, "directorOf", o, noun, "appos:head-of", 0.85, ("Person",), ("Organization",))
                        elif child.lower_ in ("of", "at") and lemma in PERSON_NOUNS:
                            self.add(h, "worksFor", o, noun, "appos:role-at", 0.75, ("Person",), ("Organization",))
                        elif child.lower_ == "on" and lemma in ("expert", "specialist", "analyst", "scholar"):
                            self.add(h, "expertOn", o, noun, "appos:expert-on", 0.75, ("Person",), ANY)
                        elif child.lower_ in ("from", "in") and lemma in PERSON_NOUNS:
                            self.add(h, "basedIn", o, noun, "appos:from-place", 0.7, ("Person",), PLACE)

    def descriptor_rules(self) -> None:
        """'Chinese energy conglomerate X' -> nationality(X, China)."""
        for c in list(self.res.clusters.values()):
            if c.type != "Organization":
                continue
            for m in c.mentions:
                if m.kind == "description":
                    self.described_nationality(c, m)
                if m.kind != "name" or m.start == 0:
                    continue
                self.list_head_nationality(c, m)
                self.state_body_rule(c, m)
                before = self.doc[m.start - 1]
                if before.pos_ != "NOUN":
                    continue
                self.ownership([(c, self.doc[m.start])], before)
                for t in before.lefts:
                    oc = self.cluster(t)
                    # "Chinese producer X", "South Korean battery maker X" (the demonym in two words)
                    if oc is not None and oc.type == "Country" and t.dep_ in ("amod", "compound", "nmod") and (
                            self.gaz.demonym(t.text) or any(m.kind == "demonym" for m in oc.mentions)):
                        tok = self.doc[m.start]
                        self.add((c, tok), "nationality", (oc, t), before, "descriptor:demonym", 0.8,
                                 ("Organization",), ("Country",))
                for t in self.doc[max(0, m.start - 4) : m.start - 1]:
                    # "Chinese producer X": the demonym may hang off the noun or off the name
                    if t.dep_ in ("amod", "compound") and (t.head == before or m.start <= t.head.i < m.end) \
                            and self.gaz.demonym(t.text):
                        oc = self.cluster(t)
                        if oc is not None:
                            self.add((c, self.doc[m.start]), "nationality", (oc, t), before,
                                     "descriptor:demonym", 0.8, ("Organization",), ("Country",))

    def place_rules(self) -> None:
        """'Szeged, Hungary' and 'the Hungarian city of Szeged' -> locatedIn(Szeged, Hungary)."""
        for c in list(self.res.clusters.values()):
            if c.type not in ("City", "Region", "Place"):
                continue
            for m in c.mentions:
                if m.kind != "name":
                    continue
                tok = self.doc[m.start]
                country = None
                if m.end + 1 < len(self.doc) and self.doc[m.end].text == ",":
                    nxt = self.doc[m.end + 1]
                    cc = self.cluster(nxt)
                    if cc is not None and cc.type == "Country" and nxt.dep_ == "appos":
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
                            if name and cc is not None and cc.type == "Country":
                                country, rule = (cc, a), "place:demonym-city-of"
                if country is not None and country[0].id != c.id:
                    self.add((c, tok), "locatedIn", country, tok, rule, 0.85, PLACE, PLACE)

    def holds_place(self, m: Mention, nxt: Token, outer: Cluster) -> bool:
        """Whether 'A, B' names a place within a place rather than two items of a list."""
        if outer.type == "Country" or self.gaz.us_state(outer.label):
            return True
        end = max(i for i, cid in self.res.token_cluster.items() if cid == outer.id and i >= nxt.i
                  and all(self.res.token_cluster.get(j) == outer.id for j in range(nxt.i, i + 1))) + 1
        after = self.doc[end : end + 2]
        before = self.doc[max(0, m.start - 2) : m.start]
        listed = any(t.lower_ in (",", "and", "or") for t in after[:1]) and any(
            self.cluster(t) is not None and self.cluster(t).type in PLACE for t in after)
        listed |= any(t.lower_ in (",", "and") for t in before[-1:]) and any(
            self.cluster(t) is not None and self.cluster(t).type in PLACE for t in before)
        return not listed

    def place_in_place(self, tok: Token) -> tuple[Cluster, Token] | None:
        """The larger place a place is said to be in: 'X, in (northern) Y', 'X in the province of Y'."""
        preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "in"]
        start, end = self.mention_span(tok)
        if end + 1 < len(self.doc) and self.doc[end].text == "," and self.doc[end + 1].lower_ == "in":
            preps.append(self.doc[end + 1])  # "Zaragoza, in northeastern Spain" wherever it attaches
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                found = [a for a in self.args(pobj) if a[0].type in ("Country", "Region", "Place")]
                if not found and pobj.lemma_.lower() in ("province", "state", "region", "department",
                                                         "county", "prefecture"):
                    found = [a for of in pobj.children if of.dep_ == "prep" and of.lower_ == "of"
                             for g in of.children if g.dep_ == "pobj" for a in self.args(g)
                             if a[0].type in PLACE]
                if found:
                    return found[0]
        return None

    def described_nationality(self, c: Cluster, m: Mention) -> None:
        """'..., the Japanese automaker said' (resolved to Toyota) -> nationality(Toyota, Japan)."""
        head = self.doc[m.end - 1]
        for a in head.children:
            if a.dep_ == "amod" and a.i >= m.start and self.gaz.demonym(a.text):
                oc = self.cluster(a)
                if oc is not None and oc.type == "Country":
                    self.add((c, head), "nationality", (oc, a), head, "description:demonym", 0.75,
                             ("Organization",), ("Country",))

    def state_body_rule(self, c: Cluster, m: Mention) -> None:
        """"China's Ministry of Commerce" -> partOf(Ministry of Commerce, China);
        "Japan's Nippon Steel" -> nationality(Nippon Steel, Japan)."""
        if m.start < 2 or self.doc[m.start - 1].tag_ != "POS":
            return
        owner = self.doc[m.start - 2]
        oc = self.cluster(owner)
        if oc is None or oc.type != "Country":
            return
        if {t.lower_ for t in self.doc[m.start : m.end]} & STATE_BODIES:
            self.add((c, self.doc[m.start]), "partOf", (oc, owner), self.doc[m.start], "descriptor:state-body",
                     0.8, ("Organization",), ("Country",))
        else:
            self.add((c, self.doc[m.start]), "nationality", (oc, owner), self.doc[m.start],
                     "descriptor:country-possessive", 0.8, ("Organization",), ("Country",))

    def list_head_nationality(self, c: Cluster, m: Mention) -> None:
        """'Chinese brands including X and Y' -> nationality(X, China), nationality(Y, China)."""
        head = _list_head(self.doc[m.start : m.end].root)
        if head is None or head.lemma_.lower() not in ORG_NOUNS and head.lower_ not in ORG_NOUNS:
            return
        if head.tag_ != "NNS":
            return  # "French group A and Chinese maker B": each name has its own descriptor
        for t in head.children:
            country = self.gaz.demonym(t.text) if t.dep_ in ("amod", "compound") else None
            if country:
                oc = self.cluster(t)
                if oc is None:
                    oc = self.new_cluster(Mention(t.i, t.i + 1, t.text, "Country", "demonym", country))
                if oc.type == "Country":
                    self.add((c, self.doc[m.start]), "nationality", (oc, t), head, "list:demonym-head", 0.75,
                             ("Organization",), ("Country",))

    def object_lemmas(self, context: list[Token]) -> set[str]:
        """Lemmas of the direct objects of the verbs in a context ('raise duties ... to 50 percent')."""
        return {o.lemma_.lower() for t in context if t.pos_ in ("VERB", "AUX")
                for o in t.children if o.dep_ in ("dobj", "nsubjpass")}

    def amount_rules(self) -> None:
        """Money and counts in context: trade values, investments, sales, capacity, jobs."""
        for ent in self.ents:
            if ent.label_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
                continue
            root = ent.root
            context = [root, *root.ancestors][:6]
            lemmas = {t.lemma_.lower() for t in context} | {t.lower_ for t in context}
            verb = next((t for t in context if t.pos_ in ("VERB", "AUX") and (t.dep_ in ("ROOT", "conj", "ccomp") or (
                t.dep_ == "relcl" and any(c.lower_ in ("which", "that") and c.dep_ in ("nsubj", "nsubjpass") for c in t.children)))), None)
            subs = self.subjects(verb) if verb is not None else []
            if not subs and verb is not None:
                subs = [a for n in verb.children if n.dep_ == "nsubj"
                        for p in n.children if p.dep_ == "poss" for a in self.args(p)]
            year = self.year_in(ent)
            if ent.label_ == "MONEY":
                value = parse_money(ent.text)
                if value is None:
                    continue
                site = self.funded_site(root)
                if site is not None:
                    # "a $290-million cathode plant", "will spend $2 billion on its plant in P":
                    # the amount is the site's
                    self.add(site, "investmentValue", value, root, "amount:site-investment", 0.8,
                             ("Place",), ANY, as_of=year)
                elif lemmas & INVEST_WORDS:
                    investors = self.investors(root)
                    for s in investors or subs:
                        self.add(s, "investmentValue", value, root, "amount:investment", 0.75, BODY, ANY,
                                 in_=self.invest_target(root), as_of=year)
                elif lemmas & TRADE_WORDS or self.sentence_mentions_trade(ent):
                    countries = self.sent_countries(ent.sent)
                    if not countries and verb is not None and self.between_the_two_countries(verb):
                        countries = self.recent_countries(ent.sent.start, 2)
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
                if not subs:
                    tariff = next((t for t in [root, *root.ancestors][:4] if t.lemma_.lower() in TARIFF_WORDS), root)
                    subs = self.tariff_imposer(tariff)
                    # "vehicles made in China ... face a 27.5% duty": the goods' origin is targeted
                    goods = [n for n in (verb.children if verb is not None else []) if n.dep_ in ("nsubj", "nsubjpass")]
                    for origin in (a for g in goods for a in self.origins(g)):
                        for s in subs:
                            if s[0].id != origin[0].id:
                                self.add(s, "imposesTariffOn", origin, root, "amount:tariff-on-origin", 0.7,
                                         BODY, ("Country",))
                for s in subs:
                    if value is not None:
                        self.add(s, "tariffRate", value, root, "amount:tariff", 0.75, BODY, ANY)
            elif ent.label_ in ("CARDINAL", "QUANTITY"):
                unit_tok = root.head if root.dep_ == "nummod" else None
                if unit_tok is None and ent.label_ == "QUANTITY" and root.i != ent.start and (
                        root.lemma_.lower() in MEASURE_UNITS or root.lower_ in MEASURE_UNITS):
                    # "48.6 gigawatt-hours", "20 GWh": NER keeps the unit inside the span.
                    unit_tok = root
                    unit_text = root.text
                    if root.i - 2 >= ent.start and self.doc[root.i - 1].text == "-":
                        unit_text = self.doc[root.i - 2 : root.i + 1].text  # "gigawatt-hours"
                    elif root.i - 1 >= ent.start and self.doc[root.i - 1].lower_.endswith("watt"):
                        unit_text = self.doc[root.i - 1 : root.i + 1].text  # "gigawatt hours"
                    value = parse_quantity(ent.text, _unit_name(unit_text))
                elif unit_tok is not None:
                    value = parse_quantity(ent.text + " " + unit_tok.text, unit_tok.text)
                else:
                    self.counted_sales(ent, verb)
                    continue
                unit = unit_tok.lemma_.lower()
                if value is None:
                    continue
                ctx = {t.lemma_.lower() for t in [unit_tok, *unit_tok.ancestors][:5]}
                if verb is not None:
                    # "its shipments rose to 48.6 GWh": the subject noun says what was counted.
                    ctx |= {n.lemma_.lower() for n in verb.children if n.dep_ in ("nsubj", "nsubjpass")}
                if unit in JOBS_WORDS and ctx & {"employ", "create", "hire", "job"}:
                    rel = "employs"
                elif ctx & SALES_WORDS:
                    rel = "salesVolume"
                elif ctx & CAPACITY_WORDS:
                    rel = "capacity"
                else:
                    continue
                for s in subs:
                    self.add(s, rel, value, root, f"amount:{rel}", 0.7, BODY + ("Place",), ANY, year=year)

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

    def year_in(self, ent: Span) -> str:
        for other in self.sent_ents(ent.sent):
            if other.label_ in ("DATE", "CARDINAL") and other.start >= ent.end and other.start - ent.end <= 5:
                v = parse_date(other.text)
                if v is not None:
                    return v.date or ""
        return ""

    def investors(self, money_root: Token) -> list[tuple[Cluster, Token]]:
        for t in money_root.ancestors:
            if t.lemma_.lower() == "investment":
                return self.governor_subjects(t)
            if t.lemma_.lower() == "invest" and t.pos_ == "VERB":
                return self.subjects(t)
        return []

    @staticmethod
    def pact_relation(a: Cluster, b: Cluster) -> str:
        """An agreement between companies is a partnership; one with a state or a public body
        is cooperation ('signed an agreement with Saudi Arabia's Ministry of Investment')."""
        public = ("Ministry", "Government", "Commission", "Agency", "Council", "Department", "Union")
        if any(c.type == "Country" or any(w in c.label for w in public) for c in (a, b)):
            return "cooperatesWith"
        return "partnersWith"

    def is_tariff_body(self, c: Cluster) -> bool:
        """Only states and blocs set tariffs; a carmaker that 'faces 20%' does not."""
        return c.type == "Country" or any(w in c.label for w in ("Union", "Commission", "Government", "EU"))

    def tariff_imposer(self, tariff: Token) -> list[tuple[Cluster, Token]]:
        """Who sets a tariff the sentence does not give a subject for: its possessor ('the EU's
        10% duty'), the destination of the goods ('cars shipped to the EU face...'), or the body
        the article shows setting tariffs most often."""
        owners = [a for c in tariff.children if c.dep_ == "poss" for a in self.args(c)]
        owners = [a for a in owners if self.is_tariff_body(a[0])]
        if owners:
            return owners[:1]
        for t in tariff.sent:
            if t.dep_ == "prep" and t.lower_ == "to" and t.head.lemma_.lower() in (
                    "ship", "export", "sell", "send", "import", "bring"):
                dest = [a for g in t.children if g.dep_ == "pobj" for a in self.args(g) if self.is_tariff_body(a[0])]
                if dest:
                    return dest[:1]
        return self.doc_imposer()

    def doc_imposer(self) -> list[tuple[Cluster, Token]]:
        """The state or bloc the article shows setting tariffs most often (none on a tie)."""
        if not hasattr(self, "_imposer"):
            votes: dict[int, list[tuple[Cluster, Token]]] = {}
            for sent in self.doc.sents:
                if not any(t.lemma_.lower() in TARIFF_WORDS for t in sent):
                    continue
                for t in sent:
                    found: list[tuple[Cluster, Token]] = []
                    if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in TARIFF_VERBS:
                        found = self.subjects(t)
                    elif t.lemma_.lower() in TARIFF_WORDS:
                        found = [a for c in t.children if c.dep_ == "poss" for a in self.args(c)]
                    for a in found:
                        if self.is_tariff_body(a[0]):
                            votes.setdefault(a[0].id, []).append(a)
            ranked = sorted(votes.values(), key=len, reverse=True)
            self._imposer = ranked[0][:1] if ranked and (len(ranked) == 1 or len(ranked[0]) > len(ranked[1])) else []
        return self._imposer

    def funded_site(self, money_root: Token) -> tuple[Cluster, Token] | None:
        """The facility an amount pays for: a modifier of its noun ('a $2-billion plant'), or
        the object of the spending ('spend / invest / put $2 billion on / in / into the plant'),
        or the subject of 'cost'."""
        def site(tok: Token) -> tuple[Cluster, Token] | None:
            c = self.cluster(tok)
            if c is not None and c.type == "Place" and any(m.kind == "facility" for m in c.mentions):
                return (c, tok)
            return None

        head = money_root.head
        if money_root.dep_ in ("nmod", "compound", "amod", "nummod") and head.lemma_.lower() in FACILITY_NOUNS:
            return site(head)
        verb = next((t for t in [money_root, *money_root.ancestors][:3] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or money_root.dep_ not in ("dobj", "nsubjpass", "attr", "npadvmod"):
            return None
        if verb.lemma_.lower() == "cost":
            return next((s for n in verb.children if n.dep_ == "nsubj" for s in [site(n)] if s), None)
        if verb.lemma_.lower() in SPEND_VERBS:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "into", "on"):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and site(pobj):
                            return site(pobj)
        return None

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

    def sentence_mentions_trade(self, ent: Span) -> bool:
        return any(t.lemma_.lower() in ("trade", "export", "import") for t in ent.sent)

    def sent_countries(self, sent: Span) -> list[tuple[Cluster, Token]]:
        out = []
        for t in sent:
            c = self.cluster(t)
            if c is not None and c.type == "Country" and all(c.id != o[0].id for o in out):
                out.append((c, t))
        return out


def _unit_name(text: str) -> str:
    """A short unit name: 'gigawatt-hours' or 'gigawatt hours' -> 'GWh', 'megawatt-hours' -> 'MWh'."""
    low = text.casefold().replace(" ", "").replace("watthour", "watt-hour")
    for prefix, short in (("kilo", "k"), ("mega", "M"), ("giga", "G"), ("tera", "T")):
        if low.startswith(prefix + "watt-hour") or low.startswith(prefix + "watthour"):
            return short + "Wh"
        if low.startswith(prefix + "watt"):
            return short + "W"
    return text
