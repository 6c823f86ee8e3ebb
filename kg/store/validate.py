"""SHACL validation of kg graphs against kg/shapes.ttl with pyshacl.

Each named graph (one per document) is validated on its own, because entity
descriptions are per document: two documents may label one entity differently, and
removing a document removes exactly its description. A plain rdflib Graph is validated
as one graph. No inference is applied (see the header of kg/shapes.ttl).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Union

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.errors import KGError
from kg.store import KGStore
from kg.store.namespaces import KG, PREFIXES
from kg.store.rdf import relation_name

__all__ = ["SHAPES_PATH", "ValidationReport", "load_shapes", "validate"]

SHAPES_PATH = Path(__file__).resolve().parent.parent / "shapes.ttl"  # beside ontology.ttl, at the package root
Validatable = Union[KGStore, Dataset, Graph]


@dataclass
class ValidationReport:
    """The outcome of a validation: whether everything conforms and one line per violation."""

    conforms: bool
    violations: list[str] = field(default_factory=list)
    graphs: int = 0  # named graphs (documents) checked
    warnings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        head = f"{'conforms' if self.conforms else 'does not conform'}: {self.graphs} graph(s) checked, {len(self.violations)} violation(s)"
        return "\n".join([head, *self.violations, *self.warnings])


@lru_cache(maxsize=4)
def _shapes(path: str) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise KGError(f"cannot read SHACL shapes {path}: {str(exc).splitlines()[0] if str(exc) else exc}") from None
    return graph


def load_shapes(path: str | Path | None = None) -> Graph:
    """Return the SHACL shapes graph (kg/shapes.ttl unless another file is given)."""
    return _shapes(str(path or SHAPES_PATH))


def _named_graphs(data: Validatable) -> list[tuple[str, Graph]]:
    if isinstance(data, KGStore):
        ds = Dataset()
        ds.addN(q for q in data.quads() if q[3] != DATASET_DEFAULT_GRAPH_ID)
        data = ds
    if isinstance(data, Dataset):
        out = []
        for g in data.graphs():
            if g.identifier == DATASET_DEFAULT_GRAPH_ID and len(g) == 0:
                continue
            copy = Graph(identifier=g.identifier)
            for t in g:
                copy.add(t)
            out.append((str(g.identifier), copy))
        return sorted(out, key=lambda item: item[0])
    if isinstance(data, Graph):
        return [(str(data.identifier), data)]
    raise KGError(f"cannot validate a {type(data).__name__}; give a KGStore, an rdflib Dataset or Graph")


def _short(term: Node | None) -> str:
    if term is None:
        return "?"
    text = str(term)
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns):]}"
    if isinstance(term, Literal):
        if isinstance(term.toPython(), (int, float)) or term.datatype is not None and "decimal" in str(term.datatype):
            return text
        return repr(text) if len(text) <= 60 else repr(text[:57] + "...")
    return f"<{text}>"


def _label(graph: Graph, node: Node | None) -> str:
    if node is None:
        return "?"
    label = graph.value(node, RDFS.label)
    if label is not None:
        return str(label)
    return str(node).rsplit("/", 1)[-1] if isinstance(node, URIRef) else str(node)


def _describe(graph: Graph, node: Node) -> str:
    types = set(graph.objects(node, RDF.type))
    if KG.Assertion in types:
        s, p, o = (graph.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        fact = f"{_label(graph, s)} {relation_name(p) if p is not None else '?'} {_label(graph, o)}"
        return f"assertion '{fact}' {_short(node)}"
    if (node, KG.contentHash, None) in graph or any(str(t).endswith("NewsArticle") for t in types):
        return f"document {_short(node)}"
    kinds = sorted(_short(t) for t in types)
    kind = "/".join(k.replace("kg:", "") for k in kinds) or "node"
    labels = sorted(str(x) for x in graph.objects(node, RDFS.label))
    named = f" {' | '.join(repr(x) for x in labels)}" if labels else ""
    return f"{kind.lower() if kind == 'node' else kind}{named} {_short(node)}"


def _graph_name(name: str) -> str:
    tail = name.rsplit("/", 1)[-1]
    if "/doc/" in name:
        return f"[doc {tail[:12]}] "
    return f"[graph <{name}>] " if ":" in name else ""  # a blank-node id names no graph


def _lines(results: Graph, data: Graph, graph_name: str) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = results.value(result, SH.resultSeverity)
        where = _describe(data, focus) if focus is not None else "?"
        detail = f"{_short(path)}" if path is not None else ""
        if value is not None and value != focus:
            detail += f" = {_short(value)}"
        text = messages[0] if messages else "constraint violated"
        line = f"{graph_name}{where}: {detail + ': ' if detail else ''}{text}"
        (errors if severity in (None, SH.Violation) else warnings).append(line)
    return sorted(errors), sorted(warnings)


def validate(data: Validatable, shapes: str | Path | None = None) -> ValidationReport:
    """Validate a store, Dataset (each named graph) or Graph against the kg SHACL shapes."""
    try:
        import pyshacl
    except ImportError:  # pragma: no cover - a declared dependency
        raise KGError("validation needs the pyshacl package (pip install pyshacl)") from None
    shapes_graph = load_shapes(shapes)
    graphs = _named_graphs(data)
    report = ValidationReport(conforms=True, graphs=len(graphs))
    for name, graph in graphs:
        conforms, results, _ = pyshacl.validate(
            graph,
            shacl_graph=shapes_graph,
            inference="none",
            advanced=False,
            allow_warnings=True,
            abort_on_first=False,
        )
        errors, warnings = _lines(results, graph, _graph_name(name))
        if not conforms and not errors:
            errors = [f"{_graph_name(name)}does not conform (pyshacl gave no details)"]
        report.violations.extend(errors)
        report.warnings.extend(warnings)
    report.conforms = not report.violations
    return report
