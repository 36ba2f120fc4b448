use super::*;
use crate::testkit::story;

fn quotes(text: &str) -> Vec<(String, Option<String>, bool)> {
    let s = story(&[text]);
    let a = &s.articles[0];
    find_quotes(0, &a.body, &a.paragraphs, &s.speakers)
        .into_iter()
        .map(|q| {
            let who = q.speaker.map(|i| s.speakers[i].name.clone()).or(q.speaker_text);
            (q.inner.slice(&a.body).to_string(), who, q.balanced)
        })
        .collect()
}

#[test]
fn word_lists_are_sorted_for_binary_search() {
    assert!(cues::SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn closing_mark_opening_a_paragraph_opens_the_quote() {
    let q = quotes("” In an extraordinary gesture, he offered much,” Secretary Rubio responded on X.");
    assert_eq!(q, vec![("In an extraordinary gesture, he offered much,".into(), Some("Marco Rubio".into()), true)]);
}

#[test]
fn inverted_and_according_to_cues() {
    let q = quotes("“Ninety percent,” gushed Rubio. The fee “would be low,” according to Bukele.");
    assert_eq!(q[0].1.as_deref(), Some("Marco Rubio"));
    assert_eq!(q[1].1.as_deref(), Some("Nayib Bukele"));
}

#[test]
fn pronoun_cue_takes_the_previous_speaker() {
    let q = quotes(
        "“We are grateful,” Rubio said. El Salvador, he continued, will “accept for deportation any illegal alien.”",
    );
    assert_eq!(q[1].1.as_deref(), Some("Marco Rubio"));
}

#[test]
fn unknown_named_speaker_is_kept_as_printed() {
    let q = quotes("Maria Ortiz, a lawyer in San Salvador, reportedly stated that the offer was “significant.”");
    assert_eq!(q[0].1.as_deref(), Some("Maria Ortiz"));
}

#[test]
fn an_unnamed_source_is_nobody() {
    for text in [
        "A U.S. official reportedly stated that the offer was “significant.”",
        "“We will,” the husband said.",
        "A spokesman for Harlow Build, the main contractor, said: “Our thoughts remain with the family.”",
        "A spokesperson for the Department of Health and Social Care said: “We are working on it.”",
        "“We respect it,” a senior Nauruan official told Reuters.",
    ] {
        assert_eq!(quotes(text)[0].1, None, "{text}");
    }
}

#[test]
fn unclosed_quote_ends_at_the_paragraph_unbalanced() {
    let q = quotes("He said “we will see\nNext paragraph.");
    assert_eq!(q, vec![("we will see".into(), None, false)]);
}

#[test]
fn multi_paragraph_quote_continues_when_the_next_paragraph_opens_with_a_mark() {
    let q = quotes("Bukele wrote: “We have offered a deal.\n“We are willing to help.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("We have offered") && q[0].0.ends_with("willing to help."), "{q:?}");
}

#[test]
fn apostrophes_are_not_quote_marks_but_single_quotes_are() {
    let q = quotes("Rubio’s aide called it a ‘mega jail’ and Bukele’s team agreed.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "mega jail");
}

#[test]
fn straight_marks_pair_up() {
    let q = quotes("\"First,\" he said, \"and second.\"");
    let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, ["First,", "and second."]);
}

#[test]
fn the_listener_after_told_is_not_the_speaker() {
    let q = quotes("Bukele waved down to them and told Rubio with a grin — switching to English — “Ninety percent approval rating!”");
    assert_eq!(q[0].1.as_deref(), Some("Nayib Bukele"));
}

#[test]
fn what_he_called_takes_the_pronoun_not_the_words_before() {
    let q = quotes("Bukele spoke on Monday. The president had offered Washington what he called “a chance.”");
    assert_eq!(q[0].1.as_deref(), Some("Nayib Bukele"));
}

/// (speaker, attribution clause) per quotation, with `speakers` listed by name alone.
fn attributed(speakers: &[&str], text: &str) -> Vec<(Option<String>, Option<String>)> {
    let sp: Vec<Speaker> = speakers.iter().map(|n| Speaker { name: (*n).into(), aliases: Vec::new() }).collect();
    let a = crate::testkit::article("a", text);
    find_quotes(0, &a.body, &a.paragraphs, &sp)
        .iter()
        .map(|q| {
            let who = q.speaker.map(|i| sp[i].name.clone()).or(q.speaker_text.clone());
            (who, attribution(&a.body, &a.paragraphs, q).map(|s| s.slice(&a.body).to_string()))
        })
        .collect()
}

fn clause_of(speakers: &[&str], text: &str) -> Option<String> {
    attributed(speakers, text).into_iter().next().and_then(|x| x.1)
}

#[test]
fn a_quote_closing_its_sentence_leaves_the_next_sentences_cue_alone() {
    let text = "Jo Ruiz, a union leader, called the offer “an insult.” She said talks could resume.";
    assert_eq!(clause_of(&["Jo Ruiz"], text).as_deref(), Some("Jo Ruiz, a union leader, called the offer"));
    let text = "Ann Lee shot back that the plan would \"hurt towns.\" Lee, a senator, said she would cut taxes.";
    assert_eq!(clause_of(&["Ann Lee"], text).as_deref(), Some("Ann Lee shot back"));
}

#[test]
fn a_long_proper_name_before_the_verb_is_kept_whole() {
    let text = "“Go now,” Los Angeles County Fire Chief Anthony Marrone said at a news conference.";
    let got = attributed(&[], text);
    assert_eq!(got[0].0.as_deref(), Some("Anthony Marrone"));
    assert_eq!(got[0].1.as_deref(), Some("Los Angeles County Fire Chief Anthony Marrone said at a news conference"));
}

#[test]
fn the_listener_after_told_stops_before_the_reported_words() {
    let text = "The owner, Gerald Whitcomb, told reporters he was “grateful.”";
    assert_eq!(clause_of(&[], text).as_deref(), Some("The owner, Gerald Whitcomb, told reporters"));
    let text = "Rick Dane, R-Utah, called it “a blank check.”";
    assert_eq!(clause_of(&["Rick Dane"], text).as_deref(), Some("Rick Dane, R-Utah, called it"));
}

fn speakers_of(speakers: &[&str], text: &str) -> Vec<Option<String>> {
    attributed(speakers, text).into_iter().map(|x| x.0).collect()
}

#[test]
fn a_bare_role_goes_to_the_person_just_named_unless_they_hold_another_role() {
    let text = "Ana Ruiz, the country's president, spoke first.\nOthers spoke.\nTom Hale said he agreed.\n“We will,” the president said.";
    assert_eq!(speakers_of(&["Ana Ruiz", "Tom Hale"], text), [Some("Tom Hale".into())]);
    let text = "Mayor Ann Oka won.\nCouncilman Dan Reyes, who voted no, said so.\n“Fine,” the mayor said.";
    assert_eq!(speakers_of(&["Ann Oka", "Dan Reyes"], text), [Some("Ann Oka".into())]);
}

#[test]
fn a_role_with_a_conflicting_modifier_does_not_bind() {
    let text =
        "Ted Frank, the Brentford manager, spoke.\nMia Lund said she was angry.\n“Unfair,” the Arsenal manager said.";
    assert_eq!(speakers_of(&["Ted Frank", "Mia Lund"], text), [Some("Mia Lund".into())]);
}

#[test]
fn an_unbound_role_takes_the_person_just_named() {
    let text = "Bryan Mbeumo, who scored twice, described it as “easy”.\n“I stayed calm,” the forward said.";
    assert_eq!(speakers_of(&[], text)[1].as_deref(), Some("Bryan Mbeumo"));
    // With nobody named before it, the role names nobody: the clause shows it.
    assert_eq!(speakers_of(&[], "“I stayed calm,” the forward said.")[0].as_deref(), None);
}

#[test]
fn saying_after_a_role_subject_takes_the_role_not_a_name_inside() {
    let text = "Mayor Ann Oka won.\nThe mayor met Governor Dan Reyes, saying the deal would “pay off.”";
    let got = attributed(&["Ann Oka", "Dan Reyes"], text);
    assert_eq!(got[0].0.as_deref(), Some("Ann Oka"));
    assert_eq!(got[0].1.as_deref(), Some("The mayor met Governor Dan Reyes, saying"));
    let text = "Bank governor Ann Oka spoke.\nThe governor declined to comment, saying only that it was “fine.”";
    assert_eq!(clause_of(&["Ann Oka"], text).as_deref(), Some("The governor declined to comment, saying only"));
}

#[test]
fn a_role_with_a_possessive_before_an_appositive_name_gives_the_name() {
    let text = "Arden's trade minister, Lena Moss, told reporters that “the deal is done.”";
    let got = attributed(&[], text);
    assert_eq!(got[0].0.as_deref(), Some("Lena Moss"));
    assert_eq!(got[0].1.as_deref(), Some("Arden's trade minister, Lena Moss, told reporters"));
}

#[test]
fn a_subject_cut_by_the_phrase_limit_keeps_its_capitalised_opening() {
    let text = "The Royal Rowing Club's head of junior squads, Pat Ode, said: “We are ready.”";
    let got = attributed(&[], text);
    assert_eq!(got[0].0.as_deref(), Some("Pat Ode"));
    assert_eq!(got[0].1.as_deref(), Some("The Royal Rowing Club's head of junior squads, Pat Ode, said"));
}

#[test]
fn an_organisation_and_role_before_a_full_name_are_not_the_name() {
    let text = "“No comment,” Velto spokesperson Kim Arno said. “None,” said Cllr Ray Dunn.";
    assert_eq!(speakers_of(&[], text), [Some("Kim Arno".into()), Some("Ray Dunn".into())]);
}

#[test]
fn an_unnamed_source_after_the_verb_speaks_for_no_one() {
    let text = "Ann Lee praised the deal.\n“It helps,” said one worker.\n“It does,” said union member Bo Kim.";
    let got = attributed(&["Ann Lee"], text);
    assert_eq!(got[0], (None, Some("said one worker".into())));
    assert_eq!(got[1], (Some("Bo Kim".into()), Some("said union member Bo Kim".into())));
}

#[test]
fn saying_after_a_titled_name_takes_that_name() {
    let text = "Trade Minister Ola Berg welcomed the deal, saying it would “help farmers.”";
    assert_eq!(attributed(&[], text)[0].0.as_deref(), Some("Ola Berg"));
    let text = "Sen. Ed Voss, a Democrat who chairs the panel, criticized it, saying it was “a mistake.”";
    assert_eq!(attributed(&[], text)[0].0.as_deref(), Some("Ed Voss"));
}

#[test]
fn an_aged_role_phrase_takes_the_person_just_named() {
    let text = "Kenyan President Ada Mwangi spoke.\n“We will,” the 61-year-old leader added.";
    assert_eq!(attributed(&["Ada Mwangi"], text)[0].0.as_deref(), Some("Ada Mwangi"));
}

#[test]
fn british_single_quotes_share_their_cue_like_double_ones() {
    let text = "‘I'm embarrassed, and that's the truth,’ said Pryce, who took charge in the summer. ‘The fans paid good money.’";
    let got = attributed(&["Gareth Pryce"], text);
    assert_eq!(got[1], (Some("Gareth Pryce".into()), Some("said Pryce".into())));
}

#[test]
fn a_cue_after_a_name_and_a_long_appositive_is_found() {
    let text = "“It is about money,” Andrea Lozano, a Central America analyst at the Hemisphere Policy Institute in Washington, told Reuters.";
    let got = attributed(&[], text);
    assert_eq!(got[0].0.as_deref(), Some("Andrea Lozano"));
    assert_eq!(
        got[0].1.as_deref(),
        Some("Andrea Lozano, a Central America analyst at the Hemisphere Policy Institute in Washington, told Reuters")
    );
}

#[test]
fn inverted_cues_with_an_occupation_or_a_relative_clause() {
    let text = "“I had to sit down,” said auctioneer Claire Vasseur, who spotted it.\n“We are talking,” said a ministry official who asked not to be named.";
    let got = attributed(&[], text);
    assert_eq!(got[0], (Some("Claire Vasseur".into()), Some("said auctioneer Claire Vasseur".into())));
    assert_eq!(got[1], (None, Some("said a ministry official who asked not to be named".into())));
}

#[test]
fn a_role_of_an_organisation_names_nobody_and_keeps_its_whole_clause() {
    let text = "A spokesperson for the Department of Health and Social Care said: “We are working on it.”\nA U.S. Department of Agriculture spokesperson said the agency was “closely monitoring the losses.”";
    let got = attributed(&[], text);
    assert_eq!(got[0], (None, Some("A spokesperson for the Department of Health and Social Care said".into())));
    assert_eq!(got[1], (None, Some("A U.S. Department of Agriculture spokesperson said".into())));
}

#[test]
fn pleaded_outside_and_a_cue_shared_within_its_sentence() {
    let text = "Paul Harjo, the emergency manager, pleaded with residents on Monday: “Stay home.”\nSiobhan Doherty said outside the hearing that her son “went to work.”\nHe said his country was “willing to take in only convicted criminals” and would hold them “in exchange for a fee.”";
    let got = attributed(&["Nayib Bukele"], text);
    assert_eq!(got[0].1.as_deref(), Some("Paul Harjo, the emergency manager, pleaded with residents on Monday"));
    assert_eq!(got[1].1.as_deref(), Some("Siobhan Doherty said outside the hearing"));
    assert_eq!(got[2].1.as_deref(), Some("He said"));
    assert_eq!(got[3].1.as_deref(), Some("He said"));
    // An abbreviation's full stop between the two ("U.S. citizens") ends no sentence.
    let text = "He said it would take only “convicted criminals (including convicted U.S. citizens)” into CECOT, “in exchange for a fee.”";
    let got = attributed(&["Nayib Bukele"], text);
    assert_eq!([got[0].1.as_deref(), got[1].1.as_deref()], [Some("He said"), Some("He said")]);
}

#[test]
fn titles_before_a_name_and_hyphenated_surnames() {
    let text = "“It is rare,” County Auditor Brenda Kowalczyk said.\n“It hurts,” said Sister Teresa Wojcik.\nGareth Rees-Evans, a farmer, spoke. “We are tired,” he said.\n“Hold fire,” Lt Col James Whitby said.";
    let got = speakers_of(&[], text);
    assert_eq!(
        got,
        [
            Some("Brenda Kowalczyk".into()),
            Some("Teresa Wojcik".into()),
            Some("Gareth Rees-Evans".into()),
            Some("James Whitby".into())
        ]
    );
}

#[test]
fn an_age_and_a_trade_name_the_person_just_named_and_unnamed_heads_are_kept() {
    let text = "Kevin Unruh, who farms near Hays, walked his field.\n“It is done,” the 58-year-old farmer said.\n“If they pay,” said a 52-year-old street vendor.";
    let got = attributed(&[], text);
    assert_eq!(got[0].0.as_deref(), Some("Kevin Unruh"));
    assert_eq!(got[1], (None, Some("said a 52-year-old street vendor".into())));
    let text = "A senior official at state railway infrastructure company IP, speaking on condition of anonymity, said: “Some slack.”";
    assert_eq!(
        attributed(&[], text)[0],
        (None, Some("A senior official at state railway infrastructure company IP, speaking on condition of anonymity, said".into()))
    );
}

#[test]
fn organisations_unnamed_subjects_and_offices_by_what_they_are() {
    let text = "“It helped,” The Environment Agency said in a statement.\nA university spokesperson, Erin Laine, disputed that, saying the budget was read “line by line.”\nA senior official rejected the criticism, saying crews would return “as soon as possible.”\nHarlow Creek Mayor Gord Wiebe called the closure “a failure” and said the town had warned officials.\n“The crew did well,” said Capt. Dana Whitcomb.";
    let got = attributed(&[], text);
    // An organisation speaking in its own name is the speaker (tests/heldout/README.md).
    assert_eq!(got[0], (Some("Environment Agency".into()), Some("The Environment Agency said in a statement".into())));
    assert_eq!(
        got[1],
        (Some("Erin Laine".into()), Some("A university spokesperson, Erin Laine, disputed that, saying".into()))
    );
    assert_eq!(got[2], (None, Some("A senior official rejected the criticism, saying".into())));
    assert_eq!(got[3], (Some("Gord Wiebe".into()), Some("Harlow Creek Mayor Gord Wiebe called the closure".into())));
    assert_eq!(got[4], (Some("Dana Whitcomb".into()), Some("said Capt. Dana Whitcomb".into())));
    let text =
        "Salvadoran President Nayib Bukele hosted Marco Rubio.\nRubio praised the offer as “an extraordinary gesture.”";
    let got = attributed(&["Nayib Bukele", "Marco Rubio"], text);
    assert_eq!(got[0], (Some("Marco Rubio".into()), Some("Rubio praised the offer as".into())));
}

#[test]
fn a_cue_between_two_parts_of_a_sentence_keeps_its_whole_clause() {
    let text = "“We will win,” she said at a rally on the last day of the campaign, “and then we will build.”\nThe League said in a statement it welcomed “a fresh start.”";
    let got = attributed(&[], text);
    assert_eq!(got[1].1.as_deref(), Some("she said at a rally on the last day of the campaign"));
    assert_eq!(got[2].1.as_deref(), Some("The League said in a statement"));
}

#[test]
fn quotations_after_an_unnamed_source_continue_no_one() {
    let text = "Ann Lee, the mayor, cut the ribbon.\n“It is fine,” said one shopkeeper, who did not give his name. “But the rent is high.”\n“It is late,” said a Danish engineer. “Very late.”";
    assert_eq!(speakers_of(&["Ann Lee"], text), [None, None, None, None]);
}

#[test]
fn inverted_names_after_an_occupation_before_for_and_after_a_role() {
    let text = "“We lost,” said season-ticket holder Bea Moss, 70, outside.\n“It stands,” wrote Justice Ola Berg for the court.\n“It is a win,” said the union's lawyer, Tim Roe, of Roe & Co.";
    let got = attributed(&[], text);
    assert_eq!(got[0], (Some("Bea Moss".into()), Some("said season-ticket holder Bea Moss".into())));
    assert_eq!(got[1], (Some("Ola Berg".into()), Some("wrote Justice Ola Berg for the court".into())));
    assert_eq!(got[2], (Some("Tim Roe".into()), Some("said the union's lawyer".into())));
}

#[test]
fn an_organisation_with_of_or_a_plural_possessive_is_kept_whole() {
    let text = "“We are sorry,” Ohio Department of Natural Resources Director Ann Lee said.\nThe Riverside Parents' Association said it was “deeply worried.”";
    let got = attributed(&[], text);
    assert_eq!(
        got[0],
        (Some("Ann Lee".into()), Some("Ohio Department of Natural Resources Director Ann Lee said".into()))
    );
    assert_eq!(
        got[1],
        (Some("Riverside Parents' Association".into()), Some("The Riverside Parents' Association said".into()))
    );
}

#[test]
fn a_pronoun_after_an_unnamed_source_speaking_is_that_source() {
    let text = "Mayor Ann Lee defended the cuts.\nA city official, who was not authorised to speak, said more were coming. “It will hurt,” he said.";
    assert_eq!(speakers_of(&["Ann Lee"], text), [None]);
}

#[test]
fn a_former_role_describes_the_person_just_named() {
    let text = "Coach Ann Lee was sacked on Monday.\n“I will be back,” the former Leeds United striker said.";
    assert_eq!(speakers_of(&["Ann Lee"], text), [Some("Ann Lee".into())]);
}

#[test]
fn a_cue_opening_the_sentence_after_a_quotation_is_not_between_two_parts() {
    let text = "Lee backed the “plan for the valley.” She said the town would get “new jobs” soon.";
    assert_eq!(attributed(&["Ann Lee"], text)[1].1.as_deref(), Some("She said"));
}

#[test]
fn an_organisation_speaking_in_its_own_name_is_named_in_full() {
    let q = quotes(
        "Water levels fell, according to the National Water Commission (Conagua). “We will comply,” \
         Conagua said. The Harbour Rail Group runs the line. “We are sorry,” the company said. \
         “Stay home,” The Met Office said. “Roads are shut,” it said.",
    );
    let who: Vec<_> = q.iter().map(|x| x.1.as_deref()).collect();
    assert_eq!(
        who,
        [Some("National Water Commission"), Some("Harbour Rail Group"), Some("Met Office"), Some("Met Office")]
    );
}

#[test]
fn a_kind_noun_refers_back_to_the_organisation_of_that_kind() {
    let q = quotes(
        "Ostrava Capital, a Prague-based research firm, expects a cut. The refugee agency UNHCR \
         welcomed the deal. “A firm cut,” the firm wrote. “We welcome it,” the agency said. \
         “Good news,” said a spokesperson for the agency.",
    );
    let who: Vec<_> = q.iter().map(|x| x.1.as_deref()).collect();
    assert_eq!(who, [Some("Ostrava Capital"), Some("UNHCR"), None]);
}

#[test]
fn an_mp_is_a_title_and_an_office_may_hold_a_possessive_title() {
    let text = "Local MP Dana Reyes called for answers, saying “enough.”\nThe Kent County District Attorney's Office said it would appeal. “We disagree,” the office said.";
    let got = attributed(&[], text);
    assert_eq!(got[0].0.as_deref(), Some("Dana Reyes"));
    assert_eq!(got[1].0.as_deref(), Some("Kent County District Attorney's Office"));
}

#[test]
fn straight_single_quotes_are_quote_marks_where_an_article_has_no_double_ones() {
    let text = "Detective Inspector Fiona Grant said: 'This was a planned theft. It's clear.'\n\
                'We are still working,' she added. Staff were 'heartbroken'.\n\
                'The workers' union is not to blame,' said Grant.";
    let q = quotes(text);
    let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        texts,
        [
            "This was a planned theft. It's clear.",
            "We are still working,",
            "heartbroken",
            "The workers' union is not to blame,"
        ]
    );
    let got = attributed(&["Fiona Grant"], text);
    assert_eq!(got[1], (Some("Fiona Grant".into()), Some("she added".into())));
    assert_eq!(got[3], (Some("Fiona Grant".into()), Some("said Grant".into())));
}

#[test]
fn straight_single_marks_beside_double_quotes_stay_apostrophes() {
    let q = quotes("\"It's the workers' money,\" Rubio said of the 'deal' in passing.");
    let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, ["It's the workers' money,"]);
}

#[test]
fn scare_quotes_have_no_speaker_and_no_clause() {
    let text = "Bukele spoke on Monday. Admirers of the so-called “Bukele model” cheered.\n\
                The storm has been described as a ‘weather bomb’ by forecasters.";
    let got = attributed(&["Nayib Bukele"], text);
    assert_eq!(got, [(None, None), (None, None)]);
}

#[test]
fn a_capitalised_verb_inside_a_name_is_no_cue() {
    let text = "Bukele confirmed the offer in a post on X, saying his government had offered the United States “the opportunity to outsource part of its prison system.”";
    let got = attributed(&["Nayib Bukele"], text);
    assert_eq!(got[0], (Some("Nayib Bukele".into()), Some("Bukele confirmed the offer in a post on X, saying".into())));
}

#[test]
fn a_full_stop_right_after_the_closing_mark_ends_the_cue_window() {
    let text = "Mr Rubio called the arrangement ‘the most extraordinary’. He said Mr Bukele had also offered more.";
    let got = attributed(&["Marco Rubio"], text);
    assert_eq!(got[0], (Some("Marco Rubio".into()), Some("Mr Rubio called the arrangement".into())));
}
