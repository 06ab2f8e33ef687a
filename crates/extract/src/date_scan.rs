//! Finds written-out calendar dates (with a year) in a piece of text, in the four languages.

use crate::date::{month_from_name, PartialDate};
use crate::language::is_han;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'a> {
    Number { value: u32, digits: usize },
    Word(&'a str),
    Mark(char),
}

#[derive(Debug, Clone, Copy)]
struct Spanned<'a> {
    token: Token<'a>,
    /// Whitespace stands between this token and the one before it.
    spaced: bool,
}

fn tokenize(text: &str) -> Vec<Spanned<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut spaced = false;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let token = if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + 1;
                chars.next();
            }
            let digits = &text[start..end];
            match digits.parse() {
                Ok(value) => Token::Number {
                    value,
                    digits: digits.len(),
                },
                Err(_) => Token::Mark('#'),
            }
        } else if is_word_char(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            Token::Word(&text[start..end])
        } else {
            Token::Mark(c)
        };
        tokens.push(Spanned { token, spaced });
        spaced = false;
    }
    tokens
}

/// Letters of alphabetic scripts; Han characters are each a token of their own.
fn is_word_char(c: char) -> bool {
    // Han text first (and ASCII before it): the Unicode table is asked only of other letters.
    c.is_ascii_alphabetic() || (!c.is_ascii() && !is_han(c) && c.is_alphabetic())
}

fn year_of(token: Token<'_>) -> Option<i32> {
    match token {
        Token::Number { value, digits: 4 } if (1900..=2100).contains(&value) => i32::try_from(value).ok(),
        _ => None,
    }
}

fn small_number(token: Token<'_>) -> Option<u8> {
    match token {
        Token::Number { value, digits: 1 | 2 } => u8::try_from(value).ok(),
        _ => None,
    }
}

fn month_word(token: Token<'_>) -> Option<u8> {
    match token {
        Token::Word(word) => month_from_name(word),
        _ => None,
    }
}

fn is_mark(token: Option<&Spanned<'_>>, marks: &[char]) -> bool {
    matches!(token, Some(Spanned { token: Token::Mark(c), .. }) if marks.contains(c))
}

/// The first date in `text` that names its year: `2019-04-01`, `14-02-2026`, `14. 02. 2026`,
/// `September 30, 2025`, `Sept. 29, 2025`, `15. Mai 2025`, `26 Feb 2016`, `1er mars 2020`,
/// `2015年10月21日`, or month-only `September 2025` / `2015年10月`.
///
/// Dates without a year (`Sept. 29`, `10月21日`) need a reference date and are not found here.
pub(crate) fn first_date_with_year(text: &str) -> Option<PartialDate> {
    let tokens = tokenize(text);
    let at = |i: usize| tokens.get(i).map(|t| t.token);
    for i in 0..tokens.len() {
        let token = tokens[i].token;
        // Year first: 2019-04-01, 2019/04/01, 2019.04.01, 2015年10月21日
        if let Some(year) = year_of(token) {
            if is_mark(tokens.get(i + 1), &['-', '/', '.']) && is_mark(tokens.get(i + 3), &['-', '/', '.']) {
                if let (Some(month), Some(day)) = (at(i + 2).and_then(small_number), at(i + 4).and_then(small_number)) {
                    if let Some(date) = PartialDate::day(year, month, day) {
                        return Some(date);
                    }
                }
            }
            if is_mark(tokens.get(i + 1), &['年']) {
                if let Some(month) = at(i + 2).and_then(small_number) {
                    if is_mark(tokens.get(i + 3), &['月']) {
                        let day = at(i + 4)
                            .and_then(small_number)
                            .filter(|_| is_mark(tokens.get(i + 5), &['日', '号']));
                        let date = match day {
                            Some(day) => PartialDate::day(year, month, day),
                            None => PartialDate::month(year, month),
                        };
                        if date.is_some() {
                            return date;
                        }
                    }
                }
            }
        }
        // Day first, numeric: 14-02-2026, 14.02.2026, 14. 02. 2026
        if let Some(day) = small_number(token) {
            if is_mark(tokens.get(i + 1), &['-', '.']) && is_mark(tokens.get(i + 3), &['-', '.']) {
                if let (Some(month), Some(year)) = (at(i + 2).and_then(small_number), at(i + 4).and_then(year_of)) {
                    if let Some(date) = PartialDate::day(year, month, day) {
                        return Some(date);
                    }
                }
            }
            // Day first, named month: 15. Mai 2025, 26 Feb 2016, 1er mars 2020
            let mut j = i + 1;
            if matches!(at(j), Some(Token::Mark('.')) | Some(Token::Word("er"))) {
                j += 1;
            }
            if let Some(month) = at(j).and_then(month_word) {
                let mut k = j + 1;
                if is_mark(tokens.get(k), &['.', ',']) {
                    k += 1;
                }
                if let Some(year) = at(k).and_then(year_of) {
                    if let Some(date) = PartialDate::day(year, month, day) {
                        return Some(date);
                    }
                }
            }
        }
        // Named month first: September 30, 2025 / Sept. 29, 2025 / September 2025
        if let Some(month) = month_word(token) {
            let mut j = i + 1;
            if is_mark(tokens.get(j), &['.']) {
                j += 1;
            }
            if let Some(day) = at(j).and_then(small_number) {
                let k = if is_mark(tokens.get(j + 1), &[',']) {
                    j + 2
                } else {
                    j + 1
                };
                if let Some(year) = at(k).and_then(year_of) {
                    if let Some(date) = PartialDate::day(year, month, day) {
                        return Some(date);
                    }
                }
            } else if let Some(year) = at(j).and_then(year_of) {
                // "May 2025" but not "may 2025 be …": a month name needs its capital in English.
                if tokens[i].spaced || i == 0 {
                    if let Token::Word(word) = token {
                        if word.chars().next().is_some_and(char::is_uppercase) || word.chars().count() > 3 {
                            return PartialDate::month(year, month);
                        }
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        first_date_with_year(text).map(|d| d.to_string())
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(date("Updated:2019-04-01 16:04:14").as_deref(), Some("2019-04-01"));
        assert_eq!(
            date("source: GD TODAY   Time:2025-03-22 11:33:03").as_deref(),
            Some("2025-03-22")
        );
        assert_eq!(date("Mis à jour le 14-02-2026").as_deref(), Some("2026-02-14"));
        assert_eq!(
            date("Agence de presse Xinhua | 14. 02. 2026").as_deref(),
            Some("2026-02-14")
        );
        assert_eq!(date("2017/11/20 10:26").as_deref(), Some("2017-11-20"));
    }

    #[test]
    fn named_months_in_three_languages() {
        assert_eq!(date("Xinhua) 13:20, September 30, 2025").as_deref(), Some("2025-09-30"));
        assert_eq!(date("Xinhua, May 18, 2015").as_deref(), Some("2015-05-18"));
        assert_eq!(
            date("LONDON, 15. Mai 2025 /PRNewswire/ --").as_deref(),
            Some("2025-05-15")
        );
        assert_eq!(date("26 Feb 2016 15:49:48.823").as_deref(), Some("2016-02-26"));
        assert_eq!(date("le 21 octobre 2015 à Londres").as_deref(), Some("2015-10-21"));
        assert_eq!(date("le 1er mars 2020").as_deref(), Some("2020-03-01"));
        assert_eq!(date("in September 2025").as_deref(), Some("2025-09"));
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(date("2015年10月21日,习近平").as_deref(), Some("2015-10-21"));
        assert_eq!(date("重庆与世界 2018年7期").as_deref(), None);
        assert_eq!(date("2018年7月").as_deref(), Some("2018-07"));
    }

    #[test]
    fn dates_without_year_or_impossible_dates_are_not_found() {
        assert_eq!(date("HEFEI, Sept. 29 (Xinhua) --"), None);
        assert_eq!(date("10月21日"), None);
        assert_eq!(date("2023-02-30"), None);
        assert_eq!(date("PA 46/16"), None);
        assert_eq!(date("400,000 high-tech enterprises"), None);
    }
}
