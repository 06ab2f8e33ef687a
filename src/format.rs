//! How values read to people.

use atlas_extract::{Language, PartialDate, Precision};

/// Month abbreviations, January first (the timeline's axis labels them too).
pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `30 Sep 2025`, `May 2025`, `2025`: only as precise as the date is known.
pub fn date(date: PartialDate) -> String {
    let month = || MONTHS[usize::from(date.month_number().unwrap_or(1) - 1)];
    match date.precision() {
        Precision::Day => format!("{} {} {}", date.day_number().unwrap_or(1), month(), date.year_number()),
        Precision::Month => format!("{} {}", month(), date.year_number()),
        Precision::Year => date.year_number().to_string(),
    }
}

/// `1 article`, `5 articles`.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// `$1.4 billion`, `$680 million`, `$12,500`: US dollars, rounded for reading.
pub fn usd(value: f64) -> String {
    let (scaled, word) = if value >= 1e9 {
        (value / 1e9, " billion")
    } else if value >= 1e6 {
        (value / 1e6, " million")
    } else {
        return format!("${}", group_thousands(value.round() as u64));
    };
    let digits = if scaled >= 100.0 { 0 } else { 1 };
    let text = format!("{scaled:.digits$}");
    format!("${}{word}", text.trim_end_matches(".0"))
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The language's own name, so that readers recognise their language.
pub fn language_name(language: Language) -> &'static str {
    match language {
        Language::English => "English",
        Language::German => "Deutsch",
        Language::French => "Français",
        Language::ChineseSimplified => "中文（简体）",
        Language::ChineseTraditional => "中文（繁體）",
        Language::Undetermined => "Unknown language",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_at_their_precision() {
        assert_eq!(date(PartialDate::parse_iso("2025-09-30").unwrap()), "30 Sep 2025");
        assert_eq!(date(PartialDate::parse_iso("2025-05").unwrap()), "May 2025");
        assert_eq!(date(PartialDate::parse_iso("2019").unwrap()), "2019");
    }

    #[test]
    fn dollars_read_rounded_with_their_scale() {
        assert_eq!(usd(1.4e9), "$1.4 billion");
        assert_eq!(usd(680e6), "$680 million");
        assert_eq!(usd(98.4e9), "$98.4 billion");
        assert_eq!(usd(2e9), "$2 billion");
        assert_eq!(usd(12_500.0), "$12,500");
    }

    #[test]
    fn counts_read_in_the_singular_for_one() {
        assert_eq!(count(1, "event", "events"), "1 event");
        assert_eq!(count(0, "event", "events"), "0 events");
        assert_eq!(count(12, "article", "articles"), "12 articles");
    }
}
