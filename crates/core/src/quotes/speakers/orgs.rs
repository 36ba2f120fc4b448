//! Organisations an article names, and which one a cue's noun phrase names when an organisation
//! speaks in its own name ("The Met Office said", "Conagua said", "the ministry said", "it said").
//! An organisation is a run of capitalised words with an organisation's head word ("Environment
//! Agency", "Ministry of the Environment", "Laurentian Rail"), or a run the article calls one: after
//! a kind noun ("the refugee agency UNHCR") or before an appositive naming its kind ("Nordhaven
//! Capital, a London-based research firm,"). It is named by the fullest name the article gives it:
//! "Nimbus" is "Nimbus Cloud", an acronym in brackets after a name ("the National Water Commission
//! (Conagua)") is that name. "The company", "the ministry", "the firm" refer back to the last
//! organisation of that kind named before, as a role does for a person. People are not found here.

use super::{is_title_or_role, Names, Word};

/// Capitalised words that end (or, before "of", head) an organisation's name.
const HEADS: &[&str] = &[
    "administration",
    "agency",
    "alliance",
    "association",
    "authority",
    "board",
    "commission",
    "committee",
    "council",
    "department",
    "federation",
    "foundation",
    "institute",
    "ministry",
    "office",
    "organisation",
    "organization",
    "police",
    "service",
    "services",
    "trust",
    "union",
    "university",
];

/// Head words of a company's name; such an organisation is also "the company" and "the firm".
const COMPANY_HEADS: &[&str] = &[
    "aerospace",
    "airlines",
    "airways",
    "bank",
    "capital",
    "cloud",
    "corp",
    "corporation",
    "energy",
    "foods",
    "group",
    "holdings",
    "inc",
    "industries",
    "lines",
    "logistics",
    "ltd",
    "motors",
    "networks",
    "partners",
    "pharmaceuticals",
    "plc",
    "rail",
    "railway",
    "railways",
    "systems",
    "technologies",
];

/// Head words of a sports club's name ("Stockbridge Town", "Ashby Rovers"); such an organisation
/// is also "the club".
const CLUB_HEADS: &[&str] = &["albion", "athletic", "fc", "rovers", "town", "united", "wanderers"];

/// Words that describe an organisation before its name, capitalised when they open a sentence.
const DESCRIBING: &[&str] = &["embattled", "fellow", "former", "rival", "struggling", "troubled"];

/// Public bodies news copy calls "the agency" whatever their name ends with.
const PUBLIC_HEADS: &[&str] =
    &["administration", "authority", "board", "commission", "department", "office", "service"];

/// Lowercase nouns that say what kind of organisation a phrase names ("the company", "the agency").
const KINDS: &[&str] = &[
    "agency",
    "airline",
    "alliance",
    "association",
    "authority",
    "bank",
    "board",
    "carrier",
    "charity",
    "club",
    "commission",
    "company",
    "council",
    "department",
    "firm",
    "group",
    "insurer",
    "lender",
    "ministry",
    "office",
    "operator",
    "organisation",
    "organization",
    "regulator",
    "retailer",
    "trust",
    "union",
    "university",
];

/// One mention of an organisation: where, its name as printed, an acronym given in brackets, and
/// the kind nouns that refer back to it.
pub(super) struct Org {
    at: usize,
    name: String,
    acronym: Option<String>,
    kinds: Vec<String>,
}

/// The capitalised run starting at word `i`: its end (exclusive). Lowercase "of", "the", "and",
/// "for" stay inside when a capitalised word follows; a possessive ends it unless an organisation's
/// head follows ("District Attorney's Office").
fn run_end(body: &str, words: &[Word], i: usize) -> usize {
    let mut j = i + 1;
    while let Some(w) = words.get(j) {
        let prev = &words[j - 1];
        // "Supporters' Trust": a plural possessive inside the name.
        let gap = body.get(prev.at + prev.text.len()..w.at).unwrap_or("");
        let plural_possessive = prev.lower.ends_with('s') && matches!(gap, "' " | "’ ") && w.capital;
        // A title after the name starts a person's name ("… Natural Resources Director Ann Lee"),
        // unless the capitalised words after it end in a head ("Department of State Health Services").
        if !(w.joined || plural_possessive)
            || (is_title_or_role(&w.lower) && !w.possessive && !heads_after(words, j))
            || (prev.possessive && !HEADS.contains(&w.lower.as_str()))
        {
            break;
        }
        let link = matches!(w.lower.as_str(), "of" | "the" | "and" | "for")
            && words.get(j + 1).is_some_and(|n| n.joined && (n.capital || n.lower == "the"));
        if !(w.capital || link) {
            break;
        }
        j += 1;
    }
    while j > i + 1 && !words[j - 1].capital {
        j -= 1;
    }
    j
}

/// Do the joined capitalised words after the title at `j` end in an organisation's head word?
fn heads_after(words: &[Word], j: usize) -> bool {
    let run = words[j + 1..].iter().take_while(|w| w.joined && w.capital && !w.possessive).last();
    run.is_some_and(|w| HEADS.contains(&w.lower.as_str()))
}

/// Every organisation the article names, in order.
pub(super) fn org_mentions(body: &str, words: &[Word]) -> Vec<Org> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].capital {
            i += 1;
            continue;
        }
        // "The …", or a describing word that opens a sentence ("Rival Ceres Aerospace said").
        let start = if words[i].lower == "the" || DESCRIBING.contains(&words[i].lower.as_str()) { i + 1 } else { i };
        let end = run_end(body, words, i).max(start);
        if start >= end {
            i += 1;
            continue;
        }
        let run = &words[start..end];
        let mut kinds: Vec<String> = Vec::new();
        for w in run.iter().filter(|w| w.capital) {
            if HEADS.contains(&w.lower.as_str()) || KINDS.contains(&w.lower.as_str()) {
                kinds.push(w.lower.clone());
            }
            if PUBLIC_HEADS.contains(&w.lower.as_str()) {
                kinds.push("agency".into());
            }
            if CLUB_HEADS.contains(&w.lower.as_str()) && run.len() > 1 {
                kinds.push("club".into());
            }
            if COMPANY_HEADS.contains(&w.lower.as_str()) {
                kinds.extend(["company".into(), "firm".into(), w.lower.trim_end_matches('s').to_string()]);
            }
        }
        // "the refugee agency UNHCR", "research firm Nordhaven Capital"
        if let Some(k) = start.checked_sub(1).map(|k| &words[k]).filter(|k| !k.capital && run[0].joined) {
            if KINDS.contains(&k.lower.as_str()) {
                kinds.push(k.lower.clone());
            }
        }
        kinds.extend(appositive_kind(body, words, end));
        if !kinds.is_empty() && !run.last().is_some_and(|w| w.possessive && !HEADS.contains(&w.lower.as_str())) {
            let (from, to) = (run[0].at, run[run.len() - 1].at + run[run.len() - 1].text.len());
            let name = body[from..to].trim_end_matches("’s").trim_end_matches("'s").to_string();
            out.push(Org { at: from, name, acronym: acronym_after(body, to), kinds });
        }
        i = end;
    }
    out
}

/// ", a London-based research firm," after a run: the kind noun of a short appositive.
fn appositive_kind(body: &str, words: &[Word], end: usize) -> Option<String> {
    words.get(end).filter(|w| w.comma && matches!(w.lower.as_str(), "a" | "an" | "the"))?;
    let mut k = end + 1;
    while let Some(w) = words.get(k).filter(|w| k - end <= 5 && (k == end + 1 || !w.comma)) {
        if KINDS.contains(&w.lower.as_str()) {
            let tail = body.get(w.at + w.text.len()..).unwrap_or("");
            if tail.starts_with([',', '.', ';']) {
                return Some(w.lower.clone());
            }
        }
        k += 1;
    }
    None
}

/// "(Conagua)" right after a name: the acronym or short name the article will use.
fn acronym_after(body: &str, end: usize) -> Option<String> {
    let rest = body.get(end..)?.trim_start().strip_prefix('(')?;
    let inner = &rest[..rest.find(')')?];
    let one_word = !inner.is_empty() && inner.chars().all(char::is_alphanumeric);
    (one_word && inner.starts_with(char::is_uppercase)).then(|| inner.to_lowercase())
}

impl Names<'_> {
    /// The organisation the noun phrase `np` at byte `at` names, by the fullest name the article
    /// gives it: its name, its acronym or the opening words of its name ("Nimbus"), a kind noun
    /// ("the company", "the club's statement") or "it" for the last such organisation named before.
    pub(in crate::quotes) fn organisation(&self, np: &str, at: usize) -> Option<String> {
        let words = super::words_of(np);
        let lowers: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
        let last_of_kind = |kind: &str| {
            let o =
                self.orgs.iter().rev().find(|o| o.at < at && (kind.is_empty() || o.kinds.iter().any(|k| k == kind)))?;
            self.fullest(&super::words_of(&o.name).into_iter().map(|w| w.lower).collect::<Vec<_>>())
        };
        match lowers.as_slice() {
            ["it"] => return last_of_kind(""),
            ["the", .., kind] if KINDS.contains(kind) && !words.last()?.capital => return last_of_kind(kind),
            ["the", kind, "statement"] if KINDS.contains(kind) && words[1].possessive => return last_of_kind(kind),
            _ => {}
        }
        // A capitalised name, perhaps after "the" and lowercase modifiers ("the provincial
        // Ministry of the Environment"); not a person's surname the article gave in full.
        let first = words.iter().position(|w| w.capital && w.lower != "the")?;
        let name: Vec<String> = lowers[first..].iter().map(|s| s.to_string()).collect();
        let surname = name.len() == 1 && self.full_name(&name[0]).is_some();
        if surname
            || words[first..].iter().any(|w| !w.capital && !matches!(w.lower.as_str(), "of" | "the" | "and" | "for"))
        {
            return None;
        }
        self.fullest(&name)
    }

    /// The longest name of an organisation the article names that opens with these (lowercase)
    /// words, or whose acronym they are.
    fn fullest(&self, name: &[String]) -> Option<String> {
        let named = |o: &&Org| {
            let theirs: Vec<String> = super::words_of(&o.name).into_iter().map(|w| w.lower).collect();
            theirs.starts_with(name) || o.acronym.as_deref() == Some(name.join(" ").as_str())
        };
        let found = self.orgs.iter().filter(named);
        found.rev().max_by_key(|o| o.name.split_whitespace().count()).map(|o| o.name.clone())
    }
}
