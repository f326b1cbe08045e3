//! Cluster access like kubectl: kubeconfig sources, contexts, and errors that say what to do.

use crate::common::*;

#[test]
fn version_json_holds_the_server_version_the_api_server_reports() {
    let c = cluster();
    let kubectl = c.kubectl().args(["get", "--raw", "/version"]).run().success();
    let expected: serde_json::Value = serde_json::from_str(&kubectl.stdout).unwrap();
    let run = c.osm().args(["version", "-o", "json"]).run().success();
    let json = run.json();
    assert_eq!(json["server"]["gitVersion"], expected["gitVersion"]);
    assert_eq!(json["client"]["version"], format!("v{}", env!("CARGO_PKG_VERSION")));
    let yaml = c.osm().args(["version", "-o", "yaml"]).run().success();
    assert!(yaml.stdout.contains(&format!("gitVersion: {}", expected["gitVersion"].as_str().unwrap())));
}

#[test]
fn context_switches_user_and_rbac_refusal_names_user_verb_and_resource() {
    // Cluster-wide and shared: the test user holds no cluster-wide grant only while no other test grants one.
    let _turn = crate::common::cluster_wide_turn();
    let c = cluster();
    let run = c
        .kubectl()
        .args(["auth", "can-i", "list", "deployments", "--all-namespaces", "--as", USER_NAME])
        .run();
    assert_eq!(run.stdout.trim(), "no", "the test user must be unprivileged");
    // The admin context can list the meshes; the unprivileged one, chosen with --context, cannot.
    c.osm().args(["--context", ADMIN_CONTEXT, "version"]).run().success();
    c.osm()
        .args(["--context", USER_CONTEXT, "version"])
        .run()
        .code(4)
        .stderr_has("permission denied")
        .stderr_has(&format!("User \"{USER_NAME}\""))
        .stderr_has("cannot list resource \"deployments\"")
        .stderr_has("hint:")
        // What could be found is still shown.
        .stdout_has("Kubernetes Server");
}

#[test]
fn unreachable_server_names_url_and_context_and_exits_3() {
    let c = cluster();
    let text = std::fs::read_to_string(&c.kubeconfig).unwrap();
    // A port nothing listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let dead = text.replace(&c.server(), &format!("https://127.0.0.1:{port}"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config");
    std::fs::write(&path, dead).unwrap();
    c.osm()
        .args(["--kubeconfig", path.to_str().unwrap(), "version"])
        .run()
        .code(3)
        .stderr_has(&format!("https://127.0.0.1:{port}"))
        .stderr_has("context \"osm-dev-admin\"")
        .stderr_has("cluster-info")
        // The client part is still printed.
        .stdout_has("CLI Version");
}

#[test]
fn a_server_that_never_answers_times_out_with_exit_5() {
    let c = cluster();
    let text = std::fs::read_to_string(&c.kubeconfig).unwrap();
    // Accepts connections (the kernel's backlog does) but never says a word.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let stuck = text.replace(&c.server(), &format!("https://127.0.0.1:{port}"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config");
    std::fs::write(&path, stuck).unwrap();
    let started = std::time::Instant::now();
    let run = c
        .osm()
        .args(["--kubeconfig", path.to_str().unwrap(), "--request-timeout", "2s", "namespace", "list"])
        .run()
        .code(5)
        .stderr_has(&format!("https://127.0.0.1:{port}"));
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
    // Not a timing target, only proof that the flag and not some default ended the wait.
    assert!(started.elapsed() < std::time::Duration::from_secs(60), "{:?}", started.elapsed());
    drop(silent);
}

#[test]
fn refused_token_says_the_credentials_were_refused_and_exits_3() {
    let c = cluster();
    let text = std::fs::read_to_string(&c.kubeconfig).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("token: ") {
            out.push_str("    token: not-a-valid-token\n");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config");
    std::fs::write(&path, out).unwrap();
    let run = c.osm().args(["--kubeconfig", path.to_str().unwrap(), "version"]).run().code(3);
    assert!(run.stderr.contains("refused the credentials"), "{}", run.stderr);
    assert!(!run.stderr.contains("not-a-valid-token"), "a token must never be printed");
}

#[test]
fn malformed_kubeconfig_names_the_file_and_exits_4() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken-config");
    std::fs::write(&path, "apiVersion: v1\nclusters: [this is: not: valid\n").unwrap();
    osm_offline()
        .args(["--kubeconfig", path.to_str().unwrap(), "version"])
        .run()
        .code(4)
        .stderr_has(path.to_str().unwrap());
    // Through KUBECONFIG too.
    osm_offline().env("KUBECONFIG", &path).args(["version"]).run().code(4).stderr_has("broken-config");
}

#[test]
fn unknown_context_names_it_and_lists_the_known_ones() {
    let c = cluster();
    c.osm()
        .args(["--context", "no-such-context", "version"])
        .run()
        .code(4)
        .stderr_has("\"no-such-context\"")
        .stderr_has("osm-dev-admin");
}

#[test]
fn kubeconfig_paths_in_kubeconfig_env_are_merged_like_kubectl() {
    let c = cluster();
    let text = std::fs::read_to_string(&c.kubeconfig).unwrap();
    // File one: only a current-context pointing at a context that file two defines.
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first");
    std::fs::write(&first, "apiVersion: v1\nkind: Config\ncurrent-context: osm-dev-admin\n").unwrap();
    let second = dir.path().join("second");
    std::fs::write(&second, text.replace("current-context: osm-dev-admin", "current-context: osm-dev-user"))
        .unwrap();
    let missing = dir.path().join("missing");
    let joined = std::env::join_paths([&first, &missing, &second]).unwrap();
    let run = Cmd::new(osm_bin()).env("KUBECONFIG", &joined).args(["-v", "version"]).run().success();
    assert!(
        run.stderr.contains("context \"osm-dev-admin\""),
        "first file's current-context wins:\n{}",
        run.stderr
    );
}

#[test]
fn no_configuration_at_all_is_a_cluster_error_with_a_hint() {
    // The message and its hint are in tests/it/snapshots/it__snapshots__no_cluster_configured.snap.
    osm_offline().args(["version"]).run().code(3);
    // --client needs no cluster.
    osm_offline().args(["version", "--client"]).run().success();
}

/// The kubeconfig of the test cluster with the admin user's token replaced by an exec credential
/// plugin (the way kubelogin and gke-gcloud-auth-plugin are configured) that prints the token.
fn exec_plugin_kubeconfig(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let c = cluster();
    let text = std::fs::read_to_string(&c.kubeconfig).unwrap();
    let token = text
        .lines()
        .skip_while(|l| !l.contains("name: osm-dev-admin"))
        .find_map(|l| l.trim().strip_prefix("token: ").map(str::to_string))
        .unwrap();
    let plugin = dir.join("credential-plugin.sh");
    std::fs::write(
        &plugin,
        format!(
            "#!/bin/sh\necho called >> \"{}\"\ncat <<JSON\n{{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{{\"token\":\"{token}\"}}}}\nJSON\n",
            dir.join("calls").display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut out = String::new();
    let mut in_admin = false;
    for line in text.lines() {
        if line.starts_with("- name: ") {
            in_admin = line == "- name: osm-dev-admin";
        }
        if in_admin && line.trim_start().starts_with("token: ") {
            out.push_str(&format!(
                "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: {}\n      interactiveMode: Never\n",
                plugin.display()
            ));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    let path = dir.join("config");
    std::fs::write(&path, out).unwrap();
    (path, token)
}

#[test]
fn exec_credential_plugins_work_as_in_kubectl() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = exec_plugin_kubeconfig(dir.path());
    let c = cluster();
    c.osm()
        .args(["--kubeconfig", path.to_str().unwrap(), "version"])
        .run()
        .success()
        .stdout_has(&crate::common::kube_version());
    let calls = std::fs::read_to_string(dir.path().join("calls")).unwrap_or_default();
    assert!(calls.contains("called"), "the plugin must have been asked for the credential");
}

#[test]
fn verbose_output_never_shows_the_token() {
    let c = cluster();
    let text = std::fs::read_to_string(&c.kubeconfig).unwrap();
    let token = text.lines().find_map(|l| l.trim().strip_prefix("token: ").map(str::to_string)).unwrap();
    let run = c.osm().args(["-vv", "version"]).run().success();
    assert!(run.stderr.contains("debug"), "-vv prints debug lines:\n{}", run.stderr);
    assert!(!run.stderr.contains(&token) && !run.stdout.contains(&token), "the token leaked");
}
