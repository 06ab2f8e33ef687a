//! In an iframe, the atlas tells the page around it how tall it is, so that the frame can fit
//! it (the `postMessage` convention of Datawrapper and Flourish): `{type:
//! "cooperation-atlas:height", height}` on every change of size.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The message's `type`; the embed snippet listens for it.
pub const HEIGHT_MESSAGE: &str = "cooperation-atlas:height";

/// Reports the document's height to the parent window while `active` (an embed in a frame).
pub fn use_embed_height(active: bool) {
    let window = window();
    let framed = window.parent().ok().flatten().is_some_and(|parent| parent != window);
    if !active || !framed {
        return;
    }
    let report = Closure::<dyn FnMut()>::new(move || {
        let window = leptos::prelude::window();
        let Some(body) = document().body() else {
            return;
        };
        let height = body.scroll_height();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = window.parent() {
            let _ = parent.post_message(&message, "*");
        }
    });
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
    }
    // The observer holds the callback for the page's life.
    report.forget();
}
