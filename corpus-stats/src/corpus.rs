//! Per-document and corpus totals that merge in any order.
//!
//! [`DocStats`] holds the figures of one document; [`CorpusStats`] sums
//! them. Every part of a [`CorpusStats`] is a sum (counts, frequency maps)
//! or the top [`LARGEST_FIGURES_KEPT`] items of a multiset under a total
//! order, so [`CorpusStats::merge`] is associative and commutative: shards
//! processed on different machines, in any order and grouping, combine to
//! the same totals. Sums saturate at `u64::MAX` instead of overflowing,
//! which keeps both properties.
//!
//! ```
//! use corpus_stats::{CorpusStats, DocStats};
//!
//! # fn main() -> Result<(), corpus_stats::InvalidMonthError> {
//! let mut doc = DocStats::from_text("The army said. The army left.", 1, 0).with_document("a.txt");
//! doc.add_date_month("2024-03-26")?;
//! let corpus: CorpusStats = [doc, DocStats::from_text("Army news.", 0, 1)].into_iter().collect();
//! assert_eq!((corpus.documents, corpus.words, corpus.sentences), (2, 8, 3));
//! assert_eq!(corpus.top_words(2), [("army", 3), ("the", 2)]);
//! assert_eq!(corpus.dates_by_month["2024-03"], 1);
//! # Ok(())
//! # }
//! ```

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

/// The hasher of [`WordFrequencies`]: foldhash, seeded at random for each
/// map, so that text written to collide cannot know the seed, and several
/// times faster than the standard SipHash on words.
pub type WordHasher = foldhash::fast::RandomState;

/// How often each word occurs: case-folded word to count.
///
/// A hash map, so that counting a word and adding up documents cost one
/// lookup each; it serializes in the order of the words, so that the same
/// totals always give the same JSON.
pub type WordFrequencies = HashMap<String, u64, WordHasher>;

/// Serializes word frequencies in the order of the words.
fn sorted_frequencies<S: Serializer>(map: &WordFrequencies, s: S) -> Result<S::Ok, S::Error> {
    let mut entries: Vec<(&String, &u64)> = map.iter().collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    s.collect_map(entries)
}

use crate::count::{count_chars, count_sentences, words};

/// How many of the largest figures a [`DocStats`] or [`CorpusStats`]
/// keeps.
pub const LARGEST_FIGURES_KEPT: usize = 20;

/// A short list of English function words (articles, pronouns,
/// prepositions, conjunctions, auxiliary verbs), lower case and sorted, for
/// [`CorpusStats::top_words_excluding`]. Nothing uses it unless asked.
pub const ENGLISH_STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "during", "each", "few", "for", "from", "had", "has", "have", "having", "he", "her", "here",
    "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "it’s",
    "just", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not", "now", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "said",
    "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "you", "your",
    "yours",
];

/// Whether `word` (already lower case) is in [`ENGLISH_STOP_WORDS`].
pub fn is_english_stop_word(word: &str) -> bool {
    ENGLISH_STOP_WORDS.binary_search(&word).is_ok()
}

/// One of the largest figures reported in a corpus.
///
/// Figures are ranked by [`LargestFigure::cmp_rank`]: value from largest to
/// smallest, then the other fields, so that any two distinct figures are
/// ordered and merging keeps the same ones whatever the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LargestFigure {
    /// The value (`1500000` for `1.5 million`).
    pub value: Decimal,
    /// The kind of figure (`cardinal`, `money`, `percent`, …).
    pub kind: String,
    /// The figure as written.
    pub text: String,
    /// The counted noun that follows it, if any.
    pub unit: Option<String>,
    /// Some text around it.
    pub context: String,
    /// The document it comes from (see [`DocStats::with_document`]).
    pub document: String,
}

impl LargestFigure {
    /// The ranking order: larger values first, then `kind`, `text`, `unit`,
    /// `context` and `document` in ascending order, then the exact decimal
    /// representation (so `1.0` and `1.00` are told apart). Equal only for
    /// identical figures.
    pub fn cmp_rank(&self, other: &LargestFigure) -> Ordering {
        other
            .value
            .cmp(&self.value)
            .then_with(|| self.kind.cmp(&other.kind))
            .then_with(|| self.text.cmp(&other.text))
            .then_with(|| self.unit.cmp(&other.unit))
            .then_with(|| self.context.cmp(&other.context))
            .then_with(|| self.document.cmp(&other.document))
            .then_with(|| self.value.serialize().cmp(&other.value.serialize()))
    }
}

/// Keeps the [`LARGEST_FIGURES_KEPT`] first figures of `figures` by rank.
fn keep_largest(figures: &mut Vec<LargestFigure>) {
    if !figures.is_sorted_by(|a, b| a.cmp_rank(b).is_le()) {
        figures.sort_by(LargestFigure::cmp_rank);
    }
    figures.truncate(LARGEST_FIGURES_KEPT);
}

/// The [`LARGEST_FIGURES_KEPT`] first figures of two lists, each in rank
/// order (as [`keep_largest`] leaves them), in rank order.
fn merge_largest(a: Vec<LargestFigure>, b: Vec<LargestFigure>) -> Vec<LargestFigure> {
    let mut merged = Vec::with_capacity((a.len() + b.len()).min(LARGEST_FIGURES_KEPT));
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    while merged.len() < LARGEST_FIGURES_KEPT {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.cmp_rank(y).is_le(),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        merged.extend(if take_a { a.next() } else { b.next() });
    }
    merged
}

/// A month key was not of the form `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a month or date of the form YYYY-MM or YYYY-MM-DD: {value:?}")]
pub struct InvalidMonthError {
    /// The value given.
    pub value: String,
}

/// The `YYYY-MM` prefix of `value` if it is a month, a date or a date
/// range as the date values of the spec write them.
fn month_key(value: &str) -> Option<&str> {
    let key = value.get(..7)?;
    let b = key.as_bytes();
    let digits = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
    if !(digits(&b[..4]) && b[4] == b'-' && digits(&b[5..7])) {
        return None;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let rest = value.get(7..)?.as_bytes();
    let day = |r: &[u8]| r.len() >= 3 && r[0] == b'-' && digits(&r[1..3]);
    let rest_ok = rest.is_empty() || (day(rest) && (rest.len() == 3 || rest[3] == b'/'));
    ((1..=12).contains(&month) && rest_ok).then_some(key)
}

fn add_count(total: &mut u64, n: u64) {
    *total = total.saturating_add(n);
}

/// Adds the counts of `from` to `into`, walking the smaller of the two.
fn merge_counts<M>(into: &mut M, from: M)
where
    M: Default + IntoIterator<Item = (String, u64)> + CountMap,
{
    let (mut big, small) = if CountMap::len(into) >= CountMap::len(&from) {
        (std::mem::take(into), from)
    } else {
        (from, std::mem::take(into))
    };
    for (k, v) in small {
        add_count(big.slot(k), v);
    }
    *into = big;
}

/// The maps of counts that [`merge_counts`] adds up.
trait CountMap {
    fn len(&self) -> usize;
    /// The count of `key`, made 0 if absent.
    fn slot(&mut self, key: String) -> &mut u64;
}

impl CountMap for BTreeMap<String, u64> {
    fn len(&self) -> usize {
        BTreeMap::len(self)
    }
    fn slot(&mut self, key: String) -> &mut u64 {
        self.entry(key).or_insert(0)
    }
}

impl CountMap for WordFrequencies {
    fn len(&self) -> usize {
        HashMap::len(self)
    }
    fn slot(&mut self, key: String) -> &mut u64 {
        self.entry(key).or_insert(0)
    }
}

/// Appends the case-folded form of `word` to `out`: `str::to_lowercase`,
/// with a shortcut for ASCII.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// The figures of one document.
///
/// Counts are taken on the cleaned body text; paragraphs and headings come
/// from the parsed blocks. Date and figure summaries are filled by the
/// caller with [`DocStats::add_date_month`] and [`DocStats::add_figure`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocStats {
    /// A name for the document (a path, an id); may be empty.
    pub document: String,
    /// Words, as [`count_words`](crate::count_words).
    pub words: u64,
    /// Sentences, as [`count_sentences`].
    pub sentences: u64,
    /// Paragraph blocks.
    pub paragraphs: u64,
    /// Heading blocks.
    pub headings: u64,
    /// Unicode scalar values.
    pub chars: u64,
    /// Bytes of UTF-8.
    pub bytes: u64,
    /// How often each word occurs, case-folded with `str::to_lowercase`
    /// (`The` and `the` are one entry; `Israel’s` and `Israel's` are two).
    #[serde(serialize_with = "sorted_frequencies")]
    pub word_frequencies: WordFrequencies,
    /// Date mentions per month, keyed `YYYY-MM`.
    pub dates_by_month: BTreeMap<String, u64>,
    /// Figures per kind.
    pub figures_by_kind: BTreeMap<String, u64>,
    /// The largest figures with a value, at most [`LARGEST_FIGURES_KEPT`],
    /// in rank order.
    pub largest_figures: Vec<LargestFigure>,
}

impl DocStats {
    /// Counts the words, sentences, characters and bytes of `body` and its
    /// word frequencies, and records the number of paragraphs and headings.
    ///
    /// ```
    /// use corpus_stats::DocStats;
    ///
    /// let doc = DocStats::from_text("Gaza’s 32,700 dead. The U.S. said so.", 2, 1);
    /// assert_eq!((doc.words, doc.sentences, doc.paragraphs, doc.headings), (7, 2, 2, 1));
    /// assert_eq!(doc.word_frequencies["gaza’s"], 1);
    /// assert_eq!(doc.word_frequencies["u.s"], 1);
    /// ```
    pub fn from_text(body: &str, paragraphs: u64, headings: u64) -> DocStats {
        // News text has about one new word in ten bytes at first, fewer
        // later on.
        let mut frequencies =
            WordFrequencies::with_capacity_and_hasher(body.len() / 16, WordHasher::default());
        let mut folded = String::new();
        let mut total = 0u64;
        for word in words(body) {
            total += 1;
            fold_into(word, &mut folded);
            match frequencies.get_mut(folded.as_str()) {
                Some(n) => *n += 1,
                None => {
                    frequencies.insert(folded.clone(), 1);
                }
            }
        }
        DocStats {
            document: String::new(),
            words: total,
            sentences: count_sentences(body),
            paragraphs,
            headings,
            chars: count_chars(body),
            bytes: body.len() as u64,
            word_frequencies: frequencies,
            ..DocStats::default()
        }
    }

    /// Names the document, also in the figures already recorded.
    pub fn with_document(mut self, name: impl Into<String>) -> DocStats {
        self.document = name.into();
        for figure in &mut self.largest_figures {
            figure.document.clone_from(&self.document);
        }
        self
    }

    /// Counts one date mention in its month. `value` is a month
    /// (`2024-03`), a date (`2024-03-26`) or a date range
    /// (`2024-03-26/2024-03-27`, counted in the month it starts).
    ///
    /// # Errors
    ///
    /// [`InvalidMonthError`] if `value` does not start with a valid
    /// `YYYY-MM` followed by nothing, `-DD` or `-DD/…`; nothing is counted.
    pub fn add_date_month(&mut self, value: &str) -> Result<(), InvalidMonthError> {
        let key = month_key(value).ok_or_else(|| InvalidMonthError {
            value: value.to_string(),
        })?;
        add_count(self.dates_by_month.entry(key.to_string()).or_insert(0), 1);
        Ok(())
    }

    /// Counts one date mention in the month it falls in
    /// ([`DateValue::month_key`](crate::DateValue::month_key): a range
    /// counts where it starts). Years, which have no month, and months
    /// outside the years 0 to 9999, which have no `YYYY-MM` key, are not
    /// counted.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use corpus_stats::{DateValue, DocStats};
    ///
    /// let mut doc = DocStats::default();
    /// doc.add_date_value(&DateValue::Day(NaiveDate::from_ymd_opt(2024, 3, 26).unwrap()));
    /// doc.add_date_value(&DateValue::Month { year: 2024, month: 3 });
    /// doc.add_date_value(&DateValue::Year(2024));
    /// assert_eq!(doc.dates_by_month.len(), 1);
    /// assert_eq!(doc.dates_by_month["2024-03"], 2);
    /// ```
    pub fn add_date_value(&mut self, value: &crate::DateValue) {
        if let Some((year, month)) = value.month_key()
            && (0..=9999).contains(&year)
        {
            let key = format!("{year:04}-{month:02}");
            add_count(self.dates_by_month.entry(key).or_insert(0), 1);
        }
    }

    /// Counts one date mention in the month of `date`.
    pub fn add_date(&mut self, date: chrono::NaiveDate) {
        let key = date.format("%Y-%m").to_string();
        add_count(self.dates_by_month.entry(key).or_insert(0), 1);
    }

    /// Counts one figure of `kind`, and keeps it among the largest if it
    /// has a value.
    ///
    /// ```
    /// use corpus_stats::DocStats;
    /// use rust_decimal::Decimal;
    ///
    /// let mut doc = DocStats::default().with_document("gaza.txt");
    /// doc.add_figure("cardinal", Some(Decimal::from(32_700)), "32,700", Some("people"), "killed 32,700 people");
    /// doc.add_figure("vague", None, "thousands", None, "thousands of children");
    /// assert_eq!(doc.figures_by_kind["cardinal"], 1);
    /// assert_eq!(doc.largest_figures.len(), 1);
    /// assert_eq!(doc.largest_figures[0].document, "gaza.txt");
    /// ```
    pub fn add_figure(
        &mut self,
        kind: &str,
        value: Option<Decimal>,
        text: &str,
        unit: Option<&str>,
        context: &str,
    ) {
        match self.figures_by_kind.get_mut(kind) {
            Some(n) => add_count(n, 1),
            None => {
                self.figures_by_kind.insert(kind.to_string(), 1);
            }
        }
        let Some(value) = value else {
            return;
        };
        keep_largest(&mut self.largest_figures);
        // A value below the last of a full list cannot enter it.
        if self.largest_figures.len() >= LARGEST_FIGURES_KEPT
            && self
                .largest_figures
                .last()
                .is_some_and(|last| value < last.value)
        {
            return;
        }
        let figure = LargestFigure {
            value,
            kind: kind.to_string(),
            text: text.to_string(),
            unit: unit.map(str::to_string),
            context: context.to_string(),
            document: self.document.clone(),
        };
        let at = self
            .largest_figures
            .partition_point(|f| f.cmp_rank(&figure).is_le());
        if at < LARGEST_FIGURES_KEPT {
            self.largest_figures.insert(at, figure);
            self.largest_figures.truncate(LARGEST_FIGURES_KEPT);
        }
    }
}

/// Totals over a corpus; see the [module docs](self).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusStats {
    /// Documents.
    pub documents: u64,
    /// Words.
    pub words: u64,
    /// Sentences.
    pub sentences: u64,
    /// Paragraph blocks.
    pub paragraphs: u64,
    /// Heading blocks.
    pub headings: u64,
    /// Unicode scalar values.
    pub chars: u64,
    /// Bytes of UTF-8.
    pub bytes: u64,
    /// Case-folded word frequencies (see [`DocStats::word_frequencies`]).
    #[serde(serialize_with = "sorted_frequencies")]
    pub word_frequencies: WordFrequencies,
    /// Date mentions per month, keyed `YYYY-MM`.
    pub dates_by_month: BTreeMap<String, u64>,
    /// Figures per kind.
    pub figures_by_kind: BTreeMap<String, u64>,
    /// The largest figures, at most [`LARGEST_FIGURES_KEPT`], in rank order
    /// ([`LargestFigure::cmp_rank`]).
    pub largest_figures: Vec<LargestFigure>,
}

impl CorpusStats {
    /// Empty totals.
    pub fn new() -> CorpusStats {
        CorpusStats::default()
    }

    /// Adds one document.
    pub fn push(&mut self, doc: DocStats) {
        self.merge(CorpusStats::from(doc));
    }

    /// Adds the totals of `other` (another shard).
    pub fn merge(&mut self, other: CorpusStats) {
        add_count(&mut self.documents, other.documents);
        add_count(&mut self.words, other.words);
        add_count(&mut self.sentences, other.sentences);
        add_count(&mut self.paragraphs, other.paragraphs);
        add_count(&mut self.headings, other.headings);
        add_count(&mut self.chars, other.chars);
        add_count(&mut self.bytes, other.bytes);
        merge_counts(&mut self.word_frequencies, other.word_frequencies);
        merge_counts(&mut self.dates_by_month, other.dates_by_month);
        merge_counts(&mut self.figures_by_kind, other.figures_by_kind);
        let mut theirs = other.largest_figures;
        keep_largest(&mut theirs);
        keep_largest(&mut self.largest_figures);
        self.largest_figures = merge_largest(std::mem::take(&mut self.largest_figures), theirs);
    }

    /// The `n` most frequent words with their counts, most frequent first,
    /// ties in ascending order of the words (by code point).
    pub fn top_words(&self, n: usize) -> Vec<(&str, u64)> {
        top(&self.word_frequencies, n, |_| true)
    }

    /// As [`top_words`](Self::top_words), leaving out `stop_words` (lower
    /// case, such as [`ENGLISH_STOP_WORDS`]).
    ///
    /// ```
    /// use corpus_stats::{CorpusStats, DocStats, ENGLISH_STOP_WORDS};
    ///
    /// let corpus = CorpusStats::from(DocStats::from_text("The talks and the truce.", 1, 0));
    /// assert_eq!(corpus.top_words(1), [("the", 2)]);
    /// assert_eq!(corpus.top_words_excluding(2, ENGLISH_STOP_WORDS), [("talks", 1), ("truce", 1)]);
    /// ```
    pub fn top_words_excluding(&self, n: usize, stop_words: &[&str]) -> Vec<(&str, u64)> {
        let stop: HashSet<&str> = stop_words.iter().copied().collect();
        top(&self.word_frequencies, n, |w| !stop.contains(w))
    }
}

fn top(frequencies: &WordFrequencies, n: usize, keep: impl Fn(&str) -> bool) -> Vec<(&str, u64)> {
    let mut all: Vec<(&str, u64)> = frequencies
        .iter()
        .filter(|(w, _)| keep(w))
        .map(|(w, &c)| (w.as_str(), c))
        .collect();
    let order = |a: &(&str, u64), b: &(&str, u64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0));
    if n < all.len() {
        if n == 0 {
            return Vec::new();
        }
        all.select_nth_unstable_by(n - 1, order);
        all.truncate(n);
    }
    all.sort_unstable_by(order);
    all
}

impl From<DocStats> for CorpusStats {
    fn from(doc: DocStats) -> CorpusStats {
        let mut largest_figures = doc.largest_figures;
        keep_largest(&mut largest_figures);
        CorpusStats {
            documents: 1,
            words: doc.words,
            sentences: doc.sentences,
            paragraphs: doc.paragraphs,
            headings: doc.headings,
            chars: doc.chars,
            bytes: doc.bytes,
            word_frequencies: doc.word_frequencies,
            dates_by_month: doc.dates_by_month,
            figures_by_kind: doc.figures_by_kind,
            largest_figures,
        }
    }
}

impl FromIterator<DocStats> for CorpusStats {
    fn from_iter<I: IntoIterator<Item = DocStats>>(iter: I) -> CorpusStats {
        let mut stats = CorpusStats::new();
        stats.extend(iter);
        stats
    }
}

impl Extend<DocStats> for CorpusStats {
    fn extend<I: IntoIterator<Item = DocStats>>(&mut self, iter: I) {
        for doc in iter {
            self.push(doc);
        }
    }
}

impl FromIterator<CorpusStats> for CorpusStats {
    fn from_iter<I: IntoIterator<Item = CorpusStats>>(iter: I) -> CorpusStats {
        let mut stats = CorpusStats::new();
        stats.extend(iter);
        stats
    }
}

impl Extend<CorpusStats> for CorpusStats {
    fn extend<I: IntoIterator<Item = CorpusStats>>(&mut self, iter: I) {
        for shard in iter {
            self.merge(shard);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_lower_case_and_unique() {
        assert!(ENGLISH_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_STOP_WORDS.iter().all(|w| w.to_lowercase() == *w));
        assert!(is_english_stop_word("the"));
        assert!(!is_english_stop_word("The"));
        assert!(!is_english_stop_word("army"));
    }

    #[test]
    fn word_frequencies_serialize_in_word_order() {
        let doc = DocStats::from_text("zebra army Mango army beta", 1, 0);
        let json = serde_json::to_string(&CorpusStats::from(doc)).unwrap();
        let at = |w: &str| json.find(&format!("\"{w}\":")).unwrap();
        assert!(at("army") < at("beta") && at("beta") < at("mango") && at("mango") < at("zebra"));
        assert!(json.contains("\"army\":2"), "{json}");
    }

    #[test]
    fn month_keys() {
        for (value, key) in [
            ("2024-03", Some("2024-03")),
            ("2024-03-26", Some("2024-03")),
            ("2024-12-01/2025-01-02", Some("2024-12")),
            ("2024-13", None),
            ("2024-00-01", None),
            ("2024", None),
            ("2024-3-26", None),
            ("2024-03x", None),
            ("2024-03-26T10", None),
            ("２０２４-03", None),
            ("", None),
        ] {
            assert_eq!(month_key(value), key, "{value:?}");
        }
    }
}
