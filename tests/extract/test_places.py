from kg.extract.places import fold, gazetteer


def test_fold_is_turkish_aware_and_diacritic_insensitive():
    assert fold("İSTANBUL") == fold("Istanbul") == "istanbul"
    assert fold("Kacır") == fold("Kacir")
    assert fold("Çolakoğlu") == "colakoglu"


def test_country_names_and_variants_share_one_label():
    g = gazetteer()
    assert g.country("Turkey") == g.country("Türkiye") == g.country("Republic of Türkiye")
    assert g.country("U.S.") == g.country("United States")
    assert g.country("Czech Republic") == g.country("Czechia")
    assert g.country("Ankara") is None


def test_demonyms_map_to_countries():
    g = gazetteer()
    assert g.demonym("Chinese") == g.country("China")
    assert g.demonym("German") == g.country("Germany")
    assert g.demonym("American") == g.country("United States")
    assert g.demonym("Banana") is None


def test_cities_and_regions():
    g = gazetteer()
    assert g.city("Shenzhen") == "Shenzhen"
    assert g.city("Manisa") == "Manisa"
    assert g.city("Germany") is None  # a country, never a city
    assert g.region("Europe") == "Europe"


def test_a_plural_country_name_gives_its_adjective():
    g = gazetteer()
    assert g.demonym("Philippine") == g.country("Philippines")  # "Philippine President X"
    assert g.demonym("Netherland") == g.country("Netherlands")
    assert g.demonym("Rive") is None  # too short to guess


def test_a_real_city_name_beats_another_city_s_alternate_name():
    g = gazetteer()
    # Post Falls, Idaho, lists "Marshall" among its alternate names
    assert g.city("Marshall") == "Marshall"
    assert g.city("Kiev") == g.city("Kyiv")  # a spelling of the same name still maps


def test_iso_codes_are_not_country_names_but_common_abbreviations_are():
    g = gazetteer()
    assert g.country("GM") is None  # General Motors, not Gambia
    assert g.country("US") == g.country("United States")
    assert g.country("UAE") == g.country("United Arab Emirates")


def test_the_adjective_of_a_stan_country_is_its_stem():
    from kg.extract.places import gazetteer

    g = gazetteer()
    assert [g.demonym(w) for w in ("Kazakh", "Uzbek", "Tajik", "Turkmen")] == [
        "Kazakhstan", "Uzbekistan", "Tajikistan", "Turkmenistan"]
    assert g.demonym("Kazak") is None


def test_a_province_in_an_article_about_its_country_is_the_province(extractor):
    from .helpers import extract_text, facts

    f = facts(extract_text(extractor, "Honda will invest C$15 billion in Ontario, Canada, including a battery "
                           "plant in Alliston.\n"))
    assert ("Ontario", "locatedIn", "Canada") in f, f
    types = {e.label: e.type for e in extract_text(extractor, "Orvik Motors opened an office in Ontario, Canada.\n").entities}
    assert types.get("Ontario") == "Region", types
    # an American story's New York stays the city
    types = {e.label: e.type for e in extract_text(
        extractor, "Orvik Motors opened an office in New York, United States, and listed in New York.\n").entities}
    assert types.get("New York", "City") in ("City", "Place"), types


def test_a_province_after_a_town_is_the_province(extractor):
    mentions = extractor.nlp("Norvik Motors is building a gigafactory in Windsor, Ontario.")._.kg_mentions
    assert {m.type for m in mentions if m.text == "Ontario"} == {"Region"}


def test_a_state_wins_over_a_town_that_only_goes_by_its_name():
    gaz = gazetteer()
    assert gaz.city("Bahia") is None and gaz.subdivision("Bahia") == "Bahia"
    assert gaz.city("Salta") == "Salta"  # a town of that very name stays a town
    assert gaz.city("Gdansk") == "Gdańsk"  # a spelling of a town's own name stays
