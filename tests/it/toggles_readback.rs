//! A write the API server accepts but does not keep must fail (exit 1), not report success.
//! An older MeshConfig CRD whose schema lacks `traffic.enableEgress` prunes the field silently;
//! this module gets its own control plane so that CRD does not disturb the other tests.

use crate::common::fixture::*;
use crate::common::*;

#[test]
fn a_read_back_that_disagrees_is_exit_1() {
    // A control plane of this module's own: the CRD replaced here is the one every mesh uses.
    let c = private_cluster("toggles_readback");
    let mut crd = osm::model::osm::chart::crds::named("meshconfigs.config.openservicemesh.io").unwrap();
    for version in crd["spec"]["versions"].as_array_mut().unwrap() {
        let traffic =
            &mut version["schema"]["openAPIV3Schema"]["properties"]["spec"]["properties"]["traffic"];
        traffic["properties"]
            .as_object_mut()
            .unwrap()
            .remove("enableEgress")
            .expect("the field is in the schema");
    }
    c.apply(&crd.to_string()).success();
    c.kubectl()
        .args([
            "wait",
            "--for=condition=Established",
            "--timeout=60s",
            "crd/meshconfigs.config.openservicemesh.io",
        ])
        .run()
        .success();
    let namespace = c.namespace("readback");
    let m = TestMesh { name: unique_name("readback"), namespace };
    c.apply(&format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: osm-controller\n  namespace: {ns}\n  \
         labels: {{app: osm-controller, meshName: {name}}}\nspec:\n  replicas: 0\n  selector: {{matchLabels: {{app: osm-controller}}}}\n  \
         template:\n    metadata: {{labels: {{app: osm-controller}}}}\n    spec: {{containers: [{{name: c, image: osm-controller}}]}}\n",
        ns = m.namespace,
        name = m.name
    ))
    .success();
    // kubectl from 1.25 on asks the server to refuse the field this CRD lacks; the point here is
    // a MeshConfig the server keeps without it, as kubectl 1.20 wrote it.
    c.kubectl()
        .args(["apply", "--validate=false", "-f", "-"])
        .stdin(MESH_CONFIG.replace("NAMESPACE", &m.namespace))
        .run()
        .success();

    c.osm()
        .args(["egress", "enable", "--mesh-name", &m.name])
        .run()
        .code(1)
        .stderr_has("reads back disabled at spec.traffic.enableEgress");
    assert_eq!(field(c, &m, "traffic.enableEgress"), "");
    c.osm()
        .args(["mesh", "config", "set", "--mesh-name", &m.name, "traffic.enableEgress=true"])
        .run()
        .code(1)
        .stderr_has("reads back <unset>");
    // A field the schema keeps goes through as usual.
    c.osm().args(["permissive", "disable", "--mesh-name", &m.name]).run().success();
    assert_eq!(field(c, &m, "traffic.enablePermissiveTrafficPolicyMode"), "false");
}
