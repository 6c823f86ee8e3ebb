import pytest

from kg.values import find_money, find_quantities, parse_year


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


@pytest.mark.parametrize("text, found", [
    ("About 2 trillion won will be invested.", ["2 trillion won"]),
    ("a RM32 billion plan and a ₹7,300-crore plant", ["RM32 billion", "₹7,300-crore"]),
    ("C$15 billion, or 5.5 billion reais, or a 2.3-billion-baht plant", ["C$15 billion", "5.5 billion reais", "2.3-billion-baht"]),
    ("It sold 300 cars in 2024 and grew 45 percent.", []),
])
def test_find_money_marks_amounts_of_money_only(text, found):
    assert [text[a:b] for a, b in find_money(text)] == found


def test_find_quantities_marks_energy_and_mass():
    text = "no less than 25 gigawatt hours, 120,000 metric tons a year and 30 GWh, but not 45 cars"
    assert [text[a:b] for a, b in find_quantities(text)] == ["25 gigawatt hours", "120,000 metric tons", "30 GWh"]


def test_best_selling_is_a_first_rank():
    from kg.values import parse_rank

    assert parse_rank("world's best-selling carmaker").number == 1
    assert parse_rank("second best-selling brand").number == 2  # the first rank word wins


def test_a_month_without_a_year_takes_the_reference_year():
    from kg.values import parse_date

    assert parse_date("in April", 2024).date == "2024-04"
    assert parse_date("in April") is None  # no article date: no year to give it
    assert parse_date("last year", 2024).date == "2023"
