//! From bytes to text: the UTF-8 BOM, strict and lossy decoding.

use std::borrow::Cow;

use crate::error::DecodeError;

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a file's bytes as UTF-8, dropping a leading BOM.
///
/// Spans of a document parsed from the result are offsets into the returned
/// text, that is, after the BOM.
///
/// # Errors
///
/// [`DecodeError`] with the offset of the first invalid byte, counted in
/// `bytes` as given (BOM included).
///
/// # Example
///
/// ```
/// use corpus_format::decode;
///
/// assert_eq!(decode(b"\xEF\xBB\xBFdate 2024-03-25 Text")?, "date 2024-03-25 Text");
/// let err = decode(b"ok \xFF").unwrap_err();
/// assert_eq!(err.offset, 3);
/// # Ok::<(), corpus_format::DecodeError>(())
/// ```
pub fn decode(bytes: &[u8]) -> Result<&str, DecodeError> {
    let skip = bom_len(bytes);
    // The vectorized check of simdutf8, with the standard library's error.
    simdutf8::compat::from_utf8(&bytes[skip..]).map_err(|e| DecodeError {
        offset: skip + e.valid_up_to(),
    })
}

/// The result of [`decode_lossy`]: the text, and how many bytes were replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lossy<'a> {
    /// The decoded text, with U+FFFD for each maximal invalid sequence.
    pub text: Cow<'a, str>,
    /// How many input bytes were not valid UTF-8 and were replaced.
    pub replaced_bytes: usize,
}

/// Decodes a file's bytes as UTF-8, replacing invalid sequences with U+FFFD.
///
/// The leading BOM is dropped. Never fails; borrows when the bytes are valid.
///
/// # Example
///
/// ```
/// use corpus_format::decode_lossy;
///
/// let lossy = decode_lossy(b"caf\xE9 ok");
/// assert_eq!(lossy.text, "caf\u{FFFD} ok");
/// assert_eq!(lossy.replaced_bytes, 1);
/// ```
#[must_use]
pub fn decode_lossy(bytes: &[u8]) -> Lossy<'_> {
    let bytes = &bytes[bom_len(bytes)..];
    let replaced_bytes = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    Lossy {
        text: String::from_utf8_lossy(bytes),
        replaced_bytes,
    }
}

fn bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with(BOM) { BOM.len() } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::any;

    #[test]
    fn bom_is_not_text() {
        assert_eq!(decode(b"\xEF\xBB\xBF").unwrap(), "");
        assert_eq!(decode(b"\xEF\xBB\xBFa").unwrap(), "a");
        // Only one BOM is dropped; a second is text.
        assert_eq!(decode(b"\xEF\xBB\xBF\xEF\xBB\xBFa").unwrap(), "\u{FEFF}a");
    }

    #[test]
    fn invalid_offsets_count_the_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFab\xC3").unwrap_err().offset, 5);
        assert_eq!(decode(b"\x80").unwrap_err().offset, 0);
        assert_eq!(decode(b"caf\xC3\xA9 \xE2\x82").unwrap_err().offset, 6);
    }

    proptest::proptest! {
        /// Long texts (past the vectorized blocks) with a few bad bytes
        /// anywhere: the same text or error offset as the standard library.
        #[test]
        fn decoding_agrees_with_the_standard_library(
            text in "[a-z é€😀\n]{0,300}",
            bad in proptest::collection::vec((any::<proptest::sample::Index>(), 0x80u8..=0xff), 0..3),
            bom: bool,
        ) {
            let mut bytes = Vec::new();
            if bom {
                bytes.extend_from_slice(BOM);
            }
            bytes.extend_from_slice(text.as_bytes());
            for (at, byte) in bad {
                let at = at.index(bytes.len() + 1);
                bytes.insert(at, byte);
            }
            let skip = bom_len(&bytes);
            let expected = std::str::from_utf8(&bytes[skip..])
                .map_err(|e| skip + e.valid_up_to());
            proptest::prop_assert_eq!(decode(&bytes).map_err(|e| e.offset), expected);
        }
    }

    #[test]
    fn lossy_counts_replaced_bytes() {
        let l = decode_lossy(b"\xEF\xBB\xBFa\xFF\xFEb\xE2\x82");
        assert_eq!(l.text, "a\u{FFFD}\u{FFFD}b\u{FFFD}");
        assert_eq!(l.replaced_bytes, 4);
        assert!(matches!(decode_lossy(b"fine").text, Cow::Borrowed("fine")));
        assert_eq!(decode_lossy(b"fine").replaced_bytes, 0);
    }
}
