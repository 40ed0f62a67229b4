"""The clues of a sentence's names, read from the words around each name alone: a title before it, a
plural title before a list of names, the words after it and the verbs of its clauses; and, where those give
no role, the post of another person or body ('Mr Clarke's successor', 'his Cumbria counterpart', 'his
vice-chairman') or a councillor's honorific.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.nlp.officials.apposition import after_name
from pipeline.nlp.officials.index import DocIndex
from pipeline.nlp.officials.lexicon import POLITICIAN
from pipeline.nlp.officials.names import has_honorific, honorific_start, name_runs
from pipeline.nlp.officials.predicates import predicate_clues
from pipeline.nlp.officials.relations import counterpart, deputy, owned_head
from pipeline.nlp.officials.roles import RANK_APPOSITIVE, RANK_HONORIFIC, Clue
from pipeline.nlp.officials.titles import listed_names, party_before, successor, title_before


@dataclass(frozen=True)
class NameClues:
    """A name run of a sentence with the clues its own words give."""

    hon_start: int
    start: int
    end: int
    listed: Clue | None  # from a plural title before a list of names; then the other clues are not read
    before: Clue | None  # from a title before the name
    after: tuple[Clue, ...]  # from the words after it and the verbs of its clauses

    @property
    def titles(self) -> set[int]:
        """The titles these clues come from."""
        return {c.title for c in (self.listed, self.before, *self.after) if c is not None and c.title is not None}


def sentence_clues(idx: DocIndex, sent: Span) -> tuple[list[NameClues], frozenset[int]]:
    """The name runs of a sentence with their clues, and the titles of the sentence that gave a name a role
    (a plural title gives one to the names after it even when they are too few to be a list)."""
    runs = name_runs(idx, sent)
    lists = listed_names(idx, sent, runs)
    listed = {start: item for group in lists if len(group.items) >= 2 for start, item in group.items.items()}
    used = {group.title.start for group in lists}
    names = []
    appositives: set[int] = set()  # titles set off after a name with none before it: 'A, PCC for Staffordshire, B,
    # PCC for Merseyside' (not 'the chairman, Cllr A, and Sussex Police's deputy chief constable, B')
    for start, end in runs:
        hon_start = honorific_start(idx, start, sent.start)
        if start in listed:
            name = NameClues(hon_start, start, end, listed[start], None, ())
        else:
            after = (*after_name(idx, end, sent), *predicate_clues(idx, start, end))
            before = title_before(idx, hon_start, sent, single=end - start == 1)
            if before is not None and before.title in appositives:
                before = None  # the title is the name's before: B holds her own, after her
            name = NameClues(hon_start, start, end, None, before, after)
            if before is None:  # a name with a title of its own before it leaves the next one its title
                appositives |= {c.title for c in after if c.title is not None and c.rank == RANK_APPOSITIVE}
        used |= name.titles
        names.append(name)
    return names, frozenset(used)


def own_clues(idx: DocIndex, name: NameClues, sent: Span, posts: Mapping[int, tuple[str, str | None]]) -> list[Clue]:
    """Every clue of a name but a title of another sentence: its own, else the post of the person or body named
    before ('his Cumbria counterpart, X'); a councillor's honorific ranks below them all. ``posts``: the (role,
    force) of each official named so far, by the token after their name."""
    if name.listed:
        clues = [name.listed]
    else:
        borrowed = None if name.before else (
            successor(idx, name.hon_start, sent, posts)
            or counterpart(idx, name.hon_start, sent, posts) or owned_head(idx, name.hon_start, sent, posts)
            or deputy(idx, name.hon_start, sent, posts)
        )  # after the name's own clues: of equal rank, its own appositive wins ('Her Cleveland counterpart,
        # Councillor Dave McLuckie, chairman of Cleveland Police Authority')
        clues = ([name.before] if name.before else []) + list(name.after) + ([borrowed] if borrowed else [])
    if has_honorific(idx, name.hon_start, name.start, idx.lex.councillor_honorifics | idx.lex.peer_politician_titles):
        clues.append(Clue(RANK_HONORIFIC, POLITICIAN))  # 'Cllr X', 'Lord X of Framwellgate': a councillor, a peer
    elif party := party_before(idx, name.hon_start, sent):
        clues.append(party)
    return clues
