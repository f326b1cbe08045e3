//! One module per command group. Each takes its arguments and a [`Context`] and returns a typed
//! result that [`crate::output`] renders.

pub mod check;
pub mod completion;
pub mod dashboard;
mod each_namespace;
pub mod env;
mod files;
pub mod install;
pub mod istio;
pub mod mesh;
pub mod mesh_config;
pub mod metrics;
pub mod namespace;
pub mod policy;
pub mod port_forward;
mod progress;
pub mod proxy;
pub mod support;
pub mod toggles;
pub mod traffic;
pub mod uninstall;
pub mod verify;
pub mod version;

use tokio::sync::OnceCell;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::error::{Error, Result};
use crate::ops::Cluster;
use crate::output::Output;

/// What every command gets: the global flags, output settings and a lazily connected client
/// (commands such as `version --client` or `install --dry-run` never touch the cluster).
pub struct Context {
    pub global: GlobalArgs,
    pub out: Output,
    cluster: OnceCell<Cluster>,
}

impl Context {
    /// Connects to nothing: the client is built on the first [`Context::cluster`] call, so commands
    /// that never need the cluster work without a kubeconfig.
    pub fn new(global: GlobalArgs) -> Self {
        let out = Output::new(global.no_color, global.verbose);
        Context { global, out, cluster: OnceCell::new() }
    }

    /// Connects on first use and hands every later caller the same client. A failed connection is not
    /// kept, so a caller that retries (`osm check --wait`) connects again.
    pub async fn cluster(&self) -> Result<&Cluster> {
        self.cluster
            .get_or_try_init(|| async {
                let settings = crate::ops::connect::Settings {
                    kubeconfig: self.global.kubeconfig.clone(),
                    context: self.global.context.clone(),
                    request_timeout: self.global.request_timeout,
                };
                crate::ops::connect(&settings, &self.out).await
            })
            .await
    }
}

/// Everything below `main`: starts the async runtime (and kube's request logging with `-vv`), and
/// returns the error whose kind decides the exit code; `main` prints it.
pub fn run(cli: Cli) -> Result<()> {
    init_tracing(cli.global.verbose);
    crate::ops::connect::init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::failed(format!("cannot start the async runtime: {e}")))?;
    let ctx = Context::new(cli.global);
    runtime.block_on(dispatch(&ctx, cli.command))
}

async fn dispatch(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Version(args) => version::run(ctx, args).await,
        Command::Check(args) => check::run(ctx, args).await,
        Command::Support(cmd) => support::run(ctx, cmd).await,
        Command::Verify(cmd) => verify::run(ctx, cmd).await,
        Command::Policy(cmd) => policy::run(ctx, cmd).await,
        Command::Env(args) => env::run(ctx, args),
        Command::Completion(args) => completion::run(ctx, args),
        Command::Namespace(args) => namespace::run(ctx, args).await,
        Command::Metrics(args) => metrics::run(ctx, args).await,
        Command::PortForward(args) => port_forward::run(ctx, args).await,
        Command::Dashboard(args) => dashboard::run(ctx, args).await,
        Command::Proxy(args) => proxy::run(ctx, args).await,
        Command::Permissive(cmd) => toggles::run_toggle(ctx, toggles::PERMISSIVE, cmd).await,
        Command::Egress(cmd) => toggles::run_toggle(ctx, toggles::EGRESS, cmd).await,
        Command::Tracing(cmd) => toggles::run_tracing(ctx, cmd).await,
        Command::Traffic(cmd) => traffic::run(ctx, cmd).await,
        Command::Install(args) => install::run(ctx, args).await,
        Command::Uninstall(args) => uninstall::run(ctx, args).await,
        Command::Mesh(args) => mesh::run(ctx, args).await,
        Command::Istio(cmd) => istio::run(ctx, cmd).await,
    }
}

fn init_tracing(verbose: u8) {
    // -v: osm's own debug lines (printed by Output::debug); -vv: every API request kube makes.
    if verbose < 2 {
        return;
    }
    let filter = tracing_subscriber::EnvFilter::new("kube=debug,kube_client=debug,osm=debug");
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}
