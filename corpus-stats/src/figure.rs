//! Figures a text reports: counts, amounts, percentages, money, ordinals and
//! vague amounts (EXTRACTION.md, "Figures").
//!
//! ```
//! use corpus_stats::{figures, FigureKind, FigureQualifier};
//!
//! let text = "The war has claimed over 32,000 Palestinian lives, \
//!             including thousands of children, since October 7.";
//! let found: Vec<_> = figures(text).collect();
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].text, "32,000");
//! assert_eq!(found[0].kind, FigureKind::Cardinal);
//! assert_eq!(found[0].value, Some(32_000.into()));
//! assert_eq!(found[0].qualifier, Some(FigureQualifier::Over));
//! assert_eq!(found[0].unit, Some("Palestinian lives"));
//! assert_eq!(found[1].text, "thousands");
//! assert_eq!(found[1].kind, FigureKind::Vague);
//! assert_eq!(found[1].unit, Some("children"));
//! ```
//!
//! # How it works
//!
//! One left-to-right pass. A scanner reading 64 bytes at a time (in vector
//! operations the compiler derives from plain byte tests) finds the next
//! candidate: a digit, or a whole word whose first three letters can begin
//! a number word (a table lookup at each start of a word of three letters
//! or more), whose length a number word with its first two letters has,
//! and which is one (a single hashed lookup). From there the
//! extractor reads the number forward and looks at a bounded window around
//! it (at most three words of at most 40 bytes on either side, gaps of at
//! most 8 bytes), then resumes after everything it read. Every rejected
//! candidate also resumes after the token it read, so no byte is read more
//! than a bounded number of times and time is linear in the input, whatever
//! it is (`1,1,1,1,…`, `over more than at least …`, a megabyte-long word).
//!
//! # Rules beyond the specification
//!
//! - **Separators.** Groups are split by `,` (`32,700`, and the Indian
//!   `1,23,456`) or by a single space, no-break space, thin space or narrow
//!   no-break space before a group of exactly three digits (`32 700`). The
//!   decimal mark is `.`. A run of digits and commas that follows neither
//!   grouping (`1,23,4`, `12,5`) is not reported at all: it is more often a
//!   list, a code or a typo than a number, and any value would be a guess.
//!   `1.2.3` (versions, addresses) is not reported either.
//! - **Glued letters.** Digits followed by letters are identifiers (`5G`,
//!   `3D`, `180ml`) except ordinal suffixes (`7th`), the scale suffixes
//!   `bn`, `mn`, `tn`, `k`, `K`, `M`, `B` (`3bn`, `100k`, `1.2M`; lowercase
//!   `m` and `b`, which also mean metres or nothing, only after a currency
//!   sign: `$5m`) and currency codes (`115.5USD`). Digits glued after
//!   letters (`G7`, `PM2.5`, except a currency code: `USD115`) or after a
//!   letter and a hyphen (`F-16`, `COVID-19`) are identifiers too. Numbers
//!   joined by `/` or `:` (dates, ratios, times), inside URLs (after `=`,
//!   `%`), powers (`1.1^23`) and chains of three or more numbers joined by
//!   dashes (ISO dates, phone numbers) are not reported.
//! - **Names.** A number right after a label word (`Channel`, `Resolution`,
//!   `type`, `Day`, `Phase`, `No.`, `#` …) is not reported, nor one right
//!   after a capitalised word in mid-sentence when the next word is not
//!   capitalised and the number has no separator (`Apollo 11 landed`): in
//!   title-case headlines (`Strikes Kill 12 Civilians`) the number is kept.
//! - **Words.** Number words follow English grammar (`one hundred and
//!   fifty`, `twenty-one`, `one million two hundred thousand`, `two dozen`,
//!   `two point five`, `three and a half`), with `a` or `half a` before a
//!   scale (`a hundred`, `half a million`, `quarter million`). `minus` and
//!   `negative` before a number negate it. Fractions (`two thirds`, `a
//!   third of`, `one fifth`) and `half` alone are not reported, since their
//!   value is not exact in decimal.
//! - **Money.** A sign or code before (`$`, `US$`, `C$`, `€`, `£`, `USD`,
//!   `Rs`) or after the amount (`10 €`, `7 EUR`, `500 dollars`, `3 Egyptian
//!   pounds`, `1,000 Swiss francs`). `dollars` means USD and `pounds` GBP
//!   (but `pounds of` is a weight, left a cardinal); codes are only taken in
//!   capitals. `cents` and `pence` give the amount in the main unit
//!   (`34 cents` is 0.34 USD) and add to a preceding amount (`20 dollars
//!   43 cents` is 20.43).
//! - **Unit.** After the number, up to three words, each separated by
//!   spaces only; it stops before a function or time word (`of`, `were`,
//!   `in`, `last` …), another number, a month, or any punctuation, and it
//!   ends at the first plural noun (`drone strikes`, `Palestinian lives`,
//!   `children`). Without a plural noun it ends before its first
//!   `-ed`/`-ing` word (`15 killed` has no unit, `3 armed men` has `armed
//!   men`). Plural vague amounts take the noun after `of` only (`thousands
//!   of children`; `thousands fled` has none). Ordinals, partitives (`Three
//!   of these`) and hyphen compounds (`2,000-pound bombs`) have none.
//! - **`one`** is a pronoun when a determiner or an ordinal precedes it
//!   (`the`, `every`, `not`, `fourth` …), when no counted noun follows
//!   (`one of them`, `only one.`), and in hyphen compounds (`one-sided`).
//! - **Qualifiers** also recognise `greater than`, `in excess of`,
//!   `upwards of` (over), `no fewer than`, `no less than` (at least),
//!   `close to` (about), `no more than`, `at most` (up to); `as many as`
//!   is a hedge, left `None`.
//! - **Years.** Besides EXTRACTION.md's date context, `from`, `during` and
//!   `fiscal` are context words, a number joined to a year by `-`, `to` or
//!   `and` is a year too (`2019-2022`, `from 2019 to 2022`, `2022-23`), and a
//!   day joined to a day (`March 26-27`) is a day. Times of day are numbers
//!   before `am`, `pm`, `a.m.`, `p.m.`, `o'clock`, `GMT`, `UTC` ….
//! - **Lists and phones.** `1.` or `2)` at the start of a line and `(3)` are
//!   list markers; numbers after `call`, `dial`, `phone`, `hotline` …, or
//!   starting with `+`, are dialled (with what follows: `dial 911 or 999`).

mod lexicon;

use std::cell::Cell;

use corpus_format::Span;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Serialize, Serializer};

use lexicon::*;

/// Longest word the look-around reads; longer words are no keywords.
const MAX_WORD: usize = 40;
/// Longest gap of spaces between two words of one expression.
const MAX_GAP: usize = 8;

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// A count or amount: `32,000`, `Four`, `1.5 million`.
    Cardinal,
    /// A rank: `fourth`, `7th`, `21st`.
    Ordinal,
    /// A percentage: `90%`, `12.5 per cent`; the value is `90`, not `0.9`.
    Percent,
    /// An amount of money, with its currency: `$3 billion`, `€20`.
    Money,
    /// An amount without a value: `thousands`, `tens of thousands`.
    Vague,
}

impl FigureKind {
    /// The serialized name (`"cardinal"`, `"at_least"` …).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            FigureKind::Cardinal => "cardinal",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Percent => "percent",
            FigureKind::Money => "money",
            FigureKind::Vague => "vague",
        }
    }
}

/// The word before a figure that bounds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureQualifier {
    /// `over`, `more than`, `above`, `exceeding`.
    Over,
    /// `at least`, `no fewer than`.
    AtLeast,
    /// `about`, `around`, `nearly`, `almost`, `approximately`, `some`,
    /// `roughly`, `an estimated`.
    About,
    /// `under`, `fewer than`, `less than`, `below`.
    Under,
    /// `up to`, `at most`, `no more than`.
    UpTo,
}

impl FigureQualifier {
    /// The serialized name (`"over"`, `"at_least"` …).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            FigureQualifier::Over => "over",
            FigureQualifier::AtLeast => "at_least",
            FigureQualifier::About => "about",
            FigureQualifier::Under => "under",
            FigureQualifier::UpTo => "up_to",
        }
    }
}

/// A number the text reports.
///
/// Serialized with `kind` and `qualifier` in snake case and `value` as a
/// JSON number (see [`Figure::value`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure<'a> {
    /// Byte span of [`Figure::text`] in the scanned text.
    pub span: Span,
    /// The number expression as written: digits or number words, with its
    /// scale word, currency and percent sign, without the qualifier.
    pub text: &'a str,
    /// What it counts.
    pub kind: FigureKind,
    /// The exact value of what is written (`0.1` stays 0.1); `None` for
    /// vague amounts and numbers too large for a `Decimal`.
    ///
    /// Serialized as a JSON number: an integer when the value is integral
    /// and fits `i64`/`u64`, otherwise the nearest `f64`, which prints back
    /// as the same digits for values of up to 15 significant digits.
    #[serde(serialize_with = "serialize_value")]
    pub value: Option<Decimal>,
    /// The word before it that bounds it (`over`, `at least` …).
    pub qualifier: Option<FigureQualifier>,
    /// The counted noun that follows, as written (`Palestinian lives`).
    pub unit: Option<&'a str>,
    /// For money, the ISO 4217 code (`USD`).
    pub currency: Option<&'static str>,
}

fn serialize_value<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    let Some(d) = value else {
        return s.serialize_none();
    };
    let d = d.normalize();
    if d.scale() == 0 {
        if let Some(i) = d.to_i64() {
            return s.serialize_i64(i);
        }
        if let Some(u) = d.to_u64() {
            return s.serialize_u64(u);
        }
    }
    // `Decimal` prints exactly; the standard parser rounds correctly.
    match d.to_string().parse::<f64>() {
        Ok(f) => s.serialize_f64(f),
        Err(_) => s.serialize_none(),
    }
}

/// Extracts figures, leaving out given spans (typically the date mentions).
///
/// ```
/// use corpus_format::Span;
/// use corpus_stats::FigureExtractor;
///
/// let text = "On day 12, 40 people";
/// let all: Vec<_> = FigureExtractor::new().figures(text).map(|f| f.text).collect();
/// assert_eq!(all, ["40"]);
/// let none: Vec<_> = FigureExtractor::new()
///     .excluding(&[Span::new(11, 13)])
///     .figures(text)
///     .collect();
/// assert!(none.is_empty());
/// ```
#[derive(Debug, Clone, Default)]
pub struct FigureExtractor {
    exclude: Vec<Span>,
}

impl FigureExtractor {
    /// An extractor that excludes nothing.
    #[must_use]
    pub fn new() -> FigureExtractor {
        FigureExtractor::default()
    }

    /// Adds spans to leave out: no figure overlapping one of them is
    /// reported. The spans may come in any order and overlap.
    #[must_use]
    pub fn excluding(mut self, spans: &[Span]) -> FigureExtractor {
        self.exclude.extend_from_slice(spans);
        self
    }

    /// The figures of `text`.
    #[must_use]
    pub fn figures<'a>(&self, text: &'a str) -> Figures<'a> {
        Figures::new(text, self.exclude.clone())
    }
}

/// The figures of `text`, leaving out those that overlap a date mention
/// (found with [`crate::date::date_mentions`]) as well as those the
/// extractor's own rules recognise as dates.
///
/// ```
/// let found: Vec<_> = corpus_stats::figures("On March 24, 2024, 40 rockets").collect();
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].text, "40");
/// ```
#[must_use]
pub fn figures(text: &str) -> Figures<'_> {
    let dates: Vec<Span> = crate::date::date_mentions(text, None)
        .map(|m| m.span)
        .collect();
    figures_excluding(text, &dates)
}

/// The figures of `text` that overlap none of `exclude` (spans in any
/// order), using only the extractor's own rules for dates and times.
///
/// ```
/// let found: Vec<_> = corpus_stats::figures_excluding("Four drone strikes", &[]).collect();
/// assert_eq!(found[0].value, Some(4.into()));
/// assert_eq!(found[0].unit, Some("drone strikes"));
/// ```
#[must_use]
pub fn figures_excluding<'a>(text: &'a str, exclude: &[Span]) -> Figures<'a> {
    Figures::new(text, exclude.to_vec())
}

/// Lazy iterator over the figures of a text, in text order.
#[derive(Debug, Clone)]
pub struct Figures<'a> {
    text: &'a str,
    /// End of what the previous steps consumed.
    floor: usize,
    pos: usize,
    exclude: Vec<Span>,
    ex_idx: usize,
    link: Option<Link>,
}

impl<'a> Figures<'a> {
    /// The figures of `text` that overlap none of `exclude` (in any order;
    /// date mentions come in order, and are then not sorted again).
    fn new(text: &'a str, mut exclude: Vec<Span>) -> Figures<'a> {
        if !exclude.is_sorted() {
            exclude.sort_unstable();
        }
        Figures {
            text,
            floor: 0,
            pos: 0,
            exclude,
            ex_idx: 0,
            link: None,
        }
    }
}

/// A number just left out as part of a date, which may continue.
#[derive(Debug, Clone, Copy)]
struct Link {
    end: usize,
    kind: LinkKind,
}

/// What the number just left out was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkKind {
    Day,
    Year,
    Phone,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes from `i`, little-endian, if there are eight.
fn chunk_at(b: &[u8], i: usize) -> Option<u64> {
    let chunk: [u8; 8] = b.get(i..i.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// Per byte of `x`: the high bit set iff the byte is an ASCII letter.
fn letter_mask(x: u64) -> u64 {
    // No byte carries into the next: every sum stays below 0x100.
    let y = (x | (0x20 * ONES)) & !HIGH;
    let at_least_a = y + (0x80 - b'a' as u64) * ONES;
    let above_z = y + (0x80 - b'z' as u64 - 1) * ONES;
    at_least_a & !above_z & !x & HIGH
}

/// End of the run of ASCII letters starting at `i`, eight bytes at a time.
fn letters_end(b: &[u8], mut i: usize) -> usize {
    while let Some(x) = chunk_at(b, i) {
        let letters = letter_mask(x);
        if letters != HIGH {
            return i + ((letters ^ HIGH).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// Start of the run of ASCII letters ending at `e`, but not before `floor`
/// (`floor <= e`), eight bytes at a time.
fn letters_start(b: &[u8], e: usize, floor: usize) -> usize {
    if e > b.len() {
        return e;
    }
    let mut j = e;
    while j >= floor + 8 {
        let Some(x) = chunk_at(b, j - 8) else { break };
        let letters = letter_mask(x);
        if letters != HIGH {
            // The bytes after the last non-letter are letters.
            return j - ((letters ^ HIGH).leading_zeros() / 8) as usize;
        }
        j -= 8;
    }
    while j > floor && b.get(j - 1).is_some_and(u8::is_ascii_alphabetic) {
        j -= 1;
    }
    j
}

/// Whether the run of ASCII letters at `s` (not preceded by an ASCII
/// letter) is a candidate number word: its end if so, and in any case the
/// end of the run when it was read (`None` when the first three letters
/// already rule it out).
fn word_candidate(text: &str, s: usize) -> (bool, Option<usize>) {
    let b = text.as_bytes();
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    let c = at(s);
    // `scan_prefix` holds only for three ASCII letters.
    if !scan_prefix(c, at(s + 1), at(s + 2)) {
        return (false, None);
    }
    let e = letters_end(b, s + 3);
    let n = e - s;
    // No number word has this length and first two letters (`this`).
    if n > 11 || !scan_length(c, at(s + 1), n) {
        return (false, Some(e));
    }
    let starts_word = match s.checked_sub(1).and_then(|k| b.get(k)) {
        None => true,
        Some(&p) if p < 0x80 => !p.is_ascii_alphanumeric(),
        // After a non-ASCII character: a letter (`éone`) or not (`“one`).
        Some(_) => !text
            .get(..s)
            .and_then(|t| t.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    };
    (
        starts_word && b.get(s..e).is_some_and(scan_letters),
        Some(e),
    )
}

/// Bytes the candidate scan reads at once: one bit each in a `u64`.
const BLOCK: usize = 64;

/// The byte before `i`, the [`BLOCK`] bytes from `i` and the two after,
/// if they all lie in `b`.
fn scan_window(b: &[u8], i: usize) -> Option<&[u8; BLOCK + 3]> {
    let start = i.checked_sub(1)?;
    b.get(start..start.checked_add(BLOCK + 3)?)?.try_into().ok()
}

/// [`scan_window`] where it reaches outside `b`, with zeros there (a zero
/// byte is neither a letter nor a digit). `i <= b.len()`.
fn scan_window_padded(b: &[u8], i: usize) -> [u8; BLOCK + 3] {
    let mut w = [0u8; BLOCK + 3];
    // `w[k]` is the byte at `i - 1 + k`.
    let (from, to) = match i.checked_sub(1) {
        Some(from) => (from, 0),
        None => (0, 1),
    };
    if let Some(src) = b.get(from..) {
        let n = src.len().min(BLOCK + 3 - to);
        w[to..to + n].copy_from_slice(&src[..n]);
    }
    w
}

fn is_letter(c: u8) -> bool {
    (c | 0x20).wrapping_sub(b'a') < 26
}

/// The low bits of the eight bytes of `x` (each 0 or 1), as eight bits.
fn pack_bytes(x: u64) -> u64 {
    // Byte k's bit lands at bit 56 + k, and no two bits meet or carry.
    x.wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// One bit per byte of `m` (each 0 or 1), eight bytes at a time.
fn pack_block(m: &[u8; BLOCK]) -> u64 {
    let mut bits = 0;
    for (k, chunk) in m.chunks_exact(8).enumerate() {
        let mut x = [0u8; 8];
        x.copy_from_slice(chunk);
        bits |= pack_bytes(u64::from_le_bytes(x)) << (8 * k);
    }
    bits
}

/// For the [`BLOCK`] bytes of a [`scan_window`], one bit each: where a
/// word of three ASCII letters or more starts, and where an ASCII digit
/// is. The letters are tested once, byte by byte over a fixed window (which
/// the compiler turns into a few vector operations); the starts of words
/// come from shifts of their bits.
fn scan_marks(w: &[u8; BLOCK + 3]) -> (u64, u64) {
    let mut letters = [0u8; BLOCK];
    let mut digits = [0u8; BLOCK];
    for k in 0..BLOCK {
        letters[k] = u8::from(is_letter(w[k + 1]));
        digits[k] = u8::from(w[k + 1].is_ascii_digit());
    }
    let l = pack_block(&letters);
    let before = l << 1 | u64::from(is_letter(w[0]));
    let (n1, n2) = (
        u64::from(is_letter(w[BLOCK + 1])),
        u64::from(is_letter(w[BLOCK + 2])),
    );
    let next1 = l >> 1 | n1 << 63;
    let next2 = l >> 2 | n1 << 62 | n2 << 63;
    let starts = l & !before & next1 & next2;
    // Digits are rare in prose: their bits only when there are some.
    let any_digit = digits.iter().fold(0, |a, &d| a | d) != 0;
    (starts, if any_digit { pack_block(&digits) } else { 0 })
}

/// The next candidate at or after `from`: a digit (`end` is one past it)
/// or a whole number word (`end` is its end). [`BLOCK`] bytes at a time,
/// the scan finds the first digit and the starts of words of at least
/// three letters before it; a word is read further only when its first
/// three letters can begin a number word, so the scan reads every byte a
/// bounded number of times.
fn next_candidate(text: &str, from: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = from;
    'blocks: while i < b.len() {
        let padded;
        let w = match scan_window(b, i) {
            Some(w) => w,
            None => {
                padded = scan_window_padded(b, i);
                &padded
            }
        };
        let (starts, digits) = scan_marks(w);
        // Only the words before the first digit.
        let mut words = starts & (digits & digits.wrapping_neg()).wrapping_sub(1);
        while words != 0 {
            let j = words.trailing_zeros() as usize % BLOCK;
            words &= words - 1;
            if !maybe_scan_prefix(w[j + 1], w[j + 2], w[j + 3]) {
                continue;
            }
            let k = i + j;
            match word_candidate(text, k) {
                (true, Some(e)) => return Some((k, e)),
                (_, Some(e)) if e > i + BLOCK => {
                    // The word ran past this block: go on after it.
                    i = e;
                    continue 'blocks;
                }
                // Within the block: later marks lie after the word.
                _ => {}
            }
        }
        if digits != 0 {
            let k = i + digits.trailing_zeros() as usize;
            return Some((k, k + 1));
        }
        i += BLOCK;
    }
    None
}

impl<'a> Iterator for Figures<'a> {
    type Item = Figure<'a>;

    fn next(&mut self) -> Option<Figure<'a>> {
        let len = self.text.len();
        loop {
            if self.pos >= len {
                return None;
            }
            let Some((start, cand_end)) = next_candidate(self.text, self.pos) else {
                self.pos = len;
                return None;
            };
            // Skip candidates inside excluded spans.
            while self.ex_idx < self.exclude.len() && self.exclude[self.ex_idx].end <= start {
                self.ex_idx += 1;
            }
            if let Some(ex) = self.exclude.get(self.ex_idx)
                && ex.start <= start
            {
                self.pos = ex.end.max(start + 1);
                continue;
            }
            // A fresh look-around memo for each number.
            let scan = Scan {
                text: self.text,
                b: self.text.as_bytes(),
                floor: self.floor,
                memo: Memo::default(),
            };
            let step = if scan.b[start].is_ascii_digit() {
                scan.digits(start, self.link)
            } else {
                scan.words(start, cand_end, self.link)
            };
            self.pos = step.next.max(start + 1);
            self.floor = self.pos;
            if step.link.is_some() {
                self.link = step.link;
            }
            let Some(fig) = step.figure else { continue };
            if let Some(ex) = self.exclude.get(self.ex_idx)
                && ex.start < fig.span.end
            {
                continue;
            }
            return Some(fig);
        }
    }
}

/// The value as a `u64` if it is whole and fits.
fn whole_u64(v: Decimal) -> Option<u64> {
    if v.scale() == 0 && !v.is_sign_negative() {
        // Whole and not negative: the mantissa itself.
        return u64::try_from(v.mantissa()).ok();
    }
    Some(v)
        .filter(|v| v.scale() == 0 || v.fract().is_zero())
        .and_then(|v| v.to_u64())
}

/// Result of reading at one candidate.
struct Step<'a> {
    figure: Option<Figure<'a>>,
    next: usize,
    link: Option<Link>,
}

impl Step<'_> {
    fn skip(next: usize) -> Self {
        Step {
            figure: None,
            next,
            link: None,
        }
    }
    fn date_part(next: usize, end: usize, year: bool) -> Self {
        Step {
            figure: None,
            next,
            link: Some(Link {
                end,
                kind: if year { LinkKind::Year } else { LinkKind::Day },
            }),
        }
    }
}

/// The lowercase form of a short word (its first [`MAX_WORD`] bytes): the
/// text itself when it has no capital, or a lowercase copy.
#[derive(Debug, Clone, Copy)]
enum Lower<'a> {
    Same(&'a str),
    Copy { buf: [u8; MAX_WORD], len: usize },
}

impl Default for Lower<'_> {
    fn default() -> Self {
        Lower::Same("")
    }
}

impl Lower<'_> {
    /// The word, or `""` when its bytes are not whole characters.
    fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Copy { buf, len } => std::str::from_utf8(&buf[..*len]).unwrap_or(""),
        }
    }
}

/// The number itself, before context decides what it is.
#[derive(Debug, Clone, Copy)]
struct Core {
    /// Start of the expression (currency sign, sign, `a`, `several` …).
    start: usize,
    end: usize,
    value: Option<Decimal>,
    kind: FigureKind,
    currency: Option<&'static str>,
    /// Written in digits.
    digits: bool,
    /// Digits only: no separator, decimal, sign, suffix or scale.
    plain: bool,
    /// Number of integer digits (digits path).
    int_len: usize,
    /// Exactly the word `one`.
    lone_one: bool,
    /// A scale word or suffix was read.
    scaled: bool,
    /// The number word itself is capitalised (words path).
    capital: bool,
}

#[cfg(test)]
mod tests {
    use super::lexicon::{scan_bytes, scan_prefix};
    use super::{letters_end, letters_start, next_candidate, pack_bytes};

    /// The candidate scan one byte at a time.
    fn next_candidate_bytewise(text: &str, from: usize) -> Option<(usize, usize)> {
        let b = text.as_bytes();
        let mut i = from;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_digit() {
                return Some((i, i + 1));
            }
            if c.is_ascii_alphabetic() {
                let s = i;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let n = i - s;
                if (3..=11).contains(&n) && scan_prefix(c, b[s + 1], b[s + 2]) {
                    let starts_word = !text[..s]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                    let lower = text[s..i].to_ascii_lowercase();
                    if starts_word && scan_bytes(lower.as_bytes()) {
                        return Some((s, i));
                    }
                }
                continue;
            }
            i += 1;
        }
        None
    }

    #[test]
    fn figures_iterator_is_send_and_sync() {
        fn send_sync<T: Send + Sync>(_: &T) {}
        send_sync(&super::figures_excluding("12 people", &[]));
    }

    #[test]
    fn candidate_scan_matches_a_byte_loop() {
        let text = "Four,five SIX seventeen7eighteen thousandfold Twenty-one x1 \
                    one\u{a0}two éone “one” 12,000 tens;Tens thr thre zero. nine\n\
                    dozens of hundreds, elevenths eleven eleventh twelfth tenth\
                    abcdefghijklmnopqrstuvwxyz onE 9 one";
        let starts: Vec<usize> = (0..=text.len())
            .filter(|&k| text.is_char_boundary(k))
            .collect();
        // Every suffix too, so that every alignment meets the chunk edges.
        for cut in (0..text.len()).filter(|&k| text.is_char_boundary(k)) {
            let t = &text[cut..];
            for &from in &starts {
                if from <= t.len() && t.is_char_boundary(from) {
                    assert_eq!(
                        next_candidate(t, from),
                        next_candidate_bytewise(t, from),
                        "{t:?} from {from}"
                    );
                }
            }
        }
    }

    /// Pieces of text for the scan properties: number words and words
    /// sharing their first letters, in several cases, digits, separators
    /// and non-ASCII characters.
    const SCAN_PIECES: &[&str] = &[
        "one",
        "Two",
        "THREE",
        "seventeen",
        "thousand",
        "Thousands",
        "tens",
        "tenth",
        "nineth",
        "this",
        "for",
        "those",
        "through",
        "military",
        "the",
        "ones",
        "fourteenths",
        "Eleven",
        "thousandfold",
        "x",
        "ab",
        "7",
        "12",
        "2024",
        " ",
        " ",
        "  ",
        "\n",
        ",",
        ".",
        "-",
        "é",
        "“",
        "\u{a0}",
        "\u{2009}",
        "日本",
        "_",
        "0",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The 64-byte scan finds what the 32-byte scan found, from every
        /// position of texts that put words, digits and non-ASCII
        /// characters across every block edge.
        #[test]
        fn candidate_scan_matches_the_previous_scan(
            pieces in proptest::collection::vec(
                proptest::sample::select(SCAN_PIECES),
                0..120,
            ),
        ) {
            let text: String = pieces.concat();
            for from in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                proptest::prop_assert_eq!(
                    next_candidate(&text, from),
                    super::previous_scan::next_candidate(&text, from),
                    "{:?} from {}", text, from
                );
            }
        }

        /// The same on any text.
        #[test]
        fn candidate_scan_matches_the_previous_scan_on_any_text(text in ".{0,300}") {
            for from in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                proptest::prop_assert_eq!(
                    next_candidate(&text, from),
                    super::previous_scan::next_candidate(&text, from),
                    "{:?} from {}", text, from
                );
            }
        }
    }

    /// A look-around over `text` with nothing consumed yet.
    fn scan_of(text: &str) -> super::Scan<'_> {
        super::Scan {
            text,
            b: text.as_bytes(),
            floor: 0,
            memo: super::Memo::default(),
        }
    }

    /// Pieces of text for the look-around properties: units, number
    /// words, months, participles and plurals in several cases, and the
    /// characters that join or end words.
    const UNIT_PIECES: &[&str] = &[
        "drone",
        "strikes",
        "Palestinian",
        "lives",
        "children",
        "KILLED",
        "armed",
        "men",
        "killing",
        "of",
        "in",
        "March",
        "may",
        "May",
        "Jan",
        "two",
        "Hundred",
        "million",
        "am",
        "pm",
        "GMT",
        "taken",
        "Taken",
        "bus",
        "glass",
        "crisis",
        "Status",
        "ones",
        "half-million",
        "well-armed",
        "o'clock",
        "café",
        "cafés",
        "naïve",
        "日本",
        "x",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrs",
        " ",
        " ",
        " ",
        "\u{a0}",
        "-",
        "’",
        "'",
        ",",
        ".",
        "\n",
        "7",
        "s",
        "ed",
        "ING",
        "é",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1500))]

        /// The unit found without lowering every word is the unit found
        /// before, after every position of texts of units, number words,
        /// months and endings in any case.
        #[test]
        fn unit_after_matches_the_previous_unit_after(
            pieces in proptest::collection::vec(proptest::sample::select(UNIT_PIECES), 0..40),
        ) {
            let text: String = pieces.concat();
            let (new, old) = (scan_of(&text), scan_of(&text));
            for i in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                for vague in [false, true] {
                    proptest::prop_assert_eq!(
                        new.unit_after(i, vague),
                        old.unit_after_previous(i, vague),
                        "{:?} at {} vague {}", text, i, vague
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1500))]

        /// The qualifier read after the flag test is the qualifier read
        /// before, before every position of texts of qualifier words in any
        /// case and their neighbours.
        #[test]
        fn qualifier_matches_the_previous_qualifier(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    "more", "than", "No", "fewer", "less", "in", "excess", "of", "greater",
                    "at", "least", "up", "to", "most", "close", "an", "estimated", "upwards",
                    "over", "ABOVE", "exceeding", "about", "around", "Nearly", "almost",
                    "approximately", "APPROXIMATELY", "approximatelx", "some", "roughly",
                    "approx", "circa", "under", "below", "the", "x", " ", " ", " ", ".", "\n",
                    "é", "7",
                ][..]),
                0..30,
            ),
        ) {
            let text: String = pieces.concat();
            let (new, old) = (scan_of(&text), scan_of(&text));
            for i in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                proptest::prop_assert_eq!(
                    new.qualifier(i),
                    old.qualifier_previous(i),
                    "{:?} at {}", text, i
                );
            }
        }
    }

    /// Nationalities the currency lookup knows, written out here so that
    /// the tests do not take them from the list under test.
    const NATIONALITIES: &[&str] = &[
        "us",
        "american",
        "canadian",
        "australian",
        "singapore",
        "singaporean",
        "taiwan",
        "taiwanese",
        "british",
        "uk",
        "egyptian",
        "lebanese",
        "syrian",
        "sudanese",
        "kuwaiti",
        "iraqi",
        "jordanian",
        "bahraini",
        "libyan",
        "tunisian",
        "algerian",
        "saudi",
        "qatari",
        "omani",
        "iranian",
        "yemeni",
        "turkish",
        "indian",
        "pakistani",
        "nepalese",
        "nepali",
        "swiss",
        "mexican",
        "argentine",
        "argentinian",
        "philippine",
        "colombian",
        "chilean",
        "chinese",
        "japanese",
        "malaysian",
        "malaysia",
        "israeli",
        "new",
        "russian",
        "brazilian",
        "ukrainian",
        "korean",
        "emirati",
        "uae",
        "moroccan",
    ];

    /// Currency words of every kind a nationality goes with.
    const NATIONAL_CURRENCIES: &[&str] = &[
        "dollars", "dollar", "pounds", "dinars", "riyals", "rial", "lira", "rupees", "francs",
        "pesos", "yuan", "yen", "ringgit", "shekels", "roubles", "rubles", "reais", "real",
        "hryvnias", "won", "dirhams", "Dollars", "POUNDS",
    ];

    #[test]
    fn currency_after_matches_the_previous_currency_after_on_every_nationality() {
        for adjective in NATIONALITIES {
            let mut capital = adjective.to_string();
            capital[..1].make_ascii_uppercase();
            for a in [adjective.to_string(), capital, adjective.to_uppercase()] {
                for currency in NATIONAL_CURRENCIES {
                    let text = format!("5 {a} {currency} of");
                    let (new, old) = (scan_of(&text), scan_of(&text));
                    assert_eq!(
                        new.currency_after(1),
                        old.currency_after_previous(1),
                        "{text}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1500))]

        /// The currency read with the second word only after a nationality
        /// is the currency read before, after every position of texts of
        /// nationalities, currency words and codes in any case.
        #[test]
        fn currency_after_matches_the_previous_currency_after(
            pieces in proptest::collection::vec(
                (
                    proptest::prop_oneof![
                        proptest::sample::select(NATIONALITIES),
                        proptest::sample::select(NATIONAL_CURRENCIES),
                        proptest::sample::select(&[
                            "US", "Swiss", "EGYPTIAN", "francs", "of", "explosives", "cents",
                            "cent", "pence", "penny", "c", "p", "Rand", "rand", "YEN", "EUR",
                            "USD", "usd", "NIS", "liras", "the", "x", "$", "€", "7", "43", "é",
                        ][..]),
                    ],
                    proptest::sample::select(&[" ", " ", " ", "", "\u{a0}", ".", "\n"][..]),
                ),
                0..20,
            ),
        ) {
            let text: String = pieces.iter().flat_map(|(w, sep)| [*w, *sep]).collect();
            let (new, old) = (scan_of(&text), scan_of(&text));
            for i in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                proptest::prop_assert_eq!(
                    new.currency_after(i),
                    old.currency_after_previous(i),
                    "{:?} at {}", text, i
                );
            }
        }
    }

    proptest::proptest! {
        /// The whole value agrees with the split into a fraction and a
        /// conversion that `not_a_quantity` made before.
        #[test]
        fn whole_u64_matches_the_previous_conversion(
            mantissa in proptest::prop_oneof![
                -(1i128 << 96)..(1i128 << 96),
                -1_000_000i128..1_000_000,
                proptest::sample::select(&[0i128, 1, -1, u64::MAX as i128, u64::MAX as i128 + 1, 1 << 64, -(1 << 64)][..]),
            ],
            scale in 0u32..29,
        ) {
            if let Ok(v) = rust_decimal::Decimal::try_from_i128_with_scale(mantissa, scale) {
                let previous = Some(v)
                    .filter(|v| v.scale() == 0 || v.fract().is_zero())
                    .and_then(|v| rust_decimal::prelude::ToPrimitive::to_u64(&v));
                proptest::prop_assert_eq!(super::whole_u64(v), previous, "{}", v);
                let n = v.normalize();
                let previous = Some(n)
                    .filter(|v| v.scale() == 0 || v.fract().is_zero())
                    .and_then(|v| rust_decimal::prelude::ToPrimitive::to_u64(&v));
                proptest::prop_assert_eq!(super::whole_u64(n), previous, "{}", n);
                let neg = -v;
                let previous = Some(neg)
                    .filter(|v| v.scale() == 0 || v.fract().is_zero())
                    .and_then(|v| rust_decimal::prelude::ToPrimitive::to_u64(&v));
                proptest::prop_assert_eq!(super::whole_u64(neg), previous, "{}", neg);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1500))]

        /// The word end read eight letters at a time is the one read letter
        /// by letter, from every position of texts of words of any length
        /// and script.
        #[test]
        fn word_fwd_unicode_matches_the_previous_one(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    "a", "Ab", "drone", "STRIKES", "abcdefghijklmnopqrst", "é", "naïve", "日本",
                    "ß", "Ω", "7", "٣", "½", " ", "-", "'", "\u{a0}", ",", "\n", "_",
                ][..]),
                0..40,
            ),
        ) {
            let text: String = pieces.concat();
            let (new, old) = (scan_of(&text), scan_of(&text));
            for i in 0..=text.len() + 1 {
                proptest::prop_assert_eq!(
                    new.word_fwd_unicode(i),
                    old.word_fwd_unicode_previous(i),
                    "{:?} at {}", text, i
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The value read in 64 bits is the value read before, with the same
        /// scale, for integer parts with separators, decimals (with their
        /// zeros) and a leading point, up to and past 19 digits.
        #[test]
        fn decimal_value_matches_the_previous_one(
            int in proptest::collection::vec(
                proptest::sample::select(&["0", "1", "9", "00", "123", ",", " ", "\u{a0}"][..]),
                1..10,
            ),
            frac in proptest::collection::vec(proptest::sample::select(&["0", "5", "9", "00"][..]), 0..12),
        ) {
            let int: String = int.concat();
            let frac: String = frac.concat();
            let text = if frac.is_empty() { int.clone() } else { format!("{int}.{frac}") };
            let scan = scan_of(&text);
            let (int_end, num_end) = (int.len(), text.len());
            let frac_start = if frac.is_empty() { int_end } else { int_end + 1 };
            let mut cases = vec![(0, int_end, frac_start, num_end)];
            if !frac.is_empty() {
                // `.77`: every digit after the point.
                cases.push((int_end + 1, int_end + 1, int_end + 1, num_end));
            }
            for (p, ie, fs, ne) in cases {
                let new = scan.decimal_value(p, ie, fs, ne);
                let old = scan.decimal_value_previous(p, ie, fs, ne);
                proptest::prop_assert_eq!(
                    new.map(|d| (d.mantissa(), d.scale())),
                    old.map(|d| (d.mantissa(), d.scale())),
                    "{:?} {} {} {} {}", text, p, ie, fs, ne
                );
            }
        }
    }

    #[test]
    fn excluded_spans_in_any_order_exclude_the_same_figures() {
        use corpus_format::Span;
        let text = "On March 3, 2024, 40 rockets hit 12 towns; 7 fell and 300 fled.";
        let sorted = [Span::new(3, 16), Span::new(33, 35), Span::new(43, 44)];
        let want: Vec<_> = super::figures_excluding(text, &sorted)
            .map(|f| f.text)
            .collect();
        assert_eq!(want, ["40", "300"]);
        let mut reversed = sorted;
        reversed.reverse();
        for spans in [&reversed[..], &[sorted[1], sorted[0], sorted[2]][..]] {
            let got: Vec<_> = super::figures_excluding(text, spans)
                .map(|f| f.text)
                .collect();
            assert_eq!(got, want, "{spans:?}");
            let got: Vec<_> = super::FigureExtractor::new()
                .excluding(spans)
                .figures(text)
                .map(|f| f.text)
                .collect();
            assert_eq!(got, want, "{spans:?}");
        }
    }

    #[test]
    fn pack_bytes_gathers_every_pattern() {
        for bits in 0..=255u64 {
            let mut bytes = [0u8; 8];
            for (k, b) in bytes.iter_mut().enumerate() {
                *b = u8::from(bits >> k & 1 == 1);
            }
            assert_eq!(pack_bytes(u64::from_le_bytes(bytes)), bits);
        }
    }

    #[test]
    fn letters_start_matches_a_byte_loop() {
        let text = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ @[`{ é7_-x\u{7f}\u{80}ab";
        let b = text.as_bytes();
        for e in 0..=b.len() + 2 {
            for floor in 0..=e {
                let mut want = e;
                if e <= b.len() {
                    while want > floor && b[want - 1].is_ascii_alphabetic() {
                        want -= 1;
                    }
                }
                assert_eq!(letters_start(b, e, floor), want, "{e} {floor}");
            }
        }
    }

    #[test]
    fn letters_end_matches_a_byte_loop() {
        let text = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ @[`{ é7_-x\u{7f}\u{80}";
        let b = text.as_bytes();
        for start in 0..b.len() {
            let mut want = start;
            while want < b.len() && b[want].is_ascii_alphabetic() {
                want += 1;
            }
            assert_eq!(letters_end(b, start), want, "from {start}");
        }
        let all: Vec<u8> = (0..=255).collect();
        for start in 0..all.len() {
            let want = if all[start].is_ascii_alphabetic() {
                (start..all.len())
                    .find(|&k| !all[k].is_ascii_alphabetic())
                    .unwrap_or(all.len())
            } else {
                start
            };
            assert_eq!(letters_end(&all, start), want, "byte {start}");
        }
    }
}

#[derive(Debug, Clone)]
struct Scan<'a> {
    text: &'a str,
    b: &'a [u8],
    /// End of what the previous steps consumed: no expression starts
    /// before it.
    floor: usize,
    /// Words around the current number, asked for several times.
    memo: Memo,
}

/// A few results of a function of a position in the text, by position:
/// `N` entries, a power of two.
#[derive(Debug, Clone)]
struct PosCache<T: Copy, const N: usize = 4> {
    keys: [Cell<usize>; N],
    values: [Cell<T>; N],
}

impl<T: Copy + Default, const N: usize> Default for PosCache<T, N> {
    fn default() -> Self {
        PosCache {
            keys: std::array::from_fn(|_| Cell::new(usize::MAX)),
            values: std::array::from_fn(|_| Cell::new(T::default())),
        }
    }
}

impl<T: Copy, const N: usize> PosCache<T, N> {
    /// `f(i)`, computed once while `i` keeps its entry.
    fn get(&self, i: usize, f: impl FnOnce() -> T) -> T {
        let slot = i % N;
        if self.keys[slot].get() == i {
            return self.values[slot].get();
        }
        let value = f();
        self.keys[slot].set(i);
        self.values[slot].set(value);
        value
    }
}

/// The look-around results the extractor reuses: the words after and
/// before a position (they depend on the text alone).
#[derive(Debug, Clone, Default)]
struct Memo {
    next_word: PosCache<Option<(usize, usize)>>,
    prev_word_dot: PosCache<Option<(usize, usize, bool)>>,
    /// The end of the word starting at a position.
    word_fwd: PosCache<Option<usize>>,
    /// The end and flags of the word starting at a position.
    flags: PosCache<(usize, u32), 8>,
}

fn is_space_char(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}'
    )
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
    )
}

impl<'a> Scan<'a> {
    fn char_before(&self, i: usize) -> Option<char> {
        // ASCII without decoding, where `i` is a character boundary.
        if let Some(&c) = i.checked_sub(1).and_then(|k| self.b.get(k))
            && c < 0x80
            && self.b.get(i).is_none_or(|&n| !(0x80..0xc0).contains(&n))
        {
            return Some(char::from(c));
        }
        self.text.get(..i)?.chars().next_back()
    }

    fn char_at(&self, i: usize) -> Option<char> {
        // An ASCII byte always starts a character.
        match self.b.get(i) {
            Some(&c) if c < 0x80 => Some(char::from(c)),
            None => None,
            Some(_) => self.text.get(i..)?.chars().next(),
        }
    }

    /// Whether the character at `i` is alphanumeric (ASCII without
    /// decoding).
    #[inline(always)]
    fn alnum_at(&self, i: usize) -> bool {
        match self.b.get(i) {
            Some(&c) if c < 0x80 => c.is_ascii_alphanumeric(),
            None => false,
            Some(_) => self.char_at(i).is_some_and(char::is_alphanumeric),
        }
    }

    /// Whether the character before `i` is alphanumeric (ASCII without
    /// decoding, as in [`Scan::char_before`]).
    #[inline(always)]
    fn alnum_before(&self, i: usize) -> bool {
        if let Some(&c) = i.checked_sub(1).and_then(|k| self.b.get(k))
            && c < 0x80
            && self.b.get(i).is_none_or(|&n| !(0x80..0xc0).contains(&n))
        {
            return c.is_ascii_alphanumeric();
        }
        self.char_before(i).is_some_and(char::is_alphanumeric)
    }

    fn byte(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    fn digit_at(&self, i: usize) -> bool {
        self.byte(i).is_ascii_digit()
    }

    /// End of a gap of 1..=MAX_GAP bytes of spaces (at most one line break)
    /// starting at `i`.
    fn gap_fwd(&self, i: usize) -> Option<usize> {
        // The usual cases without decoding: no gap, or one space before an
        // ASCII byte that is no space.
        let gap_byte = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r');
        match self.b.get(i) {
            Some(&c) if c < 0x80 && !gap_byte(c) => return None,
            Some(b' ') => {
                if let Some(&n) = self.b.get(i + 1)
                    && n < 0x80
                    && !gap_byte(n)
                {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        let mut j = i;
        let mut breaks = 0;
        while let Some(c) = self.char_at(j) {
            if c == '\n' {
                breaks += 1;
                if breaks > 1 {
                    return None;
                }
            } else if !(is_space_char(c) || c == '\r') {
                break;
            }
            j += c.len_utf8();
            if j - i > MAX_GAP {
                return None;
            }
        }
        (j > i).then_some(j)
    }

    /// Start of a gap of 1..=MAX_GAP bytes of spaces ending at `i`.
    fn gap_back(&self, i: usize) -> Option<usize> {
        // The usual cases without decoding, as in `char_before`: no gap, or
        // one space after an ASCII byte that is no space.
        let gap_byte = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r');
        if let Some(&c) = i.checked_sub(1).and_then(|k| self.b.get(k))
            && c < 0x80
            && self.b.get(i).is_none_or(|&n| !(0x80..0xc0).contains(&n))
        {
            if !gap_byte(c) {
                return None;
            }
            if c == b' '
                && let Some(&p) = i.checked_sub(2).and_then(|k| self.b.get(k))
                && p < 0x80
                && !gap_byte(p)
            {
                return Some(i - 1);
            }
        }
        let mut j = i;
        let mut breaks = 0;
        while let Some(c) = self.char_before(j) {
            if c == '\n' {
                breaks += 1;
                if breaks > 1 {
                    return None;
                }
            } else if !(is_space_char(c) || c == '\r') {
                break;
            }
            j -= c.len_utf8();
            if i - j > MAX_GAP {
                return None;
            }
        }
        (j < i).then_some(j)
    }

    /// End of the ASCII-letter word starting at `i` (1..=MAX_WORD letters,
    /// not followed by another alphanumeric character).
    fn word_fwd(&self, i: usize) -> Option<usize> {
        self.memo.word_fwd.get(i, || self.word_fwd_uncached(i))
    }

    /// [`Scan::word_fwd`] without the memo.
    fn word_fwd_uncached(&self, i: usize) -> Option<usize> {
        // Reads at most MAX_WORD + 1 letters.
        let limit = self.b.len().min(i.saturating_add(MAX_WORD + 1));
        let j = letters_end(self.b.get(..limit)?, i);
        if j - i > MAX_WORD {
            return None;
        }
        if j == i || self.alnum_at(j) {
            return None;
        }
        Some(j)
    }

    /// Start of the ASCII-letter word ending at `e`.
    fn word_back(&self, e: usize) -> Option<usize> {
        // Reads at most MAX_WORD + 1 letters.
        let j = letters_start(self.b, e, e.saturating_sub(MAX_WORD + 1));
        if e - j > MAX_WORD {
            return None;
        }
        if j == e || self.alnum_before(j) {
            return None;
        }
        Some(j)
    }

    /// The word after the gap after `i`.
    fn next_word(&self, i: usize) -> Option<(usize, usize)> {
        self.memo.next_word.get(i, || {
            let s = self.gap_fwd(i)?;
            Some((s, self.word_fwd(s)?))
        })
    }

    /// The word before the gap before `i`.
    fn prev_word(&self, i: usize) -> Option<(usize, usize)> {
        // The same word as `prev_word_dot` finds without a dot: after a dot
        // no word ends (a word ends with a letter).
        self.prev_word_dot(i)
            .and_then(|(s, e, dot)| (!dot).then_some((s, e)))
    }

    /// The word before `i`, allowing an abbreviation dot (`Oct. 7`,
    /// `No. 5`); returns the word and whether it had a dot.
    fn prev_word_dot(&self, i: usize) -> Option<(usize, usize, bool)> {
        self.memo.prev_word_dot.get(i, || {
            let e = self.gap_back(i)?;
            if self.byte(e.wrapping_sub(1)) == b'.' && e > 0 {
                let s = self.word_back(e - 1)?;
                return Some((s, e - 1, true));
            }
            Some((self.word_back(e)?, e, false))
        })
    }

    fn lower(&self, s: usize, e: usize) -> Lower<'a> {
        self.lower_uncached(s, e)
    }

    /// [`Scan::lower`] without the memo.
    fn lower_uncached(&self, s: usize, e: usize) -> Lower<'a> {
        let src = self.b.get(s..e).unwrap_or(&[]);
        let len = src.len().min(MAX_WORD);
        let src = &src[..len];
        if !src.iter().any(u8::is_ascii_uppercase) {
            // Nothing to lower: the bytes are whole characters exactly when
            // the text slices there.
            return Lower::Same(self.text.get(s..s + len).unwrap_or(""));
        }
        let mut buf = [0u8; MAX_WORD];
        for (d, c) in buf.iter_mut().zip(src) {
            *d = c.to_ascii_lowercase();
        }
        Lower::Copy { buf, len }
    }

    fn word_is(&self, w: Option<(usize, usize)>, s: &str) -> bool {
        w.is_some_and(|(a, b)| {
            self.text
                .get(a..b)
                .is_some_and(|t| t.eq_ignore_ascii_case(s))
        })
    }

    fn capitalised(&self, s: usize) -> bool {
        self.byte(s).is_ascii_uppercase()
    }

    /// Whether the word at `s..e` is a month name (`May`, `March` only
    /// capitalised).
    fn is_month(&self, s: usize, e: usize) -> bool {
        self.flags_at(s, e) & MONTH != 0 && {
            let lw = self.lower(s, e);
            self.is_month_word(s, lw.as_str(), MONTH)
        }
    }

    /// The word-list flags of the word at `s..e` (see [`Scan::lower`]),
    /// computed once while the memo keeps them.
    fn flags_at(&self, s: usize, e: usize) -> u32 {
        let word = || flags_folded(self.b.get(s..e).unwrap_or(&[]));
        let (end, f) = self.memo.flags.get(s, || (e, word()));
        if end == e { f } else { word() }
    }

    /// [`Scan::is_month`] of the word at `s`, given lowercase with its flags.
    fn is_month_word(&self, s: usize, w: &str, f: u32) -> bool {
        f & MONTH != 0
            && (self.capitalised(s) || !matches!(w, "may" | "march" | "mar" | "jan" | "dec"))
    }

    /// End of an identifier-like token from `i`: letters, digits and
    /// `. , : / - _` between them.
    fn token_end(&self, i: usize) -> usize {
        let mut j = i;
        loop {
            let c = self.byte(j);
            if c.is_ascii_alphanumeric() || c == b'_' {
                j += 1;
            } else if matches!(c, b'.' | b',' | b':' | b'/' | b'-')
                && self.byte(j + 1).is_ascii_alphanumeric()
            {
                j += 2;
            } else {
                return j;
            }
        }
    }

    /// End of a phone number from `i`: digits, and single spaces, dashes,
    /// dots or parentheses between them.
    fn phone_end(&self, i: usize) -> usize {
        let mut j = i;
        loop {
            let c = self.byte(j);
            let between = matches!(c, b' ' | b'-' | b'.' | b'(')
                && (self.digit_at(j + 1) || self.byte(j + 1) == b'(');
            let closing = c == b')' && self.byte(j + 1) == b' ' && self.digit_at(j + 2);
            if c.is_ascii_digit() || closing || between {
                j += 1;
            } else {
                return j;
            }
        }
    }

    /// End of a run of digits, `,` and `.` from `i`.
    fn numeric_run_end(&self, i: usize) -> usize {
        let mut j = i;
        loop {
            let c = self.byte(j);
            if c.is_ascii_digit() {
                j += 1;
            } else if matches!(c, b'.' | b',') && self.digit_at(j + 1) {
                j += 2;
            } else {
                return j;
            }
        }
    }

    fn digits_end(&self, i: usize) -> usize {
        let mut j = i;
        while self.digit_at(j) {
            j += 1;
        }
        j
    }

    /// A dash at `i`: its length in bytes.
    fn dash_at(&self, i: usize) -> Option<usize> {
        self.char_at(i).filter(|c| is_dash(*c)).map(char::len_utf8)
    }

    /// Reads a number written in digits at `p`.
    fn digits(&self, p: usize, link: Option<Link>) -> Step<'a> {
        // Glued to what comes before: `G7`, `PM2.5`, `F-16`, `#5`, `+44`;
        // but `USD115`, `Rs20`.
        let (mut start, mut currency) = self.currency_before(p);
        if start < self.floor {
            // The sign belongs to the previous amount: `10 € 20 €`.
            (start, currency) = (p, None);
        }
        let mut lead_dot = false;
        if let Some(c) = self.char_before(p).filter(|_| currency.is_none()) {
            let before = p - c.len_utf8();
            let glued = c.is_alphanumeric()
                || c == '_'
                || matches!(
                    c,
                    '#' | '№' | '+' | '\'' | '’' | '.' | ',' | ':' | '/' | '@' | '&'
                ) && self
                    .char_before(before)
                    .is_some_and(|d| !d.is_whitespace() && d != '(')
                || matches!(c, '#' | '№' | '+' | '@' | '=' | '%' | '^' | '\\' | '|')
                || (is_dash(c) || c == '+')
                    && self
                        .char_before(before)
                        .is_some_and(|d| d.is_alphabetic() || d == '^');
            if c == '+' {
                // `+44 20 7946 0958`: the whole international number.
                return Step::skip(self.phone_end(p));
            }
            if glued {
                return Step::skip(self.token_end(p));
            }
            // `.77`
            lead_dot = c == '.';
        }
        let int_end = self.digits_end(p);
        let mut i = int_end;
        let int_len = int_end - p;
        let mut plain = true;
        // Comma grouping.
        if self.byte(i) == b',' && self.digit_at(i + 1) {
            let (mut western, mut indian) = (int_len <= 3, int_len <= 2);
            let mut prev_len = 0usize;
            let mut groups = 0usize;
            while self.byte(i) == b',' && self.digit_at(i + 1) {
                let e = self.digits_end(i + 1);
                let glen = e - i - 1;
                western &= glen == 3;
                if groups > 0 {
                    indian &= prev_len == 2;
                }
                prev_len = glen;
                groups += 1;
                i = e;
            }
            indian &= prev_len == 3;
            if !(western || indian) {
                return Step::skip(self.numeric_run_end(p));
            }
            plain = false;
        } else if int_len <= 3 {
            // Space grouping: one space-like char, then exactly three digits.
            while let Some(c) = self.char_at(i) {
                if !is_space_char(c) || c == '\t' {
                    break;
                }
                let g = i + c.len_utf8();
                let e = self.digits_end(g);
                let glued_on = self.char_at(e).is_some_and(char::is_alphabetic)
                    || self.byte(e) == b',' && self.digit_at(e + 1);
                if e - g != 3 || glued_on {
                    break;
                }
                plain = false;
                i = e;
            }
        }
        // Decimals.
        let mut frac_start = i;
        if self.byte(i) == b'.' && self.digit_at(i + 1) {
            frac_start = i + 1;
            i = self.digits_end(i + 1);
            plain = false;
            if matches!(self.byte(i), b'.' | b',') && self.digit_at(i + 1) {
                return Step::skip(self.token_end(p));
            }
        }
        let num_end = i;
        // Times, dates, ratios: `04:30`, `7/10/2023`, `3:1`.
        if matches!(self.byte(i), b':' | b'/') && self.digit_at(i + 1) {
            return Step::skip(self.token_end(p));
        }
        // Powers: `1.1^23`, `2.5^-1`.
        if self.byte(i) == b'^' {
            return Step::skip(i + 1);
        }
        // Dash chains: `2024-03-25`, `020-7946-0958`; year ranges.
        if let Some(dl) = self.dash_at(i)
            && self.digit_at(i + dl)
        {
            let e2 = self.digits_end(i + dl);
            if self.dash_at(e2).is_some_and(|d2| self.digit_at(e2 + d2))
                || self.byte(e2) == b'.' && self.digit_at(e2 + 1) && plain
            {
                let mut j = e2;
                while let Some(d) = self.dash_at(j) {
                    if !self.digit_at(j + d) {
                        break;
                    }
                    j = self.digits_end(j + d);
                }
                return Step::skip(self.token_end(j));
            }
            let first = self
                .text
                .get(p..int_end)
                .and_then(|t| t.parse::<u32>().ok());
            let second_len = e2 - i - dl;
            let second = self
                .text
                .get(i + dl..e2)
                .and_then(|t| t.parse::<u32>().ok());
            if plain
                && int_len == 4
                && !self.alnum_at(e2)
                && let (Some(y1), Some(y2)) = (first, second)
            {
                let range = (1000..=2999).contains(&y1)
                    && (second_len == 2 || second_len == 4 && y2 > y1 && y2 - y1 < 200);
                if range && !self.scale_or_percent_follows(e2) {
                    return Step::date_part(e2, e2, true);
                }
            }
        }
        let mut value = self.decimal_value(p, int_end, frac_start, num_end);
        if lead_dot && plain {
            value = self.decimal_value(p, p, p, num_end);
            start = p - 1;
            plain = false;
        }
        let mut end = num_end;
        let mut kind = FigureKind::Cardinal;
        let mut scaled = false;
        // A minus sign.
        if currency.is_none()
            && !lead_dot
            && let Some(c) = self.char_before(p)
            && matches!(c, '-' | '\u{2212}')
            && self
                .char_before(p - c.len_utf8())
                .is_none_or(|d| d.is_whitespace() || d == '(')
        {
            start = p - c.len_utf8();
            value = value.map(|v| -v);
            plain = false;
        }
        // Glued letters: `7th`, `3bn`, `$5m`, `10pm`, `1990s`, `5G`.
        if self.byte(i).is_ascii_alphabetic() {
            let mut j = i;
            while self.byte(j).is_ascii_alphabetic() && j - i < MAX_WORD {
                j += 1;
            }
            if self.alnum_at(j) {
                return Step::skip(self.token_end(p));
            }
            let suffix = self.lower(i, j);
            let sfx = suffix.as_str();
            if matches!(sfx, "st" | "nd" | "rd" | "th") && frac_start == num_end {
                kind = FigureKind::Ordinal;
                plain = false;
                end = j;
                if currency.is_some() {
                    return Step::skip(j);
                }
            } else if let Some(code) = self.text.get(i..j).and_then(currency_code) {
                // `115.5USD`
                if currency.is_some() {
                    return Step::skip(j);
                }
                currency = Some(code);
                end = j;
                plain = false;
            } else if let Some(mult) = glued_scale(sfx, currency.is_some()).or_else(|| {
                matches!(self.text.get(i..j), Some("M" | "B"))
                    .then(|| if sfx == "m" { 1_000_000 } else { 1_000_000_000 })
            }) {
                value = value.and_then(|v| v.checked_mul(Decimal::from(mult as u64)));
                end = j;
                scaled = true;
                plain = false;
            } else if (sfx == "a" || sfx == "p") && self.byte(j) == b'.' {
                return Step::skip(self.token_end(p));
            } else {
                // `10pm`, `1990s`, `5G`, `180ml`.
                return Step::skip(j);
            }
        }
        let core = Core {
            start,
            end,
            value,
            kind,
            currency,
            digits: true,
            plain,
            int_len,
            lone_one: false,
            scaled,
            capital: false,
        };
        self.finish(core, link)
    }

    /// Exact value of the digits `p..int_end` and `frac_start..num_end`
    /// (separators skipped).
    fn decimal_value(
        &self,
        p: usize,
        int_end: usize,
        frac_start: usize,
        num_end: usize,
    ) -> Option<Decimal> {
        let digits = self.b.get(p..num_end)?;
        if digits.len() <= 19 {
            // At most 19 digits fit a `u64`, which gives the same value
            // without 128-bit arithmetic, normalized by hand: no zero ends
            // the decimals.
            let mut n = 0u64;
            let mut scale = 0u32;
            for (k, &c) in digits.iter().enumerate() {
                if c.is_ascii_digit() {
                    n = n * 10 + u64::from(c - b'0');
                    scale += u32::from(p + k >= frac_start && frac_start < num_end);
                }
            }
            while scale > 0 && n.is_multiple_of(10) {
                n /= 10;
                scale -= 1;
            }
            return Decimal::try_from_i128_with_scale(i128::from(n), scale).ok();
        }
        let mut mantissa: i128 = 0;
        let mut scale: u32 = 0;
        let mut significant = 0u32;
        for (k, &c) in self.b.get(p..num_end)?.iter().enumerate() {
            if !c.is_ascii_digit() {
                continue;
            }
            let at = p + k;
            if mantissa == 0 && c == b'0' && at < int_end {
                continue;
            }
            significant += 1;
            if significant > 28 {
                return None;
            }
            mantissa = mantissa * 10 + i128::from(c - b'0');
            if at >= frac_start && frac_start < num_end {
                scale += 1;
            }
        }
        Decimal::try_from_i128_with_scale(mantissa, scale)
            .ok()
            .map(|d| d.normalize())
    }

    /// A currency sign or code right before `p`: the start of the
    /// expression and the ISO code.
    fn currency_before(&self, p: usize) -> (usize, Option<&'static str>) {
        let mut i = p;
        // One optional space: `$ 280 million`, `USD 400`.
        if let Some(c) = self.char_before(i)
            && is_space_char(c)
        {
            i -= c.len_utf8();
        }
        let Some(c) = self.char_before(i) else {
            return (p, None);
        };
        if let Some(code) = currency_sign(c) {
            let sign_start = i - c.len_utf8();
            if c == '$' {
                // Letters glued before `$`: `US$`, `C$`.
                if let Some(ws) = self.word_back(sign_start) {
                    let lw = self.lower(ws, sign_start);
                    if let Some(code) = dollar_prefix(lw.as_str()) {
                        return (ws, Some(code));
                    }
                }
                if self
                    .char_before(sign_start)
                    .is_some_and(char::is_alphanumeric)
                {
                    return (p, None);
                }
                // `us $ 10`, `c $ 300` (not `a $5 bill`).
                if let Some((ws, we)) = self.prev_word(sign_start) {
                    let lw = self.lower(ws, we);
                    let w = lw.as_str();
                    if we + 1 == sign_start
                        && !matches!(w, "a" | "s" | "r")
                        && let Some(code) = dollar_prefix(w)
                    {
                        return (ws, Some(code));
                    }
                }
            }
            return (sign_start, Some(code));
        }
        if (c.is_ascii_uppercase() || (i == p && c.is_ascii_alphabetic()))
            && let Some(ws) = self.word_back(i)
        {
            if let Some(code) = self.text.get(ws..i).and_then(currency_code) {
                return (ws, Some(code));
            }
            if self
                .text
                .get(ws..i)
                .is_some_and(|w| w.eq_ignore_ascii_case("rs"))
            {
                return (ws, Some("INR"));
            }
        }
        if c == '.' && self.text.get(..i).is_some_and(|t| t.ends_with("Rs.")) {
            return (i - 3, Some("INR"));
        }
        (p, None)
    }

    fn scale_or_percent_follows(&self, e: usize) -> bool {
        if self.byte(e) == b'%' {
            return true;
        }
        self.next_word(e).is_some_and(|(s, e)| {
            let lw = self.lower(s, e);
            let w = lw.as_str();
            any_scale_of(w, self.flags_at(s, e)).is_some() || matches!(w, "percent" | "per" | "pct")
        })
    }

    /// Reads a number written in words at `p..e`.
    fn words(&self, p: usize, e: usize, link: Option<Link>) -> Step<'a> {
        if self.alnum_before(p) || self.alnum_at(e) {
            // Inside a word (`often`, `someone`): skip the whole word.
            let mut j = e;
            while let Some(c) = self.char_at(j) {
                if !c.is_alphanumeric() {
                    break;
                }
                j += c.len_utf8();
            }
            return Step::skip(j);
        }
        // A hyphenated word part whose head is not a number (`Fifty-Fifty`
        // is read from its first part): `mid-twenties`.
        if self.char_before(p).is_some_and(is_dash)
            && self.char_before(p - 1).is_some_and(char::is_alphabetic)
        {
            return Step::skip(e);
        }
        let lw = self.lower(p, e);
        let w = lw.as_str();
        let capital = self.capitalised(p);
        // Vague amounts: `thousands`, `tens of thousands`.
        if let Some(step) = self.vague(p, e, w, link) {
            return step;
        }
        // Scale words without a number before: `a hundred`, `half a
        // million`, `several hundred`.
        let mut start = p;
        let mut factor: Option<u32> = None;
        let mut group: u128 = 0;
        let mut last = Last::Start;
        if matches!(
            w,
            "hundred"
                | "thousand"
                | "million"
                | "billion"
                | "trillion"
                | "dozen"
                | "lakh"
                | "crore"
        ) {
            let prev = self.prev_word(p);
            let fraction_of = |w: Option<(usize, usize)>| {
                if self.word_is(w, "half") {
                    Some(2)
                } else if self.word_is(w, "quarter") {
                    Some(4)
                } else {
                    None
                }
            };
            if self.word_is(prev, "a") || self.word_is(prev, "an") || self.word_is(prev, "one") {
                let Some((ps, _)) = prev else {
                    return Step::skip(e);
                };
                start = ps;
                let pp = self.prev_word(ps);
                // `half a million`
                if let Some(d) = fraction_of(pp).filter(|_| self.word_is(prev, "a")) {
                    factor = Some(d);
                    start = pp.map_or(ps, |x| x.0);
                }
                group = 1;
                last = Last::Unit;
            } else if let Some(d) = fraction_of(prev) {
                // `half million`, `a quarter million`
                let Some((ps, _)) = prev else {
                    return Step::skip(e);
                };
                start = ps;
                let pp = self.prev_word(ps);
                if self.word_is(pp, "a") {
                    start = pp.map_or(ps, |x| x.0);
                }
                factor = Some(d);
                group = 1;
                last = Last::Unit;
            } else if let Some((ps, pe)) = prev {
                let lp = self.lower(ps, pe);
                if matches!(lp.as_str(), "several" | "many" | "few") {
                    let mut s = ps;
                    let pp = self.prev_word(ps);
                    if self.word_is(pp, "a") && lp.as_str() == "few" {
                        s = pp.map_or(ps, |x| x.0);
                    }
                    let end = self.end_of_word_run(e);
                    return self.finish(
                        Core {
                            start: s,
                            end,
                            value: None,
                            kind: FigureKind::Vague,
                            currency: None,
                            digits: false,
                            plain: false,
                            int_len: 0,
                            lone_one: false,
                            scaled: true,
                            capital,
                        },
                        link,
                    );
                }
                return Step::skip(e);
            } else {
                return Step::skip(e);
            }
        }
        let Some(parsed) = self.word_number(p, group, last, factor) else {
            return Step::skip(e);
        };
        if parsed.fraction {
            return Step::skip(parsed.end);
        }
        if parsed.ordinal && start == p {
            // `a fifth`, `one eighth`, `two thirds` are fractions.
            if let Some((s, e)) = self.prev_word(p) {
                let l = self.lower(s, e);
                let w = l.as_str();
                let f = self.flags_at(s, e);
                if matches!(w, "a" | "an") || small_of(w, f).is_some() || tens_of(w, f).is_some() {
                    return Step::skip(parsed.end);
                }
            }
        }
        self.finish(
            Core {
                start,
                end: parsed.end,
                value: parsed.value,
                kind: if parsed.ordinal {
                    FigureKind::Ordinal
                } else {
                    FigureKind::Cardinal
                },
                currency: None,
                digits: false,
                plain: false,
                int_len: 0,
                lone_one: parsed.lone_one,
                scaled: parsed.scaled,
                capital,
            },
            link,
        )
    }

    /// After `thousand` in `several thousand`, further scale words
    /// (`several hundred thousand`).
    fn end_of_word_run(&self, e: usize) -> usize {
        let mut end = e;
        for _ in 0..3 {
            let Some((s, we)) = self.next_word(end) else {
                break;
            };
            if big_scale_of(self.lower(s, we).as_str(), self.flags_at(s, we))
                .is_none_or(|(_, plural)| plural)
            {
                break;
            }
            end = we;
        }
        end
    }

    /// `thousands`, `hundreds of thousands`, `tens of millions`, `dozens`.
    fn vague(&self, p: usize, e: usize, w: &str, link: Option<Link>) -> Option<Step<'a>> {
        let is_plural_scale = |w: &str| {
            matches!(
                w,
                "hundreds"
                    | "thousands"
                    | "millions"
                    | "billions"
                    | "trillions"
                    | "lakhs"
                    | "crores"
                    | "dozens"
            )
        };
        if !(is_plural_scale(w) || w == "tens") {
            return None;
        }
        // After a number it is a scale (`three billions`), read elsewhere.
        let mut end = e;
        let mut ok = w != "tens";
        for _ in 0..3 {
            let Some((os, oe)) = self.next_word(end) else {
                break;
            };
            if !self
                .text
                .get(os..oe)
                .is_some_and(|t| t.eq_ignore_ascii_case("of"))
            {
                break;
            }
            let Some((ss, se)) = self.next_word(oe) else {
                break;
            };
            let lw = self.lower(ss, se);
            if !matches!(
                lw.as_str(),
                "hundreds" | "thousands" | "millions" | "billions" | "trillions"
            ) {
                break;
            }
            end = se;
            ok = true;
        }
        if !ok {
            return Some(Step::skip(e));
        }
        Some(self.finish(
            Core {
                start: p,
                end,
                value: None,
                kind: FigureKind::Vague,
                currency: None,
                digits: false,
                plain: false,
                int_len: 0,
                lone_one: false,
                scaled: true,
                capital: self.capitalised(p),
            },
            link,
        ))
    }

    /// Parses number words from `p` (see [`Last`] for the grammar).
    fn word_number(
        &self,
        p: usize,
        mut group: u128,
        mut last: Last,
        factor: Option<u32>,
    ) -> Option<WordNumber> {
        let mut total: u128 = 0;
        let mut last_scale: u128 = u128::MAX;
        let mut end = p;
        let mut cur = p;
        let mut words = 0usize;
        let mut is_ordinal = false;
        let mut scaled = false;
        let mut frac: Option<(u128, u32)> = None;
        let mut first_word_one = false;
        let mut hyphen = false;
        let mut tail: u128 = 0;
        // Each iteration reads one word at `cur`, which is the start of a word.
        while let Some(we) = self.word_fwd(cur) {
            let f = self.flags_at(cur, we);
            // Only number words (all flagged), `and` and `point` go on.
            if f & (NUMBER | FUNCTION) == 0 && self.byte(cur) | 0x20 != b'p' {
                break;
            }
            let lw = self.lower(cur, we);
            let w = lw.as_str();
            let mut accepted = true;
            if let Some(n) = small_of(w, f) {
                let n = u128::from(n);
                match last {
                    // `zero` stands alone or before `point`.
                    Last::Start if n == 0 => last = Last::Zero,
                    Last::Start | Last::Hundred | Last::Scale | Last::And => {
                        if words == 0 && n == 1 {
                            first_word_one = true;
                        }
                        group += n;
                        tail += n;
                        last = if n < 10 { Last::Unit } else { Last::Teen };
                    }
                    Last::Tens if (1..10).contains(&n) => {
                        group += n;
                        tail += n;
                        last = Last::Unit;
                    }
                    _ => accepted = false,
                }
            } else if let Some(t) = tens_of(w, f) {
                match last {
                    Last::Start | Last::Hundred | Last::Scale | Last::And => {
                        group += u128::from(t);
                        tail += u128::from(t);
                        last = Last::Tens;
                    }
                    _ => accepted = false,
                }
            } else if w == "hundred" || w == "hundreds" {
                if matches!(last, Last::Unit | Last::Teen | Last::Tens) && group > 0 && group < 100
                {
                    group *= 100;
                    tail = 0;
                    last = Last::Hundred;
                    scaled = true;
                } else {
                    accepted = false;
                }
            } else if w == "dozen" || w == "dozens" {
                if matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::Hundred) && group > 0
                {
                    // `three hundred and two dozen` is 300 + 2 * 12.
                    group = if tail > 0 {
                        group - tail + tail * 12
                    } else {
                        group * 12
                    };
                    scaled = true;
                    end = we;
                    words += 1;
                    break;
                }
                accepted = false;
            } else if let Some((s, _plural)) = big_scale_of(w, f) {
                if !matches!(last, Last::Start | Last::And | Last::Scale)
                    && group > 0
                    && s < last_scale
                {
                    total = total.saturating_add(group.saturating_mul(s));
                    group = 0;
                    tail = 0;
                    last_scale = s;
                    last = Last::Scale;
                    scaled = true;
                } else {
                    accepted = false;
                }
            } else if let Some((o, multiplies)) = ordinal_of(w, f) {
                let ok = if multiplies {
                    matches!(
                        last,
                        Last::Start | Last::Unit | Last::Teen | Last::Tens | Last::Hundred
                    )
                } else {
                    match last {
                        Last::Start => o >= 3,
                        Last::Hundred | Last::Scale | Last::And => true,
                        // `twenty-first`; `forty second` only hyphenated.
                        Last::Tens => o < 10 && (o >= 3 || hyphen),
                        _ => false,
                    }
                };
                if ok {
                    if multiplies {
                        group = group.max(1).saturating_mul(o);
                        if o >= 1000 {
                            total = total.saturating_add(group);
                            group = 0;
                        }
                    } else {
                        group += o;
                    }
                    is_ordinal = true;
                    end = we;
                    words += 1;
                    break;
                }
                accepted = false;
            } else if w == "and" && matches!(last, Last::Hundred | Last::Scale) {
                // Only if a number below a hundred follows.
                let follows = self.next_word(we).is_some_and(|(s, e)| {
                    let l = self.lower(s, e);
                    let f = self.flags_at(s, e);
                    small_of(l.as_str(), f).is_some_and(|n| n > 0)
                        || tens_of(l.as_str(), f).is_some()
                });
                if follows {
                    last = Last::And;
                } else {
                    accepted = false;
                }
            } else if w == "and"
                && matches!(last, Last::Unit | Last::Teen | Last::Tens)
                && total == 0
                && self.word_is(self.next_word(we), "a")
            {
                // `two and a half million`
                let half = self
                    .next_word(we)
                    .and_then(|(_, ae)| self.next_word(ae))
                    .filter(|w| self.word_is(Some(*w), "half"));
                let Some((_, he)) = half else { break };
                frac = Some((5, 1));
                end = he;
                words += 1;
                if let Some((s, e)) = self.next_word(he)
                    && let Some((m, false)) =
                        big_scale_of(self.lower(s, e).as_str(), self.flags_at(s, e))
                {
                    last_scale = m;
                    end = e;
                    scaled = true;
                }
                break;
            } else if w == "point"
                && matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::Zero)
            {
                // `two point five`: digit words after the point.
                let mut m: u128 = 0;
                let mut sc: u32 = 0;
                let mut fe = we;
                while let Some((s, e)) = self.next_word(fe) {
                    let l = self.lower(s, e);
                    match small_of(l.as_str(), self.flags_at(s, e)) {
                        Some(d) if d < 10 && sc < 12 => {
                            m = m * 10 + u128::from(d);
                            sc += 1;
                            fe = e;
                        }
                        _ => break,
                    }
                }
                if sc == 0 {
                    accepted = false;
                } else {
                    frac = Some((m, sc));
                    end = fe;
                    words += 1;
                    // An optional scale after: `two point two million`.
                    if let Some((s, e)) = self.next_word(fe)
                        && let Some((m, _)) =
                            big_scale_of(self.lower(s, e).as_str(), self.flags_at(s, e))
                        && total == 0
                    {
                        last_scale = m;
                        end = e;
                        scaled = true;
                    }
                    break;
                }
            } else {
                accepted = false;
            }
            if !accepted {
                break;
            }
            if w != "and" {
                end = we;
                words += 1;
            }
            // Separator to the next word: spaces, or a hyphen after a tens word.
            hyphen = false;
            if let Some(d) = self.dash_at(we) {
                if last == Last::Tens && self.byte(we + d).is_ascii_alphabetic() {
                    hyphen = true;
                    cur = we + d;
                    continue;
                }
                break;
            }
            match self.gap_fwd(we) {
                Some(g) if self.byte(g).is_ascii_alphabetic() => cur = g,
                _ => break,
            }
        }
        if words == 0 {
            return None;
        }
        // A fraction word after the number: `two thirds`, `three fifths`.
        let fraction = !is_ordinal
            && self
                .next_word(end)
                .or_else(|| {
                    self.dash_at(end)
                        .and_then(|d| Some((end + d, self.word_fwd(end + d)?)))
                })
                .is_some_and(|(s, e)| {
                    let l = self.lower(s, e);
                    let w = l.as_str();
                    let f = self.flags_at(s, e);
                    // `one fifth`, `two thirds`, `five and a quarter`.
                    f & FRACTION != 0
                        || matches!(w, "half" | "quarter")
                        || ordinal_of(w, f).is_some_and(|(o, m)| o >= 3 && !m)
                        || w == "and"
                            && self
                                .next_word(e)
                                .is_some_and(|a| self.word_is(Some(a), "a"))
                            && self
                                .next_word(e)
                                .and_then(|(_, ae)| self.next_word(ae))
                                .is_some_and(|(fs, fe)| {
                                    let f = self.lower(fs, fe);
                                    f.as_str() == "quarter"
                                        || ordinal_of(f.as_str(), self.flags_at(fs, fe))
                                            .is_some_and(|(o, _)| o >= 3)
                                })
                });
        let int = total.saturating_add(group);
        let int_dec = i128::try_from(int)
            .ok()
            .and_then(|i| Decimal::try_from_i128_with_scale(i, 0).ok());
        let value = match (int_dec, frac) {
            (Some(i), None) => Some(i),
            // `two point five million`: the scale applies to the whole.
            (Some(i), Some((m, sc))) => i128::try_from(m)
                .ok()
                .and_then(|m| Decimal::try_from_i128_with_scale(m, sc).ok())
                .and_then(|f| i.checked_add(f))
                .and_then(|v| match u64::try_from(last_scale) {
                    Ok(scale) if last_scale != u128::MAX => v.checked_mul(Decimal::from(scale)),
                    _ => Some(v),
                }),
            _ => None,
        };
        // `half a million`, `a quarter million`
        let value = match factor {
            Some(d) => value.and_then(|v| v.checked_div(Decimal::from(d))),
            None => value,
        };
        Some(WordNumber {
            end,
            value: value.map(|v| v.normalize()),
            ordinal: is_ordinal,
            lone_one: first_word_one && words == 1 && !is_ordinal,
            scaled,
            fraction,
        })
    }

    /// Decides what the number `core` is in its context and builds the
    /// figure.
    fn finish(&self, mut core: Core, link: Option<Link>) -> Step<'a> {
        let mut end = core.end;
        let number_end = core.end;
        let counting = matches!(core.kind, FigureKind::Cardinal);
        // Scale words after digits: `1.5 million`, `3 billion`.
        if counting && core.digits && !core.scaled {
            for _ in 0..3 {
                let Some((s, e)) = self.next_word(end) else {
                    break;
                };
                // Scale words have the NUMBER flag: others are not lowered.
                let f = self.flags_at(s, e);
                let scale = if f & NUMBER != 0 {
                    any_scale_of(self.lower(s, e).as_str(), f)
                } else {
                    None
                };
                let Some((m, _)) = scale else {
                    break;
                };
                core.value = core
                    .value
                    .and_then(|v| v.checked_mul(Decimal::from(m as u64)));
                core.scaled = true;
                core.plain = false;
                end = e;
            }
        }
        // Percent: `90%`, `90 %`, `90 percent`, `12.5 per cent`.
        let mut kind = core.kind;
        let mut currency = core.currency;
        if counting && currency.is_none() {
            if self.byte(end) == b'%' {
                kind = FigureKind::Percent;
                end += 1;
            } else if self.byte(end) == b' ' && self.byte(end + 1) == b'%' {
                kind = FigureKind::Percent;
                end += 2;
            } else if let Some((s, e)) = self.next_word(end)
                && self.byte(s) | 0x20 == b'p'
            {
                // The words below all begin with `p`.
                let lw = self.lower(s, e);
                match lw.as_str() {
                    "percent" | "pct" => {
                        kind = FigureKind::Percent;
                        end = e;
                    }
                    "per" => {
                        if let Some((s2, e2)) = self.next_word(e)
                            && self.text.get(s2..e2) == Some("cent")
                        {
                            kind = FigureKind::Percent;
                            end = e2;
                        }
                    }
                    _ => {}
                }
            }
        }
        if counting && kind == FigureKind::Cardinal {
            if currency.is_some() {
                kind = FigureKind::Money;
            } else if let Some((code, e, cents)) = self.currency_after(end) {
                kind = FigureKind::Money;
                currency = Some(code);
                end = e;
                if cents {
                    core.value = core
                        .value
                        .and_then(|v| v.checked_div(Decimal::from(100)))
                        .map(|v| v.normalize());
                } else if !core.scaled {
                    // `75 USD million`
                    if let Some((s, e)) = self.next_word(end)
                        && let Some((m, false)) =
                            big_scale_of(self.lower(s, e).as_str(), self.flags_at(s, e))
                    {
                        core.value = core
                            .value
                            .and_then(|v| v.checked_mul(Decimal::from(m as u64)));
                        end = e;
                    }
                }
            }
            if kind == FigureKind::Money {
                // Cents after the main unit: `20 dollars 43 cents`, `$20 and 43c`.
                if let Some((e, cents)) = self.cents_after(end) {
                    core.value = core.value.and_then(|v| v.checked_add(cents));
                    end = e;
                }
            }
        } else if currency.is_some() {
            kind = FigureKind::Money;
        }
        if currency.is_some() && kind != FigureKind::Money {
            return Step::skip(end);
        }
        let reported = matches!(kind, FigureKind::Money | FigureKind::Percent);
        if !reported && let Some(step) = self.not_a_quantity(&core, number_end, end, link) {
            return step;
        }
        // `minus 5`, `negative five`.
        if kind != FigureKind::Vague
            && kind != FigureKind::Ordinal
            && let Some((s, e)) = self.prev_word(core.start)
            && s >= self.floor
            && matches!(self.byte(s) | 0x20, b'm' | b'n')
            && matches!(self.lower(s, e).as_str(), "minus" | "negative")
        {
            core.start = s;
            core.value = core.value.map(|v| -v);
            // `minus one` is a number, not a pronoun.
            core.lone_one = false;
        }
        // Qualifier.
        let mut qualifier = self.qualifier(core.start);
        // Unit.
        let unit = if kind == FigureKind::Ordinal {
            None
        } else {
            // Plural vague amounts take their noun after `of` only.
            let plural_vague = kind == FigureKind::Vague && self.byte(end - 1) | 0x20 == b's';
            self.unit_after(end, plural_vague)
        };
        if let Some((s, e)) = unit {
            let first_end = self.word_fwd(s).unwrap_or(e);
            if core.digits
                && matches!(self.byte(s) | 0x20, b'e' | b'h')
                && matches!(
                    self.lower(s, first_end).as_str(),
                    "emergency" | "hotline" | "helpline"
                )
            {
                return Step::skip(end);
            }
            // `over 52 days` is "during", not a bound.
            if matches!(qualifier, Some(FigureQualifier::Over))
                && self.word_is(self.prev_word(core.start), "over")
                && self.flags_at(s, first_end) & TIME_UNIT != 0
            {
                qualifier = None;
            }
        }
        // `one` as a pronoun: `the fourth one`, `not one of them`.
        if core.lone_one && kind == FigureKind::Cardinal {
            let prev = self.prev_word(core.start);
            // Pronoun words and ordinals are all flagged.
            let pronoun_before = prev.is_some_and(|(s, e)| {
                let f = self.flags_at(s, e);
                f & (PRONOUN_BEFORE | NUMBER) != 0
                    && pronoun_one_before_of(self.lower(s, e).as_str(), f)
            });
            let glued_hyphen = self.dash_at(end).is_some();
            if pronoun_before || unit.is_none() || glued_hyphen {
                return Step::skip(end);
            }
        }
        if core.start < self.floor {
            return Step::skip(end);
        }
        let Some(text) = self.text.get(core.start..end) else {
            return Step::skip(end);
        };
        Step {
            figure: Some(Figure {
                span: Span {
                    start: core.start,
                    end,
                },
                text,
                kind,
                value: if kind == FigureKind::Vague {
                    None
                } else {
                    // A positive whole value is already in normal form.
                    core.value.map(|v| {
                        if v.scale() == 0 && !v.is_sign_negative() {
                            v
                        } else {
                            v.normalize()
                        }
                    })
                },
                qualifier,
                unit: unit.and_then(|(s, e)| self.text.get(s..e)),
                currency,
            }),
            next: end,
            link: None,
        }
    }

    /// A currency word or code after `i`: the ISO code, the end, and
    /// whether it was `cents`.
    fn currency_after(&self, i: usize) -> Option<(&'static str, usize, bool)> {
        // A sign after the amount: `10 $`, `20€`.
        let mut j = i;
        if let Some(c) = self.char_at(j).filter(|c| is_space_char(*c)) {
            j += c.len_utf8();
        }
        if let Some(c) = self.char_at(j)
            && let Some(code) = currency_sign(c)
        {
            let e = j + c.len_utf8();
            if !self.alnum_at(e) {
                return Some((code, e, false));
            }
        }
        let (s, e) = self.next_word(i)?;
        let raw = self.text.get(s..e)?;
        if let Some(code) = currency_code(raw) {
            return Some((code, e, false));
        }
        let f = self.flags_at(s, e);
        // The second word matters only after a nationality (`Swiss
        // francs`): after any other word nothing below matches unless the
        // first word is a currency word or begins like `cents` or `pence`.
        let second = if f & NATIONAL != 0 {
            self.next_word(e)
                .map(|(s2, e2)| (s2, e2, self.flags_at(s2, e2)))
        } else {
            None
        };
        // Nothing below matches unless one of the two words is a currency
        // word or the first begins like `cents` or `pence`.
        if f & CURRENCY == 0
            && second.is_none_or(|(_, _, f2)| f2 & CURRENCY == 0)
            && !matches!(self.byte(s) | 0x20, b'c' | b'p')
        {
            return None;
        }
        let lw = self.lower(s, e);
        let w = lw.as_str();
        // `US dollars`, `Swiss francs`, `Egyptian pounds`.
        if let Some((s2, e2, f2)) = second
            && f2 & CURRENCY != 0
            && let Some(code) = national_currency_of(w, self.lower(s2, e2).as_str(), f2)
        {
            return Some((code, e2, false));
        }
        if matches!(w, "cent" | "cents") {
            return Some(("USD", e, true));
        }
        if matches!(w, "pence" | "penny") {
            return Some(("GBP", e, true));
        }
        // Codes are only taken in capitals; words in any case.
        let code = currency_word_of(w, f)?;
        if raw.len() == 3 && !matches!(w, "yen" | "rand") {
            return None;
        }
        if matches!(w, "pound" | "pounds") {
            // `2,000 pounds of explosives` is a weight.
            if self.word_is(self.next_word(e), "of") {
                return None;
            }
        }
        // `rand` is a currency only capitalised (`50 Rand`).
        if w == "rand" && !self.capitalised(s) {
            return None;
        }
        Some((code, e, false))
    }

    /// `[and] NN cents`, `NN c`, `NN pence` after an amount of money: the
    /// end and the added amount.
    fn cents_after(&self, i: usize) -> Option<(usize, Decimal)> {
        let mut s = self.gap_fwd(i)?;
        if let Some(e) = self.word_fwd(s)
            && self.text.get(s..e)?.eq_ignore_ascii_case("and")
        {
            s = self.gap_fwd(e)?;
        }
        let (e, n) = if self.digit_at(s) {
            let e = self.digits_end(s);
            (e, self.text.get(s..e)?.parse::<i64>().ok()?)
        } else {
            // `forty-five cents`
            let w = self.word_number(s, 0, Last::Start, None)?;
            let v = w.value?.to_i64()?;
            (w.end, v)
        };
        if e == s || !(0..100).contains(&n) {
            return None;
        }
        let unit_end = match self.word_fwd(e) {
            Some(we) => we,
            None => self.word_fwd(self.gap_fwd(e)?)?,
        };
        let unit_start = self.word_back(unit_end).unwrap_or(e);
        let lw = self.lower(unit_start, unit_end);
        if !(matches!(lw.as_str(), "cents" | "cent" | "pence" | "sen" | "sens")
            || (lw.as_str() == "c" || lw.as_str() == "p") && unit_start == e)
        {
            return None;
        }
        Some((unit_end, Decimal::new(n, 2)))
    }

    /// Whether the number is part of a date, a time, a name or a list
    /// marker, or is dialled: the step that skips it.
    fn not_a_quantity(
        &self,
        core: &Core,
        number_end: usize,
        end: usize,
        link: Option<Link>,
    ) -> Option<Step<'a>> {
        // Without a scale the value is whole: no need to split it.
        let int_value = core.value.and_then(whole_u64);
        let unscaled = !core.scaled;
        // `dial 911 or 999`
        if let Some(l) = link.filter(|l| l.kind == LinkKind::Phone && l.end <= core.start) {
            let gap = self.text.get(l.end..core.start).unwrap_or("x").trim();
            if core.digits && core.start - l.end <= 6 && matches!(gap, "or" | "and" | "," | "/") {
                return Some(Step {
                    figure: None,
                    next: end,
                    link: Some(Link {
                        end,
                        kind: LinkKind::Phone,
                    }),
                });
            }
        }
        // Times of day: `3 p.m.`, `10 am`, `0400 GMT`, `three o'clock`.
        if unscaled
            && core.kind == FigureKind::Cardinal
            && let Some((s, e)) = self.next_word(end)
            // A time word has one letter (`a.m.`, `o'clock`) or its flag.
            && (e - s == 1 || self.flags_at(s, e) & TIME_SUFFIX != 0)
        {
            let lw = self.lower(s, e);
            let w = lw.as_str();
            let dotted =
                (w == "a" || w == "p") && self.byte(e) == b'.' && self.byte(e + 1) | 0x20 == b'm';
            let oclock = w == "o" && matches!(self.char_at(e), Some('\'' | '’'));
            let is_time = dotted
                || oclock
                || (self.flags_at(s, e) & TIME_SUFFIX != 0
                    && (w != "am"
                        || self.text.get(s..e) != Some("am")
                        || int_value.is_some_and(|v| v <= 12)));
            if is_time && int_value.is_some_and(|v| v <= 2400) {
                return Some(Step::skip(e));
            }
        }
        // Dates: days next to a month, years in a date context.
        if (core.digits || core.kind == FigureKind::Ordinal || int_value.is_some_and(|v| v <= 31))
            && let Some(step) = self.date_part(core, number_end, end, int_value, link)
        {
            return Some(step);
        }
        let prev = self.prev_word_dot(core.start);
        if let Some((s, e, dot)) = prev {
            let f = self.flags_at(s, e);
            if unscaled
                && (f & LABEL != 0 || dot && matches!(self.lower(s, e).as_str(), "no" | "nr"))
            {
                return Some(Step::skip(end));
            }
            if core.digits && f & PHONE != 0 {
                // Skip the whole number as dialled: digits, spaces, dashes.
                let j = self.phone_end(end);
                return Some(Step {
                    figure: None,
                    next: j,
                    link: Some(Link {
                        end: j,
                        kind: LinkKind::Phone,
                    }),
                });
            }
            // A name: a capitalised word in mid-sentence before a bare number.
            let name_like = (core.digits && core.plain && core.int_len <= 4)
                || (!core.digits && core.capital && unscaled);
            let lw;
            let w = if name_like && !dot && self.capitalised(s) {
                lw = self.lower(s, e);
                lw.as_str()
            } else {
                ""
            };
            if name_like
                && !dot
                && self.capitalised(s)
                && f & (FUNCTION | WEEKDAY | MONTH) == 0
                && small_of(w, f).is_none()
                && tens_of(w, f).is_none()
                && !matches!(
                    w,
                    "over"
                        | "about"
                        | "around"
                        | "nearly"
                        | "almost"
                        | "some"
                        | "under"
                        | "only"
                        | "roughly"
                        | "approximately"
                        | "killing"
                        | "killed"
                        | "kill"
                        | "kills"
                )
                && !self.sentence_start(s)
                && !self
                    .next_word(end)
                    .is_some_and(|(ns, _)| self.capitalised(ns))
            {
                return Some(Step::skip(end));
            }
        }
        // List markers: `1.` or `2)` at the start of a line, `(3)`.
        if core.digits && core.plain && core.int_len <= 3 {
            let after = self.byte(number_end);
            let at_line_start = {
                let mut j = core.start;
                let mut n = 0;
                while j > 0 && matches!(self.byte(j - 1), b' ' | b'\t') && n < MAX_GAP {
                    j -= 1;
                    n += 1;
                }
                j == 0 || matches!(self.byte(j - 1), b'\n' | b'\r')
            };
            if at_line_start
                && matches!(after, b'.' | b')')
                && matches!(self.byte(number_end + 1), b' ' | b'\t')
            {
                return Some(Step::skip(number_end + 1));
            }
            if self.char_before(core.start) == Some('(') && after == b')' {
                return Some(Step::skip(number_end + 1));
            }
        }
        None
    }

    /// Whether the word at `s` begins a sentence.
    fn sentence_start(&self, s: usize) -> bool {
        let mut j = s;
        let mut n = 0;
        while let Some(c) = self.char_before(j) {
            if c.is_whitespace() && n < MAX_GAP {
                j -= c.len_utf8();
                n += 1;
                continue;
            }
            return matches!(
                c,
                '.' | '!'
                    | '?'
                    | ':'
                    | ';'
                    | '"'
                    | '“'
                    | '”'
                    | '('
                    | '['
                    | '>'
                    | '|'
                    | '—'
                    | '–'
                    | '\''
                    | '‘'
            );
        }
        true
    }

    /// Day and year checks.
    fn date_part(
        &self,
        core: &Core,
        number_end: usize,
        end: usize,
        int_value: Option<u64>,
        link: Option<Link>,
    ) -> Option<Step<'a>> {
        let v = int_value?;
        if core.scaled || core.value.is_some_and(|v| v.is_sign_negative()) {
            return None;
        }
        let day_like = (1..=31).contains(&v) && (!core.digits || core.int_len <= 2);
        let year_like =
            core.digits && core.plain && core.int_len == 4 && (1000..=2999).contains(&v);
        // Linked to a date number just left out.
        if let Some(l) = link
            && l.end <= core.start
            && core.start - l.end <= 12
        {
            let gap = self.text.get(l.end..core.start)?.trim();
            let joined = matches!(gap, "-" | "–" | "—" | "‐" | "‑")
                || ["to", "and", "or", "through", "until", "till"]
                    .iter()
                    .any(|w| gap.eq_ignore_ascii_case(w));
            let two_digit = core.digits && core.plain && core.int_len == 2;
            if l.kind == LinkKind::Year
                && (year_like || (two_digit && matches!(gap, "-" | "–" | "/")))
                && joined
            {
                return Some(Step::date_part(end, end, true));
            }
            if l.kind == LinkKind::Day && day_like && joined {
                return Some(Step::date_part(end, end, false));
            }
            if l.kind == LinkKind::Day && year_like && (gap.is_empty() || gap == ",") {
                return Some(Step::date_part(end, end, true));
            }
        }
        // Before: a month name (`March 24`, `Oct. 7`, `March 2024`).
        // Only months and year context words (`year` among them) count.
        if let Some((s, e, _dot)) = self.prev_word_dot(core.start)
            && self.flags_at(s, e) & (MONTH | YEAR_CONTEXT) != 0
        {
            let lw = self.lower(s, e);
            let w = lw.as_str();
            let f = self.flags_at(s, e);
            if self.is_month_word(s, w, f) {
                if day_like && core.kind != FigureKind::Percent {
                    // `March 26, 2024`: the year follows.
                    return Some(Step::date_part(end, end, false));
                }
                if year_like {
                    return Some(Step::date_part(end, end, true));
                }
            }
            if year_like && f & YEAR_CONTEXT != 0 && !self.scale_or_percent_follows(end) {
                return Some(Step::date_part(end, end, true));
            }
            if year_like && w == "year" {
                return Some(Step::date_part(end, end, true));
            }
        }
        // After: `26 March`, `7th of October`, `26-27 March`.
        if day_like {
            let mut j = number_end;
            // `26-27 March`
            if let Some(d) = self.dash_at(j)
                && self.digit_at(j + d)
            {
                let e2 = self.digits_end(j + d);
                if e2 - j - d <= 2 {
                    j = e2;
                    if let Some(sfx) = self.word_fwd(j)
                        && sfx - j == 2
                    {
                        j = sfx;
                    }
                }
            }
            if let Some((s, e)) = self.next_word(j) {
                let (s, e) = if self.word_is(Some((s, e)), "of") {
                    self.next_word(e).unwrap_or((s, e))
                } else {
                    (s, e)
                };
                if self.is_month(s, e) {
                    return Some(Step::date_part(end, end, false));
                }
            }
        }
        // `the 21st century`
        if core.kind == FigureKind::Ordinal {
            if let Some((s, e)) = self.next_word(end)
                && matches!(
                    self.lower(s, e).as_str(),
                    "century" | "centuries" | "millennium"
                )
            {
                return Some(Step::skip(end));
            }
            if let Some(d) = self.dash_at(end)
                && self
                    .word_fwd(end + d)
                    .is_some_and(|e| self.lower(end + d, e).as_str() == "century")
            {
                return Some(Step::skip(end));
            }
        }
        None
    }

    /// The qualifier before `start`.
    fn qualifier(&self, start: usize) -> Option<FigureQualifier> {
        use FigureQualifier::*;
        let (s1, e1) = self.prev_word(start)?;
        // Every word matched below is flagged, but for the one too long
        // to be listed.
        if self.flags_at(s1, e1) & QUALIFIER == 0 && e1 - s1 != "approximately".len() {
            return None;
        }
        let w1 = self.lower(s1, e1);
        let w1 = w1.as_str();
        // Only these words end a qualifier of two or three words.
        if matches!(w1, "than" | "least" | "to" | "most" | "estimated" | "of") {
            let w2 = self.prev_word(s1).map(|(s, e)| (s, self.lower(s, e)));
            let w2s = w2.as_ref().map_or("", |(_, l)| l.as_str());
            if matches!(w1, "than" | "of") {
                let w3 = w2
                    .as_ref()
                    .and_then(|(s, _)| self.prev_word(*s))
                    .map(|(s, e)| self.lower(s, e));
                let w3s = w3.as_ref().map_or("", Lower::as_str);
                match (w3s, w2s, w1) {
                    ("no", "more", "than") => return Some(UpTo),
                    ("no", "fewer" | "less", "than") => return Some(AtLeast),
                    ("in", "excess", "of") => return Some(Over),
                    _ => {}
                }
            }
            match (w2s, w1) {
                ("more" | "greater", "than") => return Some(Over),
                ("at", "least") => return Some(AtLeast),
                ("fewer" | "less", "than") => return Some(Under),
                ("up", "to") | ("at", "most") => return Some(UpTo),
                ("close", "to") => return Some(About),
                ("an", "estimated") => return Some(About),
                ("upwards", "of") => return Some(Over),
                _ => {}
            }
        }
        match w1 {
            "over" | "above" | "exceeding" => Some(Over),
            "about" | "around" | "nearly" | "almost" | "approximately" | "some" | "roughly"
            | "approx" | "circa" => Some(About),
            "under" | "below" => Some(Under),
            _ => None,
        }
    }

    /// The counted noun phrase after `i` (see the module docs). A word is
    /// lowered only when its flags put it on a list that holds it.
    fn unit_after(&self, i: usize, vague: bool) -> Option<(usize, usize)> {
        let mut pos = i;
        if vague {
            // `thousands of children`; `thousands fled` has none.
            let (s, e) = self.next_word(pos)?;
            if !self.word_is(Some((s, e)), "of") {
                return None;
            }
            pos = e;
        }
        let mut first: Option<usize> = None;
        let mut last_end = pos;
        // End of the phrase before its first participle (`killed`).
        let mut before_participle: Option<usize> = None;
        let mut plural = false;
        let mut words = 0;
        while words < 3 {
            let Some(s) = self.gap_fwd(pos) else { break };
            // A word: letters with inner hyphens or apostrophes.
            let mut j = s;
            let mut parts_end = s;
            let mut ok = false;
            while let Some(we) = self.word_fwd_unicode(j) {
                parts_end = we;
                ok = true;
                match self.char_at(we) {
                    Some(c)
                        if (is_dash(c) || c == '\'' || c == '’')
                            && self
                                .char_at(we + c.len_utf8())
                                .is_some_and(char::is_alphabetic)
                            && we - s < MAX_WORD * 2 =>
                    {
                        j = we + c.len_utf8();
                    }
                    _ => break,
                }
            }
            if !ok {
                break;
            }
            let head_end = self.word_fwd(s).unwrap_or(parts_end);
            let head = head_end.min(parts_end);
            // One lookup for all the word lists (`small` and the other
            // number lookups need the NUMBER flag, a month its flag).
            let f = self.flags_at(s, head);
            if f & FUNCTION != 0 || f & TIME_SUFFIX != 0 && words == 0 {
                break;
            }
            // A number word or a month ends the phrase; the word is lowered
            // only for the lists that hold it.
            let number_or_month = if head == head_end {
                f & (NUMBER | MONTH) != 0 && {
                    let lw = self.lower(s, head);
                    let w = lw.as_str();
                    let numberish = small_of(w, f).is_some()
                        || tens_of(w, f).is_some()
                        || any_scale_of(w, f).is_some();
                    numberish || self.is_month_word(s, w, f)
                }
            } else {
                f & NUMBER != 0 && {
                    let lw = self.lower(s, head);
                    let w = lw.as_str();
                    small_of(w, f).is_some()
                        || tens_of(w, f).is_some()
                        || any_scale_of(w, f).is_some()
                } || self.is_month(s, head_end)
            };
            if number_or_month {
                break;
            }
            first.get_or_insert(s);
            let wf = if parts_end == head {
                f
            } else {
                self.flags_at(s, parts_end)
            };
            // The endings are read on the bytes of the word's lowercase
            // form (see `Scan::lower`), in either case.
            let ws = self.lower_bytes(s, parts_end);
            let ends = |suffix: &[u8]| {
                ws.len() >= suffix.len()
                    && ws[ws.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
            };
            let participle = ws.len() > 4 && (ends(b"ed") || ends(b"ing")) || wf & PARTICIPLE != 0;
            if before_participle.is_none() && participle {
                before_participle = Some(last_end);
            }
            last_end = parts_end;
            words += 1;
            plural = wf & IRREGULAR_PLURAL != 0
                || (ws.len() > 3 && ends(b"s") && !ends(b"ss") && !ends(b"us") && !ends(b"is"));
            if plural {
                break;
            }
            // The phrase goes on only over plain spaces.
            if !self.char_at(parts_end).is_some_and(is_space_char) {
                break;
            }
            pos = parts_end;
        }
        let s = first?;
        // Without a plural noun, drop from the first participle on: `15
        // killed in`, `hundreds gathered outside`; but `3 armed men`.
        let e = match before_participle {
            Some(cut) if !plural => cut,
            _ => last_end,
        };
        (e > s).then_some((s, e))
    }

    /// The bytes of [`Scan::lower`] of `s..e` before lowering: the first
    /// [`MAX_WORD`] bytes, or none when they end inside a character.
    fn lower_bytes(&self, s: usize, e: usize) -> &'a [u8] {
        let src = self.b.get(s..e).unwrap_or(&[]);
        let len = src.len().min(MAX_WORD);
        self.text.get(s..s + len).map_or(&[], str::as_bytes)
    }

    /// End of a word of letters (any script) starting at `i`, at most
    /// MAX_WORD bytes.
    fn word_fwd_unicode(&self, i: usize) -> Option<usize> {
        // The ASCII letters eight bytes at a time (at most MAX_WORD + 1),
        // then letter by letter from the first other character.
        let limit = self.b.len().min(i.saturating_add(MAX_WORD + 1));
        let mut j = letters_end(self.b.get(..limit).unwrap_or(&[]), i);
        if j - i > MAX_WORD {
            return None;
        }
        loop {
            match self.b.get(j) {
                // ASCII letters without decoding.
                Some(&c) if c < 0x80 => {
                    if !c.is_ascii_alphabetic() {
                        break;
                    }
                    j += 1;
                }
                _ => match self.char_at(j) {
                    Some(c) if c.is_alphabetic() => j += c.len_utf8(),
                    _ => break,
                },
            }
            if j - i > MAX_WORD {
                return None;
            }
        }
        if j == i || self.char_at(j).is_some_and(|c| c.is_numeric()) {
            return None;
        }
        Some(j)
    }
}

/// What the previous word of a number in words was.
///
/// Grammar: `[unit|teen|tens[-unit]] [hundred] [and] [tens[-unit]|unit|teen]
/// [scale …]`, scales decreasing (`one million two hundred thousand`), with
/// an optional final ordinal word (`twenty-first`, `hundredth`), `dozen`, or
/// `point` and digit words (`two point five million`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Zero,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    And,
}

struct WordNumber {
    end: usize,
    value: Option<Decimal>,
    ordinal: bool,
    lone_one: bool,
    scaled: bool,
    fraction: bool,
}

#[cfg(test)]
impl Scan<'_> {
    /// [`Scan::decimal_value`] as it was, with 128-bit arithmetic and
    /// `normalize` for decimals.
    fn decimal_value_previous(
        &self,
        p: usize,
        int_end: usize,
        frac_start: usize,
        num_end: usize,
    ) -> Option<Decimal> {
        let digits = self.b.get(p..num_end)?;
        if frac_start >= num_end && digits.len() <= 19 {
            // An integer of at most 19 digits fits a `u64`, which gives the
            // same (already normalized) value without 128-bit arithmetic.
            let mut n = 0u64;
            for &c in digits {
                if c.is_ascii_digit() {
                    n = n * 10 + u64::from(c - b'0');
                }
            }
            return Some(Decimal::from(n));
        }
        let mut mantissa: i128 = 0;
        let mut scale: u32 = 0;
        let mut significant = 0u32;
        for (k, &c) in self.b.get(p..num_end)?.iter().enumerate() {
            if !c.is_ascii_digit() {
                continue;
            }
            let at = p + k;
            if mantissa == 0 && c == b'0' && at < int_end {
                continue;
            }
            significant += 1;
            if significant > 28 {
                return None;
            }
            mantissa = mantissa * 10 + i128::from(c - b'0');
            if at >= frac_start && frac_start < num_end {
                scale += 1;
            }
        }
        Decimal::try_from_i128_with_scale(mantissa, scale)
            .ok()
            .map(|d| d.normalize())
    }

    /// [`Scan::word_fwd_unicode`] as it was, letter by letter.
    fn word_fwd_unicode_previous(&self, i: usize) -> Option<usize> {
        let mut j = i;
        loop {
            match self.b.get(j) {
                // ASCII letters without decoding.
                Some(&c) if c < 0x80 => {
                    if !c.is_ascii_alphabetic() {
                        break;
                    }
                    j += 1;
                }
                _ => match self.char_at(j) {
                    Some(c) if c.is_alphabetic() => j += c.len_utf8(),
                    _ => break,
                },
            }
            if j - i > MAX_WORD {
                return None;
            }
        }
        if j == i || self.char_at(j).is_some_and(|c| c.is_numeric()) {
            return None;
        }
        Some(j)
    }

    /// [`Scan::currency_after`] as it was, reading the second word after
    /// every first word.
    fn currency_after_previous(&self, i: usize) -> Option<(&'static str, usize, bool)> {
        // A sign after the amount: `10 $`, `20€`.
        let mut j = i;
        if let Some(c) = self.char_at(j).filter(|c| is_space_char(*c)) {
            j += c.len_utf8();
        }
        if let Some(c) = self.char_at(j)
            && let Some(code) = currency_sign(c)
        {
            let e = j + c.len_utf8();
            if !self.alnum_at(e) {
                return Some((code, e, false));
            }
        }
        let (s, e) = self.next_word(i)?;
        let raw = self.text.get(s..e)?;
        if let Some(code) = currency_code(raw) {
            return Some((code, e, false));
        }
        let f = self.flags_at(s, e);
        let second = self
            .next_word(e)
            .map(|(s2, e2)| (s2, e2, self.flags_at(s2, e2)));
        // Nothing below matches unless one of the two words is a currency
        // word or the first begins like `cents` or `pence`.
        if f & CURRENCY == 0
            && second.is_none_or(|(_, _, f2)| f2 & CURRENCY == 0)
            && !matches!(self.byte(s) | 0x20, b'c' | b'p')
        {
            return None;
        }
        let lw = self.lower(s, e);
        let w = lw.as_str();
        // `US dollars`, `Swiss francs`, `Egyptian pounds`.
        if let Some((s2, e2, f2)) = second
            && f2 & CURRENCY != 0
            && let Some(code) = national_currency_of(w, self.lower(s2, e2).as_str(), f2)
        {
            return Some((code, e2, false));
        }
        if matches!(w, "cent" | "cents") {
            return Some(("USD", e, true));
        }
        if matches!(w, "pence" | "penny") {
            return Some(("GBP", e, true));
        }
        // Codes are only taken in capitals; words in any case.
        let code = currency_word_of(w, f)?;
        if raw.len() == 3 && !matches!(w, "yen" | "rand") {
            return None;
        }
        if matches!(w, "pound" | "pounds") {
            // `2,000 pounds of explosives` is a weight.
            if self.word_is(self.next_word(e), "of") {
                return None;
            }
        }
        // `rand` is a currency only capitalised (`50 Rand`).
        if w == "rand" && !self.capitalised(s) {
            return None;
        }
        Some((code, e, false))
    }

    /// [`Scan::qualifier`] as it was, lowering the word before.
    fn qualifier_previous(&self, start: usize) -> Option<FigureQualifier> {
        use FigureQualifier::*;
        let (s1, e1) = self.prev_word(start)?;
        let w1 = self.lower(s1, e1);
        let w1 = w1.as_str();
        // Only these words end a qualifier of two or three words.
        if matches!(w1, "than" | "least" | "to" | "most" | "estimated" | "of") {
            let w2 = self.prev_word(s1).map(|(s, e)| (s, self.lower(s, e)));
            let w2s = w2.as_ref().map_or("", |(_, l)| l.as_str());
            if matches!(w1, "than" | "of") {
                let w3 = w2
                    .as_ref()
                    .and_then(|(s, _)| self.prev_word(*s))
                    .map(|(s, e)| self.lower(s, e));
                let w3s = w3.as_ref().map_or("", Lower::as_str);
                match (w3s, w2s, w1) {
                    ("no", "more", "than") => return Some(UpTo),
                    ("no", "fewer" | "less", "than") => return Some(AtLeast),
                    ("in", "excess", "of") => return Some(Over),
                    _ => {}
                }
            }
            match (w2s, w1) {
                ("more" | "greater", "than") => return Some(Over),
                ("at", "least") => return Some(AtLeast),
                ("fewer" | "less", "than") => return Some(Under),
                ("up", "to") | ("at", "most") => return Some(UpTo),
                ("close", "to") => return Some(About),
                ("an", "estimated") => return Some(About),
                ("upwards", "of") => return Some(Over),
                _ => {}
            }
        }
        match w1 {
            "over" | "above" | "exceeding" => Some(Over),
            "about" | "around" | "nearly" | "almost" | "approximately" | "some" | "roughly"
            | "approx" | "circa" => Some(About),
            "under" | "below" => Some(Under),
            _ => None,
        }
    }

    /// [`Scan::unit_after`] as it was, lowering every word.
    fn unit_after_previous(&self, i: usize, vague: bool) -> Option<(usize, usize)> {
        let mut pos = i;
        if vague {
            // `thousands of children`; `thousands fled` has none.
            let (s, e) = self.next_word(pos)?;
            if !self.word_is(Some((s, e)), "of") {
                return None;
            }
            pos = e;
        }
        let mut first: Option<usize> = None;
        let mut last_end = pos;
        // End of the phrase before its first participle (`killed`).
        let mut before_participle: Option<usize> = None;
        let mut plural = false;
        let mut words = 0;
        while words < 3 {
            let Some(s) = self.gap_fwd(pos) else { break };
            // A word: letters with inner hyphens or apostrophes.
            let mut j = s;
            let mut parts_end = s;
            let mut ok = false;
            while let Some(we) = self.word_fwd_unicode(j) {
                parts_end = we;
                ok = true;
                match self.char_at(we) {
                    Some(c)
                        if (is_dash(c) || c == '\'' || c == '’')
                            && self
                                .char_at(we + c.len_utf8())
                                .is_some_and(char::is_alphabetic)
                            && we - s < MAX_WORD * 2 =>
                    {
                        j = we + c.len_utf8();
                    }
                    _ => break,
                }
            }
            if !ok {
                break;
            }
            let head_end = self.word_fwd(s).unwrap_or(parts_end);
            let head = head_end.min(parts_end);
            let lw = self.lower(s, head);
            let w = lw.as_str();
            // One lookup for all the word lists (`small` and the other
            // number lookups need the NUMBER flag).
            let f = self.flags_at(s, head);
            let numberish = f & NUMBER != 0
                && (small_of(w, f).is_some()
                    || tens_of(w, f).is_some()
                    || any_scale_of(w, f).is_some());
            let is_month = if head == head_end {
                self.is_month_word(s, w, f)
            } else {
                self.is_month(s, head_end)
            };
            if f & FUNCTION != 0 || numberish || is_month || f & TIME_SUFFIX != 0 && words == 0 {
                break;
            }
            first.get_or_insert(s);
            let whole;
            let (ws, wf) = if parts_end == head {
                (w, f)
            } else {
                whole = self.lower(s, parts_end);
                (whole.as_str(), self.flags_at(s, parts_end))
            };
            let participle =
                ws.len() > 4 && (ws.ends_with("ed") || ws.ends_with("ing")) || wf & PARTICIPLE != 0;
            if before_participle.is_none() && participle {
                before_participle = Some(last_end);
            }
            last_end = parts_end;
            words += 1;
            plural = wf & IRREGULAR_PLURAL != 0
                || (ws.len() > 3
                    && ws.ends_with('s')
                    && !ws.ends_with("ss")
                    && !ws.ends_with("us")
                    && !ws.ends_with("is"));
            if plural {
                break;
            }
            // The phrase goes on only over plain spaces.
            if !self.char_at(parts_end).is_some_and(is_space_char) {
                break;
            }
            pos = parts_end;
        }
        let s = first?;
        // Without a plural noun, drop from the first participle on: `15
        // killed in`, `hundreds gathered outside`; but `3 armed men`.
        let e = match before_participle {
            Some(cut) if !plural => cut,
            _ => last_end,
        };
        (e > s).then_some((s, e))
    }
}

/// The candidate scan as it was before the 64-byte blocks, kept to test
/// the current one against.
#[cfg(test)]
mod previous_scan {
    use super::letters_end;
    use super::lexicon::{maybe_scan_prefix, scan_letters, scan_prefix};

    /// Whether the run of ASCII letters at `s` (not preceded by an ASCII
    /// letter) is a candidate number word: its end if so, and in any case the
    /// end of the run when it was read (`None` when the first three letters
    /// already rule it out).
    pub(super) fn word_candidate(text: &str, s: usize) -> (bool, Option<usize>) {
        let b = text.as_bytes();
        let at = |k: usize| b.get(k).copied().unwrap_or(0);
        let c = at(s);
        // `scan_prefix` holds only for three ASCII letters.
        if !scan_prefix(c, at(s + 1), at(s + 2)) {
            return (false, None);
        }
        let e = letters_end(b, s + 3);
        let n = e - s;
        if n > 11 {
            return (false, Some(e));
        }
        let starts_word = match s.checked_sub(1).and_then(|k| b.get(k)) {
            None => true,
            Some(&p) if p < 0x80 => !p.is_ascii_alphanumeric(),
            // After a non-ASCII character: a letter (`éone`) or not (`“one`).
            Some(_) => !text
                .get(..s)
                .and_then(|t| t.chars().next_back())
                .is_some_and(char::is_alphanumeric),
        };
        (
            starts_word && b.get(s..e).is_some_and(scan_letters),
            Some(e),
        )
    }

    /// Bytes the candidate scan reads at once.
    const BLOCK: usize = 32;

    /// The byte before `i`, the [`BLOCK`] bytes from `i` and the two after,
    /// if they all lie in `b`.
    fn scan_window(b: &[u8], i: usize) -> Option<&[u8; BLOCK + 3]> {
        let start = i.checked_sub(1)?;
        b.get(start..start.checked_add(BLOCK + 3)?)?.try_into().ok()
    }

    /// [`scan_window`] where it reaches outside `b`, with zeros there (a zero
    /// byte is neither a letter nor a digit).
    fn scan_window_padded(b: &[u8], i: usize) -> [u8; BLOCK + 3] {
        let mut w = [0u8; BLOCK + 3];
        for (k, d) in w.iter_mut().enumerate() {
            if let Some(&c) = (i + k).checked_sub(1).and_then(|at| b.get(at)) {
                *d = c;
            }
        }
        w
    }

    fn is_letter(c: u8) -> bool {
        (c | 0x20).wrapping_sub(b'a') < 26
    }

    /// The low bits of the eight bytes of `x` (each 0 or 1), as eight bits.
    pub(super) fn pack_bytes(x: u64) -> u32 {
        // Byte k's bit lands at bit 56 + k, and no two bits meet or carry.
        (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
    }

    /// For the [`BLOCK`] bytes of a [`scan_window`], one bit each: where a
    /// word of three ASCII letters or more starts, and where an ASCII digit
    /// is. Written byte by byte over a fixed window, which the compiler turns
    /// into a few vector operations.
    fn scan_marks(w: &[u8; BLOCK + 3]) -> (u32, u32) {
        let mut starts = [0u8; BLOCK];
        let mut digits = [0u8; BLOCK];
        for k in 0..BLOCK {
            let start =
                is_letter(w[k + 1]) & !is_letter(w[k]) & is_letter(w[k + 2]) & is_letter(w[k + 3]);
            starts[k] = u8::from(start);
            digits[k] = u8::from(w[k + 1].is_ascii_digit());
        }
        let bits = |m: &[u8; BLOCK]| {
            let mut bits = 0;
            for (k, chunk) in m.chunks_exact(8).enumerate() {
                let mut x = [0u8; 8];
                x.copy_from_slice(chunk);
                bits |= pack_bytes(u64::from_le_bytes(x)) << (8 * k);
            }
            bits
        };
        // Digits are rare in prose: their bits only when there are some.
        let any_digit = digits.iter().fold(0, |a, &d| a | d) != 0;
        (bits(&starts), if any_digit { bits(&digits) } else { 0 })
    }

    /// The next candidate at or after `from`: a digit (`end` is one past it)
    /// or a whole number word (`end` is its end). [`BLOCK`] bytes at a time,
    /// the scan finds the first digit and the starts of words of at least
    /// three letters before it; a word is read further only when its first
    /// three letters can begin a number word, so the scan reads every byte a
    /// bounded number of times.
    pub(super) fn next_candidate(text: &str, from: usize) -> Option<(usize, usize)> {
        let b = text.as_bytes();
        let mut i = from;
        'blocks: while i < b.len() {
            let padded;
            let w = match scan_window(b, i) {
                Some(w) => w,
                None => {
                    padded = scan_window_padded(b, i);
                    &padded
                }
            };
            let (starts, digits) = scan_marks(w);
            // Only the words before the first digit.
            let mut words = starts & (digits & digits.wrapping_neg()).wrapping_sub(1);
            while words != 0 {
                let j = words.trailing_zeros() as usize % BLOCK;
                words &= words - 1;
                if !maybe_scan_prefix(w[j + 1], w[j + 2], w[j + 3]) {
                    continue;
                }
                let k = i + j;
                match word_candidate(text, k) {
                    (true, Some(e)) => return Some((k, e)),
                    (_, Some(e)) if e > i + BLOCK => {
                        // The word ran past this block: go on after it.
                        i = e;
                        continue 'blocks;
                    }
                    // Within the block: later marks lie after the word.
                    _ => {}
                }
            }
            if digits != 0 {
                let k = i + digits.trailing_zeros() as usize;
                return Some((k, k + 1));
            }
            i += BLOCK;
        }
        None
    }
}
