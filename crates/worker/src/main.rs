//! The Web Worker's entry point: answers the page's messages with `atlas_worker`'s functions.
//!
//! Messages (plain objects): `{id, op: "extract", name, bytes: Uint8Array, plain}` (`plain`:
//! read as a corpus text file whatever the name's extension) answered by
//! `{id, json}` or `{id, error}`; `{id, op: "places", query}` answered by
//! `{id, places: [{name, country, level, lat, lon}]}`; `{id, op: "warm"}` reads the gazetteer
//! ahead of the first article and answers `{id}`. Once it listens, the worker says
//! `{ready: true}`: the page sends nothing before that.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |message: web_sys::MessageEvent| {
        let reply = answer(&message.data());
        let _ = reply_scope.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before this point found no handler and are gone: the page waits for this.
    let ready = js_sys::Object::new();
    set(&ready, "ready", true);
    let _ = scope.post_message(&ready);

    fn field(object: &JsValue, name: &str) -> JsValue {
        js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }
    fn set(object: &js_sys::Object, name: &str, value: impl Into<JsValue>) {
        let _ = js_sys::Reflect::set(object, &JsValue::from_str(name), &value.into());
    }

    fn answer(request: &JsValue) -> JsValue {
        let reply = js_sys::Object::new();
        set(&reply, "id", field(request, "id"));
        match field(request, "op").as_string().as_deref() {
            Some("extract") => {
                let name = field(request, "name").as_string().unwrap_or_default();
                let bytes = field(request, "bytes")
                    .dyn_into::<js_sys::Uint8Array>()
                    .map(|b| b.to_vec());
                let plain = field(request, "plain").as_bool().unwrap_or(false);
                let read = bytes.map_err(|_| format!("{name}: no bytes were sent")).and_then(|b| {
                    if plain {
                        atlas_worker::extract_text(&name, b)
                    } else {
                        atlas_worker::extract_article(&name, b)
                    }
                });
                match read {
                    Ok(json) => set(&reply, "json", json),
                    Err(error) => set(&reply, "error", error),
                }
            }
            Some("places") => {
                let query = field(request, "query").as_string().unwrap_or_default();
                let places = js_sys::Array::new();
                for place in atlas_worker::find_places(&query, 12) {
                    let item = js_sys::Object::new();
                    set(&item, "name", place.name);
                    set(&item, "country", place.country);
                    set(&item, "level", format!("{:?}", place.level).to_lowercase());
                    set(&item, "lat", place.lat);
                    set(&item, "lon", place.lon);
                    places.push(&item);
                }
                set(&reply, "places", places);
            }
            Some("warm") => {
                atlas_extract::gazetteer::Gazetteer::bundled();
            }
            other => set(&reply, "error", format!("unknown request {other:?}")),
        }
        reply.into()
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("atlas-worker runs in the browser, as a Web Worker (see README.md)");
}
