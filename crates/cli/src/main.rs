//! `presslens`: build a story corpus from saved pages (`init`, `import`), check it, show how each
//! outlet quoted the primary source, export the matches. The corpus is `--corpus DIR`, else `$PRESSLENS_CORPUS`, else `corpus/` in the working
//! directory (the project's seed corpus when run from the project root).

mod import;
mod report;
mod site;
mod synth;

use clap::{Parser, Subcommand, ValueEnum};
use presslens_core::{analyze, corpus, Corpus, Severity};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "presslens", version, about = "How the press quoted the primary source of a story")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct CorpusArg {
    /// The corpus folder (story.toml + articles/), relative to the working directory.
    #[arg(long, env = "PRESSLENS_CORPUS", default_value = "corpus")]
    corpus: PathBuf,
}

/// The corpus an import or init writes to: never a default, so the seed corpus is not written by mistake.
#[derive(clap::Args)]
struct TargetCorpus {
    /// The corpus folder to create or add to (story.toml + articles/).
    #[arg(long, env = "PRESSLENS_CORPUS")]
    corpus: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Load and analyse the corpus; print a summary, then every diagnostic. Exits 1 on errors.
    Check(CorpusArg),
    /// Per article and per source sentence: what was quoted, dropped, changed, added.
    Quotes {
        #[command(flatten)]
        corpus: CorpusArg,
        /// Print export contract v1 (JSON) instead of the report.
        #[arg(long)]
        json: bool,
    },
    /// Write a synthetic corpus (for benchmarks and scale tests), reproducible from the seed.
    Synth {
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Measure analysis throughput: load + analyse the corpus, report MB/s.
    Bench {
        #[command(flatten)]
        corpus: CorpusArg,
        /// Repetitions; the best is reported.
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Threads to analyse on (0: one per core).
        #[arg(long, default_value_t = 1)]
        threads: usize,
    },
    /// Write a site for the corpus: the built viewer (no wasm compile) and the analysed corpus as data.
    Site {
        #[command(flatten)]
        corpus: CorpusArg,
        /// The folder to write the site into (created; an earlier site there is replaced).
        #[arg(long, required_unless_present = "single_file")]
        out: Option<PathBuf>,
        /// Also, or instead, write the whole site as one HTML file that opens from disk.
        #[arg(long)]
        single_file: Option<PathBuf>,
        /// The single file can also import a reader's own articles ("Your own articles"): it then
        /// carries the engine, about 2.5 MB more.
        #[arg(long, requires = "single_file")]
        with_import: bool,
        /// The built viewer: a dist/ folder written by `trunk build --release`.
        #[arg(long, env = "PRESSLENS_VIEWER", default_value = "dist")]
        viewer: PathBuf,
    },
    /// Write the corpus's first screen into a built index.html, so it shows before the wasm runs
    /// (Trunk runs this after each build of the explorer: scripts/first-paint).
    Paint {
        #[command(flatten)]
        corpus: CorpusArg,
        /// The index.html to write into (its element with id "first-paint").
        html: PathBuf,
    },
    /// Turn saved web pages (.html/.htm), text files and story lists (CSV/JSON) into corpus articles.
    Import {
        #[command(flatten)]
        corpus: TargetCorpus,
        /// Files, folders, or lists of stories (Media Cloud-style CSV or JSON).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Write a starting story.toml with the primary text as its source.
    Init {
        #[command(flatten)]
        corpus: TargetCorpus,
        /// Who said or wrote the primary text, e.g. "Nayib Bukele".
        #[arg(long)]
        speaker: String,
        /// A text file holding the primary text.
        #[arg(long)]
        source: PathBuf,
        /// Where it was published, e.g. "X (@nayibbukele)".
        #[arg(long = "where")]
        place: Option<String>,
        /// The story's title (default: "How the press quoted SPEAKER").
        #[arg(long)]
        title: Option<String>,
    },
    /// Export the matches of every article.
    Export {
        #[command(flatten)]
        corpus: CorpusArg,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(c) => check(&c.corpus),
        Command::Quotes { corpus, json } => with_corpus(&corpus.corpus, |c| {
            let c = &c;
            if json {
                print(&presslens_core::export::json(c, &all(c)))
            } else {
                let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                print(&report::quotes(c, color))
            }
        }),
        Command::Synth { articles, seed, out } => match synth::write(&out, articles, seed) {
            Ok(bytes) => {
                println!("wrote {articles} articles ({:.1} MB of text) to {}", bytes as f64 / 1e6, out.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("presslens: cannot write {}: {e}", out.display());
                ExitCode::FAILURE
            }
        },
        Command::Bench { corpus, runs, threads } => bench(&corpus.corpus, runs, threads),
        Command::Site { corpus, out, single_file, with_import, viewer } => {
            let start = std::time::Instant::now();
            let single = single_file.as_deref().map(|f| (f, with_import));
            let dir = corpus.corpus.clone();
            with_corpus(&corpus.corpus, |c| site(&published(c, &dir), &viewer, out.as_deref(), single, start))
        }
        Command::Paint { corpus, html } => with_corpus(&corpus.corpus, |c| paint(&c, &html)),
        Command::Import { corpus, paths } => import::import(&corpus.corpus, &paths),
        Command::Init { corpus, speaker, source, place, title } => {
            import::init(&corpus.corpus, &speaker, &source, place.as_deref(), title.as_deref())
        }
        Command::Export { corpus, format } => with_corpus(&corpus.corpus, |c| match format {
            Format::Json => print(&presslens_core::export::json(&c, &all(&c))),
            Format::Csv => print(&presslens_core::export::csv(&c, &all(&c))),
        }),
    }
}

/// The corpus as a site publishes it: article files and diagnostics named from the corpus folder
/// (`articles/….txt`), so that the data files do not carry where the corpus lay on the machine
/// that built the site.
fn published(mut c: Corpus, dir: &Path) -> Corpus {
    let root = format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR);
    let strip = |f: &str| f.strip_prefix(&root).unwrap_or(f).to_string();
    for a in &mut c.story.articles {
        a.file = strip(&a.file);
    }
    for d in &mut c.diagnostics {
        d.file = strip(&d.file);
    }
    c
}

/// `presslens site`: packs the corpus, then writes the site folder and/or the single file.
/// `start` is when the command began, so the time reported includes reading and analysing.
fn site(
    c: &Corpus,
    viewer: &Path,
    out: Option<&Path>,
    single: Option<(&Path, bool)>,
    start: std::time::Instant,
) -> ExitCode {
    let result = (|| -> Result<(), String> {
        let viewer = site::Viewer::read(viewer)?;
        let packed = presslens_core::pack::pack(c, presslens_core::pack::ARTICLES_PER_BUNDLE)
            .map_err(|e| format!("cannot encode the corpus: {e}"))?;
        let title = &c.story.title;
        let screen = site::paint::first_screen(c);
        if let Some(out) = out {
            let w = site::write(&viewer, &packed, title, &screen, out)?;
            println!(
                "{}: {} articles in {} data files; {} files, {:.1} MB in all",
                out.display(),
                c.articles().len(),
                packed.files().count(),
                w.files,
                w.bytes as f64 / 1e6
            );
        }
        if let Some((file, with_import)) = single {
            let page = site::single_file(&viewer, &packed, title, &screen, with_import)?;
            std::fs::write(file, &page).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
            println!("{}: one file, {:.0} KB", file.display(), page.len() as f64 / 1024.0);
        }
        Ok(())
    })();
    match result {
        Ok(()) => {
            println!(
                "site written in {:.2} s, corpus analysis included (no wasm compiled)",
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("presslens: {e}");
            ExitCode::FAILURE
        }
    }
}

fn paint(c: &Corpus, file: &Path) -> ExitCode {
    let result = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))
        .and_then(|page| {
            site::paint::with_first_screen(&page, &site::paint::first_screen(c)).ok_or_else(|| {
                format!("{}: no element with id \"{}\" to write the first screen into", file.display(), site::paint::ID)
            })
        })
        .and_then(|page| std::fs::write(file, page).map_err(|e| format!("cannot write {}: {e}", file.display())));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("presslens: {e}");
            ExitCode::FAILURE
        }
    }
}

fn all(c: &Corpus) -> Vec<usize> {
    (0..c.articles().len()).collect()
}

fn print(s: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(s.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("presslens: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn load(dir: &std::path::Path) -> Corpus {
    let loaded = corpus::load(dir);
    analyze(loaded.story, loaded.diagnostics)
}

/// Runs `f` on the corpus when it loads without errors; otherwise prints the errors.
fn with_corpus(dir: &std::path::Path, f: impl FnOnce(Corpus) -> ExitCode) -> ExitCode {
    let c = load(dir);
    let errors: Vec<_> = c.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    if !errors.is_empty() {
        for d in errors {
            eprintln!("{d}");
        }
        eprintln!("presslens: the corpus has errors; run `presslens check` for the full report");
        return ExitCode::FAILURE;
    }
    f(c)
}

fn check(dir: &std::path::Path) -> ExitCode {
    let c = load(dir);
    let mut out = report::summary(&c);
    for d in &c.diagnostics {
        out.push_str(&d.to_string());
        out.push('\n');
    }
    let errors = c.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = c.diagnostics.len() - errors;
    out.push_str(&format!("{errors} errors, {warnings} warnings\n"));
    let _ = print(&out);
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Best-of-`runs` time to load and analyse the corpus on `threads` threads, as MB of article text
/// per second.
fn bench(dir: &std::path::Path, runs: usize, threads: usize) -> ExitCode {
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("presslens: cannot start {threads} analysis threads: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut best = f64::INFINITY;
    let mut bytes = 0usize;
    let mut matches = 0usize;
    for _ in 0..runs.max(1) {
        let start = std::time::Instant::now();
        let c = pool.install(|| load(dir));
        best = best.min(start.elapsed().as_secs_f64());
        bytes = c.articles().iter().map(|a| a.body.len()).sum();
        matches = c.matches.len();
    }
    let mbps = bytes as f64 / 1e6 / best;
    let cores = match pool.current_num_threads() {
        1 => "one core".to_string(),
        n => format!("{n} threads"),
    };
    println!(
        "analysis: {:.1} MB in {:.3} s = {mbps:.2} MB/s on {cores} (budget ≥ 5 MB/s) [{matches} matches]",
        bytes as f64 / 1e6,
        best
    );
    ExitCode::SUCCESS
}
