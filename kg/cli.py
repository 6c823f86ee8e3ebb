"""The `kg` command line: thin commands over kg.pipeline, kg.store and kg.eval."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import importlib
import io
import json
import math
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from kg.errors import KGError, QueryError

class _Argument(TyperArgument):
    """An argument named in help as click names it (PATHS..., [ARTICLE]), without a type column."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the help text says what the argument is; "<list[str]>" said nothing

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        return [self.metavar if self.required else f"[{self.metavar}]"]


class _Option(TyperOption):
    """An option shown as --store STORE, and a flag as itself (no "<bool>")."""

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag or self.count:
            return None
        if self.metavar:
            return self.metavar
        shown = self.display_type(ctx).strip("<>")  # "<int>", "<list[str]>", "<str,str>"
        if shown.startswith("list[") and shown.endswith("]"):
            shown = shown[5:-1]  # a repeatable option takes one value at a time
        return " ".join(_TYPE_NAMES.get(name, name.upper()) for name in shown.split(","))


_TYPE_NAMES = {"str": "TEXT", "int": "N", "float": "NUMBER"}


def _tidy(param: Any) -> Any:
    # typer (0.29) has no public hook for how its parameters show in help: the instances
    # typer built are given the subclasses above, which keep all their state.
    if isinstance(param, TyperArgument) and not isinstance(param, _Argument):
        param.__class__ = _Argument
        param.metavar = param.metavar or (param.name or "").upper() + ("..." if param.nargs != 1 else "")
    elif isinstance(param, TyperOption) and not isinstance(param, _Option):
        param.__class__ = _Option
    return param


class _Command(TyperCommand):
    """A kg command whose help shows clean argument and option names."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params = [_tidy(p) for p in self.params]

    def get_help_option(self, ctx: Any) -> Any:
        return _tidy(super().get_help_option(ctx))


class _Group(TyperGroup):
    """The kg command group, with the same clean help as its commands."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params = [_tidy(p) for p in self.params]

    def get_help_option(self, ctx: Any) -> Any:
        return _tidy(super().get_help_option(ctx))


app = typer.Typer(
    cls=_Group,
    help="Build a knowledge graph from news articles and explore it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Data (entity names, evidence, titles, query results) is never read as rich markup,
# emoji codes or highlighted: "[/x]" and ":smile:" print as they are.
out = Console(markup=False, emoji=False, highlight=False)
err = Console(stderr=True, markup=False, emoji=False, highlight=False)

StoreOpt = Annotated[str, typer.Option("--store", metavar="STORE", help="Store folder, 'memory', or sparql+http://host:port")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", metavar="MODEL", help="spaCy pipeline package name")]
FormatOpt = Annotated[str, typer.Option("--format", metavar="FORMAT", help="table, csv, tsv, json or md")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON")]
WaitOpt = Annotated[float, typer.Option("--wait", metavar="SECONDS", help="Seconds to wait for a store another process is writing to")]
DEFAULT_WAIT = 60.0
TABLE_FORMATS = ("table", "csv", "tsv", "json", "md")

# The example question `make demo` answers: whom did a minister meet?
MINISTER_MET = """
SELECT DISTINCT ?minister ?met WHERE {
  { SELECT DISTINCT ?p WHERE {
      GRAPH ?g { ?p kg:holdsPosition ?role . ?role rdfs:label ?roleLabel }
      FILTER(CONTAINS(LCASE(STR(?roleLabel)), "minister")) } }
  GRAPH ?h {
    { ?p kg:metWith ?o } UNION { ?o kg:metWith ?p }
    ?p rdfs:label ?minister . ?o rdfs:label ?met .
  }
} ORDER BY ?met
"""


def _print_version(value: bool) -> None:
    if value:
        out.print(f"kg {_version('kg') or 'unknown'} (kg info for the model, store and libraries)")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="On an error, show the Python traceback too (or set KG_DEBUG=1)")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print kg's version and exit")] = False,
) -> None:
    """Build a knowledge graph from news articles and explore it."""
    # --debug is taken out of the arguments by main() (so it works after a command too);
    # it is declared here so that `kg --help` lists it.


def _open_writer(store: str, wait: float, create: bool = True):  # noqa: ANN202
    """Open the store for writing, waiting up to `wait` seconds (with notes on stderr) while
    another process writes to it."""
    from kg.store import open_store

    if wait < 0:
        raise KGError("--wait must be 0 or more seconds")
    said = [-1.0]

    def waiting(seconds: float) -> None:
        if said[0] < 0:
            _say(f"kg: store {store} is open for writing by another process; waiting up to {wait:g} s (--wait)")
            said[0] = 0.0
        elif seconds - said[0] >= 10:
            _say(f"kg: still waiting for store {store} ({seconds:.0f} s)")
            said[0] = seconds

    return open_store(store, create=create, wait=wait, on_wait=waiting)


def _default_store() -> str:
    from kg.pipeline import DEFAULT_STORE

    return DEFAULT_STORE


@app.command(cls=_Command)
def build(
    paths: Annotated[list[str], typer.Argument(help="Articles: .txt/.md (optional Key: value header), .html, .jsonl (one article per line), folders of them, or - for stdin")],
    store: StoreOpt = ".kg/store",
    html: Annotated[Optional[str], typer.Option("--html", metavar="FILE", help="Also write the HTML graph here")] = None,
    model: ModelOpt = None,
    workers: Annotated[int, typer.Option("--workers", help="Extraction processes (one model each)")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Documents per worker batch")] = 16,
    engine: Annotated[str, typer.Option("--engine", metavar="ENGINE", help="local or dask")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786)")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --html even if it is not an HTML file")] = False,
    example_query: Annotated[bool, typer.Option("--example-query", hidden=True)] = False,
    wait: WaitOpt = DEFAULT_WAIT,
) -> None:
    """Extract facts from articles into the store (one transaction per document; creates the store)."""
    from rich.progress import Progress

    from kg.ingest import expand_paths
    from kg.pipeline import build as run_build
    from kg.pipeline import check_output, render

    if html:
        check_output(html, force)
    if engine not in ("local", "dask"):
        raise KGError(f"unknown engine {engine!r} (local or dask)")
    if workers < 1 or batch_size < 1:
        raise KGError("--workers and --batch-size must be at least 1")
    sources = expand_paths(paths)

    def run(kg_store, progress):  # noqa: ANN001, ANN202
        if engine == "dask":
            from kg.engines.dask_engine import build_dask

            return build_dask(sources, kg_store, scheduler=scheduler, model=model,
                              batch_size=batch_size, progress=progress)
        if workers > 1:
            from kg.parallel import build_parallel

            return build_parallel(sources, kg_store, model=model, workers=workers,
                                  batch_size=batch_size, progress=progress)
        return run_build(sources, kg_store, model, progress=progress)

    with _open_writer(store, wait) as kg_store:
        if len(sources) > 3 and sys.stderr.isatty():
            from rich.progress import MofNCompleteColumn, TimeRemainingColumn

            columns = [*Progress.get_default_columns()[:-1], MofNCompleteColumn(), TimeRemainingColumn()]
            with Progress(*columns, console=err, transient=True) as bar:
                task = bar.add_task("extracting", total=len(sources))
                report = run(kg_store, lambda _: bar.advance(task))
        else:
            report = run(kg_store, None)
        for warning in report.warnings:
            _say(f"kg: warning: {warning}")
        for source, reason in report.failed:
            _say(f"kg: skipped {reason}")
        out.print(
            f"documents: {len(report.added)} added, {len(report.skipped)} already stored, "
            f"{len(report.failed)} failed"
        )
        _print_stats(kg_store.stats())
        if html:
            path = render(kg_store, html, force=force)
            out.print(f"HTML graph: {clean(str(path))}")
        if example_query:
            rows = _rows(kg_store.query(MINISTER_MET))
            out.print("Example query — whom did the minister meet?")
            _print_table(rows)
    if report.failed:
        raise typer.Exit(1)


@app.command(cls=_Command)
def extract(
    file: Annotated[str, typer.Argument(help="A text file, or - for stdin")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of triples")] = False,
    model: ModelOpt = None,
) -> None:
    """Print one document's triples without storing anything."""
    from kg.pipeline import extract_file

    doc = extract_file(file, model)
    if as_json:
        _print_json([t.to_dict() for t in doc.triples])
        return
    rows = [{"subject": t.subject.label, "relation": t.predicate, "object": t.object.label,
             "conf": round(t.confidence, 2), "rule": t.rule} for t in doc.triples]
    _emit(rows, ["subject", "relation", "object", "conf", "rule"], "table")
    out.print(f"{len(doc.triples)} triples, {len(doc.entities)} entities")


@app.command(cls=_Command, name="eval")
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold file (seed_gold.json format), or a folder of gold files and articles")],
    article: Annotated[Optional[str], typer.Argument(help="The article the gold describes (not with a folder)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
    show_misses: Annotated[bool, typer.Option("--show-misses", help="List missed facts and unmatched predictions")] = False,
    only: Annotated[Optional[list[str]], typer.Option("--only", metavar="GLOB", help="Folder: score only articles whose name matches this glob (repeatable)")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", metavar="GLOB", help="Folder: skip articles whose name matches this glob (repeatable)")] = None,
    model: ModelOpt = None,
) -> None:
    """Score kg's extraction of ARTICLE against GOLD, or of every article of a GOLD folder.

    A folder holds NAME.gold.json beside NAME.txt (or NAME_gold.json with its article beside
    it or under articles/); it prints a per-article table, the micro-average and a
    per-relation table with the reason for each miss.
    """
    from kg.eval import evaluate as run_eval
    from kg.eval import format_report, load_gold
    from kg.extract import Extractor
    from kg.ingest import parse_document, read_text
    from kg.pipeline import extract_file

    if Path(gold).is_dir():
        from kg.eval.corpus import evaluate_corpus, find_gold_articles, format_corpus

        if article is not None:
            raise KGError("give a gold folder alone, or a gold file and its article")
        articles = find_gold_articles(gold, only or (), exclude or ())
        extractor = Extractor(model)

        def predictions(a) -> list[dict]:  # noqa: ANN001
            doc = extractor.extract(parse_document(read_text(str(a.article_path)), str(a.article_path)))
            return [t.to_dict() for t in doc.triples]

        corpus = evaluate_corpus(articles, predictions, folder=gold)
        if as_json:
            _print_json(corpus.to_dict(details=show_misses))
            return
        print(clean(format_corpus(corpus)))
        if show_misses:
            for name, report in corpus.articles:
                print(clean(f"\n=== {name}\n{format_report(report, show_misses=True)}"))
        return
    if article is None:
        raise KGError(f"{gold} is a gold file: give the article it describes too")
    gold_data = load_gold(gold)
    doc = extract_file(article, model)
    report = run_eval(gold_data, [t.to_dict() for t in doc.triples])
    if as_json:
        _print_json(report.to_dict())
    else:
        print(clean(format_report(report, show_misses=show_misses)))


@app.command(cls=_Command)
def entities(
    store: StoreOpt = ".kg/store",
    merges: Annotated[bool, typer.Option("--merges", help="Show merge decisions and their reasons")] = False,
) -> None:
    """List entities with their types and aliases, or the merges that built them."""
    from kg.store import open_store

    if merges:
        text = """SELECT DISTINCT ?alias ?canonical ?type ?reason WHERE {
          ?m a kg:Merge ; kg:alias ?alias ; kg:canonicalLabel ?canonical ;
             kg:entityType ?type ; kg:reason ?reason } ORDER BY ?canonical ?alias"""
    else:
        text = """SELECT ?label ?type (GROUP_CONCAT(DISTINCT ?alias; separator=" | ") AS ?aliases)
          WHERE { ?e rdfs:label ?label ; a ?cls . FILTER(STRSTARTS(STR(?cls), STR(kg:)))
                  BIND(STRAFTER(STR(?cls), STR(kg:)) AS ?type) OPTIONAL { ?e skos:altLabel ?alias } }
          GROUP BY ?label ?type ORDER BY ?type ?label"""
    with open_store(store, read_only=True) as kg_store:
        result = kg_store.query(text)
        _emit(_rows(result), [str(v) for v in result.vars], "table",
              empty="no merges recorded" if merges else "no entities: the store has no documents yet (kg build adds some)")


@app.command(cls=_Command)
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or a file holding one")],
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
    bind: Annotated[Optional[list[str]], typer.Option("--bind", metavar="NAME=VALUE", help="name=value, bound as a literal")] = None,
) -> None:
    """Run a read-only SPARQL query; common prefixes are predeclared."""
    from rdflib import Literal

    from kg.store import open_store

    from kg.store.store import _UPDATE_KEYWORDS, _operation

    text = _query_text(sparql)
    if _operation(text) in _UPDATE_KEYWORDS:
        raise QueryError("kg query is read-only; run a SPARQL Update with: kg update \"INSERT ...\"")
    bindings = {}
    for item in bind or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise QueryError(f"--bind expects name=value, got {item!r}")
        bindings[name.lstrip("?")] = Literal(value)
    _check_format(fmt)
    with open_store(store, read_only=True) as kg_store:
        result = kg_store.query(text, bindings or None)
        if result.type == "ASK":
            print("true" if result.askAnswer else "false")
            return
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            from kg.store import PREFIXES

            for prefix, namespace in PREFIXES.items():
                result.graph.bind(prefix, namespace)
            data = result.serialize(format="turtle")
            print(clean(data.decode() if isinstance(data, bytes) else data))
            return
        _emit(_rows(result), [str(v) for v in result.vars], fmt, empty="(no rows)")


@app.command(cls=_Command)
def render(
    store: StoreOpt = ".kg/store",
    html: Annotated[str, typer.Option("--html", metavar="FILE", help="Output HTML file")] = "out/graph.html",
    focus: Annotated[Optional[str], typer.Option("--focus", metavar="LABEL", help="Entity label to centre on")] = None,
    depth: Annotated[int, typer.Option("--depth", help="Hops around --focus")] = 1,
    max_nodes: Annotated[Optional[int], typer.Option("--max-nodes", help="Keep the K most important entities")] = None,
    sparql: Annotated[Optional[str], typer.Option("--query", metavar="SPARQL", help="Render what a SELECT/CONSTRUCT query returns (text or file)")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --html even if it is not an HTML file")] = False,
    connect: Annotated[Optional[tuple[str, str]], typer.Option("--path", metavar="A B", help="Show how two entities are connected")] = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="DATE", help="Only facts dated on or after YYYY[-MM[-DD]]")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="DATE", help="Only facts dated on or before YYYY[-MM[-DD]]")] = None,
) -> None:
    """Write the store's graph as one self-contained HTML file."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        from kg.pipeline import render as run_render

        path = run_render(kg_store, html, focus=focus, depth=depth, force=force, max_nodes=max_nodes,
                          query=_query_text(sparql) if sparql else None, path=connect, since=since,
                          until=until)
    out.print(f"HTML graph: {clean(str(path))}")


@app.command(cls=_Command)
def docs(
    store: StoreOpt = ".kg/store",
    as_json: JsonOpt = False,
) -> None:
    """List stored documents with their metadata and fact counts."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        rows = kg_store.documents()
    if as_json:
        _print_json(rows)
        return
    names = ["id", "title", "date", "publisher", "facts", "source"]
    shown = [{"id": r["id"][:12], "title": cut(r.get("title") or "", 60), "date": r.get("date"),
              "publisher": cut(r.get("publisher") or "", 30), "facts": r.get("facts"),
              "source": cut(r.get("source") or "", 40, keep_end=True)} for r in rows]
    _emit(shown, names, "table", empty="no documents: the store is empty (kg build adds some)")


@app.command(cls=_Command)
def remove(
    doc: Annotated[str, typer.Argument(help="Document id (content hash; a unique prefix will do)")],
    store: StoreOpt = ".kg/store",
    wait: WaitOpt = DEFAULT_WAIT,
) -> None:
    """Delete exactly one document's facts from the store."""
    from kg.errors import StoreError

    with _open_writer(store, wait, create=False) as kg_store:
        matches = [d for d in kg_store.document_ids() if d.startswith(doc)]
        if len(matches) != 1:
            raise StoreError(f"{doc!r} matches {len(matches)} documents; give more of the id")
        kg_store.remove_document(matches[0])
    out.print(f"removed document {matches[0]}")


@app.command(cls=_Command)
def update(
    sparql: Annotated[str, typer.Argument(help="A SPARQL Update, or a file holding one")],
    store: StoreOpt = ".kg/store",
    wait: WaitOpt = DEFAULT_WAIT,
) -> None:
    """Run a SPARQL Update on the store (the only command that writes with SPARQL)."""

    text = _query_text(sparql)
    with _open_writer(store, wait, create=False) as kg_store:
        kg_store.update(text)
    out.print("update applied")


def _query_text(arg: str) -> str:
    """The query itself, or the text of the file it names."""
    try:
        is_file = "\n" not in arg and len(arg) < 4096 and Path(arg).is_file()
    except OSError:  # a long one-line query is no file name ("File name too long")
        is_file = False
    return Path(arg).read_text(encoding="utf-8") if is_file else arg


def _print_df(df, fmt: str = "table", empty: str | None = None) -> None:  # noqa: ANN001
    rows = [{str(k): _value(v) for k, v in rec.items()} for rec in df.to_dict("records")]
    _emit(rows, [str(c) for c in df.columns], fmt, empty=empty)


@app.command(cls=_Command)
def path(
    a: Annotated[str, typer.Argument(help="First entity (label or alias)")],
    b: Annotated[str, typer.Argument(help="Second entity (label or alias)")],
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
) -> None:
    """How two entities are connected, each hop with its evidence."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:  # a missing store fails before the imports
        from kg.analytics import path as find_path

        df = find_path(kg_store, a, b)
    _print_df(df[["hop", "subject", "relation", "object", "evidence"]], fmt,
              empty=f"{clean(a)} and {clean(b)} are the same entity: no path to show")


@app.command(cls=_Command)
def central(
    store: StoreOpt = ".kg/store",
    k: Annotated[int, typer.Option("-k", help="How many entities")] = 10,
    fmt: FormatOpt = "table",
) -> None:
    """The most central entities (PageRank) with their degree."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        from kg.analytics import central_entities

        df = central_entities(kg_store, k=k)
    _print_df(df[["label", "type", "docs", "degree", "pagerank"]], fmt,
              empty="no entities: the store has no documents yet (kg build adds some)")


@app.command(cls=_Command)
def neighbours(
    label: Annotated[str, typer.Argument(help="Entity label or alias")],
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
) -> None:
    """An entity's facts in both directions, with evidence."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        from kg.analytics import neighbours as find_neighbours

        df = find_neighbours(kg_store, label)
    _print_df(df[["relation", "direction", "label", "type", "confidence", "evidence"]], fmt)


@app.command(cls=_Command)
def communities(
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
) -> None:
    """Groups of densely connected entities."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        from kg.analytics import communities as find_communities

        df = find_communities(kg_store)
    _print_df(df[["community", "label", "type", "degree"]], fmt,
              empty="no entities: the store has no documents yet (kg build adds some)")


@app.command(cls=_Command)
def validate(
    store: StoreOpt = ".kg/store",
    shapes: Annotated[Optional[str], typer.Option("--shapes", metavar="FILE", help="SHACL shapes file (default: kg's own)")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check the store against kg's SHACL shapes; exit 1 on violations."""
    from kg.store import open_store
    from kg.validate import validate as run_validate

    with open_store(store, read_only=True) as kg_store:
        report = run_validate(kg_store, shapes)
    if as_json:
        _print_json({"conforms": report.conforms, "violations": report.violations})
    else:
        print(clean(str(report)))
    if not report.conforms:
        raise typer.Exit(1)


# file suffix -> export format (kg export takes the format from the output's name)
EXPORT_SUFFIXES = {".ttl": "ttl", ".turtle": "ttl", ".nt": "nt", ".nq": "nq", ".trig": "trig",
                   ".jsonld": "jsonld", ".graphml": "graphml", ".gexf": "gexf"}


def _export_format(out_path: str, fmt: str | None) -> str:
    if fmt:
        return fmt.lower().lstrip(".")
    if out_path == "-":
        return "nq"
    suffix = Path(out_path).suffix.lower()
    if suffix in EXPORT_SUFFIXES:
        return EXPORT_SUFFIXES[suffix]
    if suffix == ".csv":
        raise KGError(f"csv export writes two files (nodes.csv and edges.csv) into a folder: "
                      f"give a folder, e.g. kg export {Path(out_path).with_suffix('')} --format csv")
    raise KGError(f"cannot tell the export format from the name {out_path!r}: end it in "
                  f"{', '.join(sorted(set(EXPORT_SUFFIXES) - {'.turtle'}))}, or give --format "
                  "(--format csv writes a folder)")


@app.command(cls=_Command, name="export")
def export_cmd(
    out_path: Annotated[str, typer.Argument(metavar="OUT", help="Output file, named for its format (.ttl, .nt, .nq, .trig, .jsonld, .graphml, .gexf); a folder for csv; - for standard output")],
    fmt: Annotated[Optional[str], typer.Option("--format", help="ttl, nt, nq, trig, jsonld, graphml, gexf or csv (default: from OUT's extension; nq for -)")] = None,
    store: StoreOpt = ".kg/store",
) -> None:
    """Export the store as RDF, as a graph file, or as nodes/edges CSV (format from OUT's extension)."""
    from kg.interop import EXPORT_FORMATS, export
    from kg.store import open_store

    name = _export_format(out_path, fmt)
    if name not in EXPORT_FORMATS:
        raise KGError(f"unknown export format {name!r}; use one of {', '.join(EXPORT_FORMATS)}")
    with open_store(store, read_only=True) as kg_store:
        written = export(kg_store, name, out_path)
    if out_path == "-":
        return
    if name == "csv":
        out.print(clean(f"wrote {written / 'nodes.csv'} and {written / 'edges.csv'}"))
    else:
        out.print(clean(f"wrote {written} ({name})"))


@app.command(cls=_Command, name="import")
def import_cmd(
    file: Annotated[str, typer.Argument(help="RDF file: .ttl, .nt, .nq, .trig or .jsonld")],
    graph: Annotated[Optional[str], typer.Option("--graph", metavar="IRI", help="Named graph for triples outside any graph")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="Override the format guessed from the suffix")] = None,
    store: StoreOpt = ".kg/store",
    wait: WaitOpt = DEFAULT_WAIT,
) -> None:
    """Merge external RDF into the store in one transaction."""
    from kg.interop import import_rdf

    with _open_writer(store, wait) as kg_store:
        added = import_rdf(kg_store, file, graph_iri=graph, fmt=fmt)
    out.print(f"{added} quads added")


@app.command(cls=_Command)
def serve(
    store: StoreOpt = ".kg/store",
    host: Annotated[str, typer.Option("--host", metavar="HOST", help="Address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="Port")] = 7878,
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates too")] = False,
) -> None:
    """Serve the store over the SPARQL 1.1 protocol with Oxigraph (read-only by default)."""
    from kg.serve import serve as run_serve

    raise typer.Exit(run_serve(store, host, port, read_only=not writable))


@app.command(cls=_Command)
def support(
    store: StoreOpt = ".kg/store",
    min_docs: Annotated[int, typer.Option("--min", help="Minimum number of supporting documents")] = 2,
    fmt: FormatOpt = "table",
) -> None:
    """Facts stated by at least --min documents, most supported first."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        rows = kg_store.support(min_documents=min_docs)
        n_docs = len(kg_store.document_ids()) if not rows else None
    names = ["s_label", "p", "o_label", "documents"]
    rows = [{**r, "o_label": _object_label(r)} for r in rows]
    if rows:
        empty = None
    elif n_docs == 0:
        empty = "no facts: the store has no documents yet (kg build adds some)"
    else:
        empty = (f"no fact is stated by {min_docs} or more documents (the store holds {n_docs}); "
                 "try a lower --min, e.g. --min 1")
    _emit([{n: r.get(n) for n in names} for r in rows], names, fmt, empty=empty)


def _object_label(fact: dict[str, Any]) -> str | None:
    """An amount as the rest of kg shows it ("2.4 billion USD"), via model.Value.label."""
    from kg.model import Value

    kind = fact.get("o_kind")
    if kind not in ("money", "quantity", "percent"):
        return fact.get("o_label")
    try:
        number = float(fact["o"])
    except (TypeError, ValueError):
        return fact.get("o_label")
    return Value(str(fact["o"]), kind, number, fact.get("o_unit")).label


def _version(distribution: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _model_distribution(module: str) -> str | None:
    from importlib import metadata

    names = metadata.packages_distributions().get(module) or []
    return names[0] if names else None


@app.command(cls=_Command)
def info(
    store: StoreOpt = ".kg/store",
    as_json: JsonOpt = False,
) -> None:
    """What is installed and in use: kg, Python, spaCy and the model, the store, the server."""
    import platform

    from kg.extract.loader import available_models, default_model
    from kg.serve import find_oxigraph

    models = available_models()
    try:
        model: str | None = default_model()
    except KGError:
        model = None
    dist = _model_distribution(model) if model else None
    try:
        server: str | None = find_oxigraph()
    except KGError:
        server = None
    documents: int | str | None = None
    exists: bool | None = None
    if store.startswith(("sparql+http://", "sparql+https://")) or store in ("memory", ":memory:"):
        backend = "remote SPARQL endpoint" if store.startswith("sparql") else "memory"
    else:
        backend = "Oxigraph on disk (RocksDB)"
        exists = (Path(store) / "CURRENT").is_file()
        if exists:
            from kg.store import open_store

            try:
                with open_store(store, read_only=True) as kg_store:
                    documents = len(kg_store.document_ids())
            except KGError as exc:
                documents = f"cannot read: {exc}"
    data = {
        "kg": _version("kg"),
        "python": platform.python_version(),
        "spacy": _version("spacy"),
        "model": model,
        "model_package": dist,
        "model_version": _version(dist) if dist else None,
        "models_installed": models,
        "store": store,
        "store_backend": backend,
        "store_exists": exists,
        "documents": documents,
        "pyoxigraph": _version("pyoxigraph"),
        "rdflib": _version("rdflib"),
        "oxigraph_server": server,
    }
    if as_json:
        _print_json(data)
        return
    small = model is not None and "_sm" in model
    lines = [
        f"kg {data['kg']} on Python {data['python']}",
        f"spaCy {data['spacy']}, model {model or 'none installed'}"
        + (f" ({dist} {data['model_version']})" if dist else "")
        + (" — the small model: expect fewer facts (see README, The spaCy model)" if small else ""),
        f"models installed: {', '.join(models) or 'none'}",
        f"store: {store} ({backend}; "
        + (f"{documents} document{'' if documents == 1 else 's'})" if isinstance(documents, int)
           else f"{documents})" if documents else "not created yet)" if exists is False else "not opened)"),
        f"pyoxigraph {data['pyoxigraph']}, rdflib {data['rdflib']}, oxigraph server: {server or 'not installed'}",
    ]
    for line in lines:
        out.print(clean(line))


@app.command(cls=_Command)
def stats(
    store: StoreOpt = ".kg/store",
    as_json: JsonOpt = False,
) -> None:
    """Documents, entities by type and triples by relation in the store."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        data = kg_store.stats()
    if as_json:
        _print_json(data)
    else:
        _print_stats(data)


def _print_stats(data: dict) -> None:
    out.print(f"documents in store: {data.get('documents', 0)}")
    for title, key in (("entities by type", "entities"), ("triples by relation", "triples")):
        counts = data.get(key) or {}
        if isinstance(counts, dict) and counts:
            table = Table(title=title)
            table.add_column("name")
            table.add_column("count", justify="right")
            for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                table.add_row(Text(clean(str(name))), Text(str(n)))
            out.print(table)


# --- help examples ------------------------------------------------------------------------

# One or two examples at the end of every command's --help (a test checks each has some).
EXAMPLES = {
    "build": ["kg build examples/articles --html out/graph.html", "kg build news.jsonl page.html notes.md --workers 2",
              "cat article.txt | kg build -"],
    "extract": ["kg extract article.txt", "kg extract article.txt --json"],
    "eval": ["kg eval tests/gold/seed_gold.json examples/articles/xinhua-2024-01-05-turkiye-china-ev.txt",
             "kg eval tests/gold/dev/ --json"],
    "entities": ["kg entities", "kg entities --merges"],
    "query": ["kg query 'SELECT ?s ?o WHERE { ?s kg:partnersWith ?o }' --format csv",
              "kg query examples/queries/FILE.rq --bind label=Togg"],
    "render": ["kg render --html out/graph.html", "kg render --focus Togg --depth 1 --html out/togg.html"],
    "docs": ["kg docs", "kg docs --json"],
    "remove": ["kg remove 3f2a9c (an id from kg docs; a unique prefix will do)"],
    "update": ["kg update 'INSERT DATA { GRAPH <urn:notes> { <urn:a> rdfs:label \"A\" } }'"],
    "path": ["kg path Togg Farasis", "kg path Togg Farasis --format json"],
    "central": ["kg central -k 5"],
    "neighbours": ["kg neighbours Togg"],
    "communities": ["kg communities --format csv"],
    "validate": ["kg validate", "kg validate --json"],
    "export": ["kg export out/kg.ttl", "kg export out/csv --format csv", "kg export - --format nt | head"],
    "import": ["kg import data.nq", "kg import facts.ttl --graph urn:my-facts"],
    "serve": ["kg serve --port 7878", "kg serve --writable (then kg build --store sparql+http://127.0.0.1:7878)"],
    "support": ["kg support", "kg support --min 1 --format json"],
    "stats": ["kg stats", "kg stats --json"],
    "info": ["kg info", "kg info --store corpus-store --json"],
}


def _add_examples() -> None:
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__ if info.callback else "")
        lines = EXAMPLES.get(name)
        if lines and not info.epilog:
            # rich markup is on in typer's help: escape brackets; two spaces end a line
            text = "\n\n".join("  " + line.replace("[", "\\[") for line in lines)
            info.epilog = "Examples:\n\n" + text


# --- output -------------------------------------------------------------------------------

# C0/C1 control characters (but tab and newline) and the Unicode bidi/format controls
# that reorder or hide text: an article or a file name can carry them, and printed as they
# are they would move the cursor, recolour or retitle the terminal, or disguise text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean(text: str) -> str:
    """Text safe for a terminal: control characters shown as escapes (\\x1b, \\u202e)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def json_text(data: Any) -> str:
    """JSON with non-ASCII text kept readable, but control characters and bidi overrides
    written as \\u escapes (json leaves C1 and format characters raw): the same data, and
    nothing a terminal would obey."""
    text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _print_json(data: Any) -> None:
    print(json_text(data))


def cut(text: str, width: int, keep_end: bool = False) -> str:
    """Text shortened to width characters with an ellipsis where it was cut."""
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1):] if keep_end else text[: width - 1] + "…"


def _value(term: Any) -> Any:
    """An RDF term (or a pandas/numpy cell) as a JSON value: numbers stay numbers,
    dates become ISO strings, everything else its text; unbound is None."""
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        if term.datatype is not None and not term.ill_typed:
            try:
                term = term.toPython()
            except Exception:  # noqa: BLE001 - an unusual literal prints as its text
                return str(term)
            if isinstance(term, Literal):
                return str(term)
        else:
            return str(term)
    if hasattr(term, "item") and not isinstance(term, (str, bytes)):  # numpy scalar
        try:
            term = term.item()
        except (TypeError, ValueError):
            pass
    if isinstance(term, bool):
        return term
    if isinstance(term, decimal.Decimal):
        return int(term) if term == term.to_integral_value() and abs(term) < 2**53 else float(term)
    if isinstance(term, float):
        return None if math.isnan(term) else term
    if isinstance(term, int):
        return term
    if isinstance(term, (dt.datetime, dt.date, dt.time)):
        return term.isoformat()
    if isinstance(term, (list, tuple, set)):
        return [_value(v) for v in term]
    return str(term)


def _number(value: float) -> str:
    """A float for a table: three significant digits below 1, else two decimals at most."""
    if value == 0 or not math.isfinite(value):
        return str(value)
    if abs(value) < 1:
        return f"{value:.3g}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _text(value: Any, for_table: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and for_table:
        return _number(value)
    if isinstance(value, list):
        return " | ".join(_text(v, for_table) for v in value)
    return clean(str(value))


def _rows(result) -> list[dict[str, Any]]:  # noqa: ANN001
    names = [str(v) for v in result.vars]
    return [{n: _value(row[n]) for n in names} for row in result]


def _print_table(rows: list[dict[str, Any]]) -> None:
    if not rows:
        out.print("(no rows)")
        return
    _emit(rows, list(rows[0]), "table")


def _check_format(fmt: str) -> None:
    if fmt not in TABLE_FORMATS:
        raise KGError(f"unknown format {clean(repr(fmt))} ({', '.join(TABLE_FORMATS)})")


def _emit(rows: list[dict[str, Any]], names: list[str], fmt: str, empty: str | None = None) -> None:
    """Print rows as a table (text, rounded numbers), csv/tsv/md (text) or json (typed values).

    empty: printed on stderr when there is no row, to say why (table format only)."""
    _check_format(fmt)
    if fmt == "json":
        _print_json([{n: _value(r.get(n)) for n in names} for r in rows])
    elif fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=names, delimiter="," if fmt == "csv" else "\t")
        writer.writeheader()
        writer.writerows({n: _text(r.get(n), False) for n in names} for r in rows)
        print(buf.getvalue(), end="")
    elif fmt == "md":
        print("| " + " | ".join(names) + " |")
        print("|" + "---|" * len(names))
        for r in rows:
            cells = (_text(r.get(n), True).replace("|", "\\|").replace("\n", " ") for n in names)
            print("| " + " | ".join(cells) + " |")
    else:
        table = Table(*names)
        for r in rows:
            table.add_row(*(Text(_text(r.get(n), True)) for n in names))
        out.print(table)
    if not rows and empty and fmt == "table":
        err.print(empty)


# --- errors -------------------------------------------------------------------------------


def _exception_classes() -> tuple[tuple[type, ...], tuple[type, ...], tuple[type, ...], tuple[type, ...]]:
    """(usage errors, other click errors, exits, aborts) of the click typer runs on.

    typer >= 0.22 vendors click as typer._click, whose exceptions are not click's own;
    older typer raises click's. Both are caught, so an installed click of any version
    cannot let a usage error escape as a traceback."""
    usage: list[type] = []
    other: list[type] = []
    exits: list[type] = [typer.Exit]
    aborts: list[type] = [typer.Abort]
    for name in ("typer._click.exceptions", "click.exceptions"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        usage.append(module.UsageError)
        other.append(module.ClickException)
        for cls, bucket in ((getattr(module, "Exit", None), exits), (getattr(module, "Abort", None), aborts)):
            if cls is not None:
                bucket.append(cls)
    return tuple(usage), tuple(other), tuple(exits), tuple(aborts)


def _debug_requested(args: list[str]) -> tuple[bool, list[str]]:
    """Whether --debug (anywhere before a lone --) or KG_DEBUG asks for tracebacks; the args without it."""
    end = args.index("--") if "--" in args else len(args)
    debug = "--debug" in args[:end]
    if debug:
        args = [a for a in args[:end] if a != "--debug"] + args[end:]
    env = os.environ.get("KG_DEBUG", "").strip().casefold()
    return debug or env not in ("", "0", "false", "no", "off"), args


def _say(message: str) -> None:
    print(clean(message), file=sys.stderr, flush=True)


def _context_for(args: list[str]) -> Any:
    """A context for the command named in args (some parser errors carry none)."""
    command = typer.main.get_command(app)
    root = command.context_class(command, info_name="kg")
    for arg in args:
        sub = getattr(command, "commands", {}).get(arg)
        if sub is not None:
            return sub.context_class(sub, info_name=arg, parent=root)
        if not arg.startswith("-"):
            break
    return root


def _usage_error(exc: Any, args: list[str]) -> int:
    ctx = getattr(exc, "ctx", None)
    if ctx is None:
        try:
            ctx = _context_for(args)
        except Exception:  # noqa: BLE001 - the message alone is still right
            ctx = None
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        # `kg` or a group with nothing after it: the help is the message.
        text = ctx.get_help()  # typer's rich help prints itself and returns ""
        if text:
            print(text, file=sys.stderr)
        return 2
    if ctx is not None:
        _say(ctx.get_usage())
        _say(f"Try '{ctx.command_path} --help' for help.")
    _say(f"kg: error: {exc.format_message()}")
    return 2


_add_examples()


def main(argv: list[str] | None = None) -> None:
    """Entry point: usage errors print the usage and one message (exit 2), kg errors one
    line (exit 1); --debug or KG_DEBUG=1 adds the traceback."""
    debug, args = _debug_requested(list(sys.argv[1:] if argv is None else argv))
    usage_errors, click_errors, exits, aborts = _exception_classes()
    command = typer.main.get_command(app)
    code = 0
    try:
        rc = command.main(args=args, prog_name="kg", standalone_mode=False)
        if isinstance(rc, int):
            code = rc
    except KGError as exc:
        if debug:
            traceback.print_exc()
        _say(f"kg: error: {exc}")
        code = 1
    except usage_errors as exc:
        code = _usage_error(exc, args)
    except click_errors as exc:
        _say(f"kg: error: {exc.format_message()}")
        code = int(getattr(exc, "exit_code", 1) or 1)
    except exits as exc:
        code = int(getattr(exc, "exit_code", 0) or 0)
    except aborts:
        _say("kg: aborted")
        code = 1
    except KeyboardInterrupt:
        _say("kg: interrupted")
        code = 130
    except BrokenPipeError:
        # The reader went away (kg query ... | head): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except Exception as exc:  # noqa: BLE001 - a bug in kg: one line unless --debug
        if debug:
            traceback.print_exc()
            _say(f"kg: internal error: {type(exc).__name__}: {exc}")
        else:
            first = (str(exc).strip().splitlines() or [""])[0]
            _say(f"kg: internal error: {type(exc).__name__}: {first} (run again with --debug for the traceback)")
        code = 1
    if code:
        sys.exit(code)
