//! Property tests of the readers of outside data.
