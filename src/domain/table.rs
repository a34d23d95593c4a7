//! Table logic shared by every list: filtering, ordering and CSV export.

use std::cmp::Ordering;

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

/// Each key's place among the distinct keys in ascending order (equal keys, equal ranks): rows
/// then sort by [`order_by_rank`] in time proportional to their number, in either direction.
pub fn ranks(keys: &[SortKey]) -> Vec<u32> {
    let mut ascending: Vec<usize> = (0..keys.len()).collect();
    ascending.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut ranks = vec![0; keys.len()];
    let mut rank = 0;
    for pair in ascending.windows(2) {
        if keys[pair[0]] != keys[pair[1]] {
            rank += 1;
        }
        ranks[pair[1]] = rank;
    }
    ranks
}

/// Row indices in the order of their [`ranks`] in `direction`; rows of equal rank keep their
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

/// A row's cells as one lower-case text to filter on, computed once per row.
pub fn haystack(cells: &[String]) -> String {
    cells.join("\n").to_lowercase()
}

/// Every word of `filter` appears in the row (see [`haystack`]), whatever the case.
pub fn matches_filter(haystack: &str, filter: &str) -> bool {
    filter.split_whitespace().map(str::to_lowercase).all(|word| haystack.contains(&word))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_filter_word_must_appear_somewhere() {
        let row = haystack(&["DESKTOP-ADELE01".to_string(), "Windows".to_string()]);
        assert!(matches_filter(&row, "adele WIN"));
        assert!(matches_filter(&row, ""));
        assert!(!matches_filter(&row, "adele ios"));
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
        let keys: Vec<SortKey> = (0..200)
            .map(|i| match i % 7 {
                0 => SortKey::Missing,
                1 | 2 => SortKey::Number((i % 5) as i128),
                _ => SortKey::text(Some(["10.0.19045", "17.1", "iOS", "ios", ""][i % 5])),
            })
            .collect();
        let ranks = ranks(&keys);
        for direction in [Direction::Ascending, Direction::Descending] {
            let mut stable: Vec<usize> = (0..keys.len()).collect();
            stable.sort_by(|&a, &b| direction.apply(keys[a].cmp(&keys[b])));
            assert_eq!(order_by_rank(&ranks, direction), stable, "{direction:?}");
        }
        assert_eq!(ranks[3], ranks[12], "\"iOS\" and \"ios\" are one value");
        assert_eq!(order_by_rank(&[], Direction::Descending), Vec::<usize>::new());
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
