//! End-to-end tests of the example programs, run as users run them: on the
//! bundled corpus and on temporary folders.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command as StdCommand,
    sync::Once,
};

use assert_cmd::Command;
use serde_json::Value;

const PROGRAMS: [&str; 4] = ["report", "parse", "clean", "stats"];

/// The built example `name`, from `target/<profile>/examples/`; built
/// first when missing (as under `cargo test` they normally are).
fn bin(name: &str) -> PathBuf {
    static BUILD: Once = Once::new();
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/cli-<hash> -> target/<profile>/examples/<name>
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target profile folder");
    let path = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    // `cargo test` builds the examples, `cargo test --test cli` does not:
    // build them once, so that the binaries tested are never stale.
    BUILD.call_once(|| {
        let mut build = StdCommand::new(env!("CARGO"));
        build.args(["build", "--quiet", "--examples", "-p", "corpus-examples"]);
        if profile_dir.ends_with("release") {
            build.arg("--release");
        }
        let status = build.status().expect("run cargo build");
        assert!(status.success(), "cargo build --examples failed");
    });
    path
}

fn cmd(name: &str) -> Command {
    let mut c = Command::new(bin(name));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn data_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(data())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The keys of every JSON object of `json`, in the order they are written,
/// objects in the order they open.
fn object_keys(json: &str) -> Vec<Vec<String>> {
    let b = json.as_bytes();
    let mut objects: Vec<Vec<String>> = Vec::new();
    let mut stack: Vec<Option<usize>> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' => {
                objects.push(Vec::new());
                stack.push(Some(objects.len() - 1));
                expect_key = true;
            }
            b'[' => {
                stack.push(None);
                expect_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => expect_key = matches!(stack.last(), Some(Some(_))),
            b'"' => {
                let start = i + 1;
                i += 1;
                while b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    let Some(Some(at)) = stack.last() else {
                        unreachable!()
                    };
                    objects[*at].push(json[start..i].to_owned());
                    expect_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    objects
}

#[test]
fn object_keys_follow_the_text() {
    let keys = object_keys(r#"{"b": 1, "a": [{"y": "x,\"z\": 2", "x": {}}], "c": null}"#);
    assert_eq!(keys, [vec!["b", "a", "c"], vec!["y", "x"], vec![]]);
}

#[test]
fn help_documents_every_option() {
    let options: [(&str, &[&str]); 4] = [
        ("report", &["--json"]),
        ("parse", &["--pretty", "--strict"]),
        ("clean", &["--out", "--dry-run"]),
        ("stats", &["--summary"]),
    ];
    for (name, own) in options {
        let out = cmd(name).arg("--help").output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{name} --help");
        let help = stdout_of(&out);
        assert!(help.contains("Usage:"), "{name}: {help}");
        for option in [
            "--jsonl",
            "--threads",
            "--max-bytes",
            "--max-depth",
            "[PATH]...",
        ]
        .iter()
        .chain(own)
        {
            assert!(
                help.contains(option),
                "{name} --help lacks {option}:\n{help}"
            );
        }
    }
    let out = cmd("gen_corpus").arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout_of(&out).contains("--mb"));
}

#[test]
fn bad_arguments_exit_2() {
    for name in PROGRAMS {
        let out = cmd(name).arg("--no-such-option").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(stderr_of(&out).contains("--no-such-option"), "{name}");
        let out = cmd(name).args(["--threads", "0", "data"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{name} --threads 0");
        assert!(out.stdout.is_empty(), "{name}");
    }
    // Nothing to read: a usage error, not a hang on stdin.
    for name in ["parse", "clean", "stats"] {
        let out = cmd(name).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{name} without PATH");
    }
    let out = cmd("clean")
        .args(["--jsonl", "--out", "somewhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn parse_reports_blocks_with_spans_into_the_file() {
    let out = cmd("parse").arg("data").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let lines = json_lines(&stdout_of(&out));
    let files = data_files();
    assert_eq!(lines.len(), files.len());
    for (line, file) in lines.iter().zip(&files) {
        let name = file.file_name().unwrap().to_str().unwrap();
        assert_eq!(line["path"], format!("data/{name}"));
        assert_eq!(line["id"], name[4..20]);
        let bytes = fs::read(file).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let has_header = text.starts_with(" date ") && line["diagnostics"] == Value::Array(vec![]);
        assert_eq!(line["header"].is_object(), has_header, "{name}");
        assert_eq!(line["date"].is_string(), has_header, "{name}");
        let blocks = line["blocks"].as_array().unwrap();
        assert!(!blocks.is_empty(), "{name}");
        for block in blocks {
            let (start, end) = (
                block["start"].as_u64().unwrap(),
                block["end"].as_u64().unwrap(),
            );
            let slice = &text[start as usize..end as usize];
            let joined: Vec<&str> = slice
                .lines()
                .flat_map(|l| l.split('\r'))
                .map(str::trim)
                .collect();
            assert_eq!(block["text"], joined.join(" "), "{name}");
            assert!(["heading", "paragraph"].contains(&block["kind"].as_str().unwrap()));
        }
    }
    // The soft-wrapped file has three paragraphs and a heading, the one
    // without blank lines one paragraph per line.
    let kinds = |i: usize| -> Vec<String> {
        lines[i]["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["kind"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        kinds(3),
        [
            "paragraph",
            "heading",
            "paragraph",
            "paragraph",
            "paragraph"
        ]
    );
    assert_eq!(kinds(2), vec!["paragraph"; 7]);
    // The lone-CR and CRLF files are split into blocks like the others.
    assert_eq!(kinds(5).len(), 4);
    assert_eq!(
        kinds(4),
        [
            "paragraph",
            "heading",
            "paragraph",
            "paragraph",
            "paragraph"
        ]
    );
    // The invalid header is kept as text, with a diagnostic.
    assert_eq!(lines[9]["diagnostics"][0]["start"], 0);
    assert!(
        lines[9]["blocks"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("date 2024-02-30")
    );
}

#[test]
fn parse_pretty_indents() {
    let out = cmd("parse")
        .args(["--pretty", "data/002_0c5c7fd0a6a3a450.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout_of(&out);
    assert!(text.lines().count() > 10);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["id"], "0c5c7fd0a6a3a450");
}

#[test]
fn parse_strict_names_path_offset_line_and_column() {
    let out = cmd("parse").args(["--strict", "data"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("data/009_6b0d549b6f03675a.txt"), "{err}");
    assert!(err.contains("byte 5 (line 1, column 6)"), "{err}");
    // The other documents are still written.
    assert_eq!(json_lines(&stdout_of(&out)).len(), data_files().len() - 1);
}

#[test]
fn stdin_is_one_document() {
    let out = cmd("parse")
        .arg("-")
        .write_stdin(" date 2024-03-26 From a pipe.\n\nSecond.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&stdout_of(&out));
    assert_eq!(lines.len(), 1);
    assert_eq!(
        (lines[0]["path"].as_str(), lines[0]["id"].as_str()),
        (Some("-"), Some("-"))
    );
    assert_eq!(lines[0]["date"], "2024-03-26");
    assert_eq!(lines[0]["blocks"].as_array().unwrap().len(), 2);
}

const STATS_KEYS: [&str; 10] = [
    "path",
    "id",
    "date",
    "words",
    "sentences",
    "paragraphs",
    "headings",
    "dates",
    "figures",
    "clean",
];

#[test]
fn stats_escapes_strings_as_json() {
    let record = serde_json::json!({
        "id": "quote\" back\\ slash\u{1} bell",
        "text": "The \"Deal\" Falls Apart\n\nIt fell on March 3, 2024, after 12 \"talks\" in C:\\Rooms.",
        "date": "2024-03-26",
    });
    let out = cmd("stats")
        .args(["--jsonl", "-"])
        .write_stdin(format!("{record}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let lines = json_lines(&stdout_of(&out));
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert_eq!(line["id"], record["id"]);
    assert_eq!(line["path"], Value::Null);
    assert_eq!(
        line["headings"],
        serde_json::json!(["The \"Deal\" Falls Apart"])
    );
    assert_eq!(line["dates"][0]["text"], "March 3, 2024");
    assert_eq!(line["dates"][0]["value"], "2024-03-03");
    assert_eq!(line["figures"][0]["text"], "12");
    assert_eq!(line["figures"][0]["value"], 12);
}

#[test]
fn stats_follows_the_documented_schema() {
    let out = cmd("stats").arg("data").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert_eq!(text.lines().count(), data_files().len());
    for line in text.lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        let keys = object_keys(line);
        assert_eq!(keys[0], STATS_KEYS, "{line}");
        let n_dates = value["dates"].as_array().unwrap().len();
        let n_figures = value["figures"].as_array().unwrap().len();
        assert_eq!(keys.len(), 1 + n_dates + n_figures + 1);
        for date in &keys[1..1 + n_dates] {
            assert_eq!(date, &["text", "start", "end", "kind", "value"]);
        }
        for figure in &keys[1 + n_dates..1 + n_dates + n_figures] {
            assert_eq!(
                figure,
                &[
                    "text",
                    "start",
                    "end",
                    "kind",
                    "value",
                    "qualifier",
                    "unit",
                    "currency"
                ]
            );
        }
        assert_eq!(keys.last().unwrap(), &["edits"]);
        assert!(value["words"].as_u64().unwrap() > 50);
        assert!(value["sentences"].as_u64().unwrap() >= 3);
        assert!(value["paragraphs"].as_u64().unwrap() >= 3);
    }
    // The examples of the spec, as found in the first article.
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first["date"], "2024-03-26");
    assert_eq!(
        first["headings"],
        serde_json::json!(["Crossings Remain Congested", "Funding Gap"])
    );
    let has = |list: &str, text: &str, value: Value| {
        first[list]
            .as_array()
            .unwrap()
            .iter()
            .any(|item| item["text"] == text && item["value"] == value)
    };
    assert!(has("dates", "March 24", "2024-03-24".into()));
    assert!(has("dates", "October 7", "2023-10-07".into()));
    assert!(has("figures", "32,000", 32000.into()));
    assert!(has("figures", "12.5 percent", 12.5.into()));
}

/// The cleaned body of a document written by `clean --out`: without the
/// header ` date YYYY-MM-DD `.
fn cleaned_body(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    match text.strip_prefix(" date ") {
        Some(rest) if rest.len() >= 11 => rest[11..].to_owned(),
        _ => text,
    }
}

#[test]
fn stats_spans_point_into_the_cleaned_body() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd("clean")
        .arg("data")
        .arg("--out")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    for kind in [
        "mojibake",
        "html_entity",
        "space",
        "invisible",
        "boilerplate",
    ] {
        assert!(err.contains(kind), "edit counts lack {kind}: {err}");
    }
    let out = cmd("stats").arg("data").output().unwrap();
    let mut edited = 0;
    for (line, file) in json_lines(&stdout_of(&out)).iter().zip(data_files()) {
        let body = cleaned_body(&dir.path().join(file.file_name().unwrap()));
        assert!(!body.contains("â€") && !body.contains("&amp;") && !body.contains(">>>>"));
        for item in line["dates"]
            .as_array()
            .unwrap()
            .iter()
            .chain(line["figures"].as_array().unwrap())
        {
            let (start, end) = (
                item["start"].as_u64().unwrap(),
                item["end"].as_u64().unwrap(),
            );
            assert_eq!(
                body.get(start as usize..end as usize),
                item["text"].as_str(),
                "{}",
                file.display()
            );
        }
        if line["clean"]["edits"].as_u64().unwrap() > 0 {
            edited += 1;
        }
    }
    assert!(edited >= 2, "the damaged and the trailer files have edits");
}

#[test]
fn clean_to_stdout_and_dry_run() {
    let damaged = "data/007_36f675cc81e74ef5.txt";
    let out = cmd("clean").arg(damaged).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout_of(&out);
    assert!(
        text.starts_with(" date 2024-03-19 Israel\u{2019}s cabinet"),
        "{text}"
    );
    assert!(
        text.contains("Qatar & Egypt") && !text.contains('\u{200b}') && !text.contains('\u{a0}')
    );
    let out = cmd("clean").args([damaged, "--dry-run"]).output().unwrap();
    let listing = stdout_of(&out);
    assert!(
        listing.contains(&format!("{damaged}:23-31 mojibake \"â€™\" -> \"’\"")),
        "{listing}"
    );
    assert!(listing.lines().all(|l| l.starts_with(damaged)));
}

/// JSON Lines records of the bundled corpus: `{"id", "text"}`.
fn corpus_as_records() -> String {
    let mut records = String::new();
    for file in data_files() {
        let bytes = fs::read(&file).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let id = &file.file_name().unwrap().to_str().unwrap()[4..20];
        records.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        records.push('\n');
    }
    records
}

#[test]
fn jsonl_records_give_the_same_stats_as_files() {
    let from_files = json_lines(&stdout_of(&cmd("stats").arg("data").output().unwrap()));
    let out = cmd("stats")
        .arg("--jsonl")
        .write_stdin(corpus_as_records())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let from_records = json_lines(&stdout_of(&out));
    assert_eq!(from_records.len(), from_files.len());
    for (mut file, record) in from_files.into_iter().zip(from_records) {
        assert_eq!(record["path"], Value::Null);
        file["path"] = Value::Null;
        assert_eq!(file, record);
    }
}

#[test]
fn jsonl_round_trip_through_clean() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("in.jsonl");
    fs::write(&records, corpus_as_records()).unwrap();
    let out = cmd("clean").arg("--jsonl").arg(&records).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let cleaned_records = stdout_of(&out);
    let cleaned = json_lines(&cleaned_records);
    let files = data_files();
    assert_eq!(cleaned.len(), files.len());
    for (record, file) in cleaned.iter().zip(&files) {
        assert_eq!(
            record["id"],
            file.file_name().unwrap().to_str().unwrap()[4..20]
        );
        let from_file = stdout_of(&cmd("clean").arg(file).output().unwrap());
        assert_eq!(
            record["text"].as_str().unwrap(),
            from_file.trim_end_matches('\n')
        );
        for edit in record["edits"].as_array().unwrap() {
            assert_eq!(object_keys(&edit.to_string())[0].len(), 4);
        }
    }
    // Cleaned records are records again: cleaning them changes nothing.
    let out = cmd("clean")
        .arg("--jsonl")
        .write_stdin(cleaned_records.clone())
        .output()
        .unwrap();
    let again = json_lines(&stdout_of(&out));
    for (a, b) in again.iter().zip(&cleaned) {
        assert_eq!(a["text"], b["text"]);
        assert_eq!(a["edits"], Value::Array(vec![]));
    }
}

#[test]
fn record_date_wins_over_the_header() {
    let records = concat!(
        r#"{"id": "a", "text": " date 2024-03-26 Talks resumed on Friday.", "date": "2024-01-10"}"#,
        "\n\n",
        r#"{"id": 42, "text": " date 2024-03-26 Talks resumed on Friday."}"#,
        "\n",
    );
    let out = cmd("stats")
        .arg("--jsonl")
        .write_stdin(records)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let lines = json_lines(&stdout_of(&out));
    assert_eq!(lines[0]["date"], "2024-01-10");
    assert_eq!(lines[0]["dates"][0]["value"], "2024-01-05");
    assert_eq!(
        (lines[1]["id"].as_str(), lines[1]["date"].as_str()),
        (Some("42"), Some("2024-03-26"))
    );
    assert_eq!(lines[1]["dates"][0]["value"], "2024-03-22");
}

#[test]
fn bad_records_are_reported_with_line_and_offset() {
    let records = "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"txt\": \"Two.\"}\n{\"id\": \"c\", \"text\": \"Three.\"}\n";
    let out = cmd("stats")
        .arg("--jsonl")
        .arg("-")
        .write_stdin(records)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<Value> = json_lines(&stdout_of(&out))
        .iter()
        .map(|l| l["id"].clone())
        .collect();
    assert_eq!(ids, ["a", "c"]);
    let err = stderr_of(&out);
    assert!(err.contains("-:2: invalid record at byte"), "{err}");
    assert!(err.contains("missing field `text`"), "{err}");
}

/// A folder of many small documents, some large ones among them so that
/// workers finish out of order, and a subfolder.
fn many_documents() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    for i in 0..2500u32 {
        let repeat = if i % 97 == 0 {
            400
        } else {
            1 + (i % 5) as usize
        };
        let text = format!(
            " date 2024-03-{:02} Report {i} says {} people left on March {}.\n\n",
            1 + i % 28,
            1000 + i,
            1 + i % 27
        )
        .repeat(repeat);
        let folder = if i % 10 == 3 {
            dir.path().join("sub")
        } else {
            dir.path().to_owned()
        };
        fs::write(
            folder.join(format!("{i:05}_{:016x}.txt", u64::from(i) * 7919)),
            text,
        )
        .unwrap();
    }
    dir
}

#[test]
fn output_keeps_input_order_with_several_threads() {
    let dir = many_documents();
    let run = |program: &str, threads: &str| {
        let out = cmd(program)
            .arg(dir.path())
            .args(["--threads", threads])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        stdout_of(&out)
    };
    let one = run("stats", "1");
    let four = run("stats", "4");
    assert_eq!(one, four);
    // Name order of the full paths: the folder's files, `sub/` among them.
    let mut expected: Vec<PathBuf> = Vec::new();
    for entry in fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            expected.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            expected.push(path);
        }
    }
    expected.sort();
    let paths: Vec<String> = json_lines(&one)
        .iter()
        .map(|l| l["path"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = expected.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(paths, expected);
    assert_eq!(run("parse", "3"), run("parse", "1"));
}

#[cfg(unix)]
#[test]
fn bad_files_are_reported_and_the_others_processed() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a.txt"), " date 2024-03-26 First good one.").unwrap();
    fs::write(p.join("b.txt"), b"Good text \xff then bad.").unwrap();
    fs::write(p.join("c.txt"), "Locked away.").unwrap();
    fs::set_permissions(p.join("c.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    // As root, mode 000 does not stop reading.
    let locked = fs::read(p.join("c.txt")).is_err();
    std::os::unix::fs::symlink(p.join("missing.txt"), p.join("d.txt")).unwrap();
    fs::create_dir(p.join("x.txt")).unwrap();
    fs::write(
        p.join("x.txt").join("inner.txt"),
        "Inside a folder named x.txt.",
    )
    .unwrap();
    fs::write(p.join("z.txt"), "Last good one.").unwrap();

    let out = cmd("stats")
        .arg(p)
        .arg("--threads")
        .arg("2")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = json_lines(&stdout_of(&out))
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    let expected: &[&str] = if locked {
        &["a", "inner", "z"]
    } else {
        &["a", "c", "inner", "z"]
    };
    assert_eq!(ids, expected);
    let err = stderr_of(&out);
    assert!(
        err.contains(&format!(
            "{}: invalid UTF-8 at byte 10",
            p.join("b.txt").display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&p.join("d.txt").display().to_string()),
        "{err}"
    );
    if locked {
        assert!(
            err.contains(&p.join("c.txt").display().to_string()),
            "{err}"
        );
    }

    let cleaned = tempfile::tempdir().unwrap();
    let out = cmd("clean")
        .arg(p)
        .arg("--out")
        .arg(cleaned.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    for name in ["a.txt", "inner.txt", "z.txt"] {
        assert!(cleaned.path().join(name).is_file(), "{name} not written");
    }
    assert!(!cleaned.path().join("b.txt").exists());
    fs::set_permissions(p.join("c.txt"), fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn missing_path_is_reported() {
    let out = cmd("parse")
        .args(["data/002_0c5c7fd0a6a3a450.txt", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&stdout_of(&out)).len(), 1);
    assert!(stderr_of(&out).contains("no/such/file.txt"));
}

#[test]
fn report_summarizes_the_bundled_corpus() {
    let out = cmd("report").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let last = text.lines().last().unwrap();
    assert!(last.starts_with("12 documents, "), "{last}");
    assert!(
        last.contains(" MB in ") && last.ends_with(" MB/s"),
        "{last}"
    );
    for part in [
        "Top words",
        "Dates mentioned by month",
        "Largest figures",
        "Cleaning edits",
        "2024-03",
    ] {
        assert!(text.contains(part), "report lacks {part}:\n{text}");
    }
    let out = cmd("report").args(["--json", "data"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let summary: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(summary["documents"], 12);
    assert!(summary["words"].as_u64().unwrap() > 1500);
    assert!(summary["top_words"].as_array().unwrap().len() >= 10);
    assert!(
        summary["largest_figures"][0]["context"]
            .as_str()
            .unwrap()
            .contains(summary["largest_figures"][0]["text"].as_str().unwrap())
    );
    assert!(summary["edits"]["mojibake"].as_u64().unwrap() >= 1);
    let words = |summary: &Value| -> Vec<String> {
        summary["top_words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["word"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(!words(&summary).contains(&"the".to_owned()));
    let out = cmd("report")
        .args(["--json", "--stop-words", "--top", "3", "data"])
        .output()
        .unwrap();
    let with_stop_words: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(words(&with_stop_words)[0], "the");
    assert_eq!(
        with_stop_words["largest_figures"].as_array().unwrap().len(),
        3
    );
}

#[test]
fn stats_summary_is_the_last_line() {
    let out = cmd("stats").args(["data", "--summary"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&stdout_of(&out));
    assert_eq!(lines.len(), data_files().len() + 1);
    let summary = &lines.last().unwrap()["summary"];
    assert_eq!(summary["documents"], 12);
    let words: u64 = lines[..12]
        .iter()
        .map(|l| l["words"].as_u64().unwrap())
        .sum();
    assert_eq!(summary["words"], words);
}

#[test]
fn gen_corpus_is_deterministic() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for dir in [&a, &b] {
        let out = cmd("gen_corpus")
            .args(["--mb", "0.05", "--out"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
    }
    let listing = |d: &Path| {
        let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(d)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                (
                    p.file_name().unwrap().to_str().unwrap().to_owned(),
                    fs::read(&p).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let files = listing(a.path());
    assert_eq!(files, listing(b.path()));
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    assert!((50_000..60_000).contains(&bytes), "{bytes}");
    let out = cmd("stats").arg(a.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&stdout_of(&out));
    assert_eq!(lines.len(), files.len());
    assert!(
        lines
            .iter()
            .all(|l| !l["dates"].as_array().unwrap().is_empty())
    );
    assert!(
        lines
            .iter()
            .all(|l| !l["figures"].as_array().unwrap().is_empty())
    );
}

#[test]
fn a_closed_output_stops_quietly() {
    use std::io::Read;
    use std::process::Stdio;

    let dir = many_documents();
    for name in PROGRAMS {
        let mut child = StdCommand::new(bin(name))
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The read end is dropped here: the next writes fail.
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(out.status.code(), Some(0), "{name}: {err}");
    }
}

#[test]
fn limits_skip_what_is_too_large_and_say_which_limit() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("001_00000000000000aa.txt"), "Small one.").unwrap();
    fs::write(dir.path().join("002_00000000000000bb.txt"), "x".repeat(500)).unwrap();
    fs::create_dir_all(dir.path().join("a/b")).unwrap();
    fs::write(dir.path().join("a/b/003_00000000000000cc.txt"), "Deep.").unwrap();
    let out = cmd("stats")
        .arg(dir.path())
        .args(["--max-bytes", "100", "--max-depth", "1", "--threads", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = json_lines(&stdout_of(&out))
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["00000000000000aa"]);
    let err = stderr_of(&out);
    assert!(
        err.contains("002_00000000000000bb.txt: file size in bytes is 500, over the limit of 100"),
        "{err}"
    );
    assert!(
        err.contains("folder depth is 2, over the limit of 1"),
        "{err}"
    );

    // A JSON Lines record over the limit is skipped whole; the next is read.
    let records = format!(
        "{{\"id\":\"big\",\"text\":\"{}\"}}\n{{\"id\":\"small\",\"text\":\"Fine.\"}}\n",
        "y".repeat(300)
    );
    let out = cmd("stats")
        .args(["--jsonl", "--max-bytes", "100", "--threads", "1"])
        .write_stdin(records)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = json_lines(&stdout_of(&out))
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["small"]);
    assert!(
        stderr_of(&out)
            .contains("-:1: record size in bytes (at least) is 101, over the limit of 100"),
        "{}",
        stderr_of(&out)
    );
}
