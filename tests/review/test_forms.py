"""Posted correction values: checked against the contract's labels and the gazetteer before storing."""

from __future__ import annotations

import pytest

from pipeline.review.forms import FIELDS, REQUIRED, Field, FormError, added_fact, changed_fields, parse_value


class TestParseValue:
    @pytest.mark.parametrize(("spec", "raw", "value"), [
        (Field("amount", "amount"), "£1,500,000", 1500000),
        (Field("amount", "amount"), "2.5", 2.5),
        (Field("hedged", "bool"), "true", True),
        (Field("hedged", "bool"), "", False),
        (Field("force", "force"), "Herts", "Hertfordshire Constabulary"),
        (Field("forces", "forces"), "Kent; the Met ;", ["Kent Police", "Metropolitan Police Service"]),
        (Field("forces", "forces"), "", []),
        (Field("period", "text"), " 2019-20 ", "2019-20"),
        (Field("period", "text"), "", None),
    ])
    def test_forms(self, spec, raw, value):
        assert parse_value(spec, raw) == value

    @pytest.mark.parametrize(("spec", "raw", "message"), [
        (Field("amount", "amount"), "lots", "not a number"),
        (Field("amount", "amount"), "-5", "negative"),
        (Field("role", "choice", ("chief_constable",)), "king", "not one of"),
        (Field("force", "force"), "Gotham PD", "not a force"),
    ])
    def test_refused(self, spec, raw, message):
        with pytest.raises(FormError, match=message):
            parse_value(spec, raw)


class TestChangedFields:
    def test_only_what_changed(self):
        current = {"name": "Jane Doe", "role": "chief_constable", "acting": False, "force": "Kent Police"}
        form = {"name": "Jane Doe", "role": "deputy_chief_constable", "acting": "false", "force": "Kent Police"}
        assert changed_fields("official", current, form) == [("role", "chief_constable", "deputy_chief_constable")]

    def test_a_required_value_cannot_be_emptied(self):
        with pytest.raises(FormError, match="required"):
            changed_fields("money", {"amount": 5, "kind": "savings"}, {"amount": ""})


class TestAddedFact:
    def test_money(self):
        fact = added_fact("money", {"money.amount": "2000000", "money.kind": "savings"}, "£2m")
        assert fact == {"amount": 2000000, "kind": "savings", "hedged": False, "period": None, "forces": [],
                        "amount_high": None, "currency": "GBP"}

    def test_a_force_named_by_its_words(self):
        assert added_fact("force", {}, "Herts Police")["name"] == "Hertfordshire Constabulary"

    @pytest.mark.parametrize("kind", sorted(FIELDS))
    def test_required_attributes_are_fields_of_the_kind(self, kind):
        names = {f.name for f in FIELDS[kind]}
        assert REQUIRED[kind] <= names
        assert all(f.choices for f in FIELDS[kind] if f.type == "choice")

    # a force is named by the selected words themselves; a collaboration needs no attribute
    @pytest.mark.parametrize("kind", sorted(k for k in FIELDS if REQUIRED[k] and k != "force"))
    def test_an_add_without_required_attributes_is_refused(self, kind):
        with pytest.raises(FormError, match="needs"):
            added_fact(kind, {}, "words")
