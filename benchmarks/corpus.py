"""Write N varied, deterministic news-style articles to a folder, for scale measurements.

Usage: python benchmarks/corpus.py --n 1000 --out /tmp/kg-corpus [--seed 7]

Every article is made from kg-independent templates and vocabulary (invented companies and
people, real countries and cities so the place typing has something to recognise); the
entities, relations, dates and numbers vary with the seed and the article number.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

COMPANIES = [
    "Norvale Motors", "Kestrel Battery", "Aurelia Steel", "Brightwater Energy", "Tamsin Auto",
    "Helion Cells", "Quorra Logistics", "Valtric Group", "Monsoon Semiconductors",
    "Pellucid Solar", "Granite Peak Mining", "Ostrava Electric", "Lumen Drive", "Sarava Chemicals",
    "Cobaltix", "Ferrovia Rail", "Meridian Shipping", "Zephyr Mobility", "Ardent Textiles",
    "Blue Harbor Foods", "Torrent Wind", "Nimbus Telecom", "Solenne Pharma", "Atlas Copperworks",
]
GIVEN = ["Maria", "Ahmet", "Li", "Priya", "Johan", "Amara", "Carlos", "Yuki", "Elena", "Tomasz",
         "Fatima", "Daniel", "Ingrid", "Kwame", "Sofia", "Rahul", "Mei", "Omar", "Hanna", "Diego"]
FAMILY = ["Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Novak", "Castillo", "Petrov",
          "Mensah", "Kowalski", "Sato", "Brandt", "Rahman", "Ferreira", "Ivanova", "Delgado",
          "Nakamura", "Osei", "Varga", "Jensen"]
# (country, demonym, capital, another city)
COUNTRIES = [
    ("Turkey", "Turkish", "Ankara", "Izmir"), ("Germany", "German", "Berlin", "Munich"),
    ("Brazil", "Brazilian", "Brasilia", "Sao Paulo"), ("India", "Indian", "New Delhi", "Chennai"),
    ("Japan", "Japanese", "Tokyo", "Nagoya"), ("Mexico", "Mexican", "Mexico City", "Monterrey"),
    ("Hungary", "Hungarian", "Budapest", "Debrecen"), ("Indonesia", "Indonesian", "Jakarta", "Surabaya"),
    ("Kenya", "Kenyan", "Nairobi", "Mombasa"), ("Poland", "Polish", "Warsaw", "Wroclaw"),
    ("Vietnam", "Vietnamese", "Hanoi", "Haiphong"), ("Morocco", "Moroccan", "Rabat", "Tangier"),
    ("Chile", "Chilean", "Santiago", "Antofagasta"), ("Egypt", "Egyptian", "Cairo", "Alexandria"),
    ("Thailand", "Thai", "Bangkok", "Rayong"), ("Canada", "Canadian", "Ottawa", "Windsor"),
]
PRODUCTS = ["electric vehicles", "lithium-ion batteries", "solar panels", "wind turbines",
            "steel coils", "semiconductors", "copper cathodes", "rail cars", "fertilisers", "vaccines"]
ROLES = ["Trade Minister", "Industry Minister", "Economy Minister", "Energy Minister",
         "Foreign Minister", "President", "Prime Minister"]
EXEC_ROLES = ["chief executive", "chairman", "chief financial officer", "head of operations"]
AGENCIES = ["Meridian Wire", "Continental Press", "Global Newsdesk", "Harbor Times"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORDINALS = ["largest", "second-largest", "third-largest", "fourth-largest", "fifth-largest"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _a(word: str) -> str:
    return ("an " if word[0] in "aeiouAEIOU" else "a ") + word


def _money(rng: random.Random) -> str:
    amount = rng.choice([rng.randint(12, 950), round(rng.uniform(1.1, 48.9), 2)])
    unit = "million" if isinstance(amount, int) else "billion"
    return f"{amount} {unit} U.S. dollars"


def article(i: int, seed: int = 7) -> str:
    """The text of article number i: a header block, a dateline and 5-9 paragraphs."""
    rng = random.Random(seed * 1_000_003 + i)
    home, partner = rng.sample(COUNTRIES, 2)
    company, rival, supplier = rng.sample(COMPANIES, 3)
    minister, ceo, analyst = _person(rng), _person(rng), _person(rng)
    role = rng.choice(ROLES)
    product = rng.choice(PRODUCTS)
    year = rng.randint(2019, 2025)
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    agency = rng.choice(AGENCIES)
    reporter = _person(rng)
    city = rng.choice(home[2:])
    jobs = rng.randrange(300, 12000, 50)
    capacity = rng.randrange(20, 900, 10) * 1000
    rate = rng.choice([10, 15, 20, 25, 30, 38, 40, 50])

    paragraphs = [
        f"{city.upper()}, {MONTHS[month][:3]}. {day} ({agency}) -- {role} {minister} of {home[0]} "
        f"visited {partner[2]} on {MONTHS[month]} {day}, {year}, where {minister.split()[1]} met "
        f"executives of {company} and {rival}.",
        f"{company} plans to build {_a(product)} plant in {rng.choice(home[2:])} with an annual "
        f"capacity of {capacity:,} units, {ceo}, the company's {rng.choice(EXEC_ROLES)}, said.",
        f"The company will invest {_money(rng)} in the project, which is expected to "
        f"create {jobs:,} jobs and start production in {year + rng.randint(1, 3)}.",
        f"Trade between {home[0]} and {partner[0]} reached {_money(rng)} in {year - 1}, making "
        f"{partner[0]} the {rng.choice(ORDINALS)} trading partner of {home[0]}.",
    ]
    optional = [
        f"Last year {home[0]} imposed a {rate} percent tariff on {product} imported from "
        f"{partner[0]}, a measure that {company} said it may challenge.",
        f"{company} signed a partnership agreement with {supplier}, {_a(rng.choice(COUNTRIES)[1])} "
        f"supplier of components based in {rng.choice(COUNTRIES)[2]}.",
        f"\"This investment shows our long-term commitment to {home[0]},\" {ceo} told reporters "
        f"in {partner[3]}.",
        f"{analyst}, an expert on {product} at the {rng.choice(['Institute', 'Centre'])} for "
        f"{rng.choice(['Trade', 'Industrial', 'Energy'])} Studies in {rng.choice(COUNTRIES)[2]}, "
        f"said the plant could make {home[0]} a regional hub.",
        f"{rival} sold {rng.randrange(5, 900) * 100:,} {product} in {partner[0]} in {year - 1}, "
        f"up {rng.randint(2, 60)} percent from a year earlier.",
        f"{role} {minister} also attended a business forum in {partner[3]} and held talks with "
        f"{partner[0]}'s {rng.choice(ROLES).lower()}.",
        f"{supplier} employs about {rng.randrange(200, 20000, 100):,} people and is "
        f"headquartered in {rng.choice(COUNTRIES)[3]}.",
    ]
    rng.shuffle(optional)
    paragraphs += optional[: rng.randint(1, 5)]
    title = f"{company} to build {product} plant in {home[0]} as {partner[0]} ties deepen"
    header = (f"Title: {title}\nPublisher: {agency}\nAuthor: {reporter}\n"
              f"Date: {year}-{month + 1:02d}-{day:02d}\n\n")
    return header + f"by {reporter}\n\n" + "\n\n".join(paragraphs) + "\n"


def articles(n: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(file name, text) for articles 0..n-1, generated lazily."""
    width = max(5, len(str(n)))
    for i in range(n):
        yield f"article-{i:0{width}d}.txt", article(i, seed)


def write_corpus(n: int, out: Path, seed: int = 7) -> list[Path]:
    """Write n articles into out (created if missing) and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles(n, seed):
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = write_corpus(args.n, args.out, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"$ python benchmarks/corpus.py --n {args.n} --out {args.out} --seed {args.seed}")
    print(f"wrote {len(paths)} articles, {words:,} words, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
