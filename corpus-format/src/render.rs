//! Canonical rendering (FORMAT.md, "Round trip").

use std::fmt::Write;

use chrono::NaiveDate;

pub(crate) fn write_header(out: &mut impl Write, date: NaiveDate) -> std::fmt::Result {
    write!(out, " date {} ", date.format("%Y-%m-%d"))
}

/// Writes a document in canonical form from its parts: the header
/// ` date YYYY-MM-DD ` (when there is a date) directly followed by the first
/// block, then the blocks separated by one blank line, no final newline.
///
/// Each block is written as given; soft breaks inside it should be `\n`.
/// Empty blocks are skipped, since they would not survive a parse.
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
    let mut first = true;
    for block in blocks {
        let block = block.as_ref();
        if block.trim().is_empty() {
            continue;
        }
        if !first {
            out.push_str("\n\n");
        }
        first = false;
        out.push_str(block);
    }
    out
}
