//! The remediation catalogue: the twenty enrollment errors the product description names,
//! what each means and what to do, in English and French; and the matcher that recognises
//! them in a troubleshooting event.

use crate::graph::models::{FailureCategory, TroubleshootingEvent};
use crate::i18n::Lang;

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
    pub text_en: &'static str,
    pub text_fr: &'static str,
    pub link: &'static str,
}

impl Resource {
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.text_en,
            Lang::Fr => self.text_fr,
        }
    }
}

pub struct Entry {
    pub error: EnrollmentError,
    /// `failureReason` codes and phrases that name this error, compared without case,
    /// spaces or punctuation.
    pub aliases: &'static [&'static str],
    pub title: [&'static str; 2],
    pub details: [&'static str; 2],
    pub remediations: [&'static [&'static str]; 2],
    pub resources: &'static [Resource],
}

impl Entry {
    fn pick<T: Copy>(pair: [T; 2], lang: Lang) -> T {
        match lang {
            Lang::En => pair[0],
            Lang::Fr => pair[1],
        }
    }

    pub fn title(&self, lang: Lang) -> &'static str {
        Self::pick(self.title, lang)
    }

    pub fn details(&self, lang: Lang) -> &'static str {
        Self::pick(self.details, lang)
    }

    pub fn remediations(&self, lang: Lang) -> &'static [&'static str] {
        Self::pick(self.remediations, lang)
    }
}

const ENROLLMENT_TROUBLESHOOTING: Resource = Resource {
    text_en: "Troubleshoot device enrollment in Intune",
    text_fr: "Résoudre les problèmes d’inscription d’appareils dans Intune",
    link: "https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-device-enrollment-in-intune",
};
const ENROLLMENT_RESTRICTIONS: Resource = Resource {
    text_en: "Enrollment restrictions",
    text_fr: "Restrictions d’inscription",
    link: "https://learn.microsoft.com/mem/intune/enrollment/enrollment-restrictions-set",
};
const AUTOPILOT: Resource = Resource {
    text_en: "Windows Autopilot troubleshooting",
    text_fr: "Résolution des problèmes de Windows Autopilot",
    link: "https://learn.microsoft.com/autopilot/troubleshooting",
};
const APPLE_PUSH: Resource = Resource {
    text_en: "Get an Apple MDM push certificate",
    text_fr: "Obtenir un certificat Push MDM Apple",
    link: "https://learn.microsoft.com/mem/intune/enrollment/apple-mdm-push-certificate-get",
};
const LICENCES: Resource = Resource {
    text_en: "Assign Intune licences",
    text_fr: "Attribuer des licences Intune",
    link: "https://learn.microsoft.com/mem/intune/fundamentals/licenses-assign",
};
const CORPORATE_IDENTIFIERS: Resource = Resource {
    text_en: "Identify devices as corporate-owned",
    text_fr: "Identifier des appareils comme appartenant à l’entreprise",
    link: "https://learn.microsoft.com/mem/intune/enrollment/corporate-identifiers-add",
};

use EnrollmentError::*;

pub static CATALOGUE: [Entry; 20] = [
    Entry {
        error: IosTimeoutOrFailure,
        aliases: &["IosTimeoutOrFailure", "iOS timeout or failure", "IosTimeout"],
        title: ["iOS timeout or failure", "Délai d’expiration ou échec d’iOS"],
        details: [
            "The device and Intune stopped talking before enrollment finished, usually because the user took too long on one of the steps.",
            "L’appareil et Intune ont cessé d’échanger avant la fin de l’inscription, le plus souvent parce que l’utilisateur a mis trop de temps à franchir une étape.",
        ],
        remediations: [
            &["Ask the user to start the enrollment again and complete every step without pausing.", "Check the device has a stable network connection during enrollment."],
            &["Demandez à l’utilisateur de recommencer l’inscription et d’enchaîner les étapes sans pause.", "Vérifiez que l’appareil garde une connexion réseau stable pendant l’inscription."],
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: UserNotRecognizedOrLicensed,
        aliases: &["UserNotRecognizedOrLicensed", "User not recognized or licensed", "UserNotLicensed", "UserNotRecognized"],
        title: ["User not recognized or licensed", "Utilisateur introuvable ou sans licence"],
        details: [
            "The user has no Intune licence, or it was removed from them.",
            "L’utilisateur n’a pas de licence Intune, ou elle lui a été retirée.",
        ],
        remediations: [
            &["Check the user's licence in the status above; assign a licence that includes Intune (INTUNE_A).", "After assigning it, wait a few minutes and ask the user to enroll again."],
            &["Vérifiez la licence de l’utilisateur dans l’état ci-dessus ; attribuez une licence comprenant Intune (INTUNE_A).", "Après l’attribution, patientez quelques minutes puis demandez à l’utilisateur de se réinscrire."],
        ],
        resources: &[LICENCES],
    },
    Entry {
        error: DeviceAlreadyEnrolled,
        aliases: &["DeviceAlreadyEnrolled", "Device already enrolled"],
        title: ["Device already enrolled", "Appareil déjà inscrit"],
        details: [
            "Someone tried to enroll, with the Company Portal, a device that is still enrolled by another user.",
            "Quelqu’un a tenté d’inscrire avec le Portail d’entreprise un appareil encore inscrit par un autre utilisateur.",
        ],
        remediations: [
            &["Find the device under the other user and retire or delete it in Intune.", "Have the user remove the work account from the device, then enroll again."],
            &["Retrouvez l’appareil chez l’autre utilisateur puis mettez-le hors service ou supprimez-le dans Intune.", "Faites retirer le compte professionnel de l’appareil, puis réinscrire l’appareil."],
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: NotOnboardedOntoIntune,
        aliases: &["NotOnboardedOntoIntune", "Not onboarded onto Intune", "MdmAuthorityNotSet"],
        title: ["Not onboarded onto Intune", "Non intégré à Intune"],
        details: [
            "Enrollment was attempted while the tenant's mobile device management authority was not set to Intune.",
            "Une inscription a été tentée alors que l’autorité de gestion des appareils mobiles du locataire n’était pas Intune.",
        ],
        remediations: [
            &["Ask an Intune administrator to set the MDM authority to Intune.", "Once it is set, the user can enroll again."],
            &["Demandez à un administrateur Intune de définir Intune comme autorité MDM.", "Une fois l’autorité définie, l’utilisateur peut se réinscrire."],
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: EnrollmentAuthorizationFailure,
        aliases: &["EnrollmentAuthorizationFailure", "Enrollment authorization failure"],
        title: ["Enrollment authorization failure", "Échec de l’autorisation d’inscription"],
        details: [
            "The enrollment was made with an old version of the Company Portal app.",
            "L’inscription a été faite avec une ancienne version de l’application Portail d’entreprise.",
        ],
        remediations: [
            &["Have the user update the Company Portal app from the store.", "Then start the enrollment again."],
            &["Faites mettre à jour l’application Portail d’entreprise depuis le magasin d’applications.", "Puis relancez l’inscription."],
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: DeviceNotSupported,
        aliases: &["DeviceNotSupported", "Device not supported"],
        title: ["Device not supported", "Appareil non pris en charge"],
        details: [
            "The device does not meet Intune's minimum requirements for enrollment.",
            "L’appareil ne répond pas à la configuration minimale requise pour l’inscription à Intune.",
        ],
        remediations: [
            &["Compare the device's model and OS version with Intune's supported operating systems.", "Offer a supported device, or app protection without enrollment."],
            &["Comparez le modèle et la version du système de l’appareil avec les systèmes pris en charge par Intune.", "Proposez un appareil pris en charge, ou la protection des applications sans inscription."],
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: EnrollmentRestrictionsNotMet,
        aliases: &["EnrollmentRestrictionsNotMet", "Enrollment restrictions not met"],
        title: ["Enrollment restrictions not met", "Restrictions d’inscription non respectées"],
        details: [
            "An enrollment restriction set by an administrator blocked this enrollment.",
            "Une restriction d’inscription configurée par un administrateur a bloqué cette inscription.",
        ],
        remediations: [
            &["Open Enrollment restrictions for this user and find the one with the highest priority that applies.", "Change the device, or ask an administrator to adjust the restriction or the user's groups."],
            &["Ouvrez les restrictions d’inscription de cet utilisateur et repérez celle de plus haute priorité qui s’applique.", "Changez d’appareil, ou demandez à un administrateur d’ajuster la restriction ou les groupes de l’utilisateur."],
        ],
        resources: &[ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: DeviceVersionTooLow,
        aliases: &["DeviceVersionTooLow", "Device version too low", "OsVersionTooLow"],
        title: ["Device version too low", "Version d’appareil trop basse"],
        details: [
            "An enrollment restriction requires a newer operating system version than the device has.",
            "Une restriction d’inscription exige une version du système plus récente que celle de l’appareil.",
        ],
        remediations: [
            &["Have the user update the device's operating system, then enroll again.", "The minimum version is in the platform restriction under Enrollment restrictions."],
            &["Faites mettre à jour le système de l’appareil, puis relancez l’inscription.", "La version minimale figure dans la restriction de plateforme, sous Restrictions d’inscription."],
        ],
        resources: &[ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: DeviceVersionTooHigh,
        aliases: &["DeviceVersionTooHigh", "Device version too high", "OsVersionTooHigh"],
        title: ["Device version too high", "Version d’appareil trop élevée"],
        details: [
            "An enrollment restriction allows only operating system versions older than the device's.",
            "Une restriction d’inscription n’autorise que des versions du système plus anciennes que celle de l’appareil.",
        ],
        remediations: [
            &["Ask an administrator whether the maximum version in the platform restriction is still wanted.", "Raise the maximum, or enroll a device within the allowed range."],
            &["Demandez à un administrateur si la version maximale de la restriction de plateforme est toujours voulue.", "Relevez ce maximum, ou inscrivez un appareil dans la plage autorisée."],
        ],
        resources: &[ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: DeviceCannotBeEnrolledAsPersonal,
        aliases: &["DeviceCannotBeEnrolledAsPersonal", "Device can't be enrolled as personal", "PersonalDeviceEnrollmentBlocked"],
        title: ["Device can't be enrolled as personal", "L’appareil ne peut pas être inscrit comme appareil personnel"],
        details: [
            "Personal devices are blocked by an enrollment restriction, and this device was not pre-declared as corporate.",
            "Les appareils personnels sont bloqués par une restriction d’inscription, et cet appareil n’a pas été déclaré à l’avance comme appareil d’entreprise.",
        ],
        remediations: [
            &["If the device belongs to the company, add its serial number or IMEI as a corporate identifier, then enroll again.", "Otherwise the user cannot enroll it; offer app protection without enrollment."],
            &["Si l’appareil appartient à l’entreprise, ajoutez son numéro de série ou son IMEI comme identifiant d’entreprise, puis réinscrivez-le.", "Sinon l’utilisateur ne peut pas l’inscrire ; proposez la protection des applications sans inscription."],
        ],
        resources: &[CORPORATE_IDENTIFIERS, ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: DevicePlatformBlocked,
        aliases: &["DevicePlatformBlocked", "Device platform blocked", "PlatformBlocked"],
        title: ["Device platform blocked", "Plateforme d’appareil bloquée"],
        details: [
            "An enrollment restriction blocks this device's platform for this user.",
            "Une restriction d’inscription bloque la plateforme de cet appareil pour cet utilisateur.",
        ],
        remediations: [
            &["Check the platform restrictions under Enrollment restrictions.", "Use a device of an allowed platform, or ask an administrator to allow this one for the user's groups."],
            &["Vérifiez les restrictions de plateforme sous Restrictions d’inscription.", "Utilisez un appareil d’une plateforme autorisée, ou demandez à un administrateur d’autoriser celle-ci pour les groupes de l’utilisateur."],
        ],
        resources: &[ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: BulkTokenExpired,
        aliases: &["BulkTokenExpired", "Bulk token expired"],
        title: ["Bulk token expired", "Expiration du jeton en bloc"],
        details: [
            "The bulk enrollment token in the provisioning package has expired.",
            "Le jeton d’inscription en bloc contenu dans le package de provisionnement a expiré.",
        ],
        remediations: [
            &["Create a new provisioning package with Windows Configuration Designer to get a fresh token.", "Apply the new package to the device."],
            &["Créez un nouveau package de provisionnement avec Windows Configuration Designer pour obtenir un nouveau jeton.", "Appliquez ce nouveau package à l’appareil."],
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
    Entry {
        error: AutopilotDeviceNotFound,
        aliases: &["AutopilotDeviceOrDetailsNotFound", "Autopilot device or details not found", "AutopilotDeviceNotFound"],
        title: ["Autopilot device or details not found", "Appareil Autopilot ou détails introuvables"],
        details: [
            "The device was not found among the tenant's Autopilot devices when it tried to enroll.",
            "L’appareil n’a pas été trouvé parmi les appareils Autopilot du locataire lors de la tentative d’inscription.",
        ],
        remediations: [
            &["Check that the device's hardware hash was imported into Windows Autopilot.", "If it was just imported, wait for the sync to finish, then restart the enrollment."],
            &["Vérifiez que le hachage matériel de l’appareil a été importé dans Windows Autopilot.", "S’il vient d’être importé, attendez la fin de la synchronisation puis relancez l’inscription."],
        ],
        resources: &[AUTOPILOT],
    },
    Entry {
        error: AutopilotProfileNotFound,
        aliases: &["AutopilotProfileNotFoundOrNotAssigned", "Autopilot profile not found or not assigned", "AutopilotProfileNotFound"],
        title: ["Autopilot profile not found or not assigned", "Profil Autopilot introuvable ou non affecté"],
        details: [
            "The device has no active Autopilot deployment profile.",
            "L’appareil n’a aucun profil de déploiement Autopilot actif.",
        ],
        remediations: [
            &["Assign an Autopilot deployment profile to a group the device is in.", "Wait until the device shows the profile as assigned, then reset and enroll again."],
            &["Affectez un profil de déploiement Autopilot à un groupe dont l’appareil est membre.", "Attendez que l’appareil affiche le profil comme affecté, puis réinitialisez-le et réinscrivez-le."],
        ],
        resources: &[AUTOPILOT],
    },
    Entry {
        error: UnexpectedAutopilotEnrollmentMethod,
        aliases: &["UnexpectedAutopilotEnrollmentMethod", "Unexpected Autopilot enrollment method"],
        title: ["Unexpected Autopilot enrollment method", "Méthode d’inscription Autopilot inattendue"],
        details: [
            "The device tried to enroll with a method its Autopilot profile does not allow.",
            "L’appareil a tenté de s’inscrire avec une méthode que son profil Autopilot n’autorise pas.",
        ],
        remediations: [
            &["Reset the device and let it enroll through the Autopilot out-of-box experience.", "Check that the profile's deployment mode matches how the device is being set up."],
            &["Réinitialisez l’appareil et laissez-le s’inscrire par l’expérience d’installation Autopilot.", "Vérifiez que le mode de déploiement du profil correspond à la façon dont l’appareil est configuré."],
        ],
        resources: &[AUTOPILOT],
    },
    Entry {
        error: AutopilotDeviceRemoved,
        aliases: &["AutopilotDeviceRemoved", "Autopilot device removed"],
        title: ["Autopilot device removed", "Appareil Autopilot supprimé"],
        details: [
            "The device trying to enroll was removed from Autopilot for this tenant.",
            "L’appareil qui tente de s’inscrire a été supprimé d’Autopilot pour ce locataire.",
        ],
        remediations: [
            &["Import the device's hardware hash into Windows Autopilot again.", "Assign a profile, then reset the device and enroll."],
            &["Importez de nouveau le hachage matériel de l’appareil dans Windows Autopilot.", "Affectez un profil, puis réinitialisez l’appareil et inscrivez-le."],
        ],
        resources: &[AUTOPILOT],
    },
    Entry {
        error: DeviceCapReached,
        aliases: &["DeviceCapReached", "Device cap reached", "DeviceLimitReached"],
        title: ["Device cap reached", "Plafond d’appareils atteint"],
        details: [
            "The user already has as many devices enrolled as the device limit restriction allows.",
            "L’utilisateur a déjà inscrit autant d’appareils que la restriction de nombre limite le permet.",
        ],
        remediations: [
            &["Look at the user's devices and retire those no longer used.", "Or ask an administrator to raise the device limit for the user's groups."],
            &["Consultez les appareils de l’utilisateur et mettez hors service ceux qui ne servent plus.", "Ou demandez à un administrateur de relever la limite d’appareils pour les groupes de l’utilisateur."],
        ],
        resources: &[ENROLLMENT_RESTRICTIONS],
    },
    Entry {
        error: AppleOnboarding,
        aliases: &["AppleOnboardingPushCertificateMissingOrExpired", "Apple onboarding", "ApplePushCertificateExpired", "ApplePushCertificateMissing"],
        title: ["Apple onboarding (push certificate missing or expired)", "Intégration d’Apple (certificat Push absent ou expiré)"],
        details: [
            "Every iOS and macOS enrollment is blocked because the Apple MDM push certificate is missing from Intune or has expired.",
            "Toutes les inscriptions iOS et macOS sont bloquées car le certificat Push MDM Apple est absent d’Intune ou a expiré.",
        ],
        remediations: [
            &["Ask an Intune administrator to renew the Apple MDM push certificate with the same Apple ID.", "Once renewed, Apple devices can enroll again; nothing is needed on the device."],
            &["Demandez à un administrateur Intune de renouveler le certificat Push MDM Apple avec le même identifiant Apple.", "Une fois renouvelé, les appareils Apple peuvent de nouveau s’inscrire ; rien à faire sur l’appareil."],
        ],
        resources: &[APPLE_PUSH],
    },
    Entry {
        error: DeviceNotPreregistered,
        aliases: &["DeviceNotPreregistered", "Device not preregistered"],
        title: ["Device not preregistered", "Appareil non préinscrit"],
        details: [
            "The device was not preregistered as corporate, and an administrator blocks all personal enrollments.",
            "L’appareil n’a pas été préinscrit comme appareil d’entreprise, et un administrateur bloque toutes les inscriptions personnelles.",
        ],
        remediations: [
            &["Add the device's serial number or IMEI as a corporate identifier, or enroll it through a corporate program (Apple Business Manager, Autopilot).", "Then enroll again."],
            &["Ajoutez le numéro de série ou l’IMEI de l’appareil comme identifiant d’entreprise, ou inscrivez-le par un programme d’entreprise (Apple Business Manager, Autopilot).", "Puis relancez l’inscription."],
        ],
        resources: &[CORPORATE_IDENTIFIERS],
    },
    Entry {
        error: FeatureNotSupported,
        aliases: &["FeatureNotSupported", "Feature not supported"],
        title: ["Feature not supported", "Fonctionnalité non prise en charge"],
        details: [
            "The user probably tried to enroll with a method your Intune configuration does not support.",
            "L’utilisateur a probablement tenté de s’inscrire par une méthode non compatible avec votre configuration d’Intune.",
        ],
        remediations: [
            &["Ask the user which app or steps they used to enroll.", "Point them to the enrollment method your organisation supports for their platform."],
            &["Demandez à l’utilisateur quelle application ou quelles étapes il a suivies.", "Orientez-le vers la méthode d’inscription prise en charge par votre organisation pour sa plateforme."],
        ],
        resources: &[ENROLLMENT_TROUBLESHOOTING],
    },
];

fn normalise(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
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
    let texts = [event.failure_reason.as_deref(), event.troubleshooting_error_details.as_ref().and_then(|d| d.failure.as_deref())];
    for text in texts.into_iter().flatten() {
        let wanted = normalise(text);
        if wanted.is_empty() {
            continue;
        }
        if let Some(entry) = CATALOGUE.iter().find(|entry| entry.aliases.iter().any(|alias| normalise(alias) == wanted)) {
            return Some(Recognised::ByReason(entry.error));
        }
    }
    let ios = event.operating_system.as_deref().is_some_and(|os| os.eq_ignore_ascii_case("ios") || os.eq_ignore_ascii_case("ipados"));
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
        "IosTimeoutOrFailure", "UserNotRecognizedOrLicensed", "DeviceAlreadyEnrolled", "NotOnboardedOntoIntune",
        "EnrollmentAuthorizationFailure", "DeviceNotSupported", "EnrollmentRestrictionsNotMet", "DeviceVersionTooLow",
        "DeviceVersionTooHigh", "DeviceCannotBeEnrolledAsPersonal", "DevicePlatformBlocked", "BulkTokenExpired",
        "AutopilotDeviceOrDetailsNotFound", "AutopilotProfileNotFoundOrNotAssigned", "UnexpectedAutopilotEnrollmentMethod",
        "AutopilotDeviceRemoved", "DeviceCapReached", "AppleOnboardingPushCertificateMissingOrExpired",
        "DeviceNotPreregistered", "FeatureNotSupported",
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
        assert_eq!(recognise(&event(Some("Device can't be enrolled as personal"), None, "Android")), Some(Recognised::ByReason(DeviceCannotBeEnrolledAsPersonal)));
        assert_eq!(recognise(&event(Some("  device-cap reached "), None, "iOS")), Some(Recognised::ByReason(DeviceCapReached)));
    }

    #[test]
    fn an_unknown_reason_falls_back_to_the_category_or_nothing() {
        assert_eq!(recognise(&event(Some("E_0x80180014"), Some("clientDisconnected"), "iOS")), Some(Recognised::ByCategory(IosTimeoutOrFailure)));
        assert_eq!(recognise(&event(Some("E_0x80180014"), Some("clientDisconnected"), "Windows")), None);
        assert_eq!(recognise(&event(None, Some("unknownFutureValue"), "iOS")), None);
        assert_eq!(recognise(&event(Some(""), None, "iOS")), None);
    }

    #[test]
    fn every_entry_is_complete_in_both_languages_with_https_resources() {
        for entry in &CATALOGUE {
            for lang in Lang::ALL {
                assert!(!entry.title(lang).is_empty() && !entry.details(lang).is_empty());
                assert!(!entry.remediations(lang).is_empty());
            }
            assert_eq!(entry.remediations(Lang::En).len(), entry.remediations(Lang::Fr).len());
            assert!(entry.resources.iter().all(|r| r.link.starts_with("https://")));
        }
    }
}
