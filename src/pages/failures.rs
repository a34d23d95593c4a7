//! `/users/:id/enrollment-failures`: failed enrollments, newest first; a row opens the drill-down.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::data_table::{Column, DataTable, RowLink};
use crate::components::labels::{event_date, failure_title};
use crate::components::user_tab::{use_user_address, user_section};
use crate::domain::table::{timestamp_key, Direction, SortKey};
use crate::graph::models::TroubleshootingEvent;
use crate::i18n::ViewMsg;
use crate::routes::failure_route;
use crate::state::section::Loaded;
use crate::state::user_session::SectionName;

fn columns() -> Vec<Column<TroubleshootingEvent>> {
    vec![
        Column::<TroubleshootingEvent>::new(ViewMsg::ColEnrollmentStart, event_date, |e| {
            timestamp_key(e.event_date_time.as_ref())
        }),
        Column::<TroubleshootingEvent>::new(
            ViewMsg::ColOs,
            |e, _| e.operating_system.clone().unwrap_or_default(),
            |e| SortKey::text(e.operating_system.as_deref()),
        ),
        Column::<TroubleshootingEvent>::new(
            ViewMsg::ColOsVersion,
            |e, _| e.os_version.clone().unwrap_or_default(),
            |e| SortKey::text(e.os_version.as_deref()),
        ),
        Column::<TroubleshootingEvent>::new(ViewMsg::ColFailure, failure_title, |e| {
            SortKey::text(e.failure_reason.as_deref())
        }),
    ]
}

#[component]
pub fn FailuresPage() -> impl IntoView {
    let key = use_user_address().with_untracked(|a| a.key.clone());
    let link: RowLink<TroubleshootingEvent> = Arc::new(move |event| Some(failure_route(&key, &event.id)));
    user_section(
        |s| s.failures.into(),
        SectionName::Failures,
        ViewMsg::TabFailures,
        move |_, loaded: Loaded<TroubleshootingEvent>| {
            view! { <DataTable rows=loaded.items columns=columns() caption=ViewMsg::TabFailures sort=(0, Direction::Descending) links=vec![(0, link.clone())] csv_name="enrollment-failures"/> }
        },
    )
}
