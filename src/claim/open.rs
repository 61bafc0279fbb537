//! Open clause extraction (placeholder, being written).
