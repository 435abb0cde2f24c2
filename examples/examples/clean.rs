//! `clean`: cleans documents and reports every edit (CLI.md, "clean output").
//!
//! ```text
//! cargo run --release --example clean -- examples/data --out /tmp/cleaned
//! cargo run --release --example clean -- examples/data --dry-run
//! ```
//!
//! A walk through `corpus-clean`: parse the document with `corpus-format`,
//! clean it block by block with [`Cleaner::clean_document`], and write the
//! canonical form. Edit spans are byte offsets into the input text.

use std::{collections::BTreeMap, fs, io, path::PathBuf, process::ExitCode};

use clap::Parser;
use corpus_clean::{CleanDocument, Cleaner, Edit, EditKind};
use corpus_examples::{Doc, InputArgs, InputError, Pipeline};
use serde::Serialize;

/// Clean documents (mojibake, HTML entities, odd spaces, invisible
/// characters, scraper trailers, whitespace) and write them in canonical
/// form. The edit counts by kind end the output on stderr.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    #[command(flatten)]
    input: InputArgs,

    /// Write one cleaned file per input file into DIR, with the same file
    /// name (standard input is written as `stdin.txt`). Without it, the
    /// cleaned documents go to stdout, each followed by a newline.
    #[arg(long, value_name = "DIR", conflicts_with = "jsonl")]
    out: Option<PathBuf>,

    /// List the edits (`PATH:START-END KIND "FROM" -> "TO"`, offsets in
    /// bytes of the input) and write nothing else.
    #[arg(long)]
    dry_run: bool,
}

/// One output record with `--jsonl`.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    text: &'a str,
    edits: &'a [Edit],
}

/// What a worker hands back: the text for stdout and the edit counts.
struct Cleaned {
    output: Option<String>,
    counts: BTreeMap<EditKind, u64>,
}

fn clean_one(doc: &Doc, cli: &Cli, cleaner: &Cleaner) -> Result<Cleaned, InputError> {
    let text = doc.text()?;
    let parsed = corpus_format::parse(text);
    let clean: CleanDocument = cleaner.clean_document(&parsed);
    let mut counts = BTreeMap::new();
    for edit in &clean.edits {
        *counts.entry(edit.kind).or_insert(0) += 1;
    }
    let output = if cli.dry_run {
        Some(list_edits(doc, text, &clean.edits))
    } else if cli.input.jsonl {
        let record = Record {
            id: &doc.id,
            text: &clean.render(),
            edits: &clean.edits,
        };
        Some(serde_json::to_string(&record).unwrap_or_default() + "\n")
    } else if let Some(dir) = &cli.out {
        let name = match doc.path.as_ref().and_then(|p| p.file_name()) {
            Some(name) if doc.origin != "-" => PathBuf::from(name),
            _ => PathBuf::from("stdin.txt"),
        };
        let path = dir.join(name);
        fs::write(&path, clean.render()).map_err(|source| InputError::Write { path, source })?;
        None
    } else {
        Some(clean.render() + "\n")
    };
    Ok(Cleaned { output, counts })
}

/// One line per edit: where, what kind, what it replaced and with what.
fn list_edits(doc: &Doc, text: &str, edits: &[Edit]) -> String {
    let mut out = String::new();
    for edit in edits {
        let from = text.get(edit.span.range()).unwrap_or("");
        out.push_str(&format!(
            "{}:{}-{} {} {:?} -> {:?}\n",
            doc.origin, edit.span.start, edit.span.end, edit.kind, from, edit.replacement
        ));
    }
    out
}

fn main() -> io::Result<ExitCode> {
    let cli = Cli::parse();
    let inputs = cli.input.inputs_or_exit::<Cli>();
    if let Some(dir) = &cli.out
        && !cli.dry_run
    {
        fs::create_dir_all(dir)?;
    }
    let cleaner = Cleaner::default();
    let mut totals: BTreeMap<EditKind, u64> = BTreeMap::new();
    let mut out = corpus_examples::stdout();
    let run = Pipeline::new(cli.input.threads).run(
        inputs,
        |doc| clean_one(doc, &cli, &cleaner),
        |cleaned| {
            for (kind, n) in cleaned.counts {
                *totals.entry(kind).or_insert(0) += n;
            }
            match cleaned.output {
                Some(text) => io::Write::write_all(&mut out, text.as_bytes()),
                None => Ok(()),
            }
        },
    )?;
    let code = corpus_examples::finish(out, &run)?;
    let total: u64 = totals.values().sum();
    eprintln!("{} documents, {total} edits", run.documents);
    for (kind, n) in &totals {
        eprintln!("  {:<14} {n:>8}", kind.as_str());
    }
    Ok(code)
}
