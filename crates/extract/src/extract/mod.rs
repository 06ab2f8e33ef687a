//! The pipeline: from a [`Document`] to the cooperation events it states.

use crate::actors::find_actors;
use crate::date::PartialDate;
use crate::date_expr::{find_dates_in, DateMention, DateReader};
use crate::document::Document;
use crate::event::{Actor, ActorType, DateSource, Event, EventPlace, Evidence, PlaceRole, Salience};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::gazetteer::{Gazetteer, NameMatch, Place, PlaceIndex, PlaceLevel};
use crate::language::{
    contains_ignore_ascii_case, contains_str, ends_with_ignore_ascii_case, find_str, is_han, is_in_unread_language,
    starts_with_ignore_ascii_case, Language,
};
use crate::lexicon::{Cue, CueMatch, EventKind, Occurrences, Sector, Side};
use crate::money::{find_money, MoneyFigure};
use crate::segment::{sentences, Sentence};

mod dateline;
mod participants;
mod places;
mod reading;

use dateline::Dateline;
use participants::*;
use places::*;
use reading::*;

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

/// [`extract`] with a given gazetteer.
pub fn extract_with(doc: &Document, gazetteer: &Gazetteer) -> Vec<Event> {
    // The rules are written for English, German, French and Chinese: on any other language
    // they would find events in words that only look like ours (Spanish `visitó`, `acuerdo`).
    if doc.lang == Language::Undetermined && is_in_unread_language(doc.body()) {
        return Vec::new();
    }
    let text = doc.text.as_str();
    let all = sentences(text, doc.body_start..text.len());
    let body: Vec<Sentence> = split_contrasted_figures(text, skip_headlines(text, &all));
    // A photo caption or a teaser may come before the dateline: look at the first paragraphs.
    let dateline = body
        .iter()
        .filter(|s| s.paragraph < 6)
        .find_map(|&s| Dateline::read(doc, s, gazetteer));
    let readings = read_sentences(doc, &body, dateline.as_ref(), gazetteer);
    let story = Story {
        doc,
        gazetteer,
        context: DocumentContext::new(&readings, gazetteer),
        dateline,
        body,
    };

    let mut events: Vec<Event> = Vec::new();
    let mut last_paragraph: Option<usize> = None;
    // The event the last event sentence went to: not always the newest one (a sentence pointing
    // back adds to an earlier event).
    let mut last_told: Option<usize> = None;
    // Pages repeat their lead (a teaser above the story): a sentence told twice is read where
    // the story tells it, the last time, beside its dateline. From the end, one hash per sentence.
    let mut later: FxHashSet<&str> = FxHashSet::default();
    let mut told_again = vec![false; readings.len()];
    for (again, reading) in told_again.iter_mut().zip(&readings).rev() {
        let own = &text[reading.start..reading.sentence.end];
        *again = own.len() >= 40 && !later.insert(own);
    }
    // What each event's first sentence says of its time, by event: kept beside `events`.
    let mut times = EventTimes::default();
    // Whether an event sentence has named a visit, whatever kind its event took (`率领代表团
    // 访问伦敦，出席…论坛` is a forum): a later "during the visit" points back to it.
    let mut visit_told = false;
    for (n, reading) in readings.iter().enumerate() {
        let paragraph = reading.sentence.paragraph;
        if told_again[n] {
            continue;
        }
        // "…, a affirmé lundi l'ambassadeur. S'exprimant lors d'une rencontre, …": the sentence
        // just before, when it states no event itself, can carry the event's date and place.
        // Not for a sentence that opens another thread ("Separately, a trade delegation …").
        let lead_in = n
            .checked_sub(1)
            .map(|p| &readings[p])
            .filter(|p| p.kind.is_none() && paragraph - p.sentence.paragraph <= 1)
            .filter(|_| !opens_another_thread(&text[reading.start..reading.sentence.end]));
        let Some(kind) = reading.kind else {
            if let Some(event) = speakers_event(&mut events, reading, last_paragraph) {
                add_speakers(event, reading);
            }
            continue;
        };
        // "Rappelant la récente visite de Keir Starmer le mois dernier en Chine, … M. Wang a noté
        // que Xi et Starmer étaient convenus de …": a visit (or a gathering) not told before,
        // named beside what was agreed during it, is an event of its own.
        let untold = untold_occasion(&events, reading, text, visit_told).filter(|_| kind == EventKind::Agreement);
        visit_told |= reading.cues.iter().any(|c| names_a_visit(c, text));
        if let Some((cue, Cue::Kind(occasion_kind))) = untold.map(|c| (c, c.cue)) {
            let mut occasion = story.new_event(&events, reading, occasion_kind, lead_in, None);
            // Its evidence is the clause that names it, not what was agreed.
            let Sentence { start, end, .. } = reading.sentence;
            const CLAUSE_ENDS: [char; 4] = [',', ';', '，', '；'];
            let from = text[start..cue.start].rfind(CLAUSE_ENDS).map_or(start, |at| {
                start + at + text[start + at..].chars().next().map_or(1, char::len_utf8)
            });
            let to = text[cue.end..end].find(CLAUSE_ENDS).map_or(end, |at| cue.end + at);
            let clause = text[from..to].trim();
            let from = from + text[from..to].find(clause).unwrap_or(0);
            occasion.evidence = vec![Evidence {
                start: from,
                end: from + clause.len(),
                text: clause.to_string(),
            }];
            // What was agreed is worth the figures.
            occasion.figures.clear();
            events.push(occasion);
            times.push(&reading.signals);
            last_paragraph = Some(paragraph);
            last_told = Some(events.len() - 1);
        }
        let told_before = last_told.map(|at| &events[at]);
        if let Some(gathering) = gathering_of_told_signing(&events, told_before, reading, kind, text, last_paragraph) {
            let mut event = story.new_event(&events, reading, gathering, lead_in, told_before);
            if event.date.is_some() {
                event.date_source = Some(DateSource::Occasion);
            }
            // The signing took place where the gathering is.
            if let Some(signing) = last_told.map(|at| &mut events[at]) {
                for venue in event.places.iter().filter(|p| p.role == PlaceRole::Venue) {
                    if !signing.places.iter().any(|p| p.gazetteer_id == venue.gazetteer_id) {
                        signing.places.push(EventPlace {
                            inferred: true,
                            ..venue.clone()
                        });
                    }
                }
            }
            events.push(event);
            times.push(&reading.signals);
            last_paragraph = Some(paragraph);
            last_told = Some(events.len() - 1);
            continue;
        }
        if let Some(at) = continued_event(&events, reading, kind, last_paragraph, &times.dated_by_statement) {
            let previous = &mut events[at];
            if kind == EventKind::Summit {
                previous.kind = kind;
            }
            if let Some(announced_only) = times
                .dated_by_statement
                .get_mut(at)
                .filter(|announced_only| **announced_only)
            {
                if !reading.dates.is_empty() && !reading.signals.dated_by_statement {
                    previous.date = None;
                    *announced_only = false;
                }
            }
            add_sentence(previous, text, reading, gazetteer, &story.context);
            last_paragraph = Some(paragraph);
            last_told = Some(at);
            continue;
        }
        // "The deal includes: • Funding to establish offices …": the items of a list the last
        // event sentence opened belong to its time, in whichever paragraph they stand.
        let opens_list = |event: &Event| {
            event
                .evidence
                .last()
                .is_some_and(|e| e.text.trim_end().ends_with(':') && n > 0 && e.start == readings[n - 1].sentence.start)
        };
        let told_in_paragraph = last_told
            .map(|at| &events[at])
            .filter(|&e| last_paragraph == Some(paragraph) || opens_list(e));
        let event = story.new_event(&events, reading, kind, lead_in, told_in_paragraph);
        events.push(event);
        times.push(&reading.signals);
        last_paragraph = Some(paragraph);
        last_told = Some(events.len() - 1);
    }
    name_people_in_full(&mut events, &people_named_in_full(&readings));
    name_role_holders(text, &mut events, &readings);
    visitors_join_gatherings(&mut events);
    name_known_actors(&mut events, &organisations_named(&readings, gazetteer));
    drop_partial_names(&mut events);
    date_by_participants(&mut events, &times.vague);
    date_lead_by_publication(doc, &mut events, &times.vague);
    finish(doc, &mut events);
    events
}

/// What each event's first sentence says of its time, one entry per event of the story, in
/// the order they are told.
#[derive(Default)]
struct EventTimes {
    /// Its sentence leaves its time open ("in recent years"): never lent a date.
    vague: Vec<bool>,
    /// It is dated only by the statement that tells it (`…, the university announced today`):
    /// a sentence pointing back with a date of its own tells when it happened.
    dated_by_statement: Vec<bool>,
}

impl EventTimes {
    /// Records the event just told by a sentence with these `signals`.
    fn push(&mut self, signals: &Signals) {
        self.vague.push(signals.vague_time);
        self.dated_by_statement.push(signals.dated_by_statement);
    }
}

/// Whether a sentence starts with words that set it apart from what was just told.
fn opens_another_thread(sentence: &str) -> bool {
    const OPENERS: &[&str] = &[
        "separately",
        "in a separate",
        "unabhängig davon",
        "séparément",
        "另据",
        "另悉",
        // Another time than the sentence before's: "Earlier this month, a delegation …".
        "earlier this",
        "earlier in",
        "last month",
        "last year",
        "previously",
        "zuvor",
        "vergangenen monat",
        "im vergangenen jahr",
        "anfang des monats",
        "anfang dieses monats",
        "plus tôt",
        "auparavant",
        "le mois dernier",
        "l'an dernier",
        "l'année dernière",
        "此前",
        "早前",
        "上月",
        "本月初",
        "去年",
    ];
    OPENERS
        .iter()
        .any(|opener| starts_with_ignore_ascii_case(sentence, opener))
}

/// The event a sentence that states none adds its people to: "…, said Assheton Stewart Carter,
/// chief executive officer of TDi Sustainability". People quoted in a story about a gathering or
/// a visit took part in it; elsewhere, people quoted right after an event took part in that one,
/// and a list of partners ("includes organisations such as …") may come a few paragraphs on.
fn speakers_event<'e>(
    events: &'e mut [Event],
    reading: &Reading,
    last_paragraph: Option<usize>,
) -> Option<&'e mut Event> {
    let paragraph = reading.sentence.paragraph;
    let reach = if reading.signals.lists_participants { 4 } else { 2 };
    let near_last = last_paragraph.is_some_and(|p| paragraph <= p + reach);
    let target = events
        .iter()
        .rposition(|e| is_occasion(e.kind))
        .or_else(|| events.len().checked_sub(1).filter(|_| near_last));
    target.and_then(|t| events.get_mut(t))
}

/// The event an event sentence goes on telling, if any. A sentence naming "the conference" adds
/// to the conference however far back it was told; any other sentence can only continue the
/// event just before it, in the same or the next paragraph, with no new date or figure.
fn continued_event(
    events: &[Event],
    reading: &Reading,
    kind: EventKind,
    last_paragraph: Option<usize>,
    dated_by_statement: &[bool],
) -> Option<usize> {
    let paragraph = reading.sentence.paragraph;
    let refers_back = reading.signals.refers_back;
    // "Along with the government delegation, companies joined the event": a sentence pointing
    // back to an occasion belongs to it, whichever word it uses for it.
    let compatible = |previous: &Event| {
        previous.kind == kind
            || (is_gathering(previous.kind) && is_gathering(kind))
            || (refers_back && is_occasion(previous.kind) && is_occasion(kind))
            // "余元堂在啟動儀式上表示": words said at the launch just told are part of it.
            || (refers_back && kind == EventKind::Other)
    };
    // A meeting with named people during a visit, a plan for the future, or a signing by other
    // parties is an event of its own even right after the one it belongs to.
    // In the same paragraph only other parties that "also" sign do ("Auch Shell, die China
    // Construction Bank und Lloyds sicherten sich Verträge"): a signing told without its
    // parties is completed by the next sentence that names them.
    let is_party = |a: &&Actor| a.actor_type != ActorType::Gov;
    let same = |a: &Actor, b: &Actor| contains_str(&a.name, &b.name) || contains_str(&b.name, &a.name);
    let new_signatories = kind == EventKind::Agreement
        && reading.actors.iter().any(|a| is_party(&a))
        && (last_paragraph != Some(paragraph)
            || (reading.signals.also
                && events.last().is_some_and(|previous| {
                    reading
                        .actors
                        .iter()
                        .filter(is_party)
                        .all(|a| !previous.actors.iter().any(|p| same(a, p)))
                })));
    let stands_apart =
        (reading.signals.meeting && !reading.actors.is_empty()) || reading.signals.future || new_signatories;
    if stands_apart && !refers_back {
        return None;
    }
    let earlier = if refers_back {
        events.iter().rposition(&compatible)
    } else {
        events.len().checked_sub(1)
    };
    let previous = events.get(earlier?)?;
    let gap = last_paragraph.map_or(usize::MAX, |p| paragraph.saturating_sub(p));
    // "… have signed a memorandum. The agreement was signed on Tuesday …": a sentence pointing
    // back may give the undated event its date.
    // So may one whose date was only the day it was announced.
    let announced_only = earlier.is_some_and(|at| dated_by_statement.get(at) == Some(&true));
    let no_new_date = reading.dates.first().is_none_or(|d| {
        Some(d.date) == previous.date
            || (refers_back && (previous.date.is_none() || (announced_only && !reading.signals.dated_by_statement)))
    });
    // Two figures are two facts; a figure after a sentence without one says what the event was
    // worth ("… signed deals worth £14 billion").
    let one_figure_at_most = reading.figures.is_empty() || previous.figures.is_empty();
    (compatible(previous) && no_new_date && one_figure_at_most && (gap <= 1 || refers_back)).then_some(earlier?)
}

/// A visit named as a thing (`la visite`, `the visit`; not `visitors`, nor investors `visiting`
/// China to sign) in a sentence that states an agreement, when the story has told no visit yet.
/// The cue of an occasion told for the first time beside a signing: a visit named as a thing
/// (`la visite`, `the visit`; not `visitors`, nor investors `visiting` China to sign), or a
/// gathering where things "were signed" (`attended the … Conference in London, where 12
/// projects were signed`). A gathering named only by a signing's noun is
/// [`gathering_of_told_signing`]'s.
fn untold_occasion(events: &[Event], reading: &Reading, text: &str, visit_told: bool) -> Option<CueMatch> {
    let visit = reading.cues.iter().find(|c| names_a_visit(c, text));
    // Not visits counted in a statistic ("two million visits").
    if let Some(visit) =
        visit.filter(|_| !reading.signals.counts && !visit_told && !events.iter().any(|e| e.kind == EventKind::Visit))
    {
        return Some(*visit);
    }
    let signs = states_a_signing(reading, text);
    reading
        .cues
        .iter()
        .find(|c| matches!(c.cue, Cue::Kind(k) if is_gathering(k)))
        // Not "held at the summit": a gathering named by its bare noun is told elsewhere; a
        // new one comes with its name (`the UK-Guangdong … Conference`).
        .filter(|c| {
            let last_word = text[..c.start]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let bare_noun = [
                "the", "this", "that", "la", "le", "cette", "ce", "die", "der", "dem", "diese", "diesem",
            ]
            .iter()
            .any(|a| last_word.eq_ignore_ascii_case(a));
            signs && !bare_noun && !events.iter().any(|e| is_gathering(e.kind))
        })
        .copied()
}

/// A visit cue that names a visit (`la visite`, `the visit`, `访问`), not its visitors or
/// people `visiting` China to sign.
fn names_a_visit(c: &CueMatch, text: &str) -> bool {
    c.cue == Cue::Kind(EventKind::Visit) && {
        let word = text[c.start..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        !starts_with_ignore_ascii_case(word, "visitor")
            && !ends_with_ignore_ascii_case(word, "ing")
            && !ends_with_ignore_ascii_case(word, "ed")
    }
}

/// "A conference hosted in Birmingham … Today's visit by Chinese Minister of Commerce Gao
/// Hucheng to Birmingham": people visiting the city of a gathering on its day took part in it.
fn visitors_join_gatherings(events: &mut [Event]) {
    fn venue_cities(event: &Event) -> Vec<&str> {
        event
            .places
            .iter()
            .filter(|p| p.role == PlaceRole::Venue && p.level == PlaceLevel::City)
            .map(|p| p.gazetteer_id.as_str())
            .collect()
    }
    for n in 0..events.len() {
        let gathering = &events[n];
        let Some(day) = gathering.date.filter(|d| d.day_number().is_some()) else {
            continue;
        };
        if !is_gathering(gathering.kind) {
            continue;
        }
        let cities = venue_cities(gathering);
        let visitors: Vec<Actor> = events
            .iter()
            .filter(|v| v.kind == EventKind::Visit && v.date == Some(day))
            .filter(|v| venue_cities(v).iter().any(|c| cities.contains(c)))
            .flat_map(|v| v.actors.iter().filter(|a| a.actor_type == ActorType::Person).cloned())
            .collect();
        for visitor in visitors {
            if !events[n].actors.iter().any(|a| a.name == visitor.name) {
                events[n].actors.push(visitor);
            }
        }
    }
}

/// Verbs of signing: a sentence with one tells a signing; one with only a noun (`the deal is
/// being struck at …`) may name a signing already told.
const SIGNING_VERBS: &[&str] = &["sign", "unterzeichn", "signé", "signe", "签", "簽"];

/// Whether an agreement cue of the sentence is a verb of signing, not only a noun.
fn states_a_signing(reading: &Reading, text: &str) -> bool {
    reading.cues.iter().any(|c| {
        c.cue == Cue::Kind(EventKind::Agreement) && {
            let word = &text[c.start..c.end];
            SIGNING_VERBS.iter().any(|v| starts_with_ignore_ascii_case(word, v))
        }
    })
}

/// "Nottingham and Ningbo are today due to reach a deal. The deal is being struck at a
/// Government to Government conference (called JETCO) hosted in Birmingham": a sentence that
/// names the signing just told only by its noun, and a gathering not told yet, tells that
/// gathering. It has the signing's date; see the loop in [`extract_with`].
fn gathering_of_told_signing(
    events: &[Event],
    told_before: Option<&Event>,
    reading: &Reading,
    kind: EventKind,
    text: &str,
    last_paragraph: Option<usize>,
) -> Option<EventKind> {
    let signing = told_before?;
    let near = last_paragraph.is_some_and(|p| reading.sentence.paragraph <= p + 1);
    if kind != EventKind::Agreement
        || signing.kind != EventKind::Agreement
        || !near
        || !reading.dates.is_empty()
        || !reading.figures.is_empty()
        || events.iter().any(|e| is_gathering(e.kind))
    {
        return None;
    }
    let cue_kind = |c: &CueMatch| match c.cue {
        Cue::Kind(kind) => Some(kind),
        _ => None,
    };
    if states_a_signing(reading, text) {
        return None;
    }
    reading.cues.iter().filter_map(cue_kind).find(|&k| is_gathering(k))
}

/// What the whole article tells every event: its dateline, the countries it is about.
struct Story<'d, 'g> {
    doc: &'d Document,
    gazetteer: &'g Gazetteer,
    context: DocumentContext<'g>,
    dateline: Option<Dateline>,
    body: Vec<Sentence>,
}

impl Story<'_, '_> {
    /// A new event stated by `reading`, dated and placed from its own sentence or, failing that,
    /// from what comes before it.
    fn new_event(
        &self,
        events: &[Event],
        reading: &Reading,
        kind: EventKind,
        lead_in: Option<&Reading>,
        told_in_paragraph: Option<&Event>,
    ) -> Event {
        let text = self.doc.text.as_str();
        let mut event = Event {
            id: String::new(),
            file: self.doc.file.clone(),
            kind,
            salience: Salience::Secondary,
            date: None,
            date_precision: None,
            date_source: None,
            planned: false,
            // Room for what the event's own sentence names, the most that comes to most events.
            places: Vec::with_capacity(reading.places.len()),
            actors: Vec::with_capacity(reading.actors.len()),
            sectors: Vec::new(),
            figures: Vec::new(),
            evidence: Vec::new(),
        };
        add_sentence(&mut event, text, reading, self.gazetteer, &self.context);
        event.planned |= reading.signals.future;
        // "A delegation is expected to visit Chengdu": a trip to come, whatever its date.
        let trip_to_come = reading.signals.planned_trip && event.date.is_none();
        event.planned |= trip_to_come;
        let open_time = reading.signals.vague_time;
        // "2017年,英国发放65.5万份签证,同比增长13%": the date of a statistic is its period's,
        // not the time of what is told next.
        let is_statistic = |r: &Reading| {
            let own = &text[r.start..r.sentence.end];
            r.signals.counts
                || ["%", "同比", "per cent", "Prozent", "pour cent"]
                    .iter()
                    .any(|w| contains_str(own, w))
        };
        if let Some(mention) = lead_in
            .filter(|r| !is_statistic(r))
            .and_then(|r| r.dates.first())
            .filter(|m| event.date.is_none() && !open_time && (m.planned || !trip_to_come))
        {
            event.date = Some(mention.date);
            event.date_source = Some(DateSource::Stated(mention.resolution));
            event.planned = mention.planned;
        }
        if let Some(lead) = lead_in {
            add_speakers(&mut event, lead);
            self.add_company_referred_to(&mut event, reading, lead);
        }
        if event.date.is_none() && !open_time {
            let refers_back = reading.signals.refers_back;
            self.date_from_context(&mut event, events, reading, refers_back, told_in_paragraph);
        }
        self.place_from_context(&mut event, reading, lead_in);
        if kind == EventKind::Visit && event.places.is_empty() {
            self.place_visit_abroad(&mut event, reading);
        }
        event.date_precision = event.date.map(|d| d.precision());
        event
    }

    /// The date of the dateline's paragraph, of the occasion a signing took place at, or of the
    /// event just told in the same paragraph.
    fn date_from_context(
        &self,
        event: &mut Event,
        events: &[Event],
        reading: &Reading,
        refers_back: bool,
        told_in_paragraph: Option<&Event>,
    ) {
        let paragraph = reading.sentence.paragraph;
        // A dateline without a date (`London (Reuters) -`) leaves the other sources open.
        // A trip still to come is not dated by the day it was announced, nor by an occasion
        // already past.
        let trip_to_come = reading.signals.planned_trip;
        if let Some(date) = self
            .dateline
            .as_ref()
            .filter(|d| d.paragraph == paragraph && !trip_to_come)
            .and_then(|d| d.date)
        {
            event.date = Some(date);
            event.date_source = Some(DateSource::Dateline);
        } else if let Some(occasion) =
            occasion_of(events, event.kind, paragraph, &self.body, refers_back).filter(|o| o.planned || !trip_to_come)
        {
            event.date = occasion.date;
            event.date_source = occasion.date.map(|_| DateSource::Occasion);
            // "An MoU was signed at the event": a signing without named parties was made by
            // the people at the occasion.
            if event.actors.is_empty() {
                event.actors = occasion.actors.clone();
            }
            if !event.places.iter().any(|p| p.role == PlaceRole::Venue) {
                let venues = occasion
                    .places
                    .iter()
                    .filter(|p| p.role == PlaceRole::Venue)
                    .cloned()
                    .map(|mut p| {
                        p.inferred = true;
                        p
                    });
                event.places.splice(0..0, venues);
            }
        } else if let Some(previous) = told_in_paragraph {
            // The next sentence of the same paragraph, with no date of its own, goes on
            // with the same occasion: "An MoU was signed at the event. Officials met …".
            if previous.date.is_some() && !event.planned {
                event.date = previous.date;
                event.date_source = Some(DateSource::Occasion);
            }
        }
    }

    /// "Der chinesische Autobauer BYD will in Großbritannien ein Werk bauen. Das Unternehmen plant
    /// Investitionen …": a sentence that opens with "the company" is about the organisations the
    /// sentence before names.
    fn add_company_referred_to(&self, event: &mut Event, reading: &Reading, lead: &Reading) {
        const COMPANY_REFERENCES: &[&str] = &[
            "the company",
            "the firm",
            "the group",
            "das unternehmen",
            "der konzern",
            "die firma",
            "l'entreprise",
            "la société",
            "le groupe",
            "该公司",
            "該公司",
            "该集团",
            "該集團",
        ];
        let text = self.doc.text.as_str();
        let own = text[reading.start..reading.sentence.end].trim_start();
        let opens_with_reference = COMPANY_REFERENCES
            .iter()
            .any(|r| own.get(..r.len()).is_some_and(|head| head.eq_ignore_ascii_case(r)));
        if !opens_with_reference || event.actors.iter().any(|a| a.actor_type == ActorType::Org) {
            return;
        }
        let named = find_actors(
            text,
            lead.start,
            lead.sentence.end,
            &lead.cues,
            &lead.places,
            self.gazetteer,
            self.doc.lang,
        );
        for organisation in named.into_iter().filter(|a| a.actor_type == ActorType::Org) {
            if !event.actors.iter().any(|a| a.name == organisation.name) {
                event.actors.push(organisation);
            }
        }
    }

    /// "Beim ersten Staatsbesuch setzt der chinesische Ministerpräsident auf Harmonisierung": a
    /// visit by one side, told with no place, in a story that names the other side's country,
    /// went there.
    fn place_visit_abroad(&self, event: &mut Event, reading: &Reading) {
        let mut sides = reading.cues.iter().filter_map(|c| match c.cue {
            Cue::Side(side) if side != Side::Other => Some(side),
            _ => None,
        });
        let Some(visitor) = sides.next() else { return };
        if sides.any(|side| side != visitor) {
            return;
        }
        let host = if visitor == Side::China { "GB" } else { "CN" };
        if !self.context.named_countries.contains(&host) {
            return;
        }
        let id = format!("C-{host}");
        if let Some(place) = self.gazetteer.places().iter().find(|p| p.id == id) {
            event
                .places
                .push(EventPlace::of(&place.name, place, PlaceRole::Venue, true));
        }
    }

    /// The dateline city for a wire story's events with no venue of their own, and for a
    /// figure with no place, the places of the sentence just before.
    fn place_from_context(&self, event: &mut Event, reading: &Reading, lead_in: Option<&Reading>) {
        let paragraph = reading.sentence.paragraph;
        let no_venue = !event
            .places
            .iter()
            .any(|p| p.role == PlaceRole::Venue || p.level == PlaceLevel::City);
        let story_event = self.dateline.as_ref().is_some_and(|d| d.paragraph == paragraph)
            || (is_occasion(event.kind) && event.places.iter().all(|p| p.level == PlaceLevel::Country));
        if no_venue && story_event {
            if let Some(place) = self.dateline.as_ref().and_then(|d| d.place.clone()) {
                // "人民网成都4月15日电 … 四川省代表团 … 访问英国威尔士": a visit to another
                // country does not happen where the visitors' home paper files from.
                let abroad = event.kind == EventKind::Visit && self.visits_abroad(event, reading, &place.country);
                if !abroad {
                    event.places.insert(0, place);
                }
            }
        }
        // "Hunan and the UK have cooperated widely. In 2018, trade between the two sides
        // reached …": the two sides are the places just named.
        if !event.places.is_empty() {
            return;
        }
        let text = self.doc.text.as_str();
        for m in lead_in.iter().flat_map(|r| &r.places) {
            let Some(index) = best_candidate(m.candidates, self.gazetteer, &self.context.countries) else {
                continue;
            };
            let place = self.gazetteer.place(index);
            if place.level != PlaceLevel::Country && !event.places.iter().any(|p| p.gazetteer_id == place.id) {
                event
                    .places
                    .push(EventPlace::of(&text[m.start..m.end], place, PlaceRole::Mentioned, true));
            }
        }
    }

    /// Whether the place a visit cue leads to (`访问英国威尔士`, `visited Wales`) lies outside
    /// `country`.
    fn visits_abroad(&self, event: &Event, reading: &Reading, country: &str) -> bool {
        let text = self.doc.text.as_str();
        reading
            .cues
            .iter()
            .filter(|c| c.cue == Cue::Kind(EventKind::Visit))
            .any(|c| {
                reading.places.iter().any(|m| {
                    m.start >= c.end
                        && m.start - c.end <= 4
                        && event
                            .places
                            .iter()
                            .any(|p| p.name == text[m.start..m.end] && p.country != country)
                })
            })
    }
}

/// Gatherings and visits: occasions at which people speak, sign and meet.
fn is_occasion(kind: EventKind) -> bool {
    is_gathering(kind) || kind == EventKind::Visit
}

/// Summits and forums are both gatherings: one story often names the same one both ways.
fn is_gathering(kind: EventKind) -> bool {
    matches!(kind, EventKind::Summit | EventKind::Forum)
}

fn add_sentence(
    event: &mut Event,
    text: &str,
    reading: &Reading,
    gazetteer: &Gazetteer,
    context: &DocumentContext<'_>,
) {
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
    // Where the actors are named: looked for only when a new place's role is asked.
    let mut actor_spans: Option<Vec<(usize, usize)>> = None;
    for m in &reading.places {
        let Some(index) = best_candidate(m.candidates, gazetteer, &context.countries) else {
            continue;
        };
        let place = gazetteer.place(index);
        if event.places.iter().any(|p| p.gazetteer_id == place.id) {
            continue;
        }
        let actor_spans = actor_spans.get_or_insert_with(|| {
            reading
                .actors
                .iter()
                .filter_map(|a| find_str(&text[start..end], &a.name).map(|at| (start + at, start + at + a.name.len())))
                .collect()
        });
        let role = role_of(text, m, place, actor_spans);
        event
            .places
            .push(EventPlace::of(&text[m.start..m.end], place, role, false));
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
        // A trade cue (`Handel mit`) is the longest match where the sector's word stands.
        let sector = match cue.cue {
            Cue::Sector(sector) => sector,
            Cue::Kind(EventKind::TradeFigure) => Sector::Trade,
            _ => continue,
        };
        if !event.sectors.contains(&sector) {
            event.sectors.push(sector);
        }
    }
    event.figures.extend(reading.figures.iter().cloned());
}

/// The earlier event this one took place at: a summit, forum or visit in the same or one of the
/// two previous paragraphs (a signing "held at the summit"), or anywhere before when the
/// sentence points back to it (`Bei der Veranstaltung wurde … unterzeichnet`).
fn occasion_of<'e>(
    events: &'e [Event],
    kind: EventKind,
    paragraph: usize,
    body: &[Sentence],
    refers_back: bool,
) -> Option<&'e Event> {
    if !matches!(kind, EventKind::Agreement | EventKind::JointVenture) {
        return None;
    }
    if refers_back {
        return events.iter().rev().find(|e| is_occasion(e.kind));
    }
    let paragraph_of = |event: &Event| {
        let start = event.evidence.last()?.start;
        let at = body.partition_point(|s| s.start < start);
        body.get(at).map(|s| s.paragraph)
    };
    events.iter().rev().find(|e| {
        matches!(e.kind, EventKind::Summit | EventKind::Forum | EventKind::Visit)
            && paragraph_of(e).is_some_and(|p| paragraph <= p + 2)
    })
}

/// `file_name#n`, an event's id. Not `format!`: its machinery costs more than the copy and the
/// few digits.
fn event_id(file_name: &str, n: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    let mut id = String::with_capacity(file_name.len() + 1 + digits.len());
    id.push_str(file_name);
    id.push('#');
    id.push_str(digits);
    id
}

/// Ids, salience, and sorted sectors.
fn finish(doc: &Document, events: &mut [Event]) {
    let file_name = doc.file.rsplit(['/', '\\']).next().unwrap_or(&doc.file);
    let title = doc.title.as_deref().unwrap_or("");
    // The scanner the sentences were read with, its table likely still in cache.
    let title_kinds: Vec<EventKind> = Signals::read_with_cues(title, &mut Occurrences::default())
        .0
        .into_iter()
        .filter_map(|c| match c.cue {
            Cue::Kind(kind) => Some(kind),
            _ => None,
        })
        .collect();
    let lead_end = events.first().map(|e| e.evidence[0].end).unwrap_or(0);
    for (n, event) in events.iter_mut().enumerate() {
        event.id = event_id(file_name, n + 1);
        // A trade figure is about trade, whatever else its sentence names.
        if event.kind == EventKind::TradeFigure && !event.sectors.contains(&Sector::Trade) {
            event.sectors.push(Sector::Trade);
        }
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

    #[test]
    fn event_ids_are_written_as_format_writes_them() {
        for n in [0, 1, 9, 10, 11, 99, 100, 1234, usize::MAX] {
            assert_eq!(event_id("a.txt", n), format!("a.txt#{n}"));
        }
    }

    fn events(text: &str) -> Vec<Event> {
        extract(&Document::from_text("t.txt", text.to_string()))
    }

    /// The events' kinds, in order.
    fn kinds_of(events: &[Event]) -> Vec<EventKind> {
        events.iter().map(|e| e.kind).collect()
    }

    #[test]
    fn a_sentence_holds_a_date_clue_where_a_date_could_start() {
        let may_hold_date = |text: &str| {
            Signals::read_with_cues(text, &mut Occurrences::default())
                .1
                .may_hold_date
        };
        for text in [
            "She arrived YESTERDAY.",
            "Il y a un an.",
            "dans l'ANNÉE",
            "im O\u{212A}T.",
            "am Montagabend",
            "去年",
            "on the 5th",
            "am １日",
        ] {
            assert!(may_hold_date(text), "{text}");
        }
        for text in ["The plan and the mayor's daybook.", "Das Gemontage", "Die Delegation"] {
            assert!(!may_hold_date(text), "{text}");
        }
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
    #[test]
    fn a_sentence_naming_the_conference_joins_it_however_far_back_and_a_signing_there_takes_its_date() {
        let found = events("date 2025-05\n\nLONDON, 15. Mai 2025 /PRNewswire/ -- Luohu organisierte am 12. Mai ein Treffen zur Handelsförderung in London.\n\nLuohu hat viele Banken.\n\nLondon ist ein Finanzzentrum.\n\nDas ist wichtig.\n\nAuf der Konferenz unterbreiteten Beamte aus Luohu Vorschläge.\n\nBei der Veranstaltung wurde eine Absichtserklärung unterzeichnet.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].evidence.len(), 2);
        let signing = &found[1];
        assert_eq!(signing.kind, EventKind::Agreement);
        assert_eq!(signing.date.unwrap().to_string(), "2025-05-12");
        assert_eq!(signing.places[0].canonical, "London");
        assert!(
            signing.actors.iter().any(|a| a.name.contains("Luohu")),
            "{:?}",
            signing.actors
        );
    }

    #[test]
    fn people_quoted_later_in_a_story_about_a_visit_took_part_in_it() {
        let found = events("date 2025-09-30\n\nA UK delegation visited Hefei on Monday.\n\nIt was sunny.\n\nHefei is big.\n\nIt has many plants.\n\n\"It is impressive,\" said Harriet Radcliffe, head of Government Sponsorship of London Tech Week.");
        assert_eq!(found.len(), 1, "{found:?}");
        let names: Vec<&str> = found[0].actors.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"Harriet Radcliffe"), "{names:?}");
    }

    #[test]
    fn the_attribution_of_a_quotation_can_state_the_event() {
        let found = events("date 2024-05-23\n\n\u{201c}This is a good sign,\u{201d} said Matthew Burney, British Consul-General in Shanghai, at the opening ceremony of the Zhejiang Office in Hangzhou on May 14.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, EventKind::Other);
        assert_eq!(found[0].date.unwrap().to_string(), "2024-05-14");
    }

    #[test]
    fn two_figures_set_against_each_other_are_two_events() {
        let found = events("date 2025-09-30\n\nAs of July this year, the UK's total investment in China was over 35 billion U.S. dollars, while China's cumulative investment in the UK surpassed 32 billion U.S. dollars.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found
            .iter()
            .all(|e| e.kind == EventKind::Investment && e.figures.len() == 1));
        assert!(found[1].evidence[0].text.starts_with("while China's"));
    }

    #[test]
    fn a_lead_repeated_as_a_teaser_is_read_once() {
        let lead = "Die Jingye Group aus Hebei und British Steel verkündeten am Montag eine Einigung über den Verkauf.";
        let found = events(&format!("date 2019-11-11\n\n{lead}\n\nTitel\n\n{lead}"));
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_wished_visit_and_news_between_china_and_a_third_party_are_not_events() {
        assert!(events("date 2023-07-14\n\n他表示非常期待再次访问天津。").is_empty());
        assert!(
            events("date 2024-05-23\n\nEuropean investors visiting China signed agreements on a canal cruise.")
                .is_empty()
        );
        assert_eq!(
            events("date 2024-05-23\n\nBritish and European investors visiting China signed agreements.").len(),
            1
        );
    }

    #[test]
    fn an_undated_lead_meeting_happened_in_the_month_of_publication() {
        let found = events("date 2026-02-14\n\nWang Yi a lancé cet appel lors d'un entretien avec son homologue britannique, Yvette Cooper, en marge de la Conférence de Munich.");
        assert_eq!(found[0].date.unwrap().to_string(), "2026-02");
        assert_eq!(found[0].date_source, Some(DateSource::Published));
    }

    #[test]
    fn a_plan_for_the_future_is_an_event_of_its_own() {
        let found =
            events("date 2017-11-20\n\n11月9日,青岛中英创新产业园正式启动。今后,中英创新产业园将开展与利物浦的合作。");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].planned && found[1].date.is_none(), "{:?}", found[1]);
    }

    #[test]
    fn a_figure_with_no_place_belongs_to_the_places_just_named() {
        let found = events("date 2019-04-01\n\nHunan and the UK have engaged in extensive cooperation. In 2018, trade between the two sides reached $680 million.");
        let trade = found
            .iter()
            .find(|e| e.kind == EventKind::TradeFigure)
            .expect("the figure");
        assert_eq!(trade.places[0].canonical, "Hunan");
        assert!(trade.places[0].inferred);
    }

    #[test]
    fn both_countries_and_the_two_governments_are_the_two_states() {
        let names = |text: &str| -> Vec<String> {
            events(text)
                .into_iter()
                .flat_map(|e| e.actors)
                .filter(|a| a.actor_type == ActorType::Gov)
                .map(|a| a.name)
                .collect()
        };
        assert_eq!(
            names("date 2025-05-16\n\nZheng urged both countries to build on the momentum of recent high-level dialogues."),
            ["China", "UK"]
        );
        assert_eq!(
            names("date 2020-01-01\n\nIn 2017, the two governments issued a joint strategy for science cooperation."),
            ["Chinese government", "UK government"]
        );
    }

    #[test]
    fn visits_counted_in_a_statistic_are_not_a_visit() {
        assert!(events("date 2020-01-21\n\nUn nouveau record a été établi l'année dernière avec deux millions de visites réciproques.").is_empty());
        assert_eq!(
            events("date 2020-01-21\n\nLe ministre a effectué une visite à Londres lundi.").len(),
            1
        );
    }

    #[test]
    fn an_event_placed_vaguely_in_time_is_lent_no_date() {
        let found = events("date 2022-06-26\n\nThe ambassador met with Scottish officials in Edinburgh on Thursday.\n\nIn response, the ambassador said that in recent years, Scotland has established friendly partnerships with Shandong Province.");
        let twinning = found
            .iter()
            .find(|e| e.kind == EventKind::Agreement)
            .expect("the partnerships");
        assert_eq!(twinning.date, None, "{twinning:?}");
    }

    #[test]
    fn a_sentence_about_the_agreement_adds_to_it() {
        let found = events("date 2014-06-18\n\nMilliarden-Deal\n\nChina und Großbritannien schlossen ein Handelsabkommen.\n\nMit dem Abkommen würden Arbeitsplätze entstehen, hieß es.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].evidence.len(), 2);
    }

    #[test]
    fn a_teaser_lead_is_read_where_the_story_tells_it_beside_its_dateline() {
        let lead = "Die Jingye Group und British Steel verkündeten am Montag eine Einigung über den Verkauf.";
        let found = events(&format!(
            "date 2019-11-11\n\n{lead}\n\nTitel\n\nLondon (Reuters) - Der Konzern soll verkauft werden. {lead}"
        ));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].evidence[0].start > lead.len() + 20, "the later copy");
        assert!(
            found[0].places.iter().any(|p| p.canonical == "London"),
            "{:?}",
            found[0].places
        );
    }

    #[test]
    fn a_place_inside_a_persons_name_is_no_place_of_the_event() {
        let places = |text: &str| -> Vec<String> {
            events(text)
                .into_iter()
                .flat_map(|e| e.places)
                .map(|p| p.canonical)
                .collect()
        };
        let english =
            places("date 2016-02-26\n\nChinese Minister of Commerce Gao Hucheng visited Birmingham on Friday.");
        assert_eq!(english, ["Birmingham"]);
        let chinese = places("date 2023-07-14\n\n7月12日,天津市副市长刘桂平访问伦敦。");
        assert!(!chinese.iter().any(|p| p == "Guiping"), "{chinese:?}");
        assert!(chinese.iter().any(|p| p == "London"), "{chinese:?}");
    }

    #[test]
    fn other_parties_that_also_sign_are_a_signing_of_their_own() {
        let found = events("date 2014-06-18\n\nNach der Vereinbarung will die Londoner Börse LSE mit zwei Banken den Handel ausbauen. Auch Shell, die China Construction Bank und Lloyds sicherten sich Verträge.");
        assert_eq!(found.len(), 2, "{found:?}");
        // Without "also", the next sentence names who signed the signing just told.
        let found = events("date 2019-03-28\n\nThe signing ceremony was held at the summit. The Zhuzhou Municipal People's Government and AstraZeneca signed a memorandum.");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn the_items_of_a_list_an_event_opens_have_its_date_and_a_gathering_where_it_is_signed_too() {
        let found = events("date 2016-02-26\n\nNottingham and Ningbo are today due to reach a deal on trade ties.\n\nThe deal is being struck at a government conference hosted in Birmingham. President Xi visited the UK in October. The deal includes:\n\n• Funding to launch trade offices in Nottingham and Ningbo.");
        let kinds = kinds_of(&found);
        assert_eq!(
            kinds,
            [
                EventKind::Agreement,
                EventKind::Forum,
                EventKind::Visit,
                EventKind::Other
            ],
            "{found:?}"
        );
        let day = found[0].date;
        assert_eq!(day.map(|d| d.to_string()), Some("2016-02-26".into()));
        assert_eq!(found[1].date, day, "the conference is the signing's");
        assert_eq!(found[3].date, day, "the list item is the deal's");
        assert!(
            found[0].places.iter().any(|p| p.canonical == "Birmingham"),
            "{:?}",
            found[0].places
        );
    }

    #[test]
    fn a_deed_a_speaker_reports_as_done_is_an_event_with_no_date_lent() {
        let found = events("date 2018-06-10\n\n6月7日,英国驻华大使吴百纳抵达重庆访问。\n\n2017年,英国为中国公民共发放65.5万份签证,同比增长13%。\n\n“英国国际贸易部已经启动了新的中国区域贸易计划”,吴百纳强调。");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].kind, EventKind::Other);
        assert_eq!(found[1].date, None, "{:?}", found[1]);
        // A view is still no event.
        assert_eq!(
            events("date 2018-06-10\n\n“We hope to launch more projects,” she said.").len(),
            0
        );
    }

    #[test]
    fn a_visit_not_told_before_named_beside_what_was_agreed_is_an_event_of_its_own() {
        let found = events("date 2026-02-14\n\nRappelant la récente visite du Premier ministre britannique Keir Starmer le mois dernier en Chine, M. Wang a noté que Xi Jinping et M. Starmer étaient convenus de développer un partenariat.");
        let kinds = kinds_of(&found);
        assert_eq!(kinds, [EventKind::Visit, EventKind::Agreement], "{found:?}");
        assert!(
            found[0].evidence[0].text.ends_with("en Chine"),
            "{:?}",
            found[0].evidence
        );
        assert_eq!(found[0].date.map(|d| d.to_string()), Some("2026-01".into()));
        // Once the visit is told, what was agreed during it is no second visit.
        let found = events("date 2026-02-14\n\nKeir Starmer a effectué une visite en Chine le mois dernier.\n\nPendant la visite, les deux pays étaient convenus de développer un partenariat.");
        assert_eq!(
            found.iter().filter(|e| e.kind == EventKind::Visit).count(),
            1,
            "{found:?}"
        );
    }

    #[test]
    fn a_launch_told_in_german_is_an_event() {
        let found = events("date 2019-06-18\n\nDie Börsenverbindung Shanghai-London Stock Connect ist am Montag in London offiziell gestartet. Der britische Schatzkanzler Philip Hammond und der chinesische Vizepremier Hu Chunhua nahmen an der Eröffnung teil.");
        assert_eq!(found.len(), 1, "{found:#?}");
        let launch = &found[0];
        assert_eq!(launch.kind, EventKind::Other);
        assert_eq!(launch.date.unwrap().to_string(), "2019-06-17");
        assert!(
            launch.places.iter().any(|p| p.canonical == "London"),
            "{:?}",
            launch.places
        );
    }

    #[test]
    fn a_press_release_dateline_with_an_en_dash_dates_and_places_its_story() {
        let found = events("Pékin, le 8 avril 2025 – La banque britannique HSBC a annoncé mercredi l'ouverture d'un centre de recherche à Shenzhen, un investissement de 200 millions de yuans.");
        assert_eq!(found.len(), 1, "{found:#?}");
        // Wednesday before the dateline's Tuesday; the dateline's city is no actor.
        assert_eq!(found[0].date.unwrap().to_string(), "2025-04-02");
        assert!(
            found[0].actors.iter().all(|a| a.name != "Pékin"),
            "{:?}",
            found[0].actors
        );
        let found = events("London, 12. Juni 2025 – Im März hatte Handelsminister Jonathan Reynolds bei einem Besuch in Shanghai Verträge unterzeichnet.");
        assert_eq!(found[0].date.unwrap().to_string(), "2025-03");
    }

    #[test]
    fn a_city_alone_in_capitals_before_a_dash_is_a_dateline() {
        let actor_names = |event: &Event| event.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
        let found = events("date 2025-04-11\n\nGLASGOW -- A Chinese maker of ferries opened an office in the city on Thursday, investing 5 million pounds.");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(actor_names(&found[0]), Vec::<String>::new());
        assert_eq!(found[0].places[0].canonical, "Glasgow");
        // A country in capitals opens no dateline.
        let found = events("date 2025-04-11\n\nBRITAIN -- Ferrymakers Northsea Marine opened an office in Glasgow on Thursday, investing 5 million pounds.");
        assert!(actor_names(&found[0]).contains(&"BRITAIN".to_string()));
    }

    #[test]
    fn a_session_of_the_standing_commission_is_a_summit_in_its_acronym_and_in_german() {
        let found = events("date 2025-02-10\n\nThe next Jetco session will be held in Cardiff in April.");
        assert_eq!(kinds_of(&found), [EventKind::Summit], "{found:#?}");
        let found = events(
            "date 2025-02-10\n\nDie Gemischte Wirtschafts- und Handelskommission hat am Montag in Peking getagt.",
        );
        assert_eq!(kinds_of(&found), [EventKind::Summit], "{found:#?}");
        assert_eq!(found[0].date.unwrap().to_string(), "2025-02-10");
        // What a role heads is a title, no session told.
        let found =
            events("date 2025-02-10\n\nThe Chair of JETCO and Minister for Trade, Jane Doe, thanked the guests.");
        assert!(found.is_empty(), "{found:#?}");
        // A German clause ends with its verb.
        let found = events("date 2025-02-10\n\nDie Wirtschaftsministerin soll im Mai nach Schanghai reisen.");
        assert_eq!(kinds_of(&found), [EventKind::Visit], "{found:#?}");
        // Not the travellers of a statistic, nor what tourists like to do.
        for text in [
            "date 2025-02-10\n\nDie Zahl der Reisenden nach Schanghai stieg um 20 Prozent.",
            "date 2025-02-10\n\nViele Touristen reisen gern nach Schanghai.",
        ] {
            assert!(events(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_trip_to_come_is_not_dated_by_the_day_it_was_announced() {
        for text in [
            "date 2025-09-10\n\nThe Welsh economy minister will lead a trade delegation to Chongqing, the Welsh Government said on Monday.",
            "date 2025-09-10\n\nWie das Ministerium am Dienstag mitteilte, soll die Staatssekretärin an einer Messe in Kanton teilnehmen.",
        ] {
            let found = events(text);
            assert_eq!(found.len(), 1, "{found:#?}");
            assert!(found[0].planned && found[0].date.is_none(), "{:?}", found[0]);
        }
        // What was done is still dated by the statement that tells it.
        let found = events(
            "date 2025-09-10\n\nThe Welsh economy minister visited Chongqing, the Welsh Government said on Monday.",
        );
        assert_eq!(found[0].date.map(|d| d.to_string()).as_deref(), Some("2025-09-08"));
    }

    #[test]
    fn an_agreement_dated_by_its_announcement_takes_the_day_a_later_sentence_gives_it() {
        let found = events("date 2025-10-16\n\nLeeds Beckett University has signed an agreement with Xiamen University, the university said today.\n\nThe agreement was signed in Xiamen on Monday by the two vice-chancellors.");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].date.map(|d| d.to_string()).as_deref(), Some("2025-10-13"));
    }

    #[test]
    fn a_sentence_told_at_another_time_borrows_nothing_from_the_one_before() {
        let found = events("date 2025-04-11\n\nA Chinese bus maker opened a plant in Coventry on Thursday, investing 20 million pounds.\n\nThe plant will build electric buses, said Li Wei, head of the bus maker's UK arm.\n\nEarlier this month, a delegation from Coventry City Council visited Xiamen.");
        let visit = found.iter().find(|e| e.kind == EventKind::Visit).expect("the visit");
        assert!(visit.actors.iter().all(|a| a.name != "Li Wei"), "{:?}", visit.actors);
    }

    #[test]
    fn where_a_party_is_based_is_its_home_not_the_venue() {
        for text in [
            "date 2025-03-07\n\nA Leeds engineering firm has signed a supply agreement with a battery maker based in Ningbo.",
            "date 2025-03-07\n\nUne PME de Leeds a signé un accord avec un fabricant de batteries basé à Ningbo.",
            "date 2025-03-07\n\n一家总部位于宁波的电池企业与利兹一家工程公司签署了供货协议。",
        ] {
            let found = events(text);
            let ningbo = found[0].places.iter().find(|p| p.canonical == "Ningbo").expect("Ningbo");
            assert_eq!(ningbo.role, PlaceRole::Origin, "{text}");
        }
    }

    #[test]
    fn a_chinese_dialogue_held_and_co_chaired_is_a_summit() {
        let found = events("date 2025-01-12\n\n第十一次中英经济财金对话11日在北京举行。国务院副总理何立峰与英国财政大臣里夫斯共同主持对话。");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind, EventKind::Summit);
        assert_eq!(found[0].date.unwrap().to_string(), "2025-01-11");
        assert_eq!(found[0].evidence.len(), 2);
    }

    #[test]
    fn a_minister_who_met_another_to_co_chair_a_commission_held_a_summit_there() {
        let found = events("date: 2025-03-25\n\nBusiness and Trade Secretary Jonathan Reynolds has today (Monday 24 March 2025) met Chinese Commerce Minister Wang Wentao in London to co-chair the UK-China Joint Economic and Trade Commission.");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind, EventKind::Summit);
        assert_eq!(found[0].date.unwrap().to_string(), "2025-03-24");
        assert!(found[0]
            .places
            .iter()
            .any(|p| p.canonical == "London" && p.role == PlaceRole::Venue));
        // `met` is a whole word: a method met in passing is no meeting.
        assert!(events("date: 2025-03-25\n\nThe UK-China metrology method was discussed.").is_empty());
    }

    #[test]
    fn trade_with_a_country_worth_a_sum_and_a_factory_built_for_one_are_events() {
        let found = events("date 2025-01-12\n\nBritain's trade with China was worth 113 billion pounds in 2024, official data show.\n\nDer Konzern will in der Stadt Wuxi eine neue Fabrik für 450 Millionen Dollar bauen.");
        let kinds = kinds_of(&found);
        assert_eq!(kinds, [EventKind::TradeFigure, EventKind::Investment], "{found:#?}");
        assert!(found[0].sectors.contains(&Sector::Trade));
        // Without a figure, trade with a country is background.
        assert!(events("date 2025-01-12\n\nThe minister wants more trade with China.").is_empty());
    }

    #[test]
    fn the_year_a_period_starts_is_not_the_event_s_date() {
        let found = events("date 2025-01-10\n\nThe minister will travel to Beijing on Saturday for the first UK-China Economic and Financial Dialogue since 2019.");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].date.unwrap().to_string(), "2025-01-11");
        let found = events("LONDON, Jan 10 -- The minister will hold the first UK-China dialogue since 2019.");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_ne!(found[0].date.map(|d| d.to_string()), Some("2019".to_string()));
    }

    #[test]
    fn a_sentence_pointing_back_dates_the_undated_event_it_goes_on_telling() {
        let found = events("date: 2024-03-14\n\nThe University of Edinburgh and Zhejiang University have signed a memorandum of understanding to set up a joint institute in Haining.\n\nThe agreement was signed on Tuesday at a ceremony in Edinburgh attended by Professor Peter Mathieson, Principal of the University of Edinburgh.");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].date.unwrap().to_string(), "2024-03-12");
        let mathieson = found[0]
            .actors
            .iter()
            .find(|a| a.name.contains("Peter Mathieson"))
            .unwrap();
        assert_eq!(mathieson.actor_type, ActorType::Person);
    }

    #[test]
    fn a_forum_an_office_hosts_is_a_forum_and_where_someone_goes_is_the_venue() {
        let found = events("2024年11月20日\n\n局長許正宇今日在倫敦出席由香港駐倫敦經濟貿易辦事處主辦的金融論壇。\n\n許正宇明日將前往愛丁堡，與蘇格蘭政府代表會面。");
        let kinds = kinds_of(&found);
        assert_eq!(kinds, [EventKind::Forum, EventKind::Visit], "{found:#?}");
        let edinburgh = found[1].places.iter().find(|p| p.name == "愛丁堡").unwrap();
        assert_eq!(edinburgh.role, PlaceRole::Venue);
    }

    #[test]
    fn a_german_city_adjective_names_the_city() {
        let found = events(
            "date 2014-06-18\n\nDie Londoner Börse unterzeichnete am Dienstag eine Vereinbarung mit zwei Banken.",
        );
        let places: Vec<&str> = found
            .iter()
            .flat_map(|e| &e.places)
            .map(|p| p.canonical.as_str())
            .collect();
        assert_eq!(places, ["London"], "{found:?}");
        // Words that only end like one are not.
        assert!(
            events("date 2014-06-18\n\nDie Partner unterzeichneten am Dienstag eine Vereinbarung.")
                .iter()
                .all(|e| e.places.is_empty())
        );
    }

    #[test]
    fn a_visit_by_one_side_told_without_a_place_went_to_the_other() {
        let story = "date 2014-06-18\n\nChina und Großbritannien schlossen ein Handelsabkommen.\n\nBeim ersten Staatsbesuch setzt der chinesische Ministerpräsident auf Harmonisierung.";
        let found = events(story);
        let visit = found.iter().find(|e| e.kind == EventKind::Visit).expect("the visit");
        let places: Vec<&str> = visit.places.iter().map(|p| p.canonical.as_str()).collect();
        assert_eq!(places, ["United Kingdom"], "{visit:?}");
        // A story that names no other country gives no place.
        let found = events(
            "date 2014-06-18\n\nBeim ersten Staatsbesuch setzt der chinesische Ministerpräsident auf Harmonisierung.",
        );
        assert!(found.iter().all(|e| e.places.is_empty()), "{found:?}");
    }

    #[test]
    fn a_role_named_without_its_holder_means_the_one_person_named_with_it() {
        let found = events("date 2014-06-18\n\nDer chinesische Ministerpräsident Li Keqiang unterzeichnete am Montag in London ein Abkommen.\n\nBeim Staatsbesuch setzt der Ministerpräsident auf Harmonisierung.");
        let visit = found.iter().find(|e| e.kind == EventKind::Visit).expect("the visit");
        let li = visit
            .actors
            .iter()
            .find(|a| a.name == "Li Keqiang")
            .expect("Li Keqiang");
        assert_eq!(li.role.as_deref(), Some("Ministerpräsident"));
        assert_eq!(li.country, Some(Side::China));
        // Two people with the role: no telling which.
        let found = events("date 2022-06-26\n\nAmbassador Zheng Zeguang met with Ambassador Jane Doe in London on Monday.\n\nThe ambassador visited Edinburgh on Tuesday.");
        let visit = found.last().expect("the second visit");
        assert!(
            visit.actors.iter().all(|a| a.actor_type != ActorType::Person),
            "{visit:?}"
        );
    }

    #[test]
    fn a_chinese_dateline_dates_and_places_its_paragraph() {
        let found = events("date: 2015-10-22\n\n新华社伦敦10月21日电（记者张三）中英两国企业签署了多项合作协议。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].date.map(|d| d.to_string()), Some("2015-10-21".into()));
        assert_eq!(found[0].date_source, Some(DateSource::Dateline));
        assert_eq!(found[0].places[0].canonical, "London");
    }

    #[test]
    fn agency_datelines_calls_and_titles_in_french_and_german() {
        let found = events("date: 2018-02-01\n\nPékin, 31 janvier (AFP) - La Première ministre britannique Theresa May a signé mercredi à Pékin des accords commerciaux.");
        assert_eq!(found.len(), 1, "{found:?}");
        let actors: Vec<(&str, Option<Side>)> = found[0].actors.iter().map(|a| (a.name.as_str(), a.country)).collect();
        assert_eq!(actors, [("Theresa May", Some(Side::Uk))]);
        assert_eq!(found[0].date.map(|d| d.to_string()), Some("2018-01-31".into()));
        let found = events("date: 2021-06-10\n\nBerlin (dpa) - Der britische Premierminister Boris Johnson hat am Mittwoch mit Chinas Staatschef Xi Jinping telefoniert. Beide Seiten vereinbarten eine engere Zusammenarbeit.");
        let kinds = kinds_of(&found);
        assert_eq!(kinds, [EventKind::Summit, EventKind::Agreement], "{found:?}");
        let xi = found[0]
            .actors
            .iter()
            .find(|a| a.name == "Xi Jinping")
            .expect("Xi Jinping");
        assert_eq!(
            (xi.country, xi.role.as_deref()),
            (Some(Side::China), Some("Staatschef"))
        );
    }

    #[test]
    fn people_visiting_the_city_of_a_gathering_on_its_day_took_part_in_it() {
        let found = events("date 2016-02-26\n\nA UK-China conference is being hosted in Birmingham today by Sajid Javid.\n\nToday's visit by Chinese Minister of Commerce Gao Hucheng to Birmingham is a great opportunity.");
        let conference = found
            .iter()
            .find(|e| e.kind == EventKind::Forum)
            .expect("the conference");
        assert!(
            conference.actors.iter().any(|a| a.name == "Gao Hucheng"),
            "{conference:?}"
        );
    }

    #[test]
    fn a_gathering_told_first_beside_what_was_signed_there_is_an_event_too() {
        let found = events("date: 2024-03-15\n\nThe delegation attended the UK-Guangdong Economic and Trade Cooperation Conference in London on Thursday, where 12 projects worth 500 million U.S. dollars were signed.");
        let kinds = kinds_of(&found);
        assert_eq!(kinds, [EventKind::Forum, EventKind::Agreement], "{found:?}");
        assert!(found[0].figures.is_empty() && !found[1].figures.is_empty());
        assert!(
            !found[0].evidence[0].text.contains("were signed"),
            "{:?}",
            found[0].evidence
        );
    }

    #[test]
    fn china_meeting_a_third_country_in_its_city_is_no_event_of_the_atlas() {
        assert!(events("date: 2023-06-01\n\nChinese Vice Premier Ding Xuexiang met with the French President in Paris on Wednesday.").is_empty());
        // With a British side it is.
        assert_eq!(
            events("date: 2023-06-01\n\nChinese Vice Premier Ding Xuexiang met with British officials in Paris on Wednesday.").len(),
            1
        );
    }

    #[test]
    fn a_visit_told_on_with_its_visitor_s_own_words_is_one_event() {
        let found = events(
            "date: 2024-08-15\n\nLe secrétaire britannique à l'Énergie, Ed Miliband, s'est rendu à Pékin du 13 au 15 août.\n\nLors de sa visite, il a rencontré le ministre chinois de l'Écologie, Huang Runqiu.\n\nC'est la première visite d'un ministre britannique de l'Énergie en Chine depuis 2017.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].evidence.len(), 3);
        assert!(found[0].actors.iter().any(|a| a.name == "Huang Runqiu"));
        let found = events(
            "date: 2024-08-15\n\nEd Miliband travelled to Beijing on Tuesday.\n\nDuring his visit he met Chinese officials. It was the first visit by a British energy secretary to China since 2017.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn a_joint_research_centre_is_a_joint_venture_in_german_and_french() {
        for text in [
            "date: 2024-09-02\n\nDie Universität Oxford und die Tsinghua-Universität haben am Freitag ein gemeinsames Forschungszentrum eröffnet.",
            "date: 2024-09-02\n\nDas gemeinsame Labor der Universität Oxford und der Tsinghua-Universität wurde am Freitag eröffnet.",
            "date: 2024-09-02\n\nL'Université d'Oxford et l'Université Tsinghua ont inauguré vendredi un laboratoire conjoint.",
        ] {
            let found = events(text);
            assert_eq!(found.first().map(|e| e.kind), Some(EventKind::JointVenture), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_visit_abroad_is_not_where_the_home_paper_files_from() {
        let found = events("date: 2025-04-15\n\n人民网成都4月15日电 四川省副省长左永祥率四川省代表团于4月10日至13日访问英国威尔士。\n\n访问期间，代表团在卡迪夫出席了推介会。");
        let visit = &found[0];
        assert!(
            !visit.places.iter().any(|p| p.canonical == "Chengdu"),
            "{:?}",
            visit.places
        );
        assert!(
            visit
                .places
                .iter()
                .any(|p| p.canonical == "Cardiff" && p.role == PlaceRole::Venue),
            "{:?}",
            visit.places
        );
        // A visit to the dateline's country still happens there.
        let found = events("date: 2025-04-15\n\n新华社成都4月15日电 英国威尔士政府代表团4月14日访问中国。");
        assert_eq!(found[0].places[0].canonical, "Chengdu", "{:?}", found[0].places);
    }

    #[test]
    fn a_speaker_named_by_surname_is_the_person_named_in_full_before() {
        let found = events(
            "date: 2024-03-14\n\nThe agreement was signed in Hangzhou on 12 March by Professor Sir Peter Mathieson, Principal of the University of Edinburgh.\n\nBoth universities will invest a combined £10 million in the institute. Professor Mathieson said: \"This builds on a decade of work.\"",
        );
        let investment = found.iter().find(|e| !e.figures.is_empty()).expect("the investment");
        assert!(
            investment.actors.iter().all(|a| a.name != "Mathieson"),
            "{:?}",
            investment.actors
        );
        let mathieson = investment
            .actors
            .iter()
            .find(|a| a.name == "Sir Peter Mathieson")
            .expect("the speaker, named in full");
        assert_eq!(mathieson.actor_type, ActorType::Person);
    }

    #[test]
    fn a_person_named_after_a_title_is_no_place_though_a_town_has_the_name() {
        let found =
            events("date: 2024-12-10\n\n12月9日，王文涛在伦敦会见了英格兰银行行长贝利，并出席了中英企业家座谈会。");
        let meeting = &found[0];
        assert!(meeting.actors.iter().any(|a| a.name == "贝利"), "{meeting:?}");
        assert!(!meeting.places.iter().any(|p| p.name == "贝利"), "{meeting:?}");
        assert_eq!(meeting.places[0].canonical, "London", "{meeting:?}");
    }

    #[test]
    fn a_chinese_visit_s_venue_a_mayor_s_name_and_a_chancellor_s_title() {
        let found = events("date: 2023-05-20\n\n5月18日，英国驻广州总领事魏飞德一行到访佛山，市长白涛会见了客人。");
        let visit = &found[0];
        assert_eq!(visit.places[0].canonical, "Foshan", "{visit:?}");
        assert_eq!(visit.places[0].role, PlaceRole::Venue);
        assert!(!visit.places.iter().any(|p| p.name == "长白"), "{visit:?}");
        let found = events("date 2017-12-16\n\nVice Premier Ma Kai and British Chancellor of the Exchequer Philip Hammond co-chaired the China-UK Economic and Financial Dialogue in Beijing on Saturday.");
        let hammond = found[0]
            .actors
            .iter()
            .find(|a| a.name == "Philip Hammond")
            .expect("Philip Hammond");
        assert_eq!(hammond.role.as_deref(), Some("Chancellor of the Exchequer"));
    }

    #[test]
    fn kinds_named_only_in_the_plural_with_nothing_specific_are_no_event() {
        assert!(events("date: 2021-03-01\n\nThe pandemic has disrupted visits and conferences, and most exchanges have moved online.").is_empty());
        assert_eq!(
            events("date: 2021-03-01\n\nThe pandemic has disrupted visits to Shanghai this year.").len(),
            1
        );
    }

    #[test]
    fn the_company_is_the_one_the_sentence_before_names_and_a_meeting_with_someone_is_a_visit() {
        let found = events("date: 2024-05-08\n\nDer chinesische Autobauer BYD will in Großbritannien ein Werk bauen. Das Unternehmen plant Investitionen in Höhe von 1,5 Milliarden Euro, wie es am Dienstag in London mitteilte.\n\nIm März hatte Premierminister Rishi Sunak bei einem Treffen mit Chinas Vizepremier He Lifeng in Peking über Handelsfragen gesprochen.");
        let kinds = kinds_of(&found);
        assert_eq!(kinds, [EventKind::Investment, EventKind::Visit], "{found:?}");
        let names = |e: &Event| e.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&found[0]), ["BYD"]);
        assert_eq!(names(&found[1]), ["Rishi Sunak", "He Lifeng"]);
    }

    #[test]
    fn a_takeover_priced_in_the_next_sentence_is_one_investment_with_its_figure() {
        let found = events("date: 2024-11-05\n\nDer Staatskonzern Sinopec übernimmt die britische Firma North Sea Tankers aus Aberdeen. Der Kaufpreis liegt bei 80 Millionen Pfund, wie beide Unternehmen mitteilten.");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind, EventKind::Investment);
        assert_eq!(found[0].evidence.len(), 2);
        assert_eq!(found[0].figures[0].value, 80_000_000.0);
        let names: Vec<&str> = found[0].actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Sinopec", "North Sea Tankers"]);
        // A sum the next sentence gives of something else is no price.
        let found = events("date: 2024-11-05\n\nThe group also bought a warehouse in Leeds from a Chinese logistics firm. The site employs 300 people and had sales of £40 million last year.");
        assert!(found.iter().all(|e| e.kind != EventKind::Investment), "{found:#?}");
    }

    #[test]
    fn a_visit_last_week_takes_no_day_from_the_sentence_before_and_a_trip_planned_is_a_visit() {
        let found = events("date: 2024-11-05\n\nDer Minister begrüßte die Pläne am Montag in London.\n\nVergangene Woche hatte eine Delegation der Provinz Guangdong Edinburgh besucht.\n\nThe business secretary said he would travel to China later this year.");
        let kinds = kinds_of(&found);
        assert_eq!(kinds, [EventKind::Visit, EventKind::Visit], "{found:#?}");
        assert_ne!(found[0].date.map(|d| d.to_string()).as_deref(), Some("2024-11-04"));
        assert!(
            found[1].planned && found[1].date.is_some_and(|d| d.year_number() == 2024),
            "{found:#?}"
        );
    }

    #[test]
    fn a_story_told_separately_lends_no_one_and_a_sum_is_no_actor() {
        let found = events("date: 2024-09-03\n\nThe Hong Kong University of Science and Technology and the University of Glasgow on Monday launched a joint laboratory, backed by HK$50 million in funding.\n\nThe lab was opened by HKUST president Nancy Ip and Glasgow's vice-chancellor Sir Anton Muscatelli.\n\nSeparately, a trade delegation led by Scotland's first minister John Swinney will visit Shenzhen next month.");
        assert_eq!(found.len(), 2, "{found:#?}");
        let names = |e: &Event| e.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
        assert!(
            !names(&found[0]).iter().any(|n| n.contains("HK$")),
            "{:?}",
            names(&found[0])
        );
        assert!(
            names(&found[0]).contains(&"Nancy Ip".to_string()),
            "{:?}",
            names(&found[0])
        );
        assert_eq!(names(&found[1]), ["John Swinney"]);
    }

    #[test]
    fn a_person_named_with_a_role_once_is_a_person_in_every_event() {
        let found = events("date: 2025-01-12\n\nLa chancelière de l'Échiquier britannique, Rachel Reeves, s'est rendue samedi à Pékin.\n\nLes deux parties ont signé des accords d'une valeur de 600 millions de livres, a indiqué Rachel Reeves.");
        let reeves: Vec<&Actor> = found
            .iter()
            .flat_map(|e| &e.actors)
            .filter(|a| a.name == "Rachel Reeves")
            .collect();
        assert!(reeves.len() >= 2, "{found:#?}");
        assert!(
            reeves
                .iter()
                .all(|a| a.actor_type == ActorType::Person && a.country == Some(Side::Uk)),
            "{reeves:#?}"
        );
    }

    #[test]
    fn a_meeting_told_by_a_pluperfect_or_a_participle_is_an_event() {
        let found = events("date: 2024-06-14\nlang: fr\n\nLe ministre britannique du Commerce s'était entretenu lundi à Londres avec le vice-Premier ministre chinois.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, EventKind::Visit);
        assert_eq!(found[0].date.map(|d| d.to_string()).as_deref(), Some("2024-06-10"));
        let found = events("date: 2024-06-14\nlang: de\n\nDer britische Handelsminister ist am Dienstag in Peking mit dem chinesischen Vizepremier zusammengekommen.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, EventKind::Visit);
        assert_eq!(found[0].date.map(|d| d.to_string()).as_deref(), Some("2024-06-11"));
    }

    #[test]
    fn a_signing_after_the_dialogue_is_dated_by_it_and_the_dialogue_told_again_is_no_new_event() {
        let found = events("date: 2025-06-20\n\nChinese Vice Premier Ding Xuexiang and British Business Secretary Peter Kyle co-chaired the China-UK Trade Dialogue in London on Thursday.\n\nImports of solar panels reached 2 billion U.S. dollars in 2024.\n\nAfter the dialogue, the two sides signed a memorandum of understanding on green trade.\n\nThe dialogue was the first of its kind since 2018.");
        let kinds = kinds_of(&found);
        assert_eq!(
            kinds,
            [EventKind::Summit, EventKind::TradeFigure, EventKind::Agreement],
            "{found:?}"
        );
        let signing = &found[2];
        assert_eq!(signing.date.map(|d| d.to_string()).as_deref(), Some("2025-06-19"));
        assert!(
            signing
                .places
                .iter()
                .any(|p| p.name == "London" && p.role == PlaceRole::Venue),
            "{signing:?}"
        );
        assert_eq!(found[0].evidence.len(), 2, "{:?}", found[0].evidence);
    }

    #[test]
    fn a_visit_told_inside_a_gathering_s_sentence_is_pointed_back_to_not_told_again() {
        let found = events("date: 2025-05-22\n\n財政司司長本月十九日率領代表團訪問英國倫敦，出席金融服務論壇。\n\n訪問期間，香港金融管理局與英倫銀行簽署了諒解備忘錄。");
        assert!(!found.iter().any(|e| e.kind == EventKind::Visit), "{found:?}");
        assert!(found.iter().any(|e| e.kind == EventKind::Agreement), "{found:?}");
        // The city after its country is where the gathering was.
        assert!(
            found[0]
                .places
                .iter()
                .any(|p| p.name == "倫敦" && p.role == PlaceRole::Venue),
            "{found:?}"
        );
    }

    #[test]
    fn a_city_a_delegation_will_visit_is_the_venue() {
        let found = events("date: 2025-05-22\n\nA Welsh trade delegation will visit Chongqing next month.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .places
                .iter()
                .any(|p| p.name == "Chongqing" && p.role == PlaceRole::Venue),
            "{found:?}"
        );
    }

    #[test]
    fn a_university_named_after_its_city_visited_puts_the_visit_in_that_city() {
        let found =
            events("date: 2025-05-22\n\nA delegation from Sichuan University visited Cardiff University on Monday.");
        let visit = found.iter().find(|e| e.kind == EventKind::Visit).expect("the visit");
        assert!(is_venue(visit, "Cardiff"), "{visit:?}");
        // The university the delegation comes from stays an origin.
        assert!(!is_venue(visit, "Sichuan"), "{visit:?}");
    }

    fn is_venue(event: &Event, name: &str) -> bool {
        event
            .places
            .iter()
            .any(|p| p.name == name && p.role == PlaceRole::Venue)
    }

    #[test]
    fn a_park_named_with_capitals_that_a_delegation_visits_is_no_venture() {
        let found = events("date: 2025-10-02\n\nThe delegation, led by Wuhan Vice Mayor Chen Xiaoping, also visited the University of Bristol and the Bristol and Bath Science Park on Tuesday.");
        assert_eq!(found.first().map(|e| e.kind), Some(EventKind::Visit), "{found:?}");
        // Founded, it is one.
        let found =
            events("date: 2025-10-02\n\nThe two universities launched the Bristol-Wuhan Science Park on Tuesday.");
        assert_eq!(
            found.first().map(|e| e.kind),
            Some(EventKind::JointVenture),
            "{found:?}"
        );
    }

    #[test]
    fn a_delegation_met_as_the_party_already_told_of_is_the_same_visit() {
        let found = events("date: 2025-05-16\n\n5月14日至15日，英国伯明翰市市长率领代表团访问成都。\n\n成都市副市长刘玉泉会见了代表团一行。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].evidence.len(), 2, "{:?}", found[0].evidence);
    }

    #[test]
    fn a_host_named_after_its_place_receives_its_guests_there() {
        let found = events("date: 2025-10-02\n\nBristol City Council welcomed a delegation from its sister city Wuhan on Monday 29 September.");
        let visit = found.iter().find(|e| e.kind == EventKind::Visit).expect("the visit");
        assert!(is_venue(visit, "Bristol"), "{visit:?}");
    }

    #[test]
    fn a_trip_still_to_come_is_lent_no_date_of_the_past() {
        let found = events("date: 2024-10-16\n\nThe two universities first signed a cooperation agreement in 2011. A delegation from Bristol is expected to visit Wuhan in due course.");
        let trip = found.iter().find(|e| e.kind == EventKind::Visit).expect("the trip");
        assert!(trip.planned && trip.date.is_none(), "{trip:?}");
        let found = events("date: 2025-06-05\n\nSHANGHAI, June 4 (Xinhua) -- A British trade delegation will visit Chongqing and Chengdu, the consulate said.");
        assert!(found[0].planned && found[0].date.is_none(), "{:?}", found[0]);
        // A story with no date of publication: the trip's "later this year" cannot be read.
        let found = events("Press release\nUK and China agree to boost trade\nTrade Secretary Jane Doe has today (Monday 24 March 2025) met Chinese Commerce Minister Wang Wentao in London to co-chair the UK-China Joint Economic and Trade Commission.\nThe talks secured agreements worth £1 billion.\nThe Secretary of State will travel to Shenzhen later this year to lead a trade mission.");
        let trip = found.iter().find(|e| e.planned).expect("the trip");
        assert!(trip.date.is_none_or(|d| d.day_number().is_none()), "{trip:?}");
    }

    #[test]
    fn the_graduation_of_a_joint_college_s_students_is_education() {
        let found =
            events("date: 2025-07-02\n\n7月1日，西安某大学与英国某大学共建的学院首届毕业生毕业典礼在西安举行。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, EventKind::Education);
    }
}
