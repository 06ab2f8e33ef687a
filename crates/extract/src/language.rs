//! Which language an article is written in.

use serde::Serialize;

/// The languages the atlas reads, plus `Undetermined` for anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Language {
    #[serde(rename = "en")]
    English,
    #[serde(rename = "de")]
    German,
    #[serde(rename = "fr")]
    French,
    /// Chinese in simplified characters.
    #[serde(rename = "zh-Hans")]
    ChineseSimplified,
    /// Chinese in traditional characters.
    #[serde(rename = "zh-Hant")]
    ChineseTraditional,
    /// Too little text, or a language the atlas does not read (BCP 47 `und`).
    #[serde(rename = "und")]
    Undetermined,
}

impl Language {
    /// The BCP 47 tag, as used in the JSON output.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::ChineseSimplified => "zh-Hans",
            Language::ChineseTraditional => "zh-Hant",
            Language::Undetermined => "und",
        }
    }

    /// Reads a tag given in article metadata (`lang: de`, `zh-TW`, `Chinese`…).
    ///
    /// # Example
    /// ```
    /// use atlas_extract::Language;
    /// assert_eq!(Language::from_tag("zh-TW"), Some(Language::ChineseTraditional));
    /// assert_eq!(Language::from_tag("French"), Some(Language::French));
    /// assert_eq!(Language::from_tag("xx"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let language = match tag.as_str() {
            "en" | "english" => Language::English,
            "de" | "german" | "deutsch" => Language::German,
            "fr" | "french" | "français" | "francais" => Language::French,
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" => Language::ChineseTraditional,
            "zh" | "zh-hans" | "zh-cn" | "zh-sg" | "chinese" => Language::ChineseSimplified,
            _ if tag.starts_with("en-") => Language::English,
            _ if tag.starts_with("de-") => Language::German,
            _ if tag.starts_with("fr-") => Language::French,
            _ => return None,
        };
        Some(language)
    }

    pub fn is_chinese(self) -> bool {
        matches!(self, Language::ChineseSimplified | Language::ChineseTraditional)
    }
}

/// Guesses the language of `text` from its script and its most frequent short words.
///
/// # Example
/// ```
/// use atlas_extract::{detect_language, Language};
/// assert_eq!(detect_language("Die Delegation besuchte am Montag die Stadt und das Werk."), Language::German);
/// assert_eq!(detect_language("英国代表团访问了合肥"), Language::ChineseSimplified);
/// assert_eq!(detect_language("英國代表團訪問了合肥"), Language::ChineseTraditional);
/// ```
pub fn detect_language(text: &str) -> Language {
    let mut han = 0usize;
    let mut latin_letters = 0usize;
    let mut simplified = 0usize;
    let mut traditional = 0usize;
    for c in text.chars() {
        if is_han(c) {
            han += 1;
            if SIMPLIFIED_ONLY.contains(c) {
                simplified += 1;
            } else if TRADITIONAL_ONLY.contains(c) {
                traditional += 1;
            }
        } else if c.is_alphabetic() {
            latin_letters += 1;
        }
    }
    // A Han character carries about a word; a Latin word about five letters.
    if han > 0 && han * 5 >= latin_letters {
        return if traditional > simplified {
            Language::ChineseTraditional
        } else {
            Language::ChineseSimplified
        };
    }
    detect_latin(text)
}

fn detect_latin(text: &str) -> Language {
    let scores = function_word_scores(text);
    let (best, &best_score) = scores
        .read
        .iter()
        .enumerate()
        .max_by_key(|&(_, score)| *score)
        .expect("three languages");
    // Spanish shares `la`, `que`, `a` with French: a text whose function words are more
    // Spanish (Italian, Portuguese, Dutch) than anything the engine reads is not read as one.
    if best_score < 2 || scores.is_foreign() {
        return Language::Undetermined;
    }
    [Language::English, Language::German, Language::French][best]
}

/// How many function words of each language a text has.
struct FunctionWords {
    /// English, German, French.
    read: [usize; 3],
    /// Spanish, Italian, Portuguese, Dutch.
    others: [usize; 4],
}

impl FunctionWords {
    fn is_foreign(&self) -> bool {
        let best_read = self.read.iter().copied().max().unwrap_or(0);
        self.others.iter().any(|&other| other >= 2 && other > best_read)
    }
}

fn function_word_scores(text: &str) -> FunctionWords {
    let mut scores = FunctionWords {
        read: [0; 3],
        others: [0; 4],
    };
    for word in text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        let lists = scores
            .read
            .iter_mut()
            .zip(STOPWORDS)
            .chain(scores.others.iter_mut().zip(OTHER_STOPWORDS));
        for (score, stopwords) in lists {
            if stopwords.contains(&word.as_str()) {
                *score += 1;
            }
        }
    }
    scores
}

/// Whether `text` is written in a language the engine does not read (Spanish, Italian,
/// Portuguese, Dutch…), as opposed to too short to tell: the engine then finds no event in it.
///
/// # Example
/// ```
/// use atlas_extract::is_in_unread_language;
/// assert!(is_in_unread_language("La delegación visitó la ciudad y firmó un acuerdo con la universidad."));
/// assert!(!is_in_unread_language("A delegation visited London."));
/// ```
pub fn is_in_unread_language(text: &str) -> bool {
    detect_language(text) == Language::Undetermined && function_word_scores(text).is_foreign()
}

/// Frequent function words that are rare in the other two languages.
const STOPWORDS: [&[&str]; 3] = [
    &[
        "the", "and", "of", "to", "in", "is", "was", "with", "for", "that", "on", "said", "by", "its", "has", "have",
        "from", "will", "which", "their",
    ],
    &[
        "der", "die", "das", "und", "mit", "von", "für", "ist", "den", "dem", "ein", "eine", "sich", "auf", "nicht",
        "wurde", "auch", "bei", "zum", "zur", "des", "im",
    ],
    &[
        "le", "la", "les", "et", "des", "du", "une", "est", "pour", "dans", "avec", "sur", "au", "aux", "qui", "que",
        "par", "a", "ont", "sont", "cette",
    ],
];

/// Function words of languages the engine does not read (Spanish, Italian, Portuguese,
/// Dutch): only to tell that a text is in none of the three above. Words they share with
/// French (`la`, `que`, `a`) count for them too, so that only French's own words make French.
const OTHER_STOPWORDS: [&[&str]; 4] = [
    &[
        "el", "la", "los", "las", "y", "en", "con", "que", "por", "del", "una", "es", "se", "su", "al", "fue", "para",
        "como",
    ],
    &[
        "il", "la", "gli", "e", "di", "che", "per", "con", "una", "della", "sono", "nel", "dei", "alla", "anche", "è",
    ],
    &[
        "o", "a", "os", "em", "do", "da", "com", "que", "não", "uma", "para", "foi", "pelo", "pela", "dos", "das", "ao",
    ],
    &[
        "de", "het", "een", "en", "van", "is", "met", "voor", "op", "dat", "niet", "zijn", "ook", "werd", "bij",
    ],
];

/// A Han character (CJK unified ideographs, extensions A and B, compatibility ideographs): the
/// one definition every scanner of the engine uses.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2A6DF}')
}

/// `c.is_alphabetic()`, told without Unicode's tables for the punctuation news text uses most
/// (`’“”—…`, `，。、「」`), which is no letter.
pub(crate) fn is_alphabetic(c: char) -> bool {
    // The accented letters of German and French, all letters, without Unicode's tables too.
    matches!(c, 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ſ') || (!is_common_punctuation(c) && c.is_alphabetic())
}

/// General punctuation, CJK symbols and fullwidth ASCII punctuation: blocks without a letter
/// (CJK's `々〆〇` and the Hangzhou numerals left out).
fn is_common_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{FF01}'..='\u{FF20}')
}

/// The bytes of `word` with its ASCII letters in lower case, copied into `buf`; `None` when it
/// does not fit (no word looked up this way is that long). Bytes, not a `str`: looked up as
/// they are, they need no second validation.
pub(crate) fn ascii_lowercase<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b [u8]> {
    let copy = buf.get_mut(..word.len())?;
    copy.copy_from_slice(word.as_bytes());
    copy.make_ascii_lowercase();
    Some(copy)
}

/// Whether `text` starts with `prefix`, ASCII letters compared in either case (no lowercase copy).
pub(crate) fn starts_with_ignore_ascii_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `text` ends with `suffix`, ASCII letters compared in either case.
pub(crate) fn ends_with_ignore_ascii_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len() && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether `needle` occurs in `text`, ASCII letters compared in either case.
pub(crate) fn contains_ignore_ascii_case(text: &str, needle: &str) -> bool {
    let Some((&first, rest)) = needle.as_bytes().split_first() else {
        return true;
    };
    let Some(last_start) = text.len().checked_sub(needle.len()) else {
        return false;
    };
    // Only where the first byte stands, in either case: found by `memchr`'s vector search,
    // not by comparing a window at every byte.
    let bytes = text.as_bytes();
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        &bytes[..=last_start],
    )
    .any(|at| bytes[at + 1..at + needle.len()].eq_ignore_ascii_case(rest))
}

/// Where `needle` first stands in `text`, as `str::find` tells, for the names and short texts
/// compared here: its searcher costs more to set up than such a text costs to search. A valid
/// UTF-8 needle matches bytes only where a character starts.
pub(crate) fn find_str(text: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    // The byte searched for: the first, or, when the needle starts with a multi-byte character,
    // the second. Han text shares a few first bytes (a Han name's stands at every other
    // character of a Chinese sentence), its second bytes are spread over 64 values.
    let key_at = usize::from(first >= 0xC0 && needle.len() > 1);
    let key = needle[key_at];
    let bytes = text.as_bytes();
    let mut from = key_at;
    // Each candidate's key is further on than the last's: the first match found is the first.
    while let Some(at) = memchr::memchr(key, bytes.get(from..)?) {
        let start = from + at - key_at;
        if bytes[start..].starts_with(needle) {
            return Some(start);
        }
        from += at + 1;
    }
    None
}

/// Whether `text` contains `needle`: [`find_str`].
pub(crate) fn contains_str(text: &str, needle: &str) -> bool {
    find_str(text, needle).is_some()
}

/// The first position from `from` on whose byte is an ASCII capital (or one of `@[\\]^_`, in
/// the same range) or not ASCII, else `bytes.len()`: where a name may begin, found eight bytes
/// at a time in the lower-case text around names.
pub(crate) fn next_capital_or_non_ascii(bytes: &[u8], mut from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    // The high bit of each zero byte of `x` (and maybe of bytes above one: only the lowest is
    // used).
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    while let Some(chunk) = bytes.get(from..from + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let candidates = (word & HIGHS) | zero_bytes((word ^ (ONES * 0x40)) & (ONES * 0xE0));
        if candidates != 0 {
            return from + (candidates.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|&b| b >= 0x80 || b & 0xE0 == 0x40)
        .map_or(bytes.len(), |at| from + at)
}

/// Whether `text` may hold a Han character: a cheap byte test (every Han character's first
/// UTF-8 byte is 0xE3 or above) that lets scanners for Han words skip Latin-script text.
pub(crate) fn may_contain_han(text: &str) -> bool {
    // Eight bytes at a time: a run of ASCII (no high bit) is passed over at once. Other bytes
    // are told at once too: the low seven bits plus 0x1D reach the high bit from 0x63 on (no
    // carry into the next byte), which with the byte's own high bit is 0xE3 and above.
    const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = text.as_bytes().chunks_exact(8);
    let han_lead = |chunk: &[u8]| {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        x & HIGHS != 0 && ((x & LOWS) + 0x1D1D_1D1D_1D1D_1D1D) & x & HIGHS != 0
    };
    chunks.by_ref().any(han_lead) || chunks.remainder().iter().any(|&b| b >= 0xE3)
}

/// Frequent characters of news text whose simplified and traditional forms differ.
/// Position `i` of one string is the counterpart of position `i` of the other.
const SIMPLIFIED_ONLY: &str =
    "国会与这为来说时对发经际业产学开关进们华伦区长东门问间议贸协术动员实现将务层级环设观钱银资书报纪";
const TRADITIONAL_ONLY: &str =
    "國會與這為來說時對發經際業產學開關進們華倫區長東門問間議貿協術動員實現將務層級環設觀錢銀資書報紀";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_han_lead_byte_is_found_at_every_place_and_no_other_byte_is_taken_for_one() {
        // Every character from U+0080 on (lead bytes 0xC2 to 0xF4) at every place of a text
        // longer than two chunks: found exactly when its lead byte is 0xE3 or above.
        for c in [
            'é',
            'ß',
            '\u{7FF}',
            '\u{800}',
            '’',
            '“',
            '\u{2FFF}',
            '\u{3000}',
            '中',
            '，',
            '\u{1F600}',
        ] {
            for at in 0..20 {
                let text: String = "the delegation met a"
                    .chars()
                    .enumerate()
                    .map(|(i, d)| if i == at { c } else { d })
                    .collect();
                let expected = text.bytes().any(|b| b >= 0xE3);
                assert_eq!(may_contain_han(&text), expected, "{c:?} at {at}");
            }
        }
    }

    #[test]
    fn romance_and_dutch_texts_are_not_taken_for_french_or_english() {
        let unread = [
            "La delegación visitó la ciudad y firmó un acuerdo de cooperación con la universidad el martes pasado.",
            "La delegazione ha visitato la città e ha firmato un accordo di cooperazione con il sindaco per la ricerca.",
            "A delegação visitou a cidade e assinou um acordo de cooperação com o governo para os portos.",
            "De delegatie bezocht de stad en tekende een akkoord met het bestuur van de haven voor de handel.",
        ];
        for text in unread {
            assert_eq!(detect_language(text), Language::Undetermined, "{text}");
        }
        let french = "La délégation de la province du Hunan a signé en mai un accord de coopération avec la ville de Londres pour les échanges.";
        assert_eq!(detect_language(french), Language::French);
    }

    #[test]
    fn latin_1_and_extended_a_letters_are_letters() {
        for c in ('À'..='ſ').filter(|c| !['×', '÷'].contains(c)) {
            assert!(c.is_alphabetic() && is_alphabetic(c), "{c:?}");
        }
        assert!(!is_alphabetic('×') && !is_alphabetic('÷'));
    }

    #[test]
    fn common_punctuation_holds_no_letter() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_common_punctuation(c))
        {
            assert!(!c.is_alphabetic(), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn find_str_finds_what_str_find_does(text in "[ab\u{4e2d}\u{4e9a}\u{e9}]{0,10}", needle in "[ab\u{4e2d}\u{4e9a}\u{e9}]{0,3}") {
            proptest::prop_assert_eq!(find_str(&text, &needle), text.find(needle.as_str()));
        }

        #[test]
        fn contains_ignore_ascii_case_is_a_window_compared_at_every_byte(
            text in "[aAbB \u{e9}\u{c9}]{0,12}",
            needle in "[aAbB \u{e9}]{0,3}",
        ) {
            let windows = needle.is_empty()
                || text.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
            proptest::prop_assert_eq!(contains_ignore_ascii_case(&text, &needle), windows);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_next_capital_or_non_ascii_byte_is_the_first_one_a_byte_scan_finds(
            text in "[a-zA-Z@_ ,.\u{e9}\u{4e2d}]{0,40}",
            from in 0usize..48,
        ) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let slow = bytes[from..]
                .iter()
                .position(|&b| b >= 0x80 || (0x40..=0x5F).contains(&b))
                .map_or(bytes.len(), |at| from + at);
            proptest::prop_assert_eq!(next_capital_or_non_ascii(bytes, from), slow);
        }
    }

    #[test]
    fn ascii_case_insensitive_comparisons_need_no_copy() {
        assert!(starts_with_ignore_ascii_case("Visitors from Hefei", "visitor"));
        assert!(!starts_with_ignore_ascii_case("Visit", "visitor"));
        assert!(ends_with_ignore_ascii_case("VISITING", "ing") && !ends_with_ignore_ascii_case("in", "ing"));
        assert!(contains_ignore_ascii_case("Chinese AMBASSADOR to the UK", "ambassador"));
        assert!(!contains_ignore_ascii_case("Consul", "consul-general"));
        assert!(contains_ignore_ascii_case("", ""));
    }

    #[test]
    fn script_tables_pair_up_and_never_overlap() {
        assert_eq!(SIMPLIFIED_ONLY.chars().count(), TRADITIONAL_ONLY.chars().count());
        for (simplified, traditional) in SIMPLIFIED_ONLY.chars().zip(TRADITIONAL_ONLY.chars()) {
            assert_ne!(simplified, traditional);
            assert!(!TRADITIONAL_ONLY.contains(simplified), "{simplified} is in both tables");
        }
    }

    #[test]
    fn latin_languages_by_function_words() {
        assert_eq!(
            detect_language("The delegation visited the plant and met the mayor."),
            Language::English
        );
        assert_eq!(
            detect_language("La délégation a visité les usines et la mairie de la ville."),
            Language::French
        );
        assert_eq!(
            detect_language("Die Gruppe hat sich mit dem Bürgermeister und der Presse getroffen."),
            Language::German
        );
    }

    #[test]
    fn han_text_with_some_latin_is_still_chinese() {
        assert_eq!(
            detect_language("英国驻华大使吴百纳访问重庆 Barbara Woodward 在“黄金时代”打造更多成果"),
            Language::ChineseSimplified
        );
    }

    #[test]
    fn too_little_text_is_undetermined() {
        assert_eq!(detect_language(""), Language::Undetermined);
        assert_eq!(detect_language("12345 !!"), Language::Undetermined);
        assert_eq!(detect_language("Привет мир, это текст"), Language::Undetermined);
    }

    #[test]
    fn tags_round_trip() {
        for language in [
            Language::English,
            Language::German,
            Language::French,
            Language::ChineseSimplified,
            Language::ChineseTraditional,
        ] {
            assert_eq!(Language::from_tag(language.tag()), Some(language));
        }
    }
}
