//! Properties of the date-mention extractor: spans always slice to their
//! text on char boundaries, in order and disjoint; any input is handled
//! without panicking; and a date rendered in any supported style, embedded
//! in prose, is found with its value.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use corpus_stats::{DateKind, DateValue, date_mentions};
use proptest::prelude::*;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ABBR: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words with no date meaning, to embed expressions in.
const PROSE: [&str; 24] = [
    "army",
    "said",
    "people",
    "report",
    "new",
    "city",
    "and",
    "with",
    "troops",
    "at",
    "a",
    "statement",
    "convoy",
    "officials",
    "were",
    "told",
    "Israel",
    "Gaza",
    "Reuters",
    "(",
    ")",
    ",",
    "\u{2014}",
    "\n",
];

fn ordinal(d: u32) -> String {
    let suffix = match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{d}{suffix}")
}

/// Every supported way to write a full date.
fn render_full(date: NaiveDate, style: usize) -> Option<String> {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let mi = (m - 1) as usize;
    let name = MONTHS[mi];
    Some(match style {
        0 => format!("{name} {d}, {y}"),
        1 => format!("{d} {name} {y}"),
        2 => format!("{} {d}, {y}", ABBR[mi]),
        3 => format!("{name} {}, {y}", ordinal(d)),
        4 => format!("the {} of {name} {y}", ordinal(d)),
        5 => format!("{y}-{m:02}-{d:02}"),
        6 => format!(
            "{}, {name} {d}, {y}",
            DAYS[date.weekday().num_days_from_monday() as usize]
        ),
        7 if d > 12 => format!("{m}/{d}/{y}"),
        8 if d > 12 => format!("{d}/{m}/{y}"),
        9 => format!("{d}.{m}.{y}"),
        10 => format!("{name}\n{d}, {y}"),
        11 => format!("{} of {name} {y}", ordinal(d)),
        _ => return None,
    })
}

/// Ways to write a date without its year.
fn render_short(date: NaiveDate, style: usize) -> String {
    let (m, d) = (date.month(), date.day());
    let mi = (m - 1) as usize;
    match style % 5 {
        0 => format!("{} {d}", MONTHS[mi]),
        1 => format!("{d} {}", MONTHS[mi]),
        2 => format!("{} {d}", ABBR[mi]),
        3 => format!("{} {}", MONTHS[mi], ordinal(d)),
        _ => format!("the {} of {}", ordinal(d), MONTHS[mi]),
    }
}

fn date_strategy() -> impl Strategy<Value = NaiveDate> {
    (1000i32..=2999, 1u32..=12, 1u32..=31)
        .prop_filter_map("real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(&PROSE[..]), 0..6).prop_map(|w| w.join(" "))
}

/// Embeds `expr` in prose and checks that exactly one mention is found,
/// with exactly that text, the kind and the value.
fn assert_found(
    before: &str,
    expr: &str,
    after: &str,
    reference: Option<NaiveDate>,
    kind: DateKind,
    value: DateValue,
) -> Result<(), TestCaseError> {
    let text = format!("{before} {expr} {after}.");
    let found: Vec<_> = date_mentions(&text, reference).collect();
    prop_assert_eq!(found.len(), 1, "in {:?}: {:?}", text, found);
    prop_assert_eq!(found[0].text, expr);
    prop_assert_eq!(found[0].kind, kind);
    prop_assert_eq!(found[0].value, Some(value), "in {:?}", text);
    Ok(())
}

fn check_spans(text: &str, reference: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for m in date_mentions(text, reference) {
        prop_assert!(m.span.start < m.span.end);
        prop_assert!(m.span.start >= last_end, "overlap or out of order");
        prop_assert!(text.is_char_boundary(m.span.start));
        prop_assert!(text.is_char_boundary(m.span.end));
        prop_assert_eq!(&text[m.span.start..m.span.end], m.text);
        last_end = m.span.end;
    }
    Ok(())
}

/// Text made of date-like pieces, to hit the parser's paths.
fn datey_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "March",
        "may",
        "May",
        "Oct.",
        "Sept",
        "7th",
        "24",
        "2024",
        "1999",
        "-",
        "–",
        "/",
        ".",
        ",",
        " ",
        "\n",
        "\n\n",
        "from",
        "to",
        "between",
        "and",
        "the",
        "of",
        "last",
        "next",
        "mid-",
        "early",
        "in",
        "Friday",
        "Sat.",
        "today",
        "year",
        "month",
        "3/24/2024",
        "2024-03-25",
        "é",
        "日本",
        "\u{a0}",
        "first",
        "twenty",
        "-first",
        "12.5.2020",
        "04:30",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn spans_are_sound_on_any_string(text in any::<String>(), with_ref in any::<bool>()) {
        let r = with_ref.then(|| NaiveDate::from_ymd_opt(2024, 3, 26)).flatten();
        check_spans(&text, r)?;
    }

    #[test]
    fn spans_are_sound_on_datey_text(text in datey_text(), day in 0i64..20000) {
        let r = NaiveDate::from_ymd_opt(1990, 1, 1).and_then(|d| d.checked_add_signed(TimeDelta::days(day)));
        check_spans(&text, r)?;
        check_spans(&text, None)?;
    }

    #[test]
    fn full_dates_in_any_style_are_found(
        date in date_strategy(),
        style in 0usize..12,
        before in prose(),
        after in prose(),
    ) {
        if let Some(expr) = render_full(date, style) {
            assert_found(&before, &expr, &after, None, DateKind::Date, DateValue::Day(date))?;
        }
    }

    #[test]
    fn dates_without_year_resolve_near_the_reference(
        reference in date_strategy(),
        offset in -180i64..=180,
        style in 0usize..5,
        before in prose(),
        after in prose(),
    ) {
        let Some(date) = reference.checked_add_signed(TimeDelta::days(offset)) else {
            return Ok(());
        };
        if !(1000..=2999).contains(&date.year()) {
            return Ok(());
        }
        let expr = render_short(date, style);
        assert_found(&before, &expr, &after, Some(reference), DateKind::Date, DateValue::Day(date))?;
    }

    #[test]
    fn weekdays_resolve_by_the_rules(
        reference in date_strategy(),
        wd in 0u32..7,
        modifier in 0usize..3,
        before in prose(),
    ) {
        let weekday = Weekday::try_from(wd as u8).unwrap();
        let name = DAYS[wd as usize];
        let expr = match modifier {
            0 => name.to_owned(),
            1 => format!("last {name}"),
            _ => format!("next {name}"),
        };
        let text = format!("{before} {expr}.");
        let found: Vec<_> = date_mentions(&text, Some(reference)).collect();
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(found[0].text, expr.as_str());
        let Some(DateValue::Day(d)) = found[0].value else {
            return Err(TestCaseError::fail("weekday without a day value"));
        };
        prop_assert_eq!(d.weekday(), weekday);
        let gap = (d - reference).num_days();
        match modifier {
            0 => prop_assert!((-6..=0).contains(&gap)),
            1 => prop_assert!((-7..=-1).contains(&gap)),
            _ => prop_assert!((1..=7).contains(&gap)),
        }
    }

    #[test]
    fn ranges_in_any_style_are_found(
        start in date_strategy(),
        len in 1i64..=20,
        style in 0usize..5,
        before in prose(),
        after in prose(),
    ) {
        let Some(end) = start.checked_add_signed(TimeDelta::days(len)) else {
            return Ok(());
        };
        if end.year() > 2999 {
            return Ok(());
        }
        let (y, name, d1, d2) = (start.year(), MONTHS[start.month0() as usize], start.day(), end.day());
        let name2 = MONTHS[end.month0() as usize];
        let same_month = start.month() == end.month() && start.year() == end.year();
        let expr = match style {
            0 if same_month => format!("{name} {d1}-{d2}, {y}"),
            1 if same_month => format!("{d1}-{d2} {name} {y}"),
            2 if same_month => format!("{name} {d1} to {d2}, {y}"),
            3 if start.year() == end.year() => format!("from {name} {d1} to {name2} {d2}, {y}"),
            4 if start.year() == end.year() => format!("{name} {d1} - {name2} {d2}, {y}"),
            _ => return Ok(()),
        };
        assert_found(&before, &expr, &after, None, DateKind::Range, DateValue::Range(start, end))?;
    }

    #[test]
    fn months_and_years_are_found(
        year in 1000i32..=2999,
        month in 1u32..=12,
        modifier in 0usize..4,
        before in prose(),
    ) {
        let name = MONTHS[(month - 1) as usize];
        let (expr, kind, value) = match modifier {
            0 => (format!("{name} {year}"), DateKind::Month, DateValue::Month { year, month }),
            1 => (format!("late {year}"), DateKind::Year, DateValue::Year(year)),
            2 => (format!("mid-{year}"), DateKind::Year, DateValue::Year(year)),
            _ => (format!("the year {year}"), DateKind::Year, DateValue::Year(year)),
        };
        assert_found(&before, &expr, "", None, kind, value)?;
    }
}
