//! Regressions from fuzzing and hostile-input review, and the resource
//! limits a caller sets for untrusted input ([`ReadOptions`]).
//!
//! Each test names the fuzz target or the review that found the input.

use std::{fs, path::Path};

use corpus_format::{Error, Limit, ReadOptions, SourceFile, parse, read_dir};

fn limit(result: &Result<SourceFile, Error>) -> Option<(Limit, u64, u64)> {
    match result {
        Err(Error::LimitExceeded {
            which,
            actual,
            limit,
            ..
        }) => Some((*which, *actual, *limit)),
        _ => None,
    }
}

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

#[test]
fn fuzz_limits_file_over_max_file_bytes_is_refused_and_the_walk_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a_big.txt"), &[b'x'; 100]);
    write(&dir.path().join("b_at_limit.txt"), &[b'y'; 50]);
    write(&dir.path().join("c_small.txt"), b"ok");
    let options = ReadOptions {
        max_file_bytes: 50,
        ..ReadOptions::default()
    };
    let items: Vec<_> = read_dir(dir.path(), options).collect();
    assert_eq!(items.len(), 3);
    assert_eq!(limit(&items[0]), Some((Limit::FileBytes, 100, 50)));
    let err = items[0].as_ref().unwrap_err();
    assert!(err.path().ends_with("a_big.txt"));
    let message = err.to_string();
    assert!(
        message.contains("a_big.txt") && message.contains("100") && message.contains("50"),
        "{message}"
    );
    // A file exactly at the limit is accepted; the walk goes on after a refusal.
    assert_eq!(items[1].as_ref().unwrap().bytes.len(), 50);
    assert_eq!(items[2].as_ref().unwrap().bytes, b"ok");
}

#[test]
fn fuzz_limits_single_file_over_max_file_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.txt");
    write(&path, b" date 2024-03-26 Some text.");
    let tight = ReadOptions {
        max_file_bytes: 5,
        ..ReadOptions::default()
    };
    assert_eq!(
        limit(&SourceFile::read(&path, &tight)),
        Some((Limit::FileBytes, 27, 5))
    );
    let zero = ReadOptions {
        max_file_bytes: 0,
        ..ReadOptions::default()
    };
    assert!(matches!(
        limit(&SourceFile::read(&path, &zero)),
        Some((Limit::FileBytes, _, 0))
    ));
    assert!(SourceFile::read(&path, &ReadOptions::default()).is_ok());
}

/// Files whose size on disk says nothing of what reading them yields
/// (`/proc` files report 0 bytes; `/dev/zero` and FIFOs never end) must be
/// held to the limit by the bytes actually read.
#[cfg(target_os = "linux")]
#[test]
fn fuzz_limits_file_that_reports_size_zero_is_held_to_the_limit() {
    let path = Path::new("/proc/self/status");
    let content = fs::read(path).unwrap();
    assert_eq!(fs::metadata(path).unwrap().len(), 0);
    assert!(content.len() > 16);
    let options = ReadOptions {
        max_file_bytes: 16,
        ..ReadOptions::default()
    };
    assert!(matches!(
        limit(&SourceFile::read(path, &options)),
        Some((Limit::FileBytes, _, 16))
    ));
    // An endless device stops at the limit instead of filling the memory.
    let options = ReadOptions {
        max_file_bytes: 4096,
        ..ReadOptions::default()
    };
    assert!(matches!(
        limit(&SourceFile::read("/dev/zero", &options)),
        Some((Limit::FileBytes, _, 4096))
    ));
}

#[test]
fn fuzz_limits_folder_nested_too_deep_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // Depth 1: d1, depth 2: d1/d2, depth 3: d1/d2/d3.
    write(&dir.path().join("top.txt"), b"top");
    write(&dir.path().join("d1/one.txt"), b"one");
    write(&dir.path().join("d1/d2/two.txt"), b"two");
    write(&dir.path().join("d1/d2/d3/three.txt"), b"three");
    let options = ReadOptions {
        max_depth: 2,
        ..ReadOptions::default()
    };
    let mut read = Vec::new();
    let mut refused = Vec::new();
    for item in read_dir(dir.path(), options) {
        match item {
            Ok(file) => read.push(String::from_utf8(file.bytes).unwrap()),
            Err(Error::LimitExceeded {
                path,
                which: Limit::Depth,
                actual,
                limit,
                ..
            }) => refused.push((path, actual, limit)),
            Err(other) => panic!("unexpected {other}"),
        }
    }
    // In the order of the full paths: `d1/d2/d3` (refused), `d1/d2/two.txt`,
    // `d1/one.txt`, `top.txt`.
    assert_eq!(read, ["two", "one", "top"]);
    assert_eq!(refused.len(), 1);
    assert!(refused[0].0.ends_with("d1/d2/d3"));
    assert_eq!((refused[0].1, refused[0].2), (3, 2));
    // With room enough, everything is read.
    let all = read_dir(dir.path(), ReadOptions::default())
        .filter(Result::is_ok)
        .count();
    assert_eq!(all, 4);
}

#[test]
fn fuzz_limits_depth_zero_reads_only_the_named_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("top.txt"), b"top");
    write(&dir.path().join("sub/inner.txt"), b"inner");
    let options = ReadOptions {
        max_depth: 0,
        ..ReadOptions::default()
    };
    let items: Vec<_> = read_dir(dir.path(), options).collect();
    assert_eq!(items.len(), 2);
    assert!(matches!(
        items[0],
        Err(Error::LimitExceeded {
            which: Limit::Depth,
            ..
        })
    ));
    assert_eq!(items[1].as_ref().unwrap().bytes, b"top");
}

/// Pathological shapes from the benchmark, small: every one parses with
/// blocks that cover all its non-whitespace text and renders to a fixed
/// point.
#[test]
fn fuzz_parse_pathological_shapes_keep_their_properties() {
    for (unit, blocks) in [
        ("\n", 0),
        ("\r", 0),
        (" \u{a0} \t\n", 0),
        ("A\n\n", 1000),
        ("a\r\n", 1000),
        ("date ", 1),
        ("date 2024-03-2", 1),
        ("\u{200b}", 1),
    ] {
        let text = unit.repeat(1000);
        let doc = parse(&text);
        assert_eq!(doc.blocks().len(), blocks, "{unit:?}");
        let covered: usize = doc
            .blocks()
            .iter()
            .map(|b| b.as_str().split_whitespace().map(str::len).sum::<usize>())
            .sum();
        let total: usize = text.split_whitespace().map(str::len).sum();
        assert_eq!(covered, total, "{unit:?}");
        let canonical = doc.to_string();
        assert_eq!(parse(&canonical).to_string(), canonical, "{unit:?}");
    }
}

/// A FIFO named like an article (`x.txt`) in a folder would block the walk
/// forever when opened; a link to `/dev/zero` would be read up to the size
/// limit. Walks read regular files only.
#[cfg(target_os = "linux")]
#[test]
fn fuzz_limits_walk_skips_fifos_and_devices() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), b"article");
    let fifo = dir.path().join("fifo.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
    let root = dir.path().to_owned();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let items: Vec<_> = read_dir(&root, ReadOptions::default()).collect();
        let _ = send.send(items);
    });
    let items = receive
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the walk blocked on a FIFO");
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].as_ref().unwrap().bytes, b"article");
}
