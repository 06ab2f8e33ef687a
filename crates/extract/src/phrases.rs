//! Lists of phrases searched for in every sentence, as one automaton each: a sentence is scanned
//! once per list, not once per phrase, and is never lowercased into a copy.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// A phrase list, matched case-insensitively for ASCII letters (write non-ASCII capitals, like
/// `À l'avenir`, in both cases). Built on first use.
pub(crate) struct Phrases {
    phrases: &'static [&'static str],
    matcher: OnceLock<AhoCorasick>,
}

impl Phrases {
    pub(crate) const fn new(phrases: &'static [&'static str]) -> Phrases {
        Phrases {
            phrases,
            matcher: OnceLock::new(),
        }
    }

    fn matcher(&self) -> &AhoCorasick {
        self.matcher.get_or_init(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(self.phrases)
                .expect("a phrase list builds")
        })
    }

    /// Every occurrence: (start, end, index of the phrase in the list).
    pub(crate) fn find_in<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.matcher()
            .find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static GREETINGS: Phrases = Phrases::new(&["hello", "guten tag", "À bientôt", "à bientôt", "你好"]);

    #[test]
    fn phrases_match_in_any_ascii_case() {
        let occurs = |text: &str| GREETINGS.find_in(text).next().is_some();
        assert!(occurs("She said HELLO."));
        assert!(occurs("Er sagte Guten Tag"));
        assert!(occurs("À bientôt !"));
        assert!(occurs("他说你好"));
        assert!(!occurs("Goodbye"));
        let found: Vec<usize> = GREETINGS.find_in("Hello, 你好").map(|(_, _, phrase)| phrase).collect();
        assert_eq!(found, [0, 4]);
    }
}
