//! `/users/:id/enrollment-failures/:eventId`: what failed, why, what to do, and how to get
//! logs from the device.

use leptos::prelude::*;
use stylers::style;

use crate::components::collect_data::{resource_link, CollectData};
use crate::components::labels::{event_date, failure_title};
use crate::components::route_link::RouteLink;
use crate::components::section_view::SectionView;
use crate::components::user_tab::{use_session, use_user_address, SelectedFailure};
use crate::domain::remediation::{entry, recognise, Recognised};
use crate::graph::models::TroubleshootingEvent;
use crate::i18n::{use_i18n, Msg, ViewMsg};
use crate::routes::user_route;
use crate::state::section::Loaded;
use crate::state::user_session::SectionName;

#[component]
pub fn FailureDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let address = use_user_address();
    let selected = expect_context::<SelectedFailure>();
    on_cleanup(move || selected.0.set(None));
    move || {
        let (user_key, event_id) = address.with(|a| (a.key.clone(), a.event_id.clone().unwrap_or_default()));
        session.get().map(|session| {
            let back = user_route(&user_key, "/enrollment-failures");
            let event_id = event_id.clone();
            view! {
                <p><RouteLink route=back>{move || i18n.t(ViewMsg::BackToFailures)}</RouteLink></p>
                <SectionView section=session.failures on_retry=move |_| session.retry(SectionName::Failures) label=ViewMsg::FailureTitle
                    content={move |loaded: Loaded<TroubleshootingEvent>| {
                        let found: Option<TroubleshootingEvent> = loaded.items.iter().find(|e| e.id == event_id).cloned();
                        match found {
                            None if loaded.complete => view! { <p role="alert">{move || i18n.t(ViewMsg::FailureNotFound)}</p> }.into_any(),
                            None => view! { <p aria-busy="true">{move || i18n.t(Msg::Loading)}</p> }.into_any(),
                            Some(event) => view! { <FailureDetail event=event/> }.into_any(),
                        }
                    }}
                />
            }
        })
    }
}

#[component]
fn FailureDetail(event: TroubleshootingEvent) -> impl IntoView {
    let i18n = use_i18n();
    let selected = expect_context::<SelectedFailure>();
    selected.0.set(Some((failure_title(&event, &i18n), event_date(&event, &i18n))));
    let class = style! {"FailureDetail",
        dl {
            display: grid;
            grid-template-columns: max-content 1fr;
            gap: var(--space-1) var(--space-3);
        }
        dt {
            color: var(--muted);
        }
        dd {
            margin: 0;
            overflow-wrap: anywhere;
        }
        .source {
            color: var(--muted);
            font-size: var(--font-small);
        }
        section {
            margin-top: var(--space-4);
        }
        h2 {
            font-size: var(--font-large);
            margin-bottom: var(--space-1);
        }
    };
    let recognised = recognise(&event);
    let details = event.troubleshooting_error_details.clone();
    let os = event.operating_system.clone().unwrap_or_default();
    let reason = event.failure_reason.clone().unwrap_or_default();
    let title = {
        let event = event.clone();
        move || failure_title(&event, &i18n)
    };
    let facts = move || {
        vec![
            (ViewMsg::ColEnrollmentStart, event_date(&event, &i18n)),
            (ViewMsg::ColOs, event.operating_system.clone().unwrap_or_default()),
            (ViewMsg::ColOsVersion, event.os_version.clone().unwrap_or_default()),
            (ViewMsg::Category, event.failure_category.as_ref().map(|c| c.as_wire().to_string()).unwrap_or_default()),
            (ViewMsg::Reason, event.failure_reason.clone().unwrap_or_default()),
            (ViewMsg::EnrollmentType, event.enrollment_type.clone().unwrap_or_default()),
            (ViewMsg::CorrelationId, event.correlation_id.clone().unwrap_or_default()),
        ]
        .into_iter()
        .map(|(label, value)| view! { class=class, <dt>{i18n.t(label)}</dt><dd>{value}</dd> })
        .collect_view()
    };
    let explanation = move || {
        let lang = i18n.lang.get();
        // Intune's own words first, when the beta endpoint sent them; the catalogue otherwise.
        let graph_details = details.clone().filter(|d| d.failure_details.is_some() || d.remediation.is_some());
        let catalogue = recognised.map(|r| entry(r.error()));
        let guess = matches!(recognised, Some(Recognised::ByCategory(_)));
        let details_text = graph_details
            .as_ref()
            .and_then(|d| d.failure_details.clone())
            .or_else(|| catalogue.map(|e| e.details.template(lang).to_string()));
        let mut remediations: Vec<String> =
            graph_details.as_ref().and_then(|d| d.remediation.clone()).into_iter().collect();
        if let Some(entry) = catalogue {
            remediations.extend(entry.remediations.iter().map(|text| text.template(lang).to_string()));
        }
        let mut resources: Vec<(String, Option<String>)> = graph_details
            .as_ref()
            .map(|d| {
                d.resources
                    .iter()
                    .map(|r| (r.text.clone().or(r.link.clone()).unwrap_or_default(), r.link.clone()))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(entry) = catalogue {
            resources
                .extend(entry.resources.iter().map(|r| (r.text.template(lang).to_string(), Some(r.link.to_string()))));
        }
        let source = if graph_details.is_some() { ViewMsg::FromGraph } else { ViewMsg::FromCatalogue };
        view! { class=class,
            {guess.then(|| view! { class=class, <p class="source">{i18n.fmt(ViewMsg::GuessedFromCategory, &[&reason])}</p> })}
            {(catalogue.is_none() && graph_details.is_none()).then(|| view! { class=class, <p>{i18n.t(ViewMsg::NotRecognised)}</p> })}
            <section aria-labelledby="failure-details">
                <h2 id="failure-details">{i18n.t(ViewMsg::FailureDetails)}</h2>
                <p class="source">{i18n.t(source)}</p>
                <p data-testid="failure-details">{details_text}</p>
            </section>
            <section aria-labelledby="remediations">
                <h2 id="remediations">{i18n.t(ViewMsg::PotentialRemediations)}</h2>
                <ol data-testid="remediations">{remediations.into_iter().map(|step| view! { class=class, <li>{step}</li> }).collect_view()}</ol>
            </section>
            <section aria-labelledby="resources">
                <h2 id="resources">{i18n.t(ViewMsg::Resources)}</h2>
                <ul>{resources.into_iter().map(|(text, link)| view! { class=class, <li>{resource_link(text, link, lang)}</li> }).collect_view()}</ul>
            </section>
        }
    };
    view! { class=class,
        <article aria-labelledby="failure-title">
            <h1 id="failure-title">{title}</h1>
            <dl>{facts}</dl>
            {explanation}
            <CollectData os=os/>
        </article>
    }
}
