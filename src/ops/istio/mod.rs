//! Istio's lifecycle against a cluster: install, uninstall, versions and checks.

pub mod inject;
