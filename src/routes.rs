//! The portal's addresses as types: every link is built here and every address read here,
//! each user key and failure id encoded as one path segment when built and decoded exactly
//! once when read. Addresses are below the portal's mount (`/users/…`).

use crate::graph::queries::segment;

/// The user selection page.
pub const SELECT_USER: &str = "/";

/// An address below one user: `/users/{key}{rest}`, where `rest` is `""` or starts with `/`.
/// The key (an object id or a user principal name such as a guest's `…#EXT#@…`) is one segment.
pub fn user_route(key: &str, rest: &str) -> String {
    format!("/users/{}{rest}", segment(key))
}

/// The drill-down of one failed enrollment of a user.
pub fn failure_route(key: &str, event_id: &str) -> String {
    user_route(key, &format!("/enrollment-failures/{}", segment(event_id)))
}

/// One device of a user, in depth.
pub fn device_route(key: &str, device_id: &str) -> String {
    user_route(key, &format!("/devices/{}", segment(device_id)))
}

/// The install history of one app on one device of a user.
pub fn app_history_route(key: &str, device_id: &str, app_id: &str) -> String {
    format!("{}/apps/{}", device_route(key, device_id), segment(app_id))
}

/// What an address below one user names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserAddress {
    /// The user's object id or user principal name, as it was typed or linked.
    pub key: String,
    /// The failed enrollment on screen, for the drill-down.
    pub event_id: Option<String>,
    /// The device on screen, for the device page.
    pub device_id: Option<String>,
    /// The app on screen, for its install history on the device.
    pub app_id: Option<String>,
}

impl UserAddress {
    /// Reads an address as the browser holds it (percent-encoded), below the mount.
    pub fn parse(path: &str) -> Option<UserAddress> {
        let mut segments = path.trim_start_matches('/').split('/');
        if segments.next() != Some("users") {
            return None;
        }
        let key = decode(segments.next().filter(|key| !key.is_empty())?);
        let (mut event_id, mut device_id, mut app_id) = (None, None, None);
        match (segments.next(), segments.next()) {
            (Some("enrollment-failures"), Some(id)) if !id.is_empty() => event_id = Some(decode(id)),
            (Some("devices"), Some(id)) if !id.is_empty() => {
                device_id = Some(decode(id));
                if let (Some("apps"), Some(app)) = (segments.next(), segments.next()) {
                    app_id = Some(decode(app)).filter(|app| !app.is_empty());
                }
            }
            _ => {}
        }
        Some(UserAddress { key, event_id, device_id, app_id })
    }

    /// The device whose page this address is (not one of its apps' install histories).
    pub fn device_page(&self) -> Option<&str> {
        self.device_id.as_deref().filter(|_| self.app_id.is_none())
    }
}

/// Where Esc goes from an address below a user: a drill-down to its list, a tab to the user's
/// page; `None` on the user's page itself.
pub fn parent_route(here: &str) -> Option<String> {
    let address = UserAddress::parse(here)?;
    let key = &address.key;
    Some(match (&address.device_id, &address.app_id, &address.event_id) {
        (Some(device), Some(_), _) => device_route(key, device),
        (Some(_), None, _) => user_route(key, "/devices"),
        (None, _, Some(_)) => user_route(key, "/enrollment-failures"),
        _ if here.trim_end_matches('/').split('/').filter(|s| !s.is_empty()).count() > 2 => user_route(key, ""),
        _ => return None,
    })
}

/// Whether the address `here` is `route` or below it, whichever way each was encoded (a deep
/// link typed as `o'neil%40…` is the same address as the portal's `o%27neil@…`).
pub fn is_at_or_below(here: &str, route: &str) -> bool {
    let segments = |path: &str| path.split('/').filter(|s| !s.is_empty()).map(decode).collect::<Vec<_>>();
    segments(here).starts_with(&segments(route))
}

fn decode(segment: &str) -> String {
    percent_encoding::percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_goes_from_a_drill_down_to_its_list_and_from_a_tab_to_the_user() {
        let key = "o'neil@contoso.com";
        assert_eq!(parent_route(&app_history_route(key, "d1", "a1")), Some(device_route(key, "d1")));
        assert_eq!(parent_route(&device_route(key, "d1")), Some(user_route(key, "/devices")));
        assert_eq!(parent_route(&failure_route(key, "e/1")), Some(user_route(key, "/enrollment-failures")));
        assert_eq!(parent_route(&user_route(key, "/groups")), Some(user_route(key, "")));
        assert_eq!(parent_route(&user_route(key, "")), None);
        assert_eq!(parent_route(&format!("{}/", user_route(key, ""))), None);
        assert_eq!(parent_route("/"), None);
    }

    #[test]
    fn every_key_comes_back_as_it_went_out() {
        for key in ["grady_fabrikam.com#EXT#@contoso.onmicrosoft.com", "o'neil@contoso.com", "50%41@x", "a/b@x", "é@x"]
        {
            let address = UserAddress::parse(&failure_route(key, "e/1%2")).expect(key);
            assert_eq!(address, UserAddress { key: key.into(), event_id: Some("e/1%2".into()), ..Default::default() });
            let address = UserAddress::parse(&device_route(key, "d/1%2")).expect(key);
            assert_eq!(address, UserAddress { key: key.into(), device_id: Some("d/1%2".into()), ..Default::default() });
            let address = UserAddress::parse(&app_history_route(key, "d", "a/1")).expect(key);
            assert_eq!(
                address,
                UserAddress {
                    key: key.into(),
                    device_id: Some("d".into()),
                    app_id: Some("a/1".into()),
                    ..Default::default()
                }
            );
            assert_eq!(UserAddress::parse(&user_route(key, "/devices")).unwrap().key, key);
        }
    }

    #[test]
    fn only_a_device_page_names_a_device_page() {
        let device_page = |route: &str| UserAddress::parse(route).and_then(|a| a.device_page().map(str::to_string));
        assert_eq!(device_page(&device_route("k", "d/1")), Some("d/1".into()));
        assert_eq!(device_page(&app_history_route("k", "d", "a")), None);
        assert_eq!(device_page(&user_route("k", "/devices")), None);
        assert_eq!(device_page(&failure_route("k", "e")), None);
    }

    #[test]
    fn the_key_is_decoded_once_only() {
        assert_eq!(UserAddress::parse("/users/a%2541").unwrap().key, "a%41");
        assert_eq!(UserAddress::parse("/users/o'neil%40contoso.com/groups").unwrap().key, "o'neil@contoso.com");
    }

    #[test]
    fn an_address_is_the_same_however_it_was_encoded() {
        let tab = user_route("o'neil@contoso.com", "/groups");
        assert!(is_at_or_below("/users/o'neil%40contoso.com/groups", &tab));
        assert!(is_at_or_below("/users/o%27neil@contoso.com/groups/", &tab));
        assert!(is_at_or_below(&failure_route("a#b", "e1"), &user_route("a#b", "/enrollment-failures")));
        assert!(!is_at_or_below("/users/o'neil%40contoso.com/devices", &tab));
        assert!(!is_at_or_below("/users/o'neil%40contoso.com/groupsx", &tab));
    }

    #[test]
    fn other_addresses_name_no_user() {
        assert_eq!(UserAddress::parse("/"), None);
        assert_eq!(UserAddress::parse("/users/"), None);
        assert_eq!(UserAddress::parse("/groups/x"), None);
        assert_eq!(UserAddress::parse("/users/x/enrollment-failures").unwrap().event_id, None);
        assert_eq!(UserAddress::parse("/users/x/devices/").unwrap().device_id, None);
    }
}
