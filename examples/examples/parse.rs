//! `parse`: the structure of each document as JSON, one object per line.
//!
//! ```text
//! cargo run --example parse -- examples/data/003_9b2f4c1e7a6d0853.txt --pretty
//! ```
//!
//! A walk through `corpus-format`: decode the bytes, parse leniently (or
//! strictly with `--strict`), and print the header, the blocks with their
//! byte spans, and the diagnostics.

use std::process::ExitCode;

use clap::Parser;
use corpus_examples::{Doc, InputArgs, InputError, Pipeline};
use corpus_format::{Block, Diagnostic, Document, Span};
use serde::Serialize;

/// Print the structure of each document as JSON: its date, header span,
/// blocks (kind, byte span, text) and diagnostics, one object per line, in
/// input order.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    #[command(flatten)]
    input: InputArgs,

    /// Indent the JSON (one object spans several lines).
    #[arg(long)]
    pretty: bool,

    /// Reject documents with diagnostics (such as a malformed date header):
    /// the error names the path, byte offset, line and column, and the exit
    /// code is 1.
    #[arg(long)]
    strict: bool,
}

/// One line of output (CLI.md, "parse output"). Spans are byte offsets into
/// the decoded text; block `text` has soft breaks joined by a space.
#[derive(Serialize)]
struct Parsed<'a> {
    path: Option<String>,
    id: &'a str,
    date: Option<chrono::NaiveDate>,
    header: Option<Span>,
    blocks: &'a [Block<'a>],
    diagnostics: &'a [Diagnostic],
}

fn parse_one(doc: &Doc, strict: bool, pretty: bool) -> Result<String, InputError> {
    let text = doc.text()?;
    let parsed: Document<'_> = if strict {
        corpus_format::parse_strict(text).map_err(|source| corpus_format::Error::Parse {
            path: doc.error_path(),
            source,
        })?
    } else {
        corpus_format::parse(text)
    };
    let out = Parsed {
        path: doc.path_string(),
        id: &doc.id,
        date: doc.reference_date(&parsed),
        header: parsed.header().map(|h| h.span),
        blocks: parsed.blocks(),
        diagnostics: parsed.diagnostics(),
    };
    let json = if pretty {
        serde_json::to_string_pretty(&out)
    } else {
        serde_json::to_string(&out)
    };
    // Serializing these plain structs into a String cannot fail.
    Ok(json.unwrap_or_default())
}

fn main() -> std::io::Result<ExitCode> {
    let cli = Cli::parse();
    let inputs = cli.input.inputs_or_exit::<Cli>();
    let mut out = corpus_examples::stdout();
    let run = Pipeline::new(cli.input.threads).run(
        inputs,
        |doc| parse_one(doc, cli.strict, cli.pretty),
        |json| corpus_examples::write_line(&mut out, &json),
    )?;
    corpus_examples::finish(out, &run)
}
