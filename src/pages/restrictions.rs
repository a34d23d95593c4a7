//! `/users/:id/enrollment-restrictions`: the restriction that applies to this user for each
//! platform and for the device limit, and why; then every restriction of the tenant in the
//! order Intune considers them, with whom it targets.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use stylers::style;

use crate::components::data_table::{Column, DataTable};
use crate::components::enrollment_summary::{platform_name, rule_text, UserGroups};
use crate::components::user_tab::user_section;
use crate::domain::assignments::{target, Target};
use crate::domain::restrictions::{
    effective, in_priority_order, is_default, kind, reach, restriction_for, Applied, Kind, Platform, Reach, Why,
};
use crate::domain::table::{Direction, SortKey};
use crate::graph::models::{EnrollmentConfiguration, RestrictionPlatform};
use crate::i18n::{use_i18n, I18n, ViewMsg};
use crate::state::section::{Loaded, Section};
use crate::state::user_session::SectionName;

fn restriction_platform_name(platform: &RestrictionPlatform, i18n: &I18n) -> String {
    let known = match platform {
        RestrictionPlatform::Ios => Platform::Ios,
        RestrictionPlatform::Android => Platform::Android,
        RestrictionPlatform::AndroidForWork => Platform::AndroidForWork,
        RestrictionPlatform::Windows => Platform::Windows,
        RestrictionPlatform::Mac => Platform::Mac,
        RestrictionPlatform::AllPlatforms => return i18n.t(ViewMsg::PlatformAll).to_string(),
        RestrictionPlatform::WindowsPhone => return "Windows Phone".to_string(),
        RestrictionPlatform::Linux => return "Linux".to_string(),
        RestrictionPlatform::Unknown(raw) => return i18n.fmt(ViewMsg::StateNew, &[raw]),
    };
    platform_name(known, i18n).to_string()
}

fn config_rule(config: &EnrollmentConfiguration, i18n: &I18n) -> String {
    match kind(config) {
        Kind::Limit(limit) => i18n.fmt(ViewMsg::DeviceLimit, &[&limit.map(|l| l.to_string()).unwrap_or_default()]),
        Kind::Other => String::new(),
        Kind::SinglePlatform(_) | Kind::AllPlatforms => Platform::ALL
            .iter()
            .filter_map(|&platform| {
                restriction_for(config, platform)
                    .map(|r| format!("{}: {}", platform_name(platform, i18n), rule_text(r, i18n)))
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn kind_text(config: &EnrollmentConfiguration, i18n: &I18n) -> String {
    match kind(config) {
        Kind::Limit(_) => i18n.t(ViewMsg::KindDeviceLimit).to_string(),
        Kind::AllPlatforms => i18n.t(ViewMsg::KindAllPlatforms).to_string(),
        Kind::SinglePlatform(platform) => {
            i18n.fmt(ViewMsg::KindSinglePlatform, &[&restriction_platform_name(&platform, i18n)])
        }
        Kind::Other => i18n.t(ViewMsg::KindOtherConfiguration).to_string(),
    }
}

fn priority_text(config: &EnrollmentConfiguration, i18n: &I18n) -> String {
    if is_default(config) {
        return i18n.t(ViewMsg::PriorityDefault).to_string();
    }
    config.priority.map(|p| p.to_string()).unwrap_or_default()
}

fn why_text(why: &Why, groups: &UserGroups, i18n: &I18n) -> String {
    match why {
        Why::Default => i18n.t(ViewMsg::WhyDefault).to_string(),
        Why::AllUsers => i18n.t(ViewMsg::WhyAllUsers).to_string(),
        Why::Group(id) => i18n.fmt(ViewMsg::WhyGroup, &[&groups.name(id, i18n)]),
    }
}

fn name_of(config: &EnrollmentConfiguration) -> String {
    config.display_name.clone().unwrap_or_else(|| config.id.clone())
}

/// "X (priority 1) does not apply: excluded through group Y", for each restriction passed over.
fn passed_over_text(applied: &Applied, groups: &UserGroups, i18n: &I18n) -> Vec<String> {
    applied
        .passed_over
        .iter()
        .map(|(config, reach)| {
            let (name, priority) = (name_of(config), priority_text(config, i18n));
            match reach {
                Reach::Excluded(group) => {
                    i18n.fmt(ViewMsg::PassedOverExcluded, &[&name, &priority, &groups.name(group, i18n)])
                }
                _ => i18n.fmt(ViewMsg::PassedOverCannotTell, &[&name, &priority]),
            }
        })
        .collect()
}

/// One line of "what applies": the platform or the limit, the rule, the restriction and why.
#[derive(Clone)]
pub struct AppliedLine {
    pub subject: String,
    pub rule: String,
    pub source: String,
    pub why: String,
    pub passed_over: Vec<String>,
}

/// What applies to the user, in words: the device limit first, then each platform.
pub fn applied_lines(configs: &[EnrollmentConfiguration], groups: &UserGroups, i18n: &I18n) -> Vec<AppliedLine> {
    let effective = effective(configs, &groups.ids);
    let line =
        |subject: String, applied: Option<&Applied>, rule: &dyn Fn(&EnrollmentConfiguration) -> String| match applied {
            Some(applied) => AppliedLine {
                subject,
                rule: rule(applied.config),
                source: format!("{} ({})", name_of(applied.config), priority_text(applied.config, i18n)),
                why: why_text(&applied.why, groups, i18n),
                passed_over: passed_over_text(applied, groups, i18n),
            },
            None => AppliedLine {
                subject,
                rule: i18n.t(ViewMsg::NoRestrictionApplies).to_string(),
                source: String::new(),
                why: String::new(),
                passed_over: vec![],
            },
        };
    let mut lines = vec![line(i18n.t(ViewMsg::KindDeviceLimit).to_string(), effective.limit.as_ref(), &|config| {
        config_rule(config, i18n)
    })];
    for (platform, applied) in &effective.platforms {
        let platform = *platform;
        let rule = move |config: &EnrollmentConfiguration| {
            restriction_for(config, platform).map(|r| rule_text(r, i18n)).unwrap_or_default()
        };
        lines.push(line(platform_name(platform, i18n).to_string(), applied.as_ref(), &rule));
    }
    lines
}

/// A restriction with whom it targets and whether it reaches this user, in words.
pub struct RestrictionRow {
    config: EnrollmentConfiguration,
    order: usize,
    assigned_to: String,
    applies: String,
}

fn target_text(target: &Target, groups: &UserGroups, i18n: &I18n) -> String {
    match target {
        Target::AllUsers => i18n.t(ViewMsg::AllUsers).to_string(),
        Target::AllDevices => i18n.t(ViewMsg::TargetAllDevices).to_string(),
        Target::Group(id) => groups.name(id, i18n),
        Target::ExcludedGroup(id) => i18n.fmt(ViewMsg::TargetExcluded, &[&groups.name(id, i18n)]),
        Target::ConfigurationManagerCollection(id) => i18n.fmt(ViewMsg::TargetCollection, &[id]),
        Target::Unknown(raw) => i18n.fmt(ViewMsg::StateNew, &[raw]),
    }
}

fn reach_text(reach: &Reach, groups: &UserGroups, i18n: &I18n) -> String {
    match reach {
        Reach::Applies(why) => i18n.fmt(ViewMsg::AppliesYes, &[&why_text(why, groups, i18n)]),
        Reach::Excluded(group) => i18n.fmt(ViewMsg::AppliesExcluded, &[&groups.name(group, i18n)]),
        Reach::CannotTell => i18n.t(ViewMsg::AppliesCannotTell).to_string(),
        Reach::NotAssigned => i18n.t(ViewMsg::AppliesNo).to_string(),
    }
}

fn columns() -> Vec<Column<RestrictionRow>> {
    vec![
        Column::<RestrictionRow>::new(
            ViewMsg::ColName,
            |r, _| name_of(&r.config),
            |r| SortKey::text(r.config.display_name.as_deref()),
        ),
        Column::<RestrictionRow>::new(
            ViewMsg::ColPriority,
            |r, i18n| priority_text(&r.config, i18n),
            |r| SortKey::Number(r.order as i128),
        ),
        Column::<RestrictionRow>::new(
            ViewMsg::ColKind,
            |r, i18n| kind_text(&r.config, i18n),
            |r| SortKey::Number(r.order as i128),
        ),
        Column::<RestrictionRow>::new(ViewMsg::ColRule, |r, i18n| config_rule(&r.config, i18n), |_| SortKey::Missing),
        Column::<RestrictionRow>::new(
            ViewMsg::ColAssignedTo,
            |r, _| r.assigned_to.clone(),
            |r| SortKey::text(Some(&r.assigned_to)),
        ),
        Column::<RestrictionRow>::new(
            ViewMsg::ColAppliesToUser,
            |r, _| r.applies.clone(),
            |r| SortKey::text(Some(&r.applies)),
        ),
    ]
}

#[component]
pub fn RestrictionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"RestrictionsPage",
        .applied {
            margin: 0 0 var(--space-4) 0;
        }
        .applied table {
            border-collapse: collapse;
        }
        .applied th, .applied td {
            text-align: left;
            vertical-align: top;
            padding: var(--space-1) var(--space-3) var(--space-1) 0;
            border-bottom: 1px solid var(--border);
        }
        .muted {
            color: var(--muted);
            font-size: var(--font-small);
        }
    };
    user_section(
        |s| s.restrictions.into(),
        SectionName::Restrictions,
        ViewMsg::TabRestrictions,
        move |session, loaded: Loaded<EnrollmentConfiguration>| {
            let configs = loaded.items.clone();
            let groups_section = session.groups;
            let applied = move || {
                match groups_section.with(UserGroups::from_section) {
                Some(groups) => {
                    let lines = applied_lines(&configs, &groups, &i18n);
                    view! { class=class,
                    <table data-testid="applied-restrictions">
                        <thead><tr>
                            <th scope="col">{i18n.t(ViewMsg::ColPlatform)}</th>
                            <th scope="col">{i18n.t(ViewMsg::ColRule)}</th>
                            <th scope="col">{i18n.t(ViewMsg::ColRestriction)}</th>
                            <th scope="col">{i18n.t(ViewMsg::ColWhy)}</th>
                        </tr></thead>
                        <tbody>
                            {lines.into_iter().map(|line| view! { class=class,
                                <tr>
                                    <th scope="row">{line.subject}</th>
                                    <td>{line.rule}</td>
                                    <td>{line.source}</td>
                                    <td>{line.why}{line.passed_over.into_iter().map(|text| view! { class=class, <div class="muted">{text}</div> }).collect_view()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
                }
                None if groups_section.with(|g| matches!(g, Section::Failed(_))) => {
                    view! { class=class, <p role="note">{i18n.t(ViewMsg::RestrictionsNoGroups)}</p> }.into_any()
                }
                None => {
                    view! { class=class, <p class="muted" aria-busy="true">{i18n.t(ViewMsg::RestrictionsWaitGroups)}</p> }
                        .into_any()
                }
            }
            };
            let rows = move || {
                let groups = groups_section
                    .with(UserGroups::from_section)
                    .unwrap_or_else(|| UserGroups { ids: HashSet::new(), objects: Arc::default() });
                let known = groups_section.with(|g| g.loaded().is_some_and(|l| l.complete));
                let rows: Vec<RestrictionRow> = in_priority_order(&loaded.items)
                    .into_iter()
                    .enumerate()
                    .map(|(order, config)| {
                        let assigned_to = config
                            .assignments
                            .iter()
                            .filter_map(|a| a.target.as_ref())
                            .map(|t| target_text(&target(t), &groups, &i18n))
                            .collect::<Vec<_>>()
                            .join(", ");
                        let applies =
                            if known { reach_text(&reach(config, &groups.ids), &groups, &i18n) } else { String::new() };
                        RestrictionRow { config: config.clone(), order, assigned_to, applies }
                    })
                    .collect();
                view! { <DataTable rows=Arc::new(rows) columns=columns() caption=ViewMsg::TabRestrictions sort=(1, Direction::Ascending) csv_name="enrollment-restrictions"/> }
            };
            view! { class=class,
                <section class="applied" aria-labelledby="applied-title">
                    <h2 id="applied-title">{move || i18n.t(ViewMsg::RestrictionsApplied)}</h2>
                    {applied}
                </section>
                {rows}
            }
        },
    )
}
