"""Hostile-input benchmark (run on demand, not in the test suite).

    .venv/bin/python benchmarks/hostile.py [--sizes 25000,50000,100000,200000] [--kinds prose,pounds,...]

Ingests one article of each kind and size into a fresh SQLite database, each in a fresh process
(so that peak memory is its own), with no time budget, and prints the seconds and peak memory
per article, and the seconds per 100,000 characters: time and memory per article should grow
in proportion to its length (flat seconds per 100,000 characters), whatever the characters.

Kinds (each a text of about the given number of characters before the reader cuts it):

  prose       corpus articles one after another (the maximal ordinary article)
  divider     a web-page divider: one line of em dashes, then prose (the reader cuts the line)
  pounds      '£' after '£' with no space, then a sentence (cut by the reader)
  mixed_run   '(£' repeated with no space (broken into 100-character words by the reader)
  spaced      '£ ' repeated: one sentence of as many tokens (capped at 200 tokens a sentence)
  run_on      one sentence of words, 'posts would be cut and ...', with no full stop
  numbers     money figures in one list: '£1m, £2.5bn, 300 pounds, ...'
  capitals    capitalised names and titles: 'Chief Constable Alan Smith, Commissioner ...'
  bullets     a deep list: one short line per item, '- Kent and Essex will share HR posts'
  chain       'the cost of the review of the plan of ...': a parse as deep as the sentence is long
  quotes      quoted speech, many quotes on one line: '"Posts will go," he said.'
  forces      force names and references: 'Kent Police and Essex Police agreed. The two forces ...'

A 1,000,000-character article (the reader's limit): ``--sizes 1000000 --kinds prose``.

Results go to outputs/benchmarks/hostile.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "The forces said it was too early to say whether any HR, payroll or purchasing posts would be affected."


def repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def prose(n: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return repeat("\n\n".join(texts) + "\n\n", n)


KINDS = {
    "prose": prose,
    "divider": lambda n: "—" * n + "\n\n" + prose(5000),
    "pounds": lambda n: "£" * n + SENTENCE,
    "mixed_run": lambda n: repeat("(£", n) + "\n\n" + SENTENCE,
    "spaced": lambda n: repeat("£ ", n) + SENTENCE,
    "run_on": lambda n: "The forces said " + repeat("posts would be cut and ", n) + "jobs.",
    "numbers": lambda n: "The forces will save " + repeat("£1m, £2.5bn, 300 pounds, ", n) + "a year.",
    "capitals": lambda n: repeat("Chief Constable Alan Smith, Commissioner Jane Doe of Kent Police, ", n) + "said so.",
    "bullets": lambda n: repeat("- Kent and Essex will share HR posts\n", n),
    "chain": lambda n: "The cost " + repeat("of the review ", n) + "was £3m and posts would go.",
    "quotes": lambda n: "Chief Constable Jane Doe said: " + repeat('"Posts will go," he said. ', n),
    "forces": lambda n: repeat(
        "Kent Police and Essex Police agreed. The two forces will share HR. Both forces merge. The force said so.\n", n
    ),
}


def measure(kind: str, size: int) -> dict:
    """Ingest one article in this process; its figures."""
    os.environ["FORCEWATCH_ARTICLE_SECONDS"] = "0"  # measure the whole time, however long
    from pipeline.ingest.reader import ReadError, read_file
    from pipeline.ingest.runner import ingest
    from pipeline.nlp.compose import shared_nlp

    shared_nlp()  # loading the pipeline is not the article's time
    with tempfile.TemporaryDirectory(prefix="forcewatch-hostile-") as tmp:
        path = Path(tmp) / f"{kind}-{size}.txt"
        path.write_text(KINDS[kind](size), encoding="utf-8")
        try:
            stored = len(read_file(path).text)
        except ReadError:  # over the size cap once the reader has broken its runs: ingest says so
            stored = 0
        start = time.perf_counter()
        summary = ingest([path], f"sqlite:///{Path(tmp) / 'bench.db'}")
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"kind": kind, "chars": size, "stored_chars": stored, "seconds": seconds, "peak_mb": peak,
            "new": summary.new, "errors": summary.errors}


def run_measure(kind: str, size: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", f"{kind}:{size}"], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="25000,50000,100000,200000", help="characters per article, comma-separated")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated, of: " + ", ".join(KINDS))
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        kind, size = args.measure.split(":")
        print(json.dumps(measure(kind, int(size))))
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    print(f"{'kind':<10} {'chars':>9} {'stored':>9} {'seconds':>8} {'s/100k':>7} {'peak MB':>8}")
    for kind in args.kinds.split(","):
        for size in sizes:
            r = run_measure(kind, size)
            results.append(r)
            per = r["seconds"] / max(r["stored_chars"], 1) * 100_000
            flag = "" if r["new"] == 1 else f"  NOT STORED: {r['errors']}"
            print(f"{kind:<10} {size:>9,} {r['stored_chars']:>9,} {r['seconds']:>8.1f} {per:>7.1f} {r['peak_mb']:>8.0f}{flag}",
                  flush=True)
    out = ROOT / "outputs" / "benchmarks" / "hostile.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
