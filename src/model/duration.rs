//! Durations in the notation Go and Kubernetes use (`5m`, `30s`, `1.5s`, `300ms`), the one the
//! command line parses: a timeout that ran out is reported in the words it was given in, from
//! the cluster's waits as from the commands.

use std::time::Duration;

/// A duration as the flags take it: `5m`, `30s`, `1.5s`, `300ms`.
pub fn format_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if d.subsec_nanos() == 0 && d.as_secs() >= 60 && d.as_secs().is_multiple_of(60) {
        format!("{}m", d.as_secs() / 60)
    } else if secs >= 1.0 || d.is_zero() {
        format!("{secs}s")
    } else {
        format!("{}ms", d.as_millis())
    }
}
