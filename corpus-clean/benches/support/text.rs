//! The generated inputs of the cleaner's benchmark and of the `throughput`
//! example (about 4 MB each, from a fixed pseudo-random generator):
//! - `news_ascii`: ASCII paragraphs with nothing to fix (the quick scan);
//! - `news_unicode`: the same with curly quotes, dashes and accents, all
//!   correct (nothing to fix, but no ASCII shortcut);
//! - `news_damaged`: the unicode text with its non-ASCII characters turned
//!   into Windows-1252 mojibake, plus entities, no-break and zero-width
//!   spaces, double spaces, decomposed accents and scraper trailers;
//! - `pathological`: one 4 MB line of mojibake-looking characters and
//!   ampersands, to show time stays linear.

pub const SIZE: usize = 4 << 20;

const SUBJECTS: &[&str] = &[
    "The Islamic Resistance in Iraq",
    "Qatar’s foreign ministry",
    "A spokesperson for the group",
    "Officials in Zürich",
    "The United Nations envoy",
    "Residents of the city",
    "Analysts at the institute",
    "The café owner",
];
const VERBS: &[&str] = &[
    "said",
    "announced",
    "reported",
    "warned",
    "confirmed",
    "denied",
    "stressed",
];
const OBJECTS: &[&str] = &[
    "that drone strikes targeted “vital targets” on March 24",
    "that over 32,000 Palestinian lives had been lost",
    "that the talks — held in Doha — would resume next week",
    "a new round of operations against the base",
    "that the naïve plan had failed",
    "that aid convoys were blocked at the crossing",
    "that the situation remained volatile",
];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        items[(self.0 % items.len() as u64) as usize]
    }
}

pub fn news_unicode() -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(SIZE + 1024);
    while out.len() < SIZE {
        for _ in 0..5 {
            out.push_str(rng.pick(SUBJECTS));
            out.push(' ');
            out.push_str(rng.pick(VERBS));
            out.push(' ');
            out.push_str(rng.pick(OBJECTS));
            out.push_str(". ");
        }
        out.pop();
        out.push('\n');
    }
    out
}

pub fn news_ascii() -> String {
    news_unicode()
        .replace(['’'], "'")
        .replace(['“', '”'], "\"")
        .replace('—', "-")
        .replace('ü', "u")
        .replace('é', "e")
        .replace('ï', "i")
}

/// Windows-1252 mojibake of `text`: its UTF-8 bytes read as Windows-1252.
fn mojibake(text: &str) -> String {
    let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(text.as_bytes());
    decoded.into_owned()
}

pub fn news_damaged() -> String {
    let mut out = String::with_capacity(SIZE * 2);
    for (i, line) in news_unicode().lines().enumerate() {
        let line = match i % 4 {
            0 => mojibake(line),
            1 => line
                .replace(" the ", " the\u{a0}")
                .replace("&", "&amp;")
                .replace("over ", "over&nbsp;")
                .replace("March", "Mar\u{200b}ch"),
            2 => line.replace(". ", ".  ").replace("é", "e\u{301}"),
            _ => format!("{line}CONTINUE FULL READING>>>>>"),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

pub fn pathological() -> String {
    "Ã©â€&amp;&#".repeat(SIZE / 16)
}
