// Collects every `style!` block of src/ into one stylesheet; Trunk's post_build hook
// copies it into dist.
fn main() {
    println!("cargo:rerun-if-changed=src");
    std::fs::create_dir_all("target/stylers").expect("target/stylers can be created");
    stylers::build(Some(String::from("./target/stylers/main.css")));
}
