//! Full-text search over events: an inverted index of their words (Latin script, lower case,
//! matched by prefix) and of their Han characters in pairs (Chinese has no spaces between
//! words, so `伦敦` is found as the bigram 伦敦, wherever it stands).

use std::collections::BTreeMap;

/// Which documents (by index) hold each word or Han bigram.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Latin-script words, lower case, sorted: a prefix is a range.
    words: BTreeMap<String, Vec<u32>>,
    /// Han characters, alone and in pairs, as they follow each other in the text.
    han: BTreeMap<String, Vec<u32>>,
    len: u32,
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2A6DF}')
}

/// The terms of a text: Latin words (lower case) and Han runs.
fn terms(text: &str) -> impl Iterator<Item = (bool, String)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, c) = chars.next()?;
        let han = is_han(c);
        if !han && !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(at, next)) = chars.peek() {
            let same = if han {
                is_han(next)
            } else {
                next.is_alphanumeric() && !is_han(next)
            };
            if !same {
                break;
            }
            end = at + next.len_utf8();
            chars.next();
        }
        return Some((han, text[start..end].to_lowercase()));
    })
}

/// A Han run's characters, alone and in pairs.
fn han_keys(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    let mut keys: Vec<String> = chars.iter().map(char::to_string).collect();
    keys.extend(chars.windows(2).map(|pair| pair.iter().collect()));
    keys
}

fn add(map: &mut BTreeMap<String, Vec<u32>>, key: String, doc: u32) {
    let postings = map.entry(key).or_default();
    if postings.last() != Some(&doc) {
        postings.push(doc);
    }
}

/// The documents in both sorted lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

impl SearchIndex {
    /// Indexes each text in order: the first is document 0.
    ///
    /// # Example
    /// ```
    /// use cooperation_atlas::search::SearchIndex;
    /// let index = SearchIndex::new(["AstraZeneca opens a lab", "中英在伦敦签署协议"]);
    /// assert_eq!(index.matching("astra"), Some(vec![0]));
    /// assert_eq!(index.matching("伦敦"), Some(vec![1]));
    /// ```
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> SearchIndex {
        let mut index = SearchIndex::default();
        for (doc, text) in texts.into_iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            for (han, term) in terms(text) {
                if han {
                    for key in han_keys(&term) {
                        add(&mut index.han, key, doc);
                    }
                } else {
                    add(&mut index.words, term, doc);
                }
            }
            index.len = doc + 1;
        }
        index
    }

    /// The documents (sorted) that hold every term of `query`: a Latin term as the start of a
    /// word, a Han term as a run of characters. `None` when the query has no term (no search).
    pub fn matching(&self, query: &str) -> Option<Vec<u32>> {
        let mut result: Option<Vec<u32>> = None;
        for (han, term) in terms(query) {
            let found = if han {
                let chars: Vec<char> = term.chars().collect();
                let keys: Vec<String> = if chars.len() == 1 {
                    vec![term.clone()]
                } else {
                    chars.windows(2).map(|pair| pair.iter().collect()).collect()
                };
                keys.iter().fold(None::<Vec<u32>>, |acc, key| {
                    let postings = self.han.get(key).map_or(&[][..], Vec::as_slice);
                    Some(acc.map_or_else(|| postings.to_vec(), |acc| intersect(&acc, postings)))
                })
            } else {
                let mut docs: Vec<u32> = self
                    .words
                    .range(term.clone()..)
                    .take_while(|(word, _)| word.starts_with(&term))
                    .flat_map(|(_, postings)| postings.iter().copied())
                    .collect();
                docs.sort_unstable();
                docs.dedup();
                Some(docs)
            };
            let found = found.unwrap_or_default();
            result = Some(match result {
                None => found,
                Some(acc) => intersect(&acc, &found),
            });
        }
        result
    }

    /// How many texts were indexed.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        SearchIndex::new([
            "Zhuzhou Municipal People's Government and AstraZeneca signed an agreement",
            "The delegation visited Hefei, 合肥 in Anhui",
            "中英两国在伦敦举行经济财金对话",
            "Die Londoner Börse und AstraZeneca",
        ])
    }

    #[test]
    fn latin_terms_match_word_starts_in_any_case() {
        let index = index();
        assert_eq!(index.matching("AstraZeneca"), Some(vec![0, 3]));
        assert_eq!(index.matching("astrazeneca zhuzhou"), Some(vec![0]));
        assert_eq!(index.matching("börse"), Some(vec![3]));
        assert_eq!(index.matching("zeneca"), Some(vec![]), "a word's middle is no match");
    }

    #[test]
    fn han_terms_match_by_bigrams_anywhere_in_a_run() {
        let index = index();
        assert_eq!(index.matching("伦敦"), Some(vec![2]));
        assert_eq!(index.matching("财金对话"), Some(vec![2]));
        assert_eq!(index.matching("合"), Some(vec![1]));
        assert_eq!(index.matching("伦肥"), Some(vec![]));
    }

    #[test]
    fn an_empty_query_is_no_search() {
        assert_eq!(index().matching("  ,. "), None);
        assert_eq!(index().len(), 4);
    }
}
