/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// BCP 47 tag, for `<html lang>` and date formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language a tag such as `fr-CA` asks for, if we have it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages we have, else `fallback`.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>, fallback: Lang) -> Lang {
        preferred.into_iter().find_map(Lang::from_tag).unwrap_or(fallback)
    }

    /// A number as written in this language, to three decimals at most: `0.5` in English,
    /// `0,5` in French. Written with integers: float formatting would add its code to the
    /// first load.
    pub fn decimal(self, value: f64) -> String {
        let thousandths = (value.abs() * 1000.0).round() as u64;
        let sign = if value < 0.0 && thousandths > 0 { "-" } else { "" };
        let (whole, fraction) = (thousandths / 1000, thousandths % 1000);
        if fraction == 0 {
            return format!("{sign}{whole}");
        }
        let separator = match self {
            Lang::En => '.',
            Lang::Fr => ',',
        };
        let fraction = format!("{fraction:03}");
        format!("{sign}{whole}{separator}{}", fraction.trim_end_matches('0'))
    }

    /// The language's own name, for the switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// Whether `count` takes the singular: English says "1 device" and "0 devices", French says
    /// "0 appareil" and "1 appareil" (CLDR: `one` is 1 in English, 0 and 1 in French).
    pub fn is_singular(self, count: u64) -> bool {
        match self {
            Lang::En => count == 1,
            Lang::Fr => count <= 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_take_each_language_s_separator() {
        assert_eq!((Lang::En.decimal(0.5), Lang::Fr.decimal(0.5)), ("0.5".to_string(), "0,5".to_string()));
        assert_eq!(Lang::Fr.decimal(480.0), "480");
        assert_eq!((Lang::En.decimal(0.05), Lang::Fr.decimal(1.25)), ("0.05".to_string(), "1,25".to_string()));
        assert_eq!((Lang::En.decimal(2.0004), Lang::En.decimal(-1.5)), ("2".to_string(), "-1.5".to_string()));
    }

    #[test]
    fn french_browsers_get_french_and_others_the_fallback() {
        assert_eq!(Lang::negotiate(["fr-CA", "en-US"], Lang::En), Lang::Fr);
        assert_eq!(Lang::negotiate(["de-DE", "en-GB"], Lang::Fr), Lang::En);
        assert_eq!(Lang::negotiate(["de-DE"], Lang::Fr), Lang::Fr);
    }

    #[test]
    fn zero_is_plural_in_english_and_singular_in_french() {
        assert!(!Lang::En.is_singular(0) && Lang::En.is_singular(1) && !Lang::En.is_singular(2));
        assert!(Lang::Fr.is_singular(0) && Lang::Fr.is_singular(1) && !Lang::Fr.is_singular(2));
    }
}
