"""Shared helpers: entities of tokens, arguments over coordination, subjects, adding facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.calibration import HEDGE_FACTOR
from kg.extract.coref import Cluster, Resolution
from kg.extract.lexicon import (
    MODEL_NOUNS,
    ORG_NOUNS,
)
from kg.extract.places import Gazetteer
from kg.extract.relations.lexicon import (
    AGREEMENT_NOUNS,
    ANY,
    BODY,
    CONSTRUCTION,
    CONTINENTS,
    DELEGATE_NOUNS,
    GOVERNMENT_NOUNS,
    MEDIA_WORDS,
    PAIR_NOUNS,
    STATE_BODIES,
    STATE_NOUNS,
    STATE_VERBS,
)
from kg.extract.relations.modality import hedge_of
from kg.extract.relations.place_args import PlaceArgs
from kg.extract.spans import Mention
from kg.extract.values import parse_date
from kg.model import Kind, Value
from kg.values import find_money, find_quantities

# Relations a state holds as itself, not through its government.
STATE_RELATIONS = {"imposesTariffOn", "tariffRate", "tradesWith", "tradeValue", "tradingPartnerRank"}
# Relations whose object is a place; facilities (typed Place for now) never fill it.
WHERE_RELATIONS = {"hasFacilityIn", "locatedIn", "basedIn", "headquarteredIn"}


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


class FinderBase(PlaceArgs):
    """Entities of tokens, arguments over coordination, subjects, adding facts (for the mixins)."""

    def __init__(self, doc: Doc, res: Resolution, gaz: Gazetteer) -> None:
        self.doc, self.res, self.gaz = doc, res, gaz
        self.facts: list[Fact] = []
        # facilities named before the story places them: cluster id -> (head noun, owner
        # names, the label they were given)
        self.unplaced_sites: dict[int, tuple[Token, list[str], str]] = {}
        self.renamed_sites: dict[int, tuple[str, str]] = {}  # works id -> (country, town) of its name
        # sites and the owners the text gives them by a possessive ("its Belvidere plant"):
        # site id -> [(owner, token of the phrase)]
        self.owned_sites: dict[int, list[tuple[tuple[Cluster, Token], Token]]] = {}
        # unnamed joint ventures and their parents' ids, in the order the story gives them
        self.ventures: list[tuple[Cluster, set[int]]] = []
        self.ministers: list[tuple[Cluster, Cluster]] = []  # "the minister" and the ministry named before
        # Entities by sentence start, computed once: Span.ents rebuilds doc.ents on every
        # call, which made long documents quadratic.
        self.ents = self.with_money(doc)
        self._sent_ents: dict[int, list[Span]] = {}
        for ent in self.ents:
            self._sent_ents.setdefault(ent.sent.start, []).append(ent)

    @staticmethod
    def with_money(doc: Doc) -> list[Span]:
        """The named entities, plus the amounts of money and energy the tagger missed ('2
        trillion won', '5.5 billion reais', '25 gigawatt hours'), which replace a bare number."""
        ents = list(doc.ents)
        found = [(a, b, "MONEY") for a, b in find_money(doc.text)]
        found += [(a, b, "QUANTITY") for a, b in find_quantities(doc.text)]
        for start, end, label in found:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or any(e.start <= span.start and span.end <= e.end and (
                    e.label_ == label or e.label_ in ("MONEY", "QUANTITY")) for e in ents):
                continue
            if label == "QUANTITY" and any(e.label_ in ("MONEY", "QUANTITY", "PERCENT") and e.start < span.end
                                           and span.start < e.end for e in ents):
                continue  # the tagger read it another way ("30,000 tonnes of LCE")
            ents = [e for e in ents if e.end <= span.start or e.start >= span.end] + [span]
        return sorted(ents, key=lambda e: e.start)

    def sent_ents(self, sent: Span) -> list[Span]:
        """The named entities of one sentence (cached)."""
        return self._sent_ents.get(sent.start, [])

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
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head != tok:
            # "Jaguar Land Rover, which Tata bought": the relative pronoun stands for the noun
            return self.args(self.antecedent(tok.head.head))
        conjuncts = list(tok.conjuncts)
        if conjuncts:
            last = max(c.i for c in conjuncts)
            window = self.doc[min(tok.i, last) : min(len(self.doc), last + 6)]
            if not any(t.lower_ in ("and", "or", "&") for t in window):
                conjuncts = []  # "with B, X," without "and": X names something beside B, not a list
        for t in [tok, *conjuncts]:
            c = self.cluster(t)
            if c is None and t.lemma_.lower() == "government":
                gov = self.government_of(t)
                if gov is not None:
                    out.append(gov)
                    continue
            if c is None and t.lemma_.lower() in GOVERNMENT_NOUNS:
                # "the U.S. administration", "China's authorities": the state acts as its country.
                states = [(self.cluster(a), a) for a in t.children if a.dep_ in ("compound", "poss", "amod")
                          and self.cluster(a) is not None and self.cluster(a).type == Kind.COUNTRY]
                if states:
                    out.append(states[0])
                    continue
            if c is None and t.tag_ == "NNS" and t.lemma_.lower() in PAIR_NOUNS and (any(
                    a.lower_ == "both" for a in t.children) or {"the", "two"} <= {a.lower_ for a in t.children}):
                # "the two countries signed ...", "both companies will hold": the two named last
                # ("the two sides": two of one kind)
                pair = self.recent_named(t.i, 2, PAIR_NOUNS[t.lemma_.lower()])
                if len(pair) == 2 and pair[0][0].type == pair[1][0].type:
                    out.extend(pair)
                    continue
            if c is not None and c.type == Kind.ROLE:
                # "the Minister of Industry, Jane Doe,": the office stands for its holder.
                holders = [(self.cluster(a), a) for a in t.children if a.dep_ == "appos"
                           and self.cluster(a) is not None and self.cluster(a).type == Kind.PERSON]
                if holders:
                    out.extend(holders)
                    continue
            if c is not None and c.type in (Kind.CITY, Kind.ORGANIZATION) and self.gaz.capital_of(c.label) \
                    and self.acts_as_state(t):
                # "Beijing said", "Ottawa's surtaxes": a capital that acts stands for its country
                state = self.gaz.capital_of(c.label)
                found = next((k for k in self.res.clusters.values() if k.type == Kind.COUNTRY and k.label == state), None)
                out.append((found or self.new_cluster(Mention(t.i, t.i + 1, t.text, Kind.COUNTRY, "name", state)), t))
                continue
            if c is not None:
                out.append((c, t))
                continue
            named = [self.cluster(a) for a in t.lefts if a.dep_ == "compound" and a.i == t.i - 1]
            if t.pos_ == "NOUN" and t.lemma_.lower() in ORG_NOUNS - {"brand", "marque"} and named and named[0] is not None \
                    and named[0].type == Kind.ORGANIZATION:
                out.append((named[0], self.doc[t.i - 1]))  # "the Traton group" is Traton
                continue
            model = next((a for a in t.subtree if a.i < t.i and a.dep_ == "compound" and self.cluster(a) is not None
                          and self.cluster(a).type == Kind.PRODUCT), None) if t.lower_ in MODEL_NOUNS else None
            if model is not None:
                out.append((self.cluster(model), model))  # "its new X1 SUV", "its X1 plug-in hybrid": the X1
                continue
            nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
            if t.pos_ == "NOUN" and nxt is not None and (t.lower_ in ORG_NOUNS or t.lemma_.lower() in ORG_NOUNS):
                # "carmaker Leapmotor" parsed with the name hanging elsewhere: the name is the argument.
                nc = self.cluster(nxt)
                if nc is not None and nc.type == Kind.ORGANIZATION:
                    out.append((nc, nxt))
                    # "Indian conglomerate A and Korea's B": B is listed with the name in apposition
                    out.extend(a for ap in t.children if ap.dep_ == "appos" and self.cluster(ap) is nc
                               for a in self.args(ap))
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
                    if ac is not None and ac.type == Kind.ORGANIZATION:
                        out.append((ac, a))
            if t.pos_ in ("NOUN", "PROPN"):
                for child in t.children:
                    # "its domestic brand, X": the name in apposition is the argument, with the
                    # names it is listed with ("Indian conglomerate A and Korea's B")
                    if child.dep_ == "appos" and self.cluster(child) is not None:
                        out.extend(self.args(child))
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

    def facility_at(self, tok: Token) -> tuple[Cluster, Token] | None:
        """The facility entity a token belongs to, if it is one."""
        c = self.cluster(tok)
        return (c, tok) if c is not None and self.is_facility(c) else None

    @staticmethod
    def is_facility(c: Cluster) -> bool:
        """Whether an entity is a plant, mine or other works (typed Place, for now)."""
        return c.type == Kind.PLACE and any(m.kind == "facility" for m in c.mentions)

    @staticmethod
    def is_public_body(c: Cluster) -> bool:
        """A government, ministry, department or agency: it funds or signs, it owns no works."""
        return bool({w.lower() for w in c.label.split()} & (STATE_BODIES | {"government"}))

    def is_venture(self, c: Cluster) -> bool:
        """Whether an entity is a joint venture the story leaves unnamed (a named venture or a
        consortium is a company one invests in)."""
        return any(v.id == c.id for v, _ in self.ventures)

    def acts_as_state(self, tok: Token) -> bool:
        """Whether a capital's name is the subject or owner of a state's act ('Beijing said',
        'Ottawa imposed', 'Ottawa's surtaxes'), not the city as a place."""
        if not self.gaz.capital_of(tok.text):
            return False
        if tok.dep_ == "poss":
            return tok.head.lemma_.lower() in STATE_NOUNS
        return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in STATE_VERBS

    def government_of(self, t: Token) -> tuple[Cluster, Token] | None:
        """'the Spanish government', 'the Ontario government': a body of its own, named
        'Government of Spain' after the state or province it governs."""
        states = [self.cluster(a) for a in t.children if a.dep_ in ("compound", "poss", "amod")
                  and self.cluster(a) is not None and self.cluster(a).type in (Kind.COUNTRY, Kind.REGION, Kind.PLACE, Kind.CITY)]
        # "The government has granted ...": in an article about one country, its government
        label = states[0].label if states else self.doc_country() if any(
            c.dep_ == "det" and c.lower_ == "the" for c in t.children) and len(list(t.children)) == 1 else None
        if label is None:
            return None
        name = f"Government of {'the ' if label.startswith('United ') else ''}{label}"
        gov = self.new_cluster(Mention(t.i, t.i + 1, t.text, Kind.ORGANIZATION, "name", name))
        return (gov, t)

    def subjects(self, verb: Token, depth: int = 0) -> list[tuple[Cluster, Token]]:
        """Subject entities of a verb, inherited through coordination and control."""
        to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i > 0), None)
        before = self.doc[to.i - 1] if to is not None else None
        if before is not None and before.dep_ == "pobj" and before.head.lower_ == "for" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return self.args(before)  # "a deal for Acme to build a plant": Acme builds
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs:
            out = []
            for s in subs:
                if s.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
                    out.extend(self.args(self.antecedent(verb.head)))
                else:
                    out.extend(self.args(s))
            return out
        if depth > 4 or verb.head == verb:
            return []
        pact = verb.head if verb.dep_ == "acl" and verb.head.dep_ == "dobj" else next(
            (o for o in verb.head.children if o.dep_ == "dobj"), None) if verb.dep_ in ("advcl", "xcomp") and to else None
        if pact is not None and pact.lemma_.lower() in AGREEMENT_NOUNS and pact.head.pos_ == "VERB":
            # "A signed an agreement (a deal) with B to build a plant": both signers build it;
            # "... with B to buy a stake in C": A buys, and B may be the seller
            signers = self.subjects(pact.head, depth + 1)
            if verb.lemma_.lower() not in CONSTRUCTION | {"produce", "manufacture", "make"}:
                return signers
            # (a government or ministry signing with a company builds nothing itself)
            return signers + [a for w in (*pact.children, *pact.head.children) if w.dep_ == "prep"
                              and w.lower_ == "with" for g in w.children if g.dep_ == "pobj"
                              for a in self.args(g) if signers and a[0].type == signers[0][0].type
                              and not self.is_public_body(a[0])]
        if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "pcomp", "acomp") or (
            verb.dep_ == "prep" and verb.head.pos_ in ("VERB", "AUX")
        ):
            return self.subjects(verb.head, depth + 1)
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in ("plan", "proposal", "bid", "decision", "move"):
            # "a plan by Acme to build a plant", "Acme's plan to build", "the decision of Acme to build"
            planners = [a for c in verb.head.children if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("by", "of")
                        for g in ([c] if c.dep_ == "poss" else c.children) for a in self.args(g)]
            if planners:
                return planners
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            if verb.head.dep_ == "appos" and verb.head.pos_ == "NOUN":
                # "Acme, the carmaker based in Wuhu": the name the described noun stands beside
                return self.args(verb.head.head) or self.args(verb.head)
            return self.args(verb.head)
        return []

    def phrase_parties(self, prep: Token) -> list[tuple[Cluster, Token]]:
        """The parties of 'between A and B' / 'of A and B': the parser may make A a modifier
        of B ('between A and German carmaker B'), so every company named in the phrase short
        of a relative clause counts when coordination gives fewer than two."""
        found = [a for p in prep.children if p.dep_ == "pobj" for a in self.args(p)]
        if len([a for a in found if a[0].type == Kind.ORGANIZATION]) >= 2:
            return found
        clause = {t.i for t in prep.subtree for c in t.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        for t in prep.subtree:
            c = self.cluster(t)
            if t.i not in clause and c is not None and c.type == Kind.ORGANIZATION and not self.gaz.demonym(t.text) \
                    and all(c.id != a[0].id for a in found):
                found.append((c, t))
        return found

    @staticmethod
    def antecedent(noun: Token) -> Token:
        """The noun a relative clause after `noun` is about: "X, a joint venture between A and
        B, which runs ...", "X, the battery arm of Y, which runs ..." are about X, not B or Y."""
        aside = next((a for a in list(noun.ancestors)[:4] if a.dep_ == "appos" and a.pos_ == "NOUN"
                      and a.head.pos_ == "PROPN"), None) if noun.dep_ in ("pobj", "conj") else None
        return aside.head if aside is not None else noun

    def listed_from(self, kind: str, start: int) -> list[tuple[Cluster, Token]]:
        """The entities of a kind named in a list from token `start` to the clause's verb
        ('among them A, chair of X, B and C'): the parser often breaks long lists of titled
        names, the names themselves stay."""
        found: list[tuple[Cluster, Token]] = []
        for tok in self.doc[start : self.doc[start].sent.end] if start < len(self.doc) else []:
            if tok.pos_ in ("VERB", "AUX") or tok.text == ";" or tok.lower_ in ("who", "which", "while"):
                break
            c = self.cluster(tok)
            if c is not None and c.type == kind and all(f[0].id != c.id for f in found):
                found.append((c, tok))
        return found

    def governor_subjects(self, noun: Token) -> list[tuple[Cluster, Token]]:
        """The actor of a nominal trigger: its possessor, or the governing clause's subject."""
        for child in noun.children:
            if child.dep_ == "poss":
                found = self.args(child)
                if found:
                    return found
        tok = noun
        for _ in range(6):
            if tok.head == tok:
                return []
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return self.subjects(tok)
        return []

    def slot(self, verb: Token, slot: str) -> list[Token]:
        """Argument tokens of a verb for a rule slot."""
        if slot == "dobj":
            found = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
            # "received visiting Premier X": the parser makes the guest the object of "visiting"
            return found or [o for x in verb.children if x.dep_ == "xcomp" and x.lower_ == "visiting"
                             for o in x.children if o.dep_ == "dobj"]
        if slot == "dative":
            return [c for c in verb.children if c.dep_ == "dative"]
        word = slot.split(":", 1)[1]
        preps = [c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ == word]
        # "invest $2 billion in Mexico": the parser may hang the phrase off the amount
        preps += [c for o in verb.children if o.dep_ == "dobj" and o.ent_type_ == "MONEY"
                  for c in o.children if c.dep_ == "prep" and c.lower_ == word]
        found = [[p for p in prep.children if p.dep_ == "pobj"] for prep in preps]
        if len(found) > 1 and found[0] and all(p.pos_ == "NOUN" and self.cluster(p) is None for p in found[0]):
            # "invested in lithium projects in Argentina": the second phrase places the first
            # one's object, which the parser hung off the verb; it is no second argument
            return found[0]
        return [p for pobjs in found for p in pobjs]

    def add(self, s: tuple[Cluster, Token], p: str, o: tuple[Cluster, Token] | Value,
            trigger: Token, rule: str, conf: float, s_types=ANY, o_types=ANY,
            o_tok: tuple[int, int] | None = None, **qualifiers: str) -> None:
        """Record a fact if the types fit and it is not a self-relation."""
        sc, st = s
        if p in STATE_RELATIONS and sc.label.startswith("Government of "):
            # a state sets tariffs and trades as itself: "the U.S. government imposed..."
            state = sc.label.removeprefix("Government of ").removeprefix("the ")
            sc = next((c for c in self.res.clusters.values() if c.type == Kind.COUNTRY and c.label == state), sc)
        if sc.type not in s_types:
            return
        if p == "investsIn" and not isinstance(o, Value) and self.is_venture(o[0]):
            # investing in a joint venture, or holding its shares, makes a parent of it
            if sc.type == Kind.ORGANIZATION:
                self.add(o, "jointVentureOf", (sc, st), trigger, rule, conf, (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))
            return
        if isinstance(o, Value):
            oid: int | Value = o
        else:
            oc, ot = o
            if oc.type not in o_types or oc.id == sc.id or p == "investsIn" and sc.label.endswith(" of " + oc.label):
                return  # nor does a state's government or ministry invest in that state
            if p in WHERE_RELATIONS and any(m.kind == "facility" for m in oc.mentions) or (
                    p == "hasFacilityIn" and oc.label in CONTINENTS):
                return  # a plant is no place a thing is in; "plants in Europe" name no place
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
        return hedge_of(tok)

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

    def pairwise(self, subs, trigger, rel, rule, conf) -> None:  # noqa: ANN001
        for i, a in enumerate(subs):
            for b in subs[i + 1 :]:
                self.add(a, rel, b, trigger, rule, conf, BODY + (Kind.PERSON,), BODY + (Kind.PERSON,))

    def recent_named(self, before: int, k: int, kinds: tuple[str, ...] = (Kind.COUNTRY,)) -> list[tuple[Cluster, Token]]:
        """The k countries (or entities of other kinds) named last before a token index, most recent first."""
        last: dict[int, int] = {}
        for c in self.res.clusters.values():
            # a news outlet ("state news agency SPA said") reports the story, it is no party to it
            # (nor an unnamed venture: "the two companies" are its parents, named)
            if c.type in kinds and any(m.kind == "name" for m in c.mentions) and not any(
                    t.lower_ in MEDIA_WORDS for m in c.mentions for t in self.doc[max(0, m.start - 3) : m.start]):
                for m in c.mentions:
                    if m.start < before:
                        last[c.id] = max(last.get(c.id, -1), m.start)
        ids = sorted(last, key=lambda cid: -last[cid])[:k]
        return [(self.res.clusters[cid], self.doc[last[cid]]) for cid in ids] if len(ids) == k else []

    def possessor(self, arg: tuple[Cluster, Token]) -> bool:
        """Whether the name at this argument is followed by a possessive ("Acme's", "Acme Metals'")."""
        c, tok = arg
        for m in c.mentions:
            if m.start <= tok.i < m.end:
                return m.end < len(self.doc) and self.doc[m.end].tag_ == "POS"
        return False

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

    def np_entity(self, tok: Token) -> tuple[Cluster, Token] | None:
        """An organisation entity for an NP such as "the European Union's customs union"."""
        owners = [c for c in tok.children if c.dep_ == "poss" and self.cluster(c) is not None]
        if not owners or tok.pos_ != "NOUN":
            return None
        start = min(t.i for t in tok.subtree if t.i <= tok.i and t.dep_ != "det")
        text = self.doc[start : tok.i + 1].text
        m = Mention(start, tok.i + 1, text, Kind.ORGANIZATION, "name", text)
        return (self.new_cluster(m), tok)
