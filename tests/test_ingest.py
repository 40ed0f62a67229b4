from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli import main
from pipeline.ingest import ingest
from pipeline.storage.database import open_database
from pipeline.storage.schema import articles, force_mentions, forces, sentences

DURHAM = (
    "Forces agree to share major crime teams\n\n"
    "The North Yorkshire, Cleveland and Durham forces said they would work together.\n\n"
    "Julia Mulligan, the Police and Crime Commissioner for North Yorkshire, welcomed it."
)
DORSET = "Dorset Police and Devon & Cornwall Police signed a strategic alliance.\n\nThe people of Dorset will benefit."


def stored(db_url: str, query):
    engine, _ = open_database(db_url)
    with engine.connect() as conn:
        return conn.execute(query).all()


class TestIngest:
    def test_articles_sentences_and_forces_are_stored(self, write, db_url, tmp_path):
        write("durham.txt", DURHAM)
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.failed) == (1, 0)
        (title,) = stored(db_url, select(articles.c.title))[0]
        assert title == "Forces agree to share major crime teams"
        assert len(stored(db_url, select(sentences.c.id))) == 3
        names = [r.name for r in stored(db_url, select(forces.c.name).join(force_mentions))]
        assert sorted(set(names)) == ["Cleveland Police", "Durham Constabulary", "North Yorkshire Police"]
        assert names.count("North Yorkshire Police") == 2

    def test_reingest_is_idempotent(self, write, db_url, tmp_path):
        write("durham.txt", DURHAM)
        write("dorset.md", DORSET)
        ingest([tmp_path / "articles"], db_url)
        before = stored(db_url, select(force_mentions))
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.updated, summary.unchanged) == (0, 0, 2)
        assert stored(db_url, select(force_mentions)) == before

    def test_changed_file_is_re_extracted(self, write, db_url, tmp_path):
        path = write("durham.txt", DURHAM)
        ingest([path], db_url)
        path.write_text(DORSET, encoding="utf-8")
        summary = ingest([path], db_url)
        assert summary.updated == 1
        assert [r.text for r in stored(db_url, select(articles.c.text))] == [DORSET]
        names = {r.name for r in stored(db_url, select(forces.c.name).join(force_mentions))}
        assert names == {"Dorset Police", "Devon and Cornwall Police"}

    def test_an_edited_file_keeps_its_article_id(self, write, db_url, tmp_path):
        path = write("durham.txt", DURHAM)
        ingest([path], db_url)
        (first,) = stored(db_url, select(articles.c.id, articles.c.sha256))
        path.write_text(DORSET, encoding="utf-8")
        assert ingest([path], db_url).updated == 1
        (edited,) = stored(db_url, select(articles.c.id, articles.c.sha256, articles.c.text))
        assert edited.id == first.id and edited.sha256 != first.sha256 and edited.text == DORSET

    def test_an_edited_file_whose_old_text_another_file_holds_gets_a_new_article(self, write, db_url, tmp_path):
        path = write("durham.txt", DURHAM)
        write("copy.txt", DURHAM)
        ingest([tmp_path / "articles"], db_url)
        (first,) = stored(db_url, select(articles.c.id))
        path.write_text(DORSET, encoding="utf-8")
        ingest([tmp_path / "articles"], db_url)
        rows = stored(db_url, select(articles.c.id, articles.c.text).order_by(articles.c.id))
        assert [(r.id == first.id, r.text) for r in rows] == [(True, DURHAM), (False, DORSET)]

    def test_copy_under_another_name_is_one_article(self, write, db_url, tmp_path):
        path = write("durham.txt", DURHAM)
        shutil.copy(path, tmp_path / "articles" / "copy.txt")
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.unchanged) == (1, 1)
        assert len(stored(db_url, select(articles.c.id))) == 1

    def test_bad_inputs_fail_alone(self, write, db_url, tmp_path: Path):
        write("good.txt", DURHAM)
        write("empty.txt", "")
        write("binary.txt", b"\x00\x01\x02\x03binary")
        write("latin1.txt", "Caf\u00e9 in Kent".encode("latin-1"))
        missing = tmp_path / "missing.txt"
        summary = ingest([tmp_path / "articles", missing], db_url)
        assert (summary.new, summary.failed) == (1, 4)
        joined = "\n".join(summary.errors)
        for name, problem in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                              ("missing.txt", "no such file")]:
            assert any(name in e and problem in e for e in summary.errors), joined
        assert len(stored(db_url, select(articles.c.id))) == 1


class TestStoredOffsets:
    def test_every_offset_pair_slices_the_stored_text(self, db_url):
        corpus = Path(__file__).resolve().parent.parent / "corpus"
        ingest([corpus], db_url)
        engine, _ = open_database(db_url)
        with engine.connect() as conn:
            texts = dict(conn.execute(select(articles.c.id, articles.c.text)).all())
            assert texts, "the corpus ingested no article"
            for table in (sentences, force_mentions):
                for row in conn.execute(select(table.c.article_id, table.c.start_char, table.c.end_char, table.c.text)):
                    assert texts[row.article_id][row.start_char : row.end_char] == row.text


class TestIngestCommand:
    def test_exit_code_and_summary(self, write, db_url, tmp_path):
        write("good.txt", DURHAM)
        write("empty.txt", "")
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "articles"), "--db", db_url])
        assert result.exit_code == 1
        assert "1 new, 0 updated, 0 unchanged, 1 failed" in result.output
        assert "empty.txt: empty file" in result.output

    def test_quiet_prints_only_errors(self, write, db_url, tmp_path):
        write("good.txt", DURHAM)
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "articles"), "--db", db_url, "--quiet"])
        assert result.exit_code == 0
        assert result.output == ""

    def test_db_from_environment(self, write, db_url, tmp_path):
        write("good.txt", DURHAM)
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "articles")], env={"FORCEWATCH_DB": db_url})
        assert result.exit_code == 0, result.output
        assert len(stored(db_url, select(articles.c.id))) == 1

    def test_unusable_database_is_a_clear_error(self, write, tmp_path):
        write("good.txt", DURHAM)
        (tmp_path / "notadb").write_text("this is not a database")
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "articles"), "--db", f"sqlite:///{tmp_path / 'notadb'}"])
        assert result.exit_code == 1
        assert "cannot open database" in result.output
