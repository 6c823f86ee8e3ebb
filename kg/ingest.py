"""Read input documents: text files, folders of .txt files, or standard input."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import Document, normalize_text

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# A header block: "Key: value" lines, then a blank line, then the article body.
_HEADER_LINE = re.compile(r"^([A-Z][A-Za-z-]{1,20}):\s*(.*)$")
_HEADER_KEYS = {
    "title": "title", "headline": "title", "publisher": "publisher", "source": "publisher",
    "byline": "author", "author": "author", "date": "date", "dateline": "date",
}


def expand_paths(paths: list[str]) -> list[str]:
    """Files named directly, plus the text files inside named folders (sorted)."""
    out: list[str] = []
    for raw in paths:
        if raw == "-":
            out.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                raise InputError(f"{raw}: folder holds no .txt, .md, .html or .jsonl files")
            out.extend(str(p) for p in found)
        elif path.exists():
            out.append(raw)
        else:
            raise InputError(f"{raw}: no such file or folder")
    return out


def read_text(source: str) -> str:
    """The decoded text of a file (or stdin for '-'), refusing binary and empty input."""
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{source}: no such file")
        data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source}: binary file, not text")
    text = _decode(data, source)
    if not text.strip():
        raise InputError(f"{source}: empty document")
    return text


def _decode(data: bytes, source: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not valid UTF-8 (byte {exc.start})") from None


def split_header(text: str) -> tuple[dict[str, str], int]:
    """The fields of an optional 'Key: value' header block and where the body starts.

    A block counts when every line before the first blank line is 'Key: value' and one key
    is known (title, publisher, byline, date ...); otherwise the whole text is the body.
    """
    meta: dict[str, str] = {}
    head, sep, _ = text.partition("\n\n")
    lines = head.split("\n")
    if sep and lines and all(_HEADER_LINE.match(line) for line in lines):
        parsed = [_HEADER_LINE.match(line).groups() for line in lines]  # type: ignore[union-attr]
        if any(k.lower() in _HEADER_KEYS for k, _ in parsed):
            for key, value in parsed:
                field = _HEADER_KEYS.get(key.lower())
                if field and field not in meta:
                    meta[field] = value.strip()
            return meta, len(head) + len(sep)
    return meta, 0


def parse_document(text: str, source: str = "-") -> Document:
    """A Document with metadata taken from an optional 'Key: value' header block."""
    text = normalize_text(text)
    meta, body_start = split_header(text)
    date = meta.get("date")
    if date:
        found = re.search(r"\d{4}-\d{2}-\d{2}", date)
        date = found.group(0) if found else date
    if "title" in meta:
        meta["title"] = re.sub(r"\s*\(.*?\)\s*$", "", meta["title"]) or meta["title"]
    return Document(
        text=text,
        source=source,
        title=meta.get("title") or _first_line(text[body_start:]),
        publisher=meta.get("publisher"),
        author=meta.get("author"),
        date=date,
        body_start=body_start,
    )


# The commonest English function words; news prose in English is ~40 % of them.
_ENGLISH = frozenset(
    "the of and to a in is was that for on with as by at from it said has have are be its "
    "an will were this which or after but not their been also had more than".split()
)


def looks_english(text: str) -> bool:
    """Whether text reads as English prose (share of common English function words)."""
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if len(words) < 12:
        return True  # too short to judge; do not warn on headlines and snippets
    return sum(w in _ENGLISH for w in words) / len(words) >= 0.12


def _first_line(body: str) -> str:
    line = body.strip().split("\n", 1)[0]
    return line[:120]


def load_documents(source: str) -> list[Document | InputError]:
    """The documents in one input: a text or HTML file holds one, a .jsonl file one per line.

    A bad line of a .jsonl file comes back as an InputError in its place, so the good
    lines still go in.
    """
    suffix = Path(source).suffix.lower() if source != "-" else ""
    text = read_text(source)
    if suffix in HTML_SUFFIXES or (suffix == "" and _looks_like_html(text)):
        return [parse_html(text, source)]
    if suffix in JSONL_SUFFIXES:
        return list(_parse_jsonl(text, source))
    return [parse_document(text, source)]


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def parse_html(html: str, source: str = "-") -> Document:
    """A Document from a web page: main text, title, author and date via trafilatura."""
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True)
    meta = found.as_dict() if found is not None and hasattr(found, "as_dict") else (found or {})
    text = (meta.get("text") or "").strip()
    if not text:
        raise InputError(f"{source}: no article text found in the HTML page")
    title = meta.get("title")
    if title and text.startswith(title):
        # trafilatura repeats the headline as the first line; keep it out of the body.
        text = text[len(title):].lstrip("\n")
    doc = parse_document(text, source)
    doc.title = title or doc.title
    doc.author = meta.get("author") or doc.author
    doc.date = meta.get("date") or doc.date
    doc.publisher = meta.get("sitename") or doc.publisher
    return doc


def _parse_jsonl(text: str, source: str) -> Iterator[Document | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            yield InputError(f"{where}: a JSON line needs a non-empty 'text'")
            continue
        doc = parse_document(row["text"], row.get("url") or where)
        doc.title = row.get("title") or doc.title
        doc.date = row.get("date") or doc.date
        doc.publisher = row.get("publisher") or doc.publisher
        doc.author = row.get("author") or doc.author
        yield doc


def iter_documents(paths: list[str]) -> Iterator[Document | InputError]:
    """Documents for every input path, in order; a bad input comes back as its InputError."""
    for source in expand_paths(paths):
        try:
            yield from load_documents(source)
        except InputError as exc:
            yield exc
