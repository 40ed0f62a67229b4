"""Who is speaking (rules of the quotes stage): the words next to a quote that attribute it, the subject
of a speech verb, and the person a pronoun stands for.

``QuoteIndex`` is the immutable per-document index the rules read: the officials' mentions (from
``doc._.officials``), the quoted passages, sentences, and who was last named at each point.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.contract import Official
from pipeline.nlp.officials.lexicon import Roles
from pipeline.nlp.quote_marks import lines, quote_spans

SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True)
class NamedMention:
    """A mention of an official, in tokens: the name from ``start`` to ``end``, honorifics from ``text_start``."""

    name: str
    start: int
    end: int
    text_start: int


@dataclass(frozen=True)
class QuoteIndex:
    doc: Doc
    lex: Roles
    text: str  # Doc.text joins every token on each access: read it once
    mentions: tuple[NamedMention, ...]  # in text order
    title_tokens: frozenset[int]  # tokens of officials' titles
    token_starts: tuple[int, ...]
    quoted: tuple[tuple[int, int, bool], ...]  # quoted passages (start, end, closed)
    quote_starts: tuple[int, ...]
    sentences: tuple[Span, ...]
    sentence_starts: tuple[int, ...]
    sentence_first_tokens: tuple[int, ...]
    events: tuple[tuple[int, str | None], ...]  # (char, name): who was last named, outside quotes
    event_starts: tuple[int, ...]


def named_mentions(doc: Doc, officials: list[Official], honorifics: frozenset[str]) -> list[NamedMention]:
    """The officials' mentions in tokens; the name starts after the honorifics of the evidence ('Mr Hale')."""
    out = []
    for official in officials:
        span = doc.char_span(official["start_char"], official["end_char"])
        if span is None:
            continue
        start = span.start
        while start < span.end - 1 and doc[start].text in honorifics:
            start += 1
        out.append(NamedMention(official["name"], start, span.end, span.start))
    return sorted(out, key=lambda m: m.start)


def quote_index(doc: Doc, lex: Roles, mentions: list[NamedMention], title_tokens: frozenset[int]) -> QuoteIndex:
    """The index of one document."""
    text = doc.text
    quoted = tuple(q for offset, line in lines(text) for q in quote_spans(line, offset, lex))
    quote_starts = tuple(start for start, _, _ in quoted)
    sentences = tuple(doc.sents)
    events = speaker_events(doc, lex, mentions, quoted, quote_starts)
    return QuoteIndex(
        doc=doc, lex=lex, text=text, mentions=tuple(mentions), title_tokens=title_tokens,
        token_starts=tuple(t.idx for t in doc), quoted=quoted, quote_starts=quote_starts, sentences=sentences,
        sentence_starts=tuple(s.start_char for s in sentences), sentence_first_tokens=tuple(s.start for s in sentences),
        events=events, event_starts=tuple(char for char, _ in events),
    )


def speaker_events(
    doc: Doc, lex: Roles, mentions: list[NamedMention], quoted: tuple[tuple[int, int, bool], ...],
    quote_starts: tuple[int, ...],
) -> tuple[tuple[int, str | None], ...]:
    """Who was last named at each point, outside quotes: officials, and (as None) other people who are
    subjects and unnamed speakers ('a spokesman said'), so that 'he said' after them is not an official."""
    events = [(doc[m.start].idx, m.name) for m in mentions]
    official = {i for m in mentions for i in range(m.text_start, m.end)}
    for ent in doc.ents:
        subject = ent.root.dep_ in SUBJECT_DEPS
        if ent.label_ == "PERSON" and subject and not official & set(range(ent.start, ent.end)):
            events.append((ent.start_char, None))
    for token in doc:
        subject = token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in lex.speech_verbs
        if subject and token.lower_ in lex.unnamed_speakers:
            events.append((token.idx, None))
    return tuple(sorted(e for e in events if not in_quote(quoted, quote_starts, e[0])))


def in_quote(quoted: tuple[tuple[int, int, bool], ...], quote_starts: tuple[int, ...], char: int) -> bool:
    i = bisect.bisect_right(quote_starts, char) - 1
    return i >= 0 and quoted[i][0] <= char < quoted[i][1]


def last_named(idx: QuoteIndex, char: int) -> str | None:
    """The official named last before ``char`` (None when someone else was)."""
    i = bisect.bisect_left(idx.event_starts, char)
    return idx.events[i - 1][1] if i else None


def tokens_between(idx: QuoteIndex, start: int, end: int) -> list[Token]:
    return list(idx.doc[bisect.bisect_left(idx.token_starts, start) : bisect.bisect_left(idx.token_starts, end)])


def attribution(idx: QuoteIndex, start: int, end: int) -> tuple[bool, str | None]:
    """(attributed, speaker) for the words doc.text[start:end] next to a quote: a speech verb (or a colon
    before the quote) and its subject; an official, a pronoun for the last person named, or None."""
    lex = idx.lex
    tokens = tokens_between(idx, start, end)
    verbs = [t for t in tokens if t.lemma_.lower() in lex.speech_verbs and t.pos_ in {"VERB", "AUX"}]
    if not verbs and not (tokens and tokens[-1].text == ":"):
        return False, None
    for verb in verbs:
        found, speaker = subject_speaker(idx, verb)
        if found:
            return found, speaker
    first = bisect.bisect_left(idx.mentions, bisect.bisect_left(idx.token_starts, start), key=mention_start)
    if first < len(idx.mentions) and idx.doc[idx.mentions[first].start].idx < end:  # the first official named there
        return True, idx.mentions[first].name
    pronoun = next((t for t in tokens if t.lower_ in lex.speaker_pronouns), None)
    return True, last_named(idx, pronoun.idx) if pronoun is not None else None


def subject_speaker(idx: QuoteIndex, verb: Token) -> tuple[bool, str | None]:
    """(found, speaker) from the subject of a speech verb: an official named as the subject or in
    apposition to it ('Kent's chief constable, Jane Doe, said'), a pronoun, 'who' after a name, or anyone
    else (None). An official named inside the subject ('the mother of PC Jane Doe said') is not the speaker."""
    lex = idx.lex
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    for subject in subjects:
        if subject.lower_ in lex.speaker_pronouns:
            return True, last_named(idx, subject.idx)
        if subject.lower_ in lex.relative_pronouns:
            sentence = sentence_of_token(idx, subject.i)
            before = [m for m in mentions_within(idx, sentence.start, subject.i) if m.end <= subject.i]
            return True, before[-1].name if before else None
        for m in mentions_within(idx, subject.left_edge.i, subject.right_edge.i + 1):
            if m.end - 1 <= subject.right_edge.i and heads(idx, m, subject):
                return True, m.name
    return bool(subjects), None


def mention_start(mention: NamedMention) -> int:
    return mention.start


def mentions_within(idx: QuoteIndex, lo: int, hi: int) -> tuple[NamedMention, ...]:
    """The mentions that start at token ``lo`` or later and before ``hi``, in text order (by bisection: a scan
    of every mention for every speech verb was quadratic in the article)."""
    mentions = idx.mentions
    return mentions[bisect.bisect_left(mentions, lo, key=mention_start) : bisect.bisect_left(mentions, hi, key=mention_start)]


def heads(idx: QuoteIndex, mention: NamedMention, subject: Token) -> bool:
    """The mention is the subject or in apposition to it: every preposition on the way up to the subject
    hangs from a title ('Commissioner for Kent Jane Doe'), not from another noun ('mother of PC Doe')."""
    token = idx.doc[mention.end - 1]
    while token.i != subject.i:
        if (token.dep_ == "prep" and token.head.i not in idx.title_tokens) or token.head.i == token.i:
            return False
        token = token.head
    return True


def sentence_at(idx: QuoteIndex, char: int) -> Span:
    """The sentence holding a character (sentences are looked up by bisection, not ``Span.sent``)."""
    return idx.sentences[max(0, bisect.bisect_right(idx.sentence_starts, char) - 1)]


def sentence_of_token(idx: QuoteIndex, i: int) -> Span:
    return idx.sentences[max(0, bisect.bisect_right(idx.sentence_first_tokens, i) - 1)]
