//! The domain: Open Service Mesh's label and annotation keys, its resources and values.

pub mod config_schema;
pub mod crds;
pub mod discovery;
pub mod keys;
pub mod membership;
pub mod meshconfig;
pub mod mrc;
pub mod policy;
pub mod record;
pub mod render;
pub mod routing;
pub mod settings;
pub mod smi;
pub mod split;
pub mod values;
