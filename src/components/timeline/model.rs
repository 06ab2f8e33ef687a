//! The timeline's own reactive state, shared by its parts: the days in view, the plot's width,
//! the lanes and the brush while it is dragged. Pan and zoom change only `domain`; everything
//! drawn reads positions from `scale`, so moving the view never rebuilds the DOM.

use super::index::{mark_span, TimeIndex};
use super::layout::{pack_lanes, Density, Lane};
use super::scale::{Domain, Limits, Scale};
use crate::context::AtlasContext;
use crate::time::{Day, TimeWindow};
use leptos::prelude::*;

/// Vertical layout of the SVG, in pixels.
pub const STRIP_HEIGHT: f64 = 30.0;
pub const LANES_TOP: f64 = 40.0;
pub const LANE_HEIGHT: f64 = 13.0;
pub const MAX_LANES: usize = 7;
pub const AXIS_Y: f64 = LANES_TOP + LANE_HEIGHT * MAX_LANES as f64 + 2.0;
pub const HEIGHT: f64 = AXIS_Y + 26.0;
/// Two marks closer than this share no lane.
const MARK_GAP_PX: f64 = 13.0;
/// Above this many dated events in the atlas the marks are drawn on a canvas instead of as SVG
/// elements.
/// An SVG mark is a focusable element with a handful of reactive attributes: a few hundred
/// open in a few milliseconds and each can be tabbed to, but 10,000 took ~50 s to open
/// (250k nodes). At 400, the SVG marks still build within a frame or two, and the lanes are
/// already so crowded that a mark per Tab stop helps nobody.
pub const CANVAS_THRESHOLD: usize = 400;

#[derive(Clone, Copy)]
pub struct Model {
    pub context: AtlasContext,
    /// The days in view: all that pan and zoom change.
    pub domain: RwSignal<Domain>,
    /// The plot's width in pixels, as measured (see `follow_width`); a guess until then.
    pub width: RwSignal<f64>,
    /// Whether `width` has been measured: the page has had its first layout.
    pub measured: RwSignal<bool>,
    pub scale: Memo<Scale>,
    /// The view that Home and the reset button return to: every event.
    pub home: Domain,
    pub limits: Limits,
    /// Dated events drawn, by date.
    pub dated: Memo<Vec<usize>>,
    pub undated: Memo<Vec<usize>>,
    /// The dated events' days in date order, for the canvas and for finding marks there.
    pub index: Memo<TimeIndex>,
    /// Whether the marks are drawn on the canvas (see `CANVAS_THRESHOLD`).
    pub canvas: Memo<bool>,
    /// Lane of each event (indexed like `atlas.events`).
    pub lanes: Memo<Vec<Lane>>,
    pub density: Memo<Density>,
    pub window: Memo<Option<TimeWindow>>,
    /// The window while a brush is dragged (fractional days), before it is applied.
    pub draft: RwSignal<Option<(f64, f64)>>,
    /// The event whose tooltip shows (hovered or focused here, not elsewhere).
    pub tip: RwSignal<Option<usize>>,
    /// The event the keyboard stepped to on the canvas, where marks cannot take the focus.
    pub stepped: RwSignal<Option<usize>>,
    /// A domain waiting for the next animation frame: wheel and pointer events come faster
    /// than frames, and each change repositions every mark.
    pending: StoredValue<Option<Domain>, LocalStorage>,
}

impl Model {
    pub fn new(context: AtlasContext) -> Model {
        let atlas = context.atlas;
        let home = match atlas.time_bounds() {
            Some((first, last)) => Domain::around(first, last),
            None => Domain::around(
                crate::time::day_number(2020, 1, 1),
                crate::time::day_number(2025, 12, 31),
            ),
        };
        let domain = RwSignal::new(home);
        let width = RwSignal::new(640.0);
        let scale = Memo::new(move |_| Scale::new(domain.get(), width.get()));
        let sorted = Memo::new(move |_| atlas.by_date(&context.visible_any_time.get()));
        // `by_date` puts the undated last: one sort serves both lists.
        let part = move |dated: bool| {
            Memo::new(move |_| {
                sorted.with(|s| {
                    let split = s.partition_point(|&n| atlas.extents[n].is_some());
                    if dated {
                        s[..split].to_vec()
                    } else {
                        s[split..].to_vec()
                    }
                })
            })
        };
        let (dated, undated) = (part(true), part(false));
        let index = Memo::new(move |_| {
            dated.with(|dated| TimeIndex::new(dated.iter().filter_map(|&n| Some((n, atlas.extents[n]?)))))
        });
        // Lanes depend on the zoom only by powers of two: they reshuffle rarely, not every frame.
        let gap = Memo::new(move |_| {
            let days = MARK_GAP_PX / scale.with(Scale::px_per_day);
            2f64.powi(days.log2().ceil() as i32)
        });
        let lanes = Memo::new(move |_| {
            let gap = gap.get();
            index.with(|index| {
                let intervals: Vec<(f64, f64)> = index.starts.iter().copied().zip(index.ends.iter().copied()).collect();
                let mut lanes = vec![Lane::default(); atlas.events.len()];
                for (&n, lane) in index.events.iter().zip(pack_lanes(&intervals, gap, MAX_LANES)) {
                    lanes[n] = lane;
                }
                lanes
            })
        });
        let density = Memo::new(move |_| {
            dated.with(|dated| Density::new(&dated.iter().filter_map(|&n| atlas.extents[n]).collect::<Vec<_>>()))
        });
        Model {
            context,
            domain,
            width,
            measured: RwSignal::new(false),
            scale,
            home,
            limits: home.limits(),
            dated,
            undated,
            index,
            // By the atlas's dated events, not those the filters leave: a filter that crossed the
            // threshold would swap the canvas for hundreds of new SVG marks on one click, and
            // back again when cleared.
            canvas: Memo::new(move |_| atlas.extents.iter().flatten().count() > CANVAS_THRESHOLD),
            lanes,
            density,
            window: Memo::new(move |_| context.filters.with(|f| f.window)),
            draft: RwSignal::new(None),
            tip: RwSignal::new(None),
            stepped: RwSignal::new(None),
            pending: StoredValue::new_local(None),
        }
    }

    /// The domain as it will be after the pending frame.
    pub fn current(&self) -> Domain {
        self.pending.get_value().unwrap_or_else(|| self.domain.get_untracked())
    }

    pub fn set_domain(&self, next: Domain) {
        let already = self.pending.get_value().is_some();
        self.pending.set_value(Some(next));
        if !already {
            let (pending, domain) = (self.pending, self.domain);
            request_animation_frame(move || {
                if let Some(next) = pending.get_value() {
                    pending.set_value(None);
                    domain.set(next);
                }
            });
        }
    }

    /// Zooms by `factor` about the pixel `x` (the centre when `None`).
    pub fn zoom(&self, factor: f64, x: Option<f64>) {
        let scale = Scale::new(self.current(), self.width.get_untracked());
        let day = scale.day(x.unwrap_or(scale.width / 2.0));
        self.set_domain(scale.domain.zoom_about(day, factor, self.limits));
    }

    pub fn pan_px(&self, dx: f64) {
        let scale = Scale::new(self.current(), self.width.get_untracked());
        self.set_domain(scale.domain.pan(dx / scale.px_per_day(), self.limits));
    }

    pub fn reset(&self) {
        self.set_domain(self.home);
    }

    /// The window drawn: the one being dragged, else the applied one (as fractional days).
    pub fn shown_window(&self) -> Option<(f64, f64)> {
        self.draft
            .get()
            .or_else(|| self.window.get().map(|w| (f64::from(w.start), f64::from(w.end) + 1.0)))
    }

    /// Applies a window from fractional days (the days they fall in, both included).
    pub fn apply_window(&self, a: f64, b: f64) {
        let (a, b) = (a.min(b), a.max(b));
        let last = (b - 1e-6).max(a);
        let window = TimeWindow::between(a.floor() as Day, last.floor() as Day);
        self.draft.set(None);
        self.context.filters.update(|f| f.window = Some(window));
    }

    pub fn clear_window(&self) {
        self.draft.set(None);
        self.context.filters.update(|f| f.window = None);
    }

    /// The y of the middle of an event's lane.
    pub fn lane_y(&self, n: usize) -> f64 {
        lane_centre(self.lanes.with(|l| l.get(n).copied().unwrap_or_default()))
    }

    /// The x span of an event's mark: its extent, at least a point wide.
    pub fn mark_x(&self, n: usize) -> (f64, f64) {
        let (start, end) = interval(self.context, n);
        self.scale.with(|s| mark_span(s, start, end))
    }

    /// The event whose canvas mark is at (`x`, `y`) in the plot.
    pub fn mark_at(&self, x: f64, y: f64) -> Option<usize> {
        let scale = self.scale.get_untracked();
        self.index.with_untracked(|index| {
            self.lanes.with_untracked(|lanes| {
                index.hit(&scale, x, y, |n| lane_centre(lanes.get(n).copied().unwrap_or_default()))
            })
        })
    }

    /// Pans an event that is out of view to the middle (the span stays).
    pub fn bring_into_view(&self, n: usize) {
        let (a, b) = self.mark_x(n);
        if b < 0.0 || a > self.width.get_untracked() {
            let (start, end) = interval(self.context, n);
            let span = self.current().span();
            self.set_domain(Domain::placing((start + end) / 2.0, 0.5, span, self.limits));
        }
    }
}

/// The y of the middle of a lane.
pub fn lane_centre(lane: Lane) -> f64 {
    LANES_TOP + LANE_HEIGHT * (f64::from(lane.row) + 0.5)
}

/// An event's days as a half-open interval `[first, last + 1)`; undated events get none.
pub fn interval(context: AtlasContext, n: usize) -> (f64, f64) {
    context.atlas.extents[n].map_or((0.0, 0.0), |(first, last)| (f64::from(first), f64::from(last) + 1.0))
}

/// "Visit, 30 Sep 2025, London": what a mark's label and tooltip say.
pub fn describe(context: AtlasContext, n: usize) -> String {
    let ui = context.ui.get();
    let event = &context.atlas.events[n];
    let date = event
        .date
        .map_or_else(|| ui.strings().no_date.to_string(), |d| ui.date(d));
    let mut text = format!("{}, {date}", ui.kind(event.kind));
    if let Some(place) = event.place_names().first() {
        text.push_str(", ");
        text.push_str(place);
    }
    text
}
