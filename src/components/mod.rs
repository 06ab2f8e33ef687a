//! One component per file (the map and the timeline are a few files each).

mod credits;
mod date_label;
mod event_card;
mod event_list;
mod export_menu;
mod facet_group;
mod figure_chart;
mod filter_panel;
mod header;
mod later;
mod load_errors;
mod map;
mod mine;
mod reader;
mod search_box;
mod share_menu;
mod timeline;
mod url_problems;

pub use credits::Credits;
pub use date_label::DateLabel;
pub use event_card::EventCard;
pub use event_list::EventList;
pub use export_menu::ExportMenu;
pub use facet_group::FacetGroup;
pub use figure_chart::FigureChart;
pub use filter_panel::FilterPanel;
pub use header::Header;
pub use load_errors::LoadErrors;
pub use map::MapView;
pub use mine::{MineButton, MinePanel};
pub use reader::Reader;
pub use search_box::SearchBox;
pub use share_menu::ShareMenu;
pub use timeline::Timeline;
pub use url_problems::UrlProblems;
