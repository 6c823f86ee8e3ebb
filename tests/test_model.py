import json

from kg.model import ENTITY_TYPES, Entity, Kind


def test_a_kind_is_its_plain_string_everywhere():
    assert Kind.ORGANIZATION == "Organization"
    assert hash(Kind.ORGANIZATION) == hash("Organization")
    assert str(Kind.ORGANIZATION) == f"{Kind.ORGANIZATION}" == "Organization"
    assert json.dumps({Kind.PERSON: Kind.PERSON}) == '{"Person": "Person"}'
    assert Entity("Acme", Kind.ORGANIZATION).key == Entity("Acme", "Organization").key


def test_entity_types_are_the_kinds_as_plain_strings_in_their_order():
    assert ENTITY_TYPES == ("Person", "Organization", "Country", "City", "Region", "Place",
                            "Product", "Event", "Role", "Concept")
    assert all(type(name) is str for name in ENTITY_TYPES)
    assert set(ENTITY_TYPES) == set(Kind)
