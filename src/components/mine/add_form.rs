use super::text_field::TextField;
use crate::context::use_atlas;
use crate::mine::pasted_article;
use crate::mine::session::MineSession;
use leptos::prelude::*;

/// Paste an article (with optional details), or pick or drop files; then the progress of
/// what is being read.
#[component]
pub fn AddForm(session: MineSession) -> impl IntoView {
    let ui = use_atlas().ui;
    let t = move || ui.get().mine();
    let text = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let read_pasted = move |_| {
        let article = pasted_article(
            &text.get_untracked(),
            &title.get_untracked(),
            &date.get_untracked(),
            &source.get_untracked(),
        );
        let name = format!(
            "{}.txt",
            slug(&title.get_untracked()).unwrap_or_else(|| "pasted-article".into())
        );
        read(session, vec![(name, article.into_bytes())]);
        for field in [text, title, date, source] {
            field.set(String::new());
        }
    };
    let on_files = move |files: Option<web_sys::FileList>| {
        if let Some(files) = files {
            read_file_list(session, files);
        }
    };
    view! {
        <div
            class="mine-add"
            class:dragging=dragging
            on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                on_files(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <label class="mine-paste">
                <span>{move || t().paste_label}</span>
                <textarea rows="6" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            <details class="mine-details">
                <summary>{move || t().details}</summary>
                <TextField label=|t| t.title value=title />
                <TextField label=|t| t.date value=date placeholder="YYYY-MM-DD" />
                <TextField label=|t| t.source value=source />
            </details>
            <div class="mine-add-actions">
                <button type="button" class="primary" on:click=read_pasted disabled=move || text.with(|t| t.trim().is_empty())>
                    {move || t().read_pasted}
                </button>
                <label class="mine-files">
                    <span class="button">{move || t().pick_files}</span>
                    <input
                        type="file"
                        multiple
                        accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            on_files(input.files());
                            input.set_value("");
                        }
                    />
                </label>
                <span class="mine-drop-hint">{move || t().drop_hint}</span>
            </div>
            {move || session.progress.get().map(|p| view! {
                <p class="mine-progress" role="status">
                    <progress max=p.total value=p.done></progress>
                    {format!(" {} {} {} {}…", t().reading, p.done + 1, t().of, p.total)}
                </p>
            })}
        </div>
    }
}

/// A file name from a title: lowercase words joined by `-`; `None` when nothing is left.
fn slug(title: &str) -> Option<String> {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_lowercase)
        .collect();
    (!words.is_empty()).then(|| words.join("-"))
}

#[cfg(target_arch = "wasm32")]
fn read(session: MineSession, files: Vec<(String, Vec<u8>)>) {
    session.read_files(files);
}

#[cfg(not(target_arch = "wasm32"))]
fn read(_: MineSession, _: Vec<(String, Vec<u8>)>) {}

/// Reads each file's bytes (refusing, unread, what is over the size limit) and hands them to
/// the engine.
#[cfg(target_arch = "wasm32")]
fn read_file_list(session: MineSession, list: web_sys::FileList) {
    use crate::mine::session::Notice;
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|n| list.get(n)).collect();
    leptos::task::spawn_local(async move {
        let mut read_ones = Vec::new();
        for file in files {
            let name = file.name();
            if file.size() > atlas_extract::MAX_ARTICLE_BYTES as f64 {
                let megabytes = file.size() / 1_048_576.0;
                session.notify(Notice::NotRead(format!(
                    "{name}: {megabytes:.1} MB, over the 5 MB an article may have"
                )));
                continue;
            }
            match gloo_file::futures::read_as_bytes(&gloo_file::File::from(file)).await {
                Ok(bytes) => read_ones.push((name, bytes)),
                Err(error) => session.notify(Notice::NotRead(format!("{name}: {error}"))),
            }
        }
        session.read_files(read_ones);
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn read_file_list(_: MineSession, _: web_sys::FileList) {}

#[cfg(test)]
mod tests {
    #[test]
    fn titles_make_file_names() {
        assert_eq!(
            super::slug("Hunan delegation visits London!").as_deref(),
            Some("hunan-delegation-visits-london")
        );
        assert_eq!(super::slug("湖南代表团访问伦敦").as_deref(), Some("湖南代表团访问伦敦"));
        assert_eq!(super::slug(" -- "), None);
    }
}
