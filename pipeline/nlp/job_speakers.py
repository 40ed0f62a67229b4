"""Who speaks a job concern sentence (rules of the job concerns stage): the speaker of the quote
(``doc._.quotes``, the quotes stage) that overlaps the sentence most, else the official
(``doc._.officials``) who is the subject of a speech verb in it; and that speaker's role.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span

from pipeline.nlp.job_clauses import lemma


class Speakers:
    """The quotes and officials of one article, indexed by position once: the speaker of each job sentence is
    looked up among the quotes and officials near it, not among all of them (quadratic in the article)."""

    def __init__(self, quotes: list[dict], officials: list[dict]) -> None:
        self.quotes = sorted(((q["start_char"], i, q) for i, q in enumerate(quotes)), key=lambda x: x[:2])
        self.quote_starts = [start for start, _, _ in self.quotes]
        self.reach: list[int] = []  # the furthest end of any quote up to each one
        for _, _, q in self.quotes:
            self.reach.append(max(q["end_char"], self.reach[-1] if self.reach else 0))
        self.officials = sorted(((o["start_char"], i, o) for i, o in enumerate(officials)), key=lambda x: x[:2])
        self.official_starts = [start for start, _, _ in self.officials]
        self.roles = first_roles(officials)

    def of(self, sent: Span, speech_verbs: frozenset[str]) -> str | None:
        """The speaker of the quote that overlaps the sentence most (the first one on a tie), else the official
        who 'said' it."""
        return self.quoted(sent) or self.saying(sent, speech_verbs)

    def quoted(self, sent: Span) -> str | None:
        """The speaker of the quote that overlaps the sentence most (the first one in the list on a tie)."""
        best: tuple[int, int, str] | None = None  # (-overlap, position in the list of quotes, speaker)
        j = bisect_left(self.quote_starts, sent.end_char)
        while j > 0 and self.reach[j - 1] > sent.start_char:  # back to the last quote that reaches the sentence
            j -= 1
            _, i, q = self.quotes[j]
            shared = min(q["end_char"], sent.end_char) - max(q["start_char"], sent.start_char)
            if shared > 0 and q.get("speaker") and (best is None or (-shared, i) < best[:2]):
                best = (-shared, i, q["speaker"])
        return best[2] if best else None

    def saying(self, sent: Span, speech_verbs: frozenset[str]) -> str | None:
        """The first official (in the list) inside the subject of a speech verb of the sentence."""
        for token in sent:
            if lemma(token) not in speech_verbs:
                continue
            for subject in (c for c in token.children if c.dep_ == "nsubj"):
                lo, hi = (min(t.idx for t in subject.subtree), max(t.idx + len(t) for t in subject.subtree))
                inside = [
                    (i, o) for _, i, o in self.officials[bisect_left(self.official_starts, lo) :
                                                         bisect_left(self.official_starts, hi)]
                    if o["end_char"] <= hi
                ]
                if inside:
                    return min(inside, key=lambda x: x[0])[1]["name"]
        return None

    def role(self, speaker: str | None) -> str | None:
        """The role of the first official of that name."""
        return self.roles.get(speaker) if speaker else None


def speaker_of(sent: Span, quotes: list[dict], officials: list[dict], speech_verbs: frozenset[str]) -> str | None:
    """The speaker of the quote that overlaps the sentence most, else the official who 'said' it."""
    return Speakers(quotes, officials).of(sent, speech_verbs)


def first_roles(officials: list[dict]) -> dict[str, str | None]:
    """Name -> the role of the first official of that name."""
    out: dict[str, str | None] = {}
    for o in officials:
        out.setdefault(o.get("name"), o.get("role"))
    return out


def speaker_role(speaker: str | None, officials: list[dict]) -> str | None:
    return first_roles(officials).get(speaker) if speaker else None
