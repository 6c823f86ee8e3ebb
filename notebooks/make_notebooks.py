"""Write the example notebooks (without outputs) from the cell sources below.

    .venv/bin/python notebooks/make_notebooks.py          # rewrite notebooks/*.ipynb
    .venv/bin/python notebooks/make_notebooks.py --check  # exit 1 when a notebook is stale

Edit the cells here, not in the .ipynb files, so the notebooks stay reviewable and
output-free; tests/test_notebooks.py checks that both agree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

# Every notebook starts with this cell: find the repository from wherever Jupyter runs.
SETUP = '''\
import sys
import tempfile
import warnings
from pathlib import Path

import pandas as pd
from IPython.display import HTML, Markdown, display


def find_repo_root(start=None):
    """The kg checkout: the nearest folder at or above start (default: cwd) with
    pyproject.toml and kg/, else the checkout of an editable install of kg."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "kg" / "__init__.py").is_file():
            return folder
    try:
        import kg
        folder = Path(kg.__file__).resolve().parent.parent
        if (folder / "pyproject.toml").is_file():
            return folder
    except ImportError:
        pass
    raise FileNotFoundError(f"no kg checkout (pyproject.toml + kg/) at or above {here}; start Jupyter inside the repository")


ROOT = find_repo_root()
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # works even when kg is not pip-installed

# HTML(...) of an <iframe> works in JupyterLab and VS Code; IPython only suggests IFrame.
warnings.filterwarnings("ignore", message="Consider using IPython.display.IFrame")
pd.set_option("display.max_colwidth", 90)
pd.set_option("display.max_rows", 60)
print("repository:", ROOT)'''

BUILD_EXAMPLE = '''\
from kg.graph import analytics
from kg.build import build
from kg.store import KGStore

# A throw-away on-disk store: the notebook never touches the repository's .kg/store.
workdir = tempfile.TemporaryDirectory(prefix="kg-notebook-")
store = KGStore(Path(workdir.name) / "store")
report = build([str(ROOT / "examples" / "articles")], store)
print(f"added {len(report.added)}, skipped {len(report.skipped)}, failed {len(report.failed)}")
for source, reason in report.failed:
    print("  failed:", source, "-", reason)'''

CLEANUP = '''\
store.close()
workdir.cleanup()
print("temporary store removed")'''


def md(text: str):
    return new_markdown_cell(text.strip("\n"))


def code(text: str):
    return new_code_cell(text.strip("\n"))


# --- 01 build and explore ----------------------------------------------------------------

NB01 = [
    md("""
# 01 · Build a knowledge graph and explore it

This notebook runs the whole kg pipeline on the bundled example article
(`examples/articles/`, a Xinhua report on Türkiye–China electric-vehicle ties):

1. extract entities and facts with spaCy and store them as RDF (Oxigraph) in a temporary folder;
2. show the interactive graph inline (an `<iframe srcdoc>`; works in JupyterLab, VS Code and the classic notebook);
3. rank the most central entities, trace how two companies are connected, list neighbours and communities.

Everything runs offline. Run the cells top to bottom.
"""),
    code(SETUP),
    md("""
## Build the store

`kg.build.build` extracts every article in the folder and adds one named graph per document.
Building the same text twice changes nothing (documents are keyed by a hash of their content).
"""),
    code(BUILD_EXAMPLE),
    code("""
documents = pd.DataFrame(store.documents())
documents[["title", "publisher", "author", "date", "facts", "entities"]]"""),
    md("""
## What is in the store

`KGStore.stats()` counts documents, entities by type and facts by relation.
"""),
    code("""
stats = store.stats()
print(f"{stats['documents']} document(s), {stats['entities_total']} entities, "
      f"{stats['triples_total']} facts, {stats['quads']} quads")
entity_types = pd.Series(stats["entities"], name="entities").rename_axis("type").sort_values(ascending=False)
relations = pd.Series(stats["triples"], name="facts").rename_axis("relation").sort_values(ascending=False)
display(entity_types.to_frame(), relations.to_frame())"""),
    md("""
## The interactive graph

`kg.graph.to_networkx` reads the store into a networkx `MultiDiGraph` (one edge per fact, with its
evidence). `kg.render.notebook_iframe` embeds the same self-contained page that `kg render` writes:
hover a node or an edge for details, search, filter by type, relation or confidence.
"""),
    code("""
from kg.graph import ego, to_networkx
from kg.render import notebook_iframe

graph = to_networkx(store)
print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
HTML(notebook_iframe(graph, height=650, title="Example article"))"""),
    md("""
## Most central entities

PageRank over the facts (symmetric relations count both ways), with degree and betweenness.
Literal values such as amounts and dates are graph nodes too, but are not ranked here.
"""),
    code("""
top = analytics.central_entities(graph, k=10)
top[["label", "type", "docs", "degree", "pagerank", "betweenness"]]"""),
    md("""
## How are two companies connected?

Pick two organisations from the data rather than by name: the most central organisations, in
rank order, preferring the first pair whose connection takes more than one hop (a direct fact is
visible in the graph anyway). `analytics.path` lists each hop with the sentence it comes from.
"""),
    code("""
from itertools import combinations

from kg.errors import KGError

organisations = analytics.central_entities(graph, k=10_000, type="Organization")["label"].head(8).tolist()
print("candidate organisations:", organisations)

pairs = {}
for a, b in combinations(organisations, 2):
    try:
        pairs[(a, b)] = analytics.path(graph, a, b)
    except KGError:  # not connected
        continue
longer = [pair for pair, hops in pairs.items() if len(hops) > 1]
chosen = longer[0] if longer else next(iter(pairs), None)

if chosen is None:
    display(Markdown("_No two organisations in this store are connected; showing the two most central entities instead._"))
    labels = top["label"].tolist()
    chosen = tuple(labels[:2]) if len(labels) >= 2 else None
    hops = analytics.path(graph, *chosen) if chosen else pd.DataFrame()
else:
    hops = pairs[chosen]
if chosen:
    display(Markdown(f"**{chosen[0]} → {chosen[1]}**: {len(hops)} hop(s)"))
hops[["hop", "from", "to", "subject", "relation", "object", "confidence", "evidence"]] if len(hops) else hops"""),
    md("""
## Neighbours of the most central company

Every fact touching one entity, with its direction (`out`: the entity is the subject) and evidence.
The ego view below shows the same neighbourhood as a graph.
"""),
    code("""
focus = organisations[0] if organisations else top["label"].iloc[0]
display(Markdown(f"**{focus}**"))
analytics.neighbours(graph, focus)[["relation", "direction", "label", "type", "confidence", "evidence"]]"""),
    code("""
HTML(notebook_iframe(ego(graph, focus, 1), height=420, title=f"{focus} and its neighbours"))"""),
    md("""
## Communities and relations

Greedy modularity communities on the undirected graph (entities only), then how many facts of each
relation every entity takes part in.
"""),
    code("""
groups = analytics.communities(graph)
groups.groupby("community").agg(size=("label", "size"), members=("label", lambda s: ", ".join(s)))"""),
    code("""
analytics.degree_by_relation(graph).drop(columns="entity").head(10)"""),
    md("""
## All facts with their provenance

One row per fact: the sentence it was read from, the rule that produced it and its confidence.
"""),
    code("""
facts = analytics.facts_df(graph)
facts[["subject", "relation", "object", "confidence", "rule", "evidence"]].sort_values("confidence", ascending=False)"""),
    code(CLEANUP),
]


# --- 02 SPARQL cookbook --------------------------------------------------------------------

def query_cells(title: str, explanation: str, body: str) -> list:
    return [md(f"### {title}\n\n{explanation.strip()}"), code(body)]


NB02 = [
    md("""
# 02 · SPARQL cookbook

Recipes for querying the kg store directly. Each result comes back as a pandas DataFrame through
`kg.graph.analytics.sparql_df`, which converts literals with `.toPython()` (numbers, dates, booleans) and
IRIs to strings.

**The data model in one paragraph.** Each article is a named graph (`?doc`, typed
`schema:NewsArticle`, with `kg:contentHash`, `schema:headline`, `schema:datePublished`...). Entities
have a type (`kg:Person`, `kg:Organization`, `kg:Country`...), an `rdfs:label`, `skos:altLabel`
aliases and `kg:mentionedIn ?doc`. A fact is stated directly (`?s kg:metWith ?o`) **and** described
by a `kg:Assertion` node (`rdf:subject/predicate/object`, `kg:evidence` sentence, `kg:confidence`,
`kg:rule`, `prov:wasDerivedFrom ?doc`, optional `kg:qualifier`s and `kg:hedge`). Queries see the
union of all documents; the prefixes `kg rdf rdfs xsd skos schema prov owl dcterms` are predeclared.

**One gotcha.** An entity's type and label are stated in every document that mentions it, and
the union keeps one copy per document, so a query joining on `rdfs:label` returns a row per
mentioning document. On a few articles `SELECT DISTINCT` (as below) or `COUNT(DISTINCT ...)` is
enough. On thousands of articles the repeated rows make such a query slow (seconds instead of
milliseconds). To avoid it, take the label from the document that states the fact, so each fact
is joined once:

```sparql
GRAPH ?g { ?a rdf:subject ?s ; kg:evidence ?evidence }
OPTIONAL { GRAPH ?g { ?s rdfs:label ?label } }
```

The `OPTIONAL` sits outside `GRAPH` and names `?g` again, so Oxigraph looks up each row
instead of matching over every document. The queries in `examples/queries/` are written this way.
"""),
    code(SETUP),
    code(BUILD_EXAMPLE + '''


def q(sparql, **bindings):
    """Run a query on the store; keyword arguments bind variables safely (no string pasting)."""
    return analytics.sparql_df(store, sparql, bindings or None)'''),
    *query_cells(
        "1. Documents and their metadata",
        "Every stored article with its headline, publisher, author and date. `?date` is an "
        "`xsd:date`, so the column is a real datetime.",
        '''
q("""
SELECT ?title ?publisher ?author ?date ?source WHERE {
  ?doc a schema:NewsArticle ; kg:source ?source .
  OPTIONAL { ?doc schema:headline ?title }
  OPTIONAL { ?doc schema:publisher ?publisher }
  OPTIONAL { ?doc schema:author ?author }
  OPTIONAL { ?doc schema:datePublished ?date }
} ORDER BY ?date
""")''',
    ),
    *query_cells(
        "2. Entities by type",
        "How many distinct entities of each type the articles mention. `STRAFTER` turns the class "
        "IRI into its short name.",
        '''
q("""
SELECT (STRAFTER(STR(?type), "#") AS ?entity_type) (COUNT(DISTINCT ?e) AS ?entities) WHERE {
  ?e kg:mentionedIn ?doc ; a ?type .
  FILTER(STRSTARTS(STR(?type), STR(kg:)))
} GROUP BY ?type ORDER BY DESC(?entities)
""")''',
    ),
    *query_cells(
        "3. People and the names they go by",
        "Each person with the other spellings that coreference merged into them (surnames, "
        "spelling variants). `GROUP_CONCAT` folds the aliases into one cell.",
        '''
q("""
SELECT ?person (GROUP_CONCAT(DISTINCT ?alias; separator=", ") AS ?aliases) WHERE {
  ?e a kg:Person ; rdfs:label ?person .
  OPTIONAL { ?e skos:altLabel ?alias }
} GROUP BY ?person ORDER BY ?person
""")''',
    ),
    *query_cells(
        "4. Facts per relation",
        "The relations found and how often, with their average confidence. Counting `kg:Assertion` "
        "nodes counts every supporting sentence, not just distinct facts.",
        '''
q("""
SELECT (STRAFTER(STR(?p), "#") AS ?relation) (COUNT(?a) AS ?facts) (AVG(?c) AS ?mean_confidence) WHERE {
  ?a a kg:Assertion ; rdf:predicate ?p ; kg:confidence ?c .
} GROUP BY ?p ORDER BY DESC(?facts) ?relation
""")''',
    ),
    *query_cells(
        "5. Who holds which position, and whom they met",
        "Joins two relations: a person's role (`kg:holdsPosition`) and the organisations or people "
        "they met (`kg:metWith`, optional so people without meetings still appear).",
        '''
q("""
SELECT DISTINCT ?person ?role ?met WHERE {
  ?p kg:holdsPosition ?r ; rdfs:label ?person .
  ?r rdfs:label ?role .
  OPTIONAL { ?p kg:metWith ?m . ?m rdfs:label ?met }
} ORDER BY ?person ?met
""")''',
    ),
    *query_cells(
        "6. The provenance of one kind of fact (with a bound variable)",
        "Evidence, rule, confidence and source document of every fact of one relation. The "
        "relation is passed as a binding (`p=KG.partnersWith`), which is safe against injection; "
        "Oxigraph needs a bound variable to appear in the `SELECT` clause.",
        '''
from kg.store.namespaces import KG

q("""
SELECT DISTINCT ?p ?subject ?object ?confidence ?rule ?evidence ?title WHERE {
  ?a a kg:Assertion ; rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o ;
     kg:confidence ?confidence ; kg:rule ?rule ; kg:evidence ?evidence ; prov:wasDerivedFrom ?doc .
  ?s rdfs:label ?subject .
  OPTIONAL { ?o rdfs:label ?object }
  OPTIONAL { ?doc schema:headline ?title }
}
""", p=KG.partnersWith).drop(columns="p")''',
    ),
    *query_cells(
        "7. Facts to review: the least confident",
        "Facts below a confidence threshold (bound as a number), weakest first. A good place to "
        "start checking the extraction.",
        '''
q("""
SELECT DISTINCT ?threshold ?subject (STRAFTER(STR(?p), "#") AS ?relation) ?object ?confidence ?evidence WHERE {
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     kg:confidence ?confidence ; kg:evidence ?evidence .
  ?s rdfs:label ?subject .
  OPTIONAL { ?o rdfs:label ?label }
  BIND(COALESCE(?label, STR(?o)) AS ?object)
  FILTER(?confidence < ?threshold)
} ORDER BY ?confidence ?subject
""", threshold=0.8).drop(columns="threshold")''',
    ),
    *query_cells(
        "8. Money and other amounts",
        "Facts whose object is a value: the number (a float column), unit and the text as written. "
        "The value's kind (`money`, `quantity`, `rank`...) is recorded on the assertion.",
        '''
q("""
SELECT DISTINCT ?subject (STRAFTER(STR(?p), "#") AS ?relation) ?kind ?number ?unit ?text WHERE {
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; kg:valueKind ?kind ; kg:valueText ?text .
  ?s rdfs:label ?subject .
  OPTIONAL { ?a kg:valueNumber ?number }
  OPTIONAL { ?a kg:unit ?unit }
} ORDER BY DESC(?number)
""")''',
    ),
    *query_cells(
        "9. Qualifiers: when and where",
        "Many facts carry qualifiers (date, place, partner...). They hang off the assertion as "
        "`kg:qualifier` nodes with a name and a value.",
        '''
q("""
SELECT DISTINCT ?subject (STRAFTER(STR(?p), "#") AS ?relation) ?object ?qualifier ?value WHERE {
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:qualifier ?q .
  ?q kg:name ?qualifier ; kg:value ?value .
  ?s rdfs:label ?subject .
  OPTIONAL { ?o rdfs:label ?label }
  BIND(COALESCE(?label, STR(?o)) AS ?object)
} ORDER BY ?subject ?relation ?qualifier
""")''',
    ),
    *query_cells(
        "10. Everything about one entity, both directions",
        "A `UNION` of facts where the entity is the subject and facts where it is the object. The "
        "entity is found by its label, bound as `?name`.",
        '''
q("""
SELECT DISTINCT ?name ?direction (STRAFTER(STR(?p), "#") AS ?relation) ?other WHERE {
  ?e rdfs:label ?name .
  { ?e ?p ?o . ?o rdfs:label ?other . BIND("out" AS ?direction) }
  UNION
  { ?s ?p ?e . ?s rdfs:label ?other . BIND("in" AS ?direction) }
  FILTER(STRSTARTS(STR(?p), STR(kg:)) && ?p != kg:mentionedIn)
} ORDER BY ?direction ?relation ?other
""", name="China").drop(columns="name")''',
    ),
    *query_cells(
        "11. Two-hop connections between organisations and countries",
        "Which organisations reach a country through one intermediate entity, and via what. Good "
        "for spotting indirect ties the article never states in one sentence.",
        '''
q("""
SELECT DISTINCT ?organisation (STRAFTER(STR(?p1), "#") AS ?first) ?via (STRAFTER(STR(?p2), "#") AS ?second) ?country WHERE {
  ?org a kg:Organization ; rdfs:label ?organisation .
  ?org ?p1 ?mid . ?mid ?p2 ?c .
  ?c a kg:Country ; rdfs:label ?country .
  ?mid rdfs:label ?via .
  FILTER(?mid != ?org && ?c != ?org)
  FILTER(STRSTARTS(STR(?p1), STR(kg:)) && STRSTARTS(STR(?p2), STR(kg:)))
  FILTER(?p1 != kg:mentionedIn && ?p2 != kg:mentionedIn)
} ORDER BY ?organisation ?country LIMIT 25
""")''',
    ),
    *query_cells(
        "12. Search the evidence sentences",
        "Full-text-style search over the sentences facts were read from (case-insensitive "
        "`CONTAINS`), with the facts each matching sentence supports.",
        '''
q("""
SELECT DISTINCT ?word ?subject (STRAFTER(STR(?p), "#") AS ?relation) ?object ?evidence WHERE {
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence ?evidence .
  ?s rdfs:label ?subject .
  OPTIONAL { ?o rdfs:label ?label }
  BIND(COALESCE(?label, STR(?o)) AS ?object)
  FILTER(CONTAINS(LCASE(?evidence), LCASE(?word)))
}
""", word="battery").drop(columns="word")''',
    ),
    *query_cells(
        "13. How coreference merged names",
        "Every merge the extractor made (alias → canonical entity) and why: demonyms, surnames, "
        "spelling variants. This is the provenance of entity resolution.",
        '''
q("""
SELECT ?alias ?canonical ?type ?reason WHERE {
  ?m a kg:Merge ; kg:alias ?alias ; kg:canonicalLabel ?canonical ; kg:entityType ?type ; kg:reason ?reason .
} ORDER BY ?type ?canonical ?alias
""")''',
    ),
    *query_cells(
        "14. Which rules produced the facts",
        "Extraction rules ranked by how many facts they produced, with their confidence range.",
        '''
q("""
SELECT ?rule (COUNT(?a) AS ?facts) (MIN(?c) AS ?min_confidence) (MAX(?c) AS ?max_confidence) WHERE {
  ?a a kg:Assertion ; kg:rule ?rule ; kg:confidence ?c .
} GROUP BY ?rule ORDER BY DESC(?facts) ?rule
""")''',
    ),
    *query_cells(
        "15. ASK and CONSTRUCT",
        "`ASK` answers yes or no (a one-row `ask` column); `CONSTRUCT` returns triples (columns "
        "subject, predicate, object). Here: is any organisation met by a person, and the "
        "sub-graph of those meetings.",
        '''
display(q("ASK { ?p a kg:Person ; kg:metWith ?o . ?o a kg:Organization }"))
q("""
CONSTRUCT { ?p kg:metWith ?o } WHERE { ?p a kg:Person ; kg:metWith ?o . ?o a kg:Organization }
""").head(10)''',
    ),
    code(CLEANUP),
]


# --- 03 your own articles ----------------------------------------------------------------

ARTICLE_1 = """\
Title: BYD to build electric car plant in western Türkiye
Publisher: kg notebook sample
Author: Notebook Author
Date: 2024-07-09

ISTANBUL, July 9 -- Chinese automaker BYD signed an agreement with Türkiye to build an electric vehicle plant in Manisa.
The investment is worth 1 billion dollars, and the plant will employ 5,000 people.
Turkish Industry and Technology Minister Mehmet Fatih Kacir met BYD chairman Wang Chuanfu in Istanbul.
Kacir said the factory would make Türkiye a production base for electric vehicles.
"""

ARTICLE_2 = """\
Title: Togg and Farasis open battery factory in Gemlik
Publisher: kg notebook sample
Author: Notebook Author
Date: 2024-09-20

BURSA, Sept. 20 -- Turkish carmaker Togg and Chinese battery maker Farasis opened a battery factory in Gemlik.
Togg partners with Farasis in the joint venture Siro.
Togg chief executive Mehmet Gurcan Karakas visited the factory with Turkish officials.
The factory will produce batteries worth 500 million dollars a year.
"""

NB03 = [
    md("""
# 03 · Add your own articles and see what changed

Start from the example store, write two short articles to a folder, add them, and compare:
which documents and facts are new, which entities appeared, which existing entities gained
connections, and the statistics before and after. Replace the texts below with your own — any
plain text works; an optional header block (`Title:`, `Publisher:`, `Author:`, `Date:` lines, then
a blank line) supplies the metadata.

The two sample texts were written for this notebook (loosely paraphrasing public reports); they are
demo input, not a source.
"""),
    code(SETUP),
    code(BUILD_EXAMPLE + '''
from kg.graph import to_networkx

before_stats = store.stats()
before_docs = {d["id"] for d in store.documents()}
before_graph = to_networkx(store)
print(f"before: {before_stats['documents']} document(s), {before_stats['entities_total']} entities, "
      f"{before_stats['triples_total']} facts")'''),
    md("""
## Write two articles

Each article is a `.txt` file in a temporary folder; `build` takes files or folders.
"""),
    code(f'''
articles = {{
    "byd-manisa.txt": {ARTICLE_1!r},
    "togg-farasis.txt": {ARTICLE_2!r},
}}
folder = Path(workdir.name) / "my-articles"
folder.mkdir()
for name, text in articles.items():
    (folder / name).write_text(text, encoding="utf-8")
sorted(p.name for p in folder.iterdir())'''),
    md("""
## Add them to the store

Only the new files are extracted; the example article is already stored. Building the folder a
second time adds nothing, since documents are identified by a hash of their text.
"""),
    code('''
report = build([str(folder)], store)
print("added:", [d.title for d in report.added])
print("failed:", report.failed)
again = build([str(folder)], store)
print("second build - added:", len(again.added), "skipped:", len(again.skipped))'''),
    md("""
## New documents

The documents table now lists the new articles with their fact and entity counts.
"""),
    code('''
documents = pd.DataFrame(store.documents())
documents["new"] = ~documents["id"].isin(before_docs)
documents[["title", "date", "facts", "entities", "new"]]'''),
    md("""
## Statistics before and after
"""),
    code('''
after_stats = store.stats()


def compare(key, label):
    table = pd.DataFrame({"before": pd.Series(before_stats[key], dtype="int64"),
                          "after": pd.Series(after_stats[key], dtype="int64")}).fillna(0).astype("int64")
    table["change"] = table["after"] - table["before"]
    return table.rename_axis(label).sort_values(["change", "after"], ascending=False)


totals = pd.DataFrame(
    {"before": [before_stats[k] for k in ("documents", "entities_total", "triples_total", "quads")],
     "after": [after_stats[k] for k in ("documents", "entities_total", "triples_total", "quads")]},
    index=["documents", "entities", "facts", "quads"])
totals["change"] = totals["after"] - totals["before"]
display(totals, compare("entities", "entity type"), compare("triples", "relation"))'''),
    md("""
## New facts, per document

Every fact extracted from the new articles, with the sentence it comes from.
"""),
    code('''
graph = to_networkx(store)
facts = analytics.facts_df(graph)
new_facts = facts[~facts["doc"].isin(before_docs)]
for title, rows in new_facts.groupby("doc_title", sort=False):
    display(Markdown(f"**{title}**: {len(rows)} fact(s)"))
    display(rows[["subject", "relation", "object", "confidence", "evidence"]].reset_index(drop=True))
if new_facts.empty:
    print("the extractor found no facts in the new articles")'''),
    md("""
## New entities, and old entities with new connections

An entity is new when no earlier document mentioned it. Entities already known that the new
articles mention again link the new facts to the existing graph.
"""),
    code('''
old_nodes = set(before_graph.nodes)
nodes = pd.DataFrame(
    [{"entity": n, "label": d["label"], "type": d["type"], "docs": d["docs"],
      "degree_before": before_graph.degree(n) if n in old_nodes else 0, "degree_after": graph.degree(n)}
     for n, d in graph.nodes(data=True) if not n.startswith("value:")]
)
new_entities = nodes[~nodes["entity"].isin(old_nodes)]
display(Markdown(f"**{len(new_entities)} new entities**"))
display(new_entities[["label", "type", "degree_after"]].sort_values(["type", "label"]).reset_index(drop=True))
grown = nodes[nodes["entity"].isin(old_nodes) & (nodes["degree_after"] > nodes["degree_before"])]
display(Markdown(f"**{len(grown)} known entities gained facts**"))
grown[["label", "type", "docs", "degree_before", "degree_after"]].sort_values("degree_after", ascending=False).reset_index(drop=True)'''),
    md("""
## The updated graph, and what moved in the ranking
"""),
    code('''
from kg.render import notebook_iframe

ranks = analytics.central_entities(graph, k=10)[["label", "type", "pagerank"]]
ranks["rank_before"] = ranks["label"].map(
    {label: rank for rank, label in analytics.central_entities(before_graph, k=10_000)["label"].items()}
).astype("Int64")
display(ranks)
HTML(notebook_iframe(graph, height=650, title="Example plus my articles"))'''),
    md("""
## Undo

Each document is one named graph, so removing an article is one call and leaves the others as they were.
"""),
    code('''
for doc in report.added:
    store.remove_document(doc.id)
print("after removal:", {k: store.stats()[k] for k in ("documents", "entities_total", "triples_total")})
print("same as before:", store.stats() == before_stats)'''),
    code(CLEANUP),
]


NOTEBOOKS = {
    "01_build_and_explore.ipynb": NB01,
    "02_sparql_cookbook.ipynb": NB02,
    "03_your_own_articles.ipynb": NB03,
}


def make(cells: list) -> nbformat.NotebookNode:
    nb = new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index:02d}"  # stable ids keep diffs small
    nbformat.validate(nb)
    return nb


def render(cells: list) -> str:
    return nbformat.writes(make(cells)) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, cells in NOTEBOOKS.items():
        target = HERE / name
        text = render(cells)
        if check:
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            target.write_text(text, encoding="utf-8")
            print("wrote", target)
    if stale:
        print("stale notebooks (run notebooks/make_notebooks.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
