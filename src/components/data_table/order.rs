//! What a table shows, as indices into its rows (the rows are never copied): the sort, the
//! filter and the page the operator chose.

use std::sync::{Arc, Weak};
use std::time::Duration;

use leptos::prelude::*;

use super::Column;
use crate::browser::{after_next_paint, work_in_tasks, work_while_idle};
use crate::domain::table::{order_by_rank, Direction, Ranking, RowFilter, RowTexts};
use crate::i18n::{I18n, Lang};

#[derive(Clone, Copy)]
pub(super) struct TableView {
    /// The filter box's text, as typed.
    pub typed: RwSignal<String>,
    /// The filter the rows are shown with: the typed text, a frame later (see `type_filter`).
    filter: RwSignal<String>,
    /// Whether the typed text is waiting to be applied.
    pending: StoredValue<bool>,
    /// Builds the texts of a slice of rows (see `build_texts`).
    build_slice: StoredValue<BuildSlice>,
    /// Column and direction.
    pub sorting: RwSignal<(usize, Direction)>,
    pub page: RwSignal<usize>,
    /// Rows in the order shown, filtered.
    pub order: Memo<Vec<usize>>,
}

impl TableView {
    pub fn new<T: Send + Sync + 'static>(
        rows: Arc<Vec<T>>,
        columns: Arc<Vec<Column<T>>>,
        sort: (usize, Direction),
        i18n: I18n,
    ) -> TableView {
        let typed = RwSignal::new(String::new());
        let filter = RwSignal::new(String::new());
        let sorting = RwSignal::new(sort);
        let page = RwSignal::new(0usize);

        // Counts each time the rows' order or their filter texts are computed: a filter is
        // narrowed only from a result on the same ones.
        let inputs = StoredValue::new(0u64);
        // Each row's text to filter on, built ahead (below) or at the first keystroke.
        let texts: SharedTexts = StoredValue::new(FilterTexts::default());
        // Each column's ranks (see `Ranking`), kept once computed: on the first sort by a column,
        // or ahead of it a short step at a time while the browser is idle, once the rows have
        // stayed a quarter of a second (a table receiving pages is built again with each one;
        // the work on one replaced stops at its next step).
        let ranked: Ranked =
            StoredValue::new(columns.iter().map(|_| ColumnRanks::Partly(Ranking::new(rows.len()))).collect());
        let build_slice: StoredValue<BuildSlice> = StoredValue::new({
            let (rows, columns) = (rows.clone(), columns.clone());
            Arc::new(move || build_texts(texts, &rows, &columns, &i18n, inputs, TEXTS_PER_STEP))
        });
        // The filter texts are built the same way, so that neither the filter box's first
        // keystroke nor its focus stops the page for the whole table (half a second for
        // 50,000 rows).
        set_timeout(
            {
                // Weak: a table built again meanwhile frees its rows at once.
                let (rows, columns) = (Arc::downgrade(&rows), Arc::downgrade(&columns));
                move || prepare_while_idle(rows, columns, ranked, texts, inputs, i18n)
            },
            Duration::from_millis(250),
        );
        // Row order as indices (rows themselves are never copied): ordered when the sort changes,
        // then filtered at each keystroke.
        let (rows_for_filter, columns_for_filter) = (rows.clone(), columns.clone());
        let sorted = Memo::new(move |_| {
            inputs.update_value(|n| *n += 1);
            let (by, direction) = sorting.get();
            match ranked.try_update_value(|all| rank_column(&rows, columns.get(by)?, all.get_mut(by)?, true)).flatten()
            {
                Some(ranks) => order_by_rank(&ranks, direction),
                None => (0..rows.len()).collect(),
            }
        });
        // The filter the last order was computed with, and on which inputs.
        let last_filter: StoredValue<Option<(RowFilter, u64)>> = StoredValue::new(None);
        let order = Memo::new(move |previous: Option<&Vec<usize>>| {
            let typed = RowFilter::new(&filter.get());
            if typed.is_empty() {
                last_filter.set_value(None);
                return sorted.get();
            }
            // The order and the texts (in the language shown) brought up to date, and tracked,
            // before the count of inputs is read.
            sorted.with(|_| ());
            i18n.lang.track();
            build_texts(texts, &rows_for_filter, &columns_for_filter, &i18n, inputs, usize::MAX);
            let now = inputs.get_value();
            // Typing on, on the same inputs: only the rows still shown can match.
            let narrowed = last_filter
                .with_value(|last| matches!(last, Some((before, at)) if *at == now && typed.narrows(before)));
            let keep = |rows: &[usize]| texts.with_value(|all| all.texts.keep(&typed, rows));
            let order = match previous.filter(|_| narrowed) {
                Some(shown) => keep(shown),
                None => sorted.with_untracked(|sorted| keep(sorted)),
            };
            last_filter.set_value(Some((typed, now)));
            order
        });
        // A new filter starts from the first page (not run at start, when nothing changed).
        Effect::watch(
            move || filter.track(),
            move |_, _, _| {
                // Set only if it changes: the rows shown are not worked out again for nothing.
                if page.get_untracked() != 0 {
                    page.set(0);
                }
            },
            false,
        );
        TableView { typed, filter, sorting, page, order, pending: StoredValue::new(false), build_slice }
    }

    /// The operator typed `text`: it is shown at once, and the rows follow a frame later, with
    /// whatever was typed by then. On 50,000 rows the filter and the new rows take tens of
    /// milliseconds, which would otherwise hold every keystroke's echo; started right after
    /// the echo's frame, they still delayed its showing on two cores, hence the frame more.
    pub fn type_filter(self, text: String) {
        self.typed.set(text);
        if self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        request_animation_frame(move || after_next_paint(move || self.apply_typed()));
    }

    /// Shows the rows of the typed text once every row's text is built. They are built ahead
    /// while idle; typed on a table that has just come, the rest are built now, in short
    /// tasks, so that the next keystrokes never wait for all of them.
    fn apply_typed(self) {
        // Answers whether texts are left to build.
        let step = move || match self.build_slice.try_with_value(|build| build()).flatten() {
            // The table is gone.
            None => false,
            Some(true) => true,
            Some(false) => {
                if let Some(text) = self.typed.try_get_untracked() {
                    self.pending.set_value(false);
                    self.filter.set(text);
                }
                false
            }
        };
        if step() {
            work_in_tasks(step);
        }
    }
}

/// A column's ranks: being worked out, or done.
enum ColumnRanks {
    Partly(Ranking),
    Done(Arc<Vec<u32>>),
}

type Ranked = StoredValue<Vec<ColumnRanks>>;

/// Works on a column's ranks, one step or (`at_once`) to the end, and keeps what is done;
/// answers the ranks once done.
fn rank_column<T>(rows: &[T], column: &Column<T>, ranks: &mut ColumnRanks, at_once: bool) -> Option<Arc<Vec<u32>>> {
    if let ColumnRanks::Partly(ranking) = ranks {
        let key_of = |row: usize| (column.sort)(&rows[row]);
        let done = if at_once { Some(ranking.finish(key_of)) } else { ranking.step(key_of) };
        *ranks = ColumnRanks::Done(Arc::new(done?));
    }
    match ranks {
        ColumnRanks::Done(done) => Some(done.clone()),
        ColumnRanks::Partly(_) => None,
    }
}

/// The rows' texts to filter on, in the language they were built in.
#[derive(Default)]
struct FilterTexts {
    lang: Option<Lang>,
    texts: RowTexts,
}

type SharedTexts = StoredValue<FilterTexts>;

/// Builds the texts of up to `count` more rows, all over again in a new language; answers
/// whether some are left, or none when the table is gone.
fn build_texts<T>(
    texts: SharedTexts,
    rows: &[T],
    columns: &[Column<T>],
    i18n: &I18n,
    inputs: StoredValue<u64>,
    count: usize,
) -> Option<bool> {
    let lang = i18n.lang.get_untracked();
    texts.try_update_value(|built| {
        if built.lang != Some(lang) {
            *built = FilterTexts { lang: Some(lang), texts: RowTexts::default() };
            inputs.update_value(|n| *n += 1);
        }
        let from = built.texts.len();
        let to = from.saturating_add(count).min(rows.len());
        for row in &rows[from..to] {
            built.texts.push(&columns.iter().map(|c| (c.cell)(row, i18n)).collect::<Vec<_>>());
        }
        if from == 0 {
            built.texts.reserve_like_so_far(rows.len() - to);
        }
        to < rows.len()
    })
}

/// Rows whose filter texts are built in one step: up to about 3 ms where a cell is a date (each
/// one a call to the browser's formatter, 40 µs in a profile of 50,000 failures).
const TEXTS_PER_STEP: usize = 64;

/// Builds the filter texts of the next rows; answers whether some are left, or none when the
/// table is gone.
type BuildSlice = Arc<dyn Fn() -> Option<bool> + Send + Sync>;

/// Ranks each column, then builds the filter texts, a short step at a time from an idle moment on
/// (see `work_while_idle`); stops when the table is gone.
fn prepare_while_idle<T: Send + Sync + 'static>(
    rows: Weak<Vec<T>>,
    columns: Weak<Vec<Column<T>>>,
    ranked: Ranked,
    texts: SharedTexts,
    inputs: StoredValue<u64>,
    i18n: I18n,
) {
    let mut column = 0;
    work_while_idle(move || {
        let (Some(all), Some(shown)) = (rows.upgrade(), columns.upgrade()) else {
            return false;
        };
        if column < shown.len() {
            let Some(done) =
                ranked.try_update_value(|ranks| rank_column(&all, &shown[column], &mut ranks[column], false))
            else {
                return false;
            };
            column += usize::from(done.is_some());
            return true;
        }
        build_texts(texts, &all, &shown, &i18n, inputs, TEXTS_PER_STEP).unwrap_or(false)
    });
}
