//! presslens-worker: the engine in a Web Worker. The explorer starts it only when a reader opens
//! their own articles (or saves a story as one file), so none of this is in the first load.
//!
//! The page posts the files the reader chose; the worker reads them, imports them exactly as
//! `presslens import` would, analyses the corpus and posts back its data files (the same
//! `presslens_core::pack` files `presslens site` writes), with a line for every file. The page
//! never blocks: all of it happens here, and Cancel ends the worker.

// Natively only the tests run the job; the browser runs it through `glue`.
#[cfg(target_arch = "wasm32")]
mod glue;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod job;

fn main() {
    #[cfg(target_arch = "wasm32")]
    glue::start();
}
