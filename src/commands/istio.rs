//! `osm istio ...`: parse istioctl's flags, call the Istio lifecycle in ops, print the result.

use super::Context;
use crate::cli::istio::{
    InstallArgs, IstioCommand, KubeInjectArgs, ManifestCommand, ManifestGenerateArgs, RenderArgs,
    UninstallArgs, VerifyInstallArgs, VersionArgs,
};
use crate::error::{Error, Result};
use crate::mesh::istio::Manifest;
use crate::ops::istio::inject::InjectRequest;
use crate::ops::istio::uninstall::Scope;
use crate::ops::istio::{self, install, uninstall, verify, version};

pub async fn run(ctx: &Context, command: IstioCommand) -> Result<()> {
    match command {
        IstioCommand::Manifest(ManifestCommand::Generate(args)) => manifest_generate(ctx, &args),
        IstioCommand::Install(args) => run_install(ctx, args).await,
        IstioCommand::Uninstall(args) => run_uninstall(ctx, args).await,
        IstioCommand::KubeInject(args) => kube_inject(ctx, *args).await,
        IstioCommand::Version(args) => run_version(ctx, args).await,
        IstioCommand::VerifyInstall(args) => run_verify_install(ctx, args).await,
    }
}

/// `istioctl manifest generate`: everything is read and checked before anything is printed.
fn manifest_generate(ctx: &Context, args: &ManifestGenerateArgs) -> Result<()> {
    let manifest = render(ctx, &args.render)?;
    let text = manifest.to_yaml()?;
    if !text.is_empty() {
        ctx.out.data(&text);
    }
    Ok(())
}

/// The `-f` files in order; `-` is stdin and only allowed last (operator/pkg/render/manifest.go:265-278).
fn read_filenames(names: &[String]) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let text = if name == "-" {
            if index != names.len() - 1 {
                return Err(Error::invalid("-f -: stdin is only allowed as the last filename"));
            }
            std::io::read_to_string(std::io::stdin())
                .map_err(|e| Error::invalid(format!("-f -: cannot read stdin: {e}")))?
        } else {
            let path = name.trim();
            std::fs::read_to_string(path)
                .map_err(|e| Error::invalid(format!("-f {path}: cannot read the file: {e}")))?
        };
        files.push((name.clone(), text));
    }
    Ok(files)
}

/// Every file under `dir`'s charts/ and profiles/, by its path relative to `dir`.
fn read_package(dir: &std::path::Path) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.join("charts"), dir.join("profiles")];
    while let Some(current) = pending.pop() {
        let entries = std::fs::read_dir(&current).map_err(|e| {
            Error::invalid(format!(
                "--manifests {}: cannot read {}: {e}; it needs Istio's charts/ and profiles/ directories",
                dir.display(),
                current.display()
            ))
        })?;
        for entry in entries {
            let path =
                entry.map_err(|e| Error::invalid(format!("--manifests {}: {e}", dir.display())))?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let relative = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            files.push((relative, text));
        }
    }
    files.sort();
    Ok(files)
}

/// istioctl's kube-inject: the injected manifest to stdout or `-o`, skip warnings to stderr.
async fn kube_inject(ctx: &Context, args: KubeInjectArgs) -> Result<()> {
    let Some(filename) = args.filename else {
        return Err(Error::invalid("filename not specified")
            .with_hint("pass the manifest with -f FILE, or -f - for standard input"));
    };
    let xds = args.xds.given();
    if !xds.is_empty() && args.inject_config_file.is_none() {
        return Err(Error::invalid(format!(
            "{} would inject through a running istiod, which osm does not do",
            xds.join(", ")
        ))
        .with_hint(
            "drop it: osm injects with the templates of the revision's istio-sidecar-injector ConfigMap \
             (the ones istiod runs) and the istio ConfigMap, or offline with --injectConfigFile, \
             --meshConfigFile and --valuesFile",
        ));
    }
    let request = InjectRequest {
        filename,
        inject_config_file: args.inject_config_file,
        mesh_config_file: args.mesh_config_file,
        values_file: args.values_file,
        revision: args.revision,
        inject_config_map_name: args.inject_config_map_name,
        mesh_config_map_name: args.mesh_config_map_name,
        istio_namespace: args.istio_namespace,
        native_sidecars_env: std::env::var("ENABLE_NATIVE_SIDECARS").ok(),
        operator_file: args.operator_file_name,
        webhook_config: args.webhook_config,
    };
    let operator = request.operator_config()?;
    let cluster = if request.needs_cluster(operator.as_ref()) { Some(ctx.cluster().await?) } else { None };
    let injected = istio::inject::kube_inject(&request, operator.as_ref(), cluster).await?;
    match &args.output {
        Some(path) => std::fs::write(path, &injected.manifest).map_err(|e| {
            Error::invalid(format!("cannot write {path}: {e}"))
                .with_hint("pass a writable path to -o/--output")
        })?,
        None => {
            if !injected.manifest.is_empty() {
                ctx.out.data(&injected.manifest);
            }
        }
    }
    eprint!("{}", injected.stderr_text());
    Ok(())
}

/// The rendering of Istio's charts for the flags: profiles, `--set` paths and IstioOperator
/// files, as `manifest generate` renders them; its warnings (`--force`) on stderr.
fn render(ctx: &Context, args: &RenderArgs) -> Result<Manifest> {
    let inputs = crate::mesh::istio::Inputs {
        files: read_filenames(&args.filename)?,
        set: args.set.clone(),
        revision: args.revision.clone(),
        force: args.force,
        package: match &args.manifests {
            Some(dir) => crate::mesh::istio::manifests::Package::Files(read_package(dir)?),
            None => crate::mesh::istio::manifests::Package::Builtin,
        },
    };
    let manifest = crate::mesh::istio::generate(&inputs)?;
    for warning in &manifest.warnings {
        ctx.out.warn(warning);
    }
    Ok(manifest)
}

async fn run_install(ctx: &Context, args: InstallArgs) -> Result<()> {
    let manifest = render(ctx, &args.render)?;
    let cluster = ctx.cluster().await?;
    if args.dry_run {
        let exists = install::namespace_exists(cluster, &manifest.namespace).await?;
        for line in install::plan_lines(&manifest, exists)? {
            ctx.out.data(&line);
        }
        ctx.out.info("--dry-run: nothing was written");
        return Ok(());
    }
    // operator/cmd/mesh/install.go: istioctl asks before it writes, unless -y.
    if !args.skip_confirmation {
        let question = format!(
            "Install Istio {} (revision {}) into namespace {}?",
            istio::ISTIO_VERSION,
            istio::revision_or_default(&manifest.revision),
            manifest.namespace
        );
        if !ctx.out.confirm(&question, "-y (--skip-confirmation)")? {
            return Err(Error::invalid("install cancelled; nothing was written"));
        }
    }
    let opts = install::InstallOptions { readiness_timeout: args.readiness_timeout };
    let installed = install::install(&ctx.out, cluster, &manifest, &opts).await?;
    let rev = istio::revision_or_default(&manifest.revision);
    if installed.unchanged() {
        ctx.out.data(&format!(
            "Istio {} (revision {rev}) is already installed in namespace {} as rendered: unchanged",
            istio::ISTIO_VERSION,
            manifest.namespace
        ));
    } else {
        ctx.out.data(&format!(
            "Istio {} (revision {rev}) installed in namespace {}: {} objects changed, {} pruned",
            istio::ISTIO_VERSION,
            manifest.namespace,
            installed.changed.len(),
            installed.pruned.len()
        ));
    }
    Ok(())
}

async fn run_uninstall(ctx: &Context, args: UninstallArgs) -> Result<()> {
    let scope = match (&args.revision, args.purge) {
        (Some(_), true) => {
            // operator/cmd/mesh/uninstall.go:60: purge ignores the revision, and says so.
            ctx.out.warn("--purge removes every Istio object, ignoring --revision");
            Scope::Purge
        }
        (_, true) => Scope::Purge,
        (Some(rev), false) => Scope::Revision(rev.clone()),
        (None, false) => {
            return Err(Error::usage("pass --revision <REVISION> or --purge")
                .with_hint("osm istio uninstall --revision default removes the default control plane"));
        }
    };
    let cluster = ctx.cluster().await?;
    let objects = uninstall::plan(cluster, &scope).await?;
    let what = match &scope {
        Scope::Purge => "Istio".to_string(),
        Scope::Revision(rev) => format!("Istio revision {rev}"),
    };
    if objects.is_empty() {
        ctx.out.data(&format!("{what} is not installed; nothing to uninstall"));
        return Ok(());
    }
    let names = uninstall::describe(&objects);
    if args.dry_run {
        for name in &names {
            ctx.out.data(&format!("  would remove {name}"));
        }
        ctx.out.info("--dry-run: nothing was removed");
        return Ok(());
    }
    ctx.out.info(&format!("Uninstalling {what} removes {} objects:\n  {}", names.len(), names.join("\n  ")));
    if !args.skip_confirmation
        && !ctx.out.confirm(&format!("Uninstall {what}?"), "-y (--skip-confirmation)")?
    {
        return Err(Error::invalid("uninstall cancelled; nothing was removed"));
    }
    let removed = uninstall::uninstall(&ctx.out, cluster, &objects).await?;
    ctx.out.info(&format!("✔ {what} uninstalled ({} objects removed)", removed.len()));
    Ok(())
}

/// One line per object on stdout; exit 1 when anything is missing or not ready, as `osm verify`.
async fn run_verify_install(ctx: &Context, args: VerifyInstallArgs) -> Result<()> {
    let manifest = render(ctx, &args.render)?;
    let cluster = ctx.cluster().await?;
    let checked = verify::verify(cluster, &manifest).await?;
    let mut failed = 0;
    for c in &checked {
        match &c.problem {
            None => ctx.out.data(&format!("✔ {}", c.object.describe())),
            Some(problem) => {
                failed += 1;
                ctx.out.data(&format!("✘ {}: {problem}", c.object.describe()));
            }
        }
    }
    if failed > 0 {
        return Err(Error::failed(format!(
            "Istio {} is not installed as rendered: {failed} of {} objects missing or not ready",
            istio::ISTIO_VERSION,
            checked.len()
        ))
        .with_hint("install it with osm istio install and the same flags"));
    }
    ctx.out.data(&format!(
        "✔ Istio {} is installed and verified ({} objects)",
        istio::ISTIO_VERSION,
        checked.len()
    ));
    Ok(())
}

async fn run_version(ctx: &Context, args: VersionArgs) -> Result<()> {
    ctx.out.data(&format!("client version: {}", istio::ISTIO_VERSION));
    if !args.remote {
        return Ok(());
    }
    let cluster = ctx.cluster().await?;
    let planes = version::control_planes(cluster).await?;
    if planes.is_empty() {
        ctx.out.info("no Istio control plane (Deployment labelled app=istiod) in the cluster");
        return Ok(());
    }
    let mut versions: Vec<String> = planes.iter().map(|p| p.version.clone()).collect();
    versions.sort();
    versions.dedup();
    ctx.out.data(&format!("control plane version: {}", versions.join(", ")));
    if planes.len() > 1 || ctx.out.verbose > 0 {
        for p in &planes {
            ctx.out.data(&format!("  {}/{} (revision {}): {}", p.namespace, p.name, p.revision, p.version));
        }
    }
    Ok(())
}
