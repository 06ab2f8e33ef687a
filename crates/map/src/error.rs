//! The one error type of this crate.

use std::fmt;

/// Why a basemap could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapError {
    kind: MapErrorKind,
    offset: usize,
}

/// What is wrong with the bytes, without where.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MapErrorKind {
    /// The bytes end inside `what` (the header, a shape's id, a ring, …).
    Truncated { what: String },
    /// The bytes do not start with `AMAP`: not a basemap at all.
    BadMagic { found: Vec<u8> },
    /// A basemap of a format version this crate does not read.
    UnsupportedVersion { found: u8, supported: u8 },
    /// Structurally wrong content: a bad varint, a bad level byte, a coordinate off the globe, …
    Malformed { what: String },
    /// Bytes left over after the last shape.
    TrailingBytes { count: usize },
}

impl MapError {
    pub(crate) fn new(kind: MapErrorKind, offset: usize) -> Self {
        MapError { kind, offset }
    }

    /// What is wrong.
    pub fn kind(&self) -> &MapErrorKind {
        &self.kind
    }

    /// The byte offset in the input where the problem was found.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for MapErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MapErrorKind::Truncated { what } => write!(f, "truncated: the data ends inside {what}"),
            MapErrorKind::BadMagic { found } => {
                write!(
                    f,
                    "not a basemap: it starts with {found:02x?}, not the magic bytes \"AMAP\""
                )
            }
            MapErrorKind::UnsupportedVersion { found, supported } => write!(
                f,
                "basemap format version {found}, but this build reads version {supported}; regenerate it with \
                 crates/map/data/generate.mjs"
            ),
            MapErrorKind::Malformed { what } => write!(f, "malformed basemap: {what}"),
            MapErrorKind::TrailingBytes { count } => write!(f, "{count} unexpected bytes after the last shape"),
        }
    }
}

impl fmt::Display for MapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "basemap byte {}: {}", self.offset, self.kind)
    }
}

impl std::error::Error for MapError {}
