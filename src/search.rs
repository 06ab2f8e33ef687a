//! Full-text search over events: an inverted index of their words (Latin script, lower case,
//! matched by prefix) and of their Han characters in pairs (Chinese has no spaces between
//! words, so `伦敦` is found as the bigram 伦敦, wherever it stands).
//!
//! Built for 100,000 events: a word is looked up in a hash map through one reused buffer (a
//! string is allocated once per distinct word, not per occurrence), Han characters and pairs
//! are keyed by their code points, and the words are sorted once at the end, so that a prefix
//! is a range.

use rustc_hash::FxHashMap;

/// Which documents (by index) hold each word or Han bigram.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Latin-script words, lower case, sorted: a prefix is a range. Each with its documents.
    words: Vec<(Box<str>, Vec<u32>)>,
    /// Han characters, alone (second half 0) and in pairs, as they follow each other.
    han: FxHashMap<(char, char), Vec<u32>>,
    len: u32,
}

/// A search index being built, a document at a time: a big dataset's index is built in slices
/// between frames, not in one long task.
#[derive(Debug, Default)]
pub struct SearchIndexBuilder {
    word_ids: FxHashMap<Box<str>, usize>,
    words: Vec<(Box<str>, Vec<u32>)>,
    han: FxHashMap<(char, char), Vec<u32>>,
    len: u32,
    buffer: String,
}

impl SearchIndexBuilder {
    /// Indexes the next document, made of `parts` (no term runs from one part into the next).
    pub fn add<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>) {
        let doc = self.len;
        for part in parts {
            for (is_han_run, term) in terms(part) {
                if is_han_run {
                    for key in han_keys(term) {
                        add(self.han.entry(key).or_default(), doc);
                    }
                    continue;
                }
                let word = lower_into(term, &mut self.buffer);
                let id = match self.word_ids.get(word) {
                    Some(&id) => id,
                    None => {
                        self.word_ids.insert(word.into(), self.words.len());
                        self.words.push((word.into(), Vec::new()));
                        self.words.len() - 1
                    }
                };
                add(&mut self.words[id].1, doc);
            }
        }
        self.len = self.len.saturating_add(1);
    }

    /// How many documents are indexed.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The index, its words sorted for prefix search.
    pub fn finish(self) -> SearchIndex {
        let SearchIndexBuilder {
            mut words, han, len, ..
        } = self;
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        SearchIndex { words, han, len }
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2A6DF}')
}

/// The terms of a text: Latin words and Han runs, as slices of it.
fn terms(text: &str) -> impl Iterator<Item = (bool, &str)> + '_ {
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
        return Some((han, &text[start..end]));
    })
}

/// `term` in lower case, written into `buffer`.
fn lower_into<'b>(term: &str, buffer: &'b mut String) -> &'b str {
    buffer.clear();
    if term.is_ascii() {
        buffer.push_str(term);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(term.chars().flat_map(char::to_lowercase));
    }
    buffer
}

/// A Han run's keys: each character alone, then each pair.
fn han_keys(run: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let singles = run.chars().map(|c| (c, '\0'));
    let pairs = run.chars().zip(run.chars().skip(1));
    singles.chain(pairs)
}

fn add(postings: &mut Vec<u32>, doc: u32) {
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
        let mut builder = SearchIndexBuilder::default();
        for text in texts {
            builder.add([text]);
        }
        builder.finish()
    }

    /// The documents (sorted) that hold every term of `query`: a Latin term as the start of a
    /// word, a Han term as a run of characters. `None` when the query has no term (no search).
    pub fn matching(&self, query: &str) -> Option<Vec<u32>> {
        let mut result: Option<Vec<u32>> = None;
        let mut buffer = String::new();
        for (is_han_run, term) in terms(query) {
            let found = if is_han_run {
                let chars: Vec<char> = term.chars().collect();
                let keys: Vec<(char, char)> = if chars.len() == 1 {
                    vec![(chars[0], '\0')]
                } else {
                    chars.windows(2).map(|pair| (pair[0], pair[1])).collect()
                };
                keys.iter()
                    .fold(None::<Vec<u32>>, |acc, key| {
                        let postings = self.han.get(key).map_or(&[][..], Vec::as_slice);
                        Some(acc.map_or_else(|| postings.to_vec(), |acc| intersect(&acc, postings)))
                    })
                    .unwrap_or_default()
            } else {
                let prefix = lower_into(term, &mut buffer);
                let first = self.words.partition_point(|(word, _)| &**word < prefix);
                let with_prefix = self.words[first..]
                    .iter()
                    .take_while(|(word, _)| word.starts_with(prefix));
                // A short prefix starts many words: a table of the documents, not a sort.
                let mut member = vec![false; self.len as usize];
                for (_, postings) in with_prefix {
                    for &doc in postings {
                        member[doc as usize] = true;
                    }
                }
                (0..self.len).filter(|&doc| member[doc as usize]).collect()
            };
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
