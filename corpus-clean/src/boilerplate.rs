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
    /// Bit `(a << 8) | b` is set when a phrase ends with the bytes `a`, `b`
    /// (ASCII letters in lower case): a line whose core ends otherwise has
    /// no trailer, which saves the search.
    last_pairs: Box<[u64; 1024]>,
    /// Bit `b` is set when a phrase is the single byte `b` (in lower case).
    single_bytes: [u64; 4],
}

/// Bit index of the last two bytes of `s` (ASCII in lower case).
#[inline]
fn pair_index(a: u8, b: u8) -> usize {
    (usize::from(a.to_ascii_lowercase()) << 8) | usize::from(b.to_ascii_lowercase())
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
        let mut last_pairs = Box::new([0u64; 1024]);
        let mut single_bytes = [0u64; 4];
        for reversed in &phrases {
            match reversed.as_slice() {
                [b] => {
                    let i = usize::from(b.to_ascii_lowercase());
                    single_bytes[i / 64] |= 1 << (i % 64);
                }
                [b, a, ..] => {
                    let i = pair_index(*a, *b);
                    last_pairs[i / 64] |= 1 << (i % 64);
                }
                [] => {}
            }
        }
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&phrases)?;
        Ok(Boilerplate {
            matcher,
            max_len,
            last_pairs,
            single_bytes,
        })
    }

    /// Whether some phrase may end `core` (a necessary condition).
    #[inline]
    fn may_end(&self, core: &[u8]) -> bool {
        let single = core.last().is_some_and(|&b| {
            let i = usize::from(b.to_ascii_lowercase());
            self.single_bytes[i / 64] & (1 << (i % 64)) != 0
        });
        let pair = match core {
            [.., a, b] => {
                let i = pair_index(*a, *b);
                self.last_pairs[i / 64] & (1 << (i % 64)) != 0
            }
            _ => false,
        };
        single || pair
    }

    /// Edits removing the trailers of `text`.
    pub(crate) fn remove(&self, text: &str) -> Vec<Edit> {
        let mut log = EditLog::default();
        let mut buf = Vec::new();
        for (start, line) in crate::scan::lines(text) {
            if let Some((cut, end)) = self.trailer(line, &mut buf) {
                log.push(EditKind::Boilerplate, start + cut, start + end, "");
            }
        }
        log.edits
    }

    /// Whether [`remove`](Self::remove) has an edit for `text`, without
    /// making it.
    pub(crate) fn has_trailer(&self, text: &str) -> bool {
        let mut buf = Vec::new();
        crate::scan::lines(text).any(|(_, line)| self.trailer(line, &mut buf).is_some())
    }

    /// [`has_trailer`](Self::has_trailer) for a text without `\n` or `\r`,
    /// one line, without looking for line breaks.
    pub(crate) fn line_has_trailer(&self, line: &str) -> bool {
        self.trailer(line, &mut Vec::new()).is_some()
    }

    /// The span of the trailers at the end of `line` (lines end at `\n`,
    /// `\r\n` or `\r`; `\r\n` gives an empty line between, which has no
    /// trailer), if it has any; `buf` is room for the search, allocated
    /// only when a line may end with a phrase.
    fn trailer(&self, line: &str, buf: &mut Vec<u8>) -> Option<(usize, usize)> {
        let cut = self.cut_point(line, buf)?;
        let end = line.trim_end().len();
        (cut < end).then_some((cut, end))
    }

    /// Where the trailers at the end of `line` start, if it has any.
    fn cut_point(&self, line: &str, buf: &mut Vec<u8>) -> Option<usize> {
        let mut cut = None;
        let mut end = line.len();
        // Each round removes one trailer; bounded by the line's length.
        for _ in 0..8 {
            let core_end = trim_decoration(&line[..end]);
            if core_end == 0 || !self.may_end(&line.as_bytes()[..core_end]) {
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
    fn short_and_capitalized_phrases_are_found() {
        let b =
            Boilerplate::new(&["Q".to_owned(), "Zé".to_owned()]).unwrap_or_else(|e| panic!("{e}"));
        for (t, want) in [
            ("Done. q", "Done."),
            ("Done. Q >>", "Done."),
            ("Done. zé", "Done."),
            ("Done. ZÉ", "Done. ZÉ"),
            ("Done. READ MORE", "Done."),
            ("Done. Read More…", "Done."),
        ] {
            assert_eq!(apply_edits(t, &b.remove(t)), want, "{t:?}");
        }
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
