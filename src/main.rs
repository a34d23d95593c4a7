#![feature(proc_macro_hygiene)]
use leptos::prelude::*;
use stylers::style;

#[component]
fn App() -> impl IntoView {
    let class = style! {"App",
        p {
            color: red;
        }
    };
    view! { class=class, <p>"hello"</p> }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
