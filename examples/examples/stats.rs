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

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use corpus_clean::Cleaner;
use corpus_examples::{Doc, InputArgs, InputError, Pipeline};
use corpus_format::BlockKind;
use corpus_stats::{DateKind, DateValue, FigureKind, FigureQualifier, TextCounts};
use rust_decimal::{Decimal, prelude::ToPrimitive};
use serde::{Serialize, Serializer};

/// Print one JSON object per document, in input order: path, id, date,
/// words, sentences, paragraphs, headings, date mentions, figures and the
/// number of cleaning edits. Offsets are bytes of the cleaned body.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    #[command(flatten)]
    input: InputArgs,
}

/// One output line; the field order is the documented schema.
#[derive(Serialize)]
struct DocLine<'a> {
    /// `null` for a JSON Lines record.
    path: Option<String>,
    id: &'a str,
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
    value: Option<DateValue>,
}

#[derive(Serialize)]
struct FigureLine<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: FigureKind,
    #[serde(serialize_with = "json_number")]
    value: Option<Decimal>,
    qualifier: Option<FigureQualifier>,
    unit: Option<&'a str>,
    currency: Option<&'a str>,
}

#[derive(Serialize)]
struct CleanLine {
    edits: usize,
}

/// A decimal as a JSON number: an integer when it is one, else a float.
fn json_number<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    let Some(d) = value.map(|d| d.normalize()) else {
        return s.serialize_none();
    };
    match (d.scale(), d.to_i64(), d.to_f64()) {
        (0, Some(i), _) => s.serialize_i64(i),
        (_, _, Some(f)) => s.serialize_f64(f),
        _ => s.serialize_none(),
    }
}

fn stats_of(doc: &Doc, cleaner: &Cleaner) -> Result<String, InputError> {
    let parsed = corpus_format::parse(doc.text()?);
    let clean = cleaner.clean_document(&parsed);
    let body = clean.body();
    let date = doc.reference_date(&parsed);

    let counts = TextCounts::of(&body);
    let dates: Vec<_> = corpus_stats::date_mentions(&body, date).collect();
    let date_spans: Vec<_> = dates.iter().map(|m| m.span).collect();
    let figures = corpus_stats::figures_excluding(&body, &date_spans);

    let line = DocLine {
        path: doc.path_string(),
        id: &doc.id,
        date,
        words: counts.words,
        sentences: counts.sentences,
        paragraphs: clean
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .count(),
        headings: clean
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.as_str())
            .collect(),
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
    // Plain structs of strings and numbers always serialize.
    Ok(serde_json::to_string(&line).unwrap_or_default())
}

fn main() -> std::io::Result<ExitCode> {
    let cli = Cli::parse();
    let inputs = cli.input.inputs_or_exit::<Cli>();
    let cleaner = Cleaner::default();
    let mut out = corpus_examples::stdout();
    let run = Pipeline::new(cli.input.threads).run(
        inputs,
        |doc| stats_of(doc, &cleaner),
        |line| corpus_examples::write_line(&mut out, &line),
    )?;
    corpus_examples::finish(out, &run)
}
