"""The attributes a reviewer may correct or give an added fact, and how a posted form value becomes one.

Values are checked against the contract's vocabularies and the force gazetteer before anything is stored,
so a correction never writes a label the exports and the scorer do not know.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.contract import COLLABORATION_STAGES, FUNCTION_STATUSES, FUNCTIONS, JOB_STANCES, MONEY_KINDS, ROLES
from pipeline.gazetteer import resolve_force_name


class FormError(ValueError):
    """A posted value that is not allowed; the message names the field."""


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # choice, force, forces, bool, amount, text
    choices: tuple[str, ...] = ()


FIELDS: dict[str, tuple[Field, ...]] = {
    "force": (Field("name", "force"),),
    "official": (Field("name", "text"), Field("role", "choice", ROLES), Field("acting", "bool"), Field("force", "force")),
    "money": (Field("amount", "amount"), Field("kind", "choice", MONEY_KINDS), Field("hedged", "bool"),
              Field("period", "text"), Field("forces", "forces")),
    "function": (Field("function", "choice", FUNCTIONS), Field("status", "choice", FUNCTION_STATUSES)),
    "job_concern": (Field("stance", "choice", JOB_STANCES), Field("speaker", "text")),
    "collaboration": (Field("name", "text"), Field("type", "text"), Field("stage", "choice", COLLABORATION_STAGES),
                      Field("forces", "forces")),
}
REQUIRED = {"force": {"name"}, "official": {"name", "role"}, "money": {"amount", "kind"},
            "function": {"function", "status"}, "job_concern": {"stance"}, "collaboration": set()}


def _force(raw: str, label: str) -> str:
    name = resolve_force_name(raw)
    if name is None:
        raise FormError(f"{label}: {raw!r} is not a force the gazetteer knows")
    return name


def parse_value(spec: Field, raw: str) -> Any:
    """The typed value of one posted field (None for an empty optional one); FormError when not allowed."""
    raw = raw.strip()
    if spec.type == "bool":
        return raw.lower() in {"true", "1", "on", "yes"}
    if not raw:
        return [] if spec.type == "forces" else None
    if spec.type == "choice":
        if raw not in spec.choices:
            raise FormError(f"{spec.name}: {raw!r} is not one of {', '.join(spec.choices)}")
        return raw
    if spec.type == "force":
        return _force(raw, spec.name)
    if spec.type == "forces":
        return sorted({_force(part, spec.name) for part in raw.split(";") if part.strip()})
    if spec.type == "amount":
        try:
            amount = float(raw.replace(",", "").replace("£", ""))
        except ValueError:
            raise FormError(f"amount: {raw!r} is not a number") from None
        if amount < 0:
            raise FormError("amount: must not be negative")
        return int(amount) if amount.is_integer() else amount
    return raw


def form_value(value: Any) -> str:
    """A fact's attribute as the form shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def changed_fields(kind: str, current: dict, form: dict[str, str]) -> list[tuple[str, Any, Any]]:
    """(field, old value, new value) for each attribute the reviewer changed."""
    out = []
    for spec in FIELDS[kind]:
        if spec.name not in form:
            continue
        new = parse_value(spec, form[spec.name])
        old = current.get(spec.name)
        if spec.name in REQUIRED[kind] and new in (None, []):
            raise FormError(f"{spec.name}: a value is required")
        if form_value(new) != form_value(old):
            out.append((spec.name, old, new))
    return out


def added_fact(kind: str, form: dict[str, str], evidence: str) -> dict:
    """The attributes of a fact the reviewer adds (fields named ``<kind>.<attribute>``)."""
    fact: dict[str, Any] = {}
    for spec in FIELDS[kind]:
        fact[spec.name] = parse_value(spec, form.get(f"{kind}.{spec.name}", ""))
    if kind == "force" and not fact["name"]:
        fact["name"] = resolve_force_name(evidence)
    missing = [name for name in sorted(REQUIRED[kind]) if fact.get(name) in (None, [])]
    if missing:
        raise FormError(f"a {kind.replace('_', ' ')} needs {', '.join(missing)}")
    if kind == "money":
        fact.update(amount_high=None, currency="GBP")
    if kind == "force":
        fact["mentions"] = 1
    return fact
