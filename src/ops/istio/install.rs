//! `osm istio install`: what `istioctl install` 1.30.3 writes, in its order
//! (operator/pkg/install/install.go), validated by the API server before the first write, and
//! idempotent: a second identical install says that nothing changed.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use futures::future::join_all;
use serde_json::{Value, json};

use super::{
    CLUSTER_KINDS, ISTIO_FIELD_MANAGER, ISTIO_VERSION, ISTIOCTL_FIELD_MANAGER, NAMESPACED_KINDS,
    component_of_label, owner_labels, pretty_name, removed_name, revision_or_default, selector, set_labels,
};
use crate::cluster::Cluster;
use crate::cluster::wait;
use crate::cluster::{ObjectRef, Propagation, Select};
use crate::error::{Error, ErrorKind, Result};
use crate::model::input::{Input, Remedy};
use crate::model::istio::keys::{COMPONENT_LABEL, NOT_PRUNED_LABEL, REV_LABEL, TAG_LABEL};
use crate::model::istio::{Component, Manifest, RenderedComponent, values};
use crate::ops::Progress;

/// The selectors istioctl gives a webhook it wants to keep but never call
/// (operator/pkg/util/... `NeverMatch`, used by istioctl/pkg/tag/util.go:200-203).
const NEVER_MATCH: &str = "never-match";
const DEACTIVATED_LABEL: &str = "istio.io/deactivated";

/// The default revision tag (istioctl/pkg/tag/tag.go `DefaultRevisionName`).
const DEFAULT_TAG: &str = "default";

pub struct InstallOptions {
    /// How long each component's Deployments get to become ready (`--readiness-timeout`).
    pub readiness_timeout: Duration,
    /// `--force`: conflicting injector webhooks are reported and the install goes on, as
    /// istioctl's does (operator/pkg/install/install.go:67-74).
    pub force: bool,
}

/// What an install did.
#[derive(Debug, Default)]
pub struct Installed {
    pub namespace_created: bool,
    /// Objects whose content the install changed (created or updated).
    pub changed: Vec<String>,
    /// Objects pruned, as istioctl names them.
    pub pruned: Vec<String>,
    /// Whether the default revision's injector webhook was deactivated by this run.
    pub deactivated_injector: bool,
}

impl Installed {
    /// Nothing was written that changed the cluster.
    pub fn unchanged(&self) -> bool {
        !self.namespace_created
            && self.changed.is_empty()
            && self.pruned.is_empty()
            && !self.deactivated_injector
    }
}

/// The manifest's components with istioctl's labels on every object
/// (install.go:220-230, `applyLabelsAndAnnotations`).
pub fn labelled(manifest: &Manifest) -> Vec<RenderedComponent> {
    manifest
        .components
        .iter()
        .map(|c| {
            let labels = owner_labels(manifest, Some(c.component));
            let objects = c
                .objects
                .iter()
                .cloned()
                .map(|mut o| {
                    set_labels(&mut o, &labels);
                    o
                })
                .collect();
            RenderedComponent { component: c.component, objects }
        })
        .collect()
}

fn find<'a>(
    components: &'a [RenderedComponent],
    kind: &str,
    name: impl Fn(&str) -> bool,
) -> Option<&'a Value> {
    components
        .iter()
        .filter(|c| c.component == Component::Pilot)
        .flat_map(|c| c.objects.iter())
        .find(|o| o["kind"] == kind && name(o["metadata"]["name"].as_str().unwrap_or_default()))
}

fn labels_of(obj: &Value) -> BTreeMap<String, String> {
    obj["metadata"]["labels"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
        .collect()
}

/// The default revision tag's objects istioctl applies after an install of the default revision
/// (operator/pkg/webhook/webhook.go:41-71, istioctl/pkg/tag/generate.go:97-165): the tag's
/// injector webhook, the default validator and the tag's Service, made here from the Pilot
/// objects they are rendered from: the same charts with the tag set, which for the default
/// revision differ from them by name, selectors and labels only (apply-requests 026/045,
/// 033/046, 031/047 of the reference).
pub fn tag_objects(manifest: &Manifest, components: &[RenderedComponent]) -> Result<Vec<Value>> {
    let rev = revision_or_default(&manifest.revision).to_string();
    let missing = |what: &str| {
        Error::invalid(format!(
            "the rendering has no {what} in its Pilot component, which the default revision tag is made from"
        ))
        .with_hint("enable Istiod (components.pilot.enabled=true)")
    };
    let injector = find(components, "MutatingWebhookConfiguration", |n| {
        n == "istio-sidecar-injector" || n == format!("istio-sidecar-injector-{rev}")
    })
    .ok_or_else(|| missing("MutatingWebhookConfiguration istio-sidecar-injector"))?;
    let validator = find(components, "ValidatingWebhookConfiguration", |n| n.starts_with("istio-validator"))
        .ok_or_else(|| missing("ValidatingWebhookConfiguration istio-validator"))?;
    let service = find(components, "Service", |n| n == "istiod" || n == format!("istiod-{rev}"))
        .ok_or_else(|| missing("Service istiod"))?;

    // generate.go:339-350: the object's labels, then the canonical injector's but "app"
    // (generate.go:510-520), then the owner labels with the not-pruned mark (webhook.go:50-54).
    let mut custom = owner_labels(manifest, None);
    custom.insert(NOT_PRUNED_LABEL.into(), "true".into());
    let mut injector_labels = labels_of(injector);
    injector_labels.remove("app");
    let merged = |own: &Value| {
        let mut labels = labels_of(own);
        labels.extend(injector_labels.clone());
        labels.extend(custom.clone());
        labels.insert(TAG_LABEL.into(), DEFAULT_TAG.into());
        labels
    };

    let mut tag_webhook = injector.clone();
    let labels = merged(injector);
    tag_webhook["metadata"] = json!({"name": format!("istio-revision-tag-{DEFAULT_TAG}")});
    set_labels(&mut tag_webhook, &labels);

    let mut default_validator = validator.clone();
    let labels = merged(validator);
    default_validator["metadata"] = json!({"name": format!("istiod-{DEFAULT_TAG}-validator")});
    set_labels(&mut default_validator, &labels);
    for webhook in default_validator["webhooks"].as_array_mut().into_iter().flatten() {
        if let Some(name) = webhook["name"].as_str().and_then(|n| n.strip_prefix("rev.")) {
            webhook["name"] = Value::String(name.to_string());
        }
        // The default validator checks what no revision claims (base chart,
        // validatingwebhookconfiguration.yaml with the tag set).
        webhook["objectSelector"] =
            json!({"matchExpressions": [{"key": REV_LABEL, "operator": "DoesNotExist"}]});
    }

    let mut tag_service = service.clone();
    let labels = merged(service);
    let namespace = service["metadata"]["namespace"].clone();
    tag_service["metadata"] =
        json!({"name": format!("istiod-revision-tag-{DEFAULT_TAG}"), "namespace": namespace});
    set_labels(&mut tag_service, &labels);
    tag_service["spec"]["selector"] = json!({"app": "istiod", REV_LABEL: rev});
    // generate.go:385-400 re-encodes the Service from Go's typed struct: a port without a
    // targetPort gets its zero value, and an empty status is written out.
    for port in tag_service["spec"]["ports"].as_array_mut().into_iter().flatten() {
        if port.get("targetPort").is_none() {
            port["targetPort"] = json!(0);
        }
    }
    tag_service["status"] = json!({"loadBalancer": {}});
    Ok(vec![tag_webhook, default_validator, tag_service])
}

/// Whether the install sets the default revision tag: `detectIfTagWebhookIsNeeded`
/// (operator/pkg/webhook/webhook.go:174-179): unless istiod manages the webhooks
/// (`values.global.operatorManageWebhooks`), an install of the default revision always does, and
/// an install of another revision does when no default tag exists yet (`existing_tag` is the
/// revision the existing one points at, if any).
pub fn tag_needed(manifest: &Manifest, existing_tag: Option<&str>) -> bool {
    let operator_manages = values::get_bool(&manifest.operator, "spec.values.global.operatorManageWebhooks");
    let is_default = revision_or_default(&manifest.revision) == DEFAULT_TAG;
    !operator_manages && (existing_tag.is_none() || is_default)
}

/// The revision the default tag points at, when one exists: `PreviousInstallExists`
/// (istioctl/pkg/tag/util.go:169-179) looks for an injector webhook labelled
/// `app=sidecar-injector` and `istio.io/tag=default`. One this install renders itself (through
/// `values.revisionTags`) counts too: istioctl looks after applying the components.
pub async fn existing_default_tag(
    cluster: &Cluster,
    components: &[RenderedComponent],
) -> Result<Option<String>> {
    let is_tag = |o: &Value| {
        o["kind"] == "MutatingWebhookConfiguration"
            && o["metadata"]["labels"]["app"] == "sidecar-injector"
            && o["metadata"]["labels"][TAG_LABEL] == DEFAULT_TAG
    };
    let rev_of = |o: &Value| o["metadata"]["labels"][REV_LABEL].as_str().unwrap_or(DEFAULT_TAG).to_string();
    if let Some(rendered) = components.iter().flat_map(|c| c.objects.iter()).find(|o| is_tag(o)) {
        return Ok(Some(rev_of(rendered)));
    }
    let found = cluster
        .objects()
        .list(
            "admissionregistration.k8s.io/v1",
            "MutatingWebhookConfiguration",
            None,
            Select::labels(&format!("app=sidecar-injector,{TAG_LABEL}={DEFAULT_TAG}")),
        )
        .await?;
    Ok(found.first().map(rev_of))
}

/// The default revision tag's objects pointing at the installed revision, made as istioctl makes
/// them for any revision (operator/pkg/webhook/webhook.go:41-71 with
/// istioctl/pkg/tag/generate.go:97-165; the install takes [`tag_objects`] for the default
/// revision, whose result this equals there, and this for every other revision): the tag's
/// injector webhook and Service rendered from Istio's charts as `generateMutatingWebhook` and
/// `generateTagService` render them (generate.go:352-472: profile empty, Pilot enabled, the
/// revision, `values.revisionTags` = [default]), the injector's service path and name taken from
/// the revision's own injector (generate.go:453-460, 474-534); and the default validator, which
/// points at the revision's istiod and checks what no revision claims.
pub fn revision_tag_objects(manifest: &Manifest, components: &[RenderedComponent]) -> Result<Vec<Value>> {
    let rev = revision_or_default(&manifest.revision).to_string();
    let canonical = find(components, "MutatingWebhookConfiguration", |n| {
        n == format!("istio-sidecar-injector-{rev}") || n == "istio-sidecar-injector"
    })
    .ok_or_else(|| {
        Error::invalid(format!(
            "revision {rev} renders no sidecar injector webhook, which the default revision tag is made from"
        ))
        .with_hint(Remedy::EnableIstiodOrTagLater)
    })?;
    let auto_inject =
        values::get_bool(&manifest.operator, "spec.values.sidecarInjectorWebhook.enableNamespacesByDefault");
    // generateMutatingWebhook renders the default revision with an empty one (generate.go:480-483),
    // generateTagService with the revision as named (generate.go:352-360).
    let render = |revision: &str| -> Result<Vec<Value>> {
        let mut set = vec![
            "profile=empty".to_string(),
            "components.pilot.enabled=true".to_string(),
            format!("values.revisionTags[0]={DEFAULT_TAG}"),
            format!("values.sidecarInjectorWebhook.enableNamespacesByDefault={auto_inject}"),
            format!("values.global.istioNamespace={}", manifest.namespace),
        ];
        if !revision.is_empty() {
            set.push(format!("revision={revision}"));
        }
        let inputs = crate::model::istio::Inputs {
            set,
            package: crate::model::istio::manifests::Package::Builtin,
            ..Default::default()
        };
        let rendered = crate::model::istio::generate(&inputs)?;
        Ok(rendered.components.into_iter().flat_map(|c| c.objects).collect())
    };
    let missing =
        |what: &str| Error::failed(format!("Istio's charts rendered no {what} for the default revision tag"));
    let mut webhook = render(if rev == DEFAULT_TAG { "" } else { &rev })?
        .into_iter()
        .find(|o| {
            o["kind"] == "MutatingWebhookConfiguration"
                && o["metadata"]["name"].as_str().is_some_and(|n| n.starts_with("istio-revision-tag-"))
        })
        .ok_or_else(|| missing("MutatingWebhookConfiguration istio-revision-tag-default"))?;
    let mut service = render(&rev)?
        .into_iter()
        .find(|o| o["kind"] == "Service" && o["metadata"]["labels"][TAG_LABEL] == DEFAULT_TAG)
        .ok_or_else(|| missing("Service istiod-revision-tag-default"))?;

    // The first webhook named for injection gives the service's path and name (generate.go:487-505).
    let injection = canonical["webhooks"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|w| w["name"].as_str().is_some_and(|n| n.ends_with("sidecar-injector.istio.io")))
        .cloned()
        .unwrap_or(Value::Null);
    for wh in webhook["webhooks"].as_array_mut().into_iter().flatten() {
        if wh["clientConfig"]["service"].is_object() {
            wh["clientConfig"]["service"]["path"] =
                injection["clientConfig"]["service"]["path"].as_str().map_or(json!(""), |p| json!(p));
            if let Some(name) = injection["clientConfig"]["service"]["name"].as_str() {
                wh["clientConfig"]["service"]["name"] = json!(name);
            }
        }
    }
    // generateLabels (generate.go:339-350): the rendered labels, the revision injector's but
    // "app" (generate.go:510-520; not for the Service, generate.go:396), then the install's
    // owner labels marked not to be pruned (webhook.go:50-54).
    let mut custom = owner_labels(manifest, None);
    custom.insert(NOT_PRUNED_LABEL.into(), "true".into());
    let mut canonical_labels = labels_of(canonical);
    canonical_labels.remove("app");
    let mut labels = labels_of(&webhook);
    labels.extend(canonical_labels);
    labels.extend(custom.clone());
    set_labels(&mut webhook, &labels);
    if let Some(annotations) = canonical["metadata"]["annotations"].as_object() {
        for (k, v) in annotations {
            webhook["metadata"]["annotations"][k] = v.clone();
        }
    }
    let mut labels = labels_of(&service);
    labels.extend(custom);
    set_labels(&mut service, &labels);
    // generate.go:380-400 re-encodes the Service from Go's typed struct, as for the default revision.
    for port in service["spec"]["ports"].as_array_mut().into_iter().flatten() {
        if port.get("targetPort").is_none() {
            port["targetPort"] = json!(0);
        }
    }
    service["status"] = json!({"loadBalancer": {}});

    // The validator as for the default revision: made from the revision's own, pointing at its istiod.
    let validator = tag_objects(manifest, components)?.remove(1);
    Ok(vec![webhook, validator, service])
}

/// The injector webhook with every selector made never to match
/// (istioctl/pkg/tag/util.go:185-213), or `None` when it already is.
pub fn deactivated(webhook: &Value) -> Option<Value> {
    let never = json!({"matchLabels": {DEACTIVATED_LABEL: NEVER_MATCH}});
    let mut changed = webhook.clone();
    let mut any = false;
    for wh in changed["webhooks"].as_array_mut().into_iter().flatten() {
        for field in ["namespaceSelector", "objectSelector"] {
            if wh[field] != never {
                wh[field] = never.clone();
                any = true;
            }
        }
    }
    any.then_some(changed)
}

/// The plain namespace istioctl creates when it is missing (operator/pkg/util/k8s.go:33-63).
fn namespace_object(name: &str) -> Value {
    // client-go encodes the typed Namespace with its empty spec and status (apply-requests/001).
    json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}, "spec": {}, "status": {}})
}

/// What changes when an object's content changes: labels, annotations, and its generation
/// where it has one (so that controllers' status writes do not count), else its content
/// without the server's bookkeeping.
fn fingerprint(obj: &Value) -> String {
    let meta = &obj["metadata"];
    if let Some(generation) = meta["generation"].as_i64() {
        return format!("g{generation} {} {}", meta["labels"], meta["annotations"]);
    }
    let mut content = obj.clone();
    if let Some(meta) = content["metadata"].as_object_mut() {
        for key in ["resourceVersion", "managedFields", "uid", "creationTimestamp"] {
            meta.remove(key);
        }
    }
    if let Some(map) = content.as_object_mut() {
        map.remove("status");
    }
    content.to_string()
}

/// A one-line description of an object for plans and messages: `Kind namespace/name`.
fn describe(obj: &Value) -> String {
    ObjectRef::of(obj).describe()
}

/// What `--dry-run` prints: every write an install would make, in order; nothing is sent.
/// `existing_tag` is the revision the default revision tag points at, if one exists.
pub fn plan_lines(
    manifest: &Manifest,
    namespace_exists: bool,
    existing_tag: Option<&str>,
) -> Result<Vec<String>> {
    let components = labelled(manifest);
    let mut lines = Vec::new();
    if !namespace_exists {
        lines.push(format!("create Namespace {}", manifest.namespace));
    }
    for c in &components {
        for o in &c.objects {
            lines.push(format!("apply {} ({})", describe(o), c.component.label()));
        }
    }
    lines.push(format!(
        "prune objects labelled for this install ({}) that the rendering no longer has",
        selector(&owner_labels(manifest, None))
    ));
    if tag_needed(manifest, existing_tag) {
        lines.push("deactivate the selectors of the default revision's injector webhook".into());
        let tag = if revision_or_default(&manifest.revision) == DEFAULT_TAG {
            tag_objects(manifest, &components)?
        } else {
            revision_tag_objects(manifest, &components)?
        };
        for o in tag {
            lines.push(format!("apply {} (default revision tag)", describe(&o)));
        }
    } else if let Some(points_at) = existing_tag {
        lines.push(format!("leave the default revision tag pointing at revision {points_at}"));
    }
    Ok(lines)
}

/// Whether the namespace exists (for `--dry-run`, which only reads).
pub async fn namespace_exists(cluster: &Cluster, namespace: &str) -> Result<bool> {
    Ok(cluster.objects().get(&ObjectRef::of(&namespace_object(namespace))).await?.is_some())
}

/// `istioctl install` once rendered: the namespace, a server-side dry run of everything, then
/// the components in dependency order, each waited for; then the prune and the default
/// revision tag. A readiness timeout ends the run before the prune, exit 5.
pub async fn install(
    out: &dyn Progress,
    cluster: &Cluster,
    manifest: &Manifest,
    opts: &InstallOptions,
) -> Result<Installed> {
    let components = labelled(manifest);
    let existing_tag = existing_default_tag(cluster, &components).await?;
    let extras = if !tag_needed(manifest, existing_tag.as_deref()) {
        if let Some(points_at) = &existing_tag {
            out.info(&format!(
                "The default revision tag points at revision {points_at}; left as it is ({} moves it)",
                Remedy::MoveDefaultTag { revision: manifest.revision.clone() }
            ));
        }
        Vec::new()
    } else if revision_or_default(&manifest.revision) == DEFAULT_TAG {
        // operator/pkg/webhook/webhook.go:146-160: the tag moves from another revision.
        if existing_tag.as_deref().is_some_and(|r| r != DEFAULT_TAG) {
            out.info(
                "This installation will make default injection and validation pointing to the default revision, and originally it was pointing to the revisioned one.",
            );
        }
        tag_objects(manifest, &components)?
    } else {
        revision_tag_objects(manifest, &components)?
    };
    match check_webhooks(cluster, manifest, &components).await {
        Err(e) if opts.force && e.kind == ErrorKind::Invalid => {
            out.warn(&format!(
                "invalid webhook configs; continuing because of {}: {}",
                Input::Force,
                e.message
            ));
        }
        result => result?,
    }
    let mut extras = extras;
    keep_fail_policy(cluster, &mut extras).await?;
    let namespace_created = validate(out, cluster, manifest, &components, &extras).await?;
    let mut installed = Installed { namespace_created, ..Installed::default() };

    let keep_deactivated = !extras.is_empty();
    let changed = std::sync::Mutex::new(Vec::new());
    let run = |c: Component| {
        let components = &components;
        let changed = &changed;
        async move {
            let Some(rc) = components.iter().find(|rc| rc.component == c) else { return Ok(()) };
            if rc.objects.is_empty() {
                return Ok(());
            }
            let result = apply_component(out, cluster, rc, opts.readiness_timeout, keep_deactivated).await;
            match result {
                Ok(names) => {
                    changed.lock().expect("not poisoned").extend(names);
                    out.info(&format!("✔ {} installed {}", pretty_name(c), emoji(c)));
                    Ok(())
                }
                Err(e) => {
                    out.info(&format!("✘ {} encountered an error: {}", pretty_name(c), e.message));
                    Err((c, e))
                }
            }
        }
    };
    // install.go:115-150, 263-275: Base first; Pilot and Cni after it; the gateways after Pilot,
    // Ztunnel after Cni. A failed component still releases its dependents, as istioctl's does.
    let mut errors: Vec<(Component, Error)> = Vec::new();
    if let Err(e) = run(Component::Base).await {
        errors.push(e);
    }
    let pilot_branch = async {
        let mut errs = Vec::new();
        if let Err(e) = run(Component::Pilot).await {
            errs.push(e);
        }
        for r in join_all([run(Component::IngressGateways), run(Component::EgressGateways)]).await {
            if let Err(e) = r {
                errs.push(e);
            }
        }
        errs
    };
    let cni_branch = async {
        let mut errs = Vec::new();
        if let Err(e) = run(Component::Cni).await {
            errs.push(e);
        }
        if let Err(e) = run(Component::Ztunnel).await {
            errs.push(e);
        }
        errs
    };
    let (a, b) = futures::join!(pilot_branch, cni_branch);
    errors.extend(a);
    errors.extend(b);
    installed.changed = changed.into_inner().expect("not poisoned");
    if !errors.is_empty() {
        return Err(combined(errors, opts.readiness_timeout, &manifest.namespace));
    }

    out.info("- Pruning removed resources");
    installed.pruned = prune(out, cluster, manifest, &components).await?;

    if !extras.is_empty() {
        installed.deactivated_injector = deactivate_injector(cluster, manifest).await?;
        for obj in &extras {
            if apply_tracked(cluster, obj).await? {
                installed.changed.push(describe(obj));
            }
        }
    }
    out.info("✔ Installation complete");
    Ok(installed)
}

/// istioctl's check before its first write (operator/pkg/install/install.go:67-74,
/// operator/pkg/webhook/webhook.go:73-144): an injector webhook of this install that would
/// inject into the same pods as one in the cluster is refused, naming both; under `--force` the
/// caller reports it and goes on, as istioctl does.
async fn check_webhooks(
    cluster: &Cluster,
    manifest: &Manifest,
    components: &[RenderedComponent],
) -> Result<()> {
    let in_cluster = cluster
        .objects()
        .list("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", None, Select::labels(""))
        .await?;
    // `PreviousInstallExists` (istioctl/pkg/tag/util.go:171-179), asked of the cluster before
    // anything is applied, as webhook.go:81 asks it.
    let exists = in_cluster.iter().any(|w| {
        let labels = &w["metadata"]["labels"];
        labels["app"] == "sidecar-injector" && labels[TAG_LABEL] == DEFAULT_TAG
    });
    let needed = tag_needed(manifest, exists.then_some(""));
    let lines = crate::model::istio::webhooks::conflicts(components, &in_cluster, needed);
    if lines.is_empty() {
        return Ok(());
    }
    let others = crate::model::istio::webhooks::others_named(&lines, components);
    let names = others.join(" ");
    Err(Error::invalid(format!(
        "creating default tag would conflict (istioctl's check of overlapping injector webhooks):\n  {}",
        lines.join("\n  ")
    ))
    .with_hint(format!("{}; nothing was written", Remedy::RemoveOverlappingWebhooks { names })))
}

/// `fixWhConfig` (istioctl/pkg/tag/generate.go:239-269): istiod turns the default validator's
/// failure policy to `Fail` once it serves validation; the tag's validator then leaves the
/// policy out for each such webhook, so the `Ignore` the chart renders does not open validation
/// again, and takes any other policy the cluster has.
async fn keep_fail_policy(cluster: &Cluster, extras: &mut [Value]) -> Result<()> {
    let Some(validator) = extras.iter_mut().find(|o| o["kind"] == "ValidatingWebhookConfiguration") else {
        return Ok(());
    };
    let Some(live) = cluster.objects().get(&ObjectRef::of(validator)).await? else { return Ok(()) };
    keep_policies(validator, &live);
    Ok(())
}

/// The failure policies of `live`'s webhooks over `validator`'s of the same name: `Fail` and none
/// left out, any other copied (generate.go:261-267, 326-330).
fn keep_policies(validator: &mut Value, live: &Value) {
    for live_wh in live["webhooks"].as_array().into_iter().flatten() {
        let policy = live_wh["failurePolicy"].as_str().filter(|p| *p != "Fail");
        for wh in validator["webhooks"].as_array_mut().into_iter().flatten() {
            if wh["name"] != live_wh["name"] {
                continue;
            }
            match (policy, wh.as_object_mut()) {
                (Some(p), Some(map)) => {
                    map.insert("failurePolicy".into(), json!(p));
                }
                (None, Some(map)) => {
                    map.remove("failurePolicy");
                }
                _ => {}
            }
        }
    }
}

fn emoji(c: Component) -> &'static str {
    // operator/pkg/util/progress/progress.go: the marks istioctl ends each component's line with.
    match c {
        Component::Base => "⛵️",
        Component::Pilot => "🧠",
        Component::Cni => "🪢",
        Component::Ztunnel => "🔒",
        Component::IngressGateways => "🛬",
        Component::EgressGateways => "🛫",
    }
}

/// One error for every component that failed: a timeout (exit 5) when any wait ran out, the
/// first failure's kind otherwise; the message names each component and why.
fn combined(errors: Vec<(Component, Error)>, timeout: Duration, namespace: &str) -> Error {
    let kind = if errors.iter().any(|(_, e)| e.kind == ErrorKind::Timeout) {
        ErrorKind::Timeout
    } else {
        errors[0].1.kind
    };
    // Each component's own lines (the unready pods) go one level deeper than the component.
    let lines: Vec<String> = errors
        .iter()
        .map(|(c, e)| format!("{}: {}", pretty_name(*c), e.message.replace("\n  ", "\n    ")))
        .collect();
    let err = Error::new(kind, format!("Istio was not installed completely:\n  {}", lines.join("\n  ")));
    if kind == ErrorKind::Timeout {
        err.with_hint(format!(
            "nothing was pruned and the default revision tag was not set; {}",
            Remedy::DescribeIstioPods {
                namespace: namespace.to_string(),
                timeout: crate::model::duration::format_duration(timeout)
            }
        ))
    } else {
        err
    }
}

/// Creates the namespace when missing (istioctl's first write), then asks the API server to
/// validate every object (dry run). On a refusal nothing else is written and the namespace this
/// call created is removed again. Returns whether the namespace was created.
async fn validate(
    out: &dyn Progress,
    cluster: &Cluster,
    manifest: &Manifest,
    components: &[RenderedComponent],
    extras: &[Value],
) -> Result<bool> {
    let ns = namespace_object(&manifest.namespace);
    let created = cluster.objects().create_if_absent_as(&ns, ISTIOCTL_FIELD_MANAGER).await?;
    // A custom resource of a CRD this install brings cannot be validated before the CRD exists.
    let new_kinds: BTreeSet<String> = components
        .iter()
        .flat_map(|c| c.objects.iter())
        .filter(|o| o["kind"] == "CustomResourceDefinition")
        .filter_map(|o| o["spec"]["names"]["kind"].as_str().map(str::to_string))
        .collect();
    let objects: Vec<&Value> =
        components.iter().flat_map(|c| c.objects.iter()).chain(extras.iter()).collect();
    let results =
        join_all(objects.iter().map(|o| cluster.objects().apply_dry_run_as(o, ISTIO_FIELD_MANAGER))).await;
    let refused: Vec<Error> = results
        .into_iter()
        .zip(objects.iter())
        .filter_map(|(r, o)| match r {
            Err(e) if e.status == Some(404) && new_kinds.contains(o["kind"].as_str().unwrap_or_default()) => {
                None
            }
            Err(e) => Some(e),
            Ok(()) => None,
        })
        .collect();
    if refused.is_empty() {
        out.debug(&format!("{} objects validated by the API server (dry run)", objects.len()));
        return Ok(created);
    }
    if created && let Err(e) = cluster.objects().delete(&ObjectRef::of(&ns), Propagation::Background).await {
        out.warn(&format!(
            "could not remove namespace {}, which this install created: {e}",
            manifest.namespace
        ));
    }
    let kind = if refused.iter().all(|e| e.kind == ErrorKind::Invalid) {
        ErrorKind::Invalid
    } else {
        refused[0].kind
    };
    let lines: Vec<String> = refused.iter().map(|e| e.message.clone()).collect();
    Err(Error::new(
        kind,
        format!("the API server refused Istio's objects (server-side dry run):\n  {}", lines.join("\n  ")),
    )
    .with_hint(format!("{}; nothing was changed", Remedy::FixValuesNamedAbove)))
}

/// Applies one object and says whether its content changed.
async fn apply_tracked(cluster: &Cluster, obj: &Value) -> Result<bool> {
    apply_keeping(cluster, obj, false).await
}

/// Whether the object is the default revision's own injector webhook, the one the default tag
/// deactivates (istioctl/pkg/tag/util.go:185-197 finds it by these labels).
fn is_default_injector(obj: &Value) -> bool {
    let labels = &obj["metadata"]["labels"];
    obj["kind"] == "MutatingWebhookConfiguration"
        && labels[REV_LABEL] == DEFAULT_TAG
        && labels[TAG_LABEL].is_null()
}

/// [`apply_tracked`]; with `keep_deactivated`, the default injector, when the default tag has
/// deactivated it already, is applied without its selectors. istioctl applies them as rendered,
/// which turns the injector back on until its update turns it off again, a moment in which two
/// webhooks inject into every new pod; and the two writes make every re-install a change. Left
/// out, the selectors stay as the deactivation set them (the update owns them).
async fn apply_keeping(cluster: &Cluster, obj: &Value, keep_deactivated: bool) -> Result<bool> {
    let before = cluster.objects().get(&ObjectRef::of(obj)).await?;
    let mut body = obj.clone();
    if keep_deactivated
        && is_default_injector(obj)
        && let Some(live) = &before
        && live["webhooks"].as_array().is_some_and(|w| !w.is_empty())
        && deactivated(live).is_none()
    {
        for wh in body["webhooks"].as_array_mut().into_iter().flatten() {
            if let Some(map) = wh.as_object_mut() {
                map.remove("namespaceSelector");
                map.remove("objectSelector");
            }
        }
    }
    let after = cluster.objects().apply_as(&body, ISTIO_FIELD_MANAGER).await?;
    let before = before.map(|b| fingerprint(&b));
    Ok(before.as_deref() != Some(fingerprint(&after).as_str()))
}

/// One component: its objects in render order, then its Deployments waited for
/// (install.go:165-190). Returns the objects whose content changed.
async fn apply_component(
    out: &dyn Progress,
    cluster: &Cluster,
    rc: &RenderedComponent,
    timeout: Duration,
    keep_deactivated: bool,
) -> Result<Vec<String>> {
    out.info(&format!("- Processing resources for {}.", pretty_name(rc.component)));
    let mut changed = Vec::new();
    for obj in &rc.objects {
        if apply_keeping(cluster, obj, keep_deactivated).await? {
            changed.push(describe(obj));
        }
    }
    // wait.go:82-148: a component is ready when its Deployments and its DaemonSets (Cni's and
    // Ztunnel's node agents) all are, polled together within one timeout.
    let mut waits = Vec::new();
    for kind in ["Deployment", "DaemonSet"] {
        let mut by_namespace: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for obj in rc.objects.iter().filter(|o| o["kind"] == kind) {
            let ns = obj["metadata"]["namespace"].as_str().unwrap_or_default().to_string();
            by_namespace
                .entry(ns)
                .or_default()
                .push(obj["metadata"]["name"].as_str().unwrap_or_default().into());
        }
        for (ns, names) in by_namespace {
            out.info(&format!(
                "- Processing resources for {}. Waiting for {kind}/{ns}/{}",
                pretty_name(rc.component),
                names.join(", ")
            ));
            waits.push(async move {
                if kind == "Deployment" {
                    wait::wait_deployments(cluster, &ns, &names, timeout, |_| {}).await
                } else {
                    wait::wait_daemonsets(cluster, &ns, &names, timeout).await
                }
            });
        }
    }
    let errors: Vec<Error> = join_all(waits).await.into_iter().filter_map(|r| r.err()).collect();
    match errors.len() {
        0 => Ok(changed),
        1 => Err(errors.into_iter().next().expect("one error")),
        _ => {
            let kind = if errors.iter().any(|e| e.kind == ErrorKind::Timeout) {
                ErrorKind::Timeout
            } else {
                errors[0].kind
            };
            let hint = errors.iter().find_map(|e| e.hint.clone());
            let message = errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("\n  ");
            let err = Error::new(kind, message);
            Err(match hint {
                Some(h) => err.with_hint(h),
                None => err,
            })
        }
    }
}

/// istioctl's prune (install.go:232-293): every object of the pruned kinds carrying this install's
/// labels and a component label that this rendering does not have under that component, unless
/// marked not-pruned, is deleted (dependents first). Returns them as istioctl prints them.
async fn prune(
    out: &dyn Progress,
    cluster: &Cluster,
    manifest: &Manifest,
    components: &[RenderedComponent],
) -> Result<Vec<String>> {
    let rendered: BTreeSet<(String, String, String, String)> = components
        .iter()
        .flat_map(|c| c.objects.iter().map(move |o| (c.component.label().to_string(), o)))
        .map(|(c, o)| {
            let r = ObjectRef::of(o);
            (c, r.kind, r.namespace.unwrap_or_default(), r.name)
        })
        .collect();
    let select = format!("{},{COMPONENT_LABEL}", selector(&owner_labels(manifest, None)));
    let mut removed = Vec::new();
    for k in NAMESPACED_KINDS.iter().chain(CLUSTER_KINDS) {
        let objects = match cluster.objects().list(k.api_version, k.kind, None, Select::labels(&select)).await
        {
            Ok(objects) => objects,
            // A kind the cluster does not serve (EnvoyFilter before Istio's CRDs) has no objects.
            Err(e) if e.status == Some(404) => continue,
            Err(e) => return Err(e),
        };
        for mut obj in objects {
            // Lists leave out each item's apiVersion and kind.
            obj["apiVersion"] = json!(k.api_version);
            obj["kind"] = json!(k.kind);
            let labels = labels_of(&obj);
            let component = labels.get(COMPONENT_LABEL).cloned().unwrap_or_default();
            let r = ObjectRef::of(&obj);
            let key =
                (component.clone(), r.kind.clone(), r.namespace.clone().unwrap_or_default(), r.name.clone());
            if rendered.contains(&key)
                || labels.get(NOT_PRUNED_LABEL).is_some_and(|v| v == "true")
                || component_of_label(&component).is_none()
            {
                continue;
            }
            if cluster.objects().delete(&r, Propagation::Foreground).await? {
                let name = removed_name(&obj);
                out.data(&format!("  Removed {name}."));
                removed.push(name);
            }
        }
    }
    Ok(removed)
}

/// Deactivates the default revision's own injector webhook, so that only the default tag's
/// webhook injects (istioctl/pkg/tag/util.go:185-213). It is the one webhook labelled with the
/// default revision and no tag; true when it had to be changed.
async fn deactivate_injector(cluster: &Cluster, manifest: &Manifest) -> Result<bool> {
    let _ = manifest;
    let api_version = "admissionregistration.k8s.io/v1";
    let kind = "MutatingWebhookConfiguration";
    let found = cluster
        .objects()
        .list(api_version, kind, None, Select::labels(&format!("{REV_LABEL}={DEFAULT_TAG},!{TAG_LABEL}")))
        .await?;
    if found.len() > 1 {
        return Err(Error::invalid(format!(
            "{} MutatingWebhookConfigurations carry {REV_LABEL}={DEFAULT_TAG} without {TAG_LABEL}; expected one",
            found.len()
        )));
    }
    let Some(mut webhook) = found.into_iter().next() else { return Ok(false) };
    webhook["apiVersion"] = json!(api_version);
    webhook["kind"] = json!(kind);
    let Some(update) = deactivated(&webhook) else { return Ok(false) };
    cluster.objects().replace(&update, ISTIOCTL_FIELD_MANAGER).await?;
    Ok(true)
}

/// The version this build installs, for messages.
pub fn version() -> &'static str {
    ISTIO_VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fail_policy_in_the_cluster_is_left_out_and_any_other_kept() {
        let mut validator = json!({"webhooks": [
            {"name": "validation.istio.io", "failurePolicy": "Ignore"},
            {"name": "other.istio.io", "failurePolicy": "Fail"}
        ]});
        let live = json!({"webhooks": [
            {"name": "validation.istio.io", "failurePolicy": "Fail"},
            {"name": "other.istio.io", "failurePolicy": "Ignore"}
        ]});
        keep_policies(&mut validator, &live);
        assert!(validator["webhooks"][0].get("failurePolicy").is_none(), "{validator}");
        assert_eq!(validator["webhooks"][1]["failurePolicy"], "Ignore");
    }
}
