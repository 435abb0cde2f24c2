//! `stats`: one line of JSON per document with its counts, date mentions,
//! figures and cleaning edits (CLI.md, "stats output").
//!
//! ```text
//! cargo run --release --example stats -- examples/data
//! ```
//!
//! The walk through the three crates: `corpus-format` parses, `corpus-clean`
//! cleans block by block, and `corpus-stats` counts words and sentences and
//! extracts dates and figures from the cleaned body, the blocks joined by
//! `"\n\n"` without the header, into which every `start`/`end` points.

use std::{collections::BTreeMap, process::ExitCode};

use chrono::NaiveDate;
use clap::Parser;
use corpus_clean::Cleaner;
use corpus_examples::{Doc, InputArgs, InputError, Pipeline};
use corpus_format::BlockKind;
use corpus_stats::{CorpusStats, DateKind, DateValue, DocStats, FigureKind, FigureQualifier};
use rust_decimal::Decimal;
use serde::Serialize;

/// Print one JSON object per document, in input order: path, id, date,
/// words, sentences, paragraphs, headings, date mentions, figures and the
/// number of cleaning edits. Offsets are bytes of the cleaned body.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    #[command(flatten)]
    input: InputArgs,

    /// End with one more line, `{"summary": {...}}`, holding the corpus
    /// totals: documents, words, sentences, the top 20 words (case-folded,
    /// ties in alphabetical order), date mentions by month and figures by
    /// kind.
    #[arg(long)]
    summary: bool,
}

/// The output of consecutive documents: their lines and their totals.
#[derive(Default)]
struct Chunk {
    lines: Vec<String>,
    totals: CorpusStats,
}

impl Chunk {
    /// `self` then `next`: lines keep their order, totals add up.
    fn merge(mut self, mut next: Chunk) -> Chunk {
        self.lines.append(&mut next.lines);
        self.totals.merge(next.totals);
        self
    }
}

/// Number of top words in the summary.
const TOP_WORDS: usize = 20;

/// The last line with `--summary`.
#[derive(Serialize)]
struct SummaryLine<'a> {
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct Summary<'a> {
    documents: u64,
    words: u64,
    sentences: u64,
    top_words: Vec<WordCount<'a>>,
    dates_by_month: &'a BTreeMap<String, u64>,
    figures_by_kind: &'a BTreeMap<String, u64>,
}

#[derive(Serialize)]
struct WordCount<'a> {
    word: &'a str,
    count: u64,
}

/// One output line; the field order is the documented schema.
#[derive(Serialize)]
struct DocLine<'a> {
    /// `null` for a JSON Lines record.
    path: Option<String>,
    id: &'a str,
    #[serde(serialize_with = "corpus_examples::iso_day")]
    date: Option<NaiveDate>,
    words: u64,
    sentences: u64,
    paragraphs: usize,
    headings: Vec<&'a str>,
    dates: Vec<DateLine<'a>>,
    figures: Vec<FigureLine<'a>>,
    clean: CleanLine,
}

#[derive(Serialize)]
struct DateLine<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: DateKind,
    #[serde(serialize_with = "corpus_examples::iso_value")]
    value: Option<DateValue>,
}

#[derive(Serialize)]
struct FigureLine<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: FigureKind,
    #[serde(serialize_with = "corpus_examples::json_number")]
    value: Option<Decimal>,
    qualifier: Option<FigureQualifier>,
    unit: Option<&'a str>,
    currency: Option<&'a str>,
}

#[derive(Serialize)]
struct CleanLine {
    edits: usize,
}

/// The JSON line of one document and, with `--summary`, its share of the
/// totals.
fn stats_of(
    doc: &Doc,
    cleaner: &Cleaner,
    summary: bool,
) -> Result<(String, Option<DocStats>), InputError> {
    let parsed = corpus_format::parse(doc.text()?);
    let clean = cleaner.clean_document(&parsed);
    let body = clean.body();
    let date = doc.reference_date(&parsed);

    let dates: Vec<_> = corpus_stats::date_mentions(&body, date).collect();
    let date_spans: Vec<_> = dates.iter().map(|m| m.span).collect();
    let figures: Vec<_> = corpus_stats::figures_excluding(&body, &date_spans).collect();
    let paragraphs = clean
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .count();
    let headings: Vec<&str> = clean
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();

    // The totals need word frequencies; without them, counting is enough.
    let (words, sentences, totals) = if summary {
        let mut totals = DocStats::from_text(&body, paragraphs as u64, headings.len() as u64);
        for value in dates.iter().filter_map(|d| d.value) {
            totals.add_date_value(&value);
        }
        for f in &figures {
            totals.add_figure(f.kind.as_str(), f.value, f.text, f.unit, "");
        }
        (totals.words, totals.sentences, Some(totals))
    } else {
        let words = corpus_stats::count_words(&body);
        (words, corpus_stats::count_sentences(&body), None)
    };

    let line = DocLine {
        path: doc.path_string(),
        id: &doc.id,
        date,
        words,
        sentences,
        paragraphs,
        headings,
        dates: dates
            .iter()
            .map(|m| DateLine {
                text: m.text,
                start: m.span.start,
                end: m.span.end,
                kind: m.kind,
                value: m.value,
            })
            .collect(),
        figures: figures
            .iter()
            .map(|f| FigureLine {
                text: f.text,
                start: f.span.start,
                end: f.span.end,
                kind: f.kind,
                value: f.value,
                qualifier: f.qualifier,
                unit: f.unit,
                currency: f.currency,
            })
            .collect(),
        clean: CleanLine {
            edits: clean.edits.len(),
        },
    };
    // Room for the line, so that it is written without growing: about
    // 100 bytes per date or figure besides the texts.
    let texts: usize = line.dates.iter().map(|d| d.text.len()).sum::<usize>()
        + line.figures.iter().map(|f| f.text.len()).sum::<usize>();
    let names = line.path.as_ref().map_or(0, String::len)
        + line.id.len()
        + line.headings.iter().map(|h| h.len()).sum::<usize>();
    let room = 256 + names + texts + 100 * (line.dates.len() + line.figures.len());
    let mut json = Vec::with_capacity(room);
    // Plain structs of strings and numbers always serialize, to valid UTF-8.
    let _ = serde_json::to_writer(&mut json, &line);
    Ok((String::from_utf8(json).unwrap_or_default(), totals))
}

fn main() -> std::io::Result<ExitCode> {
    let cli = Cli::parse();
    let inputs = cli.input.inputs_or_exit::<Cli>();
    let cleaner = Cleaner::default();
    let mut totals = CorpusStats::new();
    let mut out = corpus_examples::stdout();
    // Each chunk of documents becomes its lines, in order, and its totals,
    // merged on the worker threads.
    let run = Pipeline::new(cli.input.threads).run_folded(
        inputs,
        |doc| stats_of(doc, &cleaner, cli.summary),
        Chunk::default,
        |mut chunk, (line, doc_totals)| {
            chunk.lines.push(line);
            if let Some(doc_totals) = doc_totals {
                chunk.totals.push(doc_totals);
            }
            chunk
        },
        Chunk::merge,
        |chunk| {
            totals.merge(chunk.totals);
            chunk
                .lines
                .iter()
                .try_for_each(|line| corpus_examples::write_line(&mut out, line))
        },
    )?;
    if cli.summary && !run.output_closed {
        let line = SummaryLine {
            summary: Summary {
                documents: totals.documents,
                words: totals.words,
                sentences: totals.sentences,
                top_words: totals
                    .top_words(TOP_WORDS)
                    .into_iter()
                    .map(|(word, count)| WordCount { word, count })
                    .collect(),
                dates_by_month: &totals.dates_by_month,
                figures_by_kind: &totals.figures_by_kind,
            },
        };
        let json = serde_json::to_string(&line).unwrap_or_default();
        let written = corpus_examples::write_line(&mut out, &json);
        if let Err(e) = written
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            return Err(e);
        }
    }
    corpus_examples::finish(out, &run)
}
