//! Tokens with byte offsets, and the normalizations under which two tokens count as the same.
//!
//! Words follow Unicode word boundaries (UAX #29), so "U.S", "He’s" and "40,000" are single words;
//! punctuation is kept as tokens of its own so that a stricter comparison can see it; URLs such as
//! `pic.twitter.com/…` are one token that never matches. Normalization never rewrites the text: a
//! token's key is computed from the original bytes, and its span always points back into them.

use crate::model::Span;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct,
    Url,
}

/// A token: its kind and where it sits in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// Which differences a comparison ignores. The quote view's toggles map onto these fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Normalization {
    /// "We" = "we".
    pub ignore_case: bool,
    /// Commas, full stops, dashes and quote marks do not count.
    pub ignore_punctuation: bool,
    /// Curly and straight quote marks and apostrophes count as the same; dashes and ellipses too.
    pub fold_quotes: bool,
    /// Dotted abbreviations equal their undotted forms: "U.S." = "US".
    pub fold_abbreviations: bool,
}

impl Normalization {
    /// What exported ops use: case, punctuation and quote styles ignored, "US" for "U.S." a change.
    pub const REPORT: Normalization =
        Normalization { ignore_case: true, ignore_punctuation: true, fold_quotes: true, fold_abbreviations: false };
    /// What finding a quotation uses: every fold on.
    pub const LOOSE: Normalization =
        Normalization { ignore_case: true, ignore_punctuation: true, fold_quotes: true, fold_abbreviations: true };
    /// Nothing folded: the words exactly as printed.
    pub const STRICT: Normalization =
        Normalization { ignore_case: false, ignore_punctuation: false, fold_quotes: false, fold_abbreviations: false };
}

impl Default for Normalization {
    fn default() -> Self {
        Normalization::REPORT
    }
}

/// Splits `text` into tokens; whitespace is dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut offset = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let trimmed = chunk.trim_end();
        if let Some(url_len) = url_prefix_len(trimmed) {
            tokens.push(Token { kind: TokenKind::Url, span: Span::new(offset, offset + url_len) });
            push_words(&trimmed[url_len..], offset + url_len, &mut tokens);
        } else {
            push_words(trimmed, offset, &mut tokens);
        }
        offset += chunk.len();
    }
    tokens
}

/// Tokens of `span` in `text`, with offsets into `text`: the tokens the whole text has there.
/// Tokenizing is local to each run of non-space characters, but inside a run it depends on what
/// comes first (`www.x.org` is a URL, `-www.x.org` a dash and a word), so the runs the span cuts
/// are tokenized whole and only the tokens inside the span are kept. Any slice of a text thus
/// reads the same words as the text itself.
pub fn tokens_in(text: &str, span: Span) -> Vec<Token> {
    let (start, end) = (span.start as usize, span.end as usize);
    if text.get(start..end).is_none() {
        return Vec::new();
    }
    let from = text[..start].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..].find(char::is_whitespace).map_or(text.len(), |i| end + i);
    tokenize(&text[from..to])
        .into_iter()
        .map(|t| Token { kind: t.kind, span: Span::new(t.span.start as usize + from, t.span.end as usize + from) })
        .filter(|t| span.contains(t.span))
        .collect()
}

fn push_words(piece: &str, base: usize, tokens: &mut Vec<Token>) {
    // Quote marks, dashes and ellipses at the edges of a chunk are tokens of their own under
    // UAX #29 too; peeling them off lets “quoted,” words take the ASCII path.
    let edge = |c: char| matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '—' | '–' | '…');
    let inner = piece.trim_start_matches(edge);
    let lead = piece.len() - inner.len();
    let middle = inner.trim_end_matches(edge);
    if middle.is_ascii() && (lead > 0 || middle.len() < inner.len()) {
        for (i, c) in piece[..lead].char_indices() {
            tokens.push(Token { kind: TokenKind::Punct, span: Span::new(base + i, base + i + c.len_utf8()) });
        }
        push_ascii_words(middle.as_bytes(), base + lead, tokens);
        let tail = base + lead + middle.len();
        for (i, c) in inner[middle.len()..].char_indices() {
            tokens.push(Token { kind: TokenKind::Punct, span: Span::new(tail + i, tail + i + c.len_utf8()) });
        }
        return;
    }
    if piece.is_ascii() {
        push_ascii_words(piece.as_bytes(), base, tokens);
        return;
    }
    for (i, seg) in piece.split_word_bound_indices() {
        let kind = if seg.chars().any(char::is_alphanumeric) {
            TokenKind::Word
        } else if seg.chars().all(char::is_whitespace) {
            continue;
        } else {
            TokenKind::Punct
        };
        tokens.push(Token { kind, span: Span::new(base + i, base + i + seg.len()) });
    }
}

/// UAX #29 word boundaries for ASCII text without whitespace, written out for speed (most news text
/// is ASCII). Letters, digits and `_` join; `.` `'` `:` join two letters; `.` `'` `,` `;` join two
/// digits; every other character is a token of its own. A property test holds it equal to
/// `unicode-segmentation` on random ASCII.
fn push_ascii_words(b: &[u8], base: usize, tokens: &mut Vec<Token>) {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        if !word(b[i]) {
            tokens.push(Token { kind: TokenKind::Punct, span: Span::new(base + i, base + i + 1) });
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            while i < b.len() && word(b[i]) {
                i += 1;
            }
            let joins = i + 1 < b.len() && {
                let (prev, mid, next) = (b[i - 1], b[i], b[i + 1]);
                (prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() && matches!(mid, b'.' | b'\'' | b':'))
                    || (prev.is_ascii_digit() && next.is_ascii_digit() && matches!(mid, b'.' | b'\'' | b',' | b';'))
            };
            if !joins {
                break;
            }
            i += 1;
        }
        let kind = if b[start..i].iter().any(u8::is_ascii_alphanumeric) { TokenKind::Word } else { TokenKind::Punct };
        tokens.push(Token { kind, span: Span::new(base + start, base + i) });
    }
}

/// The length of a URL at the start of a whitespace-free chunk, without trailing punctuation.
fn url_prefix_len(chunk: &str) -> Option<usize> {
    if !chunk.contains('/') && !chunk.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("www.")) {
        return None;
    }
    let lower_starts = |p: &str| chunk.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    let looks_like_url = lower_starts("http://")
        || lower_starts("https://")
        || lower_starts("www.")
        || chunk.split_once('/').is_some_and(|(host, _)| {
            let labels: Vec<&str> = host.split('.').collect();
            labels.len() >= 2
                && labels.iter().all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                && labels.last().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
        });
    if !looks_like_url {
        return None;
    }
    let end = chunk.trim_end_matches(|c: char| ".,;:!?)]}”’\"'".contains(c)).len();
    (end > 0).then_some(end)
}

/// Writes the key of one token under `norm` into `out`; returns false when the token does not
/// count under `norm` (punctuation when ignored, URLs always).
pub fn write_key(token: &Token, text: &str, norm: Normalization, out: &mut String) -> bool {
    out.clear();
    let s = token.span.slice(text);
    match token.kind {
        TokenKind::Url => false,
        TokenKind::Punct if norm.ignore_punctuation => false,
        TokenKind::Punct => {
            for c in s.chars() {
                out.push(if norm.fold_quotes { fold_mark(c) } else { c });
            }
            true
        }
        TokenKind::Word if s.is_ascii() => {
            let dotted = norm.fold_abbreviations && is_dotted_abbreviation(s);
            for &c in s.as_bytes() {
                if !(dotted && c == b'.') {
                    out.push(if norm.ignore_case { c.to_ascii_lowercase() } else { c } as char);
                }
            }
            true
        }
        TokenKind::Word => {
            let dotted = norm.fold_abbreviations && is_dotted_abbreviation(s);
            for c in s.chars() {
                if dotted && c == '.' {
                    continue;
                }
                let c = if norm.fold_quotes { fold_mark(c) } else { c };
                if norm.ignore_case {
                    out.extend(c.to_lowercase());
                } else {
                    out.push(c);
                }
            }
            true
        }
    }
}

/// "U.S", "U.K", "e.g": single letters joined by full stops.
fn is_dotted_abbreviation(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        if part.is_empty() {
            continue;
        }
        if part.chars().count() != 1 {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

fn fold_mark(c: char) -> char {
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | 'ʼ' | '′' | '`' => '\'',
        '–' | '—' | '―' | '‒' | '−' => '-',
        '…' => '.',
        _ => c,
    }
}

/// A 64-bit key per token (FNV-1a over the normalized form); `None` for tokens that do not count.
pub fn keys(tokens: &[Token], text: &str, norm: Normalization) -> Vec<Option<u64>> {
    let mut buf = String::new();
    tokens.iter().map(|t| key(t, text, norm, &mut buf)).collect()
}

/// The key of one token: [`fnv1a`] of what [`write_key`] writes, hashed directly for ASCII words.
fn key(t: &Token, text: &str, norm: Normalization, buf: &mut String) -> Option<u64> {
    let s = t.span.slice(text);
    if t.kind == TokenKind::Word && s.is_ascii() {
        let dotted = norm.fold_abbreviations && is_dotted_abbreviation(s);
        let mut h: u64 = FNV_OFFSET;
        for &c in s.as_bytes() {
            if !(dotted && c == b'.') {
                h ^= u64::from(if norm.ignore_case { c.to_ascii_lowercase() } else { c });
                h = h.wrapping_mul(FNV_PRIME);
            }
        }
        return Some(h);
    }
    write_key(t, text, norm, buf).then(|| fnv1a(buf.as_bytes()))
}

/// The tokens that count under `norm`, with their keys, as two parallel vectors.
pub fn keyed(tokens: &[Token], text: &str, norm: Normalization) -> (Vec<usize>, Vec<u64>) {
    let mut idx = Vec::with_capacity(tokens.len());
    let mut out = Vec::with_capacity(tokens.len());
    let mut buf = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if let Some(k) = key(t, text, norm, &mut buf) {
            idx.push(i);
            out.push(k);
        }
    }
    (idx, out)
}

/// A hasher for keys that already are hashes ([`fnv1a`] output): it passes them through.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(bytes);
    }
    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

/// Maps and sets keyed by token keys.
pub type KeyMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;
pub type KeySet = std::collections::HashSet<u64, std::hash::BuildHasherDefault<KeyHasher>>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Normalized (loose) form of a whole phrase, words only, joined by single spaces.
pub fn normalize_phrase(text: &str) -> String {
    let mut out = String::new();
    let mut buf = String::new();
    for t in tokenize(text) {
        if t.kind == TokenKind::Word && write_key(&t, text, Normalization::LOOSE, &mut buf) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&buf);
        }
    }
    out
}

/// Sentences of `text` within `span`, trimmed of surrounding whitespace, empty ones dropped.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let piece = span.slice(text);
    let base = span.start as usize;
    let bounds: Vec<(usize, &str)> = match fast_sentence_starts(piece) {
        Some(starts) => starts
            .iter()
            .zip(starts.iter().skip(1).chain(std::iter::once(&piece.len())))
            .map(|(&a, &b)| (a, &piece[a..b]))
            .collect(),
        None => piece.split_sentence_bound_indices().collect(),
    };
    bounds
        .into_iter()
        .filter_map(|(i, s)| {
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            (!t.is_empty()).then(|| Span::new(base + i + lead, base + i + lead + t.len()))
        })
        .collect()
}

/// UAX #29 sentence classes of the characters the fast path knows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SentenceClass {
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    SContinue,
    Close,
    Other,
}

fn sentence_class(c: char) -> Option<SentenceClass> {
    use SentenceClass::*;
    Some(match c {
        ' ' | '\t' => Sp,
        'a'..='z' => Lower,
        'A'..='Z' => Upper,
        '0'..='9' => Numeric,
        '.' => ATerm,
        '!' | '?' => STerm,
        ',' | '-' | ':' | ';' | '–' | '—' => SContinue,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '“' | '”' | '‘' | '’' | '«' | '»' => Close,
        '#' | '$' | '%' | '&' | '*' | '+' | '/' | '<' | '=' | '>' | '@' | '\\' | '^' | '_' | '`' | '|' | '~' | '…' => {
            Other
        }
        _ => return None,
    })
}

/// Sentence starts (byte offsets) of a one-line text under the UAX #29 rules, for text made only of
/// the characters [`sentence_class`] knows (most news text); `None` sends the caller to
/// `unicode-segmentation`. A property test holds the two equal.
fn fast_sentence_starts(piece: &str) -> Option<Vec<usize>> {
    use SentenceClass::*;
    let chars: Vec<(usize, SentenceClass)> =
        piece.char_indices().map(|(i, c)| sentence_class(c).map(|k| (i, k))).collect::<Option<_>>()?;
    let class = |i: usize| chars.get(i).map(|c| c.1);
    let mut starts = if chars.is_empty() { Vec::new() } else { vec![0] };
    let mut i = 0;
    while i < chars.len() {
        let k = chars[i].1;
        if k != ATerm && k != STerm {
            i += 1;
            continue;
        }
        if k == ATerm {
            let next = class(i + 1);
            let prev = i.checked_sub(1).and_then(class);
            // SB6 "3.5", SB7 "U.S"
            if next == Some(Numeric) || (matches!(prev, Some(Upper | Lower)) && next == Some(Upper)) {
                i += 1;
                continue;
            }
        }
        let mut m = i + 1;
        while class(m) == Some(Close) {
            m += 1;
        }
        while class(m) == Some(Sp) {
            m += 1;
        }
        let Some(next) = class(m) else { break };
        // SB8a: a comma, a dash or another terminator continues the sentence.
        let continues = matches!(next, SContinue | ATerm | STerm)
            // SB8: after a full stop, a lowercase letter before any other letter or terminator.
            || (k == ATerm && {
                let mut j = m;
                while class(j).is_some_and(|c| !matches!(c, Upper | Lower | ATerm | STerm)) {
                    j += 1;
                }
                class(j) == Some(Lower)
            });
        if !continues {
            starts.push(chars[m].0);
        }
        i = m;
    }
    Some(starts)
}

/// Non-empty lines of a body, trimmed, as paragraphs: the corpus rule for articles.
pub fn paragraphs(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let t = line.trim();
        if !t.is_empty() {
            out.push(Span::new(offset + lead, offset + lead + t.len()));
        }
        offset += line.len();
    }
    out
}

/// Words so common that sharing them says nothing about quoting.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.binary_search(&lower).is_ok()
}

/// The stopword list, sorted.
pub const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into",
    "is", "it", "it's", "its", "may", "more", "most", "no", "not", "of", "on", "only", "or", "our", "out", "over",
    "she", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "up", "us", "very", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would",
    "you", "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_reads_the_words_the_whole_text_has() {
        // Whole, "-WWW.citizens)" is a dash and the word "WWW.citizens"; alone, "WWW.citizens"
        // would read as a URL, which counts as no word at all.
        let text = "convicted U.S. -WWW.citizens) into";
        let at = text.find("WWW").unwrap();
        let word = Span::new(at, at + "WWW.citizens".len());
        let inside = tokens_in(text, word);
        assert_eq!(inside.len(), 1);
        assert_eq!(inside[0].kind, TokenKind::Word);
        assert_eq!(inside[0].span, word);
        // A span that cuts a token keeps only the tokens wholly inside it.
        assert!(tokens_in(text, Span::new(at + 1, at + 5)).is_empty());
        assert!(tokens_in(text, Span::new(1, 0)).is_empty());
        let all = tokenize(text);
        assert_eq!(tokens_in(text, Span::new(0, text.len())), all);
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span.slice(text)).collect()
    }

    fn key(text: &str, norm: Normalization) -> Vec<Option<u64>> {
        keys(&tokenize(text), text, norm)
    }

    proptest::proptest! {
        #[test]
        fn edge_marks_fast_path_equals_unicode_segmentation(s in "[“”‘’—…]{0,2}[a-zA-Z0-9.,'’-]{0,12}[“”‘’—…,.]{0,2}") {
            let mut fast = Vec::new();
            push_words(&s, 0, &mut fast);
            let slow: Vec<&str> = s.split_word_bound_indices().map(|(_, w)| w).collect();
            let fast: Vec<&str> = fast.iter().map(|t| t.span.slice(&s)).collect();
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn fast_sentences_equal_unicode_segmentation(s in "([A-Za-z]{1,3}|[0-9]|[ .!?,;:“”‘’—–…\"'()-]){0,30}") {
            let fast = fast_sentence_starts(&s).expect("only known characters");
            let slow: Vec<usize> = s.split_sentence_bound_indices().map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn ascii_fast_path_equals_unicode_segmentation(s in "[a-zA-Z0-9_.,;:'\"()?!$%&*+/<=>@-]{0,24}") {
            let mut fast = Vec::new();
            push_ascii_words(s.as_bytes(), 0, &mut fast);
            let slow: Vec<&str> = s.split_word_bound_indices().map(|(_, w)| w).collect();
            let fast: Vec<&str> = fast.iter().map(|t| t.span.slice(&s)).collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn stopword_list_is_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && is_stopword("with") && is_stopword("it's") && !is_stopword("prison"));
    }

    #[test]
    fn abbreviations_and_contractions_are_one_word() {
        assert_eq!(words("the U.S. but He’s 40,000"), ["the", "U.S", "but", "He’s", "40,000"]);
    }

    #[test]
    fn us_folding_is_a_separate_switch() {
        let a = key("U.S.", Normalization::REPORT);
        let b = key("US", Normalization::REPORT);
        assert_ne!(a[0], b[0]);
        assert_eq!(key("U.S.", Normalization::LOOSE)[0], key("US", Normalization::LOOSE)[0]);
    }

    #[test]
    fn curly_and_straight_apostrophes_fold() {
        assert_eq!(key("He’s", Normalization::REPORT), key("he's", Normalization::REPORT));
        assert_ne!(key("He’s", Normalization::STRICT), key("He's", Normalization::STRICT));
    }

    #[test]
    fn urls_are_single_tokens_that_never_count() {
        let text = "for… pic.twitter.com/HTNwtp35Aq and https://x.com/a.";
        let toks = tokenize(text);
        let urls: Vec<_> = toks.iter().filter(|t| t.kind == TokenKind::Url).map(|t| t.span.slice(text)).collect();
        assert_eq!(urls, ["pic.twitter.com/HTNwtp35Aq", "https://x.com/a"]);
        assert!(keys(&toks, text, Normalization::STRICT)
            .iter()
            .zip(&toks)
            .all(|(k, t)| k.is_some() != (t.kind == TokenKind::Url)));
    }

    #[test]
    fn spans_point_back_into_the_original_bytes() {
        let text = "“We — are” willing…\n\nnext";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start as usize) && text.is_char_boundary(t.span.end as usize));
            assert!(!t.span.slice(text).trim().is_empty());
        }
    }

    #[test]
    fn sentences_do_not_break_after_us_before_lowercase() {
        let text = "The fee would be low for the U.S. but significant for us. Next one.";
        let s: Vec<_> = sentences(text, Span::new(0, text.len())).into_iter().map(|s| s.slice(text)).collect();
        assert_eq!(s, ["The fee would be low for the U.S. but significant for us.", "Next one."]);
    }
}
