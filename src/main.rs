//! Entry point: mounts the app into the page. Nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(folio::App);
}
