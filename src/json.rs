//! JSON in and out of the app's own types. In the browser through the browser's `JSON`
//! (far smaller in the wasm than serde_json); natively, for tests, through serde_json.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Reads `json` into a `T`.
///
/// # Errors
/// The parser's message when `json` is not JSON, or serde's when it does not fit `T`.
pub fn from_json<T: DeserializeOwned>(json: &str) -> Result<T, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::JSON::parse(json).map_err(|error| {
            let message = js_sys::Error::from(error).message();
            format!("not JSON: {}", String::from(message))
        })?;
        from_value(value)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }
}

/// Reads a value the browser parsed into a `T`.
#[cfg(target_arch = "wasm32")]
fn from_value<T: DeserializeOwned>(value: wasm_bindgen::JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
}

/// Writes `value` as JSON (maps as objects).
///
/// # Errors
/// serde's message for a value JSON cannot hold.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = value.serialize(&serializer).map_err(|error| error.to_string())?;
        let text = js_sys::JSON::stringify(&value).map_err(|_| "cannot write JSON".to_string())?;
        Ok(String::from(text))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::to_string(value).map_err(|error| error.to_string())
    }
}
