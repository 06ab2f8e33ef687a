//! Wire-story datelines: `HEFEI, Sept. 29 (Xinhua) --`, `London (Reuters) -`.

use super::*;
/// The place and date of a wire-story dateline: `HEFEI, Sept. 29 (Xinhua) --`.
pub(super) struct Dateline {
    pub(super) place: Option<EventPlace>,
    pub(super) date: Option<PartialDate>,
    /// Byte offset where the story starts, after the dateline's dash.
    pub(super) story_start: usize,
    /// The paragraph the dateline opens: its events happened there and then.
    pub(super) paragraph: usize,
}

impl Dateline {
    pub(super) fn read(doc: &Document, first: Sentence, gazetteer: &Gazetteer) -> Option<Dateline> {
        let sentence = &doc.text[first.start..first.end];
        if let Some(dateline) = Self::read_han(doc, first, sentence, gazetteer) {
            return Some(dateline);
        }
        let (head_end, dash) = first_dash(sentence)?;
        let head = &sentence[..head_end];
        // A dateline is short and starts with its city in capitals (`HEFEI,`, `LONDON,`), or
        // is a city and an agency (`London (Reuters) -`).
        let city_in_capitals = head
            .split(',')
            .next()
            .is_some_and(|c| c.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
        // `Pékin, 31 janvier (AFP) -`: a known city, maybe a date, and an agency.
        let known_city = |city: &str| {
            let city = city.split(',').next().unwrap_or(city).trim();
            city.split(' ').count() <= 3 && !gazetteer.lookup(city).is_empty()
        };
        let city_and_agency = head.ends_with(')')
            && head.split_once(" (").is_some_and(|(city, agency)| {
                (!city.contains(',') || known_city(city))
                    && city.split(' ').count() <= 5
                    && agency.split(' ').count() <= 2
            });
        let wire_head = head.contains(',') && city_in_capitals;
        // `London, 12. Juni 2025 –`, `Pékin, le 8 avril 2025 –`: a known city and a full date.
        let city_and_date = head.split_once(',').is_some_and(|(city, rest)| {
            known_city(city)
                && find_dates_in(rest, None, doc.lang)
                    .first()
                    .is_some_and(|d| d.date.day_number().is_some())
        });
        // `LONDON -- Chinese carmaker …` (China Daily): a city alone in capitals, no date; a
        // country in capitals (`UK -`) is no dateline.
        let city_alone = !head.contains([',', '(']) && city_in_capitals && head.split(' ').count() <= 3 && {
            let title_case = title_case(head.trim());
            gazetteer
                .lookup(&title_case)
                .iter()
                .any(|&i| gazetteer.place(i).level == crate::gazetteer::PlaceLevel::City)
        };
        if head.chars().count() > 80 || !(wire_head || city_and_agency || city_and_date || city_alone) {
            return None;
        }
        let city = head.split([',', '(']).next().unwrap_or("").trim();
        let place = best_candidate(gazetteer.lookup(&title_case(city)), gazetteer, &[])
            .map(|p| EventPlace::of(city, gazetteer.place(p), PlaceRole::Venue, true));
        let date = find_dates_in(head, doc.published, doc.lang).first().map(|d| d.date);
        Some(Dateline {
            place,
            date,
            story_start: first.start + head_end + dash,
            paragraph: first.paragraph,
        })
    }

    /// `新华社伦敦10月21日电（记者张三）`, `人民網倫敦10月21日電`: an agency, a city and a day,
    /// then 电 ("cable"), and perhaps the reporters in brackets.
    fn read_han(doc: &Document, first: Sentence, sentence: &str, gazetteer: &Gazetteer) -> Option<Dateline> {
        const HEAD_CHARS: usize = 30;
        // Asked of every sentence of the first paragraphs until a dateline is found: most hold
        // no 电 at all, which a byte search tells before any character is counted. The first
        // occurrence in the sentence is the first in the head, if any is.
        let found = ["日电", "日電"].map(|cable| find_str(sentence, cable).map(|at| (at, cable.len())));
        if found.iter().all(Option::is_none) {
            return None;
        }
        let window_end = sentence
            .char_indices()
            .nth(HEAD_CHARS)
            .map_or(sentence.len(), |(at, _)| at);
        let (at, cable) = found
            .into_iter()
            .flatten()
            .filter(|&(at, len)| at + len <= window_end)
            .min()?;
        let head = &sentence[..at + cable];
        let mut story = at + cable;
        let rest = &sentence[story..];
        if let Some(close) = rest
            .strip_prefix(['（', '('])
            .and_then(|inner| inner.find(['）', ')']))
            .filter(|&close| close < 60)
        {
            let open = rest.chars().next().map_or(0, char::len_utf8);
            let closing = rest[open + close..].chars().next().map_or(0, char::len_utf8);
            story += open + close + closing;
        }
        let story = story + (sentence[story..].len() - sentence[story..].trim_start().len());
        let place = gazetteer.find(head).into_iter().find_map(|m| {
            let index = best_candidate(m.candidates, gazetteer, &[])?;
            let place = gazetteer.place(index);
            (place.level != PlaceLevel::Country)
                .then(|| EventPlace::of(&head[m.start..m.end], place, PlaceRole::Venue, true))
        })?;
        let date = find_dates_in(head, doc.published, doc.lang).first().map(|d| d.date);
        Some(Dateline {
            place: Some(place),
            date,
            story_start: first.start + story,
            paragraph: first.paragraph,
        })
    }
}

/// The first dash that ends a dateline's head (` -- `, ` — `, ` – `, ` - `): where its space
/// starts and how long it is. At most one of them starts at any space, and only where a space
/// is followed by `-` or by the first byte of `—` and `–`: only those bytes are looked at. Past
/// 320 bytes the head would be too long (more than 80 characters) anyway.
/// `NEW YORK` → `New York`: a dateline's city as the gazetteer spells it.
fn title_case(city: &str) -> String {
    city.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn first_dash(sentence: &str) -> Option<(usize, usize)> {
    let bytes = sentence.as_bytes();
    let window = &bytes[..bytes.len().min(322)];
    let mut from = 1.min(window.len());
    loop {
        let at = crate::segment::find_any_byte(window, from, [b'-', 0xE2])?;
        from = at + 1;
        if bytes[at - 1] != b' ' {
            continue;
        }
        let space = at - 1;
        if let Some(dash) = [" -- ", " — ", " – ", " - "]
            .iter()
            .find(|dash| sentence[space..].starts_with(*dash))
        {
            return Some((space, dash.len()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_dash_is_the_first_spaced_dash_of_the_head() {
        // What a search of every byte finds.
        let slow = |sentence: &str| {
            let bytes = sentence.as_bytes();
            bytes[..bytes.len().min(322)]
                .iter()
                .enumerate()
                .skip(1)
                .filter(|&(at, &b)| matches!(b, b'-' | 0xE2) && bytes[at - 1] == b' ')
                .find_map(|(at, _)| {
                    [" -- ", " — ", " – ", " - "]
                        .iter()
                        .find(|dash| sentence[at - 1..].starts_with(*dash))
                        .map(|dash| (at - 1, dash.len()))
                })
        };
        let long_head = format!("{} -- story", "x".repeat(330));
        for sentence in [
            "HEFEI, Sept. 29 (Xinhua) -- The delegation arrived.",
            "London (Reuters) - Talks began.",
            "Sino-UK ties – and “more” -no- — at last — here",
            "x -",
            "-- a - b",
            " – ",
            "“Quoted” — said",
            "a",
            long_head.as_str(),
        ] {
            assert_eq!(first_dash(sentence), slow(sentence), "{sentence:?}");
        }
    }
}
