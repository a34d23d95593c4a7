//! A table of rows with filter, sort, counts, pages and CSV export. Cells are text: backend
//! strings are never inserted as HTML.

use std::sync::Arc;

use leptos::prelude::*;
use stylers::style;

use crate::browser::download;
use crate::components::labels::Tone;
use crate::components::route_link::RouteLink;
use crate::domain::table::{haystack, matches_filter, to_csv, Direction, SortKey};
use crate::i18n::{use_i18n, I18n, Msg};

/// Rows a page shows; the others are one keystroke away, so long lists stay fast.
const PAGE_SIZE: usize = 100;

/// The address (from `crate::routes`) a row's first cell links to.
pub type RowLink<T> = Arc<dyn Fn(&T) -> String + Send + Sync>;

pub struct Column<T> {
    pub header: Msg,
    pub cell: fn(&T, &I18n) -> String,
    pub sort: fn(&T) -> SortKey,
    /// A mark and colour beside the words, for states.
    pub tone: Option<fn(&T, &I18n) -> Tone>,
}

impl<T> Clone for Column<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Column<T> {}

impl<T> Column<T> {
    pub fn new(header: Msg, cell: fn(&T, &I18n) -> String, sort: fn(&T) -> SortKey) -> Column<T> {
        Column { header, cell, sort, tone: None }
    }

    pub fn toned(mut self, tone: fn(&T, &I18n) -> Tone) -> Column<T> {
        self.tone = Some(tone);
        self
    }
}

#[component]
pub fn DataTable<T>(
    rows: Arc<Vec<T>>,
    columns: Vec<Column<T>>,
    caption: Msg,
    /// Column and direction the table starts sorted by.
    #[prop(default = (0, Direction::Ascending))]
    sort: (usize, Direction),
    /// Where the first cell of a row links to (a drill-down).
    #[prop(optional)]
    link: Option<RowLink<T>>,
    csv_name: &'static str,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let i18n = use_i18n();
    let filter = RwSignal::new(String::new());
    let sorting = RwSignal::new(sort);
    let page = RwSignal::new(0usize);
    let columns = Arc::new(columns);

    // Each row's text to filter on, built once (and again only when the language changes).
    let haystacks = {
        let rows = rows.clone();
        let columns = columns.clone();
        Memo::new(move |_| {
            i18n.lang.track();
            rows.iter()
                .map(|row| haystack(&columns.iter().map(|c| (c.cell)(row, &i18n)).collect::<Vec<_>>()))
                .collect::<Vec<String>>()
        })
    };
    // Row order as indices (rows themselves are never copied): sorted when the sort changes,
    // then filtered at each keystroke.
    let sorted = {
        let rows = rows.clone();
        let columns = columns.clone();
        Memo::new(move |_| {
            let (by, direction) = sorting.get();
            let mut indices: Vec<usize> = (0..rows.len()).collect();
            if let Some(column) = columns.get(by) {
                let keys: Vec<SortKey> = rows.iter().map(|row| (column.sort)(row)).collect();
                indices.sort_by(|a, b| direction.apply(keys[*a].cmp(&keys[*b])));
            }
            indices
        })
    };
    let order = Memo::new(move |_| {
        let text = filter.get();
        if text.trim().is_empty() {
            return sorted.get();
        }
        haystacks.with(|all| {
            sorted.with(|sorted| sorted.iter().copied().filter(|&i| matches_filter(&all[i], &text)).collect())
        })
    });
    Effect::new(move |_| {
        filter.track();
        if page.get_untracked() != 0 {
            page.set(0);
        }
    });
    let pages = move || order.with(|o| o.len().div_ceil(PAGE_SIZE).max(1));

    let export = {
        let rows = rows.clone();
        let columns = columns.clone();
        move |_| {
            let headers: Vec<&str> = columns.iter().map(|c| i18n.t(c.header)).collect();
            let lines: Vec<Vec<String>> = order
                .with(|o| o.iter().map(|&i| columns.iter().map(|c| (c.cell)(&rows[i], &i18n)).collect()).collect());
            download(
                &format!("{csv_name}.csv"),
                "text/csv;charset=utf-8",
                &to_csv(&headers, lines.iter().map(Vec::as_slice)),
            );
        }
    };

    let class = style! {"DataTable",
        .tools {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: var(--space-2) var(--space-4);
            margin-bottom: var(--space-2);
        }
        .count {
            color: var(--muted);
        }
        .scroll {
            overflow-x: auto;
        }
        table {
            border-collapse: collapse;
            width: 100%;
        }
        caption {
            text-align: left;
            font-weight: 600;
            padding-bottom: var(--space-1);
        }
        th {
            text-align: left;
            border-bottom: 2px solid var(--border);
            white-space: nowrap;
        }
        th button {
            border: none;
            background: none;
            padding: var(--space-1) 0;
            font-weight: 600;
        }
        td {
            padding: var(--space-1) var(--space-2) var(--space-1) 0;
            border-bottom: 1px solid var(--border);
            vertical-align: top;
            overflow-wrap: anywhere;
            max-width: 32rem;
        }
        tr:hover td {
            background: var(--highlight);
        }
        .pager {
            display: flex;
            align-items: center;
            gap: var(--space-2);
            margin-top: var(--space-2);
        }
        .empty {
            color: var(--muted);
        }
    };

    let head = {
        let columns = columns.clone();
        move || {
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
                    let toggle = move |_| sorting.update(|(by, direction)| {
                        if *by == index {
                            *direction = direction.flipped();
                        } else {
                            *by = index;
                            *direction = Direction::Ascending;
                        }
                    });
                    view! { class=class,
                        <th scope="col" aria-sort=aria_sort>
                            <button type="button" on:click=toggle title=move || i18n.fmt(Msg::SortBy, &[i18n.t(header)])>
                                {move || i18n.t(header)}<span aria-hidden="true">{arrow}</span>
                            </button>
                        </th>
                    }
                })
                .collect_view()
        }
    };

    // Rows keyed by their index: a keystroke or a sort keeps the rows still shown and moves
    // them, instead of building the page again.
    let visible = move || {
        let start = page.get() * PAGE_SIZE;
        order.with(|order| order.iter().skip(start).take(PAGE_SIZE).copied().collect::<Vec<usize>>())
    };
    let row_view = {
        let rows = rows.clone();
        let columns = columns.clone();
        move |i: usize| {
            let row = &rows[i];
            let cells = columns
                .iter()
                .enumerate()
                .map(|(c, column)| {
                    let text = (column.cell)(row, &i18n);
                    let content = match (c, &link) {
                        (0, Some(route)) => view! { class=class, <RouteLink route=route(row) class=class>{text}</RouteLink> }.into_any(),
                        _ => match column.tone.map(|tone| tone(row, &i18n)) {
                            Some(tone) => view! { class=class, <span class=tone.class()><span aria-hidden="true">{tone.mark()}" "</span>{text}</span> }.into_any(),
                            None => text.into_any(),
                        },
                    };
                    view! { class=class, <td>{content}</td> }
                })
                .collect_view();
            view! { class=class, <tr>{cells}</tr> }
        }
    };
    // A new language renders the rows again (their text is built in it).
    let body = move || {
        i18n.lang.track();
        let row_view = row_view.clone();
        view! { <For each=visible key=|i| *i children=row_view/> }
    };

    // The rows' filter text is built when the operator enters the filter box, not at their
    // first keystroke.
    let prepare_filter = move |_| haystacks.with_untracked(|_| ());
    let total = rows.len();
    let shown = move || order.with(Vec::len);
    view! { class=class,
        <div>
            <div class="tools">
                <label>
                    {move || i18n.t(Msg::FilterLabel)}" "
                    <input type="search" prop:value=move || filter.get() on:focus=prepare_filter on:input=move |e| filter.set(event_target_value(&e))/>
                </label>
                <span class="count" aria-live="polite">{move || i18n.fmt(Msg::ShowingRows, &[&shown().to_string(), &total.to_string()])}</span>
                <button type="button" on:click=export>{move || i18n.t(Msg::ExportCsv)}</button>
            </div>
            {move || if total == 0 {
                view! { class=class, <p class="empty">{move || i18n.t(Msg::NothingHere)}</p> }.into_any()
            } else if shown() == 0 {
                view! { class=class, <p class="empty">{move || i18n.t(Msg::NoMatches)}</p> }.into_any()
            } else {
                ().into_any()
            }}
            <div class="scroll">
                <table>
                    <caption>{move || i18n.t(caption)}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {move || (pages() > 1).then(|| view! { class=class,
                <div class="pager">
                    <button type="button" on:click=move |_| page.update(|p| *p = p.saturating_sub(1)) disabled=move || page.get() == 0>{move || i18n.t(Msg::PreviousPage)}</button>
                    <span>{move || i18n.fmt(Msg::PageOf, &[&(page.get() + 1).to_string(), &pages().to_string()])}</span>
                    <button type="button" on:click=move |_| page.update(|p| *p = (*p + 1).min(pages() - 1)) disabled=move || { page.get() + 1 >= pages() }>{move || i18n.t(Msg::NextPage)}</button>
                </div>
            })}
        </div>
    }
}
