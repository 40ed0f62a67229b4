"""Database set-up: engines for any SQLAlchemy URL, migrations to head, the forces reference table.

SQLite gets WAL journaling, a busy timeout and enforced foreign keys on every connection, so
readers never block the ingest and ``ON DELETE CASCADE`` works as on PostgreSQL.

Set-up (migrations and seeding) is one transaction on both backends: a process killed or a disk
filled part-way leaves the database as it was, and the next run sets it up.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from filelock import FileLock, Timeout
from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from pipeline.config import display_url
from pipeline.contract import FUNCTIONS
from pipeline.gazetteer import Gazetteer, load_gazetteer
from pipeline.storage.schema import Base, articles, forces, functions

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 60_000


class DatabaseError(Exception):
    """The database cannot be opened or written; the message says which and why."""


def describe_error(exc: BaseException) -> str:
    """The database's own message on one line, without the SQL and parameters SQLAlchemy appends.

    Those may hold whole article texts, and say nothing a user can act on.
    """
    orig = getattr(exc, "orig", None)
    return " ".join(str(orig if orig is not None else exc).split()) or exc.__class__.__name__


def prepare_sqlite_folder(database: Path) -> None:
    """Create the database file's folder and check that files can be made in it.

    SQLite's WAL files and forcewatch's set-up lock live beside the database: where they cannot
    be made, the lock would otherwise be waited on for a minute and then blamed.
    """
    folder = database.parent
    for ancestor in (folder, *folder.parents):
        if ancestor.exists():
            if not ancestor.is_dir():
                raise DatabaseError(f"cannot create database {database}: {ancestor} is a file, not a folder")
            break
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"cannot create the folder {folder} of database {database}: {exc.strerror or exc}") from None
    if database.is_dir():
        raise DatabaseError(f"cannot use database {database}: it is a folder, not a file")
    try:
        with open(setup_lock_path(database), "a"):
            pass
    except OSError as exc:
        raise DatabaseError(
            f"cannot use database {database}: cannot create files in {folder} ({exc.strerror or exc})"
        ) from None


def setup_lock_path(database: Path) -> Path:
    return Path(f"{database}.setup.lock")


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL; None for other backends, in-memory databases and ``uri=true`` URLs."""
    parsed = make_url(url)
    is_uri = str(parsed.query.get("uri", "")).lower() == "true"  # sqlite:///file:db?mode=ro&uri=true
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:" or is_uri:
        return None
    return Path(parsed.database).expanduser()


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url``; for a SQLite file, its folder is created and checked (with ``create``) and
    pragmas are set.

    Raises ``DatabaseError`` when a SQLite file cannot be made where the URL puts it.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None and create:
            prepare_sqlite_folder(path)
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


@contextmanager
def set_up_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction for all of set-up: it all lands, or nothing does.

    SQLite's DDL is transactional, but pysqlite opens a transaction only before INSERT, UPDATE
    and DELETE and runs CREATE TABLE outside any (each one committed at once). So on SQLite the
    driver's own handling is switched off for this connection and BEGIN and COMMIT are issued here.
    """
    with engine.connect() as conn:
        if engine.dialect.name != "sqlite":
            with conn.begin():
                yield conn
            return
        conn.execution_options(isolation_level="AUTOCOMMIT")  # pysqlite: no implicit BEGIN or COMMIT
        conn.exec_driver_sql("BEGIN")
        try:
            yield conn
        except BaseException:
            if conn.connection.dbapi_connection.in_transaction:  # SQLite may have rolled back already
                conn.exec_driver_sql("ROLLBACK")
            raise
        conn.exec_driver_sql("COMMIT")


def rebuild_if_half_made(conn: Connection) -> None:
    """Clear forcewatch's tables when a set-up that never finished left them without a schema version.

    Older versions ran SQLite's DDL outside a transaction, so a run killed during its first set-up
    left tables and an empty ``alembic_version``, and every later run failed on "table already
    exists". With no article stored such a database holds nothing of value and is set up again;
    with articles it is left alone, with a message.
    """
    tables = set(inspect(conn).get_table_names())
    if not tables & set(Base.metadata.tables) or MigrationContext.configure(conn).get_current_revision():
        return
    stored = conn.execute(select(func.count()).select_from(articles)).scalar_one() if "articles" in tables else 0
    if stored:
        raise DatabaseError(
            "it has forcewatch's tables but no schema version (an earlier set-up did not finish, or the tables "
            f"were made by other means) and it holds {stored} article{'s' if stored != 1 else ''}, so forcewatch "
            "changes nothing: restore it from a backup, or move it aside and ingest again"
        )
    for view in inspect(conn).get_view_names():  # the analyst views of migration 0004
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {view}")
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DROP TABLE IF EXISTS sentences_fts")  # with its shadow tables
    for table in reversed(Base.metadata.sorted_tables):  # referring tables first
        if table.name in tables:
            table.drop(conn)
    conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


def upgrade(conn: Connection, cfg: Config) -> None:
    """Bring the schema to the newest migration (creates it on an empty database)."""
    rebuild_if_half_made(conn)
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def seed_forces(conn: Connection, gazetteer: Gazetteer) -> dict[str, int]:
    """Insert forces the gazetteer has and the table lacks; return name -> id for all of them."""
    known = {name for (name,) in conn.execute(select(forces.c.name))}
    missing = [
        {"name": f.name, "kind": f.kind, "country": f.country, "note": f.note}
        for f in gazetteer.forces
        if f.name not in known
    ]
    if missing:
        conn.execute(forces.insert(), missing)
    return {name: id_ for id_, name in conn.execute(select(forces.c.id, forces.c.name))}


def seed_functions(conn: Connection) -> dict[str, int]:
    """Insert the contract's function labels the table lacks; return label -> id."""
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
        with FileLock(setup_lock_path(Path(database).expanduser()), timeout=SQLITE_BUSY_TIMEOUT_MS / 1000):
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
        exists = create or inspect(engine).has_table("alembic_version")
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open database {display_url(url)}: {describe_error(exc)}") from exc
    if not exists:
        engine.dispose()
        raise DatabaseError(missing_database(url))
    try:
        with setup_lock(engine), set_up_transaction(engine) as conn:
            upgrade(conn, alembic_config(engine))
            ids = ReferenceIds(seed_forces(conn, load_gazetteer()), seed_functions(conn))
        return engine, ids
    except (DatabaseError, SQLAlchemyError, OSError, Timeout) as exc:
        engine.dispose()
        shown = engine.url.render_as_string(hide_password=True)
        raise DatabaseError(f"cannot open database {shown}: {describe_error(exc)}") from exc
