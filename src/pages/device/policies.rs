//! The compliance and configuration policies on this device, their state for the selected user
//! and, for those that fail, the settings that make them fail.

use leptos::prelude::*;
use stylers::style;

use crate::components::failing_settings::FailingSettings;
use crate::components::labels::policy_status;
use crate::components::section_view::SectionView;
use crate::domain::compliance::for_user;
use crate::graph::models::PolicyState;
use crate::i18n::{use_i18n, Text, ViewMsg};
use crate::state::device_session::{DeviceSectionName, DeviceSession};
use crate::state::section::{Loaded, Section};

#[component]
fn PolicyList(
    section: RwSignal<Section<PolicyState>>,
    user_id: String,
    #[prop(into)] title: Text,
    on_retry: Callback<()>,
    #[prop(optional)] scope_note: Option<ViewMsg>,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"PolicyList",
        h4 {
            margin: var(--space-2) 0 var(--space-1) 0;
        }
        .note {
            color: var(--muted);
        }
        li {
            display: flex;
            justify-content: space-between;
            gap: var(--space-2);
            max-width: 48rem;
        }
    };
    view! { class=class,
        <h4>{move || i18n.t(title)}</h4>
        {scope_note.map(|note| view! { class=class, <p class="note" role="note">{move || i18n.t(note)}</p> })}
        <SectionView section=section on_retry=on_retry label=title
            content={move |loaded: Loaded<PolicyState>| {
                // Setting states are per user: on a shared device only the selected user's count.
                let mut other_users = 0;
                let policies: Vec<PolicyState> = loaded.items.iter().map(|policy| {
                    let (policy, others) = for_user(policy.clone(), &user_id);
                    other_users += others;
                    policy
                }).collect();
                let failing: Vec<(String, PolicyState)> =
                    policies.iter().map(|p| (p.display_name.clone().unwrap_or_default(), p.clone())).collect();
                view! { class=class,
                    {(other_users > 0).then(|| view! { class=class, <p class="note" role="note">{move || i18n.fmt(ViewMsg::OtherUsersSettings, &[&other_users.to_string()])}</p> })}
                    <ul>
                        {policies.into_iter().map(|policy| {
                            let name = policy.display_name.clone().unwrap_or_default();
                            view! { class=class,
                                <li>
                                    <span>{name}</span>
                                    {move || { let (text, tone) = policy_status(&i18n, policy.state.as_ref()); view! { class=class, <span class=tone.class()><span aria-hidden="true">{tone.mark()}" "</span>{text}</span> } }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <FailingSettings entries=failing/>
                }
            }}
        />
    }
}

#[component]
pub fn DevicePolicies(session: DeviceSession) -> impl IntoView {
    let user_id = session.user_id();
    view! {
        <PolicyList section=session.compliance user_id=user_id.clone() title=ViewMsg::TabCompliance
            on_retry=Callback::new(move |_| session.retry(DeviceSectionName::Compliance))/>
        <PolicyList section=session.configuration user_id=user_id title=ViewMsg::TabConfiguration
            on_retry=Callback::new(move |_| session.retry(DeviceSectionName::Configuration))
            scope_note=ViewMsg::ConfigurationListScope/>
    }
}
