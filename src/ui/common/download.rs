//! Saves a text the app made (JSON, CSV) as a file on the user's device: a Blob and a link with
//! `download`, clicked and released; and reads back the file chosen in a file input. Nothing
//! leaves the device.

use crate::app::AppError;
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name` with the given media type.
pub fn save_text(file_name: &str, media_type: &str, text: &str) -> Result<(), AppError> {
    save_parts(file_name, media_type, js_sys::Array::of1(&text.into()))
        .map_err(AppError::FileNotWritten)
}

/// Offers `bytes` as a download named `file_name` with the given media type.
pub fn save_bytes(file_name: &str, media_type: &str, bytes: &[u8]) -> Result<(), AppError> {
    let array = js_sys::Uint8Array::from(bytes);
    save_parts(file_name, media_type, js_sys::Array::of1(&array)).map_err(AppError::FileNotWritten)
}

fn save_parts(file_name: &str, media_type: &str, parts: js_sys::Array) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "not a link".to_string())?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The file chosen in a file input (the first), if any.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files()?.get(0)
}

/// A file's bytes, read whole; None when the browser could not read it.
pub async fn file_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// SHA-256 (hex) of the file chosen in a file input, if any; the file is read here and dropped.
pub async fn sha256_of_chosen_file(input: &web_sys::HtmlInputElement) -> Option<String> {
    let bytes = file_bytes(&chosen_file(input)?).await?;
    Some(crate::domain::consent::sha256_hex(&bytes))
}
