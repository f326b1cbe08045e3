//! Retrying requests the API server could not take: overload and unavailability answers (429,
//! 502, 503, 504), honouring Retry-After, and broken connections, with a growing pause, until a
//! budget runs out. Part of the client, so that every request of every command gets it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use http::{Method, Request, Response, StatusCode};
use kube::client::Body;
use tower::BoxError;
use tower::retry::Policy;

const FIRST_PAUSE: Duration = Duration::from_millis(50);
const MAX_PAUSE: Duration = Duration::from_secs(2);

#[derive(Clone)]
pub struct Transient {
    budget: Duration,
    deadline: Option<Instant>,
    pause: Duration,
    /// Whether the server has answered anything yet, on any request of this client.
    answered: Arc<AtomicBool>,
}

impl Transient {
    pub fn new(budget: Duration) -> Transient {
        Transient { budget, deadline: None, pause: FIRST_PAUSE, answered: Arc::new(AtomicBool::new(false)) }
    }

    /// Whether to try again after this answer, and the least pause the server asked for.
    fn after_answer<B>(&self, req: &Request<Body>, res: &Response<B>) -> Option<Duration> {
        let retry = match res.status() {
            // Refused before any work was done: safe for every request.
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => true,
            // A gateway or the server's own timeout: the request may have been carried out.
            // 500 is left out on purpose: the API server answers it for failing webhooks and
            // undecodable objects, which a retry only delays.
            StatusCode::BAD_GATEWAY | StatusCode::GATEWAY_TIMEOUT => repeatable(req),
            _ => false,
        };
        retry.then(|| retry_after(res).unwrap_or_default())
    }

    /// Whether to try again after this failure to get an answer at all.
    fn after_failure(&self, req: &Request<Body>, err: &BoxError) -> bool {
        match broken_connection(err.as_ref()) {
            // Nothing listens: before the server ever answered, that is a wrong address or a
            // stopped cluster, said at once; later, the server is restarting.
            Some(Broken::Refused) => self.answered.load(Ordering::Relaxed),
            // The request may have reached the server before the connection broke.
            Some(Broken::Dropped) => repeatable(req),
            None => false,
        }
    }
}

impl<B> Policy<Request<Body>, Response<B>, BoxError> for Transient {
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        req: &mut Request<Body>,
        result: &mut Result<Response<B>, BoxError>,
    ) -> Option<Self::Future> {
        let least = match result {
            Ok(res) => {
                self.answered.store(true, Ordering::Relaxed);
                self.after_answer(req, res)?
            }
            Err(err) => self.after_failure(req, err).then_some(Duration::ZERO)?,
        };
        let now = Instant::now();
        let deadline = *self.deadline.get_or_insert(now + self.budget);
        let pause = self.pause.max(least);
        if now + pause >= deadline {
            return None;
        }
        tracing::debug!("{} {}: transient failure, retrying in {pause:?}", req.method(), req.uri());
        self.pause = (self.pause * 2).min(MAX_PAUSE);
        Some(tokio::time::sleep(pause))
    }

    fn clone_request(&mut self, req: &Request<Body>) -> Option<Request<Body>> {
        // A streamed body cannot be sent twice; kube's requests carry theirs whole.
        let body = req.body().try_clone()?;
        let mut clone = Request::new(body);
        *clone.method_mut() = req.method().clone();
        *clone.uri_mut() = req.uri().clone();
        *clone.version_mut() = req.version();
        *clone.headers_mut() = req.headers().clone();
        *clone.extensions_mut() = req.extensions().clone();
        Some(clone)
    }
}

/// Whether sending the request twice leaves the cluster as sending it once does. Every method
/// but POST is (an apply, a merge patch, a delete, a read); a POST creates, except reviews that
/// only answer a question and dry runs. A create cut off by a broken connection is left to its
/// caller, which alone knows what AlreadyExists on a second try means.
fn repeatable(req: &Request<Body>) -> bool {
    if req.method() != Method::POST {
        return true;
    }
    let uri = req.uri();
    uri.path().ends_with("reviews") || uri.query().is_some_and(|q| q.split('&').any(|kv| kv == "dryRun=All"))
}

/// Retry-After in seconds; the HTTP-date form is not used by the API server.
fn retry_after<B>(res: &Response<B>) -> Option<Duration> {
    let value = res.headers().get(http::header::RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

enum Broken {
    Refused,
    Dropped,
}

/// How the connection failed, when it did: refused, or reset or closed mid-way. A timeout is
/// neither: `--request-timeout` bounds the whole wait.
fn broken_connection(err: &(dyn std::error::Error + 'static)) -> Option<Broken> {
    use std::io::ErrorKind;
    if let Some(io) = err.downcast_ref::<std::io::Error>() {
        match io.kind() {
            ErrorKind::ConnectionRefused => return Some(Broken::Refused),
            ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::BrokenPipe
            | ErrorKind::UnexpectedEof
            | ErrorKind::NotConnected => return Some(Broken::Dropped),
            _ => {}
        }
        // An io::Error wrapping another (as the TLS connector's do) reports, as its source,
        // the source of what it wraps: the wrapped error itself would be skipped.
        if let Some(inner) = io.get_ref() {
            return broken_connection(inner);
        }
    }
    if let Some(hyper) = err.downcast_ref::<hyper::Error>()
        && (hyper.is_incomplete_message() || hyper.is_canceled())
    {
        return Some(Broken::Dropped);
    }
    broken_connection(err.source()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, uri: &str) -> Request<Body> {
        let mut req = Request::new(Body::empty());
        *req.method_mut() = method;
        *req.uri_mut() = uri.parse().unwrap();
        req
    }

    fn reset() -> BoxError {
        Box::new(std::io::Error::from(std::io::ErrorKind::ConnectionReset))
    }

    #[test]
    fn creates_are_not_repeated_after_a_broken_connection_but_reviews_and_dry_runs_are() {
        let policy = Transient::new(crate::cluster::TRANSIENT_RETRY);
        assert!(policy.after_failure(&request(Method::PATCH, "/api/v1/namespaces/a"), &reset()));
        assert!(policy.after_failure(&request(Method::GET, "/api/v1/pods"), &reset()));
        assert!(!policy.after_failure(&request(Method::POST, "/api/v1/namespaces/a/configmaps"), &reset()));
        let review = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
        assert!(policy.after_failure(&request(Method::POST, review), &reset()));
        assert!(policy.after_failure(&request(Method::POST, "/api/v1/namespaces?dryRun=All"), &reset()));
    }

    #[test]
    fn refused_is_retried_only_once_the_server_has_answered() {
        let policy = Transient::new(crate::cluster::TRANSIENT_RETRY);
        let refused: BoxError = Box::new(std::io::Error::from(std::io::ErrorKind::ConnectionRefused));
        let get = request(Method::GET, "/version");
        assert!(!policy.after_failure(&get, &refused));
        policy.answered.store(true, Ordering::Relaxed);
        assert!(policy.after_failure(&get, &refused));
        let timed_out: BoxError = Box::new(std::io::Error::from(std::io::ErrorKind::TimedOut));
        assert!(!policy.after_failure(&get, &timed_out));
        let wrapped: BoxError =
            Box::new(std::io::Error::other(std::io::Error::from(std::io::ErrorKind::ConnectionReset)));
        assert!(policy.after_failure(&get, &wrapped));
    }

    #[test]
    fn overload_answers_are_retried_after_at_least_retry_after() {
        let policy = Transient::new(crate::cluster::TRANSIENT_RETRY);
        let answer = |code: u16, retry_after: Option<&str>| {
            let mut res = Response::new(());
            *res.status_mut() = StatusCode::from_u16(code).unwrap();
            if let Some(v) = retry_after {
                res.headers_mut().insert(http::header::RETRY_AFTER, v.parse().unwrap());
            }
            res
        };
        let create = request(Method::POST, "/api/v1/namespaces");
        assert_eq!(policy.after_answer(&create, &answer(429, Some("3"))), Some(Duration::from_secs(3)));
        assert_eq!(policy.after_answer(&create, &answer(503, None)), Some(Duration::ZERO));
        assert_eq!(policy.after_answer(&create, &answer(504, None)), None);
        assert_eq!(
            policy.after_answer(&request(Method::GET, "/api"), &answer(504, None)),
            Some(Duration::ZERO)
        );
        assert_eq!(policy.after_answer(&create, &answer(500, None)), None);
        assert_eq!(policy.after_answer(&create, &answer(409, None)), None);
    }
}
