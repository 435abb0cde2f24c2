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

use std::{collections::BTreeMap, io::Write, process::ExitCode};

use clap::Parser;
use corpus_clean::Cleaner;
use corpus_examples::{Doc, InputArgs, InputError, Pipeline};
use corpus_format::BlockKind;
use corpus_stats::{CorpusStats, DateValue, DocStats, FigureQualifier};
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
    /// Each line with its newline.
    lines: Vec<Vec<u8>>,
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

/// The bytes JSON escapes in strings: controls, `"` and `\\`.
const ESCAPED: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// One output line, written key by key in the order of the documented
/// schema.
///
/// The line is written by hand rather than derived with serde: on news
/// text the derived writer was a tenth of the cost of the whole run.
/// Strings with nothing to escape are copied as they are, and anything
/// else (strings to escape, dates, decimals, names of kinds) goes through
/// serde_json, so the bytes are those serde_json writes.
struct Line {
    out: Vec<u8>,
}

impl Line {
    fn with_capacity(capacity: usize) -> Line {
        Line {
            out: Vec::with_capacity(capacity),
        }
    }

    /// Punctuation and keys, which need no escaping.
    fn raw(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    fn str(&mut self, s: &str) {
        // The strings are short: one lookup per byte.
        if !s.bytes().any(|b| ESCAPED[usize::from(b)]) {
            self.out.push(b'"');
            self.out.extend_from_slice(s.as_bytes());
            self.out.push(b'"');
        } else {
            self.serde(s);
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    fn num(&mut self, n: impl itoa::Integer) {
        self.raw(itoa::Buffer::new().format(n));
    }

    fn serde<T: Serialize + ?Sized>(&mut self, value: &T) {
        // Writing to a Vec cannot fail, nor can these plain values.
        let _ = serde_json::to_writer(&mut self.out, value);
    }

    fn serializer(&mut self) -> serde_json::Serializer<&mut Vec<u8>> {
        serde_json::Serializer::new(&mut self.out)
    }

    /// The opening of a date or figure object: `{"text":…,"start":…,"end":…`.
    fn text_and_span(&mut self, text: &str, span: corpus_stats::Span) {
        self.raw("{\"text\":");
        self.str(text);
        self.raw(",\"start\":");
        self.num(span.start);
        self.raw(",\"end\":");
        self.num(span.end);
    }

    /// `[item,item,…]`.
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Line, &T)) {
        self.raw("[");
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            item(self, x);
        }
        self.raw("]");
    }

    /// The line and its newline, as bytes: only whole UTF-8 strings and
    /// ASCII were written.
    fn into_bytes(mut self) -> Vec<u8> {
        self.out.push(b'\n');
        self.out
    }
}

/// The JSON line of one document and, with `--summary`, its share of the
/// totals.
fn stats_of(
    doc: &Doc,
    cleaner: &Cleaner,
    summary: bool,
) -> Result<(Vec<u8>, Option<DocStats>), InputError> {
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

    // Room for the line, so that it is written without growing: about 100
    // bytes per date or figure besides the texts.
    let path = doc.path_str();
    let texts: usize = dates.iter().map(|d| d.text.len()).sum::<usize>()
        + figures.iter().map(|f| f.text.len()).sum::<usize>()
        + headings.iter().map(|h| h.len()).sum::<usize>();
    let names = path.map_or(0, str::len) + doc.id.len();
    let mut line = Line::with_capacity(256 + names + texts + 100 * (dates.len() + figures.len()));

    line.raw("{\"path\":");
    line.opt_str(path);
    line.raw(",\"id\":");
    line.str(&doc.id);
    line.raw(",\"date\":");
    line.serde(&date.map(DateValue::Day));
    line.raw(",\"words\":");
    line.num(words);
    line.raw(",\"sentences\":");
    line.num(sentences);
    line.raw(",\"paragraphs\":");
    line.num(paragraphs);
    line.raw(",\"headings\":");
    line.list(&headings, |line, h| line.str(h));
    line.raw(",\"dates\":");
    line.list(&dates, |line, m| {
        line.text_and_span(m.text, m.span);
        line.raw(",\"kind\":");
        line.serde(&m.kind);
        line.raw(",\"value\":");
        line.serde(&m.value);
        line.raw("}");
    });
    line.raw(",\"figures\":");
    line.list(&figures, |line, f| {
        line.text_and_span(f.text, f.span);
        line.raw(",\"kind\":");
        line.str(f.kind.as_str());
        line.raw(",\"value\":");
        let _ = corpus_examples::json_number(&f.value, &mut line.serializer());
        line.raw(",\"qualifier\":");
        line.opt_str(f.qualifier.map(FigureQualifier::as_str));
        line.raw(",\"unit\":");
        line.opt_str(f.unit);
        line.raw(",\"currency\":");
        line.opt_str(f.currency);
        line.raw("}");
    });
    line.raw(",\"clean\":{\"edits\":");
    line.num(clean.edits.len());
    line.raw("}}");
    Ok((line.into_bytes(), totals))
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
            chunk.lines.iter().try_for_each(|line| out.write_all(line))
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
