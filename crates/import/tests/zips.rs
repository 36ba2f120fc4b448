//! Zips in a drop: real ones unpack to their files; bombs (declared too large, absurd ratio, too
//! many files) are refused by name, quickly and without allocating what they claim; a file whose
//! header understates its size is cut off and reported; damaged zips are reported, never a panic.

use presslens_import::drop::{expand_zips, import, DropFile};
use presslens_import::{FileReport, Outcome};
use proptest::prelude::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::{Cursor, Write};
use std::time::{Duration, Instant};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Counts the bytes each thread allocates, to show a bomb is refused before it is unpacked.
struct Counting;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATED.try_with(|a| a.set(a.get() + layout.size()));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Bytes this thread allocates while running `f`.
fn allocated<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATED.with(Cell::get);
    let out = f();
    (out, ALLOCATED.with(Cell::get) - before)
}

fn zip_of(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in entries {
        if name.ends_with('/') {
            w.add_directory(*name, options).expect("directory");
        } else {
            w.start_file(*name, options).expect("entry");
            w.write_all(bytes).expect("written");
        }
    }
    w.finish().expect("finished").into_inner()
}

/// Sets the uncompressed size a one-entry zip declares, in its local and central headers.
fn declare_size(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
    let at = |sig: &[u8]| zip.windows(4).position(|w| w == sig).expect("header");
    let (local, central) = (at(b"PK\x03\x04"), at(b"PK\x01\x02"));
    zip[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
    zip[central + 24..central + 28].copy_from_slice(&size.to_le_bytes());
    zip
}

fn dropped(path: &str, bytes: Vec<u8>) -> Vec<DropFile> {
    vec![DropFile { path: path.into(), bytes }]
}

fn skipped(reports: &[FileReport]) -> Vec<(String, String)> {
    reports
        .iter()
        .filter_map(|r| match &r.outcome {
            Outcome::Skipped(why) => Some((r.input.clone(), why.clone())),
            Outcome::Imported { .. } => None,
        })
        .collect()
}

const PAGE: &[u8] = b"<html><head><meta property=\"og:site_name\" content=\"The Sentinel\"></head><body><article>\
    <p>El Salvador's president offered to take in deportees, officials said.</p></article></body></html>";

#[test]
fn a_real_zip_unpacks_under_its_name() {
    let inner = zip_of(&[("x.html", PAGE)], CompressionMethod::Deflated);
    let zip = zip_of(
        &[
            ("sub/", b""),
            ("a.html", PAGE),
            ("sub/b.txt", b"A text article.\n"),
            ("__MACOSX/._a.html", b"\0\0"),
            ("inner.zip", &inner),
        ],
        CompressionMethod::Deflated,
    );
    let mut files = dropped("saved/stories.zip", zip);
    files.push(DropFile { path: "c.html".into(), bytes: PAGE.to_vec() });
    let (files, reports) = expand_zips(files);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["saved/stories/a.html", "saved/stories/sub/b.txt", "c.html"]);
    assert_eq!(files[0].bytes, PAGE);
    assert_eq!(
        skipped(&reports),
        [(
            "saved/stories/inner.zip".to_string(),
            "a zip inside a zip is not opened; unzip it and drop its files".into()
        )]
    );
}

#[test]
fn a_dropped_zip_imports_like_its_files() {
    let zip = zip_of(&[("a.html", PAGE), ("notes.md", b"# notes")], CompressionMethod::Deflated);
    let from_zip = import(dropped("pages.ZIP", zip), None, &mut |_, _| {}).expect("imports");
    let loose = vec![
        DropFile { path: "pages/a.html".into(), bytes: PAGE.to_vec() },
        DropFile { path: "pages/notes.md".into(), bytes: b"# notes".to_vec() },
    ];
    let from_files = import(loose, None, &mut |_, _| {}).expect("imports");
    assert_eq!(from_zip, from_files);
    assert_eq!(from_zip.articles.len(), 1);
}

#[test]
fn a_bomb_declaring_300_mb_is_refused_before_unpacking() {
    let zip = declare_size(zip_of(&[("zeros.txt", &vec![0u8; 100_000])], CompressionMethod::Deflated), 300_000_000);
    let start = Instant::now();
    let ((files, reports), bytes) = allocated(|| expand_zips(dropped("bomb.zip", zip)));
    assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
    assert!(bytes < 10_000_000, "allocated {bytes} bytes");
    assert!(files.is_empty());
    let refused = skipped(&reports);
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0].0, "bomb.zip");
    assert!(refused[0].1.contains("zip bomb") || refused[0].1.contains("300 MB"), "{}", refused[0].1);
}

#[test]
fn many_files_that_add_up_past_200_mb_are_refused() {
    let names: Vec<String> = (0..250).map(|i| format!("f{i}.txt")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), b"tiny".as_slice())).collect();
    let mut zip = zip_of(&entries, CompressionMethod::Stored);
    // Each declares 1 MB, too small for the ratio check: only their sum gives them away.
    for (sig, field) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
        let offsets: Vec<usize> = zip.windows(4).enumerate().filter(|(_, w)| w == sig).map(|(i, _)| i).collect();
        assert_eq!(offsets.len(), 250);
        for at in offsets {
            zip[at + field..at + field + 4].copy_from_slice(&1_000_000u32.to_le_bytes());
        }
    }
    let (files, reports) = expand_zips(dropped("big.zip", zip));
    assert!(files.is_empty());
    let refused = skipped(&reports);
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(refused[0].1.contains("250 MB, over the 200 MB"), "{}", refused[0].1);
}

#[test]
fn an_absurd_compression_ratio_is_refused() {
    let zip = zip_of(&[("zeros.txt", &vec![0u8; 4_000_000])], CompressionMethod::Deflated);
    let (files, reports) = expand_zips(dropped("ratio.zip", zip));
    assert!(files.is_empty());
    let refused = skipped(&reports);
    assert_eq!(refused[0].0, "ratio.zip");
    assert!(refused[0].1.contains("zeros.txt") && refused[0].1.contains("zip bomb"), "{}", refused[0].1);
}

#[test]
fn a_file_that_unpacks_past_its_declared_size_is_cut_off_and_reported() {
    let zip = declare_size(zip_of(&[("lies.txt", &vec![b'a'; 50_000])], CompressionMethod::Deflated), 1_000);
    let ((files, reports), bytes) = allocated(|| expand_zips(dropped("liar.zip", zip)));
    assert!(files.is_empty());
    assert!(bytes < 1_000_000, "allocated {bytes} bytes");
    let refused = skipped(&reports);
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0].0, "liar/lies.txt");
    assert!(refused[0].1.contains("declared"), "{}", refused[0].1);
}

#[test]
fn more_than_ten_thousand_files_are_refused() {
    let names: Vec<String> = (0..10_001).map(|i| format!("f{i}.txt")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), b"x".as_slice())).collect();
    let (files, reports) = expand_zips(dropped("many.zip", zip_of(&entries, CompressionMethod::Stored)));
    assert!(files.is_empty());
    let refused = skipped(&reports);
    assert_eq!(refused[0].0, "many.zip");
    assert!(refused[0].1.contains("10001 files, more than the 10000"), "{}", refused[0].1);
}

#[test]
fn damaged_zips_are_reported_not_a_panic() {
    let good = zip_of(&[("a.html", PAGE), ("b.html", PAGE)], CompressionMethod::Deflated);
    let mut flipped = good.clone();
    // A byte inside the first entry's compressed data: its checksum or its inflation fails.
    flipped[45] ^= 0xff;
    for (name, bytes) in [
        ("noise.zip", b"PK\x03\x04 this is not a zip".to_vec()),
        ("empty.zip", Vec::new()),
        ("cut.zip", good[..good.len() / 2].to_vec()),
    ] {
        let (files, reports) = expand_zips(dropped(name, bytes));
        assert!(files.is_empty(), "{name}");
        let refused = skipped(&reports);
        assert_eq!(refused.len(), 1, "{name}: {refused:?}");
        assert_eq!(refused[0].0, name);
        assert!(refused[0].1.starts_with("not a readable zip: "), "{}", refused[0].1);
    }
    // The damaged file is reported; the other one is still unpacked.
    let (files, reports) = expand_zips(dropped("flipped.zip", flipped));
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["flipped/b.html"]);
    let refused = skipped(&reports);
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0].0, "flipped/a.html");
    assert!(refused[0].1.starts_with("cannot unpack: "), "{}", refused[0].1);
}

proptest! {
    #[test]
    fn any_bytes_named_zip_are_reported_or_unpacked_never_a_panic(noise in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = expand_zips(dropped("noise.zip", noise));
    }

    #[test]
    fn a_zip_with_any_byte_changed_never_panics(at in 0usize..10_000, to in any::<u8>()) {
        let mut zip = zip_of(&[("a.html", PAGE), ("sub/b.txt", b"A text.\n")], CompressionMethod::Deflated);
        let at = at % zip.len();
        zip[at] = to;
        let (files, reports) = expand_zips(dropped("z.zip", zip));
        prop_assert!(files.len() + reports.len() >= 1);
    }
}
