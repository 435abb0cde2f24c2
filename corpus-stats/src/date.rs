//! Date mentions of news text.
//!
//! [`date_mentions`] scans cleaned article text and yields every calendar
//! expression it mentions, in text order and without overlaps, with its
//! byte span, its [`DateKind`] and, when it can be resolved, its
//! [`DateValue`].
//!
//! ```
//! use chrono::NaiveDate;
//! use corpus_stats::{DateKind, date_mentions};
//!
//! let reference = NaiveDate::from_ymd_opt(2024, 3, 26);
//! let text = "The war that began on October 7 reached Gaza City by late 2023.";
//! let found: Vec<_> = date_mentions(text, reference).collect();
//! assert_eq!(found[0].text, "October 7");
//! assert_eq!(found[0].kind, DateKind::Date);
//! assert_eq!(found[0].value.map(|v| v.to_string()).as_deref(), Some("2023-10-07"));
//! assert_eq!(found[1].text, "late 2023");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is found
//!
//! - **Dates**: `March 24`, `24 March 2024`, `March 26, 2024`, `Oct. 7`,
//!   `Sept. 11`, `Sep 3`, `October 7th`, `7th of October`, `the 7th of
//!   October`, `the first of March`, `February the 15th`, `2024-03-25`,
//!   `Tuesday, March 26, 2024` (a weekday heading a date is part of it),
//!   `March 24 last year`, and the second day of `April 24 and 25`.
//! - **Numeric dates**: ISO `2024-03-25` (also `/` or `.`); `3/24/2024` and
//!   `24-03-2024` with the year last only where unambiguous: a part over 12
//!   is the day; equal parts read the same either way; `3/4/2024` is left
//!   out. With dots (`13.5.2015`, `05.03.2024`) the day comes first unless
//!   the second part is over 12, as nearly wherever dots are used. Years have four digits; a time (`10:30`) or a decimal is never
//!   the start of a date.
//! - **Months**: `March 2024`, `March of 2024`, `June last year`, `early
//!   March`, `mid-March`, `late March`, `last March`, `next May`, `last
//!   month`, `next month`, and a bare month name (`in December`).
//! - **Years**: a four-digit number from 1000 to 2999 in a date context:
//!   after `in`, `since`, `by`, `until`, `till`, `of`, `for`, `from`,
//!   `during`, `before`, `after`, `through`, `throughout`, after `early`,
//!   `mid`, `mid-`, `late`, `fiscal` (kept in the text), after `the year` (kept), the
//!   next years of a list or span (`between 1994 and 1997`, `from 2020 to
//!   2022`, `in 2020, 2021 and 2022` are separate years), and attributive
//!   years from 1800 to 2099 after a determiner and before a noun (`the
//!   1996 Olympic bombing`, `a 1996 law`). A plural noun after the number
//!   makes it a count, never a year (`of 2024 votes`, `in 2000 cases`).
//!   `last year`, `this year` and `next year` are years too, with their
//!   modifier (`early next year`, `late last year`, `earlier this year`).
//! - **Weekdays**: `Friday`, `last Friday`, `next Friday`, `this Friday`,
//!   `previous Friday` and `this past Friday` (as `last`), `this coming
//!   Friday` and `upcoming Friday` (as `next`);
//!   abbreviations `Mon.`, `Tue`, `Wed.`, `Thu`, `Fri.`, and `Sat.`/`Sun.`
//!   only with their dot, never after `the` (`told the Sun.`).
//! - **Relative days**: `today`, `yesterday`, `tomorrow`.
//! - **Ranges**: `March 26-27`, `March 26 to 28`, `March 30 - April 2`,
//!   `26-27 March`, `from 13 to 15 July`, `from March 1 to March 5` (the
//!   `from` is kept), `between March 1 and 5` (the `between` is not),
//!   `from March to May` (whole months).
//!
//! The text of a mention leaves out a leading preposition (`on March 24` →
//! `March 24`) and keeps the modifiers that belong to it. Any run of up to
//! eight whitespace characters with at most one line break joins the words
//! of an expression; a paragraph break (`\n\n`) always ends it.
//!
//! # What is not
//!
//! Times of day (`04:30`, `3 p.m.`), durations (`55 days`), vague spans
//! (`in recent months`, `this week`, `this month`), holidays and named days
//! (`Good Friday`, `Black Friday`, `May Day`), days in names (`Day 170`),
//! numbers in identifiers (`F-16`, `COVID-19`), seasons (`2023-24`) and
//! decades (`the 1990s`).
//!
//! # Case and ambiguous words
//!
//! Month and weekday names count when capitalized as in news (`March`) or
//! in capitals (`MARCH`). Lower-case names count only inside a full date
//! (`march 3`, `14 nov`), never lower-case `may` (a verb). A bare
//! capitalized month stands alone only when nothing suggests a name: `May`,
//! `March` and `August` need a date word before them (`in May`, `early
//! March`, `last August`), because `May I…`, `March was cold` or `the March
//! on Washington` are not dates; so `March` opening a sentence with nothing
//! date-like after it is not a mention. Other months (`October was the
//! deadliest month`) count unless a capitalized word next to them makes a
//! name (`April Ryan`, `Hurricane June`). A determiner before and a
//! lower-case noun after make any month name a month (`the March
//! accession`, `the May elections`). `Today` after a capitalized word
//! (`USA Today`) is a name.
//!
//! # Resolution
//!
//! Values are resolved against the reference date (the article's date):
//!
//! - a day or month without a year takes the year that puts it closest to
//!   the reference (ties go to the past): `October 7` in an article of
//!   2024-03-26 is 2023-10-07, `March 27` is 2024-03-27, `December 30` in an
//!   article of 2024-01-02 is 2023-12-30;
//! - a bare weekday is the latest such day on or before the reference;
//!   `last` takes the latest strictly before, `next` the first strictly
//!   after, `this` the one in the reference's week (Monday to Sunday);
//! - `last March` is the latest March before the reference's month, `next
//!   March` the first after it, `this March` the one of the reference's
//!   year;
//! - ranges resolve their start like a day, and their end in the same year,
//!   or the next when it falls before the start.
//!
//! Without a reference, expressions that need one have no value (`None`,
//! serialized `null`); fully specified ones (`March 26, 2024`, `in 2022`)
//! still resolve.
//!
//! # Speed
//!
//! One pass over the bytes, never backtracking: see the design note in the
//! source. Pathological inputs (`March March March …`, `2024 2024 …`) stay
//! linear.

use std::cell::Cell;
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use corpus_format::Span;
use serde::{Serialize, Serializer};

/// The kind of a date mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// A calendar day: `March 24`, `24 March 2024`, `2024-03-25`.
    Date,
    /// A month: `March 2024`, `early March`, `in December`.
    Month,
    /// A year: `in 2022`, `late 2022`, `last year`.
    Year,
    /// A day of the week: `Friday`, `last Friday`.
    Weekday,
    /// `today`, `yesterday` or `tomorrow`.
    Relative,
    /// A span of days: `March 26-27`, `from March 1 to March 5`.
    Range,
}

/// The calendar value of a date mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// A day, shown `YYYY-MM-DD`.
    Day(NaiveDate),
    /// A month, shown `YYYY-MM`.
    Month {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
    /// A year, shown `YYYY`.
    Year(i32),
    /// An inclusive span of days, shown `YYYY-MM-DD/YYYY-MM-DD`.
    Range(NaiveDate, NaiveDate),
}

impl DateValue {
    /// The `(year, month)` the value falls in, for a timeline: the start
    /// month of a range, `None` for a year.
    #[must_use]
    pub fn month_key(&self) -> Option<(i32, u32)> {
        match *self {
            DateValue::Day(d) | DateValue::Range(d, _) => Some((d.year(), d.month())),
            DateValue::Month { year, month } => Some((year, month)),
            DateValue::Year(_) => None,
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = IsoText::of(self).as_str() {
            return f.write_str(text);
        }
        match *self {
            DateValue::Day(d) => write_day(f, d),
            DateValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateValue::Year(y) => write!(f, "{y:04}"),
            DateValue::Range(a, b) => {
                write_day(f, a)?;
                f.write_str("/")?;
                write_day(f, b)
            }
        }
    }
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it, without parsing a format
/// string for every value (a tenth of the cost of writing a `stats` line).
fn write_day(f: &mut fmt::Formatter<'_>, d: NaiveDate) -> fmt::Result {
    use chrono::Datelike;
    if (0..=9999).contains(&d.year()) {
        write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        // Outside four digits chrono writes a sign (`+10000-01-01`).
        write!(f, "{}", d.format("%Y-%m-%d"))
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match IsoText::of(self).as_str() {
            Some(text) => serializer.serialize_str(text),
            None => serializer.collect_str(self),
        }
    }
}

/// The text of a date value whose years have four digits, nearly all of
/// them, written into a small buffer without the formatting machinery
/// (which took a noticeable share of writing a `stats` line); other values
/// are left to [`write_day`] and `write!`.
struct IsoText {
    /// Room for `YYYY-MM-DD/YYYY-MM-DD`.
    bytes: [u8; 21],
    /// Bytes written; `None` once something did not fit.
    len: Option<usize>,
}

impl IsoText {
    fn of(value: &DateValue) -> IsoText {
        let mut t = IsoText {
            bytes: [0; 21],
            len: Some(0),
        };
        match *value {
            DateValue::Day(d) => t.day(d),
            DateValue::Month { year, month } => {
                t.num(year, 4);
                t.push(b'-');
                t.num(month, 2);
            }
            DateValue::Year(y) => t.num(y, 4),
            DateValue::Range(a, b) => {
                t.day(a);
                t.push(b'/');
                t.day(b);
            }
        }
        t
    }

    fn push(&mut self, b: u8) {
        self.len = self.len.and_then(|len| {
            *self.bytes.get_mut(len)? = b;
            Some(len + 1)
        });
    }

    /// `n` in exactly `width` digits, if it fits.
    fn num(&mut self, n: impl TryInto<u32>, width: u32) {
        match n.try_into() {
            Ok(n) if n < 10u32.pow(width) => {
                for i in (0..width).rev() {
                    self.push(b'0' + (n / 10u32.pow(i) % 10) as u8);
                }
            }
            _ => self.len = None,
        }
    }

    fn day(&mut self, d: NaiveDate) {
        self.num(d.year(), 4);
        self.push(b'-');
        self.num(d.month(), 2);
        self.push(b'-');
        self.num(d.day(), 2);
    }

    /// What was written, if all of it fitted: ASCII digits and separators.
    fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.bytes.get(..self.len?)?).ok()
    }
}

/// One date mention: where it is, what it says, what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct DateMention<'a> {
    /// Byte span of the mention in the scanned text.
    pub span: Span,
    /// The mention's text, `&text[span]`.
    pub text: &'a str,
    /// What kind of expression it is.
    pub kind: DateKind,
    /// Its calendar value, `None` when it needs a reference date and none
    /// was given.
    pub value: Option<DateValue>,
}

/// Lazy iterator over the date mentions of a text, in text order and
/// non-overlapping; made by [`date_mentions`].
#[derive(Debug, Clone)]
pub struct DateMentions<'a> {
    text: &'a str,
    reference: Option<NaiveDate>,
    pos: usize,
    floor: usize,
    chain: Option<Chain>,
    scan: Scan,
}

/// Finds the date mentions of `text`, resolving them against `reference`
/// (the article's date; `None` when it is unknown).
///
/// The iterator is lazy and yields mentions in text order, never
/// overlapping; see the [module documentation](self) for what is found and
/// how it is resolved.
///
/// ```
/// use chrono::NaiveDate;
/// use corpus_stats::{DateKind, date_mentions};
///
/// let found: Vec<_> = date_mentions("Strikes against Friday prayers.", None).collect();
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].text, found[0].kind, found[0].value), ("Friday", DateKind::Weekday, None));
///
/// let reference = NaiveDate::from_ymd_opt(2024, 3, 26);
/// let found: Vec<_> = date_mentions("Aid came on March 26-27.", reference).collect();
/// assert_eq!(found[0].value.map(|v| v.to_string()).as_deref(), Some("2024-03-26/2024-03-27"));
/// ```
#[must_use]
pub fn date_mentions(text: &str, reference: Option<NaiveDate>) -> DateMentions<'_> {
    DateMentions {
        text,
        reference,
        pos: 0,
        floor: 0,
        chain: None,
        scan: Scan::default(),
    }
}

// ---------------------------------------------------------------------------
// Design
//
// One pass. A scan splits the text into ASCII letter runs and digit runs
// and keeps as anchors the runs that matter: whole words that are month
// names or abbreviations, weekday names or abbreviations,
// `today`/`yesterday`/`tomorrow`, `year`, `month`, and every digit run. (A
// substring automaton such as Aho-Corasick reports `mar` in `market` and
// `sat` in `satellite`: about one hit every 18 bytes of news text, which
// capped throughput near 210 MB/s; whole-word scanning never sees them.)
//
// The scan classifies 64 bytes at a time with a plain byte loop that the
// compiler turns into vector code (one signed comparison per byte and
// class), packs the letter classes into one bit per byte (a multiplication
// gathers eight bytes' bits; digits only in the blocks that hold one) and
// finds run starts with shifts. The marked block is kept between anchors.
// As the search reaches them, the starts of letter runs of three letters
// or more are filtered by a hash of their first three letters (one load,
// a multiplication and a table of bytes, `true` for the hash of a keyword
// prefix): a few percent of words get further, to an exact keyword check
// by a collision-free hash of the whole word. Digit runs that surely start
// nothing (`32,000`, `500 a day`, `4 rounds`, the digits after `A` in
// `A320`) are passed over before any parsing.
//
// Every anchor is checked for word boundaries and case, then parsed with a
// tiny lexer that reads a fixed number of tokens ahead (the longest form, a
// range with years, is about a dozen; the last two tokens read are kept)
// and a look-behind that reads at most two short words back, never before
// the end of the previous mention. Each token, gap and look-behind read is
// bounded (`MAX_GAP_CHARS`, `MAX_WORD`, `MAX_DIGITS`), so the work per
// anchor is constant and the whole scan is linear in the text length,
// whatever the input (`March March March …`, `2024 2024 …`).
// ---------------------------------------------------------------------------

/// Whitespace characters allowed between two tokens of one expression.
const MAX_GAP_CHARS: usize = 8;
/// Longest ASCII word the lexer reads; longer words are opaque.
const MAX_WORD: usize = 24;
/// Longest digit run the lexer reads as a number.
const MAX_DIGITS: usize = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// Month number, abbreviation?
    Month(u32, bool),
    /// Weekday, abbreviation?
    Weekday(Weekday, bool),
    /// Day offset of `today` (0), `yesterday` (-1), `tomorrow` (1).
    Relative(i64),
    /// The word `year`.
    YearWord,
    /// The word `month`.
    MonthWord,
    /// A digit.
    Digit,
}

/// Words before a four-digit number that make it a year.
const YEAR_CONTEXT: &[&str] = &[
    "in",
    "for",
    "from",
    "since",
    "by",
    "until",
    "till",
    "of",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "early",
    "mid",
    "late",
];

/// Words before a four-digit number and a noun that make it a year.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that",
];

/// Words after a number that do not start a noun phrase it could modify.
const NOT_NOUNS: &[&str] = &[
    "and", "or", "to", "of", "in", "on", "at", "for", "by", "with", "from", "was", "were", "is",
    "are", "had", "has", "have", "that", "which", "who", "than", "as", "per", "percent", "times",
    "more", "less", "but", "when", "while", "the", "a", "an", "feet", "km", "kg", "mph", "ft", "m",
    "cm", "mm", "mw", "lb", "hp", "sq", "mi", "ha", "strong", "odd", "or", "plus", "times",
];

/// Words after a day number that join it to a second day (`26 to 28
/// March`).
const DAY_CONNECTORS: &[&str] = &["to", "until", "till", "through", "thru", "and"];

/// Words before a bare month name that make it a month mention.
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "of",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "from",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
];

/// Words that make a following weekday part of a named day (`Good Friday`).
const NAMED_DAY_PREFIX: &[&str] = &[
    "black",
    "good",
    "cyber",
    "ash",
    "super",
    "holy",
    "easter",
    "palm",
    "bloody",
    "maundy",
    "giving",
    "shrove",
    "whit",
    "mothering",
    "plough",
    "fat",
    "orthodox",
];

/// Keywords, lower case, as `(first eight bytes packed big-endian, length,
/// ninth byte or 0, anchor)`, sorted by key; found through [`KEYWORD_SLOTS`].
const KEYWORDS: &[(u64, usize, u8, Anchor)] = &[
    (0x0000000000617072, 3, 0, Anchor::Month(4, true)), // apr
    (0x0000000000617567, 3, 0, Anchor::Month(8, true)), // aug
    (0x0000000000646563, 3, 0, Anchor::Month(12, true)), // dec
    (0x0000000000666562, 3, 0, Anchor::Month(2, true)), // feb
    (
        0x0000000000667269,
        3,
        0,
        Anchor::Weekday(Weekday::Fri, true),
    ), // fri
    (0x00000000006a616e, 3, 0, Anchor::Month(1, true)), // jan
    (0x00000000006a756c, 3, 0, Anchor::Month(7, true)), // jul
    (0x00000000006a756e, 3, 0, Anchor::Month(6, true)), // jun
    (0x00000000006d6172, 3, 0, Anchor::Month(3, true)), // mar
    (0x00000000006d6179, 3, 0, Anchor::Month(5, false)), // may
    (
        0x00000000006d6f6e,
        3,
        0,
        Anchor::Weekday(Weekday::Mon, true),
    ), // mon
    (0x00000000006e6f76, 3, 0, Anchor::Month(11, true)), // nov
    (0x00000000006f6374, 3, 0, Anchor::Month(10, true)), // oct
    (
        0x0000000000736174,
        3,
        0,
        Anchor::Weekday(Weekday::Sat, true),
    ), // sat
    (0x0000000000736570, 3, 0, Anchor::Month(9, true)), // sep
    (
        0x000000000073756e,
        3,
        0,
        Anchor::Weekday(Weekday::Sun, true),
    ), // sun
    (
        0x0000000000746875,
        3,
        0,
        Anchor::Weekday(Weekday::Thu, true),
    ), // thu
    (
        0x0000000000747565,
        3,
        0,
        Anchor::Weekday(Weekday::Tue, true),
    ), // tue
    (
        0x0000000000776564,
        3,
        0,
        Anchor::Weekday(Weekday::Wed, true),
    ), // wed
    (0x000000006a756c79, 4, 0, Anchor::Month(7, false)), // july
    (0x000000006a756e65, 4, 0, Anchor::Month(6, false)), // june
    (0x0000000073657074, 4, 0, Anchor::Month(9, true)), // sept
    (
        0x0000000074687572,
        4,
        0,
        Anchor::Weekday(Weekday::Thu, true),
    ), // thur
    (
        0x0000000074756573,
        4,
        0,
        Anchor::Weekday(Weekday::Tue, true),
    ), // tues
    (0x0000000079656172, 4, 0, Anchor::YearWord),       // year
    (0x000000617072696c, 5, 0, Anchor::Month(4, false)), // april
    (0x0000006d61726368, 5, 0, Anchor::Month(3, false)), // march
    (0x0000006d6f6e7468, 5, 0, Anchor::MonthWord),      // month
    (
        0x0000007468757273,
        5,
        0,
        Anchor::Weekday(Weekday::Thu, true),
    ), // thurs
    (0x000000746f646179, 5, 0, Anchor::Relative(0)),    // today
    (0x0000617567757374, 6, 0, Anchor::Month(8, false)), // august
    (
        0x0000667269646179,
        6,
        0,
        Anchor::Weekday(Weekday::Fri, false),
    ), // friday
    (
        0x00006d6f6e646179,
        6,
        0,
        Anchor::Weekday(Weekday::Mon, false),
    ), // monday
    (
        0x000073756e646179,
        6,
        0,
        Anchor::Weekday(Weekday::Sun, false),
    ), // sunday
    (0x006a616e75617279, 7, 0, Anchor::Month(1, false)), // january
    (0x006f63746f626572, 7, 0, Anchor::Month(10, false)), // october
    (
        0x0074756573646179,
        7,
        0,
        Anchor::Weekday(Weekday::Tue, false),
    ), // tuesday
    (0x646563656d626572, 8, 0, Anchor::Month(12, false)), // december
    (0x6665627275617279, 8, 0, Anchor::Month(2, false)), // february
    (0x6e6f76656d626572, 8, 0, Anchor::Month(11, false)), // november
    (
        0x7361747572646179,
        8,
        0,
        Anchor::Weekday(Weekday::Sat, false),
    ), // saturday
    (0x73657074656d6265, 9, b'r', Anchor::Month(9, false)), // september
    (
        0x7468757273646179,
        8,
        0,
        Anchor::Weekday(Weekday::Thu, false),
    ), // thursday
    (0x746f6d6f72726f77, 8, 0, Anchor::Relative(1)),    // tomorrow
    (
        0x7765646e65736461,
        9,
        b'y',
        Anchor::Weekday(Weekday::Wed, false),
    ), // wednesday
    (0x7965737465726461, 9, b'y', Anchor::Relative(-1)), // yesterday
];

/// The anchor a whole ASCII word stands for, if any.
#[inline]
fn keyword(word: &[u8]) -> Option<Anchor> {
    let n = word.len();
    // The first eight bytes packed big-endian, from two overlapping loads.
    let be4 = |i: usize| -> Option<u64> {
        let b = word.get(i..i + 4)?;
        Some(u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]])))
    };
    let raw = match n {
        3 => (u64::from(word[0]) << 16) | (u64::from(word[1]) << 8) | u64::from(word[2]),
        4..=8 => (be4(0)? << (8 * (n - 4))) | be4(n - 4)?,
        9 => (be4(0)? << 32) | be4(4)?,
        _ => return None,
    };
    // ASCII letters only: setting bit 5 lower-cases them (and makes no
    // other byte a letter).
    let key = raw | (0x2020_2020_2020_2020 >> (8 * (8 - n.min(8))));
    let ninth = word.get(8).map_or(0, |b| b | 0x20);
    let i = *KEYWORD_SLOTS.get(keyword_slot(key))?;
    let &(k, len, last, anchor) = KEYWORDS.get(usize::from(i))?;
    (k == key && len == n && last == ninth).then_some(anchor)
}

/// Multiplier of a hash that puts every key of [`KEYWORDS`] in its own
/// slot of [`KEYWORD_SLOTS`] (checked when the table is built).
const KEYWORD_HASH: u64 = 0x6de4_cc47_e324_03db;

const fn keyword_slot(key: u64) -> usize {
    (key.wrapping_mul(KEYWORD_HASH) >> 57) as usize
}

/// For each of 128 hash slots, the index in [`KEYWORDS`] of the keyword
/// there, or `u8::MAX`.
const KEYWORD_SLOTS: [u8; 128] = {
    let mut t = [u8::MAX; 128];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let slot = keyword_slot(KEYWORDS[i].0);
        assert!(t[slot] == u8::MAX, "two keywords share a hash slot");
        t[slot] = i as u8;
        i += 1;
    }
    t
};

/// The start of the run of ASCII letters that ends at `end`, eight bytes
/// at a time.
#[inline]
fn letters_start(bytes: &[u8], mut end: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = end.checked_sub(8).and_then(|s| bytes.get(s..end)) {
        let Ok(arr) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        // As in `letters_end`.
        let x = u64::from_le_bytes(arr) | (0x20 * ONES);
        let t = x & (0x7f * ONES);
        let ge_a = t.wrapping_add(0x1f * ONES);
        let gt_z = t.wrapping_add(0x05 * ONES);
        let letter = ge_a & !gt_z & !x & (0x80 * ONES);
        let other = !letter & (0x80 * ONES);
        if other != 0 {
            // The last byte that is no letter.
            return end - 8 + (63 - other.leading_zeros() as usize) / 8 + 1;
        }
        end -= 8;
    }
    while end > 0 && bytes[end - 1].is_ascii_alphabetic() {
        end -= 1;
    }
    end
}

/// The end of the run of ASCII letters at `pos`, eight bytes at a time.
#[inline]
fn letters_end(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let Ok(arr) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        // Per byte, without carries between bytes: a letter is a byte
        // below 0x80 whose lower-cased form lies in `a..=z`.
        let x = u64::from_le_bytes(arr) | (0x20 * ONES);
        let t = x & (0x7f * ONES);
        let ge_a = t.wrapping_add(0x1f * ONES); // high bit: t >= b'a'
        let gt_z = t.wrapping_add(0x05 * ONES); // high bit: t > b'z'
        let letter = ge_a & !gt_z & !x & (0x80 * ONES);
        let other = !letter & (0x80 * ONES);
        if other != 0 {
            return pos + (other.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while pos < bytes.len() && bytes[pos].is_ascii_alphabetic() {
        pos += 1;
    }
    pos
}

/// Bytes the scan classifies at once.
const BLOCK: usize = 64;
/// A block with the byte before it.
const WINDOW: usize = BLOCK + 1;

/// Bits of [`prefix_hash`].
const PREFIX_BITS: u32 = 13;

/// Folds the first three bytes of a word (little-endian in `v`; the fourth
/// byte is ignored) into [`PREFIX_BITS`] bits, case blind: only the low
/// five bits of each byte count.
#[inline(always)]
const fn prefix_hash(v: u32) -> usize {
    ((v & 0x001f_1f1f).wrapping_mul(0x9e37_79b1) >> (32 - PREFIX_BITS)) as usize
}

/// The hashes of the keywords' three-letter prefixes: `true` where a
/// keyword's prefix lands. A word whose entry is `false` is no keyword; a
/// `true` one is checked by [`keyword`].
static PREFIX_HASHES: [bool; 1 << PREFIX_BITS] = {
    let mut t = [false; 1 << PREFIX_BITS];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let b = KEYWORDS[i].0.to_be_bytes();
        let n = KEYWORDS[i].1;
        // The first three letters of a key packed big-endian.
        let (x, y, z) = if n >= 8 {
            (b[0], b[1], b[2])
        } else {
            (b[8 - n], b[9 - n], b[10 - n])
        };
        t[prefix_hash(u32::from_le_bytes([x, y, z, 0]))] = true;
        i += 1;
    }
    t
};

/// Whether the word starting with the four bytes `v` (little-endian) may
/// be a keyword.
#[inline(always)]
fn may_be_keyword(v: [u8; 4]) -> bool {
    PREFIX_HASHES
        .get(prefix_hash(u32::from_le_bytes(v)))
        .is_some_and(|&hit| hit)
}

/// Whether `b` is an ASCII letter, in a form the compiler vectorizes.
#[inline(always)]
fn is_letter(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26
}

/// 0x80 for an ASCII letter, else 0, as one signed comparison (vector
/// code compares signed bytes in one instruction).
#[inline(always)]
fn letter_class(b: u8) -> u8 {
    // `a` to `z` (with bit 5 set, also `A` to `Z`) land on -128 to -103.
    u8::from(((b | 0x20).wrapping_add(0x1f) as i8) < -102) << 7
}

/// 0xff for an ASCII digit, else 0, the same way.
#[inline(always)]
fn digit_class(b: u8) -> u8 {
    // `0` to `9` land on -128 to -119.
    if (b.wrapping_add(0x50) as i8) < -118 {
        0xff
    } else {
        0
    }
}

/// The multiplier that gathers the high bits of eight bytes in the top
/// byte: the products of the eight bits land on bits 56 to 63, apart from
/// each other and with no carries.
const HIGH_BITS: u64 = 0x0002_0408_1020_4081;

/// The high bits of the eight bytes of `x`, as eight bits.
#[inline(always)]
fn high_bits(x: u64) -> u64 {
    ((x & 0x8080_8080_8080_8080).wrapping_mul(HIGH_BITS)) >> 56
}

/// The keyword anchor of the letter run at `s`, if it is one.
#[inline(never)]
fn word_anchor(bytes: &[u8], s: usize) -> Option<(usize, usize, Anchor)> {
    let e = letters_end(bytes, s + 1);
    let anchor = keyword(bytes.get(s..e)?)?;
    Some((s, e, anchor))
}

/// The digit run at `s` as an anchor.
#[inline(never)]
fn digit_anchor(bytes: &[u8], s: usize) -> (usize, usize, Anchor) {
    (s, digits_end(bytes, s + 1), Anchor::Digit)
}

/// The end of the run of ASCII digits at `pos`, eight bytes at a time.
fn digits_end(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let Ok(arr) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        // Per byte, without carries between bytes: a digit is a byte below
        // 0x80 from 0x30 to 0x39.
        let x = u64::from_le_bytes(arr);
        let t = x & (0x7f * ONES);
        let ge_0 = t.wrapping_add(0x50 * ONES); // high bit: t >= b'0'
        let gt_9 = t.wrapping_add(0x46 * ONES); // high bit: t > b'9'
        let digit = ge_0 & !gt_9 & !x & (0x80 * ONES);
        let other = !digit & (0x80 * ONES);
        if other != 0 {
            return pos + (other.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
        pos += 1;
    }
    pos
}

/// Whether the letter run at `s` may be a keyword, by a hash of its
/// first three letters; a run of fewer than three letters at the end of
/// the text is left to [`word_anchor`].
#[inline(always)]
fn may_start_keyword(bytes: &[u8], s: usize) -> bool {
    bytes
        .get(s..s + 4)
        .and_then(|x| <[u8; 4]>::try_from(x).ok())
        .is_none_or(may_be_keyword)
}

/// The scan's place: the run starts of one block, kept between anchors
/// (several anchors often fall in one block).
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    /// Where the block starts.
    base: usize,
    /// Where it ends (`base` when there is no block yet).
    end: usize,
    /// One bit per byte of the block where a run of three letters or more
    /// starts (or a run of any length in the last two bytes).
    letters: u64,
    /// The same for runs of digits.
    digits: u64,
}

impl Scan {
    /// Marks the run starts of the block at `base` (the byte before it is
    /// the text's own, so `base > 0`).
    fn load(&mut self, bytes: &[u8], base: usize) -> Option<()> {
        let padded;
        let w = match bytes
            .get(base - 1..base - 1 + WINDOW)
            .and_then(|win| <&[u8; WINDOW]>::try_from(win).ok())
        {
            Some(w) => w,
            None => {
                // The last bytes, padded with zeros (no letter, no digit).
                let rest = bytes.get(base - 1..)?;
                let mut w = [0u8; WINDOW];
                w.get_mut(..rest.len())?.copy_from_slice(rest);
                padded = w;
                &padded
            }
        };
        // The class of each byte of the block, in `letter` and `digit` (a
        // plain byte loop: vector code).
        let mut letter = [0u8; BLOCK];
        let mut digit = [0u8; BLOCK];
        for ((l, d), &b) in letter.iter_mut().zip(&mut digit).zip(&w[1..=BLOCK]) {
            *l = letter_class(b);
            *d = digit_class(b);
        }
        // One bit per byte, then the bits where runs start.
        let mut letters = 0u64;
        let mut any_digit = 0u64;
        for (k, (l, d)) in letter
            .chunks_exact(8)
            .zip(digit.chunks_exact(8))
            .enumerate()
        {
            let l = u64::from_le_bytes(l.try_into().unwrap_or_default());
            // Only the high bits are set: no mask is needed.
            letters |= (l.wrapping_mul(HIGH_BITS) >> 56) << (8 * k);
            any_digit |= u64::from_le_bytes(d.try_into().unwrap_or_default());
        }
        let before = w[0];
        // Keywords have three letters at least (the last two bytes of the
        // block go on in the next one: kept).
        let long = (letters >> 1) & (letters >> 2) | (0b11 << 62);
        letters &= !((letters << 1) | u64::from(is_letter(before))) & long;
        let mut digits = 0u64;
        if any_digit != 0 {
            for (k, d) in digit.chunks_exact(8).enumerate() {
                let d = u64::from_le_bytes(d.try_into().unwrap_or_default());
                digits |= high_bits(d) << (8 * k);
            }
            digits &= !((digits << 1) | u64::from(before.is_ascii_digit()));
        }
        *self = Scan {
            base,
            end: base + BLOCK,
            letters,
            digits,
        };
        Some(())
    }

    /// The first anchor among the runs starting at or after `from`, where
    /// the byte before `from` is the text's own (`from > 0`).
    ///
    /// The letter runs are filtered by a hash of their first three letters
    /// here, as they come: most words end with that test.
    #[inline]
    fn find(&mut self, bytes: &[u8], mut from: usize) -> Option<(usize, usize, Anchor)> {
        loop {
            if !(self.base..self.end).contains(&from) {
                if from >= bytes.len() {
                    return None;
                }
                self.load(bytes, from)?;
            }
            // The runs from `from` on.
            let keep = u64::MAX.checked_shl((from - self.base) as u32).unwrap_or(0);
            let digits = self.digits & keep;
            // Letter runs before the first digit run.
            let mut letters = self.letters & keep & digits.wrapping_sub(1);
            if let Some(block) = bytes
                .get(self.base..self.base + BLOCK + 3)
                .and_then(|b| <&[u8; BLOCK + 3]>::try_from(b).ok())
            {
                while letters != 0 {
                    let i = letters.trailing_zeros() as usize & (BLOCK - 1);
                    letters &= letters - 1;
                    if block
                        .get(i..i + 4)
                        .and_then(|x| <[u8; 4]>::try_from(x).ok())
                        .is_none_or(may_be_keyword)
                        && let Some(found) = word_anchor(bytes, self.base + i)
                    {
                        return Some(found);
                    }
                }
            }
            // The last block of the text.
            while letters != 0 {
                let s = self.base + letters.trailing_zeros() as usize;
                letters &= letters - 1;
                if may_start_keyword(bytes, s)
                    && let Some(found) = word_anchor(bytes, s)
                {
                    return Some(found);
                }
            }
            if digits != 0 {
                let i = digits.trailing_zeros() as usize;
                return Some(digit_anchor(bytes, self.base + i));
            }
            from = self.end;
        }
    }
}

/// The next anchor at or after `pos`: a whole ASCII word that is a
/// keyword, or a run of digits; its start, end and kind. A run starts at
/// `pos` whatever comes before it.
///
/// Blocks of [`BLOCK`] bytes are marked where runs start (vector code);
/// only the letter runs whose first three letters hash like a keyword's
/// are read further, so most words cost a few instructions.
fn next_anchor(scan: &mut Scan, bytes: &[u8], pos: usize) -> Option<(usize, usize, Anchor)> {
    let &first = bytes.get(pos)?;
    if first.is_ascii_digit() {
        return Some(digit_anchor(bytes, pos));
    }
    let mut from = pos + 1;
    if is_letter(first) {
        if let Some(found) = word_anchor(bytes, pos) {
            return Some(found);
        }
        from = letters_end(bytes, pos + 1);
    }
    scan.find(bytes, from)
}

// --------------------------------------------------------------- lexer ----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    /// ASCII letters.
    Word(&'a str),
    /// Plain number and its digit count.
    Num(u32, usize),
    /// Number with an ordinal suffix (`7th`).
    Ord(u32),
    /// One punctuation character.
    Punct(char),
    /// Anything else (decimals, times, mixed letters and digits, long words).
    Other,
    /// End of text or a gap too wide for one expression.
    End,
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    tok: Tok<'a>,
    start: usize,
    end: usize,
    /// Whitespace separates it from what came before.
    spaced: bool,
}

/// Whether the character at `pos` is alphanumeric (`false` off a
/// character boundary).
#[inline]
fn is_alnum_at(text: &str, pos: usize) -> bool {
    match text.as_bytes().get(pos) {
        // An ASCII byte always starts a character.
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(pos..)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_alphanumeric),
        None => false,
    }
}

/// The character before `pos` (`None` off a character boundary).
#[inline]
fn char_before(text: &str, pos: usize) -> Option<char> {
    let bytes = text.as_bytes();
    if let Some(&b) = pos.checked_sub(1).and_then(|i| bytes.get(i))
        && b < 0x80
        && text.is_char_boundary(pos)
    {
        return Some(char::from(b));
    }
    text.get(..pos).and_then(|s| s.chars().next_back())
}

fn lex(text: &str, pos: usize) -> Token<'_> {
    let end_tok = |p| Token {
        tok: Tok::End,
        start: p,
        end: p,
        spaced: false,
    };
    if !text.is_char_boundary(pos) {
        return end_tok(pos);
    }
    let bytes = text.as_bytes();
    let mut start = pos;
    let mut newlines = 0;
    let mut n = 0;
    // ASCII fast path: most gaps are one space.
    while let Some(&b) = bytes.get(start) {
        let len = match b {
            b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => 1,
            b'\n' => {
                newlines += 1;
                1
            }
            0..0x80 => break,
            _ => match text.get(start..).and_then(|s| s.chars().next()) {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => break,
            },
        };
        n += 1;
        if n > MAX_GAP_CHARS || newlines > 1 {
            return end_tok(pos);
        }
        start += len;
    }
    let spaced = start > pos;
    let Some(&b) = bytes.get(start) else {
        return end_tok(start);
    };
    let mk = |tok, end| Token {
        tok,
        start,
        end,
        spaced,
    };
    if b.is_ascii_alphabetic() {
        // At most one letter more than a word may have is read.
        let cap = bytes.len().min(start + MAX_WORD + 1);
        let e = letters_end(bytes.get(..cap).unwrap_or(bytes), start + 1);
        if e - start > MAX_WORD {
            return mk(Tok::Other, start + MAX_WORD + 1);
        }
        if is_alnum_at(text, e) {
            return mk(Tok::Other, e);
        }
        return match text.get(start..e) {
            Some(w) => mk(Tok::Word(w), e),
            None => mk(Tok::Other, e),
        };
    }
    if b.is_ascii_digit() {
        let mut e = start;
        let mut v: u32 = 0;
        while let Some(&c) = bytes.get(e)
            && c.is_ascii_digit()
        {
            if e - start >= MAX_DIGITS {
                return mk(Tok::Other, e);
            }
            v = v * 10 + u32::from(c - b'0');
            e += 1;
        }
        let digits = e - start;
        // Ordinal suffix (setting bit 5 lower-cases a letter, and makes no
        // other byte a letter).
        if let (Some(&x), Some(&y)) = (bytes.get(e), bytes.get(e + 1))
            && matches!(
                (x | 0x20, y | 0x20),
                (b's', b't') | (b'n', b'd') | (b'r', b'd') | (b't', b'h')
            )
            && !is_alnum_at(text, e + 2)
        {
            return mk(Tok::Ord(v), e + 2);
        }
        if is_alnum_at(text, e) {
            return mk(Tok::Other, e);
        }
        // Decimals, thousands separators and times of day.
        if let Some(&sep) = bytes.get(e)
            && matches!(sep, b'.' | b',' | b':')
            && bytes.get(e + 1).is_some_and(u8::is_ascii_digit)
        {
            return mk(Tok::Other, e);
        }
        return mk(Tok::Num(v, digits), e);
    }
    if b < 0x80 {
        // Neither a letter nor a digit.
        return mk(Tok::Punct(char::from(b)), start + 1);
    }
    match text.get(start..).and_then(|s| s.chars().next()) {
        Some(c) if c.is_alphanumeric() => mk(Tok::Other, start + c.len_utf8()),
        Some(c) => mk(Tok::Punct(c), start + c.len_utf8()),
        None => end_tok(start),
    }
}

/// The ASCII word just before `pos` (whitespace between allowed), if it
/// starts at or after `floor`.
fn word_before(text: &str, pos: usize, floor: usize) -> Option<(usize, &str)> {
    let head = text.get(floor..pos)?;
    let bytes = head.as_bytes();
    let mut end = bytes.len();
    let mut n = 0;
    let mut newlines = 0;
    loop {
        // ASCII fast path: most gaps are one space.
        let len = match end.checked_sub(1).and_then(|i| bytes.get(i)) {
            None => break,
            Some(b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c') => 1,
            Some(b'\n') => {
                newlines += 1;
                1
            }
            Some(0..0x80) => break,
            Some(_) => match head.get(..end).and_then(|h| h.chars().next_back()) {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => break,
            },
        };
        n += 1;
        if n > MAX_GAP_CHARS || newlines > 1 {
            return None;
        }
        end -= len;
    }
    // At most one letter more than a word may have is read.
    let lo = end.saturating_sub(MAX_WORD + 1);
    let start = lo + letters_start(bytes.get(lo..end)?, end - lo);
    if start == end || end - start > MAX_WORD {
        return None;
    }
    // The word must start at a boundary, also when it meets the floor.
    if char_before(text, floor + start).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some((floor + start, head.get(start..end)?))
}

fn is_capitalized(w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
}

fn is_lowercase(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase())
}

/// Capitalized (`March`), all caps (`MARCH`) or, when `lower_ok`, lower
/// case.
fn case_ok(w: &str, lower_ok: bool) -> bool {
    let b = w.as_bytes();
    if b.is_empty() {
        return false;
    }
    if b[0].is_ascii_uppercase() {
        b[1..].iter().all(u8::is_ascii_lowercase) || b.iter().all(u8::is_ascii_uppercase)
    } else {
        lower_ok && is_lowercase(w)
    }
}

fn in_list(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn month_of(w: &str) -> Option<(u32, bool)> {
    match keyword(w.as_bytes()) {
        Some(Anchor::Month(m, abbr)) => Some((m, abbr)),
        _ => None,
    }
}

fn is_dash(t: Tok<'_>) -> bool {
    matches!(t, Tok::Punct('-' | '\u{2013}' | '\u{2014}' | '\u{2012}'))
}

fn year_of(t: Tok<'_>) -> Option<i32> {
    match t {
        Tok::Num(v, 4) if (1000..=2999).contains(&v) => i32::try_from(v).ok(),
        _ => None,
    }
}

fn day_of(t: Tok<'_>) -> Option<u32> {
    match t {
        Tok::Num(v, 1 | 2) | Tok::Ord(v) if (1..=31).contains(&v) => Some(v),
        _ => None,
    }
}

/// Whether day `d` exists in month `m` of some year (leap years allowed
/// when no year is given).
fn day_fits(m: u32, d: u32, y: Option<i32>) -> bool {
    NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d).is_some()
}

// ---------------------------------------------------------- resolution ----

/// The date with month `m`, day `d` closest to `r` (ties go to the past).
fn closest_day(r: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let y = r.year();
    // When the day exists in the reference's year, it is one of the two
    // nearest; the other lies a year away on the far side of the reference.
    if let Some(c) = NaiveDate::from_ymd_opt(y, m, d) {
        let days = |a: NaiveDate, b: NaiveDate| {
            i64::from(a.num_days_from_ce()) - i64::from(b.num_days_from_ce())
        };
        return Some(if c <= r {
            match NaiveDate::from_ymd_opt(y + 1, m, d) {
                Some(next) if days(next, r) < days(r, c) => next,
                _ => c,
            }
        } else {
            match NaiveDate::from_ymd_opt(y - 1, m, d) {
                Some(prev) if days(r, prev) <= days(c, r) => prev,
                _ => c,
            }
        });
    }
    // February 29 outside a leap year: look on both sides.
    let mut best: Option<(i64, NaiveDate)> = None;
    for y in [y - 1, y + 1] {
        if let Some(c) = NaiveDate::from_ymd_opt(y, m, d) {
            let dist = (c - r).num_days().abs();
            if best.is_none_or(|(bd, _)| dist < bd) {
                best = Some((dist, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The year that puts month `m` closest to the month of `r` (ties go to the
/// past).
fn closest_month_year(r: NaiveDate, m: u32) -> i32 {
    let diff = i64::from(m) - i64::from(r.month());
    if diff >= 6 {
        r.year() - 1
    } else if diff < -6 {
        r.year() + 1
    } else {
        r.year()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Bare,
    Last,
    Next,
    This,
}

fn rel_of(w: &str) -> Option<Rel> {
    if w.eq_ignore_ascii_case("last") {
        Some(Rel::Last)
    } else if w.eq_ignore_ascii_case("next") {
        Some(Rel::Next)
    } else if w.eq_ignore_ascii_case("this") {
        Some(Rel::This)
    } else {
        None
    }
}

fn resolve_weekday(r: NaiveDate, wd: Weekday, rel: Rel) -> Option<NaiveDate> {
    let cur = i64::from(r.weekday().num_days_from_monday());
    let want = i64::from(wd.num_days_from_monday());
    let back = (cur - want).rem_euclid(7);
    let delta = match rel {
        Rel::Bare => -back,
        Rel::Last => -(if back == 0 { 7 } else { back }),
        Rel::Next => {
            let fwd = (want - cur).rem_euclid(7);
            if fwd == 0 { 7 } else { fwd }
        }
        Rel::This => want - cur,
    };
    r.checked_add_signed(chrono::TimeDelta::try_days(delta)?)
}

fn resolve_month(r: NaiveDate, m: u32, rel: Rel) -> (i32, u32) {
    let y = match rel {
        Rel::Bare => closest_month_year(r, m),
        Rel::This => r.year(),
        Rel::Last => {
            if m < r.month() {
                r.year()
            } else {
                r.year() - 1
            }
        }
        Rel::Next => {
            if m > r.month() {
                r.year()
            } else {
                r.year() + 1
            }
        }
    };
    (y, m)
}

// ------------------------------------------------------------- parsing ----

/// A day expression: month, day, maybe a year, and where it lies.
#[derive(Debug, Clone, Copy)]
struct DayPart {
    month: u32,
    day: u32,
    year: Option<i32>,
    /// A relative year (`last year`) with no reference date to resolve it.
    year_lost: bool,
    start: usize,
    end: usize,
}

/// A continuation that the next anchor may pick up: the second year of
/// `in 2020 and 2021`, the second day of `April 24 and 25`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Chain {
    /// Where the continuing number starts.
    at: usize,
    /// Month and year of a day continuation; `None` for a year.
    day_of: Option<(u32, Option<i32>, bool)>,
}

#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    kind: DateKind,
    value: Option<DateValue>,
    chain: Option<Chain>,
}

/// A word found before a position: its start and text.
type WordBefore<'a> = Option<(usize, &'a str)>;

struct Parser<'a> {
    text: &'a str,
    reference: Option<NaiveDate>,
    floor: usize,
    chain: Option<Chain>,
    /// The last look-behind asked for: the rules around one anchor ask for
    /// the same word several times.
    behind: Cell<Option<(usize, WordBefore<'a>)>>,
    /// The last two tokens read, for the same reason: where each starts
    /// (`usize::MAX` for none) and the token; `fresh` is the slot the next
    /// token goes to.
    ahead_at: [Cell<usize>; 2],
    ahead: [Cell<Token<'a>>; 2],
    fresh: Cell<usize>,
}

impl<'a> Parser<'a> {
    fn new(
        text: &'a str,
        reference: Option<NaiveDate>,
        floor: usize,
        chain: Option<Chain>,
    ) -> Self {
        let none = Token {
            tok: Tok::End,
            start: 0,
            end: 0,
            spaced: false,
        };
        Parser {
            text,
            reference,
            floor,
            chain,
            behind: Cell::new(None),
            ahead_at: [Cell::new(usize::MAX), Cell::new(usize::MAX)],
            ahead: [Cell::new(none), Cell::new(none)],
            fresh: Cell::new(0),
        }
    }

    fn lex(&self, pos: usize) -> Token<'a> {
        for (at, t) in self.ahead_at.iter().zip(&self.ahead) {
            if at.get() == pos {
                return t.get();
            }
        }
        let t = lex(self.text, pos);
        let slot = self.fresh.get() & 1;
        if let (Some(at), Some(cell)) = (self.ahead_at.get(slot), self.ahead.get(slot)) {
            at.set(pos);
            cell.set(t);
        }
        self.fresh.set(slot ^ 1);
        t
    }

    fn word_before(&self, pos: usize) -> Option<(usize, &'a str)> {
        if let Some((p, w)) = self.behind.get()
            && p == pos
        {
            return w;
        }
        let w = word_before(self.text, pos, self.floor);
        self.behind.set(Some((pos, w)));
        w
    }

    /// Reads a month name token at `t` (with the dot of an abbreviation),
    /// returning the month and the end of the name.
    fn month_token(&self, t: Token<'a>, lower_ok: bool) -> Option<(u32, usize)> {
        let Tok::Word(w) = t.tok else { return None };
        let (m, abbr) = month_of(w)?;
        if !case_ok(w, lower_ok && m != 5) {
            return None;
        }
        let mut end = t.end;
        if abbr && self.text.as_bytes().get(end) == Some(&b'.') {
            end += 1;
        }
        Some((m, end))
    }

    /// `last year`, `this year`, `next year` at token `t`: the year (when
    /// a reference is known) and the end.
    fn relative_year(&self, t: Token<'a>) -> Option<(Option<i32>, usize)> {
        let Tok::Word(w) = t.tok else { return None };
        let delta = match rel_of(w)? {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => 0,
        };
        let yt = self.lex(t.end);
        match yt.tok {
            Tok::Word(y) if y.eq_ignore_ascii_case("year") && !is_alnum_at(self.text, yt.end) => {
                Some((self.reference.map(|r| r.year() + delta), yt.end))
            }
            _ => None,
        }
    }

    /// Attaches an optional year after the end of `p`.
    fn attach_year(&self, p: &mut DayPart) {
        if let Some((y, e)) = self.year_after(p.end) {
            p.year = y;
            p.year_lost = y.is_none();
            p.end = e;
        }
    }

    /// An optional `[,] YYYY` (or `last year`, `this year`, `next year`)
    /// after `pos`; the year is `None` for a relative year without
    /// reference.
    fn year_after(&self, pos: usize) -> Option<(Option<i32>, usize)> {
        let mut t = self.lex(pos);
        if t.tok == Tok::Punct(',') {
            t = self.lex(t.end);
        } else if let Tok::Word(w) = t.tok
            && w.eq_ignore_ascii_case("of")
        {
            // `26th of June of 2020`.
            let yt = self.lex(t.end);
            year_of(yt.tok)?;
            t = yt;
        }
        if !t.spaced {
            return None;
        }
        if let Some(r) = self.relative_year(t) {
            return Some(r);
        }
        let y = Some(year_of(t.tok)?);
        let after = self.lex(t.end);
        if !after.spaced && (is_dash(after.tok) || matches!(after.tok, Tok::Punct('/' | '%'))) {
            return None;
        }
        Some((y, t.end))
    }

    /// `March 24`, `Oct. 7th`, `March 26, 2024` starting at token `t`.
    fn month_first(&self, t: Token<'a>, lower_ok: bool) -> Option<(DayPart, usize)> {
        let (m, name_end) = self.month_token(t, lower_ok)?;
        self.month_first_from(t, m, name_end)
    }

    /// [`Parser::month_first`] once the month name at `t` is read: month
    /// `m`, ending at `name_end`.
    fn month_first_from(&self, t: Token<'a>, m: u32, name_end: usize) -> Option<(DayPart, usize)> {
        let mut dt = self.lex(name_end);
        if !dt.spaced {
            return None;
        }
        // `February the 15th`.
        if let Tok::Word(w) = dt.tok
            && w.eq_ignore_ascii_case("the")
        {
            dt = self.lex(dt.end);
        }
        let (d, d_end, spelled) = self.day_token(dt)?;
        let after = self.lex(d_end);
        if matches!(after.tok, Tok::Punct('%')) {
            return None;
        }
        // `March first` only as a whole (`March first-quarter` is not).
        if spelled && (matches!(after.tok, Tok::Word(_)) || (!after.spaced && is_dash(after.tok))) {
            return None;
        }
        let mut part = DayPart {
            month: m,
            day: d,
            year: None,
            year_lost: false,
            start: t.start,
            end: d_end,
        };
        self.attach_year(&mut part);
        day_fits(m, d, part.year).then_some((part, name_end))
    }

    /// A day of the month at `t`: `7`, `7th`, or a lower-case ordinal word
    /// (`first`, `twenty-first`, `thirty first`); its value, end, and
    /// whether it was spelled out.
    fn day_token(&self, t: Token<'a>) -> Option<(u32, usize, bool)> {
        if let Some(d) = day_of(t.tok) {
            return Some((d, t.end, false));
        }
        let Tok::Word(w) = t.tok else { return None };
        if !is_lowercase(w) {
            return None;
        }
        if let Some(d) = ordinal_word(w) {
            return Some((d, t.end, true));
        }
        let tens = match w {
            "twenty" => 20,
            "thirty" => 30,
            _ => return None,
        };
        let mut u = self.lex(t.end);
        if is_dash(u.tok) && !u.spaced {
            u = self.lex(u.end);
            if u.spaced {
                return None;
            }
        }
        let Tok::Word(uw) = u.tok else { return None };
        let d = tens + ordinal_word(uw).filter(|&d| d <= 9)?;
        (d <= 31).then_some((d, u.end, true))
    }

    /// `24 March`, `7th of October`, `24 March 2024` starting at token `t`.
    fn day_first(&self, t: Token<'a>) -> Option<DayPart> {
        let (d, d_end, spelled) = self.day_token(t)?;
        let mut mt = self.lex(d_end);
        if !mt.spaced {
            return None;
        }
        let mut of = false;
        if let Tok::Word(w) = mt.tok
            && w.eq_ignore_ascii_case("of")
        {
            mt = self.lex(mt.end);
            of = true;
        }
        if spelled && !of {
            return None;
        }
        let (m, name_end) = self.month_token(mt, true)?;
        let mut part = DayPart {
            month: m,
            day: d,
            year: None,
            year_lost: false,
            start: t.start,
            end: name_end,
        };
        self.attach_year(&mut part);
        day_fits(m, d, part.year).then_some(part)
    }

    /// `the first of March`, `twenty-first of June`: a spelled day before
    /// `of` and the month name at `t`; the day and where it starts.
    fn spelled_day_before(&self, t: Token<'a>) -> Option<(u32, usize)> {
        let (os, ow) = self.word_before(t.start)?;
        if !ow.eq_ignore_ascii_case("of") {
            return None;
        }
        let (ds, dw) = self.word_before(os)?;
        if !is_lowercase(dw) {
            return None;
        }
        let mut d = ordinal_word(dw)?;
        let mut start = ds;
        if d <= 9 {
            // `twenty-first`, `thirty first`.
            let head = if self.text.as_bytes().get(ds.wrapping_sub(1)) == Some(&b'-') {
                ds - 1
            } else {
                ds
            };
            if let Some((ts, tw)) = self.word_before(head) {
                let tens = match tw {
                    "twenty" => 20,
                    "thirty" => 30,
                    _ => 0,
                };
                if tens > 0 {
                    d += tens;
                    start = ts;
                }
            }
        }
        if d > 31 {
            return None;
        }
        if let Some((ts, tw)) = self.word_before(start)
            && tw.eq_ignore_ascii_case("the")
        {
            start = ts;
        }
        Some((d, start))
    }

    fn day_value(&self, p: &DayPart) -> Option<NaiveDate> {
        if p.year_lost {
            return None;
        }
        match p.year {
            Some(y) => NaiveDate::from_ymd_opt(y, p.month, p.day),
            None => closest_day(self.reference?, p.month, p.day),
        }
    }

    fn range_value(&self, a: &DayPart, b: &DayPart) -> Option<DateValue> {
        if a.year_lost || b.year_lost {
            return None;
        }
        let (ya, yb) = match (a.year, b.year) {
            (Some(ya), Some(yb)) => (ya, yb),
            (None, Some(yb)) => {
                let ya = if (a.month, a.day) > (b.month, b.day) {
                    yb - 1
                } else {
                    yb
                };
                (ya, yb)
            }
            (Some(ya), None) => {
                let yb = if (b.month, b.day) < (a.month, a.day) {
                    ya + 1
                } else {
                    ya
                };
                (ya, yb)
            }
            (None, None) => {
                let s = closest_day(self.reference?, a.month, a.day)?;
                let ya = s.year();
                let yb = if (b.month, b.day) < (a.month, a.day) {
                    ya + 1
                } else {
                    ya
                };
                (ya, yb)
            }
        };
        let s = NaiveDate::from_ymd_opt(ya, a.month, a.day)?;
        let e = NaiveDate::from_ymd_opt(yb, b.month, b.day)?;
        (s <= e).then_some(DateValue::Range(s, e))
    }

    fn day_found(&self, p: DayPart) -> Found {
        Found {
            start: p.start,
            end: p.end,
            kind: DateKind::Date,
            value: self.day_value(&p).map(DateValue::Day),
            chain: None,
        }
    }

    fn range_found(&self, start: usize, a: DayPart, b: DayPart) -> Option<Found> {
        if !day_fits(a.month, a.day, a.year) || !day_fits(b.month, b.day, b.year) {
            return None;
        }
        let value = self.range_value(&a, &b);
        if value.is_none() && (a.year.is_some() || b.year.is_some() || self.reference.is_some()) {
            // Ends out of order.
            return None;
        }
        Some(Found {
            start,
            end: b.end,
            kind: DateKind::Range,
            value,
            chain: None,
        })
    }

    /// Whether `t` joins the two ends of a range: a dash, `to`, `through`,
    /// `thru`, `until`, `till`; `and` only after `between`.
    fn range_connector(&self, t: Tok<'_>, between: bool) -> bool {
        match t {
            Tok::Word(w) if between => w.eq_ignore_ascii_case("and"),
            Tok::Word(w) => in_list(w, &["to", "until", "till", "through", "thru"]),
            t => is_dash(t) && !between,
        }
    }

    /// Skips an optional `the` at `t`.
    fn skip_the(&self, t: Token<'a>) -> Token<'a> {
        match t.tok {
            Tok::Word(w) if w.eq_ignore_ascii_case("the") => self.lex(t.end),
            _ => t,
        }
    }

    /// After a day `a`, tries a range to a second day (`March 26-27`,
    /// `March 26 to April 2`, `from March 1 to March 5, 2024`, `between
    /// March 1 and 5`) and returns it, or `a` alone.
    fn with_range_tail(&self, a: DayPart, opener: Option<(usize, bool)>) -> Found {
        let between = opener.is_some_and(|(_, from)| !from);
        let conn = self.lex(a.end);
        if self.range_connector(conn.tok, between) {
            let bt = self.skip_the(self.lex(conn.end));
            let b = if let Some((b, _)) = self.month_first(bt, true) {
                Some(b)
            } else if let Some(b) = self.day_first(bt) {
                Some(b)
            } else if let (Some(d), true) = (day_of(bt.tok), a.year.is_none()) {
                let mut b = DayPart {
                    month: a.month,
                    day: d,
                    year: None,
                    year_lost: false,
                    start: bt.start,
                    end: bt.end,
                };
                let after = self.lex(bt.end);
                let unit = matches!(after.tok, Tok::Punct('%' | ':'))
                    || matches!(after.tok, Tok::Word(w) if !after.spaced || is_time_word(w));
                self.attach_year(&mut b);
                (d > a.day && !unit).then_some(b)
            } else {
                None
            };
            if let Some(b) = b {
                let start = match opener {
                    Some((s, true)) => s,
                    _ => a.start,
                };
                if let Some(f) = self.range_found(start, a, b) {
                    return f;
                }
            }
        }
        let mut f = self.day_found(a);
        // `April 24 and 25`: the second day continues the first.
        let conn = self.lex(a.end);
        if let Tok::Word(w) = conn.tok
            && in_list(w, &["and", "or"])
        {
            let dt = self.lex(conn.end);
            if let Tok::Num(d, 1 | 2) | Tok::Ord(d) = dt.tok
                && d > a.day
                && day_fits(a.month, d, a.year)
            {
                let after = self.lex(dt.end);
                let own_month = matches!(after.tok, Tok::Word(w)
                    if month_of(w).is_some() || w.eq_ignore_ascii_case("of"));
                if !own_month {
                    f.chain = Some(Chain {
                        at: dt.start,
                        day_of: Some((a.month, a.year, a.year_lost)),
                    });
                }
            }
        }
        f
    }

    /// The next year of a list or span of years after `end`: `2020 and
    /// 2021`, `1991 to 1997`, `2020-2022`.
    fn year_chain(&self, end: usize) -> Option<Chain> {
        let conn = self.lex(end);
        let ok = match conn.tok {
            Tok::Word(w) => in_list(w, &["and", "or", "to", "through", "until", "till"]),
            t => is_dash(t) || t == Tok::Punct(','),
        };
        if !ok {
            return None;
        }
        let yt = self.lex(conn.end);
        year_of(yt.tok)?;
        let after = self.lex(yt.end);
        if !after.spaced && (is_dash(after.tok) || matches!(after.tok, Tok::Punct('/' | '%'))) {
            return None;
        }
        Some(Chain {
            at: yt.start,
            day_of: None,
        })
    }

    /// The number at `t` continuing a chain of days or years.
    fn chained(&self, t: Token<'a>, chain: Chain) -> Option<Found> {
        match chain.day_of {
            Some((month, year, year_lost)) => {
                let day = day_of(t.tok)?;
                let p = DayPart {
                    month,
                    day,
                    year,
                    year_lost,
                    start: t.start,
                    end: t.end,
                };
                let mut f = self.day_found(p);
                f.chain = None;
                Some(f)
            }
            None => {
                let y = year_of(t.tok)?;
                Some(Found {
                    start: t.start,
                    end: t.end,
                    kind: DateKind::Year,
                    value: Some(DateValue::Year(y)),
                    chain: self.year_chain(t.end),
                })
            }
        }
    }

    /// `from` (kept in the text) or `between` (left out) before `pos`.
    fn range_opener(&self, pos: usize) -> Option<(usize, bool)> {
        let (s, w) = self.word_before(pos)?;
        if w.eq_ignore_ascii_case("from") {
            Some((s, true))
        } else if w.eq_ignore_ascii_case("between") {
            Some((s, false))
        } else {
            None
        }
    }

    /// Everything that starts with a month name at token `t`.
    fn at_month(&self, t: Token<'a>, m: u32, abbr: bool) -> Option<Found> {
        let Tok::Word(w) = t.tok else { return None };
        let lower = is_lowercase(w);
        if !case_ok(w, m != 5) {
            return None;
        }
        let mut name_end = t.end;
        if abbr && self.text.as_bytes().get(name_end) == Some(&b'.') {
            name_end += 1;
        }
        // Spelled day before: `the first of March`.
        if let Some((d, start)) = self.spelled_day_before(t) {
            let mut a = DayPart {
                month: m,
                day: d,
                year: None,
                year_lost: false,
                start,
                end: name_end,
            };
            self.attach_year(&mut a);
            if day_fits(m, d, a.year) {
                return Some(self.day_found(a));
            }
        }
        // Month name followed by a day (the name is read: it is the anchor,
        // and its case passed above).
        if let Some((a, _)) = self.month_first_from(t, m, name_end) {
            return Some(self.with_range_tail(a, self.range_opener(t.start)));
        }
        if lower && abbr {
            return None;
        }
        let (start, rel) = self.month_modifier(t.start);
        let opener = self.range_opener(start);
        // Span of months: `from March to May 2024`, `between August and
        // October`.
        if let Some((os, is_from)) = opener
            && let Some(f) =
                self.month_range(m, name_end, if is_from { os } else { start }, !is_from)
        {
            return Some(f);
        }
        if lower {
            return None;
        }
        // Month of a relative year: `June last year`.
        if let Some((y, end)) = self.relative_year(self.lex(name_end)) {
            return Some(Found {
                start,
                end,
                kind: DateKind::Month,
                value: y.map(|year| DateValue::Month { year, month: m }),
                chain: None,
            });
        }
        // Month and year: `March 2024`, `March of 2024`.
        let mut yt = self.lex(name_end);
        if let Tok::Word(w) = yt.tok
            && w.eq_ignore_ascii_case("of")
        {
            yt = self.lex(yt.end);
        }
        if yt.spaced
            && let Some(y) = year_of(yt.tok)
        {
            let after = self.lex(yt.end);
            if after.spaced || !(is_dash(after.tok) || matches!(after.tok, Tok::Punct('/' | '%'))) {
                return Some(Found {
                    start,
                    end: yt.end,
                    kind: DateKind::Month,
                    value: Some(DateValue::Month { year: y, month: m }),
                    chain: None,
                });
            }
        }
        // Bare month.
        if abbr {
            return None;
        }
        let next = self.lex(name_end);
        if let Tok::Word(nw) = next.tok
            && next.spaced
            && (nw == "Day" || nw == "Day's")
        {
            return None;
        }
        let has_context = start < t.start
            || self
                .word_before(t.start)
                .is_some_and(|(_, w)| in_list(w, MONTH_CONTEXT));
        // `the March accession`, `the May elections`: a determiner before and
        // a lower-case noun after make even an ambiguous name a month.
        let attributive = || {
            self.word_before(t.start)
                .is_some_and(|(_, w)| in_list(w, DETERMINERS))
                && next.spaced
                && matches!(next.tok, Tok::Word(nw) if is_lowercase(nw) && !in_list(nw, NOT_NOUNS))
        };
        if !has_context && !attributive() {
            if matches!(m, 3 | 5 | 8) {
                return None;
            }
            if let Tok::Word(nw) = next.tok
                && next.spaced
                && is_capitalized(nw)
            {
                return None;
            }
            // A capitalized word before (`June Carter`, `Hurricane April`)
            // that is not sentence-initial makes a name.
            if let Some((ps, pw)) = self.word_before(t.start)
                && is_capitalized(pw)
                && !self.sentence_start(ps)
            {
                return None;
            }
        }
        Some(Found {
            start,
            end: name_end,
            kind: DateKind::Month,
            value: self.reference.map(|r| {
                let (year, month) = resolve_month(r, m, rel);
                DateValue::Month { year, month }
            }),
            chain: None,
        })
    }

    /// `M1 to M2 [YYYY]` after the first month name, which ends at
    /// `name_end`; the range starts at `start`.
    fn month_range(&self, m1: u32, name_end: usize, start: usize, between: bool) -> Option<Found> {
        let conn = self.lex(name_end);
        if !self.range_connector(conn.tok, between) {
            return None;
        }
        let mt = self.lex(conn.end);
        let (m2, end2) = self.month_token(mt, true)?;
        if let Tok::Word(w) = mt.tok
            && (w == "may" || (is_lowercase(w) && month_of(w).is_some_and(|(_, a)| a)))
        {
            return None;
        }
        let (y2, end) = match self.year_after(end2) {
            Some((y, e)) => (y.map(Some), e),
            None => (Some(None), end2),
        };
        let years = match y2 {
            None => None,
            Some(Some(y2)) => Some((if m1 > m2 { y2 - 1 } else { y2 }, y2)),
            Some(None) => self.reference.map(|r| {
                let y1 = closest_month_year(r, m1);
                (y1, if m2 < m1 { y1 + 1 } else { y1 })
            }),
        };
        let value = match years {
            Some((y1, y2)) => {
                let s = NaiveDate::from_ymd_opt(y1, m1, 1)?;
                let e = last_day_of_month(y2, m2)?;
                Some(DateValue::Range(s, e))
            }
            None => None,
        };
        Some(Found {
            start,
            end,
            kind: DateKind::Range,
            value,
            chain: None,
        })
    }

    /// Whether `pos` starts a sentence (text start, or after `.!?:` or a
    /// line break).
    fn sentence_start(&self, pos: usize) -> bool {
        // Look back a bounded window: a longer gap counts as a break.
        let from = (pos.saturating_sub(16)..=pos)
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(pos);
        let head = self.text.get(from..pos).unwrap_or("");
        let trimmed = head.trim_end();
        if trimmed.is_empty() && from > 0 {
            return true;
        }
        if head[trimmed.len()..].contains('\n') {
            return true;
        }
        match trimmed.chars().next_back() {
            None => true,
            Some(c) => matches!(c, '.' | '!' | '?' | ':' | '"' | '\u{201c}' | '(' | ';'),
        }
    }

    /// Modifier before a month or year: `early`, `mid`, `mid-`, `late`
    /// (kept for both), `last`, `next`, `this` (months only).
    fn month_modifier(&self, pos: usize) -> (usize, Rel) {
        if let Some(s) = self.mid_dash(pos) {
            return (s, Rel::Bare);
        }
        if let Some((s, w)) = self.word_before(pos) {
            if in_list(w, &["early", "mid", "late"]) {
                return (s, Rel::Bare);
            }
            if let Some(rel) = rel_of(w) {
                return (s, rel);
            }
        }
        (pos, Rel::Bare)
    }

    /// Start of `mid-` right before `pos`.
    fn mid_dash(&self, pos: usize) -> Option<usize> {
        let s = pos.checked_sub(4)?;
        if s < self.floor {
            return None;
        }
        let head = self.text.get(s..pos)?;
        (head.eq_ignore_ascii_case("mid-")
            && !char_before(self.text, s).is_some_and(char::is_alphanumeric))
        .then_some(s)
    }

    fn at_weekday(&self, t: Token<'a>, wd: Weekday, abbr: bool) -> Option<Found> {
        let Tok::Word(w) = t.tok else { return None };
        if !case_ok(w, !abbr) {
            return None;
        }
        let mut name_end = t.end;
        let dotted = self.text.as_bytes().get(name_end) == Some(&b'.');
        if abbr {
            if is_lowercase(w) {
                return None;
            }
            if dotted {
                name_end += 1;
            } else if matches!(wd, Weekday::Sat | Weekday::Sun) {
                return None;
            }
        }
        let prev = self.word_before(t.start);
        if let Some((_, pw)) = prev
            && is_capitalized(pw)
            && in_list(pw, NAMED_DAY_PREFIX)
        {
            return None;
        }
        // `the Sun.`, `the Mon` are names, not days.
        if abbr && prev.is_some_and(|(_, pw)| pw.eq_ignore_ascii_case("the")) {
            return None;
        }
        // Weekday heading a date: `Tuesday, March 26, 2024`.
        let mut nt = self.lex(name_end);
        if nt.tok == Tok::Punct(',') {
            nt = self.lex(nt.end);
        }
        if nt.spaced {
            let day = if let Some((p, _)) = self.month_first(nt, true) {
                Some(p)
            } else {
                self.day_first(nt)
            };
            if let Some(mut p) = day {
                p.start = t.start;
                return Some(self.with_range_tail(p, None));
            }
        }
        // `last`, `next`, `this`; `previous`, `past` (also `this past`) for
        // `last`; `coming`, `upcoming` (also `this coming`) for `next`.
        let modifier = prev.and_then(|(s, w)| {
            let rel = rel_of(w).or_else(|| {
                if in_list(w, &["previous", "past"]) {
                    Some(Rel::Last)
                } else if in_list(w, &["coming", "upcoming"]) {
                    Some(Rel::Next)
                } else {
                    None
                }
            })?;
            let start = match self.word_before(s) {
                Some((ts, tw)) if rel_of(w).is_none() && tw.eq_ignore_ascii_case("this") => ts,
                _ => s,
            };
            Some((start, rel))
        });
        let (start, rel) = modifier.unwrap_or((t.start, Rel::Bare));
        Some(Found {
            start,
            end: name_end,
            kind: DateKind::Weekday,
            value: self
                .reference
                .and_then(|r| resolve_weekday(r, wd, rel))
                .map(DateValue::Day),
            chain: None,
        })
    }

    fn at_relative(&self, t: Token<'a>, offset: i64) -> Option<Found> {
        let Tok::Word(w) = t.tok else { return None };
        if !case_ok(w, true) {
            return None;
        }
        // `USA Today`, `Russia Today`: a capitalized `Today` right after a
        // capitalized word that is not a preposition or conjunction.
        if is_capitalized(w)
            && let Some((_, pw)) = self.word_before(t.start)
            && is_capitalized(pw)
            && !in_list(
                pw,
                &[
                    "in", "on", "by", "until", "since", "from", "and", "but", "then", "so", "as",
                    "for", "until", "even", "just", "only",
                ],
            )
        {
            return None;
        }
        Some(Found {
            start: t.start,
            end: t.end,
            kind: DateKind::Relative,
            value: self
                .reference
                .and_then(|r| r.checked_add_signed(chrono::TimeDelta::try_days(offset)?))
                .map(DateValue::Day),
            chain: None,
        })
    }

    /// `last year`, `next year`, `this year`, `the year 2023`.
    fn at_year_word(&self, t: Token<'a>) -> Option<Found> {
        let Tok::Word(w) = t.tok else { return None };
        if !case_ok(w, true) {
            return None;
        }
        let (ps, pw) = self.word_before(t.start)?;
        if let Some(rel) = rel_of(pw) {
            let delta = match rel {
                Rel::Last => -1,
                Rel::Next => 1,
                _ => 0,
            };
            // `early next year`, `late last year`, `earlier this year`.
            let start = match self.word_before(ps) {
                Some((ms, mw)) if in_list(mw, &["early", "mid", "late", "earlier", "later"]) => ms,
                _ => ps,
            };
            return Some(Found {
                start,
                end: t.end,
                kind: DateKind::Year,
                value: self.reference.map(|r| DateValue::Year(r.year() + delta)),
                chain: None,
            });
        }
        if pw.eq_ignore_ascii_case("the") {
            let yt = self.lex(t.end);
            if yt.spaced
                && let Some(y) = year_of(yt.tok)
            {
                return Some(Found {
                    start: ps,
                    end: yt.end,
                    kind: DateKind::Year,
                    value: Some(DateValue::Year(y)),
                    chain: None,
                });
            }
        }
        None
    }

    /// `last month`, `next month`.
    fn at_month_word(&self, t: Token<'a>) -> Option<Found> {
        let Tok::Word(w) = t.tok else { return None };
        if !case_ok(w, true) {
            return None;
        }
        let (ps, pw) = self.word_before(t.start)?;
        let delta = match rel_of(pw)? {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => return None,
        };
        Some(Found {
            start: ps,
            end: t.end,
            kind: DateKind::Month,
            value: self.reference.and_then(|r| {
                let d = if delta < 0 {
                    r.checked_sub_months(chrono::Months::new(1))?
                } else {
                    r.checked_add_months(chrono::Months::new(1))?
                };
                Some(DateValue::Month {
                    year: d.year(),
                    month: d.month(),
                })
            }),
            chain: None,
        })
    }

    fn at_digit(&self, start: usize) -> Option<Found> {
        if let Some(chain) = self.chain
            && chain.at == start
        {
            return self.chained(self.lex(start), chain);
        }
        // Digits inside identifiers (`F-16`, `A320`), after currency signs or
        // inside numbers (`1,200`, `3/24`) start nothing.
        if let Some(c) = char_before(self.text, start) {
            if c.is_alphanumeric() || matches!(c, '$' | '€' | '£' | '¥' | '#' | '_' | '+') {
                return None;
            }
            if matches!(c, '.' | ',' | ':' | '/' | '-') {
                let before = char_before(self.text, start - 1);
                let is_mid = c == '-' && self.mid_dash(start).is_some();
                if before.is_some_and(char::is_alphanumeric) && !is_mid {
                    return None;
                }
            }
        }
        if let Some(f) = self.numeric_date(start) {
            return Some(f);
        }
        let t = self.lex(start);
        match t.tok {
            Tok::Num(_, 4) => self.year_in_context(t),
            Tok::Num(_, 1 | 2) | Tok::Ord(_) => self.day_first_at(t),
            _ => None,
        }
    }

    /// `2024-03-25`, and `3/24/2024` or `24/3/2024` where one part is over
    /// 12 (or both parts are equal).
    /// Numeric dates: `2024-03-25` (also with `/` or `.`); `3/24/2024`,
    /// `24-03-2024` with the year last, read month first or day first by
    /// whichever part is over 12 (equal parts are the same either way;
    /// `3/4/2024`, where both could be the month, is left out); with dots
    /// (`13.5.2015`, `05.03.2024`), day first unless the second part is
    /// over 12, as nearly everywhere dots are used.
    fn numeric_date(&self, start: usize) -> Option<Found> {
        let b = self.text.as_bytes();
        let mut parts = [(0u32, 0usize); 3];
        let mut seps = [0u8; 2];
        let mut p = start;
        for (i, part) in parts.iter_mut().enumerate() {
            let s = p;
            let mut v = 0u32;
            while p < b.len() && b[p].is_ascii_digit() && p - s < 4 {
                v = v * 10 + u32::from(b[p] - b'0');
                p += 1;
            }
            if p == s || b.get(p).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            *part = (v, p - s);
            if i < 2 {
                let c = *b.get(p)?;
                if !matches!(c, b'-' | b'/' | b'.') {
                    return None;
                }
                seps[i] = c;
                p += 1;
            }
        }
        // An ISO date may run into a time (`2024-03-25T10:00`).
        let iso_time = parts[0].1 == 4
            && b.get(p) == Some(&b'T')
            && b.get(p + 1).is_some_and(u8::is_ascii_digit);
        if seps[0] != seps[1] || (is_alnum_at(self.text, p) && !iso_time) {
            return None;
        }
        if b.get(p)
            .is_some_and(|c| matches!(c, b'-' | b'/' | b'.' | b':'))
            && b.get(p + 1).is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        let sep = seps[0];
        let date = match parts {
            [(y, 4), (m, 1 | 2), (d, 1 | 2)] => {
                NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?
            }
            [(a, 1 | 2), (c, 1 | 2), (y, 4)] => {
                let y = i32::try_from(y).ok()?;
                let (m, d) = if sep == b'.' && c <= 12 {
                    (c, a)
                } else if a == c || (a <= 12 && c > 12) {
                    (a, c)
                } else if a > 12 && c <= 12 {
                    (c, a)
                } else {
                    return None;
                };
                NaiveDate::from_ymd_opt(y, m, d)?
            }
            _ => return None,
        };
        if !(1000..=2999).contains(&date.year()) {
            return None;
        }
        Some(Found {
            start,
            end: p,
            kind: DateKind::Date,
            value: Some(DateValue::Day(date)),
            chain: None,
        })
    }

    fn year_in_context(&self, t: Token<'a>) -> Option<Found> {
        let y = year_of(t.tok)?;
        let after = self.lex(t.end);
        if !after.spaced && matches!(after.tok, Tok::Punct('%' | '/')) {
            return None;
        }
        let chain = self.year_chain(t.end);
        if !after.spaced && is_dash(after.tok) && chain.is_none() {
            // `2023-24`, `1957-58`.
            return None;
        }
        let year = |start| Found {
            start,
            end: t.end,
            kind: DateKind::Year,
            value: Some(DateValue::Year(y)),
            chain,
        };
        if let Some(s) = self.mid_dash(t.start) {
            return Some(year(s));
        }
        let (ps, pw) = self.word_before(t.start)?;
        if in_list(pw, &["early", "mid", "late", "fiscal"]) {
            return Some(year(ps));
        }
        if pw.eq_ignore_ascii_case("year")
            && let Some((ts, tw)) = self.word_before(ps)
            && tw.eq_ignore_ascii_case("the")
        {
            return Some(year(ts));
        }
        // `from 2020 to 2022`, `between 1994 and 1997`: two years.
        let counted = || matches!(after.tok, Tok::Word(w) if after.spaced && is_plural_noun(w));
        // Attributive years: `the 1996 Olympic bombing`, `a 1996 law`,
        // `his 2007 campaign`, `Israel's 2024 budget`; a noun must follow
        // (`the 2000 troops` is a count) and the year must be 1800-2099.
        let determiner = in_list(pw, DETERMINERS)
            || (pw == "s" && matches!(char_before(self.text, ps), Some('\'' | '\u{2019}')));
        if determiner
            && (1800..=2099).contains(&y)
            && after.spaced
            && matches!(after.tok, Tok::Word(w) if !counted() && !in_list(w, NOT_NOUNS))
        {
            return Some(year(t.start));
        }
        if (in_list(pw, YEAR_CONTEXT) || (chain.is_some() && in_list(pw, &["from", "between"])))
            && !counted()
        {
            return Some(year(t.start));
        }
        None
    }

    fn day_first_at(&self, t: Token<'a>) -> Option<Found> {
        let d1 = day_of(t.tok)?;
        // Every form below goes on with a range connector, `of` or a month
        // name: anything else (`40 people`, `3 p.m.`) ends here.
        let conn = self.lex(t.end);
        let (connector, names_month) = match conn.tok {
            Tok::Word(w) => (
                in_list(w, DAY_CONNECTORS),
                w.eq_ignore_ascii_case("of") || month_of(w).is_some(),
            ),
            tok => (is_dash(tok), false),
        };
        if !connector && !names_month {
            return None;
        }
        // `the 7th of October`, `the 13th to the 15th of July`; looked
        // for only once a date follows.
        let the = || {
            self.word_before(t.start)
                .filter(|(_, w)| w.eq_ignore_ascii_case("the"))
                .map(|(s, _)| s)
        };
        // Range sharing the month: `26-27 March`, `from 13 to 15 July`.
        if connector {
            let t2 = self.skip_the(self.lex(conn.end));
            if let Some(b) = self.day_first(t2)
                && d1 < b.day
            {
                let first = the().unwrap_or(t.start);
                let opener = self.range_opener(first);
                let between = opener.is_some_and(|(_, from)| !from);
                if self.range_connector(conn.tok, between) {
                    let a = DayPart {
                        month: b.month,
                        day: d1,
                        year: b.year,
                        year_lost: b.year_lost,
                        start: first,
                        end: t.end,
                    };
                    let start = match opener {
                        Some((s, true)) => s,
                        _ => first,
                    };
                    return self.range_found(start, a, b);
                }
            }
        }
        // A day alone is followed by its month or `of`.
        if !names_month {
            return None;
        }
        let mut a = self.day_first(t)?;
        let the = the();
        let opener = self.range_opener(the.unwrap_or(t.start));
        if let (Some(s), Tok::Ord(_) | Tok::Num(..)) = (the, t.tok) {
            a.start = s;
        }
        Some(self.with_range_tail(a, opener))
    }
}

fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// The day a lower-case ordinal word names (`first` to `thirtieth`; the
/// compounds are read by the parser).
fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Whether `w` looks like a plural noun (`people`, `votes`): after a
/// number, it makes the number a count (`of 2024 votes`), not a year.
fn is_plural_noun(w: &str) -> bool {
    if !is_lowercase(w) {
        return false;
    }
    if in_list(
        w,
        &[
            "people", "children", "men", "women", "troops", "police", "staff",
        ],
    ) {
        return true;
    }
    w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !in_list(
            w,
            &[
                "does",
                "goes",
                "this",
                "always",
                "perhaps",
                "whereas",
                "besides",
                "sometimes",
                "hers",
                "ours",
                "theirs",
                "yours",
                "unless",
                "afterwards",
                "towards",
                "nevertheless",
            ],
        )
}

/// Words after a number that make it a time or a count, not a day.
fn is_time_word(w: &str) -> bool {
    in_list(
        w,
        &[
            "am", "pm", "a", "p", "percent", "per", "days", "day", "hours", "hour", "minutes",
            "weeks", "months", "years", "people", "times", "o'clock",
        ],
    )
}

/// Whether the digit run `s..e` surely starts no mention, as
/// [`Parser::at_digit`] would find, by a look at the bytes around it: the
/// first part of `32,000`, of `04:30` or of a decimal (`82.6`; not `13.5.2015`,
/// where a separator follows the second part), a number of three or of five
/// digits or more that no `-`, `/`, `.` or letter follows (`500 a day`), one
/// or two digits that a space and a word other than a range connector, `of`
/// or a month name follow (`4 rounds`), or the digits after a letter or after
/// a separator that follows a letter or digit (`A320`, `1,200`, `12.5`). The
/// run must not continue a chain.
fn digits_start_nothing(bytes: &[u8], s: usize, e: usize) -> bool {
    let after = bytes.get(e).copied();
    // `lex` reads `32,000` and `04:30` as one opaque token, and no numeric
    // date has a `,` or `:`.
    if matches!(after, Some(b',' | b':')) && bytes.get(e + 1).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    // A decimal (`82.6`, `3.5%`): `lex` reads it as one opaque token, and a
    // numeric date needs a separator after its second part too, which has
    // four digits at most.
    if after == Some(b'.') {
        let second = bytes
            .get(e + 1..)
            .unwrap_or_default()
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if second > 0
            && (second == 5 || !matches!(bytes.get(e + 1 + second), Some(b'-' | b'/' | b'.')))
        {
            return true;
        }
    }
    // Only one, two or four digits start a day or a year; three or five and
    // more digits start only a numeric date, which needs a separator, or an
    // ordinal with leading zeros (`001st`), which needs a letter.
    if (e - s == 3 || e - s >= 5)
        && !after.is_some_and(|b| matches!(b, b'-' | b'/' | b'.') || b.is_ascii_alphabetic())
    {
        return true;
    }
    // The rules on the character before (ASCII only; `-` is left to the
    // parser for `mid-2025`).
    let before = |i: usize| s.checked_sub(i).and_then(|i| bytes.get(i)).copied();
    let after_word = match before(1) {
        Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'$' | b'#' | b'_' | b'+') => {
            return true;
        }
        Some(b'.' | b',' | b':' | b'/') if before(2).is_some_and(|b| b.is_ascii_alphanumeric()) => {
            return true;
        }
        _ => e - s <= 2 && after == Some(b' '),
    };
    // One or two digits and a space can only be the day of
    // `Parser::day_first_at` (no numeric date has a space), which a range
    // connector, `of` or a month name must follow (`4 rounds` is no day).
    if after_word && let Some(&first) = bytes.get(e + 1) {
        // The first letters of those words, lower case.
        const FIRST: u32 = {
            let letters = b"adfjmnostu";
            let mut bits = 0;
            let mut i = 0;
            while i < letters.len() {
                bits |= 1 << (letters[i] - b'a');
                i += 1;
            }
            bits
        };
        if !first.is_ascii_alphabetic() {
            return false;
        }
        if FIRST >> ((first | 0x20) - b'a') & 1 == 0 {
            return true;
        }
        // The next word, read no further than the longest word that may
        // follow a day (`september`).
        let cap = bytes.len().min(e + 11);
        let we = letters_end(bytes.get(..cap).unwrap_or_default(), e + 2);
        let word = std::str::from_utf8(bytes.get(e + 1..we).unwrap_or_default()).unwrap_or("");
        return we - (e + 1) > 9
            || !(in_list(word, DAY_CONNECTORS)
                || word.eq_ignore_ascii_case("of")
                || month_of(word).is_some());
    }
    false
}

impl std::iter::FusedIterator for DateMentions<'_> {}

impl<'a> Iterator for DateMentions<'a> {
    type Item = DateMention<'a>;

    fn next(&mut self) -> Option<DateMention<'a>> {
        let text = self.text;
        while self.pos < text.len() {
            let Some((s, e, anchor)) = next_anchor(&mut self.scan, text.as_bytes(), self.pos)
            else {
                self.pos = text.len();
                break;
            };
            let parser = || Parser::new(text, self.reference, self.floor, self.chain);
            let (found, resume) = if anchor == Anchor::Digit {
                let continued = self.chain.is_some_and(|c| c.at == s);
                if !continued && digits_start_nothing(text.as_bytes(), s, e) {
                    (None, e)
                } else {
                    (parser().at_digit(s), e)
                }
            } else {
                // Word anchors must be whole words (`remarks` holds no
                // `mar`); a dash before is allowed for `mid-March`.
                let whole = !is_alnum_at(text, e)
                    && !char_before(text, s).is_some_and(char::is_alphanumeric);
                let found = if whole {
                    let t = Token {
                        tok: Tok::Word(&text[s..e]),
                        start: s,
                        end: e,
                        spaced: true,
                    };
                    let parser = parser();
                    match anchor {
                        Anchor::Month(mo, abbr) => parser.at_month(t, mo, abbr),
                        Anchor::Weekday(wd, abbr) => parser.at_weekday(t, wd, abbr),
                        Anchor::Relative(off) => parser.at_relative(t, off),
                        Anchor::YearWord => parser.at_year_word(t),
                        Anchor::MonthWord => parser.at_month_word(t),
                        Anchor::Digit => None,
                    }
                } else {
                    None
                };
                (found, e)
            };
            if let Some(f) = found
                && f.start >= self.floor
                && f.start <= s
                && f.end > s
                && let Some(slice) = text.get(f.start..f.end)
            {
                self.pos = f.end.max(resume);
                self.floor = f.end;
                self.chain = f.chain;
                return Some(DateMention {
                    span: Span {
                        start: f.start,
                        end: f.end,
                    },
                    text: slice,
                    kind: f.kind,
                    value: f.value,
                });
            }
            self.pos = resume;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn date_values_are_written_as_their_formats_say() {
        use super::{DateValue, NaiveDate};
        for (y, m, d) in [
            (2024, 2, 29),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 9),
            (987, 10, 5),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let later = day.succ_opt().unwrap();
            let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
            for (value, text) in [
                (DateValue::Day(day), iso(day)),
                (
                    DateValue::Month { year: y, month: m },
                    format!("{y:04}-{m:02}"),
                ),
                (DateValue::Year(y), format!("{y:04}")),
                (
                    DateValue::Range(day, later),
                    format!("{}/{}", iso(day), iso(later)),
                ),
            ] {
                assert_eq!(value.to_string(), text);
                assert_eq!(
                    serde_json::to_string(&value).unwrap(),
                    format!("\"{text}\"")
                );
            }
            // A day serializes as chrono serializes the date.
            assert_eq!(
                serde_json::to_string(&DateValue::Day(day)).unwrap(),
                serde_json::to_string(&day).unwrap()
            );
        }
    }

    use super::*;

    #[test]
    fn days_are_written_as_chrono_writes_them() {
        let mut day = NaiveDate::MIN;
        let mut days = Vec::new();
        while let Some(next) = day.checked_add_days(chrono::Days::new(7919)) {
            days.push(day);
            day = next;
        }
        days.extend([NaiveDate::MAX, NaiveDate::from_ymd_opt(0, 1, 1).unwrap()]);
        days.extend(
            NaiveDate::from_ymd_opt(9999, 12, 31)
                .unwrap()
                .iter_days()
                .take(3),
        );
        days.extend(
            NaiveDate::from_ymd_opt(-1, 12, 30)
                .unwrap()
                .iter_days()
                .take(4),
        );
        for d in days {
            let expected = d.format("%Y-%m-%d").to_string();
            assert_eq!(DateValue::Day(d).to_string(), expected);
            assert_eq!(
                DateValue::Range(d, d).to_string(),
                format!("{expected}/{expected}")
            );
        }
    }

    fn unpack(key: u64, len: usize, ninth: u8) -> Vec<u8> {
        let mut word: Vec<u8> = key
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        if len == 9 {
            word.push(ninth);
        }
        word
    }

    #[test]
    fn keyword_table_is_sorted_and_every_entry_is_reachable() {
        assert!(
            KEYWORDS.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, unique keys"
        );
        for &(key, len, ninth, anchor) in KEYWORDS {
            let word = unpack(key, len, ninth);
            assert_eq!(word.len(), len);
            assert_eq!(keyword(&word), Some(anchor));
            assert_eq!(keyword(&word.to_ascii_uppercase()), Some(anchor));
        }
        for w in [
            "the",
            "mars",
            "marc",
            "sunday_",
            "septembers",
            "yearly",
            "mayo",
            "dece",
        ] {
            assert_eq!(keyword(w.as_bytes()), None, "{w}");
        }
    }

    #[test]
    fn byte_classes_match_the_ascii_tests() {
        for b in 0..=255u8 {
            assert_eq!(letter_class(b) == 0x80, b.is_ascii_alphabetic(), "{b:#x}");
            assert_eq!(letter_class(b) & 0x7f, 0, "{b:#x}");
            assert_eq!(digit_class(b) == 0xff, b.is_ascii_digit(), "{b:#x}");
            assert!(matches!(digit_class(b), 0 | 0xff), "{b:#x}");
            assert_eq!(is_letter(b), b.is_ascii_alphabetic(), "{b:#x}");
        }
    }

    #[test]
    fn digits_end_matches_a_plain_scan() {
        for byte in 0..=255u8 {
            for at in 0..12 {
                let mut v = vec![b'7'; 12];
                v[at] = byte;
                for start in 0..=v.len() {
                    let mut plain = start;
                    while plain < v.len() && v[plain].is_ascii_digit() {
                        plain += 1;
                    }
                    assert_eq!(digits_end(&v, start), plain, "byte {byte:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn letters_start_matches_a_plain_scan() {
        let samples = [
            "rest abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "word",
            "\u{e9}t\u{e9} words-and@more[`{|~",
            "0123456789@[`{AZaz",
            "",
            "x\u{80}\u{ff}yz",
        ];
        for s in samples {
            let b = s.as_bytes();
            for end in 0..=b.len() {
                let mut plain = end;
                while plain > 0 && b[plain - 1].is_ascii_alphabetic() {
                    plain -= 1;
                }
                assert_eq!(letters_start(b, end), plain, "{s:?} to {end}");
            }
        }
        for byte in 0..=255u8 {
            let mut v = vec![b'a'; 8];
            v.push(byte);
            v.extend_from_slice(b"aaa");
            let want = if byte.is_ascii_alphabetic() { 0 } else { 9 };
            assert_eq!(letters_start(&v, v.len()), want, "byte {byte:#x}");
        }
    }

    #[test]
    fn letters_end_matches_a_plain_scan() {
        let samples = [
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ rest",
            "word",
            "words-and@more[`{|~ \u{e9}t\u{e9}",
            "AZaz@[`{0123456789",
            "",
            "x\u{80}\u{ff}yz",
        ];
        for s in samples {
            let b = s.as_bytes();
            for start in 0..=b.len() {
                let mut plain = start;
                while plain < b.len() && b[plain].is_ascii_alphabetic() {
                    plain += 1;
                }
                assert_eq!(letters_end(b, start), plain, "{s:?} from {start}");
            }
        }
        for byte in 0..=255u8 {
            let mut v = vec![b'a'; 3];
            v.push(byte);
            v.extend_from_slice(b"aaaaaaaa");
            let want = if byte.is_ascii_alphabetic() {
                v.len()
            } else {
                3
            };
            assert_eq!(letters_end(&v, 0), want, "byte {byte:#x}");
        }
    }

    /// The scan as a plain loop over runs: the reference for
    /// [`next_anchor`].
    fn plain_next_anchor(bytes: &[u8], mut pos: usize) -> Option<(usize, usize, Anchor)> {
        while pos < bytes.len() {
            let b = bytes[pos];
            if !b.is_ascii_alphanumeric() {
                pos += 1;
                continue;
            }
            let s = pos;
            let digit = b.is_ascii_digit();
            while pos < bytes.len()
                && bytes[pos].is_ascii_alphanumeric()
                && bytes[pos].is_ascii_digit() == digit
            {
                pos += 1;
            }
            if digit {
                return Some((s, pos, Anchor::Digit));
            }
            if let Some(a) = keyword(&bytes[s..pos]) {
                return Some((s, pos, a));
            }
        }
        None
    }

    fn all_anchors(text: &str, from: usize) -> Vec<(usize, usize, Anchor)> {
        let mut out = Vec::new();
        let mut pos = from;
        let mut scan = Scan::default();
        while let Some(found) = next_anchor(&mut scan, text.as_bytes(), pos) {
            assert!(found.0 >= pos && found.1 > found.0, "{text:?} at {pos}");
            out.push(found);
            pos = found.1;
        }
        out
    }

    fn plain_anchors(text: &str, from: usize) -> Vec<(usize, usize, Anchor)> {
        let mut out = Vec::new();
        let mut pos = from;
        while let Some(found) = plain_next_anchor(text.as_bytes(), pos) {
            out.push(found);
            pos = found.1;
        }
        out
    }

    #[test]
    fn scan_finds_the_runs_a_plain_loop_finds() {
        let samples = [
            "",
            "x",
            "7",
            "March",
            "On March 24, 2024 at 04:30 the sat-nav said Sept. 11th.",
            "remarks on the market: MAY 2024, mAR 3, SeptemberS, Wednesdays",
            "12345678901234567890123456789012345678901234567890 yesterday",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz tomorrow",
            "\u{e9}t\u{e9} \u{2014}Friday\u{a0}Tue\u{301} d\u{e9}cembre jan2024 2024jan",
            "                               Monday                          Dec",
            "word word word word word word word word word word word word Oct 1",
        ];
        for text in samples {
            for from in 0..=text.len() {
                assert_eq!(
                    all_anchors(text, from),
                    plain_anchors(text, from),
                    "{text:?} from {from}"
                );
            }
        }
        // Every keyword in every position of a block and its window.
        for &(key, len, ninth, _) in KEYWORDS {
            let word = String::from_utf8(unpack(key, len, ninth)).unwrap_or_default();
            for pad in 0..40 {
                for text in [
                    format!("{}{word} x", " ".repeat(pad)),
                    format!("{}{} 9", "a.".repeat(pad), word.to_uppercase()),
                    format!("{}{word}", "1-".repeat(pad)),
                ] {
                    assert_eq!(all_anchors(&text, 0), plain_anchors(&text, 0), "{text:?}");
                }
            }
        }
    }

    /// The scan of the previous version, with its hash filter in the
    /// block marking: the reference for the faster one.
    mod prev {
        use super::super::{
            Anchor, BLOCK, KEYWORDS, digit_anchor, high_bits, is_letter, letters_end, word_anchor,
        };

        /// A block with the byte before it and the bytes after it where a
        /// word starting at the end of the block goes on (four are read).
        const WINDOW: usize = BLOCK + 8;

        /// Folds the first three bytes of a word (little-endian in `v`; the fourth
        /// byte is ignored) into fifteen bits, case blind: only the low five bits
        /// of each byte count.
        #[inline(always)]
        pub(super) const fn prefix_hash(v: u32) -> usize {
            ((v & 0x001f_1f1f).wrapping_mul(0x9e37_79b1) >> 17) as usize
        }

        /// The hashes of the keywords' three-letter prefixes, one bit each. A
        /// word whose bit is clear is no keyword; a set bit is checked by
        /// `keyword`.
        const PREFIX_HASHES: [u64; 512] = {
            let mut t = [0u64; 512];
            let mut i = 0;
            while i < KEYWORDS.len() {
                let b = KEYWORDS[i].0.to_be_bytes();
                let n = KEYWORDS[i].1;
                // The first three letters of a key packed big-endian.
                let (x, y, z) = if n >= 8 {
                    (b[0], b[1], b[2])
                } else {
                    (b[8 - n], b[9 - n], b[10 - n])
                };
                let idx = prefix_hash(u32::from_le_bytes([x, y, z, 0]));
                t[idx / 64] |= 1 << (idx % 64);
                i += 1;
            }
            t
        };

        /// Whether the word starting with the four bytes `v` (little-endian) may
        /// be a keyword.
        #[inline(always)]
        fn may_be_keyword(v: [u8; 4]) -> bool {
            let idx = prefix_hash(u32::from_le_bytes(v));
            PREFIX_HASHES
                .get(idx / 64)
                .is_some_and(|w| w >> (idx % 64) & 1 == 1)
        }

        /// The scan's place: the run starts of one block, kept between anchors
        /// (several anchors often fall in one block).
        #[derive(Debug, Clone, Copy, Default)]
        pub(super) struct Scan {
            /// Where the block starts.
            base: usize,
            /// Where it ends (`base` when there is no block yet).
            end: usize,
            /// One bit per byte of the block where a run of letters starts that
            /// may be a keyword.
            letters: u64,
            /// The same for runs of digits.
            digits: u64,
        }

        impl Scan {
            /// Marks the run starts of the block at `base` (the byte before it is
            /// the text's own, so `base > 0`).
            fn load(&mut self, bytes: &[u8], base: usize) -> Option<()> {
                const ONES: u64 = 0x0101_0101_0101_0101;
                let padded;
                let w = match bytes
                    .get(base - 1..base - 1 + WINDOW)
                    .and_then(|win| <&[u8; WINDOW]>::try_from(win).ok())
                {
                    Some(w) => w,
                    None => {
                        // The last bytes, padded with zeros (no letter, no digit).
                        let rest = bytes.get(base - 1..)?;
                        let mut w = [0u8; WINDOW];
                        w.get_mut(..rest.len())?.copy_from_slice(rest);
                        padded = w;
                        &padded
                    }
                };
                // The class of each byte of the block: 0x80 for an ASCII letter,
                // 0x01 for an ASCII digit (a plain byte loop: vector code).
                let mut class = [0u8; BLOCK];
                for (c, &b) in class.iter_mut().zip(&w[1..=BLOCK]) {
                    *c = (u8::from(is_letter(b)) << 7) | u8::from(b.is_ascii_digit());
                }
                let mut words = [0u64; BLOCK / 8];
                for (word, c) in words.iter_mut().zip(class.chunks_exact(8)) {
                    *word = u64::from_le_bytes(c.try_into().unwrap_or_default());
                }
                // One bit per byte, then the bits where runs start.
                let mut letters = 0u64;
                let mut any_digit = 0u64;
                for (k, &c) in words.iter().enumerate() {
                    letters |= high_bits(c) << (8 * k);
                    any_digit |= c & ONES;
                }
                let before = w[0];
                // Keywords have three letters at least (the last two bytes of the
                // block go on in the next one: kept).
                let long = (letters >> 1) & (letters >> 2) | (0b11 << 62);
                letters &= !((letters << 1) | u64::from(is_letter(before))) & long;
                let mut digits = 0u64;
                if any_digit != 0 {
                    for (k, &c) in words.iter().enumerate() {
                        digits |= high_bits((c & ONES) << 7) << (8 * k);
                    }
                    digits &= !((digits << 1) | u64::from(before.is_ascii_digit()));
                }
                // Keep the letter runs whose first three letters hash like a
                // keyword's: most words end here.
                let mut maybe = 0u64;
                let mut rest = letters;
                while rest != 0 {
                    let i = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    if let Some(v) = w
                        .get(i + 1..i + 5)
                        .and_then(|x| <[u8; 4]>::try_from(x).ok())
                        && may_be_keyword(v)
                    {
                        maybe |= 1 << i;
                    }
                }
                let letters = maybe;
                *self = Scan {
                    base,
                    end: base + BLOCK,
                    letters,
                    digits,
                };
                Some(())
            }

            /// The first anchor among the runs starting at or after `from`, where
            /// the byte before `from` is the text's own (`from > 0`).
            #[inline]
            fn find(&mut self, bytes: &[u8], mut from: usize) -> Option<(usize, usize, Anchor)> {
                loop {
                    if !(self.base..self.end).contains(&from) {
                        if from >= bytes.len() {
                            return None;
                        }
                        self.load(bytes, from)?;
                    }
                    // The runs from `from` on.
                    let keep = u64::MAX.checked_shl((from - self.base) as u32).unwrap_or(0);
                    let digits = self.digits & keep;
                    // Letter runs before the first digit run.
                    let mut letters = self.letters & keep & digits.wrapping_sub(1);
                    while letters != 0 {
                        let i = letters.trailing_zeros() as usize;
                        letters &= letters - 1;
                        if let Some(found) = word_anchor(bytes, self.base + i) {
                            return Some(found);
                        }
                    }
                    if digits != 0 {
                        let i = digits.trailing_zeros() as usize;
                        return Some(digit_anchor(bytes, self.base + i));
                    }
                    from = self.end;
                }
            }
        }

        /// The anchor search as it was.
        pub(super) fn next_anchor(
            scan: &mut Scan,
            bytes: &[u8],
            pos: usize,
        ) -> Option<(usize, usize, Anchor)> {
            let &first = bytes.get(pos)?;
            if first.is_ascii_digit() {
                return Some(digit_anchor(bytes, pos));
            }
            let mut from = pos + 1;
            if is_letter(first) {
                if let Some(found) = word_anchor(bytes, pos) {
                    return Some(found);
                }
                from = letters_end(bytes, pos + 1);
            }
            scan.find(bytes, from)
        }
    }

    /// [`closest_day`] as three candidates and a minimum: the reference.
    fn plain_closest_day(r: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
        let mut best: Option<(i64, NaiveDate)> = None;
        for y in [r.year() - 1, r.year(), r.year() + 1] {
            if let Some(c) = NaiveDate::from_ymd_opt(y, m, d) {
                let dist = (c - r).num_days().abs();
                if best.is_none_or(|(bd, _)| dist < bd) {
                    best = Some((dist, c));
                }
            }
        }
        best.map(|(_, c)| c)
    }

    #[test]
    fn closest_day_matches_three_candidates() {
        let mut refs: Vec<NaiveDate> = Vec::new();
        for (y, m, d) in [(2023, 1, 1), (2023, 12, 25), (2024, 2, 10), (1999, 6, 30)] {
            if let Some(start) = NaiveDate::from_ymd_opt(y, m, d) {
                refs.extend(start.iter_days().take(400));
            }
        }
        refs.extend([NaiveDate::MIN, NaiveDate::MAX]);
        for r in refs {
            for m in 1..=12 {
                for d in 1..=31 {
                    assert_eq!(
                        closest_day(r, m, d),
                        plain_closest_day(r, m, d),
                        "{r} {m} {d}"
                    );
                }
            }
        }
    }

    /// [`keyword`] as a binary search of the sorted table: the reference.
    fn plain_keyword(word: &[u8]) -> Option<Anchor> {
        if !(3..=9).contains(&word.len()) {
            return None;
        }
        let mut key = 0u64;
        for &b in word.iter().take(8) {
            key = (key << 8) | u64::from(b | 0x20);
        }
        let ninth = word.get(8).map_or(0, |b| b | 0x20);
        let i = KEYWORDS.binary_search_by_key(&key, |e| e.0).ok()?;
        let &(_, len, last, anchor) = KEYWORDS.get(i)?;
        (len == word.len() && last == ninth).then_some(anchor)
    }

    /// Checks that no digit run of `text` that [`digits_start_nothing`]
    /// passes over starts a mention for the parser.
    fn check_digit_shortcut(text: &str, floor: usize) -> Result<(), String> {
        let bytes = text.as_bytes();
        let reference = NaiveDate::from_ymd_opt(2024, 3, 26);
        let mut s = 0;
        while s < bytes.len() {
            if !bytes[s].is_ascii_digit() || (s > 0 && bytes[s - 1].is_ascii_digit()) {
                s += 1;
                continue;
            }
            let mut e = s;
            while bytes.get(e).is_some_and(u8::is_ascii_digit) {
                e += 1;
            }
            let floor = (0..=floor.min(s))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            if digits_start_nothing(bytes, s, e)
                && let Some(f) = Parser::new(text, reference, floor, None).at_digit(s)
            {
                return Err(format!("{text:?} at {s}: {f:?}"));
            }
            s = e;
        }
        Ok(())
    }

    #[test]
    fn digits_said_to_start_nothing_start_nothing_in_examples() {
        for text in [
            "the 001st of March",
            "005th March 2024",
            "on 031st March",
            "32,000 lives, 1,200 trucks, 04:30, 3.5%, 12.5 percent",
            "500 a day, 170 days, 12345 people, 2024 votes",
            "A320, F-16, COVID-19, $300, #12, _5, +3, 3/24/2024, 13.5.2015, 2024-03-25",
            "mid-2025 and mid-2024, 1991-1997, 26-27 March",
            "in 2020,2021 and 2022; 1999.2000",
            "82.6 percent, 3.5%, 13.5.2015, 1.2-3, 5.12345, 24.3/2024, 2024.03.25, 7.0",
            "100th day, 2nd of May, 21st, 0007 bond",
            "40 people, 4 rounds, 00 March, 32 March, 0 to 3, 99th of May",
            "5 to 7 March, 14 March, 7 of June, 3 p.m., 31 mar, 1 THROUGH 3 May",
            "9 ofx, 12 septembers 2024, 12 september 2024, 6 and 8 Oct., 2 tilll 4",
            "30 Thru 31 December, 3 until the 5th of May, 15 Sept 2015, 11 Sep",
        ] {
            if let Err(e) = check_digit_shortcut(text, 0) {
                panic!("{e}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn digits_said_to_start_nothing_start_nothing(
            text in "([0-9]{1,9}|[ ,.:/$#_+-]|[a-zA-Z]{1,4}|st|th|nd|\\PC|(?i:march|may|of|the|in|mid-|to|and|through|thru|until|till|sept|september|octobers)|[0-9]{1,2} (?i:of|to|and|thru|through|until|till|may|march|sept|oct|june|rounds) ){0,24}",
            floor in 0usize..60,
        ) {
            proptest::prop_assert_eq!(check_digit_shortcut(&text, floor), Ok(()));
        }

        #[test]
        fn days_said_to_start_nothing_start_nothing(
            text in "[0-9]{1,2}[ ,.-](?i:of|to|and|thru|through|until|till|or|may|march|sept|oct|june|rounds|the|[a-z]{1,10})( | the |-)(?i:[0-9]{1,2}(st|th)?|may|march|sept\\.?|oct|june|of|[a-z]{1,4})( (?i:march|may|2024|of|june))?",
            floor in 0usize..4,
        ) {
            proptest::prop_assert_eq!(check_digit_shortcut(&text, floor), Ok(()));
        }

        #[test]
        fn decimals_said_to_start_nothing_start_nothing(
            text in "(?i:on |in |the |mid-)?([0-9]{1,5}\\.[0-9]{1,6}([-/.][0-9]{1,5}([-/.][0-9]{1,4})?)?|[0-3]?[0-9][./-][01]?[0-9][./-][12][0-9]{3}|[12][0-9]{3}[./-][01]?[0-9][./-][0-3]?[0-9])( |%|[a-z]|\\.|T[0-9])?",
            floor in 0usize..4,
        ) {
            proptest::prop_assert_eq!(check_digit_shortcut(&text, floor), Ok(()));
        }

        #[test]
        fn keyword_matches_a_binary_search(
            word in "[a-zA-Z]{0,11}|(?i:jan|june|sept|september|thurs|thursday|today|tomorrow|yesterday|year|month|may|mayo|marc)[a-z]{0,2}",
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..11),
        ) {
            proptest::prop_assert_eq!(keyword(word.as_bytes()), plain_keyword(word.as_bytes()));
            proptest::prop_assert_eq!(keyword(&bytes), plain_keyword(&bytes));
        }

        #[test]
        fn scan_with_jumps_matches_a_plain_loop(
            text in "([a-zA-Z]{1,10}|[0-9]{1,5}|[ .,:/\\-]|\\PC|(?i:mar|may|sept|today|year|october)){0,80}",
            jumps in proptest::collection::vec(0usize..90, 0..30),
        ) {
            // The iterator resumes past the end of an anchor when a mention
            // runs on: the kept block must not change what is found.
            let bytes = text.as_bytes();
            let mut scan = Scan::default();
            let mut pos = 0;
            let mut jumps = jumps.into_iter();
            loop {
                let found = next_anchor(&mut scan, bytes, pos);
                proptest::prop_assert_eq!(found, plain_next_anchor(bytes, pos), "from {}", pos);
                let Some((_, e, _)) = found else { break };
                pos = e + jumps.next().unwrap_or(0);
                while !text.is_char_boundary(pos.min(text.len())) {
                    pos += 1;
                }
                if pos > text.len() {
                    break;
                }
            }
        }

        #[test]
        fn scan_matches_a_plain_loop(
            text in "([a-zA-Z]{1,10}|[0-9]{1,5}|[ .,:/\\-]|\\PC|(?i:jan|march|sept|sat|tues|today|year|month|wednesday|yesterday)){0,60}",
            from in 0usize..400,
        ) {
            let from = (0..=from.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            proptest::prop_assert_eq!(all_anchors(&text, from), plain_anchors(&text, from));
        }

        #[test]
        fn scan_matches_the_previous_scan(
            text in "([a-zA-Z]{1,12}|[0-9]{1,5}|[ .,:/\\-]|\\PC|(?i:mar|may|sept|thu|today|year|october|wednesday|yesterday)){0,120}",
            jumps in proptest::collection::vec(0usize..90, 0..40),
        ) {
            let bytes = text.as_bytes();
            let mut scan = Scan::default();
            let mut old = prev::Scan::default();
            let mut pos = 0;
            let mut jumps = jumps.into_iter();
            loop {
                let found = next_anchor(&mut scan, bytes, pos);
                proptest::prop_assert_eq!(found, prev::next_anchor(&mut old, bytes, pos), "from {}", pos);
                let Some((_, e, _)) = found else { break };
                pos = e + jumps.next().unwrap_or(0);
                while !text.is_char_boundary(pos.min(text.len())) {
                    pos += 1;
                }
                if pos > text.len() {
                    break;
                }
            }
        }
    }

    // The lexer, look-behind and character tests as they were written
    // first, plainly: the references for the faster ones.
    fn plain_lex(text: &str, pos: usize) -> Token<'_> {
        let end_tok = |p| Token {
            tok: Tok::End,
            start: p,
            end: p,
            spaced: false,
        };
        let Some(rest) = text.get(pos..) else {
            return end_tok(pos);
        };
        let mut start = pos;
        let mut newlines = 0;
        let mut n = 0;
        // ASCII fast path: most gaps are one space.
        while let Some(&b) = rest.as_bytes().get(start - pos) {
            let c = if b < 0x80 {
                if !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
                    break;
                }
                char::from(b)
            } else {
                match rest.get(start - pos..).and_then(|s| s.chars().next()) {
                    Some(c) if c.is_whitespace() => c,
                    _ => break,
                }
            };
            n += 1;
            if c == '\n' {
                newlines += 1;
            }
            if n > MAX_GAP_CHARS || newlines > 1 {
                return end_tok(pos);
            }
            start += c.len_utf8();
        }
        let spaced = start > pos;
        let bytes = text.as_bytes();
        let Some(&b) = bytes.get(start) else {
            return end_tok(start);
        };
        let mk = |tok, end| Token {
            tok,
            start,
            end,
            spaced,
        };
        if b.is_ascii_alphabetic() {
            let mut e = start;
            while e < bytes.len() && bytes[e].is_ascii_alphabetic() {
                e += 1;
                if e - start > MAX_WORD {
                    return mk(Tok::Other, e);
                }
            }
            if plain_is_alnum_at(text, e) {
                return mk(Tok::Other, e);
            }
            return mk(Tok::Word(&text[start..e]), e);
        }
        if b.is_ascii_digit() {
            let mut e = start;
            let mut v: u32 = 0;
            while e < bytes.len() && bytes[e].is_ascii_digit() {
                if e - start >= MAX_DIGITS {
                    return mk(Tok::Other, e);
                }
                v = v * 10 + u32::from(bytes[e] - b'0');
                e += 1;
            }
            let digits = e - start;
            // Ordinal suffix.
            if e + 2 <= bytes.len() {
                let suf = &bytes[e..e + 2];
                let is_ord = suf.eq_ignore_ascii_case(b"st")
                    || suf.eq_ignore_ascii_case(b"nd")
                    || suf.eq_ignore_ascii_case(b"rd")
                    || suf.eq_ignore_ascii_case(b"th");
                if is_ord && !plain_is_alnum_at(text, e + 2) {
                    return mk(Tok::Ord(v), e + 2);
                }
            }
            if plain_is_alnum_at(text, e) {
                return mk(Tok::Other, e);
            }
            // Decimals, thousands separators and times of day.
            if let Some(&sep) = bytes.get(e)
                && matches!(sep, b'.' | b',' | b':')
                && bytes.get(e + 1).is_some_and(u8::is_ascii_digit)
            {
                return mk(Tok::Other, e);
            }
            return mk(Tok::Num(v, digits), e);
        }
        match rest[start - pos..].chars().next() {
            Some(c) if c.is_alphanumeric() => mk(Tok::Other, start + c.len_utf8()),
            Some(c) => mk(Tok::Punct(c), start + c.len_utf8()),
            None => end_tok(start),
        }
    }

    fn plain_word_before(text: &str, pos: usize, floor: usize) -> Option<(usize, &str)> {
        let head = text.get(floor..pos)?;
        let mut end = head.len();
        let mut n = 0;
        let mut newlines = 0;
        for c in head.chars().rev() {
            if !c.is_whitespace() {
                break;
            }
            n += 1;
            if c == '\n' {
                newlines += 1;
            }
            if n > MAX_GAP_CHARS || newlines > 1 {
                return None;
            }
            end -= c.len_utf8();
        }
        let bytes = head.as_bytes();
        let mut start = end;
        while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
            start -= 1;
            if end - start > MAX_WORD {
                return None;
            }
        }
        if start == end {
            return None;
        }
        // The word must start at a boundary, also when it meets the floor.
        if plain_char_before(text, floor + start).is_some_and(char::is_alphanumeric) {
            return None;
        }
        Some((floor + start, &head[start..end]))
    }

    fn plain_is_alnum_at(text: &str, pos: usize) -> bool {
        text.get(pos..)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_alphanumeric)
    }

    fn plain_char_before(text: &str, pos: usize) -> Option<char> {
        text.get(..pos).and_then(|s| s.chars().next_back())
    }

    proptest::proptest! {
        #[test]
        fn lexer_and_look_behind_match_plain_code(
            text in "([a-zA-Z]{1,30}|[0-9]{1,9}|[ \\t\\n\\r.,:/%-]|\\PC|\\s|(?i:st|nd|rd|th)){0,30}",
            at in 0usize..200,
            floor in 0usize..200,
        ) {
            for pos in [at, at % (text.len() + 2)] {
                let t = lex(&text, pos);
                let p = plain_lex(&text, pos);
                proptest::prop_assert_eq!((t.tok, t.start, t.end, t.spaced), (p.tok, p.start, p.end, p.spaced));
                proptest::prop_assert_eq!(is_alnum_at(&text, pos), plain_is_alnum_at(&text, pos));
                proptest::prop_assert_eq!(char_before(&text, pos), plain_char_before(&text, pos));
                for fl in [0, floor, floor % (pos + 1)] {
                    proptest::prop_assert_eq!(word_before(&text, pos, fl), plain_word_before(&text, pos, fl));
                }
            }
        }
    }

    #[test]
    fn lexer_tokens() {
        let t = lex("  7th of", 0);
        assert_eq!((t.tok, t.start, t.end, t.spaced), (Tok::Ord(7), 2, 5, true));
        assert_eq!(lex("3.5 m", 0).tok, Tok::Other);
        assert_eq!(lex("10:30", 0).tok, Tok::Other);
        assert_eq!(lex("1,200", 0).tok, Tok::Other);
        assert_eq!(lex("2024,", 0).tok, Tok::Num(2024, 4));
        assert_eq!(lex("\n\nMarch", 0).tok, Tok::End);
        assert_eq!(lex("\u{a0}March", 0).tok, Tok::Word("March"));
        assert_eq!(lex("éa", 0).tok, Tok::Other);
        assert_eq!(lex("", 0).tok, Tok::End);
    }

    #[test]
    fn look_behind_is_bounded_by_the_floor() {
        let text = "in the year";
        assert_eq!(word_before(text, 7, 0), Some((3, "the")));
        assert_eq!(word_before(text, 7, 4), None);
        assert_eq!(word_before("x\n\nyear", 3, 0), None);
    }

    #[test]
    fn closest_year_rules() {
        let r = NaiveDate::from_ymd_opt(2024, 3, 26).unwrap();
        assert_eq!(closest_day(r, 10, 7), NaiveDate::from_ymd_opt(2023, 10, 7));
        assert_eq!(closest_day(r, 9, 24), NaiveDate::from_ymd_opt(2024, 9, 24));
        assert_eq!(
            closest_month_year(r, 9),
            2023,
            "six months either way: the past"
        );
        assert_eq!(closest_month_year(r, 8), 2024);
        assert_eq!(
            closest_month_year(NaiveDate::from_ymd_opt(2024, 11, 2).unwrap(), 2),
            2025
        );
    }
}
