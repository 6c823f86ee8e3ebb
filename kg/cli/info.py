"""kg info: what is installed and in use."""

from __future__ import annotations

from pathlib import Path

from kg.errors import KGError

from .app import JsonOpt, StoreOpt, command, package_version
from .output import clean, out, print_json


def _model_distribution(module: str) -> str | None:
    from importlib import metadata

    names = metadata.packages_distributions().get(module) or []
    return names[0] if names else None


@command('kg info', 'kg info --store corpus-store --json')
def info(
    store: StoreOpt = ".kg/store",
    as_json: JsonOpt = False,
) -> None:
    """What is installed and in use: kg, Python, spaCy and the model, the store, the server."""
    import platform

    from kg.extract.loader import available_models, default_model
    from kg.store.serve import find_oxigraph

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
        "kg": package_version("kg"),
        "python": platform.python_version(),
        "spacy": package_version("spacy"),
        "model": model,
        "model_package": dist,
        "model_version": package_version(dist) if dist else None,
        "models_installed": models,
        "store": store,
        "store_backend": backend,
        "store_exists": exists,
        "documents": documents,
        "pyoxigraph": package_version("pyoxigraph"),
        "rdflib": package_version("rdflib"),
        "oxigraph_server": server,
    }
    if as_json:
        print_json(data)
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
