//! presslens explorer: mounts the app. Everything else lives in `app` and below.

mod app;
mod components;
mod data;
mod nav;
mod state;
mod views;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
