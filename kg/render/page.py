"""The page itself: kg's template filled with the data, vis-network and kg's script and
style inlined, under a content security policy that allows only those two scripts."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.errors import OutputError
from kg.render.data import PageData

__all__ = ["fill_page"]

_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


def _json_for_script(value: Any) -> str:
    """JSON that cannot end its <script> element or be misread by an HTML parser."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _script_text(code: str) -> str:
    # A source-map comment would make devtools look for a file that is not there.
    code = re.sub(r"^//# sourceMappingURL=.*$", "", code, flags=re.MULTILINE)
    # Defensive: no bundled asset contains these today, but an upgrade could.
    return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT") \
        .replace("<!--", "<\\!--")


def _style_text(css: str) -> str:
    return css.replace("</style", "<\\/style").replace("</STYLE", "<\\/STYLE")


def _sha256(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@lru_cache(maxsize=None)
def _asset(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def vis_network_asset(name: str) -> str:
    """The text of vis-network's name ("vis-network.min.js" or ".css") as bundled by pyvis."""
    # pyvis has no public way to get the vis-network files it ships: its only one,
    # Network(cdn_resources="in_line").generate_html(), inlines them into pyvis's own page
    # together with tom-select and bootstrap fetched from a CDN. So this one function reads
    # pyvis's package data; checked against pyvis 0.3.2, which bundles vis-network 9.1.2.
    path = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2", name)
    if not path.is_file():
        raise OutputError(f"the installed pyvis no longer bundles vis-network 9.1.2 ({name}); "
                          "kg's page was checked against pyvis 0.3.2")
    return path.read_text(encoding="utf-8")


def _legend_html(types: list[dict[str, Any]]) -> str:
    rows = []
    for t in types:
        name = html.escape(t["name"], quote=True)
        rows.append(
            f'<li><label><input type="checkbox" class="kg-type" data-type="{name}" checked> '
            f'<span class="kg-swatch" style="background:{t["color"]}"></span>'
            f'<span class="kg-name">{name}</span> <span class="kg-count">{t["count"]}</span>'
            f"</label></li>"
        )
    return "\n".join(rows)


def _relations_html(relations: list[dict[str, Any]]) -> str:
    rows = []
    for r in relations:
        name = html.escape(r["name"], quote=True)
        mark = ' <span class="kg-sym" title="symmetric">↔</span>' if r["symmetric"] else ""
        rows.append(
            f'<li><label><input type="checkbox" class="kg-relation" '
            f'data-relation="{name}" checked> '
            f'<span class="kg-name">{name}</span>{mark} <span class="kg-count">{r["count"]}</span>'
            f"</label></li>"
        )
    return "\n".join(rows)


def fill_page(page: PageData, title: str) -> str:
    """The whole HTML document for the page's data, titled title (already clean text)."""
    vis_js = _script_text(vis_network_asset("vis-network.min.js"))
    app_js = _script_text(_asset("kg.render", "app.js"))
    csp = (
        "default-src 'none'; "
        f"script-src {_sha256(vis_js)} {_sha256(app_js)}; "
        "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    n_nodes, n_edges = len(page.nodes), len(page.edges)
    values = {
        "CSP": csp,
        "TITLE": html.escape(title, quote=True),
        "VIS_CSS": _style_text(vis_network_asset("vis-network.css")),
        "APP_CSS": _style_text(_asset("kg.render", "app.css")),
        "STATS": f"{n_nodes} nodes · {n_edges} edges",
        "LEGEND": _legend_html(page.types),
        "RELATIONS": _relations_html(page.relations),
        "DATA": _json_for_script(page.to_json()),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    template = _asset("kg.render", "page.html")
    # One pass over the template only: inserted text is never scanned for placeholders.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
