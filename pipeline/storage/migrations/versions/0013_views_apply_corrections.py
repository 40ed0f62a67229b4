"""The fact views apply analysts' corrections (issue 15): what an analyst rejected is gone, a corrected
attribute shows its corrected value, a fact an analyst added is a row, and a ``corrected`` column says
which rows a correction changed or added.

A correction names its fact by the article's SHA-256, the fact kind and the evidence offsets (never a row
id), so the views find it again after re-extraction. The rule is the one of ``apply_corrections`` (the
exports): corrections apply oldest first; a fact whose latest correction is ``reject`` is dropped; for each
attribute the latest ``correct`` wins. The fact tables keep the values as extracted: the views are where
corrections show. Forces' mentions have no view of their own; ``money_view`` and ``collaborations_view``
show a corrected list of forces as written in the correction.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

import importlib
import re

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_views = importlib.import_module("pipeline.storage.migrations.versions.0004_views_and_full_text_search")
_entities = importlib.import_module("pipeline.storage.migrations.versions.0006_collaboration_entities")
_force_summary = importlib.import_module("pipeline.storage.migrations.versions.0008_summaries_that_add_up")
_summaries = importlib.import_module("pipeline.storage.migrations.versions.0010_collaboration_and_year_summaries_add_up")

ARTICLE = _views.ARTICLE_COLUMNS
SENTENCE = _views.SENTENCE_COLUMNS
VIEWS = ("officials_view", "money_view", "functions_view", "job_concerns_view", "collaborations_view")
# The fact tables as the summaries read them once corrected: the extracted rows an analyst did not reject, with
# their corrected values (the same columns as the table, so the summaries' SQL is unchanged but for the name).
CORRECTED_TABLES = {
    "money_figures": """(SELECT m0.id, m0.article_id, m0.sentence_id, mv.amount, m0.amount_high, m0.currency, mv.kind,
                         mv.hedged, mv.period, m0.text, m0.start_char, m0.end_char, m0.collaboration_id
                         FROM money_figures m0 JOIN money_view mv ON mv.money_figure_id = m0.id)""",
    "function_mentions": """(SELECT f0.id, f0.article_id, f0.sentence_id, f0.collaboration_id, fn0.id AS function_id,
                             fv.status, f0.text, f0.start_char, f0.end_char
                             FROM function_mentions f0 JOIN functions_view fv ON fv.function_mention_id = f0.id
                             JOIN functions fn0 ON fn0.label = fv.function)""",
    "job_concerns": """(SELECT j0.id, j0.article_id, j0.sentence_id, jv.stance, j0.start_char, j0.end_char
                        FROM job_concerns j0 JOIN job_concerns_view jv ON jv.job_concern_id = j0.id)""",
    "collaborations": """(SELECT c0.id, c0.article_id, c0.sentence_id, c0.entity_id, c0.stage_date, cv.name, cv.type,
                          cv.stage, c0.text, c0.start_char, c0.end_char
                          FROM collaborations c0 JOIN collaborations_view cv ON cv.collaboration_id = c0.id)""",
}
TABLE_REFERENCE = re.compile(
    r"\b(FROM|JOIN) (money_figures|function_mentions|job_concerns|collaborations)\b"
    r"(\s+(?!(?:WHERE|JOIN|LEFT|ON|GROUP|ORDER)\b)\w+)?"  # its alias, where it has one
)


def json_text(expr: str, dialect: str, key: str | None = None) -> str:
    """The JSON value (or one key of a JSON object) as a plain SQL value."""
    if dialect == "postgresql":
        return f"(({expr})::json ->> '{key}')" if key else f"(({expr})::json #>> '{{}}')"
    return f"json_extract({expr}, '$.{key}')" if key else f"json_extract({expr}, '$')"


def typed(expr: str, sql_type: str | None, dialect: str) -> str:
    """PostgreSQL reads JSON as text: cast it to the column's type (SQLite's json_extract is typed already)."""
    return f"CAST({expr} AS {sql_type})" if sql_type and dialect == "postgresql" else expr


def joined_list(expr: str, dialect: str) -> str:
    """A JSON array of names as 'A; B' (the views' way of listing forces)."""
    if dialect == "postgresql":
        return f"(SELECT string_agg(v, '; ' ORDER BY v) FROM json_array_elements_text(({expr})::json) v)"
    return f"(SELECT group_concat(value, '; ') FROM (SELECT value FROM json_each({expr}) ORDER BY value))"


def match(kind: str, alias: str) -> str:
    """The corrections of one fact row (``alias``): same article, kind and offsets."""
    return (f"k.article_sha = a.sha256 AND k.fact_kind = '{kind}' AND k.start_char = {alias}.start_char "
            f"AND k.end_char = {alias}.end_char")


def corrected_value(kind: str, alias: str, field: str, column: str, dialect: str, sql_type: str | None = None) -> str:
    """The latest corrected value of ``field``, else the column as extracted."""
    latest = (f"(SELECT k.new_value FROM corrections k WHERE {match(kind, alias)} AND k.action = 'correct' "
              f"AND k.field = '{field}' ORDER BY k.id DESC LIMIT 1)")
    value = joined_list(latest, dialect) if field == "forces" else typed(json_text(latest, dialect), sql_type, dialect)
    return f"CASE WHEN {latest} IS NULL THEN {column} ELSE {value} END"


def was_corrected(kind: str, alias: str) -> str:
    return f"EXISTS (SELECT 1 FROM corrections k WHERE {match(kind, alias)} AND k.action = 'correct')"


def not_rejected(kind: str, alias: str) -> str:
    """The fact's latest correction, if any, is not a rejection (accept, correct or add after it restore it)."""
    return (f"coalesce((SELECT k.action FROM corrections k WHERE {match(kind, alias)} ORDER BY k.id DESC LIMIT 1), "
            f"'none') <> 'reject'")


def added(kind: str, dialect: str) -> tuple[str, str]:
    """FROM and WHERE of the facts analysts added: the correction's article and the sentence holding its start."""
    alias = "k0"
    later = (f"coalesce((SELECT k.action FROM corrections k WHERE k.article_sha = {alias}.article_sha "
             f"AND k.fact_kind = '{kind}' AND k.start_char = {alias}.start_char AND k.end_char = {alias}.end_char "
             f"ORDER BY k.id DESC LIMIT 1), 'none') <> 'reject'")
    source = (f"FROM corrections {alias} JOIN articles a ON a.sha256 = {alias}.article_sha "
              f"JOIN sentences s ON s.article_id = a.id AND s.start_char <= {alias}.start_char "
              f"AND {alias}.start_char < s.end_char")
    return source, f"WHERE {alias}.fact_kind = '{kind}' AND {alias}.action = 'add' AND {later}"


def field(key: str, dialect: str, sql_type: str | None = None) -> str:
    """One attribute of an added fact (the correction's JSON object)."""
    return typed(json_text("k0.new_value", dialect, key), sql_type, dialect)


# The words an added fact was selected on: its offsets in the article's text.
ADDED_EVIDENCE = "substr(a.text, k0.start_char + 1, k0.end_char - k0.start_char)"


def views(dialect: str) -> dict[str, str]:
    yes = "TRUE" if dialect == "postgresql" else "1"  # an added row is corrected
    money_forces = _views.force_list("money_figure_forces", "money_figure_id", "m.id", dialect)
    collab_forces = _views.force_list("collaboration_forces", "collaboration_id", "c.id", dialect)
    num, boolean = "NUMERIC", "BOOLEAN"
    out = {}

    src, where = added("official", dialect)
    out["officials_view"] = f"""
        SELECT o.id AS official_mention_id, {ARTICLE}, p.id AS person_id,
               {corrected_value('official', 'o', 'name', 'p.name', dialect)} AS name,
               {corrected_value('official', 'o', 'role', 'o.role', dialect)} AS role,
               {corrected_value('official', 'o', 'acting', 'o.acting', dialect, boolean)} AS acting,
               {corrected_value('official', 'o', 'force', 'f.name', dialect)} AS force,
               {SENTENCE}, o.text AS evidence, o.start_char, o.end_char,
               {was_corrected('official', 'o')} AS corrected
        FROM official_mentions o
        JOIN articles a ON a.id = o.article_id
        JOIN sentences s ON s.id = o.sentence_id
        JOIN people p ON p.id = o.person_id
        LEFT JOIN forces f ON f.id = o.force_id
        WHERE {not_rejected('official', 'o')}
        UNION ALL
        SELECT NULL, {ARTICLE}, NULL, {field('name', dialect)}, {field('role', dialect)},
               {field('acting', dialect, boolean)}, {field('force', dialect)},
               {SENTENCE}, {ADDED_EVIDENCE}, k0.start_char, k0.end_char, {yes}
        {src} {where}"""

    src, where = added("money", dialect)
    out["money_view"] = f"""
        SELECT m.id AS money_figure_id, {ARTICLE},
               {corrected_value('money', 'm', 'amount', 'm.amount', dialect, num)} AS amount, m.amount_high,
               m.currency, {corrected_value('money', 'm', 'kind', 'm.kind', dialect)} AS kind,
               {corrected_value('money', 'm', 'hedged', 'm.hedged', dialect, boolean)} AS hedged,
               {corrected_value('money', 'm', 'period', 'm.period', dialect)} AS period, m.period_start, m.period_end,
               {corrected_value('money', 'm', 'forces', money_forces, dialect)} AS forces,
               m.collaboration_id, c.name AS collaboration_name,
               {SENTENCE}, m.text AS evidence, m.start_char, m.end_char,
               {was_corrected('money', 'm')} AS corrected
        FROM money_figures m
        JOIN articles a ON a.id = m.article_id
        JOIN sentences s ON s.id = m.sentence_id
        LEFT JOIN collaborations c ON c.id = m.collaboration_id
        WHERE {not_rejected('money', 'm')}
        UNION ALL
        SELECT NULL, {ARTICLE}, {field('amount', dialect, num)}, NULL, 'GBP', {field('kind', dialect)},
               {field('hedged', dialect, boolean)}, {field('period', dialect)}, NULL, NULL,
               {joined_list(f"{json_text('k0.new_value', dialect, 'forces')}", dialect)}, NULL, NULL,
               {SENTENCE}, {ADDED_EVIDENCE}, k0.start_char, k0.end_char, {yes}
        {src} {where}"""

    src, where = added("function", dialect)
    out["functions_view"] = f"""
        SELECT fm.id AS function_mention_id, {ARTICLE},
               {corrected_value('function', 'fm', 'function', 'fn.label', dialect)} AS function,
               {corrected_value('function', 'fm', 'status', 'fm.status', dialect)} AS status,
               fm.collaboration_id, c.name AS collaboration_name,
               {SENTENCE}, fm.text AS evidence, fm.start_char, fm.end_char,
               {was_corrected('function', 'fm')} AS corrected
        FROM function_mentions fm
        JOIN functions fn ON fn.id = fm.function_id
        JOIN articles a ON a.id = fm.article_id
        JOIN sentences s ON s.id = fm.sentence_id
        LEFT JOIN collaborations c ON c.id = fm.collaboration_id
        WHERE {not_rejected('function', 'fm')}
        UNION ALL
        SELECT NULL, {ARTICLE}, {field('function', dialect)}, {field('status', dialect)},
               NULL, NULL, {SENTENCE}, {ADDED_EVIDENCE}, k0.start_char, k0.end_char, {yes}
        {src} {where}"""

    src, where = added("job_concern", dialect)
    out["job_concerns_view"] = f"""
        SELECT j.id AS job_concern_id, {ARTICLE},
               {corrected_value('job_concern', 'j', 'stance', 'j.stance', dialect)} AS stance,
               {corrected_value('job_concern', 'j', 'speaker', 'p.name', dialect)} AS speaker,
               (SELECT o.role FROM official_mentions o WHERE o.person_id = j.speaker_id
                AND o.article_id = j.article_id ORDER BY o.start_char LIMIT 1) AS speaker_role,
               sf.name AS speaker_force, {SENTENCE}, j.start_char, j.end_char,
               {was_corrected('job_concern', 'j')} AS corrected
        FROM job_concerns j
        JOIN articles a ON a.id = j.article_id
        JOIN sentences s ON s.id = j.sentence_id
        LEFT JOIN people p ON p.id = j.speaker_id
        LEFT JOIN forces sf ON sf.id = p.force_id
        WHERE {not_rejected('job_concern', 'j')}
        UNION ALL
        SELECT NULL, {ARTICLE}, {field('stance', dialect)}, {field('speaker', dialect)},
               NULL, NULL, {SENTENCE}, k0.start_char, k0.end_char, {yes}
        {src} {where}"""

    src, where = added("collaboration", dialect)
    out["collaborations_view"] = f"""
        SELECT c.id AS collaboration_id, {ARTICLE},
               {corrected_value('collaboration', 'c', 'name', 'c.name', dialect)} AS name,
               {corrected_value('collaboration', 'c', 'type', 'c.type', dialect)} AS type,
               {corrected_value('collaboration', 'c', 'stage', 'c.stage', dialect)} AS stage,
               {_entities.STAGE_DATE} AS stage_date, e.entity_key,
               {corrected_value('collaboration', 'c', 'forces', collab_forces, dialect)} AS forces,
               (SELECT count(*) FROM collaboration_forces cf WHERE cf.collaboration_id = c.id) AS force_count,
               {SENTENCE}, c.text AS evidence, c.start_char, c.end_char,
               {was_corrected('collaboration', 'c')} AS corrected
        FROM collaborations c
        JOIN articles a ON a.id = c.article_id
        JOIN sentences s ON s.id = c.sentence_id
        LEFT JOIN collaboration_entities e ON e.id = c.entity_id
        WHERE {not_rejected('collaboration', 'c')}
        UNION ALL
        SELECT NULL, {ARTICLE}, {field('name', dialect)}, {field('type', dialect)},
               {field('stage', dialect)}, a.published_at, NULL,
               {joined_list(f"{json_text('k0.new_value', dialect, 'forces')}", dialect)}, NULL,
               {SENTENCE}, {ADDED_EVIDENCE}, k0.start_char, k0.end_char, {yes}
        {src} {where}"""
    return out


def corrected(sql: str) -> str:
    """A summary's SQL reading the corrected fact tables in place of the tables as extracted."""
    return TABLE_REFERENCE.sub(  # PostgreSQL wants an alias on a subquery: 'FROM collaborations)' gets one
        lambda m: f"{m.group(1)} {CORRECTED_TABLES[m.group(2)]}{m.group(3) or ' AS corrected_' + m.group(2)}", sql
    )


def summaries_before(dialect: str) -> dict[str, str]:
    """The summaries and collaboration-entity views as defined before this revision (0006, 0008, 0010)."""
    return {**_entities.views(dialect), "force_summary": _force_summary.FORCE_SUMMARY, **_summaries.summaries(dialect)}


def summaries(dialect: str) -> dict[str, str]:
    """The same summaries over the corrected facts: a rejected figure or collaboration is not counted, a corrected
    kind or amount is counted as corrected. They count extracted facts only (an added fact is in the fact views);
    the forces a figure or collaboration belongs to stay as extracted."""
    return {name: corrected(sql) for name, sql in summaries_before(dialect).items()}


def previous(dialect: str) -> dict[str, str]:
    """The definitions before this revision (0004's, and 0006's collaborations_view)."""
    old = _views.views(dialect)
    return {name: _entities.collaborations_view(dialect) if name == "collaborations_view" else old[name]
            for name in VIEWS}


def replace_views(facts: dict[str, str], summaries: dict[str, str]) -> None:
    """Drop the summaries (they read the fact views), then redefine the fact views, then the summaries."""
    for name in summaries:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for name, sql in facts.items():
        op.execute(f"DROP VIEW IF EXISTS {name}")
        op.execute(f"CREATE VIEW {name} AS {sql}")
    for name, sql in summaries.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    replace_views(views(dialect), summaries(dialect))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    replace_views(previous(dialect), summaries_before(dialect))
