//! The pipeline: from a [`Document`] to the cooperation events it states.

use crate::actors::find_actors;
use crate::date::PartialDate;
use crate::date_expr::{find_dates_in, DateMention, DateReader};
use crate::document::Document;
use crate::event::{Actor, ActorType, DateSource, Event, EventPlace, Evidence, PlaceRole, Salience};
use crate::gazetteer::{Gazetteer, NameMatch, Place, PlaceIndex, PlaceLevel};
use crate::lexicon::{cues, Cue, CueMatch, EventKind};
use crate::money::{find_money, MoneyFigure};
use crate::segment::{sentences, Sentence};

/// Kinds in the order they win when one sentence has cues of several: the most specific
/// outcome first (a signing at a summit is an agreement).
const KIND_PRIORITY: [EventKind; 9] = [
    EventKind::Agreement,
    EventKind::JointVenture,
    EventKind::TradeFigure,
    EventKind::Investment,
    EventKind::Summit,
    EventKind::Forum,
    EventKind::Visit,
    EventKind::Education,
    EventKind::Other,
];

/// Paragraphs shorter than this without sentence punctuation are headlines or bylines.
const HEADLINE_CHARS: usize = 100;

/// Finds the events `doc` states, with the bundled gazetteer.
///
/// An article that states none gives an empty list.
///
/// # Example
/// ```
/// use atlas_extract::{extract, Document};
/// let doc = Document::from_text("a.txt", "date 2025-03-22\n\nFrom March 17 to 18, Richard Parker, mayor of the West Midlands, led a delegation to Shenzhen.".into());
/// let events = extract(&doc);
/// assert_eq!(events[0].date.unwrap().to_string(), "2025-03-17");
/// assert_eq!(events[0].places[0].canonical, "Shenzhen");
/// ```
pub fn extract(doc: &Document) -> Vec<Event> {
    extract_with(doc, Gazetteer::bundled())
}

/// What one sentence says.
struct Reading<'g> {
    sentence: Sentence,
    /// Where the sentence's own statement starts (after a dateline).
    start: usize,
    kind: Option<EventKind>,
    cues: Vec<CueMatch>,
    places: Vec<NameMatch<'g>>,
    dates: Vec<DateMention>,
    figures: Vec<MoneyFigure>,
    /// Read only where they are used: in event sentences and sentences naming someone by role.
    actors: Vec<Actor>,
}

fn has_role(cues: &[CueMatch]) -> bool {
    cues.iter().any(|c| c.cue == Cue::Role)
}

/// [`extract`] with a given gazetteer.
pub fn extract_with(doc: &Document, gazetteer: &Gazetteer) -> Vec<Event> {
    let text = doc.text.as_str();
    let all = sentences(text, doc.body_start..text.len());
    let body: Vec<Sentence> = skip_headlines(text, &all);
    // A photo caption may come before the dateline: look at the first few paragraphs.
    let dateline = body
        .iter()
        .filter(|s| s.paragraph < 3)
        .find_map(|&s| Dateline::read(doc, s, gazetteer));
    let reference = dateline.as_ref().and_then(|d| d.date).or(doc.published);
    let year = reference.map(|d| d.year_number());

    // One reader for the whole story: `7日晚` after `6月7日—8日` means June.
    let mut date_reader = DateReader::new(reference, doc.lang);
    let readings: Vec<Reading> = body
        .iter()
        .map(|&sentence| {
            // The dateline's city and date are the story's, not actors or event dates.
            let start = match &dateline {
                Some(d) if (sentence.start..sentence.end).contains(&d.story_start) => d.story_start,
                _ => sentence.start,
            };
            let slice = &text[start..sentence.end];
            let cues = shift(cues(slice), start);
            let figures = find_money(slice, year)
                .into_iter()
                .map(|mut f| {
                    f.start += start;
                    f.end += start;
                    f
                })
                .collect::<Vec<_>>();
            let kind = kind_of(&cues, !figures.is_empty()).filter(|_| !is_quotation(slice));
            let actors = if kind.is_some() || has_role(&cues) {
                find_actors(text, start, sentence.end, &cues, gazetteer)
            } else {
                Vec::new()
            };
            Reading {
                sentence,
                start,
                kind,
                actors,
                places: gazetteer
                    .find(slice)
                    .into_iter()
                    .map(|m| NameMatch {
                        start: m.start + start,
                        end: m.end + start,
                        ..m
                    })
                    .collect(),
                dates: date_reader
                    .find(slice)
                    .into_iter()
                    .map(|mut d| {
                        d.start += start;
                        d.end += start;
                        d
                    })
                    .collect(),
                cues,
                figures,
            }
        })
        .collect();
    let context = DocumentContext::new(&readings, gazetteer);

    let mut events: Vec<Event> = Vec::new();
    let mut last_paragraph: Option<usize> = None;
    for reading in &readings {
        let paragraph = reading.sentence.paragraph;
        let Some(kind) = reading.kind else {
            // "…, said Assheton Stewart Carter, chief executive officer of TDi Sustainability":
            // people quoted right after an event took part in it.
            if let Some(event) = events
                .last_mut()
                .filter(|_| last_paragraph.is_some_and(|p| paragraph <= p + 2))
            {
                add_speakers(event, reading);
            }
            continue;
        };
        let sentence_date = reading.dates.first();
        if let Some(previous) = events.last_mut() {
            let gap = last_paragraph.map_or(usize::MAX, |p| paragraph.saturating_sub(p));
            let refers_back = refers_to_earlier_event(&text[reading.start..reading.sentence.end]);
            let compatible = previous.kind == kind || (is_gathering(previous.kind) && is_gathering(kind));
            let no_new_date = sentence_date.is_none_or(|d| Some(d.date) == previous.date);
            let no_figures = reading.figures.is_empty() && previous.figures.is_empty();
            if compatible && no_new_date && no_figures && (gap <= 1 || (refers_back && gap <= 3)) {
                if kind == EventKind::Summit {
                    previous.kind = kind;
                }
                add_sentence(previous, text, reading, gazetteer, &context);
                last_paragraph = Some(paragraph);
                continue;
            }
        }
        let mut event = Event {
            id: String::new(),
            file: doc.file.clone(),
            kind,
            salience: Salience::Secondary,
            date: None,
            date_precision: None,
            date_source: None,
            planned: false,
            places: Vec::new(),
            actors: Vec::new(),
            sectors: Vec::new(),
            figures: Vec::new(),
            evidence: Vec::new(),
        };
        add_sentence(&mut event, text, reading, gazetteer, &context);
        if event.date.is_none() {
            if let Some(dateline) = dateline.as_ref().filter(|d| d.paragraph == paragraph) {
                event.date = dateline.date;
                event.date_source = dateline.date.map(|_| DateSource::Dateline);
            } else if let Some(occasion) = occasion_of(&events, kind, paragraph, &body) {
                event.date = occasion.date;
                event.date_source = occasion.date.map(|_| DateSource::Occasion);
                if event.places.is_empty() {
                    event.places = occasion
                        .places
                        .iter()
                        .filter(|p| p.role == PlaceRole::Venue)
                        .cloned()
                        .map(|mut p| {
                            p.inferred = true;
                            p
                        })
                        .collect();
                }
            }
        }
        if event.places.is_empty() {
            if let Some(place) = dateline
                .as_ref()
                .filter(|d| d.paragraph == paragraph)
                .and_then(|d| d.place.clone())
            {
                event.places.push(place);
            }
        }
        event.date_precision = event.date.map(|d| d.precision());
        events.push(event);
        last_paragraph = Some(paragraph);
    }
    let people: Vec<Actor> = readings
        .iter()
        .filter(|r| has_role(&r.cues))
        .flat_map(|r| r.actors.iter().cloned())
        .filter(|a| a.actor_type == ActorType::Person && a.name.contains(' '))
        .collect();
    name_people_in_full(&mut events, &people);
    finish(doc, &mut events);
    events
}

/// The actors of a sentence that names someone by role (a speaker, a signatory), added to
/// `event` without making the sentence its evidence.
fn add_speakers(event: &mut Event, reading: &Reading) {
    if !has_role(&reading.cues) {
        return;
    }
    for actor in &reading.actors {
        if !event.actors.iter().any(|a| a.name == actor.name) {
            event.actors.push(actor.clone());
        }
    }
}

/// Stories name a person in full once, then by one name ("Zheng said"): an event whose
/// sentences use that one name gets the person.
fn name_people_in_full(events: &mut [Event], people: &[Actor]) {
    for event in events.iter_mut() {
        for person in people {
            if event.actors.iter().any(|a| a.name == person.name) {
                continue;
            }
            let mentioned = person
                .name
                .split(' ')
                .filter(|part| part.chars().count() >= 3)
                .any(|part| {
                    event.evidence.iter().any(|e| {
                        e.text.match_indices(part).any(|(at, _)| {
                            let before = e.text[..at].chars().next_back();
                            let after = e.text[at + part.len()..].chars().next();
                            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
                        })
                    })
                });
            if mentioned {
                event.actors.push(person.clone());
            }
        }
    }
}

/// Summits and forums are both gatherings: one story often names the same one both ways.
fn is_gathering(kind: EventKind) -> bool {
    matches!(kind, EventKind::Summit | EventKind::Forum)
}

/// Words that point back to an event already told (`the delegation`, `die Veranstaltung`,
/// `此次`), so a sentence with them adds to that event rather than starting one.
fn refers_to_earlier_event(sentence: &str) -> bool {
    const BACK_REFERENCES: &[&str] = &[
        "the delegation",
        "the trip",
        "the visit",
        "the event",
        "the summit",
        "the forum",
        "the conference",
        "the meeting",
        "die delegation",
        "die veranstaltung",
        "der veranstaltung",
        "die konferenz",
        "der konferenz",
        "das treffen",
        "dem treffen",
        "la délégation",
        "la visite",
        "la rencontre",
        "la conférence",
        "le forum",
        "此次",
        "本次",
        "此行",
        "期间",
        "期間",
        "会上",
        "會上",
        "活动中",
        "活動中",
    ];
    let lower = sentence.to_lowercase();
    BACK_REFERENCES.iter().any(|phrase| lower.contains(phrase))
}

/// The main kind of a sentence, if it states an event at all.
fn kind_of(cues: &[CueMatch], has_figure: bool) -> Option<EventKind> {
    let kinds: Vec<EventKind> = cues
        .iter()
        .filter_map(|c| match c.cue {
            Cue::Kind(kind) => Some(kind),
            _ => None,
        })
        .collect();
    let kind = KIND_PRIORITY.into_iter().find(|k| kinds.contains(k))?;
    match kind {
        // Trade and investment figures need a figure; without one the words are background.
        EventKind::TradeFigure | EventKind::Investment if !has_figure => {
            KIND_PRIORITY.into_iter().skip(4).find(|k| kinds.contains(k))
        }
        _ => Some(kind),
    }
}

/// A sentence that is someone's words (`"I've been blown away…"`) reports a view, not an event.
fn is_quotation(sentence: &str) -> bool {
    const ATTRIBUTIONS: &[&str] = &[
        "said",
        "says",
        "added",
        "noted",
        "told",
        "sagte",
        "erklärte",
        "betonte",
        "a déclaré",
        "a dit",
        "a affirmé",
        "a ajouté",
        "a-t-il",
        "a-t-elle",
    ];
    let opens_with_quote = sentence.starts_with(['"', '“', '„', '«', '「', '『']);
    // `… we've met," said Assheton Stewart Carter`: the end of a quotation and who said it.
    let ends_with_attribution = sentence.match_indices(['"', '”', '»', '」']).any(|(at, quote)| {
        let after = sentence[at + quote.len()..].trim_start();
        ATTRIBUTIONS.iter().any(|verb| after.starts_with(verb))
    });
    opens_with_quote || ends_with_attribution
}

fn shift(mut cues: Vec<CueMatch>, by: usize) -> Vec<CueMatch> {
    for cue in &mut cues {
        cue.start += by;
        cue.end += by;
    }
    cues
}

/// Leading short lines (headline repeated in the body, bylines, date lines) are not sentences
/// of the story.
fn skip_headlines(text: &str, all: &[Sentence]) -> Vec<Sentence> {
    let first_story = all.iter().position(|s| {
        let line = &text[s.start..s.end];
        line.chars().count() >= HEADLINE_CHARS || line.ends_with(['.', '。', '!', '?', '！', '？'])
    });
    let Some(first_story) = first_story else {
        return Vec::new();
    };
    let first_paragraph = all[first_story].paragraph;
    all[first_story..]
        .iter()
        .map(|s| Sentence {
            paragraph: s.paragraph - first_paragraph,
            ..*s
        })
        .collect()
}

/// The place and date of a wire-story dateline: `HEFEI, Sept. 29 (Xinhua) --`.
struct Dateline {
    place: Option<EventPlace>,
    date: Option<PartialDate>,
    /// Byte offset where the story starts, after the dateline's dash.
    story_start: usize,
    /// The paragraph the dateline opens: its events happened there and then.
    paragraph: usize,
}

impl Dateline {
    fn read(doc: &Document, first: Sentence, gazetteer: &Gazetteer) -> Option<Dateline> {
        let sentence = &doc.text[first.start..first.end];
        let (head_end, dash) = [" -- ", " — ", " – "]
            .iter()
            .filter_map(|dash| sentence.find(dash).map(|at| (at, dash.len())))
            .min()?;
        let head = &sentence[..head_end];
        // A dateline is short and starts with its city in capitals (`HEFEI,`, `LONDON,`).
        let city_in_capitals = head
            .split(',')
            .next()
            .is_some_and(|c| c.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
        if head.chars().count() > 80 || !head.contains(',') || !city_in_capitals {
            return None;
        }
        let city = head.split(',').next().unwrap_or("").trim();
        let title_case: String = city
            .split(' ')
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map_or(String::new(), |c| {
                    c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect()
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        let place = best_candidate(gazetteer.lookup(&title_case), gazetteer, &[])
            .map(|p| event_place(city, gazetteer.place(p), PlaceRole::Venue, true));
        let date = find_dates_in(head, doc.published, doc.lang).first().map(|d| d.date);
        Some(Dateline {
            place,
            date,
            story_start: first.start + head_end + dash,
            paragraph: first.paragraph,
        })
    }
}

/// Countries the article is about, to choose between places of the same name.
struct DocumentContext {
    countries: Vec<String>,
}

impl DocumentContext {
    fn new(readings: &[Reading], gazetteer: &Gazetteer) -> DocumentContext {
        let mut countries = vec!["CN".to_string(), "GB".to_string()];
        for reading in readings {
            for m in &reading.places {
                if let [only] = m.candidates {
                    let country = &gazetteer.place(*only).country;
                    if !countries.contains(country) {
                        countries.push(country.clone());
                    }
                }
            }
        }
        DocumentContext { countries }
    }
}

/// Of the places that bear one name, the one the article most likely means: in a country the
/// article is about (China and the UK first), the larger level for a region or country
/// name, else the most populous.
fn best_candidate(candidates: &[PlaceIndex], gazetteer: &Gazetteer, countries: &[String]) -> Option<PlaceIndex> {
    let preferred = |p: &Place| {
        let rank = match p.country.as_str() {
            "CN" | "GB" | "HK" | "MO" | "TW" => 0,
            c if countries.iter().any(|k| k == c) => 1,
            _ => 2,
        };
        (rank, p.level != PlaceLevel::Country, std::cmp::Reverse(p.population))
    };
    candidates
        .iter()
        .copied()
        .min_by_key(|&i| preferred(gazetteer.place(i)))
}

fn event_place(name: &str, place: &Place, role: PlaceRole, inferred: bool) -> EventPlace {
    EventPlace {
        name: name.to_string(),
        canonical: place.name.clone(),
        lat: place.lat,
        lon: place.lon,
        country: place.country.clone(),
        level: place.level,
        role,
        inferred,
        gazetteer_id: place.id.clone(),
    }
}

/// Words just before a place that make it the venue (`in London`, `à Londres`, `在伦敦`).
const VENUE_MARKERS: &[&str] = &[
    " in ",
    " at ",
    " to ",
    " visited ",
    " toured ",
    " à ",
    " en ",
    " au ",
    " im ",
    " nach ",
    " in der ",
    "在",
    "于",
    "於",
    "赴",
    "到",
    "抵达",
];

fn role_of(text: &str, m: &NameMatch, place: &Place, actors_spans: &[(usize, usize)]) -> PlaceRole {
    if actors_spans.iter().any(|&(s, e)| s <= m.start && m.end <= e) {
        return PlaceRole::Origin;
    }
    let window_start = text[..m.start]
        .char_indices()
        .rev()
        .take(12)
        .last()
        .map_or(m.start, |(i, _)| i);
    let before = &text[window_start..m.start];
    let lead = format!(" {}", before.rsplit_once(['.', ',']).map_or(before, |(_, b)| b));
    if VENUE_MARKERS
        .iter()
        .any(|marker| lead.ends_with(marker) || lead.ends_with(marker.trim_start()))
        && place.level != PlaceLevel::Country
    {
        PlaceRole::Venue
    } else {
        PlaceRole::Mentioned
    }
}

fn add_sentence(event: &mut Event, text: &str, reading: &Reading, gazetteer: &Gazetteer, context: &DocumentContext) {
    let Sentence { start, end, .. } = reading.sentence;
    event.evidence.push(Evidence {
        start,
        end,
        text: text[start..end].to_string(),
    });
    if event.date.is_none() {
        if let Some(mention) = reading.dates.first() {
            event.date = Some(mention.date);
            event.date_source = Some(DateSource::Stated(mention.resolution));
            event.planned = mention.planned;
        }
    }
    let actor_spans: Vec<(usize, usize)> = reading
        .actors
        .iter()
        .filter_map(|a| {
            text[start..end]
                .find(&a.name)
                .map(|at| (start + at, start + at + a.name.len()))
        })
        .collect();
    for m in &reading.places {
        let Some(index) = best_candidate(m.candidates, gazetteer, &context.countries) else {
            continue;
        };
        let place = gazetteer.place(index);
        if event.places.iter().any(|p| p.gazetteer_id == place.id) {
            continue;
        }
        let role = role_of(text, m, place, &actor_spans);
        event
            .places
            .push(event_place(&text[m.start..m.end], place, role, false));
    }
    // Venue first, then the places named, then where participants come from.
    event.places.sort_by_key(|p| match p.role {
        PlaceRole::Venue => 0,
        PlaceRole::Mentioned => 1,
        PlaceRole::Origin => 2,
    });
    for actor in &reading.actors {
        if !event.actors.iter().any(|a| a.name == actor.name) {
            event.actors.push(actor.clone());
        }
    }
    for cue in &reading.cues {
        if let Cue::Sector(sector) = cue.cue {
            if !event.sectors.contains(&sector) {
                event.sectors.push(sector);
            }
        }
    }
    event.figures.extend(reading.figures.iter().cloned());
}

/// The earlier event this one took place at: a summit, forum or visit in the same or the
/// previous paragraph (a signing "held at the summit").
fn occasion_of<'e>(events: &'e [Event], kind: EventKind, paragraph: usize, body: &[Sentence]) -> Option<&'e Event> {
    if !matches!(kind, EventKind::Agreement | EventKind::JointVenture) {
        return None;
    }
    let paragraph_of = |event: &Event| {
        let start = event.evidence.last()?.start;
        body.iter().find(|s| s.start == start).map(|s| s.paragraph)
    };
    events.iter().rev().find(|e| {
        matches!(e.kind, EventKind::Summit | EventKind::Forum | EventKind::Visit)
            && paragraph_of(e).is_some_and(|p| paragraph <= p + 2)
    })
}

/// Ids, salience, and sorted sectors.
fn finish(doc: &Document, events: &mut [Event]) {
    let file_name = doc.file.rsplit(['/', '\\']).next().unwrap_or(&doc.file).to_string();
    let title = doc.title.as_deref().unwrap_or("");
    let title_kinds: Vec<EventKind> = cues(title)
        .into_iter()
        .filter_map(|c| match c.cue {
            Cue::Kind(kind) => Some(kind),
            _ => None,
        })
        .collect();
    let lead_end = events.first().map(|e| e.evidence[0].end).unwrap_or(0);
    for (n, event) in events.iter_mut().enumerate() {
        event.id = format!("{file_name}#{}", n + 1);
        event.sectors.sort();
        let in_lead = event.evidence[0].start <= lead_end;
        if in_lead || title_kinds.contains(&event.kind) {
            event.salience = Salience::Main;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::EventKind;

    fn events(text: &str) -> Vec<Event> {
        extract(&Document::from_text("t.txt", text.to_string()))
    }

    #[test]
    fn the_event_date_in_a_dateline_sentence_beats_the_dateline() {
        let found = events(
            "date 2025-05\n\nLONDON, 15. Mai 2025 /PRNewswire/ -- Luohu organisierte am 12. Mai ein Forum in London.",
        );
        assert_eq!(found[0].date.unwrap().to_string(), "2025-05-12");
        assert!(
            found[0].actors.iter().all(|a| a.name != "LONDON"),
            "{:?}",
            found[0].actors
        );
    }

    #[test]
    fn a_dateline_after_a_photo_caption_still_dates_and_places_its_paragraph() {
        let found = events("date 2022-06-26\n\nThe ambassador (C) meets with the principal in the picture.\n\nEDINBURGH, Britain, June 26 (Xinhua) -- Scottish officials signed an agreement with the delegation.");
        let signed = found
            .iter()
            .find(|e| e.kind == EventKind::Agreement)
            .expect("an agreement");
        assert_eq!(signed.date.unwrap().to_string(), "2022-06-26");
        assert_eq!(signed.date_source, Some(DateSource::Dateline));
        assert_eq!(signed.places[0].canonical, "Edinburgh");
    }

    #[test]
    fn quotations_report_views_not_events() {
        let found = events("date 2025-09-30\n\n\"We visited three plants and signed nothing,\" she said.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_end_of_a_quotation_with_its_speaker_is_a_view_and_the_speaker_joins_the_event() {
        let found = events("date 2025-09-30\n\nA UK delegation visited Hefei on Monday.\n\nI've been blown away by what we have seen,\" said Jane Doe, chief executive officer of Acme Robotics.");
        assert_eq!(found.len(), 1, "{found:?}");
        let names: Vec<&str> = found[0].actors.iter().map(|a| a.name.as_str()).collect();
        assert!(
            names.contains(&"Jane Doe") && names.contains(&"Acme Robotics"),
            "{names:?}"
        );
    }

    #[test]
    fn a_person_named_once_in_full_is_recognised_by_one_name_later() {
        let found = events("date 2025-05-16\n\nChinese Ambassador Zheng Zeguang has called for more cooperation.\n\nSpeaking at the Sino-UK Entrepreneur Forum in London on Wednesday, Zheng said both sides gain.");
        let forum = found.iter().find(|e| e.kind == EventKind::Forum).expect("the forum");
        assert!(
            forum.actors.iter().any(|a| a.name == "Zheng Zeguang"),
            "{:?}",
            forum.actors
        );
    }

    #[test]
    fn a_signing_at_a_summit_takes_the_summit_date_and_place() {
        let found = events("date 2019-04-01\n\nA summit held in London on Thursday discussed innovation.\n\nThe signing ceremony between the two sides was held at the summit.");
        assert_eq!(found.len(), 2, "{found:?}");
        let signing = &found[1];
        assert_eq!(signing.kind, EventKind::Agreement);
        assert_eq!(signing.date.unwrap().to_string(), "2019-03-28");
        assert_eq!(signing.date_source, Some(DateSource::Occasion));
        assert_eq!(signing.places[0].canonical, "London");
        assert!(signing.places[0].inferred);
    }

    #[test]
    fn sentences_that_point_back_join_the_event_they_name() {
        let found = events("date 2025-09-30\n\nA UK delegation visited Hefei on Monday.\n\nIt was sunny.\n\nDuring the trip, the delegation toured an AI plant.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].evidence.len(), 2);
    }
}
