//! The domain: Open Service Mesh's label and annotation keys, its resources and values.

pub mod crds;
pub mod discovery;
pub mod keys;
pub mod meshconfig;
pub mod mrc;
pub mod policy;
pub mod record;
pub mod render;
pub mod smi;
pub mod values;
