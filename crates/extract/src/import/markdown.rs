//! Markdown to text: the blocks are read line by line and written as minimal HTML (code
//! escaped), which the HTML reader then reduces. So inline HTML in Markdown is treated as in
//! a page (scripts dropped, tags gone), entities are decoded as CommonMark does, and the
//! first `# Heading` becomes the title unless the front matter gives one.

use super::html;
use super::Reduced;

/// Reduces Markdown to its metadata and paragraphs.
pub(super) fn reduce(markdown: &str) -> Reduced {
    let markdown = markdown.trim_start_matches('\u{feff}');
    let (front_matter, body) = front_matter(markdown);
    let mut blocks = Blocks::default();
    for line in body.lines() {
        blocks.line(line);
    }
    let page = blocks.finish();
    let from_page = html::reduce(&page);
    let mut meta = super::Meta::default();
    for (key, value) in front_matter {
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        meta.offer(key, value);
    }
    for (key, value) in from_page.meta.into_pairs() {
        if let Some(value) = value {
            meta.offer(key, &value);
        }
    }
    Reduced {
        meta,
        paragraphs: from_page.paragraphs,
    }
}

/// The `key: value` pairs of a front matter block (`---` … `---` or `...`) opening the file,
/// keys lower case, and the text after it. Without a closing line there is no front matter.
fn front_matter(markdown: &str) -> (Vec<(&'static str, &str)>, &str) {
    let mut pairs = Vec::new();
    let Some(rest) = markdown.strip_prefix("---") else {
        return (pairs, markdown);
    };
    let Some(rest) = rest
        .trim_start_matches([' ', '\t'])
        .strip_prefix('\n')
        .or_else(|| rest.trim_start_matches([' ', '\t']).strip_prefix("\r\n"))
    else {
        return (pairs, markdown);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return (pairs, &rest[offset..]);
        }
        if let Some((key, value)) = trimmed.split_once(':') {
            let key = match key.trim().to_ascii_lowercase().as_str() {
                "title" => "title",
                "date" | "published" => "date",
                "source" => "source",
                "url" | "link" => "url",
                "lang" | "language" => "lang",
                _ => continue,
            };
            pairs.push((key, value));
        }
    }
    (Vec::new(), markdown)
}

/// The HTML written so far, and the block being read.
#[derive(Default)]
struct Blocks {
    html: String,
    /// Lines of the current paragraph.
    paragraph: Vec<String>,
    /// Inside a code fence: its character, its length and the code lines.
    fence: Option<(char, usize, Vec<String>)>,
}

impl Blocks {
    fn line(&mut self, line: &str) {
        if let Some((fence_char, fence_len, code)) = &mut self.fence {
            let trimmed = line.trim();
            if trimmed.len() >= *fence_len && trimmed.chars().all(|c| c == *fence_char) {
                let code = code.join("\n");
                self.html.push_str("<pre>");
                self.html.push_str(&escape(&code));
                self.html.push_str("</pre>");
                self.fence = None;
            } else {
                code.push(line.to_string());
            }
            return;
        }
        // Block quotes: `>` markers go, what they quote is read as any line.
        let mut text = line.trim();
        while let Some(quoted) = text.strip_prefix('>') {
            text = quoted.trim_start();
        }
        if let Some(fence) = fence_opening(text) {
            self.end_paragraph();
            self.fence = Some((fence.0, fence.1, Vec::new()));
            return;
        }
        if text.is_empty() || is_reference_definition(text) {
            self.end_paragraph();
            return;
        }
        if let Some((level, heading)) = atx_heading(text) {
            self.end_paragraph();
            self.heading(level, heading);
            return;
        }
        let is_rule = |c: char| text.len() >= 3 && text.chars().all(|x| x == c || x == ' ');
        if !self.paragraph.is_empty() && (is_rule('=') || is_rule('-')) {
            // A setext heading: the paragraph above is its text.
            let heading = std::mem::take(&mut self.paragraph).join(" ");
            self.heading(if text.starts_with('=') { 1 } else { 2 }, &heading);
            return;
        }
        if is_rule('-') || is_rule('*') || is_rule('_') {
            self.end_paragraph();
            return;
        }
        if let Some(item) = list_item(text) {
            self.end_paragraph();
            text = item;
        }
        self.paragraph.push(text.to_string());
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.html.push_str(&format!("<h{level}>{}</h{level}>", inline(text)));
    }

    fn end_paragraph(&mut self) {
        if !self.paragraph.is_empty() {
            let text = std::mem::take(&mut self.paragraph).join("\n");
            self.html.push_str("<p>");
            self.html.push_str(&inline(&text));
            self.html.push_str("</p>");
        }
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        if let Some((.., code)) = self.fence.take() {
            // An unclosed fence runs to the end of the file, as in CommonMark.
            self.html.push_str("<pre>");
            self.html.push_str(&escape(&code.join("\n")));
            self.html.push_str("</pre>");
        }
        self.html
    }
}

/// ```` ``` ```` or `~~~` (three or more) opening a code block: the character and the length.
fn fence_opening(text: &str) -> Option<(char, usize)> {
    let c = text.chars().next().filter(|&c| c == '`' || c == '~')?;
    let len = text.chars().take_while(|&x| x == c).count();
    (len >= 3).then_some((c, len))
}

/// `# Heading ##` → (1, "Heading").
fn atx_heading(text: &str) -> Option<(usize, &str)> {
    let level = text.chars().take_while(|&c| c == '#').count();
    let rest = &text[level..];
    let is_heading = (1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t']));
    is_heading.then(|| (level, rest.trim().trim_end_matches('#').trim_end()))
}

/// `[label]: https://…` lines define link targets and show nothing.
fn is_reference_definition(text: &str) -> bool {
    text.starts_with('[') && !text.starts_with("[^") && text.find("]:").is_some_and(|i| i > 1)
}

/// The text of a list item (`- `, `* `, `+ `, `1. `, `1) `), or `None`.
fn list_item(text: &str) -> Option<&str> {
    if let Some(rest) = text.strip_prefix(['-', '*', '+']) {
        return rest.strip_prefix([' ', '\t']).map(str::trim_start);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text[digits..].strip_prefix(['.', ')'])?;
    ((1..=9).contains(&digits) && rest.starts_with([' ', '\t'])).then(|| rest.trim_start())
}

/// `<` and `&` as HTML text, so that the HTML reader gives them back as written.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// Inline Markdown as HTML: emphasis markers dropped, links to their text, images dropped,
/// code spans escaped, inline HTML passed on (the HTML reader drops it); a `<` that opens no
/// tag is escaped.
fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p]);
        match c {
            '\\' if chars.get(i + 1).is_some_and(char::is_ascii_punctuation) => {
                push_escaped(&mut out, chars[i + 1]);
                i += 2;
            }
            '`' => {
                let run = run_length(&chars, i, '`');
                match find_run(&chars, i + run, '`', run) {
                    Some(close) => {
                        let code: String = chars[i + run..close].iter().collect();
                        out.push_str(&escape(code.trim()));
                        i = close + run;
                    }
                    None => {
                        out.extend(&chars[i..i + run]);
                        i += run;
                    }
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link(&chars, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            '[' => match link(&chars, i) {
                Some((label_end, end)) => {
                    let label: String = chars[i + 1..label_end].iter().collect();
                    out.push_str(&inline(&label));
                    i = end;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            '*' | '_' | '~' => {
                let run = run_length(&chars, i, c);
                let next = chars.get(i + run).copied();
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let keep =
                    (space(prev) && space(next)) || (c == '_' && alnum(prev) && alnum(next)) || (c == '~' && run == 1);
                if keep {
                    out.extend(&chars[i..i + run]);
                }
                i += run;
            }
            '<' => {
                // A tag or an autolink closes on the same line, before any other `<`.
                let window = &chars[i + 1..chars.len().min(i + 1 + WINDOW)];
                let close = window
                    .iter()
                    .position(|&x| matches!(x, '>' | '<' | '\n'))
                    .filter(|&end| window[end] == '>');
                let starts_tag = window
                    .first()
                    .is_some_and(|&x| x.is_ascii_alphabetic() || x == '/' || x == '!');
                match close {
                    Some(end) if is_autolink(&window[..end].iter().collect::<String>()) => {
                        out.push_str(&escape(&window[..end].iter().collect::<String>()));
                        i += end + 2;
                    }
                    Some(_) if starts_tag => {
                        out.push('<');
                        i += 1;
                    }
                    _ => {
                        out.push_str("&lt;");
                        i += 1;
                    }
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// How far (in characters) a closing bracket, backtick run or `>` is looked for: inline
/// constructs are short, and the bound keeps garbled input linear.
const WINDOW: usize = 4096;

fn push_escaped(out: &mut String, c: char) {
    match c {
        '<' => out.push_str("&lt;"),
        '&' => out.push_str("&amp;"),
        _ => out.push(c),
    }
}

fn run_length(chars: &[char], from: usize, c: char) -> usize {
    chars[from..].iter().take_while(|&&x| x == c).count()
}

/// Where a run of exactly `len` `c`s starts, at or after `from`.
fn find_run(chars: &[char], from: usize, c: char, len: usize) -> Option<usize> {
    let mut i = from;
    while i < chars.len().min(from + WINDOW) {
        let run = run_length(chars, i, c);
        if run == len {
            return Some(i);
        }
        i += run.max(1);
    }
    None
}

/// A link or image starting at the `[` at `open`: `[label](target)` or `[label][ref]`. The
/// offset of the label's `]` and the offset after the link.
fn link(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let label_end = matching(chars, open, '[', ']')?;
    let end = match chars.get(label_end + 1) {
        Some('(') => matching(chars, label_end + 1, '(', ')')? + 1,
        Some('[') => matching(chars, label_end + 1, '[', ']')? + 1,
        _ => return None,
    };
    Some((label_end, end))
}

/// The offset of the bracket closing the one at `open`, nesting counted.
fn matching(chars: &[char], open: usize, opening: char, closing: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < chars.len().min(open + WINDOW) {
        match chars[i] {
            '\\' => i += 1,
            x if x == opening => depth += 1,
            x if x == closing => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// `<https://example.org>` or `<name@example.org>`: shown as the address.
fn is_autolink(inner: &str) -> bool {
    let scheme = inner.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() >= 2 && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    !inner.contains(char::is_whitespace) && (scheme || inner.contains('@'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(markdown: &str) -> String {
        reduce(markdown).into_article()
    }

    #[test]
    fn blocks_lose_their_markers() {
        let markdown = "# Title #\n\nSome *emph*, __strong__ and ~~struck~~ text\nover two lines.\n\n\
                        - item one\n* item two\n  continued\n1. numbered\n\n> quoted\n> > deeper\n\n---\n\n\
                        Setext\n======\n\n## Sub\nsnake_case_name, 2 * 3 and ~1 km.";
        assert_eq!(
            article(markdown),
            "title: Title\n\nTitle\n\nSome emph, strong and struck text over two lines.\n\nitem one\n\n\
             item two continued\n\nnumbered\n\nquoted deeper\n\nSetext\n\nSub\n\nsnake_case_name, 2 * 3 and ~1 km.\n"
        );
    }

    #[test]
    fn links_keep_their_text_and_images_go() {
        let markdown = "See [the *report*](https://example.org/r \"T\") and [this][ref], \
                        ![chart](c.png) <https://example.org/auto> [1] [unclosed\n\n[ref]: https://example.org\n";
        assert_eq!(
            article(markdown),
            "See the report and this, https://example.org/auto [1] [unclosed\n"
        );
    }

    #[test]
    fn code_is_kept_as_text() {
        let markdown = "Run `a <b> & c` now.\n\n```rust\nlet x = 1 < 2;\n<p>kept</p>\n```\n\n~~~\nopen fence";
        assert_eq!(
            article(markdown),
            "Run a <b> & c now.\n\nlet x = 1 < 2; <p>kept</p>\n\nopen fence\n"
        );
    }

    #[test]
    fn front_matter_gives_the_header_and_wins_over_the_heading() {
        let markdown = "---\ntitle: \"From front matter\"\ndate: 2025-05-16T09:00\nsource: Xinhua\n\
                        url: https://example.org/a\nlang: zh-CN\ntags: [a, b]\n---\n# Heading\n\n正文。";
        assert_eq!(
            article(markdown),
            "title: From front matter\ndate: 2025-05-16\nsource: Xinhua\nurl: https://example.org/a\n\
             lang: zh-Hans\n\nHeading\n\n正文。\n"
        );
        assert_eq!(article("---\nnot closed\n\ntext"), "not closed\n\ntext\n");
    }

    #[test]
    fn inline_html_is_read_as_html() {
        let markdown = "Hi <img src=x onerror=alert(1)> [click](javascript:alert(1)) <script>alert(1)</script>\
                        &lt;b&gt; a < b, x<y and AT&T &amp; \\*not emphasis\\*";
        let text = article(markdown);
        assert_eq!(text, "Hi click <b> a < b, x<y and AT&T & *not emphasis*\n");
        assert!(!text.contains("alert") && !text.contains("javascript"));
    }

    #[test]
    fn any_input_reduces_without_panicking() {
        const PIECES: [&str; 24] = [
            "[", "]", "(", ")", "!", "`", "```", "*", "_", "~", "<", ">", "\\", "#", "-", "1.", "---", "\n", " ", "&",
            "<p", "é", "中", "\r\n",
        ];
        let mut next = crate::import::pseudo_random(7);
        for _ in 0..3000 {
            let input: String = (0..next() % 40).map(|_| PIECES[next() % PIECES.len()]).collect();
            let reduced = reduce(&input);
            assert!(
                reduced.paragraphs.iter().all(|p| !p.is_empty() && !p.contains('\n')),
                "{input:?}"
            );
        }
    }
}
