//! The few browser facilities the shell needs: preferred languages, the saved language
//! choice, and loading `config.json`.

use gloo_net::http::Request;
use wasm_bindgen::JsCast;

use crate::config::{parse_config, Config, ConfigProblem};
use crate::i18n::Lang;

/// Only the operator's language choice is kept across visits; tokens never are.
const LANGUAGE_KEY: &str = "helpdesk.language";

pub fn preferred_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| window.navigator().languages())
        .map(|list| list.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn saved_language() -> Option<Lang> {
    Lang::from_tag(&local_storage()?.get_item(LANGUAGE_KEY).ok().flatten()?)
}

pub fn save_language(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANGUAGE_KEY, lang.tag());
    }
}

/// The language to start in: the operator's saved choice, else the browser's, else `fallback`.
pub fn starting_language(fallback: Lang) -> Lang {
    saved_language().unwrap_or_else(|| Lang::negotiate(preferred_languages().iter().map(String::as_str), fallback))
}

/// Keeps `<html lang>` right for screen readers and hyphenation.
pub fn set_document_language(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Moves keyboard focus to an element, when it exists.
pub fn focus(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// `config.json` next to `index.html` (relative to `<base href>`, so sub-path hosting works).
pub async fn load_config() -> Result<Config, Vec<ConfigProblem>> {
    let unreachable = |reason: String| vec![ConfigProblem::Unreachable(reason)];
    let response = Request::get("config.json")
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|error| unreachable(error.to_string()))?;
    if !response.ok() {
        return Err(unreachable(format!("HTTP {}", response.status())));
    }
    let text = response.text().await.map_err(|error| unreachable(error.to_string()))?;
    parse_config(&text)
}
