//! Table logic shared by every list: filtering, ordering and CSV export.

use std::cmp::Ordering;

use memchr::memmem::Finder;

use crate::graph::models::Timestamp;

/// What a column sorts by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    /// Missing values sort first.
    Missing,
    Number(i128),
    Text(String),
}

impl SortKey {
    pub fn text(value: Option<&str>) -> SortKey {
        match value {
            Some(text) if !text.is_empty() => SortKey::Text(text.to_lowercase()),
            _ => SortKey::Missing,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Direction {
    pub fn apply(self, ordering: Ordering) -> Ordering {
        match self {
            Direction::Ascending => ordering,
            Direction::Descending => ordering.reverse(),
        }
    }

    pub fn flipped(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

/// Each row's place among a column's distinct keys in ascending order (equal keys, equal
/// ranks): rows then sort by [`order_by_rank`] in time proportional to their number, in either
/// direction. Worked out a short step at a time (see [`Ranking::step`]), so that 50,000 rows are
/// ranked while the browser is idle without a keystroke waiting for the whole sort.
pub struct Ranking {
    rows: usize,
    keys: Vec<SortKey>,
    /// Row indices, sorted by key in runs of `width` rows.
    order: Vec<u32>,
    /// Where the merge pass under way writes.
    merged: Vec<u32>,
    /// Rows in sorted runs: `RUN` at first, twice as many after each merge pass.
    width: usize,
    /// Rows sorted into runs (while `width` is 0), then rows merged in the pass under way.
    done: usize,
}

/// Rows whose keys one step computes.
const KEYS_PER_STEP: usize = 4096;
/// Rows sorted into a run by one step, before the runs are merged.
const RUN: usize = 2048;
/// Rows a step merges at least (whole pairs of runs: up to all the rows in the last pass).
const MERGED_PER_STEP: usize = 8192;

impl Ranking {
    pub fn new(rows: usize) -> Ranking {
        Ranking { rows, keys: Vec::new(), order: Vec::new(), merged: Vec::new(), width: 0, done: 0 }
    }

    /// One step of the work, with `key_of` giving a row's key; answers the ranks once done.
    pub fn step(&mut self, key_of: impl Fn(usize) -> SortKey) -> Option<Vec<u32>> {
        if self.keys.len() < self.rows {
            self.keys.reserve_exact(self.rows - self.keys.len());
            let to = (self.keys.len() + KEYS_PER_STEP).min(self.rows);
            self.keys.extend((self.keys.len()..to).map(key_of));
        } else if self.width == 0 {
            if self.order.len() < self.rows {
                self.order = (0..self.rows as u32).collect();
            }
            let to = (self.done + RUN).min(self.rows);
            let keys = &self.keys;
            self.order[self.done..to].sort_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
            self.done = to;
            if self.done == self.rows {
                (self.width, self.done) = (RUN, 0);
            }
        } else if self.width < self.rows {
            if self.merged.len() < self.rows {
                self.merged = vec![0; self.rows];
            }
            self.merge_step();
        } else {
            return Some(self.ranks());
        }
        None
    }

    /// Every step left, at once.
    pub fn finish(&mut self, key_of: impl Fn(usize) -> SortKey) -> Vec<u32> {
        loop {
            if let Some(ranks) = self.step(&key_of) {
                return ranks;
            }
        }
    }

    /// Merges pairs of neighbouring runs into `merged`, the left run first among equal keys;
    /// after the pass's last pair, the runs are twice as wide.
    fn merge_step(&mut self) {
        let start = self.done;
        while self.done < self.rows && self.done - start < MERGED_PER_STEP {
            let middle = (self.done + self.width).min(self.rows);
            let end = (self.done + 2 * self.width).min(self.rows);
            let (mut left, mut right) = (self.done, middle);
            for slot in &mut self.merged[self.done..end] {
                let take_left = right == end
                    || (left < middle && self.keys[self.order[left] as usize] <= self.keys[self.order[right] as usize]);
                *slot = if take_left { self.order[left] } else { self.order[right] };
                if take_left {
                    left += 1;
                } else {
                    right += 1;
                }
            }
            self.done = end;
        }
        if self.done == self.rows {
            std::mem::swap(&mut self.order, &mut self.merged);
            self.width *= 2;
            self.done = 0;
        }
    }

    fn ranks(&self) -> Vec<u32> {
        let mut ranks = vec![0; self.rows];
        let mut rank = 0;
        for pair in self.order.windows(2) {
            if self.keys[pair[0] as usize] != self.keys[pair[1] as usize] {
                rank += 1;
            }
            ranks[pair[1] as usize] = rank;
        }
        ranks
    }
}

/// Row indices in the order of their ranks (see [`Ranking`]) in `direction`; rows of equal rank keep their
/// own order, as a stable sort would (a counting sort: no comparisons).
pub fn order_by_rank(ranks: &[u32], direction: Direction) -> Vec<usize> {
    let distinct = ranks.iter().max().map_or(0, |&top| top as usize + 1);
    let place = |rank: u32| match direction {
        Direction::Ascending => rank as usize,
        Direction::Descending => distinct - 1 - rank as usize,
    };
    // Where each place's rows start in the order.
    let mut starts = vec![0; distinct + 1];
    for &rank in ranks {
        starts[place(rank) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut order = vec![0; ranks.len()];
    for (row, &rank) in ranks.iter().enumerate() {
        let next = &mut starts[place(rank)];
        order[*next] = row;
        *next += 1;
    }
    order
}

/// Every row's cells as lower-case text to filter on, one after the other in one buffer: built
/// once, then searched at each keystroke in one pass over the buffer rather than row by row
/// (50,000 rows in a large tenant).
#[derive(Debug, Default)]
pub struct RowTexts {
    text: String,
    /// Where each row's text ends in `text`.
    ends: Vec<usize>,
}

impl RowTexts {
    /// Adds a row. Its cells are apart, and it ends, with a line break: no typed word (which
    /// has no white space) is found across two cells or two rows.
    pub fn push(&mut self, cells: &[String]) {
        for cell in cells {
            self.text.push_str(&cell.to_lowercase());
            self.text.push('\n');
        }
        self.ends.push(self.text.len());
    }

    /// Rows added so far.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Room for `rows` more rows as long as those so far, so that the buffer is not copied
    /// again and again as it grows (a copy is the old size and the new one at once).
    pub fn reserve_like_so_far(&mut self, rows: usize) {
        if let Some(per_row) = self.text.len().checked_div(self.len()) {
            self.text.reserve(rows.saturating_mul(per_row + per_row / 4));
        }
        self.ends.reserve(rows);
    }

    fn row(&self, row: usize) -> &[u8] {
        let start = row.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.text.as_bytes()[start..self.ends[row]]
    }

    /// The `candidates` (row indices, in the order given) that `filter` keeps. Few candidates
    /// are tested one by one; many, through one search of the whole buffer.
    pub fn keep(&self, filter: &RowFilter, candidates: &[usize]) -> Vec<usize> {
        if candidates.len() < self.len() / 8 {
            return candidates.iter().copied().filter(|&row| filter.matches(self.row(row))).collect();
        }
        let kept = self.scan(filter);
        let mut shown = Vec::with_capacity(kept.iter().filter(|&&k| k).count());
        shown.extend(candidates.iter().copied().filter(|&row| kept[row]));
        shown
    }

    /// Whether each row is kept: the rows where the first word is found, then the other words
    /// looked for in those rows only.
    fn scan(&self, filter: &RowFilter) -> Vec<bool> {
        let Some((first, others)) = filter.finders.split_first() else {
            return vec![true; self.len()];
        };
        let mut kept = vec![false; self.len()];
        let text = self.text.as_bytes();
        let (mut from, mut row) = (0, 0);
        while let Some(found) = first.find(&text[from..]) {
            // The rows between the last match and this one have none.
            while self.ends[row] <= from + found {
                row += 1;
            }
            kept[row] = others.iter().all(|finder| finder.find(self.row(row)).is_some());
            from = self.ends[row];
        }
        kept
    }
}

/// A filter as typed, ready for many rows: its words in lower case, each with its searcher
/// built once per keystroke rather than once per row.
pub struct RowFilter {
    words: Vec<String>,
    /// One per word, the longest first: the rarest, most likely, to find first.
    finders: Vec<Finder<'static>>,
}

impl RowFilter {
    pub fn new(typed: &str) -> RowFilter {
        let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
        let mut finders: Vec<Finder> = words.iter().map(|word| Finder::new(word.as_bytes()).into_owned()).collect();
        finders.sort_by_key(|finder| std::cmp::Reverse(finder.needle().len()));
        RowFilter { words, finders }
    }

    /// No word typed: every row is kept.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Every word appears in the row's text, whatever the case.
    fn matches(&self, text: &[u8]) -> bool {
        self.finders.iter().all(|finder| finder.find(text).is_some())
    }

    /// Whether every row this filter keeps is kept by `earlier` too (each of its words is in
    /// one of these), so only `earlier`'s rows need testing: typing on narrows the last result.
    pub fn narrows(&self, earlier: &RowFilter) -> bool {
        earlier.words.iter().all(|old| self.words.iter().any(|word| word.contains(old.as_str())))
    }
}

/// What makes Excel, LibreOffice Calc or Google Sheets read a cell as a formula when it comes
/// first (OWASP's CSV-injection list, ASVS 5.0 1.2.10), with their full-width forms in case an
/// input method's conversion reads them as the same operators.
const FORMULA_START: [char; 8] = ['=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}'];

/// OWASP and ASVS also neutralise a field that starts with one of these: some programs drop
/// leading blanks and control characters and read what follows.
const CONTROL_START: [char; 4] = ['\t', '\r', '\n', '\0'];

/// Characters a spreadsheet may start a new cell or row after, whatever this file's quoting:
/// French-locale Excel splits on `;` and honours a quote only at the start of a cell, so in
/// `x,"a;=1"` it reads `=1"` as a cell of its own; other readers split on tabs.
const CELL_BREAKS: [char; 4] = [';', '\t', '\r', '\n'];

/// Passed over by a spreadsheet before it looks for a formula at the start of a cell.
fn skipped_before_formula(c: char) -> bool {
    c.is_whitespace() || c == '\0' || c == '"'
}

/// `value` with a single quote (which spreadsheets read as "this is text") wherever a cell could
/// start with a formula: at the start, and after each of [`CELL_BREAKS`] inside it, so the file
/// is safe whether it is opened with `,` or with `;` as the separator. The quote goes just before
/// the formula character, past the blanks and quotes a spreadsheet skips, so one pass suffices.
fn defuse(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 1);
    if value.starts_with(CONTROL_START) {
        out.push('\'');
    }
    let mut cell_start = true;
    for c in value.chars() {
        if cell_start && FORMULA_START.contains(&c) {
            out.push('\'');
        }
        out.push(c);
        cell_start = CELL_BREAKS.contains(&c) || (cell_start && skipped_before_formula(c));
    }
    out
}

/// One CSV field (RFC 4180), defused (see [`defuse`]) and quoted when it holds a separator of
/// either kind (`,` here, `;` in locales whose list separator it is), a tab, a quote or a line break.
fn csv_field(value: &str) -> String {
    let value = defuse(value);
    if value.contains([',', ';', '\t', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

pub fn to_csv<'a>(headers: &[&str], rows: impl IntoIterator<Item = &'a [String]>) -> String {
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = String>| cells.collect::<Vec<_>>().join(",") + "\r\n";
    out += &line(&mut headers.iter().map(|h| csv_field(h)));
    for row in rows {
        out += &line(&mut row.iter().map(|cell| csv_field(cell)));
    }
    out
}

/// A date column's sort key; a missing date sorts as missing.
pub fn timestamp_key(value: Option<&Timestamp>) -> SortKey {
    value.map_or(SortKey::Missing, |t| SortKey::Number(t.sort_key()))
}

/// The rows of a page to show now: the page's rows in order, up to the `quota`-th row not
/// yet built (not in `built`). Building a row costs DOM calls (about half a millisecond a row
/// of seven cells on two cores), so a page of new rows comes a few rows a task and no task
/// holds a keystroke long; rows already built come back at once, wherever they are.
pub fn rows_to_show(
    page: impl Iterator<Item = usize>,
    built: &std::collections::HashSet<usize>,
    quota: usize,
) -> Vec<usize> {
    let mut new_rows = 0;
    page.take_while(|row| {
        if !built.contains(row) {
            new_rows += 1;
        }
        new_rows <= quota
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_new_rows_comes_a_quota_at_a_time_and_built_rows_at_once() {
        let mut built = std::collections::HashSet::new();
        let page = || [5, 3, 9, 1, 7].into_iter();
        let first = rows_to_show(page(), &built, 2);
        assert_eq!(first, vec![5, 3]);
        built.extend(first);
        let second = rows_to_show(page(), &built, 2);
        assert_eq!(second, vec![5, 3, 9, 1]);
        built.extend(second);
        assert_eq!(rows_to_show(page(), &built, 2), vec![5, 3, 9, 1, 7]);
        // A sort that brings one new row among built ones shows them all.
        built = [1, 3, 5, 7].into_iter().collect();
        assert_eq!(rows_to_show([7, 5, 2, 3, 1].into_iter(), &built, 2), vec![7, 5, 2, 3, 1]);
        assert_eq!(rows_to_show([2, 4, 6].into_iter(), &built, 1), vec![2]);
    }

    fn texts(rows: &[&[&str]]) -> RowTexts {
        let mut texts = RowTexts::default();
        for cells in rows {
            texts.push(&cells.iter().map(|cell| cell.to_string()).collect::<Vec<_>>());
        }
        texts
    }

    #[test]
    fn every_filter_word_must_appear_somewhere_in_the_row() {
        let rows = texts(&[&["DESKTOP-ADELE01", "Windows", "Équipe"], &["iPhone", "iOS", "Adele"], &["x", "", "win"]]);
        let all: Vec<usize> = (0..rows.len()).collect();
        let keep = |typed: &str| rows.keep(&RowFilter::new(typed), &all);
        assert_eq!(keep("adele WIN"), vec![0]);
        assert_eq!(keep("  "), all);
        assert!(RowFilter::new("  ").is_empty());
        assert_eq!(keep("ÉQUIPE"), vec![0]);
        assert_eq!(keep("adele ios"), vec![1]);
        assert_eq!(keep("adele"), vec![0, 1]);
        assert!(keep("windowsé").is_empty(), "a word is not found across two cells");
        assert!(keep("adelex").is_empty(), "nor across two rows");
    }

    /// Both ways of searching (one pass over every row, or the candidates one by one) keep the
    /// same rows, in the order of the candidates.
    #[test]
    fn many_candidates_or_few_keep_the_same_rows_in_their_order() {
        let names: Vec<String> =
            (0..200).map(|i| format!("device-{i:03} {}", ["win", "ios", "android"][i % 3])).collect();
        let mut rows = RowTexts::default();
        for name in &names {
            rows.push(std::slice::from_ref(name));
        }
        let every: Vec<usize> = (0..200).rev().collect();
        let few: Vec<usize> = vec![150, 3, 99, 12];
        for typed in ["ios", "1 win", "device-01", "zzz", "e-1"] {
            let filter = RowFilter::new(typed);
            let by_hand = |candidates: &[usize]| -> Vec<usize> {
                let words: Vec<&str> = typed.split_whitespace().collect();
                candidates.iter().copied().filter(|&i| words.iter().all(|w| names[i].contains(w))).collect()
            };
            assert_eq!(rows.keep(&filter, &every), by_hand(&every), "{typed}, one pass");
            assert_eq!(rows.keep(&filter, &few), by_hand(&few), "{typed}, one by one");
        }
    }

    #[test]
    fn a_filter_typed_on_narrows_the_one_before_it() {
        let narrows = |now: &str, before: &str| RowFilter::new(now).narrows(&RowFilter::new(before));
        assert!(narrows("dev", "de"));
        assert!(narrows("win dev", "dev"));
        assert!(narrows("DEVICE", "vic"));
        assert!(narrows("de", ""));
        assert!(!narrows("de", "dev"), "a deleted letter widens");
        assert!(!narrows("dev", "de win"), "a word removed widens");
    }

    #[test]
    fn missing_values_sort_first_and_numbers_by_value() {
        let mut keys = vec![SortKey::Number(10), SortKey::Missing, SortKey::Number(9)];
        keys.sort();
        assert_eq!(keys, vec![SortKey::Missing, SortKey::Number(9), SortKey::Number(10)]);
        assert_eq!(SortKey::text(Some("")), SortKey::Missing);
    }

    #[test]
    fn ranking_then_counting_orders_as_a_stable_sort_in_both_directions() {
        // Enough rows for keys in several steps and runs merged in several passes, an odd
        // number of them.
        for rows in [0, 1, 200, 3 * RUN + 5, 2 * KEYS_PER_STEP + 3 * RUN + 1] {
            let keys: Vec<SortKey> = (0..rows)
                .map(|i| match (i * 7919) % 13 {
                    0 => SortKey::Missing,
                    1..=4 => SortKey::Number(((i * 31) % 97) as i128),
                    _ => SortKey::text(Some(["10.0.19045", "17.1", "iOS", "ios", "", "Windows"][(i * 17) % 6])),
                })
                .collect();
            let ranks = Ranking::new(rows).finish(|row| keys[row].clone());
            for direction in [Direction::Ascending, Direction::Descending] {
                let mut stable: Vec<usize> = (0..keys.len()).collect();
                stable.sort_by(|&a, &b| direction.apply(keys[a].cmp(&keys[b])));
                assert_eq!(order_by_rank(&ranks, direction), stable, "{rows} rows, {direction:?}");
            }
            for (a, b) in [(0, 1), (5, 9), (rows / 2, rows / 3)].into_iter().filter(|&(a, b)| a.max(b) < rows) {
                assert_eq!(ranks[a] == ranks[b], keys[a] == keys[b], "equal keys, equal ranks");
            }
        }
        let keys = [SortKey::text(Some("iOS")), SortKey::text(Some("ios"))];
        assert_eq!(Ranking::new(2).finish(|row| keys[row].clone()), vec![0, 0], "\"iOS\" and \"ios\" are one value");
        assert_eq!(order_by_rank(&[], Direction::Descending), Vec::<usize>::new());
    }

    #[test]
    fn no_step_of_a_ranking_does_more_than_its_share() {
        let rows = 50_000;
        let mut ranking = Ranking::new(rows);
        let mut steps = 0;
        let calls = std::cell::Cell::new(0);
        while ranking
            .step(|row| {
                calls.set(calls.get() + 1);
                SortKey::Number(((row * 7919) % 1000) as i128)
            })
            .is_none()
        {
            assert!(calls.replace(0) <= KEYS_PER_STEP);
            steps += 1;
        }
        // Keys, runs, then six merge passes of one pair or more a step.
        assert!(steps > rows / KEYS_PER_STEP + rows / RUN + 6, "{steps} steps");
    }

    #[test]
    fn csv_quotes_what_needs_it_and_defuses_formulas() {
        let rows = [vec!["a,b".to_string(), "say \"hi\"".to_string(), "=HYPERLINK(\"x\")".to_string()]];
        let csv = to_csv(&["Name", "Note", "Link"], rows.iter().map(Vec::as_slice));
        assert_eq!(csv, "Name,Note,Link\r\n\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    }

    #[test]
    fn every_formula_start_gets_a_quote() {
        for value in ["=1+1", "+1", "-1", "@SUM(A1)", "\u{FF1D}1", "\u{FF0B}1", "\u{FF0D}1", "\u{FF20}A"] {
            assert_eq!(csv_field(value), format!("'{value}"), "{value:?}");
        }
    }

    #[test]
    fn a_leading_control_character_gets_a_quote_and_the_field_is_quoted() {
        assert_eq!(csv_field("\tname"), "\"'\tname\"");
        assert_eq!(csv_field("\rname"), "\"'\rname\"");
        assert_eq!(csv_field("\nname"), "\"'\nname\"");
        assert_eq!(csv_field("\0name"), "'\0name");
    }

    #[test]
    fn blanks_and_quotes_before_a_formula_do_not_hide_it() {
        assert_eq!(csv_field("  =1"), "  '=1");
        assert_eq!(csv_field("\"=1"), "\"\"\"'=1\"");
        // The leading tab is neutralised for the comma reader, the `=` after it for a tab reader.
        assert_eq!(csv_field("\t=1"), "\"'\t'=1\"");
    }

    #[test]
    fn a_formula_after_a_semicolon_tab_or_line_break_gets_a_quote() {
        // French-locale Excel splits `x,"PC;=1"` on `;` and would read `=1"` as a cell.
        assert_eq!(csv_field("PC;=1"), "\"PC;'=1\"");
        assert_eq!(csv_field("PC; -1"), "\"PC; '-1\"");
        assert_eq!(csv_field("PC\t@A1"), "\"PC\t'@A1\"");
        assert_eq!(csv_field("line\r\n+1"), "\"line\r\n'+1\"");
        // Anywhere else an operator is plain text.
        assert_eq!(csv_field("Win-11 a=b"), "Win-11 a=b");
        assert_eq!(csv_field("a, -1"), "\"a, -1\"");
    }

    #[test]
    fn a_semicolon_is_quoted_like_a_comma() {
        assert_eq!(csv_field("Marketing; Sales"), "\"Marketing; Sales\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
