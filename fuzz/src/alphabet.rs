//! A tiny alphabet of tokens that the parsers care about.
//!
//! Random bytes almost never spell `date 2024-03-25`, `March 26-27` or
//! `&amp;`; mapping each input byte to one of these tokens lets the fuzzer
//! reach the deep paths of the header parser, the date and figure
//! extractors and the cleaner in a few mutations.

/// The tokens; each input byte picks `TOKENS[byte % TOKENS.len()]`.
pub const TOKENS: &[&str] = &[
    // Format: header keyword, dates, line breaks, whitespace.
    "date",
    " date ",
    "Date",
    ":",
    "2024",
    "-03-",
    "-02-",
    "-13-",
    "25",
    "29",
    "30",
    "0",
    "1",
    "2",
    "7",
    "9",
    "-",
    " ",
    " ",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\u{a0}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    // Dates.
    "March",
    "Oct.",
    "October",
    "December",
    "Friday",
    "Tue",
    "last",
    "next",
    "early",
    "mid-",
    "late",
    "the year",
    "year",
    "month",
    "today",
    "yesterday",
    "from",
    "to",
    "in",
    "on",
    "since",
    "th",
    "1st",
    // Figures.
    ",",
    ".",
    "000",
    "%",
    "percent",
    "$",
    "€",
    "USD",
    "million",
    "billion",
    "over",
    "more than",
    "at least",
    "about",
    "up to",
    "thousands",
    "of",
    "one",
    "twenty-one",
    "fourth",
    "Day",
    "F-16",
    // Cleaning: entities, mojibake, invisible and compatibility characters.
    "&amp;",
    "&",
    "amp;",
    "&#8217;",
    "Ã©",
    "â€™",
    "Ã",
    "\u{200b}",
    "\u{200d}",
    "\u{ad}",
    "e\u{301}",
    "é",
    "\u{fb01}",
    "“",
    "”",
    "’",
    "…",
    "\u{fffd}",
    "A",
    "z",
    "Al-Qassam",
];

/// Maps every byte of `data` to its token and concatenates them.
#[must_use]
pub fn expand(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len() * 4);
    for &b in data {
        out.push_str(TOKENS[usize::from(b) % TOKENS.len()]);
    }
    out
}
