//! The remediation catalogue: the twenty enrollment errors the product description names,
//! what each means and what to do, as texts in English and French; and the matcher that recognises
//! them in a troubleshooting event.

use crate::graph::models::{FailureCategory, TroubleshootingEvent};
use crate::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnrollmentError {
    IosTimeoutOrFailure,
    UserNotRecognizedOrLicensed,
    DeviceAlreadyEnrolled,
    NotOnboardedOntoIntune,
    EnrollmentAuthorizationFailure,
    DeviceNotSupported,
    EnrollmentRestrictionsNotMet,
    DeviceVersionTooLow,
    DeviceVersionTooHigh,
    DeviceCannotBeEnrolledAsPersonal,
    DevicePlatformBlocked,
    BulkTokenExpired,
    AutopilotDeviceNotFound,
    AutopilotProfileNotFound,
    UnexpectedAutopilotEnrollmentMethod,
    AutopilotDeviceRemoved,
    DeviceCapReached,
    AppleOnboarding,
    DeviceNotPreregistered,
    FeatureNotSupported,
}

/// A link to documentation that helps with an error (https only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resource {
    pub text: Text,
    pub link: &'static str,
}

pub struct Entry {
    pub error: EnrollmentError,
    /// `failureReason` codes and phrases that name this error, compared without case,
    /// spaces or punctuation.
    pub aliases: &'static [&'static str],
    pub title: Text,
    pub details: Text,
    pub remediations: &'static [Text],
    pub resources: &'static [Resource],
}

const ENROLLMENT_TROUBLESHOOTING: Resource = Resource {
    text: Text::new(
        "Troubleshoot device enrollment in Intune",
        "Résoudre les problèmes d’inscription d’appareils dans Intune",
    ),
    link:
        "https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-device-enrollment-in-intune",
};
const ENROLLMENT_RESTRICTIONS: Resource = Resource {
    text: Text::new("Enrollment restrictions", "Restrictions d’inscription"),
    link: "https://learn.microsoft.com/mem/intune/enrollment/enrollment-restrictions-set",
};
const AUTOPILOT: Resource = Resource {
    text: Text::new("Windows Autopilot troubleshooting", "Résolution des problèmes de Windows Autopilot"),
    link: "https://learn.microsoft.com/autopilot/troubleshooting",
};
const APPLE_PUSH: Resource = Resource {
    text: Text::new("Get an Apple MDM push certificate", "Obtenir un certificat Push MDM Apple"),
    link: "https://learn.microsoft.com/mem/intune/enrollment/apple-mdm-push-certificate-get",
};
const LICENCES: Resource = Resource {
    text: Text::new("Assign Intune licences", "Attribuer des licences Intune"),
    link: "https://learn.microsoft.com/mem/intune/fundamentals/licenses-assign",
};
const CORPORATE_IDENTIFIERS: Resource = Resource {
    text: Text::new("Identify devices as corporate-owned", "Identifier des appareils comme appartenant à l’entreprise"),
    link: "https://learn.microsoft.com/mem/intune/enrollment/corporate-identifiers-add",
};

use EnrollmentError::*;

pub static CATALOGUE: [Entry; 20] = [
    Entry {
        error: IosTimeoutOrFailure,
        aliases: &["IosTimeoutOrFailure", "iOS timeout or failure", "IosTimeout"],
        title: Text::new("iOS timeout or failure", "Délai d’expiration ou échec d’iOS"),
        details: Text::new(
            "The device and Intune stopped talking before enrollment finished, usually because the user took too long on one of the steps.",
            "L’appareil et Intune ont cessé d’échanger avant la fin de l’inscription, le plus souvent parce que l’utilisateur a mis trop de temps à franchir une étape.",
        ),
        remediations: &[
            Text::new("Ask the user to start the enrollment again and complete every step without pausing.", "Demandez à l’utilisateur de recommencer l’inscription et d’enchaîner les étapes sans pause."),
            Text::new("Check the device has a stable network connection during enrollment.", "Vérifiez que l’appareil garde une connexion réseau stable pendant l’inscription."),
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: UserNotRecognizedOrLicensed,
        aliases: &["UserNotRecognizedOrLicensed", "User not recognized or licensed", "UserNotLicensed", "UserNotRecognized"],
        title: Text::new("User not recognized or licensed", "Utilisateur introuvable ou sans licence"),
        details: Text::new(
            "The user has no Intune licence, or it was removed from them.",
            "L’utilisateur n’a pas de licence Intune, ou elle lui a été retirée.",
        ),
        remediations: &[
            Text::new("Check the user's licence in the status above; assign a licence that includes Intune (INTUNE_A).", "Vérifiez la licence de l’utilisateur dans l’état ci-dessus ; attribuez une licence comprenant Intune (INTUNE_A)."),
            Text::new("After assigning it, wait a few minutes and ask the user to enroll again.", "Après l’attribution, patientez quelques minutes puis demandez à l’utilisateur de se réinscrire."),
        ],
        resources: &[LICENCES],
    },
    Entry {
        error: DeviceAlreadyEnrolled,
        aliases: &["DeviceAlreadyEnrolled", "Device already enrolled"],
        title: Text::new("Device already enrolled", "Appareil déjà inscrit"),
        details: Text::new(
            "Someone tried to enroll, with the Company Portal, a device that is still enrolled by another user.",
            "Quelqu’un a tenté d’inscrire avec le Portail d’entreprise un appareil encore inscrit par un autre utilisateur.",
        ),
        remediations: &[
            Text::new("Find the device under the other user and retire or delete it in Intune.", "Retrouvez l’appareil chez l’autre utilisateur puis mettez-le hors service ou supprimez-le dans Intune."),
            Text::new("Have the user remove the work account from the device, then enroll again.", "Faites retirer le compte professionnel de l’appareil, puis réinscrire l’appareil."),
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: NotOnboardedOntoIntune,
        aliases: &["NotOnboardedOntoIntune", "Not onboarded onto Intune", "MdmAuthorityNotSet"],
        title: Text::new("Not onboarded onto Intune", "Non intégré à Intune"),
        details: Text::new(
            "Enrollment was attempted while the tenant's mobile device management authority was not set to Intune.",
            "Une inscription a été tentée alors que l’autorité de gestion des appareils mobiles du locataire n’était pas Intune.",
        ),
        remediations: &[
            Text::new("Ask an Intune administrator to set the MDM authority to Intune.", "Demandez à un administrateur Intune de définir Intune comme autorité MDM."),
            Text::new("Once it is set, the user can enroll again.", "Une fois l’autorité définie, l’utilisateur peut se réinscrire."),
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: EnrollmentAuthorizationFailure,
        aliases: &["EnrollmentAuthorizationFailure", "Enrollment authorization failure"],
        title: Text::new("Enrollment authorization failure", "Échec de l’autorisation d’inscription"),
        details: Text::new(
            "The enrollment was made with an old version of the Company Portal app.",
            "L’inscription a été faite avec une ancienne version de l’application Portail d’entreprise.",
        ),
        remediations: &[
            Text::new("Have the user update the Company Portal app from the store.", "Faites mettre à jour l’application Portail d’entreprise depuis le magasin d’applications."),
            Text::new("Then start the enrollment again.", "Puis relancez l’inscription."),
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: DeviceNotSupported,
        aliases: &["DeviceNotSupported", "Device not supported"],
        title: Text::new("Device not supported", "Appareil non pris en charge"),
        details: Text::new(
            "The device does not meet Intune's minimum requirements for enrollment.",
            "L’appareil ne répond pas à la configuration minimale requise pour l’inscription à Intune.",
        ),
        remediations: &[
            Text::new("Compare the device's model and OS version with Intune's supported operating systems.", "Comparez le modèle et la version du système de l’appareil avec les systèmes pris en charge par Intune."),
            Text::new("Offer a supported device, or app protection without enrollment.", "Proposez un appareil pris en charge, ou la protection des applications sans inscription."),
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: EnrollmentRestrictionsNotMet,
        aliases: &["EnrollmentRestrictionsNotMet", "Enrollment restrictions not met"],
        title: Text::new("Enrollment restrictions not met", "Restrictions d’inscription non respectées"),
        details: Text::new(
            "An enrollment restriction set by an administrator blocked this enrollment.",
            "Une restriction d’inscription configurée par un administrateur a bloqué cette inscription.",
        ),
        remediations: &[
            Text::new("Open Enrollment restrictions for this user and find the one with the highest priority that applies.", "Ouvrez les restrictions d’inscription de cet utilisateur et repérez celle de plus haute priorité qui s’applique."),
            Text::new("Change the device, or ask an administrator to adjust the restriction or the user's groups.", "Changez d’appareil, ou demandez à un administrateur d’ajuster la restriction ou les groupes de l’utilisateur."),
        ],
        resources: &[ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: DeviceVersionTooLow,
        aliases: &["DeviceVersionTooLow", "Device version too low", "OsVersionTooLow"],
        title: Text::new("Device version too low", "Version d’appareil trop basse"),
        details: Text::new(
            "An enrollment restriction requires a newer operating system version than the device has.",
            "Une restriction d’inscription exige une version du système plus récente que celle de l’appareil.",
        ),
        remediations: &[
            Text::new("Have the user update the device's operating system, then enroll again.", "Faites mettre à jour le système de l’appareil, puis relancez l’inscription."),
            Text::new("The minimum version is in the platform restriction under Enrollment restrictions.", "La version minimale figure dans la restriction de plateforme, sous Restrictions d’inscription."),
        ],
        resources: &[ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: DeviceVersionTooHigh,
        aliases: &["DeviceVersionTooHigh", "Device version too high", "OsVersionTooHigh"],
        title: Text::new("Device version too high", "Version d’appareil trop élevée"),
        details: Text::new(
            "An enrollment restriction allows only operating system versions older than the device's.",
            "Une restriction d’inscription n’autorise que des versions du système plus anciennes que celle de l’appareil.",
        ),
        remediations: &[
            Text::new("Ask an administrator whether the maximum version in the platform restriction is still wanted.", "Demandez à un administrateur si la version maximale de la restriction de plateforme est toujours voulue."),
            Text::new("Raise the maximum, or enroll a device within the allowed range.", "Relevez ce maximum, ou inscrivez un appareil dans la plage autorisée."),
        ],
        resources: &[ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: DeviceCannotBeEnrolledAsPersonal,
        aliases: &["DeviceCannotBeEnrolledAsPersonal", "Device can't be enrolled as personal", "PersonalDeviceEnrollmentBlocked"],
        title: Text::new("Device can't be enrolled as personal", "L’appareil ne peut pas être inscrit comme appareil personnel"),
        details: Text::new(
            "Personal devices are blocked by an enrollment restriction, and this device was not pre-declared as corporate.",
            "Les appareils personnels sont bloqués par une restriction d’inscription, et cet appareil n’a pas été déclaré à l’avance comme appareil d’entreprise.",
        ),
        remediations: &[
            Text::new("If the device belongs to the company, add its serial number or IMEI as a corporate identifier, then enroll again.", "Si l’appareil appartient à l’entreprise, ajoutez son numéro de série ou son IMEI comme identifiant d’entreprise, puis réinscrivez-le."),
            Text::new("Otherwise the user cannot enroll it; offer app protection without enrollment.", "Sinon l’utilisateur ne peut pas l’inscrire ; proposez la protection des applications sans inscription."),
        ],
        resources: &[CORPORATE_IDENTIFIERS, ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: DevicePlatformBlocked,
        aliases: &["DevicePlatformBlocked", "Device platform blocked", "PlatformBlocked"],
        title: Text::new("Device platform blocked", "Plateforme d’appareil bloquée"),
        details: Text::new(
            "An enrollment restriction blocks this device's platform for this user.",
            "Une restriction d’inscription bloque la plateforme de cet appareil pour cet utilisateur.",
        ),
        remediations: &[
            Text::new("Check the platform restrictions under Enrollment restrictions.", "Vérifiez les restrictions de plateforme sous Restrictions d’inscription."),
            Text::new("Use a device of an allowed platform, or ask an administrator to allow this one for the user's groups.", "Utilisez un appareil d’une plateforme autorisée, ou demandez à un administrateur d’autoriser celle-ci pour les groupes de l’utilisateur."),
        ],
        resources: &[ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: BulkTokenExpired,
        aliases: &["BulkTokenExpired", "Bulk token expired"],
        title: Text::new("Bulk token expired", "Expiration du jeton en bloc"),
        details: Text::new(
            "The bulk enrollment token in the provisioning package has expired.",
            "Le jeton d’inscription en bloc contenu dans le package de provisionnement a expiré.",
        ),
        remediations: &[
            Text::new("Create a new provisioning package with Windows Configuration Designer to get a fresh token.", "Créez un nouveau package de provisionnement avec Windows Configuration Designer pour obtenir un nouveau jeton."),
            Text::new("Apply the new package to the device.", "Appliquez ce nouveau package à l’appareil."),
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: AutopilotDeviceNotFound,
        aliases: &["AutopilotDeviceOrDetailsNotFound", "Autopilot device or details not found", "AutopilotDeviceNotFound"],
        title: Text::new("Autopilot device or details not found", "Appareil Autopilot ou détails introuvables"),
        details: Text::new(
            "The device was not found among the tenant's Autopilot devices when it tried to enroll.",
            "L’appareil n’a pas été trouvé parmi les appareils Autopilot du locataire lors de la tentative d’inscription.",
        ),
        remediations: &[
            Text::new("Check that the device's hardware hash was imported into Windows Autopilot.", "Vérifiez que le hachage matériel de l’appareil a été importé dans Windows Autopilot."),
            Text::new("If it was just imported, wait for the sync to finish, then restart the enrollment.", "S’il vient d’être importé, attendez la fin de la synchronisation puis relancez l’inscription."),
        ],
        resources: &[AUTOPILOT],
    },
    Entry {
        error: AutopilotProfileNotFound,
        aliases: &["AutopilotProfileNotFoundOrNotAssigned", "Autopilot profile not found or not assigned", "AutopilotProfileNotFound"],
        title: Text::new("Autopilot profile not found or not assigned", "Profil Autopilot introuvable ou non affecté"),
        details: Text::new(
            "The device has no active Autopilot deployment profile.",
            "L’appareil n’a aucun profil de déploiement Autopilot actif.",
        ),
        remediations: &[
            Text::new("Assign an Autopilot deployment profile to a group the device is in.", "Affectez un profil de déploiement Autopilot à un groupe dont l’appareil est membre."),
            Text::new("Wait until the device shows the profile as assigned, then reset and enroll again.", "Attendez que l’appareil affiche le profil comme affecté, puis réinitialisez-le et réinscrivez-le."),
        ],
        resources: &[AUTOPILOT],
    },
    Entry {
        error: UnexpectedAutopilotEnrollmentMethod,
        aliases: &["UnexpectedAutopilotEnrollmentMethod", "Unexpected Autopilot enrollment method"],
        title: Text::new("Unexpected Autopilot enrollment method", "Méthode d’inscription Autopilot inattendue"),
        details: Text::new(
            "The device tried to enroll with a method its Autopilot profile does not allow.",
            "L’appareil a tenté de s’inscrire avec une méthode que son profil Autopilot n’autorise pas.",
        ),
        remediations: &[
            Text::new("Reset the device and let it enroll through the Autopilot out-of-box experience.", "Réinitialisez l’appareil et laissez-le s’inscrire par l’expérience d’installation Autopilot."),
            Text::new("Check that the profile's deployment mode matches how the device is being set up.", "Vérifiez que le mode de déploiement du profil correspond à la façon dont l’appareil est configuré."),
        ],
        resources: &[AUTOPILOT],
    },
    Entry {
        error: AutopilotDeviceRemoved,
        aliases: &["AutopilotDeviceRemoved", "Autopilot device removed"],
        title: Text::new("Autopilot device removed", "Appareil Autopilot supprimé"),
        details: Text::new(
            "The device trying to enroll was removed from Autopilot for this tenant.",
            "L’appareil qui tente de s’inscrire a été supprimé d’Autopilot pour ce locataire.",
        ),
        remediations: &[
            Text::new("Import the device's hardware hash into Windows Autopilot again.", "Importez de nouveau le hachage matériel de l’appareil dans Windows Autopilot."),
            Text::new("Assign a profile, then reset the device and enroll.", "Affectez un profil, puis réinitialisez l’appareil et inscrivez-le."),
        ],
        resources: &[AUTOPILOT],
    },
    Entry {
        error: DeviceCapReached,
        aliases: &["DeviceCapReached", "Device cap reached", "DeviceLimitReached"],
        title: Text::new("Device cap reached", "Plafond d’appareils atteint"),
        details: Text::new(
            "The user already has as many devices enrolled as the device limit restriction allows.",
            "L’utilisateur a déjà inscrit autant d’appareils que la restriction de nombre limite le permet.",
        ),
        remediations: &[
            Text::new("Look at the user's devices and retire those no longer used.", "Consultez les appareils de l’utilisateur et mettez hors service ceux qui ne servent plus."),
            Text::new("Or ask an administrator to raise the device limit for the user's groups.", "Ou demandez à un administrateur de relever la limite d’appareils pour les groupes de l’utilisateur."),
        ],
        resources: &[ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: AppleOnboarding,
        aliases: &["AppleOnboardingPushCertificateMissingOrExpired", "Apple onboarding", "ApplePushCertificateExpired", "ApplePushCertificateMissing"],
        title: Text::new("Apple onboarding (push certificate missing or expired)", "Intégration d’Apple (certificat Push absent ou expiré)"),
        details: Text::new(
            "Every iOS and macOS enrollment is blocked because the Apple MDM push certificate is missing from Intune or has expired.",
            "Toutes les inscriptions iOS et macOS sont bloquées car le certificat Push MDM Apple est absent d’Intune ou a expiré.",
        ),
        remediations: &[
            Text::new("Ask an Intune administrator to renew the Apple MDM push certificate with the same Apple ID.", "Demandez à un administrateur Intune de renouveler le certificat Push MDM Apple avec le même identifiant Apple."),
            Text::new("Once renewed, Apple devices can enroll again; nothing is needed on the device.", "Une fois renouvelé, les appareils Apple peuvent de nouveau s’inscrire ; rien à faire sur l’appareil."),
        ],
        resources: &[APPLE_PUSH],
    },
    Entry {
        error: DeviceNotPreregistered,
        aliases: &["DeviceNotPreregistered", "Device not preregistered"],
        title: Text::new("Device not preregistered", "Appareil non préinscrit"),
        details: Text::new(
            "The device was not preregistered as corporate, and an administrator blocks all personal enrollments.",
            "L’appareil n’a pas été préinscrit comme appareil d’entreprise, et un administrateur bloque toutes les inscriptions personnelles.",
        ),
        remediations: &[
            Text::new("Add the device's serial number or IMEI as a corporate identifier, or enroll it through a corporate program (Apple Business Manager, Autopilot).", "Ajoutez le numéro de série ou l’IMEI de l’appareil comme identifiant d’entreprise, ou inscrivez-le par un programme d’entreprise (Apple Business Manager, Autopilot)."),
            Text::new("Then enroll again.", "Puis relancez l’inscription."),
        ],
        resources: &[CORPORATE_IDENTIFIERS],
    },
    Entry {
        error: FeatureNotSupported,
        aliases: &["FeatureNotSupported", "Feature not supported"],
        title: Text::new("Feature not supported", "Fonctionnalité non prise en charge"),
        details: Text::new(
            "The user probably tried to enroll with a method your Intune configuration does not support.",
            "L’utilisateur a probablement tenté de s’inscrire par une méthode non compatible avec votre configuration d’Intune.",
        ),
        remediations: &[
            Text::new("Ask the user which app or steps they used to enroll.", "Demandez à l’utilisateur quelle application ou quelles étapes il a suivies."),
            Text::new("Point them to the enrollment method your organisation supports for their platform.", "Orientez-le vers la méthode d’inscription prise en charge par votre organisation pour sa plateforme."),
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
];

/// A text compared without case, spaces or punctuation.
fn normalised(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Every alias of the catalogue, normalised, with its error, in order: a failure's reason is
/// looked up among them rather than compared with each (50,000 failures in a large tenant, at
/// each new section of a user's findings). An alias two entries share names the first.
fn aliases() -> &'static [(String, EnrollmentError)] {
    static ALIASES: std::sync::OnceLock<Vec<(String, EnrollmentError)>> = std::sync::OnceLock::new();
    ALIASES.get_or_init(|| {
        let mut aliases: Vec<(String, EnrollmentError)> = CATALOGUE
            .iter()
            .flat_map(|entry| entry.aliases.iter().map(|alias| (normalised(alias), entry.error)))
            .collect();
        // Stable: among equal aliases the catalogue's order stays, and the first is kept.
        aliases.sort_by(|a, b| a.0.cmp(&b.0));
        aliases.dedup_by(|later, first| later.0 == first.0);
        aliases
    })
}

/// How an event was recognised: by its failure reason (sure), or only by its category (a guess).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recognised {
    ByReason(EnrollmentError),
    ByCategory(EnrollmentError),
}

impl Recognised {
    pub fn error(self) -> EnrollmentError {
        match self {
            Recognised::ByReason(error) | Recognised::ByCategory(error) => error,
        }
    }
}

pub fn entry(error: EnrollmentError) -> &'static Entry {
    CATALOGUE.iter().find(|entry| entry.error == error).expect("every error has an entry")
}

/// Recognises the named error behind an event: first by `failureReason` or the beta
/// `failure`, then, as a best guess, by `failureCategory` and operating system.
pub fn recognise(event: &TroubleshootingEvent) -> Option<Recognised> {
    let texts = [
        event.failure_reason.as_deref(),
        event.troubleshooting_error_details.as_ref().and_then(|d| d.failure.as_deref()),
    ];
    for text in texts.into_iter().flatten() {
        let wanted = normalised(text);
        if let Ok(found) = aliases().binary_search_by(|(alias, _)| alias.as_str().cmp(&wanted)) {
            return Some(Recognised::ByReason(aliases()[found].1));
        }
    }
    let ios = event
        .operating_system
        .as_deref()
        .is_some_and(|os| os.eq_ignore_ascii_case("ios") || os.eq_ignore_ascii_case("ipados"));
    let guess = match event.failure_category.as_ref()? {
        FailureCategory::ClientDisconnected | FailureCategory::UserAbandonment if ios => IosTimeoutOrFailure,
        FailureCategory::UserValidation => UserNotRecognizedOrLicensed,
        FailureCategory::Authorization => EnrollmentAuthorizationFailure,
        FailureCategory::DeviceNotSupported => DeviceNotSupported,
        FailureCategory::EnrollmentRestrictionsEnforced => EnrollmentRestrictionsNotMet,
        FailureCategory::FeatureNotSupported => FeatureNotSupported,
        _ => return None,
    };
    Some(Recognised::ByCategory(guess))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(reason: Option<&str>, category: Option<&str>, os: &str) -> TroubleshootingEvent {
        serde_json::from_value(serde_json::json!({
            "id": "e", "failureReason": reason, "failureCategory": category, "operatingSystem": os
        }))
        .unwrap()
    }

    /// The failureReason values the stand-in's demo tenant sends (tests/graph-mock/README.md).
    const DEMO_REASONS: [&str; 20] = [
        "IosTimeoutOrFailure",
        "UserNotRecognizedOrLicensed",
        "DeviceAlreadyEnrolled",
        "NotOnboardedOntoIntune",
        "EnrollmentAuthorizationFailure",
        "DeviceNotSupported",
        "EnrollmentRestrictionsNotMet",
        "DeviceVersionTooLow",
        "DeviceVersionTooHigh",
        "DeviceCannotBeEnrolledAsPersonal",
        "DevicePlatformBlocked",
        "BulkTokenExpired",
        "AutopilotDeviceOrDetailsNotFound",
        "AutopilotProfileNotFoundOrNotAssigned",
        "UnexpectedAutopilotEnrollmentMethod",
        "AutopilotDeviceRemoved",
        "DeviceCapReached",
        "AppleOnboardingPushCertificateMissingOrExpired",
        "DeviceNotPreregistered",
        "FeatureNotSupported",
    ];

    #[test]
    fn each_of_the_twenty_named_errors_is_recognised_by_its_reason() {
        let found: std::collections::HashSet<EnrollmentError> = DEMO_REASONS
            .iter()
            .map(|reason| match recognise(&event(Some(reason), None, "Windows")) {
                Some(Recognised::ByReason(error)) => error,
                other => panic!("{reason}: {other:?}"),
            })
            .collect();
        assert_eq!(found.len(), 20);
    }

    #[test]
    fn phrases_match_whatever_their_case_and_punctuation() {
        assert_eq!(
            recognise(&event(Some("Device can't be enrolled as personal"), None, "Android")),
            Some(Recognised::ByReason(DeviceCannotBeEnrolledAsPersonal))
        );
        assert_eq!(
            recognise(&event(Some("  device-cap reached "), None, "iOS")),
            Some(Recognised::ByReason(DeviceCapReached))
        );
    }

    #[test]
    fn an_unknown_reason_falls_back_to_the_category_or_nothing() {
        assert_eq!(
            recognise(&event(Some("E_0x80180014"), Some("clientDisconnected"), "iOS")),
            Some(Recognised::ByCategory(IosTimeoutOrFailure))
        );
        assert_eq!(recognise(&event(Some("E_0x80180014"), Some("clientDisconnected"), "Windows")), None);
        assert_eq!(recognise(&event(None, Some("unknownFutureValue"), "iOS")), None);
        assert_eq!(recognise(&event(Some(""), None, "iOS")), None);
    }

    #[test]
    fn every_entry_is_complete_in_both_languages_with_https_resources() {
        for entry in &CATALOGUE {
            let texts = [entry.title, entry.details]
                .into_iter()
                .chain(entry.remediations.iter().copied())
                .chain(entry.resources.iter().map(|r| r.text));
            assert!(!entry.remediations.is_empty());
            for text in texts {
                assert!(
                    !text.en.is_empty() && !text.fr.is_empty() && !text.en.contains('{') && !text.fr.contains('{'),
                    "{text:?}"
                );
            }
            assert!(entry.resources.iter().all(|r| r.link.starts_with("https://")));
        }
    }
}
