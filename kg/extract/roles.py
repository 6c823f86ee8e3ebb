"""Names of positions: a title is named with its holder ("Chief Executive of Acme").

A bare "President" or "Chair" says nothing in a graph that holds many articles; the
organisation, country or place the office belongs to is part of its name.  These helpers
are pure string functions; the relation rules find the holder in the parse.
"""

from __future__ import annotations

import re

from kg.extract.lexicon import TITLE_ABBREVIATIONS
from kg.model import Kind

# Words kept lower-case inside a title ("Minister of Industry and Trade").
_SMALL = frozenset("and of for the to at in on".split())
# Country names that take the article in running text ("President of the United States").
_WITH_ARTICLE = re.compile(
    r"^(?:United\b|Netherlands$|Philippines$|Czech Republic$|Gambia$|Bahamas$|"
    r"Democratic Republic\b|Republic of\b|European (?:Union|Commission)$)"
)


def title_case(text: str) -> str:
    """'chief executive' -> 'Chief Executive'; small words stay lower, acronyms stay upper."""
    words = [TITLE_ABBREVIATIONS.get(w.lower(), w) for w in text.split()]  # "Gov." -> "Governor"
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in _SMALL:
            out.append(word.lower())
        elif any(c.isupper() for c in word[1:]):
            out.append(word)  # CEO, McDonald, VinFast
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)


def holder_phrase(label: str, type_: str) -> str:
    """How a holder reads after 'of': countries that take 'the' get it."""
    if type_ == Kind.COUNTRY and _WITH_ARTICLE.search(label) or type_ == Kind.ORGANIZATION and re.match(
            r"(?:European|National|Federal|Centre|Center|Institute|Ministry|Council|Department|"
            r"Commission|Agency|Federation|Association|Office|University|Chamber|Bank of) ", label):
        return f"the {label}"
    return label


def role_label(title: str, holder: str | None = None, holder_type: str = "") -> str:
    """'chief executive', 'Acme' -> 'Chief Executive of Acme'; the bare title without a holder."""
    title = title_case(" ".join(title.replace("’s", "").split()).strip(" ,"))
    if not holder:
        return title
    return f"{title} of {holder_phrase(holder, holder_type)}"
