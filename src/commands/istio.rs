//! `osm istio ...`: parse istioctl's flags, call the Istio lifecycle in ops, print the result.

use super::Context;
use super::files::{read_filenames, read_inject_input};
use crate::cli::istio::{
    InstallArgs, IstioCommand, KubeInjectArgs, ManifestCommand, ManifestGenerateArgs, RenderArgs,
    UninstallArgs, VerifyInstallArgs, VersionArgs,
};
use crate::error::{Error, Result};
use crate::model::istio::Manifest;
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
    // Every file is read before the cluster is reached, in the order istioctl reads them.
    let read =
        |name: &Option<String>, flag: &str| name.as_deref().map(|n| read_inject_input(n, flag)).transpose();
    let operator_file = match &args.operator_file_name {
        Some(name) => Some((name.clone(), read_inject_input(name, "--operatorFileName")?)),
        None => None,
    };
    let request = InjectRequest {
        manifest: read_inject_input(&filename, "-f/--filename")?,
        manifest_name: filename,
        mesh_config: read(&args.mesh_config_file, "--meshConfigFile")?,
        inject_config: read(&args.inject_config_file, "--injectConfigFile")?,
        values: read(&args.values_file, "--valuesFile")?,
        revision: args.revision,
        inject_config_map_name: args.inject_config_map_name,
        mesh_config_map_name: args.mesh_config_map_name,
        istio_namespace: args.istio_namespace,
        native_sidecars_env: std::env::var("ENABLE_NATIVE_SIDECARS").ok(),
        operator_file,
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
    let inputs = crate::model::istio::Inputs {
        files: read_filenames(&args.filename)?,
        set: args.set.clone(),
        revision: args.revision.clone(),
        force: args.force,
        package: match &args.manifests {
            Some(dir) => crate::model::istio::manifests::Package::Files(read_package(dir)?),
            None => crate::model::istio::manifests::Package::Builtin,
        },
    };
    let manifest = crate::model::istio::generate(&inputs)?;
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
        let tag = install::existing_default_tag(cluster, &install::labelled(&manifest)).await?;
        for line in install::plan_lines(&manifest, exists, tag.as_deref())? {
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
    let opts =
        install::InstallOptions { readiness_timeout: args.readiness_timeout, force: args.render.force };
    let installed = install::install(&ctx.out, cluster, &manifest, &opts).await?;
    let rev = istio::revision_or_default(&manifest.revision);
    // operator/cmd/mesh/install.go:196-199.
    if crate::model::istio::values::get_string(&manifest.operator, "spec.profile") == "ambient" {
        ctx.out.info("The ambient profile has been installed successfully, enjoy Istio without sidecars!");
    }
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
    // operator/cmd/mesh/uninstall.go:94-101: something has to say what to remove.
    let set_revision = args
        .set
        .iter()
        .map(|flag| crate::model::istio::values::path_and_value(flag))
        .filter(|(path, _)| path == "revision")
        .map(|(_, value)| value)
        .next_back()
        .unwrap_or_default();
    if args.revision.is_none() && set_revision.is_empty() && args.filename.is_none() && !args.purge {
        return Err(Error::usage(
            "at least one of the --revision (or --set revision=<revision>), --filename or --purge flags must be set",
        )
        .with_hint("osm istio uninstall --revision default removes the default control plane"));
    }
    let revision = args.revision.clone().filter(|r| !r.is_empty());
    // uninstall.go:140-142.
    if args.purge && (revision.is_some() || args.filename.is_some()) {
        ctx.out.warn(
            "Purge uninstall will remove all Istio resources, ignoring the specified revision or operator file",
        );
    }
    // uninstall.go:143-151: the IstioOperator of the file and --set values, merged as install
    // merges them (a file or path it cannot read is refused before anything is removed).
    let inputs = crate::model::istio::Inputs {
        files: read_filenames(args.filename.as_slice())?,
        set: args.set.clone(),
        revision: revision.clone(),
        force: args.force,
        package: match &args.manifests {
            Some(dir) => crate::model::istio::manifests::Package::Files(read_package(dir)?),
            None => crate::model::istio::manifests::Package::Builtin,
        },
    };
    let operator = crate::model::istio::generate::merge_inputs(&inputs)?;
    // uninstall.go:127-135: a --revision that is not installed fails before anything, a purge
    // included.
    if args.purge
        && let Some(rev) = &revision
    {
        uninstall::check_revision(ctx.cluster().await?, rev).await?;
    }
    let scope = if args.purge {
        Scope::Purge
    } else {
        let owner_name = crate::model::istio::values::get_string(&operator, "metadata.name");
        let owner_namespace = crate::model::istio::values::get_string(&operator, "metadata.namespace");
        if revision.is_none() {
            let named = crate::model::istio::values::get_string(&operator, "spec.values.revision");
            let what = if owner_name.is_empty() {
                format!("every revision's control plane in namespace {owner_namespace}")
            } else {
                format!(
                    "what IstioOperator {owner_name} installed in namespace {owner_namespace}, of every revision"
                )
            };
            let note = if named.is_empty() {
                String::new()
            } else {
                format!(
                    "; the IstioOperator's revision {named} does not narrow it, as with istioctl: add --revision {named}"
                )
            };
            ctx.out.info(&format!("Selecting {what}{note}"));
        }
        Scope::ControlPlane { revision: revision.clone(), owner_name, owner_namespace }
    };
    let cluster = ctx.cluster().await?;
    let objects = uninstall::plan(cluster, &scope).await?;
    let what = match &scope {
        Scope::Purge => "Istio".to_string(),
        Scope::ControlPlane { revision: Some(rev), .. } => format!("Istio revision {rev}"),
        Scope::ControlPlane { revision: None, owner_namespace, .. } => {
            format!("Istio's control planes in {owner_namespace}")
        }
    };
    if objects.is_empty() {
        if matches!(scope, Scope::ControlPlane { revision: None, .. }) {
            // uninstall.go:185-187 (NoResourcesRemovedWarning).
            ctx.out
                .data("No resources will be pruned from the cluster. Please double check the input configs");
        } else {
            ctx.out.data(&format!("{what} is not installed; nothing to uninstall"));
        }
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
