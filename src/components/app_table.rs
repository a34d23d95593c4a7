//! Client apps as table rows, one app on one device, failed and pending first, each failure with
//! its error code and cause; below, why each failed app failed. The apps tab lists every
//! device's apps, the device page one device's.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use stylers::style;

use crate::components::app_failure::AppFailureExplained;
use crate::components::data_table::{Column, DataTable, RowLink};
use crate::components::labels::{date_text, install_state};
use crate::domain::app_install::{attention_rank, hex, AppFailure, Explanation};
use crate::domain::catalogues::app_install::AppPlatform;
use crate::domain::table::{timestamp_key, Direction, SortKey};
use crate::graph::models::{InstallState, ManagedDevice, MobileAppIntent, MobileAppIntentAndState};
use crate::i18n::{use_i18n, I18n, Text, ViewMsg};
use crate::routes::{app_history_route, device_route};

/// One app on one device.
#[derive(Clone)]
pub struct AppRow {
    device_id: String,
    device: String,
    app_id: String,
    name: String,
    version: String,
    intent: Option<MobileAppIntent>,
    state: Option<InstallState>,
    platform: AppPlatform,
    /// Why it failed, when it failed and Intune's history says why.
    failure: Option<AppFailure>,
}

/// The apps of `states` on the devices `keep` accepts, with their latest failure from
/// `failures` (keyed by lower-case device and app ids); devices are named, and their platform
/// told, from `devices` when it has them.
pub fn app_rows(
    states: &[MobileAppIntentAndState],
    devices: Option<&[ManagedDevice]>,
    failures: &HashMap<(String, String), AppFailure>,
    keep: impl Fn(&str) -> bool,
) -> Vec<AppRow> {
    let device = |id: &str| devices.and_then(|list| list.iter().find(|d| d.id.eq_ignore_ascii_case(id)));
    states
        .iter()
        .filter(|state| keep(state.managed_device_identifier.as_deref().unwrap_or_default()))
        .flat_map(|state| {
            let device_id = state.managed_device_identifier.clone().unwrap_or_default();
            let known = device(&device_id);
            let name = known.and_then(|d| d.device_name.clone()).unwrap_or_else(|| device_id.clone());
            let platform = AppPlatform::of_os(known.and_then(|d| d.operating_system.as_deref()));
            state.mobile_app_list.iter().map(move |app| {
                let app_id = app.application_id.clone().unwrap_or_default();
                let failed = matches!(app.install_state, Some(InstallState::Failed | InstallState::UninstallFailed));
                let failure =
                    failed.then(|| failures.get(&(device_id.to_lowercase(), app_id.to_lowercase())).cloned()).flatten();
                AppRow {
                    device_id: device_id.clone(),
                    device: name.clone(),
                    app_id,
                    name: app.display_name.clone().unwrap_or_default(),
                    version: app.display_version.clone().unwrap_or_default(),
                    intent: app.mobile_app_intent.clone(),
                    state: app.install_state.clone(),
                    platform,
                    failure,
                }
            })
        })
        .collect()
}

/// The code and its cause in a few words, as a cell.
fn error_cell(row: &AppRow, i18n: &I18n) -> String {
    let Some(failure) = &row.failure else { return String::new() };
    match failure.explain(row.platform) {
        Explanation::Known(entry) => format!("{} {}", hex(entry.code), entry.title.template(i18n.lang.get_untracked())),
        Explanation::NotInCatalogue(code) => hex(code),
        Explanation::Unreadable => failure.raw.clone(),
    }
}

fn columns(with_device: bool) -> Vec<Column<AppRow>> {
    let mut columns =
        vec![Column::<AppRow>::new(ViewMsg::ColName, |r, _| r.name.clone(), |r| SortKey::text(Some(&r.name)))];
    if with_device {
        columns.push(Column::<AppRow>::new(
            ViewMsg::ColDevice,
            |r, _| r.device.clone(),
            |r| SortKey::text(Some(&r.device)),
        ));
    }
    columns.extend([
        Column::<AppRow>::new(ViewMsg::ColVersion, |r, _| r.version.clone(), |r| SortKey::text(Some(&r.version))),
        Column::<AppRow>::new(
            ViewMsg::ColAssignment,
            |r, _| r.intent.as_ref().map(|i| i.as_wire().to_string()).unwrap_or_default(),
            |r| SortKey::text(r.intent.as_ref().map(|i| i.as_wire())),
        ),
        // Sorted by how much the state needs attention: failed, then pending, first.
        Column::<AppRow>::new(
            ViewMsg::ColInstallState,
            |r, i18n| install_state(i18n, r.state.as_ref()).0,
            |r| SortKey::Number(attention_rank(r.state.as_ref()).into()),
        )
        .toned(|r, i18n| install_state(i18n, r.state.as_ref()).1),
        Column::<AppRow>::new(ViewMsg::ColError, error_cell, |r| {
            SortKey::text(r.failure.as_ref().map(|f| f.raw.as_str()))
        }),
        Column::<AppRow>::new(
            ViewMsg::ColLastFailure,
            |r, i18n| date_text(i18n, r.failure.as_ref().and_then(|f| f.at.as_ref())),
            |r| timestamp_key(r.failure.as_ref().and_then(|f| f.at.as_ref())),
        ),
    ]);
    columns
}

/// The apps, failed and pending first; a failed app's name opens its install history, and with
/// `list_devices` each row's device opens its device page. Below, why each failed app failed.
#[component]
pub fn AppTable(
    rows: Vec<AppRow>,
    #[prop(into)] caption: Text,
    user_key: String,
    #[prop(optional)] list_devices: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"AppTable",
        .why {
            margin-top: var(--space-4);
        }
        h3, h5 {
            font-size: var(--font-normal);
            margin: var(--space-3) 0 var(--space-1) 0;
        }
    };
    let history: RowLink<AppRow> = {
        let key = user_key.clone();
        Arc::new(move |row| {
            let failed = matches!(row.state, Some(InstallState::Failed | InstallState::UninstallFailed));
            (failed && !row.device_id.is_empty() && !row.app_id.is_empty())
                .then(|| app_history_route(&key, &row.device_id, &row.app_id))
        })
    };
    let mut links = vec![(0, history)];
    if list_devices {
        let key = user_key.clone();
        let device: RowLink<AppRow> =
            Arc::new(move |row| (!row.device_id.is_empty()).then(|| device_route(&key, &row.device_id)));
        links.push((1, device));
    }
    let state_column = if list_devices { 4 } else { 3 };
    let failed: Vec<AppRow> = rows
        .iter()
        .filter(|r| matches!(r.state, Some(InstallState::Failed | InstallState::UninstallFailed)))
        .cloned()
        .collect();
    view! { class=class,
        <DataTable rows=Arc::new(rows) columns=columns(list_devices) caption=caption sort=(state_column, Direction::Ascending) links=links csv_name="apps"/>
        {(!failed.is_empty()).then(|| {
            // On the device page the list sits under the page's own section headings.
            let title = move || i18n.t(ViewMsg::WhyAppsFailed);
            let title = if list_devices {
                view! { class=class, <h2 id="why-apps-failed">{title}</h2> }.into_any()
            } else {
                view! { class=class, <h4 id="why-apps-failed">{title}</h4> }.into_any()
            };
            view! { class=class,
                <section class="why" aria-labelledby="why-apps-failed" data-testid="why-apps-failed">
                    {title}
                    {failed.into_iter().map(|row| {
                        let heading = if list_devices { format!("{} — {}", row.name, row.device) } else { row.name.clone() };
                        let heading = if list_devices {
                            view! { class=class, <h3>{heading}</h3> }.into_any()
                        } else {
                            view! { class=class, <h5>{heading}</h5> }.into_any()
                        };
                        view! { class=class,
                            {heading}
                            <AppFailureExplained platform=row.platform failure=row.failure.clone()/>
                        }
                    }).collect_view()}
                </section>
            }
        })}
    }
}
