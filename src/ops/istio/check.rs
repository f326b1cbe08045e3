//! `osm check --mesh istio [--pre]`: reads what the checks of [`crate::model::istio::health`] judge.

use k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration;
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use serde_json::Value;

use crate::cluster::{Cluster, Select, access};
use crate::error::Error;
use crate::model::health::{Check, Report};
use crate::model::istio::health::{self, INSTALL_PERMISSIONS, RunningControlPlane};
use crate::ops::diagnose::check::{api_checks, category, deployment_states};
use crate::ops::discovery;

/// Which Istio control plane the checks are about.
#[derive(Debug, Clone)]
pub struct IstioScope {
    pub namespace: String,
    pub revision: String,
}

/// istioctl's precheck: may `osm istio install` go ahead here?
pub async fn pre(cluster: std::result::Result<&Cluster, &Error>, scope: &IstioScope) -> Report {
    let (api, version) = api_checks(cluster).await;
    let (Ok(cluster), Some(version)) = (cluster, version) else {
        return Report::new(vec![api]);
    };
    let mut categories =
        vec![api, category("kubernetes-version", vec![health::kubernetes_version(&version)])];

    let wanted: Vec<access::Permission> = INSTALL_PERMISSIONS
        .iter()
        .map(|(namespaced, group, resource)| access::Permission {
            verb: "create".into(),
            group: group.to_string(),
            resource: resource.to_string(),
            namespace: namespaced.then(|| scope.namespace.clone()),
        })
        .collect();
    let rbac = match access::missing_permissions(cluster, &wanted).await {
        Ok(missing) => {
            let user = cluster
                .user
                .as_deref()
                .map(|u| format!("user \"{u}\""))
                .unwrap_or_else(|| "the current user".into());
            let missing: Vec<String> = missing.iter().map(access::Permission::describe).collect();
            health::permissions(&user, &missing)
        }
        Err(e) => Check::unreadable("istio-pre-rbac", "can create what an Istio install creates (RBAC)", &e),
    };
    categories.push(category("pre-install permissions", vec![rbac]));

    let planes = async {
        let running: Vec<RunningControlPlane> = discovery::list_other_control_planes(cluster)
            .await?
            .into_iter()
            .filter(|p| p.kind == "istio")
            .map(|p| RunningControlPlane {
                revision: p.name,
                namespace: p.namespace,
                version: Some(p.version).filter(|v| !v.is_empty()),
            })
            .collect();
        let osm: Vec<(String, String)> =
            discovery::list_meshes(cluster).await?.into_iter().map(|m| (m.name, m.namespace)).collect();
        Ok::<_, Error>(health::control_planes(&scope.revision, &scope.namespace, &running, &osm))
    }
    .await
    .unwrap_or_else(|e| {
        Check::unreadable(
            "istio-pre-control-plane",
            "no Istio control plane of this revision is in the way",
            &e,
        )
    });
    let gateway_api = match crds(cluster).await {
        Ok(crds) => health::gateway_api_versions(&crds),
        Err(e) => {
            Check::unreadable("istio-pre-gateway-api", "Gateway API CRDs serve the versions Istio needs", &e)
        }
    };
    categories.push(category("pre-install cluster state", vec![planes, gateway_api]));
    Report::new(categories)
}

/// Is the installed Istio control plane of this revision healthy?
pub async fn post(cluster: std::result::Result<&Cluster, &Error>, scope: &IstioScope) -> Report {
    let (api, version) = api_checks(cluster).await;
    let (Ok(cluster), Some(_)) = (cluster, version) else {
        return Report::new(vec![api]);
    };
    let ns = scope.namespace.as_str();
    let selector = format!("istio.io/rev={}", scope.revision);
    let istiod = health::istiod_name(&scope.revision);
    let available = match deployment_states(cluster, ns, &selector, &[istiod.as_str()]).await {
        Ok((states, _)) => health::control_plane_available(ns, &states),
        Err(e) => Check::unreadable(
            "istio-control-plane-available",
            format!("Istio's Deployments in {ns} are available"),
            &e,
        ),
    };
    let webhook_name = health::injector_webhook_name(&scope.revision);
    let webhook = match cluster
        .get::<MutatingWebhookConfiguration>(&webhook_name, &format!("reading webhook {webhook_name}"))
        .await
    {
        Ok(found) => health::injector_webhook(&scope.revision, found.is_some()),
        Err(e) => Check::unreadable(
            "istio-webhook-injector",
            format!("the sidecar injector webhook {webhook_name} exists"),
            &e,
        ),
    };
    let crds = match crds(cluster).await {
        Ok(crds) => health::crds_established(&crds),
        Err(e) => Check::unreadable("istio-crds-established", "Istio's CRDs exist and are established", &e),
    };
    Report::new(vec![
        api,
        category("control-plane", vec![available]),
        category("webhooks", vec![webhook]),
        category("CRDs", vec![crds]),
    ])
}

async fn crds(cluster: &Cluster) -> crate::error::Result<Vec<Value>> {
    let list: Vec<CustomResourceDefinition> =
        cluster.list(Select::ALL, "listing CustomResourceDefinitions").await?;
    Ok(list.into_iter().map(|c| serde_json::to_value(c).unwrap_or(Value::Null)).collect())
}
