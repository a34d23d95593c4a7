//! What targets the user and each of their devices, with why: loaded (the tenant's catalogue,
//! the devices' groups), resolved, and shown by the assignments tab and, for the policies
//! Graph gives no per-device state for, by the configuration tab.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::timed;
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
pub struct Inputs {
    pub items: Arc<Vec<CatalogueItem>>,
    pub filters: Arc<Filters>,
    pub user_groups: HashSet<String>,
    pub direct: HashSet<String>,
    pub devices: Arc<Vec<ManagedDevice>>,
    pub device_groups: DeviceGroups,
    pub names: GroupNames,
}

fn ids(groups: &[DirectoryObject]) -> HashSet<String> {
    groups.iter().map(|g| g.id.clone()).collect()
}

pub fn inputs(session: UserSession, catalogue: &CatalogueState) -> Option<Inputs> {
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
pub struct Audience {
    pub heading: String,
    pub device: Option<ManagedDevice>,
}

pub fn audiences(inputs: &Inputs, i18n: &I18n) -> Vec<Audience> {
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
pub fn asks_about(audience: &Audience, kind: ItemKind, has_devices: bool) -> bool {
    (kind == ItemKind::AppProtection) == audience.device.is_none() || !has_devices
}

/// Runs `work` with the audience as a subject (its device's groups gathered once).
pub fn with_subject<T>(inputs: &Inputs, audience: &Audience, work: impl FnOnce(&Subject) -> T) -> T {
    let device_ids = audience.device.as_ref().and_then(|d| inputs.device_groups.known.get(&d.id)).map(|g| ids(g));
    let subject = Subject {
        user: Membership { groups: &inputs.user_groups, direct: Some(&inputs.direct) },
        device: audience.device.as_ref().map(|device| DeviceSubject {
            device,
            groups: device_ids.as_ref().map(|groups| Membership { groups, direct: None }),
        }),
    };
    work(&subject)
}

pub fn reach_of(inputs: &Inputs, entry: &CatalogueItem, subject: &Subject) -> Reach {
    reach(&entry.item, entry.made_for.as_deref(), subject, &inputs.filters)
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
pub fn CatalogueStatus() -> impl IntoView {
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
pub fn AddToTicket(session: UserSession, text: String) -> impl IntoView {
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

/// For the user and one device at a time (chosen in a list: a user may have a hundred), the
/// items of `kinds` (all when empty) that target them.
#[component]
pub fn TargetedItems(
    session: UserSession,
    inputs: Inputs,
    #[prop(optional)] kinds: Vec<ItemKind>,
    /// Graph gives no per-device state for these items: an applying one says so.
    #[prop(optional)]
    stateless: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_devices = !inputs.devices.is_empty();
    let device_choice: Vec<(String, String)> =
        inputs.devices.iter().map(|d| (d.id.clone(), d.device_name.clone().unwrap_or_else(|| d.id.clone()))).collect();
    let chosen = RwSignal::new(device_choice.first().map(|(id, _)| id.clone()));
    let sections = move || {
        let chosen = chosen.get();
        let shown = |audience: &Audience| audience.device.as_ref().is_none_or(|d| chosen.as_deref() == Some(&d.id));
        let resolved: Vec<(Audience, Vec<(usize, Reach)>)> = timed("helpdesk:assignments", || {
            audiences(&inputs, &i18n)
                .into_iter()
                .filter(shown)
                .filter(|audience| {
                    kinds.is_empty() || kinds.iter().any(|&kind| asks_about(audience, kind, has_devices))
                })
                .map(|audience| {
                    let rows = with_subject(&inputs, &audience, |subject| {
                        inputs
                            .items
                            .iter()
                            .enumerate()
                            .filter(|(_, entry)| kinds.is_empty() || kinds.contains(&entry.kind))
                            .filter(|(_, entry)| asks_about(&audience, entry.kind, has_devices))
                            .filter_map(|(index, entry)| {
                                let reach = reach_of(&inputs, entry, subject);
                                reach.is_targeted().then_some((index, reach))
                            })
                            .collect()
                    });
                    (audience, rows)
                })
                .collect()
        });
        resolved
            .into_iter()
            .map(|(audience, rows)| audience_table(session, &inputs, audience, rows, stateless, &i18n))
            .collect_view()
    };
    let picker = (device_choice.len() > 1).then(|| {
        view! {
            <p>
                <label for="assignments-device">{move || i18n.t(ViewMsg::AssignmentsDevicePicker)}</label>" "
                <select id="assignments-device" on:change=move |e| chosen.set(Some(event_target_value(&e)))>
                    {device_choice.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </p>
        }
    });
    view! { {picker} {sections} }
}

fn audience_table(
    session: UserSession,
    inputs: &Inputs,
    audience: Audience,
    rows: Vec<(usize, Reach)>,
    stateless: bool,
    i18n: &I18n,
) -> impl IntoView {
    let count = i18n.fmt(ViewMsg::AssignmentsCount, &[&rows.len().to_string()]);
    let device = audience.device.clone();
    let rows = rows
        .into_iter()
        .map(|(index, reach)| {
            let entry = &inputs.items[index];
            let why = explain(&reach, &inputs.names, &inputs.filters, device.as_ref(), i18n);
            let intent = reach.intent().map(|intent| intent_text(intent, i18n)).unwrap_or_default();
            let state = i18n.t(match reach {
                Reach::Applies { .. } if stateless => ViewMsg::ReachAppliesNoState,
                Reach::Applies { .. } => ViewMsg::ReachApplies,
                Reach::Excluded { .. } => ViewMsg::ReachExcluded,
                Reach::FilteredOut { .. } => ViewMsg::ReachFilteredOut,
                _ => ViewMsg::ReachUndecided,
            });
            let note = format!("{} ({}): {} {}", entry.item.title(), audience.heading, state, why);
            view! {
                <tr data-testid="assignment">
                    <td>{kind_text(entry.kind, i18n)}</td>
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
}

/// Loads what the resolution needs (the tenant's catalogue, the devices' groups) and, once all
/// of it is in, shows `content`; until then, what it waits for.
#[component]
pub fn WithAssignments<F, V>(content: F) -> impl IntoView
where
    F: Fn(UserSession, Inputs) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
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
    move || {
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
                Some(inputs) => content(session, inputs).into_any(),
                None => view! { <p aria-busy="true">{i18n.t(ViewMsg::AssignmentsWaiting)}</p> }.into_any(),
            }}
        })
    }
}
