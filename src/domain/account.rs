//! The tenant's account state, as the header shows it.

use crate::graph::models::SubscriptionState;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountState {
    Active,
    Inactive,
    /// A subscription state this portal does not know yet.
    Unknown,
}

/// Active while Intune serves the tenant (a `warning` tenant still works, with a notice in
/// the admin centre); inactive when it is pending, disabled, deleted, blocked or locked out.
pub fn account_state(subscription: &SubscriptionState) -> AccountState {
    match subscription {
        SubscriptionState::Active | SubscriptionState::Warning => AccountState::Active,
        SubscriptionState::Pending
        | SubscriptionState::Disabled
        | SubscriptionState::Deleted
        | SubscriptionState::Blocked
        | SubscriptionState::LockedOut => AccountState::Inactive,
        SubscriptionState::Unknown(_) => AccountState::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_active_and_warning_tenants_are_active() {
        let active: Vec<&str> = ["pending", "active", "warning", "disabled", "deleted", "blocked", "lockedOut"]
            .into_iter()
            .filter(|wire| account_state(&SubscriptionState::from_wire(wire)) == AccountState::Active)
            .collect();
        assert_eq!(active, vec!["active", "warning"]);
        assert_eq!(account_state(&SubscriptionState::from_wire("unknownFutureValue")), AccountState::Unknown);
    }
}
