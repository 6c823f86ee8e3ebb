"""Titles and roles: positions named with their holder, spokespeople."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.coref import Cluster
from kg.extract.lexicon import (
    BUSINESS_WORDS,
    COMPANY_TITLES,
    HEAD_TITLES,
    ORG_SUFFIXES,
    TITLE_WORDS,
)
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import (
    ENVOY_TITLES,
    PLACE,
    PORTFOLIO_WORDS,
    SPEECH_VERBS,
    SPOKES_TITLES,
)
from kg.extract.roles import role_label
from kg.extract.spans import Mention
from kg.extract.title_mentions import GOVERNMENT_TITLES
from kg.model import Kind

# Words of a company office that names no company ("Chief Executive", "chairman").
_COMPANY_OFFICE_WORDS = frozenset(
    "chief executive officer financial operating technology ceo cfo coo cto chairman chairwoman chair founder "
    "co-founder managing director".split())


class TitleRules(FinderBase):
    """Titles and roles: positions named with their holder, spokespeople."""

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
            if c is not None and c.type == Kind.ORGANIZATION:
                orgs.setdefault(c.id, (c, t))
        if len(orgs) != 1:
            return
        org = next(iter(orgs.values()))
        speaks = any(t.lemma_.lower() in SPEECH_VERBS and any(
            a[0].id == org[0].id for a in self.subjects(t)) for t in prev if t.pos_ == "VERB")
        if speaks:
            self.add(person, "worksFor", org, first, "title:spokesperson-previous-speaker", 0.7,
                     (Kind.PERSON,), (Kind.ORGANIZATION,))

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
                if pc is None or pc.type != Kind.PERSON:
                    continue
                p = (pc, person_tok)
                first = self.doc[m.start]
                possessive = m.start >= 2 and self.doc[m.start - 1].tag_ == "POS"
                # "Acme's chief executive" or "Acme chief executive": the owner stands before.
                owner = self.doc[m.start - 2] if possessive else (self.doc[m.start - 1] if m.start >= 1 else None)
                oc = self.cluster(owner) if owner is not None else None
                town = False
                if oc is None or oc.type not in (Kind.ORGANIZATION, Kind.COUNTRY, Kind.CITY, Kind.REGION):
                    # "Gov. Jane Doe of Ohio", "Mayor Jane Doe of Lyon": the holder after the name
                    end = self.mention_span(person_tok)[1]
                    after = self.doc[end + 1] if end + 1 < len(self.doc) and self.doc[end].lower_ == "of" else None
                    ac = self.cluster(after) if after is not None else None
                    company = m.text.lower() in COMPANY_TITLES
                    # a town NER took for a company is the town of a mayor ("Mayor X of Lyon")
                    town = ac is not None and ac.type == Kind.ORGANIZATION and not company and (
                        self.gaz.city(ac.label) or self.gaz.subdivision(ac.label))
                    if ac is not None and (ac.type in (Kind.COUNTRY, Kind.CITY, Kind.REGION, Kind.PLACE) and not company
                                           or ac.type == Kind.ORGANIZATION and company or town):
                        oc, owner = ac, after
                # "Ulsan Mayor X" where NER typed Ulsan a company: the town's mayor, no employer
                town = town or oc is not None and oc.type == Kind.ORGANIZATION and m.text.lower().split()[-1] in (
                    "mayor", "governor", "premier") and bool(self.gaz.city(oc.label) or self.gaz.subdivision(oc.label))
                # "former President X", "former Acme Cars executive X" no longer hold the office
                lead = m.start
                while lead > 0 and lead > m.start - 5 and (self.doc[lead - 1].pos_ == "PROPN" or self.doc[lead - 1].tag_ == "POS"):
                    lead -= 1
                former = any(t.lower_ in ("former", "ex", "late") for t in self.doc[max(0, lead - 2) : m.end])
                generic = m.text.lower() in ("executive", "official", "manager", "employee", "staff")
                for role in [] if former and generic else self.held_roles(m, c, oc, owner):
                    # a former holder held the office: the fact stays, marked as ended ("a former
                    # Acme executive" held no office of that name: he worked there)
                    self.add(p, "holdsPosition", (role, first), first, rule, conf, (Kind.PERSON,), (Kind.ROLE,),
                             status="ended" if former else "")
                if oc is not None and oc.type == Kind.COUNTRY and possessive:
                    # "Korea's Minister of Trade": the office holder serves that country.
                    self.add(p, "nationality", (oc, owner), first, "title:country-possessive", 0.75,
                             (Kind.PERSON,), (Kind.COUNTRY,))
                elif oc is not None and oc.type == Kind.ORGANIZATION and not town:
                    # "Acme's chief executive Jane Doe"; "an Acme executive" only works there
                    last = self.doc[m.end - 1]
                    head = last.lower_ in HEAD_TITLES and not (
                        last.lower_ == "executive" and (m.end - 2 < m.start or self.doc[m.end - 2].lower_ != "chief"))
                    # a former employee worked there: the fact stays, marked as ended
                    self.add(p, "worksFor" if former or not head else "directorOf", (oc, owner), first,
                             "title:org-possessive" if possessive else "title:org-before", 0.8,
                             (Kind.PERSON,), (Kind.ORGANIZATION,), status="ended" if former else "")
                # "Hungarian Prime Minister X" says no more of X's nationality than the office of
                # Hungary's that X holds: no nationality fact of its own (measured: 2 right, 5 that
                # the gold leaves to the office)
                has_org = oc is not None and oc.type == Kind.ORGANIZATION
                for t in self.doc[m.start : m.end]:
                    oc = self.cluster(t)
                    if oc is not None and oc.type == Kind.ORGANIZATION:
                        has_org = True
                        head = self.doc[m.end - 1].lower_ in HEAD_TITLES
                        self.add(p, "directorOf" if head else "worksFor", (oc, t), t, "title:org", 0.8,
                                 (Kind.PERSON,), (Kind.ORGANIZATION,))
                        break
                if not has_org and self.doc[m.end - 1].lower_ in SPOKES_TITLES and first.is_sent_start:
                    self.spokesperson_rule(p, first)

    def envoy_rules(self) -> None:
        """"Japan's Ambassador to India Keiichi Ono", "the Australian ambassador to Seoul, Jane
        Doe" -> holdsPosition(person, 'Ambassador of Japan to India')."""
        for c in list(self.res.clusters.values()):
            if c.type != Kind.PERSON:
                continue
            for m in c.mentions:
                if m.kind != "name" or m.start < 3:
                    continue
                i = m.start - 1
                if self.doc[i].text == ",":
                    i -= 1
                posted = self.cluster(self.doc[i])
                if posted is None or posted.type not in PLACE:
                    continue
                j = min(self.mention_span(self.doc[i])[0], i) - 1
                if j < 1 or self.doc[j].lower_ != "to" or self.doc[j - 1].lower_ not in ENVOY_TITLES:
                    continue
                title = self.doc[j - 1]
                sender = [self.cluster(t) for t in self.doc[max(0, title.i - 3) : title.i]
                          if self.cluster(t) is not None and self.cluster(t).type == Kind.COUNTRY]
                holder = sender[-1].label if sender else None
                if holder is None:
                    continue  # whose envoy is not said
                place = posted.label
                if posted.type == Kind.CITY:
                    # "ambassador to Seoul": posted to the country whose capital it is
                    place = self.gaz.capital_of(place) or place
                label = f"{role_label(title.text, holder, Kind.COUNTRY)} to {place}"
                role = self.new_cluster(Mention(title.i, self.doc[i].i + 1, self.doc[title.i : i + 1].text,
                                                Kind.ROLE, "role", label))
                self.add((c, self.doc[m.start]), "holdsPosition", (role, title), title, "title:envoy-to", 0.8,
                         (Kind.PERSON,), (Kind.ROLE,))

    def held_roles(self, m: Mention, bare: Cluster, owner: Cluster | None,
                   owner_tok: Token | None) -> list[Cluster]:
        """The roles of a title mention named with their holder: 'South Korean Trade Minister'
        -> 'Trade Minister of South Korea'; 'Acme founder and chairman' -> 'Founder of Acme',
        'Chairman of Acme'.  Without a holder, the bare title."""
        start, holder, htype = m.start, None, ""
        if owner is not None and owner_tok is not None and owner.type in (
                Kind.ORGANIZATION, Kind.COUNTRY, Kind.CITY, Kind.REGION, Kind.PLACE):
            holder, htype = self.holder_name(owner, owner_tok), owner.type
        # a country, demonym or place inside the title is its holder; words before it are
        # not part of the title ("Project | Hungarian | Foreign Minister")
        for k in range(m.start, m.end - 1):
            for end in range(m.end - 1, k, -1):
                text = self.doc[k:end].text
                country = self.gaz.demonym(text) or self.gaz.country(text)
                if country:
                    holder, htype, start = country, Kind.COUNTRY, end
                    break
                if k == m.start and self.doc[k].pos_ == "PROPN" and self.gaz.subdivision(text) and not (
                        end == k + 1 and text.lower() in ("north", "south", "east", "west", "central")):
                    holder, htype, start = text.removesuffix(" state").removesuffix(" province"), Kind.REGION, end  # "Gujarat Chief Minister"
                    break
                if end == k + 1 and k == m.start and self.doc[k].pos_ == "PROPN" and (
                        self.gaz.city(text) or self.gaz.region(text)):
                    holder, htype, start = text, Kind.CITY, end
                    break
            if start > m.start:
                break
        if holder is None and self.local_office(m.start, m.end) and self.doc_region():
            holder, htype = self.doc_region(), Kind.REGION  # "Chief Minister X", "state Industries Minister X"
        elif holder is None and self.national_title(self.doc[m.start : m.end]):
            # "Canada will impose X, Finance Minister Y said": the state the minister speaks for;
            # else "President Luis Arce" in an article about Bolivia: the article's country
            holder, htype = self.spoken_for_state(m.end) or self.counterpart_state(m.start) or self.doc_country(), Kind.COUNTRY
        prefixed = self.doc[m.start].lower_ == "company" and m.end - m.start > 1  # "company president X"
        before = self.doc[m.start - 1] if m.start > 0 else None
        named_before = before is not None and not prefixed and (
            before.pos_ == "PROPN" or bool(before.ent_type_) and before.text[:1].isupper())
        if holder is None and not named_before and (
                {t.lower_ for t in self.doc[m.start : m.end]} - {"and", ",", "&"} <= _COMPANY_OFFICE_WORDS or prefixed):
            # ("Orvane chief executive X" where NER took Orvane for a person: the office is
            # Orvane's, whatever company the paragraph named before, so none is given)
            start += prefixed
            # "Chief Executive Jane Doe told analysts": the one company of the paragraph so far,
            # else the one the story is about
            org = self.story_company(m.start)
            holder, htype = (org.label, Kind.ORGANIZATION) if org is not None else (None, "")
        if holder is None:
            return [bare]
        roles = []
        for title in self.split_titles(self.doc[start : m.end]):
            label = role_label(title, holder, htype)
            roles.append(self.new_cluster(Mention(m.start, m.end, m.text, Kind.ROLE, "role", label)))
        return roles or [bare]

    def national_title(self, span: Span) -> bool:
        """A national office named without its country: 'President', 'Prime Minister', 'the
        minister of energy' (not a chief minister, mayor or governor, whose office is local)."""
        words = [t.lower_ for t in span]
        if not words or "chief" in words or "former" in words:
            return False
        head = next((w for w in reversed(words) if w in TITLE_WORDS), words[-1])
        # presidents and ministers: a chancellor, king or prince is rarely the article's own
        portfolio = next((t.i for t in span if t.lower_ in ("of", "for")), span.end)  # "Minister of Industry"
        return head in ("president", "minister") and not any(
            w in ("vice", "deputy") and head == "president" for w in words) and not any(
            t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS | PORTFOLIO_WORDS and t.i < portfolio for t in span)

    def holder_name(self, c: Cluster, tok: Token) -> str:
        """The holder as the sentence names it ('Hyundai Motor Company'), or the entity's full
        name when the sentence shortens it ('Redwood's' -> 'Redwood Materials')."""
        if c.type != Kind.ORGANIZATION:
            return c.label
        start, end = self.mention_span(tok)
        text = self.doc[start:end].text if end > start else tok.text
        if not text[:1].isupper() or text.split()[0].lower() in ("the", "this", "that", "its", "their") \
                or tok.pos_ in ("PRON", "DET") or tok.lower_ in (
                "the", "it", "its", "this", "that") or end - start <= 1 and c.label.startswith(text + " "):
            return c.label  # a pronoun or description ("its", "the company") or a short form
        rest = c.label[len(text):].split() if c.label.startswith(text + " ") else []
        if rest and all(w.lower().strip(".") in ORG_SUFFIXES - {"group"} for w in rest) or len(rest) == 1 \
                and rest[0].lower() in BUSINESS_WORDS:
            return c.label  # "Hyundai Motor" for "Hyundai Motor Company", "Orvik" for "Orvik Lithium"
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

    def appositive_title(self, heads: list[tuple[Cluster, Token]], noun: Token) -> None:
        """'Jane Doe, the mayor of Gdansk,' -> holdsPosition(Jane Doe, Mayor of Gdansk).

        Public offices only: "X, the chief executive of Acme," is directorOf (see describe),
        as the gold annotation has it.
        """
        people = [h for h in heads if h[0].type == Kind.PERSON]
        # "X, the minister," and "talks with the minister, X" (of the ministry named before)
        beside = noun.dep_ == "appos" or any(c.dep_ == "appos" and h[1] == c for c in noun.children for h in people)
        if not beside or noun.lower_ not in GOVERNMENT_TITLES or not people:
            return
        if any(t.lower_ in ("former", "ex", "then", "late") for t in noun.lefts):
            return  # "a former finance minister" no longer holds the office
        people = self.titled_after(people, noun)
        # the portfolio belongs to the title: "finance minister", "prime minister"
        start = min([t.i for t in noun.lefts if t.dep_ in ("compound", "amod") and (
            t.lower_ in TITLE_WORDS or t.dep_ == "compound")] + [noun.i])
        end = noun.i + 1
        tail = noun
        while end + 1 < len(self.doc) and self.doc[end].text == "-" and not self.doc[end - 1].whitespace_:
            end += 2  # "secretary-general"
            tail = self.doc[end - 1]
        countries: list[tuple[Cluster, Token]] = []
        orgs: list[tuple[Cluster, Token]] = []
        for prep in [*noun.children, *(tail.children if tail is not noun else [])]:
            # an office of a city or region keeps the place ("mayor of Gdansk"); of a country,
            # the country is the holder's nationality, as with "Turkish Trade Minister"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobjs = [p for p in prep.children if p.dep_ == "pobj"]
                places = self.args(pobjs[0]) if pobjs else []
                if places and all(a[0].type == Kind.COUNTRY for a in places):
                    countries = places
                elif len(places) == 1 and places[0][0].type == Kind.ORGANIZATION:
                    orgs = places  # "secretary-general of the Acme Association"
                elif places and all(a[0].type in PLACE for a in places):
                    end = max(t.i for t in pobjs[0].subtree) + 1
                elif pobjs and not places and pobjs[0].pos_ in ("NOUN", "PROPN"):
                    # "the minister of hydrocarbons and energy": the portfolio is part of the title
                    end = max(t.i for t in pobjs[0].subtree) + 1
        countries += [a for c in noun.children if c.dep_ == "poss" for a in self.args(c) if a[0].type == Kind.COUNTRY]
        # "the Norwegian finance minister": the demonym names the state the office is of
        countries += [a for c in noun.lefts if c.dep_ == "amod" and c.i < start for a in self.args(c)
                      if a[0].type == Kind.COUNTRY]
        text = self.doc[start:end].text
        label = text[:1].upper() + text[1:]
        # "Quebec's economy minister": a province's or city's office keeps its place
        local = {a[0].label for c in noun.children if c.dep_ == "poss" for a in self.args(c)
                 if a[0].type in (Kind.REGION, Kind.CITY)}
        holder = countries[0][0].label if len({c[0].id for c in countries}) == 1 else None
        if holder is None and not countries and self.national_title(self.doc[start:end]):
            holder = self.doc_country()
        ministry = self.ministry_before(noun.i) if text.lower() == "minister" and not orgs and not countries \
            and any(t.lower_ == "the" for t in noun.lefts) else None
        if orgs:
            label = role_label(text, self.holder_name(*orgs[0]), Kind.ORGANIZATION)
        elif ministry is not None:
            # "Uzbekistan's Ministry of Energy ... talks with the minister, X": its minister
            label = "Minister" + ministry.label.removeprefix("Ministry")
        elif holder or len(local) == 1:
            label = role_label(text, holder or next(iter(local)), Kind.COUNTRY if holder else Kind.REGION)
            posted = [a for p in noun.children if p.dep_ == "prep" and p.lower_ == "to"
                      for g in p.children if g.dep_ == "pobj" for a in self.args(g) if a[0].type in PLACE]
            if noun.lower_ in ("ambassador", "envoy") and posted:
                label += f" to {posted[0][0].label}"  # "Ambassador of South Korea to Indonesia"
        if noun.dep_ != "appos" and ministry is None and (self.cluster(noun) is not None or not (countries or local)):
            return  # "the governor, X": a title before a name is left to the title rules (not
            # "Quebec's economy minister, X", which they do not read)
        role = self.new_cluster(Mention(start, end, text, Kind.ROLE, "role", label))
        if ministry is not None:
            self.ministers.append((role, ministry))  # named with the ministry's final name
        for h in people:
            # the office is the state's; the holder's nationality is not said ("Lee, South Korea's
            # ambassador to Indonesia", "X, governor of South Jeolla" near "Australia")
            self.add(h, "holdsPosition", (role, noun), noun, "appos:title", 0.85, (Kind.PERSON,), (Kind.ROLE,))

    def titled_after(self, people: list[tuple[Cluster, Token]], noun: Token) -> list[tuple[Cluster, Token]]:
        """In a list of titled names ('..., Acme chief executive A, Australia's ambassador to
        Seoul, B, and ...'), a title between commas after a name that has its own title before
        it is the next name's."""
        comma = next((t.i for t in self.doc[noun.i + 1 : noun.i + 8] if t.text == ","), None)
        after = self.cluster(self.doc[comma + 1]) if comma is not None and comma + 1 < len(self.doc) else None
        if after is None or after.type != Kind.PERSON:
            return people
        roles = self.role_tokens()
        titled = [h for h in people if h[1].i < noun.i and any(
            m.start > 0 and m.start <= h[1].i < m.end and (self.doc[m.start - 1].lower_ in TITLE_WORDS
                                                         or m.start - 1 in roles)
            for m in h[0].mentions)]
        if not titled or len(titled) < len(people):
            return people
        # an envoy's post is read by the envoy rule ("ambassador to Seoul, B" -> to South Korea)
        return [] if noun.lower_ in ENVOY_TITLES else [(after, self.doc[comma + 1])]

    def role_tokens(self) -> set[int]:
        """Token indices of title mentions ('chief executive', 'Trade Minister')."""
        return {i for c in self.res.clusters.values() if c.type == Kind.ROLE for m in c.mentions
                for i in range(m.start, m.end)}

    def appositive_role(self, heads: list[tuple[Cluster, Token]], noun: Token) -> None:
        """'Jane Doe, chief executive of Acme,' / '..., Acme's president and CEO,' ->
        holdsPosition(Jane Doe, Chief Executive of Acme) (public offices: appositive_title)."""
        # only the name the title stands beside: in "A, B and C, chief executive of Acme" the
        # title is C's, not the whole list's
        people = [h for h in heads if h[0].type == Kind.PERSON and (h[1].i <= noun.i and (
            h[1] == noun.head or self.cluster(noun.head) is h[0]) or h[1].head == noun and h[1].dep_ == "appos")]
        if not people or noun.lower_ in GOVERNMENT_TITLES:
            return
        roles, rule = self.org_roles(noun), "appos:title-of"
        words = [t for t in noun.lefts if t.dep_ in ("amod", "compound")]
        if not roles and any(t.dep_ == "det" and t.lower_ == "the" for t in noun.lefts) and not any(
                c.dep_ in ("poss", "prep") for c in noun.children) and {
                t.lower_ for t in [*words, noun]} <= _COMPANY_OFFICE_WORDS | {"interim", "acting"}:
            # "Jane Doe, the interim chairman,": the office of the story's company
            org = self.story_company(min(t.i for t in [*words, noun]))
            title = self.doc[min(t.i for t in [*words, noun]) : noun.i + 1].text
            roles = [self.new_cluster(Mention(noun.i, noun.i + 1, noun.text, Kind.ROLE, "role",
                                              role_label(title, org.label, Kind.ORGANIZATION)))] if org else []
            rule = "appos:story-company-title"
        for role in roles:
            for h in people:
                self.add(h, "holdsPosition", (role, noun), noun, rule, 0.85, (Kind.PERSON,), (Kind.ROLE,))

    def office_verb_rule(self, verb: Token) -> None:
        """'X, who heads / leads Acme', 'X chairs the Acme board' -> holdsPosition(X, Head (Chair) of Acme)."""
        title = {"head": "Head", "lead": "Head", "chair": "Chair"}.get(verb.lemma_.lower())
        people = [p for p in self.subjects(verb) if p[0].type == Kind.PERSON]
        if title is None or not people or self.hedge(verb):
            return
        # only a company the clause names ("who leads it", "chairs the council" resolve too loosely)
        for org in (a for o in verb.children if o.dep_ == "dobj" and o.pos_ == "PROPN" for a in self.args(o)
                    if a[0].type == Kind.ORGANIZATION):
            label = role_label(title, self.holder_name(*org), Kind.ORGANIZATION)
            role = self.new_cluster(Mention(verb.i, verb.i + 1, verb.text, Kind.ROLE, "role", label))
            for p in people:
                self.add(p, "holdsPosition", (role, verb), verb, f"verb:{verb.lemma_.lower()}:office", 0.75,
                         (Kind.PERSON,), (Kind.ROLE,))

    def org_roles(self, noun: Token, joined: tuple[Cluster, Token] | None = None) -> list[Cluster]:
        """The roles a title noun names with its organisation: 'chief executive of Acme',
        'Acme's president and CEO' -> 'Chief Executive of Acme', 'President and CEO of Acme'."""
        if noun.lower_ not in TITLE_WORDS:
            return []
        if any(t.lower_ in ("former", "ex", "then", "late") for t in noun.lefts):
            return []
        words = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod") and (
                     self.cluster(t) is None or self.cluster(t).type == Kind.ROLE)  # "chief" of a title
                 and t.pos_ != "ADV" and t.lower_ not in ("also", "now", "then", "new", "current", "incoming")]
        start = min([t.i for t in words] + [noun.i])
        if any(t.lower_ in ("former", "ex", "then", "late") for t in self.doc[max(0, start - 1) : noun.i]):
            return []
        end = noun.i + 1
        for conj in noun.children:  # "president and chief executive"
            if conj.dep_ == "conj" and conj.lower_ in TITLE_WORDS:
                end = conj.i + 1
        for prep in noun.children:
            # "vice president for EV industrialisation", "head of strategic planning (at Acme)":
            # a field that names no entity is part of the title
            pobjs = [g for g in prep.children if g.dep_ == "pobj"]
            if prep.dep_ == "prep" and prep.i == end and prep.lower_ in ("for", "of") and pobjs and not any(
                    self.cluster(t) is not None for t in pobjs[0].subtree):
                end = max(t.i for t in pobjs[0].subtree) + 1
        holders = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
        for tok in [noun, *[c for c in noun.children if c.dep_ == "conj"]]:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "at"):
                    holders += [a for p in prep.children if p.dep_ == "pobj" for a in self.args(p)]
        holders = [h for h in holders if h[0].type in (Kind.ORGANIZATION, Kind.COUNTRY, Kind.CITY, Kind.REGION)]
        if not holders and joined is not None:
            holders = [joined]  # "joined Acme as chief financial officer"
        if len({h[0].id for h in holders}) != 1:
            return []
        country_tok = holders[0][1]
        brand = [c for c in country_tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 ] if holders[0][0].type == Kind.COUNTRY else []
        if brand:
            # "of Honda Canada": a company's national arm NER did not find, not the country
            start_i = min(t.i for t in brand)
            text = self.doc[start_i : country_tok.i + 1].text
            holders = [(self.new_cluster(Mention(start_i, country_tok.i + 1, text, Kind.ORGANIZATION, "name", text)),
                        self.doc[start_i])]
        holder = holders[0][0].label if brand else self.holder_name(*holders[0])
        return [self.new_cluster(Mention(start, end, title, Kind.ROLE, "role",
                                         role_label(title, holder, holders[0][0].type)))
                for title in self.split_titles(self.doc[start:end])]

    def role_change_rule(self, verb: Token) -> None:
        """'X stepped down as chief executive of Acme', 'Acme named X as its chairman', 'X was
        appointed chair of Acme': the person holds (or held) the office; leaving is recorded."""
        lemma = verb.lemma_.lower()
        titles = [g for p in verb.children if p.dep_ == "prep" and (p.lower_ == "as" or p.lower_ == "to" and lemma in (
            "promote", "elevate")) for g in p.children if g.dep_ == "pobj"]
        named = [c for c in verb.children if c.dep_ == "oprd" and self.cluster(c) is not None
                 and self.cluster(c).type == Kind.PERSON]  # "Acme named X as ...", misparsed
        titles += [c for c in verb.children if c.dep_ == "oprd" and c not in named]  # "was appointed chair of Acme"
        appointing = lemma in ("name", "appoint", "elect", "choose", "pick", "hire", "select", "promote", "elevate")
        if appointing:
            # "Acme named X its new chief executive": the title is a second object
            titles += [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in TITLE_WORDS
                       and (self.cluster(c) is None or self.cluster(c).type == Kind.ROLE) and c not in titles]
        if not titles:
            return
        if appointing:
            people = [a for c in verb.children if c.dep_ in ("dobj", "nsubjpass") or c in named for a in self.args(c)]
            # "Acme named Jane Doe chief executive": the parser may hang the name off the title
            people += [a for t in titles for c in t.children if c.dep_ in ("nmod", "compound") for a in self.args(c)]
        else:
            people = self.subjects(verb)
        people = [p for p in people if p[0].type == Kind.PERSON]
        left = "ended" if lemma in ("step", "resign", "retire", "quit") else ""
        joined = next((a for c in verb.children if c.dep_ == "dobj" for a in self.args(c)
                       if a[0].type == Kind.ORGANIZATION), None) if lemma == "join" else None
        if appointing and verb.dep_ != "relcl":
            # "Acme appointed X as chief financial officer": the office is the appointer's
            joined = next((a for a in self.subjects(verb) if a[0].type == Kind.ORGANIZATION), None)
        for noun in titles:
            for role in self.org_roles(noun, joined):
                for person in people:
                    self.add(person, "holdsPosition", (role, noun), verb, f"verb:{lemma}:as-title", 0.8,
                             (Kind.PERSON,), (Kind.ROLE,), status=left)
