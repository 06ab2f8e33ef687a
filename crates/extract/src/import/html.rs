//! HTML to text with a small, tolerant tag scanner (no DOM, nothing rendered): a few hundred
//! lines instead of a full HTML5 parser, since the code ships in the browser's wasm too.
//!
//! What a browser would show as the page's text is kept, with block elements as paragraph
//! breaks; scripts, styles, templates, SVG, navigation and form controls are dropped with their
//! content; comments and CDATA sections vanish; `<head>` gives only metadata. Malformed input
//! is read as browsers read it where that is simple (a `<` not followed by a letter is text, a
//! tag left open at the end is dropped) and never panics.

use super::{Meta, Paragraphs, Reduced};
use std::borrow::Cow;

/// Elements whose content is raw text up to their end tag, dropped (`<title>` is read apart).
const RAW_TEXT: [&str; 8] = [
    "script", "style", "noscript", "iframe", "noembed", "noframes", "xmp", "textarea",
];
/// Elements dropped with everything inside them.
const SKIPPED: [&str; 6] = ["template", "svg", "math", "nav", "select", "button"];
/// Elements that end a paragraph where they start and where they end.
const BLOCKS: [&str; 41] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
];
/// Metadata names that give the publication date, best first.
const DATE_NAMES: [&str; 9] = [
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
];

/// Reduces a page to its metadata and paragraphs.
pub(super) fn reduce(html: &str) -> Reduced {
    let mut reader = Reader::default();
    let bytes = html.as_bytes();
    let mut pos = 0;
    while pos < html.len() {
        let Some(lt) = html[pos..].find('<').map(|i| pos + i) else {
            reader.text(&html[pos..]);
            break;
        };
        reader.text(&html[pos..lt]);
        let rest = &html[lt..];
        pos = if rest.starts_with("<!--") {
            // `<!-->` and `<!--->` are empty comments, as in browsers.
            after(html, lt + 2, "-->")
        } else if rest.starts_with("<![CDATA[") {
            after(html, lt + 9, "]]>")
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            after(html, lt + 2, ">")
        } else if rest.starts_with("</") && bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
            let (name, end) = tag_name(html, lt + 2);
            reader.end_tag(&name);
            after(html, end, ">")
        } else if bytes.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
            match start_tag(html, lt + 1) {
                Some(tag) => reader.start_tag(html, tag),
                // Open at the end of the file: browsers drop it.
                None => html.len(),
            }
        } else {
            reader.text("<");
            lt + 1
        };
    }
    reader.finish()
}

/// A start tag: its name (lower case), attributes (names lower case, values decoded) and the
/// offset just after its `>`.
struct StartTag {
    name: String,
    attributes: Vec<(String, String)>,
    end: usize,
}

impl StartTag {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// What has been read so far.
#[derive(Default)]
struct Reader {
    paragraphs: Paragraphs,
    /// Inside a skipped element: its name and how many of it are open.
    skipping: Option<(String, usize)>,
    /// Inside the first `<h1>` (its text is the current paragraph).
    in_h1: bool,
    h1: Option<String>,
    title: Option<String>,
    og_title: Option<String>,
    /// Date candidates by rank in [`DATE_NAMES`].
    dates: [Option<String>; DATE_NAMES.len()],
    time: Option<String>,
    source: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    lang: Option<String>,
}

impl Reader {
    fn text(&mut self, raw: &str) {
        if self.skipping.is_none() && !raw.is_empty() {
            self.paragraphs.push_text(&decode_entities(raw));
        }
    }

    /// Reads what a start tag says; returns where reading goes on.
    fn start_tag(&mut self, html: &str, tag: StartTag) -> usize {
        let name = tag.name.as_str();
        if RAW_TEXT.contains(&name) || name == "title" {
            let (content_end, end) = raw_text_end(html, tag.end, name);
            if name == "title" && self.skipping.is_none() {
                let title = decode_entities(&html[tag.end..content_end]);
                self.title.get_or_insert_with(|| title.into_owned());
            }
            return end;
        }
        if let Some((skipped, depth)) = &mut self.skipping {
            if skipped == name {
                *depth += 1;
            }
            return tag.end;
        }
        if SKIPPED.contains(&name) {
            self.skipping = Some((tag.name.clone(), 1));
            return tag.end;
        }
        self.metadata(&tag);
        if BLOCKS.contains(&name) {
            self.paragraphs.end();
        } else if matches!(name, "td" | "th" | "img" | "input") {
            self.paragraphs.space();
        }
        if name == "h1" && self.h1.is_none() {
            self.in_h1 = true;
        }
        tag.end
    }

    fn end_tag(&mut self, name: &str) {
        if let Some((skipped, depth)) = &mut self.skipping {
            if skipped == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skipping = None;
                }
            }
            return;
        }
        if name == "h1" && self.in_h1 {
            self.in_h1 = false;
            self.h1 = Some(self.paragraphs.current.clone()).filter(|h1| !h1.is_empty());
        }
        if BLOCKS.contains(&name) {
            self.paragraphs.end();
        } else if matches!(name, "td" | "th") {
            self.paragraphs.space();
        }
    }

    fn metadata(&mut self, tag: &StartTag) {
        let first = |slot: &mut Option<String>, value: Option<&str>| {
            if slot.is_none() {
                *slot = value.map(str::to_string);
            }
        };
        match tag.name.as_str() {
            "html" => first(&mut self.lang, tag.attribute("lang")),
            "time" => first(&mut self.time, tag.attribute("datetime")),
            "link" => {
                let rel = tag.attribute("rel").unwrap_or("");
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    first(&mut self.canonical, tag.attribute("href"));
                }
            }
            "meta" => {
                let content = tag.attribute("content");
                for key in ["property", "name", "itemprop"] {
                    let Some(name) = tag.attribute(key) else { continue };
                    let name = name.trim().to_ascii_lowercase();
                    match name.as_str() {
                        "og:title" => first(&mut self.og_title, content),
                        "og:site_name" => first(&mut self.source, content),
                        "og:url" => first(&mut self.og_url, content),
                        _ => {
                            if let Some(rank) = DATE_NAMES.iter().position(|n| *n == name) {
                                first(&mut self.dates[rank], content);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn finish(self) -> Reduced {
        let mut meta = Meta::default();
        for title in [self.og_title, self.title, self.h1].iter().flatten() {
            meta.offer("title", title);
        }
        for date in self.dates.iter().chain([&self.time]).flatten() {
            meta.offer("date", date);
        }
        for url in [self.canonical, self.og_url].iter().flatten() {
            meta.offer("url", url);
        }
        if let Some(source) = &self.source {
            meta.offer("source", source);
        }
        if let Some(lang) = &self.lang {
            meta.offer("lang", lang);
        }
        Reduced {
            meta,
            paragraphs: self.paragraphs.finish(),
        }
    }
}

/// The offset just after the first `needle` at or after `from`, or the end of `html`.
fn after(html: &str, from: usize, needle: &str) -> usize {
    html.get(from..)
        .and_then(|rest| rest.find(needle))
        .map_or(html.len(), |i| from + i + needle.len())
}

/// The tag name starting at `from` (lower case) and the offset after it.
fn tag_name(html: &str, from: usize) -> (String, usize) {
    let end = html[from..]
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .map_or(html.len(), |i| from + i);
    (html[from..end].to_ascii_lowercase(), end)
}

/// Parses the start tag whose name begins at `from`; `None` when the file ends inside it.
fn start_tag(html: &str, from: usize) -> Option<StartTag> {
    let bytes = html.as_bytes();
    let (name, mut pos) = tag_name(html, from);
    let mut attributes = Vec::new();
    loop {
        while bytes.get(pos).is_some_and(|&b| b.is_ascii_whitespace() || b == b'/') {
            pos += 1;
        }
        match bytes.get(pos)? {
            b'>' => break,
            _ => {
                // A name: at least one byte (a stray `=` included, as browsers read it).
                let start = pos;
                pos += 1;
                while bytes
                    .get(pos)
                    .is_some_and(|&b| !(b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/')))
                {
                    pos += 1;
                }
                let attribute = html[start..pos].to_ascii_lowercase();
                let mut value_pos = pos;
                while bytes.get(value_pos).is_some_and(u8::is_ascii_whitespace) {
                    value_pos += 1;
                }
                let mut value = "";
                if bytes.get(value_pos) == Some(&b'=') {
                    pos = value_pos + 1;
                    while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
                        pos += 1;
                    }
                    let value_start = pos;
                    match bytes.get(pos)? {
                        &quote @ (b'"' | b'\'') => {
                            let close = html[pos + 1..].find(char::from(quote))? + pos + 1;
                            value = &html[pos + 1..close];
                            pos = close + 1;
                        }
                        _ => {
                            while bytes.get(pos).is_some_and(|&b| !(b.is_ascii_whitespace() || b == b'>')) {
                                pos += 1;
                            }
                            value = &html[value_start..pos];
                        }
                    }
                }
                attributes.push((attribute, decode_entities(value).into_owned()));
            }
        }
    }
    Some(StartTag {
        name,
        attributes,
        end: pos + 1,
    })
}

/// Where the raw text of a `name` element starting at `from` ends (its end tag's `<`), and the
/// offset after the end tag; the end of the file when it is never closed.
fn raw_text_end(html: &str, from: usize, name: &str) -> (usize, usize) {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(i) = html[pos..].find("</") {
        let start = pos + i;
        let name_end = start + 2 + name.len();
        let matches_name = bytes
            .get(start + 2..name_end)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()));
        let ends_name = bytes
            .get(name_end)
            .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
        if matches_name && ends_name {
            return (start, after(html, name_end, ">"));
        }
        pos = start + 2;
    }
    (html.len(), html.len())
}

/// Decodes character references: the common named ones and every numeric one (`&#8212;`,
/// `&#x2014;`). Anything else stays as written (`AT&T`, `&unknown;`).
pub(super) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // References are short: `;` is looked for in the next few bytes only.
        let reference = rest[1..]
            .bytes()
            .take(33)
            .position(|b| b == b';')
            .and_then(|semi| Some((character(&rest[1..=semi])?, semi + 2)));
        match reference {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character `&name;` stands for (`name` without `&` and `;`).
fn character(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).unwrap_or(u32::MAX)
            }
            None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                number.parse().unwrap_or(u32::MAX)
            }
            _ => return None,
        };
        // NUL, surrogates and numbers past Unicode read as the replacement character.
        return Some(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}'));
    }
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "times" => '×',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "shy" => '\u{ad}',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> Vec<String> {
        reduce(html).paragraphs
    }

    #[test]
    fn blocks_are_paragraphs_and_inline_tags_vanish() {
        let html = "<body><h2>Head</h2><div>One <b>bold</b><i>er</i>\n  text<br>after break</div>\
                    <ul><li>first</li><li>second</li></ul><table><tr><td>a</td><td>b</td></tr></table>\
                    <P>Upper <SPAN class=x>case</SPAN></P></body>";
        assert_eq!(
            body(html),
            [
                "Head",
                "One bolder text",
                "after break",
                "first",
                "second",
                "a b",
                "Upper case"
            ]
        );
    }

    #[test]
    fn scripts_styles_comments_and_the_like_are_dropped_with_their_content() {
        let html = "<head><style>p { color: red }</style><script>var s = '</div><p>no</p>';</script></head>\
                    <p>keep<!-- <p>gone</p> --> me</p><noscript><p>enable JS</p></noscript>\
                    <template><p>tpl</p></template><svg><title>icon</title><svg><text>in</text></svg>\
                    <text>still svg</text></svg><nav><a>Home</a></nav><p>end<![CDATA[ x > y ]]></p>\
                    <SCRIPT type=module>alert('</SCRIPTX>')</Script >tail";
        assert_eq!(body(html), ["keep me", "end", "tail"]);
        assert_eq!(reduce(html).meta.title, None, "an SVG title is no page title");
    }

    #[test]
    fn entities_are_decoded_once() {
        let html = "<p>A &amp; B &lt;script&gt; &quot;q&quot; &apos;a&apos; x&nbsp;y &mdash; &ndash; &hellip; \
                    &lsquo;s&rsquo; &ldquo;d&rdquo; &middot; &#8364; &#x4E2D;&#X56FD; AT&T &unknown; &#0; &#xD800; \
                    &#99999999999; &amp;lt; &#; &</p>";
        assert_eq!(
            body(html),
            ["A & B <script> \"q\" 'a' x y — – … ‘s’ “d” · € 中国 AT&T &unknown; \u{fffd} \u{fffd} \u{fffd} &lt; &#; &"]
        );
    }

    #[test]
    fn metadata_goes_to_the_header() {
        let html = r#"<!DOCTYPE html><html LANG="de-DE"><head>
            <meta charset="utf-8"><title>Fallback | Site</title>
            <meta property="og:title" content="Der &quot;Titel&quot;
              über zwei Zeilen">
            <meta property="og:site_name" content="Die Zeitung">
            <meta name="date" content="2024-01-02">
            <meta property="article:published_time" content="2025-05-16T08:00:00+02:00">
            <meta property="og:url" content="https://example.org/og">
            <link rel="alternate canonical" href="https://example.org/canonical">
            </head><body><h1>Überschrift</h1><time datetime="2020-01-01">1 Jan</time><p>Text.</p></body></html>"#;
        let reduced = reduce(html);
        assert_eq!(
            reduced.meta,
            Meta {
                title: Some("Der \"Titel\" über zwei Zeilen".into()),
                date: Some("2025-05-16".into()),
                source: Some("Die Zeitung".into()),
                url: Some("https://example.org/canonical".into()),
                lang: Some("de".into()),
            }
        );
        assert_eq!(reduced.paragraphs, ["Überschrift", "1 Jan", "Text."]);
        assert_eq!(
            reduced.into_article(),
            "title: Der \"Titel\" über zwei Zeilen\ndate: 2025-05-16\nsource: Die Zeitung\n\
             url: https://example.org/canonical\nlang: de\n\nÜberschrift\n\n1 Jan\n\nText.\n"
        );
    }

    #[test]
    fn fallbacks_for_title_date_and_url() {
        let meta = reduce("<title>The &amp; title</title><h1>H</h1>").meta;
        assert_eq!(meta.title.as_deref(), Some("The & title"));
        let meta = reduce(
            "<h1>First <em>heading</em></h1><h1>Second</h1><time datetime='2025-09'>Sept</time>\
             <meta property=og:url content='https://example.org/x'>",
        )
        .meta;
        assert_eq!(meta.title.as_deref(), Some("First heading"));
        assert_eq!(meta.date.as_deref(), Some("2025-09"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/x"));
        let meta = reduce("<link rel=canonical href='/relative'><meta name=date content='yesterday'>").meta;
        assert_eq!((meta.url, meta.date), (None, None));
    }

    #[test]
    fn tricky_markup_is_read_as_browsers_read_it() {
        assert_eq!(
            body("a < b and c<d"),
            ["a < b and c"],
            "an open tag at the end is dropped"
        );
        assert_eq!(body("1 <2 and 3<> 4 </ 5 <<p>x"), ["1 <2 and 3<> 4 </ 5 <", "x"]);
        assert_eq!(
            body(r#"<a title="x > y" href='a>b'>link</a> <img alt=">">!"#),
            ["link !"]
        );
        assert_eq!(body("<p>unclosed <b>bold <div>block"), ["unclosed bold", "block"]);
        assert_eq!(body("<p a=1 b c='2'/>x</p><br/>y"), ["x", "y"]);
        assert_eq!(body("<p title='never closed>text"), Vec::<String>::new());
        assert_eq!(body("<!-- open comment <p>x</p>"), Vec::<String>::new());
        assert_eq!(body("<!---->a<!-->b<?php echo 1 ?>c<!doctype html>d"), ["abcd"]);
        assert_eq!(body("<script>never closed</p>"), Vec::<String>::new());
        assert_eq!(body("<title>t</title"), Vec::<String>::new());
        assert_eq!(body("x</div >y</p\n>z</"), ["x", "y", "z</"]);
        assert_eq!(body("\u{feff}<p>\u{200b}中文\u{3000}文本</p>"), ["中文 文本"]);
    }

    #[test]
    fn markup_meant_as_an_attack_leaves_text_only() {
        let html = r#"<p>Hi<img src=x onerror=alert(1)> <a href="javascript:alert(1)" onclick="x()">click</a>
                      <script>alert(1)</script><iframe src="javascript:alert(2)">frame</iframe>
                      <svg onload=alert(3)><script>alert(4)</script></svg>&lt;script&gt;shown&lt;/script&gt;</p>"#;
        let text = reduce(html).into_article();
        assert_eq!(text, "Hi click <script>shown</script>\n");
        assert!(!text.contains("alert") && !text.contains("javascript"));
    }

    /// Random and garbled input never panics, and what comes out is single-line paragraphs.
    #[test]
    fn any_input_reduces_without_panicking() {
        const PIECES: [&str; 32] = [
            "<",
            ">",
            "</",
            "/>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<script>",
            "</script>",
            "<p>",
            "</p>",
            "<svg>",
            "</svg>",
            "<template>",
            "\"",
            "'",
            "=",
            "&",
            ";",
            "&#",
            "&#x",
            "amp",
            "9",
            "D800",
            "<title>",
            "<h1>",
            "</h1>",
            " ",
            "\n",
            "é中",
            "<meta name=date content=",
        ];
        let mut next = crate::import::pseudo_random(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let len = next() % 40;
            let mut input = String::new();
            for _ in 0..len {
                if next() % 4 == 0 {
                    input.push(char::from_u32((next() % 0x3000) as u32).unwrap_or('x'));
                } else {
                    input.push_str(PIECES[next() % PIECES.len()]);
                }
            }
            let reduced = reduce(&input);
            assert!(
                reduced.paragraphs.iter().all(|p| !p.is_empty() && !p.contains('\n')),
                "{input:?}"
            );
            let article = reduced.into_article();
            let doc = crate::Document::from_text("r.html", article);
            assert!(doc.body_start <= doc.text.len());
        }
    }
}
