//! Logs Intune collected from the device: status, when, size, and for completed ones a download
//! link asked for only when the operator wants it; the platform's "collect data" guidance beside.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::collect_data::{resource_link, CollectData};
use crate::components::device_labels::{log_status, size_from_kb};
use crate::components::labels::date_text;
use crate::components::section_error::describe;
use crate::components::section_view::SectionView;
use crate::graph::models::{LogCollectionRequest, LogStatus};
use crate::i18n::{use_i18n, ViewMsg};
use crate::state::device_session::{DeviceSectionName, DeviceSession};
use crate::state::section::Loaded;

/// The download link of one completed collection: a button until asked for, then the link or
/// why there is none.
#[component]
fn DownloadLink(session: DeviceSession, log_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let link = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    let ask = move |_| {
        let log_id = log_id.clone();
        busy.set(true);
        spawn_local(async move {
            let answer = session.log_download_url(&log_id).await.map_err(|error| describe(&i18n, &error));
            link.try_set(Some(answer));
            busy.try_set(false);
        });
    };
    move || {
        match link.get() {
        None => view! { <button type="button" on:click=ask.clone() disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{i18n.t(ViewMsg::GetDownloadLink)}</button> }.into_any(),
        Some(Ok(url)) => resource_link(i18n.t(ViewMsg::DownloadLogs).to_string(), Some(url), i18n.lang.get()),
        Some(Err(reason)) => view! { <span role="alert">{i18n.fmt(ViewMsg::DownloadLinkFailed, &[&reason])}</span> }.into_any(),
    }
    }
}

#[component]
pub fn DeviceLogs(session: DeviceSession) -> impl IntoView {
    let i18n = use_i18n();
    let os = move || {
        session.device.with(|d| d.loaded().and_then(|l| l.items.first().and_then(|d| d.operating_system.clone())))
    };
    view! {
        <SectionView section=session.logs on_retry=move |_| session.retry(DeviceSectionName::Logs) label=ViewMsg::DeviceLogs
            content={move |loaded: Loaded<LogCollectionRequest>| {
                if loaded.items.is_empty() {
                    return view! { <p>{move || i18n.t(ViewMsg::NoLogs)}</p> }.into_any();
                }
                let mut logs = loaded.items.to_vec();
                logs.sort_by_key(|log| std::cmp::Reverse(log.requested.as_ref().map_or(i128::MIN, |t| t.sort_key())));
                view! {
                    <table class="plain" data-testid="log-table">
                        <caption class="visually-hidden">{move || i18n.t(ViewMsg::DeviceLogs)}</caption>
                        <thead><tr>
                            <th scope="col">{move || i18n.t(ViewMsg::ColState)}</th>
                            <th scope="col">{move || i18n.t(ViewMsg::ColRequested)}</th>
                            <th scope="col">{move || i18n.t(ViewMsg::ColReceived)}</th>
                            <th scope="col">{move || i18n.t(ViewMsg::ColSize)}</th>
                            <th scope="col">{move || i18n.t(ViewMsg::ColRequestedBy)}</th>
                            <th scope="col">{move || i18n.t(ViewMsg::ColExpires)}</th>
                            <th scope="col"><span class="visually-hidden">{move || i18n.t(ViewMsg::DownloadLogs)}</span></th>
                        </tr></thead>
                        <tbody>
                            {logs.into_iter().map(|log| {
                                let completed = log.status == Some(LogStatus::Completed);
                                let size = log.size_in_kb.filter(|_| completed);
                                let log_id = log.id.clone();
                                view! {
                                    <tr>
                                        <td>{move || { let (text, tone) = log_status(&i18n, log.status.as_ref()); view! { <span class=tone.class()><span aria-hidden="true">{tone.mark()}" "</span>{text}</span> } }}</td>
                                        <td>{move || date_text(&i18n, log.requested.as_ref())}</td>
                                        <td>{move || date_text(&i18n, log.received.as_ref())}</td>
                                        <td>{move || size.map(|kb| size_from_kb(&i18n, kb))}</td>
                                        <td>{log.initiated_by_user_principal_name.clone()}</td>
                                        <td>{move || date_text(&i18n, log.expires.as_ref())}</td>
                                        <td>{completed.then(|| view! { <DownloadLink session=session log_id=log_id.clone()/> })}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        />
        {move || view! { <CollectData os=os().unwrap_or_default() nested=true/> }}
    }
}
