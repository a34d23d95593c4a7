//! The enrollment card of the user status: the device limit that applies and how close the
//! user is to it, and the platforms blocked for them; with the words the restrictions tab shares.

use std::collections::HashSet;
use std::sync::Arc;

use crate::components::labels::Tone;
use crate::domain::restrictions::{effective, restriction_for, Kind, Platform};
use crate::graph::models::{DirectoryObject, EnrollmentConfiguration, ManagedDevice, PlatformRestriction};
use crate::i18n::{I18n, ViewMsg};
use crate::state::section::Section;

/// What the restrictions tab and the status card need to know of the user's groups.
#[derive(Clone)]
pub struct UserGroups {
    pub ids: HashSet<String>,
    pub objects: Arc<Vec<DirectoryObject>>,
}

impl UserGroups {
    /// The user's groups, once every page of them is in.
    pub fn from_section(section: &Section<DirectoryObject>) -> Option<UserGroups> {
        section.loaded().filter(|loaded| loaded.complete).map(|loaded| UserGroups {
            ids: loaded.items.iter().map(|group| group.id.clone()).collect(),
            objects: loaded.items.clone(),
        })
    }

    /// A group's name; only the user's own groups are known by name.
    pub fn name(&self, id: &str, i18n: &I18n) -> String {
        self.objects
            .iter()
            .find(|group| group.id == id)
            .and_then(|group| group.display_name.clone())
            .unwrap_or_else(|| i18n.fmt(ViewMsg::GroupId, &[id]))
    }
}

pub fn platform_name(platform: Platform, i18n: &I18n) -> &'static str {
    i18n.t(match platform {
        Platform::Ios => ViewMsg::PlatformIos,
        Platform::Android => ViewMsg::PlatformAndroid,
        Platform::AndroidForWork => ViewMsg::PlatformAndroidForWork,
        Platform::Windows => ViewMsg::PlatformWindows,
        Platform::Mac => ViewMsg::PlatformMac,
    })
}

/// The OS versions a restriction allows: "16.0–17.0", "≥ 16.0", "≤ 17.0".
pub fn version_range(minimum: Option<&str>, maximum: Option<&str>) -> Option<String> {
    match (minimum, maximum) {
        (Some(min), Some(max)) => Some(format!("{min}–{max}")),
        (Some(min), None) => Some(format!("≥ {min}")),
        (None, Some(max)) => Some(format!("≤ {max}")),
        (None, None) => None,
    }
}

/// One platform's rule in words: "Blocked", or "Allowed, 16.0–, personal devices blocked".
pub fn rule_text(restriction: &PlatformRestriction, i18n: &I18n) -> String {
    if restriction.platform_blocked == Some(true) {
        return i18n.t(ViewMsg::Blocked).to_string();
    }
    let mut parts = vec![i18n.t(ViewMsg::Allowed).to_string()];
    parts.extend(version_range(restriction.os_minimum_version.as_deref(), restriction.os_maximum_version.as_deref()));
    if restriction.personal_device_enrollment_blocked == Some(true) {
        parts.push(i18n.t(ViewMsg::PersonalBlocked).to_string());
    }
    if !restriction.blocked_manufacturers.is_empty() {
        parts.push(i18n.fmt(ViewMsg::BlockedManufacturers, &[&restriction.blocked_manufacturers.join(", ")]));
    }
    if !restriction.blocked_skus.is_empty() {
        parts.push(i18n.fmt(ViewMsg::BlockedSkus, &[&restriction.blocked_skus.join(", ")]));
    }
    parts.join(", ")
}

/// The card's lines with their tones, or `None` while the user's groups are still arriving.
pub fn enrollment_lines(
    configs: &[EnrollmentConfiguration],
    groups: &Section<DirectoryObject>,
    devices: &Section<ManagedDevice>,
    i18n: &I18n,
) -> Vec<(String, Tone)> {
    let Some(groups) = UserGroups::from_section(groups) else {
        return match groups {
            Section::Failed(_) => vec![(i18n.t(ViewMsg::RestrictionsNoGroups).to_string(), Tone::Warn)],
            _ => vec![(i18n.t(ViewMsg::RestrictionsWaitGroups).to_string(), Tone::Neutral)],
        };
    };
    let effective = effective(configs, &groups.ids);
    let mut lines = Vec::new();
    if let Some(applied) = &effective.limit {
        if let Kind::Limit(Some(limit)) = crate::domain::restrictions::kind(applied.config) {
            let name = applied.config.display_name.clone().unwrap_or_else(|| applied.config.id.clone());
            let enrolled = devices.loaded().filter(|l| l.complete).map(|l| l.items.len());
            let count = enrolled.map_or_else(|| "…".to_string(), |n| n.to_string());
            let reached = enrolled.is_some_and(|n| n as i64 >= limit);
            lines.push((
                i18n.fmt(ViewMsg::LimitStatus, &[&limit.to_string(), &name, &count]),
                if reached { Tone::Bad } else { Tone::Good },
            ));
            if reached {
                lines.push((i18n.t(ViewMsg::LimitReached).to_string(), Tone::Bad));
            }
        }
    }
    let blocked: Vec<&str> = effective
        .platforms
        .iter()
        .filter(|(platform, applied)| {
            applied
                .as_ref()
                .and_then(|a| restriction_for(a.config, *platform))
                .is_some_and(|r| r.platform_blocked == Some(true))
        })
        .map(|(platform, _)| platform_name(*platform, i18n))
        .collect();
    lines.push(if blocked.is_empty() {
        (i18n.t(ViewMsg::NoPlatformBlocked).to_string(), Tone::Good)
    } else {
        (i18n.fmt(ViewMsg::PlatformsBlocked, &[&blocked.join(", ")]), Tone::Warn)
    });
    lines
}
