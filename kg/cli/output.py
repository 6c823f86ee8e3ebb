"""The CLI's one output layer: data printed as text (never markup, never terminal escapes),
tables with rounded numbers, csv/tsv/md with every digit, JSON with typed values."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import math
import re
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.errors import KGError

# Data (entity names, evidence, titles, query results) is never read as rich markup,
# emoji codes or highlighted: "[/x]" and ":smile:" print as they are.
out = Console(markup=False, emoji=False, highlight=False)
err = Console(stderr=True, markup=False, emoji=False, highlight=False)

TABLE_FORMATS = ("table", "csv", "tsv", "json", "md")

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


def print_json(data: Any) -> None:
    """Print data as JSON (see json_text)."""
    print(json_text(data))


def cut(text: str, width: int, keep_end: bool = False) -> str:
    """Text shortened to width characters with an ellipsis where it was cut."""
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1):] if keep_end else text[: width - 1] + "…"


def json_value(term: Any) -> Any:
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
        return [json_value(v) for v in term]
    return str(term)


def number_text(value: float) -> str:
    """A float for a table: three significant digits below 1, else two decimals at most."""
    if value == 0 or not math.isfinite(value):
        return str(value)
    if abs(value) < 1:
        return f"{value:.3g}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def cell_text(value: Any, for_table: bool) -> str:
    """A value as table, csv, tsv or md text (numbers rounded for tables); terminal-safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and for_table:
        return number_text(value)
    if isinstance(value, list):
        return " | ".join(cell_text(v, for_table) for v in value)
    return clean(str(value))


def result_rows(result) -> list[dict[str, Any]]:  # noqa: ANN001
    """The rows of a SELECT result as dicts of JSON values."""
    names = [str(v) for v in result.vars]
    return [{n: json_value(row[n]) for n in names} for row in result]


def print_table(rows: list[dict[str, Any]]) -> None:
    """Print rows as a table, or "(no rows)"."""
    if not rows:
        out.print("(no rows)")
        return
    emit(rows, list(rows[0]), "table")


def check_format(fmt: str) -> None:
    """Raise KGError for an unknown table format."""
    if fmt not in TABLE_FORMATS:
        raise KGError(f"unknown format {clean(repr(fmt))} ({', '.join(TABLE_FORMATS)})")


def emit(rows: list[dict[str, Any]], names: list[str], fmt: str, empty: str | None = None) -> None:
    """Print rows as a table (text, rounded numbers), csv/tsv/md (text) or json (typed values).

    empty: printed on stderr when there is no row, to say why (table format only)."""
    check_format(fmt)
    if fmt == "json":
        print_json([{n: json_value(r.get(n)) for n in names} for r in rows])
    elif fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=names, delimiter="," if fmt == "csv" else "\t")
        writer.writeheader()
        writer.writerows({n: cell_text(r.get(n), False) for n in names} for r in rows)
        print(buf.getvalue(), end="")
    elif fmt == "md":
        print("| " + " | ".join(names) + " |")
        print("|" + "---|" * len(names))
        for r in rows:
            cells = (cell_text(r.get(n), True).replace("|", "\\|").replace("\n", " ") for n in names)
            print("| " + " | ".join(cells) + " |")
    else:
        table = Table(*names)
        for r in rows:
            table.add_row(*(Text(cell_text(r.get(n), True)) for n in names))
        out.print(table)
    if not rows and empty and fmt == "table":
        err.print(empty)


def print_df(df, fmt: str = "table", empty: str | None = None) -> None:  # noqa: ANN001
    """Print a pandas DataFrame through emit."""
    rows = [{str(k): json_value(v) for k, v in rec.items()} for rec in df.to_dict("records")]
    emit(rows, [str(c) for c in df.columns], fmt, empty=empty)


def print_stats(data: dict) -> None:
    """Print store statistics: documents, entities by type, triples by relation."""
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


def say(message: str) -> None:
    """Print one line on stderr, terminal-safe."""
    print(clean(message), file=sys.stderr, flush=True)
