//! Everything shown about one user, loaded in one round: a `$batch` for the v1.0 calls and
//! one for the beta calls, side by side; long lists then page in with progress.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use web_sys::AbortSignal;

use super::device_session::DeviceKeys;
use super::loads::{answer, every, first_page, note_loading, Loads};
use super::section::{Loaded, Paging, PartFailure, Section};
use crate::browser::after_next_paint;
use crate::domain::compliance::{for_user, DevicePolicy};
use crate::domain::sign_ins::compliance_may_refuse;
use crate::graph::batch::{parse_batch_answer, BatchStep};
use crate::graph::models::{
    decode_one, AppTroubleshootingEvent, DirectoryObject, EnrollmentConfiguration, EntraDevice, LicenseDetails,
    ManagedAppRegistration, ManagedDevice, MobileAppIntentAndState, Page, PolicyState, SignIn, TroubleshootingEvent,
    User,
};
use crate::graph::queries::{self, PolicyKind};
use crate::graph::{ApiVersion, BatchAnswers, GraphClient, GraphError, Progress, ProgressEvent};

/// Something read for each of the user's devices registered in Entra, one call a device.
#[derive(Debug, Clone)]
pub struct PerDevice<T> {
    pub loading: bool,
    /// Managed device id → what was read; a device absent here is not known (not registered
    /// in Entra, or its call failed: see `failed`).
    pub known: HashMap<String, T>,
    pub failed: Vec<PartFailure>,
}

impl<T> Default for PerDevice<T> {
    fn default() -> Self {
        PerDevice { loading: false, known: HashMap::new(), failed: Vec::new() }
    }
}

/// The groups of each device (their Entra records' `transitiveMemberOf`).
pub type DeviceGroups = PerDevice<Vec<DirectoryObject>>;

/// The Entra record of each device (`None`: Entra has none, or Intune names none).
pub type EntraRecords = PerDevice<Option<EntraDevice>>;

/// Where one section comes from.
#[derive(Clone)]
struct Source {
    version: ApiVersion,
    url: String,
}

/// Which items of a list belong in its section: all, except where Graph's list mixes kinds.
trait Belongs {
    fn belongs(&self) -> bool {
        true
    }
}

impl Belongs for LicenseDetails {}
impl Belongs for ManagedDevice {}
impl Belongs for ManagedAppRegistration {}
impl Belongs for DirectoryObject {}
impl Belongs for EnrollmentConfiguration {}
impl Belongs for MobileAppIntentAndState {}
impl Belongs for AppTroubleshootingEvent {}

impl Belongs for TroubleshootingEvent {
    fn belongs(&self) -> bool {
        self.is_enrollment_failure()
    }
}

/// The lists of the user view, each described once: its field, its items, the section it is
/// retried with, and the call behind it for the user's object id (Intune's paths below
/// `/users/` want the id, not the user principal name). The session's fields, its `$batch`
/// steps, the routing of the answers, retry and failure all follow from this table: adding a
/// list is one line here plus its view.
macro_rules! user_lists {
    ($($field:ident: $item:ty => $section:ident, $version:ident $query:expr;)*) => {
        #[derive(Clone, Copy)]
        pub struct UserSession {
            /// The route's `:id` (object id or user principal name), as typed.
            pub key: StoredValue<String>,
            /// When the last full load finished (ms since 1970), for "loaded 3 min ago".
            pub loaded_at: RwSignal<Option<f64>>,
            pub user: RwSignal<Section<User>>,
            $(pub $field: RwSignal<Section<$item>>,)*
            /// Loaded when first shown: one call a device.
            pub compliance: RwSignal<Option<Section<DevicePolicy>>>,
            /// The last week's sign-ins, loaded on their own after the user view (the reports
            /// API answers slowly and allows 5 calls per 10 s): never in its `$batch`.
            pub sign_ins: RwSignal<Section<SignIn>>,
            /// The page of older sign-ins to ask for next.
            sign_ins_next: StoredValue<Option<String>>,
            pub configuration: RwSignal<Option<Section<DevicePolicy>>>,
            /// Loaded when first needed (assignments): one call a device.
            pub device_groups: RwSignal<Option<DeviceGroups>>,
            /// Loaded beside the sign-ins, for the diagnosis: one call a device.
            pub entra: RwSignal<Option<EntraRecords>>,
            /// Explanations the operator added to the ticket summary.
            pub ticket_notes: RwSignal<Vec<String>>,
            /// The client its calls go through, so views only say what to load.
            client: StoredValue<GraphClient>,
            loads: Loads,
        }

        impl UserSession {
            pub fn new(key: &str, client: GraphClient) -> UserSession {
                UserSession {
                    key: StoredValue::new(key.to_string()),
                    loaded_at: RwSignal::new(None),
                    user: RwSignal::new(Section::Loading(None)),
                    $($field: RwSignal::new(Section::Loading(None)),)*
                    compliance: RwSignal::new(None),
                    sign_ins: RwSignal::new(Section::Loading(None)),
                    sign_ins_next: StoredValue::new(None),
                    configuration: RwSignal::new(None),
                    device_groups: RwSignal::new(None),
                    entra: RwSignal::new(None),
                    ticket_notes: RwSignal::new(Vec::new()),
                    client: StoredValue::new(client),
                    loads: Loads::new(),
                }
            }

            /// Every list's call, named by its field (the `$batch` step id).
            fn sources(id: &str) -> Vec<(&'static str, Source)> {
                vec![$((stringify!($field), Source { version: ApiVersion::$version, url: ($query)(id) }),)*]
            }

            fn lists_loading(&self) {
                $(self.$field.set(Section::Loading(None));)*
            }

            fn lists_note(&self, event: &ProgressEvent) {
                $(note_loading(self.$field, event);)*
            }

            fn lists_fail(&self, generation: u64, error: &GraphError) {
                $(self.loads.fail(self.$field, generation, error.clone());)*
            }

            /// Shows every list of `version` from its `$batch` answer, then pages in what is longer.
            async fn fill_lists(self, client: &GraphClient, version: ApiVersion, answers: &mut BatchAnswers, generation: u64, signal: Option<AbortSignal>) {
                let mut lists: Vec<Pin<Box<dyn Future<Output = ()> + '_>>> = Vec::new();
                $(if ApiVersion::$version == version {
                    lists.push(Box::pin(self.fill(client, self.$field, first_page(answers, stringify!($field)), generation, signal.clone())));
                })*
                join_all(lists).await;
            }

            /// Loads again the lists shown in `section`.
            async fn reload_lists(self, client: &GraphClient, section: SectionName, generation: u64) {
                let id = self.object_id();
                let mut lists: Vec<Pin<Box<dyn Future<Output = ()> + '_>>> = Vec::new();
                $(if section == SectionName::$section {
                    let source = Source { version: ApiVersion::$version, url: ($query)(id.as_str()) };
                    lists.push(Box::pin(self.reload(client, self.$field, source, generation)));
                })*
                join_all(lists).await;
            }
        }
    };
}

user_lists! {
    licences: LicenseDetails => Licences, V1 queries::license_details;
    devices: ManagedDevice => Devices, V1 queries::managed_devices;
    app_protection: ManagedAppRegistration => AppProtection, V1 queries::managed_app_registrations;
    groups: DirectoryObject => Groups, V1 queries::transitive_member_of;
    direct_groups: DirectoryObject => Groups, V1 queries::member_of;
    // Per-platform restrictions exist only in beta; v1.0 lists the old kinds alone.
    restrictions: EnrollmentConfiguration => Restrictions, Beta |_: &str| queries::ENROLLMENT_CONFIGURATIONS.to_string();
    apps: MobileAppIntentAndState => Apps, Beta queries::mobile_app_intent_and_states;
    // Why an app failed: its install history, joined to the apps on (device, app).
    app_events: AppTroubleshootingEvent => Apps, Beta queries::mobile_app_troubleshooting_events;
    failures: TroubleshootingEvent => Failures, Beta queries::troubleshooting_events;
}

impl UserSession {
    /// The user's object id, once loaded.
    pub fn user_id(&self) -> Option<String> {
        self.user.with_untracked(|user| user.loaded().and_then(|l| l.items.first().map(|u| u.id.clone())))
    }

    /// Whether an address's `key` names this user: the key it was opened with in any case
    /// (user principal names and object ids ignore case), or its object id once loaded.
    pub fn answers_to(&self, key: &str) -> bool {
        self.key.with_value(|own| own.eq_ignore_ascii_case(key))
            || self.user_id().is_some_and(|id| id.eq_ignore_ascii_case(key))
    }

    pub fn is_loading(&self) -> bool {
        self.loads.is_loading()
    }

    /// Stops what is in flight; the answers that still arrive are dropped.
    pub fn cancel(&self) {
        self.loads.cancel()
    }

    fn current(&self, generation: u64) -> bool {
        self.loads.current(generation)
    }

    /// The object id to call Graph with: the key itself, or the id once the user is loaded.
    fn object_id(&self) -> String {
        self.user_id().unwrap_or_else(|| self.key.get_value())
    }

    /// Loads (or reloads) every section.
    pub fn load(self) {
        let client = self.client.get_value();
        let (generation, signal) = self.loads.start();
        self.user.set(Section::Loading(None));
        self.lists_loading();
        self.compliance.set(None);
        self.configuration.set(None);
        self.device_groups.set(None);
        self.entra.set(None);
        let key = self.key.get_value();
        spawn_local(async move {
            // While a call waits (throttling, retries), every section it holds says so.
            let waiting: Progress = Rc::new(move |event: ProgressEvent| {
                if self.current(generation) {
                    self.note_loading(&event);
                }
            });
            // A user principal name is resolved to the object id first (one more round, for
            // deep links by name only).
            let id = if queries::is_object_id(&key) {
                key
            } else {
                match client.get::<User>(ApiVersion::V1, &queries::user(&key), signal.as_ref(), &waiting).await {
                    Ok(user) => user.id,
                    Err(error) => return self.fail_all(generation, error),
                }
            };
            let mut sources = Self::sources(&id);
            sources.insert(0, ("user", Source { version: ApiVersion::V1, url: queries::user(&id) }));
            let steps = |version: ApiVersion| -> Vec<BatchStep> {
                sources
                    .iter()
                    .filter(|(_, s)| s.version == version)
                    .map(|(id, s)| BatchStep::get(*id, s.url.clone()))
                    .collect()
            };
            client
                .batch_each_version(steps, signal.as_ref(), &waiting, |version, answers| {
                    self.show_answers(&client, version, answers, generation, signal.clone())
                })
                .await;
            if !self.current(generation) {
                return;
            }
            self.loaded_at.set(Some(js_sys::Date::now()));
            // Started once the view is painted: building and sending them would delay it.
            after_next_paint(move || {
                if !self.current(generation) {
                    return;
                }
                self.load_sign_ins();
                if self.entra.with_untracked(Option::is_none) {
                    self.load_entra_records();
                }
                // A sign-in refused as "device not compliant" shows that device's failing
                // settings: fetched beside the sign-ins, in the same round, when it may happen.
                let may_refuse = self.devices.with_untracked(|d| d.items().is_some_and(|d| compliance_may_refuse(&d)));
                if may_refuse && self.compliance.with_untracked(Option::is_none) {
                    self.load_policies(PolicyKind::Compliance);
                }
            });
            self.loads.finish(generation);
        });
    }

    /// Shows what one version's `$batch` brought: the user, then each list.
    async fn show_answers(
        self,
        client: &GraphClient,
        version: ApiVersion,
        mut answers: BatchAnswers,
        generation: u64,
        signal: Option<AbortSignal>,
    ) {
        if !self.current(generation) {
            return;
        }
        if version == ApiVersion::V1 {
            let user = answer(&mut answers, "user").and_then(|text| decode_one::<User>(text.get()));
            self.user.set(match user {
                Ok(user) => Section::Ready(Loaded::complete(vec![user])),
                Err(error) => Section::Failed(error),
            });
        }
        self.fill_lists(client, version, &mut answers, generation, signal).await;
    }

    /// Fills the sections of `version` from its `$batch` answer already at hand, as a load
    /// does, but without a call: for the warm-up's made-up user (`state::warm_up`). Never
    /// marked loaded, so nothing that follows a load starts.
    pub async fn show_batch_answer(self, version: ApiVersion, body: &str) {
        let client = self.client.get_value();
        let (generation, _) = self.loads.start();
        let steps = parse_batch_answer(body).unwrap_or_default();
        let answers = steps.into_iter().map(|step| (step.id.clone(), step.into_result())).collect();
        self.show_answers(&client, version, answers, generation, None).await;
        self.loads.finish(generation);
    }

    /// The user could not be found or read: every section says why.
    fn fail_all(&self, generation: u64, error: GraphError) {
        self.lists_fail(generation, &error);
        self.loads.fail(self.user, generation, error);
        self.loads.finish(generation);
    }

    fn note_loading(&self, event: &ProgressEvent) {
        note_loading(self.user, event);
        self.lists_note(event);
    }

    /// Shows a section's first page at once, then pages in the rest.
    async fn fill<T>(
        self,
        client: &GraphClient,
        target: RwSignal<Section<T>>,
        first: impl Future<Output = Result<Page<T>, GraphError>>,
        generation: u64,
        signal: Option<AbortSignal>,
    ) where
        T: DeserializeOwned + Belongs + Send + Sync + Clone + 'static,
    {
        self.loads.fill(client, target, first, generation, signal, Rc::new(T::belongs)).await
    }

    /// Reloads one section on its own (its Retry button).
    pub fn retry(self, section: SectionName) {
        if section == SectionName::User {
            return self.load();
        }
        if section == SectionName::SignIns {
            return self.load_sign_ins();
        }
        let client = self.client.get_value();
        let generation = self.loads.generation();
        spawn_local(async move { self.reload_lists(&client, section, generation).await });
    }

    async fn reload<T>(self, client: &GraphClient, target: RwSignal<Section<T>>, source: Source, generation: u64)
    where
        T: DeserializeOwned + Belongs + Send + Sync + Clone + 'static,
    {
        target.set(Section::Loading(None));
        let progress = self.loads.progress_into(target, generation);
        let first = client.first_page(source.version, &source.url, false, None, &progress);
        self.fill(client, target, first, generation, None).await
    }

    /// Loads the groups of every device registered in Entra, in one `$batch`.
    pub fn load_device_groups(self) {
        // A device not registered in Entra has groups the portal cannot know.
        self.load_per_device(self.device_groups, queries::device_groups, None, |groups: Page<DirectoryObject>| {
            groups.items
        });
    }

    /// Loads the Entra record of every device, in one `$batch`; a device Intune names no Entra
    /// id for has none.
    pub fn load_entra_records(self) {
        self.load_per_device(self.entra, queries::entra_device, Some(None), |records: Page<EntraDevice>| {
            records.items.into_iter().next()
        });
    }

    /// One call for each device registered in Entra (by its Entra device id), every page of
    /// each, kept by managed device id; a device not registered gets `unregistered`.
    fn load_per_device<T, I>(
        self,
        target: RwSignal<Option<PerDevice<T>>>,
        query: fn(&str) -> String,
        unregistered: Option<T>,
        keep: fn(Page<I>) -> T,
    ) where
        T: Clone + Send + Sync + 'static,
        I: DeserializeOwned + Clone + 'static,
    {
        let client = self.client.get_value();
        let Some(devices) = self.devices.get_untracked().items() else { return };
        target.set(Some(PerDevice { loading: true, ..PerDevice::default() }));
        let generation = self.loads.generation();
        let mut result = PerDevice::default();
        let mut registered: Vec<(String, String, String)> = Vec::new();
        for device in devices.iter() {
            match DeviceKeys::of(device).azure_ad_device_id {
                Some(entra_id) => {
                    let name = device.device_name.clone().unwrap_or_else(|| device.id.clone());
                    registered.push((device.id.clone(), name, entra_id));
                }
                None => {
                    if let Some(value) = unregistered.clone() {
                        result.known.insert(device.id.clone(), value);
                    }
                }
            }
        }
        spawn_local(async move {
            let steps: Vec<BatchStep> = registered
                .iter()
                .enumerate()
                .map(|(index, (_, _, entra_id))| BatchStep::get(index.to_string(), query(entra_id)))
                .collect();
            let quiet: Progress = Rc::new(|_| {});
            let mut answers = client.batch(ApiVersion::V1, steps, None, &quiet).await;
            for (index, (device_id, name, _)) in registered.into_iter().enumerate() {
                let first = first_page(&mut answers, &index.to_string());
                match all_pages::<I>(&client, first, &quiet).await {
                    Ok(page) => {
                        result.known.insert(device_id, keep(page));
                    }
                    Err(error) => result.failed.push(PartFailure { label: name, error }),
                }
            }
            if self.current(generation) {
                target.set(Some(result));
            }
        });
    }

    /// Loads the compliance or configuration policy states of every device, in batches, with
    /// the selected user's setting states; a device whose states cannot be read is reported
    /// and the other devices' rows kept.
    pub fn load_policies(self, kind: PolicyKind) {
        let client = self.client.get_value();
        let target = match kind {
            PolicyKind::Compliance => self.compliance,
            PolicyKind::Configuration => self.configuration,
        };
        let Some(devices) = self.devices.get_untracked().items() else { return };
        target.set(Some(Section::Loading(None)));
        let generation = self.loads.generation();
        let user_id = self.object_id();
        spawn_local(async move {
            let steps: Vec<BatchStep> = devices
                .iter()
                .enumerate()
                .map(|(index, device)| {
                    BatchStep::get(index.to_string(), queries::device_policy_states(&user_id, &device.id, kind))
                })
                .collect();
            let quiet: Progress = Rc::new(|_| {});
            let mut answers = client.batch(ApiVersion::V1, steps, None, &quiet).await;
            let mut items = Vec::new();
            let mut skipped = Vec::new();
            let mut failed_parts = Vec::new();
            for (index, device) in devices.iter().enumerate() {
                let name = device.device_name.clone().unwrap_or_else(|| device.id.clone());
                let first = first_page(&mut answers, &index.to_string());
                match all_pages::<PolicyState>(&client, first, &quiet).await {
                    Ok(page) => {
                        skipped.extend(page.skipped);
                        items.extend(page.items.into_iter().map(|policy| {
                            let (policy, other_users_settings) = for_user(policy, &user_id);
                            DevicePolicy {
                                device_id: device.id.clone(),
                                device_name: name.clone(),
                                policy,
                                other_users_settings,
                            }
                        }));
                    }
                    Err(error) => failed_parts.push(PartFailure { label: name, error }),
                }
            }
            if !self.current(generation) {
                return;
            }
            let section = match failed_parts.first() {
                Some(failure) if failed_parts.len() == devices.len() => Section::Failed(failure.error.clone()),
                _ => Section::Ready(Loaded {
                    items: Arc::new(items),
                    skipped: Arc::new(skipped),
                    complete: true,
                    total: None,
                    note: None,
                    failed_parts: Arc::new(failed_parts),
                }),
            };
            target.set(Some(section));
        });
    }
}

impl UserSession {
    /// The sign-ins of the last seven days, newest first, a page of 50.
    pub fn load_sign_ins(self) {
        let client = self.client.get_value();
        let generation = self.loads.generation();
        let Some(user_id) = self.user_id() else { return };
        let since_ms = js_sys::Date::now() - (SIGN_IN_DAYS * 86_400_000) as f64;
        let since: String = js_sys::Date::new(&since_ms.into()).to_iso_string().into();
        self.sign_ins.set(Section::Loading(None));
        spawn_local(async move {
            let progress = self.loads.progress_into(self.sign_ins, generation);
            let first = client
                .first_page::<SignIn>(ApiVersion::V1, &queries::sign_ins(&user_id, &since), false, None, &progress)
                .await;
            if !self.current(generation) {
                return;
            }
            match first {
                Ok(page) => self.show_sign_ins(Vec::new(), page),
                Err(error) => self.sign_ins.set(Section::Failed(error)),
            }
        });
    }

    /// `shown` followed by `page`; complete when no older page remains.
    fn show_sign_ins(&self, mut shown: Vec<SignIn>, page: Page<SignIn>) {
        let complete = page.next_link.is_none();
        self.sign_ins_next.set_value(page.next_link);
        shown.extend(page.items);
        self.sign_ins.set(Section::Ready(Loaded {
            complete,
            skipped: Arc::new(page.skipped),
            ..Loaded::complete(shown)
        }));
    }

    /// Whether older sign-ins remain to be asked for (tracked: the list is shown incomplete).
    pub fn has_older_sign_ins(&self) -> bool {
        self.sign_ins.with(|s| s.loaded().is_some_and(|l| !l.complete))
    }

    /// The next page of older sign-ins, added below those shown.
    pub fn load_older_sign_ins(self) {
        let client = self.client.get_value();
        let generation = self.loads.generation();
        let Some(link) = self.sign_ins_next.try_update_value(Option::take).flatten() else { return };
        let Some(shown) = self.sign_ins.with_untracked(|s| s.items()) else { return };
        self.sign_ins.update(|s| s.note(ProgressEvent::Paging { received: shown.len(), total: None }));
        spawn_local(async move {
            let progress = self.loads.progress_into(self.sign_ins, generation);
            let more = client.next_page::<SignIn>(&link, false, None, &progress).await;
            if !self.current(generation) {
                return;
            }
            match more {
                Ok(page) => self.show_sign_ins(shown.to_vec(), page),
                Err(error) => self.sign_ins.set(Section::Failed(error)),
            }
        });
    }
}

/// How far back the sign-ins tab reads (Entra keeps 7 days without P1/P2 licences, 30 with).
pub const SIGN_IN_DAYS: i64 = 7;

/// A whole list from its first page (as `$batch` answered it), following `@odata.nextLink`.
async fn all_pages<T: DeserializeOwned + Clone + 'static>(
    client: &GraphClient,
    first: impl Future<Output = Result<Page<T>, GraphError>>,
    progress: &Progress,
) -> Result<Page<T>, GraphError> {
    let mut paging = Paging::new(first.await?, Rc::new(every::<T>));
    while let Some(link) = paging.next_link() {
        paging.add(client.next_page(&link, false, None, progress).await?);
    }
    Ok(paging.into_page())
}

/// The sections an operator can retry one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionName {
    User,
    Licences,
    Devices,
    AppProtection,
    Groups,
    Restrictions,
    Apps,
    Failures,
    SignIns,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_for_a_load_that_was_stopped_is_dropped() {
        let owner = Owner::new();
        let session =
            owner.with(|| UserSession::new("AdeleV@contoso.onmicrosoft.com", GraphClient::new("http://127.0.0.1:9")));
        let before = session.loads.generation();
        assert!(session.current(before));
        session.cancel();
        assert!(!session.current(before), "stopping a load makes its answers stale");
        session.loads.fail(session.devices, before, GraphError::from_status(500, "", None));
        assert!(matches!(session.devices.get_untracked(), Section::Loading(None)), "a stale failure is not shown");
        let now = session.loads.generation();
        session.loads.fail(session.devices, now, GraphError::from_status(500, "", None));
        assert!(matches!(session.devices.get_untracked(), Section::Failed(_)));
    }

    #[test]
    fn every_list_has_a_batch_step_named_after_it() {
        let ids: Vec<&str> = UserSession::sources("id").into_iter().map(|(id, _)| id).collect();
        assert_eq!(
            ids,
            [
                "licences",
                "devices",
                "app_protection",
                "groups",
                "direct_groups",
                "restrictions",
                "apps",
                "app_events",
                "failures"
            ]
        );
        assert!(UserSession::sources("id")
            .iter()
            .all(|(_, source)| source.url.contains("/users/id/") || source.version == ApiVersion::Beta));
    }
}
