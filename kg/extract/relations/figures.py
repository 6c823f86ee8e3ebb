"""Figures given without a subject: a fact box's labelled lines ("- Vehicle sales: 30.09
million, up 12%", "Capacity: 50,000 vehicles a year") and a results story's bare sales
("Deliveries reached 1.8 million"). They are the story's own."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.coref import Cluster
from kg.extract.relations.base import FinderBase
from kg.extract.relations.lexicon import ANY, BODY, SALES_NOUNS, SALES_WORDS
from kg.extract.values import parse_money, parse_quantity, unit_name
from kg.model import Kind, Value

# Words that leave a sales noun the whole company's ("total sales", "annual deliveries").
_WHOLE = {"total", "annual", "group", "net", "consolidated", "overall"}
_BULLETS = {"-", "•", "*", "–", "—"}
_AMOUNTS = ("CARDINAL", "QUANTITY")


class FigureRules(FinderBase):
    """Figures a story gives without saying whose they are: they are the story's company's
    (or country's, or works')."""

    def figure_rules(self) -> None:
        """Labelled fact-box lines and subject-less sales sentences."""
        for sent in self.doc.sents:
            self.labelled_figure(sent)
            self.bare_sales(sent)

    def labelled_figure(self, sent: Span) -> None:
        """'- Lithium-ion battery sales: 390 GWh, up 35%', 'Capacity: 50,000 vehicles a year',
        'Power battery systems: 321 GWh sold'."""
        toks = [t for t in sent if not t.is_space]
        # a heading the tagger ran into the line ("THE YEAR IN NUMBERS - Vehicle sales: ...")
        lines = [k + 1 for k, t in enumerate(toks) if "\n" in t.whitespace_ or t.i + 1 < len(self.doc)
                 and self.doc[t.i + 1].is_space and "\n" in self.doc[t.i + 1].text]
        i = lines[-1] if lines and lines[-1] < len(toks) else 0
        while i < len(toks) and toks[i].text in _BULLETS:
            i += 1
        colon = next((k for k in range(i + 1, min(len(toks), i + 8)) if toks[k].text == ":"), None)
        if colon is None:
            return
        label = toks[i:colon]
        if any(t.pos_ in ("VERB", "AUX") or self.cluster(t) is not None or t.ent_type_ for t in label):
            return  # "Acme: sales rose" is a headline, "Volt Mobility: 2.6 lakh" names its own subject
        ent = next((e for e in sent.ents if e.label_ in _AMOUNTS and toks[colon].i < e.start <= toks[colon].i + 3), None)
        if ent is None or any(t.text == "%" or t.lower_ in ("percent", "per") for t in ent):
            return
        after = self.doc[ent.end] if ent.end < len(self.doc) else None
        words = {t.lemma_.lower() for t in label} | ({after.lemma_.lower(), after.lower_} if after is not None else set())
        if words & (SALES_WORDS | SALES_NOUNS) - {"export", "order"}:
            # counts only: revenue is no volume (the tuned corpus gold lists a company's revenue
            # as its sales in one results story and not in another)
            rel = "salesVolume"
        elif "capacity" in words:
            rel = "capacity"
        else:
            return
        value = self.figure_value(ent)
        owner = self.story_works(sent.start) if rel == "capacity" else self.story_subject()
        if any(f.p == rel and isinstance(f.o, Value) and value is not None and f.o.number == value.number
               for f in self.facts):
            return  # read already ("Capacity: 50,000 vehicles a year" by the capacity rule)
        if owner is not None and value is not None:
            self.add((owner, ent.root), rel, value, ent.root, f"figure:{rel}", 0.6, BODY + (Kind.PLACE,), ANY)

    def bare_sales(self, sent: Span) -> None:
        """'Deliveries reached 1.8 million', 'Sales rose 12% to 30,000 cars' in a story about
        one company: its sales (not when the sentence names whose they are)."""
        if any(self.cluster(t) is not None and self.cluster(t).type in BODY for t in sent):
            return
        for noun in sent:
            if noun.dep_ != "nsubj" or noun.lemma_.lower() not in SALES_NOUNS - {"export", "order"} \
                    or any(c.dep_ not in ("det", "amod") or c.dep_ == "amod" and c.lower_ not in _WHOLE
                           for c in noun.children):
                continue  # "Iodine sales", "quarterly sales", "its sales": a part, or said whose
            verb = noun.head
            ent = next((e for e in sent.ents if e.label_ in ("CARDINAL", "QUANTITY")
                        and next((a for a in e.root.ancestors if a.pos_ in ("VERB", "AUX")), None) == verb
                        and not any(t.text == "%" or t.lower_ in ("percent", "per") for t in e)), None)
            owner = self.story_subject(companies_only=True)
            value = self.figure_value(ent) if ent is not None else None
            if owner is not None and value is not None:
                self.add((owner, noun), "salesVolume", value, verb, "figure:bare-sales", 0.6, BODY, ANY)

    def figure_value(self, ent: Span) -> Value | None:
        """The amount of a figure: a count with its unit (not money the tagger took for a count)."""
        after = self.doc[ent.end] if ent.end < len(self.doc) else None
        money = parse_money(ent.text + (" " + after.text if after is not None else ""))
        if money is not None and money.unit:
            return None  # "33.7 trillion won"
        words = [t.text for t in ent if not t.like_num and t.lower_ not in ("about", "some", "around", "nearly")]
        if not words and after is not None and after.is_alpha and after.pos_ in ("NOUN", "PROPN"):
            words = [after.text]  # "50,000 vehicles", "321 GWh sold"
        return parse_quantity(ent.text, unit_name(" ".join(words)) if words else None)

    def story_subject(self, companies_only: bool = False) -> Cluster | None:
        """The company the story is about (or its one company), else (for a market's figures)
        its country."""
        orgs = [c for c in self.res.clusters.values() if c.type == Kind.ORGANIZATION and not self.is_venture(c)]
        return self.doc_org() or (orgs[0] if len(orgs) == 1 else None) or (
            None if companies_only else self.doc_country_cluster())

    def doc_country_cluster(self) -> Cluster | None:
        """The entity of the country the story is about."""
        label = self.doc_country()
        return next((c for c in self.res.clusters.values() if c.type == Kind.COUNTRY and c.label == label), None)

    def story_works(self, before: int) -> Cluster | None:
        """The works named last before a token: a fact box follows the story of its plant."""
        last = [(max(m.start for m in c.mentions if m.start < before), c) for c in self.res.clusters.values()
                if self.is_facility(c) and any(m.start < before for m in c.mentions)]
        return max(last, key=lambda x: x[0])[1] if last else None

