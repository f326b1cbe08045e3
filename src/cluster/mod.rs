//! Cluster access: kubeconfig loading the way kubectl does it, the client, and the translation
//! of API failures into errors that say what to do. The only module that knows HTTP details.
//!
//! One vocabulary reads and writes objects: typed methods of [`Cluster`] (get, list,
//! merge_patch) where k8s-openapi has a type (`cluster.get_in::<Pod>(..)`, `typed.rs`);
//! otherwise the verbs of the same names, with apply, create, modify, delete and wait_gone, on
//! JSON named by an [`ObjectRef`] (`cluster.objects().get(&r)`, `object.rs`). Waits for a state
//! other than gone are in `wait.rs`; fan-outs and `rollout restart` in `rollout.rs`.

pub mod access;
mod config;
pub mod envoy;
mod errors;
pub mod logs;
mod object;
pub mod portforward;
pub mod prometheus;
mod retry;
pub mod rollout;
mod typed;
pub mod wait;
pub mod workloads;

use std::time::Duration;

use kube::Client;

use std::path::PathBuf;

use crate::error::{Error, Result};

pub use errors::is_status;
pub use object::{Modified, ObjectRef, Objects, Propagation, not_found, plural};
pub use typed::{Kind, Select};

/// The field manager every write of osm is recorded under.
pub const FIELD_MANAGER: &str = "osm";

/// How many requests a fan-out keeps in flight: enough that 50 namespaces (or a control plane's
/// objects) cost about one round trip, few enough not to flood a small API server.
pub const CONCURRENCY: usize = 64;

/// How many times a write that met a conflict (409: someone else wrote the object in between) is
/// tried again, and the pause before each retry: growing, so that writers racing each other
/// drift apart.
pub const CONFLICT_RETRIES: u32 = 10;

/// How long one read or write keeps retrying an overloaded or unreachable API server before it
/// reports the failure: long enough to ride out an API server restart, short enough that a
/// wrong kubeconfig is still reported promptly.
pub const TRANSIENT_RETRY: Duration = Duration::from_secs(30);

pub fn conflict_pause(attempt: u32) -> Duration {
    Duration::from_millis(20 * u64::from(attempt.min(10)))
}

/// Picks the process's TLS implementation before any client is built: the kube client (ring)
/// and the HTTP client for pods and Prometheus could each bring a rustls crypto provider, and
/// rustls refuses to choose between two.
pub fn choose_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Where and how to connect: what kubectl's `--kubeconfig`, `--context` and `--request-timeout`
/// say (the command line fills it in; the cluster layer knows no flags).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub kubeconfig: Option<PathBuf>,
    pub context: Option<String>,
    /// Per request; zero means none.
    pub request_timeout: Option<Duration>,
}

/// A connected client plus what error messages need to name: server URL, context and user.
#[derive(Clone)]
pub struct Cluster {
    client: Client,
    /// What the client was built from, for the port-forward tunnel's own client.
    config: kube::Config,
    pub server: String,
    pub context: Option<String>,
    pub user: Option<String>,
    /// The per-request limit asked for, if any: a request cut short by it met a slow server,
    /// not an absent one.
    pub request_timeout: Option<Duration>,
}

impl Cluster {
    /// Builds a client from `--kubeconfig`, `KUBECONFIG`, `~/.kube/config` or the in-cluster
    /// service account, in that order, honouring `--context` and `--request-timeout`.
    pub async fn connect(settings: &Settings) -> Result<Cluster> {
        let loaded = config::load(settings).await?;
        let mut cfg = loaded.config;
        // Without --request-timeout, as kubectl: no limit on a request (kube sets no read
        // timeout), 30 s to open a connection (kube's connect timeout, client-go's dialer's).
        let request_timeout = settings.request_timeout.filter(|t| *t > Duration::ZERO);
        if let Some(timeout) = settings.request_timeout {
            cfg.read_timeout = request_timeout;
            cfg.connect_timeout = (timeout > Duration::ZERO).then_some(timeout);
        }
        let server = cfg.cluster_url.to_string().trim_end_matches('/').to_string();
        // kube's own retry covers only some answers and no broken connection; osm's covers both.
        cfg.default_retry = false;
        let config = cfg.clone();
        let builder = kube::client::ClientBuilder::try_from(cfg).map_err(|e| {
            Error::cluster(format!("cannot build a client for {server}: {e}"))
                .with_hint("check the certificate and user entries of the kubeconfig")
        })?;
        // The buffer makes the stack cloneable, which sending a request again needs.
        let client = builder
            .with_layer(&tower::buffer::BufferLayer::new(CONCURRENCY * 4))
            .with_layer(&tower::retry::RetryLayer::new(retry::Transient::new(TRANSIENT_RETRY)))
            .build();
        Ok(Cluster { client, config, server, context: loaded.context, user: loaded.user, request_timeout })
    }

    /// A client whose connections send each write at once (TCP_NODELAY, as Go's net package sets
    /// for every connection kubectl makes), for the long-lived port-forward tunnel, where a small
    /// write must not wait for the acknowledgement of the one before it (40 ms of delayed ACK).
    /// kube's builder leaves Nagle's algorithm on and does not expose the connector, so this
    /// stack is built from kube's own layers: base URI, authentication, extra headers. `None`
    /// behind a proxy, which that stack does not go through.
    pub(crate) fn streaming_client(&self) -> Option<Client> {
        use kube::client::ConfigExt;
        use tower::ServiceBuilder;
        if self.config.proxy_url.is_some() {
            return None;
        }
        let mut http = hyper_util::client::legacy::connect::HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(self.config.connect_timeout);
        let https = self.config.rustls_https_connector_with_connector(http).ok()?;
        let hyper =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build(https);
        let service = ServiceBuilder::new()
            .layer(self.config.base_uri_layer())
            .option_layer(self.config.auth_layer().ok()?)
            .layer(self.config.extra_headers_layer().ok()?)
            .map_err(tower::BoxError::from)
            .service(hyper);
        Some(Client::new(service, self.config.default_namespace.clone()))
    }

    /// Turns a kube error into an osm error that names what was being done, where, and the fix.
    pub fn err(&self, what: impl std::fmt::Display) -> impl FnOnce(kube::Error) -> Error + '_ {
        let what = what.to_string();
        move |e| errors::explain(self, &what, e)
    }

    /// The Kubernetes version the API server reports, e.g. `v1.20.2`.
    pub async fn server_version(&self) -> Result<k8s_openapi::apimachinery::pkg::version::Info> {
        self.client.apiserver_version().await.map_err(self.err("reading the server version"))
    }

    pub(crate) fn describe_context(&self) -> String {
        match &self.context {
            Some(ctx) => format!("context \"{ctx}\""),
            None => "in-cluster configuration".to_string(),
        }
    }
}
