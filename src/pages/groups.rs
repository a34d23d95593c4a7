//! `/users/:id/groups`: every group, role and administrative unit the user is in, direct or inherited.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::data_table::{Column, DataTable};
use crate::components::user_tab::user_section;
use crate::domain::groups::{hidden_name_needs, memberships, GroupKind, Membership};
use crate::domain::table::{Direction, SortKey};
use crate::graph::models::DirectoryObject;
use crate::i18n::{I18n, Msg, ViewMsg};
use crate::state::section::{Loaded, Section};
use crate::state::user_session::{SectionName, UserSession};

fn kind_text(kind: GroupKind, i18n: &I18n) -> String {
    i18n.t(match kind {
        GroupKind::Security => ViewMsg::KindSecurity,
        GroupKind::Microsoft365 => ViewMsg::KindMicrosoft365,
        GroupKind::DynamicSecurity => ViewMsg::KindDynamicSecurity,
        GroupKind::DynamicMicrosoft365 => ViewMsg::KindDynamicMicrosoft365,
        GroupKind::DirectoryRole => ViewMsg::KindRole,
        GroupKind::AdministrativeUnit => ViewMsg::KindAdminUnit,
        GroupKind::Other => ViewMsg::KindOther,
    })
    .to_string()
}

/// The name, or why Graph hid it ("name hidden: needs RoleManagement.Read.Directory"), and the id.
pub fn group_name(group: &DirectoryObject, i18n: &I18n) -> String {
    match hidden_name_needs(group) {
        None => group.display_name.clone().unwrap_or_default(),
        Some(permission) => i18n.fmt(ViewMsg::NameHidden, &[&permission.scopes.join(i18n.t(Msg::Or)), &group.id]),
    }
}

fn columns() -> Vec<Column<Membership>> {
    vec![
        Column::<Membership>::new(
            ViewMsg::ColName,
            |m, i18n| group_name(&m.group, i18n),
            |m| SortKey::text(m.group.display_name.as_deref()),
        ),
        Column::<Membership>::new(
            ViewMsg::ColKind,
            |m, i18n| kind_text(m.kind, i18n),
            |m| SortKey::Number(m.kind as i128),
        ),
        Column::<Membership>::new(
            ViewMsg::ColMembership,
            |m, i18n| i18n.t(if m.direct { ViewMsg::Direct } else { ViewMsg::Inherited }).to_string(),
            |m| SortKey::Number(i128::from(!m.direct)),
        ),
        Column::<Membership>::new(
            ViewMsg::ColRule,
            |m, _| m.group.membership_rule.clone().unwrap_or_default(),
            |m| SortKey::text(m.group.membership_rule.as_deref()),
        ),
    ]
}

#[component]
pub fn GroupsPage() -> impl IntoView {
    // The direct list only marks rows; the section is ready with the transitive list. A memo:
    // the merge copies every group, once per change rather than once per read.
    let memberships_of = |session: UserSession| -> Signal<Section<Membership>> {
        Memo::new_with_compare(
            move |_| match (session.groups.get(), session.direct_groups.get()) {
                (Section::Ready(all), Section::Ready(direct)) => Section::Ready(Loaded {
                    items: Arc::new(memberships(&all.items, &direct.items)),
                    skipped: all.skipped.clone(),
                    complete: all.complete && direct.complete,
                    total: all.total,
                    note: all.note.clone(),
                    failed_parts: Arc::default(),
                }),
                (Section::Failed(error), _) | (_, Section::Failed(error)) => Section::Failed(error),
                (Section::Loading(note), _) | (_, Section::Loading(note)) => Section::Loading(note),
            },
            |_, _| true,
        )
        .into()
    };
    user_section(memberships_of, SectionName::Groups, ViewMsg::TabGroups, |_, loaded: Loaded<Membership>| {
        view! { <DataTable rows=loaded.items columns=columns() caption=ViewMsg::TabGroups sort=(0, Direction::Ascending) csv_name="groups"/> }
    })
}
