//! The optional date header: ` date YYYY-MM-DD ` before the first block.
//!
//! The grammar is small and written with nom; nom's types stay inside this
//! module. A header that only *looks* like one (`date 2024-13-45`,
//! `date: yesterday`, `Date 2024-03-25`) is reported, never silently taken.

use chrono::NaiveDate;
use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while, take_while_m_n},
    character::complete::{char, space1},
    combinator::recognize,
};
use serde::Serialize;

use crate::{Span, error::HeaderProblem};

/// A valid date header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Header {
    /// The document's date.
    pub date: NaiveDate,
    /// The header's bytes: leading whitespace, `date`, the date, and the
    /// whitespace that follows it, up to the first block.
    pub span: Span,
}

/// What the start of a text holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HeaderScan {
    /// No header, and nothing that looks like one.
    Absent,
    /// A valid header; the body starts at `header.span.end`.
    Valid(Header),
    /// Something that looks like a header but is not valid.
    Invalid {
        problem: HeaderProblem,
        /// The look-alike: the keyword and the token after it.
        span: Span,
        /// The first byte that is wrong.
        offset: usize,
    },
}

type Res<'a, T> = IResult<&'a str, T>;

fn is_ws(c: char) -> bool {
    c.is_whitespace()
}

fn digits(n: usize) -> impl FnMut(&str) -> Res<'_, &str> {
    move |i| take_while_m_n(n, n, |c: char| c.is_ascii_digit()).parse(i)
}

/// `YYYY-MM-DD`, syntax only.
fn iso_date(i: &str) -> Res<'_, &str> {
    recognize((digits(4), char('-'), digits(2), char('-'), digits(2))).parse(i)
}

/// Scans the start of `text` for a header.
pub(crate) fn scan(text: &str) -> HeaderScan {
    let offset_of = |rest: &str| text.len() - rest.len();
    // Leading whitespace never fails.
    let Ok((after_ws, _)) = take_while::<_, _, nom::error::Error<&str>>(is_ws).parse(text) else {
        return HeaderScan::Absent;
    };
    let kw_start = offset_of(after_ws);

    // Does it look like a header at all? `date` in any case, followed by `:`,
    // by a digit, or by spaces and a digit.
    if !after_ws
        .as_bytes()
        .get(..4)
        .is_some_and(|kw| kw.eq_ignore_ascii_case(b"date"))
    {
        return HeaderScan::Absent;
    }
    // After `date`: a `:` always makes a look-alike; otherwise the next
    // non-blank character must be a digit (`date palms` is ordinary text).
    let after_kw = &after_ws[4..];
    let colon = after_kw.starts_with(':');
    let next = after_kw
        .trim_start_matches([':'])
        .trim_start_matches([' ', '\t'])
        .chars()
        .next();
    if !colon && !next.is_some_and(|c| c.is_ascii_digit()) {
        return HeaderScan::Absent;
    }
    let lookalike = lookalike_span(text, kw_start);

    if !after_ws.starts_with("date") {
        return HeaderScan::Invalid {
            problem: HeaderProblem::KeywordCase,
            span: lookalike,
            offset: kw_start,
        };
    }

    let parsed: Res<'_, (&str, &str, &str)> = (tag("date"), space1, iso_date).parse(after_ws);
    let (rest, (_, _, date_text)) = match parsed {
        Ok(ok) => ok,
        Err(err) => {
            // Complete parsers never answer `Incomplete`; should one, the
            // problem is at the end of the text.
            let at = match err {
                nom::Err::Error(e) | nom::Err::Failure(e) => offset_of(e.input),
                nom::Err::Incomplete(_) => text.len(),
            };
            return HeaderScan::Invalid {
                problem: HeaderProblem::Malformed,
                span: lookalike,
                offset: at,
            };
        }
    };
    let date_offset = offset_of(rest) - date_text.len();
    // One or more whitespace characters, or the end of the text.
    let (body, gap) = match take_while::<_, _, nom::error::Error<&str>>(is_ws).parse(rest) {
        Ok(ok) => ok,
        Err(_) => (rest, ""),
    };
    if gap.is_empty() && !body.is_empty() {
        return HeaderScan::Invalid {
            problem: HeaderProblem::Malformed,
            span: lookalike,
            offset: offset_of(rest),
        };
    }
    match ymd(date_text) {
        Some(date) => HeaderScan::Valid(Header {
            date,
            span: Span::new(0, offset_of(body)),
        }),
        None => HeaderScan::Invalid {
            problem: HeaderProblem::InvalidDate,
            span: lookalike,
            offset: date_offset,
        },
    }
}

/// The keyword, an optional `:`, blanks, and the token after them.
/// The calendar date of `YYYY-MM-DD` (as `iso_date` recognizes it), if
/// there is such a day; read directly, without a format string to parse.
fn ymd(text: &str) -> Option<NaiveDate> {
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

fn lookalike_span(text: &str, kw_start: usize) -> Span {
    let bytes = text.as_bytes();
    let mut end = kw_start + 4;
    if bytes.get(end) == Some(&b':') {
        end += 1;
    }
    while matches!(bytes.get(end), Some(b' ' | b'\t')) {
        end += 1;
    }
    let token = text[end..]
        .find(char::is_whitespace)
        .unwrap_or(text.len() - end);
    Span::new(kw_start, end + token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(text: &str) -> Header {
        match scan(text) {
            HeaderScan::Valid(h) => h,
            other => panic!("{text:?}: {other:?}"),
        }
    }

    fn invalid(text: &str) -> (HeaderProblem, Span, usize) {
        match scan(text) {
            HeaderScan::Invalid {
                problem,
                span,
                offset,
            } => (problem, span, offset),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn valid_headers() {
        let h = valid(" date 2024-03-26 In a bold");
        assert_eq!(h.date, NaiveDate::from_ymd_opt(2024, 3, 26).unwrap());
        assert_eq!(h.span, Span::new(0, 17));
        assert_eq!(valid("date\t 2024-02-29").span, Span::new(0, 16));
        assert_eq!(
            valid("\n\t date 2024-01-01\r\n\r\nText").span,
            Span::new(0, 22)
        );
        assert_eq!(valid("date 2024-01-01\u{a0}Text").span.end, 17);
    }

    #[test]
    fn look_alikes_are_reported() {
        assert_eq!(
            invalid(" date 2024-02-30 Text"),
            (HeaderProblem::InvalidDate, Span::new(1, 16), 6)
        );
        assert_eq!(
            invalid("date 2024-13-45"),
            (HeaderProblem::InvalidDate, Span::new(0, 15), 5)
        );
        assert_eq!(
            invalid("date: yesterday it rained"),
            (HeaderProblem::Malformed, Span::new(0, 15), 4)
        );
        assert_eq!(
            invalid("date 2024-3-5 x"),
            (HeaderProblem::Malformed, Span::new(0, 13), 10)
        );
        assert_eq!(
            invalid("date 2024-03-25x"),
            (HeaderProblem::Malformed, Span::new(0, 16), 15)
        );
        assert_eq!(
            invalid("date2024-03-25 x"),
            (HeaderProblem::Malformed, Span::new(0, 14), 4)
        );
        assert_eq!(invalid("Date 2024-03-25 x").0, HeaderProblem::KeywordCase);
    }

    #[test]
    fn ordinary_text_is_no_header() {
        for text in [
            "",
            "   ",
            "date palms grow",
            "dated 2024-03-25",
            "Dates",
            "The date 2024-03-25",
        ] {
            assert_eq!(scan(text), HeaderScan::Absent, "{text:?}");
        }
    }
}
