//! Operations more than one command performs, between the commands (which parse and print)
//! and the cluster toolkit: the control plane's lifecycle, what a mesh has on the cluster, its
//! release records, and the routing objects traffic verbs and shifts edit.

pub mod connect;
pub mod diagnose;
pub mod discovery;
pub mod forwarding;
pub mod inventory;
pub mod istio;
pub mod lifecycle;
pub mod mesh_config;
pub mod metrics;
pub mod namespaces;
pub mod policy;
pub mod progress;
pub mod proxy;
pub mod releases;
pub mod traffic;

pub use connect::{Cluster, connect};
pub use progress::Progress;
