//! The selected user (`/users/:id`, by object id or user principal name): who, their status,
//! the user-information tabs, and the ticket summary.

use leptos::prelude::*;
use leptos_router::components::Outlet;
use stylers::style;

use crate::browser::{after_next_paint, copy_to_clipboard, is_plain_mouse_press, link_route};
use crate::components::findings::{Findings, UserDiagnosis};
use crate::components::route_link::{Current, RouteLink};
use crate::components::section_view::SectionView;
use crate::components::shortcuts::{tab_key, UserShortcuts, TAB_CONTENT_ID};
use crate::components::user_status::{apps_text, devices_text, licence_text, UserStatus};
use crate::components::user_tab::{use_user_address, SelectedFailure};
use crate::domain::app_install::{failed_apps, hex, Explanation};
use crate::domain::licence::licence_state;
use crate::domain::sign_ins::{outcome, Outcome};
use crate::domain::ticket::{ticket_summary, TicketFacts};
use crate::graph::models::User;
use crate::graph::GraphError;
use crate::i18n::{use_i18n, I18n, Msg, Text, ViewMsg};
use crate::routes::{user_route, UserAddress, SELECT_USER};
use crate::state::catalogue::use_catalogue;
use crate::state::section::{Loaded, Section};
use crate::state::sessions::Sessions;
use crate::state::user_session::{SectionName, UserSession};

/// The tabs of "User information": (path below the user, label).
const TABS: [(&str, ViewMsg); 10] = [
    ("devices", ViewMsg::TabDevices),
    ("apps", ViewMsg::TabApps),
    ("compliance", ViewMsg::TabCompliance),
    ("configuration", ViewMsg::TabConfiguration),
    ("app-protection", ViewMsg::TabAppProtection),
    ("enrollment-restrictions", ViewMsg::TabRestrictions),
    ("groups", ViewMsg::TabGroups),
    ("enrollment-failures", ViewMsg::TabFailures),
    ("sign-ins", ViewMsg::TabSignIns),
    ("assignments", ViewMsg::TabAssignments),
];

fn age_text(i18n: &I18n, loaded_at: Option<f64>, now: f64) -> String {
    match loaded_at {
        None => i18n.t(ViewMsg::StillLoading).to_string(),
        Some(at) => {
            let minutes = ((now - at) / 60_000.0).floor() as i64;
            let ago = if minutes < 1 {
                i18n.t(ViewMsg::JustNow).to_string()
            } else {
                i18n.fmt(ViewMsg::MinutesAgo, &[&minutes.to_string()])
            };
            i18n.fmt(ViewMsg::LoadedAgo, &[&ago])
        }
    }
}

/// The ticket summary of what is on screen, in the operator's language, the findings first.
fn ticket_text(i18n: &I18n, diagnosis: UserDiagnosis, failure: Option<(String, String)>) -> String {
    let session = diagnosis.session;
    let user = session.user.with_untracked(|s| {
        s.loaded().and_then(|l| l.items.first().cloned()).map(|u| {
            let name = u.display_name.unwrap_or_default();
            let mail = u.mail.or(u.user_principal_name).unwrap_or_default();
            format!("{name} <{mail}>")
        })
    });
    let mut lines: Vec<(&str, String)> =
        diagnosis.ticket_lines(i18n).into_iter().map(|line| (i18n.t(ViewMsg::TicketFinding), line)).collect();
    let mut request_ids = Vec::new();
    // A loaded section gives a line; a failed one its request id, to quote to support.
    let mut add = |label: Text, line: Option<String>, error: Option<GraphError>| {
        if let Some(line) = line {
            lines.push((i18n.t(label), line));
        }
        if let Some(id) = error.and_then(|e| e.request_id.or(e.client_request_id)) {
            request_ids.push(id);
        }
    };
    fn parts<T: Clone>(section: Section<T>, line: impl Fn(&[T]) -> String) -> (Option<String>, Option<GraphError>) {
        match section {
            Section::Ready(loaded) => (Some(line(&loaded.items)), None),
            Section::Failed(error) => (None, Some(error)),
            Section::Loading(_) => (None, None),
        }
    }
    let (line, error) = parts(session.licences.get_untracked(), |l| licence_text(i18n, &licence_state(l)).0);
    add(ViewMsg::IntuneLicence.into(), line, error);
    let (line, error) = parts(session.devices.get_untracked(), |d| devices_text(i18n, d));
    add(ViewMsg::DeviceCount.into(), line, error);
    let (line, error) = parts(session.apps.get_untracked(), |a| apps_text(i18n, a).0);
    add(ViewMsg::AppCount.into(), line, error);
    // Each failing app with its code and what it means, where the history says.
    let apps = session.apps.with_untracked(|a| a.items()).unwrap_or_default();
    let devices = session.devices.with_untracked(|d| d.items()).unwrap_or_default();
    let events = session.app_events.with_untracked(|e| e.items()).unwrap_or_default();
    for app in failed_apps(&apps, &devices, &events) {
        let cause = app.failure.as_ref().map(|failure| match failure.explain(app.platform) {
            Explanation::Known(entry) => {
                format!("{} {}", hex(entry.code), entry.meaning.template(i18n.lang.get_untracked()))
            }
            Explanation::NotInCatalogue(code) => format!("{} ({})", hex(code), code as i32),
            Explanation::Unreadable => failure.raw.clone(),
        });
        let line = match cause {
            Some(cause) => format!("{} ({}): {cause}", app.name, app.device),
            None => format!("{} ({})", app.name, app.device),
        };
        add(ViewMsg::TicketFailedApp.into(), Some(line), None);
    }
    // The last failed sign-ins, with their codes and correlation ids, for Microsoft support.
    let sign_ins = session.sign_ins.with_untracked(|s| s.items()).unwrap_or_default();
    for sign_in in sign_ins.iter().filter(|s| !matches!(outcome(s), Outcome::Success)).take(3) {
        let code = sign_in.status.as_ref().and_then(|s| s.error_code).unwrap_or_default();
        let line = format!(
            "{} {} ({}), {}: {}",
            sign_in
                .created_date_time
                .as_ref()
                .map(|t| crate::browser::format_timestamp(t, i18n.lang.get_untracked()))
                .unwrap_or_default(),
            sign_in.app_display_name.clone().unwrap_or_default(),
            code,
            i18n.t(ViewMsg::SignInCorrelation),
            sign_in.correlation_id.clone().unwrap_or_default()
        );
        add(ViewMsg::TicketFailedSignIn.into(), Some(line), None);
    }
    for note in session.ticket_notes.get_untracked() {
        add(ViewMsg::TicketAssignment.into(), Some(note), None);
    }
    let failure = failure
        .map(|(title, when)| vec![(i18n.t(ViewMsg::FailureTitle), format!("{title} ({when})"))])
        .unwrap_or_default();
    ticket_summary(&TicketFacts {
        heading: i18n.t(ViewMsg::UserTitle),
        user: &user.unwrap_or_else(|| session.key.get_value()),
        lines,
        failure,
        request_ids,
        request_ids_label: i18n.t(Msg::ErrorRequestId),
    })
}

#[component]
pub fn UserLayout() -> impl IntoView {
    let i18n = use_i18n();
    let sessions = expect_context::<Sessions>();
    let address = use_user_address();
    let current = RwSignal::new(None::<UserSession>);
    let selected_failure = SelectedFailure(RwSignal::new(None));
    provide_context::<Signal<Option<UserSession>>>(current.into());
    provide_context(selected_failure);
    Effect::new(move |_| {
        let key = address.with(|a| a.key.clone());
        current.set(Some(untrack(|| sessions.open(&key))));
    });
    // The tenant's policies load once, after a first user view is painted: never in its way.
    let catalogue = use_catalogue();
    Effect::new(move |_| {
        if current.with(|session| session.is_some_and(|s| s.loaded_at.get().is_some())) {
            after_next_paint(move || catalogue.ensure_loaded());
        }
    });
    let now = RwSignal::new(js_sys::Date::now());
    let tick = set_interval_with_handle(move || now.set(js_sys::Date::now()), std::time::Duration::from_secs(30)).ok();
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
    });
    let copy_state = RwSignal::new(None::<bool>);
    let ticket = RwSignal::new(String::new());

    let class = style! {"UserLayout",
        .selection {
            display: flex;
            flex-wrap: wrap;
            align-items: baseline;
            gap: var(--space-2) var(--space-4);
            margin-bottom: var(--space-3);
        }
        h1 {
            margin: 0;
            font-size: 1.5rem;
        }
        .muted {
            color: var(--muted);
        }
        nav ul {
            display: flex;
            flex-wrap: wrap;
            gap: var(--space-1);
            list-style: none;
            padding: 0;
            margin: var(--space-4) 0 var(--space-3) 0;
            border-bottom: 1px solid var(--border);
        }
        nav a {
            display: inline-block;
            padding: var(--space-1) var(--space-3);
            text-decoration: none;
            border: 1px solid transparent;
            border-bottom: none;
            border-radius: var(--radius) var(--radius) 0 0;
        }
        nav a[aria-current="page"] {
            border-color: var(--border);
            background: var(--surface-raised);
            font-weight: 600;
            color: var(--text);
        }
        textarea {
            width: 100%;
            font-family: var(--font-mono);
            font-size: var(--font-small);
        }
    };

    let header = move || {
        current.get().map(|session| {
            let diagnosis = UserDiagnosis::new(session);
            let copy = Callback::new(move |_| {
                let text = ticket_text(&i18n, diagnosis, selected_failure.0.get_untracked());
                ticket.set(text.clone());
                // The view may be gone when the clipboard answers.
                leptos::task::spawn_local(async move { copy_state.try_set(Some(copy_to_clipboard(&text).await)); });
            });
            let refresh = move |_| session.load();
            let retry_user = Callback::new(move |_| session.retry(SectionName::User));
            view! { class=class,
                <div class="selection">
                    <SectionView section=session.user on_retry=retry_user label=ViewMsg::UserTitle
                        content={move |loaded: Loaded<User>| loaded.items.first().cloned().map(|user| {
                            let name = user.display_name.clone().unwrap_or_else(|| user.id.clone());
                            let mail = user.mail.clone().or(user.user_principal_name.clone()).unwrap_or_default();
                            view! { class=class, <h1>{name}</h1>" "<span class="muted">{mail}</span> }
                        })}
                    />
                    <RouteLink route=SELECT_USER keyshortcuts="/" class=class>{move || i18n.t(ViewMsg::ChangeUser)}</RouteLink>
                    <span class="muted" aria-live="polite">{move || age_text(&i18n, session.loaded_at.get(), now.get())}</span>
                    <button type="button" on:click=refresh>{move || i18n.t(ViewMsg::Refresh)}</button>
                    <button type="button" aria-keyshortcuts="c" on:click=move |_| copy.run(())>{move || i18n.t(ViewMsg::CopyTicket)}</button>
                    <UserShortcuts key=Signal::derive(move || address.with(|a| a.key.clone())) tabs=&TABS on_copy=copy/>
                    <span role="status">{move || copy_state.get().map(|ok| i18n.t(if ok { ViewMsg::Copied } else { ViewMsg::CopyFailed }))}</span>
                </div>
                {move || (copy_state.get() == Some(false)).then(|| view! { class=class, <textarea readonly rows="6" aria-label=move || i18n.t(ViewMsg::CopyTicket)>{ticket.get()}</textarea> })}
                <Findings diagnosis=diagnosis/>
                <UserStatus session=session/>
            }
        })
    };

    let tabs = move || {
        let key = address.with(|a| a.key.clone());
        TABS.iter()
            .enumerate()
            .map(|(index, (segment, label))| {
                let route = user_route(&key, &format!("/{segment}"));
                let label = *label;
                view! { class=class, <li><RouteLink route=route current=Current::AtOrBelow class=class keyshortcuts=tab_key(index)>{move || i18n.t(label)}</RouteLink></li> }
            })
            .collect_view()
    };

    // A plain press on any link to one of this user's device pages (the status card, the
    // devices, policy and app tables, the findings) starts the device's load before the click;
    // not a press on a link to the device page already on screen, which loads nothing.
    let start_device_on_press = move |event: leptos::ev::PointerEvent| {
        let Some(session) = current.get_untracked().filter(|_| is_plain_mouse_press(&event)) else {
            return;
        };
        let Some(pressed) = link_route(&event).and_then(|route| UserAddress::parse(&route)) else {
            return;
        };
        let Some(device_id) = pressed.device_page().filter(|_| session.answers_to(&pressed.key)) else {
            return;
        };
        let on_screen =
            address.with_untracked(|here| here.device_page().is_some_and(|id| id.eq_ignore_ascii_case(device_id)));
        if !on_screen {
            sessions.start_device(session, device_id);
        }
    };

    view! { class=class,
        <div on:pointerdown=start_device_on_press>
            {header}
            <nav aria-label=move || i18n.t(ViewMsg::UserInformation)>
                <ul>{tabs}</ul>
            </nav>
            <div id=TAB_CONTENT_ID><Outlet/></div>
        </div>
    }
}
