use leptos::prelude::*;

/// Runs `f` once the first frame after the call is out: the first animation-frame callback
/// runs before that frame is painted, a second one before the next frame.
pub fn after_first_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || request_animation_frame(f));
}

/// `false` until the first frame after the call is out, then `true`: for views the first view
/// does not need (below the fold), so that neither their code nor their layout delays it.
pub fn use_after_first_frame() -> Signal<bool> {
    let (after, set_after) = signal(false);
    after_first_frame(move || set_after.set(true));
    after.into()
}
