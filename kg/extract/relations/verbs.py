"""Verbal frames: a trigger verb and its subject, object and prepositional slots."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.lexicon import (
    FACILITY_NOUNS,
)
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import (
    ACTOR,
    AGREEMENT_NOUNS,
    ANY,
    BODY,
    CONSTRUCTION,
    FOUNDING_VERBS,
    GROUP_WORDS,
    OUTPUT_VERBS,
    PARTNERING_NOUNS,
    PARTNERING_OBJECTS,
    TIES_NOUNS,
    PLACE,
    PRODUCTION_VERBS,
    ROLE_CHANGE_VERBS,
    START_WORDS,
    SUPPORT_NOUNS,
    SUPPORT_VERBS,
    VERB_RULES,
)
from kg.model import Kind


# Words of bodies one tells something to in office, which do not publish it as a quote.
_PUBLIC_AUDIENCES = frozenset("committee parliament assembly senate congress council house".split())


class VerbRules(FinderBase):
    """Verbal frames: a trigger verb and its subject, object and prepositional slots."""

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
            if not objs and set(o_types) <= set(PLACE):
                # "headquartered in the southern city of Shenzhen": the place the area noun names
                objs = [a for o in self.slot(verb, slot) for a in self.place_args(o)]
            rule = f"verb:{lemma}:{slot}"
            if rel == "memberOf" and any(p.dep_ == "prep" and p.lower_ == "in" and p.i > verb.i and any(
                    g.lemma_.lower() in PARTNERING_NOUNS for g in p.children) for p in verb.sent):
                continue  # "C joined A and B in a venture": partners in it, not members of them
            if rel == "visited" and all(a[0].type == Kind.PLACE for a in objs):
                # a visit to a site is a visit to its owner and its town (and to the site)
                sites = self.site_args(verb, slot)
                if sites:
                    objs, rule, conf = objs + sites, f"verb:{lemma}:site", conf - 0.1
            if rel == "quotedBy":
                # "X told Reuters" is a quote; "X told the Standing Committee on Transport" is not
                objs = [a for a in objs if not {w.lower() for w in a[0].label.split()} & _PUBLIC_AUDIENCES]
            if not objs:
                continue
            subs = self.subjects(verb)
            if verb.tag_ == "VBN" and lemma in ("base", "headquarter", "locate"):
                subs = subs or self.args(verb.head)
            for s in subs:
                for o in objs:
                    self.add(s, rel, o, verb, rule, conf, s_types, o_types)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma == "meet" and not objects and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) \
                or lemma == "hold" and any(o.lemma_.lower() in ("talk", "meeting", "discussion") and not any(
                    c.dep_ == "prep" and c.lower_ == "with" for c in o.children) for o in objects):
            # "A and B met on Monday", "A and B held talks": they met one another
            people = [a for a in self.subjects(verb) if a[0].type in ACTOR]
            self.pairwise(people, verb, "metWith", f"verb:{lemma}:together", 0.8)
        if lemma == "flag" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
            # "the prime minister flagged off the X": a leader launching a model or a service
            for o in (a for ob in objects for a in self.args(ob) if a[0].type in (Kind.PRODUCT, Kind.EVENT)):
                for s in self.subjects(verb):
                    self.add(s, "launched", o, verb, "verb:flag-off", 0.75, ACTOR, (Kind.PRODUCT, Kind.EVENT))
        if lemma in ("sign", "conclude", "reach", "ink") and (
                any(o.lemma_.lower() in AGREEMENT_NOUNS for o in objects) or verb.tag_ == "VBN"):
            # "the memorandum was signed by A and B": the signatories met
            signers = [a for c in verb.children if c.dep_ == "agent" for p in c.children
                       if p.dep_ == "pobj" for a in self.args(p) if a[0].type == Kind.PERSON]
            self.pairwise(signers, verb, "metWith", "verb:signed-by-together", 0.75)
        if lemma in ("sign", "conclude", "reach", "ink") and any(o.lemma_.lower() in AGREEMENT_NOUNS for o in objects):
            # "Indonesia and Australia signed a memorandum": states cooperate, companies partner.
            subs = [s for s in self.subjects(verb) if s[0].type in BODY]
            for i, a in enumerate(subs):
                for b in subs[i + 1 :]:
                    states = a[0].type == Kind.COUNTRY and b[0].type == Kind.COUNTRY
                    self.add(a, "cooperatesWith" if states else "partnersWith", b, verb, "verb:sign-together", 0.8,
                             BODY, BODY)
        if lemma in ("sign", "strike", "reach", "conclude", "ink") and verb.tag_ == "VBN" and any(
                t.lemma_.lower() in AGREEMENT_NOUNS for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree):
            # "deals worth $X were struck between A and B"
            parties = [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "between"
                       for g in p.children if g.dep_ == "pobj" for a in self.args(g) if a[0].type in BODY]
            for i, a in enumerate(parties):
                for b in parties[i + 1 :]:
                    self.add(a, self.pact_relation(a[0], b[0]), b, verb, "verb:signed-between", 0.75, BODY, BODY)
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
            self.shareholder_rule(verb)
        if lemma in ("receive", "host", "welcome"):
            self.hosted_rule(verb)
        with_whom = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        if lemma in ("work", "cooperate", "collaborate", "partner", "team") and (any(
                c.lower_ == "together" for c in verb.children) or lemma != "work" and not with_whom) or any(
                o.lemma_.lower() in TIES_NOUNS and not with_whom and not any(
                    c.dep_ in ("prep", "poss") and c.lower_ in ("with", "between") or c.dep_ == "poss" and c.lower_ not in (
                        "their", "our") for c in o.children) for o in objects) or any(
                c.dep_ == "advmod" and c.lower_ == "jointly" for c in verb.children) and lemma not in ("own", "hold"):
            # "A and B agreed to work together on X", "A and B will jointly explore for lithium",
            # "A and B agreed to cooperate", "A and B will deepen (their) cooperation": states
            # cooperate, companies partner
            subs = [a for a in self.subjects(verb) if a[0].type in BODY]
            states = all(self.is_tariff_body(a[0]) for a in subs)  # states and blocs
            self.pairwise(subs, verb, "cooperatesWith" if states else "partnersWith", "verb:work-together", 0.75)
        if lemma in ROLE_CHANGE_VERBS:
            self.role_change_rule(verb)
        self.ranked_as_rule(verb, lemma)
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
            groups = [a for a in self.subjects(verb) if a[0].type == Kind.ORGANIZATION
                      and a[0].label.split()[-1].lower() in GROUP_WORDS]
            for member in (a for o in objects for a in self.args(o) if a[0].type == Kind.ORGANIZATION):
                for g in groups:
                    if g[0].id != member[0].id:
                        self.add(member, "partOf", g, verb, "verb:group-includes", 0.8,
                                 (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))
        if lemma in SUPPORT_VERBS:
            self.support_rule(verb, objects)
        if lemma in ("seek", "look", "want", "aim", "hope"):
            self.seek_rule(verb)
        if lemma in START_WORDS:
            self.start_rule(verb)
        if lemma in ("be", "become", "come", "go", "enter"):
            self.operational_rule(verb)  # "is expected to be operational by 2026"
        if lemma == "invest":
            for o in self.slot(verb, "prep:in"):
                self.facility_place_rule(verb, o)
        if lemma in OUTPUT_VERBS or lemma in ("turn", "roll") and any(
                c.dep_ == "prt" and c.lower_ == "out" for c in verb.children) or lemma == "build" and (
                self.works_at(verb) or any(self.is_facility(s[0]) for s in self.subjects(verb))):
            # "the plant builds 200,000 cars a year", "X builds the Y at its plant in P"
            self.output_rule(verb, objects)
        if lemma in ("come", "roll"):
            self.off_line_rule(verb)
        if lemma in PRODUCTION_VERBS and verb.dep_ not in ("acl", "amod"):
            self.production_place_rule(verb, objects)
        if lemma in ("have", "operate", "run", "own"):
            for o in objects:
                self.facility_place_rule(verb, o)
        if lemma in FOUNDING_VERBS and verb.tag_ in ("VBN", "VBD"):
            self.founded_rule(verb)
        if lemma in ("own", "hold", "acquire", "buy", "take", "sell"):
            self.stake_rule(verb, objects)  # "will buy a stake" is kept, with its hedge
        if lemma in ("count", "include"):
            self.holders_listed_rule(verb)
        if lemma in ("head", "lead", "chair"):
            self.office_verb_rule(verb)
        for noun in (c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.lemma_.lower() in ("headquarters", "headquarter")):
            self.headquarters_rule(verb, noun)
        if lemma in ("run", "operate", "manage") and any(c.dep_ == "agent" for c in verb.children):
            self.operator_rule(verb)
        if lemma in ("acquire", "buy", "purchase", "control"):
            self.takeover_rule(verb, lemma, objects)

    def headquarters_rule(self, verb: Token, noun: Token) -> None:
        """'X has (moved) its headquarters in (to) P', "X's headquarters are in P" -> headquarteredIn."""
        owners = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
        if noun.dep_ == "dobj" and verb.lemma_.lower() in ("have", "move", "keep", "establish", "set", "relocate"):
            owners = self.subjects(verb) or owners  # "its" is the subject's
        places = self.prep_places([*noun.children, *(c for c in verb.children if c.i > noun.i)], ("in", "to"))
        for o in (o for o in owners if o[0].type == Kind.ORGANIZATION):
            for p in places[:1]:
                self.add(o, "headquarteredIn", p, verb, "verb:headquarters-in", 0.8, (Kind.ORGANIZATION,), PLACE)

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

    def production_place_rule(self, verb: Token, objects: list[Token]) -> None:
        """'X assembles vehicles in P' -> hasFacilityIn(X, P): making things somewhere."""
        if not objects or all(o.lemma_.lower() in FACILITY_NOUNS for o in objects):
            return  # "build a plant in P, in the state of Q": the site rules place the plant
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
        preps += [c for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for place in self.place_args(pobj):
                    for s in self.subjects(verb):
                        self.add(s, "hasFacilityIn", place, verb, "verb:produce-in-place", 0.7,
                                 (Kind.ORGANIZATION,), PLACE)

    def support_rule(self, verb: Token, objects: list[Token]) -> None:
        """'The government granted 133.7 million euros to the project', 'the department offered a
        loan to StarPlus', 'Ottawa will provide C$2.5 billion for the plant' -> supports(X, Y)."""
        backing = [o for o in objects if o.lemma_.lower() in SUPPORT_NOUNS or o.ent_type_ == "MONEY"
                   or any(t.ent_type_ == "MONEY" for t in o.subtree)]
        if not backing:
            return
        preps = [p for p in verb.children if p.dep_ in ("prep", "dative")] + [
            p for o in backing for p in o.subtree if p.dep_ in ("prep", "dative")]
        recipients = [a for p in preps if p.lower_ in ("to", "for")
                      for g in p.children if g.dep_ == "pobj" for a in self.args(g)]
        recipients += [a for c in verb.children if c.dep_ == "dative" for a in self.args(c)]
        recipients = [r for r in recipients if r[0].type in (Kind.ORGANIZATION, Kind.PLACE)]
        for s in self.subjects(verb):
            if s[0].type in BODY:
                for r in recipients:
                    self.add(s, "supports", r, verb, "verb:support", 0.75, BODY, (Kind.ORGANIZATION, Kind.PLACE))

    def ranked_as_rule(self, verb: Token, lemma: str) -> None:
        """'X was confirmed as the world's largest carmaker', 'X overtook Y as the largest
        exporter', 'the deal makes X the third-largest producer' -> rankedAs(X, the rank)."""
        if lemma == "make":
            # "makes X the third-largest producer": X is the object, the rank its complement
            for o in verb.children:
                if o.dep_ not in ("ccomp", "oprd", "xcomp"):
                    continue
                # the parser reads "makes X the largest Y" as a clause: X its subject, and the
                # rank the clause itself or its object
                rank = self.rank_value(o) or next((r for c in o.children if c.dep_ in ("dobj", "attr")
                                                   for r in [self.rank_value(c)] if r), None)
                subject = [a for c in o.children if c.dep_ == "nsubj" for a in self.args(c)] if rank else []
                for s in subject:
                    self.add(s, "rankedAs", rank, verb, "verb:make-rank", 0.75, BODY, ANY)
            return
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                rank = self.rank_value(pobj)
                if rank is None or lemma in ROLE_CHANGE_VERBS - {"remain", "become", "continue", "stay"}:
                    continue
                # "which the government describes as the first maker": the described, not the describer
                ranked = self.subjects(verb)
                described = [o for o in verb.children if o.dep_ == "dobj"]
                if lemma in ("describe", "call", "bill", "hail", "regard", "see", "consider", "rank", "name") and described:
                    ranked = [a for o in described for a in (
                        self.args(verb.head) if o.lower_ in ("which", "that") and verb.dep_ == "relcl" else self.args(o))]
                for s in ranked:
                    self.add(s, self.rank_relation(pobj), rank, verb, "verb:as-rank", 0.75, BODY, ANY)

    def between_the_two_countries(self, verb: Token) -> bool:
        """'Trade between the two countries reached $X': the pair named just before."""
        return any(
            n.dep_ == "nsubj" and n.lemma_.lower() == "trade" and p.lower_ == "between"
            and g.lemma_.lower() == "country" and any(c.lower_ in ("two", "both") for c in g.children)
            for n in verb.children for p in n.children for g in p.children
        )

    def hosted_rule(self, verb: Token) -> None:
        """'X received Y in Tashkent' -> visited(Y, Tashkent): a guest is where the host receives them."""
        places = self.prep_places(verb.children, ("in", "at"))
        # "received X at the presidential palace in Jakarta": the town of the building
        places += [a for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
                   for g in p.children if g.dep_ == "pobj" for a in self.prep_places(g.children, ("in",))]
        places = [p for p in places if p[0].type in (Kind.CITY, Kind.COUNTRY, Kind.REGION)]
        guests = [a for o in self.slot(verb, "dobj") for a in self.args(o) if a[0].type == Kind.PERSON]
        hosts = {a[0].id for a in self.subjects(verb)}
        for guest in guests:
            for place in places[:1]:
                if guest[0].id not in hosts:
                    self.add(guest, "visited", place, verb, "verb:received-in", 0.75, (Kind.PERSON,), PLACE)

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
        # "X is by far Y's largest investor": the parser may read the complement as the object of "by"
        far = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "by" and any(
            t.lower_ == "far" for t in p.subtree) for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        for attr in (*(c for c in verb.children if c.dep_ in ("attr", "acomp")), *far):
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
                trading = self.rank_relation(attr) == "tradingPartnerRank"
                for s in subs:
                    owner = owners[0][0].label if owners else ""
                    self.add(s, self.rank_relation(attr), rank, verb, "copula:rank", 0.8, BODY, ANY,
                             partner_of=owner)
                    if trading:
                        for o in owners:
                            self.add(s, "tradesWith", o, verb, "copula:trading-partner", 0.8, BODY, BODY)

    def based_rule(self, based: Token) -> None:
        """'the Ankara-based Centre' -> basedIn(Centre, Ankara)."""
        places = [a for c in based.children if c.dep_ in ("npadvmod", "compound", "amod") for a in self.args(c)]
        if not places:
            prev = self.doc[based.i - 2] if based.i >= 2 else None
            if prev is not None and self.cluster(prev) is not None:
                places = [(self.cluster(prev), prev)]
        nxt = self.doc[based.i + 1] if based.i + 1 < len(self.doc) else None
        owners = self.args(based.head)
        if nxt is not None and self.cluster(nxt) is not None and self.cluster(nxt).type == Kind.ORGANIZATION:
            # "Lyon-based Velan and German maker Korvo": the name right after the modifier,
            # whatever noun the parser hangs it from
            owners = [(self.cluster(nxt), nxt)]
        if not owners and based.head.dep_ == "compound":
            # "Frankfurt-based consultancy Acme Partners": the noun is a compound of the name
            owners = self.args(based.head.head)
        if not owners and based.head.dep_ == "appos":
            # "Geely, the Hangzhou-headquartered owner of Volvo": the name the noun stands beside
            owners = self.args(based.head.head)
        rel = "headquarteredIn" if based.lower_ == "headquartered" else "basedIn"
        for o in owners:
            for p in places:
                self.add(o, rel, p, based, f"amod:x-{based.lower_}", 0.85, (Kind.ORGANIZATION, Kind.PERSON), PLACE)
