//! Reading one sentence: what it names, and whether it states an event at all.

use super::*;
use crate::actors::{both_sides, BOTH_COUNTRIES, BOTH_GOVERNMENTS};
use crate::date_expr::{date_clues, is_date_word_char, ClueEdge, Resolution};
use crate::language::find_str;
use crate::lexicon::{Occurrences, Scanner};
use crate::money::{may_hold_two_figures, MONEY_CLUES};
use crate::segment::char_offsets;
use std::sync::OnceLock;
/// Kinds in the order they win when one sentence has cues of several: the most specific
/// outcome first (a signing at a summit is an agreement).
pub(super) const KIND_PRIORITY: [EventKind; 9] = [
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
pub(super) const HEADLINE_CHARS: usize = 100;

/// What one sentence says.
pub(super) struct Reading<'g> {
    pub(super) sentence: Sentence,
    /// Where the sentence's own statement starts (after a dateline).
    pub(super) start: usize,
    pub(super) kind: Option<EventKind>,
    pub(super) cues: Vec<CueMatch>,
    pub(super) places: Vec<NameMatch<'g>>,
    pub(super) dates: Vec<DateMention>,
    pub(super) figures: Vec<MoneyFigure>,
    /// Read only where they are used: in event sentences and sentences naming someone by role.
    pub(super) actors: Vec<Actor>,
    /// How the sentence relates to others, read once.
    pub(super) signals: Signals,
}

/// What a sentence says about its place in the story, read in one scan of it.
#[derive(Debug, Clone, Default)]
pub(super) struct Signals {
    /// It points back to an event already told ([`BACK_REFERENCES`]).
    pub(super) refers_back: bool,
    /// It lists who takes part ([`LISTING`]).
    pub(super) lists_participants: bool,
    /// One party meets another ([`MEETING_WORDS`]).
    pub(super) meeting: bool,
    /// It opens with the future ([`FUTURE_LEADS`]).
    pub(super) future: bool,
    /// A trip or an attendance told as still to come ([`PLANNED_TRIPS`]).
    pub(super) planned_trip: bool,
    /// It names a third party as a word ([`THIRD_PARTY_WORDS`]).
    pub(super) third_party: bool,
    /// Where each word of hope ends ([`WISH_WORDS`]), relative to the sentence.
    pub(super) wish_ends: Vec<usize>,
    /// It names both states: `Some(true)` as governments, `Some(false)` as countries.
    pub(super) both_sides: Option<bool>,
    /// It counts in thousands or millions ([`COUNT_WORDS`]): a statistic.
    pub(super) counts: bool,
    /// It places its event vaguely in time ([`VAGUE_TIMES`]): no date may be lent to it.
    pub(super) vague_time: bool,
    /// Its every date stands in the clause that says who told it ([`in_attribution`]): the day
    /// of the statement, not of the deed.
    pub(super) dated_by_statement: bool,
    /// It adds a like fact beside the one just told ([`ALSO_WORDS`]).
    pub(super) also: bool,
    /// It holds what every date starts at ([`date_clues`]); a sentence without may be passed
    /// over by the date reader.
    pub(super) may_hold_date: bool,
    /// It holds what every currency's name or sign holds ([`MONEY_CLUES`]); a sentence without
    /// holds no figure.
    pub(super) may_hold_money: bool,
    /// It holds one of [`ATTRIBUTION_VERBS`] (in any ASCII case, perhaps inside a word): only
    /// then may a date of it be the day of a statement ([`in_attribution`]).
    pub(super) names_a_statement: bool,
}

/// Which list a signal phrase comes from.
#[derive(Debug, Clone, Copy)]
enum Signal {
    RefersBack,
    Listing,
    Meeting,
    Future,
    PlannedTrip,
    ThirdParty,
    Wish,
    BothGovernments,
    BothCountries,
    Count,
    VagueTime,
    Also,
    DateClue(ClueEdge),
    MoneyClue,
    Statement,
}

impl Signals {
    /// The cues of `sentence` and its signals, read in one scan (see [`Scanner`]).
    /// `occurrences`: a buffer kept from one sentence to the next.
    pub(super) fn read_with_cues(sentence: &str, occurrences: &mut Occurrences) -> (Vec<CueMatch>, Signals) {
        static SCANNER: OnceLock<(Scanner, Vec<Signal>)> = OnceLock::new();
        let (scanner, signal_of) = SCANNER.get_or_init(|| {
            let lists = [
                (BACK_REFERENCES, Signal::RefersBack),
                (LISTING, Signal::Listing),
                (MEETING_WORDS, Signal::Meeting),
                (FUTURE_LEADS, Signal::Future),
                (PLANNED_TRIPS, Signal::PlannedTrip),
                (THIRD_PARTY_WORDS, Signal::ThirdParty),
                (WISH_WORDS, Signal::Wish),
                (BOTH_GOVERNMENTS, Signal::BothGovernments),
                (BOTH_COUNTRIES, Signal::BothCountries),
                (COUNT_WORDS, Signal::Count),
                (VAGUE_TIMES, Signal::VagueTime),
                (ALSO_WORDS, Signal::Also),
            ];
            let clues = date_clues();
            let (phrases, signals): (Vec<&str>, Vec<Signal>) = lists
                .iter()
                .flat_map(|&(phrases, signal)| phrases.iter().map(move |&p| (p, signal)))
                .chain(
                    clues
                        .iter()
                        .map(|(clue, edge)| (clue.as_str(), Signal::DateClue(*edge))),
                )
                .chain(MONEY_CLUES.iter().map(|&clue| (clue, Signal::MoneyClue)))
                .chain(ATTRIBUTION_VERBS.iter().map(|&verb| (verb, Signal::Statement)))
                .unzip();
            (Scanner::new(&phrases), signals)
        });
        let lead = sentence.len() - sentence.trim_start().len();
        let is_word = |start: usize, end: usize| {
            !sentence[..start].chars().next_back().is_some_and(char::is_alphabetic)
                && !sentence[end..].chars().next().is_some_and(char::is_alphabetic)
        };
        let mut signals = Signals::default();
        // Each occurrence sets a flag or adds a place: the order they come in does not matter.
        let cues = scanner.scan(sentence, occurrences, |phrase, start, end| match signal_of[phrase] {
            Signal::RefersBack => signals.refers_back = true,
            Signal::Listing => signals.lists_participants = true,
            Signal::Meeting => signals.meeting = true,
            Signal::Future => signals.future |= start == lead,
            Signal::PlannedTrip => signals.planned_trip |= is_word(start, end),
            Signal::ThirdParty => signals.third_party |= is_word(start, end),
            Signal::Wish => signals.wish_ends.push(end),
            Signal::BothGovernments => signals.both_sides = Some(true),
            Signal::BothCountries => signals.both_sides = signals.both_sides.or(Some(false)),
            Signal::Count => signals.counts = true,
            Signal::VagueTime => signals.vague_time = true,
            Signal::Also => signals.also |= is_word(start, end),
            Signal::DateClue(edge) => {
                signals.may_hold_date |= match edge {
                    ClueEdge::Anywhere => true,
                    ClueEdge::StartsWord => !sentence[..start].chars().next_back().is_some_and(is_date_word_char),
                    ClueEdge::WholeWord => {
                        !sentence[..start].chars().next_back().is_some_and(is_date_word_char)
                            && !sentence[end..].chars().next().is_some_and(is_date_word_char)
                    }
                }
            }
            Signal::MoneyClue => signals.may_hold_money = true,
            Signal::Statement => signals.names_a_statement = true,
        });
        (cues, signals)
    }
}

pub(super) fn has_role(cues: &[CueMatch]) -> bool {
    cues.iter().any(|c| c.cue == Cue::Role)
}

/// "Shell also secured contracts": another fact of the same sort, not more of the last one.
const ALSO_WORDS: &[&str] = &[
    "also",
    "as well",
    "auch",
    "ebenfalls",
    "zudem",
    "aussi",
    "également",
    "de même",
];

/// "The partnership includes organisations such as …": a sentence that lists who takes part.
const LISTING: &[&str] = &[
    "includes",
    "including",
    "such as",
    "together with",
    "along with",
    "darunter",
    "wie etwa",
    "dont",
    "notamment",
    "包括",
    "以及",
    "等出席",
    "出席",
];

/// Reads every sentence of the story: its cues, figures, places, dates and, where they matter,
/// actors.
pub(super) fn read_sentences<'g>(
    doc: &Document,
    body: &[Sentence],
    dateline: Option<&Dateline>,
    gazetteer: &'g Gazetteer,
) -> Vec<Reading<'g>> {
    let text = doc.text.as_str();
    let reference = dateline.and_then(|d| d.date).or(doc.published);
    let year = reference.map(|d| d.year_number());
    // One reader for the whole story: `7日晚` after `6月7日—8日` means June.
    let mut date_reader = DateReader::new(reference, doc.lang);
    // The dateline's city and date are the story's, not actors or event dates.
    let own = |sentence: &Sentence| match dateline {
        Some(d) if (sentence.start..sentence.end).contains(&d.story_start) => d.story_start,
        _ => sentence.start,
    };
    // Each large automaton reads every sentence in turn, rather than each sentence going
    // through every automaton: one table at a time stays in the processor's cache.
    let mut occurrences = Occurrences::default();
    let all_cues: Vec<(Vec<CueMatch>, Signals)> = body
        .iter()
        .map(|s| Signals::read_with_cues(&text[own(s)..s.end], &mut occurrences))
        .collect();
    let all_places: Vec<Vec<NameMatch>> = body.iter().map(|s| gazetteer.find(&text[own(s)..s.end])).collect();
    // Likewise each reader of figures and dates: their code, too, is more than the processor's
    // instruction cache holds beside the rest.
    let all_figures: Vec<Vec<MoneyFigure>> = body
        .iter()
        .zip(&all_cues)
        .map(|(s, (_, signals))| {
            if !signals.may_hold_money {
                return Vec::new();
            }
            let start = own(s);
            let mut figures = find_money(&text[start..s.end], year);
            for f in &mut figures {
                f.start += start;
                f.end += start;
            }
            figures
        })
        .collect();
    // The reader keeps nothing from a sentence without dates, unless it counts its words to
    // tell the language.
    let may_skip = doc.lang != Language::Undetermined;
    let all_dates: Vec<Vec<DateMention>> = body
        .iter()
        .zip(&all_cues)
        .map(|(s, (_, signals))| {
            if may_skip && !signals.may_hold_date {
                return Vec::new();
            }
            let start = own(s);
            let slice = &text[start..s.end];
            let mut dates = date_reader.find(slice);
            // `the first dialogue since 2019`: where a period starts is not when the event was.
            dates.retain(|d| !opens_a_period(slice, d.start, d.end));
            // "… will lead a trade mission to China, the department announced today": the day
            // a trip to come was announced is not the trip's.
            if signals.planned_trip && signals.names_a_statement {
                dates.retain(|d| !in_attribution(slice, d.start, d.end));
            }
            // `has today (Monday 24 March 2025) met`: the date in brackets says which day.
            if let [said, spelled_out, ..] = &dates[..] {
                if matches!(slice[said.end..spelled_out.start].trim(), "(" | "（")
                    && spelled_out.resolution == Resolution::Absolute
                {
                    dates.remove(0);
                }
            }
            for d in &mut dates {
                d.start += start;
                d.end += start;
            }
            dates
        })
        .collect();
    // The cues that can state an event, for one sentence at a time: one buffer for all.
    let mut own_cues: Vec<CueMatch> = Vec::new();
    let mut readings: Vec<Reading> = body
        .iter()
        .zip(all_cues.into_iter().zip(all_places))
        .zip(all_figures.into_iter().zip(all_dates))
        .map(|((&sentence, ((cues, mut signals), places)), (figures, dates))| {
            let start = own(&sentence);
            let slice = &text[start..sentence.end];
            let cues = shift(cues, start);
            // `U.S. dollars` names a currency, not a place.
            let mut places: Vec<NameMatch> = places
                .into_iter()
                .map(|m| NameMatch {
                    start: m.start + start,
                    end: m.end + start,
                    ..m
                })
                .filter(|m| !figures.iter().any(|f| f.start < m.end && m.start < f.end))
                .collect();
            if doc.lang == crate::language::Language::German {
                places.extend(city_adjectives(slice, gazetteer).into_iter().map(|m| NameMatch {
                    start: m.start + start,
                    end: m.end + start,
                    ..m
                }));
                places.sort_by_key(|m| m.start);
            }
            signals.dated_by_statement = signals.names_a_statement
                && !dates.is_empty()
                && dates
                    .iter()
                    .all(|d| in_attribution(slice, d.start - start, d.end - start));
            let quoted = narration_after_quote(slice);
            event_cues(slice, &cues, start, &signals, quoted, &mut own_cues);
            let kind = kind_of(&own_cues, !figures.is_empty())
                .filter(|_| !is_third_party(&signals, &cues, &places, gazetteer))
                .filter(|_| !only_generic_plurals(text, &own_cues, &places, &dates, &figures));
            // A deed a speaker reports as done ("已经启动") happened some time before: no date
            // may be lent to it.
            if let Some(narration) = quoted.map(|at| start + at) {
                signals.vague_time |= kind.is_some()
                    && !own_cues
                        .iter()
                        .any(|c| matches!(c.cue, Cue::Kind(_)) && c.start >= narration);
            }
            Reading {
                sentence,
                start,
                kind,
                cues,
                places,
                dates,
                figures,
                actors: Vec::new(),
                signals,
            }
        })
        .collect();
    priced_in_next_sentence(text, &mut readings, gazetteer);
    // The actors last, for all sentences in turn, for the same reason.
    for reading in &mut readings {
        let Reading {
            sentence,
            start,
            kind,
            cues,
            places,
            signals,
            ..
        } = reading;
        if kind.is_some() || has_role(cues) || signals.lists_participants {
            let mut actors = find_actors(text, *start, sentence.end, cues, places, gazetteer, doc.lang);
            actors.extend(signals.both_sides.map(both_sides).into_iter().flatten());
            // `HK$50 million`: a sum is no one.
            actors.retain(|a| !reading.figures.iter().any(|f| contains_str(&f.text, &a.name)));
            drop_places_inside_names(places, &actors, &text[*start..sentence.end], *start);
            reading.actors = actors;
        }
    }
    readings
}

/// The date at `start..end` of `sentence` is where a period begins: `since 2019`, `seit
/// 2019`, `depuis 2019`, `2019年以来`.
fn opens_a_period(sentence: &str, start: usize, end: usize) -> bool {
    const SINCE: [&str; 3] = ["since", "seit", "depuis"];
    let before = sentence[..start].trim_end();
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    SINCE.iter().any(|since| word.eq_ignore_ascii_case(since))
        || sentence[end..].starts_with("以来")
        || sentence[end..].starts_with("以來")
}

/// "The pandemic has disrupted visits and conferences": kinds named only in the plural, with no
/// place, date or figure, speak of such events in general, not of one.
fn only_generic_plurals(
    text: &str,
    cues: &[CueMatch],
    places: &[NameMatch],
    dates: &[DateMention],
    figures: &[MoneyFigure],
) -> bool {
    let mut kinds = cues.iter().filter(|c| matches!(c.cue, Cue::Kind(_))).peekable();
    kinds.peek().is_some()
        && places.is_empty()
        && dates.is_empty()
        && figures.is_empty()
        && kinds.all(|c| {
            let word = text[c.start..]
                .split(|ch: char| !ch.is_alphabetic())
                .next()
                .unwrap_or("");
            word.is_ascii() && word.len() > 3 && word.ends_with('s') && !word.ends_with("ss")
        })
}

/// "die Londoner Börse", "Hamburger Hafen": German names a city's thing with the city's name
/// and `-er`; the match covers the city's name.
fn city_adjectives<'g>(sentence: &str, gazetteer: &'g Gazetteer) -> Vec<NameMatch<'g>> {
    sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| word.len() > 5 && word.ends_with("er") && word.starts_with(char::is_uppercase))
        .filter_map(|word| {
            let stem = &word[..word.len() - 2];
            let candidates = gazetteer.lookup(stem);
            let at = word.as_ptr() as usize - sentence.as_ptr() as usize;
            candidates
                .iter()
                .any(|&i| gazetteer.place(i).level == PlaceLevel::City)
                .then_some(NameMatch {
                    start: at,
                    end: at + stem.len(),
                    candidates,
                })
        })
        .collect()
}

/// "Minister Gao Hucheng", "副市长刘桂平": a place name that is part of a person's name
/// (`Hucheng`, `桂平`) names no place of the event.
fn drop_places_inside_names(places: &mut Vec<NameMatch>, actors: &[Actor], slice: &str, start: usize) {
    // Each place a person's name is written, and whether its role stands just before it.
    let name_spans: Vec<(usize, usize, bool)> = actors
        .iter()
        .filter(|a| a.actor_type == ActorType::Person && !a.name.is_empty())
        .flat_map(|a| {
            // `match_indices`, without setting up a searcher for each name.
            let name = a.name.as_str();
            let role = a.role.as_deref().filter(|r| !r.is_empty());
            let mut from = 0;
            std::iter::from_fn(move || {
                let at = from + find_str(&slice[from..], name)?;
                from = at + name.len();
                let titled = role.is_some_and(|r| slice[..at].trim_end().ends_with(r));
                Some((start + at, start + from, titled))
            })
        })
        .collect();
    // Inside or across its edge (`长白` of `市长白涛`); but a name that is all place (`天津`
    // read before `市长`) is the place, unless its title comes first (`英格兰银行行长贝利`:
    // a person, whom a town's name in the gazetteer does not make a place).
    places.retain(|p| {
        !name_spans
            .iter()
            .any(|&(from, to, titled)| p.start < to && from < p.end && (titled || !(p.start <= from && to <= p.end)))
    });
}

/// Words for one party meeting another (`met with`, `trafen sich mit`, `会见`).
const MEETING_WORDS: &[&str] = &[
    "met with",
    "meets with",
    "meeting with",
    "held talks",
    "trafen sich",
    "traf sich",
    "a rencontré",
    "s'est entretenu",
    "会见",
    "會見",
    "会晤",
    "會晤",
    "会面",
    "會面",
    "拜会",
    "拜會",
];

/// A sentence that opens with the future (`今后`, `In the future`, `Künftig`) states a plan.
const FUTURE_LEADS: &[&str] = &[
    "in the future",
    "in future",
    "going forward",
    "künftig",
    "in zukunft",
    "à l'avenir",
    "À l'avenir",
    "dans le futur",
    "今后",
    "今後",
    "未来",
    "未來",
    "将来",
    "將來",
];

/// A trip or an attendance still to come, told by its verb (`is expected to visit`, `se
/// rendra`, `将前往`): with no date of its own, the sentence takes none from the story's
/// time (its dateline, the sentence before, the month of publication).
const PLANNED_TRIPS: &[&str] = &[
    "will visit",
    "will travel to",
    "will attend",
    "will co-chair",
    "expected to visit",
    "expected to travel",
    "expected to attend",
    "due to visit",
    "due to travel",
    "due to attend",
    "scheduled to visit",
    "scheduled to travel",
    "scheduled to attend",
    "set to visit",
    "set to travel",
    // Leading a delegation or a mission still to come.
    "will lead",
    "is to lead",
    "due to lead",
    "set to lead",
    // A German infinitive after `will`, `soll`, `wird`, last in its clause (`soll … nach Peking
    // reisen.`, `an der Sitzung teilnehmen.`): only a plan or a wish puts the verb there.
    "reisen.",
    "reisen,",
    "teilnehmen.",
    "teilnehmen,",
    "doit se rendre",
    "devrait se rendre",
    "se rendra",
    "se rendront",
    "participera",
    "visitera",
    "将访问",
    "將訪問",
    "将前往",
    "將前往",
    "将赴",
    "將赴",
    "将出席",
    "將出席",
];

/// Words that point back to an event already told (`the delegation`, `die Veranstaltung`,
/// `此次`), so a sentence with them adds to that event rather than starting one.
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
    "ce sommet",
    "le sommet",
    "ce forum",
    "cette rencontre",
    "cette visite",
    "cette conférence",
    "der gipfel",
    "dem gipfel",
    "des gipfels",
    "this summit",
    "this forum",
    "this visit",
    // "After the dialogue, the two sides signed …", "The dialogue was the first …". Not `le
    // dialogue` nor `der Dialog`: French and German name a dialogue by words after the noun
    // (`relancer le dialogue économique et financier`), so they would point back from its
    // first mention.
    "the dialogue",
    "this dialogue",
    "ce dialogue",
    // The visitor's own: "Lors de sa visite, il a rencontré …", "During his visit he met …".
    "his visit",
    "her visit",
    "their visit",
    "his trip",
    "her trip",
    "sa visite",
    "son voyage",
    "son déplacement",
    "seines besuchs",
    "seinem besuch",
    "ihres besuchs",
    "ihrem besuch",
    // What the story just told, counted: "It was the first visit by … since 2017".
    "it was the first",
    "it is the first",
    "this is the first",
    "c'est la première",
    "c'est le premier",
    "il s'agit de la première",
    "il s'agit du premier",
    "es ist der erste",
    "es war der erste",
    "es ist die erste",
    "es war die erste",
    "此次",
    "本次",
    "此行",
    "期间",
    "期間",
    "会上",
    "會上",
    // "the delegation and its party": met after it arrived, a delegation already told of.
    "代表团一行",
    "代表團一行",
    "活动中",
    "活動中",
    "仪式上",
    "儀式上",
    "the ceremony",
    "the agreement",
    "the deal",
    "das abkommen",
    "dem abkommen",
    "die vereinbarung",
    "der vereinbarung",
    "l'accord",
    "cet accord",
    "该协议",
    "該協議",
    "la cérémonie",
    "der zeremonie",
];

/// Words that say a sum is what something cost: `Der Kaufpreis liegt bei …`, `the price`.
const PRICE_WORDS: &[&str] = &[
    "price",
    "valued at",
    "value of",
    "preis",
    "wert von",
    "prix",
    "montant",
    "valoris",
    "价格",
    "價格",
    "金额",
    "金額",
    "作价",
    "作價",
    "对价",
    "對價",
];

/// "Mingyang übernimmt den britischen Zulieferer … Der Kaufpreis liegt bei 120 Millionen
/// Pfund.": a purchase or investment with no sum of its own, followed in its paragraph by a
/// sentence that states nothing but what it cost (a price, or the deal pointed back to), is one
/// investment told in two sentences. Both are read as investments: the second continues the
/// first, which gets its figure.
fn priced_in_next_sentence(text: &str, readings: &mut [Reading], gazetteer: &Gazetteer) {
    for n in 1..readings.len() {
        let (before, after) = readings.split_at_mut(n);
        let (deal, price) = (&mut before[n - 1], &mut after[0]);
        let unpriced_investment = deal.kind.is_none()
            && deal.figures.is_empty()
            && kind_of(&deal.cues, true) == Some(EventKind::Investment)
            && !is_third_party(&deal.signals, &deal.cues, &deal.places, gazetteer);
        if !unpriced_investment
            || price.kind.is_some()
            || price.figures.is_empty()
            || price.sentence.paragraph != deal.sentence.paragraph
        {
            continue;
        }
        let names_price = || {
            let sentence = &text[price.start..price.sentence.end];
            PRICE_WORDS.iter().any(|w| contains_ignore_ascii_case(sentence, w))
        };
        if price.signals.refers_back || names_price() {
            deal.kind = Some(EventKind::Investment);
            price.kind = Some(EventKind::Investment);
        }
    }
}

/// The main kind of a sentence, if it states an event at all.
pub(super) fn kind_of(cues: &[CueMatch], has_figure: bool) -> Option<EventKind> {
    // The kinds named, as bits: the cues are read once, not once per kind.
    let kinds = cues.iter().fold(0u32, |kinds, c| match c.cue {
        Cue::Kind(kind) => kinds | 1 << kind as u32,
        _ => kinds,
    });
    let named = |kind: &EventKind| kinds & 1 << *kind as u32 != 0;
    let kind = KIND_PRIORITY.into_iter().find(named)?;
    match kind {
        // Trade and investment figures need a figure; without one the words are background.
        EventKind::TradeFigure | EventKind::Investment if !has_figure => KIND_PRIORITY.into_iter().skip(4).find(named),
        _ => Some(kind),
    }
}

/// Where the narrator's own words start in a sentence that is someone's words: `None` when the
/// sentence is not a quotation, else the byte offset after the quotation (the attribution,
/// `…," said Matthew Burney at the opening ceremony on May 14.`). A quotation reports a view;
/// only its attribution can state an event.
pub(super) fn narration_after_quote(sentence: &str) -> Option<usize> {
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
    // The last sentence of a quotation that began in an earlier one: `…注入了新活力。”`.
    let closes_earlier_quote = {
        let trimmed = sentence.trim_end();
        let curly = trimmed.ends_with(['”', '」', '』', '»']) && !sentence.contains(['“', '「', '『', '«']);
        let straight = trimmed.ends_with('"') && sentence.matches('"').count() % 2 == 1;
        curly || straight
    };
    // `… we've met," said Assheton Stewart Carter`: the end of a quotation and who said it.
    // Most sentences hold no closing quote: a byte search finds them, without decoding.
    let attribution = char_offsets(sentence, ['"', '”', '»', '」']).find_map(|(at, quote)| {
        let end = at + quote.len_utf8();
        let after = sentence[end..].trim_start();
        ATTRIBUTIONS.iter().any(|verb| after.starts_with(verb)).then_some(end)
    });
    match attribution {
        Some(at) => Some(at),
        None if opens_with_quote || closes_earlier_quote => Some(sentence.len()),
        None => None,
    }
}

/// Verbs that attribute a statement to its source: `the department announced`, `wie das
/// Ministerium mitteilte`, `a annoncé le ministère`, `宣布`.
const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "confirmed",
    "stated",
    "mitteilte",
    "mitgeteilt",
    "teilte",
    "sagte",
    "erklärte",
    "bekanntgab",
    "a annoncé",
    "a indiqué",
    "a déclaré",
    "a confirmé",
    "ont annoncé",
    "宣布",
    "表示",
    "透露",
];

/// Whether the date at `start..end` of `sentence` stands in a clause that attributes the
/// sentence to its source (`, the Treasury said on Wednesday`, `Wie das Ministerium am Mittwoch
/// mitteilte,`): the day of the statement.
fn in_attribution(sentence: &str, start: usize, end: usize) -> bool {
    const CLAUSE_ENDS: [char; 6] = [',', ';', '，', '；', '。', '.'];
    let from = sentence[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| CLAUSE_ENDS.contains(&c))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let to = sentence[end..].find(CLAUSE_ENDS).map_or(sentence.len(), |at| end + at);
    let clause = &sentence[from..to];
    ATTRIBUTION_VERBS.iter().any(|verb| {
        find_str(clause, verb).is_some_and(|at| {
            let before = clause[..at].chars().next_back();
            let after = clause[at + verb.len()..].chars().next();
            verb.chars().all(is_han)
                || (!before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic))
        })
    })
}

/// Words of hope or intent: a visit someone "looks forward to" has not happened.
const WISH_WORDS: &[&str] = &[
    "look forward to",
    "looks forward to",
    "looking forward to",
    "hope to",
    "hopes to",
    "freut sich darauf",
    "hofft",
    "espère",
    "期待",
    "希望",
    "愿意",
    "願意",
];

/// Auxiliaries of the perfect, just before the verb: "has launched", "已经启动", "ont signé"
/// (not French `a`, which is also the English article).
const PERFECT_MARKERS: &[&str] = &["has", "have", "已经", "已經", "已", "ont"];

fn is_han_marker(marker: &str) -> bool {
    marker.chars().all(is_han)
}

/// The cues that can state an event, outside quotations and not wished for, into `kept`
/// (cleared first). `quoted` is [`narration_after_quote`] of `slice`.
pub(super) fn event_cues(
    slice: &str,
    cues: &[CueMatch],
    offset: usize,
    signals: &Signals,
    quoted: Option<usize>,
    kept: &mut Vec<CueMatch>,
) {
    let narration = quoted.map_or(offset, |at| offset + at);
    // In an attribution, capitalised cues are the speaker's titles (`head of London Tech Week`).
    let in_a_title =
        |c: &CueMatch| quoted.is_some() && slice[c.start - offset..].chars().next().is_some_and(char::is_uppercase);
    let wishes = signals.wish_ends.iter().map(|end| offset + end);
    // "Two million reciprocal visits last year": visits counted in a statistic are not a visit.
    let counted_visits = |c: &CueMatch| {
        signals.counts && c.cue == Cue::Kind(EventKind::Visit) && {
            let rest = &slice[c.end - offset..];
            let tail = &rest[..rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())];
            tail.ends_with('s') || tail == "e"
        }
    };
    // "“英国国际贸易部已经启动了新的中国区域贸易计划”": a speaker reporting a done deed in the
    // perfect tells an event, where views and hopes tell none.
    let reported_done = |c: &CueMatch| {
        let before = slice[..c.start - offset].trim_end();
        matches!(c.cue, Cue::Kind(_))
            && PERFECT_MARKERS.iter().any(|m| {
                before
                    .strip_suffix(m)
                    .is_some_and(|b| is_han_marker(m) || b.ends_with(' '))
            })
    };
    // "also visited the University of Bristol and the Bristol and Bath Science Park": a park or
    // centre named with capitals stands already; as what a visit went to, it founds no venture.
    let visited_institution = |c: &CueMatch| {
        c.cue == Cue::Kind(EventKind::JointVenture)
            && slice[c.start - offset..].starts_with(char::is_uppercase)
            && cues.iter().any(|v| {
                v.cue == Cue::Kind(EventKind::Visit)
                    && v.end <= c.start
                    && !slice[v.end - offset..c.start - offset].contains([',', ';', '，', '；'])
            })
    };
    // "Chair of JETCO and UK Secretary of State …": a gathering named with capitals after a role
    // and `of` is what the role heads, a title, not an event told.
    let heads_of_it = |c: &CueMatch| {
        matches!(c.cue, Cue::Kind(_))
            && slice[c.start - offset..].starts_with(char::is_uppercase)
            && cues.iter().any(|r| {
                r.cue == Cue::Role && r.end <= c.start && {
                    let role = &slice[r.start - offset..r.end - offset];
                    let gap = slice[r.end - offset..c.start - offset].trim();
                    let gap = if role.ends_with(" of") {
                        Some(gap)
                    } else {
                        gap.strip_prefix("of")
                    };
                    gap.is_some_and(|g| matches!(g.trim_start(), "" | "the"))
                }
            })
    };
    kept.clear();
    kept.extend(
        cues.iter()
            .filter(|c| {
                (c.start >= narration || reported_done(c))
                    && !in_a_title(c)
                    && !heads_of_it(c)
                    && !counted_visits(c)
                    && !visited_institution(c)
            })
            .filter(|c| {
                !matches!(c.cue, Cue::Kind(_)) || !wishes.clone().any(|end| end <= c.start && c.start - end <= 12)
            })
            .copied(),
    );
}

/// "In recent years, Scotland has established partnerships": a time the text leaves open.
const VAGUE_TIMES: &[&str] = &[
    "in recent years",
    "over the years",
    "for years",
    "decade ago",
    "decades ago",
    "in den letzten jahren",
    "seit jahren",
    "ces dernières années",
    "depuis des années",
    "au fil des ans",
    "近年来",
    "近年來",
    "多年来",
    "多年來",
    // A week ago, on no day told: the sentence before may have a day, but not this one's.
    "last week",
    "vergangene woche",
    "letzte woche",
    "vergangenen woche",
    "letzten woche",
    "la semaine dernière",
    "la semaine passée",
    "上周",
    "上星期",
];

/// Words of a large count (`two million`, `deux millions de`, `Tausende`).
const COUNT_WORDS: &[&str] = &["million", "thousand", "millionen", "tausend", "milliers", "人次"];

const THIRD_PARTY_WORDS: &[&str] = &[
    "europe",
    "european",
    "china-eu",
    "eu-china",
    "europa",
    "europäisch",
    "européen",
    "欧洲",
    "歐洲",
    "欧盟",
    "歐盟",
];

/// "European investors visiting China", "projects from France and Norway", "met with the
/// French President in Paris": events between China and a third party, with no British side
/// named.
pub(super) fn is_third_party(
    signals: &Signals,
    cues: &[CueMatch],
    places: &[NameMatch],
    gazetteer: &Gazetteer,
) -> bool {
    let british = cues.iter().any(|c| c.cue == Cue::Side(crate::lexicon::Side::Uk))
        || places
            .iter()
            .any(|m| m.candidates.iter().any(|&i| gazetteer.place(i).country == "GB"));
    if british {
        return false;
    }
    let third_word = signals.third_party;
    // A country, or a city or region that can only be in one (`Paris`), outside China and the
    // UK.
    let third_country = places.iter().any(|m| {
        m.candidates.iter().all(|&i| {
            let place = gazetteer.place(i);
            !matches!(place.country.as_str(), "CN" | "HK" | "MO" | "TW")
        }) && !m.candidates.is_empty()
    });
    third_word || third_country
}

pub(super) fn shift(mut cues: Vec<CueMatch>, by: usize) -> Vec<CueMatch> {
    for cue in &mut cues {
        cue.start += by;
        cue.end += by;
    }
    cues
}

/// "The UK's investment in China was over $35 billion, while China's investment in the UK
/// surpassed $32 billion": two figures set against each other are two facts. Such a sentence is
/// read as two clauses.
pub(super) fn split_contrasted_figures(text: &str, body: Vec<Sentence>) -> Vec<Sentence> {
    // Each begins with a comma: only the commas of a sentence are tried.
    const CONTRASTS: &[&str] = &[
        ", while ",
        ", whereas ",
        ", während ",
        ", tandis que ",
        ", alors que ",
        ",而",
        "，而",
    ];
    let mut out = Vec::with_capacity(body.len());
    for sentence in body {
        let slice = &text[sentence.start..sentence.end];
        // Two figures need two digits (or Han numerals): most sentences do not have them and
        // are not searched.
        let split = may_hold_two_figures(slice)
            .then(|| {
                char_offsets(slice, [',', '，'])
                    .map(|(at, _)| at)
                    .find(|&at| CONTRASTS.iter().any(|c| starts_with_ignore_ascii_case(&slice[at..], c)))
            })
            .flatten()
            .filter(|&at| !find_money(&slice[..at], None).is_empty() && !find_money(&slice[at..], None).is_empty());
        match split {
            Some(at) => {
                // The comma stays with the first clause; the second starts at its connective.
                let comma = slice[at..].chars().next().map_or(1, char::len_utf8);
                out.push(Sentence {
                    end: sentence.start + at,
                    ..sentence
                });
                let rest = sentence.start + at + comma;
                let rest = rest + (text[rest..sentence.end].len() - text[rest..sentence.end].trim_start().len());
                out.push(Sentence {
                    start: rest,
                    ..sentence
                });
            }
            None => out.push(sentence),
        }
    }
    out
}

/// Leading short lines (headline repeated in the body, bylines, date lines) are not sentences
/// of the story.
pub(super) fn skip_headlines(text: &str, all: &[Sentence]) -> Vec<Sentence> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_of_attribution_is_found_after_any_clause_end() {
        assert!(in_attribution("英国商业贸易部8日宣布，大臣将于下周访华。", 21, 25));
        assert!(!in_attribution("该部表示，大臣将于16日访华。", 27, 32));
        assert!(in_attribution(
            "He will visit Xi'an, the ministry said on Monday.",
            42,
            48
        ));
    }

    #[test]
    fn a_date_that_opens_a_period_is_not_when_it_happened() {
        let at = |sentence: &str, date: &str| {
            let start = sentence.find(date).unwrap();
            opens_a_period(sentence, start, start + date.len())
        };
        assert!(at("the first talks since 2019, the Treasury said", "2019"));
        assert!(at("zum ersten Mal seit 2018 in Peking", "2018"));
        assert!(at("une première Depuis 2018", "2018"));
        assert!(at("这是2019年以来首次", "2019年"));
        assert!(!at("the talks in 2019 ended", "2019"));
        assert!(!at("the convinced 2019 plan", "2019"));
        assert!(!at("2019年举行", "2019年"));
        assert!(!at("2019", "2019"));
    }
}
