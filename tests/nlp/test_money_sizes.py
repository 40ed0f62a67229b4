"""What a money figure is the size of (pipeline/nlp/money_sizes.py), on small parsed sentences."""

from __future__ import annotations

import pytest

from pipeline.nlp.money import token_span
from pipeline.nlp.money_kind import KindCues, cue_kind
from pipeline.nlp.money_lexicon import load_money_lexicon
from pipeline.nlp.money_sizes import (
    SizeCues,
    after_kind,
    ellipsis_kind,
    estimate_kind,
    fall_kind,
    grant_level_kind,
    is_grant,
    outstanding_kind,
    sized_kind,
)


@pytest.fixture(scope="module")
def kinds() -> KindCues:
    return KindCues.from_lexicon(load_money_lexicon()[0], override_distance=3)


@pytest.fixture(scope="module")
def cues(kinds) -> SizeCues:
    return kinds.sizes


@pytest.fixture(scope="module")
def kind_of(kinds):
    def of(tok):
        kind, strong = cue_kind(tok, set(), kinds)
        return kind if strong else None

    return of


def figure(nlp, text: str, written: str):
    doc = nlp(text)
    start = text.index(written)
    return token_span(doc, start, start + len(written))


def word(span, text: str):
    return next(t for t in span.sent if t.text == text)


class TestSizeCuesFromLexicon:
    def test_reads_the_sizes_and_the_grant_words(self, cues):
        assert "put" in cues.estimate_verbs and "grant" in cues.grant_words and ("home", "office") in cues.government
        assert cues.after_kinds["short"] == "funding_gap"


class TestEstimateKind:
    @pytest.mark.parametrize(
        ("text", "written", "kind"),
        [
            ("Estimates in the report put the budget gap at about £4 million in 2012-13.", "£4 million", "funding_gap"),
            ("Initial savings are put at around £1.9m.", "£1.9m", "savings"),
            ("The report estimated the shortfall at £12m for next year.", "£12m", "funding_gap"),
            ("The cost of the new building was put at £30m.", "£30m", "spending"),
            ("The grant was set at £90m.", "£90m", "other"),
        ],
    )
    def test_the_kind_of_what_is_estimated(self, nlp, cues, kinds, kind_of, text, written, kind):
        assert estimate_kind(figure(nlp, text, written), cues, kinds.readings, kind_of) == kind

    @pytest.mark.parametrize(
        ("text", "written"),
        [
            ("The auctioneers put the value at £30,000.", "£30,000"),  # a thing of no kind: the cues decide
            ("The force will save £3m at most.", "£3m"),  # no 'at' before the figure
            ("They met at £5m House.", "£5m"),  # no verb of estimating
        ],
    )
    def test_none_without_an_estimated_thing_of_a_kind(self, nlp, cues, kinds, kind_of, text, written):
        assert estimate_kind(figure(nlp, text, written), cues, kinds.readings, kind_of) is None


class TestSizedKind:
    @pytest.mark.parametrize(
        ("text", "noun", "kind"),
        [("The budget gap is large.", "gap", "funding_gap"), ("The figure is large.", "figure", None)],
    )
    def test_only_a_thing_with_a_kind(self, nlp, kinds, kind_of, text, noun, kind):
        doc = nlp(text)
        assert sized_kind(word(doc[:], noun), kinds.readings, kind_of) == kind


class TestGrantLevelKind:
    @pytest.mark.parametrize(
        ("text", "written", "kind"),
        [
            ("Government funding for the police would still be £124m higher than last year.", "£124m", "other"),
            ("Government funding for the police would be £124m higher than last year, at around £9.61bn.", "£9.61bn",
             "other"),
            ("The police grant will be £5m lower than last year.", "£5m", "budget_reduction"),
            ("The Home Office settlement is £80m.", "£80m", "other"),
        ],
    )
    def test_a_grant_is_other_and_its_fall_a_cut(self, nlp, cues, text, written, kind):
        assert grant_level_kind(figure(nlp, text, written), cues) == kind

    @pytest.mark.parametrize(
        ("text", "written"),
        [
            ("The force's funding will be £124m higher than last year.", "£124m"),  # no government: the force's money
            ("The budget will be £300m.", "£300m"),
            ("The grant cut will be £300m.", "£300m"),  # a cut of the grant: the cue decides
            ("The government gave the force £5m.", "£5m"),  # no 'be'
        ],
    )
    def test_none_for_other_subjects_and_verbs(self, nlp, cues, text, written):
        assert grant_level_kind(figure(nlp, text, written), cues) is None


class TestIsGrant:
    @pytest.mark.parametrize(
        ("text", "noun", "grant"),
        [
            ("The police grant rose.", "grant", True),
            ("Home Office funding rose.", "funding", True),
            ("Government funding for the police rose.", "funding", True),
            ("The force's funding rose.", "funding", False),
            ("The grant cut rose.", "cut", False),
            ("The budget rose.", "budget", False),
        ],
    )
    def test_grant_words_or_government_funding(self, nlp, cues, text, noun, grant):
        doc = nlp(text)
        assert is_grant(word(doc[:], noun), cues) is grant


class TestAfterKind:
    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("The force expects to be £10m short.", "funding_gap"),
            ("The force is £10m short of what it needs.", "funding_gap"),
            ("The force will be £10m worse off by 2020.", "budget_reduction"),
            ("The budget will be £10m lower this year than last.", "budget_reduction"),
            ("The force is expected to be £10m in the red by 2019.", "funding_gap"),
            ("The force took out a £10m short-term loan.", None),
            ("The force will save £10m this year.", None),
        ],
    )
    def test_the_phrase_after_the_figure(self, nlp, cues, text, kind):
        assert after_kind(figure(nlp, text, "£10m"), cues) == kind


class TestOutstandingKind:
    @pytest.mark.parametrize(
        ("text", "verb", "kind"),
        [
            ("The force has yet to find £4m.", "find", "funding_gap"),
            ("The force still needs to find £4m.", "find", "funding_gap"),
            ("The force must find £4m.", "find", "savings"),
        ],
    )
    def test_a_saving_still_to_find_is_a_gap(self, nlp, cues, text, verb, kind):
        doc = nlp(text)
        assert outstanding_kind(word(doc[:], verb), "savings", cues) == kind

    def test_other_kinds_are_left_alone(self, nlp, cues):
        doc = nlp("The force still needs £4m.")
        assert outstanding_kind(word(doc[:], "needs"), "funding_gap", cues) == "funding_gap"


class TestEllipsisKind:
    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("The force will have £6.7m less to spend in 2011-12 and a further £8.3m less the following year.",
             "budget_reduction"),
            ("It gets £6.7m less funding this year and £8.3m less next year.", "budget_reduction"),
            ("The force will spend £8.3m less on overtime.", None),  # no 'less to spend' said before it
            ("The force will have £6.7m less to spend and £8.3m to invest.", None),  # no bare 'less' after it
        ],
    )
    def test_a_bare_less_repeats_the_frame_before(self, nlp, cues, text, kind):
        assert ellipsis_kind(figure(nlp, text, "£8.3m"), cues) == kind


class TestFallKind:
    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("The fall in the police budget this year is going to be £73m at best.", "budget_reduction"),
            ("The cut to the grant will be £5m.", "budget_reduction"),
            ("The fall in crime is worth £5m.", None),  # no 'be', no budget
            ("The drop in overtime will be £5m.", None),  # not a budget or a grant
            ("The budget will be £5m.", None),  # a level, not a fall
        ],
    )
    def test_the_size_of_a_fall_in_a_budget(self, nlp, cues, kinds, kind_of, text, kind):
        assert fall_kind(figure(nlp, text, "£" + text.split("£")[1].split("m")[0] + "m"), cues, kinds.readings, kind_of) == kind
