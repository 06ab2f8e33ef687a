//! The extraction engine, in a Web Worker (`crates/worker`): started the first time someone
//! adds an article, so that neither the engine nor its gazetteer is part of the first view,
//! and a batch of articles never blocks the page.

use super::PickedPlace;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Beside the page's own files (Trunk's loader for `atlas-worker`).
const WORKER_URL: &str = "./atlas-worker_loader.js";

/// A handle on the worker; requests are answered in the order they were sent.
#[derive(Clone)]
pub struct EngineWorker {
    worker: web_sys::Worker,
    pending: Rc<RefCell<HashMap<u32, (js_sys::Function, js_sys::Function)>>>,
    next_id: Rc<RefCell<u32>>,
    /// Requests made before the worker said it listens (until then `Some`).
    waiting: Rc<RefCell<Option<Vec<js_sys::Object>>>>,
}

thread_local! {
    static WORKER: RefCell<Option<EngineWorker>> = const { RefCell::new(None) };
}

impl EngineWorker {
    /// The page's worker, started on first use.
    ///
    /// # Errors
    /// The browser refused to start it (no Worker support, a blocked script).
    pub fn get() -> Result<EngineWorker, String> {
        WORKER.with(|slot| {
            if let Some(worker) = slot.borrow().as_ref() {
                return Ok(worker.clone());
            }
            let worker = EngineWorker::start()?;
            *slot.borrow_mut() = Some(worker.clone());
            Ok(worker)
        })
    }

    fn start() -> Result<EngineWorker, String> {
        let worker = web_sys::Worker::new(WORKER_URL).map_err(|error| describe(&error))?;
        let pending: Rc<RefCell<HashMap<u32, (js_sys::Function, js_sys::Function)>>> = Rc::default();
        let answers = pending.clone();
        let waiting: Rc<RefCell<Option<Vec<js_sys::Object>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let queue = waiting.clone();
        let sender = worker.clone();
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |message: web_sys::MessageEvent| {
            let data = message.data();
            if field(&data, "ready").is_truthy() {
                for request in queue.borrow_mut().take().unwrap_or_default() {
                    let _ = sender.post_message(&request);
                }
                return;
            }
            let id = field(&data, "id").as_f64().unwrap_or(-1.0) as u32;
            if let Some((resolve, _)) = answers.borrow_mut().remove(&id) {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
        let failed = pending.clone();
        let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
            let reason = JsValue::from_str(&format!("the extraction engine stopped: {}", event.message()));
            for (_, (_, reject)) in failed.borrow_mut().drain() {
                let _ = reject.call1(&JsValue::NULL, &reason);
            }
            // The next request starts a new worker.
            WORKER.with(|slot| slot.borrow_mut().take());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_message.forget();
        on_error.forget();
        Ok(EngineWorker {
            worker,
            pending,
            next_id: Rc::default(),
            waiting,
        })
    }

    async fn request(&self, message: js_sys::Object) -> Result<JsValue, String> {
        let id = {
            let mut next = self.next_id.borrow_mut();
            *next += 1;
            *next
        };
        set(&message, "id", id);
        let pending = self.pending.clone();
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            pending.borrow_mut().insert(id, (resolve, reject));
        });
        if let Some(queue) = self.waiting.borrow_mut().as_mut() {
            queue.push(message);
        } else {
            self.worker.post_message(&message).map_err(|error| describe(&error))?;
        }
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|error| describe(&error))
    }

    /// Runs the engine on a file's bytes: the JSON of its extraction, text included.
    ///
    /// # Errors
    /// The engine's message naming the file (too large, binary, empty…), or why the worker
    /// could not answer.
    pub async fn extract(&self, name: &str, bytes: &[u8]) -> Result<String, String> {
        self.extract_as(name, bytes, false).await
    }

    /// As [`EngineWorker::extract`], reading the bytes as a corpus text file whatever the
    /// name's extension (an article from a bundle keeps its original name, `deal.html`).
    ///
    /// # Errors
    /// As [`EngineWorker::extract`].
    pub async fn extract_text(&self, name: &str, text: &str) -> Result<String, String> {
        self.extract_as(name, text.as_bytes(), true).await
    }

    async fn extract_as(&self, name: &str, bytes: &[u8], plain: bool) -> Result<String, String> {
        let message = js_sys::Object::new();
        set(&message, "op", "extract");
        set(&message, "plain", plain);
        set(&message, "name", name);
        set(&message, "bytes", js_sys::Uint8Array::from(bytes));
        let reply = self.request(message).await?;
        match field(&reply, "json").as_string() {
            Some(json) => Ok(json),
            None => Err(field(&reply, "error")
                .as_string()
                .unwrap_or_else(|| format!("{name}: no answer"))),
        }
    }

    /// Gazetteer places whose name starts with `query`.
    pub async fn places(&self, query: &str) -> Vec<PickedPlace> {
        let message = js_sys::Object::new();
        set(&message, "op", "places");
        set(&message, "query", query);
        let Ok(reply) = self.request(message).await else {
            return Vec::new();
        };
        let list: js_sys::Array = field(&reply, "places").dyn_into().unwrap_or_default();
        list.iter()
            .filter_map(|item| {
                Some(PickedPlace {
                    name: field(&item, "name").as_string()?,
                    country: field(&item, "country").as_string()?,
                    level: crate::export::level_from_tag(&field(&item, "level").as_string()?)?,
                    lat: field(&item, "lat").as_f64()?,
                    lon: field(&item, "lon").as_f64()?,
                })
            })
            .collect()
    }

    /// Has the worker read its gazetteer before the first article arrives; done when it has.
    ///
    /// # Errors
    /// Why the worker could not answer.
    pub async fn warm(&self) -> Result<(), String> {
        let message = js_sys::Object::new();
        set(&message, "op", "warm");
        self.request(message).await.map(drop)
    }
}

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &js_sys::Object, name: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(name), &value.into());
}

fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| "the extraction engine could not start".to_string())
}
