//! `presslens synth`: a synthetic story corpus for benchmarks and scale tests, reproducible from a
//! seed. N articles from about 200 outlets over about 30 days, a three-sentence primary source, and
//! every quoting style the engine handles: exact quotes (curly, straight, split by an attribution,
//! dash-inserted), fragments inside paraphrase, unmarked embedded copies cut off with "…",
//! paraphrase, other speakers whose remarks recur in several wordings, and undated articles.

use std::fmt::Write as _;
use std::path::Path;

/// A small, fast, reproducible random number generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SPEAKER: &str = "Ana Torres";
const SOURCE: [&str; 3] = [
    "We have decided to close the Riverside bridge to all traffic for eighteen months starting in March.",
    "The engineers found corrosion in the main cables that we cannot repair while cars are crossing (including the night buses).",
    "The closure will be hard for commuters but necessary for safety, and the city will pay for free ferries during the works.",
];
const OTHERS: [(&str, &str); 4] = [
    ("Luis Ortega", "This is the most reckless and irresponsible decision this council has made in a decade"),
    ("Maria Chen", "Small businesses on the east bank will not survive eighteen months without customers"),
    ("Tom Becker", "We warned the city about those cables three years ago and nobody listened"),
    ("Priya Nair", "The ferries are a good start but they cannot carry forty thousand people a day"),
];
const SUBJECTS: &[&str] = &[
    "Commuters",
    "Local shop owners",
    "The transport union",
    "Residents of the east bank",
    "Council members",
    "Engineers",
    "Cycling groups",
    "The chamber of commerce",
    "Parents",
    "Taxi drivers",
    "Hospital staff",
    "Students",
    "The opposition",
    "Ferry operators",
    "Delivery companies",
];
const VERBS: &[&str] = &[
    "questioned",
    "welcomed",
    "criticised",
    "discussed",
    "studied",
    "debated",
    "challenged",
    "praised",
    "examined",
    "doubted",
];
const OBJECTS: &[&str] = &[
    "the closure",
    "the ferry plan",
    "the cost of the repairs",
    "the eighteen-month timetable",
    "the inspection report",
    "the traffic diversions",
    "the budget for the works",
    "the safety warnings",
    "the night bus routes",
    "the new cable contract",
];
const TAILS: &[&str] = &[
    "at a packed meeting on Tuesday",
    "in letters to the local paper",
    "during a radio interview",
    "outside city hall",
    "in a statement",
    "on social media",
    "at the weekly market",
    "before the council vote",
    "in a public hearing that ran past midnight",
    "with visible frustration",
];
const TOPICS: [(&str, &str, &[&str]); 8] = [
    ("bridge", "The bridge", &["Riverside bridge", "bridge", "cables", "corrosion"]),
    ("traffic", "Traffic and commuting", &["traffic", "commuters", "diversions", "night buses", "night bus routes"]),
    ("ferries", "Ferries", &["ferry", "ferries", "ferry operators"]),
    ("safety", "Safety", &["safety", "inspection report", "safety warnings"]),
    ("cost", "Cost", &["cost", "budget", "pay", "contract"]),
    ("business", "Business", &["shop owners", "small businesses", "chamber of commerce", "customers"]),
    ("politics", "Politics", &["council", "opposition", "council vote", "city hall"]),
    ("timeline", "Timeline", &["eighteen months", "March", "timetable"]),
];

/// Writes a corpus of `articles` articles into `out` (story.toml + articles/).
pub fn write(out: &Path, articles: usize, seed: u64) -> std::io::Result<u64> {
    let mut rng = Rng(seed ^ 0x5eed);
    std::fs::create_dir_all(out.join("articles"))?;
    let outlets: Vec<String> = (0..200).map(|i| outlet_name(&mut rng, i)).collect();
    let mut manifest = String::new();
    let _ = writeln!(manifest, "title = \"Riverside bridge closure (synthetic, seed {seed})\"");
    let _ = writeln!(
        manifest,
        "summary = \"A generated story for benchmarks: {articles} articles about a city closing a bridge.\"\n"
    );
    let _ = writeln!(manifest, "[[source]]\nid = \"torres-statement\"\nspeaker = \"{SPEAKER}\"\nwhere = \"City hall statement\"\ndate = \"2025-03-01\"\naliases = [\"Mayor Torres\", \"the mayor\", \"Torres\"]\ntext = \"\"\"\n{}\n\"\"\"\n", SOURCE.join("\n\n"));
    for (name, _) in OTHERS {
        let last = name.split(' ').next_back().unwrap_or(name);
        let _ = writeln!(manifest, "[[speaker]]\nname = \"{name}\"\naliases = [\"{last}\"]\n");
    }
    for (id, label, terms) in TOPICS {
        let terms: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
        let _ = writeln!(manifest, "[[topic]]\nid = \"{id}\"\nlabel = \"{label}\"\nterms = [{}]\n", terms.join(", "));
    }
    let mut bytes = 0u64;
    for i in 0..articles {
        let id = format!("{i:06}_{:08x}", rng.next() as u32);
        let outlet = &outlets[rng.below(outlets.len())];
        let day = 1 + rng.below(30);
        let dated = !rng.chance(0.03);
        let body = article(&mut rng);
        let text = if dated { format!(" date 2025-03-{day:02} {body}") } else { body };
        bytes += text.len() as u64;
        std::fs::write(out.join("articles").join(format!("{id}.txt")), text)?;
        let _ = writeln!(manifest, "[article.{id}]\noutlet = \"{outlet}\"\nheadline = \"{}\"", headline(&mut rng));
        if dated && rng.chance(0.5) {
            let _ = writeln!(manifest, "date = \"2025-03-{day:02}\"");
        }
        if rng.chance(0.15) {
            let _ = writeln!(manifest, "via = \"{}\"", rng.pick(&["AFP", "Reuters", "AP"]));
        }
        manifest.push('\n');
    }
    std::fs::write(out.join("story.toml"), manifest)?;
    Ok(bytes)
}

fn outlet_name(rng: &mut Rng, i: usize) -> String {
    let towns = ["Riverside", "Eastbank", "Northgate", "Millbrook", "Harbor", "Westfield", "Lakeview", "Oakdale"];
    let kinds = ["Gazette", "Herald", "Times", "Post", "Courier", "Daily", "Observer", "Radio", "News", "Tribune"];
    format!("{} {} {}", rng.pick(&towns), rng.pick(&kinds), i + 1)
}

fn headline(rng: &mut Rng) -> String {
    let h = [
        "Bridge to close for eighteen months",
        "Mayor announces Riverside bridge closure",
        "Free ferries promised as bridge shuts",
        "Corroded cables force bridge closure",
        "Businesses fear bridge shutdown",
    ];
    rng.pick(&h).to_string()
}

fn filler(rng: &mut Rng) -> String {
    let mut p = String::new();
    for _ in 0..1 + rng.below(3) {
        let _ = write!(p, "{} {} {} {}. ", rng.pick(SUBJECTS), rng.pick(VERBS), rng.pick(OBJECTS), rng.pick(TAILS));
    }
    p.trim_end().to_string()
}

/// One article body: lead, filler, and quotations of the source and of others in varied styles.
fn article(rng: &mut Rng) -> String {
    let mut paras = vec![format!(
        "The city will close the Riverside bridge, Mayor {SPEAKER} said, in a decision that {} {}.",
        rng.pick(VERBS),
        rng.pick(OBJECTS)
    )];
    let n = 6 + rng.below(14);
    for _ in 0..n {
        let p = match rng.below(12) {
            0 => format!("“{},” the mayor said.", trim_stop(SOURCE[rng.below(3)])),
            1 => format!("\"{},\" Torres wrote in a statement. \"{}\"", trim_stop(SOURCE[0]), SOURCE[1]),
            2 => format!("“{} - Mayor Torres explained - {}”", trim_stop(SOURCE[1]), SOURCE[2]),
            3 => format!("Torres said the closure would be “hard for commuters” but “necessary for safety,” and promised {}.", rng.pick(OBJECTS)),
            4 => format!("Here is the statement:\n{}\n— {SPEAKER} (@mayortorres) March 1, 2025\n{}\n{}…", SOURCE[0], SOURCE[1], cut(SOURCE[2], 5)),
            5 => "The mayor said the engineers had found corrosion in the main cables that could not be repaired while cars were crossing.".to_string(),
            6 | 7 => {
                let (who, text) = OTHERS[rng.below(OTHERS.len())];
                format!("“{},” {who} said.", variant(rng, text))
            }
            _ => filler(rng),
        };
        paras.push(p);
    }
    paras.join("\n")
}

fn trim_stop(s: &str) -> &str {
    s.trim_end_matches('.')
}

fn cut(s: &str, words: usize) -> String {
    s.split(' ').take(words).collect::<Vec<_>>().join(" ")
}

/// A wording of a remark: as said, with a word repeated, or with a word dropped.
fn variant(rng: &mut Rng, text: &str) -> String {
    let mut words: Vec<&str> = text.split(' ').collect();
    match rng.below(4) {
        0 if words.len() > 4 => {
            let i = 1 + rng.below(words.len() - 2);
            let w = words[i];
            words.insert(i, w);
        }
        1 if words.len() > 4 => {
            words.remove(1 + rng.below(words.len() - 2));
        }
        _ => {}
    }
    words.join(" ")
}
