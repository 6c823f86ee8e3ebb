"""Small hand-made documents shared by the store and graph tests."""

from __future__ import annotations

from kg.model import Document, Entity, Merge, Triple, Value

TEXT_A = (
    "Turkish Industry and Technology Minister Mehmet Fatih Kacır met executives of BYD in Istanbul. "
    "Türkiye and China had a trade volume of $38.55 billion in 2022. "
    "BYD will open a plant in Manisa in 2026."
)
TEXT_B = "BYD opened a showroom in Istanbul. BYD partners with Koç Holding."

KACIR = Entity("Mehmet Fatih Kacır", "Person", ("Kacir", "Mehmet Fatih Kacir"))
MINISTER = Entity("Minister of Industry and Technology", "Role")
BYD = Entity("BYD", "Organization")
KOC = Entity("Koç Holding", "Organization")
ISTANBUL = Entity("Istanbul", "City")
MANISA = Entity("Manisa", "City")
TURKIYE = Entity("Türkiye", "Country", ("Turkey",))
CHINA = Entity("China", "Country")


def _sentence(text: str, needle: str) -> tuple[str, int, int]:
    start = text.index(needle)
    return needle, start, start + len(needle)


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    i = text.index(part, after)
    return (i, i + len(part))


def make_doc_a() -> Document:
    """A seed-like article: a role, a meeting, a money value, a date value, a merge."""
    doc = Document(
        text=TEXT_A,
        source="examples/a.txt",
        title="Türkiye courts Chinese EV makers",
        publisher="Xinhua",
        author="Staff",
        date="2024-01-05",
    )
    s1, a1, b1 = _sentence(TEXT_A, TEXT_A.split(". ")[0] + ".")
    s2, a2, b2 = _sentence(TEXT_A, "Türkiye and China had a trade volume of $38.55 billion in 2022.")
    s3, a3, b3 = _sentence(TEXT_A, "BYD will open a plant in Manisa in 2026.")
    money = Value("$38.55 billion", "money", 38.55e9, "USD")
    year = Value("2026", "date", date="2026")
    doc.entities = sorted(
        [KACIR, MINISTER, BYD, ISTANBUL, MANISA, TURKIYE, CHINA], key=lambda e: (e.type, e.label, e.aliases)
    )
    doc.triples = [
        Triple(KACIR, "holdsPosition", MINISTER, s1, a1, b1, 0.9, "apposition_role", doc.id,
               subject_span=_span(TEXT_A, "Mehmet Fatih Kacır"), object_span=_span(TEXT_A, "Industry and Technology Minister")),
        Triple(KACIR, "metWith", BYD, s1, a1, b1, 0.8, "svo_meet", doc.id,
               qualifiers=(("place", "Istanbul"), ("date", "2024-01-04")),
               subject_span=_span(TEXT_A, "Mehmet Fatih Kacır"), object_span=_span(TEXT_A, "BYD")),
        Triple(TURKIYE, "tradesWith", CHINA, s2, a2, b2, 0.7, "trade_pair", doc.id, qualifiers=(("date", "2022"),)),
        Triple(TURKIYE, "tradeValue", money, s2, a2, b2, 0.85, "trade_value", doc.id,
               qualifiers=(("date", "2022"),), object_span=_span(TEXT_A, "$38.55 billion")),
        Triple(BYD, "hasFacilityIn", MANISA, s3, a3, b3, 0.6, "facility", doc.id, hedge="will",
               subject_span=_span(TEXT_A, "BYD", a3), object_span=_span(TEXT_A, "Manisa")),
        Triple(BYD, "plannedStart", year, s3, a3, b3, 0.55, "planned_date", doc.id,
               object_span=_span(TEXT_A, "2026")),
    ]
    doc.merges = [
        Merge("Kacir", "Mehmet Fatih Kacır", "Person", "spelling variant (similarity 0.95)"),
        Merge("Turkey", "Türkiye", "Country", "known variant"),
    ]
    return doc


def make_doc_b() -> Document:
    """A second article sharing BYD and Istanbul with the first."""
    doc = Document(text=TEXT_B, source="examples/b.txt", title="BYD showroom")
    s1, a1, b1 = _sentence(TEXT_B, "BYD opened a showroom in Istanbul.")
    s2, a2, b2 = _sentence(TEXT_B, "BYD partners with Koç Holding.")
    doc.entities = [BYD, KOC, ISTANBUL]
    doc.entities.sort(key=lambda e: (e.type, e.label, e.aliases))
    doc.triples = [
        Triple(BYD, "hasFacilityIn", ISTANBUL, s1, a1, b1, 0.65, "facility", doc.id),
        Triple(BYD, "partnersWith", KOC, s2, a2, b2, 0.75, "svo_partner", doc.id),
    ]
    return doc



TEXT_C = (
    "BYD met Mehmet Fatih Kacır in Ankara. "
    "BYD will build a plant in Manisa. "
    "BYD partners with Koç Holding on batteries."
)


def make_doc_c() -> Document:
    """A third article repeating two facts of the first (one symmetric, reversed) and one of the second."""
    doc = Document(text=TEXT_C, source="examples/c.txt", title="BYD and Türkiye", date="2024-02-01")
    s1, a1, b1 = _sentence(TEXT_C, "BYD met Mehmet Fatih Kacır in Ankara.")
    s2, a2, b2 = _sentence(TEXT_C, "BYD will build a plant in Manisa.")
    s3, a3, b3 = _sentence(TEXT_C, "BYD partners with Koç Holding on batteries.")
    doc.entities = sorted([BYD, Entity("Mehmet Fatih Kacır", "Person"), MANISA, KOC], key=lambda e: (e.type, e.label))
    doc.triples = [
        Triple(BYD, "metWith", Entity("Mehmet Fatih Kacır", "Person"), s1, a1, b1, 0.8, "svo_meet", doc.id,
               qualifiers=(("place", "Ankara"),)),
        Triple(BYD, "hasFacilityIn", MANISA, s2, a2, b2, 0.6, "facility", doc.id, hedge="will"),
        Triple(BYD, "partnersWith", KOC, s3, a3, b3, 0.75, "svo_partner", doc.id),
    ]
    return doc
