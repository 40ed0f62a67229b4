"""The review window's routes through Starlette's TestClient: pages, highlights, escaping, CSRF, token,
corrections (accept, reject, correct, add), conflicts, and the exports that read the corrections."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from lxml import html
from sqlalchemy import func, select
from starlette.testclient import TestClient

from pipeline.ingest.runner import ingest
from pipeline.publish.export import export_json
from pipeline.review.app import TOKEN_COOKIE, create_app
from pipeline.storage.corrections import CONFLICT_MESSAGE
from pipeline.storage.database import open_database
from pipeline.storage.schema import articles, corrections, money_figures, reviewed_articles


@pytest.fixture
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


def _ids(db: str) -> dict[str, int]:
    engine, _ = open_database(db)
    with engine.connect() as conn:
        return {Path(p).name: i for i, p in conn.execute(select(articles.c.id, articles.c.source_path))}


def _article_id(db: str, name: str) -> int:
    return _ids(db)[name]


def _listed(client: TestClient, url: str) -> set[int]:
    return {int(r.get("data-article")) for r in html.fromstring(client.get(url).text).cssselect("tr[data-article]")}


def _csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def _facts(page: str) -> list[dict]:
    """Each fact of the list on an article page: id, kind, offsets, version, state."""
    tree = html.fromstring(page)
    out = []
    for li in tree.cssselect("li.fact-item"):
        form = li.cssselect("form.verdict")[0]
        values = {i.get("name"): i.get("value") for i in form.cssselect("input[type=hidden]")}
        out.append({"id": li.get("id"), "kind": values["fact_kind"], "start": int(values["start"]), "end": int(values["end"]),
                    "version": int(values["version"]), "state": li.get("data-state")})
    return out


def _export(db: str) -> dict[int, dict]:
    engine, _ = open_database(db)
    out = io.StringIO()
    export_json(engine, out)
    return {d["article"]["id"]: d for d in json.loads(out.getvalue())}


def _post_fact(client: TestClient, aid: int, fact: dict, action: str, csrf: str, **fields) -> object:
    data = {"csrf": csrf, "action": action, "fact_kind": fact["kind"], "start": fact["start"], "end": fact["end"],
            "version": fact["version"], **fields}
    return client.post(f"/articles/{aid}/facts", data=data, follow_redirects=False)


class TestIndex:
    def test_lists_every_article_with_its_counts(self, client, db):
        page = client.get("/")
        assert page.status_code == 200
        tree = html.fromstring(page.text)
        rows = tree.cssselect("tr[data-article]")
        assert len(rows) == len(_ids(db))
        engine, _ = open_database(db)
        with engine.connect() as conn:
            per_article = select(money_figures.c.article_id, func.count()).group_by(money_figures.c.article_id)
            money = dict(conn.execute(per_article).all())
        for row in rows:
            cell = row.cssselect('td[data-kind="money"]')[0]
            assert int(cell.text) == money.get(int(row.get("data-article")), 0)

    @pytest.mark.parametrize(("params", "expected"), [
        ({"q": "pwned firearms"}, {"900_script_article.txt"}),
        ({"q": "FIREARMS"}, None),  # case-insensitive; at least the script article
        ({"q": "%"}, set()),  # a plain character, not a wildcard
        ({"q": "window.pwned"}, {"900_script_article.txt"}),
        ({"force": "Cheshire Constabulary"}, {"105_cheshire_merseyside_next_stage.txt"}),
        ({"from": "2016-01-01", "to": "2016-12-31"}, None),
    ])
    def test_search_and_filters(self, client, db, params, expected):
        tree = html.fromstring(client.get("/", params=params).text)
        shown = {int(r.get("data-article")) for r in tree.cssselect("tr[data-article]")}
        names = {name for name, i in _ids(db).items() if i in shown}
        if expected is not None:
            assert names == expected
        elif "q" in params:
            assert "900_script_article.txt" in names
        else:
            engine, _ = open_database(db)
            with engine.connect() as conn:
                dated = set(conn.execute(select(articles.c.id).where(articles.c.published_at.between("2016-01-01",
                                                                                                   "2016-12-31"))).scalars())
            assert shown == dated and shown

    def test_has_money_has_jobs_and_not_reviewed(self, client, db):
        every = set(_ids(db).values())
        with_money = _listed(client, "/?money=1")
        engine, _ = open_database(db)
        with engine.connect() as conn:
            assert with_money == set(conn.execute(select(money_figures.c.article_id).distinct()).scalars())
        assert len(_listed(client, "/?jobs=1")) < len(every)
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        page = client.get(f"/articles/{aid}").text
        assert client.post(f"/articles/{aid}/reviewed", data={"csrf": _csrf(page)}).status_code == 200
        left = _listed(client, "/?unreviewed=1")
        assert left == every - {aid}

    def test_pages(self, client, db, monkeypatch):
        monkeypatch.setattr("pipeline.review.queries.PAGE_SIZE", 2)
        monkeypatch.setattr("pipeline.review.app.PAGE_SIZE", 2)
        seen = []
        for number in (1, 2, 3):
            tree = html.fromstring(client.get("/", params={"page": number}).text)
            seen += [r.get("data-article") for r in tree.cssselect("tr[data-article]")]
        assert sorted(seen) == sorted(str(i) for i in _ids(db).values())
        assert 'rel="next"' in client.get("/?page=1").text

    def test_a_bad_date_is_a_clear_400(self, client):
        page = client.get("/?from=yesterday")
        assert page.status_code == 400 and "YYYY-MM-DD" in page.text


class TestArticlePage:
    def test_every_highlight_is_at_its_offsets(self, client, db):
        engine, _ = open_database(db)
        for name, aid in _ids(db).items():
            with engine.connect() as conn:
                text = conn.execute(select(articles.c.text).where(articles.c.id == aid)).scalar_one()
            tree = html.fromstring(client.get(f"/articles/{aid}").text)
            body = tree.get_element_by_id("text")
            assert body.text_content() == text, name  # the text, whole and unchanged
            pieces: dict[tuple, str] = {}
            for mark in body.cssselect("mark.fact"):
                key = (mark.get("data-fact"), int(mark.get("data-start")), int(mark.get("data-end")))
                pieces[key] = pieces.get(key, "") + mark.text_content()
            assert pieces, name
            for (_fact, start, end), joined in pieces.items():
                assert joined == text[start:end], (name, _fact)
            listed = {f["id"] for f in _facts(client.get(f"/articles/{aid}").text)}
            assert {k[0] for k in pieces} <= listed

    def test_every_kind_is_listed(self, client, db):
        facts = _facts(client.get(f"/articles/{_article_id(db, '101_evolve_specialist_ops.txt')}").text)
        assert {f["kind"] for f in facts} >= {"force", "official", "money", "function", "collaboration"}

    def test_missing_article_is_404(self, client):
        assert client.get("/articles/99999").status_code == 404

    def test_script_and_onerror_show_as_text(self, client, db):
        page = client.get(f"/articles/{_article_id(db, '900_script_article.txt')}")
        tree = html.fromstring(page.text)
        assert [s.get("src") for s in tree.iter("script")] == ["/static/review.js"]
        assert not [e for e in tree.iter() if any(a.lower().startswith("on") for a in e.attrib)]
        assert tree.cssselect("img") == []
        assert "<script>window.pwned" in tree.get_element_by_id("text").text_content()
        assert "script-src 'self'" in page.headers["content-security-policy"]


class TestCsrf:
    @pytest.mark.parametrize("token", [None, "", "forged"])
    @pytest.mark.parametrize("path", ["/articles/{aid}/facts", "/articles/{aid}/add", "/articles/{aid}/reviewed", "/reviewer"])
    def test_a_post_without_the_token_is_refused(self, client, db, token, path):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        fact = _facts(client.get(f"/articles/{aid}").text)[0]
        data = {"action": "reject", "fact_kind": fact["kind"], "start": fact["start"], "end": fact["end"], "version": 0}
        if token is not None:
            data["csrf"] = token
        assert client.post(path.format(aid=aid), data=data).status_code == 403
        engine, _ = open_database(db)
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(corrections)).scalar_one() == 0
            assert conn.execute(select(func.count()).select_from(reviewed_articles)).scalar_one() == 0

    def test_another_sessions_token_is_refused(self, db):
        app = create_app(db)
        first, second = TestClient(app), TestClient(app)
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        csrf = _csrf(first.get(f"/articles/{aid}").text)
        second.get(f"/articles/{aid}")
        assert second.post(f"/articles/{aid}/reviewed", data={"csrf": csrf}).status_code == 403


class TestToken:
    def test_no_token_is_401(self, db):
        assert TestClient(create_app(db, token="s3cret")).get("/").status_code == 401

    def test_query_once_then_cookie(self, db):
        client = TestClient(create_app(db, token="s3cret"))
        first = client.get("/?token=s3cret&q=unit", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/?q=unit"
        assert TOKEN_COOKIE in first.cookies
        assert client.get("/overview").status_code == 200  # the cookie from now on

    @pytest.mark.parametrize(("header", "status"), [("Bearer s3cret", 200), ("Bearer wrong", 401), ("s3cret", 401)])
    def test_bearer_header(self, db, header, status):
        client = TestClient(create_app(db, token="s3cret"))
        assert client.get("/", headers={"Authorization": header}).status_code == status

    def test_wrong_query_token_is_401(self, db):
        assert TestClient(create_app(db, token="s3cret")).get("/?token=guess").status_code == 401

    def test_static_files_need_it_too(self, db):
        assert TestClient(create_app(db, token="s3cret")).get("/static/review.js").status_code == 401


class TestFactVerdicts:
    def test_reject_drops_it_from_the_export_and_marks_reviewed(self, client, db):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        page = client.get(f"/articles/{aid}").text
        money = next(f for f in _facts(page) if f["kind"] == "money")
        done = _post_fact(client, aid, money, "reject", _csrf(page))
        assert done.status_code == 303 and done.headers["location"].endswith(f"#{money['id']}")
        after = client.get(f"/articles/{aid}").text
        assert next(f for f in _facts(after) if f["id"] == money["id"])["state"] == "rejected"
        assert (money["start"], money["end"]) not in {(m["start"], m["end"]) for m in _export(db)[aid]["money"]}
        assert "not yet reviewed" not in after
        restored = next(f for f in _facts(after) if f["id"] == money["id"])
        _post_fact(client, aid, restored, "accept", _csrf(after))
        assert (money["start"], money["end"]) in {(m["start"], m["end"]) for m in _export(db)[aid]["money"]}

    def test_correct_a_role(self, client, db):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        page = client.get(f"/articles/{aid}").text
        official = next(f for f in _facts(page) if f["kind"] == "official")
        done = _post_fact(client, aid, official, "correct", _csrf(page), role="assistant_chief_constable")
        assert done.status_code == 303
        exported = next(o for o in _export(db)[aid]["officials"] if o["start"] == official["start"])
        assert exported["role"] == "assistant_chief_constable" and exported["corrected"] is True
        after = client.get(f"/articles/{aid}").text
        assert next(f for f in _facts(after) if f["id"] == official["id"])["state"] == "corrected"
        engine, _ = open_database(db)
        with engine.connect() as conn:
            row = conn.execute(select(corrections)).one()
        assert (row.action, row.field, json.loads(row.new_value)) == ("correct", "role", "assistant_chief_constable")

    def test_correct_a_money_figure_kind_and_amount(self, client, db):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        page = client.get(f"/articles/{aid}").text
        money = next(f for f in _facts(page) if f["kind"] == "money")
        assert _post_fact(client, aid, money, "correct", _csrf(page), kind="budget", amount="£2,500,000").status_code == 303
        exported = next(m for m in _export(db)[aid]["money"] if m["start"] == money["start"])
        assert (exported["kind"], exported["amount"], exported["corrected"]) == ("budget", 2500000, True)
        engine, _ = open_database(db)
        with engine.connect() as conn:
            assert sorted(conn.execute(select(corrections.c.field, corrections.c.version)).all()) == [("amount", 1), ("kind", 2)]

    @pytest.mark.parametrize(("kind", "fields", "message"), [
        ("money", {"kind": "pocket_money"}, "not one of"),
        ("official", {"role": "emperor"}, "not one of"),
        ("money", {"amount": "lots"}, "not a number"),
        ("money", {"forces": "Atlantis Police"}, "not a force"),
    ])
    def test_a_bad_value_is_refused_and_nothing_stored(self, client, db, kind, fields, message):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        page = client.get(f"/articles/{aid}").text
        fact = next(f for f in _facts(page) if f["kind"] == kind)
        done = _post_fact(client, aid, fact, "correct", _csrf(page), **fields)
        assert done.status_code == 400 and message in done.text
        engine, _ = open_database(db)
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(corrections)).scalar_one() == 0
            assert conn.execute(select(func.count()).select_from(reviewed_articles)).scalar_one() == 0

    def test_two_reviewers_on_one_fact_the_second_gets_a_conflict(self, db):
        app = create_app(db)
        alice, bob = TestClient(app), TestClient(app)
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        alice_page, bob_page = alice.get(f"/articles/{aid}").text, bob.get(f"/articles/{aid}").text
        fact = next(f for f in _facts(alice_page) if f["kind"] == "official")
        assert _post_fact(alice, aid, fact, "correct", _csrf(alice_page), role="police_staff").status_code == 303
        clash = _post_fact(bob, aid, fact, "correct", _csrf(bob_page), role="politician")
        assert clash.status_code == 409
        assert CONFLICT_MESSAGE in clash.text and "politician" in clash.text  # what Bob sent is shown back
        exported = next(o for o in _export(db)[aid]["officials"] if o["start"] == fact["start"])
        assert exported["role"] == "police_staff"
        fresh = next(f for f in _facts(bob.get(f"/articles/{aid}").text) if f["id"] == fact["id"])
        assert fresh["version"] == 1
        assert _post_fact(bob, aid, fresh, "correct", _csrf(bob_page), role="politician").status_code == 303

    def test_unknown_fact_is_404(self, client, db):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        page = client.get(f"/articles/{aid}").text
        fact = {"kind": "money", "start": 1, "end": 2, "version": 0}
        assert _post_fact(client, aid, fact, "reject", _csrf(page)).status_code == 404


class TestAddFact:
    def _money_spot(self, db: str, aid: int, figure: str) -> tuple[int, int]:
        engine, _ = open_database(db)
        with engine.connect() as conn:
            text = conn.execute(select(articles.c.text).where(articles.c.id == aid)).scalar_one()
        start = text.index(figure)
        return start, start + len(figure)

    def test_add_a_missed_money_figure(self, client, db):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        before = _export(db)[aid]["money"]
        page = client.get(f"/articles/{aid}").text
        start, end = self._money_spot(db, aid, "every day")  # not a figure: the reviewer's call
        done = client.post(f"/articles/{aid}/add", data={
            "csrf": _csrf(page), "kind": "money", "start": start, "end": end, "text": "every day",
            "money.amount": "1,500", "money.kind": "spending", "money.hedged": "false", "money.forces": "Durham"})
        assert done.status_code == 200  # followed back to the article
        money = _export(db)[aid]["money"]
        assert len(money) == len(before) + 1
        added = money[-1]
        assert (added["start"], added["end"], added["amount"], added["kind"]) == (start, end, 1500, "spending")
        assert added["forces"] == ["Durham Constabulary"] and added["corrected"] is True
        assert any(f["id"] == f"money-{start}-{end}" and f["state"] == "added" for f in _facts(done.text))

    @pytest.mark.parametrize(("shift", "text"), [(1, None), (0, "other words"), (10**6, None)])
    def test_offsets_must_slice_the_stored_text(self, client, db, shift, text):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        page = client.get(f"/articles/{aid}").text
        start, end = self._money_spot(db, aid, "every day")
        done = client.post(f"/articles/{aid}/add", data={
            "csrf": _csrf(page), "kind": "money", "start": start + shift, "end": end + shift, "text": text or "every day",
            "money.amount": "1", "money.kind": "other"})
        assert done.status_code == 400 and "select it again" in done.text

    def test_required_attributes(self, client, db):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        page = client.get(f"/articles/{aid}").text
        start, end = self._money_spot(db, aid, "every day")
        done = client.post(f"/articles/{aid}/add", data={"csrf": _csrf(page), "kind": "money", "start": start,
                                                         "end": end, "text": "every day"})
        assert done.status_code == 400 and "needs amount, kind" in done.text


class TestReviewer:
    def test_the_reviewers_name_is_stored_with_the_correction(self, client, db):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        page = client.get(f"/articles/{aid}").text
        client.post("/reviewer", data={"csrf": _csrf(page), "reviewer": "Ann Analyst", "next": f"/articles/{aid}"})
        fact = next(f for f in _facts(page) if f["kind"] == "function")
        _post_fact(client, aid, fact, "reject", _csrf(page))
        engine, _ = open_database(db)
        with engine.connect() as conn:
            assert conn.execute(select(corrections.c.reviewer)).scalar_one() == "Ann Analyst"
            assert conn.execute(select(reviewed_articles.c.reviewer)).scalar_one() == "Ann Analyst"


class TestCorrectionsSurviveReingest:
    def test_page_and_export_after_reextraction(self, client, db, corpus_dir):
        aid = _article_id(db, "101_evolve_specialist_ops.txt")
        page = client.get(f"/articles/{aid}").text
        facts = _facts(page)
        official = next(f for f in facts if f["kind"] == "official")
        money = next(f for f in facts if f["kind"] == "money")
        _post_fact(client, aid, official, "correct", _csrf(page), role="politician")
        _post_fact(client, aid, money, "reject", _csrf(page))
        engine, _ = open_database(db)
        with engine.begin() as conn:
            conn.execute(articles.update().values(pipeline_version="stale"))
        ingest([corpus_dir], db)
        states = {f["id"]: f["state"] for f in _facts(client.get(f"/articles/{aid}").text)}
        assert states[official["id"]] == "corrected" and states[money["id"]] == "rejected"
        doc = _export(db)[aid]
        assert next(o for o in doc["officials"] if o["start"] == official["start"])["role"] == "politician"
        assert money["start"] not in {m["start"] for m in doc["money"]}


class TestStatic:
    @pytest.mark.parametrize(("path", "kind"), [("/static/review.js", "javascript"), ("/static/review.css", "text/css")])
    def test_own_assets_are_served(self, client, path, kind):
        answer = client.get(path)
        assert answer.status_code == 200 and kind in answer.headers["content-type"]
