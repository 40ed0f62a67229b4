"""Overview charts (filled in by the charts slice)."""

from __future__ import annotations

MONEY_GROUPINGS = ("force", "collaboration")
CHARTS: dict = {}
