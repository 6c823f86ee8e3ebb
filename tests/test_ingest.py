import pytest

from kg.errors import InputError
from kg.ingest import expand_paths, parse_document, read_text


def test_header_block_gives_metadata_and_body_offset():
    text = "Title: Plant opens (headline supplied)\nPublisher: Wire\nDateline: ROME, 2024-02-03\n\nBody here."
    doc = parse_document(text, "x.txt")
    assert (doc.title, doc.publisher, doc.date) == ("Plant opens", "Wire", "2024-02-03")
    assert doc.body == "Body here."
    assert doc.text[doc.body_start :] == "Body here."


def test_text_without_header_is_all_body():
    doc = parse_document("Note: this is prose, not a header\nsecond line\n\nmore", "-")
    assert doc.body_start == 0


def test_same_text_same_id_whatever_the_line_endings():
    assert parse_document("a b\r\nc", "1").id == parse_document("a b\nc\n", "2").id


def test_bad_inputs_raise_input_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "img.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Türkiye".encode("latin-1"))
    for path, words in ((empty, "empty"), (binary, "binary"), (latin, "UTF-8")):
        with pytest.raises(InputError, match=words):
            read_text(str(path))
    with pytest.raises(InputError, match="no such file"):
        expand_paths([str(tmp_path / "missing.txt")])


def test_bom_and_utf16_are_decoded(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffHello Ankara".encode("utf-8"))
    u16 = tmp_path / "u16.txt"
    u16.write_bytes("Hello Ankara".encode("utf-16"))
    assert read_text(str(bom)) == "Hello Ankara"
    assert read_text(str(u16)) == "Hello Ankara"


def test_folders_expand_to_sorted_text_files(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "c.png").write_bytes(b"x")
    assert [p.rsplit("/", 1)[1] for p in expand_paths([str(tmp_path)])] == ["a.txt", "b.txt"]


def test_eval_and_ingest_read_one_header_block():
    """The gold scorer's article body is the body the ingest layer extracts from."""
    from pathlib import Path

    from kg.eval import article_body
    from kg.ingest import parse_document

    dev = Path(__file__).resolve().parent / "gold" / "dev"
    texts = [p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt"))[:10]]
    texts.append("Title: A\nWhatever: b\n\nBody text.")
    texts.append("Not: a header\nbecause this line is prose\n\nBody.")
    for text in texts:
        doc = parse_document(text)
        assert article_body(text).strip() == doc.text[doc.body_start:].strip()
