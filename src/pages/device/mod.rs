//! `/users/:id/devices/:deviceId`: one device in depth, a link an operator can paste into a
//! ticket. Its sections load in one round once the user's device list has named the device's
//! Entra id and serial number; each shows its own loading, error and Retry. Esc goes back to
//! the devices list.

mod autopilot;
mod entra;
mod identity;
mod logs;
mod people;
mod policies;
mod remote_actions;

use leptos::prelude::*;
use stylers::style;

use crate::browser::focus;
use crate::components::app_table::{app_rows, AppTable};
use crate::components::route_link::RouteLink;
use crate::components::section_view::SectionView;
use crate::components::user_tab::{use_session, use_user_address};
use crate::domain::app_install::latest_failures;
use crate::graph::models::MobileAppIntentAndState;
use crate::i18n::{use_i18n, Msg, Text, ViewMsg};
use crate::routes::user_route;
use crate::state::device_session::{starting_point, DeviceSession};
use crate::state::section::{Loaded, Section};
use crate::state::sessions::Sessions;
use crate::state::user_session::{SectionName, UserSession};

const TITLE_ID: &str = "device-title";

/// A titled part of the device page.
#[component]
fn DevicePart(id: &'static str, #[prop(into)] title: Text, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"DevicePart",
        section {
            margin-top: var(--space-4);
        }
        h3 {
            font-size: var(--font-large);
            margin: 0 0 var(--space-2) 0;
        }
    };
    view! { class=class,
        <section aria-labelledby=id data-testid=id>
            <h3 id=id>{move || i18n.t(title)}</h3>
            {children()}
        </section>
    }
}

#[component]
pub fn DevicePage() -> impl IntoView {
    let i18n = use_i18n();
    let user_session = use_session();
    let address = use_user_address();
    let sessions = expect_context::<Sessions>();
    let start = Memo::new(move |_| {
        let device_id = address.with(|a| a.device_id.clone())?;
        starting_point(user_session.get()?, device_id)
    });
    let device_session = RwSignal::new(None::<DeviceSession>);
    // A new device (or a reloaded user) starts a new session; the old one is freed with this
    // effect's run.
    Effect::new(move |_| match start.get() {
        Some((user_id, device_id, keys)) => {
            device_session.set(Some(sessions.open_device(&user_id, &device_id, keys)));
        }
        None => device_session.set(None),
    });

    let back = Memo::new(move |_| user_route(&address.with(|a| a.key.clone()), "/devices"));
    // Opened with the keyboard, the link that was pressed is gone: focus goes to the title, at
    // the next frame, once this page's title has replaced the one of a device shown before.
    request_animation_frame(|| _ = focus(TITLE_ID));

    let title = move || {
        let from_list = user_session.get().and_then(|s| {
            let id = address.with(|a| a.device_id.clone())?;
            s.devices.with(|d| d.items()?.iter().find(|d| d.id == id).and_then(|d| d.device_name.clone()))
        });
        let from_record = device_session.get().and_then(|s| {
            s.device.with(|d| d.loaded().and_then(|l| l.items.first().and_then(|d| d.device_name.clone())))
        });
        from_record.or(from_list).unwrap_or_else(|| i18n.t(ViewMsg::DeviceTitle).to_string())
    };
    let class = style! {"DevicePage",
        h2 {
            margin: var(--space-2) 0;
        }
        .hint {
            color: var(--muted);
        }
    };
    let sections = move || {
        let (Some(session), Some(user)) = (device_session.get(), user_session.get()) else {
            // A user that could not be read is explained above, with Retry; nothing loads here.
            let user_failed = user_session.get().is_some_and(|s| s.user.with(|u| matches!(u, Section::Failed(_))));
            return (!user_failed).then(|| view! { <p aria-busy="true">{move || i18n.t(Msg::Loading)}</p> }).into_any();
        };
        view! {
            <DevicePart id="device-identity" title=ViewMsg::DeviceIdentity><identity::Identity session=session/></DevicePart>
            <DevicePart id="device-entra" title=ViewMsg::IntuneAndEntra><entra::IntuneAndEntra session=session/></DevicePart>
            <DevicePart id="device-people" title=ViewMsg::WhoUsesIt><people::WhoUsesIt session=session user=user/></DevicePart>
            <DevicePart id="device-policies" title=ViewMsg::PoliciesOnDevice><policies::DevicePolicies session=session/></DevicePart>
            <DevicePart id="device-apps" title=ViewMsg::AppsOnDevice><DeviceApps session=session user=user/></DevicePart>
            <DevicePart id="device-actions" title=ViewMsg::RemoteActions><remote_actions::RemoteActions session=session/></DevicePart>
            <DevicePart id="device-logs" title=ViewMsg::DeviceLogs><logs::DeviceLogs session=session/></DevicePart>
            <DevicePart id="device-autopilot" title=ViewMsg::Autopilot><autopilot::Autopilot session=session/></DevicePart>
        }
        .into_any()
    };
    view! { class=class,
        <p>
            <RouteLink route=back.get_untracked() keyshortcuts="Escape">{move || i18n.t(ViewMsg::BackToDevices)}</RouteLink>
            " "<kbd class="hint">{move || i18n.t(ViewMsg::EscapeKey)}</kbd>
        </p>
        <article aria-labelledby=TITLE_ID>
            <h2 id=TITLE_ID tabindex="-1">{title}</h2>
            {sections}
        </article>
    }
}

/// The user's apps on this device, from the user view's app states (no call of its own).
#[component]
fn DeviceApps(session: DeviceSession, user: UserSession) -> impl IntoView {
    let i18n = use_i18n();
    let device_id = session.device_id.get_value();
    view! {
        <SectionView section=user.apps on_retry=move |_| user.retry(SectionName::Apps) label=ViewMsg::AppsOnDevice
            content={move |loaded: Loaded<MobileAppIntentAndState>| {
                let failures = user.app_events.with(|events| events.items().map(|e| latest_failures(&e)).unwrap_or_default());
                let devices = user.devices.with(|d| d.items());
                let rows = app_rows(&loaded.items, devices.as_deref().map(Vec::as_slice), &failures, |id| id.eq_ignore_ascii_case(&device_id));
                if rows.is_empty() {
                    view! { <p>{move || i18n.t(ViewMsg::NoAppsOnDevice)}</p> }.into_any()
                } else {
                    view! { <AppTable rows=rows caption=ViewMsg::AppsOnDevice user_key=user.key.get_value()/> }.into_any()
                }
            }}
        />
    }
}
