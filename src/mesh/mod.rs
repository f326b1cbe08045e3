//! The domain: Open Service Mesh's label and annotation keys, its resources and values.

pub mod canary;
pub mod chart;
pub mod config_schema;
pub mod discovery;
pub mod errcodes;
pub mod health;
pub mod keys;
pub mod membership;
pub mod meshconfig;
pub mod policy;
pub mod redact;
pub mod release;
pub mod routing;
pub mod settings;
pub mod smi;
pub mod split;
pub mod verify;
