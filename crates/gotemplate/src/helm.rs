//! Helm's chart rendering (helm.sh/helm/v3 pkg/engine/engine.go) and values coalescing
//! (pkg/chartutil/coalesce.go).

use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use serde_json::Value;

use crate::value::{Method, Object, V};
use crate::{Error, Templates};

/// A chart's files, each with its path relative to the chart root ("Chart.yaml",
/// "templates/deployment.yaml", "files/injection-template.yaml", ...).
#[derive(Clone, Debug, Default)]
pub struct Chart {
    pub files: Vec<(String, String)>,
}

/// chartutil.ReleaseOptions and the Kubernetes version of chartutil.Capabilities. `helm install`
/// and `helm template` set IsInstall and Revision 1 (the `Default`); istioctl's renderChart
/// (operator/pkg/helm/helm.go) sets only Name and Namespace, so IsInstall is false and Revision 0.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    pub release_name: String,
    pub namespace: String,
    /// "v1.37.2"-like; `.Capabilities.KubeVersion.Version`, with Major and Minor taken from it.
    pub kube_version: String,
    pub is_install: bool,
    pub is_upgrade: bool,
    pub revision: i64,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            release_name: String::new(),
            namespace: String::new(),
            // chartutil.DefaultCapabilities' version in Helm 3.
            kube_version: "v1.20.0".to_string(),
            is_install: true,
            is_upgrade: false,
            revision: 1,
        }
    }
}

/// Helm's engine.Render for one chart (no subcharts): every file under `templates/` is parsed
/// into one set; those whose base name does not start with `_` are rendered with `.Values`,
/// `.Release`, `.Chart`, `.Capabilities`, `.Template` and `.Files`, with `missingkey=zero` and
/// "<no value>" removed from the output (engine.go render). Returns the rendered files whose text
/// is not blank, by path relative to the chart root, sorted by path. `NOTES.txt` is rendered like
/// any template; callers that build manifests skip it, as istioctl does.
pub fn render_chart(
    chart: &Chart,
    values: &Value,
    opts: &RenderOptions,
) -> Result<Vec<(String, String)>, Error> {
    let meta_text = chart
        .files
        .iter()
        .find(|(p, _)| p == "Chart.yaml")
        .map(|(_, t)| t.as_str())
        .ok_or_else(|| Error::new("chart has no Chart.yaml"))?;
    let meta: Value =
        serde_saphyr::from_str(meta_text).map_err(|e| Error::new(format!("cannot read Chart.yaml: {e}")))?;
    let chart_name = meta.get("name").and_then(Value::as_str).unwrap_or("chart").to_string();

    let mut set = Templates::new();
    set.set_missing_key_zero();
    set.helm_errors = true;
    set.tpl_parent = Some("gotpl".to_string());

    // engine.go sortTemplates: deepest paths first, then reverse lexical order; later parses win
    // for duplicate defines, and templates render in this order.
    let mut templates: Vec<(String, &str, &str)> = chart
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("templates/"))
        .map(|(p, t)| (format!("{chart_name}/{p}"), p.as_str(), t.as_str()))
        .collect();
    templates.sort_by(|a, b| {
        let (ca, cb) = (a.0.matches('/').count(), b.0.matches('/').count());
        cb.cmp(&ca).then_with(|| b.0.cmp(&a.0))
    });
    for (name, _, text) in &templates {
        set.parse(name, text).map_err(|e| cleanup_parse_error(name, &e))?;
    }

    let files: Arc<BTreeMap<String, String>> = Arc::new(
        chart
            .files
            .iter()
            .filter(|(p, _)| {
                !(p.starts_with("templates/")
                    || p.starts_with("charts/")
                    || p == "Chart.yaml"
                    || p == "values.yaml")
            })
            .cloned()
            .collect(),
    );

    let top = top_values(&meta, values, opts, files);
    let mut out = Vec::new();
    for (name, path, _) in &templates {
        let base = path.rsplit('/').next().unwrap_or(path);
        if base.starts_with('_') {
            continue;
        }
        if let V::Map(m) = &top {
            let mut t = BTreeMap::new();
            t.insert("Name".to_string(), V::str(name));
            t.insert("BasePath".to_string(), V::str(format!("{chart_name}/templates")));
            m.borrow_mut().insert("Template".to_string(), V::map(t));
        }
        let text = set.execute_v(name, top.clone()).map_err(|e| cleanup_exec_error(&e))?;
        let text = text.replace("<no value>", "");
        if !text.trim().is_empty() {
            out.push((path.to_string(), text));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// engine.go cleanupParseError: "parse error at (FILE:LINE): MESSAGE".
fn cleanup_parse_error(filename: &str, err: &Error) -> Error {
    let text = err.to_string();
    let tokens: Vec<&str> = text.split(": ").collect();
    if tokens.len() == 1 {
        return Error::new(format!("parse error in ({filename}): {text}"));
    }
    Error::new(format!("parse error at ({}): {}", tokens[1], tokens[tokens.len() - 1]))
}

/// engine.go cleanupExecError: a `fail` or `required` message becomes "execution error at
/// (FILE:LINE:COL): MESSAGE"; other errors stay Go's.
fn cleanup_exec_error(err: &Error) -> Error {
    let text = err.to_string();
    let tokens: Vec<&str> = text.splitn(3, ": ").collect();
    if tokens.len() == 3
        && let Some(start) = tokens[2].find(crate::funcs::HELM_ERR_START)
        && let Some(end) = tokens[2].rfind(crate::funcs::HELM_ERR_END)
        && end >= start + crate::funcs::HELM_ERR_START.len()
    {
        let msg = &tokens[2][start + crate::funcs::HELM_ERR_START.len()..end];
        return Error::new(format!("execution error at ({}): {msg}", tokens[1]));
    }
    err.clone()
}

fn object(type_name: &'static str, fields: BTreeMap<String, V>, methods: BTreeMap<String, Method>) -> V {
    V::Object(Rc::new(Object { type_name, fields, methods }))
}

/// chartutil.ToRenderValues: the top-level map every template sees (one map shared by all of a
/// chart's templates, so `set $ "Values"` in one is seen by the ones rendered after it).
fn top_values(meta: &Value, values: &Value, opts: &RenderOptions, files: Arc<BTreeMap<String, String>>) -> V {
    let mut release = BTreeMap::new();
    release.insert("Name".to_string(), V::str(&opts.release_name));
    release.insert("Namespace".to_string(), V::str(&opts.namespace));
    release.insert("IsUpgrade".to_string(), V::Bool(opts.is_upgrade));
    release.insert("IsInstall".to_string(), V::Bool(opts.is_install));
    release.insert("Revision".to_string(), V::Int(opts.revision));
    release.insert("Service".to_string(), V::str("Helm"));

    // chart.Metadata's exported fields, from Chart.yaml's JSON names.
    let mut chart = BTreeMap::new();
    for (field, key) in [
        ("Name", "name"),
        ("Home", "home"),
        ("Sources", "sources"),
        ("Version", "version"),
        ("Description", "description"),
        ("Keywords", "keywords"),
        ("Maintainers", "maintainers"),
        ("Icon", "icon"),
        ("APIVersion", "apiVersion"),
        ("Condition", "condition"),
        ("Tags", "tags"),
        ("AppVersion", "appVersion"),
        ("Deprecated", "deprecated"),
        ("Annotations", "annotations"),
        ("KubeVersion", "kubeVersion"),
        ("Dependencies", "dependencies"),
        ("Type", "type"),
    ] {
        let v = match meta.get(key) {
            // Versions are strings in chart.Metadata even when YAML reads a number.
            Some(Value::Number(n)) => V::str(n.to_string()),
            Some(v) => V::from_data(v),
            None => match field {
                "Deprecated" => V::Bool(false),
                "Sources" | "Keywords" | "Maintainers" | "Dependencies" | "Annotations" => V::Nil,
                _ => V::str(""),
            },
        };
        chart.insert(field.to_string(), v);
    }

    let ver = opts.kube_version.trim_start_matches('v');
    let mut parts = ver.split(['.', '-', '+']);
    let major = parts.next().unwrap_or("1").to_string();
    let minor = parts.next().unwrap_or("20").to_string();
    let version = format!("v{ver}");
    let mut kube = BTreeMap::new();
    kube.insert("Version".to_string(), V::str(&version));
    kube.insert("Major".to_string(), V::str(&major));
    kube.insert("Minor".to_string(), V::str(&minor));
    kube.insert("GitVersion".to_string(), V::str(&version));
    let mut api_methods: BTreeMap<String, Method> = BTreeMap::new();
    api_methods.insert(
        "Has".to_string(),
        Arc::new(|args: &[V]| {
            let Some(V::Str(s)) = args.first() else {
                return Err("wrong type for value; expected string".to_string());
            };
            Ok(V::Bool(DEFAULT_API_VERSIONS.contains(&&**s)))
        }),
    );
    let mut caps = BTreeMap::new();
    caps.insert("KubeVersion".to_string(), object("chartutil.KubeVersion", kube, BTreeMap::new()));
    caps.insert("APIVersions".to_string(), object("chartutil.VersionSet", BTreeMap::new(), api_methods));
    let mut helm_version = BTreeMap::new();
    helm_version.insert("Version".to_string(), V::str("v3.21.4"));
    caps.insert("HelmVersion".to_string(), object("chartutil.HelmVersion", helm_version, BTreeMap::new()));

    let mut file_methods: BTreeMap<String, Method> = BTreeMap::new();
    let f = files.clone();
    file_methods.insert(
        "Get".to_string(),
        Arc::new(move |args: &[V]| {
            let Some(V::Str(name)) = args.first() else {
                return Err("wrong type for value; expected string".to_string());
            };
            Ok(V::str(f.get(&**name).map(String::as_str).unwrap_or("")))
        }),
    );
    let f = files.clone();
    file_methods.insert(
        "Glob".to_string(),
        Arc::new(move |args: &[V]| {
            let Some(V::Str(pattern)) = args.first() else {
                return Err("wrong type for value; expected string".to_string());
            };
            let re = glob_regex(pattern);
            let matched: BTreeMap<String, V> =
                f.iter().filter(|(p, _)| re.is_match(p)).map(|(p, t)| (p.clone(), V::str(t))).collect();
            Ok(V::map(matched))
        }),
    );
    let f = files.clone();
    file_methods.insert(
        "Lines".to_string(),
        Arc::new(move |args: &[V]| {
            let Some(V::Str(name)) = args.first() else {
                return Err("wrong type for value; expected string".to_string());
            };
            let text = f.get(&**name).cloned().unwrap_or_default();
            Ok(V::list(text.split('\n').map(V::str).collect()))
        }),
    );

    let mut top = BTreeMap::new();
    // chartutil.ToRenderValues: no values is an empty map.
    let values = if values.is_object() { V::from_data(values) } else { V::empty_map() };
    top.insert("Values".to_string(), values);
    top.insert("Release".to_string(), V::map(release));
    top.insert("Chart".to_string(), object("*chart.Metadata", chart, BTreeMap::new()));
    top.insert("Capabilities".to_string(), object("*chartutil.Capabilities", caps, BTreeMap::new()));
    top.insert("Files".to_string(), object("engine.files", BTreeMap::new(), file_methods));
    top.insert("Subcharts".to_string(), V::empty_map());
    V::map(top)
}

/// gobwas/glob with '/' as separator, as Files.Glob uses it: `*` within a segment, `**` across.
fn glob_regex(pattern: &str) -> regex::Regex {
    let mut re = String::from("^");
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                re.push_str(".*");
            }
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    regex::Regex::new(&re).unwrap_or_else(|_| regex::Regex::new("^$").expect("empty pattern"))
}

/// API versions every cluster serves, for `.Capabilities.APIVersions.Has`.
const DEFAULT_API_VERSIONS: &[&str] = &[
    "v1",
    "admissionregistration.k8s.io/v1",
    "apiextensions.k8s.io/v1",
    "apps/v1",
    "authentication.k8s.io/v1",
    "authorization.k8s.io/v1",
    "autoscaling/v1",
    "autoscaling/v2",
    "batch/v1",
    "certificates.k8s.io/v1",
    "coordination.k8s.io/v1",
    "discovery.k8s.io/v1",
    "events.k8s.io/v1",
    "networking.k8s.io/v1",
    "node.k8s.io/v1",
    "policy/v1",
    "rbac.authorization.k8s.io/v1",
    "scheduling.k8s.io/v1",
    "storage.k8s.io/v1",
];

/// chartutil.CoalesceValues(chart, overrides): the chart's defaults under the given values.
/// Maps merge recursively, the overrides win, and an override of `null` deletes a key the chart
/// sets (coalesce.go coalesceValues and coalesceTablesFullKey, merge=false).
pub fn coalesce_values(chart_defaults: &Value, overrides: &Value) -> Value {
    let mut dst = match overrides {
        Value::Object(m) => m.clone(),
        _ => serde_json::Map::new(),
    };
    if let Value::Object(src) = chart_defaults {
        coalesce_tables(&mut dst, src);
    }
    Value::Object(dst)
}

fn coalesce_tables(dst: &mut serde_json::Map<String, Value>, src: &serde_json::Map<String, Value>) {
    for (key, val) in src {
        match dst.get_mut(key) {
            Some(Value::Null) => {
                dst.remove(key);
            }
            None => {
                dst.insert(key.clone(), val.clone());
            }
            Some(Value::Object(dv)) => {
                if let Value::Object(sv) = val {
                    coalesce_tables(dv, sv);
                }
            }
            Some(_) => {}
        }
    }
}
