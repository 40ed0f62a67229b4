"""Running the NLP over articles (pipeline/ingest/processing.py): batches, pieces, time budget, workers."""

from __future__ import annotations

import itertools
import signal
import time

import pytest

from pipeline.contract import Article
from pipeline.ingest import processing
from pipeline.ingest.processing import (
    ArticleTimeout,
    Failure,
    batches,
    extract_articles,
    finish,
    model_doc,
    pieces,
    process_batch,
    time_limit,
)
from pipeline.nlp.extensions import article_doc
from pipeline.nlp.extract import extract
from pipeline.nlp.jobs import JobConcernFinder

KENT = "Kent Police and Essex Police will share their HR teams.\n\nThe two forces said 30 posts would go."


def article(name: str, text: str = KENT) -> Article:
    return Article(source=name, text=text, title=None)


def hang_on(marker: str):
    """A job stage that does not finish (in a minute) on articles holding ``marker``."""
    original = JobConcernFinder.__call__

    def call(self, doc):
        if marker in doc.text:
            time.sleep(60)
        return original(self, doc)

    return call


class TestPieces:
    def test_cut_after_line_breaks_in_the_second_half(self, nlp):
        doc = nlp.make_doc("\n\n".join(f"Paragraph {i} says the forces will merge." for i in range(40)))
        ranges = pieces(doc, 50)
        assert ranges[0][0] == 0 and ranges[-1][1] == len(doc)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
        assert all(25 <= end - start <= 50 for start, end in ranges[:-1])
        assert all("\n" in doc[end - 1].text for _, end in ranges[:-1])

    def test_after_a_full_stop_else_at_the_limit(self, nlp):
        assert all(nlp.make_doc(" ".join(["The forces agreed."] * 40))[end - 1].text == "."
                   for _, end in pieces(nlp.make_doc(" ".join(["The forces agreed."] * 40)), 50)[:-1])
        assert [end - start for start, end in pieces(nlp.make_doc("police " * 120), 50)] == [50, 50, 20]


class TestModelDoc:
    def test_a_long_text_read_in_pieces_is_one_doc_with_the_same_facts(self, nlp, monkeypatch):
        text = "\n\n".join([KENT] * 12)
        whole = extract(nlp(text))
        monkeypatch.setattr(processing, "PIECE_TOKENS", 60)
        doc = model_doc(nlp, article_doc(nlp, text, None))
        assert doc.text == text and doc.has_annotation("DEP")
        pieced = finish(nlp, doc)
        assert pieced.sentences == whole.sentences
        assert pieced.force_mentions == whole.force_mentions
        assert pieced.collaborations == whole.collaborations

    def test_more_than_max_tokens_is_refused(self, nlp, monkeypatch):
        monkeypatch.setattr(processing, "MAX_TOKENS", 10)
        (result,) = process_batch(nlp, [article("big.txt")], seconds=0)
        tokens = len(nlp.make_doc(KENT))
        assert result == Failure(f"big.txt: too large: {tokens} words and symbols; the limit is 10 per article")


class TestTimeLimit:
    def test_raises_after_the_budget_and_restores_the_handler(self):
        before = signal.getsignal(signal.SIGALRM)
        with pytest.raises(ArticleTimeout), time_limit(0.05):
            time.sleep(5)
        assert signal.getsignal(signal.SIGALRM) is before
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)

    def test_zero_is_no_limit(self):
        with time_limit(0):
            time.sleep(0.01)

    def test_not_swallowed_by_except_exception(self):
        caught = []
        with pytest.raises(ArticleTimeout), time_limit(0.05):
            try:
                time.sleep(5)
            except Exception as exc:  # a library's broad handler must not end the budget
                caught.append(exc)
        assert caught == []


class TestProcessBatch:
    def test_an_article_over_its_budget_fails_alone_with_a_message_naming_it(self, nlp, monkeypatch):
        monkeypatch.setattr(JobConcernFinder, "__call__", hang_on("HANG"))
        batch = [article("a.txt"), article("slow.txt", KENT + "\n\nHANG"), article("c.txt")]
        results = process_batch(nlp, batch, seconds=1)  # without the budget: a minute, then no failure
        assert results[1] == Failure(
            f"slow.txt: extraction took longer than 1 s ({len(KENT) + 6:,} characters; the limit is "
            "FORCEWATCH_ARTICLE_SECONDS); not stored"
        )
        assert results[0] == results[2] == extract(nlp(KENT))

    def test_a_fault_on_one_article_fails_it_alone(self, nlp, monkeypatch):
        original = JobConcernFinder.__call__

        def broken(self, doc):
            if "BREAK" in doc.text:
                raise IndexError("list index out of range")
            return original(self, doc)

        monkeypatch.setattr(JobConcernFinder, "__call__", broken)
        results = process_batch(nlp, [article("bad.txt", "BREAK " + KENT), article("good.txt")], seconds=0)
        assert results == [Failure("bad.txt: extraction failed: IndexError: list index out of range"), extract(nlp(KENT))]


class TestBatches:
    def test_at_most_batch_size_articles_and_batch_chars_characters(self, monkeypatch):
        monkeypatch.setattr(processing, "BATCH_CHARS", 250)
        items = [article(f"{i}.txt", "x" * 100) for i in range(5)] + [article("long.txt", "y" * 1000), article("z.txt")]
        assert [[a.source for a in b] for b in batches(items, batch_size=32)] == [
            ["0.txt", "1.txt"], ["2.txt", "3.txt"], ["4.txt"], ["long.txt"], ["z.txt"]
        ]
        assert [len(b) for b in batches(items[:5], batch_size=2)] == [2, 2, 1]


class TestExtractArticles:
    def test_in_input_order_with_failures_in_place(self, monkeypatch):
        monkeypatch.setattr(JobConcernFinder, "__call__", hang_on("HANG"))
        items = [article("a.txt"), article("slow.txt", KENT + " HANG"), article("c.txt")]
        out = list(extract_articles(items, seconds=1, batch_size=2))
        assert [a.source for a, _ in out] == ["a.txt", "slow.txt", "c.txt"]
        assert [type(r).__name__ for _, r in out] == ["Extraction", "Failure", "Extraction"]

    def test_worker_processes_return_the_same_rows_and_time_out_alone(self, nlp, monkeypatch):
        monkeypatch.setattr(JobConcernFinder, "__call__", hang_on("HANG"))  # the forked workers inherit it
        items = [article("a.txt"), article("slow.txt", KENT + " HANG"), article("c.txt", KENT.replace("Essex", "Surrey"))]
        out = list(extract_articles(items, workers=2, seconds=2, batch_size=1))
        assert [a.source for a, _ in out] == ["a.txt", "slow.txt", "c.txt"]
        assert out[0][1] == extract(nlp(KENT)) and out[2][1] == extract(nlp(items[2].text))
        assert out[1][1].message.startswith("slow.txt: extraction took longer than 2 s")
