//! The embed widget's frame (SPEC §4.2; [`crate::Widget`] on `embed.html`, formerly
//! `/?embed=1`): the compact frame around the app's own input, validity, diagnostics and
//! preview; the "Open in hookcheck" link; and the bridge to the host page over `postMessage`.
//!
//! Every protocol decision (URL options, the origin allow-list, message shapes) is core's
//! ([`hookcheck_core::browser::embed`], [`WidgetMessage`], documented in `docs/embedding.md`);
//! this module only wires window events to it. The widget acts only on messages whose
//! `event.origin` is in the `origin=` allow-list of its URL, posts only to those origins
//! (never `"*"`), and posts counts, never the text.

use std::cell::RefCell;
use std::rc::Rc;

use hookcheck_core::api::WidgetMessage;
use hookcheck_core::browser::embed::{self, EmbedOptions, HeightReporter, HostMessage, SetRequest};
use hookcheck_core::browser::share::ShareState;
use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTextAreaElement, Window};
use yew::prelude::*;

use crate::boot::console_warn;
use crate::state::{Action, State, Theme};
use crate::web::{self, keys};

/// The widget page's file name: Trunk copies `static/embed.html` beside `index.html`.
#[wasm_bindgen]
extern "C" {
    /// `ResizeObserver`, declared here so that the app needs no extra `web-sys` features.
    type ResizeObserver;

    #[wasm_bindgen(constructor)]
    fn new(callback: &js_sys::Function) -> ResizeObserver;

    #[wasm_bindgen(method)]
    fn observe(this: &ResizeObserver, target: &Element);

    #[wasm_bindgen(method)]
    fn disconnect(this: &ResizeObserver);

    /// An element measured with `getBoundingClientRect()`: fractional, unlike
    /// `offsetHeight`, which would round a clipping half pixel down.
    type Measured;

    #[wasm_bindgen(method, js_name = getBoundingClientRect)]
    fn bounding_client_rect(this: &Measured) -> JsValue;
}

/// The widget's first state: the share code in its fragment (how a docs page presets the
/// text: `embed.html#s=<code>`), else the first example. Never the person's remembered input,
/// and nothing typed in a widget is remembered.
pub fn initial_state() -> State {
    let mut state = State {
        remember: false,
        // The app saves the theme on start: keep the person's choice as it is.
        theme: web::load(keys::THEME).map_or(Theme::Auto, |theme| Theme::parse(&theme)),
        ..State::default()
    };
    match web::share_code().map(|code| ShareState::decode(&code)) {
        Some(Ok(shared)) => state.restore(shared),
        Some(Err(error)) => state.notice = Some(error.to_string()),
        None => {}
    }
    state
}

/// What a host's `hookcheck:set` (or the widget's URL) does to the app's state.
pub fn onset(dispatcher: UseReducerDispatcher<State>) -> Callback<SetRequest> {
    Callback::from(move |request: SetRequest| {
        if let Some(text) = request.text {
            dispatcher.dispatch(Action::SetText(text));
        }
        if let Some(mode) = request.mode {
            dispatcher.dispatch(Action::SetMode(mode.mode()));
        }
        if let Some(product) = request.product {
            dispatcher.dispatch(Action::SelectProduct(product));
        }
        if let Some(outcome) = request.outcome {
            dispatcher.dispatch(Action::SelectOutcome(outcome));
        }
    })
}

/// The widget's URL options (`location.search`).
pub fn options_from_location() -> EmbedOptions {
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    EmbedOptions::from_query(&search)
}

#[derive(Properties, PartialEq)]
pub struct EmbedFrameProps {
    /// The widget's URL options.
    pub options: Rc<EmbedOptions>,
    /// The text being checked: each change is reported to the host.
    pub text: AttrValue,
    /// The `hookcheck:result` message of `text`'s check (counts only, so that comparing
    /// props never compares two reports).
    pub result: WidgetMessage,
    /// The state "Open in hookcheck" carries to the full app (its secrets are left out).
    pub share: ShareState,
    /// The full app's share-link fragment prefix (`#s=`).
    pub share_prefix: &'static str,
    /// The host, or the widget's URL, sets the text, mode, product or outcome.
    pub onset: Callback<SetRequest>,
    /// The input's textarea, made read-only by `readonly=1`.
    pub input_ref: NodeRef,
    /// The input, validity, diagnostics and preview, as the app renders them.
    #[prop_or_default]
    pub children: Html,
}

/// How many `hookcheck:set` messages arrived: each is answered with a result, even one
/// that changed nothing.
#[derive(Default, PartialEq)]
struct SetCount(u32);

impl Reducible for SetCount {
    type Action = ();

    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(SetCount(self.0.wrapping_add(1)))
    }
}

#[component]
pub fn EmbedFrame(props: &EmbedFrameProps) -> Html {
    let frame_ref = use_node_ref();
    let sets = use_reducer(SetCount::default);
    // The latest callback, for listeners installed once.
    let onset = use_mut_ref(|| props.onset.clone());
    *onset.borrow_mut() = props.onset.clone();

    // Once: the layout marker, the URL's mode, product and outcome, warnings for a bad
    // allow-list.
    use_effect_with((), {
        let options = props.options.clone();
        let onset = onset.clone();
        move |_| {
            if let Some(root) = document().and_then(|d| d.document_element()) {
                let _ = root.set_attribute("data-embed", "");
            }
            if options.mode.is_some() || options.product.is_some() || options.outcome.is_some() {
                onset.borrow().emit(SetRequest {
                    text: None,
                    mode: options.mode,
                    product: options.product,
                    outcome: options.outcome,
                });
            }
            for rejected in &options.rejected_origins {
                console_warn(&format!(
                    "hookcheck: ignoring origin=\"{rejected}\": give a serialized origin such as https://docs.example.com (no path, no wildcard)"
                ));
            }
        }
    });

    use_effect_with(props.options.readonly, {
        let input_ref = props.input_ref.clone();
        move |&readonly| {
            if let Some(area) = input_ref.cast::<HtmlTextAreaElement>() {
                area.set_read_only(readonly);
            }
        }
    });

    // Messages from the host. Declared before the result effect so `ready` goes first.
    use_effect_with((), {
        let options = props.options.clone();
        let sets = sets.dispatcher();
        move |_| {
            let listener = {
                let options = options.clone();
                Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                    let origin = string_property(&event, "origin");
                    if !options.allows(&origin) {
                        return;
                    }
                    let data = Reflect::get(&event, &"data".into()).unwrap_or_default();
                    if !data.is_object() {
                        return;
                    }
                    // Cyclic or BigInt data cannot be stringified: not a hookcheck message.
                    let Some(json) = JSON::stringify(&data).ok().and_then(|s| s.as_string()) else {
                        return;
                    };
                    match embed::parse_host_message(&json) {
                        HostMessage::Set(request) => {
                            onset.borrow().emit(request);
                            sets.dispatch(());
                        }
                        HostMessage::Invalid(error) => {
                            // A cross-origin WindowProxy fails `instanceof Window`: cast.
                            let source = Reflect::get(&event, &"source".into())
                                .ok()
                                .filter(JsValue::is_object)
                                .map(JsCast::unchecked_into::<Window>);
                            if let Some(source) = source {
                                post(&source, &origin, &WidgetMessage::error(&error));
                            }
                        }
                        HostMessage::NotOurs => {}
                    }
                })
            };
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window
                    .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
            }
            post_to_hosts(&options, &WidgetMessage::ready());
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        "message",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        }
    });

    use_effect_with((props.text.clone(), props.result.clone(), sets.0), {
        let options = props.options.clone();
        move |(_, result, _)| post_to_hosts(&options, result)
    });

    // The content height, so the host can size the iframe to fit.
    use_effect_with((), {
        let options = props.options.clone();
        let frame_ref = frame_ref.clone();
        move |_| {
            let frame = frame_ref.cast::<Element>();
            let reporter = RefCell::new(HeightReporter::default());
            let callback = {
                let frame = frame.clone();
                Closure::<dyn Fn()>::new(move || {
                    let Some(frame) = &frame else { return };
                    let rect = frame.unchecked_ref::<Measured>().bounding_client_rect();
                    let height = Reflect::get(&rect, &"height".into())
                        .ok()
                        .and_then(|h| h.as_f64())
                        .unwrap_or_default();
                    if let Some(height) = reporter.borrow_mut().observe(height) {
                        post_to_hosts(&options, &WidgetMessage::height(height));
                    }
                })
            };
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref());
            if let Some(frame) = &frame {
                observer.observe(frame);
            }
            move || {
                observer.disconnect();
                drop(callback);
            }
        }
    });

    let open_href = use_memo(props.share.clone(), {
        let prefix = props.share_prefix;
        move |share| {
            let href = web_sys::window()
                .and_then(|window| window.location().href().ok())
                .unwrap_or_default();
            embed::open_in_app_url(&href, prefix, share)
        }
    });

    html! {
        <div class="embed-frame" ref={frame_ref} data-testid="embed"
            data-readonly={props.options.readonly.then_some("true")}>
            { props.children.clone() }
            <p class="embed-bar">
                <a class="embed-open" data-testid="open-in-app" href={(*open_href).clone()}
                    target="_blank" rel="noopener noreferrer">
                    { "Open in hookcheck" }
                </a>
            </p>
        </div>
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn string_property(target: &JsValue, name: &str) -> String {
    Reflect::get(target, &name.into())
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// Posts `message` to each allowed origin of the parent page. Outside an iframe there is
/// nobody to tell; `postMessage` itself drops a message whose target origin is not the
/// parent's.
fn post_to_hosts(options: &EmbedOptions, message: &WidgetMessage) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    for origin in &options.origins {
        post(&parent, origin, message);
    }
}

/// Posts `message` as a plain object, as the JS API returns core's documents.
fn post(target: &Window, origin: &str, message: &WidgetMessage) {
    if let Ok(value) = web::to_js(message) {
        let _ = target.post_message(&value, origin);
    }
}
