"""Re-export of kg.values, where the value parsers live (shared with eval, below spaCy)."""

from kg.values import (  # noqa: F401
    parse_date,
    parse_money,
    parse_number,
    parse_percent,
    parse_quantity,
    parse_rank,
)
