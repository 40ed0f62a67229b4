"""Text normalisation of the read stage: the one pass that makes the stored article text.

Mojibake is repaired (ftfy: "Â£20m", "SiÃ¢n"; a "£" lost to U+FFFD before a figure, "�20m", is
restored), line endings become ``\\n``, text NFC, runs of spaces and tabs one space, and at most one
blank line separates paragraphs. Lines of web-page furniture (bylines, bare date lines, image credits,
"Read more") are dropped by the patterns of ``models/boilerplate.txt``. Image captions are part of the
article (contract, section 8): they are kept, without their "Image caption:" label, after the body, so
that the headline and the lede stay the first lines. Words, quotes and dashes are kept as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from pipeline.config import models_dir

CAPTION_GROUP = "caption"
MIN_CAPTION_WORDS = 4  # shorter captions are credits ("Picture: Archant", "(file picture)")
LOST_POUND = re.compile("\ufffd(?=\\d)")  # "£" decoded as U+FFFD, before a figure ("�20m")


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


def normalise_text(raw: str, captions: Iterable[str] = ()) -> str:
    """Repair and normalise the text, drop furniture lines, and put the captions (those in the text and
    ``captions``, from a page's markup) after the body; words, quotes and dashes are kept as written."""
    text = unicodedata.normalize("NFC", repair_text(raw.lstrip("\ufeff")))
    body, found = [], []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean_spaces(line)
        furniture, caption = furniture_or_caption(line) if line else (False, None)
        found += [caption] if caption is not None else []
        body.append("" if furniture or caption is not None else line)
    for line in (clean_spaces(unicodedata.normalize("NFC", repair_text(c))) for c in captions):
        furniture, caption = furniture_or_caption(line) if line else (True, None)
        found += [] if furniture else [caption or line]
    kept = list(dict.fromkeys(c for c in map(clean_spaces, found) if len(c.split()) >= MIN_CAPTION_WORDS))
    body = ["" if line in kept else line for line in body]  # a caption the page's main text held too
    text = "\n".join(body) + "".join(f"\n\n{c}" for c in kept)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def clean_spaces(line: str) -> str:
    return re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", line).strip()
