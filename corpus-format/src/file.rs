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
        SourceFile::read_sized(path.as_ref(), options, None)
    }

    /// Reads one file whose size, when known (from a walk), spares asking
    /// the open file for it.
    fn read_sized(
        path: &Path,
        options: &ReadOptions,
        known_size: Option<u64>,
    ) -> Result<SourceFile, Error> {
        let io = |source| Error::Io {
            path: path.to_owned(),
            source,
        };
        let limit = options.max_file_bytes;
        let too_large = |actual, what| Error::LimitExceeded {
            path: path.to_owned(),
            which: Limit::FileBytes,
            what,
            actual,
            limit,
        };
        if let Some(size) = known_size.filter(|&size| size > limit) {
            return Err(too_large(size, "file size in bytes"));
        }
        // Open, then ask the open file its size (unless known): no second
        // lookup of the path.
        let file = fs::File::open(path).map_err(io)?;
        let size = match known_size {
            Some(size) => size,
            None => file.metadata().map_err(io)?.len(),
        };
        if size > limit {
            return Err(too_large(size, "file size in bytes"));
        }
        // The size on disk is only a first check: `/proc` files report 0
        // bytes, `/dev/zero` and FIFOs never end, and a file may grow. Read
        // at most one byte past the limit and hold the bytes read to it. The
        // buffer is sized for the whole file and the end-of-file check, so
        // a file is read in two calls.
        let capacity = usize::try_from(size.saturating_add(1)).unwrap_or(usize::MAX);
        let mut bytes = Vec::with_capacity(capacity.min(64 * 1024 * 1024));
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, limit.saturating_add(1)),
            &mut bytes,
        )
        .map_err(io)?;
        if bytes.len() as u64 > limit {
            return Err(too_large(
                bytes.len() as u64,
                "file size in bytes (at least)",
            ));
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
/// This is [`walk_dir`] with each file read by [`SourceFile::read`]; to
/// read the files elsewhere (on other threads, say), walk with
/// [`walk_dir`] and read each [`FoundFile`].
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
        found: walk_dir(path, options),
    }
}

/// Iterator over the files of a folder, read; see [`read_dir`].
#[derive(Debug)]
pub struct Files {
    found: FoundFiles,
}

impl Iterator for Files {
    type Item = Result<SourceFile, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let options = self.found.options;
        Some(self.found.next()?.and_then(|f| f.read(&options)))
    }
}

/// A file found by [`walk_dir`], not read yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its size in bytes when it was found: a hint for planning work, as
    /// files may change and `/proc` files say 0.
    pub size: u64,
}

impl FoundFile {
    /// Reads the file, as [`SourceFile::read`] does, taking [`Self::size`]
    /// for its size at first (the bytes read are held to the limit all the
    /// same).
    ///
    /// # Errors
    ///
    /// Those of [`SourceFile::read`].
    pub fn read(&self, options: &ReadOptions) -> Result<SourceFile, Error> {
        SourceFile::read_sized(&self.path, options, Some(self.size))
    }
}

/// Every `*.txt` file below `path`, in name order, found but not read: the
/// walk of [`read_dir`], for callers that read the files themselves.
///
/// The rules are those of [`read_dir`]. The walk asks the system little:
/// one listing per folder, and one status query per file (for its size) or
/// per symbolic link; a folder that cannot be listed yields an `Err` naming
/// it, and one deeper than [`ReadOptions::max_depth`] a
/// [`Error::LimitExceeded`].
///
/// # Example
///
/// ```no_run
/// let options = corpus_format::ReadOptions::default();
/// for found in corpus_format::walk_dir("articles", options) {
///     match found.and_then(|f| f.read(&options)) {
///         Ok(file) => println!("{} {}", file.name.id, file.bytes.len()),
///         Err(e) => eprintln!("{e}"),
///     }
/// }
/// ```
pub fn walk_dir(path: impl AsRef<Path>, options: ReadOptions) -> FoundFiles {
    FoundFiles {
        stack: vec![Pending::Named(path.as_ref().to_owned())],
        options,
    }
}

#[derive(Debug)]
enum Pending {
    /// A path named by the caller.
    Named(PathBuf),
    /// A folder entry met in a walk, its depth and its type (not followed).
    Entry(PathBuf, usize, fs::FileType),
    /// An error to hand out in its place in the order.
    Error(Error),
}

/// Iterator over the files below a folder, not read; see [`walk_dir`].
#[derive(Debug)]
pub struct FoundFiles {
    stack: Vec<Pending>,
    options: ReadOptions,
}

impl FoundFiles {
    /// Lists the folder `path` at `depth` onto the stack, first name on top.
    fn list(&mut self, path: PathBuf, depth: usize) -> Option<Error> {
        if depth > self.options.max_depth {
            return Some(Error::LimitExceeded {
                path,
                which: Limit::Depth,
                what: "folder depth",
                actual: depth as u64,
                limit: self.options.max_depth as u64,
            });
        }
        let entries = match fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(source) => return Some(Error::Io { path, source }),
        };
        let mut errors: Vec<Pending> = Vec::new();
        let mut children: Vec<(std::ffi::OsString, fs::FileType)> = Vec::new();
        for entry in entries {
            // The type comes with the listing on most file systems; where
            // it does not, std asks for it without following links.
            match entry.and_then(|e| Ok((e.file_name(), e.file_type()?))) {
                Ok(child) => children.push(child),
                Err(source) => errors.push(Pending::Error(Error::Io {
                    path: path.clone(),
                    source,
                })),
            }
        }
        // Within one folder, the order of the paths is that of the names.
        children.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // Pushed in reverse so that the first name comes out first.
        self.stack.extend(errors);
        self.stack.extend(
            children
                .into_iter()
                .rev()
                .map(|(name, t)| Pending::Entry(path.join(name), depth + 1, t)),
        );
        None
    }
}

impl Iterator for FoundFiles {
    type Item = Result<FoundFile, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.stack.pop()? {
                Pending::Error(e) => return Some(Err(e)),
                Pending::Named(path) => {
                    let meta = match fs::symlink_metadata(&path) {
                        Ok(m) => m,
                        Err(source) => return Some(Err(Error::Io { path, source })),
                    };
                    // A link named by the caller is followed.
                    let target = if meta.file_type().is_symlink() {
                        fs::metadata(&path).ok()
                    } else {
                        Some(meta)
                    };
                    match target {
                        Some(m) if m.is_dir() => {
                            if let Some(e) = self.list(path, 0) {
                                return Some(Err(e));
                            }
                        }
                        // A named file is read whatever its name and type;
                        // a broken link yields its error when read.
                        m => {
                            let size = m.map_or(0, |m| m.len());
                            return Some(Ok(FoundFile { path, size }));
                        }
                    }
                }
                Pending::Entry(path, depth, kind) => {
                    if kind.is_dir() {
                        if let Some(e) = self.list(path, depth) {
                            return Some(Err(e));
                        }
                        continue;
                    }
                    if path.extension().is_none_or(|e| e != "txt") {
                        continue;
                    }
                    // A walk reads regular files only, and follows links
                    // only to them: a FIFO named `x.txt` would block it
                    // forever on open, a link to `/dev/zero` never ends, a
                    // link to a folder could make a cycle. A broken link
                    // still yields its error when read.
                    let size = match fs::metadata(&path) {
                        Ok(m) if m.is_file() => m.len(),
                        Ok(_) => continue,
                        Err(_) if kind.is_symlink() => 0,
                        Err(source) => return Some(Err(Error::Io { path, source })),
                    };
                    if kind.is_file() || kind.is_symlink() {
                        return Some(Ok(FoundFile { path, size }));
                    }
                }
            }
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
