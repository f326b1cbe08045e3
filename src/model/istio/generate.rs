//! `istioctl manifest generate` at 1.30.3: the inputs merged into one IstioOperator
//! (operator/pkg/render/manifest.go:249-334), validated, each component's chart rendered with its
//! own view of the values (manifest.go:68-101, 183-236), post-processed
//! (operator/pkg/render/postprocess.go) and, for printing, sorted
//! (operator/cmd/mesh/manifest-generate.go:139-207).

use serde_json::{Map, Value, json};

use super::values::{self, get_bool, get_map, get_path, get_string, merge_from, set_path, set_spec_paths};
use super::{Component, Manifest, RenderedComponent, helm, manifests, postprocess, validate};
use crate::error::{Error, Result};
use crate::model::input::Input;

/// The hub and tag a release build of istioctl 1.30.3 compiles in (manifest.go:239-246,
/// pkg/version: the release sets `docker.io/istio` and `1.30.3`).
pub const HUB: &str = "docker.io/istio";
pub const TAG: &str = "1.30.3";

/// What the user gave: `-f` files in order (name and contents) and `--set` flags in order.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub files: Vec<(String, String)>,
    pub set: Vec<String>,
    /// `--revision`/`-r`; `default` or empty adds nothing (operator/cmd/mesh/shared.go:70-78).
    pub revision: Option<String>,
    /// `--force`: validation errors become warnings (manifest.go:450-467).
    pub force: bool,
    /// `--manifests`/`-d`: the charts and profiles of a directory instead of the built-in ones.
    pub package: manifests::Package,
}

impl Inputs {
    /// The `--set` list istioctl hands on: the flags, then `revision=` (shared.go:70-78).
    fn set_flags(&self) -> Vec<String> {
        let mut flags = self.set.clone();
        if let Some(revision) = self.revision.as_deref().filter(|r| !r.is_empty() && *r != "default") {
            flags.push(format!("revision={revision}"));
        }
        flags
    }
}

#[derive(Debug)]
/// One entry of `component.AllComponents` (operator/pkg/component/component.go:142-206).
pub struct ComponentDef {
    pub component: Component,
    pub spec_name: &'static str,
    pub default: bool,
    pub multi: bool,
    pub resource_type: &'static str,
    pub resource_name: &'static str,
    pub container_name: &'static str,
    pub helm_subdir: &'static str,
    pub values_root: &'static str,
    pub flatten_values: bool,
    pub alt_enablement_path: &'static str,
}

impl ComponentDef {
    pub fn is_gateway(&self) -> bool {
        matches!(self.component, Component::IngressGateways | Component::EgressGateways)
    }
}

/// component.go:142-206, in its order.
pub const ALL_COMPONENTS: &[ComponentDef] = &[
    ComponentDef {
        component: Component::Base,
        spec_name: "base",
        default: true,
        multi: false,
        resource_type: "",
        resource_name: "",
        container_name: "",
        helm_subdir: "base",
        values_root: "global",
        flatten_values: false,
        alt_enablement_path: "",
    },
    ComponentDef {
        component: Component::Pilot,
        spec_name: "pilot",
        default: true,
        multi: false,
        resource_type: "Deployment",
        resource_name: "istiod",
        container_name: "discovery",
        helm_subdir: "istio-control/istio-discovery",
        values_root: "pilot",
        flatten_values: false,
        alt_enablement_path: "",
    },
    ComponentDef {
        component: Component::IngressGateways,
        spec_name: "ingressGateways",
        default: true,
        multi: true,
        resource_type: "Deployment",
        resource_name: "istio-ingressgateway",
        container_name: "istio-proxy",
        helm_subdir: "gateways/istio-ingress",
        values_root: "gateways.istio-ingressgateway",
        flatten_values: false,
        alt_enablement_path: "spec.values.gateways.istio-ingressgateway.enabled",
    },
    ComponentDef {
        component: Component::EgressGateways,
        spec_name: "egressGateways",
        default: false,
        multi: true,
        resource_type: "Deployment",
        resource_name: "istio-egressgateway",
        container_name: "istio-proxy",
        helm_subdir: "gateways/istio-egress",
        values_root: "gateways.istio-egressgateway",
        flatten_values: false,
        alt_enablement_path: "spec.values.gateways.istio-egressgateway.enabled",
    },
    ComponentDef {
        component: Component::Cni,
        spec_name: "cni",
        default: false,
        multi: false,
        resource_type: "DaemonSet",
        resource_name: "istio-cni-node",
        container_name: "install-cni",
        helm_subdir: "istio-cni",
        values_root: "cni",
        flatten_values: false,
        alt_enablement_path: "",
    },
    ComponentDef {
        component: Component::Ztunnel,
        spec_name: "ztunnel",
        default: false,
        multi: false,
        resource_type: "DaemonSet",
        resource_name: "ztunnel",
        container_name: "istio-proxy",
        helm_subdir: "ztunnel",
        values_root: "ztunnel",
        flatten_values: true,
        alt_enablement_path: "",
    },
];

/// `apis.GatewayComponentSpec` as `Component.Get` builds it (component.go:50-120).
#[derive(Debug, Clone)]
pub struct ComponentSpec {
    pub enabled: Option<bool>,
    pub namespace: String,
    pub hub: String,
    pub tag: Option<Value>,
    pub name: String,
    pub label: Map<String, Value>,
    /// The `k8s` settings, present or not (postprocess.go:41-44 skips work without them).
    pub k8s: Option<Value>,
    /// The raw input map (`spec.Raw`).
    pub raw: Map<String, Value>,
    /// Built from the input (component.go:65-87), which always gives it a label map; the
    /// instance a component gets by default has none.
    pub from_input: bool,
}

fn build_spec(raw: &Map<String, Value>, default_namespace: &str) -> ComponentSpec {
    let text = |key: &str| raw.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
    let mut namespace = text("namespace");
    if namespace.is_empty() {
        namespace = default_namespace.to_string();
    }
    if namespace.is_empty() {
        namespace = "istio-system".into();
    }
    ComponentSpec {
        enabled: raw.get("enabled").and_then(Value::as_bool),
        namespace,
        hub: text("hub"),
        tag: raw.get("tag").filter(|t| !t.is_null()).cloned(),
        name: text("name"),
        label: raw.get("label").and_then(Value::as_object).cloned().unwrap_or_default(),
        k8s: raw.get("k8s").filter(|k| !k.is_null()).cloned(),
        raw: raw.clone(),
        from_input: true,
    }
}

/// `Component.Get` (component.go:50-120): the enabled instances of a component.
pub fn component_specs(def: &ComponentDef, merged: &Value) -> Vec<ComponentSpec> {
    let default_namespace = get_string(merged, "metadata.namespace");
    let alt_enabled = !def.alt_enablement_path.is_empty() && get_bool(merged, def.alt_enablement_path);
    let default_on = def.default || alt_enabled;
    let default_response = || {
        if default_on {
            vec![ComponentSpec {
                enabled: None,
                namespace: default_namespace.clone(),
                hub: String::new(),
                tag: None,
                name: String::new(),
                label: Map::new(),
                k8s: None,
                raw: Map::new(),
                from_input: false,
            }]
        } else {
            Vec::new()
        }
    };
    let path = format!("spec.components.{}", def.spec_name);
    if def.multi {
        let Some(found) = get_path(merged, &path) else { return default_response() };
        let items = found.as_array().cloned().unwrap_or_default();
        return items
            .iter()
            .map(|item| build_spec(item.as_object().unwrap_or(&Map::new()), &default_namespace))
            .filter(|spec| spec.enabled.unwrap_or(true) || alt_enabled)
            .collect();
    }
    let Some(found) = values::get_map(merged, &path) else { return default_response() };
    let spec = build_spec(found, &default_namespace);
    if spec.enabled.unwrap_or(true) || alt_enabled { vec![spec] } else { Vec::new() }
}

/// `MergeInputs` (manifest.go:249-334): base < profile < compiled-in hub/tag < files < --set,
/// then the IstioOperator's own fields translated to Helm values, then the user's values again.
pub fn merge_inputs(inputs: &Inputs) -> Result<Value> {
    let mut user = json!({"apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator", "metadata": {}, "spec": {}});
    for (name, text) in &inputs.files {
        // checkNoMultipleIOPs (manifest.go:336-345): documents with a kind count
        // (operator/pkg/manifest/manifest.go:88-102).
        let objects = split_documents(text)
            .iter()
            .filter(|document| {
                values::from_yaml(document)
                    .ok()
                    .and_then(|v| v.get("kind").and_then(Value::as_str).map(|k| !k.is_empty()))
                    .unwrap_or(false)
            })
            .count();
        if objects > 1 {
            return Err(Error::invalid(format!(
                "{name} contains multiple IstioOperator CRs, only one per file is supported; split it into several -f files"
            )));
        }
        let parsed =
            values::from_yaml(text).map_err(|e| Error::invalid(format!("{name} is not valid YAML: {e}")))?;
        let Value::Object(mut map) = parsed else {
            return Err(Error::invalid(format!(
                "{name} is not an IstioOperator: expected a YAML map at the top"
            )));
        };
        // manifest.go:286-289: an empty spec is dropped.
        if map.get("spec").is_some_and(Value::is_null) {
            map.remove("spec");
        }
        if let Value::Object(user_map) = &mut user {
            merge_from(user_map, &map);
        }
    }
    set_spec_paths(&mut user, &inputs.set_flags())?;

    let profile = get_string(&user, "spec.profile");
    let user_values = get_map(&user, "spec.values").cloned();

    // --manifests is `installPackagePath=<dir>` (shared.go:70-73); the caller read that
    // directory into `package`, so a path named only in a file or --set has nothing behind it.
    let package_path = get_string(&user, "spec.installPackagePath");
    if !package_path.is_empty() && matches!(inputs.package, manifests::Package::Builtin) {
        return Err(Error::invalid(format!(
            "installPackagePath {package_path:?}: give the directory with {} instead",
            Input::Manifests
        )));
    }
    let mut base = read_profile(&inputs.package, &profile)?;
    // Cluster-specific settings (manifest.go:426-447) apply only with a cluster client, which
    // `manifest generate` has only with --cluster-specific.
    set_spec_paths(&mut base, &[format!("hub={HUB}"), format!("tag={TAG}")])?;
    if let (Value::Object(base_map), Value::Object(user_map)) = (&mut base, &user) {
        merge_from(base_map, user_map);
    }
    translate_to_helm(&mut base)?;
    if let (Some(user_values), Value::Object(base_map)) = (user_values, &mut base) {
        merge_from(base_map, &values::make_map(Value::Object(user_values), &["spec", "values"]));
    }
    Ok(base)
}

/// `translateIstioOperatorToHelm` (manifest.go:349-385).
fn translate_to_helm(base: &mut Value) -> Result<()> {
    // Go iterates a map here; the targets are distinct, so the order does not matter.
    let translations = [
        ("spec.hub", "global.hub"),
        ("spec.tag", "global.tag"),
        ("spec.revision", "revision"),
        ("spec.meshConfig", "meshConfig"),
        ("spec.compatibilityVersion", "compatibilityVersion"),
    ];
    for (from, to) in translations {
        let Some(value) = get_path(base, from).cloned() else { continue };
        if value.is_object() {
            let nested = values::make_map(value, &["spec", "values", "meshConfig"]);
            if let Value::Object(base_map) = base {
                merge_from(base_map, &nested);
            }
        } else {
            set_spec_paths(base, &[format!("values.{to}={}", values::go_format(&value))])?;
        }
    }
    let pilot = get_bool(base, "spec.components.pilot.enabled");
    set_path(base, "spec.values.pilot.enabled", Value::Bool(pilot))?;
    let cni = get_bool(base, "spec.components.cni.enabled");
    set_path(base, "spec.values.pilot.cni.enabled", Value::Bool(cni))?;
    let namespace = get_string(base, "spec.values.global.istioNamespace");
    if !namespace.is_empty() {
        set_path(base, "metadata.namespace", Value::String(namespace))?;
    }
    Ok(())
}

/// `readProfile` (manifest.go:388-421): `default`, with the named profile merged on top.
fn read_profile(package: &manifests::Package, profile: &str) -> Result<Value> {
    let profile = if profile.is_empty() { "default" } else { profile };
    let mut base = read_profile_file(package, "default")?;
    if profile == "default" {
        return Ok(base);
    }
    let top = read_profile_file(package, profile)?;
    if let (Value::Object(base_map), Value::Object(top_map)) = (&mut base, &top) {
        merge_from(base_map, top_map);
    }
    Ok(base)
}

fn read_profile_file(package: &manifests::Package, profile: &str) -> Result<Value> {
    let Some(text) = package.profile(profile) else {
        return Err(Error::invalid(format!(
            "profile {profile:?} not found; the profiles are {}",
            package.profile_names().join(", ")
        )));
    };
    values::from_yaml(&text)
        .map_err(|e| Error::failed(format!("Istio's profile {profile} is not valid YAML: {e}")))
}

/// `yml.SplitString` (pkg/test/util/yml/parts.go:58-90): a line starting with `---` ends a
/// document; blank documents are dropped.
pub fn split_documents(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut active = String::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("---") && line.ends_with('\n') {
            parts.push(std::mem::take(&mut active));
        } else {
            active.push_str(line);
        }
    }
    if !active.is_empty() {
        parts.push(active);
    }
    parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// `applyComponentValuesToHelmValues` (manifest.go:183-236): the IstioOperator a component's
/// chart sees.
pub fn component_values(def: &ComponentDef, spec: &ComponentSpec, merged: &Value) -> Result<Value> {
    let root = def.values_root;
    let mut merged = merged.clone();
    let mut cloned = false;
    if def.is_gateway() {
        merged = values::floats(merged);
        cloned = true;
        set_path(&mut merged, &format!("spec.values.{root}.name"), Value::String(spec.name.clone()))?;
        set_path(&mut merged, &format!("spec.values.{root}.labels"), Value::Object(spec.label.clone()))?;
        let ports = spec
            .k8s
            .as_ref()
            .and_then(|k| k.get("service"))
            .and_then(|s| s.get("ports"))
            .and_then(Value::as_array)
            .filter(|p| !p.is_empty());
        if let Some(ports) = ports {
            // The ports go through corev1.ServicePort and back to JSON (manifest.go:191-196).
            let ports: Vec<Value> = ports.iter().map(service_port_json).collect();
            set_path(&mut merged, &format!("spec.values.{root}.ports"), values::floats(Value::Array(ports)))?;
        }
    }
    if !def.flatten_values && spec.hub.is_empty() && spec.tag.is_none() && !spec_has_label(spec) {
        return Ok(merged);
    }
    if !cloned {
        merged = values::floats(merged);
    }
    if !spec.hub.is_empty() {
        set_spec_paths(&mut merged, &[format!("values.{root}.hub={}", spec.hub)])?;
    }
    if let Some(tag) = &spec.tag {
        set_spec_paths(&mut merged, &[format!("values.{root}.tag={}", values::go_format(tag))])?;
    }
    if def.flatten_values
        && let Some(component_values) = get_map(&merged, &format!("spec.values.{root}")).cloned()
    {
        let all = get_map(&merged, "spec.values").cloned().unwrap_or_default();
        let mut flattened = Map::new();
        flattened.insert("global".into(), all.get("global").cloned().unwrap_or(Value::Null));
        for (key, value) in &all {
            if !value.is_object() {
                flattened.insert(key.clone(), value.clone());
            }
        }
        for (key, value) in component_values {
            flattened.insert(key, value);
        }
        if let Some(spec_map) = merged.get_mut("spec").and_then(Value::as_object_mut) {
            spec_map.insert("values".into(), Value::Object(flattened));
        }
    }
    Ok(merged)
}

/// `spec.Label == nil` in Go: Component.Get always makes the map (component.go:82-84), so only
/// the default instance of a component, built without input, has none.
fn spec_has_label(spec: &ComponentSpec) -> bool {
    spec.from_input
}

/// A `corev1.ServicePort` as Go's JSON encoder writes it: `port` and `targetPort` always,
/// the rest when set.
fn service_port_json(port: &Value) -> Value {
    let mut out = Map::new();
    for key in ["name", "protocol", "appProtocol"] {
        if let Some(text) = port.get(key).and_then(Value::as_str).filter(|t| !t.is_empty()) {
            out.insert(key.into(), Value::String(text.into()));
        }
    }
    out.insert("port".into(), port.get("port").cloned().unwrap_or(json!(0)));
    out.insert(
        "targetPort".into(),
        port.get("targetPort").filter(|t| !t.is_null()).cloned().unwrap_or(json!(0)),
    );
    if let Some(node_port) = port.get("nodePort").filter(|n| n.as_f64().is_some_and(|f| f != 0.0)) {
        out.insert("nodePort".into(), node_port.clone());
    }
    Value::Object(out)
}

/// One chart to render: a component instance, its namespace, the IstioOperator as that
/// component sees it, and the values its chart gets (`spec.values` of that view).
#[derive(Debug, Clone)]
pub struct ChartRender {
    pub def: &'static ComponentDef,
    pub spec: ComponentSpec,
    pub namespace: String,
    pub operator: Value,
    pub chart_values: Value,
}

/// Everything `GenerateManifest` decides before any chart renders.
#[derive(Debug, Clone)]
pub struct Plan {
    pub merged: Value,
    pub renders: Vec<ChartRender>,
    pub warnings: Vec<String>,
}

/// `GenerateManifest` up to the Helm call (manifest.go:44-79): inputs merged and validated,
/// unvalidated values added, each enabled component instance with its values.
pub fn plan(inputs: &Inputs) -> Result<Plan> {
    let mut merged = merge_inputs(inputs)?;
    let mut warnings = Vec::new();
    if let Err(err) = validate::check_istio_operator(&merged) {
        if !inputs.force {
            return Err(err);
        }
        warnings.push(format!("spec invalid; continuing because of {}: {err}", Input::Force));
    }
    // manifest.go:56-58: unvalidatedValues join the values after validation.
    if let Some(unvalidated) = get_map(&merged, "spec.unvalidatedValues").cloned()
        && let Value::Object(map) = &mut merged
    {
        merge_from(map, &values::make_map(Value::Object(unvalidated), &["spec", "values"]));
    }
    let mut renders = Vec::new();
    for def in ALL_COMPONENTS {
        for spec in component_specs(def, &merged) {
            let operator = component_values(def, &spec, &merged)?;
            let chart_values = Value::Object(get_map(&operator, "spec.values").cloned().unwrap_or_default());
            renders.push(ChartRender {
                def,
                namespace: spec.namespace.clone(),
                spec,
                operator,
                chart_values,
            });
        }
    }
    Ok(Plan { merged, renders, warnings })
}

/// `GenerateManifest` (manifest.go:44-117): every enabled component rendered, in
/// `AllComponents` order, each with its objects in render order.
pub fn generate(inputs: &Inputs) -> Result<Manifest> {
    let plan = plan(inputs)?;
    let mut components: Vec<RenderedComponent> = Vec::new();
    for render in &plan.renders {
        let chart = inputs.package.chart_files(render.def.helm_subdir);
        let rendered = helm::render(render.def.helm_subdir, chart, &render.namespace, &render.chart_values)?;
        let finalized = postprocess::apply(render.def, &render.spec, rendered, &render.operator)?;
        match components.iter_mut().find(|c| c.component == render.def.component) {
            Some(existing) => existing.objects.extend(finalized),
            None => {
                components.push(RenderedComponent { component: render.def.component, objects: finalized })
            }
        }
    }
    let revision = get_string(&plan.merged, "spec.values.revision");
    let namespace = get_string(&plan.merged, "metadata.namespace");
    Ok(Manifest {
        revision: if revision.is_empty() { "default".into() } else { revision },
        namespace: if namespace.is_empty() { "istio-system".into() } else { namespace },
        components,
        warnings: plan.warnings,
        operator: plan.merged,
    })
}

/// `objectKindOrdering` (manifest-generate.go:168-207).
fn kind_order(object: &Value) -> i32 {
    let (group, kind) = group_kind(object);
    match (group.as_str(), kind.as_str()) {
        ("apiextensions.k8s.io", "CustomResourceDefinition") => -1000,
        ("", "ServiceAccount") | ("rbac.authorization.k8s.io", "ClusterRole") => 1,
        ("rbac.authorization.k8s.io", "ClusterRoleBinding") => 2,
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration") => 3,
        ("", "ConfigMap") | ("", "Secrets") => 100,
        ("extensions", "Deployment") | ("apps", "Deployment") => 1000,
        ("autoscaling", "HorizontalPodAutoscaler") => 1001,
        ("", "Service") => 10000,
        _ => 1000,
    }
}

fn group_kind(object: &Value) -> (String, String) {
    let api_version = object.get("apiVersion").and_then(Value::as_str).unwrap_or_default();
    let group = api_version.rsplit_once('/').map(|(g, _)| g).unwrap_or("");
    let kind = object.get("kind").and_then(Value::as_str).unwrap_or_default();
    (group.to_string(), kind.to_string())
}

/// The objects in the order `manifest generate` prints them (manifest-generate.go:139-166): a
/// stable sort by kind rank, group, kind and name. Go ranges over a map of components first,
/// so objects equal in all four keep an order Go leaves to chance; here it is component order.
pub fn print_order(manifest: &Manifest) -> Vec<&Value> {
    let mut all: Vec<&Value> = manifest.components.iter().flat_map(|c| c.objects.iter()).collect();
    all.sort_by(|a, b| {
        let (ga, ka) = group_kind(a);
        let (gb, kb) = group_kind(b);
        let name =
            |o: &Value| o.pointer("/metadata/name").and_then(Value::as_str).unwrap_or_default().to_string();
        kind_order(a).cmp(&kind_order(b)).then(ga.cmp(&gb)).then(ka.cmp(&kb)).then(name(a).cmp(&name(b)))
    });
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_flags_override_files_and_the_profile() {
        let inputs = Inputs {
            files: vec![(
                "a.yaml".into(),
                "spec:\n  profile: demo\n  values:\n    pilot:\n      replicaCount: 3\n".into(),
            )],
            set: vec!["values.pilot.replicaCount=4".into(), "meshConfig.accessLogFile=/dev/stdout".into()],
            revision: None,
            force: false,
            package: manifests::Package::Builtin,
        };
        let merged = merge_inputs(&inputs).unwrap();
        assert_eq!(get_path(&merged, "spec.values.pilot.replicaCount"), Some(&json!(4)));
        assert_eq!(get_path(&merged, "spec.values.meshConfig.accessLogFile"), Some(&json!("/dev/stdout")));
        assert_eq!(get_path(&merged, "spec.values.global.hub"), Some(&json!(HUB)));
        assert_eq!(get_path(&merged, "spec.values.global.tag"), Some(&json!(TAG)));
        assert_eq!(get_path(&merged, "spec.values.profile"), Some(&json!("demo")));
        assert_eq!(get_path(&merged, "metadata.namespace"), Some(&json!("istio-system")));
        let egress = component_specs(&ALL_COMPONENTS[3], &merged);
        assert_eq!(egress.len(), 1);
        assert_eq!(egress[0].name, "istio-egressgateway");
    }

    #[test]
    fn a_file_holds_one_istio_operator() {
        let one = "---\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: minimal\n---\n# nothing\n";
        let inputs = Inputs { files: vec![("one.yaml".into(), one.into())], ..Inputs::default() };
        assert_eq!(get_path(&merge_inputs(&inputs).unwrap(), "spec.profile"), Some(&json!("minimal")));
        let two = format!("{one}---\nkind: IstioOperator\n");
        let inputs = Inputs { files: vec![("two.yaml".into(), two)], ..Inputs::default() };
        let err = merge_inputs(&inputs).unwrap_err();
        assert!(err.to_string().contains("two.yaml"), "{err}");
    }

    #[test]
    fn an_unknown_profile_is_refused_by_name() {
        let inputs = Inputs { set: vec!["profile=nosuch".into()], ..Inputs::default() };
        let err = merge_inputs(&inputs).unwrap_err();
        assert!(err.to_string().contains("\"nosuch\""), "{err}");
    }

    #[test]
    fn ztunnel_values_are_flattened() {
        let inputs = Inputs { set: vec!["profile=ambient".into()], ..Inputs::default() };
        let merged = merge_inputs(&inputs).unwrap();
        let def = &ALL_COMPONENTS[5];
        let specs = component_specs(def, &merged);
        assert_eq!(specs.len(), 1);
        let flattened = component_values(def, &specs[0], &merged).unwrap();
        assert_eq!(get_path(&flattened, "spec.values.resourceName"), Some(&json!("ztunnel")));
        assert!(get_path(&flattened, "spec.values.global.hub").is_some());
    }
}
