//! The one error type of this crate.

use std::fmt;

/// Why an article could not be read.
///
/// Finding no event in a readable article is not an error: extraction returns an empty list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    file: Option<String>,
}

/// What went wrong, without the file it happened in.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read from disk.
    Io { message: String },
    /// The bytes are not UTF-8; `byte_offset` is where the first invalid sequence starts.
    InvalidUtf8 { byte_offset: usize },
    /// The bytes look like a binary file (NUL or other control bytes), not text.
    Binary,
    /// The file holds no text at all (or only whitespace).
    Empty,
    /// The file is larger than articles are allowed to be.
    TooLarge { bytes: usize, limit: usize },
    /// A file of a kind the atlas does not read as an article (only `.txt`, `.md`/`.markdown`
    /// and `.html`/`.htm` are read); `extension` is as given, without the dot (empty if none).
    UnsupportedFile { extension: String },
    /// A data file (gazetteer, dataset) is malformed at `line` (1-based; 0 when not tied to a line).
    InvalidData { line: usize, message: String },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error { kind, file: None }
    }

    /// Attaches the name of the file the error is about.
    #[must_use]
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file the error is about, when known.
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Io { message } => write!(f, "cannot read the file: {message}"),
            ErrorKind::InvalidUtf8 { byte_offset } => write!(
                f,
                "not UTF-8 text (first invalid byte at offset {byte_offset}); save the article as UTF-8"
            ),
            ErrorKind::Binary => write!(f, "looks like a binary file, not article text"),
            ErrorKind::Empty => write!(f, "the file is empty"),
            ErrorKind::TooLarge { bytes, limit } => write!(
                f,
                "the file has {bytes} bytes, more than the {limit}-byte limit for one article"
            ),
            ErrorKind::UnsupportedFile { extension } if extension.is_empty() => write!(
                f,
                "a file without an extension is not read as an article; articles are .txt, .md or .html files"
            ),
            ErrorKind::UnsupportedFile { extension } => write!(
                f,
                "a .{extension} file is not read as an article; articles are .txt, .md or .html files"
            ),
            ErrorKind::InvalidData { line: 0, message } => write!(f, "{message}"),
            ErrorKind::InvalidData { line, message } => write!(f, "line {line}: {message}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{file}: {}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_the_file_first() {
        let error = Error::new(ErrorKind::InvalidUtf8 { byte_offset: 7 }).in_file("corpus/a.txt");
        assert_eq!(
            error.to_string(),
            "corpus/a.txt: not UTF-8 text (first invalid byte at offset 7); save the article as UTF-8"
        );
        assert_eq!(error.file(), Some("corpus/a.txt"));
    }

    #[test]
    fn message_without_file_is_just_the_reason() {
        assert_eq!(Error::new(ErrorKind::Empty).to_string(), "the file is empty");
    }
}
