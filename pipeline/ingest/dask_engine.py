"""Extraction on a Dask cluster (``forcewatch ingest --engine dask``): scale-out beyond one machine.

The same "articles in, rows out" function as local workers (``processing.process_batch``) is
mapped over Dask workers; this process only reads, claims and stores, exactly as a local run does,
so idempotency, claims, run records and the run lock need nothing new.

- **The pipeline once per worker.** A worker plugin (``LoadPipeline``) loads the spaCy pipeline when
  a worker starts or joins, and checks that the worker runs the same pipeline version as this
  process: rows from another version of forcewatch would be stored under the wrong version.
- **Cluster.** ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without
  it a ``LocalCluster`` of ``workers`` single-threaded worker processes starts on this machine and
  stops with the run.
- **A killed worker loses nothing.** Dask runs the batch of a worker that died again elsewhere
  (up to ``distributed.scheduler.allowed-failures`` times); a batch that still fails is reported
  article by article as failed, and the next run tries those articles again. Rows are stored only
  here, once per batch result, so nothing is stored twice.
- **Bounded memory.** At most two batches per worker thread are in flight; results come back in
  input order.
- **Time budget.** Dask runs tasks in worker threads, where no ``SIGALRM`` timer can interrupt
  them: ``FORCEWATCH_ARTICLE_SECONDS`` is not enforced on Dask workers. The reader's cuts and the
  linear stages still bound each article's work.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack

from pipeline.config import pipeline_version
from pipeline.contract import Article
from pipeline.ingest.processing import Failure, Result, batches, process_batch
from pipeline.nlp.compose import shared_nlp

try:  # the `dask` extra; without it, --engine dask says how to install it
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - depends on the installed extras
    WorkerPlugin = object  # type: ignore[assignment,misc]

BATCHES_PER_THREAD = 2  # batches handed to each worker thread ahead of the one being stored
PLUGIN_NAME = "forcewatch-pipeline"
CONNECT_TIMEOUT = "30s"  # to reach a running scheduler


class EngineUnavailable(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached."""


class LoadPipeline(WorkerPlugin):
    """Dask worker plugin: load the pipeline once per worker, and refuse a worker whose forcewatch
    differs from this one's."""

    name = PLUGIN_NAME

    def __init__(self, spacy_model: str | None, version: str) -> None:
        self.spacy_model = spacy_model
        self.version = version

    def setup(self, worker: object) -> None:
        found = pipeline_version()
        if found != self.version:
            raise RuntimeError(
                f"worker {getattr(worker, 'address', '?')} runs forcewatch pipeline {found}, this run {self.version}: "
                "install the same forcewatch (and models/) on every worker"
            )
        shared_nlp(self.spacy_model)


def extract_batch(spacy_model: str | None, batch: list[Article], seconds: float) -> list[Result]:
    """The task each Dask worker runs: rows (or a failure) for each article of a batch."""
    return process_batch(shared_nlp(spacy_model), batch, seconds)


def _client(stack: ExitStack, scheduler: str | None, workers: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineUnavailable(
            "--engine dask needs Dask distributed: pip install 'forcewatch[dask]'"
        ) from exc
    if scheduler:
        try:
            return stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT))
        except (OSError, TimeoutError) as exc:
            raise EngineUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    cluster = stack.enter_context(LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address="127.0.0.1:0",  # loopback only, a free port
        silence_logs=40,  # logging.ERROR: the run's own progress is what the user reads
    ))
    return stack.enter_context(Client(cluster))


def extract_on_dask(
    articles: Iterable[Article], *, scheduler: str | None = None, spacy_model: str | None = None, workers: int = 2,
    batch_size: int = 32, seconds: float = 0,
) -> Iterator[tuple[Article, Result]]:
    """Each article with its rows or its failure, in input order, extracted on Dask workers. The
    cluster is started (or reached) only when there is a first article."""
    iterator = iter(batches(articles, batch_size))
    first = next(iterator, None)
    if first is None:
        return
    from distributed import KilledWorker

    with ExitStack() as stack:
        client = _client(stack, scheduler, workers)
        client.register_plugin(LoadPipeline(spacy_model, pipeline_version()), name=PLUGIN_NAME)
        threads = max(1, sum(client.nthreads().values()))
        window: deque = deque()

        def collect() -> Iterator[tuple[Article, Result]]:
            batch, future = window.popleft()
            try:
                results = future.result()
            except KilledWorker:
                results = [
                    Failure(f"{a.source}: the Dask workers reading it kept dying (killed, or out of memory); not stored")
                    for a in batch
                ]
            except Exception as exc:  # a fault in a task fails its batch; the run goes on
                results = [Failure(f"{a.source}: extraction failed on a Dask worker: {exc.__class__.__name__}: {exc}")
                           for a in batch]
            finally:
                future.release()
            yield from zip(batch, results, strict=True)

        for batch in itertools.chain([first], iterator):
            # pure=False: a batch is run again on purpose only when its worker died
            window.append((batch, client.submit(extract_batch, spacy_model, batch, seconds, pure=False)))
            while len(window) >= threads * BATCHES_PER_THREAD:
                yield from collect()
        while window:
            yield from collect()

