"""Full-text search: matches with their facts, kept in step with re-extraction, on both backends."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.ingest.runner import ingest
from pipeline.publish.search import SearchError, fts5_query, matching_sentences
from pipeline.storage.database import open_database

FIRST = "Kent Police and Essex Police will share their custody suites.\n\nThe move saves £2m a year."
SECOND = "Kent Police and Essex Police will merge their dog units.\n\nNo other change is planned."
FIGURES = ("Kent Police will save £1.3m on custody.\n\nEssex Police will save £3m on custody.\n\n"
           "Herts will save £3.5m on custody.\n\nBeds will save £13m on custody.\n\nThe Met will save £1,300 on custody.")


class TestMatchingSentences:
    def test_stemmed_words_and_facts(self, write, db_url, tmp_path):
        write("kent.txt", FIRST)
        ingest([tmp_path / "articles"], db_url)
        engine, _ = open_database(db_url)
        (hit,) = matching_sentences(engine, "custody suite")
        assert hit["text"].startswith("Kent Police and Essex Police will share")
        assert "force: Kent Police" in hit["facts"] and "force: Essex Police" in hit["facts"]
        engine.dispose()

    def test_index_follows_re_extraction(self, write, db_url, tmp_path):
        path = write("kent.txt", FIRST)
        ingest([path], db_url)
        path.write_text(SECOND, encoding="utf-8")
        ingest([path], db_url)
        engine, _ = open_database(db_url)
        assert matching_sentences(engine, "custody") == []
        assert len(matching_sentences(engine, "dog units")) == 1
        engine.dispose()

    def test_no_match(self, write, db_url, tmp_path):
        write("kent.txt", FIRST)
        ingest([tmp_path / "articles"], db_url)
        result = CliRunner().invoke(main, ["search", "helicopter", "--db", db_url])
        assert result.exit_code == 0 and "no sentence matches" in result.output


class TestFts5Query:
    def test_every_word_is_quoted(self):
        assert fts5_query('custody "suite £2m') == '"custody" """suite" "£2m"'

    def test_command_prints_article_and_sentence(self, write, sqlite_url, tmp_path):
        write("kent.txt", FIRST)
        ingest([tmp_path / "articles"], sqlite_url)
        result = CliRunner().invoke(main, ["search", "£2m", "--db", sqlite_url])
        assert result.exit_code == 0
        assert "[article 1, sentence 1]" in result.output and "The move saves £2m a year." in result.output


@pytest.fixture
def searchable(write, db_url, tmp_path):
    """A database holding FIGURES (one figure per sentence), on each backend."""
    write("figures.txt", FIGURES)
    ingest([tmp_path / "articles"], db_url)
    engine, _ = open_database(db_url)
    yield engine
    engine.dispose()


class TestQueries:
    @pytest.mark.parametrize("query", ['"', '""', '"""', "-", "' \"", "\x00"])
    def test_a_query_with_no_word_is_a_one_line_error(self, searchable, query):
        with pytest.raises(SearchError, match="nothing to search for"):
            matching_sentences(searchable, query)
        result = CliRunner().invoke(main, ["search", query, "--db", searchable.url.render_as_string(hide_password=False)])
        assert result.exit_code == 1 and "nothing to search for" in result.output
        assert len(result.output.strip().splitlines()) == 1

    @pytest.mark.parametrize("query", ['"custody', 'custody"', '"custody"', "custody\x00", '"Essex Police"', "Essex -"])
    def test_stray_quotes_and_punctuation_still_search(self, searchable, query):
        assert matching_sentences(searchable, query)

    @pytest.mark.parametrize(("query", "expected"), [
        ("£3m", ["£3m"]), ("3m", ["£3m"]), ('"£3m."', ["£3m"]), ("£1.3m", ["£1.3m"]), ("£3.5m", ["£3.5m"]),
        ("£13m", ["£13m"]), ("£1,300", ["£1,300"]), ("£1", []), ("£3", []),
    ])
    def test_a_figure_matches_exactly(self, searchable, query, expected):
        found = [hit["text"].split("save ")[1].split(" on")[0] for hit in matching_sentences(searchable, query)]
        assert found == expected


@pytest.fixture(scope="module")
def sqlite_engine(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-search")
    (folder / "figures.txt").write_text(FIGURES, encoding="utf-8")
    url = f"sqlite:///{folder / 'test.db'}"
    ingest([folder / "figures.txt"], url)
    engine, _ = open_database(url)
    yield engine
    engine.dispose()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=30) | st.lists(st.sampled_from(['"', "*", "(", ")", "NEAR", "OR", "-", "^", ":",
                                                              "£3m", "custody", " ", "\x00"])).map("".join))
def test_any_query_runs_or_is_refused_with_a_message(sqlite_engine, query):
    try:
        assert isinstance(matching_sentences(sqlite_engine, query), list)
    except SearchError as exc:
        assert str(exc).count("\n") == 0
