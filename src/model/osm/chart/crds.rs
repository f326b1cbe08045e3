//! The CustomResourceDefinitions osm-bootstrap v1.2.4 installs (`cmd/osm-bootstrap/crds` of
//! openservicemesh/osm v1.2.4), embedded byte for byte so that schemas, status subresources and
//! printer columns are exactly upstream's.

use serde_json::Value;

const FILES: [(&str, &str); 10] = [
    ("config_mesh_root_certificate.yaml", include_str!("files/crds/config_mesh_root_certificate.yaml")),
    ("config_meshconfig.yaml", include_str!("files/crds/config_meshconfig.yaml")),
    ("policy_egress.yaml", include_str!("files/crds/policy_egress.yaml")),
    ("policy_ingress_backend.yaml", include_str!("files/crds/policy_ingress_backend.yaml")),
    ("policy_retry.yaml", include_str!("files/crds/policy_retry.yaml")),
    ("policy_upstream_traffic_setting.yaml", include_str!("files/crds/policy_upstream_traffic_setting.yaml")),
    ("smi_http_route_group.yaml", include_str!("files/crds/smi_http_route_group.yaml")),
    ("smi_tcp_route.yaml", include_str!("files/crds/smi_tcp_route.yaml")),
    ("smi_traffic_access.yaml", include_str!("files/crds/smi_traffic_access.yaml")),
    ("smi_traffic_split.yaml", include_str!("files/crds/smi_traffic_split.yaml")),
];

/// Every CRD as an object ready to apply.
pub fn all() -> Vec<Value> {
    FILES
        .iter()
        .map(|(file, text)| {
            serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("embedded CRD {file} is valid YAML: {e}"))
        })
        .collect()
}

/// The CRD named `name` (`meshconfigs.config.openservicemesh.io`, ...).
pub fn named(name: &str) -> Option<Value> {
    all().into_iter().find(|crd| crd["metadata"]["name"] == name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_crd_parses_with_its_name() {
        let crds = super::all();
        assert_eq!(crds.len(), 10);
        assert!(
            crds.iter().all(|c| c["kind"] == "CustomResourceDefinition" && c["metadata"]["name"].is_string())
        );
        assert!(super::named("meshconfigs.config.openservicemesh.io").is_some());
    }
}
