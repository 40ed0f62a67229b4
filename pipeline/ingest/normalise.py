"""Text normalisation of the read stage: the one pass that makes the stored article text.

Mojibake is repaired (ftfy: "Â£20m", "SiÃ¢n"; a "£" lost to U+FFFD or read by an East Asian codec before a figure,
"�20m", "拢5m", is restored), line endings become ``\\n``, text NFC, runs of spaces and tabs one space, and at most one
blank line separates paragraphs. Lines of web-page furniture (bylines, bare date lines, image credits,
"Read more") are dropped by the patterns of ``models/boilerplate.txt``. Image captions are part of the
article (contract, section 8): they are kept, without their "Image caption:" label, after the body, so
that the headline and the lede stay the first lines. Words, quotes and dashes are kept as written.

Hostile runs are cut here too, because later stages would take time that grows with their square
(spaCy's tokenizer splits a run of prefix characters such as "£", "(" or emoji one character at a
time, copying the rest each time): more than ``MAX_MARKS`` combining marks on one letter are cut to
that many (before Unicode normalisation, which sorts them), a symbol repeated more than
``MAX_REPEAT`` times is cut to that many (a divider of 120,000 em dashes, 16,000 "£"), and a run of
more than ``MAX_WORD_CHARS`` characters without a space gets a space after every ``MAX_WORD_CHARS``.
No news text has such runs. The cut text is the stored text, so every offset stays true to it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from pipeline.config import models_dir

CAPTION_GROUP = "caption"
MIN_CAPTION_WORDS = 4  # shorter captions are credits ("Picture: Archant", "(file picture)")
# "£" decoded as U+FFFD, or its UTF-8 bytes read by an East Asian codec (GBK "拢", Big5, Shift JIS, EUC-KR),
# before a figure ("�20m", "拢5m"): ftfy repairs only the European charsets
POUND_MISREADS = ("\ufffd", *("£".encode().decode(codec) for codec in ("gbk", "big5", "shift_jis", "euc_kr")))
LOST_POUND = re.compile(f"(?:{'|'.join(map(re.escape, POUND_MISREADS))})(?=\\d)")
MAX_MARKS = 10  # combining marks in a row (Zalgo text); a real letter carries two or three
MAX_REPEAT = 10  # one symbol repeated in a row ("----------"); letters and digits are left alone
MAX_WORD_CHARS = 100  # characters without a space; a longer run gets a space every this many
REPEATS = re.compile(rf"(\S)\1{{{MAX_REPEAT},}}")
LONG_RUNS = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    path = models_dir() / "boilerplate.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return tuple(
        re.compile(line, re.IGNORECASE) for line in (s.strip() for s in lines) if line and not line.startswith("#")
    )


def furniture_or_caption(line: str) -> tuple[bool, str | None]:
    """(is furniture, caption text) for one stripped line, by the first pattern of ``models/boilerplate.txt``
    that matches it whole: a pattern with a group named ``caption`` marks a caption (the group's text)."""
    for pattern in boilerplate_patterns():
        match = pattern.fullmatch(line)
        if match:
            caption = match.groupdict().get(CAPTION_GROUP)
            return caption is None, caption.strip() if caption else None
    return False, None


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and furniture_or_caption(stripped)[0]


def repair_text(raw: str) -> str:
    """Mojibake repaired by ftfy (text decoded in the wrong charset: "Â£20m", "SiÃ¢n"), and a pound sign
    lost to U+FFFD before a figure restored ("�20m" is "£20m" in British news). Only encoding repairs:
    quotes, dashes and ligatures stay as written."""
    import ftfy

    return LOST_POUND.sub("£", ftfy.fix_encoding(raw))


@lru_cache(maxsize=1)
def combining_runs() -> re.Pattern[str]:
    """A run of more than ``MAX_MARKS`` combining marks (canonical combining class above 0; all of them are in
    Unicode's first two planes)."""
    ranges: list[list[int]] = []
    for code in range(0x20000):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    marks = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"([{marks}]{{{MAX_MARKS}}})[{marks}]+")


def _cut_repeat(match: re.Match[str]) -> str:
    char = match.group(1)
    return match.group() if char.isalnum() else char * MAX_REPEAT


def _break_run(match: re.Match[str]) -> str:
    run = match.group()
    return " ".join(run[i : i + MAX_WORD_CHARS] for i in range(0, len(run), MAX_WORD_CHARS))


def repaired_nfc(raw: str) -> str:
    """``repair_text`` then NFC, with runs of combining marks cut first (normalisation sorts them)."""
    return unicodedata.normalize("NFC", repair_text(combining_runs().sub(r"\1", raw)))


def cut_runs(line: str) -> str:
    """Cut hostile runs in one line (see the module docstring): every later stage stays linear."""
    return LONG_RUNS.sub(_break_run, REPEATS.sub(_cut_repeat, line))


def normalise_text(raw: str, captions: Iterable[str] = ()) -> str:
    """Repair and normalise the text, cut hostile runs, drop furniture lines, and put the captions (those in
    the text and ``captions``, from a page's markup) after the body; words, quotes and dashes are kept as
    written."""
    text = repaired_nfc(raw.lstrip("\ufeff"))
    body, found = [], []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean_spaces(line)
        furniture, caption = furniture_or_caption(line) if line else (False, None)
        found += [caption] if caption is not None else []
        body.append("" if furniture or caption is not None else line)
    for line in (clean_spaces(repaired_nfc(c)) for c in captions):
        furniture, caption = furniture_or_caption(line) if line else (True, None)
        found += [] if furniture else [caption or line]
    kept = list(dict.fromkeys(c for c in map(clean_spaces, found) if len(c.split()) >= MIN_CAPTION_WORDS))
    body = ["" if line in kept else line for line in body]  # a caption the page's main text held too
    text = "\n".join(body) + "".join(f"\n\n{c}" for c in kept)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def clean_spaces(line: str) -> str:
    """Runs of spaces and tabs as one space, hostile runs cut (``cut_runs``), no space at either end."""
    return cut_runs(re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", line)).strip()
