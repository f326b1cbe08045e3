//! The integration tests, one binary with a module per area (as cargo's own testsuite is laid
//! out): the crate is linked once, and the tests that need a Kubernetes control plane share one,
//! started by the first of them (`common::cluster()`) and stopped when the binary exits. Each
//! test works in namespaces and meshes named for it alone (`common::unique_name`); what is
//! cluster-wide and shared is taken in turns (`common::cluster_wide_turn()`). A module that
//! needs a cluster no other test touches says why and uses `common::private_cluster()`.
//!
//! Run one area with a name filter: `cargo test --test it install_contract::`.

mod common;
mod powershell;

mod canary;
mod chart_contract;
mod check;
mod cli;
mod cluster_access;
mod completions;
mod control_plane;
mod dashboard;
mod fault;
mod generated;
mod go_cli;
mod helm;
mod install;
mod install_contract;
mod install_ps1;
mod install_sh;
mod istio_inject;
mod istio_inject_cluster;
mod istio_inject_upstream;
mod istio_install;
mod istio_manifest;
mod istio_namespaces;
mod istio_revisions;
mod layers;
mod mesh_config;
mod metrics;
mod namespace;
mod port_forward;
mod proxy;
mod snapshots;
mod support;
mod toggles;
mod toggles_readback;
mod traffic_gateway;
mod traffic_routes;
mod traffic_shift;
mod traffic_split;
mod uninstall;
mod values;
mod verify;
