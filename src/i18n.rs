//! The translation layer: every string the operator reads, in English and French.
//! A message missing in one language does not compile.

use leptos::prelude::*;

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

    /// The language's own name, for the switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }
}

macro_rules! messages {
    ($($key:ident => $en:expr, $fr:expr;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::En) => $en, (Msg::$key, Lang::Fr) => $fr,)*
                }
            }
        }
    };
}

messages! {
    AppTitle => "Help desk troubleshooting", "Dépannage du support technique";
    SkipToContent => "Skip to content", "Aller au contenu";
    Loading => "Loading…", "Chargement…";
    Language => "Language", "Langue";
    AccountState => "Account state", "État du compte";
    AccountActive => "Active", "Actif";
    AccountInactive => "Inactive", "Inactif";
    AccountUnknown => "Unknown", "Inconnu";
    AccountStateRaw => "Subscription state: {0}", "État de l’abonnement : {0}";
    AccountStateUnavailable => "Account state unavailable", "État du compte indisponible";
    NotFoundTitle => "Page not found", "Page introuvable";
    NotFoundBody => "There is nothing at {0}.", "Il n’y a rien à l’adresse {0}.";
    BackToUserSelection => "Back to user selection", "Retour à la sélection d’un utilisateur";
    SetupTitle => "The portal is not set up yet", "Le portail n’est pas encore configuré";
    SetupIntro => "The portal reads its settings from config.json next to index.html. Fix the following and reload:", "Le portail lit ses paramètres dans config.json, à côté d’index.html. Corrigez les points suivants puis rechargez :";
    ConfigUnreachable => "config.json could not be loaded: {0}", "Impossible de charger config.json : {0}";
    ConfigNotJson => "config.json is not valid JSON: {0}", "config.json n’est pas un JSON valide : {0}";
    ConfigMissing => "The field “{0}” is missing or empty.", "Le champ « {0} » est absent ou vide.";
    ConfigBadUrl => "The field “{0}” must be an https URL (http only on this computer), not “{1}”.", "Le champ « {0} » doit être une URL https (http seulement sur cet ordinateur), et non « {1} ».";
    ConfigBadLanguage => "The field “defaultLanguage” must be “en” or “fr”, not “{0}”.", "Le champ « defaultLanguage » doit valoir « en » ou « fr », et non « {0} ».";
    SelectUserTitle => "Select a user", "Sélectionner un utilisateur";
    SelectUserHint => "Type the caller’s name or e-mail. Press / to come back here from anywhere.", "Tapez le nom ou l’adresse e-mail de l’appelant. Appuyez sur / pour revenir ici depuis n’importe où.";
    SearchLabel => "Name or e-mail", "Nom ou adresse e-mail";
    NoUserMatches => "No user matches “{0}”.", "Aucun utilisateur ne correspond à « {0} ».";
    TypeToSearch => "Type at least two characters.", "Tapez au moins deux caractères.";
    ChangeUser => "Change user", "Changer d’utilisateur";
    UserTitle => "User", "Utilisateur";
    ErrorCode => "Code", "Code";
    ErrorRequestId => "Request ID", "ID de requête";
    Retry => "Retry", "Réessayer";
    ErrorNetwork => "The network request failed: {0}", "La requête réseau a échoué : {0}";
    ErrorDecode => "Microsoft Graph sent an answer the portal cannot read: {0}", "Microsoft Graph a envoyé une réponse illisible pour le portail : {0}";
    ErrorHttp => "Microsoft Graph answered {0}: {1}", "Microsoft Graph a répondu {0} : {1}";
    ErrorTimedOut => "Microsoft Graph did not answer in time.", "Microsoft Graph n’a pas répondu à temps.";
}

/// Puts `args` in place of `{0}`, `{1}`, … in a message.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut text = template.to_string();
    for (index, arg) in args.iter().enumerate() {
        text = text.replace(&format!("{{{index}}}"), arg);
    }
    text
}

/// The operator's language, shared through the component tree.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// A message in the current language (tracked: views re-render when the language changes).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    pub fn fmt(&self, msg: Msg, args: &[&str]) -> String {
        fill(self.t(msg), args)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_browsers_get_french_and_others_the_fallback() {
        assert_eq!(Lang::negotiate(["fr-CA", "en-US"], Lang::En), Lang::Fr);
        assert_eq!(Lang::negotiate(["de-DE", "en-GB"], Lang::Fr), Lang::En);
        assert_eq!(Lang::negotiate(["de-DE"], Lang::Fr), Lang::Fr);
    }

    #[test]
    fn every_message_is_translated_and_keeps_its_placeholders() {
        for msg in Msg::ALL {
            let (en, fr) = (msg.text(Lang::En), msg.text(Lang::Fr));
            assert!(!en.is_empty() && !fr.is_empty(), "{msg:?} is empty");
            for index in 0..4 {
                let placeholder = format!("{{{index}}}");
                assert_eq!(en.contains(&placeholder), fr.contains(&placeholder), "{msg:?} placeholders differ");
            }
        }
    }

    #[test]
    fn fill_replaces_numbered_placeholders() {
        assert_eq!(fill("{0} of {1}", &["3", "5"]), "3 of 5");
    }
}
