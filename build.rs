// Collects every `style!` block into one stylesheet; Trunk's post_build hook copies it into dist.
fn main() {
    stylers::build(Some(String::from("./target/stylers/main.css")));
}
