"""The officials stage: named officials (role, acting, force) and the quotes they give."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.config import models_dir
from pipeline.contract import ROLES
from pipeline.gazetteer import load_gazetteer
from pipeline.nlp.extensions import article_doc
from pipeline.nlp.forces import force_mentions
from pipeline.nlp.officials import load_lexicon
from pipeline.nlp.quote_marks import quote_spans
from pipeline.nlp.quotes import speaker_for


def officials(nlp, text: str) -> list[tuple[str, str, bool, str | None]]:
    """(name, role, acting, force) per person, in order of first mention."""
    seen: dict[str, tuple] = {}
    for o in nlp(text)._.officials:
        seen.setdefault(o["name"], (o["name"], o["role"], o["acting"], o["force"]))
    return list(seen.values())


def quotes(nlp, text: str, direct: bool = True) -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"]) for q in nlp(text)._.quotes if q["direct"] == direct]


class TestLoadLexicon:
    def test_every_label_is_a_contract_role(self):
        lexicon = load_lexicon()
        labels = {*lexicon.titles.values(), *lexicon.abbreviations.values(), *lexicon.organisations.values()}
        assert labels <= set(ROLES)
        assert lexicon.fallback_roles <= set(ROLES)
        assert {*lexicon.deputy_roles, *lexicon.deputy_roles.values()} <= set(ROLES)

    def test_bodies_are_tied_to_canonical_forces(self):
        canonical = {f.name for f in load_gazetteer().forces}
        lexicon = load_lexicon()
        assert set(lexicon.bodies_of_forces.values()) <= canonical
        assert lexicon.commissioner_chief_constable_forces <= canonical
        assert lexicon.mayor_pcc_forces <= canonical

    def test_file_explains_itself(self):
        data = json.loads((models_dir() / "roles.json").read_text(encoding="utf-8"))
        assert data["about"].startswith("Lexicon of the officials stage")
        assert {"titles", "abbreviations", "heads", "organisations", "honorifics", "speech_verbs"} <= data.keys()


class TestOfficialFinder:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # appositive after the name
            ("Sandra Whitley, the Police and Crime Commissioner for Humberside, welcomed the report.",
             ("Sandra Whitley", "police_and_crime_commissioner", False, "Humberside Police")),
            ("Derek Fry, Suffolk's deputy police and crime commissioner, opened the station.",
             ("Derek Fry", "deputy_police_and_crime_commissioner", False, "Suffolk Constabulary")),
            # title before the name, with or without a comma, force before or after the title
            ("Essex chief constable Ben-Luke Harrington said the move made sense.",
             ("Ben-Luke Harrington", "chief_constable", False, "Essex Police")),
            ("Acting Chief Constable for Dorset Police, Jo Farrell, said officers were ready.",
             ("Jo Farrell", "chief_constable", True, "Dorset Police")),
            ("Police and Crime Commissioner for Devon and Cornwall Ann Rowe said it was fair.",
             ("Ann Rowe", "police_and_crime_commissioner", False, "Devon and Cornwall Police")),
            ("Chief Constable of Durham Mike Barlow said the force was proud.",
             ("Mike Barlow", "chief_constable", False, "Durham Constabulary")),
            # possessive force before the title
            ("Kent Police's Assistant Chief Constable, Claire Nix, said it would save money.",
             ("Claire Nix", "assistant_chief_constable", False, "Kent Police")),
            ("Cheshire's interim Deputy Chief Constable, Owen Price, will lead it.",
             ("Owen Price", "deputy_chief_constable", True, "Cheshire Constabulary")),
            # heads that take their label from the organisation
            ("Peter Warren, chairman of the Norfolk Police Federation, said members were worried.",
             ("Peter Warren", "federation_representative", False, "Norfolk Constabulary")),
            ("Emma Hills, UNISON branch secretary at Wiltshire Police, said staff were anxious.",
             ("Emma Hills", "federation_representative", False, "Wiltshire Police")),
            ("Rita Khan, chief executive of the Office of the Police and Crime Commissioner for Kent, spoke.",
             ("Rita Khan", "police_staff", False, "Kent Police")),
            ("Humberside Police's director of finance, Tom Reed, presented the budget.",
             ("Tom Reed", "police_staff", False, "Humberside Police")),
            ("Katy Boyne – Sussex's police and crime commissioner – said the deal was good.",
             ("Katy Boyne", "police_and_crime_commissioner", False, "Sussex Police")),
            ("Katy Boyne (the Sussex PCC) said the deal was good.",
             ("Katy Boyne", "police_and_crime_commissioner", False, "Sussex Police")),
            ("Simon Cole, the national lead for local policing and Leicestershire's chief constable, said so.",
             ("Simon Cole", "chief_constable", False, "Leicestershire Police")),
            # relative clauses
            ("Steve White, who chairs the Police Federation of England and Wales, said the cuts were deep.",
             ("Steve White", "federation_representative", False, None)),
            ("Tom Hart, who has been appointed interim chief constable of Kent Police, starts on Monday.",
             ("Tom Hart", "chief_constable", True, "Kent Police")),
            ("Cllr Ann Davies, who chairs the Gwent Police and Crime Panel, asked for figures.",
             ("Ann Davies", "other", False, "Gwent Police")),
            ("Conservative councillor Ann Davies, who chairs the Gwent Police and Crime Panel, asked for figures.",
             ("Ann Davies", "other", False, "Gwent Police")),  # a panel's chair, not a councillor
            ("Ulster Unionist Mike Nesbit said the warning should not be ignored.", ("Mike Nesbit", "politician", False, None)),
            # lexicon roles and abbreviations
            ("Gwent PCC Gareth Lloyd said the deal was sound.",
             ("Gareth Lloyd", "police_and_crime_commissioner", False, "Gwent Police")),
            ("Essex's police, fire and crime commissioner, Rebecca Hale, said yes.",
             ("Rebecca Hale", "police_and_crime_commissioner", False, "Essex Police")),
            ("Tony Lloyd, the Greater Manchester mayor, said the budget was stretched.",
             ("Tony Lloyd", "police_and_crime_commissioner", False, "Greater Manchester Police")),
            ("West Yorkshire's Mayor, Tracy Brabb, said the base made sense.",  # a mayor with the PCC's powers
             ("Tracy Brabb", "police_and_crime_commissioner", False, "West Yorkshire Police")),
            ("The Mayor of Hartlepool, Jim Rowe, said the town needed officers.", ("Jim Rowe", "politician", False, None)),
            ("Metropolitan Police Commissioner Cressida Dale said the capital was safe.",
             ("Cressida Dale", "chief_constable", False, "Metropolitan Police Service")),
            ("Deputy Commissioner Stephen House of the Met said it was a priority.",
             ("Stephen House", "assistant_chief_constable", False, "Metropolitan Police Service")),
            ("Det Supt Jane Sharp of Merseyside Police said the gang had gone.",
             ("Jane Sharp", "police_officer", False, "Merseyside Police")),
            ("Policing minister Nick Hurst said forces had more money.", ("Nick Hurst", "politician", False, None)),
            ("Minister for Crime, Policing and Fire Kit Malton said so.", ("Kit Malton", "politician", False, None)),
            ("Zoe Billing, HM Inspector of Constabulary, said the force was good.", ("Zoe Billing", "other", False, None)),
            # honorifics are not part of the name; a peer keeps the surname
            ("Kent's chief constable, Sir Alan Pugh, said the force was ready.",
             ("Alan Pugh", "chief_constable", False, "Kent Police")),
            ("Baroness Williams, the Home Office minister, said the bill would pass.",
             ("Williams", "politician", False, None)),
            ("Hull MP Karl Turner said he was worried about Humberside Police.", ("Karl Turner", "politician", False, None)),
            ("Mike Rumbles MSP said the plan was wrong.", ("Mike Rumbles", "politician", False, None)),
            ("John Smyth, a civil servant at the Home Office, said so.", ("John Smyth", "other", False, None)),
            # channel islands' members are politicians; party spokesmen too
            ("Deputy Mary Lowe told the States the review was needed.", ("Mary Lowe", "politician", False, None)),
            ("Senator Kris Moore said she had concerns.", ("Kris Moore", "politician", False, None)),
            ("Labour's justice spokesman, Lewis Mackay, said the cuts were deep.", ("Lewis Mackay", "politician", False, None)),
            # national officials are 'other' with no force; a fire authority's chairman is no official of policing
            ("The Director of Public Prosecutions, Kate Starr, ordered a review.", ("Kate Starr", "other", False, None)),
            ("HM Inspector Phil Gorman called it a failing force.", ("Phil Gorman", "other", False, None)),
            ("Ken Jonas, president of the Association of Chief Police Officers, wrote to forces.",
             ("Ken Jonas", "other", False, None)),
            ("SPA chairman Vic Emory said the authority had a duty.", ("Vic Emory", "other", False, "Police Scotland")),
            ("Cllr Roger Phelps, chairman of Hereford and Worcester Fire Authority, spoke.",
             ("Roger Phelps", "politician", False, None)),
            ("Susan Storr, the force's road safety officer, said Gwent Police would act.",
             ("Susan Storr", "police_staff", False, "Gwent Police")),
            ("The Conservative leader, Kemi Bade, said policing would suffer.", ("Kemi Bade", "politician", False, None)),
            ("Chief officer Robin Smyth told the States of Jersey Police panel that savings were found.",
             ("Robin Smyth", "chief_constable", False, "States of Jersey Police")),
        ],
    )
    def test_reads_the_construction(self, nlp, text, expected):
        assert officials(nlp, text) == [expected]

    def test_plural_title_before_a_list(self, nlp):
        text = "The three commissioners - Jane Kerr from Surrey, Tim Bowles in Sussex and Sue Marsh in Kent - signed the deal."
        assert officials(nlp, text) == [
            ("Jane Kerr", "police_and_crime_commissioner", False, "Surrey Police"),
            ("Tim Bowles", "police_and_crime_commissioner", False, "Sussex Police"),
            ("Sue Marsh", "police_and_crime_commissioner", False, "Kent Police"),
        ]

    def test_area_naming_a_force_becomes_a_force_mention(self, nlp):
        doc = nlp("The two commissioners - Jane Kerr from Surrey and Tim Bowles in Sussex - signed the deal.")
        assert [(s.text, s.kb_id_) for s in force_mentions(doc)] == [("Surrey", "Surrey Police"), ("Sussex", "Sussex Police")]

    @pytest.mark.parametrize(
        ("text", "reference"),
        [
            ("Tony Hale, the PCC for Kent, spoke first. Mr Hale added that costs would fall.", "Mr Hale"),
            ("Lord Ashby, the policing minister, spoke. Later Lord Ashby said more.", "Lord Ashby"),
            ("Sir Richard Moss, the chief constable of Kent Police, spoke. Sir Richard said more.", "Sir Richard"),
            ("PC Amy Holt of Kent Police was hurt. PC Holt has returned to work.", "Holt"),
        ],
    )
    def test_later_references_resolve_to_the_person_introduced(self, nlp, text, reference):
        mentions = nlp(text)._.officials
        assert len(mentions) == 2
        first, later = mentions
        assert later["text"] == reference
        assert {k: later[k] for k in ("name", "role", "acting", "force")} == {
            k: first[k] for k in ("name", "role", "acting", "force")
        }

    def test_its_chair_after_the_organisation_is_named(self, nlp):
        text = "The Police Federation said officers had not been asked. Its chair, Steve Hart, said morale was low."
        assert officials(nlp, text) == [("Steve Hart", "federation_representative", False, None)]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Winston Rodd, the Police and Crime Commissioner for North Wales, agreed. His Cheshire counterpart, "
             "John Dwyer, agreed too.", ("John Dwyer", "police_and_crime_commissioner", False, "Cheshire Constabulary")),
            ("The alliance is led by Mike Bull, chairman of Devon and Cornwall Police Authority. His vice-chairman, "
             "Brian Preston, said so.", ("Brian Preston", "other", False, "Devon and Cornwall Police")),
            ("Paddy Tipp, the police and crime commissioner for Nottinghamshire, spoke. Mr Tipp's deputy, Emma Food, "
             "said so.", ("Emma Food", "deputy_police_and_crime_commissioner", False, "Nottinghamshire Police")),
            ("Chief Constable Sara Glen of Hampshire spoke. Her deputy, Ben Snugg, said so.",
             ("Ben Snugg", "deputy_chief_constable", False, "Hampshire Constabulary")),
            ("Stephen Tova, of the Devon and Cornwall Police Federation, said it was hard.",
             ("Stephen Tova", "federation_representative", False, "Devon and Cornwall Police")),
            ("The union Unison fought it. Peter Chap, the union's North-East regional organiser, said it was good.",
             ("Peter Chap", "federation_representative", False, None)),
        ],
    )
    def test_role_through_another_person_or_a_body(self, nlp, text, expected):
        assert officials(nlp, text)[-1] == expected

    def test_successor_holds_the_same_post(self, nlp):
        text = "Home Secretary Charles Clarke backed mergers, but Mr Clarke's successor, John Reid, dropped them."
        assert [o[:2] for o in officials(nlp, text)] == [("Charles Clarke", "politician"), ("John Reid", "politician")]

    def test_speaker_after_an_unnamed_title_takes_it(self, nlp):
        text = (
            "The plan returned after the Met's commissioner told a committee it was needed.\n\n"
            "Sir Mark Lowe said the Met had lost £1bn."
        )
        assert officials(nlp, text) == [("Mark Lowe", "chief_constable", False, "Metropolitan Police Service")]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Northern Ireland will have fewer officers, the chief constable has said.\n\n"
             "George Hamilton told the Policing Board that the PSNI faced a £20m cut.",
             ("George Hamilton", "chief_constable", False, "Police Service of Northern Ireland")),
            ("A former Gwent Police constable has been jailed for 18 months.\n\n"
             "Paul Chadwick, 51, of Pontypool, had pleaded guilty.", ("Paul Chadwick", "police_officer", False, "Gwent Police")),
            ("Derbyshire's police and crime commissioner has rejected the merger.\n\n"
             "The plan was floated last week.\n\nCouncils are split.\n\nThe idea is old.\n\n"
             "Angela Foster said she was not convinced.",  # a speaker opening a later paragraph takes the lede's title
             ("Angela Foster", "police_and_crime_commissioner", False, "Derbyshire Constabulary")),
            ("A police officer who hid a colleague's drink-driving has been jailed for seven months.\n\n"
             "David Carr was convicted of neglect of duty, Police Scotland said.",
             ("David Carr", "police_officer", False, "Police Scotland")),
            ("Essex's police and crime commissioner spoke.\n\nThe panel approved Julia Mulligan's proposal.",
             ("Julia Mulligan", "police_and_crime_commissioner", False, "Essex Police")),
        ],
    )
    def test_name_takes_the_unnamed_title_of_the_sentences_before(self, nlp, text, expected):
        assert officials(nlp, text) == [expected]

    def test_a_counted_title_gives_its_role_to_as_many_names(self, nlp):
        text = ("Two former Essex Police detectives have been jailed.\n\n"
                "Sharon Pat, 49, was jailed for 18 months and Lee Poll, 47, for two years.")
        assert officials(nlp, text) == [("Sharon Pat", "police_officer", False, "Essex Police"),
                                        ("Lee Poll", "police_officer", False, "Essex Police")]

    @pytest.mark.parametrize(
        "text",
        [
            "The chief constable said yes.\n\nJane Hart, a local resident, said no.",  # a clue of her own
            "Every chief constable has been told.\n\nJane Hart said no.",
            "A police officer was injured in a crash in Leeds.\n\nJohn Smith, 25, was charged with dangerous driving.",
            "The commissioner said the precept would rise.\n\nSarah Jones, 64, said it was too high.",  # an age
            "The chief constable said yes.\n\nThe plan was floated last week.\n\nCouncils are split.\n\n"
            "In Kent, Jane Hart will oversee it.",  # too far for anyone but a speaker opening the sentence
        ],
    )
    def test_name_does_not_take_a_title(self, nlp, text):
        assert officials(nlp, text) == []

    def test_a_title_opening_the_next_sentence_names_the_subject_before(self, nlp):
        text = "Ken Livingstone has renewed his campaign for a single force.\n\nThe mayor argued that it would be cheaper."
        assert officials(nlp, text) == [("Ken Livingstone", "politician", False, None)]

    def test_a_surname_with_a_role_names_the_full_name_named_before(self, nlp):
        text = ("The Home Office approved Roger Hirst's bid to run the fire service.\n\n"
                "Mr Hirst, elected police and crime commissioner for Essex last year, will take over in October.")
        assert officials(nlp, text) == [("Roger Hirst", "police_and_crime_commissioner", False, "Essex Police")]

    def test_title_of_someone_named_since_waits_for_no_one(self, nlp):
        text = ("Northern Ireland will lose 238 officers, the chief constable has said.\n\nThe cuts were announced.\n\n"
                "Officers are worried.\n\nChief Constable George Hamil told the board that cuts were coming.\n\n"
                "John Smyth said the cuts were a disgrace.")
        assert [o[0] for o in officials(nlp, text)] == ["George Hamil"]

    def test_title_of_someone_named_waits_for_no_one(self, nlp):
        text = "Kent's chief constable Alan Pugh spoke.\n\nThe chief constable said yes.\n\nJane Hart said no."
        assert [o[0] for o in officials(nlp, text)] == ["Alan Pugh"]

    @pytest.mark.parametrize(
        ("text", "force"),
        [
            ("Inspector Jo Wade said the checks would continue.\n\nStaffordshire Police made ten arrests.",
             "Staffordshire Police"),  # the article's only force
            ("Kent Police and Essex Police will share custody. Inspector Jo Wade said it was good.", None),
            ("Kent Police and Essex Police will share a unit. Jo Wade, who heads the unit, said so.", None),
        ],
    )
    def test_force_falls_back_to_the_main_force_only_where_clear(self, nlp, text, force):
        assert [o[3] for o in officials(nlp, text)] == [force]

    @pytest.mark.parametrize(
        ("text", "force"),
        [
            ("Kent Police and Essex Police will merge. Interim chief constable Jo Wade told the panel that leaving "
             "the alliance could cost Essex £4m.", "Essex Police"),
            ("Kent Police and Essex Police will merge. Chief Constable Jo Wade said the merger with Kent would "
             "save Essex £4m.", "Essex Police"),  # Kent is the partner
            ("Kent Police and Essex Police will merge. Acting Chief Constable Jo Wade said Kent would save £2m.",
             "Kent Police"),
            ("Kent Police and Essex Police will merge. Chief Constable Jo Wade said Kent and Essex would save £2m.",
             None),  # both forces: no telling
            ("Kent Police and Essex Police will merge, Kent Police and Essex Police said. Chief Constable Jo Wade "
             "and Essex PCC Tom Hale met.", None),  # Essex is the PCC's
        ],
    )
    def test_force_from_the_one_force_an_officials_sentence_speaks_for(self, nlp, text, force):
        assert officials(nlp, text)[0][3] == force

    def test_former_force_is_not_the_current_one(self, nlp):
        text = "Alice Grey, the former Suffolk chief constable, spoke. Kent Police and Essex Police will merge."
        assert officials(nlp, text) == [("Alice Grey", "chief_constable", False, None)]

    @pytest.mark.parametrize(
        "text",
        [
            "Kingston Lacy is a country house in Dorset.",  # a place named after a person
            "Robin Hood Way was closed while Kent Police officers searched the area.",
            "A spokesman for Kent Police said no decisions had been made.",  # an unnamed speaker
            "The chief constable said the plan was sensible.",  # a role with no name
            "Daniel Wright, 28, of Fishergate, admitted assaulting an officer of Lancashire Constabulary.",  # a defendant
            "Judge Richard Clarke told the court that officers deserved protection.",
            "Information Commissioner Elizabeth Dent said data must be protected.",  # another kind of commissioner
            "Children's Commissioner Anne Long said the report was worrying.",
            "Kent Chief Constable Backs Merger Plan",  # a headline in title case: no telling names from words
            "John Brown, who was jailed for assaulting a police constable, appealed.",
            "Dr Sarah Mills, a lecturer in criminology, said police numbers had fallen.",
            "Sir Robert Peel founded the Metropolitan Police in 1829.",
        ],
    )
    def test_no_official(self, nlp, text):
        assert officials(nlp, text) == []

    def test_a_relative_of_an_official_is_not_one(self, nlp):
        assert [o[0] for o in officials(nlp, "Jane Smith, mother of PC John Smith, said she was proud.")] == ["John Smith"]

    def test_no_force_the_article_predates(self, nlp):
        text = "Vic Emery, chairman of the new Scottish Police Authority, led the panel."
        before, after = (nlp(article_doc(nlp, text, date(2012, 9, 25))), nlp(article_doc(nlp, text, date(2014, 1, 8))))
        assert [o["force"] for o in before._.officials] == [None]
        assert [o["force"] for o in after._.officials] == ["Police Scotland"]

    def test_a_city_of_another_place_names_no_force(self, nlp):
        text = "The panel included Sue Bruce, chief executive of the City of Edinburgh Council."
        assert [o[3] for o in officials(nlp, text)] == [None]

    @pytest.mark.parametrize(("text", "expected"), [
        ("David Maclean, who represents Penrith and the Border, said the cuts were wrong.",
         [("David Maclean", "politician", False, None)]),
        ("Jane Doe, who represents rank-and-file officers in Hampshire, said it was wrong.",
         [("Jane Doe", "federation_representative", False, "Hampshire Constabulary")]),
    ])
    def test_who_represents(self, nlp, text, expected):
        assert officials(nlp, text) == expected

    def test_a_later_mention_gives_the_force_the_first_left_out(self, nlp):
        text = ("Chief Constable Colin Port said the region's forces were determined. "
                "Colin Port, Chief Constable of Avon and Somerset, at the launch.")
        assert officials(nlp, text) == [("Colin Port", "chief_constable", False, "Avon and Somerset Constabulary")]

    def test_a_title_is_no_name(self, nlp):
        text = "The panel included the former Lord Advocate Dame Elish Angiolini."
        assert "Advocate" not in [o[0] for o in officials(nlp, text)]

    def test_mentions_carry_offsets_of_the_name_as_written(self, nlp):
        text = "Kent's chief constable, Sir Alan Pugh, said the force was ready."
        (mention,) = nlp(text)._.officials
        assert text[mention["start_char"] : mention["end_char"]] == mention["text"] == "Sir Alan Pugh"


class TestQuotes:
    def test_said_colon_and_continuation_paragraphs(self, nlp):
        text = (
            'Surrey\'s police and crime commissioner, Kevin Hurst, said: "We cannot go on like this.\n\n'
            '"Every force is under pressure."\n\n'
            "Officers were not consulted."
        )
        assert quotes(nlp, text) == [
            ("Kevin Hurst", "We cannot go on like this."), ("Kevin Hurst", "Every force is under pressure."),
        ]

    def test_attribution_after_the_quote_and_between_quotes(self, nlp):
        text = '"We are ready for this," said Chief Constable Lynne Owen of Surrey Police. "It is right."'
        assert quotes(nlp, text) == [("Lynne Owen", "We are ready for this,"), ("Lynne Owen", "It is right.")]

    def test_pronoun_is_the_last_person_named(self, nlp):
        text = (
            "Chief Inspector Mark Lee, of Avon and Somerset Constabulary, spoke first. "
            "He added: 'Officers will be out in force.'\n\n"
            'A spokeswoman for the council said: "We welcome the move."\n\n"It will help," she said.'
        )
        assert quotes(nlp, text) == [
            ("Mark Lee", "Officers will be out in force."), (None, "We welcome the move."), (None, "It will help,"),
        ]

    def test_quote_in_a_sentence_of_reported_speech(self, nlp):
        text = "Hull MP Karl Turner said the plan must not become \"a merger by the back door\"."
        assert quotes(nlp, text) == [("Karl Turner", "a merger by the back door")]

    def test_reported_speech(self, nlp):
        text = "Tony Hale, the PCC for Kent, spoke. Mr Hale added that no jobs would be lost. It is too early, he said."
        assert quotes(nlp, text, direct=False) == [("Tony Hale", "no jobs would be lost"), ("Tony Hale", "It is too early")]

    def test_scare_quotes_are_not_speech(self, nlp):
        assert quotes(nlp, "Kent Police and Essex Police will work on 'full business cases' for custody.") == []


class TestQuoteSpans:
    @pytest.mark.parametrize(
        ("paragraph", "inside"),
        [
            ('He said: "We are ready." Then he left.', ["We are ready."]),
            ("He said: “We are ready.” Then he left.", ["We are ready."]),
            ("He said: ‘The force’s plan is sound.’ Then he left.", ["The force’s plan is sound."]),
            ("The forces’ joint unit and Kent’s officers.", []),
            ('He said: "This runs on', ["This runs on"]),
        ],
    )
    def test_finds_the_words_inside_the_marks(self, paragraph, inside):
        assert [paragraph[s:e] for s, e, _ in quote_spans(paragraph)] == inside

    def test_an_open_quote_is_marked_unclosed(self):
        assert [closed for _, _, closed in quote_spans('"Done." And "open')] == [True, False]

    def test_offsets_are_shifted(self):
        assert quote_spans('"Hi there"', offset=100) == [(101, 109, True)]


class TestSpeakerFor:
    def test_speaker_of_the_quote_holding_the_words(self, nlp):
        doc = nlp('Ian Hallam, chairman of the Kent Police Federation, said: "Our members fear more jobs will be lost."')
        start = doc.text.index("Our members")
        assert speaker_for(doc, start, start + 20) == "Ian Hallam"

    def test_reported_speech_has_a_speaker_too(self, nlp):
        doc = nlp("Kent's chief constable, Alan Pugh, said no officer posts would be cut.")
        start = doc.text.index("no officer")
        assert speaker_for(doc, start, len(doc.text)) == "Alan Pugh"

    def test_none_for_unnamed_speakers(self, nlp):
        doc = nlp('A Kent Police spokesman said: "No jobs will go."')
        assert speaker_for(doc, 0, len(doc.text)) is None
