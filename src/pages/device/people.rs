//! Who uses the device: its primary users and who logged on recently, so the operator knows
//! whether the caller is on this device.

use leptos::prelude::*;
use stylers::style;

use crate::components::labels::date_text;
use crate::components::section_view::SectionView;
use crate::graph::models::{DeviceDetails, User};
use crate::i18n::{use_i18n, I18n, ViewMsg};
use crate::state::device_session::{DeviceSectionName, DeviceSession};
use crate::state::section::Loaded;
use crate::state::user_session::UserSession;

fn user_name(user: &User) -> String {
    let name = user.display_name.clone().unwrap_or_else(|| user.id.clone());
    match &user.user_principal_name {
        Some(upn) => format!("{name} <{upn}>"),
        None => name,
    }
}

/// A user of the device by id: the selected user said so, others by name where the primary
/// users name them.
fn who(i18n: &I18n, id: &str, selected: Option<&User>, primary: &[User]) -> String {
    if let Some(user) = selected.filter(|u| u.id.eq_ignore_ascii_case(id)) {
        return i18n.fmt(ViewMsg::ThisUser, &[&user_name(user)]);
    }
    match primary.iter().find(|u| u.id.eq_ignore_ascii_case(id)) {
        Some(user) => user_name(user),
        None => i18n.fmt(ViewMsg::OtherUser, &[id]),
    }
}

#[component]
pub fn WhoUsesIt(session: DeviceSession, user: UserSession) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"WhoUsesIt",
        h4 {
            margin: var(--space-2) 0 var(--space-1) 0;
        }
        .note {
            padding: var(--space-2) var(--space-3);
            border-left: 4px solid var(--warning);
        }
    };
    let selected = move || user.user.with(|u| u.loaded().and_then(|l| l.items.first().cloned()));
    let primary = move || session.primary_users.with(|p| p.items()).map(|items| items.to_vec()).unwrap_or_default();
    view! { class=class,
        <h4>{move || i18n.t(ViewMsg::PrimaryUsers)}</h4>
        <SectionView section=session.primary_users on_retry=move |_| session.retry(DeviceSectionName::PrimaryUsers) label=ViewMsg::PrimaryUsers
            content={move |loaded: Loaded<User>| {
                if loaded.items.is_empty() {
                    return view! { <p>{move || i18n.t(ViewMsg::NoPrimaryUser)}</p> }.into_any();
                }
                let items = loaded.items.clone();
                view! { <ul data-testid="primary-users">{move || items.iter().map(|u| view! { <li>{who(&i18n, &u.id, selected().as_ref(), std::slice::from_ref(u))}</li> }).collect_view()}</ul> }.into_any()
            }}
        />
        <h4>{move || i18n.t(ViewMsg::LoggedOnRecently)}</h4>
        <SectionView section=session.details on_retry=move |_| session.retry(DeviceSectionName::Details) label=ViewMsg::LoggedOnRecently
            content={move |loaded: Loaded<DeviceDetails>| {
                let logged_on = loaded.items.first().map(|d| d.users_logged_on.clone()).unwrap_or_default();
                move || {
                    if logged_on.is_empty() {
                        return view! { <p>{i18n.t(ViewMsg::NoLogOns)}</p> }.into_any();
                    }
                    let selected = selected();
                    let primary = primary();
                    view! {
                        <ul data-testid="logged-on">
                            {logged_on.iter().map(|entry| {
                                let id = entry.user_id.clone().unwrap_or_default();
                                view! { <li>{who(&i18n, &id, selected.as_ref(), &primary)}" — "{date_text(&i18n, entry.last_log_on_date_time.as_ref())}</li> }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        />
        {move || {
            // Said only when both lists are in and neither names the selected user.
            let selected = selected()?;
            let primary = session.primary_users.with(|p| p.loaded().map(|l| l.items.clone()))?;
            let logged_on = session.details.with(|d| d.loaded().and_then(|l| l.items.first().map(|d| d.users_logged_on.clone())))?;
            let on_device = primary.iter().any(|u| u.id.eq_ignore_ascii_case(&selected.id))
                || logged_on.iter().any(|l| l.user_id.as_deref().is_some_and(|id| id.eq_ignore_ascii_case(&selected.id)));
            (!on_device).then(|| view! { class=class, <p class="note" role="note">{i18n.t(ViewMsg::CallerNotOnDevice)}</p> })
        }}
    }
}
