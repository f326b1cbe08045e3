//! Label and annotation keys, the same as Open Service Mesh's, so meshes installed by the Go CLI
//! or the AKS add-on are recognised.

/// Namespace label naming the mesh that monitors the namespace.
pub const MONITORED_BY_LABEL: &str = "openservicemesh.io/monitored-by";
/// Namespace (or pod) annotation: `enabled` or `disabled`.
pub const SIDECAR_INJECTION_ANNOTATION: &str = "openservicemesh.io/sidecar-injection";
/// Namespace annotation: `enabled` when metrics are scraped.
pub const METRICS_ANNOTATION: &str = "openservicemesh.io/metrics";
/// Namespace label: `"true"` when the mesh must leave the namespace alone.
pub const IGNORE_LABEL: &str = "openservicemesh.io/ignore";

/// Pod label carried by every pod with an Envoy sidecar.
pub const PROXY_UUID_LABEL: &str = "osm-proxy-uuid";

/// `app` label of the controller Deployment; its presence is what makes a mesh exist.
pub const APP_LABEL: &str = "app";
pub const CONTROLLER_APP: &str = "osm-controller";
pub const INJECTOR_APP: &str = "osm-injector";
pub const BOOTSTRAP_APP: &str = "osm-bootstrap";
/// Label carrying the mesh name on the control-plane objects.
pub const MESH_NAME_LABEL: &str = "meshName";
pub const ENFORCE_SINGLE_MESH_LABEL: &str = "enforceSingleMesh";

pub const APP_NAME_LABEL: &str = "app.kubernetes.io/name";
pub const APP_NAME_VALUE: &str = "openservicemesh.io";
pub const APP_INSTANCE_LABEL: &str = "app.kubernetes.io/instance";
pub const APP_VERSION_LABEL: &str = "app.kubernetes.io/version";

/// Prometheus scrape annotations set on meshed pods by `osm metrics enable`.
pub const PROMETHEUS_SCRAPE_ANNOTATION: &str = "prometheus.io/scrape";
pub const PROMETHEUS_PORT_ANNOTATION: &str = "prometheus.io/port";
pub const PROMETHEUS_PATH_ANNOTATION: &str = "prometheus.io/path";

/// The name of the MeshConfig resource in the control-plane namespace.
pub const MESH_CONFIG_NAME: &str = "osm-mesh-config";
/// The default mesh name.
pub const DEFAULT_MESH_NAME: &str = "osm";
