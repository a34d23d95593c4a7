//! Every string the operator reads, as plain data: a [`Text`] holds an English and a French
//! template, [`Msg`] and [`ViewMsg`] name the portal's own texts (the first load's and the user view chunk's), and [`Text::fill`] puts arguments and plural
//! forms in place. No Leptos here: the domain's catalogues use it too, and `crate::i18n` hands it
//! to the views.

mod lang;
mod messages;
mod template;
mod view_messages;

pub use lang::Lang;
pub use messages::Msg;
pub use view_messages::ViewMsg;

/// One user-visible text in both languages. Templates take `{0}`, `{1}`, … for arguments and
/// `{0|one|other}` for the word that agrees with the number in argument 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub fr: &'static str,
}

impl Text {
    pub const fn new(en: &'static str, fr: &'static str) -> Text {
        Text { en, fr }
    }

    pub fn template(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }

    /// The text in `lang` with `args` in place. Arguments are inserted as they are and never
    /// read as placeholders, so a value from a URL or from Graph cannot change the message.
    pub fn fill(self, lang: Lang, args: &[&str]) -> String {
        template::fill(self.template(lang), lang, args)
    }
}

impl From<Msg> for Text {
    fn from(msg: Msg) -> Text {
        msg.text()
    }
}

impl From<ViewMsg> for Text {
    fn from(msg: ViewMsg) -> Text {
        msg.text()
    }
}
