//! A table of rows with filter, sort, counts, pages and CSV export. Cells are text: backend
//! strings are never inserted as HTML.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use stylers::style;

use crate::browser::{download, next_task};
use crate::components::labels::Tone;
use crate::components::route_link::RouteLink;
use crate::domain::table::{rows_to_show, to_csv, Direction, SortKey};
use crate::i18n::{use_i18n, I18n, Text, ViewMsg};

mod head;
mod order;
mod pager;

use head::sort_headers;
use order::TableView;
use pager::Pager;

/// Rows a page shows; the others are one keystroke away, so long lists stay fast.
const PAGE_SIZE: usize = 100;
/// New rows built in one task (see `rows_to_show`): about a screenful, the rest in the next tasks.
const NEW_ROWS_PER_TASK: usize = 25;

/// The address (from `crate::routes`) a cell of a row links to, if any.
pub type RowLink<T> = Arc<dyn Fn(&T) -> Option<String> + Send + Sync>;

pub struct Column<T> {
    pub header: Text,
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
    pub fn new(header: impl Into<Text>, cell: fn(&T, &I18n) -> String, sort: fn(&T) -> SortKey) -> Column<T> {
        Column { header: header.into(), cell, sort, tone: None }
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
    #[prop(into)] caption: Text,
    /// Column and direction the table starts sorted by.
    #[prop(default = (0, Direction::Ascending))]
    sort: (usize, Direction),
    /// Drill-downs: (column, where that column's cell of a row links to, if anywhere).
    #[prop(optional)]
    links: Vec<(usize, RowLink<T>)>,
    csv_name: &'static str,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let i18n = use_i18n();
    let columns = Arc::new(columns);
    let table = TableView::new(rows.clone(), columns.clone(), sort, i18n);
    let TableView { typed, sorting, page, order, .. } = table;
    // Counts as memos: what shows them (the count, the pager, "no matches") is built again
    // only when they change, not at each keystroke or sort that leaves them as they were.
    let shown_count = Memo::new(move |_| order.with(Vec::len));
    let pages = Memo::new(move |_| shown_count.get().div_ceil(PAGE_SIZE).max(1));
    let paged = Memo::new(move |_| pages.get() > 1);

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
        move || sort_headers(&columns, sorting, i18n, class)
    };

    // Rows keyed by their index: a keystroke or a sort keeps the rows still shown and moves
    // them, instead of building the page again. New rows come a task at a time: a page of 100
    // built at once held the browser 50–90 ms.
    let built = StoredValue::new(HashSet::<usize>::new());
    let more_rows = RwSignal::new(());
    let visible = move || {
        more_rows.track();
        let start = page.get() * PAGE_SIZE;
        let (shown, complete) = order.with(|order| {
            let wanted = || order.iter().skip(start).take(PAGE_SIZE).copied();
            let shown = built.with_value(|built| rows_to_show(wanted(), built, NEW_ROWS_PER_TASK));
            let complete = shown.len() == wanted().count();
            (shown, complete)
        });
        if !complete {
            next_task(move || _ = more_rows.try_set(()));
        }
        built.set_value(shown.iter().copied().collect());
        shown
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
                    let route = links.iter().find(|(column, _)| *column == c).and_then(|(_, route)| route(row));
                    let content = match route {
                        Some(route) => view! { class=class, <RouteLink route=route class=class>{text}</RouteLink> }.into_any(),
                        None => match column.tone.map(|tone| tone(row, &i18n)) {
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
        built.update_value(HashSet::clear);
        let row_view = row_view.clone();
        view! { <For each=visible key=|i| *i children=row_view/> }
    };

    let total = rows.len();
    let nothing_shown = Memo::new(move |_| shown_count.get() == 0);
    view! { class=class,
        <div>
            <div class="tools">
                <label>
                    {move || i18n.t(ViewMsg::FilterLabel)}" "
                    <input type="search" prop:value=move || typed.get() on:input=move |e| table.type_filter(event_target_value(&e))/>
                </label>
                <span class="count" aria-live="polite">{move || i18n.fmt(ViewMsg::ShowingRows, &[&shown_count.get().to_string(), &total.to_string()])}</span>
                <button type="button" on:click=export>{move || i18n.t(ViewMsg::ExportCsv)}</button>
            </div>
            {move || if total == 0 {
                view! { class=class, <p class="empty">{move || i18n.t(ViewMsg::NothingHere)}</p> }.into_any()
            } else if nothing_shown.get() {
                view! { class=class, <p class="empty">{move || i18n.t(ViewMsg::NoMatches)}</p> }.into_any()
            } else {
                ().into_any()
            }}
            // Paint-contained (see `.paint-contained` in style/tokens.css): a frame that changes
            // nothing in the table, such as a keystroke's echo in the filter box, reuses the
            // rows' paint (traced on a page of 100 rows: 2 ms of paint a frame, 0.6 ms with it).
            <div class="scroll paint-contained">
                <table>
                    <caption>{move || i18n.t(caption)}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {move || paged.get().then(|| view! { <Pager page=page pages=pages.into() class=class/> })}
        </div>
    }
}
