//! Canonical rendering (FORMAT.md, "Round trip").

use std::fmt::Write;

use chrono::NaiveDate;

use crate::block::RawLines;

pub(crate) fn write_header(out: &mut impl Write, date: NaiveDate) -> std::fmt::Result {
    write!(out, " date {} ", date.format("%Y-%m-%d"))
}

/// Writes a document in canonical form from its parts: the header
/// ` date YYYY-MM-DD ` (when there is a date) directly followed by the first
/// block, then the blocks separated by one blank line, no final newline.
///
/// Each block is written line by line (lines end at `\n`, `\r\n` or `\r`),
/// each line trimmed, blank lines and blank blocks left out, so that parsing
/// the result gives back these blocks and rendering it again gives the same
/// bytes. One thing the format cannot express is a soft break in a document
/// of a single block (with no blank line, every line is a paragraph): such a
/// block's lines are joined by a space.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use corpus_format::render_canonical;
///
/// let date = NaiveDate::from_ymd_opt(2024, 3, 26);
/// let text = render_canonical(date, ["First paragraph.", "Looking Ahead", "Last\nline."]);
/// assert_eq!(text, " date 2024-03-26 First paragraph.\n\nLooking Ahead\n\nLast\nline.");
/// assert_eq!(corpus_format::parse(&text).to_string(), text);
/// assert_eq!(render_canonical(None, ["  One\r\nblock  ", " "]), "One block");
/// ```
#[must_use]
pub fn render_canonical<I, S>(date: Option<NaiveDate>, blocks: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    if let Some(date) = date {
        // Writing into a String cannot fail.
        let _ = write_header(&mut out, date);
    }
    let blocks: Vec<S> = blocks
        .into_iter()
        .filter(|b| !trim(b.as_ref()).is_empty())
        .collect();
    let soft_break = if blocks.len() == 1 { ' ' } else { '\n' };
    let room: usize = blocks.iter().map(|b| b.as_ref().len() + 2).sum();
    out.reserve(room);
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        let block = block.as_ref();
        // Most blocks are one line: one search tells.
        if memchr::memchr2(b'\n', b'\r', block.as_bytes()).is_none() {
            out.push_str(trim(block));
            continue;
        }
        let mut first_line = true;
        for line in RawLines::new(block) {
            let line = trim(&block[line.start..line.end]);
            if line.is_empty() {
                continue;
            }
            if !first_line {
                out.push(soft_break);
            }
            first_line = false;
            out.push_str(line);
        }
    }
    out
}

/// `s.trim()`, at once when `s` starts and ends with a visible ASCII
/// character, as most lines and blocks do.
#[inline]
fn trim(s: &str) -> &str {
    match (s.bytes().next(), s.bytes().next_back()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}
