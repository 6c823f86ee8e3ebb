"""Commands that show the graph to people: render (an HTML page) and serve (a SPARQL endpoint)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import StoreOpt, command, query_text
from .output import clean, out


@command('kg render --html out/graph.html', 'kg render --focus Togg --depth 1 --html out/togg.html')
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
        from kg.build.pipeline import render as run_render

        path = run_render(kg_store, html, focus=focus, depth=depth, force=force, max_nodes=max_nodes,
                          query=query_text(sparql) if sparql else None, path=connect, since=since,
                          until=until)
    out.print(f"HTML graph: {clean(str(path))}")


@command('kg serve --port 7878', 'kg serve --writable (then kg build --store sparql+http://127.0.0.1:7878)')
def serve(
    store: StoreOpt = ".kg/store",
    host: Annotated[str, typer.Option("--host", metavar="HOST", help="Address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="Port")] = 7878,
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates too")] = False,
) -> None:
    """Serve the store over the SPARQL 1.1 protocol with Oxigraph (read-only by default)."""
    from kg.store.serve import serve as run_serve

    raise typer.Exit(run_serve(store, host, port, read_only=not writable))
