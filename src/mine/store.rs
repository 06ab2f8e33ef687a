//! Keeping "my articles" across reloads and browser restarts, in the browser's localStorage:
//! per article, the engine's output (`…mine.article.<file>`) and the review (`…mine.review.<file>`),
//! so a damaged review never costs the article. A record that cannot be read is moved aside
//! (`cooperation-atlas.quarantine.<key>`), never deleted, and named in a message.

use super::{Decision, MyArticle};
use std::collections::BTreeMap;

const ARTICLE: &str = "cooperation-atlas.mine.article.";
const REVIEW: &str = "cooperation-atlas.mine.review.";
const QUARANTINE: &str = "cooperation-atlas.quarantine.";

/// Where records live: the browser's localStorage, or a map in tests.
pub trait KeyValue {
    fn keys(&self) -> Vec<String>;
    fn get(&self, key: &str) -> Option<String>;
    /// # Errors
    /// The storage is full or refuses writes.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str);
}

/// Why the articles could not be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser gives no storage (private mode, blocked by settings, a sandboxed frame).
    Unavailable,
    /// The storage is full.
    Full,
    /// Anything else the browser said.
    Other(String),
}

/// A record that could not be read, and where it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub key: String,
    pub moved_to: String,
    pub reason: String,
}

/// What was kept, and what could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<MyArticle>,
    pub quarantined: Vec<Quarantined>,
}

/// Reads every kept article, moving aside the records that cannot be read.
pub fn load(store: &mut impl KeyValue) -> Loaded {
    let mut loaded = Loaded::default();
    let mut keys = store.keys();
    keys.sort();
    for key in keys.iter().filter(|k| k.starts_with(ARTICLE)) {
        let file = &key[ARTICLE.len()..];
        let Some(json) = store.get(key) else { continue };
        let review_key = format!("{REVIEW}{file}");
        let decisions = match store
            .get(&review_key)
            .map(|text| crate::json::from_json::<BTreeMap<String, Decision>>(&text))
        {
            None => BTreeMap::new(),
            Some(Ok(decisions)) => decisions,
            Some(Err(reason)) => {
                loaded.quarantined.extend(quarantine(store, &review_key, reason));
                BTreeMap::new()
            }
        };
        match MyArticle::from_json(json, decisions) {
            Ok(article) if article.file == file => loaded.articles.push(article),
            Ok(article) => {
                let reason = format!("it holds the article {:?}", article.file);
                loaded.quarantined.extend(quarantine(store, key, reason));
            }
            Err(reason) => loaded.quarantined.extend(quarantine(store, key, reason)),
        }
    }
    loaded
}

fn quarantine(store: &mut impl KeyValue, key: &str, reason: String) -> Option<Quarantined> {
    let value = store.get(key)?;
    let moved_to = format!("{QUARANTINE}{key}");
    // Only a copy that was written lets the original go: a full storage keeps it in place.
    if store.set(&moved_to, &value).is_ok() {
        store.remove(key);
        Some(Quarantined {
            key: key.to_string(),
            moved_to,
            reason,
        })
    } else {
        Some(Quarantined {
            key: key.to_string(),
            moved_to: key.to_string(),
            reason,
        })
    }
}

/// Keeps an article and its review.
///
/// # Errors
/// The storage is unavailable or full; what was kept before stays as it was.
pub fn save(store: &mut impl KeyValue, article: &MyArticle) -> Result<(), StoreError> {
    store.set(&format!("{ARTICLE}{}", article.file), &article.json)?;
    save_review(store, article)
}

/// Keeps an article's review.
///
/// # Errors
/// As [`save`].
pub fn save_review(store: &mut impl KeyValue, article: &MyArticle) -> Result<(), StoreError> {
    let json = crate::json::to_json(&article.decisions).map_err(StoreError::Other)?;
    store.set(&format!("{REVIEW}{}", article.file), &json)
}

/// Forgets one article.
pub fn remove(store: &mut impl KeyValue, file: &str) {
    store.remove(&format!("{ARTICLE}{file}"));
    store.remove(&format!("{REVIEW}{file}"));
}

/// Forgets everything the person added, records moved aside included.
pub fn clear(store: &mut impl KeyValue) {
    for key in store.keys() {
        if [ARTICLE, REVIEW, QUARANTINE]
            .iter()
            .any(|prefix| key.starts_with(prefix))
        {
            store.remove(&key);
        }
    }
}

/// The page's localStorage.
#[cfg(target_arch = "wasm32")]
pub struct BrowserStorage(web_sys::Storage);

#[cfg(target_arch = "wasm32")]
impl BrowserStorage {
    /// # Errors
    /// [`StoreError::Unavailable`] when the browser gives the page no storage.
    pub fn open() -> Result<BrowserStorage, StoreError> {
        let window = web_sys::window().ok_or(StoreError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(BrowserStorage(storage)),
            _ => Err(StoreError::Unavailable),
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl KeyValue for BrowserStorage {
    fn keys(&self) -> Vec<String> {
        let length = self.0.length().unwrap_or(0);
        (0..length).filter_map(|n| self.0.key(n).ok().flatten()).collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(|error| {
            let name = js_sys::Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            match name.as_str() {
                "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
                "SecurityError" => StoreError::Unavailable,
                _ => StoreError::Other(name),
            }
        })
    }

    fn remove(&mut self, key: &str) {
        let _ = self.0.remove_item(key);
    }
}

/// A map standing in for localStorage, with a size limit to play a full storage.
#[derive(Debug, Default)]
pub struct MemoryStorage {
    pub entries: BTreeMap<String, String>,
    /// Total bytes of values allowed; `None` for no limit.
    pub limit: Option<usize>,
}

impl KeyValue for MemoryStorage {
    fn keys(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let others: usize = self
            .entries
            .iter()
            .filter(|(k, _)| *k != key)
            .map(|(_, v)| v.len())
            .sum();
        if self.limit.is_some_and(|limit| others + value.len() > limit) {
            return Err(StoreError::Full);
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn article(file: &str) -> MyArticle {
        let json = format!(
            r#"{{"documents":[{{"file":"{file}","lang":"en","text":"LONDON -- A Hunan delegation visited London."}}],
               "events":[{{"id":"{file}#1","file":"{file}","kind":"visit","salience":"main","evidence":[]}}]}}"#
        );
        let mut decisions = BTreeMap::new();
        decisions.insert(
            format!("{file}#1"),
            Decision {
                accepted: true,
                ..Decision::default()
            },
        );
        MyArticle::from_json(json, decisions).unwrap()
    }

    #[test]
    fn articles_and_their_reviews_come_back() {
        let mut store = MemoryStorage::default();
        save(&mut store, &article("b.txt")).unwrap();
        save(&mut store, &article("a.txt")).unwrap();
        let loaded = load(&mut store);
        assert!(loaded.quarantined.is_empty());
        assert_eq!(loaded.articles, vec![article("a.txt"), article("b.txt")]);
        remove(&mut store, "a.txt");
        assert_eq!(load(&mut store).articles, vec![article("b.txt")]);
    }

    #[test]
    fn a_corrupt_article_is_moved_aside_and_the_others_stay() {
        let mut store = MemoryStorage::default();
        save(&mut store, &article("a.txt")).unwrap();
        save(&mut store, &article("b.txt")).unwrap();
        store
            .entries
            .insert(format!("{ARTICLE}a.txt"), "{\"documents\": [tru".into());
        let loaded = load(&mut store);
        assert_eq!(loaded.articles, vec![article("b.txt")]);
        assert_eq!(loaded.quarantined.len(), 1);
        let moved = &loaded.quarantined[0];
        assert_eq!(moved.key, format!("{ARTICLE}a.txt"));
        // Kept, byte for byte, under the quarantine key; gone from the articles.
        assert_eq!(store.get(&moved.moved_to).as_deref(), Some("{\"documents\": [tru"));
        assert!(store.get(&moved.key).is_none());
        assert_eq!(load(&mut store).quarantined, vec![]);
    }

    #[test]
    fn a_corrupt_review_costs_the_review_not_the_article() {
        let mut store = MemoryStorage::default();
        save(&mut store, &article("a.txt")).unwrap();
        store.entries.insert(format!("{REVIEW}a.txt"), "[1, 2".into());
        let loaded = load(&mut store);
        assert_eq!(loaded.articles.len(), 1);
        assert!(loaded.articles[0].decisions.is_empty());
        assert_eq!(loaded.quarantined[0].key, format!("{REVIEW}a.txt"));
    }

    #[test]
    fn a_record_under_another_name_is_moved_aside() {
        let mut store = MemoryStorage::default();
        store.entries.insert(format!("{ARTICLE}x.txt"), article("a.txt").json);
        let loaded = load(&mut store);
        assert!(loaded.articles.is_empty());
        assert!(loaded.quarantined[0].reason.contains("a.txt"));
    }

    #[test]
    fn a_full_storage_says_so_and_keeps_what_it_had() {
        let mut store = MemoryStorage {
            limit: Some(600),
            ..MemoryStorage::default()
        };
        save(&mut store, &article("a.txt")).unwrap();
        let mut big = article("b.txt");
        big.json = big.json.replace("visited London.", &"visited London. ".repeat(100));
        assert_eq!(save(&mut store, &big), Err(StoreError::Full));
        assert_eq!(load(&mut store).articles, vec![article("a.txt")]);
    }

    #[test]
    fn clearing_forgets_everything_added_and_nothing_else() {
        let mut store = MemoryStorage::default();
        save(&mut store, &article("a.txt")).unwrap();
        store
            .entries
            .insert(format!("{QUARANTINE}{ARTICLE}z.txt"), "junk".into());
        store.entries.insert("cooperation-atlas.theme".into(), "dark".into());
        clear(&mut store);
        assert_eq!(store.keys(), vec!["cooperation-atlas.theme".to_string()]);
    }
}
