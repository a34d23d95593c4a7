//! The bench's yardstick for the cold start (tests/e2e/bench.mjs): a Leptos CSR page with one
//! focused search box, built by the same release script and served by the same server as the
//! portal. What the portal takes beyond it is the portal's own.

use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        view! {
            <main>
                <label for="user-search">"Name or e-mail"</label>
                <input id="user-search" type="search" autofocus />
            </main>
        }
    });
}
