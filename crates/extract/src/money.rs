//! Money amounts in article text: currency, scale words, value, and a USD value.
//!
//! [`find_money`] reads English, German, French and Chinese (Simplified and Traditional) text
//! and returns every amount that names its currency, by a symbol or code before the number
//! (`$`, `US$`, `£`, `€`, `HK$`, `USD`, `RMB`, `人民币`…) or a word after it (`dollars`,
//! `Pfund`, `d'euros`, `美元`, `港元`…). A number without a currency is never money: plain
//! counts, percentages, years, dates and phone numbers are left alone.
//!
//! # Rules
//!
//! The text is scanned once. Each number is an anchor; the scanner looks back for a currency
//! prefix and forward for a range, a scale word and a currency word, and gives up at the first
//! piece that does not fit. Every rule is about the shape of the text, never about one article:
//!
//! - **Numbers.** A comma or period followed by a group of other than three digits is a decimal
//!   mark (`98,4`, `1.5`). A separator that repeats (`1,234,567`), or comes before a different
//!   one (`1.234,5`, `1,234.5`), separates thousands. A single separator followed by exactly
//!   three digits is read by the convention of the words around the number: English scale words
//!   (`million`, `bn`) and Chinese scales make the period decimal (`$1.375 billion`); German and
//!   French ones (`Mio.`, `Milliarden`, `millions de`) make the comma decimal (`1,234
//!   Milliarden`); with no such word it separates thousands (`400,000 yuan`, `7.000 Euro`), and
//!   after `$` or `£` a period is decimal (`$1.375`). Spaces (also U+00A0, U+202F, U+2009)
//!   and apostrophes separate thousands only before groups of exactly three digits; an ordinary
//!   space is not read as one before English words, so `May 15 400 million pounds` is 400
//!   million. The word for one before a scale word is the number one (`one billion pounds`,
//!   `eine Milliarde Pfund`, `un milliard d'euros`; not `half a billion`, nor `a
//!   billion-dollar deal`).
//! - **Scales.** `thousand`, `million`, `billion`, `trillion`, `m`, `mn`, `bn`, `k`, `tn`,
//!   `lakh`, `crore`; `Tausend`, `Mio.`, `Million(en)`, `Mrd.`, `Milliarde(n)`, `Billion(en)` (10¹²);
//!   `mille`, `million(s)`, `milliard(s)`, `Md`, `Mds`, `M€`, `billion(s) de` (10¹²);
//!   `十 百 千 万 萬 亿 億` in any chain (`2万亿` = 2×10¹²), after digits or in Chinese numerals
//!   (`三千五百万`). One-letter scales (`m`, `b`, `k`) count only when attached (`£5m`) or
//!   directly before a currency symbol (`5 M€`). `多`/`余`/`几` between a number and its scale
//!   (`3000多万美元`, `十几亿元`) is kept in the text and ignored in the value (a lower bound).
//! - **Currencies.** Bare `$`, `dollars` and `Dollar` are US dollars; `¥`/`￥` and bare `元` are
//!   renminbi (the atlas reads China news; write `JP¥` or `yen` for yen); Hong Kong, Taiwan,
//!   Singapore, Canadian and Australian dollars need their qualifier (`HK$`, `港元`, `Hong Kong
//!   dollars`, `NT$`…). A letter before `$` that names no known dollar (`NZ$`, `R$`) blocks the
//!   figure rather than guess. `pounds`, `Pfund`, `livres` and `won` are also a weight, books
//!   and a verb, so without a prefix they need a scale word or `sterling`: `40 billion pounds`
//!   is money, `300 pounds` is not.
//! - **Ranges.** `$1-2 billion`, `1–2亿元`, `5 bis 10 Millionen Euro`, `$5 and $10 million`
//!   give one figure spanning the whole range, valued at its **lower bound** with the shared
//!   scale and currency; with `and`/`or`/`und`/`et`/`ou` the second number must repeat the
//!   prefix or carry the currency word.
//! - **Not money.** A year-like bare number after `in`/`constant`/`real` (`in 2015 dollars`);
//!   a number glued to letters (`A380`, `5G`) or followed by `%`; `元` in words such as `元首`,
//!   `元素`, `多元化`; `5日元首` after a month (a date, not yen).

use serde::Serialize;
use std::fmt;

/// One money amount found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MoneyFigure {
    /// The amount exactly as written, e.g. `98,4 Milliarden Dollar`.
    pub text: String,
    /// Byte offset of the first byte of `text` in the input.
    pub start: usize,
    /// Byte offset just past `text` in the input.
    pub end: usize,
    /// The amount in units of `currency`; the lower bound for a range.
    pub value: f64,
    /// The currency; serialised as its ISO 4217 code.
    pub currency: Currency,
    /// `value` in US dollars at the yearly average rate (see [`usd_per_unit`]).
    pub value_usd: Option<f64>,
}

/// The currencies the scanner recognises.
///
/// Serialises as the ISO 4217 code (`"USD"`, `"GBP"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    Usd,
    Gbp,
    Eur,
    /// Renminbi (yuan).
    Cny,
    Hkd,
    Jpy,
    Chf,
    Cad,
    Aud,
    /// New Taiwan dollar.
    Twd,
    Sgd,
    /// South Korean won.
    Krw,
    /// Indian rupee.
    Inr,
}

impl Currency {
    /// Every currency, in declaration order.
    pub const ALL: [Currency; 13] = [
        Currency::Usd,
        Currency::Gbp,
        Currency::Eur,
        Currency::Cny,
        Currency::Hkd,
        Currency::Jpy,
        Currency::Chf,
        Currency::Cad,
        Currency::Aud,
        Currency::Twd,
        Currency::Sgd,
        Currency::Krw,
        Currency::Inr,
    ];

    /// The ISO 4217 code, as in the JSON output.
    ///
    /// # Example
    /// ```
    /// use atlas_extract::money::Currency;
    /// assert_eq!(Currency::Cny.code(), "CNY");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Gbp => "GBP",
            Currency::Eur => "EUR",
            Currency::Cny => "CNY",
            Currency::Hkd => "HKD",
            Currency::Jpy => "JPY",
            Currency::Chf => "CHF",
            Currency::Cad => "CAD",
            Currency::Aud => "AUD",
            Currency::Twd => "TWD",
            Currency::Sgd => "SGD",
            Currency::Krw => "KRW",
            Currency::Inr => "INR",
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Finds the money amounts in `text`, in order of position.
///
/// `year` is the year the amounts refer to (usually the publication year) and picks the
/// exchange rate for `value_usd`; `None` uses the latest year of the rate table. The rules are
/// in the [module documentation](self).
///
/// # Example
/// ```
/// use atlas_extract::money::{find_money, Currency};
/// let text = "Der Handel wird 98,4 Milliarden Dollar erreichen, nach £1.4bn im Vorjahr.";
/// let found = find_money(text, Some(2019));
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].text, "98,4 Milliarden Dollar");
/// assert_eq!(found[0].value, 98_400_000_000.0);
/// assert_eq!(found[0].value_usd, Some(98_400_000_000.0));
/// assert_eq!(found[1].currency, Currency::Gbp);
/// assert_eq!(&text[found[1].start..found[1].end], "£1.4bn");
/// ```
pub fn find_money(text: &str, year: Option<i32>) -> Vec<MoneyFigure> {
    let year = year.unwrap_or(LAST_RATE_YEAR);
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Figures never overlap: a prefix may not reach back into the previous figure.
    let mut floor = 0;
    let mut i = 0;
    while i < bytes.len() {
        let Some(anchor) = next_anchor(bytes, i) else {
            break;
        };
        i = anchor;
        if !bytes[i].is_ascii_digit() && digit_at(bytes, i).is_none() {
            let c = char_at(text, i).unwrap_or('\0');
            if !is_han_numeral_start(c) {
                i += c.len_utf8().max(1);
                continue;
            }
        }
        match figure_at(text, i, floor) {
            Step::Found(raw) => {
                found.push(raw.figure(text, year));
                floor = raw.end;
                i = raw.end;
            }
            Step::Skip(next) => i = next.max(i + 1),
        }
        // `i` may have stepped into a character (`max(i + 1)`); move to the next boundary.
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    add_spelled_one(text, year, &mut found);
    found
}

/// `one billion pounds`, `eine Milliarde Pfund`, `un milliard d'euros`: a scale word after the
/// word for one, and a currency. Looked for only where a scale word's `illi` stands (`million`,
/// `billion`, `Milliarde`, `milliard`).
fn add_spelled_one(text: &str, year: i32, found: &mut Vec<MoneyFigure>) {
    const ONE: &[&str] = &["one", "a", "an", "eine", "einer", "einem", "un"];
    let mut from = 0;
    while let Some(at) = crate::language::find_str(&text[from..], "illi").map(|at| from + at) {
        from = at + "illi".len();
        // Where the word that ends at `end` starts (after a character that is no letter).
        let word_start = |end: usize| {
            text[..end]
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(0, |(space, c)| space + c.len_utf8())
        };
        let Some(before) = text[..word_start(at)].strip_suffix(' ') else {
            continue;
        };
        let one_at = word_start(before.len());
        // `half a billion`: the word before says what part of one.
        let part_before = text[..one_at].trim_end().rsplit(' ').next().is_some_and(|w| {
            ["half", "quarter", "third", "halbe", "halben", "demi"].contains(&w.to_ascii_lowercase().as_str())
        });
        if !ONE.iter().any(|one| before[one_at..].eq_ignore_ascii_case(one)) || part_before {
            continue;
        }
        let tail = parse_tail(text, before.len(), false);
        // `a billion-dollar deal` describes the deal, it states no sum.
        let described = text[tail.scale_end..].starts_with('-');
        let Some((currency, end)) = tail.currency.filter(|_| tail.has_scale && !described) else {
            continue;
        };
        if found.iter().any(|f| f.start < end && one_at < f.end) {
            continue;
        }
        let raw = RawFigure {
            start: one_at,
            end,
            mantissa: 1,
            exponent: tail.exponent,
            currency,
        };
        let at = found.partition_point(|f| f.start < one_at);
        found.insert(at, raw.figure(text, year));
        from = end.max(from);
    }
}

/// What every currency [`find_money`] reads holds, ASCII letters in lower case: a text in which
/// none of these occurs (ASCII letters in any case) holds no figure. Every figure needs a
/// currency, before or after its number, and a currency's every spelling contains one of these;
/// the sentence reader's one scan for cues looks for them too, and passes over the figures of
/// sentences without (most sentences, and in Chinese text each numeral is otherwise a place a
/// figure might start).
pub(crate) const MONEY_CLUES: &[&str] = &[
    "$", "€", "£", "¥", "￥", "₩", "₹", "dollar", "pound", "sterling", "pfund", "livre", "eur", "yuan", "renminbi",
    "rmb", "cny", "yen", "jpy", "franc", "franken", "chf", "won", "krw", "rupee", "roupie", "rupien", "inr", "usd",
    "gbp", "hkd", "cad", "aud", "twd", "ntd", "sgd", "元", "圆", "圓", "币", "幣", "镑", "鎊", "美金", "法郎", "卢比",
    "盧比",
];

/// First year of the rate table; earlier years use its rates.
pub const FIRST_RATE_YEAR: i32 = 2000;
/// Last year of the rate table; later years, and `find_money(_, None)`, use its rates.
pub const LAST_RATE_YEAR: i32 = 2026;

/// US dollars per unit of `currency`, averaged over `year`.
///
/// The table holds the yearly averages of the US Federal Reserve's foreign exchange rates
/// (the annual averages of release G.5A; for the pound, the mean of its twelve monthly H.10
/// averages), 2000–2026, transcribed and rounded to 4 significant digits. 2026 is the average of January to June 2026 only, so it is provisional.
/// Each row keeps the Fed's quoting direction: US dollars per unit for the pound, the euro and
/// the Australian dollar, units per US dollar for the others; this function inverts the latter.
/// Years outside the table use the nearest year; `Usd` is always 1.0. `None` is returned only
/// for a currency without a row (today every [`Currency`] has one).
///
/// # Example
/// ```
/// use atlas_extract::money::{usd_per_unit, Currency};
/// assert_eq!(usd_per_unit(Currency::Gbp, 2014), Some(1.647));
/// assert!((usd_per_unit(Currency::Cny, 2016).unwrap() - 1.0 / 6.64).abs() < 1e-9);
/// assert_eq!(usd_per_unit(Currency::Eur, 1990), usd_per_unit(Currency::Eur, 2000));
/// assert_eq!(usd_per_unit(Currency::Usd, 2019), Some(1.0));
/// ```
pub fn usd_per_unit(currency: Currency, year: i32) -> Option<f64> {
    if currency == Currency::Usd {
        return Some(1.0);
    }
    let index = (year.clamp(FIRST_RATE_YEAR, LAST_RATE_YEAR) - FIRST_RATE_YEAR) as usize;
    let (_, quote, rates) = RATES.iter().find(|(c, _, _)| *c == currency)?;
    let rate = rates[index];
    Some(match quote {
        Quote::UsdPerUnit => rate,
        Quote::UnitsPerUsd => 1.0 / rate,
    })
}

/// Which way a row of [`RATES`] is quoted (as the Federal Reserve quotes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    UsdPerUnit,
    UnitsPerUsd,
}

/// Yearly average exchange rates, one column per year from [`FIRST_RATE_YEAR`] to
/// [`LAST_RATE_YEAR`].
///
/// Source: US Federal Reserve foreign exchange rates, annual averages (G.5A; for the pound,
/// and for the provisional 2026 column, the mean of the monthly H.10 averages), transcribed
/// and rounded to 4 significant digits. Kept in the Fed's quoting direction; see
/// [`usd_per_unit`].
#[rustfmt::skip]
#[allow(clippy::approx_constant)] // CNY 2015 is 6.283 yuan to the dollar, not τ.
const RATES: [(Currency, Quote, [f64; 27]); 12] = [
    //                                     2000    2001    2002    2003    2004    2005    2006    2007    2008    2009    2010    2011    2012    2013    2014    2015    2016    2017    2018    2019    2020    2021    2022    2023    2024    2025    2026
    (Currency::Gbp, Quote::UsdPerUnit,  [1.516,  1.440,  1.502,  1.635,  1.833,  1.820,  1.843,  2.002,  1.852,  1.565,  1.547,  1.604,  1.586,  1.565,  1.647,  1.529,  1.355,  1.289,  1.336,  1.277,  1.284,  1.376,  1.237,  1.244,  1.278,  1.319,  1.346]),
    (Currency::Eur, Quote::UsdPerUnit,  [0.9232, 0.8952, 0.9454, 1.132,  1.244,  1.245,  1.256,  1.371,  1.473,  1.394,  1.326,  1.393,  1.286,  1.328,  1.330,  1.110,  1.107,  1.130,  1.182,  1.119,  1.141,  1.183,  1.053,  1.082,  1.082,  1.131,  1.167]),
    (Currency::Aud, Quote::UsdPerUnit,  [0.5815, 0.5169, 0.5437, 0.6524, 0.7365, 0.7627, 0.7535, 0.8391, 0.8537, 0.7927, 0.9200, 1.033,  1.036,  0.9683, 0.9034, 0.7522, 0.7445, 0.7671, 0.7481, 0.6952, 0.6899, 0.7515, 0.6951, 0.6644, 0.6597, 0.6450, 0.7029]),
    (Currency::Cny, Quote::UnitsPerUsd, [8.278,  8.277,  8.277,  8.277,  8.277,  8.194,  7.972,  7.606,  6.948,  6.831,  6.770,  6.463,  6.309,  6.148,  6.162,  6.283,  6.640,  6.757,  6.609,  6.908,  6.904,  6.451,  6.729,  7.081,  7.196,  7.188,  6.863]),
    (Currency::Hkd, Quote::UnitsPerUsd, [7.792,  7.800,  7.800,  7.787,  7.789,  7.777,  7.768,  7.802,  7.786,  7.751,  7.769,  7.784,  7.757,  7.756,  7.755,  7.752,  7.762,  7.793,  7.838,  7.835,  7.756,  7.773,  7.831,  7.829,  7.803,  7.796,  7.824]),
    (Currency::Jpy, Quote::UnitsPerUsd, [107.8,  121.6,  125.2,  115.9,  108.2,  110.1,  116.3,  117.8,  103.4,  93.68,  87.78,  79.70,  79.82,  97.60,  105.7,  121.0,  108.7,  112.1,  110.4,  109.0,  106.8,  109.8,  131.5,  140.5,  151.5,  149.6,  158.1]),
    (Currency::Chf, Quote::UnitsPerUsd, [1.690,  1.689,  1.557,  1.345,  1.243,  1.246,  1.253,  1.200,  1.082,  1.086,  1.043,  0.8862, 0.9377, 0.9269, 0.9147, 0.9628, 0.9848, 0.9842, 0.9784, 0.9937, 0.9389, 0.9144, 0.9550, 0.8984, 0.8808, 0.8305, 0.7866]),
    (Currency::Cad, Quote::UnitsPerUsd, [1.486,  1.549,  1.570,  1.401,  1.302,  1.212,  1.134,  1.073,  1.066,  1.141,  1.030,  0.9887, 0.9995, 1.030,  1.104,  1.279,  1.324,  1.298,  1.296,  1.327,  1.342,  1.253,  1.301,  1.349,  1.370,  1.397,  1.377]),
    (Currency::Twd, Quote::UnitsPerUsd, [31.26,  33.82,  34.54,  34.40,  33.37,  32.13,  32.51,  32.85,  31.52,  33.02,  31.50,  29.38,  29.56,  29.68,  30.30,  31.74,  32.23,  30.40,  30.13,  30.90,  29.46,  27.94,  29.80,  31.15,  32.11,  31.17,  31.61]),
    (Currency::Sgd, Quote::UnitsPerUsd, [1.725,  1.793,  1.791,  1.743,  1.690,  1.664,  1.588,  1.506,  1.414,  1.454,  1.363,  1.256,  1.249,  1.251,  1.266,  1.375,  1.380,  1.380,  1.349,  1.364,  1.380,  1.344,  1.379,  1.343,  1.336,  1.306,  1.277]),
    (Currency::Krw, Quote::UnitsPerUsd, [1131.0, 1292.0, 1250.0, 1192.0, 1145.0, 1024.0, 954.3,  929.0,  1099.0, 1275.0, 1156.0, 1107.0, 1126.0, 1095.0, 1052.0, 1131.0, 1159.0, 1129.0, 1099.0, 1166.0, 1181.0, 1145.0, 1292.0, 1307.0, 1363.0, 1421.0, 1482.0]),
    (Currency::Inr, Quote::UnitsPerUsd, [45.00,  47.22,  48.63,  46.59,  45.26,  44.00,  45.19,  41.18,  43.39,  48.33,  45.65,  46.58,  53.37,  58.51,  61.00,  64.11,  67.16,  65.07,  68.37,  70.38,  74.14,  73.94,  78.58,  82.57,  83.66,  87.15,  93.07]),
];

// ---------------------------------------------------------------------------------------------
// Scanning

/// Which mark a number uses for decimals, as told by the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Convention {
    /// Nothing decisive: a lone separator before three digits separates thousands.
    Unknown,
    /// English and Chinese: `1,234.5`.
    DotDecimal,
    /// German and French: `1.234,5`, `1 234,5`.
    CommaDecimal,
}

impl Convention {
    fn or(self, other: Convention) -> Convention {
        if self == Convention::Unknown {
            other
        } else {
            self
        }
    }
}

/// What the scanner made of one anchor.
enum Step {
    Found(RawFigure),
    /// No figure here; resume scanning at this byte offset.
    Skip(usize),
}

/// A figure before it is turned into a [`MoneyFigure`].
struct RawFigure {
    start: usize,
    end: usize,
    mantissa: u64,
    /// Power of ten to multiply `mantissa` by.
    exponent: i32,
    currency: Currency,
}

impl RawFigure {
    fn value(&self) -> f64 {
        scaled(self.mantissa, self.exponent)
    }

    /// The figure as found in `text`, with its value in US dollars at `year`'s rate.
    fn figure(&self, text: &str, year: i32) -> MoneyFigure {
        let value = self.value();
        MoneyFigure {
            text: text[self.start..self.end].to_string(),
            start: self.start,
            end: self.end,
            value,
            currency: self.currency,
            value_usd: usd_per_unit(self.currency, year).map(|rate| value * rate),
        }
    }
}

/// `mantissa × 10^exponent` with a single rounding, so `98,4 Milliarden` is exactly
/// `98_400_000_000.0` and `1.4` is the same double as the literal `1.4`.
fn scaled(mantissa: u64, exponent: i32) -> f64 {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    let m = mantissa as f64;
    let e = exponent.unsigned_abs() as usize;
    let power = POW10.get(e).copied().unwrap_or_else(|| 10f64.powi(e as i32));
    if exponent >= 0 {
        m * power
    } else {
        m / power
    }
}

/// A currency written before the number.
#[derive(Clone, Copy)]
struct Prefix {
    start: usize,
    /// End of the prefix itself (before any space); a range may repeat `[start..end]`.
    end: usize,
    currency: Currency,
    convention: Convention,
}

enum PrefixLookup {
    None,
    Found(Prefix),
    /// A currency sign we cannot name (`NZ$`): the figure is skipped rather than guessed.
    Blocked,
}

/// Everything after a number: scale, currency, and where each ends.
#[derive(Clone, Copy)]
struct Tail {
    /// Power of ten from scale words.
    exponent: i32,
    has_scale: bool,
    /// End of the number and scale (and `多`), before any currency word.
    scale_end: usize,
    /// The currency written after the number, with the end of its text.
    currency: Option<(Currency, usize)>,
    /// The currency word is the generic `元`, which defers to a prefix (`港币100亿元`).
    generic_yuan: bool,
    convention: Convention,
    /// The number carried Chinese scale or currency characters.
    chinese: bool,
}

/// The number at an anchor.
#[derive(Clone, Copy)]
enum Number {
    /// Digits with separators in `[start..end]`; read once the convention is known.
    Latin { start: usize, end: usize },
    /// A Chinese numeral, already evaluated; `has_unit` if it contains 十/百/千/万/亿.
    Han { end: usize, value: u64, has_unit: bool },
}

impl Number {
    fn end(self) -> usize {
        match self {
            Number::Latin { end, .. } | Number::Han { end, .. } => end,
        }
    }
}

/// Reads the amount whose number starts at `anchor`, if it is one; `floor` is the end of the
/// previous figure, which a prefix may not reach into.
fn figure_at(text: &str, anchor: usize, floor: usize) -> Step {
    let bytes = text.as_bytes();
    let number = if digit_at(bytes, anchor).is_some() {
        Number::Latin {
            start: anchor,
            end: lex_latin_number(text, anchor),
        }
    } else {
        match lex_han_numeral(text, anchor) {
            Some((end, value, has_unit)) => Number::Han { end, value, has_unit },
            None => return Step::Skip(skip_han_numerals(text, anchor)),
        }
    };
    let number_end = number.end();

    let prefix = match prefix_before(text, anchor, floor) {
        PrefixLookup::Blocked => return Step::Skip(number_end),
        PrefixLookup::Found(prefix) => Some(prefix),
        PrefixLookup::None => {
            // A number glued to letters is part of a name (`A380`, `G20`), not an amount.
            if char_before(text, anchor).is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Step::Skip(skip_ascii_word(text, anchor));
            }
            None
        }
    };

    let han = matches!(number, Number::Han { .. });
    let mut tail = parse_tail(text, number_end, han);
    let mut upper: Option<Number> = None;
    if !tail.has_scale {
        if let Some((second, second_tail)) = range_after(text, number_end, prefix, han) {
            upper = Some(second);
            tail = second_tail;
        }
    }

    // A Chinese numeral is money only with Chinese scale or currency characters, and bare 元
    // only when the amount has a unit (`三元` is a term, `三千元` an amount).
    if let Number::Han { has_unit, .. } = number {
        if !tail.chinese || (tail.generic_yuan && !has_unit && !tail.has_scale && prefix.is_none()) {
            return Step::Skip(number_end);
        }
    }

    let (currency, end) = match (prefix, tail.currency) {
        (Some(p), Some((c, end))) if c == p.currency || tail.generic_yuan => (p.currency, end),
        (Some(p), _) => (p.currency, tail.scale_end),
        (None, Some((c, end))) => (c, end),
        (None, None) => return Step::Skip(number_end),
    };
    if end == number_end && upper.is_none() {
        // Only a prefix: the number must stand alone (`$5G`, `¥2019年`, `€5%` are not money).
        if char_at(text, end).is_some_and(|c| c.is_alphanumeric() || c == '%' || c == '‰') {
            return Step::Skip(number_end);
        }
    }

    let mut convention = tail.convention;
    if let Some(p) = prefix {
        convention = convention.or(p.convention);
    }
    let (mantissa, frac_digits) = match number {
        Number::Latin { start, end } => {
            let Some(read) = read_latin_number(text, start, end, convention) else {
                return Step::Skip(number_end);
            };
            if let (Some(next_group), Convention::DotDecimal) = (read.plain_space, convention) {
                // `May 15 400 million pounds`: English does not group digits with plain spaces.
                return Step::Skip(next_group);
            }
            (read.mantissa, read.frac_digits)
        }
        Number::Han { value, .. } => (value, 0),
    };
    if let Some(Number::Latin { start, end }) = upper {
        if read_latin_number(text, start, end, convention).is_none() {
            return Step::Skip(number_end);
        }
    }

    if prefix.is_none() && !tail.has_scale && upper.is_none() && is_year_reference(text, number) {
        return Step::Skip(number_end);
    }

    let exponent = tail.exponent - frac_digits as i32;
    Step::Found(RawFigure {
        start: prefix.map_or(anchor, |p| p.start),
        end,
        mantissa,
        exponent,
        currency,
    })
}

/// `in 2015 dollars`, `constant 2010 prices`: a year naming a price level, not an amount.
fn is_year_reference(text: &str, number: Number) -> bool {
    let Number::Latin { start, end } = number else {
        return false;
    };
    let digits = &text[start..end];
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let year: u32 = digits.parse().unwrap_or(0);
    if !(1900..=2100).contains(&year) {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '\u{A0}']);
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    ["in", "constant", "real", "nominal"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// A second number joined by a range connector, and the tail after it.
fn range_after(text: &str, pos: usize, prefix: Option<Prefix>, han: bool) -> Option<(Number, Tail)> {
    if han {
        return None;
    }
    /// How much the second number must show to make a range with the first.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Join {
        /// A dash: with a prefix, a bare number will do (`£5-10`).
        Dash,
        /// A word: the second number needs a scale or currency (`1 to 2 billion dollars`).
        Word,
        /// A list word: the second number repeats the prefix or names the currency.
        List,
    }
    const CONNECTORS: [(&str, Join); 16] = [
        (" - ", Join::Dash),
        ("-", Join::Dash),
        (" – ", Join::Dash),
        ("–", Join::Dash),
        ("~", Join::Dash),
        ("～", Join::Dash),
        ("至", Join::Word),
        ("到", Join::Word),
        (" to ", Join::Word),
        (" bis ", Join::Word),
        (" à ", Join::Word),
        (" and ", Join::List),
        (" or ", Join::List),
        (" und ", Join::List),
        (" et ", Join::List),
        (" ou ", Join::List),
    ];
    let (after, join) = CONNECTORS
        .iter()
        .find_map(|&(connector, join)| match_phrase(text, pos, connector, false).map(|end| (end, join)))?;
    let mut second = after;
    let mut repeated = false;
    if let Some(p) = prefix {
        let symbol = &text[p.start..p.end];
        if text[second..].starts_with(symbol) {
            second = skip_space(text, second + symbol.len());
            repeated = true;
        }
    }
    digit_at(text.as_bytes(), second)?;
    let end = lex_latin_number(text, second);
    let tail = parse_tail(text, end, false);
    let bare = !tail.has_scale && tail.currency.is_none();
    let ok = match join {
        Join::List => (repeated && tail.has_scale) || tail.currency.is_some(),
        Join::Word => !bare,
        // `$5-10%`, `$1-2nd` are not ranges of money.
        Join::Dash => {
            !bare || (prefix.is_some() && !char_at(text, end).is_some_and(|c| c.is_alphanumeric() || c == '%'))
        }
    };
    if !ok {
        return None;
    }
    Some((Number::Latin { start: second, end }, tail))
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// Whether `text` may hold two figures (as two clauses of it): every figure [`find_money`]
/// finds is read from an anchor of its own.
pub(crate) fn may_hold_two_figures(text: &str) -> bool {
    let bytes = text.as_bytes();
    next_anchor(bytes, 0).is_some_and(|first| next_anchor(bytes, first + 1).is_some())
}

/// Whether a figure may start at byte `b`: anchors are ASCII digits, fullwidth digits (lead
/// byte EF) and the Han numerals a figure begins with, `一`…`九`, `两`, `兩` and `十` (lead
/// bytes E4 and E5); all other bytes, continuation bytes included, are passed over. In Han
/// text, most characters have other lead bytes.
fn is_anchor(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, 0xE4 | 0xE5 | 0xEF)
}

/// The first [`is_anchor`] byte of `bytes` from `from` on. Eight bytes at a time: a byte is
/// looked at only when its high nibble is 3 or E (digits are 0x30–0x39, the lead bytes 0xE4,
/// 0xE5 and 0xEF), which letters, spaces and most punctuation never have.
fn next_anchor(bytes: &[u8], from: usize) -> Option<usize> {
    // Right after a digit, or a Han numeral, comes the next one: told at once.
    if bytes.get(from).is_some_and(|&b| is_anchor(b)) {
        return Some(from);
    }
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Whether some byte of `x` is zero.
    let has_zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & (ONES * 0x80) != 0;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let high_nibbles = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & (ONES * 0xF0);
        if has_zero_byte(high_nibbles ^ (ONES * 0x30)) || has_zero_byte(high_nibbles ^ (ONES * 0xE0)) {
            if let Some(k) = chunk.iter().position(|&b| is_anchor(b)) {
                return Some(at + k);
            }
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(|&b| is_anchor(b)).map(|k| at + k)
}

/// The digit at byte `i` (ASCII or fullwidth) and its length in bytes.
fn digit_at(bytes: &[u8], i: usize) -> Option<(u8, usize)> {
    match *bytes.get(i)? {
        b @ b'0'..=b'9' => Some((b - b'0', 1)),
        0xEF if bytes.get(i + 1) == Some(&0xBC) => match bytes.get(i + 2) {
            Some(&b @ 0x90..=0x99) => Some((b - 0x90, 3)),
            _ => None,
        },
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Comma,
    Dot,
    /// An ordinary space: a thousands separator only in continental numbers.
    PlainSpace,
    /// U+00A0, U+202F, U+2009, U+2007: always a thousands separator.
    FixedSpace,
    Apostrophe,
}

impl Sep {
    /// Separators that may stand for each other within one number.
    fn kind(self) -> Sep {
        match self {
            Sep::FixedSpace => Sep::PlainSpace,
            other => other,
        }
    }
}

fn sep_at(text: &str, i: usize) -> Option<(Sep, usize)> {
    let c = char_at(text, i)?;
    let sep = match c {
        ',' => Sep::Comma,
        '.' => Sep::Dot,
        ' ' => Sep::PlainSpace,
        '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' => Sep::FixedSpace,
        '\'' | '’' => Sep::Apostrophe,
        _ => return None,
    };
    Some((sep, c.len_utf8()))
}

/// Digits from byte `i`: (end, count).
fn digit_run(bytes: &[u8], mut i: usize) -> (usize, usize) {
    let mut count = 0;
    while let Some((_, len)) = digit_at(bytes, i) {
        i += len;
        count += 1;
    }
    (i, count)
}

/// The end of the number starting at `start`: digits, and separators followed by digits.
/// Spaces and apostrophes join only groups of exactly three digits after a group of one to
/// three (`1 234 567`, never `2019 400`).
fn lex_latin_number(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut end, mut group) = digit_run(bytes, start);
    while let Some((sep, len)) = sep_at(text, end) {
        let (next_end, count) = digit_run(bytes, end + len);
        if count == 0 {
            break;
        }
        if matches!(sep, Sep::PlainSpace | Sep::FixedSpace | Sep::Apostrophe) && (count != 3 || group > 3) {
            break;
        }
        end = next_end;
        group = count;
    }
    end
}

struct ReadNumber {
    mantissa: u64,
    frac_digits: u32,
    /// The number uses ordinary spaces as thousands separators; the first group after one
    /// starts at `first_space_end`.
    plain_space: Option<usize>,
}

/// Reads the digits and separators in `[start..end]` by the rules in the module docs;
/// `None` if they do not make a well-formed number (`1,23,456`, `15.05.2025`).
fn read_latin_number(text: &str, start: usize, end: usize, convention: Convention) -> Option<ReadNumber> {
    let bytes = text.as_bytes();
    // Pass 1: the separators, to find the decimal mark. Only the last one can be decimal.
    let (mut i, first_group) = digit_run(bytes, start);
    let leading_zero = digit_at(bytes, start).is_some_and(|(d, _)| d == 0);
    let mut seps = 0usize;
    let mut counts = [0usize; 4];
    let mut last: Option<Sep> = None;
    let mut last_group = 0usize;
    let mut plain_space = None;
    while i < end {
        let (sep, len) = sep_at(text, i)?;
        seps += 1;
        counts[sep_index(sep)] += 1;
        last = Some(sep);
        if sep == Sep::PlainSpace && plain_space.is_none() {
            plain_space = Some(i + len);
        }
        let (run_end, count) = digit_run(bytes, i + len);
        last_group = count;
        i = run_end;
    }
    let decimal = match last {
        Some(l @ (Sep::Comma | Sep::Dot)) => {
            if last_group != 3 || (seps == 1 && leading_zero && first_group == 1) {
                Some(seps - 1)
            } else if counts[sep_index(l)] > 1 {
                None
            } else if seps > 1 {
                Some(seps - 1)
            } else {
                match (l, convention) {
                    (Sep::Comma, Convention::CommaDecimal) | (Sep::Dot, Convention::DotDecimal) => Some(0),
                    _ => None,
                }
            }
        }
        _ => None,
    };
    let thousands_seps = seps - usize::from(decimal.is_some());
    // Pass 2: check the groups and read the digits.
    let mut mantissa: u64 = 0;
    let mut frac_digits = 0u32;
    let mut thousands: Option<Sep> = None;
    let mut in_fraction = false;
    let mut index = 0usize;
    let mut i = start;
    loop {
        let (run_end, count) = digit_run(bytes, i);
        while i < run_end {
            let (d, len) = digit_at(bytes, i)?;
            mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(d))?;
            i += len;
        }
        if in_fraction {
            frac_digits = u32::try_from(count).ok()?;
        } else if index == 0 {
            if thousands_seps > 0 && (count > 3 || leading_zero) {
                return None;
            }
        } else if count != 3 {
            return None;
        }
        if i >= end {
            break;
        }
        let (sep, len) = sep_at(text, i)?;
        if decimal == Some(index) {
            if thousands == Some(sep.kind()) {
                return None;
            }
            in_fraction = true;
        } else {
            if thousands.is_some_and(|t| t != sep.kind()) {
                return None;
            }
            thousands = Some(sep.kind());
        }
        index += 1;
        i += len;
    }
    Some(ReadNumber {
        mantissa,
        frac_digits,
        plain_space,
    })
}

fn sep_index(sep: Sep) -> usize {
    match sep {
        Sep::Comma => 0,
        Sep::Dot => 1,
        Sep::PlainSpace | Sep::FixedSpace => 2,
        Sep::Apostrophe => 3,
    }
}

/// A Chinese numeral character.
#[derive(Clone, Copy)]
enum HanNumeral {
    Digit(u64),
    Zero,
    /// 十 百 千 (power of ten).
    Small(i32),
    /// 万 萬 (10⁴) and 亿 億 (10⁸).
    Large(i32),
}

fn han_numeral(c: char) -> Option<HanNumeral> {
    Some(match c {
        '〇' | '零' => HanNumeral::Zero,
        '一' => HanNumeral::Digit(1),
        '二' | '两' | '兩' => HanNumeral::Digit(2),
        '三' => HanNumeral::Digit(3),
        '四' => HanNumeral::Digit(4),
        '五' => HanNumeral::Digit(5),
        '六' => HanNumeral::Digit(6),
        '七' => HanNumeral::Digit(7),
        '八' => HanNumeral::Digit(8),
        '九' => HanNumeral::Digit(9),
        '十' => HanNumeral::Small(1),
        '百' => HanNumeral::Small(2),
        '千' => HanNumeral::Small(3),
        '万' | '萬' => HanNumeral::Large(4),
        '亿' | '億' => HanNumeral::Large(8),
        _ => return None,
    })
}

fn is_han_numeral_start(c: char) -> bool {
    matches!(han_numeral(c), Some(HanNumeral::Digit(_) | HanNumeral::Small(1)))
}

/// Past a run of Chinese numeral characters.
fn skip_han_numerals(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i).filter(|&c| han_numeral(c).is_some()) {
        i += c.len_utf8();
    }
    i
}

/// Evaluates the Chinese numeral at `start` (`三千五百万` = 35 000 000, `两万亿`, `十亿`):
/// (end, value, has a unit character). `None` for digit strings without units (`一二`).
fn lex_han_numeral(text: &str, start: usize) -> Option<(usize, u64, bool)> {
    let mut total: u64 = 0; // finished 亿 sections
    let mut section: u64 = 0; // finished 万 part below 亿
    let mut small: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut has_unit = false;
    let mut i = start;
    while let Some(c) = char_at(text, i) {
        let Some(numeral) = han_numeral(c) else { break };
        match numeral {
            HanNumeral::Digit(d) => {
                if digit.is_some() {
                    return None;
                }
                digit = Some(d);
            }
            HanNumeral::Zero => digit = None,
            HanNumeral::Small(p) => {
                small = small.checked_add(digit.unwrap_or(1).checked_mul(10u64.pow(p as u32))?)?;
                digit = None;
                has_unit = true;
            }
            HanNumeral::Large(4) => {
                let part = small.checked_add(digit.unwrap_or(0))?;
                section = section.checked_add(part.checked_mul(10_000)?)?;
                small = 0;
                digit = None;
                has_unit = true;
            }
            HanNumeral::Large(_) => {
                let part = total
                    .checked_add(section)?
                    .checked_add(small)?
                    .checked_add(digit.unwrap_or(0))?;
                total = part.checked_mul(100_000_000)?;
                section = 0;
                small = 0;
                digit = None;
                has_unit = true;
            }
        }
        i += c.len_utf8();
    }
    let value = total
        .checked_add(section)?
        .checked_add(small)?
        .checked_add(digit.unwrap_or(0))?;
    Some((i, value, has_unit))
}

// ---------------------------------------------------------------------------------------------
// Words after the number

/// Scale and currency after a number ending at `pos`.
fn parse_tail(text: &str, pos: usize, han_number: bool) -> Tail {
    if let Some(tail) = chinese_tail(text, pos) {
        return tail;
    }
    let none = Tail {
        exponent: 0,
        has_scale: false,
        scale_end: pos,
        currency: None,
        generic_yuan: false,
        convention: Convention::Unknown,
        chinese: false,
    };
    if han_number {
        return none;
    }
    let mut tail = none;
    let mut scale_convention = Convention::Unknown;
    let mut billion = false;
    let mut q = pos;
    if let Some((scale, end)) = latin_scale(text, pos) {
        tail.exponent = scale.exponent;
        tail.has_scale = true;
        scale_convention = scale.convention;
        billion = scale.text == "billion";
        q = end;
        tail.scale_end = end;
    }
    // French `de`/`d'` between scale and currency.
    if tail.has_scale {
        let gap = skip_space(text, q);
        if gap > q {
            for joiner in ["de ", "d'"] {
                if let Some(after) = match_phrase(text, gap, joiner, false) {
                    if let Some((word, end)) = latin_currency(text, after, true) {
                        tail.currency = Some((word.currency, end));
                        tail.convention = Convention::CommaDecimal;
                        if billion {
                            tail.exponent = 12;
                        }
                        return tail;
                    }
                }
            }
        }
    }
    if let Some((word, end)) = latin_currency_after(text, q, tail.has_scale) {
        tail.currency = Some((word.currency, end));
        tail.convention = scale_convention.or(word.convention);
    } else {
        tail.convention = scale_convention;
    }
    tail
}

/// Chinese scale characters and currency after a number: `多万美元`, `亿元`, ` 万美元`.
/// `多`, `余` and `几` ("and more", `十几亿` = 1x亿) are kept in the text; the value is the
/// lower bound.
fn chinese_tail(text: &str, pos: usize) -> Option<Tail> {
    let mut q = pos;
    if let Some(c @ ('多' | '余' | '餘' | '几' | '幾')) = char_at(text, q) {
        q += c.len_utf8();
    } else if let Some(c) = char_at(text, q).filter(|&c| is_space(c)) {
        // `5000 万美元`: one space before a Chinese scale or currency.
        q += c.len_utf8();
    }
    let mut exponent = 0;
    let mut has_scale = false;
    while let Some(c) = char_at(text, q) {
        let Some(HanNumeral::Small(p) | HanNumeral::Large(p)) = han_numeral(c) else {
            break;
        };
        exponent += p;
        has_scale = true;
        q += c.len_utf8();
    }
    let scale_end = if has_scale { q } else { pos };
    let mut currency = None;
    let mut generic_yuan = false;
    // Every Chinese currency word starts with a Han character (lead byte E4..E9, three bytes):
    // only the words whose first character stands at `q` are compared whole.
    let first = text.as_bytes().get(q..q + 3).filter(|c| (0xE4..=0xE9).contains(&c[0]));
    for &(word, c) in HAN_CURRENCIES
        .iter()
        .take_while(|_| first.is_some())
        .filter(|(word, _)| word.as_bytes().get(..3) == first)
    {
        if text[q..].starts_with(word) {
            let end = q + word.len();
            if word == "元" {
                if char_at(text, end).is_some_and(|n| "素化旦首帅帥勋勳老宵气氣".contains(n)) {
                    break;
                }
                generic_yuan = true;
            } else if word == "人民币" || word == "人民幣" {
                // `人民币5亿` after a number is the prefix of the next amount.
                if char_at(text, end).is_some_and(|n| n.is_ascii_digit() || ('０'..='９').contains(&n)) {
                    break;
                }
            } else if word.starts_with('日') {
                // `3月5日元首会晤`: a day of the month, then 元首 (head of state).
                let before_day = char_before(text, pos_start_of_number(text, pos));
                if before_day == Some('月') || char_at(text, end) == Some('首') {
                    break;
                }
            }
            currency = Some((c, end));
            break;
        }
    }
    if !has_scale && currency.is_none() {
        return None;
    }
    let mut tail = Tail {
        exponent,
        has_scale,
        scale_end,
        currency,
        generic_yuan,
        convention: Convention::DotDecimal,
        chinese: true,
    };
    if let (Some((_, end)), true) = (currency, generic_yuan) {
        // `5亿元人民币`
        for word in ["人民币", "人民幣"] {
            if text[end..].starts_with(word) {
                tail.currency = Some((Currency::Cny, end + word.len()));
                tail.generic_yuan = false;
            }
        }
    }
    Some(tail)
}

/// Start of the digit or numeral run that ends at `end` (for the date check of `日元`).
fn pos_start_of_number(text: &str, end: usize) -> usize {
    let mut i = end;
    while let Some(c) = char_before(text, i) {
        if c.is_ascii_digit() || matches!(c, '.' | ',') || han_numeral(c).is_some() || ('０'..='９').contains(&c) {
            i -= c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Chinese currency words, longer before shorter where one starts another.
const HAN_CURRENCIES: [(&str, Currency); 38] = [
    ("人民币", Currency::Cny),
    ("人民幣", Currency::Cny),
    ("美元", Currency::Usd),
    ("美金", Currency::Usd),
    ("英镑", Currency::Gbp),
    ("英鎊", Currency::Gbp),
    ("欧元", Currency::Eur),
    ("歐元", Currency::Eur),
    ("日元", Currency::Jpy),
    ("日圆", Currency::Jpy),
    ("日圓", Currency::Jpy),
    ("港元", Currency::Hkd),
    ("港币", Currency::Hkd),
    ("港幣", Currency::Hkd),
    ("港圆", Currency::Hkd),
    ("港圓", Currency::Hkd),
    ("新台币", Currency::Twd),
    ("新台幣", Currency::Twd),
    ("台币", Currency::Twd),
    ("台幣", Currency::Twd),
    ("瑞士法郎", Currency::Chf),
    ("加拿大元", Currency::Cad),
    ("加元", Currency::Cad),
    ("加币", Currency::Cad),
    ("加幣", Currency::Cad),
    ("澳大利亚元", Currency::Aud),
    ("澳元", Currency::Aud),
    ("澳币", Currency::Aud),
    ("澳幣", Currency::Aud),
    ("新加坡元", Currency::Sgd),
    ("新元", Currency::Sgd),
    ("韩元", Currency::Krw),
    ("韓元", Currency::Krw),
    ("韩币", Currency::Krw),
    ("韓幣", Currency::Krw),
    ("印度卢比", Currency::Inr),
    ("印度盧比", Currency::Inr),
    ("元", Currency::Cny),
];

/// A scale word.
struct Scale {
    /// Lower case; matched case-insensitively.
    text: &'static str,
    exponent: i32,
    convention: Convention,
    /// One letter: only attached to the number (`£5m`) or right before a symbol (`5 M€`).
    letter: bool,
}

const fn scale(text: &'static str, exponent: i32, convention: Convention) -> Scale {
    Scale {
        text,
        exponent,
        convention,
        letter: false,
    }
}

const fn letter(text: &'static str, exponent: i32, convention: Convention) -> Scale {
    Scale {
        text,
        exponent,
        convention,
        letter: true,
    }
}

/// Latin scale words, longer before shorter where one starts another (a unit test checks).
const SCALES: [Scale; 36] = [
    scale("thousand", 3, Convention::DotDecimal),
    // Indian English.
    scale("crores", 7, Convention::DotDecimal),
    scale("crore", 7, Convention::DotDecimal),
    scale("lakhs", 5, Convention::DotDecimal),
    scale("lakh", 5, Convention::DotDecimal),
    scale("trillion", 12, Convention::DotDecimal),
    scale("billionen", 12, Convention::CommaDecimal),
    scale("billions", 12, Convention::CommaDecimal),
    // 10⁹ in English; 10¹² when French `de` follows (see `parse_tail`).
    scale("billion", 9, Convention::DotDecimal),
    scale("milliarden", 9, Convention::CommaDecimal),
    scale("milliarde", 9, Convention::CommaDecimal),
    scale("milliards", 9, Convention::CommaDecimal),
    scale("milliard", 9, Convention::CommaDecimal),
    scale("millionen", 6, Convention::CommaDecimal),
    scale("millions", 6, Convention::CommaDecimal),
    // English, or French when `de` follows.
    scale("million", 6, Convention::DotDecimal),
    scale("tausend", 3, Convention::CommaDecimal),
    scale("mille", 3, Convention::CommaDecimal),
    scale("tsd.", 3, Convention::CommaDecimal),
    scale("mrds", 9, Convention::CommaDecimal),
    scale("mrd.", 9, Convention::CommaDecimal),
    scale("mrd", 9, Convention::CommaDecimal),
    scale("mds", 9, Convention::CommaDecimal),
    scale("md", 9, Convention::CommaDecimal),
    scale("mio.", 6, Convention::CommaDecimal),
    scale("mio", 6, Convention::CommaDecimal),
    scale("bio.", 12, Convention::CommaDecimal),
    scale("bln", 9, Convention::DotDecimal),
    scale("bn", 9, Convention::DotDecimal),
    scale("mln", 6, Convention::DotDecimal),
    scale("mn", 6, Convention::DotDecimal),
    scale("trn", 12, Convention::DotDecimal),
    scale("tn", 12, Convention::DotDecimal),
    letter("m", 6, Convention::Unknown),
    letter("b", 9, Convention::DotDecimal),
    letter("k", 3, Convention::Unknown),
];

/// For each byte, the entries of a list (items with a `text`) that start with it, ASCII
/// letters in either case: bit `i` for the `i`th entry (a list of more than 128 does not
/// compile). Built at compile time for the lists tried after every number, whose entries are
/// mostly started by no byte at hand.
macro_rules! by_first_byte {
    ($list:expr) => {{
        let mut table = [0u128; 256];
        let mut i = 0;
        while i < $list.len() {
            let first = $list[i].text.as_bytes()[0];
            table[first.to_ascii_lowercase() as usize] |= 1 << i;
            table[first.to_ascii_uppercase() as usize] |= 1 << i;
            i += 1;
        }
        table
    }};
}

/// The entries of `list` whose bits are set in `bits`, in the list's order.
fn entries_of<T>(list: &[T], mut bits: u128) -> impl Iterator<Item = &T> {
    std::iter::from_fn(move || {
        let i = (bits != 0).then(|| bits.trailing_zeros() as usize)?;
        bits &= bits - 1;
        Some(&list[i])
    })
}

const SCALES_BY_FIRST_BYTE: [u128; 256] = by_first_byte!(SCALES);

/// The scale word after a number ending at `pos`: attached, after one space, or after a hyphen.
fn latin_scale(text: &str, pos: usize) -> Option<(&'static Scale, usize)> {
    let spaced = skip_space(text, pos);
    let starts = [
        Some(pos),
        (spaced > pos).then_some(spaced),
        (text.as_bytes().get(pos) == Some(&b'-')).then_some(pos + 1),
    ];
    for (n, start) in starts.into_iter().enumerate() {
        let Some(start) = start else { continue };
        let attached = n == 0;
        let Some(first) = text.as_bytes().get(start) else {
            continue;
        };
        if !first.is_ascii_alphabetic() {
            continue;
        }
        for s in entries_of(&SCALES, SCALES_BY_FIRST_BYTE[usize::from(*first)]) {
            let Some(end) = match_phrase(text, start, s.text, false) else {
                continue;
            };
            let fits = if s.letter {
                (attached && word_ends(text, end)) || starts_with_symbol(text, end)
            } else {
                s.text.ends_with('.') || word_ends(text, end) || starts_with_symbol(text, end)
            };
            if fits {
                return Some((s, end));
            }
        }
    }
    None
}

fn starts_with_symbol(text: &str, pos: usize) -> bool {
    text[pos..].starts_with(['€', '$', '£'])
}

/// A currency written after a number or scale: a word, a sign or a code.
#[derive(Clone, Copy)]
struct CurrencyWord {
    text: &'static str,
    currency: Currency,
    convention: Convention,
    flags: u8,
}

/// An `s` may follow (`dollar`, `dollars`).
const PLURAL: u8 = 1;
/// Compared case-sensitively (`Dollar` is German, `dollar` English; ISO codes are upper case).
const EXACT: u8 = 2;
/// Only after a scale word, or with `sterling` (`pounds` is also a weight, `won` a verb).
const NEEDS_SCALE: u8 = 4;
/// A sign or code: may be glued to the number, but not followed by another number (then it
/// is the prefix of that one).
const SIGN: u8 = 8;

const fn word(text: &'static str, currency: Currency, convention: Convention, flags: u8) -> CurrencyWord {
    CurrencyWord {
        text,
        currency,
        convention,
        flags,
    }
}

/// Short names for the tables below.
const CD: Convention = Convention::CommaDecimal;
const DD: Convention = Convention::DotDecimal;
const ANY: Convention = Convention::Unknown;

/// Currency words after a number, specific before general (a unit test checks that no entry
/// hides a later one).
const CURRENCY_WORDS: [CurrencyWord; 87] = [
    // Qualified dollars (`an 8-billion-U.S.-dollar project`).
    word("U.S. dollar", Currency::Usd, DD, PLURAL),
    word("U.S.-dollar", Currency::Usd, DD, 0),
    word("US-dollar", Currency::Usd, DD, 0),
    word("US dollar", Currency::Usd, DD, PLURAL),
    word("American dollar", Currency::Usd, DD, PLURAL),
    word("Hong Kong dollar", Currency::Hkd, DD, PLURAL),
    word("HK dollar", Currency::Hkd, DD, PLURAL),
    word("Singapore dollar", Currency::Sgd, DD, PLURAL),
    word("Australian dollar", Currency::Aud, DD, PLURAL),
    word("Canadian dollar", Currency::Cad, DD, PLURAL),
    word("New Taiwan dollar", Currency::Twd, DD, PLURAL),
    word("Taiwan dollar", Currency::Twd, DD, PLURAL),
    word("Taiwanese dollar", Currency::Twd, DD, PLURAL),
    word("NT dollar", Currency::Twd, DD, PLURAL),
    word("dollars américains", Currency::Usd, CD, 0),
    word("dollar américain", Currency::Usd, CD, 0),
    word("dollars americains", Currency::Usd, CD, 0),
    word("dollars des États-Unis", Currency::Usd, CD, 0),
    word("dollars US", Currency::Usd, CD, EXACT),
    word("dollars de Hong Kong", Currency::Hkd, CD, 0),
    word("dollars de Hongkong", Currency::Hkd, CD, 0),
    word("dollars hongkongais", Currency::Hkd, CD, 0),
    word("dollars de Singapour", Currency::Sgd, CD, 0),
    word("dollars singapouriens", Currency::Sgd, CD, 0),
    word("dollars australiens", Currency::Aud, CD, 0),
    word("dollars canadiens", Currency::Cad, CD, 0),
    word("dollars taïwanais", Currency::Twd, CD, 0),
    word("US-Dollar", Currency::Usd, CD, 0),
    word("Hongkong-Dollar", Currency::Hkd, CD, 0),
    word("Hong-Kong-Dollar", Currency::Hkd, CD, 0),
    word("HK-Dollar", Currency::Hkd, CD, 0),
    word("Singapur-Dollar", Currency::Sgd, CD, 0),
    word("Taiwan-Dollar", Currency::Twd, CD, 0),
    word("australische Dollar", Currency::Aud, CD, 0),
    word("australischen Dollar", Currency::Aud, CD, 0),
    word("kanadische Dollar", Currency::Cad, CD, 0),
    word("kanadischen Dollar", Currency::Cad, CD, 0),
    // Plain dollars: US dollars.
    word("Dollar", Currency::Usd, CD, EXACT),
    word("dollar", Currency::Usd, ANY, PLURAL),
    // Pounds.
    word("pounds sterling", Currency::Gbp, DD, 0),
    word("pound sterling", Currency::Gbp, DD, 0),
    word("British pound", Currency::Gbp, DD, PLURAL),
    word("livres sterling", Currency::Gbp, CD, 0),
    word("livre sterling", Currency::Gbp, CD, 0),
    word("Pfund Sterling", Currency::Gbp, CD, 0),
    word("britische Pfund", Currency::Gbp, CD, 0),
    word("britischen Pfund", Currency::Gbp, CD, 0),
    word("pound", Currency::Gbp, DD, PLURAL | NEEDS_SCALE),
    word("Pfund", Currency::Gbp, CD, NEEDS_SCALE),
    word("livre", Currency::Gbp, CD, PLURAL | NEEDS_SCALE),
    word("sterling", Currency::Gbp, ANY, 0),
    // Euros.
    word("euro", Currency::Eur, ANY, PLURAL),
    // Renminbi.
    word("yuan renminbi", Currency::Cny, ANY, 0),
    word("Chinese yuan", Currency::Cny, DD, 0),
    word("yuan", Currency::Cny, ANY, PLURAL),
    word("renminbi", Currency::Cny, ANY, 0),
    // Others.
    word("Japanese yen", Currency::Jpy, DD, 0),
    word("yen", Currency::Jpy, ANY, PLURAL),
    word("Swiss franc", Currency::Chf, DD, PLURAL),
    word("francs suisses", Currency::Chf, CD, 0),
    word("franc suisse", Currency::Chf, CD, 0),
    word("Schweizer Franken", Currency::Chf, CD, 0),
    word("Franken", Currency::Chf, CD, EXACT),
    word("South Korean won", Currency::Krw, DD, 0),
    word("Korean won", Currency::Krw, DD, 0),
    word("won", Currency::Krw, ANY, PLURAL | NEEDS_SCALE),
    word("Indian rupee", Currency::Inr, DD, PLURAL),
    word("roupies indiennes", Currency::Inr, CD, 0),
    word("indische Rupien", Currency::Inr, CD, 0),
    // Signs and codes.
    word("US$", Currency::Usd, ANY, SIGN | EXACT),
    word("$", Currency::Usd, ANY, SIGN),
    word("€", Currency::Eur, ANY, SIGN),
    word("£", Currency::Gbp, ANY, SIGN),
    word("USD", Currency::Usd, ANY, SIGN | EXACT),
    word("GBP", Currency::Gbp, ANY, SIGN | EXACT),
    word("EUR", Currency::Eur, ANY, SIGN | EXACT),
    word("CNY", Currency::Cny, ANY, SIGN | EXACT),
    word("RMB", Currency::Cny, ANY, SIGN | EXACT),
    word("HKD", Currency::Hkd, ANY, SIGN | EXACT),
    word("JPY", Currency::Jpy, ANY, SIGN | EXACT),
    word("CHF", Currency::Chf, ANY, SIGN | EXACT),
    word("AUD", Currency::Aud, ANY, SIGN | EXACT),
    word("CAD", Currency::Cad, ANY, SIGN | EXACT),
    word("TWD", Currency::Twd, ANY, SIGN | EXACT),
    word("SGD", Currency::Sgd, ANY, SIGN | EXACT),
    word("KRW", Currency::Krw, ANY, SIGN | EXACT),
    word("INR", Currency::Inr, ANY, SIGN | EXACT),
];

const CURRENCY_WORDS_BY_FIRST_BYTE: [u128; 256] = by_first_byte!(CURRENCY_WORDS);

/// A currency word at `pos` (no gap before it).
fn latin_currency(text: &str, pos: usize, has_scale: bool) -> Option<(CurrencyWord, usize)> {
    let starting_here = CURRENCY_WORDS_BY_FIRST_BYTE[usize::from(*text.as_bytes().get(pos)?)];
    for w in entries_of(&CURRENCY_WORDS, starting_here) {
        let exact = w.flags & EXACT != 0;
        let Some(mut end) = match_phrase(text, pos, w.text, exact) else {
            continue;
        };
        if w.flags & PLURAL != 0 && matches!(text.as_bytes().get(end), Some(b's' | b'S')) && word_ends(text, end + 1) {
            end += 1;
        }
        if w.flags & SIGN != 0 {
            let last_is_letter = w.text.ends_with(|c: char| c.is_ascii_alphabetic());
            if last_is_letter && !word_ends(text, end) {
                continue;
            }
            if digit_at(text.as_bytes(), skip_space(text, end)).is_some() {
                continue;
            }
        } else if !word_ends(text, end) {
            continue;
        }
        if w.flags & NEEDS_SCALE != 0 && !has_scale {
            continue;
        }
        return Some((*w, end));
    }
    None
}

/// The currency after a number or scale ending at `pos`: a sign glued to it, or anything
/// after one space, or a word after a hyphen following a scale (`billion-dollar`).
fn latin_currency_after(text: &str, pos: usize, has_scale: bool) -> Option<(CurrencyWord, usize)> {
    if starts_with_symbol(text, pos) {
        if let Some(found) = latin_currency(text, pos, has_scale).filter(|(w, _)| w.flags & SIGN != 0) {
            return Some(found);
        }
    }
    let spaced = skip_space(text, pos);
    if spaced > pos {
        if let Some(found) = latin_currency(text, spaced, has_scale) {
            return Some(found);
        }
    }
    if has_scale && text.as_bytes().get(pos) == Some(&b'-') {
        return latin_currency(text, pos + 1, has_scale).filter(|(w, _)| w.flags & SIGN == 0);
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Prefixes

/// Letters that may stand before `$`, and the dollar they name.
const DOLLAR_PREFIXES: [(&str, Currency); 11] = [
    ("U.S.", Currency::Usd),
    ("US", Currency::Usd),
    ("HK", Currency::Hkd),
    ("NT", Currency::Twd),
    ("CAN", Currency::Cad),
    ("CA", Currency::Cad),
    ("C", Currency::Cad),
    ("AU", Currency::Aud),
    ("A", Currency::Aud),
    ("SG", Currency::Sgd),
    ("S", Currency::Sgd),
];

/// Currency signs before a number (the dollar sign is handled on its own).
const PREFIX_SIGNS: [(&str, Currency, Convention); 8] = [
    ("£", Currency::Gbp, DD),
    ("€", Currency::Eur, ANY),
    ("CN¥", Currency::Cny, DD),
    ("JP¥", Currency::Jpy, DD),
    ("¥", Currency::Cny, DD),
    ("￥", Currency::Cny, DD),
    ("₩", Currency::Krw, DD),
    ("₹", Currency::Inr, DD),
];

/// ISO codes (and `RMB`, `Rmb`) before a number.
const PREFIX_CODES: [(&str, Currency); 16] = [
    ("USD", Currency::Usd),
    ("GBP", Currency::Gbp),
    ("EUR", Currency::Eur),
    ("CNY", Currency::Cny),
    ("RMB", Currency::Cny),
    ("Rmb", Currency::Cny),
    ("HKD", Currency::Hkd),
    ("JPY", Currency::Jpy),
    ("CHF", Currency::Chf),
    ("CAD", Currency::Cad),
    ("AUD", Currency::Aud),
    ("TWD", Currency::Twd),
    ("NTD", Currency::Twd),
    ("SGD", Currency::Sgd),
    ("KRW", Currency::Krw),
    ("INR", Currency::Inr),
];

/// Chinese currency names that also stand before a number (`人民币5000万元`, `美元5亿`).
const HAN_PREFIXES: [(&str, Currency); 15] = [
    ("人民币", Currency::Cny),
    ("人民幣", Currency::Cny),
    ("美元", Currency::Usd),
    ("港币", Currency::Hkd),
    ("港幣", Currency::Hkd),
    ("港元", Currency::Hkd),
    ("欧元", Currency::Eur),
    ("歐元", Currency::Eur),
    ("英镑", Currency::Gbp),
    ("英鎊", Currency::Gbp),
    ("日元", Currency::Jpy),
    ("新台币", Currency::Twd),
    ("新台幣", Currency::Twd),
    ("台币", Currency::Twd),
    ("台幣", Currency::Twd),
];

/// The currency written just before the number at `pos` (perhaps with one space between), not
/// reaching back before `floor`.
fn prefix_before(text: &str, pos: usize, floor: usize) -> PrefixLookup {
    let mut end = pos;
    if let Some(c) = char_before(text, pos).filter(|&c| is_space(c)) {
        end -= c.len_utf8();
    }
    if end < floor {
        return PrefixLookup::None;
    }
    let before = &text[floor..end];
    let found = |len: usize, currency, convention| {
        PrefixLookup::Found(Prefix {
            start: end - len,
            end,
            currency,
            convention,
        })
    };
    if let Some(head) = before.strip_suffix('$') {
        for (letters, currency) in DOLLAR_PREFIXES {
            if let Some(rest) = head.strip_suffix(letters) {
                if !rest.ends_with(|c: char| c.is_ascii_alphabetic()) {
                    return found(letters.len() + 1, currency, DD);
                }
            }
        }
        if head.ends_with(|c: char| c.is_ascii_alphabetic()) {
            return PrefixLookup::Blocked;
        }
        return found(1, Currency::Usd, DD);
    }
    for (sign, currency, convention) in PREFIX_SIGNS {
        if before.ends_with(sign) {
            return found(sign.len(), currency, convention);
        }
    }
    if before.ends_with(|c: char| c.is_ascii_alphabetic()) {
        for (code, currency) in PREFIX_CODES {
            if let Some(rest) = before.strip_suffix(code) {
                if !rest.ends_with(|c: char| c.is_ascii_alphabetic()) {
                    return found(code.len(), currency, ANY);
                }
            }
        }
        return PrefixLookup::None;
    }
    if !before.ends_with(|c: char| c >= '\u{4E00}') {
        return PrefixLookup::None;
    }
    for (word, currency) in HAN_PREFIXES {
        if before.ends_with(word) {
            return found(word.len(), currency, DD);
        }
    }
    PrefixLookup::None
}

// ---------------------------------------------------------------------------------------------
// Small text helpers

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Spaces that may stand between the words of an amount.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

/// Past one space (or a line break, for hard-wrapped text) at `pos`, if there is one.
fn skip_space(text: &str, pos: usize) -> usize {
    match char_at(text, pos) {
        Some(c) if is_space(c) || c == '\n' => pos + c.len_utf8(),
        Some('\r') if text[pos..].starts_with("\r\n") => pos + 2,
        _ => pos,
    }
}

/// Past the ASCII letters and digits from `pos` on.
fn skip_ascii_word(text: &str, pos: usize) -> usize {
    pos + text.as_bytes()[pos..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count()
}

/// Whether a word may end at `pos` (nothing alphanumeric follows).
fn word_ends(text: &str, pos: usize) -> bool {
    char_at(text, pos).is_none_or(|c| !c.is_alphanumeric())
}

/// Matches `pattern` at `pos`: ASCII letters case-insensitively unless `exact`, a space in
/// the pattern against one space or line break, an apostrophe against `'` or `’`, everything
/// else byte for byte. Returns the end of the match.
fn match_phrase(text: &str, pos: usize, pattern: &str, exact: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = pos;
    for &p in pattern.as_bytes() {
        match p {
            b' ' => {
                let c = char_at(text, i)?;
                if !(is_space(c) || c == '\n') {
                    return None;
                }
                i += c.len_utf8();
            }
            b'\'' => {
                if bytes.get(i) == Some(&b'\'') {
                    i += 1;
                } else if text.get(i..)?.starts_with('’') {
                    i += '’'.len_utf8();
                } else {
                    return None;
                }
            }
            _ => {
                let t = *bytes.get(i)?;
                if t == p || (!exact && t.eq_ignore_ascii_case(&p)) {
                    i += 1;
                } else {
                    return None;
                }
            }
        }
    }
    // A multi-byte character of the pattern was matched whole, so `i` is on a boundary.
    text.is_char_boundary(i).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn anchors_are_found_as_a_byte_by_byte_search_finds_them() {
        // Every byte, alone at every place of a 19-byte text of letters and spaces, and beside
        // another anchor.
        for b in 0..=255u8 {
            for at in 0..19 {
                let mut bytes = b"the delegation met ".to_vec();
                bytes[at] = b;
                for from in [0, at, at + 1] {
                    let slow = bytes[from..].iter().position(|&b| is_anchor(b)).map(|k| from + k);
                    assert_eq!(next_anchor(&bytes, from), slow, "{b:#x} at {at} from {from}");
                }
                bytes[18] = b'7';
                let slow = bytes.iter().position(|&b| is_anchor(b));
                assert_eq!(next_anchor(&bytes, 0), slow, "{b:#x} at {at}, 7 at the end");
            }
        }
        assert_eq!(next_anchor(b"", 0), None);
    }

    #[test]
    fn two_figures_need_two_anchors() {
        assert!(may_hold_two_figures("$35 billion, while China's surpassed $32 billion"));
        assert!(may_hold_two_figures("投资三十亿元，而英国投资五亿"));
        assert!(!may_hold_two_figures("over $5 billion, while China’s investment grew"));
        assert!(!may_hold_two_figures("Trade grew, while investment fell"));
    }

    /// The only figure in `text`, checked against its offsets.
    fn only(text: &str) -> MoneyFigure {
        let found = find_money(text, Some(2019));
        assert_eq!(found.len(), 1, "{text:?} gave {found:#?}");
        let figure = found.into_iter().next().unwrap();
        assert_eq!(&text[figure.start..figure.end], figure.text);
        figure
    }

    /// `text` holds exactly the amount `expected` (as written), with this value and currency.
    fn check(text: &str, expected: &str, value: f64, currency: Currency) {
        let figure = only(text);
        assert_eq!(figure.text, expected, "in {text:?}");
        assert_eq!(figure.value, value, "value of {expected:?}");
        assert_eq!(figure.currency, currency, "currency of {expected:?}");
    }

    /// Each case is a whole amount standing alone.
    fn check_all(cases: &[(&str, f64, Currency)]) {
        for &(text, value, currency) in cases {
            check(text, text, value, currency);
        }
    }

    #[test]
    fn a_scale_after_the_word_for_one_is_a_sum_of_one() {
        use Currency::*;
        check("worth one billion pounds to Leeds", "one billion pounds", 1e9, Gbp);
        check(
            "Kosten von mehr als einer Milliarde Euro",
            "einer Milliarde Euro",
            1e9,
            Eur,
        );
        check("un milliard d'euros pour Lyon", "un milliard d'euros", 1e9, Eur);
        for not_one in [
            "half a billion pounds",
            "a billion-dollar deal",
            "a millionaire in pounds",
            "one billion people",
        ] {
            assert!(find_money(not_one, None).is_empty(), "{not_one}");
        }
    }

    #[test]
    fn english_forms() {
        use Currency::*;
        check_all(&[
            ("$680 million", 680_000_000.0, Usd),
            ("US$1.5 billion", 1_500_000_000.0, Usd),
            ("US$ 1.5 billion", 1_500_000_000.0, Usd),
            ("U.S.$2 million", 2_000_000.0, Usd),
            ("130 billion U.S. dollars", 130_000_000_000.0, Usd),
            ("35 billion US dollars", 35_000_000_000.0, Usd),
            ("USD 2bn", 2_000_000_000.0, Usd),
            ("USD2bn", 2_000_000_000.0, Usd),
            ("£1.4bn", 1_400_000_000.0, Gbp),
            ("£40 billion", 40_000_000_000.0, Gbp),
            ("£5m", 5_000_000.0, Gbp),
            ("£250,000", 250_000.0, Gbp),
            ("£1.4 Billion", 1_400_000_000.0, Gbp),
            ("40 billion pounds", 40_000_000_000.0, Gbp),
            ("1.2 million pounds sterling", 1_200_000.0, Gbp),
            ("3 million sterling", 3_000_000.0, Gbp),
            ("GBP 300m", 300_000_000.0, Gbp),
            ("€2 billion", 2_000_000_000.0, Eur),
            ("€2.5bn", 2_500_000_000.0, Eur),
            ("500 euros", 500.0, Eur),
            ("5 billion yuan", 5_000_000_000.0, Cny),
            ("5.6 trillion yuan", 5_600_000_000_000.0, Cny),
            ("20 million renminbi", 20_000_000.0, Cny),
            ("RMB 5 billion", 5_000_000_000.0, Cny),
            ("RMB5bn", 5_000_000_000.0, Cny),
            ("Rmb300m", 300_000_000.0, Cny),
            ("3 billion RMB", 3_000_000_000.0, Cny),
            ("¥200 million", 200_000_000.0, Cny),
            ("HK$10 billion", 10_000_000_000.0, Hkd),
            ("2 billion Hong Kong dollars", 2_000_000_000.0, Hkd),
            ("NT$5 billion", 5_000_000_000.0, Twd),
            ("S$1.2 million", 1_200_000.0, Sgd),
            ("A$300m", 300_000_000.0, Aud),
            ("C$40 million", 40_000_000.0, Cad),
            ("JP¥800 million", 800_000_000.0, Jpy),
            ("10 billion yen", 10_000_000_000.0, Jpy),
            ("5 billion won", 5_000_000_000.0, Krw),
            ("CHF 12 million", 12_000_000.0, Chf),
            ("$10k", 10_000.0, Usd),
            ("$5B", 5_000_000_000.0, Usd),
            ("$2 trillion", 2_000_000_000_000.0, Usd),
            ("$1,234.5", 1234.5, Usd),
            ("$1.375", 1.375, Usd),
            ("$0.5 billion", 500_000_000.0, Usd),
            ("$3.5 thousand", 3_500.0, Usd),
            ("₹500 crore", 5_000_000_000.0, Inr),
        ]);
    }

    #[test]
    fn german_forms() {
        use Currency::*;
        check_all(&[
            ("2 Mrd. Euro", 2_000_000_000.0, Eur),
            ("2 Mrd Euro", 2_000_000_000.0, Eur),
            ("98,4 Milliarden Dollar", 98_400_000_000.0, Usd),
            ("18 Milliarden Euro", 18_000_000_000.0, Eur),
            ("14 Milliarden Pfund", 14_000_000_000.0, Gbp),
            ("2,5 Millionen Pfund", 2_500_000.0, Gbp),
            ("1,5 Mio. €", 1_500_000.0, Eur),
            ("3,2 Milliarden US-Dollar", 3_200_000_000.0, Usd),
            ("1,234 Milliarden Euro", 1_234_000_000.0, Eur),
            ("1.500 Milliarden Euro", 1_500_000_000_000.0, Eur),
            ("2 Billionen Yuan", 2_000_000_000_000.0, Cny),
            ("500 Millionen Hongkong-Dollar", 500_000_000.0, Hkd),
            ("4,5 Millionen Schweizer Franken", 4_500_000.0, Chf),
            ("1.234,5 Euro", 1234.5, Eur),
            ("7.000 Euro", 7000.0, Eur),
            ("100 €", 100.0, Eur),
            ("100€", 100.0, Eur),
            ("12 Mio. Pfund Sterling", 12_000_000.0, Gbp),
        ]);
    }

    #[test]
    fn french_forms() {
        use Currency::*;
        check_all(&[
            ("3 milliards d'euros", 3_000_000_000.0, Eur),
            ("3 milliards d’euros", 3_000_000_000.0, Eur),
            ("1,2 million de livres sterling", 1_200_000.0, Gbp),
            ("5 milliards de dollars américains", 5_000_000_000.0, Usd),
            ("1,5 milliard de dollars", 1_500_000_000.0, Usd),
            ("200 millions de yuans", 200_000_000.0, Cny),
            ("2 millions de livres", 2_000_000.0, Gbp),
            ("1 234,5 euros", 1234.5, Eur),
            ("1\u{202F}234,5 euros", 1234.5, Eur),
            ("1\u{A0}234\u{A0}567 euros", 1_234_567.0, Eur),
            ("2 M€", 2_000_000.0, Eur),
            ("2,5 Md€", 2_500_000_000.0, Eur),
            ("3 Mds €", 3_000_000_000.0, Eur),
            ("2 billions de dollars", 2_000_000_000_000.0, Usd),
            ("10 milliards de dollars de Hong Kong", 10_000_000_000.0, Hkd),
            ("1,234 million de dollars", 1_234_000.0, Usd),
        ]);
    }

    #[test]
    fn chinese_forms() {
        use Currency::*;
        check_all(&[
            ("400亿英镑", 40_000_000_000.0, Gbp),
            ("1.2亿元", 120_000_000.0, Cny),
            ("人民币5000万元", 50_000_000.0, Cny),
            ("人民币 5000万元", 50_000_000.0, Cny),
            ("5000万美元", 50_000_000.0, Usd),
            ("10億美元", 1_000_000_000.0, Usd),
            ("330億港元", 33_000_000_000.0, Hkd),
            ("2万亿元", 2_000_000_000_000.0, Cny),
            ("五亿美元", 500_000_000.0, Usd),
            ("十亿英镑", 1_000_000_000.0, Gbp),
            ("三千五百万元", 35_000_000.0, Cny),
            ("两万亿元", 2_000_000_000_000.0, Cny),
            ("五亿三千万欧元", 530_000_000.0, Eur),
            ("一百多亿美元", 10_000_000_000.0, Usd),
            ("3000多万美元", 30_000_000.0, Usd),
            ("5千万美元", 50_000_000.0, Usd),
            ("1,200万元", 12_000_000.0, Cny),
            ("5亿人民币", 500_000_000.0, Cny),
            ("5亿元人民币", 500_000_000.0, Cny),
            ("美元5亿", 500_000_000.0, Usd),
            ("港币100亿元", 10_000_000_000.0, Hkd),
            ("100億新台幣", 10_000_000_000.0, Twd),
            ("8000亿日元", 800_000_000_000.0, Jpy),
            ("20亿歐元", 2_000_000_000.0, Eur),
            ("５０００万元", 50_000_000.0, Cny),
            ("5000 万美元", 50_000_000.0, Usd),
            ("25元", 25.0, Cny),
            ("十几亿美元", 1_000_000_000.0, Usd),
            ("5億新台幣", 500_000_000.0, Twd),
            ("3000萬港幣", 30_000_000.0, Hkd),
            ("1.5萬億元", 1_500_000_000_000.0, Cny),
        ]);
    }

    #[test]
    fn amounts_inside_sentences_keep_exact_offsets() {
        let text = "Laut Xinhua erreichte der Handel 2018 insgesamt 98,4 Milliarden Dollar. «Très bien» — \
                    英国对华投资达400亿英镑，其中人民币5000万元用于合肥。Trade reached $680 million, up 24.8 percent.";
        let found = find_money(text, Some(2018));
        let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            ["98,4 Milliarden Dollar", "400亿英镑", "人民币5000万元", "$680 million"]
        );
        for figure in &found {
            assert_eq!(&text[figure.start..figure.end], figure.text);
        }
        assert_eq!(found[1].start, text.find("400亿").unwrap());
        assert_eq!(found[2].start, text.find("人民币").unwrap());
        assert_eq!(found[3].end, text.find(", up").unwrap());
    }

    #[test]
    fn sentence_punctuation_is_not_part_of_the_amount() {
        check("It cost $5 billion.", "$5 billion", 5e9, Currency::Usd);
        check("(about £40bn)", "£40bn", 4e10, Currency::Gbp);
        check("Es kostete 2 Mrd. Euro.", "2 Mrd. Euro", 2e9, Currency::Eur);
        check("投资约5亿美元。", "5亿美元", 5e8, Currency::Usd);
        check("5 billion yuan-denominated bonds", "5 billion yuan", 5e9, Currency::Cny);
        check(
            "worth 130 billion U.S. dollars.",
            "130 billion U.S. dollars",
            1.3e11,
            Currency::Usd,
        );
    }

    #[test]
    fn several_amounts_in_one_sentence() {
        let text = "$220 million paid-in investment and $130 million in contracts, or €2bn-€3bn.";
        let texts: Vec<String> = find_money(text, None).into_iter().map(|f| f.text).collect();
        assert_eq!(texts, ["$220 million", "$130 million", "€2bn", "€3bn"]);
    }

    #[test]
    fn number_separators_are_read_by_shape() {
        use Currency::*;
        check_all(&[
            ("400,000 yuan", 400_000.0, Cny),
            ("98,4 yuan", 98.4, Cny),
            ("1,234,567 dollars", 1_234_567.0, Usd),
            ("1.234.567 Euro", 1_234_567.0, Eur),
            ("1.234.567,89 Euro", 1_234_567.89, Eur),
            ("1,234,567.89 dollars", 1_234_567.89, Usd),
            ("1'234'567 Franken", 1_234_567.0, Chf),
            ("0,5 Milliarden Euro", 500_000_000.0, Eur),
            ("$1.250 billion", 1_250_000_000.0, Usd),
            ("1,250 million pounds", 1_250_000_000.0, Gbp),
        ]);
        // Malformed groupings are not guessed at.
        for text in ["$1,23,456", "15.05.2025 Euro", "$1,234.567.8"] {
            assert!(find_money(text, None).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn plain_spaces_do_not_group_digits_before_english_words() {
        check(
            "On May 15 400 million pounds were pledged",
            "400 million pounds",
            4e8,
            Currency::Gbp,
        );
        check(
            "soit 15 400 millions d'euros",
            "15 400 millions d'euros",
            1.54e10,
            Currency::Eur,
        );
    }

    #[test]
    fn ranges_give_their_lower_bound() {
        use Currency::*;
        check_all(&[
            ("$1-2 billion", 1e9, Usd),
            ("$1–2 billion", 1e9, Usd),
            ("$1 - 2 billion", 1e9, Usd),
            ("$1-$2 billion", 1e9, Usd),
            ("$5 and $10 million", 5e6, Usd),
            ("1 to 2 billion dollars", 1e9, Usd),
            ("5 bis 10 Millionen Euro", 5e6, Eur),
            ("1至2亿元", 1e8, Cny),
            ("1-2亿元", 1e8, Cny),
            ("£5-10", 5.0, Gbp),
        ]);
        check(
            "entre 1 et 2 milliards d'euros",
            "1 et 2 milliards d'euros",
            1e9,
            Currency::Eur,
        );
    }

    #[test]
    fn ranges_need_their_second_number_to_be_money() {
        for (text, expected) in [
            ("from $5 to 10 people", "$5"),
            ("from $5 to 10%", "$5"),
            ("$5-10% more", "$5"),
            ("£5-10 per ticket", "£5-10"),
        ] {
            let found = find_money(text, None);
            assert_eq!(found.len(), 1, "{text:?} gave {found:#?}");
            assert_eq!(found[0].text, expected);
        }
        // `and` joins a list unless the second number repeats the currency.
        let found = find_money("$5 and 10 million people", None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "$5");
        assert_eq!(found[0].value, 5.0);
        // A span of years before a sign belongs to neither.
        check("In 2019-20 £5bn was spent", "£5bn", 5e9, Currency::Gbp);
    }

    #[test]
    fn hyphenated_amounts() {
        check("a $5-billion deal", "$5-billion", 5e9, Currency::Usd);
        check("a 5-million-pound grant", "5-million-pound", 5e6, Currency::Gbp);
        check(
            "the billion-dollar question costs 3 billion-dollar",
            "3 billion-dollar",
            3e9,
            Currency::Usd,
        );
    }

    #[test]
    fn plain_numbers_are_not_money() {
        for text in [
            "400,000 high-tech enterprises",
            "24.8 percent",
            "up 24.8%",
            "7.000 Unternehmen",
            "in 2019 and 2020",
            "Call +44 20 7946 0958 or 020 7946 0958.",
            "Chang'e-5 returned samples",
            "Chang’e-5",
            "On 2025-05-16 and 16.05.2025 and 15/05/2025",
            "LONDON, May 15 (Xinhua) --",
            "5 billion people",
            "3 milliards de personnes",
            "2019年5月15日",
            "英国有6700万人口",
            "第14个五年规划",
            "一带一路",
            "多元化发展",
            "三元催化",
            "国家元首",
            "3月5日元首会晤",
            "A380 and G20 and 5G",
            "300 pounds of beef",
            "lost 20 pounds",
            "he won 3 games",
            "50 livres",
            "COVID-19",
            "",
            "$",
            "美元",
        ] {
            let found = find_money(text, None);
            assert!(found.is_empty(), "{text:?} gave {found:#?}");
        }
    }

    #[test]
    fn year_as_price_level_is_not_an_amount() {
        assert!(find_money("measured in 2015 dollars", None).is_empty());
        assert!(find_money("in constant 2010 dollars", None).is_empty());
        check("they paid 2015 dollars", "2015 dollars", 2015.0, Currency::Usd);
    }

    #[test]
    fn glued_letters_and_percent_block_a_prefix() {
        assert!(find_money("$5G networks", None).is_empty());
        assert!(find_money("¥2019年", None).is_empty());
        assert!(find_money("€5%", None).is_empty());
    }

    #[test]
    fn unknown_dollars_are_skipped_not_guessed() {
        assert!(find_money("NZ$5 million", None).is_empty());
        assert!(find_money("R$20 billion", None).is_empty());
        check("AUS HK$5 million", "HK$5 million", 5e6, Currency::Hkd);
    }

    #[test]
    fn prefix_and_matching_suffix_make_one_amount() {
        check("£5m sterling", "£5m sterling", 5e6, Currency::Gbp);
        check("US$5 billion dollars", "US$5 billion dollars", 5e9, Currency::Usd);
        // A different currency word after a prefix is not swallowed.
        check("$5 billion yuan", "$5 billion", 5e9, Currency::Usd);
    }

    #[test]
    fn a_currency_code_before_a_number_is_that_numbers_prefix() {
        let texts: Vec<String> = find_money("Revenue 2019 USD 5 million", None)
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(texts, ["USD 5 million"]);
        let texts: Vec<String> = find_money("2019年人民币5亿元", None)
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(texts, ["人民币5亿元"]);
    }

    #[test]
    fn values_convert_to_usd_with_the_year_rate() {
        let figure = &find_money("£40 billion", Some(2014))[0];
        assert_eq!(figure.value_usd, Some(40e9 * 1.647));
        let figure = &find_money("1.2亿元", Some(2016))[0];
        assert_eq!(figure.value_usd, Some(1.2e8 / 6.640));
        let figure = &find_money("$680 million", Some(1995))[0];
        assert_eq!(figure.value_usd, Some(680e6));
        let latest = &find_money("€2 billion", None)[0];
        assert_eq!(
            latest.value_usd,
            Some(2e9 * usd_per_unit(Currency::Eur, LAST_RATE_YEAR).unwrap())
        );
    }

    #[test]
    fn serialises_with_iso_codes() {
        let figure = only("330億港元");
        let json = serde_json::to_value(&figure).unwrap();
        assert_eq!(json["currency"], "HKD");
        assert_eq!(json["text"], "330億港元");
        assert_eq!(json["value"], 33_000_000_000.0);
        for currency in Currency::ALL {
            assert_eq!(serde_json::to_value(currency).unwrap(), currency.code());
        }
    }

    #[test]
    fn rates_agree_with_reference_points() {
        let near = |currency, year, expected: f64| {
            let rate = usd_per_unit(currency, year).unwrap();
            assert!(
                (rate / expected - 1.0).abs() < 0.01,
                "{currency} {year}: {rate} vs {expected}"
            );
        };
        near(Currency::Gbp, 2014, 1.65);
        near(Currency::Gbp, 2019, 1.28);
        near(Currency::Eur, 2014, 1.33);
        near(Currency::Cny, 2016, 1.0 / 6.64);
        near(Currency::Hkd, 2020, 1.0 / 7.756);
        near(Currency::Jpy, 2024, 1.0 / 151.5);
        assert_eq!(usd_per_unit(Currency::Usd, 1900), Some(1.0));
        assert_eq!(
            usd_per_unit(Currency::Gbp, 1999),
            usd_per_unit(Currency::Gbp, FIRST_RATE_YEAR)
        );
        assert_eq!(
            usd_per_unit(Currency::Gbp, 2100),
            usd_per_unit(Currency::Gbp, LAST_RATE_YEAR)
        );
    }

    #[test]
    fn every_currency_has_a_full_row_of_four_digit_rates() {
        for currency in Currency::ALL {
            for year in FIRST_RATE_YEAR..=LAST_RATE_YEAR {
                let rate = usd_per_unit(currency, year).unwrap();
                assert!(rate.is_finite() && rate > 0.0, "{currency} {year}");
            }
        }
        assert_eq!(RATES.len(), Currency::ALL.len() - 1, "every currency but USD has a row");
        for (_, _, row) in RATES {
            for rate in row {
                let digits = format!("{rate:e}");
                let mantissa = digits.split('e').next().unwrap().replace('.', "");
                assert!(mantissa.len() <= 4, "{rate} has more than 4 significant digits");
            }
        }
    }

    #[test]
    fn no_table_entry_hides_a_later_one() {
        let scales: Vec<&str> = SCALES.iter().map(|s| s.text).collect();
        let words: Vec<&str> = CURRENCY_WORDS.iter().map(|w| w.text).collect();
        let han: Vec<&str> = HAN_CURRENCIES.iter().map(|(w, _)| *w).collect();
        for (name, list) in [("SCALES", scales), ("CURRENCY_WORDS", words), ("HAN_CURRENCIES", han)] {
            for (i, earlier) in list.iter().enumerate() {
                for later in &list[i + 1..] {
                    let hides = later.to_lowercase().starts_with(&earlier.to_lowercase())
                        && !(earlier.len() == later.len() && earlier != later);
                    assert!(!hides, "{name}: {earlier:?} comes before {later:?} and would hide it");
                }
            }
        }
    }

    #[test]
    fn values_are_exact_decimals() {
        assert_eq!(scaled(984, 8), 98_400_000_000.0);
        assert_eq!(scaled(14, -1), 1.4);
        assert_eq!(scaled(12345, -4), 1.2345);
        assert_eq!(scaled(7, 0), 7.0);
    }

    #[test]
    fn every_spelling_of_a_currency_holds_a_money_clue() {
        let holds_clue = |spelling: &str| {
            let lower = spelling.to_ascii_lowercase();
            assert!(
                MONEY_CLUES.iter().any(|clue| lower.contains(clue)),
                "{spelling:?} holds no money clue"
            );
        };
        CURRENCY_WORDS.iter().for_each(|w| holds_clue(w.text));
        PREFIX_SIGNS.iter().for_each(|(sign, ..)| holds_clue(sign));
        PREFIX_CODES.iter().for_each(|(code, _)| holds_clue(code));
        HAN_CURRENCIES.iter().for_each(|(word, _)| holds_clue(word));
        HAN_PREFIXES.iter().for_each(|(word, _)| holds_clue(word));
        // Before `$`, letters name the dollar: the sign is the clue.
        DOLLAR_PREFIXES
            .iter()
            .for_each(|(letters, _)| holds_clue(&format!("{letters}$")));
    }

    fn vocabulary() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "$",
            "US$",
            "£",
            "€",
            "¥",
            "HK$",
            "NZ$",
            "USD",
            "RMB",
            "人民币",
            "美元",
            "元",
            "亿",
            "万",
            "億",
            "多",
            "五",
            "十",
            "两",
            "千",
            "1",
            "9",
            "0",
            "400",
            "5000",
            "98",
            ",",
            ".",
            "'",
            "’",
            " ",
            "\u{A0}",
            "\u{202F}",
            "-",
            "–",
            "~",
            "至",
            " to ",
            " and ",
            "million",
            "bn",
            "m",
            "k",
            "Mrd.",
            "Milliarden",
            "milliards",
            " de ",
            "d'",
            "dollars",
            "pounds",
            "Pfund",
            "euros",
            "yuan",
            "sterling",
            "U.S. dollars",
            "one ",
            "eine ",
            "un ",
            "half a ",
            "billion",
            "Milliarde",
            "日",
            "月",
            "%",
            "in ",
            "A",
            "é",
            "\n",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
    }

    fn assert_well_formed(text: &str) {
        let found = find_money(text, None);
        let mut previous_end = 0;
        for figure in &found {
            assert!(figure.start < figure.end && figure.end <= text.len());
            assert!(text.is_char_boundary(figure.start) && text.is_char_boundary(figure.end));
            assert_eq!(&text[figure.start..figure.end], figure.text);
            assert!(figure.start >= previous_end, "figures overlap in {text:?}");
            assert!(figure.value.is_finite() && figure.value >= 0.0);
            // What lets the sentence reader pass over sentences without these.
            let lower = figure.text.to_ascii_lowercase();
            assert!(
                MONEY_CLUES.iter().any(|clue| lower.contains(clue)),
                "{figure:?} holds no money clue"
            );
            previous_end = figure.end;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn never_panics_on_arbitrary_text(text in any::<String>()) {
            assert_well_formed(&text);
        }

        #[test]
        fn never_panics_on_money_like_text(text in vocabulary()) {
            assert_well_formed(&text);
        }
    }
}
