use crate::cli::dashboard::{Addon, DashboardArgs};
use crate::error::{Error, Result};
use crate::ops::{discovery, forwarding};

use super::Context;

/// An add-on's Service, its UI port and the install value that deploys it.
struct AddonInfo {
    title: &'static str,
    service: &'static str,
    port: u16,
    install_value: &'static str,
}

fn info(addon: Addon) -> AddonInfo {
    match addon {
        Addon::Grafana => AddonInfo {
            title: "Grafana",
            service: "osm-grafana",
            port: 3000,
            install_value: "osm.deployGrafana",
        },
        Addon::Prometheus => AddonInfo {
            title: "Prometheus",
            service: "osm-prometheus",
            port: 7070,
            install_value: "osm.deployPrometheus",
        },
        Addon::Jaeger => {
            AddonInfo { title: "Jaeger", service: "jaeger", port: 16686, install_value: "osm.deployJaeger" }
        }
    }
}

/// Refuses (exit 4) an add-on the mesh was installed without, naming the value that deploys it; prints
/// the URL only once the UI answers through the forward, then forwards until Ctrl-C (exit 0).
pub async fn run(ctx: &Context, args: DashboardArgs) -> Result<()> {
    let addon = info(args.addon);
    let cluster = ctx.cluster().await?;
    let mesh = discovery::find_mesh(cluster, &args.mesh_name).await?;
    if !forwarding::service_exists(cluster, &mesh.namespace, addon.service).await? {
        return Err(Error::invalid(format!(
            "{} is not deployed in mesh [{}]: install it with --set {}=true",
            addon.title, mesh.name, addon.install_value
        ))
        .with_hint(format!(
            "for an installed mesh: osm mesh upgrade --mesh-name {} --set {}=true (no service {} in namespace {})",
            mesh.name, addon.install_value, addon.service, mesh.namespace
        )));
    }
    let remote = args.remote_port.unwrap_or(addon.port);
    let waiting =
        ctx.out.spinner(&format!("waiting for a ready {} pod in namespace {}", addon.title, mesh.namespace));
    let bound = match forwarding::bind_service(
        cluster,
        &mesh.namespace,
        addon.service,
        args.local_port,
        remote,
        &args.address,
        args.timeout,
    )
    .await
    {
        Ok(f) => f,
        Err(e) => {
            waiting.fail(&format!("no ready {} pod", addon.title));
            return Err(e);
        }
    };
    waiting.succeed(&format!("{} pod {} is ready", addon.title, bound.pod));
    let serving = bound.serve(&ctx.out, cluster);
    let url = serving.url.clone();
    if let Err(e) = serving.wait_answering(args.timeout).await {
        return Err(Error::failed(format!(
            "{} does not answer at {url} through the port-forward: {e}",
            addon.title
        ))
        .with_hint(format!(
            "check the {} pod's logs: kubectl logs -n {} svc/{}",
            addon.title, mesh.namespace, addon.service
        )));
    }
    ctx.out.data(&format!("{}: {url}", addon.title));
    if args.open_browser
        && !args.no_browser
        && let Err(e) = open_browser(&url)
    {
        ctx.out.warn(&format!("cannot open a browser ({e}); open {url} yourself"));
    }
    ctx.out.info("Press Ctrl-C to stop forwarding.");
    // The forwarding task already runs; wait for it or for Ctrl-C.
    if serving.until_interrupted().await? {
        ctx.out.info(&format!("stopped forwarding to {}", addon.title));
    }
    Ok(())
}

/// Opens the URL with `BROWSER` (a `:`-separated list of commands, `%s` standing for the URL),
/// else the platform's opener.
fn open_browser(url: &str) -> Result<(), String> {
    let mut commands: Vec<Vec<String>> = Vec::new();
    if let Ok(browser) = std::env::var("BROWSER") {
        for entry in browser.split(':').filter(|e| !e.trim().is_empty()) {
            let mut words: Vec<String> = entry.split_whitespace().map(|w| w.replace("%s", url)).collect();
            if !entry.contains("%s") {
                words.push(url.to_string());
            }
            commands.push(words);
        }
    }
    if cfg!(target_os = "macos") {
        commands.push(vec!["open".into(), url.into()]);
    } else if cfg!(windows) {
        commands.push(vec!["cmd".into(), "/C".into(), "start".into(), String::new(), url.into()]);
    } else {
        commands.push(vec!["xdg-open".into(), url.into()]);
    }
    let mut errors = Vec::new();
    for words in commands {
        let mut command = std::process::Command::new(&words[0]);
        command
            .args(&words[1..])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        match command.spawn() {
            Ok(mut child) => {
                // Reap it in the background so it does not linger as a zombie.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(e) => errors.push(format!("{}: {e}", words[0])),
        }
    }
    Err(errors.join("; "))
}
