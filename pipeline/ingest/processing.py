"""Running the NLP over articles: in batches, long texts in pieces, each article under a time budget,
in this process or in worker processes.

- **Batches.** spaCy's model components (tagger, parser, entity recogniser) run faster over a batch
  of texts than over one at a time, so articles go through them together: at most ``batch_size``
  articles, ``BATCH_CHARS`` characters and ``BATCH_TOKENS`` tokens at once. forcewatch's stages
  (``STAGES``) then run over each article alone.
- **Pieces.** The model components take memory in proportion to the tokens they read at once (a
  1,000,000-character article read whole took 3.3 GB), so an article of more than
  ``PIECE_TOKENS`` tokens is read alone, in pieces of at most that many tokens cut after a line
  break (else after final punctuation, else at the limit), and the pieces are joined into one
  ``Doc`` before forcewatch's stages run over the whole article. A sentence never spans two
  pieces. An article of more than ``MAX_TOKENS`` tokens is refused with a message: 1,000,000
  characters of prose (the reader's limit) are about 220,000 tokens, but as many characters of
  symbols are up to 1,000,000.
- **Time budget.** Each article has ``FORCEWATCH_ARTICLE_SECONDS`` (default 60; 0 for none) for its
  own work: the model components for an article read alone (a long one), forcewatch's stages and
  the rows made from them. Past it, the article fails with a message naming it and the run goes
  on; like any failed input it is tried again on the next run. The budget is a ``SIGALRM`` timer
  (``signal.setitimer``) in the process that does the NLP: the main process, or each worker.
  A batch of short articles read by the model components together is not timed article by
  article: that work is linear and bounded by ``BATCH_TOKENS``. A timer interrupts Python code
  only; native code that never returns to Python (spaCy's tokenizer) is kept linear by the reader
  instead, which cuts the runs that would make it slow. Where there is no ``SIGALRM`` (Windows) or
  the NLP runs outside the main thread, there is no budget.
- **Workers.** With ``workers > 1``, worker processes forked from this one (after it loaded the
  pipeline; inside ``die_with_this_process``, so they end with it) run the same code over whole
  batches; only the rows (``Extraction``) or the failure of each article come back. If a worker
  dies (killed, out of memory), the articles of its batch fail and the run goes on with new workers.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.contract import Article, Extraction
from pipeline.nlp.compose import STAGES, shared_nlp
from pipeline.nlp.extensions import article_doc
from pipeline.nlp.extract import extract
from pipeline.nlp.sentences import FINAL_PUNCTUATION
from pipeline.processes import die_with_this_process

MAX_TOKENS = 250_000  # words and symbols in one article
PIECE_TOKENS = 10_000  # a longer article is read alone, in pieces of at most this many tokens (about 50,000 characters)
BATCH_TOKENS = 20_000  # tokens read by the model components at once, over a batch of articles
BATCH_CHARS = 100_000  # characters of a batch of articles (tokens are known only once the batch is tokenized)
WINDOW_PER_WORKER = 2  # batches handed to each worker ahead of the one being stored


@dataclass(frozen=True)
class Failure:
    """An article the NLP could not finish; the message names the article and the problem."""

    message: str


Result = Extraction | Failure


class TooLarge(Exception):
    """An article of more than ``MAX_TOKENS`` tokens."""


class ArticleTimeout(BaseException):
    """The article's time budget ran out (a BaseException: no ``except Exception`` in a library swallows it)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``ArticleTimeout`` in this block after ``seconds`` (0: no limit), by SIGALRM."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def pieces(doc: Doc, size: int) -> list[tuple[int, int]]:
    """Token ranges of at most ``size`` tokens that cover a tokenized ``doc``: each ends after a line break in its
    second half, else after final punctuation there, else at ``size``."""
    out, start = [], 0
    while len(doc) - start > size:
        window = range(start + size - 1, start + size // 2 - 1, -1)
        cut = next((i + 1 for i in window if doc[i].is_space and "\n" in doc[i].text), None)
        cut = cut or next((i + 1 for i in window if doc[i].text[-1] in FINAL_PUNCTUATION), start + size)
        out.append((start, cut))
        start = cut
    out.append((start, len(doc)))
    return out


def stage_names(nlp: Language) -> list[str]:
    """forcewatch's extraction stages: they run over one whole article at a time."""
    return [name for name in nlp.pipe_names if name in STAGES]


def model_doc(nlp: Language, doc: Doc) -> Doc:
    """One tokenized article through the model components (no extraction stages), in pieces when long: a Doc
    of the whole text, whatever its length, in bounded memory."""
    if len(doc) > MAX_TOKENS:
        raise TooLarge(f"too large: {len(doc):,} words and symbols; the limit is {MAX_TOKENS:,} per article")
    stages = stage_names(nlp)
    if len(doc) <= PIECE_TOKENS:
        return nlp(doc, disable=stages)
    published = doc._.published
    parts = [doc[start:end].as_doc() for start, end in pieces(doc, PIECE_TOKENS)]
    del doc  # the pieces hold the tokens now
    read = list(nlp.pipe(parts, batch_size=1, disable=stages))
    del parts
    whole = Doc.from_docs(read, ensure_whitespace=False, exclude=["tensor"])
    whole._.published = published
    return whole


def finish(nlp: Language, doc: Doc) -> Extraction:
    """forcewatch's stages over a Doc the model components have read, then its rows."""
    for name in stage_names(nlp):
        doc = nlp.get_pipe(name)(doc)
    return extract(doc)


def process_batch(nlp: Language, batch: list[Article], seconds: float) -> list[Result]:
    """Rows (or a failure) for each article of a batch; each article under its time budget."""
    tokens: dict[int, Doc] = {}
    read: dict[int, Doc] = {}  # short articles, read by the model components together
    try:
        tokens = {k: article_doc(nlp, a.text, a.published) for k, a in enumerate(batch)}
        short = [k for k, doc in tokens.items() if len(doc) <= min(PIECE_TOKENS, MAX_TOKENS)]
        for group in token_groups(short, tokens):
            docs = nlp.pipe([tokens.pop(k) for k in group], batch_size=len(group), disable=stage_names(nlp))
            read.update(zip(group, docs, strict=True))
    except Exception:  # one text broke the batch: each article is read alone below, and fails alone
        tokens, read = {}, {}
    out: list[Result] = []
    for k, article in enumerate(batch):
        try:
            with time_limit(seconds):
                if k in read:
                    doc = read.pop(k)
                else:
                    doc = model_doc(nlp, tokens.pop(k) if k in tokens else article_doc(nlp, article.text, article.published))
                out.append(finish(nlp, doc))
        except TooLarge as exc:
            out.append(Failure(f"{article.source}: {exc}"))
        except ArticleTimeout:
            out.append(Failure(
                f"{article.source}: extraction took longer than {seconds:g} s ({len(article.text):,} characters; the "
                "limit is FORCEWATCH_ARTICLE_SECONDS); not stored"
            ))
        except Exception as exc:  # a fault on one article must not stop the run
            out.append(Failure(f"{article.source}: extraction failed: {exc.__class__.__name__}: {exc}"))
    return out


def token_groups(indexes: list[int], docs: dict[int, Doc]) -> list[list[int]]:
    """Consecutive indexes of ``docs`` with at most ``BATCH_TOKENS`` tokens a group (a longer doc alone)."""
    groups: list[list[int]] = []
    size = 0
    for k in indexes:
        if not groups or size + len(docs[k]) > BATCH_TOKENS:
            groups.append([])
            size = 0
        groups[-1].append(k)
        size += len(docs[k])
    return groups


def batches(articles: Iterable[Article], batch_size: int) -> Iterator[list[Article]]:
    """Consecutive articles, at most ``batch_size`` and ``BATCH_CHARS`` characters a batch (a long article alone)."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= batch_size or chars + len(article.text) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


def extract_articles(
    articles: Iterable[Article], *, spacy_model: str | None = None, workers: int = 1, batch_size: int = 32,
    seconds: float = 0,
) -> Iterator[tuple[Article, Result]]:
    """Each article with its rows or its failure, in input order. The pipeline is loaded (and the workers
    started) only when there is a first article."""
    if workers > 1:
        yield from _in_workers(articles, spacy_model, workers, batch_size, seconds)
        return
    for batch in batches(articles, batch_size):
        yield from zip(batch, process_batch(shared_nlp(spacy_model), batch, seconds), strict=True)


# -- worker processes ----------------------------------------------------------------------------


def _work(spacy_model: str | None, batch: list[Article], seconds: float) -> list[Result]:
    return process_batch(shared_nlp(spacy_model), batch, seconds)  # loaded before the fork: no second load


class _Pool:
    """A pool of forked worker processes, started on first use and started again after a worker died."""

    def __init__(self, spacy_model: str | None, workers: int, seconds: float) -> None:
        self.spacy_model = spacy_model
        self.workers = workers
        self.seconds = seconds
        self.executor: ProcessPoolExecutor | None = None

    def submit(self, batch: list[Article]) -> Future:
        if self.executor is None:
            shared_nlp(self.spacy_model)  # a pipeline that cannot load is one clear error here; workers inherit it
            self.executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"))
        return self.executor.submit(_work, self.spacy_model, batch, self.seconds)

    def results(self, batch: list[Article], future: Future) -> list[Result]:
        try:
            return future.result()
        except (BrokenProcessPool, CancelledError):  # this batch's worker died, or a batch before it killed the pool
            self.close(wait=False)
            return [
                Failure(f"{a.source}: the worker process reading it stopped (killed, or out of memory) while it read "
                        "this article or another of its batch; not stored")
                for a in batch
            ]

    def close(self, wait: bool) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=wait, cancel_futures=True)
            self.executor = None


def _in_workers(
    articles: Iterable[Article], spacy_model: str | None, workers: int, batch_size: int, seconds: float
) -> Iterator[tuple[Article, Result]]:
    pool = _Pool(spacy_model, workers, seconds)
    window: deque[tuple[list[Article], Future]] = deque()
    finished = False
    try:
        for batch in batches(articles, batch_size):
            with die_with_this_process():  # the workers are forked on submit: they end with this process
                window.append((batch, pool.submit(batch)))
            while len(window) >= workers * WINDOW_PER_WORKER:
                batch, future = window.popleft()
                yield from zip(batch, pool.results(batch, future), strict=True)
        while window:
            batch, future = window.popleft()
            yield from zip(batch, pool.results(batch, future), strict=True)
        finished = True
    finally:
        pool.close(wait=finished)
