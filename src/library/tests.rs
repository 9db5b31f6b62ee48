//! Unit tests of the library: metadata, the index format, search.
