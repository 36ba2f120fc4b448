//! What the reader sees when the app hits a bug: a panic puts a visible error panel (role="alert")
//! at the top of the page with the panic's message, instead of leaving a half-drawn page and a line
//! in the browser console. The message is also logged to the console, as before.
//!
//! Untrusted input (the URL, the corpus) must never panic; this is the last line of defence, not a
//! way of reporting expected errors. The message is inserted as text, never as HTML.

use std::any::Any;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once the panel is on the page: a second panic (the app is dead by then) adds nothing.
static SHOWN: AtomicBool = AtomicBool::new(false);

/// Installs the panic hook. Call first thing in `main`.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| (l.file(), l.line()));
        let message = describe(info.payload(), location);
        leptos::logging::error!("presslens panicked: {message}");
        show(&message);
    }));
}

/// The panic's message and where it happened, as one line.
pub fn describe(payload: &(dyn Any + Send), location: Option<(&str, u32)>) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    match location {
        Some((file, line)) => format!("{text} (at {file}:{line})"),
        None => text.to_string(),
    }
}

/// Puts the error panel at the top of the page and removes the loading indicator. Never panics
/// itself: every DOM call that can fail is allowed to fail quietly.
pub fn show(message: &str) {
    if SHOWN.swap(true, Ordering::SeqCst) {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = doc.body() else { return };
    let Ok(panel) = doc.create_element("div") else { return };
    let _ = panel.set_attribute("class", "fatal");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-test", "panic");
    for (class, text) in [
        ("fatal-title", "presslens stopped because of an internal error"),
        ("fatal-message", message),
        ("fatal-help", "Reload the page to start again. If this happens again, please report the message above with the address of this page."),
    ] {
        if let Ok(p) = doc.create_element("p") {
            let _ = p.set_attribute("class", class);
            p.set_text_content(Some(text));
            let _ = panel.append_child(&p);
        }
    }
    let _ = body.prepend_with_node_1(&panel);
    if let Some(loading) = doc.get_element_by_id("loading") {
        loading.remove();
    }
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn static_and_formatted_messages_are_both_shown_with_their_place() {
        let fixed: Box<dyn std::any::Any + Send> = Box::new("index out of range");
        assert_eq!(describe(fixed.as_ref(), Some(("src/app.rs", 12))), "index out of range (at src/app.rs:12)");
        let formatted: Box<dyn std::any::Any + Send> = Box::new(format!("bad {}", 7));
        assert_eq!(describe(formatted.as_ref(), None), "bad 7");
    }

    #[test]
    fn a_payload_that_is_not_text_still_gives_a_message() {
        let odd: Box<dyn std::any::Any + Send> = Box::new(42_u8);
        assert_eq!(describe(odd.as_ref(), None), "(no message)");
    }
}
