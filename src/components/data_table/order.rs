//! What a table shows, as indices into its rows (the rows are never copied): the sort, the
//! filter and the page the operator chose.

use std::sync::Arc;

use leptos::prelude::*;

use super::Column;
use crate::domain::table::{haystack, matches_filter, Direction, SortKey};
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
        // A new filter starts from the first page (not run at start, when nothing changed).
        Effect::watch(move || filter.track(), move |_, _, _| page.set(0), false);
        TableView { filter, sorting, page, order, haystacks }
    }
}
