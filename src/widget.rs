//! The embed widget (`embed.html`, docs/embedding.md): the workbench's input and preview in
//! the compact [`EmbedFrame`], with no header, footer, send or sample panel. It opens with
//! the share code in its fragment or the first example, and remembers nothing.

use hookcheck_core::api::WidgetMessage;
use yew::prelude::*;

use crate::embed::{self, EmbedFrame};
use crate::web;
use crate::workbench::use_workbench;

#[component]
pub fn Widget() -> Html {
    let options = use_memo((), |_| embed::options_from_location());
    let bench = use_workbench(embed::initial_state);
    let state = &bench.state;
    html! {
        <EmbedFrame options={options.clone()} text={AttrValue::from(state.text.clone())}
            result={WidgetMessage::result(&bench.checked.report)} share={state.share_state(&bench.checked.report.secrets)}
            share_prefix={web::SHARE_PREFIX} onset={embed::onset(state.dispatcher())}
            input_ref={bench.input_ref.clone()}>
            { bench.input_views() }
            { bench.preview_view() }
        </EmbedFrame>
    }
}
