use super::*;
use crate::testkit::{analyze, POST};

fn corpus(n: usize) -> Corpus {
    let texts: Vec<String> = (0..n)
        .map(|i| match i % 3 {
            0 => format!("Article {i}. Bukele wrote: “{}”", POST.lines().next().unwrap_or("")),
            1 => format!("Nothing quoted in article {i}.\nA second paragraph."),
            _ => format!("“We are willing to take in only convicted criminals,” Bukele said in article {i}."),
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    analyze(&refs)
}

fn round_trip(c: &Corpus, per_bundle: usize) -> Result<Corpus, PackError> {
    let packed = pack(c, per_bundle).expect("encodes");
    let files: Vec<(String, Vec<u8>)> = packed.files().cloned().collect();
    unpack_files((&packed.meta.0, &packed.meta.1), &files)
}

#[test]
fn a_packed_corpus_reads_back_equal_whatever_the_bundle_size() {
    let c = corpus(10);
    assert!(!c.quotes.is_empty() && !c.matches.is_empty());
    for per in [1, 3, 10, 32, 200] {
        assert_eq!(round_trip(&c, per).as_ref(), Ok(&c), "{per} articles a bundle");
    }
    assert_eq!(round_trip(&corpus(0), 32), Ok(corpus(0)));
}

#[test]
fn bundles_hold_a_few_dozen_articles_and_the_meta_no_body() {
    let mut c = corpus(70);
    c.story.articles[40].headline = Some("A headline of its own".into());
    let packed = pack(&c, ARTICLES_PER_BUNDLE).unwrap();
    assert_eq!(packed.bundles.len(), 3);
    let meta = read_meta(&packed.meta.0, &packed.meta.1).unwrap();
    assert!(meta.articles().unwrap().iter().all(|a| a.body.is_empty() && a.paragraphs.is_empty() && a.id.is_empty()));
    assert_eq!(meta.bundles.iter().map(|b| b.count).collect::<Vec<_>>(), [32, 32, 6]);
    // No string of an article is in the metadata file: ids and headlines are in the catalog.
    let headline = b"A headline of its own";
    assert!(!packed.meta.1.windows(headline.len()).any(|w| w == headline));
    assert!(packed.catalog[0].1.windows(headline.len()).any(|w| w == headline));
    assert_eq!(packed.catalog.len(), 1);
}

#[test]
fn the_catalog_comes_in_chunks_that_hold_whole_bundles() {
    let c = corpus(70);
    let packed = pack(&c, 2).unwrap();
    let meta = read_meta(&packed.meta.0, &packed.meta.1).unwrap();
    assert_eq!(meta.catalog.iter().map(|r| (r.first, r.count)).collect::<Vec<_>>(), [(0, 64), (64, 6)]);
    assert!(packed.catalog[0].0.starts_with("c0-") && packed.catalog[1].0.starts_with("c1-"));
    assert_eq!(catalog_of(&meta.catalog, 63), Some(0));
    assert_eq!(catalog_of(&meta.catalog, 64), Some(1));
    assert_eq!(catalog_of(&meta.catalog, 70), None);
    let chunk = read_catalog(&meta.catalog[1], &packed.catalog[1].1).unwrap();
    assert_eq!(chunk.card(65).map(|k| k.id.as_str()), Some(c.articles()[65].id.as_str()));
    assert_eq!(chunk.card(3), None);
    // A chunk in another's place, or cut short, is refused with its name.
    assert_eq!(
        read_catalog(&meta.catalog[0], &packed.catalog[1].1),
        Err(PackError::Hash { file: meta.catalog[0].file.clone() })
    );
    let cut = &packed.catalog[1].1[..packed.catalog[1].1.len() / 2];
    assert!(read_catalog(&meta.catalog[1], cut).is_err());
    // A metadata file whose catalog skips articles is refused.
    let mut gap = meta.clone();
    gap.catalog.remove(0);
    assert!(matches!(outline(&gap), Err(PackError::Mismatch(_))));
}

#[test]
fn names_carry_the_content_hash() {
    let packed = pack(&corpus(4), 2).unwrap();
    let (name, bytes) = &packed.meta;
    assert_eq!(name, &format!("meta-{:016x}.bin", hash(bytes)));
    assert!(packed.bundles[0].0.starts_with("b0-") && packed.bundles[1].0.starts_with("b1-"));
    // Another corpus, another name.
    assert_ne!(pack(&corpus(5), 2).unwrap().meta.0, *name);
}

#[test]
fn a_file_of_another_format_or_build_is_refused_with_its_name() {
    let packed = pack(&corpus(4), 2).unwrap();
    let (name, bytes) = &packed.meta;
    let mut old = bytes.clone();
    old[4] = 0;
    assert_eq!(read_meta(name, &old), Err(PackError::Version { file: name.clone(), found: 0 }));
    assert_eq!(read_meta("x.bin", b"<html>"), Err(PackError::NotData { file: "x.bin".into() }));
    let bundle = &packed.bundles[0].1;
    assert!(matches!(read_meta("b.bin", bundle), Err(PackError::Kind { wanted: "metadata", .. })));

    let meta = read_meta(name, bytes).unwrap();
    let other = pack(&corpus(6), 3).unwrap();
    let err = read_bundle(&meta.bundles[0], &other.bundles[0].1).unwrap_err();
    assert_eq!(err, PackError::Hash { file: meta.bundles[0].file.clone() });
    assert!(err.to_string().contains("another build"));
}

#[test]
fn damaged_or_missing_data_is_an_error_not_a_panic() {
    let packed = pack(&corpus(6), 2).unwrap();
    let (name, bytes) = &packed.meta;
    for cut in [0, 3, 7, 8, bytes.len() / 2, bytes.len() - 1] {
        assert!(read_meta(name, &bytes[..cut]).is_err(), "cut at {cut}");
    }
    let meta = read_meta(name, bytes).unwrap();
    let catalog = || vec![read_catalog(&meta.catalog[0], &packed.catalog[0].1).unwrap()];
    let first: Vec<Bundle> =
        meta.bundles[..1].iter().zip(&packed.bundles).map(|(r, (_, b))| read_bundle(r, b).unwrap()).collect();
    assert!(matches!(unpack(meta.clone(), Vec::new(), catalog(), first), Err(PackError::Mismatch(_))));
    let mut swapped: Vec<Bundle> =
        meta.bundles.iter().zip(&packed.bundles).map(|(r, (_, b))| read_bundle(r, b).unwrap()).collect();
    let whole = swapped.clone();
    swapped.swap(0, 1);
    assert!(matches!(unpack(meta.clone(), Vec::new(), catalog(), swapped), Err(PackError::Mismatch(_))));
    // Without its catalog, the corpus cannot be named: refused, not read with empty ids.
    assert!(matches!(unpack(meta, Vec::new(), Vec::new(), whole), Err(PackError::Mismatch(_))));
}

/// One of every record, written out field by field: adding a field to any of them stops this from
/// compiling, and changing a field's type changes the bytes. Either way the layout has changed, and
/// a viewer of the old format would misread the new files: bump [`FORMAT`], then update
/// [`LAYOUT_FINGERPRINT`].
fn every_record() -> Corpus {
    use crate::model::*;
    let s = |a: usize, b: usize| Span::new(a, b);
    let article = Article {
        id: "a".into(),
        outlet: Some("O".into()),
        headline: Some("H".into()),
        url: Some("https://e.org".into()),
        date: Date::parse("2025-02-04"),
        via: Some("AP".into()),
        author: Some("W".into()),
        body: "“Hi,” X said.".into(),
        paragraphs: vec![s(0, 15)],
        file: "articles/a.txt".into(),
    };
    let story = Story {
        title: "T".into(),
        summary: "S".into(),
        sources: vec![Source {
            id: "p".into(),
            speaker: 0,
            place: "X".into(),
            date: None,
            url: None,
            text: "Hi.".into(),
            sentences: vec![s(0, 3)],
        }],
        speakers: vec![Speaker { name: "X Y".into(), aliases: vec!["Y".into()] }],
        topics: vec![Topic { id: "t".into(), label: "L".into(), terms: vec!["hi".into()] }],
        articles: vec![article],
    };
    let quote = Quote {
        article: 0,
        outer: s(0, 8),
        inner: s(3, 5),
        speaker: Some(0),
        speaker_text: None,
        cue: Some(s(10, 16)),
        balanced: true,
    };
    let op = Op { tag: OpTag::Equal, source: s(0, 2), article: s(3, 5) };
    let m = Match {
        article: 0,
        source: 0,
        kind: MatchKind::Quoted,
        source_span: s(0, 2),
        article_span: s(3, 5),
        similarity: 1.0,
        ops: vec![op],
        quote: Some(0),
        attribution: Some(s(10, 16)),
    };
    let cluster = Cluster {
        speaker: Some(0),
        speaker_text: None,
        canonical: 0,
        variants: vec![Variant { text: "Hi".into(), quotes: vec![0], ops: vec![op] }],
    };
    let diagnostic = Diagnostic { severity: Severity::Warning, file: "f".into(), line: Some(1), message: "m".into() };
    Corpus {
        story,
        quotes: vec![quote],
        matches: vec![m],
        topic_hits: vec![TopicHit { article: 0, paragraph: 0, topic: 0, evidence: vec![s(3, 5)] }],
        clusters: vec![cluster],
        diagnostics: vec![diagnostic],
    }
}

/// [`FORMAT`] and the hash of [`every_record`]'s metadata file, bundle and word chunk under it.
const LAYOUT_FINGERPRINT: (u16, u64) = (3, 0xb86f_c117_628a_30dc);

#[test]
fn the_layout_changes_only_with_the_format_version() {
    let c = every_record();
    let packed = pack(&c, 1).unwrap();
    let fingerprint = hash(
        &[
            packed.meta.1.as_slice(),
            packed.clusters.1.as_slice(),
            packed.catalog[0].1.as_slice(),
            packed.bundles[0].1.as_slice(),
            packed.words[0].1.as_slice(),
        ]
        .concat(),
    );
    assert_eq!(
        (FORMAT, fingerprint),
        LAYOUT_FINGERPRINT,
        "the data layout changed: bump pack::FORMAT and set LAYOUT_FINGERPRINT to ({}, {fingerprint:#x})",
        FORMAT + u16::from(LAYOUT_FINGERPRINT.0 == FORMAT)
    );
    assert_eq!(round_trip(&c, 1), Ok(c));
}

/// The metadata file with its word chunks fetched as `text` needs them, as the explorer reads a
/// site: an outline corpus and an index from the facts.
fn on_demand(packed: &Packed, text: &str) -> (Corpus, crate::query::Index) {
    let meta = read_meta(&packed.meta.0, &packed.meta.1).unwrap();
    let outline = outline(&meta).unwrap();
    let index = crate::query::Index::from_facts(&outline, meta.facts.clone(), meta.words.len());
    for c in index.missing_chunks(text) {
        let bytes = &packed.words.iter().find(|(n, _)| *n == meta.words[c].file).unwrap().1;
        index.add_chunk(c, read_words(c, &meta.words[c], bytes).unwrap()).unwrap();
    }
    assert!(index.missing_chunks(text).is_empty(), "{text}");
    (outline, index)
}

#[test]
fn a_query_over_the_metadata_and_word_chunks_gives_what_the_whole_corpus_gives() {
    use crate::query::{run, Index, Query};
    let mut c = corpus(40);
    // Topics, outlets and dates that differ from article to article, so the facets have counts.
    c.story.topics.push(crate::Topic { id: "fee".into(), label: "Fee".into(), terms: vec!["convicted".into()] });
    for (i, a) in c.story.articles.iter_mut().enumerate() {
        a.outlet = Some(["A", "B", "C"][i % 3].into());
        a.date = crate::Date::parse(&format!("2025-02-{:02}", 1 + i % 5));
    }
    let c = crate::analyze(c.story, Vec::new());
    assert!(c.topic_hits.iter().any(|h| h.topic == 0));
    let packed = pack(&c, 7).unwrap();
    assert!(packed.words.len() == 1, "a small corpus has one word chunk");
    let whole = Index::new(&c);
    for text in
        ["", "convicted criminals", "\"convicted criminals\"", "\"criminals convicted\"", "article 12", "nowhere"]
    {
        for topics in [vec![], vec!["fee".to_string()]] {
            let q = Query { text: text.into(), topics, outlets: vec!["B".into()], ..Query::default() };
            let (outline, index) = on_demand(&packed, text);
            assert_eq!(run(&outline, &index, &q), run(&c, &whole, &q), "{q:?}");
        }
    }
}

#[test]
fn a_large_word_index_is_cut_into_chunks_and_a_search_fetches_only_its_own() {
    let texts: Vec<String> =
        (0..300).map(|i| format!("Word{i} and then {} more words here.", "many ".repeat(200))).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let c = analyze(&refs);
    let packed = pack(&c, ARTICLES_PER_BUNDLE).unwrap();
    assert!(packed.words.len() > 1 && packed.words.len().is_power_of_two(), "{} chunks", packed.words.len());
    let meta = read_meta(&packed.meta.0, &packed.meta.1).unwrap();
    let index = crate::query::Index::from_facts(&outline(&meta).unwrap(), meta.facts, meta.words.len());
    let missing = index.missing_chunks("word17 \"then many\"");
    assert!((1..=3).contains(&missing.len()), "{missing:?}");
    let q = crate::query::Query { text: "word17".into(), ..Default::default() };
    let c0 = missing[0];
    index.add_chunk(c0, read_words(c0, &meta.words[c0], &packed.words[c0].1).unwrap()).unwrap();
    let rest = index.missing_chunks("word17");
    for c in rest {
        index.add_chunk(c, read_words(c, &meta.words[c], &packed.words[c].1).unwrap()).unwrap();
    }
    let hits =
        crate::query::run(&outline(&read_meta(&packed.meta.0, &packed.meta.1).unwrap()).unwrap(), &index, &q).hits;
    assert_eq!(hits.iter().map(|h| h.article).collect::<Vec<_>>(), [17]);
    // A chunk under another chunk's number, or from another build, is refused.
    let (w0, w1) = (&meta.words[0], &meta.words[1]);
    assert_eq!(read_words(0, w0, &packed.words[1].1), Err(PackError::Hash { file: w0.file.clone() }));
    assert!(matches!(read_words(1, w0, &packed.words[0].1), Err(PackError::Mismatch(_))));
    assert!(index.add_chunk(1, read_words(0, w0, &packed.words[0].1).unwrap()).is_err());
    assert!(read_words(1, w1, &packed.words[1].1[..packed.words[1].1.len() / 2]).is_err());
}

#[test]
fn each_bundle_read_as_a_part_holds_its_articles_analysis_renumbered() {
    let c = corpus(11);
    let packed = pack(&c, 4).unwrap();
    let meta = read_meta(&packed.meta.0, &packed.meta.1).unwrap();
    let whole = outline(&meta).unwrap();
    let story = &whole.story;
    let cards = read_catalog(&meta.catalog[0], &packed.catalog[0].1).unwrap();
    let mut parts = Vec::new();
    for (r, (_, bytes)) in meta.bundles.iter().zip(&packed.bundles) {
        let p = part(story, r, &cards, read_bundle(r, bytes).unwrap()).unwrap();
        for local in 0..r.count as usize {
            let ai = r.first as usize + local;
            assert_eq!(p.articles()[local], c.articles()[ai]);
            let quotes = |c: &Corpus, a| c.quotes_of(a).map(|(_, q)| (q.outer, q.speaker)).collect::<Vec<_>>();
            assert_eq!(quotes(&p, local), quotes(&c, ai));
            let matches = |c: &Corpus, a| {
                c.matches_of(a).map(|m| (m.article_span, m.quote.map(|q| c.quotes[q].outer))).collect::<Vec<_>>()
            };
            assert_eq!(matches(&p, local), matches(&c, ai));
            let hits = |c: &Corpus, a| c.topic_hits.iter().filter(|h| h.article == a).count();
            assert_eq!(hits(&p, local), hits(&c, ai));
        }
        // Another bundle in its place is refused.
        let other = meta.bundles.iter().find(|o| o.first != r.first).unwrap();
        let wrong = read_bundle(other, &packed.bundles[other.first as usize / 4].1).unwrap();
        assert!(part(story, r, &cards, wrong).is_err());
        // A catalog chunk that does not name its articles, too.
        let none = Catalog { first: 100, cards: cards.cards.clone() };
        assert!(part(story, r, &none, read_bundle(r, bytes).unwrap()).is_err());
        parts.push(p);
    }
    let parts: Vec<&Corpus> = parts.iter().collect();
    assert_eq!(join(&whole, &c.clusters, &meta.bundles, &parts), Ok(c.clone()));
    assert!(join(&whole, &c.clusters, &meta.bundles[1..], &parts[1..]).is_err());
}

#[test]
fn an_outline_refuses_metadata_whose_lists_do_not_fit() {
    let packed = pack(&corpus(9), 4).unwrap();
    let meta = read_meta(&packed.meta.0, &packed.meta.1).unwrap();
    assert!(outline(&meta).is_ok());
    let mut short = meta.clone();
    short.facts.pop();
    let mut gap = meta.clone();
    gap.bundles.remove(1);
    let mut topic = meta.clone();
    topic.facts[0].topics.push(99);
    let mut quotes = meta.clone();
    quotes.quotes = 0;
    for bad in [short, gap, topic, quotes.clone()] {
        assert!(matches!(outline(&bad), Err(PackError::Mismatch(_))));
    }
    // The clusters file: its own, and pointing inside the corpus.
    assert!(!read_clusters(&meta, &packed.clusters.1).unwrap().is_empty());
    assert!(matches!(read_clusters(&quotes, &packed.clusters.1), Err(PackError::Mismatch(_))));
    assert!(matches!(read_clusters(&meta, &packed.meta.1), Err(PackError::Kind { wanted: "clusters", .. })));
}

#[test]
fn outlets_kept_once_and_usual_file_names_left_out_read_back_the_same() {
    let mut c = corpus(7);
    for (i, a) in c.story.articles.iter_mut().enumerate() {
        a.outlet = [None, Some("Breitbart News"), Some("ARY News")][i % 3].map(String::from);
        a.file = if i == 4 { "elsewhere/odd name.txt".into() } else { format!("articles/{}.txt", a.id) };
    }
    let packed = pack(&c, 3).unwrap();
    let meta = read_meta(&packed.meta.0, &packed.meta.1).unwrap();
    assert_eq!(meta.outlets, ["ARY News", "Breitbart News"]);
    let cards = read_catalog(&meta.catalog[0], &packed.catalog[0].1).unwrap();
    assert_eq!(cards.cards.iter().filter(|k| !k.file.is_empty()).count(), 1, "only the unusual name is written");
    assert_eq!(round_trip(&c, 3), Ok(c.clone()));
    assert_eq!(
        outline(&meta).unwrap().story.articles,
        c.story
            .articles
            .iter()
            .map(|a| Article { outlet: a.outlet.clone(), date: a.date, ..Article::default() })
            .collect::<Vec<_>>()
    );
    let mut bad = meta.clone();
    bad.outlet_of[1] = 9;
    assert!(matches!(outline(&bad), Err(PackError::Mismatch(_))));
}

#[test]
fn files_in_memory_read_back_by_name_and_a_missing_one_is_named() {
    let c = corpus(9);
    let packed = pack(&c, 4).unwrap();
    let mut files: Vec<(String, Vec<u8>)> = packed.bundles.iter().rev().cloned().collect();
    files.push(packed.clusters.clone());
    files.extend(packed.catalog.iter().cloned());
    assert_eq!(unpack_files((&packed.meta.0, &packed.meta.1), &files), Ok(c));
    files.remove(0);
    let err = unpack_files((&packed.meta.0, &packed.meta.1), &files).unwrap_err();
    assert!(err.to_string().contains(&packed.bundles.last().unwrap().0), "{err}");
}
