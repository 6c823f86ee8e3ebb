"""Entity identity: one key per name, used by the model, extraction, the store and eval.

Two names are the same entity (of one type) when their identity keys are equal; the store
mints an entity's IRI from that key, losslessly, so two different keys never share an IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

__all__ = ["SAME_KEY_REASON", "fold", "identity_key", "key_slug"]

# The reason recorded when two spellings become one entity because their keys are equal.
SAME_KEY_REASON = "same identity key (differs only in case, accents or punctuation)"

# Letters and digits make a name, and '&' and '+' tell names apart too ("AT&T" is not
# "AT-T", "Canal+" is not "Canal"); every other character (spaces, hyphens, dots, commas,
# apostrophes, brackets, underscores) only separates words.
_SEPARATORS = re.compile(r"[^\w&+]+|_+")


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form of text (Turkish İ/ı folded, spaces collapsed)."""
    # NFKD + casefold alone would leave the Turkish dotless ı and turn İ into 'i̇'.
    text = text.replace("İ", "I").replace("ı", "i").replace("’", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def identity_key(name: str) -> str:
    """The identity of a name: 'Türkiye', 'TURKIYE' -> 'turkiye'; 'AT&T' -> 'at&t'; 'AT-T' -> 'at t'."""
    folded = fold(name)
    key = " ".join(_SEPARATORS.sub(" ", folded).split())
    # A name of separators only ("…", "--") keeps its folded form, so it stays itself.
    return key or folded


def key_slug(key: str) -> str:
    """The IRI path segment of an identity key: 'south korea' -> 'south-korea', 'at&t' -> 'at%26t'.

    Lossless: keys hold no '-' (a separator), so spaces become '-' and the rest is
    percent-encoded; two different keys never give one slug.
    """
    if key and not _SEPARATORS.fullmatch(key):
        return quote(key.replace(" ", "-"), safe="-")
    # Separators only: no word to show. '--' never occurs in the slug of a key with words.
    return "x--" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]
