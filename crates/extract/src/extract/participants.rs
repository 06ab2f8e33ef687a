//! Who took part: people named in full once and by one name later, organisations named
//! anywhere in the story, and dates taken from the occasion people attended.

use super::*;
use crate::actors::space_in;
use crate::language::next_capital_or_non_ascii;
/// Each person named in full with a role, with the organisations their role names ("CEO of
/// Diversifying.io").
/// Borrowed from the readings: most are never copied into an event.
pub(super) fn people_named_in_full<'r>(readings: &'r [Reading]) -> Vec<(&'r Actor, Vec<&'r Actor>)> {
    readings
        .iter()
        .filter(|r| has_role(&r.cues))
        .flat_map(|r| {
            r.actors
                .iter()
                .filter(|a| {
                    a.actor_type == ActorType::Person && (space_in(&a.name).is_some() || a.name.chars().all(is_han))
                })
                .map(|person| {
                    let role = person.role.as_deref().unwrap_or("");
                    let affiliations = r
                        .actors
                        .iter()
                        .filter(|o| {
                            o.actor_type != ActorType::Person && !role.is_empty() && contains_str(role, &o.name)
                        })
                        .collect();
                    (person, affiliations)
                })
        })
        .collect()
}

/// The organisations recognised anywhere in the story (names of four characters or more).
pub(super) fn organisations_named<'r>(readings: &'r [Reading], gazetteer: &Gazetteer) -> Vec<&'r Actor> {
    let mut seen = FxHashSet::default();
    readings
        .iter()
        .flat_map(|r| r.actors.iter())
        // A place that acted in one sentence is only named in another.
        .filter(|a| {
            a.actor_type != ActorType::Person && a.name.chars().count() >= 4 && gazetteer.lookup(&a.name).is_empty()
        })
        .filter(|a| seen.insert(&a.name))
        .collect()
}

/// "Zheng Zeguang" and, from a later sentence, "Zheng": one person. A single word that is part
/// of the name of a person in the same event is that person, not another actor.
pub(super) fn drop_partial_names(events: &mut [Event]) {
    for event in events.iter_mut() {
        // Decided for all before any is dropped, reading the people's names in place.
        let people = || event.actors.iter().filter(|a| a.actor_type == ActorType::Person);
        let is_part: Vec<bool> = event
            .actors
            .iter()
            .map(|a| {
                a.actor_type != ActorType::Person
                    && space_in(&a.name).is_none()
                    && people().any(|p| p.name.split(' ').any(|part| part == a.name))
            })
            .collect();
        let mut is_part = is_part.into_iter();
        event.actors.retain(|_| !is_part.next().unwrap_or(false));
    }
}

/// The actors of a sentence that names someone by role (a speaker, a signatory), added to
/// `event` without making the sentence its evidence.
pub(super) fn add_speakers(event: &mut Event, reading: &Reading) {
    if !has_role(&reading.cues) && !reading.signals.lists_participants {
        return;
    }
    for actor in &reading.actors {
        if !event.actors.iter().any(|a| a.name == actor.name) {
            event.actors.push(actor.clone());
        }
    }
}

/// "Davis revealed plans to launch a platform in China": what a participant of a dated visit or
/// gathering announces, with no date of its own, was announced there and then. Not a trip
/// still to come ("The Secretary of State will travel to Shanghai"): it is yet to happen.
pub(super) fn date_by_participants(events: &mut [Event], vague: &[bool]) {
    for n in 0..events.len() {
        let trip_to_come = events[n].planned && is_occasion(events[n].kind);
        if events[n].date.is_some() || vague[n] || trip_to_come {
            continue;
        }
        let occasion = events[..n].iter().rev().find(|e| {
            is_occasion(e.kind)
                && e.date.is_some()
                && e.actors
                    .iter()
                    .any(|a| a.actor_type == ActorType::Person && events[n].actors.iter().any(|b| b.name == a.name))
        });
        if let Some(date) = occasion.and_then(|o| o.date) {
            events[n].date = Some(date);
            events[n].date_precision = Some(date.precision());
            events[n].date_source = Some(DateSource::Occasion);
        }
    }
}

/// "Also on board is Peel, the company that owns the port. Peel already has permission …": an
/// organisation recognised in one sentence is the same actor wherever an event names it.
pub(super) fn name_known_actors(events: &mut [Event], named: &[&Actor]) {
    let names: Vec<&str> = named.iter().map(|a| a.name.as_str()).collect();
    let mentioned_by_event = mentions(&names, events_evidence(events));
    for (event, mentioned) in events.iter_mut().zip(mentioned_by_event) {
        for actor in mentioned.into_iter().map(|n| named[n]) {
            let known = event
                .actors
                .iter()
                .any(|a| contains_str(&a.name, &actor.name) || contains_str(&actor.name, &a.name));
            if !known {
                event.actors.push(actor.clone());
            }
        }
    }
}

/// The evidence texts of each event.
fn events_evidence(events: &[Event]) -> Vec<Vec<&str>> {
    events
        .iter()
        .map(|e| e.evidence.iter().map(|x| x.text.as_str()).collect())
        .collect()
}

/// For each group of texts, which of `names` it mentions as whole words (in Han text, which has
/// no spaces, anywhere). Each text is split into words once; a name is searched for only in
/// the texts that have its first word.
fn mentions(names: &[&str], groups: Vec<Vec<&str>>) -> Vec<Vec<usize>> {
    // Han text first (and ASCII before it): the Unicode table is asked only of other letters.
    let joins = |c: char| c.is_ascii_alphanumeric() || (!c.is_ascii() && !is_han(c) && c.is_alphanumeric());
    // The occurrences `match_indices` would give (left to right, none overlapping the one
    // before), found by `find_str`: a `StrSearcher` costs more to set up than a sentence costs
    // to search.
    let alone_at = |text: &str, at: usize, len: usize| {
        !text[..at].chars().next_back().is_some_and(joins) && !text[at + len..].chars().next().is_some_and(joins)
    };
    let stands_alone = |text: &str, name: &str| {
        if name.is_empty() {
            return text.match_indices(name).any(|(at, _)| alone_at(text, at, 0));
        }
        let mut from = 0;
        while let Some(found) = find_str(&text[from..], name) {
            let at = from + found;
            if alone_at(text, at, name.len()) {
                return true;
            }
            from = at + name.len();
        }
        false
    };
    // Names by their first word; names with none (Han) are searched for in every text.
    let mut by_first_word: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut always: Vec<usize> = Vec::new();
    // The first bytes of those first words: most words of a text (lower case) start with none
    // of them and need no hashing.
    let mut first_bytes = [false; 256];
    // When they all are capitals or not ASCII (names mostly are), the lower-case text between
    // is passed over eight bytes at a time.
    let mut only_capitals_or_non_ascii = true;
    for (n, name) in names.iter().enumerate() {
        match name.split(|c: char| !joins(c)).find(|w| !w.is_empty()) {
            Some(word) => {
                let first = word.as_bytes()[0];
                first_bytes[usize::from(first)] = true;
                only_capitals_or_non_ascii &= first >= 0x80 || first & 0xE0 == 0x40;
                by_first_word.entry(word).or_default().push(n);
            }
            None => always.push(n),
        }
    }
    groups
        .into_iter()
        .map(|texts| {
            // Each name once, mostly: room for all of them at once.
            let mut candidates: Vec<usize> = Vec::with_capacity(names.len());
            candidates.extend_from_slice(&always);
            if !by_first_word.is_empty() {
                for text in &texts {
                    // Words are read only where one of those bytes stands (never a UTF-8
                    // continuation byte: always at a character).
                    let bytes = text.as_bytes();
                    let next_start = |mut at: usize| loop {
                        if only_capitals_or_non_ascii {
                            at = next_capital_or_non_ascii(bytes, at);
                        }
                        match bytes.get(at) {
                            None => return None,
                            Some(&b) if first_bytes[usize::from(b)] => return Some(at),
                            Some(_) => at += 1,
                        }
                    };
                    let mut from = 0;
                    while let Some(start) = next_start(from) {
                        // ASCII byte by byte; from the first other byte on, by characters.
                        let ascii = bytes[start..]
                            .iter()
                            .position(|b| !b.is_ascii_alphanumeric())
                            .unwrap_or(bytes.len() - start);
                        let rest = start + ascii;
                        let len = match bytes.get(rest) {
                            Some(&b) if b >= 0x80 => {
                                ascii + text[rest..].find(|c: char| !joins(c)).unwrap_or(text.len() - rest)
                            }
                            _ => ascii,
                        };
                        // Past the word, or past a byte that starts none (the next one found
                        // is again at a character).
                        from = start + len.max(1);
                        if len > 0 && !text[..start].chars().next_back().is_some_and(joins) {
                            candidates.extend(by_first_word.get(&text[start..start + len]).into_iter().flatten());
                        }
                    }
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            candidates.retain(|&n| texts.iter().any(|text| stands_alone(text, names[n])));
            candidates
        })
        .collect()
}

/// A news story leads with what just happened: a meeting or gathering in its first event with
/// no date stated took place in the month of publication (no finer: the day is not known).
pub(super) fn date_lead_by_publication(doc: &Document, events: &mut [Event], vague: &[bool]) {
    let (Some(published), Some(lead)) = (doc.published, events.first_mut()) else {
        return;
    };
    let Some(month) = published.month_number() else {
        return;
    };
    if lead.date.is_none() && !lead.planned && is_occasion(lead.kind) && !vague[0] {
        lead.date = PartialDate::month(published.year_number(), month);
        lead.date_precision = lead.date.map(|d| d.precision());
        lead.date_source = lead.date.map(|_| DateSource::Published);
    }
}

/// Stories name a person in full once, then by one name ("Zheng said"): an event whose
/// sentences use that one name gets the person, and the organisations of their role.
pub(super) fn name_people_in_full(events: &mut [Event], people: &[(&Actor, Vec<&Actor>)]) {
    // Each name of three characters or more, and whose it is.
    let (parts, owners): (Vec<&str>, Vec<usize>) = people
        .iter()
        .enumerate()
        .flat_map(|(n, (person, _))| {
            person
                .name
                .split(' ')
                .filter(|part| part.chars().count() >= 3)
                .map(move |part| (part, n))
        })
        .unzip();
    let mentioned_by_event = mentions(&parts, events_evidence(events));
    for (event, mentioned) in events.iter_mut().zip(mentioned_by_event) {
        let mut named: Vec<usize> = mentioned.into_iter().map(|p| owners[p]).collect();
        named.dedup();
        for (person, affiliations) in named.into_iter().map(|n| &people[n]) {
            // "Rachel Reeves y a rencontré …", read alone, looks like a company's name: the
            // story named her with her role before.
            if let Some(same) = event.actors.iter_mut().find(|a| a.name == person.name) {
                if same.actor_type != ActorType::Person {
                    *same = (*person).clone();
                }
                continue;
            }
            event.actors.push((*person).clone());
            for &organisation in affiliations {
                if !event.actors.iter().any(|a| a.name == organisation.name) {
                    event.actors.push(organisation.clone());
                }
            }
        }
        // "Professor Mathieson said: …", a speaker added from outside the evidence: one word
        // read as a name of its own is the surname of the person the story named in full.
        let mut renamed = false;
        for actor in &mut event.actors {
            let by_surname = (actor.actor_type != ActorType::Person && space_in(&actor.name).is_none())
                .then(|| {
                    people
                        .iter()
                        .find(|(person, _)| person.name.rsplit(' ').next() == Some(actor.name.as_str()))
                })
                .flatten();
            if let Some((person, _)) = by_surname {
                *actor = (*person).clone();
                renamed = true;
            }
        }
        // The person may have been there already: the first mention stays.
        let mut at = 0;
        while renamed && at < event.actors.len() {
            if event.actors[..at].iter().any(|a| a.name == event.actors[at].name) {
                event.actors.remove(at);
            } else {
                at += 1;
            }
        }
    }
}

/// "Beim ersten Staatsbesuch setzt der chinesische Ministerpräsident auf Harmonisierung", "the
/// ambassador said": a role named without its holder means the one person the story has named
/// with that role.
pub(super) fn name_role_holders(text: &str, events: &mut [Event], readings: &[Reading]) {
    let role_word = |c: &CueMatch| &text[c.start..c.end];
    let holds = |person: &Actor, word: &str| {
        person.actor_type == ActorType::Person
            && person
                .role
                .as_deref()
                .is_some_and(|r| contains_ignore_ascii_case(r, word))
    };
    let mut holders: Vec<(&str, &Actor)> = Vec::new();
    for reading in readings {
        for cue in reading.cues.iter().filter(|c| c.cue == Cue::Role) {
            let word = role_word(cue);
            for person in reading.actors.iter().filter(|a| holds(a, word)) {
                if !holders
                    .iter()
                    .any(|(w, p)| w.eq_ignore_ascii_case(word) && p.name == person.name)
                {
                    holders.push((word, person));
                }
            }
        }
    }
    let by_start: FxHashMap<usize, &Reading> = readings.iter().map(|r| (r.sentence.start, r)).collect();
    for event in events.iter_mut() {
        let mut found: Vec<Actor> = Vec::new();
        for reading in event.evidence.iter().filter_map(|e| by_start.get(&e.start)) {
            for cue in reading.cues.iter().filter(|c| c.cue == Cue::Role) {
                let word = role_word(cue);
                if reading.actors.iter().any(|a| holds(a, word)) {
                    continue;
                }
                let mut named = holders
                    .iter()
                    .filter(|(w, _)| w.eq_ignore_ascii_case(word))
                    .map(|(_, p)| *p);
                if let (Some(person), None) = (named.next(), named.next()) {
                    found.push(person.clone());
                }
            }
        }
        for person in found {
            if !event.actors.iter().any(|a| a.name == person.name) {
                event.actors.push(person);
            }
        }
    }
}
