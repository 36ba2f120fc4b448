//! Reusable pieces of the views.

pub mod diff;
pub mod export;
pub mod facets;
pub mod marked;
pub mod more;
pub mod near;
pub mod notice;
pub mod results;
pub mod tabs;
pub mod theme;
pub mod viewport;
