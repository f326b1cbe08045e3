//! The pod side of the stand-in: binding, status, and finishing deletions.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};

use futures::StreamExt;
use k8s_openapi::api::core::v1::{Binding, Namespace, Pod};
use kube::api::{Api, DeleteParams, Patch, PatchParams, PostParams};
use kube::runtime::watcher::{self, Event};
use kube::{Client, ResourceExt};
use serde_json::json;

use crate::{BEHAVIOUR_ANNOTATION, READY_AFTER_ANNOTATION, now_rfc3339};

static NEXT_IP: AtomicU32 = AtomicU32::new(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Behaviour {
    Ready,
    Unready,
    CrashLoop,
    ImagePull,
    Pending,
}

impl Behaviour {
    fn parse(value: &str) -> Behaviour {
        match value {
            "unready" => Behaviour::Unready,
            "crashloop" => Behaviour::CrashLoop,
            "imagepull" => Behaviour::ImagePull,
            "pending" => Behaviour::Pending,
            _ => Behaviour::Ready,
        }
    }
}

pub async fn run(client: Client, node: String) -> Result<(), Box<dyn std::error::Error>> {
    let pods: Api<Pod> = Api::all(client.clone());
    let mut stream = watcher::watcher(pods, watcher::Config::default()).boxed();
    // Pod UIDs whose status was already written, so re-listings do not rewrite it.
    let mut done: HashMap<String, ()> = HashMap::new();
    while let Some(event) = stream.next().await {
        let pod = match event {
            Ok(Event::Apply(pod)) | Ok(Event::InitApply(pod)) => pod,
            Ok(_) => continue,
            Err(e) => {
                eprintln!("kubelet-standin: watch error: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                continue;
            }
        };
        let client = client.clone();
        let node = node.clone();
        let uid = pod.uid().unwrap_or_default();
        let first_time = !done.contains_key(&uid);
        if pod.metadata.deletion_timestamp.is_none() && first_time && is_ours_or_unbound(&pod, &node) {
            done.insert(uid.clone(), ());
        } else if pod.metadata.deletion_timestamp.is_none() {
            continue;
        }
        tokio::spawn(async move {
            if let Err(e) = handle(&client, &node, pod).await {
                eprintln!("kubelet-standin: {e}");
            }
        });
    }
    Ok(())
}

fn is_ours_or_unbound(pod: &Pod, node: &str) -> bool {
    match pod.spec.as_ref().and_then(|s| s.node_name.as_deref()) {
        None | Some("") => true,
        Some(n) => n == node,
    }
}

/// The value of `key` on the pod, else on its namespace.
async fn annotation(client: &Client, pod: &Pod, key: &str) -> Option<String> {
    if let Some(value) = pod.annotations().get(key) {
        return Some(value.clone());
    }
    let namespaces: Api<Namespace> = Api::all(client.clone());
    match namespaces.get_opt(&pod.namespace().unwrap_or_default()).await {
        Ok(Some(ns)) => ns.annotations().get(key).cloned(),
        _ => None,
    }
}

async fn behaviour(client: &Client, pod: &Pod) -> Behaviour {
    annotation(client, pod, BEHAVIOUR_ANNOTATION)
        .await
        .map(|v| Behaviour::parse(&v))
        .unwrap_or(Behaviour::Ready)
}

/// A duration as `500ms`, `3s` or `1m`; anything else is no delay, said on stderr.
fn parse_delay(value: &str) -> Option<std::time::Duration> {
    let value = value.trim();
    let parsed = if let Some(ms) = value.strip_suffix("ms") {
        ms.parse().ok().map(std::time::Duration::from_millis)
    } else if let Some(s) = value.strip_suffix('s') {
        s.parse().ok().map(std::time::Duration::from_secs_f64)
    } else if let Some(m) = value.strip_suffix('m') {
        m.parse::<f64>().ok().map(|m| std::time::Duration::from_secs_f64(m * 60.0))
    } else {
        None
    };
    if parsed.is_none() {
        eprintln!(
            "kubelet-standin: {READY_AFTER_ANNOTATION}: {value:?} is not a duration like 500ms, 3s or 1m"
        );
    }
    parsed
}

async fn handle(client: &Client, node: &str, pod: Pod) -> Result<(), kube::Error> {
    let ns = pod.namespace().unwrap_or_default();
    let name = pod.name_any();
    let api: Api<Pod> = Api::namespaced(client.clone(), &ns);

    if pod.metadata.deletion_timestamp.is_some() {
        // A kubelet confirms a graceful deletion once the containers are gone; ours never ran.
        let bound_here = pod.spec.as_ref().and_then(|s| s.node_name.as_deref()) == Some(node);
        if bound_here {
            let dp = DeleteParams { grace_period_seconds: Some(0), ..Default::default() };
            match api.delete(&name, &dp).await {
                Ok(_) => {}
                Err(kube::Error::Api(s)) if s.code == 404 => {}
                Err(e) => return Err(e),
            }
        }
        return Ok(());
    }

    let behaviour = behaviour(client, &pod).await;
    let now = now_rfc3339();
    if behaviour == Behaviour::Pending {
        let status = json!({"status": {"phase": "Pending", "conditions": [{
            "type": "PodScheduled", "status": "False", "reason": "Unschedulable",
            "message": "0/1 nodes are available: 1 Insufficient cpu.", "lastTransitionTime": now,
        }]}});
        api.patch_status(&name, &PatchParams::default(), &Patch::Merge(&status)).await?;
        return Ok(());
    }

    let unbound = pod.spec.as_ref().and_then(|s| s.node_name.as_deref()).is_none_or(str::is_empty);
    if unbound {
        let binding: Binding = serde_json::from_value(json!({
            "apiVersion": "v1", "kind": "Binding",
            "metadata": {"name": name, "namespace": ns},
            "target": {"apiVersion": "v1", "kind": "Node", "name": node},
        }))
        .expect("static binding");
        let pp = PostParams::default();
        match api.create_subresource::<Binding, serde_json::Value>("binding", &name, &pp, &binding).await {
            Ok(_) => {}
            // A 409 means someone bound it already; a 404 that it is gone.
            Err(kube::Error::Api(s)) if s.code == 409 || s.code == 404 => {}
            Err(e) => return Err(e),
        }
    }

    let ip_n = NEXT_IP.fetch_add(1, Ordering::Relaxed);
    let pod_ip = format!("10.244.{}.{}", (ip_n / 250) % 250, ip_n % 250 + 2);
    // A pod that becomes ready after a delay, as a real one does once its readiness probe
    // passes: Running and started at once, Ready only after the delay.
    let delay = match behaviour {
        Behaviour::Ready => {
            annotation(client, &pod, READY_AFTER_ANNOTATION).await.and_then(|v| parse_delay(&v))
        }
        _ => None,
    };
    let ready_now = behaviour == Behaviour::Ready && delay.is_none();
    if !write_status(&api, &pod, behaviour, ready_now, &pod_ip, &now).await? {
        return Ok(());
    }
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
        write_status(&api, &pod, behaviour, true, &pod_ip, &now).await?;
    }
    Ok(())
}

/// Writes the pod's status for `behaviour`, its containers ready or not, started at `started`;
/// false when the pod is gone.
async fn write_status(
    api: &Api<Pod>,
    pod: &Pod,
    behaviour: Behaviour,
    ready: bool,
    pod_ip: &str,
    started: &str,
) -> Result<bool, kube::Error> {
    let name = pod.name_any();
    let now = now_rfc3339();
    let spec = pod.spec.clone().unwrap_or_default();
    let container_statuses: Vec<_> = spec
        .containers
        .iter()
        .map(|c| {
            let state = match behaviour {
                Behaviour::CrashLoop => json!({"waiting": {"reason": "CrashLoopBackOff",
                    "message": format!("back-off 5m0s restarting failed container={} pod={name}", c.name)}}),
                Behaviour::ImagePull => json!({"waiting": {"reason": "ImagePullBackOff",
                    "message": format!("Back-off pulling image \"{}\"", c.image.clone().unwrap_or_default())}}),
                _ => json!({"running": {"startedAt": started}}),
            };
            json!({
                "name": c.name,
                "image": c.image.clone().unwrap_or_default(),
                "imageID": format!("standin://{}", c.image.clone().unwrap_or_default()),
                "containerID": format!("standin://{}-{}", name, c.name),
                "ready": ready,
                "started": matches!(behaviour, Behaviour::Ready | Behaviour::Unready),
                "restartCount": if behaviour == Behaviour::CrashLoop { 5 } else { 0 },
                "state": state,
            })
        })
        .collect();
    let flag = |b: bool| if b { "True" } else { "False" };
    let status = json!({"status": {
        "phase": if matches!(behaviour, Behaviour::ImagePull) { "Pending" } else { "Running" },
        "hostIP": "127.0.0.1",
        "podIP": pod_ip,
        "podIPs": [{"ip": pod_ip}],
        "startTime": started,
        "conditions": [
            {"type": "PodScheduled", "status": "True", "lastTransitionTime": started},
            {"type": "Initialized", "status": "True", "lastTransitionTime": started},
            {"type": "ContainersReady", "status": flag(ready), "lastTransitionTime": now},
            {"type": "Ready", "status": flag(ready), "lastTransitionTime": now},
        ],
        "containerStatuses": container_statuses,
    }});
    match api.patch_status(&name, &PatchParams::default(), &Patch::Merge(&status)).await {
        Ok(_) => Ok(true),
        Err(kube::Error::Api(s)) if s.code == 404 => Ok(false),
        Err(e) => Err(e),
    }
}
