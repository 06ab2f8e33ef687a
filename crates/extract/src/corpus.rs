//! Loads articles from files and directories.

use crate::document::Document;
use crate::error::{Error, ErrorKind};
use std::path::{Path, PathBuf};

/// File extensions read as articles when a directory is given.
pub const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// What loading a set of paths produced: every readable article, and an error for each file
/// that could not be read. One bad file never hides the others.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub errors: Vec<Error>,
}

/// Loads the articles at `paths`: files as given, directories by their `.txt` and `.md` files
/// (recursively, in name order). Each document's `file` is its path as displayed.
///
/// Failures are collected in [`Loaded::errors`], each naming its file.
///
/// # Example
/// ```no_run
/// let loaded = atlas_extract::load_paths(&["corpus"]);
/// for error in &loaded.errors {
///     eprintln!("{error}");
/// }
/// println!("{} articles", loaded.documents.len());
/// ```
pub fn load_paths(paths: &[impl AsRef<Path>]) -> Loaded {
    let mut loaded = Loaded::default();
    for path in paths {
        let path = path.as_ref();
        let mut files = Vec::new();
        if path.is_dir() {
            if let Err(error) = collect_article_files(path, &mut files) {
                loaded.errors.push(io_error(path, &error));
            }
            files.sort();
        } else {
            files.push(path.to_path_buf());
        }
        for file in files {
            let name = file.display().to_string();
            match std::fs::read(&file) {
                Ok(bytes) => match Document::from_bytes(name, bytes) {
                    Ok(document) => loaded.documents.push(document),
                    Err(error) => loaded.errors.push(error),
                },
                Err(error) => loaded.errors.push(io_error(&file, &error)),
            }
        }
    }
    loaded
}

fn collect_article_files(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_article_files(&path, files)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e))
            && !path.file_name().is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
        {
            files.push(path);
        }
    }
    Ok(())
}

fn io_error(path: &Path, error: &std::io::Error) -> Error {
    Error::new(ErrorKind::Io {
        message: error.to_string(),
    })
    .in_file(path.display().to_string())
}
