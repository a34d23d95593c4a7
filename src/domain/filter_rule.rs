//! Intune assignment filter rules: parsing and three-valued evaluation.
//!
//! The syntax follows Microsoft Learn, "Filters: device properties" (`ref-device-properties.md`): comparisons
//! `(device.property -operator value)` (or `app.property`) joined by `and`/`or`, with nested parentheses.
//! Properties, operators and values are case-insensitive. Property names are not checked against Microsoft's list
//! here: the caller does that, since the list depends on the filter's platform.
//!
//! Evaluation is three-valued because the portal often does not know a device's value; `CannotTell` keeps an
//! explanation honest instead of guessing. Errors carry a kind and a char offset only; the crate translates them.

use std::cmp::Ordering;

/// Intune limits a rule to 3,072 characters (`overview.md`, "Restrictions").
pub const MAX_RULE_CHARS: usize = 3072;

/// Microsoft documents no nesting limit. Parsing recurses, so cap it far above any real rule and far below what a
/// 2 MiB thread stack survives in a debug build (3,072 chars would allow about 1,500 levels).
pub const MAX_NESTING: usize = 64;

/// The prefix of a property: `device.` in managed-device filters, `app.` in managed-app filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Device,
    App,
}

/// A comparison operator. Each is accepted with or without its leading dash, in any case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Equals,
    NotEquals,
    StartsWith,
    NotStartsWith,
    EndsWith,
    NotEndsWith,
    Contains,
    NotContains,
    In,
    NotIn,
    GreaterThan,
    LessThan,
    GreaterOrEqual,
    LessOrEqual,
}

/// The right-hand side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operand {
    /// A double-quoted string, without its quotes.
    Text(String),
    /// An unquoted dotted version such as `10.0.22631.2428`, as written.
    Version(String),
    /// `null` or `$null`, in any case; only with `-eq` and `-ne`.
    Null,
    /// `["a", "b"]`; only with `-in` and `-notIn`.
    List(Vec<String>),
}

/// One `entity.property operator value` test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub entity: Entity,
    /// The property name as written, without the entity prefix.
    pub property: String,
    pub operator: Operator,
    pub value: Operand,
}

/// A parsed rule. Parenthesised groups keep their shape; a group of one comparison is just that comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Compare(Comparison),
    And(Vec<Rule>),
    Or(Vec<Rule>),
}

/// Why a rule did not parse. `at` is a char offset (not a byte offset) into the rule text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub at: usize,
    pub kind: ParseErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The rule stops where more was needed.
    UnexpectedEnd,
    /// A character that cannot stand here, such as a single quote or a `(` right after a comparison.
    UnexpectedChar(char),
    /// A `"` without its closing `"`; `at` is the opening quote.
    UnterminatedString,
    /// An operator Intune does not support (`-match`, `-like`, `not`, `xor`...), as written.
    UnsupportedOperator(String),
    /// A bare word such as `True` where a quoted string, version, `$null` or list belongs.
    ExpectedValue,
    /// Not `device.name` or `app.name`.
    ExpectedProperty,
    /// A list with an operator other than `-in`/`-notIn`.
    ListNotAllowed,
    /// `-in`/`-notIn` without a list.
    ListRequired,
    /// `$null` with an operator other than `-eq`/`-ne`, the only ones Microsoft documents for it.
    NullNotAllowed,
    /// A `(` never closed (`at` is the `(`) or a `)` never opened (`at` is the `)`).
    UnbalancedParenthesis,
    /// Nothing but whitespace.
    Empty,
    /// Longer than [`MAX_RULE_CHARS`]; `at` is the first char beyond the limit.
    TooLong,
    /// Nested deeper than [`MAX_NESTING`]; `at` is the `(` too many.
    TooDeep,
}

/// What the portal knows of a property of the device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    Known(String),
    /// Known to be empty.
    Null,
    /// The portal cannot tell.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evaluation {
    Match,
    NoMatch,
    CannotTell,
}

impl Evaluation {
    fn of(hit: bool) -> Self {
        if hit {
            Self::Match
        } else {
            Self::NoMatch
        }
    }
}

/// Parses a rule. Microsoft does not document the precedence of `and` over `or`; as in Entra dynamic groups and
/// most languages, `and` binds tighter here, so `a or b and c` is `a or (b and c)`.
///
/// # Errors
/// The first problem found, with its char offset.
pub fn parse(text: &str) -> Result<Rule, ParseError> {
    // Check the length before collecting, so a huge input costs nothing.
    if text.chars().nth(MAX_RULE_CHARS).is_some() {
        return Err(fail(MAX_RULE_CHARS, ParseErrorKind::TooLong));
    }
    // Working on chars makes offsets char offsets and never splits a multi-byte char.
    let mut parser = Parser { chars: text.chars().collect(), ..Parser::default() };
    if parser.chars.iter().all(|c| c.is_whitespace()) {
        return Err(fail(0, ParseErrorKind::Empty));
    }
    let rule = parser.parse_or()?;
    let at = parser.skip_ws();
    match parser.chars.get(at) {
        None => Ok(rule),
        Some(')') => Err(fail(at, ParseErrorKind::UnbalancedParenthesis)),
        Some(_) => Err(parser.stray(at)),
    }
}

fn fail(at: usize, kind: ParseErrorKind) -> ParseError {
    ParseError { at, kind }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '$' | '-')
}

fn is_delimiter(c: char) -> bool {
    matches!(c, '(' | ')' | '[' | ']' | ',' | '"')
}

/// A whole dotted number such as `10.0.22631.2428` or `14`.
fn is_version(text: &str) -> bool {
    let number = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    text.split('.').all(number)
}

#[derive(Default)]
struct Parser {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
}

impl Parser {
    /// Skips whitespace and returns the new position.
    fn skip_ws(&mut self) -> usize {
        self.take_while(char::is_whitespace);
        self.pos
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> String {
        let start = self.pos;
        while self.chars.get(self.pos).is_some_and(|&c| keep(c)) {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    /// An operator-like token: everything up to whitespace or a delimiter, so `=~` or `-match` is named whole.
    fn token(&mut self) -> String {
        self.take_while(|c| !c.is_whitespace() && !is_delimiter(c))
    }

    /// The error at `at` when `expected` was wanted: the end, a char that starts nothing, or `expected`.
    fn unexpected(&self, at: usize, expected: ParseErrorKind) -> ParseError {
        match self.chars.get(at) {
            None => fail(at, ParseErrorKind::UnexpectedEnd),
            Some(&c) if !is_word_char(c) && !is_delimiter(c) => fail(at, ParseErrorKind::UnexpectedChar(c)),
            Some(_) => fail(at, expected),
        }
    }

    /// The error for what stands where `and`, `or` or `)` belongs: a word there is an unsupported operator.
    fn stray(&mut self, at: usize) -> ParseError {
        let token = self.token();
        match self.chars.get(at) {
            Some(&c) if token.is_empty() => fail(at, ParseErrorKind::UnexpectedChar(c)),
            _ => fail(at, ParseErrorKind::UnsupportedOperator(token)),
        }
    }

    /// Consumes the next token if it is one of `names`, in any case.
    fn eat(&mut self, names: [&str; 2]) -> bool {
        let saved = self.pos;
        self.skip_ws();
        let token = self.token();
        let found = names.iter().any(|name| token.eq_ignore_ascii_case(name));
        if !found {
            self.pos = saved;
        }
        found
    }

    fn parse_or(&mut self) -> Result<Rule, ParseError> {
        let mut items = vec![self.parse_and()?];
        while self.eat(["or", "-or"]) {
            items.push(self.parse_and()?);
        }
        Ok(group(items, Rule::Or))
    }

    fn parse_and(&mut self) -> Result<Rule, ParseError> {
        let mut items = vec![self.parse_primary()?];
        while self.eat(["and", "-and"]) {
            items.push(self.parse_primary()?);
        }
        Ok(group(items, Rule::And))
    }

    fn parse_primary(&mut self) -> Result<Rule, ParseError> {
        let open = self.skip_ws();
        if self.chars.get(open) != Some(&'(') {
            return self.parse_comparison().map(Rule::Compare);
        }
        if self.depth == MAX_NESTING {
            return Err(fail(open, ParseErrorKind::TooDeep));
        }
        self.pos += 1;
        self.depth += 1;
        let inner = self.parse_or()?;
        self.depth -= 1;
        let at = self.skip_ws();
        match self.chars.get(at) {
            Some(')') => {
                self.pos += 1;
                Ok(inner)
            }
            None => Err(fail(open, ParseErrorKind::UnbalancedParenthesis)),
            Some(_) => Err(self.stray(at)),
        }
    }

    fn parse_comparison(&mut self) -> Result<Comparison, ParseError> {
        let start = self.pos;
        // `!` and `not` negate in other rule languages; Intune documents neither, so name them rather than guess.
        if self.chars.get(start) == Some(&'!') {
            return Err(fail(start, ParseErrorKind::UnsupportedOperator("!".to_owned())));
        }
        let word = self.take_while(is_word_char);
        if word.eq_ignore_ascii_case("not") || word.eq_ignore_ascii_case("-not") {
            return Err(fail(start, ParseErrorKind::UnsupportedOperator(word)));
        }
        let (entity, property) =
            split_property(&word).ok_or_else(|| self.unexpected(start, ParseErrorKind::ExpectedProperty))?;
        let operator_at = self.skip_ws();
        let token = self.token();
        let operator = match (Operator::from_token(&token), self.chars.get(operator_at)) {
            (Some(operator), _) => operator,
            (None, Some(&c)) if token.is_empty() => return Err(fail(operator_at, ParseErrorKind::UnexpectedChar(c))),
            (None, None) => return Err(fail(operator_at, ParseErrorKind::UnexpectedEnd)),
            (None, _) => return Err(fail(operator_at, ParseErrorKind::UnsupportedOperator(token))),
        };
        let value_at = self.skip_ws();
        let value = self.parse_value()?;
        let misuse = match (&value, operator) {
            (Operand::List(_), Operator::In | Operator::NotIn)
            | (Operand::Null, Operator::Equals | Operator::NotEquals) => None,
            (Operand::List(_), _) => Some(ParseErrorKind::ListNotAllowed),
            (_, Operator::In | Operator::NotIn) => Some(ParseErrorKind::ListRequired),
            (Operand::Null, _) => Some(ParseErrorKind::NullNotAllowed),
            _ => None,
        };
        match misuse {
            Some(kind) => Err(fail(value_at, kind)),
            None => Ok(Comparison { entity, property, operator, value }),
        }
    }

    fn parse_value(&mut self) -> Result<Operand, ParseError> {
        let at = self.pos;
        match self.chars.get(at) {
            Some('"') => self.string().map(Operand::Text),
            Some('[') => self.list().map(Operand::List),
            Some(&c) if is_word_char(c) => {
                let word = self.take_while(is_word_char);
                if word.eq_ignore_ascii_case("null") || word.eq_ignore_ascii_case("$null") {
                    Ok(Operand::Null)
                } else if is_version(&word) {
                    Ok(Operand::Version(word))
                } else {
                    // Bare words like `True` are not values: Microsoft always quotes booleans and enums.
                    Err(fail(at, ParseErrorKind::ExpectedValue))
                }
            }
            _ => Err(self.unexpected(at, ParseErrorKind::ExpectedValue)),
        }
    }

    /// A double-quoted string. Intune has no escape: the string ends at the next `"`.
    fn string(&mut self) -> Result<String, ParseError> {
        let open = self.pos;
        self.pos += 1;
        let text = self.take_while(|c| c != '"');
        if self.pos == self.chars.len() {
            return Err(fail(open, ParseErrorKind::UnterminatedString));
        }
        self.pos += 1;
        Ok(text)
    }

    /// `["a", "b"]`: one or more quoted strings. An empty list or a trailing comma is an error.
    fn list(&mut self) -> Result<Vec<String>, ParseError> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            let at = self.skip_ws();
            if self.chars.get(at) != Some(&'"') {
                return Err(self.unexpected(at, ParseErrorKind::ExpectedValue));
            }
            items.push(self.string()?);
            let at = self.skip_ws();
            match self.chars.get(at) {
                Some(',') => self.pos += 1,
                Some(']') => {
                    self.pos += 1;
                    return Ok(items);
                }
                Some(&c) => return Err(fail(at, ParseErrorKind::UnexpectedChar(c))),
                None => return Err(fail(at, ParseErrorKind::UnexpectedEnd)),
            }
        }
    }
}

/// One item stays itself; several become an `And`/`Or`.
fn group(items: Vec<Rule>, make: fn(Vec<Rule>) -> Rule) -> Rule {
    match <[Rule; 1]>::try_from(items) {
        Ok([only]) => only,
        Err(items) => make(items),
    }
}

/// `device.deviceName` → (Device, "deviceName"). The property must be a plain ASCII identifier.
fn split_property(word: &str) -> Option<(Entity, String)> {
    let (entity, property) = word.split_once('.')?;
    let entity = match entity.to_ascii_lowercase().as_str() {
        "device" => Entity::Device,
        "app" => Entity::App,
        _ => return None,
    };
    let valid = !property.is_empty() && property.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then(|| (entity, property.to_owned()))
}

impl Operator {
    fn from_token(token: &str) -> Option<Self> {
        let lower = token.to_ascii_lowercase();
        Some(match lower.strip_prefix('-').unwrap_or(&lower) {
            "eq" => Self::Equals,
            "ne" => Self::NotEquals,
            "startswith" => Self::StartsWith,
            "notstartswith" => Self::NotStartsWith,
            "endswith" => Self::EndsWith,
            "notendswith" => Self::NotEndsWith,
            "contains" => Self::Contains,
            "notcontains" => Self::NotContains,
            "in" => Self::In,
            "notin" => Self::NotIn,
            "gt" => Self::GreaterThan,
            "lt" => Self::LessThan,
            "ge" => Self::GreaterOrEqual,
            "le" => Self::LessOrEqual,
            _ => return None,
        })
    }
}

/// The leading dotted number of a value, zero-stripped: `14.1.2a` → `["14", "1", "2"]`, `10.0.19045.3570 (build)`
/// → its four numbers. Strings rather than integers, so no component can overflow.
fn leading_version(text: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let mut rest = text.trim_start();
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            break;
        }
        parts.push(rest[..digits].trim_start_matches('0'));
        rest = &rest[digits..];
        match rest.strip_prefix('.') {
            Some(next) if next.starts_with(|c: char| c.is_ascii_digit()) => rest = next,
            _ => break,
        }
    }
    (!parts.is_empty()).then_some(parts)
}

/// How two version texts compare (their leading dotted numbers), when both hold one.
pub fn version_order(a: &str, b: &str) -> Option<Ordering> {
    Some(compare_versions(&leading_version(a)?, &leading_version(b)?))
}

/// Missing components count as 0, so `10.0` equals `10.0.0.0`. Microsoft does not document this (and .NET's
/// `Version` would rank `10.0` below `10.0.0`); zero-padding is the reading an admin expects.
fn compare_versions(a: &[&str], b: &[&str]) -> Ordering {
    fn part<'a>(parts: &[&'a str], i: usize) -> (usize, &'a str) {
        let part = parts.get(i).copied().unwrap_or("");
        (part.len(), part)
    }
    (0..a.len().max(b.len()))
        .map(|i| part(a, i).cmp(&part(b, i)))
        .find(|order| order.is_ne())
        .unwrap_or(Ordering::Equal)
}

impl Comparison {
    /// Evaluates this comparison against what the portal knows of its property.
    pub fn evaluate(&self, fact: &Fact) -> Evaluation {
        use Operator::{Contains, EndsWith, Equals, In, NotContains, NotEndsWith, NotEquals, NotIn};
        use Operator::{NotStartsWith, StartsWith};
        let known = match fact {
            Fact::Unknown => return Evaluation::CannotTell,
            Fact::Known(value) => Some(value.as_str()),
            Fact::Null => None,
        };
        if self.value == Operand::Null {
            return match (self.operator, known) {
                (Equals, None) | (NotEquals, Some(_)) => Evaluation::Match,
                (Equals, Some(_)) | (NotEquals, None) => Evaluation::NoMatch,
                _ => Evaluation::CannotTell,
            };
        }
        if self.is_version_comparison() {
            // How Intune orders a null against a version is not documented, so do not guess.
            return known.map_or(Evaluation::CannotTell, |device| self.compare_version(device));
        }
        // A null fails every positive test (as in the troubleshooting doc's null-category example), so the
        // negated operators match it.
        let negated = matches!(self.operator, NotEquals | NotStartsWith | NotEndsWith | NotContains | NotIn);
        let device = known.map(str::to_lowercase);
        let device = device.as_deref();
        let hit = match (&self.value, self.operator) {
            (Operand::List(items), In | NotIn) => device.is_some_and(|d| items.iter().any(|i| i.to_lowercase() == d)),
            (Operand::Text(wanted) | Operand::Version(wanted), operator) => {
                let test: fn(&str, &str) -> bool = match operator {
                    Equals | NotEquals => |device, wanted| device == wanted,
                    StartsWith | NotStartsWith => |device, wanted| device.starts_with(wanted),
                    EndsWith | NotEndsWith => |device, wanted| device.ends_with(wanted),
                    Contains | NotContains => |device, wanted| device.contains(wanted),
                    _ => return Evaluation::CannotTell,
                };
                device.is_some_and(|device| test(device, &wanted.to_lowercase()))
            }
            _ => return Evaluation::CannotTell,
        };
        Evaluation::of(hit != negated)
    }

    /// gt/lt/ge/le always compare versions; eq/ne do for an unquoted version or `operatingSystemVersion`.
    fn is_version_comparison(&self) -> bool {
        match self.operator {
            Operator::GreaterThan | Operator::LessThan | Operator::GreaterOrEqual | Operator::LessOrEqual => true,
            Operator::Equals | Operator::NotEquals => {
                matches!(self.value, Operand::Version(_))
                    || self.property.eq_ignore_ascii_case("operatingSystemVersion")
            }
            _ => false,
        }
    }

    fn compare_version(&self, device: &str) -> Evaluation {
        let wanted = match &self.value {
            Operand::Text(text) | Operand::Version(text) if is_version(text.trim()) => leading_version(text),
            _ => None,
        };
        let (Some(wanted), Some(device)) = (wanted, leading_version(device)) else {
            return Evaluation::CannotTell;
        };
        let order = compare_versions(&device, &wanted);
        Evaluation::of(match self.operator {
            Operator::Equals => order.is_eq(),
            Operator::NotEquals => order.is_ne(),
            Operator::GreaterThan => order.is_gt(),
            Operator::LessThan => order.is_lt(),
            Operator::GreaterOrEqual => order.is_ge(),
            Operator::LessOrEqual => order.is_le(),
            _ => return Evaluation::CannotTell,
        })
    }
}

impl Rule {
    /// Evaluates the rule. `facts` gets each property name lower-cased, without its entity prefix; it is not asked
    /// about comparisons after the result is settled. `And` is `NoMatch` if any part is, else `Match` if all parts
    /// are, else `CannotTell`; `Or` is the dual.
    pub fn evaluate(&self, facts: &dyn Fn(&str) -> Fact) -> Evaluation {
        let (rules, decisive, otherwise) = match self {
            Rule::Compare(comparison) => return comparison.evaluate(&facts(&comparison.property.to_ascii_lowercase())),
            Rule::And(rules) => (rules, Evaluation::NoMatch, Evaluation::Match),
            Rule::Or(rules) => (rules, Evaluation::Match, Evaluation::NoMatch),
        };
        let mut result = otherwise;
        for rule in rules {
            match rule.evaluate(facts) {
                Evaluation::CannotTell => result = Evaluation::CannotTell,
                found if found == decisive => return decisive,
                _ => {}
            }
        }
        result
    }

    /// Every comparison, in the order written, for showing "the rule and the device's values".
    #[must_use]
    pub fn comparisons(&self) -> Vec<&Comparison> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a Comparison>) {
        match self {
            Rule::Compare(comparison) => out.push(comparison),
            Rule::And(rules) | Rule::Or(rules) => rules.iter().for_each(|rule| rule.collect(out)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use Evaluation::{CannotTell, Match, NoMatch};
    use Operator::*;

    fn known(value: &str) -> Fact {
        Fact::Known(value.to_owned())
    }

    fn text(value: &str) -> Operand {
        Operand::Text(value.to_owned())
    }

    fn cmp(property: &str, operator: Operator, value: Operand) -> Rule {
        let (entity, property) = (Entity::Device, property.to_owned());
        Rule::Compare(Comparison { entity, property, operator, value })
    }

    fn parsed(rule: &str) -> Rule {
        parse(rule).unwrap_or_else(|e| panic!("{rule}: {e:?}"))
    }

    /// Non-blank lines of `table`, each split at " | " into three trimmed fields.
    fn rows(table: &str) -> Vec<[&str; 3]> {
        fn row(line: &str) -> [&str; 3] {
            let mut fields = line.rsplitn(3, " | ").map(str::trim);
            let (last, middle) = (fields.next().unwrap_or_default(), fields.next().unwrap_or_default());
            [fields.next().unwrap_or_default(), middle, last]
        }
        table.lines().filter(|line| !line.trim().is_empty()).map(row).collect()
    }

    /// Checks `rule | device value | expected` rows; every property of the rule gets the same value. The values
    /// `<null>`, `<unknown>` and `<empty>` stand for `Fact::Null`, `Fact::Unknown` and `Fact::Known("")`.
    fn check(table: &str) {
        for [rule, value, expected] in rows(table) {
            let fact = match value {
                "<null>" => Fact::Null,
                "<unknown>" => Fact::Unknown,
                "<empty>" => known(""),
                _ => known(value),
            };
            let result = parsed(rule).evaluate(&|_: &str| fact.clone());
            assert_eq!(format!("{result:?}"), expected, "{rule} on {value}");
        }
    }

    #[test]
    fn documented_examples() {
        let rule = parsed(r#"(device.osVersion -eq "10.0.18362") and (device.manufacturer -eq "Microsoft")"#);
        let parts = [("osVersion", "10.0.18362"), ("manufacturer", "Microsoft")];
        assert_eq!(rule, Rule::And(parts.iter().map(|(p, v)| cmp(p, Equals, text(v))).collect()));
        let facts = |p: &str| known(if p == "osversion" { "10.0.18362" } else { "MICROSOFT" });
        assert_eq!(rule.evaluate(&facts), Match);
        let names = Operand::List(vec!["Scott's device".to_owned(), "Sara's device".to_owned()]);
        let rule = parsed(r#"(device.deviceName -in ["Scott's device", "Sara's device"])"#);
        assert_eq!(rule, cmp("deviceName", In, names));
        let rule = parsed("(device.enrollmentProfileName -ne $null)");
        assert_eq!(rule, cmp("enrollmentProfileName", NotEquals, Operand::Null));
        let version = Operand::Version("10.0.22000.1000".to_owned());
        let rule = parsed("(device.operatingSystemVersion -gt 10.0.22000.1000)");
        assert_eq!(rule, cmp("operatingSystemVersion", GreaterThan, version));
        let app = parsed(r#"(app.deviceManufacturer -eq "Google")"#);
        let app = app.comparisons()[0];
        assert_eq!((app.entity, app.property.as_str()), (Entity::App, "deviceManufacturer"));
        check(
            r#"
            (device.osVersion -eq "10.0.18362") and (device.manufacturer -eq "Microsoft") | 10.0.18362 | NoMatch
            (device.deviceName -in ["Scott's device", "Sara's device"]) | SARA'S Device | Match
            (device.deviceName -in ["Scott's device", "Sara's device"]) | Sara's device 2 | NoMatch
            (device.enrollmentProfileName -ne $null) | Autopilot | Match
            (device.enrollmentProfileName -ne $null) | <null> | NoMatch
            (device.operatingSystemVersion -gt 10.0.22000.1000) | 10.0.22631.2428 | Match
            (device.operatingSystemVersion -gt 10.0.22000.1000) | 10.0.22000.1000 | NoMatch
            (device.operatingSystemVersion -gt 10.0.22000.1000) | 10.0.22000.999 | NoMatch
            (device.deviceTrustType -in ["Hybrid Azure AD joined","Azure AD joined"]) | azure ad joined | Match
            (device.deviceTrustType -in ["Hybrid Azure AD joined","Azure AD joined"]) | Azure AD registered | NoMatch
            (app.deviceManufacturer -eq "Google") | google | Match
            (app.deviceManufacturer -eq "Google") | Samsung | NoMatch
            "#,
        );
    }

    #[test]
    fn every_operator_matches_and_misses() {
        check(
            r#"
            (device.model -eq "Surface Pro") | surface PRO | Match
            (device.model -eq "Surface Pro") | Surface Pro 9 | NoMatch
            (device.model -ne "Surface Pro") | Surface Pro 9 | Match
            (device.model -ne "Surface Pro") | SURFACE pro | NoMatch
            (device.model -startsWith "surf") | Surface Pro | Match
            (device.model -startsWith "Pro") | Surface Pro | NoMatch
            (device.model -notStartsWith "Pro") | Surface Pro | Match
            (device.model -notStartsWith "SURF") | Surface Pro | NoMatch
            (device.model -endsWith "PRO") | Surface Pro | Match
            (device.model -endsWith "Surf") | Surface Pro | NoMatch
            (device.model -notEndsWith "Surf") | Surface Pro | Match
            (device.model -notEndsWith "pro") | Surface Pro | NoMatch
            (device.model -contains "FACE p") | Surface Pro | Match
            (device.model -contains "Book") | Surface Pro | NoMatch
            (device.model -notContains "Book") | Surface Pro | Match
            (device.model -notContains "face") | Surface Pro | NoMatch
            (device.model -in ["Surface Book", "surface pro"]) | Surface Pro | Match
            (device.model -in ["Surface Book", "Surface"]) | Surface Pro | NoMatch
            (device.model -notIn ["Surface Book", "Surface"]) | Surface Pro | Match
            (device.model -notIn ["SURFACE PRO"]) | Surface Pro | NoMatch
            (device.operatingSystemVersion -gt 10.0.22000) | 10.0.22631 | Match
            (device.operatingSystemVersion -gt 10.0.22000) | 10.0.22000 | NoMatch
            (device.operatingSystemVersion -lt 10.0.22000) | 10.0.19045 | Match
            (device.operatingSystemVersion -lt 10.0.22000) | 10.0.22000 | NoMatch
            (device.operatingSystemVersion -ge 10.0.22000) | 10.0.22000 | Match
            (device.operatingSystemVersion -ge 10.0.22000) | 10.0.19045 | NoMatch
            (device.operatingSystemVersion -le 10.0.22000) | 10.0.22000 | Match
            (device.operatingSystemVersion -le 10.0.22000) | 10.0.22631 | NoMatch
            "#,
        );
    }

    #[test]
    fn spellings_with_and_without_dash_in_any_case() {
        let mut found = Vec::new();
        for name in
            "eq ne startsWith notStartsWith endsWith notEndsWith contains notContains in notIn gt lt ge le".split(' ')
        {
            let value = if name.to_lowercase().ends_with("in") { r#"["1.0"]"# } else { r#""1.0""# };
            let lower = name.to_lowercase();
            let operators: Vec<Operator> =
                [name.to_owned(), format!("-{name}"), name.to_uppercase(), format!("-{lower}")]
                    .map(|spelled| parsed(&format!("(DEVICE.Model {spelled} {value})")).comparisons()[0].operator)
                    .to_vec();
            assert!(operators.iter().all(|&operator| operator == operators[0]), "{name}: {operators:?}");
            found.push(operators[0]);
        }
        let expected = "[Equals, NotEquals, StartsWith, NotStartsWith, EndsWith, NotEndsWith, Contains, NotContains, \
                        In, NotIn, GreaterThan, LessThan, GreaterOrEqual, LessOrEqual]";
        assert_eq!(format!("{found:?}"), expected);
        let both = vec![cmp("a", Equals, text("1")), cmp("b", Equals, text("2"))];
        for and in ["and", "-and", "AND", "-And"] {
            let rule = format!(r#"(device.a -eq "1") {and} (device.b -eq "2")"#);
            assert_eq!(parsed(&rule), Rule::And(both.clone()), "{rule}");
        }
        for or in ["or", "-or", "OR", "-Or"] {
            let rule = format!(r#"device.a eq "1" {or} device.b eq "2""#);
            assert_eq!(parsed(&rule), Rule::Or(both.clone()), "{rule}");
        }
    }

    #[test]
    fn and_binds_tighter_than_or_and_parentheses_nest() {
        let [a, b, c] = ["a", "b", "c"].map(|p| cmp(p, Equals, text("1")));
        let (and, or) = (Rule::And, Rule::Or);
        let rule = r#"device.a -eq "1" or device.b -eq "1" and device.c -eq "1""#;
        assert_eq!(parsed(rule), or(vec![a.clone(), and(vec![b.clone(), c.clone()])]));
        // Read left to right this would be NoMatch; with precedence `a` alone decides.
        let facts = |p: &str| known(if p == "a" { "1" } else { "0" });
        assert_eq!(parsed(rule).evaluate(&facts), Match);
        let rule = r#"(device.a -eq "1") and (device.b -eq "1") or (device.c -eq "1")"#;
        assert_eq!(parsed(rule), or(vec![and(vec![a.clone(), b.clone()]), c.clone()]));
        let rule = r#"((device.a -eq "1") and ((device.b -eq "1") -or (device.c -eq "1")))"#;
        assert_eq!(parsed(rule), and(vec![a.clone(), or(vec![b, c])]));
        let (open, close) = ("(".repeat(MAX_NESTING), ")".repeat(MAX_NESTING));
        let deepest = format!(r#"{open}device.a -eq "1"{close}"#);
        assert_eq!(parsed(&deepest), a);
        let error = parse(&format!("({deepest})")).map_err(|e| (e.at, e.kind));
        assert_eq!(error, Err((MAX_NESTING, ParseErrorKind::TooDeep)));
    }

    #[test]
    fn values_lists_nulls_and_strings() {
        let list = |items: &[&str]| Operand::List(items.iter().map(|s| s.to_string()).collect());
        let value = |rule: &str| parsed(rule).comparisons()[0].value.clone();
        assert_eq!(value(r#"device.x -in [ "a" ,"b",   "c d" ]"#), list(&["a", "b", "c d"]));
        assert_eq!(value(r#"device.x -notIn ["only"]"#), list(&["only"]));
        for null in ["$null", "null", "Null", "$Null", "NULL", "$NULL"] {
            assert_eq!(value(&format!("device.x -eq {null}")), Operand::Null, "{null}");
        }
        assert_eq!(value("device.x -gt 10.0.22631.2428"), Operand::Version("10.0.22631.2428".to_owned()));
        assert_eq!(value("device.x -eq 14.2"), Operand::Version("14.2".to_owned()));
        assert_eq!(value(r#"device.x -eq "10.0.22000.1000""#), text("10.0.22000.1000"));
        assert_eq!(value(r#"(device.deviceName -eq "Zoë's Ünïcödé 设备 🚀")"#), text("Zoë's Ünïcödé 设备 🚀"));
        // Markup, parentheses and keywords inside a string are just text.
        let markup = r#"device.x -contains "<script>alert('x') or (1)</script>""#;
        assert_eq!(value(markup), text("<script>alert('x') or (1)</script>"));
        assert_eq!(value(r#"device.x -eq """#), text(""));
        check(
            r#"
            (device.deviceName -eq "Zoë's Ünïcödé 设备 🚀") | ZOË'S ÜNÏCÖDÉ 设备 🚀 | Match
            (device.deviceName -startsWith "ünï") | Ünïcödé | Match
            (device.x -contains "<b>") | a <B> b | Match
            (device.x -eq "<b>") | b | NoMatch
            "#,
        );
    }

    #[test]
    fn null_and_unknown_facts() {
        let null_table = r#"
            (device.model -eq $null) | <null> | Match
            (device.model -ne $null) | <null> | NoMatch
            (device.model -eq "x") | <null> | NoMatch
            (device.model -ne "x") | <null> | Match
            (device.model -startsWith "x") | <null> | NoMatch
            (device.model -notStartsWith "x") | <null> | Match
            (device.model -endsWith "x") | <null> | NoMatch
            (device.model -notEndsWith "x") | <null> | Match
            (device.model -contains "x") | <null> | NoMatch
            (device.model -notContains "x") | <null> | Match
            (device.model -in ["x"]) | <null> | NoMatch
            (device.model -notIn ["x"]) | <null> | Match
            (device.model -gt 1.0) | <null> | CannotTell
            (device.model -lt 1.0) | <null> | CannotTell
            (device.model -ge "1.0") | <null> | CannotTell
            (device.model -le 1.0) | <null> | CannotTell
            (device.model -eq 1.0) | <null> | CannotTell
            (device.operatingSystemVersion -ne "1.0") | <null> | CannotTell
            (device.operatingSystemVersion -eq $null) | <null> | Match
        "#;
        check(null_table);
        for [rule, _, _] in rows(null_table) {
            assert_eq!(parsed(rule).evaluate(&|_: &str| Fact::Unknown), CannotTell, "{rule}");
        }
        // A known value, even an empty one, is not null: the caller maps Graph's "" to Fact::Null where it means that.
        check(
            r#"
            (device.model -eq $null) | x | NoMatch
            (device.model -ne $null) | x | Match
            (device.model -eq $null) | <empty> | NoMatch
            (device.model -ne $null) | <empty> | Match
            "#,
        );
    }

    #[test]
    fn version_semantics() {
        check(
            r#"
            device.x -eq 10.0 | 10.0.0.0 | Match
            device.x -ne 10.0.0.0 | 10 | NoMatch
            device.x -gt 10.0.9 | 10.0.10 | Match
            device.x -eq 007.1 | 7.01 | Match
            device.x -lt 10.0.22000.1000 | 10.0.19045.3570 (build) | Match
            device.x -eq 14.1.2 | 14.1.2a | Match
            device.x -eq 10.15.3 | 10.15.3 (19D2064) | Match
            device.x -ge 14 | iOS 17 | CannotTell
            device.x -ge 14 | <empty> | CannotTell
            device.x -lt 99999999999999999999999 | 100000000000000000000000 | NoMatch
            device.x -gt "10.0" | 10.0.1 | Match
            device.x -le " 10.0 " | 10.0.1 | NoMatch
            device.x -gt "ten" | 10.0.1 | CannotTell
            device.operatingSystemVersion -eq "10.0" | 10.0.0 | Match
            device.OperatingSystemVersion -ne "10.0" | 10.0.1 | Match
            device.operatingSystemVersion -eq "abc" | 10.0 | CannotTell
            device.osVersion -eq "10.0" | 10.0.0 | NoMatch
            device.osVersion -startsWith 10.0 | 10.0.19045 | Match
            "#,
        );
    }

    #[test]
    fn three_valued_logic() {
        // Property `match` matches, `nomatch` does not, anything else cannot be told.
        let facts = |p: &str| match p {
            "match" => known("1"),
            "nomatch" => known("2"),
            _ => Fact::Unknown,
        };
        let leaf = |e: Evaluation| format!(r#"device.{e:?} -eq "1""#);
        // a, b, a and b, a or b
        let table = [
            (Match, Match, Match, Match),
            (Match, NoMatch, NoMatch, Match),
            (Match, CannotTell, CannotTell, Match),
            (NoMatch, Match, NoMatch, Match),
            (NoMatch, NoMatch, NoMatch, NoMatch),
            (NoMatch, CannotTell, NoMatch, CannotTell),
            (CannotTell, Match, CannotTell, Match),
            (CannotTell, NoMatch, NoMatch, CannotTell),
            (CannotTell, CannotTell, CannotTell, CannotTell),
        ];
        for (a, b, and, or) in table {
            assert_eq!(parsed(&format!("{} and {}", leaf(a), leaf(b))).evaluate(&facts), and, "{a:?} and {b:?}");
            assert_eq!(parsed(&format!("{} or {}", leaf(a), leaf(b))).evaluate(&facts), or, "{a:?} or {b:?}");
        }
        let three = format!("({} and {}) or {}", leaf(CannotTell), leaf(Match), leaf(NoMatch));
        assert_eq!(parsed(&three).evaluate(&facts), CannotTell);
    }

    #[test]
    fn facts_get_lower_case_names_and_comparisons_keep_order() {
        let rule = parsed(r#"(DEVICE.DeviceName -eq "a") or ((app.OSVersion -eq "b") and device.model -eq "c")"#);
        let names: Vec<_> = rule.comparisons().iter().map(|c| (c.entity, c.property.as_str())).collect();
        assert_eq!(names, [(Entity::Device, "DeviceName"), (Entity::App, "OSVersion"), (Entity::Device, "model")]);
        let seen = RefCell::new(Vec::new());
        let facts = |p: &str| {
            seen.borrow_mut().push(p.to_owned());
            Fact::Unknown
        };
        assert_eq!(rule.evaluate(&facts), CannotTell);
        assert_eq!(seen.into_inner(), ["devicename", "osversion", "model"]);
    }

    #[test]
    fn rule_length_limit_counts_chars() {
        let base = r#"(device.deviceName -eq "é")"#;
        let longest = format!("{base}{}", " ".repeat(MAX_RULE_CHARS - base.chars().count()));
        assert!(parse(&longest).is_ok());
        let error = parse(&format!("{longest} ")).map_err(|e| (e.at, e.kind));
        assert_eq!(error, Err((MAX_RULE_CHARS, ParseErrorKind::TooLong)));
        // 3,072 two-byte chars are within the limit: it counts characters, not bytes.
        let name = "é".repeat(MAX_RULE_CHARS - r#"(device.x -eq "")"#.len());
        assert!(parse(&format!(r#"(device.x -eq "{name}")"#)).is_ok());
    }

    #[test]
    fn errors_name_kind_and_char_offset() {
        for blank in ["", " \n\t "] {
            assert_eq!(parse(blank), Err(fail(0, ParseErrorKind::Empty)));
        }
        // rule | char offset | kind, Debug-printed
        let table = r#"
            (device.x -eq | 13 | UnexpectedEnd
            device.x | 8 | UnexpectedEnd
            device.x -eq "a" and | 20 | UnexpectedEnd
            device.x -in ["a", | 18 | UnexpectedEnd
            device.x -eq 'a' | 13 | UnexpectedChar('\'')
            device.x "a" | 9 | UnexpectedChar('"')
            (device.x -eq "a") (device.y -eq "b") | 19 | UnexpectedChar('(')
            device.x -in ["a" "b"] | 18 | UnexpectedChar('"')
            device.x -eq "abc | 13 | UnterminatedString
            device.x -in ["a", "b] | 19 | UnterminatedString
            device.x -match "a.*" | 9 | UnsupportedOperator("-match")
            device.x -NotMatch "a" | 9 | UnsupportedOperator("-NotMatch")
            device.x -like "a*" | 9 | UnsupportedOperator("-like")
            device.x -any "a" | 9 | UnsupportedOperator("-any")
            device.x -all "a" | 9 | UnsupportedOperator("-all")
            device.x -equals "a" | 9 | UnsupportedOperator("-equals")
            device.x == "a" | 9 | UnsupportedOperator("==")
            not (device.x -eq "a") | 0 | UnsupportedOperator("not")
            (device.y -eq "b") and -NOT (device.x -eq "a") | 23 | UnsupportedOperator("-NOT")
            !(device.x -eq "a") | 0 | UnsupportedOperator("!")
            device.x -eq "a" xor device.y -eq "b" | 17 | UnsupportedOperator("xor")
            (device.x -eq "a" && device.y -eq "b") | 18 | UnsupportedOperator("&&")
            (device.x -eq "日本語") oops | 21 | UnsupportedOperator("oops")
            device.x -eq True | 13 | ExpectedValue
            (device.x -eq ) | 14 | ExpectedValue
            device.x -in [] | 14 | ExpectedValue
            device.x -in ["a",] | 18 | ExpectedValue
            device.x -in [10.0] | 14 | ExpectedValue
            user.x -eq "a" | 0 | ExpectedProperty
            deviceName -eq "a" | 0 | ExpectedProperty
            device. -eq "a" | 0 | ExpectedProperty
            device.a.b -eq "a" | 0 | ExpectedProperty
            () | 1 | ExpectedProperty
            device.x -eq ["a"] | 13 | ListNotAllowed
            device.x -contains ["a", "b"] | 19 | ListNotAllowed
            device.x -in "a" | 13 | ListRequired
            device.x -notIn $null | 16 | ListRequired
            device.x -contains $null | 19 | NullNotAllowed
            device.x -gt null | 13 | NullNotAllowed
            ((device.x -eq "a") | 0 | UnbalancedParenthesis
            (device.x -eq "a") and ((device.y -eq "b") | 23 | UnbalancedParenthesis
            (device.x -eq "a")) | 18 | UnbalancedParenthesis
        "#;
        for [rule, at, kind] in rows(table) {
            let error = parse(rule).map_err(|e| (e.at.to_string(), format!("{:?}", e.kind)));
            assert_eq!(error, Err((at.to_owned(), kind.to_owned())), "{rule}");
        }
    }
}
