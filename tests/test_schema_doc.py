"""docs/schema.md documents every table, view and column, and every SQL example in it returns rows."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import inspect, text

from pipeline.ingest.runner import ingest
from pipeline.publish.csv_export import VIEWS
from pipeline.storage.database import open_database
from pipeline.storage.schema import Base
from tests.conftest import CORPUS, PROJECT

DOC = (PROJECT / "docs" / "schema.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```sql\n(.*?)```", DOC, re.DOTALL)


@pytest.fixture(scope="module")
def corpus_engine(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('schema') / 'corpus.db'}"
    ingest([CORPUS / "holdout", *sorted(CORPUS.glob("*.txt"))], url)  # the first corpus: rows for every example
    engine, _ = open_database(url)
    yield engine
    engine.dispose()


def test_at_least_ten_examples():
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("sql", EXAMPLES, ids=[f"example{i + 1}" for i in range(len(EXAMPLES))])
def test_example_returns_rows(corpus_engine, sql):
    with corpus_engine.connect() as conn:
        rows = conn.execute(text(sql)).all()
    assert rows, sql


def test_every_table_and_column_is_documented():
    for table in Base.metadata.sorted_tables:
        assert f"### `{table.name}`" in DOC, table.name
        section = DOC.split(f"### `{table.name}`", 1)[1].split("### ", 1)[0]
        for column in table.columns:
            assert f"`{column.name}`" in section, f"{table.name}.{column.name}"


def test_every_view_and_its_columns_are_documented(corpus_engine):
    inspector = inspect(corpus_engine)
    for view in VIEWS:
        assert f"### `{view}`" in DOC, view
        section = DOC.split(f"### `{view}`", 1)[1].split("### ", 1)[0]
        for column in inspector.get_columns(view):
            assert f"`{column['name']}`" in section, f"{view}.{column['name']}"
