//! Changing a routing object's rules: the edit a verb asks for, with the backends it names
//! resolved against the cluster, and the guarded read-modify-write of the object's whole rule
//! list (`Objects::modify`), so fields osm does not model survive and a concurrent edit is
//! re-applied rather than lost. The edits themselves are the pure functions of `mesh::routing`.

use serde_json::Value;

use crate::cluster::{Cluster, Propagation};
use crate::error::Result;
use crate::model::routing::{self, Api, Edit};
use crate::model::smi::split::SetRequest;

use super::locate::{Located, Resolver, routing_object, split_object};

/// The outcome of a write: the object before and after, and whether anything changed.
pub use crate::cluster::Modified as Written;

/// The edit for new percentages of the default route. TrafficSplits keep their `--add` rule;
/// VirtualServices and HTTPRoutes take any backend that resolves (a defined subset, a Service).
pub async fn split_edit(at: &Located<'_>, mut request: SetRequest) -> Result<Edit> {
    let (cluster, api, namespace, current) = (at.cluster, at.api, at.namespace.as_str(), &at.object);
    if api == Api::Smi {
        return Ok(Edit::Split { request, backends: Vec::new() });
    }
    let have = routing::default_weights(api, current)?;
    let resolver = Resolver::load(cluster, api, namespace).await?;
    let mut backends = Vec::new();
    for (name, _) in &request.assignments {
        if !have.iter().any(|(n, _)| n == name) {
            backends.push(resolver.resolve(&current["spec"], name)?);
        }
    }
    request.add = true;
    Ok(Edit::Split { request, backends })
}

/// The edit giving `backend` `percent` of the default route (the others sharing the rest);
/// a backend new to an Istio or Gateway API route is resolved against the cluster.
pub async fn edit_for(
    cluster: &Cluster,
    api: Api,
    namespace: &str,
    object: &Value,
    backend: &str,
    percent: u32,
) -> Result<Edit> {
    let request =
        SetRequest { assignments: vec![(backend.to_string(), percent)], equal: false, add: api != Api::Smi };
    if api == Api::Smi || routing::default_weights(api, object)?.iter().any(|(n, _)| n == backend) {
        return Ok(Edit::Split { request, backends: Vec::new() });
    }
    let resolved = Resolver::load(cluster, api, namespace).await?.resolve(&object["spec"], backend)?;
    Ok(Edit::Split { request, backends: vec![resolved] })
}

/// The object as `edit` would leave it, computed from the object as read, without a write;
/// refusals come from here, before anything is written.
pub fn planned(at: &Located<'_>, edit: &Edit) -> Result<Value> {
    let current = &at.object;
    let patch = routing::apply(at.api, current, edit)?;
    Ok(patch.as_ref().map_or_else(|| current.clone(), |p| routing::merged(current, p)))
}

/// Applies `edit` to the object as it is when written (read again on a conflict).
pub async fn write(at: &Located<'_>, edit: &Edit) -> Result<Written> {
    let api = at.api;
    at.cluster
        .objects()
        .modify(&routing_object(api, &at.namespace, &at.name), |object| routing::apply(api, object, edit))
        .await
}

/// Deletes the TrafficSplit `name`; false when there was none.
pub async fn delete_split(cluster: &Cluster, namespace: &str, name: &str) -> Result<bool> {
    cluster.objects().delete(&split_object(namespace, name), Propagation::ServerDefault).await
}
