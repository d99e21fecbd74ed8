//! What can go wrong while syncing, as one enum; `i18n::errors` words it for the user. Must not
//! import `app` or `ui`.

use super::remote::Transport;
use super::wire;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    #[error("offline")]
    Offline,
    #[error("the server did not answer in time")]
    Timeout,
    #[error("the server refused the password")]
    PasswordRefused,
    #[error("this user may not use that database")]
    NoAccess,
    #[error("the database does not exist")]
    DatabaseMissing,
    #[error("this database holds no Folio vault")]
    NoVault,
    #[error("the server refused a request ({0})")]
    Refused(u16),
    #[error("the server is unavailable ({0})")]
    ServerBusy(u16),
    #[error("the server's answer was not understood ({0})")]
    BadAnswer(&'static str),
    #[error("the server's address is not one this build of Folio may connect to")]
    OriginNotAllowed,
    #[error("the server's address is not a valid https address")]
    BadAddress,
    #[error("sync was stopped")]
    Stopped,
}

impl SyncError {
    /// The error an answer of `status` with `body` means (an answer that is not a success).
    pub fn from_answer(status: u16, body: &str) -> SyncError {
        let reason = wire::error_body(body).map(|e| e.reason.to_lowercase());
        match status {
            401 if reason
                .as_deref()
                .is_some_and(|r| r.contains("password") || r.contains("name or password")) =>
            {
                SyncError::PasswordRefused
            }
            401 | 403 => SyncError::NoAccess,
            404 => SyncError::DatabaseMissing,
            408 => SyncError::Timeout,
            429 | 500..=599 => SyncError::ServerBusy(status),
            _ => SyncError::Refused(status),
        }
    }

    /// Whether trying again later may help (the network, a busy server), rather than the user
    /// having to change something.
    pub fn retries(&self) -> bool {
        matches!(
            self,
            SyncError::Offline | SyncError::Timeout | SyncError::ServerBusy(_)
        )
    }
}

impl From<Transport> for SyncError {
    fn from(t: Transport) -> Self {
        match t {
            Transport::Offline => SyncError::Offline,
            Transport::Timeout => SyncError::Timeout,
            Transport::Aborted => SyncError::Stopped,
            Transport::TooLarge => SyncError::BadAnswer("too large"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_named_by_what_the_user_can_do() {
        let wrong = r#"{"error":"unauthorized","reason":"Name or password is incorrect."}"#;
        assert_eq!(
            SyncError::from_answer(401, wrong),
            SyncError::PasswordRefused
        );
        let member =
            r#"{"error":"unauthorized","reason":"You are not authorized to access this db."}"#;
        assert_eq!(SyncError::from_answer(401, member), SyncError::NoAccess);
        assert_eq!(SyncError::from_answer(403, "{}"), SyncError::NoAccess);
        assert_eq!(
            SyncError::from_answer(404, "garbage"),
            SyncError::DatabaseMissing
        );
        assert_eq!(SyncError::from_answer(503, ""), SyncError::ServerBusy(503));
        assert_eq!(SyncError::from_answer(400, ""), SyncError::Refused(400));
        assert!(SyncError::Offline.retries() && !SyncError::PasswordRefused.retries());
    }
}
