//! `/users/:id/apps`: client apps on each device with their install state, failed and pending
//! first, each failure with its error code, what it means on that platform and what to do.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use stylers::style;

use crate::components::app_failure::AppFailureExplained;
use crate::components::app_table::{app_rows, AppTable};
use crate::components::section_view::SectionView;
use crate::components::user_tab::{use_user_address, user_section};
use crate::domain::app_install::{latest_failures, AppFailure};
use crate::domain::catalogues::app_install::AppPlatform;
use crate::graph::models::{AppTroubleshootingEvent, ManagedDevice, MobileAppIntentAndState};
use crate::i18n::{use_i18n, ViewMsg};
use crate::state::section::{Loaded, Section};
use crate::state::user_session::{SectionName, UserSession};

/// Failures Intune recorded for apps the user's list no longer holds (no longer assigned).
fn unassigned<'a>(
    states: &[MobileAppIntentAndState],
    failures: &'a HashMap<(String, String), AppFailure>,
) -> Vec<(&'a (String, String), &'a AppFailure)> {
    let listed: HashSet<(String, String)> = states
        .iter()
        .flat_map(|state| {
            let device = state.managed_device_identifier.clone().unwrap_or_default().to_lowercase();
            state
                .mobile_app_list
                .iter()
                .map(move |app| (device.clone(), app.application_id.clone().unwrap_or_default().to_lowercase()))
        })
        .collect();
    let mut left: Vec<_> = failures.iter().filter(|(key, _)| !listed.contains(*key)).collect();
    left.sort_by_key(|(key, _)| (*key).clone());
    left
}

/// The install history shows nothing of its own once loaded: the table above uses it.
fn history_loaded(_: Loaded<AppTroubleshootingEvent>) {}

#[component]
pub fn AppsPage() -> impl IntoView {
    let i18n = use_i18n();
    let key = use_user_address().with_untracked(|a| a.key.clone());
    let class = style! {"AppsPage",
        .note {
            color: var(--muted);
        }
        h3 {
            font-size: var(--font-normal);
            margin: var(--space-3) 0 var(--space-1) 0;
        }
    };
    user_section(
        |s| s.apps.into(),
        SectionName::Apps,
        ViewMsg::TabApps,
        move |session: UserSession, loaded: Loaded<MobileAppIntentAndState>| {
            // Device names and platforms come from the devices section, failures from the
            // install history, each when it has them.
            let devices = session.devices.with(|d| d.items());
            let (failures, events_failed) = session.app_events.with(|events| match events {
                Section::Ready(events) => (latest_failures(&events.items), false),
                Section::Failed(_) => (HashMap::new(), true),
                Section::Loading(_) => (HashMap::new(), false),
            });
            let rows = app_rows(&loaded.items, devices.as_deref().map(Vec::as_slice), &failures, |_| true);
            let platform_of = |device_id: &str| {
                let device: Option<&ManagedDevice> =
                    devices.as_deref().and_then(|list| list.iter().find(|d| d.id.eq_ignore_ascii_case(device_id)));
                (
                    device.and_then(|d| d.device_name.clone()).unwrap_or_else(|| device_id.to_string()),
                    AppPlatform::of_os(device.and_then(|d| d.operating_system.as_deref())),
                )
            };
            let earlier: Vec<(String, String, AppPlatform, AppFailure)> = unassigned(&loaded.items, &failures)
                .into_iter()
                .map(|((device_id, app_id), failure)| {
                    let (device, platform) = platform_of(device_id);
                    (app_id.clone(), device, platform, failure.clone())
                })
                .collect();
            view! { class=class,
                // The install history's own state: loading, its error with Retry, items it could not read.
                {events_failed.then(|| view! { class=class, <p class="note">{move || i18n.t(ViewMsg::AppErrorsUnavailable)}</p> })}
                <SectionView section=session.app_events on_retry=move |_| session.retry(SectionName::Apps) label=ViewMsg::InstallHistory
                    content=history_loaded/>
                <AppTable rows=rows caption=ViewMsg::TabApps user_key=key.clone() list_devices=true/>
                {(!earlier.is_empty()).then(|| view! { class=class,
                    <section aria-labelledby="unassigned-failures" data-testid="unassigned-failures">
                        <h2 id="unassigned-failures">{move || i18n.t(ViewMsg::UnassignedFailures)}</h2>
                        {earlier.into_iter().map(|(app_id, device, platform, failure)| view! { class=class,
                            <h3>{move || i18n.fmt(ViewMsg::AppById, &[&app_id])}" — "{device.clone()}</h3>
                            <AppFailureExplained platform=platform failure=Some(failure)/>
                        }).collect_view()}
                    </section>
                })}
            }
        },
    )
}
