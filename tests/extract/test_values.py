from kg.extract.values import (
    parse_date,
    parse_money,
    parse_number,
    parse_percent,
    parse_rank,
)


def test_money_with_currency_words_and_symbols():
    assert parse_money("38.55 billion U.S. dollars").number == 38.55e9
    assert parse_money("38.55 billion U.S. dollars").unit == "USD"
    assert parse_money("$1.2 billion").number == 1.2e9
    assert parse_money("€500 million").unit == "EUR"
    assert parse_money("3 billion yuan").unit == "CNY"


def test_numbers_words_and_thousands():
    assert parse_number("300,000 vehicles") == 300000
    assert parse_number("eight") == 8
    assert parse_number("2.4bn") == 2.4e9
    assert parse_percent("45 percent").number == 45


def test_dates_to_iso_prefix():
    assert parse_date("December 2023").date == "2023-12"
    assert parse_date("Jan. 5, 2024").date == "2024-01-05"
    assert parse_date("by the end of 2022").date == "2022"
    assert parse_date("last year", reference_year=2024).date == "2023"
    assert parse_date("the coming years") is None


def test_ranks():
    assert parse_rank("third-largest trading partner").number == 3
    assert parse_rank("2nd biggest market").number == 2
    assert parse_rank("largest exporter").number == 1
    assert parse_rank("trading partner") is None


def test_dollars_of_other_countries_keep_their_currency():
    assert parse_money("18 billion Australian dollars").unit == "AUD"
    assert parse_money("13 billion Canadian dollars").unit == "CAD"
    assert parse_money("A$2 billion").unit == "AUD"
    assert parse_money("5.8 billion dollars").unit == "USD"
    assert parse_money("300 million Swiss francs").unit == "CHF"
