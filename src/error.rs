//! One error type for the whole tool. Every error carries the exit code it maps to
//! (documented in `docs/exit-codes.md`) and, where there is one, a hint saying what to do.

use std::fmt;

/// What went wrong, as far as the exit code is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The operation failed (exit 1).
    Failed,
    /// The command line could not be understood (exit 2).
    Usage,
    /// The cluster could not be reached or refused the credentials (exit 3).
    Cluster,
    /// Invalid input or an unmet precondition: not found, wrong mesh, bad value, forbidden (exit 4).
    Invalid,
    /// A wait ran out of time (exit 5).
    Timeout,
    /// A canary analysis failed and the traffic went back to the stable backend (exit 6).
    RolledBack,
}

impl ErrorKind {
    /// The process's exit status for this kind. The numbers are part of osm's interface
    /// (`docs/exit-codes.md`): scripts tell failures apart by them.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Failed => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Cluster => 3,
            ErrorKind::Invalid => 4,
            ErrorKind::Timeout => 5,
            ErrorKind::RolledBack => 6,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<String>,
    /// The HTTP status of the API server's answer, when the error is one: callers decide on
    /// it (404 absent, 409 conflict), never on the message's wording.
    pub status: Option<u16>,
    /// Worth trying again: the server was overloaded or unavailable (429, 502-504) or the
    /// connection broke. Waits retry these until their deadline.
    pub transient: bool,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error with no hint, HTTP status or transient mark, for a kind chosen at run time; the
    /// shorthands below cover the usual cases.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), hint: None, status: None, transient: false }
    }
    /// Exit 1: the operation was tried and did not succeed (a conflict, a read-back that disagrees,
    /// objects left behind), with nothing wrong in the input.
    pub fn failed(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Failed, message)
    }
    /// Exit 2: the command line itself is wrong (flags that conflict or do not apply), as with
    /// clap's own errors.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, message)
    }
    /// Exit 3: the cluster cannot be reached or refused the credentials, as opposed to an answer
    /// refusing the request itself (403, 404, 422 are `invalid`).
    pub fn cluster(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Cluster, message)
    }
    /// Exit 4: the input or the cluster's state rules the request out (not found, bad value, forbidden);
    /// running it again unchanged fails the same way.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Invalid, message)
    }
    /// Exit 5: a wait reached its deadline before the condition held.
    pub fn timeout(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Timeout, message)
    }
    /// Exit 6: a canary analysis failed and the traffic went back to the stable backend, which scripts
    /// must tell apart from a shift that could not act at all.
    pub fn rolled_back(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::RolledBack, message)
    }
    /// What the user should do next, printed on its own `hint:` line; replaces an earlier hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// Prefixes the message with what was being done, keeping kind and hint.
    pub fn context(mut self, what: impl fmt::Display) -> Self {
        self.message = format!("{what}: {}", self.message);
        self
    }
    /// The status `main` ends the process with when this error reaches it.
    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }
    /// True when this is the API server answering `code`.
    pub fn is_status(&self, code: u16) -> bool {
        self.status == Some(code)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\nhint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error::failed(err.to_string())
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Error::failed(format!("cannot encode or decode JSON: {err}"))
    }
}
