//! Finds the organisations, government bodies and people a sentence names, with the side each
//! represents when the text says so.

use crate::date::is_calendar_word;
use crate::event::{Actor, ActorType};
use crate::gazetteer::Gazetteer;
use crate::language::is_han;
use crate::lexicon::{Cue, CueMatch, Side};

/// Words that make a capitalised name an organisation (compared case-insensitively).
const ORG_WORDS: &[&str] = &[
    "university",
    "college",
    "company",
    "group",
    "bank",
    "council",
    "ministry",
    "department",
    "commission",
    "chamber",
    "association",
    "institute",
    "centre",
    "center",
    "agency",
    "government",
    "office",
    "embassy",
    "consulate",
    "trust",
    "foundation",
    "ltd",
    "plc",
    "inc",
    "corporation",
    "holdings",
    "laboratory",
    "hospital",
    "fund",
    "authority",
    "federation",
    "society",
    "committee",
    "bureau",
    "club",
    "online",
    "daily",
    "school",
    "academy",
    "partners",
    "capital",
    "steel",
    "airways",
    "energy",
    "technologies",
    "universität",
    "gruppe",
    "konzern",
    "regierung",
    "ministerium",
    "kammer",
    "handelskammer",
    "stiftung",
    "université",
    "groupe",
    "ministère",
    "chambre",
    "ambassade",
    "gouvernement",
    "banque",
    "société",
    "agence",
];

/// Organisation words that mean a government body.
const GOV_WORDS: &[&str] = &[
    "government",
    "ministry",
    "department",
    "council",
    "commission",
    "embassy",
    "consulate",
    "authority",
    "regierung",
    "ministerium",
    "gouvernement",
    "ministère",
    "ambassade",
    "政府",
    "部",
    "委员会",
    "委員會",
    "厅",
    "廳",
    "局",
    "大使馆",
    "大使館",
    "领事馆",
    "領事館",
    "外事办",
    "外事辦",
    "商务",
    "商務",
];

/// Suffixes that end a Chinese organisation name.
const HAN_ORG_SUFFIXES: &[&str] = &[
    "大学",
    "大學",
    "公司",
    "集团",
    "集團",
    "银行",
    "銀行",
    "政府",
    "委员会",
    "委員會",
    "商会",
    "商會",
    "协会",
    "協會",
    "研究院",
    "研究所",
    "实验室",
    "實驗室",
    "医院",
    "醫院",
    "学院",
    "學院",
    "大使馆",
    "大使館",
    "领事馆",
    "領事館",
    "办公室",
    "辦公室",
    "外事办",
    "外事辦",
    "商务厅",
    "商務廳",
    "商务部",
    "商務部",
    "贸易协会",
    "貿易協會",
];

/// Connecting words allowed inside a capitalised name (`University of Nottingham`).
const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "and", "&", "de", "des", "du", "für", "der", "la", "le", "in", "the",
];

/// Capitalised words that start sentences or name things other than actors (month and weekday
/// names are left out too: [`is_calendar_word`]).
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "With",
    "As",
    "And",
    "But",
    "It",
    "Its",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "They",
    "We",
    "I",
    "Our",
    "Their",
    "His",
    "Her",
    "During",
    "After",
    "Before",
    "Since",
    "While",
    "Both",
    "Along",
    "According",
    "Speaking",
    "Highlighting",
    "However",
    "Additionally",
    "Data",
    "Der",
    "Die",
    "Das",
    "Ein",
    "Eine",
    "Im",
    "Am",
    "Bei",
    "Mit",
    "Beim",
    "Le",
    "La",
    "Les",
    "Un",
    "Une",
    "Dans",
    "Selon",
    "Lors",
    "Xinhua",
    "PRNewswire",
    "Chinese",
    "British",
    "UK",
    "China",
    "Britain",
    "Sino-UK",
    "China-UK",
];

/// The actors of `sentence` (byte range `start..end` of `text`), given its cues.
pub fn find_actors(text: &str, start: usize, end: usize, cues: &[CueMatch], gazetteer: &Gazetteer) -> Vec<Actor> {
    let sentence = &text[start..end];
    let mut actors: Vec<Actor> = Vec::new();
    let mut push = |actor: Actor| {
        let key = actor.name.to_lowercase();
        if let Some(existing) = actors.iter_mut().find(|a| a.name.to_lowercase() == key) {
            existing.country = existing.country.or(actor.country);
        } else if !actors.iter().any(|a| a.name.contains(&actor.name)) {
            actors.retain(|a| !actor.name.contains(&a.name));
            actors.push(actor);
        }
    };
    for mut span in capitalised_spans(sentence) {
        // "Ambassador Zheng Zeguang": the role is not part of the name.
        if let Some(role) = cues
            .iter()
            .find(|c| c.cue == Cue::Role && c.start == start + span.0 && c.end < start + span.1)
        {
            let rest = &sentence[role.end - start..span.1];
            span.0 = span.1 - rest.trim_start().len();
        }
        let name = &sentence[span.0..span.1];
        let words: Vec<&str> = name.split_whitespace().collect();
        let lower = name.to_lowercase();
        let is_org = words
            .iter()
            .any(|w| ORG_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str()));
        let is_place = gazetteer.lookup(name).len() == 1 && !is_org;
        if is_place {
            continue;
        }
        let preceded_by_role = cues
            .iter()
            .any(|c| c.cue == Cue::Role && c.end <= start + span.0 && start + span.0 - c.end <= 60);
        let followed_by_role = sentence[span.1..].strip_prefix(", ").is_some_and(|rest| {
            cues.iter().any(|c| {
                c.cue == Cue::Role && c.start >= start + span.1 && c.start - (start + span.1) <= 40 && !rest.is_empty()
            })
        });
        let is_person = !is_org && (2..=4).contains(&words.len()) && (preceded_by_role || followed_by_role);
        let mixed_case_single = words.len() == 1 && looks_like_brand(name);
        if !(is_org || is_person || words.len() >= 2 || mixed_case_single) {
            continue;
        }
        let actor_type = if is_person {
            ActorType::Person
        } else if GOV_WORDS.iter().any(|w| lower.split_whitespace().any(|x| x == *w)) {
            ActorType::Gov
        } else {
            ActorType::Org
        };
        push(Actor {
            name: name.to_string(),
            actor_type,
            country: side_of(text, start + span.0, start + span.1, cues, gazetteer),
            role: None,
        });
    }
    for actor in han_actors(text, start, end, cues, gazetteer) {
        push(actor);
    }
    actors
}

/// `AstraZeneca`, `BBK`, `TusHoldings`, `Diversifying.io`: one word that is clearly a name.
fn looks_like_brand(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let inner_capital = letters.iter().skip(1).any(|c| c.is_uppercase());
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    (inner_capital || all_caps || word.contains('.')) && letters.len() >= 3 && !is_not_name(word)
}

fn is_not_name(word: &str) -> bool {
    NOT_NAMES.contains(&word) || is_calendar_word(word)
}

/// Byte ranges of runs of capitalised words (with connectors inside), within `sentence`.
fn capitalised_spans(sentence: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let words = words_with_offsets(sentence);
    let mut i = 0;
    while i < words.len() {
        let (start, word) = words[i];
        if !is_capitalised(word) || is_not_name(word.trim_end_matches(['.', '\'', '’'])) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut end = start + word.len();
        while j + 1 < words.len() {
            let (next_start, next) = words[j + 1];
            let gap_ok = next_start <= end + 1 && !sentence[end..next_start].contains([',', ';', '(', ')', '"']);
            if !gap_ok {
                break;
            }
            if is_capitalised(next) && !is_not_name(next) {
                j += 1;
                end = next_start + next.len();
            } else if NAME_CONNECTORS.contains(&next)
                && words
                    .get(j + 2)
                    .is_some_and(|&(s, w)| is_capitalised(w) && s == next_start + next.len() + 1)
            {
                j += 2;
                end = words[j].0 + words[j].1.len();
            } else {
                break;
            }
        }
        let trimmed = sentence[start..end].trim_end_matches(['.', '\'', '’', '-']);
        if !trimmed.is_empty() {
            spans.push((start, start + trimmed.len()));
        }
        i = j + 1;
    }
    spans
}

/// The words of `sentence` with their byte offsets, split at spaces and punctuation that
/// cannot be inside a name.
fn words_with_offsets(sentence: &str) -> Vec<(usize, &str)> {
    let is_separator =
        |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '«' | '»');
    let mut words = Vec::new();
    let mut word_start = None;
    for (i, c) in sentence.char_indices() {
        match (is_separator(c), word_start) {
            (true, Some(start)) => {
                words.push((start, &sentence[start..i]));
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
    }
    if let Some(start) = word_start {
        words.push((start, &sentence[start..]));
    }
    words
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase()) && word.chars().any(char::is_lowercase) || {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    }
}

/// The side of a name at `start..end`: a side word inside it or just before it, else the
/// country of a place named inside it.
fn side_of(text: &str, start: usize, end: usize, cues: &[CueMatch], gazetteer: &Gazetteer) -> Option<Side> {
    let window_start = start.saturating_sub(40);
    let nearest = cues
        .iter()
        .filter(|c| c.start >= window_start && c.end <= end)
        .filter_map(|c| match c.cue {
            Cue::Side(side) => Some((c.start, side)),
            _ => None,
        })
        .max_by_key(|&(s, _)| if s >= start { usize::MAX - s } else { s });
    if let Some((_, side)) = nearest {
        return Some(side);
    }
    gazetteer.find(&text[start..end]).iter().find_map(|m| {
        m.candidates
            .iter()
            .find_map(|&i| match gazetteer.place(i).country.as_str() {
                "CN" | "HK" | "MO" => Some(Side::China),
                "GB" => Some(Side::Uk),
                _ => None,
            })
    })
}

/// Chinese organisations (a run of Han characters ending in an organisation suffix) and people
/// named after a role (`大使吴百纳`, `市长安迪•伯纳姆`).
fn han_actors(text: &str, start: usize, end: usize, cues: &[CueMatch], gazetteer: &Gazetteer) -> Vec<Actor> {
    let sentence = &text[start..end];
    let mut actors = Vec::new();
    for suffix in HAN_ORG_SUFFIXES {
        for (at, _) in sentence.match_indices(suffix) {
            let name_end = at + suffix.len();
            let name_start = sentence[..at]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_han(c) && !"的与和及在了是、将为于對对".contains(c))
                .take(10)
                .last()
                .map_or(at, |(i, _)| i);
            if name_end - name_start > suffix.len() {
                let name = &sentence[name_start..name_end];
                let actor_type = if GOV_WORDS.iter().any(|w| name.contains(w)) {
                    ActorType::Gov
                } else {
                    ActorType::Org
                };
                actors.push(Actor {
                    name: name.to_string(),
                    actor_type,
                    country: side_of(text, start + name_start, start + name_end, cues, gazetteer).or(Some(Side::China)),
                    role: None,
                });
            }
        }
    }
    for cue in cues
        .iter()
        .filter(|c| c.cue == Cue::Role && c.start >= start && c.end <= end)
    {
        let after = &text[cue.end..end];
        if !after.starts_with(|c: char| is_han(c)) || !text[cue.start..cue.end].chars().all(is_han) {
            continue;
        }
        let name: String = after
            .chars()
            .take_while(|&c| is_han(c) || c == '•' || c == '·')
            .take(8)
            .collect();
        let foreign = name.contains(['•', '·']);
        let name = if foreign { name } else { name.chars().take(3).collect() };
        if name.chars().count() >= 2 {
            let role_start = text[..cue.start]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_han(c))
                .take(6)
                .last()
                .map_or(cue.start, |(i, _)| i);
            let role = &text[role_start..cue.end];
            let country =
                side_of(text, role_start, cue.end, cues, gazetteer).or(if foreign { None } else { Some(Side::China) });
            actors.push(Actor {
                name,
                actor_type: ActorType::Person,
                country,
                role: Some(role.to_string()),
            });
        }
    }
    actors
}
