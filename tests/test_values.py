from kg.values import parse_year


def test_a_year_stands_apart_from_digits_not_letters():
    assert parse_year("founded in 1886") == "1886"
    assert parse_year("FY2023 results") == "2023"
    assert parse_year("the 1990s") == "1990"
    assert parse_year("2023-24") == "2023"
    assert parse_year("2024-01-05") == "2024"


def test_no_year():
    assert parse_year("12024 units") is None
    assert parse_year("1750") is None
    assert parse_year("next year") is None
