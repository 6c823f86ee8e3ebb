"""Graphs for the render tests, shaped like kg.graph's output (MultiDiGraph, IRI node ids)."""

from __future__ import annotations

import random

import networkx as nx
import pytest

BASE = "http://kg.example/entity/"
XSS_IMG = '<img src=x onerror="window.__pwned=1">'
XSS_SCRIPT = "</script><script>window.__pwned=1</script>"
XSS_ALERT_IMG = "<img src=x onerror=alert(1)>"
XSS_ALERT_SCRIPT = "</script><script>alert(1)</script>"


def news_graph() -> nx.MultiDiGraph:
    """A small news graph: multi-edges both ways, symmetric relations, a literal, a self-loop."""
    g = nx.MultiDiGraph()
    people = [("erdogan", "Recep Tayyip Erdoğan", ["Erdogan", "the president"], 3),
              ("li", "Li Qiang", ["Li"], 2),
              ("bolat", "Ömer Bolat", ["Bolat", "the minister"], 1)]
    for key, label, aliases, docs in people:
        g.add_node(BASE + key, label=label, type="Person", aliases=aliases, docs=docs)
    for key, label, typ in [("byd", "BYD", "Organization"), ("togg", "Togg", "Organization"),
                            ("turkiye", "Türkiye", "Country"), ("china", "China", "Country"),
                            ("manisa", "Manisa", "City"), ("ev", "electric vehicle", "Product")]:
        g.add_node(BASE + key, label=label, type=typ, aliases=[], docs=2)
    g.add_node("value:1000000000 USD", label="1 billion USD", type="Quantity", aliases=[], docs=1)
    g.add_node("value:2026", label="2026", type="Date", aliases=[], docs=1)

    def fact(s, p, o, conf, evidence, s_m, o_m, symmetric=False, key=None):
        g.add_edge(s if s.startswith("value:") else BASE + s,
                   o if o.startswith("value:") else BASE + o,
                   key=key or f"a-{s}-{p}-{o}", relation=p, symmetric=symmetric,
                   evidence=evidence, doc="doc1", doc_title="Türkiye and China talk EVs",
                   doc_date="2024-01-05", confidence=conf, rule=f"rule.{p}",
                   s_mention=s_m, o_mention=o_m)

    fact("erdogan", "metWith", "li", 0.9, "Erdoğan met with Li Qiang in Ankara.", "Erdoğan",
         "Li Qiang", symmetric=True)
    fact("li", "visited", "turkiye", 0.85, "Li Qiang visited Türkiye on Friday.", "Li Qiang",
         "Türkiye")
    fact("byd", "investsIn", "turkiye", 0.8, "BYD will invest in Türkiye.", "BYD", "Türkiye")
    fact("byd", "hasFacilityIn", "manisa", 0.75, "BYD will build a plant in Manisa.", "BYD",
         "Manisa")
    fact("byd", "investmentValue", "value:1000000000 USD", 0.7,
         "The plant is worth 1 billion dollars.", None, "1 billion dollars")
    fact("byd", "plannedStart", "value:2026", 0.6, "Production starts in 2026.", None, "2026")
    fact("byd", "produces", "ev", 0.65, "BYD produces electric vehicles.", "BYD",
         "electric vehicles")
    fact("togg", "partnersWith", "byd", 0.3, "Togg may partner with BYD, sources said.", "Togg",
         "BYD", symmetric=True)
    fact("byd", "cooperatesWith", "togg", 0.4, "BYD cooperates with Togg.", "BYD", "Togg",
         symmetric=True)
    fact("togg", "basedIn", "turkiye", 0.95, "Togg is based in Türkiye.", "Togg", "Türkiye")
    fact("bolat", "holdsPosition", "turkiye", 0.5, "Trade minister Ömer Bolat spoke.",
         "Ömer Bolat", "Trade")
    fact("turkiye", "tradesWith", "china", 0.2, "Türkiye trades with China.", "Türkiye", "China",
         symmetric=True)
    fact("china", "tradesWith", "turkiye", 0.25, "China and Türkiye trade.", "China", "Türkiye",
         symmetric=True, key="a-china-tradesWith-turkiye-2")
    fact("manisa", "near", "manisa", 0.55, "Manisa is near Manisa.", "Manisa", None)
    return g


def malicious_graph() -> nx.MultiDiGraph:
    """Every text field carries markup that would run script if inserted as HTML."""
    g = nx.MultiDiGraph()
    a = BASE + "evil" + XSS_IMG
    b = BASE + "evil2" + XSS_SCRIPT
    g.add_node(a, label=XSS_IMG, type="Person", aliases=[XSS_SCRIPT, "`${x}` ]]> \u2028 '\""],
               docs=1)
    g.add_node(b, label=XSS_SCRIPT, type=XSS_IMG, aliases=[XSS_IMG], docs=2)
    g.add_node(BASE + "alert", label=XSS_ALERT_IMG, type="Organization",
               aliases=[XSS_ALERT_SCRIPT], docs=1)
    for i, (s, o) in enumerate([(a, b), (b, BASE + "alert"), (BASE + "alert", a)]):
        g.add_edge(s, o, key=XSS_IMG + str(i), relation=XSS_SCRIPT if i else XSS_IMG,
                   symmetric=bool(i % 2),
                   evidence=f"{XSS_IMG} said {XSS_SCRIPT} and {XSS_ALERT_IMG} {XSS_ALERT_SCRIPT}"
                            " <!-- <script> \u2028\u2029 ]]>",
                   doc=XSS_SCRIPT, doc_title=XSS_IMG, doc_date=XSS_SCRIPT, confidence=0.9,
                   rule=XSS_IMG, s_mention=XSS_IMG, o_mention=XSS_SCRIPT)
    return g


def random_graph(n: int, m: int, seed: int = 1) -> nx.MultiDiGraph:
    """A scale-free-ish graph of n entities and m assertions with random types and confidences."""
    rng = random.Random(seed)
    types = ["Person", "Organization", "Country", "City", "Product", "Event", "Quantity"]
    relations = ["visited", "metWith", "worksFor", "partnersWith", "locatedIn", "investsIn"]
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    pairs = list(base.edges())[:m]
    while len(pairs) < m:
        pairs.append((rng.randrange(n), rng.randrange(n)))
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(f"{BASE}n{i}", label=f"Entity {i}", type=types[i % len(types)],
                   aliases=[f"E{i}"], docs=1 + i % 4)
    for k, (u, v) in enumerate(pairs):
        rel = relations[k % len(relations)]
        g.add_edge(f"{BASE}n{u}", f"{BASE}n{v}", key=f"a{k}", relation=rel,
                   symmetric=rel in ("metWith", "partnersWith"),
                   evidence=f"Entity {u} {rel} Entity {v}.", doc=f"d{k % 7}", doc_title=None,
                   doc_date=None, confidence=round(rng.random(), 2), rule="test",
                   s_mention=f"Entity {u}", o_mention=f"Entity {v}")
    return g


@pytest.fixture()
def graph() -> nx.MultiDiGraph:
    """The small news graph."""
    return news_graph()


@pytest.fixture()
def evil_graph() -> nx.MultiDiGraph:
    """The graph whose every text field is a script-injection attempt."""
    return malicious_graph()
