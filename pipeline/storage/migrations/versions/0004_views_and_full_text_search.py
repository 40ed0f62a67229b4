"""Views for analysts (one row per fact, summaries per force, collaboration and year) and
full-text search over sentences (SQLite FTS5 kept in step by triggers; a GIN index on PostgreSQL).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def force_list(link: str, key: str, owner: str, dialect: str) -> str:
    """'Force A; Force B' for one row of a link table, in name order."""
    if dialect == "postgresql":
        agg = "string_agg(f.name, '; ' ORDER BY f.name)"
        return f"(SELECT {agg} FROM {link} l JOIN forces f ON f.id = l.force_id WHERE l.{key} = {owner})"
    return (
        f"(SELECT group_concat(name, '; ') FROM (SELECT f.name AS name FROM {link} l JOIN forces f ON f.id = l.force_id "
        f"WHERE l.{key} = {owner} ORDER BY f.name))"
    )


def year_of(column: str, dialect: str) -> str:
    if dialect == "postgresql":
        return f"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)"
    return f"CAST(strftime('%Y', {column}) AS INTEGER)"


ARTICLE_COLUMNS = "a.id AS article_id, a.title AS article_title, a.published_at, a.source_path"
SENTENCE_COLUMNS = "s.idx AS sentence_index, s.text AS sentence"
# Collaborations keyed by name across articles ("(unnamed)" for the ones without a name).
KEYED = "(SELECT id, article_id, coalesce(name, '(unnamed)') AS collaboration FROM collaborations)"


def views(dialect: str) -> dict[str, str]:
    money_forces = force_list("money_figure_forces", "money_figure_id", "m.id", dialect)
    collab_forces = force_list("collaboration_forces", "collaboration_id", "c.id", dialect)
    year = year_of("a.published_at", dialect)
    return {
        "officials_view": f"""
            SELECT o.id AS official_mention_id, {ARTICLE_COLUMNS}, p.id AS person_id, p.name, o.role, o.acting,
                   f.name AS force, {SENTENCE_COLUMNS}, o.text AS evidence, o.start_char, o.end_char
            FROM official_mentions o
            JOIN articles a ON a.id = o.article_id
            JOIN sentences s ON s.id = o.sentence_id
            JOIN people p ON p.id = o.person_id
            LEFT JOIN forces f ON f.id = o.force_id""",
        "money_view": f"""
            SELECT m.id AS money_figure_id, {ARTICLE_COLUMNS}, m.amount, m.amount_high, m.currency, m.kind, m.hedged,
                   m.period, m.period_start, m.period_end, {money_forces} AS forces,
                   m.collaboration_id, c.name AS collaboration_name,
                   {SENTENCE_COLUMNS}, m.text AS evidence, m.start_char, m.end_char
            FROM money_figures m
            JOIN articles a ON a.id = m.article_id
            JOIN sentences s ON s.id = m.sentence_id
            LEFT JOIN collaborations c ON c.id = m.collaboration_id""",
        "functions_view": f"""
            SELECT fm.id AS function_mention_id, {ARTICLE_COLUMNS}, fn.label AS function, fm.status,
                   fm.collaboration_id, c.name AS collaboration_name,
                   {SENTENCE_COLUMNS}, fm.text AS evidence, fm.start_char, fm.end_char
            FROM function_mentions fm
            JOIN functions fn ON fn.id = fm.function_id
            JOIN articles a ON a.id = fm.article_id
            JOIN sentences s ON s.id = fm.sentence_id
            LEFT JOIN collaborations c ON c.id = fm.collaboration_id""",
        "job_concerns_view": f"""
            SELECT j.id AS job_concern_id, {ARTICLE_COLUMNS}, j.stance, p.name AS speaker,
                   (SELECT o.role FROM official_mentions o WHERE o.person_id = j.speaker_id
                    AND o.article_id = j.article_id ORDER BY o.start_char LIMIT 1) AS speaker_role,
                   sf.name AS speaker_force, {SENTENCE_COLUMNS}, j.start_char, j.end_char
            FROM job_concerns j
            JOIN articles a ON a.id = j.article_id
            JOIN sentences s ON s.id = j.sentence_id
            LEFT JOIN people p ON p.id = j.speaker_id
            LEFT JOIN forces sf ON sf.id = p.force_id""",
        "collaborations_view": f"""
            SELECT c.id AS collaboration_id, {ARTICLE_COLUMNS}, c.name, c.type, {collab_forces} AS forces,
                   (SELECT count(*) FROM collaboration_forces cf WHERE cf.collaboration_id = c.id) AS force_count,
                   {SENTENCE_COLUMNS}, c.text AS evidence, c.start_char, c.end_char
            FROM collaborations c
            JOIN articles a ON a.id = c.article_id
            JOIN sentences s ON s.id = c.sentence_id""",
        "force_summary": """
            SELECT f.id AS force_id, f.name AS force, f.kind, f.country,
                   (SELECT count(DISTINCT fm.article_id) FROM force_mentions fm WHERE fm.force_id = f.id) AS articles,
                   (SELECT count(DISTINCT other.force_id) FROM collaboration_forces mine
                    JOIN collaboration_forces other ON other.collaboration_id = mine.collaboration_id
                    AND other.force_id <> mine.force_id WHERE mine.force_id = f.id) AS partners,
                   (SELECT count(DISTINCT fn.function_id) FROM collaboration_forces mine
                    JOIN function_mentions fn ON fn.collaboration_id = mine.collaboration_id AND fn.status = 'shared'
                    WHERE mine.force_id = f.id) AS functions_shared,
                   (SELECT coalesce(sum(amount), 0) FROM (SELECT DISTINCT m.article_id, m.amount FROM money_figures m
                    JOIN money_figure_forces mf ON mf.money_figure_id = m.id
                    WHERE mf.force_id = f.id AND m.kind = 'savings' AND m.currency = 'GBP') saved) AS savings_claimed,
                   (SELECT count(*) FROM job_concerns j WHERE j.article_id IN
                    (SELECT fm.article_id FROM force_mentions fm WHERE fm.force_id = f.id)) AS job_concerns
            FROM forces f""",
        "collaboration_summary": f"""
            SELECT k.collaboration, count(DISTINCT k.article_id) AS articles,
                   (SELECT count(DISTINCT cf.force_id) FROM collaboration_forces cf JOIN {KEYED} k2
                    ON k2.id = cf.collaboration_id WHERE k2.collaboration = k.collaboration) AS forces,
                   min(a.published_at) AS first_published, max(a.published_at) AS last_published,
                   (SELECT count(DISTINCT fm.function_id) FROM function_mentions fm JOIN {KEYED} k3
                    ON k3.id = fm.collaboration_id WHERE k3.collaboration = k.collaboration
                    AND fm.status = 'shared') AS functions_shared,
                   (SELECT coalesce(sum(m.amount), 0) FROM money_figures m JOIN {KEYED} k4
                    ON k4.id = m.collaboration_id WHERE k4.collaboration = k.collaboration
                    AND m.kind = 'savings' AND m.currency = 'GBP') AS savings_claimed
            FROM {KEYED} k
            JOIN articles a ON a.id = k.article_id
            GROUP BY k.collaboration""",
        "year_summary": f"""
            SELECT {year} AS year, count(*) AS articles,
                   sum((SELECT count(*) FROM collaborations c WHERE c.article_id = a.id)) AS collaborations,
                   sum((SELECT coalesce(sum(m.amount), 0) FROM money_figures m
                        WHERE m.article_id = a.id AND m.kind = 'savings' AND m.currency = 'GBP')) AS savings_claimed,
                   sum((SELECT count(*) FROM job_concerns j WHERE j.article_id = a.id)) AS job_concerns
            FROM articles a
            GROUP BY {year}""",
    }


SQLITE_FTS = [
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN "
    "INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN "
    "INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER sentences_fts_update AFTER UPDATE ON sentences BEGIN "
    "INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')",
]
POSTGRES_FTS = ["CREATE INDEX ix_sentences_fts ON sentences USING GIN (to_tsvector('english', text))"]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, sql in views(dialect).items():
        op.execute(f"CREATE VIEW {name} AS {sql}")
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("sentences_fts_insert", "sentences_fts_delete", "sentences_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS sentences_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_sentences_fts")
    for name in reversed(list(views(dialect))):
        op.execute(f"DROP VIEW IF EXISTS {name}")
