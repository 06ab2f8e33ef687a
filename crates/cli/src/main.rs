//! `atlas`: the command line of Cooperation Atlas.

use atlas_extract::{load_paths, Document};
use serde::Serialize;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
atlas — Cooperation Atlas command line

USAGE:
    atlas documents PATH...    Read articles (files, or directories of .txt/.md files) and
                               print their metadata as JSON: {\"documents\": [...]}
    atlas help                 Show this text

Unreadable files (binary, not UTF-8, empty, over 5 MB) are reported on stderr, each with its
file name; the readable ones are still printed, and the exit code is 1.";

enum Command {
    Documents { paths: Vec<PathBuf> },
    Help,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut command = None;
    let mut paths = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(value) if command.is_none() => command = Some(value.string()?),
            Value(value) => paths.push(PathBuf::from(value)),
            _ => return Err(arg.unexpected()),
        }
    }
    match command.as_deref() {
        None | Some("help") => Ok(Command::Help),
        Some("documents") if paths.is_empty() => Err("documents: give at least one file or directory".into()),
        Some("documents") => Ok(Command::Documents { paths }),
        Some(other) => Err(format!("unknown command {other:?}; try `atlas help`").into()),
    }
}

#[derive(Serialize)]
struct DocumentsOutput<'a> {
    documents: &'a [Document],
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args_os().skip(1)) {
        Ok(command) => command,
        Err(error) => {
            eprintln!("atlas: {error}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Documents { paths } => {
            let loaded = load_paths(&paths);
            for error in &loaded.errors {
                eprintln!("atlas: {error}");
            }
            let output = DocumentsOutput {
                documents: &loaded.documents,
            };
            let mut stdout = std::io::stdout().lock();
            let written = serde_json::to_writer_pretty(&mut stdout, &output)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(stdout));
            if let Err(error) = written {
                eprintln!("atlas: cannot write the output: {error}");
                return ExitCode::FAILURE;
            }
            if loaded.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
