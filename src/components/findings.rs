//! "What is wrong", at the top of the user's page: the diagnosis of what the sections loaded
//! so far show (`domain::diagnosis`), each finding in one sentence with its evidence, its next
//! step and a link to the detail; what is still loading or could not be read; "All clear" only
//! when everything was read. The same findings open the ticket summary.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use stylers::style;
use time::OffsetDateTime;

use crate::browser::{after_next_paint, format_timestamp, now, timed};
use crate::components::assigned_items::{asks_about, audiences, inputs, reach_of, with_subject, Inputs};
use crate::components::assignment_text::{explain, kind_text};
use crate::components::enrollment_summary::{platform_name, version_range};
use crate::components::labels::Tone;
use crate::components::route_link::RouteLink;
use crate::domain::app_install::{hex, Explanation};
use crate::domain::assignments::can_keep_away;
use crate::domain::compliance::DevicePolicy;
use crate::domain::device_health::EntraFinding;
use crate::domain::diagnosis::{
    diagnose, DeviceRef, Diagnosis, Facts, Gap, Known, Problem, RecentFailures, Source, RECENT_FAILURE_DAYS,
};
use crate::domain::remediation::entry;
use crate::domain::sign_ins::{outcome, Outcome};
use crate::graph::models::{
    AppTroubleshootingEvent, ComplianceState, DirectoryObject, EnrollmentConfiguration, EntraDevice, LicenseDetails,
    ManagedDevice, MobileAppIntentAndState, SignIn, TroubleshootingEvent,
};
use crate::i18n::{use_i18n, I18n, ViewMsg};
use crate::routes::{app_history_route, device_route, failure_route, user_route};
use crate::state::catalogue::use_catalogue;
use crate::state::section::Section;
use crate::state::user_session::UserSession;

/// Where the assignment engine stands for the diagnosis.
#[derive(Clone, Default)]
enum Gaps {
    #[default]
    Loading,
    Unreadable,
    Ready {
        gaps: Arc<Vec<Gap>>,
        /// Names, filters and devices, to explain each gap.
        inputs: Box<Inputs>,
        /// Some of the tenant's lists failed: what they hold is not checked.
        partial: bool,
    },
}

/// The diagnosis of one user, kept up to date as sections arrive; shared by the findings and
/// the ticket summary.
#[derive(Clone, Copy)]
pub struct UserDiagnosis {
    pub session: UserSession,
    /// `None` until first computed.
    pub diagnosis: RwSignal<Option<Diagnosis>>,
    gaps: RwSignal<Gaps>,
}

impl UserDiagnosis {
    pub fn new(session: UserSession) -> UserDiagnosis {
        let i18n = use_i18n();
        let catalogue = use_catalogue();
        let gaps = RwSignal::new(Gaps::Loading);
        // What the diagnosis needs beyond the user view, each once its inputs are in: the
        // failing settings of a device not compliant, and the devices' groups once the
        // tenant's catalogue is read (never before: it must not slow the user view).
        Effect::new(move |_| {
            let devices_complete = session.devices.with(|d| d.loaded().is_some_and(|l| l.complete));
            let catalogue_complete = catalogue.state.with(|s| s.is_complete());
            if !devices_complete || session.loaded_at.get().is_none() {
                return;
            }
            // After the frame that shows what was loaded, as the session's own follow-ups.
            after_next_paint(move || {
                // The user was left (and the session freed) in the meantime.
                let Some(devices) = session.devices.try_with_untracked(|d| d.loaded().map(|l| l.items.clone())) else {
                    return;
                };
                let not_compliant = devices.is_some_and(|items| {
                    items.iter().any(|d| d.compliance_state == Some(ComplianceState::Noncompliant))
                });
                if not_compliant && session.compliance.with_untracked(Option::is_none) {
                    session.load_policies(crate::graph::queries::PolicyKind::Compliance);
                }
                // Also when the device list came only with a Retry, after the view's load.
                if session.entra.with_untracked(Option::is_none) {
                    session.load_entra_records();
                }
                if catalogue_complete && session.device_groups.with_untracked(Option::is_none) {
                    session.load_device_groups();
                }
            });
        });
        // The assignment engine's pass, a few devices at a time so that a user with hundreds of
        // devices never holds the page for long; a newer pass makes an older one's result stale.
        let pass = StoredValue::new(0u64);
        Effect::new(move |_| {
            pass.update_value(|p| *p += 1);
            let this_pass = pass.get_value();
            let ready = catalogue.state.with(|state| inputs(session, state).map(|i| (i, !state.failed.is_empty())));
            let Some((inputs, partial)) = ready else {
                let unreadable = session.groups.with(|g| matches!(g, Section::Failed(_)))
                    || session.devices.with(|d| matches!(d, Section::Failed(_)));
                gaps.set(if unreadable { Gaps::Unreadable } else { Gaps::Loading });
                return;
            };
            // Stopped when a newer pass starts or the user is left (the values are then gone:
            // reading them would panic and leave this pass's memory behind).
            let current = move || pass.try_get_value() == Some(this_pass);
            spawn_local(async move {
                if let Some(found) = gaps_of(&inputs, &i18n, current).await {
                    gaps.try_set(Gaps::Ready { gaps: Arc::new(found), partial, inputs: Box::new(inputs) });
                }
            });
        });
        // Computed after the frame that draws the sections that brought the data, so the
        // findings never delay the view they summarise; sections that arrive together (or
        // pages in quick succession) make one computation, from the latest snapshot.
        let diagnosis = RwSignal::new(None);
        let latest = StoredValue::new_local(None::<Snapshot>);
        let summed = StoredValue::new_local(None::<SummedFailures>);
        Effect::new(move |_| {
            let taken = gaps.with(|gaps| snapshot(session, gaps));
            let scheduled = latest.with_value(Option::is_some);
            latest.set_value(Some(taken));
            if scheduled {
                return;
            }
            after_next_paint(move || {
                // The page was left in the meantime.
                let Some(Some(snapshot)) = latest.try_update_value(Option::take) else { return };
                let found = timed("helpdesk:findings", || diagnosis_of(&snapshot, summed));
                diagnosis.try_set(Some(found));
            });
        });
        UserDiagnosis { session, diagnosis, gaps }
    }
}

/// Audiences (the user, or the user on one device) resolved between two yields to the browser.
const AUDIENCES_A_SLICE: usize = 10;

/// What the assignment engine keeps away from the user and each device: only items with an
/// exclusion or a filter can. None once `current` says the pass is no longer wanted.
async fn gaps_of(inputs: &Inputs, i18n: &I18n, current: impl Fn() -> bool) -> Option<Vec<Gap>> {
    let candidates: Vec<_> = inputs.items.iter().filter(|entry| can_keep_away(&entry.item)).collect();
    let has_devices = !inputs.devices.is_empty();
    let mut gaps = Vec::new();
    for slice in audiences(inputs, i18n).chunks(AUDIENCES_A_SLICE) {
        timed("helpdesk:assignment-gaps", || {
            for audience in slice {
                with_subject(inputs, audience, |subject| {
                    for entry in candidates.iter().filter(|entry| asks_about(audience, entry.kind, has_devices)) {
                        let reach = reach_of(inputs, entry, subject);
                        if Gap::is_gap(&reach) {
                            gaps.push(Gap {
                                item: entry.item.title().to_string(),
                                kind: entry.kind,
                                device: audience.device.as_ref().map(DeviceRef::of),
                                reach,
                            });
                        }
                    }
                });
            }
        });
        gloo_timers::future::TimeoutFuture::new(0).await;
        if !current() {
            return None;
        }
    }
    Some(gaps)
}

/// A section as the diagnosis sees it: complete, partly read, loading (pages still arriving
/// count as loading) or unreadable.
fn known<T>(section: &Section<T>) -> Known<Arc<Vec<T>>> {
    match section {
        Section::Loading(_) => Known::Loading,
        Section::Failed(_) => Known::Unreadable,
        Section::Ready(loaded) if !loaded.complete => Known::Loading,
        Section::Ready(loaded) if !loaded.failed_parts.is_empty() => Known::Partial(loaded.items.clone()),
        Section::Ready(loaded) => Known::Ready(loaded.items.clone()),
    }
}

/// Two sections read together: the weaker state of the two.
fn both<A, B>(a: Known<A>, b: Known<B>) -> Known<(A, B)> {
    match (a, b) {
        (Known::Loading, _) | (_, Known::Loading) => Known::Loading,
        (Known::Unreadable, _) | (_, Known::Unreadable) => Known::Unreadable,
        (Known::Ready(a), Known::Ready(b)) => Known::Ready((a, b)),
        (Known::Ready(a) | Known::Partial(a), Known::Ready(b) | Known::Partial(b)) => Known::Partial((a, b)),
    }
}

/// A section read from the device list, before it is read: nothing to read when `needless`
/// says so of the devices; unknown for good when the device list could not be read.
fn not_read_yet<T: Default, D>(devices: &Known<D>, needless: impl Fn(&D) -> bool) -> Known<T> {
    match devices {
        Known::Unreadable => Known::Unreadable,
        Known::Ready(d) if needless(d) => Known::Ready(T::default()),
        Known::Partial(d) if needless(d) => Known::Partial(T::default()),
        _ => Known::Loading,
    }
}

/// A section's items as read, shared with the section.
type Shared<T> = Arc<Vec<T>>;

/// What the diagnosis reads, taken from the sections: cheap (shared lists), so that taking it
/// where the sections change costs them nothing; the diagnosis itself runs later.
struct Snapshot {
    licences: Known<Shared<LicenseDetails>>,
    devices: Known<Shared<ManagedDevice>>,
    compliance: Known<Shared<DevicePolicy>>,
    entra: Known<HashMap<String, Option<EntraDevice>>>,
    sign_ins: Known<Shared<SignIn>>,
    apps: Known<(Shared<MobileAppIntentAndState>, Shared<AppTroubleshootingEvent>)>,
    enrollment: Known<(Shared<EnrollmentConfiguration>, Shared<DirectoryObject>)>,
    failures: Known<Shared<TroubleshootingEvent>>,
    gaps: Known<Shared<Gap>>,
}

fn snapshot(session: UserSession, gaps: &Gaps) -> Snapshot {
    let devices = session.devices.with(known);
    let compliance: Known<Shared<DevicePolicy>> = match session.compliance.with(|c| c.as_ref().map(known)) {
        Some(known) => known,
        // Read only when a device is not compliant.
        None => not_read_yet(&devices, |d| d.iter().all(|d| d.compliance_state != Some(ComplianceState::Noncompliant))),
    };
    let entra = session.entra.with(|records| match records {
        None => not_read_yet(&devices, |d| d.is_empty()),
        Some(records) if records.loading => Known::Loading,
        Some(records) if records.failed.is_empty() => Known::Ready(records.known.clone()),
        Some(records) if records.known.is_empty() => Known::Unreadable,
        Some(records) => Known::Partial(records.known.clone()),
    });
    Snapshot {
        licences: session.licences.with(known),
        devices,
        compliance,
        entra,
        // The newest sign-ins are enough: older pages are read only when asked for.
        sign_ins: session.sign_ins.with(|s| match s {
            Section::Ready(loaded) => Known::Ready(loaded.items.clone()),
            other => known(other),
        }),
        apps: both(session.apps.with(known), session.app_events.with(known)),
        enrollment: both(session.restrictions.with(known), session.groups.with(known)),
        failures: session.failures.with(known),
        gaps: match gaps {
            Gaps::Loading => Known::Loading,
            Gaps::Unreadable => Known::Unreadable,
            Gaps::Ready { gaps, partial: false, .. } => Known::Ready(gaps.clone()),
            Gaps::Ready { gaps, partial: true, .. } => Known::Partial(gaps.clone()),
        },
    }
}

/// A list of failures summed up (see `RecentFailures`), kept for the next computations on the
/// same list within the hour (what is recent changes with the time).
struct SummedFailures {
    events: Shared<TroubleshootingEvent>,
    hour: i64,
    summary: Arc<RecentFailures>,
}

/// The summary of `events`: the one kept when it is of the same list and the same hour, else
/// worked out and kept.
fn recent_failures(
    events: &Shared<TroubleshootingEvent>,
    now: OffsetDateTime,
    summed: SummedStore,
) -> Arc<RecentFailures> {
    let hour = now.unix_timestamp() / 3600;
    let kept = summed.with_value(|kept| {
        kept.as_ref().filter(|k| k.hour == hour && Arc::ptr_eq(&k.events, events)).map(|k| k.summary.clone())
    });
    kept.unwrap_or_else(|| {
        let summary = Arc::new(RecentFailures::of(events, now));
        summed.set_value(Some(SummedFailures { events: events.clone(), hour, summary: summary.clone() }));
        summary
    })
}

type SummedStore = StoredValue<Option<SummedFailures>, LocalStorage>;

fn diagnosis_of(snapshot: &Snapshot, summed: SummedStore) -> Diagnosis {
    let now = now();
    let failures = snapshot.failures.map(|events| recent_failures(events, now, summed));
    let group_ids = |groups: &[DirectoryObject]| groups.iter().map(|g| g.id.clone()).collect::<HashSet<String>>();
    let enrollment = snapshot.enrollment.map(|(restrictions, groups)| (restrictions, group_ids(groups)));
    diagnose(&Facts {
        now,
        licences: snapshot.licences.map(|l| l.as_slice()),
        devices: snapshot.devices.map(|d| d.as_slice()),
        compliance: snapshot.compliance.map(|c| c.as_slice()),
        entra: snapshot.entra.map(|e| e),
        sign_ins: snapshot.sign_ins.map(|s| s.as_slice()),
        apps: snapshot.apps.map(|(apps, events)| (apps.as_slice(), events.as_slice())),
        enrollment: enrollment.map(|(restrictions, groups)| (restrictions.as_slice(), groups)),
        failures: failures.map(|f| f.as_ref()),
        gaps: snapshot.gaps.map(|g| g.as_slice()),
    })
}

fn source_name(source: Source, i18n: &I18n) -> &'static str {
    i18n.t(match source {
        Source::Licence => ViewMsg::SourceLicence,
        Source::Devices => ViewMsg::SourceDevices,
        Source::Compliance => ViewMsg::SourceCompliance,
        Source::Entra => ViewMsg::SourceEntra,
        Source::SignIns => ViewMsg::SourceSignIns,
        Source::Apps => ViewMsg::SourceApps,
        Source::Enrollment => ViewMsg::SourceEnrollment,
        Source::Failures => ViewMsg::SourceFailures,
        Source::Assignments => ViewMsg::SourceAssignments,
    })
}

/// A finding in words: its sentence with the evidence, and the next step.
struct Words {
    sentence: String,
    next: String,
}

fn words(problem: &Problem, gaps: &Gaps, i18n: &I18n) -> Words {
    let lang = i18n.lang.get();
    let when = |at: Option<&crate::graph::models::Timestamp>| at.map(|t| format_timestamp(t, lang)).unwrap_or_default();
    let (sentence, next) = match problem {
        Problem::NoLicence => (i18n.t(ViewMsg::FindNoLicence).to_string(), i18n.t(ViewMsg::NextNoLicence).to_string()),
        Problem::LicenceNotProvisioned { sku, status } => {
            (i18n.fmt(ViewMsg::FindNotProvisioned, &[sku, status]), i18n.t(ViewMsg::NextNotProvisioned).to_string())
        }
        Problem::NotCompliant { device, settings } => {
            let settings = match settings {
                None => i18n.t(ViewMsg::FindSettingsLoading).to_string(),
                Some(settings) if settings.is_empty() => i18n.t(ViewMsg::FindSettingsNone).to_string(),
                Some(settings) => settings
                    .iter()
                    .map(|s| match &s.value {
                        Some(value) => i18n.fmt(ViewMsg::FindSetting, &[&s.policy, &s.setting, value]),
                        None => i18n.fmt(ViewMsg::FindSettingNoValue, &[&s.policy, &s.setting]),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            };
            (
                i18n.fmt(ViewMsg::FindNotCompliant, &[&device.name, &settings]),
                i18n.t(ViewMsg::NextNotCompliant).to_string(),
            )
        }
        Problem::NotCheckedIn { device, days } => (
            i18n.fmt(ViewMsg::FindNotCheckedIn, &[&device.name, &days.to_string()]),
            i18n.t(ViewMsg::NextNotCheckedIn).to_string(),
        ),
        Problem::EntraDisagrees { device, finding } => {
            let word =
                |compliant: bool| i18n.t(if compliant { ViewMsg::WordCompliant } else { ViewMsg::WordNotCompliant });
            match finding {
                EntraFinding::Missing => (
                    i18n.fmt(ViewMsg::FindEntraMissing, &[&device.name]),
                    i18n.t(ViewMsg::NextEntraMissing).to_string(),
                ),
                EntraFinding::Disabled => (
                    i18n.fmt(ViewMsg::FindEntraDisabled, &[&device.name]),
                    i18n.t(ViewMsg::NextEntraDisabled).to_string(),
                ),
                EntraFinding::ComplianceDiffers { intune_compliant, entra_compliant } => (
                    i18n.fmt(
                        ViewMsg::FindEntraCompliance,
                        &[&device.name, word(*intune_compliant), word(*entra_compliant)],
                    ),
                    i18n.t(ViewMsg::NextEntraSync).to_string(),
                ),
                EntraFinding::NotManaged => (
                    i18n.fmt(ViewMsg::FindEntraNotManaged, &[&device.name]),
                    i18n.t(ViewMsg::NextEntraSync).to_string(),
                ),
            }
        }
        Problem::SignInFailed { sign_in, device } => {
            let app = sign_in.app_display_name.clone().unwrap_or_default();
            let at = when(sign_in.created_date_time.as_ref());
            let (meaning, next) = match outcome(sign_in) {
                Outcome::Known(code) => (
                    format!("{} {}", code.code, code.meaning.template(lang)),
                    code.next_step.template(lang).to_string(),
                ),
                _ => {
                    let status = sign_in.status.as_ref();
                    let code = status.and_then(|s| s.error_code).unwrap_or_default();
                    let reason = status.and_then(|s| s.failure_reason.clone()).unwrap_or_default();
                    (format!("{code} {reason}"), i18n.t(ViewMsg::NextSignInOpen).to_string())
                }
            };
            let sentence = match device {
                Some(device) => i18n.fmt(ViewMsg::FindSignInFrom, &[&app, &device.name, &at, &meaning]),
                None => i18n.fmt(ViewMsg::FindSignIn, &[&app, &at, &meaning]),
            };
            (sentence, next)
        }
        Problem::AppFailed(app) => match app.failure.as_ref().map(|f| (f, f.explain(app.platform))) {
            Some((_, Explanation::Known(code))) => (
                i18n.fmt(
                    ViewMsg::FindAppFailed,
                    &[&app.name, &app.device, &format!("{} {}", hex(code.code), code.meaning.template(lang))],
                ),
                code.fix.template(lang).to_string(),
            ),
            Some((failure, explanation)) => {
                let code = match explanation {
                    Explanation::NotInCatalogue(code) => format!("{} ({})", hex(code), code as i32),
                    _ => failure.raw.clone(),
                };
                (
                    i18n.fmt(ViewMsg::FindAppFailed, &[&app.name, &app.device, &code]),
                    i18n.t(ViewMsg::NextAppOpen).to_string(),
                )
            }
            None => {
                (i18n.fmt(ViewMsg::FindAppNoCode, &[&app.name, &app.device]), i18n.t(ViewMsg::NextAppOpen).to_string())
            }
        },
        Problem::LimitReached { limit, restriction, enrolled } => (
            i18n.fmt(ViewMsg::FindLimitReached, &[&enrolled.to_string(), &limit.to_string(), restriction]),
            i18n.t(ViewMsg::NextLimitReached).to_string(),
        ),
        Problem::OneEnrollmentLeft { limit, restriction, enrolled } => (
            i18n.fmt(ViewMsg::FindOneLeft, &[&enrolled.to_string(), &limit.to_string(), restriction]),
            i18n.t(ViewMsg::NextOneLeft).to_string(),
        ),
        Problem::PlatformBlocked { platform, restriction } => (
            i18n.fmt(ViewMsg::FindPlatformBlocked, &[platform_name(*platform, i18n), restriction]),
            i18n.t(ViewMsg::NextPlatformBlocked).to_string(),
        ),
        Problem::OsVersionRefused { device, version, minimum, maximum, restriction } => (
            i18n.fmt(
                ViewMsg::FindOsRefused,
                &[
                    &device.name,
                    version,
                    restriction,
                    &version_range(minimum.as_deref(), maximum.as_deref()).unwrap_or_default(),
                ],
            ),
            i18n.t(ViewMsg::NextOsRefused).to_string(),
        ),
        Problem::EnrollmentFailures { error, count, latest } => {
            let at = when(latest.event_date_time.as_ref());
            let os = latest.operating_system.clone().unwrap_or_default();
            let (count, days) = (count.to_string(), RECENT_FAILURE_DAYS.to_string());
            match error.map(entry) {
                Some(entry) => (
                    i18n.fmt(ViewMsg::FindFailures, &[&count, &days, entry.title.template(lang), &at, &os]),
                    entry.remediations.first().map_or_else(
                        || i18n.t(ViewMsg::NextFailureOpen).to_string(),
                        |step| step.template(lang).to_string(),
                    ),
                ),
                None => {
                    let reason = latest.failure_reason.clone().unwrap_or_default();
                    (
                        i18n.fmt(ViewMsg::FindFailuresUnknown, &[&count, &days, &reason, &at, &os]),
                        i18n.t(ViewMsg::NextFailureOpen).to_string(),
                    )
                }
            }
        }
        Problem::NotReaching(gap) => {
            let whom = gap.device.as_ref().map_or_else(|| i18n.t(ViewMsg::FindTheUser).to_string(), |d| d.name.clone());
            let why = match gaps {
                Gaps::Ready { inputs, .. } => {
                    let device = gap.device.as_ref().and_then(|d| inputs.devices.iter().find(|x| x.id == d.id));
                    explain(&gap.reach, &inputs.names, &inputs.filters, device, i18n)
                }
                _ => String::new(),
            };
            (
                i18n.fmt(ViewMsg::FindNotReaching, &[&gap.item, kind_text(gap.kind, i18n), &whom, &why]),
                i18n.t(ViewMsg::NextNotReaching).to_string(),
            )
        }
    };
    Words { sentence, next }
}

/// Where a finding's detail is.
fn route(problem: &Problem, key: &str) -> Option<String> {
    match problem {
        Problem::NoLicence | Problem::LicenceNotProvisioned { .. } => None,
        Problem::NotCompliant { device, .. }
        | Problem::NotCheckedIn { device, .. }
        | Problem::EntraDisagrees { device, .. }
        | Problem::OsVersionRefused { device, .. } => Some(device_route(key, &device.id)),
        Problem::SignInFailed { .. } => Some(user_route(key, "/sign-ins")),
        Problem::AppFailed(app) => Some(app_history_route(key, &app.device_id, &app.app_id)),
        Problem::LimitReached { .. } | Problem::OneEnrollmentLeft { .. } | Problem::PlatformBlocked { .. } => {
            Some(user_route(key, "/enrollment-restrictions"))
        }
        Problem::EnrollmentFailures { latest, .. } => Some(failure_route(key, &latest.id)),
        Problem::NotReaching(_) => Some(user_route(key, "/assignments")),
    }
}

fn tone(weight: u8) -> Tone {
    match weight {
        30.. => Tone::Bad,
        20.. => Tone::Warn,
        _ => Tone::Neutral,
    }
}

impl UserDiagnosis {
    /// The findings as the ticket summary's first lines: each sentence, what it explains, and
    /// the next step.
    pub fn ticket_lines(&self, i18n: &I18n) -> Vec<String> {
        let gaps = self.gaps.get_untracked();
        self.diagnosis.with_untracked(|diagnosis| {
            let Some(diagnosis) = diagnosis else { return vec![] };
            diagnosis
                .findings
                .iter()
                .map(|finding| {
                    let Words { sentence, next } = words(&finding.problem, &gaps, i18n);
                    let explained: Vec<String> =
                        finding.explains.iter().map(|p| words(p, &gaps, i18n).sentence).collect();
                    let mut line = sentence;
                    if !explained.is_empty() {
                        line = format!("{line} {} {}", i18n.t(ViewMsg::FindingExplains), explained.join(" "));
                    }
                    format!("{line} {}", i18n.fmt(ViewMsg::FindingNext, &[&next]))
                })
                .collect()
        })
    }
}

/// How many findings show before "Show the other …": the heaviest, which a call is most likely about.
const FIRST_SHOWN: usize = 8;

/// The id of the findings' heading, which the `f` shortcut moves to.
pub const FINDINGS_ID: &str = "findings-title";

#[component]
pub fn Findings(diagnosis: UserDiagnosis) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"Findings",
        section {
            border: 1px solid var(--border);
            border-radius: var(--radius);
            padding: var(--space-2) var(--space-3);
            margin-bottom: var(--space-3);
        }
        h2 {
            margin: 0 0 var(--space-1) 0;
            font-size: var(--font-large);
        }
        ol {
            margin: var(--space-1) 0 0 0;
            padding-left: var(--space-4);
        }
        li {
            margin-bottom: var(--space-2);
        }
        li p {
            margin: 0;
        }
        .next, .status {
            color: var(--muted);
        }
        ul {
            margin: 0;
        }
    };
    let key = diagnosis.session.key.get_value();
    let all_shown = RwSignal::new(false);
    let findings = move || {
        let gaps = diagnosis.gaps.get();
        i18n.lang.track();
        let shown = if all_shown.get() { usize::MAX } else { FIRST_SHOWN };
        diagnosis.diagnosis.with(|d| {
            let Some(d) = d else { return ().into_any() };
            d.findings
                .iter()
                .take(shown)
                .map(|finding| {
                    let Words { sentence, next } = words(&finding.problem, &gaps, &i18n);
                    let tone = tone(finding.weight);
                    let mark = view! { class=class, <span class=tone.class() aria-hidden="true">{tone.mark()}" "</span> };
                    let head = match route(&finding.problem, &key) {
                        Some(route) => view! { class=class, <p>{mark}<RouteLink route=route class=class>{sentence}</RouteLink></p> }.into_any(),
                        None => view! { class=class, <p>{mark}{sentence}</p> }.into_any(),
                    };
                    let explains: Vec<String> = finding.explains.iter().map(|p| words(p, &gaps, &i18n).sentence).collect();
                    let explains = (!explains.is_empty()).then(|| view! { class=class,
                        <p>{i18n.t(ViewMsg::FindingExplains)}</p>
                        <ul>{explains.into_iter().map(|line| view! { class=class, <li>{line}</li> }).collect_view()}</ul>
                    });
                    view! { class=class,
                        <li data-testid="finding" data-keyrow="">
                            {head}
                            {explains}
                            <p class="next">{i18n.fmt(ViewMsg::FindingNext, &[&next])}</p>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    let status = move || {
        diagnosis.diagnosis.with(|d| {
            let Some(d) = d else {
                return view! { class=class, <p class="status">{i18n.t(ViewMsg::StillLoading)}</p> }.into_any();
            };
            let list =
                |sources: &[Source]| sources.iter().map(|s| source_name(*s, &i18n)).collect::<Vec<_>>().join(", ");
            let mut lines = Vec::new();
            if !d.findings.is_empty() {
                lines.push(i18n.fmt(ViewMsg::FindingsCount, &[&d.findings.len().to_string()]));
            } else if d.all_clear() {
                lines.push(i18n.t(ViewMsg::FindingsAllClear).to_string());
            } else {
                lines.push(i18n.t(ViewMsg::FindingsNothingYet).to_string());
            }
            if !d.loading.is_empty() {
                lines.push(i18n.fmt(ViewMsg::FindingsLoading, &[&list(&d.loading)]));
            }
            if !d.unreadable.is_empty() {
                lines.push(i18n.fmt(ViewMsg::FindingsUnreadable, &[&list(&d.unreadable)]));
            }
            lines.into_iter().map(|line| view! { class=class, <p class="status">{line}</p> }).collect_view().into_any()
        })
    };
    let more = move || {
        let hidden =
            diagnosis.diagnosis.with(|d| d.as_ref().map_or(0, |d| d.findings.len().saturating_sub(FIRST_SHOWN)));
        (hidden > 0).then(|| {
            let label = move || {
                if all_shown.get() {
                    i18n.fmt(ViewMsg::FindingsShowFirst, &[&FIRST_SHOWN.to_string()])
                } else {
                    i18n.fmt(ViewMsg::FindingsShowAll, &[&hidden.to_string()])
                }
            };
            view! { <button type="button" on:click=move |_| all_shown.update(|all| *all = !*all)>{label}</button> }
        })
    };
    let busy = move || diagnosis.diagnosis.with(|d| d.as_ref().is_none_or(|d| !d.loading.is_empty())).to_string();
    view! { class=class,
        // Paint-contained (`.paint-contained` in style/tokens.css): a keystroke's frame in a table
        // below does not paint the findings again.
        <section class="paint-contained" aria-labelledby=FINDINGS_ID data-testid="findings" aria-busy=busy>
            <h2 id=FINDINGS_ID tabindex="-1" aria-keyshortcuts="f">{move || i18n.t(ViewMsg::FindingsTitle)}</h2>
            <div aria-live="polite">{status}</div>
            <ol>{findings}</ol>
            {more}
        </section>
    }
}
