"""Throughput benchmark (run on demand, not in the test suite).

    .venv/bin/python benchmarks/throughput.py [--articles 2000] [--phases 0abcdes]

Builds a corpus of N distinct articles from corpus/ (each a copy with a numbered closing line),
then measures, each phase in a fresh process so that peak memory is its own:

  (0) plain ``nlp.pipe`` of the unmodified English pipeline (``spacy.load``) over the same texts:
      the yardstick every other phase is reported against;
  (a) ``nlp.pipe`` of the forcewatch spaCy pipeline (model components and forcewatch's stages);
  (b) ``forcewatch ingest`` end to end into a fresh SQLite database (read, NLP, store);
  (c) the same with ``--workers 2``;
  (d) re-ingest of the unchanged corpus into the database of (b);
  (e) ``--engine dask`` on a 2-worker LocalCluster (needs the ``dask`` extra);
  (s) start-up: a one-article ingest against loading the English pipeline alone.

Prints articles/s and each ratio, and writes them to outputs/benchmarks/throughput-N.json.
Targets (issue 13): (b) >= 1.0x (0); (c) >= 1.8x (b); start-up <= 1.3x the model load;
(d) >= 100x faster than (b); peak memory under 1 GB and flat in N.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "corpus"


def build_corpus(folder: Path, n: int) -> list[Path]:
    sources = sorted(SOURCE.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        src = sources[i % len(sources)]
        path = folder / f"{i:06d}_{src.name}"
        path.write_text(src.read_text(encoding="utf-8") + f"\n\nReference {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def phase(name: str, corpus: Path, db: Path) -> dict:
    """One phase, in this process; returns its figures."""
    from pipeline.ingest.reader import read_file
    from pipeline.ingest.runner import ingest
    from pipeline.nlp.compose import shared_nlp

    files = sorted(corpus.glob("*.txt"))
    if name == "0":
        import spacy

        from pipeline.nlp.compose import spacy_model_name

        texts = [read_file(p).text for p in files]
        nlp = spacy.load(spacy_model_name(None))
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "articles": len(texts), "tokens": tokens, "peak_mb": peak_mb()}
    if name == "s":
        return startup(files[0], db)
    if name == "a":
        texts = [read_file(p).text for p in files]
        nlp = shared_nlp()
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "articles": len(texts), "tokens": tokens, "peak_mb": peak_mb()}
    workers = 2 if name in "ce" else 1
    url = f"sqlite:///{db}"
    start = time.perf_counter()
    summary = ingest([corpus], url, workers=workers, nlp_engine="dask" if name == "e" else "local")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": len(files), "new": summary.new, "unchanged": summary.unchanged,
            "failed": summary.failed, "peak_mb": peak_mb()}


def startup(article: Path, db: Path) -> dict:
    """Seconds for a whole one-article ``forcewatch ingest`` (a new process, as cron starts it) against
    a new process that only loads the English pipeline."""
    def timed(code: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(code, check=True, capture_output=True)
        return time.perf_counter() - start

    load = min(timed([sys.executable, "-c", "import spacy; from pipeline.nlp.compose import spacy_model_name; "
                      "spacy.load(spacy_model_name(None))"]) for _ in range(3))
    runs = []
    for k in range(3):
        target = db.with_name(f"startup-{k}.db")
        runs.append(timed([sys.executable, "-m", "pipeline", "ingest", str(article), "--quiet", "--db",
                           f"sqlite:///{target}"]))
    return {"seconds": min(runs), "load_seconds": load, "articles": 1, "peak_mb": peak_mb()}


def run_phase(name: str, corpus: Path, db: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--run-phase", name, "--corpus", str(corpus), "--db", str(db)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--phases", default="0abcdes")
    ap.add_argument("--run-phase", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run_phase:
        print(json.dumps(phase(args.run_phase, args.corpus, args.db)))
        return 0

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="forcewatch-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        build_corpus(corpus, args.articles)
        for name in args.phases:
            db = Path(tmp) / {"c": "parallel.db", "e": "dask.db"}.get(name, "bench.db")
            results[name] = run_phase(name, corpus, db)
            r = results[name]
            print(f"({name}) {r['articles']} articles in {r['seconds']:.2f} s: {r['articles'] / r['seconds']:.1f} articles/s,"
                  f" peak {r['peak_mb']:.0f} MB", flush=True)
    report: dict = {"articles": args.articles, "phases": results}
    ratios = {  # name: (faster phase, slower phase): how many times faster the first is
        "forcewatch_nlp_over_model": ("a", "0"), "ingest_over_model": ("b", "0"), "workers2_over_ingest": ("c", "b"),
        "dask2_over_ingest": ("e", "b"), "reingest_speedup": ("d", "b"),
    }
    for key, (fast, slow) in ratios.items():
        if {fast, slow} <= results.keys():
            report[key] = results[slow]["seconds"] / results[fast]["seconds"]
    if "s" in results:
        report["startup_over_model_load"] = results["s"]["seconds"] / results["s"]["load_seconds"]
    report["peak_mb"] = max(r["peak_mb"] for r in results.values())
    for key in (*ratios, "startup_over_model_load", "peak_mb"):
        if key in report:
            print(f"{key}: {report[key]:.2f}")
    out = ROOT / "outputs" / "benchmarks" / f"throughput-{args.articles}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
