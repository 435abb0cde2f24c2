//! Shared plumbing of the example programs `report`, `parse`, `clean` and
//! `stats`: reading the inputs, running the work in parallel while keeping
//! the input order, and reporting bad inputs.
//!
//! The programs themselves only say what to do with one document; this
//! library walks files and folders (in name order), reads JSON Lines records,
//! cuts the stream into bounded chunks, processes each chunk on a rayon pool,
//! hands the results back in input order, draws a progress bar when stderr is
//! a terminal, and reports every input that failed with its path and byte
//! offset.
//!
//! ```
//! use corpus_examples::{Inputs, Pipeline};
//!
//! let dir = tempfile::tempdir()?;
//! std::fs::write(dir.path().join("001_00000000000000aa.txt"), " date 2024-03-26 One.\n\nTwo.")?;
//! std::fs::write(dir.path().join("002_00000000000000bb.txt"), "Three four.")?;
//!
//! let inputs = Inputs::files(vec![dir.path().to_owned()]);
//! let mut ids = Vec::new();
//! let run = Pipeline::new(std::num::NonZeroUsize::new(2)).run(
//!     inputs,
//!     |doc| Ok(format!("{} {}", doc.id, corpus_format::parse(doc.text()?).blocks().len())),
//!     |line| { ids.push(line); Ok(()) },
//! )?;
//! assert_eq!(ids, ["00000000000000aa 2", "00000000000000bb 1"]);
//! assert_eq!((run.documents, run.failed, run.exit_code()), (2, 0, 0));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::{
    fs::File,
    io::{self, BufRead, BufReader, IsTerminal, Read, Write},
    num::NonZeroUsize,
    path::{Path, PathBuf},
    sync::mpsc::{SyncSender, sync_channel},
    time::{Duration, Instant},
};

use chrono::NaiveDate;
use corpus_format::{FileName, FoundFile, FoundFiles, ReadOptions, SourceFile, walk_dir};
use rayon::prelude::*;
use serde::{Deserialize, Deserializer};

/// The allocator of the example programs (this library is linked into each
/// of them): mimalloc, which allocates and frees the many small strings of
/// this work (words, lines, blocks) in far fewer instructions than the
/// system allocator, and without contention between threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A chunk is cut when it holds this many documents…
pub const CHUNK_DOCUMENTS: usize = 1024;
/// …or this many bytes, whichever comes first.
pub const CHUNK_BYTES: usize = 4 * 1024 * 1024;
/// Chunks waiting between the reader and the workers, and between the
/// workers and the writer. With [`CHUNK_BYTES`] this bounds the memory in
/// use, whatever the size of the corpus.
pub const CHUNKS_IN_FLIGHT: usize = 2;

/// The options every program shares: where the documents come from and how
/// many threads work on them.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InputArgs {
    /// Files or folders of articles (every `*.txt` below a folder, in name
    /// order); `-` reads one document from standard input. With `--jsonl`,
    /// files of JSON Lines records, `-` or nothing for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read JSON Lines records `{"id": "...", "text": "...", "date":
    /// "YYYY-MM-DD"?}` instead of article files. `text` is a whole document
    /// in the corpus format; `date`, when present, is the reference date and
    /// wins over the document's header.
    #[arg(long)]
    pub jsonl: bool,

    /// Number of worker threads (default: all cores). Output keeps the
    /// input order whatever the number.
    #[arg(long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Largest document accepted, in bytes (a file, standard input, or a
    /// JSON Lines record). A larger one is reported, naming the limit, and
    /// skipped; the others are still processed. Bounds the memory an
    /// untrusted input can take.
    #[arg(long, value_name = "BYTES", default_value_t = ReadOptions::default().max_file_bytes)]
    pub max_bytes: u64,

    /// Deepest folder nesting walked below a PATH; a deeper folder is
    /// reported, naming the limit, and skipped.
    #[arg(long, value_name = "N", default_value_t = ReadOptions::default().max_depth)]
    pub max_depth: usize,
}

impl InputArgs {
    /// The inputs these options name, or `None` when no PATH was given
    /// without `--jsonl` (standard input is then read only when asked for
    /// with `-`).
    #[must_use]
    pub fn inputs(&self) -> Option<Inputs> {
        let options = ReadOptions {
            max_file_bytes: self.max_bytes,
            max_depth: self.max_depth,
        };
        self.unlimited_inputs().map(|i| i.with_options(options))
    }

    fn unlimited_inputs(&self) -> Option<Inputs> {
        if self.jsonl {
            let paths = if self.paths.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                self.paths.clone()
            };
            Some(Inputs::jsonl(paths))
        } else if self.paths.is_empty() {
            None
        } else {
            Some(Inputs::files(self.paths.clone()))
        }
    }

    /// Like [`InputArgs::inputs`], but exits with a usage error (code 2)
    /// naming the program's usage when there is nothing to read.
    #[must_use]
    pub fn inputs_or_exit<C: clap::CommandFactory>(&self) -> Inputs {
        match self.inputs() {
            Some(inputs) => inputs,
            None => C::command()
                .error(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    "give at least one PATH (`-` for standard input), or --jsonl",
                )
                .exit(),
        }
    }
}

/// Something wrong with one input; the run goes on with the others.
///
/// `Display` names where the problem is: the path and, when known, the byte
/// offset.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// A file or folder that could not be read, decoded or parsed.
    #[error(transparent)]
    File(#[from] corpus_format::Error),
    /// A JSON Lines record that is not `{"id", "text", "date"?}`.
    #[error("{path}:{line}: invalid record at byte {offset}: {message}")]
    Record {
        /// The JSON Lines file (`-` for standard input).
        path: String,
        /// 1-based line number of the record.
        line: u64,
        /// Byte offset of the problem in the file.
        offset: u64,
        /// What is wrong.
        message: String,
    },
    /// An output that could not be written (`clean --out`).
    #[error("{}: {source}", .path.display())]
    Write {
        /// The file that could not be written.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
}

impl InputError {
    /// The byte offset of the problem in its input, when there is one.
    #[must_use]
    pub fn offset(&self) -> Option<u64> {
        match self {
            InputError::File(e) => e.offset().map(|o| o as u64),
            InputError::Record { offset, .. } => Some(*offset),
            InputError::Write { .. } => None,
        }
    }
}

/// One document to process: an article file, standard input, or a JSON
/// Lines record.
#[derive(Debug)]
pub struct Doc {
    /// The file it was read from; `None` for a JSON Lines record.
    pub path: Option<PathBuf>,
    /// Where it came from, for messages: the path, or `FILE:LINE` for a
    /// record.
    pub origin: String,
    /// The id: from the file name (FORMAT.md), or the record's `id`.
    pub id: String,
    /// The reference date given by a record's `date`; it wins over the
    /// document's header. Always `None` for files.
    pub date: Option<NaiveDate>,
    body: Body,
}

#[derive(Debug)]
enum Body {
    File(SourceFile),
    Text(String),
}

impl Doc {
    /// The document's text, decoded as UTF-8 with any BOM dropped.
    ///
    /// # Errors
    ///
    /// [`corpus_format::Error::Decode`] naming the path and the offset of
    /// the first invalid byte.
    pub fn text(&self) -> Result<&str, corpus_format::Error> {
        match &self.body {
            Body::File(file) => file.text(),
            Body::Text(text) => Ok(text),
        }
    }

    /// Size of the input in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        match &self.body {
            Body::File(file) => file.bytes.len(),
            Body::Text(text) => text.len(),
        }
    }

    /// Whether the input is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The document's date: the record's `date` when given, else the
    /// header's (`parsed` is the document parsed from [`Doc::text`]).
    #[must_use]
    pub fn reference_date(&self, parsed: &corpus_format::Document<'_>) -> Option<NaiveDate> {
        self.date.or_else(|| parsed.date())
    }

    /// The path as a string for JSON output; `None` for records.
    #[must_use]
    pub fn path_string(&self) -> Option<String> {
        self.path_str().map(str::to_owned)
    }

    /// [`Doc::path_string`] without a copy: a file's [`Doc::origin`] is its
    /// path as text.
    #[must_use]
    pub fn path_str(&self) -> Option<&str> {
        self.path.as_ref().map(|_| self.origin.as_str())
    }

    /// The path to name in an error about this document: the file, or
    /// `FILE:LINE` for a record (as for `parse --strict`).
    #[must_use]
    pub fn error_path(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from(&self.origin))
    }
}

/// A JSON Lines record: `{"id": "...", "text": "...", "date": "YYYY-MM-DD"?}`.
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(deserialize_with = "id_string")]
    id: String,
    text: String,
    #[serde(default)]
    date: Option<NaiveDate>,
}

/// Ids are strings; numbers are accepted too, as many engines write them.
fn id_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Text(String),
        Number(serde_json::Number),
    }
    Ok(match Id::deserialize(d)? {
        Id::Text(s) => s,
        Id::Number(n) => n.to_string(),
    })
}

/// An input as read, before decoding: decoding and JSON parsing happen on the
/// worker threads.
#[derive(Debug)]
enum Raw {
    /// A file found in a walk, read on a worker thread.
    Found(FoundFile, ReadOptions),
    File(SourceFile),
    Line {
        path: String,
        line: u64,
        offset: u64,
        bytes: Vec<u8>,
    },
    Failed(InputError),
}

impl Raw {
    /// Its size in bytes; for a file not read yet, its size when found.
    fn len(&self) -> usize {
        match self {
            Raw::Found(f, _) => usize::try_from(f.size).unwrap_or(usize::MAX),
            Raw::File(f) => f.bytes.len(),
            Raw::Line { bytes, .. } => bytes.len(),
            Raw::Failed(_) => 0,
        }
    }

    /// The document, and the bytes read for it.
    fn read(self) -> (usize, Result<Doc, InputError>) {
        match self {
            Raw::Found(found, options) => match found.read(&options) {
                Ok(file) => (file.bytes.len(), Raw::File(file).into_doc()),
                Err(e) => (0, Err(e.into())),
            },
            raw => (raw.len(), raw.into_doc()),
        }
    }

    fn into_doc(self) -> Result<Doc, InputError> {
        match self {
            raw @ Raw::Found(..) => raw.read().1,
            Raw::File(file) => Ok(Doc {
                origin: file.path.display().to_string(),
                path: Some(file.path.clone()),
                id: file.name.id.clone(),
                date: None,
                body: Body::File(file),
            }),
            Raw::Line {
                path,
                line,
                offset,
                bytes,
            } => match serde_json::from_slice::<Record>(&bytes) {
                Ok(record) => Ok(Doc {
                    path: None,
                    origin: format!("{path}:{line}"),
                    id: record.id,
                    date: record.date,
                    body: Body::Text(record.text),
                }),
                Err(e) => {
                    // serde_json counts columns in bytes, from 1.
                    let within = line_offset(&bytes, e.line(), e.column());
                    Err(InputError::Record {
                        path,
                        line,
                        offset: offset + within as u64,
                        message: e.to_string(),
                    })
                }
            },
            Raw::Failed(e) => Err(e),
        }
    }
}

/// Byte offset in `bytes` of serde_json's 1-based `line` and `column`.
fn line_offset(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match memchr_newline(&bytes[start..]) {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    (start + column.saturating_sub(1)).min(bytes.len())
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// The stream of inputs of a run, read lazily in order: one file at a time,
/// one record at a time.
pub struct Inputs {
    paths: std::vec::IntoIter<PathBuf>,
    jsonl: bool,
    options: ReadOptions,
    current: Current,
}

enum Current {
    None,
    Files(FoundFiles),
    Lines {
        path: String,
        reader: Box<dyn BufRead + Send>,
        line: u64,
        offset: u64,
    },
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("jsonl", &self.jsonl)
            .finish_non_exhaustive()
    }
}

impl Inputs {
    /// Article files: each path is a file, a folder (every `*.txt` below
    /// it, in name order) or `-` for one document on standard input.
    #[must_use]
    pub fn files(paths: Vec<PathBuf>) -> Inputs {
        Inputs {
            paths: paths.into_iter(),
            jsonl: false,
            options: ReadOptions::default(),
            current: Current::None,
        }
    }

    /// JSON Lines files of records (`-` for standard input), read line by
    /// line.
    #[must_use]
    pub fn jsonl(paths: Vec<PathBuf>) -> Inputs {
        Inputs {
            jsonl: true,
            ..Inputs::files(paths)
        }
    }

    /// The same inputs under other limits (the defaults are those of
    /// [`ReadOptions::default`]); `max_file_bytes` also bounds each JSON
    /// Lines record.
    #[must_use]
    pub fn with_options(self, options: ReadOptions) -> Inputs {
        Inputs { options, ..self }
    }

    fn open(&mut self, path: PathBuf) -> Option<Raw> {
        let is_stdin = path.as_os_str() == "-";
        if self.jsonl {
            let reader: Box<dyn BufRead + Send> = if is_stdin {
                Box::new(BufReader::with_capacity(1 << 16, io::stdin()))
            } else {
                match File::open(&path) {
                    Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
                    Err(source) => {
                        return Some(Raw::Failed(
                            corpus_format::Error::Io { path, source }.into(),
                        ));
                    }
                }
            };
            self.current = Current::Lines {
                path: path.display().to_string(),
                reader,
                line: 0,
                offset: 0,
            };
            None
        } else if is_stdin {
            Some(read_stdin(&self.options))
        } else {
            self.current = Current::Files(walk_dir(path, self.options));
            None
        }
    }
}

/// Standard input as one document named `-`.
fn read_stdin(options: &ReadOptions) -> Raw {
    let path = PathBuf::from("-");
    let mut bytes = Vec::new();
    let limit = options.max_file_bytes;
    let read = io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes);
    if let Err(source) = read {
        return Raw::Failed(corpus_format::Error::Io { path, source }.into());
    }
    if bytes.len() as u64 > limit {
        return Raw::Failed(
            corpus_format::Error::LimitExceeded {
                path,
                which: corpus_format::Limit::FileBytes,
                what: "file size in bytes",
                actual: bytes.len() as u64,
                limit,
            }
            .into(),
        );
    }
    Raw::File(SourceFile {
        name: FileName {
            ordinal: None,
            id: "-".to_owned(),
        },
        path,
        bytes,
    })
}

impl Iterator for Inputs {
    type Item = RawInput;

    fn next(&mut self) -> Option<RawInput> {
        loop {
            match &mut self.current {
                Current::None => {
                    let path = self.paths.next()?;
                    if let Some(raw) = self.open(path) {
                        return Some(RawInput(raw));
                    }
                }
                Current::Files(files) => match files.next() {
                    Some(Ok(found)) => return Some(RawInput(Raw::Found(found, self.options))),
                    Some(Err(e)) => return Some(RawInput(Raw::Failed(e.into()))),
                    None => self.current = Current::None,
                },
                Current::Lines {
                    path,
                    reader,
                    line,
                    offset,
                } => {
                    let mut bytes = Vec::new();
                    // A record may hold `max_file_bytes` of JSON and its
                    // newline; reading stops there, so a longer record is
                    // seen as one byte over the limit without its newline.
                    let limit = self.options.max_file_bytes;
                    let read = (&mut *reader)
                        .take(limit.saturating_add(1))
                        .read_until(b'\n', &mut bytes);
                    match read {
                        Ok(0) => self.current = Current::None,
                        Ok(n) => {
                            *line += 1;
                            let start = *offset;
                            *offset += n as u64;
                            let record_len = bytes.len() - usize::from(bytes.ends_with(b"\n"));
                            if record_len as u64 > limit {
                                // Skip the rest of the record, without keeping it.
                                let rest = reader.skip_until(b'\n').unwrap_or(0);
                                *offset += rest as u64;
                                let failed = corpus_format::Error::LimitExceeded {
                                    path: PathBuf::from(format!("{path}:{line}")),
                                    which: corpus_format::Limit::FileBytes,
                                    what: "record size in bytes (at least)",
                                    actual: record_len as u64,
                                    limit,
                                };
                                return Some(RawInput(Raw::Failed(failed.into())));
                            }
                            if bytes.iter().all(u8::is_ascii_whitespace) {
                                continue;
                            }
                            return Some(RawInput(Raw::Line {
                                path: path.clone(),
                                line: *line,
                                offset: start,
                                bytes,
                            }));
                        }
                        Err(source) => {
                            let failed = corpus_format::Error::Io {
                                path: PathBuf::from(path.as_str()),
                                source,
                            };
                            self.current = Current::None;
                            return Some(RawInput(Raw::Failed(failed.into())));
                        }
                    }
                }
            }
        }
    }
}

/// One input as read from disk or a stream, not yet decoded; see [`Inputs`].
#[derive(Debug)]
pub struct RawInput(Raw);

/// What a run did: documents processed and failed, bytes read, time taken.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Run {
    /// Documents processed successfully.
    pub documents: u64,
    /// Inputs that failed (reported on stderr).
    pub failed: u64,
    /// Bytes of input read.
    pub bytes: u64,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
    /// Whether the run stopped early because the output was closed (as by
    /// `| head`).
    pub output_closed: bool,
}

impl Run {
    /// Megabytes (10^6 bytes) per second.
    #[must_use]
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        }
    }

    /// The exit code CLI.md asks for: 1 if any input failed, else 0.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        u8::from(self.failed > 0)
    }

    /// The one-line throughput summary: documents, MB, seconds, MB/s.
    #[must_use]
    pub fn throughput_line(&self) -> String {
        format!(
            "{} documents, {:.2} MB in {:.3} s, {:.1} MB/s",
            self.documents,
            self.bytes as f64 / 1e6,
            self.elapsed.as_secs_f64(),
            self.mb_per_s()
        )
    }
}

/// Runs work on documents in parallel and hands the results back in input
/// order.
#[derive(Debug, Clone, Copy)]
pub struct Pipeline {
    threads: Option<NonZeroUsize>,
    progress: bool,
}

/// Whether the consumer wants more.
enum Flow {
    More,
    /// The output was closed (`| head`): stop quietly.
    Closed,
}

/// The totals of one chunk folded on the pool; see [`Pipeline::run_folded`].
struct Folded<A> {
    acc: A,
    documents: u64,
    bytes: u64,
    /// Errors with their position in the chunk, to report them in order.
    errors: Vec<(usize, InputError)>,
}

impl Pipeline {
    /// A pipeline with `threads` workers (`None`: all cores). It draws a
    /// progress bar when stderr is a terminal.
    ///
    /// The workers read the files themselves; besides them, one thread
    /// walks the folders (or reads standard input and JSON Lines) and the
    /// calling thread consumes the results.
    #[must_use]
    pub fn new(threads: Option<NonZeroUsize>) -> Pipeline {
        Pipeline {
            threads,
            progress: io::stderr().is_terminal(),
        }
    }

    /// Runs `work` on every input and `consume` on every result, in input
    /// order.
    ///
    /// Inputs are listed on one thread (files are found there and read on
    /// the pool, so reading runs in parallel too) and cut into chunks of at
    /// most [`CHUNK_DOCUMENTS`] documents or [`CHUNK_BYTES`] bytes, a file
    /// counting for its size when found; each chunk is processed on the
    /// pool; `consume` runs on the calling thread. At most
    /// [`CHUNKS_IN_FLIGHT`] chunks wait at each stage, so memory stays flat
    /// however large the corpus. An input that fails (unreadable, not
    /// UTF-8, bad record, or an error from `work`) is reported on stderr
    /// with its path and byte offset and counted in [`Run::failed`]; the
    /// others go on. When `consume` fails with a broken pipe, the run stops
    /// quietly.
    ///
    /// # Errors
    ///
    /// Any other error of `consume` (writing the output), or a thread pool
    /// that cannot be built.
    pub fn run<T, W, C>(&self, inputs: Inputs, work: W, mut consume: C) -> io::Result<Run>
    where
        T: Send,
        W: Fn(&Doc) -> Result<T, InputError> + Sync,
        C: FnMut(T) -> io::Result<()>,
    {
        let process = |chunk: Vec<RawInput>| -> Vec<(usize, Result<T, InputError>)> {
            chunk
                .into_par_iter()
                .with_max_len(1)
                .map(|RawInput(raw)| {
                    let (bytes, doc) = raw.read();
                    (bytes, doc.and_then(|doc| work(&doc)))
                })
                .collect()
        };
        self.drive(inputs, process, |done, run, bar| {
            for (bytes, result) in done {
                run.bytes += bytes as u64;
                match result {
                    Ok(value) => {
                        run.documents += 1;
                        if let Some(flow) = closed(consume(value))? {
                            return Ok(flow);
                        }
                    }
                    Err(error) => {
                        run.failed += 1;
                        report(bar, &error);
                    }
                }
            }
            Ok(Flow::More)
        })
    }

    /// Runs `work` on every input and folds the results on the pool, for
    /// totals that merge in any grouping (such as
    /// `corpus_stats::CorpusStats`).
    ///
    /// Within each chunk, `fold` adds results to accumulators made by
    /// `init` and `merge` joins two accumulators (the earlier inputs' first);
    /// `consume` gets one accumulator per chunk, in input order, on the
    /// calling thread. This keeps the merging off the calling thread, which
    /// would otherwise be the bottleneck. Inputs and errors are handled as
    /// in [`Pipeline::run`].
    ///
    /// # Errors
    ///
    /// As [`Pipeline::run`].
    pub fn run_folded<T, A, W, I, F, M, C>(
        &self,
        inputs: Inputs,
        work: W,
        init: I,
        fold: F,
        merge: M,
        mut consume: C,
    ) -> io::Result<Run>
    where
        A: Send,
        W: Fn(&Doc) -> Result<T, InputError> + Sync,
        I: Fn() -> A + Sync,
        F: Fn(A, T) -> A + Sync,
        M: Fn(A, A) -> A + Sync,
        C: FnMut(A) -> io::Result<()>,
    {
        let empty = || Folded {
            acc: init(),
            documents: 0,
            bytes: 0,
            errors: Vec::new(),
        };
        let process = |chunk: Vec<RawInput>| -> Folded<A> {
            chunk
                .into_par_iter()
                .enumerate()
                .fold(empty, |mut f, (i, RawInput(raw))| {
                    let (bytes, doc) = raw.read();
                    f.bytes += bytes as u64;
                    match doc.and_then(|doc| work(&doc)) {
                        Ok(value) => {
                            f.acc = fold(f.acc, value);
                            f.documents += 1;
                        }
                        Err(e) => f.errors.push((i, e)),
                    }
                    f
                })
                .reduce(empty, |mut a, mut b| {
                    a.errors.append(&mut b.errors);
                    Folded {
                        acc: merge(a.acc, b.acc),
                        documents: a.documents + b.documents,
                        bytes: a.bytes + b.bytes,
                        errors: a.errors,
                    }
                })
        };
        self.drive(inputs, process, |mut folded, run, bar| {
            run.bytes += folded.bytes;
            run.documents += folded.documents;
            run.failed += folded.errors.len() as u64;
            folded.errors.sort_by_key(|(i, _)| *i);
            for (_, error) in &folded.errors {
                report(bar, error);
            }
            Ok(closed(consume(folded.acc))?.unwrap_or(Flow::More))
        })
    }

    /// The three stages: a reader thread lists the inputs and cuts them into
    /// chunks, a
    /// worker thread runs `process` on each chunk on the pool, and the
    /// calling thread hands each processed chunk to `on_chunk`, in order.
    fn drive<O, P, H>(&self, inputs: Inputs, process: P, mut on_chunk: H) -> io::Result<Run>
    where
        O: Send,
        P: Fn(Vec<RawInput>) -> O + Sync,
        H: FnMut(O, &mut Run, &Option<indicatif::ProgressBar>) -> io::Result<Flow>,
    {
        let start = Instant::now();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads.map_or(0, NonZeroUsize::get))
            .thread_name(|i| format!("worker-{i}"))
            .build()
            .map_err(io::Error::other)?;
        let bar = self.progress.then(progress_bar);
        let mut run = Run {
            documents: 0,
            failed: 0,
            bytes: 0,
            elapsed: Duration::ZERO,
            output_closed: false,
        };
        let result = std::thread::scope(|scope| -> io::Result<()> {
            let (chunk_tx, chunk_rx) = sync_channel::<Vec<RawInput>>(CHUNKS_IN_FLIGHT);
            let (done_tx, done_rx) = sync_channel::<O>(CHUNKS_IN_FLIGHT);
            std::thread::Builder::new()
                .name("reader".into())
                .spawn_scoped(scope, move || read_chunks(inputs, chunk_tx))?;
            let (pool, process) = (&pool, &process);
            std::thread::Builder::new()
                .name("chunks".into())
                .spawn_scoped(scope, move || {
                    for chunk in chunk_rx {
                        if done_tx.send(pool.install(|| process(chunk))).is_err() {
                            return; // the run stopped early
                        }
                    }
                })?;
            for done in done_rx {
                if let Flow::Closed = on_chunk(done, &mut run, &bar)? {
                    run.output_closed = true;
                    return Ok(());
                }
                if let Some(bar) = &bar {
                    bar.set_position(run.documents + run.failed);
                    let mb = run.bytes as f64 / 1e6;
                    let secs = start.elapsed().as_secs_f64().max(1e-3);
                    bar.set_message(format!("{mb:.1} MB, {:.1} MB/s", mb / secs));
                }
            }
            Ok(())
        });
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        run.elapsed = start.elapsed();
        result.map(|()| run)
    }
}

/// `Some(Flow::Closed)` when writing failed because the output was closed,
/// `None` when it succeeded; other errors are passed on.
fn closed(result: io::Result<()>) -> io::Result<Option<Flow>> {
    match result {
        Ok(()) => Ok(None),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Some(Flow::Closed)),
        Err(e) => Err(e),
    }
}

/// Reports a failed input on stderr, above the progress bar if there is one.
fn report(bar: &Option<indicatif::ProgressBar>, error: &InputError) {
    let message = format!("error: {error}");
    match bar {
        Some(bar) => bar.suspend(|| eprintln!("{message}")),
        None => eprintln!("{message}"),
    }
}

fn progress_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        None,
        indicatif::ProgressDrawTarget::stderr_with_hz(10),
    );
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} {pos} documents, {msg} [{elapsed_precise}]",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(100));
    bar
}

/// Reader thread: lists the inputs and cuts them into bounded chunks.
fn read_chunks(inputs: Inputs, tx: SyncSender<Vec<RawInput>>) {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    for input in inputs {
        bytes += input.0.len();
        chunk.push(input);
        if chunk.len() >= CHUNK_DOCUMENTS || bytes >= CHUNK_BYTES {
            if tx.send(std::mem::take(&mut chunk)).is_err() {
                return; // the run stopped early
            }
            bytes = 0;
        }
    }
    if !chunk.is_empty() {
        let _ = tx.send(chunk);
    }
}

/// Standard output, buffered and locked, for the programs to write to.
#[must_use]
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// Writes `line` and a newline.
///
/// # Errors
///
/// Those of the writer.
pub fn write_line(out: &mut impl Write, line: &str) -> io::Result<()> {
    out.write_all(line.as_bytes())?;
    out.write_all(b"\n")
}

/// Flushes `out` and gives the exit code of `run` (CLI.md): 1 if any input
/// failed, else 0. A closed output (`| head`) is not an error.
///
/// # Errors
///
/// Any other error of the final flush.
pub fn finish(mut out: impl Write, run: &Run) -> io::Result<std::process::ExitCode> {
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
        _ => {}
    }
    Ok(std::process::ExitCode::from(run.exit_code()))
}

/// Serializes a decimal as a JSON number: an integer when it is one
/// (`32300`), else the nearest float (`12.5`); `None` as `null`.
///
/// For `#[serde(serialize_with = "corpus_examples::json_number")]`.
///
/// # Errors
///
/// Those of the serializer.
pub fn json_number<S: serde::Serializer>(
    value: &Option<rust_decimal::Decimal>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use rust_decimal::prelude::ToPrimitive;
    let Some(d) = *value else {
        return s.serialize_none();
    };
    // Most figures are whole numbers: nothing to normalize.
    if d.scale() == 0
        && let Some(i) = d.to_i64()
    {
        return s.serialize_i64(i);
    }
    let d = d.normalize();
    match (d.scale(), d.to_i64(), d.to_f64()) {
        (0, Some(i), _) => s.serialize_i64(i),
        (_, _, Some(f)) => s.serialize_f64(f),
        _ => s.serialize_none(),
    }
}

/// The words around `span` in `text`, on one line: at most about `width`
/// bytes on each side, cut at spaces, within the paragraph (blocks are
/// separated by a blank line), with `…` where the context was cut.
///
/// ```
/// let text = "First block.\n\nAid reached over 32,000 people\nin the north.";
/// let at = text.find("32,000").unwrap();
/// let span = corpus_format::Span::new(at, at + 6);
/// assert_eq!(corpus_examples::context(text, span, 40), "Aid reached over 32,000 people in the north.");
/// assert_eq!(corpus_examples::context(text, span, 8), "…over 32,000 people…");
/// ```
#[must_use]
pub fn context(text: &str, span: corpus_format::Span, width: usize) -> String {
    let (Some(_), Some(item), Some(_)) = (
        text.get(..span.start),
        text.get(span.range()),
        text.get(span.end..),
    ) else {
        return String::new();
    };
    let bytes = text.as_bytes();
    // Paragraph breaks are looked for only as far as the context reaches
    // (and one break's length more, for a break across its edge).
    let break_in = |from: usize, to: usize| {
        bytes
            .get(from..to)
            .and_then(|b| b.windows(2).rposition(|w| w == b"\n\n").map(|p| from + p))
    };
    let lo = span.start.saturating_sub(width);
    let (mut left, cut_left) = match break_in(lo.saturating_sub(2), span.start) {
        Some(p) => (p + 2, false),
        None => (lo, lo > 0),
    };
    while !text.is_char_boundary(left) {
        left += 1;
    }
    let mut left_text = &text[left..span.start];
    if cut_left {
        // Start at a word.
        left_text = left_text
            .find(char::is_whitespace)
            .map_or("", |i| &left_text[i..])
            .trim_start();
    }
    let hi = span.end.saturating_add(width).min(text.len());
    let first_break = bytes
        .get(span.end..(hi + 2).min(text.len()))
        .and_then(|b| b.windows(2).position(|w| w == b"\n\n"))
        .map(|p| span.end + p);
    let (mut right, cut_right) = match first_break {
        Some(q) => (q, false),
        None => (hi, hi < text.len()),
    };
    while !text.is_char_boundary(right) {
        right -= 1;
    }
    let mut right_text = &text[span.end..right];
    if cut_right {
        right_text = &right_text[..right_text.rfind(char::is_whitespace).unwrap_or(0)];
    }
    let mut out = String::with_capacity(left_text.len() + item.len() + right_text.len() + 8);
    if cut_left {
        out.push('…');
    }
    for part in [left_text, item, right_text] {
        out.extend(part.chars().map(|c| if c == '\n' { ' ' } else { c }));
    }
    if cut_right {
        out.push('…');
    }
    out
}

/// The folder of the sample corpus bundled with the package.
#[must_use]
pub fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_cuts_at_words_within_the_paragraph() {
        let text = "Before.\n\nThe toll rose to over 32,300 people,\nofficials said.\n\nAfter.";
        let at = text.find("32,300").unwrap();
        let span = corpus_format::Span::new(at, at + 6);
        assert_eq!(
            context(text, span, 100),
            "The toll rose to over 32,300 people, officials said."
        );
        assert_eq!(context(text, span, 12), "…to over 32,300 people,…");
        assert_eq!(context(text, span, 0), "…32,300…");
        // A span out of bounds or inside a character gives nothing.
        assert_eq!(context("é", corpus_format::Span::new(1, 2), 5), "");
        assert_eq!(context("ab", corpus_format::Span::new(1, 9), 5), "");
    }

    /// The context as first written: the whole paragraph around the item
    /// split off, then cut to the width.
    fn context_naive(text: &str, span: corpus_format::Span, width: usize) -> String {
        let (Some(before), Some(item), Some(after)) = (
            text.get(..span.start),
            text.get(span.range()),
            text.get(span.end..),
        ) else {
            return String::new();
        };
        let before = before.rsplit("\n\n").next().unwrap_or("");
        let after = after.split("\n\n").next().unwrap_or("");
        let mut left = before.len().saturating_sub(width);
        while !before.is_char_boundary(left) {
            left += 1;
        }
        let mut left_text = &before[left..];
        let cut_left = left > 0;
        if cut_left {
            // Start at a word.
            left_text = left_text
                .find(char::is_whitespace)
                .map_or("", |i| &left_text[i..])
                .trim_start();
        }
        let mut right = width.min(after.len());
        while !after.is_char_boundary(right) {
            right -= 1;
        }
        let mut right_text = &after[..right];
        let cut_right = right < after.len();
        if cut_right {
            right_text = &right_text[..right_text.rfind(char::is_whitespace).unwrap_or(0)];
        }
        let mut out = String::with_capacity(left_text.len() + item.len() + right_text.len() + 8);
        if cut_left {
            out.push('…');
        }
        for part in [left_text, item, right_text] {
            out.extend(part.chars().map(|c| if c == '\n' { ' ' } else { c }));
        }
        if cut_right {
            out.push('…');
        }
        out
    }

    use proptest::strategy::Strategy as _;

    /// JSON of a figure value by its definition: normalized first.
    fn json_number_naive(value: Option<rust_decimal::Decimal>) -> String {
        use rust_decimal::prelude::ToPrimitive;
        match value.map(|d| d.normalize()) {
            None => "null".to_owned(),
            Some(d) => match (d.scale(), d.to_i64(), d.to_f64()) {
                (0, Some(i), _) => i.to_string(),
                (_, _, Some(f)) => serde_json::to_string(&f).unwrap(),
                _ => "null".to_owned(),
            },
        }
    }

    proptest::proptest! {
        #[test]
        fn numbers_are_written_as_normalized(
            mantissa in proptest::prop_oneof![
                -1_000_000i128..1_000_000,
                proptest::num::i64::ANY.prop_map(i128::from),
                -(1i128 << 95) + 1..(1i128 << 95),
            ],
            scale in 0u32..=28,
            some: bool,
        ) {
            let value = some.then(|| rust_decimal::Decimal::from_i128_with_scale(mantissa, scale));
            let mut out = Vec::new();
            json_number(&value, &mut serde_json::Serializer::new(&mut out)).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), json_number_naive(value));
        }

        #[test]
        fn context_is_that_of_the_whole_paragraph(
            text in "[a-zé \n.,0-9]{0,120}",
            a in 0usize..130,
            b in 0usize..130,
            width in 0usize..40,
        ) {
            let (start, end) = (a.min(b), a.max(b));
            let span = corpus_format::Span::new(start, end);
            proptest::prop_assert_eq!(context(&text, span, width), context_naive(&text, span, width));
        }

        #[test]
        fn context_holds_the_item_and_never_panics(
            text in "[a-zé \n.,0-9]{0,80}",
            a in 0usize..90,
            b in 0usize..90,
            width in 0usize..30,
        ) {
            let (start, end) = (a.min(b), a.max(b));
            let span = corpus_format::Span::new(start, end);
            let out = context(&text, span, width);
            if let Some(item) = text.get(start..end) {
                if !item.contains("\n\n") {
                    proptest::prop_assert!(out.contains(&item.replace('\n', " ")), "{out:?}");
                }
                // At most the width on each side, plus the cut marks.
                proptest::prop_assert!(out.len() <= item.len() + 2 * width + 6);
            }
        }
    }

    #[test]
    fn offsets_of_json_errors() {
        assert_eq!(line_offset(b"{\"id\": 1,}", 1, 10), 9);
        assert_eq!(line_offset(b"ab\ncd", 2, 2), 4);
        assert_eq!(line_offset(b"ab", 1, 99), 2);
    }

    #[test]
    fn records_accept_numeric_ids_and_optional_dates() {
        let r: Record = serde_json::from_str(r#"{"id": 7, "text": "x"}"#).unwrap();
        assert_eq!((r.id.as_str(), r.date), ("7", None));
        let r: Record =
            serde_json::from_str(r#"{"id": "a", "text": "x", "date": "2024-03-26"}"#).unwrap();
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2024, 3, 26));
        assert!(serde_json::from_str::<Record>(r#"{"id": "a"}"#).is_err());
        assert!(
            serde_json::from_str::<Record>(r#"{"id": "a", "text": "", "date": "2024-02-30"}"#)
                .is_err()
        );
    }
}
