//! `atlas`: the command line of Cooperation Atlas.

mod eval;
mod synth;

use atlas_extract::output::Extraction as ExtractionOutput;
use atlas_extract::{load_paths, Document};
use eval::{evaluate, parse_gold, Extraction, GoldEvent};
use serde::Serialize;
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
atlas — Cooperation Atlas command line

USAGE:
    atlas extract PATH...      Find the China–UK cooperation events in articles (files, or
                               directories of .txt/.md files) and print them as JSON:
                               {\"documents\": [...], \"events\": [...]}
                               (schema: crates/extract/README.md)
    atlas documents PATH...    Read articles (files, or directories of .txt/.md files) and
                               print their metadata as JSON: {\"documents\": [...]}
    atlas eval --gold FILE [--extraction OUTPUT.json] [--json] PATH...
                               Score an extraction of the articles PATH... (files or
                               directories) against gold events: event recall (all and main
                               events), precision, and date, place, actor and kind accuracy over
                               matched events, then every miss by file. Scores `atlas extract`
                               on PATH..., or with --extraction the JSON an extractor printed ({\"documents\": [...], \"events\": [...]});
                               --json prints the report as JSON. Only the articles in PATH...
                               are scored. Exit code 0 whenever scoring ran, whatever the scores.
    atlas synth --events N [--seed S] [--out FILE]
                               Write a synthetic extraction of N events (articles of one to
                               six events, with their text) for measuring the app at scale;
                               open it with ?dataset=FILE. The same N and seed (default 2026)
                               give the same bytes. Writes to stdout without --out.
    atlas help                 Show this text

Unreadable files (binary, not UTF-8, empty, over 5 MB) are reported on stderr, each with its
file name; the readable ones are still used, and the exit code is 1. Usage errors exit with 2.";

enum Command {
    Extract { paths: Vec<PathBuf> },
    Documents { paths: Vec<PathBuf> },
    Eval(EvalArgs),
    Synth(SynthArgs),
    Help,
}

struct SynthArgs {
    events: usize,
    seed: u64,
    out: Option<PathBuf>,
}

struct EvalArgs {
    gold: PathBuf,
    extraction: Option<PathBuf>,
    json: bool,
    paths: Vec<PathBuf>,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut command = None;
    let mut paths = Vec::new();
    let mut gold = None;
    let mut extraction = None;
    let mut json = false;
    let (mut events, mut seed, mut out) = (None, None, None);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Long("gold") => gold = Some(PathBuf::from(parser.value()?)),
            Long("extraction") => extraction = Some(PathBuf::from(parser.value()?)),
            Long("json") => json = true,
            Long("events") => events = Some(parser.value()?.parse::<usize>()?),
            Long("seed") => seed = Some(parser.value()?.parse::<u64>()?),
            Long("out") => out = Some(PathBuf::from(parser.value()?)),
            Value(value) if command.is_none() => command = Some(value.string()?),
            Value(value) => paths.push(PathBuf::from(value)),
            _ => return Err(arg.unexpected()),
        }
    }
    let misplaced = [
        ("--gold", gold.is_some(), "eval"),
        ("--extraction", extraction.is_some(), "eval"),
        ("--json", json, "eval"),
        ("--events", events.is_some(), "synth"),
        ("--seed", seed.is_some(), "synth"),
        ("--out", out.is_some(), "synth"),
    ]
    .into_iter()
    .find(|&(_, given, owner)| given && command.as_deref() != Some(owner));
    if let Some((option, _, owner)) = misplaced {
        return Err(format!("{option} is an option of `atlas {owner}`").into());
    }
    match command.as_deref() {
        None | Some("help") => Ok(Command::Help),
        Some("extract") if paths.is_empty() => Err("extract: give at least one file or directory".into()),
        Some("extract") => Ok(Command::Extract { paths }),
        Some("documents") if paths.is_empty() => Err("documents: give at least one file or directory".into()),
        Some("documents") => Ok(Command::Documents { paths }),
        Some("eval") => match gold {
            None => Err("eval: give the gold events with --gold FILE".into()),
            Some(_) if paths.is_empty() => Err("eval: give the articles (files or directories) to score".into()),
            Some(gold) => Ok(Command::Eval(EvalArgs {
                gold,
                extraction,
                json,
                paths,
            })),
        },
        Some("synth") if !paths.is_empty() => Err("synth: takes no paths (did you mean --out FILE?)".into()),
        Some("synth") => match events {
            None => Err("synth: give the number of events with --events N".into()),
            Some(events) => Ok(Command::Synth(SynthArgs {
                events,
                seed: seed.unwrap_or(synth::DEFAULT_SEED),
                out,
            })),
        },
        Some(other) => Err(format!("unknown command {other:?}; try `atlas help`").into()),
    }
}

#[derive(Serialize)]
struct DocumentsOutput<'a> {
    documents: &'a [Document],
}

/// Writes `value` as pretty JSON to stdout; `false` (after saying why) when it cannot.
fn print_json(value: &impl Serialize) -> bool {
    let mut stdout = std::io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut stdout, value)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(stdout));
    if let Err(error) = written {
        eprintln!("atlas: cannot write the output: {error}");
        return false;
    }
    true
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
        Command::Eval(args) => run_eval(&args),
        Command::Synth(args) => run_synth(&args),
        Command::Extract { paths } => {
            let loaded = load_paths(&paths);
            report_load_errors(&loaded.errors);
            // What `atlas extract` prints (schema: crates/extract/README.md).
            let printed = print_json(&ExtractionOutput::of(&loaded.documents));
            exit_code(printed && loaded.errors.is_empty())
        }
        Command::Documents { paths } => {
            let loaded = load_paths(&paths);
            report_load_errors(&loaded.errors);
            let printed = print_json(&DocumentsOutput {
                documents: &loaded.documents,
            });
            exit_code(printed && loaded.errors.is_empty())
        }
    }
}

fn report_load_errors(errors: &[atlas_extract::Error]) {
    for error in errors {
        eprintln!("atlas: {error}");
    }
}

fn exit_code(success: bool) -> ExitCode {
    if success {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `atlas synth`: generates the corpus and writes it to the file or stdout.
fn run_synth(args: &SynthArgs) -> ExitCode {
    let corpus = synth::generate(args.events, args.seed);
    let written = match &args.out {
        Some(path) => std::fs::File::create(path)
            .and_then(|file| corpus.write_json(file))
            .map_err(|error| format!("{}: {error}", path.display())),
        None => corpus
            .write_json(std::io::stdout().lock())
            .map_err(|error| format!("cannot write the output: {error}")),
    };
    if let Err(message) = written {
        eprintln!("atlas: {message}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// `atlas eval`: reads the gold events, the articles and the extraction, then scores.
fn run_eval(args: &EvalArgs) -> ExitCode {
    let gold = match read_gold(&args.gold) {
        Ok(gold) => gold,
        Err(message) => {
            eprintln!("atlas: {message}");
            return ExitCode::FAILURE;
        }
    };
    let loaded = load_paths(&args.paths);
    report_load_errors(&loaded.errors);
    if loaded.documents.is_empty() {
        eprintln!("atlas: eval: no readable article in the paths given");
        return ExitCode::FAILURE;
    }
    let extraction = match &args.extraction {
        Some(path) => match read_extraction(path) {
            Ok(extraction) => extraction,
            Err(message) => {
                eprintln!("atlas: {message}");
                return ExitCode::FAILURE;
            }
        },
        None => {
            let output = serde_json::to_value(ExtractionOutput::of(&loaded.documents)).expect("events serialise");
            serde_json::from_value(output).expect("the extraction schema is what eval reads")
        }
    };
    let texts: HashMap<String, String> = loaded
        .documents
        .into_iter()
        .map(|document| (document.file, document.text))
        .collect();
    let scored = print_scores(&gold, &extraction, &texts, args.json);
    exit_code(scored && loaded.errors.is_empty())
}

/// Scores `extraction` and prints the report (text, or JSON). `false` when it cannot be written.
fn print_scores(gold: &[GoldEvent], extraction: &Extraction, texts: &HashMap<String, String>, json: bool) -> bool {
    let report = evaluate(gold, extraction, texts);
    let mut stdout = std::io::stdout().lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut stdout, &report)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(stdout))
    } else {
        write!(stdout, "{report}")
    };
    if let Err(error) = written {
        eprintln!("atlas: cannot write the report: {error}");
        return false;
    }
    true
}

fn read_gold(path: &Path) -> Result<Vec<GoldEvent>, String> {
    let text = read_text(path)?;
    parse_gold(&text).map_err(|error| json_error(path, &error))
}

fn read_extraction(path: &Path) -> Result<Extraction, String> {
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|error| json_error(path, &error))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))
}

/// `gold.json: line 3 column 5: missing field `file``.
fn json_error(path: &Path, error: &serde_json::Error) -> String {
    let message = error.to_string();
    if error.line() == 0 {
        return format!("{}: {message}", path.display());
    }
    let position = format!(" at line {} column {}", error.line(), error.column());
    let message = message.strip_suffix(&position).unwrap_or(&message);
    format!(
        "{}: line {} column {}: {message}",
        path.display(),
        error.line(),
        error.column()
    )
}
