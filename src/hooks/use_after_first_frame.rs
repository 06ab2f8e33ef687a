use leptos::prelude::*;

/// `false` until the first frame after the call is out, then `true`: for views the first view
/// does not need (below the fold), so that neither their code nor their layout delays it.
pub fn use_after_first_frame() -> Signal<bool> {
    let (after, set_after) = signal(false);
    // The first callback runs before that frame is painted, the second before the next.
    request_animation_frame(move || request_animation_frame(move || set_after.set(true)));
    after.into()
}
