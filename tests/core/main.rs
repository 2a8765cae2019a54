//! Every test of the core and the command line in one binary: the library and its dependencies
//! are linked once instead of once per file. Each file in `tests/` stays a module of its own
//! (with its own helpers); the window's tests are the other binary (`tests/window/`).
//!
//! A new test file in `tests/` must be listed here: [`every_test_file_is_listed`] fails until it
//! is, so no test can sit in a file that never runs.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

// Helpers shared by several test files, declared once.
#[path = "../docx_support/mod.rs"]
mod docx_support;
#[path = "../import_support/mod.rs"]
mod import_support;
#[path = "../common/output.rs"]
mod output;
#[path = "../print_support/mod.rs"]
mod print_support;
#[path = "../common/sample.rs"]
mod sample;

#[path = "../bad_input.rs"]
mod bad_input;
#[path = "../cli.rs"]
mod cli;
#[path = "../cli_check.rs"]
mod cli_check;
#[path = "../cli_diff.rs"]
mod cli_diff;
#[path = "../cli_everyday.rs"]
mod cli_everyday;
#[path = "../cli_merge.rs"]
mod cli_merge;
#[path = "../crash_safety.rs"]
mod crash_safety;
#[path = "../diff_props.rs"]
mod diff_props;
#[path = "../import_docx.rs"]
mod import_docx;
#[path = "../import_encodings.rs"]
mod import_encodings;
#[path = "../import_fixtures.rs"]
mod import_fixtures;
#[path = "../import_patterns.rs"]
mod import_patterns;
#[path = "../import_preview.rs"]
mod import_preview;
#[path = "../import_props.rs"]
mod import_props;
#[path = "../merge_props.rs"]
mod merge_props;
#[path = "../print_docx.rs"]
mod print_docx;
#[path = "../print_pdf.rs"]
mod print_pdf;
#[path = "../proof_props.rs"]
mod proof_props;
#[path = "../robustness_props.rs"]
mod robustness_props;

/// Cargo does not pick up files in `tests/` by itself (`autotests = false`): each must be a
/// module above.
#[test]
fn every_test_file_is_listed() {
    let tests = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let listing = include_str!("main.rs");
    let mut files = 0;
    for entry in std::fs::read_dir(&tests).expect("the tests folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_name().and_then(|n| n.to_str()).expect("a name");
            let declared = format!("#[path = \"../{name}\"]");
            assert!(
                listing.contains(&declared),
                "tests/{name} is not a module of tests/core/main.rs"
            );
            files += 1;
        }
    }
    assert!(
        files > 10,
        "only {files} test files found in {}",
        tests.display()
    );
}
