from __future__ import annotations

import pytest

from pipeline.nlp.money import COMPONENT


def money(nlp, text: str) -> list[dict]:
    return nlp(text)._.money


def only(nlp, text: str) -> dict:
    (item,) = money(nlp, text)
    return item


class TestMoneyFinder:
    def test_registered_in_the_pipeline(self, nlp):
        assert COMPONENT in nlp.pipe_names

    def test_output_format(self, nlp):
        text = "Bedfordshire Police is expected to save £1.25m a year in 2021/22."
        item = only(nlp, text)
        assert item == {
            "amount": 1_250_000, "amount_high": None, "currency": "GBP", "kind": "savings", "hedged": True,
            "period": "a year", "period_start": None, "period_end": None, "forces": ["Bedfordshire Police"],
            "start_char": text.index("£"), "end_char": text.index("£") + len("£1.25m"), "text": "£1.25m",
        }
        assert type(item["amount"]) is int

    def test_range_keeps_both_ends_and_its_words(self, nlp):
        text = "The partners hope to save between £250,000 and £300,000 over three years."
        item = only(nlp, text)
        assert (item["amount"], item["amount_high"], item["text"]) == (250_000, 300_000, "between £250,000 and £300,000")
        assert text[item["start_char"] : item["end_char"]] == item["text"]

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("The three forces now face a combined £9m funding gap.", "funding_gap"),
            ("The new structure will deliver £12 million cost savings.", "savings"),
            ("Officers believe the merger could save around £4m.", "savings"),
            ("Savings of £600,000 have already been banked.", "savings"),
            ("Up to £2m could be saved by sharing one custody suite.", "savings"),
            ("The force is still grappling with a shortfall of £3.1m.", "funding_gap"),
            ("A £2m hole has opened up in the force's finances.", "funding_gap"),
            ("The constabulary has lost £18m from its budget since 2010.", "budget_reduction"),
            ("Its Home Office grant was cut by £3.5m this year.", "budget_reduction"),
            ("Central funding for policing has fallen by £1.3bn.", "budget_reduction"),
            ("Around £9m has been taken out of the force's budget.", "budget_reduction"),
            ("Ministers announced a £5m reduction in the police grant.", "budget_reduction"),
            ("The forces will reduce running costs by £2m.", "savings"),
            ("The force's total budget for 2020/21 is £310m.", "budget"),
            ("The unit runs on an annual budget of £2.2m.", "budget"),
            ("The force's £45m budget is stretched.", "budget"),
            ("The forces will invest £2.5m in a new control room.", "spending"),
            ("The new headquarters cost £14m to build.", "spending"),
            ("A further £400k has been set aside for training.", "spending"),
            ("The force spent half a million pounds on overtime.", "spending"),
            ("They signed a seven-year contract worth £90m.", "spending"),
            ("Band D households will pay an extra £10 a year.", "other"),
            ("The policing precept rises by £12 a year for a Band D home.", "other"),
            ("He was fined £500 and ordered to pay £85 costs.", "other"),
            ("The chief constable earns a salary of £150,000.", "other"),
            ("The joint workshop has spared both organisations around £2m.", "savings"),
            ("Payments to consultants, many of them former chief officers, reached £205,982.", "spending"),
            ("ACPO orders inquiry into £1,100-a-day consultants", "spending"),
            ("The authority says the rise would raise about £129,000 a year.", "other"),
            ("Pooling the units is expected to save the forces about £654,000 in the first year, rising to almost "
             "£700,000 a year after that.", "savings"),
            ("Mr Matthews said the budget would in fact grow by £13.5m.", "other"),
            ("The net budget requirement is expected to rise by nearly £6m in 2019/20.", "other"),
            ("Cleveland commissioner seeks maximum £24 police tax rise", "other"),
        ],
    )
    def test_kind_from_the_governing_words(self, nlp, text, kind):
        assert [m["kind"] for m in money(nlp, text)] == [kind] * len(money(nlp, text))
        assert money(nlp, text)

    def test_each_figure_gets_its_own_kind(self, nlp):
        text = "The force has a budget of £120m and a funding gap of £4m, but hopes to save £1m."
        assert [(m["amount"], m["kind"]) for m in money(nlp, text)] == [
            (120_000_000, "budget"), (4_000_000, "funding_gap"), (1_000_000, "savings"),
        ]

    @pytest.mark.parametrize(
        ("text", "hedged"),
        [
            ("The change could save £1m.", True),
            ("The change is expected to save £1m.", True),
            ("The forces are aiming to save £1m.", True),
            ("The change will save around £1m.", True),
            ("The change will save up to £1m.", True),
            ("The change will save more than £1m.", False),  # a lower bound, not an estimate
            ("Savings in the region of £1m were identified.", True),
            ("The change saved an estimated £1m.", True),
            ("Potential savings of £1m were identified.", True),
            ("The change saved £1m.", False),
            ("The force would save a further £1m next year.", False),
            ("The forces will invest £1m.", False),
        ],
    )
    def test_hedged(self, nlp, text, hedged):
        assert only(nlp, text)["hedged"] is hedged

    @pytest.mark.parametrize(
        ("text", "period", "start", "end"),
        [
            ("The force's budget for 2018/19 was £99m.", "2018-19", "2018-04-01", "2019-03-31"),
            ("It faces a gap of £3m in 2018-2019.", "2018-19", "2018-04-01", "2019-03-31"),
            ("The forces aim to save £6m-a-year.", "a year", None, None),
            ("The forces aim to save £6m over the next five years.", "five years", None, None),
            ("The unit saved £300,000 in its first year.", "first year", None, None),
            ("They must find £2m of savings by March 2020.", "by March 2020", None, "2020-03-31"),
            ("The forces have lost £30m from their budgets since 2010.", None, None, None),
        ],
    )
    def test_period(self, nlp, text, period, start, end):
        item = only(nlp, text)
        assert (item["period"], item["period_start"], item["period_end"]) == (period, start, end)

    def test_period_belongs_to_the_figure_it_follows(self, nlp):
        text = "The force faces a gap of £5m in 2016-17, and the partnership is expected to save £2m."
        assert [m["period"] for m in money(nlp, text)] == ["2016-17", None]

    def test_opening_period_applies_to_every_figure(self, nlp):
        text = "In the first year, Kent Police is aiming to save £3m and Essex Police £1m."
        items = money(nlp, text)
        assert [(m["amount"], m["kind"], m["period"], m["hedged"]) for m in items] == [
            (3_000_000, "savings", "first year", True), (1_000_000, "savings", "first year", True),
        ]

    @pytest.mark.parametrize(
        ("text", "forces"),
        [
            ("Kent Police has a funding gap of £4m.", [["Kent Police"]]),
            ("Kent Police has a funding gap of £4m, while Essex Police expects to save £2m.",
             [["Kent Police"], ["Essex Police"]]),
            ("In the first year, Kent Police is aiming to save £3m and Essex Police £1m.", [["Kent Police"], ["Essex Police"]]),
            ("Kent Police and Essex Police said the joint team saved them £2m.", [["Kent Police", "Essex Police"]]),
            ("Across England and Wales, forces have lost £2bn since 2010.", [[]]),
        ],
    )
    def test_forces_named_with_the_figure(self, nlp, text, forces):
        assert [m["forces"] for m in money(nlp, text)] == forces

    def test_combined_figure_belongs_to_all_partners(self, nlp):
        text = (
            "Norfolk Constabulary and Suffolk Constabulary have shared a control room since 2014.\n\n"
            "A Suffolk Constabulary spokesman said the two forces had saved £8m since then."
        )
        (item,) = money(nlp, text)
        assert set(item["forces"]) == {"Norfolk Constabulary", "Suffolk Constabulary"}

    def test_speakers_force_owns_the_force_figure(self, nlp):
        text = (
            "Gwent Police and South Wales Police run a joint firearms unit.\n\n"
            "Gwent Police's finance director told members the force faces a gap of £2m."
        )
        (item,) = money(nlp, text)
        assert item["forces"] == ["Gwent Police"]

    @pytest.mark.parametrize(
        "text",
        [
            "The merger could save millions of pounds, the report said.",
            "The force has 2,000 officers and 15 years of experience.",
            "Every pound we save is a pound we can keep on the streets.",
            "Council tax will rise by 2.99 per cent in 2019-20.",
        ],
    )
    def test_no_money(self, nlp, text):
        assert money(nlp, text) == []

    @pytest.mark.parametrize(
        "text",
        [
            "The driver was in a stolen van worth £41,000 when he was stopped.",
            "The fraudster took £90,000 from pensioners over two years.",
            "Officers seized heroin with a street value of £250,000 from the flat.",
            "The gang laundered £3m through shell companies, Essex Police said.",
            "Burglars took jewellery valued at £12,000 from the house.",
        ],
    )
    def test_crime_takings_are_not_policing_finances(self, nlp, text):
        assert money(nlp, text) == []

    @pytest.mark.parametrize(
        ("text", "amount"),
        [
            ("He was fined £300 for the theft of a bicycle.", 300),  # a fine stays 'other'
            ("Kent Police paid £1.5m to settle claims from victims of the fraud.", 1_500_000),  # the force pays
            ("The PCC approved a precept rise adding £6 a year to a Band D bill after a rise in burglary.", 6),
        ],
    )
    def test_fine_or_force_payment_near_a_crime_stays(self, nlp, text, amount):
        item = only(nlp, text)
        assert (item["amount"], item["kind"]) == (amount, "other")

    @pytest.mark.parametrize(
        ("text", "kinds"),
        [
            ("Essex Police's budget is £300m, but it must still save £18m.", ["budget", "savings"]),
            ("The force has cut £38m since 2010 and faces a further £12m shortfall.",
             ["budget_reduction", "funding_gap"]),
            ("Sussex Police's budget was cut by a fifth, or £25m, since 2010.", ["budget_reduction"]),
            ("The commissioner warned of a £6m black hole in the force's finances.", ["funding_gap"]),
            ("The new control room will cost £2m-£3m.", ["spending"]),
            ("The force must find savings of more than £10m by 2020.", ["savings"]),
            ("The precept will rise, adding £4.50 a year to a council tax bill.", ["other"]),
        ],
    )
    def test_kind_of_each_figure_in_unseen_phrasings(self, nlp, text, kinds):
        assert [m["kind"] for m in money(nlp, text)] == kinds

    def test_euro_figure_keeps_its_currency(self, nlp):
        item = only(nlp, "An Garda Síochána will invest €3.5m in the shared system.")
        assert (item["amount"], item["currency"], item["kind"]) == (3_500_000, "EUR", "spending")

    def test_pence_at_a_rate_are_no_item(self, nlp):
        text = "The increase works out at 7p a week for a Band A home, and 10p a week for Band D, or £5 a year."
        assert [m["amount"] for m in money(nlp, text)] == [5]

    def test_figure_at_the_very_end_of_an_article(self, nlp):
        item = only(nlp, "Its budget for 2016-17 is £9.6m.")
        assert (item["amount"], item["kind"], item["text"]) == (9_600_000, "budget", "£9.6m")
