//! Open Service Mesh itself: its label and annotation keys, the v1.2.4 chart and its values, the
//! MeshConfig and its settings, its own policy resources, the release record of an install, its
//! error codes and the Go CLI's verifications.

pub mod chart;
pub mod config_schema;
pub mod errcodes;
pub mod keys;
pub mod meshconfig;
pub mod policy;
pub mod redact;
pub mod release;
pub mod settings;
pub mod verify;
