//! Properties of `corpus-stats`: counts agree with the full UAX #29
//! algorithm; words, date mentions and figures carry spans that are in
//! bounds, on char boundaries, in order, and slice to their text.

use chrono::NaiveDate;
use corpus_format::Span;
use corpus_stats::{
    TextCounts, count_sentences, count_sentences_reference, count_words, count_words_reference,
    date_mentions, figures, word_indices,
};
use unicode_segmentation::UnicodeSegmentation;

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} out of bounds ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries of {text:?}"
    );
}

/// Whether `part` is a sub-slice of `whole` (same memory), and where.
fn offset_in(whole: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (start + part.len() <= whole.len()).then_some(start)
}

/// Word and sentence counts against `unicode-segmentation`.
pub fn check_counts(text: &str) {
    let words: Vec<(usize, &str)> = word_indices(text).collect();
    let reference: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    assert_eq!(words, reference, "words differ from UAX #29 in {text:?}");
    assert_eq!(
        count_words(text),
        reference.len() as u64,
        "word count of {text:?}"
    );
    assert_eq!(count_words_reference(text), reference.len() as u64);
    let sentences = text.unicode_sentences().count() as u64;
    assert_eq!(count_sentences_reference(text), sentences);
    assert_eq!(
        count_sentences(text),
        sentences,
        "sentence count of {text:?}"
    );
    let counts = TextCounts::of(text);
    assert_eq!(counts.chars, text.chars().count() as u64);
    assert_eq!(counts.bytes, text.len() as u64);
    assert_eq!(
        (counts.words, counts.sentences),
        (reference.len() as u64, sentences)
    );
}

/// Date mentions: spans, text, order; serializable.
pub fn check_dates(text: &str, reference: Option<NaiveDate>) -> Vec<Span> {
    let mut end = 0;
    let mut spans = Vec::new();
    for m in date_mentions(text, reference) {
        assert_span(text, m.span, "date mention");
        assert!(!m.span.is_empty(), "empty date mention {m:?}");
        assert_eq!(&text[m.span], m.text, "mention text is not its span");
        assert!(
            m.span.start >= end,
            "mention {m:?} overlaps or precedes the one before (ends at {end})"
        );
        end = m.span.end;
        if let Some(v) = m.value {
            // Displaying the value must not panic, whatever the year.
            assert!(!v.to_string().is_empty());
        }
        spans.push(m.span);
    }
    spans
}

/// Figures: spans, text, unit inside the text after the figure, order, and
/// no overlap with a date mention.
pub fn check_figures(text: &str, dates: &[Span]) {
    let mut end = 0;
    for f in figures(text) {
        assert_span(text, f.span, "figure");
        assert!(!f.span.is_empty(), "empty figure {f:?}");
        assert_eq!(&text[f.span], f.text, "figure text is not its span");
        assert!(
            f.span.start >= end,
            "figure {f:?} overlaps or precedes the one before (ends at {end})"
        );
        end = f.span.end;
        if let Some(unit) = f.unit {
            let at = offset_in(text, unit)
                .unwrap_or_else(|| panic!("unit {unit:?} is not a slice of the text"));
            assert!(
                at >= f.span.end,
                "unit {unit:?} at {at} before the end of its figure {f:?}"
            );
        }
        for d in dates {
            assert!(
                !f.span.overlaps(*d),
                "figure {f:?} overlaps the date mention at {d:?}"
            );
        }
        assert!(serde_json::to_string(&f).is_ok());
    }
}

/// Everything above.
pub fn check_text(text: &str, reference: Option<NaiveDate>) {
    check_counts(text);
    check_dates(text, reference);
    let unresolved = check_dates(text, None);
    check_figures(text, &unresolved);
}

#[cfg(test)]
mod tests {
    #[test]
    fn edge_cases_hold_every_property() {
        let reference = chrono::NaiveDate::from_ymd_opt(2024, 3, 26);
        for text in [
            "",
            "On March 24, over 32,000 Palestinian lives; from March 1 to March 5, $3 billion.",
            "Israel’s army said 32,700 people, e.g. in Al-Qassam. last Friday, 90% and 7th.",
            "date date 1,1,1, March March over more than at least",
        ] {
            super::check_text(text, reference);
            super::check_text(text, None);
            super::check_text(text, chrono::NaiveDate::from_ymd_opt(262_142, 12, 31));
            super::check_text(text, chrono::NaiveDate::from_ymd_opt(-262_143, 1, 1));
        }
    }
}
