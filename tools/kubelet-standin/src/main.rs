//! Test support, never shipped: stands in for the kubelet of the local control plane, because no
//! container runtime runs on the machines where the tests run.
//!
//! It registers a Ready Node, binds pending pods to it, marks them Running and Ready (so the real
//! controller-manager makes Deployments Available), and finishes graceful deletions the way a
//! kubelet does. A pod, or every pod of a namespace, can be told to misbehave with the annotation
//! `kubelet-standin.osm.dev/behaviour`:
//!   `unready`   Running, containers never become ready
//!   `crashloop` containers waiting in CrashLoopBackOff
//!   `imagepull` containers waiting in ImagePullBackOff
//!   `pending`   never bound: Pending and Unschedulable
//!
//! and, pod or namespace alike, `kubelet-standin.osm.dev/ready-after: 3s` (also `500ms`, `1m`)
//! makes a pod Running at once and Ready only after that delay, as a readiness probe would.
//!
//! Given `--cert`, `--key` and `--client-ca`, it also serves the kubelet's port-forward endpoint
//! (see [`portforward`]): a pod annotated `kubelet-standin.osm.dev/forward-<containerPort>:
//! 127.0.0.1:<port>` has that container port relayed to the loopback TCP server at that address.
//! The same endpoint serves container logs (`pods/log`) from the pod annotations
//! `kubelet-standin.osm.dev/log` and `kubelet-standin.osm.dev/previous-log`.

mod pods;
mod portforward;
mod spdy;

use std::path::PathBuf;

use k8s_openapi::api::core::v1::Node;
use kube::api::{Api, Patch, PatchParams, PostParams};
use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::{Client, Config};
use serde_json::json;

pub const BEHAVIOUR_ANNOTATION: &str = "kubelet-standin.osm.dev/behaviour";
pub const READY_AFTER_ANNOTATION: &str = "kubelet-standin.osm.dev/ready-after";

#[derive(Debug, Clone)]
pub struct Options {
    pub kubeconfig: PathBuf,
    pub context: Option<String>,
    pub node: String,
    pub port: u16,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    pub client_ca: Option<PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut opts = Options {
        kubeconfig: PathBuf::new(),
        context: None,
        node: "osm-dev-node".into(),
        port: 10250,
        cert: None,
        key: None,
        client_ca: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--kubeconfig" => opts.kubeconfig = value()?.into(),
            "--context" => opts.context = Some(value()?),
            "--node" => opts.node = value()?,
            "--port" => opts.port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--cert" => opts.cert = Some(value()?.into()),
            "--key" => opts.key = Some(value()?.into()),
            "--client-ca" => opts.client_ca = Some(value()?.into()),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    if opts.kubeconfig.as_os_str().is_empty() {
        return Err("--kubeconfig is required".into());
    }
    Ok(opts)
}

#[tokio::main]
async fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("kubelet-standin: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(opts).await {
        eprintln!("kubelet-standin: {e}");
        std::process::exit(1);
    }
}

async fn run(opts: Options) -> Result<(), Box<dyn std::error::Error>> {
    let kubeconfig = Kubeconfig::read_from(&opts.kubeconfig)?;
    let options = KubeConfigOptions { context: opts.context.clone(), ..Default::default() };
    let config = Config::from_custom_kubeconfig(kubeconfig, &options).await?;
    let client = Client::try_from(config)?;
    register_node(&client, &opts).await?;
    eprintln!("kubelet-standin: node {} registered", opts.node);
    if let (Some(cert), Some(key), Some(ca)) = (opts.cert.clone(), opts.key.clone(), opts.client_ca.clone()) {
        let client = client.clone();
        let port = opts.port;
        tokio::spawn(async move {
            if let Err(e) = portforward::serve(client, port, &cert, &key, &ca).await {
                eprintln!("kubelet-standin: port-forward endpoint stopped: {e}");
                std::process::exit(1);
            }
        });
    }
    pods::run(client, opts.node.clone()).await
}

async fn register_node(client: &Client, opts: &Options) -> Result<(), kube::Error> {
    let nodes: Api<Node> = Api::all(client.clone());
    let node: Node = serde_json::from_value(json!({
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {
            "name": opts.node,
            "labels": {
                "kubernetes.io/hostname": opts.node,
                "kubernetes.io/os": "linux",
                "kubernetes.io/arch": "amd64",
            }
        }
    }))
    .expect("static node");
    match nodes.create(&PostParams::default(), &node).await {
        Ok(_) => {}
        Err(kube::Error::Api(s)) if s.code == 409 => {}
        Err(e) => return Err(e),
    }
    let now = now_rfc3339();
    // A kubelet reports its own release, which is the API server's in these clusters.
    let version =
        client.apiserver_version().await.map(|v| v.git_version).unwrap_or_else(|_| "v1.20.2".into());
    let status = json!({
        "status": {
            "addresses": [
                {"type": "InternalIP", "address": "127.0.0.1"},
                {"type": "Hostname", "address": opts.node},
            ],
            "daemonEndpoints": {"kubeletEndpoint": {"Port": opts.port}},
            "capacity": {"cpu": "64", "memory": "256Gi", "pods": "1000", "ephemeral-storage": "1Ti"},
            "allocatable": {"cpu": "64", "memory": "256Gi", "pods": "1000", "ephemeral-storage": "1Ti"},
            "conditions": [{
                "type": "Ready", "status": "True", "reason": "KubeletReady",
                "message": "kubelet stand-in is posting ready status",
                "lastHeartbeatTime": now, "lastTransitionTime": now,
            }],
            "nodeInfo": {
                "architecture": "amd64", "operatingSystem": "linux", "kubeletVersion": version,
                "kubeProxyVersion": version, "containerRuntimeVersion": "standin://1",
                "bootID": "", "kernelVersion": "", "machineID": "", "osImage": "kubelet stand-in",
                "systemUUID": "",
            },
        }
    });
    nodes.patch_status(&opts.node, &PatchParams::default(), &Patch::Merge(&status)).await?;
    Ok(())
}

/// The current time as the API expects it: RFC 3339 in UTC, whole seconds.
pub fn now_rfc3339() -> String {
    format!("{:.0}", k8s_openapi::jiff::Timestamp::now())
}
