//! An article and what its first lines say about it: title, date, source, language.

use crate::date::PartialDate;
use crate::date_scan::first_date_with_year;
use crate::error::{Error, ErrorKind};
use crate::language::{detect_language, Language};
use serde::Serialize;

/// The largest article accepted, in bytes. News articles are a few KB; anything near this is
/// a mistake (a PDF, a database dump) better refused with a clear message than read.
pub const MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;

/// An article: its exact text and the metadata read from its header.
///
/// Byte offsets reported anywhere in the atlas are offsets into [`Document::text`], which is
/// the file's content unchanged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// File name (or path) the article came from, as given.
    pub file: String,
    /// Headline, when the article states one; else its first sentence, shortened.
    pub title: Option<String>,
    pub lang: Language,
    /// Publication date, from the metadata header or a date line near the top.
    pub published: Option<PartialDate>,
    /// Outlet or agency.
    pub source: Option<String>,
    pub url: Option<String>,
    /// Byte offset where the body starts, after any metadata header.
    pub body_start: usize,
    #[serde(skip)]
    pub text: String,
}

impl Document {
    /// Reads an article from raw file bytes.
    ///
    /// # Errors
    /// [`ErrorKind::TooLarge`] above [`MAX_ARTICLE_BYTES`], [`ErrorKind::Binary`] for binary
    /// data, [`ErrorKind::InvalidUtf8`] for other encodings, [`ErrorKind::Empty`] when there is
    /// no text. Every error names `file`.
    ///
    /// # Example
    /// ```
    /// use atlas_extract::{Document, ErrorKind};
    /// let doc = Document::from_bytes("a.txt", b"date 2025-05-16\nsource: Xinhua\n\nText.".to_vec()).unwrap();
    /// assert_eq!(doc.published.unwrap().to_string(), "2025-05-16");
    /// let error = Document::from_bytes("b.txt", vec![0xff, 0xfe, 0x41]).unwrap_err();
    /// assert!(matches!(error.kind(), ErrorKind::InvalidUtf8 { .. }));
    /// assert!(error.to_string().starts_with("b.txt: "));
    /// ```
    pub fn from_bytes(file: impl Into<String>, bytes: Vec<u8>) -> Result<Document, Error> {
        let file = file.into();
        let text = checked_text(&file, bytes)?;
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            return Err(Error::new(ErrorKind::Empty).in_file(file));
        }
        Ok(Document::from_text(file, text))
    }

    /// Reads an article from text already known to be UTF-8. Never fails: metadata that is
    /// missing stays `None`.
    ///
    /// # Example
    /// ```
    /// use atlas_extract::{Document, Language};
    /// let doc = Document::from_text("x.txt", " date 2025-05 Die Veranstaltung in London\n\nLONDON, 15. Mai 2025 -- Der Bezirk organisierte ein Treffen mit den Unternehmen.".into());
    /// assert_eq!(doc.title.as_deref(), Some("Die Veranstaltung in London"));
    /// assert_eq!(doc.lang, Language::German);
    /// ```
    pub fn from_text(file: impl Into<String>, text: String) -> Document {
        let header = Header::read(&text);
        let body = &text[header.body_start..];
        let lang = header.lang.unwrap_or_else(|| detect_language(body));
        let title = header.title.or_else(|| first_sentence(body));
        Document {
            file: file.into(),
            title,
            lang,
            published: header.published,
            source: header.source,
            url: header.url,
            body_start: header.body_start,
            text,
        }
    }

    /// The article text after the metadata header.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// The text of an article file: not too large, not binary, UTF-8 (it may still be empty).
///
/// # Errors
/// [`ErrorKind::TooLarge`], [`ErrorKind::Binary`] or [`ErrorKind::InvalidUtf8`], naming `file`.
pub(crate) fn checked_text(file: &str, bytes: Vec<u8>) -> Result<String, Error> {
    let fail = |kind| Err(Error::new(kind).in_file(file));
    if bytes.len() > MAX_ARTICLE_BYTES {
        return fail(ErrorKind::TooLarge {
            bytes: bytes.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if looks_binary(&bytes) {
        return fail(ErrorKind::Binary);
    }
    String::from_utf8(bytes).or_else(|error| {
        fail(ErrorKind::InvalidUtf8 {
            byte_offset: error.utf8_error().valid_up_to(),
        })
    })
}

/// NUL bytes, or many control bytes, in the first 8 KB (as git and grep decide).
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    head.contains(&0) || controls * 10 > head.len().max(1)
}

/// What the top of an article says about it.
#[derive(Debug, Default)]
struct Header {
    title: Option<String>,
    published: Option<PartialDate>,
    source: Option<String>,
    url: Option<String>,
    lang: Option<Language>,
    body_start: usize,
}

/// Lines longer than this are paragraphs, not headlines or date lines.
const SHORT_LINE_CHARS: usize = 160;
/// How many leading body lines may hold a headline or a date line.
const LEADING_LINES: usize = 12;

impl Header {
    fn read(text: &str) -> Header {
        let mut header = Header::default();
        let mut title_from_source = None;
        let mut lines = lines_with_offsets(text).peekable();

        // 1. A block of metadata lines (`date 2025-05-16`, `source: …`), ended by a blank line.
        let mut seen_metadata = false;
        while let Some(&(offset, line)) = lines.peek() {
            let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            if trimmed.is_empty() {
                lines.next();
                header.body_start = offset + line.len();
                if seen_metadata {
                    break;
                }
                continue;
            }
            if let Some((date, headline)) = date_metadata_line(trimmed) {
                header.published = header.published.or(Some(date));
                if !headline.is_empty() {
                    header.title.get_or_insert_with(|| headline.to_string());
                }
            } else if let Some((key, value)) = key_value(trimmed) {
                match key.as_str() {
                    "date" | "published" => header.published = header.published.or_else(|| first_date_with_year(value)),
                    "title" | "headline" => header.title = Some(value.to_string()),
                    "url" | "link" => header.url = Some(value.to_string()),
                    "lang" | "language" => header.lang = Language::from_tag(value),
                    "source" => {
                        // `source: Outlet - Headline`
                        let (outlet, headline) = match value.split_once(" - ") {
                            Some((outlet, headline)) => (outlet.trim(), Some(headline.trim())),
                            None => (value, None),
                        };
                        header.source = Some(outlet.to_string());
                        title_from_source = headline.map(str::to_string);
                    }
                    _ => {}
                }
            } else {
                break;
            }
            seen_metadata = true;
            lines.next();
            header.body_start = offset + line.len();
        }
        if header.title.is_none() {
            header.title = title_from_source;
        }

        // 2. Short lines above the first paragraph: headline, date line, dateline.
        let mut longest_short_line: Option<&str> = None;
        for (_, line) in lines.filter(|(_, l)| !l.trim().is_empty()).take(LEADING_LINES) {
            let trimmed = line.trim();
            let dateline = dateline_head(trimmed);
            if let Some(head) = dateline {
                header.source = header.source.or_else(|| dateline_agency(head));
            }
            // Dates inside paragraphs are event dates, not the publication date: only short
            // lines and the dateline's head count.
            let is_short = trimmed.chars().count() <= SHORT_LINE_CHARS;
            if let Some(date) = dateline.or(is_short.then_some(trimmed)).and_then(first_date_with_year) {
                header.published = Some(refine(header.published, date));
                continue;
            }
            if !is_short || dateline.is_some() {
                break;
            }
            // Headlines do not end like sentences; a short first paragraph does.
            let ends_like_sentence = trimmed.ends_with(['.', '。', '!', '！', '?', '？', ':', '：']);
            let is_headline_like = !ends_like_sentence && key_value(trimmed).is_none();
            if is_headline_like && longest_short_line.is_none_or(|l| l.len() < trimmed.len()) {
                longest_short_line = Some(trimmed);
            }
        }
        if header.title.is_none() {
            header.title = longest_short_line.map(str::to_string);
        }
        header
    }
}

/// A date line may say more than the header (`date 2025-05`, then `15. Mai 2025`): take the
/// finer date when the two agree, else keep the header's.
fn refine(known: Option<PartialDate>, found: PartialDate) -> PartialDate {
    let Some(known) = known else { return found };
    let agrees = known.year_number() == found.year_number()
        && known.month_number().is_none_or(|m| Some(m) == found.month_number())
        && known.day_number().is_none_or(|d| Some(d) == found.day_number());
    if agrees && found.precision() > known.precision() {
        found
    } else {
        known
    }
}

fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line))
    })
}

/// `date 2025-09-30 Headline…`, `date: 2025-05`: the date and whatever follows it on the line.
fn date_metadata_line(line: &str) -> Option<(PartialDate, &str)> {
    let rest = line.strip_prefix("date").or_else(|| line.strip_prefix("Date"))?;
    let rest = rest.trim_start_matches([':', '：']).trim_start();
    let (date, headline) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    Some((PartialDate::parse_iso(date)?, headline.trim()))
}

/// `key: value` for the keys article headers use.
fn key_value(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once([':', '：'])?;
    let key = key.trim().to_lowercase();
    let known = matches!(
        key.as_str(),
        "date" | "published" | "source" | "url" | "link" | "title" | "headline" | "lang" | "language" | "author"
    );
    let value = value.trim();
    (known && !value.is_empty()).then_some((key, value))
}

/// What stands before the dash of a wire-story dateline: `HEFEI, Sept. 29 (Xinhua)` in
/// `HEFEI, Sept. 29 (Xinhua) -- A delegation…`.
fn dateline_head(line: &str) -> Option<&str> {
    // `BEIJING, April 1 (Reuters) - …`: one hyphen only after an agency in brackets.
    let (head, _) = line
        .split_once(" -- ")
        .or_else(|| line.split_once(" — "))
        // `London, 12. Juni 2025 – Die britische Regierung …`: press releases use the en dash.
        .or_else(|| line.split_once(" – "))
        .or_else(|| line.split_once(" - ").filter(|(head, _)| head.ends_with(')')))?;
    (head.chars().count() <= 80).then_some(head)
}

/// The agency in a dateline head: `HEFEI, Sept. 29 (Xinhua)` → Xinhua,
/// `LONDON, 15. Mai 2025 /PRNewswire/` → PRNewswire.
fn dateline_agency(head: &str) -> Option<String> {
    let agency = if let Some(open) = head.rfind('(') {
        head[open + 1..].split(')').next()?
    } else {
        let inner = head.trim_end().strip_suffix('/')?;
        &inner[inner.rfind('/')? + 1..]
    };
    let agency = agency.trim();
    let plausible = !agency.is_empty() && agency.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    plausible.then(|| agency.to_string())
}

/// The body's first sentence, at most about 120 characters, as a stand-in headline.
fn first_sentence(body: &str) -> Option<String> {
    // Not a date line (`Updated: 2019-04-01 16:04:14`): it says when, not what.
    let is_date_line = |l: &str| l.chars().count() <= SHORT_LINE_CHARS && first_date_with_year(l).is_some();
    let paragraph = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !is_date_line(l))?;
    let end = paragraph
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '。' | '！' | '？') || (matches!(c, '.' | '!' | '?') && paragraph[i + 1..].starts_with(' '))
        })
        .map_or(paragraph.len(), |(i, c)| i + c.len_utf8());
    let sentence = &paragraph[..end];
    const MAX_CHARS: usize = 120;
    if sentence.chars().count() <= MAX_CHARS {
        return Some(sentence.to_string());
    }
    let cut: String = sentence.chars().take(MAX_CHARS).collect();
    let cut = cut
        .rfind(' ')
        .filter(|&i| i > MAX_CHARS / 2)
        .map_or(cut.as_str(), |i| &cut[..i]);
    Some(format!("{}…", cut.trim_end_matches([',', ';', ' '])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::from_text("t.txt", text.to_string())
    }

    #[test]
    fn inline_date_line_gives_date_and_headline() {
        let d = doc(" date 2025-09-30 UK firms seek cooperation in Hefei\n\nXinhua) 13:20, September 30, 2025\n\nHEFEI, Sept. 29 (Xinhua) -- A delegation visited the city.");
        assert_eq!(d.published.unwrap().to_string(), "2025-09-30");
        assert_eq!(d.title.as_deref(), Some("UK firms seek cooperation in Hefei"));
        assert_eq!(d.source.as_deref(), Some("Xinhua"));
        assert!(d.body().starts_with("Xinhua) 13:20"));
    }

    #[test]
    fn key_value_block_with_outlet_and_headline() {
        let d = doc("date 2015-05-18\nsource: Xinhua (via China.org.cn) - Feature: Liverpool eyes China\n\nFeature: Liverpool eyes China\n\nThe biggest ever drive to sell Liverpool to China was launched Monday.");
        assert_eq!(d.published.unwrap().to_string(), "2015-05-18");
        assert_eq!(d.source.as_deref(), Some("Xinhua (via China.org.cn)"));
        assert_eq!(d.title.as_deref(), Some("Feature: Liverpool eyes China"));
        assert_eq!(d.lang, Language::English);
    }

    #[test]
    fn explicit_keys_win_over_guesses() {
        let d = doc("title: Ein Titel\nlang: fr\nurl: https://example.org/a\n\nThe text is English but the header says otherwise.");
        assert_eq!(d.title.as_deref(), Some("Ein Titel"));
        assert_eq!(d.lang, Language::French);
        assert_eq!(d.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn updated_line_and_longest_leading_line() {
        let d = doc("Knowing All about Hunan\n\nSino-UK cooperation on innovation leads to a bright future\n\nUpdated:2019-04-01 16:04:14\n\nA Sino-UK convention held in London on Thursday aimed to enhance innovation cooperation between two countries.");
        assert_eq!(d.published.unwrap().to_string(), "2019-04-01");
        assert_eq!(
            d.title.as_deref(),
            Some("Sino-UK cooperation on innovation leads to a bright future")
        );
        assert_eq!(d.body_start, 0);
    }

    #[test]
    fn a_date_line_is_no_title() {
        let d = doc("Updated: 2015-10-22 10:00\n\n人民網倫敦10月21日電 中英兩國企業在倫敦簽署了多項合作協議。");
        assert_eq!(d.published.map(|p| p.to_string()), Some("2015-10-22".into()));
        assert!(
            d.title.as_deref().is_some_and(|t| t.starts_with("人民網")),
            "{:?}",
            d.title
        );
    }

    #[test]
    fn no_metadata_at_all_gives_no_date_and_a_sentence_title() {
        let d = doc("China and the UK will continue science, technology and innovation cooperation, which will bring more opportunities than challenges, a Chinese expert said on Wednesday.\n\nMore text.");
        assert_eq!(d.published, None);
        let title = d.title.unwrap();
        assert!(title.starts_with("China and the UK will continue"), "{title}");
        assert!(title.ends_with('…') && title.chars().count() <= 121, "{title}");
    }

    #[test]
    fn month_only_header_is_refined_by_an_agreeing_dateline() {
        let d = doc(
            " date 2025-05 Die Veranstaltung\n\nLONDON, 15. Mai 2025 /PRNewswire/ -- Luohu organisierte ein Treffen.",
        );
        assert_eq!(d.published.unwrap().to_string(), "2025-05-15");
        assert_eq!(d.source.as_deref(), Some("PRNewswire"));
        let d = doc(
            " date 2025-06 Die Veranstaltung\n\nLONDON, 15. Mai 2025 /PRNewswire/ -- Luohu organisierte ein Treffen.",
        );
        assert_eq!(
            d.published.unwrap().to_string(),
            "2025-06",
            "a disagreeing line does not override"
        );
    }

    #[test]
    fn bytes_are_checked_before_reading() {
        let binary = Document::from_bytes("x.bin", b"\x00\x01\x02PNG".to_vec()).unwrap_err();
        assert_eq!(binary.kind(), &ErrorKind::Binary);
        let latin1 = Document::from_bytes("x.txt", b"Caf\xe9 in M\xfcnchen".to_vec()).unwrap_err();
        assert_eq!(latin1.kind(), &ErrorKind::InvalidUtf8 { byte_offset: 3 });
        let empty = Document::from_bytes("e.txt", b" \n\t\n".to_vec()).unwrap_err();
        assert_eq!(empty.kind(), &ErrorKind::Empty);
        assert_eq!(empty.file(), Some("e.txt"));
        let huge = Document::from_bytes("h.txt", vec![b'a'; MAX_ARTICLE_BYTES + 1]).unwrap_err();
        assert!(matches!(huge.kind(), ErrorKind::TooLarge { .. }));
    }

    #[test]
    fn byte_order_mark_and_crlf_are_tolerated() {
        let d = Document::from_bytes(
            "w.txt",
            "\u{feff}date 2020-01-21\r\nsource: Xinhua\r\n\r\nLe texte est ici."
                .as_bytes()
                .to_vec(),
        )
        .unwrap();
        assert_eq!(d.published.unwrap().to_string(), "2020-01-21");
        assert_eq!(d.source.as_deref(), Some("Xinhua"));
        assert!(d.body().starts_with("Le texte"));
    }
}
