"""The kind rules of the money stage (pipeline/nlp/money_kind.py), on small parsed sentences."""

from __future__ import annotations

import pytest

from pipeline.nlp.money import token_span
from pipeline.nlp.money_kind import (
    KindCues,
    Reading,
    argument_among,
    cue_kind,
    figure_kind,
    nearest_in_text,
    overridden,
    tree_distances,
    verb_conjunct,
)
from pipeline.nlp.money_lexicon import load_money_lexicon


@pytest.fixture(scope="module")
def cues() -> KindCues:
    return KindCues.from_lexicon(load_money_lexicon()[0], override_distance=3)


def figure(nlp, text: str, written: str):
    """The parsed figure ``written`` in ``text``, and the token indices of every figure of its sentence."""
    doc = nlp(text)
    start = text.index(written)
    span = token_span(doc, start, start + len(written))
    return span, {t.i for t in span}


def token(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


class TestKindCuesFromLexicon:
    def test_every_word_of_a_two_word_cue_points_to_it(self, cues):
        assert any(c.words == ("set", "aside") and c.kind == "spending" for c in cues.cues["set"])
        assert any(c.words == ("set", "aside") for c in cues.cues["aside"])

    def test_the_override_distance_comes_from_the_caller(self):
        assert KindCues.from_lexicon(load_money_lexicon()[0], override_distance=1).override_distance == 1


class TestFigureKind:
    @pytest.mark.parametrize(
        ("text", "written", "kind", "strong"),
        [
            ("The three forces now face a combined £9m funding gap.", "£9m", "funding_gap", True),
            ("The new structure will deliver £12 million cost savings.", "£12 million", "savings", True),
            ("Its net funding for 2026-27 is provisionally put at £220.6m.", "£220.6m", "budget", True),
            ("Its Home Office grant was cut by £3.5m this year.", "£3.5m", "budget_reduction", True),
            ("The forces will reduce running costs by £2m.", "£2m", "savings", True),
            ("The force's £45m budget is stretched.", "£45m", "budget", True),
            ("The force hired KPMG for £300,000 to review its back office.", "£300,000", "spending", True),
            ("The PCC set a budget of £320m and a precept of £200.", "£320m", "budget", True),
            ("The PCC set a budget of £320m and a precept of £200.", "£200", "other", True),
            ("The force agreed a £15m deal with Airwave.", "£15m", "spending", True),
            ("Officers agreed a pay deal worth £200 a year.", "£200", "other", True),
            ("The government has agreed a funding deal giving the force £20m.", "£20m", "other", True),
            ("Band D households will pay an extra £10 a year.", "£10", "other", True),
            ("The fraudster took £90,000 from pensioners.", "£90,000", "budget_reduction", False),
            ("The chief constable earns £150,000.", "£150,000", "other", False),
            ("The force has saved £35m and must cut a further £34m.", "£34m", "budget_reduction", False),  # its verb's
            ("The police share of a Band D bill is £115 in Sussex against £163 in Surrey.", "£163", "other", True),
            ("A ten-year deal worth £175m starts today.", "£175m", "spending", True),
            ("The proposals could trim £2m from the forces' running costs.", "£2m", "savings", True),
            ("The budget would fall from £300m to £180m.", "£180m", "budget", True),  # a level, read from the grammar
            # what is estimated, not a cue elsewhere: 'put in 2012-13' is no 'put in'
            ("The report put the budget gap at about £4m in 2012-13 and possibly £5.8m the year after.", "£4m",
             "funding_gap", True),
            ("The report put the budget gap at about £4m in 2012-13 and possibly £5.8m the year after.", "£5.8m",
             "funding_gap", True),
            ("Even after the cut, government funding will be £124m higher than last year.", "£124m", "other", True),
            ("The force expects to be £10m short.", "£10m", "funding_gap", True),
            ("The force will be £8m worse off by 2020.", "£8m", "budget_reduction", True),
            ("The force has yet to find £4m.", "£4m", "funding_gap", False),  # a weak verb's saving, still to make
            ("Council tax payers will contribute £80m to policing.", "£80m", "other", True),
            # the precept, said as the police part of a household bill
            ("The commissioner plans to raise the policing part of the bill for a Band D home by £11.", "£11", "other", True),
            ("The police element of the council tax bill will rise by £15 a year.", "£15", "other", True),
            ("A further £2.3m will be carried forward from this year's budget to soften the blow.", "£2.3m", "other", False),
        ],
    )
    def test_kind_of_the_nearest_cue(self, nlp, cues, text, written, kind, strong):
        span, tokens = figure(nlp, text, written)
        assert figure_kind(span, tokens, cues)[:2] == (kind, strong)

    def test_a_precept_counts_across_conjunct_clauses(self, nlp, cues):
        text = "The plan had been to put Kent's police precept up by £12 and cut Essex's by £35."
        span, tokens = figure(nlp, text, "£35")
        assert figure_kind(span, tokens, cues)[0] == "other"

    def test_a_reading_of_the_grammar_is_the_nearest(self, nlp, cues):
        span, tokens = figure(nlp, "The budget would fall from £300m to £180m.", "£300m")
        assert figure_kind(span, tokens, cues) == Reading("budget", True, 0)

    def test_a_precept_far_in_the_tree_does_not_override(self, nlp, cues):
        text = "The force will save £2m, the commissioner said as he set the precept."
        span, tokens = figure(nlp, text, "£2m")
        assert figure_kind(span, tokens, cues)[0] == "savings"


class TestVerbConjunct:
    def test_two_verbs_joined(self, nlp):
        doc = nlp("The force has saved £35m and must cut £34m.")
        saved, cut = (next(t for t in doc if t.text == w) for w in ("saved", "cut"))
        assert verb_conjunct(saved, cut) and verb_conjunct(cut, saved)

    def test_not_nouns(self, nlp):
        doc = nlp("Savings of £2m and £3m were found.")
        two, three = (next(t for t in doc if t.text == w) for w in ("2", "3"))
        assert not verb_conjunct(two, three)


class TestTreeDistances:
    def test_figure_tokens_are_at_zero_and_the_walk_stops_at_the_limit(self, nlp):
        span, _ = figure(nlp, "The force hopes to save £1m by sharing its control room with Essex.", "£1m")
        distances = tree_distances(span, 2)
        assert all(distances[t.i] == 0 for t in span)
        assert max(distances.values()) == 2
        assert distances[span.root.head.i] == 1

    def test_not_across_conjunct_verbs_when_asked(self, nlp):
        span, _ = figure(nlp, "The force has saved £35m and must cut a further £34m.", "£34m")
        saved = next(t.i for t in span.doc if t.text == "saved")
        assert saved in tree_distances(span, 4)
        assert saved not in tree_distances(span, 4, across_verbs=False)

    def test_not_across_conjunct_nouns_when_asked(self, nlp):
        span, _ = figure(nlp, "The PCC set a budget of £320m and a precept of £200.", "£320m")
        precept = next(t.i for t in span.doc if t.text == "precept")
        assert precept in tree_distances(span, 4)
        assert precept not in tree_distances(span, 4, across_nouns=False)

    def test_stays_in_the_sentence(self, nlp):
        span, _ = figure(nlp, "Kent saved £1m. Essex spent £2m.", "£1m")
        assert all(span.sent.start <= i < span.sent.end for i in tree_distances(span, 10))


class TestOverridden:
    @pytest.mark.parametrize(
        ("text", "word", "overrides"),
        [
            ("The precept rises by £12.", "precept", True),
            ("It adds £6 to a Band D bill.", "bill", True),  # a noun that an override modifies
            ("It adds £6 to household bills.", "bills", True),
            ("It adds £6 to the force's bill.", "bill", False),
        ],
    )
    def test_precept_words(self, nlp, cues, text, word, overrides):
        assert overridden(token(nlp, text, word), cues.overrides) is overrides


class TestNearestInText:
    def test_the_nearest_strong_cue_within_the_window(self, nlp, cues):
        span, tokens = figure(nlp, "Budget: £120m. Savings target £4m.", "£4m")
        assert nearest_in_text(span, tokens, cues) == "savings"

    def test_none_without_a_cue(self, nlp, cues):
        span, tokens = figure(nlp, "He has £4m.", "£4m")
        assert nearest_in_text(span, tokens, cues) is None


class TestCueKind:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("The grant was cut by £3m.", "cut", ("budget_reduction", True)),
            ("The force cut costs by £2m.", "cut", ("savings", True)),
            ("Forces take part in a £3.7m programme.", "take", (None, False)),  # an idiom, no reduction
            ("The gang took £2m.", "took", ("budget_reduction", False)),
            ("There is a £2m gap.", "gap", ("funding_gap", True)),
            ("The force has set aside £2m.", "set", ("spending", True)),
            ("The force has set up a unit.", "set", (None, False)),  # 'set' alone is no cue
            ("Merging control rooms would free up £2m.", "free", ("savings", True)),
            ("£2m will be carried forward from this year's budget.", "budget", (None, False)),  # money out of it
            ("The force's budget is £300m.", "budget", ("budget", True)),
        ],
    )
    def test_kinds(self, nlp, cues, text, word, expected):
        assert cue_kind(token(nlp, text, word), set(), cues) == expected

    def test_a_budget_after_from_that_holds_a_figure_is_still_a_budget(self, nlp, cues):
        text = "The force saved £50m from a budget of £300m."
        span, tokens = figure(nlp, text, "£300m")
        budget = next(t for t in span.sent if t.text == "budget")
        assert cue_kind(budget, tokens, cues) == ("budget", True)


class TestArgumentAmong:
    @pytest.mark.parametrize(
        ("text", "found"),
        [("The force has cut £2m from its budget.", True), ("The force has cut £2m.", False)],
    )
    def test_budget_word_under_the_verb(self, nlp, text, found):
        verb = token(nlp, text, "cut")
        assert argument_among(verb, set(), frozenset({"budget"})) is found

    def test_figure_tokens_do_not_count(self, nlp):
        doc = nlp("The force has cut budget.")
        verb = next(t for t in doc if t.text == "cut")
        assert argument_among(verb, {t.i for t in doc if t.text == "budget"}, frozenset({"budget"})) is False
