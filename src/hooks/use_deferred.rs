use super::after_first_frame;
use leptos::prelude::*;

/// `source`'s value, one frame late: it follows `source` once the frame that shows the change
/// is out, and a burst of changes within a frame (a brush dragged, a word typed) costs one
/// update, with the last value.
///
/// For views nobody looks at while they change (a chart below the fold, the map's list for
/// screen readers): their rebuild no longer holds up the frame that answers a click or a drag
/// on the map, the timeline and the list. They still show the current filters a frame later.
pub fn use_deferred<T>(source: Memo<T>) -> Signal<T>
where
    T: Clone + Send + Sync + 'static,
{
    let deferred = RwSignal::new(source.get_untracked());
    let pending = StoredValue::new(false);
    Effect::new(move |ran_before: Option<()>| {
        source.track();
        // The first run only subscribes: `deferred` already holds the first value.
        if ran_before.is_none() || pending.try_get_value() != Some(false) {
            return;
        }
        pending.set_value(true);
        after_first_frame(move || {
            // The view that asked may be gone by then (a panel closed, a dataset replaced).
            if pending.try_set_value(false).is_none() {
                if let Some(value) = source.try_get_untracked() {
                    deferred.try_set(value);
                }
            }
        });
    });
    deferred.into()
}
