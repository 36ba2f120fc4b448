//! Prints what the importer extracts from one file: the facts, then one paragraph per line.
//! `cargo run -p presslens-import --example extract -- page.html`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    match presslens_import::extract(&bytes, &path) {
        Ok(e) => {
            println!("{:?}\nencoding: {}\n", e.meta, e.encoding);
            for p in &e.paragraphs {
                println!("{p}");
            }
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1)
        }
    }
}
