"""The ``forcewatch`` command line (click).

Every command takes ``--db`` (a SQLAlchemy URL; default ``FORCEWATCH_DB`` or
``sqlite:///outputs/forcewatch.db``). Exit codes: 0 success, 1 something failed (the
message says what), 2 bad usage.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from pipeline import __version__
from pipeline.config import database_url, display_url

F = Callable[..., Any]


def db_option(func: F) -> F:
    return click.option(
        "--db", "db_url", envvar="FORCEWATCH_DB", default=None, metavar="URL",
        help="SQLAlchemy database URL [env FORCEWATCH_DB; default sqlite:///outputs/forcewatch.db].",
    )(func)


def quiet_option(func: F) -> F:
    return click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors (for cron).")(func)


def fail(message: str) -> None:
    click.echo(f"forcewatch: error: {message}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="forcewatch")
def main() -> None:
    """forcewatch: extract police-force collaborations from news into a SQL database."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@quiet_option
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1), help="NLP processes.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1), help="Articles per NLP batch.")
@click.option("--spacy-model", envvar="FORCEWATCH_SPACY_MODEL", default=None, help="spaCy English pipeline to load.")
def ingest(paths: tuple[Path, ...], db_url: str | None, quiet: bool, workers: int, batch_size: int,
           spacy_model: str | None) -> None:
    """Ingest article files and folders (.txt, .md, .html; folders recursively).

    Idempotent: unchanged articles are skipped, changed ones re-extracted. Each article is
    stored in one transaction. Exits 1 if any input failed (the others are still stored).
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline.ingest import ingest as run_ingest
    from pipeline.reader import ReadError, discover
    from pipeline.storage.database import DatabaseError

    console = Console(stderr=True)
    show_bar = not quiet and console.is_terminal
    total = sum(1 for item in discover(paths) if not isinstance(item, ReadError)) if show_bar else None
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
        task = progress.add_task("ingest", total=total)
        try:
            summary = run_ingest(
                paths, db_url, workers=workers, batch_size=batch_size, spacy_model=spacy_model,
                on_progress=lambda *_: progress.advance(task), on_error=on_error,
            )
        except (DatabaseError, RuntimeError) as exc:
            fail(str(exc))
    if not quiet:
        click.echo(f"forcewatch: {summary.line()} ({display_url(database_url(db_url))})")
    if summary.failed:
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="File for json (default: standard output); folder for csv (default: outputs/csv).")
@db_option
def export(fmt: str, out: Path | None, db_url: str | None) -> None:
    """Export the database: the contract's JSON, or one CSV file per table."""
    from pipeline.export import export_csv, export_json
    from pipeline.storage.database import DatabaseError, open_database

    try:
        engine, _ = open_database(database_url(db_url))
    except DatabaseError as exc:
        fail(str(exc))
    try:
        if fmt == "csv":
            files = export_csv(engine, out or Path("outputs") / "csv")
            click.echo(f"forcewatch: wrote {len(files)} CSV files to {(out or Path('outputs') / 'csv')}", err=True)
        elif out is None or str(out) == "-":
            export_json(engine, sys.stdout)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("w", encoding="utf-8") as handle:
                n = export_json(engine, handle)
            click.echo(f"forcewatch: wrote {n} articles to {out}", err=True)
    finally:
        engine.dispose()


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

    from pipeline.evaluate import GoldError, format_report
    from pipeline.evaluate import evaluate as run_evaluate

    try:
        report = run_evaluate(gold, corpus, spacy_model=spacy_model)
    except GoldError as exc:
        fail(str(exc))
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report, details))


@main.command()
@click.option("--kind", type=click.Choice(["territorial", "special", "crown_dependency", "former"]), default=None)
def forces(kind: str | None) -> None:
    """List the force gazetteer: canonical names and the aliases that resolve to them."""
    from pipeline.forces import load_gazetteer

    for force in load_gazetteer().forces:
        if kind and force.kind != kind:
            continue
        names = sorted({*force.aliases, *force.abbreviations, *force.areas})
        click.echo(f"{force.name}\t{force.kind}\t{'; '.join(names)}")


if __name__ == "__main__":
    main()
