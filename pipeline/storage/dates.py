"""The date a sentence states for what it tells ('went live in April 2012', 'signed last year', 'from 1 April'),
read relative to the article's publication date: the stage date of a collaboration mention.

Candidates are found by pattern, so that only a date phrase is read: a month with a day or a year, or
after a preposition ('in April'); a year after a preposition ('since 2011'), never one half of a
financial year ('2019/20', '2019-20'); a relative phrase ('last year', 'earlier this month',
'yesterday', 'on Tuesday'). dateparser (English only, the publication date as its base, a day with
no year in the publication's year, the first day of a month or year when none is given) reads each candidate; the first it
reads is the date (one after 'since' or 'formed' only for a collaboration in operation). The prepositions are
``date_prepositions`` of ``models/collaboration_entities.json``.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, datetime
from functools import lru_cache

from pipeline.config import models_dir

MONTHS = "|".join(sorted({*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"}, key=len, reverse=True))
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?<![\d/£$.,-])(?:19[5-9]\d|20[0-4]\d)(?![\d%]|\s*/\s*\d|-\d)"
WEEKDAYS = "|".join(calendar.day_name)


@lru_cache(maxsize=1)
def words() -> dict:
    return json.loads((models_dir() / "collaboration_entities.json").read_text(encoding="utf-8"))


def prepositions() -> str:
    return "|".join(words()["date_prepositions"])


@lru_cache(maxsize=1)
def founding() -> re.Pattern:
    """'since', or a word of founding a few words before a date: the date something began."""
    return re.compile(rf"(?:\b(?:{'|'.join(words()['founding_words'])})\b[^.;,]{{0,20}}|^since\b)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def candidates() -> re.Pattern:
    prep = prepositions()
    month = rf"\b(?:{MONTHS})\b\.?"
    forms = [
        rf"\b{DAY}\s+(?:of\s+)?{month}(?:,?\s+{YEAR})?",  # '1 April', '1st of April 2012'
        rf"{month}\s+{DAY}(?:st|nd|rd|th)?,?\s+{YEAR}",  # 'April 1, 2012'
        rf"{month},?\s+{YEAR}",  # 'April 2012'
        rf"\b(?:{prep})\s+(?:{DAY}\s+)?{month}(?:\s+{DAY}\b)?(?:,?\s+{YEAR})?",  # 'in April', 'by March 2016'
        rf"\b(?:{prep})\s+(?:the\s+(?:start|end|spring|summer|autumn|winter)\s+of\s+)?{YEAR}",  # 'since 2011'
        r"\b(?:last|next|this)\s+(?:year|month|week)\b|\byesterday\b",
        rf"\b(?:on|last)\s+(?:{WEEKDAYS})\b",
    ]
    return re.compile("|".join(f"(?:{f})" for f in forms), re.IGNORECASE)


def stated_date(sentence: str, published: date | None, stage: str | None = None) -> date | None:
    """The first date the sentence states, read relative to ``published`` (today when unknown), or None.
    A date after 'since' or a word of founding ('formed in 2013') is when something began: the date of the
    ``stage`` 'operating' only ('pulling out of the alliance the forces have run since 2013' did not end then)."""
    import dateparser  # slow to import: only when a sentence is read

    base = datetime.combine(published or date.today(), datetime.min.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "current_period", "PREFER_DAY_OF_MONTH": "first",
                "PREFER_MONTH_OF_YEAR": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    for match in candidates().finditer(sentence):
        began = founding().search(sentence[:match.start()]) or match.group(0).lower().startswith("since")
        if began and stage != "operating":
            continue
        phrase = re.sub(rf"^(?:(?:{prepositions()}|on)\s+)?(?:the\s+\w+\s+of\s+)?", "", match.group(0), flags=re.IGNORECASE)
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
        if parsed is not None:
            return parsed.date()
    return None
