/// Counts what the portal holds on its heap: the wasm memory itself only grows (a high-water
/// mark), so the bench reads this to tell a leak from a past peak.
#[global_allocator]
static ALLOCATOR: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

/// Bytes allocated on the wasm heap now (`wasmBindings.heapInUse()`, for the bench).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = heapInUse)]
pub fn heap_in_use() -> f64 {
    ALLOCATOR.allocated() as f64
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(helpdesk::app::App);
}
