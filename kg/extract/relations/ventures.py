"""Nominal frames: ventures, agreements, tariffs on goods."""

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
    BODY,
    MEMBERSHIP_VERBS,
    NOUN_RULES,
    PACT_NOUNS,
    PLACE,
    SHIPPING_VERBS,
    SPEECH_VERBS,
    STATE_BODIES,
    TARIFF_VERBS,
    TARIFF_WORDS,
)
from kg.extract.spans import Mention
from kg.model import Kind


class VentureRules(FinderBase):
    """Nominal frames: ventures, agreements, tariffs on goods."""

    def venture_rule(self, noun: Token) -> None:
        """'A and B formed a joint venture, X' / 'the venture, named X, is owned by A and B'.

        jointVentureOf(X, parent) for each parent; the parents partner with each other.
        """
        names = [(self.cluster(c), c) for c in noun.children if c.dep_ in ("appos", "compound")
                 and self.cluster(c) is not None and self.cluster(c).type == Kind.ORGANIZATION]
        nxt = self.doc[noun.i + 1] if noun.i + 1 < len(self.doc) else None
        if nxt is not None and self.cluster(nxt) is not None and self.cluster(nxt).type == Kind.ORGANIZATION:
            names.append((self.cluster(nxt), nxt))
        if not names and noun.dep_ in ("nsubj", "nsubjpass"):
            # "Its joint venture with B, X, runs ...": the name set off after the partner
            names.extend((self.cluster(a), a) for p in noun.children if p.dep_ == "prep" and p.lower_ == "with"
                         for g in p.children if g.dep_ == "pobj" for a in g.children
                         if a.dep_ == "appos" and self.cluster(a) is not None and self.cluster(a).type == Kind.ORGANIZATION
                         and self.doc[a.i - len(list(a.lefts)) - 1].text == ",")
        if noun.dep_ == "appos":
            # "X, a joint venture between A and B,": the name the noun stands beside
            names.extend(a for a in self.args(noun.head) if a[0].type == Kind.ORGANIZATION)
        elif not names:
            names.extend(self.name_before(noun))
        if noun.dep_ == "attr" and noun.head.lemma_.lower() in ("be", "become", "remain"):
            # "X is a joint venture between A and B"
            names.extend(a for a in self.subjects(noun.head) if a[0].type == Kind.ORGANIZATION)
        for acl in noun.children:
            if acl.dep_ in ("acl", "relcl") and acl.lemma_.lower() in ("name", "call", "know"):
                for o in acl.children:
                    if o.dep_ in ("oprd", "dobj", "attr") or (o.dep_ == "prep" and o.lower_ == "as"):
                        names.extend(self.args(o) or [a for p in o.children if p.dep_ == "pobj" for a in self.args(p)])
        parents: list[tuple[Cluster, Token]] = []
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("between", "of"):
                parents.extend(self.phrase_parties(prep))
        for acl in noun.children:
            # "the joint venture formed by A and B", "a consortium made up of A, B and C"
            if acl.dep_ == "acl" and acl.lemma_.lower() in MEMBERSHIP_VERBS:
                if any(t.lemma_.lower() in ("merger", "merge", "combination", "amalgamation") for t in acl.subtree):
                    return  # "the group created by the merger of A and B" is no venture of A and B
                for t in acl.subtree:
                    if t.dep_ in ("pobj", "dobj") and (t.head.lower_ in ("by", "of") or t.head == acl):
                        parents.extend(self.args(t))
        with_partner = any(p.dep_ == "prep" and p.lower_ == "with" for p in noun.children)
        # "A set up a joint venture with B", "A will build cars under a joint venture with B"
        governor = noun.head if noun.dep_ == "dobj" else None
        if noun.dep_ == "pobj" and noun.head.lower_ in ("under", "through", "via", "into"):
            # the phrase may hang off a nearer noun ("for the first time under a joint venture")
            governor = next((a for a in list(noun.ancestors)[:4] if a.pos_ in ("VERB", "AUX")), None)
        join = next((t for t in noun.sent if t.lemma_.lower() == "join" and t.pos_ == "VERB" and t.i < noun.i),
                    None) if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
        if join is not None:
            # "C agreed to join A and B in a joint venture": the joiner and the joined (the
            # phrase may hang off the verb or off the last company joined)
            parents.extend(a for o in join.children if o.dep_ == "dobj" for a in self.args(o))
            if noun.head.head != join:
                parents.extend(a for a in self.args(noun.head.head) if a[0].type == Kind.ORGANIZATION)
            parents.extend(a for a in self.subjects(join) if a[0].type == Kind.ORGANIZATION)
        if with_partner and (any(c.dep_ == "poss" for c in noun.children) or governor is not None):
            # "its joint venture with B", "A set up a joint venture with B": the possessor or
            # the subject, and B
            parents.extend(a for c in noun.children if c.dep_ == "poss" for a in self.args(c))
            if governor is not None and not any(c.dep_ == "poss" for c in noun.children):
                parents.extend(a for a in self.subjects(governor) if a[0].type == Kind.ORGANIZATION)
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
        parents = [p for p in parents if p[0].type == Kind.ORGANIZATION and all(p[0].id != n[0].id for n in names)]
        if names and self.ventures and any(c.lower_ in ("the", "this") for c in noun.lefts):
            # "The venture, named X, ...": the unnamed venture of earlier gets its name, and
            # its parents are X's
            jv, parent_ids = self.ventures.pop()
            jv.label = names[0][0].label
            known = {p[0].id for p in parents}
            parents += [(self.res.clusters[i], noun) for i in parent_ids if i not in known]
        for name in names:
            for par in parents:
                self.add(name, "jointVentureOf", par, noun, "noun:joint-venture", 0.8,
                         (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))
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
                                                 0.7, (Kind.ORGANIZATION,), PLACE)
        if joint and len({p[0].id for p in parents}) >= 2 and not names and noun.tag_ == "NN":
            # an unnamed venture is named from its parents, as news names it ("Acme-Bolt joint
            # venture"); a later "the venture" is this one
            owners = list(dict.fromkeys(self.site_owner(*p) for p in sorted(parents, key=lambda p: p[1].i)))
            label = "-".join(owners[:3]) + " joint venture"
            start = min([c.i for c in noun.lefts if c.lower_ == "joint"] + [noun.i])
            jv = self.new_cluster(Mention(start, noun.i + 1, self.doc[start : noun.i + 1].text,
                                          Kind.ORGANIZATION, "description", label))
            self.ventures.append((jv, {p[0].id for p in parents}))
            for par in parents:
                self.add((jv, noun), "jointVentureOf", par, noun, "noun:unnamed-joint-venture", 0.8,
                         (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))
            # the parents are partners, as a named venture's are through it
            self.pairwise(parents, noun, "partnersWith", "noun:joint-venture-partners", 0.75)
        elif not names and not parents and self.ventures and any(
                c.lower_ in ("the", "this", "that") for c in noun.lefts):
            # "the venture" after an unnamed one is that venture, never one of its parents
            # (which is what a nearest-company guess would give)
            jv, parent_ids = self.ventures[-1]
            current = self.cluster(noun)
            if current is None or current.id in parent_ids:
                jv.mentions.append(Mention(noun.i, noun.i + 1, noun.text, Kind.ORGANIZATION, "description",
                                           cluster=jv.id))
                self.res.token_cluster[noun.i] = jv.id

    def name_before(self, noun: Token) -> list[tuple[Cluster, Token]]:
        """'COBCO, the joint venture formed by A and B, opened ...': a name that opens the
        sentence before a comma and the described noun, when the parser missed the apposition."""
        start = min([t.i for t in noun.lefts] + [noun.i])
        if start < 2 or self.doc[start - 1].text != "," or not any(t.lower_ in ("the", "a", "an") for t in noun.lefts):
            return []
        c = self.cluster(self.doc[start - 2])
        if c is None or c.type != Kind.ORGANIZATION:
            return []
        first = start - 2
        while first > 0 and self.res.token_cluster.get(first - 1) == c.id:
            first -= 1
        return [(c, self.doc[start - 2])] if self.doc[first].is_sent_start else []

    def listed_partners_rule(self, noun: Token) -> None:
        """'Acme's partners, among them A, B and C,' / 'Acme partners including A and B' ->
        partnersWith(Acme, each); the names are read from the list when the parser breaks it."""
        owners = [a for c in noun.children if c.dep_ in ("poss", "compound") for a in self.args(c)
                  if a[0].type == Kind.ORGANIZATION]
        if not owners or noun.tag_ != "NNS":
            return
        listed: list[tuple[Cluster, Token]] = []
        for tok in self.doc[noun.i + 1 : noun.sent.end]:
            if tok.lower_ in ("among", "including", "like") or tok.lower_ == "as" and self.doc[tok.i - 1].lower_ == "such":
                listed = self.listed_from(Kind.ORGANIZATION, tok.i + 1)
                break
            if tok.pos_ in ("VERB", "AUX") or tok.text not in (",", "such"):
                return  # the list must follow the noun: "partners, among them ..."
        for owner in owners:
            for partner in listed:
                if partner[0].id != owner[0].id:
                    self.add(owner, "partnersWith", partner, noun, "noun:listed-partners", 0.75,
                             (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))

    def noun_rules(self, noun: Token, lemma: str) -> None:
        if lemma == "partner":
            self.listed_partners_rule(noun)
        for prep_word, rel, o_types, conf in NOUN_RULES.get(lemma, []):
            preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == prep_word]
            if lemma in ("memorandum", "agreement"):
                # "a memorandum of understanding with X": the "with" hangs off "understanding".
                preps += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                          for o in c.children for g in o.children if g.dep_ == "prep" and g.lower_ == prep_word]
            if rel == "imposesTariffOn" and noun.dep_ == "dobj":
                # "impose tariffs of up to 38% on Chinese cars": the "on" hangs off the verb
                preps += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == prep_word and c.i > noun.i]
            pobjs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
            # "an agreement with X to develop cars": the parser makes X the subject of the purpose
            pobjs += [n for p in preps for o in p.children if o.dep_ == "pcomp" for n in o.children if n.dep_ == "nsubj"]
            objs = [a for o in pobjs for a in self.args(o)]
            if not objs and rel == "imposesTariffOn":
                objs = [a for o in pobjs for a in self.origins(o)]
            if not objs and rel == "imposesTariffOn" and noun.dep_ == "dobj" and pobjs:
                # "impose a 25% surtax on steel from China": the parser hangs the origin off the verb
                objs = [a for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "from"
                        for g in c.children if g.dep_ == "pobj" for a in self.args(g) if a[0].type in BODY]
            towns = [a for o in pobjs if lemma in PACT_NOUNS | AGREEMENT_NOUNS and o.lemma_.lower() in (
                "city", "town", "municipality", "province", "state", "government") for a in self.place_args(o)]
            if not objs and towns:
                # "an agreement with the city of Kassel": the town (its council) is the party
                objs, o_types = towns, o_types + PLACE
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
            # "deals struck between A and B": the phrase may hang off the participle, or off
            # "understanding" in "a memorandum of understanding between A and B"
            for prep in [*noun.children, *(g for a in noun.children if a.dep_ == "acl" for g in a.children),
                         *(g for o in noun.children if o.dep_ == "prep" and o.lower_ == "of" for u in o.children
                           if u.lower_ == "understanding" for g in u.children)]:
                if prep.dep_ == "prep" and prep.lower_ == "between":
                    parties = [a for a in self.phrase_parties(prep) if a[0].type in BODY]
                    for i, a in enumerate(parties):
                        for b in parties[i + 1 :]:
                            if a[0].id != b[0].id:
                                rel = (self.pact_relation(a[0], b[0]) if lemma in PACT_NOUNS
                                       else "partnersWith" if lemma == "partnership" else "cooperatesWith")
                                self.add(a, rel, b, noun, f"noun:{lemma}:between", 0.75, BODY, BODY)
        if lemma in FACILITY_NOUNS:
            self.owned_site_rule(noun)

    @staticmethod
    def pact_relation(a: Cluster, b: Cluster) -> str:
        """An agreement between companies is a partnership; one with a state or a public body
        is cooperation ('signed an agreement with Saudi Arabia's Ministry of Investment')."""
        public = ("Ministry", "Government", "Commission", "Agency", "Council", "Department", "Union")
        if any(c.type in (Kind.COUNTRY, Kind.CITY, Kind.REGION) or any(w in c.label for w in public) for c in (a, b)):
            return "cooperatesWith"
        return "partnersWith"

    def is_tariff_body(self, c: Cluster) -> bool:
        """Only states and blocs set tariffs; a carmaker that 'faces 20%' does not."""
        return c.type == Kind.COUNTRY or any(w in c.label for w in ("Union", "Commission", "Government", "EU"))

    def tariff_imposer(self, tariff: Token) -> list[tuple[Cluster, Token]]:
        """Who sets a tariff the sentence does not give a subject for: its possessor ('the EU's
        10% duty'), the destination of the goods ('cars shipped to the EU face...'), or the body
        the article shows setting tariffs most often."""
        owners = [a for c in tariff.children if c.dep_ == "poss" for a in self.args(c)]
        owners = [a for a in owners if self.is_tariff_body(a[0])]
        if owners:
            return owners[:1]
        for t in tariff.sent:
            if t.dep_ == "prep" and t.lower_ == "to" and t.head.lemma_.lower() in SHIPPING_VERBS:
                dest = [a for g in t.children if g.dep_ == "pobj" for a in self.args(g) if self.is_tariff_body(a[0])]
                if dest:
                    return dest[:1]
        return self.doc_imposer() or self.tariff_speaker(tariff)

    def tariff_speaker(self, tok: Token) -> list[tuple[Cluster, Token]]:
        """'..., Brazil's finance ministry said', '..., the European Commission said': the state
        or bloc whose body announces the rate."""
        verb = next((t for t in [tok, *tok.ancestors] if t.dep_ == "ROOT"), None)
        if verb is None or verb.lemma_.lower() not in SPEECH_VERBS:
            return []
        found = [a for n in verb.children if n.dep_ == "nsubj" and n.lemma_.lower() in STATE_BODIES
                 for p in n.children if p.dep_ == "poss" for a in self.args(p) if a[0].type == Kind.COUNTRY]
        for s in self.subjects(verb):
            if self.is_tariff_body(s[0]):
                found.append(s)
            elif s[0].label.startswith("Ministry of ") and " of " in s[0].label[len("Ministry of "):]:
                state = s[0].label.rsplit(" of ", 1)[1]  # "Ministry of Finance of Brazil"
                found += [(c, s[1]) for c in self.res.clusters.values() if c.type == Kind.COUNTRY and c.label == state][:1]
        return found[:1]

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
                    elif t.dep_ == "prep" and t.lower_ == "to" and t.head.lemma_.lower() in SHIPPING_VERBS:
                        # "duties on cars shipped from China to the EU": the destination sets them
                        found = [a for g in t.children if g.dep_ == "pobj" for a in self.args(g)]
                    for a in found:
                        if self.is_tariff_body(a[0]):
                            votes.setdefault(a[0].id, []).append(a)
            ranked = sorted(votes.values(), key=len, reverse=True)
            self._imposer = ranked[0][:1] if ranked and (len(ranked) == 1 or len(ranked[0]) > len(ranked[1])) else []
        return self._imposer
