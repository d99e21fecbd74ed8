//! The fixture corpus (tests/fixtures/contacts): every file read, checked against expected.json.
