"""Appositions and descriptors: ownership, ranks, nationality from descriptions."""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Token

from kg.extract.coref import Cluster
from kg.extract.lexicon import (
    HEAD_TITLES,
    MODEL_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    TITLE_WORDS,
)
from kg.extract.mentions import _list_head
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import (
    ANY,
    BODY,
    MAKER_NOUNS,
    PLACE,
    STATE_BODIES,
    SUBSIDIARY_NOUNS,
)
from kg.extract.spans import Mention
from kg.extract.values import parse_rank

# Nouns a place or company is ranked as besides company nouns ("the world's third-largest
# automobile market", "Canada's largest port").
RANK_NOUNS = frozenset("""market economy port investor holder consumer seller buyer destination
    source hub lender shareholder employer""".split())
from kg.model import Kind, Value


class AppositionRules(FinderBase):
    """Appositions and descriptors: ownership, ranks, nationality from descriptions."""

    def rank_value(self, noun: Token) -> Value | None:
        """A rank Value for 'third-largest trading partner', 'largest market'."""
        # a clause's subject is no part of the rank ("made [X] the largest carmaker")
        subject = {t.i for c in noun.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        mods = [t for t in noun.subtree if t.i < noun.i and t.dep_ in ("amod", "advmod", "compound")
                and t.i not in subject and t.lower_ != "far"]  # "by far the largest": no part of the rank
        if not any(t.tag_ == "JJS" or t.lower_ in ("first", "second", "third", "fourth", "fifth", "top", "best")
                   for t in mods):
            return None
        start = min(t.i for t in mods)
        text = self.doc[start : noun.i + 1].text
        value = parse_rank(text)
        if value is None:
            return None
        if not (any(c.lower_ == "trading" for c in noun.children)):
            value = dataclasses.replace(value, text=self.rank_phrase(noun, start))
            if not any(t.tag_ == "JJS" or t.lower_ in ("top", "best") for t in mods) \
                    and value.text == self.doc[start : noun.i + 1].text:
                # an order with nothing to be first in ("the third country, after China and
                # Germany, to host ...", "the first big outside customer") ranks nothing
                return None
        return value

    @staticmethod
    def rank_relation(noun: Token) -> str:
        """A rank as a trading partner is its own relation; any other is rankedAs."""
        trading = noun.lemma_.lower() == "partner" and any(c.lower_ == "trading" for c in noun.children)
        return "tradingPartnerRank" if trading else "rankedAs"

    def rank_phrase(self, noun: Token, start: int) -> str:
        """The whole ranking, as a reader quotes it: "world's largest maker of EV batteries",
        "China's top car exporter by sales" (a possessor and one of/by/in/for phrase)."""
        for c in noun.children:
            if c.dep_ == "poss" and c.i < start:
                start = min(t.i for t in c.subtree)
        end = noun.i + 1
        for c in noun.children:
            # "the largest producer and exporter of graphite": the conjoined noun carries the "of"
            if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i == end + 1 and self.doc[end].lower_ == "and":
                noun, end = c, c.i + 1
                break
        for c in noun.children:
            if c.dep_ == "prep" and c.i == end and c.lower_ in ("of", "by", "in", "for", "among"):
                sub = list(c.subtree)
                if not any(t.text in (",", ";", "(") or t.dep_ in ("relcl", "acl") for t in sub):
                    end = max(t.i for t in sub) + 1
                break
        while start < end and self.doc[start].lower_ in ("the", "a", "an"):
            start += 1
        owner = self.cluster(self.doc[start]) if self.doc[start].lower_ in ("country", "nation", "kingdom") else None
        if owner is not None and owner.label == self.doc_country() and start + 1 < end and self.doc[start + 1].tag_ == "POS":
            # "the country's largest carmaker" is "Uzbekistan's largest carmaker" in a story about
            # Uzbekistan (a reading of "the country" against the story's country is not trusted)
            return f"{owner.label}'s {self.doc[start + 2 : end].text}"
        return self.doc[start:end].text

    def apposition_rules(self) -> None:
        """'X, director of Y and a Turkish expert on Z,' -> directorOf, nationality, expertOn."""
        for tok in self.doc:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in SUBSIDIARY_NOUNS | {"group"}:
                # "Volkswagen's Traton group", "Acme's Bolt unit": the named part is the owner's
                named = [(self.cluster(a), a) for a in tok.lefts if a.dep_ == "compound" and self.cluster(a) is not None]
                nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
                if nxt is not None and tok.lemma_.lower() != "group" and self.cluster(nxt) is not None:
                    named.append((self.cluster(nxt), nxt))  # "its wholly owned subsidiary Bolt Power"
                owners = [a for c in tok.children if c.dep_ == "poss" for a in self.args(c)]
                for part in (n for n in named if n[0].type == Kind.ORGANIZATION):
                    for owner in (o for o in owners if o[0].type == Kind.ORGANIZATION and o[0].id != part[0].id):
                        self.add(part, "partOf", owner, tok, "descriptor:owner-possessive", 0.75,
                                 (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))
            if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and self.cluster(tok) is not None:
                # "its domestic EV brand, X": the noun describes the name after it; not a name
                # with a describing noun of its own ("its unit X and the mining company Y")
                between = self.doc[min(tok.head.i, tok.i) : tok.i]
                conj = max((t.i for t in between if t.lower_ in ("and", "or")), default=None)
                own = conj is not None and any(t.pos_ == "NOUN" and t.lemma_.lower() in ORG_NOUNS
                                               for t in self.doc[conj + 1 : tok.i])
                # "Chile's state company X and lithium producer Y": Y's own noun describes Y
                if not own and (conj is None or not any(
                        c.dep_ == "compound" and c.lemma_.lower() in ORG_NOUNS for c in tok.lefts)):
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
            if tok.dep_ != "appos" or tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.lower_ in TITLE_WORDS and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in tok.children)):
                # a capitalised title with its article ("X, the Secretary of Science,") describes
                # as a noun does; without one it is the title of the name after it
                continue
            left = min(t.i for t in tok.subtree)
            if left > 0 and self.doc[left - 1].text not in (",", "(", "—", "–", "--", ":") and any(
                    c.dep_ == "appos" and self.cluster(c) is not None for c in tok.children):
                continue  # "French miner A and German maker B": B's own description, misread as A's apposition
            heads = self.args(tok.head)
            if not heads:
                continue
            for noun in [tok, *tok.conjuncts]:
                self.describe(heads, noun)

    def ownership(self, heads: list[tuple[Cluster, Token]], noun: Token) -> None:
        """'Acme's battery unit X', 'X, a subsidiary of Acme' -> partOf(X, Acme); brands -> brandOf;
        'Acme, the owner (parent) of X' -> partOf(X, Acme)."""
        lemma = noun.lemma_.lower()
        parent = lemma in ("owner", "parent") or lemma == "company" and any(t.lower_ == "parent" for t in noun.lefts)
        if parent and (noun.dep_ == "appos" or any(c.dep_ == "appos" for c in noun.children)) and not any(
                t.lower_ in ("former", "co", "part", "minority") for t in noun.lefts):
            # "Acme, the parent of Bolt," and "Bolt's parent (company), Acme,"
            owned = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" for a in self.args(p)]
            owned += [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
            for h in heads:
                for o in owned:
                    if h[0].type == o[0].type == Kind.ORGANIZATION and h[0].id != o[0].id:
                        self.add(o, "partOf", h, noun, "appos:owner-of", 0.8, (Kind.ORGANIZATION,),
                                 (Kind.ORGANIZATION,))
            return
        # "an associated company of X" is X's as "a subsidiary of X" is
        held = lemma in SUBSIDIARY_NOUNS or lemma == "company" and any(
            t.lower_ in ("associated", "affiliated") for t in noun.lefts)
        rel = "brandOf" if lemma == "brand" else "partOf" if held else None
        if rel is None:
            return
        owners = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
        owners += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj" for a in self.args(p)]
        if noun.dep_ == "compound" and any(h[1].i <= noun.head.i < h[1].i + 6 and self.cluster(noun.head) is h[0]
                                           for h in heads):
            # "through its subsidiary X": the parser hangs the owner off the name
            owners += [a for c in noun.head.children if c.dep_ == "poss" for a in self.args(c)]
        for owner in owners:
            if owner[0].type != Kind.ORGANIZATION:
                continue
            for h in heads:
                if h[0].id != owner[0].id:
                    self.add(h, rel, owner, noun, f"descriptor:{rel}", 0.8, (Kind.ORGANIZATION, Kind.PRODUCT),
                             (Kind.ORGANIZATION,))

    def beside(self, heads: list[tuple[Cluster, Token]], noun: Token) -> list[tuple[Cluster, Token]]:
        """The names an apposition describes: only the one it stands beside ('a venture between
        A and B, Uzbekistan's largest carmaker' describes B, wherever the parser hangs it)."""
        if noun.dep_ != "appos":
            return heads
        near = max((t for t in [noun.head, *noun.head.conjuncts] if t.i < noun.i), key=lambda t: t.i)
        return [h for h in heads if self.cluster(near) is h[0]]

    def describe(self, heads: list[tuple[Cluster, Token]], noun: Token) -> None:
        self.ownership(heads, noun)
        self.appositive_title(heads, noun)
        self.appositive_role(heads, noun)
        lemma = noun.lemma_.lower()
        named_after = any(c.dep_ == "appos" and any(h[1] == c for h in heads) for c in noun.children)
        if (noun.dep_ == "appos" or named_after) and (lemma in ORG_NOUNS or lemma in RANK_NOUNS):
            # "China's fourth-largest EV maker, GAC Aion" as well as "GAC Aion, China's ..."
            # "X, the world's largest e-bike maker," -> rankedAs(X, largest e-bike maker)
            rank = self.rank_value(noun)
            if rank is not None:
                # "a venture between BYD and UzAuto, Uzbekistan's largest carmaker": the rank is
                # the name's it stands beside, not the whole list's
                for h in self.beside(heads, noun):
                    self.add(h, "rankedAs", rank, noun, "appos:rank", 0.8, BODY, ANY)
        words = {t.lower_ for t in noun.lefts} | {lemma}
        for child in noun.children:
            if child.dep_ in ("amod", "compound"):
                country = self.gaz.demonym(child.text)
                cc = self.cluster(child)
                # "X, a U.S. carmaker,": the country's name says it as its adjective would
                country = country or cc is not None and cc.type == Kind.COUNTRY and child.dep_ == "compound" \
                    and lemma in ORG_NOUNS and lemma not in SUBSIDIARY_NOUNS | {"business", "branch", "venture"}
                if country and cc is not None:
                    rel = "nationality"
                    for h in heads:
                        self.add(h, rel, (cc, child), noun, "appos:demonym", 0.75, (Kind.PERSON, Kind.ORGANIZATION), (Kind.COUNTRY,))
            if child.dep_ == "poss":
                for owner in self.args(child):
                    if owner[0].type == Kind.ORGANIZATION and (lemma in PERSON_NOUNS or words & HEAD_TITLES):
                        # "Jane Doe, Acme's chief executive," / "..., Acme's vice president"
                        head = (lemma in HEAD_TITLES or words & HEAD_TITLES) and not words & {"vice", "deputy"}
                        for h in heads:
                            self.add(h, "directorOf" if head else "worksFor", owner, noun,
                                     "appos:owner-role", 0.8, (Kind.PERSON,), (Kind.ORGANIZATION,))
                    if owner[0].type == Kind.COUNTRY and (lemma in ORG_NOUNS or lemma in ("brand", "champion")):
                        for h in self.beside(heads, noun):
                            rel = "origin" if h[0].type == Kind.PRODUCT else "nationality"
                            self.add(h, rel, owner, noun, "appos:owner-country", 0.75, (Kind.ORGANIZATION, Kind.PRODUCT), (Kind.COUNTRY,))
            if child.dep_ == "prep" and child.lower_ == "of" and lemma in MAKER_NOUNS:
                # "the maker of Peugeot and Fiat cars" -> brandOf(Peugeot, X), brandOf(Fiat, X)
                for p in child.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN":
                        for b in p.children:
                            if b.dep_ in ("compound", "nmod"):
                                for brand in self.args(b):
                                    if brand[0].type in (Kind.PERSON, Kind.PLACE) and all(
                                            m.kind == "name" for m in brand[0].mentions) and not self.gaz.city(brand[0].label):
                                        # a name the text calls a make of vehicles is a brand, whatever NER said
                                        brand[0].type = Kind.ORGANIZATION
                                    if brand[0].type in (Kind.ORGANIZATION, Kind.PRODUCT):
                                        for h in heads:
                                            self.add(brand, "brandOf", h, noun, "appos:maker-of-brand", 0.75,
                                                     (Kind.ORGANIZATION, Kind.PRODUCT), (Kind.ORGANIZATION,))
                    if p.dep_ == "pobj" and p.pos_ == "PROPN" and any(
                            c.pos_ == "NOUN" and c.lower_ in MODEL_NOUNS | {"trucks", "buses", "motorcycles"}
                            for c in p.conjuncts):
                        # parsed as a list: "the maker of Jeep, Ram and Chrysler vehicles"
                        for brand in (a for c in (p, *p.conjuncts) if c.pos_ == "PROPN" for a in self.args(c)):
                            if brand[0].type in (Kind.PERSON, Kind.PLACE) and not self.gaz.city(brand[0].label):
                                brand[0].type = Kind.ORGANIZATION
                            if brand[0].type == Kind.ORGANIZATION:
                                for h in heads:
                                    self.add(brand, "brandOf", h, noun, "appos:maker-of-brand", 0.75,
                                             (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))
                # "a maker of lithium-ion batteries" -> produces(X, lithium-ion batteries)
                for p in child.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN" and self.cluster(p) is None and not any(
                            t.pos_ == "PROPN" or t.dep_ in ("conj", "prep") for t in p.subtree) and not (
                            p.tag_ == "NN" and list(p.lefts) and all(t.lower_ in ("the", "this", "that") for t in p.lefts)):
                        # not "the metal" (a word for goods named before)
                        start = min(t.i for t in p.subtree if t.i <= p.i and t.dep_ not in ("det", "poss"))
                        text = self.doc[start : p.i + 1].text
                        product = self.new_cluster(Mention(start, p.i + 1, text, Kind.PRODUCT, "name", text))
                        for h in heads:
                            self.add(h, "produces", (product, p), noun, "appos:maker-of", 0.7,
                                     (Kind.ORGANIZATION,), (Kind.PRODUCT,))
            if child.dep_ == "prep":
                objs = [a for p in child.children if p.dep_ == "pobj" for a in self.args(p)]
                for o in objs:
                    for h in self.beside(heads, noun):  # "A and B, chief executive of X": B's office
                        if child.lower_ == "of" and (lemma in HEAD_TITLES or words & HEAD_TITLES):
                            if not any(t.lower_ in ("former", "ex", "late") for t in noun.lefts):
                                # "a former president of X" heads X no longer
                                self.add(h, "directorOf", o, noun, "appos:head-of", 0.85, (Kind.PERSON,),
                                         (Kind.ORGANIZATION,))
                        elif child.lower_ in ("of", "at") and lemma in PERSON_NOUNS:
                            self.add(h, "worksFor", o, noun, "appos:role-at", 0.75, (Kind.PERSON,), (Kind.ORGANIZATION,))
                        elif child.lower_ == "on" and lemma in ("expert", "specialist", "analyst", "scholar"):
                            self.add(h, "expertOn", o, noun, "appos:expert-on", 0.75, (Kind.PERSON,), ANY)
                        elif child.lower_ in ("from", "in") and lemma in PERSON_NOUNS:
                            self.add(h, "basedIn", o, noun, "appos:from-place", 0.7, (Kind.PERSON,), PLACE)

    def brand_compound_rule(self, noun: Token) -> None:
        """'sells cars under its Strada brand', "Acme's Velo brand" -> brandOf(Strada, Acme)."""
        owners = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c) if a[0].type == Kind.ORGANIZATION]
        for brand in (a for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" for a in self.args(c)):
            if brand[0].type in (Kind.PERSON, Kind.PLACE) and not self.gaz.city(brand[0].label):
                brand[0].type = Kind.ORGANIZATION  # a name the text calls a brand is one, whatever NER said
            for owner in owners:
                if brand[0].type == Kind.ORGANIZATION and brand[0].id != owner[0].id:
                    self.add(brand, "brandOf", owner, noun, "descriptor:brand-compound", 0.8,
                             (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))

    def descriptor_rules(self) -> None:
        """'Chinese energy conglomerate X' -> nationality(X, China)."""
        for tok in self.doc:
            if tok.lemma_.lower() in ("brand", "marque") and tok.pos_ == "NOUN":
                self.brand_compound_rule(tok)
        self.ministries_of_the_story()
        for c in list(self.res.clusters.values()):
            if c.type != Kind.ORGANIZATION:
                continue
            for m in c.mentions:
                if m.kind == "description":
                    self.described_nationality(c, m)
                    rank = self.rank_value(self.doc[m.end - 1]) if self.doc[m.end - 1].dep_ != "appos" else None
                    if rank is not None:  # "shares of the world's second-largest lithium producer"
                        self.add((c, self.doc[m.end - 1]), "rankedAs", rank, self.doc[m.end - 1], "description:rank",
                                 0.75, BODY, ANY)
                if m.kind != "name" or m.start == 0:
                    continue
                self.list_head_nationality(c, m)
                self.state_body_rule(c, m)
                self.owned_by_prefix(c, m)
                before = self.doc[m.start - 1]
                if before.pos_ != "NOUN":
                    if before.i >= 2 and self.doc[before.i - 1].text == "-":
                        # "Swedish battery start-up X": the demonym hangs off the name
                        self.demonym_before(c, m, before, 6)
                    continue
                self.ownership([(c, self.doc[m.start])], before)
                for t in before.lefts:
                    oc = self.cluster(t)
                    # "Chinese producer X", "South Korean battery maker X" (the demonym in two words)
                    # "U.S. carmaker X": a country's name before a company noun says its nationality
                    # too, but "its China unit X" is a unit there
                    named = t.dep_ == "compound" and t.head == before and before.lemma_.lower() in ORG_NOUNS \
                        and before.lemma_.lower() not in SUBSIDIARY_NOUNS | {"business", "branch", "venture"} \
                        and not any(x.dep_ == "poss" for x in before.lefts)
                    if oc is not None and oc.type == Kind.COUNTRY and t.dep_ in ("amod", "compound", "nmod") and (
                            self.gaz.demonym(t.text) or any(m.kind == "demonym" for m in oc.mentions) or named):
                        tok = self.doc[m.start]
                        self.add((c, tok), "nationality", (oc, t), before, "descriptor:demonym", 0.8,
                                 (Kind.ORGANIZATION,), (Kind.COUNTRY,))
                self.demonym_before(c, m, before, 4)
        for role, ministry in self.ministers:
            role.label = "Minister" + ministry.label.removeprefix("Ministry")  # now the ministry has its state

    def demonym_before(self, c: Cluster, m: Mention, before: Token, reach: int) -> None:
        """'Chinese producer X': the demonym may hang off the noun or off the name."""
        for t in self.doc[max(0, m.start - reach) : m.start - 1]:
            if t.dep_ in ("amod", "compound") and (t.head == before or m.start <= t.head.i < m.end) \
                    and self.gaz.demonym(t.text):
                oc = self.cluster(t)
                if oc is not None:
                    self.add((c, self.doc[m.start]), "nationality", (oc, t), before,
                             "descriptor:demonym", 0.8, (Kind.ORGANIZATION,), (Kind.COUNTRY,))

    def owned_by_prefix(self, c: Cluster, m: Mention) -> None:
        """'Geely-owned Volvo Cars', 'Acme-controlled Bolt' -> partOf(Volvo Cars, Geely)."""
        owned = next((t for t in self.doc[max(0, m.start - 3) : m.start] if t.dep_ == "amod"
                      and t.lower_ in ("owned", "controlled") and m.start <= t.head.i < m.end), None)
        if owned is None or owned.i < 2 or self.doc[owned.i - 1].text != "-":
            return
        owner = self.cluster(self.doc[owned.i - 2])
        if owner is not None and owner.type == Kind.ORGANIZATION and c.type == Kind.ORGANIZATION:
            self.add((c, self.doc[m.start]), "partOf", (owner, self.doc[owned.i - 2]), owned, "descriptor:owned-by",
                     0.75, (Kind.ORGANIZATION,), (Kind.ORGANIZATION,))

    def described_nationality(self, c: Cluster, m: Mention) -> None:
        """'..., the Japanese automaker said' (resolved to Toyota) -> nationality(Toyota, Japan)."""
        head = self.doc[m.end - 1]
        for a in head.children:
            # "the Japanese automaker", "the U.S. carmaker"
            if a.dep_ in ("amod", "nmod", "compound") and a.i >= m.start and (
                    self.gaz.demonym(a.text) or a.dep_ != "amod" and self.gaz.country(a.text)
                    and head.lemma_.lower() not in SUBSIDIARY_NOUNS | {"business", "branch", "venture", "plant"}):  # "the China unit"
                oc = self.cluster(a)
                if oc is not None and oc.type == Kind.COUNTRY:
                    self.add((c, head), "nationality", (oc, a), head, "description:demonym", 0.75,
                             (Kind.ORGANIZATION,), (Kind.COUNTRY,))

    def ministries_of_the_story(self) -> None:
        """'the Investment Ministry', 'the Ministry of Commerce' with no state named beside it, in a
        story about one country: that country's ministry (every state has one of that name)."""
        country = self.doc_country()
        state = next((c for c in self.res.clusters.values() if c.type == Kind.COUNTRY and c.label == country), None)
        for c in list(self.res.clusters.values()) if state is not None else []:
            words = c.label.split()
            if c.type != Kind.ORGANIZATION or len(words) < 2 or c.label.endswith(" of " + state.label):
                continue
            if words[-1] == "Ministry" and all(w[:1].isupper() for w in words):
                c.label = "Ministry of " + " ".join(words[:-1])  # "Investment Ministry"
            if not re.match(r"Ministry of [A-Z]\w+( and [A-Z]\w+)*$", c.label) or any(
                    self.doc[m.start - 1].tag_ == "POS" for m in c.mentions if m.start > 0):
                continue
            c.label = f"{c.label} of {state.label}"  # its name only: no partOf fact the text does not state

    def state_body_rule(self, c: Cluster, m: Mention) -> None:
        """"China's Ministry of Commerce" -> partOf(Ministry of Commerce, China);
        "Japan's Nippon Steel" -> nationality(Nippon Steel, Japan)."""
        pos = m.start - 1
        if pos >= 1 and self.doc[pos].tag_ != "POS" and self.doc[pos].lemma_.lower() in ORG_NOUNS:
            # "Indonesia's state-owned miner Antam": the country owns the described name
            pos -= 1
            while pos >= 1 and self.doc[pos].tag_ != "POS" and (self.doc[pos].text == "-" or self.doc[pos].dep_ in (
                    "amod", "compound", "npadvmod", "advmod") and self.doc[pos].pos_ in ("ADJ", "NOUN", "VERB", "ADV")):
                pos -= 1
            if m.start - pos > 5 or self.cluster(self.doc[pos + 1]) is not None:
                return
        if pos < 1 or self.doc[pos].tag_ != "POS":
            return
        owner = self.doc[pos - 1]
        oc = self.cluster(owner)
        if oc is None or oc.type != Kind.COUNTRY:
            return
        words = {t.lower_ for t in self.doc[m.start : m.end]}
        if words & STATE_BODIES and not words & {"news", "press"}:  # "Korea's Yonhap news agency" is no state body
            words = c.label.split()
            portfolio = " ".join(words[:-1]).lower()
            portfolio = {"foreign": "foreign affairs"}.get(portfolio, portfolio)
            if len(words) >= 2 and words[-1].lower() == "ministry" and c.label == m.text and (
                    portfolio == "foreign affairs" or all(t.pos_ in ("NOUN", "PROPN") for t in self.doc[m.start : m.end - 1])):
                # "China's commerce ministry" is its "Ministry of Commerce"
                c.label = "Ministry of " + " ".join(w[:1].upper() + w[1:] for w in portfolio.split())
            if c.label.startswith("Ministry of ") and not c.label.endswith(" of " + oc.label):
                # "Saudi Arabia's Ministry of Investment" is "Ministry of Investment of Saudi
                # Arabia": every state has a ministry of that name
                c.label = f"{c.label} of {oc.label}"
            self.add((c, self.doc[m.start]), "partOf", (oc, owner), self.doc[m.start], "descriptor:state-body",
                     0.8, (Kind.ORGANIZATION,), (Kind.COUNTRY,))
        else:
            self.add((c, self.doc[m.start]), "nationality", (oc, owner), self.doc[m.start],
                     "descriptor:country-possessive", 0.8, (Kind.ORGANIZATION,), (Kind.COUNTRY,))

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
                    oc = self.new_cluster(Mention(t.i, t.i + 1, t.text, Kind.COUNTRY, "demonym", country))
                if oc.type == Kind.COUNTRY:
                    self.add((c, self.doc[m.start]), "nationality", (oc, t), head, "list:demonym-head", 0.75,
                             (Kind.ORGANIZATION,), (Kind.COUNTRY,))
