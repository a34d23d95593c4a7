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

/// A row's cells as one lower-case text to filter on, computed once per row.
pub fn haystack(cells: &[String]) -> String {
    cells.join("\n").to_lowercase()
}

/// Every word of `filter` appears in the row (see [`haystack`]), whatever the case.
pub fn matches_filter(haystack: &str, filter: &str) -> bool {
    filter.split_whitespace().map(str::to_lowercase).all(|word| haystack.contains(&word))
}

/// One CSV field (RFC 4180); a leading `=`, `+`, `-` or `@` is quoted away so a spreadsheet
/// does not run backend text as a formula.
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) {
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
    fn csv_quotes_what_needs_it_and_defuses_formulas() {
        let rows = [vec!["a,b".to_string(), "say \"hi\"".to_string(), "=HYPERLINK(\"x\")".to_string()]];
        let csv = to_csv(&["Name", "Note", "Link"], rows.iter().map(Vec::as_slice));
        assert_eq!(csv, "Name,Note,Link\r\n\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    }
}
