//! HTML character references, named (`&amp;`) and numeric (`&#8217;`,
//! `&#x2019;`), with the common malformed forms.
//!
//! Names come from the WHATWG table shipped by the `htmlize` crate. Accepted:
//!
//! - `&name;` for every entity of the table;
//! - `&name` without `;` for the legacy entities the table also lists bare
//!   (`&amp`, `&nbsp`, `&eacute`…), when the name is not followed by a letter,
//!   a digit or `=` (so `&copy=2` in a query string stays);
//! - an all-capital name (`&NBSP;`, `&MDASH;`) whose lower-case form is an
//!   entity that stands for a symbol rather than a letter;
//! - `&#NNN;`, `&#xHHH;` (semicolon optional when no digit or letter follows),
//!   where 128–159 read as Windows-1252 as browsers do; references to NUL,
//!   surrogates or beyond U+10FFFF are left as they are.
//!
//! A reference that yields `&` and is followed by an entity name (`&amp;amp;`)
//! is decoded again, so doubly escaped text comes out in one pass.

use crate::codepage::charmaps;
use crate::edit::{Edit, EditKind, EditLog};

/// Longest entity name looked up.
const MAX_NAME: usize = 32;

/// Edits decoding the character references of `text`.
pub(crate) fn decode(text: &str) -> Vec<Edit> {
    let bytes = text.as_bytes();
    let mut log = EditLog::default();
    let mut search = 0;
    while let Some(found) = memchr::memchr(b'&', &bytes[search..]) {
        let amp = search + found;
        let Some((mut end, mut value)) = reference_at(bytes, amp + 1) else {
            search = amp + 1;
            continue;
        };
        // `&amp;amp;` and the like: the decoded `&` starts another reference.
        while value == "&" {
            match reference_at(bytes, end) {
                Some((e, v)) => {
                    end = e;
                    value = v;
                }
                None => break,
            }
        }
        log.edits.push(Edit::new(
            EditKind::HtmlEntity,
            corpus_format::Span::new(amp, end),
            value,
        ));
        search = end;
    }
    log.edits
}

/// Parses a reference whose name starts at `at` (just after `&`): its end
/// and its value.
fn reference_at(bytes: &[u8], at: usize) -> Option<(usize, String)> {
    match bytes.get(at)? {
        b'#' => numeric_at(bytes, at + 1),
        b if b.is_ascii_alphabetic() => named_at(bytes, at),
        _ => None,
    }
}

fn numeric_at(bytes: &[u8], at: usize) -> Option<(usize, String)> {
    let (hex, digits_at) = match bytes.get(at) {
        Some(b'x' | b'X') => (true, at + 1),
        _ => (false, at),
    };
    let mut end = digits_at;
    let mut value: u32 = 0;
    while let Some(&b) = bytes.get(end) {
        let d = if hex {
            (b as char).to_digit(16)
        } else {
            (b as char).to_digit(10)
        };
        let Some(d) = d else { break };
        value = value
            .checked_mul(if hex { 16 } else { 10 })?
            .checked_add(d)?;
        end += 1;
        if end - digits_at > 8 {
            return None;
        }
    }
    if end == digits_at {
        return None;
    }
    match bytes.get(end) {
        Some(b';') => end += 1,
        Some(b) if b.is_ascii_alphanumeric() => return None,
        _ => {}
    }
    let c = match value {
        0x80..=0x9F => charmaps().cp1252.decode(value as u8),
        0 => return None,
        v => char::from_u32(v)?,
    };
    Some((end, c.to_string()))
}

fn named_at(bytes: &[u8], at: usize) -> Option<(usize, String)> {
    let mut end = at;
    while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
        end += 1;
        if end - at > MAX_NAME {
            return None;
        }
    }
    let name = &bytes[at..end];
    let mut key = [0u8; MAX_NAME + 2];
    key[0] = b'&';
    key[1..=name.len()].copy_from_slice(name);
    let with_semicolon = bytes.get(end) == Some(&b';');
    if with_semicolon {
        key[name.len() + 1] = b';';
        if let Some(v) = lookup(&key[..name.len() + 2]) {
            return Some((end + 1, v));
        }
        if name.iter().all(u8::is_ascii_uppercase) {
            key[1..=name.len()].make_ascii_lowercase();
            if let Some(v) = lookup(&key[..name.len() + 2])
                && !v.chars().any(char::is_alphabetic)
            {
                return Some((end + 1, v));
            }
        }
        return None;
    }
    if matches!(bytes.get(end), Some(b'=')) {
        return None;
    }
    lookup(&key[..=name.len()]).map(|v| (end, v))
}

fn lookup(key: &[u8]) -> Option<String> {
    htmlize::ENTITIES
        .get(key)
        .and_then(|v| std::str::from_utf8(v).ok())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;

    fn dec(t: &str) -> String {
        apply_edits(t, &decode(t))
    }

    #[test]
    fn named_numeric_and_malformed() {
        assert_eq!(dec("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(dec("Israel&#8217;s &#x201C;war&#x201D;"), "Israel’s “war”");
        assert_eq!(dec("AT&amp T"), "AT& T");
        assert_eq!(dec("a&nbspb"), "a&nbspb");
        assert_eq!(dec("a&nbsp b"), "a\u{a0} b");
        assert_eq!(dec("R&AMP;D"), "R&D");
        assert_eq!(dec("x &NBSP; y"), "x \u{a0} y");
        assert_eq!(dec("&#150; &#39"), "– '");
        assert_eq!(dec("fish &amp;amp;amp; chips"), "fish & chips");
    }

    #[test]
    fn not_references() {
        for t in [
            "S&P 500",
            "a & b",
            "?x=1&copy=2",
            "&#0;",
            "&#xD800;",
            "&bogus;",
            "&#",
            "&",
        ] {
            assert_eq!(dec(t), t, "{t:?}");
        }
    }
}
