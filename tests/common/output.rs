//! Reading what a run of the real binary gave, shared by the command-line test files
//! (`#[path = "common/output.rs"] mod output;`). Each file uses what it needs.
#![allow(dead_code)]

use std::path::Path;
use std::process::Output;

/// The exit code (−1 when killed by a signal).
pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A path as a command-line argument.
pub fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}
