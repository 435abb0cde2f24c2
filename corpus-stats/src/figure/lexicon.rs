//! Word lists of the figure extractor.
//!
//! Every function takes a lowercase ASCII word (see `Lower` in the parent
//! module) unless it says otherwise.
//!
//! Where the extractor asks several lists about one word it reads the
//! word's [`flags`] once and tests the bits; the one-list functions that it
//! no longer calls (`month`, `label` …) are kept for the tests, which state
//! what each list holds.

/// Flag of [`flags`].
pub(super) const SCAN: u32 = 1 << 0;
/// Flag of [`flags`].
pub(super) const FUNCTION: u32 = 1 << 1;
/// Flag of [`flags`].
pub(super) const LABEL: u32 = 1 << 2;
/// Flag of [`flags`].
pub(super) const MONTH: u32 = 1 << 3;
/// Flag of [`flags`].
pub(super) const WEEKDAY: u32 = 1 << 4;
/// Flag of [`flags`].
pub(super) const YEAR_CONTEXT: u32 = 1 << 5;
/// Flag of [`flags`].
pub(super) const PHONE: u32 = 1 << 6;
/// Flag of [`flags`].
pub(super) const TIME_SUFFIX: u32 = 1 << 7;
/// Flag of [`flags`].
pub(super) const TIME_UNIT: u32 = 1 << 8;
/// Flag of [`flags`].
pub(super) const PRONOUN_BEFORE: u32 = 1 << 9;
/// Flag of [`flags`].
pub(super) const IRREGULAR_PLURAL: u32 = 1 << 10;
/// Flag of [`flags`].
pub(super) const FRACTION: u32 = 1 << 11;
/// Flag of [`flags`]: any word the number grammar reads (gates the
/// per-kind lookups below).
pub(super) const NUMBER: u32 = 1 << 12;
/// Flag of [`flags`]: a word that can name a currency after an amount.
pub(super) const CURRENCY: u32 = 1 << 13;
/// Flag of [`flags`]: an irregular past participle (`taken`, `held`).
pub(super) const PARTICIPLE: u32 = 1 << 14;
/// Flag of [`flags`]: the last word of a qualifier before a figure (`over`,
/// `more than`, `at least`); `approximately` is too long to be listed.
pub(super) const QUALIFIER: u32 = 1 << 15;

/// Flag of [`flags`]: a nationality before a currency word (`Swiss`
/// francs), every adjective [`national_currency_of`] knows.
pub(super) const NATIONAL: u32 = 1 << 16;

const NATIONAL_WORDS: &[&str] = &[
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

const QUALIFIER_WORDS: &[&str] = &[
    "than",
    "least",
    "to",
    "most",
    "estimated",
    "of",
    "over",
    "above",
    "exceeding",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "roughly",
    "approx",
    "circa",
    "under",
    "below",
];

const PARTICIPLE_WORDS: &[&str] = &[
    "taken", "held", "hurt", "shot", "hit", "struck", "found", "lost", "left", "seen", "born",
    "known", "given", "made", "kept", "caught", "built", "sent", "brought", "fled", "slain",
    "torn", "beaten", "stolen", "gone", "done", "dead", "buried", "trapped", "missing",
];

const NUMBER_EXTRA_WORDS: &[&str] = &[
    "first", "second", "bn", "bln", "mn", "mln", "tn", "tln", "trn", "lac", "lacs", "k", "m", "b",
];

const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "usd", "bucks", "euro", "euros", "eur", "pound", "pounds", "sterling",
    "gbp", "yen", "jpy", "yuan", "renminbi", "rmb", "cny", "rupee", "rupees", "inr", "shekel",
    "shekels", "ils", "nis", "rouble", "roubles", "ruble", "rubles", "rub", "riyal", "riyals",
    "sar", "dirham", "dirhams", "aed", "franc", "francs", "chf", "ringgit", "ringgits", "myr",
    "naira", "ngn", "rand", "zar", "lira", "liras", "try", "dinar", "dinars", "rial", "rials",
    "peso", "pesos", "real", "reais", "hryvnia", "hryvnias", "won", "guilder", "guilders",
];

const SCAN_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "lakh",
    "crore",
    "dozen",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "lakhs",
    "crores",
    "dozens",
    "tens",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "nineth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    "trillionth",
];

const FUNCTION_WORDS: &[&str] = &[
    "last",
    "next",
    "previous",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "nor",
    "but",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "without",
    "as",
    "than",
    "per",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "after",
    "before",
    "since",
    "until",
    "during",
    "between",
    "among",
    "across",
    "against",
    "through",
    "within",
    "near",
    "like",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "will",
    "would",
    "shall",
    "should",
    "could",
    "can",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "no",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "this",
    "these",
    "those",
    "it",
    "its",
    "they",
    "them",
    "their",
    "he",
    "him",
    "his",
    "she",
    "her",
    "we",
    "us",
    "our",
    "you",
    "your",
    "i",
    "me",
    "my",
    "there",
    "here",
    "when",
    "where",
    "while",
    "whereas",
    "if",
    "so",
    "then",
    "more",
    "less",
    "most",
    "least",
    "each",
    "every",
    "all",
    "both",
    "either",
    "neither",
    "some",
    "any",
    "such",
    "only",
    "also",
    "just",
    "even",
    "still",
    "yet",
    "up",
    "out",
    "off",
    "down",
    "away",
    "back",
    "including",
    "according",
    "said",
    "says",
    "say",
    "another",
    "other",
    "others",
    "own",
    "ago",
    "later",
    "earlier",
    "apiece",
    "too",
    "very",
    "again",
    "one",
    "ones",
];

const LABEL_WORDS: &[&str] = &[
    "channel",
    "resolution",
    "day",
    "week",
    "type",
    "article",
    "route",
    "flight",
    "phase",
    "level",
    "page",
    "chapter",
    "section",
    "room",
    "number",
    "unit",
    "model",
    "version",
    "grade",
    "category",
    "stage",
    "episode",
    "volume",
    "vol",
    "part",
    "item",
    "clause",
    "paragraph",
    "platform",
    "gate",
    "terminal",
    "building",
    "block",
    "highway",
    "road",
    "bus",
    "class",
    "brigade",
    "battalion",
    "division",
    "regiment",
    "squadron",
    "zone",
    "sector",
    "district",
    "area",
    "lot",
    "exit",
    "tower",
    "hall",
    "row",
    "seat",
    "cell",
    "ward",
    "track",
    "lane",
    "season",
    "series",
    "step",
    "figure",
    "table",
    "act",
    "title",
    "protocol",
    "amendment",
    "decree",
    "code",
    "verse",
    "psalm",
    "apollo",
    "windows",
    "ps",
    "pm",
    "gen",
    "generation",
];

const MONTH_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const WEEKDAY_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const YEAR_CONTEXT_WORDS: &[&str] = &[
    "in", "since", "by", "until", "till", "of", "early", "mid", "late", "year", "from", "during",
    "fiscal",
];

const PHONE_WORDS: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "dial",
    "dials",
    "dialled",
    "dialed",
    "dialling",
    "dialing",
    "phone",
    "tel",
    "telephone",
    "hotline",
    "helpline",
    "fax",
    "whatsapp",
];

const TIME_SUFFIX_WORDS: &[&str] = &[
    "am", "pm", "gmt", "utc", "est", "edt", "cet", "cest", "bst", "pst", "pdt", "hrs",
];

const TIME_UNIT_WORDS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "season",
    "seasons",
];

const PRONOUN_BEFORE_WORDS: &[&str] = &[
    "the", "this", "that", "every", "each", "any", "no", "not", "which", "another", "a", "an",
    "some", "last", "next", "same", "other", "first", "second", "such", "new", "old", "big",
    "little", "only",
];

const IRREGULAR_PLURAL_WORDS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "cattle",
    "livestock",
    "feet",
    "teeth",
    "mice",
    "geese",
    "sheep",
    "fish",
    "aircraft",
    "militia",
    "youth",
    "infantry",
    "data",
    "media",
    "crew",
];

const FRACTION_WORDS: &[&str] = &[
    "halves",
    "thirds",
    "quarters",
    "fourths",
    "fifths",
    "sixths",
    "sevenths",
    "eighths",
    "ninths",
    "tenths",
    "hundredths",
    "thousandths",
];

/// Every word list with its flag.
const LISTS: [(&[&str], u32); 18] = [
    (SCAN_WORDS, SCAN),
    (FUNCTION_WORDS, FUNCTION),
    (LABEL_WORDS, LABEL),
    (MONTH_WORDS, MONTH),
    (WEEKDAY_WORDS, WEEKDAY),
    (YEAR_CONTEXT_WORDS, YEAR_CONTEXT),
    (PHONE_WORDS, PHONE),
    (TIME_SUFFIX_WORDS, TIME_SUFFIX),
    (TIME_UNIT_WORDS, TIME_UNIT),
    (PRONOUN_BEFORE_WORDS, PRONOUN_BEFORE),
    (IRREGULAR_PLURAL_WORDS, IRREGULAR_PLURAL),
    (FRACTION_WORDS, FRACTION),
    (SCAN_WORDS, NUMBER),
    (NUMBER_EXTRA_WORDS, NUMBER),
    (CURRENCY_WORDS, CURRENCY),
    (PARTICIPLE_WORDS, PARTICIPLE),
    (QUALIFIER_WORDS, QUALIFIER),
    (NATIONAL_WORDS, NATIONAL),
];

/// Longest listed word.
const MAX_LISTED: usize = 12;

/// A lowercase word of at most [`MAX_LISTED`] letters packed five bits a
/// letter (never 0).
const fn pack(w: &[u8]) -> Option<u64> {
    if w.is_empty() || w.len() > MAX_LISTED {
        return None;
    }
    let mut key = 0u64;
    let mut k = 0;
    while k < w.len() {
        let c = w[k].wrapping_sub(b'a');
        if c >= 26 {
            return None;
        }
        key = key << 5 | (c as u64 + 1);
        k += 1;
    }
    Some(key)
}

/// Slots of [`FlagTable`]: more than twice the listed words (tested), so
/// every probe sequence meets an empty slot.
const TABLE_SIZE: usize = 4096;

/// Open-addressing table of packed words and their flags, built at compile
/// time: one multiply and a probe or two per lookup.
struct FlagTable {
    /// Packed word (0: empty) and its flags.
    entries: [(u64, u32); TABLE_SIZE],
}

const fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & (TABLE_SIZE - 1)
}

impl FlagTable {
    const fn build() -> FlagTable {
        let mut entries = [(0u64, 0u32); TABLE_SIZE];
        let mut l = 0;
        while l < LISTS.len() {
            let (words, flag) = LISTS[l];
            let mut k = 0;
            while k < words.len() {
                let w = words[k].as_bytes();
                if w.len() >= 3
                    && let Some(key) = pack(w)
                {
                    let mut i = slot(key);
                    while entries[i].0 != 0 && entries[i].0 != key {
                        i = (i + 1) & (TABLE_SIZE - 1);
                    }
                    entries[i].0 = key;
                    entries[i].1 |= flag;
                }
                k += 1;
            }
            l += 1;
        }
        FlagTable { entries }
    }

    fn get(&self, key: u64) -> u32 {
        let mut i = slot(key);
        loop {
            let (k, flags) = self.entries[i];
            if k == key {
                return flags;
            }
            if k == 0 {
                return 0;
            }
            i = (i + 1) & (TABLE_SIZE - 1);
        }
    }
}

/// Flags of the listed words of three letters or more.
static FLAGS: FlagTable = FlagTable::build();

/// Index of a one- or two-letter lowercase word in [`SHORT_FLAGS`].
const fn short_index(w: &[u8]) -> Option<usize> {
    let a = w[0].wrapping_sub(b'a');
    let b = if w.len() == 2 {
        w[1].wrapping_sub(b'a')
    } else {
        26
    };
    if a >= 26 || b > 26 {
        return None;
    }
    Some(a as usize * 27 + b as usize)
}

/// Flags of the listed words of one or two letters, by [`short_index`].
const SHORT_FLAGS: [u32; 26 * 27] = {
    let mut t = [0u32; 26 * 27];
    let mut l = 0;
    while l < LISTS.len() {
        let (words, flag) = LISTS[l];
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            if w.len() <= 2
                && let Some(i) = short_index(w)
            {
                t[i] |= flag;
            }
            k += 1;
        }
        l += 1;
    }
    t
};

/// For each pair of first letters, the third letters with which a listed
/// word of three letters or more begins: most content words are rejected
/// without hashing.
const LIST_PREFIXES: [u32; 26 * 26] = {
    let mut t = [0u32; 26 * 26];
    let mut l = 0;
    while l < LISTS.len() {
        let words = LISTS[l].0;
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            if w.len() >= 3 {
                let (a, b, c) = (w[0] - b'a', w[1] - b'a', w[2] - b'a');
                t[a as usize * 26 + b as usize] |= 1 << c;
            }
            k += 1;
        }
        l += 1;
    }
    t
};

/// The word-list flags of a lowercase word (one hash lookup for all lists).
pub(super) fn flags(w: &str) -> u32 {
    flags_of_bytes(w.as_bytes())
}

/// [`flags`] of a lowercase ASCII word given as bytes.
pub(super) fn flags_of_bytes(w: &[u8]) -> u32 {
    match *w {
        [] => 0,
        [_] | [_, _] => short_index(w).map_or(0, |i| SHORT_FLAGS[i]),
        [a, b, c, ..] => {
            let (a, b, c) = (
                a.wrapping_sub(b'a'),
                b.wrapping_sub(b'a'),
                c.wrapping_sub(b'a'),
            );
            if a >= 26
                || b >= 26
                || c >= 26
                || LIST_PREFIXES[a as usize * 26 + b as usize] & (1 << c) == 0
            {
                return 0;
            }
            pack(w).map_or(0, |key| FLAGS.get(key))
        }
    }
}

/// [`flags`] of the word `w` with its ASCII capitals lowered (bytes in any
/// case, any bytes), without a lowercase copy.
pub(super) fn flags_folded(w: &[u8]) -> u32 {
    let low = u8::to_ascii_lowercase;
    match *w {
        [] => 0,
        [a] => short_index(&[low(&a)]).map_or(0, |i| SHORT_FLAGS[i]),
        [a, b] => short_index(&[low(&a), low(&b)]).map_or(0, |i| SHORT_FLAGS[i]),
        [a, b, c, ..] => {
            let (a, b, c) = (
                low(&a).wrapping_sub(b'a'),
                low(&b).wrapping_sub(b'a'),
                low(&c).wrapping_sub(b'a'),
            );
            if a >= 26
                || b >= 26
                || c >= 26
                || LIST_PREFIXES[a as usize * 26 + b as usize] & (1 << c) == 0
                || w.len() > MAX_LISTED
            {
                return 0;
            }
            let mut key = 0u64;
            for &x in w {
                // The letter's rank in either case (lowercase first, the
                // usual one).
                let mut c = x.wrapping_sub(b'a');
                if c >= 26 {
                    c = x.wrapping_sub(b'A');
                    if c >= 26 {
                        return 0;
                    }
                }
                key = key << 5 | (u64::from(c) + 1);
            }
            FLAGS.get(key)
        }
    }
}

/// For each pair of first letters, the set of third letters with which a
/// scanned number word begins: most words (`the`, `that`, `several`) are
/// rejected without hashing.
const SCAN_PREFIXES: [u32; 26 * 26] = {
    let mut t = [0u32; 26 * 26];
    let mut k = 0;
    while k < SCAN_WORDS.len() {
        let w = SCAN_WORDS[k].as_bytes();
        t[(w[0] - b'a') as usize * 26 + (w[1] - b'a') as usize] |= 1 << (w[2] - b'a');
        k += 1;
    }
    t
};

/// [`SCAN_PREFIXES`] indexed by the low five bits of the first two bytes,
/// with the third letters also by their low five bits: a branch-free first
/// filter for the candidate scan, exact on ASCII letters of either case.
const SCAN_PREFIXES_LOW5: [u32; 32 * 32] = {
    let mut t = [0u32; 32 * 32];
    let mut k = 0;
    while k < SCAN_WORDS.len() {
        let w = SCAN_WORDS[k].as_bytes();
        t[((w[0] & 31) as usize) << 5 | (w[1] & 31) as usize] |= 1 << (w[2] & 31);
        k += 1;
    }
    t
};

/// Whether a scanned number word may begin with these three bytes: true
/// for every prefix [`scan_prefix`] accepts, and possibly for some that are
/// not letters (the caller then checks with [`scan_prefix`]).
#[inline]
pub(super) fn maybe_scan_prefix(a: u8, b: u8, c: u8) -> bool {
    SCAN_PREFIXES_LOW5[usize::from(a & 31) << 5 | usize::from(b & 31)] >> (c & 31) & 1 != 0
}

/// Whether the candidate scan stops at this lowercase ASCII word: a number
/// word, a scale word or an ordinal. `first` and `second` are left out on
/// purpose: alone they are too often not counting (`first`, `a second`), and
/// inside a compound (`twenty-first`) they are reached from the tens word.
#[cfg(test)]
pub(super) fn scan_bytes(w: &[u8]) -> bool {
    let [a, b, c, ..] = *w else {
        return false;
    };
    scan_prefix(a, b, c) && flags_of_bytes(w) & SCAN != 0
}

/// Whether the candidate scan stops at this run of 3 to [`MAX_LISTED`]
/// ASCII letters in either case: `scan_bytes` of its lowercase form (the
/// tests check they agree), in one hashed lookup without a lowercase copy.
pub(super) fn scan_letters(w: &[u8]) -> bool {
    if w.len() < 3 || w.len() > MAX_LISTED {
        return false;
    }
    // The number words of three letters, without hashing (`for` is the
    // most common word the prefix test lets through).
    if let [a, b, c] = *w {
        // Only letters fold into `a`..=`z` with the 0x20 bit set.
        return matches!(
            &[a | 0x20, b | 0x20, c | 0x20],
            b"one" | b"two" | b"six" | b"ten"
        );
    }
    let mut key = 0u64;
    for &b in w {
        let c = (b | 0x20).wrapping_sub(b'a');
        if c >= 26 {
            return false;
        }
        key = key << 5 | (u64::from(c) + 1);
    }
    FLAGS.get(key) & SCAN != 0
}

/// For each pair of first letters, the lengths of the scanned number words
/// that begin with them, one bit each: most words that begin like one
/// (`this`, `electricity`) are rejected without hashing.
const SCAN_LENGTHS: [u16; 26 * 26] = {
    let mut t = [0u16; 26 * 26];
    let mut k = 0;
    while k < SCAN_WORDS.len() {
        let w = SCAN_WORDS[k].as_bytes();
        t[(w[0] - b'a') as usize * 26 + (w[1] - b'a') as usize] |= 1 << w.len();
        k += 1;
    }
    t
};

/// Whether a scanned number word of `n` letters can begin with these two
/// ASCII letters (either case).
pub(super) fn scan_length(a: u8, b: u8, n: usize) -> bool {
    let (a, b) = ((a | 0x20).wrapping_sub(b'a'), (b | 0x20).wrapping_sub(b'a'));
    a < 26 && b < 26 && n < 16 && SCAN_LENGTHS[a as usize * 26 + b as usize] >> n & 1 != 0
}

/// Whether a scanned number word can begin with these three ASCII letters
/// (either case).
pub(super) fn scan_prefix(a: u8, b: u8, c: u8) -> bool {
    let (a, b, c) = (
        (a | 0x20).wrapping_sub(b'a'),
        (b | 0x20).wrapping_sub(b'a'),
        (c | 0x20).wrapping_sub(b'a'),
    );
    a < 26 && b < 26 && c < 26 && SCAN_PREFIXES[a as usize * 26 + b as usize] & (1 << c) != 0
}

/// `zero` to `nineteen`.
#[cfg(test)]
pub(super) fn small(w: &str) -> Option<u32> {
    small_of(w, flags(w))
}

/// [`small`] of a word whose [`flags`] are known.
pub(super) fn small_of(w: &str, f: u32) -> Option<u32> {
    if f & NUMBER == 0 {
        return None;
    }
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// `twenty` to `ninety`.
#[cfg(test)]
pub(super) fn tens(w: &str) -> Option<u32> {
    tens_of(w, flags(w))
}

/// [`tens`] of a word whose [`flags`] are known.
pub(super) fn tens_of(w: &str, f: u32) -> Option<u32> {
    if f & NUMBER == 0 {
        return None;
    }
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Scale words above a hundred, singular or plural, given the word's
/// [`flags`]: the multiplier and whether the word is plural.
pub(super) fn big_scale_of(w: &str, f: u32) -> Option<(u128, bool)> {
    if f & NUMBER == 0 {
        return None;
    }
    Some(match w {
        "thousand" => (1_000, false),
        "million" => (1_000_000, false),
        "billion" => (1_000_000_000, false),
        "trillion" => (1_000_000_000_000, false),
        "lakh" | "lac" => (100_000, false),
        "crore" => (10_000_000, false),
        "thousands" => (1_000, true),
        "millions" => (1_000_000, true),
        "billions" => (1_000_000_000, true),
        "trillions" => (1_000_000_000_000, true),
        "lakhs" | "lacs" => (100_000, true),
        "crores" => (10_000_000, true),
        _ => return None,
    })
}

/// Any multiplying word after a number written in digits (`1.5 million`,
/// `2 dozen`, `3 hundred`), with whether it is plural.
#[cfg(test)]
pub(super) fn any_scale(w: &str) -> Option<(u128, bool)> {
    any_scale_of(w, flags(w))
}

/// [`any_scale`] of a word whose [`flags`] are known.
pub(super) fn any_scale_of(w: &str, f: u32) -> Option<(u128, bool)> {
    if f & NUMBER == 0 {
        return None;
    }
    match w {
        "hundred" => Some((100, false)),
        "hundreds" => Some((100, true)),
        "dozen" => Some((12, false)),
        "dozens" => Some((12, true)),
        "bn" | "bln" => Some((1_000_000_000, false)),
        "mn" | "mln" => Some((1_000_000, false)),
        "tn" | "tln" | "trn" => Some((1_000_000_000_000, false)),
        _ => big_scale_of(w, f),
    }
}

/// Scale letters glued to digits: `3bn`, `2mn`, `4tn`. With `money` (after
/// a currency sign) also the one-letter forms `$5m`, `£3k`, `$2b`, which
/// elsewhere too often mean metres, kilo- or an identifier.
pub(super) fn glued_scale(w: &str, money: bool) -> Option<u128> {
    if flags(w) & NUMBER == 0 {
        return None;
    }
    match w {
        "bn" | "bln" => Some(1_000_000_000),
        "mn" | "mln" => Some(1_000_000),
        "tn" | "trn" | "tln" => Some(1_000_000_000_000),
        "k" => Some(1_000),
        "m" if money => Some(1_000_000),
        "b" if money => Some(1_000_000_000),
        _ => None,
    }
}

/// Ordinal words: the value, and whether the word multiplies what comes
/// before it (`hundredth`) rather than adding to it. `first` and `second`
/// are included for compounds (`twenty-first`).
#[cfg(test)]
pub(super) fn ordinal(w: &str) -> Option<(u128, bool)> {
    ordinal_of(w, flags(w))
}

/// [`ordinal`] of a word whose [`flags`] are known.
pub(super) fn ordinal_of(w: &str, f: u32) -> Option<(u128, bool)> {
    if f & NUMBER == 0 {
        return None;
    }
    Some(match w {
        "first" => (1, false),
        "second" => (2, false),
        "third" => (3, false),
        "fourth" => (4, false),
        "fifth" => (5, false),
        "sixth" => (6, false),
        "seventh" => (7, false),
        "eighth" => (8, false),
        "ninth" | "nineth" => (9, false),
        "tenth" => (10, false),
        "eleventh" => (11, false),
        "twelfth" => (12, false),
        "thirteenth" => (13, false),
        "fourteenth" => (14, false),
        "fifteenth" => (15, false),
        "sixteenth" => (16, false),
        "seventeenth" => (17, false),
        "eighteenth" => (18, false),
        "nineteenth" => (19, false),
        "twentieth" => (20, false),
        "thirtieth" => (30, false),
        "fortieth" => (40, false),
        "fiftieth" => (50, false),
        "sixtieth" => (60, false),
        "seventieth" => (70, false),
        "eightieth" => (80, false),
        "ninetieth" => (90, false),
        "hundredth" => (100, true),
        "thousandth" => (1_000, true),
        "millionth" => (1_000_000, true),
        "billionth" => (1_000_000_000, true),
        "trillionth" => (1_000_000_000_000, true),
        _ => return None,
    })
}

/// Plural fraction words: a number before them is a fraction (`two
/// thirds`), which this extractor does not report.
#[cfg(test)]
pub(super) fn fraction_word(w: &str) -> bool {
    flags(w) & FRACTION != 0
}

/// Month names and their usual abbreviations (case-sensitive check done by
/// the caller: `May` and `March` only count capitalised).
#[cfg(test)]
pub(super) fn month(w: &str) -> bool {
    flags(w) & MONTH != 0
}

/// Weekday names.
#[cfg(test)]
pub(super) fn weekday(w: &str) -> bool {
    flags(w) & WEEKDAY != 0
}

/// Words after which a four-digit number from 1000 to 2999 is a year.
#[cfg(test)]
pub(super) fn year_context(w: &str) -> bool {
    flags(w) & YEAR_CONTEXT != 0
}

/// Words after which a number is a label or a name, not a quantity
/// (`Channel 12`, `Resolution 2728`, `type 2`, `Day 170`).
#[cfg(test)]
pub(super) fn label(w: &str) -> bool {
    flags(w) & LABEL != 0
}

/// Words after which a number is dialled, not counted.
#[cfg(test)]
pub(super) fn phone_context(w: &str) -> bool {
    flags(w) & PHONE != 0
}

/// Words after a number that make it a time of day (`3 pm`, `0400 GMT`).
#[cfg(test)]
pub(super) fn time_suffix(w: &str) -> bool {
    flags(w) & TIME_SUFFIX != 0
}

/// Units of time: `over` before them means "during" (`over 52 days`).
#[cfg(test)]
pub(super) fn time_unit(w: &str) -> bool {
    flags(w) & TIME_UNIT != 0
}

/// Function words: a counted noun phrase never starts with or crosses one.
#[cfg(test)]
pub(super) fn function_word(w: &str) -> bool {
    flags(w) & FUNCTION != 0
}

/// Words before `one` that make it a pronoun (`the fourth one`, `every
/// one`, `not one`).
#[cfg(test)]
pub(super) fn pronoun_one_before(w: &str) -> bool {
    pronoun_one_before_of(w, flags(w))
}

/// [`pronoun_one_before`] of a word whose [`flags`] are known.
pub(super) fn pronoun_one_before_of(w: &str, f: u32) -> bool {
    f & PRONOUN_BEFORE != 0 || ordinal_of(w, f).is_some()
}

/// Irregular plural nouns (a counted noun phrase ends at its plural noun).
#[cfg(test)]
pub(super) fn irregular_plural(w: &str) -> bool {
    flags(w) & IRREGULAR_PLURAL != 0
}

/// Currency words written after an amount, with their ISO 4217 code.
#[cfg(test)]
pub(super) fn currency_word(w: &str) -> Option<&'static str> {
    currency_word_of(w, flags(w))
}

/// [`currency_word`] of a word whose [`flags`] are known.
pub(super) fn currency_word_of(w: &str, f: u32) -> Option<&'static str> {
    if f & CURRENCY == 0 {
        return None;
    }
    Some(match w {
        "dollar" | "dollars" | "usd" | "bucks" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "sterling" | "gbp" => "GBP",
        "yen" | "jpy" => "JPY",
        "yuan" | "renminbi" | "rmb" | "cny" => "CNY",
        "rupee" | "rupees" | "inr" => "INR",
        "shekel" | "shekels" | "ils" | "nis" => "ILS",
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => "RUB",
        "riyal" | "riyals" | "sar" => "SAR",
        "dirham" | "dirhams" | "aed" => "AED",
        "franc" | "francs" | "chf" => "CHF",
        "ringgit" | "myr" => "MYR",
        "naira" | "ngn" => "NGN",
        "guilder" | "guilders" => "NLG",
        "rand" | "zar" => "ZAR",
        "lira" | "liras" | "try" => "TRY",
        _ => return None,
    })
}

/// Three-letter currency codes accepted before or after an amount (only
/// written in capitals: `USD 400`, `7 EUR`).
pub(super) fn currency_code(w: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CNY", "INR", "ILS", "CHF", "CAD", "AUD", "NZD", "RUB", "TRY",
        "SAR", "AED", "EGP", "QAR", "KWD", "IRR", "IQD", "LBP", "JOD", "SYP", "NGN", "ZAR", "BRL",
        "MXN", "KRW", "HKD", "SGD", "SEK", "NOK", "DKK", "PLN", "MYR", "PKR", "UAH",
    ];
    if w.len() != 3 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    if w == "NIS" {
        return Some("ILS");
    }
    CODES.iter().copied().find(|c| *c == w)
}

/// Currency signs, with the letters that may be glued before `$`.
pub(super) fn currency_sign(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        '₪' => "ILS",
        '₽' => "RUB",
        '₺' => "TRY",
        '₩' => "KRW",
        '₦' => "NGN",
        _ => return None,
    })
}

/// Letters glued before `$` that name another dollar (`C$`, `A$`).
pub(super) fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "usd" => "USD",
        "c" | "ca" | "cad" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "nz" | "nzd" => "NZD",
        "hk" | "hkd" => "HKD",
        "s" | "sg" | "sgd" => "SGD",
        "r" => "BRL",
        "mx" | "mex" | "mxn" => "MXN",
        _ => return None,
    })
}

/// Currencies named by a nationality and a currency word (`Swiss francs`,
/// `Egyptian pounds`, `Qatari riyals`).
#[cfg(test)]
pub(super) fn national_currency(adjective: &str, word: &str) -> Option<&'static str> {
    national_currency_of(adjective, word, flags(word))
}

/// [`national_currency`] given the [`flags`] of `word`.
pub(super) fn national_currency_of(adjective: &str, word: &str, f: u32) -> Option<&'static str> {
    if f & CURRENCY == 0 {
        return None;
    }
    let word = word.strip_suffix('s').unwrap_or(word);
    Some(match (word, adjective) {
        ("dollar", "us" | "american") => "USD",
        ("dollar", "canadian") => "CAD",
        ("dollar", "australian") => "AUD",
        ("dollar", "singapore" | "singaporean") => "SGD",
        ("dollar", "taiwan" | "taiwanese") => "TWD",
        ("pound", "british" | "uk") => "GBP",
        ("pound", "egyptian") => "EGP",
        ("pound" | "lira", "lebanese") => "LBP",
        ("pound" | "lira", "syrian") => "SYP",
        ("pound", "sudanese") => "SDG",
        ("dinar", "kuwaiti") => "KWD",
        ("dinar", "iraqi") => "IQD",
        ("dinar", "jordanian") => "JOD",
        ("dinar", "bahraini") => "BHD",
        ("dinar", "libyan") => "LYD",
        ("dinar", "tunisian") => "TND",
        ("dinar", "algerian") => "DZD",
        ("riyal", "saudi") => "SAR",
        ("riyal", "qatari") => "QAR",
        ("riyal" | "rial", "omani") => "OMR",
        ("riyal" | "rial", "iranian") => "IRR",
        ("riyal" | "rial", "yemeni") => "YER",
        ("lira", "turkish") => "TRY",
        ("rupee", "indian") => "INR",
        ("rupee", "pakistani") => "PKR",
        ("rupee", "nepalese" | "nepali") => "NPR",
        ("franc", "swiss") => "CHF",
        ("peso", "mexican") => "MXN",
        ("peso", "argentine" | "argentinian") => "ARS",
        ("peso", "philippine") => "PHP",
        ("peso", "colombian") => "COP",
        ("peso", "chilean") => "CLP",
        ("yuan", "chinese") => "CNY",
        ("yen", "japanese") => "JPY",
        ("ringgit", "malaysian" | "malaysia") => "MYR",
        ("shekel", "israeli" | "new") => "ILS",
        ("rouble" | "ruble", "russian") => "RUB",
        ("real" | "reai", "brazilian") => "BRL",
        ("hryvnia", "ukrainian") => "UAH",
        ("won", "korean") => "KRW",
        ("dirham", "emirati" | "uae") => "AED",
        ("dirham", "moroccan") => "MAD",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_list_is_exactly_the_number_words() {
        for w in SCAN_WORDS {
            let number = small(w).is_some()
                || tens(w).is_some()
                || any_scale(w).is_some()
                || *w == "tens"
                || ordinal(w).is_some_and(|(o, _)| o >= 3);
            assert!(number, "{w} is scanned but not a number word");
            assert!(
                w.len() >= 3 && w.len() <= 11,
                "{w} outside the scan's length filter"
            );
        }
        for w in [
            "one",
            "nineteen",
            "ninety",
            "hundred",
            "thousands",
            "dozen",
            "fourth",
            "trillionth",
        ] {
            assert!(scan_bytes(w.as_bytes()), "{w} not scanned");
            let up = w.to_uppercase().into_bytes();
            assert!(scan_prefix(up[0], up[1], up[2]), "{w} in capitals");
            assert!(maybe_scan_prefix(up[0], up[1], up[2]), "{w} in capitals");
        }
        // The low-five-bit filter keeps every prefix the exact check keeps.
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for c in 0..=255u8 {
                    if scan_prefix(a, b, c) {
                        assert!(maybe_scan_prefix(a, b, c), "{a} {b} {c}");
                    }
                }
            }
        }
        assert!(!maybe_scan_prefix(b't', b'h', b'e'));
        // The length filter keeps every scanned word, in any case, and
        // drops other lengths.
        for w in SCAN_WORDS {
            for v in [w.to_string(), w.to_uppercase()] {
                let b = v.as_bytes();
                assert!(scan_length(b[0], b[1], b.len()), "{v}");
            }
        }
        assert!(!scan_length(b't', b'h', 4), "this");
        assert!(!scan_length(b'E', b'l', 11), "Electricity");
        assert!(scan_length(b'T', b'H', 8), "THOUSAND");
        for w in ["first", "second", "the", "bn", "someone", "x", ""] {
            assert!(!scan_bytes(w.as_bytes()), "{w} scanned");
            assert!(!scan_letters(w.as_bytes()), "{w} scanned");
        }
    }

    /// Every listed word, in upper case, capitalised, with an `s` added and
    /// with its last letter cut, and with `extra` appended to it.
    fn listed_word_forms(extra: &[&str]) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        for (list, _) in LISTS {
            for w in list {
                words.push(w.to_string());
                words.push(w.to_uppercase());
                let mut cap = w.to_string();
                cap[..1].make_ascii_uppercase();
                words.push(cap);
                words.push(format!("{w}s"));
                words.extend(extra.iter().map(|x| format!("{w}{x}")));
                words.push(w[..w.len() - 1].to_string());
            }
        }
        words
    }

    #[test]
    fn scan_letters_is_scan_bytes_on_letter_runs() {
        let mut words = listed_word_forms(&["x"]);
        words.extend(
            [
                "for",
                "this",
                "those",
                "through",
                "military",
                "Thousandfold",
            ]
            .map(String::from),
        );
        for w in &words {
            let b = w.as_bytes();
            if b.len() < 3 || !scan_prefix(b[0], b[1], b[2]) {
                continue;
            }
            let lower = w.to_ascii_lowercase();
            assert_eq!(
                scan_letters(b),
                b.len() <= 11 && scan_bytes(lower.as_bytes()),
                "{w}"
            );
        }
    }

    #[test]
    fn gated_lookups_keep_their_words() {
        for w in [
            "zero",
            "nineteen",
            "twenty",
            "ninety",
            "thousand",
            "crores",
            "lacs",
            "hundred",
            "dozens",
            "bn",
            "tln",
            "first",
            "second",
            "nineth",
            "trillionth",
        ] {
            let any = small(w).is_some()
                || tens(w).is_some()
                || any_scale(w).is_some()
                || ordinal(w).is_some();
            assert!(any, "{w} lost by the NUMBER gate");
        }
        assert_eq!(glued_scale("k", false), Some(1_000));
        for w in ["dollars", "pence", "shekels", "yen", "lira", "ringgit"] {
            let any = currency_word(w).is_some() || w == "pence";
            assert!(any, "{w} lost by the CURRENCY gate");
        }
        assert_eq!(national_currency("swiss", "francs"), Some("CHF"));
        // Every listed nationality names some currency.
        for adjective in NATIONAL_WORDS {
            let names_one = CURRENCY_WORDS
                .iter()
                .any(|w| national_currency(adjective, w).is_some());
            assert!(names_one, "{adjective} names no currency");
        }
        assert_eq!(national_currency("kuwaiti", "dinar"), Some("KWD"));
        assert_eq!(national_currency("malaysian", "ringgits"), Some("MYR"));
    }

    #[test]
    fn list_words_are_lowercase_letters() {
        let mut total = 0;
        for (words, flag) in LISTS {
            for w in words {
                assert!(
                    !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()),
                    "{w:?}"
                );
                assert!(w.len() <= MAX_LISTED, "{w:?} too long to pack");
                assert_eq!(flags(w) & flag, flag, "{w:?} lost its flag");
                total += 1;
            }
        }
        assert!(total < TABLE_SIZE / 2, "flag table too full");
        // The prefix and short tables agree with the hashed lookup.
        assert_eq!(flags("of") & FUNCTION, FUNCTION);
        assert_eq!(flags("i") & FUNCTION, FUNCTION);
        assert_eq!(flags("am") & TIME_SUFFIX, TIME_SUFFIX);
        assert_eq!(flags("k") & NUMBER, NUMBER);
        assert_eq!(flags("zz"), 0);
        assert_eq!(flags("drone"), 0);
        assert_eq!(flags("Of"), 0, "lookups take lowercase words");
    }

    #[test]
    fn folded_flags_are_the_flags_of_the_lowercase_word() {
        let mut words = listed_word_forms(&[]);
        for w in [
            "",
            "a",
            "A",
            "a[",
            "a{",
            "[",
            "{",
            "@",
            "ab",
            "Of",
            "zz",
            "a1",
            "1a",
            "é",
            "éa",
            "drone",
            "abcdefghijklm",
            "Thousandfold",
            "half-million",
            "o'clock",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            let lower = w.to_ascii_lowercase();
            assert_eq!(flags_folded(w.as_bytes()), flags(&lower), "{w:?}");
        }
    }

    #[test]
    fn flag_lists() {
        assert!(function_word("of") && !function_word("children"));
        assert!(label("channel") && label("resolution") && !label("people"));
        assert!(month("march") && weekday("friday") && year_context("since"));
        assert!(pronoun_one_before("fourth") && pronoun_one_before("every"));
        assert!(irregular_plural("children") && fraction_word("thirds"));
        assert!(time_unit("days") && time_suffix("pm") && phone_context("dial"));
    }
}
