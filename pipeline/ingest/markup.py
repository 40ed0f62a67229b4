"""What a page's main text, as trafilatura extracts it, can lack and the article still holds (contract,
section 8): the headline (``<h1>``), which some layouts keep apart from the text, and image captions
(``<figcaption>``, or an element whose class names a caption), which trafilatura drops. Read from the
markup with lxml, the parser trafilatura itself uses; everything else of the page is left to trafilatura.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

CAPTION_CLASS = "caption"  # 'caption', 'image-caption', 'wp-caption-text'


def parse(html: str) -> etree._Element | None:
    """The page's element tree; None for markup lxml cannot read (the main text alone is used then)."""
    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def words_of(element: etree._Element) -> str:
    return " ".join(element.text_content().split())


def page_headline(tree: etree._Element | None, title: str | None) -> str | None:
    """The page's ``<h1>``: the one sharing most words with the page title when there are several."""
    if tree is None:
        return None
    headlines = [h for h in (words_of(e) for e in tree.iter("h1")) if h]
    if not headlines:
        return None
    wanted = set((title or "").lower().split())
    return max(headlines, key=lambda h: len(wanted & set(h.lower().split())))


def is_caption(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    return element.tag == "figcaption" or any(CAPTION_CLASS in c for c in (element.get("class") or "").lower().split())


def page_captions(tree: etree._Element | None) -> list[str]:
    """The text of each image caption, in page order; a caption element inside another is read once."""
    if tree is None:
        return []
    captions = [e for e in tree.iter() if is_caption(e)]
    innermost = [e for e in captions if not any(is_caption(d) for d in e.iterdescendants())]
    return [text for text in map(words_of, innermost) if text]


def with_headline(text: str, headline: str | None) -> str:
    """The text with the page's headline as its first line (moved up if the text holds it further down)."""
    if not headline:
        return text
    paragraphs = text.split("\n\n")
    if paragraphs[0] == headline:
        return text
    rest = "\n\n".join(p for p in paragraphs if p != headline)
    return f"{headline}\n\n{rest}" if rest else headline
