//! `/users/:id/assignments`: every policy, profile and app that targets the user or one of
//! their devices, with why (the group and how they are in it, All users / All devices, the
//! filter); and, for any item of the tenant, why it does not reach them.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::assignment_text::{explain, intent_text, kind_text, GroupNames};
use crate::components::user_tab::use_session;
use crate::domain::assignments::{reach, DeviceSubject, Filters, ItemKind, Membership, Reach, Subject};
use crate::graph::models::{DirectoryObject, ManagedDevice};
use crate::i18n::{use_i18n, I18n, ViewMsg};
use crate::state::catalogue::{use_catalogue, CatalogueItem, CatalogueList, CatalogueState};
use crate::state::section::Section;
use crate::state::user_session::{DeviceGroups, UserSession};

/// What the resolution needs, once all of it is in.
#[derive(Clone)]
struct Inputs {
    items: Arc<Vec<CatalogueItem>>,
    filters: Arc<Filters>,
    user_groups: HashSet<String>,
    direct: HashSet<String>,
    devices: Arc<Vec<ManagedDevice>>,
    device_groups: DeviceGroups,
    names: GroupNames,
}

fn ids(groups: &[DirectoryObject]) -> HashSet<String> {
    groups.iter().map(|g| g.id.clone()).collect()
}

fn inputs(session: UserSession, catalogue: &CatalogueState) -> Option<Inputs> {
    if !catalogue.is_complete() {
        return None;
    }
    let complete =
        |section: &Section<DirectoryObject>| section.loaded().filter(|l| l.complete).map(|l| l.items.clone());
    let groups = session.groups.with(complete)?;
    let direct = session.direct_groups.with(complete)?;
    let devices = session.devices.with(|d| d.loaded().filter(|l| l.complete).map(|l| l.items.clone()))?;
    let device_groups = session.device_groups.get().filter(|g| !g.loading)?;
    let mut names: GroupNames =
        groups.iter().filter_map(|g| g.display_name.clone().map(|name| (g.id.clone(), name))).collect();
    for group in device_groups.known.values().flatten() {
        if let Some(name) = &group.display_name {
            names.insert(group.id.clone(), name.clone());
        }
    }
    Some(Inputs {
        items: catalogue.items.clone(),
        filters: catalogue.filters.clone(),
        user_groups: ids(&groups),
        direct: ids(&direct),
        devices,
        device_groups,
        names,
    })
}

/// Who a question is about: the user alone (app protection targets users), or the user on one
/// of their devices.
#[derive(Clone, PartialEq)]
struct Audience {
    heading: String,
    device: Option<ManagedDevice>,
}

fn audiences(inputs: &Inputs, i18n: &I18n) -> Vec<Audience> {
    let mut list = vec![Audience { heading: i18n.t(ViewMsg::AssignmentsUser).to_string(), device: None }];
    list.extend(inputs.devices.iter().map(|device| Audience {
        heading: i18n.fmt(
            ViewMsg::AssignmentsDevice,
            &[
                device.device_name.as_deref().unwrap_or(&device.id),
                device.operating_system.as_deref().unwrap_or_default(),
            ],
        ),
        device: Some(device.clone()),
    }));
    list
}

/// The items an audience is asked about: app protection for the user alone, the rest per device
/// (everything for the user alone when they have no device).
fn asks_about(audience: &Audience, kind: ItemKind, has_devices: bool) -> bool {
    (kind == ItemKind::AppProtection) == audience.device.is_none() || !has_devices
}

fn reach_for(inputs: &Inputs, audience: &Audience, entry: &CatalogueItem) -> Reach {
    let device_ids = audience.device.as_ref().and_then(|d| inputs.device_groups.known.get(&d.id)).map(|g| ids(g));
    let subject = Subject {
        user: Membership { groups: &inputs.user_groups, direct: Some(&inputs.direct) },
        device: audience.device.as_ref().map(|device| DeviceSubject {
            device,
            groups: device_ids.as_ref().map(|groups| Membership { groups, direct: None }),
        }),
    };
    reach(&entry.item, &subject, &inputs.filters)
}

fn list_name(list: CatalogueList, i18n: &I18n) -> &'static str {
    i18n.t(match list {
        CatalogueList::Compliance => ViewMsg::ListCompliance,
        CatalogueList::Configuration => ViewMsg::ListConfiguration,
        CatalogueList::SettingsCatalog => ViewMsg::ListSettingsCatalog,
        CatalogueList::Apps => ViewMsg::ListApps,
        CatalogueList::IosAppProtection => ViewMsg::ListIosAppProtection,
        CatalogueList::AndroidAppProtection => ViewMsg::ListAndroidAppProtection,
        CatalogueList::Filters => ViewMsg::ListFilters,
    })
}

/// The catalogue's state: loading with counts, lists that failed, or what it holds, and Refresh.
#[component]
fn CatalogueStatus() -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = use_catalogue();
    let text = move || {
        catalogue.state.with(|state| {
            if state.loading {
                let total = CatalogueList::ALL.len().to_string();
                i18n.fmt(ViewMsg::CatalogueLoading, &[&state.read.to_string(), &state.lists_done.to_string(), &total])
            } else {
                i18n.fmt(ViewMsg::CatalogueLoaded, &[&state.items.len().to_string(), &state.filters.len().to_string()])
            }
        })
    };
    let failures = move || {
        catalogue.state.with(|state| {
            state
                .failed
                .iter()
                .map(|(list, error)| {
                    let request = error.request_id.clone().unwrap_or_default();
                    i18n.fmt(ViewMsg::CatalogueListFailed, &[list_name(*list, &i18n), &error.message, &request])
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <p data-testid="catalogue-status" aria-busy=move || catalogue.state.with(|s| s.loading).to_string()>
            {text}" "
            <button type="button" on:click=move |_| catalogue.refresh() disabled=move || catalogue.state.with(|s| s.loading)>
                {move || i18n.t(ViewMsg::CatalogueRefresh)}
            </button>
        </p>
        {move || failures().into_iter().map(|line| view! { <p role="alert">{line}</p> }).collect_view()}
    }
}

/// "Add to the ticket": the explanation joins the ticket summary's lines.
#[component]
fn AddToTicket(session: UserSession, text: String) -> impl IntoView {
    let i18n = use_i18n();
    let added = {
        let text = text.clone();
        Memo::new(move |_| session.ticket_notes.with(|notes| notes.contains(&text)))
    };
    let add = move |_| {
        if !session.ticket_notes.with_untracked(|notes| notes.contains(&text)) {
            session.ticket_notes.update(|notes| notes.push(text.clone()));
        }
    };
    view! {
        <button type="button" on:click=add disabled=added>
            {move || i18n.t(if added.get() { ViewMsg::AddedToTicket } else { ViewMsg::AddToTicket })}
        </button>
    }
}

#[component]
fn TargetedItems(session: UserSession, inputs: Inputs) -> impl IntoView {
    let i18n = use_i18n();
    let has_devices = !inputs.devices.is_empty();
    audiences(&inputs, &i18n)
        .into_iter()
        .map(|audience| {
            let rows: Vec<(CatalogueItem, Reach)> = inputs
                .items
                .iter()
                .filter(|entry| asks_about(&audience, entry.kind, has_devices))
                .map(|entry| (entry.clone(), reach_for(&inputs, &audience, entry)))
                .filter(|(_, reach)| reach.is_targeted())
                .collect();
            let count = i18n.fmt(ViewMsg::AssignmentsCount, &[&rows.len().to_string()]);
            let device = audience.device.clone();
            let rows = rows
                .into_iter()
                .map(|(entry, reach)| {
                    let why = explain(&reach, &inputs.names, &inputs.filters, device.as_ref(), &i18n);
                    let intent = match &reach {
                        Reach::Applies { intent: Some(intent), .. } => intent_text(intent, &i18n),
                        _ => String::new(),
                    };
                    let state = i18n.t(match reach {
                        Reach::Applies { .. } => ViewMsg::ReachApplies,
                        Reach::Excluded { .. } => ViewMsg::ReachExcluded,
                        Reach::FilteredOut { .. } => ViewMsg::ReachFilteredOut,
                        _ => ViewMsg::ReachUndecided,
                    });
                    let note = format!("{} ({}): {} {}", entry.item.title(), audience.heading, state, why);
                    view! {
                        <tr data-testid="assignment">
                            <td>{kind_text(entry.kind, &i18n)}</td>
                            <th scope="row">{entry.item.title().to_string()}</th>
                            <td>{intent}</td>
                            <td><strong>{state}</strong>" "{why}</td>
                            <td><AddToTicket session=session text=note/></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section aria-label=audience.heading.clone()>
                    <h3>{audience.heading.clone()}</h3>
                    <p>{count}</p>
                    <table class="plain">
                        <thead><tr>
                            <th scope="col">{i18n.t(ViewMsg::ColType)}</th>
                            <th scope="col">{i18n.t(ViewMsg::ColName)}</th>
                            <th scope="col">{i18n.t(ViewMsg::ColIntent)}</th>
                            <th scope="col">{i18n.t(ViewMsg::ColWhy)}</th>
                            <th scope="col"><span class="visually-hidden">{i18n.t(ViewMsg::AddToTicket)}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            }
        })
        .collect_view()
}

/// "Why not?": any item of the tenant, found by name, explained for the user and each device.
#[component]
fn WhyNot(session: UserSession, inputs: Inputs) -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<usize>);
    let items = inputs.items.clone();
    let matches = move || {
        let wanted = query.get().trim().to_lowercase();
        if wanted.is_empty() {
            return Vec::new();
        }
        items
            .iter()
            .enumerate()
            .filter(|(_, entry)| entry.item.title().to_lowercase().contains(&wanted))
            .take(8)
            .map(|(index, entry)| (index, entry.item.title().to_string(), entry.kind))
            .collect::<Vec<_>>()
    };
    let explanation = move || {
        let entry = inputs.items.get(chosen.get()?)?.clone();
        let has_devices = !inputs.devices.is_empty();
        let lines = audiences(&inputs, &i18n)
            .into_iter()
            .filter(|audience| asks_about(audience, entry.kind, has_devices))
            .map(|audience| {
                let reach = reach_for(&inputs, &audience, &entry);
                let why = explain(&reach, &inputs.names, &inputs.filters, audience.device.as_ref(), &i18n);
                let note = format!("{} ({}): {why}", entry.item.title(), audience.heading);
                view! {
                    <li data-testid="why-not-line"><strong>{audience.heading.clone()}</strong>": "{why}" "<AddToTicket session=session text=note/></li>
                }
            })
            .collect_view();
        Some(view! {
            <h4>{entry.item.title().to_string()}" ("{kind_text(entry.kind, &i18n)}")"</h4>
            <ul data-testid="why-not">{lines}</ul>
        })
    };
    view! {
        <section aria-labelledby="why-not-heading">
            <h3 id="why-not-heading">{move || i18n.t(ViewMsg::WhyNotHeading)}</h3>
            <label for="why-not-search">{move || i18n.t(ViewMsg::WhyNotSearch)}</label>" "
            <input id="why-not-search" type="search" autocomplete="off" prop:value=move || query.get()
                on:input=move |e| { query.set(event_target_value(&e)); chosen.set(None); }/>
            <ul aria-label=move || i18n.t(ViewMsg::WhyNotSearch)>
                {move || matches().into_iter().map(|(index, title, kind)| view! {
                    <li><button type="button" on:click=move |_| chosen.set(Some(index))>{title}" ("{kind_text(kind, &i18n)}")"</button></li>
                }).collect_view()}
            </ul>
            {explanation}
        </section>
    }
}

#[component]
pub fn AssignmentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let catalogue = use_catalogue();
    catalogue.ensure_loaded();
    // The devices' groups, once the device list is complete.
    Effect::new(move |_| {
        let Some(session) = session.get() else { return };
        let devices_ready = session.devices.with(|d| d.loaded().is_some_and(|l| l.complete));
        if devices_ready && session.device_groups.with_untracked(Option::is_none) {
            session.load_device_groups();
        }
    });
    let body = move || {
        let session = session.get()?;
        let failed_groups = session.device_groups.with(|g| {
            g.as_ref().map(|g| g.failed.iter().map(|f| (f.label.clone(), f.error.message.clone())).collect::<Vec<_>>())
        });
        let inputs = catalogue.state.with(|state| inputs(session, state));
        Some(view! {
            {failed_groups.unwrap_or_default().into_iter().map(|(device, message)| view! {
                <p role="alert">{i18n.fmt(ViewMsg::DeviceGroupsFailed, &[&device, &message])}</p>
            }).collect_view()}
            {match inputs {
                Some(inputs) => view! {
                    <WhyNot session=session inputs=inputs.clone()/>
                    <TargetedItems session=session inputs=inputs/>
                }.into_any(),
                None => view! { <p aria-busy="true">{i18n.t(ViewMsg::AssignmentsWaiting)}</p> }.into_any(),
            }}
        })
    };
    view! {
        <CatalogueStatus/>
        {body}
    }
}
