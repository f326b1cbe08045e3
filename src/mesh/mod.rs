//! The domain: Open Service Mesh's label and annotation keys, its resources and values.

pub mod crds;
pub mod discovery;
pub mod keys;
pub mod meshconfig;
pub mod smi;
pub mod split;
