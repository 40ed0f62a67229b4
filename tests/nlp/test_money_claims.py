"""Which words may give a money figure its kind (pipeline/nlp/money_claims.py), on small parsed sentences."""

from __future__ import annotations

import pytest

from pipeline.nlp.money import token_span
from pipeline.nlp.money_claims import (
    claimed_by_other,
    falls_in_headcount,
    given_by_someone,
    matches,
    matches_any,
    of_time,
    thing_cost,
    weak_kind,
)
from pipeline.nlp.money_kind import KindCues, figure_kind
from pipeline.nlp.money_lexicon import load_money_lexicon


@pytest.fixture(scope="module")
def cues() -> KindCues:
    return KindCues.from_lexicon(load_money_lexicon()[0], override_distance=3)


def figures(nlp, text: str, written: list[str]):
    """The spans of the figures ``written`` in ``text`` and the token indices of all of them."""
    doc = nlp(text)
    spans = [token_span(doc, text.index(w), text.index(w) + len(w)) for w in written]
    return doc, spans, {t.i for s in spans for t in s}


class TestClaimedByOther:
    @pytest.mark.parametrize(
        ("text", "written", "figure", "noun", "claimed"),
        [
            ("Of that, £37m has to come out of its current £450m budget.", ["£37m", "£450m"], 0, "budget", True),
            ("£37m has to come out of a budget of £450m this year.", ["£37m", "£450m"], 0, "budget", True),
            ("£37m has to come out of its current £450m budget.", ["£37m", "£450m"], 1, "budget", False),
            ("The force has to find savings of £2m and £3m.", ["£2m", "£3m"], 0, "savings", False),
            ("The force has to find savings of £2m and £3m.", ["£2m", "£3m"], 1, "savings", False),
            ("The force must save £20m from its budget.", ["£20m"], 0, "budget", False),
            ("It gets £30m next year and £29m in 2026, falling to £28m in 2027.", ["£30m", "£29m", "£28m"], 0, "falling", True),
            ("The budget will be cut by £20m, from £300m to £280m.", ["£20m", "£300m", "£280m"], 0, "cut", False),
        ],
    )
    def test_a_noun_is_claimed_by_the_figure_it_sizes(self, nlp, text, written, figure, noun, claimed):
        doc, spans, tokens = figures(nlp, text, written)
        tok = next(t for t in doc if t.text == noun)
        assert claimed_by_other(tok, spans[figure], tokens) is claimed


class TestWeakKind:
    @pytest.mark.parametrize(
        ("text", "word", "kind"),
        [
            ("The force must find £87m by 2015.", "find", "savings"),
            ("The force would need an extra £57m.", "need", "funding_gap"),
            ("The force has identified £3m.", "identified", "savings"),
            ("The force would have a need for £5m.", "need", None),
            ("The force must spend £5m.", "spend", None),
        ],
    )
    def test_only_the_weak_verbs_give_a_kind(self, nlp, text, word, kind, cues):
        tok = next(t for t in nlp(text) if t.text == word)
        assert weak_kind(tok, cues.weak_verbs) == kind


class TestWeakVerbsInFigureKind:
    @pytest.mark.parametrize(
        ("text", "written", "kind", "strong"),
        [
            ("Under the plan the force must find £87m by 2015.", "£87m", "savings", False),
            ("The force would need an extra £57m to keep operating.", "£57m", "funding_gap", False),
            ("The force must find £10m of cuts.", "£10m", "budget_reduction", True),
            ("The force needs £2m to fill the funding gap.", "£2m", "funding_gap", False),
            ("Of that, £37m has to come out of its current £450m budget.", "£37m", "other", False),
        ],
    )
    def test_a_weak_verb_counts_when_nothing_stronger_is_as_near(self, nlp, text, written, kind, strong, cues):
        _, spans, tokens = figures(nlp, text, [w for w in ("£87m", "£57m", "£10m", "£2m", "£37m", "£450m") if w in text])
        span = next(s for s in spans if s.text == written)
        reading = figure_kind(span, tokens, cues)
        assert (reading.kind, reading.strong) == (kind, strong)


class TestThingCost:
    @pytest.mark.parametrize(
        ("text", "written", "cost"),
        [
            ("Kent Police's £30m IT project was scrapped.", "£30m", True),
            ("The new £30m headquarters opens today.", "£30m", True),
            ("The £2m increase was welcome.", "£2m", False),  # a change, not a thing
            ("He took a £150,000 job.", "£150,000", False),  # a job's pay
            ("The force will spend £30m.", "£30m", False),  # the figure sizes no noun
            ("Its £300m budget includes £20m for the new control room.", "£20m", True),  # money for a thing
            ("The Home Office set aside £2m for the force.", "£2m", False),  # for a body, not a thing
            ("Kent Police got £20m for the year.", "£20m", False),  # for a time
            ("The virus added a further £2.2m in cancelled leave and overtime.", "£2.2m", True),  # money in costs
            ("The force received £5m in extra funding.", "£5m", False),
        ],
    )
    def test_a_figure_sizing_a_thing_is_its_cost(self, nlp, text, written, cost, cues):
        _, (span,), _ = figures(nlp, text, [written])
        assert thing_cost(span, cues.not_costs) is cost


class TestThingCostInFigureKind:
    @pytest.mark.parametrize(
        ("text", "written", "kind", "strong"),
        [
            ("Kent Police's £30m IT project was scrapped.", "£30m", "spending", False),
            ("The £2m increase was welcome.", "£2m", "other", True),  # an increase: other
            ("The force bid for £1.5m from the Police Innovation Fund.", "£1.5m", "other", True),  # a fund is a pot
            ("The force will use £1.5m to fund the new unit.", "£1.5m", "spending", True),
            ("It was allocated £52.7m for 2026-27, an increase of £7.3m on last year.", "£7.3m", "other", True),
            ("Spending on overtime will rise by £2m.", "£2m", "spending", True),  # 'rise' as a verb is no cue
            ("The government will chop £8m from the force's grant.", "£8m", "budget_reduction", True),
        ],
    )
    def test_kinds(self, nlp, text, written, kind, strong, cues):
        _, (span,), tokens = figures(nlp, text, [written])
        reading = figure_kind(span, tokens, cues)
        assert (reading.kind, reading.strong) == (kind, strong)


class TestGivenBySomeone:
    @pytest.mark.parametrize(
        ("text", "written", "given"),
        [
            ("He first offered £125m towards the cost and later promised up to £1bn.", "£125m", True),
            ("He first offered £125m towards the cost and later promised up to £1bn.", "£1bn", True),  # a conjunct
            ("She has pledged to give £5m to the unit.", "£5m", True),
            ("The force offered £125m towards the cost.", "£125m", False),  # a body gives: its spending
            ("He said the force would spend £5m.", "£5m", False),  # not a giving verb
        ],
    )
    def test_a_person_gives_it(self, nlp, cues, text, written, given):
        _, (span,), _ = figures(nlp, text, [written])
        assert given_by_someone(span, cues.readings) is given


def token(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


class TestMatches:
    @pytest.mark.parametrize(
        ("text", "word", "phrase", "found"),
        [
            ("They set aside £1m.", "set", ("set", "aside"), True),
            ("They set up a unit.", "set", ("set", "aside"), False),
            ("They spent £1m.", "spent", ("spend",), True),  # a one-word cue: the caller matched its lemma
            ("They put £1m into the unit.", "put", ("put", "into"), True),
            ("They put the gap at £4m in 2012-13.", "put", ("put", "in"), False),  # a date's 'in'
            ("They put the gap at £4m in 2012-13.", "in", ("put", "in"), False),
            ("Council tax payers will contribute £80m.", "tax", ("council", "tax"), True),  # two compounds of 'payers'
        ],
    )
    def test_two_word_cue_needs_the_other_word(self, nlp, text, word, phrase, found):
        assert matches(token(nlp, text, word), phrase) is found


class TestOfTime:
    @pytest.mark.parametrize(
        ("text", "found"),
        [("They put the gap at £4m in 2012-13.", True), ("They put £4m in the pot.", False)],
    )
    def test_a_preposition_of_a_date(self, nlp, text, found):
        doc = nlp(text)
        assert of_time([t for t in doc if t.text == "in"][-1]) is found


class TestMatchesAny:
    @pytest.mark.parametrize(
        ("text", "word", "found"),
        [("Council tax rises.", "tax", True), ("The tax rises.", "tax", False), ("The precept rises.", "precept", True)],
    )
    def test_one_of_the_phrases(self, nlp, text, word, found):
        assert matches_any(token(nlp, text, word), (("council", "tax"), ("precept",))) is found


class TestFallsInHeadcount:
    @pytest.mark.parametrize(
        ("text", "verb", "expected"),
        [
            ("He asked for £128m, warning that officer numbers could fall by 1,500.", "fall", True),
            ("The force asked for £5m and will cut 200 posts.", "cut", True),
            ("Officer numbers will fall as the force cuts £5m from its budget.", "cuts", False),  # the figure's own verb
            ("The budget will fall by £5m.", "fall", False),  # money falls
        ],
    )
    def test_a_fall_in_people_is_no_money_cue(self, nlp, cues, text, verb, expected):
        doc = nlp(text)
        start = text.index("£")
        span = token_span(doc, start, start + text[start:].index("m") + 1)
        token = next(t for t in doc if t.text == verb)
        assert falls_in_headcount(token, {t.i for t in span}, cues.headcount_words) is expected
