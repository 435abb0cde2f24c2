//! Files on disk: names (`NNN_<id>.txt`), reading one file, walking a folder.

use std::{
    fs,
    path::{Path, PathBuf},
};

use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while_m_n, take_while1},
    combinator::{all_consuming, map_res},
};
use serde::Serialize;

use crate::{
    decode::{Lossy, decode, decode_lossy},
    error::{Error, Limit},
};

/// What a file's name says: its ordinal and id.
///
/// `003_423ee17d9e7c22fb.txt` has ordinal 3 and id `423ee17d9e7c22fb`; any
/// other name has no ordinal and its stem as id.
///
/// # Example
///
/// ```
/// use corpus_format::FileName;
///
/// let name = FileName::from_path("seeds/003_423ee17d9e7c22fb.txt");
/// assert_eq!((name.ordinal, name.id.as_str()), (Some(3), "423ee17d9e7c22fb"));
/// let other = FileName::from_path("notes/gaza-march.txt");
/// assert_eq!((other.ordinal, other.id.as_str()), (None, "gaza-march"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct FileName {
    /// The `NNN` of `NNN_<id>.txt`.
    pub ordinal: Option<u64>,
    /// The 16 hex digits of `NNN_<id>.txt`, or the file stem.
    pub id: String,
}

impl FileName {
    /// Reads the ordinal and id from the last component of `path`.
    pub fn from_path(path: impl AsRef<Path>) -> FileName {
        let path = path.as_ref();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if let Ok((_, (ordinal, _, id, _))) = standard_name(name) {
            return FileName {
                ordinal: Some(ordinal),
                id: id.to_owned(),
            };
        }
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        FileName {
            ordinal: None,
            id: stem,
        }
    }
}

/// `NNN_<16 hex digits>.txt`.
fn standard_name(name: &str) -> IResult<&str, (u64, &str, &str, &str)> {
    all_consuming((
        map_res(take_while1(|c: char| c.is_ascii_digit()), str::parse::<u64>),
        tag("_"),
        take_while_m_n(16, 16, |c: char| c.is_ascii_hexdigit()),
        tag(".txt"),
    ))
    .parse(name)
}

/// Limits for reading untrusted input from disk.
///
/// The defaults accept any file up to 64 MiB and folders nested up to 64
/// levels deep.
///
/// The file limit also bounds memory: a parsed [`crate::Document`] needs
/// 40 bytes per block besides the text, so a hostile file made only of
/// one-character lines (`a\n` repeated) costs about 20 bytes per byte of
/// input; news articles are a few kilobytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest file accepted, in bytes; a larger one is an
    /// [`Error::LimitExceeded`] and is not read.
    pub max_file_bytes: u64,
    /// Deepest folder nesting below the starting folder that is walked.
    pub max_depth: usize,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            max_file_bytes: 64 * 1024 * 1024,
            max_depth: 64,
        }
    }
}

/// One file read from disk: its path, name and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its ordinal and id.
    pub name: FileName,
    /// Its content, undecoded.
    pub bytes: Vec<u8>,
}

impl SourceFile {
    /// Reads one file, within the limits of `options`.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read, [`Error::LimitExceeded`]
    /// when it is larger than [`ReadOptions::max_file_bytes`].
    pub fn read(path: impl AsRef<Path>, options: &ReadOptions) -> Result<SourceFile, Error> {
        let path = path.as_ref();
        let io = |source| Error::Io {
            path: path.to_owned(),
            source,
        };
        let size = fs::metadata(path).map_err(io)?.len();
        if size > options.max_file_bytes {
            return Err(Error::LimitExceeded {
                path: path.to_owned(),
                which: Limit::FileBytes,
                what: "file size in bytes",
                actual: size,
                limit: options.max_file_bytes,
            });
        }
        // The size on disk is only a first check: `/proc` files report 0
        // bytes, `/dev/zero` and FIFOs never end, and a file may grow. Read
        // at most one byte past the limit and hold the bytes read to it.
        let mut bytes = Vec::new();
        let file = fs::File::open(path).map_err(io)?;
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, options.max_file_bytes.saturating_add(1)),
            &mut bytes,
        )
        .map_err(io)?;
        if bytes.len() as u64 > options.max_file_bytes {
            return Err(Error::LimitExceeded {
                path: path.to_owned(),
                which: Limit::FileBytes,
                what: "file size in bytes (at least)",
                actual: bytes.len() as u64,
                limit: options.max_file_bytes,
            });
        }
        Ok(SourceFile {
            path: path.to_owned(),
            name: FileName::from_path(path),
            bytes,
        })
    }

    /// The text, as [`decode`] gives it (BOM dropped).
    ///
    /// # Errors
    ///
    /// [`Error::Decode`], naming the path and the offset of the first invalid
    /// byte.
    pub fn text(&self) -> Result<&str, Error> {
        decode(&self.bytes).map_err(|source| Error::Decode {
            path: self.path.clone(),
            source,
        })
    }

    /// The text with invalid bytes replaced, as [`decode_lossy`] gives it.
    #[must_use]
    pub fn text_lossy(&self) -> Lossy<'_> {
        decode_lossy(&self.bytes)
    }
}

/// Every `*.txt` file below `path`, in name order, read lazily.
///
/// `path` may also be a single file, which is then the only item whatever
/// its extension. Folders are walked depth first with the entries of each
/// sorted by name, so the order is that of the full paths; symbolic links to
/// folders are not followed (no cycles), and only regular files (or links
/// to them) are read, never FIFOs or devices. Each item is one file or one error:
/// a folder or file that cannot be read yields an `Err` naming it and the
/// walk goes on with the rest.
///
/// # Example
///
/// ```no_run
/// for file in corpus_format::read_dir("articles", Default::default()) {
///     match file.and_then(|f| Ok((f.text()?.len(), f))) {
///         Ok((len, f)) => println!("{} {len}", f.name.id),
///         Err(e) => eprintln!("{e}"),
///     }
/// }
/// ```
pub fn read_dir(path: impl AsRef<Path>, options: ReadOptions) -> Files {
    Files {
        stack: vec![Pending::Path(path.as_ref().to_owned(), 0, true)],
        options,
    }
}

#[derive(Debug)]
enum Pending {
    /// A path to look at, its depth, and whether it was named by the caller.
    Path(PathBuf, usize, bool),
    /// An error to hand out in its place in the order.
    Error(Error),
}

/// Iterator over the files of a folder; see [`read_dir`].
#[derive(Debug)]
pub struct Files {
    stack: Vec<Pending>,
    options: ReadOptions,
}

impl Iterator for Files {
    type Item = Result<SourceFile, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (path, depth, named) = match self.stack.pop()? {
                Pending::Error(e) => return Some(Err(e)),
                Pending::Path(p, d, n) => (p, d, n),
            };
            let meta = match fs::symlink_metadata(&path) {
                Ok(m) => m,
                Err(source) => return Some(Err(Error::Io { path, source })),
            };
            // A link named by the caller is followed; links met in a walk
            // are followed only to files.
            let is_dir = if meta.file_type().is_symlink() {
                named && fs::metadata(&path).is_ok_and(|m| m.is_dir())
            } else {
                meta.is_dir()
            };
            if !is_dir {
                // A walk reads regular files only: a FIFO named `x.txt`
                // would block it forever on open, a link to `/dev/zero`
                // never ends. A broken link still yields its error.
                let special = fs::metadata(&path).is_ok_and(|m| !m.is_file());
                if named || (!special && path.extension().is_some_and(|e| e == "txt")) {
                    return Some(SourceFile::read(&path, &self.options));
                }
                continue;
            }
            if depth > self.options.max_depth {
                return Some(Err(Error::LimitExceeded {
                    path,
                    which: Limit::Depth,
                    what: "folder depth",
                    actual: depth as u64,
                    limit: self.options.max_depth as u64,
                }));
            }
            let entries = match fs::read_dir(&path) {
                Ok(entries) => entries,
                Err(source) => return Some(Err(Error::Io { path, source })),
            };
            let mut children: Vec<Pending> = Vec::new();
            let mut names: Vec<PathBuf> = Vec::new();
            for entry in entries {
                match entry {
                    Ok(entry) => names.push(entry.path()),
                    Err(source) => children.push(Pending::Error(Error::Io {
                        path: path.clone(),
                        source,
                    })),
                }
            }
            names.sort();
            // Pushed in reverse so that the first name comes out first.
            self.stack.extend(children);
            self.stack.extend(
                names
                    .into_iter()
                    .rev()
                    .map(|p| Pending::Path(p, depth + 1, false)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let n = FileName::from_path("a/000_c2739b9380fa2be2.txt");
        assert_eq!(n.ordinal, Some(0));
        assert_eq!(n.id, "c2739b9380fa2be2");
        for (path, id) in [
            ("003_423ee17d9e7c22fb.md", "003_423ee17d9e7c22fb"),
            ("003_423ee17d9e7c22f.txt", "003_423ee17d9e7c22f"),
            ("_423ee17d9e7c22fb.txt", "_423ee17d9e7c22fb"),
            ("x/plain.txt", "plain"),
            (
                "99999999999999999999999_423ee17d9e7c22fb.txt",
                "99999999999999999999999_423ee17d9e7c22fb",
            ),
        ] {
            let n = FileName::from_path(path);
            assert_eq!((n.ordinal, n.id.as_str()), (None, id), "{path}");
        }
    }
}
