//! User status: Intune licence, devices and their compliance, apps and their install state.

use leptos::prelude::*;
use stylers::style;

use crate::browser::now;
use crate::components::enrollment_summary::enrollment_lines;
use crate::components::labels::{device_compliance, Tone};
use crate::components::route_link::RouteLink;
use crate::components::section_view::SectionView;
use crate::domain::app_install::{failed_apps, most_common_cause};
use crate::domain::compliance::{app_summary, device_summary};
use crate::domain::licence::{licence_state, LicenceState};
use crate::domain::sign_ins::last_blocked;
use crate::graph::models::{
    AppTroubleshootingEvent, EnrollmentConfiguration, LicenseDetails, ManagedDevice, MobileAppIntentAndState, Timestamp,
};
use crate::i18n::{use_i18n, I18n, ViewMsg};
use crate::routes::device_route;
use crate::state::section::Loaded;
use crate::state::user_session::{SectionName, UserSession};

/// The licence line and its tone, for the status and the ticket summary.
pub fn licence_text(i18n: &I18n, state: &LicenceState) -> (String, Tone) {
    match state {
        LicenceState::Licensed { sku } => (i18n.fmt(ViewMsg::Licensed, &[sku]), Tone::Good),
        LicenceState::NotLicensed => (i18n.t(ViewMsg::NotLicensed).to_string(), Tone::Bad),
        LicenceState::ProvisioningError { status, .. } => (i18n.fmt(ViewMsg::ProvisioningError, &[status]), Tone::Warn),
    }
}

/// "3 devices: 2 compliant, …", for the status and the ticket summary.
pub fn devices_text(i18n: &I18n, devices: &[ManagedDevice]) -> String {
    let s = device_summary(devices);
    let counts = [s.total, s.compliant, s.noncompliant, s.other].map(|n| n.to_string());
    i18n.fmt(ViewMsg::DevicesSummary, &[&counts[0], &counts[1], &counts[2], &counts[3]])
}

/// "6 apps: 3 installed, …" and its tone, for the status and the ticket summary.
pub fn apps_text(i18n: &I18n, apps: &[MobileAppIntentAndState]) -> (String, Tone) {
    let s = app_summary(apps);
    let counts = [s.total, s.installed, s.failed, s.pending].map(|n| n.to_string());
    let tone = if s.failed > 0 {
        Tone::Bad
    } else if s.pending > 0 {
        Tone::Warn
    } else {
        Tone::Good
    };
    (i18n.fmt(ViewMsg::AppsSummary, &[&counts[0], &counts[1], &counts[2], &counts[3]]), tone)
}

/// "2 failed: download stopped by the OS": how many apps failed, and the cause most of them share.
pub fn failure_cause_text(
    i18n: &I18n,
    apps: &[MobileAppIntentAndState],
    devices: &[ManagedDevice],
    events: &[AppTroubleshootingEvent],
) -> Option<String> {
    let failed = failed_apps(apps, devices, events);
    let (cause, _) = most_common_cause(failed.iter().filter_map(|f| f.failure.as_ref().map(|x| (f.platform, x))))?;
    Some(
        i18n.fmt(
            ViewMsg::AppsFailedCause,
            &[&failed.len().to_string(), cause.title.template(i18n.lang.get_untracked())],
        ),
    )
}

/// "Last sign-in blocked by Conditional Access, 10 min ago", when it was.
fn blocked_text(i18n: &I18n, session: UserSession) -> Option<String> {
    let sign_ins = session.sign_ins.with(|s| s.items())?;
    let blocked = last_blocked(&sign_ins)?;
    let ago = match blocked.created_date_time.as_ref()? {
        Timestamp::At(at) => (now() - *at).whole_minutes().max(0),
        Timestamp::Unparsed(_) => return None,
    };
    let ago =
        if ago < 1 { i18n.t(ViewMsg::JustNow).to_string() } else { i18n.fmt(ViewMsg::MinutesAgo, &[&ago.to_string()]) };
    Some(i18n.fmt(ViewMsg::LastSignInBlocked, &[&ago]))
}

#[component]
pub fn UserStatus(session: UserSession) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"UserStatus",
        .cards {
            display: grid;
            grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
            gap: var(--space-3);
        }
        .card {
            border: 1px solid var(--border);
            border-radius: var(--radius);
            padding: var(--space-2) var(--space-3);
        }
        h3 {
            margin: 0 0 var(--space-1) 0;
            font-size: var(--font-normal);
            color: var(--muted);
        }
        p {
            margin: 0;
        }
        ul {
            margin: var(--space-1) 0 0 0;
            padding: 0;
            list-style: none;
        }
        li {
            display: flex;
            justify-content: space-between;
            align-items: center;
            gap: var(--space-2);
        }
        li a {
            display: inline-block;
            min-height: 24px;
            line-height: 24px;
        }
    };
    let retry = move |section: SectionName| Callback::new(move |_| session.retry(section));
    let mark = move |tone: Tone, text: String| view! { class=class, <span class=tone.class()><span aria-hidden="true">{tone.mark()}" "</span>{text}</span> };
    view! { class=class,
        // Paint-contained, as the findings are.
        <section class="paint-contained" aria-labelledby="user-status-title">
            <h2 id="user-status-title">{move || i18n.t(ViewMsg::UserStatus)}</h2>
            <div class="cards">
                <div class="card" data-testid="licence">
                    <h3>{move || i18n.t(ViewMsg::IntuneLicence)}</h3>
                    <SectionView section=session.licences on_retry=retry(SectionName::Licences) label=ViewMsg::IntuneLicence
                        content={move |loaded: Loaded<LicenseDetails>| {
                            let (text, tone) = licence_text(&i18n, &licence_state(&loaded.items));
                            view! { class=class, <p>{mark(tone, text)}</p> }
                        }}
                    />
                </div>
                <div class="card" data-testid="devices-summary">
                    <h3>{move || i18n.t(ViewMsg::DeviceCount)}</h3>
                    <SectionView section=session.devices on_retry=retry(SectionName::Devices) label=ViewMsg::DeviceCount
                        content={move |loaded: Loaded<ManagedDevice>| {
                            let devices = loaded.items.clone();
                            view! { class=class,
                                <p>{move || devices_text(&i18n, &devices)}</p>
                                <ul>
                                    {loaded.items.iter().take(10).map(|device| {
                                        let name = device.device_name.clone().unwrap_or_else(|| device.id.clone());
                                        let state = device.compliance_state.clone();
                                        let route = device_route(&session.key.get_value(), &device.id);
                                        view! { class=class,
                                            <li>
                                                <RouteLink route=route class=class>{name}</RouteLink>
                                                {move || { let (text, tone) = device_compliance(&i18n, state.as_ref()); mark(tone, text) }}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }
                        }}
                    />
                </div>
                <div class="card" data-testid="enrollment-summary">
                    <h3>{move || i18n.t(ViewMsg::EnrollmentCard)}</h3>
                    <SectionView section=session.restrictions on_retry=retry(SectionName::Restrictions) label=ViewMsg::EnrollmentCard
                        content={move |loaded: Loaded<EnrollmentConfiguration>| {
                            let lines = move || session.groups.with(|groups| session.devices.with(|devices| enrollment_lines(&loaded.items, groups, devices, &i18n)));
                            view! { class=class, <ul>{move || lines().into_iter().map(|(text, tone)| view! { class=class, <li>{mark(tone, text)}</li> }).collect_view()}</ul> }
                        }}
                    />
                </div>
                <div class="card" data-testid="apps-summary">
                    <h3>{move || i18n.t(ViewMsg::AppCount)}</h3>
                    <SectionView section=session.apps on_retry=retry(SectionName::Apps) label=ViewMsg::AppCount
                        content={move |loaded: Loaded<MobileAppIntentAndState>| {
                            let apps = loaded.items.clone();
                            let cause = move || session.app_events.with(|events| session.devices.with(|devices| {
                                failure_cause_text(&i18n, &apps, devices.items().as_deref().map_or(&[], Vec::as_slice), events.items().as_deref().map_or(&[], Vec::as_slice))
                            }));
                            view! { class=class,
                                <p>{move || { let (text, tone) = apps_text(&i18n, &loaded.items); mark(tone, text) }}</p>
                                {move || cause().map(|text| view! { class=class, <p data-testid="apps-cause">{text}</p> })}
                            }
                        }}
                    />
                </div>
            </div>
            {move || blocked_text(&i18n, session).map(|text| view! { class=class, <p class="tone-bad" data-testid="last-sign-in-blocked"><span aria-hidden="true">"✕ "</span>{text}</p> })}
        </section>
    }
}
