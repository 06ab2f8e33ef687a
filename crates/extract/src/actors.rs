//! Finds the organisations, government bodies and people a sentence names, with the side each
//! represents when the text says so.

use crate::date::is_calendar_word;
use crate::event::{Actor, ActorType};
use crate::fxhash::FxHashSet;
use crate::gazetteer::{Gazetteer, NameMatch};
use crate::language::{
    contains_str, ends_with_ignore_ascii_case, find_str, is_han, starts_with_ignore_ascii_case, Language,
};
use crate::lexicon::{Cue, CueMatch, Side};
use crate::phrases::Phrases;
use crate::segment::char_offsets;
use std::sync::OnceLock;

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
    // Stock exchanges: `London Stock Exchange` (also in German text, where only such a word
    // holds English names together), `Börse Shenzhen`, `la Bourse de Shanghai`.
    "exchange",
    "börse",
    "bourse",
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

/// Whether `before` ends with a definite or demonstrative article (`the`, `der`, `die`, `la`,
/// `l'`, `ce`, …).
fn follows_article(before: &str) -> bool {
    const ARTICLES: &[&str] = &[
        "the", "this", "that", "der", "die", "das", "dem", "den", "des", "dieser", "diese", "le", "la", "les", "ce",
        "cette",
    ];
    let before = before.trim_end();
    if let Some(elided) = before.strip_suffix(['\'', '’']) {
        return elided
            .strip_suffix(['l', 'L'])
            .is_some_and(|rest| !rest.ends_with(char::is_alphabetic));
    }
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    ARTICLES.iter().any(|article| word.eq_ignore_ascii_case(article))
}

/// Lowercase words that, after a name, say it is a place's (`Sha Tin district`).
const PLACE_NOUNS: &[&str] = &[
    "district",
    "province",
    "county",
    "prefecture",
    "municipality",
    "township",
    "village",
    "region",
    "city",
];

/// German nouns of a kind of company, and the compounds they end (`Energiekonzern`,
/// `Autobauer`, `Zulieferer`): before a name they say what it is.
fn is_company_kind(word: &str) -> bool {
    const KINDS: &[&str] = &[
        "konzern",
        "hersteller",
        "zulieferer",
        "bauer",
        "unternehmen",
        "firma",
        "riese",
        "anbieter",
        "betreiber",
        "entwickler",
        "händler",
        "versorger",
    ];
    // Not the surname `Bauer` (`Bauer Media Group`): only `Autobauer`, `Maschinenbauer`.
    KINDS.iter().any(|kind| ends_with_ignore_ascii_case(word, kind)) && !word.eq_ignore_ascii_case("bauer")
}

/// Whether `word` is one of [`ORG_WORDS`], in any case.
fn is_org_word(word: &str) -> bool {
    static ORG_WORD_SET: OnceLock<FxHashSet<&[u8]>> = OnceLock::new();
    in_lowercase_set(word, &ORG_WORD_SET, ORG_WORDS)
}

/// Whether `word` is one of [`GOV_WORDS`], in any case.
fn is_gov_word(word: &str) -> bool {
    static GOV_WORD_SET: OnceLock<FxHashSet<&[u8]>> = OnceLock::new();
    in_lowercase_set(word, &GOV_WORD_SET, GOV_WORDS)
}

/// Whether `word` is one of `words` (all lower case, none longer than 16 bytes) in any ASCII
/// case. Asked of every word of every name: a hash probe with a lowercase copy on the stack,
/// not a comparison with each word of the list.
fn in_lowercase_set(word: &str, set: &OnceLock<FxHashSet<&'static [u8]>>, words: &[&'static str]) -> bool {
    let mut buf = [0u8; 16];
    crate::language::ascii_lowercase(word, &mut buf).is_some_and(|lower| {
        set.get_or_init(|| words.iter().map(|w| w.as_bytes()).collect())
            .contains(lower)
    })
}

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
    "议会",
    "議會",
    "商务",
    "商務",
];

/// Suffixes that end a Chinese organisation name.
static HAN_ORG_SUFFIXES: Phrases = Phrases::new(&[
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
    "外事办公室",
    "外事辦公室",
    // A city's or a nation's council or parliament (`伯明翰市议会`).
    "议会",
    "議會",
    "商务厅",
    "商務廳",
    "商务部",
    "商務部",
    "贸易协会",
    "貿易協會",
    "发展局",
    "發展局",
    // Ministries and agencies (`英国国际贸易部`, `英国签证移民局`); not a bare 部 or 局,
    // which end common words (`全部`, `东部`, `格局`).
    "外交部",
    "贸易部",
    "貿易部",
    "教育部",
    "卫生部",
    "衛生部",
    "科技部",
    "财政部",
    "財政部",
    "文化部",
    "旅游局",
    "旅遊局",
    "移民局",
    "管理局",
    "统计局",
    "統計局",
    "海关",
    "海關",
    "管委会",
    "管委會",
    "促进会",
    "促進會",
    "理事会",
    "理事會",
    "基金会",
    "基金會",
    // Exchanges (`上海环境能源交易所`, `香港交易所`).
    "交易所",
]);

/// Connecting words allowed inside a capitalised name (`University of Nottingham`). Not `in`:
/// `Mindray in Nanshan District` is a company and a place.
const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "and", "&", "de", "des", "du", "für", "der", "la", "le", "the",
];

const ENGLISH_CONNECTORS: &[&str] = &["of", "for", "and", "&", "the"];

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
    // Words that open sentences in each language (`Auch Shell, …`, `Selon …`, `Meanwhile, …`).
    "Also",
    "Meanwhile",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
    "From",
    "To",
    "Auch",
    "Zudem",
    "Nach",
    "Für",
    "Auf",
    "Aus",
    "Von",
    "Laut",
    "Dabei",
    "Darunter",
    "Seit",
    "Heute",
    "Pour",
    "Avec",
    "Par",
    "Depuis",
    "Cette",
    "Ce",
    "Il",
    "Elle",
    "It's",
    "It’s",
    "Volksrepublik",
    "Ltd",
    "Inc",
    "GmbH",
    "PLC",
    "Plc",
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
    "European",
    "Europe",
    "UK-China",
    "U.S",
    "U.K",
    "US",
    "Mrd",
    "Mio",
    "Milliarden",
    "Millionen",
    "Pfund",
    "Euro",
    "Dollar",
    "Yuan",
    "RMB",
    "CNY",
    "GBP",
    "USD",
    "EUR",
    "HKD",
    "MoU",
    "MOU",
    // Abbreviations of things, not of bodies: `supply 1 million tonnes of LNG`.
    "LNG",
    "GDP",
    "FDI",
    "IPO",
    "ESG",
    // `a Series A round`: a stage of funding.
    "Series",
    "SME",
    "SMEs",
    "EVs",
    "R&D",
    "UK",
    "China",
    "Britain",
    "Sino-UK",
    "China-UK",
];

/// The actors of `sentence` (byte range `start..end` of `text`), given its cues.
pub fn find_actors(
    text: &str,
    start: usize,
    end: usize,
    cues: &[CueMatch],
    places: &[NameMatch],
    gazetteer: &Gazetteer,
    lang: Language,
) -> Vec<Actor> {
    let sentence = &text[start..end];
    // Where the sentence's first word starts: a span there opens the sentence.
    let lead = sentence.len() - sentence.trim_start().len();
    let mut actors: Vec<Actor> = Vec::new();
    let mut push = |actor: Actor| {
        if let Some(existing) = actors.iter_mut().find(|a| a.name.eq_ignore_ascii_case(&actor.name)) {
            existing.country = existing.country.or(actor.country);
        } else if !actors.iter().any(|a| contains_str(&a.name, &actor.name)) {
            actors.retain(|a| !contains_str(&actor.name, &a.name));
            actors.push(actor);
        }
    };
    // German capitalises every noun and joins them with articles: only English-style names
    // (`City of London`) hold together there.
    let connectors = if lang == Language::German {
        ENGLISH_CONNECTORS
    } else {
        NAME_CONNECTORS
    };
    // Accepted and doubtful names, by span: a doubtful one listed with accepted ones is a name.
    let mut accepted: Vec<(usize, usize)> = Vec::new();
    // The people among them: a role before one of them is not the role of a name after it.
    let mut people: Vec<(usize, usize)> = Vec::new();
    let mut doubtful: Vec<(usize, usize)> = Vec::new();
    let spans = capitalised_spans(sentence, connectors);
    // Most checks below are about roles: a few of the cues, looked through for every span.
    // A role ends with its word: the feminine `Wirtschaftsministerin` is the cue
    // `wirtschaftsminister` and two more letters, which are no part of the name after it.
    let roles: Vec<CueMatch> = cues
        .iter()
        .filter(|c| c.cue == Cue::Role)
        .map(|&c| CueMatch {
            end: c.end
                + text[c.end..end]
                    .find(|ch: char| !ch.is_alphabetic() || is_han(ch))
                    .unwrap_or(end - c.end),
            ..c
        })
        .collect();
    let mut extra_spans: Vec<(usize, usize)> = Vec::new();
    // The words of each name in turn, in one buffer.
    let mut words: Vec<&str> = Vec::new();
    let mut next = 0;
    while next < spans.len() || !extra_spans.is_empty() {
        let mut span = if let Some(extra) = extra_spans.pop() {
            extra
        } else {
            next += 1;
            spans[next - 1]
        };
        // "Chancellor of the Exchequer Philip Hammond": words of a role that began before the
        // span are the role's.
        if let Some(role) = roles
            .iter()
            .find(|c| c.start < start + span.0 && c.end > start + span.0 && c.end < start + span.1)
        {
            span.0 = role.end - start
                + (sentence[role.end - start..span.1].len() - sentence[role.end - start..span.1].trim_start().len());
        }
        // `BritCham China Chair Julian Fisher`: a country right after an organisation's name
        // and before a role is where the organisation works; the holder takes the side the
        // organisation's own name says, when it says one.
        let mut side_of_employer = None;
        // "Chinese President Xi Jinping", "Chinas Präsident Xi Jinping", "British Foreign
        // Secretary David Lammy": the side word or the country goes with the role (its word
        // second or third), not the name.
        if let Some(second) = space_in(&sentence[span.0..span.1])
            .map(|at| span.0 + at + 1)
            .filter(|&second| {
                let first = &sentence[span.0..second - 1];
                let country = first.strip_suffix('s').unwrap_or(first);
                // The role first: few spans have one, and it is the cheaper test.
                roles.iter().any(|c| {
                    c.start >= start + second && {
                        let word = role_word_start(text, c);
                        word == start + second
                            || space_in(&sentence[second..span.1]).is_some_and(|at| word == start + second + at + 1)
                            || joined_portfolios_end(&sentence[second..span.1])
                                .is_some_and(|at| word == start + second + at)
                    }
                }) && (NATIONALITY_WORDS.contains(&first)
                    || gazetteer
                        .lookup(country)
                        .iter()
                        .any(|&i| gazetteer.place(i).level == crate::gazetteer::PlaceLevel::Country))
            })
        {
            side_of_employer = spans
                .iter()
                .find(|s| s.1 + 1 == span.0)
                .and_then(|s| side_of_role(start + s.0, start + s.1, cues, places, gazetteer));
            span.0 = second;
        }
        // "Bank of England Governor Andrew Bailey", "HSBC Group Chairman Mark Tucker": an
        // organisation, its officer's title and the officer's name in one span. The
        // organisation is a name of its own; the title and the name are read below.
        if let Some(word) = roles
            .iter()
            .filter(|c| c.start > start + span.0 && c.end < start + span.1)
            .filter_map(|c| role_word_start(text, c).checked_sub(start))
            .filter(|&word| word > span.0 && word < span.1)
            .find(|&word| {
                let before = sentence[span.0..word].trim_end();
                sentence[..word].ends_with(' ')
                    && before.contains(' ')
                    // An organisation's name, not a portfolio (`Business and Trade Secretary`).
                    && !before.contains(" and ")
                    && !before.contains(" & ")
                    && before.split(' ').any(|w| is_org_word(w) || is_acronym(w) || looks_like_brand(w))
                    && officer_named_after(sentence, word, span.1)
            })
        {
            extra_spans.push((span.0, sentence[..word].trim_end().len()));
            span.0 = word;
        }
        // "Ambassador Zheng Zeguang": the role is not part of the name; nor are the title's
        // first words (`Foreign Secretary James Cleverly`, `Tianjin Mayor Zhang Gong`).
        let second_word = space_in(&sentence[span.0..span.1]).map(|at| span.0 + at + 1);
        // `Deputy First Minister Kate Forbes`, `Vice Foreign Minister Ma Zhaoxu`: a rank before
        // a title of two words puts its role word third.
        // `Wuhan Vice Mayor Chen Xiaoping`: the place the office is held in before the rank.
        let third_word = second_word
            .filter(|&w| {
                TITLE_RANKS.contains(&sentence[span.0..w - 1].trim_end())
                    || space_in(&sentence[w..span.1]).is_some_and(|at| {
                        TITLE_RANKS.contains(&&sentence[w..w + at])
                            && !gazetteer.lookup(&sentence[span.0..w - 1]).is_empty()
                    })
            })
            .and_then(|w| space_in(&sentence[w..span.1]).map(|at| w + at + 1));
        // `Business and Trade Secretary Peter Kyle`: two portfolios joined before the title.
        let after_joined = joined_portfolios_end(&sentence[span.0..span.1]).map(|at| span.0 + at);
        let mut title_start = None;
        if let Some(role) = roles.iter().find(|c| {
            let word = role_word_start(text, c);
            (word == start + span.0
                || [second_word, third_word, after_joined]
                    .iter()
                    .flatten()
                    .any(|&w| word == start + w))
                && c.end < start + span.1
        }) {
            title_start = Some(start + span.0);
            let rest = &sentence[role.end - start..span.1];
            // "Minister of Commerce Gao Hucheng": the title goes on; a name may close it.
            if NAME_CONNECTORS
                .iter()
                .any(|c| rest.trim_start().strip_prefix(c).is_some_and(|r| r.starts_with(' ')))
            {
                let words: Vec<&str> = rest.split_whitespace().collect();
                let tail = &words[words.len().saturating_sub(2)..];
                let is_name_word =
                    |w: &&str| is_capitalised(w) && !NAME_CONNECTORS.contains(w) && !is_org_word(w) && !is_not_name(w);
                if words.len() < 4 || !tail.iter().all(is_name_word) || !gazetteer.lookup(&tail.join(" ")).is_empty() {
                    continue;
                }
                // From where its first word is, whatever spaces stand between the words.
                span.0 = offset_in(sentence, tail[0]);
                push(Actor {
                    name: sentence[span.0..span.1].to_string(),
                    actor_type: ActorType::Person,
                    country: side_of(text, role.start, start + span.1, cues, places, gazetteer),
                    role: Some(
                        text[start + title_start.map_or(role.start - start, |t| t - start)..start + span.0]
                            .trim_end()
                            .to_string(),
                    ),
                });
                accepted.push(span);
                people.push(span);
                continue;
            }
            span.0 = span.1 - rest.trim_start().len();
        }
        // "Zhejiang’s", "British Chamber of Commerce Shanghai’s Zhejiang Office": a possessive
        // ends the name.
        // Not `Zhuzhou Municipal People's Government`: only a place's or the last word's.
        if let Some(at) = char_offsets(&sentence[span.0..span.1], ['’', '\''])
            .next()
            .map(|(at, _)| at)
            .filter(|&at| {
                let after = &sentence[span.0 + at..span.1];
                let quote = after.chars().next().map_or(1, char::len_utf8);
                let word_start = sentence[span.0..span.0 + at]
                    .rfind(' ')
                    .map_or(span.0, |w| span.0 + w + 1);
                let owner = &sentence[word_start..span.0 + at];
                // `Nissan's Sunderland plant`: what a company owns in a place is named after the
                // place, which no name goes on over.
                let owned_place = || {
                    let owned = after[quote + 1..].trim_start();
                    let first = &owned[..owned.find(' ').unwrap_or(owned.len())];
                    !first.is_empty() && !gazetteer.lookup(first).is_empty()
                };
                // `Hong Kong's Secretary for …`: the owner may be a place of more than one word.
                let owner_place = || {
                    !gazetteer.lookup(owner).is_empty() || !gazetteer.lookup(&sentence[span.0..span.0 + at]).is_empty()
                };
                after[quote..].starts_with('s')
                    && (after[quote + 1..].trim().is_empty() || owner_place() || owned_place())
            })
        {
            // "China's Ministry of Commerce", "Britain's Department for Business and Trade":
            // what the place owns is a name of its own.
            let owned = &sentence[span.0 + at..span.1];
            let owned = owned[owned.find(' ').unwrap_or(owned.len())..].trim_start();
            if !owned.is_empty() {
                extra_spans.push((span.1 - owned.len(), span.1));
            }
            span.1 = span.0 + at;
        }
        // "Zhuzhou Municipal People's Government and AstraZeneca": two names, not one; but
        // "Economic and Financial Dialogue" is one event's name.
        if let Some(at) = sentence[span.0..span.1]
            .match_indices(' ')
            .filter_map(|(at, _)| {
                let rest = &sentence[span.0 + at..span.1];
                ["and ", "& ", "und ", "et "]
                    .iter()
                    .find(|join| rest[1..].starts_with(**join))
                    .map(|join| (at, join.len() + 1))
            })
            .find(|&(at, join)| {
                let left = &sentence[span.0..span.0 + at];
                let right = &sentence[span.0 + at + join..span.1];
                // `Department for Energy Security and Net Zero`: inside a ministry's name `and`
                // joins portfolios; another body after it opens with its own head (`… and Bank
                // of China`) or is an acronym.
                if MINISTRY_HEADS
                    .iter()
                    .any(|h| left.starts_with(h) && left[h.len()..].starts_with(' '))
                    && !right.split(' ').next().is_some_and(is_org_word)
                    && !is_acronym(right)
                {
                    return false;
                }
                // "… Government and AstraZeneca", "Zhonghui Brigade and BBK", "Holovis and Welsh
                // Whisky"; not "Science & Technology Commission", whose head ends the name.
                let head_at_end =
                    right.rsplit(' ').next().is_some_and(is_org_word) && !left.split(' ').any(is_org_word);
                // "HKUST president Nancy Ip and Glasgow's vice-chancellor …": a place joined to
                // what is not one.
                let place_joined = || !gazetteer.lookup(right).is_empty() && gazetteer.lookup(left).is_empty();
                // `Bristol and Bath Science Park`: two places heading one name.
                if !gazetteer.lookup(left).is_empty()
                    && right
                        .split_once(' ')
                        .is_some_and(|(first, _)| !gazetteer.lookup(first).is_empty())
                {
                    return false;
                }
                // "HSBC, Standard Chartered and Prudential": after a comma that follows a
                // name, the span is a list's last items.
                let listed = || sentence[..span.0].ends_with(", ") && accepted.iter().any(|s| s.1 + 2 == span.0);
                left.rsplit(' ').next().is_some_and(is_org_word)
                    || (!head_at_end && (is_acronym(right) || looks_like_brand(right)))
                    || place_joined()
                    || listed()
            })
            // Asked only of a span that has such a join: few have.
            .filter(|_| !is_event_name(&sentence[span.0..span.1]))
        {
            let (at, join) = at;
            extra_spans.push((span.0 + at + join, span.1));
            span.1 = span.0 + at;
        }
        // "Vice-chancellor of the University of Edinburgh Peter Mathieson": the holder of a
        // role named after its organisation.
        // Not `London Tech Week`: a word of the lexicon is no part of a person's name.
        let has_role_before = roles.iter().any(|c| c.end <= start + span.0);
        if let Some(holder) = has_role_before
            .then(|| holder_after_organisation(sentence, span, gazetteer))
            .flatten()
            .filter(|&holder| !cues.iter().any(|c| c.end > start + holder && c.start < start + span.1))
        {
            extra_spans.push((holder, span.1));
            span.1 = sentence[..holder].trim_end().len();
        }
        // "Sajid Javid MP": the honour is no part of the name.
        if let Some(suffix) = NAME_SUFFIXES
            .iter()
            .find(|suffix| sentence[span.0..span.1].ends_with(**suffix) && span.1 - span.0 > suffix.len())
        {
            span.1 -= suffix.len();
        }
        // "le ministre britannique des Finances Philip Hammond", "Bundesministerin für
        // Wirtschaft Katherina Reiche": the portfolio is the role's, not the name's.
        if let Some(holder) = holder_after_portfolio(text, start, span, &roles) {
            span.0 = holder;
        } else if is_portfolio(text, start, span, &roles) {
            continue;
        }
        // `le ministère britannique de la Science`: French writes a ministry in lower case and
        // its portfolio with a capital; the ministry is the name.
        if lang == Language::French {
            if let Some(at) = ministry_before_portfolio(sentence, span.0) {
                span.0 = at;
                // `des Affaires et du Commerce`: a second portfolio joined by `et`.
                if let Some(second) = spans.get(next).filter(|s| {
                    ["et du ", "et de la ", "et des ", "et de l'", "et de l’"]
                        .iter()
                        .any(|join| sentence[span.1..s.0].trim_start() == *join)
                }) {
                    span.1 = second.1;
                    next += 1;
                }
            }
        }
        let name = &sentence[span.0..span.1];
        if lang == Language::French && FRENCH_INSTITUTION_NOUNS.contains(&name) {
            continue;
        }
        // A role alone (`Consul-General`, `Cabinet Secretary`, `Principal and Vice-chancellor`)
        // is not an actor.
        let covered_by_role =
            |from: usize, to: usize| roles.iter().any(|c| c.start <= start + from && start + to <= c.end + 1);
        let only_role = covered_by_role(span.0, span.1)
            || (space_in(name).is_some()
                && roles
                    .iter()
                    .any(|c| c.start >= start + span.0 && c.start < start + span.1)
                && words_with_offsets(name)
                    .into_iter()
                    .filter(|(_, w)| !NAME_CONNECTORS.contains(w))
                    .all(|(at, w)| covered_by_role(span.0 + at, span.0 + at + w.len())))
            || (roles
                .iter()
                .any(|c| c.start >= start + span.0 && c.start < start + span.1 && c.end >= start + span.1)
                && (name.split_whitespace().count() <= 2 || is_side_and_title(name)));
        if name.is_empty() || only_role || is_not_name(name) {
            continue;
        }
        // The name's words, split once for what is asked of them from here on.
        words.clear();
        push_words(name, &mut words);
        if names_an_event(&words) || continues_title(text, start + span.0, name, cues) {
            continue;
        }
        // "Autobauer BYD", "Ölkonzern BP", "Energiekonzern Mingyang Smart Energy": in German a
        // common noun before a brand, or one that names a kind of company before any name, says
        // what it is.
        let mut described_company = false;
        if lang == Language::German {
            let describes = match words[..] {
                [noun, brand] => {
                    ((is_acronym(brand) || looks_like_brand(brand)) && !is_acronym(noun) && !looks_like_brand(noun))
                        || is_company_kind(noun)
                }
                [noun, _, ..] => is_company_kind(noun),
                _ => false,
            };
            if describes {
                span.0 = offset_in(sentence, words[1]);
                words.remove(0);
            }
            described_company = describes;
        }
        let name = &sentence[span.0..span.1];
        let is_org = described_company
            || words
                .iter()
                .any(|w| is_org_word(w.trim_matches(|c: char| !c.is_alphanumeric())));
        // `der Konzern`, `die Regierung`, `the Government`: a body named by its kind alone
        // points back to one named before; it is no name of its own.
        if is_org && words.len() == 1 && follows_article(&sentence[..span.0]) {
            continue;
        }
        // Every German noun has a capital: `Der Kaufpreis liegt …` names no one.
        if lang == Language::German
            && words.len() == 1
            && !is_acronym(words[0])
            && !looks_like_brand(words[0])
            && follows_article(&sentence[..span.0])
        {
            continue;
        }
        // "Nottingham and Ningbo": places, each acting for itself (see `place_actors`).
        let places_joined = space_in(name).is_some()
            && [" and ", " of "].iter().any(|join| {
                contains_str(name, join) && name.split(join).all(|part| !gazetteer.lookup(part.trim()).is_empty())
            });
        // "Hong Kong's Sha Tin district": a name before a word for a place is a place's.
        let names_a_place = || {
            let after = sentence[span.1..].trim_start();
            PLACE_NOUNS.iter().any(|noun| {
                after
                    .strip_prefix(noun)
                    .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
            })
        };
        let is_place = (!gazetteer.lookup(name).is_empty() || places_joined || names_a_place()) && !is_org;
        if is_place {
            continue;
        }
        // "Ambassador … Liu Xiaoming", but not "chief executive officer of TDi Sustainability".
        let role_near = roles.iter().rev().find(|c| {
            c.end <= start + span.0 && start + span.0 - c.end <= 60 && {
                let gap = text[c.end..start + span.0].trim_end();
                !ROLE_OF
                    .iter()
                    .any(|of| gap.strip_suffix(of).is_some_and(|g| g.is_empty() || g.ends_with(' ')))
            }
        });
        // A role near a name says a person is named; but in "Minister Wang Wentao met Kemi
        // Badenoch" the role, and the side it tells, are Wang's, not Badenoch's (an
        // organisation between is the role's: `Vice-chancellor of the University of Edinburgh
        // Peter Mathieson`).
        let role_before = role_near.filter(|c| !people.iter().any(|&(a, b)| start + a >= c.end && b <= span.0));
        let preceded_by_role = role_near.is_some();
        // "Cynthia Davis, CEO and co-founder of …", "Matthew Burney, British Consul-General": the
        // role opens the clause after the comma; not "Sajid Javid MP, said: “… Chinese Minister".
        let followed_by_role = sentence[span.1..].strip_prefix(", ").is_some_and(|rest| {
            roles.iter().any(|c| {
                c.start >= start + span.1 + 2 && c.start - (start + span.1) <= 40 && !rest.is_empty() && {
                    let gap = &text[start + span.1 + 2..c.start];
                    // Not "Andrew Bailey, and the chief executive of …, Nikhil Rathi": the next
                    // item of a list.
                    let next_item = ["and ", "und ", "et ", "or ", "ainsi que ", "as well as ", "sowie "]
                        .iter()
                        .any(|w| gap.starts_with(w));
                    gap.split_whitespace().count() <= 4 && !gap.contains([':', '"', '“', '”', '(', ',']) && !next_item
                }
            })
        });
        // A list (`Innovation and Skills`) is no one's name.
        let is_list = words.iter().any(|w| ["and", "&", "und", "et"].contains(w));
        // `told BBC Scotland`, `HSBC UK`: a name that opens with an acronym is no person's.
        let is_person = !is_org
            && !is_list
            && (2..=4).contains(&words.len())
            && !is_acronym(words[0])
            && (preceded_by_role || followed_by_role || HONORIFICS.contains(&words[0]));
        // `BP`, `HP`: two capitals name a company unless they are a common abbreviation.
        const COMMON_PAIRS: &[&str] = &[
            "AI", "EU", "UN", "IT", "HR", "PR", "VR", "AR", "TV", "PM", "MP", "ID", "IP", "QR", "GB", "CN", "HK", "OK",
        ];
        let mixed_case_single = words.len() == 1
            && (looks_like_brand(name) || (name.len() == 2 && is_acronym(name) && !COMMON_PAIRS.contains(&name)));
        // Mid-sentence, a capitalised word is a name in English and French (`touring Tencent,
        // BYD and Mindray`); in German every noun is capitalised.
        let proper_single = words.len() == 1
            && lang != Language::German
            && span.0 > lead
            && !sentence[..span.0]
                .trim_end()
                .ends_with(['.', ':', '"', '“', '•', '·', '-', '–', '—', '*'])
            && name.chars().count() >= 3
            // A side stem that only begins the word (`Sino` in `Sinopec`) does not make it a cue.
            && cues.iter().all(|c| {
                !(c.start < start + span.1 && start + span.0 < c.end)
                    || (matches!(c.cue, Cue::Side(_)) && c.end < start + span.1)
            });
        let multi_word = words.len() >= 2
            && (lang != Language::German
                || words
                    .iter()
                    .any(|w| looks_like_brand(w) || is_acronym(w) || ENGLISH_CONNECTORS.contains(w)));
        if !(is_org || is_person || multi_word || mixed_case_single || proper_single) {
            if words.len() == 1 && name.chars().count() >= 3 {
                doubtful.push(span);
            }
            continue;
        }
        accepted.push(span);
        if is_person {
            people.push(span);
        }
        // "Cynthia Davis, CEO and co-founder of the British company Diversifying.io": the role,
        // up to the end of the clause.
        let role = followed_by_role.then(|| {
            let rest = &sentence[span.1 + 2..];
            rest[..rest.find([',', ';']).unwrap_or(rest.len())]
                .trim_end_matches(['.', ' '])
                .to_string()
        });
        // The role's clause runs on over a portfolio list, up to a comma before a lowercase word
        // (", said").
        let role_side = role.as_ref().filter(|_| is_person).and_then(|_| {
            let from = span.1 + 2;
            let clause_end = sentence[from..]
                .match_indices(", ")
                .map(|(at, _)| from + at)
                .find(|&at| !sentence[at + 2..].starts_with(|c: char| c.is_uppercase()))
                .unwrap_or(sentence.len());
            side_of_role(start + from, start + clause_end, cues, places, gazetteer)
        });
        let actor_type = if is_person {
            ActorType::Person
        } else if words.iter().any(|x| is_gov_word(x)) {
            ActorType::Gov
        } else {
            ActorType::Org
        };
        // "Ministerpräsident Li Keqiang", "Ambassador to the UK Liu Xiaoming".
        let role = if is_person {
            role.or_else(|| title_start.map(|t| text[t..start + span.0].trim_end_matches([' ', ',']).to_string()))
                .or_else(|| {
                    role_before
                        .map(|c| {
                            // `le vice-Premier ministre chinois`: two role words in a row are
                            // one title.
                            let word = role_word_start(text, c);
                            let word = roles
                                .iter()
                                .find(|r| r.end < word && &text[r.end..word] == " ")
                                .map_or(word, |r| role_word_start(text, r));
                            let word = portfolio_in_lower_case_before(text, word);
                            let role = text[word..start + span.0].trim_end_matches([' ', ',']);
                            // `英国财政大臣里夫斯(Rachel Reeves)`: the name's Chinese form and the
                            // bracket that glosses it are no part of the role.
                            if role.ends_with(['(', '（']) {
                                &text[word..c.end]
                            } else {
                                role
                            }
                        })
                        .filter(|role| role.split_whitespace().count() <= 8)
                        .map(str::to_string)
                })
        } else {
            None
        };
        push(Actor {
            name: name.to_string(),
            actor_type,
            country: role_side
                .or(british_by_its_form(name).then_some(Side::Uk))
                .or(side_of_employer.filter(|_| is_person))
                .or_else(|| side_of(text, start + span.0, start + span.1, cues, places, gazetteer))
                .or_else(|| {
                    // "Governor of Hunan province Xu Dazhe": the place the role is held in;
                    // "a delegation from Guangdong led by Vice Governor Zhang Guozhi": the
                    // place the clause before the role names.
                    role_before.filter(|_| is_person).and_then(|c| {
                        let clause_start = text[start..c.start]
                            .rfind([',', ';'])
                            .map_or(start, |at| start + at + 1);
                        side_of_role_before_name(text, c, start + span.0, cues, places, gazetteer).or_else(|| {
                            side_of_places(places, clause_start.max(c.start.saturating_sub(60)), c.start, gazetteer)
                        })
                    })
                })
                .or_else(|| role.as_deref().and_then(side_of_title)),
            role,
        });
    }
    // "Puretone, Holovis and Welsh Whisky", "Hawksford und JP Morgan Chase": right to left, so
    // that a list joins up from its accepted end.
    // With an article between (`Shell, die China Construction Bank und Lloyds`).
    const LIST_JOINS: &[&str] = &[
        ", ",
        " and ",
        " und ",
        " et ",
        " & ",
        ", and ",
        ", the ",
        " and the ",
        ", die ",
        ", der ",
        ", das ",
        " und die ",
        " und der ",
        ", la ",
        ", le ",
        " et la ",
        " et le ",
    ];
    for &span in doubtful.iter().rev() {
        // `Separately, HSBC said …`, `Additionally, …`: an adverb opening the sentence is no
        // first item of a list.
        // `Hier, la Bourse de Shanghai …`, `Yesterday, the …`: nor a word of time or sequence.
        if span.0 == lead
            && (sentence[span.0..span.1].ends_with("ly") || SENTENCE_ADVERBS.contains(&&sentence[span.0..span.1]))
        {
            continue;
        }
        let joined = |a: &(usize, usize)| {
            LIST_JOINS.iter().any(|j| {
                (a.0 >= span.1 && &sentence[span.1..a.0] == *j) || (span.0 >= a.1 && &sentence[a.1..span.0] == *j)
            })
        };
        if accepted.iter().any(joined) {
            accepted.push(span);
            push(Actor {
                name: sentence[span.0..span.1].to_string(),
                actor_type: ActorType::Org,
                country: side_of(text, start + span.0, start + span.1, cues, places, gazetteer),
                role: None,
            });
        }
    }
    // `the European Union`, `l'Union européenne`, `die Europäische Union`, `欧盟`: a union of
    // states is named by its side cue whole, whatever the capitals say.
    // Not where it stands for a place (`in the European Union`, `在欧盟`).
    for c in cues.iter().filter(|c| {
        c.cue == Cue::Side(Side::Other) && c.start >= start && c.end <= end && !after_locative(&text[start..c.start])
    }) {
        push(Actor {
            name: text[c.start..c.end].to_string(),
            actor_type: ActorType::Org,
            country: Some(Side::Other),
            role: None,
        });
    }
    if crate::language::may_contain_han(sentence) && sentence.chars().any(is_han) {
        for actor in han_actors(text, start, end, cues, places, gazetteer) {
            push(actor);
        }
    }
    for actor in place_actors(text, start, end, places, gazetteer) {
        push(actor);
    }
    for actor in titled_parties(text, start, end, places, gazetteer) {
        push(actor);
    }
    // `Hong Kong's Secretary for Financial Services and the Treasury, Christopher Hui`: the
    // words of a person's title are no organisation of their own.
    let in_a_title = |name: &str| {
        actors.iter().filter(|a| a.actor_type == ActorType::Person).any(|a| {
            a.role.as_deref().is_some_and(|title| {
                (title.starts_with(name) && title.len() > name.len())
                    || title.strip_suffix(name).is_some_and(|head| head.ends_with(" and the "))
            })
        })
    };
    let title_words: Vec<usize> = (0..actors.len())
        .filter(|&i| actors[i].actor_type != ActorType::Person && in_a_title(&actors[i].name))
        .collect();
    for &i in title_words.iter().rev() {
        actors.remove(i);
    }
    actors
}

/// "签署了《中华人民共和国天津市和大不列颠及北爱尔兰联合王国大曼彻斯特市三年交流计划》": the
/// cities and regions a document's title joins with 和 or 与 are its parties.
fn titled_parties(text: &str, start: usize, end: usize, places: &[NameMatch], gazetteer: &Gazetteer) -> Vec<Actor> {
    let sentence = &text[start..end];
    let mut parties = Vec::new();
    let mut rest = sentence;
    while let Some(open) = rest.find('《') {
        let inner_start = open + rest[open..].chars().next().map_or(1, char::len_utf8);
        let Some(close) = rest[inner_start..].find('》') else {
            break;
        };
        let title = &rest[inner_start..inner_start + close];
        let title_start = start + (sentence.len() - rest.len()) + inner_start;
        if title.contains(['和', '与', '與', '及']) {
            for m in places
                .iter()
                .filter(|m| title_start <= m.start && m.end <= title_start + title.len())
            {
                let Some(place) = m.candidates.first().map(|&i| gazetteer.place(i)) else {
                    continue;
                };
                if place.level == crate::gazetteer::PlaceLevel::Country {
                    continue;
                }
                // `大曼彻斯特` + `市`: the name as the title writes it.
                let suffix = text[m.end..]
                    .chars()
                    .next()
                    .filter(|c| "市省区區县縣州".contains(*c))
                    .map_or(0, char::len_utf8);
                parties.push(Actor {
                    name: text[m.start..m.end + suffix].to_string(),
                    actor_type: ActorType::Gov,
                    country: Some(side_of_country(&place.country)),
                    role: None,
                });
            }
        }
        rest = &rest[inner_start + close..];
    }
    parties
}

/// Phrases that name both governments, or both countries, of a China–UK story.
pub(crate) const BOTH_GOVERNMENTS: &[&str] = &[
    "two governments",
    "both governments",
    "beiden regierungen",
    "deux gouvernements",
    "两国政府",
    "兩國政府",
];
pub(crate) const BOTH_COUNTRIES: &[&str] = &[
    "both countries",
    "two countries",
    "beide länder",
    "beiden länder",
    "beider länder",
    "deux pays",
    "中英两国",
    "中英兩國",
];

/// "Both countries" (`governments: false`), "the two governments" (`true`): the Chinese and the
/// British state as actors.
pub(crate) fn both_sides(governments: bool) -> Vec<Actor> {
    let names = if governments {
        ["Chinese government", "UK government"]
    } else {
        ["China", "UK"]
    };
    names
        .iter()
        .zip([Side::China, Side::Uk])
        .map(|(name, side)| Actor {
            name: (*name).to_string(),
            actor_type: ActorType::Gov,
            country: Some(side),
            role: None,
        })
        .collect()
}

/// Words for the people who act for a place: `officials from Luohu`, `Beamte aus Luohu`, `the
/// Hunan delegation`.
const GROUP_WORDS: &[&str] = &[
    "officials",
    "delegation",
    "representatives",
    "leaders",
    "beamte",
    "vertreter",
    "vertretern",
    "delegation",
    "responsables",
    "délégation",
    "représentants",
];
const FROM_WORDS: &[&str] = &["from", "of", "aus", "von", "der", "des", "de", "du", "d'"];
/// A place's government in lower case after its name (`the Beijing municipal government`).
const PLACE_GOVERNMENTS: &[&str] = &[
    "municipal government",
    "provincial government",
    "city government",
    "regional government",
    "government",
];
/// Units of government named with their place (`the city of Nottingham`, `la région de
/// Birmingham`): actors only as the subject of a clause.
const GOVERNMENT_UNITS: &[&str] = &[
    "city", "region", "province", "ville", "région", "province", "stadt", "provinz",
];
/// German names them without a preposition (`die Stadt Chengdu`).
const APPOSITION_UNITS: &[&str] = &["stadt", "provinz", "region"];

/// Whether `before` (the text up to a phrase) leaves the phrase opening a clause: nothing, an
/// article, or "and"/"et"/"und" and an article after a first subject.
fn opens_clause(before: &str) -> bool {
    const ARTICLES: &[&str] = &["the", "la", "le", "l'", "die", "der", "das"];
    const JOINS: &[&str] = &["and", "et", "und"];
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    match words.as_slice() {
        [] => true,
        [article] => ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(article)),
        [article, join, ..] if ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(article)) => JOINS.contains(join),
        [join, ..] => JOINS.contains(join),
    }
}

/// Places that act: the subject of the sentence (`Luohu, ein Bezirk von Shenzhen, organisierte
/// …`, `Nottingham and Ningbo are due to reach a deal`) and the people of a place (`officials
/// from Luohu`, `the Hunan delegation`). Named as written, with the side of the place.
fn place_actors(text: &str, start: usize, end: usize, places: &[NameMatch], gazetteer: &Gazetteer) -> Vec<Actor> {
    let sentence = &text[start..end];
    let lead = sentence.len() - sentence.trim_start().len();
    let mut actors = Vec::new();
    // The sentence's places, with offsets into the sentence.
    // A sentence's places are all in it: room for them at once.
    let mut matches: Vec<NameMatch> = Vec::with_capacity(places.len());
    matches.extend(
        places
            .iter()
            .filter(|m| start <= m.start && m.end <= end)
            .map(|m| NameMatch {
                start: m.start - start,
                end: m.end - start,
                ..*m
            }),
    );
    for (n, m) in matches.iter().enumerate() {
        let Some(place) = m.candidates.first().map(|&i| gazetteer.place(i)) else {
            continue;
        };
        let name = &sentence[m.start..m.end];
        let before = sentence[..m.start].trim_end();
        let after = sentence[m.end..].trim_start();
        fn first_word(s: &str) -> &str {
            s.split(|c: char| !c.is_alphabetic() && c != '\'')
                .find(|w| !w.is_empty())
                .unwrap_or(&s[..0])
        }
        fn last_word(s: &str) -> &str {
            s.rsplit(|c: char| !c.is_alphabetic() && c != '\'')
                .find(|w| !w.is_empty())
                .unwrap_or(&s[s.len()..])
        }
        let one_of = |words: &[&str], word: &str| words.iter().any(|w| w.eq_ignore_ascii_case(word));
        // `the Beijing municipal government`, `the Guangdong provincial government`: written in
        // lower case, a place's government is named by the place.
        if let Some(government) = sentence[m.end..]
            .strip_prefix(' ')
            .and_then(|rest| PLACE_GOVERNMENTS.iter().find(|g| rest.starts_with(**g)))
            .filter(|g| !after[g.len()..].starts_with(char::is_alphanumeric))
        {
            actors.push(Actor {
                name: sentence[m.start..m.end + 1 + government.len()].to_string(),
                actor_type: ActorType::Gov,
                country: Some(side_of_country(&place.country)),
                role: None,
            });
            continue;
        }
        // `a delegation from Sichuan University`: the place opens an organisation's name, and
        // the organisation is the actor.
        if sentence[m.end..].starts_with(' ') && is_org_word(first_word(after)) {
            continue;
        }
        // `Oxford-based`, `London-listed`: a place joined by a hyphen describes; it does not act.
        let is_subject = !sentence[m.end..].starts_with('-')
            && (m.start == lead
                || (n == 1 && matches[0].start == lead && sentence[matches[0].end..m.start].trim() == "and"));
        let subject_continues = after.starts_with([',', ' ']) || after.is_empty() || !name.chars().all(is_han);
        let mut phrase = None;
        // The words looked for here are Latin: a Han character ends none of them (and would
        // send the search back over the whole Han text before the place).
        let from = if before.chars().next_back().is_some_and(is_han) {
            ""
        } else {
            last_word(before)
        };
        if one_of(FROM_WORDS, from) && before[offset_in(before, from) + from.len()..].trim().is_empty() {
            let group = before[..offset_in(before, from)].trim_end();
            let group_word = last_word(group);
            let before_group = &group[..offset_in(group, group_word)];
            if one_of(GROUP_WORDS, group_word) && group[offset_in(group, group_word) + group_word.len()..].is_empty() {
                phrase = Some((offset_in(group, group_word), m.end));
            } else if group_word.eq_ignore_ascii_case("city")
                && ["sister", "twin", "partner"]
                    .iter()
                    .any(|w| last_word(before_group).eq_ignore_ascii_case(w))
            {
                // "Nottingham and its sister city of Ningbo": the partner in a twinning acts.
                phrase = Some((offset_in(group, last_word(before_group)), m.end));
            } else if one_of(GOVERNMENT_UNITS, group_word)
                && group[offset_in(group, group_word) + group_word.len()..].is_empty()
                && opens_clause(&group[..offset_in(group, group_word)])
            {
                // "La ville de Shenzhen et la région de Birmingham ont signé …": a city or a
                // region as the subject acts for itself.
                phrase = Some((offset_in(group, group_word), m.end));
            }
        } else if one_of(APPOSITION_UNITS, from)
            && before[offset_in(before, from) + from.len()..].trim().is_empty()
            && opens_clause(&before[..offset_in(before, from)])
        {
            // "Die Stadt Chengdu und die Universität Manchester haben … unterzeichnet".
            phrase = Some((offset_in(before, from), m.end));
        } else if !is_han(name.chars().next().unwrap_or(' '))
            && one_of(GROUP_WORDS, first_word(after))
            && offset_in(after, first_word(after)) == 0
        {
            let word_end = offset_in(sentence, after) + first_word(after).len();
            phrase = Some((m.start, word_end));
        }
        let span = match phrase {
            Some(span) => span,
            None if is_subject && subject_continues && place.level != crate::gazetteer::PlaceLevel::Country => {
                (m.start, m.end)
            }
            None => continue,
        };
        let side = Some(side_of_country(&place.country));
        actors.push(Actor {
            name: sentence[span.0..span.1].to_string(),
            actor_type: ActorType::Gov,
            country: side,
            role: None,
        });
    }
    actors
}

/// `AstraZeneca`, `BBK`, `TusHoldings`, `Diversifying.io`: one word that is clearly a name.
/// Whether a title that starts at `word` in `sentence` is followed, up to `end`, by a person's
/// name alone: two or three capitalised words that are no name of an organisation.
fn officer_named_after(sentence: &str, word: usize, end: usize) -> bool {
    let rest: Vec<&str> = sentence[word..end].split_whitespace().collect();
    // The title's own words come first: at least one of them, then the name.
    (3..=6).contains(&rest.len())
        && rest[rest.len() - 2..]
            .iter()
            .all(|w| is_capitalised(w) && !NAME_CONNECTORS.contains(w) && !is_org_word(w) && !is_not_name(w))
        && !rest.iter().any(|w| NAME_CONNECTORS.contains(w))
}

fn looks_like_brand(word: &str) -> bool {
    // One pass over the letters (bytes, in ASCII): how many, a capital after the first, all
    // capitals.
    fn shape(uppers: impl Iterator<Item = bool>) -> (usize, bool, bool) {
        let (mut count, mut inner_capital, mut all_caps) = (0, false, true);
        for upper in uppers {
            inner_capital |= count > 0 && upper;
            all_caps &= upper;
            count += 1;
        }
        (count, inner_capital, all_caps)
    }
    let (count, inner_capital, all_caps) = if word.is_ascii() {
        shape(
            word.bytes()
                .filter(u8::is_ascii_alphabetic)
                .map(|b| b.is_ascii_uppercase()),
        )
    } else {
        shape(word.chars().filter(|c| c.is_alphabetic()).map(char::is_uppercase))
    };
    count >= 3 && (inner_capital || all_caps || word.contains('.')) && !is_not_name(word)
}

/// Where the word after `X and Y ` starts in `span` (`Business and Trade Secretary …` → the
/// offset of `Secretary`), when its second word is `and` or `&`.
fn joined_portfolios_end(span: &str) -> Option<usize> {
    let mut words = span.match_indices(' ').map(|(at, _)| at + 1);
    let second = words.next()?;
    if !matches!(span[second..].split(' ').next(), Some("and" | "&")) {
        return None;
    }
    words.nth(1)
}

/// Titles only one side's government gives (`Foreign Secretary`, `Vice Premier`): the side of
/// a holder no word near names.
fn side_of_title(role: &str) -> Option<Side> {
    const UK_ONLY: &[&str] = &[
        "Foreign Secretary",
        "Home Secretary",
        "Business Secretary",
        "Business and Trade Secretary",
        "Trade Secretary",
        "Culture Secretary",
        "Defence Secretary",
        "Environment Secretary",
        "Chancellor of the Exchequer",
        // Scotland's, Wales' and Northern Ireland's heads of government.
        "First Minister",
        "Deputy First Minister",
    ];
    const CHINA_ONLY: &[&str] = &[
        "Vice Premier",
        "Vice-Premier",
        "State Councilor",
        "State Councillor",
        "Vizepremier",
    ];
    if UK_ONLY.iter().any(|t| role.eq_ignore_ascii_case(t)) {
        Some(Side::Uk)
    } else if CHINA_ONLY.iter().any(|t| role.eq_ignore_ascii_case(t)) {
        Some(Side::China)
    } else {
        None
    }
}

/// `Department for Business and Trade`, `HM Treasury`, `Home Office`: names only the British
/// government gives its bodies (a Chinese province's is a `Department of Commerce`), whatever
/// country the sentence names near them.
fn british_by_its_form(name: &str) -> bool {
    name.starts_with("Department for ")
        || name.starts_with("HM ")
        || [
            "Home Office",
            "Foreign Office",
            "Cabinet Office",
            "Foreign, Commonwealth and Development Office",
        ]
        .contains(&name)
}

/// Words of time or sequence that open a sentence before a comma (`Hier, la …`, `Gestern, …`).
const SENTENCE_ADVERBS: &[&str] = &[
    "Yesterday",
    "Today",
    "Tomorrow",
    "Meanwhile",
    "However",
    "Also",
    "Hier",
    "Aujourd'hui",
    "Demain",
    "Ensuite",
    "Puis",
    "Enfin",
    "Cependant",
    "Toutefois",
    "Gestern",
    "Heute",
    "Morgen",
    "Zudem",
    "Außerdem",
    "Jedoch",
    "Dabei",
];

/// Portfolios and ranks that newspapers write in lower case before a title (`Hong Kong's
/// financial secretary`, `British finance minister`, `China's vice-premier`).
const LOWER_CASE_PORTFOLIOS: &[&str] = &[
    // `the first minister, John Swinney`.
    "first",
    "finance",
    "financial",
    "foreign",
    "home",
    "trade",
    "commerce",
    "business",
    "economy",
    "economic",
    "energy",
    "environment",
    "health",
    "education",
    "culture",
    "science",
    "technology",
    "industry",
    "interior",
    "defence",
    "defense",
    "transport",
    "treasury",
    "investment",
    "climate",
    "agriculture",
    "justice",
    "deputy",
    "vice",
    "junior",
    "senior",
];

/// Where a title that `word_start` opens truly starts, over up to two portfolio words in lower
/// case just before it: `financial secretary`, `deputy finance minister`.
fn portfolio_in_lower_case_before(text: &str, word_start: usize) -> usize {
    let mut start = word_start;
    for _ in 0..2 {
        let Some(before) = text[..start].strip_suffix(' ') else {
            break;
        };
        let word_at = before.rfind([' ', '\n']).map_or(0, |at| at + 1);
        if !LOWER_CASE_PORTFOLIOS.contains(&&before[word_at..]) {
            break;
        }
        start = word_at;
    }
    start
}

/// Where `part`, a subslice of `text` (a word found by splitting it), starts in `text`.
/// Where the word a role cue ends starts: a German compound title (`Staatschef`, `Jingye-Chef`)
/// is matched by its last part.
fn role_word_start(text: &str, cue: &CueMatch) -> usize {
    text[..cue.start].rfind([' ', '\n']).map_or(0, |at| at + 1).max(
        text[..cue.start]
            .rfind(|c: char| !c.is_alphanumeric() && c != '-')
            .map_or(0, |at| at + text[at..].chars().next().map_or(1, char::len_utf8)),
    )
}

/// The words of a name cut from [`capitalised_spans`], as `split_whitespace` would give them,
/// into `words`. Its words stand one byte apart (a wider space ends a span), so every space in
/// it is ASCII: a byte search finds them without decoding characters.
fn push_words<'s>(name: &'s str, words: &mut Vec<&'s str>) {
    let first = words.len();
    let mut from = 0;
    for (at, &b) in name.as_bytes().iter().enumerate() {
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            if at > from {
                words.push(&name[from..at]);
            }
            from = at + 1;
        }
    }
    if from < name.len() {
        words.push(&name[from..]);
    }
    debug_assert!(words[first..].iter().copied().eq(name.split_whitespace()), "{name:?}");
}

/// Where the first ASCII space of a name is: a plain byte search, where `str::find` sets up
/// a searcher that costs more than such a short text.
pub(crate) fn space_in(name: &str) -> Option<usize> {
    name.bytes().position(|b| b == b' ')
}

/// Punctuation or wide spaces may stand between a word and the edge of its text (`of—`,
/// `Gao\u{a0}Hucheng`), so offsets come from the word itself, never from lengths.
fn offset_in(text: &str, part: &str) -> usize {
    let offset = part.as_ptr() as usize - text.as_ptr() as usize;
    debug_assert!(offset + part.len() <= text.len(), "{part:?} is not inside {text:?}");
    offset
}

/// `JP`, `BP`, `HSBC`: two or more capitals.
fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
}

fn is_not_name(word: &str) -> bool {
    const ADJECTIVE_ENDINGS: &[&str] = &[
        "-based",
        "-focused",
        "-driven",
        "-led",
        "-owned",
        "-funded",
        "-backed",
        "-related",
        "-oriented",
        "-made",
    ];
    // Asked of every capitalised word: a hash probe where the first byte and the length allow
    // one, and the rarer checks only when they can apply.
    static NOT_NAME_SET: OnceLock<ByShape> = OnceLock::new();
    // An ending's dash is among the last nine bytes (`-oriented`).
    let tail = &word.as_bytes()[word.len().saturating_sub(9)..];
    NOT_NAME_SET.get_or_init(|| ByShape::new(NOT_NAMES)).contains(word)
        || (word.len() <= 10 && is_calendar_word(word))
        || (tail.contains(&b'-') && ADJECTIVE_ENDINGS.iter().any(|e| word.ends_with(e)))
        || is_plural_of_abbreviation(word)
}

/// `MPs`, `SMEs`, `NGOs`, `EVs`: the plural of a common abbreviation, no one's name.
fn is_plural_of_abbreviation(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|initials| (2..=4).contains(&initials.len()) && initials.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A set of words, with, for each first byte, the lengths of its words (bit `n` for `n` bytes,
/// 31 for longer): a word whose first byte and length match none needs no hashing.
struct ByShape {
    words: FxHashSet<&'static str>,
    lengths_by_first_byte: [u32; 256],
}

impl ByShape {
    fn new(words: &[&'static str]) -> ByShape {
        let mut lengths_by_first_byte = [0u32; 256];
        for word in words {
            if let Some(&first) = word.as_bytes().first() {
                lengths_by_first_byte[usize::from(first)] |= 1 << word.len().min(31);
            }
        }
        ByShape {
            words: words.iter().copied().collect(),
            lengths_by_first_byte,
        }
    }

    fn contains(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&first| self.lengths_by_first_byte[usize::from(first)] & (1 << word.len().min(31)) != 0)
            && self.words.contains(word)
    }
}

/// Words that join a role to the organisation it is held in (`director of …`).
const ROLE_OF: &[&str] = &[
    "of", "at", "for", "of the", "at the", "de", "du", "de la", "der", "des", "von", "bei",
];

/// `UK Foreign Secretary`, `Chinese Vice Premier`, `Deputy First Minister`: a side word or a
/// rank and a title of two words, which name an office, not its holder (the span ends with the
/// role).
fn is_side_and_title(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let side = words
        .next()
        .is_some_and(|w| NATIONALITY_WORDS.contains(&w) || TITLE_RANKS.contains(&w));
    side && words.count() == 2
}

/// Prepositions that join a role to its portfolio in French and German (English's `of` and
/// `for` join inside a capitalised span, see `find_actors`).
const PORTFOLIO_PREPOSITIONS: &[&str] = &["du", "des", "de", "de la", "au", "aux", "à la", "für"];

/// Where the holder's name starts in a span that opens with the portfolio of a role named just
/// before it (`ministre britannique des` + `Finances Philip Hammond`): at the last two words,
/// when the span has more, follows a portfolio preposition, and a role ends at most a few
/// words before, in the same clause.
fn holder_after_portfolio(text: &str, start: usize, span: (usize, usize), roles: &[CueMatch]) -> Option<usize> {
    let sentence = &text[start..];
    // The role first: few spans have one near, and it is the cheaper test.
    if !role_just_before(text, start, span, roles) {
        return None;
    }
    // `du ministre britannique de l'Énergie Ed Miliband`: an elided article after the
    // preposition, as in `is_portfolio`.
    if !ends_with_portfolio_preposition(without_elided_article(sentence[..span.0].trim_end()), &[]) {
        return None;
    }
    let spaces: Vec<usize> = sentence[span.0..span.1].match_indices(' ').map(|(at, _)| at).collect();
    // Three words at least: a portfolio and a first and last name.
    let &second_last = spaces.len().checked_sub(2).and_then(|at| spaces.get(at))?;
    Some(span.0 + second_last + 1)
}

/// Whether a span is only the portfolio of a role named just before it (`le secrétaire
/// britannique à l'Énergie`, `ministre de l'Écologie et de l'Environnement`, `Ministerin für
/// Wirtschaft`): a word or three after a portfolio preposition, no one's name.
fn is_portfolio(text: &str, start: usize, span: (usize, usize), roles: &[CueMatch]) -> bool {
    // The role first: few spans have one near, and it is the cheaper test.
    if !role_just_before(text, start, span, roles) {
        return false;
    }
    let sentence = &text[start..];
    let before = without_elided_article(sentence[..span.0].trim_end());
    // A portfolio is common nouns: not `directeur général de HSBC`, nor `de l'Université …`.
    let words = || sentence[span.0..span.1].split(' ');
    // `Minister für Energiesicherheit und Netto-Null`: capitalised words joined by a hyphen are
    // a compound noun in a portfolio, not a brand (`Rolls-Royce`) as elsewhere.
    let compound = |w: &str| w.split('-').all(|part| part.chars().skip(1).all(char::is_lowercase));
    ends_with_portfolio_preposition(before, &["à"])
        && words().count() <= 3
        && !words().any(|w| is_acronym(w) || (looks_like_brand(w) && !compound(w)) || is_org_word(w))
}

/// Where `ministère` starts when the span at `at` is its portfolio: `ministère (britannique)
/// de la` + `Science`, `ministère chinois du` + `Commerce`, `ministère de l'` + `Éducation`.
fn ministry_before_portfolio(sentence: &str, at: usize) -> Option<usize> {
    let before = without_elided_article(sentence[..at].trim_end());
    let rest = PORTFOLIO_PREPOSITIONS[..4].iter().find_map(|p| {
        before
            .strip_suffix(p)
            .filter(|rest| rest.ends_with(' '))
            .map(str::trim_end)
    })?;
    // One lowercase adjective may stand between (`britannique`, `chinois`).
    let (head, last) = rest.rsplit_once(' ').unwrap_or(("", rest));
    let (head, noun) = if last.eq_ignore_ascii_case("ministère") {
        (head, last)
    } else if last.starts_with(|c: char| c.is_lowercase()) {
        let (h, n) = head.trim_end().rsplit_once(' ').unwrap_or(("", head.trim_end()));
        (h, n)
    } else {
        return None;
    };
    noun.eq_ignore_ascii_case("ministère")
        .then(|| head.len() + usize::from(!head.is_empty()))
        .filter(|&s| sentence[s..].starts_with(noun))
}

/// `… de l'` → `… de`: the French article elided before a portfolio's vowel.
fn without_elided_article(before: &str) -> &str {
    before
        .strip_suffix("l'")
        .or_else(|| before.strip_suffix("l’"))
        .map_or(before, str::trim_end)
}

/// Whether `before` ends with a portfolio preposition (or one of `also`) as a word of its own.
fn ends_with_portfolio_preposition(before: &str, also: &[&str]) -> bool {
    // `Minister für Ökologie und` + `Umwelt Huang Runqiu`: portfolios joined by `und`, `et`,
    // `and` before this one follow the preposition.
    let mut before = before;
    while let Some(rest) = [" und", " et", " and"].iter().find_map(|j| before.strip_suffix(j)) {
        let rest = rest.trim_end();
        let (head, word) = rest.rsplit_once(' ').unwrap_or(("", rest));
        if !is_capitalised(word) {
            break;
        }
        before = head.trim_end();
    }
    PORTFOLIO_PREPOSITIONS.iter().chain(also).any(|p| {
        before
            .strip_suffix(p)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    })
}

/// A role ends at most a few words before the span, in the same clause.
fn role_just_before(text: &str, start: usize, span: (usize, usize), roles: &[CueMatch]) -> bool {
    roles.iter().any(|c| {
        c.end <= start + span.0
            && start + span.0 - c.end <= 40
            && !text[c.end..start + span.0].contains([',', ';', ':', '.'])
    })
}

/// Where a person's name closes a span that names an organisation first (`University of
/// Edinburgh Peter Mathieson`): two name words after a place or an organisation word.
fn holder_after_organisation(sentence: &str, span: (usize, usize), gazetteer: &Gazetteer) -> Option<usize> {
    // Four words at least: three spaces, counted before any word is split off.
    if sentence[span.0..span.1].bytes().filter(|&b| b == b' ').count() < 3 {
        return None;
    }
    let words = words_with_offsets(&sentence[span.0..span.1]);
    if words.len() < 4 || !words.iter().any(|(_, w)| is_org_word(w)) {
        return None;
    }
    let (before, name) = words.split_at(words.len() - 2);
    let is_name_word =
        |w: &str| is_capitalised(w) && !NAME_CONNECTORS.contains(&w) && !is_org_word(w) && !is_not_name(w);
    let (_, last_before) = before.last()?;
    let after_organisation = is_org_word(last_before) || !gazetteer.lookup(last_before).is_empty();
    let name_text = &sentence[span.0 + name[0].0..span.1];
    (after_organisation && name.iter().all(|(_, w)| is_name_word(w)) && gazetteer.lookup(name_text).is_empty())
        .then_some(span.0 + name[0].0)
}

/// "Secretary of State for Business, Innovation and Skills", "Cabinet Secretary for the
/// Constitution, External Affairs and Culture": after a comma, a list that closes with "and"
/// goes on naming the role's portfolio.
fn continues_title(text: &str, at: usize, name: &str, cues: &[CueMatch]) -> bool {
    // The role first: few names have one just before them.
    cues.iter().any(|c| {
        c.cue == Cue::Role && c.end <= at && at - c.end <= 80 && {
            let gap = text[c.end..at].trim();
            gap.ends_with(',')
                && ROLE_OF
                    .iter()
                    .any(|of| gap.strip_prefix(of).is_some_and(|g| g.starts_with(' ')))
        }
    }) && (contains_str(name, " and ") || contains_str(name, " & ") || text[at + name.len()..].starts_with(" and "))
}

/// Names of gatherings and documents (`Sino-UK Entrepreneur Forum`, `Joint Strategy for
/// Science`): what happened, not who took part. `London Tech Week`, an organiser, stays.
fn is_event_name(name: &str) -> bool {
    names_an_event(&name.split_whitespace().collect::<Vec<_>>())
}

/// [`is_event_name`] of a name split into its words (at whitespace).
fn names_an_event(words: &[&str]) -> bool {
    const EVENT_NOUNS: &[&str] = &[
        "summit",
        "forum",
        "roundtable",
        "conference",
        "dialogue",
        "strategy",
        "agreement",
        "cooperation",
        "memorandum",
        "seminar",
        "symposium",
        "expo",
        "fair",
        "initiative",
        "plan",
        "programme",
        "program",
    ];
    // French and German put the noun first (`Conférence de Munich`, `Sommet de Paris`).
    const FIRST_EVENT_NOUNS: &[&str] = &[
        "conférence",
        "sommet",
        "forum",
        "dialogue",
        "gipfel",
        "konferenz",
        "séminaire",
        "salon",
    ];
    let Some((&first, rest)) = words.split_first() else {
        return false;
    };
    let last = rest.last();
    fn bare(word: &str) -> &str {
        word.trim_matches(|c: char| !c.is_alphanumeric())
    }
    let is_one_of = |nouns: &[&str], word: &str| nouns.iter().any(|n| n.eq_ignore_ascii_case(word));
    (is_one_of(EVENT_NOUNS, bare(last.unwrap_or(&first)))
        || (last.is_some() && is_one_of(FIRST_EVENT_NOUNS, bare(first))))
        && !words.iter().any(|w| is_org_word(w))
}

/// French capitalises the first noun of an institution's name and not the rest (`Bureau
/// politique`, `Parti communiste`, `Affaires étrangères`): alone, such a noun names no one.
const FRENCH_INSTITUTION_NOUNS: &[&str] = &[
    "Affaires",
    "Assemblée",
    "Bureau",
    "Chambre",
    "Comité",
    "Conseil",
    "Etat",
    "Gouvernement",
    "Ministère",
    "Parti",
    "Sénat",
    "État",
];

/// Titles and honours after a name (`Sajid Javid MP`): not part of it.
const NAME_SUFFIXES: &[&str] = &[
    " MP", " MEP", " MSP", " OBE", " CBE", " MBE", " KBE", " DBE", " CMG", " KCMG", " GCMG",
];

/// Words for a side that can be the first word of a name (`British Council`).
const NATIONALITY_WORDS: &[&str] = &["British", "Chinese", "China", "UK", "Britain", "Scottish", "Welsh"];

/// Adjectives of a region of states, no name alone (`European companies`), that open one
/// before a capitalised word (`European Union`, `European Investment Bank`).
const REGION_ADJECTIVES: &[&str] = &["European"];

/// Ranks that stand before a title of two words (`Deputy First Minister`, `Vice Foreign
/// Minister`, `Former Foreign Secretary`).
const TITLE_RANKS: &[&str] = &[
    "Deputy",
    "Vice",
    "Acting",
    "Assistant",
    "Senior",
    "Permanent",
    "Former",
    "Junior",
];

/// A courtesy title before a name says a person is named (`Ms Forbes said`, `Mr Swinney`), with
/// no role needed.
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mr.", "Mrs.", "Ms.", "Dr", "Dr.", "Dame", "Sir",
];

/// Whether `words[at]` is "He" followed, one space on, by a name word: the surname of `He
/// Lifeng`, not the pronoun.
fn is_surname_he(words: &[(usize, &str)], at: usize) -> bool {
    words.get(at).is_some_and(|&(start, word)| {
        word == "He"
            && words.get(at + 1).is_some_and(|&(next_start, next)| {
                next_start == start + 3 && is_capitalised(next) && !is_not_name(next)
            })
    })
}

/// Whether `before` ends with a preposition of place: what follows is where, not who.
fn after_locative(before: &str) -> bool {
    const LOCATIVES: &[&str] = &[
        " in",
        " in the",
        " within the",
        " in der",
        " dans l'",
        " dans l’",
        " en",
        " au sein de l'",
        "在",
        "於",
        "于",
    ];
    let before = before.trim_end();
    LOCATIVES
        .iter()
        .any(|p| before.ends_with(p) || p.strip_prefix(' ').is_some_and(|w| before == w))
}

/// Words that open the name of a ministry, whose portfolios are joined by `and` inside it
/// (`Department for Business and Trade`, `Ministry of Ecology and Environment`).
const MINISTRY_HEADS: &[&str] = &["Department", "Ministry", "Office"];

/// Whether the words from `at` on are the rest of a ministry's list of portfolios: a word or
/// two each, up to an `and` before a capitalised word; a body's name (`Zhuzhou Municipal
/// People's Government`) is another item of another list.
fn portfolio_list_goes_on(words: &[(usize, &str)], at: usize) -> bool {
    for q in at..words.len().min(at + 6) {
        let (_, word) = words[q];
        if word == "and" {
            return q > at
                && words
                    .get(q + 1)
                    .is_some_and(|&(_, w)| is_capitalised(w) && !is_org_word(w));
        }
        if q >= at + 2 || !is_capitalised(word) || is_org_word(word) || word.contains(['\'', '’']) {
            return false;
        }
    }
    false
}

/// Byte ranges of runs of capitalised words (with connectors inside), within `sentence`.
fn capitalised_spans(sentence: &str, connectors: &[&str]) -> Vec<(usize, usize)> {
    let words = words_with_offsets(sentence);
    // A sentence read for actors has a few spans, rarely more than sixteen: one allocation
    // rather than three as the list grows.
    let mut spans = Vec::with_capacity(words.len().min(16));
    let mut i = 0;
    while i < words.len() {
        let (start, word) = words[i];
        // Most words of a sentence end here.
        if !is_capitalised(word) {
            i += 1;
            continue;
        }
        // "British Steel", "China Construction Bank": a nationality word opens a name when a
        // name word follows it (a role after it is cut off in `find_actors`).
        // Not the host country of "Ambassador to the UK Liu Xiaoming".
        let after_preposition = |back: usize| {
            i.checked_sub(back)
                .is_some_and(|at| ["to", "in", "au", "en"].contains(&words[at].1))
        };
        let opens_name = (NATIONALITY_WORDS.contains(&word) || REGION_ADJECTIVES.contains(&word))
            && !after_preposition(1)
            && !(i >= 1 && words[i - 1].1 == "the" && after_preposition(2))
            && words.get(i + 1).is_some_and(|&(next_start, next)| {
                next_start == start + word.len() + 1 && is_capitalised(next) && !is_not_name(next)
            });
        // `le vice-Premier ministre chinois He Lifeng`: mid-sentence, "He" before a name is a
        // surname (the pronoun is written "he" there).
        let surname_he = i > 0 && is_surname_he(&words, i);
        if !opens_name && !surname_he && is_not_name(word.trim_end_matches(['.', '\'', '’'])) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut end = start + word.len();
        let ministry = MINISTRY_HEADS.contains(&word);
        let mut listing_portfolios = false;
        while j + 1 < words.len() {
            let (next_start, next) = words[j + 1];
            let gap_ok = next_start <= end + 1 && !sentence[end..next_start].contains([',', ';', '(', ')', '"']);
            // `Department for Science, Innovation and Technology`: a ministry's portfolios are
            // listed with commas up to their `and`.
            if !gap_ok {
                // The first comma comes after the head and one portfolio.
                let listing = ministry
                    && (listing_portfolios || j == i + 2)
                    && &sentence[end..next_start] == ", "
                    && portfolio_list_goes_on(&words, j + 1);
                if !listing {
                    break;
                }
                listing_portfolios = true;
            }
            // "Theresa May": a month after a name word, with no day after it, is a surname.
            // Asked only of a capitalised word that is not a name otherwise, like the next one.
            let surname_month = || {
                is_calendar_word(next)
                    && is_capitalised(words[j].1)
                    && !is_calendar_word(words[j].1)
                    && !words
                        .get(j + 2)
                        .is_some_and(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit()))
            };
            // "Vice Premier He Lifeng": He is a surname inside a name, not a pronoun.
            let surname_he = || is_surname_he(&words, j + 1);
            // "Vice Mayor Hua Yuan": after a name word, Yuan is a given name, not the currency
            // (which follows a number).
            let given_name_yuan = || next == "Yuan" && !is_not_name(words[j].1);
            if is_capitalised(next) && (!is_not_name(next) || surname_month() || surname_he() || given_name_yuan()) {
                j += 1;
                end = next_start + next.len();
            } else if connectors.contains(&next)
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

/// What each byte is to [`words_with_offsets`]: [`IN_WORD`] (a letter, a digit, or a byte
/// of a character that cannot be a separator, or inside one: a separator's are stepped over
/// whole), [`SEPARATOR`] (spaces and the ASCII punctuation that cannot be inside a name), or
/// [`DECODE`] (the first byte of a character that may be either: the wide spaces, `“”«»`).
const BYTE_CLASS: [u8; 256] = {
    let mut class = [IN_WORD; 256];
    let separators = b" \t\n\r\x0b\x0c,;:\"()";
    let mut i = 0;
    while i < separators.len() {
        class[separators[i] as usize] = SEPARATOR;
        i += 1;
    }
    // U+0085, U+00A0, `«`, `»`; U+1680; U+2000–U+205F (`“`, `”`); U+3000. Han text, whose
    // characters start with other bytes, is read without decoding.
    class[0xC2] = DECODE;
    class[0xE1] = DECODE;
    class[0xE2] = DECODE;
    class[0xE3] = DECODE;
    class
};
const IN_WORD: u8 = 0;
const SEPARATOR: u8 = 1;
const DECODE: u8 = 2;

/// The words of `sentence` with their byte offsets, split at spaces and punctuation that
/// cannot be inside a name.
fn words_with_offsets(sentence: &str) -> Vec<(usize, &str)> {
    let bytes = sentence.as_bytes();
    // The width of the separator at byte `i`, `None` inside a word. Byte by byte through a
    // table: only a multi-byte character is decoded. Inlined: it is asked of every byte.
    #[inline(always)]
    fn separator_at(sentence: &str, i: usize) -> Option<usize> {
        match BYTE_CLASS[usize::from(sentence.as_bytes()[i])] {
            IN_WORD => None,
            SEPARATOR => Some(1),
            _ => sentence[i..]
                .chars()
                .next()
                .filter(|&c| c.is_whitespace() || matches!(c, '“' | '”' | '«' | '»'))
                .map(char::len_utf8),
        }
    }
    let mut words = Vec::with_capacity(sentence.len() / 6);
    let mut i = 0;
    while i < bytes.len() {
        if let Some(width) = separator_at(sentence, i) {
            i += width;
            continue;
        }
        let start = i;
        i += 1;
        while i < bytes.len() && separator_at(sentence, i).is_none() {
            i += 1;
        }
        words.push(without_elision(start, &sentence[start..i]));
    }
    words
}

/// French elides `de` and `le`/`la` before a vowel: in "la centrale d'Hinkley Point" and
/// "l'Université de Nottingham" the name starts after the apostrophe.
#[inline]
fn without_elision(start: usize, word: &str) -> (usize, &str) {
    let bytes = word.as_bytes();
    if !matches!(bytes.first(), Some(b'd' | b'l')) {
        return (start, word);
    }
    let quote = if bytes.get(1) == Some(&b'\'') {
        1
    } else if word[1..].starts_with('’') {
        '’'.len_utf8()
    } else {
        return (start, word);
    };
    match word[1 + quote..].chars().next() {
        Some(c) if c.is_uppercase() => (start + 1 + quote, &word[1 + quote..]),
        _ => (start, word),
    }
}

/// `Hefei`, `AstraZeneca`, `BMSTC`: a word whose first letter is a capital, and that either
/// has lowercase letters too or is all capitals (two letters or more).
#[inline]
fn is_capitalised(word: &str) -> bool {
    // Most words of a sentence start with a lowercase ASCII letter, their first letter: told
    // where the question is asked.
    match word.as_bytes().first() {
        None => false,
        Some(first) if first.is_ascii_lowercase() => false,
        Some(&first) => is_capitalised_unless_lower(word, first),
    }
}

/// [`is_capitalised`] of a word whose first byte, `first`, is no lowercase ASCII letter.
fn is_capitalised_unless_lower(word: &str, first: u8) -> bool {
    // A Han character is a letter and no capital: a Chinese run of text is no name, told
    // without a pass over it or Unicode's tables.
    if first >= 0xE3 && word.chars().next().is_some_and(is_han) {
        return false;
    }
    // Most of the others are ASCII: read byte by byte, without decoding.
    if word.is_ascii() {
        // One pass over the bytes after the first letter, which must be a capital: the lower-
        // and upper-case letters counted.
        let bytes = word.as_bytes();
        let Some(first_letter) = bytes.iter().position(u8::is_ascii_alphabetic) else {
            return false;
        };
        if !bytes[first_letter].is_ascii_uppercase() {
            return false;
        }
        let (mut lower, mut upper) = (0usize, 0usize);
        for &b in &bytes[first_letter + 1..] {
            lower += usize::from(b.is_ascii_lowercase());
            upper += usize::from(b.is_ascii_uppercase());
        }
        // As `capitalised_letters` tells it: some lowercase letter after a first letter that
        // starts the word, or capitals only (two at least).
        return (first.is_ascii_alphabetic() && lower > 0) || (upper > 0 && lower == 0);
    }
    let letters = word.chars().filter(|c| c.is_alphabetic());
    capitalised_letters(
        word.chars().next().is_some_and(char::is_alphabetic),
        letters.map(|c| (c.is_uppercase(), c.is_lowercase())),
    )
}

/// [`is_capitalised`] of a word given whether its first character is a letter and, for each of
/// its letters, whether it is upper case and whether it is lower case.
fn capitalised_letters(starts_with_letter: bool, mut letters: impl Iterator<Item = (bool, bool)>) -> bool {
    if !letters.next().is_some_and(|(upper, _)| upper) {
        return false;
    }
    let mut has_more = false;
    let mut any_lower = false;
    let mut all_upper = true;
    for (upper, lower) in letters {
        has_more = true;
        any_lower |= lower;
        all_upper &= upper;
    }
    (starts_with_letter && any_lower) || (has_more && all_upper)
}

/// The side of a name at `start..end`: a side word inside it or just before it, else the
/// country of a place named inside it.
fn side_of(
    text: &str,
    start: usize,
    end: usize,
    cues: &[CueMatch],
    places: &[NameMatch],
    gazetteer: &Gazetteer,
) -> Option<Side> {
    let window_start = start.saturating_sub(40);
    // "Chinese Ambassador to the United Kingdom (UK) Zheng Zeguang": the country an envoy is
    // sent to, and whatever follows it up to the name, is not the side they represent.
    let host_country = |c: &CueMatch| {
        let head = &text[..c.start];
        let from = head.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
        let before = head[from..].trim_end();
        ["to", "to the", "in", "in the", "au", "en", "beim", "im", "in der"]
            .iter()
            .any(|w| before.strip_suffix(w).is_some_and(|b| b.is_empty() || b.ends_with(' ')))
            || before.ends_with(['驻', '駐'])
    };
    let envoy_near = |c: &CueMatch| {
        cues.iter()
            .any(|r| r.cue == Cue::Role && r.end + 30 >= c.start && r.start <= c.end + 10)
    };
    let hosted_from = cues
        .iter()
        .filter(|c| matches!(c.cue, Cue::Side(_)) && c.start >= window_start && c.start < start)
        .filter(|c| host_country(c) && envoy_near(c))
        .map(|c| c.start)
        .min();
    // The envoy's own side is named before the host country: look that far back.
    let mut search_from = hosted_from.map_or(window_start, |h| h.saturating_sub(40));
    // "…für China gesichert, sagte Premierminister David Cameron": a side word goes with a role
    // right before the name only from within the role's own clause.
    if let Some(role) = cues
        .iter()
        .find(|c| c.cue == Cue::Role && c.end <= start && text[c.end..start].trim().is_empty())
    {
        // The window's start counts bytes: step back to a character's start before slicing.
        let mut from = search_from.min(role.start);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        if let Some(comma) = text[from..role.start].rfind([',', ';']) {
            search_from = search_from.max(from + comma + 1);
        }
    }
    let nearest = cues
        .iter()
        .filter(|c| c.start >= search_from && c.end <= end)
        .filter(|c| !hosted_from.is_some_and(|h| c.start >= h && c.start < start))
        .filter_map(|c| match c.cue {
            Cue::Side(side) => Some((c.start, side)),
            _ => None,
        })
        .max_by_key(|&(s, _)| if s >= start { usize::MAX - s } else { s });
    if let Some((_, side)) = nearest {
        return Some(side);
    }
    side_of_places(places, start, end, gazetteer)
}

/// The side a country (ISO code, as in the gazetteer) stands for.
fn side_of_country(country: &str) -> Side {
    match country {
        "CN" | "HK" | "MO" => Side::China,
        "GB" => Side::Uk,
        _ => Side::Other,
    }
}

/// The country of the first of the sentence's places within `start..end` that lies in China or
/// the UK.
fn side_of_places(places: &[NameMatch], start: usize, end: usize, gazetteer: &Gazetteer) -> Option<Side> {
    places
        .iter()
        .filter(|m| start <= m.start && m.end <= end)
        .find_map(|m| {
            m.candidates
                .iter()
                .map(|&i| side_of_country(&gazetteer.place(i).country))
                .find(|&side| side != Side::Other)
        })
}

/// "Angus Robertson, Cabinet Secretary … of the Scottish Government": the side a role held
/// says, before any side named near the person (`cooperation with China, Angus Robertson`).
fn side_of_role(
    start: usize,
    end: usize,
    cues: &[CueMatch],
    places: &[NameMatch],
    gazetteer: &Gazetteer,
) -> Option<Side> {
    cues.iter()
        .filter(|c| c.start >= start && c.end <= end)
        .find_map(|c| match c.cue {
            Cue::Side(side) => Some(side),
            _ => None,
        })
        .or_else(|| side_of_places(places, start, end, gazetteer))
}

/// The side of a role held before a name (`His Majesty's Ambassador to China, Dr Peter
/// Wilson`), read in the role's own words; an envoy's title ends where it names the host
/// country (`to China`), which is not the envoy's side.
fn side_of_role_before_name(
    text: &str,
    role: &CueMatch,
    name_start: usize,
    cues: &[CueMatch],
    places: &[NameMatch],
    gazetteer: &Gazetteer,
) -> Option<Side> {
    const ENVOYS: &[&str] = &[
        "ambassador",
        "envoy",
        "consul-general",
        "consul general",
        "botschafter",
        "ambassadeur",
    ];
    let role_text = &text[role.start..name_start];
    let host = ENVOYS
        .iter()
        .any(|envoy| starts_with_ignore_ascii_case(role_text, envoy))
        .then(|| {
            [" to ", " au ", " en ", " beim ", " in "]
                .iter()
                .filter_map(|p| find_str(role_text, p))
                .min()
        })
        .flatten();
    // `Chinas Minister für …`, `den britischen Minister für …`: the side word just before the
    // role is the role's, however long the portfolio between it and the name.
    let word = role_word_start(text, role);
    let from = cues
        .iter()
        .filter(|c| matches!(c.cue, Cue::Side(_)) && c.end <= word && word - c.end <= 4)
        .find(|c| text[c.end..word].chars().all(|ch| ch.is_alphabetic() || ch == ' '))
        .map_or(role.start, |c| c.start);
    side_of_role(
        from,
        host.map_or(name_start, |at| role.start + at),
        cues,
        places,
        gazetteer,
    )
}

/// Characters that cannot be inside a Chinese organisation's name: conjunctions and prepositions
/// in both scripts. (A list of characters, not a `str`: `str::contains` of a character outside
/// ASCII sets up a substring searcher for each call, and it is asked of every character.)
const HAN_ORG_STOPS: &[char] = &[
    '的', '与', '與', '和', '及', '在', '了', '是', '、', '将', '將', '为', '為', '于', '於', '对', '對', '向', '同',
    '并', '並', '据', '據', '由',
];

/// Words that open a phrase before an organisation's name, not the name: "来自" (from),
/// "包括" (including: `成员包括伦敦证券交易所集团`), "其中" (among them), "率领" (led:
/// `二十一日率領特區政府代表團`), and time words before a subject (`上周英国财政部`).
const HAN_ORG_LEADS: &[&str] = &[
    "来自", "來自", "包括", "包含", "其中", "率领", "率領", "带领", "帶領", "上周", "上週", "本周", "本週", "下周",
    "下週", "上月", "本月", "下月", "今年", "去年", "明年", "昨日", "今日", "明日", "昨天", "今天", "明天", "日前",
    "近日", "当天", "當天",
    // Verbs of founding before what is founded (`合辦聯合學院`, `共建研究院`).
    "合办", "合辦", "共建",
];

/// A one-character lead (`应` at the invitation of, `经` by way of) and the word later in the
/// phrase that shows it is one (`应…邀请`, `经教育部批准`); without it the character may be
/// the name's own (`供应链`, `经济部`).
const HAN_ORG_ONE_CHARACTER_LEADS: &[(&str, &str)] = &[("应", "邀"), ("應", "邀"), ("经", "批准"), ("經", "批准")];

/// "Both countries", "both sides", "each country": before `政府`, the states, not one body.
const HAN_BOTH_SIDES: &[&str] = &["两国", "兩國", "双方", "雙方", "各国", "各國"];

/// Characters that end a Chinese name: conjunctions, prepositions and common verbs.
const HAN_NAME_STOPS: &[char] = &[
    '的', '与', '與', '和', '及', '、', '等', '在', '对', '對', '共', '同', '是', '将', '將', '为', '為', '于', '於',
    '表', '示', '说', '說', '会', '會', '见', '見', '出', '席', '率', '陪', '向', '就', '了', '也', '均', '都', '同',
    '并', '並', '，', ',', '。', '；', ';', '：', ':', '（', '(', '）', ')', '“', '”', '《', '》', '签', '簽',
];

/// Modifiers between a name and its role (`刘桂平常务副市长`).
const HAN_ROLE_MODIFIERS: &[&str] = &[
    "常务", "常務", "执行", "執行", "首席", "高级", "高級", "一级", "一級", "副",
];

/// `栾建章主任`, `刘桂平常务副市长`: a name of two or three characters (or a foreign name with
/// `•`) standing alone right before its role. Returns the name and the byte offset in `before`
/// where it starts.
fn han_name_before_role(before: &str) -> Option<(String, usize)> {
    let mut rest = before;
    while let Some(modifier) = HAN_ROLE_MODIFIERS.iter().find(|m| rest.ends_with(*m)) {
        rest = &rest[..rest.len() - modifier.len()];
    }
    let name_start = rest
        .char_indices()
        .rev()
        .take_while(|&(_, c)| (is_han(c) || c == '•' || c == '·') && !HAN_NAME_STOPS.contains(&c))
        .last()
        .map(|(i, _)| i)?;
    let name = &rest[name_start..];
    let at_boundary = rest[..name_start]
        .chars()
        .next_back()
        .is_none_or(|c| !is_han(c) || HAN_NAME_STOPS.contains(&c));
    let chars = name.chars().count();
    let plausible = if name.contains(['•', '·']) {
        chars <= 12
    } else {
        // `国务院副总理韩正`: the body the role belongs to, whose holder comes after it.
        (2..=3).contains(&chars) && !name.ends_with(HAN_BODY_ENDS)
    };
    (at_boundary && plausible).then(|| (name.to_string(), name_start))
}

/// Last characters of the names of bodies (`国务院`, `外交部`, `市委`, `商务厅`), which no
/// person's name before a role ends with.
const HAN_BODY_ENDS: &[char] = &[
    '院', '部', '委', '局', '厅', '廳', '会', '會', '府', '办', '辦', '处', '處', '司', '馆', '館',
];

/// What follows a transliterated name (`詹姆斯·克莱弗利抵达北京`) and is no part of it:
/// the first characters of verbs and time words after a subject.
const AFTER_FOREIGN_NAME: &[char] = &[
    '抵', '访', '訪', '参', '參', '应', '應', '一', '今', '昨', '明', '当', '當', '近', '致', '称', '稱', '指', '到',
    '赴', '前', '此', '再', '又', '还', '還', '已', '正', '日', '月', '年',
    // Verbs that follow a speaker or a host (`摩根举行会谈`, `…表示`, `…出席`, `…率团`), no
    // character of a transliterated name.
    '举', '舉', '会', '會', '表', '出', '发', '發', '率', '签', '簽', '说', '說', '在', '和', '与', '與', '共', '宣',
    // A title after the name (`朗斯代尔教授`, `…先生`, `…女士`, `…爵士`) and `专程` (came
    // especially).
    '教', '先', '女', '爵', '专', '專',
];

/// Titles written after a name: Lord, Sir, Mr, Ms, Professor, Doctor.
const HAN_TITLES_AFTER_NAME: &[&str] = &["勋爵", "勳爵", "爵士", "先生", "女士", "教授", "博士"];

/// `与`, `與`, `同`, `跟` (with): what stands after them is a partner, a party of its own.
const HAN_PARTNER_JOINS: &[char] = &['与', '與', '同', '跟'];

/// `大使吴百纳`, `市长安迪•伯纳姆`: the name right after a role.
fn han_name_after_role(after: &str) -> Option<String> {
    let run: String = after
        .chars()
        .take_while(|&c| (is_han(c) || c == '•' || c == '·') && !HAN_NAME_STOPS.contains(&c))
        .take(12)
        .collect();
    // Not a time word after the role (`部长昨日率团`); one after the name ends it (`韩正当天`).
    const TIME_WORDS: &[&str] = &[
        "昨日", "今日", "明日", "昨天", "今天", "明天", "日前", "近日", "当天", "當天", "上午", "下午", "晚上", "随后",
        "隨後",
    ];
    // `大臣六年来首次访华`: a count of years after the role is no name (no surname is a numeral).
    if run.starts_with(['一', '二', '两', '兩', '三', '四', '五', '六', '七', '八', '九', '十']) {
        return None;
    }
    // `行长贝利以及…`: the conjunction `以及` ends a name as `及` does (which stopped the run).
    let run = match run
        .strip_suffix('以')
        .filter(|r| after[r.len() + '以'.len_utf8()..].starts_with('及'))
    {
        Some(without) => without,
        None => &run[..],
    };
    let run = match TIME_WORDS.iter().filter_map(|t| find_str(run, t)).min() {
        Some(at) => &run[..at],
        None => run,
    };
    let name: String = match run.rfind(['•', '·']) {
        // The part after the last dot ends before a verb: `克莱弗利抵达`.
        Some(dot) => {
            let surname = dot + run[dot..].chars().next().map_or(1, char::len_utf8);
            let end = run[surname..]
                .char_indices()
                .find(|&(_, c)| AFTER_FOREIGN_NAME.contains(&c))
                .map_or(run.len(), |(at, _)| surname + at);
            run[..end].to_string()
        }
        // `奥金克洛斯(Murray Auchincloss)`: a name glossed in Latin letters is the whole run
        // before the bracket, however long its transliteration.
        None if after[run.len()..].starts_with(['(', '（'])
            && after[run.len()..]
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_uppercase()) =>
        {
            run.to_string()
        }
        // `沙逊勋爵出席`: a title after the name (Lord, Sir, Mr, Professor) ends it.
        None => {
            let name: String = run.chars().take(3).collect();
            match HAN_TITLES_AFTER_NAME.iter().filter_map(|t| find_str(run, t)).min() {
                Some(at) if at < name.len() => run[..at].to_string(),
                _ => name,
            }
        }
    };
    (name.chars().count() >= 2 && !name.ends_with(['•', '·'])).then_some(name)
}

/// Chinese organisations (a run of Han characters ending in an organisation suffix) and people
/// named next to a role (`大使吴百纳`, `市长安迪•伯纳姆`, `栾建章主任`).
fn han_actors(
    text: &str,
    start: usize,
    end: usize,
    cues: &[CueMatch],
    places: &[NameMatch],
    gazetteer: &Gazetteer,
) -> Vec<Actor> {
    let sentence = &text[start..end];
    let mut actors = Vec::new();
    // Where each organisation found ends, and the side its name tells (if any): a role right
    // after it is held there (`英中贸易协会主席`).
    let mut employers: Vec<(usize, Option<Side>)> = Vec::new();
    for (at, name_end, _) in HAN_ORG_SUFFIXES.find_in(sentence) {
        let suffix_len = name_end - at;
        let name_start = sentence[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_han(c) && !HAN_ORG_STOPS.contains(&c))
            .take(10)
            .last()
            .map_or(at, |(i, _)| i);
        // "来自两国政府" (from the two governments): `来自` opens the phrase, and governments
        // of "both countries" are the two states (`both_sides`), not an organisation.
        // One walk over the run's characters: a substring search per lead would set up a
        // searcher each time.
        let run = &sentence[name_start..at];
        let name_start = run
            .char_indices()
            .filter_map(|(i, _)| {
                HAN_ORG_LEADS
                    .iter()
                    .find(|lead| run[i..].starts_with(**lead))
                    .map(|lead| i + lead.len())
            })
            .max()
            .map_or(name_start, |after| name_start + after);
        // "应威尔士政府邀请" (at the invitation of), "经教育部批准" (approved by): a
        // one-character lead, taken only where the phrase begins (`供应链` holds one too).
        let name_start = HAN_ORG_ONE_CHARACTER_LEADS
            .iter()
            .find(|(lead, shown_by)| {
                sentence[name_start..at].starts_with(lead) && contains_str(&sentence[name_end..], shown_by)
            })
            .map_or(name_start, |(lead, _)| name_start + lead.len());
        // "随行的有英格兰银行行长" (those who came along were …): after `的`, `有` opens a list.
        let name_start = if sentence[..name_start].ends_with('的') && sentence[name_start..at].starts_with('有') {
            name_start + '有'.len_utf8()
        } else {
            name_start
        };
        let owner = &sentence[name_start..at];
        if name_end - name_start > suffix_len && !HAN_BOTH_SIDES.contains(&owner) {
            let name = &sentence[name_start..name_end];
            let actor_type = if GOV_WORDS.iter().any(|w| contains_str(name, w)) {
                ActorType::Gov
            } else {
                ActorType::Org
            };
            // `英國伯明翰大學與暨南大學`: the side word before `与` (with) is the first party's;
            // the partner's side is told by its own name only.
            let side = if sentence[..name_start].ends_with(HAN_PARTNER_JOINS) {
                let own_cues: Vec<CueMatch> = cues.iter().filter(|c| c.start >= start + name_start).copied().collect();
                side_of(text, start + name_start, start + name_end, &own_cues, places, gazetteer)
            } else {
                side_of(text, start + name_start, start + name_end, cues, places, gazetteer)
            };
            employers.push((start + name_end, side));
            actors.push(Actor {
                name: name.to_string(),
                actor_type,
                country: side.or(Some(Side::China)),
                role: None,
            });
        }
    }
    // Where the last person named with a role ends: the next item of a list
    // (`总领事罗玛琳、厅长张劲松`) takes its side from its own role, not from the item before.
    let mut previous_person_end = None;
    for cue in cues
        .iter()
        .filter(|c| c.cue == Cue::Role && c.start >= start && c.end <= end)
    {
        // `总领事馆`, `大使馆`: the consulate, the embassy (organisations), not a consul.
        if !text[cue.start..cue.end].chars().all(is_han) || text[cue.end..end].starts_with(['馆', '館']) {
            continue;
        }
        // `校长西蒙·朗斯代尔教授专程出席`: a title right after a person's name is theirs, and
        // names no one after it.
        if previous_person_end == Some(cue.start) {
            continue;
        }
        let before = &text[start..cue.start];
        let before_role = han_name_before_role(before).filter(|(name, _)| gazetteer.lookup(name).is_empty());
        let (name, role_start, name_end) = if let Some((name, at)) = before_role {
            let role_start = start + at + name.len();
            (name, role_start, cue.end)
        } else if let Some(name) = han_name_after_role(&text[cue.end..end]) {
            // The role's own words before the cue: `英国驻华大使`.
            let role_start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_han(c) && !HAN_NAME_STOPS.contains(&c))
                .take(6)
                .last()
                .map_or(cue.start, |(i, _)| start + i);
            // `財經事務及庫務局局長`: `及` joins two portfolios inside one bureau's name (what
            // follows it is a body's), not two people's roles (`市长及商务局局长`).
            let role_start = match text[..role_start].strip_suffix('及') {
                Some(before)
                    if text[role_start..cue.start].ends_with(HAN_BODY_ENDS)
                        && !cues.iter().any(|c| c.cue == Cue::Role && c.end == before.len()) =>
                {
                    before[start.min(before.len())..]
                        .char_indices()
                        .rev()
                        .take_while(|&(_, c)| is_han(c) && !HAN_NAME_STOPS.contains(&c) && !HAN_BODY_ENDS.contains(&c))
                        .take(6)
                        .last()
                        .map_or(role_start, |(i, _)| start + i)
                }
                _ => role_start,
            };
            // Never from the middle of a place's name: `中国国家能源局局长`, not `国国家能源局局长`.
            let role_start = places
                .iter()
                .find(|m| m.start < role_start && role_start < m.end)
                .map_or(role_start, |m| m.start);
            let name_end = cue.end + name.len();
            (name, role_start, name_end)
        } else {
            continue;
        };
        let role = &text[role_start..cue.end];
        let foreign = name.contains(['•', '·']);
        let next_in_list = previous_person_end.is_some_and(|end| {
            end <= role_start && ["、", "，", "和", "与", "與", "及"].contains(&&text[end..role_start])
        });
        previous_person_end = Some(name_end);
        let employer_side = || {
            employers
                .iter()
                .find(|&&(org_end, _)| org_end == role_start)
                .and_then(|&(_, side)| side)
        };
        let country = if next_in_list {
            side_of_role(role_start, cue.end, cues, places, gazetteer)
        } else {
            side_of(text, role_start, cue.end, cues, places, gazetteer)
        }
        .or_else(employer_side)
        .or(if foreign { None } else { Some(Side::China) });
        actors.push(Actor {
            name,
            actor_type: ActorType::Person,
            country,
            role: Some(role.to_string()),
        });
    }
    actors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_named_by_its_kind_alone_is_no_actor() {
        assert_eq!(
            names(
                "Im Jahr davor hatte der Konzern in Peking ein Zentrum eröffnet.",
                Language::German
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            names("Laut Konzern BP wurde das Werk eröffnet.", Language::German),
            ["BP"]
        );
        assert!(follows_article("selon l’"));
        assert!(follows_article("the "));
        assert!(!follows_article("Nol'"));
        assert!(!follows_article("other "));
    }
    use crate::lexicon::cues;

    #[test]
    fn every_separator_starts_with_a_byte_the_word_splitter_stops_at() {
        let is_separator =
            |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '«' | '»');
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_separator(c)) {
            let mut buf = [0u8; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert_ne!(BYTE_CLASS[usize::from(first)], IN_WORD, "{c:?}");
        }
        assert_eq!(
            words_with_offsets("Gao\u{a0}Hucheng, «Tencent»"),
            [(0, "Gao"), (5, "Hucheng"), (16, "Tencent")]
        );
    }

    /// Name, role and side of each actor found.
    fn described(sentence: &str, lang: Language) -> Vec<(String, Option<String>, Option<Side>)> {
        actors_in(sentence, lang)
            .into_iter()
            .map(|a| (a.name, a.role, a.country))
            .collect()
    }

    #[test]
    fn what_a_country_owns_is_a_name_of_its_own() {
        let found = described(
            "Officials from China's Ministry of Commerce welcomed the deal signed by Britain’s Department for Business and Trade.",
            Language::English,
        );
        assert!(
            found.contains(&("Ministry of Commerce".into(), None, Some(Side::China))),
            "{found:?}"
        );
        assert!(
            found.contains(&("Department for Business and Trade".into(), None, Some(Side::Uk))),
            "{found:?}"
        );
        // A district is a place, whoever's it is.
        assert_eq!(
            names("The lab is based in Hong Kong's Sha Tin district.", Language::English),
            Vec::<String>::new()
        );
    }

    #[test]
    fn people_listed_with_their_roles_each_keep_their_own() {
        let found = described(
            "The lab was opened by HKUST president Nancy Ip and Glasgow's vice-chancellor Sir Anton Muscatelli.",
            Language::English,
        );
        let names: Vec<&str> = found.iter().map(|(n, ..)| n.as_str()).collect();
        assert_eq!(names, ["HKUST", "Nancy Ip", "Sir Anton Muscatelli"]);
        assert_eq!(found[1].1.as_deref(), Some("president"));
        let found = described(
            "Reeves was accompanied by the Bank of England governor, Andrew Bailey, and the chief executive of the Financial Conduct Authority, Nikhil Rathi.",
            Language::English,
        );
        let role = |name: &str| found.iter().find(|(n, ..)| n == name).and_then(|(_, r, _)| r.clone());
        assert_eq!(role("Andrew Bailey").as_deref(), Some("governor"));
        assert_eq!(
            role("Nikhil Rathi").as_deref(),
            Some("chief executive of the Financial Conduct Authority")
        );
        let found = described(
            "La chancelière de l'Échiquier britannique, Rachel Reeves, s'est rendue samedi à Pékin.",
            Language::French,
        );
        assert_eq!(
            found,
            [(
                "Rachel Reeves".into(),
                Some("chancelière de l'Échiquier britannique".into()),
                Some(Side::Uk)
            )]
        );
    }

    #[test]
    fn a_german_noun_of_a_kind_of_company_before_a_name_is_no_part_of_it() {
        let found = names(
            "Der chinesische Energiekonzern Mingyang Smart Energy übernimmt den britischen Zulieferer Offshore Blades Ltd. aus Hull.",
            Language::German,
        );
        assert!(found.iter().any(|n| n == "Mingyang Smart Energy"), "{found:?}");
        assert!(found.iter().any(|n| n.starts_with("Offshore Blades")), "{found:?}");
        // A surname is no kind of company.
        let found = names("Die Bauer Media Group investiert in London.", Language::German);
        assert!(found.iter().any(|n| n == "Bauer Media Group"), "{found:?}");
    }

    #[test]
    fn capitals_make_a_name_and_han_text_is_none() {
        for word in ["Hefei", "AstraZeneca", "BMSTC", "Ölkonzern", "«BYD»"] {
            assert!(is_capitalised(word), "{word}");
        }
        for word in ["hefei", "A", "2024", "英国驻华大使", "英国Tencent", "", "—"] {
            assert!(!is_capitalised(word), "{word}");
        }
    }

    #[test]
    fn a_set_by_shape_holds_its_words_and_no_others() {
        let long = "Verwaltungsgerichtshofspräsidentenwahl";
        let set = ByShape::new(&["The", "A", "UK-China", long]);
        for word in ["The", "A", "UK-China", long] {
            assert!(set.contains(word), "{word}");
        }
        for word in [
            "",
            "the",
            "Tha",
            "An",
            "UK",
            "Verwaltungsgerichtshofspräsidentenwahlen",
            "Theresa",
        ] {
            assert!(!set.contains(word), "{word}");
        }
        assert!(NOT_NAMES.iter().all(|word| is_not_name(word)));
    }

    #[test]
    fn brands_are_read_in_one_pass_as_in_three() {
        // The three passes this reading replaced.
        let slow = |word: &str| {
            let letters = || word.chars().filter(|c| c.is_alphabetic());
            let count = letters().count();
            let inner_capital = letters().skip(1).any(char::is_uppercase);
            let all_caps = count >= 2 && letters().all(char::is_uppercase);
            (inner_capital || all_caps || word.contains('.')) && count >= 3 && !is_not_name(word)
        };
        let pieces = ["a", "B", "1", ".", "É", "é", "中", "-"];
        for x in pieces {
            for y in pieces {
                for z in pieces {
                    for w in ["", "c", "D"] {
                        let word = format!("{x}{y}{z}{w}");
                        assert_eq!(looks_like_brand(&word), slow(&word), "{word:?}");
                    }
                }
            }
        }
        for word in ["AstraZeneca", "BBK", "Diversifying.io", "Tencent", "UK", "GmbH", "HSBC"] {
            assert_eq!(looks_like_brand(word), slow(word), "{word:?}");
        }
    }

    fn actors_in(sentence: &str, lang: Language) -> Vec<Actor> {
        let gazetteer = Gazetteer::bundled();
        let places = gazetteer.find(sentence);
        find_actors(sentence, 0, sentence.len(), &cues(sentence), &places, gazetteer, lang)
    }

    fn names(sentence: &str, lang: Language) -> Vec<String> {
        actors_in(sentence, lang).into_iter().map(|a| a.name).collect()
    }

    /// Each actor's name with its role, as the assertions write them.
    fn names_and_roles(actors: &[Actor]) -> Vec<(&str, Option<&str>)> {
        actors.iter().map(|a| (a.name.as_str(), a.role.as_deref())).collect()
    }

    /// Each actor's name with its type.
    fn names_and_types(actors: &[Actor]) -> Vec<(&str, ActorType)> {
        actors.iter().map(|a| (a.name.as_str(), a.actor_type)).collect()
    }

    #[test]
    fn a_person_named_with_a_role_keeps_the_role_and_the_organisation_is_an_actor_too() {
        let found = actors_in(
            "Cynthia Davis, CEO and co-founder of the British company Diversifying.io., was among the delegation.",
            Language::English,
        );
        let davis = found.iter().find(|a| a.name == "Cynthia Davis").expect("the person");
        assert_eq!(davis.actor_type, ActorType::Person);
        assert!(
            davis.role.as_deref().is_some_and(|r| r.contains("Diversifying.io")),
            "{davis:?}"
        );
        assert!(found.iter().any(|a| a.name.starts_with("Diversifying.io")), "{found:?}");
    }

    #[test]
    fn the_people_of_a_place_and_a_place_as_subject_act_for_it() {
        let found = actors_in(
            "Auf der Konferenz unterbreiteten Beamte aus Luohu Vorschläge.",
            Language::German,
        );
        let officials = found.iter().find(|a| a.name == "Beamte aus Luohu").expect("officials");
        assert_eq!(
            (officials.actor_type, officials.country),
            (ActorType::Gov, Some(Side::China))
        );
        assert!(names("Nottingham and Ningbo signed a deal.", Language::English).contains(&"Nottingham".to_string()));
    }

    #[test]
    fn german_nouns_are_not_names_but_english_style_names_and_lists_are() {
        let found = names(
            "Beamte trafen sich mit Vertretern der City of London, der Handelskammer, Hawksford und JP Morgan Chase in Großbritannien.",
            Language::German,
        );
        assert!(found.iter().any(|n| n.contains("City of London")), "{found:?}");
        assert!(found.contains(&"JP Morgan Chase".to_string()), "{found:?}");
        assert!(found.contains(&"Hawksford".to_string()), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|n| n == "Vertretern" || n == "Handelskammer in Großbritannien"),
            "{found:?}"
        );
    }

    #[test]
    fn chinese_names_stand_before_or_after_their_role() {
        let found = names(
            "访问期间,栾建章主任与申瑞总监共同签署了交流计划。",
            Language::ChineseSimplified,
        );
        assert_eq!(found, ["栾建章", "申瑞"]);
        let found = actors_in(
            "当地时间7月12日下午,常务副市长刘桂平与英国大曼彻斯特市市长安迪•伯纳姆会面。",
            Language::ChineseSimplified,
        );
        let burnham = found.iter().find(|a| a.name == "安迪•伯纳姆").expect("the mayor");
        assert_eq!(burnham.country, Some(Side::Uk));
        assert!(found.iter().any(|a| a.name == "刘桂平"), "{found:?}");
    }

    #[test]
    fn a_title_alone_or_a_possessive_is_not_a_name() {
        let found = names(
            "Matthew Burney, British Consul-General in Shanghai, opened the British Chamber of Commerce Shanghai’s Zhejiang Office.",
            Language::English,
        );
        assert!(found.contains(&"Matthew Burney".to_string()), "{found:?}");
        assert!(
            found.iter().any(|n| n.ends_with("Chamber of Commerce Shanghai")),
            "{found:?}"
        );
        assert!(!found.iter().any(|n| n.contains("Consul")), "{found:?}");
    }

    #[test]
    fn a_name_closing_a_long_title_is_found() {
        let found = names(
            "The visit by Chinese Minister of Commerce Gao Hucheng to Birmingham is a great opportunity.",
            Language::English,
        );
        assert!(found.contains(&"Gao Hucheng".to_string()), "{found:?}");
    }

    #[test]
    fn two_organisations_joined_by_and_are_two_actors() {
        let found = names(
            "The Zhuzhou Municipal People's Government and AstraZeneca signed a memorandum.",
            Language::English,
        );
        assert!(found.contains(&"AstraZeneca".to_string()), "{found:?}");
        assert!(found.iter().any(|n| n.ends_with("People's Government")), "{found:?}");
    }

    #[test]
    fn an_envoy_represents_the_country_that_sends_them() {
        let found = actors_in(
            "LONDON -- Chinese Ambassador to the United Kingdom (UK) Zheng Zeguang spoke at the forum.",
            Language::English,
        );
        let zheng = found
            .iter()
            .find(|a| a.name == "Zheng Zeguang")
            .expect("the ambassador");
        assert_eq!(zheng.country, Some(Side::China));
        let found = actors_in("英国驻华大使吴百纳抵达重庆。", Language::ChineseSimplified);
        assert_eq!(
            found.iter().find(|a| a.name == "吴百纳").and_then(|a| a.country),
            Some(Side::Uk)
        );
    }

    #[test]
    fn a_chinese_role_starts_at_a_place_not_inside_it() {
        let found = actors_in(
            "中国国家能源局局长章建华17日在伦敦举行会谈。",
            Language::ChineseSimplified,
        );
        let person = found.iter().find(|a| a.name == "章建华").expect("the person");
        assert_eq!(person.role.as_deref(), Some("中国国家能源局局长"));
    }

    #[test]
    fn punctuation_and_wide_spaces_next_to_names_do_not_shift_offsets() {
        // Found by `extraction_never_panics_on_cut_and_spliced_real_articles`: a word before a
        // place followed by a dash, and words joined by a no-break space.
        for sentence in [
            "They drew the new blueprint of—Hunan officials came.",
            "Officials from\u{2014}Luohu met the delegation.",
            "The visit by Chinese Minister of Commerce Gao\u{a0}Hucheng to Birmingham is an opportunity.",
        ] {
            for actor in actors_in(sentence, Language::English) {
                assert!(sentence.contains(&actor.name), "{actor:?}");
            }
        }
    }

    #[test]
    fn a_portfolio_list_and_a_pair_of_titles_are_no_actors_and_a_role_tells_the_side() {
        let found = actors_in(
            "The Scottish government values cooperation with China, Angus Robertson, Cabinet Secretary for the Constitution, External Affairs and Culture of the Scottish Government, said.",
            Language::English,
        );
        let found_names: Vec<&str> = found.iter().map(|a| a.name.as_str()).collect();
        assert!(
            !found_names.iter().any(|n| n.contains("External Affairs")),
            "{found_names:?}"
        );
        let robertson = found
            .iter()
            .find(|a| a.name == "Angus Robertson")
            .expect("Angus Robertson");
        assert_eq!(robertson.country, Some(Side::Uk));
        let found = names(
            "The Secretary of State for Business, Innovation and Skills, Sajid Javid, hosted the conference.",
            Language::English,
        );
        assert!(!found.iter().any(|n| n.contains("Innovation")), "{found:?}");
        let found = names(
            "The ambassador met with Principal and Vice-chancellor of the University of Edinburgh Peter Mathieson in Edinburgh.",
            Language::English,
        );
        assert!(found.contains(&"University of Edinburgh".to_string()), "{found:?}");
        assert!(found.contains(&"Peter Mathieson".to_string()), "{found:?}");
        assert!(!found.iter().any(|n| n.contains("Principal")), "{found:?}");
    }

    #[test]
    fn a_bullet_opens_a_sentence_and_ministries_are_organisations() {
        let found = names(
            "• Funding to establish trade offices in Nottingham and Ningbo.",
            Language::English,
        );
        assert!(!found.contains(&"Funding".to_string()), "{found:?}");
        let found = names(
            "英国国际贸易部已经启动了新的中国区域贸易计划。",
            Language::ChineseSimplified,
        );
        assert!(found.contains(&"英国国际贸易部".to_string()), "{found:?}");
        let found = names("香港貿易發展局上月在倫敦舉辦論壇。", Language::ChineseTraditional);
        assert!(found.contains(&"香港貿易發展局".to_string()), "{found:?}");
        // A document and a currency are no actors.
        let found = names(
            "Guangdong and Wales signed an MoU worth RMB 5 billion.",
            Language::English,
        );
        assert!(!found.iter().any(|n| n == "MoU" || n == "RMB"), "{found:?}");
        let found = names(
            "BP will supply 1 million tonnes of LNG a year to Guangzhou Gas.",
            Language::English,
        );
        assert!(!found.iter().any(|n| n == "LNG"), "{found:?}");
    }

    #[test]
    fn a_name_whose_head_ends_it_holds_its_ampersand() {
        let found = names(
            "Xu Xinchao, deputy director of the Beijing Municipal Science & Technology Commission, spoke.",
            Language::English,
        );
        assert!(
            found.contains(&"Beijing Municipal Science & Technology Commission".to_string()),
            "{found:?}"
        );
        let found = names(
            "The firms signed with Puretone, Holovis and Welsh Whisky.",
            Language::English,
        );
        assert!(found.contains(&"Welsh Whisky".to_string()), "{found:?}");
    }

    #[test]
    fn a_side_word_or_country_before_a_role_goes_with_the_role_and_a_city_is_no_actor() {
        let found = actors_in(
            "Chinese President Xi Jinping held talks with British Prime Minister David Cameron in Beijing.",
            Language::English,
        );
        let found: Vec<(&str, Option<Side>, Option<&str>)> = found
            .iter()
            .map(|a| (a.name.as_str(), a.country, a.role.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("Xi Jinping", Some(Side::China), Some("President")),
                ("David Cameron", Some(Side::Uk), Some("Prime Minister"))
            ]
        );
        let found = names(
            "Chinas Präsident Xi Jinping ist in London eingetroffen.",
            Language::German,
        );
        assert_eq!(found, ["Xi Jinping"]);
    }

    #[test]
    fn honours_institution_nouns_and_event_names_are_no_names() {
        let found = actors_in(
            "Rt. Hon. Sajid Javid MP, said: “Today’s visit by Chinese Minister of Commerce Gao Hucheng is a great opportunity.”",
            Language::English,
        );
        let javid = found
            .iter()
            .find(|a| a.name.ends_with("Sajid Javid"))
            .unwrap_or_else(|| panic!("{found:?}"));
        assert_ne!(javid.country, Some(Side::China), "{found:?}");
        let found = names(
            "M. Wang, membre du Bureau politique du Comité central du Parti communiste chinois, a rencontré Yvette Cooper en marge de la Conférence de Munich.",
            Language::French,
        );
        assert_eq!(found, ["Yvette Cooper"]);
    }

    #[test]
    fn the_portfolio_of_a_role_is_no_part_of_its_holders_name() {
        let found = actors_in(
            "Le vice-Premier ministre chinois Hu Chunhua a rencontré le ministre britannique des Finances Philip Hammond.",
            Language::French,
        );
        let hammond = found
            .iter()
            .find(|a| a.name == "Philip Hammond")
            .expect("the minister, by name");
        assert_eq!(hammond.actor_type, ActorType::Person);
        assert_eq!(hammond.role.as_deref(), Some("ministre britannique des Finances"));
        assert_eq!(hammond.country, Some(Side::Uk));
        let found = names(
            "Le ministre chinois du Commerce Wang Wentao a reçu la secrétaire d'État britannique au Commerce Kemi Badenoch.",
            Language::French,
        );
        assert!(found.contains(&"Wang Wentao".to_string()), "{found:?}");
        assert!(found.contains(&"Kemi Badenoch".to_string()), "{found:?}");
        let found = names(
            "Die Bundesministerin für Wirtschaft Katherina Reiche traf den chinesischen Handelsminister Wang Wentao.",
            Language::German,
        );
        assert!(found.contains(&"Katherina Reiche".to_string()), "{found:?}");
        // Not a name that merely follows a preposition: no role before it.
        let found = names(
            "Les entreprises du Royaume-Uni et la Banque de Chine Hong Kong ont signé un accord.",
            Language::French,
        );
        assert!(!found.iter().any(|n| n == "Chine Hong Kong"), "{found:?}");
    }

    #[test]
    fn a_role_before_one_name_is_not_the_role_of_the_next() {
        let found = actors_in(
            "Chinese Minister of Commerce Wang Wentao met Kemi Badenoch in London.",
            Language::English,
        );
        let badenoch = found
            .iter()
            .find(|a| a.name == "Kemi Badenoch")
            .expect("still a person");
        assert_eq!(
            (badenoch.role.as_deref(), badenoch.country),
            (None, None),
            "not Wang's role nor side"
        );
        let wang = found.iter().find(|a| a.name == "Wang Wentao").expect("the minister");
        assert_eq!(
            (wang.role.as_deref(), wang.country),
            (Some("Minister of Commerce"), Some(Side::China))
        );
    }

    #[test]
    fn an_organisation_its_officers_title_and_name_are_two_actors() {
        let found = actors_in(
            "Bank of England Governor Andrew Bailey met HSBC Group Chief Executive Georges Elhedery in Beijing.",
            Language::English,
        );
        let named = |name: &str| found.iter().find(|a| a.name == name);
        let bailey = named("Andrew Bailey").expect("the governor");
        assert_eq!(
            (bailey.actor_type, bailey.role.as_deref()),
            (ActorType::Person, Some("Governor"))
        );
        assert_eq!(named("Bank of England").map(|a| a.actor_type), Some(ActorType::Org));
        let elhedery = named("Georges Elhedery").expect("the chief executive");
        assert_eq!(elhedery.role.as_deref(), Some("Chief Executive"));
        assert!(named("HSBC Group").is_some(), "{found:?}");
        // A portfolio before a title is the title's.
        let found = names(
            "Business and Trade Secretary Jonathan Reynolds met Wang Wentao.",
            Language::English,
        );
        assert!(!found.iter().any(|n| n.contains("Business")), "{found:?}");
        // A title not followed by a person's name alone stays in the organisation's name.
        let found = actors_in(
            "The Bank of England Governor Andrew Bailey Foundation met.",
            Language::English,
        );
        assert!(found.iter().all(|a| a.name != "Andrew Bailey"), "{found:?}");
    }

    #[test]
    fn a_role_s_portfolio_is_no_actor_and_the_next_item_of_a_list_has_its_own_role() {
        let found = actors_in(
            "Il a rencontré le ministre chinois de l'Écologie et de l'Environnement, Huang Runqiu, ainsi que l'envoyé spécial chinois pour le climat, Liu Zhenmin.",
            Language::French,
        );
        let named = |name: &str| found.iter().find(|a| a.name == name);
        assert!(
            named("Écologie").is_none() && named("Environnement").is_none(),
            "{found:?}"
        );
        assert_eq!(
            named("Huang Runqiu").and_then(|a| a.role.as_deref()),
            Some("ministre chinois de l'Écologie et de l'Environnement")
        );
        let liu = named("Liu Zhenmin").expect("the envoy");
        assert_eq!(
            (liu.actor_type, liu.role.as_deref()),
            (ActorType::Person, Some("envoyé spécial chinois pour le climat"))
        );
        let found = names(
            "Le secrétaire britannique à l'Énergie, Ed Miliband, s'est rendu à Pékin.",
            Language::French,
        );
        assert_eq!(found, ["Ed Miliband"]);
        let found = names(
            "Die Bundesministerin für Wirtschaft, Katherina Reiche, reiste nach Peking.",
            Language::German,
        );
        assert_eq!(found, ["Katherina Reiche"]);
    }

    #[test]
    fn a_feminine_role_ends_with_its_word() {
        let found = actors_in(
            "Wirtschaftsministerin Katherina Reiche traf Wang Wentao.",
            Language::German,
        );
        let reiche = found
            .iter()
            .find(|a| a.name == "Katherina Reiche")
            .expect("the name without `in`");
        assert_eq!(reiche.role.as_deref(), Some("Wirtschaftsministerin"));
        let found = names(
            "Die Bundesministerin Katherina Reiche reiste nach Peking.",
            Language::German,
        );
        assert!(found.contains(&"Katherina Reiche".to_string()), "{found:?}");
    }

    #[test]
    fn delegates_from_both_governments_are_the_two_states_not_an_organisation() {
        let found = names(
            "来自两国政府、金融机构和企业的200余名代表出席。来自英国政府的代表也出席了。",
            Language::ChineseSimplified,
        );
        assert!(
            !found.iter().any(|n| n.contains("来自") || n == "两国政府"),
            "{found:?}"
        );
        assert!(found.contains(&"英国政府".to_string()), "{found:?}");
    }

    #[test]
    fn a_chinese_organisation_s_name_starts_after_including() {
        let found = names(
            "代表团成员包括伦敦证券交易所集团及多家初创企业。",
            Language::ChineseSimplified,
        );
        assert!(found.contains(&"伦敦证券交易所集团".to_string()), "{found:?}");
        assert!(!found.iter().any(|n| n.contains("包括")), "{found:?}");
        let found = names("成員包括倫敦證券交易所集團。", Language::ChineseTraditional);
        assert!(found.contains(&"倫敦證券交易所集團".to_string()), "{found:?}");
        let found = names("应威尔士政府邀请，四川省代表团访问英国。", Language::ChineseSimplified);
        assert!(found.contains(&"威尔士政府".to_string()), "{found:?}");
        let found = names(
            "代表团与威尔士首席部长埃卢内德·摩根举行会谈。",
            Language::ChineseSimplified,
        );
        assert!(found.contains(&"埃卢内德·摩根".to_string()), "{found:?}");
        let found = names("中国供应链协会的代表出席。", Language::ChineseSimplified);
        assert!(found.contains(&"中国供应链协会".to_string()), "{found:?}");
    }

    #[test]
    fn a_british_minister_in_chinese_is_a_person_of_the_uk() {
        let found = actors_in(
            "英国苏格兰首席大臣妮古拉·斯特金在爱丁堡会见了四川省副省长杨兴平。",
            Language::ChineseSimplified,
        );
        let sturgeon = found
            .iter()
            .find(|a| a.name == "妮古拉·斯特金")
            .expect("the First Minister");
        assert_eq!(sturgeon.actor_type, ActorType::Person);
        assert_eq!(sturgeon.country, Some(Side::Uk));
        assert!(found.iter().any(|a| a.name == "杨兴平"), "{found:?}");
    }

    #[test]
    fn a_name_after_an_elided_article_starts_after_the_apostrophe() {
        let found = names(
            "Xi Jinping et David Cameron ont assisté à la signature d'un accord sur la centrale d'Hinkley Point et à une visite de l’Université de Nottingham.",
            Language::French,
        );
        // Hinkley Point is a place (the gazetteer's), so no actor; half its name is neither.
        assert!(!found.iter().any(|n| n.contains("Point")), "{found:?}");
        assert!(found.contains(&"Université de Nottingham".to_string()), "{found:?}");
    }

    #[test]
    fn a_consulate_is_an_organisation_not_a_consul() {
        let found = actors_in(
            "香港貿易發展局與英國駐香港總領事館昨日在灣仔合辦論壇。英國駐香港總領事彭薇妮致辭。",
            Language::ChineseTraditional,
        );
        let names: Vec<&str> = found.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"英國駐香港總領事館"), "{names:?}");
        assert!(names.contains(&"彭薇妮"), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with('館')), "{names:?}");
    }

    #[test]
    fn chinese_names_end_where_the_verb_or_the_time_after_them_begins() {
        let found = actors_in(
            "英国外交大臣詹姆斯·克莱弗利抵达北京。国务院副总理韩正当天在人民大会堂会见克莱弗利。",
            Language::ChineseSimplified,
        );
        let names: Vec<&str> = found.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"詹姆斯·克莱弗利"), "{names:?}");
        assert!(names.contains(&"韩正"), "{names:?}");
        assert!(!names.contains(&"国务院"), "the body is no person: {names:?}");
    }

    #[test]
    fn an_office_named_by_its_side_and_title_is_no_actor() {
        let found = names(
            "It was the first visit by a UK Foreign Secretary to China since 2018, and by a Chinese Vice Premier to London.",
            Language::English,
        );
        assert!(found.is_empty(), "{found:?}");
        let found = names(
            "British Foreign Secretary David Lammy visited Beijing.",
            Language::English,
        );
        assert_eq!(found, ["David Lammy"]);
    }

    #[test]
    fn a_city_or_region_as_the_subject_acts_for_itself() {
        let found = names(
            "La ville de Shenzhen et la région de Birmingham ont signé lundi un accord.",
            Language::French,
        );
        assert_eq!(found, ["ville de Shenzhen", "région de Birmingham"]);
        let found = names(
            "Die Stadt Chengdu hat am Dienstag eine Absichtserklärung unterzeichnet.",
            Language::German,
        );
        assert_eq!(found, ["Stadt Chengdu"]);
        // A place named as where something happens is no actor.
        let found = names("The agreement was signed in the city of Nottingham.", Language::English);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_title_s_first_words_a_surname_he_and_a_dialogue_s_name() {
        let found = actors_in(
            "Foreign Secretary James Cleverly met Chinese Vice Premier He Lifeng at the UK-China Economic and Financial Dialogue.",
            Language::English,
        );
        let found = names_and_roles(&found);
        assert_eq!(
            found,
            [
                ("James Cleverly", Some("Foreign Secretary")),
                ("He Lifeng", Some("Vice Premier"))
            ]
        );
    }

    #[test]
    fn he_is_a_surname_mid_sentence_before_a_name_even_after_a_lowercase_word() {
        let found = actors_in(
            "Rachel Reeves y a rencontré le vice-Premier ministre chinois He Lifeng à Pékin.",
            Language::French,
        );
        assert!(
            found
                .iter()
                .any(|a| a.name == "He Lifeng" && a.country == Some(Side::China)),
            "{found:?}"
        );
        let found = actors_in("He met Minister Wang Wentao in London.", Language::English);
        assert!(found.iter().all(|a| !a.name.starts_with("He")), "{found:?}");
    }

    #[test]
    fn the_places_a_document_title_joins_are_its_parties() {
        let found = actors_in(
            "栾建章主任与申瑞总监共同签署了《天津市和大曼彻斯特市三年交流计划》。",
            Language::ChineseSimplified,
        );
        let parties: Vec<(&str, Option<Side>)> = found
            .iter()
            .filter(|a| a.actor_type == ActorType::Gov)
            .map(|a| (a.name.as_str(), a.country))
            .collect();
        assert_eq!(
            parties,
            [("天津市", Some(Side::China)), ("大曼彻斯特市", Some(Side::Uk))],
            "{found:?}"
        );
    }

    #[test]
    fn a_list_with_articles_and_a_sister_city_are_actors() {
        let found = names(
            "Auch Shell, die China Construction Bank und Lloyds sicherten sich Verträge.",
            Language::German,
        );
        assert_eq!(found, ["China Construction Bank", "Lloyds", "Shell"]);
        let found = names(
            "Nottingham and its sister city of Ningbo in China are due to reach a deal.",
            Language::English,
        );
        assert!(found.contains(&"sister city of Ningbo".to_string()), "{found:?}");
    }

    #[test]
    fn two_capitals_name_a_company_a_side_stem_does_not_hide_one_and_a_leader_takes_his_delegation_s_side() {
        let found = actors_in(
            "Le groupe britannique BP a annoncé mardi une coentreprise avec le chinois Sinopec.",
            Language::French,
        );
        let found: Vec<(&str, Option<Side>)> = found.iter().map(|a| (a.name.as_str(), a.country)).collect();
        assert_eq!(found, [("BP", Some(Side::Uk)), ("Sinopec", Some(Side::China))]);
        let found = actors_in(
            "A delegation from Guangdong province led by Vice Governor Zhang Guozhi visited Manchester.",
            Language::English,
        );
        let zhang = found.iter().find(|a| a.name == "Zhang Guozhi").expect("Zhang Guozhi");
        assert_eq!(zhang.country, Some(Side::China));
        // Common abbreviations are no companies.
        assert!(names(
            "The AI and EU rules were discussed by the ministers.",
            Language::English
        )
        .is_empty());
    }

    #[test]
    fn chinese_titles_of_hong_kong_and_the_npc_and_no_time_word_as_a_name() {
        let found = names(
            "香港特區行政長官李家超今日會見英國駐香港總領事艾楚瑩。",
            Language::ChineseTraditional,
        );
        assert!(found.contains(&"李家超".to_string()), "{found:?}");
        let found = names("英國國際貿易部長昨日率領商貿代表團抵港。", Language::ChineseTraditional);
        assert!(!found.iter().any(|n| n == "昨日"), "{found:?}");
        let found = names(
            "英国首相特雷莎·梅会见了中国全国人大常委会委员长张德江。",
            Language::ChineseSimplified,
        );
        assert!(found.contains(&"张德江".to_string()), "{found:?}");
    }

    #[test]
    fn a_rank_before_a_title_of_two_words_is_the_role_s() {
        let found = actors_in(
            "Deputy First Minister Angus Robertson met Vice Foreign Minister Sun Weidong in Edinburgh.",
            Language::English,
        );
        let found: Vec<(&str, ActorType, Option<&str>)> = found
            .iter()
            .map(|a| (a.name.as_str(), a.actor_type, a.role.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("Angus Robertson", ActorType::Person, Some("Deputy First Minister")),
                ("Sun Weidong", ActorType::Person, Some("Vice Foreign Minister"))
            ]
        );
        // The office alone names no one.
        let found = names("The Deputy First Minister said the visit went well.", Language::English);
        assert!(found.is_empty(), "{found:?}");
        let found = actors_in(
            "Welsh First Minister Mark Drakeford toured Chongqing.",
            Language::English,
        );
        assert!(
            found
                .iter()
                .any(|a| a.name == "Mark Drakeford" && a.country == Some(Side::Uk)),
            "{found:?}"
        );
    }

    #[test]
    fn a_courtesy_title_names_a_person_and_an_honour_is_no_part_of_the_name() {
        let found = actors_in(
            "Later, Mr Robertson thanked Dame Mary Jones and Sir Alan Smith CMG for the invitation.",
            Language::English,
        );
        let found = names_and_types(&found);
        assert_eq!(
            found,
            [
                ("Mr Robertson", ActorType::Person),
                ("Dame Mary Jones", ActorType::Person),
                ("Sir Alan Smith", ActorType::Person)
            ]
        );
    }

    #[test]
    fn a_german_minister_s_title_of_one_word_and_a_counterpart_are_roles() {
        let found = actors_in(
            "Die Umweltministerin Steffi Lemke sprach mit ihrem Amtskollegen Huang Runqiu.",
            Language::German,
        );
        let found = names_and_roles(&found);
        assert_eq!(
            found,
            [
                ("Steffi Lemke", Some("Umweltministerin")),
                ("Huang Runqiu", Some("Amtskollegen"))
            ]
        );
    }

    #[test]
    fn a_time_word_or_a_lead_before_a_chinese_body_is_no_part_of_its_name() {
        let found = names(
            "据悉，本月英国财政部官员曾率团访问上海，与上海证券交易所进行交流。",
            Language::ChineseSimplified,
        );
        assert!(found.contains(&"英国财政部".to_string()), "{found:?}");
        assert!(found.contains(&"上海证券交易所".to_string()), "{found:?}");
        let found = names("杭州市与谢菲尔德大学合办先进制造研究院。", Language::ChineseSimplified);
        assert!(found.contains(&"先进制造研究院".to_string()), "{found:?}");
        let found = names("该中心由两校共同建设，经教育部批准成立。", Language::ChineseSimplified);
        assert!(!found.iter().any(|n| n.starts_with('经')), "{found:?}");
        let found = names(
            "商務及經濟發展局局長昨日率領香港特區政府代表團抵達倫敦。",
            Language::ChineseTraditional,
        );
        assert!(found.contains(&"香港特區政府".to_string()), "{found:?}");
    }

    #[test]
    fn titles_in_lower_case_and_french_titles_keep_their_portfolio_and_rank() {
        /// The names and roles a sentence should give.
        type Case<'a> = (&'a str, Language, &'a [(&'a str, Option<&'a str>)]);
        let cases: [Case; 2] = [
            (
                "Singapore's financial secretary Tan Wei met deputy finance minister Liu Bo.",
                Language::English,
                &[("Tan Wei", Some("financial secretary")), ("Liu Bo", Some("deputy finance minister"))],
            ),
            (
                "Il a reçu le ministre japonais de l'Industrie Kenji Sato et le vice-Premier ministre chinois Liu Guozhong.",
                Language::French,
                &[
                    ("Kenji Sato", Some("ministre japonais de l'Industrie")),
                    ("Liu Guozhong", Some("vice-Premier ministre chinois")),
                ],
            ),
        ];
        for (sentence, lang, expected) in cases {
            assert_eq!(names_and_roles(&actors_in(sentence, lang)), expected, "{sentence}");
        }
    }

    #[test]
    fn two_portfolios_before_a_title_and_titles_only_one_side_gives() {
        let found = described(
            "Business and Energy Secretary Mark Odunsi met Vice Premier Liu Guozhong, and Foreign Secretary Ann Quillby joined them.",
            Language::English,
        );
        assert_eq!(
            found,
            [
                (
                    "Mark Odunsi".to_string(),
                    Some("Business and Energy Secretary".to_string()),
                    None
                ),
                (
                    "Liu Guozhong".to_string(),
                    Some("Vice Premier".to_string()),
                    Some(Side::China)
                ),
                (
                    "Ann Quillby".to_string(),
                    Some("Foreign Secretary".to_string()),
                    Some(Side::Uk)
                ),
            ]
        );
    }

    #[test]
    fn scotland_s_first_minister_in_lower_case_and_members_of_parliament_in_the_plural() {
        let found = described(
            "The first minister, Fiona Marr, said some MPs had raised concerns.",
            Language::English,
        );
        assert_eq!(
            found,
            [(
                "Fiona Marr".to_string(),
                Some("first minister".to_string()),
                Some(Side::Uk)
            )]
        );
    }

    #[test]
    fn the_words_of_a_title_a_place_owns_are_no_organisation() {
        let found = described(
            "Hong Kong's Secretary for Commerce and the Treasury, Ann Yau, visited Leeds City Council.",
            Language::English,
        );
        let names: Vec<&str> = found.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(names, ["Ann Yau", "Leeds City Council"], "{found:?}");
    }

    #[test]
    fn stock_exchanges_are_organisations_in_german_and_french_text() {
        for (sentence, lang, expected) in [
            (
                "Gestern haben die London Stock Exchange und die Börse Shanghai eine Absichtserklärung unterzeichnet.",
                Language::German,
                &["London Stock Exchange", "Börse Shanghai"][..],
            ),
            // A word of time opening the sentence is no first item of a list.
            (
                "Hier, la Bourse de Shanghai a signé un accord.",
                Language::French,
                &["Bourse de Shanghai"],
            ),
        ] {
            assert_eq!(names(sentence, lang), expected);
        }
    }

    #[test]
    fn a_hyphenated_compound_in_a_german_portfolio_is_no_brand() {
        let found = names(
            "Die britische Ministerin für Klima und Netto-Null, Anna Reed, traf in Peking ihren Amtskollegen.",
            Language::German,
        );
        assert_eq!(found, ["Anna Reed"]);
    }

    #[test]
    fn a_body_only_britain_names_so_is_british_and_a_company_s_plant_is_named_after_its_place() {
        let found = described(
            "Officials in Beijing met the Department for Culture, Media and Sport on Monday.",
            Language::English,
        );
        let department = found.iter().find(|a| a.0.starts_with("Department"));
        assert_eq!(department.and_then(|a| a.2), Some(Side::Uk), "{found:?}");
        let names: Vec<String> = names(
            "Workers at Toyota's Derby plant met Geely executives.",
            Language::English,
        );
        assert_eq!(names, ["Toyota", "Geely"]);
    }

    #[test]
    fn a_chinese_bureau_joining_two_portfolios_and_an_employer_before_a_title_make_the_role_and_side() {
        let found = described(
            "環境及生態局局長謝展寰昨日在愛丁堡與蘇格蘭官員會面。",
            Language::ChineseTraditional,
        );
        assert_eq!(found[0].0, "謝展寰", "{found:?}");
        assert_eq!(found[0].1.as_deref(), Some("環境及生態局局長"), "{found:?}");
        // Two people's roles joined by `及` stay two.
        let found = described("副市长及商务局局长王明出席。", Language::ChineseSimplified);
        assert_eq!(found[0].1.as_deref(), Some("商务局局长"), "{found:?}");
        // The association a chairman heads tells his side; `勋爵` is his title, not his name.
        let found = described("英国商会主席格雷勋爵致辞。", Language::ChineseSimplified);
        let lord = found.iter().find(|a| a.1.as_deref() == Some("主席"));
        assert_eq!(
            lord.map(|a| (a.0.as_str(), a.2)),
            Some(("格雷", Some(Side::Uk))),
            "{found:?}"
        );
        let found = described("利物浦市议会副市长安妮·史密斯致辞。", Language::ChineseSimplified);
        assert_eq!(found.last().and_then(|a| a.2), Some(Side::Uk), "{found:?}");
        // The partner after `与` takes no side from the word before the first party.
        let found = described("英国利兹大学与南开大学签署协议。", Language::ChineseSimplified);
        let side = |name: &str| found.iter().find(|a| a.0 == name).and_then(|a| a.2);
        assert_eq!(side("英国利兹大学"), Some(Side::Uk), "{found:?}");
        assert_eq!(side("南开大学"), Some(Side::China), "{found:?}");
    }

    #[test]
    fn a_chinese_list_of_people_gives_each_the_side_of_their_own_role() {
        let found = actors_in(
            "英国驻华大使魏磊、市长张小松和英国大使吴百纳先后致辞。",
            Language::ChineseSimplified,
        );
        let side = |name: &str| found.iter().find(|a| a.name == name).map(|a| a.country);
        assert_eq!(side("魏磊"), Some(Some(Side::Uk)), "{found:?}");
        assert_eq!(side("张小松"), Some(Some(Side::China)), "{found:?}");
        assert_eq!(side("吴百纳"), Some(Some(Side::Uk)), "{found:?}");
    }

    #[test]
    fn a_title_after_a_transliterated_name_ends_it_and_a_traditional_conjunction_opens_no_role() {
        let found = actors_in(
            "英国诺丁汉大学校长肖恩·麦克维蒂教授专程出席仪式，並與英國商業貿易大臣雷諾茲會面。",
            Language::ChineseSimplified,
        );
        let found = names_and_roles(&found);
        assert!(
            found.contains(&("肖恩·麦克维蒂", Some("英国诺丁汉大学校长"))),
            "{found:?}"
        );
        assert!(!found.iter().any(|&(n, _)| n.starts_with('专')), "{found:?}");
        assert!(
            found
                .iter()
                .any(|&(n, r)| n == "雷諾茲" && r == Some("英國商業貿易大臣")),
            "{found:?}"
        );
    }

    #[test]
    fn the_host_country_of_an_envoy_named_before_the_name_is_not_their_side() {
        let found = actors_in(
            "His Majesty's Ambassador to China, Dr Jane Roe CMG, opened the forum.",
            Language::English,
        );
        let roe = found.iter().find(|a| a.name == "Dr Jane Roe").expect("the ambassador");
        assert_eq!(roe.country, Some(Side::Uk), "{found:?}");
        let found = actors_in(
            "At the dinner, the Ambassador to the UK, Zheng Zeguang, raised a toast.",
            Language::English,
        );
        let zheng = found
            .iter()
            .find(|a| a.name == "Zheng Zeguang")
            .expect("the ambassador");
        assert_ne!(zheng.country, Some(Side::Uk), "{found:?}");
    }

    #[test]
    fn a_name_that_opens_with_an_acronym_is_no_person_s_near_a_role() {
        let found = actors_in(
            "The firm's chairman, Zhang Wei, told BBC Wales that the port had been chosen.",
            Language::English,
        );
        let found = names_and_types(&found);
        assert_eq!(found, [("Zhang Wei", ActorType::Person), ("BBC Wales", ActorType::Org)]);
    }

    fn described_in(sentence: &str, lang: Language) -> Vec<(String, ActorType, Option<Side>)> {
        actors_in(sentence, lang)
            .into_iter()
            .map(|a| (a.name, a.actor_type, a.country))
            .collect()
    }

    #[test]
    fn a_union_of_states_is_named_whole_and_is_neither_side_but_not_where_it_is_a_place() {
        assert_eq!(
            described_in(
                "The talks were attended by officials of the European Union.",
                Language::English
            ),
            [("European Union".to_string(), ActorType::Org, Some(Side::Other))]
        );
        assert_eq!(
            names("Des représentants de l'Union européenne ont signé.", Language::French),
            ["Union européenne"]
        );
        assert_eq!(
            names("Vertreter der Europäischen Union reisten an.", Language::German),
            ["Europäischen Union"]
        );
        assert!(names("英国是中国在欧盟的第二大贸易伙伴。", Language::ChineseSimplified).is_empty());
    }

    #[test]
    fn a_ministry_s_portfolios_joined_by_and_stay_in_its_name() {
        assert_eq!(
            names(
                "The Department for Energy Security and Net Zero said the deal was welcome.",
                Language::English
            ),
            ["Department for Energy Security and Net Zero"]
        );
        assert_eq!(
            names(
                "Officials from the Department for Science, Innovation and Technology and the Ministry of Ecology and Environment met.",
                Language::English
            ),
            ["Department for Science, Innovation and Technology", "Ministry of Ecology and Environment"]
        );
        // Another body after the comma is the next item of a list.
        assert_eq!(
            names(
                "The Department of Commerce of Hunan, Zhuzhou Municipal People's Government and AstraZeneca signed.",
                Language::English
            ),
            [
                "Department of Commerce of Hunan",
                "Zhuzhou Municipal People's Government",
                "AstraZeneca"
            ]
        );
    }

    #[test]
    fn yuan_after_a_name_word_is_a_given_name() {
        let found = actors_in("Vice Mayor Hua Yuan and opened the forum on Monday.", Language::English);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].name.as_str(), found[0].actor_type),
            ("Hua Yuan", ActorType::Person)
        );
    }

    #[test]
    fn the_country_an_organisation_works_in_is_not_its_officer_s_side() {
        let found = actors_in(
            "BritCham China Chair Julian Fisher said the office would help members.",
            Language::English,
        );
        let fisher = found.iter().find(|a| a.name == "Julian Fisher").expect("the chair");
        assert_eq!(fisher.country, Some(Side::Uk), "{found:?}");
    }

    #[test]
    fn a_delegation_from_a_university_is_the_university_s_not_the_place_s() {
        assert_eq!(
            described_in(
                "A delegation from Sichuan University arrived in Cardiff on Monday.",
                Language::English
            ),
            [("Sichuan University".to_string(), ActorType::Org, Some(Side::China))]
        );
    }

    #[test]
    fn a_french_ministry_in_lower_case_is_named_with_its_portfolio() {
        assert_eq!(
            described_in(
                "Le ministère britannique de la Science a signé un accord avec Pékin.",
                Language::French
            ),
            [(
                "ministère britannique de la Science".to_string(),
                ActorType::Gov,
                Some(Side::Uk)
            )]
        );
        assert_eq!(
            names("Selon le ministère du Commerce, l'accord est prêt.", Language::French),
            ["ministère du Commerce"]
        );
    }

    #[test]
    fn the_last_items_of_a_list_of_organisations_are_each_a_name() {
        assert_eq!(
            names(
                "HSBC, Standard Chartered and Prudential signed the agreement.",
                Language::English
            ),
            ["HSBC", "Standard Chartered", "Prudential"]
        );
        // A portfolio list is no list of names.
        assert!(!names(
            "It was hosted by the Secretary of State for Business, Innovation and Skills, Sajid Javid.",
            Language::English
        )
        .iter()
        .any(|n| n == "Skills"));
    }

    #[test]
    fn an_adverb_opening_a_sentence_is_no_item_of_a_list() {
        assert_eq!(
            names(
                "Separately, Hong Kong Exchanges and Clearing said it would open a London office.",
                Language::English
            ),
            ["Hong Kong Exchanges and Clearing"]
        );
    }

    #[test]
    fn a_place_s_government_in_lower_case_is_named_by_the_place() {
        let found = described_in(
            "AstraZeneca signed agreements with the Beijing municipal government on Friday.",
            Language::English,
        );
        assert!(
            found.contains(&(
                "Beijing municipal government".to_string(),
                ActorType::Gov,
                Some(Side::China)
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_chinese_name_glossed_in_brackets_and_what_follows_a_role_that_is_no_name() {
        let found = actors_in(
            "英国财政大臣里夫斯(Rachel Reeves)于1月11日抵达北京。",
            Language::ChineseSimplified,
        );
        let reeves = found
            .iter()
            .find(|a| a.name == "Rachel Reeves")
            .expect("the chancellor");
        assert_eq!(reeves.role.as_deref(), Some("英国财政大臣"), "{found:?}");
        assert!(names("这是英国财政大臣六年来首次访华。", Language::ChineseSimplified).is_empty());
        let found = names(
            "随行的有英格兰银行行长贝利以及汇丰的高管。",
            Language::ChineseSimplified,
        );
        assert!(
            found.contains(&"英格兰银行".to_string()) && found.contains(&"贝利".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn two_portfolios_of_a_french_ministry_and_a_german_deputy_minister() {
        assert_eq!(
            names(
                "Selon le ministère britannique des Affaires et du Commerce, les exportations ont atteint un record.",
                Language::French
            ),
            ["ministère britannique des Affaires et du Commerce"]
        );
        let found = actors_in(
            "Die Vereinbarung wurde im Beisein des chinesischen Vizehandelsministers Ling Ji unterzeichnet.",
            Language::German,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "Ling Ji");
        assert_eq!(found[0].role.as_deref(), Some("Vizehandelsministers"));
    }

    #[test]
    fn a_place_before_a_rank_and_title_is_the_role_s() {
        let found = actors_in(
            "The delegation, led by Wuhan Vice Mayor Chen Xiaoping, also visited the University of Bristol.",
            Language::English,
        );
        let chen = found
            .iter()
            .find(|a| a.name == "Chen Xiaoping")
            .expect("the vice mayor");
        assert_eq!(chen.actor_type, ActorType::Person);
        assert_eq!(chen.role.as_deref(), Some("Wuhan Vice Mayor"));
        assert_eq!(chen.country, Some(Side::China));
    }

    #[test]
    fn a_transliterated_name_glossed_in_latin_letters_is_whole() {
        let found = names(
            "BP首席执行官奥金克洛斯(Murray Auchincloss)在声明中说，需求仍在增长。",
            Language::ChineseSimplified,
        );
        assert!(found.contains(&"奥金克洛斯".to_string()), "{found:?}");
    }

    #[test]
    fn hong_kong_s_britain_a_signing_verb_and_a_council_in_chinese() {
        let found = names(
            "局長許正宇昨日在倫敦與英國財政部經濟事務大臣簽署金融科技合作協議。",
            Language::ChineseTraditional,
        );
        assert!(!found.iter().any(|n| n.starts_with('簽')), "{found:?}");
        let found = described_in("其間會見了英倫銀行副行長。", Language::ChineseTraditional);
        assert_eq!(found, [("英倫銀行".to_string(), ActorType::Org, Some(Side::Uk))]);
        let found = names(
            "14日下午，成都市人民政府外事办公室与伯明翰市议会签署了友好合作备忘录。",
            Language::ChineseSimplified,
        );
        assert_eq!(found, ["成都市人民政府外事办公室", "伯明翰市议会"]);
    }

    #[test]
    fn a_funding_stage_and_a_place_joined_by_a_hyphen_are_no_actors() {
        let found = names(
            "Oxford-based startup Quantix Labs has raised £20 million in a Series A round led by Shenzhen Capital Group.",
            Language::English,
        );
        assert_eq!(found, ["Quantix Labs", "Shenzhen Capital Group"]);
    }

    #[test]
    fn portfolios_joined_by_und_and_the_side_word_before_the_role() {
        let found = actors_in(
            "Chinas Minister für Ökologie und Umwelt Huang Runqiu hat am Donnerstag in Peking den britischen Minister für Energiesicherheit, Ed Miliband, getroffen.",
            Language::German,
        );
        let huang = found
            .iter()
            .find(|a| a.name == "Huang Runqiu")
            .expect("the Chinese minister");
        assert_eq!(huang.role.as_deref(), Some("Minister für Ökologie und Umwelt"));
        assert_eq!(huang.country, Some(Side::China));
        let miliband = found
            .iter()
            .find(|a| a.name == "Ed Miliband")
            .expect("the British minister");
        assert_eq!(miliband.country, Some(Side::Uk), "{found:?}");
    }

    #[test]
    fn two_places_heading_one_name_stay_in_it() {
        let found = names(
            "The delegation also visited the University of Bristol and the Bristol and Bath Science Park.",
            Language::English,
        );
        assert!(
            found.contains(&"Bristol and Bath Science Park".to_string()),
            "{found:?}"
        );
    }
}
