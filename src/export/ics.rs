//! iCalendar (RFC 5545): one all-day VEVENT per dated event, spanning what the date covers —
//! a day, a whole month or a whole year (DTEND is exclusive: the day after). Undated events
//! are left out and counted. Text is escaped (`\\`, `;`, `,`, line breaks as `\n`, other
//! control characters dropped), lines are folded at 75 octets without splitting a character,
//! and every line ends with CRLF.

use super::{evidence_text, Documents, Exported};
use crate::extraction::{kind_label, DocumentView, EventView};
use crate::time::{civil, extent, Day};

/// The dated events as a calendar, and how many were left out for having no date.
/// `now_unix_seconds` is the DTSTAMP (when the file was made): the caller passes the clock's
/// time, tests a fixed one.
///
/// # Example
/// ```
/// use cooperation_atlas::export::ics;
/// let exported = ics::events(&[], &[], 1_750_000_000);
/// assert!(exported.text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
/// assert!(exported.text.ends_with("END:VCALENDAR\r\n"));
/// ```
pub fn events(events: &[&EventView], documents: &[DocumentView], now_unix_seconds: i64) -> Exported {
    let documents = Documents::new(documents);
    let mut calendar = Calendar::default();
    calendar.line("BEGIN:VCALENDAR");
    calendar.line("VERSION:2.0");
    calendar.line("PRODID:-//Cooperation Atlas//Events//EN");
    calendar.line("CALSCALE:GREGORIAN");
    calendar.line("METHOD:PUBLISH");
    let stamp = timestamp(now_unix_seconds);
    let mut left_out = 0;
    for event in events {
        let Some(date) = event.date else {
            left_out += 1;
            continue;
        };
        let (first, last) = extent(date);
        let places = event.place_names();
        let document = documents.of(event);
        calendar.line("BEGIN:VEVENT");
        calendar.text("UID", &format!("{}@cooperation-atlas", event.id));
        calendar.line(&format!("DTSTAMP:{stamp}"));
        calendar.line(&format!("DTSTART;VALUE=DATE:{}", basic_date(first)));
        calendar.line(&format!("DTEND;VALUE=DATE:{}", basic_date(last + 1)));
        let planned = if event.planned { " (planned)" } else { "" };
        let summary = match places.is_empty() {
            true => format!("{}{planned}", kind_label(event.kind)),
            false => format!("{}{planned}: {}", kind_label(event.kind), places.join(", ")),
        };
        calendar.text("SUMMARY", &summary);
        calendar.text("DESCRIPTION", &description(event, document));
        if !places.is_empty() {
            calendar.text("LOCATION", &places.join("; "));
        }
        if let Some(place) = event.places.first().filter(|p| p.lat.is_finite() && p.lon.is_finite()) {
            calendar.line(&format!("GEO:{};{}", place.lat, place.lon));
        }
        if let Some(url) = document.and_then(|d| d.url.as_deref()).filter(|url| is_plain_uri(url)) {
            calendar.line(&format!("URL:{url}"));
        }
        calendar.line("END:VEVENT");
    }
    calendar.line("END:VCALENDAR");
    Exported {
        text: calendar.out,
        left_out,
    }
}

/// The evidence, then where it was read: `Source: Title — Outlet, url`.
fn description(event: &EventView, document: Option<&DocumentView>) -> String {
    let mut text = evidence_text(event, "\n");
    let source: Vec<&str> = document
        .map(|d| [d.title.as_deref(), d.source.as_deref(), d.url.as_deref()])
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    let source = if source.is_empty() {
        event.file.clone()
    } else {
        source.join(" — ")
    };
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str("Source: ");
    text.push_str(&source);
    text
}

/// A URI value is written as it is: only when it has no whitespace or control characters
/// (which would break the line) and is a web address.
fn is_plain_uri(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(|c: char| c.is_whitespace() || c.is_control())
}

/// `20250930`.
fn basic_date(day: Day) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}{m:02}{d:02}")
}

/// `20250930T142000Z`.
fn timestamp(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let seconds = unix_seconds.rem_euclid(86_400);
    let day = Day::try_from(days).unwrap_or(0);
    format!(
        "{}T{:02}{:02}{:02}Z",
        basic_date(day),
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

/// Content lines, folded, with CRLF ends.
#[derive(Default)]
struct Calendar {
    out: String,
}

/// The longest a line may be, in octets, without its CRLF.
const MAX_LINE_OCTETS: usize = 75;

impl Calendar {
    /// Writes a content line, folded: a longer line continues on lines that start with a space.
    fn line(&mut self, line: &str) {
        let mut rest = line;
        let mut limit = MAX_LINE_OCTETS;
        loop {
            let mut cut = rest.len().min(limit);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.out.push_str(&rest[..cut]);
            self.out.push_str("\r\n");
            rest = &rest[cut..];
            if rest.is_empty() {
                break;
            }
            self.out.push(' ');
            limit = MAX_LINE_OCTETS - 1;
        }
    }

    /// A property with a TEXT value, escaped.
    fn text(&mut self, name: &str, value: &str) {
        let mut line = String::with_capacity(name.len() + 1 + value.len());
        line.push_str(name);
        line.push(':');
        let mut chars = value.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => line.push_str("\\\\"),
                ';' => line.push_str("\\;"),
                ',' => line.push_str("\\,"),
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' | '\r' | '\u{2028}' | '\u{2029}' => line.push_str("\\n"),
                '\t' => line.push(' '),
                c if c.is_control() => {}
                c => line.push(c),
            }
        }
        self.line(&line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;

    const NOW: i64 = 1_750_000_000; // 2025-06-15T15:06:40Z

    fn calendar() -> Exported {
        let data = fixtures::extraction();
        let all: Vec<_> = data.events.iter().collect();
        events(&all, &data.documents, NOW)
    }

    /// Content lines with folding undone.
    fn unfolded(text: &str) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for line in text.strip_suffix("\r\n").unwrap().split("\r\n") {
            match line.strip_prefix(' ') {
                Some(continued) => lines.last_mut().unwrap().push_str(continued),
                None => lines.push(line.to_string()),
            }
        }
        lines
    }

    #[test]
    fn a_vevent_per_dated_event_spanning_its_extent() {
        let exported = calendar();
        assert_eq!(exported.left_out, 1, "the undated event");
        let lines = unfolded(&exported.text);
        assert_eq!(
            lines[..5],
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Cooperation Atlas//Events//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH"
            ]
        );
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
        let visit: Vec<&str> = lines[6..]
            .iter()
            .map(String::as_str)
            .take_while(|l| *l != "END:VEVENT")
            .collect();
        assert_eq!(
            visit,
            [
                "UID:a.txt#1@cooperation-atlas",
                "DTSTAMP:20250615T150640Z",
                "DTSTART;VALUE=DATE:20250929",
                "DTEND;VALUE=DATE:20250930",
                "SUMMARY:Visit: Hefei\\, London",
                "DESCRIPTION:A delegation visited Hefei and London.\\n\\nSource: UK firms seek cooperation \
                 in Hefei — Xinhua — https://example.org/a?x=1&y=2",
                "LOCATION:Hefei\\; London",
                "GEO:31.86;117.28",
                "URL:https://example.org/a?x=1&y=2",
            ]
        );
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20240201".to_string()));
        assert!(
            lines.contains(&"DTEND;VALUE=DATE:20240301".to_string()),
            "a leap February, end exclusive"
        );
        assert!(lines.contains(&"SUMMARY:Investment (planned): Manchester".to_string()));
        assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    }

    #[test]
    fn text_is_escaped_and_inert() {
        let lines = unfolded(&calendar().text);
        let description = lines.iter().find(|l| l.starts_with("DESCRIPTION:=HYPERLINK")).unwrap();
        assert_eq!(
            description,
            "DESCRIPTION:=HYPERLINK(\"javascript:alert(1)\"\\,\"x\") <script>alert(1)</script>\\nline two\\; \
             a\\, b\\\\c\\n\\nSource: Ein \"Titel\"\\, mit Komma"
        );
    }

    #[test]
    fn lines_are_folded_at_75_octets_without_splitting_characters() {
        let mut calendar = Calendar::default();
        let value = "中文".repeat(60) + &"a".repeat(100) + "\r\nnext";
        calendar.text("DESCRIPTION", &value);
        let text = calendar.out;
        assert!(text.ends_with("\r\n"));
        for line in text.strip_suffix("\r\n").unwrap().split("\r\n") {
            assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {line}", line.len());
            assert!(!line.contains(['\r', '\n']));
        }
        assert_eq!(
            unfolded(&text),
            [format!("DESCRIPTION:{}{}\\nnext", "中文".repeat(60), "a".repeat(100))]
        );
        // Every line of a whole calendar too.
        for line in calendar_lines() {
            assert!(line.len() <= MAX_LINE_OCTETS);
        }
    }

    fn calendar_lines() -> Vec<String> {
        let text = calendar().text;
        assert!(!text.replace("\r\n", "").contains(['\r', '\n']), "CRLF only");
        text.split("\r\n").map(str::to_string).collect()
    }

    #[test]
    fn stamps_and_dates_are_utc_basic_format() {
        assert_eq!(timestamp(0), "19700101T000000Z");
        assert_eq!(timestamp(-1), "19691231T235959Z");
        assert_eq!(basic_date(crate::time::day_number(2025, 12, 31) + 1), "20260101");
    }
}
