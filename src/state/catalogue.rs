//! The tenant's assignable policies, profiles and apps, and its assignment filters: loaded once
//! a session, after the first user view is in (so it never delays one), in `$batch` rounds that
//! take the next page of every list together; kept in memory and refreshable.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::loads::answer;
use crate::domain::assignments::{item_platforms, settings_kind, Filters, ItemKind, Platform};
use crate::graph::batch::BatchStep;
use crate::graph::models::{decode_one, decode_page, Assignable, AssignmentFilter, DirectoryObject, Page};
use crate::graph::{queries, ApiVersion, FailureKind, GraphClient, GraphError, Progress};

/// One of the tenant's lists the catalogue reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogueList {
    Compliance,
    Configuration,
    SettingsCatalog,
    Apps,
    IosAppProtection,
    AndroidAppProtection,
    Filters,
}

impl CatalogueList {
    pub const ALL: [CatalogueList; 7] = [
        CatalogueList::Compliance,
        CatalogueList::Configuration,
        CatalogueList::SettingsCatalog,
        CatalogueList::Apps,
        CatalogueList::IosAppProtection,
        CatalogueList::AndroidAppProtection,
        CatalogueList::Filters,
    ];

    fn query(self) -> &'static str {
        match self {
            CatalogueList::Compliance => queries::COMPLIANCE_POLICIES,
            CatalogueList::Configuration => queries::CONFIGURATION_PROFILES,
            CatalogueList::SettingsCatalog => queries::SETTINGS_CATALOG,
            CatalogueList::Apps => queries::ASSIGNED_APPS,
            CatalogueList::IosAppProtection => queries::IOS_APP_PROTECTION,
            CatalogueList::AndroidAppProtection => queries::ANDROID_APP_PROTECTION,
            CatalogueList::Filters => queries::ASSIGNMENT_FILTERS,
        }
    }

    /// What the list's items are (the filters list holds no assignable items).
    fn kind(self, item: &Assignable) -> Option<ItemKind> {
        Some(match self {
            CatalogueList::Compliance => ItemKind::Compliance,
            CatalogueList::Configuration => ItemKind::Configuration,
            CatalogueList::SettingsCatalog => settings_kind(item),
            CatalogueList::Apps => ItemKind::App,
            CatalogueList::IosAppProtection | CatalogueList::AndroidAppProtection => ItemKind::AppProtection,
            CatalogueList::Filters => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueItem {
    pub kind: ItemKind,
    /// The platforms it is made for, worked out once.
    pub made_for: Option<Vec<Platform>>,
    pub item: Assignable,
}

impl CatalogueItem {
    fn new(kind: ItemKind, item: Assignable) -> CatalogueItem {
        CatalogueItem { kind, made_for: item_platforms(&item), item }
    }
}

/// What is known of the catalogue: while loading, counts only; once every list has answered,
/// the items (lists that failed are named, their items missing).
#[derive(Debug, Clone, Default)]
pub struct CatalogueState {
    pub loading: bool,
    /// Items read so far (filters included).
    pub read: usize,
    pub lists_done: usize,
    pub items: Arc<Vec<CatalogueItem>>,
    pub filters: Arc<Filters>,
    pub failed: Vec<(CatalogueList, GraphError)>,
}

impl CatalogueState {
    pub fn is_complete(&self) -> bool {
        !self.loading && self.lists_done == CatalogueList::ALL.len()
    }
}

#[derive(Clone, Copy)]
pub struct Catalogue {
    client: StoredValue<GraphClient>,
    pub state: RwSignal<CatalogueState>,
    /// Names of groups read one by one (groups the user is not in), by id; `None` while asked
    /// for or when it cannot be read.
    pub group_names: RwSignal<HashMap<String, Option<String>>>,
    generation: StoredValue<u64>,
}

impl Catalogue {
    pub fn new(client: GraphClient) -> Catalogue {
        Catalogue {
            client: StoredValue::new(client),
            state: RwSignal::new(CatalogueState::default()),
            group_names: RwSignal::new(HashMap::new()),
            generation: StoredValue::new(0),
        }
    }

    /// Starts the first load of the session; later calls do nothing.
    pub fn ensure_loaded(self) {
        if self.generation.get_value() == 0 {
            self.refresh();
        }
    }

    /// Reads every list again.
    pub fn refresh(self) {
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        self.state.set(CatalogueState { loading: true, ..CatalogueState::default() });
        spawn_local(async move { self.load(generation).await });
    }

    /// Reads the names of the groups in `ids` not asked for yet, in one `$batch`.
    pub fn name_groups(self, ids: Vec<String>) {
        let wanted: Vec<String> =
            self.group_names.with_untracked(|names| ids.into_iter().filter(|id| !names.contains_key(id)).collect());
        if wanted.is_empty() {
            return;
        }
        self.group_names.update(|names| names.extend(wanted.iter().map(|id| (id.clone(), None))));
        let client = self.client.get_value();
        spawn_local(async move {
            let steps =
                wanted.iter().enumerate().map(|(i, id)| BatchStep::get(i.to_string(), queries::group(id))).collect();
            let quiet: Progress = Rc::new(|_| {});
            let mut answers = client.batch(ApiVersion::V1, steps, None, &quiet).await;
            let named: Vec<(String, Option<String>)> = wanted
                .into_iter()
                .enumerate()
                .map(|(i, id)| {
                    let name = answer(&mut answers, &i.to_string())
                        .and_then(|text| decode_one::<DirectoryObject>(text.get()))
                        .ok()
                        .and_then(|group| group.display_name);
                    (id, name)
                })
                .collect();
            // Signed out meanwhile: the catalogue is gone, and so is what it would keep.
            self.group_names.try_update(|names| names.extend(named));
        });
    }

    async fn load(self, generation: u64) {
        let client = self.client.get_value();
        let quiet: Progress = Rc::new(|_| {});
        let mut pending: Vec<(CatalogueList, String)> =
            CatalogueList::ALL.iter().map(|&list| (list, list.query().to_string())).collect();
        let mut items = Vec::new();
        let mut filters = Vec::new();
        let mut failed = Vec::new();
        let mut lists_done = 0;
        while !pending.is_empty() {
            let steps = pending.iter().enumerate().map(|(i, (_, url))| BatchStep::get(i.to_string(), url)).collect();
            let mut answers = client.batch(ApiVersion::Beta, steps, None, &quiet).await;
            // A newer load, or signed out meanwhile (the catalogue is then gone).
            if self.generation.try_get_value() != Some(generation) {
                return;
            }
            let mut next = Vec::new();
            for (i, (list, url)) in pending.into_iter().enumerate() {
                let text = answer(&mut answers, &i.to_string());
                let next_link = match (list, text) {
                    (CatalogueList::Filters, Ok(text)) => {
                        decode_page::<AssignmentFilter>(text.get()).map(|page| take(page, &mut filters, Some))
                    }
                    (_, Ok(text)) => decode_page::<Assignable>(text.get()).map(|page| {
                        take(page, &mut items, |item| list.kind(&item).map(|kind| CatalogueItem::new(kind, item)))
                    }),
                    (_, Err(error)) => Err(error),
                };
                match next_link {
                    Ok(Some(link)) => match client.step_url(&link) {
                        Ok(url) => next.push((list, url)),
                        Err(error) => {
                            lists_done += 1;
                            failed.push((list, error));
                        }
                    },
                    Ok(None) => lists_done += 1,
                    // The isAssigned filter is not in the reference: a tenant that refuses it has every app read.
                    Err(error) if list == CatalogueList::Apps && url == queries::ASSIGNED_APPS && refused(&error) => {
                        next.push((list, queries::EVERY_APP.to_string()))
                    }
                    Err(error) => {
                        lists_done += 1;
                        failed.push((list, error));
                    }
                }
            }
            pending = next;
            let read = items.len() + filters.len();
            self.state.update(|state| {
                state.read = read;
                state.lists_done = lists_done;
            });
        }
        // Every app was read when the filter was refused: keep the assigned ones.
        items.retain(|entry: &CatalogueItem| entry.kind != ItemKind::App || !entry.item.assignments.is_empty());
        self.state.set(CatalogueState {
            loading: false,
            read: items.len() + filters.len(),
            lists_done,
            items: Arc::new(items),
            filters: Arc::new(Filters::new(filters)),
            failed,
        });
    }
}

/// Moves a page's items into `into`, returning its next link.
fn take<T, U>(page: Page<T>, into: &mut Vec<U>, map: impl Fn(T) -> Option<U>) -> Option<String> {
    into.extend(page.items.into_iter().filter_map(map));
    page.next_link
}

fn refused(error: &GraphError) -> bool {
    error.kind == FailureKind::Http(400)
}

pub fn use_catalogue() -> Catalogue {
    expect_context::<Catalogue>()
}
