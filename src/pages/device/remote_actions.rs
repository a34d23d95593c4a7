//! Remote actions sent to the device (sync, restart, wipe…) and where each stands, the latest
//! first.

use leptos::prelude::*;

use crate::components::device_labels::{action_name, action_state};
use crate::components::labels::date_text;
use crate::components::section_view::SectionView;
use crate::domain::device_health::recent_actions;
use crate::graph::models::ManagedDevice;
use crate::i18n::{use_i18n, ViewMsg};
use crate::state::device_session::{DeviceSectionName, DeviceSession};
use crate::state::section::Loaded;

#[component]
pub fn RemoteActions(session: DeviceSession) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <SectionView section=session.device on_retry=move |_| session.retry(DeviceSectionName::Device) label=ViewMsg::RemoteActions
            content={move |loaded: Loaded<ManagedDevice>| {
                let actions = loaded.items.first().map(recent_actions).unwrap_or_default();
                move || {
                    if actions.is_empty() {
                        return view! { <p>{i18n.t(ViewMsg::NoRemoteActions)}</p> }.into_any();
                    }
                    view! {
                        <table class="plain" data-testid="remote-actions">
                            <caption class="visually-hidden">{i18n.t(ViewMsg::RemoteActions)}</caption>
                            <thead><tr>
                                <th scope="col">{i18n.t(ViewMsg::ColAction)}</th>
                                <th scope="col">{i18n.t(ViewMsg::ColState)}</th>
                                <th scope="col">{i18n.t(ViewMsg::ColStarted)}</th>
                                <th scope="col">{i18n.t(ViewMsg::ColUpdated)}</th>
                            </tr></thead>
                            <tbody>
                                {actions.iter().map(|action| {
                                    let (state, tone) = action_state(&i18n, action.action_state.as_ref());
                                    view! {
                                        <tr>
                                            <td>{action_name(&i18n, action.action_name.as_deref())}</td>
                                            <td><span class=tone.class()><span aria-hidden="true">{tone.mark()}" "</span>{state}</span></td>
                                            <td>{date_text(&i18n, action.start_date_time.as_ref())}</td>
                                            <td>{date_text(&i18n, action.last_updated_date_time.as_ref())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any()
                }
            }}
        />
    }
}
