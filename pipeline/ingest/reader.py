"""Read stage: article files (.txt, .md, .html) into normalised text, title and date.

The stored article text is exactly the text this stage returns: every offset the pipeline
stores points into it. Normalisation therefore happens once, before any NLP (``normalise``:
mojibake repaired, whitespace normalised, furniture lines dropped, image captions kept after the body).
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from pipeline.contract import Article
from pipeline.ingest import markup
from pipeline.ingest.normalise import normalise_text
from pipeline.text import headline

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
TITLE_FALLBACK_CHARS = 120


class ReadError(Exception):
    """An input that cannot be read as an article; the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


def title_for(text: str) -> str | None:
    """The headline where there is one, else the start of the first line, shortened."""
    found = headline(text)
    if found:
        return found
    first = text.split("\n", 1)[0].strip()
    if len(first) <= TITLE_FALLBACK_CHARS:
        return first or None
    return first[: TITLE_FALLBACK_CHARS - 1].rsplit(" ", 1)[0] + "…"


def declared_encoding(data: bytes, content_type: str = "", *, html: bool) -> str | None:
    """The charset a document declares, by w3lib: its byte-order mark, else the HTTP Content-Type
    charset, else (HTML only) a ``<meta charset>`` or ``<meta http-equiv>`` tag; None if none.

    Labels are read as browsers read them (WHATWG): "iso-8859-1" and "latin1" mean windows-1252;
    a label no codec knows counts as no declaration.
    """
    from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

    bom, _ = read_bom(data)
    return bom or http_content_type_encoding(content_type) or (html_body_declared_encoding(data) if html else None)


def decode(source: str, data: bytes, encoding: str | None = None) -> str:
    """Strict decoding with a clear error: a wrong guess would corrupt names and £ signs silently.

    ``encoding`` is the charset the document declares; without one, only UTF-8 is accepted.
    """
    if not data.strip():
        raise ReadError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise ReadError(source, "binary file (contains NUL bytes), not text")
    codec = encoding or "utf-8"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        where = f"(byte 0x{data[exc.start]:02x} at offset {exc.start})"
        if encoding:
            name = "UTF-8" if codec == "utf-8" else codec
            raise ReadError(source, f"not valid {name}, the charset it declares {where}") from None
        raise ReadError(source, f"not valid UTF-8 {where}; re-save the file as UTF-8") from None


# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_with_bom(source: str, data: bytes) -> str | None:
    """Text that starts with a byte-order mark, decoded as the mark says; None without one.

    Checked before the binary test: UTF-16 and UTF-32 text is full of NUL bytes but is text
    (Windows tools save "Unicode" text as UTF-16 with a mark). UTF-16 text that starts with a NUL
    character begins like the UTF-32 mark, so each mark that fits is tried.
    """
    problem = None
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                name = encoding.upper().removesuffix("-SIG")
                problem = f"not valid {name} after its byte-order mark (bad bytes at offset {exc.start})"
    if problem:
        raise ReadError(source, problem)
    return None


def without_nul(text: str) -> str:
    """NUL characters removed: they are never part of an article, and PostgreSQL cannot store them."""
    return text.replace("\x00", "")


def html_article(source: str, html: str, title: str | None = None, published: date | None = None) -> Article:
    """Main text, title and date of an HTML page, by trafilatura (no hand-written scraping).

    Trafilatura favours recall (it keeps standfirsts it would otherwise drop; furniture lines are dropped
    by ``models/boilerplate.txt`` as in any text); the page's ``<h1>`` is the first line and its image
    captions follow the body (``markup``). The date is the page's metadata date (meta tags, JSON-LD,
    <time>), else ``published`` (the feed's), else a dateline at the top of the text; never a date merely
    mentioned in the text.
    """
    from trafilatura import bare_extraction
    from trafilatura.settings import set_date_params

    # No extensive search: it guesses the date from any date or year in the text ("formed in 1995").
    doc = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True,
                          date_extraction_params=set_date_params(extensive=False))
    body = (doc.text or "") if doc is not None else ""
    tree = markup.parse(html)
    text = normalise_text(body.replace("\n", "\n\n"), markup.page_captions(tree))
    if not text:
        raise ReadError(source, "HTML page has no main text")
    page_title = normalise_text((doc.title or "") if doc is not None else "")
    text = markup.with_headline(text, normalise_text(markup.page_headline(tree, page_title) or ""))
    title = page_title or title
    if doc.date:
        with contextlib.suppress(ValueError):
            published = date.fromisoformat(doc.date[:10])
    return Article(source=source, text=text, title=title or title_for(text), published=published or dateline(body))


DATELINE = re.compile(
    r"^(?:(?:published|updated|last updated|posted|date)\s*:?\s*(?:on\s+)?"
    r"|page last updated at\s+\d{1,2}:\d{2}\s*(?:gmt|bst)?,?\s*)?"
    r"(?P<date>(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+[a-z]{3,9}\s+\d{2}(?=\s+\d{1,2}:\d{2})))(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s*[a-z]{2,4})?)?(?:\s*\|\s*updated\s.*)?\s*$",
    re.IGNORECASE,
)
DATELINE_SEARCH_LINES = 6


PLAIN_FORMATS = ("%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%d/%m/%Y", "%B %d %Y", "%b %d %Y", "%d %B %y", "%d %b %y")
WEEKDAY_OR_ORDINAL = re.compile(r"^[a-z]+day,?\s+|(?<=\d)(?:st|nd|rd|th)\b|,|\.(?=\s)", re.IGNORECASE)


def plain_date(text: str) -> date | None:
    """The date of the common dateline forms ("3 March 2015", "2015-03-03", "Tuesday, March 3rd, 2015")
    read with the standard library: importing and first calling dateparser costs a third of a second,
    which is most of a one-article run's start-up. Anything else is left to dateparser."""
    cleaned = " ".join(WEEKDAY_OR_ORDINAL.sub("", text).split())
    for fmt in PLAIN_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def dateline(raw: str) -> date | None:
    """The publication date from a dateline near the top ("Published: 3 March 2015", "12/03/2015").

    dateparser reads the date (English only: many times faster, and no surprises from other
    languages); day-first order, as UK news writes dates.
    """
    lines = [line.strip() for line in raw.splitlines() if line.strip()][:DATELINE_SEARCH_LINES]
    for line in lines:
        match = DATELINE.match(line)
        if match:
            plain = plain_date(match.group("date"))
            if plain:
                return plain
            import dateparser

            parsed = dateparser.parse(
                match.group("date"), languages=["en"],
                settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
            )
            if parsed:
                return parsed.date()
    return None


def text_article(source: str, raw: str) -> Article:
    text = normalise_text(raw)
    if not text:
        raise ReadError(source, "no text after removing whitespace and page furniture")
    return Article(source=source, text=text, title=title_for(text), published=dateline(raw))


MAX_TEXT_CHARS = 1_000_000  # spaCy's own default limit; a news article is a few thousand characters


def article_from_bytes(
    source: str, data: bytes, *, html: bool, title: str | None = None, published: date | None = None,
    content_type: str = "",
) -> Article:
    """Decode (a byte-order mark, else the declared charset, else UTF-8), extract (HTML) and normalise one
    document. ``content_type`` is the HTTP header of a fetched document. Raises ReadError naming ``source``.
    """
    text = decode_with_bom(source, data)
    if text is None:
        text = decode(source, data, declared_encoding(data, content_type, html=html))
    text = without_nul(text)
    article = html_article(source, text, title, published) if html else text_article(source, text)
    if len(article.text) > MAX_TEXT_CHARS:
        raise ReadError(
            source, f"too large: {len(article.text):,} characters of text; the limit is {MAX_TEXT_CHARS:,} per article"
        )
    return article


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower()


def read_file(path: Path) -> Article:
    """Read one file into an Article, or raise ReadError naming the file and the problem."""
    source = str(path)
    if path.is_symlink() and not path.exists():
        raise ReadError(source, "broken symbolic link")
    if not path.exists():
        raise ReadError(source, "no such file or folder")
    if not path.is_file():
        raise ReadError(source, "not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(source, f"cannot be read ({exc.strerror or exc})") from None
    return article_from_bytes(source, data, html=path.suffix.lower() in HTML_SUFFIXES)


def is_article_file(path: Path, root: Path) -> bool:
    """In a folder: supported suffix, not hidden, and not a README (a folder's own documentation)."""
    parts = path.relative_to(root).parts
    return (
        path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.upper().startswith("README")
        and not any(part.startswith(".") for part in parts)
        and (path.is_file() or path.is_symlink())
    )


def unreadable_folder(folder: str | Path, exc: OSError) -> ReadError:
    return ReadError(str(folder), f"folder cannot be read ({exc.strerror or exc}); the files in it were not ingested")


def walk_folder(root: Path) -> list[Path | ReadError]:
    """The article files under ``root`` and an error for each folder that cannot be read, sorted by path.

    A folder that cannot be listed (no read permission) or entered (no execute permission: its
    files cannot even be looked at) is one error naming it; the rest of the tree is still read.
    Hidden folders are not entered, and symbolic links to folders are not followed.
    """
    found: list[tuple[Path, Path | ReadError]] = []

    def cannot_list(exc: OSError) -> None:
        folder = exc.filename or root
        found.append((Path(folder), unreadable_folder(folder, exc)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=cannot_list):
        folder = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        try:
            os.stat(os.path.join(dirpath, os.curdir))  # fails when the folder cannot be entered (no x permission)
            files = [child for name in dirnames + filenames if is_article_file(child := folder / name, root)]
        except OSError as exc:
            found.append((folder, unreadable_folder(folder, exc)))
            dirnames[:] = []
            continue
        found.extend((child, child) for child in files)
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def discover(paths: Iterable[Path]) -> Iterator[Path | ReadError]:
    """Expand folders recursively into article files (sorted); report missing paths as errors.

    A named file is always read; inside a folder, hidden files and README files are skipped.
    """
    for path in paths:
        try:
            is_folder = path.is_dir()
        except OSError as exc:  # a folder on the way cannot be entered
            yield ReadError(str(path), f"cannot be read ({exc.strerror or exc})")
            continue
        if is_folder:
            yield from walk_folder(path)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield ReadError(str(path), "no such file or folder")
