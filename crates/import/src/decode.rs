//! Bytes to text: the encoding a saved page declares (byte order mark, `<meta charset>`,
//! `<meta http-equiv="Content-Type" content="…; charset=…">`), else UTF-8 when the bytes are valid
//! UTF-8, else windows-1252 (what browsers assume for legacy Western pages).
//!
//! It does not guess languages or sniff statistically; it never fails (undecodable bytes become
//! U+FFFD, and that is reported).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding, e.g. `"windows-1252"`.
    pub encoding: &'static str,
    /// Some bytes were not valid in that encoding and became U+FFFD.
    pub had_errors: bool,
}

/// How far into a page a `<meta charset>` is looked for (browsers use 1024 bytes; saved pages
/// often carry a long comment first, so a little more).
const PRESCAN: usize = 4096;

/// Decodes `bytes`; `html` says whether to look for a `<meta>` declaration.
pub fn decode(bytes: &[u8], html: bool) -> Decoded {
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (enc, len),
        None => {
            let declared = if html { declared_charset(&bytes[..bytes.len().min(PRESCAN)]) } else { None };
            let enc = declared.unwrap_or_else(|| if std::str::from_utf8(bytes).is_ok() { UTF_8 } else { WINDOWS_1252 });
            (enc, 0)
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[skip..]);
    Decoded { text: text.into_owned(), encoding: encoding.name(), had_errors }
}

/// The charset named by the first `<meta>` that names one, as browsers read it: UTF-16 labels in a
/// `<meta>` mean UTF-8 (the bytes were evidently ASCII-compatible), `x-user-defined` is ignored.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = charset_in(tag) {
            if let Some(enc) = Encoding::for_label(label) {
                return Some(if enc.name().starts_with("UTF-16") { UTF_8 } else { enc });
            }
        }
        from = end;
    }
    None
}

/// `charset=LABEL` inside a meta tag's attributes (either `charset="…"` or inside `content`).
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")?;
    let rest = &tag[at + 7..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let rest = rest.strip_prefix(b"=")?;
    let rest = trim_start(rest);
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let len = rest.iter().position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>')).unwrap_or(rest.len());
    (len > 0).then_some(&rest[..len])
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_windows_1252_is_honoured() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Pe\xf1a \x93hi\x94</p>";
        let d = decode(page, true);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Peña “hi”"), "{}", d.text);
    }

    #[test]
    fn http_equiv_iso_8859_1_reads_as_windows_1252() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xe9";
        let d = decode(page, true);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.ends_with("café"));
    }

    #[test]
    fn bom_wins_over_meta_and_is_removed() {
        let page = "\u{feff}<meta charset=\"windows-1252\"><p>Peña".as_bytes();
        let d = decode(page, true);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "<meta charset=\"windows-1252\"><p>Peña");
    }

    #[test]
    fn undeclared_invalid_utf8_falls_back_to_windows_1252() {
        let d = decode(b"<p>Pe\xf1a</p>", true);
        assert_eq!((d.encoding, d.text.as_str()), ("windows-1252", "<p>Peña</p>"));
    }
}
