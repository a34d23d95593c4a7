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
    PartUnavailable => "This part of the portal could not be downloaded. Check the connection, then reload.", "Cette partie du portail n’a pas pu être téléchargée. Vérifiez la connexion, puis rechargez.";
    Reload => "Reload", "Recharger";
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
    Refresh => "Refresh", "Actualiser";
    LoadedAgo => "Loaded {0}", "Chargé {0}";
    JustNow => "just now", "à l’instant";
    MinutesAgo => "{0} min ago", "il y a {0} min";
    StillLoading => "Loading…", "Chargement…";
    RecentUsers => "Recent users", "Utilisateurs récents";
    UserStatus => "User status", "État de l’utilisateur";
    IntuneLicence => "Intune licence", "Licence Intune";
    Licensed => "Licensed ({0})", "Sous licence ({0})";
    NotLicensed => "Not licensed", "Sans licence";
    ProvisioningError => "Provisioning error ({0})", "Erreur d’approvisionnement ({0})";
    DeviceCount => "Devices", "Appareils";
    DevicesSummary => "{0} devices: {1} compliant, {2} not compliant, {3} other", "{0} appareils : {1} conformes, {2} non conformes, {3} autres";
    AppCount => "Apps", "Applications";
    AppsSummary => "{0} apps: {1} installed, {2} failed, {3} pending", "{0} applications : {1} installées, {2} en échec, {3} en attente";
    UserInformation => "User information", "Informations sur l’utilisateur";
    TabDevices => "Devices", "Appareils";
    TabApps => "Client apps", "Applications clientes";
    TabCompliance => "Compliance policies", "Stratégies de conformité";
    TabConfiguration => "Configuration policies", "Stratégies de configuration";
    TabAppProtection => "App protection", "Protection des applications";
    TabRestrictions => "Enrollment restrictions", "Restrictions d’inscription";
    TabGroups => "Groups", "Groupes";
    TabFailures => "Enrollment failures", "Échecs d’inscription";
    ColDeviceName => "Device name", "Nom de l’appareil";
    ColManagedBy => "Managed by", "Géré par";
    ColOwnership => "Ownership", "Propriété";
    ColCompliant => "Intune compliant", "Conforme Intune";
    ColOs => "OS", "Système";
    ColOsVersion => "OS version", "Version du système";
    ColLastCheckIn => "Last check-in", "Dernière synchronisation";
    ColName => "Name", "Nom";
    ColVersion => "Version", "Version";
    ColAssignment => "Assignment", "Affectation";
    ColInstallState => "Install state", "État de l’installation";
    ColDevice => "Device", "Appareil";
    ColPolicy => "Policy", "Stratégie";
    ColPlatform => "Platform", "Plateforme";
    ColState => "State", "État";
    ColSettings => "Settings", "Paramètres";
    ColApp => "App", "Application";
    ColDeviceType => "Device type", "Type d’appareil";
    ColLastSync => "Last sync", "Dernière synchronisation";
    ColFlags => "Flagged", "Signalé";
    ColPriority => "Priority", "Priorité";
    ColKind => "Kind", "Type";
    ColRule => "Rule", "Règle";
    ColAssignedTo => "Assigned to", "Affectée à";
    ColMembership => "Membership", "Appartenance";
    ColEnrollmentStart => "Enrollment start", "Début de l’inscription";
    ColFailure => "Failure", "Échec";
    Direct => "Direct", "Directe";
    Inherited => "Inherited", "Héritée";
    KindSecurity => "Security", "Sécurité";
    KindMicrosoft365 => "Microsoft 365", "Microsoft 365";
    KindDynamicSecurity => "Security (dynamic)", "Sécurité (dynamique)";
    KindDynamicMicrosoft365 => "Microsoft 365 (dynamic)", "Microsoft 365 (dynamique)";
    KindRole => "Directory role", "Rôle d’annuaire";
    KindAdminUnit => "Administrative unit", "Unité administrative";
    KindOther => "Other", "Autre";
    FilterLabel => "Filter", "Filtrer";
    ShowingRows => "{0} of {1}", "{0} sur {1}";
    ExportCsv => "Export CSV", "Exporter en CSV";
    PreviousPage => "Previous", "Précédent";
    NextPage => "Next", "Suivant";
    PageOf => "Page {0} of {1}", "Page {0} sur {1}";
    SortBy => "Sort by {0}", "Trier par {0}";
    NothingHere => "Nothing to show.", "Rien à afficher.";
    NoMatches => "No row matches the filter.", "Aucune ligne ne correspond au filtre.";
    PagingProgress => "{0} of {1} received…", "{0} sur {1} reçus…";
    PagingProgressUnknown => "{0} received, more coming…", "{0} reçus, la suite arrive…";
    Throttled => "Microsoft Graph is throttling; retrying in {0} s.", "Microsoft Graph limite les requêtes ; nouvel essai dans {0} s.";
    RetryingIn => "Microsoft Graph did not answer; retrying in {0} s.", "Microsoft Graph n’a pas répondu ; nouvel essai dans {0} s.";
    SkippedItems => "{0} item(s) could not be read and are not shown:", "{0} élément(s) illisible(s), non affiché(s) :";
    WhyNonCompliant => "Why it is not compliant", "Pourquoi il n’est pas conforme";
    NoFailingSettings => "No failing setting was reported.", "Aucun paramètre en échec n’a été signalé.";
    CurrentValue => "current value: {0}", "valeur actuelle : {0}";
    StateCompliant => "Compliant", "Conforme";
    StateNoncompliant => "Not compliant", "Non conforme";
    StateInGrace => "In grace period", "En période de grâce";
    StateError => "Error", "Erreur";
    StateConflict => "Conflict", "Conflit";
    StateNotApplicable => "Not applicable", "Non applicable";
    StateRemediated => "Remediated", "Corrigé";
    StateNotAssigned => "Not assigned", "Non affecté";
    StateConfigManager => "Configuration Manager", "Configuration Manager";
    StateUnknown => "Unknown", "Inconnu";
    StateNew => "Unrecognised ({0})", "Non reconnu ({0})";
    InstallInstalled => "Installed", "Installée";
    InstallFailed => "Failed", "En échec";
    InstallPending => "Pending install", "Installation en attente";
    InstallNotInstalled => "Not installed", "Non installée";
    InstallUninstallFailed => "Uninstall failed", "Échec de la désinstallation";
    OwnerCompany => "Company", "Entreprise";
    OwnerPersonal => "Personal", "Personnel";
    Blocked => "Blocked", "Bloquée";
    Allowed => "Allowed", "Autorisée";
    PersonalBlocked => "personal devices blocked", "appareils personnels bloqués";
    DeviceLimit => "Device limit: {0}", "Limite d’appareils : {0}";
    AllUsers => "All users", "Tous les utilisateurs";
    GroupId => "Group {0}", "Groupe {0}";
    FailureTitle => "Enrollment failure", "Échec d’inscription";
    FailureDetails => "Failure details", "Détails de l’échec";
    PotentialRemediations => "Potential remediations", "Corrections potentielles";
    Resources => "Resources", "Ressources";
    FromGraph => "As reported by Intune", "Tel que signalé par Intune";
    FromCatalogue => "From the help-desk catalogue", "D’après le catalogue du support";
    GuessedFromCategory => "Recognised from the failure category only; the reason was “{0}”.", "Reconnu d’après la catégorie d’échec seulement ; la raison était « {0} ».";
    NotRecognised => "This failure is not in the catalogue; no remediation is suggested.", "Cet échec n’est pas dans le catalogue ; aucune correction n’est proposée.";
    FailureNotFound => "This enrollment failure is not among the user’s failures.", "Cet échec d’inscription ne figure pas parmi ceux de l’utilisateur.";
    BackToFailures => "Back to enrollment failures", "Retour aux échecs d’inscription";
    Category => "Category", "Catégorie";
    Reason => "Reason", "Raison";
    CorrelationId => "Correlation ID", "ID de corrélation";
    EnrollmentType => "Enrollment type", "Type d’inscription";
    CollectData => "Collect data from the device", "Collecter les données de l’appareil";
    CopyTicket => "Copy ticket summary", "Copier le résumé du ticket";
    Copied => "Copied.", "Copié.";
    CopyFailed => "Could not copy; select the text below instead.", "Copie impossible ; sélectionnez le texte ci-dessous.";
    OpensInNewTab => "(opens in a new tab)", "(s’ouvre dans un nouvel onglet)";
    ErrorCode => "Code", "Code";
    ErrorRequestId => "Request ID", "ID de requête";
    Retry => "Retry", "Réessayer";
    ErrorNetwork => "The network request failed: {0}", "La requête réseau a échoué : {0}";
    ErrorDecode => "Microsoft Graph sent an answer the portal cannot read: {0}", "Microsoft Graph a envoyé une réponse illisible pour le portail : {0}";
    ErrorHttp => "Microsoft Graph answered {0}: {1}", "Microsoft Graph a répondu {0} : {1}";
    ErrorTimedOut => "Microsoft Graph did not answer in time.", "Microsoft Graph n’a pas répondu à temps.";
    ErrorSignInRequired => "Your sign-in has expired; taking you to sign in again.", "Votre connexion a expiré ; retour à la page de connexion.";
    RefusalMissingPermission => "Your account lacks the Microsoft Graph permission {0} needed here. Ask an administrator to grant it to the helpdesk app (admin consent in Microsoft Entra ID).", "Votre compte n’a pas l’autorisation Microsoft Graph {0} nécessaire ici. Demandez à un administrateur de l’accorder à l’application helpdesk (consentement administrateur dans Microsoft Entra ID).";
    RefusalNoIntuneRole => "Your account has no Intune role that allows this. Ask an Intune administrator to assign you a role such as Help Desk Operator or Read Only Operator.", "Votre compte n’a pas de rôle Intune qui le permet. Demandez à un administrateur Intune de vous attribuer un rôle tel que Help Desk Operator ou Read Only Operator.";
    RefusalDenied => "Microsoft Graph refused this to your account (permission needed: {0}).", "Microsoft Graph a refusé cette demande à votre compte (autorisation nécessaire : {0}).";
    Or => " or ", " ou ";
    PlatformIos => "iOS/iPadOS", "iOS/iPadOS";
    PlatformAndroid => "Android device administrator", "Administrateur d’appareils Android";
    PlatformAndroidForWork => "Android Enterprise (work profile)", "Android Entreprise (profil professionnel)";
    PlatformWindows => "Windows", "Windows";
    PlatformMac => "macOS", "macOS";
    PlatformAll => "All platforms", "Toutes les plateformes";
    KindDeviceLimit => "Device limit", "Limite d’appareils";
    KindAllPlatforms => "Platform restrictions (every platform)", "Restrictions de plateforme (toutes les plateformes)";
    KindSinglePlatform => "{0} restriction", "Restriction {0}";
    KindOtherConfiguration => "Other enrollment setting", "Autre paramètre d’inscription";
    PriorityDefault => "Default (applies last)", "Par défaut (s’applique en dernier)";
    RestrictionsApplied => "What applies to this user", "Ce qui s’applique à cet utilisateur";
    RestrictionsWaitGroups => "Waiting for the user’s groups to tell which restriction applies…", "En attente des groupes de l’utilisateur pour savoir quelle restriction s’applique…";
    RestrictionsNoGroups => "Cannot tell which restriction applies: the user’s groups could not be read.", "Impossible de savoir quelle restriction s’applique : les groupes de l’utilisateur n’ont pas pu être lus.";
    NoRestrictionApplies => "None applies", "Aucune ne s’applique";
    ColRestriction => "Restriction (priority)", "Restriction (priorité)";
    ColWhy => "Why", "Pourquoi";
    ColAppliesToUser => "Applies to this user", "S’applique à cet utilisateur";
    WhyDefault => "The default: applies to everyone not reached by another restriction", "Par défaut : s’applique à tous ceux qu’aucune autre restriction n’atteint";
    WhyAllUsers => "Assigned to all users", "Affectée à tous les utilisateurs";
    WhyGroup => "Through the group {0}", "Par le groupe {0}";
    PassedOverExcluded => "{0} ({1}) does not apply: excluded through the group {2}", "{0} ({1}) ne s’applique pas : exclusion par le groupe {2}";
    PassedOverCannotTell => "{0} ({1}) may apply: it targets a Configuration Manager collection or a target the portal cannot check", "{0} ({1}) peut s’appliquer : elle cible une collection Configuration Manager ou une cible que le portail ne peut pas vérifier";
    TargetAllDevices => "All devices (does not reach a user’s enrollment)", "Tous les appareils (n’atteint pas l’inscription d’un utilisateur)";
    TargetExcluded => "Excluded: {0}", "Exclu : {0}";
    TargetCollection => "Configuration Manager collection {0}", "Collection Configuration Manager {0}";
    AppliesYes => "Yes: {0}", "Oui : {0}";
    AppliesExcluded => "No: excluded through the group {0}", "Non : exclusion par le groupe {0}";
    AppliesNo => "No: not assigned to this user", "Non : non affectée à cet utilisateur";
    AppliesCannotTell => "Cannot tell", "Impossible à déterminer";
    BlockedManufacturers => "blocked manufacturers: {0}", "fabricants bloqués : {0}";
    BlockedSkus => "blocked SKUs: {0}", "références bloquées : {0}";
    EnrollmentCard => "Enrollment", "Inscription";
    LimitStatus => "Device limit {0} ({1}): {2} enrolled", "Limite d’appareils {0} ({1}) : {2} inscrits";
    LimitReached => "Limit reached: the next enrollment will fail (device cap reached).", "Limite atteinte : la prochaine inscription échouera (plafond d’appareils atteint).";
    PlatformsBlocked => "Blocked for this user: {0}", "Bloqué pour cet utilisateur : {0}";
    NoPlatformBlocked => "No platform blocked for this user", "Aucune plateforme bloquée pour cet utilisateur";
    NameHidden => "Name hidden: needs {0} (id {1})", "Nom masqué : nécessite {0} (id {1})";
    ConfigurationListScope => "This list holds configuration profiles of the older kinds (templates). Settings-catalog and endpoint-security policies are not in it: Graph gives no per-device state for them here.", "Cette liste contient les profils de configuration des anciens types (modèles). Les stratégies du catalogue de paramètres et de sécurité des points de terminaison n’y figurent pas : Graph n’en donne pas ici l’état par appareil.";
    PartFailed => "Could not be read: {0}", "Lecture impossible : {0}";
    OtherUsersSettings => "{0} setting state(s) of other users of this shared device are not shown.", "{0} état(s) de paramètre d’autres utilisateurs de cet appareil partagé ne sont pas affichés.";
    RefusalUnknown => "Microsoft Graph refused this to your account.", "Microsoft Graph a refusé cette demande à votre compte.";
    SigningIn => "Signing in…", "Connexion…";
    SignIn => "Sign in", "Se connecter";
    SignInAgain => "Sign in again", "Se reconnecter";
    SignOut => "Sign out", "Se déconnecter";
    SignedInAs => "Signed in as {0}, tenant {1}", "Connecté en tant que {0}, locataire {1}";
    SignInProblemTitle => "Sign-in did not complete", "La connexion n’a pas abouti";
    SignInRefused => "Microsoft Entra ID refused the sign-in ({0}): {1}", "Microsoft Entra ID a refusé la connexion ({0}) : {1}";
    SignInUnexpected => "This sign-in answer does not match a sign-in started in this tab, so it was ignored. Start again.", "Cette réponse de connexion ne correspond à aucune connexion lancée dans cet onglet ; elle a été ignorée. Recommencez.";
    SignInExchangeRefused => "Microsoft Entra ID would not issue tokens ({0}): {1}", "Microsoft Entra ID a refusé de délivrer les jetons ({0}) : {1}";
    SignInUnreachable => "The sign-in service could not be reached: {0}", "Le service de connexion est injoignable : {0}";
    SignedOutTitle => "You are signed out", "Vous êtes déconnecté";
    SignedOutBody => "Your tokens were removed from this browser and your Microsoft Entra ID session was ended.", "Vos jetons ont été supprimés de ce navigateur et votre session Microsoft Entra ID a été fermée.";
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
