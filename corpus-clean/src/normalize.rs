//! Unicode normalization (NFC, or NFKC when asked).
//!
//! The text is cut into segments that normalization cannot join: each run
//! of non-ASCII characters with the ASCII character before it. A segment
//! that passes the quick check is left alone; the others are normalized and
//! compared, so ASCII text costs one scan.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfkc_quick};

use crate::edit::{Edit, EditKind, EditLog};

/// The normalization form applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Normalization {
    /// Canonical composition (the default): `e` + U+0301 becomes `é`.
    #[default]
    Nfc,
    /// Compatibility composition: also folds ligatures (`ﬁ` → `fi`),
    /// full-width forms and superscripts.
    Nfkc,
}

/// Edits normalizing `text`.
pub(crate) fn normalize(text: &str, form: Normalization) -> Vec<Edit> {
    let bytes = text.as_bytes();
    let mut log = EditLog::default();
    let mut i = 0;
    loop {
        let first = crate::scan::next_non_ascii(bytes, i);
        if first >= bytes.len() {
            break;
        }
        // Include the ASCII character before, which may combine.
        let start = if first > i { first - 1 } else { first };
        let mut end = first;
        while end < bytes.len() && bytes[end] >= 0x80 {
            end += 1;
        }
        // Bytes of one character are all >= 0x80, so `end` is a boundary.
        let seg = &text[start..end];
        let quick = match form {
            // Latin-1 Supplement, Latin Extended-A and -B, and the dashes,
            // quotes and ellipsis of General Punctuation are all starters
            // that NFC keeps: no table look-up for them.
            Normalization::Nfc
                if text[first..end]
                    .chars()
                    .all(|c| matches!(c, '\u{a0}'..='\u{24f}' | '\u{2010}'..='\u{2027}')) =>
            {
                IsNormalized::Yes
            }
            Normalization::Nfc => is_nfc_quick(seg.chars()),
            Normalization::Nfkc => is_nfkc_quick(seg.chars()),
        };
        if quick != IsNormalized::Yes {
            let normalized: String = match form {
                Normalization::Nfc => seg.nfc().collect(),
                Normalization::Nfkc => seg.nfkc().collect(),
            };
            if normalized != seg {
                log.push(EditKind::Normalization, start, end, &normalized);
            }
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
    fn composes_decomposed_accents() {
        let t = "Cafe\u{301} in Zu\u{308}rich";
        let e = normalize(t, Normalization::Nfc);
        assert_eq!(apply_edits(t, &e), "Café in Zürich");
        assert_eq!(e.len(), 2);
        assert!(normalize("Café", Normalization::Nfc).is_empty());
    }

    #[test]
    fn common_characters_are_kept_and_marks_still_compose() {
        assert!(normalize("naïve “café” — Łódź…", Normalization::Nfc).is_empty());
        let t = "Å\u{30a} ’e\u{301}";
        assert_eq!(
            apply_edits(t, &normalize(t, Normalization::Nfc)),
            "Å\u{30a} ’é"
        );
        let t = "a\u{2000}b";
        assert_eq!(
            apply_edits(t, &normalize(t, Normalization::Nfc)),
            "a\u{2002}b"
        );
    }

    #[test]
    fn nfkc_folds_compatibility_forms() {
        let t = "signiﬁcant ＡＢＣ";
        assert_eq!(
            apply_edits(t, &normalize(t, Normalization::Nfkc)),
            "significant ABC"
        );
        assert!(normalize(t, Normalization::Nfc).is_empty());
    }
}
