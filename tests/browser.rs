//! The app rendered by a real browser (headless Chromium via chromedriver).
//! Run with `cargo test --target wasm32-unknown-unknown`; a host `cargo test` compiles none of it.
#![cfg(target_arch = "wasm32")]

use cooperation_atlas::{corpus::bundled_corpus, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element of the test page and returns that element.
fn mount_app() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), App).forget();
    host
}

#[wasm_bindgen_test]
fn lists_every_bundled_article_with_its_title() {
    let host = mount_app();
    let corpus = bundled_corpus();
    let items = host.query_selector_all("li.document").unwrap();
    assert_eq!(items.length() as usize, corpus.documents.len());
    assert_eq!(corpus.documents.len(), 5);

    let text = host.text_content().unwrap();
    assert!(
        text.contains("Sino-UK cooperation on innovation leads to a bright future"),
        "{text}"
    );
    assert!(text.contains("5 articles"));
    assert!(
        host.query_selector(".load-errors").unwrap().is_none(),
        "no load errors for the bundled corpus"
    );
}

#[wasm_bindgen_test]
fn dates_carry_machine_readable_values_at_their_precision() {
    let host = mount_app();
    let times = host.query_selector_all("li.document time").unwrap();
    let datetimes: Vec<String> = (0..times.length())
        .map(|i| {
            times
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("datetime")
                .unwrap()
        })
        .collect();
    // 004 says only "2025-05" in its header but its dateline gives the day.
    assert!(datetimes.contains(&"2025-09-30".to_string()), "{datetimes:?}");
    assert!(datetimes.contains(&"2025-05-15".to_string()), "{datetimes:?}");
    // 003 has no date anywhere: four dated articles, one "No date".
    assert_eq!(datetimes.len(), 4, "{datetimes:?}");
    assert_eq!(host.query_selector_all(".no-date").unwrap().length(), 1);
}
