"""Text normalisation of the read stage: mojibake, captions."""

from __future__ import annotations

import pytest

from pipeline.ingest.normalise import (
    MAX_MARKS,
    MAX_REPEAT,
    MAX_WORD_CHARS,
    cut_runs,
    furniture_or_caption,
    normalise_text,
    repair_text,
)


class TestRepairText:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("a saving of Â£20m", "a saving of £20m"),  # UTF-8 read as windows-1252
            ("Chief Constable SiÃ¢n Davies", "Chief Constable Siân Davies"),
            ("a saving of \ufffd20m", "a saving of £20m"),  # the pound sign lost in decoding
            ("Police Scotlandâ€™s budget", "Police Scotland’s budget"),
            ("could save up to 拢5m a year", "could save up to £5m a year"),  # UTF-8 read as GBK
            ("a cut of 瞿3m and 짙2bn and ﾂ｣4m", "a cut of £3m and £2bn and £4m"),  # Big5, EUC-KR, Shift JIS
        ],
    )
    def test_mojibake_and_lost_pound_signs(self, raw, expected):
        assert repair_text(raw) == expected

    @pytest.mark.parametrize(
        "text", ["He said: “It’s a ‘strategic alliance’ – not a merger.”", "Siân and José", "£20m", "a \ufffd sign", "拢 alone"]
    )
    def test_good_text_is_left_alone(self, text):
        assert repair_text(text) == text


class TestFurnitureOrCaption:
    @pytest.mark.parametrize(
        ("line", "caption"),
        [
            ("Image caption: Acting Chief Constable Judith Gillespie at headquarters",
             "Acting Chief Constable Judith Gillespie at headquarters"),
            ("Picture caption: A knife recovered during the operation (picture: BTP)",
             "A knife recovered during the operation (picture: BTP)"),
            ("Picture: British Transport Police officers on patrol", "British Transport Police officers on patrol"),
        ],
    )
    def test_a_caption_without_its_label(self, line, caption):
        assert furniture_or_caption(line) == (False, caption)

    @pytest.mark.parametrize("line", ["Image copyright PA", "Picture: Archant", "Image source, Getty Images"])
    def test_credits_are_furniture(self, line):
        assert furniture_or_caption(line) == (True, None)

    def test_prose_is_neither(self):
        assert furniture_or_caption("Kent Police will share custody.") == (False, None)


class TestNormaliseText:
    def test_captions_follow_the_body_without_their_label(self):
        raw = ("Forces share custody\n\nImage caption: Officers on patrol in Carlisle city centre\nImage copyright PA\n\n"
               "Kent Police will share custody.\n\nIt starts in May.")
        assert normalise_text(raw) == (
            "Forces share custody\n\nKent Police will share custody.\n\nIt starts in May.\n\n"
            "Officers on patrol in Carlisle city centre"
        )

    def test_captions_of_the_pages_markup_follow_the_body_once(self):
        text = normalise_text("Kent Police will share custody.\n\nThe new suite opens in May", [
            "The new suite opens in May", "(file picture)", "Chief Constable Jo Wade at the new suite",
            "Chief Constable Jo Wade at the new suite",
        ])
        assert text == ("Kent Police will share custody.\n\nThe new suite opens in May\n\n"
                        "Chief Constable Jo Wade at the new suite")

    def test_repaired_text_is_the_stored_text(self):
        assert normalise_text("Forces must save Â£20m and \ufffd3m more.") == "Forces must save £20m and £3m more."

    @pytest.mark.parametrize(
        "raw",
        ["Headline\n\nImage caption: Officers on patrol in the city centre\n\nBody text.", "Save Â£2m. Â£3m more."],
    )
    def test_normalising_twice_changes_nothing(self, raw):
        once = normalise_text(raw)
        assert normalise_text(once) == once


class TestCutRuns:
    @pytest.mark.parametrize("symbol", ["£", "-", "—", "(", "'", "*", "😀", "_"])
    def test_a_repeated_symbol_is_cut(self, symbol):
        assert cut_runs(f"Kent {symbol * 500} Essex") == f"Kent {symbol * MAX_REPEAT} Essex"

    @pytest.mark.parametrize("run", ["x" * 250, "1" * 250, "(£" * 125, "a-" * 125])
    def test_a_long_run_without_spaces_gets_a_space_every_max_word_chars(self, run):
        out = cut_runs(f"Kent {run} Essex")
        assert out.replace(" ", "") == f"Kent{run}Essex"
        assert max(len(word) for word in out.split()) == MAX_WORD_CHARS

    @pytest.mark.parametrize(
        "line",
        ["Cost: £12,300,000 (a 10% rise) -- said Mr O'Neill...", "-" * MAX_REPEAT, "1000000000000", "x" * MAX_WORD_CHARS,
         "https://www.example.police.uk/news/2015/06/alliance-between-kent-and-essex-police-agreed"],
    )
    def test_ordinary_text_is_unchanged(self, line):
        assert cut_runs(line) == line


class TestHostileRuns:
    def test_hostile_runs_are_cut_in_the_stored_text(self):
        text = normalise_text("£" * 16000 + "The forces said so.\n\n" + "—" * 120000)
        assert text == "£" * MAX_REPEAT + "The forces said so.\n\n" + "—" * MAX_REPEAT

    def test_combining_marks_are_cut_before_unicode_normalisation(self):
        assert normalise_text("Kent" + "\u0316" * 50000 + " Police") == "Kent" + "\u0316" * MAX_MARKS + " Police"
