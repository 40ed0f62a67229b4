"""Whether a figure is policing money (pipeline/nlp/money_scope.py), on small parsed sentences."""

from __future__ import annotations

import pytest

from pipeline.nlp.forces import force_mentions
from pipeline.nlp.money import token_span
from pipeline.nlp.money_kind import KindCues, Reading, figure_kind
from pipeline.nlp.money_lexicon import load_money_lexicon
from pipeline.nlp.money_scope import ScopeCues, is_crime_value, is_pounds_without_symbol


@pytest.fixture(scope="module")
def cues() -> ScopeCues:
    return ScopeCues.from_lexicon(load_money_lexicon()[0])


def figure(nlp, text: str, written: str):
    doc = nlp(text)
    start = text.index(written)
    span = token_span(doc, start, start + len(written))
    return span, {t.i for t in span}


class TestScopeCuesFromLexicon:
    def test_fines_and_precepts_stay_policing_money_but_compensation_does_not(self, cues):
        assert ("fine",) in cues.policing_other and ("council", "tax") in cues.policing_other
        assert ("compensation",) not in cues.policing_other


class TestIsCrimeValue:
    @pytest.mark.parametrize(
        ("text", "written", "crime"),
        [
            ("The driver was in a stolen van worth £41,000.", "£41,000", True),
            ("Officers seized heroin with a street value of £250,000.", "£250,000", True),
            ("One victim gave up jewellery worth £166,000.", "£166,000", True),
            ("Confiscation orders required criminals to hand over £5.8 million.", "£5.8 million", True),
            ("A man found with a knife and £200 in cash was arrested.", "£200", True),
            ("Drivers paid £3.9m in speed camera fines last year.", "£3.9m", True),  # a road-safety fine
            ("He was fined £300 for the theft of a bicycle.", "£300", False),  # a fine is policing money
            ("Kent Police paid £1.5m to settle claims from victims of the fraud.", "£1.5m", False),  # the force pays
            ("The chief constable earns £150,000.", "£150,000", False),  # no crime near
            ("The force needs £2m in cash reserves.", "£2m", False),  # cash, but not 'in cash' on a suspect
        ],
    )
    def test_crime_takings(self, nlp, cues, text, written, crime):
        span, tokens = figure(nlp, text, written)
        assert is_crime_value(span, tokens, cues) is crime


class TestIsPoundsWithoutSymbol:
    @pytest.mark.parametrize(
        ("text", "written", "pounds"),
        [
            ("Kent Police must make a saving of 153 million over four years.", "153 million", True),
            ("Kent Police must save 12.5m by 2020.", "12.5m", True),
            ("Essex Police will cut 2 million from its budget.", "2 million", True),
            ("Kent Police took 12.5m calls last year.", "12.5m", False),  # a count
            ("The county has 1.2 million residents and Kent Police must save money.", "1.2 million", False),
            ("The company must save 12.5m by 2020.", "12.5m", False),  # no force or police in the sentence
            ("Kent Police is facing cuts. Its budget will be cut by 12 million.", "12 million", True),  # the one before
            ("The company is facing cuts. Its budget will be cut by 12 million.", "12 million", False),
            ("The authority said the merger would cost 10 million more than the Government allowed for.", "10 million",
             True),  # the '£' lost from an overrun
        ],
    )
    def test_a_money_cue_governs_it_in_a_sentence_about_a_force(self, nlp, text, written, pounds):
        kinds = KindCues.from_lexicon(load_money_lexicon()[0], override_distance=3)
        span, tokens = figure(nlp, text, written)
        force_tokens = {t.i for m in force_mentions(span.doc) for t in m}
        scope = ScopeCues.from_lexicon(load_money_lexicon()[0])
        assert is_pounds_without_symbol(span, figure_kind(span, tokens, kinds), force_tokens, scope) is pounds

    def test_a_far_or_weak_cue_is_not_enough(self, nlp, cues):
        span, _ = figure(nlp, "Kent Police must save 12.5m by 2020.", "12.5m")
        assert not is_pounds_without_symbol(span, Reading("savings", True, 3), {span.start}, cues)
        assert not is_pounds_without_symbol(span, Reading("savings", False, 1), {span.start}, cues)
        assert not is_pounds_without_symbol(span, Reading("other", True, 1), {span.start}, cues)
