//! `/users/:id/assignments`: every policy, profile and app that targets the user or one of
//! their devices, with why (the group and how they are in it, All users / All devices, the
//! filter); and, for any item of the tenant, why it does not reach them.

use leptos::prelude::*;

use crate::components::assigned_items::{
    asks_about, audiences, reach_of, with_subject, AddToTicket, CatalogueStatus, Inputs, TargetedItems, WithAssignments,
};
use crate::components::assignment_text::{explain, kind_text};
use crate::i18n::{use_i18n, ViewMsg};
use crate::state::catalogue::use_catalogue;
use crate::state::user_session::UserSession;

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
    // Groups of the chosen item the user and devices are not in are named by reading them.
    let catalogue = use_catalogue();
    let assigned_groups = {
        let inputs = inputs.clone();
        move |index: usize| -> Vec<String> {
            inputs.items.get(index).map_or_else(Vec::new, |entry| {
                entry
                    .item
                    .assignments
                    .iter()
                    .filter_map(|a| a.target.as_ref().and_then(|t| t.group_id.clone()))
                    .filter(|id| !inputs.names.contains_key(id))
                    .collect()
            })
        }
    };
    Effect::new(move |_| {
        if let Some(index) = chosen.get() {
            catalogue.name_groups(assigned_groups(index));
        }
    });
    let explanation = move || {
        let entry = inputs.items.get(chosen.get()?)?.clone();
        let has_devices = !inputs.devices.is_empty();
        let mut names = inputs.names.clone();
        catalogue.group_names.with(|read| {
            names.extend(read.iter().filter_map(|(id, name)| name.clone().map(|name| (id.clone(), name))))
        });
        let lines = audiences(&inputs, &i18n)
            .into_iter()
            .filter(|audience| asks_about(audience, entry.kind, has_devices))
            .map(|audience| {
                let reach = with_subject(&inputs, &audience, |subject| reach_of(&inputs, &entry, subject));
                let why = explain(&reach, &names, &inputs.filters, audience.device.as_ref(), &i18n);
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
            <ul aria-label=move || i18n.t(ViewMsg::WhyNotFound)>
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
    view! {
        <CatalogueStatus/>
        <WithAssignments content=|session, inputs: Inputs| view! {
            <WhyNot session=session inputs=inputs.clone()/>
            <TargetedItems session=session inputs=inputs/>
        }/>
    }
}
