//! Property checks shared by the fuzz targets.
//!
//! Each `check_*` function panics (through `assert!`) when a property of
//! the specs does not hold, so that libFuzzer records the input as a crash.
//! The same functions run over the seed documents in this crate's unit
//! tests, so a broken property shows up without a fuzzer too.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod alphabet;
pub mod clean;
pub mod format;
pub mod stats;

#[cfg(test)]
mod tests {
    /// Every check of every target on the bundled sample documents, as
    /// written and with CRLF and lone CR line endings.
    #[test]
    fn sample_documents_hold_every_property() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).expect("examples/data") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("sample");
            let text = crate::format::check_decode(&bytes).into_owned();
            for variant in [
                text.clone(),
                text.replace('\n', "\r\n"),
                text.replace('\n', "\r"),
            ] {
                crate::format::check_text(&variant);
                crate::clean::check_text(&variant);
                let date = corpus_format::parse(&variant).date();
                crate::stats::check_text(&variant, date);
            }
            seen += 1;
        }
        assert!(
            seen >= 5,
            "only {seen} sample documents in {}",
            dir.display()
        );
    }
}
