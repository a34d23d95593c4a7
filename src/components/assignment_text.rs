//! An assignment explanation in words: what brought an item to the user or device, or what
//! kept it away, with the filter's rule and the device's values for it.

use std::collections::HashMap;

use crate::domain::assignments::{
    device_fact, FilterCheck, FilterResult, Filters, ItemKind, Path, Platform, Reach, Via,
};
use crate::domain::filter_rule::{Fact, Rule};
use crate::graph::models::{AppIntent, FilterMode, ManagedDevice};
use crate::i18n::{I18n, ViewMsg};

/// Group names the portal knows (the user's and the devices' groups), by id.
pub type GroupNames = HashMap<String, String>;

fn group(names: &GroupNames, id: &str, i18n: &I18n) -> String {
    names.get(id).cloned().unwrap_or_else(|| i18n.fmt(ViewMsg::GroupId, &[id]))
}

pub fn kind_text(kind: ItemKind, i18n: &I18n) -> &'static str {
    i18n.t(match kind {
        ItemKind::Compliance => ViewMsg::KindCompliance,
        ItemKind::Configuration => ViewMsg::KindConfiguration,
        ItemKind::SettingsCatalog => ViewMsg::KindSettingsCatalog,
        ItemKind::EndpointSecurity => ViewMsg::KindEndpointSecurity,
        ItemKind::App => ViewMsg::KindApp,
        ItemKind::AppProtection => ViewMsg::KindAppProtection,
    })
}

pub fn intent_text(intent: &AppIntent, i18n: &I18n) -> String {
    match intent {
        AppIntent::Required => i18n.t(ViewMsg::IntentRequired).to_string(),
        AppIntent::Available => i18n.t(ViewMsg::IntentAvailable).to_string(),
        AppIntent::Uninstall => i18n.t(ViewMsg::IntentUninstall).to_string(),
        AppIntent::AvailableWithoutEnrollment => i18n.t(ViewMsg::IntentAvailableWithoutEnrollment).to_string(),
        AppIntent::Unknown(raw) => i18n.fmt(ViewMsg::StateNew, &[raw]),
    }
}

fn platform_text(platform: Platform) -> &'static str {
    match platform {
        Platform::Windows => "Windows",
        Platform::Ios => "iOS/iPadOS",
        Platform::MacOs => "macOS",
        Platform::Android => "Android",
        Platform::Linux => "Linux",
    }
}

fn via_text(via: &Via, names: &GroupNames, i18n: &I18n) -> String {
    match via {
        Via::AllUsers => i18n.t(ViewMsg::WhyAllUsers).to_string(),
        Via::AllDevices => i18n.t(ViewMsg::ViaAllDevices).to_string(),
        Via::UserGroup(id, path) => {
            let message = match path {
                Path::Direct => ViewMsg::ViaGroupDirect,
                Path::Nested => ViewMsg::ViaGroupNested,
                Path::Member => ViewMsg::ViaGroup,
            };
            i18n.fmt(message, &[&group(names, id, i18n)])
        }
        Via::DeviceGroup(id, _) => i18n.fmt(ViewMsg::ViaDeviceGroup, &[&group(names, id, i18n)]),
    }
}

/// The rule of a filter and, for each property it reads, the device's value or "cannot tell".
fn rule_text(check: &FilterCheck, filters: &Filters, device: Option<&ManagedDevice>, i18n: &I18n) -> String {
    let Some(filter) = filters.get(&check.filter_id) else { return String::new() };
    let rule = filter.rule.clone().unwrap_or_default();
    let values = match (filters.rule(&check.filter_id), device) {
        (Some(Ok(parsed)), Some(device)) => device_values(parsed, device, i18n),
        _ => String::new(),
    };
    if values.is_empty() {
        i18n.fmt(ViewMsg::FilterRule, &[&rule])
    } else {
        i18n.fmt(ViewMsg::FilterRuleAndValues, &[&rule, &values])
    }
}

fn device_values(rule: &Rule, device: &ManagedDevice, i18n: &I18n) -> String {
    let mut seen: Vec<String> = Vec::new();
    for comparison in rule.comparisons() {
        let property = comparison.property.clone();
        if seen.iter().any(|p| p.eq_ignore_ascii_case(&property)) {
            continue;
        }
        seen.push(property);
    }
    seen.iter()
        .map(|property| {
            let value = match device_fact(device, &property.to_ascii_lowercase()) {
                Fact::Known(value) => value,
                Fact::Null => i18n.t(ViewMsg::FactEmpty).to_string(),
                Fact::Unknown => i18n.t(ViewMsg::FactUnknown).to_string(),
            };
            format!("{property} = {value}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn filter_text(check: &FilterCheck, filters: &Filters, device: Option<&ManagedDevice>, i18n: &I18n) -> String {
    let name = filters.get(&check.filter_id).and_then(|f| f.display_name.clone()).unwrap_or(check.filter_id.clone());
    let exclude = check.mode == FilterMode::Exclude;
    let message = match (&check.result, exclude) {
        (FilterResult::Match, false) => ViewMsg::FilterIncludeMatches,
        (FilterResult::NoMatch, false) => ViewMsg::FilterIncludeMisses,
        (FilterResult::Match, true) => ViewMsg::FilterExcludeMatches,
        (FilterResult::NoMatch, true) => ViewMsg::FilterExcludeMisses,
        (FilterResult::CannotTell, _) => ViewMsg::FilterCannotTell,
        (FilterResult::NoDevice, _) => ViewMsg::FilterNoDevice,
        (FilterResult::Missing, _) => ViewMsg::FilterMissing,
        (FilterResult::Unreadable(_), _) => ViewMsg::FilterUnreadable,
    };
    let sentence = i18n.fmt(message, &[&name]);
    let rule = rule_text(check, filters, device, i18n);
    if rule.is_empty() {
        sentence
    } else {
        format!("{sentence} {rule}")
    }
}

/// One sentence or two: why the item reaches, or does not reach, the subject.
pub fn explain(
    reach: &Reach,
    names: &GroupNames,
    filters: &Filters,
    device: Option<&ManagedDevice>,
    i18n: &I18n,
) -> String {
    match reach {
        Reach::Applies { via, filter, .. } => {
            let via = via_text(via, names, i18n);
            match filter {
                Some(check) => format!("{via}. {}", filter_text(check, filters, device, i18n)),
                None => format!("{via}."),
            }
        }
        Reach::Excluded { group: id, path, by_device } => {
            let message = match (by_device, path) {
                (true, _) => ViewMsg::ExcludedDeviceGroup,
                (false, Path::Nested) => ViewMsg::ExcludedNested,
                (false, _) => ViewMsg::ExcludedGroup,
            };
            i18n.fmt(message, &[&group(names, id, i18n)])
        }
        Reach::FilteredOut { via, filter, .. } | Reach::FilterUndecided { via, filter, .. } => {
            format!("{}. {}", via_text(via, names, i18n), filter_text(filter, filters, device, i18n))
        }
        Reach::WrongPlatform { made_for } => {
            let made_for: Vec<&str> = made_for.iter().map(|p| platform_text(*p)).collect();
            let os = device.and_then(|d| d.operating_system.clone()).unwrap_or_default();
            i18n.fmt(ViewMsg::WrongPlatform, &[&made_for.join(", "), &os])
        }
        Reach::OtherGroups { groups, all_devices } => {
            let named: Vec<String> = groups.iter().map(|id| group(names, id, i18n)).collect();
            match (named.is_empty(), all_devices) {
                (true, _) => i18n.t(ViewMsg::AllDevicesOnly).to_string(),
                (false, true) => i18n.fmt(ViewMsg::OtherGroupsAndDevices, &[&named.join(", ")]),
                (false, false) => i18n.fmt(ViewMsg::OtherGroups, &[&named.join(", ")]),
            }
        }
        Reach::DeviceGroupsUnknown { groups } => {
            let named: Vec<String> = groups.iter().map(|id| group(names, id, i18n)).collect();
            i18n.fmt(ViewMsg::DeviceGroupsUnknown, &[&named.join(", ")])
        }
        Reach::UnknownTargets => i18n.t(ViewMsg::UnknownTargets).to_string(),
        Reach::NotAssigned => i18n.t(ViewMsg::NotAssignedAnyone).to_string(),
    }
}
