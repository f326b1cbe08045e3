//! Creating a routing object (`osm traffic split create`): a TrafficSplit, a VirtualService for
//! the root host, or an HTTPRoute whose parent is the root Service, its default route split
//! between backends that resolve. One path for the three APIs: build the object, then create it
//! unless an object of that name exists (the same routing is no change; other routing is refused).

use serde_json::{Value, json};

use crate::cluster::Cluster;
use crate::error::{Error, Result};
use crate::model::gateway_api as gateway;
use crate::model::istio::routing as istio;
use crate::model::routing::{self, Api, Backend};
use crate::model::smi::routing::weights_of;
use crate::model::smi::split::Weights;

use super::locate::{Resolver, routing_object};
use crate::model::input::Input;

/// What to create.
pub struct NewRoute<'a> {
    pub api: Api,
    pub namespace: &'a str,
    pub name: &'a str,
    /// The root as given: `svc`, `svc.ns` or `svc.ns.svc.cluster.local`.
    pub service: &'a str,
    /// The root Service's own name.
    pub root: &'a str,
    pub backends: &'a Weights,
    /// An HTTPRoute's port; the root Service's first port when `None`.
    pub port: Option<u16>,
    /// An HTTPRoute may name backends that are not (yet) Services.
    pub allow_missing_services: bool,
}

/// The object to create. A VirtualService's backends are subsets and an HTTPRoute's Services
/// with a port, resolved against the namespace (one list of each); a TrafficSplit needs no read.
pub async fn object(cluster: &Cluster, new: &NewRoute<'_>) -> Result<Value> {
    let spec = match new.api {
        Api::Smi => json!({
            "service": new.service,
            "backends": new.backends.iter().map(|(s, w)| json!({"service": s, "weight": w})).collect::<Vec<_>>(),
        }),
        api => route_spec(&Resolver::load(cluster, api, new.namespace).await?, new)?,
    };
    Ok(json!({
        "apiVersion": new.api.api_version(),
        "kind": new.api.kind(),
        "metadata": { "name": new.name, "namespace": new.namespace },
        "spec": spec,
    }))
}

fn route_spec(resolver: &Resolver, new: &NewRoute<'_>) -> Result<Value> {
    let (root, namespace) = (new.root, new.namespace);
    let weights = routing::new_weights(new.backends);
    if new.api == Api::Istio {
        let empty = json!({ "hosts": [new.service] });
        let resolved = weights
            .iter()
            .map(|(name, w)| Ok((resolver.resolve(&empty, name)?, *w)))
            .collect::<Result<Vec<_>>>()?;
        return Ok(istio::new_spec(new.service, &resolved));
    }
    let root_port = resolver.services.iter().find(|(n, _)| n == root).and_then(|(_, p)| *p);
    let port = new.port.or(root_port.map(|p| p as u16)).ok_or_else(|| {
        Error::invalid(format!(
            "no port for the HTTPRoute: Service {root} does not exist in namespace {namespace} or has no port"
        ))
        .with_hint(format!("pass {}, the port clients use on the root Service", Input::Port))
    })?;
    let resolved = weights
        .iter()
        .map(|(name, w)| {
            if !new.allow_missing_services && !resolver.services.iter().any(|(n, _)| n == name) {
                return Err(Error::invalid(format!(
                    "{name} is not a Service of namespace {namespace}: a new HTTPRoute's backends are Services"
                ))
                .with_hint("check the name, or create the Service first"));
            }
            Ok((Backend { name: name.clone(), target: json!({ "name": name, "port": port }) }, *w))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(gateway::new_spec(root, port, &resolved))
}

/// How a create ended.
pub enum Created {
    /// The object as the API server stored it.
    New(Value),
    /// An object of that name routes the same way already; nothing was written.
    Exists,
    /// An object of that name routes otherwise; nothing was written.
    Conflict(Value),
}

/// Creates `object` (built by [`object`]) unless an object of its name exists.
pub async fn create(cluster: &Cluster, api: Api, object: &Value) -> Result<Created> {
    let namespace = object["metadata"]["namespace"].as_str().unwrap_or_default();
    let name = object["metadata"]["name"].as_str().unwrap_or_default();
    if let Some(existing) = cluster.objects().get(&routing_object(api, namespace, name)).await? {
        return Ok(if same_routing(api, &existing, object)? {
            Created::Exists
        } else {
            Created::Conflict(existing)
        });
    }
    Ok(Created::New(cluster.objects().create(object).await?))
}

/// A TrafficSplit routes the same way when its root and weights are the same; a VirtualService
/// or an HTTPRoute when its rules are.
fn same_routing(api: Api, existing: &Value, wanted: &Value) -> Result<bool> {
    if api == Api::Smi {
        return Ok(existing["spec"]["service"] == wanted["spec"]["service"]
            && weights_of(existing).ok() == weights_of(wanted).ok());
    }
    Ok(routing::table(api, existing)?.rules == routing::table(api, wanted)?.rules)
}
