//! `templates/preset-mesh-root-certificate.yaml`: the MeshRootCertificate osm-bootstrap creates
//! when `osm.featureFlags.enableMeshRootCertificate` is on, laid out as the chart writes it.

use serde_json::{Value, json};

use super::go_json;
use crate::model::osm::chart::{PRESET_MESH_ROOT_CERTIFICATE, Scope};

/// Mirrors OSM v1.2.4 `charts/osm/templates/preset-mesh-root-certificate.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    if !v.flag("osm.featureFlags.enableMeshRootCertificate") {
        return vec![];
    }
    let j = |path: &str| go_json(&v.value(path));
    let ns = scope.namespace();
    let kind = v.text("osm.certificateProvider.kind").to_lowercase();
    let mut provider = String::new();
    if kind == "tresor" {
        provider.push_str(&format!(
            "\n    \"tresor\": {{\n      \"ca\": {{\n        \"secretRef\": {{\n          \"name\": {},\n          \"namespace\": \"{ns}\"\n        }}\n      }}\n    }}",
            j("osm.caBundleSecretName")
        ));
    }
    if kind == "cert-manager" {
        provider.push_str(&format!(
            "\n    \"certManager\": {{\n      \"issuerName\": {},\n      \"issuerKind\": {},\n      \"issuerGroup\": {}\n    }}",
            j("osm.certmanager.issuerName"),
            j("osm.certmanager.issuerKind"),
            j("osm.certmanager.issuerGroup")
        ));
    }
    if kind == "vault" {
        provider.push_str(&format!(
            "\n    \"vault\": {{\n      \"token\": {{\n        \"secretKeyRef\": {{\n          \"name\": {},\n          \"key\": {},\n          \"namespace\": \"{ns}\"\n        }}\n      }},\n      \"host\": {},\n      \"role\": {},\n      \"protocol\": {},\n      \"port\": {}\n    }}",
            j("osm.vault.secret.name"),
            j("osm.vault.secret.key"),
            j("osm.vault.host"),
            j("osm.vault.role"),
            j("osm.vault.protocol"),
            j("osm.vault.port")
        ));
    }
    let text =
        format!("{{\n  \"trustDomain\": {},\n  \"provider\": {{{provider}\n  }}\n}}\n", j("osm.trustDomain"));
    vec![json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": PRESET_MESH_ROOT_CERTIFICATE, "namespace": ns},
        "data": {format!("{PRESET_MESH_ROOT_CERTIFICATE}.json"): text},
    })]
}
