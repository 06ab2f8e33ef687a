//! CSV (RFC 4180): a header row, then one row per event; CRLF line ends; a field holding a
//! comma, a quote or a line break is quoted, its quotes doubled. The columns are
//! [`super::FLAT_FIELDS`]: lists joined with `; `, the first place's coordinates, the date's
//! extent (`date_start`, `date_end`: a month covers all its days).
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (a text
//! `=HYPERLINK(…)` from an article would become a live link): such cells, and cells starting
//! with a tab or a carriage return, get a leading `'` — except plain numbers, so that a
//! negative longitude stays a number.

use super::{flat_fields, Documents, Field, FLAT_FIELDS};
use crate::extraction::{DocumentView, EventView};

/// The events as CSV, with a header row.
///
/// # Example
/// ```
/// use cooperation_atlas::export::csv;
/// let text = csv::events(&[], &[]);
/// assert!(text.starts_with("id,kind,salience,date,"));
/// assert!(text.ends_with(",file\r\n"));
/// ```
pub fn events(events: &[&EventView], documents: &[DocumentView]) -> String {
    let documents = Documents::new(documents);
    let mut out = String::new();
    write_row(&mut out, FLAT_FIELDS.iter().map(|name| (*name).to_string()));
    for event in events {
        let fields = flat_fields(event, documents.of(event));
        write_row(&mut out, fields.iter().map(cell));
    }
    out
}

fn cell(field: &Field) -> String {
    match field {
        Field::Text(text) => defuse(text),
        Field::Number(Some(number)) => number.to_string(),
        Field::Number(None) => String::new(),
        Field::Bool(value) => value.to_string(),
    }
}

fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// A text cell a spreadsheet would read as a formula, with a `'` before it.
fn defuse(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// `-2`, `+1.5`, `-3e2`: a number and nothing else (not `-inf`, not `NaN`).
fn is_plain_number(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        && text.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        && text.parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;

    /// A test-only RFC 4180 reader: rows of cells.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "a bare CR outside quotes");
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, '\n') => panic!("a bare LF outside quotes"),
                (false, c) => cell.push(c),
            }
        }
        assert!(
            !quoted && cell.is_empty() && row.is_empty(),
            "the last row ends with CRLF"
        );
        rows
    }

    fn exported() -> Vec<Vec<String>> {
        let extraction = fixtures::extraction();
        let all: Vec<_> = extraction.events.iter().collect();
        parse(&events(&all, &extraction.documents))
    }

    #[test]
    fn a_row_per_event_under_a_header() {
        let rows = exported();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0], FLAT_FIELDS);
        assert!(rows.iter().all(|row| row.len() == FLAT_FIELDS.len()));
        let visit = &rows[1];
        assert_eq!(
            visit[..12],
            [
                "a.txt#1",
                "visit",
                "main",
                "2025-09-29",
                "day",
                "2025-09-29",
                "2025-09-29",
                "false",
                "Hefei; London",
                "CN; GB",
                "31.86",
                "117.28"
            ]
        );
        assert_eq!(visit[12], "Zheng Zeguang (CN); Acme, Ltd.");
        assert_eq!(visit[13], "ai; transport");
        assert_eq!(visit[15], "", "no figures, no value");
        assert_eq!(
            visit[17..],
            [
                "UK firms seek cooperation in Hefei",
                "Xinhua",
                "https://example.org/a?x=1&y=2",
                "corpus/a.txt"
            ]
        );
        let investment = &rows[2];
        assert_eq!(
            (investment[5].as_str(), investment[6].as_str()),
            ("2024-02-01", "2024-02-29")
        );
        assert_eq!((investment[7].as_str(), investment[11].as_str()), ("true", "-2.24"));
        assert_eq!(investment[15], "1275000000");
        assert_eq!(investment[17], "Ein \"Titel\", mit Komma");
        let undated = &rows[3];
        assert_eq!(undated[3..7], ["", "", "", ""]);
        assert_eq!(undated[10..12], ["", ""]);
    }

    #[test]
    fn quotes_commas_and_line_breaks_are_quoted_exactly() {
        let text = {
            let extraction = fixtures::extraction();
            events(&[&extraction.events[1]], &extraction.documents)
        };
        let row = text.split("\r\n").nth(1).unwrap();
        assert!(row.starts_with(
            "b.md#1,investment,secondary,2024-02,month,2024-02-01,2024-02-29,true,Manchester,GB,53.48,-2.24,,,"
        ));
        assert!(row.contains(r#","Ein ""Titel"", mit Komma",,"#), "{row}");
    }

    #[test]
    fn formulas_and_markup_come_out_inert() {
        let rows = exported();
        let evidence = &rows[2][16];
        assert_eq!(
            evidence,
            "'=HYPERLINK(\"javascript:alert(1)\",\"x\") <script>alert(1)</script>\nline two; a, b\\c"
        );
        assert_eq!(rows[3][16], "'-2 is not a formula, -x is");
        for (text, cell) in [
            ("-2.24", "-2.24"),
            ("+1", "+1"),
            ("-1e3", "-1e3"),
            ("-inf", "'-inf"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\r=1", "'\r=1"),
            ("plain", "plain"),
            ("-", "'-"),
        ] {
            assert_eq!(defuse(text), cell);
        }
    }
}
