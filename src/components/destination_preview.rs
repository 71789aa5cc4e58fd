//! The selected outcome's message as its destination shows it: a Slack or Discord
//! message, a Google Chat text, a Teams card, a PagerDuty incident, an Opsgenie alert.
//! Core builds the model (`destination::preview`); this renders it with text nodes only,
//! never HTML from the input.

use std::rc::Rc;

use hookcheck_core::destination::preview::{preview, DestinationPreview, Inline, Style};
use hookcheck_core::Request;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DestinationPreviewProps {
    /// The exact request of the selected outcome.
    pub request: Rc<Request<'static>>,
}

#[component]
pub fn DestinationPreviewView(props: &DestinationPreviewProps) -> Html {
    let Some(p) = preview(&props.request) else {
        return Html::default();
    };
    html! {
        <div class="part destination-preview" data-testid="destination-preview"
            data-destination={p.destination.id()} data-kind={p.kind.as_str()}>
            <h3>{ format!("As {} shows it", p.destination.short_name()) }</h3>
            if let Some(refused) = &p.refused {
                <p class="dp-refused" data-testid="destination-refused" role="note">
                    <b>{ "Not shown: " }</b>{ refused }
                </p>
            }
            { card(&p) }
        </div>
    }
}

fn card(p: &DestinationPreview) -> Html {
    let initial: String = p.sender.chars().take(1).collect();
    html! {
        <div class={classes!("dp-card", format!("dp-{}", p.kind.as_str()))}>
            <div class="dp-sender">
                <span class="dp-avatar" aria-hidden="true">{ initial }</span>
                <b data-testid="destination-preview-sender">{ &p.sender }</b>
            </div>
            if let Some(note) = &p.sender_note {
                <p class="dp-note">{ note }</p>
            }
            if let Some(title) = &p.title {
                <p class="dp-title" data-testid="destination-preview-title">{ title }</p>
            }
            if !p.text.is_empty() {
                <p class="dp-text" data-testid="destination-preview-text">{ for p.text.iter().map(inline) }</p>
            }
            { for p.embeds.iter().map(|e| html! {
                <div class="dp-embed">
                    if !e.title.is_empty() { <p class="dp-title">{ &e.title }</p> }
                    <p class="dp-text">{ for e.description.iter().map(inline) }</p>
                </div>
            }) }
            if !p.fields.is_empty() {
                <dl class="dp-fields">
                    { for p.fields.iter().map(|(name, value)| html! {
                        <><dt>{ name }</dt><dd>{ value }</dd></>
                    }) }
                </dl>
            }
            if !p.links.is_empty() {
                <p class="dp-links">{ for p.links.iter().map(|(label, url)| link(label, url)) }</p>
            }
        </div>
    }
}

/// A link only for http(s) addresses; anything else stays text.
fn link(label: &str, url: &str) -> Html {
    if url.starts_with("https://") || url.starts_with("http://") {
        html! { <a class="dp-link" href={url.to_string()} target="_blank" rel="noopener noreferrer">{ label }</a> }
    } else {
        html! { <span class="dp-link">{ label }</span> }
    }
}

fn inline(run: &Inline) -> Html {
    match &run.style {
        Style::Plain => html! { { &run.text } },
        Style::Bold => html! { <strong>{ &run.text }</strong> },
        Style::Italic => html! { <em>{ &run.text }</em> },
        Style::Code => html! { <code>{ &run.text }</code> },
        Style::Link(url) => link(&run.text, url),
        Style::Break => html! { <br /> },
    }
}
