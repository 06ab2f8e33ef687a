//! One component per file.

mod date_label;
mod document_list;
mod document_row;
mod event_list;
mod event_row;
mod load_errors;

pub use date_label::DateLabel;
pub use document_list::DocumentList;
pub use document_row::DocumentRow;
pub use event_list::EventList;
pub use event_row::EventRow;
pub use load_errors::LoadErrors;
