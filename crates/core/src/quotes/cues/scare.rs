//! Scare quotes and names in quote marks: words a sentence puts in quote marks that nobody is
//! reported as saying. "the so-called “Bukele model”", "are often called “sea dragons”", "The
//! storm has been described as a ‘weather bomb’", "Once hailed as “the future of protein”": the
//! naming verb is passive (or a participle opening the sentence), so no one speaks. "what he
//! called “a chance”" and "was described by Amnesty as “a black hole”" have their speaker and are
//! not scare quotes.

/// Verbs that name something, as they stand right before the quote or before its "as".
const NAMING: &[&str] = &["called", "dubbed", "termed", "labelled", "labeled", "branded", "nicknamed", "billed"];
const NAMING_AS: &[&str] = &["described", "hailed", "known", "touted", "billed", "branded", "labelled", "labeled"];
const AUXILIARIES: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
const ADVERBS: &[&str] = &["often", "sometimes", "also", "once", "now", "still", "even", "long", "widely", "commonly"];

/// Do the words right before a quotation (`before`, the text from its sentence or clause start up
/// to the opening mark) make it a scare quote?
pub(super) fn is_scare(before: &str) -> bool {
    let lower = before.to_lowercase();
    // The last clause only: "the prison, widely known as" is a participle opening its clause.
    let clause = lower.trim_end().trim_end_matches([',', ';', ':']);
    let clause = clause.rsplit([',', ';', ':', '(', '—', '–']).next().unwrap_or("");
    let mut words: Vec<&str> = clause.split_whitespace().collect();
    if words.last().is_some_and(|w| matches!(*w, "a" | "an" | "the")) {
        words.pop();
    }
    let Some(&last) = words.last() else { return false };
    if last == "so-called" {
        return true;
    }
    let verb_at = if NAMING.contains(&last) {
        words.len() - 1
    } else if last == "as" && words.len() >= 2 && NAMING_AS.contains(&words[words.len() - 2]) {
        words.len() - 2
    } else {
        return false;
    };
    let mut k = verb_at;
    while k > 0 && (ADVERBS.contains(&words[k - 1]) || (words[k - 1].ends_with("ly") && words[k - 1].len() > 4)) {
        k -= 1;
    }
    // A participle opening its clause ("Once hailed as", ", widely known as"), or a passive ("has
    // been described as").
    k == 0 || AUXILIARIES.contains(&words[k - 1])
}

#[cfg(test)]
mod tests {
    use super::is_scare;

    #[test]
    fn passive_and_so_called_namings_are_scare_quotes() {
        for before in [
            "Plesiosaurs, the group to which Lusonectes belongs, are often called ",
            "Once hailed as ",
            "The storm has been described as a ",
            "Admirers of the so-called ",
            "the prison, widely known as ",
        ] {
            assert!(is_scare(before), "{before}");
        }
    }

    #[test]
    fn a_naming_with_its_speaker_is_a_quotation() {
        for before in [
            "The president had offered Washington what he called ",
            "Rubio called the proposal ",
            "The prison was described by Amnesty as ",
            "Rubio hailed the offer as ",
            "Bukele said the fee would be ",
        ] {
            assert!(!is_scare(before), "{before}");
        }
    }
}
