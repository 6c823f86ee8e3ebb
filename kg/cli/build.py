"""Commands that read articles: build (into the store) and extract (one document, no store)."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from kg.errors import KGError

from .app import DEFAULT_WAIT, ModelOpt, StoreOpt, WaitOpt, command, open_writer
from .output import (
    clean,
    emit,
    err,
    out,
    print_json,
    print_stats,
    print_table,
    result_rows,
    say,
)


@command('kg build examples/articles --html out/graph.html',
         'kg build news.jsonl page.html notes.md --workers 2',
         'cat article.txt | kg build -')
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

    from kg.build.pipeline import build as run_build
    from kg.build.pipeline import check_output, render
    from kg.ingest import expand_paths
    from kg.store.queries import minister_met

    if html:
        check_output(html, force)
    if engine not in ("local", "dask"):
        raise KGError(f"unknown engine {engine!r} (local or dask)")
    if workers < 1 or batch_size < 1:
        raise KGError("--workers and --batch-size must be at least 1")
    sources = expand_paths(paths)

    def run(kg_store, progress):  # noqa: ANN001, ANN202
        if engine == "dask":
            from kg.build.engines.dask_engine import build_dask

            return build_dask(sources, kg_store, scheduler=scheduler, model=model,
                              batch_size=batch_size, progress=progress)
        if workers > 1:
            from kg.build.parallel import build_parallel

            return build_parallel(sources, kg_store, model=model, workers=workers,
                                  batch_size=batch_size, progress=progress)
        return run_build(sources, kg_store, model, progress=progress)

    with open_writer(store, wait) as kg_store:
        if len(sources) > 3 and sys.stderr.isatty():
            from rich.progress import MofNCompleteColumn, TimeRemainingColumn

            columns = [*Progress.get_default_columns()[:-1], MofNCompleteColumn(), TimeRemainingColumn()]
            with Progress(*columns, console=err, transient=True) as bar:
                task = bar.add_task("extracting", total=len(sources))
                report = run(kg_store, lambda _: bar.advance(task))
        else:
            report = run(kg_store, None)
        for warning in report.warnings:
            say(f"kg: warning: {warning}")
        for source, reason in report.failed:
            say(f"kg: skipped {reason}")
        out.print(
            f"documents: {len(report.added)} added, {len(report.skipped)} already stored, "
            f"{len(report.failed)} failed"
        )
        print_stats(kg_store.stats())
        if html:
            path = render(kg_store, html, force=force)
            out.print(f"HTML graph: {clean(str(path))}")
        if example_query:
            rows = result_rows(minister_met(kg_store))
            out.print("Example query — whom did the minister meet?")
            print_table(rows)
    if report.failed:
        raise typer.Exit(1)


@command('kg extract article.txt', 'kg extract article.txt --json')
def extract(
    file: Annotated[str, typer.Argument(help="A text file, or - for stdin")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of triples")] = False,
    model: ModelOpt = None,
) -> None:
    """Print one document's triples without storing anything."""
    from kg.build.pipeline import extract_file

    doc = extract_file(file, model)
    if as_json:
        print_json([t.to_dict() for t in doc.triples])
        return
    rows = [{"subject": t.subject.label, "relation": t.predicate, "object": t.object.label,
             "conf": round(t.confidence, 2), "rule": t.rule} for t in doc.triples]
    emit(rows, ["subject", "relation", "object", "conf", "rule"], "table")
    out.print(f"{len(doc.triples)} triples, {len(doc.entities)} entities")
