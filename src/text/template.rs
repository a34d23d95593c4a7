//! Filling a template in one pass: `{N}` is argument N, `{N|one|other}` the form that agrees
//! with the number in argument N. What is inserted is never scanned again.

use super::Lang;

pub(super) fn fill(template: &str, lang: Lang, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| Some((placeholder(&after[..close], lang, args)?, close))) {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What `{inside}` stands for, or `None` when it is not a placeholder (then it stays as written).
fn placeholder<'a>(inside: &'a str, lang: Lang, args: &[&'a str]) -> Option<&'a str> {
    let mut parts = inside.split('|');
    let arg = *args.get(parts.next()?.parse::<usize>().ok()?)?;
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => Some(arg),
        (Some(one), Some(other), None) => {
            let singular = arg.trim().parse::<u64>().is_ok_and(|count| lang.is_singular(count));
            Some(if singular { one } else { other })
        }
        _ => None,
    }
}

/// The argument numbers a template uses, for checking that both languages ask for the same.
#[cfg(test)]
pub(super) fn placeholders(template: &str) -> Vec<(usize, bool)> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').expect("an opened placeholder is closed");
        let inside = &after[..close];
        let (index, forms) = inside.split_once('|').map_or((inside, None), |(i, f)| (i, Some(f)));
        if let Some(forms) = forms {
            assert_eq!(forms.split('|').count(), 2, "“{inside}” has a singular and a plural form");
        }
        found.push((index.parse().expect("a placeholder is a number"), forms.is_some()));
        rest = &after[close + 1..];
    }
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Msg, ViewMsg};

    #[test]
    fn arguments_go_in_their_places() {
        assert_eq!(fill("{0} of {1}", Lang::En, &["3", "5"]), "3 of 5");
        assert_eq!(fill("{1}, then {0}", Lang::En, &["a", "b"]), "b, then a");
    }

    #[test]
    fn an_argument_cannot_inject_a_later_placeholder() {
        assert_eq!(fill("Refused ({0}): {1}", Lang::En, &["{1}", "denied"]), "Refused ({1}): denied");
        assert_eq!(fill("{0}", Lang::En, &["{0|a|b}"]), "{0|a|b}");
    }

    #[test]
    fn plural_forms_agree_with_the_count_in_each_language() {
        let devices = "{0} {0|device|devices}";
        assert_eq!(fill(devices, Lang::En, &["1"]), "1 device");
        assert_eq!(fill(devices, Lang::En, &["0"]), "0 devices");
        assert_eq!(fill("{0} {0|appareil|appareils}", Lang::Fr, &["0"]), "0 appareil");
        assert_eq!(fill("{0} {0|appareil|appareils}", Lang::Fr, &["2"]), "2 appareils");
        assert_eq!(Msg::SkippedItems.text().fill(Lang::Fr, &["1"]), "1 élément illisible, non affiché :");
        assert_eq!(
            ViewMsg::DevicesSummary.text().fill(Lang::En, &["1", "1", "0", "0"]),
            "1 device: 1 compliant, 0 not compliant, 0 other"
        );
    }

    #[test]
    fn text_that_is_not_a_placeholder_stays_as_written() {
        assert_eq!(fill("{x} {9} {0|a} {", Lang::En, &["v"]), "{x} {9} {0|a} {");
        assert_eq!(fill("{0|a|b}", Lang::En, &["many"]), "b");
    }

    #[test]
    fn every_message_asks_for_the_same_arguments_in_both_languages() {
        let texts = Msg::ALL.iter().map(|m| (format!("{m:?}"), m.text()));
        for (msg, text) in texts.chain(ViewMsg::ALL.iter().map(|m| (format!("{m:?}"), m.text()))) {
            assert!(!text.en.is_empty() && !text.fr.is_empty(), "{msg:?} is empty");
            let numbers = |template| {
                placeholders(template).into_iter().map(|(index, _)| index).collect::<std::collections::BTreeSet<_>>()
            };
            assert_eq!(numbers(text.en), numbers(text.fr), "{msg:?} placeholders differ");
        }
    }
}
