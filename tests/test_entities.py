"""Collaboration entities across articles (pipeline/storage/entities.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pipeline.contract import Article, Extraction
from pipeline.storage.database import open_database
from pipeline.storage.entities import Mention, family, name_key, partners, resolve_group
from pipeline.storage.repository import save_article
from pipeline.storage.schema import collaboration_entities, collaborations

EVOLVE = ("Cleveland Police", "Durham Constabulary", "North Yorkshire Police")
KENT_ESSEX = ("Essex Police", "Kent Police")


class TestNameKey:
    @pytest.mark.parametrize(("name", "forces", "key"), [
        ("Kent and Essex Serious Crime Directorate", KENT_ESSEX, "serious crime directorate"),
        ("Serious Crime Directorate", KENT_ESSEX, "serious crime directorate"),
        ("the strategic alliance", KENT_ESSEX, None),
        ("Tri-Force", EVOLVE, None),
        ("BCH", ("Bedfordshire Police", "Cambridgeshire Constabulary", "Hertfordshire Constabulary"), None),
        ("Evolve", EVOLVE, "evolve"),
        (None, EVOLVE, None),
    ])
    def test_distinctive_words_only(self, name, forces, key):
        assert name_key(name, forces) == key


class TestFamily:
    @pytest.mark.parametrize(("text", "expected"), [
        ("the four Welsh forces would have become a single all-Wales force", "merger"),
        ("Plans to fold the City of London Police into the Metropolitan Police", "merger"),
        ("A full merger of Devon and Cornwall Police and Dorset Police", "merger"),
        ("Surrey and Sussex police to merge payroll and HR teams", "collaboration"),
        ("Merging the police control rooms of Norfolk and Suffolk", "collaboration"),
        ("talks about merging the two forces’ support services", "collaboration"),
        ("Home Office plans to merge the county's force with its neighbours in Bedfordshire and Essex", "merger"),
        ("the authority refused to agree to a voluntary merger with Surrey", "merger"),
        ("The eight forces being merged are Strathclyde, Lothian and Borders, Grampian and Tayside", "merger"),
        ("now that the country's eight forces have become one", "merger"),
        ("more limited mergers of smaller neighbours, such as Norfolk and Suffolk", "merger"),
        ("Essex and Kent forces agree to share - but insist it is not a merger", "collaboration"),
        ("he wants the six forces in the east of England reduced to two", "merger"),
        ("while Leicestershire, Lincolnshire and Northamptonshire formed a separate force", "merger"),
        ("officers from the two forces formed a joint team", "collaboration"),
    ])
    def test_a_merger_into_one_force_is_its_own_family(self, text, expected):
        assert family(text) == expected


SCOTTISH = ("Central Scotland Police", "Dumfries and Galloway Constabulary", "Fife Constabulary", "Grampian Police",
            "Lothian and Borders Police", "Northern Constabulary", "Strathclyde Police", "Tayside Police")


class TestPartners:
    @pytest.mark.parametrize(("forces", "fam", "expected"), [
        ((*SCOTTISH, "Police Scotland"), "merger", SCOTTISH),  # the successor is no partner
        (SCOTTISH, "merger", SCOTTISH),
        ((*SCOTTISH, "Police Scotland"), "collaboration", (*SCOTTISH, "Police Scotland")),
        (("British Transport Police", "Police Scotland"), "merger", ("British Transport Police", "Police Scotland")),
    ])
    def test_a_merger_leaves_out_the_force_the_others_merged_into(self, forces, fam, expected):
        assert partners(forces, fam) == expected


class TestResolveGroup:
    def test_names_aliases_and_unnamed_mentions(self):
        forces = ("Dyfed-Powys Police", "Gwent Police", "North Wales Police", "South Wales Police")
        got = resolve_group([
            Mention(1, "Wales Extremism and Counter Terrorism Unit", "shared service", forces),
            Mention(2, "WECTU", "shared service", forces),
            Mention(3, None, "agreement", forces),
            Mention(4, "the strategic alliance", "alliance", forces),
        ])
        assert got[1].key == got[2].key != got[3].key == got[4].key
        assert got[2].name == "Wales Extremism and Counter Terrorism Unit"
        assert got[3].key == "collaboration-dyfed-powys-gwent-north-wales-south-wales" and got[3].name is None

    def test_the_result_does_not_depend_on_the_order(self):
        mentions = [Mention(i, name, None, KENT_ESSEX) for i, name in
                    enumerate(["Serious Crime Directorate", None, "Kent and Essex Serious Crime Directorate", None])]
        assert resolve_group(mentions) == resolve_group(list(reversed(mentions)))


def article(text: str, forces: tuple[str, ...], name: str | None, published: str) -> tuple[Article, Extraction]:
    from datetime import date

    ex = Extraction(
        sentences=[{"idx": 0, "start_char": 0, "end_char": len(text), "text": text}],
        collaborations=[{"name": name, "type": "shared service", "stage": "operating", "forces": list(forces),
                         "sentence": 0, "start_char": 0, "end_char": len(text), "text": text}],
    )
    return Article(source=f"/{abs(hash(text))}.txt", text=text, title=None, published=date.fromisoformat(published)), ex


STORIES = [
    article("Evolve, run by Cleveland, Durham and North Yorkshire, saves money.", EVOLVE, "Evolve", "2014-01-02"),
    article("The Evolve programme grows.", EVOLVE, "Evolve", "2015-03-04"),
    article("Kent and Essex run a partnership.", KENT_ESSEX, None, "2015-05-06"),
    article("Their Serious Crime Directorate works.", KENT_ESSEX, "Serious Crime Directorate", "2016-07-08"),
]


def entities_of(url: str, order: list[int]) -> dict[str, tuple[str, str]]:
    engine, ref = open_database(url)
    with engine.begin() as conn:
        for i in order:
            save_article(conn, *STORIES[i], ref, "v1")
    with engine.connect() as conn:
        rows = conn.execute(
            select(collaborations.c.text, collaboration_entities.c.entity_key, collaborations.c.stage_date)
            .join(collaboration_entities, collaboration_entities.c.id == collaborations.c.entity_id)
        ).all()
    engine.dispose()
    return {r.text: (r.entity_key, r.stage_date.isoformat()) for r in rows}


class TestLinkArticle:
    def test_mentions_resolve_to_entities_with_their_dates(self, db_url):
        got = entities_of(db_url, [0, 1, 2, 3])
        assert got["The Evolve programme grows."] == ("evolve-cleveland-durham-north-yorkshire", "2015-03-04")
        assert got["Evolve, run by Cleveland, Durham and North Yorkshire, saves money."][0] == (
            "evolve-cleveland-durham-north-yorkshire")
        assert got["Kent and Essex run a partnership."][0] == "collaboration-essex-kent"
        assert got["Their Serious Crime Directorate works."][0] == "serious-crime-directorate-essex-kent"

    def test_the_stage_date_is_the_date_the_sentence_states(self, sqlite_url):
        engine, ref = open_database(sqlite_url)
        try:
            with engine.begin() as conn:
                save_article(conn, *article("Evolve went live in April 2012.", EVOLVE, "Evolve", "2014-01-02"), ref, "v1")
                assert conn.execute(select(collaborations.c.stage_date)).scalar().isoformat() == "2012-04-01"
        finally:
            engine.dispose()

    def test_independent_of_ingest_order_and_idempotent(self, tmp_path):
        forward = entities_of(f"sqlite:///{tmp_path / 'a.db'}", [0, 1, 2, 3])
        backward = entities_of(f"sqlite:///{tmp_path / 'b.db'}", [3, 2, 1, 0, 3, 2])
        assert forward == backward

    def test_an_entity_no_mention_refers_to_goes(self, sqlite_url):
        engine, ref = open_database(sqlite_url)
        text, ex = STORIES[3]
        with engine.begin() as conn:
            save_article(conn, text, ex, ref, "v1")
            save_article(conn, text, Extraction(sentences=ex.sentences), ref, "v2")  # re-extracted: no collaboration
            assert conn.execute(select(collaboration_entities.c.id)).all() == []
        engine.dispose()
