//! Go's `text/template`, with the Sprig and Helm functions that Istio's charts and sidecar
//! injection templates call. Istio ships both as Go templates that users customise, so osm runs
//! the templates themselves rather than a hand translation of them.
