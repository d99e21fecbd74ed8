//! Entry point: mounts the app into the page. Nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    // The benchmark build serves its entry points on `/?bench` without starting the app, so the
    // app holds no connection to the databases the benchmark deletes and refills.
    #[cfg(feature = "bench")]
    if web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| s == "?bench")
    {
        return;
    }
    leptos::mount::mount_to_body(folio::App);
}
