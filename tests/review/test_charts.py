"""Overview charts: each CSV is exactly its chart's data, which an independent SQL query gives; each SVG renders."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

import pytest
from lxml import html
from sqlalchemy import text
from starlette.testclient import TestClient

from pipeline.gazetteer import load_gazetteer
from pipeline.review.app import create_app
from pipeline.review.charts import CHARTS, money_groups, money_rows
from pipeline.storage.database import open_database


@pytest.fixture(scope="module")
def client(review_db: str) -> TestClient:
    return TestClient(create_app(review_db))


def _csv(body: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body)))


def _sql(review_db: str, query: str) -> list[tuple]:
    engine, _ = open_database(review_db)
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query))]


class TestNetworkChart:
    def test_csv_is_the_pairs_sql_gives(self, client, review_db):
        rows = _csv(client.get("/charts/network.csv").text)
        assert rows[0] == ["force_a", "force_b", "articles"]
        expected = _sql(review_db, """
            SELECT fa.name, fb.name, COUNT(DISTINCT c.article_id)
            FROM collaborations c
            JOIN collaboration_forces a ON a.collaboration_id = c.id
            JOIN collaboration_forces b ON b.collaboration_id = c.id
            JOIN forces fa ON fa.id = a.force_id JOIN forces fb ON fb.id = b.force_id
            WHERE fa.name < fb.name GROUP BY fa.name, fb.name""")
        assert expected
        assert sorted((a, b, int(n)) for a, b, n in rows[1:]) == sorted(expected)

    def test_svg(self, client):
        page = client.get("/charts/network.svg")
        assert page.status_code == 200 and page.headers["content-type"].startswith("image/svg+xml")
        assert "<svg" in page.text and "Durham" in page.text  # a collaborating force is labelled
        assert "script-src" not in page.headers["content-security-policy"]


class TestMoneyChart:
    @pytest.mark.parametrize("by", ["force", "collaboration"])
    def test_csv_is_the_distinct_figures_sql_gives(self, client, review_db, by):
        engine, _ = open_database(review_db)
        with engine.connect() as conn:
            groups = money_groups(conn, by)
        assert groups
        join = ("JOIN money_figure_forces x ON x.money_figure_id = m.id JOIN forces g ON g.id = x.force_id",
                "g.name") if by == "force" else (
                "JOIN collaborations c ON c.id = m.collaboration_id "
                "JOIN collaboration_entities g ON g.id = c.entity_id", "g.entity_key")
        for name in groups:
            rows = _csv(client.get("/charts/money.csv", params={"by": by, "name": name}).text)
            assert rows[0] == [by, "year", "kind", "amount", "figures"]
            figures = _sql(review_db, f"""
                SELECT DISTINCT {join[1]}, CAST(strftime('%Y', a.published_at) AS INTEGER), m.kind, m.amount, m.period
                FROM money_figures m JOIN articles a ON a.id = m.article_id {join[0]}
                WHERE a.published_at IS NOT NULL""")
            totals: dict[tuple, list] = defaultdict(lambda: [0.0, 0])
            for grp, year, kind, amount, _period in figures:
                if grp == name:
                    totals[(year, kind)][0] += amount
                    totals[(year, kind)][1] += 1
            got = {(int(y), k): [float(a), int(n)] for _, y, k, a, n in rows[1:]}
            assert got == {key: [pytest.approx(v[0]), v[1]] for key, v in totals.items()}

    def test_the_default_group_has_the_most_money(self, review_db):
        engine, _ = open_database(review_db)
        with engine.connect() as conn:
            first = money_groups(conn, "force")[0]
            assert money_rows(conn, "force")[1] == money_rows(conn, "force", first)[1]

    def test_bad_grouping_is_400(self, client):
        assert client.get("/charts/money.csv?by=planet").status_code == 400

    def test_svg_for_each_grouping(self, client):
        for by in ("force", "collaboration"):
            assert "<svg" in client.get("/charts/money.svg", params={"by": by}).text


class TestFunctionsChart:
    def test_csv_is_the_articles_per_region_and_function(self, client, review_db):
        rows = _csv(client.get("/charts/functions.csv").text)
        assert rows[0] == ["region", "function", "articles"]
        regions = {f.name: f.region for f in load_gazetteer().forces}
        seen: dict[tuple, set] = defaultdict(set)
        for force, label, article in _sql(review_db, """
                SELECT fo.name, f.label, fm.article_id FROM function_mentions fm
                JOIN functions f ON f.id = fm.function_id
                JOIN collaboration_forces cf ON cf.collaboration_id = fm.collaboration_id
                JOIN forces fo ON fo.id = cf.force_id WHERE fm.status = 'shared'"""):
            seen[(regions[force], label)].add(article)
        assert seen
        assert {(r, f): int(n) for r, f, n in rows[1:]} == {k: len(v) for k, v in seen.items()}


class TestOverviewPage:
    def test_every_chart_has_an_image_and_a_csv_link(self, client):
        tree = html.fromstring(client.get("/overview").text)
        images = {img.get("data-chart"): img.get("src") for img in tree.cssselect("img[data-chart]")}
        assert set(images) == set(CHARTS)
        links = [a.get("href") for a in tree.cssselect("a[download]")]
        assert sorted(link.split("?")[0] for link in links) == sorted(f"/charts/{n}.csv" for n in CHARTS)
        for src in images.values():
            assert client.get(src).status_code == 200

    def test_the_selection_reaches_the_chart(self, client, review_db):
        engine, _ = open_database(review_db)
        with engine.connect() as conn:
            name = money_groups(conn, "collaboration")[0]
        tree = html.fromstring(client.get("/overview", params={"by": "collaboration", "name": name}).text)
        src = tree.cssselect('img[data-chart="money"]')[0].get("src")
        assert "by=collaboration" in src and f"name={name}" in src

    def test_unknown_chart_is_404(self, client):
        assert client.get("/charts/pie.svg").status_code == 404
        assert client.get("/charts/network.png").status_code == 404
