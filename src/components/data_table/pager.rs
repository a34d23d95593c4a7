//! Previous and next page, with where the operator is.

use leptos::prelude::*;

use crate::i18n::{use_i18n, ViewMsg};

#[component]
pub(super) fn Pager(
    page: RwSignal<usize>,
    pages: Signal<usize>,
    /// The table's style scope.
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let previous = move |_| page.update(|p| *p = p.saturating_sub(1));
    let next = move |_| page.update(|p| *p = (*p + 1).min(pages.get() - 1));
    let at_last = move || page.get() + 1 >= pages.get();
    view! { class=class,
        <div class="pager">
            <button type="button" on:click=previous disabled=move || page.get() == 0>{move || i18n.t(ViewMsg::PreviousPage)}</button>
            <span>{move || i18n.fmt(ViewMsg::PageOf, &[&(page.get() + 1).to_string(), &pages.get().to_string()])}</span>
            <button type="button" on:click=next disabled=at_last>{move || i18n.t(ViewMsg::NextPage)}</button>
        </div>
    }
}
