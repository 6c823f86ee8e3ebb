"""The `kg` command line: thin commands over kg.pipeline, kg.store and kg.eval."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import click
import typer
from rich.console import Console
from rich.table import Table

from kg.errors import KGError, QueryError

app = typer.Typer(
    help="Build a knowledge graph from news articles and explore it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

StoreOpt = Annotated[str, typer.Option("--store", help="Store folder, 'memory', or sparql+http://host:port")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline package name")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, csv, tsv, json or md")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON")]
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


def _default_store() -> str:
    from kg.pipeline import DEFAULT_STORE

    return DEFAULT_STORE


@app.command()
def build(
    paths: Annotated[list[str], typer.Argument(help="Text files, folders of .txt files, or - for stdin")],
    store: StoreOpt = ".kg/store",
    html: Annotated[Optional[str], typer.Option("--html", help="Also write the HTML graph here")] = None,
    model: ModelOpt = None,
    workers: Annotated[int, typer.Option("--workers", help="Extraction processes (one model each)")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Documents per worker batch")] = 16,
    engine: Annotated[str, typer.Option("--engine", help="local or dask")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786)")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --html even if it is not an HTML file")] = False,
    example_query: Annotated[bool, typer.Option("--example-query", hidden=True)] = False,
) -> None:
    """Extract facts from articles into the store (one transaction per document)."""
    from rich.progress import Progress

    from kg.ingest import expand_paths
    from kg.pipeline import build as run_build
    from kg.pipeline import check_output, render
    from kg.store import open_store

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

    with open_store(store) as kg_store:
        if len(sources) > 3 and sys.stderr.isatty():
            from rich.progress import MofNCompleteColumn, TimeRemainingColumn

            columns = [*Progress.get_default_columns()[:-1], MofNCompleteColumn(), TimeRemainingColumn()]
            with Progress(*columns, console=err, transient=True) as bar:
                task = bar.add_task("extracting", total=len(sources))
                report = run(kg_store, lambda _: bar.advance(task))
        else:
            report = run(kg_store, None)
        for warning in report.warnings:
            print(f"kg: warning: {warning}", file=sys.stderr)
        for source, reason in report.failed:
            print(f"kg: skipped {reason}", file=sys.stderr)
        out.print(
            f"documents: {len(report.added)} added, {len(report.skipped)} already stored, "
            f"{len(report.failed)} failed",
            highlight=False,
        )
        _print_stats(kg_store.stats())
        if html:
            path = render(kg_store, html, force=force)
            out.print(f"HTML graph: {path}", highlight=False)
        if example_query:
            rows = _rows(kg_store.query(MINISTER_MET))
            out.print("Example query — whom did the minister meet?")
            _print_table(rows)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="A text file, or - for stdin")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of triples")] = False,
    model: ModelOpt = None,
) -> None:
    """Print one document's triples without storing anything."""
    from kg.pipeline import extract_file

    doc = extract_file(file, model)
    if as_json:
        print(json.dumps([t.to_dict() for t in doc.triples], ensure_ascii=False, indent=1))
        return
    table = Table("subject", "relation", "object", "conf", "rule")
    for t in doc.triples:
        table.add_row(t.subject.label, t.predicate, t.object.label, f"{t.confidence:.2f}", t.rule)
    out.print(table)
    out.print(f"{len(doc.triples)} triples, {len(doc.entities)} entities", highlight=False)


@app.command(name="eval")
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold file (seed_gold.json format), or a folder of gold files and articles")],
    article: Annotated[Optional[str], typer.Argument(help="The article the gold describes (not with a folder)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
    show_misses: Annotated[bool, typer.Option("--show-misses", help="List missed facts and unmatched predictions")] = False,
    only: Annotated[Optional[list[str]], typer.Option("--only", help="Folder: score only articles whose name matches this glob (repeatable)")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", help="Folder: skip articles whose name matches this glob (repeatable)")] = None,
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
            print(json.dumps(corpus.to_dict(details=show_misses), ensure_ascii=False, indent=1))
            return
        print(format_corpus(corpus))
        if show_misses:
            for name, report in corpus.articles:
                print(f"\n=== {name}\n{format_report(report, show_misses=True)}")
        return
    if article is None:
        raise KGError(f"{gold} is a gold file: give the article it describes too")
    gold_data = load_gold(gold)
    doc = extract_file(article, model)
    report = run_eval(gold_data, [t.to_dict() for t in doc.triples])
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(format_report(report, show_misses=show_misses))


@app.command()
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
        _emit(_rows(result), [str(v) for v in result.vars], "table")


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or a file holding one")],
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
    bind: Annotated[Optional[list[str]], typer.Option("--bind", help="name=value, bound as a literal")] = None,
) -> None:
    """Run a read-only SPARQL query; common prefixes are predeclared."""
    from rdflib import Literal

    from kg.store import open_store

    text = _query_text(sparql)
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
            print(data.decode() if isinstance(data, bytes) else data)
            return
        _emit(_rows(result), [str(v) for v in result.vars], fmt)


@app.command()
def render(
    store: StoreOpt = ".kg/store",
    html: Annotated[str, typer.Option("--html", help="Output HTML file")] = "out/graph.html",
    focus: Annotated[Optional[str], typer.Option("--focus", help="Entity label to centre on")] = None,
    depth: Annotated[int, typer.Option("--depth", help="Hops around --focus")] = 1,
    max_nodes: Annotated[Optional[int], typer.Option("--max-nodes", help="Keep the K most important entities")] = None,
    sparql: Annotated[Optional[str], typer.Option("--query", help="Render what a SELECT/CONSTRUCT query returns (text or file)")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --html even if it is not an HTML file")] = False,
) -> None:
    """Write the store's graph as one self-contained HTML file."""
    from kg.pipeline import render as run_render
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        path = run_render(kg_store, html, focus=focus, depth=depth, force=force, max_nodes=max_nodes,
                          query=_query_text(sparql) if sparql else None)
    out.print(f"HTML graph: {path}", highlight=False)


@app.command()
def docs(
    store: StoreOpt = ".kg/store",
    as_json: JsonOpt = False,
) -> None:
    """List stored documents with their metadata and fact counts."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        rows = kg_store.documents()
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    names = ["id", "title", "date", "publisher", "facts", "source"]
    _emit([{n: "" if r.get(n) is None else str(r.get(n))[: 60 if n != "id" else 12] for n in names}
           for r in rows], names, "table")


@app.command()
def remove(
    doc: Annotated[str, typer.Argument(help="Document id (content hash; a unique prefix will do)")],
    store: StoreOpt = ".kg/store",
) -> None:
    """Delete exactly one document's facts from the store."""
    from kg.errors import StoreError
    from kg.store import open_store

    with open_store(store) as kg_store:
        matches = [d for d in kg_store.document_ids() if d.startswith(doc)]
        if len(matches) != 1:
            raise StoreError(f"{doc!r} matches {len(matches)} documents; give more of the id")
        kg_store.remove_document(matches[0])
    out.print(f"removed document {matches[0]}", highlight=False)


@app.command()
def update(
    sparql: Annotated[str, typer.Argument(help="A SPARQL Update, or a file holding one")],
    store: StoreOpt = ".kg/store",
) -> None:
    """Run a SPARQL Update on the store (the only command that writes with SPARQL)."""
    from kg.store import open_store

    text = _query_text(sparql)
    with open_store(store) as kg_store:
        kg_store.update(text)
    out.print("update applied", highlight=False)


def _query_text(arg: str) -> str:
    if "\n" not in arg and len(arg) < 4096 and Path(arg).is_file():
        return Path(arg).read_text(encoding="utf-8")
    return arg


def _print_df(df, fmt: str = "table") -> None:  # noqa: ANN001
    rows = [{str(k): "" if v is None else str(v) for k, v in rec.items()} for rec in df.to_dict("records")]
    _emit(rows, [str(c) for c in df.columns], fmt)


@app.command()
def path(
    a: Annotated[str, typer.Argument(help="First entity (label or alias)")],
    b: Annotated[str, typer.Argument(help="Second entity (label or alias)")],
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
) -> None:
    """How two entities are connected, each hop with its evidence."""
    from kg.analytics import path as find_path
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        df = find_path(kg_store, a, b)
    _print_df(df[["hop", "subject", "relation", "object", "evidence"]], fmt)


@app.command()
def central(
    store: StoreOpt = ".kg/store",
    k: Annotated[int, typer.Option("-k", help="How many entities")] = 10,
    fmt: FormatOpt = "table",
) -> None:
    """The most central entities (PageRank) with their degree."""
    from kg.analytics import central_entities
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        df = central_entities(kg_store, k=k)
    _print_df(df[["label", "type", "docs", "degree", "pagerank"]], fmt)


@app.command()
def neighbours(
    label: Annotated[str, typer.Argument(help="Entity label or alias")],
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
) -> None:
    """An entity's facts in both directions, with evidence."""
    from kg.analytics import neighbours as find_neighbours
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        df = find_neighbours(kg_store, label)
    _print_df(df[["relation", "direction", "label", "type", "confidence", "evidence"]], fmt)


@app.command()
def communities(
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
) -> None:
    """Groups of densely connected entities."""
    from kg.analytics import communities as find_communities
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        df = find_communities(kg_store)
    _print_df(df[["community", "label", "type", "degree"]], fmt)


@app.command()
def validate(
    store: StoreOpt = ".kg/store",
    shapes: Annotated[Optional[str], typer.Option("--shapes", help="SHACL shapes file (default: kg's own)")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check the store against kg's SHACL shapes; exit 1 on violations."""
    from kg.store import open_store
    from kg.validate import validate as run_validate

    with open_store(store, read_only=True) as kg_store:
        report = run_validate(kg_store, shapes)
    if as_json:
        print(json.dumps({"conforms": report.conforms, "violations": report.violations}, ensure_ascii=False, indent=1))
    else:
        print(str(report))
    if not report.conforms:
        raise typer.Exit(1)


@app.command(name="export")
def export_cmd(
    out_path: Annotated[str, typer.Argument(help="Output file (a folder for csv)")],
    fmt: Annotated[str, typer.Option("--format", help="ttl, nt, nq, trig, jsonld, graphml, gexf or csv")] = "nq",
    store: StoreOpt = ".kg/store",
) -> None:
    """Export the store as RDF, as a graph file, or as nodes/edges CSV."""
    from kg.interop import export
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        written = export(kg_store, fmt, out_path)
    out.print(f"wrote {written}", highlight=False)


@app.command(name="import")
def import_cmd(
    file: Annotated[str, typer.Argument(help="RDF file: .ttl, .nt, .nq, .trig or .jsonld")],
    graph: Annotated[Optional[str], typer.Option("--graph", help="Named graph for triples outside any graph")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="Override the format guessed from the suffix")] = None,
    store: StoreOpt = ".kg/store",
) -> None:
    """Merge external RDF into the store in one transaction."""
    from kg.interop import import_rdf
    from kg.store import open_store

    with open_store(store) as kg_store:
        added = import_rdf(kg_store, file, graph_iri=graph, fmt=fmt)
    out.print(f"{added} quads added", highlight=False)


@app.command()
def serve(
    store: StoreOpt = ".kg/store",
    host: Annotated[str, typer.Option("--host", help="Address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port")] = 7878,
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates too")] = False,
) -> None:
    """Serve the store over the SPARQL 1.1 protocol with Oxigraph (read-only by default)."""
    from kg.serve import serve as run_serve

    raise typer.Exit(run_serve(store, host, port, read_only=not writable))


@app.command()
def support(
    store: StoreOpt = ".kg/store",
    min_docs: Annotated[int, typer.Option("--min", help="Minimum number of supporting documents")] = 2,
    fmt: FormatOpt = "table",
) -> None:
    """Facts stated by at least --min documents, most supported first."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        rows = kg_store.support(min_documents=min_docs)
    names = ["s_label", "p", "o_label", "documents"]
    _emit([{n: str(r.get(n, "")) for n in names} for r in rows], names, fmt)


@app.command()
def stats(
    store: StoreOpt = ".kg/store",
    as_json: JsonOpt = False,
) -> None:
    """Documents, entities by type and triples by relation in the store."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        data = kg_store.stats()
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        _print_stats(data)


def _print_stats(data: dict) -> None:
    out.print(f"documents in store: {data.get('documents', 0)}", highlight=False)
    for title, key in (("entities by type", "entities"), ("triples by relation", "triples")):
        counts = data.get(key) or {}
        if isinstance(counts, dict) and counts:
            table = Table(title=title)
            table.add_column("name")
            table.add_column("count", justify="right")
            for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                table.add_row(str(name), str(n))
            out.print(table)


def _rows(result) -> list[dict[str, str]]:  # noqa: ANN001
    names = [str(v) for v in result.vars]
    rows = []
    for row in result:
        rows.append({n: ("" if row[n] is None else str(row[n])) for n in names})
    return rows


def _print_table(rows: list[dict[str, str]]) -> None:
    if not rows:
        out.print("(no rows)")
        return
    table = Table(*rows[0].keys())
    for row in rows:
        table.add_row(*row.values())
    out.print(table)


def _check_format(fmt: str) -> None:
    if fmt not in TABLE_FORMATS:
        raise KGError(f"unknown format {fmt!r} ({', '.join(TABLE_FORMATS)})")


def _emit(rows: list[dict[str, str]], names: list[str], fmt: str) -> None:
    _check_format(fmt)
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=names, delimiter="," if fmt == "csv" else "\t")
        writer.writeheader()
        writer.writerows(rows)
        print(buf.getvalue(), end="")
    elif fmt == "md":
        print("| " + " | ".join(names) + " |")
        print("|" + "---|" * len(names))
        for row in rows:
            print("| " + " | ".join(row[n].replace("|", "\\|") for n in names) + " |")
    else:
        table = Table(*names)
        for row in rows:
            table.add_row(*(row[n] for n in names))
        out.print(table)


def main() -> None:
    """Entry point: run the app and turn kg errors into one-line messages."""
    command = typer.main.get_command(app)
    try:
        rc = command.main(prog_name="kg", standalone_mode=False)
    except KGError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        sys.exit(1)
    except click.exceptions.Abort:
        err.print("kg: aborted", highlight=False)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("kg: interrupted", highlight=False)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    if isinstance(rc, int) and rc:
        sys.exit(rc)
