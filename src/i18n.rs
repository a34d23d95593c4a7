//! The translation layer as the views use it: the operator's language in a context, and every
//! [`Text`] (the portal's [`Msg`]s and the catalogues' entries) read in that language. The texts
//! themselves are plain data in `crate::text`.

use leptos::prelude::*;

pub use crate::text::{Lang, Msg, Text, ViewMsg};

/// The operator's language, shared through the component tree.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// A text without arguments in the current language (tracked: views re-render when the
    /// language changes).
    pub fn t(&self, text: impl Into<Text>) -> &'static str {
        text.into().template(self.lang.get())
    }

    /// A text with its arguments and plural forms in place, in the current language (tracked).
    pub fn fmt(&self, text: impl Into<Text>, args: &[&str]) -> String {
        text.into().fill(self.lang.get(), args)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
