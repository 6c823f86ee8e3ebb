"""Commands that read the graph: entities, docs, stats, support, path, central, neighbours,
communities."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from .app import FormatOpt, JsonOpt, StoreOpt, command
from .output import clean, cut, emit, print_df, print_json, print_stats, result_rows


@command('kg entities', 'kg entities --merges')
def entities(
    store: StoreOpt = ".kg/store",
    merges: Annotated[bool, typer.Option("--merges", help="Show merge decisions and their reasons")] = False,
) -> None:
    """List entities with their types and aliases, or the merges that built them."""
    from kg.store import open_store
    from kg.store.queries import entity_list, merge_list

    with open_store(store, read_only=True) as kg_store:
        result = merge_list(kg_store) if merges else entity_list(kg_store)
        emit(result_rows(result), [str(v) for v in result.vars], "table",
              empty="no merges recorded" if merges else "no entities: the store has no documents yet (kg build adds some)")


@command('kg docs', 'kg docs --json')
def docs(
    store: StoreOpt = ".kg/store",
    as_json: JsonOpt = False,
) -> None:
    """List stored documents with their metadata and fact counts."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        rows = kg_store.documents()
    if as_json:
        print_json(rows)
        return
    names = ["id", "title", "date", "publisher", "facts", "source"]
    shown = [{"id": r["id"][:12], "title": cut(r.get("title") or "", 60), "date": r.get("date"),
              "publisher": cut(r.get("publisher") or "", 30), "facts": r.get("facts"),
              "source": cut(r.get("source") or "", 40, keep_end=True)} for r in rows]
    emit(shown, names, "table", empty="no documents: the store is empty (kg build adds some)")


@command('kg stats', 'kg stats --json')
def stats(
    store: StoreOpt = ".kg/store",
    as_json: JsonOpt = False,
) -> None:
    """Documents, entities by type and triples by relation in the store."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        data = kg_store.stats()
    if as_json:
        print_json(data)
    else:
        print_stats(data)


@command('kg support', 'kg support --min 1 --format json')
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
    emit([{n: r.get(n) for n in names} for r in rows], names, fmt, empty=empty)


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


@command('kg path Togg Farasis', 'kg path Togg Farasis --format json')
def path(
    a: Annotated[str, typer.Argument(help="First entity (label or alias)")],
    b: Annotated[str, typer.Argument(help="Second entity (label or alias)")],
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
) -> None:
    """How two entities are connected, each hop with its evidence."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:  # a missing store fails before the imports
        from kg.graph.analytics import path as find_path

        df = find_path(kg_store, a, b)
    print_df(df[["hop", "subject", "relation", "object", "evidence"]], fmt,
              empty=f"{clean(a)} and {clean(b)} are the same entity: no path to show")


@command('kg central -k 5')
def central(
    store: StoreOpt = ".kg/store",
    k: Annotated[int, typer.Option("-k", help="How many entities")] = 10,
    fmt: FormatOpt = "table",
) -> None:
    """The most central entities (PageRank) with their degree."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        from kg.graph.analytics import central_entities

        df = central_entities(kg_store, k=k)
    print_df(df[["label", "type", "docs", "degree", "pagerank"]], fmt,
              empty="no entities: the store has no documents yet (kg build adds some)")


@command('kg neighbours Togg')
def neighbours(
    label: Annotated[str, typer.Argument(help="Entity label or alias")],
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
) -> None:
    """An entity's facts in both directions, with evidence."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        from kg.graph.analytics import neighbours as find_neighbours

        df = find_neighbours(kg_store, label)
    print_df(df[["relation", "direction", "label", "type", "confidence", "evidence"]], fmt)


@command('kg communities --format csv')
def communities(
    store: StoreOpt = ".kg/store",
    fmt: FormatOpt = "table",
) -> None:
    """Groups of densely connected entities."""
    from kg.store import open_store

    with open_store(store, read_only=True) as kg_store:
        from kg.graph.analytics import communities as find_communities

        df = find_communities(kg_store)
    print_df(df[["community", "label", "type", "degree"]], fmt,
              empty="no entities: the store has no documents yet (kg build adds some)")
