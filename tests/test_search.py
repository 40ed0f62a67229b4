"""Full-text search: matches with their facts, kept in step with re-extraction, on both backends."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest.runner import ingest
from pipeline.publish.search import fts5_query, matching_sentences
from pipeline.storage.database import open_database

FIRST = "Kent Police and Essex Police will share their custody suites.\n\nThe move saves £2m a year."
SECOND = "Kent Police and Essex Police will merge their dog units.\n\nNo other change is planned."


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
