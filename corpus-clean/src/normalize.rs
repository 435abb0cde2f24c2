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
    let mut log = EditLog::default();
    for (start, first, end) in segments(text) {
        // Bytes of one character are all >= 0x80, so `end` is a boundary.
        let seg = &text[start..end];
        if !quick_yes(text, start, first, end, form) {
            let normalized: String = match form {
                Normalization::Nfc => seg.nfc().collect(),
                Normalization::Nfkc => seg.nfkc().collect(),
            };
            if normalized != seg {
                log.push(EditKind::Normalization, start, end, &normalized);
            }
        }
    }
    log.edits
}

/// Whether the segment `seg` (a run of non-ASCII characters with the ASCII
/// character before it, if any) passes the quick check of `form`; for NFC
/// [`normalize`] first accepts the characters of [`nfc_plain`] on their own.
pub(crate) fn quick_check_segment(seg: &str, form: Normalization) -> bool {
    let quick = match form {
        Normalization::Nfc => is_nfc_quick(seg.chars()),
        Normalization::Nfkc => is_nfkc_quick(seg.chars()),
    };
    quick == IsNormalized::Yes
}

/// Latin-1 Supplement, Latin Extended-A and -B, and the dashes, quotes and
/// ellipsis of General Punctuation: starters that NFC keeps whatever comes
/// before them.
#[inline]
pub(crate) fn nfc_plain(c: char) -> bool {
    matches!(c, '\u{a0}'..='\u{24f}' | '\u{2010}'..='\u{2027}')
}

/// The segments normalization cannot join: each run of non-ASCII
/// characters (`first..end`) with the ASCII character before it, if any
/// (from `start`).
fn segments(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let first = crate::scan::next_non_ascii(bytes, i);
        if first >= bytes.len() {
            return None;
        }
        // Include the ASCII character before, which may combine.
        let start = if first > i { first - 1 } else { first };
        let mut end = first;
        while end < bytes.len() && bytes[end] >= 0x80 {
            end += 1;
        }
        i = end;
        Some((start, first, end))
    })
}

/// Whether the segment `start..end` of `text`, non-ASCII from `first`, is
/// known to be normalized.
fn quick_yes(text: &str, start: usize, first: usize, end: usize, form: Normalization) -> bool {
    let (Some(run), Some(seg)) = (text.get(first..end), text.get(start..end)) else {
        return false;
    };
    // No table look-up for the common characters NFC keeps.
    (form == Normalization::Nfc && all_nfc_plain(run.as_bytes())) || quick_check_segment(seg, form)
}

/// Whether the UTF-8 bytes `run` are all characters of [`nfc_plain`],
/// read from their bytes without decoding.
#[inline]
fn all_nfc_plain(run: &[u8]) -> bool {
    let mut i = 0;
    while i < run.len() {
        let next = |k: usize| run.get(i + k).copied().unwrap_or(0);
        i += match run[i] {
            // U+00A0..U+00BF.
            0xC2 if next(1) >= 0xA0 => 2,
            // U+00C0..U+023F.
            0xC3..=0xC8 => 2,
            // U+0240..U+024F.
            0xC9 if next(1) <= 0x8F => 2,
            // U+2010..U+2027.
            0xE2 if next(1) == 0x80 && (0x90..=0xA7).contains(&next(2)) => 3,
            _ => return false,
        };
    }
    true
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
    fn plain_bytes_are_the_plain_characters() {
        let mut buf = [0u8; 4];
        for u in 0x80..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(all_nfc_plain(bytes), nfc_plain(c), "U+{u:04X}");
        }
        assert!(all_nfc_plain("é—“".as_bytes()));
        assert!(!all_nfc_plain("é€".as_bytes()));
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
