//! Why a sign-in was refused: the Entra sign-in error codes (`signIn.status.errorCode`) that keep
//! a user from company resources, each with what it means and the next step, in the project's
//! words, English and French. Sources: MicrosoftDocs/entra-docs,
//! docs/identity-platform/reference-error-codes.md (ms.date 2025-02-03, commit 3164b3b); for
//! 530003 and 500121, absent from it, Microsoft's sign-in help articles of the Azure portal
//! (active-directory-dxp-signin-aadsts-530003 and -500121) and the retired sign-in error code
//! reference of MicrosoftDocs/azure-docs (2019).

use crate::text::Text;

#[derive(Debug, PartialEq)]
pub struct SignInCode {
    pub code: u32,
    /// The code's identifier in Microsoft's reference ("" where it has none).
    pub name: &'static str,
    pub meaning: Text,
    pub next_step: Text,
}

pub const CODES: [SignInCode; 41] = [
    SignInCode {
        code: 50005,
        name: "DevicePolicyError",
        meaning: Text::new("The user tried to sign in from a device platform that the company's Conditional Access policy does not support, so access was refused.", "L’utilisateur a tenté de se connecter depuis une plateforme d’appareil que la stratégie d’accès conditionnel de l’entreprise ne prend pas en charge ; l’accès a été refusé."),
        next_step: Text::new("Check the platform shown in the sign-in log and whether a Conditional Access policy filters device platforms. Ask the user to use a supported device, or have an administrator review the policy if this platform should be allowed.", "Vérifiez la plateforme indiquée dans le journal de connexion et les stratégies d’accès conditionnel qui filtrent les plateformes. Faites passer l’utilisateur sur un appareil pris en charge, ou faites revoir la stratégie par un administrateur si cette plateforme doit être autorisée."),
    },
    SignInCode {
        code: 53000,
        name: "DeviceNotCompliant",
        meaning: Text::new("A Conditional Access policy only lets compliant devices in, and this device is not compliant with the company's compliance policy (or is not enrolled in Intune).", "Une stratégie d’accès conditionnel n’autorise que les appareils conformes, et cet appareil n’est pas conforme à la stratégie de conformité de l’entreprise (ou n’est pas inscrit dans Intune)."),
        next_step: Text::new("Open the device's compliance in the portal and fix the settings reported as failing, then have the user sync the device from the Company Portal and retry. If the device is not enrolled, enroll it in Intune first.", "Ouvrez la conformité de l’appareil dans le portail et corrigez les paramètres en échec, puis faites synchroniser l’appareil depuis le Portail d’entreprise et réessayer. Si l’appareil n’est pas inscrit, inscrivez-le d’abord dans Intune."),
    },
    SignInCode {
        code: 53001,
        name: "DeviceNotDomainJoined",
        meaning: Text::new("Conditional Access limits this resource to computers joined to the company domain (Microsoft Entra hybrid joined), and this device is not one of them.", "L’accès conditionnel réserve cette ressource aux ordinateurs joints au domaine de l’entreprise (joints hybrides à Microsoft Entra), et cet appareil n’en fait pas partie."),
        next_step: Text::new("Ask the user to sign in from a company computer joined to the domain. If this device should be joined, check its join state in the Entra devices list (dsregcmd /status on Windows) and escalate to the device team.", "Demandez à l’utilisateur de se connecter depuis un poste de l’entreprise joint au domaine. Si cet appareil devrait l’être, vérifiez son état de jonction dans la liste des appareils Entra (dsregcmd /status sous Windows) et transmettez à l’équipe poste de travail."),
    },
    SignInCode {
        code: 53002,
        name: "ApplicationUsedIsNotAnApprovedApp",
        meaning: Text::new("The app used to sign in is not on the list of approved client apps that Conditional Access requires for this resource.", "L’application utilisée pour la connexion ne fait pas partie des applications clientes approuvées exigées par l’accès conditionnel pour cette ressource."),
        next_step: Text::new("Ask the user to switch to an approved Microsoft app (for example Outlook mobile instead of the built-in mail app, or Edge instead of another browser) and retry.", "Demandez à l’utilisateur de passer par une application Microsoft approuvée (par exemple Outlook mobile au lieu de l’application de messagerie native, ou Edge au lieu d’un autre navigateur), puis de réessayer."),
    },
    SignInCode {
        code: 53003,
        name: "BlockedByConditionalAccess",
        meaning: Text::new("A Conditional Access policy blocked this sign-in: the policy that applied does not allow a token to be issued.", "Une stratégie d’accès conditionnel a bloqué cette connexion : la stratégie appliquée n’autorise pas la délivrance d’un jeton."),
        next_step: Text::new("Open the sign-in event and its Conditional Access tab to see which policy blocked access and why (location, platform, app, group). If the block is unexpected, pass these details to the Conditional Access administrator.", "Ouvrez l’événement de connexion et son onglet Accès conditionnel pour voir quelle stratégie a bloqué l’accès et pourquoi (emplacement, plateforme, application, groupe). Si le blocage est inattendu, transmettez ces éléments à l’administrateur de l’accès conditionnel."),
    },
    SignInCode {
        code: 530035,
        name: "BlockedBySecurityDefaults",
        meaning: Text::new("The tenant's security defaults blocked the sign-in, usually because it used legacy authentication or was judged unsafe.", "Les paramètres de sécurité par défaut du locataire ont bloqué la connexion, en général parce qu’elle utilisait une authentification héritée ou a été jugée risquée."),
        next_step: Text::new("Check the client app in the sign-in log. If it uses a legacy protocol (IMAP, POP, SMTP basic authentication, old Office client), ask the user to move to a modern app such as a current Outlook; otherwise escalate to an administrator.", "Vérifiez l’application cliente dans le journal de connexion. Si elle utilise un protocole hérité (IMAP, POP, SMTP en authentification de base, ancien client Office), faites passer l’utilisateur à une application moderne comme un Outlook récent ; sinon, transmettez à un administrateur."),
    },
    SignInCode {
        code: 53004,
        name: "ProofUpBlockedDueToRisk",
        meaning: Text::new("The user must finish registering for multifactor authentication before reaching this content, and that registration step was blocked because of risk detected on the account or sign-in.", "L’utilisateur doit terminer son inscription à l’authentification multifacteur avant d’accéder à ce contenu, et cette inscription a été bloquée à cause d’un risque détecté sur le compte ou la connexion."),
        next_step: Text::new("Check the user in Identity Protection (risky users and risky sign-ins). Once an administrator has reviewed and cleared the risk, or issued a Temporary Access Pass, have the user register their MFA methods and sign in again.", "Examinez le compte dans Identity Protection (utilisateurs et connexions à risque). Une fois le risque examiné et levé par un administrateur, ou un passe d’accès temporaire émis, faites enregistrer les méthodes MFA puis refaire la connexion."),
    },
    SignInCode {
        code: 53010,
        name: "ProofUpBlockedDueToSecurityInfoAcr",
        meaning: Text::new("The user tried to set up multifactor authentication methods, but the organization only allows security info to be registered from certain locations or devices, and this attempt did not meet that rule.", "L’utilisateur a tenté de configurer ses méthodes d’authentification multifacteur, mais l’organisation n’autorise cet enregistrement que depuis certains emplacements ou appareils, et cette tentative ne respectait pas cette règle."),
        next_step: Text::new("Ask the user to register their security info from the company network or a company-managed device. If that is not possible, an administrator can issue a Temporary Access Pass or review the policy protecting security info registration.", "Demandez à l’utilisateur d’enregistrer ses informations de sécurité depuis le réseau de l’entreprise ou un appareil géré. Sinon, un administrateur peut émettre un passe d’accès temporaire ou revoir la stratégie qui protège cet enregistrement."),
    },
    SignInCode {
        code: 53011,
        name: "",
        meaning: Text::new("The user was blocked because the account is considered risky in its home tenant (the organization that owns the account, for example for a guest).", "L’utilisateur a été bloqué car son compte est jugé à risque dans son locataire d’origine (l’organisation propriétaire du compte, par exemple pour un invité)."),
        next_step: Text::new("For a guest, ask the user to contact their own organization's IT, which must review and clear the risk. For an account of your tenant, review it in Identity Protection, reset the password or confirm it safe, then retry.", "Pour un invité, demandez-lui de contacter le service informatique de sa propre organisation, qui doit examiner et lever le risque. Pour un compte de votre locataire, examinez-le dans Identity Protection, réinitialisez le mot de passe ou confirmez-le comme sûr, puis réessayez."),
    },
    SignInCode {
        code: 530032,
        name: "BlockedByConditionalAccessOnSecurityPolicy",
        meaning: Text::new("This request was stopped by a tenant-wide security policy configured by an administrator.", "Cette requête a été arrêtée par une stratégie de sécurité configurée par un administrateur pour tout le locataire."),
        next_step: Text::new("Use the sign-in details to identify the tenant-wide security policy that applied and check whether the request (location, app, authentication method) meets it. If the block looks wrong, escalate to the identity administrators.", "Consultez le détail de la connexion pour identifier la stratégie de sécurité appliquée au locataire et vérifier si la requête (emplacement, application, méthode d’authentification) la respecte. Si le blocage semble injustifié, transmettez aux administrateurs des identités."),
    },
    SignInCode {
        code: 50131,
        name: "ConditionalAccessFailed",
        meaning: Text::new("A general Conditional Access failure: for example a bad Windows device state, a request blocked for suspicious activity, or an access or security policy decision.", "Échec générique de l’accès conditionnel : par exemple un état d’appareil Windows incorrect, une requête bloquée pour activité suspecte, ou la décision d’une stratégie d’accès ou de sécurité."),
        next_step: Text::new("Open the sign-in event and read the failure reason and the Conditional Access tab to find the exact cause, then handle that cause (compliance, location, risk). For a Windows device, also check its state in the portal.", "Ouvrez l’événement de connexion, lisez la raison de l’échec et l’onglet Accès conditionnel pour trouver la cause exacte, puis traitez-la (conformité, emplacement, risque). Pour un appareil Windows, vérifiez aussi son état dans le portail."),
    },
    SignInCode {
        code: 50097,
        name: "DeviceAuthenticationRequired",
        meaning: Text::new("The sign-in required the device to prove its identity, but the device did not identify itself or no matching device exists in the directory.", "La connexion exigeait que l’appareil prouve son identité, mais celui-ci ne s’est pas identifié ou aucun appareil correspondant n’existe dans l’annuaire."),
        next_step: Text::new("Check that the device exists and is enabled in Entra ID. Ask the user to sign in from a supported browser or app (Edge, or Chrome with the Microsoft extension, not private browsing) and, on mobile, with Authenticator or the Company Portal installed.", "Vérifiez que l’appareil existe et est activé dans Entra ID. Faites se connecter l’utilisateur depuis un navigateur ou une application compatible (Edge, ou Chrome avec l’extension Microsoft, hors navigation privée) et, sur mobile, avec Authenticator ou le Portail d’entreprise installé."),
    },
    SignInCode {
        code: 50129,
        name: "DeviceIsNotWorkplaceJoined",
        meaning: Text::new("The device has to be registered with the organization (workplace join) before it can be used here, and it is not.", "L’appareil doit être inscrit auprès de l’organisation (jonction à l’espace de travail) pour être utilisé ici, et il ne l’est pas."),
        next_step: Text::new("Have the user register the device: on Windows through Settings > Accounts > Access work or school, on mobile by signing in to the Company Portal or Authenticator. Then retry the sign-in.", "Faites inscrire l’appareil : sous Windows via Paramètres > Comptes > Accès professionnel ou scolaire, sur mobile en se connectant au Portail d’entreprise ou à Authenticator. Puis refaites la connexion."),
    },
    SignInCode {
        code: 50155,
        name: "DeviceAuthenticationFailed",
        meaning: Text::new("The device could not prove its identity during this user's sign-in.", "L’appareil n’a pas réussi à prouver son identité lors de la connexion de cet utilisateur."),
        next_step: Text::new("Check in the portal that the device still exists, is enabled in Entra ID and has a healthy registration. If it was deleted or disabled, or its registration is broken, re-register the device, then retry.", "Vérifiez dans le portail que l’appareil existe toujours, qu’il est activé dans Entra ID et que son inscription est saine. S’il a été supprimé ou désactivé, ou si son inscription est défaillante, réinscrivez-le puis réessayez."),
    },
    SignInCode {
        code: 50187,
        name: "DeviceInformationNotProvided",
        meaning: Text::new("Entra ID was unable to check the device, because the device details it needed were missing from the request.", "Entra ID n’a pas pu vérifier l’appareil, car les informations d’appareil nécessaires manquaient dans la requête."),
        next_step: Text::new("Ask the user to retry from a supported browser or app that passes device information (no private window; broker app installed on mobile). If it keeps failing, check the device's registration state in the portal.", "Demandez à l’utilisateur de réessayer depuis un navigateur ou une application compatible qui transmet ces informations (pas de fenêtre privée ; application broker installée sur mobile). Si l’échec persiste, vérifiez l’état d’inscription de l’appareil dans le portail."),
    },
    SignInCode {
        code: 135011,
        name: "",
        meaning: Text::new("The device used for this sign-in is disabled in Entra ID, so it cannot be used to authenticate.", "L’appareil utilisé pour cette connexion est désactivé dans Entra ID et ne peut donc pas servir à s’authentifier."),
        next_step: Text::new("Find the device in the portal and check why it was disabled (lost, stolen, retired, cleanup). If it is legitimate, have an administrator re-enable it; otherwise give the user another device.", "Retrouvez l’appareil dans le portail et vérifiez pourquoi il a été désactivé (perte, vol, retrait, nettoyage). S’il est légitime, faites-le réactiver par un administrateur ; sinon, fournissez un autre appareil à l’utilisateur."),
    },
    SignInCode {
        code: 130007,
        name: "NgcDeviceIsDisabled",
        meaning: Text::new("The Windows Hello for Business sign-in (PIN or biometrics) failed because the device it is tied to is disabled in the directory.", "La connexion Windows Hello Entreprise (code PIN ou biométrie) a échoué car l’appareil auquel elle est liée est désactivé dans l’annuaire."),
        next_step: Text::new("Check the device in the portal. If it should stay in use, have an administrator re-enable it; meanwhile the user can sign in with their password. Windows Hello may need to be set up again afterwards.", "Vérifiez l’appareil dans le portail. S’il doit rester en service, faites-le réactiver par un administrateur ; en attendant, l’utilisateur peut se connecter avec son mot de passe. Il faudra peut-être reconfigurer Windows Hello ensuite."),
    },
    SignInCode {
        code: 50127,
        name: "BrokerAppNotInstalled",
        meaning: Text::new("Access needs a broker app (Authenticator or Company Portal) on the device and none is installed; without it the device cannot prove its identity or compliance.", "L’accès nécessite une application broker (Authenticator ou Portail d’entreprise) sur l’appareil et aucune n’est installée ; sans elle, l’appareil ne peut prouver ni son identité ni sa conformité."),
        next_step: Text::new("Ask the user to install Microsoft Authenticator (iOS) or the Company Portal (Android) from the store, sign in to it with their work account, then retry.", "Demandez à l’utilisateur d’installer Microsoft Authenticator (iOS) ou le Portail d’entreprise (Android) depuis le store, de s’y connecter avec son compte professionnel, puis de réessayer."),
    },
    SignInCode {
        code: 50072,
        name: "UserStrongAuthEnrollmentRequiredInterrupt",
        meaning: Text::new("The user has to register for multifactor authentication, and the sign-in was paused to ask them to do it.", "L’utilisateur doit s’inscrire à l’authentification multifacteur ; la connexion a été interrompue pour le lui demander."),
        next_step: Text::new("Usually not a fault: walk the user through the registration prompt (for example adding Microsoft Authenticator). If they cannot complete it, an administrator can issue a Temporary Access Pass.", "En général, ce n’est pas une panne : accompagnez l’utilisateur dans l’inscription proposée (par exemple l’ajout de Microsoft Authenticator). S’il n’y parvient pas, un administrateur peut émettre un passe d’accès temporaire."),
    },
    SignInCode {
        code: 50074,
        name: "UserStrongAuthClientAuthNRequiredInterrupt",
        meaning: Text::new("The sign-in asked for a second factor and the user did not complete that check.", "La connexion demandait un second facteur et l’utilisateur n’a pas terminé cette vérification."),
        next_step: Text::new("This is often just the prompt being shown: check whether a later sign-in succeeded. If the user is stuck, check their registered methods and ask them to approve the prompt or pick another method.", "Il s’agit souvent du simple affichage de la demande : vérifiez si une connexion suivante a réussi. Si l’utilisateur est bloqué, contrôlez ses méthodes enregistrées et demandez-lui d’approuver la demande ou de choisir une autre méthode."),
    },
    SignInCode {
        code: 50076,
        name: "UserStrongAuthClientAuthNRequired",
        meaning: Text::new("Multifactor authentication is now required for this resource, after an administrator change (Conditional Access, per-user MFA) or because the user signed in from a new location.", "L’authentification multifacteur est désormais exigée pour cette ressource, à la suite d’un changement fait par l’administrateur (accès conditionnel, MFA par utilisateur) ou à une connexion depuis un nouvel emplacement."),
        next_step: Text::new("Ask the user to sign in again interactively and complete the MFA prompt. For apps running in the background this code is common and clears once the user signs in again.", "Demandez à l’utilisateur de se reconnecter de façon interactive et de valider la demande MFA. Pour les applications en arrière-plan, ce code est fréquent et disparaît après une nouvelle connexion."),
    },
    SignInCode {
        code: 50078,
        name: "",
        meaning: Text::new("The user's earlier multifactor authentication is no longer valid under the administrator's policies, so it has to be done again.", "L’authentification multifacteur précédente de l’utilisateur n’est plus valide au regard des stratégies de l’administrateur ; elle doit être refaite."),
        next_step: Text::new("Ask the user to sign in again and complete a fresh MFA prompt. If it happens very often, check the sign-in frequency configured in Conditional Access.", "Demandez à l’utilisateur de se reconnecter et de valider une nouvelle demande MFA. Si cela arrive très souvent, vérifiez la fréquence de connexion configurée dans l’accès conditionnel."),
    },
    SignInCode {
        code: 50079,
        name: "UserStrongAuthEnrollmentRequired",
        meaning: Text::new("MFA is now required (policy change, per-user enforcement or new location) but the user has no security info registered yet; a federated user must instead get the MFA proof from their identity provider.", "La MFA est désormais exigée (changement de stratégie, MFA par utilisateur ou nouvel emplacement), mais l’utilisateur n’a encore enregistré aucune information de sécurité ; un utilisateur fédéré doit, lui, obtenir la preuve MFA de son fournisseur d’identité."),
        next_step: Text::new("Have the user register their security info (for example in My Sign-Ins) at the next interactive sign-in. If they cannot, issue a Temporary Access Pass. For a federated user, check MFA on the federation side.", "Faites enregistrer les informations de sécurité de l’utilisateur (par exemple dans Mes connexions) lors de sa prochaine connexion interactive. S’il n’y parvient pas, émettez un passe d’accès temporaire. Pour un utilisateur fédéré, vérifiez la MFA côté fédération."),
    },
    SignInCode {
        code: 50088,
        name: "",
        meaning: Text::new("Too many MFA phone calls or text messages were sent in a short time, and the limit was reached.", "Trop d’appels ou de SMS d’authentification multifacteur ont été envoyés en peu de temps ; la limite a été atteinte."),
        next_step: Text::new("Ask the user to wait a few minutes before retrying, or to use the Authenticator app instead of a call or text. If it keeps happening, review the sign-in log: someone else may be triggering the prompts.", "Demandez à l’utilisateur d’attendre quelques minutes avant de réessayer, ou d’utiliser l’application Authenticator plutôt qu’un appel ou un SMS. Si cela se répète, examinez le journal de connexion : quelqu’un d’autre déclenche peut-être ces demandes."),
    },
    SignInCode {
        code: 50158,
        name: "",
        meaning: Text::new("The user was sent to an extra step outside the normal sign-in (terms of use, third-party MFA provider or custom control). This code on its own does not mean the sign-in failed.", "L’utilisateur a été redirigé vers une étape supplémentaire hors de la connexion normale (conditions d’utilisation, fournisseur MFA tiers ou contrôle personnalisé). Ce code seul ne signifie pas que la connexion a échoué."),
        next_step: Text::new("Look at the next entries in the sign-in log to see whether the extra step was then passed or failed. If it failed, identify the external control or provider involved and ask the user to complete it.", "Regardez les entrées suivantes du journal de connexion pour savoir si cette étape a ensuite été réussie ou non. En cas d’échec, identifiez le contrôle ou le fournisseur externe concerné et demandez à l’utilisateur de le compléter."),
    },
    SignInCode {
        code: 50125,
        name: "PasswordResetRegistrationRequiredInterrupt",
        meaning: Text::new("The sign-in was interrupted so that the user could reset their password or register for self-service password reset.", "La connexion a été interrompue pour que l’utilisateur réinitialise son mot de passe ou s’inscrive à la réinitialisation en libre-service."),
        next_step: Text::new("Usually expected: ask the user to finish the password reset or registration steps shown on screen, then sign in again.", "C’est en général attendu : demandez à l’utilisateur de terminer les étapes de réinitialisation ou d’inscription affichées, puis de se reconnecter."),
    },
    SignInCode {
        code: 50126,
        name: "InvalidUserNameOrPassword",
        meaning: Text::new("The username or password entered was wrong. A few of these are ordinary typing mistakes.", "Le nom d’utilisateur ou le mot de passe saisi est incorrect. Quelques occurrences correspondent à de simples erreurs de frappe."),
        next_step: Text::new("Check the sign-in name typed and ask the user to retry carefully (caps lock, keyboard layout). If the password is forgotten, use self-service reset or reset it. Many failures from unknown places may point to an attack.", "Vérifiez l’identifiant saisi et faites réessayer avec attention (verrouillage des majuscules, disposition du clavier). En cas d’oubli, passez par la réinitialisation en libre-service ou réinitialisez le mot de passe. De nombreux échecs depuis des lieux inconnus peuvent signaler une attaque."),
    },
    SignInCode {
        code: 50053,
        name: "IdsLocked",
        meaning: Text::new("The account is locked after too many sign-in attempts with a wrong ID or password, or the sign-in was blocked because it came from an IP address known for malicious activity.", "Le compte est verrouillé après trop de tentatives avec un identifiant ou un mot de passe erroné, ou la connexion a été bloquée car elle venait d’une adresse IP connue pour une activité malveillante."),
        next_step: Text::new("Open the failed sign-in and read its failure reason to see which case applies. For a lockout, wait for it to expire or reset the password, and look for unknown attempts; for a malicious IP, have the user sign in from another network.", "Ouvrez la connexion en échec et lisez la raison indiquée pour savoir quel cas s’applique. Pour un verrouillage, attendez la fin du délai ou réinitialisez le mot de passe, et recherchez des tentatives inconnues ; pour une IP malveillante, faites se connecter l’utilisateur depuis un autre réseau."),
    },
    SignInCode {
        code: 50055,
        name: "InvalidPasswordExpiredPassword",
        meaning: Text::new("The user's password is past its expiry date, so the sign-in was stopped until a new password is set.", "Le mot de passe de l’utilisateur a dépassé sa date d’expiration ; la connexion est bloquée tant qu’un nouveau mot de passe n’est pas défini."),
        next_step: Text::new("Let the user change the password when prompted, or reset it in the portal with a temporary password to be changed at the next sign-in.", "Laissez l’utilisateur changer son mot de passe lorsque cela lui est proposé, ou réinitialisez-le dans le portail avec un mot de passe temporaire à changer à la prochaine connexion."),
    },
    SignInCode {
        code: 50144,
        name: "InvalidPasswordExpiredOnPremPassword",
        meaning: Text::new("The user's password in the on-premises Active Directory has reached its expiry date.", "Le mot de passe de l’utilisateur dans l’Active Directory local a atteint sa date d’expiration."),
        next_step: Text::new("Have the user change it through self-service password reset (if password writeback is enabled) or from a domain-joined PC, or reset it in Active Directory. Wait for the next sync before retrying in the cloud.", "Faites changer le mot de passe via la réinitialisation en libre-service (si l’écriture différée est activée) ou depuis un poste joint au domaine, ou réinitialisez-le dans Active Directory. Attendez la synchronisation suivante avant de réessayer dans le cloud."),
    },
    SignInCode {
        code: 50057,
        name: "UserDisabled",
        meaning: Text::new("This account has been turned off, so it cannot sign in (often it was disabled in the on-premises Active Directory and synced).", "Ce compte a été désactivé et ne peut donc pas se connecter (souvent, il l’a été dans l’Active Directory local puis synchronisé)."),
        next_step: Text::new("First find out why the account was disabled (departure, leave, security incident). If it should be active, an administrator re-enables it in Active Directory or Entra ID, then waits for the sync if it comes from on-premises.", "Vérifiez d’abord pourquoi le compte a été désactivé (départ, absence, incident de sécurité). S’il doit être actif, un administrateur le réactive dans Active Directory ou Entra ID, puis attend la synchronisation s’il provient de l’annuaire local."),
    },
    SignInCode {
        code: 50058,
        name: "UserInformationNotProvided",
        meaning: Text::new("No valid session was found for single sign-on: the user is not signed in yet, or the session is missing or invalid. This is common and usually harmless when an app tries a silent sign-in.", "Aucune session valide n’a été trouvée pour l’authentification unique : l’utilisateur n’est pas encore connecté, ou sa session est absente ou invalide. Ce code est courant et souvent sans gravité lors d’une connexion silencieuse."),
        next_step: Text::new("No action in most cases. If the user really cannot get in, ask them to sign in interactively; if single sign-on still fails, have them close the browser and clear its cookies before retrying.", "Aucune action dans la plupart des cas. Si l’utilisateur n’arrive vraiment pas à se connecter, demandez-lui de se connecter de façon interactive ; si l’authentification unique échoue encore, faites fermer le navigateur et vider ses cookies avant de réessayer."),
    },
    SignInCode {
        code: 50105,
        name: "EntitlementGrantsNotFound",
        meaning: Text::new("The user is not assigned to this application (directly or through a group), and the application requires assignment.", "L’utilisateur n’est pas affecté à cette application (directement ou via un groupe), alors que l’application exige une affectation."),
        next_step: Text::new("Check the app's users and groups under Enterprise applications. If the user should have access, assign them or add them to the right group (following the access request process), then retry.", "Vérifiez les utilisateurs et groupes de l’application dans Applications d’entreprise. Si l’utilisateur doit y avoir accès, affectez-le ou ajoutez-le au bon groupe (selon la procédure de demande d’accès), puis réessayez."),
    },
    SignInCode {
        code: 50173,
        name: "",
        meaning: Text::new("The sign-in saved by the app is no longer valid because it was revoked: the user or an administrator revoked sessions, or the password was changed or reset.", "La connexion enregistrée par l’application n’est plus valide car elle a été révoquée : l’utilisateur ou un administrateur a révoqué les sessions, ou le mot de passe a été changé ou réinitialisé."),
        next_step: Text::new("Ask the user to sign in to the app again with their current password. On a phone, they may need to remove and re-add the account in the mail or Office app.", "Demandez à l’utilisateur de se reconnecter à l’application avec son mot de passe actuel. Sur téléphone, il peut falloir supprimer puis rajouter le compte dans l’application de messagerie ou Office."),
    },
    SignInCode {
        code: 70043,
        name: "BadTokenDueToSignInFrequency",
        meaning: Text::new("The app's session went past the maximum lifetime set by the Conditional Access sign-in frequency control, so the user must authenticate again.", "La session de l’application a dépassé la durée maximale fixée par le contrôle de fréquence de connexion de l’accès conditionnel ; l’utilisateur doit se réauthentifier."),
        next_step: Text::new("This is expected: ask the user to sign in again. If users find it happens too often, review the sign-in frequency setting with the Conditional Access administrator.", "C’est attendu : demandez à l’utilisateur de se reconnecter. Si les utilisateurs trouvent cela trop fréquent, revoyez la fréquence de connexion avec l’administrateur de l’accès conditionnel."),
    },
    SignInCode {
        code: 700082,
        name: "ExpiredOrRevokedGrantInactiveToken",
        meaning: Text::new("The sign-in saved by the app expired because the app was not used for a long time. This is expected for sign-ins left unused.", "La connexion enregistrée par l’application a expiré faute d’utilisation pendant une longue période. C’est le fonctionnement prévu pour une connexion restée inutilisée."),
        next_step: Text::new("Ask the user to sign in to the app again. Nothing needs fixing on the account.", "Demandez à l’utilisateur de se reconnecter à l’application. Rien n’est à corriger sur le compte."),
    },
    SignInCode {
        code: 700084,
        name: "",
        meaning: Text::new("The web app (a single-page app running in the browser) reached the fixed lifetime of its sign-in, which cannot be extended, and must send the user back to the sign-in page.", "L’application web (application monopage exécutée dans le navigateur) a atteint la durée de vie fixe et non prolongeable de sa connexion ; elle doit renvoyer l’utilisateur vers la page de connexion."),
        next_step: Text::new("Ask the user to reload the web app and sign in again. If it happens repeatedly within a short time, report it to the app's owner.", "Demandez à l’utilisateur de recharger l’application web et de se reconnecter. Si cela se répète à intervalles rapprochés, signalez-le au responsable de l’application."),
    },
    SignInCode {
        code: 65001,
        name: "DelegationDoesNotExist",
        meaning: Text::new("Neither the user nor an administrator has consented to let this application access the requested data.", "Ni l’utilisateur ni un administrateur n’a donné son consentement pour que cette application accède aux données demandées."),
        next_step: Text::new("Ask the user to retry and accept the consent prompt if they are allowed to. If user consent is restricted, have an administrator review the app and grant admin consent under Enterprise applications.", "Demandez à l’utilisateur de réessayer et d’accepter la demande de consentement s’il y est autorisé. Si le consentement utilisateur est restreint, faites examiner l’application par un administrateur, qui accordera le consentement administrateur dans Applications d’entreprise."),
    },
    SignInCode {
        code: 90094,
        name: "AdminConsentRequired",
        meaning: Text::new("This application asks for permissions that only an administrator can approve.", "Cette application demande des autorisations que seul un administrateur peut approuver."),
        next_step: Text::new("Tell the user an approval is needed, note the app name and pass it to the application administrators; after review they grant admin consent (or the user files an admin consent request if that workflow is enabled).", "Expliquez à l’utilisateur qu’une validation est nécessaire, notez le nom de l’application et transmettez-le aux administrateurs des applications ; après examen, ils accordent le consentement administrateur (ou l’utilisateur dépose une demande si ce flux est activé)."),
    },
    SignInCode {
        code: 530003,
        name: "",
        meaning: Text::new("A Conditional Access policy requires a managed device, and no device registration or compliance information reached Entra ID during sign-in: the device is not managed and compliant, or the app or browser did not pass that information.", "Une stratégie d’accès conditionnel exige un appareil géré, et aucune information d’inscription ou de conformité n’a été reçue lors de la connexion : l’appareil n’est pas géré et conforme, ou l’application ou le navigateur ne l’a pas transmise."),
        next_step: Text::new("Check in the portal whether the device is registered and compliant. If it is, have the user retry from a supported browser or app (no private browsing, Microsoft extension for Chrome, broker app on mobile). If not, enroll the device and fix compliance.", "Vérifiez dans le portail si l’appareil est inscrit et conforme. Si oui, faites réessayer depuis un navigateur ou une application compatible (pas de navigation privée, extension Microsoft pour Chrome, application broker sur mobile). Sinon, inscrivez l’appareil et corrigez sa conformité."),
    },
    SignInCode {
        code: 500121,
        name: "",
        meaning: Text::new("The multifactor authentication step failed: the prompt was sent but not answered in time, was denied (possibly reported as fraud), or the user's MFA method or phone had a problem.", "L’étape d’authentification multifacteur a échoué : la demande a été envoyée mais n’a pas reçu de réponse à temps, a été refusée (parfois signalée comme fraude), ou la méthode MFA ou le téléphone de l’utilisateur a posé problème."),
        next_step: Text::new("Check the sign-in's authentication details for the exact result. Ask the user to retry and approve, or use another registered method. If the phone is lost or fraud was reported by mistake, verify identity, then unblock or re-register their MFA.", "Consultez les détails d’authentification de la connexion pour le résultat exact. Faites réessayer et approuver, ou utiliser une autre méthode enregistrée. En cas de téléphone perdu ou de fraude signalée par erreur, vérifiez l’identité, puis débloquez ou faites réenregistrer la MFA."),
    },
];

/// The entry for a sign-in's error code.
pub fn lookup(code: u32) -> Option<&'static SignInCode> {
    CODES.iter().find(|entry| entry.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn every_code_of_the_contracts_list_is_in_the_catalogue() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/catalogues/aadsts-codes.tsv");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("the contract file {path} is needed: {e}"));
        let mut rows = 0;
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("code")) {
            let fields: Vec<&str> = line.split('\t').collect();
            let code: u32 = fields[0].parse().expect("a code");
            let entry = lookup(code).unwrap_or_else(|| panic!("{code} is not in the catalogue"));
            assert_eq!(entry.name, fields.get(1).copied().unwrap_or_default(), "{code}");
            rows += 1;
        }
        assert_eq!(rows, CODES.len());
    }

    #[test]
    fn every_code_says_what_it_means_and_what_to_do_in_both_languages() {
        for entry in &CODES {
            for text in [entry.meaning, entry.next_step] {
                for lang in [Lang::En, Lang::Fr] {
                    assert!(!text.template(lang).trim().is_empty(), "{} lacks {lang:?}", entry.code);
                }
                assert_ne!(text.template(Lang::En), text.template(Lang::Fr), "{} is not translated", entry.code);
            }
        }
    }
}
