//! One component per file.

mod document_list;
mod document_row;
mod load_errors;

pub use document_list::DocumentList;
pub use document_row::DocumentRow;
pub use load_errors::LoadErrors;
