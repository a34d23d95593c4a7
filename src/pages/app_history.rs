//! `/users/:id/devices/:deviceId/apps/:appId`: the install history of one app on one device,
//! step by step, and why it failed.

use leptos::prelude::*;
use stylers::style;

use crate::components::app_failure::AppFailureExplained;
use crate::components::app_labels::{run_state, step_text};
use crate::components::labels::date_text;
use crate::components::route_link::RouteLink;
use crate::components::section_view::SectionView;
use crate::components::user_tab::{use_session, use_user_address};
use crate::domain::app_install::latest_failures;
use crate::domain::catalogues::app_install::AppPlatform;
use crate::graph::models::{AppHistoryItem, AppTroubleshootingEvent, TroubleshootingErrorDetails};
use crate::i18n::{use_i18n, ViewMsg};
use crate::routes::{device_route, user_route};
use crate::state::section::Loaded;
use crate::state::user_session::{SectionName, UserSession};

/// Intune's own words for a step or an event, in one line.
fn details_text(details: Option<&TroubleshootingErrorDetails>) -> String {
    details
        .map(|d| {
            [&d.failure, &d.failure_details, &d.remediation]
                .into_iter()
                .flatten()
                .filter(|t| !t.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// The names the user view knows for this app and device, and the device's platform.
fn names(session: UserSession, device_id: &str, app_id: &str) -> (String, String, AppPlatform) {
    let device = session
        .devices
        .with(|d| d.items().and_then(|list| list.iter().find(|d| d.id.eq_ignore_ascii_case(device_id)).cloned()));
    let app = session.apps.with(|apps| {
        apps.items().and_then(|states| {
            states
                .iter()
                .flat_map(|s| &s.mobile_app_list)
                .find(|a| a.application_id.as_deref().is_some_and(|id| id.eq_ignore_ascii_case(app_id)))
                .and_then(|a| a.display_name.clone())
        })
    });
    (
        app.unwrap_or_else(|| app_id.to_string()),
        device.as_ref().and_then(|d| d.device_name.clone()).unwrap_or_else(|| device_id.to_string()),
        AppPlatform::of_os(device.as_ref().and_then(|d| d.operating_system.as_deref())),
    )
}

#[component]
pub fn AppHistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let address = use_user_address();
    let class = style! {"AppHistoryPage",
        h2 {
            margin: var(--space-2) 0;
        }
        h3 {
            font-size: var(--font-large);
            margin: var(--space-4) 0 var(--space-1) 0;
        }
    };
    move || {
        let (key, device_id, app_id) = address
            .with(|a| (a.key.clone(), a.device_id.clone().unwrap_or_default(), a.app_id.clone().unwrap_or_default()));
        session.get().map(|session| {
            let back = user_route(&key, "/apps");
            let device_link = device_route(&key, &device_id);
            // The names come from the devices and apps sections, which may answer after the
            // history: the page shows ids until they do.
            let known = {
                let (device_id, app_id) = (device_id.clone(), app_id.clone());
                Memo::new(move |_| names(session, &device_id, &app_id))
            };
            view! { class=class,
                <p><RouteLink route=back>{move || i18n.t(ViewMsg::BackToApps)}</RouteLink></p>
                <SectionView section=session.app_events on_retry=move |_| session.retry(SectionName::Apps) label=ViewMsg::InstallHistory
                    content={move |loaded: Loaded<AppTroubleshootingEvent>| {
                        let mine: Vec<AppTroubleshootingEvent> = loaded.items.iter().filter(|e| {
                            e.managed_device_identifier.as_deref().is_some_and(|d| d.eq_ignore_ascii_case(&device_id))
                                && e.application_id.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(&app_id))
                        }).cloned().collect();
                        if mine.is_empty() {
                            return view! { <p role="alert">{move || i18n.t(ViewMsg::AppHistoryNotFound)}</p> }.into_any();
                        }
                        let failure = latest_failures(&mine).into_values().next();
                        let mut steps: Vec<(AppHistoryItem, String)> = mine.iter().flat_map(|event| {
                            event.history.iter().cloned().map(move |step| (step, details_text(event.troubleshooting_error_details.as_ref())))
                        }).collect();
                        steps.sort_by_key(|(step, _)| step.occurrence_date_time.as_ref().map_or(i128::MIN, |t| t.sort_key()));
                        // Read in each row's cell, so the names appear when the groups answer.
                        let group_name = move |id: &Option<String>| -> Option<String> {
                            let id = id.as_deref()?;
                            session.groups.with(|g| {
                                g.items()?.iter().find(|g| g.id.eq_ignore_ascii_case(id)).and_then(|g| g.display_name.clone())
                            })
                        };
                        let device_link = device_link.clone();
                        view! { class=class,
                            <h2>{move || known.with(|(app, device, _)| i18n.fmt(ViewMsg::InstallHistoryOf, &[app, device]))}</h2>
                            <p data-testid="history-device"><RouteLink route=device_link>{move || known.with(|k| k.1.clone())}</RouteLink></p>
                            {move || view! { <AppFailureExplained platform=known.with(|k| k.2) failure=failure.clone()/> }}
                            <h3>{move || i18n.t(ViewMsg::InstallHistory)}</h3>
                            <table class="plain" data-testid="install-history">
                                <caption class="visually-hidden">{move || i18n.t(ViewMsg::InstallHistory)}</caption>
                                <thead><tr>
                                    <th scope="col">{move || i18n.t(ViewMsg::ColStarted)}</th>
                                    <th scope="col">{move || i18n.t(ViewMsg::ColStep)}</th>
                                    <th scope="col">{move || i18n.t(ViewMsg::ColResult)}</th>
                                    <th scope="col">{move || i18n.t(ViewMsg::ColErrorCode)}</th>
                                    <th scope="col">{move || i18n.t(ViewMsg::ColDetails)}</th>
                                </tr></thead>
                                <tbody>
                                    {steps.into_iter().map(|(step, event_details)| {
                                        let details = Some(details_text(step.troubleshooting_error_details.as_ref())).filter(|d| !d.is_empty()).unwrap_or(event_details);
                                        let when = step.occurrence_date_time.clone();
                                        let state = step.run_state.clone();
                                        let code = step.error_code.clone();
                                        view! {
                                            <tr>
                                                <td>{move || date_text(&i18n, when.as_ref())}</td>
                                                <td>{move || step_text(&i18n, &step, group_name(&step.security_group_id))}</td>
                                                <td>{move || { let (text, tone) = run_state(&i18n, state.as_ref()); view! { <span class=tone.class()><span aria-hidden="true">{tone.mark()}" "</span>{text}</span> } }}</td>
                                                <td>{code}</td>
                                                <td>{details}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }
                        .into_any()
                    }}
                />
            }
        })
    }
}
