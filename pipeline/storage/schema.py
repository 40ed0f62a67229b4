"""The normalised SQL schema (SQLAlchemy 2 declarative models).

Every extracted fact links to its article and sentence, with the character offsets of its
evidence in ``articles.text``; deleting an article cascades to everything extracted from it.
Column names avoid SQL keywords (``start_char``, not ``start``) so hand-written SQL stays plain.
The Alembic migrations in ``pipeline/migrations`` create exactly these tables; a test checks it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
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


articles = ArticleRow.__table__
article_sources = ArticleSourceRow.__table__
sentences = SentenceRow.__table__
forces = ForceRow.__table__
force_mentions = ForceMentionRow.__table__

# Tables of facts extracted from an article, children first: re-extraction deletes these.
EXTRACTED_TABLES = (force_mentions, sentences)
