from __future__ import annotations

import pytest

from pipeline.nlp.extensions import facts
from pipeline.nlp.forces import force_mentions
from pipeline.nlp.functions.decide import LIST_WINDOW, decide, read_article
from tests.counting import CountingTuple
from tests.nlp.functions.helpers import candidate, candidates

PARTNERS = "Kent Police and Essex Police"


def article_of(doc, finder):
    forces = {i for s in force_mentions(doc) for i in range(s.start, s.end)}
    return read_article(doc, finder.cues(doc), facts(doc, "collaborations"), forces, candidates(doc, finder),
                        finder.lexicon)


class TestReadArticle:
    @pytest.mark.parametrize(
        "text",
        [
            f"{PARTNERS} will share custody.",
            "The three forces will put together a business case for sharing custody.",
            "G4S won the contract. It will run custody.",
            "The commissioner will take over the fire and rescue service. Buildings will be shared.",
        ],
    )
    def test_an_arrangement(self, nlp, finder, text):
        assert article_of(nlp(text), finder) is not None

    @pytest.mark.parametrize("text", ["A man was remanded in custody after a raid by Kent Police officers.",
                                      "The force will cut custody staff."])
    def test_no_arrangement(self, nlp, finder, text):
        assert article_of(nlp(text), finder) is None


class TestDecide:
    @pytest.mark.parametrize(
        ("text", "function", "expected"),
        [
            (f"{PARTNERS} will share custody.", "custody", "shared"),
            (f"{PARTNERS} agreed a partnership. Custody will remain with each force.", "Custody", "excluded"),
            (f"{PARTNERS} agreed to explore sharing support services. It covers payroll and HR.", "payroll",
             "proposed"),
            (f"{PARTNERS} have agreed to share support services. Estates will also be included.", "Estates",
             "shared"),
            ("Lincolnshire Police signed a contract with G4S. G4S will run custody and HR.", "HR", "shared"),
        ],
    )
    def test_a_function_of_the_arrangement(self, nlp, finder, text, function, expected):
        doc = nlp(text)
        assert decide(candidate(doc, finder, function), candidates(doc, finder), article_of(doc, finder),
                      finder.lexicon) == expected

    @pytest.mark.parametrize(
        ("text", "function"),
        [
            (f"{PARTNERS} agreed a partnership. Custody staff were praised.", "Custody"),
            (f"{PARTNERS} are working together. 'We cannot keep enough firearms teams on our own,' he said.",
             "firearms"),
            (f"{PARTNERS} agreed a partnership. Officers from the force's dog unit made arrests.", "dog unit"),
        ],
    )
    def test_a_mention_in_passing(self, nlp, finder, text, function):
        doc = nlp(text)
        assert decide(candidate(doc, finder, function), candidates(doc, finder), article_of(doc, finder),
                      finder.lexicon) is None


class TestHostileInput:
    def test_each_candidate_is_read_a_few_times_not_once_per_sentence(self, nlp, finder):
        text = f"{PARTNERS} will share HR.\n\n" + "\n\n".join(f"Unit {i} covers payroll, IT and custody." for i in range(40))
        doc = nlp(text)
        found = CountingTuple(candidates(doc, finder))
        forces = {i for s in force_mentions(doc) for i in range(s.start, s.end)}
        article = read_article(doc, finder.cues(doc), facts(doc, "collaborations"), forces, found, finder.lexicon)
        assert article is not None and len(found) >= 120
        assert found.reads <= 3 * len(found)  # was every candidate for every sentence: 41 x 121

    def test_a_long_list_is_read_back_over_a_bounded_window(self, nlp, finder):
        text = f"{PARTNERS} will share these services:\n" + "".join(f"- payroll team {i}\n" for i in range(150))
        doc = nlp(text)
        article = article_of(doc, finder)
        last = list(doc.sents)[-1]
        assert len(article.previous(last)) == LIST_WINDOW  # not every sentence before it, for every candidate
        assert decide(candidate(doc, finder, "payroll"), candidates(doc, finder), article, finder.lexicon) == "shared"
