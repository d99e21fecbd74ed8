//! The one door to a sync server: a request relative to the database's address, its answer as
//! status and text. The address and the credentials live in the implementation (`fetch` in the
//! browser, `fake` in tests), so nothing else sees the password. Must not import `app` or `ui`.

/// An HTTP method the protocol uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Put,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
        }
    }
}

/// One request to the database: `path` follows the database's address ("" for the database
/// itself, "/_changes?since=0"), `body` is JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    pub path: String,
    pub body: Option<String>,
    /// How long to wait for the whole answer.
    pub timeout_ms: u32,
}

impl Request {
    pub fn get(path: impl Into<String>) -> Self {
        Request {
            method: Method::Get,
            path: path.into(),
            body: None,
            timeout_ms: 20_000,
        }
    }

    pub fn with_body(method: Method, path: impl Into<String>, body: String) -> Self {
        Request {
            method,
            path: path.into(),
            body: Some(body),
            timeout_ms: 45_000,
        }
    }
}

/// The server's answer: its status and its body (at most `wire::MAX_BODY` bytes of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

/// Why no answer came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// The network failed (offline, the server unreachable, or its CORS refused this app).
    Offline,
    /// No answer in time.
    Timeout,
    /// Stopped from here (sync stopped, the vault locked).
    Aborted,
    /// The answer was larger than Folio reads.
    TooLarge,
}

/// Where sync's requests go.
#[allow(async_fn_in_trait)]
pub trait Remote {
    async fn send(&self, request: Request) -> Result<Response, Transport>;
}
