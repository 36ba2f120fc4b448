//! presslens explorer: installs the panic panel and mounts the app. Everything else lives in `app`
//! and below.

mod api;
mod app;
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;
mod components;
mod data;
mod nav;
mod panic;
mod state;
mod views;

fn main() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
