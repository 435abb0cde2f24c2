//! Scraper trailers and prompts at the end of a paragraph.
//!
//! A phrase of the list is removed when it ends a line (after trailing
//! decoration: `>`, `»`, `›`, `→`, `.`, `…`, `:`, `!`, `|`, `-` and spaces)
//! and either stands alone on that line or follows the end of a sentence
//! (`.`, `!`, `?`, a closing quote or bracket), glued or after spaces. A
//! sentence that merely contains a phrase (`readers who subscribe now get…`,
//! `he wanted to read more`) is left alone. Matching ignores ASCII case.
//! Several trailers in a row (`Read more >> Share this`) are all removed.

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::edit::{Edit, EditKind, EditLog};

/// The built-in phrases, in lower case.
pub const BUILTIN_PHRASES: &[&str] = &[
    "continue full reading",
    "continue reading",
    "continue reading the article",
    "read more",
    "read full article",
    "read full story",
    "read the full article",
    "read the full story",
    "read the rest of this entry",
    "click here to read more",
    "click here to continue reading",
    "click here to subscribe",
    "subscribe now",
    "subscribe to our newsletter",
    "subscribe to our channel",
    "subscribe to our youtube channel",
    "sign up for our newsletter",
    "sign up to our newsletter",
    "join our newsletter",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share on facebook",
    "share on twitter",
    "share on whatsapp",
    "follow us on twitter",
    "follow us on telegram",
    "follow us on facebook",
    "advertisement",
];

/// Characters that may decorate the end of a trailer.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '>' | '»' | '›' | '→' | '.' | '…' | ':' | '!' | '|' | '-' | ' ' | '\t'
    )
}

/// Length of `s` without its trailing decoration.
#[inline]
fn trim_decoration(s: &str) -> usize {
    let b = s.as_bytes();
    let mut end = b.len();
    // ASCII decoration first, byte by byte; then the rest by character.
    while end > 0
        && matches!(
            b[end - 1],
            b'>' | b'.' | b':' | b'!' | b'|' | b'-' | b' ' | b'\t'
        )
    {
        end -= 1;
    }
    if end > 0 && b[end - 1] >= 0x80 {
        s[..end].trim_end_matches(is_decoration).len()
    } else {
        end
    }
}

/// Characters that end a sentence before a glued trailer.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '"' | '\'' | '”' | '’' | ')' | ']' | '»'
    )
}

/// The trailer matcher: reversed phrases, matched anchored at line ends.
#[derive(Debug, Clone)]
pub(crate) struct Boilerplate {
    matcher: AhoCorasick,
    max_len: usize,
}

impl Boilerplate {
    /// Builds the matcher from the built-in phrases and `extra` ones.
    pub(crate) fn new(extra: &[String]) -> Result<Boilerplate, aho_corasick::BuildError> {
        let mut phrases: Vec<Vec<u8>> = Vec::new();
        for p in BUILTIN_PHRASES
            .iter()
            .copied()
            .chain(extra.iter().map(String::as_str))
        {
            let core = p.trim().trim_end_matches(is_decoration).trim();
            if core.is_empty() {
                continue;
            }
            phrases.push(core.bytes().rev().collect());
        }
        let max_len = phrases.iter().map(Vec::len).max().unwrap_or(0);
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&phrases)?;
        Ok(Boilerplate { matcher, max_len })
    }

    /// Edits removing the trailers of `text`.
    pub(crate) fn remove(&self, text: &str) -> Vec<Edit> {
        let mut log = EditLog::default();
        let mut buf = Vec::with_capacity(self.max_len);
        // Lines end at `\n`, `\r\n` or `\r` (`\r\n` gives an empty line
        // between, which has no trailer).
        for (start, line) in crate::scan::lines(text) {
            if let Some(cut) = self.cut_point(line, &mut buf) {
                let end = line.trim_end().len();
                if cut < end {
                    log.push(EditKind::Boilerplate, start + cut, start + end, "");
                }
            }
        }
        log.edits
    }

    /// Where the trailers at the end of `line` start, if it has any.
    fn cut_point(&self, line: &str, buf: &mut Vec<u8>) -> Option<usize> {
        let mut cut = None;
        let mut end = line.len();
        // Each round removes one trailer; bounded by the line's length.
        for _ in 0..8 {
            let core_end = trim_decoration(&line[..end]);
            if core_end == 0 {
                break;
            }
            let tail_start = core_end.saturating_sub(self.max_len);
            buf.clear();
            buf.extend(line.as_bytes()[tail_start..core_end].iter().rev());
            let Some(m) = self
                .matcher
                .find(Input::new(buf.as_slice()).anchored(Anchored::Yes))
            else {
                break;
            };
            let phrase_start = core_end - m.end();
            if !line.is_char_boundary(phrase_start) {
                break;
            }
            let before = &line[..phrase_start];
            // The phrase must start a word.
            if before
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                break;
            }
            let kept = before.trim_end();
            if kept.is_empty() {
                return Some(0);
            }
            match kept.chars().next_back() {
                Some(c) if ends_sentence(c) => {
                    cut = Some(kept.len());
                    end = kept.len();
                }
                _ => break,
            }
        }
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;

    fn run(t: &str) -> String {
        let b = Boilerplate::new(&[]).unwrap_or_else(|e| panic!("{e}"));
        apply_edits(t, &b.remove(t))
    }

    #[test]
    fn trailers_removed() {
        assert_eq!(
            run("reporting from Qatar’s Al Jazeera.CONTINUE FULL READING>>>>>\nNext."),
            "reporting from Qatar’s Al Jazeera.\nNext."
        );
        assert_eq!(run("The talks failed. Read more >>"), "The talks failed.");
        assert_eq!(run("Share this:\nText."), "\nText.");
        assert_eq!(run("Ends here.” Read more » Share this"), "Ends here.”");
    }

    #[test]
    fn sentences_with_the_words_stay() {
        for t in [
            "Readers who subscribe now get a discount.",
            "He said he wanted to read more",
            "Click to subscribe now",
            "The newsletter is free to share this week.",
            "Learn to sharethis",
        ] {
            assert_eq!(run(t), t, "{t:?}");
        }
    }
}
