"""Commands that move or change the store's RDF: query, update, remove, export, import, validate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.errors import KGError, QueryError

from .app import (
    DEFAULT_WAIT,
    FormatOpt,
    JsonOpt,
    StoreOpt,
    WaitOpt,
    command,
    open_writer,
    query_text,
)
from .output import check_format, clean, emit, out, print_json, result_rows


@command("kg query 'SELECT ?s ?o WHERE { ?s kg:partnersWith ?o }' --format csv",
         'kg query examples/queries/FILE.rq --bind label=Togg')
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or a file holding one")],
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
    bind: Annotated[Optional[list[str]], typer.Option("--bind", metavar="NAME=VALUE", help="name=value, bound as a literal")] = None,
) -> None:
    """Run a read-only SPARQL query; common prefixes are predeclared."""
    from rdflib import Literal

    from kg.store import open_store
    from kg.store.sparql import is_update

    text = query_text(sparql)
    if is_update(text):
        raise QueryError("kg query is read-only; run a SPARQL Update with: kg update \"INSERT ...\"")
    bindings = {}
    for item in bind or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise QueryError(f"--bind expects name=value, got {item!r}")
        bindings[name.lstrip("?")] = Literal(value)
    check_format(fmt)
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
        emit(result_rows(result), [str(v) for v in result.vars], fmt, empty="(no rows)")


@command('kg update \'INSERT DATA { GRAPH <urn:notes> { <urn:a> rdfs:label "A" } }\'')
def update(
    sparql: Annotated[str, typer.Argument(help="A SPARQL Update, or a file holding one")],
    store: StoreOpt = ".kg/store",
    wait: WaitOpt = DEFAULT_WAIT,
) -> None:
    """Run a SPARQL Update on the store (the only command that writes with SPARQL)."""

    text = query_text(sparql)
    with open_writer(store, wait, create=False) as kg_store:
        kg_store.update(text)
    out.print("update applied")


@command('kg remove 3f2a9c (an id from kg docs; a unique prefix will do)')
def remove(
    doc: Annotated[str, typer.Argument(help="Document id (content hash; a unique prefix will do)")],
    store: StoreOpt = ".kg/store",
    wait: WaitOpt = DEFAULT_WAIT,
) -> None:
    """Delete exactly one document's facts from the store."""
    from kg.errors import StoreError

    with open_writer(store, wait, create=False) as kg_store:
        matches = [d for d in kg_store.document_ids() if d.startswith(doc)]
        if len(matches) != 1:
            raise StoreError(f"{doc!r} matches {len(matches)} documents; give more of the id")
        kg_store.remove_document(matches[0])
    out.print(f"removed document {matches[0]}")


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


@command('kg export out/kg.ttl',
         'kg export out/csv --format csv',
         'kg export - --format nt | head', name='export')
def export_cmd(
    out_path: Annotated[str, typer.Argument(metavar="OUT", help="Output file, named for its format (.ttl, .nt, .nq, .trig, .jsonld, .graphml, .gexf); a folder for csv; - for standard output")],
    fmt: Annotated[Optional[str], typer.Option("--format", metavar="FORMAT", help="ttl, nt, nq, trig, jsonld, graphml, gexf or csv (default: from OUT's extension; nq for -)")] = None,
    store: StoreOpt = ".kg/store",
) -> None:
    """Export the store as RDF, as a graph file, or as nodes/edges CSV (format from OUT's extension)."""
    from kg.graph.export import EXPORT_FORMATS, export
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


@command('kg import data.nq', 'kg import facts.ttl --graph urn:my-facts', name='import')
def import_cmd(
    file: Annotated[str, typer.Argument(help="RDF file: .ttl, .nt, .nq, .trig or .jsonld")],
    graph: Annotated[Optional[str], typer.Option("--graph", metavar="IRI", help="Named graph for triples outside any graph")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", metavar="FORMAT", help="Override the format guessed from the suffix")] = None,
    store: StoreOpt = ".kg/store",
    wait: WaitOpt = DEFAULT_WAIT,
) -> None:
    """Merge external RDF into the store in one transaction."""
    from kg.store.interop import import_rdf

    with open_writer(store, wait) as kg_store:
        added = import_rdf(kg_store, file, graph_iri=graph, fmt=fmt)
    out.print(f"{added} quads added")


@command('kg validate', 'kg validate --json')
def validate(
    store: StoreOpt = ".kg/store",
    shapes: Annotated[Optional[str], typer.Option("--shapes", metavar="FILE", help="SHACL shapes file (default: kg's own)")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check the store against kg's SHACL shapes; exit 1 on violations."""
    from kg.store import open_store
    from kg.store.validate import validate as run_validate

    with open_store(store, read_only=True) as kg_store:
        report = run_validate(kg_store, shapes)
    if as_json:
        print_json({"conforms": report.conforms, "violations": report.violations})
    else:
        print(clean(str(report)))
    if not report.conforms:
        raise typer.Exit(1)
