//! The `atlas` binary as a user runs it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .output()
        .expect("run atlas")
}

fn corpus_dir() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .display()
        .to_string()
}

#[test]
fn documents_prints_the_corpus_as_json() {
    let output = atlas(&["documents", &corpus_dir()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 5);
    let langs: Vec<&str> = documents.iter().map(|d| d["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["en", "en", "en", "en", "de"]);
    assert!(documents[3]["published"].is_null());
}

#[test]
fn a_bad_file_is_named_on_stderr_and_fails_the_run_but_good_files_still_print() {
    let dir = std::env::temp_dir().join(format!("atlas-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("scan.txt");
    std::fs::write(&bad, b"\x00\x01binary").unwrap();
    let good = PathBuf::from(corpus_dir()).join("002_01cc15b0259edb32.txt");
    let output = atlas(&["documents", good.to_str().unwrap(), bad.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();

    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("scan.txt: looks like a binary file"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn usage_errors_exit_2_with_help() {
    let output = atlas(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown command \"frobnicate\""));
    let output = atlas(&["documents"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(atlas(&["--help"]).status.success());
}
