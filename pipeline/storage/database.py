"""Database set-up: engines for any SQLAlchemy URL, migrations to head, the forces reference table.

SQLite gets WAL journaling, a busy timeout and enforced foreign keys on every connection, so
readers never block the ingest and ``ON DELETE CASCADE`` works as on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from filelock import FileLock, Timeout
from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from pipeline.config import display_url
from pipeline.forces import Gazetteer, load_gazetteer
from pipeline.labels import FUNCTIONS
from pipeline.storage.schema import forces, functions

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 60_000


class DatabaseError(Exception):
    """The database cannot be opened or written; the message says which and why."""


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL; None for other backends, in-memory databases and ``uri=true`` URLs."""
    parsed = make_url(url)
    is_uri = str(parsed.query.get("uri", "")).lower() == "true"  # sqlite:///file:db?mode=ro&uri=true
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:" or is_uri:
        return None
    return Path(parsed.database).expanduser()


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url``; for a SQLite file, its folder is created (with ``create``) and pragmas are set."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None and create:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            if parsed.database and parsed.database != ":memory:":
                cursor.execute("PRAGMA journal_mode")
                if cursor.fetchone()[0] != "wal":  # switching needs an exclusive lock: only once per file
                    cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (creates it on an empty database)."""
    cfg = alembic_config(engine)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def seed_forces(engine: Engine, gazetteer: Gazetteer) -> dict[str, int]:
    """Insert forces the gazetteer has and the table lacks; return name -> id for all of them."""
    with engine.begin() as conn:
        known = {name for (name,) in conn.execute(select(forces.c.name))}
        missing = [
            {"name": f.name, "kind": f.kind, "country": f.country, "note": f.note}
            for f in gazetteer.forces
            if f.name not in known
        ]
        if missing:
            conn.execute(forces.insert(), missing)
        return {name: id_ for id_, name in conn.execute(select(forces.c.id, forces.c.name))}


def seed_functions(engine: Engine) -> dict[str, int]:
    """Insert the contract's function labels the table lacks; return label -> id."""
    with engine.begin() as conn:
        known = {label for (label,) in conn.execute(select(functions.c.label))}
        missing = [{"label": label} for label in FUNCTIONS if label not in known]
        if missing:
            conn.execute(functions.insert(), missing)
        return {label: id_ for id_, label in conn.execute(select(functions.c.id, functions.c.label))}


@dataclass(frozen=True)
class ReferenceIds:
    """Ids of the reference tables' rows, by canonical force name and by function label."""

    forces: dict[str, int]
    functions: dict[str, int]


MIGRATION_LOCK_KEY = 0x666F7263  # "forc": the PostgreSQL advisory lock that serialises set-up


@contextmanager
def setup_lock(engine: Engine) -> Iterator[None]:
    """Serialise migrations and seeding between processes starting at once on one database.

    SQLite: a lock file beside the database file (filelock). PostgreSQL: a session advisory lock.
    """
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or database == ":memory:" or str(engine.url.query.get("uri", "")).lower() == "true":
            yield
            return
        with FileLock(f"{Path(database).expanduser()}.setup.lock", timeout=SQLITE_BUSY_TIMEOUT_MS / 1000):
            yield
        return
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
                conn.commit()
        return
    yield


def missing_database(url: str) -> str:
    shown = display_url(url)
    return (f"no forcewatch database at {shown}; create one with `forcewatch ingest PATHS --db {shown}` "
            "(or check --db and FORCEWATCH_DB)")


def open_database(url: str, *, create: bool = True) -> tuple[Engine, ReferenceIds]:
    """Engine migrated to head and seeded; returns it with the reference tables' ids.

    Without ``create`` (commands that only read), a database that does not exist yet is refused
    with ``DatabaseError`` instead of being created empty: a mistyped path must not read as "no
    results", nor leave an empty database and folders behind.
    """
    try:
        path = sqlite_file(url)
        if not create and path is not None and not path.is_file():
            raise DatabaseError(missing_database(url))
        engine = make_engine(url, create=create)
    except ArgumentError as exc:
        raise DatabaseError(f"{display_url(url)}: not a database URL SQLAlchemy can open ({exc})") from None
    try:
        if not create and not inspect(engine).has_table("alembic_version"):
            engine.dispose()
            raise DatabaseError(missing_database(url))
        with setup_lock(engine):
            upgrade(engine)
            return engine, ReferenceIds(seed_forces(engine, load_gazetteer()), seed_functions(engine))
    except (SQLAlchemyError, OSError, Timeout) as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open database {engine.url.render_as_string(hide_password=True)}: {exc}") from exc
