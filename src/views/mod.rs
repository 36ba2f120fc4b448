//! One page-level view a file; the URL's `view` parameter picks one.

pub mod browse;
pub mod heatmap;
pub mod quotes;
pub mod reader;
pub mod timeline;
pub mod variants;
