//! In-browser test: the shipped app decodes contact files with the browser's `TextDecoder`;
//! it must agree with `encoding_rs` (what native builds and tests decode with) on every
//! character set the preview offers, on valid and malformed bytes, with and without a BOM.
#![cfg(target_arch = "wasm32")]

use folio::portability::contacts_in::{decode, decode_strict, encoding_for, CHOICES};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Byte strings that are text in some sets and malformed in others.
fn samples() -> Vec<Vec<u8>> {
    let mut all: Vec<Vec<u8>> = vec![
        b"Jan Novak;jan@example.cz".to_vec(),
        "Věra Šťastná, Kučerová".as_bytes().to_vec(),
        b"\xef\xbb\xbfBOM first".to_vec(),
        b"\xff\xfeB\0E\0G\0".to_vec(),
        b"\x8a\x9a\xe8\xf8\xfd\xe1\xed\xe9".to_vec(),
        b"\x82\xa0\x82\xa2\x93\xfa\x96\x7b".to_vec(),
        b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x90\x28".to_vec(),
        b"\x81".to_vec(),
        Vec::new(),
    ];
    all.push((0..=255u8).collect());
    all
}

#[wasm_bindgen_test]
fn the_browser_decodes_as_encoding_rs_does() {
    for encoding in CHOICES {
        for bytes in samples() {
            let want = encoding.decode_without_bom_handling(&bytes).0.into_owned();
            assert_eq!(
                decode(&bytes, encoding),
                want,
                "{} {bytes:?}",
                encoding.name()
            );
            let strict = encoding
                .decode_without_bom_handling_and_without_replacement(&bytes)
                .map(|t| t.into_owned());
            assert_eq!(
                decode_strict(&bytes, encoding),
                strict,
                "{} strict {bytes:?}",
                encoding.name()
            );
        }
    }
}

#[wasm_bindgen_test]
fn every_label_a_file_may_declare_decodes() {
    for label in [
        "cp1250",
        "latin2",
        "iso-8859-1",
        "koi8-u",
        "gb18030",
        "big5",
        "euc-kr",
        "iso-2022-jp",
        "x-user-defined",
        "csiso2022kr",
        "ibm866",
    ] {
        let encoding = encoding_for(label).expect(label);
        let bytes: Vec<u8> = (0x20..=0xffu8).collect();
        let want = encoding.decode_without_bom_handling(&bytes).0.into_owned();
        assert_eq!(decode(&bytes, encoding), want, "{label}");
    }
}
