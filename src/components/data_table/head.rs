//! Column headers that sort: a button a column, `aria-sort` on the sorted one.

use leptos::prelude::*;

use super::Column;
use crate::domain::table::Direction;
use crate::i18n::{I18n, ViewMsg};

/// The headers of `columns`; a click sorts by a column, a second click reverses it. `class` is
/// the table's style scope.
pub(super) fn sort_headers<T>(
    columns: &[Column<T>],
    sorting: RwSignal<(usize, Direction)>,
    i18n: I18n,
    class: &'static str,
) -> impl IntoView {
    columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let header = column.header;
            let aria_sort = move || match sorting.get() {
                (by, Direction::Ascending) if by == index => "ascending",
                (by, Direction::Descending) if by == index => "descending",
                _ => "none",
            };
            let arrow = move || match sorting.get() {
                (by, Direction::Ascending) if by == index => " ▲",
                (by, Direction::Descending) if by == index => " ▼",
                _ => "",
            };
            let toggle = move |_| {
                sorting.update(|(by, direction)| {
                    if *by == index {
                        *direction = direction.flipped();
                    } else {
                        *by = index;
                        *direction = Direction::Ascending;
                    }
                })
            };
            view! { class=class,
                <th scope="col" aria-sort=aria_sort>
                    <button type="button" on:click=toggle title=move || i18n.fmt(ViewMsg::SortBy, &[i18n.t(header)])>
                        {move || i18n.t(header)}<span aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view()
}
