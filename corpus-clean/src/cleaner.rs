//! The [`Cleaner`], its builder, and the [`Cleaned`] result.

use std::borrow::Cow;

use crate::badness::BadScan;
use crate::boilerplate::Boilerplate;
use corpus_format::Span;

use crate::edit::{Edit, apply_edits, apply_edits_into, compose, map_offset, map_output_offset};
use crate::normalize::Normalization;
use crate::{chars, entity, mojibake, normalize, typography, whitespace};

/// Most passes of the whole pipeline over one text. The second pass finds
/// what the first one uncovered (an entity that decoded into mojibake, a
/// line that became a trailer); a pass that changes nothing ends the loop.
const MAX_PASSES: usize = 4;

/// Most rounds of entity decoding (`&amp;amp;` is decoded in one round; a
/// reference spelled with references, `&lt&#59;`, needs another).
const MAX_ENTITY_ROUNDS: usize = 4;

/// Errors building a [`Cleaner`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CleanerError {
    /// The boilerplate phrases could not be compiled into a matcher (far
    /// too many or too long).
    #[error("cannot build the boilerplate matcher: {0}")]
    Boilerplate(#[from] aho_corasick::BuildError),
}

/// A configured text cleaner. Cheap to share between threads; build it once.
///
/// See the [crate documentation](crate) for the steps and their order.
#[derive(Debug, Clone)]
pub struct Cleaner {
    html_entities: bool,
    mojibake: bool,
    control: bool,
    invisible: bool,
    spaces: bool,
    normalization: Option<Normalization>,
    typography: bool,
    boilerplate: Option<Boilerplate>,
    whitespace: bool,
}

impl Default for Cleaner {
    /// Every step on except typography folding; NFC; the built-in trailers.
    fn default() -> Cleaner {
        match Cleaner::builder().build() {
            Ok(c) => c,
            // The built-in phrases always compile; without a matcher the
            // cleaner still does every other step.
            Err(_) => Cleaner {
                boilerplate: None,
                ..CleanerBuilder::default().unchecked()
            },
        }
    }
}

/// Builder of a [`Cleaner`]; every switch defaults to the value of
/// [`Cleaner::default`].
#[derive(Debug, Clone)]
pub struct CleanerBuilder {
    html_entities: bool,
    mojibake: bool,
    control: bool,
    invisible: bool,
    spaces: bool,
    normalization: Option<Normalization>,
    typography: bool,
    boilerplate: bool,
    phrases: Vec<String>,
    whitespace: bool,
}

impl Default for CleanerBuilder {
    fn default() -> CleanerBuilder {
        CleanerBuilder {
            html_entities: true,
            mojibake: true,
            control: true,
            invisible: true,
            spaces: true,
            normalization: Some(Normalization::Nfc),
            typography: false,
            boilerplate: true,
            phrases: Vec::new(),
            whitespace: true,
        }
    }
}

impl CleanerBuilder {
    /// Decode HTML character references (default: on).
    #[must_use]
    pub fn html_entities(mut self, on: bool) -> Self {
        self.html_entities = on;
        self
    }

    /// Repair mojibake and C1 controls (default: on).
    #[must_use]
    pub fn mojibake(mut self, on: bool) -> Self {
        self.mojibake = on;
        self
    }

    /// Remove control characters (default: on).
    #[must_use]
    pub fn control(mut self, on: bool) -> Self {
        self.control = on;
        self
    }

    /// Remove invisible characters: zero-width space, BOM, soft hyphen…
    /// (default: on).
    #[must_use]
    pub fn invisible(mut self, on: bool) -> Self {
        self.invisible = on;
        self
    }

    /// Replace unusual spaces by a space (default: on).
    #[must_use]
    pub fn spaces(mut self, on: bool) -> Self {
        self.spaces = on;
        self
    }

    /// Unicode normalization form, or `None` for none (default: NFC).
    #[must_use]
    pub fn normalization(mut self, form: Option<Normalization>) -> Self {
        self.normalization = form;
        self
    }

    /// Fold curly quotes, dashes and the ellipsis to ASCII (default: off).
    #[must_use]
    pub fn typography(mut self, on: bool) -> Self {
        self.typography = on;
        self
    }

    /// Remove scraper trailers and prompts (default: on).
    #[must_use]
    pub fn boilerplate(mut self, on: bool) -> Self {
        self.boilerplate = on;
        self
    }

    /// Adds a trailer phrase to the built-in list
    /// ([`BUILTIN_PHRASES`](crate::BUILTIN_PHRASES)). Trailing decoration
    /// (`>>`, `…`) and surrounding spaces are ignored; an empty phrase is
    /// ignored.
    #[must_use]
    pub fn boilerplate_phrase(mut self, phrase: impl Into<String>) -> Self {
        self.phrases.push(phrase.into());
        self
    }

    /// Collapse runs of spaces, trim line ends, make line breaks `\n`
    /// (default: on).
    #[must_use]
    pub fn whitespace(mut self, on: bool) -> Self {
        self.whitespace = on;
        self
    }

    fn unchecked(self) -> Cleaner {
        Cleaner {
            html_entities: self.html_entities,
            mojibake: self.mojibake,
            control: self.control,
            invisible: self.invisible,
            spaces: self.spaces,
            normalization: self.normalization,
            typography: self.typography,
            boilerplate: None,
            whitespace: self.whitespace,
        }
    }

    /// Builds the cleaner.
    ///
    /// # Errors
    ///
    /// [`CleanerError::Boilerplate`] when the boilerplate phrases cannot be
    /// compiled (only with an enormous list of added phrases).
    pub fn build(self) -> Result<Cleaner, CleanerError> {
        let boilerplate = if self.boilerplate {
            Some(Boilerplate::new(&self.phrases)?)
        } else {
            None
        };
        Ok(Cleaner {
            boilerplate,
            ..self.unchecked()
        })
    }
}

/// The result of [`Cleaner::clean`]: the cleaned text and the edits that
/// made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned<'a> {
    /// The cleaned text; borrowed from the input when nothing changed.
    pub text: Cow<'a, str>,
    /// The edits, sorted, non-overlapping, with spans in the input:
    /// [`apply_edits`](crate::apply_edits)`(input, &edits)` gives `text`.
    pub edits: Vec<Edit>,
    input_len: usize,
}

impl<'a> Cleaned<'a> {
    /// The cleaned text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The edits, with spans in the input.
    #[must_use]
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Whether the cleaner changed anything.
    #[must_use]
    pub fn is_changed(&self) -> bool {
        !self.edits.is_empty()
    }

    /// Maps a byte offset of the cleaned text to the input (see
    /// [`map_output_offset`](crate::map_output_offset)).
    #[must_use]
    pub fn input_offset(&self, output_offset: usize) -> usize {
        map_output_offset(&self.edits, output_offset, self.input_len)
    }

    /// Maps a span of the cleaned text to the span of the input it was made
    /// from (a span that cuts through a replacement grows to cover all of
    /// the replaced bytes).
    #[must_use]
    pub fn input_span(&self, output: Span) -> Span {
        let start = map_offset(&self.edits, output.start, self.input_len, false);
        let end = map_offset(&self.edits, output.end, self.input_len, true);
        Span::new(start.min(end), end.max(start))
    }

    /// The text and the edits.
    #[must_use]
    pub fn into_parts(self) -> (Cow<'a, str>, Vec<Edit>) {
        (self.text, self.edits)
    }
}

impl Cleaner {
    /// A builder with the default settings.
    #[must_use]
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// Cleans `input`.
    ///
    /// Text with nothing to fix comes back borrowed: a quick scan (ASCII
    /// without controls, `&`, double spaces, spaces before a line break or a
    /// trailer at a line end) decides without allocating.
    #[must_use]
    pub fn clean<'a>(&self, input: &'a str) -> Cleaned<'a> {
        self.clean_impl(input, false)
    }

    /// Cleans one line of a document block: as [`Cleaner::clean`], but
    /// whitespace left at the start of the line is removed too.
    pub(crate) fn clean_line<'a>(&self, input: &'a str) -> Cleaned<'a> {
        self.clean_impl(input, true)
    }

    fn clean_impl<'a>(&self, input: &'a str, trim_start: bool) -> Cleaned<'a> {
        let unchanged = Cleaned {
            text: Cow::Borrowed(input),
            edits: Vec::new(),
            input_len: input.len(),
        };
        if !self.needs_work(input, trim_start) {
            return unchanged;
        }
        self.clean_chunked(input, trim_start, MIN_CHUNK)
            .unwrap_or(unchanged)
    }

    /// Cleans `input` in chunks of at least `min_chunk` bytes; `None` when
    /// nothing changed.
    ///
    /// Every step works line by line, so long texts are cleaned in chunks of
    /// whole lines: the texts and edit lists the steps make stay small, in
    /// cache and off the system allocator's fresh pages.
    fn clean_chunked<'a>(
        &self,
        input: &'a str,
        trim_start: bool,
        min_chunk: usize,
    ) -> Option<Cleaned<'a>> {
        let mut out: Option<String> = None;
        let mut edits = Vec::new();
        let mut copied = 0; // Input bytes before this offset are in `out`.
        let mut start = 0;
        while start < input.len() {
            let end = chunk_end(input.as_bytes(), start, min_chunk);
            let Some(chunk) = input.get(start..end) else {
                break;
            };
            if let Some((mut chunk_edits, text)) = self.clean_chunk(chunk, trim_start) {
                let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
                o.push_str(input.get(copied..start).unwrap_or(""));
                o.push_str(&text);
                copied = end;
                for e in &mut chunk_edits {
                    e.span = e.span.shift(start);
                }
                if edits.capacity() - edits.len() < chunk_edits.len() {
                    // Room for as many edits per byte in the rest.
                    let expected = (edits.len() + chunk_edits.len()) * input.len() / end.max(1);
                    edits.reserve(expected.saturating_sub(edits.len()).max(chunk_edits.len()));
                }
                edits.append(&mut chunk_edits);
            }
            start = end;
        }
        let mut text = out?;
        text.push_str(input.get(copied..).unwrap_or(""));
        Some(Cleaned {
            text: Cow::Owned(text),
            edits,
            input_len: input.len(),
        })
    }

    /// Cleans one chunk of whole lines: its edits and text, or `None` when
    /// nothing changed.
    fn clean_chunk(&self, input: &str, trim_start: bool) -> Option<(Vec<Edit>, String)> {
        if self.is_settled(input, trim_start) {
            return None;
        }
        let (mut edits, unsettled, out) = self.run_once(input, trim_start);
        if edits.is_empty() {
            return None;
        }
        let mut text = out.into_owned();
        // Only lines whose changes may give an earlier step new work are
        // cleaned again.
        let mut changed = unsettled;
        for _ in 1..MAX_PASSES {
            let more = self.rerun_changed_lines(&text, &changed, trim_start);
            if more.is_empty() {
                break;
            }
            let next = apply_edits(&text, &more);
            changed = output_regions(&more).collect();
            edits = compose(edits, more, &text);
            text = next;
        }
        Some((edits, text))
    }

    /// Runs a pass on each line of `text` that one of the sorted `regions`
    /// touches; edits relative to `text`.
    fn rerun_changed_lines(
        &self,
        text: &str,
        regions: &[(usize, usize)],
        trim_start: bool,
    ) -> Vec<Edit> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut done = 0; // End of the last line re-run.
        for &(out_start, out_end) in regions {
            // A region ending where the next line starts (a removal at the
            // start of a line) still concerns that line.
            if out_end < done {
                continue;
            }
            let from = out_start.max(done).min(bytes.len());
            let line_start = memchr::memrchr2(b'\n', b'\r', &bytes[..from]).map_or(0, |p| p + 1);
            let to = out_end.max(from).min(bytes.len());
            let line_end =
                memchr::memchr2(b'\n', b'\r', &bytes[to..]).map_or(bytes.len(), |p| to + p);
            let Some(lines) = text.get(line_start..line_end) else {
                continue;
            };
            if self.needs_work(lines, trim_start) && !self.is_settled(lines, trim_start) {
                for mut e in self.run_once(lines, trim_start).0 {
                    e.span = e.span.shift(line_start);
                    out.push(e);
                }
            }
            done = line_end + 1;
        }
        out
    }

    /// The quick scan: `false` only when no step can change `text`.
    fn needs_work(&self, text: &str, trim_start: bool) -> bool {
        let b = text.as_bytes();
        // Two questions: a byte some step rewrites, and (for the whitespace
        // step) a pair of bytes it would: `  `, ` \n`, `\t\n`, and with
        // `trim_start` also `\n ` and `\n\t`. Without a line feed (a single
        // line, the usual case) the only such pair is `  `, which the first
        // pass looks for; otherwise a second pass tests every pair.
        let scan = scan_bytes::<false>(b, trim_start);
        let work = scan.work
            || (self.whitespace
                && if scan.newline {
                    scan_bytes::<true>(b, trim_start).work
                } else {
                    scan.double_space
                });
        if work {
            return true;
        }
        if self.whitespace
            && (matches!(b.last(), Some(b' ' | b'\t'))
                || (trim_start && matches!(b.first(), Some(b' ' | b'\t'))))
        {
            return true;
        }
        // No `\r` is left (the byte test takes it): without a line feed,
        // the text is one line.
        if let Some(bp) = &self.boilerplate
            && if scan.newline {
                bp.has_trailer(text)
            } else {
                bp.line_has_trailer(text)
            }
        {
            return true;
        }
        false
    }

    /// Whether no step can change `text`: a sufficient condition, made of
    /// the tests each step starts with, so much faster than running them on
    /// text that is already clean (curly quotes and accents included).
    fn is_settled(&self, text: &str, trim_start: bool) -> bool {
        let b = text.as_bytes();
        // ASCII: what the quick scan looks for, but non-ASCII bytes.
        if b.chunks(64).any(has_special_ascii) {
            return false;
        }
        if self.whitespace {
            let has = |pat: &[u8]| memchr::memmem::find(b, pat).is_some();
            if matches!(b.last(), Some(b' ' | b'\t'))
                || (trim_start && matches!(b.first(), Some(b' ' | b'\t')))
                || has(b"  ")
            {
                return false;
            }
            let ws = |at: Option<usize>| {
                at.and_then(|i| b.get(i))
                    .is_some_and(|&x| x == b' ' || x == b'\t')
            };
            if memchr::memchr_iter(b'\n', b)
                .any(|nl| ws(nl.checked_sub(1)) || (trim_start && ws(Some(nl + 1))))
            {
                return false;
            }
        }
        let mut i = crate::scan::next_non_ascii(b, 0);
        if i < b.len() && self.typography {
            return false;
        }
        // Each run of non-ASCII characters, with the tests of the character
        // step, of normalization and of mojibake repair in one visit.
        let mut bad = BadScan::new(true);
        while i < b.len() {
            let first = i;
            let mut plain = true;
            while i < b.len() && b[i] >= 0x80 {
                let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                    return false;
                };
                if !chars::keeps(c) || (self.mojibake && bad.visit(text, i, c)) {
                    return false;
                }
                plain &= normalize::nfc_plain(c);
                i += c.len_utf8();
            }
            if let Some(form) = self.normalization
                && !(form == Normalization::Nfc && plain)
            {
                // The run with the ASCII character before it, as the
                // normalization step cuts the text.
                let start = first.saturating_sub(1);
                match text.get(start..i) {
                    Some(seg) if normalize::quick_check_segment(seg, form) => {}
                    _ => return false,
                }
            }
            i = crate::scan::next_non_ascii(b, i);
        }
        self.boilerplate
            .as_ref()
            .is_none_or(|bp| !bp.has_trailer(text))
    }

    /// One pass of every enabled step: edits relative to `input`, the
    /// regions of the output that may need another pass, and the output.
    fn run_once<'t>(&self, input: &'t str, trim_start: bool) -> (Vec<Edit>, Regions, Cow<'t, str>) {
        let mut p = Pass {
            cur: Cow::Borrowed(input),
            edits: Vec::new(),
            unsettled: Vec::new(),
            spare: String::new(),
        };
        if self.html_entities {
            for _ in 0..MAX_ENTITY_ROUNDS {
                if memchr::memchr(b'&', p.cur.as_bytes()).is_none() || !p.step(true, entity::decode)
                {
                    break;
                }
            }
        }
        if self.mojibake && !p.cur.is_ascii() {
            p.step(true, mojibake::repair);
        }
        if self.control || self.invisible || self.spaces {
            p.step(false, |t| {
                chars::fix(t, self.spaces, self.invisible, self.control)
            });
        }
        if let Some(form) = self.normalization
            && !p.cur.is_ascii()
        {
            p.step(false, |t| normalize::normalize(t, form));
        }
        if self.typography && !p.cur.is_ascii() {
            p.step(false, typography::fold_typography);
        }
        if let Some(bp) = &self.boilerplate {
            p.step(false, |t| bp.remove(t));
        }
        if self.whitespace {
            p.step(false, |t| whitespace::fix(t, trim_start));
        }
        (p.edits, p.unsettled, p.cur)
    }
}

/// Bytes per step of [`scan_bytes`].
const BLOCK: usize = 32;

/// Whether `x` is a byte some step rewrites: a control but tab and line
/// feed, DEL, `&`, or any byte of a non-ASCII character.
#[inline(always)]
fn is_work_byte(x: u8) -> bool {
    ((x < 0x20) & (x != b'\n') & (x != b'\t')) | (x >= 0x7f) | (x == b'&')
}

/// Whether the whitespace step rewrites the pair of bytes `p x`: `  `,
/// ` \n`, `\t\n`, and with `trim_start` also `\n ` and `\n\t`.
#[inline(always)]
fn is_work_pair(p: u8, x: u8, trim_start: bool) -> bool {
    ((p == b' ') & ((x == b' ') | (x == b'\n')))
        | ((p == b'\t') & (x == b'\n'))
        | (trim_start & (p == b'\n') & ((x == b' ') | (x == b'\t')))
}

/// What [`scan_bytes`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ByteScan {
    /// A byte some step rewrites ([`is_work_byte`]) or, when asked for, a
    /// pair of bytes the whitespace step rewrites ([`is_work_pair`]).
    work: bool,
    /// A line feed (without `PAIRS`, and unless `work`).
    newline: bool,
    /// Two spaces in a row (without `PAIRS`, and unless `work`).
    double_space: bool,
}

/// The byte test of [`Cleaner::needs_work`]; with `PAIRS`, the pairs of
/// bytes the whitespace step rewrites count as work too. Stops early once
/// work is found.
///
/// Each block of [`BLOCK`] bytes is tested whole, with the block one byte
/// before it for the pairs, without early exit: the compiler turns the loop
/// into a few vector operations. The last, shorter block is padded with a
/// letter, which no test takes.
fn scan_bytes<const PAIRS: bool>(b: &[u8], trim_start: bool) -> ByteScan {
    let mut found = ByteScan {
        work: false,
        newline: false,
        double_space: false,
    };
    let Some(&first) = b.first() else {
        return found;
    };
    if is_work_byte(first) {
        found.work = true;
        return found;
    }
    found.newline = first == b'\n';
    let mut test = |prev: &[u8; BLOCK], cur: &[u8; BLOCK]| {
        let mut work = 0u8;
        let mut newline = 0u8;
        let mut double_space = 0u8;
        for k in 0..BLOCK {
            let (p, x) = (prev[k], cur[k]);
            work |= u8::from(is_work_byte(x));
            if PAIRS {
                work |= u8::from(is_work_pair(p, x, trim_start));
            } else {
                newline |= u8::from(x == b'\n');
                double_space |= u8::from((p == b' ') & (x == b' '));
            }
        }
        found.work |= work != 0;
        found.newline |= newline != 0;
        found.double_space |= double_space != 0;
        found.work
    };
    let block = |at: usize| {
        b.get(at..at + BLOCK)
            .and_then(|w| <&[u8; BLOCK]>::try_from(w).ok())
    };
    // The pair ending at byte `i` is tested with the byte `i - 1`.
    let mut i = 1;
    while let (Some(prev), Some(cur)) = (block(i - 1), block(i)) {
        if test(prev, cur) {
            return found;
        }
        i += BLOCK;
    }
    let rest = b.get(i - 1..).unwrap_or_default();
    if rest.len() >= 2 {
        let mut prev = [b'a'; BLOCK];
        let mut cur = [b'a'; BLOCK];
        prev[..rest.len() - 1].copy_from_slice(&rest[..rest.len() - 1]);
        cur[..rest.len() - 1].copy_from_slice(&rest[1..]);
        test(&prev, &cur);
    }
    found
}

/// Whether `chunk` has a character some step changes among ASCII ones: a
/// control but tab and line feed, DEL, `&`. Without early exit, so that it
/// compiles to vector code.
#[inline]
fn has_special_ascii(chunk: &[u8]) -> bool {
    chunk.iter().fold(false, |acc, &x| {
        acc | ((x < 0x20) & (x != b'\n') & (x != b'\t')) | (x == 0x7f) | (x == b'&')
    })
}

/// Chunks are at least this long (in bytes) unless the text ends first:
/// long enough that what each chunk costs on its own does not count, short
/// enough for the texts the steps write to stay in cache.
const MIN_CHUNK: usize = 64 << 10;

/// The end of the chunk starting at `start`: after a line break at least
/// `min_chunk` bytes on where cleaning the text on either side apart gives
/// the same edits as cleaning it whole, or the end of the text.
///
/// That is so after a `\n` that ends a line without `\r` or `&` (a `\r`
/// that comes to stand before the `\n`, once what lay between is removed
/// or a reference decoded, makes one edit of `\r\n`, which would merge with
/// an edit at the start of the next line) and that is followed by an ASCII
/// character no step before normalization changes or removes
/// (normalization takes the character before a non-ASCII run with it;
/// entity decoding and control removal could bring one to the start of
/// the line).
fn chunk_end(b: &[u8], start: usize, min_chunk: usize) -> usize {
    let mut from = start.saturating_add(min_chunk).min(b.len());
    while let Some(p) = memchr::memchr(b'\n', b.get(from..).unwrap_or(&[])) {
        let brk = from + p;
        let next = brk + 1;
        let Some(&first) = b.get(next) else {
            return b.len();
        };
        let inert = match first {
            b'\t' | b'\n' | b'\r' => true,
            b'&' | 0x7f.. => false,
            x => x >= 0x20,
        };
        if inert {
            let line_start =
                memchr::memrchr(b'\n', &b[start..brk]).map_or(start, |q| start + q + 1);
            if memchr::memchr2(b'\r', b'&', &b[line_start..brk]).is_none() {
                return next;
            }
        }
        from = next;
    }
    b.len()
}

/// Sorted, disjoint byte ranges of a text.
type Regions = Vec<(usize, usize)>;

/// The state of one pass: the current text and the edits that made it.
struct Pass<'a> {
    cur: Cow<'a, str>,
    edits: Vec<Edit>,
    /// Regions of `cur` written by steps whose output another pass may
    /// change again (all but entity decoding and mojibake repair, which
    /// run first and to a fixed point).
    unsettled: Vec<(usize, usize)>,
    /// A buffer for the next text, reused between steps.
    spare: String,
}

impl Pass<'_> {
    /// Runs one step on the current text; whether it changed anything.
    /// `settled`: the step's output cannot give earlier steps new work.
    fn step(&mut self, settled: bool, f: impl FnOnce(&str) -> Vec<Edit>) -> bool {
        let new = f(&self.cur);
        if new.is_empty() {
            return false;
        }
        let mut next = std::mem::take(&mut self.spare);
        apply_edits_into(&self.cur, &new, &mut next);
        map_regions(&new, &mut self.unsettled);
        if !settled {
            let added: Vec<(usize, usize)> = output_regions(&new).collect();
            self.unsettled = merge_regions(&self.unsettled, &added);
        }
        self.edits = compose(std::mem::take(&mut self.edits), new, &self.cur);
        if let Cow::Owned(old) = std::mem::replace(&mut self.cur, Cow::Owned(next)) {
            self.spare = old;
        }
        true
    }
}

/// Where the replacements of `edits` lie in their output.
fn output_regions(edits: &[Edit]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut delta: isize = 0;
    edits.iter().map(move |e| {
        let start = (e.span.start as isize + delta) as usize;
        delta += e.delta();
        (start, start + e.replacement.len())
    })
}

/// Merges two sorted lists of regions into one sorted list where regions
/// that overlap or touch are joined.
fn merge_regions(a: &[(usize, usize)], b: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x <= y => {
                i += 1;
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, None) => break,
        };
        match out.last_mut() {
            Some(last) if next.0 <= last.1 => last.1 = last.1.max(next.1),
            _ => out.push(next),
        }
    }
    out
}

/// Maps sorted, disjoint regions of a text through `edits` into their
/// output, in one pass; a region end inside a replaced span goes to the end
/// of the replacement, a start to its start.
fn map_regions(edits: &[Edit], regions: &mut [(usize, usize)]) {
    let mut idx = 0;
    let mut delta: isize = 0;
    let mut map = |offset: usize, end: bool| -> usize {
        while let Some(e) = edits.get(idx) {
            if offset < e.span.start || (offset == e.span.start && !end) {
                break;
            }
            if offset < e.span.end {
                let start = (e.span.start as isize + delta) as usize;
                return if end {
                    start + e.replacement.len()
                } else {
                    start
                };
            }
            delta += e.delta();
            idx += 1;
        }
        (offset as isize + delta) as usize
    };
    for r in regions.iter_mut() {
        let start = map(r.0, false);
        let end = map(r.1, true);
        *r = (start, end.max(start));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The quick scan as first written, one search per byte pair.
    fn needs_work_oracle(cleaner: &Cleaner, text: &str, trim_start: bool) -> bool {
        let b = text.as_bytes();
        let find = |pat: &[u8]| memchr::memmem::find(b, pat).is_some();
        b.iter()
            .any(|&x| (x < 0x20 && x != b'\n' && x != b'\t') || x >= 0x7f || x == b'&')
            || (cleaner.whitespace
                && (find(b"  ")
                    || find(b" \n")
                    || find(b"\t\n")
                    || matches!(b.last(), Some(b' ' | b'\t'))
                    || (trim_start
                        && (matches!(b.first(), Some(b' ' | b'\t'))
                            || find(b"\n ")
                            || find(b"\n\t")))))
            || cleaner
                .boilerplate
                .as_ref()
                .is_some_and(|bp| !bp.remove(text).is_empty())
    }

    /// Pieces of clean and damaged text, to glue at random.
    const PIECES: &[&str] = &[
        "a",
        "The",
        " ",
        "  ",
        "\n",
        "\r",
        "\t",
        ".",
        "&",
        "&amp;",
        "é",
        "e\u{301}",
        "\u{301}",
        "“",
        "”",
        "’",
        "—",
        "…",
        "Ã",
        "Â",
        "Ã©",
        "â€™",
        "\u{a0}",
        "\u{200b}",
        "\u{7}",
        "\u{85}",
        "ﬁ",
        "€",
        "Ω",
        "\u{2126}",
        "Москва",
        "가",
        "😀",
        "Read more",
        "Share this:",
        "Œ",
        "œ",
        "В",
        "ü",
        "×",
        "²",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn chunks_give_the_edits_of_the_whole_text(
            parts in prop::collection::vec(
                prop::sample::select(
                    PIECES.iter().copied().chain(["\n", "\n", "\r\n", "\n ", "\n&", "\n\u{301}", "&#769;", "&#13;", "\u{1}", "\u{316}"]).collect::<Vec<_>>()
                ),
                0..40,
            ),
            trim_start: bool,
        ) {
            let text = parts.concat();
            let cleaner = Cleaner::default();
            let whole = cleaner.clean_chunked(&text, trim_start, usize::MAX);
            let lines = cleaner.clean_chunked(&text, trim_start, 1);
            prop_assert_eq!(lines, whole, "{:?}", text);
        }

        #[test]
        fn settled_text_gets_no_edits(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..16),
            trim_start: bool,
            nfkc: bool,
            typography: bool,
        ) {
            let text = parts.concat();
            let form = if nfkc { Normalization::Nfkc } else { Normalization::Nfc };
            let cleaner = Cleaner::builder()
                .normalization(Some(form))
                .typography(typography)
                .build()
                .unwrap();
            if cleaner.is_settled(&text, trim_start) {
                prop_assert!(cleaner.run_once(&text, trim_start).0.is_empty(), "{:?}", text);
            }
        }

        #[test]
        fn quick_scan_agrees_with_one_search_per_pair(
            text in "[ \t\na&é.x]{0,150}",
            trim_start: bool,
            whitespace: bool,
        ) {
            let cleaner = Cleaner::builder().whitespace(whitespace).build().unwrap();
            prop_assert_eq!(
                cleaner.needs_work(&text, trim_start),
                needs_work_oracle(&cleaner, &text, trim_start)
            );
        }

        /// Lines that end, or not, with a trailer, one line or several.
        #[test]
        fn quick_scan_agrees_on_trailers(
            parts in prop::collection::vec(
                prop::sample::select(
                    &["a", "The", " ", ".", "!", "x", "\n", "\n", "»", " >>", "Read more", "Share this:", "read more"][..]
                ),
                0..12,
            ),
            trim_start: bool,
            whitespace: bool,
        ) {
            let text = parts.concat();
            let cleaner = Cleaner::builder().whitespace(whitespace).build().unwrap();
            prop_assert_eq!(
                cleaner.needs_work(&text, trim_start),
                needs_work_oracle(&cleaner, &text, trim_start),
                "{:?}", text
            );
        }

        /// Long runs of plain bytes and whitespace, where the blocks and the
        /// padded last block decide alone; and one rewritten byte anywhere.
        #[test]
        fn quick_scan_agrees_over_blocks(
            text in "[ \t\nab.]{0,200}",
            rare in prop::option::of(("[\r&é\x7f\x01\x1f]", any::<prop::sample::Index>())),
            trim_start: bool,
            whitespace: bool,
        ) {
            let mut text = text;
            if let Some((c, at)) = rare {
                let at = at.index(text.len() + 1);
                text.insert_str(at, &c);
            }
            let cleaner = Cleaner::builder().whitespace(whitespace).build().unwrap();
            prop_assert_eq!(
                cleaner.needs_work(&text, trim_start),
                needs_work_oracle(&cleaner, &text, trim_start),
                "{:?}", text
            );
        }
    }
}
