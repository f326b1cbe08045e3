//! Port-forwards that run until the user stops them: `port-forward` and `dashboard` announce
//! their ports and stop on Ctrl-C or SIGTERM the same way.

use std::sync::Arc;

use crate::cluster::Cluster;
use crate::cluster::portforward::{Forwarder, Notice};
use crate::error::{Error, Result};
use crate::output::Output;

/// `Forwarding from 127.0.0.1:8080 -> POD:14001` per port, and a note for each busy port.
pub fn announce(out: &Output, forwarder: &Forwarder) {
    for listening in &forwarder.listening {
        if let Some(busy) = listening.busy_fallback_from {
            out.warn(&format!(
                "local port {busy} is busy; forwarding from port {} instead",
                listening.local.port()
            ));
        }
        out.data(&format!(
            "Forwarding from {} -> {}:{}",
            listening.local, forwarder.first.pod, listening.remote
        ));
    }
}

/// Forwards until Ctrl-C or SIGTERM (exit 0), or until the workload has no ready pod for longer
/// than the reconnect timeout (exit 1).
pub async fn forward_until_interrupted(out: &Output, cluster: &Cluster, forwarder: Forwarder) -> Result<()> {
    let stopped = out.clone();
    let out = out.clone();
    let notice: Notice = Arc::new(move |text: String| match text.strip_prefix("error: ") {
        Some(error) => out.warn(error),
        None => out.info(&text),
    });
    let describe = forwarder.describe().to_string();
    tokio::select! {
        result = forwarder.run(cluster.clone(), notice) => result,
        signal = interrupted() => {
            signal?;
            stopped.info(&format!("stopped forwarding to {describe}"));
            Ok(())
        }
    }
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM: the normal end of a forwarding command, which callers
/// turn into exit 0. Errs only when the signal cannot be listened for.
pub async fn interrupted() -> Result<()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate())
            .map_err(|e| Error::failed(format!("cannot listen for SIGTERM: {e}")))?;
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await.map_err(|e| Error::failed(format!("cannot listen for Ctrl-C: {e}")))
    }
}
