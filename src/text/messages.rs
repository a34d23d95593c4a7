use super::Text;

/// A catalogue of messages as an enum: each key with its English and French text.
macro_rules! messages {
    ($(#[$meta:meta])* $name:ident { $($key:ident => $en:expr, $fr:expr;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            pub fn text(self) -> Text {
                match self {
                    $($name::$key => Text::new($en, $fr),)*
                }
            }
        }
    };
}

pub(crate) use messages;

messages! {
/// The messages of the shell and of what start-up shows (header, sign-in, user selection, the
/// section frames): all of them are in the first load, since the start-up code reads this catalogue.
Msg {
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
    ConfigBadIdleTimeout => "The field “idleTimeoutMinutes” must be a number of minutes above zero, not {0}.", "Le champ « idleTimeoutMinutes » doit être un nombre de minutes supérieur à zéro, et non {0}.";
    ConfigUnknownAuthority => "The field “authority” ({0}) is not on a Microsoft Entra sign-in host (login.microsoftonline.com, login.microsoftonline.us, login.partner.microsoftonline.cn). To sign in somewhere else on purpose, name that origin in “trustedAuthorityOrigin”.", "Le champ « authority » ({0}) n’est pas sur un hôte de connexion Microsoft Entra (login.microsoftonline.com, login.microsoftonline.us, login.partner.microsoftonline.cn). Pour se connecter ailleurs délibérément, indiquez cette origine dans « trustedAuthorityOrigin ».";
    ConfigBadLanguage => "The field “defaultLanguage” must be “en” or “fr”, not “{0}”.", "Le champ « defaultLanguage » doit valoir « en » ou « fr », et non « {0} ».";
    SelectUserTitle => "Select a user", "Sélectionner un utilisateur";
    SelectUserHint => "Type the caller’s name or e-mail. Press / to come back here from anywhere.", "Tapez le nom ou l’adresse e-mail de l’appelant. Appuyez sur / pour revenir ici depuis n’importe où.";
    SearchLabel => "Name or e-mail", "Nom ou adresse e-mail";
    NoUserMatches => "No user matches “{0}”.", "Aucun utilisateur ne correspond à « {0} ».";
    TypeToSearch => "Type at least two characters.", "Tapez au moins deux caractères.";
    RecentUsers => "Recent users", "Utilisateurs récents";
    PagingProgress => "{0} of {1} received…", "{0} sur {1} {0|reçu|reçus}…";
    PagingProgressUnknown => "{0} received, more coming…", "{0} {0|reçu|reçus}, la suite arrive…";
    Throttled => "Microsoft Graph is throttling; retrying in {0} s.", "Microsoft Graph limite les requêtes ; nouvel essai dans {0} s.";
    RetryingIn => "Microsoft Graph did not answer; retrying in {0} s.", "Microsoft Graph n’a pas répondu ; nouvel essai dans {0} s.";
    SkippedItems => "{0} {0|item|items} could not be read and {0|is|are} not shown:", "{0} {0|élément illisible, non affiché|éléments illisibles, non affichés} :";
    ErrorCode => "Code", "Code";
    ErrorRequestId => "Request ID", "ID de requête";
    Retry => "Retry", "Réessayer";
    ErrorNetwork => "The network request failed: {0}", "La requête réseau a échoué : {0}";
    ErrorDecode => "Microsoft Graph sent an answer the portal cannot read: {0}", "Microsoft Graph a envoyé une réponse illisible pour le portail : {0}";
    ErrorHttp => "Microsoft Graph answered {0}: {1}", "Microsoft Graph a répondu {0} : {1}";
    ErrorTimedOut => "Microsoft Graph did not answer in time.", "Microsoft Graph n’a pas répondu à temps.";
    ErrorSignInRequired => "Your sign-in has expired; taking you to sign in again.", "Votre connexion a expiré ; retour à la page de connexion.";
    ErrorForeignHost => "Microsoft Graph’s answer pointed to another server ({0}). The portal did not follow it, so your sign-in was not sent there; tell an administrator.", "La réponse de Microsoft Graph renvoyait vers un autre serveur ({0}). Le portail ne l’a pas suivie et n’y a donc pas envoyé votre connexion ; prévenez un administrateur.";
    RefusalMissingPermission => "Your account lacks the Microsoft Graph permission {0} needed here. Ask an administrator to grant it to the helpdesk app (admin consent in Microsoft Entra ID).", "Votre compte n’a pas l’autorisation Microsoft Graph {0} nécessaire ici. Demandez à un administrateur de l’accorder à l’application helpdesk (consentement administrateur dans Microsoft Entra ID).";
    RefusalNoIntuneRole => "Your account has no Intune role that allows this. Ask an Intune administrator to assign you a role such as Help Desk Operator or Read Only Operator.", "Votre compte n’a pas de rôle Intune qui le permet. Demandez à un administrateur Intune de vous attribuer un rôle tel que Help Desk Operator ou Read Only Operator.";
    RefusalDenied => "Microsoft Graph refused this to your account (permission needed: {0}).", "Microsoft Graph a refusé cette demande à votre compte (autorisation nécessaire : {0}).";
    Or => " or ", " ou ";
    PartFailed => "Could not be read: {0}", "Lecture impossible : {0}";
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
    SignedOutIdle => "You were signed out because the portal was not used for {0} {0|minute|minutes}. Your tokens were removed from this browser and your Microsoft Entra ID session was ended.", "Vous avez été déconnecté car le portail n’a pas été utilisé pendant {0} {0|minute|minutes}. Vos jetons ont été supprimés de ce navigateur et votre session Microsoft Entra ID a été fermée.";
    SigningOut => "Signing out…", "Déconnexion…";
}
}
