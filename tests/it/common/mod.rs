//! Test harness: the built `osm` binary, real `kubectl`, and real local control planes
//! (etcd + kube-apiserver + kube-controller-manager + the kubelet stand-in) started by
//! `scripts/dev-cluster.sh` and stopped by its watchdog when the test binary exits.
//!
//! One control plane is shared by every test of the binary (`cluster()`), started by the first
//! test that asks for it, so that tests which need none never wait for it. Tests on it use
//! namespaces and meshes named for them alone (`unique_name`), install meshes that do not
//! enforce a single mesh (`InstalledMesh::install`), and take turns at what is cluster-wide and
//! shared (`cluster_wide_turn`). A module whose subject is the cluster as a whole (single-mesh
//! enforcement, `mesh list`, CRDs replaced or deleted) uses `private_cluster()` instead, and says
//! why.
//!
//! `OSM_KUBE_RELEASE` picks the Kubernetes release: unset (or `modern`) for the current one built
//! from Go modules, `1.20` for the build of Debian's 1.20 source. `OSM_TEST_KUBECONFIG` points the
//! shared cluster at an already running control plane instead; private ones are always started.
#![allow(dead_code)]

pub mod contract;
pub mod fault_proxy;
pub mod fixture;
pub mod loopback;
pub mod prometheus;
pub mod snapshot;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

pub const ADMIN_CONTEXT: &str = "osm-dev-admin";
pub const USER_CONTEXT: &str = "osm-dev-user";
pub const USER_NAME: &str = "osm-dev-user";

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn osm_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_osm"))
}

fn cache_dir() -> PathBuf {
    match std::env::var_os("OSM_CLUSTER_CACHE") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").expect("HOME is set")).join(".cache/osm-dev-cluster"),
    }
}

/// The Kubernetes release the tests run against, as `OSM_KUBE_RELEASE` names it.
pub fn kube_release() -> String {
    let release = std::env::var("OSM_KUBE_RELEASE").unwrap_or_default();
    match release.as_str() {
        "" | "modern" => "modern".into(),
        "1.20" => release,
        other => panic!("OSM_KUBE_RELEASE={other}: expected modern or 1.20"),
    }
}

/// Where provision-cluster.sh puts the binaries of the selected release.
fn kube_bin_dir() -> PathBuf {
    match kube_release().as_str() {
        "1.20" => cache_dir().join("bin"),
        _ => cache_dir().join("bin/modern"),
    }
}

/// The server version the selected release reports, `v1.20.2` or what bin/modern links to.
pub fn kube_version() -> String {
    match kube_release().as_str() {
        "1.20" => "v1.20.2".into(),
        _ => {
            let link = cache_dir().join("bin/modern");
            let target = std::fs::read_link(&link).unwrap_or_else(|e| {
                panic!(
                    "{}: {e}\nProvision it with: ./scripts/provision-cluster.sh modern   \
                     (./scripts/test.sh does this for you)",
                    link.display()
                )
            });
            target.file_name().expect("bin/modern names a version").to_string_lossy().into_owned()
        }
    }
}

/// Real kubectl, built from the same Kubernetes source as the control plane.
pub fn kubectl_bin() -> PathBuf {
    kube_bin_dir().join("kubectl")
}

/// Real helm v3, built by provision-cluster.sh.
pub fn helm_bin() -> PathBuf {
    let helm = cache_dir().join("bin/helm");
    assert!(
        helm.exists(),
        "helm is not provisioned ({} is missing).\n\
         Provision it with: ./scripts/provision-cluster.sh helm   (./scripts/test.sh does this for you)",
        helm.display()
    );
    helm
}

/// Real helm v4, built by provision-cluster.sh beside v3.
pub fn helm4_bin() -> PathBuf {
    let helm = cache_dir().join("bin/helm4");
    assert!(
        helm.exists(),
        "helm v4 is not provisioned ({} is missing).\n\
         Provision it with: ./scripts/provision-cluster.sh helm4   (./scripts/test.sh does this for you)",
        helm.display()
    );
    helm
}

pub struct TestCluster {
    pub kubeconfig: PathBuf,
    state_dir: Option<PathBuf>,
}

static CLUSTER: OnceLock<TestCluster> = OnceLock::new();

/// The control plane the tests share, started on first use.
pub fn cluster() -> &'static TestCluster {
    CLUSTER.get_or_init(|| match std::env::var_os("OSM_TEST_KUBECONFIG") {
        Some(kubeconfig) => TestCluster { kubeconfig: kubeconfig.into(), state_dir: None },
        None => start_cluster("shared"),
    })
}

/// A control plane of the calling module's own, named `name`, started on first use: for tests
/// whose subject is the whole cluster (what no other mesh or CRD may disturb). Each one costs a
/// control plane's start and memory for the rest of the run: use `cluster()` where namespaces
/// and mesh names of the test's own are enough.
pub fn private_cluster(name: &'static str) -> &'static TestCluster {
    static PRIVATE: Mutex<BTreeMap<&'static str, &'static OnceLock<TestCluster>>> =
        Mutex::new(BTreeMap::new());
    let cell = *PRIVATE
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .entry(name)
        .or_insert_with(|| Box::leak(Box::new(OnceLock::new())));
    cell.get_or_init(|| start_cluster(name))
}

/// A turn at what the tests on the shared cluster cannot each have their own of: the
/// walkthrough's fixed names (mesh `osm`, namespaces such as `bookstore`), the one control
/// plane `kube-system` and `kube-public` can hold, and cluster-wide RBAC grants to the test
/// user. Held for the whole test, by every test that writes or relies on any of them.
pub fn cluster_wide_turn() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|p| p.into_inner())
}

fn start_cluster(label: &str) -> TestCluster {
    let release = kube_release();
    let bin = kube_bin_dir();
    // Kubernetes 1.20 runs Debian's etcd from PATH.
    let needed: &[&str] = match release.as_str() {
        "1.20" => &["kube-apiserver", "kube-controller-manager", "kubectl"],
        _ => &["kube-apiserver", "kube-controller-manager", "kubectl", "etcd"],
    };
    for needed in needed {
        assert!(
            bin.join(needed).exists(),
            "the local Kubernetes control plane ({release}) is not provisioned ({} is missing).\n\
             Provision it with: ./scripts/provision-cluster.sh {release}   (./scripts/test.sh does this for you)",
            bin.join(needed).display()
        );
    }
    let standin = osm_bin().parent().expect("target dir").join("kubelet-standin");
    assert!(
        standin.exists(),
        "the kubelet stand-in is not built ({} is missing).\nBuild it with: cargo build --workspace",
        standin.display()
    );
    let state_dir = std::env::temp_dir().join(format!("osm-test-{}-{label}", std::process::id()));
    let started = Instant::now();
    // Three attempts: ports are picked free but not reserved, so a cluster starting at the same
    // moment elsewhere on the machine (or in this binary) can take one first.
    let mut failure = String::new();
    for _attempt in 0..3 {
        let out = Command::new("bash")
            .arg(repo_root().join("scripts/dev-cluster.sh"))
            .arg("up")
            .env("OSM_DEV_CLUSTER_DIR", &state_dir)
            .env("OSM_DEV_CLUSTER_PARENT_PID", std::process::id().to_string())
            .env("OSM_KUBELET_STANDIN", &standin)
            .env("OSM_KUBE_RELEASE", &release)
            .stdin(Stdio::null())
            .output()
            .expect("run scripts/dev-cluster.sh");
        if out.status.success() {
            failure.clear();
            break;
        }
        failure = format!(
            "scripts/dev-cluster.sh up failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        eprintln!("[harness] {failure}");
    }
    assert!(failure.is_empty(), "{failure}");
    eprintln!(
        "[harness] control plane {label} ({release}) up in {:.1}s ({})",
        started.elapsed().as_secs_f64(),
        state_dir.display()
    );
    TestCluster { kubeconfig: state_dir.join("kubeconfig"), state_dir: Some(state_dir) }
}

impl TestCluster {
    pub fn state_dir(&self) -> Option<&Path> {
        self.state_dir.as_deref()
    }

    /// The API server URL from the kubeconfig.
    pub fn server(&self) -> String {
        let text = std::fs::read_to_string(&self.kubeconfig).expect("read kubeconfig");
        text.lines()
            .find_map(|l| l.trim().strip_prefix("server: ").map(str::to_string))
            .expect("server in kubeconfig")
    }

    /// `osm` with this cluster's kubeconfig (admin context) in KUBECONFIG.
    pub fn osm(&self) -> Cmd {
        Cmd::new(osm_bin()).env("KUBECONFIG", &self.kubeconfig)
    }

    /// Real helm against this cluster as the admin.
    pub fn helm(&self) -> Cmd {
        Cmd::new(helm_bin())
            .arg("--kubeconfig")
            .arg(&self.kubeconfig)
            .arg("--kube-context")
            .arg(ADMIN_CONTEXT)
    }

    /// Real kubectl against this cluster as the admin.
    pub fn kubectl(&self) -> Cmd {
        Cmd::new(kubectl_bin()).arg("--kubeconfig").arg(&self.kubeconfig).arg("--context").arg(ADMIN_CONTEXT)
    }

    /// A fresh namespace no other test uses, created with kubectl.
    pub fn namespace(&self, prefix: &str) -> String {
        let name = unique_name(prefix);
        self.kubectl().args(["create", "namespace", &name]).run().success();
        name
    }

    /// Creates namespace `name` as it is spelled in the walkthroughs (bookstore, ...), deleting
    /// what an earlier run against a reused cluster (`OSM_TEST_KUBECONFIG`) left under that name.
    pub fn fixed_namespace(&self, name: &str) -> String {
        self.kubectl()
            .args(["delete", "namespace", name, "--ignore-not-found", "--wait", "--timeout=120s"])
            .run()
            .success();
        self.kubectl().args(["create", "namespace", name]).run().success();
        name.to_string()
    }

    /// kubectl's stdout split into words: the shape of `-o name` and of jsonpath lists.
    pub fn kubectl_words(&self, args: &[&str]) -> Vec<String> {
        let run = self.kubectl().args(args).run().success();
        run.stdout.split_whitespace().map(str::to_string).collect()
    }

    /// Every object carrying the mesh's instance label, cluster-wide, as kubectl names them:
    /// what osm applies and what the mesh's components or other tools create.
    pub fn mesh_objects(&self, mesh: &str) -> Vec<String> {
        self.kubectl_words(&[
            "get",
            "deployments,services,serviceaccounts,configmaps,secrets,roles,rolebindings,jobs,\
             poddisruptionbudgets,horizontalpodautoscalers,clusterroles,clusterrolebindings,\
             mutatingwebhookconfigurations,validatingwebhookconfigurations",
            "-A",
            "-l",
            &format!("app.kubernetes.io/instance={mesh}"),
            "-o",
            "name",
        ])
    }

    /// `revision=status` of each release record of `mesh` in `namespace`, sorted, as kubectl
    /// reads their labels: what Helm would say of the release.
    pub fn release_record_states(&self, mesh: &str, namespace: &str) -> Vec<String> {
        let mut states = self.kubectl_words(&[
            "get",
            "secrets",
            "-n",
            namespace,
            "-l",
            &format!("owner=helm,name={mesh}"),
            "-o",
            "jsonpath={range .items[*]}{.metadata.labels.version}={.metadata.labels.status} {end}",
        ]);
        states.sort();
        states
    }

    /// Applies YAML with kubectl.
    pub fn apply(&self, yaml: &str) -> Run {
        self.kubectl().args(["apply", "-f", "-"]).stdin(yaml).run()
    }

    /// Polls `check` until it holds or `timeout` passes; panics with `what` on timeout.
    pub fn wait_until(&self, what: &str, timeout: Duration, mut check: impl FnMut() -> bool) {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if check() {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!("timed out after {timeout:?} waiting for {what}");
    }
}

/// `osm` with no cluster configured at all (HOME and KUBECONFIG pointed at nothing).
pub fn osm_offline() -> Cmd {
    let empty = std::env::temp_dir().join("osm-test-empty-home");
    std::fs::create_dir_all(&empty).expect("create empty home");
    Cmd::new(osm_bin()).env("HOME", &empty).env_remove("KUBECONFIG")
}

/// `prefix-PPPPP-NNN`: fixed width, so that the snapshot filter masking the digits leaves a
/// table's columns as wide as they were.
pub fn unique_name(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}-{:05}-{n:03}", std::process::id() % 100_000)
}

/// A command under test, run to completion.
pub struct Cmd {
    command: Command,
    stdin: Option<Vec<u8>>,
}

impl Cmd {
    pub fn new(program: impl AsRef<std::ffi::OsStr>) -> Self {
        let mut command = Command::new(program);
        // COLUMNS would set the width help wraps at: without it every machine gets the same text.
        command.env("NO_COLOR", "1").env_remove("OSM_NAMESPACE").env_remove("COLUMNS");
        Cmd { command, stdin: None }
    }
    pub fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.arg(arg);
        self
    }
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.command.args(args);
        self
    }
    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.env(key, value);
        self
    }
    pub fn env_remove(mut self, key: &str) -> Self {
        self.command.env_remove(key);
        self
    }
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(input.into());
        self
    }
    pub fn run(mut self) -> Run {
        use std::io::Write;
        self.command.stdout(Stdio::piped()).stderr(Stdio::piped());
        self.command.stdin(if self.stdin.is_some() { Stdio::piped() } else { Stdio::null() });
        let description = format!("{:?}", self.command);
        let mut child = self.command.spawn().unwrap_or_else(|e| panic!("spawn {description}: {e}"));
        if let Some(input) = self.stdin.take() {
            let mut stdin = child.stdin.take().expect("stdin");
            std::thread::spawn(move || {
                let _ = stdin.write_all(&input);
            });
        }
        let output = child.wait_with_output().unwrap_or_else(|e| panic!("wait {description}: {e}"));
        Run::new(description, output)
    }
}

/// What a finished command did.
pub struct Run {
    pub description: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn new(description: String, output: Output) -> Self {
        Run {
            description,
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    fn dump(&self) -> String {
        format!(
            "{}\nexit: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.description, self.code, self.stdout, self.stderr
        )
    }

    /// Asserts exit 0.
    pub fn success(self) -> Self {
        assert_eq!(self.code, 0, "expected success:\n{}", self.dump());
        self
    }

    /// Asserts the exit code.
    pub fn code(self, code: i32) -> Self {
        assert_eq!(self.code, code, "expected exit {code}:\n{}", self.dump());
        self
    }

    pub fn stdout_has(self, needle: &str) -> Self {
        assert!(self.stdout.contains(needle), "stdout lacks {needle:?}:\n{}", self.dump());
        self
    }

    pub fn stderr_has(self, needle: &str) -> Self {
        assert!(self.stderr.contains(needle), "stderr lacks {needle:?}:\n{}", self.dump());
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.dump()))
    }
}

/// A chart on disk, removed when dropped.
pub struct Chart {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

/// The OSM v1.2.4 chart as `helm install` sees it, made of its reference rendering
/// (testdata/helm-chart): Chart.yaml `osm` 1.2.4, each `# Source: osm/templates/<file>` document
/// under templates/<file>, and no Helm hooks, whose jobs run images this cluster cannot run.
pub fn reference_chart() -> Chart {
    let rendered = std::fs::read_to_string(repo_root().join("testdata/helm-chart/default.yaml"))
        .expect("read testdata/helm-chart/default.yaml");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("osm");
    let templates = path.join("templates");
    std::fs::create_dir_all(&templates).expect("create templates/");
    std::fs::write(
        path.join("Chart.yaml"),
        "apiVersion: v2\nname: osm\nversion: 1.2.4\nappVersion: v1.2.4\n\
         description: Open Service Mesh, from its v1.2.4 reference rendering\n",
    )
    .expect("write Chart.yaml");
    let mut files: Vec<(String, String)> = Vec::new();
    for doc in rendered.split("\n---\n").map(|d| d.trim_start_matches("---\n")) {
        if doc.trim().is_empty() || doc.contains("helm.sh/hook:") {
            continue;
        }
        let file = doc
            .lines()
            .find_map(|l| l.strip_prefix("# Source: osm/templates/"))
            .unwrap_or_else(|| panic!("a document without its `# Source:` line:\n{doc}"))
            .to_string();
        match files.iter_mut().find(|(name, _)| *name == file) {
            Some((_, text)) => text.push_str(&format!("---\n{doc}\n")),
            None => files.push((file, format!("---\n{doc}\n"))),
        }
    }
    assert!(!files.is_empty(), "no document in testdata/helm-chart/default.yaml");
    for (file, text) in files {
        std::fs::write(templates.join(&file), text).unwrap_or_else(|e| panic!("write templates/{file}: {e}"));
    }
    Chart { _dir: dir, path }
}

/// A mesh a test owns: named uniquely after `prefix`, uninstalled (with its namespace) when the
/// test ends, passing or not.
pub struct InstalledMesh {
    pub mesh: String,
    pub namespace: String,
    pub cluster: &'static TestCluster,
}

impl InstalledMesh {
    /// The names only, on the shared cluster; the test installs it (with the flags it is about,
    /// `--enforce-single-mesh=false` among them: see `install`).
    pub fn named(prefix: &str) -> InstalledMesh {
        InstalledMesh::named_on(cluster(), prefix)
    }

    /// The names only, on `cluster`.
    pub fn named_on(cluster: &'static TestCluster, prefix: &str) -> InstalledMesh {
        InstalledMesh {
            mesh: unique_name(prefix),
            namespace: unique_name(&format!("{prefix}-system")),
            cluster,
        }
    }

    /// Installed on the shared cluster with the defaults but one, and waited for: it does not
    /// enforce a single mesh, which would refuse every other test's mesh on the cluster while it
    /// is there (OSM's own rule, see `osm::ops::lifecycle::check_meshes`).
    pub fn install(prefix: &str) -> InstalledMesh {
        let m = InstalledMesh::named(prefix);
        m.cluster
            .osm()
            .args(["install", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
            .arg("--enforce-single-mesh=false")
            .run()
            .success();
        m
    }

    /// Installed on a private `cluster` with the defaults (single-mesh enforcement included),
    /// and waited for.
    pub fn install_on(cluster: &'static TestCluster, prefix: &str) -> InstalledMesh {
        let m = InstalledMesh::named_on(cluster, prefix);
        cluster
            .osm()
            .args(["install", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
            .run()
            .success();
        m
    }

    /// `revision=status` of each of the mesh's release records, sorted, as kubectl reads their
    /// labels: what Helm would say of the release.
    pub fn record_states(&self) -> Vec<String> {
        self.cluster.release_record_states(&self.mesh, &self.namespace)
    }
}

impl Drop for InstalledMesh {
    fn drop(&mut self) {
        self.cluster
            .osm()
            .args(["uninstall", "mesh", "-f", "--delete-namespace", "--mesh-name", &self.mesh])
            .args(["--osm-namespace", &self.namespace])
            .run();
    }
}

/// Where two JSON values first differ, as a path and both sides; `source` names where the expected
/// value comes from (istioctl, Istio's own test goldens).
pub fn first_difference(
    source: &str,
    path: &str,
    want: &serde_json::Value,
    got: &serde_json::Value,
) -> Option<String> {
    use serde_json::Value;
    let short = |v: &Value| {
        let text = v.to_string();
        if text.len() > 300 { format!("{}...", &text[..300]) } else { text }
    };
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let Some(gv) = g.get(k) else {
                    return Some(format!(
                        "{path}.{k}: missing from osm's output; {source} has {}",
                        short(wv)
                    ));
                };
                if let Some(d) = first_difference(source, &format!("{path}.{k}"), wv, gv) {
                    return Some(d);
                }
            }
            g.iter()
                .find(|(k, _)| !w.contains_key(*k))
                .map(|(k, gv)| format!("{path}.{k}: osm prints {}, {source} has no such field", short(gv)))
        }
        (Value::Array(w), Value::Array(g)) => {
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                if let Some(d) = first_difference(source, &format!("{path}[{i}]"), wv, gv) {
                    return Some(d);
                }
            }
            (w.len() != g.len()).then(|| format!("{path}: {source} has {} items, osm {}", w.len(), g.len()))
        }
        _ => {
            (want != got).then(|| format!("{path}: {source} has {}, osm prints {}", short(want), short(got)))
        }
    }
}
