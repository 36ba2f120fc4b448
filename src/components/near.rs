//! A part of a view built only once the reader comes near it: within a screen of the viewport, or
//! when the page is printed. A view opens with what is on its first screen; a large table further
//! down costs nothing until it is wanted.

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

/// `children`, built when their place comes within a screen of the viewport once `settled` (what
/// comes above them is in place: until then they would look near when they are not), or at once
/// while `now` holds; until then an empty block, marked busy.
#[component]
pub fn WhenNear(
    children: ChildrenFn,
    #[prop(into)] settled: Signal<bool>,
    #[prop(into, default = Signal::stored(false))] now: Signal<bool>,
) -> impl IntoView {
    let near = RwSignal::new(now.get_untracked());
    Effect::new(move |_| {
        if now.get() && !near.get_untracked() {
            near.set(true);
        }
    });
    let spot = NodeRef::<Div>::new();
    let seen = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let any = entries.iter().any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
        if any && near.try_get_untracked() == Some(false) {
            near.set(true);
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("100% 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &init).ok();
    let observer = SendWrapper::new(std::rc::Rc::new((observer, seen)));
    let watching = observer.clone();
    Effect::new(move |_| {
        if let (Some(spot), Some(o), true) = (spot.get(), watching.0.as_ref(), settled.get()) {
            o.observe(&spot);
        }
    });
    // Printing shows the whole view.
    let on_print =
        window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("beforeprint"), move |_| near.set(true));
    let on_print = SendWrapper::new(on_print);
    on_cleanup(move || {
        on_print.take().remove();
        if let Some(o) = observer.0.as_ref() {
            o.disconnect();
        }
    });
    view! {
        <div node_ref=spot class="when-near" aria-busy=move || (!near.get()).then_some("true")>
            {move || near.get().then(|| children())}
        </div>
    }
}
