//! What the command line names: the target (`deploy/NAME`, `svc/NAME`, ...) and the
//! `[LOCAL:]REMOTE` port specs, checked before anything talks to the cluster.

use crate::error::{Error, Result};

/// What the user asked to forward to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    Pod,
    Deployment,
    Service,
    /// A bare name: a Deployment of that name, else a Pod.
    Bare,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: TargetKind,
    pub name: String,
}

impl Target {
    /// Accepts kubectl's spellings (`deploy/`, `svc/`, `po/`, a bare name), so a command copied
    /// from kubectl works unchanged; anything else is refused before the cluster is asked.
    pub fn parse(text: &str) -> Result<Target> {
        let (kind, name) = match text.split_once('/') {
            None => (TargetKind::Bare, text),
            Some((kind, name)) => {
                let kind = match kind.to_ascii_lowercase().as_str() {
                    "pod" | "pods" | "po" => TargetKind::Pod,
                    "deploy" | "deployment" | "deployments" => TargetKind::Deployment,
                    "svc" | "service" | "services" => TargetKind::Service,
                    other => {
                        return Err(Error::invalid(format!("cannot forward to a {other:?}: unknown kind"))
                            .with_hint(
                                "use pod/NAME, deploy/NAME, svc/NAME, or a bare deployment or pod name",
                            ));
                    }
                };
                (kind, name)
            }
        };
        if name.is_empty() || name.contains('/') {
            return Err(Error::invalid(format!("invalid target {text:?}"))
                .with_hint("use pod/NAME, deploy/NAME, svc/NAME, or a bare deployment or pod name"));
        }
        Ok(Target { kind, name: name.to_string() })
    }
}

/// A remote port by number, or by the name of a container (or service) port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemotePort {
    Number(u16),
    Name(String),
}

impl std::fmt::Display for RemotePort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RemotePort::Number(n) => write!(f, "{n}"),
            RemotePort::Name(n) => f.write_str(n),
        }
    }
}

/// One `[LOCAL:]REMOTE` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortSpec {
    /// `None`: the remote number (falling back to a free port when busy); `Some(0)`: any free port.
    pub local: Option<u16>,
    pub remote: RemotePort,
}

impl PortSpec {
    /// Checked up front, as kubectl does, so a typo is reported before anything listens; a port
    /// name is kept as a name, as only the pod (or service) can say which number it stands for.
    pub fn parse(text: &str) -> Result<PortSpec> {
        let bad = |why: &str| {
            Error::invalid(format!("invalid port {text:?}: {why}"))
                .with_hint("use REMOTE, LOCAL:REMOTE or :REMOTE, e.g. 8080:14001 (REMOTE may be a port name)")
        };
        let (local, remote) = match text.split_once(':') {
            None => (None, text),
            Some(("", remote)) => (Some(0), remote),
            Some((local, remote)) => {
                let local: u16 =
                    local.parse().map_err(|_| bad("the local port is not a number from 0 to 65535"))?;
                (Some(local), remote)
            }
        };
        let remote = match remote.parse::<u16>() {
            Ok(0) => return Err(bad("the remote port cannot be 0")),
            Ok(n) => RemotePort::Number(n),
            Err(_) if is_port_name(remote) => RemotePort::Name(remote.to_string()),
            Err(_) => return Err(bad("the remote port is neither a number from 1 to 65535 nor a port name")),
        };
        if local.is_none() && matches!(remote, RemotePort::Name(_)) {
            // A name says nothing about which local port to use.
            return Ok(PortSpec { local: Some(0), remote });
        }
        Ok(PortSpec { local, remote })
    }
}

fn is_port_name(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 15
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && text.chars().any(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(
            Target::parse("deploy/a").unwrap(),
            Target { kind: TargetKind::Deployment, name: "a".into() }
        );
        assert_eq!(Target::parse("deployment/a").unwrap().kind, TargetKind::Deployment);
        assert_eq!(Target::parse("svc/a").unwrap().kind, TargetKind::Service);
        assert_eq!(Target::parse("pod/a").unwrap().kind, TargetKind::Pod);
        assert_eq!(Target::parse("a").unwrap().kind, TargetKind::Bare);
        assert!(Target::parse("job/a").unwrap_err().message.contains("unknown kind"));
        assert!(Target::parse("pod/").is_err());
    }

    #[test]
    fn port_specs() {
        assert_eq!(
            PortSpec::parse("8080").unwrap(),
            PortSpec { local: None, remote: RemotePort::Number(8080) }
        );
        assert_eq!(
            PortSpec::parse("18080:80").unwrap(),
            PortSpec { local: Some(18080), remote: RemotePort::Number(80) }
        );
        assert_eq!(PortSpec::parse(":80").unwrap().local, Some(0));
        assert_eq!(PortSpec::parse("9000:http").unwrap().remote, RemotePort::Name("http".into()));
        assert_eq!(PortSpec::parse("http").unwrap().local, Some(0));
        assert!(PortSpec::parse("99999:80").is_err());
        assert!(PortSpec::parse("8080:0").is_err());
        assert!(PortSpec::parse("8080:Bad_Name").is_err());
    }
}
