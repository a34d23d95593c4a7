//! Where the logs of a device come from: how the user sends them, per platform (the product
//! description's last section), and Intune's remote collection for Windows.

use leptos::prelude::*;
use stylers::style;

use crate::i18n::{use_i18n, Lang, Text, ViewMsg};

/// Only https links from the backend are followed.
fn safe_link(link: &str) -> Option<String> {
    let link = link.trim();
    let rest = link.strip_prefix("https://")?;
    (!rest.is_empty() && !rest.starts_with('/') && link.chars().all(|c| c.is_ascii_graphic())).then(|| link.to_string())
}

/// Where to send the logs from, per platform (the product description's last section).
const COLLECT: [(&str, Text, &str); 6] = [
    ("Windows", Text::new("Collect diagnostics from a Windows device", "Collecter les diagnostics d’un appareil Windows"), "https://learn.microsoft.com/intune/intune-service/remote-actions/collect-diagnostics"),
    ("iOS", Text::new("Send iOS enrollment errors to your IT admin", "Envoyer les erreurs d’inscription iOS à votre administrateur informatique"), "https://learn.microsoft.com/mem/intune/user-help/send-errors-to-your-it-admin-ios"),
    ("Android", Text::new("Use verbose logging to help your IT admin fix device issues", "Aider le support grâce à la journalisation détaillée"), "https://learn.microsoft.com/mem/intune/user-help/use-verbose-logging-to-help-your-it-administrator-fix-device-issues-android"),
    ("Android", Text::new("Send Android logs to your IT admin with a USB cable", "Envoyer des journaux Android au support via un câble USB"), "https://learn.microsoft.com/mem/intune/user-help/send-diagnostic-data-logs-to-your-it-administrator-using-a-usb-cable-android"),
    ("Android", Text::new("Send Android diagnostic logs to your IT admin by e-mail", "Envoyer les journaux de diagnostic Android par e-mail"), "https://learn.microsoft.com/mem/intune/user-help/send-logs-to-your-it-admin-by-email-android"),
    ("Android", Text::new("Send Android enrollment errors to your IT admin", "Envoyer les erreurs d’inscription Android à votre administrateur informatique"), "https://learn.microsoft.com/mem/intune/user-help/send-enrollment-errors-to-your-it-administrator-android"),
];

/// A link that opens in a new tab, or plain text when it is not https.
pub fn resource_link(text: String, link: Option<String>, lang: Lang) -> AnyView {
    match link.as_deref().and_then(safe_link) {
        Some(href) => {
            let hint = ViewMsg::OpensInNewTab.text().template(lang);
            view! { <a href=href target="_blank" rel="noopener noreferrer">{text}<span class="visually-hidden">" "{hint}</span></a> }.into_any()
        }
        None => text.into_any(),
    }
}

/// The guidance for the device's platform; all of it when the platform is not one listed.
/// `nested` puts it under a page's own sections (a smaller heading).
#[component]
pub fn CollectData(os: String, #[prop(optional)] nested: bool) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"CollectData",
        h2, h4 {
            font-size: var(--font-large);
            margin-bottom: var(--space-1);
        }
    };
    move || {
        let lang = i18n.lang.get();
        let known = COLLECT.iter().any(|(p, ..)| os.eq_ignore_ascii_case(p));
        let relevant: Vec<_> =
            COLLECT.iter().filter(|(platform, ..)| !known || os.eq_ignore_ascii_case(platform)).collect();
        let title = i18n.t(ViewMsg::CollectData);
        let heading = if nested {
            view! { class=class, <h4 id="collect-data">{title}</h4> }.into_any()
        } else {
            view! { class=class, <h2 id="collect-data">{title}</h2> }.into_any()
        };
        view! { class=class,
            <section aria-labelledby="collect-data">
                {heading}
                <ul>
                    {relevant.into_iter().map(|(platform, title, link)| {
                        let text = format!("{platform}: {}", title.template(lang));
                        view! { class=class, <li>{resource_link(text, Some(link.to_string()), lang)}</li> }
                    }).collect_view()}
                </ul>
            </section>
        }
    }
}
