"""The ``forcewatch`` command line (click).

Every command but ``forces`` and ``evaluate`` takes ``--db`` (a SQLAlchemy URL; default
``FORCEWATCH_DB`` or ``sqlite:///outputs/forcewatch.db``). Exit codes: 0 success, 1 something
failed (a one-line message says what: ``click.ClickException``, never a traceback for bad input,
files or databases), 2 bad usage.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from pipeline import __version__
from pipeline.config import database_url, display_url
from pipeline.contract import MONEY_KINDS

if TYPE_CHECKING:
    from sqlalchemy import Engine

F = Callable[..., Any]


def db_option(func: F) -> F:
    return click.option(
        "--db", "db_url", envvar="FORCEWATCH_DB", default=None, metavar="URL",
        help="SQLAlchemy database URL [env FORCEWATCH_DB; default sqlite:///outputs/forcewatch.db].",
    )(func)


def quiet_option(func: F) -> F:
    return click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors (for cron).")(func)


def fail(message: str) -> NoReturn:
    """End the command with exit code 1 and a one-line message (no traceback)."""
    raise click.ClickException(message)


@contextmanager
def reading_database(db_url: str | None) -> Iterator[Engine]:
    """The database of a command that only reads, disposed of when the command is done; one that does
    not exist is refused with a message, not created. Every reading command opens it through here."""
    from pipeline.storage.database import DatabaseError, open_database

    try:
        engine, _ = open_database(database_url(db_url), create=False)
    except DatabaseError as exc:
        fail(str(exc))
    try:
        yield engine
    finally:
        engine.dispose()


class Commands(click.Group):
    """The command group: a failing database or file ends a command with a one-line message, not a
    traceback (programming errors still show theirs)."""

    def invoke(self, ctx: click.Context) -> Any:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            return super().invoke(ctx)
        except SQLAlchemyError as exc:
            raise click.ClickException(f"database error: {getattr(exc, 'orig', None) or exc}") from exc
        except OSError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="forcewatch")
def main() -> None:
    """forcewatch: extract police-force collaborations from news into a SQL database."""
    from pipeline.processes import stop_children_on_signals

    stop_children_on_signals()  # SIGTERM (systemd stop, kill) and SIGHUP end a command like Ctrl-C


EX_TEMPFAIL = 75  # another run holds the lock: try again later (sysexits.h)


def ingest_options(func: F) -> F:
    """Options shared by `ingest` and `watch`."""
    for option in reversed([
        db_option,
        quiet_option,
        click.option("--sources", "source_list", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="A source list (TOML) naming the folders, feeds and pages to visit."),
        click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1), help="NLP processes."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where the NLP runs: this machine (--workers processes) or a Dask cluster."),
        click.option("--scheduler", envvar="FORCEWATCH_DASK_SCHEDULER", default=None, metavar="ADDRESS",
                     help="With --engine dask: a running Dask scheduler (tcp://host:8786); without it a local "
                          "cluster of --workers processes starts."),
        click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1),
                     help="Articles per NLP batch."),
        click.option("--wait", default=0.0, show_default=True, type=click.FloatRange(0),
                     help="Seconds to wait for another run's lock before giving up."),
        click.option("--spacy-model", envvar="FORCEWATCH_SPACY_MODEL", default=None,
                     help="spaCy English pipeline to load."),
        click.option("--allow-private-addresses", "allow_private", is_flag=True,
                     help="Fetch URLs on loopback, private, link-local and reserved addresses too (an intranet, "
                          "a local test server); refused by default."),
    ]):
        func = option(func)
    return func


def resolve_inputs(inputs: tuple[str, ...], source_list: Path | None, allow_private: bool) -> tuple[list[str], bool]:
    """The inputs to visit, and whether private addresses may be fetched (the flag or the list's key)."""
    from pipeline.ingest.reader import ReadError
    from pipeline.ingest.sources import load_source_list

    found = list(inputs)
    if source_list is not None:
        try:
            listed = load_source_list(source_list)
        except ReadError as exc:
            fail(str(exc))
        found += listed.inputs
        allow_private = allow_private or listed.allow_private_addresses
    if not found:
        raise click.UsageError("name PATHS or URLS to ingest, or a source list with --sources")
    return found, allow_private


def run_ingest_once(inputs: list[str], *, db_url: str | None, quiet: bool, workers: int, batch_size: int,
                    spacy_model: str | None, lock: bool, wait: float, allow_private: bool, engine: str = "local",
                    scheduler: str | None = None) -> int:
    """One ingest run with a progress bar on a terminal; returns the exit code."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline.ingest.runner import ingest as run_ingest
    from pipeline.ingest.runs import LockHeld, LockLost
    from pipeline.storage.database import DatabaseError

    console = Console(stderr=True)
    show_bar = not quiet and console.is_terminal
    progress = Progress(
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not show_bar,
    )

    def on_error(message: str) -> None:
        if show_bar:
            progress.console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
        else:
            click.echo(f"forcewatch: error: {message}", err=True)

    with progress:
        task = progress.add_task("ingest", total=None)
        try:
            summary = run_ingest(
                inputs, db_url, workers=workers, batch_size=batch_size, spacy_model=spacy_model, lock=lock,
                wait=wait, allow_private_addresses=allow_private, on_progress=lambda *_: progress.advance(task),
                on_error=on_error, nlp_engine=engine, scheduler=scheduler,
            )
        except LockHeld as exc:
            click.echo(f"forcewatch: {exc}", err=True)
            return EX_TEMPFAIL
        except (DatabaseError, LockLost, RuntimeError) as exc:
            click.echo(f"forcewatch: error: {exc}", err=True)
            return 1
    if not quiet:
        click.echo(f"forcewatch: {summary.line()} ({display_url(database_url(db_url))})")
    return 1 if summary.failed else 0


@main.command()
@click.argument("inputs", nargs=-1, metavar="[PATHS_OR_URLS]...")
@ingest_options
@click.option("--lock/--no-lock", default=None,
              help="Take the run lock (default: with --sources, so scheduled runs never overlap).")
def ingest(inputs: tuple[str, ...], db_url: str | None, quiet: bool, source_list: Path | None, workers: int,
           engine: str, scheduler: str | None, batch_size: int, wait: float, spacy_model: str | None,
           allow_private: bool, lock: bool | None) -> None:
    """Ingest article files and folders, web pages and RSS/Atom feeds.

    PATHS are .txt, .md and .html files, feed files (.xml, .rss, .atom) and folders of them
    (recursively); URLS are http(s) pages or feeds (each entry is followed to its page).
    Idempotent: unchanged articles are skipped, changed ones re-extracted; each article is stored
    in one transaction. Exit code 1 if any input failed (the others are still stored), 75 if
    another run holds the lock. URLs on private addresses are refused without
    --allow-private-addresses. With --engine dask the NLP runs on a Dask cluster (--scheduler, or a
    local cluster of --workers processes) and this process stores the rows.
    """
    found, allow = resolve_inputs(inputs, source_list, allow_private)
    take_lock = lock if lock is not None else source_list is not None
    sys.exit(run_ingest_once(found, db_url=db_url, quiet=quiet, workers=workers, batch_size=batch_size,
                             spacy_model=spacy_model, lock=take_lock, wait=wait, allow_private=allow,
                             engine=engine, scheduler=scheduler))


@main.command()
@click.argument("inputs", nargs=-1, metavar="[PATHS_OR_URLS]...")
@ingest_options
@click.option("--every", default=15.0, show_default=True, type=click.FloatRange(0.01),
              help="Minutes between runs.")
@click.option("--runs", "max_runs", default=0, type=click.IntRange(0), help="Stop after this many runs (0: never).")
def watch(inputs: tuple[str, ...], db_url: str | None, quiet: bool, source_list: Path | None, workers: int,
          engine: str, scheduler: str | None, batch_size: int, wait: float, spacy_model: str | None,
          allow_private: bool, every: float,
          max_runs: int) -> None:
    """Ingest the sources again every N minutes until stopped (Ctrl-C or SIGTERM).

    Each run takes the run lock, so a watch and a cron job never overlap on one database; the
    source list is read again before every run, so edits to it apply without a restart.
    """
    import time

    done = 0
    try:
        while True:
            found, allow = resolve_inputs(inputs, source_list, allow_private)
            code = run_ingest_once(found, db_url=db_url, quiet=quiet, workers=workers, batch_size=batch_size,
                                   spacy_model=spacy_model, lock=True, wait=wait, allow_private=allow,
                                   engine=engine, scheduler=scheduler)
            done += 1
            if max_runs and done >= max_runs:
                sys.exit(code)
            time.sleep(every * 60)
    except KeyboardInterrupt:
        if not quiet:
            click.echo("forcewatch: watch stopped", err=True)


@main.command()
@db_option
@click.option("--limit", "-n", default=10, show_default=True, type=click.IntRange(1), help="How many runs to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the runs as JSON.")
def runs(db_url: str | None, limit: int, as_json: bool) -> None:
    """Show recent ingest runs: when, status, counts, and the inputs that failed."""
    import json

    from pipeline.ingest.runs import recent_runs

    with reading_database(db_url) as engine:
        found = recent_runs(engine, limit)
    if as_json:
        click.echo(json.dumps(found, default=str, indent=2))
        return
    if not found:
        click.echo("no runs yet")
        return
    for r in found:
        end = f"{r['finished_at']:%H:%M:%S}" if r["finished_at"] else "…"
        click.echo(
            f"#{r['id']} {r['started_at']:%Y-%m-%d %H:%M:%S}-{end} {r['status']:<11} "
            f"{r['new_count']} new, {r['updated_count']} updated, {r['unchanged_count']} unchanged, "
            f"{r['failed_count']} failed  pid {r['pid']} on {r['host']}"
        )
        for err in r["errors"]:
            click.echo(f"    failed: {err['error']}")
        if r["message"]:
            click.echo(f"    {r['message']}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "gold"]), default="json",
              show_default=True, help="json: the contract's document; jsonl: one article per line; csv: every "
              "table and view; gold: one gold .json (+ its text) per reviewed article, for `evaluate --gold`.")
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="File for json/jsonl (default: standard output); folder for csv (default: outputs/csv) and gold.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Articles published on or after.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Articles published on or before.")
@click.option("--force", "force_name", default=None, help="Articles naming this force (any alias: 'Herts', 'the Met').")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(MONEY_KINDS), help="Money figures of this kind.")
@click.option("--excel", is_flag=True, help="CSV with a byte-order mark, so that Excel shows '£' right.")
@db_option
def export(fmt: str, out: Path | None, since: datetime | None, until: datetime | None, force_name: str | None,
           kinds: tuple[str, ...], excel: bool, db_url: str | None) -> None:
    """Export the database: the contract's JSON, JSON Lines, or CSV files with a datapackage.json.

    Filters keep the articles published in a date range (articles with no known date are left out
    by --since/--until) or naming a force, and the money figures of the given kinds.
    """
    from pipeline.gazetteer import resolve_force_name
    from pipeline.publish.csv_export import export_csv
    from pipeline.publish.export import ExportFilter, export_json

    if excel and fmt != "csv":
        raise click.UsageError(f"--excel applies to --format csv only (not {fmt})")
    force = None
    if force_name is not None:
        if not force_name.strip():
            raise click.BadParameter("is empty: name a force (see `forcewatch forces`), or leave --force out to "
                                     "export every article", param_hint="--force")
        force = resolve_force_name(force_name)
        if force is None:
            fail(f"--force {force_name!r} names no UK police force (see `forcewatch forces`)")
    flt = ExportFilter(since=since.date() if since else None, until=until.date() if until else None, force=force,
                       kinds=kinds)
    with reading_database(db_url) as engine:
        try:
            if fmt == "gold":
                from pipeline.review.gold import export_gold

                if out is None:
                    raise click.UsageError("--format gold needs --out FOLDER")
                if flt.active:
                    raise click.UsageError("--format gold exports every reviewed article: no filters")
                golds = export_gold(engine, out)
                click.echo(f"forcewatch: wrote {len(golds)} gold files to {out}", err=True)
            elif fmt == "csv":
                folder = out or Path("outputs") / "csv"
                files = export_csv(engine, folder, flt, excel=excel)
                click.echo(f"forcewatch: wrote {len(files)} files to {folder}", err=True)
            elif out is None or str(out) == "-":
                export_json(engine, sys.stdout, flt, lines=fmt == "jsonl")
            else:
                out.parent.mkdir(parents=True, exist_ok=True)
                with out.open("w", encoding="utf-8") as handle:
                    n = export_json(engine, handle, flt, lines=fmt == "jsonl")
                click.echo(f"forcewatch: wrote {n} articles to {out}", err=True)
        except OSError as exc:
            fail(f"cannot write the export: {exc}")


@main.command()
@click.option("--gold", "gold", required=True, type=click.Path(path_type=Path),
              help="Folder of gold .json files, or a corpus folder with a gold/ subfolder.")
@click.option("--corpus", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of the articles, when they are not beside the gold files.")
@click.option("--details", is_flag=True, help="List every missed and spurious item per article.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--spacy-model", envvar="FORCEWATCH_SPACY_MODEL", default=None, help="spaCy English pipeline to load.")
def evaluate(gold: Path, corpus: Path | None, details: bool, as_json: bool, spacy_model: str | None) -> None:
    """Score the pipeline on an annotated corpus: precision, recall and F1 per field.

    Ingests the articles the gold files name into a throw-away database, exports them, and scores
    with the matching rules of the shared scorer. Run it after changing a lexicon in models/.
    """
    import json

    from pipeline.evaluation.evaluate import GoldError, format_report
    from pipeline.evaluation.evaluate import evaluate as run_evaluate
    from pipeline.storage.database import DatabaseError

    try:
        report = run_evaluate(gold, corpus, spacy_model=spacy_model)
    except (GoldError, DatabaseError, RuntimeError) as exc:  # RuntimeError: no such spaCy pipeline
        fail(str(exc))
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report, details))


@main.command()
@click.option("--force", "force_name", default=None, help="Only collaborations of this force (any alias: 'Herts').")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Only those mentioned on or after.")
@db_option
def collaborations(force_name: str | None, since: datetime | None, db_url: str | None) -> None:
    """Each collaboration entity across articles: its forces, stage history and claimed savings."""
    from pipeline.gazetteer import resolve_force_name
    from pipeline.publish.entities import collaboration_histories

    force = None
    if force_name is not None:
        force = resolve_force_name(force_name)
        if force is None:
            fail(f"--force {force_name!r} names no UK police force (see `forcewatch forces`)")
    with reading_database(db_url) as engine:
        entities = collaboration_histories(engine, force, since.date() if since else None)
    if not entities:
        click.echo("no collaboration matches")
    for e in entities:
        click.echo(f"{e['entity_key']}: {e['entity_name'] or '(unnamed)'} ({e['family']}; {e['articles']} articles)")
        click.echo(f"  forces: {e['forces']}")
        for h in e["history"]:
            click.echo(f"  {h['stage_date'] or 'undated'}  {h['stage'] or '?':<9} {h['article_title'] or ''}")
        if e["savings"]:
            figures = ", ".join(f"£{s['amount']:,.0f}" + (f" ({s['period']})" if s["period"] else "") for s in e["savings"])
            click.echo(f"  savings claimed (each figure once): {figures}")


@main.command()
@click.option("--gold", "golds", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="A gold folder (repeatable); default: corpus/, every folder in it with a gold/ folder, "
                   "and ../shared/gold (the seed articles) when it is there.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder to write the classifier to; default: models/.")
@click.option("--seed", default=12, show_default=True, type=int, help="Random seed: the same seed, the same model.")
@click.option("--epochs", default=12, show_default=True, type=click.IntRange(1), help="Passes over the examples.")
@click.option("--spacy-model", envvar="FORCEWATCH_SPACY_MODEL", default=None, help="spaCy English pipeline to load.")
def train(golds: tuple[Path, ...], out: Path | None, seed: int, epochs: int, spacy_model: str | None) -> None:
    """Train the job concern classifier on the gold corpora and write it to models/.

    Runs the pipeline on the gold articles, labels every candidate job sentence from the gold job
    concerns, chooses by cross-validation (each gold folder left out in turn) where the classifier
    overrules the rules, prints the held-out scores, and trains the final classifier on all folders.
    """
    from pipeline.config import PROJECT_ROOT, models_dir
    from pipeline.evaluation.evaluate import GoldError
    from pipeline.evaluation.train_jobs import gold_folders, train_models

    try:
        folders = list(golds) or gold_folders(PROJECT_ROOT / "corpus", PROJECT_ROOT.parent / "shared" / "gold")
        settings = train_models(folders, out or models_dir(), seed, epochs, spacy_model)
    except (GoldError, RuntimeError) as exc:
        fail(str(exc))
    click.echo(f"{'held out':<24}{'rules F1':>9}{'stance':>8}{'chosen F1':>10}{'stance':>8}")
    for name, row in settings.held_out.items():
        click.echo(f"{name:<24}{row['rules_f1']:>9.3f}{row['rules_stance']:>8.3f}{row['f1']:>10.3f}{row['stance']:>8.3f}")
    click.echo(f"add at {settings.add_threshold}, drop below {settings.drop_threshold}, "
               f"restance at {settings.stance_threshold} (above 1: never)")


@main.command()
@click.argument("name", required=False)
@db_option
def people(name: str | None, db_url: str | None) -> None:
    """Officials across articles: each person's roles and forces, with when each was first and last seen.

    NAME matches any part of a name, in any case ("thornton"); without it, everyone.
    """
    from pipeline.publish.entities import role_histories
    from pipeline.storage.people import slug

    with reading_database(db_url) as engine:
        found = role_histories(engine, name)
    if not found:
        click.echo(f"no official matches {name!r}" if name else "no officials stored")
    for person in found:  # a second person of the same name shows its key
        same = person["person_id"] == slug(person["name"])
        click.echo(person["name"] if same else f"{person['name']} ({person['person_id']})")
        for r in person["roles"]:
            seen = f"{r['first_seen'] or 'undated'}" + (f" to {r['last_seen']}" if r["last_seen"] != r["first_seen"] else "")
            role = ("acting " if r["acting"] else "") + r["role"]
            click.echo(f"  {role:<36} {r['force'] or '(no force)':<36} {seen}  ({r['articles']} articles)")


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", "-n", default=20, show_default=True, type=click.IntRange(1), help="How many sentences.")
def search(query: str, db_url: str | None, limit: int) -> None:
    """Full-text search over sentences: each match with its article and the facts extracted from it.

    Words are stemmed ("suites" finds "suite"); every word must occur.
    """
    from pipeline.publish.search import SearchError, matching_sentences

    with reading_database(db_url) as engine:
        try:
            hits = matching_sentences(engine, query, limit)
        except SearchError as exc:
            fail(str(exc))
    if not hits:
        click.echo(f"no sentence matches {query!r}")
        return
    for hit in hits:
        click.echo(f"[article {hit['article_id']}, sentence {hit['idx']}] {hit['title'] or ''}")
        click.echo(f"  {hit['text']}")
        for fact in hit["facts"]:
            click.echo(f"    - {fact}")


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--open", "open_browser", is_flag=True, help="Open a web browser on it.")
def browse(db_url: str | None, host: str, port: int, open_browser: bool) -> None:
    """Browse the SQLite database in Datasette, with every table, view and column described.

    Needs Datasette, which `make install` (and `make run`) installs: the extra `pip install -e '.[browse]'`.
    Stop it with Ctrl-C or SIGTERM.
    """
    from pipeline.publish.browse import BrowseError, serve

    try:
        process = serve(database_url(db_url), host, port, open_browser=open_browser)
    except BrowseError as exc:
        fail(str(exc))
    try:
        sys.exit(process.wait())
    except KeyboardInterrupt:
        process.terminate()
        process.wait()


def is_local_host(host: str) -> bool:
    """True for a loopback address or name: only then may the review window run without a token."""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (not loopback: needs --token).")
@click.option("--port", default=8002, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", envvar="FORCEWATCH_REVIEW_TOKEN", default=None,
              help="Every request must present it (?token= once, or Authorization: Bearer) [env FORCEWATCH_REVIEW_TOKEN].")
def review(db_url: str | None, host: str, port: int, token: str | None) -> None:
    """The review window: read articles with their facts highlighted, correct them, see the overview charts.

    Needs the extra `review` (`make install` installs it). Stop it with Ctrl-C or SIGTERM.
    """
    if not is_local_host(host) and not token:
        fail(f"--host {host} is reachable from other machines: give --token (or FORCEWATCH_REVIEW_TOKEN) as well")
    try:
        import uvicorn

        from pipeline.review.app import create_app
    except ImportError as exc:
        fail(f"the review window needs the extra 'review' ({exc.name} is missing): pip install -e '.[review]'")
    from pipeline.storage.database import DatabaseError

    try:
        app = create_app(database_url(db_url), token)
    except DatabaseError as exc:
        fail(str(exc))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"forcewatch review on http://{shown}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


@main.command()
@click.option("--kind", type=click.Choice(["territorial", "special", "crown_dependency", "former"]), default=None)
def forces(kind: str | None) -> None:
    """List the force gazetteer: canonical names and the aliases that resolve to them."""
    from pipeline.gazetteer import load_gazetteer

    for force in load_gazetteer().forces:
        if kind and force.kind != kind:
            continue
        names = sorted({*force.aliases, *force.abbreviations, *force.areas})
        click.echo(f"{force.name}\t{force.kind}\t{'; '.join(names)}")


if __name__ == "__main__":
    main()
