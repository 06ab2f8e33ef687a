//! An extraction's JSON read record by record as its bytes arrive: each document and event is
//! parsed (serde_json) as soon as all of it is in, and its bytes dropped. A dataset of
//! 100,000 events is 100 MB of JSON: read whole, the file and what it parses into were both in
//! the wasm's memory (which never shrinks) at once, and nothing was parsed before the last byte
//! had arrived.
//!
//! Only the structure around the records is scanned here: brackets, strings, keys. A record's
//! bytes are read once, by serde_json, which says where the record ends (scanning them here
//! first, byte by byte, took as long as parsing them). So that malformed JSON outside the
//! records is reported as serde_json reports it, that skeleton (each record replaced by `{}`,
//! its lines kept) is parsed at the end too.

use crate::extraction::{DocumentView, EventView, Extraction};
use serde::de::{DeserializeOwned, IgnoredAny};

/// The top-level array the scanner is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Documents,
    Events,
    Other,
}

/// Where a record starts: in `pending`, and its line and column in the file (from 1).
#[derive(Debug, Clone, Copy)]
struct Start {
    at: usize,
    line: usize,
    column: usize,
}

/// The reader: `push` the file's bytes as they come, then `finish`.
///
/// # Example
/// ```
/// use cooperation_atlas::dataset::records::Records;
/// let mut records = Records::default();
/// records.push(br#"{"documents": [], "events": [{"id": "a#1", "file": "a.txt", "#).unwrap();
/// records.push(br#""kind": "visit", "salience": "main"}]}"#).unwrap();
/// assert_eq!(records.finish().unwrap().events[0].id, "a#1");
/// ```
#[derive(Debug, Default)]
pub struct Records {
    /// Bytes not yet done with: from the record (or key) under way, if any.
    pending: Vec<u8>,
    /// How far the scan is in `pending`.
    at: usize,
    depth: usize,
    in_string: bool,
    /// A backslash in a string ended the last push: the next byte is escaped.
    escaped: bool,
    /// The key string under way at depth 1 (where it starts in `pending`), and the last one.
    key_start: Option<usize>,
    key: Vec<u8>,
    section: Option<Section>,
    /// The record under way: serde_json reads it from here once all of it has arrived.
    record: Option<Start>,
    /// How many bytes of the record under way must have arrived before it is read again: twice
    /// as many as the last try, so that a record longer than many pieces (an article's text)
    /// is read a few times, not once per piece.
    retry_from: usize,
    seen: (bool, bool),
    /// Lines before the scan (from 1 once started), and where the scan's line starts in
    /// `pending` (negative once its start is dropped).
    line: usize,
    line_start: isize,
    skeleton: Vec<u8>,
    extraction: Extraction,
}

impl Records {
    /// Takes the next bytes of the file.
    ///
    /// # Errors
    /// A record is not JSON, does not fit the schema, or is not an object ("not JSON: …" or
    /// "not an extraction: …", with its line and column in the file).
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), String> {
        self.push_with(bytes.len(), |room| room.copy_from_slice(bytes))
    }

    /// `push` for bytes held elsewhere (a piece of a download, in JavaScript's memory): `fill`
    /// writes them, `len` of them, straight into the reader's buffer, with no copy between.
    ///
    /// # Errors
    /// As `push`.
    pub fn push_with(&mut self, len: usize, fill: impl FnOnce(&mut [u8])) -> Result<(), String> {
        self.line = self.line.max(1);
        let end = self.pending.len();
        self.pending.resize(end + len, 0);
        fill(&mut self.pending[end..]);
        self.scan(false)?;
        // Keep only what is under way: the rest is parsed or in the skeleton.
        let keep = [self.record.map(|r| r.at), self.key_start, Some(self.at)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(0);
        self.pending.drain(..keep);
        self.at -= keep;
        self.line_start -= keep as isize;
        self.key_start = self.key_start.map(|k| k - keep);
        if let Some(record) = &mut self.record {
            record.at -= keep;
        }
        Ok(())
    }

    /// The file ended: the extraction it holds.
    ///
    /// # Errors
    /// The JSON is malformed outside the records or ends early ("not JSON: …"), or it has no
    /// `documents` or no `events` ("not an extraction: …").
    pub fn finish(mut self) -> Result<Extraction, String> {
        self.scan(true)?;
        serde_json::from_slice::<IgnoredAny>(&self.skeleton).map_err(|error| format!("not JSON: {error}"))?;
        match self.seen {
            (false, _) => Err("not an extraction: missing field `documents`".into()),
            (_, false) => Err("not an extraction: missing field `events`".into()),
            _ => Ok(self.extraction),
        }
    }

    /// Scans what has arrived; `last`: nothing more will (a record under way is read now).
    fn scan(&mut self, last: bool) -> Result<(), String> {
        loop {
            if let Some(start) = self.record {
                let arrived = self.pending.len() - start.at;
                if arrived < self.retry_from && !last {
                    return Ok(());
                }
                if !self.take_record(start)? {
                    self.retry_from = 2 * arrived;
                    return Ok(());
                }
            }
            if self.at >= self.pending.len() {
                return Ok(());
            }
            if self.escaped {
                self.escaped = false;
                self.take_string_bytes(self.at + 1);
            } else if self.in_string {
                self.scan_string();
            } else {
                self.scan_structure()?;
            }
        }
    }

    /// Moves the scan to `end` within a string (outside the records), copying the bytes to the
    /// skeleton and counting lines (JSON allows none in a string, but serde_json will say so).
    fn take_string_bytes(&mut self, end: usize) {
        self.count_lines(self.at, end);
        self.skeleton.extend_from_slice(&self.pending[self.at..end]);
        self.at = end;
    }

    /// Counts the line breaks in `pending[from..to]` (the scan passes over them); how many.
    fn count_lines(&mut self, from: usize, to: usize) -> usize {
        let bytes = &self.pending[from..to];
        let Some(last) = memchr::memrchr(b'\n', bytes) else {
            return 0;
        };
        let lines = memchr::memchr_iter(b'\n', bytes).count();
        self.line += lines;
        self.line_start = (from + last) as isize + 1;
        lines
    }

    /// Within a string: to its end, or to the end of what has arrived; the scan jumps to the
    /// next quote or backslash.
    fn scan_string(&mut self) {
        let rest = &self.pending[self.at..];
        let Some(offset) = memchr::memchr2(b'"', b'\\', rest) else {
            self.take_string_bytes(self.pending.len());
            return;
        };
        let at = self.at + offset;
        self.take_string_bytes(at + 1);
        if self.pending[at] == b'\\' {
            if self.at < self.pending.len() {
                self.take_string_bytes(self.at + 1);
            } else {
                self.escaped = true;
            }
            return;
        }
        self.in_string = false;
        if let Some(start) = self.key_start.take() {
            self.key = self.pending[start..at].to_vec();
        }
    }

    fn scan_structure(&mut self) -> Result<(), String> {
        let at = self.at;
        let byte = self.pending[at];
        self.at += 1;
        let records = matches!(self.section, Some(Section::Documents | Section::Events));
        if self.depth == 2 && records && !matches!(byte, b' ' | b'\t' | b'\r' | b'\n' | b',' | b']' | b'{') {
            let name = if self.section == Some(Section::Documents) {
                "documents"
            } else {
                "events"
            };
            let (line, column) = (self.line, self.column(at));
            return Err(match byte {
                b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n' | b'[' => {
                    format!("not an extraction: an item of `{name}` is not an object at line {line} column {column}")
                }
                _ => format!("not JSON: expected value at line {line} column {column}"),
            });
        }
        match byte {
            b'"' => {
                self.in_string = true;
                if self.depth == 1 {
                    self.key_start = Some(self.at);
                }
            }
            b'\n' => self.new_line(at),
            b'{' | b'[' => {
                self.depth += 1;
                if self.depth == 2 {
                    self.section = Some(match (byte, self.key.as_slice()) {
                        (b'[', b"documents") => {
                            self.seen.0 = true;
                            Section::Documents
                        }
                        (b'[', b"events") => {
                            self.seen.1 = true;
                            Section::Events
                        }
                        _ => Section::Other,
                    });
                } else if self.depth == 3 && byte == b'{' && records {
                    self.record = Some(Start {
                        at,
                        line: self.line,
                        column: self.column(at),
                    });
                    return Ok(());
                }
            }
            b'}' | b']' => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        self.skeleton.push(byte);
        Ok(())
    }

    fn column(&self, at: usize) -> usize {
        (at as isize - self.line_start + 1) as usize
    }

    fn new_line(&mut self, at: usize) {
        self.line += 1;
        self.line_start = at as isize + 1;
    }

    /// Reads the record that starts at `start`: `false` while its end has not arrived. On
    /// success the scan goes on after it, and the skeleton gets `{}` and its lines.
    fn take_record(&mut self, start: Start) -> Result<bool, String> {
        let bytes = &self.pending[start.at..];
        let placed = |error: serde_json::Error| {
            let (line, column) = if error.line() <= 1 {
                (start.line, start.column + error.column().saturating_sub(1))
            } else {
                (start.line + error.line() - 1, error.column())
            };
            let message = error.to_string();
            let message = message
                .rfind(" at line ")
                .map_or(message.as_str(), |cut| &message[..cut]);
            let what = if error.is_data() {
                "not an extraction"
            } else {
                "not JSON"
            };
            format!("{what}: {message} at line {line} column {column}")
        };
        let read = if self.section == Some(Section::Documents) {
            parse::<DocumentView>(bytes).map(|(document, end)| {
                self.extraction.documents.push(document);
                end
            })
        } else {
            parse::<EventView>(bytes).map(|(event, end)| {
                self.extraction.events.push(event);
                end
            })
        };
        let length = match read {
            Ok(length) => length,
            // The record goes on in bytes yet to come (at the file's end, the skeleton says so).
            Err(error) if error.is_eof() => return Ok(false),
            Err(error) => return Err(placed(error)),
        };
        let end = start.at + length;
        let lines = self.count_lines(start.at, end);
        self.skeleton.extend_from_slice(b"{}");
        self.skeleton.resize(self.skeleton.len() + lines, b'\n');
        self.record = None;
        self.retry_from = 0;
        self.depth = 2;
        self.at = end;
        Ok(true)
    }
}

/// The value at the start of `bytes`, and how many bytes it took.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<(T, usize), serde_json::Error> {
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<T>();
    // `bytes` start with the record's `{`: there is always a value to read.
    let value = values
        .next()
        .unwrap_or_else(|| Err(serde::de::Error::custom("expected a record")))?;
    Ok((value, values.byte_offset()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `json` pushed in pieces of `size` bytes.
    fn read_in_pieces(json: &[u8], size: usize) -> Result<Extraction, String> {
        let mut records = Records::default();
        for piece in json.chunks(size) {
            records.push(piece)?;
        }
        records.finish()
    }

    const SYNTH: &[u8] = include_bytes!("../../tests/fixtures/synth/synth-60.json");

    #[test]
    fn pieces_of_any_size_read_as_the_whole_file_does() {
        let whole: Extraction = serde_json::from_slice(SYNTH).unwrap();
        assert_eq!(whole.events.len(), 60);
        for size in [1, 2, 3, 7, 64, 1000, 65_536, SYNTH.len()] {
            assert_eq!(read_in_pieces(SYNTH, size).unwrap(), whole, "pieces of {size} bytes");
        }
    }

    #[test]
    fn escapes_quotes_and_braces_inside_strings_do_not_end_a_record() {
        let json = br##"{"note": "a \"}\" key", "documents": [{"file": "a\\\"}.txt", "lang": "en", "text": "{[}]\" \\"}],
            "events": [{"id": "x\"#1", "file": "a\\\"}.txt", "kind": "visit", "salience": "main"}], "more": [{"a": [1, {"b": "}"}]}]}"##;
        let whole: Extraction = serde_json::from_slice(json).unwrap();
        for size in [1, 2, 5, json.len()] {
            assert_eq!(read_in_pieces(json, size).unwrap(), whole, "pieces of {size} bytes");
        }
        assert_eq!(whole.documents[0].file, "a\\\"}.txt");
    }

    #[test]
    fn what_is_wrong_is_said_with_its_place_in_the_file() {
        let bad_record = b"{\"documents\": [],\n  \"events\": [\n    {\"id\": 3, \"file\": \"a\"}]}";
        let error = read_in_pieces(bad_record, 4).unwrap_err();
        assert!(
            error.starts_with("not an extraction: invalid type: integer `3`"),
            "{error}"
        );
        assert!(error.ends_with("at line 3 column 12"), "{error}");

        let broken_record = b"{\"documents\": [{\"file\" \"a\"}], \"events\": []}";
        let error = read_in_pieces(broken_record, 3).unwrap_err();
        assert!(error.starts_with("not JSON: expected `:`"), "{error}");
        assert!(error.ends_with("at line 1 column 24"), "{error}");

        let broken_outside = b"{\"documents\": [],\n \"events\" []}";
        let error = read_in_pieces(broken_outside, 5).unwrap_err();
        assert!(error.starts_with("not JSON: expected `:`"), "{error}");
        assert!(error.contains("line 2"), "{error}");

        let cut_short = &SYNTH[..SYNTH.len() / 2];
        assert!(read_in_pieces(cut_short, 100).unwrap_err().starts_with("not JSON: EOF"));

        let scalar = b"{\"documents\": [1], \"events\": []}";
        let error = read_in_pieces(scalar, 100).unwrap_err();
        assert_eq!(
            error,
            "not an extraction: an item of `documents` is not an object at line 1 column 16"
        );

        let garbage = b"{\"documents\": [}";
        assert_eq!(
            read_in_pieces(garbage, 100).unwrap_err(),
            "not JSON: expected value at line 1 column 16"
        );

        let no_events = b"{\"documents\": []}";
        assert_eq!(
            read_in_pieces(no_events, 100).unwrap_err(),
            "not an extraction: missing field `events`"
        );
        assert!(read_in_pieces(b"[]", 1)
            .unwrap_err()
            .contains("missing field `documents`"));
    }

    #[test]
    fn a_long_record_is_read_in_a_few_tries_and_whole_at_the_end() {
        let text = "x".repeat(100_000);
        let json = format!(r#"{{"documents": [{{"file": "a.txt", "lang": "en", "text": "{text}"}}], "events": []}}"#);
        let mut records = Records::default();
        let mut tries = 0;
        for piece in json.as_bytes().chunks(100) {
            let before = records.retry_from;
            records.push(piece).unwrap();
            tries += usize::from(records.retry_from != before);
        }
        // Each try waits for twice the bytes of the last: about log2(100_000 / 100) of them.
        assert!((5..=12).contains(&tries), "{tries} tries");
        let extraction = records.finish().unwrap();
        assert_eq!(extraction.documents[0].text.as_deref(), Some(text.as_str()));

        // The last piece completes the record but not the wait: `finish` reads it.
        let mut records = Records::default();
        let (head, tail) = json.as_bytes().split_at(60_000);
        records.push(head).unwrap();
        records.push(tail).unwrap();
        assert!(records.extraction.documents.is_empty());
        assert_eq!(records.finish().unwrap().documents.len(), 1);
    }

    #[test]
    fn only_the_record_under_way_is_kept() {
        let mut records = Records::default();
        let half = SYNTH.len() / 2;
        records.push(&SYNTH[..half]).unwrap();
        assert!(records.pending.len() < 4_000, "{} bytes kept", records.pending.len());
        records.push(&SYNTH[half..]).unwrap();
        assert_eq!(records.finish().unwrap().events.len(), 60);
    }
}
