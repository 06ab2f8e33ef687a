//! Splits article text into paragraphs and sentences, keeping byte offsets into the file.

use crate::language::is_han;

/// A sentence: `text[start..end]`, trimmed, within paragraph number `paragraph` (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// Words that end with a period without ending the sentence, in the four languages' news
/// style (compared without the period, case-sensitively).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Co", "Ltd", "Inc", "Corp", "No", "Nos", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Capt", "Jr", "Sr",
    "vs", "etc", "approx", "ca", "bzw", "Nr", "Mio", "Mrd", "Abs", "Hr", "Fr", "Mme", "Mlle", "MM", "av", "env", "cf",
    "Bd", "S", "U.S", "U.K", "e.g", "i.e", "z.B", "d.h", "u.a", "z.T", "Ph.D", "Art", "Abb", "vol",
];

/// The length in bytes of the longest of [`ABBREVIATIONS`]: a longer word is compared with
/// none of them.
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// Splits `text[range]` into sentences. Each non-empty line is a paragraph (articles put one
/// paragraph per line); a sentence ends at `.`, `!` or `?` followed by a space and a new
/// sentence, or at `。`, `！`, `？`, taking closing quotes and brackets with it.
///
/// # Example
/// ```
/// use atlas_extract::segment::sentences;
/// let text = "Dr. Li met Mr. Smith on Sept. 29. They signed an MoU.\n双方签署了协议。合作将继续。";
/// let found: Vec<&str> = sentences(text, 0..text.len()).iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(found, ["Dr. Li met Mr. Smith on Sept. 29.", "They signed an MoU.", "双方签署了协议。", "合作将继续。"]);
/// ```
pub fn sentences(text: &str, range: std::ops::Range<usize>) -> Vec<Sentence> {
    // News sentences run to some 150 bytes: room for about as many as the text holds, in one
    // allocation rather than a growing list copied at each step.
    let mut out = Vec::with_capacity(range.len() / 150 + 4);
    let mut paragraph = 0;
    let mut line_start = range.start;
    // Line by line, each with its line break (`split_inclusive`), the breaks found by memchr.
    while line_start < range.end {
        let line_end =
            memchr::memchr(b'\n', &text.as_bytes()[line_start..range.end]).map_or(range.end, |n| line_start + n + 1);
        let line = &text[line_start..line_end];
        if !line.trim().is_empty() {
            split_line(text, line_start, line_end, paragraph, &mut out);
            paragraph += 1;
        }
        line_start = line_end;
    }
    out
}

fn split_line(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let line = &text[start..end];
    let mut sentence_start = 0;
    let mut from = 0;
    // Only the bytes that can start a stop are looked at: `.`, `!`, `?`, and the first bytes of
    // `。` (0xE3) and of the full-width `！`, `？`, `；` (0xEF), all at character boundaries.
    while let Some(i) = find_stop_byte(line.as_bytes(), from) {
        let c = line[i..].chars().next().unwrap_or(' ');
        from = i + c.len_utf8();
        let is_cjk_stop = matches!(c, '。' | '！' | '？' | '；');
        let is_latin_stop = matches!(c, '.' | '!' | '?');
        if !is_cjk_stop && !is_latin_stop {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they close.
        let mut boundary = from;
        for next in line[boundary..].chars() {
            if matches!(next, '"' | '\'' | '”' | '’' | '」' | '』' | ')' | '）' | '»') {
                boundary += next.len_utf8();
            } else {
                break;
            }
        }
        from = boundary;
        let ends_sentence = if is_cjk_stop {
            true
        } else {
            let rest = &line[boundary..];
            let after_space = rest.trim_start();
            let followed_by_space = rest.starts_with(char::is_whitespace);
            (followed_by_space
                && after_space
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_uppercase() || n.is_numeric() || is_opening(n) || is_han(n))
                && !(c == '.' && is_abbreviation_or_ordinal(&line[..i], after_space)))
                || glued_to_next(&line[..i], rest)
        };
        if ends_sentence {
            push_trimmed(start + sentence_start, start + boundary, text, paragraph, out);
            sentence_start = boundary;
        }
    }
    push_trimmed(start + sentence_start, end, text, paragraph, out);
}

/// "…zu revitalisieren.\"Der künftige Eigentümer…", "…Wahlkampf.British Steel war…": text
/// copied from web pages loses the space between sentences. A lowercase word, then a capital
/// and a lowercase letter, is a new sentence; not `Diversifying.io` nor `U.S.Steel`.
fn glued_to_next(before: &str, rest: &str) -> bool {
    let mut next = rest.chars();
    let starts_word = next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase);
    let mut last = before.chars().rev();
    starts_word && last.by_ref().take(3).all(char::is_lowercase) && last.next().is_none_or(|c| c != '.')
}

/// The first of the bytes `.`, `!`, `?`, 0xE3, 0xEF in `bytes` from `from` on.
fn find_stop_byte(bytes: &[u8], from: usize) -> Option<usize> {
    find_any_byte(bytes, from, [b'.', b'!', b'?', 0xE3, 0xEF])
}

/// The first of the bytes of `set` in `bytes` from `from` on, found by `memchr`'s vector
/// search, three bytes at a time: each further three are only looked for before the first
/// found so far, so no byte is searched twice for them.
pub(crate) fn find_any_byte<const N: usize>(bytes: &[u8], from: usize, set: [u8; N]) -> Option<usize> {
    let rest = &bytes[from..];
    let mut found = None;
    for group in set.chunks(3) {
        let before = &rest[..found.unwrap_or(rest.len())];
        let at = match *group {
            [a] => memchr::memchr(a, before),
            [a, b] => memchr::memchr2(a, b, before),
            [a, b, c] => memchr::memchr3(a, b, c, before),
            _ => None,
        };
        found = at.or(found);
    }
    found.map(|at| from + at)
}

/// Where the characters of `chars` stand in `text`, in order, with which one each is: what
/// `text.match_indices(chars)` finds, but found by [`find_any_byte`] for their first bytes
/// rather than by decoding every character. A first byte found is always a character's start
/// (continuation bytes are `0x80..=0xBF`, no character's first byte), so only candidates are
/// decoded.
pub(crate) fn char_offsets<const N: usize>(text: &str, chars: [char; N]) -> impl Iterator<Item = (usize, char)> + '_ {
    let first_bytes = chars.map(|c| c.encode_utf8(&mut [0; 4]).as_bytes()[0]);
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let at = find_any_byte(text.as_bytes(), from, first_bytes)?;
        let c = text[at..].chars().next()?;
        from = at + c.len_utf8();
        if chars.contains(&c) {
            return Some((at, c));
        }
    })
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '「' | '（')
}

/// The word before a period is an abbreviation (`Sept.`, `U.S.`, `J.`), or a German/French
/// ordinal day (`15. Mai`).
fn is_abbreviation_or_ordinal(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "J. K. Rowling"
    }
    if word.len() <= LONGEST_ABBREVIATION && ABBREVIATIONS.contains(&word) {
        return true;
    }
    let is_day_number = !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
    let next_word = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    is_day_number && crate::date::month_from_name(next_word).is_some()
}

fn push_trimmed(start: usize, end: usize, text: &str, paragraph: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = end - (slice.len() - slice.trim_end().len());
    if trimmed_start < trimmed_end {
        out.push(Sentence {
            start: trimmed_start,
            end: trimmed_end,
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len())
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentences_glued_together_by_a_lost_space_are_two() {
        assert_eq!(
            split("Es wird hart.\"Der Eigentümer verspricht Geld.\" Das ist alles.British Steel war pleite."),
            [
                "Es wird hart.\"",
                "Der Eigentümer verspricht Geld.\"",
                "Das ist alles.",
                "British Steel war pleite."
            ]
        );
        assert_eq!(
            split("See Diversifying.io and U.S.Steel today."),
            ["See Diversifying.io and U.S.Steel today."]
        );
    }

    #[test]
    fn abbreviations_initials_and_ordinals_do_not_end_sentences() {
        assert_eq!(
            split("The U.S. and U.K. teams met J. Smith. Talks went well."),
            ["The U.S. and U.K. teams met J. Smith.", "Talks went well."]
        );
        assert_eq!(
            split("LONDON, 15. Mai 2025 -- Luohu organisierte am 12. Mai ein Treffen. Es war gut."),
            [
                "LONDON, 15. Mai 2025 -- Luohu organisierte am 12. Mai ein Treffen.",
                "Es war gut."
            ]
        );
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        assert_eq!(
            split("\"We can learn from each other,\" Zheng said. \"It works.\" He left."),
            [
                "\"We can learn from each other,\" Zheng said.",
                "\"It works.\"",
                "He left."
            ]
        );
        assert_eq!(
            split("他说：“合作很好。”双方同意。"),
            ["他说：“合作很好。”", "双方同意。"]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_stay_together() {
        assert_eq!(
            split("Trade rose 24.8 percent to $98.4 billion. Next."),
            ["Trade rose 24.8 percent to $98.4 billion.", "Next."]
        );
        assert_eq!(
            split("It is Diversifying.io. and more"),
            ["It is Diversifying.io. and more"]
        );
    }

    #[test]
    fn lines_are_paragraphs() {
        let text = "First line.\n\nSecond line. Two.\n";
        let found = sentences(text, 0..text.len());
        assert_eq!(found.iter().map(|s| s.paragraph).collect::<Vec<_>>(), [0, 1, 1]);
    }

    #[test]
    fn char_offsets_are_the_characters_match_indices_finds() {
        // Each set with characters that share its first bytes (`，！（` are all 0xEF 0xBC …).
        let sets: [[char; 3]; 3] = [[',', '，', '。'], ['"', '”', '»'], ['」', 'a', '€']];
        let text = "a, b，c！d（e。f\"g”h“i»j«k」l「m€n— 中文, é";
        for set in sets {
            let fast: Vec<(usize, char)> = char_offsets(text, set).collect();
            let slow: Vec<(usize, char)> = text
                .match_indices(set)
                .map(|(at, c)| (at, c.chars().next().unwrap()))
                .collect();
            assert_eq!(fast, slow, "{set:?}");
        }
    }

    proptest! {
        #[test]
        fn char_offsets_match_match_indices(text in "[a-c,，。”\"»«“\\PC]{0,60}") {
            let set = [',', '，', '”', '"'];
            let fast: Vec<usize> = char_offsets(&text, set).map(|(at, _)| at).collect();
            let slow: Vec<usize> = text.match_indices(set).map(|(at, _)| at).collect();
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn never_panics_and_spans_are_inside(text in "\\PC{0,300}") {
            for s in sentences(&text, 0..text.len()) {
                prop_assert!(s.start < s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}
