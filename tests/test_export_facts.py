"""Every contract field survives storage and export, with its provenance."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.contract import Article, Extraction
from pipeline.storage.database import open_database
from pipeline.storage.repository import save_article

TEXT = (
    "Kent Police and Essex Police will share custody, saving £2.5m.\n\n"
    'Chief Constable Alan Pughsley said: "There will be no redundancies."'
)


def span(text: str, sentence: int = 0) -> dict:
    start = TEXT.index(text)
    return {"start_char": start, "end_char": start + len(text), "text": text, "sentence": sentence}


def extraction() -> Extraction:
    second = TEXT.split("\n\n")[1]
    return Extraction(
        sentences=[{"idx": i, **span(s, i)} for i, s in enumerate(TEXT.split("\n\n"))],
        force_mentions=[{"force": "Kent Police", **span("Kent Police")}, {"force": "Essex Police", **span("Essex Police")}],
        officials=[{"name": "Alan Pughsley", "role": "chief_constable", "acting": False, "force": "Kent Police",
                    **span("Alan Pughsley", 1)}],
        quotes=[{"speaker": "Alan Pughsley", **span("There will be no redundancies.", 1)}],
        collaborations=[{"name": None, "type": "shared service", "stage": "agreed", "forces": ["Kent Police", "Essex Police"],
                         **span(TEXT.split("\n\n")[0])}],
        functions=[{"function": "custody", "status": "shared", **span("custody")}],
        money=[
            {"amount": 2500000, "amount_high": None, "currency": "GBP", "kind": "savings", "hedged": False,
             "period": "2015-16", "period_start": "2015-04-01", "period_end": "2016-03-31",
             "forces": ["Kent Police", "Essex Police"], **span("£2.5m")},
            {"amount": 2500000, "currency": "GBP", "kind": "savings", "hedged": False, "forces": [], **span("£2.5m")},
        ],
        job_concerns=[{"stance": "ruled_out", "speaker": "Alan Pughsley", **span(second, 1)}],
    )


def test_all_fields_round_trip(db_url):
    engine, ref = open_database(db_url)
    with engine.begin() as conn:
        save_article(conn, Article("/kent.txt", TEXT, None), extraction(), ref, "v")
    out = CliRunner().invoke(main, ["export", "--db", db_url])
    (doc,) = json.loads(out.stdout)
    assert doc["officials"] == [{"name": "Alan Pughsley", "role": "chief_constable", "acting": False, "force": "Kent Police",
                                 "person_id": "alan-pughsley",
                                 "text": "Alan Pughsley", "sentence": 1, "start": TEXT.index("Alan"),
                                 "end": TEXT.index("Alan") + 13}]
    (money,) = doc["money"]  # a figure repeated with the same kind is one item
    assert (money["amount"], money["kind"], money["period"], money["forces"]) == (
        2500000, "savings", "2015-16", ["Essex Police", "Kent Police"])
    assert TEXT[money["start"] : money["end"]] == money["text"] == "£2.5m"
    assert doc["functions"] == [{"function": "custody", "status": "shared", "text": "custody", "sentence": 0,
                                 "start": TEXT.index("custody"), "end": TEXT.index("custody") + 7}]
    (job,) = doc["job_concerns"]
    assert (job["stance"], job["speaker"], job["sentence"]) == ("ruled_out", "Alan Pughsley", 1)
    (collab,) = doc["collaborations"]
    assert (collab["forces"], collab["type"], collab["stage"]) == (["Essex Police", "Kent Police"], "shared service", "agreed")
    assert collab["collaboration_id"] == "collaboration-essex-kent"


def test_people_are_shared_across_articles(db_url):
    from sqlalchemy import func, select

    from pipeline.storage.schema import official_mentions, people

    engine, ref = open_database(db_url)
    with engine.begin() as conn:
        save_article(conn, Article("/a.txt", TEXT, None), extraction(), ref, "v")
        save_article(conn, Article("/b.txt", TEXT + " ", None), extraction(), ref, "v")
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(people)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(official_mentions)).scalar_one() == 2
