"""The normalised SQL schema (SQLAlchemy 2 declarative models).

Every extracted fact links to its article and sentence, with the character offsets of its
evidence in ``articles.text``; deleting an article cascades to everything extracted from it.
Column names avoid SQL keywords (``start_char``, not ``start``) so hand-written SQL stays plain.
The Alembic migrations in ``pipeline/migrations`` create exactly these tables; a test checks it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


def article_fk() -> Mapped[int]:
    return mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True, comment="the article"
    )


def sentence_fk() -> Mapped[int]:
    return mapped_column(
        ForeignKey("sentences.id", ondelete="CASCADE"), nullable=False, index=True, comment="the source sentence"
    )


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = {"comment": "One row per distinct article text (identified by its SHA-256)."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, comment="SHA-256 of the normalised text")
    source_path: Mapped[str] = mapped_column(Text, comment="where the article was first read from")
    title: Mapped[str | None] = mapped_column(Text, comment="the headline, or the start of the first line")
    published_at: Mapped[date | None] = mapped_column(Date, comment="publication date where known")
    text: Mapped[str] = mapped_column(Text, comment="normalised text; every offset points into it")
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), comment="when it was last extracted (UTC)")
    pipeline_version: Mapped[str] = mapped_column(String(64), comment="package version + models/ digest")


class ArticleSourceRow(Base):
    __tablename__ = "article_sources"
    __table_args__ = {"comment": "Every file path or URL an article was read from; one article may have several."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    uri: Mapped[str] = mapped_column(Text, unique=True, comment="absolute file path or URL")
    first_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), comment="when it was first read (UTC)")
    size: Mapped[int | None] = mapped_column(
        BigInteger, comment="a file's size in bytes when last read (null for a URL or a feed's item)"
    )
    mtime_ns: Mapped[int | None] = mapped_column(
        BigInteger, comment="a file's modification time when last read (ns since 1970); with size, an unchanged "
        "file of a current article is not read again",
    )


class SentenceRow(Base):
    __tablename__ = "sentences"
    __table_args__ = (
        UniqueConstraint("article_id", "idx", name="uq_sentences_article_idx"),
        {"comment": "Sentences of each article, with 0-based index and character offsets."},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    idx: Mapped[int] = mapped_column(Integer, comment="0-based position in the article")
    start_char: Mapped[int] = mapped_column(Integer, comment="offset of the first character in articles.text")
    end_char: Mapped[int] = mapped_column(Integer, comment="offset one past the last character")
    text: Mapped[str] = mapped_column(Text, comment="articles.text[start_char:end_char]")


class ForceRow(Base):
    __tablename__ = "forces"
    __table_args__ = {"comment": "Reference table of UK police forces, seeded from models/forces.json."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True, comment="canonical (official) name")
    kind: Mapped[str] = mapped_column(String(32), comment="territorial, special, crown_dependency or former")
    country: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)


class ForceMentionRow(Base):
    __tablename__ = "force_mentions"
    __table_args__ = (
        Index("ix_force_mentions_force_article", "force_id", "article_id"),
        {"comment": "Each place an article names a police force, resolved to the canonical force."},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    sentence_id: Mapped[int] = sentence_fk()
    force_id: Mapped[int] = mapped_column(ForeignKey("forces.id"), index=True, comment="the canonical force")
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, comment="the words as written: 'Herts', 'the Met', ...")


# ---- facts (migration 0002) -------------------------------------------------------------------


def start_col() -> Mapped[int]:
    return mapped_column(Integer, comment="offset of the evidence in articles.text")


def end_col() -> Mapped[int]:
    return mapped_column(Integer, comment="offset one past the evidence")


def text_col() -> Mapped[str]:
    return mapped_column(Text, comment="the evidence: articles.text[start_char:end_char]")


def optional_fk(target: str, comment: str) -> Mapped[int | None]:
    return mapped_column(ForeignKey(target, ondelete="SET NULL"), nullable=True, index=True, comment=comment)


class PersonRow(Base):
    __tablename__ = "people"
    __table_args__ = {"comment": "Named officials, one row per person across articles (normalised name + force)."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_key: Mapped[str] = mapped_column(String(300), unique=True, comment="normalised name | force name")
    name: Mapped[str] = mapped_column(String(200), comment="name without honorifics or rank")
    force_id: Mapped[int | None] = optional_fk("forces.id", "the force the person serves, where known")


class OfficialMentionRow(Base):
    __tablename__ = "official_mentions"
    __table_args__ = {"comment": "Each mention of a named official, with the role and force the text gives."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    sentence_id: Mapped[int] = sentence_fk()
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True, comment="the person")
    role: Mapped[str] = mapped_column(String(64), comment="role label of the contract, e.g. chief_constable")
    acting: Mapped[bool] = mapped_column(Boolean, comment="acting, interim or temporary holder")
    force_id: Mapped[int | None] = optional_fk("forces.id", "the force tied to the person in this article")
    start_char: Mapped[int] = start_col()
    end_char: Mapped[int] = end_col()
    text: Mapped[str] = text_col()


class QuoteRow(Base):
    __tablename__ = "quotes"
    __table_args__ = {"comment": "Quoted speech, attributed to an official where the text names one."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    sentence_id: Mapped[int] = sentence_fk()
    person_id: Mapped[int | None] = optional_fk("people.id", "the speaker")
    start_char: Mapped[int] = start_col()
    end_char: Mapped[int] = end_col()
    text: Mapped[str] = text_col()


class CollaborationRow(Base):
    __tablename__ = "collaborations"
    __table_args__ = {"comment": "Each collaboration an article describes: its name, type and forces."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    sentence_id: Mapped[int] = sentence_fk()
    name: Mapped[str | None] = mapped_column(Text, comment="'Evolve', 'strategic alliance', ... where named")
    type: Mapped[str | None] = mapped_column(String(64), comment="alliance, merger, shared service, ...")
    stage: Mapped[str | None] = mapped_column(String(16), comment="proposed, agreed, operating, expanded or ended")
    entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("collaboration_entities.id", ondelete="SET NULL"), nullable=True, index=True,
        comment="the collaboration entity this mention resolves to (across articles)",
    )
    stage_date: Mapped[date | None] = mapped_column(
        Date, comment="the date of the stage: the date its sentence states, else the article's publication date")
    start_char: Mapped[int] = start_col()
    end_char: Mapped[int] = end_col()
    text: Mapped[str] = text_col()


class CollaborationEntityRow(Base):
    __tablename__ = "collaboration_entities"
    __table_args__ = (
        Index("ix_collaboration_entities_group", "family", "force_signature"),
        {"comment": "One collaboration across articles: the mentions of the same forces and name (storage/entities.py)."},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_key: Mapped[str] = mapped_column(
        String(200), unique=True, comment="stable kebab-case key, e.g. merger-cumbria-lancashire"
    )
    name: Mapped[str | None] = mapped_column(
        Text, comment="the distinctive name as most often written, where it has one"
    )
    family: Mapped[str] = mapped_column(String(16), comment="merger (into one force) or collaboration")
    force_signature: Mapped[str] = mapped_column(Text, comment="its forces, '; '-separated, in name order")


class CollaborationEntityForceRow(Base):
    __tablename__ = "collaboration_entity_forces"
    __table_args__ = {"comment": "The forces of each collaboration entity."}

    entity_id: Mapped[int] = mapped_column(
        ForeignKey("collaboration_entities.id", ondelete="CASCADE"), primary_key=True
    )
    force_id: Mapped[int] = mapped_column(ForeignKey("forces.id"), primary_key=True, index=True)


class ArticleSignatureRow(Base):
    __tablename__ = "article_signatures"
    __table_args__ = {"comment": "A MinHash of each article's word 5-grams, to find the same story told twice."}

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary, comment="datasketch MinHash hash values, little-endian uint64")


class NearDuplicateRow(Base):
    __tablename__ = "near_duplicates"
    __table_args__ = {"comment": "Pairs of articles that tell the same story (estimated Jaccard similarity)."}

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
                                            comment="the later stored article of the pair")
    other_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True,
                                          comment="the earlier stored article of the pair")
    similarity: Mapped[float] = mapped_column(Float, comment="estimated Jaccard similarity, 0 to 1")


class CollaborationForceRow(Base):
    __tablename__ = "collaboration_forces"
    __table_args__ = {"comment": "The forces of each collaboration."}

    collaboration_id: Mapped[int] = mapped_column(
        ForeignKey("collaborations.id", ondelete="CASCADE"), primary_key=True
    )
    force_id: Mapped[int] = mapped_column(ForeignKey("forces.id"), primary_key=True, index=True)


class FunctionRow(Base):
    __tablename__ = "functions"
    __table_args__ = {"comment": "Reference table of policing functions (the contract's labels)."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(64), unique=True, comment="e.g. custody, ict, major_crime")


class FunctionMentionRow(Base):
    __tablename__ = "function_mentions"
    __table_args__ = {"comment": "Functions a collaboration shares, proposes to share, or excludes."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    sentence_id: Mapped[int] = sentence_fk()
    function_id: Mapped[int] = mapped_column(ForeignKey("functions.id"), index=True)
    collaboration_id: Mapped[int | None] = optional_fk("collaborations.id", "the collaboration it belongs to")
    status: Mapped[str] = mapped_column(String(16), comment="shared, proposed or excluded")
    start_char: Mapped[int] = start_col()
    end_char: Mapped[int] = end_col()
    text: Mapped[str] = text_col()


class MoneyFigureRow(Base):
    __tablename__ = "money_figures"
    __table_args__ = {"comment": "Monetary figures about policing finances, normalised to whole currency units."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    sentence_id: Mapped[int] = sentence_fk()
    collaboration_id: Mapped[int | None] = optional_fk("collaborations.id", "the collaboration it belongs to")
    amount: Mapped[float] = mapped_column(Numeric(18, 2, asdecimal=False), comment="amount (low end of a range)")
    amount_high: Mapped[float | None] = mapped_column(Numeric(18, 2, asdecimal=False), comment="high end of a range")
    currency: Mapped[str] = mapped_column(String(3), comment="ISO 4217 code: GBP, EUR, USD")
    kind: Mapped[str] = mapped_column(String(32), comment="savings, budget, budget_reduction, funding_gap, spending, other")
    hedged: Mapped[bool] = mapped_column(Boolean, comment="could, up to, around, potential, aiming to, ...")
    period: Mapped[str | None] = mapped_column(String(64), comment="normalised: '2019-20', 'two years', 'first year'")
    period_start: Mapped[date | None] = mapped_column(Date, comment="first day of the period where known")
    period_end: Mapped[date | None] = mapped_column(Date, comment="last day of the period where known")
    start_char: Mapped[int] = start_col()
    end_char: Mapped[int] = end_col()
    text: Mapped[str] = text_col()


class MoneyFigureForceRow(Base):
    __tablename__ = "money_figure_forces"
    __table_args__ = {"comment": "The forces each money figure belongs to (all partners for a combined figure)."}

    money_figure_id: Mapped[int] = mapped_column(ForeignKey("money_figures.id", ondelete="CASCADE"), primary_key=True)
    force_id: Mapped[int] = mapped_column(ForeignKey("forces.id"), primary_key=True, index=True)


class JobConcernRow(Base):
    __tablename__ = "job_concerns"
    __table_args__ = {"comment": "Sentences about jobs being lost, cut or kept, with their stance and speaker."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = article_fk()
    sentence_id: Mapped[int] = sentence_fk()
    stance: Mapped[str] = mapped_column(String(16), comment="concern, possible, uncertain, ruled_out, confirmed")
    speaker_id: Mapped[int | None] = optional_fk("people.id", "the official who said it")
    start_char: Mapped[int] = start_col()
    end_char: Mapped[int] = end_col()
    text: Mapped[str] = text_col()


# ---- scheduled ingestion (migration 0003) -----------------------------------------------------


class IngestRunRow(Base):
    __tablename__ = "ingest_runs"
    __table_args__ = {"comment": "One row per ingest run: when, what it visited, and what happened."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), comment="running, completed, partial (inputs failed), failed, interrupted")
    inputs: Mapped[str] = mapped_column(Text, comment="the paths, URLs or source list the run visited")
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    new_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    unchanged_count: Mapped[int] = mapped_column(Integer, default=0)
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_count: Mapped[int] = mapped_column(Integer, default=0, comment="left to another run working at once")
    message: Mapped[str | None] = mapped_column(Text, comment="why a run failed or was interrupted")


class IngestErrorRow(Base):
    __tablename__ = "ingest_errors"
    __table_args__ = {"comment": "Inputs a run could not ingest, with the error; they are tried again next run."}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("ingest_runs.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(Text, comment="the file path or URL")
    error: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class IngestClaimRow(Base):
    __tablename__ = "ingest_claims"
    __table_args__ = {"comment": "Texts being extracted right now, so that runs working at once split the work."}

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True, comment="the article text being extracted")
    holder: Mapped[str] = mapped_column(String(300), comment="host:pid:run of the claiming process")
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RunLockRow(Base):
    __tablename__ = "run_locks"
    __table_args__ = {"comment": "The lease that keeps two scheduled runs from overlapping on one database."}

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(300), comment="host:pid:run of the holder")
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    acquired_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    heartbeat_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), comment="renewed while the run works")



# ---- analyst review (migration 0011) ----------------------------------------------------------


class CorrectionRow(Base):
    """An analyst's verdict on one fact. Keyed by the article's SHA-256 and the fact's kind and evidence
    offsets, not by fact row ids, so that it survives re-ingesting and re-extracting the article."""

    __tablename__ = "corrections"
    __table_args__ = (
        Index("ix_corrections_fact", "article_sha", "fact_kind", "start_char", "end_char"),
        Index("uq_corrections_fact_version", "article_sha", "fact_kind", "start_char", "end_char", "version",
              unique=True),  # migration 0012: two saves of one fact version cannot both land
        {"comment": "Analyst corrections (accept, reject, correct, add), applied in every export."},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_sha: Mapped[str] = mapped_column(String(64), comment="articles.sha256 of the article")
    fact_kind: Mapped[str] = mapped_column(
        String(32), comment="force, official, money, function, job_concern or collaboration"
    )
    start_char: Mapped[int] = mapped_column(Integer, comment="offset of the fact's evidence in articles.text")
    end_char: Mapped[int] = mapped_column(Integer, comment="offset one past the evidence")
    action: Mapped[str] = mapped_column(String(16), comment="accept, reject, correct or add")
    field: Mapped[str | None] = mapped_column(String(64), comment="the corrected attribute (correct only)")
    old_value: Mapped[str | None] = mapped_column(Text, comment="JSON: the value before the correction")
    new_value: Mapped[str | None] = mapped_column(Text, comment="JSON: the corrected value, or the added fact")
    reviewer: Mapped[str | None] = mapped_column(String(120), comment="who made it, where known")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), comment="when it was made (UTC)")
    version: Mapped[int] = mapped_column(
        Integer, comment="the fact's version after this correction (1, 2, ...): optimistic concurrency"
    )


class ReviewedArticleRow(Base):
    __tablename__ = "reviewed_articles"
    __table_args__ = {"comment": "Articles an analyst has reviewed; the gold export writes one file for each."}

    article_sha: Mapped[str] = mapped_column(String(64), primary_key=True, comment="articles.sha256 of the article")
    reviewer: Mapped[str | None] = mapped_column(String(120), comment="who reviewed it last, where known")
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), comment="when it was last reviewed (UTC)")


articles = ArticleRow.__table__
article_sources = ArticleSourceRow.__table__
sentences = SentenceRow.__table__
forces = ForceRow.__table__
force_mentions = ForceMentionRow.__table__
people = PersonRow.__table__
official_mentions = OfficialMentionRow.__table__
quotes = QuoteRow.__table__
collaborations = CollaborationRow.__table__
collaboration_entities = CollaborationEntityRow.__table__
collaboration_entity_forces = CollaborationEntityForceRow.__table__
collaboration_forces = CollaborationForceRow.__table__
article_signatures = ArticleSignatureRow.__table__
near_duplicates = NearDuplicateRow.__table__
functions = FunctionRow.__table__
function_mentions = FunctionMentionRow.__table__
money_figures = MoneyFigureRow.__table__
money_figure_forces = MoneyFigureForceRow.__table__
job_concerns = JobConcernRow.__table__
ingest_runs = IngestRunRow.__table__
ingest_errors = IngestErrorRow.__table__
ingest_claims = IngestClaimRow.__table__
run_locks = RunLockRow.__table__
corrections = CorrectionRow.__table__
reviewed_articles = ReviewedArticleRow.__table__

# Tables of facts extracted from an article, referring tables first: re-extraction deletes these
# (link tables go with their rows by ON DELETE CASCADE).
EXTRACTED_TABLES = (
    job_concerns, function_mentions, money_figures, collaborations, quotes, official_mentions, force_mentions, sentences,
)
