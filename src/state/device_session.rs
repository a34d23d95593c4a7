//! Everything shown about one device, loaded in one round (a `$batch` for the v1.0 calls and one
//! for the beta calls) when the user's device list has already named its Entra id and serial
//! number; from a link alone, a second round follows the device record for those lookups.

use std::rc::Rc;

use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use web_sys::AbortSignal;

use super::loads::{every, first_page, note_loading, Loads};
use super::section::{Loaded, Section};
use super::user_session::UserSession;
use crate::graph::batch::BatchStep;
use crate::graph::models::{
    decode_one, AutopilotEvent, AutopilotIdentity, DeviceDetails, EntraDevice, LogCollectionRequest, ManagedDevice,
    PolicyState, User,
};
use crate::graph::queries::{self, PolicyKind};
use crate::graph::{ApiVersion, BatchAnswers, GraphClient, GraphError, Progress, ProgressEvent};

/// The sections of the device page, each retried on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceSectionName {
    Device,
    Details,
    PrimaryUsers,
    Compliance,
    Configuration,
    Logs,
    Entra,
    Autopilot,
    Deployments,
}

impl DeviceSectionName {
    const ALL: [DeviceSectionName; 9] = [
        DeviceSectionName::Device,
        DeviceSectionName::Details,
        DeviceSectionName::PrimaryUsers,
        DeviceSectionName::Compliance,
        DeviceSectionName::Configuration,
        DeviceSectionName::Logs,
        DeviceSectionName::Entra,
        DeviceSectionName::Autopilot,
        DeviceSectionName::Deployments,
    ];

    /// The `$batch` step id.
    fn step_id(self) -> &'static str {
        match self {
            DeviceSectionName::Device => "device",
            DeviceSectionName::Details => "details",
            DeviceSectionName::PrimaryUsers => "users",
            DeviceSectionName::Compliance => "compliance",
            DeviceSectionName::Configuration => "configuration",
            DeviceSectionName::Logs => "logs",
            DeviceSectionName::Entra => "entra",
            DeviceSectionName::Autopilot => "autopilot",
            DeviceSectionName::Deployments => "deployments",
        }
    }

    /// Looked up by the device's Entra id or serial number.
    fn needs_keys(self) -> bool {
        matches!(self, DeviceSectionName::Entra | DeviceSectionName::Autopilot | DeviceSectionName::Deployments)
    }
}

/// What the lookups by key need to know of a device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceKeys {
    /// `None` for a device that never registered in Entra (Intune sends a zero GUID).
    pub azure_ad_device_id: Option<String>,
    pub serial_number: Option<String>,
    pub windows: bool,
}

impl DeviceKeys {
    pub fn of(device: &ManagedDevice) -> DeviceKeys {
        fn present(value: &Option<String>) -> Option<&str> {
            value.as_deref().map(str::trim).filter(|v| !v.is_empty() && v.chars().any(|c| c != '0' && c != '-'))
        }
        DeviceKeys {
            azure_ad_device_id: present(&device.azure_ad_device_id).map(str::to_string),
            serial_number: present(&device.serial_number).map(str::to_string),
            windows: device.operating_system.as_deref().is_some_and(|os| os.eq_ignore_ascii_case("windows")),
        }
    }
}

/// What a device session starts from: the user's object id, the device id, and the keys the
/// user's device list gives (`None` when the list could not be read or lacks the device).
/// `None` while the user or their list is still loading.
pub fn starting_point(session: UserSession, device_id: String) -> Option<(String, String, Option<DeviceKeys>)> {
    let user_id = session.user.with(|u| u.loaded().and_then(|l| l.items.first().map(|u| u.id.clone())))?;
    let keys = session.devices.with(|devices| match devices {
        Section::Loading(_) => None,
        Section::Failed(_) => Some(None),
        Section::Ready(loaded) => match loaded.items.iter().find(|d| d.id == device_id) {
            Some(device) => Some(Some(DeviceKeys::of(device))),
            None if loaded.complete => Some(None),
            None => None,
        },
    })?;
    Some((user_id, device_id, keys))
}

#[derive(Clone, Copy)]
pub struct DeviceSession {
    pub device_id: StoredValue<String>,
    /// The selected user: policy states and their settings are read for them.
    user_id: StoredValue<String>,
    keys: StoredValue<Option<DeviceKeys>>,
    pub device: RwSignal<Section<ManagedDevice>>,
    pub details: RwSignal<Section<DeviceDetails>>,
    pub primary_users: RwSignal<Section<User>>,
    pub compliance: RwSignal<Section<PolicyState>>,
    pub configuration: RwSignal<Section<PolicyState>>,
    pub logs: RwSignal<Section<LogCollectionRequest>>,
    pub entra: RwSignal<Section<EntraDevice>>,
    pub autopilot: RwSignal<Section<AutopilotIdentity>>,
    pub deployments: RwSignal<Section<AutopilotEvent>>,
    client: StoredValue<GraphClient>,
    loads: Loads,
}

impl DeviceSession {
    pub fn new(user_id: &str, device_id: &str, client: GraphClient) -> DeviceSession {
        fn loading<T: Send + Sync + 'static>() -> RwSignal<Section<T>> {
            RwSignal::new(Section::Loading(None))
        }
        DeviceSession {
            device_id: StoredValue::new(device_id.to_string()),
            user_id: StoredValue::new(user_id.to_string()),
            keys: StoredValue::new(None),
            device: loading(),
            details: loading(),
            primary_users: loading(),
            compliance: loading(),
            configuration: loading(),
            logs: loading(),
            entra: loading(),
            autopilot: loading(),
            deployments: loading(),
            client: StoredValue::new(client),
            loads: Loads::new(),
        }
    }

    /// The call behind a section; `None` when it has nothing to look up (no Entra id, not a
    /// Windows device, no serial number).
    fn source(&self, name: DeviceSectionName, keys: Option<&DeviceKeys>) -> Option<(ApiVersion, String)> {
        let device = self.device_id.get_value();
        let user = self.user_id.get_value();
        Some(match name {
            DeviceSectionName::Device => (ApiVersion::V1, queries::managed_device_record(&device)),
            DeviceSectionName::Details => (ApiVersion::Beta, queries::device_details(&device)),
            DeviceSectionName::PrimaryUsers => (ApiVersion::Beta, queries::device_users(&device)),
            DeviceSectionName::Compliance => {
                (ApiVersion::V1, queries::device_policy_states(&user, &device, PolicyKind::Compliance))
            }
            DeviceSectionName::Configuration => {
                (ApiVersion::V1, queries::device_policy_states(&user, &device, PolicyKind::Configuration))
            }
            DeviceSectionName::Logs => (ApiVersion::V1, queries::log_collection_requests(&device)),
            DeviceSectionName::Entra => (ApiVersion::V1, queries::entra_device(keys?.azure_ad_device_id.as_deref()?)),
            DeviceSectionName::Autopilot => {
                let keys = keys.filter(|k| k.windows)?;
                (ApiVersion::Beta, queries::autopilot_identities(keys.serial_number.as_deref()?))
            }
            DeviceSectionName::Deployments => {
                keys.filter(|k| k.windows && k.serial_number.is_some())?;
                (ApiVersion::Beta, queries::AUTOPILOT_EVENTS.to_string())
            }
        })
    }

    pub fn is_loading(&self) -> bool {
        self.loads.is_loading()
    }

    /// Stops what is in flight; the answers that still arrive are dropped.
    pub fn cancel(&self) {
        self.loads.cancel()
    }

    /// The selected user, whose setting states the policy sections keep.
    pub fn user_id(&self) -> String {
        self.user_id.get_value()
    }

    /// Loads every section: in one round when `keys` (from the user's device list) are known.
    pub fn load(self, keys: Option<DeviceKeys>) {
        let client = self.client.get_value();
        let (generation, signal) = self.loads.start();
        self.keys.set_value(keys.clone());
        for name in DeviceSectionName::ALL {
            self.set_loading(name, None);
        }
        spawn_local(async move {
            let waiting: Progress = Rc::new(move |event: ProgressEvent| {
                if self.loads.current(generation) {
                    for name in DeviceSectionName::ALL {
                        self.note_waiting(name, &event);
                    }
                }
            });
            let first: Vec<DeviceSectionName> =
                DeviceSectionName::ALL.into_iter().filter(|name| keys.is_some() || !name.needs_keys()).collect();
            self.round(&client, &first, keys.as_ref(), generation, signal.clone(), &waiting).await;
            if keys.is_none() && self.loads.current(generation) {
                let found =
                    self.device.with_untracked(|d| d.loaded().and_then(|l| l.items.first().map(DeviceKeys::of)));
                match found {
                    Some(keys) => {
                        self.keys.set_value(Some(keys.clone()));
                        let second: Vec<DeviceSectionName> =
                            DeviceSectionName::ALL.into_iter().filter(|name| name.needs_keys()).collect();
                        self.round(&client, &second, Some(&keys), generation, signal, &waiting).await;
                    }
                    None => {
                        // Without the device record there is nothing to look the others up by.
                        let error = self.device.with_untracked(|d| match d {
                            Section::Failed(error) => Some(error.clone()),
                            _ => None,
                        });
                        for name in DeviceSectionName::ALL.into_iter().filter(|name| name.needs_keys()) {
                            match &error {
                                Some(error) => self.fail(name, generation, error.clone()),
                                None => self.nothing_to_look_up(name),
                            }
                        }
                    }
                }
            }
            self.loads.finish(generation);
        });
    }

    /// One `$batch` per version for `names`, then each section filled from its answer.
    async fn round(
        self,
        client: &GraphClient,
        names: &[DeviceSectionName],
        keys: Option<&DeviceKeys>,
        generation: u64,
        signal: Option<AbortSignal>,
        waiting: &Progress,
    ) {
        let mut calls = Vec::new();
        for name in names {
            match self.source(*name, keys) {
                Some(source) => calls.push((*name, source)),
                None => self.nothing_to_look_up(*name),
            }
        }
        let steps = |version: ApiVersion| -> Vec<BatchStep> {
            calls
                .iter()
                .filter(|(_, (v, _))| *v == version)
                .map(|(name, (_, url))| BatchStep::get(name.step_id(), url.clone()))
                .collect()
        };
        let calls = &calls;
        client
            .batch_each_version(steps, signal.as_ref(), waiting, |version, mut answers| {
                let signal = signal.clone();
                async move {
                    if !self.loads.current(generation) {
                        return;
                    }
                    let fills: Vec<_> = calls
                        .iter()
                        .filter(|(_, (v, _))| *v == version)
                        .map(|(name, _)| self.fill(client, *name, &mut answers, generation, signal.clone()))
                        .collect();
                    join_all(fills).await;
                }
            })
            .await;
    }

    /// Shows a section from its `$batch` answer; a list then pages in the rest.
    fn fill<'a>(
        self,
        client: &'a GraphClient,
        name: DeviceSectionName,
        answers: &mut BatchAnswers,
        generation: u64,
        signal: Option<AbortSignal>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + 'a>> {
        let id = name.step_id();
        let loads = self.loads;
        match name {
            DeviceSectionName::Device => {
                self.one(self.device, answers, id, generation);
                Box::pin(async {})
            }
            DeviceSectionName::Details => {
                self.one(self.details, answers, id, generation);
                Box::pin(async {})
            }
            DeviceSectionName::PrimaryUsers => Box::pin(loads.fill(
                client,
                self.primary_users,
                first_page(answers, id),
                generation,
                signal,
                Rc::new(every),
            )),
            DeviceSectionName::Compliance => Box::pin(loads.fill(
                client,
                self.compliance,
                first_page(answers, id),
                generation,
                signal,
                Rc::new(every),
            )),
            DeviceSectionName::Configuration => Box::pin(loads.fill(
                client,
                self.configuration,
                first_page(answers, id),
                generation,
                signal,
                Rc::new(every),
            )),
            DeviceSectionName::Logs => {
                Box::pin(loads.fill(client, self.logs, first_page(answers, id), generation, signal, Rc::new(every)))
            }
            DeviceSectionName::Entra => {
                Box::pin(loads.fill(client, self.entra, first_page(answers, id), generation, signal, Rc::new(every)))
            }
            DeviceSectionName::Autopilot => Box::pin(loads.fill(
                client,
                self.autopilot,
                first_page(answers, id),
                generation,
                signal,
                Rc::new(every),
            )),
            DeviceSectionName::Deployments => {
                // No filter is documented for deployments: the tenant's are read and this
                // device's kept, by its Intune id or serial number.
                let device_id = self.device_id.get_value();
                let serial = self.keys.get_value().and_then(|k| k.serial_number);
                let this_device = move |event: &AutopilotEvent| {
                    event.device_id.as_deref() == Some(device_id.as_str())
                        || (serial.is_some() && event.device_serial_number == serial)
                };
                Box::pin(loads.fill(
                    client,
                    self.deployments,
                    first_page(answers, id),
                    generation,
                    signal,
                    Rc::new(this_device),
                ))
            }
        }
    }

    /// A section holding one resource.
    fn one<T: DeserializeOwned + Send + Sync + 'static>(
        &self,
        target: RwSignal<Section<T>>,
        answers: &mut BatchAnswers,
        id: &str,
        generation: u64,
    ) {
        match super::loads::answer(answers, id).and_then(|text| decode_one::<T>(text.get())) {
            Ok(item) if self.loads.current(generation) => target.set(Section::Ready(Loaded::complete(vec![item]))),
            Ok(_) => {}
            Err(error) => self.loads.fail(target, generation, error),
        }
    }

    /// A lookup with no key (no Entra id, not Windows): an empty section, which its view explains.
    fn nothing_to_look_up(&self, name: DeviceSectionName) {
        match name {
            DeviceSectionName::Entra => self.entra.set(Section::Ready(Loaded::complete(vec![]))),
            DeviceSectionName::Autopilot => self.autopilot.set(Section::Ready(Loaded::complete(vec![]))),
            DeviceSectionName::Deployments => self.deployments.set(Section::Ready(Loaded::complete(vec![]))),
            _ => {}
        }
    }

    fn set_loading(&self, name: DeviceSectionName, event: Option<ProgressEvent>) {
        self.each(name, |section| section.set_loading(event.clone()));
    }

    fn note_waiting(&self, name: DeviceSectionName, event: &ProgressEvent) {
        self.each(name, |section| section.note_waiting(event));
    }

    fn fail(&self, name: DeviceSectionName, generation: u64, error: GraphError) {
        if self.loads.current(generation) {
            self.each(name, |section| section.set_failed(error.clone()));
        }
    }

    /// Runs `action` on the section `name` names, whatever its item type.
    fn each(&self, name: DeviceSectionName, mut action: impl FnMut(&dyn SectionState)) {
        match name {
            DeviceSectionName::Device => action(&self.device),
            DeviceSectionName::Details => action(&self.details),
            DeviceSectionName::PrimaryUsers => action(&self.primary_users),
            DeviceSectionName::Compliance => action(&self.compliance),
            DeviceSectionName::Configuration => action(&self.configuration),
            DeviceSectionName::Logs => action(&self.logs),
            DeviceSectionName::Entra => action(&self.entra),
            DeviceSectionName::Autopilot => action(&self.autopilot),
            DeviceSectionName::Deployments => action(&self.deployments),
        }
    }

    /// Reloads one section on its own (its Retry button).
    pub fn retry(self, name: DeviceSectionName) {
        let client = self.client.get_value();
        let generation = self.loads.generation();
        let keys = self.keys.get_value();
        let Some((version, url)) = self.source(name, keys.as_ref()) else { return };
        self.set_loading(name, None);
        spawn_local(async move {
            let progress: Progress = Rc::new(move |event: ProgressEvent| {
                if self.loads.current(generation) {
                    self.note_waiting(name, &event);
                }
            });
            let mut answers = client.batch(version, vec![BatchStep::get(name.step_id(), url)], None, &progress).await;
            self.fill(&client, name, &mut answers, generation, None).await;
        });
    }

    /// A link to download logs collected from the device (asked for when the operator wants it).
    pub async fn log_download_url(self, log_id: &str) -> Result<String, GraphError> {
        let client = self.client.get_value();
        let quiet: Progress = Rc::new(|_| {});
        client
            .read_action(ApiVersion::V1, &queries::log_download_url(&self.device_id.get_value(), log_id), &quiet)
            .await
    }
}

/// What the session does to a section without knowing its item type.
trait SectionState {
    fn set_loading(&self, event: Option<ProgressEvent>);
    fn note_waiting(&self, event: &ProgressEvent);
    fn set_failed(&self, error: GraphError);
}

impl<T: Send + Sync + 'static> SectionState for RwSignal<Section<T>> {
    fn set_loading(&self, event: Option<ProgressEvent>) {
        self.set(Section::Loading(event));
    }

    fn note_waiting(&self, event: &ProgressEvent) {
        note_loading(*self, event);
    }

    fn set_failed(&self, error: GraphError) {
        self.set(Section::Failed(error));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::models::decode_one;

    fn device(json: &str) -> ManagedDevice {
        decode_one(json).expect("a device")
    }

    #[test]
    fn keys_leave_out_the_zero_guid_of_a_device_never_registered_in_entra() {
        let keys = DeviceKeys::of(&device(
            r#"{"id":"d","operatingSystem":"Windows","azureADDeviceId":"00000000-0000-0000-0000-000000000000","serialNumber":" SN1 "}"#,
        ));
        assert_eq!(keys, DeviceKeys { azure_ad_device_id: None, serial_number: Some("SN1".into()), windows: true });
        let keys = DeviceKeys::of(&device(r#"{"id":"d","operatingSystem":"iOS","azureADDeviceId":"a1"}"#));
        assert_eq!(keys, DeviceKeys { azure_ad_device_id: Some("a1".into()), serial_number: None, windows: false });
    }

    #[test]
    fn with_keys_every_section_is_in_the_first_round_and_without_them_only_lookups_by_id() {
        let owner = Owner::new();
        let session = owner.with(|| DeviceSession::new("u", "d", GraphClient::new("http://127.0.0.1:9")));
        let keys = DeviceKeys { azure_ad_device_id: Some("a".into()), serial_number: Some("S".into()), windows: true };
        assert!(DeviceSectionName::ALL.iter().all(|name| session.source(*name, Some(&keys)).is_some()));
        let phone = DeviceKeys { windows: false, ..keys };
        assert!(session.source(DeviceSectionName::Autopilot, Some(&phone)).is_none(), "Autopilot is Windows only");
        assert!(session.source(DeviceSectionName::Entra, None).is_none());
        assert_eq!(
            session.source(DeviceSectionName::Compliance, None).map(|(_, url)| url),
            Some("/users/u/managedDevices/d/deviceCompliancePolicyStates".into())
        );
    }
}
