//! "My articles" on the page: the articles and reviews as signals, and what a person does with
//! them (add, review, remove, show in the atlas). Provided by `App` above the explorer, so the
//! explorer can be rebuilt with the person's events without losing any of it.

use super::store::{self, Quarantined, StoreError};
use super::{unique_name, Decision, MyArticle};
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Something the person should know: a file not added, a storage problem.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    NotRead(String),
    Storage(StoreError),
    Quarantined(Quarantined),
    Engine(String),
}

/// Where the engine's worker is: it starts when the panel first opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Idle,
    Starting,
    Ready,
}

/// How far a batch has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

#[derive(Clone, Copy)]
pub struct MineSession {
    pub articles: RwSignal<Vec<MyArticle>>,
    pub panel_open: RwSignal<bool>,
    pub progress: RwSignal<Option<Progress>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub engine: RwSignal<Engine>,
    /// Changes each time the atlas must show a new set of the person's events.
    pub shown: RwSignal<u32>,
    /// The names of the atlas's own articles and of those being read: new ones must differ.
    taken: StoredValue<Vec<String>>,
    /// One trigger per article, so that its review runs again when that article changes, not
    /// when any does: each article of a batch of fifty re-ran every review already shown.
    changes: StoredValue<HashMap<String, ArcTrigger>>,
}

impl MineSession {
    /// Reads what this browser kept and provides the session.
    pub fn provide(base_files: Vec<String>) -> MineSession {
        let mut notices = Vec::new();
        let articles = match open_storage() {
            Ok(mut storage) => {
                let loaded = store::load(&mut storage);
                notices.extend(loaded.quarantined.into_iter().map(Notice::Quarantined));
                loaded.articles
            }
            Err(error) => {
                notices.push(Notice::Storage(error));
                Vec::new()
            }
        };
        // A kept record that could not be read is news the person should see at once.
        let damaged = notices.iter().any(|n| matches!(n, Notice::Quarantined(_)));
        let session = MineSession {
            articles: RwSignal::new(articles),
            panel_open: RwSignal::new(damaged),
            progress: RwSignal::new(None),
            notices: RwSignal::new(notices),
            engine: RwSignal::new(Engine::Idle),
            shown: RwSignal::new(0),
            taken: StoredValue::new(base_files),
            changes: StoredValue::new(HashMap::new()),
        };
        provide_context(session);
        session
    }

    /// Reads the article named `file` (`None` once it is removed); a reactive scope that reads
    /// it runs again when that article changes, and only then.
    pub fn with_article<T>(&self, file: &str, read: impl FnOnce(Option<&MyArticle>) -> T) -> T {
        self.changes
            .update_value(|changes| changes.entry(file.to_string()).or_default().track());
        self.articles
            .with_untracked(|articles| read(articles.iter().find(|a| a.file == file)))
    }

    /// Tells what reads the article `file` (`with_article`) that it changed.
    fn changed(&self, file: &str) {
        if let Some(trigger) = self.changes.with_value(|changes| changes.get(file).cloned()) {
            trigger.notify();
        }
    }

    /// A name no article of the atlas has, nor any being read; reserved from now on.
    pub fn new_name(&self, wanted: &str) -> String {
        let name = {
            let articles = self.articles.read_untracked();
            let taken = self.taken.read_value();
            let all: Vec<&str> = taken
                .iter()
                .map(String::as_str)
                .chain(articles.iter().map(|a| a.file.as_str()))
                .collect();
            unique_name(wanted, &all)
        };
        self.taken.update_value(|taken| taken.push(name.clone()));
        name
    }

    /// Starts the engine's worker and has it read its gazetteer, so that the first article
    /// is read at once.
    #[cfg(target_arch = "wasm32")]
    pub fn warm_engine(&self) {
        if self.engine.get_untracked() != Engine::Idle {
            return;
        }
        self.engine.set(Engine::Starting);
        let session = *self;
        leptos::task::spawn_local(async move {
            let warmed = match super::worker::EngineWorker::get() {
                Ok(worker) => worker.warm().await,
                Err(error) => Err(error),
            };
            match warmed {
                Ok(()) => session.engine.set(Engine::Ready),
                Err(error) => {
                    session.engine.set(Engine::Idle);
                    session.notify(Notice::Engine(error));
                }
            }
        });
    }

    /// Reads files (name and bytes) with the engine, one after the other, off the page's
    /// thread; each article appears as soon as it is read.
    #[cfg(target_arch = "wasm32")]
    pub fn read_files(&self, files: Vec<(String, Vec<u8>)>) {
        if files.is_empty() {
            return;
        }
        let session = *self;
        let named: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .map(|(name, bytes)| (session.new_name(&name), bytes))
            .collect();
        session.expect(named.len());
        leptos::task::spawn_local(async move {
            let worker = super::worker::EngineWorker::get();
            for (name, bytes) in named {
                let read = match &worker {
                    Ok(worker) => worker.extract(&name, &bytes).await,
                    Err(error) => Err(error.clone()),
                };
                match read {
                    Ok(json) => session.add(json),
                    Err(error) if worker.is_err() => session.notify(Notice::Engine(error)),
                    Err(error) => session.notify(Notice::NotRead(error)),
                }
                session.step();
            }
        });
    }

    /// Adds the engine's reading of a new article, every event proposed for the atlas.
    pub fn add(&self, json: String) {
        self.add_reviewed(json, &BTreeMap::new());
    }

    /// Adds an article with the review it had (by event number: `3` for `…#3`); events it
    /// does not mention are proposed for the atlas.
    pub fn add_reviewed(&self, json: String, review: &BTreeMap<String, Decision>) {
        match MyArticle::from_json(json, BTreeMap::new()) {
            Ok(mut article) => {
                for event in &article.extraction.events {
                    let number = super::event_number(&event.id);
                    let decision = review.get(number).cloned().unwrap_or(Decision {
                        accepted: true,
                        ..Decision::default()
                    });
                    article.decisions.insert(event.id.clone(), decision);
                }
                self.keep(|storage| store::save(storage, &article));
                let file = article.file.clone();
                // A new reading of an article already here takes its place.
                self.articles
                    .update(|articles| match articles.iter_mut().find(|a| a.file == article.file) {
                        Some(slot) => *slot = article,
                        None => articles.push(article),
                    });
                self.changed(&file);
            }
            Err(error) => self.notify(Notice::Engine(error)),
        }
    }

    /// Adds the articles of a bundle (`export::bundle`) with their reviews, read again by
    /// the engine of this build.
    #[cfg(target_arch = "wasm32")]
    pub fn import_bundle(&self, name: String, bytes: Vec<u8>) {
        let bundle = match crate::export::bundle::Bundle::from_zip(&name, &bytes) {
            Ok(bundle) => bundle,
            Err(error) => return self.notify(Notice::NotRead(error.to_string())),
        };
        let session = *self;
        let articles: Vec<_> = bundle
            .articles
            .iter()
            .map(|a| (session.new_name(&a.file), a.clone()))
            .collect();
        session.expect(articles.len());
        leptos::task::spawn_local(async move {
            let worker = match super::worker::EngineWorker::get() {
                Ok(worker) => worker,
                Err(error) => return session.notify(Notice::Engine(error)),
            };
            for (new_name, article) in articles {
                match worker.extract_text(&new_name, &article.text).await {
                    Ok(json) => session.add_reviewed(json, &super::decisions_from_bundle(&bundle, &article.file)),
                    Err(error) => session.notify(Notice::NotRead(error)),
                }
                session.step();
            }
        });
    }

    /// `count` more files to read in the batch under way (or a new one).
    #[cfg(target_arch = "wasm32")]
    fn expect(&self, count: usize) {
        self.progress
            .update(|progress| progress.get_or_insert(Progress { done: 0, total: 0 }).total += count);
    }

    /// One file of the batch read; the batch is over when all are.
    #[cfg(target_arch = "wasm32")]
    fn step(&self) {
        self.progress.update(|progress| {
            if let Some(p) = progress {
                p.done += 1;
                if p.done >= p.total {
                    *progress = None;
                }
            }
        });
    }

    /// Reads an article again with new details (title, date, source): the engine's new
    /// reading replaces the old, and the review carries over by event number.
    #[cfg(target_arch = "wasm32")]
    pub fn reread(&self, file: String, text: String) {
        let session = *self;
        leptos::task::spawn_local(async move {
            let read = match super::worker::EngineWorker::get() {
                Ok(worker) => worker.extract_text(&file, &text).await,
                Err(error) => Err(error),
            };
            let json = match read {
                Ok(json) => json,
                Err(error) => return session.notify(Notice::NotRead(error)),
            };
            let review: BTreeMap<String, Decision> = session.articles.with_untracked(|articles| {
                articles
                    .iter()
                    .find(|a| a.file == file)
                    .map(|a| {
                        a.decisions
                            .iter()
                            .map(|(id, d)| (super::event_number(id).to_string(), d.clone()))
                            .collect()
                    })
                    .unwrap_or_default()
            });
            session.add_reviewed(json, &review);
        });
    }

    pub fn decide(&self, file: &str, event_id: &str, change: impl FnOnce(&mut Decision)) {
        let mut changed = None;
        self.articles.update(|articles| {
            if let Some(article) = articles.iter_mut().find(|a| a.file == file) {
                change(article.decisions.entry(event_id.to_string()).or_default());
                changed = Some(article.clone());
            }
        });
        if let Some(article) = changed {
            self.keep(|storage| store::save_review(storage, &article));
            self.changed(file);
        }
    }

    pub fn remove(&self, file: &str) {
        self.articles.update(|articles| articles.retain(|a| a.file != file));
        self.changed(file);
        self.changes.update_value(|changes| {
            changes.remove(file);
        });
        self.keep(|storage| {
            store::remove(storage, file);
            Ok(())
        });
        self.show();
    }

    pub fn clear(&self) {
        self.articles.set(Vec::new());
        self.changes.update_value(HashMap::clear);
        self.notices.set(Vec::new());
        self.keep(|storage| {
            store::clear(storage);
            Ok(())
        });
        self.show();
    }

    /// Rebuilds the atlas with the accepted events.
    pub fn show(&self) {
        self.shown.update(|n| *n += 1);
    }

    pub fn notify(&self, notice: Notice) {
        self.notices.update(|notices| {
            if !notices.contains(&notice) {
                notices.push(notice);
            }
        });
    }

    fn keep(&self, write: impl FnOnce(&mut Storage) -> Result<(), StoreError>) {
        if let Err(error) = open_storage().and_then(|mut storage| write(&mut storage)) {
            self.notify(Notice::Storage(error));
        }
    }
}

#[cfg(target_arch = "wasm32")]
type Storage = store::BrowserStorage;
#[cfg(not(target_arch = "wasm32"))]
type Storage = store::MemoryStorage;

fn open_storage() -> Result<Storage, StoreError> {
    #[cfg(target_arch = "wasm32")]
    return store::BrowserStorage::open();
    #[cfg(not(target_arch = "wasm32"))]
    Ok(store::MemoryStorage::default())
}

/// The session, when the page has one (an embed does not).
pub fn use_mine() -> Option<MineSession> {
    use_context::<MineSession>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// The engine's reading of an article `file` with one event.
    fn reading(file: &str) -> String {
        format!(
            r#"{{"documents":[{{"file":"{file}","title":"A visit","lang":"en","published":"2025-05-16","source":null,"url":null,"body_start":0,"text":"A Hunan delegation visited London."}}],
            "events":[{{"id":"{file}#1","file":"{file}","kind":"visit","salience":"main","date":"2025-05-15","places":[],"actors":[],"sectors":[],"figures":[],"evidence":[]}}]}}"#
        )
    }

    #[test]
    fn a_review_runs_again_when_its_own_article_changes_and_only_then() {
        let owner = Owner::new();
        owner.set();
        let session = MineSession::provide(Vec::new());
        session.add(reading("a.txt"));
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = runs.clone();
        let accepted = Memo::new(move |_| {
            counted.fetch_add(1, Ordering::Relaxed);
            session.with_article("a.txt", |article| {
                article.map(|a| a.decisions.values().filter(|d| d.accepted).count())
            })
        });
        assert_eq!(accepted.get(), Some(1));
        // Another article arrives and is reviewed: this review has nothing to do.
        session.add(reading("b.txt"));
        session.decide("b.txt", "b.txt#1", |d| d.accepted = false);
        assert_eq!(accepted.get(), Some(1));
        assert_eq!(runs.load(Ordering::Relaxed), 1);
        // Its own article is reviewed, read again, removed: each time it runs.
        session.decide("a.txt", "a.txt#1", |d| d.accepted = false);
        assert_eq!(accepted.get(), Some(0));
        session.add(reading("a.txt"));
        assert_eq!(accepted.get(), Some(1));
        session.remove("a.txt");
        assert_eq!(accepted.get(), None);
        assert_eq!(runs.load(Ordering::Relaxed), 4);
    }
}
