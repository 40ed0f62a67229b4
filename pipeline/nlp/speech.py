"""Quoted and reported speech (rules of the quotes stage), each with its speaker: an official's name,
or None for anyone else.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.contract import Quote
from pipeline.nlp.quote_marks import lines, quote_spans
from pipeline.nlp.speakers import SUBJECT_DEPS, QuoteIndex, attribution, sentence_at, sentence_of_token, subject_speaker


@dataclass(frozen=True)
class QuoteSettings:
    """The quotes stage's settings (factory config)."""

    min_unattributed_words: int = 6  # a shorter quote with no attribution is a scare quote, not speech
    max_attribution_tail: int = 6  # words after a paragraph's last quote that still leave it a paragraph of speech


def direct_quotes(idx: QuoteIndex, settings: QuoteSettings) -> list[Quote]:
    """Quoted passages, paragraph by paragraph. A quote takes its speaker from the attribution before it
    ('X said: "...'), else after it ('"...," X said'), else from the quote before it in the paragraph
    ('"...," he said. "..."'), else, opening a paragraph after a paragraph of speech, from that paragraph."""
    text, lex = idx.text, idx.lex
    out: list[Quote] = []
    previous: list[Quote] = []
    for offset, paragraph in lines(text):
        if not paragraph.strip():
            continue
        spans = quote_spans(paragraph, offset, lex)
        lead = offset + len(paragraph) - len(paragraph.lstrip(lex.opening_quotes + lex.opening_single_quotes + " "))
        found: list[Quote] = []
        for k, (start, end, _closed) in enumerate(spans):
            before = max(sentence_start(idx, offset, start - 1), found[-1]["end_char"] + 1 if found else offset)
            after = min(spans[k + 1][0] - 1 if k + 1 < len(spans) else offset + len(paragraph), sentence_end(idx, end + 1))
            attributed, speaker = attribution(idx, before, start - 1)
            if not attributed:
                attributed, speaker = attribution(idx, end + 1, after)
            if not attributed and found:
                attributed, speaker = True, found[-1]["speaker"]
            if not attributed and previous and start <= lead:  # the paragraph opens with the quote
                attributed, speaker = True, previous[-1]["speaker"]
            if attributed or len(text[start:end].split()) >= settings.min_unattributed_words:
                found.append(
                    {"speaker": speaker, "start_char": start, "end_char": end, "text": text[start:end], "direct": True}
                )
        out += found
        tail = paragraph[found[-1]["end_char"] - offset :] if found else ""
        previous = found if found and len(tail.split()) <= settings.max_attribution_tail else []
    return out


def sentence_start(idx: QuoteIndex, floor: int, mark: int) -> int:
    """Start of the sentence of the last word before a quote mark: 'X said: "...' is one attribution even
    where the parser starts a new sentence at the mark."""
    text = idx.text
    i = mark - 1
    while i >= floor and text[i].isspace():
        i -= 1
    if i < floor:
        return floor
    return max(floor, sentence_at(idx, i).start_char)


def sentence_end(idx: QuoteIndex, char: int) -> int:
    return sentence_at(idx, min(char, len(idx.text) - 1)).end_char


def reported_speech(idx: QuoteIndex, direct: list[Quote]) -> list[Quote]:
    """'Ms Hollis added that no jobs would be lost', 'It is too early to say, Mr Pike said': the reported
    words of an official (or a pronoun for one), where they are not already a quote."""
    covered = sorted((q["start_char"], q["end_char"]) for q in direct)
    covered_starts = [start for start, _ in covered]
    reach = list(itertools.accumulate((end for _, end in covered), max))  # the furthest end of the quotes up to each
    out: list[Quote] = []
    for verb in idx.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in idx.lex.speech_verbs:
            continue
        _, speaker = subject_speaker(idx, verb)
        if speaker is None:
            continue
        subject = next(c for c in verb.children if c.dep_ in SUBJECT_DEPS)
        words = reported_words(verb, subject, sentence_of_token(idx, verb.i))
        if words is None:
            continue
        starting_before = bisect.bisect_left(covered_starts, words.end_char)  # quotes that start before the words end
        if starting_before and reach[starting_before - 1] > words.start_char:  # one of them overlaps the words
            continue
        out.append({
            "speaker": speaker, "start_char": words.start_char, "end_char": words.end_char, "text": words.text,
            "direct": False,
        })
    return out


def reported_words(verb: Token, subject: Token, sentence: Span) -> Span | None:
    """The words a speech verb reports: its clausal complement, else the clause before 'X said' at the end."""
    doc = verb.doc
    complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if complement is not None:
        return trim(doc[complement.left_edge.i : complement.right_edge.i + 1])
    if subject.i < verb.i and subject.left_edge.i > sentence.start:
        return trim(doc[sentence.start : subject.left_edge.i])
    return None


def trim(span: Span) -> Span | None:
    """Without the punctuation around it and a leading 'that'."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None
