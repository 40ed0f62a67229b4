"""Whose a money figure is (pipeline/nlp/money_forces.py), on small parsed texts."""

from __future__ import annotations

import pytest

from pipeline.nlp.forces import force_mentions
from pipeline.nlp.lexicon import load_words
from pipeline.nlp.money import token_span
from pipeline.nlp.money_forces import (
    ArticleForces,
    Figure,
    OwnerCues,
    choose_collaboration,
    collective_count,
    context_forces,
    figure_forces,
    in_attribution,
    located_at,
    names_one_force,
    speaker_force,
    unique,
)
from pipeline.nlp.money_lexicon import load_money_lexicon

KENT, ESSEX, NORFOLK, SUFFOLK = "Kent Police", "Essex Police", "Norfolk Constabulary", "Suffolk Constabulary"
SPEECH = frozenset(load_words().speech_verbs)


@pytest.fixture(scope="module")
def cues() -> OwnerCues:
    return OwnerCues.from_lexicon(*load_money_lexicon())


def parse(nlp, text: str, written: str):
    doc = nlp(text)
    start = text.rindex(written)
    return doc, token_span(doc, start, start + len(written))


def article(doc, collaborations=(), officials=(), ranked=None) -> ArticleForces:
    mentions = force_mentions(doc)
    return ArticleForces(mentions, list(collaborations), list(officials), ranked if ranked is not None else [])


def alone(span, kind: str = "savings") -> Figure:
    """The figure as the only one of its sentence."""
    return Figure(span, span.sent.start, True, kind)


class TestOwnerCuesFromLexicon:
    def test_counts_are_the_number_words_of_two_or_more(self, cues):
        assert cues.counts["two"] == 2 and cues.counts["ten"] == 10
        assert "one" not in cues.counts

    def test_phrases_apart_from_words(self, cues):
        assert "between them" in cues.collective_phrases and "joint" in cues.collective


class TestFigureForces:
    def test_the_force_named_with_it(self, nlp, cues):
        doc, span = parse(nlp, "Kent Police has a funding gap of £4m.", "£4m")
        assert figure_forces(alone(span, "funding_gap"), article(doc), cues) == ([KENT], None)

    def test_combined_figure_goes_to_the_speakers_collaboration(self, nlp, cues):
        doc, span = parse(nlp, "A Suffolk Constabulary spokesman said the two forces had saved £8m.", "£8m")
        collaborations = [{"forces": [ESSEX, KENT], "start_char": 0}, {"forces": [NORFOLK, SUFFOLK], "start_char": 0}]
        assert figure_forces(alone(span), article(doc, collaborations), cues) == ([NORFOLK, SUFFOLK], 1)

    def test_national_figure_has_no_force(self, nlp, cues):
        doc, span = parse(nlp, "Across England and Wales, forces have lost £2bn since 2010.", "£2bn")
        assert figure_forces(alone(span, "budget_reduction"), article(doc, ranked=[KENT]), cues) == ([], None)

    def test_the_force_is_the_most_mentioned(self, nlp, cues):
        doc, span = parse(nlp, "The force faces a gap of £2m.", "£2m")
        assert figure_forces(alone(span, "funding_gap"), article(doc, ranked=[ESSEX, KENT]), cues) == ([ESSEX], None)

    def test_the_force_of_the_official_who_says_it(self, nlp, cues):
        doc, span = parse(nlp, "Mr Anwar said the force would save £1m.", "£1m")
        officials = [{"name": "Nadeem Anwar", "force": "Gwent Police"}]
        assert figure_forces(alone(span), article(doc, officials=officials, ranked=[KENT]), cues) == (["Gwent Police"], None)

    def test_unattributed_figure_goes_to_the_collaboration_before_it(self, nlp, cues):
        doc, span = parse(nlp, "The new unit saved £1m.", "£1m")
        collaborations = [{"forces": [KENT, ESSEX], "start_char": 0}]
        assert figure_forces(alone(span), article(doc, collaborations), cues) == ([KENT, ESSEX], 0)

    @pytest.mark.parametrize(
        "text",
        [
            "The Department of Home Affairs has been allocated £52m.",
            "Police could save £1bn without cutting patrols, watchdogs say.",
            "Commissioners are currently paid £73,300 a year.",
            "Nearly £3m has been saved by the Treasury in recent years.",
            "Smarter buying could save around £100m, the watchdogs say.",
        ],
    )
    def test_national_owners_have_no_force(self, nlp, cues, text):
        doc, span = parse(nlp, text, next(w for w in text.split() if w.startswith("£")).rstrip(".,"))
        assert figure_forces(alone(span), article(doc, ranked=[KENT]), cues) == ([], None)

    def test_money_the_government_gives_is_its_recipients(self, nlp, cues):
        doc, span = parse(nlp, "The Home Office has contributed £300,000 towards setting the unit up.", "£300,000")
        collaborations = [{"forces": [KENT, ESSEX], "start_char": 0}]
        figure = Figure(span, span.sent.start, True, "other", grant=True)
        assert figure_forces(figure, article(doc, collaborations, ranked=[KENT]), cues) == ([KENT, ESSEX], 0)

    def test_he_is_the_official_named_last(self, nlp, cues):
        text = "Charles Clarke proposed the mergers. He first offered £125m towards the cost."
        doc, span = parse(nlp, text, "£125m")
        officials = [{"name": "Charles Clarke", "role": "politician", "force": None, "start_char": 0}]
        assert figure_forces(alone(span, "other"), article(doc, officials=officials, ranked=[KENT]), cues) == ([], None)

    def test_its_after_a_sentence_about_the_force_is_that_force(self, nlp, cues):
        text = "The force's budget has been set at £113m. Its government grant falls by £2.1m."
        doc, span = parse(nlp, text, "£2.1m")
        collaborations = [{"forces": [KENT, ESSEX], "start_char": 0}]
        facts = article(doc, collaborations, ranked=[KENT, ESSEX])
        assert figure_forces(alone(span, "budget_reduction"), facts, cues) == ([KENT], None)

    @pytest.mark.parametrize(
        ("ranked", "forces"),
        [([KENT, ESSEX], [KENT, ESSEX]), (["Police Scotland", KENT, ESSEX], ["Police Scotland"])],
    )
    def test_the_new_force_is_the_merged_one_if_it_exists(self, nlp, cues, ranked, forces):
        doc, span = parse(nlp, "Setting up the new force would cost £7m.", "£7m")
        collaborations = [{"forces": [KENT, ESSEX], "start_char": 0}]
        found, _ = figure_forces(alone(span, "spending"), article(doc, collaborations, ranked=ranked), cues)
        assert found == forces

    def test_each_force_is_every_partner(self, nlp, cues):
        doc, span = parse(nlp, "The deal is expected to save each force £150,000 a year.", "£150,000")
        collaborations = [{"forces": [KENT, ESSEX], "start_char": 0}]
        assert figure_forces(alone(span), article(doc, collaborations, ranked=[KENT]), cues) == ([KENT, ESSEX], 0)

    def test_the_force_named_just_after_a_figure_owns_it(self, nlp, cues):
        text = "Funding per head is £115 for Kent Police against £163 for Essex Police."
        doc, second = parse(nlp, text, "£163")
        _, first = parse(nlp, text, "£115")
        facts = article(doc)
        assert figure_forces(Figure(first, first.sent.start, False, "other"), facts, cues) == ([KENT], None)
        assert figure_forces(Figure(second, first.end, True, "other"), facts, cues) == ([ESSEX], None)

    def test_the_subject_force_before_a_place(self, nlp, cues):
        doc, span = parse(nlp, "Kent Police has saved £5m in Essex Police's area.", "£5m")
        assert figure_forces(alone(span), article(doc), cues) == ([KENT], None)

    def test_each_figure_has_its_part_of_the_sentence(self, nlp, cues):
        text = "Kent Police has a gap of £4m, while Essex Police expects to save £2m."
        doc, second = parse(nlp, text, "£2m")
        _, first = parse(nlp, text, "£4m")
        facts = article(doc)
        assert figure_forces(Figure(first, first.sent.start, False, "funding_gap"), facts, cues) == ([KENT], None)
        assert figure_forces(Figure(second, first.end, True, "savings"), facts, cues) == ([ESSEX], None)


class TestLocatedAt:
    @pytest.mark.parametrize(
        ("text", "located"),
        [("It is £115 in Kent Police's area.", True), ("It is £115 for Kent Police.", True),
         ("It is £115 and Kent Police agrees.", False), ("It is £115 more than in Kent Police.", False)],
    )
    def test_a_phrase_of_place_just_after(self, nlp, text, located):
        doc, span = parse(nlp, text, "£115")
        (mention,) = force_mentions(doc)
        assert located_at(span.end, mention) is located


class TestInAttribution:
    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("A Suffolk Constabulary spokesman said the force saved £8m.", True),
            ("Suffolk Constabulary saved £8m.", False),
            ("A report by Suffolk Constabulary shows the force saved £8m.", True),
        ],
    )
    def test_the_force_in_who_says_it(self, nlp, text, speaker):
        doc, span = parse(nlp, text, "£8m")
        (mention,) = force_mentions(doc)
        assert in_attribution(mention, span, SPEECH) is speaker


class TestSpeakerForce:
    @pytest.mark.parametrize(
        ("officials", "forces"),
        [
            ([{"name": "Nadeem Anwar", "force": "Gwent Police"}], ["Gwent Police"]),
            ([{"name": "Jane Kerr", "force": "Gwent Police"}], []),  # another official
            ([{"name": "Nadeem Anwar", "force": None}], []),  # an official of no force
        ],
    )
    def test_the_official_in_the_subject_of_the_speech_verb(self, nlp, officials, forces):
        _, span = parse(nlp, "Mr Anwar said the force would save £1m.", "£1m")
        assert speaker_force(span, officials, SPEECH) == forces


class TestCollectiveCount:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The two forces saved £2m.", (True, 2)),
            ("The three constabularies saved £2m.", (True, 3)),
            ("The joint unit saved £2m.", (True, 2)),
            ("They saved £2m between them.", (True, 2)),
            ("The force saved £2m.", (False, 2)),
            ("One force saved £2m.", (False, 2)),  # one force is not several
        ],
    )
    def test_several_forces(self, nlp, cues, text, expected):
        doc = nlp(text)
        assert collective_count(doc[:], cues) == expected


class TestNamesOneForce:
    @pytest.mark.parametrize(
        ("text", "one"),
        [
            ("The force saved £2m.", True),
            ("The service's budget is £2m.", True),
            ("The forces saved £2m.", False),  # plural
            ("Kent Police saved £2m.", False),  # named
        ],
    )
    def test_the_force_unnamed(self, nlp, cues, text, one):
        doc = nlp(text)
        assert names_one_force(doc[:], force_mentions(doc), cues.force_nouns) is one


class TestContextForces:
    TEXT = "Kent Police and Essex Police share a firearms unit. Suffolk Constabulary joined later. It saved £2m."

    def test_nearest_sentence_with_enough_forces(self, nlp):
        doc, span = parse(nlp, self.TEXT, "£2m")
        facts = article(doc, ranked=[KENT, ESSEX, SUFFOLK])
        assert context_forces(facts, span.sent, 2) == [KENT, ESSEX]
        assert context_forces(facts, span.sent, 1) == [SUFFOLK]

    def test_including_the_speakers_force(self, nlp):
        doc, span = parse(nlp, self.TEXT, "£2m")
        assert context_forces(article(doc), span.sent, 1, [KENT]) == [KENT, ESSEX]

    def test_falls_back_to_the_ranked_forces(self, nlp):
        doc, span = parse(nlp, self.TEXT, "£2m")
        facts = article(doc, ranked=[ESSEX, KENT, SUFFOLK, NORFOLK])
        assert context_forces(facts, span.sent, 4) == [SUFFOLK, KENT, ESSEX, NORFOLK]


class TestChooseCollaboration:
    COLLABORATIONS = [{"forces": [KENT, ESSEX], "start_char": 0}, {"forces": [NORFOLK, SUFFOLK], "start_char": 100}]

    @pytest.mark.parametrize(
        ("named", "start_char", "chosen"),
        [
            ([SUFFOLK], 10, 1),  # the one with the named force, wherever it is
            (["Gwent Police"], 10, None),  # a named force in none
            ([], 150, 1),  # the last one stated before the figure
            ([], 50, 0),
        ],
    )
    def test_choice(self, named, start_char, chosen):
        assert choose_collaboration(self.COLLABORATIONS, named, start_char) == chosen

    def test_none_without_collaborations(self):
        assert choose_collaboration([], [], 0) is None


class TestUnique:
    def test_first_occurrence_order(self):
        assert unique([ESSEX, KENT, ESSEX]) == [ESSEX, KENT]


class TestHostileInput:
    def test_a_figure_reads_only_the_mentions_near_it(self, nlp, monkeypatch):
        from pipeline.nlp import money_forces

        calls = []
        original = money_forces.located_at
        monkeypatch.setattr(money_forces, "located_at", lambda end, m: calls.append(1) or original(end, m))
        text = " ".join(f"Kent Police and Essex Police will save £{i}m a year." for i in range(1, 41))
        doc = nlp(text)
        assert [m["forces"] for m in doc._.money] == [["Kent Police", "Essex Police"]] * 40
        assert len(calls) <= 4 * 2 * 40  # was every mention of the article for every figure: 80 x 80
