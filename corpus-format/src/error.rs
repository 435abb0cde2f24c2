//! Errors: decoding, strict parsing, and reading files from disk.
//!
//! Every error carries a byte offset; file-level errors also carry the path,
//! so that a message always says where the problem is.

use std::path::PathBuf;

use thiserror::Error;

/// Bytes that are not valid UTF-8.
///
/// `offset` is the position of the first invalid byte in the bytes as given
/// (a leading BOM counts), so it can be found with any hex viewer.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("invalid UTF-8 at byte {offset}")]
#[non_exhaustive]
pub struct DecodeError {
    /// Offset of the first byte that is not valid UTF-8.
    pub offset: usize,
}

/// What is wrong with a header that looks like one but is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HeaderProblem {
    /// `date` followed by something that is not ` YYYY-MM-DD` and whitespace
    /// (`date: yesterday`, `date 2024-3-5`, `date 2024-03-25x`).
    Malformed,
    /// A well-formed `YYYY-MM-DD` that is not a calendar day
    /// (`2024-02-30`, `2024-13-45`).
    InvalidDate,
    /// The keyword is not lower case (`Date 2024-03-25`).
    KeywordCase,
}

impl HeaderProblem {
    /// A short description for messages.
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            HeaderProblem::Malformed => "malformed date header, expected `date YYYY-MM-DD`",
            HeaderProblem::InvalidDate => "date header names a day that does not exist",
            HeaderProblem::KeywordCase => "date header keyword must be lower-case `date`",
        }
    }
}

/// A document that the strict parser rejects.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The file starts with something that looks like a date header but is
    /// not a valid one.
    #[error("{} at byte {offset} (line {line}, column {column}): `{found}`", .problem.describe())]
    InvalidHeader {
        /// What is wrong.
        problem: HeaderProblem,
        /// Byte offset in the decoded text of the first byte that is wrong.
        offset: usize,
        /// 1-based line of `offset`.
        line: usize,
        /// 1-based column of `offset`, counted in characters.
        column: usize,
        /// The text that looks like a header.
        found: String,
    },
}

impl ParseError {
    /// Byte offset of the problem in the decoded text.
    #[must_use]
    pub fn offset(&self) -> usize {
        match self {
            ParseError::InvalidHeader { offset, .. } => *offset,
        }
    }
}

/// A limit of [`crate::ReadOptions`] that an input exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Limit {
    /// [`crate::ReadOptions::max_file_bytes`].
    FileBytes,
    /// [`crate::ReadOptions::max_depth`].
    Depth,
}

/// Something went wrong with one input file.
///
/// The `Display` form names the path and, where there is one, the byte
/// offset: `data/007_x.txt: invalid UTF-8 at byte 1042`.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// The file or folder could not be read.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid UTF-8.
    #[error("{}: {source}", .path.display())]
    Decode {
        /// The file.
        path: PathBuf,
        /// Where the invalid bytes start.
        #[source]
        source: DecodeError,
    },
    /// The file was rejected by the strict parser.
    #[error("{}: {source}", .path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where.
        #[source]
        source: ParseError,
    },
    /// The input exceeds a limit set in [`crate::ReadOptions`].
    #[error("{}: {what} is {actual}, over the limit of {limit} ({which:?})", .path.display())]
    LimitExceeded {
        /// The file or folder.
        path: PathBuf,
        /// Which limit was hit.
        which: Limit,
        /// What was measured, for the message (`file size in bytes`, `folder depth`).
        what: &'static str,
        /// The measured value.
        actual: u64,
        /// The limit in force.
        limit: u64,
    },
}

impl Error {
    /// The path of the file or folder the error is about.
    #[must_use]
    pub fn path(&self) -> &std::path::Path {
        match self {
            Error::Io { path, .. }
            | Error::Decode { path, .. }
            | Error::Parse { path, .. }
            | Error::LimitExceeded { path, .. } => path,
        }
    }

    /// The byte offset in the file where the problem is, when there is one.
    #[must_use]
    pub fn offset(&self) -> Option<usize> {
        match self {
            Error::Decode { source, .. } => Some(source.offset),
            Error::Parse { source, .. } => Some(source.offset()),
            _ => None,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
///
/// `\n`, `\r\n` and a lone `\r` each end a line. An offset past the end is
/// clamped to the end; one inside a character counts that character.
#[must_use]
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut line_start = 0;
    let mut i = 0;
    while let Some(found) = memchr::memchr2(b'\n', b'\r', &bytes[i..offset]) {
        let at = i + found;
        let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            at + 2
        } else {
            at + 1
        };
        if next > offset {
            // The offset points at the `\n` of a `\r\n`: still on this line.
            break;
        }
        line += 1;
        line_start = next;
        i = next;
    }
    let column = 1 + bytes[line_start..offset]
        .iter()
        .filter(|&&b| (b as i8) >= -0x40) // count bytes that start a character
        .count();
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_for_each_line_ending() {
        assert_eq!(line_column("abc", 0), (1, 1));
        assert_eq!(line_column("abc", 2), (1, 3));
        assert_eq!(line_column("a\nbc", 3), (2, 2));
        assert_eq!(line_column("a\r\nbc", 4), (2, 2));
        assert_eq!(line_column("a\r\nbc", 2), (1, 3));
        assert_eq!(line_column("a\rbc", 2), (2, 1));
        assert_eq!(line_column("a\n\nb", 3), (3, 1));
        assert_eq!(line_column("é€x", 5), (1, 3));
        assert_eq!(line_column("ab", 99), (1, 3));
    }

    #[test]
    fn messages_name_path_and_offset() {
        let e = Error::Decode {
            path: "data/007_x.txt".into(),
            source: DecodeError { offset: 1042 },
        };
        assert_eq!(e.to_string(), "data/007_x.txt: invalid UTF-8 at byte 1042");
        assert_eq!(e.offset(), Some(1042));
    }
}
