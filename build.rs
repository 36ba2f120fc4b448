//! Build-time analysis: runs presslens-core over the corpus (`corpus/`, or `$PRESSLENS_CORPUS`) and
//! writes the analysed corpus, postcard-encoded, to `$OUT_DIR/corpus.bin` for `include_bytes!`. A
//! corpus error fails the build with every diagnostic, each naming its file and line.

use presslens_core::{analyze, corpus, Severity};
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=PRESSLENS_CORPUS");
    let dir = std::env::var_os("PRESSLENS_CORPUS").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("corpus"));
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={}", dir.join("story.toml").display());
    println!("cargo:rerun-if-changed={}", dir.join("articles").display());
    if let Ok(entries) = std::fs::read_dir(dir.join("articles")) {
        for e in entries.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }
    let loaded = corpus::load(&dir);
    let corpus = analyze(loaded.story, loaded.diagnostics);
    let errors = corpus.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    for d in &corpus.diagnostics {
        // Warnings are shown by Cargo; errors are printed in full and stop the build.
        match d.severity {
            Severity::Warning => println!("cargo:warning={d}"),
            Severity::Error => eprintln!("{d}"),
        }
    }
    if errors > 0 {
        eprintln!(
            "presslens: {errors} corpus error(s) in {}; fix them (see `presslens check`) and build again",
            dir.display()
        );
        std::process::exit(1);
    }
    let bytes = corpus.to_bytes().unwrap_or_else(|e| {
        eprintln!("presslens: cannot encode the corpus: {e}");
        std::process::exit(1);
    });
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    if let Err(e) = std::fs::write(&out, bytes) {
        eprintln!("presslens: cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}
