//! Date expressions in article text, absolute and relative, resolved against a reference date.
//!
//! News text dates its events mostly against its own publication: "on Thursday", "last year",
//! "7日晚", "le mois dernier", "am Montag". [`find_dates`] finds such expressions in English,
//! German, French and Chinese (simplified and traditional), turns each into a calendar date with
//! the precision the text supports, says how the date was worked out ([`Resolution`]) and whether
//! it lies ahead of the reference (`planned`).
//!
//! How it reads: a tokenizer makes one pass over the text, classifying every word once (month
//! name, weekday, keyword) and splitting Han text into single characters; then small hand-written
//! matchers, anchored on numbers, month and weekday names, a few keywords and a few Han
//! characters, read the tokens around their anchor. No regular expressions and no allocation
//! besides the token list and the result, so it keeps pace with the rest of the engine and
//! compiles for wasm32 (no clock, no I/O).
//!
//! What it will not do: guess. Vague expressions ("in recent years", "over a decade ago",
//! "近年来", "ces dernières années", "soon") give nothing, and so do numbers that merely look like
//! years ("2,000 companies", "2018 companies"): a bare year needs a cue such as a preposition,
//! `年` or a month name.

use crate::date::{civil_from_days, days_from_civil, PartialDate, Precision};
use crate::language::{is_alphabetic, is_han, Language};
use serde::Serialize;
use std::cmp::Ordering;

/// A date expression found in a text, resolved to a calendar date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    /// Byte offset of the expression in the text.
    pub start: usize,
    /// Byte offset just past the expression: `&text[start..end]` is the expression. Prepositions
    /// that merely introduce a date (`on`, `in`, `am`, `le`, `于`) are left out; words that change
    /// its meaning (`last`, `the end of`, `Ende`, `fin`) are part of it.
    pub end: usize,
    /// The date meant (for a range, its first day); its precision is how much the text says.
    pub date: PartialDate,
    /// The last date of a range: `March 17 to 18`, `17.-18. März`, `du 17 au 19 février`,
    /// `3月17日至18日`.
    pub end_date: Option<PartialDate>,
    /// How the date was worked out.
    pub resolution: Resolution,
    /// The date (or the start of the range, or the end of a period the text says "by the end of")
    /// lies after the reference at the coarser of their precisions, or the text presents it as
    /// still to come: "next year", "tomorrow", "will be held in May".
    pub planned: bool,
}

/// How a [`DateMention`] got its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The text names the year: `September 30, 2025`, `2015年10月21日`, `in 2017`, `2015-10-21`.
    Absolute,
    /// Day and month, or month alone, in the text; the year is the one that puts the date
    /// nearest the reference (`Sept. 29`, `10月21日`, `in October`), or the one the text points
    /// to with "dernier"/"prochain"/"last July".
    YearFromReference,
    /// A weekday, taken as the latest such day on or before the reference (the news convention:
    /// a story reports what happened "on Thursday").
    WeekdayBeforeReference,
    /// A weekday announced as coming ("next Monday", "will meet on Monday", `下周一`): the first
    /// such day on or after the reference.
    WeekdayAfterReference,
    /// `today`, `yesterday`, `demain`, `前天`, `vor zwei Tagen`: days counted from the reference.
    RelativeDay,
    /// `last month`, `le mois dernier`, `上个月`: months counted from the reference.
    RelativeMonth,
    /// `last year`, `im Juli dieses Jahres`, `去年7月`, `three years ago`: years counted from the
    /// reference.
    RelativeYear,
    /// A day number alone (`7日`, `on the 7th`) with no date before it in the text: that day of
    /// the reference month, or of the month before when the day is still to come and nothing in
    /// the sentence announces it.
    DayOfReferenceMonth,
    /// A day number alone after a dated day earlier in the text: that day of the month last
    /// mentioned (`6月7日—8日 … 7日晚`).
    DayOfMentionedMonth,
    /// A day given relative to the day last mentioned: `the next day`, `the same day`,
    /// `le lendemain`, `am nächsten Tag`, `次日`, `当天`.
    RelativeToMentionedDay,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Days since Monday: 0 for Monday … 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }
}

/// The day of the week of a day-precision date; `None` for a month or a year.
///
/// # Example
/// ```
/// use atlas_extract::date_expr::{weekday, Weekday};
/// use atlas_extract::PartialDate;
/// assert_eq!(weekday(PartialDate::day(2022, 6, 26).unwrap()), Some(Weekday::Sunday));
/// assert_eq!(weekday(PartialDate::month(2022, 6).unwrap()), None);
/// ```
pub fn weekday(date: PartialDate) -> Option<Weekday> {
    let days = day_number(date)?;
    Weekday::ALL.get(usize::from(weekday_index(days))).copied()
}

/// Finds the date expressions of `text` and resolves them against `reference`, the publication
/// or dateline date. The language of each word is told by its form; the few words whose meaning
/// depends on the language (`hier` is "yesterday" in French but "here" in German) are read in
/// the language the text's function words point to. Use [`find_dates_in`] when the language is
/// known.
///
/// Without a reference only dates that name their year resolve; with a month-precision
/// reference, weekdays and relative days do not.
///
/// # Example
/// ```
/// use atlas_extract::date_expr::{find_dates, Resolution};
/// use atlas_extract::PartialDate;
/// let text = "The ambassador met the mayor on Thursday and will return next year.";
/// let found = find_dates(text, PartialDate::parse_iso("2022-06-26"));
/// assert_eq!(found.len(), 2);
/// assert_eq!(&text[found[0].start..found[0].end], "Thursday");
/// assert_eq!(found[0].date.to_string(), "2022-06-23");
/// assert_eq!(found[0].resolution, Resolution::WeekdayBeforeReference);
/// assert_eq!(found[1].date.to_string(), "2023");
/// assert!(found[1].planned);
/// ```
pub fn find_dates(text: &str, reference: Option<PartialDate>) -> Vec<DateMention> {
    find_dates_in(text, reference, Language::Undetermined)
}

/// [`find_dates`] for a text whose language is known (`Language::Undetermined` lets the text's
/// function words decide, as `find_dates` does).
///
/// # Example
/// ```
/// use atlas_extract::date_expr::find_dates_in;
/// use atlas_extract::{Language, PartialDate};
/// let reference = PartialDate::parse_iso("2020-01-21");
/// let french = find_dates_in("Il est arrivé hier.", reference, Language::French);
/// assert_eq!(french[0].date.to_string(), "2020-01-20");
/// assert!(find_dates_in("Er ist hier.", reference, Language::German).is_empty());
/// ```
pub fn find_dates_in(text: &str, reference: Option<PartialDate>, lang: Language) -> Vec<DateMention> {
    DateReader::new(reference, lang).find(text)
}

/// Reads the pieces of one article in order (its sentences, say), carrying from piece to piece
/// what the earlier ones established: the month of the last dated day, which a bare day number
/// later refers to (`6月7日—8日，……。` then `7日晚，……` is 7 June, not 7 August), and, when
/// the language is not given, the function words counted so far.
///
/// [`find_dates_in`] on the whole text gives the same mentions as a reader fed its lines.
///
/// # Example
/// ```
/// use atlas_extract::date_expr::{DateReader, Resolution};
/// use atlas_extract::{Language, PartialDate};
/// let mut reader = DateReader::new(PartialDate::parse_iso("2018-08-01"), Language::ChineseSimplified);
/// let first = reader.find("6月7日—8日,英国驻华大使吴百纳抵达重庆。");
/// assert_eq!(first[0].end_date.unwrap().to_string(), "2018-06-08");
/// let later = reader.find("7日晚,英国驻重庆总领事馆举办招待会。");
/// assert_eq!(later[0].date.to_string(), "2018-06-07");
/// assert_eq!(later[0].resolution, Resolution::DayOfMentionedMonth);
/// ```
#[derive(Debug, Clone)]
pub struct DateReader {
    reference: Option<PartialDate>,
    /// The language given; `Undetermined` lets the function words decide.
    lang: Language,
    votes: [u32; 3],
    context: Option<PartialDate>,
    toks: Vec<Tok>,
}

impl DateReader {
    /// A reader for an article dated `reference` (publication or dateline date) in `lang`
    /// (`Language::Undetermined` when unknown).
    pub fn new(reference: Option<PartialDate>, lang: Language) -> DateReader {
        DateReader {
            reference,
            lang,
            votes: [0; 3],
            context: None,
            toks: Vec::new(),
        }
    }

    /// The date mentions of the next piece of the article, offsets relative to `text`.
    pub fn find(&mut self, text: &str) -> Vec<DateMention> {
        if self.toks.capacity() == 0 {
            // About a token per two bytes of a line: one allocation for a sentence.
            self.toks.reserve(text.len().min(8192) / 2 + 8);
        }
        let mut scan = Scan {
            text,
            toks: std::mem::take(&mut self.toks),
            reference: self.reference,
            lang: self.lang,
            context: self.context,
        };
        if self.lang == Language::Undetermined {
            scan.lang = language_from_votes(self.votes);
        }
        let mut found = Vec::new();
        // Line by line: no date runs across a line break, and a small token buffer, reused,
        // stays in cache however long the text.
        let mut line_start = 0;
        while line_start < text.len() {
            let line_end =
                memchr::memchr(b'\n', &text.as_bytes()[line_start..]).map_or(text.len(), |n| line_start + n + 1);
            scan.toks.clear();
            let line_votes = tokenize(
                text,
                line_start,
                line_end,
                &mut scan.toks,
                self.lang == Language::Undetermined,
            );
            if self.lang == Language::Undetermined {
                for (total, more) in self.votes.iter_mut().zip(line_votes) {
                    *total += more;
                }
                scan.lang = language_from_votes(self.votes);
            }
            scan.scan_line(&mut found);
            line_start = line_end;
        }
        self.context = scan.context;
        self.toks = scan.toks;
        found
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

/// The day of a day number; `None` outside the years `PartialDate` accepts.
fn date_from_days(days: i64) -> Option<PartialDate> {
    let (year, month, day) = civil_from_days(days);
    PartialDate::day(i32::try_from(year).ok()?, month, day)
}

fn day_number(date: PartialDate) -> Option<i64> {
    Some(days_from_civil(
        date.year_number(),
        date.month_number()?,
        date.day_number()?,
    ))
}

/// 0 for Monday … 6 for Sunday; 1970-01-01 was a Thursday.
fn weekday_index(days: i64) -> u8 {
    u8::try_from((days + 3).rem_euclid(7)).unwrap_or(0)
}

/// The last day of the period a date stands for (itself for a day).
fn period_last_day(date: PartialDate) -> PartialDate {
    date_from_days(date.day_span().1).unwrap_or(date)
}

fn add_days(date: PartialDate, days: i64) -> Option<PartialDate> {
    date_from_days(day_number(date)?.checked_add(days)?)
}

fn add_months(year: i32, month: u8, months: i32) -> Option<PartialDate> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
    PartialDate::month(year, month)
}

/// Compares two dates at the coarser of their precisions: May 2025 equals 2025-05-14.
fn cmp_common(a: PartialDate, b: PartialDate) -> Ordering {
    let precision = a.precision().min(b.precision());
    let key = |d: PartialDate| {
        (
            d.year_number(),
            if precision >= Precision::Month {
                d.month_number()
            } else {
                None
            },
            if precision == Precision::Day {
                d.day_number()
            } else {
                None
            },
        )
    };
    key(a).cmp(&key(b))
}

fn build(year: i32, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
    match (month, day) {
        (None, _) => PartialDate::year(year),
        (Some(m), None) => PartialDate::month(year, m),
        (Some(m), Some(d)) => PartialDate::day(year, m, d),
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Glued to the token before.
    None,
    Space,
    /// A line break (or the start of the text) comes before: a hard boundary.
    Line,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    /// First letter upper case (a single capital letter counts here too).
    Capital,
    /// All upper case: headlines and outlet names (`GD TODAY`).
    Upper,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of ASCII or full-width digits; `value` saturates.
    Num {
        value: u32,
        digits: u8,
    },
    Word(Lex),
    /// One Han character.
    Han(char),
    /// Anything else, one character at a time.
    Mark(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    gap: Gap,
    case: Case,
}

/// What a word is, decided once when it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    Other,
    /// A frequent function word of one language (0 English, 1 German, 2 French), counted to tell
    /// the language of the text.
    Stop(u8),
    /// A month name; French forms are written in lower case, the others need a capital (which
    /// keeps "may" and "march" out).
    Month {
        month: u8,
        lower_ok: bool,
        abbr: bool,
    },
    /// A weekday (0 Monday); French weekdays are written in lower case.
    Weekday {
        day: u8,
        lower_ok: bool,
    },
    Kw(Kw),
}

/// The words the matchers look for, lower-cased, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kw {
    // Prepositions that introduce a date without being part of it.
    In,
    Since,
    By,
    Until,
    Before,
    After,
    From,
    During,
    Through,
    Around,
    On,
    At,
    Of,
    To,
    And,
    Between,
    The,
    Im,
    Seit,
    Bis,
    Ab,
    Vom,
    Von,
    Am,
    Zum,
    Dem,
    Des,
    Zwischen,
    Und,
    Vor,
    Nach,
    En,
    Depuis,
    /// French `dès`.
    DesFr,
    Jusqu,
    Ici,
    D,
    L,
    Le,
    La,
    Du,
    Au,
    Et,
    Entre,
    /// French `à`.
    AGrave,
    De,
    Avant,
    Apres,
    Partir,
    // Parts of a period, part of the expression.
    Early,
    Late,
    Mid,
    Mi,
    End,
    Beginning,
    Middle,
    Half,
    Quarter,
    /// `first`, `second`… before `half` or `quarter`.
    Ordinal,
    Season,
    Anfang,
    Ende,
    Mitte,
    Fin,
    Debut,
    Courant,
    Earlier,
    Later,
    // Relative modifiers.
    Last,
    This,
    Next,
    Letzt,
    Vergangen,
    Dies,
    Naechst,
    Dernier,
    Prochain,
    Passe,
    Cette,
    Ce,
    Ci,
    // Units.
    Year,
    Years,
    Month,
    Months,
    Day,
    Days,
    Jahr,
    Jahres,
    Jahren,
    Monat,
    Monats,
    Monaten,
    Tag,
    Tagen,
    Annee,
    An,
    Ans,
    Mois,
    Jour,
    Jours,
    Ago,
    Il,
    Y,
    /// English article or French `a` ("has").
    A,
    Night,
    // Days relative to the reference.
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Heute,
    Gestern,
    Morgen,
    Vorgestern,
    Uebermorgen,
    Aujourd,
    Hui,
    Hier,
    Demain,
    // Everything else.
    NumWord(u8),
    /// `th`, `st`, `nd`, `rd`, `er` glued to a day number.
    OrdSuffix,
    Every,
    /// `Good Friday`, `Black Friday`: a holiday, not a weekday reference.
    HolidayPrefix,
    /// `Sunday Times`: a newspaper.
    Paper,
    /// `over`, `more than`, `plus de`: makes "N years ago" vague.
    Quantifier,
    /// Marks what follows as still to come: `will`, `wird`, `sera`, `prévu`.
    Future,
    /// Reporting verbs: the clause before them is about the report, not the event.
    Report,
    /// Past auxiliaries: `was`, `hat`, `ont`.
    PastAux,
    /// Irregular English past tenses: `met`, `began`, `held` (but `will be held`).
    PastVerb,
    /// `be`, `been`, `being`: what follows is a participle, not a past tense.
    Be,
    /// `following`, `folgenden`: the next (day).
    Following,
    /// `same`, `selben`, `gleichen`, `même`: the same (day).
    Same,
    /// `that` (day).
    That,
    /// French `lendemain`: the next day.
    Lendemain,
    /// German `Folgetag`: the next day.
    Folgetag,
}

const EN: u8 = 0;
const DE: u8 = 1;
const FR: u8 = 2;

/// What every date written in Chinese holds, whatever it starts with: a unit of the calendar
/// (`今年`, `上个月`, `十九日`, `当天`, `下周`, `星期四`). The characters a date starts at
/// ([`may_start_chinese_date`]: `上`, `一`, `前`…) are among the commonest of all Chinese text, so
/// [`date_clues`] holds these instead: a Chinese sentence without one is passed over.
const HAN_DATE_UNITS: [&str; 11] = ["年", "月", "日", "天", "号", "號", "周", "週", "星期", "礼拜", "禮拜"];

/// The Han characters [`Scan::match_han`] starts from.
fn may_start_chinese_date(c: char) -> bool {
    matches!(
        c,
        '去' | '今'
            | '明'
            | '前'
            | '后'
            | '後'
            | '昨'
            | '上'
            | '本'
            | '这'
            | '這'
            | '下'
            | '周'
            | '週'
            | '星'
            | '礼'
            | '禮'
            | '年'
            | '次'
            | '翌'
            | '第'
            | '当'
            | '當'
            | '同'
    ) || is_han_digit(c)
}

/// The first month of a season named in English, German or French (the northern
/// hemisphere's: spring from March, summer June, autumn September, winter December).
fn season_start_month(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    let month = match lower.as_str() {
        "spring" | "frühjahr" | "frühling" | "printemps" => 3,
        "summer" | "sommer" | "été" => 6,
        "autumn" | "fall" | "herbst" | "automne" => 9,
        "winter" | "hiver" => 12,
        _ => return None,
    };
    Some(month)
}

/// The first month of a season written in Chinese (`春`, `夏`, `秋`, `冬`).
fn chinese_season_start_month(c: char) -> Option<u8> {
    match c {
        '春' => Some(3),
        '夏' => Some(6),
        '秋' => Some(9),
        '冬' => Some(12),
        _ => None,
    }
}

fn is_han_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '两' | '兩' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Is `c` one of the characters of `set`? (A linear scan: the sets are a few characters long,
/// and `str::contains` would run a substring search.)
fn in_set(set: &str, c: char) -> bool {
    set.chars().any(|s| s == c)
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Splits `text[start..end]` into tokens (appended to `toks`) and, if `count_votes` (the
/// language is not known), counts the function words of each Latin-script language.
fn tokenize(text: &str, start: usize, end: usize, toks: &mut Vec<Tok>, count_votes: bool) -> [u32; 3] {
    let bytes = text.as_bytes();
    let mut votes = [0u32; 3];
    let mut gap = Gap::Line;
    let mut i = start;
    while i < end {
        // A space between words, the commonest byte after letters: no decoding, no tests.
        if bytes[i] == b' ' {
            if gap == Gap::None {
                gap = Gap::Space;
            }
            i += 1;
            continue;
        }
        let (c, len) = decode(bytes, i);
        let start = i;
        let mut case = Case::Lower;
        let kind = if c.is_ascii_alphabetic() || (!c.is_ascii() && !is_han(c) && is_alphabetic(c)) {
            let (lex, word_case, next) = read_word(text, i);
            i = next;
            case = word_case;
            if let Some(lang) = count_votes.then(|| vote(lex)).flatten() {
                votes[usize::from(lang)] += 1;
            }
            Kind::Word(lex)
        } else if is_han(c) {
            i += len;
            Kind::Han(c)
        } else if let Some(first) = digit_value(c) {
            let mut value = first;
            let mut digits: u32 = 1;
            i += len;
            while i < end {
                let (c, len) = decode(bytes, i);
                let Some(d) = digit_value(c) else {
                    break;
                };
                value = value.saturating_mul(10).saturating_add(d);
                digits += 1;
                i += len;
            }
            Kind::Num {
                value,
                digits: u8::try_from(digits).unwrap_or(u8::MAX),
            }
        } else if c.is_whitespace() {
            if c == '\n' || c == '\r' {
                gap = Gap::Line;
            } else if gap == Gap::None {
                gap = Gap::Space;
            }
            i += len;
            continue;
        } else {
            i += len;
            Kind::Mark(c)
        };
        toks.push(Tok {
            kind,
            start,
            end: i,
            gap,
            case,
        });
        gap = Gap::None;
    }
    votes
}

/// The character starting at byte `i` of valid UTF-8, and its length.
fn decode(bytes: &[u8], i: usize) -> (char, usize) {
    let b0 = bytes[i];
    if b0 < 0x80 {
        return (char::from(b0), 1);
    }
    let next = |k: usize| u32::from(bytes.get(i + k).map_or(0, |b| b & 0x3F));
    // By length, with no loop: Han text is a run of three-byte characters.
    let (len, code) = match b0 {
        0xC0..=0xDF => (2, u32::from(b0 & 0x1F) << 6 | next(1)),
        0xE0..=0xEF => (3, u32::from(b0 & 0x0F) << 12 | next(1) << 6 | next(2)),
        _ => (4, u32::from(b0 & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)),
    };
    (char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER), len)
}

fn word_end(bytes: &[u8], start: usize) -> usize {
    let mut j = start;
    while j < bytes.len() {
        if bytes[j].is_ascii_alphabetic() {
            j += 1;
        } else if bytes[j] >= 0x80 {
            let (c, len) = decode(bytes, j);
            if !is_alphabetic(c) || is_han(c) {
                break;
            }
            j += len;
        } else {
            break;
        }
    }
    j
}

fn language_from_votes(votes: [u32; 3]) -> Language {
    let (best, &score) = votes
        .iter()
        .enumerate()
        .max_by_key(|&(i, v)| (*v, std::cmp::Reverse(i)))
        .unwrap_or((0, &0));
    if score < 2 {
        return Language::Undetermined;
    }
    [Language::English, Language::German, Language::French][best]
}

fn vote(lex: Lex) -> Option<u8> {
    match lex {
        Lex::Stop(lang) => Some(lang),
        Lex::Kw(kw) => match kw {
            Kw::The | Kw::And | Kw::Of | Kw::To | Kw::On | Kw::By | Kw::From | Kw::That => Some(EN),
            Kw::Und | Kw::Im | Kw::Dem | Kw::Von | Kw::Zum => Some(DE),
            Kw::Le | Kw::La | Kw::Du | Kw::Au | Kw::Et | Kw::AGrave | Kw::Il | Kw::Ce | Kw::Cette => Some(FR),
            _ => None,
        },
        _ => None,
    }
}

/// Reads the word starting at byte `start`: what it is, its case, where it ends. Plain ASCII
/// words, the bulk of Latin-script text, take one pass over their bytes.
fn read_word(text: &str, start: usize) -> (Lex, Case, usize) {
    let bytes = text.as_bytes();
    let j = start + ascii_letter_run(&bytes[start..]);
    if j < bytes.len() && bytes[j] >= 0x80 {
        let end = word_end(bytes, j);
        let (lex, case) = classify(&text[start..end]);
        return (lex, case, end);
    }
    let len = j - start;
    // The key is the word's bytes, lower-cased, as a big-endian number; a letter is lower case
    // when it has bit 0x20. Sixteen bytes read at once where the text has them.
    let (key, any_lower) = match bytes.get(start..start + 16) {
        Some(window) if len <= 16 => {
            let shift = 8 * (16 - len as u32);
            let raw = u128::from_be_bytes(window.try_into().unwrap_or([0; 16])) >> shift;
            let case_bits = u128::from_be_bytes([0x20; 16]) >> shift;
            (raw | case_bits, raw & case_bits != 0)
        }
        _ => bytes[start..j].iter().fold((0u128, false), |(key, any_lower), &b| {
            ((key << 8) | u128::from(b | 0x20), any_lower || b >= b'a')
        }),
    };
    let case = match (bytes[start].is_ascii_uppercase(), any_lower || len == 1) {
        (false, _) => Case::Lower,
        (true, false) => Case::Upper,
        (true, true) => Case::Capital,
    };
    let lex = if len <= 16 { lookup(key) } else { Lex::Other };
    if lex == Lex::Other && len > 8 && case == Case::Capital {
        return (german_weekday_compound(&text[start..j]), case, j);
    }
    (lex, case, j)
}

/// How many ASCII letters `bytes` starts with. Eight bytes at a time: most words take one
/// step.
fn ascii_letter_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // Each byte lower-cased and without its high bit, so that adding to it never carries
        // into the next byte: an ASCII byte is a letter when that is in 0x61..=0x7A.
        let low = (word | (ONES * 0x20)) & (ONES * 0x7F);
        let from_a = low + ONES * (0x80 - 0x61);
        let past_z = low + ONES * (0x80 - 0x7B);
        let letters = from_a & !past_z & !word & HIGHS;
        let others = !letters & HIGHS;
        if others != 0 {
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii_alphabetic()).count()
}

/// Reads a word's case and what it is.
fn classify(word: &str) -> (Lex, Case) {
    let bytes = word.as_bytes();
    let ascii = word.is_ascii();
    let (first_upper, all_upper) = if ascii {
        (
            bytes[0].is_ascii_uppercase(),
            bytes.iter().all(|b| !b.is_ascii_lowercase()),
        )
    } else {
        let mut chars = word.chars();
        (
            chars.next().is_some_and(char::is_uppercase),
            word.chars().all(|c| !c.is_lowercase()),
        )
    };
    let case = match (first_upper, all_upper && word.len() > 1) {
        (false, _) => Case::Lower,
        (true, true) => Case::Upper,
        (true, false) => Case::Capital,
    };
    if word.len() > 16 {
        return (german_weekday_compound(word), case);
    }
    let mut key = 0u128;
    let mut len = 0;
    if ascii {
        for b in bytes {
            key = (key << 8) | u128::from(b.to_ascii_lowercase());
        }
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                len += 1;
                if len > 16 {
                    return (Lex::Other, case);
                }
                key = (key << 8) | u128::from(b);
            }
        }
    }
    let lex = lookup(key);
    if lex == Lex::Other && word.len() > 8 && case == Case::Capital {
        return (german_weekday_compound(word), case);
    }
    (lex, case)
}

const fn month(month: u8, lower_ok: bool, abbr: bool) -> Lex {
    Lex::Month { month, lower_ok, abbr }
}

const fn wd(day: u8, lower_ok: bool) -> Lex {
    Lex::Weekday { day, lower_ok }
}

const fn kw(kw: Kw) -> Lex {
    Lex::Kw(kw)
}

/// How a [`date_clues`] phrase must stand for its word to be read as a token of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClueEdge {
    /// Anywhere: a digit, a Han character.
    Anywhere,
    /// At the start of a word: a German weekday, which compounds go on (`Montagabend`).
    StartsWord,
    /// As a whole word.
    WholeWord,
}

/// Whether `c` is a character of a word token of [`DateReader::find`] (Han characters are
/// tokens of their own, digits are numbers).
pub(crate) fn is_date_word_char(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && !is_han(c) && is_alphabetic(c))
}

/// What a line must hold for [`DateReader::find`] to find a date in it, and how: every date
/// starts at a number, at a Han character [`may_start_chinese_date`] lets through, or at a
/// word naming a month, a weekday, a day relative to the reference or a unit of time (a
/// number word counts only before a unit: "a year ago"). The phrases are for a search that
/// folds ASCII case only, so each word comes in every spelling that lower-cases to it: its
/// other letters in upper case too (`annÉe`), and `k` as the Kelvin sign, which lower-cases
/// to `k`. A line with none of them can be passed over: it neither dates nor sets the month
/// a later bare day refers to.
pub(crate) fn date_clues() -> Vec<(String, ClueEdge)> {
    const RELATIVE_AND_UNITS: &[Kw] = &[
        Kw::Today,
        Kw::Tonight,
        Kw::Yesterday,
        Kw::Tomorrow,
        Kw::Night,
        Kw::Heute,
        Kw::Gestern,
        Kw::Vorgestern,
        Kw::Uebermorgen,
        Kw::Morgen,
        Kw::Aujourd,
        Kw::Hier,
        Kw::Demain,
        Kw::Year,
        Kw::Years,
        Kw::Jahr,
        Kw::Jahres,
        Kw::Jahren,
        Kw::Annee,
        Kw::An,
        Kw::Ans,
        Kw::Month,
        Kw::Months,
        Kw::Monat,
        Kw::Monats,
        Kw::Monaten,
        Kw::Mois,
        Kw::Day,
        Kw::Days,
        Kw::Tag,
        Kw::Tagen,
        Kw::Jour,
        Kw::Jours,
        Kw::Lendemain,
        Kw::Folgetag,
        Kw::Season,
    ];
    let starts_date = |lex: Lex| match lex {
        Lex::Month { .. } | Lex::Weekday { .. } => true,
        Lex::Kw(k) => RELATIVE_AND_UNITS.contains(&k),
        Lex::Other | Lex::Stop(_) => false,
    };
    // `0` stands for every ASCII digit in the cue scanner's search.
    let mut clues: Vec<(String, ClueEdge)> = std::iter::once('0')
        .chain('０'..='９')
        .map(String::from)
        .chain(HAN_DATE_UNITS.map(String::from))
        .map(|clue| (clue, ClueEdge::Anywhere))
        .collect();
    for (day, _) in GERMAN_WEEKDAYS {
        clues.push((day.to_string(), ClueEdge::StartsWord));
    }
    for &(word, lex) in WORDS {
        if !starts_date(lex) || GERMAN_WEEKDAYS.iter().any(|&(day, _)| day == word) {
            continue;
        }
        let mut spellings = vec![String::new()];
        for c in word.chars() {
            let mut forms = vec![c];
            forms.extend(c.to_uppercase().filter(|u| !u.is_ascii() && u.to_lowercase().eq([c])));
            if c == 'k' {
                forms.push('\u{212A}');
            }
            spellings = spellings
                .iter()
                .flat_map(|start| forms.iter().map(move |&f| format!("{start}{f}")))
                .collect();
        }
        clues.extend(spellings.into_iter().map(|spelling| (spelling, ClueEdge::WholeWord)));
    }
    clues
}

/// The lexicon: lower-case word and what it is. Packed into integers and hashed at compile
/// time ([`LEXICON`]), so a lookup compares integers, not strings.
const WORDS: &[(&str, Lex)] = &[
    ("a", kw(Kw::A)),
    ("ab", kw(Kw::Ab)),
    ("about", kw(Kw::Quantifier)),
    ("almost", kw(Kw::Quantifier)),
    ("als", kw(Kw::Quantifier)),
    ("according", kw(Kw::Report)),
    ("added", kw(Kw::Report)),
    ("announced", kw(Kw::Report)),
    ("affirmé", kw(Kw::Report)),
    ("after", kw(Kw::After)),
    ("ago", kw(Kw::Ago)),
    ("aujourd", kw(Kw::Aujourd)),
    ("around", kw(Kw::Around)),
    ("am", kw(Kw::Am)),
    ("an", kw(Kw::An)),
    ("and", kw(Kw::And)),
    ("anfang", kw(Kw::Anfang)),
    ("ans", kw(Kw::Ans)),
    ("année", kw(Kw::Annee)),
    ("annee", kw(Kw::Annee)),
    ("après", kw(Kw::Apres)),
    ("apres", kw(Kw::Apres)),
    ("april", month(4, true, false)),
    ("avril", month(4, true, false)),
    ("apr", month(4, false, true)),
    ("avr", month(4, true, true)),
    ("august", month(8, false, false)),
    ("aug", month(8, false, true)),
    ("août", month(8, true, false)),
    ("aout", month(8, true, false)),
    ("avant", kw(Kw::Avant)),
    ("at", kw(Kw::At)),
    ("au", kw(Kw::Au)),
    ("aura", kw(Kw::Future)),
    ("auront", kw(Kw::Future)),
    ("acht", kw(Kw::NumWord(8))),
    ("autumn", kw(Kw::Season)),
    ("automne", kw(Kw::Season)),
    ("avait", kw(Kw::PastAux)),
    ("avaient", kw(Kw::PastAux)),
    ("ash", kw(Kw::HolidayPrefix)),
    ("aux", Lex::Stop(FR)),
    ("auf", Lex::Stop(DE)),
    ("auch", Lex::Stop(DE)),
    ("by", kw(Kw::By)),
    ("before", kw(Kw::Before)),
    ("between", kw(Kw::Between)),
    ("bis", kw(Kw::Bis)),
    ("beginning", kw(Kw::Beginning)),
    ("betonte", kw(Kw::Report)),
    ("berichtete", kw(Kw::Report)),
    ("black", kw(Kw::HolidayPrefix)),
    ("bloody", kw(Kw::HolidayPrefix)),
    ("bevorstehenden", kw(Kw::Future)),
    ("bevorstehende", kw(Kw::Future)),
    ("bei", Lex::Stop(DE)),
    ("ce", kw(Kw::Ce)),
    ("cette", kw(Kw::Cette)),
    ("cet", kw(Kw::Ce)),
    ("ci", kw(Kw::Ci)),
    ("chaque", kw(Kw::Every)),
    ("cinq", kw(Kw::NumWord(5))),
    ("courant", kw(Kw::Courant)),
    ("cyber", kw(Kw::HolidayPrefix)),
    ("circa", kw(Kw::Around)),
    ("d", kw(Kw::D)),
    ("de", kw(Kw::De)),
    ("du", kw(Kw::Du)),
    ("dem", kw(Kw::Dem)),
    ("des", kw(Kw::Des)),
    ("dès", kw(Kw::DesFr)),
    ("depuis", kw(Kw::Depuis)),
    ("during", kw(Kw::During)),
    ("day", kw(Kw::Day)),
    ("days", kw(Kw::Days)),
    ("december", month(12, false, false)),
    ("dezember", month(12, false, false)),
    ("dec", month(12, false, true)),
    ("dez", month(12, false, true)),
    ("décembre", month(12, true, false)),
    ("decembre", month(12, true, false)),
    ("déc", month(12, true, true)),
    ("demain", kw(Kw::Demain)),
    ("dernier", kw(Kw::Dernier)),
    ("dernière", kw(Kw::Dernier)),
    ("derniere", kw(Kw::Dernier)),
    ("dieses", kw(Kw::Dies)),
    ("diesen", kw(Kw::Dies)),
    ("diesem", kw(Kw::Dies)),
    ("diese", kw(Kw::Dies)),
    ("did", kw(Kw::PastAux)),
    ("deux", kw(Kw::NumWord(2))),
    ("dix", kw(Kw::NumWord(10))),
    ("drei", kw(Kw::NumWord(3))),
    ("dimanche", wd(6, true)),
    ("dienstag", wd(1, false)),
    ("donnerstag", wd(3, false)),
    ("doit", kw(Kw::Future)),
    ("doivent", kw(Kw::Future)),
    ("début", kw(Kw::Debut)),
    ("debut", kw(Kw::Debut)),
    ("déclaré", kw(Kw::Report)),
    ("der", Lex::Stop(DE)),
    ("die", Lex::Stop(DE)),
    ("das", Lex::Stop(DE)),
    ("dans", Lex::Stop(FR)),
    ("en", kw(Kw::En)),
    ("end", kw(Kw::End)),
    ("ende", kw(Kw::Ende)),
    ("et", kw(Kw::Et)),
    ("entre", kw(Kw::Entre)),
    ("early", kw(Kw::Early)),
    ("earlier", kw(Kw::Earlier)),
    ("each", kw(Kw::Every)),
    ("every", kw(Kw::Every)),
    ("easter", kw(Kw::HolidayPrefix)),
    ("ein", kw(Kw::NumWord(1))),
    ("einem", kw(Kw::NumWord(1))),
    ("einen", kw(Kw::NumWord(1))),
    ("eins", kw(Kw::NumWord(1))),
    ("einer", kw(Kw::NumWord(1))),
    ("eight", kw(Kw::NumWord(8))),
    ("erklärte", kw(Kw::Report)),
    ("erklärten", kw(Kw::Report)),
    ("environ", kw(Kw::Quantifier)),
    ("etwa", kw(Kw::Quantifier)),
    ("expected", kw(Kw::Future)),
    ("express", kw(Kw::Paper)),
    ("er", kw(Kw::OrdSuffix)),
    ("est", Lex::Stop(FR)),
    ("eine", Lex::Stop(DE)),
    ("from", kw(Kw::From)),
    ("fin", kw(Kw::Fin)),
    ("five", kw(Kw::NumWord(5))),
    ("fünf", kw(Kw::NumWord(5))),
    ("four", kw(Kw::NumWord(4))),
    ("fall", kw(Kw::Season)),
    ("frühjahr", kw(Kw::Season)),
    ("frühling", kw(Kw::Season)),
    ("fast", kw(Kw::Quantifier)),
    ("forthcoming", kw(Kw::Future)),
    ("freitag", wd(4, false)),
    ("friday", wd(4, false)),
    ("be", kw(Kw::Be)),
    ("following", kw(Kw::Following)),
    ("folgenden", kw(Kw::Following)),
    ("same", kw(Kw::Same)),
    ("selben", kw(Kw::Same)),
    ("gleichen", kw(Kw::Same)),
    ("même", kw(Kw::Same)),
    ("lendemain", kw(Kw::Lendemain)),
    ("folgetag", kw(Kw::Folgetag)),
    ("been", kw(Kw::Be)),
    ("being", kw(Kw::Be)),
    ("met", kw(Kw::PastVerb)),
    ("began", kw(Kw::PastVerb)),
    ("took", kw(Kw::PastVerb)),
    ("went", kw(Kw::PastVerb)),
    ("came", kw(Kw::PastVerb)),
    ("saw", kw(Kw::PastVerb)),
    ("gave", kw(Kw::PastVerb)),
    ("made", kw(Kw::PastVerb)),
    ("spoke", kw(Kw::PastVerb)),
    ("wrote", kw(Kw::PastVerb)),
    ("held", kw(Kw::PastVerb)),
    ("led", kw(Kw::PastVerb)),
    ("became", kw(Kw::PastVerb)),
    ("brought", kw(Kw::PastVerb)),
    ("built", kw(Kw::PastVerb)),
    ("sent", kw(Kw::PastVerb)),
    ("paid", kw(Kw::PastVerb)),
    ("sold", kw(Kw::PastVerb)),
    ("bought", kw(Kw::PastVerb)),
    ("won", kw(Kw::PastVerb)),
    ("february", month(2, false, false)),
    ("februar", month(2, false, false)),
    ("feber", month(2, false, false)),
    ("feb", month(2, false, true)),
    ("février", month(2, true, false)),
    ("fevrier", month(2, true, false)),
    ("févr", month(2, true, true)),
    ("fevr", month(2, true, true)),
    ("für", Lex::Stop(DE)),
    ("for", Lex::Stop(EN)),
    ("gestern", kw(Kw::Gestern)),
    ("geplant", kw(Kw::Future)),
    ("geplante", kw(Kw::Future)),
    ("geplanten", kw(Kw::Future)),
    ("good", kw(Kw::HolidayPrefix)),
    ("heute", kw(Kw::Heute)),
    ("hier", kw(Kw::Hier)),
    ("hui", kw(Kw::Hui)),
    ("half", kw(Kw::Half)),
    ("had", kw(Kw::PastAux)),
    ("hat", kw(Kw::PastAux)),
    ("hatte", kw(Kw::PastAux)),
    ("hatten", kw(Kw::PastAux)),
    ("haben", kw(Kw::PastAux)),
    ("herbst", kw(Kw::Season)),
    ("hiver", kw(Kw::Season)),
    ("huit", kw(Kw::NumWord(8))),
    ("herald", kw(Kw::Paper)),
    ("hieß", kw(Kw::Report)),
    ("holy", kw(Kw::HolidayPrefix)),
    ("has", Lex::Stop(EN)),
    ("have", Lex::Stop(EN)),
    ("in", kw(Kw::In)),
    ("im", kw(Kw::Im)),
    ("ici", kw(Kw::Ici)),
    ("il", kw(Kw::Il)),
    ("is", Lex::Stop(EN)),
    ("its", Lex::Stop(EN)),
    ("ist", Lex::Stop(DE)),
    ("jahr", kw(Kw::Jahr)),
    ("jahre", kw(Kw::Jahr)),
    ("jahres", kw(Kw::Jahres)),
    ("jahren", kw(Kw::Jahren)),
    ("jeden", kw(Kw::Every)),
    ("jede", kw(Kw::Every)),
    ("jedem", kw(Kw::Every)),
    ("jusqu", kw(Kw::Jusqu)),
    ("jeudi", wd(3, true)),
    ("jour", kw(Kw::Jour)),
    ("jours", kw(Kw::Jours)),
    ("january", month(1, false, false)),
    ("januar", month(1, false, false)),
    ("jänner", month(1, false, false)),
    ("jan", month(1, false, true)),
    ("janvier", month(1, true, false)),
    ("janv", month(1, true, true)),
    ("july", month(7, false, false)),
    ("juli", month(7, false, false)),
    ("jul", month(7, false, true)),
    ("juillet", month(7, true, false)),
    ("juil", month(7, true, true)),
    ("june", month(6, false, false)),
    ("juni", month(6, false, false)),
    ("jun", month(6, false, true)),
    ("juin", month(6, true, false)),
    ("knapp", kw(Kw::Quantifier)),
    ("kommenden", kw(Kw::Naechst)),
    ("kommendes", kw(Kw::Naechst)),
    ("kommende", kw(Kw::Naechst)),
    ("l", kw(Kw::L)),
    ("le", kw(Kw::Le)),
    ("la", kw(Kw::La)),
    ("last", kw(Kw::Last)),
    ("late", kw(Kw::Late)),
    ("later", kw(Kw::Later)),
    ("letzten", kw(Kw::Letzt)),
    ("letztes", kw(Kw::Letzt)),
    ("letzte", kw(Kw::Letzt)),
    ("letzter", kw(Kw::Letzt)),
    ("lundi", wd(0, true)),
    ("ll", kw(Kw::Future)),
    ("les", Lex::Stop(FR)),
    ("mid", kw(Kw::Mid)),
    ("mi", kw(Kw::Mi)),
    ("middle", kw(Kw::Middle)),
    ("mitte", kw(Kw::Mitte)),
    ("month", kw(Kw::Month)),
    ("months", kw(Kw::Months)),
    ("monat", kw(Kw::Monat)),
    ("monats", kw(Kw::Monats)),
    ("monaten", kw(Kw::Monaten)),
    ("mois", kw(Kw::Mois)),
    ("morgen", kw(Kw::Morgen)),
    ("more", kw(Kw::Quantifier)),
    ("mehr", kw(Kw::Quantifier)),
    ("mail", kw(Kw::Paper)),
    ("mirror", kw(Kw::Paper)),
    ("mardi", wd(1, true)),
    ("mercredi", wd(2, true)),
    ("mittwoch", wd(2, false)),
    ("montag", wd(0, false)),
    ("monday", wd(0, false)),
    ("march", month(3, false, false)),
    ("märz", month(3, false, false)),
    ("maerz", month(3, false, false)),
    ("mar", month(3, false, true)),
    ("mars", month(3, true, false)),
    ("may", month(5, false, false)),
    ("mai", month(5, true, false)),
    ("maundy", kw(Kw::HolidayPrefix)),
    ("mit", Lex::Stop(DE)),
    ("next", kw(Kw::Next)),
    ("nach", kw(Kw::Nach)),
    ("night", kw(Kw::Night)),
    ("nine", kw(Kw::NumWord(9))),
    ("neun", kw(Kw::NumWord(9))),
    ("neuf", kw(Kw::NumWord(9))),
    ("nearly", kw(Kw::Quantifier)),
    ("noted", kw(Kw::Report)),
    ("nächsten", kw(Kw::Naechst)),
    ("nächstes", kw(Kw::Naechst)),
    ("nächste", kw(Kw::Naechst)),
    ("naechsten", kw(Kw::Naechst)),
    ("november", month(11, false, false)),
    ("nov", month(11, true, true)),
    ("novembre", month(11, true, false)),
    ("nicht", Lex::Stop(DE)),
    ("of", kw(Kw::Of)),
    ("on", kw(Kw::On)),
    ("one", kw(Kw::NumWord(1))),
    ("over", kw(Kw::Quantifier)),
    ("ont", kw(Kw::PastAux)),
    ("october", month(10, false, false)),
    ("oktober", month(10, false, false)),
    ("oct", month(10, true, true)),
    ("okt", month(10, false, true)),
    ("octobre", month(10, true, false)),
    ("partir", kw(Kw::Partir)),
    ("passé", kw(Kw::Passe)),
    ("passée", kw(Kw::Passe)),
    ("passe", kw(Kw::Passe)),
    ("passee", kw(Kw::Passe)),
    ("plus", kw(Kw::Quantifier)),
    ("près", kw(Kw::Quantifier)),
    ("pres", kw(Kw::Quantifier)),
    ("printemps", kw(Kw::Season)),
    ("prochain", kw(Kw::Prochain)),
    ("prochaine", kw(Kw::Prochain)),
    ("prévu", kw(Kw::Future)),
    ("prévue", kw(Kw::Future)),
    ("prévus", kw(Kw::Future)),
    ("prévues", kw(Kw::Future)),
    ("planned", kw(Kw::Future)),
    ("plans", kw(Kw::Future)),
    ("palm", kw(Kw::HolidayPrefix)),
    ("post", kw(Kw::Paper)),
    ("pour", Lex::Stop(FR)),
    ("par", Lex::Stop(FR)),
    ("quatre", kw(Kw::NumWord(4))),
    ("quarter", kw(Kw::Quarter)),
    ("first", kw(Kw::Ordinal)),
    ("second", kw(Kw::Ordinal)),
    ("third", kw(Kw::Ordinal)),
    ("fourth", kw(Kw::Ordinal)),
    ("que", Lex::Stop(FR)),
    ("qui", Lex::Stop(FR)),
    ("rund", kw(Kw::Quantifier)),
    ("roughly", kw(Kw::Quantifier)),
    ("reported", kw(Kw::Report)),
    ("rd", kw(Kw::OrdSuffix)),
    ("since", kw(Kw::Since)),
    ("seit", kw(Kw::Seit)),
    ("said", kw(Kw::Report)),
    ("says", kw(Kw::Report)),
    ("stated", kw(Kw::Report)),
    ("sagte", kw(Kw::Report)),
    ("sagten", kw(Kw::Report)),
    ("selon", kw(Kw::Report)),
    ("souligné", kw(Kw::Report)),
    ("scheduled", kw(Kw::Future)),
    ("slated", kw(Kw::Future)),
    ("shall", kw(Kw::Future)),
    ("sera", kw(Kw::Future)),
    ("seront", kw(Kw::Future)),
    ("soll", kw(Kw::Future)),
    ("sollen", kw(Kw::Future)),
    ("seven", kw(Kw::NumWord(7))),
    ("sieben", kw(Kw::NumWord(7))),
    ("six", kw(Kw::NumWord(6))),
    ("sechs", kw(Kw::NumWord(6))),
    ("some", kw(Kw::Quantifier)),
    ("spring", kw(Kw::Season)),
    ("summer", kw(Kw::Season)),
    ("sommer", kw(Kw::Season)),
    ("samedi", wd(5, true)),
    ("samstag", wd(5, false)),
    ("sonnabend", wd(5, false)),
    ("saturday", wd(5, false)),
    ("sonntag", wd(6, false)),
    ("sunday", wd(6, false)),
    ("september", month(9, false, false)),
    ("septembre", month(9, true, false)),
    ("sep", month(9, false, true)),
    ("sept", month(9, false, true)),
    ("super", kw(Kw::HolidayPrefix)),
    ("st", kw(Kw::OrdSuffix)),
    ("start", kw(Kw::Beginning)),
    ("sur", Lex::Stop(FR)),
    ("sont", Lex::Stop(FR)),
    ("sich", Lex::Stop(DE)),
    ("the", kw(Kw::The)),
    ("this", kw(Kw::This)),
    ("to", kw(Kw::To)),
    ("today", kw(Kw::Today)),
    ("tomorrow", kw(Kw::Tomorrow)),
    ("tonight", kw(Kw::Tonight)),
    ("two", kw(Kw::NumWord(2))),
    ("three", kw(Kw::NumWord(3))),
    ("trois", kw(Kw::NumWord(3))),
    ("ten", kw(Kw::NumWord(10))),
    ("than", kw(Kw::Quantifier)),
    ("through", kw(Kw::Through)),
    ("throughout", kw(Kw::Through)),
    ("till", kw(Kw::Until)),
    ("told", kw(Kw::Report)),
    ("teilte", kw(Kw::Report)),
    ("tag", kw(Kw::Tag)),
    ("tagen", kw(Kw::Tagen)),
    ("telegraph", kw(Kw::Paper)),
    ("times", kw(Kw::Paper)),
    ("tuesday", wd(1, false)),
    ("thursday", wd(3, false)),
    ("th", kw(Kw::OrdSuffix)),
    ("that", kw(Kw::That)),
    ("their", Lex::Stop(EN)),
    ("until", kw(Kw::Until)),
    ("und", kw(Kw::Und)),
    ("un", kw(Kw::NumWord(1))),
    ("une", kw(Kw::NumWord(1))),
    ("upcoming", kw(Kw::Future)),
    ("vor", kw(Kw::Vor)),
    ("vom", kw(Kw::Vom)),
    ("von", kw(Kw::Von)),
    ("vergangenen", kw(Kw::Vergangen)),
    ("vergangenes", kw(Kw::Vergangen)),
    ("vergangene", kw(Kw::Vergangen)),
    ("vorigen", kw(Kw::Vergangen)),
    ("voriges", kw(Kw::Vergangen)),
    ("vorige", kw(Kw::Vergangen)),
    ("vorgestern", kw(Kw::Vorgestern)),
    ("vendredi", wd(4, true)),
    ("va", kw(Kw::Future)),
    ("vont", kw(Kw::Future)),
    ("voraussichtlich", kw(Kw::Future)),
    ("vier", kw(Kw::NumWord(4))),
    ("will", kw(Kw::Future)),
    ("wird", kw(Kw::Future)),
    ("werden", kw(Kw::Future)),
    ("werde", kw(Kw::Future)),
    ("was", kw(Kw::PastAux)),
    ("were", kw(Kw::PastAux)),
    ("wurde", kw(Kw::PastAux)),
    ("wurden", kw(Kw::PastAux)),
    ("war", kw(Kw::PastAux)),
    ("waren", kw(Kw::PastAux)),
    ("winter", kw(Kw::Season)),
    ("wednesday", wd(2, false)),
    ("with", Lex::Stop(EN)),
    ("which", Lex::Stop(EN)),
    ("y", kw(Kw::Y)),
    ("year", kw(Kw::Year)),
    ("years", kw(Kw::Years)),
    ("yesterday", kw(Kw::Yesterday)),
    ("zum", kw(Kw::Zum)),
    ("zur", kw(Kw::Zum)),
    ("zwischen", kw(Kw::Zwischen)),
    ("zwei", kw(Kw::NumWord(2))),
    ("zehn", kw(Kw::NumWord(10))),
    ("à", kw(Kw::AGrave)),
    ("über", kw(Kw::Quantifier)),
    ("übermorgen", kw(Kw::Uebermorgen)),
    ("été", kw(Kw::Season)),
    ("était", kw(Kw::PastAux)),
    ("étaient", kw(Kw::PastAux)),
];

/// A lower-case word of up to 16 bytes as one integer; distinct words give distinct keys
/// because no word contains a zero byte.
const fn pack(word: &[u8]) -> u128 {
    let mut key = 0u128;
    let mut i = 0;
    while i < word.len() {
        key = (key << 8) | word[i] as u128;
        i += 1;
    }
    key
}

/// Slots of the lexicon's hash table: a power of two, about two and a half times the words.
const LEXICON_BITS: u32 = 10;
const LEXICON_SLOTS: usize = 1 << LEXICON_BITS;

/// The lexicon as an open-addressing hash table built at compile time (key 0 marks an empty
/// slot); a lookup usually reads one slot.
static LEXICON: [(u128, Lex); LEXICON_SLOTS] = hashed_lexicon();

/// Bits of the hash that [`LEXICON_FILTER`] is indexed by: the slot's bits and two more.
const FILTER_BITS: u32 = LEXICON_BITS + 2;

/// One bit per value of a word's [`filter_bit`], set where some word of the lexicon has it.
/// Most words of a text are in no lexicon: this 512-byte set turns nearly all of them away,
/// where the table (32 KB, as much as the processor's first cache) would be read at a place
/// likely out of cache.
static LEXICON_FILTER: [u64; 1 << (FILTER_BITS - 6)] = lexicon_filter();

const fn hash(key: u128) -> u64 {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    folded.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

const fn slot(key: u128) -> usize {
    (hash(key) >> (64 - LEXICON_BITS)) as usize
}

const fn filter_bit(key: u128) -> usize {
    (hash(key) >> (64 - FILTER_BITS)) as usize
}

const fn lexicon_filter() -> [u64; 1 << (FILTER_BITS - 6)] {
    let mut filter = [0u64; 1 << (FILTER_BITS - 6)];
    let mut i = 0;
    while i < WORDS.len() {
        let bit = filter_bit(pack(WORDS[i].0.as_bytes()));
        filter[bit / 64] |= 1 << (bit % 64);
        i += 1;
    }
    filter
}

const fn hashed_lexicon() -> [(u128, Lex); LEXICON_SLOTS] {
    assert!(
        WORDS.len() * 2 < LEXICON_SLOTS,
        "the lexicon's hash table is large enough"
    );
    let mut table = [(0u128, Lex::Other); LEXICON_SLOTS];
    let mut i = 0;
    while i < WORDS.len() {
        let word = WORDS[i].0.as_bytes();
        assert!(!word.is_empty() && word.len() <= 16, "lexicon words fit in 16 bytes");
        let key = pack(word);
        let mut s = slot(key);
        while table[s].0 != 0 {
            assert!(table[s].0 != key, "a word is listed twice in the lexicon");
            s = (s + 1) % LEXICON_SLOTS;
        }
        table[s] = (key, WORDS[i].1);
        i += 1;
    }
    table
}

fn lookup(key: u128) -> Lex {
    let bit = filter_bit(key);
    if LEXICON_FILTER[bit / 64] & (1 << (bit % 64)) == 0 {
        return Lex::Other;
    }
    let mut s = slot(key);
    loop {
        let (k, lex) = LEXICON[s];
        if k == key {
            return lex;
        }
        if k == 0 {
            return Lex::Other;
        }
        s = (s + 1) % LEXICON_SLOTS;
    }
}

/// German weekdays, which begin compounds ([`german_weekday_compound`]).
const GERMAN_WEEKDAYS: [(&str, u8); 8] = [
    ("montag", 0),
    ("dienstag", 1),
    ("mittwoch", 2),
    ("donnerstag", 3),
    ("freitag", 4),
    ("samstag", 5),
    ("sonnabend", 5),
    ("sonntag", 6),
];

/// `Montagabend`, `Donnerstagnachmittag`: German writes the part of the day into the weekday.
fn german_weekday_compound(word: &str) -> Lex {
    const PARTS: [&str; 7] = ["morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht", "früh"];
    let bytes = word.as_bytes();
    if !matches!(
        bytes.first(),
        Some(b'M' | b'D' | b'F' | b'S' | b'm' | b'd' | b'f' | b's')
    ) {
        return Lex::Other;
    }
    for (name, day) in GERMAN_WEEKDAYS {
        if bytes.len() > name.len() && bytes[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            let rest = &bytes[name.len()..];
            if PARTS.iter().any(|part| part.as_bytes() == rest) {
                return wd(day, false);
            }
        }
    }
    Lex::Other
}

// ---------------------------------------------------------------------------------------------
// Matching

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Parts {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

/// How a year missing from the text is to be found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RelYear {
    /// This many years from the reference year (`July last year`, `去年7月`).
    Offset(i32),
    /// The latest occurrence before the reference (`juillet dernier`, `last July`).
    Last,
    /// The first occurrence after the reference (`juillet prochain`, `next July`).
    Next,
}

/// Which of the weekdays of that name a weekday expression means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WeekdayMode {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
}

/// A match, in tokens, before it becomes a [`DateMention`].
#[derive(Debug, Clone, Copy)]
struct Hit {
    first: usize,
    /// One past the last token.
    last: usize,
    date: PartialDate,
    end: Option<PartialDate>,
    resolution: Resolution,
    /// The expression itself speaks of the future ("next year", "tomorrow").
    future: bool,
    /// "by the end of 2018": `planned` compares the end of the period with the reference.
    period_end: bool,
}

impl Hit {
    fn new(first: usize, last: usize, date: PartialDate, resolution: Resolution) -> Hit {
        Hit {
            first,
            last,
            date,
            end: None,
            resolution,
            future: false,
            period_end: false,
        }
    }
}

const DASHES: &str = "-–—~～－";
const BOUNDARY: &str = ".!?;:。！？；：";
/// Characters that, before `明`, make it part of another word (`说明天津` is not "tomorrow").
const MING_WORDS: &str = "说說表证證声聲文透光聪聰发發鲜鮮简簡阐闡指标標注查英申分失昌清神黎开開严嚴高精公照言辨";

struct Scan<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    reference: Option<PartialDate>,
    lang: Language,
    /// The last day-precision date found (the last day of a range), for a later bare day number
    /// (`7日`) or day relative to it (`the next day`, `次日`).
    context: Option<PartialDate>,
}

impl Scan<'_> {
    /// Finds the mentions of the tokenized line.
    fn scan_line(&mut self, found: &mut Vec<DateMention>) {
        let mut floor = 0;
        let mut i = 0;
        while i < self.toks.len() {
            // Most tokens cannot start a date: skip them without calling the matchers.
            let inert = match self.toks[i].kind {
                Kind::Word(Lex::Other | Lex::Stop(_)) | Kind::Mark(_) => true,
                Kind::Han(c) => !may_start_chinese_date(c),
                _ => false,
            };
            if inert {
                i += 1;
                continue;
            }
            let Some(mut hit) = self.match_at(i) else {
                i += 1;
                continue;
            };
            hit.first = hit.first.max(floor);
            if let Some((last, day)) = self.trailing_weekday(&hit) {
                hit.last = last;
                if hit.resolution == Resolution::YearFromReference {
                    self.agree_with_weekday(&mut hit, day);
                }
            }
            let mention = self.finish(&hit);
            if mention.date.precision() == Precision::Day {
                self.context = Some(mention.end_date.unwrap_or(mention.date));
            }
            found.push(mention);
            floor = hit.last;
            i = hit.last.max(i + 1);
        }
    }

    // --- token access; indices may be out of range (or wrapped below zero): that reads as nothing

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        match self.kind(i)? {
            Kind::Word(Lex::Kw(k)) => Some(k),
            _ => None,
        }
    }

    fn is(&self, i: usize, k: Kw) -> bool {
        self.kw(i) == Some(k)
    }

    fn is_any(&self, i: usize, ks: &[Kw]) -> bool {
        self.kw(i).is_some_and(|k| ks.contains(&k))
    }

    fn mark(&self, i: usize) -> Option<char> {
        match self.kind(i)? {
            Kind::Mark(c) => Some(c),
            _ => None,
        }
    }

    fn is_mark(&self, i: usize, set: &str) -> bool {
        self.mark(i).is_some_and(|c| in_set(set, c))
    }

    fn apostrophe(&self, i: usize) -> bool {
        self.is_mark(i, "'’")
    }

    fn han(&self, i: usize) -> Option<char> {
        match self.kind(i)? {
            Kind::Han(c) => Some(c),
            _ => None,
        }
    }

    fn is_han(&self, i: usize, set: &str) -> bool {
        self.han(i).is_some_and(|c| in_set(set, c))
    }

    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.gap == Gap::None)
    }

    fn case(&self, i: usize) -> Option<Case> {
        self.toks.get(i).map(|t| t.case)
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.kind(i)? {
            Kind::Num { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    fn day(&self, i: usize) -> Option<u8> {
        let (value, digits) = self.num(i)?;
        (digits <= 2 && (1..=31).contains(&value)).then_some(value as u8)
    }

    fn month_num(&self, i: usize) -> Option<u8> {
        let (value, digits) = self.num(i)?;
        (digits <= 2 && (1..=12).contains(&value)).then_some(value as u8)
    }

    /// A four-digit year written next to a month or with `年`.
    fn year(&self, i: usize) -> Option<i32> {
        let (value, digits) = self.num(i)?;
        (digits == 4 && (1000..=2999).contains(&value)).then_some(value as i32)
    }

    /// A month name written the way its language writes it; with whether it is abbreviated.
    fn month_word(&self, i: usize) -> Option<(u8, bool)> {
        let tok = self.toks.get(i)?;
        match tok.kind {
            Kind::Word(Lex::Month { month, lower_ok, abbr }) if lower_ok || tok.case != Case::Lower => {
                Some((month, abbr))
            }
            _ => None,
        }
    }

    /// The token after a month name, past the period of an abbreviation (`Sept.`).
    fn after_month(&self, i: usize, abbr: bool) -> usize {
        if abbr && self.glued(i + 1) && self.is_mark(i + 1, ".") {
            i + 2
        } else {
            i + 1
        }
    }

    /// Is the token a number glued into something larger: `2,000`, `2.5`, `13:20`?
    fn part_of_number_after(&self, i: usize) -> bool {
        self.glued(i + 1) && self.is_mark(i + 1, ",.:") && self.glued(i + 2) && self.num(i + 2).is_some()
    }

    fn part_of_number_before(&self, i: usize) -> bool {
        self.glued(i)
            && self.is_mark(i.wrapping_sub(1), ",.:")
            && self.glued(i.wrapping_sub(1))
            && self.num(i.wrapping_sub(2)).is_some()
    }

    /// Past a day number's ordinal suffix (`17.` `17th` `1er`); `None` when `17.5` is a decimal.
    fn after_day_suffix(&self, j: usize) -> Option<usize> {
        if !self.glued(j) {
            return Some(j);
        }
        if self.is_mark(j, ".") {
            if self.glued(j + 1) && self.num(j + 1).is_some() {
                return None;
            }
            return Some(j + 1);
        }
        if self.is(j, Kw::OrdSuffix) {
            return Some(j + 1);
        }
        Some(j)
    }

    /// A range connector at `j`: returns the token after it (and after an article such as the
    /// `le` of "entre le 17 et le 18 mars"), and whether it is an "and".
    fn connector(&self, j: usize) -> Option<(usize, bool)> {
        let (next, and) = if self.is_mark(j, DASHES) {
            (j + 1, false)
        } else {
            match self.kw(j)? {
                Kw::To | Kw::Until | Kw::Through | Kw::Bis | Kw::Au | Kw::AGrave => (j + 1, false),
                Kw::And | Kw::Und | Kw::Et => (j + 1, true),
                _ => return None,
            }
        };
        if self.is_any(next, &[Kw::The, Kw::Le, Kw::Dem, Kw::Zum]) {
            return Some((next + 1, and));
        }
        Some((next, and))
    }

    /// An optional `, 2025` or ` 2025` after a day and month.
    fn year_after(&self, j: usize) -> (Option<i32>, usize) {
        if self.is_mark(j, ",") && !self.glued(j + 1) {
            if let Some(y) = self.year(j + 1) {
                if !self.part_of_number_after(j + 1) {
                    return (Some(y), j + 2);
                }
            }
        }
        if !self.glued(j) {
            if let Some(y) = self.year(j) {
                if !self.part_of_number_after(j) && !self.is_han(j + 1, "年") {
                    return (Some(y), j + 1);
                }
            }
        }
        (None, j)
    }

    fn reference_day(&self) -> Option<PartialDate> {
        self.reference.filter(|r| r.precision() == Precision::Day)
    }

    fn reference_month(&self) -> Option<PartialDate> {
        self.reference.filter(|r| r.precision() >= Precision::Month)
    }

    // --- dispatch

    fn match_at(&self, i: usize) -> Option<Hit> {
        match self.kind(i)? {
            Kind::Num { .. } => self.match_number(i),
            Kind::Word(Lex::Month { .. }) => self.month_first(i).or_else(|| self.ago(i)),
            Kind::Word(Lex::Weekday { day, lower_ok }) => self.weekday(i, day, lower_ok),
            Kind::Word(Lex::Kw(k)) => self.match_keyword(i, k),
            Kind::Han(c) => self.match_han(i, c),
            Kind::Word(_) | Kind::Mark(_) => None,
        }
    }

    fn match_number(&self, i: usize) -> Option<Hit> {
        if self.part_of_number_before(i) {
            return None;
        }
        let (_, digits) = self.num(i)?;
        if digits == 4 {
            return self
                .iso(i)
                .or_else(|| self.chinese_from_year(i))
                .or_else(|| self.cued_year(i));
        }
        if digits > 2 {
            return None;
        }
        self.numeric_day_first(i)
            .or_else(|| self.chinese_month(i))
            .or_else(|| self.chinese_day(i))
            .or_else(|| self.day_first(i))
            .or_else(|| self.on_the_nth(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.chinese_ago(i))
    }

    fn match_keyword(&self, i: usize, k: Kw) -> Option<Hit> {
        match k {
            Kw::Today
            | Kw::Tonight
            | Kw::Yesterday
            | Kw::Tomorrow
            | Kw::Night
            | Kw::Heute
            | Kw::Gestern
            | Kw::Vorgestern
            | Kw::Uebermorgen
            | Kw::Morgen
            | Kw::Aujourd
            | Kw::Hier
            | Kw::Demain => self.relative_day(i, k),
            Kw::Year | Kw::Jahr | Kw::Jahres | Kw::Annee | Kw::An => self.relative_period(i, k, true),
            Kw::Month | Kw::Monat | Kw::Monats | Kw::Mois => self.relative_period(i, k, false),
            Kw::NumWord(_) | Kw::A => self.ago(i),
            Kw::Day | Kw::Tag | Kw::Jour | Kw::Lendemain | Kw::Folgetag => self.mentioned_day(i, k),
            Kw::Season => self.season(i),
            _ => None,
        }
    }

    // --- turning parts into dates

    /// Resolves explicit parts, filling a missing year from the end of the range, from `rel`, or
    /// from the reference.
    fn resolve_parts(
        &self,
        first: usize,
        last: usize,
        start: Parts,
        end: Option<Parts>,
        rel: Option<RelYear>,
    ) -> Option<Hit> {
        let mut s = start;
        let mut e = end;
        let mut month_inherited = false;
        if let Some(e) = e.as_mut() {
            if e.month.is_none() {
                e.month = s.month;
                month_inherited = true;
            }
        }
        let key = |p: &Parts| (p.month, p.day);
        if s.year.is_none() {
            if let Some(e) = e.filter(|e| e.year.is_some()) {
                let ey = e.year?;
                s.year = Some(if key(&s) > key(&e) { ey - 1 } else { ey });
            }
        }
        let mut resolution = Resolution::Absolute;
        let mut future = false;
        if s.year.is_none() {
            let r = self.reference?;
            let ry = r.year_number();
            let month = s.month?;
            let year = match rel {
                Some(RelYear::Offset(n)) => {
                    resolution = Resolution::RelativeYear;
                    future = n > 0;
                    ry + n
                }
                Some(RelYear::Last) => {
                    resolution = Resolution::YearFromReference;
                    let this = build(ry, Some(month), s.day)?;
                    if cmp_common(this, r) == Ordering::Less {
                        ry
                    } else {
                        ry - 1
                    }
                }
                Some(RelYear::Next) => {
                    resolution = Resolution::YearFromReference;
                    future = true;
                    let this = build(ry, Some(month), s.day)?;
                    if cmp_common(this, r) == Ordering::Greater {
                        ry
                    } else {
                        ry + 1
                    }
                }
                None => {
                    resolution = Resolution::YearFromReference;
                    let cue = self.future_cue(first, last);
                    self.nearest_year(month, s.day, cue)?
                }
            };
            s.year = Some(year);
        }
        let date = build(s.year?, s.month, s.day)?;
        let mut end_date = None;
        if let Some(mut e) = e {
            if e.year.is_none() {
                e.year = s.year;
                if key(&e) < key(&s) && !month_inherited {
                    e.year = s.year.map(|y| y + 1);
                }
            }
            end_date = build(e.year?, e.month, e.day).filter(|d| *d > date);
        }
        Some(Hit {
            end: end_date,
            future,
            ..Hit::new(first, last, date, resolution)
        })
    }

    /// The year that puts month (and day) nearest the reference; with `future`, the nearest
    /// that is not before it.
    fn nearest_year(&self, month: u8, day: Option<u8>, future: bool) -> Option<i32> {
        let r = self.reference?;
        let ry = r.year_number();
        if r.precision() == Precision::Year {
            return build(ry, Some(month), day).map(|_| ry);
        }
        let (rlo, rhi) = r.day_span();
        let pick = |future_only: bool| {
            let mut best: Option<(i64, i32)> = None;
            for y in [ry - 1, ry, ry + 1] {
                let Some(candidate) = build(y, Some(month), day) else {
                    continue;
                };
                let (lo, hi) = candidate.day_span();
                if future_only && hi < rlo {
                    continue;
                }
                let distance = if hi < rlo {
                    rlo - hi
                } else if lo > rhi {
                    lo - rhi
                } else {
                    0
                };
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, y));
                }
            }
            best.map(|(_, y)| y)
        };
        if future {
            pick(true).or_else(|| pick(false))
        } else {
            pick(false)
        }
    }

    fn weekday_date(&self, day: u8, mode: WeekdayMode) -> Option<(PartialDate, Resolution)> {
        let r = self.reference_day()?;
        let today = weekday_index(day_number(r)?);
        let back = i64::from((today + 7 - day) % 7);
        let ahead = i64::from((day + 7 - today) % 7);
        let (offset, resolution) = match mode {
            WeekdayMode::OnOrBefore => (-back, Resolution::WeekdayBeforeReference),
            WeekdayMode::Before => (-(if back == 0 { 7 } else { back }), Resolution::WeekdayBeforeReference),
            WeekdayMode::OnOrAfter => (ahead, Resolution::WeekdayAfterReference),
            WeekdayMode::After => (if ahead == 0 { 7 } else { ahead }, Resolution::WeekdayAfterReference),
        };
        Some((add_days(r, offset)?, resolution))
    }

    fn relative_days(&self, first: usize, last: usize, days: i64) -> Option<Hit> {
        let date = add_days(self.reference_day()?, days)?;
        Some(Hit {
            future: days > 0,
            ..Hit::new(first, last, date, Resolution::RelativeDay)
        })
    }

    /// A day number with no month: of the month last mentioned, else of the reference month.
    fn day_of_month(&self, first: usize, last: usize, day: u8, end_day: Option<u8>) -> Option<Hit> {
        let r = self.reference_month()?;
        let mentioned = self.context.and_then(|c| Some((c.year_number(), c.month_number()?)));
        let (year, month, resolution) = match mentioned {
            Some((y, m)) => (y, m, Resolution::DayOfMentionedMonth),
            None => {
                let (mut y, mut m) = (r.year_number(), r.month_number()?);
                if r.day_number().is_some_and(|rd| day > rd) && !self.future_cue(first, last) {
                    let before = add_months(y, m, -1)?;
                    y = before.year_number();
                    m = before.month_number()?;
                }
                (y, m, Resolution::DayOfReferenceMonth)
            }
        };
        let date = PartialDate::day(year, month, day)?;
        let end = end_day
            .and_then(|d| PartialDate::day(year, month, d))
            .filter(|d| *d > date);
        Some(Hit {
            end,
            ..Hit::new(first, last, date, resolution)
        })
    }

    // --- numeric and Chinese forms

    /// `2015-10-21`, `2015/10/21`, `2015.10.21`.
    fn iso(&self, i: usize) -> Option<Hit> {
        let year = self.year(i)?;
        let sep = self.mark(i + 1).filter(|&c| in_set("-/.", c))?;
        if !(self.glued(i + 1) && self.glued(i + 2) && self.glued(i + 3) && self.glued(i + 4)) {
            return None;
        }
        let month = self.month_num(i + 2)?;
        if self.mark(i + 3) != Some(sep) {
            return None;
        }
        let day = self.day(i + 4)?;
        if self.part_of_number_after(i + 4) {
            return None;
        }
        let date = PartialDate::day(year, month, day)?;
        Some(Hit::new(i, i + 5, date, Resolution::Absolute))
    }

    /// `14.02.2026`, `14-02-2026`, `14. 02. 2026`, and German `am 17.3.` (with a preposition).
    fn numeric_day_first(&self, i: usize) -> Option<Hit> {
        if self.is_mark(i + 1, "/") {
            return self.slashed(i);
        }
        let day = self.day(i)?;
        let sep = self.mark(i + 1).filter(|&c| in_set(".-", c))?;
        if !self.glued(i + 1) {
            return None;
        }
        let month = self.month_num(i + 2)?;
        if self.mark(i + 3) != Some(sep) || !self.glued(i + 3) {
            return None;
        }
        if sep == '-' && !(self.glued(i + 2) && self.glued(i + 4)) {
            return None;
        }
        if let Some(year) = self.year(i + 4) {
            if self.part_of_number_after(i + 4) {
                return None;
            }
            let date = PartialDate::day(year, month, day)?;
            return Some(Hit::new(i, i + 5, date, Resolution::Absolute));
        }
        // German `am 17.3.`: day and month only, which needs the preposition to be a date.
        if sep == '.'
            && self.glued(i + 2)
            && self.num(i + 4).is_none()
            && self.is_any(
                i.wrapping_sub(1),
                &[Kw::Am, Kw::Vom, Kw::Bis, Kw::Zum, Kw::Seit, Kw::Ab],
            )
        {
            let start = Parts {
                year: None,
                month: Some(month),
                day: Some(day),
            };
            return self.resolve_parts(i, i + 4, start, None, None);
        }
        None
    }

    /// `14/05/2019` (day first, as in Europe and China) or `5/14/2019` (month first, American):
    /// read only when one of the numbers cannot be a month, or when the text is not English.
    fn slashed(&self, i: usize) -> Option<Hit> {
        let glued = (1..=4).all(|k| self.glued(i + k));
        if !glued || !self.is_mark(i + 3, "/") {
            return None;
        }
        let (a, b) = (self.day(i)?, self.day(i + 2)?);
        let year = self.year(i + 4)?;
        if self.part_of_number_after(i + 4) || self.is_mark(i + 5, "/") {
            return None;
        }
        let (day, month) = if a > 12 || (b <= 12 && self.lang != Language::English) {
            (a, b)
        } else if b > 12 {
            (b, a)
        } else {
            return None;
        };
        let date = PartialDate::day(year, month, day)?;
        Some(Hit::new(i, i + 5, date, Resolution::Absolute))
    }

    /// `2015年10月21日`, `2018年7月`, `2017年`, `2016年底`, `2017年1月到9月`, `2023年7月—2026年7月`.
    fn chinese_from_year(&self, i: usize) -> Option<Hit> {
        let year = self.year(i)?;
        if !self.is_han(i + 1, "年") {
            return None;
        }
        let mut j = i + 2;
        // `1990年代` is a decade; `2018年7期` a magazine issue.
        if self.is_han(j, "代") || (self.num(j).is_some() && self.is_han(j + 1, "期")) {
            return None;
        }
        let mut start = Parts {
            year: Some(year),
            ..Parts::default()
        };
        let mut period_end = false;
        if let Some((m, d, next)) = self.chinese_month_day(j) {
            start.month = Some(m);
            start.day = d;
            j = next;
        } else if self.is_han(j, "底末") {
            period_end = true;
            j += 1;
        } else if self.is_han(j, "初度") {
            j += 1;
        } else if self.is_han(j, "上下") && self.is_han(j + 1, "半") && self.is_han(j + 2, "年") {
            j += 3;
        }
        if start.month.is_some() && start.day.is_none() {
            j = self.after_chinese_month_suffix(j, &mut period_end);
        }
        let (end, j) = match self.chinese_range(j, start) {
            Some((end, next)) => (Some(end), next),
            None => (None, j),
        };
        let mut hit = self.resolve_parts(i, j, start, end, None)?;
        hit.period_end = period_end;
        Some(hit)
    }

    /// `10月21日`, `10月21号`, or `10月` at `j`: month, day, next token.
    fn chinese_month_day(&self, j: usize) -> Option<(u8, Option<u8>, usize)> {
        let (m, k) = self.month_at(j)?;
        if !self.is_han(k, "月") {
            return None;
        }
        if let Some((d, k2)) = self.day_at(k + 1) {
            if self.is_han(k2, "日号號") {
                return Some((m, Some(d), k2 + 1));
            }
        }
        Some((m, None, k + 1))
    }

    /// A month number in digits (`11`) or Chinese numerals (`十一`): value and next token.
    fn month_at(&self, j: usize) -> Option<(u8, usize)> {
        match self.month_num(j) {
            Some(m) => Some((m, j + 1)),
            None => self.han_numeral_at(j, 12),
        }
    }

    /// A day number in digits (`19`) or Chinese numerals (`十九`, `二十一`): value and next token.
    fn day_at(&self, j: usize) -> Option<(u8, usize)> {
        match self.day(j) {
            Some(d) => Some((d, j + 1)),
            None => self.han_numeral_at(j, 31),
        }
    }

    /// A Chinese numeral from 1 to `max` that starts at `j` (not the tail of a longer one:
    /// `二十一` read from `十` would be eleven); `两` counts things, never days or months.
    fn han_numeral_at(&self, j: usize, max: u32) -> Option<(u8, usize)> {
        if self.is_han(j, "两兩") || self.han(j.wrapping_sub(1)).is_some_and(is_han_digit) {
            return None;
        }
        let (n, next) = self.chinese_number(j)?;
        (1..=max).contains(&n).then_some((n as u8, next))
    }

    /// Past `份`, `底`, `初`, `上旬`… after a month.
    fn after_chinese_month_suffix(&self, j: usize, period_end: &mut bool) -> usize {
        if self.is_han(j, "底末") {
            *period_end = true;
            return j + 1;
        }
        if self.is_han(j, "份初") {
            return j + 1;
        }
        if self.is_han(j, "上中下") && self.is_han(j + 1, "旬") {
            return j + 2;
        }
        j
    }

    /// The second half of a Chinese range at `j`: `至18日`, `—8日`, `到9月`, `至4月2日`,
    /// `—2026年7月`. The end has the same precision as `start`.
    fn chinese_range(&self, j: usize, start: Parts) -> Option<(Parts, usize)> {
        if !(self.is_han(j, "至到") || self.is_mark(j, DASHES)) {
            return None;
        }
        let mut k = j + 1;
        let mut end = Parts::default();
        if let Some(y) = self.year(k) {
            if self.is_han(k + 1, "年") {
                end.year = Some(y);
                k += 2;
            }
        }
        if let Some((m, d, next)) = self.chinese_month_day(k) {
            end.month = Some(m);
            end.day = d;
            k = next;
        } else if let Some((d, next)) = self.day_at(k) {
            if self.is_han(next, "日号號") && end.year.is_none() {
                end.day = Some(d);
                k = next + 1;
            }
        }
        let same_shape = match (start.month, start.day) {
            (Some(_), Some(_)) => end.day.is_some(),
            (Some(_), None) => end.month.is_some() && end.day.is_none(),
            _ => end.year.is_some() && end.month.is_none(),
        };
        same_shape.then_some((end, k))
    }

    /// `7月12日下午`, `11月9日`, `6月7日—8日`, `3月17-18日`, `1-3月`, `6月`.
    fn chinese_month(&self, i: usize) -> Option<Hit> {
        // `1-3月`, `1至3月`: a range of months.
        if let Some(m1) = self.month_num(i) {
            if self.is_han(i + 1, "至到") || self.is_mark(i + 1, DASHES) {
                if let Some(m2) = self.month_num(i + 2) {
                    if self.is_han(i + 3, "月") && m2 > m1 && !self.chinese_guarded_before(i) {
                        let start = Parts {
                            month: Some(m1),
                            ..Parts::default()
                        };
                        let end = Parts {
                            month: Some(m2),
                            ..Parts::default()
                        };
                        return self.resolve_parts(i, i + 4, start, Some(end), None);
                    }
                }
            }
        }
        let (m, d, mut j) = self.chinese_month_day(i)?;
        // `一月`, `五月` without a day may be counts or names; written in numerals a month is
        // read bare only after a year (`今年十一月`, matched there).
        if self.chinese_guarded_before(i) || (d.is_none() && self.han(i).is_some()) {
            return None;
        }
        let mut start = Parts {
            month: Some(m),
            day: d,
            ..Parts::default()
        };
        let mut period_end = false;
        let mut end = None;
        if d.is_none() {
            // `3月17-18日`
            if let Some(d1) = self.day(j) {
                if self.is_han(j + 1, "至到") || self.is_mark(j + 1, DASHES) {
                    if let Some(d2) = self.day(j + 2) {
                        if self.is_han(j + 3, "日号號") {
                            start.day = Some(d1);
                            end = Some(Parts {
                                day: Some(d2),
                                ..Parts::default()
                            });
                            j += 4;
                        }
                    }
                }
            }
            if start.day.is_none() {
                j = self.after_chinese_month_suffix(j, &mut period_end);
            }
        }
        if end.is_none() {
            if let Some((e, next)) = self.chinese_range(j, start) {
                end = Some(e);
                j = next;
            }
        }
        let mut hit = self.resolve_parts(i, j, start, end, None)?;
        hit.period_end = period_end;
        Some(hit)
    }

    /// Characters before a Chinese month or day number that make it something else: `第3日`,
    /// `每月`, `同年5月` (a year the text names elsewhere).
    fn chinese_guarded_before(&self, i: usize) -> bool {
        self.is_han(i.wrapping_sub(1), "第每年数數几幾个個约約近余餘")
    }

    /// `7日晚`, `7日`, `17日至18日`, `17—18日`: a day of the month last mentioned or of the
    /// reference month.
    fn chinese_day(&self, i: usize) -> Option<Hit> {
        let (d1, k) = self.day_at(i)?;
        if self.chinese_guarded_before(i) || self.is_han(i.wrapping_sub(1), "月") {
            return None;
        }
        let (d2, last) = if self.is_han(k, "日") {
            match self.chinese_day_range_end(k + 1) {
                Some((d2, next)) => (Some(d2), next),
                None => (None, k + 1),
            }
        } else if self.is_han(k, "至到") || self.is_mark(k, DASHES) {
            let (d2, k2) = self.day_at(k + 1)?;
            if !self.is_han(k2, "日") {
                return None;
            }
            (Some(d2), k2 + 1)
        } else {
            return None;
        };
        if self.is_han(last, "内內游遊间間均元") {
            return None;
        }
        // In numerals, `三日` and `一日` are as often three days or one day as a date: a bare
        // day is read from the tens (`十九日`, `二十一日`) or as a range (`三日至五日`), never
        // after a length of time (`为期十日`).
        if self.han(i).is_some() && ((d1 < 10 && d2.is_none()) || self.is_han(i.wrapping_sub(1), "期历歷时時")) {
            return None;
        }
        self.day_of_month(i, last, d1, d2)
    }

    fn chinese_day_range_end(&self, j: usize) -> Option<(u8, usize)> {
        if !(self.is_han(j, "至到") || self.is_mark(j, DASHES)) {
            return None;
        }
        let (d2, k) = self.day_at(j + 1)?;
        self.is_han(k, "日号號").then_some((d2, k + 1))
    }

    /// `3年前`, `两年前`, `3个月前`, `10天前`.
    fn chinese_ago(&self, i: usize) -> Option<Hit> {
        let (n, _) = self.num(i)?;
        if self.is_han(i.wrapping_sub(1), "近约約多几幾第") {
            return None;
        }
        self.chinese_ago_suffix(i, i + 1, n)
    }

    fn chinese_ago_suffix(&self, first: usize, j: usize, n: u32) -> Option<Hit> {
        let n = i32::try_from(n).ok().filter(|n| (1..=99).contains(n))?;
        let (unit, k) = if self.is_han(j, "年") && self.is_han(j + 1, "前") {
            ('年', j + 2)
        } else if self.is_han(j, "个個") && self.is_han(j + 1, "月") && self.is_han(j + 2, "前") {
            ('月', j + 3)
        } else if self.is_han(j, "天") && self.is_han(j + 1, "前") {
            ('天', j + 2)
        } else {
            return None;
        };
        // `前景`, `前夕`, `前列`…: 前 starts another word.
        if self.is_han(k, "景夕列期进進途沿端线線提台所") {
            return None;
        }
        self.ago_hit(first, k, n, unit)
    }

    fn ago_hit(&self, first: usize, last: usize, n: i32, unit: char) -> Option<Hit> {
        let r = self.reference?;
        match unit {
            '年' => {
                let date = PartialDate::year(r.year_number() - n)?;
                Some(Hit::new(first, last, date, Resolution::RelativeYear))
            }
            '月' => {
                let r = self.reference_month()?;
                let date = add_months(r.year_number(), r.month_number()?, -n)?;
                Some(Hit::new(first, last, date, Resolution::RelativeMonth))
            }
            _ => self.relative_days(first, last, -i64::from(n)),
        }
    }

    /// A bare year with a cue: `in 2017`, `since 2015`, `by the end of 2018`, `im Jahr 2017`,
    /// `Ende 2018`, `d'ici 2030`, `mid-2018`, `2015-2018`, `from 2015 to 2018`.
    fn cued_year(&self, i: usize) -> Option<Hit> {
        let (value, _) = self.num(i)?;
        if !(1900..=2100).contains(&value) || self.part_of_number_after(i) {
            return None;
        }
        let year = value as i32;
        // `2.5%`; `1990s`, `1990er`: a decade.
        if self.glued(i + 1) && (self.is_mark(i + 1, "%") || matches!(self.kind(i + 1), Some(Kind::Word(_)))) {
            return None;
        }
        if self.glued(i) && self.is_mark(i.wrapping_sub(1), "$€£¥#+") {
            return None;
        }
        let cue = self.year_cue(i);
        // A range: `2015-2018`, `from 2015 to 2018`, `2015—2018年`.
        let mut range = None;
        if let Some((k, _)) = self.connector(i + 1) {
            if let Some(y2) = self.year(k) {
                if y2 > year && y2 <= year + 50 && !self.part_of_number_after(k) {
                    let dash = self.is_mark(i + 1, DASHES) && self.glued(i + 1) && self.glued(k);
                    let han = self.is_han(k + 1, "年");
                    if cue.is_some() || dash || han {
                        range = Some((y2, if han { k + 2 } else { k + 1 }));
                    }
                }
            } else if self.num(k).is_some() {
                // `from 2000 to 3000 people`: a range of numbers, not of years.
                return None;
            }
        }
        let (first, period_end) = match (cue, range) {
            (Some(cue), _) => cue,
            (None, Some(_)) => (i, false),
            (None, None) => return None,
        };
        let date = PartialDate::year(year)?;
        let (end, last) = match range {
            Some((y2, next)) => (PartialDate::year(y2), next),
            None => (None, i + 1),
        };
        Some(Hit {
            end,
            period_end,
            ..Hit::new(first, last, date, Resolution::Absolute)
        })
    }

    /// What before a bare year makes it a year: where the expression starts, and whether it
    /// speaks of the end of that year.
    fn year_cue(&self, i: usize) -> Option<(usize, bool)> {
        let b = i.wrapping_sub(1);
        // `Q1 2019`, `H2 2019`: a quarter or half of the year.
        if !self.glued(i) && self.glued(b) && self.num(b).is_some_and(|(n, d)| d == 1 && (1..=4).contains(&n)) {
            let letter = self
                .toks
                .get(b.wrapping_sub(1))
                .filter(|t| t.end - t.start == 1 && t.case != Case::Lower);
            if letter.is_some_and(|t| matches!(self.text.as_bytes()[t.start], b'Q' | b'H')) {
                return Some((b - 1, false));
            }
        }
        if self.glued(i) && self.is_mark(b, "-") && self.is_any(b.wrapping_sub(1), &[Kw::Mid, Kw::Mi]) {
            return Some((b - 1, false));
        }
        let k = self.kw(b)?;
        match k {
            Kw::In
            | Kw::Since
            | Kw::By
            | Kw::Until
            | Kw::Before
            | Kw::After
            | Kw::From
            | Kw::During
            | Kw::Through
            | Kw::Around
            | Kw::Between
            | Kw::Seit
            | Kw::Bis
            | Kw::Ab
            | Kw::Vor
            | Kw::Nach
            | Kw::Von
            | Kw::Zwischen
            | Kw::En
            | Kw::Depuis
            | Kw::DesFr
            | Kw::Avant
            | Kw::Apres
            | Kw::Entre => Some((i, false)),
            Kw::Ici if self.apostrophe(b.wrapping_sub(1)) => Some((i, false)),
            Kw::Early | Kw::Anfang | Kw::Mitte | Kw::Debut | Kw::Courant | Kw::Season => Some((b, false)),
            Kw::Late | Kw::Ende | Kw::Fin => Some((b, true)),
            Kw::Of => {
                let p = b.wrapping_sub(1);
                let period = self.kw(p)?;
                if !matches!(
                    period,
                    Kw::End | Kw::Beginning | Kw::Middle | Kw::Half | Kw::Quarter | Kw::Season
                ) {
                    return None;
                }
                let mut first = p;
                if self.is(first.wrapping_sub(1), Kw::Ordinal) {
                    first -= 1;
                }
                if self.is(first.wrapping_sub(1), Kw::The) {
                    first -= 1;
                }
                Some((first, period == Kw::End))
            }
            Kw::De => {
                let p = b.wrapping_sub(1);
                match self.kw(p)? {
                    Kw::Partir => Some((i, false)),
                    Kw::Fin => Some((p, true)),
                    Kw::Debut => Some((p, false)),
                    _ => None,
                }
            }
            Kw::Year => self.is(b.wrapping_sub(1), Kw::The).then(|| (b - 1, false)),
            Kw::Jahr | Kw::Jahres => Some((b, false)),
            Kw::Annee | Kw::An => {
                let article = self.apostrophe(b.wrapping_sub(1)) && self.is(b.wrapping_sub(2), Kw::L);
                article.then(|| (b - 2, false))
            }
            _ => None,
        }
    }

    // --- day-first and month-first forms (English, German, French)

    /// `30 September 2025`, `15. Mai 2025`, `1er mars 2020`, `14 May`, `am 12. Mai`,
    /// `17-18 March`, `17.-18. März`, `du 17 au 19 février`, `the 7th of March`,
    /// `17 février au 2 mars 2020`, `14. Mai dieses Jahres`, `12 juillet dernier`.
    fn day_first(&self, i: usize) -> Option<Hit> {
        let d1 = self.day(i)?;
        let mut j = self.after_day_suffix(i + 1)?;
        let ordinal = j > i + 1;
        if ordinal && self.is(j, Kw::Of) {
            j += 1;
        }
        let mut d2 = None;
        if self.month_word(j).is_none() {
            let (k, _) = self.connector(j)?;
            let day2 = self.day(k)?;
            let mut k2 = self.after_day_suffix(k + 1)?;
            if k2 > k + 1 && self.is(k2, Kw::Of) {
                k2 += 1;
            }
            self.month_word(k2)?;
            d2 = Some(day2);
            j = k2;
        }
        let (m, abbr) = self.month_word(j)?;
        j = self.after_month(j, abbr);
        let (year, next) = self.year_after(j);
        j = next;
        let start = Parts {
            year,
            month: Some(m),
            day: Some(d1),
        };
        let mut end = d2.map(|d| Parts {
            year,
            month: Some(m),
            day: Some(d),
        });
        // `17 février au 2 mars 2020`
        if end.is_none() {
            if let Some((k, _)) = self.connector(j) {
                if let Some(day2) = self.day(k) {
                    if let Some(k2) = self.after_day_suffix(k + 1) {
                        if let Some((m2, abbr2)) = self.month_word(k2) {
                            let (y2, next) = self.year_after(self.after_month(k2, abbr2));
                            end = Some(Parts {
                                year: y2,
                                month: Some(m2),
                                day: Some(day2),
                            });
                            j = next;
                        }
                    }
                }
            }
        }
        let mut rel = None;
        if year.is_none() && end.is_none_or(|e| e.year.is_none()) {
            if let Some((r, next)) = self.relative_year_suffix(j) {
                rel = Some(r);
                j = next;
            }
        }
        self.resolve_parts(i, j, start, end, rel)
    }

    /// `September 30, 2025`, `Sept. 29`, `May 2025`, `March 17 to 18`, `March 17-18, 2025`,
    /// `in October`, `July this year`, `last July`, `from May to July 2025`.
    fn month_first(&self, i: usize) -> Option<Hit> {
        let (m, abbr) = self.month_word(i)?;
        // `Theresa May 2017`, `Theresa May 14 times`: a name, not a month.
        if m == 5
            && matches!(self.kind(i.wrapping_sub(1)), Some(Kind::Word(Lex::Other)))
            && self.case(i.wrapping_sub(1)) == Some(Case::Capital)
        {
            return None;
        }
        let j = self.after_month(i, abbr);
        if let Some(d) = self.day(j) {
            if !self.glued(j) || self.is_mark(j.wrapping_sub(1), ".") {
                return self.month_day(i, m, d, j);
            }
        }
        if let (Some(year), next) = self.year_after(j) {
            let start = Parts {
                year: Some(year),
                month: Some(m),
                day: None,
            };
            return self.resolve_parts(i, next, start, None, None);
        }
        self.month_alone(i, m, abbr, j)
    }

    fn month_day(&self, i: usize, m: u8, d: u8, j: usize) -> Option<Hit> {
        if self.part_of_number_after(j) {
            return None;
        }
        let mut k = j + 1;
        if self.glued(k) && self.is(k, Kw::OrdSuffix) {
            k += 1;
        }
        let (year, next) = self.year_after(k);
        k = next;
        let start = Parts {
            year,
            month: Some(m),
            day: Some(d),
        };
        let mut end = None;
        if let Some((c, _)) = self.connector(k) {
            let (m2, c2) = match self.month_word(c) {
                Some((m2, abbr2)) => (Some(m2), self.after_month(c, abbr2)),
                None => (None, c),
            };
            if let Some(d2) = self.day(c2) {
                if !self.part_of_number_after(c2) && self.num(c2 + 1).is_none() {
                    let mut c3 = c2 + 1;
                    if self.glued(c3) && self.is(c3, Kw::OrdSuffix) {
                        c3 += 1;
                    }
                    // `March 17 to 18 countries` is a count, `May 14 and 30 September` two dates.
                    let counted =
                        matches!(self.kind(c3), Some(Kind::Word(Lex::Other)) if self.case(c3) == Some(Case::Lower));
                    let day_first_date = m2.is_none() && self.month_word(c3).is_some();
                    if !counted && !day_first_date {
                        let (y2, next) = self.year_after(c3);
                        end = Some(Parts {
                            year: y2,
                            month: m2,
                            day: Some(d2),
                        });
                        k = next;
                    }
                }
            }
        }
        let mut rel = None;
        if year.is_none() && end.is_none_or(|e| e.year.is_none()) {
            if let Some((r, next)) = self.relative_year_suffix(k) {
                rel = Some(r);
                k = next;
            }
        }
        self.resolve_parts(i, k, start, end, rel)
    }

    fn month_alone(&self, i: usize, m: u8, abbr: bool, j: usize) -> Option<Hit> {
        let start = Parts {
            month: Some(m),
            ..Parts::default()
        };
        // `March of 2019`
        if self.is(j, Kw::Of) {
            if let Some(y) = self.year(j + 1) {
                let start = Parts { year: Some(y), ..start };
                return self.resolve_parts(i, j + 2, start, None, None);
            }
        }
        let cue = self.month_cue(i);
        // `from May to July 2025`, `May-July 2025`
        if let Some((c, and)) = self.connector(j) {
            if let Some((m2, abbr2)) = self.month_word(c) {
                let (y2, next) = self.year_after(self.after_month(c, abbr2));
                if y2.is_some() || (cue.is_some() && !and) {
                    let end = Parts {
                        year: y2,
                        month: Some(m2),
                        day: None,
                    };
                    let first = cue.map_or(i, |(first, _)| first);
                    return self.resolve_parts(first, next, start, Some(end), None);
                }
            }
        }
        if let Some((rel, next)) = self.relative_year_suffix(j) {
            let first = cue.map_or(i, |(first, _)| first);
            return self.resolve_parts(first, next, start, None, Some(rel));
        }
        let b = i.wrapping_sub(1);
        if self.is_any(b, &[Kw::Last, Kw::Letzt, Kw::Vergangen]) {
            return self.resolve_parts(b, j, start, None, Some(RelYear::Last));
        }
        if self.is_any(b, &[Kw::Next, Kw::Naechst]) {
            return self.resolve_parts(b, j, start, None, Some(RelYear::Next));
        }
        let (first, period_end) = cue?;
        // `in May's government` is about Theresa May.
        if abbr || (m == 5 && self.apostrophe(j) && self.glued(j)) {
            return None;
        }
        let mut hit = self.resolve_parts(first, j, start, None, None)?;
        hit.period_end = period_end;
        Some(hit)
    }

    /// What before a month name alone makes it a date: `in May`, `since May`, `early May`,
    /// `mid-May`, `the end of May`, `im Mai`, `Ende Mai`, `en mai`, `fin mai`, `mi-mai`,
    /// `au mois de mai`.
    fn month_cue(&self, i: usize) -> Option<(usize, bool)> {
        let b = i.wrapping_sub(1);
        if self.glued(i) && self.is_mark(b, "-") && self.is_any(b.wrapping_sub(1), &[Kw::Mid, Kw::Mi]) {
            return Some((b - 1, false));
        }
        match self.kw(b)? {
            Kw::In
            | Kw::Since
            | Kw::By
            | Kw::Until
            | Kw::Before
            | Kw::After
            | Kw::From
            | Kw::During
            | Kw::Through
            | Kw::Between
            | Kw::Im
            | Kw::Seit
            | Kw::Bis
            | Kw::Ab
            | Kw::Vom
            | Kw::Von
            | Kw::Zwischen
            | Kw::En
            | Kw::Depuis
            | Kw::DesFr
            | Kw::Avant
            | Kw::Apres => Some((i, false)),
            Kw::Ici if self.apostrophe(b.wrapping_sub(1)) => Some((i, false)),
            Kw::Early | Kw::Anfang | Kw::Mitte | Kw::Debut | Kw::Courant => Some((b, false)),
            Kw::Late | Kw::Ende | Kw::Fin => Some((b, true)),
            Kw::Of => {
                let p = b.wrapping_sub(1);
                let period = self.kw(p)?;
                if !matches!(period, Kw::End | Kw::Beginning | Kw::Middle) {
                    return None;
                }
                let first = if self.is(p.wrapping_sub(1), Kw::The) { p - 1 } else { p };
                Some((first, period == Kw::End))
            }
            Kw::De => self.is(b.wrapping_sub(1), Kw::Mois).then_some((i, false)),
            _ if self.apostrophe(b) && self.is(b.wrapping_sub(1), Kw::D) && self.is(b.wrapping_sub(2), Kw::Mois) => {
                Some((i, false))
            }
            _ => None,
        }
    }

    /// A year given relative to the reference after a day and month or a month:
    /// `this year`, `of last year`, `dieses Jahres`, `des vergangenen Jahres`,
    /// `de cette année`, `de l'année dernière`, `dernier`, `prochain`.
    fn relative_year_suffix(&self, j: usize) -> Option<(RelYear, usize)> {
        // English
        let k = if self.is(j, Kw::Of) { j + 1 } else { j };
        if self.is(k + 1, Kw::Year) {
            let rel = match self.kw(k)? {
                Kw::This => Some(RelYear::Offset(0)),
                Kw::Last => Some(RelYear::Offset(-1)),
                Kw::Next => Some(RelYear::Offset(1)),
                _ => None,
            };
            if let Some(rel) = rel {
                return Some((rel, k + 2));
            }
        }
        // German
        let k = if self.is(j, Kw::Des) { j + 1 } else { j };
        if self.is(k + 1, Kw::Jahres) {
            let rel = match self.kw(k)? {
                Kw::Dies => Some(RelYear::Offset(0)),
                Kw::Letzt | Kw::Vergangen => Some(RelYear::Offset(-1)),
                Kw::Naechst => Some(RelYear::Offset(1)),
                _ => None,
            };
            if let Some(rel) = rel {
                return Some((rel, k + 2));
            }
        }
        // French
        match self.kw(j)? {
            Kw::Dernier | Kw::Passe => return Some((RelYear::Last, j + 1)),
            Kw::Prochain => return Some((RelYear::Next, j + 1)),
            Kw::De => {}
            _ => return None,
        }
        if self.is(j + 1, Kw::Cette) && self.is(j + 2, Kw::Annee) {
            return Some((RelYear::Offset(0), j + 3));
        }
        if self.is(j + 1, Kw::L) && self.apostrophe(j + 2) && self.is_any(j + 3, &[Kw::Annee, Kw::An]) {
            let rel = match self.kw(j + 4)? {
                Kw::Dernier | Kw::Passe => RelYear::Offset(-1),
                Kw::Prochain => RelYear::Offset(1),
                _ => return None,
            };
            return Some((rel, j + 5));
        }
        None
    }

    /// `on the 7th`: a day of the month last mentioned or of the reference month.
    fn on_the_nth(&self, i: usize) -> Option<Hit> {
        let d = self.day(i)?;
        if !(self.glued(i + 1) && self.is(i + 1, Kw::OrdSuffix)) {
            return None;
        }
        if !(self.is(i.wrapping_sub(1), Kw::The) && self.is(i.wrapping_sub(2), Kw::On)) {
            return None;
        }
        // `the 7th floor`, `the 7th anniversary` are not days.
        if matches!(
            self.kind(i + 2),
            Some(Kind::Word(Lex::Other | Lex::Month { .. } | Lex::Weekday { .. }) | Kind::Num { .. } | Kind::Han(_))
        ) {
            return None;
        }
        self.day_of_month(i - 1, i + 2, d, None)
    }

    // --- weekdays

    /// `on Thursday`, `Thursday`, `am Donnerstag`, `Montagabend`, `jeudi`, `lundi dernier`,
    /// `next Monday`, and a weekday followed by its date (`Thursday, June 23`, `lundi 20 janvier`).
    fn weekday(&self, i: usize, day: u8, lower_ok: bool) -> Option<Hit> {
        let case = self.case(i)?;
        if !(case == Case::Capital || (lower_ok && case == Case::Lower)) {
            return None;
        }
        let b = i.wrapping_sub(1);
        if self.is(b, Kw::Every) || (self.is(b, Kw::HolidayPrefix) && self.case(b) != Some(Case::Lower)) {
            return None;
        }
        if self.is(i + 1, Kw::Paper) && self.case(i + 1) == Some(Case::Capital) {
            return None;
        }
        // The date itself follows: the date decides.
        let mut j = i + 1;
        let paren = self.is_mark(j, "(（");
        if paren || self.is_mark(j, ",") {
            j += 1;
        }
        let dated = match self.kind(j) {
            Some(Kind::Num { .. }) => self.day_first(j),
            Some(Kind::Word(Lex::Month { .. })) => self.month_first(j),
            _ => None,
        };
        if let Some(mut hit) = dated.filter(|h| h.date.precision() == Precision::Day && h.first == j) {
            hit.first = i;
            if hit.resolution == Resolution::YearFromReference {
                self.agree_with_weekday(&mut hit, day);
            }
            if paren && self.is_mark(hit.last, ")）") {
                hit.last += 1;
            }
            return Some(hit);
        }
        let mut first = i;
        let mut last = i + 1;
        let mut mode = None;
        let mut future = false;
        match self.kw(b) {
            Some(Kw::Last | Kw::Letzt | Kw::Vergangen) => {
                mode = Some(WeekdayMode::Before);
                first = b;
            }
            Some(Kw::Next | Kw::Naechst) => {
                mode = Some(WeekdayMode::After);
                future = true;
                first = b;
            }
            Some(Kw::This) => first = b,
            _ => {}
        }
        if lower_ok {
            match self.kw(i + 1) {
                Some(Kw::Dernier | Kw::Passe) => {
                    mode = Some(WeekdayMode::Before);
                    last = i + 2;
                }
                Some(Kw::Prochain) => {
                    mode = Some(WeekdayMode::After);
                    future = true;
                    last = i + 2;
                }
                _ => {}
            }
        }
        let mode = match mode {
            Some(mode) => mode,
            None if self.future_cue(first, last) => WeekdayMode::OnOrAfter,
            None => WeekdayMode::OnOrBefore,
        };
        let (date, resolution) = self.weekday_date(day, mode)?;
        Some(Hit {
            future,
            ..Hit::new(first, last, date, resolution)
        })
    }

    /// `next spring`, `this autumn`, `last summer`, `in spring`, `im Frühjahr`, `im kommenden
    /// Herbst`, `au printemps prochain`, `cet automne`, `l'été dernier`: a season the text gives
    /// no year. The text names no month, so the date is the year the season begins in (a winter
    /// that of its December); a season that has not begun by the reference is planned. With
    /// its year (`spring 2025`, `Frühjahr dieses Jahres`) the year is read as it is elsewhere.
    fn season(&self, i: usize) -> Option<Hit> {
        let word = &self.text[self.toks[i].start..self.toks[i].end];
        let start_month = season_start_month(word)?;
        if self.year(i + 1).is_some() || (self.is_any(i + 1, &[Kw::Of, Kw::De]) && self.year(i + 2).is_some()) {
            return None;
        }
        if let Some((RelYear::Offset(offset), last)) = self.relative_year_suffix(i + 1) {
            let r = self.reference?;
            let date = PartialDate::year(r.year_number() + offset)?;
            return Some(Hit {
                future: offset > 0,
                ..Hit::new(i, last, date, Resolution::RelativeYear)
            });
        }
        let b = i.wrapping_sub(1);
        let mut first = i;
        let mut last = i + 1;
        // Which of the seasons of that name: `Some(-1)` the last one over, `Some(0)` the one
        // under way or of the reference's year, `Some(1)` the next to begin.
        let mut which = None;
        let mut german = false;
        match self.kw(b) {
            Some(Kw::Last) => which = Some(-1),
            Some(Kw::This) => which = Some(0),
            Some(Kw::Next) => which = Some(1),
            Some(Kw::Letzt | Kw::Vergangen) => (which, german) = (Some(-1), true),
            Some(Kw::Dies) => (which, german) = (Some(0), true),
            Some(Kw::Naechst) => (which, german) = (Some(1), true),
            Some(Kw::Ce | Kw::Cette) => which = Some(0),
            _ => {}
        }
        if which.is_some() {
            first = b;
        } else {
            let l_apostrophe = self.apostrophe(b) && self.is(b.wrapping_sub(1), Kw::L);
            match self.kw(i + 1) {
                Some(Kw::Dernier | Kw::Passe) if l_apostrophe || self.is(b, Kw::Au) => which = Some(-1),
                Some(Kw::Prochain) if l_apostrophe || self.is(b, Kw::Au) => which = Some(1),
                _ => {}
            }
            if which.is_some() {
                last = i + 2;
                if l_apostrophe {
                    first = b - 1;
                }
            } else {
                // Bare, a season needs the preposition that makes it a time: `in (the) spring`,
                // `im Frühjahr`, `au printemps`, `en automne` (`fall` alone is a verb).
                let p = if self.is(b, Kw::The) { b.wrapping_sub(1) } else { b };
                german = self.is(b, Kw::Im);
                if !(german || self.is_any(p, &[Kw::In, Kw::Au, Kw::En])) || word.eq_ignore_ascii_case("fall") {
                    return None;
                }
                // `in spring rolls`, `en été indien`: an English or French season before a
                // plain word qualifies it.
                if !german && matches!(self.kind(i + 1), Some(Kind::Word(Lex::Other))) {
                    return None;
                }
            }
        }
        // `this Spring Festival`, `next Summer Davos`: a capitalised season opens a name
        // (German capitalises every noun, so its seasons are let through).
        if !german
            && self.case(i) != Some(Case::Lower)
            && self.case(i + 1) == Some(Case::Capital)
            && matches!(self.kind(i + 1), Some(Kind::Word(_)))
        {
            return None;
        }
        let r = self.reference_month()?;
        let now = r.year_number() * 12 + i32::from(r.month_number()?) - 1;
        let start_of = |year: i32| year * 12 + i32::from(start_month) - 1;
        let years = r.year_number() - 1..=r.year_number() + 1;
        let year = match which {
            Some(-1) => years.rev().find(|&y| start_of(y) + 2 < now)?,
            Some(1) => years.clone().find(|&y| start_of(y) > now)?,
            Some(_) => years
                .clone()
                .find(|&y| (start_of(y)..=start_of(y) + 2).contains(&now))
                .unwrap_or(r.year_number()),
            None if self.future_cue(first, last) => years.clone().find(|&y| start_of(y) + 2 >= now)?,
            None => years.rev().find(|&y| start_of(y) <= now)?,
        };
        let date = PartialDate::year(year)?;
        Some(Hit {
            future: start_of(year) > now,
            ..Hit::new(first, last, date, Resolution::RelativeYear)
        })
    }

    /// When the year came from the reference and the weekday written next to the date does not
    /// fit it, the year next to it that fits (`Montag, 11. November` in May 2020 is 2019's).
    fn agree_with_weekday(&self, hit: &mut Hit, day: u8) {
        let fits = |date: PartialDate| weekday(date).is_some_and(|w| w.index() == day);
        if fits(hit.date) {
            return;
        }
        let year = hit.date.year_number();
        for other in [year - 1, year + 1] {
            let moved = |d: PartialDate| PartialDate::day(other, d.month_number()?, d.day_number()?);
            if let Some(date) = moved(hit.date).filter(|d| fits(*d)) {
                hit.date = date;
                hit.end = hit
                    .end
                    .and_then(|e| PartialDate::day(e.year_number() + other - year, e.month_number()?, e.day_number()?));
                return;
            }
        }
    }

    /// A weekday in brackets after a date, `3月17日（星期一）`, `March 17 (Monday)`, joins it:
    /// the token after the bracket, and the weekday.
    fn trailing_weekday(&self, hit: &Hit) -> Option<(usize, u8)> {
        let j = hit.last;
        if hit.date.precision() != Precision::Day || !self.is_mark(j, "(（") {
            return None;
        }
        let (after, day) = match self.kind(j + 1)? {
            Kind::Word(Lex::Weekday { day, .. }) => (j + 2, day),
            Kind::Han(_) => {
                let k = self.week_word(j + 1)?;
                (k + 1, self.chinese_weekday_char(k)?)
            }
            _ => return None,
        };
        self.is_mark(after, ")）").then_some((after + 1, day))
    }

    // --- relative days and periods

    fn at_sentence_start(&self, i: usize) -> bool {
        let Some(tok) = self.toks.get(i) else {
            return false;
        };
        tok.gap == Gap::Line || self.is_mark(i.wrapping_sub(1), ".!?:;\"“”«»‘’'(—–-")
    }

    /// `today`, `yesterday`, `tomorrow`, `tonight`, `last night`, `heute`, `gestern`, `morgen`,
    /// `vorgestern`, `übermorgen`, `aujourd'hui`, `hier`, `avant-hier`, `demain`, `après-demain`.
    fn relative_day(&self, i: usize, k: Kw) -> Option<Hit> {
        let case = self.case(i)?;
        if case == Case::Upper {
            return None;
        }
        let b = i.wrapping_sub(1);
        let (first, last, days) = match k {
            Kw::Today | Kw::Tonight | Kw::Yesterday | Kw::Tomorrow => {
                // `China Today`, `USA Today` are titles: a capital is only for a sentence start.
                if case == Case::Capital && !self.at_sentence_start(i) {
                    return None;
                }
                let days = match k {
                    Kw::Yesterday => -1,
                    Kw::Tomorrow => 1,
                    _ => 0,
                };
                (i, i + 1, days)
            }
            Kw::Night => {
                if !self.is(b, Kw::Last) {
                    return None;
                }
                (b, i + 1, -1)
            }
            Kw::Heute => (i, i + 1, 0),
            Kw::Gestern => (i, i + 1, -1),
            Kw::Vorgestern => (i, i + 1, -2),
            Kw::Uebermorgen => (i, i + 1, 2),
            Kw::Morgen => {
                // `Morgen` is the morning; `heute morgen`, `am Morgen` too.
                if case != Case::Lower || self.is_any(b, &[Kw::Heute, Kw::Gestern, Kw::Am, Kw::Vom, Kw::Every, Kw::Des])
                {
                    return None;
                }
                (i, i + 1, 1)
            }
            Kw::Aujourd => {
                if !(self.glued(i + 1) && self.apostrophe(i + 1) && self.glued(i + 2) && self.is(i + 2, Kw::Hui)) {
                    return None;
                }
                (i, i + 3, 0)
            }
            Kw::Hier => {
                if !self.reads_french(i) {
                    return None;
                }
                if self.glued(i) && self.is_mark(b, "-") && self.is(b.wrapping_sub(1), Kw::Avant) {
                    (b - 1, i + 1, -2)
                } else {
                    (i, i + 1, -1)
                }
            }
            Kw::Demain => {
                if self.glued(i) && self.is_mark(b, "-") && self.is(b.wrapping_sub(1), Kw::Apres) {
                    (b - 1, i + 1, 2)
                } else {
                    (i, i + 1, 1)
                }
            }
            _ => return None,
        };
        self.relative_days(first, last, days)
    }

    /// Is the text around token `i` French? The language of the text when known, else the
    /// function words nearby.
    fn reads_french(&self, i: usize) -> bool {
        match self.lang {
            Language::French => true,
            Language::Undetermined => {
                let mut votes = [0u32; 3];
                let lo = i.saturating_sub(8);
                for tok in self.toks.iter().skip(lo).take(17) {
                    if let Kind::Word(lex) = tok.kind {
                        if let Some(lang) = vote(lex) {
                            votes[usize::from(lang)] += 1;
                        }
                    }
                }
                votes[usize::from(FR)] > votes[usize::from(DE)] && votes[usize::from(FR)] > 0
            }
            _ => false,
        }
    }

    /// `last year`, `this month`, `next year`, `earlier this year`, `the end of last year`,
    /// `letztes Jahr`, `im vergangenen Jahr`, `Ende vergangenen Jahres`, `diesen Monat`,
    /// `l'année dernière`, `l'an dernier`, `le mois dernier`, `cette année`, `ce mois-ci`,
    /// `fin de l'année dernière`, `la fin de l'année`.
    fn relative_period(&self, i: usize, unit: Kw, year: bool) -> Option<Hit> {
        let english = matches!(unit, Kw::Year | Kw::Month);
        let german = matches!(unit, Kw::Jahr | Kw::Jahres | Kw::Monat | Kw::Monats);
        let french = matches!(unit, Kw::Annee | Kw::An | Kw::Mois);
        let b = i.wrapping_sub(1);
        let mut first = i;
        let mut last = i + 1;
        let mut offset = None;
        if english {
            match self.kw(b) {
                Some(Kw::Last) if !self.is(b.wrapping_sub(1), Kw::The) => offset = Some(-1),
                Some(Kw::This) => offset = Some(0),
                Some(Kw::Next) if !self.is(b.wrapping_sub(1), Kw::The) => offset = Some(1),
                _ => {}
            }
            if offset.is_some() {
                first = b;
            } else if self.is(b, Kw::The)
                && self.is(b.wrapping_sub(1), Kw::Of)
                && self.is_any(b.wrapping_sub(2), &[Kw::End, Kw::Beginning, Kw::Middle])
            {
                offset = Some(0);
                first = b;
            }
        } else if german {
            match self.kw(b) {
                Some(Kw::Letzt | Kw::Vergangen) => offset = Some(-1),
                Some(Kw::Dies) => offset = Some(0),
                Some(Kw::Naechst) => offset = Some(1),
                _ => {}
            }
            if offset.is_some() {
                first = b;
            } else if matches!(unit, Kw::Jahres | Kw::Monats)
                && self.is(b, Kw::Des)
                && self.is_any(b.wrapping_sub(1), &[Kw::Ende, Kw::Anfang, Kw::Mitte])
            {
                offset = Some(0);
                first = b;
            }
        } else if french {
            let article = if self.apostrophe(b) && self.is(b.wrapping_sub(1), Kw::L) {
                Some(b - 1)
            } else if self.is(b, Kw::Le) && unit == Kw::Mois {
                Some(b)
            } else {
                None
            };
            if unit == Kw::An && article.is_none() {
                return None;
            }
            if self.is_any(b, &[Kw::Cette, Kw::Ce]) {
                // `cette année-là` is "that year".
                if self.is_mark(i + 1, "-") && !self.is(i + 2, Kw::Ci) {
                    return None;
                }
                offset = Some(0);
                first = b;
                if self.is_mark(i + 1, "-") && self.is(i + 2, Kw::Ci) {
                    last = i + 3;
                }
            } else if let Some(a) = article {
                match self.kw(i + 1) {
                    Some(Kw::Dernier | Kw::Passe) => offset = Some(-1),
                    Some(Kw::Prochain) => offset = Some(1),
                    _ => {}
                }
                if offset.is_some() {
                    first = a;
                    last = i + 2;
                } else if unit != Kw::Mois && self.is(a.wrapping_sub(1), Kw::De) {
                    // `la fin de l'année`: this year.
                    let p = a.wrapping_sub(2);
                    if self.is_any(p, &[Kw::Fin, Kw::Debut]) {
                        offset = Some(0);
                        first = a;
                    }
                }
            }
        }
        let offset = offset?;
        // Words in front that belong to the expression.
        let mut future = offset > 0;
        let mut period_end = false;
        let p = first.wrapping_sub(1);
        match self.kw(p) {
            Some(Kw::Earlier | Kw::Early | Kw::Mid | Kw::Anfang | Kw::Mitte) => first = p,
            Some(Kw::Later) => {
                first = p;
                future = true;
            }
            Some(Kw::Late | Kw::Ende) => {
                first = p;
                period_end = true;
            }
            Some(Kw::Of) if english => {
                if let Some(period) = self.kw(p.wrapping_sub(1)) {
                    if matches!(period, Kw::End | Kw::Beginning | Kw::Middle) {
                        first = p - 1;
                        period_end = period == Kw::End;
                        if self.is(first.wrapping_sub(1), Kw::The) {
                            first -= 1;
                        }
                    }
                }
            }
            Some(Kw::Des) if german => {
                if let Some(period) = self.kw(p.wrapping_sub(1)) {
                    if matches!(period, Kw::Ende | Kw::Anfang | Kw::Mitte) {
                        first = p - 1;
                        period_end = period == Kw::Ende;
                    }
                }
            }
            Some(Kw::De) if french => {
                if let Some(period) = self.kw(p.wrapping_sub(1)) {
                    if matches!(period, Kw::Fin | Kw::Debut) {
                        first = p - 1;
                        period_end = period == Kw::Fin;
                        if self.is(first.wrapping_sub(1), Kw::La) {
                            first -= 1;
                        }
                    }
                }
            }
            _ => {}
        }
        let (date, resolution) = if year {
            let r = self.reference?;
            (PartialDate::year(r.year_number() + offset)?, Resolution::RelativeYear)
        } else {
            let r = self.reference_month()?;
            (
                add_months(r.year_number(), r.month_number()?, offset)?,
                Resolution::RelativeMonth,
            )
        };
        Some(Hit {
            future,
            period_end,
            ..Hit::new(first, last, date, resolution)
        })
    }

    /// `three years ago`, `a year ago`, `two days ago`, `vor drei Jahren`, `vor einem Monat`,
    /// `il y a deux ans`. Not `over a decade ago` or `vor mehr als drei Jahren`: vague.
    fn ago(&self, i: usize) -> Option<Hit> {
        let n = match self.kind(i)? {
            Kind::Num { value, digits } if digits <= 2 => value,
            Kind::Word(Lex::Kw(Kw::NumWord(n))) => u32::from(n),
            Kind::Word(Lex::Kw(Kw::A)) => 1,
            Kind::Word(Lex::Month { month: 9, .. }) if self.case(i) == Some(Case::Lower) => 7,
            _ => return None,
        };
        let n = i32::try_from(n).ok().filter(|n| (1..=99).contains(n))?;
        let unit_of = |k: Option<Kw>| match k {
            Some(Kw::Year | Kw::Years | Kw::Jahr | Kw::Jahren | Kw::An | Kw::Ans | Kw::Annee) => Some('年'),
            Some(Kw::Month | Kw::Months | Kw::Monat | Kw::Monaten | Kw::Mois) => Some('月'),
            Some(Kw::Day | Kw::Days | Kw::Tag | Kw::Tagen | Kw::Jour | Kw::Jours) => Some('天'),
            _ => None,
        };
        let unit = unit_of(self.kw(i + 1))?;
        let b = i.wrapping_sub(1);
        if self.is(i + 2, Kw::Ago) {
            if self.is_any(b, &[Kw::Quantifier, Kw::Around]) {
                return None;
            }
            return self.ago_hit(i, i + 3, n, unit);
        }
        if self.is(b, Kw::Vor) {
            return self.ago_hit(b, i + 2, n, unit);
        }
        if self.is(b, Kw::A) && self.is(b.wrapping_sub(1), Kw::Y) && self.is(b.wrapping_sub(2), Kw::Il) {
            return self.ago_hit(b - 2, i + 2, n, unit);
        }
        None
    }

    // --- Chinese relative expressions

    fn match_han(&self, i: usize, c: char) -> Option<Hit> {
        match c {
            '去' | '今' | '明' | '前' | '后' | '後' if self.is_han(i + 1, "年") => {
                self.chinese_relative_year(i, c)
            }
            '今' | '昨' | '明' | '前' | '后' | '後' if self.is_han(i + 1, "天日") => {
                self.chinese_relative_day(i, c)
            }
            '上' | '本' | '这' | '這' | '下' => {
                self.chinese_relative_month(i, c).or_else(|| self.chinese_week(i, c))
            }
            '周' | '週' | '星' | '礼' | '禮' => self.chinese_weekday(i),
            '年' => self.chinese_year_end(i),
            '次' | '翌' | '第' | '当' | '當' | '同' => self.chinese_mentioned_day(i, c),
            _ if is_han_digit(c) => self
                .chinese_month(i)
                .or_else(|| self.chinese_day(i))
                .or_else(|| self.chinese_ago_numeral(i)),
            _ => None,
        }
    }

    /// `去年`, `今年`, `明年`, `前年`, `后年`, with `7月`, `7月12日`, `底`, `年底`, `初`, `上半年`.
    fn chinese_relative_year(&self, i: usize, c: char) -> Option<Hit> {
        let offset = match c {
            '去' => -1,
            '今' => 0,
            '明' => 1,
            '前' => -2,
            _ => 2,
        };
        // `年均`, `年轻`, `年龄`…: 年 starts another word.
        if self.is_han(i + 2, "均轻輕龄齡纪紀华華级級鉴鑑薪限") {
            return None;
        }
        let prev = self.han(i.wrapping_sub(1));
        let prev_in = |set: &str| prev.is_some_and(|p| in_set(set, p));
        let strict = match c {
            '去' => {
                if prev_in("过過失离離回出进進除死上下来來") {
                    return None;
                }
                false
            }
            '明' => {
                if prev_in(MING_WORDS) {
                    return None;
                }
                false
            }
            '前' | '后' | '後' => {
                if prev.is_some() && !prev_in("于於在至到自从從和与與及、截是") {
                    return None;
                }
                false
            }
            // `至今年均…`: only `至今年底` and the like are this year.
            _ => prev_in("至如迄当當古"),
        };
        let mut j = i + 2;
        let mut period_end = false;
        let mut parts = Parts::default();
        if let Some((m, d, next)) = self.chinese_month_day(j) {
            parts.month = Some(m);
            parts.day = d;
            j = next;
            if d.is_none() {
                j = self.after_chinese_month_suffix(j, &mut period_end);
            }
        } else if self.is_han(j, "年") && self.is_han(j + 1, "底末") {
            period_end = true;
            j += 2;
        } else if self.is_han(j, "底末") {
            period_end = true;
            j += 1;
        } else if self.is_han(j, "初") {
            j += 1;
        } else if self.is_han(j, "上下") && self.is_han(j + 1, "半") && self.is_han(j + 2, "年") {
            j += 3;
        } else if let Some(start_month) = self.han(j).and_then(chinese_season_start_month) {
            // `今年春天`, `明年秋季`: the year, planned while the season is still to begin.
            if self.is_han(j + 1, "天季") {
                let r = self.reference?;
                let year = r.year_number() + offset;
                let begun = r
                    .month_number()
                    .map_or(offset < 0, |m| offset < 0 || (offset == 0 && m >= start_month));
                let date = PartialDate::year(year)?;
                return Some(Hit {
                    future: !begun,
                    ..Hit::new(i, j + 2, date, Resolution::RelativeYear)
                });
            } else if strict {
                return None;
            }
        } else if strict {
            return None;
        }
        let mut hit = if parts.month.is_some() {
            let end = match self.chinese_range(j, parts) {
                Some((end, next)) => {
                    j = next;
                    Some(end)
                }
                None => None,
            };
            self.resolve_parts(i, j, parts, end, Some(RelYear::Offset(offset)))?
        } else {
            let r = self.reference?;
            let date = PartialDate::year(r.year_number() + offset)?;
            Hit {
                future: offset > 0,
                ..Hit::new(i, j, date, Resolution::RelativeYear)
            }
        };
        hit.period_end = period_end;
        Some(hit)
    }

    /// `今天`, `今日`, `昨天`, `昨日`, `明天`, `明日`, `前天`, `后天`.
    fn chinese_relative_day(&self, i: usize, c: char) -> Option<Hit> {
        let second = self.han(i + 1)?;
        let days = match (c, second) {
            ('今', _) => 0,
            ('昨', _) => -1,
            ('明', _) => 1,
            ('前', '天') => -2,
            ('后' | '後', '天') => 2,
            _ => return None,
        };
        // `如今天津`, `说明天津`, `目前天津`: 天 starts Tianjin.
        if self.is_han(i + 2, "津") {
            return None;
        }
        let prev = self.han(i.wrapping_sub(1));
        let prev_in = |set: &str| prev.is_some_and(|p| in_set(set, p));
        let rejected = match c {
            '今' => prev_in("如至迄当當古"),
            '明' => prev_in(MING_WORDS) || (second == '日' && self.is_han(i + 2, "之")),
            '前' => prev.is_some() && !prev_in("于於在是的自从從和与與及、"),
            '后' | '後' => prev_in("先以然之此其最而") || self.is_han(i + 2, "性"),
            _ => false,
        };
        if rejected {
            return None;
        }
        self.relative_days(i, i + 2, days)
    }

    /// `上个月`, `上月`, `本月`, `这个月`, `下个月`, `下月`, with `15日` or `底`.
    fn chinese_relative_month(&self, i: usize, c: char) -> Option<Hit> {
        let counted = self.is_han(i + 1, "个個") && self.is_han(i + 2, "月");
        let bare = self.is_han(i + 1, "月");
        let (offset, mut j) = match c {
            '上' if counted => (-1, i + 3),
            '上' if bare => (-1, i + 2),
            '下' if counted => (1, i + 3),
            '下' if bare => (1, i + 2),
            '本' if bare => (0, i + 2),
            '这' | '這' if counted => (0, i + 3),
            _ => return None,
        };
        // `马上月底` is "right at the end of the month"; `上月球` "onto the moon".
        if self.is_han(i.wrapping_sub(1), "马馬") || self.is_han(j, "球") {
            return None;
        }
        let r = self.reference_month()?;
        let month = add_months(r.year_number(), r.month_number()?, offset)?;
        let mut period_end = false;
        let mut date = month;
        let mut end = None;
        if let Some((d, k)) = self.day_at(j) {
            if self.is_han(k, "日号號") {
                date = PartialDate::day(month.year_number(), month.month_number()?, d)?;
                j = k + 1;
                if let Some((d2, next)) = self.chinese_day_range_end(j) {
                    end = PartialDate::day(month.year_number(), month.month_number()?, d2).filter(|e| *e > date);
                    j = next;
                }
            }
        }
        if date.precision() == Precision::Month {
            j = self.after_chinese_month_suffix(j, &mut period_end);
        }
        Some(Hit {
            future: offset > 0,
            period_end,
            end,
            ..Hit::new(i, j, date, Resolution::RelativeMonth)
        })
    }

    /// `周`, `週`, `星期`, `礼拜`, `禮拜` at `k`: the token after it.
    fn week_word(&self, k: usize) -> Option<usize> {
        if self.is_han(k, "周週") {
            Some(k + 1)
        } else if (self.is_han(k, "星") && self.is_han(k + 1, "期"))
            || (self.is_han(k, "礼禮") && self.is_han(k + 1, "拜"))
        {
            Some(k + 2)
        } else {
            None
        }
    }

    fn chinese_weekday_char(&self, k: usize) -> Option<u8> {
        let day = match self.han(k)? {
            '一' => 0,
            '二' => 1,
            '三' => 2,
            '四' => 3,
            '五' => 4,
            '六' => 5,
            '日' | '天' => 6,
            _ => return None,
        };
        Some(day)
    }

    /// `上周四`, `下周一`, `本周三`, `上星期五`: the weekday of the previous, next or current week
    /// (weeks start on Monday).
    fn chinese_week(&self, i: usize, c: char) -> Option<Hit> {
        let offset: i64 = match c {
            '上' => -1,
            '下' => 1,
            _ => 0,
        };
        let k = self.week_word(i + 1)?;
        let day = self.chinese_weekday_char(k)?;
        let r = self.reference_day()?;
        let today = day_number(r)?;
        let monday = today - i64::from(weekday_index(today));
        let n = monday + 7 * offset + i64::from(day);
        let date = date_from_days(n)?;
        let resolution = if n <= today {
            Resolution::WeekdayBeforeReference
        } else {
            Resolution::WeekdayAfterReference
        };
        Some(Hit {
            future: n > today,
            ..Hit::new(i, k + 1, date, resolution)
        })
    }

    /// `周四`, `星期四`, `週四`, `禮拜四`: the latest such day on or before the reference, or the
    /// next one when the sentence announces it.
    fn chinese_weekday(&self, i: usize) -> Option<Hit> {
        let k = self.week_word(i)?;
        let day = self.chinese_weekday_char(k)?;
        // `每周一` is every Monday; `周一至周五` office hours; `一周一次` a frequency.
        if self.is_han(i.wrapping_sub(1), "每上下本这這一二三四五六七八九十几幾至到")
            || self.is_han(k + 1, "次年岁歲个個末至到")
            || self.is_mark(k + 1, DASHES)
        {
            return None;
        }
        let mode = if self.future_cue(i, k + 1) {
            WeekdayMode::OnOrAfter
        } else {
            WeekdayMode::OnOrBefore
        };
        let (date, resolution) = self.weekday_date(day, mode)?;
        Some(Hit::new(i, k + 1, date, resolution))
    }

    /// `年底`, `年末` on their own: the end of the reference year.
    fn chinese_year_end(&self, i: usize) -> Option<Hit> {
        if !self.is_han(i + 1, "底末") {
            return None;
        }
        let b = i.wrapping_sub(1);
        if self.num(b).is_some()
            || self.is_han(b, "每当當同去今明前后後次翌该該其本年")
            || self.han(b).is_some_and(is_han_digit)
        {
            return None;
        }
        let r = self.reference?;
        let date = PartialDate::year(r.year_number())?;
        Some(Hit {
            period_end: true,
            ..Hit::new(i, i + 2, date, Resolution::RelativeYear)
        })
    }

    /// `the next day`, `the following day`, `the same day`, `that day`, `am nächsten Tag`,
    /// `am folgenden Tag`, `am selben Tag`, `Folgetag`, `le lendemain`, `le même jour`,
    /// `le jour même`: a day relative to the day last mentioned.
    fn mentioned_day(&self, i: usize, unit: Kw) -> Option<Hit> {
        let b = i.wrapping_sub(1);
        let (first, last, offset) = match unit {
            Kw::Lendemain => match self.kw(b) {
                Some(Kw::Le) => (b, i + 1, 1),
                _ => (i, i + 1, 1),
            },
            Kw::Folgetag => (i, i + 1, 1),
            Kw::Jour if self.is(i + 1, Kw::Same) => {
                let first = if self.is(b, Kw::Le) { b } else { i };
                (first, i + 2, 0)
            }
            _ => {
                let offset = match (self.kw(b)?, unit) {
                    (Kw::Next | Kw::Following, Kw::Day) | (Kw::Naechst | Kw::Following, Kw::Tag) => 1,
                    (Kw::Same | Kw::That, Kw::Day) | (Kw::Same, Kw::Tag | Kw::Jour) => 0,
                    _ => return None,
                };
                let article = self.is_any(b.wrapping_sub(1), &[Kw::The, Kw::Le]);
                (if article { b - 1 } else { b }, i + 1, offset)
            }
        };
        self.day_after_mentioned(first, last, offset)
    }

    /// `次日`, `翌日`, `第二天`: the next day; `当天`, `当日`, `同日`, `同一天`: the same day.
    fn chinese_mentioned_day(&self, i: usize, c: char) -> Option<Hit> {
        let (last, offset) = match c {
            '次' | '翌' if self.is_han(i + 1, "日") => (i + 2, 1),
            '第' if self.is_han(i + 1, "二") && self.is_han(i + 2, "天") => (i + 3, 1),
            '当' | '當' if self.is_han(i + 1, "天日") => (i + 2, 0),
            '同' if self.is_han(i + 1, "日") => (i + 2, 0),
            '同' if self.is_han(i + 1, "一") && self.is_han(i + 2, "天") => (i + 3, 0),
            _ => return None,
        };
        // `第二天然气`: 天 starts another word.
        if c == '第' && self.is_han(last, "然") {
            return None;
        }
        self.day_after_mentioned(i, last, offset)
    }

    fn day_after_mentioned(&self, first: usize, last: usize, days: i64) -> Option<Hit> {
        self.reference?;
        let date = add_days(self.context?, days)?;
        Some(Hit::new(first, last, date, Resolution::RelativeToMentionedDay))
    }

    /// `三年前`, `两个月前`, `十天前`.
    fn chinese_ago_numeral(&self, i: usize) -> Option<Hit> {
        if self
            .han(i.wrapping_sub(1))
            .is_some_and(|c| is_han_digit(c) || in_set("近约約多几幾第", c))
        {
            return None;
        }
        let (n, next) = self.chinese_number(i)?;
        self.chinese_ago_suffix(i, next, n)
    }

    /// A Chinese numeral below 100 (`三`, `十二`, `二十`, `两`): value and next token.
    fn chinese_number(&self, i: usize) -> Option<(u32, usize)> {
        let digit = |c: char| match c {
            '一' => Some(1),
            '二' | '两' | '兩' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        let c = self.han(i)?;
        if c == '十' {
            return match self.han(i + 1).and_then(digit) {
                Some(d) => Some((10 + d, i + 2)),
                None => Some((10, i + 1)),
            };
        }
        let tens = digit(c)?;
        if self.is_han(i + 1, "十") {
            return match self.han(i + 2).and_then(digit) {
                Some(d) => Some((tens * 10 + d, i + 3)),
                None => Some((tens * 10, i + 2)),
            };
        }
        Some((tens, i + 1))
    }

    // --- the future and what is planned

    /// Does the clause around the expression announce it as coming? Looks back to the start of
    /// the clause for `will`, `wird`, `sera`, `将于`…, stopping at a reporting verb or a past
    /// auxiliary; for an expression that opens its clause, also looks ahead.
    fn future_cue(&self, first: usize, last: usize) -> bool {
        let mut k = first;
        let mut steps = 0;
        while k > 0 && steps < 12 {
            if self.toks[k].gap == Gap::Line {
                break;
            }
            k -= 1;
            steps += 1;
            match self.signal(k, false) {
                Signal::Future => return true,
                Signal::Stop => break,
                Signal::Nothing => {}
            }
        }
        if self.opens_clause(first) {
            let mut k = last;
            let mut steps = 0;
            while k < self.toks.len() && steps < 10 {
                if self.toks[k].gap == Gap::Line {
                    break;
                }
                match self.signal(k, true) {
                    Signal::Future => return true,
                    Signal::Stop => break,
                    Signal::Nothing => {}
                }
                k += 1;
                steps += 1;
            }
        }
        false
    }

    /// Nothing but a preposition or two stands between the clause start and `first`.
    fn opens_clause(&self, first: usize) -> bool {
        let mut k = first;
        for _ in 0..3 {
            if self.toks.get(k).is_none_or(|t| t.gap == Gap::Line) || k == 0 {
                return true;
            }
            k -= 1;
            match self.kind(k) {
                Some(Kind::Mark(c)) => return in_set(BOUNDARY, c) || in_set("\"“”«»", c),
                Some(Kind::Word(Lex::Kw(kw))) if !matches!(kw, Kw::Future | Kw::Report | Kw::PastAux) => {}
                Some(Kind::Word(Lex::Stop(_))) => {}
                _ => return false,
            }
        }
        false
    }

    fn signal(&self, k: usize, ahead: bool) -> Signal {
        let Some(tok) = self.toks.get(k) else {
            return Signal::Stop;
        };
        match tok.kind {
            Kind::Mark(c) if in_set(BOUNDARY, c) => Signal::Stop,
            Kind::Mark(c) if ahead && (c == ',' || c == '，') => Signal::Nothing,
            Kind::Word(Lex::Kw(Kw::Future)) => Signal::Future,
            // "The talks, to be held in Beijing on Saturday": an arrangement still to come.
            Kind::Word(Lex::Kw(Kw::Be))
                if self.text_of(tok) == "be"
                    && self
                        .toks
                        .get(k.wrapping_sub(1))
                        .is_some_and(|t| self.text_of(t).eq_ignore_ascii_case("to")) =>
            {
                Signal::Future
            }
            Kind::Word(Lex::Kw(Kw::Report | Kw::PastAux)) => Signal::Stop,
            Kind::Word(Lex::Kw(Kw::A)) if self.lang == Language::French => Signal::Stop,
            Kind::Word(Lex::Kw(Kw::PastVerb)) if !self.is(k.wrapping_sub(1), Kw::Be) => Signal::Stop,
            Kind::Word(Lex::Other) if tok.case == Case::Lower => {
                let word = self.text_of(tok);
                if self.lang == Language::French && french_future(word) {
                    Signal::Future
                } else if self.lang != Language::French
                    && word.len() >= 4
                    && word.ends_with("ed")
                    && !self.is_any(k.wrapping_sub(1), &[Kw::Be, Kw::A, Kw::An, Kw::The, Kw::This])
                {
                    // `signed`, `opened`: the clause is about the past ("will be signed" and
                    // "an extended meeting" are not).
                    Signal::Stop
                } else {
                    Signal::Nothing
                }
            }
            Kind::Han(_) => self.han_signal(k),
            _ => Signal::Nothing,
        }
    }

    fn han_signal(&self, k: usize) -> Signal {
        const FUTURE: [&str; 30] = [
            "将于", "將於", "将在", "將在", "即将", "即將", "将会", "將會", "将举", "將舉", "将赴", "將赴", "将访",
            "將訪", "将出", "將出", "将召", "將召", "将参", "將參", "计划", "計劃", "预计", "預計", "拟于", "擬於",
            "定于", "定於", "届时", "屆時",
        ];
        const STOP: [&str; 10] = [
            "表示", "指出", "宣布", "介绍", "介紹", "强调", "強調", "已经", "已經", "发布",
        ];
        let (Some(a), b) = (self.han(k), self.han(k + 1)) else {
            return Signal::Nothing;
        };
        let mut pair = [0u8; 8];
        let mut len = a.encode_utf8(&mut pair).len();
        if let Some(b) = b {
            len += b.encode_utf8(&mut pair[len..]).len();
        }
        let pair = std::str::from_utf8(&pair[..len]).unwrap_or("");
        if FUTURE.contains(&pair) {
            Signal::Future
        } else if STOP.contains(&pair) || in_set("说說称稱了曾", a) {
            Signal::Stop
        } else {
            Signal::Nothing
        }
    }

    fn text_of(&self, tok: &Tok) -> &str {
        self.text.get(tok.start..tok.end).unwrap_or("")
    }

    /// Turns a hit into a mention, deciding whether it is planned.
    fn finish(&self, hit: &Hit) -> DateMention {
        let anchor = if hit.period_end {
            period_last_day(hit.end.unwrap_or(hit.date))
        } else {
            hit.date
        };
        let announced = || hit.future || self.future_cue(hit.first, hit.last);
        let planned = match self.reference {
            Some(r) => match cmp_common(anchor, r) {
                Ordering::Greater => true,
                Ordering::Less => false,
                Ordering::Equal => announced(),
            },
            None => announced(),
        };
        let start = self.toks[hit.first].start;
        let end = self.toks[hit.last - 1].end;
        // "By the end of 2018", `2016年底`: a stock counted at the close of the year, which is
        // December of that year.
        let date = match hit.date.precision() {
            Precision::Year if hit.period_end && hit.end.is_none() => {
                PartialDate::month(hit.date.year_number(), 12).unwrap_or(hit.date)
            }
            _ => hit.date,
        };
        DateMention {
            start,
            end,
            date,
            end_date: hit.end,
            resolution: hit.resolution,
            planned,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    Future,
    Stop,
    Nothing,
}

/// French future tense, `tiendra`, `seront`, `réunira`: the word ends in `ra`/`ront`.
fn french_future(word: &str) -> bool {
    const NOT_VERBS: [&str; 9] = [
        "opéra", "caméra", "extra", "ultra", "sahara", "cobra", "sierra", "contra", "mantra",
    ];
    word.len() >= 5 && (word.ends_with("ra") || word.ends_with("ront")) && !NOT_VERBS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_letter_runs_are_counted_as_a_byte_by_byte_scan_counts_them() {
        let slow = |bytes: &[u8]| bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        // Every byte at every place of a run of letters longer than two steps, and cut short.
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = b"DelegationsBesuchtes".to_vec();
                bytes[at] = b;
                for len in [20, at + 1, 7, 0] {
                    assert_eq!(
                        ascii_letter_run(&bytes[..len]),
                        slow(&bytes[..len]),
                        "{b:#x} at {at}, {len} bytes"
                    );
                }
            }
        }
    }
    use proptest::prelude::*;

    fn reference(iso: &str) -> Option<PartialDate> {
        PartialDate::parse_iso(iso)
    }

    /// Each mention as `expression=date`, with `..end` for a range and ` planned` when planned.
    fn show(text: &str, found: &[DateMention]) -> Vec<String> {
        found
            .iter()
            .map(|m| {
                let mut shown = format!("{}={}", &text[m.start..m.end], m.date);
                if let Some(end) = m.end_date {
                    shown.push_str(&format!("..{end}"));
                }
                if m.planned {
                    shown.push_str(" planned");
                }
                shown
            })
            .collect()
    }

    fn dates(text: &str, iso: &str) -> Vec<String> {
        show(text, &find_dates(text, reference(iso)))
    }

    fn dates_in(text: &str, iso: &str, lang: Language) -> Vec<String> {
        show(text, &find_dates_in(text, reference(iso), lang))
    }

    fn resolutions(text: &str, iso: &str) -> Vec<Resolution> {
        find_dates(text, reference(iso)).iter().map(|m| m.resolution).collect()
    }

    #[test]
    fn absolute_dates_in_english() {
        assert_eq!(
            dates(
                "Xinhua) 13:20, September 30, 2025 -- on Sept. 29, 2025 and on 30 September 2025.",
                "2025-10-01"
            ),
            [
                "September 30, 2025=2025-09-30",
                "Sept. 29, 2025=2025-09-29",
                "30 September 2025=2025-09-30"
            ]
        );
        assert_eq!(resolutions("on 30 September 2025", ""), [Resolution::Absolute]);
        assert_eq!(dates("the 7th of March 2019", ""), ["7th of March 2019=2019-03-07"]);
    }

    #[test]
    fn absolute_dates_in_german_and_french() {
        assert_eq!(
            dates("LONDON, 15. Mai 2025 /PRNewswire/", ""),
            ["15. Mai 2025=2025-05-15"]
        );
        assert_eq!(
            dates("le 21 octobre 2015 à Londres", ""),
            ["21 octobre 2015=2015-10-21"]
        );
        assert_eq!(dates("le 1er mars 2020", ""), ["1er mars 2020=2020-03-01"]);
        assert_eq!(
            dates("Mis à jour le 14-02-2026 | 14. 02. 2026", ""),
            ["14-02-2026=2026-02-14", "14. 02. 2026=2026-02-14"]
        );
    }

    #[test]
    fn absolute_dates_in_chinese_and_iso() {
        assert_eq!(dates("2015年10月21日,习近平", ""), ["2015年10月21日=2015-10-21"]);
        assert_eq!(
            dates("２０１５年１０月２１日", ""),
            ["２０１５年１０月２１日=2015-10-21"]
        );
        assert_eq!(dates("2018年7月", ""), ["2018年7月=2018-07"]);
        assert_eq!(dates("Updated:2015-10-21 16:04:14", ""), ["2015-10-21=2015-10-21"]);
        assert_eq!(dates("2019-11-11T18:27:23+01:00", ""), ["2019-11-11=2019-11-11"]);
        assert_eq!(dates("2017/11/20 10:26", ""), ["2017/11/20=2017-11-20"]);
        assert!(dates("2023-02-30, 2018年7期, 1990年代", "").is_empty());
    }

    #[test]
    fn slashed_dates_only_when_the_order_is_clear() {
        assert_eq!(dates("am 14/05/2019", ""), ["14/05/2019=2019-05-14"]);
        assert_eq!(
            dates_in("on 5/14/2019", "", Language::English),
            ["5/14/2019=2019-05-14"]
        );
        assert!(dates_in("on 5/4/2019", "", Language::English).is_empty());
        assert_eq!(dates_in("le 5/4/2019", "", Language::French), ["5/4/2019=2019-04-05"]);
    }

    #[test]
    fn a_bare_year_needs_a_cue() {
        assert_eq!(dates("In 2017, the two governments", ""), ["2017=2017"]);
        assert_eq!(dates("Im Jahr 2017 wurde", ""), ["Jahr 2017=2017"]);
        assert_eq!(
            dates("en 2017, depuis 2015, d'ici 2030", ""),
            ["2017=2017", "2015=2015", "2030=2030"]
        );
        assert_eq!(dates("截至2016年底", ""), ["2016年底=2016-12"]);
        assert_eq!(dates("2017年,英国", ""), ["2017年=2017"]);
        assert_eq!(
            dates("since 2015, by 2030, until 2025, seit 2015, bis 2030", "").len(),
            5
        );
        for text in [
            "2,000 companies",
            "2018 companies",
            "employs 2019 people",
            "the 2025 Sino-UK Entrepreneur Forum",
            "plus de 2000 emplois",
            "from 2000 to 3000 people",
            "in the mid-1990s",
            "in den 1990er Jahren",
            "up 2018%",
        ] {
            assert!(dates(text, "2025-01-10").is_empty(), "{text}");
        }
    }

    #[test]
    fn year_ranges_and_parts_of_years() {
        assert_eq!(
            dates("from 2015 to 2018 and 2019-2022, between 2010 and 2012", ""),
            [
                "2015 to 2018=2015..2018",
                "2019-2022=2019..2022",
                "2010 and 2012=2010..2012"
            ]
        );
        assert_eq!(dates("2015—2018年", ""), ["2015—2018年=2015..2018"]);
        assert_eq!(
            dates(
                "in early 2018, mid-2019, the first half of 2020, Q1 2021, Anfang 2022, mi-2023, fin 2024",
                "2010"
            ),
            [
                "early 2018=2018 planned",
                "mid-2019=2019 planned",
                "the first half of 2020=2020 planned",
                "Q1 2021=2021 planned",
                "Anfang 2022=2022 planned",
                "mi-2023=2023 planned",
                "fin 2024=2024-12 planned"
            ]
        );
    }

    #[test]
    fn months_with_their_year() {
        assert_eq!(
            dates("in May 2025, im Mai 2025, en mai 2025, 2018年7月, March of 2019", ""),
            [
                "May 2025=2025-05",
                "Mai 2025=2025-05",
                "mai 2025=2025-05",
                "2018年7月=2018-07",
                "March of 2019=2019-03"
            ]
        );
        assert!(
            dates("may 2025 be the year", "").is_empty(),
            "a modal verb, not a month"
        );
        assert!(dates("Theresa May 2017", "").is_empty(), "a name, not a month");
    }

    #[test]
    fn day_and_month_take_the_year_of_the_reference() {
        assert_eq!(
            dates("HEFEI, Sept. 29 (Xinhua) --", "2025-09-30"),
            ["Sept. 29=2025-09-29"]
        );
        assert_eq!(
            resolutions("HEFEI, Sept. 29 (Xinhua) --", "2025-09-30"),
            [Resolution::YearFromReference]
        );
        assert_eq!(
            dates("on May 14. On 14 May", "2024-05-23"),
            ["May 14=2024-05-14", "14 May=2024-05-14"]
        );
        assert_eq!(dates("on May 14th", "2024-05-23"), ["May 14th=2024-05-14"]);
        assert_eq!(
            dates("organisierte am 12. Mai ein Treffen", "2025-05-15"),
            ["12. Mai=2025-05-12"]
        );
        assert_eq!(dates("am 12.5. ein Treffen", "2025-05-15"), ["12.5.=2025-05-12"]);
        assert_eq!(dates("le 12 mai", "2025-05-15"), ["12 mai=2025-05-12"]);
        assert_eq!(
            dates("11月9日,青岛中英创新产业园", "2017-11-20"),
            ["11月9日=2017-11-09"]
        );
        assert_eq!(dates("10月21日", "2015-10-23"), ["10月21日=2015-10-21"]);
        assert_eq!(dates("5月3号", "2015-05-23"), ["5月3号=2015-05-03"]);
    }

    #[test]
    fn the_nearest_year_crosses_new_year() {
        assert_eq!(dates("on Dec. 28", "2025-01-05"), ["Dec. 28=2024-12-28"]);
        assert_eq!(dates("on January 3", "2024-12-30"), ["January 3=2025-01-03 planned"]);
        assert_eq!(dates("in October", "2016-02-26"), ["October=2015-10"]);
        assert_eq!(
            dates("le 29 février", "2025-01-10"),
            ["29 février=2024-02-29"],
            "the only 29 February near"
        );
        assert_eq!(dates("le 29 février", "2024-01-10"), ["29 février=2024-02-29 planned"]);
    }

    #[test]
    fn ranges_of_days() {
        assert_eq!(
            dates("From March 17 to 18, Richard Parker", "2025-03-22"),
            ["March 17 to 18=2025-03-17..2025-03-18"]
        );
        assert_eq!(
            dates("17-18 March, March 17-18, 2024, 14 to 16 May", "2025-03-22"),
            [
                "17-18 March=2025-03-17..2025-03-18",
                "March 17-18, 2024=2024-03-17..2024-03-18",
                "14 to 16 May=2025-05-14..2025-05-16 planned"
            ]
        );
        assert_eq!(
            dates("am 17.-18. März und vom 17. bis 18. März", "2025-03-22"),
            [
                "17.-18. März=2025-03-17..2025-03-18",
                "17. bis 18. März=2025-03-17..2025-03-18"
            ]
        );
        assert_eq!(
            dates(
                "Ce sommet, qui se tiendra du 17 au 19 février à Birmingham",
                "2020-01-21"
            ),
            ["17 au 19 février=2020-02-17..2020-02-19 planned"]
        );
        assert_eq!(
            dates("les 17 et 18 mars", "2025-03-22"),
            ["17 et 18 mars=2025-03-17..2025-03-18"]
        );
        assert_eq!(
            dates("du 17 février au 2 mars 2020", ""),
            ["17 février au 2 mars 2020=2020-02-17..2020-03-02"]
        );
        assert_eq!(
            dates("December 28 to January 3, 2025", ""),
            ["December 28 to January 3, 2025=2024-12-28..2025-01-03"]
        );
        assert_eq!(
            dates("3月17日至18日,3月17-18日,3月17日至4月2日", "2025-03-22"),
            [
                "3月17日至18日=2025-03-17..2025-03-18",
                "3月17-18日=2025-03-17..2025-03-18",
                "3月17日至4月2日=2025-03-17..2025-04-02"
            ]
        );
        assert_eq!(
            dates("6月7日—8日,吴百纳抵达重庆", "2018-08-01"),
            ["6月7日—8日=2018-06-07..2018-06-08"]
        );
    }

    /// Days and months in Chinese numerals, as official and Traditional-script papers write
    /// them; bare single-digit days and bare months stay unread (`三日游`, `一月一次`).
    #[test]
    fn days_and_months_in_chinese_numerals() {
        assert_eq!(
            dates("财政司司长本月十九日率团访问伦敦。", "2025-05-22"),
            ["本月十九日=2025-05-19"]
        );
        assert_eq!(
            dates(
                "代表团于十一月十九日至二十一日访问英国，2024年十二月三日签约。",
                "2024-12-20"
            ),
            [
                "十一月十九日至二十一日=2024-11-19..2024-11-21",
                "2024年十二月三日=2024-12-03"
            ]
        );
        assert_eq!(
            dates(
                "二十一日率領香港特區政府代表團，本月十九日至二十一日出訪。",
                "2025-05-22"
            ),
            ["二十一日=2025-05-21", "本月十九日至二十一日=2025-05-19..2025-05-21"]
        );
        assert!(dates("参加三日游，每年一月一次，为期十日，两日后返回。", "2025-05-22").is_empty());
    }

    #[test]
    fn ranges_of_months() {
        assert_eq!(dates("2017年1月到9月", ""), ["2017年1月到9月=2017-01..2017-09"]);
        assert_eq!(
            dates("(2023年7月—2026年7月》", ""),
            ["2023年7月—2026年7月=2023-07..2026-07"]
        );
        assert_eq!(dates("1-3月", "2025-05-12"), ["1-3月=2025-01..2025-03"]);
        assert_eq!(
            dates("from May to July 2025", ""),
            ["May to July 2025=2025-05..2025-07"]
        );
    }

    #[test]
    fn two_dates_joined_by_and_stay_two() {
        assert_eq!(
            dates("on Sept. 29, 2025 and 30 September 2025", ""),
            ["Sept. 29, 2025=2025-09-29", "30 September 2025=2025-09-30"]
        );
    }

    #[test]
    fn a_day_alone_is_of_the_reference_month() {
        assert_eq!(dates("7日晚,举行招待会", "2025-03-10"), ["7日=2025-03-07"]);
        assert_eq!(resolutions("7日晚", "2025-03-10"), [Resolution::DayOfReferenceMonth]);
        // The 17th has not come yet on 10 March: it is February's.
        assert_eq!(dates("17日,举行招待会", "2025-03-10"), ["17日=2025-02-17"]);
        assert_eq!(dates("双方将于17日签署", "2025-03-10"), ["17日=2025-03-17 planned"]);
        assert_eq!(dates("3日至5日", "2025-03-10"), ["3日至5日=2025-03-03..2025-03-05"]);
        assert_eq!(
            dates("The meeting on the 7th was useful.", "2025-03-10"),
            ["the 7th=2025-03-07"]
        );
        assert!(dates("on the 7th floor, 3日游, 第3日", "2025-03-10").is_empty());
    }

    #[test]
    fn a_day_alone_after_a_date_is_of_that_month() {
        let text = "6月7日—8日,吴百纳抵达重庆。7日晚,英国驻重庆总领事馆举办招待会。";
        assert_eq!(
            dates(text, "2018-08-01"),
            ["6月7日—8日=2018-06-07..2018-06-08", "7日=2018-06-07"]
        );
        assert_eq!(
            resolutions(text, "2018-08-01"),
            [Resolution::YearFromReference, Resolution::DayOfMentionedMonth]
        );
    }

    #[test]
    fn days_relative_to_the_day_last_mentioned() {
        let text = "From March 17 to 18, the mayors visited Shenzhen. The next day, they flew home.";
        assert_eq!(
            dates(text, "2025-03-22"),
            ["March 17 to 18=2025-03-17..2025-03-18", "The next day=2025-03-19"]
        );
        assert_eq!(
            resolutions(text, "2025-03-22"),
            [Resolution::YearFromReference, Resolution::RelativeToMentionedDay]
        );
        assert_eq!(
            dates(
                "3月17日,代表团抵达深圳。次日,参观了迈瑞。当天下午,举行座谈。",
                "2025-03-22"
            ),
            ["3月17日=2025-03-17", "次日=2025-03-18", "当天=2025-03-18"]
        );
        assert_eq!(
            dates("Am 12. Mai traf er ein, am nächsten Tag reiste er ab.", "2025-05-15"),
            ["12. Mai=2025-05-12", "nächsten Tag=2025-05-13"]
        );
        assert_eq!(
            dates("le 12 mai, puis le lendemain, et le jour même", "2025-05-15"),
            [
                "12 mai=2025-05-12",
                "le lendemain=2025-05-13",
                "le jour même=2025-05-13"
            ]
        );
        assert!(
            dates("the next day, 次日, 当天", "2025-05-15").is_empty(),
            "no day mentioned before"
        );
    }

    #[test]
    fn weekdays_are_the_latest_on_or_before_the_reference() {
        // 2022-06-26 is a Sunday.
        assert_eq!(
            dates("said during a meeting on Thursday.", "2022-06-26"),
            ["Thursday=2022-06-23"]
        );
        assert_eq!(
            resolutions("on Thursday", "2022-06-26"),
            [Resolution::WeekdayBeforeReference]
        );
        assert_eq!(dates("was launched Monday", "2015-05-18"), ["Monday=2015-05-18"]);
        // 2019-11-11 is a Monday: the reference itself.
        assert_eq!(
            dates("verkündeten am Montag eine Einigung", "2019-11-11"),
            ["Montag=2019-11-11"]
        );
        assert_eq!(
            dates("Am Montagabend sprach er", "2019-11-11"),
            ["Montagabend=2019-11-11"]
        );
        assert_eq!(
            dates("a affirmé lundi l'ambassadeur", "2020-01-21"),
            ["lundi=2020-01-20"]
        );
        assert_eq!(dates("Jeudi, il a parlé", "2020-01-21"), ["Jeudi=2020-01-16"]);
        assert_eq!(
            dates("周四,星期四,週四,禮拜四,礼拜天", "2023-07-14"),
            [
                "周四=2023-07-13",
                "星期四=2023-07-13",
                "週四=2023-07-13",
                "禮拜四=2023-07-13",
                "礼拜天=2023-07-09"
            ]
        );
    }

    #[test]
    fn weekdays_with_last_next_or_an_announcement() {
        // 2019-05-20 is a Monday.
        assert_eq!(
            dates(
                "last Monday, next Monday, vergangenen Montag, kommenden Montag",
                "2019-05-20"
            ),
            [
                "last Monday=2019-05-13",
                "next Monday=2019-05-27 planned",
                "vergangenen Montag=2019-05-13",
                "kommenden Montag=2019-05-27 planned"
            ]
        );
        assert_eq!(
            dates("lundi dernier, lundi prochain", "2019-05-22"),
            ["lundi dernier=2019-05-20", "lundi prochain=2019-05-27 planned"]
        );
        assert_eq!(
            dates("上周一,下周一,本周五", "2023-07-12"),
            [
                "上周一=2023-07-03",
                "下周一=2023-07-17 planned",
                "本周五=2023-07-14 planned"
            ]
        );
        assert_eq!(
            dates("The forum will be held on Thursday.", "2025-05-12"),
            ["Thursday=2025-05-15 planned"]
        );
        assert_eq!(
            resolutions("The forum will be held on Thursday.", "2025-05-12"),
            [Resolution::WeekdayAfterReference]
        );
        assert_eq!(
            dates("On Thursday, the ministers will sign a deal.", "2025-05-12"),
            ["Thursday=2025-05-15 planned"]
        );
        assert_eq!(
            dates("The minister said on Thursday that it will work.", "2025-05-12"),
            ["Thursday=2025-05-08"]
        );
        assert_eq!(
            dates(
                "The talks, to be held in Beijing on Saturday, open a new round.",
                "2025-01-08"
            ),
            ["Saturday=2025-01-11 planned"]
        );
        assert_eq!(
            dates("The talks had to be short; they met on Saturday.", "2025-01-08"),
            ["Saturday=2025-01-04"]
        );
        assert_eq!(
            dates(
                "The talks, which will cover trade, began on Monday and the deal signed on Tuesday.",
                "2025-05-14"
            ),
            ["Monday=2025-05-12", "Tuesday=2025-05-13"]
        );
        assert_eq!(
            dates(
                "They will hold an extended meeting on Monday and will be received on Tuesday.",
                "2025-05-14"
            ),
            ["Monday=2025-05-19 planned", "Tuesday=2025-05-20 planned"]
        );
        assert_eq!(
            dates("Am Dienstag wird der Minister Berlin besuchen.", "2019-05-20"),
            ["Dienstag=2019-05-21 planned"]
        );
        assert_eq!(
            dates_in("Le sommet se tiendra jeudi.", "2020-01-21", Language::French),
            ["jeudi=2020-01-23 planned"]
        );
        assert_eq!(
            dates("双方将于周四签署协议。", "2025-05-12"),
            ["周四=2025-05-15 planned"]
        );
    }

    #[test]
    fn a_weekday_next_to_its_date_is_one_mention() {
        assert_eq!(
            dates("Thursday, June 23 and lundi 20 janvier", "2022-06-26"),
            ["Thursday, June 23=2022-06-23", "lundi 20 janvier=2022-01-20"]
        );
        // The weekday tells which year: 11 November was a Monday in 2019, not in 2020.
        assert_eq!(
            dates("Montag, 11. November", "2020-05-12"),
            ["Montag, 11. November=2019-11-11"]
        );
        assert_eq!(
            dates("Montag, 11. November", "2019-11-12"),
            ["Montag, 11. November=2019-11-11"]
        );
        assert_eq!(
            dates("On Monday (March 17)", "2025-03-22"),
            ["Monday (March 17)=2025-03-17"]
        );
        assert_eq!(
            dates("3月17日（星期一）举行", "2025-03-22"),
            ["3月17日（星期一）=2025-03-17"]
        );
        assert_eq!(
            dates("11月11日（星期一）", "2020-05-12"),
            ["11月11日（星期一）=2019-11-11"]
        );
    }

    #[test]
    fn weekdays_need_a_day_reference_and_their_capital() {
        assert!(dates("on Thursday", "2022-06").is_empty());
        assert!(dates("on Thursday", "").is_empty());
        assert!(dates("on thursday, THURSDAY", "2022-06-26").is_empty());
        assert!(dates(
            "Good Friday, every Monday, The Sunday Times, 每周一, 周一至周五",
            "2022-06-26"
        )
        .is_empty());
    }

    #[test]
    fn relative_days() {
        assert_eq!(
            dates(
                "today, yesterday, tomorrow, last night. Sajid Javid said: “Today’s visit",
                "2025-05-16"
            ),
            [
                "today=2025-05-16",
                "yesterday=2025-05-15",
                "tomorrow=2025-05-17 planned",
                "last night=2025-05-15",
                "Today=2025-05-16"
            ]
        );
        assert_eq!(resolutions("yesterday", "2025-05-16"), [Resolution::RelativeDay]);
        assert_eq!(
            dates("heute, gestern, morgen, vorgestern, übermorgen", "2025-05-16"),
            [
                "heute=2025-05-16",
                "gestern=2025-05-15",
                "morgen=2025-05-17 planned",
                "vorgestern=2025-05-14",
                "übermorgen=2025-05-18 planned"
            ]
        );
        assert_eq!(
            dates_in(
                "aujourd'hui, hier, demain, avant-hier, après-demain",
                "2025-05-16",
                Language::French
            ),
            [
                "aujourd'hui=2025-05-16",
                "hier=2025-05-15",
                "demain=2025-05-17 planned",
                "avant-hier=2025-05-14",
                "après-demain=2025-05-18 planned"
            ]
        );
        assert_eq!(
            dates("今天,今日,昨天,明天,前天,后天", "2025-05-16"),
            [
                "今天=2025-05-16",
                "今日=2025-05-16",
                "昨天=2025-05-15",
                "明天=2025-05-17 planned",
                "前天=2025-05-14",
                "后天=2025-05-18 planned"
            ]
        );
        assert_eq!(
            dates("three days ago, vor zwei Tagen", "2025-05-16"),
            ["three days ago=2025-05-13", "vor zwei Tagen=2025-05-14"]
        );
    }

    #[test]
    fn hier_is_yesterday_only_in_french() {
        assert_eq!(
            dates("Le ministre est arrivé hier à Paris.", "2025-05-16"),
            ["hier=2025-05-15"]
        );
        assert!(dates("Er ist hier in London und die Stadt ist schön.", "2025-05-16").is_empty());
        assert!(dates_in("hier", "2025-05-16", Language::German).is_empty());
        assert_eq!(dates_in("hier", "2025-05-16", Language::French), ["hier=2025-05-15"]);
    }

    #[test]
    fn relative_words_that_are_something_else() {
        for text in [
            "China Today, GD TODAY, USA Today",
            "am Morgen, heute Morgen",
            "如今天津,目前天津,说明天津",
            "至今年均增长,过去年均",
            "the last year of his term, the next year",
            "cette année-là",
        ] {
            let found = dates(text, "2025-05-16");
            assert!(found.iter().all(|m| m.starts_with("heute=")), "{text}: {found:?}");
        }
    }

    /// A season without its year is dated to the year it begins in, planned while it has not
    /// begun; a bare one needs its preposition, and a capitalised one before a name is a name.
    #[test]
    fn seasons_without_their_year() {
        assert_eq!(
            dates(
                "The minister will visit next spring. Talks began this autumn and last summer.",
                "2025-11-20"
            ),
            ["next spring=2026 planned", "this autumn=2025", "last summer=2025"]
        );
        assert_eq!(
            dates("Die Delegation soll im Frühjahr nach Peking reisen.", "2025-11-20"),
            ["Frühjahr=2026 planned"]
        );
        assert_eq!(
            dates(
                "Im vergangenen Herbst unterzeichneten beide Seiten ein Abkommen.",
                "2025-05-20"
            ),
            ["vergangenen Herbst=2024"]
        );
        assert_eq!(
            dates(
                "Le ministre se rendra à Pékin au printemps prochain, après cet été.",
                "2025-05-20"
            ),
            ["printemps prochain=2026 planned", "cet été=2025 planned"]
        );
        assert_eq!(
            dates("今年春天，代表团访问伦敦；明年秋季将再访。今年冬天", "2025-05-20"),
            ["今年春天=2025", "明年秋季=2026 planned", "今年冬天=2025 planned"]
        );
        assert!(dates(
            "Prices may fall this week in spring rolls; this Spring Festival.",
            "2025-05-20"
        )
        .iter()
        .all(|d| !d.contains("pring")));
        assert_eq!(dates("the spring of 2024", ""), ["the spring of 2024=2024"]);
    }

    #[test]
    fn relative_months() {
        assert_eq!(
            dates("last month, this month, next month, earlier this month", "2026-02-14"),
            [
                "last month=2026-01",
                "this month=2026-02",
                "next month=2026-03 planned",
                "earlier this month=2026-02"
            ]
        );
        assert_eq!(
            dates(
                "letzten Monat, vergangenen Monat, diesen Monat, im nächsten Monat",
                "2026-02-14"
            ),
            [
                "letzten Monat=2026-01",
                "vergangenen Monat=2026-01",
                "diesen Monat=2026-02",
                "nächsten Monat=2026-03 planned"
            ]
        );
        assert_eq!(
            dates(
                "Keir Starmer le mois dernier en Chine, ce mois-ci, le mois prochain",
                "2026-02-14"
            ),
            [
                "le mois dernier=2026-01",
                "ce mois-ci=2026-02",
                "le mois prochain=2026-03 planned"
            ]
        );
        assert_eq!(
            resolutions("le mois dernier", "2026-02-14"),
            [Resolution::RelativeMonth]
        );
        assert_eq!(
            dates("上个月,上月,本月,这个月,下个月,上月15日", "2026-02-14"),
            [
                "上个月=2026-01",
                "上月=2026-01",
                "本月=2026-02",
                "这个月=2026-02",
                "下个月=2026-03 planned",
                "上月15日=2026-01-15"
            ]
        );
        assert_eq!(
            dates("两个月前, vor einem Monat", "2026-02-14"),
            ["两个月前=2025-12", "vor einem Monat=2026-01"]
        );
    }

    #[test]
    fn relative_years() {
        assert_eq!(
            dates("Since last year, this year, next year, a year ago", "2024-05-23"),
            [
                "last year=2023",
                "this year=2024",
                "next year=2025 planned",
                "a year ago=2023"
            ]
        );
        assert_eq!(resolutions("last year", "2024-05-23"), [Resolution::RelativeYear]);
        assert_eq!(
            dates(
                "letztes Jahr, vergangenes Jahr, im vergangenen Jahr, dieses Jahr, nächstes Jahr, vor drei Jahren",
                "2019-11-11"
            ),
            [
                "letztes Jahr=2018",
                "vergangenes Jahr=2018",
                "vergangenen Jahr=2018",
                "dieses Jahr=2019",
                "nächstes Jahr=2020 planned",
                "vor drei Jahren=2016"
            ]
        );
        assert_eq!(
            dates(
                "l'an dernier, l'année dernière, cette année, l'année prochaine, il y a deux ans",
                "2020-01-21"
            ),
            [
                "l'an dernier=2019",
                "l'année dernière=2019",
                "cette année=2020",
                "l'année prochaine=2021 planned",
                "il y a deux ans=2018"
            ]
        );
        assert_eq!(dates("去年,青岛市政府", "2018-08-01"), ["去年=2017"]);
        assert_eq!(
            dates("今年,明年,前年,三年前,3年前", "2018-08-01"),
            [
                "今年=2018",
                "明年=2019 planned",
                "前年=2016",
                "三年前=2015",
                "3年前=2015"
            ]
        );
    }

    #[test]
    fn months_of_relative_years() {
        assert_eq!(
            dates(
                "As of July this year, in July last year, July of next year",
                "2025-09-30"
            ),
            [
                "July this year=2025-07",
                "July last year=2024-07",
                "July of next year=2026-07 planned"
            ]
        );
        assert_eq!(
            dates(
                "im Juli dieses Jahres, im Juli vergangenen Jahres, am 14. Mai dieses Jahres",
                "2025-09-30"
            ),
            [
                "Juli dieses Jahres=2025-07",
                "Juli vergangenen Jahres=2024-07",
                "14. Mai dieses Jahres=2025-05-14"
            ]
        );
        assert_eq!(
            dates(
                "en juillet de cette année, en juillet de l'année dernière, en juillet dernier, le 14 mai dernier",
                "2025-09-30"
            ),
            [
                "juillet de cette année=2025-07",
                "juillet de l'année dernière=2024-07",
                "juillet dernier=2025-07",
                "14 mai dernier=2025-05-14"
            ]
        );
        assert_eq!(
            dates("今年7月,去年7月,去年7月12日,明年3月", "2025-09-30"),
            [
                "今年7月=2025-07",
                "去年7月=2024-07",
                "去年7月12日=2024-07-12",
                "明年3月=2026-03 planned"
            ]
        );
        assert_eq!(
            dates("last July, next July", "2025-07-10"),
            ["last July=2024-07", "next July=2026-07 planned"]
        );
    }

    #[test]
    fn end_of_a_year_is_planned_until_it_is_over() {
        let text = "by the end of 2018, bis Ende 2018, d'ici fin 2018, 到2018年底";
        let planned = [
            "the end of 2018=2018-12 planned",
            "Ende 2018=2018-12 planned",
            "fin 2018=2018-12 planned",
            "2018年底=2018-12 planned",
        ];
        assert_eq!(dates(text, "2017-03-01"), planned);
        assert_eq!(dates(text, "2018-05-14"), planned);
        assert_eq!(
            dates(text, "2019-04-01"),
            [
                "the end of 2018=2018-12",
                "Ende 2018=2018-12",
                "fin 2018=2018-12",
                "2018年底=2018-12"
            ]
        );
        assert_eq!(
            dates(
                "the end of last year, Ende vergangenen Jahres, fin de l'année dernière, later this year, 今年年底",
                "2017-02-14"
            ),
            [
                "the end of last year=2016-12",
                "Ende vergangenen Jahres=2016-12",
                "fin de l'année dernière=2016-12",
                "later this year=2017 planned",
                "今年年底=2017-12 planned"
            ]
        );
    }

    #[test]
    fn vague_expressions_give_nothing() {
        for text in [
            "in recent years",
            "over a decade ago",
            "in the past",
            "soon",
            "over the past three years",
            "in the coming years",
            "more than ten years ago",
            "近年来",
            "十多年前",
            "多年前",
            "in den letzten Jahren",
            "vor mehr als drei Jahren",
            "in den nächsten zehn Jahren",
            "ces dernières années",
            "il y a plus de dix ans",
            "每年5月",
        ] {
            assert!(dates(text, "2025-03-10").is_empty(), "{text}");
        }
    }

    #[test]
    fn times_of_day_do_not_break_dates() {
        assert_eq!(
            dates("当地时间7月12日下午,天津市委常委", "2023-07-14"),
            ["7月12日=2023-07-12"]
        );
        assert_eq!(dates("7日晚,英国驻重庆总领事馆", "2018-06-10"), ["7日=2018-06-07"]);
        assert_eq!(
            dates("Xinhua) 13:20, September 30, 2025", ""),
            ["September 30, 2025=2025-09-30"]
        );
        assert_eq!(dates("at 10 am on May 14", "2025-05-16"), ["May 14=2025-05-14"]);
        assert_eq!(dates("gestern Abend, hier soir", "2025-05-16"), ["gestern=2025-05-15"]);
    }

    #[test]
    fn planned_follows_the_reference_or_the_sentence() {
        assert_eq!(
            dates("The summit will be held in May.", "2025-05-12"),
            ["May=2025-05 planned"]
        );
        assert_eq!(dates("The summit was held in May.", "2025-05-12"), ["May=2025-05"]);
        assert_eq!(
            dates("will take effect in March", "2020-01-15"),
            ["March=2020-03 planned"]
        );
        assert_eq!(
            dates("The plant will open in 2027.", "2025-05-12"),
            ["2027=2027 planned"]
        );
        assert_eq!(dates("China will open it in 2027", ""), ["2027=2027 planned"]);
        assert_eq!(dates("in 2017", ""), ["2017=2017"]);
        assert_eq!(dates("le 12 mai", "2020-01-21"), ["12 mai=2020-05-12 planned"]);
    }

    #[test]
    fn precision_of_the_reference_limits_what_resolves() {
        // Month reference: no weekdays, no relative days; days of the month still resolve.
        assert_eq!(
            dates("on Thursday, yesterday, May 14, last month, last year, 7日", "2025-05"),
            [
                "May 14=2025-05-14",
                "last month=2025-04",
                "last year=2024",
                "7日=2025-05-07"
            ]
        );
        // Year reference: the year only.
        assert_eq!(
            dates("May 14, last year, last month, on Thursday", "2025"),
            ["May 14=2025-05-14", "last year=2024"]
        );
        // No reference: only dates that name their year.
        assert_eq!(
            dates("May 14, 2025, last year, Thursday, 2017年, 14 May", ""),
            ["May 14, 2025=2025-05-14", "2017年=2017"]
        );
    }

    #[test]
    fn offsets_are_exact() {
        let text =
            "« Le 1er mars 2020 », said 李 on Thursday — 2015年10月21日（星期三）, l'année dernière, 17.-18. März.";
        let found = find_dates(text, reference("2020-03-06"));
        let spans: Vec<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(
            spans,
            [
                "1er mars 2020",
                "Thursday",
                "2015年10月21日（星期三）",
                "l'année dernière",
                "17.-18. März"
            ]
        );
        for pair in found.windows(2) {
            assert!(pair[0].end <= pair[1].start);
        }
    }

    #[test]
    fn every_month_and_weekday_name_is_known() {
        let months = [
            "January January Januar janvier Jan. janv.",
            "February Februar février Feb. févr.",
            "March März mars Mar.",
            "April April avril Apr. avr.",
            "May Mai mai",
            "June Juni juin Jun.",
            "July Juli juillet Jul. juil.",
            "August August août Aug.",
            "September September septembre Sept. Sep.",
            "October Oktober octobre Oct. Okt.",
            "November November novembre Nov.",
            "December Dezember décembre Dec. Dez. déc.",
        ];
        for (m, names) in (1u8..).zip(months) {
            for name in names.split(' ') {
                let text = format!("on 3 {name} 2021");
                let expected = PartialDate::day(2021, m, 3).unwrap().to_string();
                assert_eq!(
                    find_dates(&text, None).first().map(|d| d.date.to_string()),
                    Some(expected),
                    "{name}"
                );
            }
        }
        let weekdays = [
            "Monday Montag lundi",
            "Tuesday Dienstag mardi",
            "Wednesday Mittwoch mercredi",
            "Thursday Donnerstag jeudi",
            "Friday Freitag vendredi",
            "Saturday Samstag Sonnabend samedi",
            "Sunday Sonntag dimanche",
        ];
        // 2024-01-07 is a Sunday: each weekday falls in the week before it.
        for (d, names) in (1u8..).zip(weekdays) {
            for name in names.split(' ') {
                let expected = PartialDate::day(2024, 1, d).unwrap();
                assert_eq!(find_dates(name, reference("2024-01-07"))[0].date, expected, "{name}");
                assert_eq!(weekday(expected).map(Weekday::index), Some(d - 1));
            }
        }
    }

    #[test]
    fn weekday_of_a_date() {
        let day = |iso: &str| PartialDate::parse_iso(iso).unwrap();
        assert_eq!(weekday(day("2022-06-26")), Some(Weekday::Sunday));
        assert_eq!(weekday(day("2019-11-11")), Some(Weekday::Monday));
        assert_eq!(weekday(day("2000-02-29")), Some(Weekday::Tuesday));
        assert_eq!(weekday(day("1970-01-01")), Some(Weekday::Thursday));
        assert_eq!(weekday(day("0001-01-01")), Some(Weekday::Monday));
        assert_eq!(weekday(day("2022-06")), None);
        assert_eq!(Weekday::Sunday.index(), 6);
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        for n in [-719_162, -1, 0, 1, 10_957, 20_000, 2_932_896] {
            let date = date_from_days(n).unwrap();
            assert_eq!(day_number(date), Some(n), "{date}");
        }
        assert!(date_from_days(2_932_897).is_none(), "past 9999-12-31");
        assert_eq!(add_months(2025, 1, -1), PartialDate::month(2024, 12));
        assert_eq!(add_months(2025, 12, 1), PartialDate::month(2026, 1));
    }

    #[test]
    fn serializes_with_iso_dates_and_snake_case() {
        let found = find_dates("From March 17 to 18", reference("2025-03-22"));
        let json = serde_json::to_value(&found[0]).unwrap();
        assert_eq!(json["date"], "2025-03-17");
        assert_eq!(json["end_date"], "2025-03-18");
        assert_eq!(json["resolution"], "year_from_reference");
        assert_eq!(json["planned"], false);
    }

    fn any_reference() -> impl Strategy<Value = Option<PartialDate>> {
        prop_oneof![
            Just(None),
            (1i32..=9999).prop_map(PartialDate::year),
            (1i32..=9999, 1u8..=12).prop_map(|(y, m)| PartialDate::month(y, m)),
            (1i32..=9999, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| PartialDate::day(
                y,
                m,
                d.min(crate::date::days_in_month(y, m))
            )),
        ]
    }

    /// Text made of the pieces dates are made of, so that the matchers get exercised.
    fn date_like_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("May"),
            Just("Sept."),
            Just("mars"),
            Just("Mai"),
            Just("Thursday"),
            Just("lundi"),
            Just("last"),
            Just("next"),
            Just("year"),
            Just("month"),
            Just("l'"),
            Just("année"),
            Just("dernière"),
            Just("Jahr"),
            Just("Jahres"),
            Just("vor"),
            Just("ago"),
            Just("the"),
            Just("end"),
            Just("of"),
            Just("hier"),
            Just("to"),
            Just("年"),
            Just("月"),
            Just("日"),
            Just("至"),
            Just("去"),
            Just("今"),
            Just("明"),
            Just("上"),
            Just("周"),
            Just("星期"),
            Just("四"),
            Just("前"),
            Just("底"),
            Just("-"),
            Just("."),
            Just(","),
            Just(" "),
            Just("\n"),
            Just("1"),
            Just("7"),
            Just("12"),
            Just("17"),
            Just("31"),
            Just("2017"),
            Just("9999"),
            Just("0001"),
            Just("1er"),
            Just("th"),
            Just("（"),
            Just("）"),
            Just("'"),
            Just("-"),
            Just("on"),
            Just("in"),
            Just("will"),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    /// Chinese dates' pieces and the words around them, without digits: each unit is one piece
    /// among many, so that many texts hold none.
    fn chinese_date_like_text() -> impl Strategy<Value = String> {
        let pieces: Vec<&str> = HAN_DATE_STARTS
            .split("")
            .filter(|piece| !piece.is_empty())
            .chain([
                // The units, written out here and not taken from the list under test.
                "年", "月", "日", "天", "号", "號", "周", "週", "期", "拜", "个", "個", "期", "拜", "底", "末", "初",
                "半", "旬", "春", "夏", "秋", "冬", "季", "晚", "早", "至", "到", "于", "在", "将", "將", "访问",
                "签署", "、", "，", "。", "—",
            ])
            .collect();
        prop::collection::vec(prop::sample::select(pieces), 1..6).prop_map(|pieces| pieces.concat())
    }

    fn check_invariants(text: &str, found: &[DateMention]) {
        let mut last_end = 0;
        for m in found {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(m.start >= last_end, "mentions do not overlap");
            last_end = m.end;
            if let Some(end) = m.end_date {
                assert!(end > m.date);
            }
        }
    }

    /// Whether `text` holds a [`date_clues`] phrase standing as it must, found the slow way.
    fn holds_a_date_clue(text: &str) -> bool {
        let joins_before = |at: usize| text[..at].chars().next_back().is_some_and(is_date_word_char);
        let joins_after = |at: usize| text[at..].chars().next().is_some_and(is_date_word_char);
        // As the cue scanner reads: ASCII letters in any case, any digit as `0`.
        let fold = |&b: &u8| {
            if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            }
        };
        date_clues().iter().any(|(clue, edge)| {
            (0..(text.len() + 1).saturating_sub(clue.len())).any(|at| {
                let end = at + clue.len();
                text.is_char_boundary(at)
                    && text.as_bytes()[at..end]
                        .iter()
                        .map(fold)
                        .eq(clue.bytes().map(|b| fold(&b)))
                    && match edge {
                        ClueEdge::Anywhere => true,
                        ClueEdge::StartsWord => !joins_before(at),
                        ClueEdge::WholeWord => !joins_before(at) && !joins_after(end),
                    }
            })
        })
    }

    /// The characters [`may_start_chinese_date`] lets through.
    const HAN_DATE_STARTS: &str = "去今明前后後昨上本这這下周週星礼禮年次翌第当當同〇零一二两兩三四五六七八九十";

    #[test]
    fn the_han_characters_a_date_starts_at_are_in_the_chinese_vocabulary() {
        for c in char::MIN..=char::MAX {
            assert_eq!(may_start_chinese_date(c), HAN_DATE_STARTS.contains(c), "{c}");
        }
    }

    /// Every character that lower-cases to a letter of a clue word, other than that letter's
    /// ASCII other case, is spelled out among the clues.
    #[test]
    fn every_spelling_of_a_clue_word_is_a_clue() {
        let clues = date_clues();
        for upper in char::MIN..=char::MAX {
            let mut lower = upper.to_lowercase();
            let (Some(letter), None) = (lower.next(), lower.next()) else {
                continue;
            };
            if letter == upper || (upper.is_ascii() && letter.is_ascii()) {
                continue;
            }
            let in_a_word = clues
                .iter()
                .any(|(clue, edge)| *edge == ClueEdge::WholeWord && clue.contains(letter));
            assert!(
                !in_a_word || clues.iter().any(|(clue, _)| clue.contains(upper)),
                "{upper:?}"
            );
        }
    }

    #[test]
    fn a_line_without_clues_has_no_dates() {
        let reference = reference("2020-06-15");
        for (text, lang) in [
            ("The ambassador met the mayor.", Language::English),
            ("Der Botschafter traf den Bürgermeister.", Language::German),
        ] {
            assert!(!holds_a_date_clue(text));
            assert!(find_dates_in(text, reference, lang).is_empty());
        }
        for text in [
            "She arrived YESTERDAY.",
            "il y a un AN",
            "in der ANNÉE",
            "im O\u{212A}T.",
            "am Montagabend",
            "去年",
            "on the 5th",
        ] {
            assert!(holds_a_date_clue(text), "{text}");
        }
    }

    proptest! {
        // Short texts, many of them: every date the reader finds in one is a few pieces side by
        // side, which a long text would rarely leave without a unit elsewhere in it.
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn a_chinese_line_with_a_date_holds_a_clue(text in chinese_date_like_text()) {
            for lang in [Language::ChineseSimplified, Language::ChineseTraditional] {
                if !find_dates_in(&text, reference("2025-06-15"), lang).is_empty() {
                    prop_assert!(holds_a_date_clue(&text), "{text:?}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn a_line_with_a_date_holds_a_clue(
            text in date_like_text(),
            reference in any_reference(),
            odd in prop::sample::select(vec!["", "O\u{212A}T", "ANNÉE", "Montagabend", "ÜBERMORGEN", "an", "SEPT", "days"]),
        ) {
            let text = format!("{text} {odd}");
            for lang in [Language::English, Language::German, Language::French, Language::ChineseSimplified] {
                if !find_dates_in(&text, reference, lang).is_empty() {
                    prop_assert!(holds_a_date_clue(&text), "{text:?}");
                }
            }
        }

        #[test]
        fn never_panics_on_arbitrary_text(text in any::<String>(), reference in any_reference()) {
            let found = find_dates(&text, reference);
            check_invariants(&text, &found);
        }

        #[test]
        fn never_panics_on_date_like_text(text in date_like_text(), reference in any_reference()) {
            for lang in [Language::Undetermined, Language::French, Language::ChineseSimplified] {
                let found = find_dates_in(&text, reference, lang);
                check_invariants(&text, &found);
            }
        }
    }
}
