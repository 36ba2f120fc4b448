//! The `presslens` binary on the seed corpus and on broken copies of it.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// Runs the binary from the project root, where the default corpus is the seeds.
fn presslens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_presslens"))
        .args(args)
        .current_dir(seeds().parent().unwrap())
        .env_remove("PRESSLENS_CORPUS")
        .output()
        .expect("run presslens")
}

/// A copy of the seed corpus in a fresh temporary folder.
fn copy_of_seeds(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("presslens-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::copy(seeds().join("story.toml"), dir.join("story.toml")).unwrap();
    for e in std::fs::read_dir(seeds().join("articles")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join("articles").join(p.file_name().unwrap())).unwrap();
    }
    dir
}

/// Words of a text under the report normalization (case and punctuation ignored).
fn norm_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '’')
        .map(|w| w.trim_matches('.').replace('’', "'").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn check_on_the_seeds_prints_the_summary_and_exits_zero() {
    let out = presslens(&["check", "--corpus", seeds().to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("articles: 5 (1 undated)"), "{text}");
    assert!(text.contains("outlets:  4"), "{text}");
    assert!(text.contains("quoted"), "{text}");
    assert!(text.contains("CECOT mega-prison"), "{text}");
    assert!(text.contains("0 errors"), "{text}");
}

#[test]
fn check_on_a_broken_story_names_file_and_line_and_fails() {
    let dir = copy_of_seeds("broken");
    let toml = std::fs::read_to_string(dir.join("story.toml")).unwrap();
    let broken = toml.replacen("[[topic]]\nid    = \"fee\"", "[[topic]\nid    = \"fee\"", 1);
    assert_ne!(broken, toml);
    let line = broken.lines().position(|l| l == "[[topic]").unwrap() + 1;
    std::fs::write(dir.join("story.toml"), broken).unwrap();
    let out = presslens(&["check", "--corpus", dir.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("story.toml:{line}:")), "expected line {line}: {text}");
    // `quotes` refuses to report on a broken corpus, naming the same place.
    let out = presslens(&["quotes", "--corpus", dir.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("story.toml:{line}:")));
}

#[test]
fn corpus_can_be_chosen_by_environment_variable() {
    let dir = copy_of_seeds("env");
    std::fs::remove_file(dir.join("articles/004_979046fa02e13a40.txt")).unwrap();
    let out =
        Command::new(env!("CARGO_BIN_EXE_presslens")).arg("check").env("PRESSLENS_CORPUS", &dir).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // The manifest still names 004: that is an error, reported with its line.
    assert!(!out.status.success());
    assert!(text.contains("articles: 4 (0 undated)"), "{text}");
    assert!(text.contains("names a file that does not exist: articles/004_979046fa02e13a40.txt"), "{text}");
}

#[test]
fn json_export_follows_contract_v1() {
    let out = presslens(&["quotes", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["version"], 1);
    let sources = v["sources"].as_array().unwrap();
    let articles = v["articles"].as_array().unwrap();
    let matches = v["matches"].as_array().unwrap();
    assert_eq!(sources.len(), 1);
    assert_eq!(articles.len(), 5);
    assert!(matches.len() >= 15, "{}", matches.len());
    for s in sources {
        assert!(s["id"].is_string() && s["speaker"].is_string() && s["text"].is_string());
    }
    for a in articles {
        assert!(a["id"].is_string() && a["outlet"].is_string() && a["body"].is_string());
        assert!(a["date"].is_null() || a["date"].as_str().unwrap().len() == 10);
        assert!(!a["body"].as_str().unwrap().starts_with(" date "), "body excludes the date line");
    }
    assert!(articles.iter().any(|a| a["date"].is_null()), "004 stays undated");
    let body_of = |id: &str| articles.iter().find(|a| a["id"] == id).unwrap()["body"].as_str().unwrap();
    let text_of = |id: &str| sources.iter().find(|s| s["id"] == id).unwrap()["text"].as_str().unwrap();
    let mut equal_ops = 0;
    for m in matches {
        let kind = m["kind"].as_str().unwrap();
        assert!(["quoted", "unmarked", "paraphrase"].contains(&kind));
        let sim = m["similarity"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&sim));
        let body = body_of(m["article"].as_str().unwrap());
        let src = text_of(m["source"].as_str().unwrap());
        let span = |t: &str, a: &str, b: &str, o: &Value| -> String {
            let (s, e) = (o[a].as_u64().unwrap() as usize, o[b].as_u64().unwrap() as usize);
            assert!(s <= e && e <= t.len(), "{a}..{b} out of bounds");
            assert!(t.is_char_boundary(s) && t.is_char_boundary(e), "{a}..{b} not on a character boundary");
            t[s..e].to_string()
        };
        let whole_a = span(body, "article_start", "article_end", m);
        let whole_s = span(src, "source_start", "source_end", m);
        assert!(!whole_a.is_empty() && !whole_s.is_empty());
        let ops = m["ops"].as_array().unwrap();
        assert!(!ops.is_empty());
        for o in ops {
            let a = span(body, "article_start", "article_end", o);
            let s = span(src, "source_start", "source_end", o);
            match o["op"].as_str().unwrap() {
                "equal" => {
                    equal_ops += 1;
                    assert_eq!(norm_words(&a), norm_words(&s), "equal op differs: {a:?} vs {s:?}");
                }
                "insert" => assert!(s.is_empty() && !a.is_empty()),
                "delete" => assert!(a.is_empty() && !s.is_empty()),
                "replace" => {
                    assert!(!a.is_empty() && !s.is_empty() && norm_words(&a) != norm_words(&s))
                }
                other => panic!("unknown op {other}"),
            }
        }
    }
    assert!(equal_ops >= matches.len());
}

#[test]
fn csv_export_has_a_row_per_match() {
    let json: Value = serde_json::from_slice(&presslens(&["quotes", "--json"]).stdout).unwrap();
    let out = presslens(&["export", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("article,outlet,date,source,kind,"));
    let rows = text.split("\r\n").filter(|l| !l.is_empty()).count() - 1;
    // Rows may hold line breaks inside quoted fields, so count records by their first field.
    let records = text.matches("\r\n0").count();
    assert_eq!(records, json["matches"].as_array().unwrap().len());
    assert!(rows >= records);
}

#[test]
fn human_report_shows_kept_dropped_changed_and_absent() {
    let out = presslens(&["quotes"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "plain when not a terminal");
    assert!(text.contains("[-U.S-]{+US+}"), "003's change is shown");
    assert!(text.contains("sentence 2: absent"), "003 leaves out sentence 2");
    assert!(text.contains("{+Nayib Bukele (@nayibbukele) February 4, 2025+}"), "004's author line is an insertion");
}
