"""People across articles (pipeline/storage/people.py)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.contract import Article, Extraction
from pipeline.publish.export import article_documents
from pipeline.storage.database import open_database
from pipeline.storage.people import Seen, conflict, person_keys, resolve_people
from pipeline.storage.repository import save_article

KENT, ESSEX = "Kent Police", "Essex Police"


def seen(career: str | None, force: str | None, year: int | None) -> Seen:
    return Seen(career, force, date(year, 6, 1) if year else None)


class TestConflict:
    @pytest.mark.parametrize(("a", "b", "expected"), [
        (seen("police", KENT, 2010), seen("police", ESSEX, 2015), False),  # a career in policing
        (seen("elected", KENT, 2015), seen("police", ESSEX, 2015), True),  # two people the same year
        (seen("elected", KENT, 2015), seen("police", ESSEX, 2016), True),
        (seen("elected", KENT, 2012), seen("police", ESSEX, 2018), False),  # a change of career
        (seen("elected", KENT, 2015), seen("police", KENT, 2015), False),  # one force: one person
        (seen("elected", KENT, 2015), seen(None, ESSEX, 2015), False),  # a role of no career
        (seen("politician", None, 2015), seen("police", ESSEX, None), True),  # undated: kept apart
    ])
    def test_two_careers_in_two_forces_within_a_year(self, a, b, expected):
        assert conflict(a, b) is expected and conflict(b, a) is expected


class TestResolvePeople:
    def test_one_full_name_across_forces_is_one_person_unless_the_roles_conflict(self):
        rows = {
            "jane doe|Kent Police": ("Jane Doe", [seen("police", KENT, 2010)]),
            "jane doe|Essex Police": ("Jane Doe", [seen("police", ESSEX, 2015)]),
            "jane doe|": ("Jane Doe", [seen(None, None, 2016)]),
            "john roe|Kent Police": ("John Roe", [seen("elected", KENT, 2015)]),
            "john roe|Essex Police": ("John Roe", [seen("police", ESSEX, 2015)]),
        }
        got = resolve_people(rows)
        assert {got[k] for k in rows if k.startswith("jane")} == {"jane-doe"}
        assert got["john roe|Essex Police"] == "john-roe"  # its row key sorts first
        assert got["john roe|Kent Police"] == "john-roe-kent-police"

    def test_the_result_does_not_depend_on_the_order(self):
        rows = {f"ann lee|{f}": ("Ann Lee", [seen(c, f, 2015)]) for c, f in
                [("elected", KENT), ("police", ESSEX), ("staff", "Surrey Police"), (None, None)]}
        assert resolve_people(rows) == resolve_people(dict(reversed(rows.items())))


def official_article(text: str, force: str | None, role: str, published: str) -> tuple[Article, Extraction]:
    ex = Extraction(
        sentences=[{"idx": 0, "start_char": 0, "end_char": len(text), "text": text}],
        officials=[{"name": "Sara Thornton", "role": role, "acting": False, "force": force,
                    "sentence": 0, "start_char": 0, "end_char": len(text), "text": text}],
    )
    return Article(source=f"/{abs(hash(text))}.txt", text=text, title=None, published=date.fromisoformat(published)), ex


class TestPersonKeys:
    def test_a_chief_who_moves_force_is_one_person_in_the_export(self, sqlite_url):
        engine, ref = open_database(sqlite_url)
        try:
            with engine.begin() as conn:
                for text, force, published in [("Kent's chief Sara Thornton spoke.", KENT, "2010-01-01"),
                                               ("Essex chief Sara Thornton spoke.", ESSEX, "2015-01-01"),
                                               ("Sara Thornton spoke.", None, "2016-01-01")]:
                    save_article(conn, *official_article(text, force, "chief_constable", published), ref, "v1")
                assert len(set(person_keys(conn).values())) == 1
                ids = {o["person_id"] for d in article_documents(conn) for o in d["officials"]}
            assert ids == {"sara-thornton"}
        finally:
            engine.dispose()
