//! The plain-text summary an operator pastes into a ticket.

use std::fmt::Write;

/// What the summary says, already in the operator's language.
pub struct TicketFacts<'a> {
    pub heading: &'a str,
    pub user: &'a str,
    /// (label, value) lines: licence, devices, apps, …
    pub lines: Vec<(&'a str, String)>,
    /// The selected enrollment failure, if any: (label, value) lines.
    pub failure: Vec<(&'a str, String)>,
    /// Request ids of the sections that failed to load, to quote to support.
    pub request_ids: Vec<String>,
    pub request_ids_label: &'a str,
}

pub fn ticket_summary(facts: &TicketFacts) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "{}: {}", facts.heading, facts.user);
    for (label, value) in facts.lines.iter().chain(&facts.failure) {
        let _ = writeln!(text, "- {label}: {}", one_line(value));
    }
    if !facts.request_ids.is_empty() {
        let _ = writeln!(text, "- {}: {}", facts.request_ids_label, facts.request_ids.join(", "));
    }
    text
}

/// Backend text on one line, so a pasted ticket keeps its shape.
fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_lists_facts_failure_and_request_ids_one_per_line() {
        let facts = TicketFacts {
            heading: "User",
            user: "Adele Vance <AdeleV@contoso.onmicrosoft.com>",
            lines: vec![("Intune licence", "Licensed (EMS)".into())],
            failure: vec![("Failure", "Device cap\nreached".into())],
            request_ids: vec!["r-1".into()],
            request_ids_label: "Request ID",
        };
        assert_eq!(
            ticket_summary(&facts),
            "User: Adele Vance <AdeleV@contoso.onmicrosoft.com>\n- Intune licence: Licensed (EMS)\n- Failure: Device cap reached\n- Request ID: r-1\n"
        );
    }
}
