//! The selected outcome's message as its destination shows it: a Slack or Discord
//! message, a Google Chat text, a Teams card, a PagerDuty incident, an Opsgenie alert.
//! Core builds the model and its lines (`destination::preview`); this renders them with
//! text nodes only, never HTML from the input. A plain function, not a component: it has
//! no state of its own, and each component costs the download its own Yew glue.

use hookcheck_core::destination::preview::{preview, Inline, Style};
use hookcheck_core::destination::Arrival;
use hookcheck_core::Request;
use yew::prelude::*;

/// The destination preview of `request`, refused as `arrival` says, or nothing when its URL
/// names no destination.
pub fn destination_preview(request: &Request, arrival: Option<&Arrival>) -> Html {
    let Some(p) = preview(request, arrival) else {
        return Html::default();
    };
    html! {
        <div class="part destination-preview" data-testid="destination-preview"
            data-destination={p.destination.id()} data-kind={p.kind.as_str()}>
            <h3>{ format!("As {} shows it", p.destination.short_name()) }</h3>
            <div class={classes!("dp-card", format!("dp-{}", p.kind.as_str()))}>
                { for p.blocks().iter().map(|block| html! {
                    <p class={block.kind.class()} data-testid={block.kind.test_id()}>
                        { for block.runs.iter().map(inline) }
                    </p>
                }) }
            </div>
        </div>
    }
}

fn inline(run: &Inline) -> Html {
    match &run.style {
        Style::Plain => html! { { &run.text } },
        Style::Bold => html! { <strong>{ &run.text }</strong> },
        Style::Italic => html! { <em>{ &run.text }</em> },
        Style::Code => html! { <code>{ &run.text }</code> },
        // A link only for http(s) addresses; anything else stays text.
        Style::Link(url) if url.starts_with("https://") || url.starts_with("http://") => html! {
            <a class="dp-link" href={url.clone()} target="_blank" rel="noopener noreferrer">{ &run.text }</a>
        },
        Style::Link(_) => html! { <span class="dp-link">{ &run.text }</span> },
        Style::Break => html! { <br /> },
    }
}
