use crate::error::{Error, ErrorKind};

use super::Cluster;
use crate::model::input::Remedy;

/// True when the error is an API answer with this HTTP status (e.g. 404, 409).
pub fn is_status(err: &kube::Error, code: u16) -> bool {
    matches!(err, kube::Error::Api(status) if status.code == code)
}

pub(super) fn explain(cluster: &Cluster, what: &str, err: kube::Error) -> Error {
    let status = match &err {
        kube::Error::Api(status) => Some(status.code),
        _ => None,
    };
    // Overload and unavailability answers, and broken connections: not the request's fault.
    let transient = match status {
        Some(code) => code == 429 || (502..=504).contains(&code),
        None => !matches!(err, kube::Error::Auth(_)),
    };
    let mut explained = describe(cluster, what, err);
    explained.status = status;
    explained.transient = transient;
    explained
}

fn describe(cluster: &Cluster, what: &str, err: kube::Error) -> Error {
    let place = format!("the API server at {} ({})", cluster.server, cluster.describe_context());
    match err {
        kube::Error::Api(status) => match status.code {
            401 => Error::cluster(format!("{what}: {place} refused the credentials (401 Unauthorized)"))
                .with_hint(match &cluster.user {
                    Some(user) => Remedy::RefreshUserCredentials { user: user.clone() },
                    None => Remedy::RefreshCredentials,
                }),
            403 => Error::invalid(format!("{what}: permission denied: {}", status.message))
                .with_hint(Remedy::AskForRbac),
            404 => Error::invalid(format!("{what}: {}", status.message)),
            409 => Error::failed(format!("{what}: conflict: {}", status.message))
                .with_hint("someone else changed the object at the same time; run the command again"),
            422 => Error::invalid(format!("{what}: the API server rejected the object: {}", status.message)),
            504 => Error::timeout(format!("{what}: {place} timed out: {}", status.message)),
            code => Error::failed(format!("{what}: {place} answered {code}: {}", status.message)),
        },
        kube::Error::Auth(e) => Error::cluster(format!("{what}: cannot get credentials for {place}: {e}"))
            .with_hint(
                "check the user entry of the kubeconfig (an exec plugin such as kubelogin must be on PATH)",
            ),
        other => {
            let detail = chain(&other);
            let timed_out = detail.to_lowercase().contains("timed out") || detail.contains("elapsed");
            // A request the server took longer than the asked-for limit to answer: the server is
            // there, only slow; saying "check that the cluster is running" would mislead.
            if let Some(limit) = cluster.request_timeout.filter(|_| timed_out) {
                return Error::timeout(format!(
                    "{what}: {place} did not answer within the request timeout ({limit:?}): {detail}"
                ))
                .with_hint(Remedy::AllowSlowServer);
            }
            let kind = if timed_out { ErrorKind::Timeout } else { ErrorKind::Cluster };
            Error::new(kind, format!("{what}: cannot reach {place}: {detail}"))
                .with_hint(Remedy::CheckClusterRunning { context: cluster.context.clone() })
        }
    }
}

/// The error and its causes on one line, without repeating what the outer layers already said.
fn chain(err: &dyn std::error::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(inner) = source {
        let text = inner.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = inner.source();
    }
    parts.join(": ")
}
