"""Readings of a figure's kind from the grammar around it (pipeline/nlp/money_readings.py), on small parsed sentences."""

from __future__ import annotations

import pytest

from pipeline.nlp.money import token_span
from pipeline.nlp.money_kind import KindCues, cue_kind
from pipeline.nlp.money_lexicon import load_money_lexicon
from pipeline.nlp.money_readings import (
    ReadingCues,
    changed_thing,
    envelope_kind,
    giving,
    governing_verb,
    government_at,
    is_organisation,
    level_kind,
    payer_kind,
    phrase_kind,
    subject_of,
    thing_kind,
)


@pytest.fixture(scope="module")
def cues() -> ReadingCues:
    return KindCues.from_lexicon(load_money_lexicon()[0], override_distance=3).readings


@pytest.fixture(scope="module")
def kind_of():
    kinds = KindCues.from_lexicon(load_money_lexicon()[0], override_distance=3)

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


class TestLevelKind:
    @pytest.mark.parametrize(
        ("text", "written", "kind"),
        [
            ("The police share of council tax will go up 2%, to £220 a year.", "£220", "other"),
            ("The force's share of the national grant will fall to £150m.", "£150m", "other"),
            ("The force's budget would fall from £300m to £180m.", "£300m", "budget"),
            ("The force's budget would fall from £300m to £180m.", "£180m", "budget"),
            ("Further reductions brought that down to about £717m.", "£717m", "budget"),  # brought down to: a level
            ("The budget will shrink by £15m, to about £125m in 2012-13.", "£125m", "budget"),
            ("The 2022 figure had been cut to £25.4m.", "£25.4m", "budget"),
            ("This gap can only be reduced to around £85m.", "£85m", "funding_gap"),
            ("Its grant will fall from £60m to £55m.", "£55m", "other"),  # the level of a grant
            ("The budget will shrink by up to £15m.", "£15m", None),  # the change, not a level
            ("The cuts, amounting to £54m a year, hurt.", "£54m", None),  # 'amounting to' is no level
            ("The force will save up to £4m.", "£4m", None),  # 'up to' is a hedge
        ],
    )
    def test_a_level_under_a_change_verb(self, nlp, cues, kind_of, text, written, kind):
        assert level_kind(figure(nlp, text, written), cues, kind_of) == kind


class TestEnvelopeKind:
    @pytest.mark.parametrize(
        ("text", "written", "kind"),
        [
            ("Of that, £26.6m has been earmarked for the Isle of Man Constabulary.", "£26.6m", "budget"),
            ("The department has been allocated £52.7m for 2026-27.", "£52.7m", "budget"),
            ("The force's revenue spending had been set at £27.2m.", "£27.2m", "budget"),
            ("£5m has been earmarked for a new control room.", "£5m", None),  # for a thing, not a body: spending
            ("£2m has been allocated to Kent Police for a new HQ.", "£2m", None),  # a body, but for a thing
            ("Spending on IT was £5m.", "£5m", None),  # spending on something
            ("The department has been allocated £52.7m, an increase of £7.3m.", "£7.3m", None),  # not the verb's
        ],
    )
    def test_the_size_of_a_budget(self, nlp, cues, text, written, kind):
        assert envelope_kind(figure(nlp, text, written), cues) == kind


class TestPayerKind:
    @pytest.mark.parametrize(
        ("text", "written", "kind"),
        [
            ("The Home Office has contributed £300,000 towards setting the unit up.", "£300,000", "other"),
            ("The Government is putting in an extra £5.29 million.", "£5.29 million", "other"),
            ("The cost was £72m, with the Treasury meeting just £20m of the bill.", "£20m", "other"),
            ("He said the government had made £175m available this year.", "£175m", "other"),
            ("The Met's budget is made up of £2.6bn from central government.", "£2.6bn", "other"),
            ("The authority will receive only £100,000 towards the cost.", "£100,000", "other"),
            ("Ms Farrell also asked for a further £5m this year to meet rising costs.", "£5m", "other"),  # requested
            ("The commissioner has requested £2m for the new unit.", "£2m", "other"),
            ("The force asked for £5m of savings from each department.", "£5m", None),  # a figure of something
            ("The Home Office has allocated £5m to Kent Police.", "£5m", "other"),  # a grant, not the force's budget
            ("The consultancy firm was paid £400,000.", "£400,000", "spending"),
            ("He will be paid £110,000 a year.", "£110,000", "other"),
            ("Kent Police paid consultants £250,000 for the review.", "£250,000", "spending"),
            ("Kent Police will pay Serco £30m a year.", "£30m", "spending"),  # a name, not a person's
            ("Kent Police paid him £250,000 a year.", "£250,000", "other"),
            ("Its government grant falls by £2.1m.", "£2.1m", None),  # 'grant' here is a noun, not a giving verb
            ("The force has contributed £300,000 towards the unit.", "£300,000", None),  # a force pays: spending
        ],
    )
    def test_who_pays(self, nlp, cues, text, written, kind):
        assert payer_kind(figure(nlp, text, written), cues) == kind


class TestPhraseKind:
    @pytest.mark.parametrize(
        ("text", "written", "kind"),
        [
            ("Most of it is found, but £12m is still to be found.", "£12m", "funding_gap"),
            ("The merger would cost £10m higher than the Government has allowed for.", "£10m", "funding_gap"),
            ("The force spent £5m more than last year.", "£5m", None),  # a comparison with no provision
            ("A further £7.3m of savings has yet to be identified.", "£7.3m", "funding_gap"),
            ("Gwent Police has £11m of unidentified savings to find.", "£11m", "funding_gap"),
            ("It will cost £227.9m, up £11.2m on this year.", "£11.2m", "other"),  # an increase
            ("The budget is £40m, down £2m on last year.", "£2m", "budget_reduction"),
            ("The force has an unfunded £3m pension bill.", "£3m", "funding_gap"),
            ("The force must find savings of £5m, with £2m yet to find.", "£2m", "funding_gap"),
            ("The force has £11m less to spend in 2011-12.", "£11m", "budget_reduction"),
            ("The force has £11m less funding this year.", "£11m", "budget_reduction"),
            ("Wiltshire receives £100 a head less than the average.", "£100", None),
            ("The force must find £12m, and a review is still to be agreed.", "£12m", None),  # another clause
        ],
    )
    def test_set_phrases(self, nlp, cues, text, written, kind):
        assert phrase_kind(figure(nlp, text, written), cues) == kind


class TestSubjectOf:
    def test_through_complements_and_conjuncts(self, nlp):
        span = figure(nlp, "The budget will shrink by £15m and is expected to drop to £120m.", "£120m")
        assert subject_of(governing_verb(span.root)).lower_ == "budget"

    def test_through_a_participle_clause(self, nlp):
        span = figure(nlp, "Initial savings are put at around £1.9m, rising to as much as £6.6m a year.", "£6.6m")
        assert subject_of(governing_verb(span.root)).lower_ == "savings"

    def test_none_for_a_clause_of_its_own(self, nlp):
        span = figure(nlp, "The force cut staff because it had lost £5m.", "£5m")
        assert subject_of(governing_verb(span.root)).lower_ == "it"


class TestChangedThing:
    @pytest.mark.parametrize(
        ("text", "thing"), [("The force will cut its budget to £20m.", "budget"), ("The gap fell to £20m.", "gap")]
    )
    def test_object_else_subject(self, nlp, text, thing):
        span = figure(nlp, text, "£20m")
        assert changed_thing(governing_verb(span.root), span).lower_ == thing


class TestThingKind:
    @pytest.mark.parametrize(
        ("text", "word_", "kind"),
        [
            ("The funding gap fell.", "gap", "funding_gap"),
            ("The police grant fell.", "grant", "other"),
            ("Revenue spending fell.", "spending", "budget"),  # spending as a whole
            ("The cost fell.", "cost", "spending"),
            ("The figure fell.", "figure", "budget"),
        ],
    )
    def test_kind_of_the_level(self, nlp, cues, kind_of, text, word_, kind):
        doc = nlp(text)
        assert thing_kind(next(t for t in doc if t.text == word_), cues, kind_of) == kind


class TestGiving:
    @pytest.mark.parametrize(
        ("text", "word_", "gives"),
        [
            ("The Home Office contributed £1m.", "contributed", True),
            ("The government made £1m available.", "made", True),
            ("The government made cuts of £1m.", "made", False),  # 'make' gives only with 'available'
            ("Its government grant falls.", "grant", False),  # a noun
        ],
    )
    def test_giving_verbs(self, nlp, cues, text, word_, gives):
        doc = nlp(text)
        assert giving(next(t for t in doc if t.text == word_), cues) is gives


class TestGovernmentAt:
    @pytest.mark.parametrize(
        ("text", "found"),
        [("the Home Office", True), ("central government", True), ("ministers", True), ("the force", False)],
    )
    def test_government_words(self, nlp, cues, text, found):
        assert government_at(list(nlp(text)), cues) is found


class TestIsOrganisation:
    @pytest.mark.parametrize(
        ("text", "word_", "body"),
        [
            ("It went to the Isle of Man Constabulary.", "Isle", True),
            ("It went to the consultancy firm.", "firm", True),
            ("It went to the officer.", "officer", False),
        ],
    )
    def test_a_body_not_a_person(self, nlp, cues, text, word_, body):
        doc = nlp(text)
        assert is_organisation(next(t for t in doc if t.text == word_), cues) is body
