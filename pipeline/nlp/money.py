"""Money stage: every monetary figure, normalised so figures can be summed across articles.

Figures are found by regex over the text (``pipeline.nlp.amounts``: spaCy's small NER cuts "£" and
"m" off amounts) and mapped to tokens with ``doc.char_span(..., alignment_mode="expand")``.
For each figure, in its sentence, the rule modules read:

- ``kind`` (``pipeline.nlp.money_kind``): the cue word nearest to the figure in the dependency tree
  ("save", "gap", "budget", "lost", "spend", ...); a figure that is only a crime's takings ("a stolen
  car worth £38,000") is dropped.
- ``hedged`` (``pipeline.nlp.money_hedge``): a hedge just before the figure ("around", "up to") or on
  its governing chain ("could", "expected to", "potential").
- ``period`` (``pipeline.nlp.periods``): the period phrase that follows the figure in its clause ("a
  year", "over four years", "in 2019/20"), else the one before it ("budget for 2016-17 was ...").
- ``forces`` (``pipeline.nlp.money_forces``): the forces named in the figure's part of the sentence;
  all partners of the collaboration for a combined figure; none for a national figure.

The stage reads the force mentions, ``doc._.collaborations``, ``doc._.officials`` and
``doc._.ranked_forces`` (the context component) and writes only ``doc._.money``: one dict per
figure mention (``pipeline.contract.MoneyFigure``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Span

import pipeline.nlp.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.nlp.amounts import Amount, AmountParser, as_number
from pipeline.nlp.component import Stage
from pipeline.nlp.extensions import facts, publication_date
from pipeline.nlp.forces import force_mentions
from pipeline.nlp.lexicon import WORDS_FILE, Lexicon, Words
from pipeline.nlp.money_article import anchored_period, repeated_kinds, restated_kinds, shared_periods, year_style
from pipeline.nlp.money_claims import given_by_someone
from pipeline.nlp.money_forces import ArticleForces, Figure, figure_forces
from pipeline.nlp.money_hedge import Hedges, is_hedged
from pipeline.nlp.money_kind import KindCues, Reading, figure_kind
from pipeline.nlp.money_lexicon import LEXICON_FILE, MoneyLexicon
from pipeline.nlp.money_links import (
    LinkCues,
    breakdown_start,
    in_a_list,
    in_other_units,
    is_gapped,
    is_share,
    is_total,
    next_item,
    pence_at_a_rate,
    periods_of_parts,
    periods_over_lists,
    periods_to_their_verbs,
    whole_of,
)
from pipeline.nlp.money_owners import OwnerCues, last_official
from pipeline.nlp.money_readings import pronoun_level
from pipeline.nlp.money_scope import ScopeCues, is_crime_value, is_pounds_without_symbol
from pipeline.nlp.periods import Period, PeriodParser, assign_periods, following_years

COMPONENT = "forcewatch_money"


BREAKDOWN_REACH = 2  # a breakdown's parts may follow its whole by this many sentences


class MoneyFinder(Stage):
    """Finds money figures and reads their kind, hedge, period and forces (see the module docstring)."""

    lexicons: ClassVar[dict[str, type[Lexicon]]] = {LEXICON_FILE: MoneyLexicon, WORDS_FILE: Words}

    def __init__(
        self, nlp: Language, name: str, models_path: str | None = None, override_distance: int = 3, period_gap: int = 80
    ) -> None:
        self.override_distance = override_distance
        self.period_gap = period_gap
        super().__init__(nlp, name, models_path)

    def configure(self, lexicons: dict[str, Lexicon]) -> None:
        super().configure(lexicons)
        lexicon: MoneyLexicon = lexicons[LEXICON_FILE]
        words: Words = lexicons[WORDS_FILE]
        self.amounts = AmountParser(lexicon, words.number_words)
        self.periods = PeriodParser(lexicon.periods, words)
        self.kinds = KindCues.from_lexicon(lexicon, self.override_distance)
        self.scope = ScopeCues.from_lexicon(lexicon)
        self.hedges = Hedges.from_lexicon(lexicon.hedges)
        self.links = LinkCues.from_lexicon(lexicon.links, lexicon.hedges.before)
        self.owners = OwnerCues.from_lexicon(lexicon, words)
        self.restatement_tolerance = lexicon.restatement_tolerance
        self.relative_offsets = lexicon.periods.relative_offsets
        self.relative_labels = set(lexicon.periods.relative.values())

    def __call__(self, doc: Doc) -> Doc:
        mentions = force_mentions(doc)
        force_tokens = {t.i for m in mentions for t in m}
        text = doc.text  # Doc.text joins every token on each access: read once
        amounts = self.amounts.find(text)
        amounts = sorted(amounts + self.amounts.find_without_currency(text, amounts), key=lambda a: a.start)
        article = ArticleForces(
            mentions, facts(doc, "collaborations"), facts(doc, "officials"), doc._.ranked_forces or []
        )
        found = []  # (amount, span, reading, period, segment start, last in its sentence)
        totals: set[int] = set()  # figures that sum those before them in their sentence ('a total of £8m')
        for group in by_sentence([(a, token_span(doc, a.start, a.end)) for a in amounts]):
            group = self.money_only(group, force_tokens)
            if not group:
                continue
            sent = group[0][1].sent
            periods = self.periods.stated_for(sent.text, sent.start_char)
            assigned = assign_periods(
                text, [a for a, _ in group], periods, self.periods.clause_break, self.period_gap, sent.start_char
            )
            assigned = periods_over_lists([s for _, s in group], periods_to_their_verbs([s for _, s in group], assigned))
            assigned = following_years(assigned, periods)  # '£5.8m the year after' 2012-13: 2013-14
            assigned = periods_of_parts([s for _, s in group], assigned, self.links)  # 'in 2013-14, including £3.8m'
            figure_tokens = {t.i for _, s in group for t in s}
            spans = [s for _, s in group]
            own = [figure_kind(s, figure_tokens, self.kinds) for s in spans]
            for i, (amount, span) in enumerate(group):
                whole = whole_of(span, spans)  # '£11.5m of the £13.5m the force has to save': the whole's kind
                part = whole is not None and own[whole].kind in self.links.part_kinds
                reading, period = own[whole if part else i], assigned[i]
                if reading.kind != "other" and self.given_by_government(span, article.officials):
                    reading = Reading("other", True, 0)  # 'He [the Home Secretary] first offered £125m'
                if (not reading.strong or reading.kind == "other") and is_crime_value(span, figure_tokens, self.scope):
                    continue  # 'a stolen car worth £38,000': a crime's takings, not policing finances
                if pence_at_a_rate(amount.value, period, self.links):
                    continue  # 'works out at 7p a week for a Band A home': what a rise costs a household, not a sum
                after = bool(i and found) and found[-1][1] is group[i - 1][1]  # the figure before is kept, in this sentence
                if after and in_other_units(found[-1][0].value, found[-1][3], amount.value, period, self.links):
                    continue  # '£15 a year for a Band D household, or £1.25 a month': the same figure
                gapped = after and is_gapped(group[i - 1][1], span, self.links)
                total = after and is_total(span, self.links)  # 'a total of £8m'
                listed = after and in_a_list(group[i - 1][1], span)  # 'Northumbria £3.5m, North Yorkshire £1.1m'
                itemised = bool(found) and next_item(found[-1][1], span)  # '- Merseyside: £47.5m' after '- Kent: £61m cut'
                whole = self.breakdown_whole(found, span)
                if whole is None and found and pronoun_level(span, self.kinds.readings) and self.near(found[-1][1], span):
                    whole = found[-1][2]  # 'its funding gap at £7m. It later grew to £12.3m': the gap's kind
                if whole is not None:
                    reading = Reading(whole.kind, True, self.kinds.max_distance)  # 'made up of £3.4m from ...'
                elif not reading.strong and found and (gapped or total or listed or itemised or is_share(span, self.links)):
                    reading = Reading(found[-1][2].kind, True, self.kinds.max_distance)  # '£360,000 of that'
                if gapped and period is None:
                    period = found[-1][3]  # 'by £22.9m over four years, and West Mercia by £34m'
                segment_start = group[i - 1][1].end if i else sent.start
                found.append((amount, span, reading, period, segment_start, i + 1 == len(group)))
                totals |= {len(found) - 1} if total else set()
        keys = [(a.value, a.high, a.currency) for a, *_ in found]
        readings = [r for _, _, r, *_ in found]
        in_body = [a.start >= (doc._.headline_end or 0) for a, *_ in found]
        kinds = repeated_kinds(keys, readings, in_body, [s.sent.start for _, s, *_ in found])
        hedges = [is_hedged(text[s.sent.start_char : a.start], s.root, self.hedges) for a, s, *_ in found]
        kinds = restated_kinds([a.value for a, *_ in found], readings, kinds, hedges, self.restatement_tolerance)
        kind_keys = [(*key, kind) for key, kind in zip(keys, kinds, strict=True)]
        periods = self.article_periods(doc, kind_keys, [f[3] for f in found])
        items = []
        for (amount, span, reading, _, segment_start, last), kind, hedged, period in zip(
            found, kinds, hedges, periods, strict=True
        ):
            grant = kind == "other" and reading == (kind, True, 0)  # read from the grammar: a payer, a grant's level
            forces, collaboration = figure_forces(Figure(span, segment_start, last, kind, grant), article, self.owners)
            if len(items) in totals:  # the forces of the figures it sums
                summed = [f for item in items if item["start_char"] >= span.sent.start_char for f in item["forces"]]
                forces = list(dict.fromkeys([*summed, *forces]))
            items.append(money_item(amount, kind, hedged, period, forces, collaboration))
        doc._.money = items
        return doc

    def breakdown_whole(self, found: list[tuple], span: Span) -> Reading | None:
        """The reading of the figure this one is a part of, when it is broken down into parts ('ordered £3.7m to be
        stripped out. ... The demand is made up of £3.4m ... and £300,000 ...'): the last figure kept before the
        breakdown phrase, in its sentence or the two before, of a kind whose parts share it (not a budget's)."""
        start = breakdown_start(span, self.links) if found else None
        if start is None:
            return None
        whole = next((f for f in reversed(found) if f[1].end_char <= start), None)
        if whole is None or whole[2].kind not in self.links.breakdown_kinds:
            return None
        return whole[2] if self.near(whole[1], span) else None

    @staticmethod
    def near(earlier: Span, span: Span) -> bool:
        """At most ``BREAKDOWN_REACH`` sentences open between an earlier figure and this one."""
        between = span.doc[earlier.end : span.sent.start]
        return sum(t.is_sent_start and not t.is_space for t in between) <= BREAKDOWN_REACH

    def article_periods(self, doc: Doc, keys: list[tuple], periods: list[Period | None]) -> list[Period | None]:
        """The figures' periods with the article's years: relative years anchored on the publication date where the
        article names its years, and one dated period per repeated figure (``pipeline.nlp.money_article``)."""
        style = year_style(self.periods.find(doc.text), periods)
        published = publication_date(doc)
        periods = [anchored_period(p, published, style, self.relative_offsets) for p in periods]
        return shared_periods(keys, periods, self.relative_labels)

    def given_by_government(self, span: Span, officials: list[dict]) -> bool:
        """'He' or 'she' gives the figure, and is the official named last, a minister: a grant."""
        if not given_by_someone(span, self.kinds.readings):
            return False
        official = last_official(officials, span.doc.text, span.start_char)
        return official is not None and official.get("role") in self.owners.forceless_roles

    def money_only(self, group: list[tuple[Amount, Span]], force_tokens: set[int]) -> list[tuple[Amount, Span]]:
        """The figures of a sentence without the numbers written with no currency that are not pounds ('12.5m calls')."""
        figure_tokens = {t.i for _, s in group for t in s}
        return [
            (a, s) for a, s in group
            if not a.inferred or is_pounds_without_symbol(s, figure_kind(s, figure_tokens, self.kinds), force_tokens, self.scope)
        ]


def by_sentence(figures: list[tuple[Amount, Span]]) -> list[list[tuple[Amount, Span]]]:
    """The figures grouped by sentence, in text order."""
    groups: dict[int, list[tuple[Amount, Span]]] = {}
    for amount, span in figures:
        groups.setdefault(span.sent.start, []).append((amount, span))
    return list(groups.values())


def money_item(
    amount: Amount, kind: str, hedged: bool, period: Period | None, forces: list[str], collaboration: int | None
) -> dict:
    """The ``MoneyFigure`` record of one figure mention."""
    item = {
        "amount": as_number(amount.value),
        "amount_high": as_number(amount.high) if amount.high is not None else None,
        "currency": amount.currency,
        "kind": kind,
        "hedged": hedged,
        "period": period.label if period else None,
        "period_start": period.first_day.isoformat() if period and period.first_day else None,
        "period_end": period.last_day.isoformat() if period and period.last_day else None,
        "forces": forces,
        "start_char": amount.start,
        "end_char": amount.end,
        "text": amount.text,
    }
    if collaboration is not None:
        item["collaboration"] = collaboration
    return item


def token_span(doc: Doc, start: int, end: int) -> Span:
    """The tokens covering characters start..end, as ``char_span(..., alignment_mode="expand")``.

    Computed here because spaCy 3.8 returns None when ``end`` falls inside the doc's last token
    ("£9.6m." at the end of an article, where "m." is one token).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        return span
    first = next(t.i for t in doc if t.idx + len(t) > start)
    last = first
    while last + 1 < len(doc) and doc[last + 1].idx < end:
        last += 1
    return doc[first : last + 1]


@Language.factory(
    COMPONENT,
    assigns=["doc._.money"],
    # token.pos is read too, but the attribute_ruler that sets it declares nothing for analyze_pipes to check
    requires=[
        "doc.spans", "doc.sents", "doc._.collaborations", "doc._.officials", "doc._.ranked_forces",
        "token.dep", "token.lemma", "token.tag", "token.ent_type",
    ],
    default_config={
        "models_path": None,
        "override_distance": 3,
        "period_gap": 80,
        "scorer": {"@scorers": "forcewatch.facts_scorer.v1", "attr": "money", "fields": ["amount", "kind"]},
    },
    default_score_weights={"money_f": 1.0, "money_p": 0.0, "money_r": 0.0},
)
def make_money_finder(
    nlp: Language, name: str, models_path: str | None, override_distance: int, period_gap: int, scorer: Callable | None
) -> MoneyFinder:
    """spaCy factory: the money finder built from ``models/money.json`` and ``models/words.json``.

    ``override_distance``: tree arcs within which a precept or household bill makes a figure ``other``;
    ``period_gap``: characters between a figure and a period phrase after it, in the same clause.
    """
    finder = MoneyFinder(nlp, name, models_path, override_distance, period_gap)
    finder.scorer = scorer
    return finder
