//! What a table shows, as indices into its rows (the rows are never copied): the sort, the
//! filter and the page the operator chose.

use std::sync::{Arc, Weak};
use std::time::Duration;

use leptos::prelude::*;

use super::Column;
use crate::browser::when_idle;
use crate::domain::table::{haystack, matches_filter, order_by_rank, ranks, Direction, SortKey};
use crate::i18n::I18n;

#[derive(Clone, Copy)]
pub(super) struct TableView {
    pub filter: RwSignal<String>,
    /// Column and direction.
    pub sorting: RwSignal<(usize, Direction)>,
    pub page: RwSignal<usize>,
    /// Rows in the order shown, filtered.
    pub order: Memo<Vec<usize>>,
    /// Each row's text to filter on.
    pub haystacks: Memo<Vec<String>>,
}

impl TableView {
    pub fn new<T: Send + Sync + 'static>(
        rows: Arc<Vec<T>>,
        columns: Arc<Vec<Column<T>>>,
        sort: (usize, Direction),
        i18n: I18n,
    ) -> TableView {
        let filter = RwSignal::new(String::new());
        let sorting = RwSignal::new(sort);
        let page = RwSignal::new(0usize);

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
        // Each column's ranks (see `ranks`), kept once computed: on the first sort by a column,
        // or ahead of it while the browser is idle, once the rows have stayed a second (a table
        // receiving pages is built again with each one).
        let ranked: Ranked = StoredValue::new(vec![None; columns.len()]);
        set_timeout(
            {
                // Weak: a table built again meanwhile frees its rows at once.
                let (rows, columns) = (Arc::downgrade(&rows), Arc::downgrade(&columns));
                move || rank_while_idle(0, rows, columns, ranked)
            },
            Duration::from_secs(1),
        );
        // Row order as indices (rows themselves are never copied): ordered when the sort changes,
        // then filtered at each keystroke.
        let sorted = Memo::new(move |_| {
            let (by, direction) = sorting.get();
            match column_ranks(&rows, &columns, ranked, by) {
                Some(ranks) => order_by_rank(&ranks, direction),
                None => (0..rows.len()).collect(),
            }
        });
        let order = Memo::new(move |_| {
            let text = filter.get();
            if text.trim().is_empty() {
                return sorted.get();
            }
            haystacks.with(|all| {
                sorted.with(|sorted| sorted.iter().copied().filter(|&i| matches_filter(&all[i], &text)).collect())
            })
        });
        // A new filter starts from the first page (not run at start, when nothing changed).
        Effect::watch(move || filter.track(), move |_, _, _| page.set(0), false);
        TableView { filter, sorting, page, order, haystacks }
    }
}

/// Each column's ranks, once computed.
type Ranked = StoredValue<Vec<Option<Arc<Vec<u32>>>>>;

/// The ranks of column `by`, computed once and kept; none when the table is gone.
fn column_ranks<T>(rows: &[T], columns: &[Column<T>], ranked: Ranked, by: usize) -> Option<Arc<Vec<u32>>> {
    if let Some(kept) = ranked.try_with_value(|all| all.get(by).cloned().flatten())? {
        return Some(kept);
    }
    let column = columns.get(by)?;
    let keys: Vec<SortKey> = rows.iter().map(|row| (column.sort)(row)).collect();
    let computed = Arc::new(ranks(&keys));
    ranked.try_update_value(|all| all[by] = Some(computed.clone()))?;
    Some(computed)
}

/// Ranks column `column`, then the next ones, each in an idle moment of its own; stops when the
/// table is gone or every column is ranked.
fn rank_while_idle<T: Send + Sync + 'static>(
    column: usize,
    rows: Weak<Vec<T>>,
    columns: Weak<Vec<Column<T>>>,
    ranked: Ranked,
) {
    when_idle(move || {
        let ranked_one = match (rows.upgrade(), columns.upgrade()) {
            (Some(all), Some(shown)) => column_ranks(&all, &shown, ranked, column).is_some(),
            _ => false,
        };
        if ranked_one {
            rank_while_idle(column + 1, rows, columns, ranked);
        }
    });
}
