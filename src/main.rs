//! The `lectern` binary: the command line, or the editor window when no command is given.

mod cli;

use std::process::ExitCode;

/// mimalloc reuses freed memory instead of handing large blocks back to the system, which spares
/// the page faults of importing and diffing long texts.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::main_with_args() {
        cli::Outcome::Done(code) => code,
        cli::Outcome::OpenEditor(path) => open_editor(path),
    }
}

#[cfg(feature = "gui")]
fn open_editor(path: Option<std::path::PathBuf>) -> ExitCode {
    match lectern::ui::run(path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("lectern: {err:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_editor(_path: Option<std::path::PathBuf>) -> ExitCode {
    use clap::CommandFactory;
    eprintln!("lectern: this build has no editor window (built without the `gui` feature)\n");
    cli::Cli::command().print_help().ok();
    ExitCode::from(2)
}
