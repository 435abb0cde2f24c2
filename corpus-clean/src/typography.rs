//! Typography folded to ASCII (off by default): curly single quotes and
//! primes to `'`, curly double quotes to `"`, hyphens and dashes (U+2010 to
//! U+2015, minus sign U+2212) to `-`, the ellipsis to `...`.

use crate::edit::{Edit, EditKind, EditLog};

#[inline]
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// Edits folding the typography of `text`.
pub(crate) fn fold_typography(text: &str) -> Vec<Edit> {
    let bytes = text.as_bytes();
    let mut log = EditLog::default();
    let mut i = 0;
    // All folded characters are encoded with lead byte 0xE2.
    while let Some(off) = memchr::memchr(0xE2, &bytes[i..]) {
        let at = i + off;
        let Some(c) = text.get(at..).and_then(|s| s.chars().next()) else {
            i = at + 1;
            continue;
        };
        let end = at + c.len_utf8();
        if let Some(r) = fold(c) {
            log.push(EditKind::Typography, at, end, r);
        }
        i = end;
    }
    log.edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;

    #[test]
    fn folds_quotes_dashes_ellipsis() {
        let t = "“Vital targets” – Qatar’s view…";
        assert_eq!(
            apply_edits(t, &fold_typography(t)),
            "\"Vital targets\" - Qatar's view..."
        );
        assert!(fold_typography("plain -- text").is_empty());
    }
}
