//! Edits: what the cleaner changed, where, and into what.
//!
//! Every step of the cleaner reports its changes as [`Edit`]s against the text
//! it was given; the cleaner composes them so that the edits it returns are
//! spans of the *original* input. Edits are sorted, never overlap, and never
//! have an empty span, so [`apply_edits`] rebuilds the output in one pass.

use corpus_format::Span;
use serde::Serialize;

/// The kind of change an [`Edit`] made.
///
/// Serialized in `snake_case` (`mojibake`, `html_entity`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EditKind {
    /// UTF-8 text that had been decoded with a single-byte code page,
    /// repaired; also a C1 control character (U+0080–U+009F) read as the
    /// Windows-1252 character it stood for (`\u{85}` → `…`).
    Mojibake,
    /// An HTML character reference (`&amp;`, `&#8217;`, `&nbsp`) decoded.
    HtmlEntity,
    /// Unicode normalization (NFC or NFKC) changed the characters.
    Normalization,
    /// An unusual space (no-break, thin, ideographic…) replaced by a space.
    Space,
    /// An invisible character (zero-width space or joiner, BOM, soft hyphen,
    /// bidirectional mark) removed.
    Invisible,
    /// A control character removed (newline and tab are kept).
    Control,
    /// Whitespace layout: a run of spaces collapsed, trailing spaces trimmed,
    /// a `\r\n` or `\r` line break made `\n`.
    Whitespace,
    /// Typography folded to ASCII (curly quotes, dashes, ellipsis).
    Typography,
    /// A scraper trailer or prompt removed (`CONTINUE FULL READING>>>>>`).
    Boilerplate,
    /// A block of a document that was empty after cleaning, dropped
    /// (only in [`CleanDocument`](crate::CleanDocument) edits).
    EmptyBlock,
}

impl EditKind {
    /// The `snake_case` name of the kind, as serialized.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            EditKind::Mojibake => "mojibake",
            EditKind::HtmlEntity => "html_entity",
            EditKind::Normalization => "normalization",
            EditKind::Space => "space",
            EditKind::Invisible => "invisible",
            EditKind::Control => "control",
            EditKind::Whitespace => "whitespace",
            EditKind::Typography => "typography",
            EditKind::Boilerplate => "boilerplate",
            EditKind::EmptyBlock => "empty_block",
        }
    }
}

impl std::fmt::Display for EditKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change: the bytes at `span` of the input were replaced by
/// `replacement`.
///
/// Serializes as `{"kind": "...", "start": 0, "end": 3, "replacement": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Edit {
    /// What kind of change this is. When later steps changed the output of an
    /// earlier one further (`&nbsp;` → no-break space → space), the kind is
    /// the earliest step's.
    pub kind: EditKind,
    /// The replaced bytes of the input (never empty).
    #[serde(flatten)]
    pub span: Span,
    /// The text that replaces them (empty for a removal).
    pub replacement: String,
}

impl Edit {
    /// Makes an edit.
    #[must_use]
    pub fn new(kind: EditKind, span: Span, replacement: impl Into<String>) -> Edit {
        Edit {
            kind,
            span,
            replacement: replacement.into(),
        }
    }

    /// Change in length (output bytes minus input bytes) this edit causes.
    #[must_use]
    pub fn delta(&self) -> isize {
        self.replacement.len() as isize - self.span.len() as isize
    }
}

/// Applies sorted, non-overlapping edits to `input` and returns the result.
///
/// Edits whose span is out of bounds, not on character boundaries, or
/// overlapping the previous edit are skipped, so this never panics; the edits
/// returned by the cleaner always apply in full.
///
/// ```
/// use corpus_clean::{Cleaner, apply_edits};
///
/// let input = "Israel\u{e2}\u{20ac}\u{2122}s  army";
/// let cleaned = Cleaner::default().clean(input);
/// assert_eq!(apply_edits(input, cleaned.edits()), cleaned.text());
/// assert_eq!(cleaned.text(), "Israel\u{2019}s army");
/// ```
#[must_use]
pub fn apply_edits(input: &str, edits: &[Edit]) -> String {
    let mut out = String::new();
    apply_edits_into(input, edits, &mut out);
    out
}

/// [`apply_edits`] into `out` (cleared first), reusing its allocation.
pub(crate) fn apply_edits_into(input: &str, edits: &[Edit], out: &mut String) {
    out.clear();
    let grow: isize = edits.iter().map(Edit::delta).sum();
    out.reserve((input.len() as isize + grow.max(0)) as usize);
    let mut pos = 0;
    for edit in edits {
        let Span { start, end } = edit.span;
        if start < pos
            || end > input.len()
            || start > end
            || !input.is_char_boundary(start)
            || !input.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&input[pos..start]);
        out.push_str(&edit.replacement);
        pos = end;
    }
    out.push_str(&input[pos..]);
}

/// Maps a byte offset of the output back to the input.
///
/// Offsets in unchanged text map exactly. An offset inside a replacement maps
/// to the start of the replaced span; an offset just past a replacement maps
/// just past the replaced span; at the place of a removal it maps past the
/// removed bytes. So the output from `output_offset` on comes from the input
/// from the returned offset on. Offsets past the output's end map to
/// `input_len`. To map a whole span, use
/// [`Cleaned::input_span`](crate::Cleaned::input_span).
#[must_use]
pub fn map_output_offset(edits: &[Edit], output_offset: usize, input_len: usize) -> usize {
    map_offset(edits, output_offset, input_len, false)
}

/// [`map_output_offset`], or with `end_bias` the end of a span: an offset
/// inside a replacement maps to the end of the replaced span and one at a
/// removal maps before the removed bytes.
pub(crate) fn map_offset(edits: &[Edit], off: usize, input_len: usize, end_bias: bool) -> usize {
    let mut delta: isize = 0;
    for edit in edits {
        let out_start = (edit.span.start as isize + delta) as usize;
        let out_end = out_start + edit.replacement.len();
        if end_bias {
            if off <= out_start {
                break;
            }
            if off < out_end {
                return edit.span.end;
            }
        } else {
            if off < out_start {
                break;
            }
            if off < out_end {
                return edit.span.start;
            }
        }
        delta += edit.delta();
    }
    let mapped = off as isize - delta;
    (mapped.max(0) as usize).min(input_len)
}

/// Composes `new` edits (spans in `mid`, the text `old` produced from the
/// original) with `old` edits (spans in the original), giving edits with
/// spans in the original that produce the text `new` produces from `mid`.
///
/// Both lists must be sorted, non-overlapping, with non-empty spans. A new
/// edit that touches the output of old edits absorbs them; the merged edit
/// keeps the earliest kind.
pub(crate) fn compose(old: Vec<Edit>, new: Vec<Edit>, mid: &str) -> Vec<Edit> {
    if new.is_empty() {
        return old;
    }
    if old.is_empty() {
        return new;
    }
    // Position of each old edit in `mid`, and its change in length.
    let mut old_mid: Vec<(usize, usize, isize)> = Vec::with_capacity(old.len());
    let mut delta: isize = 0;
    for e in &old {
        let s = (e.span.start as isize + delta) as usize;
        old_mid.push((s, s + e.replacement.len(), e.delta()));
        delta += e.delta();
    }
    // Whether the old edit at `(s, e)` in `mid` lies before `start`.
    let before = |(s, e, _): (usize, usize, isize), start: usize| {
        if s == e { s <= start } else { e <= start }
    };
    let mut out: Vec<Edit> = Vec::with_capacity(old.len() + new.len());
    let mut old_iter = old.into_iter();
    let mut idx = 0; // Index of the next old edit.
    let mut delta: isize = 0;
    let mut new_iter = new.into_iter().peekable();
    while let Some(first) = new_iter.next() {
        // Move the old edits entirely before this new edit, all at once.
        let from = idx;
        while idx < old_mid.len() && before(old_mid[idx], first.span.start) {
            delta += old_mid[idx].2;
            idx += 1;
        }
        out.extend(old_iter.by_ref().take(idx - from));
        // Fast path: no old edit touches this one, and the next new edit
        // starts after it.
        let old_touches = old_mid.get(idx).is_some_and(|&(s, e, _)| {
            if s == e {
                s > first.span.start && s < first.span.end
            } else {
                s < first.span.end
            }
        });
        let new_touches = new_iter
            .peek()
            .is_some_and(|n| n.span.start < first.span.end);
        if !old_touches && !new_touches {
            let start = (first.span.start as isize - delta) as usize;
            let end = (first.span.end as isize - delta) as usize;
            out.push(Edit {
                kind: first.kind,
                span: Span::new(start, end.max(start)),
                replacement: first.replacement,
            });
            continue;
        }
        let mut g_start = first.span.start;
        let mut g_end = first.span.end;
        let mut kind = first.kind;
        let mut from_old = false;
        let mut o_start: Option<usize> = None;
        let mut pieces: Vec<Edit> = vec![first];
        let mut o_end_delta = delta;
        loop {
            let mut grew = false;
            // Absorb old edits that interact with [g_start, g_end).
            while let Some(&(s, e, _)) = old_mid.get(idx) {
                let interacts = if s == e {
                    s > g_start && s < g_end
                } else {
                    s < g_end && e > g_start
                };
                if !interacts {
                    break;
                }
                idx += 1;
                if let Some(edit) = old_iter.next() {
                    if s < g_start {
                        g_start = s;
                    }
                    if o_start.is_none() {
                        o_start = Some(if s <= g_start {
                            edit.span.start
                        } else {
                            (g_start as isize - o_end_delta) as usize
                        });
                    }
                    if !from_old {
                        kind = edit.kind;
                        from_old = true;
                    }
                    if e > g_end {
                        g_end = e;
                    }
                    o_end_delta += edit.delta();
                    grew = true;
                }
            }
            // Absorb new edits that now fall inside the group.
            while let Some(next) = new_iter.peek() {
                if next.span.start >= g_end {
                    break;
                }
                if let Some(next) = new_iter.next() {
                    if next.span.end > g_end {
                        g_end = next.span.end;
                    }
                    pieces.push(next);
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
        let o_start = o_start.unwrap_or((g_start as isize - delta) as usize);
        let o_end = (g_end as isize - o_end_delta) as usize;
        let mut replacement = String::new();
        let mut pos = g_start;
        for p in &pieces {
            replacement.push_str(mid.get(pos..p.span.start).unwrap_or(""));
            replacement.push_str(&p.replacement);
            pos = p.span.end;
        }
        replacement.push_str(mid.get(pos..g_end).unwrap_or(""));
        delta = o_end_delta;
        out.push(Edit {
            kind,
            span: Span::new(o_start, o_end.max(o_start)),
            replacement,
        });
    }
    out.extend(old_iter);
    out
}

/// Collects edits for one step: a builder that tracks the output alongside.
#[derive(Debug, Default)]
pub(crate) struct EditLog {
    pub(crate) edits: Vec<Edit>,
}

impl EditLog {
    /// Records that `input[start..end]` became `replacement`, merging with the
    /// previous edit when they touch and have the same kind.
    pub(crate) fn push(&mut self, kind: EditKind, start: usize, end: usize, replacement: &str) {
        if let Some(last) = self.edits.last_mut()
            && last.span.end == start
            && last.kind == kind
        {
            last.span.end = end;
            last.replacement.push_str(replacement);
            return;
        }
        self.edits.push(Edit {
            kind,
            span: Span::new(start, end),
            replacement: replacement.to_owned(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // Composition as first written, one old edit at a time.
    fn compose_oracle(old: Vec<Edit>, new: Vec<Edit>, mid: &str) -> Vec<Edit> {
        if new.is_empty() {
            return old;
        }
        if old.is_empty() {
            return new;
        }
        // Position of each old edit in `mid`.
        let mut old_mid: Vec<(usize, usize)> = Vec::with_capacity(old.len());
        let mut delta: isize = 0;
        for e in &old {
            let s = (e.span.start as isize + delta) as usize;
            old_mid.push((s, s + e.replacement.len()));
            delta += e.delta();
        }
        let mut out: Vec<Edit> = Vec::with_capacity(old.len() + new.len());
        let mut old_iter = old.into_iter().zip(old_mid).peekable();
        let mut delta: isize = 0;
        let mut new_iter = new.into_iter().peekable();
        while let Some(first) = new_iter.next() {
            // Flush old edits entirely before this new edit.
            while let Some((_, (s, e))) = old_iter.peek() {
                let before = if s == e {
                    *s <= first.span.start
                } else {
                    *e <= first.span.start
                };
                if !before {
                    break;
                }
                if let Some((edit, _)) = old_iter.next() {
                    delta += edit.delta();
                    out.push(edit);
                }
            }
            // Fast path: no old edit touches this one, and the next new edit
            // starts after it.
            let old_touches = old_iter.peek().is_some_and(|(_, (s, e))| {
                if s == e {
                    *s > first.span.start && *s < first.span.end
                } else {
                    *s < first.span.end
                }
            });
            let new_touches = new_iter
                .peek()
                .is_some_and(|n| n.span.start < first.span.end);
            if !old_touches && !new_touches {
                let start = (first.span.start as isize - delta) as usize;
                let end = (first.span.end as isize - delta) as usize;
                out.push(Edit {
                    kind: first.kind,
                    span: Span::new(start, end.max(start)),
                    replacement: first.replacement,
                });
                continue;
            }
            let mut g_start = first.span.start;
            let mut g_end = first.span.end;
            let mut kind = first.kind;
            let mut from_old = false;
            let mut o_start: Option<usize> = None;
            let mut pieces: Vec<Edit> = vec![first];
            let mut o_end_delta = delta;
            loop {
                let mut grew = false;
                // Absorb old edits that interact with [g_start, g_end).
                while let Some((_, (s, e))) = old_iter.peek() {
                    let (s, e) = (*s, *e);
                    let interacts = if s == e {
                        s > g_start && s < g_end
                    } else {
                        s < g_end && e > g_start
                    };
                    if !interacts {
                        break;
                    }
                    if let Some((edit, _)) = old_iter.next() {
                        if s < g_start {
                            g_start = s;
                        }
                        if o_start.is_none() {
                            o_start = Some(if s <= g_start {
                                edit.span.start
                            } else {
                                (g_start as isize - o_end_delta) as usize
                            });
                        }
                        if !from_old {
                            kind = edit.kind;
                            from_old = true;
                        }
                        if e > g_end {
                            g_end = e;
                        }
                        o_end_delta += edit.delta();
                        grew = true;
                    }
                }
                // Absorb new edits that now fall inside the group.
                while let Some(next) = new_iter.peek() {
                    if next.span.start >= g_end {
                        break;
                    }
                    if let Some(next) = new_iter.next() {
                        if next.span.end > g_end {
                            g_end = next.span.end;
                        }
                        pieces.push(next);
                        grew = true;
                    }
                }
                if !grew {
                    break;
                }
            }
            let o_start = o_start.unwrap_or((g_start as isize - delta) as usize);
            let o_end = (g_end as isize - o_end_delta) as usize;
            let mut replacement = String::new();
            let mut pos = g_start;
            for p in &pieces {
                replacement.push_str(mid.get(pos..p.span.start).unwrap_or(""));
                replacement.push_str(&p.replacement);
                pos = p.span.end;
            }
            replacement.push_str(mid.get(pos..g_end).unwrap_or(""));
            delta = o_end_delta;
            out.push(Edit {
                kind,
                span: Span::new(o_start, o_end.max(o_start)),
                replacement,
            });
        }
        out.extend(old_iter.map(|(e, _)| e));
        out
    }

    /// Sorted, non-overlapping edits with non-empty spans on an ASCII text
    /// of `len` bytes, from cut points and replacements.
    fn edits_on(len: usize, cuts: &[(usize, usize, usize)], kind: EditKind) -> Vec<Edit> {
        let mut out: Vec<Edit> = Vec::new();
        let mut pos = 0;
        for &(gap, width, repl) in cuts {
            let start = pos + gap;
            let end = start + width.max(1);
            if end > len {
                break;
            }
            let replacement = ["", "x", "yz", "\u{e9}", "uvw"][repl % 5];
            out.push(Edit::new(kind, Span::new(start, end), replacement));
            pos = end;
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn compose_agrees_with_one_edit_at_a_time(
            len in 0usize..40,
            old_cuts in prop::collection::vec((0usize..4, 0usize..4, 0usize..5), 0..8),
            new_cuts in prop::collection::vec((0usize..4, 0usize..4, 0usize..5), 0..8),
        ) {
            let orig: String = (0..len).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            let old = edits_on(orig.len(), &old_cuts, EditKind::HtmlEntity);
            let mid = apply_edits(&orig, &old);
            // New edits on an ASCII stretch of `mid` only (spans on boundaries).
            let new: Vec<Edit> = edits_on(mid.len(), &new_cuts, EditKind::Whitespace)
                .into_iter()
                .filter(|e| mid.is_char_boundary(e.span.start) && mid.is_char_boundary(e.span.end))
                .collect();
            let fast = compose(old.clone(), new.clone(), &mid);
            prop_assert_eq!(&fast, &compose_oracle(old, new.clone(), &mid));
            prop_assert_eq!(apply_edits(&orig, &fast), apply_edits(&mid, &new));
        }
    }

    fn e(kind: EditKind, s: usize, t: usize, r: &str) -> Edit {
        Edit::new(kind, Span::new(s, t), r)
    }

    #[test]
    fn compose_disjoint_and_merged() {
        let orig = "a&amp;b  c";
        let old = vec![e(EditKind::HtmlEntity, 1, 6, "&")];
        let mid = apply_edits(orig, &old);
        assert_eq!(mid, "a&b  c");
        let new = vec![e(EditKind::Whitespace, 3, 5, " ")];
        let fin = apply_edits(&mid, &new);
        let composed = compose(old, new, &mid);
        assert_eq!(apply_edits(orig, &composed), fin);
        assert_eq!(composed.len(), 2);
        assert_eq!(composed[1].span, Span::new(7, 9));
    }

    #[test]
    fn compose_overlapping_keeps_first_kind() {
        let orig = "x&nbsp;y";
        let old = vec![e(EditKind::HtmlEntity, 1, 7, "\u{a0}")];
        let mid = apply_edits(orig, &old);
        let new = vec![e(EditKind::Space, 1, 3, " ")];
        let composed = compose(old, new, &mid);
        assert_eq!(composed, vec![e(EditKind::HtmlEntity, 1, 7, " ")]);
    }

    #[test]
    fn compose_with_deletion_inside_new_edit() {
        let orig = "ab\u{200b}cd";
        let old = vec![e(EditKind::Invisible, 2, 5, "")];
        let mid = apply_edits(orig, &old);
        assert_eq!(mid, "abcd");
        let new = vec![e(EditKind::Typography, 1, 3, "XY")];
        let composed = compose(old, new, &mid);
        assert_eq!(apply_edits(orig, &composed), "aXYd");
        assert_eq!(composed.len(), 1);
        assert_eq!(composed[0].kind, EditKind::Invisible);
    }

    #[test]
    fn compose_deletion_at_border_stays_apart() {
        let orig = "ab\u{200b}cd";
        let old = vec![e(EditKind::Invisible, 2, 5, "")];
        let mid = apply_edits(orig, &old);
        let new = vec![e(EditKind::Typography, 2, 3, "C")];
        let composed = compose(old.clone(), new, &mid);
        assert_eq!(apply_edits(orig, &composed), "abCd");
        assert_eq!(composed[0], old[0]);
        assert_eq!(composed[1].span, Span::new(5, 6));
    }

    #[test]
    fn output_offsets_map_back() {
        let orig = "a&amp;b";
        let edits = vec![e(EditKind::HtmlEntity, 1, 6, "&")];
        assert_eq!(map_output_offset(&edits, 0, orig.len()), 0);
        assert_eq!(map_output_offset(&edits, 1, orig.len()), 1);
        assert_eq!(map_output_offset(&edits, 2, orig.len()), 6);
        assert_eq!(map_output_offset(&edits, 3, orig.len()), 7);
        assert_eq!(map_output_offset(&edits, 99, orig.len()), 7);
        assert_eq!(map_offset(&edits, 2, orig.len(), true), 6);
        let deletion = vec![e(EditKind::Whitespace, 1, 2, "")];
        // "a  b" -> "a b": the offset of "b" maps past the removed space.
        assert_eq!(map_output_offset(&deletion, 2, 4), 3);
        assert_eq!(map_offset(&deletion, 1, 4, true), 1);
    }
}
