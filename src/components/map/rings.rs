//! Which markers are ringed: those holding the selected or the hovered event. Each marker
//! reads a flag of its own, set from here, so a hover wakes the few markers it leaves and
//! enters instead of a closure in every marker on the map.

use super::cluster::Cluster;
use crate::context::AtlasContext;
use leptos::prelude::*;
use std::collections::HashMap;

/// A marker's rings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lit {
    pub selected: bool,
    pub hovered: bool,
}

/// Whether `cluster` holds the selected or the hovered event (its events are ascending).
pub fn lit_of(cluster: &Cluster, selected: Option<usize>, hovered: Option<usize>) -> Lit {
    let holds = |n: Option<usize>| n.is_some_and(|n| cluster.events.binary_search(&n).is_ok());
    Lit {
        selected: holds(selected),
        hovered: holds(hovered),
    }
}

/// The flags of one marker layer's markers, by cluster key.
#[derive(Clone, Copy)]
pub struct Rings {
    context: AtlasContext,
    flags: StoredValue<HashMap<u64, RwSignal<Lit>>>,
    /// The keys whose flag is not `Lit::default()`.
    lit: StoredValue<Vec<u64>>,
}

impl Rings {
    /// Flags for the markers of `clusters`, kept up with the selection and the hover: a change
    /// looks each cluster up (a binary search) and writes only the flags that change.
    pub fn new(context: AtlasContext, clusters: Signal<Vec<Cluster<'static>>>) -> Rings {
        let rings = Rings {
            context,
            flags: StoredValue::new(HashMap::new()),
            lit: StoredValue::new(Vec::new()),
        };
        Effect::new(move |_| {
            let (selected, hovered) = (context.selected.get(), context.hovered.get());
            let now: Vec<(u64, Lit)> = clusters.with(|all| {
                all.iter()
                    .map(|c| (c.key, lit_of(c, selected, hovered)))
                    .filter(|(_, lit)| *lit != Lit::default())
                    .collect()
            });
            let before = rings.lit.get_value();
            rings.flags.with_value(|flags| {
                for key in before.iter().filter(|k| !now.iter().any(|(n, _)| n == *k)) {
                    if let Some(flag) = flags.get(key) {
                        flag.set(Lit::default());
                    }
                }
                for (key, lit) in &now {
                    if let Some(flag) = flags.get(key).filter(|f| f.get_untracked() != *lit) {
                        flag.set(*lit);
                    }
                }
            });
            rings.lit.set_value(now.into_iter().map(|(k, _)| k).collect());
        });
        rings
    }

    /// The flag of the marker drawing `cluster`, right from its first frame; dropped with the
    /// marker.
    pub fn flag(&self, cluster: &Cluster) -> RwSignal<Lit> {
        let (selected, hovered) = (
            self.context.selected.get_untracked(),
            self.context.hovered.get_untracked(),
        );
        let flag = RwSignal::new(lit_of(cluster, selected, hovered));
        let (key, flags) = (cluster.key, self.flags);
        flags.update_value(|f| {
            f.insert(key, flag);
        });
        on_cleanup(move || {
            flags.update_value(|f| {
                f.remove(&key);
            });
        });
        flag
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::extraction::EventKind;

    #[test]
    fn a_cluster_is_lit_by_its_own_events_only() {
        let cluster = Cluster {
            key: 1,
            names: vec!["London"],
            places: vec![0],
            events: vec![2, 5, 9],
            world: (0.5, 0.3),
            kind: EventKind::Visit,
        };
        assert_eq!(lit_of(&cluster, None, None), Lit::default());
        assert_eq!(
            lit_of(&cluster, Some(5), Some(3)),
            Lit {
                selected: true,
                hovered: false
            }
        );
        assert!(lit_of(&cluster, Some(4), Some(9)).hovered);
    }
}
