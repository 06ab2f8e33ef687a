//! Files the page hands to the person: a Blob behind an object URL, clicked as a download.

/// Offers `bytes` as a file called `name`.
///
/// # Errors
/// The browser's message when it refuses to make the file.
#[cfg(target_arch = "wasm32")]
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let blob = gloo_file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "cannot create a link".to_string())?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked when `url` drops: a minute later, long after the download has started.
    leptos::prelude::set_timeout(move || drop(url), std::time::Duration::from_secs(60));
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn download(_: &str, _: &str, _: &[u8]) -> Result<(), String> {
    Err("downloads happen in the browser".into())
}

/// Seconds since 1970 by the browser's clock (files are dated with it).
pub fn now_unix_seconds() -> i64 {
    #[cfg(target_arch = "wasm32")]
    return (js_sys::Date::now() / 1000.0) as i64;
    #[cfg(not(target_arch = "wasm32"))]
    0
}
