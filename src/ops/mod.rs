//! Operations more than one command performs, between the commands (which parse and print)
//! and the cluster toolkit: the control plane's lifecycle, what a mesh has on the cluster, its
//! release records, and the routing objects traffic verbs and shifts edit.

pub mod checkup;
pub mod discovery;
pub mod forwarding;
pub mod inventory;
pub mod istio;
pub mod lifecycle;
pub mod mesh_config;
pub mod namespaces;
pub mod releases;
pub mod routes;
pub mod shift;
