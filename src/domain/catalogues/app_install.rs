//! Why an app did not install: the error codes of Microsoft's three platform tables (Android,
//! iOS/iPadOS, Windows and other), each with a short cause, what it means on that platform and
//! what to do, in the project's words. Source: MicrosoftDocs/SupportArticles-docs,
//! support/mem/intune/app-management/app-install-error-codes.md (ms.date 2023-12-05); the same
//! code can mean different things per platform.

use crate::text::Text;

/// Which of Microsoft's tables a device's codes are read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppPlatform {
    Android,
    Ios,
    /// Windows and every other platform.
    Windows,
}

#[derive(Debug, PartialEq)]
pub struct AppInstallCode {
    pub platform: AppPlatform,
    pub code: u32,
    /// A few words for a status line ("2 failed: download stopped by the OS").
    pub title: Text,
    pub meaning: Text,
    pub fix: Text,
}

pub const CODES: [AppInstallCode; 61] = [
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FB5,
        title: Text::new("Android refused the install", "Installation refusée par Android"),
        meaning: Text::new("The APK downloaded but Android refused to install it without giving a reason. Common causes: a faulty APK, Google Play Protect blocking it, or an app that needs a newer Android version than the device runs.", "L’APK a été téléchargé mais Android a refusé de l’installer sans en donner la raison. Causes fréquentes : APK défectueux, blocage par Google Play Protect ou application exigeant une version d’Android plus récente que celle de l’appareil."),
        fix: Text::new("Compare the app’s minimum Android version with the device’s and check whether Play Protect flagged it. If the APK itself is faulty, retries will keep failing: ask the app owner for a corrected package.", "Comparez la version minimale d’Android requise par l’application à celle de l’appareil et vérifiez si Play Protect l’a bloquée. Si l’APK est en cause, les nouvelles tentatives échoueront toujours : demandez un package corrigé au responsable de l’application."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FBA,
        title: Text::new("downloaded APK gone before install", "APK téléchargé disparu avant l’installation"),
        meaning: Text::new("The APK was downloaded, but the file was gone from the device before the user installed it, usually because a long time passed between download and install (device administrator only).", "L’APK a bien été téléchargé, mais le fichier avait disparu de l’appareil quand l’utilisateur a lancé l’installation, souvent parce qu’un long délai s’est écoulé entre les deux (administrateur d’appareil uniquement)."),
        fix: Text::new("Ask the user to tap the Intune notification to retry and to accept the installation straight away rather than postponing it.", "Demandez à l’utilisateur d’appuyer sur la notification Intune pour réessayer, puis d’accepter l’installation immédiatement au lieu de la reporter."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FBB,
        title: Text::new("device restarted during install", "redémarrage pendant l’installation"),
        meaning: Text::new("The installation was cancelled because the device restarted while the APK was being installed (device administrator and Knox).", "L’installation a été annulée car l’appareil a redémarré pendant l’installation de l’APK (administrateur d’appareil et Knox)."),
        fix: Text::new("Ask the user to tap the notification to retry and to leave the device on until the installation has finished.", "Demandez à l’utilisateur d’appuyer sur la notification pour réessayer et de ne pas éteindre ni redémarrer l’appareil avant la fin de l’installation."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0x87D1041C,
        title: Text::new("required app removed by user", "application obligatoire supprimée par l’utilisateur"),
        meaning: Text::new("The required app had been installed, but the user later removed it, so Intune no longer detects it. This only happens with device administrator enrollment, as Knox prevents removing managed apps.", "L’application obligatoire avait été installée, mais l’utilisateur l’a ensuite supprimée : Intune ne la détecte donc plus. Cela ne concerne que l’inscription en mode administrateur d’appareil, Knox empêchant la désinstallation des applications gérées."),
        fix: Text::new("Ask the user to reinstall the app from the notification that comes back after the next sync. The error keeps being reported until the app is on the device again.", "Demandez à l’utilisateur de réinstaller l’application via la notification qui réapparaît après la prochaine synchronisation. L’erreur restera signalée tant que l’application n’est pas réinstallée."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FB2,
        title: Text::new("APK download failed", "téléchargement de l’APK échoué"),
        meaning: Text::new("The APK download failed for an unidentified reason, most often a weak Wi-Fi signal or a slow connection (device administrator only).", "Le téléchargement de l’APK a échoué pour une raison non identifiée, le plus souvent à cause d’un Wi-Fi instable ou d’une connexion lente (administrateur d’appareil uniquement)."),
        fix: Text::new("Have the user switch to a stable network, then tap the Intune notification to start the download again.", "Faites passer l’utilisateur sur un réseau stable, puis demandez-lui d’appuyer sur la notification Intune pour relancer le téléchargement."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D15078,
        title: Text::new("APK download failed, auto-retry pending", "téléchargement APK échoué, relance automatique prévue"),
        meaning: Text::new("The APK download failed for an unidentified reason, usually poor Wi-Fi or a slow connection. Intune will try again at the next device sync (device administrator only).", "Le téléchargement de l’APK a échoué pour une raison non identifiée, généralement un Wi-Fi médiocre ou une connexion lente. Intune réessaiera à la prochaine synchronisation (administrateur d’appareil uniquement)."),
        fix: Text::new("Make sure the device is on a reliable network, then sync it from the Company Portal (or wait for the next automatic sync) and check the status again.", "Vérifiez que l’appareil dispose d’une connexion fiable, puis synchronisez-le depuis le Portail d’entreprise (ou attendez la prochaine synchronisation automatique) et contrôlez de nouveau l’état."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FB1,
        title: Text::new("user cancelled the install prompt", "invite d’installation annulée par l’utilisateur"),
        meaning: Text::new("The user cancelled the Android installation prompt, either by pressing Cancel or by leaving the prompt (device administrator only).", "L’utilisateur a annulé l’invite d’installation Android, en appuyant sur Annuler ou en quittant l’invite (administrateur d’appareil uniquement)."),
        fix: Text::new("Ask the user to tap the Intune notification to retry and, this time, to confirm the installation instead of cancelling it.", "Demandez à l’utilisateur d’appuyer sur la notification Intune pour réessayer et, cette fois, de confirmer l’installation au lieu de l’annuler."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D15015,
        title: Text::new("download stopped by Android", "téléchargement interrompu par Android"),
        meaning: Text::new("Android stopped the APK download before it finished, for example because the battery was low or the download was taking too long (device administrator only).", "Android a interrompu le téléchargement de l’APK avant la fin, par exemple en raison d’une batterie faible ou d’un téléchargement trop long (administrateur d’appareil uniquement)."),
        fix: Text::new("Ask the user to charge the device and connect to a reliable network, then tap the Intune notification to retry.", "Demandez à l’utilisateur de recharger l’appareil et de se connecter à un réseau fiable, puis d’appuyer sur la notification Intune pour réessayer."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D1507C,
        title: Text::new("download service shut down by Android", "service de téléchargement arrêté par Android"),
        meaning: Text::new("Android shut down the download service before the APK was fully downloaded, often because of low battery or a very long download. Intune retries at the next sync (device administrator only).", "Android a arrêté le service de téléchargement avant la récupération complète de l’APK, souvent à cause d’une batterie faible ou d’un téléchargement trop long. Intune réessaie à la prochaine synchronisation (administrateur d’appareil uniquement)."),
        fix: Text::new("Sync the device manually, or wait up to 24 hours, then check the installation status again.", "Lancez une synchronisation manuelle de l’appareil, ou attendez jusqu’à 24 heures, puis vérifiez de nouveau l’état de l’installation."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FB8,
        title: Text::new("app removal failed", "échec de la désinstallation"),
        meaning: Text::new("Removing the app failed and Android gave no reason. Some administrator apps cannot be removed in the usual way.", "La désinstallation de l’application a échoué sans qu’Android en donne la raison. Certaines applications d’administration ne peuvent pas être supprimées de façon classique."),
        fix: Text::new("Check whether the app can be removed by hand on the device. If that fails too, collect the Company Portal logs and escalate.", "Vérifiez si l’application peut être désinstallée manuellement sur l’appareil. En cas d’échec, récupérez les journaux du Portail d’entreprise et escaladez."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FB7,
        title: Text::new("update signing certificate mismatch", "certificat de signature différent"),
        meaning: Text::new("The update APK is signed with a different certificate from the version already on the device, and Android only accepts an update signed with the very same certificate.", "L’APK de mise à jour est signé avec un certificat différent de celui de la version déjà installée, or Android n’accepte une mise à jour que si le certificat est strictement identique."),
        fix: Text::new("Ask the developer to sign the update with the original certificate. If that is not possible, uninstall the current app and deploy the new version as a fresh install.", "Demandez au développeur de signer la mise à jour avec le certificat d’origine. Si c’est impossible, désinstallez l’application actuelle et déployez la nouvelle version comme une nouvelle installation."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FB9,
        title: Text::new("user declined the app", "application refusée par l’utilisateur"),
        meaning: Text::new("The user declined the app deployed by Intune at the acceptance prompt, so the installation did not go ahead.", "L’utilisateur a refusé l’application déployée par Intune au moment de l’invite d’acceptation ; l’installation n’a donc pas eu lieu."),
        fix: Text::new("Explain to the user that the app is provided by the organization and ask them to accept and install it the next time they are prompted.", "Expliquez à l’utilisateur que l’application est fournie par l’organisation et demandez-lui de l’accepter et de l’installer lors de la prochaine invite."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FBC,
        title: Text::new("uninstall interrupted by Android or restart", "désinstallation interrompue par Android ou redémarrage"),
        meaning: Text::new("The app operation (reported as an uninstall) was cancelled because Android ended the process or the device restarted part-way through.", "L’opération sur l’application (signalée comme une désinstallation) a été annulée car Android a mis fin au processus ou l’appareil a redémarré en cours de route."),
        fix: Text::new("Retry with the device left switched on. If the error comes back, collect the Company Portal logs.", "Relancez l’opération en laissant l’appareil allumé. Si l’erreur se reproduit, récupérez les journaux du Portail d’entreprise."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FB6,
        title: Text::new("unsigned APK", "APK non signé"),
        meaning: Text::new("The APK is not signed, and by default Android refuses to install unsigned apps.", "L’APK n’est pas signé, et par défaut Android refuse d’installer une application non signée."),
        fix: Text::new("Have the app owner sign the APK, upload the signed package to Intune and deploy it again.", "Faites signer l’APK par le responsable de l’application, importez le package signé dans Intune et redéployez-le."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FB1,
        title: Text::new("user cancelled the install prompt", "invite d’installation annulée par l’utilisateur"),
        meaning: Text::new("The user cancelled the Android installation prompt, either by pressing Cancel or by leaving the prompt (device administrator only).", "L’utilisateur a annulé l’invite d’installation Android, en appuyant sur Annuler ou en quittant l’invite (administrateur d’appareil uniquement)."),
        fix: Text::new("Ask the user to tap the Intune notification to retry and, this time, to confirm the installation instead of cancelling it.", "Demandez à l’utilisateur d’appuyer sur la notification Intune pour réessayer et, cette fois, de confirmer l’installation au lieu de l’annuler."),
    },
    AppInstallCode {
        platform: AppPlatform::Android,
        code: 0xC7D14FB9,
        title: Text::new("user declined the app", "application refusée par l’utilisateur"),
        meaning: Text::new("The user declined the app deployed by Intune at the acceptance prompt, so the installation did not go ahead.", "L’utilisateur a refusé l’application déployée par Intune au moment de l’invite d’acceptation ; l’installation n’a donc pas eu lieu."),
        fix: Text::new("Explain to the user that the app is provided by the organization and ask them to accept and install it the next time they are prompted.", "Expliquez à l’utilisateur que l’application est fournie par l’organisation et demandez-lui de l’accepter et de l’installer lors de la prochaine invite."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D12906,
        title: Text::new("MDM install command failed", "échec de la commande d’installation MDM"),
        meaning: Text::new("The Apple MDM agent reported that the install command failed, without saying why.", "L’agent MDM d’Apple a signalé l’échec de la commande d’installation, sans en préciser la cause."),
        fix: Text::new("Retry the installation by syncing the device. If it keeps failing, collect the device’s console logs and escalate.", "Relancez l’installation en synchronisant l’appareil. Si l’échec persiste, récupérez les journaux de la console de l’appareil et escaladez."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D1313C,
        title: Text::new("connection lost during URL update", "connexion perdue pendant l’envoi de l’URL"),
        meaning: Text::new("The device lost its network connection while it was being sent the updated download address; the server’s host name could not be found.", "L’appareil a perdu sa connexion réseau pendant l’envoi de l’adresse de téléchargement mise à jour ; le nom d’hôte du serveur est resté introuvable."),
        fix: Text::new("Ask the user to connect to a stable network (check Wi-Fi, VPN or proxy), then sync the device; a later attempt should succeed.", "Demandez à l’utilisateur de se connecter à un réseau stable (Wi-Fi, VPN, proxy), puis synchronisez l’appareil ; une nouvelle tentative devrait aboutir."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D1313D,
        title: Text::new("VPP licence could not be obtained", "licence VPP impossible à obtenir"),
        meaning: Text::new("Intune could not obtain a volume purchase (VPP) licence for the app’s App Store ID.", "Intune n’a pas pu obtenir de licence d’achat en volume (VPP) pour l’identifiant App Store de l’application."),
        fix: Text::new("Sync the VPP token, then the device. If that fails, reassign the app with device licensing, then revoke and reassign its licence. Last resort: revoke all the device’s licences, retire it and re-enroll it.", "Synchronisez le jeton VPP, puis l’appareil. En cas d’échec, réattribuez l’application avec une licence par appareil, puis révoquez et réattribuez la licence. En dernier recours, révoquez toutes ses licences, mettez l’appareil hors service et réinscrivez-le."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D11388,
        title: Text::new("device busy or locked", "appareil occupé ou verrouillé"),
        meaning: Text::new("The iPhone or iPad was busy, typically because it was locked, so the installation could not run.", "L’iPhone ou l’iPad était occupé, généralement parce qu’il était verrouillé, et l’installation n’a pas pu s’exécuter."),
        fix: Text::new("Ask the user to unlock the device and keep it unlocked for a moment, then sync it so the installation is attempted again.", "Demandez à l’utilisateur de déverrouiller l’appareil et de le laisser déverrouillé quelques instants, puis synchronisez-le pour relancer l’installation."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B64,
        title: Text::new("install failed without details", "échec d’installation sans détail"),
        meaning: Text::new("The installation failed on the device and no further detail was sent back.", "L’installation a échoué sur l’appareil et aucune précision supplémentaire n’a été renvoyée."),
        fix: Text::new("Capture the device’s console logs (for example from a Mac) while retrying the installation, and escalate with those logs.", "Récupérez les journaux de la console de l’appareil (par exemple depuis un Mac) pendant une nouvelle tentative d’installation, puis escaladez avec ces journaux."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B66,
        title: Text::new("managed app missing from device", "application gérée absente de l’appareil"),
        meaning: Text::new("The managed app is missing: the user removed it, it expired and could not be downloaded again, or detection did not match what the device reported (also a known iOS 9.2.2 bug).", "L’application gérée est absente : l’utilisateur l’a supprimée, elle a expiré sans pouvoir être retéléchargée, ou la détection ne correspond pas à la réponse de l’appareil (bogue connu d’iOS 9.2.2)."),
        fix: Text::new("Check with the user whether the app was removed, then have it reinstalled from the Company Portal or sync the device so Intune pushes it again.", "Vérifiez avec l’utilisateur s’il a supprimé l’application, puis faites-la réinstaller depuis le Portail d’entreprise ou synchronisez l’appareil pour qu’Intune la redéploie."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B60,
        title: Text::new("redemption code required", "code d’échange requis"),
        meaning: Text::new("The installation is queued but needs a redemption code to complete, which usually happens with paid App Store apps.", "L’installation est planifiée mais nécessite un code d’échange pour aboutir, ce qui arrive généralement avec les applications payantes de l’App Store."),
        fix: Text::new("Deploy paid apps with Apple volume purchase (VPP) licences rather than as plain store apps, or give the user a redemption code.", "Déployez les applications payantes avec des licences d’achat en volume Apple (VPP) plutôt que comme de simples applications de l’App Store, ou fournissez un code d’échange à l’utilisateur."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B7D,
        title: Text::new("unknown error, possibly expired VPP token", "erreur inconnue, jeton VPP peut-être expiré"),
        meaning: Text::new("An unidentified installation error with several possible causes; one known cause is an expired VPP token in Intune.", "Erreur d’installation non identifiée aux causes multiples ; l’une d’elles est un jeton VPP expiré dans Intune."),
        fix: Text::new("Check in Intune that the VPP token is current and syncing; renew it if it has expired, then sync the device.", "Vérifiez dans Intune que le jeton VPP est valide et se synchronise ; renouvelez-le s’il a expiré, puis synchronisez l’appareil."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D1041C,
        title: Text::new("successful install not detected", "installation réussie mais non détectée"),
        meaning: Text::new("The installation reported success, but Intune’s detection did not match what the device sent back, so the app is not seen as installed.", "L’installation a été signalée comme réussie, mais la détection d’Intune ne correspond pas à la réponse de l’appareil : l’application n’est donc pas considérée comme installée."),
        fix: Text::new("Check that the app is really on the device and sync it. If it is there, compare the bundle ID and version set in Intune with the installed app.", "Vérifiez que l’application est bien présente sur l’appareil et synchronisez-le. Si elle l’est, comparez l’identifiant de bundle et la version déclarés dans Intune avec l’application installée."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B62,
        title: Text::new("user cancelled the install request", "demande d’installation annulée par l’utilisateur"),
        meaning: Text::new("The user tapped Cancel when first asked to install the app.", "L’utilisateur a appuyé sur Annuler lors de la première demande d’installation de l’application."),
        fix: Text::new("Ask the user to accept the installation request the next time it appears.", "Demandez à l’utilisateur d’accepter la demande d’installation lorsqu’elle s’affichera de nouveau."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B63,
        title: Text::new("user cancelled the update", "mise à jour annulée par l’utilisateur"),
        meaning: Text::new("The user tapped Cancel when asked to update the app.", "L’utilisateur a appuyé sur Annuler lors de la demande de mise à jour de l’application."),
        fix: Text::new("Ask the user to accept the update prompt, or deploy the app as required.", "Demandez à l’utilisateur d’accepter l’invite de mise à jour, ou déployez l’application en mode obligatoire."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D103E8,
        title: Text::new("generic install error", "erreur d’installation générique"),
        meaning: Text::new("A generic installation error, reported when no more specific error applies.", "Erreur d’installation générique, renvoyée lorsqu’aucune erreur plus précise ne s’applique."),
        fix: Text::new("Retry after a device sync and check the network and the app assignment. If it persists, collect the device’s console logs and escalate.", "Réessayez après une synchronisation de l’appareil et vérifiez le réseau et l’attribution de l’application. Si le problème persiste, récupérez les journaux de la console et escaladez."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B93,
        title: Text::new("Shared iPad needs a VPP app", "iPad partagé limité aux applications VPP"),
        meaning: Text::new("A Shared iPad can only install apps obtained through Apple’s volume purchase program (VPP).", "Un iPad partagé ne peut installer que des applications acquises via le programme d’achat en volume d’Apple (VPP)."),
        fix: Text::new("Obtain the app through Apple volume purchasing (Apple Business Manager or Apple School Manager) and assign that version to the Shared iPad.", "Procurez-vous l’application via l’achat en volume d’Apple (Apple Business Manager ou Apple School Manager) et attribuez cette version à l’iPad partagé."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B94,
        title: Text::new("App Store disabled on device", "App Store désactivé sur l’appareil"),
        meaning: Text::new("Apps cannot be installed because the App Store is disabled on the device.", "Les applications ne peuvent pas être installées car l’App Store est désactivé sur l’appareil."),
        fix: Text::new("Review the device restriction profiles applied to the device and allow the App Store so the installation can proceed.", "Vérifiez les profils de restrictions appliqués à l’appareil et autorisez l’App Store pour que l’installation puisse se faire."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B95,
        title: Text::new("no VPP licence found", "aucune licence VPP trouvée"),
        meaning: Text::new("No VPP licence could be found for this app.", "Aucune licence VPP n’a été trouvée pour cette application."),
        fix: Text::new("Revoke the app licence and assign it again, then sync the device.", "Révoquez la licence de l’application, réattribuez-la, puis synchronisez l’appareil."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B96,
        title: Text::new("system app not deployable via MDM", "application système non déployable par MDM"),
        meaning: Text::new("The app is a system app that ships with iOS/iPadOS; installing such apps through MDM is not supported.", "Il s’agit d’une application système fournie avec iOS/iPadOS ; son installation par la gestion MDM n’est pas prise en charge."),
        fix: Text::new("Remove this assignment: built-in apps cannot be deployed from Intune. If the user deleted it, they can restore it from the App Store.", "Supprimez cette attribution : les applications intégrées ne peuvent pas être déployées depuis Intune. Si l’utilisateur l’a supprimée, il peut la restaurer depuis l’App Store."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B97,
        title: Text::new("device in Lost Mode", "appareil en mode Perdu"),
        meaning: Text::new("The device is in Lost Mode, which blocks all use of it, including app installation.", "L’appareil est en mode Perdu, ce qui bloque toute utilisation, y compris l’installation d’applications."),
        fix: Text::new("Confirm the device has been recovered, then turn off Lost Mode from Intune and sync the device.", "Confirmez que l’appareil a été retrouvé, puis désactivez le mode Perdu depuis Intune et synchronisez l’appareil."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B98,
        title: Text::new("device in kiosk mode", "appareil en mode kiosque"),
        meaning: Text::new("The device is in kiosk (single app) mode, so other apps cannot be installed.", "L’appareil est en mode kiosque (application unique) et ne peut donc pas installer d’autres applications."),
        fix: Text::new("Add the device to a group excluded from the kiosk configuration profile, install the app, then decide whether kiosk mode should be applied again.", "Ajoutez l’appareil à un groupe exclu du profil de configuration kiosque, installez l’application, puis voyez s’il faut réappliquer le mode kiosque."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B9C,
        title: Text::new("32-bit app not supported", "application 32 bits incompatible"),
        meaning: Text::new("The app is 32-bit and this device cannot install 32-bit apps.", "L’application est en 32 bits et cet appareil ne peut pas installer d’applications 32 bits."),
        fix: Text::new("Deploy the 64-bit version of the app instead, or ask the publisher for one.", "Déployez plutôt la version 64 bits de l’application, ou demandez-en une à l’éditeur."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B99,
        title: Text::new("user signed out of App Store", "utilisateur non connecté à l’App Store"),
        meaning: Text::new("The user is not signed in to the App Store, so the app cannot be installed.", "L’utilisateur n’est pas connecté à l’App Store ; l’application ne peut donc pas être installée."),
        fix: Text::new("Ask the user to sign in to the App Store with their Apple ID, then sync the device from the Company Portal.", "Demandez à l’utilisateur de se connecter à l’App Store avec son identifiant Apple, puis de synchroniser l’appareil depuis le Portail d’entreprise."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B9A,
        title: Text::new("install failed for unknown reason", "échec d’installation de cause inconnue"),
        meaning: Text::new("The installation failed for an unknown reason.", "L’installation a échoué pour une raison inconnue."),
        fix: Text::new("Wait a little and try again. If it keeps failing, check network access and the app assignment, then collect the device’s logs.", "Patientez un peu puis réessayez. Si l’échec se répète, vérifiez l’accès réseau et l’attribution de l’application, puis récupérez les journaux de l’appareil."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B9B,
        title: Text::new("install error, retry at next sync", "erreur d’installation, relance à la synchronisation"),
        meaning: Text::new("The installation ran into an error on the device; Intune will try again at the next sync.", "L’installation a rencontré une erreur sur l’appareil ; Intune réessaiera à la prochaine synchronisation."),
        fix: Text::new("Sync the device (from the Company Portal or from Intune) to retry the installation now.", "Synchronisez l’appareil (depuis le Portail d’entreprise ou depuis Intune) pour relancer l’installation tout de suite."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B7E,
        title: Text::new("no VPP licences left", "plus aucune licence VPP disponible"),
        meaning: Text::new("Apple refused the licence assignment because no VPP licences are left for this app. This is expected behaviour.", "Apple a refusé l’attribution de licence car il ne reste plus de licences VPP pour cette application. Ce comportement est normal."),
        fix: Text::new("Buy more licences, or reclaim licences from users or devices that are no longer targeted by the app.", "Achetez des licences supplémentaires, ou récupérez celles des utilisateurs ou appareils qui ne sont plus ciblés par l’application."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B6E,
        title: Text::new("Apple install failure 12024", "échec d’installation Apple 12024"),
        meaning: Text::new("Apple reported installation failure 12024 without enough information to tell what caused it.", "Apple a signalé l’échec d’installation 12024 sans fournir assez d’informations pour en déterminer la cause."),
        fix: Text::new("Retry after syncing the device and check the network and the app assignment. If it persists, collect the device’s console logs and escalate.", "Réessayez après une synchronisation et vérifiez le réseau et l’attribution de l’application. Si le problème persiste, récupérez les journaux de la console de l’appareil et escaladez."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B7F,
        title: Text::new("app configuration policy missing", "stratégie de configuration d’application manquante"),
        meaning: Text::new("The app needs an app configuration policy, but none is assigned to the groups that receive the app.", "L’application exige une stratégie de configuration d’application, mais aucune n’est attribuée aux groupes qui reçoivent l’application."),
        fix: Text::new("Assign the required app configuration policy to the same groups as the app, then sync the device.", "Attribuez la stratégie de configuration requise aux mêmes groupes que l’application, puis synchronisez l’appareil."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B69,
        title: Text::new("iOS too old for device VPP", "version d’iOS trop ancienne pour VPP"),
        meaning: Text::new("Device-based VPP licensing needs iOS/iPadOS 9.0 or later, and this device runs an older version.", "L’attribution de licences VPP par appareil exige iOS/iPadOS 9.0 ou version ultérieure, et cet appareil exécute une version plus ancienne."),
        fix: Text::new("Update the device to iOS/iPadOS 9.0 or later, then sync it.", "Mettez à jour l’appareil vers iOS/iPadOS 9.0 ou version ultérieure, puis synchronisez-le."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B8F,
        title: Text::new("LOB app installed outside Intune", "application métier installée hors Intune"),
        meaning: Text::new("A line-of-business (LOB) app is on the device but was installed outside Intune, so it is not managed.", "Une application métier (LOB) est présente sur l’appareil mais a été installée en dehors d’Intune ; elle n’est donc pas gérée."),
        fix: Text::new("Ask the user to uninstall the app; at the next sync Intune will install its managed copy.", "Demandez à l’utilisateur de désinstaller l’application ; à la prochaine synchronisation, Intune installera sa version gérée."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B68,
        title: Text::new("user refused app management", "gestion de l’application refusée par l’utilisateur"),
        meaning: Text::new("The user refused to let the organization manage the app.", "L’utilisateur a refusé que l’organisation prenne en charge la gestion de l’application."),
        fix: Text::new("Ask the user to accept app management when prompted again, then sync the device.", "Demandez à l’utilisateur d’accepter la gestion de l’application à la prochaine invite, puis synchronisez l’appareil."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D1279D,
        title: Text::new("unidentified App Store app error", "erreur inconnue d’application App Store"),
        meaning: Text::new("An unidentified error affecting App Store apps; the exact scenario is not known.", "Erreur non identifiée touchant les applications de l’App Store ; le scénario exact n’est pas connu."),
        fix: Text::new("Retry after a device sync and check that the user can reach the App Store. If it persists, collect the device’s console logs.", "Réessayez après une synchronisation et vérifiez que l’utilisateur a accès à l’App Store. Si le problème persiste, récupérez les journaux de la console de l’appareil."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B9D,
        title: Text::new("app update not yet applied", "mise à jour pas encore appliquée"),
        meaning: Text::new("The app is managed but an older version is still on the device: the update was sent, but the new version has not yet been installed and reported.", "L’application est gérée mais une ancienne version est toujours sur l’appareil : la mise à jour a été envoyée sans que la nouvelle version soit encore installée et signalée."),
        fix: Text::new("Usually temporary: sync the device and check again later. The status clears once the device reports the new version; if a different error appears, handle that one.", "Souvent temporaire : synchronisez l’appareil et revérifiez plus tard. L’état disparaît dès que l’appareil signale la nouvelle version ; si une autre erreur apparaît, traitez-la."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B6F,
        title: Text::new("manifest check timed out", "délai dépassé, manifeste non vérifié"),
        meaning: Text::new("Checking the app manifest failed because the connection to Intune timed out.", "La vérification du manifeste de l’application a échoué car la connexion à Intune a expiré."),
        fix: Text::new("Ask the user to move to a stable network, then sync the device to retry.", "Demandez à l’utilisateur de passer sur un réseau stable, puis synchronisez l’appareil pour réessayer."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B70,
        title: Text::new("host not found for manifest check", "hôte introuvable, manifeste non vérifié"),
        meaning: Text::new("Checking the app manifest failed because the server host could not be found.", "La vérification du manifeste de l’application a échoué car l’hôte du serveur est introuvable."),
        fix: Text::new("Check the device’s internet access and name resolution (Wi-Fi, VPN, proxy), then sync it to retry.", "Vérifiez l’accès à internet et la résolution DNS de l’appareil (Wi-Fi, VPN, proxy), puis synchronisez-le pour réessayer."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B72,
        title: Text::new("connection dropped during manifest check", "connexion coupée, manifeste non vérifié"),
        meaning: Text::new("Checking the app manifest failed because the network connection dropped during the check.", "La vérification du manifeste de l’application a échoué car la connexion réseau a été coupée pendant le contrôle."),
        fix: Text::new("Ask the user to stay on a stable network, then sync the device to retry.", "Demandez à l’utilisateur de rester sur un réseau stable, puis synchronisez l’appareil pour réessayer."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B73,
        title: Text::new("device offline during manifest check", "appareil hors ligne, manifeste non vérifié"),
        meaning: Text::new("Checking the app manifest failed because the device was not connected to the internet.", "La vérification du manifeste de l’application a échoué car l’appareil n’était pas connecté à internet."),
        fix: Text::new("Ask the user to connect to Wi-Fi or mobile data, then sync the device.", "Demandez à l’utilisateur de se connecter au Wi-Fi ou aux données mobiles, puis synchronisez l’appareil."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B77,
        title: Text::new("secure connection failed for manifest", "connexion sécurisée impossible, manifeste non vérifié"),
        meaning: Text::new("Checking the app manifest failed because a secure connection could not be established.", "La vérification du manifeste de l’application a échoué car aucune connexion sécurisée n’a pu être établie."),
        fix: Text::new("Look for a proxy, firewall or captive portal intercepting HTTPS traffic and check the device’s date and time, then sync to retry.", "Recherchez un proxy, un pare-feu ou un portail captif qui intercepte le trafic HTTPS et vérifiez la date et l’heure de l’appareil, puis synchronisez pour réessayer."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B80,
        title: Text::new("cannot reach the iTunes Store", "iTunes Store injoignable"),
        meaning: Text::new("The installation failed because the device could not connect to the iTunes Store (App Store).", "L’installation a échoué car l’appareil n’a pas pu se connecter à l’iTunes Store (App Store)."),
        fix: Text::new("Check the device’s internet access and that the network does not block Apple’s store services, then sync to retry.", "Vérifiez l’accès à internet de l’appareil et que le réseau ne bloque pas les services de l’App Store d’Apple, puis synchronisez pour réessayer."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B9F,
        title: Text::new("newer VPP app version available", "nouvelle version de l’application VPP disponible"),
        meaning: Text::new("A VPP app is installed, but a newer version of it is available.", "Une application VPP est installée, mais une version plus récente est disponible."),
        fix: Text::new("Nothing is broken: let the update be applied, or sync the device to speed it up.", "Rien n’est cassé : laissez la mise à jour s’appliquer, ou synchronisez l’appareil pour l’accélérer."),
    },
    AppInstallCode {
        platform: AppPlatform::Ios,
        code: 0x87D13B9E,
        title: Text::new("uninstall-on-retire setting mismatch", "paramètre de désinstallation au retrait divergent"),
        meaning: Text::new("The app is already on the device, but its uninstall-on-retire setting differs from the value configured in Intune.", "L’application est déjà installée, mais son paramètre de désinstallation lors de la mise hors service diffère de la valeur configurée dans Intune."),
        fix: Text::new("Ask the user to request the app again from the Company Portal so the setting can be reapplied.", "Demandez à l’utilisateur de redemander l’application depuis le Portail d’entreprise afin que le paramètre soit réappliqué."),
    },
    AppInstallCode {
        platform: AppPlatform::Windows,
        code: 0x80073CFF,
        title: Text::new("device not allowed to sideload", "appareil non autorisé au sideloading"),
        meaning: Text::new("Client-side error: the app can only be installed on a device allowed to sideload apps, and this device does not meet that requirement.", "Erreur côté client : l’application ne peut être installée que sur un appareil autorisé au chargement indépendant (sideloading), ce qui n’est pas le cas ici."),
        fix: Text::new("Check that the package is signed with a trusted certificate and that AllowAllTrustedApps is enabled on the device (domain-joined, or with a sideloading licence).", "Vérifiez que le package est signé avec un certificat approuvé et que la stratégie AllowAllTrustedApps est activée sur l’appareil (joint au domaine ou doté d’une licence de sideloading)."),
    },
    AppInstallCode {
        platform: AppPlatform::Windows,
        code: 0x80CF201C,
        title: Text::new("sideloading not enabled", "sideloading non activé"),
        meaning: Text::new("Client-side error: sideloading is not enabled on this device, which installing this app package requires.", "Erreur côté client : le chargement indépendant (sideloading) n’est pas activé sur l’appareil, alors que ce package d’application l’exige."),
        fix: Text::new("Make sure the package has a trusted signature and the device has AllowAllTrustedApps enabled, either as a domain-joined device or with a sideloading licence.", "Assurez-vous que le package porte une signature approuvée et que l’appareil a la stratégie AllowAllTrustedApps activée, qu’il soit joint au domaine ou doté d’une licence de sideloading."),
    },
    AppInstallCode {
        platform: AppPlatform::Windows,
        code: 0x80073CF0,
        title: Text::new("package could not be opened", "ouverture du package impossible"),
        meaning: Text::new("Windows could not open the app package, for example because it is unsigned or the publisher name differs from the signing certificate’s subject.", "Windows n’a pas pu ouvrir le package de l’application, par exemple parce qu’il n’est pas signé ou que le nom de l’éditeur ne correspond pas au sujet du certificat de signature."),
        fix: Text::new("Have the package signed with a publisher name that matches the certificate subject. The AppxPackagingOM event log on the device gives details.", "Faites signer le package avec un nom d’éditeur identique au sujet du certificat. Le journal d’événements AppxPackagingOM de l’appareil donne le détail."),
    },
    AppInstallCode {
        platform: AppPlatform::Windows,
        code: 0x80073CF3,
        title: Text::new("package conflict or missing dependency", "conflit ou dépendance manquante du package"),
        meaning: Text::new("The package failed update, dependency or conflict checks: it clashes with an installed package, a dependency is missing, or it targets the wrong processor architecture.", "Le package a échoué aux contrôles de mise à jour, de dépendances ou de conflits : conflit avec un package installé, dépendance manquante ou architecture de processeur incorrecte."),
        fix: Text::new("Check the AppXDeployment-Server event log on the device to see which check failed, then fix the package or deploy the missing dependency.", "Consultez le journal d’événements AppXDeployment-Server de l’appareil pour identifier le contrôle en échec, puis corrigez le package ou déployez la dépendance manquante."),
    },
    AppInstallCode {
        platform: AppPlatform::Windows,
        code: 0x80073CFB,
        title: Text::new("package already installed, reinstall blocked", "package déjà installé, réinstallation bloquée"),
        meaning: Text::new("The package is already installed and reinstalling it is blocked, typically because the new package was rebuilt or re-signed and is no longer bit-for-bit identical to the installed one.", "Le package est déjà installé et sa réinstallation est bloquée, souvent parce que le nouveau package a été régénéré ou re-signé et n’est plus identique, au bit près, à celui en place."),
        fix: Text::new("Raise the app’s version number, then rebuild and re-sign the package; or remove the old package for every user on the device before installing the new one.", "Augmentez le numéro de version de l’application, puis régénérez et re-signez le package ; ou supprimez l’ancien package pour tous les utilisateurs de l’appareil avant d’installer le nouveau."),
    },
    AppInstallCode {
        platform: AppPlatform::Windows,
        code: 0x87D1041C,
        title: Text::new("app no longer detected", "application qui n’est plus détectée"),
        meaning: Text::new("Intune installed the app, but it is no longer detected: the user removed it, the package identity does not match what the device reports, or a self-updating MSI changed version outside Intune.", "Intune a installé l’application, mais elle n’est plus détectée : l’utilisateur l’a supprimée, l’identité du package ne correspond pas à ce que signale l’appareil, ou un MSI qui se met à jour seul a changé de version hors d’Intune."),
        fix: Text::new("Ask the user to reinstall the app from the Company Portal; required apps come back on their own at the next check-in. If it recurs, review the app’s detection rules and version.", "Demandez à l’utilisateur de réinstaller l’application depuis le Portail d’entreprise ; les applications obligatoires se réinstallent seules à la prochaine synchronisation. Si cela se reproduit, vérifiez les règles de détection et la version."),
    },
    AppInstallCode {
        platform: AppPlatform::Windows,
        code: 0x8000FFFF,
        title: Text::new("unexpected install error", "erreur inattendue à l’installation"),
        meaning: Text::new("An unexpected error occurred while the app was being installed.", "Une erreur inattendue s’est produite pendant l’installation de l’application."),
        fix: Text::new("Collect the installation logs from the device (for Win32 apps, the Intune Management Extension logs) and find the failing step before retrying.", "Récupérez les journaux d’installation de l’appareil (pour les applications Win32, ceux de l’Intune Management Extension) et identifiez l’étape en échec avant de réessayer."),
    },
];

impl AppPlatform {
    /// The table for a device's operating system as Intune names it.
    pub fn of_os(os: Option<&str>) -> AppPlatform {
        let os = os.unwrap_or_default().to_ascii_lowercase();
        if os.starts_with("android") {
            AppPlatform::Android
        } else if os.starts_with("ios") || os.starts_with("ipados") {
            AppPlatform::Ios
        } else {
            AppPlatform::Windows
        }
    }
}

/// The entry for `code` in `platform`'s table.
pub fn lookup(platform: AppPlatform, code: u32) -> Option<&'static AppInstallCode> {
    CODES.iter().find(|entry| entry.platform == platform && entry.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn every_row_of_microsofts_tables_is_in_the_catalogue() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/catalogues/app-install-error-codes.tsv");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("the contract file {path} is needed: {e}"));
        let mut rows = 0;
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("platform")) {
            let fields: Vec<&str> = line.split('\t').collect();
            let platform = match fields[0] {
                "android" => AppPlatform::Android,
                "ios" => AppPlatform::Ios,
                _ => AppPlatform::Windows,
            };
            let code = u32::from_str_radix(fields[1].trim_start_matches("0x"), 16).expect("a hex code");
            assert_eq!(code as i32, fields[2].parse::<i32>().expect("a decimal code"), "{line}");
            assert!(lookup(platform, code).is_some(), "{line} is not in the catalogue");
            rows += 1;
        }
        assert_eq!(rows, CODES.len());
    }

    #[test]
    fn every_entry_says_what_it_means_and_what_to_do_in_both_languages() {
        for entry in &CODES {
            for text in [entry.title, entry.meaning, entry.fix] {
                for lang in [Lang::En, Lang::Fr] {
                    assert!(!text.template(lang).trim().is_empty(), "0x{:08X} lacks {lang:?}", entry.code);
                }
                assert_ne!(text.template(Lang::En), text.template(Lang::Fr), "0x{:08X} is not translated", entry.code);
            }
        }
    }

    #[test]
    fn one_code_means_different_things_on_each_platform() {
        let meanings: Vec<&str> = [AppPlatform::Android, AppPlatform::Ios, AppPlatform::Windows]
            .into_iter()
            .map(|platform| lookup(platform, 0x87D1041C).expect("in every table").meaning.template(Lang::En))
            .collect();
        assert!(meanings[0] != meanings[1] && meanings[1] != meanings[2] && meanings[0] != meanings[2]);
        assert!(lookup(AppPlatform::Windows, 0xC7D14FB5).is_none(), "an Android code is not read in the Windows table");
    }

    #[test]
    fn platforms_are_told_from_the_operating_system() {
        assert_eq!(AppPlatform::of_os(Some("Android")), AppPlatform::Android);
        assert_eq!(AppPlatform::of_os(Some("AndroidForWork")), AppPlatform::Android);
        assert_eq!(AppPlatform::of_os(Some("iOS")), AppPlatform::Ios);
        assert_eq!(AppPlatform::of_os(Some("iPadOS")), AppPlatform::Ios);
        assert_eq!(AppPlatform::of_os(Some("Windows")), AppPlatform::Windows);
        assert_eq!(AppPlatform::of_os(Some("macOS")), AppPlatform::Windows);
        assert_eq!(AppPlatform::of_os(None), AppPlatform::Windows);
    }
}
