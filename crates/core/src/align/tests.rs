//! Every quoting style DESIGN.md lists, on examples written for these tests.

use crate::testkit::{analyze, found};

fn one(text: &str) -> Vec<(&'static str, String, String)> {
    found(&analyze(&[text]), 0)
}

const S1: &str = "We have offered the United States of America the opportunity to outsource part of its prison system";
const S2: &str = "We are willing to take in only convicted criminals (including convicted U.S. citizens) into our mega-prison (CECOT) in exchange for a fee";

#[test]
fn curly_and_straight_marks_mixed_in_one_quote() {
    let m = one(&format!("In a post, “{S1}.\" Bukele said on Tuesday."));
    assert_eq!(m, vec![("quoted", S1.to_string(), S1.to_string())]);
}

#[test]
fn missing_opening_quote_still_matches() {
    let m = one(&format!("{S1},” Bukele wrote on X."));
    assert_eq!(m, vec![("quoted", S1.to_string(), S1.to_string())]);
}

#[test]
fn quote_split_by_attribution_gives_two_quoted_matches() {
    let text = format!("“{S1},” the president wrote. “{S2}.”");
    let m = one(&text);
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!((m[0].0, m[0].1.as_str()), ("quoted", S1));
    assert_eq!((m[1].0, m[1].1.as_str()), ("quoted", S2));
}

#[test]
fn dash_inserted_attribution_splits_the_quote() {
    let text = format!("“{S1} - Bukele explained on X - {S2}.”");
    let c = analyze(&[&text]);
    let m = found(&c, 0);
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!(m[0].1, S1);
    assert_eq!(m[1].1, S2);
    let cue = c.quotes[0].cue.expect("the dash cue is kept").slice(&c.story.articles[0].body);
    assert_eq!(cue, "Bukele explained");
    assert_eq!(c.quotes[0].speaker, Some(0));
}

#[test]
fn one_word_fragment_needs_the_source_speaker() {
    let text = "Bukele confirmed in a post on X that El Salvador had “offered” the U.S. “the opportunity to outsource part of its prison system,” adding that there would be a fee.";
    let m = one(text);
    let quoted: Vec<&str> = m.iter().filter(|x| x.0 == "quoted").map(|x| x.1.as_str()).collect();
    assert_eq!(quoted, ["offered", "the opportunity to outsource part of its prison system"]);
    // The same one-word fragment from someone else is not the post.
    let other = one("A U.S. official said the offer was “significant,” according to the Associated Press.");
    assert!(other.is_empty(), "{other:?}");
}

#[test]
fn embedded_post_cut_off_with_author_line_is_one_unmarked_copy() {
    let text = format!("Rubio welcomed it.\n{S1}.\n— Nayib Bukele (@nayibbukele) February 4, 2025\n{S2}.\nThe fee would be relatively low for… pic.twitter.com/HTNwtp35Aq\nCritics objected.");
    let c = analyze(&[&text]);
    let m = found(&c, 0);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].0, "unmarked");
    assert!(m[0].1.starts_with("We have offered") && m[0].1.ends_with("relatively low for"), "{}", m[0].1);
    assert!(m[0].2.ends_with("relatively low for"), "{}", m[0].2);
    let ops = &c.matches[0].ops;
    let inserted: Vec<&str> = ops
        .iter()
        .filter(|o| o.tag == crate::OpTag::Insert)
        .map(|o| o.article.slice(&c.story.articles[0].body))
        .collect();
    assert_eq!(inserted, ["Nayib Bukele (@nayibbukele) February 4, 2025"]);
}

#[test]
fn reported_speech_with_a_verbatim_run_is_paraphrase_not_a_copy() {
    let text = "The Salvadoran president said the fee would be relatively low for the U.S., but he added that the payments would be significant to El Salvador and would make “our entire prison system sustainable.”";
    let m = one(text);
    let kinds: Vec<(&str, &str)> = m.iter().map(|x| (x.0, x.1.as_str())).collect();
    assert_eq!(kinds[1], ("quoted", "our entire prison system sustainable"));
    assert_eq!(kinds[0].0, "paraphrase");
    assert!(kinds[0].1.starts_with("the fee would be relatively low"), "{kinds:?}");
}

#[test]
fn back_translated_paraphrase_keeps_its_exact_runs() {
    let text = "Bukele said his country was willing to take in only convicted criminals, among them American citizens, in its mega-prison in return for payment.";
    let m = one(text);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].0, "paraphrase");
    assert!(m[0].1.contains("willing to take in only convicted criminals"), "{m:?}");
}

#[test]
fn us_spelling_variant_is_a_replace_op() {
    let text = "“The fee would be relatively low for the US but significant for us, making our entire prison system sustainable,” Bukele wrote.";
    let c = analyze(&[text]);
    let m = &c.matches[0];
    assert_eq!(m.kind, crate::MatchKind::Quoted);
    let body = &c.story.articles[0].body;
    let changed: Vec<(&str, &str)> = m
        .ops
        .iter()
        .filter(|o| o.tag == crate::OpTag::Replace)
        .map(|o| (o.source.slice(crate::testkit::POST), o.article.slice(body)))
        .collect();
    assert_eq!(changed, [("U.S", "US")]);
}

#[test]
fn outlet_insertions_and_ellipses_are_ops_inside_one_match() {
    let text = "“We are willing to take in only convicted criminals … into our mega-prison (CECOT) [El Salvador’s] in exchange for a fee,” Bukele wrote.";
    let c = analyze(&[text]);
    assert_eq!(c.matches.len(), 1, "{:?}", found(&c, 0));
    let m = &c.matches[0];
    let body = &c.story.articles[0].body;
    let ins: Vec<&str> =
        m.ops.iter().filter(|o| o.tag == crate::OpTag::Insert).map(|o| o.article.slice(body)).collect();
    let del: Vec<&str> =
        m.ops.iter().filter(|o| o.tag == crate::OpTag::Delete).map(|o| o.source.slice(crate::testkit::POST)).collect();
    assert_eq!(ins, ["El Salvador’s"]);
    assert_eq!(del, ["including convicted U.S. citizens"]);
}

#[test]
fn other_speakers_sharing_words_are_not_matched() {
    let texts = [
        "“He has offered to house in his jails dangerous American criminals in custody in our country, including those with US citizenship and legal residency,” Rubio told reporters.",
        "“In an extraordinary gesture never before extended by any country, President Bukele offered to house in his jails dangerous American criminals, including US citizens and legal residents,” Secretary Rubio responded on X.",
        "He said the offer could “make America safer.”",
        "“The US is absolutely prohibited from deporting US citizens, whether they are incarcerated or not,” a law professor said.",
    ];
    let c = analyze(&texts);
    assert!(c.matches.is_empty(), "{:?}", (0..4).map(|i| found(&c, i)).collect::<Vec<_>>());
}

#[test]
fn speaker_of_a_standalone_quote_continues_from_the_previous_one() {
    let text = "“We have offered the United States of America the opportunity to outsource part of its prison system,” Bukele wrote on X after Rubio’s statement.\n“The fee would be relatively low for the US but significant for us.”";
    let c = analyze(&[text]);
    assert_eq!(c.quotes.len(), 2);
    assert_eq!(c.quotes[0].speaker, Some(0));
    assert_eq!(c.quotes[1].speaker, Some(0));
    let cue = c.quotes[0].cue.unwrap().slice(&c.story.articles[0].body);
    assert_eq!(cue, "Bukele wrote");
}
