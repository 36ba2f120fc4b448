//! Issue 15's wire paragraph, analysed with no aliases: who each quotation is attributed to, in the
//! export, the quote view and the variants view alike, and the clause shown as the attribution.

use presslens_core::export;
use presslens_core::testkit::bare_story;
use presslens_core::{analyze, Corpus};

const CONFIRMED: &str = "Bukele confirmed the offer in a post on X, saying El Salvador has “offered the United States of America the opportunity to outsource part of its prison system.” He said his country would accept only “convicted criminals” and would charge a fee that “would be relatively low for the U.S. but significant for us, making our entire prison system sustainable.”";

const DASHED: &str = "San Salvador welcomed the visit of the U.S. secretary of state on Monday.\n“We have offered the United States of America the opportunity to outsource part of its prison system - Bukele explained on X - The compensation would be relatively low for the U.S. but significant for us, making our entire prison system sustainable.” Critics said the plan would face court challenges. Human rights groups have documented deaths in custody.";

fn print(c: &Corpus) {
    for (qi, q) in c.quotes.iter().enumerate() {
        let a = &c.story.articles[q.article];
        let who = c.story.speaker_name(q.speaker, q.speaker_text.as_deref());
        let att = presslens_core::quotes::attribution(&a.body, &a.paragraphs, q).map(|s| s.slice(&a.body).to_string());
        println!("{qi} [{who:?}] {:?} <- {att:?}", q.inner.slice(&a.body));
    }
    for m in &c.matches {
        println!("match {:?} q{:?} {:?}", m.kind, m.quote, m.article_span.slice(&c.story.articles[m.article].body));
    }
    for cl in &c.clusters {
        println!(
            "cluster {:?} {:?}",
            c.story.speaker_name(cl.speaker, cl.speaker_text.as_deref()),
            cl.variants.iter().map(|v| &v.text).collect::<Vec<_>>()
        );
    }
    println!("{}", export::json(c, &[0, 1]).lines().filter(|l| l.contains("attributed")).count());
}

#[test]
fn scratch() {
    let c = analyze(bare_story(&[CONFIRMED, DASHED]), Vec::new());
    print(&c);
}
