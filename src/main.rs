fn main() {
    console_error_panic_hook::set_once();
    // The atlas's own page says so on <body>; a host page that loads the module for
    // `mount_to` does not, and its body is left alone.
    let standalone = leptos::prelude::document()
        .body()
        .is_some_and(|body| body.has_attribute("data-cooperation-atlas-page"));
    if standalone {
        leptos::mount::mount_to_body(cooperation_atlas::App);
    }
}
