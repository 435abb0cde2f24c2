//! `gen_corpus`: writes a synthetic corpus of a given size, for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --mb 100 --out /tmp/corpus
//! ```
//!
//! The articles are made from sentence templates filled by a seeded
//! pseudo-random generator, so the same arguments always give the same
//! bytes. They have the shapes of real scraped files (with and without a
//! header, headings, soft-wrapped or line-per-paragraph layout, CRLF
//! endings, a little mojibake and a scraper trailer) and are rich in dates
//! and figures.

use std::{
    fs,
    io::{self, Write},
    path::PathBuf,
    process::ExitCode,
};

use clap::Parser;

/// Write a deterministic synthetic corpus of about `--mb` megabytes into a
/// folder, as `NNNNNN_<16 hex>.txt` files in the corpus format.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    /// Size of the corpus to write, in megabytes (10^6 bytes).
    #[arg(long, default_value_t = 100.0)]
    mb: f64,

    /// Folder to write into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// Seed of the generator; the same seed gives the same corpus.
    #[arg(long, default_value_t = 2024)]
    seed: u64,
}

/// SplitMix64: small, fast and good enough to vary the text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const PLACES: &[&str] = &[
    "Gaza",
    "the northern districts",
    "the capital",
    "Rafah",
    "the coastal region",
    "the eastern province",
    "Khan Younis",
    "the border towns",
    "the river valley",
    "the southern hills",
];
const ACTORS: &[&str] = &[
    "Officials",
    "Aid agencies",
    "The health ministry",
    "The United Nations",
    "Local authorities",
    "Relief workers",
    "The civil defence agency",
    "Witnesses",
    "The World Food Programme",
    "Analysts",
];
const UNITS: &[&str] = &[
    "people",
    "children",
    "families",
    "trucks",
    "homes",
    "patients",
    "workers",
    "hectares",
    "residents",
    "tonnes of flour",
];
const QUALIFIERS: &[&str] = &[
    "over ",
    "at least ",
    "about ",
    "nearly ",
    "more than ",
    "",
    "",
    "some ",
    "up to ",
    "fewer than ",
];
const MONTHS: &[&str] = &[
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
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const HEADINGS: &[&str] = &[
    "A Worsening Crisis",
    "Background of the Conflict",
    "Looking Ahead",
    "Reaction From Abroad",
    "Funding Gap",
    "What Comes Next",
    "Voices From the Ground",
    "Talks Stall Again",
];
const VERBS: &[&str] = &[
    "described",
    "criticised",
    "welcomed",
    "questioned",
    "defended",
    "played down",
    "drew attention to",
    "raised concerns about",
];
const OBJECTS: &[&str] = &[
    "the latest proposal",
    "the conditions in the shelters",
    "the pace of the negotiations",
    "the restrictions on movement",
    "the shortage of medical supplies",
    "the response of the international community",
    "the state of the roads leading to the border",
    "the decision to suspend the deliveries",
    "the lack of clean water and electricity",
    "the reports from the hospitals",
];
const CLAUSES: &[&str] = &[
    "as pressure mounted on both sides",
    "while diplomats continued their efforts behind closed doors",
    "although few details were made public",
    "and called for an independent investigation",
    "amid growing frustration among residents",
    "saying the situation remained extremely fragile",
    "in a statement released by its spokesperson",
    "as families searched for relatives under the rubble",
];

const TRAILERS: &[&str] = &["CONTINUE FULL READING>>>>>", " Read more", " Share this:"];

/// A number with thousands separators: `32,300`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn figure(rng: &mut Rng) -> String {
    let q = rng.pick(QUALIFIERS);
    match rng.below(6) {
        0 => format!(
            "{q}{} {}",
            grouped(rng.next() % 90_000 + 100),
            rng.pick(UNITS)
        ),
        1 => format!(
            "{}.{} percent of {}",
            rng.below(90) + 1,
            rng.below(10),
            rng.pick(UNITS)
        ),
        2 => format!(
            "${} {}",
            rng.below(900) + 1,
            rng.pick(&["million", "billion"])
        ),
        3 => format!("{q}{} {}", rng.below(999) + 2, rng.pick(UNITS)),
        4 => format!("thousands of {}", rng.pick(UNITS)),
        _ => format!(
            "{q}{}.{} million {}",
            rng.below(9) + 1,
            rng.below(10),
            rng.pick(UNITS)
        ),
    }
}

fn date_phrase(rng: &mut Rng) -> String {
    match rng.below(7) {
        0 => format!("on {} {}", rng.pick(MONTHS), rng.below(28) + 1),
        1 => format!("last {}", rng.pick(WEEKDAYS)),
        2 => "yesterday".to_owned(),
        3 => format!("in {}", 2015 + rng.below(10)),
        4 => {
            let day = rng.below(27) + 1;
            format!("on {} {}-{}", rng.pick(MONTHS), day, day + 1)
        }
        5 => format!("on {}", rng.pick(WEEKDAYS)),
        _ => format!(
            "on {} {}, {}",
            rng.pick(MONTHS),
            rng.below(28) + 1,
            2019 + rng.below(6)
        ),
    }
}

/// An actor as written inside a sentence: `The United Nations` becomes
/// `the United Nations`, `Aid agencies` becomes `aid agencies`.
fn mid_sentence(actor: &str) -> String {
    let mut chars = actor.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A sentence without numbers or dates: most sentences of a news article.
fn prose(rng: &mut Rng) -> String {
    let actor = rng.pick(ACTORS);
    let place = rng.pick(PLACES);
    match rng.below(3) {
        0 => format!(
            "{actor} {} {} in {place}, {}.",
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(CLAUSES)
        ),
        1 => format!(
            "In {place}, {} {} {}.",
            mid_sentence(actor),
            rng.pick(VERBS),
            rng.pick(OBJECTS)
        ),
        _ => format!(
            "Residents of {place} said they had little confidence in {}, {}.",
            rng.pick(OBJECTS),
            rng.pick(CLAUSES)
        ),
    }
}

/// A sentence: three in four are plain prose, the others report a figure
/// or a date, about as often as in real news articles.
fn sentence(rng: &mut Rng) -> String {
    if rng.chance(75) {
        return prose(rng);
    }
    let actor = rng.pick(ACTORS);
    let place = rng.pick(PLACES);
    match rng.below(6) {
        0 => format!(
            "{actor} said {} had been displaced in {place} {}.",
            figure(rng),
            date_phrase(rng)
        ),
        1 => format!(
            "According to {}, {} were reported in {place} {}, the highest toll since {}.",
            mid_sentence(actor),
            figure(rng),
            date_phrase(rng),
            rng.pick(MONTHS)
        ),
        2 => format!(
            "{actor} warned that {} could be affected unless access improves before {}.",
            figure(rng),
            rng.pick(WEEKDAYS)
        ),
        3 => format!(
            "The appeal, launched {}, has so far raised {}, far short of what is needed.",
            date_phrase(rng),
            figure(rng)
        ),
        4 => format!(
            "\"We have never seen anything like this,\" a coordinator in {place} said {}.",
            date_phrase(rng)
        ),
        _ => format!(
            "Talks resumed {} after {} rounds of negotiations, and {} remain unresolved.",
            date_phrase(rng),
            rng.below(9) + 2,
            figure(rng)
        ),
    }
}

/// Damages a paragraph the way scrapers do: mojibake, entities, odd spaces.
fn damage(rng: &mut Rng, text: String) -> String {
    match rng.below(4) {
        0 => text.replacen(" the ", " the region\u{e2}\u{20ac}\u{2122}s ", 1),
        1 => text.replacen(" and ", " &amp; ", 1),
        2 => text.replacen(' ', "\u{a0}", 1),
        _ => text.replacen(' ', " \u{200b}", 1),
    }
}

/// One article: its bytes in the corpus format.
fn article(rng: &mut Rng) -> String {
    let one_per_line = rng.chance(10);
    let wrapped = !one_per_line && rng.chance(30);
    let newline = if rng.chance(10) { "\r\n" } else { "\n" };
    let mut blocks: Vec<String> = Vec::new();
    let paragraphs = 4 + rng.below(8);
    for i in 0..paragraphs {
        if i > 0 && !one_per_line && rng.chance(20) {
            blocks.push(rng.pick(HEADINGS).to_owned());
        }
        let sentences = if one_per_line {
            1 + rng.below(2)
        } else {
            2 + rng.below(4)
        };
        let mut p: Vec<String> = (0..sentences).map(|_| sentence(rng)).collect();
        if wrapped && p.len() > 1 {
            // Soft-wrap: a line break between sentences inside the paragraph.
            let last = p.pop().unwrap_or_default();
            p.push(format!("{newline}{last}"));
        }
        let mut text = p.join(" ").replace(&format!(" {newline}"), newline);
        if rng.chance(5) {
            text = damage(rng, text);
        }
        blocks.push(text);
    }
    if rng.chance(10)
        && let Some(last) = blocks.last_mut()
    {
        last.push_str(rng.pick(TRAILERS));
    }
    let separator = if one_per_line {
        newline.to_owned()
    } else {
        format!("{newline}{newline}")
    };
    let mut out = String::new();
    if rng.chance(80) {
        out.push_str(&format!(
            " date 2024-{:02}-{:02} ",
            rng.below(12) + 1,
            rng.below(28) + 1
        ));
    }
    out.push_str(&blocks.join(&separator));
    out.push_str(newline);
    out
}

fn main() -> io::Result<ExitCode> {
    let cli = Cli::parse();
    if !(cli.mb.is_finite() && cli.mb >= 0.0) {
        eprintln!("error: --mb must be a non-negative number");
        return Ok(ExitCode::from(2));
    }
    fs::create_dir_all(&cli.out)?;
    let target = (cli.mb * 1e6) as u64;
    let mut rng = Rng(cli.seed);
    let mut written = 0u64;
    let mut files = 0u64;
    while written < target {
        let text = article(&mut rng);
        let name = format!("{files:06}_{:016x}.txt", rng.next());
        fs::File::create(cli.out.join(name))?.write_all(text.as_bytes())?;
        written += text.len() as u64;
        files += 1;
    }
    eprintln!(
        "wrote {files} files, {:.1} MB, to {}",
        written as f64 / 1e6,
        cli.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
