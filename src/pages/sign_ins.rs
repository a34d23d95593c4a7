//! `/users/:id/sign-ins`: the user's sign-ins of the last week, newest first: the result with
//! its meaning and next step, Conditional Access and its policies, and the device it came from,
//! tied to its device page; a sign-in blocked for a non-compliant device shows that device's
//! failing settings in the same row.

use leptos::prelude::*;
use stylers::style;

use crate::browser::now;
use crate::components::device_labels::yes_no;
use crate::components::failing_settings::FailingSettings;
use crate::components::labels::date_text;
use crate::components::route_link::RouteLink;
use crate::components::section_view::SectionView;
use crate::components::user_tab::{use_session, use_user_address};
use crate::domain::compliance::DevicePolicy;
use crate::domain::device_health::days_since;
use crate::domain::sign_ins::{device_of, outcome, refusal, refused_for_compliance, Outcome, Refusal};
use crate::graph::models::{ConditionalAccessStatus, ManagedDevice, SignIn};
use crate::graph::queries::PolicyKind;
use crate::i18n::{use_i18n, I18n, ViewMsg};
use crate::routes::device_route;
use crate::state::directory::granted_scopes;
use crate::state::section::{Loaded, Section};
use crate::state::user_session::{SectionName, UserSession};

fn result_text(i18n: &I18n, sign_in: &SignIn) -> (String, Option<String>) {
    let lang = i18n.lang.get_untracked();
    match outcome(sign_in) {
        Outcome::Success => (i18n.t(ViewMsg::SignInSuccess).to_string(), None),
        Outcome::Known(entry) => (
            format!("{} — {}", i18n.fmt(ViewMsg::SignInCode, &[&entry.code.to_string()]), entry.meaning.template(lang)),
            Some(entry.next_step.template(lang).to_string()),
        ),
        Outcome::NotInCatalogue(code) => {
            let reason = sign_in.status.as_ref().and_then(|s| s.failure_reason.clone()).unwrap_or_default();
            (i18n.fmt(ViewMsg::SignInCodeUnknown, &[&code.to_string(), &reason]), None)
        }
    }
}

fn conditional_access(i18n: &I18n, sign_in: &SignIn) -> Vec<String> {
    let status = match &sign_in.conditional_access_status {
        Some(ConditionalAccessStatus::Success) => i18n.t(ViewMsg::CaSuccess).to_string(),
        Some(ConditionalAccessStatus::Failure) => i18n.t(ViewMsg::CaFailure).to_string(),
        Some(ConditionalAccessStatus::NotApplied) => i18n.t(ViewMsg::CaNotApplied).to_string(),
        Some(ConditionalAccessStatus::Unknown(raw)) => i18n.fmt(ViewMsg::StateNew, &[raw]),
        None => i18n.t(ViewMsg::StateUnknown).to_string(),
    };
    let mut lines = vec![status];
    match &sign_in.applied_conditional_access_policies {
        None => lines.push(i18n.t(ViewMsg::CaHidden).to_string()),
        Some(policies) => lines.extend(policies.iter().map(|p| {
            let result = p.result.as_ref().map(|r| r.as_wire().to_string()).unwrap_or_default();
            i18n.fmt(
                ViewMsg::CaPolicyLine,
                &[p.display_name.as_deref().unwrap_or_default(), &result, &p.enforced_grant_controls.join(", ")],
            )
        })),
    }
    lines
}

fn device_line(i18n: &I18n, sign_in: &SignIn) -> String {
    let Some(device) = &sign_in.device_detail else { return String::new() };
    i18n.fmt(
        ViewMsg::SignInDeviceLine,
        &[
            device.display_name.as_deref().unwrap_or_default(),
            device.operating_system.as_deref().unwrap_or_default(),
            &yes_no(i18n, device.is_compliant),
            &yes_no(i18n, device.is_managed),
            device.trust_type.as_deref().unwrap_or_default(),
        ],
    )
}

/// Whether a sign-in passes the filters: failures only, one app, within `days`.
fn shown(sign_in: &SignIn, failures_only: bool, app: &str, days: i64) -> bool {
    let failed = !matches!(outcome(sign_in), Outcome::Success);
    let in_app = app.is_empty() || sign_in.app_display_name.as_deref() == Some(app);
    let recent = days_since(sign_in.created_date_time.as_ref(), now()).is_none_or(|d| d < days);
    (failed || !failures_only) && in_app && recent
}

#[component]
fn SignInRow(sign_in: SignIn, device: Option<ManagedDevice>, session: UserSession, user_key: String) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"SignInRow",
        article {
            border: 1px solid var(--border);
            border-radius: var(--radius);
            padding: var(--space-2) var(--space-3);
            margin-bottom: var(--space-2);
        }
        h3 {
            font-size: var(--font-normal);
            margin: 0 0 var(--space-1) 0;
        }
        p, ul {
            margin: 0 0 var(--space-1) 0;
        }
        .muted {
            color: var(--muted);
        }
    };
    let blocked_for_compliance = refused_for_compliance(&sign_in);
    let failed = !matches!(outcome(&sign_in), Outcome::Success);
    // The failing settings of the device it came from, for a sign-in refused as not compliant.
    let why = device.clone().filter(|_| blocked_for_compliance).map(|device| {
        let policies = move || -> Vec<(String, crate::graph::models::PolicyState)> {
            session.compliance.with(|c| match c {
                Some(Section::Ready(loaded)) => loaded
                    .items
                    .iter()
                    .filter(|p: &&DevicePolicy| p.device_id == device.id)
                    .map(|p| (p.policy.display_name.clone().unwrap_or_default(), p.policy.clone()))
                    .collect(),
                _ => Vec::new(),
            })
        };
        let name = device.device_name.clone().unwrap_or_default();
        view! { class=class,
            <p><strong>{move || i18n.fmt(ViewMsg::SignInWhyBlocked, &[&name])}</strong></p>
            {move || view! { <FailingSettings entries=policies()/> }}
        }
    });
    let device_link =
        device.as_ref().map(|d| (device_route(&user_key, &d.id), d.device_name.clone().unwrap_or_default()));
    let when = sign_in.created_date_time.clone();
    let app = sign_in.app_display_name.clone().unwrap_or_default();
    let tone = if failed { "tone-bad" } else { "tone-good" };
    view! { class=class,
        <article data-testid="sign-in">
            <h3>{move || date_text(&i18n, when.as_ref())}" — "{app}</h3>
            {move || {
                let (result, next) = result_text(&i18n, &sign_in);
                view! { class=class,
                    <p class=tone>{result}</p>
                    {next.map(|next| view! { class=class, <p>{next}</p> })}
                    <ul>{conditional_access(&i18n, &sign_in).into_iter().map(|line| view! { class=class, <li>{line}</li> }).collect_view()}</ul>
                    <p class="muted">{device_line(&i18n, &sign_in)}</p>
                    <p class="muted">
                        {i18n.t(ViewMsg::SignInClient)}": "{sign_in.client_app_used.clone()}" · "
                        {i18n.t(ViewMsg::SignInLocation)}": "{sign_in.location.as_ref().map(|l| format!("{}, {}", l.city.clone().unwrap_or_default(), l.country_or_region.clone().unwrap_or_default()))}" · "
                        {i18n.t(ViewMsg::SignInCorrelation)}": "{sign_in.correlation_id.clone()}
                    </p>
                }
            }}
            {match device_link {
                Some((route, name)) => view! { <p><RouteLink route=route>{name}</RouteLink></p> }.into_any(),
                None => view! { class=class, <p class="muted">{move || i18n.t(ViewMsg::SignInDeviceUnknown)}</p> }.into_any(),
            }}
            {why}
        </article>
    }
}

#[component]
pub fn SignInsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let key = use_user_address().with_untracked(|a| a.key.clone());
    let failures_only = RwSignal::new(false);
    let app = RwSignal::new(String::new());
    let days = RwSignal::new(7_i64);
    let class = style! {"SignInsPage",
        .filters {
            display: flex;
            flex-wrap: wrap;
            gap: var(--space-3);
            margin-bottom: var(--space-2);
        }
        .note {
            color: var(--muted);
        }
    };
    // A sign-in refused for a non-compliant device shows that device's failing settings (the
    // session fetches them beside the sign-ins when a device is not compliant; this covers a
    // device Intune calls compliant that Entra did not).
    Effect::new(move |_| {
        let Some(session) = session.get() else { return };
        let needs_compliance =
            session.sign_ins.with(|s| s.items().is_some_and(|items| items.iter().any(refused_for_compliance)));
        let devices_ready = session.devices.with(|d| d.loaded().is_some_and(|l| l.complete));
        if needs_compliance && devices_ready && session.compliance.with_untracked(Option::is_none) {
            session.load_policies(PolicyKind::Compliance);
        }
    });
    move || {
        let key = key.clone();
        session.get().map(|session| {
            let refused = move || {
                session.sign_ins.with(|s| match s {
                    Section::Failed(error) => refusal(error, &granted_scopes()),
                    _ => None,
                })
            };
            let refusal_text = move || {
                refused().map(|r| {
                    i18n.t(match r {
                        Refusal::NoPremiumLicence => ViewMsg::RefusedNoPremium,
                        Refusal::MissingPermission => ViewMsg::RefusedNoAuditPermission,
                        Refusal::NoRole => ViewMsg::RefusedNoReportsRole,
                    })
                })
            };
            let apps = move || {
                let mut names: Vec<String> = session
                    .sign_ins
                    .with(|s| s.items())
                    .map(|items| items.iter().filter_map(|i| i.app_display_name.clone()).collect())
                    .unwrap_or_default();
                names.sort();
                names.dedup();
                names
            };
            view! { class=class,
                {move || refusal_text().map(|text| view! { class=class, <p role="alert" data-testid="sign-ins-refused"><strong>{text}</strong></p> })}
                <p class="note" role="note">{move || i18n.t(ViewMsg::SignInsLate)}</p>
                <div class="filters">
                    <label><input type="checkbox" prop:checked=move || failures_only.get() on:change=move |e| failures_only.set(event_target_checked(&e))/>" "{move || i18n.t(ViewMsg::SignInsFailuresOnly)}</label>
                    <span>
                        <label for="sign-ins-app">{move || i18n.t(ViewMsg::SignInsApp)}</label>" "
                        <select id="sign-ins-app" on:change=move |e| app.set(event_target_value(&e))>
                            <option value="">{move || i18n.t(ViewMsg::SignInsAllApps)}</option>
                            {move || apps().into_iter().map(|name| view! { <option value=name.clone()>{name.clone()}</option> }).collect_view()}
                        </select>
                    </span>
                    <span>
                        <label for="sign-ins-period">{move || i18n.t(ViewMsg::SignInsPeriod)}</label>" "
                        <select id="sign-ins-period" on:change=move |e| days.set(event_target_value(&e).parse().unwrap_or(7))>
                            <option value="7">{move || i18n.t(ViewMsg::SignInsLastWeek)}</option>
                            <option value="1">{move || i18n.t(ViewMsg::SignInsLastDay)}</option>
                        </select>
                    </span>
                </div>
                <SectionView section=session.sign_ins on_retry=move |_| session.retry(SectionName::SignIns) label=ViewMsg::TabSignIns
                    content={move |loaded: Loaded<SignIn>| {
                        let key = key.clone();
                        move || {
                            let devices = session.devices.with(|d| d.items()).unwrap_or_default();
                            let rows: Vec<SignIn> = loaded.items.iter().filter(|s| shown(s, failures_only.get(), &app.get(), days.get())).cloned().collect();
                            if rows.is_empty() {
                                return view! { <p>{i18n.t(ViewMsg::SignInsNone)}</p> }.into_any();
                            }
                            rows.into_iter().map(|sign_in| {
                                let device = device_of(&sign_in, &devices).cloned();
                                view! { <SignInRow sign_in=sign_in device=device session=session user_key=key.clone()/> }
                            }).collect_view().into_any()
                        }
                    }}
                />
                {move || session.has_older_sign_ins().then(|| view! { <button type="button" on:click=move |_| session.load_older_sign_ins()>{i18n.t(ViewMsg::SignInsOlder)}</button> })}
            }
        })
    }
}
